"""The figures themselves: ``metrics`` (catalog and series), ``compare``, ``share``,
``search`` and ``timeline``. Each: options → Dataset → stats → emit.

No ``from __future__ import annotations``: Typer reads these annotations on every run.
"""

from enum import StrEnum
from typing import Annotated

import typer

from zgc_cli.cli.completers import complete_entities, complete_metrics, complete_years
from zgc_cli.cli.group import SELECTION
from zgc_cli.cli.options import FILTERS, FORMATS, SOURCES, YEARS, DataChoice, Shown, shared
from zgc_cli.stats.selection import Selection
from zgc_cli.words import message


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


@shared("entity", "category", "status", *YEARS, *SOURCES, *FORMATS, "limit")
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
    *,
    selection: Selection,
    source: DataChoice,
    shown: Shown,
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
    env = shown.environment(ctx, source)
    dataset = source.load_for(env, ids, selection) if ids else source.load(env)
    from zgc_cli import stats  # after the data: an id refused early imports no pandas
    from zgc_cli.present.formats import emit

    result = (
        stats.series(dataset, ids, selection=selection)
        if ids
        else stats.catalog_of(dataset, selection=selection)
    )
    emit(result, env, shown.fmt)
    if not ids and not result.frame.empty:
        env.next_step(message("next.catalog", env.language), shown.fmt)


@shared(*FILTERS[:4], *SOURCES, *FORMATS, "limit")
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
    *,
    selection: Selection,
    source: DataChoice,
    shown: Shown,
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

    env = shown.environment(ctx, source)
    result = stats.comparison(
        source.load(env),
        year_from,
        year_to,
        sort=sort.value,
        reverse=reverse,
        tolerance=tolerance,
        selection=selection,
    )
    emit(result, env, shown.fmt)


@shared(*SOURCES, *FORMATS, "limit")
def search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="Words to look for: an id, English or Chinese.")],
    *,
    source: DataChoice,
    shown: Shown,
) -> None:
    """Find indicators by id, English or Chinese name and description, best first.

    `zgc search 专利` finds the patent indicators; `zgc search listed` finds listed_firms.
    """
    from zgc_cli import stats
    from zgc_cli.present.formats import emit

    env = shown.environment(ctx, source)
    emit(stats.search(source.load(env), text), env, shown.fmt)


@shared("entity", "status", *YEARS, *SOURCES, *FORMATS)
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
    *,
    selection: Selection,
    source: DataChoice,
    shown: Shown,
) -> None:
    """Each entity's value as a percent of a whole it is part of, in the same year.

    `zgc share registered_large_models` gives Zhongguancun's 47 of China's 107
    large models: 43.9%. What is part of what comes from `entities.csv`; a bound
    at either end (突破, 近…) makes the share a bound, in the direction it pushes.
    """
    from zgc_cli import stats
    from zgc_cli.present.formats import emit

    env = shown.environment(ctx, source)
    result = stats.share(source.load(env), metric_id, of, selection=selection)
    emit(result, env, shown.fmt)


@shared(*YEARS, *SOURCES, *FORMATS, "limit")
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
    *,
    selection: Selection,
    source: DataChoice,
    shown: Shown,
) -> None:
    """The article's dated milestones, in date order, each with its passage.

    Dates keep the precision the article gives (1988, 2015-04, 2023-08-30).
    """
    from dataclasses import replace

    from zgc_cli import stats
    from zgc_cli.present.formats import emit

    env = shown.environment(ctx, source)
    # Its own --entity (a milestone's place includes its parts'), with the shared years.
    chosen = replace(selection, entities=None if entity is None else tuple(entity))
    emit(stats.timeline(source.load(env), selection=chosen), env, shown.fmt)
