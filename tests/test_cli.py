"""The commands as a user runs them, through typer.testing.CliRunner."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import SAMPLE_CSV
from zgc_cli.cli import app
from zgc_cli.model.schema import INTERVAL_SUFFIXES, interval_columns

runner = CliRunner()
MINIMAL_CSV = "metric,year,value\nrevenue,2014,3.6\nrevenue,2023,8.6\n"


def run(*args: str, input: str | bytes | None = None):  # noqa: ANN201 - a Result
    return runner.invoke(app, list(args), input=input)


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_every_command_has_help_text() -> None:
    from typer.main import get_command

    group = get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert command.help, f"{name} has no help"
        result = run(name, "--help")
        assert result.exit_code == 0, name
        assert f"Usage: zgc {name} [OPTIONS]" in result.stdout
        first_line = command.help.strip().splitlines()[0].replace("`", "")
        assert first_line in result.stdout, name


def test_version() -> None:
    from zgc_cli import __version__

    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"zgc {__version__}"


def test_a_pipe_gets_csv_by_default_with_full_precision(sample_csv: Path) -> None:
    result = run("compare", "2014", "2023", "--data", str(sample_csv))
    assert result.exit_code == 0, result.stderr
    rows = csv_rows(result.stdout)
    revenue = next(row for row in rows if row["metric"] == "revenue")
    assert revenue["value_from"] == "3600000000000"
    assert revenue["value_to"] == "8600000000000"
    assert float(revenue["ratio"]) == 8.6e12 / 3.6e12
    assert revenue["change_pct"] == repr((8.6e12 / 3.6e12 - 1) * 100)
    assert revenue["flags"] == "estimate"
    patents = next(row for row in rows if row["metric"] == "patents_per_10k_people")
    assert patents["value_from"] == "48.2"


def test_compare_names_what_it_left_out_under_the_table(sample_csv: Path) -> None:
    result = run("compare", "2014", "2023", "--data", str(sample_csv), "--format", "table")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-3:] == [
        "* estimate  a…b: the interval the figures' words and digits allow",
        "Not compared, only 2023 in the data (1): invention_patents (zgc)",
        "--tolerance 1 compares each series' nearest years within ±1 of those asked",
    ]


def test_compare_filters_and_sorts(sample_csv: Path) -> None:
    result = run(
        "compare",
        "2014",
        "2023",
        "--data",
        str(sample_csv),
        "--sort",
        "change_pct",
        "--metric",
        "revenue",
        "--metric",
        "patents_per_10k_people",
    )
    assert result.exit_code == 0, result.stderr
    rows = csv_rows(result.stdout)
    assert [(row["metric"], row["change_pct"]) for row in rows] == [
        ("patents_per_10k_people", repr((262.9 / 48.2 - 1) * 100)),
        ("revenue", repr((8.6e12 / 3.6e12 - 1) * 100)),
    ]
    result = run(
        "compare", "2014", "2023", "--data", str(sample_csv), "--reverse", "--sort", "ratio"
    )
    assert [row["metric"] for row in csv_rows(result.stdout)] == [
        "revenue",
        "patents_per_10k_people",
    ]
    result = run("compare", "2014", "2023", "--data", str(sample_csv), "--entity", "zgc")
    assert [(row["metric"], row["entity"]) for row in csv_rows(result.stdout)] == [
        ("revenue", "zgc")
    ]


def test_compare_json_numbers_are_numbers_and_undefined_is_null(sample_csv: Path) -> None:
    result = run("compare", "2012", "2022", "--data", str(sample_csv), "--format", "json")
    records = json.loads(result.stdout)
    firms = next(r for r in records if r["metric"] == "firms_revenue_over_100b")
    assert firms["value_from"] == 0 and firms["value_to"] == 11
    assert firms["change"] == 11
    assert firms["ratio"] is None and firms["cagr_pct"] is None
    assert "nan" not in result.stdout.lower().replace("financ", "")


def test_series_columns_come_first_in_the_documented_order(sample_csv: Path) -> None:
    result = run("metrics", "employees", "--data", str(sample_csv))
    header = result.stdout.splitlines()[0].split(",")
    # Each value and measure is followed by its six interval columns (see test_intervals.py).
    assert header[4:10] == interval_columns("value")
    header = [name for name in header if not name.endswith(INTERVAL_SUFFIXES)]
    assert header[:10] == [
        "metric",
        "entity",
        "year",
        "value",
        "unit",
        "status",
        "qualifier",
        "change",
        "change_pct",
        "cagr_pct",
    ]
    rows = csv_rows(result.stdout)
    assert [row["year"] for row in rows] == ["2013", "2022"]
    assert rows[1]["flags"] == "derived"
    assert float(rows[1]["cagr_pct"]) == pytest.approx((1.5 ** (1 / 9) - 1) * 100)


def test_catalog_columns(sample_csv: Path) -> None:
    result = run("metrics", "--data", str(sample_csv))
    header = result.stdout.splitlines()[0].split(",")
    assert header[:9] == [
        "metric",
        "entity",
        "name_en",
        "name_zh",
        "unit",
        "first_year",
        "last_year",
        "observations",
        "latest_value",
    ]
    models = [row for row in csv_rows(result.stdout) if row["metric"] == "large_models"]
    assert {row["entity"]: row["latest_value"] for row in models} == {"china": "107", "zgc": "47"}


def test_unknown_metric_is_an_error_with_suggestions(sample_csv: Path) -> None:
    result = run("metrics", "revenu", "--data", str(sample_csv))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("zgc: error: unknown metric 'revenu'; did you mean revenue")
    assert len(result.stderr.splitlines()) == 1


def test_year_not_in_data_lists_the_years(sample_csv: Path) -> None:
    result = run("compare", "2014", "2031", "--data", str(sample_csv))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "zgc: error: year 2031 is not in the data; "
        "available: 2012, 2013, 2014, 2020, 2022, 2023, 2024\n"
    )


def test_usage_errors_keep_exit_code_two(sample_csv: Path) -> None:
    for args, problem in (
        (["compare", "2014"], "Missing argument"),
        (["compare", "x", "2023"], "Invalid value"),
        (["metrics", "--format", "xml"], "Invalid value"),
    ):
        result = run(*args, "--data", str(sample_csv))
        assert result.exit_code == 2, args
        assert result.stdout == ""
        assert problem in result.stderr, (args, result.stderr)


def parse_machine(fmt: str, text: str) -> list[dict[str, object]]:
    """Rows of a machine format, as its own reader gives them back."""
    if fmt in ("csv", "tsv"):
        return list(csv.DictReader(io.StringIO(text), delimiter="," if fmt == "csv" else "\t"))
    if fmt == "json":
        return json.loads(text)
    if fmt == "jsonl":
        return [json.loads(line) for line in text.splitlines()]
    header, rule, *rows = text.splitlines()
    assert rule == "|" + "|".join(" --- " for _ in header.split(" | ")) + "|"
    names = header[2:-2].split(" | ")
    return [dict(zip(names, row[2:-2].split(" | "), strict=True)) for row in rows]


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "jsonl", "md-raw"])
def test_machine_formats_carry_raw_values(sample_csv: Path, fmt: str) -> None:
    result = run("export", "--data", str(sample_csv), "--format", fmt)
    assert result.exit_code == 0
    records = parse_machine(fmt, result.stdout)
    # Every cell as the file has it: raw numbers, never 3.6万亿 or 3,600,000,000,000.
    assert [{k: str(v) for k, v in record.items()} for record in records] == csv_rows(SAMPLE_CSV)
    if fmt in ("json", "jsonl"):
        assert records[0]["value"] == 3600000000000 and type(records[0]["value"]) is int
        assert records[4]["value"] == 48.2 and records[4]["year"] == 2014


def test_jsonl_is_one_object_per_observation(sample_csv: Path) -> None:
    result = run("export", "--data", str(sample_csv), "--format", "jsonl")
    lines = result.stdout.splitlines()
    assert len(lines) == 12
    as_json = json.loads(run("export", "--data", str(sample_csv), "--format", "json").stdout)
    assert [json.loads(line) for line in lines] == as_json
    assert json.loads(lines[0])["value"] == 3600000000000


def test_export_round_trips_byte_for_byte(sample_csv: Path) -> None:
    first = run("export", "--data", str(sample_csv), "--format", "csv")
    second = run("export", "--data", "-", "--format", "csv", input=first.stdout.encode())
    assert second.exit_code == 0, second.stderr
    assert second.stdout == first.stdout
    assert '"3.6万亿元, quoted"' in first.stdout


def test_export_keeps_only_the_files_own_columns(tmp_path: Path) -> None:
    path = tmp_path / "minimal.csv"
    path.write_text("metric,year,value\nrevenue,2014,3.6\nrevenue,2023,8.6\n")
    result = run("export", "--data", str(path))
    assert result.stdout == "metric,year,value\nrevenue,2014,3.6\nrevenue,2023,8.6\n"


def test_a_minimal_user_file_works_in_every_data_command(tmp_path: Path) -> None:
    path = tmp_path / "minimal.csv"
    path.write_text(MINIMAL_CSV)
    data = ["--data", str(path)]

    def rows(*args: str) -> list[dict[str, str]]:
        result = run(*args, *data)
        assert result.exit_code == 0, (args, result.stderr)
        return csv_rows(result.stdout)

    catalog = rows("metrics")
    assert [
        (row["metric"], row["first_year"], row["last_year"], row["observations"]) for row in catalog
    ] == [("revenue", "2014", "2023", "2")]
    assert catalog[0]["latest_value"] == "8.6" and catalog[0]["name_en"] == ""
    series = rows("metrics", "revenue")
    assert [(row["year"], row["value"], row["change"]) for row in series] == [
        ("2014", "3.6", ""),
        ("2023", "8.6", "5"),
    ]
    compared = rows("compare", "2014", "2023")
    assert [(row["value_from"], row["value_to"], row["flags"]) for row in compared] == [
        ("3.6", "8.6", "")
    ]
    assert float(compared[0]["ratio"]) == 8.6 / 3.6
    assert [(row["metric"], row["score"]) for row in rows("search", "revenue")] == [
        ("revenue", "100")
    ]
    assert [(row["year"], row["quote"], row["source"]) for row in rows("source", "revenue")] == [
        ("2014", "", ""),
        ("2023", "", ""),
    ]
    assert [(row["check"], row["result"]) for row in rows("verify")] == [
        ("source", "unsourced"),
        ("source", "unsourced"),
    ]
    plot = run("plot", "revenue", *data)
    assert plot.exit_code == 0, plot.stderr
    assert "revenue" in plot.stdout and "2014" in plot.stdout and "2023" in plot.stdout


def test_zgc_data_environment_variable(sample_csv: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZGC_DATA", str(sample_csv))
    result = run("metrics", "large_models")
    assert result.exit_code == 0
    assert {row["entity"] for row in csv_rows(result.stdout)} == {"china", "zgc"}


def test_excel_files_load(tmp_path: Path) -> None:
    text = "metric,entity,year,value\r\n专利,北京,2014,48.2\r\n专利,北京,2023,262.9\r\n"
    for name, payload in (
        ("bom.csv", b"\xef\xbb\xbf" + text.encode("utf-8")),
        ("gbk.csv", text.encode("gbk")),
        ("gb18030.csv", text.encode("gb18030")),
    ):
        path = tmp_path / name
        path.write_bytes(payload)
        result = run("compare", "2014", "2023", "--data", str(path))
        assert result.exit_code == 0, (name, result.stderr)
        row = csv_rows(result.stdout)[0]
        assert (row["metric"], row["entity"], row["value_to"]) == ("专利", "北京", "262.9"), name


def test_table_on_request_uses_human_numbers_in_both_languages(sample_csv: Path) -> None:
    english = run("metrics", "revenue", "--data", str(sample_csv), "-f", "table", "--lang", "en")
    assert "3.6 trillion" in english.stdout and "8.6 trillion*" in english.stdout
    assert "* estimate" in english.stdout
    chinese = run("metrics", "revenue", "--data", str(sample_csv), "-f", "table", "--lang", "zh")
    assert "3.6万亿" in chinese.stdout and "* 预计" in chinese.stdout


def test_language_defaults_from_the_locale(
    sample_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    result = run("metrics", "revenue", "--data", str(sample_csv), "-f", "table")
    assert "3.6万亿" in result.stdout and "* 预计" in result.stdout
    assert "trillion" not in result.stdout
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    result = run("metrics", "revenue", "--data", str(sample_csv), "-f", "table")
    assert "3.6 trillion" in result.stdout and "万亿" not in result.stdout


def test_tables_in_a_pipe_have_no_colour_codes(sample_csv: Path, monkeypatch) -> None:
    monkeypatch.delenv("NO_COLOR")
    result = run("compare", "2014", "2023", "--data", str(sample_csv), "-f", "table")
    assert result.exit_code == 0, result.stderr
    assert "revenue (zgc)" in result.stdout and "8.6 trillion*" in result.stdout
    assert "\x1b[" not in result.stdout


def test_no_spinner_when_stderr_is_not_a_terminal(
    sample_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import zgc_cli.env

    monkeypatch.setattr(zgc_cli.env, "SPINNER_FROM_BYTES", 0)  # every file counts as large
    result = run("compare", "2014", "2023", "--data", str(sample_csv))
    assert result.exit_code == 0
    assert result.stderr == ""
    assert [row["metric"] for row in csv_rows(result.stdout)] == [
        "patents_per_10k_people",
        "revenue",
    ]


def test_excel_quirks_load_cleanly(tmp_path: Path) -> None:
    """Classic Mac line ends, trailing empty columns and padded ids all load as meant."""
    cases = {
        "cr.csv": b"metric,year,value\rrevenue,2014,3.6\rrevenue,2023,8.6\r",
        "trailing.csv": b"metric,year,value,,\nrevenue,2014,3.6,,\nrevenue,2023,8.6,,\n",
        "padded.csv": b" metric ,year,value\n revenue ,2014,3.6\nrevenue,2023,8.6\n",
    }
    for name, payload in cases.items():
        path = tmp_path / name
        path.write_bytes(payload)
        rows = csv_rows(run("compare", "2014", "2023", "--data", str(path)).stdout)
        assert [(row["metric"], row["value_from"], row["value_to"]) for row in rows] == [
            ("revenue", "3.6", "8.6")
        ], name
    exported = run("export", "--data", str(tmp_path / "trailing.csv")).stdout
    assert exported.splitlines()[0] == "metric,year,value"


# --- --category on a user's file ----------------------------------------------------------


@pytest.mark.parametrize("command", [["compare", "2014", "2023"], ["export"]])
def test_a_category_needs_an_indicators_file(tmp_path: Path, command: list[str]) -> None:
    path = tmp_path / "minimal.csv"
    path.write_text(MINIMAL_CSV)
    result = run(*command, "--category", "economy", "--data", str(path))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "zgc: error: no categories: this data has no indicators.csv with a category column\n"
    )


def test_a_category_comes_from_the_indicators_file_beside_the_data(sample_csv: Path) -> None:
    indicators = sample_csv.parent / "indicators.csv"
    indicators.write_text(
        "metric,name_en,category\n"
        "revenue,Total revenue,economy\n"
        "employees,Employees,talent\n"
        "large_models,Large models,technology\n",
        encoding="utf-8",
    )
    data = ["--data", str(sample_csv)]
    exported = run("export", "--category", "economy", "-c", "talent", *data)
    assert exported.exit_code == 0, exported.stderr
    assert [(row["metric"], row["year"]) for row in csv_rows(exported.stdout)] == [
        ("revenue", "2014"),
        ("revenue", "2023"),
        ("employees", "2013"),
        ("employees", "2022"),
    ]
    compared = run("compare", "2014", "2023", "--category", "economy", *data)
    assert [row["metric"] for row in csv_rows(compared.stdout)] == ["revenue"]
    unknown = run("export", "--category", "innovation", *data)
    assert unknown.exit_code == 1
    assert unknown.stderr == (
        "zgc: error: unknown category 'innovation'; available: economy, talent, technology\n"
    )
    # An indicators.csv without a category column has no categories either.
    indicators.write_text("metric,name_en\nrevenue,Total revenue\n", encoding="utf-8")
    result = run("export", "--category", "economy", *data)
    assert result.exit_code == 1
    assert result.stderr == (
        "zgc: error: no categories: this data has no indicators.csv with a category column\n"
    )
