"""Statistics: DataFrame in, typed Result out; no Typer, no Rich.

The functions here take a :class:`~zgc_cli.model.dataset.Dataset` and return
the results the CLI hands to :func:`zgc_cli.present.formats.emit`; the modules
below them work on plain DataFrames, for notebooks (the example runs as a test)::

    >>> from zgc_cli import stats
    >>> from zgc_cli.model.dataset import Dataset
    >>> compared = stats.comparison(Dataset.open("shipped"), 2014, 2023)
    >>> sorted(compared.frame["metric"])[:2]
    ['patents_per_10k_people', 'revenue']

Every function takes the filters the commands share, by the same names:
``entities``, ``categories``, ``statuses`` (``reported``, ``estimate``,
``derived``) and ``year_from``/``year_to`` (see :mod:`zgc_cli.stats.select`), or all
of them as one :class:`~zgc_cli.stats.selection.Selection` (``selection=``).
Filters choose the observations before any arithmetic, so a growth rate never
rests on a figure left out, except the year range of a series, which is a
window on it: each row keeps its growth since its real previous observation.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

# The result types are imported where they are made: ``zgc_cli.stats.matcher`` (the
# "did you mean" of an id refused before any read) must not import pandas with its package.
if TYPE_CHECKING:
    from zgc_cli.model.dataset import Dataset
    from zgc_cli.stats.results import (
        CatalogResult,
        ComparisonResult,
        ObservationsResult,
        SearchResult,
        SeriesResult,
        ShareResult,
        TimelineResult,
    )
    from zgc_cli.stats.selection import Selection

# One command's functions live in their own module (pandas-free at import, as these are).
from zgc_cli.stats.sourcing import sources as sources


def catalog_of(
    dataset: Dataset,
    *,
    entities: Sequence[str] | None = None,
    categories: Sequence[str] | None = None,
    statuses: Sequence[str] | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    selection: Selection | None = None,
) -> CatalogResult:
    """Every selected (metric, entity) with its years, count and latest value.

    The years, count and latest value are those of the selected observations:
    with ``statuses=["reported"]`` the latest value is the latest reported one.
    """
    if selection is not None:  # the command line's filters, as one value
        entities, categories, statuses, year_from, year_to = selection.pick(
            "entities", "categories", "statuses", "year_from", "year_to"
        )
    from zgc_cli.stats.catalog import catalog
    from zgc_cli.stats.empty import catalog_note
    from zgc_cli.stats.naming import entity_ids
    from zgc_cli.stats.results import CatalogResult
    from zgc_cli.stats.select import select

    entities = entity_ids(dataset, entities)
    frame = select(
        dataset.frame,
        entities=entities,
        categories=categories,
        indicators=dataset.indicators,
        statuses=statuses,
        year_from=year_from,
        year_to=year_to,
    )
    from zgc_cli.stats.vintages import earlier_vintages

    summary = catalog(frame, dataset.indicators, dataset.entities)
    latest = summary[["metric", "entity", "last_year"]].rename(columns={"last_year": "year"})
    filters = {"entity": entities, "category": categories, "status": statuses}
    why = (
        catalog_note(dataset, **filters, year_from=year_from, year_to=year_to)
        if frame.empty
        else ""
    )
    return CatalogResult(
        summary,
        observations=frame,
        vintages=earlier_vintages(dataset, latest),
        why_empty=why,
    )


def series(
    dataset: Dataset,
    metrics: Sequence[str],
    entities: Sequence[str] | None = None,
    *,
    categories: Sequence[str] | None = None,
    statuses: Sequence[str] | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    selection: Selection | None = None,
) -> SeriesResult:
    """The named series (each once, in the order given) with growth between observations.

    ``entities``, ``categories`` and ``statuses`` choose the observations before
    the growth is computed: with ``statuses=["reported"]`` each change runs from
    the previous *reported* figure. ``year_from``/``year_to`` are a window on the
    result instead: a 2023 row keeps its growth since 2014 (``previous_year``)
    when the window starts in 2015, and the span runs over the rows shown.
    """
    if selection is not None:  # the command line's filters, as one value
        entities, categories, statuses, year_from, year_to = selection.pick(
            "entities", "categories", "statuses", "year_from", "year_to"
        )
    from zgc_cli.stats.empty import series_note
    from zgc_cli.stats.growth import series_growth, span
    from zgc_cli.stats.kinds import metric_kinds
    from zgc_cli.stats.naming import entity_ids, metric_ids
    from zgc_cli.stats.results import SeriesResult
    from zgc_cli.stats.select import check_year_range, select, within_years

    check_year_range(year_from, year_to)
    unique = list(dict.fromkeys(metric_ids(dataset, metrics) or []))
    entities = entity_ids(dataset, entities)
    declared = metric_kinds(dataset.indicators)
    rows = select(
        dataset.frame,
        metrics=unique,
        entities=entities,
        categories=categories,
        indicators=dataset.indicators,
        statuses=statuses,
    )
    frame = within_years(series_growth(rows, unique, declared), year_from, year_to)
    frame = frame.reset_index(drop=True)
    spans = span(within_years(rows, year_from, year_to), declared)
    names = dataset.names.of_metrics(unique)
    from zgc_cli.stats.vintages import earlier_vintages

    vintages = earlier_vintages(dataset, frame)
    filters = {"entity": entities, "category": categories, "status": statuses}
    why = series_note(dataset, rows, unique, **filters, year_from=year_from, year_to=year_to)
    return SeriesResult(
        frame,
        spans=spans,
        names=names,
        entity_names=dataset.names.of_entities(),
        vintages=vintages,
        why_empty=why if frame.empty else "",
    )


def comparison(
    dataset: Dataset,
    year_from: int,
    year_to: int,
    *,
    metrics: Sequence[str] | None = None,
    entities: Sequence[str] | None = None,
    categories: Sequence[str] | None = None,
    statuses: Sequence[str] | None = None,
    sort: str = "metric",
    reverse: bool = False,
    tolerance: int = 0,
    selection: Selection | None = None,
) -> ComparisonResult:
    """Every selected series between two years, sorted, with the series not compared.

    ``tolerance`` takes each series' nearest years within ±tolerance of those
    asked (see :func:`zgc_cli.stats.growth.compare`). ``statuses`` keeps only
    observations of those statuses before the ends are chosen: no row rests on a
    figure of another status (a series whose end is an estimate is not compared,
    and with a tolerance its nearest allowed figure is taken instead).
    """
    if selection is not None:  # the command line's filters, as one value
        metrics, entities, categories, statuses = selection.pick(
            "metrics", "entities", "categories", "statuses"
        )
    # Years are checked against the whole data, so a filter doesn't make 2014 "not in the data".
    from zgc_cli.stats.growth import compare, require_years_near, sort_comparison
    from zgc_cli.stats.kinds import metric_kinds
    from zgc_cli.stats.results import ComparisonResult
    from zgc_cli.stats.select import UnknownSelectionError, select
    from zgc_cli.words import phrase

    if year_from >= year_to:
        # `compare 2023 2014` would list every series as having "only 2023".
        raise UnknownSelectionError(
            phrase("compare.years_in_order", year_from=year_from, year_to=year_to)
        )
    from zgc_cli.stats.naming import entity_ids, metric_ids

    require_years_near(dataset.frame, year_from, year_to, tolerance=tolerance)
    metrics, entities = metric_ids(dataset, metrics), entity_ids(dataset, entities)
    rows = select(
        dataset.frame,
        metrics,
        entities,
        categories,
        dataset.indicators,
        statuses=statuses,
    )
    compared = compare(
        rows,
        year_from,
        year_to,
        check_years=False,
        declared=metric_kinds(dataset.indicators),
        tolerance=tolerance,
    )
    from zgc_cli.stats.empty import comparison_note
    from zgc_cli.stats.vintages import compared_vintages

    only_from, only_to = compared.only_from, compared.only_to
    if statuses:
        # Say so where the figure is there but of a status --status left out.
        from zgc_cli.stats.growth import status_left_out

        every_status = select(dataset.frame, metrics, entities, categories, dataset.indicators)
        only_from = status_left_out(only_from, every_status, year_to, tolerance)
        only_to = status_left_out(only_to, every_status, year_from, tolerance)
    nothing = compared.frame.empty and compared.only_from.empty and compared.only_to.empty
    filters = {"metric": metrics, "entity": entities, "category": categories, "status": statuses}
    return ComparisonResult(
        sort_comparison(compared.frame, sort, reverse),
        year_from=year_from,
        year_to=year_to,
        only_from=only_from,
        only_to=only_to,
        entity_names=dataset.names.of_entities(),
        tolerance=tolerance,
        names=dataset.names.of_metrics(),
        vintages=compared_vintages(dataset, compared.frame),
        why_empty=comparison_note(dataset, rows, year_from, year_to, **filters) if nothing else "",
    )


def observations(
    dataset: Dataset,
    metrics: Sequence[str] | None = None,
    entities: Sequence[str] | None = None,
    categories: Sequence[str] | None = None,
    *,
    statuses: Sequence[str] | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    selection: Selection | None = None,
) -> ObservationsResult:
    """The selected observations with exactly the file's own columns, in its order."""
    if selection is not None:  # the command line's filters, as one value
        metrics, entities, categories, statuses, year_from, year_to = selection.pick(
            "metrics", "entities", "categories", "statuses", "year_from", "year_to"
        )
    from zgc_cli.stats.naming import entity_ids, metric_ids
    from zgc_cli.stats.results import ObservationsResult
    from zgc_cli.stats.select import select

    rows = select(
        dataset.frame,
        metric_ids(dataset, metrics),
        entity_ids(dataset, entities),
        categories,
        dataset.indicators,
        statuses=statuses,
        year_from=year_from,
        year_to=year_to,
    )
    from zgc_cli.stats.empty import filters_note

    filters = {"metric": metrics, "entity": entities, "category": categories, "status": statuses}
    why = filters_note(len(dataset.frame), **filters, year_from=year_from, year_to=year_to)
    return ObservationsResult(
        rows[dataset.observations.source_columns], why_empty=why if rows.empty else ""
    )


def search(dataset: Dataset, text: str) -> SearchResult:
    """Indicators matching ``text``, best first; none is an error naming the query."""
    from zgc_cli.errors import ZgcError
    from zgc_cli.stats.catalog import search as rank_indicators
    from zgc_cli.stats.results import SearchResult
    from zgc_cli.words import phrase

    frame = rank_indicators(dataset.frame, dataset.indicators, text)
    if frame.empty:
        raise ZgcError(phrase("select.no_match", text=text))
    return SearchResult(frame)


def share(
    dataset: Dataset,
    metric: str,
    of: str | None = None,
    *,
    entities: Sequence[str] | None = None,
    statuses: Sequence[str] | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    selection: Selection | None = None,
) -> ShareResult:
    """Each entity's value of ``metric`` as a percent of its nearest (or the named) whole.

    ``statuses`` and the years choose the figures before the wholes are found
    (so both the part and its whole have an allowed status); ``entities`` keeps
    the shares of those parts.
    """
    if selection is not None:  # the command line's filters, as one value
        entities, statuses, year_from, year_to = selection.pick(
            "entities", "statuses", "year_from", "year_to"
        )
    import pandas as pd

    from zgc_cli.stats.empty import share_note
    from zgc_cli.stats.kinds import metric_kinds
    from zgc_cli.stats.naming import entity_id, entity_ids, metric_id
    from zgc_cli.stats.results import ShareResult
    from zgc_cli.stats.select import metadata_by_metric, select
    from zgc_cli.stats.shares import SHARE_COLUMNS, shares

    metric = metric_id(dataset, metric)
    of = entity_id(dataset, of)
    entities = entity_ids(dataset, entities)
    rows = select(
        dataset.frame,
        metrics=[metric],
        entities=None,
        indicators=dataset.indicators,
        statuses=statuses,
        year_from=year_from,
        year_to=year_to,
    )
    if rows.empty:  # the metric exists, but no figure passes the filters
        frame = pd.DataFrame({name: [] for name in SHARE_COLUMNS})
    else:
        frame = shares(
            rows,
            metric,
            dataset.entities,
            of,
            metric_kinds(dataset.indicators),
            dataset.indicators,
        )
    if entities:
        select(dataset.frame, entities=entities)  # an unknown entity is an error
        frame = frame[frame["entity"].astype(str).isin(list(entities))].reset_index(drop=True)
    metadata = metadata_by_metric(dataset.indicators).get(metric, {})
    names = dataset.names.metric(metric)
    filters = {"entity": entities, "status": statuses, "year_from": year_from, "year_to": year_to}
    why = share_note(dataset, metric, rows, **filters) if frame.empty else ""
    return ShareResult(
        frame,
        entity_names=dataset.names.of_entities(),
        indicator_names=names,
        unit=str(metadata.get("unit", "") or ""),
        why_empty=why,
    )


def timeline(
    dataset: Dataset,
    entity: str | Sequence[str] | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    *,
    selection: Selection | None = None,
) -> TimelineResult:
    """The dated milestones, in date order, of entities (and their parts) between two years."""
    if selection is not None:  # the command line's filters, as one value
        entity, year_from, year_to = selection.entities, selection.year_from, selection.year_to
    from zgc_cli.errors import ZgcError
    from zgc_cli.stats.empty import filters_note
    from zgc_cli.stats.milestones import timeline as milestones
    from zgc_cli.stats.naming import entity_ids
    from zgc_cli.stats.results import TimelineResult
    from zgc_cli.stats.select import check_year_range
    from zgc_cli.words import phrase

    check_year_range(year_from, year_to)
    if dataset.events.empty:
        raise ZgcError(phrase("select.no_events"))
    entity = entity_ids(dataset, [entity] if isinstance(entity, str) else entity)
    frame = milestones(dataset.events, dataset.entities, entity, year_from, year_to)
    filters = {"entity": entity, "year_from": year_from, "year_to": year_to}
    why = filters_note(len(dataset.events), **filters) if frame.empty else ""
    return TimelineResult(frame, entity_names=dataset.names.of_entities(), why_empty=why)
