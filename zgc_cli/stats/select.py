"""Choosing rows: metrics, entities, categories and years, with a helpful error for a typo."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from zgc_cli.errors import ZgcError
from zgc_cli.phrases import Listed, phrase
from zgc_cli.stats.matcher import suggest


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


def select(
    observations: pd.DataFrame,
    metrics: Sequence[str] | None = None,
    entities: Sequence[str] | None = None,
    categories: Sequence[str] | None = None,
    indicators: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Rows of the given metrics, entities and categories; an unknown name is an error."""
    selected = observations
    if metrics:
        known = present_names(observations["metric"])
        for name in metrics:
            if name not in known:
                raise _unknown("metric", name, known, indicators)
        selected = selected[selected["metric"].isin(list(metrics))]
    if entities:
        known = present_names(observations["entity"])
        for name in entities:
            if name not in known:
                raise _unknown("entity", name, known)
        selected = selected[selected["entity"].isin(list(entities))]
    if categories:
        table = (
            indicators if indicators is not None else pd.DataFrame(columns=["metric", "category"])
        )
        known = sorted({str(name) for name in table["category"] if str(name)})
        if not known:
            raise UnknownSelectionError(phrase("select.no_categories"))
        for name in categories:
            if name not in known:
                raise _unknown("category", name, known)
        in_categories = table.loc[table["category"].isin(list(categories)), "metric"]
        selected = selected[selected["metric"].isin(list(in_categories))]
    return selected


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
