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
import sys
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
from zgc_cli.present.i18n import Language
from zgc_cli.stats.citations import (
    CitedFigure,
    DataVersion,
    cite,
    cited_work,
    data_version,
    date_parts,
)

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
        "袁训来，陈哲，肖书海，等．"
        # 4.4.1: 题名 then the type code; J is 期刊 (appendix B): a periodical's article.
        "蓝田生物群：一个认识多细胞生物起源和早期演化的新窗口[J]．"
        # 4.4.1: 刊名, 年 (no volume, issue or pages are known: none is invented).
        "科学通报，2012．"
    )
    # Full-width ．，as the standard prints its Chinese examples.
    assert gbt7714_entry(figure(STANDARD_EXAMPLE)) == expected


def test_gbt7714_names_the_weekly_as_a_periodical_j_not_a_newspaper_n() -> None:
    entry = gbt7714_entry(figure())
    # A news weekly is a periodical (期刊, J); N is for newspapers (报纸).
    assert entry == "郭奔胜，王明浩．中关村的一篇报道[J]．《瞭望》新闻周刊，2024．"
    assert "[N]" not in entry and "(4)" not in entry  # April is no issue number


def test_gbt7714_online_source_gets_ol_the_citing_date_and_the_address() -> None:
    online = cited_work(
        Publication(title="报道", publisher="《瞭望》新闻周刊", authors="郭奔胜", date="2024-04"),
        url="https://example.org/a",
    )
    # As the standard's online [N/OL] example: [J/OL], then [引用日期]. 获取和访问路径.
    assert gbt7714_entry(figure(online)) == (
        "郭奔胜．报道[J/OL]．《瞭望》新闻周刊，2024[2026-11-29]．https://example.org/a．"
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
        # A magazine article (APA's periodical examples): the year and the month.
        "(2024, April). "
        # The article's title as it is; then the periodical's own (English) title.
        "中关村的一篇报道. Outlook Weekly."
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
    assert fields["journal"] == "《瞭望》新闻周刊 (Outlook Weekly)"
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
    # one AU per author, T2 the periodical, PY the year, DA year/month/day/.
    assert tags == ["TY", "ID", "AU", "AU", "TI", "T2", "PY", "DA", "N1", "ER"]
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
    entry, note = result.stdout.rstrip("\n").split("\n")
    assert "《瞭望》" in entry and "，2024．" in entry and "[J]" in entry
    assert entry.startswith("郭奔胜，王明浩，尚前名，等．")  # five reporters: three and 等
    assert note.startswith("注：")
    assert "预计8.6万亿元" in note
    digest = hashlib.sha256(SHIPPED_CSV.read_bytes()).hexdigest()
    assert digest in note  # the shipped file's own hash, so a reader can check it
    version = json.loads((REPO / "data" / "datapackage.json").read_text("utf-8"))["version"]
    assert f"版本{version}" in note
    # As the issue asks it, in the default (English) language: the same entry, an English note.
    plain = zgc("revenue", "2023", "--style", "gbt7714")
    assert plain.stdout.split("\n")[0] == entry
    assert plain.stdout.split("\n")[1].startswith("Note. Figure cited: ")
    assert "预计8.6万亿元" in plain.stdout.split("\n")[1]


def test_cite_bibtex_parses_with_one_entry_per_figure() -> None:
    result = zgc("revenue", "--style", "bibtex")
    assert result.exit_code == 0, result.stderr
    library = bibtexparser.parse_string(result.stdout)
    assert library.failed_blocks == []
    assert [entry.key for entry in library.entries] == ["revenue:zgc:2014", "revenue:zgc:2023"]
    for entry in library.entries:
        assert {"author", "title", "journal", "year", "month", "note"} <= set(entry.fields_dict)
        assert "瞭望" in entry.fields_dict["journal"].value


def test_several_entities_give_one_citation_each_and_entity_narrows() -> None:
    both = json.loads(zgc("registered_large_models", "--style", "csl-json").stdout)
    assert [item["id"] for item in both] == [
        "registered_large_models:china:2024",
        "registered_large_models:zgc:2024",
    ]
    jsonschema.validate(both, CSL_SCHEMA)
    one = json.loads(
        zgc("registered_large_models", "--entity", "zgc", "--style", "csl-json").stdout
    )
    assert [item["id"] for item in one] == ["registered_large_models:zgc:2024"]


def test_the_default_style_follows_the_language() -> None:
    english = zgc("revenue", "2014", "--lang", "en").stdout
    assert "(2024, April)" in english and "Outlook Weekly." in english
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
    assert lines[:4] == ["TY  - MGZN", "ID  - m:e:2020", "AU  - Ann Lee", "AU  - Bo Chen"]
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
        assert set(fields) == {"author", "title", "journal", "year", "month", "note"}
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
    text = format_citations(figures, CitationStyle.gbt7714, Language.zh)
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
    assert apa_entry(figure(undated)) == "X. (n.d.). T. W."  # APA's "n.d." for no date
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


def test_apa_without_citeproc_is_one_line_naming_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    from zgc_cli.present import citations

    # A default install has no citeproc-py: APA, the English default, says what to install.
    monkeypatch.setitem(sys.modules, "citeproc", None)
    citations._apa_style.cache_clear()
    try:
        result = zgc("revenue", "2023", "--lang", "en")
    finally:
        citations._apa_style.cache_clear()
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert "pip install 'zgc[cite]'" in result.stderr and "Traceback" not in result.stderr


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
