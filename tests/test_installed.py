"""The installed ``zgc`` as a user runs it: real processes, real pipes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_CSV

ZGC = Path(sys.executable).parent / "zgc"
pytestmark = pytest.mark.skipif(not ZGC.exists(), reason="zgc is not installed beside python")


def clean_env(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("ZGC_")}
    env.pop("LANG", None)
    env.pop("LC_ALL", None)
    env.update(extra)
    return env


def shell(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", command],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=clean_env(),
        timeout=120,
    )


@pytest.fixture
def big_csv(tmp_path: Path) -> Path:
    """Enough rows that a closed pipe interrupts the writer mid-stream."""
    path = tmp_path / "big.csv"
    lines = ["metric,entity,year,value"]
    lines += [f"m{i % 500},e{i // 500},{2000 + i % 20},{i}.5" for i in range(60_000)]
    path.write_text("\n".join(lines) + "\n")
    return path


def test_an_early_closed_pipe_ends_quietly(big_csv: Path, tmp_path: Path) -> None:
    for command in (
        f"{ZGC} export --data {big_csv} | head -c 10",
        f"{ZGC} export --data {big_csv} --format json | head -n 1",
        f"{ZGC} compare 2000 2019 --data {big_csv} | head -1",
    ):
        result = shell(command + " > /dev/null", tmp_path)
        assert result.returncode == 0, command
        assert result.stderr == "", (command, result.stderr)


def test_a_pipe_gets_plain_csv(tmp_path: Path) -> None:
    data = tmp_path / "sample.csv"
    data.write_text(SAMPLE_CSV, encoding="utf-8")
    result = shell(f"{ZGC} metrics revenue --data {data} | cat", tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith(
        "metric,entity,year,value,value_low,value_high,value_low_open,value_high_open,"
        "value_low_conventional,value_high_conventional,unit,status,qualifier,"
    )
    assert "\x1b[" not in result.stdout


def test_export_round_trips_through_a_real_pipe(tmp_path: Path) -> None:
    data = tmp_path / "sample.csv"
    data.write_text(SAMPLE_CSV, encoding="utf-8")
    once = shell(f"{ZGC} export --data {data} --format csv", tmp_path)
    twice = shell(f"{ZGC} export --data {data} | {ZGC} export --data - --format csv", tmp_path)
    assert twice.returncode == 0, twice.stderr
    assert twice.stdout == once.stdout


def test_bad_input_in_a_real_process_has_no_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("metric,year,value\nrevenue,2014,lots\n")
    result = shell(f"{ZGC} compare 2014 2023 --data {bad}", tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == f"zgc: error: {bad}:2: column 'value': 'lots' is not a number\n"


def test_python_dash_m_works(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "zgc_cli", "--version"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=clean_env(),
        timeout=60,
    )
    assert result.returncode == 0
    assert result.stdout.startswith("zgc ")


LIGHT_PATH_PROBE = """
import sys
sys.argv = ["zgc", *{args!r}]
from zgc_cli.__main__ import main
try:
    main()
except SystemExit:
    pass
heavy = sorted(name for name in ("pandas", "numpy", "matplotlib", "frictionless", "babel",
               "plotext") if name in sys.modules)
sys.stderr.write("HEAVY=" + ",".join(heavy) + "\\n")
"""


@pytest.mark.parametrize(
    "args",
    [["--help"], ["--version"], ["metrics", "--help"], ["compare", "--help"], ["export", "--help"]],
    ids=" ".join,
)
def test_help_and_version_import_nothing_heavy(args: list[str], tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", LIGHT_PATH_PROBE.format(args=args)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=clean_env(),
        timeout=60,
    )
    assert "HEAVY=\n" in result.stderr, result.stderr


def complete_in_bash(words: str, data: Path) -> subprocess.CompletedProcess[str]:
    """What bash completion offers after ``words`` (with ZGC_DATA set), in the light probe."""
    env = clean_env(
        _ZGC_COMPLETE="complete_bash",
        COMP_WORDS=words,
        COMP_CWORD=str(len(words.split(" ")) - 1),
        ZGC_DATA=str(data),
    )
    return subprocess.run(
        [sys.executable, "-c", LIGHT_PATH_PROBE.format(args=[])],
        capture_output=True,
        text=True,
        cwd=data.parent,
        env=env,
        timeout=60,
    )


def test_completion_offers_metric_ids_and_years_without_pandas(tmp_path: Path) -> None:
    data = tmp_path / "sample.csv"
    data.write_text(SAMPLE_CSV, encoding="utf-8")
    result = complete_in_bash("zgc metrics re", data)
    assert result.stdout.split() == ["revenue"]
    assert "HEAVY=\n" in result.stderr
    result = complete_in_bash("zgc compare 20", data)
    assert result.stdout.split() == ["2012", "2013", "2014", "2020", "2022", "2023", "2024"]
    assert "HEAVY=\n" in result.stderr


def test_the_wheel_carries_the_data(tmp_path: Path) -> None:
    """A plain ``pip install .`` (not editable) must find the data from any folder."""
    import zipfile

    from tests.conftest import REPO_ROOT

    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(REPO_ROOT),
            "--no-deps",
            "-q",
            "-w",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env=clean_env(),
    )
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = tmp_path.glob("zgc-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for data_file in ("metrics.csv", "indicators.csv", "claims.csv", "datapackage.json"):
            assert f"zgc_cli/data/{data_file}" in names
        shipped = archive.read("zgc_cli/data/metrics.csv")
    assert shipped == (REPO_ROOT / "data" / "metrics.csv").read_bytes()


def test_source_completion_offers_only_that_metrics_years(tmp_path: Path) -> None:
    data = tmp_path / "sample.csv"
    data.write_text(SAMPLE_CSV, encoding="utf-8")
    assert complete_in_bash("zgc source revenue ", data).stdout.split() == ["2014", "2023"]


def test_write_failures_are_one_line_not_a_traceback(tmp_path: Path) -> None:
    full = shell(f"{ZGC} compare 2012 2022 > /dev/full", tmp_path)
    assert full.returncode == 1
    assert full.stderr == "zgc: error: cannot write the output: No space left on device\n"
    closed = shell(f"{ZGC} compare 2012 2022 >&-", tmp_path)
    assert closed.returncode == 1
    assert closed.stderr == "zgc: error: standard output is closed\n"
