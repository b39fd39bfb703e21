"""The commands on the shipped data: what a new user sees first."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import ARTICLE
from zgc_cli.cli import app

runner = CliRunner()


def run(*args: str):  # noqa: ANN201 - a Result
    return runner.invoke(app, list(args))


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


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
    assert by_metric["revenue"]["flags"] == "estimate"
    assert by_metric["patents_per_10k_people"]["value_from"] == 48.2
    assert by_metric["patents_per_10k_people"]["value_to"] == 262.9


def test_the_zero_base_series_compares_as_new() -> None:
    rows = csv_rows(run("compare", "2012", "2022", "--metric", "firms_revenue_over_100b").stdout)
    assert rows[0]["value_from"] == "0" and rows[0]["value_to"] == "11"
    assert rows[0]["ratio"] == "" and rows[0]["cagr_pct"] == ""


def test_search_finds_patents_in_chinese_and_listed_firms_first() -> None:
    found = [row["metric"] for row in csv_rows(run("search", "专利").stdout)]
    assert set(found[:2]) == {"invention_patents", "patents_per_10k_people"}
    assert csv_rows(run("search", "listed").stdout)[0]["metric"] == "listed_firms"


def test_unknown_id_suggestions_come_from_the_search_matcher() -> None:
    result = run("metrics", "listd_firms")
    assert result.exit_code == 1
    assert "did you mean listed_firms" in result.stderr


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
    assert rows and all(row["result"] == "pass" for row in rows)
    assert {row["check"] for row in rows} >= {"value", "qualifier", "derived", "claim"}


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
    assert [row["result"] for row in csv_rows(result.stdout)] == ["unsourced"]


def test_catalog_covers_every_metric_with_names_in_both_languages() -> None:
    rows = csv_rows(run("metrics").stdout)
    assert len({row["metric"] for row in rows}) >= 40
    assert all(row["name_en"] and row["name_zh"] for row in rows)
    table = run("metrics", "-f", "table", "--lang", "zh").stdout
    assert "企业总收入" in table and "▁█" in table


@pytest.mark.parametrize("command", [["metrics"], ["compare", "2012", "2022"], ["export"]])
def test_shipped_data_is_found_from_any_folder(
    command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(*command)
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) > 2


def test_plot_in_the_terminal_marks_estimates_and_derived_points() -> None:
    result = run("plot", "revenue", "employees", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert "2014" in result.stdout and "2023" in result.stdout
    assert "* estimate" in result.stdout and "^ derived" in result.stdout
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
