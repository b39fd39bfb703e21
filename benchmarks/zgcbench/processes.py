"""Running commands as processes and timing them: CPU and wall time, peak RSS, interleaved."""

from __future__ import annotations

import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from zgcbench.common import CLOCK, GENERATOR, GNU_TIME, YEAR_FROM, YEAR_TO

# --- running and timing processes -----------------------------------------------------


@dataclass(frozen=True)
class Sample:
    """One run of one command: wall time, CPU time (user + system) and peak memory."""

    wall_seconds: float
    max_rss_kib: int
    cpu_seconds: float = 0.0

    @property
    def seconds(self) -> float:
        """The time the goals judge: CPU by default (see ``--clock``)."""
        return self.cpu_seconds if CLOCK["judged"] == "cpu" else self.wall_seconds


class CommandFailedError(Exception):
    """A benchmarked command exited non-zero."""

    def __init__(self, argv: Sequence[str], returncode: int, stderr: str) -> None:
        tail = " | ".join(stderr.strip().splitlines()[-3:])
        super().__init__(f"exit {returncode}: {tail or '(no stderr)'}")
        self.argv = list(argv)


def _gnu_time_works() -> bool:
    if not (GNU_TIME.is_file() and os.access(GNU_TIME, os.X_OK)):
        return False
    try:
        probe = subprocess.run(
            [str(GNU_TIME), "-f", "%M", "true"], capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return probe.returncode == 0 and probe.stderr.strip().splitlines()[-1].isdigit()


class Runner:
    """Runs one process at a time and measures its wall time and peak RSS."""

    def __init__(self, env: dict[str, str], work_dir: Path) -> None:
        self.env = env
        self.use_gnu_time = _gnu_time_works()
        self._rss_file = work_dir / "max-rss.txt"

    @property
    def rss_method(self) -> str:
        return "/usr/bin/time -f %M" if self.use_gnu_time else "os.wait4 rusage"

    def run(self, argv: Sequence[str]) -> Sample:
        if self.use_gnu_time:
            return self._run_gnu_time(argv)
        return self._run_wait4(argv)

    def _run_gnu_time(self, argv: Sequence[str]) -> Sample:
        """Peak RSS by GNU time (the command's own); CPU time by wait4 (µs, not GNU's 10 ms)."""
        wrapped = [str(GNU_TIME), "-f", "%M", "-o", str(self._rss_file), *argv]
        sample = self._run_wait4(wrapped)
        rss_kib = int(self._rss_file.read_text().strip().splitlines()[-1])
        return Sample(sample.wall_seconds, rss_kib, sample.cpu_seconds)

    def _run_wait4(self, argv: Sequence[str]) -> Sample:
        with tempfile.TemporaryFile() as stderr_file:
            start = time.perf_counter()
            process = subprocess.Popen(
                list(argv),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=stderr_file,
                env=self.env,
            )
            _, status, usage = os.wait4(process.pid, 0)
            seconds = time.perf_counter() - start
            process.returncode = os.waitstatus_to_exitcode(status)
            if process.returncode != 0:
                stderr_file.seek(0)
                stderr = stderr_file.read().decode(errors="replace")
                raise CommandFailedError(argv, process.returncode, stderr)
        cpu = usage.ru_utime + usage.ru_stime
        return Sample(seconds, int(usage.ru_maxrss), cpu)  # KiB on Linux


@dataclass
class Measured:
    """Samples of one command, or why it could not be measured."""

    argv: list[str]
    samples: list[Sample] = field(default_factory=list)
    error: str | None = None

    @property
    def seconds(self) -> float:
        """The median of the judged clock."""
        return statistics.median(sample.seconds for sample in self.samples)

    @property
    def wall_seconds(self) -> float:
        return statistics.median(sample.wall_seconds for sample in self.samples)

    @property
    def cpu_seconds(self) -> float:
        return statistics.median(sample.cpu_seconds for sample in self.samples)

    @property
    def max_rss_kib(self) -> float:
        return statistics.median(sample.max_rss_kib for sample in self.samples)

    @property
    def ok(self) -> bool:
        return self.error is None and bool(self.samples)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def measure_interleaved(
    runner: Runner,
    commands: dict[str, list[str]],
    runs: int,
    warmup: bool = True,
) -> dict[str, Measured]:
    """Run every command ``runs`` times, round-robin, rotating which goes first."""
    results = {name: Measured(argv) for name, argv in commands.items()}
    active = list(commands)
    if warmup:
        for name in list(active):
            try:
                runner.run(commands[name])
            except CommandFailedError as error:
                results[name].error = str(error)
                active.remove(name)
                log(f"  FAILED {name}: {error}")
    for round_number in range(runs):
        shift = round_number % max(len(active), 1)
        for name in active[shift:] + active[:shift]:
            if results[name].error:
                continue
            try:
                results[name].samples.append(runner.run(commands[name]))
            except CommandFailedError as error:
                results[name].error = str(error)
                log(f"  FAILED {name}: {error}")
        log(f"  round {round_number + 1}/{runs} done")
    return results


# --- the commands ---------------------------------------------------------------------


def zgc_prefix() -> list[str]:
    """The ``zgc`` next to this interpreter, else ``python -m zgc_cli``."""
    script = Path(sys.executable).parent / "zgc"
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "zgc_cli"]


def python_prefix_for_zgc(prefix: list[str], *options: str) -> list[str]:
    """Run zgc under this interpreter with extra interpreter options (``-X importtime``)."""
    if prefix[0] == sys.executable:  # already python -m zgc_cli
        return [sys.executable, *options, *prefix[1:]]
    return [sys.executable, *options, *prefix]


def zgc_commands(runner_env: dict[str, str], prefix: list[str]) -> list[str]:
    """The names of zgc's subcommands, asked of Typer in a child process."""
    code = (
        "import typer.main; from zgc_cli.cli import app; "
        "print('\\n'.join(sorted(typer.main.get_command(app).commands)))"
    )
    probe = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=runner_env, check=False
    )
    names = probe.stdout.split()
    return names if probe.returncode == 0 and names else ["compare", "export", "metrics"]


def child_env() -> dict[str, str]:
    """The environment of every benchmarked process: no zgc or Python overrides."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("ZGC_", "PYTHONPROFILE", "PYTHONTRACEMALLOC", "PYTHONDEVMODE"))
    }
    env.pop("PYTHONWARNINGS", None)
    # Bytecode as an installed zgc has it: with PYTHONDONTWRITEBYTECODE set, an editable
    # install compiled every zgc module from source on every run (about 90 ms of a
    # start-up row, none of it the start-up's); the warm-up run now writes the caches.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["COLUMNS"] = "100"
    return env


def generator_tag() -> str:
    return hashlib.sha256(GENERATOR.read_bytes()).hexdigest()[:8]


def synthetic_file(out_dir: Path, rows: int, env: dict[str, str]) -> Path:
    """The synthetic CSV of ``rows`` rows, generated once per version of generate.py."""
    path = out_dir / f"synthetic-{rows}-{generator_tag()}.csv"
    if not path.is_file():
        log(f"generating {path.name} …")
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, str(GENERATOR), "--rows", str(rows), "--out", str(path)],
            env=env,
            check=True,
        )
        log(f"  {path.stat().st_size / 1e6:.0f} MB in {time.perf_counter() - start:.1f} s")
    return path


def duckdb_installed(env: dict[str, str]) -> bool:
    probe = subprocess.run(
        [sys.executable, "-c", "import duckdb"], capture_output=True, env=env, check=False
    )
    return probe.returncode == 0


def compare_argv(prefix: list[str], path: Path) -> list[str]:
    return [*prefix, "compare", str(YEAR_FROM), str(YEAR_TO), "--data", str(path),
            "--format", "csv"]  # fmt: skip


def read_csv_argv(path: Path) -> list[str]:
    return [sys.executable, "-c", "import sys, pandas; pandas.read_csv(sys.argv[1])", str(path)]


def peer_argv(script: Path, path: Path) -> list[str]:
    return [sys.executable, str(script), str(path), str(YEAR_FROM), str(YEAR_TO)]
