"""The interval a figure's words and digits allow, and arithmetic that carries it.

Every observation is a point (its ``value``) and an interval, computed once (by
:func:`zgc_cli.stats.observed.observation_bounds`) from its value, its qualifier
and how precisely its figure is written (the optional ``figure`` column, read by
:func:`zgc_cli.model.figures.written_precision`; without it, the value's own
digits). With s the step of the last written digit and s_nz that of the last
non-zero one:

* ``exact``: [v − s/2, v + s/2]; a count written to the ones place is a point;
* ``about`` (约, 左右): the same, s at least one unit of the last digit;
* ``more_than`` (超过, 突破, 余): (v, +∞), [v, +∞) with 以上;
* ``nearly`` (近, 接近): [0, v) for a positive v;
* ``less_than`` (不到, 不足): [0, v), [0, v] with 以下, 以内, 不超过;
* ``order_of_magnitude`` (量级): [v/√10, v·√10);
* explicit ``low``/``high`` in the data: [low, high].

The *strict* reading is that of the words alone. The *conventional* one also
reads a bound as below the next step of its last non-zero digit (突破26万 is
below 27万; 近9800亿 is at least 9700亿); it equals the strict one where that is
bounded. Both are carried apart, through every measure.

This module holds the intervals (:class:`Bounds`), the operations on them, each
measure's interval rule and the six output columns. Arithmetic is float64 and
vectorised: each end of each operation is rounded outward (down for a low end,
up for a high one) by one ulp unless the operation was exact
(:mod:`zgc_cli.stats.rounding`), so the computed
interval encloses the true one; ``tests/test_intervals.py`` checks this against
``mpmath.iv``. An end may be ±∞ (unbounded, and always open); an undefined
result is NaN at both ends.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

import numpy as np
import pandas as pd

from zgc_cli.model.schema import interval_columns
from zgc_cli.stats.rounding import (
    BoolArray,
    FloatArray,
    add_down,
    add_up,
    div_down,
    div_up,
    mul_down,
    mul_up,
    quiet,
    sub_down,
    sub_up,
    widened,
)

# An output column: floats (the ends), or nullable booleans (the open flags).
Column = np.ndarray | pd.arrays.BooleanArray

_INF = np.inf
# How many ulps a power (a library function, not a basic operation) is widened by.
POWER_ULPS = 4


@dataclass(frozen=True)
class Bounds:
    """Intervals, one per row: ends (±∞ unbounded, NaN undefined) and whether each is open."""

    low: FloatArray
    high: FloatArray
    low_open: BoolArray
    high_open: BoolArray

    def __len__(self) -> int:
        return len(self.low)

    @classmethod
    def point(cls, values: FloatArray) -> Bounds:
        values = np.asarray(values, dtype="float64")
        closed = np.zeros(len(values), dtype=bool)
        return cls(values.copy(), values.copy(), closed, closed.copy())

    def take(self, rows: np.ndarray) -> Bounds:
        """The intervals of some rows (positions; -1 takes an undefined interval)."""
        missing = rows < 0
        safe = np.where(missing, 0, rows)

        def pick(array: np.ndarray, fill: object) -> np.ndarray:
            picked = array[safe] if len(array) else np.full(len(rows), fill, dtype=array.dtype)
            if missing.any():
                picked = picked.copy()
                picked[missing] = fill
            return picked

        return Bounds(
            pick(self.low, np.nan),
            pick(self.high, np.nan),
            pick(self.low_open, True),
            pick(self.high_open, True),
        )

    def where(self, keep: BoolArray) -> Bounds:
        """These intervals where ``keep``, undefined (NaN) elsewhere."""
        return Bounds(
            np.where(keep, self.low, np.nan),
            np.where(keep, self.high, np.nan),
            self.low_open | ~keep,
            self.high_open | ~keep,
        )

    @property
    def bounded(self) -> BoolArray:
        """Where both ends are finite."""
        return np.isfinite(self.low) & np.isfinite(self.high)


# --- interval operations -----------------------------------------------------------------


def _open(result: FloatArray, *flags: BoolArray) -> BoolArray:
    """An end is open when an end it comes from is, and always when it is infinite."""
    combined = np.zeros(len(result), dtype=bool)
    for flag in flags:
        combined = combined | flag
    return combined | np.isinf(result)


def subtract(a: Bounds, b: Bounds) -> Bounds:
    """a − b."""
    low = sub_down(a.low, b.high)
    high = sub_up(a.high, b.low)
    return Bounds(
        low, high, _open(low, a.low_open, b.high_open), _open(high, a.high_open, b.low_open)
    )


def scale(a: Bounds, factor: float) -> Bounds:
    """a × a positive constant."""
    times = np.full(len(a), factor)
    low, high = mul_down(a.low, times), mul_up(a.high, times)
    return Bounds(low, high, _open(low, a.low_open), _open(high, a.high_open))


def shift(a: Bounds, amount: float) -> Bounds:
    """a + a constant."""
    plus = np.full(len(a), amount)
    low, high = add_down(a.low, plus), add_up(a.high, plus)
    return Bounds(low, high, _open(low, a.low_open), _open(high, a.high_open))


def _negated(a: Bounds) -> Bounds:
    return Bounds(-a.high, -a.low, a.high_open, a.low_open)


def _divide_by_nonnegative(a: Bounds, b: Bounds) -> Bounds:
    """a / b where b ≥ 0 (an end at 0 is approached, never divided by: x/0⁺ is ±∞)."""
    # The low end: a's low over the divisor end that makes it smallest.
    low_divisor = np.where(a.low < 0, b.low, b.high)
    low_divisor_open = np.where(a.low < 0, b.low_open, b.high_open)
    high_divisor = np.where(a.high < 0, b.high, b.low)
    high_divisor_open = np.where(a.high < 0, b.high_open, b.low_open)
    with np.errstate(divide="ignore", invalid="ignore"):
        low = div_down(a.low, low_divisor)
        high = div_up(a.high, high_divisor)
    # A zero end divided by anything stays zero, attained where it is attained.
    low_zero, high_zero = a.low == 0, a.high == 0
    low = np.where(low_zero, 0.0, np.where(np.isnan(low), -_INF, low))
    high = np.where(high_zero, 0.0, np.where(np.isnan(high), _INF, high))
    low_open = np.where(low_zero, a.low_open, _open(low, a.low_open, low_divisor_open))
    high_open = np.where(high_zero, a.high_open, _open(high, a.high_open, high_divisor_open))
    return Bounds(low, high, low_open | np.isinf(low), high_open | np.isinf(high))


def divide(a: Bounds, b: Bounds) -> Bounds:
    """a / b over the values of b other than 0: (−∞, +∞) where b has both signs."""
    positive = b.low >= 0
    negative = b.high <= 0
    by_positive = _divide_by_nonnegative(a, b)
    if positive.all():  # amounts: the usual case, one division
        undefined = np.isnan(a.low) | np.isnan(a.high) | np.isnan(b.low) | np.isnan(b.high)
        return by_positive.where(~undefined) if undefined.any() else by_positive
    by_negative = _divide_by_nonnegative(_negated(a), _negated(b))
    unbounded = np.full(len(a), _INF)
    low = np.where(positive, by_positive.low, np.where(negative, by_negative.low, -unbounded))
    high = np.where(positive, by_positive.high, np.where(negative, by_negative.high, unbounded))
    low_open = np.where(
        positive, by_positive.low_open, np.where(negative, by_negative.low_open, True)
    )
    high_open = np.where(
        positive, by_positive.high_open, np.where(negative, by_negative.high_open, True)
    )
    undefined = np.isnan(a.low) | np.isnan(a.high) | np.isnan(b.low) | np.isnan(b.high)
    return Bounds(low, high, low_open, high_open).where(~undefined)


def power(a: Bounds, exponent: FloatArray) -> Bounds:
    """a ** (1/exponent) for a ≥ 0 and a positive exponent: the n-th root (n need not be whole).

    1/n is rounded toward the end that widens the result; the power itself, a
    library function, is widened by :data:`POWER_ULPS` ulps.
    """
    ones = np.ones(len(a))
    with np.errstate(divide="ignore", invalid="ignore"):
        inverse_down, inverse_up = div_down(ones, exponent), div_up(ones, exponent)
        # x ** e grows with e where x ≥ 1, and shrinks where x < 1.
        low_exponent = np.where(a.low >= 1, inverse_down, inverse_up)
        high_exponent = np.where(a.high >= 1, inverse_up, inverse_down)
        low = widened(np.power(a.low, low_exponent), -_INF, POWER_ULPS)
        high = widened(np.power(a.high, high_exponent), _INF, POWER_ULPS)
    exact_low = (a.low == 0) | (a.low == 1) | (exponent == 1)
    exact_high = (a.high == 1) | (exponent == 1) | (a.high == 0)
    low = np.where(exact_low, np.where(a.low == 0, 0.0, np.power(a.low, 1.0)), low)
    high = np.where(exact_high, np.power(a.high, 1.0), high)
    low = np.maximum(low, 0.0)
    return Bounds(low, high, _open(low, a.low_open), _open(high, a.high_open))


def floor_at(a: Bounds, floor: float, where: BoolArray) -> Bounds:
    """Raise a low end below ``floor`` to it where ``where`` holds (a measure's natural floor).

    Outward rounding may take an end below what the measure can reach (a ratio of
    non-negative amounts below 0, a percent change below −100): the floor is the
    true bound there, closed only where the end computed was.
    """
    below = where & (a.low < floor)
    low = np.where(below, floor, a.low)
    return Bounds(
        low, a.high, np.where(below, a.low_open | (a.low < floor), a.low_open), a.high_open
    )


# --- the measures' interval rules (see zgc_cli.stats.measures) ---------------------------

IntervalRule = Callable[[Bounds, Bounds, FloatArray], Bounds]


def _nonnegative(value_from: Bounds, value_to: Bounds) -> BoolArray:
    return (value_from.low >= 0) & (value_to.low >= 0)


@quiet
def change_bounds(value_from: Bounds, value_to: Bounds, years: FloatArray) -> Bounds:
    """to − from."""
    return subtract(value_to, value_from)


# Ratios already worked out, by the identity of their ends (kept, so an id is not reused).
_SHARED_RATIOS: ContextVar[dict[tuple[int, int], tuple[Bounds, Bounds, Bounds]] | None] = (
    ContextVar("_SHARED_RATIOS", default=None)
)


@contextmanager
def ratios_shared() -> Iterator[None]:
    """Within it, the ratio of the same two intervals is worked out once.

    The rules of the ratio, the percent change and the CAGR all start from it;
    intervals are never changed in place, so the one result serves all three.
    """
    token = _SHARED_RATIOS.set({})
    try:
        yield
    finally:
        _SHARED_RATIOS.reset(token)


@quiet
def ratio_bounds(value_from: Bounds, value_to: Bounds, years: FloatArray) -> Bounds:
    """to / from, at least 0 where both are non-negative."""
    shared = _SHARED_RATIOS.get()
    key = (id(value_from), id(value_to))
    if shared is not None and key in shared:
        return shared[key][2]
    ratio = divide(value_to, value_from)
    result = floor_at(ratio, 0.0, _nonnegative(value_from, value_to))
    if shared is not None:
        shared[key] = (value_from, value_to, result)
    return result


@quiet
def change_pct_bounds(value_from: Bounds, value_to: Bounds, years: FloatArray) -> Bounds:
    """(to / from − 1) × 100, at least −100 where both are non-negative."""
    ratio = ratio_bounds(value_from, value_to, years)
    change = scale(shift(ratio, -1.0), 100.0)
    return floor_at(change, -100.0, _nonnegative(value_from, value_to))


@quiet
def cagr_pct_bounds(value_from: Bounds, value_to: Bounds, years: FloatArray) -> Bounds:
    """((to / from) ** (1 / years) − 1) × 100, at least −100."""
    ratio = ratio_bounds(value_from, value_to, years)
    ratio = floor_at(ratio, 0.0, np.ones(len(ratio), dtype=bool))
    grown = scale(shift(power(ratio, np.asarray(years, dtype="float64")), -1.0), 100.0)
    return floor_at(grown, -100.0, np.ones(len(grown), dtype=bool))


@quiet
def share_bounds(part: Bounds, whole: Bounds) -> Bounds:
    """part × 100 / whole, at least 0 where both are non-negative.

    Scaled before the division, so that a share that is a whole number (120 of
    1000: 12) comes out exact.
    """
    return index_bounds(part, whole, 100.0)


@quiet
def index_bounds(value: Bounds, base: Bounds, index_base: float) -> Bounds:
    """value × ``index_base`` / base, at least 0 where both are non-negative.

    Both orders are computed and their intersection kept (each encloses the
    truth): scaling first keeps a whole result exact, dividing first keeps a
    value near the largest float from overflowing (1e308 × 100).
    """
    scaled_first = divide(scale(value, index_base), base)
    divided_first = scale(divide(value, base), index_base)
    quotient = intersection(scaled_first, divided_first)
    return floor_at(quotient, 0.0, _nonnegative(base, value))


def intersection(a: Bounds, b: Bounds) -> Bounds:
    """Where two enclosures of the same values both hold: the larger low, the smaller high."""
    with np.errstate(invalid="ignore"):
        take_b_low = b.low > a.low
        take_b_high = b.high < a.high
    return Bounds(
        np.where(take_b_low, b.low, a.low),
        np.where(take_b_high, b.high, a.high),
        np.where(take_b_low, b.low_open, a.low_open),
        np.where(take_b_high, b.high_open, a.high_open),
    )


def monotone_bounds(
    compute: Callable[[FloatArray, FloatArray, FloatArray], FloatArray],
) -> IntervalRule:
    """An interval rule for a measure monotone in each end: its values at the four corners.

    What a measure without its own rule gets: the smallest and largest of the
    corners, widened by one ulp; an undefined corner (NaN, as at an unbounded end)
    makes that side unbounded.
    """

    def rule(value_from: Bounds, value_to: Bounds, years: FloatArray) -> Bounds:
        corners = np.stack(
            [
                np.asarray(compute(start, end, years), dtype="float64")
                for start in (value_from.low, value_from.high)
                for end in (value_to.low, value_to.high)
            ]
        )
        with np.errstate(invalid="ignore"):
            undefined = np.isnan(corners).any(axis=0)
            low = np.where(
                undefined, -_INF, np.nanmin(np.where(np.isnan(corners), _INF, corners), 0)
            )
            high = np.where(
                undefined, _INF, np.nanmax(np.where(np.isnan(corners), -_INF, corners), 0)
            )
        low, high = widened(low, -_INF, 1), widened(high, _INF, 1)
        opened = np.ones(len(low), dtype=bool)
        return Bounds(low, high, opened, opened.copy())

    return rule


@quiet
def bounds_from_columns(frame: pd.DataFrame, quantity: str) -> tuple[Bounds, Bounds] | None:
    """A quantity's intervals read back from its six columns (None if it has none).

    An empty end is unbounded (±∞); a row whose point and ends are all empty is undefined.
    """
    names = interval_columns(quantity)
    if not set(names) <= set(frame.columns):
        return None
    low, high, low_open, high_open, conventional_low, conventional_high = (
        frame[name] for name in names
    )

    def ends(column: pd.Series, unbounded: float) -> FloatArray:
        values = column.to_numpy(dtype="float64", na_value=np.nan)
        return np.where(np.isnan(values), unbounded, values)

    def flags(column: pd.Series) -> BoolArray:
        return column.astype("boolean").fillna(True).to_numpy(dtype=bool)

    undefined = frame[quantity].isna().to_numpy() & low.isna().to_numpy() & high.isna().to_numpy()
    strict = Bounds(ends(low, -_INF), ends(high, _INF), flags(low_open), flags(high_open))
    # The conventional ends' openness is not written: the strict ends' is taken.
    conventional = Bounds(
        ends(conventional_low, -_INF),
        ends(conventional_high, _INF),
        flags(low_open),
        flags(high_open),
    )
    return strict.where(~undefined), conventional.where(~undefined)


@quiet
def written_values(frame: pd.DataFrame, quantity: str = "value") -> FloatArray:
    """The values as written, from a frame whose unbounded points are empty.

    A strict interval unbounded on one side has the written value at its other
    end (突破26万 is (260000, +∞)), so the point comes back from there.
    """
    points = frame[quantity].to_numpy(dtype="float64", na_value=np.nan)
    names = interval_columns(quantity)
    if names[0] not in frame.columns:
        return points
    low = frame[names[0]].to_numpy(dtype="float64", na_value=np.nan)
    high = frame[names[1]].to_numpy(dtype="float64", na_value=np.nan)
    return np.where(np.isnan(points), np.where(np.isnan(low), high, low), points)


@quiet
def interval_cells(
    quantity: str, strict: Bounds, conventional: Bounds, defined: BoolArray | None = None
) -> dict[str, Column]:
    """A quantity's six output columns: ends (empty where unbounded) and open flags.

    Rows not ``defined`` (an undefined measure) have every cell empty.
    """
    if defined is None:
        defined = ~(np.isnan(strict.low) & np.isnan(strict.high))

    def ends(values: FloatArray) -> FloatArray:
        return np.where(np.isfinite(values) & defined, values, np.nan)

    def flags(values: BoolArray) -> pd.arrays.BooleanArray:
        return pd.arrays.BooleanArray(np.asarray(values, dtype=bool), ~defined)

    low, high, low_open, high_open, conventional_low, conventional_high = interval_columns(quantity)
    return {
        low: ends(strict.low),
        high: ends(strict.high),
        low_open: flags(strict.low_open | ~np.isfinite(strict.low)),
        high_open: flags(strict.high_open | ~np.isfinite(strict.high)),
        conventional_low: ends(conventional.low),
        conventional_high: ends(conventional.high),
    }


@quiet
def bounded_points(points: FloatArray, strict: Bounds) -> FloatArray:
    """The points where the strict interval is bounded on both sides, NaN elsewhere."""
    return np.where(strict.bounded, np.asarray(points, dtype="float64"), np.nan)
