"""The start-up goals, compare on synthetic files against its peers, export's memory."""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from zgcbench.common import (
    ANALYST_LIMIT,
    ANALYST_SCRIPT,
    CHANGED,
    DUCKDB_COMPARE_LIMIT,
    DUCKDB_SCRIPT,
    ERROR,
    EXPORT_GOAL_SIZE,
    EXPORT_MEMORY_LIMIT,
    EXPORT_RUNS,
    FAIL,
    GENERATOR,
    GOAL_SIZE,
    HELP_LIMIT,
    INFO,
    LARGE_MEMORY_LIMIT,
    LARGE_TIME_LIMIT,
    LINEARITY_LIMIT,
    MINIMAL_TYPER_APP,
    PASS,
    REFERENCE_DIGESTS,
    SHIPPED_DATA,
    STARTUP_LIMIT,
    TINY_ROWS,
    YEAR_FROM,
    YEAR_TO,
)
from zgcbench.diagnose import (
    cprofile_top,
    import_breakdown,
    memory_peak_sites,
    scaling_profile,
    startup_split,
)
from zgcbench.processes import (
    CommandFailedError,
    Measured,
    Runner,
    compare_argv,
    duckdb_installed,
    generator_tag,
    log,
    measure_interleaved,
    peer_argv,
    read_csv_argv,
    synthetic_file,
)
from zgcbench.results import Report, Row, judge, ratio_row, size_text

# --- the benchmark ----------------------------------------------------------------------


def parse_sizes(text: str) -> list[int]:
    sizes = []
    for part in text.split(","):
        cleaned = part.strip().replace("_", "").lower()
        factor = {"k": 1_000, "m": 1_000_000}.get(cleaned[-1:], 1)
        number = cleaned[:-1] if factor != 1 else cleaned
        try:
            sizes.append(int(float(number) * factor))
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a size: {part!r}") from None
    return sorted(set(sizes))


def shipped_data_arguments(
    runner: Runner, prefix: list[str], out_dir: Path, env: dict[str, str], report: Report
) -> tuple[list[str], str]:
    """``--data`` arguments for the startup goals, and how to name that data."""
    if SHIPPED_DATA.is_file():
        try:
            runner.run([*prefix, "metrics", "revenue", "--format", "csv"])
            runner.run([*prefix, "compare", str(YEAR_FROM), str(YEAR_TO), "--format", "csv"])
            return [], "shipped data"
        except CommandFailedError as error:
            report.rows.append(
                Row("zgc on the shipped data", f"failed: {error}", "", None, "exit 0", ERROR)
            )
            report.notes.append("data/metrics.csv exists but zgc failed on it: see ERROR row.")
    else:
        report.notes.append("data/metrics.csv is missing: startup goals use a generated stand-in.")
    stand_in = out_dir / f"shipped-like-{generator_tag()}.csv"
    if not stand_in.is_file():
        subprocess.run(
            [sys.executable, str(GENERATOR), "--shipped-like", "--out", str(stand_in)],
            env=env,
            check=True,
        )
    return ["--data", str(stand_in)], "stand-in data"


def startup_goals(
    runner: Runner,
    prefix: list[str],
    runs: int,
    work_dir: Path,
    out_dir: Path,
    env: dict[str, str],
    report: Report,
) -> None:
    data_arguments, data_label = shipped_data_arguments(runner, prefix, out_dir, env, report)
    minimal_app = work_dir / "minimal_typer_app.py"
    minimal_app.write_text(MINIMAL_TYPER_APP)
    metrics_argv = [*prefix, "metrics", "revenue", *data_arguments, "--format", "csv"]
    compare_argv = [
        *prefix,
        "compare",
        str(YEAR_FROM),
        str(YEAR_TO),
        *data_arguments,
        "--format",
        "csv",
    ]
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "import pandas": [sys.executable, "-c", "import pandas"],
        "import pandas, typer, rich.table": [
            sys.executable,
            "-c",
            "import pandas, typer, rich.table",
        ],
        "zgc metrics revenue": metrics_argv,
        "zgc compare 2014 2023": compare_argv,
        "minimal Typer app --help": [sys.executable, str(minimal_app), "--help"],
        "zgc --help": [*prefix, "--help"],
        "zgc --version": [*prefix, "--version"],
    }
    log(f"startup: {len(commands)} commands × {runs} runs ({data_label})")
    results = measure_interleaved(runner, commands, runs)
    report.groups["startup"] = results
    baseline = results["import pandas, typer, rich.table"]
    for name, argv in (
        ("zgc metrics revenue", metrics_argv),
        ("zgc compare 2014 2023", compare_argv),
    ):
        row = ratio_row(
            f"{name} ({data_label}) vs import pandas, typer, rich.table",
            results[name],
            baseline,
            STARTUP_LIMIT,
        )
        report.rows.append(row)
        if row.status == FAIL:
            shown = " ".join(argv[len(prefix) :])
            report.diagnoses.append(
                (
                    f"import breakdown of `{shown}`",
                    partial(
                        import_breakdown, argv, commands["import pandas, typer, rich.table"], env
                    ),
                )
            )
            report.diagnoses.append(
                (
                    f"where the time of `{shown}` goes beyond the baseline",
                    partial(
                        startup_split,
                        runner,
                        argv,
                        commands["import pandas, typer, rich.table"],
                        env,
                        runs,
                    ),
                )
            )
            report.diagnoses.append(
                (
                    f"cProfile of `{shown}` (cumulative times include lazy imports)",
                    partial(cprofile_top, argv, env, work_dir),
                )
            )
    help_row = ratio_row(
        "zgc --help vs minimal Typer app --help",
        results["zgc --help"],
        results["minimal Typer app --help"],
        HELP_LIMIT,
    )
    report.rows.append(help_row)
    if help_row.status == FAIL:
        report.diagnoses.append(
            (
                "import breakdown of `zgc --help`",
                lambda: import_breakdown(
                    commands["zgc --help"], commands["minimal Typer app --help"], env
                ),
            )
        )


def output_digest_row(command: str, argv: list[str], rows: int, env: dict[str, str]) -> Row | None:
    """Whether ``argv``'s output is byte for byte the one before the speed work (by digest)."""
    reference = REFERENCE_DIGESTS.get((command, rows, generator_tag()))
    goal = f"zgc {command} {size_text(rows)} rows: output unchanged (sha256)"
    if reference is None:
        return None
    digest = hashlib.sha256()
    with subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, env=env
    ) as process:
        assert process.stdout is not None
        while block := process.stdout.read(1 << 20):
            digest.update(block)
    found = digest.hexdigest()
    status = PASS if found == reference and process.returncode == 0 else CHANGED
    return Row(goal, found[:12], reference[:12], None, "same bytes", status)


def large_goals(
    runner: Runner,
    prefix: list[str],
    sizes: Sequence[int],
    runs: int,
    work_dir: Path,
    out_dir: Path,
    env: dict[str, str],
    report: Report,
) -> None:
    """compare vs read_csv (and, up to 1M rows, the analyst's script and DuckDB) at each size.

    The tiny file (one metric: 500 rows) gives the startup constant of each
    command, measured interleaved with the large runs so noise hits both alike.
    """
    tiny_path = synthetic_file(out_dir, TINY_ROWS, env)
    by_size: dict[int, dict[str, tuple[Measured, Measured]]] = {}
    compare_argvs: dict[int, list[str]] = {}
    with_duckdb = duckdb_installed(env)
    if not with_duckdb:
        report.notes.append("DuckDB is not installed (pip install 'zgc[bench]'): no SQL peer.")
    for rows in sizes:
        path = synthetic_file(out_dir, rows, env)
        label = size_text(rows)
        compare_argvs[rows] = compare_argv(prefix, path)
        commands = {
            f"read_csv {label}": read_csv_argv(path),
            f"zgc compare {label}": compare_argvs[rows],
            "read_csv tiny": read_csv_argv(tiny_path),
            "zgc compare tiny": compare_argv(prefix, tiny_path),
        }
        peers = rows <= GOAL_SIZE  # the peers' runs at 5M would double the benchmark's time
        if peers:
            commands[f"analyst's pandas {label}"] = peer_argv(ANALYST_SCRIPT, path)
            if with_duckdb:
                commands[f"DuckDB SQL {label}"] = peer_argv(DUCKDB_SCRIPT, path)
        log(f"{label} rows: {len(commands)} commands × {runs} runs")
        results = measure_interleaved(runner, commands, runs)
        report.groups[f"{label} rows"] = results
        baseline, measured = results[f"read_csv {label}"], results[f"zgc compare {label}"]
        by_size[rows] = {
            "read_csv": (results["read_csv tiny"], baseline),
            "zgc compare": (results["zgc compare tiny"], measured),
        }
        judged = rows == GOAL_SIZE
        time_row = ratio_row(
            f"zgc compare {label} rows: time vs a bare read_csv",
            measured,
            baseline,
            LARGE_TIME_LIMIT,
            judged=judged,
        )
        report.rows.append(time_row)
        if peers:
            report.rows.append(
                ratio_row(
                    f"zgc compare {label} rows: time vs the analyst's pandas script",
                    measured,
                    results[f"analyst's pandas {label}"],
                    ANALYST_LIMIT,
                    judged=judged,
                )
            )
            if with_duckdb:
                report.rows.append(
                    ratio_row(
                        f"zgc compare {label} rows: time vs DuckDB's SQL (fastest peer)",
                        measured,
                        results[f"DuckDB SQL {label}"],
                        DUCKDB_COMPARE_LIMIT,
                        judged=judged,
                    )
                )
        memory_row = ratio_row(
            f"zgc compare {label} rows: peak RSS vs a bare read_csv",
            measured,
            baseline,
            LARGE_MEMORY_LIMIT,
            memory=True,
            judged=False,
        )
        report.rows.append(memory_row)
        digest_row = output_digest_row("compare", compare_argvs[rows], rows, env)
        if digest_row is not None:
            report.rows.append(digest_row)
        if time_row.status == FAIL:
            report.diagnoses.append(
                (
                    f"cProfile of `zgc compare {YEAR_FROM} {YEAR_TO}` on {label} rows",
                    partial(cprofile_top, compare_argvs[rows], env, work_dir),
                )
            )
    if GOAL_SIZE not in sizes:
        report.notes.append(
            f"{size_text(GOAL_SIZE)} rows not among the sizes: compare vs read_csv is info only."
        )
    if linearity_rows(sizes, by_size, report):
        small, large = sizes[0], sizes[-1]
        report.diagnoses.append(
            (
                f"scaling of `zgc compare`: cProfile at {size_text(small)} vs {size_text(large)}",
                lambda: scaling_profile(
                    (small, compare_argvs[small]), (large, compare_argvs[large]), env, work_dir
                ),
            )
        )


def export_memory_goal(
    runner: Runner,
    prefix: list[str],
    rows: int,
    work_dir: Path,
    out_dir: Path,
    env: dict[str, str],
    report: Report,
) -> None:
    """zgc export's peak RSS vs a bare read_csv's on the same file (5M rows in a full run)."""
    path = synthetic_file(out_dir, rows, env)
    label = size_text(rows)
    export_argv = [*prefix, "export", "--data", str(path), "--format", "csv"]
    commands = {f"read_csv {label}": read_csv_argv(path), f"zgc export {label}": export_argv}
    log(f"export {label} rows: {len(commands)} commands × {EXPORT_RUNS} runs")
    results = measure_interleaved(runner, commands, EXPORT_RUNS, warmup=False)
    report.groups[f"export {label} rows"] = results
    row = ratio_row(
        f"zgc export {label} rows: peak RSS vs a bare read_csv",
        results[f"zgc export {label}"],
        results[f"read_csv {label}"],
        EXPORT_MEMORY_LIMIT,
        memory=True,
        judged=rows == EXPORT_GOAL_SIZE,
    )
    report.rows.append(row)
    digest_row = output_digest_row("export", export_argv, rows, env)
    if digest_row is not None:
        report.rows.append(digest_row)
    if row.status == FAIL:
        report.diagnoses.append(
            (
                f"peak memory of `zgc export` on {label} rows",
                partial(memory_peak_sites, export_argv, env, work_dir),
            )
        )


def linearity_rows(
    sizes: Sequence[int],
    by_size: dict[int, dict[str, tuple[Measured, Measured]]],
    report: Report,
) -> bool:
    """Cost per row at the largest size vs the smallest, startup subtracted.

    Returns whether zgc missed a linearity goal.
    """
    if len(sizes) < 2:
        report.notes.append("one size only: linearity not checked.")
        return False
    small, large = sizes[0], sizes[-1]
    missed = False
    for tool in ("read_csv", "zgc compare"):
        judged = tool == "zgc compare"
        for memory in (False, True):
            what = "memory" if memory else "time"
            goal = f"{tool}: {what} per row {size_text(large)} vs {size_text(small)}"
            limit = f"≤ {LINEARITY_LIMIT:g}×"
            runs = [*by_size[small][tool], *by_size[large][tool]]
            if not all(run.ok for run in runs):
                report.rows.append(Row(goal, "command failed", "", None, limit, ERROR))
                continue
            costs = []
            for rows in (small, large):
                tiny, sized = by_size[rows][tool]
                if memory:
                    costs.append((sized.max_rss_kib - tiny.max_rss_kib) * 1024 / (rows - TINY_ROWS))
                else:
                    costs.append((sized.seconds - tiny.seconds) / (rows - TINY_ROWS))
            small_cost, large_cost = costs
            if memory:
                shown, base_shown = f"{large_cost:.0f} B/row", f"{small_cost:.0f} B/row"
            else:
                shown = f"{large_cost * 1e6:.2f} µs/row"
                base_shown = f"{small_cost * 1e6:.2f} µs/row"
            if small_cost <= 0:
                report.rows.append(Row(goal, shown, base_shown, None, limit, INFO))
                report.notes.append(f"{tool} {what} at {size_text(small)} is within startup noise.")
                continue
            ratio = large_cost / small_cost
            status = judge(ratio, LINEARITY_LIMIT, judged)
            missed |= status == FAIL
            report.rows.append(Row(goal, shown, base_shown, ratio, limit, status))
    report.notes.append(
        "per-row costs subtract the same command on a tiny file "
        f"({TINY_ROWS} rows), timed interleaved in the same group."
    )
    return missed
