"""Paths, sizes, limits and reference digests of the benchmark, and the scripts it runs."""

from __future__ import annotations

from pathlib import Path

BENCHMARKS_DIR = Path(__file__).resolve().parent.parent
REPO_DIR = BENCHMARKS_DIR.parent
GENERATOR = BENCHMARKS_DIR / "generate.py"
DEFAULT_OUT_DIR = BENCHMARKS_DIR / "out"
SHIPPED_DATA = REPO_DIR / "data" / "metrics.csv"
GNU_TIME = Path("/usr/bin/time")

FULL_SIZES: tuple[int, ...] = (100_000, 1_000_000, 5_000_000)
QUICK_SIZES: tuple[int, ...] = (20_000,)
GOAL_SIZE = 1_000_000
SPLIT_MIN_RUNS = 11
TINY_ROWS = 500  # one metric x 50 entities x 10 years: the startup constant
DEFAULT_RUNS = 7
QUICK_RUNS = 3
YEAR_FROM, YEAR_TO = 2014, 2023

STARTUP_LIMIT = 1.15
HELP_LIMIT = 1.2
LARGE_TIME_LIMIT = 1.25  # zgc compare vs a bare read_csv, 1M rows (issue 23; 1.45 before)
ANALYST_LIMIT = 0.6  # zgc compare vs the analyst's pandas script, 1M rows (0.7 before)
DUCKDB_COMPARE_LIMIT = 1.5  # zgc compare vs DuckDB's SQL, 1M rows (issue 23; shown before)
SELECTION_GOAL_SIZE = 5_000_000  # zgc metrics ID vs DuckDB's SQL of the same series
SELECTION_TIME_LIMIT = 1.5
SELECTION_MEMORY_LIMIT = 1.5
REFUSAL_LIMIT = 1.5  # an unknown id refused (cached ids) vs zgc --version
JSONL_GOAL_SIZE = 1_000_000  # JSON Lines input vs the same rows as CSV
JSONL_TIME_LIMIT = 1.5
JSONL_MEMORY_LIMIT = 2.0
LARGE_MEMORY_LIMIT = 1.5  # info since issue 12: the memory goal is export's at 5M rows
LINEARITY_LIMIT = 1.5
EXPORT_GOAL_SIZE = 5_000_000
EXPORT_MEMORY_LIMIT = 1.5  # zgc export's peak RSS vs a bare read_csv's, 5M rows
EXPORT_RUNS = 3
FIRST_TAB_LIMIT = 0.5  # seconds, on a 1M-row ZGC_DATA
LATER_TAB_LIMIT = 1.5  # × zgc --version
INSTALL_GROWTH_LIMIT = 1.05
REPORT_LIMIT = 2.0  # zgc report -o r.html vs -o r.md on the shipped data (CPU time)
REPORT_RUNS = 5
ANALYST_SCRIPT = BENCHMARKS_DIR / "analyst_compare.py"
DUCKDB_SCRIPT = BENCHMARKS_DIR / "duckdb_compare.py"
DUCKDB_METRICS_SCRIPT = BENCHMARKS_DIR / "duckdb_metrics.py"

# sha256 of zgc's output on the synthetic files before the speed work of issue 12
# (commit 4460930), by (command, rows, generate.py tag): the output must not change.
# compare's since issue 17: its interval columns, and no bare point where a bound
# leaves the strict interval unbounded (its other columns are 4460930's where no
# end is more_than, nearly or less_than; a percent written to the ones place spans ±0.5).
# Since issue 22: a last column, scope_differs (false throughout: the files have no scope);
# without it, the bytes are those digests' (7a89fa32…, 78445e3f…, 12f239f3…).
REFERENCE_DIGESTS: dict[tuple[str, int, str], str] = {
    ("compare", 20_000, "b20947da"): (
        "d1a7b2716baf0d0f771f2f119f5c519cfdb879afd5251789a222186b948a0e21"
    ),
    ("compare", 100_000, "b20947da"): (
        "7e96039d5a22f6fd48965021dae4ce031f4b1c1564652de0a083453571fb3194"
    ),
    ("compare", 1_000_000, "b20947da"): (
        "4c58f87024714f710742cdcce4f4f9c5699a6fcc8e12ade36acc9cafa021b37a"
    ),
    ("export", 20_000, "b20947da"): (
        "3ee299a173c410385be86a0b2bdf4e26677c96b9e7ed1f88afa9d43c71f1661f"
    ),
    ("export", 1_000_000, "b20947da"): (
        "c2cdbe6a58ba35ed5f132a1d27fb928d677447a2282dba4df0439112783f882d"
    ),
    ("export", 5_000_000, "b20947da"): (
        "750a373bf1258b3d37add5ea626e7d2c031a60dcf85a69fceff0bdb324947f58"
    ),
}

PASS, FAIL, INFO, ERROR, SKIP = "PASS", "FAIL", "info", "ERROR", "skip"
CHANGED = "CHANGED"  # zgc's output is not the one before the speed work: always a failure

# Which time the goals judge: "cpu" (user + system of the child, default: on a
# shared machine a busy neighbour stretches the wall clock, not the work done)
# or "wall". Both are shown. Set once by main().
CLOCK = {"judged": "cpu"}

MINIMAL_TYPER_APP = '''\
"""A minimal two-command Typer app: the yardstick for zgc --help."""

import typer

app = typer.Typer()


@app.command()
def hello(name: str, count: int = 1) -> None:
    """Say hello."""
    for _ in range(count):
        typer.echo(f"Hello {name}")


@app.command()
def goodbye(name: str, formal: bool = False) -> None:
    """Say goodbye."""
    typer.echo(f"Goodbye {name}" if formal else f"Bye {name}")


if __name__ == "__main__":
    app()
'''

# Runs a script and records which line raised the process's peak RSS (VmHWM).
HWM_SAMPLER = """\
import json, os, runpy, sys, threading, time, traceback

script, out_path = sys.argv[1], sys.argv[2]
sys.argv = [script, *sys.argv[3:]]
main_id = threading.main_thread().ident


def hwm_kib():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def location():
    frame = sys._current_frames().get(main_id)
    if frame is None:
        return "(exit)"
    stack = traceback.extract_stack(frame)
    own = [entry for entry in stack if "zgc_cli" in entry.filename] or stack[-1:]
    inner = own[-1]
    return "%s:%d %s: %s" % (
        os.path.basename(inner.filename), inner.lineno, inner.name, (inner.line or "").strip()
    )


state = {"hwm": hwm_kib(), "start": hwm_kib(), "raises": {}}


def sample():
    while True:
        time.sleep(0.002)
        now = hwm_kib()
        if now > state["hwm"]:
            key = location()
            state["raises"][key] = state["raises"].get(key, 0) + now - state["hwm"]
            state["hwm"] = now


threading.Thread(target=sample, daemon=True).start()
try:
    runpy.run_path(script, run_name="__main__")
except SystemExit:
    pass
finally:
    state["hwm"] = max(state["hwm"], hwm_kib())
    with open(out_path, "w") as out:
        json.dump(state, out)
"""
