"""The report, `zgc metrics ID` and the unknown id, JSON Lines, completion, the install size."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from zgcbench.common import (
    CHANGED,
    DUCKDB_METRICS_SCRIPT,
    ERROR,
    FIRST_TAB_LIMIT,
    GOAL_SIZE,
    INSTALL_GROWTH_LIMIT,
    JSONL_GOAL_SIZE,
    JSONL_MEMORY_LIMIT,
    JSONL_TIME_LIMIT,
    LATER_TAB_LIMIT,
    PASS,
    REFUSAL_LIMIT,
    REPO_DIR,
    REPORT_LIMIT,
    REPORT_RUNS,
    SELECTION_GOAL_SIZE,
    SELECTION_MEMORY_LIMIT,
    SELECTION_TIME_LIMIT,
    YEAR_FROM,
    YEAR_TO,
)
from zgcbench.processes import (
    Runner,
    duckdb_installed,
    log,
    measure_interleaved,
    synthetic_file,
)
from zgcbench.results import Report, Row, both_clocks_text, judge, mib_text, ratio_row, size_text


def report_goal(
    runner: Runner, prefix: list[str], runs: int, work_dir: Path, report: Report
) -> None:
    """`zgc report -o r.html` (both languages, every chart) vs `-o r.md` (no chart), on
    the shipped data: each chart is drawn once for both languages."""
    html, markdown = work_dir / "report.html", work_dir / "report.md"
    commands = {
        "zgc report -o r.md": [*prefix, "report", "-o", str(markdown)],
        "zgc report -o r.html": [*prefix, "report", "-o", str(html)],
    }
    runs = max(runs, REPORT_RUNS)
    log(f"report: {len(commands)} commands × {runs} runs")
    results = measure_interleaved(runner, commands, runs)
    report.groups["report"] = results
    page, markdown_only = results["zgc report -o r.html"], results["zgc report -o r.md"]
    report.rows.append(
        ratio_row(
            "zgc report -o r.html vs -o r.md (shipped data)", page, markdown_only, REPORT_LIMIT
        )
    )
    if page.ok and markdown_only.ok:
        # What the page adds, in seconds: the ratio also moves when the shared work
        # (loading, statistics) gets faster or slower.
        extra = page.cpu_seconds - markdown_only.cpu_seconds
        report.notes.append(
            f"zgc report: the HTML page costs {extra:.2f} s CPU more than the Markdown "
            "(matplotlib's import, its charts drawn once for both languages, the second "
            "language's page)."
        )


def middle_metric(path: Path) -> str:
    """The metric of the line in the middle of a synthetic file: a series among thousands."""
    with path.open("rb") as stream:
        stream.seek(path.stat().st_size // 2)
        stream.readline()
        return stream.readline().split(b",", 1)[0].decode()


def selection_goals(
    runner: Runner,
    prefix: list[str],
    rows: int,
    runs: int,
    work_dir: Path,
    out_dir: Path,
    env: dict[str, str],
    report: Report,
) -> None:
    """`zgc metrics ID` (the read narrowed to ID's lines) vs DuckDB's SQL of the series, and
    an unknown id refused from the completion cache's ids vs `zgc --version` (issue 23)."""
    path = synthetic_file(out_dir, rows, env)
    label = size_text(rows)
    metric = middle_metric(path)
    series = [*prefix, "metrics", metric, "--data", str(path), "--format", "csv"]
    cache = work_dir / "refusal-cache"
    cached_env = {**env, "XDG_CACHE_HOME": str(cache)}
    # A TAB builds the cache the refusal reads (as a user's first TAB would).
    warm = "import sys; from zgc_cli.completion import catalog_of; catalog_of(sys.argv[1])"
    subprocess.run([sys.executable, "-c", warm, str(path)], env=cached_env, check=True)
    typo = [*prefix, "metrics", metric + "x", "--data", str(path)]
    # Both through one `sh`, so its cost is on each side; the refusal exits 1 by design.
    refused = ["sh", "-c", '"$@"; test $? -eq 1', "sh", "env", f"XDG_CACHE_HOME={cache}", *typo]
    version = ["sh", "-c", '"$@"', "sh", *prefix, "--version"]
    commands = {f"zgc metrics ID {label}": series, "zgc metrics typo": refused}
    commands["zgc --version"] = version
    with_duckdb = duckdb_installed(env)
    if with_duckdb:
        commands[f"DuckDB series {label}"] = [
            sys.executable,
            str(DUCKDB_METRICS_SCRIPT),
            str(path),
            metric,
        ]
    log(f"selection {label} rows: {len(commands)} commands × {runs} runs")
    results = measure_interleaved(runner, commands, runs)
    report.groups[f"selection {label} rows"] = results
    judged = rows == SELECTION_GOAL_SIZE
    measured = results[f"zgc metrics ID {label}"]
    if with_duckdb:
        duck = results[f"DuckDB series {label}"]
        for memory, limit in ((False, SELECTION_TIME_LIMIT), (True, SELECTION_MEMORY_LIMIT)):
            what = "peak RSS" if memory else "time"
            goal = f"zgc metrics ID {label} rows: {what} vs DuckDB's SQL of the series"
            report.rows.append(ratio_row(goal, measured, duck, limit, memory=memory, judged=judged))
    else:
        report.notes.append("DuckDB is not installed: zgc metrics ID has no peer.")
    report.rows.append(
        ratio_row(
            f"unknown id refused (cached ids, {label} rows) vs zgc --version",
            results["zgc metrics typo"],
            results["zgc --version"],
            REFUSAL_LIMIT,
            judged=judged,
        )
    )


def jsonl_goals(
    runner: Runner,
    prefix: list[str],
    rows: int,
    runs: int,
    out_dir: Path,
    env: dict[str, str],
    report: Report,
) -> None:
    """`zgc export` of JSON Lines vs of the same rows as CSV: time, peak memory, same bytes."""
    path = synthetic_file(out_dir, rows, env)
    label = size_text(rows)
    lines = path.with_suffix(".jsonl")
    if not lines.is_file():
        with lines.open("wb") as stream:
            argv = [*prefix, "export", "--data", str(path), "--format", "jsonl"]
            subprocess.run(argv, env=env, stdout=stream, check=True)
    from_csv = [*prefix, "export", "--data", str(path), "--format", "csv"]
    from_jsonl = [*prefix, "export", "--data", str(lines), "--format", "csv"]
    commands = {f"zgc export CSV {label}": from_csv, f"zgc export JSONL {label}": from_jsonl}
    log(f"JSONL {label} rows: {len(commands)} commands × {runs} runs")
    results = measure_interleaved(runner, commands, runs)
    report.groups[f"JSONL {label} rows"] = results
    judged = rows == JSONL_GOAL_SIZE
    measured, baseline = results[f"zgc export JSONL {label}"], results[f"zgc export CSV {label}"]
    for memory, limit in ((False, JSONL_TIME_LIMIT), (True, JSONL_MEMORY_LIMIT)):
        what = "peak RSS" if memory else "time"
        goal = f"JSON Lines input, {label} rows: {what} vs the same rows as CSV"
        report.rows.append(ratio_row(goal, measured, baseline, limit, memory=memory, judged=judged))
    outputs = [
        hashlib.sha256(subprocess.run(argv, env=env, capture_output=True).stdout).hexdigest()
        for argv in (from_csv, from_jsonl)
    ]
    same = outputs[0] == outputs[1]
    goal = f"JSON Lines input, {label} rows: output as the CSV's (sha256)"
    report.rows.append(
        Row(goal, outputs[1][:12], outputs[0][:12], None, "same bytes", PASS if same else CHANGED)
    )


def completion_goals(
    runner: Runner,
    prefix: list[str],
    rows: int,
    runs: int,
    work_dir: Path,
    out_dir: Path,
    env: dict[str, str],
    report: Report,
) -> None:
    """`zgc compare 20<TAB>` with ZGC_DATA on a big file: the first TAB and the later ones.

    The first TAB runs with an emptied cache directory (``rm -rf`` in the same
    ``sh``, a millisecond); the later ones find the cache the run before wrote.
    """
    path = synthetic_file(out_dir, rows, env)
    label = size_text(rows)
    cache = work_dir / "completion-cache"
    words = f"zgc compare {str(YEAR_FROM)[:2]}"
    tab = [
        "env",
        f"XDG_CACHE_HOME={cache}",
        "_ZGC_COMPLETE=complete_bash",
        f"COMP_WORDS={words}",
        f"COMP_CWORD={len(words.split()) - 1}",
        f"ZGC_DATA={path}",
        *prefix,
    ]
    commands = {
        f"first TAB {label}": ["sh", "-c", 'rm -rf "$0" && exec "$@"', str(cache), *tab],
        f"later TAB {label}": tab,
        "zgc --version": [*prefix, "--version"],
    }
    offered = subprocess.run(tab, capture_output=True, text=True, env=env, check=False).stdout
    expected = [str(year) for year in range(YEAR_FROM, YEAR_TO + 1)]
    if offered.split() != expected:
        report.rows.append(
            Row(
                f"completion on {label} rows",
                f"offered {offered.split()[:4]}…",
                "",
                None,
                "the years",
                ERROR,
            )  # fmt: skip
        )
        return
    log(f"completion {label} rows: {len(commands)} commands × {runs} runs")
    results = measure_interleaved(runner, commands, runs)
    report.groups[f"completion {label} rows"] = results
    judged = rows == GOAL_SIZE
    first = results[f"first TAB {label}"]
    if first.ok:
        report.rows.append(
            Row(
                f"first TAB on a {label}-row ZGC_DATA (builds the cache)",
                both_clocks_text(first),
                "",
                None,
                f"≤ {FIRST_TAB_LIMIT:g} s",
                judge(first.seconds, FIRST_TAB_LIMIT, judged),
            )
        )
    report.rows.append(
        ratio_row(
            f"later TABs on a {label}-row ZGC_DATA vs zgc --version",
            results[f"later TAB {label}"],
            results["zgc --version"],
            LATER_TAB_LIMIT,
            judged=judged,
        )
    )


def tree_kib(folder: Path) -> int:
    """Disk use of a folder, as ``du -sk`` counts it (allocated blocks)."""
    total = 0
    for root, _, files in os.walk(folder):
        for name in files:
            try:
                total += os.lstat(os.path.join(root, name)).st_blocks * 512
            except OSError:
                continue
    return total // 1024


def installed_kib(source: Path, venv: Path) -> int:
    """site-packages of a fresh venv after ``pip install SOURCE``, in KiB."""
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / ("Scripts" if os.name == "nt" else "bin") / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(source)],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    found = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    )
    return tree_kib(Path(found.stdout.strip()))


def install_size_goal(base_ref: str, work_dir: Path, report: Report) -> None:
    """The default install's size now vs at ``base_ref``: fresh venvs, ``pip install``, du."""
    goal = f"default install (fresh venv, pip install .) vs {base_ref[:12]}"
    limit = f"≤ {INSTALL_GROWTH_LIMIT:g}×"
    before_tree = work_dir / "install-before"
    before_tree.mkdir()
    try:
        archive = subprocess.run(
            ["git", "-C", str(REPO_DIR), "archive", base_ref], capture_output=True, check=True
        )
        subprocess.run(["tar", "-x", "-C", str(before_tree)], input=archive.stdout, check=True)
        log(f"install size: pip install of {base_ref[:12]} and of this tree into fresh venvs …")
        before = installed_kib(before_tree, work_dir / "venv-before")
        after = installed_kib(REPO_DIR, work_dir / "venv-after")
    except (OSError, subprocess.CalledProcessError) as error:
        report.rows.append(Row(goal, f"failed: {error}"[:80], "", None, limit, ERROR))
        return
    ratio = after / before
    report.rows.append(
        Row(
            goal,
            mib_text(after),
            mib_text(before),
            ratio,
            limit,
            judge(ratio, INSTALL_GROWTH_LIMIT),
        )  # fmt: skip
    )


def default_install_base() -> str | None:
    """Where this branch left main (the install-size goal's \"before\"), if there is a main."""
    found = subprocess.run(
        ["git", "-C", str(REPO_DIR), "merge-base", "HEAD", "main"],
        capture_output=True,
        text=True,
        check=False,
    )
    return found.stdout.strip() or None


def compile_zgc_sources(report: Report) -> None:
    """Write zgc's bytecode caches first, as ``pip install`` does for a regular install.

    An editable install under PYTHONDONTWRITEBYTECODE (set on these machines)
    would otherwise compile zgc's modules from source on every single run.
    """
    import compileall

    import zgc_cli

    package_dir = Path(zgc_cli.__file__).resolve().parent
    compileall.compile_dir(str(package_dir), quiet=1)
    report.notes.append(f"zgc's bytecode compiled first (compileall {package_dir.name}).")
