"""Data text never drives the terminal; the process keeps its exit policy in odd environments."""

from __future__ import annotations

import functools
import io
import os
import signal
import subprocess
import time
from pathlib import Path

import pandas as pd
import pytest
from rich.console import Console
from typer.testing import CliRunner

from tests.test_installed import ZGC, clean_env
from zgc_cli import check, stats
from zgc_cli.cli import app
from zgc_cli.model.dataset import Dataset
from zgc_cli.present.safe import visible
from zgc_cli.present.tables import print_renderables
from zgc_cli.present.views import render
from zgc_cli.words import Language

HOSTILE: dict[str, str] = {
    "markup link": "[link=http://evil.example]click[/link]",
    "markup style": "[bold red]loud[/bold red]",
    "lone closing tag": "[/]",
    "clear screen": "\x1b[2J",
    "OSC 8 hyperlink": "\x1b]8;;http://evil.example\x07click\x1b]8;;\x07",
    "OSC 0 window title": "\x1b]0;pwned\x07",
    "carriage return": "ok\rEVIL",
    "bidi override": "\u202eexe.live",
    "backspace and bell": "a\x08\x07b",
    "C1 CSI": "\x9b2J",
}
FORBIDDEN = ("\x1b", "\x07", "\r", "\u202e", "\x08", "\x9b")


def hostile_dataset(text: str) -> Dataset:
    """Every free-text field of observations and indicators carries ``text``."""
    frame = pd.DataFrame(
        {
            "metric": pd.Categorical([f"m{text}", f"m{text}"]),
            "entity": pd.Categorical([f"e{text}", f"e{text}"]),
            "year": pd.Series([2014, 2023], dtype="int16"),
            "value": [1.0, 2.0],
            "unit": pd.Categorical([f"u{text}", f"u{text}"]),
            "status": pd.Categorical(["reported", "estimate"]),
            "qualifier": pd.Categorical(["exact", "more_than"]),
            "quote": [f"q{text} 1", f"q{text} 2"],
            "note": [f"n{text}", ""],
        }
    )
    indicators = pd.DataFrame(
        {
            "metric": [f"m{text}"],
            "name_en": [f"name{text}"],
            "name_zh": [f"名{text}"],
            "unit": [f"u{text}"],
            "category": [f"c{text}"],
            "description": [f"d{text}"],
        }
    )
    return Dataset.from_frame(frame, indicators)


def _with_a_2014_only_series(dataset: Dataset) -> Dataset:
    first = dataset.frame.iloc[:1].astype({"metric": str})
    first["metric"] = first["metric"] + "2"
    frame = pd.concat([dataset.frame.astype({"metric": str}), first], ignore_index=True)
    return Dataset.from_frame(frame.astype({"metric": "category"}), dataset.indicators)


def every_view(dataset: Dataset) -> list[object]:
    metric = str(dataset.frame["metric"].iloc[0])
    return [
        stats.catalog_of(dataset),
        stats.series(dataset, [metric]),
        stats.comparison(dataset, 2014, 2023),
        # A series with 2014 alone: its hostile id is named under the table, not compared.
        stats.comparison(_with_a_2014_only_series(dataset), 2014, 2023),
        stats.search(dataset, metric),
        stats.sources(dataset, metric),
        stats.observations(dataset),
        check.run(dataset),
    ]


@functools.cache
def _every_hostile_view(text: str) -> list[object]:
    """Each view's result over the hostile data: the same in either language, made once."""
    return every_view(hostile_dataset(text))


def on_a_terminal(renderables: list[object], width: int) -> str:
    # A real terminal console, colour off so that no escape of Rich's own is expected.
    stream = io.StringIO()
    console = Console(file=stream, width=width, force_terminal=True, color_system=None)
    print_renderables(console, renderables)  # type: ignore[arg-type]
    return stream.getvalue()


@pytest.mark.parametrize("name", list(HOSTILE))
@pytest.mark.parametrize("lang", list(Language))
def test_hostile_text_is_shown_not_obeyed_in_every_view(
    name: str, lang: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")  # Rich holds a dumb terminal to 80 columns
    text = HOSTILE[name]
    for result in _every_hostile_view(text):
        # Wide enough that no cell wraps: the markup must appear as one piece.
        output = on_a_terminal(render(result, lang, 1000), 1000)  # type: ignore[arg-type]
        for character in FORBIDDEN:
            assert character not in output, (type(result).__name__, name, repr(character))
        if name.startswith(("markup", "lone")):
            # Markup in data is printed as written, never interpreted.
            assert text in output, (type(result).__name__, name)


def test_control_characters_are_spelled_out() -> None:
    assert visible("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert visible("\u202eexe") == "\\u202eexe"
    assert visible("ok\rEVIL\n") == "ok\\x0dEVIL\\x0a"
    assert visible("中关村 3.6万亿 [b]") == "中关村 3.6万亿 [b]"


def test_machine_formats_keep_hostile_bytes_exactly(tmp_path: Path) -> None:
    path = tmp_path / "hostile.csv"
    payload = (
        "metric,entity,year,value,quote\nm\x1b[2J,e\u202e,2014,1,[/] \x1b]0;t\x07\n"
    ).encode()
    path.write_bytes(payload)
    result = CliRunner().invoke(app, ["export", "--data", str(path), "--format", "csv"])
    assert result.exit_code == 0
    assert result.stdout_bytes == payload


def test_a_lone_closing_tag_in_every_command_is_no_markup_error(tmp_path: Path) -> None:
    path = tmp_path / "tags.csv"
    path.write_text("metric,entity,year,value,unit\nm[/],e[/],2014,1,[/]\nm[/],e[/],2023,2,[/]\n")
    for command in (
        ["metrics"],
        ["metrics", "m[/]"],
        ["compare", "2014", "2023"],
        ["export"],
        ["search", "m"],
        ["source", "m[/]"],
        ["verify"],
    ):
        result = CliRunner().invoke(app, [*command, "--data", str(path), "--format", "table"])
        assert "MarkupError" not in result.stderr, command
        assert result.exit_code in (0, 1), command  # verify fails: no quotes to check... or not
        assert "[/]" in result.stdout, command


def test_errors_spell_out_what_the_data_holds(tmp_path: Path) -> None:
    path = tmp_path / "dup.csv"
    path.write_bytes(b"metric,year,value\nm\x1b]0;x\x07,2014,1\nm\x1b]0;x\x07,2014,2\n")
    result = CliRunner().invoke(app, ["export", "--data", str(path)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"zgc: error: {path}:3: duplicate observation (metric=m\\x1b]0;x\\x07, entity=, "
        "year=2014), first at line 2\n"
    )


# --- the process: real runs of the installed zgc ------------------------------------------

needs_zgc = pytest.mark.skipif(not ZGC.exists(), reason="zgc is not installed beside python")


def zgc(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    env = clean_env(**kwargs.pop("env", {}))  # type: ignore[arg-type]
    return subprocess.run(
        [str(ZGC), *args], capture_output=True, text=True, env=env, timeout=60, **kwargs
    )  # type: ignore[call-overload]


@needs_zgc
@pytest.mark.parametrize("args", [["--help"], ["--version"], [], ["export"]], ids=" ".join)
def test_a_full_disk_is_one_line_not_a_traceback(args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [str(ZGC), *args], stdout=full, stderr=subprocess.PIPE, text=True, env=clean_env()
        )
    assert result.returncode == 1
    assert result.stderr == "zgc: error: cannot write the output: No space left on device\n"


@needs_zgc
@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_a_non_utf8_locale_still_writes_utf8_to_pipes(encoding: str) -> None:
    table = zgc(
        "search", "专利", "--format", "table", "--lang", "zh", env={"PYTHONIOENCODING": encoding}
    )
    assert table.returncode == 0, table.stderr
    assert "有效发明专利拥有量" in table.stdout
    helped = zgc("--help", env={"PYTHONIOENCODING": encoding})
    assert helped.returncode == 0 and "中关村" in helped.stdout, helped.stderr


@needs_zgc
def test_the_c_locale_reads_chinese_arguments_as_typed() -> None:
    result = zgc("search", "专利", env={"LC_ALL": "C", "PYTHONUTF8": "0", "LANG": "C"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1].startswith("invention_patents,")


def _start_with_sigint_blocked(*args: str) -> subprocess.Popen[str]:
    """Start zgc with SIGINT blocked: a Ctrl-C waits until zgc's handler unblocks it."""
    return subprocess.Popen(
        [str(ZGC), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=clean_env(),
        preexec_fn=lambda: signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT}),
    )


def _sigint_blocked(pid: int) -> bool:
    """Whether SIGINT is still blocked in the process (its handler not yet in place)."""
    status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    mask = next(line.split()[1] for line in status.splitlines() if line.startswith("SigBlk:"))
    return bool(int(mask, 16) >> (signal.SIGINT - 1) & 1)


def _wait_for_the_handler(process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while _sigint_blocked(process.pid):
        assert time.monotonic() < deadline, "zgc never installed its SIGINT handler"
        assert process.poll() is None, "zgc ended before installing its SIGINT handler"
        time.sleep(0.001)


needs_proc = pytest.mark.skipif(
    not Path("/proc/self/status").exists() or not hasattr(signal, "pthread_sigmask"),
    reason="needs /proc/PID/status and pthread_sigmask (Linux)",
)


@needs_zgc
@needs_proc
def test_ctrl_c_once_zgc_runs_is_exit_130_without_a_traceback() -> None:
    """From the moment zgc's handler is in place, at spread delays after it.

    The window before zgc's first line runs is the interpreter's, not zgc's. The test
    does not guess it from timings (a loaded machine stretches them): zgc starts with
    SIGINT blocked and unblocks it once its handler exists, which /proc tells. A
    Ctrl-C sent while it is still blocked is held and then delivered to the handler.
    """
    outcomes: list[tuple[float, int | None, str]] = []
    early = _start_with_sigint_blocked("compare", "2014", "2023")
    early.send_signal(signal.SIGINT)  # before zgc has run a line: held, then handled
    _, stderr = early.communicate(timeout=60)
    outcomes.append((-1.0, early.returncode, stderr))
    for delay in [0.02 * step for step in range(10)]:
        process = _start_with_sigint_blocked("compare", "2014", "2023")
        _wait_for_the_handler(process)
        time.sleep(delay)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
        outcomes.append((delay, process.returncode, stderr))
    for delay, code, stderr in outcomes:
        assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr, (delay, stderr)
        assert len(stderr.splitlines()) <= 1, (delay, stderr)
        # A run that finished before the signal is a success; any other ends as 130.
        assert code in (0, 130), (delay, code)
    assert outcomes[0][1] == 130  # the held Ctrl-C reached the handler
    assert sum(code == 130 for _, code, _ in outcomes) >= 2


@needs_zgc
def test_a_reader_that_leaves_early_ends_zgc_quietly_with_exit_1(tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    rows = [f"m{i % 500},e{i // 500},{2000 + i % 20},{i}.5" for i in range(60_000)]
    big.write_text("metric,entity,year,value\n" + "\n".join(rows) + "\n")
    # Gone before zgc writes a byte, and gone in the middle of a long write.
    for reader in ("true", "head -c 10 >/dev/null"):
        result = subprocess.run(
            ["bash", "-c", f'{ZGC} export --data {big} | {reader}; echo "rc=${{PIPESTATUS[0]}}"'],
            capture_output=True,
            text=True,
            env=clean_env(),
            timeout=60,
        )
        assert result.stdout.strip() == "rc=1", (reader, result.stdout)
        assert result.stderr == "", (reader, result.stderr)
    # A reader that reads everything gets everything, and zgc succeeds.
    whole = subprocess.run(
        ["bash", "-c", f'{ZGC} export --data {big} | wc -l; echo "rc=${{PIPESTATUS[0]}}"'],
        capture_output=True,
        text=True,
        env=clean_env(),
        timeout=60,
    )
    assert whole.stdout.split() == ["60001", "rc=0"]


def test_visible_leaves_ordinary_text_alone() -> None:
    assert os.linesep  # the platform has one: escapes are about data, not our own layout
    assert visible("Not compared (16): revenue (zgc)") == "Not compared (16): revenue (zgc)"
