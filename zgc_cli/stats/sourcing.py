"""``zgc source``: one metric's observations with their passages, each credited to
the publication it comes from (the statistics package re-exports :func:`sources`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from zgc_cli.model.dataset import Dataset
    from zgc_cli.stats.results import SourcesResult
    from zgc_cli.stats.selection import Selection


def sources(
    dataset: Dataset,
    metric: str,
    year: int | None = None,
    *,
    entities: Sequence[str] | None = None,
    statuses: Sequence[str] | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    selection: Selection | None = None,
) -> SourcesResult:
    """One metric's observations with their passages, and the publication they come from."""
    if selection is not None:  # the command line's filters, as one value
        entities, statuses, year_from, year_to = selection.pick(
            "entities", "statuses", "year_from", "year_to"
        )
    from zgc_cli.stats.catalog import sources as passages
    from zgc_cli.stats.empty import filters_note
    from zgc_cli.stats.naming import entity_ids, metric_id
    from zgc_cli.stats.results import SourcesResult
    from zgc_cli.stats.select import select

    metric = metric_id(dataset, metric)
    entities = entity_ids(dataset, entities)
    rows = passages(dataset.frame, metric, year, dataset.indicators)
    rows = select(
        rows,
        entities=entities,
        statuses=statuses,
        year_from=year_from,
        year_to=year_to,
        known=dataset.frame,
    ).reset_index(drop=True)
    filters = {"entity": entities, "status": statuses, "year_from": year_from, "year_to": year_to}
    why = (
        filters_note(int(dataset.frame["metric"].eq(metric).sum()), **filters) if rows.empty else ""
    )
    if dataset.vintages is not None:
        # Several publications (or --as-of): each figure credited to its own, earlier ones listed.
        from zgc_cli.stats.vintages import with_vintages

        listed = with_vintages(dataset, rows, list(rows.columns))
        return SourcesResult(
            listed,
            citation="",  # each figure's own line names its publication
            entity_names=dataset.names.of_entities(),
            names=dataset.names.of_metrics([metric]),
            why_empty=why,
        )
    publication = dataset.publication
    citation = publication.citation() if publication else ""
    cited = [citation] * len(rows)
    if len(dataset.sources) > 1 and len(rows):
        # Several sources: each passage is credited to its own source's publication
        # ((metric, entity, year) is one row of the combined data).
        cited = _citations_by_source(dataset, rows)
        citation = cited[0] if len(set(cited)) == 1 else ""
    return SourcesResult(
        rows.assign(source=cited),
        citation=citation,
        entity_names=dataset.names.of_entities(),
        names=dataset.names.of_metrics([metric]),
        why_empty=why,
    )


def _citations_by_source(dataset: Dataset, rows: pd.DataFrame) -> list[str]:
    """Each row's publication, as its own source's data package names it ('' if none)."""
    frame = dataset.frame
    position = {
        (str(metric), str(entity), int(year)): index
        for index, (metric, entity, year) in enumerate(
            zip(frame["metric"], frame["entity"], frame["year"], strict=True)
        )
    }
    by_source: dict[str, str] = {}
    cited = []
    for metric, entity, year in zip(rows["metric"], rows["entity"], rows["year"], strict=True):
        source = dataset.source_of_row(position[(str(metric), str(entity), int(year))])
        if source.path not in by_source:
            publication = dataset.publication_of(source)
            by_source[source.path] = publication.citation() if publication else ""
        cited.append(by_source[source.path])
    return cited
