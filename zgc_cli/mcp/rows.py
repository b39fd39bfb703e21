"""The rows of the CLI's outputs (series, compare, share, observations) as figure rows."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from zgc_cli.mcp.figures import (
    Observed,
    Passage,
    Passages,
    citation_of,
    figure,
    figure_rows,
    frame_records,
    plain_cells,
    text_or_empty,
)
from zgc_cli.model.schema import INTERVAL_SUFFIXES

if TYPE_CHECKING:
    import pandas as pd


def series_rows(frame: pd.DataFrame, passages: Passages) -> list[dict[str, Any]]:
    """``zgc metrics ID``'s rows: the value, and its growth since the previous figure."""
    return figure_rows(
        frame,
        passages,
        lambda row: {"value": (str(row["metric"]), str(row["entity"]), row["year"])},
        lambda row: [
            (str(row["metric"]), str(row["entity"]), year)
            for year in (row.get("previous_year"), row["year"])
        ],
    )


def compare_rows(frame: pd.DataFrame, passages: Passages) -> list[dict[str, Any]]:
    """``zgc compare``'s rows: both ends, and each change between them."""

    def ends(row: Mapping[str, Any]) -> dict[str, Observed]:
        metric, entity = str(row["metric"]), str(row["entity"])
        return {
            "value_from": (metric, entity, row.get("year_from")),
            "value_to": (metric, entity, row.get("year_to")),
        }

    # A comparison, as the CLI's JSON row says it (the series not compared are apart).
    return figure_rows(
        frame, passages, ends, lambda row: list(ends(row).values()), extra={"reason": None}
    )


def share_rows(frame: pd.DataFrame, passages: Passages) -> list[dict[str, Any]]:
    """``zgc share``'s rows: the part, the whole and the share."""

    def parts(row: Mapping[str, Any]) -> dict[str, Observed]:
        metric = str(row["metric"])
        return {
            "value": (metric, str(row["entity"]), row["year"]),
            "of_value": (metric, str(row["of_entity"]), row["year"]),
        }

    return figure_rows(frame, passages, parts, lambda row: list(parts(row).values()))


def observed_rows(
    frame: pd.DataFrame,
    works: Mapping[str, str] | None = None,
    *,
    hidden: Iterable[str] = ("low", "high"),
) -> list[dict[str, Any]]:
    """Observations (``zgc source``, ``zgc extract``) with each value a figure.

    Their CLI output writes the value as written; the interval is the one the
    figure's words allow (:func:`zgc_cli.stats.observed.observation_bounds`), and
    the point is null where that interval is unbounded, as in every other output.
    """
    from zgc_cli.stats.intervals import bounded_points, interval_cells
    from zgc_cli.stats.observed import observation_bounds

    strict, conventional = observation_bounds(frame)
    intervals = interval_cells("value", strict, conventional)
    values = frame["value"].to_numpy(dtype="float64", na_value=float("nan"))
    points = bounded_points(values, strict)
    rows: list[dict[str, Any]] = []
    records = frame.pipe(frame_records)
    for index, row in enumerate(records):
        metric, entity, year = str(row["metric"]), str(row["entity"]), int(row["year"])
        passage = Passage(
            unit=text_or_empty(row.get("unit")),
            status=text_or_empty(row.get("status")),
            qualifier=text_or_empty(row.get("qualifier")),
            year_basis=text_or_empty(row.get("year_basis")),
            quote=text_or_empty(row.get("quote")),
            citation_key=citation_of(works, row, metric, entity, year),
        )
        cells = dict(row) | {"value": points[index]}
        for suffix in INTERVAL_SUFFIXES:
            cells["value" + suffix] = intervals["value" + suffix][index]
        out = plain_cells(row, {"value", *hidden})
        out["value"] = figure(cells, "value", passage, unit=passage.unit)
        rows.append(out)
    return rows
