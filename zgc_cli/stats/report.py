"""A fact sheet's results (``zgc report``): every stats result it shows, gathered once.

The report is laid out by :mod:`zgc_cli.present.report`; this module only asks
:mod:`zgc_cli.stats` for the catalog, the series with growth, the main
comparisons, the shares and the timeline of the selected observations, and
keeps each figure's passage beside them, so that every number on the page can
lead to the sentence that states it.

The filters (metrics, entities, categories, years) select observations first;
everything after is computed on those rows alone, as each command would on a
file holding only them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

import pandas as pd

from zgc_cli import stats
from zgc_cli.errors import ZgcError
from zgc_cli.model.dataset import Dataset, Publication
from zgc_cli.stats.citations import CitedWork, cited_work, source_url
from zgc_cli.stats.results import (
    CatalogResult,
    ComparisonResult,
    SeriesResult,
    ShareResult,
    TimelineResult,
)
from zgc_cli.stats.select import select
from zgc_cli.stats.selection import Selection
from zgc_cli.words import phrase

# The article's headline span (3.6万亿 in 2014 → 8.6万亿 in 2023) and its last year's change,
# each series taking its nearest year within ±1 as `compare --tolerance 1` does.
MAIN_COMPARISONS: tuple[tuple[int, int], ...] = ((2014, 2023), (2022, 2023))
COMPARISON_TOLERANCE = 1


@dataclass(frozen=True)
class Passage:
    """What the article says of one figure: its sentence, and how the figure is known."""

    value: float
    unit: str
    quote: str
    note: str
    status: str
    qualifier: str
    year_basis: str
    note_zh: str = ""
    # The publication the figure comes from where it is not the report's own (a later
    # source's figure), with its web address: the report cites it, as ``source`` does.
    work: CitedWork | None = None


PassageKey = tuple[str, str, int]  # (metric, entity, year)


@dataclass(frozen=True)
class ReportResult:
    """Everything a report shows.

    Attributes:
        catalog: every selected (metric, entity) with its latest value.
        series: the selected metrics' series with growth between observations.
        comparisons: the main comparisons that the data's years allow.
        shares: each metric with a part-of-a-whole figure, its shares.
        timeline: the dated milestones in the years asked (None: no events file).
        passages: each observation's passage by (metric, entity, year).
        indicators: the indicator metadata (names, unit, category) by metric id.
        entity_names: entity names by id and language.
        names: indicator names by metric id and language ('' where the data has none).
        publication: where the figures come from, if the data package says.
        work: the publication as a citation names it (what ``zgc cite`` cites).
        label: the data source, as the user named it.
    """

    catalog: CatalogResult
    series: SeriesResult
    comparisons: Sequence[ComparisonResult]
    shares: Sequence[ShareResult]
    timeline: TimelineResult | None
    passages: Mapping[PassageKey, Passage]
    indicators: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    entity_names: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    publication: Publication | None = None
    work: CitedWork | None = None
    label: str = ""
    names: Mapping[str, Mapping[str, str]] = field(default_factory=dict)


def _selected(
    dataset: Dataset,
    metrics: Sequence[str] | None,
    entities: Sequence[str] | None,
    categories: Sequence[str] | None,
    year_from: int | None,
    year_to: int | None,
) -> Dataset:
    """A Dataset of the selected observations only, with all of the source's metadata."""
    rows = select(dataset.frame, metrics, entities, categories, dataset.indicators)
    years = rows["year"].astype("int64")
    if year_from is not None:
        rows = rows[years >= year_from]
        years = years[rows.index]
    if year_to is not None:
        rows = rows[years <= year_to]
    if rows.empty:
        raise ZgcError(phrase("report.nothing"))
    selected = Dataset.from_frame(
        rows.reset_index(drop=True),
        indicators=dataset.indicators,
        claims=dataset.claims,
        label=dataset.source.label,
        entities=dataset.entities,
        events=dataset.events,
    )
    # from_frame knows no publication: the selection keeps its source's.
    selected.__dict__["publication"] = dataset.publication
    from zgc_cli.stats.vintages import keep_vintages

    keep_vintages(dataset, selected)  # a figure a later publication replaced stays marked
    return selected


def _comparison_years(
    frame: pd.DataFrame, year_from: int | None, year_to: int | None
) -> list[tuple[int, int]]:
    """The pairs of years to compare: those asked, else the main ones the data has."""
    years = sorted({int(year) for year in frame["year"]})
    first, last = years[0], years[-1]

    def near(year: int) -> bool:
        return any(abs(year - known) <= COMPARISON_TOLERANCE for known in years)

    if year_from is not None or year_to is not None:
        # The span asked for, or as much of it as the selected years reach.
        pair = (first if year_from is None else year_from, last if year_to is None else year_to)
        if not (near(pair[0]) and near(pair[1])):
            pair = (first, last)
        return [pair] if pair[0] < pair[1] else []
    pairs = [pair for pair in MAIN_COMPARISONS if near(pair[0]) and near(pair[1])]
    if not pairs and first < last:  # a user's own years
        pairs = [(first, last)]
    return pairs


def _passages(frame: pd.DataFrame, dataset: Dataset) -> dict[PassageKey, Passage]:
    key = ["metric", "entity", "year"]
    fields = ["value", "unit", "quote", "note", "status", "qualifier", "year_basis"]
    # The note in Chinese, where the data has one (an optional column).
    fields += [name for name in ("note_zh",) if name in frame.columns]
    works = _later_works(dataset)
    passages = {}
    for metric, entity, year, value, *texts in frame[key + fields].itertuples(
        index=False, name=None
    ):
        place = (str(metric), str(entity), int(year))
        passage = Passage(float(value), *(str(text) for text in texts))  # type: ignore[arg-type]
        if place in works:
            passage = replace(passage, work=works[place])
        passages[place] = passage
    return passages


def _later_works(dataset: Dataset) -> dict[PassageKey, CitedWork]:
    """The publication of each figure from a source after the first (as ``zgc cite`` names
    it: the row's own ``publication`` among its package's sources, else the package's first)."""
    from zgc_cli.model.vintages import PUBLICATION_COLUMN
    from zgc_cli.stats.vintages import named_publication

    origins = dataset.combined.origins
    if len(dataset.sources) < 2 or origins is None:
        return {}
    frame = dataset.frame
    named = (
        frame[PUBLICATION_COLUMN].astype(str).tolist()
        if PUBLICATION_COLUMN in frame.columns
        else [""] * len(frame)
    )
    works: dict[PassageKey, CitedWork] = {}
    cache: dict[tuple[int, str], CitedWork | None] = {}
    rows = zip(frame["metric"], frame["entity"], frame["year"], origins, named, strict=True)
    for metric, entity, year, origin, publication_name in rows:
        if int(origin) == 0:
            continue
        name = "" if publication_name in ("", "nan", "None") else publication_name
        if (int(origin), name) not in cache:
            source = dataset.sources[int(origin)]
            package = dataset.package_of(source)
            publication, url = dataset.publication_of(source), source_url(package)
            if name:
                publication, url = named_publication(package, name, publication, url)
            cache[(int(origin), name)] = (
                cited_work(publication, url) if publication is not None else None
            )
        work = cache[(int(origin), name)]
        if work is not None:
            works[(str(metric), str(entity), int(year))] = work
    return works


def report(
    dataset: Dataset,
    *,
    metrics: Sequence[str] | None = None,
    entities: Sequence[str] | None = None,
    categories: Sequence[str] | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    selection: Selection | None = None,
) -> ReportResult:
    """The report's results for the selected observations (see the module docstring)."""
    if selection is not None:  # the command line's filters, as one value
        metrics, entities, categories, year_from, year_to = selection.pick(
            "metrics", "entities", "categories", "year_from", "year_to"
        )
    from zgc_cli.stats import naming

    metrics = naming.metric_ids(dataset, metrics)
    entities = naming.entity_ids(dataset, entities)
    selected = _selected(dataset, metrics, entities, categories, year_from, year_to)
    frame = selected.frame
    metric_ids = list(dict.fromkeys(str(metric) for metric in frame["metric"]))
    comparisons = []
    for first, last in _comparison_years(frame, year_from, year_to):
        result = stats.comparison(selected, first, last, tolerance=COMPARISON_TOLERANCE)
        if not result.frame.empty:
            comparisons.append(result)
    shares = []
    for metric in metric_ids:
        try:
            share = stats.share(selected, metric)
        except ZgcError:  # not amounts, or no entities.csv: this metric has no share
            continue
        if not share.frame.empty:
            shares.append(share)
    timeline = None
    if not selected.events.empty:
        parts = [
            stats.timeline(selected, entity, year_from, year_to).frame
            for entity in (list(entities) if entities else [None])
        ]
        events = pd.concat(parts).drop_duplicates() if len(parts) > 1 else parts[0]
        events = events.sort_values(["date", "entity"], kind="stable").reset_index(drop=True)
        timeline = TimelineResult(events, entity_names=selected.names.of_entities())
    indicators = {
        str(row["metric"]): {str(key): str(value) for key, value in row.items()}
        for row in selected.indicators.to_dict("records")
    }
    return ReportResult(
        catalog=stats.catalog_of(selected),
        series=stats.series(selected, metric_ids),
        comparisons=comparisons,
        shares=shares,
        timeline=timeline,
        passages=_passages(frame, dataset),
        indicators=indicators,
        entity_names=selected.names.of_entities(),
        names=selected.names.of_metrics(),
        publication=selected.publication,
        work=(
            cited_work(selected.publication, source_url(dataset.package))
            if selected.publication is not None
            else None
        ),
        label="" if dataset.source.shipped else dataset.source.label,
    )
