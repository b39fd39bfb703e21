"""Where two figures of different scope (口径) meet in one row, the row says so: compare's and
series' ``scope_differs``, and in the tables a ‡ with its legend line, in English and Chinese."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zgc_cli.cli import app
from zgc_cli.model.dataset import Dataset
from zgc_cli.stats import comparison, series

runner = CliRunner()
HEADER = "metric,entity,year,value,unit,status,qualifier,scope,scope_zh,scope_differs"


def data(tmp_path: Path, *rows: str) -> str:
    path = tmp_path / "scoped.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return str(path)


ROWS = (
    # Counted as the indicator defines it, then by another scope: they meet in 2014 → 2023.
    "revenue,zgc,2014,3.6,CNY,reported,exact,the zone's firms,示范区企业,false",
    "revenue,zgc,2023,8.7,CNY,reported,exact,sub-parks above size,各分园规模以上企业,true",
    "revenue,zgc,2024,9.1,CNY,reported,exact,sub-parks above size,各分园规模以上企业,true",
    # A scope text alone does not make a difference: scope_differs says it does.
    "firms,zgc,2014,1,firms,reported,exact,as the indicator,与指标定义一致,false",
    "firms,zgc,2023,2,firms,reported,exact,,,",
)


def test_compare_says_where_the_two_ends_differ_in_scope(tmp_path: Path) -> None:
    dataset = Dataset.open([data(tmp_path, *ROWS)])
    frame = comparison(dataset, 2014, 2023).frame
    assert dict(zip(frame["metric"], frame["scope_differs"], strict=True)) == {
        "firms": False,
        "revenue": True,
    }
    later = comparison(dataset, 2023, 2024).frame
    assert later["scope_differs"].tolist() == [False]  # both ends count alike, as each other


def test_a_series_row_says_its_change_joins_figures_of_different_scope(tmp_path: Path) -> None:
    frame = series(Dataset.open([data(tmp_path, *ROWS)]), ["revenue"]).frame
    assert frame["scope_differs"].tolist() == [False, True, False]


def test_the_shipped_revenue_meets_two_scopes_only_after_the_later_publication(
    later_sources: None,
) -> None:
    def revenue_row(*options: str) -> dict[str, str]:
        result = runner.invoke(app, ["compare", "2014", "2023", "-f", "csv", *options])
        return next(
            row for row in csv.DictReader(io.StringIO(result.stdout)) if row["metric"] == "revenue"
        )

    assert revenue_row()["scope_differs"] == "true"
    assert revenue_row("--as-of", "2024-05")["scope_differs"] == "false"  # the article alone


@pytest.mark.parametrize(
    ("lang", "compared", "series_line"),
    [
        (
            "en",
            "‡ Total revenue of firms (Zhongguancun): the two figures differ in scope",
            "‡ 2023: its change from 2014 joins figures that differ in scope",
        ),
        (
            "zh",
            "‡ 企业总收入（中关村示范区）：两个数据口径不同",
            "‡ 2023年：与2014年相比的变化涉及口径不同的数据",
        ),
    ],
)
def test_the_tables_mark_the_row_and_say_why_beneath(
    later_sources: None, lang: str, compared: str, series_line: str
) -> None:
    table = runner.invoke(
        app, ["compare", "2014", "2023", "-f", "table", "--lang", lang], env={"COLUMNS": "120"}
    )
    assert table.exit_code == 0, table.stderr
    marked = [line for line in table.stdout.splitlines() if "‡" in line]
    assert len(marked) == 2, marked  # the row's name, and its legend line
    assert marked[1].startswith(compared)
    assert "zgc source revenue" in marked[1]
    rows = runner.invoke(app, ["metrics", "revenue", "-f", "table", "--lang", lang])
    lines = [line for line in rows.stdout.splitlines() if "‡" in line]
    assert len(lines) == 2 and "2023‡" in lines[0]
    assert lines[1].startswith(series_line)


def test_no_mark_where_the_scopes_agree(later_sources: None) -> None:
    table = runner.invoke(app, ["compare", "2014", "2023", "-f", "table", "--as-of", "2024-05"])
    assert table.exit_code == 0, table.stderr
    assert "‡" not in table.stdout
