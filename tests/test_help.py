"""Help in the manner of gh: examples on every page, options in panels, a welcome, a next step."""

from __future__ import annotations

import re
import shlex

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from zgc_cli import env as environment
from zgc_cli.cli import app
from zgc_cli.present.guide import EXAMPLES, start_with
from zgc_cli.words import Language

runner = CliRunner()
COMMANDS = sorted(get_command(app).commands)  # type: ignore[attr-defined]


def run(*args: str, **env: str):  # noqa: ANN201 - a Result
    return runner.invoke(app, list(args), env=env or None)


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_every_help_ends_with_two_to_four_examples(command: str) -> None:
    page = run(*([command] if command else []), "--help").stdout
    assert "Examples" in page, command
    after = page[page.rindex("Examples") :]
    examples = re.findall(r"\$ (zgc .+?)\s*$", after, flags=re.MULTILINE)
    assert 2 <= len(examples) <= 4, (command, examples)
    assert all(line.split()[1] == command for line in examples if command), examples
    # Nothing but the examples comes after them.
    assert after.rstrip().endswith(examples[-1])


@pytest.mark.parametrize("command", ["metrics", "compare", "export", "source", "share"])
def test_rarely_used_options_come_after_the_ones_people_use(command: str) -> None:
    page = run(command, "--help", COLUMNS="100").stdout
    headings = [page.index(f"─ {name} ") for name in ("Selection", "Output", "Data sources")]
    assert headings == sorted(headings), command
    advanced = page.index("─ Advanced ")

    def row(option: str) -> int:  # where the option's own row is (docstrings name some)
        return page.index(f"│ {option} ")

    for rare in ("--sheet", "--prefer", "--bom"):
        assert row(rare) > advanced > row("--format"), (command, rare)
    assert row("--entity") < row("--format") < row("--data")


def test_bare_zgc_welcomes_and_exits_0() -> None:
    result = run()
    assert result.exit_code == 0
    assert "Zhongguancun" in result.stdout and "Usage" not in result.stdout
    for command, _ in start_with(Language.en):
        assert f"  {command}\n" in result.stdout
    chinese = run(LANG="zh_CN.UTF-8")
    assert chinese.exit_code == 0 and "从这里开始" in chinese.stdout
    for said in (result.stdout, chinese.stdout):  # at 60 columns, no line wraps
        assert max(map(columns, said.splitlines())) <= 60, said


def columns(line: str) -> int:
    """The columns a terminal gives a line (a CJK character takes two)."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in line)


@pytest.mark.parametrize("lang", list(Language))
def test_the_welcomes_commands_run(lang: Language) -> None:
    for command, _ in start_with(lang):
        result = run(*shlex.split(command)[1:], "--format", "csv")
        assert result.exit_code == 0, (command, result.stderr)
        assert result.stdout.count("\n") > 1, command


def test_examples_are_real_commands_of_their_command() -> None:
    assert set(EXAMPLES) == set(COMMANDS)


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """stdout is a terminal, as far as zgc's Environment can tell."""
    init = environment.Environment.__init__

    def on_a_terminal(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        init(self, *args, **kwargs)
        self.stdout_is_tty = True

    monkeypatch.setattr(environment.Environment, "__init__", on_a_terminal)


def test_the_catalog_on_a_terminal_ends_with_a_next_step(terminal: None) -> None:
    shown = run("metrics", "--limit", "3", "--lang", "en")
    assert shown.stdout.rstrip().splitlines()[-1].startswith("Next: zgc metrics ID")
    chinese = run("metrics", "--limit", "3", "--lang", "zh")
    assert chinese.stdout.rstrip().splitlines()[-1].startswith("下一步：“zgc metrics")
    series = run("metrics", "revenue", "--lang", "en")  # a series: its own view, no catalog hint
    assert "Next:" not in series.stdout


def test_a_pipe_gets_no_next_step() -> None:
    assert "Next:" not in run("metrics", "--format", "table", "--lang", "en").stdout
    assert "Next:" not in run("metrics", "--format", "csv", "--lang", "en").stdout


@pytest.mark.slow
def test_every_example_runs_as_shown(tmp_path) -> None:  # noqa: ANN001
    """Each example, in a shell, in a folder with the files the examples name."""
    from tests.test_readme_commands import ZGC, reader_folder, run_in_shell

    folder = reader_folder(tmp_path)
    # `zgc diff` exits 1 on an unexplained change; `zgc verify` on a failed check.
    may_exit_1 = {"diff", "verify"}
    failed = []
    # `zgc mcp` serves until its client leaves: tests/test_mcp.py talks to it.
    for command, examples in EXAMPLES.items():
        if command == "mcp":
            continue
        for _, line in examples:
            done = run_in_shell(line, ZGC, folder)
            allowed = {0, 1} if command in may_exit_1 else {0}
            if done.returncode not in allowed or "Traceback" in done.stderr:
                failed.append(f"{line}: exit {done.returncode}: {done.stderr[-200:]}")
    assert failed == []
