"""`zgc compare --tolerance N` (nearest years, as Our World in Data's charts) and `--limit N`."""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zgc_cli.cli import app
from zgc_cli.model.observations import load_observations
from zgc_cli.stats.growth import compare

runner = CliRunner()


def run(*args: str):  # noqa: ANN201 - a Result
    return runner.invoke(app, list(args))


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def write(tmp_path: Path, text: str, name: str = "data.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# Each series asks for 2014 → 2023 and has other years near them.
NEAREST_CSV = """\
metric,entity,year,value
exact,x,2013,1
exact,x,2014,2
exact,x,2015,3
exact,x,2023,4
earlier,x,2013,10
earlier,x,2015,20
earlier,x,2023,30
later,x,2015,5
later,x,2022,6
later,x,2024,7
far,x,2012,1
far,x,2016,2
far,x,2021,3
far,x,2025,4
nearer_later,x,2011,1
nearer_later,x,2015,2
nearer_later,x,2023,3
alone,x,2023,9
"""


# --- nearest years --------------------------------------------------------------------


def test_shipped_employees_compare_2013_to_2022_within_one_year() -> None:
    result = run("compare", "2014", "2023", "--tolerance", "1", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    employees = [row for row in csv_rows(result.stdout) if row["metric"] == "employees"]
    zgc = next(row for row in employees if row["entity"] == "zgc")
    assert (zgc["year_from"], zgc["year_to"]) == ("2013", "2022")
    # Without a tolerance, employees has neither year and is not compared.
    plain = csv_rows(run("compare", "2014", "2023", "--format", "csv").stdout)
    assert not any(row["metric"] == "employees" for row in plain)


def test_nearest_year_is_the_exact_then_the_earlier_then_the_later(tmp_path: Path) -> None:
    data = write(tmp_path, NEAREST_CSV)
    rows = csv_rows(run("compare", "2014", "2023", "--tolerance", "1", "--data", str(data)).stdout)
    used = {row["metric"]: (row["year_from"], row["year_to"]) for row in rows}
    assert used == {
        "exact": ("2014", "2023"),
        "earlier": ("2013", "2023"),
        "later": ("2015", "2022"),
        "nearer_later": ("2015", "2023"),
    }
    # Within ±2: the nearest wins whatever its side; at equal distance, the earlier.
    rows = csv_rows(run("compare", "2014", "2023", "--tolerance", "2", "--data", str(data)).stdout)
    used = {row["metric"]: (row["year_from"], row["year_to"]) for row in rows}
    assert used["far"] == ("2012", "2021")
    assert used["nearer_later"] == ("2015", "2023")


def test_series_out_of_reach_stay_not_compared(tmp_path: Path) -> None:
    data = write(tmp_path, NEAREST_CSV)
    result = compare(load_observations(str(data)).frame, 2014, 2023, tolerance=1)
    assert list(result.only_from.itertuples(index=False, name=None)) == []
    # alone has 2023 only; far has nothing within ±1 of either year, so it is in neither list.
    only_to = result.only_to[["metric", "entity", "reason"]]
    assert list(only_to.itertuples(index=False, name=None)) == [("alone", "x", "no_year_from")]


def test_the_two_ends_are_different_observations_in_order(tmp_path: Path) -> None:
    data = write(
        tmp_path,
        "metric,entity,year,value\n"
        "gap,x,2014,1\ngap,x,2016,2\n"  # 2015 is missing: the end takes 2016
        "back,x,2013,1\nback,x,2014,2\n"  # 2015 missing: 2014 ends it, 2013 starts it
        "one,x,2015,5\n"  # one observation in reach of both: not compared
        "both,x,2014,1\nboth,x,2015,3\n",
    )
    result = compare(load_observations(str(data)).frame, 2014, 2015, tolerance=1)
    used = {
        row["metric"]: (row["year_from"], row["year_to"]) for row in result.frame.to_dict("records")
    }
    assert used == {"gap": (2014, 2016), "back": (2013, 2014), "both": (2014, 2015)}
    assert list(result.only_to["metric"]) == ["one"]
    assert result.only_from.empty


def test_cagr_is_annualised_over_the_years_actually_used(tmp_path: Path) -> None:
    data = write(tmp_path, "metric,entity,year,value\ngrowth,x,2013,100\ngrowth,x,2022,200\n")
    rows = csv_rows(run("compare", "2014", "2023", "--tolerance", "1", "--data", str(data)).stdout)
    assert (rows[0]["year_from"], rows[0]["year_to"]) == ("2013", "2022")
    assert float(rows[0]["cagr_pct"]) == pytest.approx((2 ** (1 / 9) - 1) * 100)
    assert not math.isclose(float(rows[0]["cagr_pct"]), (2 ** (1 / 11) - 1) * 100)


def test_tolerance_zero_is_todays_comparison_byte_for_byte(sample_csv: Path) -> None:
    for args in (("2014", "2023"), ("2012", "2022", "--format", "json")):
        before = run("compare", *args, "--data", str(sample_csv))
        after = run("compare", *args, "--data", str(sample_csv), "--tolerance", "0")
        assert after.exit_code == 0, after.stderr
        assert after.stdout == before.stdout
    table = ("2014", "2023", "--data", str(sample_csv), "--format", "table")
    assert run("compare", *table, "--tolerance", "0").stdout == run("compare", *table).stdout
    title = next(line for line in run("compare", *table).stdout.splitlines() if "→" in line)
    assert "±" not in title


def test_tolerance_is_checked_and_years_need_data_within_it(sample_csv: Path) -> None:
    for bad in ("-1", "11"):
        result = run("compare", "2014", "2023", "--tolerance", bad, "--data", str(sample_csv))
        assert result.exit_code == 2, bad
    result = run("compare", "2016", "2023", "--tolerance", "1", "--data", str(sample_csv))
    assert result.exit_code == 1
    assert result.stderr.startswith("zgc: error: year 2016 is not in the data")
    assert "±1" in result.stderr
    # 2015 has no data, but 2014 is within ±1.
    result = run("compare", "2015", "2023", "--tolerance", "1", "--data", str(sample_csv))
    assert result.exit_code == 0, result.stderr


def test_the_table_marks_other_years_and_titles_the_tolerance(sample_csv: Path) -> None:
    args = ("compare", "2014", "2023", "--tolerance", "1", "--data", str(sample_csv))
    english = run(*args, "--format", "table", "--lang", "en").stdout
    lines = english.splitlines()
    assert lines[0].strip() == "2014 → 2023 (±1 year)"
    assert "2014 ±1" in lines[2] and "2023 ±1" in lines[2]  # the headings say their reach
    employees = next(line for line in lines if "employees" in line)
    assert "(2013)" in employees and "(2022)" in employees
    revenue = next(line for line in lines if line.lstrip().startswith("revenue"))
    assert "(20" not in revenue
    assert (
        "(2013) after a figure: the year it is of, the nearest with data "
        "within ±1 year of the one its column asks" in " ".join(lines)
    )
    two = run(*args[:-3], "2", "--data", str(sample_csv), "--format", "table").stdout
    assert two.splitlines()[0].strip() == "2014 → 2023 (±2 years)"
    chinese = run(*args, "--format", "table", "--lang", "zh").stdout
    assert chinese.splitlines()[0].strip() == "2014 → 2023（±1年）"
    assert "(2013)" in chinese and "(2022)" in chinese


# --- the limit of a table -------------------------------------------------------------


def many_series(tmp_path: Path, count: int) -> Path:
    lines = ["metric,entity,year,value"]
    for number in range(count):
        lines += [f"s{number:04d},x,2014,{number + 1}", f"s{number:04d},x,2023,{number + 2}"]
    return write(tmp_path, "\n".join(lines) + "\n", "many.csv")


def shown_series(table: str) -> list[str]:
    return [line.split()[0] for line in table.splitlines() if line.lstrip().startswith("s0")]


def test_a_table_shows_50_rows_and_says_how_to_get_the_rest(tmp_path: Path) -> None:
    data = many_series(tmp_path, 1_075)
    args = ("compare", "2014", "2023", "--data", str(data), "--format", "table")
    english = run(*args, "--lang", "en")
    assert english.exit_code == 0, english.stderr
    assert shown_series(english.stdout) == [f"s{number:04d}" for number in range(50)]
    assert english.stdout.splitlines()[-1] == (
        "… 1,025 more rows: --limit 0 for all, or --format csv"
    )
    chinese = run(*args, "--lang", "zh").stdout
    assert len(shown_series(chinese)) == 50
    assert chinese.splitlines()[-1] == (
        "… 另有 1,025 行未显示：--limit 0 显示全部，或用 --format csv"
    )


def test_limit_zero_shows_every_row_and_a_smaller_limit_fewer(tmp_path: Path) -> None:
    data = many_series(tmp_path, 60)
    args = ("compare", "2014", "2023", "--data", str(data), "--format", "table")
    every = run(*args, "--limit", "0").stdout
    assert len(shown_series(every)) == 60
    assert "more rows" not in every
    three = run(*args, "--limit", "3").stdout
    assert shown_series(three) == ["s0000", "s0001", "s0002"]
    assert three.splitlines()[-1] == "… 57 more rows: --limit 0 for all, or --format csv"
    assert run(*args, "--limit", "-1").exit_code == 2


def test_pipes_get_every_row_with_or_without_a_limit(tmp_path: Path) -> None:
    data = many_series(tmp_path, 120)
    for limit in ((), ("--limit", "5"), ("--limit", "0")):
        args = ("compare", "2014", "2023", "--data", str(data), *limit)
        assert len(csv_rows(run(*args).stdout)) == 120
        assert len(json.loads(run(*args, "--format", "json").stdout)) == 120
        exported = run("export", "--data", str(data), *limit).stdout
        assert len(csv_rows(exported)) == 240
        assert len(csv_rows(run("metrics", "--data", str(data), *limit).stdout)) == 120


@pytest.mark.parametrize(
    "command",
    [
        ("metrics",),
        ("export",),
        ("search", "firms"),
        ("verify",),
        ("compare", "2014", "2023"),
        ("timeline",),
    ],
)
def test_every_table_of_rows_takes_a_limit(command: tuple[str, ...]) -> None:
    table = run(*command, "--format", "table", "--limit", "1")
    assert table.exit_code == 0, table.stderr
    last = table.stdout.splitlines()[-1]
    assert last.startswith("… ") and last.endswith(" more rows: --limit 0 for all, or --format csv")


def test_what_a_limited_table_shows_beside_its_rows_comes_from_every_row(
    sample_csv: Path,
) -> None:
    args = ("compare", "2014", "2023", "--data", str(sample_csv), "--format", "table")
    one = run(*args, "--limit", "1").stdout
    assert "Not compared, only 2023 in the data (1): invention_patents (zgc)" in one
    assert "revenue" not in one  # the second row (sorted by metric) is left out
    catalog = run("metrics", "--data", str(sample_csv), "--format", "table", "--limit", "1")
    assert "▁█" in catalog.stdout  # the first series' sparkline, from its observations


def test_a_limited_verify_table_shows_its_failures_first(tmp_path: Path) -> None:
    data = tmp_path / "checks.csv"
    rows = [f"m{n},2014,{n},{n}家" for n in range(1, 61)] + ["bad,2014,5,6家"]
    data.write_text("metric,year,value,quote\n" + "\n".join(rows) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["verify", "--data", str(data), "--format", "table"])
    assert result.exit_code == 1
    body = [line for line in result.stdout.splitlines() if line.strip()]
    # Header, rule, then the one failure before any of the 120 passes.
    assert body[2].split()[:3] == ["fail", "value", "bad"]
    assert body[-1] == "… 72 more rows: --limit 0 for all, or --format csv"
    # A pipe keeps the checks in their own order (the file has no figure column: said last).
    piped = CliRunner().invoke(app, ["verify", "--data", str(data), "--format", "csv"])
    assert piped.stdout.splitlines()[-2].startswith("value,bad,")
    assert piped.stdout.splitlines()[-1].startswith('figure,,,,,,unsourced,"the data has no figure')


def only_one_year(tmp_path: Path, count: int) -> Path:
    """One series with both years, and ``count`` with 2023 alone."""
    rows = ["metric,entity,year,value", "both,x,2014,1", "both,x,2023,2"]
    rows += [f"single{index:03d},x,2023,{index}" for index in range(count)]
    return write(tmp_path, "\n".join(rows) + "\n")


def test_a_limited_table_names_a_few_series_not_compared_and_counts_the_rest(
    tmp_path: Path,
) -> None:
    data = str(only_one_year(tmp_path, 30))
    table = run("compare", "2014", "2023", "--data", data, "-f", "table", "--lang", "en").stdout
    named = [f"single{index:03d}" for index in range(30) if f"single{index:03d}" in table]
    assert named == [f"single{index:03d}" for index in range(8)]
    assert "Not compared, only 2023 in the data (30)" in table
    assert "… and 22 more (--limit 0 names them all)" in table
    # --limit 0 names every one, and no "more" line.
    every = run(
        "compare", "2014", "2023", "--data", data, "-f", "table", "--lang", "en", "--limit", "0"
    ).stdout
    assert all(f"single{index:03d}" in every for index in range(30))
    assert "more (--limit 0" not in every


def test_an_exact_comparison_with_series_left_out_suggests_the_tolerance(tmp_path: Path) -> None:
    data = str(only_one_year(tmp_path, 2))
    hint = "--tolerance 1 compares each series' nearest years"
    exact = run("compare", "2014", "2023", "--data", data, "-f", "table", "--lang", "en").stdout
    assert hint in exact
    near = run("compare", "2014", "2023", "--tolerance", "1", "--data", data, "-f", "table").stdout
    assert hint not in near
    # Nothing left out, nothing to suggest.
    whole = write(tmp_path, "metric,entity,year,value\nboth,x,2014,1\nboth,x,2023,2\n", "w.csv")
    complete = run("compare", "2014", "2023", "--data", str(whole), "-f", "table").stdout
    assert hint not in complete
