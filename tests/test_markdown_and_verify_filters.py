"""``--format markdown`` is a table to paste; ``verify`` shows what a person checks."""

from __future__ import annotations

import csv
import io

from typer.testing import CliRunner

from zgc_cli.cli import app
from zgc_cli.words import Language, message

runner = CliRunner()


def run(*args: str):  # noqa: ANN201 - a Result
    return runner.invoke(app, list(args))


def _table_lines(markdown: str) -> list[list[str]]:
    return [
        [cell.strip() for cell in line.strip().strip("|").split(" | ")]
        for line in markdown.splitlines()
        if line.startswith("| ")
    ]


def test_markdown_is_the_tables_names_figures_units_and_legend() -> None:
    result = run("compare", "2014", "2023", "--format", "markdown", "--lang", "en")
    assert result.exit_code == 0, result.output
    rows = _table_lines(result.stdout)
    header, body = rows[0], rows[1:]
    assert header[:4] == ["Indicator", "2014", "2023", "Unit"]
    revenue = next(row for row in body if row[0].startswith("Total revenue of firms"))
    assert "`revenue`" in revenue[0]  # the id to type, as code
    assert revenue[1].startswith("3.6 trillion") and revenue[3] == "CNY"
    assert message("mark.interval", Language.en) in result.stdout  # the legend
    # Not the machine's raw columns.
    assert "value_from_low" not in result.stdout and "3600000000000" not in result.stdout


def test_markdown_escapes_marks_that_markdown_would_read() -> None:
    result = run("metrics", "revenue", "--format", "markdown", "--lang", "zh")
    assert result.exit_code == 0, result.output
    assert "8.6万亿\\*" in result.stdout or "8.7万亿†" in result.stdout
    assert "| --- |" in result.stdout.replace("---:", "---")


def test_md_raw_keeps_the_raw_columns() -> None:
    raw = run("metrics", "revenue", "--format", "md-raw").stdout
    flat = run("metrics", "revenue", "--format", "csv").stdout
    columns = next(csv.reader(io.StringIO(flat)))
    assert _table_lines(raw)[0] == columns
    assert "3600000000000" in raw


def test_verify_failures_shows_only_what_failed_or_was_unsourced(sample_csv: object) -> None:
    every = run("verify", "--format", "csv", "--data", str(sample_csv))
    only = run("verify", "--failures", "--format", "csv", "--data", str(sample_csv))
    results = {row["result"] for row in csv.DictReader(io.StringIO(every.stdout))}
    shown = [row["result"] for row in csv.DictReader(io.StringIO(only.stdout))]
    assert "pass" in results
    assert set(shown) <= {"fail", "unsourced"}
    assert len(shown) == sum(
        row["result"] in ("fail", "unsourced") for row in csv.DictReader(io.StringIO(every.stdout))
    )
    # The counts are of every check: hiding the passes does not change them.
    assert every.stderr == only.stderr
    assert every.exit_code == only.exit_code


def test_verify_metric_filter_and_expected_values_for_people() -> None:
    result = run("verify", "--metric", "revenue", "--format", "csv")
    metrics = {row["metric"] for row in csv.DictReader(io.StringIO(result.stdout))}
    assert metrics == {"revenue"}
    table = runner.invoke(
        app,
        ["verify", "-m", "revenue", "--format", "table", "--lang", "en"],
        env={"COLUMNS": "160"},
    ).stdout
    value_row = next(line for line in table.splitlines() if " value " in line)
    # The expected value as people write it, not 3600000000000.
    assert "3.6 trillion" in value_row.split("2014", 1)[1].split("3.6万亿元")[0]
    unknown = run("verify", "--metric", "no_such_metric")
    assert unknown.exit_code != 0 and "no_such_metric" in unknown.stderr
    assert "Traceback" not in unknown.output
