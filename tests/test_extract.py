"""``zgc extract``: a text's figures as draft observations, in a pipe and on a terminal.

The parser's new wordings, the command's inputs (UTF-8, GB18030, HTML, stdin), its
errors (one line, non-zero exit), its review view, and the draft of the shipped
article (it loads as data and passes ``zgc verify --article``). The benchmark's goals
are reported by ``benchmarks/extract.py``, not asserted here as timings.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tests.conftest import ARTICLE, REPO_ROOT
from zgc_cli.cli import app
from zgc_cli.model.figures import parse_figures

runner = CliRunner()
CORPUS = REPO_ROOT / "tests" / "fixtures" / "extract"
SNIPPET = (
    "2022年，中关村从业人员279万人，是2013年的1.5倍。\n"
    "目前全国已备案上线大模型107款，其中中关村47款，占全国备案上线数四成以上。"
)


def run(*args: str, input: str | bytes | None = None):  # noqa: ANN201 - a click Result
    return runner.invoke(app, list(args), input=input)


def rows_of(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


# --- the parser: extract's wordings, added beside the article's --------------------


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "unit_suffix"),
    [
        ("三分之一", 100 / 3, "exact", "%"),
        ("四分之一以上", 25, "more_than", "%"),
        ("百分之三十", 30, "exact", "%"),
        ("四成", 40, "exact", "%"),
        ("五成以上", 50, "more_than", "%"),
        ("近一倍", 1, "nearly", "倍"),
        ("翻一番", 2, "exact", "倍"),
        ("翻了两番多", 4, "more_than", "倍"),
        ("1.5倍", 1.5, "exact", "倍"),
        ("提高2.1个百分点", 2.1, "exact", "个百分点"),
        ("6,758项", 6758, "exact", "项"),
        ("3.5萬億元", 3.5e12, "exact", "元"),
        ("超過1,000家", 1000, "more_than", "家"),
        ("約300億元", 3e10, "about", "元"),
        ("不少于26万人", 260000, "more_than", "人"),
        ("5%以内", 5, "less_than", "%"),
        ("居全国首位", 1, "exact", "第"),
        ("约占全国的13.9%", 13.9, "about", "%"),
        ("$34.49 billion", 34.49e9, "exact", "美元"),
        ("5.2 percent", 5.2, "exact", "%"),
        ("more than 600 firms", 600, "more_than", "家"),
        ("nearly 30 million kilometers", 3e7, "nearly", "公里"),
        ("1.2 trillion yuan", 1.2e12, "exact", "元"),
        ("1.5 percentage points", 1.5, "exact", "个百分点"),
        ("2.4 times the 2011 total", 2.4, "exact", "倍"),
        ("held 14 times", 14, "exact", "次"),
    ],
)
def test_new_wordings(text: str, value: float, qualifier: str, unit_suffix: str) -> None:
    (figure,) = parse_figures(text)
    assert figure.value == pytest.approx(value)
    assert (figure.qualifier, figure.unit_suffix) == (qualifier, unit_suffix)
    assert text[figure.start : figure.end] == figure.text


@pytest.mark.parametrize(
    "text", ["迈上万亿元台阶", "in 2023", "for every 10,000 residents", "悟道2.0", "5G"]
)
def test_still_not_figures(text: str) -> None:
    assert [f for f in parse_figures(text) if f.value != 1e12] == []
    assert all(f.qualifier == "exact" for f in parse_figures(text))


def test_traditional_figures_keep_their_own_text() -> None:
    (figure,) = parse_figures("總收入達58841.9億元")
    assert (figure.text, figure.value) == ("58841.9億元", 5884190000000.0)


# --- the command ------------------------------------------------------------------


def test_in_a_pipe_it_writes_csv_in_the_data_columns(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(SNIPPET, encoding="utf-8")
    result = run("extract", str(source), "--published", "2024-04")
    assert result.exit_code == 0, result.stderr
    rows = rows_of(result.stdout)
    assert {"value", "unit", "qualifier", "figure", "quote", "metric", "entity", "year"} <= set(
        rows[0]
    )
    by_figure = {(row["figure"], row["status"]): row for row in rows}
    employees = by_figure[("279万人", "reported")]
    assert (employees["value"], employees["unit"], employees["year"]) == (
        "2790000",
        "persons",
        "2022",
    )
    assert (employees["entity"], employees["year_basis"]) == ("zgc", "stated")
    assert employees["quote"] in SNIPPET and "279万人" in employees["quote"]
    share = by_figure[("四成以上", "reported")]
    assert (share["value"], share["unit"], share["qualifier"]) == ("40", "percent", "more_than")
    assert by_figure[("107款", "reported")]["entity"] == "china"
    assert by_figure[("47款", "reported")]["entity"] == "zgc"
    derived = by_figure[("1.5倍", "derived")]
    assert (derived["year"], derived["value"], derived["note"]) == (
        "2013",
        "1860000",
        "2790000 / 1.5",
    )
    assert float(derived["low"]) < 1860000 < float(derived["high"])
    undated = [row for row in rows if row["year_basis"] == "publication"]
    assert undated and all(row["year"] == "2024" for row in undated)


def test_on_a_terminal_it_marks_each_figure_in_its_passage(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(SNIPPET, encoding="utf-8")
    result = run("extract", str(source), "--format", "table", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert "「279万人」" in result.stdout and "「四成以上」" in result.stdout
    assert "By status: reported 5, derived 1" in result.stdout
    assert "By qualifier: exact 4, more_than" not in result.stdout  # names, not ids
    assert "more than 1" in result.stdout


def test_in_chinese_the_view_is_wholly_chinese(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(SNIPPET, encoding="utf-8")
    result = run("extract", str(source), "--format", "table", "--lang", "zh", "--published", "2024")
    assert result.exit_code == 0, result.stderr
    assert "按数据性质：原文数据5个、推算值1个" in result.stdout
    shown = result.stdout.replace(str(source), "")
    for line in shown.splitlines():
        # Ids beneath the names are for typing: every other word is Chinese.
        if line.strip() and not line.strip().replace("_", "").isascii():
            assert not any(word in line for word in ("reported", "derived", "Paragraph", "Figure"))


def test_gb18030_reads_as_utf8(tmp_path: Path) -> None:
    utf8, gbk = tmp_path / "u.txt", tmp_path / "g.txt"
    utf8.write_text(SNIPPET, encoding="utf-8")
    gbk.write_bytes(SNIPPET.encode("gb18030"))
    first = run("extract", str(utf8), "--published", "2024")
    second = run("extract", str(gbk), "--published", "2024")
    assert first.exit_code == second.exit_code == 0
    assert first.stdout == second.stdout


def test_html_is_read_as_its_visible_text(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>中关村 新闻</title>"
        "<style>p::before { content: '99万人'; }</style>"
        "<script>var x = '88万人';</script></head><body>"
        f"<p>{SNIPPET[:28]}</p><p>其中留学归国人员6.3万人&#12290;</p>"
        "<noscript>77万人</noscript></body></html>",
        encoding="utf-8",
    )
    output = tmp_path / "draft.csv"
    result = run("extract", str(page), "--published", "2024", "-o", str(output))
    assert result.exit_code == 0, result.stderr
    rows = rows_of(output.read_text(encoding="utf-8"))
    figures = {row["figure"] for row in rows}
    assert {"279万人", "6.3万人"} <= figures
    assert not {"99万人", "88万人", "77万人"} & figures
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert package["sources"][0]["title"] == "中关村 新闻"


def test_standard_input(tmp_path: Path) -> None:
    result = run("extract", "-", "--published", "2024-04", input=SNIPPET.encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    assert "279万人" in result.stdout


def test_the_default_place_and_more_places(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("海淀区新增独角兽企业12家。全年新增科技型企业3.2万家。", encoding="utf-8")
    places = tmp_path / "places.csv"
    places.write_text("entity,name_zh,aliases_zh\nhaidian,海淀区,海淀区;海淀\n", encoding="utf-8")
    plain = rows_of(
        run("extract", str(source), "--entity", "beijing", "--published", "2024").stdout
    )
    assert [row["entity"] for row in plain] == ["beijing", "beijing"]
    more = run("extract", str(source), "--entities", str(places), "--published", "2024")
    assert [row["entity"] for row in rows_of(more.stdout)] == ["haidian", "haidian"]


@pytest.mark.parametrize(
    ("args", "content", "words"),
    [
        (["{missing}"], None, "no such file"),
        (["{file}"], b"", "holds no text"),
        (["{file}"], b"\x00\x01binary", "NUL"),
        (["{file}", "--published", "April"], SNIPPET.encode(), "not a date"),
        (["{file}", "--entity", "Bei Jing"], SNIPPET.encode(), "not an id"),
        (["{file}", "--entities", "{file}"], SNIPPET.encode(), "entity and aliases_zh"),
        (["{file}", "-o", "{file}", "-f", "csv"], SNIPPET.encode(), "refusing to write"),
        # No year in the text and no --published: refused, never a made-up year 0.
        (["{file}"], "企业总收入达到8.4万亿元，同比增长10%。".encode(), "names no year"),
    ],
)
def test_errors_are_one_line_with_a_non_zero_exit(
    tmp_path: Path, args: list[str], content: bytes | None, words: str
) -> None:
    source = tmp_path / "a.txt"
    if content is not None:
        source.write_bytes(content)
    filled = [a.format(file=source, missing=tmp_path / "nope.txt") for a in args]
    for lang in ("en", "zh"):
        result = run("extract", *filled, "--lang", lang)
        assert result.exit_code != 0
        assert len(result.stderr.splitlines()) == 1, result.stderr
        assert result.stderr.startswith("zgc：错误：" if lang == "zh" else "zgc: error:")
        if lang == "en":
            assert words in result.stderr


# --- the draft of the shipped article works with every command ----------------------


@pytest.fixture(scope="module")
def article_draft(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("draft")
    draft = folder / "draft.csv"
    result = run(
        "extract", str(ARTICLE), "--published", "2024-04", "-o", str(draft),
        "--title", "Zhongguancun feature", "--url", "https://example.org/zgc",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    return draft


def test_the_article_draft_passes_verify(article_draft: Path) -> None:
    result = run("verify", "--data", str(article_draft), "--article", str(ARTICLE), "-f", "csv")
    assert result.exit_code == 0, [r for r in rows_of(result.stdout) if r["result"] == "fail"]
    results = [row["result"] for row in rows_of(result.stdout)]
    claims = rows_of((article_draft.parent / "claims.csv").read_text(encoding="utf-8"))
    # every check passes, but the claims of growth sentences, which hold by construction
    assert set(results) == {"pass", "definitional"}
    assert results.count("definitional") == len(claims) > 0


def test_the_article_draft_holds_every_shipped_figure(article_draft: Path) -> None:
    draft = rows_of(article_draft.read_text(encoding="utf-8"))
    shipped = rows_of((REPO_ROOT / "data" / "metrics.csv").read_text(encoding="utf-8"))
    wanted = [row for row in shipped if row["status"] in ("reported", "estimate")]
    found = {(float(r["value"]), r["unit"], r["qualifier"]) for r in draft}
    missing = [
        row["metric"]
        for row in wanted
        if (float(row["value"]), row["unit"], row["qualifier"]) not in found
    ]
    assert missing == []


def test_the_article_draft_loads_cites_and_compares(article_draft: Path) -> None:
    exported = run("export", "--data", str(article_draft), "-f", "csv")
    assert exported.exit_code == 0, exported.stderr
    cited = run("cite", "employees", "2022", "--data", str(article_draft), "--style", "bibtex")
    assert cited.exit_code == 0, cited.stderr
    assert "https://example.org/zgc" in cited.stdout and "Zhongguancun feature" in cited.stdout
    both = run("compare", "2013", "2022", "--data", "shipped", "--data", str(article_draft),
               "--prefer", "shipped", "-f", "csv")  # fmt: skip
    assert both.exit_code == 0, both.stderr


def test_sidecars_never_replace_another_package(tmp_path: Path) -> None:
    (tmp_path / "datapackage.json").write_text('{"name": "mine"}', encoding="utf-8")
    source = tmp_path / "a.txt"
    source.write_text(SNIPPET, encoding="utf-8")
    result = run("extract", str(source), "-o", str(tmp_path / "draft.csv"), "--published", "2024")
    assert result.exit_code == 0, result.stderr
    assert json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8")) == {
        "name": "mine"
    }


# --- the installed command in a real pipe -------------------------------------------


@pytest.mark.slow
def test_installed_zgc_in_a_pipe(tmp_path: Path) -> None:
    zgc = Path(sys.executable).parent / "zgc"
    if not zgc.exists():
        pytest.skip("zgc is not installed beside python")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    process = subprocess.run(
        f"cat {ARTICLE} | {zgc} extract - --published 2024-04 | head -3",
        shell=True, capture_output=True, text=True, env=env, check=False, timeout=60,
    )  # fmt: skip
    lines = process.stdout.splitlines()
    assert lines[0].startswith("metric,entity,year,value,unit,status,qualifier,quote")
    assert len(lines) == 3


# --- the corpus --------------------------------------------------------------------


def test_the_corpus_is_labelled_and_split() -> None:
    # The held-out part is written and measured apart (h44 onward; earlier held-out sets
    # were moved to dev once measured), and it holds at least a third of the figures.
    texts = rows_of((CORPUS / "texts.csv").read_text(encoding="utf-8"))
    labels = rows_of((CORPUS / "labels.csv").read_text(encoding="utf-8"))
    assert len(texts) >= 12 and len(labels) >= 300
    assert {t["split"] for t in texts} <= {"dev", "heldout"}
    held_out = {t["file"] for t in texts if t["split"] == "heldout"}
    # Between rounds a spent held-out set is moved to dev before the next one is added:
    # only then is there no held-out text at all, and only then is the share not asked.
    if held_out:  # a third, to the percent: h44–h72 are 562 of 1,694 labels (33.2 %)
        assert sum(label["file"] in held_out for label in labels) / len(labels) >= 0.33
    assert all(any(label["file"] == t["file"] for label in labels) for t in texts)
    assert {"traditional", "simplified", "latin"} <= {t["script"] for t in texts}
    for text in texts:
        folder = "heldout" if text["split"] == "heldout" else "dev"
        body = (CORPUS / folder / text["file"]).read_text(encoding="utf-8")
        for label in labels:
            if label["file"] == text["file"]:
                assert label["figure"] in body, label


# --- what holds of any text ---------------------------------------------------------

PIECES = [
    "2023年", "2012～2022年", "比2022年", "增长", "14.9%", "3.6万亿元", "近", "超过", "约",
    "余", "家", "以上", "左右", "，", "。", "；", "、", "\n", "  ", "中关村", "北京", "全国",
    "占", "四成", "第一", "是2013年的", "1.5倍", "预计", "有望", "分别", "其中", "1,897",
    "more than", " 5.2 percent", " in 2021", "Beijing's", " $34.49 billion", "「", "」", "“", "”",
]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_any_text_gives_verbatim_quotes_holding_their_figures(parts: list[str]) -> None:
    from zgc_cli.extract.core import Options, extract_rows
    from zgc_cli.extract.draft import places_from

    text = "".join(parts)
    places = places_from([("e", (REPO_ROOT / "data" / "entities.csv").read_text("utf-8"))])
    for row in extract_rows(text, Options(places, "2024-04", "zgc")):
        assert row.quote in text
        assert row.figure in row.quote or row.status == "derived"
        assert row.year_basis in ("stated", "inferred", "publication")
        assert row.status in ("reported", "estimate", "derived")


def test_a_draft_of_a_zone_named_otherwise_passes_verify(tmp_path: Path) -> None:
    # E-Town is named 北京经济技术开发区 and 经开区, which entities.csv does not list: the
    # draft's entities.csv carries them, so verify reads the passages as extract did.
    text = tmp_path / "etown.txt"
    text.write_text(
        "北京经济技术开发区发布数据。\n\n2023年，经开区地区生产总值增长6.5%，"
        "工业总产值达到1486.9亿元。\n",
        encoding="utf-8",
    )
    draft = tmp_path / "draft.csv"
    made = run("extract", str(text), "--published", "2024-04", "--entity", "beijing",
               "-o", str(draft))  # fmt: skip
    assert made.exit_code == 0, made.stderr
    assert {row["entity"] for row in rows_of(draft.read_text(encoding="utf-8"))} == {"zgc_yizhuang"}
    entities = rows_of((tmp_path / "entities.csv").read_text(encoding="utf-8"))
    assert "经开区" in next(r for r in entities if r["entity"] == "zgc_yizhuang")["aliases_zh"]
    result = run("verify", "--data", str(draft), "--article", str(text), "-f", "csv")
    assert result.exit_code == 0, [r for r in rows_of(result.stdout) if r["result"] == "fail"]
