"""Vintages: the latest publication of a figure is current, earlier ones are kept; --as-of."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zgc_cli.check.cited import verify_cited
from zgc_cli.cli import app
from zgc_cli.errors import DataError, ZgcError
from zgc_cli.model.dataset import Dataset
from zgc_cli.model.vintages import date_end, date_start

runner = CliRunner()
ARTICLE = Path(__file__).resolve().parent / "fixtures" / "article.txt"
HEADER = "metric,entity,year,value,unit,status,qualifier,figure"


def _source(tmp_path: Path, name: str, date: str | None, *rows: str, header: str = HEADER) -> str:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "metrics.csv").write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    if date is not None:
        package = {"name": name, "sources": [{"title": name, "date": date}]}
        (folder / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    return str(folder / "metrics.csv")


def test_dates_of_any_precision_order_by_their_period() -> None:
    assert date_start("2024-04") == "2024-04-01" and date_end("2024-04") == "2024-04-31"
    assert date_start("2024") == "2024-01-01" and date_end("2024") == "2024-12-31"
    assert date_start("April 2024") == ""


def test_the_latest_publication_is_current_and_the_earlier_a_vintage(tmp_path: Path) -> None:
    early = _source(tmp_path, "early", "2024-04", "r,zgc,2023,8.6,CNY,estimate,exact,8.6")
    late = _source(tmp_path, "late", "2024-07-24", "r,zgc,2023,8.7,CNY,reported,exact,8.7")
    for order in ([early, late], [late, early]):
        dataset = Dataset.open(order)
        assert list(dataset.frame["value"]) == [8.7]
        assert dataset.vintages is not None
        assert list(dataset.vintages["value"]) == [8.6]
        assert list(dataset.published_dates()) == ["2024-07-24"]


def test_as_of_picks_the_latest_vintage_published_by_then(tmp_path: Path) -> None:
    early = _source(tmp_path, "early", "2024-04", "r,zgc,2023,8.6,CNY,estimate,exact,8.6")
    late = _source(tmp_path, "late", "2024-07-24", "r,zgc,2023,8.7,CNY,reported,exact,8.7")
    assert list(Dataset.open([early, late], as_of="2024-05").frame["value"]) == [8.6]
    assert list(Dataset.open([early, late], as_of="2024-04").frame["value"]) == [8.6]
    assert list(Dataset.open([early, late], as_of="2024-07-24").frame["value"]) == [8.7]
    assert Dataset.open([early, late], as_of="2024-03").frame.empty
    with pytest.raises(ZgcError, match="not a date"):
        Dataset.open([early, late], as_of="May 2024")


def test_a_row_dates_itself_with_its_published_column(tmp_path: Path) -> None:
    header = HEADER + ",published"
    article = _source(tmp_path, "a", "2024-04", "r,zgc,2023,8.6,CNY,estimate,exact,8.6")
    later = _source(
        tmp_path,
        "b",
        "2024-09-30",
        "r,zgc,2023,8.7,CNY,reported,exact,8.7,2024-07-24",
        "p,beijing,2014,48,x,reported,exact,48,2024-09-30",
        header=header,
    )
    assert list(Dataset.open([article, later], as_of="2024-08").frame["value"]) == [8.7]
    assert len(Dataset.open([article, later], as_of="2024-08").frame) == 1


def test_same_date_or_undated_clash_and_a_duplicate_within_a_source_stay_errors(
    tmp_path: Path,
) -> None:
    one = _source(tmp_path, "one", "2024-04", "r,zgc,2023,1,CNY,reported,exact,1")
    two = _source(tmp_path, "two", "2024-04", "r,zgc,2023,2,CNY,reported,exact,2")
    undated = _source(tmp_path, "three", None, "r,zgc,2023,3,CNY,reported,exact,3")
    twice = _source(
        tmp_path,
        "four",
        "2025",
        "r,zgc,2023,4,CNY,reported,exact,4",
        "r,zgc,2023,5,CNY,reported,exact,5",
    )
    for pair in ([one, two], [one, undated]):
        with pytest.raises(DataError, match="duplicate observation"):
            _ = Dataset.open(pair).frame
    with pytest.raises(DataError, match="four/metrics.csv:3: duplicate observation"):
        _ = Dataset.open([one, twice]).frame


def test_prefer_still_decides_deliberately(tmp_path: Path) -> None:
    early = _source(tmp_path, "early", "2024-04", "r,zgc,2023,8.6,CNY,estimate,exact,8.6")
    late = _source(tmp_path, "late", "2024-07-24", "r,zgc,2023,8.7,CNY,reported,exact,8.7")
    dataset = Dataset.open([early, late], prefer=[early])
    assert list(dataset.frame["value"]) == [8.6]
    assert dataset.combined.set_aside == {late: 1}


def _metrics_table(*options: str) -> str:
    result = runner.invoke(
        app, ["metrics", "revenue", "--format", "table", "--lang", "en", *options]
    )
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_metrics_revenue_as_of_may_2024_shows_the_estimate(later_sources: None) -> None:
    table = _metrics_table("--as-of", "2024-05")
    assert "8.6 trillion*" in table and "8.7" not in table and "†" not in table


@pytest.mark.parametrize("options", [("--as-of", "2024-08"), ()])
def test_later_the_final_figure_with_its_estimate_as_an_earlier_vintage(
    later_sources: None, options: tuple[str, ...]
) -> None:
    table = _metrics_table(*options).replace("\n", " ")
    assert "8.7 trillion†" in table
    assert "† 2023: revised from 8.6 trillion (estimate, 2024-04), scope differs:" in table
    assert "sub-parks" in table


def test_the_chinese_mark_is_in_chinese(later_sources: None) -> None:
    result = runner.invoke(app, ["metrics", "revenue", "--format", "table", "--lang", "zh"])
    assert (
        "† 2023年：修订自8.6万亿（预计值，2024-04），口径不同：各分园规模以上企业" in result.stdout
    )


def test_source_lists_every_vintage_with_date_and_citation(later_sources: None) -> None:
    result = runner.invoke(app, ["source", "revenue", "2023", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [(row["value"], row["vintage"], row["published"]) for row in rows] == [
        (8700000000000, "current", "2024-07-24"),
        (8600000000000, "earlier", "2024-04"),
    ]
    assert rows[0]["quote"] == "" and rows[0]["address"].startswith("https://www.bjrd.gov.cn/")
    assert "瞭望" in rows[1]["source"] and "预计8.6万亿元" in rows[1]["quote"]
    table = runner.invoke(app, ["source", "revenue", "2023", "-f", "table", "--lang", "en"])
    assert "no passage shipped: see the publication (https://www.bjrd.gov.cn/" in table.stdout


def test_cite_cites_the_vintage_shown(later_sources: None) -> None:
    now = runner.invoke(app, ["cite", "revenue", "2023", "--style", "csl-json"])
    then = runner.invoke(
        app, ["cite", "revenue", "2023", "--style", "csl-json", "--as-of", "2024-05"]
    )
    assert now.exit_code == then.exit_code == 0, (now.stderr, then.stderr)
    assert "bjrd.gov.cn" in now.stdout and "8.7" in now.stdout
    assert "瞭望" in then.stdout and "bjrd" not in then.stdout
    review = runner.invoke(app, ["cite", "patents_per_10k_people", "2014", "--style", "csl-json"])
    assert "全球前列" in review.stdout  # the row's own publication, not the package's first


def test_verify_passes_on_the_shipped_data_and_checks_the_cited_source(later_sources: None) -> None:
    result = runner.invoke(app, ["verify", "--article", str(ARTICLE), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert not [row for row in rows if row["result"] in ("fail", "unsourced")]
    cited = [row for row in rows if row["check"] == "source" and row["result"] == "pass"]
    assert {row["expected"] for row in cited} == {"bjrd-2024-07-24", "press-2024-09-30"}
    # The article's superseded figures are still checked against the article.
    article_revenue = [
        row
        for row in rows
        if (row["metric"], row["year"], row["check"]) == ("revenue", 2023, "value")
    ]
    assert {str(row["found"]).split(" ")[0] for row in article_revenue} == {
        "8.6万亿元",
        "8.7万亿元",
    }


def test_a_cited_source_with_a_quote_an_unknown_publication_or_a_wrong_figure_fails() -> None:
    import pandas as pd

    package = {
        "passages": False,
        "sources": [{"name": "p", "title": "T", "date": "2024-07-24", "path": "https://x.org"}],
    }
    frame = pd.DataFrame(
        {
            "metric": ["a", "b", "c", "d"],
            "entity": ["z"] * 4,
            "year": [2023] * 4,
            "value": [8.7e12, 8.7e12, 8.6e12, 100.0],
            "qualifier": ["exact", "exact", "exact", "more_than"],
            "quote": ["", "a sentence", "", ""],
            "figure": ["8.7万亿元", "8.7万亿元", "8.7万亿元", "100家"],
            "publication": ["p", "p", "q", "p"],
        }
    )
    report = verify_cited(frame, package)
    failed = report[report["result"] == "fail"]
    assert sorted(zip(failed["metric"], failed["check"], strict=True)) == [
        ("b", "source"),
        ("c", "source"),
        ("c", "value"),
        ("d", "qualifier"),
    ]
    assert "publication q is not among" in str(failed[failed["metric"] == "c"]["detail"].iloc[0])


def test_the_shipped_data_is_every_shipped_source_unless_a_file_is_named(
    later_sources: None,
) -> None:
    from zgc_cli.model.sources import resolve_data_sources, shipped_data_dir

    later = str(shipped_data_dir() / "sources" / "beijing-2024" / "metrics.csv")
    for options in (None, ["shipped"]):
        sources = resolve_data_sources(options, environ={})
        assert [source.path for source in sources][1:] == [later]
        assert all(source.shipped for source in sources)
    article = resolve_data_sources([str(shipped_data_dir() / "metrics.csv")], environ={})
    assert len(article) == 1
    # The later source's own sidecars: its indicators, not the article's claims.
    assert resolve_data_sources(None, environ={})[1].sidecar("claims.csv") is None
    assert resolve_data_sources(None, environ={})[1].sidecar("indicators.csv") is not None


def test_compare_marks_both_ends_a_later_publication_replaced(later_sources: None) -> None:
    result = runner.invoke(app, ["compare", "2014", "2023", "-f", "table", "--lang", "en"])
    assert result.exit_code == 0, result.stderr
    flat = " ".join(result.stdout.split())
    assert "8.7 trillion†" in flat
    assert "† Total revenue of firms (Zhongguancun) 2023: revised from 8.6 trillion" in flat


def test_the_catalog_marks_a_latest_figure_a_later_publication_replaced(
    later_sources: None,
) -> None:
    result = runner.invoke(app, ["metrics", "-f", "table", "--lang", "en", "--limit", "0"])
    assert result.exit_code == 0, result.stderr
    assert "8.7 trillion†" in result.stdout
    assert "† a later publication of the figure" in result.stdout
    assert "†" not in runner.invoke(app, ["metrics", "-f", "table", "--as-of", "2024-05"]).stdout


def test_the_report_marks_what_a_later_publication_replaced(
    later_sources: None, tmp_path: Path
) -> None:
    path = tmp_path / "report.md"
    result = runner.invoke(app, ["report", "-o", str(path), "--lang", "zh", "-m", "revenue"])
    assert result.exit_code == 0, result.stderr
    text = path.read_text(encoding="utf-8")
    assert "8.7万亿†" in text
    assert "† 2023年：修订自8.6万亿（预计值，2024-04），口径不同：各分园规模以上企业" in text


@pytest.mark.parametrize(
    "command",
    [
        ["source", "revenue"],
        ["metrics", "revenue"],
        ["compare", "2014", "2023", "--limit", "0"],
        ["diff", "--as-of", "2024-05", "--as-of", "2024-12", "--limit", "0"],
    ],
)
def test_vintages_in_chinese_are_chinese(later_sources: None, command: list[str]) -> None:
    from tests.test_zh import chinese_leftovers

    result = runner.invoke(app, [*command, "-f", "table", "--lang", "zh"])
    assert result.exit_code == 0, result.stderr
    # Ids beneath the names and the addresses are what one types; the rest is Chinese.
    text = "\n".join(
        line
        for line in result.stdout.splitlines()
        if not line.strip().replace("_", "").isalnum() or not line.strip().isascii()
    )
    # a…b is the interval mark the legend explains.
    text = re.sub(r"zgc source [a-z0-9_]+", " ", text)  # a command to type next
    text = re.sub(r"https?://\S+|\b[a-z][a-z0-9_]*_[a-z0-9_]+\b|\brevenue\b|a…b", " ", text)
    assert chinese_leftovers(text) == []


def test_a_chart_credits_each_publication_its_figures_come_from(later_sources: None) -> None:
    """The article alone drew the source line; now each current figure's publication is.

    Both of revenue's figures are current in later publications (3.6万亿 repeated in
    September, 8.7万亿 in July), so the article is not credited for them; it is for
    employees, which only it gives."""
    from zgc_cli.present.charts import source_line
    from zgc_cli.words import Language

    dataset = Dataset.open()
    revenue = dataset.publications_of(["revenue"])
    patents = dataset.publications_of(["patents_per_10k_people"])
    assert [one.date for one in revenue] == ["2024-07-24", "2024-09-30"]
    assert [one.date for one in patents] == ["2024-09-30"]
    both = dataset.publications_of(["revenue", "employees"])
    assert [one.date for one in both] == ["2024-04", "2024-07-24", "2024-09-30"]
    lines = source_line(both, Language.en).split("\n")
    assert len(lines) == 3 and lines[0].startswith("Source: ") and "2024-09-30" in lines[2]
