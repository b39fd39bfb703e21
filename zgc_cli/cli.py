"""The ``zgc`` command line: Typer only.

Each command parses its options, then Dataset → stats (or check) → emit(result, env).
Only the standard library, Typer and zgc's light modules are imported at the
top: ``--help``, ``--version`` and shell completion never pay for pandas.
Heavy modules are imported inside the commands that need them.

No ``from __future__ import annotations`` here: Typer reads every command's
annotations on every run, and evaluating them as strings cost ~6 ms a run.
"""

import os
import re
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, cast

import typer
from typer.core import TyperCommand, TyperGroup

from zgc_cli import __version__
from zgc_cli.completion import (
    complete_categories,
    complete_entities,
    complete_metrics,
    complete_statuses,
    complete_years,
    refuse_unknown_metrics,
)
from zgc_cli.env import DEBUG_ENV_VAR, Environment, fail, silence_stdout
from zgc_cli.errors import ExitCode, ZgcError
from zgc_cli.present.choices import CitationStyle, OutputFormat
from zgc_cli.present.guide import epilog, welcome
from zgc_cli.words import Language, message, phrase

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
                _refuse_negative_number(error, ctx)
                _refuse_unknown_language(error, ctx)
                raise
            internal = phrase(
                "run.internal", kind=type(error).__name__, error=str(error), variable=DEBUG_ENV_VAR
            )
            fail(internal, lang=_language(ctx))


# The panels of every command's help, in this order after the command's own options: what
# to show, how, from which data; what few need (a sheet, overlapping sources, a BOM) last.
SELECTION = "Selection"
OUTPUT = "Output"
DATA = "Data sources"
ADVANCED = "Advanced"
PANEL_ORDER: tuple[str, ...] = (SELECTION, OUTPUT, DATA, ADVANCED)


class ZgcCommand(TyperCommand):
    """A command whose help shows its option panels in :data:`PANEL_ORDER`, whatever the
    order of the function's parameters (Typer shows them in the order first met)."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        declared = self.params
        rank = {name: place for place, name in enumerate(PANEL_ORDER)}
        self.params = sorted(
            declared, key=lambda param: rank.get(str(getattr(param, "rich_help_panel", "")), -1)
        )
        try:
            super().format_help(ctx, formatter)
        finally:
            self.params = declared


def _refuse_negative_number(error: Exception, ctx: Any) -> None:
    """``zgc compare -5 2023``: click takes ``-5`` for an option; say what it is instead."""
    option = str(getattr(error, "option_name", ""))
    if type(error).__name__ == "NoSuchOption" and re.fullmatch(r"-[0-9][0-9.]*", option):
        said = phrase("usage.negative_number", number=option)
        fail(said, ExitCode.USAGE, _language(ctx))


def _refuse_unknown_language(error: Exception, ctx: Any) -> None:
    """``--lang fr``: one line naming the languages there are, not a usage box."""
    if getattr(getattr(error, "param", None), "name", None) == "lang":
        wanted = re.search(r"'([^']*)' is not one of", str(getattr(error, "message", "")))
        said = phrase(
            "usage.unknown_language",
            wanted=wanted.group(1) if wanted else "",
            available=", ".join(Language),
        )
        fail(said, ExitCode.USAGE, _language(ctx))


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
    invoke_without_command=True,
    epilog=epilog(),
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
    if ctx.invoked_subcommand is None and not ctx.resilient_parsing:
        # Bare `zgc`: what the data is and where to start, not a usage error.
        typer.echo(welcome(ctx.obj.language), nl=False)
        raise typer.Exit()


# --- options shared by the data commands, declared once -----------------------------

# ZGC_DATA is read by model.sources, not by Typer: it lists paths separated by
# os.pathsep, where Typer would split a list option's variable at spaces.
DataOption = Annotated[
    list[str] | None,
    typer.Option(
        "--data",
        rich_help_panel=DATA,
        help="Observations (metric, year, value): csv, tsv, json, jsonl, xlsx; `-` is stdin, "
        "`shipped` the shipped data. Repeat to combine. Default: $ZGC_DATA, else shipped.",
        show_default=False,
    ),
]
SheetOption = Annotated[
    str | None,
    typer.Option(
        "--sheet",
        rich_help_panel=ADVANCED,
        help="The .xlsx sheet to read (default: the first).",
        show_default=False,
    ),
]
PreferOption = Annotated[
    list[str] | None,
    typer.Option(
        "--prefer",
        rich_help_panel=ADVANCED,
        help="The source whose figure counts where sources overlap (repeatable). "
        "Default: the latest publication (--as-of); an overlap of one date is an error.",
        show_default=False,
    ),
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="DATE",
        rich_help_panel=DATA,
        help="Each figure as published on or before DATE (YYYY, YYYY-MM, YYYY-MM-DD): "
        "its latest vintage then. Default: the latest publication.",
        show_default=False,
    ),
]
FormatOption = Annotated[
    OutputFormat | None,
    typer.Option(
        "--format",
        "-f",
        rich_help_panel=OUTPUT,
        help="Output format. Default: from --output's extension, else table on a terminal "
        "and csv in a pipe.",
        show_default=False,
    ),
]
OutputOption = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        rich_help_panel=OUTPUT,
        help="Write to FILE, in the format of its extension: .csv .tsv .json .jsonl .md "
        ".xlsx (`zgc[excel]`). Written whole; replaces FILE, never an input.",
        show_default=False,
    ),
]
BomOption = Annotated[
    bool,
    typer.Option(
        "--bom",
        rich_help_panel=ADVANCED,
        help="CSV/TSV for Excel: UTF-8 with a BOM, CRLF line ends.",
    ),
]
LangOption = Annotated[
    Language | None,
    typer.Option(
        "--lang",
        rich_help_panel=OUTPUT,
        help="Language of tables and names (machine formats don't change). "
        "Default: from LANGUAGE/LC_ALL/LC_MESSAGES/LANG.",
        show_default=False,
    ),
]
MetricFilter = Annotated[
    list[str] | None,
    typer.Option(
        "--metric",
        "-m",
        rich_help_panel=SELECTION,
        help="Only this metric: its id or name (repeatable).",
        autocompletion=complete_metrics,
    ),
]
EntityFilter = Annotated[
    list[str] | None,
    typer.Option(
        "--entity",
        "-e",
        rich_help_panel=SELECTION,
        help="Only this entity: its id, name or alias (repeatable).",
        autocompletion=complete_entities,
    ),
]
CategoryFilter = Annotated[
    list[str] | None,
    typer.Option(
        "--category",
        "-c",
        rich_help_panel=SELECTION,
        help="Only metrics of this category (repeatable).",
        autocompletion=complete_categories,
    ),
]
StatusFilter = Annotated[
    list[str] | None,
    typer.Option(
        "--status",
        rich_help_panel=SELECTION,
        help="Only figures of this status: reported, estimate, target, derived (repeatable).",
        autocompletion=complete_statuses,
    ),
]
YearFromFilter = Annotated[
    int | None,
    typer.Option(
        "--from",
        rich_help_panel=SELECTION,
        help="From this year on.",
        autocompletion=complete_years,
        show_default=False,
    ),
]
YearToFilter = Annotated[
    int | None,
    typer.Option(
        "--to",
        rich_help_panel=SELECTION,
        help="Up to this year.",
        autocompletion=complete_years,
        show_default=False,
    ),
]

LimitOption = Annotated[
    int,
    typer.Option(
        "--limit",
        min=0,
        rich_help_panel=OUTPUT,
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


def _env(
    ctx: typer.Context,
    lang: Language | None = None,
    limit: int | None = None,
    *,
    output: str | None = None,
    fmt: OutputFormat | None = None,
    bom: bool = False,
    data: list[str] | None = None,
    inputs: tuple[tuple[str, str], ...] = (),
) -> Environment:
    env: Environment = ctx.obj
    env.language_option = lang
    env.limit = limit or None
    env.direct_output(output, fmt, bom, data, inputs)
    return env


def _dataset(
    env: Environment,
    data: list[str] | None,
    sheet: str | None = None,
    prefer: list[str] | None = None,
    as_of: str | None = None,
) -> "Dataset":
    from zgc_cli.model.dataset import Dataset

    return env.load(Dataset.open(data, prefer=prefer, sheet=sheet, as_of=as_of))


def _dataset_of_ids(
    env: Environment,
    data: list[str] | None,
    sheet: str | None,
    prefer: list[str] | None,
    as_of: str | None,
    metrics: list[str],
    entities: list[str] | None,
    others_valid: bool,
) -> "Dataset":
    """The data of a command that shows some metrics, read no further than it must.

    A metric that is no id (and no name) of the data is refused from the ids the
    completion cache holds, before any read, where the full read would refuse it
    first (``others_valid``: no --from/--to or --status error comes before it).
    Otherwise only the lines of the wanted ids are parsed where that gives the
    full read's answer (see ``Dataset.narrowed``), else the whole file is.
    """
    from zgc_cli.model.sources import resolve_data_sources

    if as_of is None and not prefer and others_valid:
        sources = resolve_data_sources(data, sheet=sheet)  # what Dataset.open refuses first
        if len(sources) == 1 and not sources[0].is_stdin:
            refuse_unknown_metrics([sources[0].path], metrics)
    from zgc_cli.model.dataset import Dataset
    from zgc_cli.model.narrow import Wanted

    dataset = Dataset.open(data, prefer=prefer, sheet=sheet, as_of=as_of)
    narrowed = dataset.narrowed(Wanted(frozenset(metrics), frozenset(entities or ())), env.load)
    return env.load(dataset) if narrowed is None else narrowed


# --- commands -----------------------------------------------------------------------


@app.command(cls=ZgcCommand, epilog=epilog("metrics"))
def metrics(
    ctx: typer.Context,
    ids: Annotated[
        list[str] | None,
        typer.Argument(
            help="Metrics (ids or names) to show as series. Without any: the catalog of all.",
            autocompletion=complete_metrics,
            show_default=False,
        ),
    ] = None,
    entity: EntityFilter = None,
    category: CategoryFilter = None,
    status: StatusFilter = None,
    year_from: YearFromFilter = None,
    year_to: YearToFilter = None,
    data: DataOption = None,
    sheet: SheetOption = None,
    prefer: PreferOption = None,
    as_of: AsOfOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    bom: BomOption = False,
    lang: LangOption = None,
    limit: LimitOption = DEFAULT_LIMIT,
) -> None:
    """List the indicators, or show series with their growth rates.

    `zgc metrics` lists every (metric, entity) with its years and latest value;
    `zgc metrics revenue employees` shows each series with the change, percent
    change and compound annual growth since the previous observation
    (annualised over the actual gap in years), and the overall first → last.
    `--status reported` computes each change from the previous reported figure;
    `--from`/`--to` show a window of the series, each row still with its change
    since its previous observation (`previous_year`).
    """
    env = _env(ctx, lang, limit, output=output, fmt=fmt, bom=bom, data=data)
    if ids:
        from zgc_cli.model.schema import STATUSES

        others_valid = all(name in STATUSES for name in status or ()) and (
            year_from is None or year_to is None or year_from <= year_to
        )
        dataset = _dataset_of_ids(env, data, sheet, prefer, as_of, ids, entity, others_valid)
    else:
        dataset = _dataset(env, data, sheet, prefer, as_of)
    from zgc_cli import stats  # after the data: an id refused early imports no pandas
    from zgc_cli.present.formats import emit

    filters: dict[str, Any] = {
        "categories": category,
        "statuses": status,
        "year_from": year_from,
        "year_to": year_to,
    }
    result = (
        stats.series(dataset, ids, entity, **filters)
        if ids
        else stats.catalog_of(dataset, entities=entity, **filters)
    )
    emit(result, env, fmt)
    if not ids and not result.frame.empty:
        env.next_step(message("next.catalog", env.language), fmt)


@app.command(cls=ZgcCommand, epilog=epilog("compare"))
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
    status: StatusFilter = None,
    data: DataOption = None,
    sheet: SheetOption = None,
    prefer: PreferOption = None,
    as_of: AsOfOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    bom: BomOption = False,
    lang: LangOption = None,
    limit: LimitOption = DEFAULT_LIMIT,
) -> None:
    """Compare every indicator between two years.

    For each (metric, entity) with values in both years: the two values,
    change, percent change, ratio and compound annual growth. Series that have
    only one of the two years are named under the table (in a pipe, a note on
    stderr counts them). With `--tolerance 1`, a series without 2014 takes 2013
    (else 2015): the years used are in year_from and year_to, and growth is
    annualised over them. With `--status reported`, a series whose end is an
    estimate or a derived figure is not compared (with a tolerance, its nearest
    reported figure is taken).
    """
    from zgc_cli import stats
    from zgc_cli.present.formats import emit

    env = _env(ctx, lang, limit, output=output, fmt=fmt, bom=bom, data=data)
    result = stats.comparison(
        _dataset(env, data, sheet, prefer, as_of),
        year_from,
        year_to,
        metrics=metric,
        entities=entity,
        categories=category,
        statuses=status,
        sort=sort.value,
        reverse=reverse,
        tolerance=tolerance,
    )
    emit(result, env, fmt)


@app.command(cls=ZgcCommand, epilog=epilog("export"))
def export(
    ctx: typer.Context,
    metric: MetricFilter = None,
    entity: EntityFilter = None,
    category: CategoryFilter = None,
    status: StatusFilter = None,
    year_from: YearFromFilter = None,
    year_to: YearToFilter = None,
    data: DataOption = None,
    sheet: SheetOption = None,
    prefer: PreferOption = None,
    as_of: AsOfOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    bom: BomOption = False,
    lang: LangOption = None,
    limit: LimitOption = DEFAULT_LIMIT,
    package: Annotated[
        Path | None,
        typer.Option(
            "--package",
            metavar="DIR",
            help="Write the selection as a Frictionless Data Package in DIR: metrics.csv and "
            "datapackage.json (schema, sources, licences, SHA-256). Never over an input.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Write the observations themselves: every column of the data file, exactly.

    `zgc export | zgc export --data -` gives back the same bytes (`--lang` is for
    the table's headers and for messages; the bytes never change with it); `zgc
    export -o zgc.xlsx` writes a workbook, `zgc export --bom > zgc.csv` a CSV for Excel;
    `zgc export -m revenue --package revenue/` a data package of the selection.
    """
    from zgc_cli import stats
    from zgc_cli.present.formats import emit

    if package is not None and (output is not None or fmt is not None or bom):
        raise ZgcError(phrase("package.with_output"), ExitCode.USAGE)
    env = _env(ctx, lang, limit, output=output, fmt=fmt, bom=bom, data=data)
    if package is not None:
        from zgc_cli.present.package import package_paths

        for path in package_paths(package):
            env.claim_file(path, data)
    dataset = _dataset(env, data, sheet, prefer, as_of)
    result = stats.observations(
        dataset,
        metric,
        entity,
        category,
        statuses=status,
        year_from=year_from,
        year_to=year_to,
    )
    if package is None:
        emit(result, env, fmt)
        return
    from zgc_cli.present.package import write_package

    for path in write_package(result.frame, dataset, package):
        env.wrote(str(path))


@app.command(cls=ZgcCommand, epilog=epilog("search"))
def search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="Words to look for: an id, English or Chinese.")],
    data: DataOption = None,
    sheet: SheetOption = None,
    prefer: PreferOption = None,
    as_of: AsOfOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    bom: BomOption = False,
    lang: LangOption = None,
    limit: LimitOption = DEFAULT_LIMIT,
) -> None:
    """Find indicators by id, English or Chinese name and description, best first.

    `zgc search 专利` finds the patent indicators; `zgc search listed` finds listed_firms.
    """
    from zgc_cli import stats
    from zgc_cli.present.formats import emit

    env = _env(ctx, lang, limit, output=output, fmt=fmt, bom=bom, data=data)
    emit(stats.search(_dataset(env, data, sheet, prefer, as_of), text), env, fmt)


@app.command(cls=ZgcCommand, epilog=epilog("source"))
def source(
    ctx: typer.Context,
    metric_id: Annotated[
        str,
        typer.Argument(
            metavar="ID", help="The metric: its id or name.", autocompletion=complete_metrics
        ),
    ],
    year: Annotated[
        int | None,
        typer.Argument(help="Only this year.", autocompletion=complete_years, show_default=False),
    ] = None,
    entity: EntityFilter = None,
    status: StatusFilter = None,
    year_from: YearFromFilter = None,
    year_to: YearToFilter = None,
    data: DataOption = None,
    sheet: SheetOption = None,
    prefer: PreferOption = None,
    as_of: AsOfOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    bom: BomOption = False,
    lang: LangOption = None,
) -> None:
    """Show the verbatim passages behind an indicator's figures, and the publication.

    Each figure comes with its year, value, status (reported, estimate, target, derived)
    and qualifier (exact or a bound), and the sentence of the article it is from.
    """
    from zgc_cli import stats
    from zgc_cli.present.formats import emit

    env = _env(ctx, lang, output=output, fmt=fmt, bom=bom, data=data)
    result = stats.sources(
        _dataset(env, data, sheet, prefer, as_of),
        metric_id,
        year,
        entities=entity,
        statuses=status,
        year_from=year_from,
        year_to=year_to,
    )
    emit(result, env, fmt)


@app.command(cls=ZgcCommand, epilog=epilog("cite"))
def cite(
    ctx: typer.Context,
    selection: Annotated[
        list[str],
        typer.Argument(
            metavar="METRIC [YEAR]...",
            help="The figures: a metric (id or name), then the years of it (none: every year); "
            "several metrics each with their years (`revenue 2014 revenue 2023`).",
            autocompletion=complete_metrics,
            show_default=False,
        ),
    ],
    entity: EntityFilter = None,
    style: Annotated[
        CitationStyle | None,
        typer.Option(
            "--style",
            "-s",
            help="Citation style. Default: gbt7714 (GB/T 7714-2015) under --lang zh, "
            "apa (APA 7) in English.",
            show_default=False,
        ),
    ] = None,
    per_figure: Annotated[
        bool,
        typer.Option(
            "--per-figure",
            help="One entry per figure, keyed by the figure (revenue:zgc:2023), "
            "instead of one per work.",
        ),
    ] = False,
    data: DataOption = None,
    sheet: SheetOption = None,
    prefer: PreferOption = None,
    as_of: AsOfOption = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the citations to FILE (UTF-8). Written whole; replaces FILE, "
            "never an input.",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Cite figures: one reference per work they come from, each figure cited from it.

    `zgc cite revenue 2014 revenue 2023` gives one reference for the publication
    both figures come from (authors, title, periodical, date, as the data package
    names it) and one citation per figure: the figure as the citation's locator
    (CSL `locator`/`label`, pandoc `[@KEY, {figure revenue:zgc:2023}]`) and a note
    with the figure, its status and qualifier, the verbatim passage, the data's
    version and the SHA-256 of the data file. `--per-figure`: one entry per
    figure. Styles: GB/T 7714-2015, APA 7, BibTeX, RIS, CSL-JSON.
    """
    from zgc_cli.present.citations import default_style, format_citations
    from zgc_cli.stats.citations import cite_each

    env = _env(ctx, lang)
    selections = _cite_selections(selection)
    to_file = output is not None and str(output) != "-"
    if to_file:
        env.claim_file(cast(Path, output), data)
    dataset = _dataset(env, data, sheet, prefer, as_of)
    result = cite_each(dataset, selections, entity)
    chosen = style or default_style(env.language)
    text = format_citations(result.figures, chosen, env.language, per_figure=per_figure)
    if not to_file:
        env.stdout.write(text)
        return
    from zgc_cli.present.files import atomic_output

    with atomic_output(cast(Path, output)) as stream:
        stream.write(text)
    env.wrote(str(output))


def _cite_selections(words: list[str]) -> list[tuple[str, int | None]]:
    """``revenue 2014 revenue 2023`` as (metric, year) pairs; a metric alone is every year.

    A word of digits is a year of the metric before it; any other word a metric.
    """
    selections: list[tuple[str, int | None]] = []
    for word in words:
        if not (word.isascii() and word.isdigit()):
            selections.append((word, None))
        elif not selections:
            raise ZgcError(phrase("cite.year_first", year=word))
        elif selections[-1][1] is None:
            selections[-1] = (selections[-1][0], int(word))
        else:
            selections.append((selections[-1][0], int(word)))
    return selections


@app.command(cls=ZgcCommand, epilog=epilog("share"))
def share(
    ctx: typer.Context,
    metric_id: Annotated[
        str,
        typer.Argument(
            metavar="METRIC", help="The metric: its id or name.", autocompletion=complete_metrics
        ),
    ],
    of: Annotated[
        str | None,
        typer.Option(
            "--of",
            help="The whole: this entity, by id or name (default: each entity's nearest "
            "ancestor with a figure).",
            autocompletion=complete_entities,
            show_default=False,
        ),
    ] = None,
    entity: EntityFilter = None,
    status: StatusFilter = None,
    year_from: YearFromFilter = None,
    year_to: YearToFilter = None,
    data: DataOption = None,
    sheet: SheetOption = None,
    prefer: PreferOption = None,
    as_of: AsOfOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    bom: BomOption = False,
    lang: LangOption = None,
) -> None:
    """Each entity's value as a percent of a whole it is part of, in the same year.

    `zgc share registered_large_models` gives Zhongguancun's 47 of China's 107
    large models: 43.9%. What is part of what comes from `entities.csv`; a bound
    at either end (突破, 近…) makes the share a bound, in the direction it pushes.
    """
    from zgc_cli import stats
    from zgc_cli.present.formats import emit

    env = _env(ctx, lang, output=output, fmt=fmt, bom=bom, data=data)
    result = stats.share(
        _dataset(env, data, sheet, prefer, as_of),
        metric_id,
        of,
        entities=entity,
        statuses=status,
        year_from=year_from,
        year_to=year_to,
    )
    emit(result, env, fmt)


@app.command(cls=ZgcCommand, epilog=epilog("timeline"))
def timeline(
    ctx: typer.Context,
    entity: Annotated[
        list[str] | None,
        typer.Option(
            "--entity",
            "-e",
            rich_help_panel=SELECTION,
            help="Only this entity's milestones (and its parts': zgc includes its forum); "
            "repeatable.",
            autocompletion=complete_entities,
            show_default=False,
        ),
    ] = None,
    year_from: YearFromFilter = None,
    year_to: YearToFilter = None,
    data: DataOption = None,
    sheet: SheetOption = None,
    prefer: PreferOption = None,
    as_of: AsOfOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    bom: BomOption = False,
    lang: LangOption = None,
    limit: LimitOption = DEFAULT_LIMIT,
) -> None:
    """The article's dated milestones, in date order, each with its passage.

    Dates keep the precision the article gives (1988, 2015-04, 2023-08-30).
    """
    from zgc_cli import stats
    from zgc_cli.present.formats import emit

    env = _env(ctx, lang, limit, output=output, fmt=fmt, bom=bom, data=data)
    emit(
        stats.timeline(_dataset(env, data, sheet, prefer, as_of), entity, year_from, year_to),
        env,
        fmt,
    )


@app.command(cls=ZgcCommand, epilog=epilog("diff"))
def diff(
    ctx: typer.Context,
    old: Annotated[
        str | None,
        typer.Argument(help="The old figures: a data file, or `shipped`.", show_default=False),
    ] = None,
    new: Annotated[
        str | None,
        typer.Argument(help="The new figures: a data file, or `shipped`.", show_default=False),
    ] = None,
    as_of: Annotated[
        list[str] | None,
        typer.Option(
            "--as-of",
            metavar="DATE",
            help="Twice, without OLD and NEW: the data as published on or before each DATE.",
            show_default=False,
        ),
    ] = None,
    partial: Annotated[
        bool,
        typer.Option(
            "--partial",
            help="NEW updates some figures only: a figure it lacks is not reported removed.",
        ),
    ] = False,
    data: DataOption = None,
    sheet: SheetOption = None,
    prefer: PreferOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    bom: BomOption = False,
    lang: LangOption = None,
    limit: LimitOption = DEFAULT_LIMIT,
) -> None:
    """What changed between two sets of figures, each change sorted into one kind.

    `zgc diff OLD NEW` compares two files; `zgc diff --as-of 2024-05 --as-of 2024-12`
    the data as published by each date. Kinds: revised (with the relative change and
    whether the two intervals overlap), re-rounded, inconsistent rounding, superseded
    estimate, qualifier changed, re-dated, scope differs, added, removed. Exits 1 when
    a change is unexplained (a revision, an inconsistent rounding or a removal without
    a note in the data).
    """
    from zgc_cli.model.dataset import Dataset
    from zgc_cli.present.formats import emit
    from zgc_cli.stats.diff import diff_of

    dates = as_of or []
    files = [one for one in (old, new) if one is not None]
    inputs = data if not files else files
    env = _env(ctx, lang, limit, output=output, fmt=fmt, bom=bom, data=inputs)
    if not ((len(files) == 2 and not dates) or (not files and len(dates) == 2)):
        raise ZgcError(phrase("diff.need_two"))
    if files:
        old_set = env.load(Dataset.open([files[0]], sheet=sheet))
        new_set = env.load(Dataset.open([files[1]], sheet=sheet))
        labels = (files[0], files[1])
    else:
        old_set = _dataset(env, data, sheet, prefer, dates[0])
        new_set = _dataset(env, data, sheet, prefer, dates[1])
        labels = (f"--as-of {dates[0]}", f"--as-of {dates[1]}")
    result = diff_of(old_set, new_set, partial=partial, old_label=labels[0], new_label=labels[1])
    emit(result, env, fmt)
    if (env.output.fmt or fmt or env.default_format) is not OutputFormat.table:
        from zgc_cli.present.views.diff import summary_line

        sys.stderr.write(summary_line(result, env.language) + "\n")
    if result.unexplained:
        raise typer.Exit(int(ExitCode.ERROR))


@app.command(cls=ZgcCommand, epilog=epilog("verify"))
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
    sheet: SheetOption = None,
    prefer: PreferOption = None,
    as_of: AsOfOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    bom: BomOption = False,
    lang: LangOption = None,
    limit: LimitOption = DEFAULT_LIMIT,
    metric: MetricFilter = None,
    failures: Annotated[
        bool,
        typer.Option(
            "--failures",
            help="Only the checks that failed or could not be made (counts stay whole).",
        ),
    ] = False,
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

    article_input = ((str(article), phrase("input.article", path=str(article))),) if article else ()
    env = _env(ctx, lang, limit, output=output, fmt=fmt, bom=bom, data=data, inputs=article_input)
    dataset = _dataset(env, data, sheet, prefer, as_of)
    article_text = read_text(str(article), phrase("what.article"))[1] if article else None
    from zgc_cli.check.cited import run_each_source

    if metric:
        from zgc_cli.stats.select import select

        select(dataset.frame, metrics=metric)  # an unknown metric is an error
    report = check.narrowed(
        run_each_source(dataset, article_text), failures_only=failures, metrics=metric or ()
    )
    emit(report, env, fmt)
    counts = {name: report.counts.get(name, 0) for name in check.RESULT_NAMES}
    sys.stderr.write(
        message(
            "note.verify_summary",
            env.language,
            total=sum(counts.values()),  # every check made, shown or not (--failures)
            passed=counts["pass"],
            definitional=counts["definitional"],
            failed=counts["fail"],
            unsourced=counts["unsourced"],
        )
    )
    if report.failed:
        raise typer.Exit(int(ExitCode.ERROR))


@app.command(cls=ZgcCommand, epilog=epilog("extract"))
def extract(
    ctx: typer.Context,
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE",
            help="A text (UTF-8 or GB18030), an HTML page saved from a browser, or `-` (stdin).",
        ),
    ],
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            help="The text's date (YYYY, YYYY-MM or YYYY-MM-DD): the year of undated figures.",
            show_default=False,
        ),
    ] = None,
    entity: Annotated[
        str | None,
        typer.Option(
            "--entity",
            "-e",
            help="The place of figures whose passage names none.",
            autocompletion=complete_entities,
            show_default=False,
        ),
    ] = None,
    entities: Annotated[
        list[str] | None,
        typer.Option(
            "--entities",
            help="More places: a CSV with entity and aliases_zh (as entities.csv); repeatable.",
            show_default=False,
        ),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option(
            "--title", help="The article's title, for the draft's package.", show_default=False
        ),
    ] = None,
    url: Annotated[
        str | None,
        typer.Option(
            "--url", help="Where the article is, for the draft's package.", show_default=False
        ),
    ] = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    bom: BomOption = False,
    lang: LangOption = None,
    limit: LimitOption = DEFAULT_LIMIT,
) -> None:
    """Find every figure of an article: draft observations, in the data's columns, to review.

    One row per figure: value (scaled: 3.6万亿元 → 3600000000000), unit, qualifier
    (超过, 近, 约, 不到…), status (预计/有望: estimate; 目标/力争/计划到: target), year
    (its clause, sentence, paragraph, else `--published`; how in year_basis and note),
    place (entities.csv and `--entities`, else `--entity`), a draft metric id and name,
    the shortest verbatim quote and the figure as written. On a terminal: each paragraph
    with its figures marked; in a pipe: CSV. `-o draft.csv` also writes datapackage.json,
    indicators.csv, entities.csv and (for growth sentences such as 比2022年增长14.9%)
    claims.csv beside it, so that `zgc verify --data draft.csv --article FILE` and
    `zgc cite` work on the draft.
    """
    from zgc_cli.extract.draft import may_replace_sidecars, run, sidecars
    from zgc_cli.present.formats import emit

    article_input = ((file, phrase("what.extract_input")),) if file != "-" else ()
    env = _env(ctx, lang, limit, output=output, fmt=fmt, bom=bom, inputs=article_input)
    target = env.output.path
    result = run(
        file,
        entities or [],
        published=published or "",
        entity=entity or "",
        title=title or "",
        url=url or "",
        output_name=target.name if target else "",
    )
    if not published:
        env.note(
            message("extract.no_published", env.language, year=max(result.frame["year"], default=0))
        )
    if (env.output.fmt or fmt or env.default_format) is OutputFormat.table:
        from zgc_cli.present.views.extract import extract_view

        env.print_renderables(extract_view(result, env.language, env.width, env.limit))
        return
    emit(result, env, fmt)
    if target is not None and may_replace_sidecars(str(target.parent)):
        from zgc_cli.present.files import atomic_output

        for name, text in sidecars(result).items():
            with atomic_output(target.parent / name) as stream:
                stream.write(text)


@app.command(cls=ZgcCommand, epilog=epilog("schema"))
def schema(
    ctx: typer.Context,
    name: Annotated[
        str | None,
        typer.Argument(
            metavar="NAME",
            help="The output: export, series, catalog, compare, search, source, share, "
            "timeline, verify, diff, extract, cite. Without NAME: the names.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Print the JSON Schema (draft 2020-12) of a command's JSON output.

    `zgc schema compare` describes what `zgc compare --format json` writes: an array
    of rows (a `--format jsonl` line is one row). `series` is `zgc metrics ID...`,
    `catalog` is `zgc metrics` without ids; `cite` is `zgc cite --style csl-json`.
    """
    from zgc_cli.present.schemas import schema_names, schema_text

    env: Environment = ctx.obj
    names = schema_names()
    if name is None:
        env.stdout.write("".join(f"{one}\n" for one in names))
        return
    try:
        env.stdout.write(schema_text(name))
    except KeyError:
        raise ZgcError(phrase("schema.unknown", name=name, names=", ".join(names))) from None


@app.command(cls=ZgcCommand, epilog=epilog("plot"))
def plot(
    ctx: typer.Context,
    ids: Annotated[
        list[str],
        typer.Argument(help="Metrics to chart: ids or names.", autocompletion=complete_metrics),
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
        typer.Option(
            "--indexed",
            help="One panel, every series indexed to one common base year = 100 "
            "(default: the earliest year every series has).",
        ),
    ] = False,
    base: Annotated[
        int | None,
        typer.Option(
            "--base",
            help="The base year of --indexed (implies --indexed).",
            show_default=False,
            autocompletion=complete_years,
        ),
    ] = None,
    tolerance: Annotated[
        int,
        typer.Option(
            "--tolerance",
            min=0,
            max=10,
            help="With --indexed: a series without the base year takes its nearest year "
            "within this many years (the exact year first, then earlier, then later).",
        ),
    ] = 0,
    height: Annotated[
        int,
        typer.Option("--height", min=10, max=200, help="Rows of the terminal chart."),
    ] = 24,
    entity: EntityFilter = None,
    status: StatusFilter = None,
    year_from: YearFromFilter = None,
    year_to: YearToFilter = None,
    data: DataOption = None,
    sheet: SheetOption = None,
    prefer: PreferOption = None,
    as_of: AsOfOption = None,
    lang: LangOption = None,
) -> None:
    """Chart the series: in the terminal, or as an image with `--output`.

    A metric with one figure per entity (most are of one year) is drawn as bars
    by entity, from zero; other metrics as lines over the years, a panel each.
    With `--indexed`, one panel where every series is 100 in one base year
    (`--base 2014 --tolerance 1`). Estimates, derived figures and bounds are
    marked as in the tables.
    """
    from zgc_cli import stats
    from zgc_cli.present.charts import ChartError, draw_terminal, index_error_text, write_image
    from zgc_cli.present.files import atomic_path

    env = _env(ctx, lang)
    if output is not None:
        env.claim_file(output, data)
    dataset = _dataset(env, data, sheet, prefer, as_of)
    result = stats.series(
        dataset, ids, entity, statuses=status, year_from=year_from, year_to=year_to
    )
    if result.frame.empty:
        # Before any index is sought: the filters left nothing, and that is what to say.
        raise ZgcError(phrase("chart.nothing"))
    indexing = None
    if indexed or base is not None:
        from zgc_cli.stats.indexing import IndexingError, index_series

        try:
            indexing = index_series(result.frame, base, tolerance)
        except IndexingError as error:
            raise ZgcError(index_error_text(error, result, env.language)) from None
    try:
        if output is None:
            chart = draw_terminal(result, env.language, env.width, height, indexing, env.color)
            env.stdout.write(chart)
            return
        # Every publication whose figures the chart may draw (a later vintage's too).
        publication = dataset.publications_of(list(result.frame["metric"].unique()))
        # Drawn under the same name beside it, then moved in place: whole, or not at all.
        with atomic_path(output) as drawing:
            warnings = write_image(result, env.language, drawing, indexing, publication)
    except ChartError as error:
        raise ZgcError(error.message) from None
    for warning in warnings:
        env.warn(warning)
    env.wrote(str(output))


@app.command(cls=ZgcCommand, epilog=epilog("report"))
def report(
    ctx: typer.Context,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="The file to write: .html (one offline page, both languages) or .md "
            "(Markdown, in --lang). Needs `pip install 'zgc[report]'`.",
            dir_okay=False,
            show_default=False,
        ),
    ],
    metric: MetricFilter = None,
    entity: EntityFilter = None,
    category: CategoryFilter = None,
    year_from: YearFromFilter = None,
    year_to: YearToFilter = None,
    data: DataOption = None,
    sheet: SheetOption = None,
    prefer: PreferOption = None,
    as_of: AsOfOption = None,
    lang: LangOption = None,
) -> None:
    """Write a fact sheet: the catalog, series with growth, comparisons, shares, timeline.

    `zgc report -o report.html` writes one self-contained page that opens offline
    (no request leaves it): English and Chinese with a switch, charts drawn as
    `zgc plot` draws them (with the `plot` extra), and every number marked as the
    tables mark it and leading, on hover or tap, to the sentence it comes from.
    `-o report.md` writes Markdown with the passages as footnotes.
    """
    from zgc_cli.present.files import atomic_output
    from zgc_cli.present.report import render_report, report_format
    from zgc_cli.stats.report import report as report_results

    env = _env(ctx, lang)
    fmt = report_format(output.suffix)
    env.claim_file(output, data)
    result = report_results(
        _dataset(env, data, sheet, prefer, as_of),
        metrics=metric,
        entities=entity,
        categories=category,
        year_from=year_from,
        year_to=year_to,
    )
    text, warnings = render_report(result, fmt, env.language, __version__)
    with atomic_output(output) as stream:
        stream.write(text)
    for warning in warnings:
        env.warn(warning)
    env.wrote(str(output))


@app.command(cls=ZgcCommand, epilog=epilog("mcp"))
def mcp(
    ctx: typer.Context,
    data: DataOption = None,
    prefer: PreferOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Serve zgc's figures to AI assistants and other programs (Model Context Protocol, stdio).

    Tools: search, series, compare, share, source, verify, cite, extract. Every number
    is an object with its interval, unit, status, qualifier, year basis, passage and
    citation key. Add `zgc mcp` as a stdio server in an MCP client's configuration.
    Needs `pip install 'zgc[mcp]'`.
    """
    from zgc_cli.mcp_server import serve

    env: Environment = ctx.obj
    if env.stdout_is_tty:
        env.note(message("note.mcp_waiting", env.language))
    serve(data, as_of=as_of, prefer=prefer)
