"""Shared fixtures: an isolated environment and small tidy CSVs."""

from __future__ import annotations

import ast
import functools
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from zgc_cli.model.sources import shipped_later_sources

REPO_ROOT = Path(__file__).resolve().parent.parent
# What zgc reads beside the article's figures, kept before a fixture replaces it.
_SHIPPED_LATER_SOURCES = shipped_later_sources
ARTICLE = REPO_ROOT / "tests" / "fixtures" / "article.txt"

SAMPLE_CSV = """\
metric,entity,year,value,unit,status,qualifier,quote,note
revenue,zgc,2014,3600000000000,CNY,reported,exact,"3.6万亿元, quoted",
revenue,zgc,2023,8600000000000,CNY,estimate,exact,预计8.6万亿元,
firms_revenue_over_100b,zgc,2012,0,firms,reported,exact,从无到有,
firms_revenue_over_100b,zgc,2022,11,firms,reported,exact,达到11家,
patents_per_10k_people,beijing,2014,48.2,patents,reported,exact,48.2件,
patents_per_10k_people,beijing,2023,262.9,patents,reported,exact,262.9件,
invention_patents,zgc,2020,140000,patents,reported,more_than,突破14万件,
invention_patents,zgc,2023,260000,patents,reported,more_than,突破26万件,
employees,zgc,2013,1860000,persons,derived,exact,1.5倍,2790000 / 1.5
employees,zgc,2022,2790000,persons,reported,exact,279万人,
large_models,china,2024,107,models,reported,exact,107款,
large_models,zgc,2024,47,models,reported,exact,47款,
"""


@pytest.fixture(autouse=True)
def isolated_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[None]:
    """Tests never see the developer's terminal, locale or data settings.

    Nor do they write the developer's cache: completion keeps its cache in the
    user cache folder, which XDG_CACHE_HOME moves (subprocesses inherit it).
    """
    for variable in ("ZGC_DATA", "LC_ALL", "LC_MESSAGES", "LANG", "FORCE_COLOR", "ZGC_DEBUG"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "cache"))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("TERM", "dumb")
    yield


@pytest.fixture(autouse=True, scope="session")
def article_alone() -> Iterator[None]:
    """The shipped data is the article's figures alone, unless a test asks for every source.

    zgc ships later publications of some figures too (data/sources/, issue 19) and reads
    them with the article's by default; the tests written about the article's figures
    (8.6万亿*, its passages) see the article alone, module fixtures too (hence the
    session scope). A test of vintages takes the ``later_sources`` fixture and sees
    what a user sees.
    """
    from zgc_cli.model import sources

    patch = pytest.MonkeyPatch()
    patch.setattr(sources, "shipped_later_sources", lambda: [])
    yield
    patch.undo()


@pytest.fixture(autouse=True, scope="session")
def one_click_command_per_app() -> Iterator[None]:
    """CliRunner builds an app's click command once, not at every invoke.

    Typer turns the app into a click command each time ``CliRunner.invoke`` runs
    (a fifth of a small command's time, over about 1,500 invocations); a process
    of zgc builds it once, as here. It is built again when the languages change
    (``--lang``'s choices are the languages when it is built: the made-up
    language's test adds one).
    """
    import typer.testing
    from typer.main import get_command

    from zgc_cli.words import Language

    built: dict[int, tuple[object, tuple[str, ...], Any]] = {}

    def command_of(app: Any) -> Any:
        languages = tuple(str(language) for language in Language)
        known = built.get(id(app))
        if known is None or known[0] is not app or known[1] != languages:
            known = (app, languages, get_command(app))
            built[id(app)] = known
        return known[2]

    patch = pytest.MonkeyPatch()
    patch.setattr(typer.testing, "_get_command", command_of)
    yield
    patch.undo()


@pytest.fixture
def later_sources(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every shipped source, as a user has them: the article's and the later publications'."""
    from zgc_cli.model import sources

    monkeypatch.setattr(sources, "shipped_later_sources", _SHIPPED_LATER_SOURCES)


@pytest.fixture
def sample_csv(tmp_path: Path) -> Path:
    """A small tidy CSV with an estimate, a derived row, bounds and a zero base."""
    path = tmp_path / "sample.csv"
    path.write_text(SAMPLE_CSV, encoding="utf-8")
    return path


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--fuzz",
        action="store_true",
        default=False,
        help="Run the fuzz tests long (thousands of examples) instead of CI's bounded run.",
    )


# The slow tier: process-level tests (an installed wheel, real pipes and signals, the
# browser, benchmark smoke, image renders of hostile data, the CLI fuzz of every command
# but one). `pytest` leaves them out (pyproject's addopts); `pytest -m slow` runs them,
# and .ci/run runs both tiers. A new slow test may also say @pytest.mark.slow itself.
SLOW_MODULES: dict[str, str] = {
    "test_installed.py": "builds and installs a wheel, runs it in real pipes",
    "test_benchmarks_smoke.py": "runs the benchmark scripts and their peers",
    "test_hostile_charts.py": "renders images and terminal charts of hostile data",
    "test_cite_renderers.py": "runs pandoc and citeproc-js on zgc's CSL-JSON",
}
SLOW_TESTS: dict[str, str] = {
    "test_report.py::test_the_page_is_self_contained_and_has_no_script": "renders the report",
    "test_render.py::test_no_number_or_id_is_ever_cut_at_any_terminal_width": "47 widths",
    "test_read_formats.py::test_real_pipes_round_trip": "real pipes between processes",
    "test_chart_shapes.py::test_chinese_terminal_charts_of_every_metric_have_no_english_ids": (
        "every metric's chart"
    ),
    "test_hostile_files.py::test_a_big_csv_through_a_real_pipe_round_trips": "a real pipe",
}
# The CLI fuzz runs one command in the fast tier (the loader's own fuzz covers the rest).
FAST_FUZZ_COMMAND = "test_fuzz.py::test_any_file_meets_the_error_contract[compare 2014 2023]"
# A test that starts zgc as a process, or a browser, says so in its skip reason.
PROCESS_SKIP_REASONS = ("installed beside python", "Chromium")


# What starts another process: a test calling one of these (itself, or through a helper
# of its module that does) is a process-level test, in the slow tier.
PROCESS_STARTERS = frozenset({"subprocess", "Popen", "fork", "spawn", "pexpect"})


@functools.cache
def _process_functions(path: Path) -> frozenset[str]:
    """The functions of a test module that start a process, directly or through another.

    Read from the module's source (a name it calls, followed to a fixed point), so
    a new test that runs ``zgc`` through its module's helper lands in the slow tier
    without being listed.
    """
    source = path.read_text(encoding="utf-8")
    # Most modules never name a starter: no need to parse them (each xdist worker
    # collects every module, so this runs once per module per worker).
    if not any(starter in source for starter in PROCESS_STARTERS):
        return frozenset()
    called = _names_called_by_function(ast.parse(source))
    starting = {name for name, names in called.items() if names & PROCESS_STARTERS}
    while True:
        more = {name for name, names in called.items() if names & starting} - starting
        if not more:
            return frozenset(starting)
        starting |= more


def _names_called_by_function(tree: ast.AST) -> dict[str, set[str]]:
    """Each function's name and the names and attributes used anywhere inside it.

    One pass over the tree (a name inside a nested function counts for each function
    around it). Where two functions share a name, the one ``ast.walk`` meets last
    wins: the deepest, then the latest in the source.
    """
    found: list[tuple[int, int, str, set[str]]] = []

    def visit(node: ast.AST, enclosing: tuple[set[str], ...], depth: int) -> None:
        for child in ast.iter_child_nodes(node):
            inner = enclosing
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                names: set[str] = set()
                found.append((depth + 1, len(found), child.name, names))
                inner = (*enclosing, names)
            elif isinstance(child, ast.Name | ast.Attribute):
                name = child.id if isinstance(child, ast.Name) else child.attr
                for names in inner:
                    names.add(name)
            visit(child, inner, depth + 1)

    visit(tree, (), 0)
    return {name: names for _, _, name, names in sorted(found, key=lambda one: one[:2])}


def _slow_reason(item: pytest.Item) -> str | None:
    module = item.path.name
    test = f"{module}::{item.originalname if isinstance(item, pytest.Function) else item.name}"
    if module in SLOW_MODULES:
        return SLOW_MODULES[module]
    if test in SLOW_TESTS:
        return SLOW_TESTS[test]
    if test == "test_fuzz.py::test_any_file_meets_the_error_contract":
        return None if f"{module}::{item.name}" == FAST_FUZZ_COMMAND else "the CLI fuzz"
    if "browser" in getattr(item, "fixturenames", ()):
        return "drives Chromium"
    if isinstance(item, pytest.Function) and item.originalname in _process_functions(item.path):
        return "starts a process"
    for mark in item.iter_markers("skipif"):
        reason = str(mark.kwargs.get("reason", ""))
        if any(words in reason for words in PROCESS_SKIP_REASONS):
            return "starts a process"
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if _slow_reason(item) is not None:
            item.add_marker(pytest.mark.slow)


def pytest_configure(config: pytest.Config) -> None:
    from hypothesis import HealthCheck, settings

    # Every property test is deterministic (the same examples on every run) and has no
    # deadline: on a shared, loaded machine a 200 ms deadline failed a test that reads
    # two small files, and a failure that depends on the seed or the load is a flake.
    # The long fuzz (`--fuzz`) is where new random examples are looked for.
    settings.register_profile("zgc", deadline=None, derandomize=True)
    settings.load_profile("zgc")
    # CI: a bounded run (under 30 s); `pytest --fuzz tests/test_fuzz.py`: a long one.
    settings.register_profile(
        "fuzz-ci",
        max_examples=80,
        deadline=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    settings.register_profile(
        "fuzz-long",
        max_examples=5000,
        # A run over 20 s is a hang (the bar), reported as a failure with its input.
        deadline=timedelta(seconds=20),
        suppress_health_check=list(HealthCheck),
    )
    config.fuzz_profile = "fuzz-long" if config.getoption("--fuzz") else "fuzz-ci"  # type: ignore[attr-defined]


def pytest_terminal_summary(terminalreporter: object) -> None:
    """After a fuzz run, how its examples ended (the figures the README quotes)."""
    fuzz = sys.modules.get("tests.test_fuzz")
    outcomes = getattr(fuzz, "OUTCOMES", None)
    if outcomes:
        total = sum(outcomes.values())
        parts = ", ".join(f"{count} {name}" for name, count in sorted(outcomes.items()))
        terminalreporter.write_line(f"fuzz: {total} runs: {parts}")  # type: ignore[attr-defined]
