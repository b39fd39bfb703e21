"""Every finite float64 displays and computes: scientific notation at the ends, overflow flagged."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from zgc_cli.cli import app
from zgc_cli.present.numbers import human_number, is_missing, percent_text, ratio_text
from zgc_cli.present.views import sparkline
from zgc_cli.words import Language

EXTREMES = (
    "metric,entity,year,value,unit\n"
    "m,e,2014,-1e308,x\nm,e,2023,1e308,x\n"
    "p,e,2014,1e30,percent\np,e,2023,2e30,percent\n"
    "t,e,2014,5e-324,x\nt,e,2023,1e-300,x\n"
)


@pytest.fixture
def extremes(tmp_path: Path) -> Path:
    path = tmp_path / "extremes.csv"
    path.write_text(EXTREMES)
    return path


@pytest.mark.parametrize(
    ("value", "unit", "lang", "text"),
    [
        (1e308, "x", Language.en, "1E308"),
        (-1e308, "x", Language.zh, "-1E308"),
        (2e30, "percent", Language.en, "2E30%"),
        (5e-324, "x", Language.en, "5E-324"),
        (1.234e-9, "x", Language.zh, "1.23E-9"),
        (9.99e14, "x", Language.zh, "999万亿"),
        (0.000001, "x", Language.en, "0.000001"),
        (0.0, "x", Language.en, "0"),
    ],
)
def test_numbers_beyond_the_compact_words_are_scientific(
    value: float, unit: str, lang: Language, text: str
) -> None:
    assert human_number(value, unit, lang) == text


def test_rates_beyond_grouping_are_scientific_with_their_sign() -> None:
    assert percent_text(2.0240225330731064e25, Language.en) == "+2.02E25%"
    assert percent_text(-1.5e-9, Language.en) == "-1.5E-9%"
    assert percent_text(138.888, Language.en) == "+138.9%"
    assert ratio_text(2e23, Language.en) == "2E23×"
    assert ratio_text(2.3888, Language.en) == "2.39×"


def test_pandas_na_counts_as_missing() -> None:
    assert is_missing(pd.NA) and is_missing(None) and is_missing(float("nan"))
    assert not is_missing(0.0) and not is_missing("")


@pytest.mark.parametrize(
    ("values", "bars"),
    [([-1e308, 1e308], "▁█"), ([5e-324, 1e-300], "▁█"), ([1, 2, 3, 4], "▁▃▆█"), ([7, 7, 7], "▄▄▄")],
)
def test_sparklines_of_any_range(values: list[float], bars: str) -> None:
    assert sparkline(values) == bars


def test_an_overflowing_change_is_empty_and_flagged_never_warned(
    extremes: Path, recwarn: pytest.WarningsRecorder
) -> None:
    result = CliRunner().invoke(app, ["compare", "2014", "2023", "--data", str(extremes)])
    assert result.exit_code == 0 and result.stderr == ""
    rows = {row["metric"]: row for row in csv.DictReader(io.StringIO(result.stdout))}
    assert (rows["m"]["change"], rows["m"]["flags"], rows["m"]["ratio"]) == ("", "overflow", "-1")
    # A percent unit is a share: its change is in points, and flagged so.
    assert rows["p"]["flags"] == "percentage_points" and float(rows["p"]["change"]) == 1e30
    assert rows["p"]["change_pct"] == rows["p"]["ratio"] == ""
    # 1e-300 / 5e-324 is finite (2.02e23): no overflow there.
    assert rows["t"]["flags"] == "" and float(rows["t"]["ratio"]) == pytest.approx(2.024e23, 1e-3)
    assert not [w for w in recwarn if "overflow" in str(w.message)]


@pytest.mark.parametrize(
    "command",
    [["metrics"], ["metrics", "m", "p", "t"], ["compare", "2014", "2023"], ["source", "m"]],
    ids=" ".join,
)
def test_every_table_shows_extreme_values(extremes: Path, command: list[str]) -> None:
    result = CliRunner().invoke(app, [*command, "--data", str(extremes), "--format", "table"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert "1E308" in result.stdout
    if command[0] == "compare":
        assert "overflow: a result too large to compute is left out" in result.stdout


def test_the_float_limits_round_trip_through_export(extremes: Path) -> None:
    result = CliRunner().invoke(app, ["export", "--data", str(extremes), "--format", "csv"])
    values = [float(row["value"]) for row in csv.DictReader(io.StringIO(result.stdout))]
    assert values == [-1e308, 1e308, 1e30, 2e30, 5e-324, 1e-300]
    assert sys.float_info.max > 1e308
