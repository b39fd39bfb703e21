"""Why a result has no row, and what would give one: the note an empty answer carries.

"Nothing matched" is an answer (exit 0), but a silent one reads as a failure. Each
function here looks at what the filters left and what the whole data has, and says
which years the metric has (the nearest to a window that missed them all), which
filters emptied the selection, or which metrics ``share`` can work on.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import pandas as pd

from zgc_cli.stats.kinds import AMOUNTS, Kind, row_kinds
from zgc_cli.stats.naming import said
from zgc_cli.words import Listed, Phrase, phrase

if TYPE_CHECKING:
    from zgc_cli.model.dataset import Dataset


# The filters' names in stats, as the command line spells them.
_OPTIONS: dict[str, str] = {"year_from": "from", "year_to": "to"}


def filters_said(**given: object) -> str:
    """The options a command was given, as typed (``--entity beijing, --from 2030``)."""
    said: list[str] = []
    for option, value in given.items():
        if value is None or value == [] or value == ():
            continue
        values = value if isinstance(value, list | tuple) else [value]
        flag = "--" + _OPTIONS.get(option, option).replace("_", "-")
        said.extend(f"{flag} {one}" for one in values)
    return ", ".join(said)


def window(year_from: int | None, year_to: int | None) -> Phrase:
    """A year window in words (either end may be open, not both)."""
    if year_from is not None and year_to is not None:
        return phrase("empty.window_between", year_from=year_from, year_to=year_to)
    if year_from is not None:
        return phrase("empty.window_from", year_from=year_from)
    return phrase("empty.window_to", year_to=year_to)


def _nearest(years: Sequence[int], year_from: int | None, year_to: int | None) -> Phrase | str:
    """The years nearest a window none of ``years`` falls in, with an option that reaches one."""
    if not years:
        return ""
    below = [year for year in years if year_from is not None and year < year_from]
    above = [year for year in years if year_to is not None and year > year_to]
    nearest: list[int] = []
    option = ""
    if below:
        nearest.append(max(below))
        option = f"--from {max(below)}"
    if above:
        nearest.append(min(above))
        option = option or f"--to {min(above)}"
    if not nearest:
        return ""
    return phrase("empty.nearest", nearest=Listed(nearest, quoted=False), option=option)


def series_window(
    rows: pd.DataFrame, metrics: Sequence[object], year_from: int | None, year_to: int | None
) -> str:
    """Why a window on series shows nothing: the series' years, and the nearest to it."""
    if year_from is None and year_to is None:
        return ""
    years = sorted({int(year) for year in rows["year"]})
    return phrase(
        "empty.series_years",
        metrics=Listed(metrics),  # said: “企业总收入” in Chinese
        window=window(year_from, year_to),
        years=Listed(years, quoted=False),
        nearest=_nearest(years, year_from, year_to),
    )


def filtered_out(whole: int, filters: str) -> Phrase:
    """Why filters left nothing: which filters, and how much there was before them."""
    if not filters:
        return phrase("empty.nothing_matched", filters="")
    return phrase("empty.filters", filters=filters, count=whole)


def catalog_window(frame: pd.DataFrame, year_from: int | None, year_to: int | None) -> Phrase:
    """Why a catalog between two years is empty: the data's own first and last year."""
    years = frame["year"].astype("int64")
    return phrase(
        "empty.catalog_years",
        window=window(year_from, year_to),
        first=int(years.min()),
        last=int(years.max()),
    )


def shareable_metrics(
    frame: pd.DataFrame,
    chains: Mapping[str, Sequence[str]],
    declared: Mapping[str, Kind] | None = None,
) -> list[str]:
    """The metrics of amounts with a part and one of its wholes in the same year."""
    usable: list[str] = []
    for metric, rows in frame.groupby("metric", observed=True, sort=True):
        if not set(row_kinds(rows, declared)) <= {kind.value for kind in AMOUNTS}:
            continue
        held = set(zip(rows["entity"].astype(str), rows["year"].astype("int64"), strict=True))
        if any((whole, year) in held for entity, year in held for whole in chains.get(entity, [])):
            usable.append(str(metric))
    return usable


# --- the notes of each command's empty result ------------------------------------------


def catalog_note(dataset: Dataset, **filters: Any) -> str:
    """Why ``zgc metrics`` (the catalog) lists nothing under these filters."""
    from zgc_cli.stats.select import select

    year_from, year_to = filters.get("year_from"), filters.get("year_to")
    if year_from is not None or year_to is not None:
        chosen = select(
            dataset.frame,
            entities=filters.get("entity"),
            categories=filters.get("category"),
            indicators=dataset.indicators,
            statuses=filters.get("status"),
        )
        if not chosen.empty:
            return catalog_window(chosen, year_from, year_to)
    return filtered_out(len(dataset.frame), filters_said(**filters))


def series_note(
    dataset: Dataset, rows: pd.DataFrame, metrics: Sequence[str], **filters: Any
) -> str:
    """Why ``zgc metrics ID`` shows nothing: a window past the series, or filters."""
    if not rows.empty:
        named = [said(dataset.metric_index, metric) for metric in metrics]
        return series_window(rows, named, filters.get("year_from"), filters.get("year_to"))
    whole = int(dataset.frame["metric"].isin(list(metrics)).sum())
    return filtered_out(whole, filters_said(**filters))


def share_note(dataset: Dataset, metric: str, rows: pd.DataFrame, **filters: Any) -> str:
    """Why ``zgc share METRIC`` has no share: filters, or no part with a whole in its year."""
    from zgc_cli.stats.kinds import metric_kinds
    from zgc_cli.stats.shares import ancestors

    if rows.empty or filters.get("entity"):
        whole = int(dataset.frame["metric"].eq(metric).sum())
        return filtered_out(whole, filters_said(**filters))
    chains = ancestors(dataset.entities)
    usable = shareable_metrics(dataset.frame, chains, metric_kinds(dataset.indicators))
    entities = sorted({str(one) for one in rows["entity"]})
    return phrase(
        "empty.share_no_whole",
        metric=said(dataset.metric_index, metric),
        entities=Listed(said(dataset.entity_index, entity) for entity in entities),
        usable=(
            Listed(said(dataset.metric_index, one) for one in usable)
            if usable
            else phrase("empty.share_none_usable")
        ),
    )


def filters_note(whole: int, **filters: Any) -> str:
    """Why filters left nothing of ``whole`` rows (export, source, timeline)."""
    return filtered_out(whole, filters_said(**filters))


def comparison_note(
    dataset: Dataset, rows: pd.DataFrame, year_from: int, year_to: int, **filters: Any
) -> str:
    """Why ``zgc compare`` compares nothing and lists nothing as not compared.

    Either the filters left no series, or none of those left has a figure in either
    year asked: then their years, and the tolerance that would compare one.
    """
    if rows.empty:
        return filtered_out(len(dataset.frame), filters_said(**filters))
    years = sorted({int(year) for year in rows["year"]})
    series_years = [
        {int(year) for year in group["year"]}
        for _, group in rows.groupby(["metric", "entity"], observed=True)
    ]
    reach = next(
        (
            tolerance
            for tolerance in range(1, 11)
            if any(
                any(abs(year - year_from) <= tolerance for year in held)
                and any(abs(year - year_to) <= tolerance for year in held)
                for held in series_years
            )
        ),
        None,
    )
    hint = phrase("empty.compare_tolerance", tolerance=reach) if reach is not None else ""
    return phrase(
        "empty.compare_years",
        year_from=year_from,
        year_to=year_to,
        years=Listed(years, quoted=False),
        hint=hint,
    )
