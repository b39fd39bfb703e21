"""What the benchmark looks into: imports without pandas, and for a missed goal
what dominates it (import times, a cProfile top, the lines that raised the peak RSS)."""

from __future__ import annotations

import io
import json
import pstats
import re
import statistics
import subprocess
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from zgcbench.common import ERROR, FAIL, HWM_SAMPLER, PASS, REPO_DIR, SPLIT_MIN_RUNS
from zgcbench.processes import Runner, measure_interleaved, python_prefix_for_zgc
from zgcbench.results import Row, mib_text, size_text

# --- goal 1: no pandas for help and version --------------------------------------------


IMPORTTIME_LINE = re.compile(r"^import time:\s+(\d+)\s+\|\s+(\d+)\s+\|( *)(\S+)\s*$")


@dataclass(frozen=True)
class ImportEntry:
    module: str
    self_us: int
    cumulative_us: int
    depth: int


def import_entries(stderr: str) -> list[ImportEntry]:
    entries = []
    for line in stderr.splitlines():
        match = IMPORTTIME_LINE.match(line)
        if match:
            self_us, cumulative_us, indent, module = match.groups()
            entries.append(ImportEntry(module, int(self_us), int(cumulative_us), len(indent) // 2))
    return entries


def importtime(argv: Sequence[str], env: dict[str, str]) -> tuple[int, list[ImportEntry], str]:
    completed = subprocess.run(
        list(argv),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        check=False,
    )
    return completed.returncode, import_entries(completed.stderr), completed.stderr


def no_pandas_rows(prefix: list[str], commands: Sequence[str], env: dict[str, str]) -> list[Row]:
    invocations = [["--help"], ["--version"], *([name, "--help"] for name in commands)]
    rows = []
    for arguments in invocations:
        argv = python_prefix_for_zgc(prefix, "-X", "importtime") + arguments
        returncode, entries, stderr = importtime(argv, env)
        goal = f"no pandas: zgc {' '.join(arguments)}"
        if returncode != 0:
            tail = " | ".join(line for line in stderr.splitlines() if "import time" not in line)
            rows.append(Row(goal, f"exit {returncode}: {tail[-60:]}", "", None, "no pandas", ERROR))
            continue
        modules = {entry.module for entry in entries}
        heavy = sorted(name for name in ("pandas", "numpy", "rich") if name in modules)
        imported = "pandas" in modules
        measured = f"{len(modules)} modules" + (f", imports {', '.join(heavy)}" if heavy else "")
        rows.append(Row(goal, measured, "", None, "no pandas", FAIL if imported else PASS))
    return rows


# --- diagnosis --------------------------------------------------------------------------


def import_breakdown(
    argv: Sequence[str], baseline_argv: Sequence[str], env: dict[str, str], repeats: int = 3
) -> str:
    """Top 15 imports by cumulative time, and what zgc imports beyond the baseline."""
    cumulative: dict[str, list[int]] = defaultdict(list)
    self_times: dict[str, list[int]] = defaultdict(list)
    depth: dict[str, int] = {}
    baseline_modules: set[str] = set()
    baseline_totals: list[int] = []
    for _ in range(repeats):
        _, entries, _ = importtime(python_prefix_for_zgc(list(argv), "-X", "importtime"), env)
        for entry in entries:
            cumulative[entry.module].append(entry.cumulative_us)
            self_times[entry.module].append(entry.self_us)
            depth[entry.module] = entry.depth
        _, base_entries, _ = importtime(
            [sys.executable, "-X", "importtime", *baseline_argv[1:]], env
        )
        baseline_modules |= {entry.module for entry in base_entries}
        baseline_totals.append(sum(entry.self_us for entry in base_entries))
    median_cumulative = {name: statistics.median(times) for name, times in cumulative.items()}
    median_self = {name: statistics.median(times) for name, times in self_times.items()}
    out = io.StringIO()
    total = sum(median_self.values())
    out.write(
        f"imports: {len(median_self)} modules, {total / 1000:.0f} ms (sum of self); "
        f"`{' '.join(baseline_argv[1:])}`: {len(baseline_modules)} modules, "
        f"{statistics.median(baseline_totals) / 1000:.0f} ms\n"
    )
    out.write("top 15 by cumulative time (median of runs; indent = nesting):\n")
    top = sorted(median_cumulative.items(), key=lambda item: -item[1])[:15]
    for name, micros in top:
        out.write(f"  {micros / 1000:7.1f} ms  {'  ' * depth[name]}{name}\n")
    extra: dict[str, float] = defaultdict(float)
    extra_count: dict[str, int] = defaultdict(int)
    for name, micros in median_self.items():
        if name not in baseline_modules:
            extra[name.split(".")[0]] += micros
            extra_count[name.split(".")[0]] += 1
    out.write(
        f"imported beyond `{' '.join(baseline_argv[1:])}`: "
        f"{sum(extra_count.values())} modules, {sum(extra.values()) / 1000:.0f} ms; by package:\n"
    )
    for package, micros in sorted(extra.items(), key=lambda item: -item[1])[:15]:
        out.write(f"  {micros / 1000:7.1f} ms  {package} ({extra_count[package]} modules)\n")
    return out.getvalue()


def startup_split(
    runner: Runner,
    argv: Sequence[str],
    baseline_argv: Sequence[str],
    env: dict[str, str],
    runs: int,
) -> str:
    """Where a command's time beyond the baseline goes: imports, Typer's coercion, work.

    Times, interleaved: the baseline; importing every zgc_cli module the command
    imports; that plus what Typer imports only when a command runs (its
    Pydantic-based coercion); and the command itself. Differences of medians.
    """
    _, entries, _ = importtime(python_prefix_for_zgc(list(argv), "-X", "importtime"), env)
    modules = [entry.module for entry in entries]
    zgc_modules = [name for name in modules if name.split(".")[0] == "zgc_cli"]
    typer_runtime = [
        name for name in modules if name.split(".")[0] == "typer" and "_adapters" in name
    ]
    import_zgc = f"import {', '.join(zgc_modules)}"
    import_both = import_zgc + (f", {', '.join(typer_runtime)}" if typer_runtime else "")
    steps = {
        "baseline": list(baseline_argv),
        "+ import zgc_cli modules": [sys.executable, "-c", import_zgc],
    }
    if typer_runtime:
        steps["+ Typer runtime imports"] = [sys.executable, "-c", import_both]
    steps["the command (+ its work)"] = list(argv)
    runs = max(runs, SPLIT_MIN_RUNS)
    results = measure_interleaved(runner, steps, runs)
    out = io.StringIO()
    out.write(f"{runs} interleaved runs; zgc_cli modules: {', '.join(zgc_modules)}\n")
    out.write(f"Typer runtime modules: {', '.join(typer_runtime) or '(none)'}\n")
    out.write("    median (step)       min (step)\n")
    previous: tuple[float, float] | None = None
    for name, measured in results.items():
        if not measured.ok:
            out.write(f"  {name}: failed: {measured.error}\n")
            previous = None
            continue
        fastest = min(sample.seconds for sample in measured.samples)
        current = (measured.seconds, fastest)
        steps_text = ["", ""]
        if previous is not None:
            steps_text = [
                f"{(now - before) * 1000:+.0f}"
                for now, before in zip(current, previous, strict=True)
            ]
        out.write(
            f"  {measured.seconds * 1000:6.0f} ms ({steps_text[0]:>5})"
            f"  {fastest * 1000:6.0f} ms ({steps_text[1]:>5})  {name}\n"
        )
        previous = current
    return out.getvalue()


def _short_location(key: tuple[str, int, str]) -> str:
    file_name, line, function = key
    if file_name == "~":  # a builtin
        return function
    parts = Path(file_name).parts
    for anchor in ("site-packages", "zgc_cli"):
        if anchor in parts:
            start = parts.index(anchor) + (1 if anchor == "site-packages" else 0)
            return f"{'/'.join(parts[start:])}:{line}({function})"
    return f"{Path(file_name).name}:{line}({function})"


def _is_zgc(key: tuple[str, int, str]) -> bool:
    return "zgc_cli" in Path(key[0]).parts


def run_cprofile(argv: Sequence[str], env: dict[str, str], profile_path: Path) -> pstats.Stats:
    command = python_prefix_for_zgc(list(argv), "-m", "cProfile", "-o", str(profile_path))
    subprocess.run(
        command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, env=env, check=True
    )
    return pstats.Stats(str(profile_path))


def _profile_entries(stats: pstats.Stats) -> dict[tuple[str, int, str], tuple[int, float, float]]:
    """(calls, own seconds, cumulative seconds) per function."""
    raw = stats.stats  # type: ignore[attr-defined]
    return {key: (value[1], value[2], value[3]) for key, value in raw.items()}


def cprofile_top(argv: Sequence[str], env: dict[str, str], work_dir: Path) -> str:
    """cProfile of one run: zgc's functions by cumulative time, everything by own time.

    The plain cumulative top 15 is Click/Typer's call chain, the same for every
    command; zgc's own functions (load, validate, compare, render) say more.
    """
    stats = run_cprofile(argv, env, work_dir / "profile.prof")
    entries = _profile_entries(stats)
    total = max(cumulative for _, _, cumulative in entries.values())
    out = io.StringIO()
    out.write(f"total {total:.2f} s under cProfile (slower than unprofiled)\n")
    out.write("top 15 zgc_cli functions by cumulative time:\n")
    out.write("    cum s   own s   calls  function\n")
    own = sorted(
        ((key, value) for key, value in entries.items() if _is_zgc(key) and key[2] != "<module>"),
        key=lambda item: -item[1][2],
    )[:15]
    for key, (calls, own_seconds, cumulative) in own:
        out.write(f"  {cumulative:7.3f} {own_seconds:7.3f} {calls:7d}  {_short_location(key)}\n")
    out.write("top 15 functions by own time (all code):\n")
    out.write("    own s   cum s   calls  function\n")
    by_own = sorted(entries.items(), key=lambda item: -item[1][1])[:15]
    for key, (calls, own_seconds, cumulative) in by_own:
        out.write(f"  {own_seconds:7.3f} {cumulative:7.3f} {calls:7d}  {_short_location(key)}\n")
    return out.getvalue()


def scaling_profile(
    small: tuple[int, Sequence[str]],
    large: tuple[int, Sequence[str]],
    env: dict[str, str],
    work_dir: Path,
) -> str:
    """Which functions cost more per row at the large size than at the small one."""
    (small_rows, small_argv), (large_rows, large_argv) = small, large
    small_entries = _profile_entries(run_cprofile(small_argv, env, work_dir / "small.prof"))
    large_entries = _profile_entries(run_cprofile(large_argv, env, work_dir / "large.prof"))
    scale = large_rows / small_rows
    rows = []
    for key, (_, large_own, large_cumulative) in large_entries.items():
        _, small_own, small_cumulative = small_entries.get(key, (0, 0.0, 0.0))
        excess_own = large_own - small_own * scale
        rows.append((excess_own, key, small_own, large_own, small_cumulative, large_cumulative))
    out = io.StringIO()
    out.write(
        f"own time at {size_text(small_rows)} and {size_text(large_rows)} rows; "
        f"'excess' = own time at {size_text(large_rows)} beyond {scale:g}× the one at "
        f"{size_text(small_rows)} (what grows faster than the rows):\n"
    )
    out.write("   excess s  own small  own large  cum large  function\n")
    for excess, key, small_own, large_own, _, large_cumulative in sorted(rows, key=lambda r: -r[0])[
        :15
    ]:
        out.write(
            f"  {excess:9.3f} {small_own:10.3f} {large_own:10.3f} {large_cumulative:10.3f}"
            f"  {_short_location(key)}\n"
        )
    out.write(
        f"zgc_cli functions, cumulative seconds per million rows ({size_text(small_rows)}"
        f" → {size_text(large_rows)}):\n"
    )
    zgc_keys = sorted(
        (key for key in large_entries if _is_zgc(key) and key[2] != "<module>"),
        key=lambda key: -large_entries[key][2],
    )[:15]
    for key in zgc_keys:
        small_per_million = small_entries.get(key, (0, 0.0, 0.0))[2] / small_rows * 1e6
        large_per_million = large_entries[key][2] / large_rows * 1e6
        growth = large_per_million / small_per_million if small_per_million else float("nan")
        out.write(
            f"  {small_per_million:8.3f} → {large_per_million:8.3f} s/M  ({growth:5.2f}×)"
            f"  {_short_location(key)}\n"
        )
    return out.getvalue()


def memory_peak_sites(argv: Sequence[str], env: dict[str, str], work_dir: Path) -> str:
    """Which zgc line raised the peak RSS (VmHWM), sampled every 2 ms; approximate."""
    sampler = work_dir / "hwm_sampler.py"
    sampler.write_text(HWM_SAMPLER)
    out_path = work_dir / "hwm.json"
    script = argv[0] if argv[0] != sys.executable else None
    if script is None:  # python -m zgc_cli: run the package's __main__ instead
        script = str(REPO_DIR / "zgc_cli" / "__main__.py")
        arguments = list(argv[3:])
    else:
        arguments = list(argv[1:])
    subprocess.run(
        [sys.executable, str(sampler), script, str(out_path), *arguments],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        env=env,
        check=True,
    )
    state = json.loads(out_path.read_text())
    lines = [
        f"peak RSS {mib_text(state['hwm'])} (interpreter at start {mib_text(state['start'])}); "
        "raised by (MiB, where the main thread was):"
    ]
    for where, kib in sorted(state["raises"].items(), key=lambda item: -item[1])[:12]:
        lines.append(f"  {kib / 1024:7.1f}  {where[:140]}")
    return "\n".join(lines)
