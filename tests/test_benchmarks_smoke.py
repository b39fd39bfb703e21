"""benchmarks/generate.py writes deterministic tidy CSVs that zgc can read (no timing here)."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
GENERATOR = REPO_ROOT / "benchmarks" / "generate.py"
HEADER = ["metric", "entity", "year", "value", "unit", "status", "qualifier"]


def generate(out: Path, *arguments: str) -> list[list[str]]:
    subprocess.run(
        [sys.executable, str(GENERATOR), "--out", str(out), *arguments],
        check=True,
        capture_output=True,
    )
    with out.open(newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


@pytest.mark.parametrize(("rows_option", "rows"), [("1200", 1200), ("2k", 2000), ("7", 7)])
def test_synthetic_csv_shape(tmp_path: Path, rows_option: str, rows: int) -> None:
    lines = generate(tmp_path / "synthetic.csv", "--rows", rows_option)
    header, body = lines[0], lines[1:]
    assert header == HEADER
    assert len(body) == rows
    assert all(len(line) == len(HEADER) for line in body)
    keys = {(line[0], line[1], line[2]) for line in body}
    assert len(keys) == rows, "each (metric, entity, year) once"
    assert {int(line[2]) for line in body} <= set(range(2014, 2024))
    values = [line[3] for line in body]
    assert all(float(value) > 0 for value in values)
    assert {line[5] for line in body} <= {"reported", "estimate", "derived"}
    assert {line[6] for line in body} <= {"exact", "more_than", "nearly", "about", "less_than"}
    assert all(line[0].startswith("m") and line[1].startswith("e") for line in body)


def test_synthetic_csv_mix_of_values_and_flags(tmp_path: Path) -> None:
    body = generate(tmp_path / "synthetic.csv", "--rows", "5000")[1:]
    values = [line[3] for line in body]
    assert any("." in value for value in values) and any("." not in value for value in values)
    statuses = [line[5] for line in body]
    assert statuses.count("reported") > len(body) / 2
    assert {"estimate", "derived"} <= set(statuses)
    qualifiers = [line[6] for line in body]
    assert qualifiers.count("exact") > len(body) / 2
    assert len(set(qualifiers)) > 1
    assert len({line[0] for line in body}) == 10, "5000 rows = 10 metrics x 50 entities x 10 years"


def test_synthetic_csv_is_deterministic(tmp_path: Path) -> None:
    first = tmp_path / "first.csv"
    second = tmp_path / "second.csv"
    generate(first, "--rows", "3000")
    generate(second, "--rows", "3000")
    assert first.read_bytes() == second.read_bytes()
    generate(second, "--rows", "3000", "--seed", "7")
    assert first.read_bytes() != second.read_bytes()


def test_shipped_like_stand_in_has_revenue(tmp_path: Path) -> None:
    body = generate(tmp_path / "stand-in.csv", "--shipped-like")[1:]
    assert {"revenue", "employees"} <= {line[0] for line in body}
    assert {"2014", "2023"} <= {line[2] for line in body}


def test_zgc_reads_the_synthetic_csv(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from zgc_cli.cli import app

    path = tmp_path / "synthetic.csv"
    generate(path, "--rows", "1000")
    result = CliRunner().invoke(app, ["compare", "2014", "2023", "--data", str(path), "-f", "csv"])
    assert result.exit_code == 0, result.output
    assert len(result.output.strip().splitlines()) == 1 + 100  # header + 2 metrics x 50 entities
