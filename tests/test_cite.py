"""zgc cite: each style against a known-good entry built from its rules, and the CLI.

The known-good entries are written here from each style's own rules (the comment
beside each part says which rule), not copied from zgc's output. The exchange
formats are also read back by their own tools: BibTeX by bibtexparser (v2),
CSL-JSON by the CSL data schema (tests/fixtures/csl-data.json, MIT, see
csl-data.LICENSE.md), RIS by its line rules.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
from typer.testing import CliRunner

from zgc_cli.cli import app
from zgc_cli.model.dataset import Dataset, Publication
from zgc_cli.present.choices import CitationStyle
from zgc_cli.present.citations import (
    apa_entry,
    bibtex_entry,
    csl_json,
    default_style,
    figure_note,
    format_citation,
    format_citations,
    gbt7714_entry,
    latex_escaped,
    ris_record,
)
from zgc_cli.stats.citations import (
    CitedFigure,
    DataVersion,
    cite,
    cited_work,
    data_version,
    date_parts,
)
from zgc_cli.stats.references import references
from zgc_cli.words import Language

REPO = Path(__file__).resolve().parent.parent
SHIPPED_CSV = REPO / "data" / "metrics.csv"
CSL_SCHEMA = json.loads((REPO / "tests" / "fixtures" / "csl-data.json").read_text("utf-8"))
runner = CliRunner()
ESC = "\x1b"

# The GB/T 7714-2015 example of an article in a periodical (its 8.1.2 and 4.4 examples):
# four authors, so three and 等; a Chinese title with its subtitle after a colon.
STANDARD_EXAMPLE = cited_work(
    Publication(
        title="蓝田生物群：一个认识多细胞生物起源和早期演化的新窗口",
        publisher="科学通报",
        authors="袁训来, 陈哲, 肖书海, 王小娟",
        date="2012",
    )
)
OUTLOOK = cited_work(
    Publication(
        title="中关村的一篇报道",
        publisher="《瞭望》新闻周刊 (Outlook Weekly)",
        authors="郭奔胜, 王明浩",
        date="2024-04",
    )
)
DATA = DataVersion(name="pkg", version="1.0.0", file_name="metrics.csv", sha256="ab" * 32)


def figure(work=OUTLOOK, **overrides: object) -> CitedFigure:  # noqa: ANN001
    values: dict[str, object] = {
        "metric": "revenue",
        "entity": "zgc",
        "year": 2023,
        "value": 8.6e12,
        "unit": "CNY",
        "status": "estimate",
        "qualifier": "exact",
        "year_basis": "stated",
        "quote": "提高到2023年的预计8.6万亿元",
        "indicator_names": {"en": "Total revenue of firms", "zh": "企业总收入"},
        "entity_names": {"en": "Zhongguancun", "zh": "中关村示范区"},
        "work": work,
        "data": DATA,
        "accessed": "2026-11-29",
    }
    values.update(overrides)
    return CitedFigure(**values)  # type: ignore[arg-type]


def zgc(*args: str, input: str | None = None):  # noqa: ANN201 - a Result
    return runner.invoke(app, ["cite", *args], input=input)


# --- GB/T 7714-2015 ---------------------------------------------------------------------


def test_gbt7714_entry_follows_the_standards_periodical_example() -> None:
    expected = (
        # 8.1.2: no more than three authors, then 等; names apart by a comma.
        "袁训来, 陈哲, 肖书海, 等. "
        # 4.4.1: 题名 then the type code; J is 期刊 (appendix B): a periodical's article.
        "蓝田生物群：一个认识多细胞生物起源和早期演化的新窗口[J]. "
        # 4.4.1: 刊名, 年 (no volume, issue or pages are known: none is invented).
        "科学通报, 2012."
    )
    # ". " and ", " as the CSL project's GB/T 7714-2015 style prints them (the renderer
    # tests in test_cite_renderers.py hold zgc to its output).
    assert gbt7714_entry(figure(STANDARD_EXAMPLE)) == expected


def test_gbt7714_names_the_weekly_as_a_periodical_j_not_a_newspaper_n() -> None:
    entry = gbt7714_entry(figure())
    # A news weekly is a periodical (期刊, J); N is for newspapers (报纸).
    # 刊名 without the 书名号 of running text, as the standard's examples (科学通报).
    assert entry == "郭奔胜, 王明浩. 中关村的一篇报道[J]. 瞭望新闻周刊, 2024."
    assert "[N]" not in entry and "(4)" not in entry  # April is no issue number


def test_gbt7714_gives_the_issue_number_where_the_package_has_one() -> None:
    issued = cited_work(
        Publication(
            title="报道", publisher="《瞭望》新闻周刊", authors="郭奔胜", date="2024-04", issue="16"
        )
    )
    # 4.4.1: 刊名, 年(期).
    assert gbt7714_entry(figure(issued)) == "郭奔胜. 报道[J]. 瞭望新闻周刊, 2024(16)."
    # Without one the note says it was not given, rather than the entry guessing one.
    assert "no issue number" in figure_note(figure(), Language.en)
    assert "no issue number" not in figure_note(figure(issued), Language.en)


def test_gbt7714_online_source_gets_ol_the_citing_date_and_the_address() -> None:
    online = cited_work(
        Publication(title="报道", publisher="《瞭望》新闻周刊", authors="郭奔胜", date="2024-04"),
        url="https://example.org/a",
    )
    # As the standard's online examples: [J/OL], then [引用日期]. 获取和访问路径.
    assert gbt7714_entry(figure(online)) == (
        "郭奔胜. 报道[J/OL]. 瞭望新闻周刊, 2024[2026-11-29]. https://example.org/a."
    )


def test_gbt7714_cites_a_news_web_page_as_eb_ol_with_its_date() -> None:
    page = cited_work(
        Publication(
            title="新闻",
            publisher="中国新闻网 (China News Service)",
            date="2024-09-30",
            kind="webpage",
        ),
        url="https://example.org/n",
    )
    # 4.7.1 and the standard's news-page example (萧钰, 出版业信息化迈入快车道[EB/OL].
    # (2001-12-19)[2002-04-15]. http://...): EB/OL, (发表日期)[引用日期], not J/OL.
    assert gbt7714_entry(figure(page)) == (
        "新闻[EB/OL]. (2024-09-30)[2026-11-29]. https://example.org/n."
    )


def test_gbt7714_western_entry_uses_western_punctuation_and_et_al() -> None:
    western = cited_work(
        Publication(title="A title", publisher="Weekly", authors="A, B, C, D", date="2020")
    )
    # 8.1.2: a Western entry ends its list of three with "et al".
    assert gbt7714_entry(figure(western)) == "A, B, C, et al. A title[J]. Weekly, 2020."


# --- APA 7 ------------------------------------------------------------------------------


def test_apa_entry_follows_the_magazine_article_rules() -> None:
    expected = (
        # Every author up to 20, a comma and & before the last (names as given).
        "郭奔胜, & 王明浩. "
        # A magazine article (APA's periodical examples): the year and the issue's month.
        "(2024, April). "
        # The article's title as it is; then the periodical's own name: APA never
        # translates it (its English name is kept apart, in CSL-JSON's custom field).
        "中关村的一篇报道. 瞭望新闻周刊."
    )
    assert apa_entry(figure()) == expected


def test_apa_without_a_date_says_no_date() -> None:
    undated = cited_work(Publication(title="T", publisher="W", authors="X", date=""))
    assert "(n.d.)" in apa_entry(figure(undated))  # APA: no date is "n.d."


# --- BibTeX -----------------------------------------------------------------------------


def test_bibtex_entry_is_an_article_with_the_expected_fields() -> None:
    text = bibtex_entry(figure(), Language.en)
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    [entry] = library.entries
    # A magazine article is an @article in BibTeX's standard types; the key names the row.
    assert entry.entry_type == "article"
    assert entry.key == "revenue:zgc:2023"
    fields = {name: field.value for name, field in entry.fields_dict.items()}
    assert fields["author"] == "{郭奔胜} and {王明浩}"  # "and" between names, each kept whole
    assert fields["title"] == "{中关村的一篇报道}"  # doubled braces keep the title's case
    # biblatex: the periodical's own name and, apart, its English one; a magazine.
    assert fields["journaltitle"] == "瞭望新闻周刊"
    assert fields["journaltitle-translated"] == "Outlook Weekly"
    assert fields["entrysubtype"] == "magazine"
    assert fields["langid"] == "chinese"
    assert fields["year"] == "2024"
    assert fields["month"] == "apr"  # BibTeX's month macro, not a quoted string
    assert "提高到2023年的预计8.6万亿元" in fields["note"]
    assert "SHA-256 " + "ab" * 32 in fields["note"]


def test_latex_specials_are_escaped_with_balanced_braces() -> None:
    escaped = latex_escaped("51% & {x} #1 $ _ ~ ^ \\")
    assert escaped == (
        r"51\% \& \textbraceleft{}x\textbraceright{} \#1 \$ \_ \textasciitilde{} "
        r"\textasciicircum{} \textbackslash{}"
    )


# --- RIS --------------------------------------------------------------------------------

RIS_LINE = re.compile(r"^[A-Z][A-Z0-9]  - ")


def test_ris_record_has_its_tags_in_order() -> None:
    lines = ris_record(figure(), Language.en).split("\n")
    tags = [line[:2] for line in lines]
    # TY first and ER last (the RIS rules); MGZN is RIS's type for a magazine article;
    # one AU per author, T2 the periodical, PY the year, DA year/month/day/, LA language.
    assert tags == ["TY", "ID", "AU", "AU", "TI", "T2", "PY", "DA", "LA", "N1", "ER"]
    assert "LA  - zh-CN" in lines
    assert lines[0] == "TY  - MGZN"
    assert lines[-1] == "ER  - "
    assert lines[2:4] == ["AU  - 郭奔胜", "AU  - 王明浩"]
    assert "DA  - 2024/04//" in lines
    assert all(RIS_LINE.match(line) for line in lines)


# --- CSL-JSON ---------------------------------------------------------------------------


def test_csl_json_is_valid_csl_data() -> None:
    online = cited_work(
        Publication(title="T", publisher="W", authors="X", date="2024-04-25"),
        url="https://example.org/a",
    )
    items = json.loads(csl_json([figure(), figure(online)], Language.zh))
    jsonschema.validate(items, CSL_SCHEMA)
    first = items[0]
    assert first["type"] == "article-magazine"
    assert first["author"] == [{"literal": "郭奔胜"}, {"literal": "王明浩"}]
    assert first["issued"] == {"date-parts": [[2024, 4]]}
    assert items[1]["accessed"] == {"date-parts": [[2026, 11, 29]]}
    assert "预计8.6万亿元" in first["note"]


def test_the_schema_would_refuse_an_item_it_does_not_know() -> None:
    # The check can fail: an unknown type is refused, so validating zgc's items means something.
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{"id": "x", "type": "weekly"}], CSL_SCHEMA)


# --- the note ---------------------------------------------------------------------------


def test_note_states_the_figure_its_labels_passage_and_hash_in_each_language() -> None:
    english = figure_note(figure(), Language.en)
    assert "Total revenue of firms (Zhongguancun), 2023: 8.6 trillion CNY" in english
    assert "[8600000000000 CNY] (estimate, unhedged)" in english
    assert "Passage: “提高到2023年的预计8.6万亿元”" in english
    assert "version 1.0.0" in english and "ab" * 32 in english
    chinese = figure_note(figure(), Language.zh)
    assert "企业总收入（中关村示范区），2023年：8.6万亿元" in chinese
    assert "（预计值，无限定词）" in chinese  # the glossary's words
    derived = figure_note(figure(status="derived", qualifier="more_than"), Language.zh)
    assert "（推算值，超过）" in derived


def test_default_style_is_gbt_in_chinese_and_apa_in_english() -> None:
    assert default_style(Language.zh) is CitationStyle.gbt7714
    assert default_style(Language.en) is CitationStyle.apa


# --- the command ------------------------------------------------------------------------


def test_cite_revenue_2023_in_gbt7714_names_outlook_2024_and_the_passage() -> None:
    result = zgc("revenue", "2023", "--style", "gbt7714", "--lang", "zh")
    assert result.exit_code == 0, result.stderr
    entry, cited = result.stdout.rstrip("\n").split("\n")
    assert "瞭望新闻周刊, 2024." in entry and "[J]" in entry
    assert entry.startswith("郭奔胜, 王明浩, 尚前名, 等. ")  # five reporters: three and 等
    # A Chinese reference's title in Chinese (the package's supplied description).
    assert "[关于中关村建设世界领先科技园区的报道][J]" in entry
    # The figure's citation (pandoc's, the figure as locator), then its note.
    citation, note = cited.split(" ", 2)[0:2], cited.split(" ", 2)[2]
    assert citation == ["[@zhongguancun-innovation-figures,", "{figure"]
    assert note.startswith("revenue:zgc:2023}] 注：")
    assert "预计8.6万亿元" in note
    digest = hashlib.sha256(SHIPPED_CSV.read_bytes()).hexdigest()
    assert digest in note  # the shipped file's own hash, so a reader can check it
    version = json.loads((REPO / "data" / "datapackage.json").read_text("utf-8"))["version"]
    assert f"版本{version}" in note
    # As the issue asks it, in the default (English) language: the same entry, an English note.
    plain = zgc("revenue", "2023", "--style", "gbt7714")
    assert plain.stdout.split("\n")[0] == entry
    assert "}] Note. Figure cited: " in plain.stdout.split("\n")[1]
    assert "预计8.6万亿元" in plain.stdout.split("\n")[1]


def test_cite_bibtex_per_figure_parses_with_one_entry_per_figure() -> None:
    result = zgc("revenue", "--style", "bibtex", "--per-figure")
    assert result.exit_code == 0, result.stderr
    library = bibtexparser.parse_string(result.stdout)
    assert library.failed_blocks == []
    assert [entry.key for entry in library.entries] == ["revenue:zgc:2014", "revenue:zgc:2023"]
    for entry in library.entries:
        assert {"author", "title", "journaltitle", "year", "month", "note"} <= set(
            entry.fields_dict
        )
        assert "瞭望" in entry.fields_dict["journaltitle"].value


def test_several_entities_give_one_citation_each_and_entity_narrows() -> None:
    both = json.loads(zgc("registered_large_models", "--style", "csl-json", "--per-figure").stdout)
    assert [item["id"] for item in both] == [
        "registered_large_models:china:2024",
        "registered_large_models:zgc:2024",
    ]
    jsonschema.validate(both, CSL_SCHEMA)
    one = json.loads(
        zgc(
            "registered_large_models", "--entity", "zgc", "--style", "csl-json", "--per-figure"
        ).stdout
    )
    assert [item["id"] for item in one] == ["registered_large_models:zgc:2024"]


def test_the_default_style_follows_the_language() -> None:
    english = zgc("revenue", "2014", "--lang", "en").stdout
    assert "(2024, April)" in english and "瞭望新闻周刊." in english
    chinese = zgc("revenue", "2014", "--lang", "zh").stdout
    assert "[J]" in chinese


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["revenu"], "unknown metric 'revenu'; did you mean revenue,"),
        (["revenue", "2020"], "revenue has no figure for 2020; its years: 2014, 2023"),
        (["revenue", "--entity", "zgcc"], "unknown entity 'zgcc'; did you mean zgc,"),
    ],
)
def test_unknown_metric_year_or_entity_is_one_line_with_near_matches(
    args: list[str], expected: str
) -> None:
    result = zgc(*args)
    assert result.exit_code == 1
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("zgc: error: " + expected)


USER_CSV = (
    "metric,entity,year,value,unit,status,qualifier,quote\nm,e,2020,5,firms,reported,exact,q\n"
)


def _user_data(tmp_path: Path, source: dict[str, str], version: str = "2.0") -> Path:
    path = tmp_path / "metrics.csv"
    path.write_text(USER_CSV, encoding="utf-8")
    package = {"name": "mine", "version": version, "sources": [source]}
    (tmp_path / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    return path


def test_a_users_file_is_cited_from_its_own_data_package(tmp_path: Path) -> None:
    source = {
        "title": "Quarterly survey",
        "publisher": "Some Weekly",
        "authors": "Ann Lee; Bo Chen",
        "date": "2023-05-02",
        "path": "https://example.org/survey",
    }
    path = _user_data(tmp_path, source)
    result = zgc("m", "--data", str(path), "--style", "ris")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    # One record per work: its key is the package's name (the source has none of its own).
    assert lines[:4] == ["TY  - MGZN", "ID  - mine", "AU  - Ann Lee", "AU  - Bo Chen"]
    assert "T2  - Some Weekly" in lines and "DA  - 2023/05/02/" in lines
    assert "UR  - https://example.org/survey" in lines
    note = next(line for line in lines if line.startswith("N1  - "))
    assert "Dataset mine, version 2.0" in note
    assert hashlib.sha256(path.read_bytes()).hexdigest() in note


def test_data_without_a_package_cannot_be_cited(tmp_path: Path) -> None:
    path = tmp_path / "plain.csv"
    path.write_text(USER_CSV, encoding="utf-8")
    result = zgc("m", "--data", str(path))
    assert result.exit_code == 1
    assert result.stderr == (
        f"zgc: error: {path}: no datapackage.json with sources beside the data: "
        "there is no publication to cite\n"
    )


def test_data_from_stdin_is_said_to_have_no_hash() -> None:
    # Standard input is read once, by the loader: there are no bytes left to hash.
    version = data_version(Dataset.open("-"))
    assert (version.file_name, version.sha256) == ("<stdin>", "")
    cited = figure(data=DataVersion(name="n", file_name="<stdin>"))
    note = figure_note(cited, Language.en)
    assert "version not given" in note
    assert "SHA-256 not computed (the data was read from standard input)" in note


def test_cite_is_a_function_of_the_dataset_with_a_fixed_date() -> None:
    result = cite(Dataset.open(), "revenue", 2023, today=datetime.date(2026, 1, 2))
    [cited] = result.figures
    assert cited.accessed == "2026-01-02"
    assert cited.work.periodical_name == "《瞭望》新闻周刊"
    assert cited.work.periodical_other_name == "Outlook Weekly"
    assert cited.work.authors == ("郭奔胜", "王明浩", "尚前名", "陈燕", "张漫子")
    assert cited.work.date_parts == (2024, 4)
    assert cited.data.sha256 == hashlib.sha256(SHIPPED_CSV.read_bytes()).hexdigest()
    assert result.frame["year"].tolist() == [2023]


# --- hostile text in a user's data package ------------------------------------------------

HOSTILE = "x}\n@article{evil,\r\nER  - \n\x1b]0;pwned\x07\x1b[2J\u202ecod{e"


def _hostile_figure() -> CitedFigure:
    work = cited_work(
        Publication(title=HOSTILE, publisher=HOSTILE, authors=f"{HOSTILE}, B", date="2024-04")
    )
    return figure(work, quote=HOSTILE, note=HOSTILE, metric="m", entity="e")


@pytest.mark.parametrize("style", list(CitationStyle))
def test_hostile_text_cannot_break_a_style_or_reach_the_terminal(style: CitationStyle) -> None:
    text = format_citation(_hostile_figure(), style, Language.en)
    assert ESC not in text and "\x07" not in text and "\u202e" not in text
    assert "\r" not in text
    if style in (CitationStyle.gbt7714, CitationStyle.apa):
        assert len(text.split("\n")) == 2  # the entry and its note, nothing injected
    elif style is CitationStyle.ris:
        lines = text.split("\n")
        assert all(RIS_LINE.match(line) for line in lines)
        assert [line for line in lines if line.startswith("ER")] == ["ER  - "]
        assert lines[-1] == "ER  - "
    elif style is CitationStyle.bibtex:
        library = bibtexparser.parse_string(text)
        assert library.failed_blocks == []
        assert [entry.key for entry in library.entries] == ["m:e:2023"]
        fields = library.entries[0].fields_dict
        assert set(fields) == {
            "author",
            "title",
            "journaltitle",
            "entrysubtype",
            "year",
            "month",
            "note",
        }
        assert "\n" not in fields["title"].value
    else:
        jsonschema.validate(json.loads(text), CSL_SCHEMA)


def test_a_hostile_package_on_the_command_line_stays_text(tmp_path: Path) -> None:
    source = {"title": HOSTILE, "publisher": HOSTILE, "authors": HOSTILE, "date": "2024"}
    path = _user_data(tmp_path, source, version=HOSTILE)
    for style in CitationStyle:
        result = zgc("m", "--data", str(path), "--style", style.value)
        assert result.exit_code == 0, result.stderr
        assert ESC not in result.stdout, style
        # Shown, not sent: spelled \x1b (in BibTeX, its backslash escaped for LaTeX).
        assert re.search(r"\\(textbackslash\{\})?x1b", result.stdout), style


def test_several_figures_are_apart_by_a_blank_line() -> None:
    figures = [figure(year=2014), figure()]
    text = format_citations(figures, CitationStyle.gbt7714, Language.zh, per_figure=True)
    assert text.endswith("\n") and text.count("\n\n") == 1


@pytest.mark.parametrize(
    ("date", "parts"),
    [
        ("2024-04", (2024, 4)),
        ("2024-04-25", (2024, 4, 25)),
        ("2024", (2024,)),
        ("2024-13", (2024,)),  # no 13th month: the year alone
        ("2024-02-30", (2024, 2)),  # no 30 February: the year and month
        ("spring 2024", (2024,)),
        ("soon", ()),
    ],
)
def test_a_dates_parts_are_those_it_really_gives(date: str, parts: tuple[int, ...]) -> None:
    assert date_parts(date) == parts


def test_an_undated_source_is_n_d_in_apa_and_a_literal_in_csl_json() -> None:
    undated = cited_work(Publication(title="T", publisher="W", authors="X", date="soon"))
    # The date as the package writes it, as citeproc-js prints a literal date.
    assert apa_entry(figure(undated)) == "X. (soon). T. W."
    dateless = cited_work(Publication(title="T", publisher="W", authors="X", date=""))
    assert apa_entry(figure(dateless)) == "X. (n.d.). T. W."  # APA's "n.d." for no date
    [item] = json.loads(csl_json([figure(undated)], Language.en))
    assert item["issued"] == {"literal": "soon"}
    jsonschema.validate([item], CSL_SCHEMA)


def test_every_figure_of_the_data_can_be_cited_at_once() -> None:
    # What the HTML report asks for: metric None is every figure, each with its own names.
    dataset = Dataset.open()
    result = cite(dataset, None)
    assert len(result.figures) == len(dataset.frame)
    keys = [cited.key for cited in result.figures]
    assert len(set(keys)) == len(keys)
    by_key = {cited.key: cited for cited in result.figures}
    assert by_key["revenue:zgc:2023"].indicator_names["zh"] == "企业总收入"
    assert by_key["registered_large_models:china:2024"].entity_names["zh"] == "全国"


def test_output_file_holds_exactly_what_stdout_gets(tmp_path: Path) -> None:
    printed = zgc("revenue", "2023", "--style", "ris")
    target = tmp_path / "revenue.ris"
    written = zgc("revenue", "2023", "--style", "ris", "-o", str(target))
    assert written.exit_code == 0, written.output
    assert target.read_text(encoding="utf-8") == printed.stdout
    assert printed.stdout.startswith("TY  - ")


def test_output_file_never_replaces_the_data_it_cites(tmp_path: Path) -> None:
    data = tmp_path / "mine.csv"
    data.write_text("metric,year,value\nm,2020,1\n", encoding="utf-8")
    before = data.read_bytes()
    result = zgc("m", "--data", str(data), "-o", str(data))
    assert result.exit_code == 1
    assert "refusing to write" in result.output
    assert data.read_bytes() == before


def test_with_several_sources_each_figure_is_credited_to_its_own(tmp_path: Path) -> None:
    source = {"title": "Quarterly survey", "publisher": "Some Weekly", "date": "2023-05-02"}
    mine = _user_data(tmp_path, source)
    shipped_hash = hashlib.sha256((REPO / "data" / "metrics.csv").read_bytes()).hexdigest()
    mine_hash = hashlib.sha256(mine.read_bytes()).hexdigest()
    for order in (["shipped", str(mine)], [str(mine), "shipped"]):
        data = [part for path in order for part in ("--data", path)]
        own = zgc("m", *data, "--style", "ris")
        assert own.exit_code == 0, own.stderr
        assert "T2  - Some Weekly" in own.stdout and mine_hash in own.stdout
        assert "瞭望" not in own.stdout and shipped_hash not in own.stdout
        article = zgc("revenue", "2023", *data, "--style", "ris")
        assert article.exit_code == 0, article.stderr
        assert "瞭望" in article.stdout and shipped_hash in article.stdout
        assert "Some Weekly" not in article.stdout and mine_hash not in article.stdout


def test_source_credits_each_passage_to_its_own_source(tmp_path: Path) -> None:
    source = {"title": "Quarterly survey", "publisher": "Some Weekly", "date": "2023-05-02"}
    mine = _user_data(tmp_path, source)
    for order in (["shipped", str(mine)], [str(mine), "shipped"]):
        data = [part for path in order for part in ("--data", path)]
        own = runner.invoke(app, ["source", "m", *data, "-f", "json"])
        assert own.exit_code == 0, own.stderr
        [row] = json.loads(own.stdout)
        assert row["source"] == "Some Weekly; 2023-05-02; Quarterly survey"
        article = runner.invoke(app, ["source", "revenue", *data, "-f", "json"])
        assert all("瞭望" in row["source"] for row in json.loads(article.stdout))


# --- one reference per work, each figure cited from it (issue 22) ---------------------------

TWO_FIGURES = ("revenue", "2014", "revenue", "2023")
WORK_KEY = "zhongguancun-innovation-figures"


@pytest.mark.parametrize("style", ["gbt7714", "apa"])
def test_two_figures_of_one_work_are_one_entry_and_two_citations(style: str) -> None:
    result = zgc(*TWO_FIGURES, "--style", style, "--lang", "zh")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.rstrip("\n").split("\n")
    assert len(lines) == 3  # the one entry, then one citation line per figure
    assert "瞭望新闻周刊" in lines[0] and "\n\n" not in result.stdout
    assert lines[1].startswith(f"[@{WORK_KEY}, {{figure revenue:zgc:2014}}] 注：")
    assert lines[2].startswith(f"[@{WORK_KEY}, {{figure revenue:zgc:2023}}] 注：")
    assert "3.6万亿元" in lines[1] and "8.6万亿元" in lines[2]


def test_per_figure_keeps_one_entry_for_each_figure() -> None:
    result = zgc(*TWO_FIGURES, "--style", "gbt7714", "--per-figure")
    entries = result.stdout.rstrip("\n").split("\n\n")
    assert len(entries) == 2
    assert [entry.split("\n")[1].startswith("Note. ") for entry in entries] == [True, True]


def test_bibtex_gives_one_entry_with_both_figures_in_its_note() -> None:
    result = zgc(*TWO_FIGURES, "--style", "bibtex")
    library = bibtexparser.parse_string(result.stdout)
    assert library.failed_blocks == []
    [entry] = library.entries
    assert entry.key == WORK_KEY and entry.entry_type == "article"
    fields = {name: field.value for name, field in entry.fields_dict.items()}
    assert fields["entrysubtype"] == "magazine"  # biblatex-apa keeps a magazine's month
    assert fields["langid"] == "chinese"
    assert fields["title"] == "{[关于中关村建设世界领先科技园区的报道]}"
    assert (
        fields["title-translated"] == "{[Feature on Zhongguancun as a world-leading science park]}"
    )
    assert "number" not in fields  # no issue number is known: none is written
    assert "revenue/zgc/2014" in fields["note"] and "revenue/zgc/2023" in fields["note"]


def test_ris_gives_one_record_with_an_n1_per_figure() -> None:
    lines = zgc(*TWO_FIGURES, "--style", "ris").stdout.rstrip("\n").split("\n")
    assert lines.count("TY  - MGZN") == 1 and lines.count("ER  - ") == 1
    notes = [line for line in lines if line.startswith("N1  - ")]
    assert len(notes) == 2
    assert "revenue/zgc/2014" in notes[0] and "revenue/zgc/2023" in notes[1]
    assert "LA  - zh-CN" in lines and "T2  - 瞭望新闻周刊" in lines
    assert not any(line.startswith("IS  - ") for line in lines)


def test_csl_json_is_one_item_with_a_citation_item_per_figure() -> None:
    items = json.loads(zgc(*TWO_FIGURES, "--style", "csl-json").stdout)
    jsonschema.validate(items, CSL_SCHEMA)
    [item] = items
    assert item["id"] == WORK_KEY
    assert item["language"] == "zh-CN"
    # The original periodical's name; its English one apart, never mixed into it.
    assert item["container-title"] == "瞭望新闻周刊"
    assert item["custom"]["translated"] == {
        "title": {"en": "[Feature on Zhongguancun as a world-leading science park]"},
        "container-title": {"en": "Outlook Weekly"},
    }
    assert item["title"] == "[关于中关村建设世界领先科技园区的报道]"
    assert "issue" not in item
    assert item["custom"]["citation-items"] == [
        {"id": WORK_KEY, "locator": "revenue:zgc:2014", "label": "figure"},
        {"id": WORK_KEY, "locator": "revenue:zgc:2023", "label": "figure"},
    ]
    notes = item["note"].split("\n")
    assert len(notes) == 2 and "3.6 trillion" in notes[0] and "8.6 trillion" in notes[1]


def test_a_year_of_a_metric_may_follow_another_and_a_figure_is_cited_once() -> None:
    items = json.loads(zgc("revenue", "2014", "2023", "revenue", "--style", "csl-json").stdout)
    locators = [one["locator"] for one in items[0]["custom"]["citation-items"]]
    assert locators == ["revenue:zgc:2014", "revenue:zgc:2023"]


def test_a_year_before_any_metric_is_one_line_error() -> None:
    result = zgc("2023", "revenue")
    assert result.exit_code == 1
    assert result.stderr == (
        "zgc: error: 2023: a year cites a figure of the metric before it: name the metric first\n"
    )


@pytest.mark.usefixtures("later_sources")
def test_figures_from_two_publications_are_two_references() -> None:
    # With the later publications, 2014's current figure is the ten-year review's and
    # 2023's the people's congress report's: two works, each a web page ([EB/OL]).
    result = zgc(*TWO_FIGURES, "--style", "gbt7714", "--lang", "zh")
    entries = result.stdout.rstrip("\n").split("\n\n")
    assert len(entries) == 2
    assert all("[EB/OL]. (2024-" in entry.split("\n")[0] for entry in entries)
    assert "[J/OL]" not in result.stdout
    # As known in May 2024, both are the article's: one reference.
    earlier = zgc(*TWO_FIGURES, "--style", "gbt7714", "--as-of", "2024-05")
    assert earlier.stdout.count("\n\n") == 0 and "[J]" in earlier.stdout


def test_a_chinese_gloss_in_brackets_is_part_of_the_name_not_an_english_name() -> None:
    work = cited_work(Publication(title="新闻", publisher="北京人大网（北京市人大常委会）"))
    assert work.container_title == "北京人大网（北京市人大常委会）"
    assert work.periodical_other_name == ""
    assert work.language == "zh-CN"  # written in Chinese: a Chinese reference


def test_two_works_with_one_key_are_told_apart() -> None:
    first = cited_work(Publication(title="A", publisher="W", name="src"))
    second = cited_work(Publication(title="B", publisher="W", name="src"))
    grouped = references([figure(first), figure(second, year=2014), figure(first, year=2020)])
    assert [(one.work.key, len(one.figures)) for one in grouped] == [("src", 2), ("src-2", 1)]
