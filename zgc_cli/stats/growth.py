"""Growth along a series and between two years: DataFrame in, DataFrame out.

Series are irregular (2014 → 2023 is one step of nine years), so compound
annual growth is annualised over the actual gap. The measure columns come from
:data:`zgc_cli.stats.measures.MEASURES`, read at call time.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from zgc_cli.model.schema import OBSERVATION_COLUMNS, SERIES_KEY, with_interval_columns
from zgc_cli.stats.flagging import (
    flag_codes,
    flags,
    growth_flag_codes,
    spelled_flags,
    with_growth_flags,
)
from zgc_cli.stats.intervals import (
    Bounds,
    Column,
    IntervalRule,
    bounded_points,
    interval_cells,
    ratios_shared,
)
from zgc_cli.stats.kinds import Kind, coded_row_kinds, kinds_in, row_kinds
from zgc_cli.stats.measures import MEASURES, FloatArray, View, measures_for
from zgc_cli.stats.observed import observation_bounds
from zgc_cli.stats.pairing import (  # noqa: F401 - imported from growth by their callers
    NO_YEAR_FROM,
    NO_YEAR_TO,
    NOT_COMPARED_REASONS,
    ONE_OBSERVATION,
    STATUS_LEFT_OUT,
    _candidates,
    _key_frame,
    _nearest,
    _nearness,
    _pairs,
    require_years_near,
    rows_in_order,
    sort_comparison,
    sort_keys,
    sorts_descending,
    status_left_out,
)

_KEY = list(SERIES_KEY)


def series_columns() -> list[str]:
    """The columns of ``zgc metrics ID``: the observation, its measures, flags, previous year.

    The value and each measure are followed by their six interval columns.
    """
    measures = [measure.name for measure in measures_for(View.series)]
    columns = [*OBSERVATION_COLUMNS[:7], *measures, "flags", "previous_year", "year_basis", "kind"]
    return [*with_interval_columns(columns, {"value", *measures}), "scope_differs"]


def compare_columns() -> list[str]:
    """The columns of ``zgc compare``: both ends, the measures, flags, each end's marks.

    Both values and each measure are followed by their six interval columns.
    """
    measures = [measure.name for measure in measures_for(View.compare)]
    columns = with_interval_columns(
        _compare_columns(measures), {"value_from", "value_to", *measures}
    )
    return [*columns, "scope_differs"]


def _compare_columns(measures: list[str]) -> list[str]:
    return [
        "metric",
        "entity",
        "unit",
        "year_from",
        "value_from",
        "year_to",
        "value_to",
        *measures,
        "flags",
        "status_from",
        "qualifier_from",
        "status_to",
        "qualifier_to",
        "year_basis_from",
        "year_basis_to",
        "kind",
    ]


def growth(
    value_from: pd.Series | FloatArray,
    value_to: pd.Series | FloatArray,
    years: pd.Series | FloatArray,
    measures: Sequence[str] | None = None,
    kinds: np.ndarray | pd.Categorical | None = None,
) -> pd.DataFrame:
    """Every measure (or those named) between aligned arrays of endpoints.

    Returns a frame with one float column per measure; undefined results, results
    too large for a float, and measures not defined for a row's kind (``kinds``,
    one per row; default: every row an amount) are NaN.
    """
    return growth_with_overflow(value_from, value_to, years, measures, kinds)[0]


# The strict and the conventional intervals of aligned values.
Intervals = tuple[Bounds, Bounds]


def growth_with_overflow(
    value_from: pd.Series | FloatArray,
    value_to: pd.Series | FloatArray,
    years: pd.Series | FloatArray,
    measures: Sequence[str] | None = None,
    kinds: np.ndarray | pd.Categorical | None = None,
    bounds: tuple[Intervals, Intervals] | None = None,
) -> tuple[pd.DataFrame, FloatArray]:
    """:func:`growth`, and which rows had a measure overflow (inf, left as NaN).

    Undefined results are NaN by the measures' own rules; an infinite one can only
    come from a float overflow (1e308 − (−1e308)), which is flagged, never warned.
    With ``bounds`` (each end's strict and conventional intervals) each measure is
    followed by its six interval columns, and its point is NaN where the strict
    interval is unbounded.
    """
    start = np.asarray(value_from, dtype="float64")
    end = np.asarray(value_to, dtype="float64")
    span = np.asarray(years, dtype="float64")
    chosen = [MEASURES[name] for name in (measures or MEASURES)]
    columns: dict[str, Column] = {}
    overflowed = np.zeros(len(start), dtype=bool)
    # Rows whose conventional ends are their strict ones (every end not a bound) have
    # the same conventional result: the rules are worked out for the other rows only.
    others = None if bounds is None else _conventional_ends(bounds, span)
    with np.errstate(all="ignore"), ratios_shared():
        for measure in chosen:
            result = np.asarray(measure.compute(start, end, span), dtype="float64")
            if kinds is not None:
                result = np.where(kinds_in(kinds, measure.kinds), result, np.nan)
            overflowed |= np.isinf(result)
            point = np.where(np.isfinite(result), result, np.nan)
            if bounds is None or others is None:
                columns[measure.name] = point
                continue
            (strict_from, _), (strict_to, _) = bounds
            rule = measure.interval_rule
            defined = ~np.isnan(point)
            strict = rule(strict_from, strict_to, span)
            conventional = _conventional(rule, others, strict)
            strict = _defined(strict, defined)
            conventional = _defined(conventional, defined)
            columns[measure.name] = bounded_points(point, strict)
            columns.update(interval_cells(measure.name, strict, conventional, defined))
    index = value_to.index if isinstance(value_to, pd.Series) else None
    return pd.DataFrame(columns, index=index), overflowed


def _same(a: Bounds, b: Bounds) -> np.ndarray:
    """Where two intervals are the same bit for bit (-0.0 is not 0.0; NaN is NaN)."""

    def bits(values: FloatArray) -> np.ndarray:
        return np.ascontiguousarray(values, dtype="float64").view(np.int64)

    return (
        (bits(a.low) == bits(b.low))
        & (bits(a.high) == bits(b.high))
        & (np.asarray(a.low_open, dtype=bool) == np.asarray(b.low_open, dtype=bool))
        & (np.asarray(a.high_open, dtype=bool) == np.asarray(b.high_open, dtype=bool))
    )


def _conventional_rows(start: Intervals, end: Intervals) -> np.ndarray:
    """The rows where either end's conventional interval is not its strict one."""
    (strict_from, conventional_from), (strict_to, conventional_to) = start, end
    same = _same(strict_from, conventional_from) & _same(strict_to, conventional_to)
    return np.flatnonzero(~same)


# The rows whose conventional ends differ from the strict ones, and those ends and years.
ConventionalEnds = tuple[np.ndarray, Bounds, Bounds, FloatArray]


def _conventional_ends(bounds: tuple[Intervals, Intervals], span: FloatArray) -> ConventionalEnds:
    """The rows where an end's conventional interval is not its strict one, with their ends."""
    (_, conventional_from), (_, conventional_to) = bounds
    rows = _conventional_rows(*bounds)
    if len(rows) == len(span):
        return rows, conventional_from, conventional_to, span
    return rows, conventional_from.take(rows), conventional_to.take(rows), span[rows]


def _conventional(rule: IntervalRule, others: ConventionalEnds, strict: Bounds) -> Bounds:
    """A rule's conventional result: its strict one, but worked out again at some rows.

    A rule is worked out row by row (each row's result rests on that row's ends
    alone), so the rows whose ends are the strict ones give the strict result.
    """
    rows, conventional_from, conventional_to, span = others
    if not len(rows):
        return strict
    partial = rule(conventional_from, conventional_to, span)
    if len(rows) == len(strict):
        return partial
    merged = []
    for whole, part in zip(
        (strict.low, strict.high, strict.low_open, strict.high_open),
        (partial.low, partial.high, partial.low_open, partial.high_open),
        strict=True,
    ):
        column = np.array(whole, copy=True)
        column[rows] = part
        merged.append(column)
    return Bounds(*merged)


def _defined(bounds: Bounds, defined: np.ndarray) -> Bounds:
    """An interval where its point is defined (an end it cannot tell is unbounded), else none."""
    low = np.where(np.isnan(bounds.low), -np.inf, bounds.low)
    high = np.where(np.isnan(bounds.high), np.inf, bounds.high)
    return Bounds(low, high, bounds.low_open, bounds.high_open).where(defined)


def value_columns(name: str, rows: pd.DataFrame, intervals: Intervals) -> dict[str, Column]:
    """An observation's value (NaN where unbounded) and its six interval columns."""
    strict, conventional = intervals
    values = rows["value"].to_numpy(dtype="float64")
    return {name: bounded_points(values, strict), **interval_cells(name, strict, conventional)}


def scopes(rows: pd.DataFrame) -> np.ndarray:
    """Each row's scope (口径) where the data says it differs from its indicator's, else ''.

    Two figures count alike when these are equal: a row whose ``scope_differs`` is
    not ``true`` counts as its indicator defines it, whatever its ``scope`` says.
    """
    if "scope_differs" not in rows.columns or "scope" not in rows.columns:
        return np.full(len(rows), "", dtype=object)
    differs = rows["scope_differs"].astype(str).str.strip().str.lower().to_numpy() == "true"
    texts = rows["scope"].astype(object).where(rows["scope"].notna(), "").astype(str)
    return np.where(differs, texts.to_numpy(dtype=object), "")


def _previous_positions(groups: np.ndarray) -> np.ndarray:
    """Each row's previous row in its group (rows of a group are together), -1 for a first."""
    positions = np.arange(len(groups)) - 1
    if len(groups):
        first = np.ones(len(groups), dtype=bool)
        first[1:] = groups[1:] != groups[:-1]
        positions[first] = -1
    return positions


def _year_basis(rows: pd.DataFrame) -> pd.Series:
    """How each row's year is known ('' where the data does not say)."""
    if "year_basis" not in rows.columns:
        return pd.Series([""] * len(rows), index=rows.index, dtype=object)
    return rows["year_basis"]


def series_growth(
    observations: pd.DataFrame,
    metrics: Sequence[str],
    declared: Mapping[str, Kind] | None = None,
) -> pd.DataFrame:
    """Each observation of the named series with its growth since the previous one.

    Rows follow the order of ``metrics``, then entity, then year; ``declared``
    gives metrics' kinds (see :mod:`zgc_cli.stats.kinds`).
    """
    # Not select(): the rows may be a selection (--status, --entity) without every metric.
    rows = observations[observations["metric"].isin(list(metrics))].copy()
    order = {name: position for position, name in enumerate(metrics)}
    rows["_order"] = rows["metric"].astype(str).map(order)
    rows = rows.sort_values(["_order", "entity", "year"], kind="stable").drop(columns="_order")
    grouped = rows.groupby(_KEY, observed=True, sort=False)
    previous = grouped[["value", "year", "status", "qualifier"]].shift(1)
    years = rows["year"].astype("float64") - previous["year"].astype("float64")
    names = [measure.name for measure in measures_for(View.series)]
    kinds = row_kinds(rows, declared)
    intervals = observation_bounds(rows)
    before = _previous_positions(grouped.ngroup().to_numpy())
    previous_intervals = (intervals[0].take(before), intervals[1].take(before))
    measures, overflowed = growth_with_overflow(
        previous["value"], rows["value"], years, names, kinds, (previous_intervals, intervals)
    )
    result = rows[list(OBSERVATION_COLUMNS[:7])].copy()
    result = result.assign(**value_columns("value", rows, intervals))
    result = pd.concat([result, measures], axis=1)
    # A change rests on both of its ends; the first observation, on itself alone.
    marks = ["status", "qualifier", *(["year_basis"] if "year_basis" in rows.columns else [])]
    previous = (
        previous
        if "year_basis" not in rows.columns
        else previous.join(grouped[["year_basis"]].shift(1))
    )
    previous_marks = previous[marks].astype(object).fillna("")
    result["flags"] = with_growth_flags(flags(rows, previous_marks), kinds, overflowed)
    result["previous_year"] = previous["year"].astype("Int16")
    result["year_basis"] = _year_basis(rows)
    result["kind"] = kinds
    # The change of a row rests on the previous figure too: do the two count alike?
    own = scopes(rows)
    previous_scope = np.where(before >= 0, own[np.maximum(before, 0)], own)
    result["scope_differs"] = own != previous_scope
    return result[series_columns()].reset_index(drop=True)


def compare_endpoints(
    start: pd.DataFrame, end: pd.DataFrame, declared: Mapping[str, Kind] | None = None
) -> pd.DataFrame:
    """Growth between aligned start and end observations (same index, same series)."""
    years = end["year"].astype("float64") - start["year"].astype("float64")
    names = [measure.name for measure in measures_for(View.compare)]
    kinds = coded_row_kinds(end, declared)
    start_intervals, end_intervals = observation_bounds(start), observation_bounds(end)
    measures, overflowed = growth_with_overflow(
        start["value"], end["value"], years, names, kinds, (start_intervals, end_intervals)
    )
    result = pd.DataFrame(
        {
            "metric": end["metric"],
            "entity": end["entity"],
            "unit": end["unit"],
            "year_from": start["year"],
            **value_columns("value_from", start, start_intervals),
            "year_to": end["year"],
            **value_columns("value_to", end, end_intervals),
        },
        index=end.index,
    )
    result = pd.concat([result, measures.set_axis(end.index)], axis=1)
    codes = growth_flag_codes(flag_codes(start, end), kinds, overflowed)
    result["flags"] = pd.Series(spelled_flags(codes), index=result.index)
    result["status_from"] = start["status"]
    result["qualifier_from"] = start["qualifier"]
    result["status_to"] = end["status"]
    result["qualifier_to"] = end["qualifier"]
    result["year_basis_from"] = _year_basis(start)
    result["year_basis_to"] = _year_basis(end)
    result["kind"] = pd.Series(kinds, index=result.index)
    result["scope_differs"] = scopes(start) != scopes(end)
    return result[compare_columns()].reset_index(drop=True)


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


def compare(
    observations: pd.DataFrame,
    year_from: int,
    year_to: int,
    check_years: bool = True,
    declared: Mapping[str, Kind] | None = None,
    tolerance: int = 0,
) -> Comparison:
    """Every (metric, entity) between two years; pairs lacking one year are listed apart.

    Args:
        observations: the rows to compare (perhaps a selection of the data).
        year_from: the first year.
        year_to: the second year.
        check_years: raise if a year is missing from ``observations``; the CLI
            checks the whole data instead, before it filters.
        declared: metrics' kinds (see :mod:`zgc_cli.stats.kinds`).
        tolerance: take each series' nearest year within ±tolerance of each end
            (the exact year first, then a year earlier, a year later, two earlier…),
            as Our World in Data's charts do. The years used are the rows'
            ``year_from`` and ``year_to``, and growth is annualised over their gap;
            the two ends are different observations, the first before the second.
    """
    if tolerance < 0:
        raise ValueError(f"a tolerance is a number of years, 0 or more, not {tolerance}")
    if check_years:
        require_years_near(observations, year_from, year_to, tolerance=tolerance)
    start_rows = _candidates(observations, year_from, tolerance)
    end_rows = _candidates(observations, year_to, tolerance)
    start, end = _nearest(start_rows), _nearest(end_rows)
    common = start.index.intersection(end.index)
    only_from = start.index.difference(common)
    only_to = end.index.difference(common)
    # Each series' unit, for those not compared: the unit of the end it has.
    units = pd.concat([start["unit"], end["unit"]]).astype(str)
    units = units[~units.index.duplicated()]
    start, end = start.loc[common], end.loc[common]
    lone_from, lone_to = only_from[:0], only_to[:0]
    in_order = start["year"].astype("int64").to_numpy() < end["year"].astype("int64").to_numpy()
    if not in_order.all():  # only with a tolerance: both ends may reach the same years
        crossed = common[~in_order]
        start_rows, end_rows = start_rows.reset_index(drop=True), end_rows.reset_index(drop=True)
        pairs = _pairs(start_rows, end_rows, crossed)
        paired = start_rows.loc[pairs["_start"].to_numpy()].set_index(_KEY).index
        lone = crossed.difference(paired)
        # One observation in reach of both ends: not compared, listed at the nearer end.
        nearer_start = start.loc[lone, "_rank"].to_numpy() <= end.loc[lone, "_rank"].to_numpy()
        lone_from, lone_to = lone[nearer_start], lone[~nearer_start]
        start = pd.concat(
            [start[in_order], start_rows.loc[pairs["_start"].to_numpy()].set_index(_KEY)]
        )
        end = pd.concat([end[in_order], end_rows.loc[pairs["_end"].to_numpy()].set_index(_KEY)])
    frame = compare_endpoints(
        start.drop(columns="_rank").reset_index(), end.drop(columns="_rank").reset_index(), declared
    )
    frame = rows_in_order(frame, frame[_KEY].sort_values(_KEY, kind="stable").index)
    return Comparison(
        frame=frame,
        only_from=_key_frame(units, (only_from, NO_YEAR_TO), (lone_from, ONE_OBSERVATION)),
        only_to=_key_frame(units, (only_to, NO_YEAR_FROM), (lone_to, ONE_OBSERVATION)),
    )


def span(observations: pd.DataFrame, declared: Mapping[str, Kind] | None = None) -> pd.DataFrame:
    """Each series from its first to its last observation (the overall change)."""
    ordered = observations.sort_values([*_KEY, "year"], kind="stable")
    grouped = ordered.groupby(_KEY, observed=True, sort=False)
    first = grouped.head(1).reset_index(drop=True)
    last = grouped.tail(1).reset_index(drop=True)
    return compare_endpoints(first, last, declared)
