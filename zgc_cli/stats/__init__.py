"""Statistics: DataFrame in, typed Result out; no Typer, no Rich.

The functions here take a :class:`~zgc_cli.model.dataset.Dataset` and return
the results the CLI hands to :func:`zgc_cli.present.formats.emit`; the modules
below them work on plain DataFrames, for notebooks::

    from zgc_cli import stats
    from zgc_cli.model.dataset import Dataset
    stats.comparison(Dataset.open(), 2014, 2023).frame
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from zgc_cli.stats.results import (
    CatalogResult,
    ComparisonResult,
    ObservationsResult,
    SearchResult,
    SeriesResult,
    ShareResult,
    SourcesResult,
    TimelineResult,
)

if TYPE_CHECKING:
    from zgc_cli.model.dataset import Dataset


def catalog_of(dataset: Dataset) -> CatalogResult:
    """Every (metric, entity) with its years, count and latest value."""
    from zgc_cli.stats.catalog import catalog

    frame = dataset.frame
    return CatalogResult(catalog(frame, dataset.indicators, dataset.entities), observations=frame)


def series(
    dataset: Dataset, metrics: Sequence[str], entities: Sequence[str] | None = None
) -> SeriesResult:
    """The named series (each once, in the order given) with growth between observations.

    ``entities`` keeps only those entities' series (an unknown one is an error).
    """
    from zgc_cli.stats.growth import series_growth, span
    from zgc_cli.stats.kinds import metric_kinds
    from zgc_cli.stats.select import metadata_by_metric, select

    unique = list(dict.fromkeys(metrics))
    declared = metric_kinds(dataset.indicators)
    rows = select(dataset.frame, metrics=unique, entities=entities)
    frame = series_growth(rows, unique, declared)
    spans = span(rows, declared)
    metadata = metadata_by_metric(dataset.indicators)
    names = {
        metric: {
            "en": metadata.get(metric, {}).get("name_en", ""),
            "zh": metadata.get(metric, {}).get("name_zh", ""),
        }
        for metric in unique
    }
    return SeriesResult(frame, spans=spans, names=names, entity_names=dataset.entity_names())


def comparison(
    dataset: Dataset,
    year_from: int,
    year_to: int,
    *,
    metrics: Sequence[str] | None = None,
    entities: Sequence[str] | None = None,
    categories: Sequence[str] | None = None,
    sort: str = "metric",
    reverse: bool = False,
    tolerance: int = 0,
) -> ComparisonResult:
    """Every selected series between two years, sorted, with the series not compared.

    ``tolerance`` takes each series' nearest years within ±tolerance of those
    asked (see :func:`zgc_cli.stats.growth.compare`).
    """
    from zgc_cli.stats.growth import compare, require_years_near, sort_comparison
    from zgc_cli.stats.kinds import metric_kinds
    from zgc_cli.stats.select import select

    # Years are checked against the whole data, so a filter doesn't make 2014 "not in the data".
    require_years_near(dataset.frame, year_from, year_to, tolerance=tolerance)
    rows = select(dataset.frame, metrics, entities, categories, dataset.indicators)
    compared = compare(
        rows,
        year_from,
        year_to,
        check_years=False,
        declared=metric_kinds(dataset.indicators),
        tolerance=tolerance,
    )
    return ComparisonResult(
        sort_comparison(compared.frame, sort, reverse),
        year_from=year_from,
        year_to=year_to,
        only_from=compared.only_from,
        only_to=compared.only_to,
        entity_names=dataset.entity_names(),
        tolerance=tolerance,
    )


def observations(
    dataset: Dataset,
    metrics: Sequence[str] | None = None,
    entities: Sequence[str] | None = None,
    categories: Sequence[str] | None = None,
) -> ObservationsResult:
    """The selected observations with exactly the file's own columns, in its order."""
    from zgc_cli.stats.select import select

    rows = select(dataset.frame, metrics, entities, categories, dataset.indicators)
    return ObservationsResult(rows[dataset.observations.source_columns])


def search(dataset: Dataset, text: str) -> SearchResult:
    """Indicators matching ``text``, best first; none is an error naming the query."""
    from zgc_cli.errors import ZgcError
    from zgc_cli.phrases import phrase
    from zgc_cli.stats.catalog import search as rank_indicators

    frame = rank_indicators(dataset.frame, dataset.indicators, text)
    if frame.empty:
        raise ZgcError(phrase("select.no_match", text=text))
    return SearchResult(frame)


def sources(dataset: Dataset, metric: str, year: int | None = None) -> SourcesResult:
    """One metric's observations with their passages, and the publication they come from."""
    from zgc_cli.stats.catalog import sources as passages

    rows = passages(dataset.frame, metric, year, dataset.indicators)
    publication = dataset.publication
    citation = publication.citation() if publication else ""
    return SourcesResult(
        rows.assign(source=citation), citation=citation, entity_names=dataset.entity_names()
    )


def share(dataset: Dataset, metric: str, of: str | None = None) -> ShareResult:
    """Each entity's value of ``metric`` as a percent of its nearest (or the named) whole."""
    from zgc_cli.stats.kinds import metric_kinds
    from zgc_cli.stats.select import metadata_by_metric
    from zgc_cli.stats.shares import shares

    frame = shares(
        dataset.frame,
        metric,
        dataset.entities,
        of,
        metric_kinds(dataset.indicators),
        dataset.indicators,
    )
    metadata = metadata_by_metric(dataset.indicators).get(metric, {})
    names = {"en": metadata.get("name_en", ""), "zh": metadata.get("name_zh", "")}
    return ShareResult(frame, entity_names=dataset.entity_names(), indicator_names=names)


def timeline(
    dataset: Dataset,
    entity: str | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
) -> TimelineResult:
    """The dated milestones, in date order, of an entity (and its parts) between two years."""
    from zgc_cli.errors import ZgcError
    from zgc_cli.phrases import phrase
    from zgc_cli.stats.milestones import timeline as milestones

    if dataset.events.empty:
        raise ZgcError(phrase("select.no_events"))
    frame = milestones(dataset.events, dataset.entities, entity, year_from, year_to)
    return TimelineResult(frame, entity_names=dataset.entity_names())
