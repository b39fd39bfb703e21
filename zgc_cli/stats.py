"""Growth, comparison and catalog: DataFrame in, DataFrame out.

Usable from a notebook without the CLI::

    from zgc_cli import data, stats
    observations = data.load_observations("data/metrics.csv").frame
    stats.compare(observations, 2014, 2023).frame

Every growth measure is one entry in :data:`MEASURES`: a pure, vectorised
function of (value_from, value_to, years) arrays. An undefined result (a zero
base, a non-positive value under a root, no years between) is NaN, never inf;
the render layer writes it as an empty cell, ``null`` or a dash.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from zgc_cli.data import INDICATOR_COLUMNS, OBSERVATION_COLUMNS, QUALIFIERS, STATUSES
from zgc_cli.errors import ZgcError
from zgc_cli.search import suggest

FloatArray = np.ndarray
MeasureFunction = Callable[[FloatArray, FloatArray, FloatArray], FloatArray]


@dataclass(frozen=True)
class Measure:
    """A growth measure between two observations of one series."""

    name: str
    label_en: str
    label_zh: str
    compute: MeasureFunction


def _change(value_from: FloatArray, value_to: FloatArray, years: FloatArray) -> FloatArray:
    return value_to - value_from


def _ratio(value_from: FloatArray, value_to: FloatArray, years: FloatArray) -> FloatArray:
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        return np.where(value_from != 0, value_to / value_from, np.nan)


def _change_pct(value_from: FloatArray, value_to: FloatArray, years: FloatArray) -> FloatArray:
    # On a negative base (ratio − 1) has the wrong sign, so only a positive base counts.
    ratio = _ratio(value_from, value_to, years)
    with np.errstate(over="ignore", invalid="ignore"):
        return np.where(value_from > 0, (ratio - 1) * 100, np.nan)


def _cagr_pct(value_from: FloatArray, value_to: FloatArray, years: FloatArray) -> FloatArray:
    defined = (value_from > 0) & (value_to > 0) & (years > 0)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        ratio = np.where(defined, value_to / value_from, np.nan)
        exponent = np.where(defined, 1 / years, np.nan)
        return np.where(defined, (np.power(ratio, exponent) - 1) * 100, np.nan)


MEASURES: dict[str, Measure] = {
    measure.name: measure
    for measure in (
        Measure("change", "Change", "变化", _change),
        Measure("change_pct", "Change %", "变化率", _change_pct),
        Measure("ratio", "Ratio", "倍数", _ratio),
        Measure("cagr_pct", "CAGR %", "年均增长率", _cagr_pct),
    )
}

# How an observation is marked when it is not a plain reported figure, in this order.
STATUS_FLAGS: tuple[str, ...] = tuple(name for name in STATUSES if name != "reported")
QUALIFIER_FLAGS: tuple[str, ...] = tuple(name for name in QUALIFIERS if name != "exact")
FLAG_SEPARATOR = ";"

SERIES_COLUMNS: list[str] = [
    *OBSERVATION_COLUMNS[:7],
    "change",
    "change_pct",
    "cagr_pct",
    "flags",
    "previous_year",
]
COMPARE_COLUMNS: list[str] = [
    "metric",
    "entity",
    "unit",
    "year_from",
    "value_from",
    "year_to",
    "value_to",
    "change",
    "change_pct",
    "ratio",
    "cagr_pct",
    "flags",
    "status_from",
    "qualifier_from",
    "status_to",
    "qualifier_to",
]
CATALOG_COLUMNS: list[str] = [
    "metric",
    "entity",
    "name_en",
    "name_zh",
    "unit",
    "first_year",
    "last_year",
    "observations",
    "latest_value",
    "latest_flags",
    "category",
]
SERIES_KEY: list[str] = ["metric", "entity"]


class UnknownSelectionError(ZgcError):
    """A metric, entity, category or year that the data does not have."""


def growth(
    value_from: pd.Series | FloatArray,
    value_to: pd.Series | FloatArray,
    years: pd.Series | FloatArray,
    measures: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Every measure (or those named) between aligned arrays of endpoints.

    Returns a frame with one float column per measure; undefined results are NaN.
    """
    start = np.asarray(value_from, dtype="float64")
    end = np.asarray(value_to, dtype="float64")
    span = np.asarray(years, dtype="float64")
    chosen = [MEASURES[name] for name in (measures or MEASURES)]
    columns: dict[str, FloatArray] = {}
    for measure in chosen:
        result = np.asarray(measure.compute(start, end, span), dtype="float64")
        columns[measure.name] = np.where(np.isfinite(result), result, np.nan)
    index = value_to.index if isinstance(value_to, pd.Series) else None
    return pd.DataFrame(columns, index=index)


def flags(*endpoints: pd.DataFrame) -> pd.Series:
    """The flags of observations: ``estimate``, ``derived`` and the bound qualifiers.

    Each endpoint frame has ``status`` and ``qualifier`` columns, aligned by
    position; a flag is set when any endpoint has it. Flags are joined by ``;``
    in a fixed order, empty for plain reported figures.
    """
    # Each flag is a bit; the few distinct bit patterns are spelled out once and
    # looked up, so a million rows cost integer arithmetic, not string joins.
    names = [*STATUS_FLAGS, *QUALIFIER_FLAGS]
    codes = np.zeros(len(endpoints[0]), dtype=np.int64)
    for bit, name in enumerate(names):
        column = "status" if name in STATUS_FLAGS else "qualifier"
        present = np.zeros(len(codes), dtype=bool)
        for endpoint in endpoints:
            present |= (endpoint[column] == name).to_numpy(dtype=bool)
        codes |= present.astype(np.int64) << bit
    spelled = np.array(
        [
            FLAG_SEPARATOR.join(name for bit, name in enumerate(names) if code >> bit & 1)
            for code in range(1 << len(names))
        ],
        dtype=object,
    )
    return pd.Series(spelled[codes], index=endpoints[0].index, dtype=object)


def metadata_by_metric(indicators: pd.DataFrame | None) -> dict[str, dict[str, str]]:
    """Indicator metadata keyed by metric id, for the matcher."""
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
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    if kind == "metric":
        return UnknownSelectionError(
            f"unknown metric {wanted!r}{hint} (`zgc metrics` lists the {len(available)} available)"
        )
    return UnknownSelectionError(
        f"unknown {kind} {wanted!r}{hint}; available: {', '.join(available)}"
    )


def _present(series: pd.Series) -> list[str]:
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
        known = _present(observations["metric"])
        for name in metrics:
            if name not in known:
                raise _unknown("metric", name, known, indicators)
        selected = selected[selected["metric"].isin(list(metrics))]
    if entities:
        known = _present(observations["entity"])
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
            raise UnknownSelectionError(
                "no categories: this data has no indicators.csv with a category column"
            )
        for name in categories:
            if name not in known:
                raise _unknown("category", name, known)
        in_categories = table.loc[table["category"].isin(list(categories)), "metric"]
        selected = selected[selected["metric"].isin(list(in_categories))]
    return selected


def series_growth(observations: pd.DataFrame, metrics: Sequence[str]) -> pd.DataFrame:
    """Each observation of the named series with its growth since the previous one.

    Series are irregular (2014 → 2023 is one step of nine years), so the
    compound annual growth is annualised over the actual gap. Rows follow the
    order of ``metrics``, then entity, then year.
    """
    rows = select(observations, metrics=metrics).copy()
    order = {name: position for position, name in enumerate(metrics)}
    rows["_order"] = rows["metric"].astype(str).map(order)
    rows = rows.sort_values(["_order", "entity", "year"], kind="stable").drop(columns="_order")
    grouped = rows.groupby(SERIES_KEY, observed=True, sort=False)
    previous = grouped[["value", "year", "status", "qualifier"]].shift(1)
    years = rows["year"].astype("float64") - previous["year"].astype("float64")
    measures = growth(previous["value"], rows["value"], years, ["change", "change_pct", "cagr_pct"])
    result = rows[["metric", "entity", "year", "value", "unit", "status", "qualifier"]].copy()
    result[list(measures.columns)] = measures
    # A change rests on both of its ends; the first observation, on itself alone.
    previous_marks = previous[["status", "qualifier"]].astype(object).fillna("")
    result["flags"] = flags(rows, previous_marks)
    result["previous_year"] = previous["year"].astype("Int16")
    return result[SERIES_COLUMNS].reset_index(drop=True)


@dataclass(frozen=True)
class Comparison:
    """A comparison of every series between two years.

    Attributes:
        frame: one row per (metric, entity) with values in both years.
        only_from: (metric, entity) pairs that have the first year but not the second.
        only_to: pairs that have the second year but not the first.
    """

    frame: pd.DataFrame
    only_from: pd.DataFrame
    only_to: pd.DataFrame


def _compare_endpoints(start: pd.DataFrame, end: pd.DataFrame) -> pd.DataFrame:
    """Growth between aligned start and end observations (same index, same series)."""
    years = end["year"].astype("float64") - start["year"].astype("float64")
    measures = growth(start["value"], end["value"], years)
    result = pd.DataFrame(
        {
            "metric": end["metric"],
            "entity": end["entity"],
            "unit": end["unit"],
            "year_from": start["year"],
            "value_from": start["value"],
            "year_to": end["year"],
            "value_to": end["value"],
        }
    )
    result[list(measures.columns)] = measures
    result["flags"] = flags(start, end)
    result["status_from"] = start["status"]
    result["qualifier_from"] = start["qualifier"]
    result["status_to"] = end["status"]
    result["qualifier_to"] = end["qualifier"]
    return result[COMPARE_COLUMNS].reset_index(drop=True)


def available_years(observations: pd.DataFrame) -> list[int]:
    """The distinct years in the data, ascending."""
    return sorted(int(year) for year in observations["year"].unique())


def require_years(observations: pd.DataFrame, *wanted: int) -> None:
    """Raise, naming the years there are, unless every wanted year is in the data."""
    years = available_years(observations)
    for year in wanted:
        if year not in years:
            raise UnknownSelectionError(
                f"year {year} is not in the data; available: {', '.join(map(str, years))}"
            )


def compare(
    observations: pd.DataFrame, year_from: int, year_to: int, check_years: bool = True
) -> Comparison:
    """Every (metric, entity) between two years; pairs lacking one year are listed apart.

    Args:
        observations: the rows to compare (perhaps a selection of the data).
        year_from: the first year.
        year_to: the second year.
        check_years: raise if a year is missing from ``observations``; the CLI
            checks the whole data instead, before it filters.
    """
    if check_years:
        require_years(observations, year_from, year_to)
    start = observations[observations["year"] == year_from].set_index(SERIES_KEY)
    end = observations[observations["year"] == year_to].set_index(SERIES_KEY)
    common = start.index.intersection(end.index)
    frame = _compare_endpoints(start.loc[common].reset_index(), end.loc[common].reset_index())
    frame = frame.sort_values(SERIES_KEY, kind="stable").reset_index(drop=True)
    return Comparison(
        frame=frame,
        only_from=_key_frame(start.index.difference(common)),
        only_to=_key_frame(end.index.difference(common)),
    )


def _key_frame(index: pd.Index) -> pd.DataFrame:
    frame = index.to_frame(index=False)
    if frame.empty:
        return pd.DataFrame({"metric": pd.Series(dtype=str), "entity": pd.Series(dtype=str)})
    return frame.astype(str).sort_values(SERIES_KEY).reset_index(drop=True)


def span(observations: pd.DataFrame) -> pd.DataFrame:
    """Each series from its first to its last observation (the overall change)."""
    ordered = observations.sort_values([*SERIES_KEY, "year"], kind="stable")
    grouped = ordered.groupby(SERIES_KEY, observed=True, sort=False)
    first = grouped.head(1).reset_index(drop=True)
    last = grouped.tail(1).reset_index(drop=True)
    return _compare_endpoints(first, last)


SORT_DESCENDING_BY_DEFAULT: frozenset[str] = frozenset(
    {"value_from", "value_to", "change", "change_pct", "ratio", "cagr_pct"}
)


def _name_order(names: pd.Series) -> pd.Series:
    """Keys that sort names A→Z: category codes when the categories already are in order."""
    if (
        isinstance(names.dtype, pd.CategoricalDtype)
        and names.cat.categories.is_monotonic_increasing
    ):
        return pd.Series(names.cat.codes, index=names.index)
    return names.astype(str)


def sort_comparison(frame: pd.DataFrame, key: str, reverse: bool = False) -> pd.DataFrame:
    """Sort a comparison: numbers largest first, names A→Z; missing numbers last."""
    descending = key in SORT_DESCENDING_BY_DEFAULT
    if reverse:
        descending = not descending
    by = [key] + [name for name in SERIES_KEY if name != key]
    sort_frame = frame.assign(**{name: _name_order(frame[name]) for name in SERIES_KEY})
    order = sort_frame.sort_values(
        by,
        ascending=[not descending] + [True] * (len(by) - 1),
        na_position="last",
        kind="stable",
    ).index
    return frame.loc[order].reset_index(drop=True)


def catalog(observations: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """One row per (metric, entity): names, unit, years covered, count and latest value."""
    ordered = observations.sort_values([*SERIES_KEY, "year"], kind="stable")
    grouped = ordered.groupby(SERIES_KEY, observed=True, sort=True)
    summary = grouped.agg(
        first_year=("year", "min"), last_year=("year", "max"), observations=("year", "size")
    )
    latest = grouped.tail(1).set_index(SERIES_KEY)
    summary["unit"] = latest["unit"].astype(str)
    summary["latest_value"] = latest["value"]
    summary["latest_flags"] = flags(latest)
    summary = summary.reset_index()
    summary["metric"] = summary["metric"].astype(str)
    summary["entity"] = summary["entity"].astype(str)
    names = indicators[["metric", "name_en", "name_zh", "unit", "category"]].rename(
        columns={"unit": "indicator_unit"}
    )
    merged = summary.merge(names, on="metric", how="left")
    for column in ("name_en", "name_zh", "category", "indicator_unit"):
        merged[column] = merged[column].fillna("")
    # The data's unit wins; the metadata's fills a file that has none.
    merged["unit"] = merged["unit"].where(merged["unit"] != "", merged["indicator_unit"])
    return merged[CATALOG_COLUMNS]


SOURCE_COLUMNS: list[str] = list(OBSERVATION_COLUMNS)
SEARCH_COLUMNS: list[str] = [*INDICATOR_COLUMNS, "score"]


def sources(
    observations: pd.DataFrame,
    metric: str,
    year: int | None = None,
    indicators: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The observations of one metric (in one year, if given) with their quotes."""
    rows = select(observations, metrics=[metric], indicators=indicators)
    if year is not None:
        years = available_years(rows)
        if year not in years:
            raise UnknownSelectionError(
                f"{metric} has no figure for {year}; its years: {', '.join(map(str, years))}"
            )
        rows = rows[rows["year"] == year]
    ordered = rows.sort_values(["entity", "year"], kind="stable")
    return ordered[SOURCE_COLUMNS].reset_index(drop=True)


def search(observations: pd.DataFrame, indicators: pd.DataFrame, query: str) -> pd.DataFrame:
    """Indicators of the data matching a query, best first (see :mod:`zgc_cli.search`)."""
    from zgc_cli.search import indicators_from, rank

    metadata = metadata_by_metric(indicators)
    ids = _present(observations["metric"])
    hits = rank(query, indicators_from(ids, metadata))
    units = observations.groupby("metric", observed=True)["unit"].first().astype(str)
    return pd.DataFrame(
        {
            "metric": [entry.metric for entry, _ in hits],
            "name_en": [entry.name_en for entry, _ in hits],
            "name_zh": [entry.name_zh for entry, _ in hits],
            "unit": [units.get(entry.metric, "") for entry, _ in hits],
            "category": [entry.category for entry, _ in hits],
            "description": [entry.description for entry, _ in hits],
            "score": [value for _, value in hits],
        },
        columns=SEARCH_COLUMNS,
    )


def series_values(observations: pd.DataFrame) -> dict[tuple[str, str], list[float]]:
    """Each series' values in year order, keyed by (metric, entity): for sparklines."""
    ordered = observations.sort_values([*SERIES_KEY, "year"], kind="stable")
    grouped = ordered.groupby(SERIES_KEY, observed=True, sort=False)["value"]
    return {(str(metric), str(entity)): list(values) for (metric, entity), values in grouped}
