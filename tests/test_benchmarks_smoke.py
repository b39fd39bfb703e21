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


# --- the benchmark's peers and its reference digests --------------------------------------


def load_benchmark_runner():  # type: ignore[no-untyped-def]
    """benchmarks/run.py as a module (a script; its parts are the zgcbench package beside it)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_run", REPO_ROOT / "benchmarks" / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module


def comparison_by_series(text: str) -> dict[tuple[str, str], dict[str, float]]:
    rows = list(csv.DictReader(text.splitlines()))
    return {
        (row["metric"], row["entity"]): {
            name: float(row[name])
            for name in ("value_from", "value_to", "change", "change_pct", "ratio", "cagr_pct")
            if row[name] != ""
        }
        for row in rows
    }


@pytest.mark.parametrize("script", ["analyst_compare.py", "duckdb_compare.py"])
def test_the_peers_compute_the_same_comparison_as_zgc(tmp_path: Path, script: str) -> None:
    if script.startswith("duckdb"):
        pytest.importorskip("duckdb")
    path = tmp_path / "synthetic.csv"
    generate(path, "--rows", "2000")
    peer = subprocess.run(
        [sys.executable, str(REPO_ROOT / "benchmarks" / script), str(path), "2014", "2023"],
        capture_output=True,
        text=True,
        check=True,
    )
    zgc = subprocess.run(
        [
            sys.executable,
            "-m",
            "zgc_cli",
            "compare",
            "2014",
            "2023",
            "--data",
            str(path),
            "--format",
            "csv",
        ],  # fmt: skip
        capture_output=True,
        text=True,
        check=True,
    )
    theirs, ours = comparison_by_series(peer.stdout), comparison_by_series(zgc.stdout)
    assert theirs.keys() == ours.keys() and len(ours) == 200
    for key, measures in ours.items():
        # zgc leaves out what a measure does not mean for a kind (a rate's percent change).
        for name, value in measures.items():
            assert theirs[key][name] == pytest.approx(value, rel=1e-9), (key, name)


def test_the_reference_digests_are_of_this_generator_and_hold(tmp_path: Path) -> None:
    """zgc's output on the 20k-row file is byte for byte the one before the speed work."""
    import hashlib

    bench = load_benchmark_runner()
    assert {tag for _, _, tag in bench.REFERENCE_DIGESTS} == {bench.generator_tag()}, (
        "generate.py changed: regenerate the digests with the code of commit 4460930"
    )
    path = tmp_path / "synthetic.csv"
    generate(path, "--rows", "20k")
    for command in ("compare", "export"):
        arguments = ["compare", "2014", "2023"] if command == "compare" else ["export"]
        output = subprocess.run(
            [sys.executable, "-m", "zgc_cli", *arguments, "--data", str(path), "--format", "csv"],
            capture_output=True,
            check=True,
        ).stdout
        expected = bench.REFERENCE_DIGESTS[(command, 20_000, bench.generator_tag())]
        assert hashlib.sha256(output).hexdigest() == expected, command
