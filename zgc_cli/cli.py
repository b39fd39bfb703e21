"""The ``zgc`` command line: Typer only.

Each command parses its options, then Dataset → stats (or check) → emit(result, env).
Only the standard library, Typer and zgc's light modules are imported at the
top: ``--help``, ``--version`` and shell completion never pay for pandas.
Heavy modules are imported inside the commands that need them.

No ``from __future__ import annotations`` here: Typer reads every command's
annotations on every run, and evaluating them as strings cost ~6 ms a run.
"""

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from zgc_cli import __version__
from zgc_cli.completion import complete_entities, complete_metrics, complete_years
from zgc_cli.env import DEBUG_ENV_VAR, Environment, fail, silence_stdout
from zgc_cli.errors import ExitCode, ZgcError
from zgc_cli.phrases import phrase
from zgc_cli.present.choices import OutputFormat
from zgc_cli.present.i18n import Language, message

if TYPE_CHECKING:
    from zgc_cli.model.dataset import Dataset

__all__ = ["app"]


class ZgcGroup(TyperGroup):
    """Turns a user-fixable problem into one line on stderr, never a traceback."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except ZgcError as error:
            fail(error.message, error.code, _language(ctx))
        except MemoryError:
            fail(phrase("run.memory"), lang=_language(ctx))
        except BrokenPipeError:
            # The reader stopped early (`| head`): leave quietly, with env.run's exit code.
            silence_stdout()
            raise SystemExit(int(ExitCode.ERROR)) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt, SystemExit):
            raise
        except OSError as error:
            # Reading problems are DataErrors by now: what is left is writing the output.
            reason = error.strerror or str(error)
            fail(phrase("run.cannot_write", reason=reason), lang=_language(ctx))
        except Exception as error:
            if os.environ.get(DEBUG_ENV_VAR):
                raise
            # Typer's usage errors (its own click, or the click package before 0.26).
            if type(error).__module__.startswith(("typer", "click")):
                raise
            internal = phrase(
                "run.internal", kind=type(error).__name__, error=str(error), variable=DEBUG_ENV_VAR
            )
            fail(internal, lang=_language(ctx))


def _language(ctx: Any) -> Language | None:
    """The language of the command that failed (``--lang``, else the locale), if known."""
    env = getattr(ctx, "obj", None)
    return env.language if isinstance(env, Environment) else None


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
    ctx.obj = Environment()


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
        "Default: from LANGUAGE/LC_ALL/LC_MESSAGES/LANG.",
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

LimitOption = Annotated[
    int,
    typer.Option(
        "--limit",
        min=0,
        help="Rows a table shows (0: all). Pipes and --format csv/json always get every row.",
    ),
]
DEFAULT_LIMIT = 50


# The sort keys: the names, the two values, and every compare measure of stats.measures.
# Spelled out here because Typer needs the choices before any heavy import; a test
# checks that they are exactly stats.growth.sort_keys().
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


def _env(ctx: typer.Context, lang: Language | None = None, limit: int | None = None) -> Environment:
    env: Environment = ctx.obj
    env.language_option = lang
    env.limit = limit or None
    return env


def _dataset(env: Environment, data: str | None) -> "Dataset":
    from zgc_cli.model.dataset import Dataset

    return env.load(Dataset.open(data))


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
    limit: LimitOption = DEFAULT_LIMIT,
) -> None:
    """List the indicators, or show series with their growth rates.

    `zgc metrics` lists every (metric, entity) with its years and latest value;
    `zgc metrics revenue employees` shows each series with the change, percent
    change and compound annual growth since the previous observation
    (annualised over the actual gap in years), and the overall first → last.
    """
    from zgc_cli import stats
    from zgc_cli.present.formats import emit

    env = _env(ctx, lang, limit)
    dataset = _dataset(env, data)
    result = stats.series(dataset, ids) if ids else stats.catalog_of(dataset)
    emit(result, env, fmt)


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
    tolerance: Annotated[
        int,
        typer.Option(
            "--tolerance",
            min=0,
            max=10,
            help="Take each series' nearest year within this many years of each end "
            "(the exact year first, then earlier, then later).",
        ),
    ] = 0,
    metric: MetricFilter = None,
    entity: EntityFilter = None,
    category: CategoryFilter = None,
    data: DataOption = None,
    fmt: FormatOption = None,
    lang: LangOption = None,
    limit: LimitOption = DEFAULT_LIMIT,
) -> None:
    """Compare every indicator between two years.

    For each (metric, entity) with values in both years: the two values,
    change, percent change, ratio and compound annual growth. Series that have
    only one of the two years are named under the table (in a pipe, a note on
    stderr counts them). With `--tolerance 1`, a series without 2014 takes 2013
    (else 2015): the years used are in year_from and year_to, and growth is
    annualised over them.
    """
    from zgc_cli import stats
    from zgc_cli.present.formats import emit

    env = _env(ctx, lang, limit)
    result = stats.comparison(
        _dataset(env, data),
        year_from,
        year_to,
        metrics=metric,
        entities=entity,
        categories=category,
        sort=sort.value,
        reverse=reverse,
        tolerance=tolerance,
    )
    emit(result, env, fmt)


@app.command()
def export(
    ctx: typer.Context,
    metric: MetricFilter = None,
    entity: EntityFilter = None,
    category: CategoryFilter = None,
    data: DataOption = None,
    fmt: FormatOption = None,
    lang: LangOption = None,
    limit: LimitOption = DEFAULT_LIMIT,
) -> None:
    """Write the observations themselves: every column of the data file, exactly.

    `zgc export | zgc export --data -` gives back the same bytes (`--lang` is for
    the table's headers and for messages; the bytes never change with it).
    """
    from zgc_cli import stats
    from zgc_cli.present.formats import emit

    env = _env(ctx, lang, limit)
    emit(stats.observations(_dataset(env, data), metric, entity, category), env, fmt)


@app.command()
def search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="Words to look for: an id, English or Chinese.")],
    data: DataOption = None,
    fmt: FormatOption = None,
    lang: LangOption = None,
    limit: LimitOption = DEFAULT_LIMIT,
) -> None:
    """Find indicators by id, English or Chinese name and description, best first.

    `zgc search 专利` finds the patent indicators; `zgc search listed` finds listed_firms.
    """
    from zgc_cli import stats
    from zgc_cli.present.formats import emit

    env = _env(ctx, lang, limit)
    emit(stats.search(_dataset(env, data), text), env, fmt)


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
    from zgc_cli.present.formats import emit

    env = _env(ctx, lang)
    emit(stats.sources(_dataset(env, data), metric_id, year), env, fmt)


@app.command()
def share(
    ctx: typer.Context,
    metric_id: Annotated[
        str,
        typer.Argument(metavar="METRIC", help="The metric id.", autocompletion=complete_metrics),
    ],
    of: Annotated[
        str | None,
        typer.Option(
            "--of",
            help="The whole: this entity (default: each entity's nearest ancestor with a figure).",
            autocompletion=complete_entities,
            show_default=False,
        ),
    ] = None,
    data: DataOption = None,
    fmt: FormatOption = None,
    lang: LangOption = None,
) -> None:
    """Each entity's value as a percent of a whole it is part of, in the same year.

    `zgc share registered_large_models` gives Zhongguancun's 47 of China's 107
    large models: 43.9%. What is part of what comes from `entities.csv`; a bound
    at either end (突破, 近…) makes the share a bound, in the direction it pushes.
    """
    from zgc_cli import stats
    from zgc_cli.present.formats import emit

    env = _env(ctx, lang)
    emit(stats.share(_dataset(env, data), metric_id, of), env, fmt)


@app.command()
def timeline(
    ctx: typer.Context,
    entity: Annotated[
        str | None,
        typer.Option(
            "--entity",
            "-e",
            help="Only this entity's milestones (and its parts': zgc includes its forum).",
            autocompletion=complete_entities,
            show_default=False,
        ),
    ] = None,
    year_from: Annotated[
        int | None, typer.Option("--from", help="From this year on.", show_default=False)
    ] = None,
    year_to: Annotated[
        int | None, typer.Option("--to", help="Up to this year.", show_default=False)
    ] = None,
    data: DataOption = None,
    fmt: FormatOption = None,
    lang: LangOption = None,
) -> None:
    """The article's dated milestones, in date order, each with its passage.

    Dates keep the precision the article gives (1988, 2015-04, 2023-08-30).
    """
    from zgc_cli import stats
    from zgc_cli.present.formats import emit

    env = _env(ctx, lang)
    emit(stats.timeline(_dataset(env, data), entity, year_from, year_to), env, fmt)


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
    limit: LimitOption = DEFAULT_LIMIT,
) -> None:
    """Check every figure against the article's wording, and every claim against the figures.

    For each reported row, the figure in its quote (3.6万亿, 784.7亿, 突破14万, 51%...)
    must equal the value and its wording the qualifier; each derived row is
    recomputed from its note; each claim (增长近一倍, 是2013年的1.5倍...) is
    evaluated. Rows without a quote are reported as unsourced, not failures.
    Exits 1 if any check fails.
    """
    from zgc_cli import check
    from zgc_cli.model.textio import read_text
    from zgc_cli.present.formats import emit

    env = _env(ctx, lang, limit)
    dataset = _dataset(env, data)
    article_text = read_text(str(article), phrase("what.article"))[1] if article else None
    report = check.run(dataset, article_text)
    emit(report, env, fmt)
    counts = {name: report.counts.get(name, 0) for name in check.RESULT_NAMES}
    sys.stderr.write(
        message(
            "note.verify_summary",
            env.language,
            total=len(report.frame),
            passed=counts["pass"],
            definitional=counts["definitional"],
            failed=counts["fail"],
            unsourced=counts["unsourced"],
        )
    )
    if report.failed:
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
        int,
        typer.Option("--height", min=10, max=200, help="Rows of the terminal chart."),
    ] = 24,
    entity: EntityFilter = None,
    data: DataOption = None,
    lang: LangOption = None,
) -> None:
    """Chart series over the years: in the terminal, or as an image with `--output`.

    Each metric gets its own panel (or, with `--indexed`, one panel where every
    series starts at 100). Estimates, derived figures and bounds are marked as
    in the tables.
    """
    from zgc_cli import stats
    from zgc_cli.present.charts import ChartError, draw_terminal, write_image

    env = _env(ctx, lang)
    dataset = _dataset(env, data)
    result = stats.series(dataset, ids, entity)
    try:
        if output is None:
            chart = draw_terminal(result, env.language, env.width, height, indexed, env.color)
            env.stdout.write(chart)
            return
        publication = dataset.publication
        warnings = write_image(result, env.language, output, indexed, publication)
    except ChartError as error:
        raise ZgcError(str(error)) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise ZgcError(phrase("run.cannot_write_file", path=str(output), reason=reason)) from None
    for warning in warnings:
        env.warn(warning)
    env.stderr.write(message("stderr.wrote", env.language, path=output))
