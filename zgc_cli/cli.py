"""The ``zgc`` command line: parse arguments, call data and stats, hand to render.

Only the standard library, Typer and zgc's light modules are imported at the
top: ``--help``, ``--version`` and shell completion never pay for pandas.
Heavy modules are imported inside the commands that need them.

No ``from __future__ import annotations`` here: Typer reads every command's
annotations on every run, and evaluating them as strings cost ~6 ms a run.
Annotations naming lazily imported types are quoted instead.
"""

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from zgc_cli import __version__
from zgc_cli.completion import complete_entities, complete_metrics, complete_years
from zgc_cli.errors import ExitCode, ZgcError
from zgc_cli.options import (
    Language,
    OutputFormat,
    default_format,
    default_language,
    stdout_is_tty,
)
from zgc_cli.paths import resolve_data_source

if TYPE_CHECKING:
    import pandas as pd
    from rich.console import Console, RenderableType

    from zgc_cli.data import Observations

DEBUG_ENV_VAR = "ZGC_DEBUG"
# A file this large takes about a second to load on a small machine: show a spinner.
SPINNER_FROM_BYTES = 20_000_000


def fail(message: str, code: ExitCode = ExitCode.ERROR) -> NoReturn:
    """Print one line on stderr and leave with ``code``: the only way zgc reports errors."""
    one_line = " ".join(message.split("\n"))
    sys.stderr.write(f"zgc: error: {one_line}\n")
    sys.stderr.flush()
    raise typer.Exit(int(code))


class ZgcGroup(TyperGroup):
    """Turns a user-fixable problem into one line on stderr, never a traceback."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except ZgcError as error:
            fail(error.message, error.code)
        except MemoryError:
            fail("not enough memory to load the data")
        except (typer.Exit, typer.Abort, KeyboardInterrupt, BrokenPipeError):
            raise
        except OSError as error:
            # Reading problems are DataErrors by now: what is left is writing the output.
            fail(f"cannot write the output: {error.strerror or error}")
        except Exception as error:
            if os.environ.get(DEBUG_ENV_VAR):
                raise
            # Typer's usage errors (its own click, or the click package before 0.26).
            if type(error).__module__.startswith(("typer", "click")):
                raise
            fail(
                f"internal error: {type(error).__name__}: {error} "
                f"(run with {DEBUG_ENV_VAR}=1 for a traceback, and please report it)"
            )


app = typer.Typer(
    name="zgc",
    cls=ZgcGroup,
    help="Explore the innovation indicators of Zhongguancun (中关村): "
    "series with growth rates, comparisons between years, clean CSV/JSON for pipes.",
    rich_markup_mode="markdown",
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@dataclass
class AppContext:
    """What every command shares: whether stdout is a terminal, and its console.

    The console is made on first use, so a command that writes CSV never imports Rich.
    """

    stdout_is_tty: bool
    _stdout_console: "Console | None" = field(default=None, repr=False)

    def stdout_console(self) -> "Console":
        if self._stdout_console is None:
            from zgc_cli.tables import make_console

            self._stdout_console = make_console(sys.stdout)
        return self._stdout_console


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"zgc {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version_callback,
            is_eager=True,
            help="Show the version and exit.",
        ),
    ] = False,
) -> None:
    """Explore the innovation indicators of Zhongguancun (中关村).

    Figures come from the April 2024 《瞭望》 (Outlook Weekly) feature on
    Zhongguancun; every one is traceable to its sentence (`zgc verify`).
    """
    ctx.obj = AppContext(stdout_is_tty=stdout_is_tty())


# --- options shared by the data commands, declared once -----------------------------

DataOption = Annotated[
    str | None,
    typer.Option(
        "--data",
        envvar="ZGC_DATA",
        help="A tidy CSV with at least metric, year, value (`-` reads stdin). "
        "Default: the shipped data.",
        show_default=False,
    ),
]
FormatOption = Annotated[
    OutputFormat | None,
    typer.Option(
        "--format",
        "-f",
        help="Output format. Default: table on a terminal, csv in a pipe or file.",
        show_default=False,
    ),
]
LangOption = Annotated[
    Language | None,
    typer.Option(
        "--lang",
        help="Language of tables and names (machine formats don't change). "
        "Default: from LC_ALL/LANG.",
        show_default=False,
    ),
]
MetricFilter = Annotated[
    list[str] | None,
    typer.Option(
        "--metric", "-m", help="Only this metric id (repeatable).", autocompletion=complete_metrics
    ),
]
EntityFilter = Annotated[
    list[str] | None,
    typer.Option(
        "--entity", "-e", help="Only this entity (repeatable).", autocompletion=complete_entities
    ),
]
CategoryFilter = Annotated[
    list[str] | None,
    typer.Option("--category", "-c", help="Only metrics of this category (repeatable)."),
]


class SortKey(StrEnum):
    """Columns a comparison can be sorted by."""

    metric = "metric"
    entity = "entity"
    value_from = "value_from"
    value_to = "value_to"
    change = "change"
    change_pct = "change_pct"
    ratio = "ratio"
    cagr_pct = "cagr_pct"


class Loaded:
    """A data source loaded for a command: its observations, and metadata read on first use."""

    def __init__(self, observations: "Observations", source: str) -> None:
        self.observations = observations
        self.source = source

    @cached_property
    def indicators(self) -> "pd.DataFrame":
        from zgc_cli.data import load_indicators

        return load_indicators(self.source)


def _load(data_option: str | None) -> Loaded:
    """Load observations, with a spinner on stderr for a large file."""
    from zgc_cli.data import load_observations

    source = resolve_data_source(data_option)
    if _is_large(source) and sys.stderr.isatty():
        from rich.console import Console

        with Console(stderr=True).status("Loading " + source + " …"):
            observations = load_observations(source)
    else:
        observations = load_observations(source)
    return Loaded(observations, source)


def _is_large(source: str) -> bool:
    try:
        return os.path.getsize(source) >= SPINNER_FROM_BYTES
    except OSError:
        return False


def _emit(
    ctx: typer.Context,
    frame: "pd.DataFrame",
    fmt: OutputFormat | None,
    table: "Callable[[], Sequence[RenderableType]]",
) -> None:
    """Write ``frame`` in the chosen format; ``table`` builds the human view if asked for."""
    from zgc_cli.render import emit

    state: AppContext = ctx.obj

    def show_table() -> None:
        from zgc_cli.tables import print_renderables

        print_renderables(state.stdout_console(), table())

    emit(
        frame,
        fmt or default_format(state.stdout_is_tty),
        sys.stdout,
        pretty=state.stdout_is_tty,
        show_table=show_table,
    )


def _lang(lang: Language | None) -> Language:
    return lang or default_language()


# --- commands -----------------------------------------------------------------------


@app.command()
def metrics(
    ctx: typer.Context,
    ids: Annotated[
        list[str] | None,
        typer.Argument(
            help="Metric ids to show as series. Without ids: the catalog of all metrics.",
            autocompletion=complete_metrics,
            show_default=False,
        ),
    ] = None,
    data: DataOption = None,
    fmt: FormatOption = None,
    lang: LangOption = None,
) -> None:
    """List the indicators, or show series with their growth rates.

    `zgc metrics` lists every (metric, entity) with its years and latest value;
    `zgc metrics revenue employees` shows each series with the change, percent
    change and compound annual growth since the previous observation
    (annualised over the actual gap in years), and the overall first → last.
    """
    from zgc_cli import stats

    loaded = _load(data)
    observations = loaded.observations.frame
    language = _lang(lang)
    if not ids:
        catalog = stats.catalog(observations, loaded.indicators)

        def catalog_table() -> "list[RenderableType]":
            from zgc_cli.tables import catalog_view

            width = ctx.obj.stdout_console().width
            return catalog_view(catalog, language, stats.series_values(observations), width)

        _emit(ctx, catalog, fmt, catalog_table)
        return
    unique_ids = list(dict.fromkeys(ids))
    series = stats.series_growth(observations, unique_ids)

    def series_table() -> "list[RenderableType]":
        from zgc_cli.tables import series_view

        spans = stats.span(stats.select(observations, metrics=unique_ids))
        return series_view(series, spans, loaded.indicators, language)

    _emit(ctx, series, fmt, series_table)


@app.command()
def compare(
    ctx: typer.Context,
    year_from: Annotated[
        int, typer.Argument(help="The first year.", autocompletion=complete_years)
    ],
    year_to: Annotated[int, typer.Argument(help="The second year.", autocompletion=complete_years)],
    sort: Annotated[
        SortKey, typer.Option("--sort", help="Sort by this column (numbers largest first).")
    ] = SortKey.metric,
    reverse: Annotated[bool, typer.Option("--reverse", help="Reverse the sort order.")] = False,
    metric: MetricFilter = None,
    entity: EntityFilter = None,
    category: CategoryFilter = None,
    data: DataOption = None,
    fmt: FormatOption = None,
    lang: LangOption = None,
) -> None:
    """Compare every indicator between two years.

    For each (metric, entity) with values in both years: the two values,
    change, percent change, ratio and compound annual growth. Series that have
    only one of the two years are named under the table.
    """
    from zgc_cli import stats

    loaded = _load(data)
    # Years are checked against the whole data, so a filter doesn't make 2014 "not in the data".
    stats.require_years(loaded.observations.frame, year_from, year_to)
    observations = stats.select(
        loaded.observations.frame, metric, entity, category, loaded.indicators
    )
    comparison = stats.compare(observations, year_from, year_to, check_years=False)
    frame = stats.sort_comparison(comparison.frame, sort.value, reverse)
    language = _lang(lang)

    def compare_table() -> "list[RenderableType]":
        from zgc_cli.tables import compare_view

        return compare_view(
            frame,
            comparison.only_from,
            comparison.only_to,
            year_from,
            year_to,
            loaded.indicators,
            language,
        )

    _emit(ctx, frame, fmt, compare_table)


@app.command()
def export(
    ctx: typer.Context,
    metric: MetricFilter = None,
    entity: EntityFilter = None,
    category: CategoryFilter = None,
    data: DataOption = None,
    fmt: FormatOption = None,
) -> None:
    """Write the observations themselves: every column of the data file, exactly.

    `zgc export | zgc export --data -` gives back the same bytes.
    """
    from zgc_cli import stats

    loaded = _load(data)
    observations = loaded.observations
    rows = stats.select(observations.frame, metric, entity, category, loaded.indicators)
    frame = rows[observations.source_columns]

    def export_table() -> "list[RenderableType]":
        from zgc_cli.tables import plain_view

        return plain_view(frame, numeric_columns=("year", "value"))

    _emit(ctx, frame, fmt, export_table)


@app.command()
def search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="Words to look for: an id, English or Chinese.")],
    data: DataOption = None,
    fmt: FormatOption = None,
    lang: LangOption = None,
) -> None:
    """Find indicators by id, English or Chinese name and description, best first.

    `zgc search 专利` finds the patent indicators; `zgc search listed` finds listed_firms.
    """
    from zgc_cli import stats

    loaded = _load(data)
    results = stats.search(loaded.observations.frame, loaded.indicators, text)
    if results.empty:
        raise ZgcError(f"no indicator matches {text!r}; `zgc metrics` lists them all")
    language = _lang(lang)

    def search_table() -> "list[RenderableType]":
        from zgc_cli.tables import search_view

        return search_view(results, language)

    _emit(ctx, results, fmt, search_table)


@app.command()
def source(
    ctx: typer.Context,
    metric_id: Annotated[
        str,
        typer.Argument(metavar="ID", help="The metric id.", autocompletion=complete_metrics),
    ],
    year: Annotated[
        int | None,
        typer.Argument(help="Only this year.", autocompletion=complete_years, show_default=False),
    ] = None,
    data: DataOption = None,
    fmt: FormatOption = None,
    lang: LangOption = None,
) -> None:
    """Show the verbatim passages behind an indicator's figures, and the publication.

    Each figure comes with its year, value, status (reported, estimate, derived)
    and qualifier (exact or a bound), and the sentence of the article it is from.
    """
    from zgc_cli import stats
    from zgc_cli.data import load_publication

    loaded = _load(data)
    rows = stats.sources(loaded.observations.frame, metric_id, year, loaded.indicators)
    publication = load_publication(loaded.source)
    citation = publication.citation() if publication else ""
    frame = rows.assign(source=citation)
    language = _lang(lang)

    def source_table() -> "list[RenderableType]":
        from zgc_cli.tables import source_view

        return source_view(rows, citation, language)

    _emit(ctx, frame, fmt, source_table)


@app.command()
def verify(
    ctx: typer.Context,
    article: Annotated[
        Path | None,
        typer.Option(
            "--article",
            help="The article's full text: also check every quote is verbatim in it.",
            exists=True,
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    data: DataOption = None,
    fmt: FormatOption = None,
    lang: LangOption = None,
) -> None:
    """Check every figure against the article's wording, and every claim against the figures.

    For each reported row, the figure in its quote (3.6万亿, 784.7亿, 突破14万, 51%...)
    must equal the value and its wording the qualifier; each derived row is
    recomputed from its note; each claim (增长近一倍, 是2013年的1.5倍...) is
    evaluated. Rows without a quote are reported as unsourced, not failures.
    Exits 1 if any check fails.
    """
    import pandas as pd

    from zgc_cli.data import decode_text, load_claims
    from zgc_cli.verify import verify_claims, verify_observations

    loaded = _load(data)
    observations = loaded.observations.frame
    article_text = decode_text(str(article), article.read_bytes()) if article else None
    results = [verify_observations(observations, article_text)]
    claims = load_claims(loaded.source)
    if not claims.empty:
        results.append(verify_claims(observations, claims))
    frame = pd.concat(results, ignore_index=True)
    counts = frame["result"].value_counts()

    def verify_table() -> "list[RenderableType]":
        from zgc_cli.tables import verify_view

        return verify_view(frame, _lang(lang), ctx.obj.stdout_console().width)

    _emit(ctx, frame, fmt, verify_table)
    summary = ", ".join(f"{counts.get(name, 0)} {name}" for name in ("pass", "fail", "unsourced"))
    sys.stderr.write(f"zgc verify: {len(frame)} checks: {summary}\n")
    if counts.get("fail", 0):
        raise typer.Exit(int(ExitCode.ERROR))


@app.command()
def plot(
    ctx: typer.Context,
    ids: Annotated[
        list[str],
        typer.Argument(help="Metric ids to chart.", autocompletion=complete_metrics),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write a PNG or SVG image (needs `pip install 'zgc[plot]'`) instead of "
            "drawing in the terminal.",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    indexed: Annotated[
        bool,
        typer.Option("--indexed", help="One panel, each series indexed to its first year = 100."),
    ] = False,
    height: Annotated[
        int, typer.Option("--height", min=10, help="Rows of the terminal chart.")
    ] = 24,
    data: DataOption = None,
    lang: LangOption = None,
) -> None:
    """Chart series over the years: in the terminal, or as an image with `--output`.

    Each metric gets its own panel (or, with `--indexed`, one panel where every
    series starts at 100). Estimates, derived figures and bounds are marked as
    in the tables.
    """
    from zgc_cli import stats
    from zgc_cli.data import load_publication
    from zgc_cli.plot import PlotDependencyError, terminal_chart, write_image

    loaded = _load(data)
    series = stats.series_growth(loaded.observations.frame, list(dict.fromkeys(ids)))
    language = _lang(lang)
    state: AppContext = ctx.obj
    if output is None:
        console = state.stdout_console()
        try:
            chart = terminal_chart(
                series,
                loaded.indicators,
                language.value,
                width=console.width,
                height=height,
                indexed=indexed,
                color=console.is_terminal
                and console.color_system is not None
                and not console.no_color,
            )
        except (PlotDependencyError, ValueError) as error:
            raise ZgcError(str(error)) from None
        sys.stdout.write(chart if chart.endswith("\n") else chart + "\n")
        return
    publication = load_publication(loaded.source)
    source_line = (
        _source_line(publication.publisher, publication.date, language) if publication else ""
    )
    try:
        warnings = write_image(
            series, loaded.indicators, language.value, output, indexed, source_line
        )
    except (PlotDependencyError, ValueError) as error:
        raise ZgcError(str(error)) from None
    except OSError as error:
        raise ZgcError(f"{output}: cannot write: {error.strerror or error}") from None
    for warning in warnings:
        sys.stderr.write(f"zgc: warning: {warning}\n")
    sys.stderr.write(f"zgc: wrote {output}\n")


def _source_line(publisher: str, date: str, language: Language) -> str:
    label = "来源：" if language is Language.zh else "Source: "
    return label + ", ".join(part for part in (publisher, date) if part)


def main() -> None:
    """Console-script entry point: ends quietly when a pipe closes early (``| head``)."""
    if sys.stdout is None:  # started with stdout closed (`zgc ... >&-`)
        sys.stderr.write("zgc: error: standard output is closed\n")
        sys.exit(int(ExitCode.ERROR))
    try:
        app()
    except BrokenPipeError:
        # Python's docs, "Note on SIGPIPE": silence the flush at interpreter exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(int(ExitCode.ERROR))
