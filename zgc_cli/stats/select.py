"""Choosing rows by metric, entity, category, status and year; a typo gets a helpful error.

The filters every data command shares (``--metric``, ``--entity``, ``--category``,
``--status``, ``--from``/``--to``) are applied here, and each wrong name is one
line naming the ones there are. An empty status (a file without a status column)
counts as ``reported``: it is a figure as its source gives it, unflagged.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from zgc_cli.errors import ZgcError
from zgc_cli.model.schema import STATUSES
from zgc_cli.stats.matcher import suggest
from zgc_cli.words import Listed, phrase


class UnknownSelectionError(ZgcError):
    """A metric, entity, category or year that the data does not have."""


def metadata_by_metric(indicators: pd.DataFrame | None) -> dict[str, dict[str, str]]:
    """Indicator metadata keyed by metric id, for the matcher and the views."""
    if indicators is None or indicators.empty:
        return {}
    return {
        str(row["metric"]): {str(key): str(value) for key, value in row.items()}
        for row in indicators.to_dict("records")
    }


def _unknown(
    kind: str,
    wanted: str,
    available: Sequence[str],
    indicators: pd.DataFrame | None = None,
) -> UnknownSelectionError:
    close = suggest(wanted, available, metadata_by_metric(indicators) if kind == "metric" else None)
    hint = phrase("select.did_you_mean", close=Listed(close)) if close else ""
    if kind == "metric":
        return UnknownSelectionError(
            phrase("select.unknown_metric", wanted=wanted, hint=hint, count=len(available))
        )
    return UnknownSelectionError(
        phrase(f"select.unknown_{kind}", wanted=wanted, hint=hint, available=Listed(available))
    )


def present_names(series: pd.Series) -> list[str]:
    """The distinct names a column holds, sorted (unused categories left out)."""
    if isinstance(series.dtype, pd.CategoricalDtype):
        used = series.cat.remove_unused_categories().cat.categories
        return sorted(str(name) for name in used)
    return sorted(str(name) for name in series.unique())


def check_statuses(statuses: Sequence[str] | None) -> None:
    """Raise, naming the statuses there are, unless every one asked for is known."""
    for name in statuses or ():
        if name not in STATUSES:
            raise _unknown("status", name, STATUSES)


def check_year_range(year_from: int | None, year_to: int | None) -> None:
    """Raise when ``--from`` is after ``--to``: an empty window is a mistake, not a result."""
    if year_from is not None and year_to is not None and year_from > year_to:
        raise UnknownSelectionError(
            phrase("select.from_after_to", year_from=year_from, year_to=year_to)
        )


def status_mask(statuses: pd.Series, allowed: Sequence[str]) -> pd.Series:
    """Which rows have one of the ``allowed`` statuses (an empty status is ``reported``)."""
    wanted = [*allowed, *([""] if "reported" in allowed else [])]
    return statuses.isin(wanted)


def within_years(
    frame: pd.DataFrame, year_from: int | None, year_to: int | None, column: str = "year"
) -> pd.DataFrame:
    """Rows whose ``column`` lies in ``[year_from, year_to]`` (either end may be open)."""
    check_year_range(year_from, year_to)
    if year_from is None and year_to is None:
        return frame
    years = frame[column].astype("float64")
    keep = pd.Series(True, index=frame.index)
    if year_from is not None:
        keep &= years >= year_from
    if year_to is not None:
        keep &= years <= year_to
    return frame[keep.to_numpy(dtype=bool)]


def select(
    observations: pd.DataFrame,
    metrics: Sequence[str] | None = None,
    entities: Sequence[str] | None = None,
    categories: Sequence[str] | None = None,
    indicators: pd.DataFrame | None = None,
    *,
    statuses: Sequence[str] | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    known: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Rows of the given metrics, entities, categories, statuses and years.

    An unknown name is an error naming those there are, checked against ``known``
    (default: ``observations``; give the whole data when ``observations`` is
    already a selection, so one filter never makes another's name "unknown").
    The years are a closed range, either end open.
    """
    check_statuses(statuses)
    check_year_range(year_from, year_to)
    reference = observations if known is None else known
    selected = observations
    if metrics:
        known_names = present_names(reference["metric"])
        for name in metrics:
            if name not in known_names:
                raise _unknown("metric", name, known_names, indicators)
        selected = selected[selected["metric"].isin(list(metrics))]
    if entities:
        known_names = present_names(reference["entity"])
        for name in entities:
            if name not in known_names:
                raise _unknown("entity", name, known_names)
        selected = selected[selected["entity"].isin(list(entities))]
    if categories:
        table = (
            indicators if indicators is not None else pd.DataFrame(columns=["metric", "category"])
        )
        categories_known = sorted({str(name) for name in table["category"] if str(name)})
        if not categories_known:
            raise UnknownSelectionError(phrase("select.no_categories"))
        for name in categories:
            if name not in categories_known:
                raise _unknown("category", name, categories_known)
        in_categories = table.loc[table["category"].isin(list(categories)), "metric"]
        selected = selected[selected["metric"].isin(list(in_categories))]
    if statuses:
        selected = selected[status_mask(selected["status"], statuses).to_numpy(dtype=bool)]
    return within_years(selected, year_from, year_to)


def available_years(observations: pd.DataFrame) -> list[int]:
    """The distinct years in the data, ascending."""
    return sorted(int(year) for year in observations["year"].unique())


def require_years(observations: pd.DataFrame, *wanted: int) -> None:
    """Raise, naming the years there are, unless every wanted year is in the data."""
    years = available_years(observations)
    for year in wanted:
        if year not in years:
            raise UnknownSelectionError(
                phrase("select.no_year", year=year, available=Listed(years, quoted=False))
            )
