"""Start-up: what a plain command imports, and the app built for each command line.

A data command on the shipped data pays for pandas and zgc's own modules; what only
a chart, a report, a workbook, the MCP server, an extract, a citation, a TAB or a
non-CSV source needs must stay out of its start (README, Benchmarks). The process
tests run the console script's ``main`` in a fresh interpreter, as ``zgc`` does, and
read its ``sys.modules`` at the end.
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from zgc_cli.cli import app
from zgc_cli.cli.app import app_for

# Modules that no plain command on the shipped (CSV) data may import. Third-party ones
# come with extras or with other commands; zgc's are imported where they are used.
HEAVY_FOR_A_PLAIN_COMMAND = (
    "matplotlib",
    "jinja2",
    "openpyxl",
    "python_calamine",
    "mcp",
    "xml.etree",
    "zgc_cli.present.report",
    "zgc_cli.present.charts",
    "zgc_cli.present.xlsx",
    "zgc_cli.present.citations",
    "zgc_cli.extract",
    "zgc_cli.mcp",
    "zgc_cli.model.workbook",
    "zgc_cli.model.figures_english",
    "zgc_cli.model.readers.jsonl",
    "zgc_cli.model.readers.tabular",
)
# What the help and the version need none of: the data, its readers, completion.
HEAVY_FOR_THE_HELP = (
    *HEAVY_FOR_A_PLAIN_COMMAND,
    "pandas",
    "numpy",
    "zgc_cli.completion",
    "zgc_cli.model.idscan",
    "zgc_cli.model.dataset",
)

_MODULES_AFTER_RUN = """
import gc, json, sys
sys.argv = ["zgc", *json.loads(sys.argv[1])]
from zgc_cli.__main__ import main
try:
    main()
except SystemExit as done:
    code = done.code
seen = [code, sorted(sys.modules), gc.get_threshold()]
sys.stderr.write("\\nMODULES " + json.dumps(seen) + "\\n")
"""


def modules_after(arguments: list[str]) -> set[str]:
    """The modules loaded by a whole ``zgc`` run of ``arguments`` (which must succeed)."""
    return run_and_look(arguments)[0]


def run_and_look(arguments: list[str]) -> tuple[set[str], list[int]]:
    """A whole ``zgc`` run of ``arguments`` (which must succeed): the modules it loaded,
    and the cyclic collector's thresholds at its end."""
    finished = subprocess.run(
        [sys.executable, "-c", _MODULES_AFTER_RUN, json.dumps(arguments)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "COLUMNS": "100"},
    )
    code, modules, thresholds = json.loads(finished.stderr.rsplit("MODULES ", 1)[1])
    assert code == 0, finished.stderr
    assert finished.stdout, "the command wrote nothing"
    return set(modules), thresholds


@pytest.mark.slow
def test_the_console_script_looks_for_cycles_less_often() -> None:
    """The youngest generation's threshold is raised before anything is imported, the
    older ones kept: the imports' objects are not scanned some 170 times."""
    from zgc_cli.__main__ import YOUNGEST_THRESHOLD

    defaults = gc.get_threshold()
    _, thresholds = run_and_look(["metrics", "revenue", "--format", "csv"])
    assert thresholds == [YOUNGEST_THRESHOLD, *defaults[1:]]
    assert YOUNGEST_THRESHOLD > 100 * defaults[0]


def loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    """Which of ``names`` (a module or any module under it) are in ``modules``."""
    return [name for name in names if any(m == name or m.startswith(name + ".") for m in modules)]


@pytest.mark.slow
@pytest.mark.parametrize(
    "arguments",
    [
        ["metrics", "revenue", "--format", "csv"],
        ["metrics", "revenue", "--lang", "zh", "--format", "csv"],
        ["compare", "2014", "2023", "--format", "csv"],
        ["metrics"],
    ],
    ids=" ".join,
)
def test_a_plain_command_imports_nothing_it_does_not_use(arguments: list[str]) -> None:
    modules = modules_after(arguments)
    assert "pandas" in modules  # the probe sees the run's imports
    assert loaded(modules, HEAVY_FOR_A_PLAIN_COMMAND) == []
    # In a pipe a data command writes CSV: no Rich at all.
    assert loaded(modules, ("rich",)) == []


@pytest.mark.slow
@pytest.mark.parametrize("arguments", [["--help"], ["--version"], ["compare", "--help"]])
def test_help_and_version_import_no_data_modules(arguments: list[str]) -> None:
    modules = modules_after(arguments)
    assert loaded(modules, HEAVY_FOR_THE_HELP) == []
    # Where output goes is decided by a command's Environment, which the root's eager
    # --help and --version never make (a command's help comes after the root's callback).
    assert loaded(modules, ("zgc_cli.present.files",)) == (
        [] if arguments[0].startswith("-") else ["zgc_cli.present.files"]
    )


# --- the app built for a command line (in process) --------------------------------------


def command_names(typer_app: object) -> list[str]:
    return list(get_command(typer_app).commands)  # type: ignore[arg-type, attr-defined]


def test_a_named_command_is_built_alone_and_as_before() -> None:
    alone = get_command(app_for(["compare", "2014", "2023"]))
    assert list(alone.commands) == ["compare"]  # type: ignore[attr-defined]
    whole = get_command(app).commands["compare"]  # type: ignore[attr-defined]
    built = alone.commands["compare"]  # type: ignore[attr-defined]
    assert [p.name for p in built.params] == [p.name for p in whole.params]
    assert built.help == whole.help and built.epilog == whole.epilog


@pytest.mark.parametrize(
    "arguments", [["metrcs"], ["--install-completion"], ["--bogus", "metrics"], ["Metrics"]]
)
def test_anything_but_a_command_name_or_the_help_gets_the_whole_app(arguments: list[str]) -> None:
    assert app_for(arguments) is app


def test_shell_completion_gets_the_whole_app(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_ZGC_COMPLETE", "complete_bash")
    assert app_for([]) is app
    assert app_for(["--help"]) is app


@pytest.mark.parametrize("arguments", [[], ["--help"], ["-h"], ["--version"]])
def test_the_listing_app_has_every_command_without_options(arguments: list[str]) -> None:
    listed = get_command(app_for(arguments))
    whole = get_command(app)
    assert command_names(app_for(arguments)) == command_names(app)
    for name, command in listed.commands.items():  # type: ignore[attr-defined]
        assert command.params == []
        assert command.help == whole.commands[name].help  # type: ignore[attr-defined]


@pytest.mark.parametrize("arguments", [["--help"], ["-h"], ["--version"], []])
@pytest.mark.parametrize("lang", ["en_US.UTF-8", "zh_CN.UTF-8"])
def test_help_version_and_welcome_are_the_whole_apps(arguments: list[str], lang: str) -> None:
    runner = CliRunner()
    environment = {"COLUMNS": "80", "LANG": lang}
    listed = runner.invoke(app_for(arguments), arguments, env=environment)
    whole = runner.invoke(app, arguments, env=environment)
    assert listed.exit_code == whole.exit_code == 0
    assert listed.stdout == whole.stdout
    assert "compare" in whole.stdout or arguments == ["--version"]
