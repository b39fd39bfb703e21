"""The commands on the shipped data: what a new user sees first."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import ARTICLE, REPO_ROOT
from zgc_cli.cli import app

runner = CliRunner()
SHIPPED = REPO_ROOT / "data"


def run(*args: str):  # noqa: ANN201 - a Result
    return runner.invoke(app, list(args))


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def shipped_rows(name: str) -> list[dict[str, str]]:
    return csv_rows((SHIPPED / name).read_text(encoding="utf-8"))


def metrics_of_category(category: str) -> set[str]:
    return {row["metric"] for row in shipped_rows("indicators.csv") if row["category"] == category}


def test_revenue_series_on_the_shipped_data() -> None:
    rows = csv_rows(run("metrics", "revenue").stdout)
    assert [(row["year"], row["value"], row["status"]) for row in rows] == [
        ("2014", "3600000000000", "reported"),
        ("2023", "8600000000000", "estimate"),
    ]
    assert rows[1]["flags"] == "estimate"


def test_compare_2014_2023_on_the_shipped_data_flags_what_it_rests_on() -> None:
    result = run("compare", "2014", "2023", "--format", "json")
    assert result.exit_code == 0
    by_metric = {record["metric"]: record for record in json.loads(result.stdout)}
    assert by_metric["revenue"]["flags"] == ["estimate"]
    assert by_metric["patents_per_10k_people"]["value_from"] == 48.2
    assert by_metric["patents_per_10k_people"]["value_to"] == 262.9


def test_the_zero_base_series_compares_as_new() -> None:
    result = run("compare", "2012", "2022", "--metric", "firms_revenue_over_100b")
    assert result.exit_code == 0, result.stderr
    rows = csv_rows(result.stdout)
    assert len(rows) == 1
    assert (rows[0]["value_from"], rows[0]["value_to"], rows[0]["change"]) == ("0", "11", "11")
    assert rows[0]["ratio"] == "" and rows[0]["cagr_pct"] == "" and rows[0]["change_pct"] == ""


def test_search_finds_patents_in_chinese_and_listed_firms_first() -> None:
    found = [row["metric"] for row in csv_rows(run("search", "专利").stdout)]
    assert set(found[:2]) == {"invention_patents", "patents_per_10k_people"}
    assert csv_rows(run("search", "listed").stdout)[0]["metric"] == "listed_firms"


def test_unknown_id_suggestions_come_from_the_search_matcher() -> None:
    result = run("metrics", "listd_firms")
    assert result.exit_code == 1
    assert result.stdout == ""
    count = len({row["metric"] for row in shipped_rows("metrics.csv")})
    assert result.stderr.splitlines() == [
        "zgc: error: unknown metric 'listd_firms'; did you mean listed_firms, "
        "firms_revenue_over_100b, firms_revenue_over_100m? "
        f"(`zgc metrics` lists the {count} available)"
    ]


def test_source_gives_the_verbatim_quote_and_the_publication() -> None:
    rows = csv_rows(run("source", "revenue", "2023").stdout)
    assert len(rows) == 1
    assert "8.6万亿元" in rows[0]["quote"]
    assert rows[0]["quote"] in ARTICLE.read_text(encoding="utf-8")
    assert "瞭望" in rows[0]["source"] and "2024" in rows[0]["source"]


def test_verify_passes_on_the_shipped_data_with_the_article() -> None:
    result = run("verify", "--article", str(ARTICLE))
    assert result.exit_code == 0, result.stdout[-2000:]
    rows = csv_rows(result.stdout)
    # Claims tested on values derived from their own words hold by construction.
    assert rows and all(row["result"] in ("pass", "definitional") for row in rows)
    assert [row["result"] for row in rows].count("definitional") == 6
    assert {row["check"] for row in rows} >= {
        "quote",
        "value",
        "qualifier",
        "status",
        "unit",
        "derived",
        "interval",
        "operands",
        "year",
        "entity",
        "claim",
    }
    assert {row["metric"] for row in rows} >= {"event"}  # the dated events too
    assert result.stderr == (
        f"zgc verify: {len(rows)} checks: {len(rows) - 6} pass, 6 definitional, "
        "0 fail, 0 unsourced\n"
    )


def test_verify_fails_on_a_wrong_figure(tmp_path: Path) -> None:
    shipped = run("export").stdout
    wrong = shipped.replace("revenue,zgc,2014,3600000000000", "revenue,zgc,2014,3700000000000")
    assert wrong != shipped
    path = tmp_path / "metrics.csv"
    path.write_text(wrong, encoding="utf-8")
    result = run("verify", "--data", str(path))
    assert result.exit_code == 1
    failures = [row for row in csv_rows(result.stdout) if row["result"] == "fail"]
    assert [(row["metric"], row["year"]) for row in failures] == [("revenue", "2014")]


def test_verify_reports_user_rows_without_quotes_as_unsourced(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("metric,year,value\nrevenue,2014,3.6\n")
    result = run("verify", "--data", str(path))
    assert result.exit_code == 0
    rows = csv_rows(result.stdout)
    assert [(row["check"], row["metric"], row["year"], row["result"]) for row in rows] == [
        ("source", "revenue", "2014", "unsourced")
    ]
    assert result.stderr == "zgc verify: 1 checks: 0 pass, 0 definitional, 0 fail, 1 unsourced\n"


def test_catalog_covers_every_metric_with_names_in_both_languages() -> None:
    rows = csv_rows(run("metrics").stdout)
    assert len({row["metric"] for row in rows}) >= 40
    assert all(row["name_en"] and row["name_zh"] for row in rows)
    table = run("metrics", "-f", "table", "--lang", "zh", "--limit", "0").stdout
    assert "企业总收入" in table and "▁█" in table


def test_shipped_data_is_found_from_any_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO_ROOT)
    from_the_repository = run("compare", "2012", "2022").stdout
    monkeypatch.chdir(tmp_path)
    assert run("export").stdout == (SHIPPED / "metrics.csv").read_text(encoding="utf-8")
    catalog = csv_rows(run("metrics").stdout)
    series = {(row["metric"], row["entity"]) for row in shipped_rows("metrics.csv")}
    assert [(row["metric"], row["entity"]) for row in catalog] == sorted(series)
    compared = run("compare", "2012", "2022")
    assert compared.exit_code == 0
    assert compared.stdout == from_the_repository
    years: dict[tuple[str, str], set[str]] = {}
    for row in shipped_rows("metrics.csv"):
        years.setdefault((row["metric"], row["entity"]), set()).add(row["year"])
    both = sorted(key for key, seen in years.items() if {"2012", "2022"} <= seen)
    assert [(row["metric"], row["entity"]) for row in csv_rows(compared.stdout)] == both


def test_plot_in_the_terminal_marks_estimates_and_derived_points() -> None:
    result = run("plot", "revenue", "employees", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert "Total revenue of firms (trillion CNY)" in lines
    assert "Employees (million persons)" in lines
    # employees 2013 is derived from 1.5倍 and rounded as its inputs: about.
    assert "Marks:   * estimate  ^ derived by zgc  ~ about" in lines
    assert "2014" in result.stdout and "2023" in result.stdout
    assert "\x1b[" not in result.stdout


def test_plot_writes_an_image_and_refuses_other_formats(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    image = tmp_path / "chart.png"
    result = run("plot", "revenue", "--output", str(image))
    assert result.exit_code == 0, result.stderr
    assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    bad = run("plot", "revenue", "--output", str(tmp_path / "chart.jpg"))
    assert bad.exit_code == 1
    assert bad.stderr.startswith("zgc: error: ") and ".png or .svg" in bad.stderr
    assert len(bad.stderr.splitlines()) == 1


# --- --category ------------------------------------------------------------------------


def test_compare_with_a_category_keeps_only_its_metrics() -> None:
    economy = metrics_of_category("economy")
    assert {"revenue", "biomedicine_industry_scale"} <= economy
    result = run("compare", "2014", "2023", "--category", "economy")
    assert result.exit_code == 0, result.stderr
    rows = csv_rows(result.stdout)
    assert [(row["metric"], row["value_from"], row["value_to"]) for row in rows] == [
        ("revenue", "3600000000000", "8600000000000")
    ]
    # Without the filter the same years compare more metrics, of other categories too.
    everything = {row["metric"] for row in csv_rows(run("compare", "2014", "2023").stdout)}
    assert everything - economy
    # Repeatable: two categories give the union.
    talent = metrics_of_category("talent")
    both = csv_rows(run("compare", "2012", "2022", "-c", "economy", "-c", "talent").stdout)
    assert both and {row["metric"] for row in both} <= economy | talent
    assert [row["metric"] for row in both] == [
        row["metric"]
        for row in csv_rows(run("compare", "2012", "2022").stdout)
        if row["metric"] in economy | talent
    ]


def test_export_with_a_category_writes_exactly_its_rows() -> None:
    economy = metrics_of_category("economy")
    result = run("export", "--category", "economy")
    assert result.exit_code == 0, result.stderr
    expected = [row for row in shipped_rows("metrics.csv") if row["metric"] in economy]
    assert csv_rows(result.stdout) == expected
    assert {row["metric"] for row in expected} == {"revenue", "biomedicine_industry_scale"}


def test_an_unknown_category_is_one_line_listing_the_categories() -> None:
    result = run("export", "--category", "econ")
    assert result.exit_code == 1
    assert result.stdout == ""
    categories = sorted({row["category"] for row in shipped_rows("indicators.csv")})
    assert result.stderr.splitlines() == [
        "zgc: error: unknown category 'econ'; did you mean economy?; "
        f"available: {', '.join(categories)}"
    ]
    assert run("compare", "2014", "2023", "-c", "nothing").stderr == (
        f"zgc: error: unknown category 'nothing'; available: {', '.join(categories)}\n"
    )
