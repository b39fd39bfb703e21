"""The interval a figure's words and digits allow, and arithmetic that carries it.

Every observation is a point (its ``value``) and an interval, computed here once
from its value, its qualifier and how precisely its figure is written (the
optional ``figure`` column, read by :func:`zgc_cli.model.figures.written_precision`;
without it, the value's own digits). With s the step of the last written digit
and s_nz that of the last non-zero one:

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

Arithmetic is float64 and vectorised: each end of each operation is rounded
outward (down for a low end, up for a high one) by one ulp unless the
operation was exact (error-free transformations tell), so the computed
interval encloses the true one; ``tests/test_intervals.py`` checks this against
``mpmath.iv``. An end may be ±∞ (unbounded, and always open); an undefined
result is NaN at both ends.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from zgc_cli.model.schema import FIGURE_COLUMN, INTERVAL_COLUMNS, QUALIFIERS, interval_columns

FloatArray = np.ndarray
BoolArray = np.ndarray
# An output column: floats (the ends), or nullable booleans (the open flags).
Column = np.ndarray | pd.arrays.BooleanArray

EXACT, MORE_THAN, NEARLY, ABOUT, LESS_THAN, ORDER_OF_MAGNITUDE = QUALIFIERS
_INF = np.inf
# Veltkamp's splitter for float64 (2**27 + 1), and the magnitudes where the split is exact.
_SPLITTER = 134217729.0
_SPLIT_LIMIT = 2.0**995
_TINY = 2.0**-960
# How many ulps a power (a library function, not a basic operation) is widened by.
POWER_ULPS = 4
_MAX_DECIMALS = 17


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


# --- directed rounding -------------------------------------------------------------------


def _down(values: FloatArray, exact: BoolArray) -> FloatArray:
    """``values`` where exact (or −∞ or NaN), else the next float below.

    A +∞ that is not exact is an overflow: the largest float is below the truth.
    """
    keep = exact | np.isnan(values) | (values == -_INF)
    return np.where(keep, values, np.nextafter(values, -_INF))


def _up(values: FloatArray, exact: BoolArray) -> FloatArray:
    keep = exact | np.isnan(values) | (values == _INF)
    return np.where(keep, values, np.nextafter(values, _INF))


def _sum_error(a: FloatArray, b: FloatArray) -> tuple[FloatArray, FloatArray]:
    """a + b rounded, and its exact error (Knuth's TwoSum): a + b = sum + error."""
    with np.errstate(invalid="ignore", over="ignore"):
        total = a + b
        virtual = total - a
        error = (a - (total - virtual)) + (b - virtual)
    return total, error


def add_down(a: FloatArray, b: FloatArray) -> FloatArray:
    """a + b, rounded toward −∞ (an infinite operand gives the IEEE result)."""
    total, error = _sum_error(a, b)
    infinite = ~(np.isfinite(a) & np.isfinite(b))
    return np.where(infinite, total, _down(total, error >= 0))


def add_up(a: FloatArray, b: FloatArray) -> FloatArray:
    total, error = _sum_error(a, b)
    infinite = ~(np.isfinite(a) & np.isfinite(b))
    return np.where(infinite, total, _up(total, error <= 0))


def sub_down(a: FloatArray, b: FloatArray) -> FloatArray:
    return add_down(a, -b)


def sub_up(a: FloatArray, b: FloatArray) -> FloatArray:
    return add_up(a, -b)


def _split(a: FloatArray) -> tuple[FloatArray, FloatArray]:
    scaled = _SPLITTER * a
    high = scaled - (scaled - a)
    return high, a - high


def _product_error(a: FloatArray, b: FloatArray) -> tuple[FloatArray, FloatArray, BoolArray]:
    """a·b rounded, its exact error (Dekker's TwoProduct), and where that error is exact.

    The split overflows for huge operands and the error underflows for tiny
    products: there the error is not known (``known`` is False).
    """
    with np.errstate(invalid="ignore", over="ignore", under="ignore"):
        product = a * b
        a_high, a_low = _split(a)
        b_high, b_low = _split(b)
        error = a_low * b_low - (((product - a_high * b_high) - a_low * b_high) - a_high * b_low)
    known = (
        (np.abs(a) < _SPLIT_LIMIT)
        & (np.abs(b) < _SPLIT_LIMIT)
        & ((a == 0) | (b == 0) | (np.abs(product) > _TINY))
        & np.isfinite(product)
    )
    return product, error, known


def mul_down(a: FloatArray, b: FloatArray) -> FloatArray:
    """a·b, rounded toward −∞ (0·∞ is 0: an end of zero times an unbounded one)."""
    product, error, known = _product_error(a, b)
    exact = (known & (error >= 0)) | (a == 0) | (b == 0)
    with np.errstate(invalid="ignore"):
        return np.where((a == 0) | (b == 0), 0.0, _down(product, exact))


def mul_up(a: FloatArray, b: FloatArray) -> FloatArray:
    product, error, known = _product_error(a, b)
    exact = (known & (error <= 0)) | (a == 0) | (b == 0)
    return np.where((a == 0) | (b == 0), 0.0, _up(product, exact))


def _quotient(a: FloatArray, b: FloatArray) -> tuple[FloatArray, FloatArray, BoolArray]:
    """a/b rounded, the sign of (a/b − quotient) where known, and where it is known.

    The remainder a − q·b is exact: q·b by TwoProduct, and a − fl(q·b) by Sterbenz's
    lemma (q·b is within a factor 2 of a).
    """
    with np.errstate(divide="ignore", invalid="ignore", over="ignore", under="ignore"):
        quotient = a / b
        product, error, known = _product_error(quotient, b)
        remainder = (a - product) - error
        sign = np.sign(remainder) * np.sign(b)
    known &= np.isfinite(quotient) & np.isfinite(a) & np.isfinite(b) & (quotient != 0)
    known |= (a == 0) & (b != 0)
    sign = np.where((a == 0) & (b != 0), 0.0, sign)
    return quotient, sign, known


def div_down(a: FloatArray, b: FloatArray) -> FloatArray:
    """a/b, rounded toward −∞ (x/±∞ is ±0; x/0 is ±∞ as IEEE has it)."""
    quotient, sign, known = _quotient(a, b)
    return _down(quotient, known & (sign >= 0))


def div_up(a: FloatArray, b: FloatArray) -> FloatArray:
    quotient, sign, known = _quotient(a, b)
    return _up(quotient, known & (sign <= 0))


def _widened(values: FloatArray, toward: float, ulps: int) -> FloatArray:
    finite = np.isfinite(values)
    widened = values
    for _ in range(ulps):
        widened = np.nextafter(widened, toward)
    return np.where(finite, widened, values)


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
        low = _widened(np.power(a.low, low_exponent), -_INF, POWER_ULPS)
        high = _widened(np.power(a.high, high_exponent), _INF, POWER_ULPS)
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


def change_bounds(value_from: Bounds, value_to: Bounds, years: FloatArray) -> Bounds:
    """to − from."""
    return subtract(value_to, value_from)


def ratio_bounds(value_from: Bounds, value_to: Bounds, years: FloatArray) -> Bounds:
    """to / from, at least 0 where both are non-negative."""
    ratio = divide(value_to, value_from)
    return floor_at(ratio, 0.0, _nonnegative(value_from, value_to))


def change_pct_bounds(value_from: Bounds, value_to: Bounds, years: FloatArray) -> Bounds:
    """(to / from − 1) × 100, at least −100 where both are non-negative."""
    ratio = ratio_bounds(value_from, value_to, years)
    change = scale(shift(ratio, -1.0), 100.0)
    return floor_at(change, -100.0, _nonnegative(value_from, value_to))


def cagr_pct_bounds(value_from: Bounds, value_to: Bounds, years: FloatArray) -> Bounds:
    """((to / from) ** (1 / years) − 1) × 100, at least −100."""
    ratio = ratio_bounds(value_from, value_to, years)
    ratio = floor_at(ratio, 0.0, np.ones(len(ratio), dtype=bool))
    grown = scale(shift(power(ratio, np.asarray(years, dtype="float64")), -1.0), 100.0)
    return floor_at(grown, -100.0, np.ones(len(grown), dtype=bool))


def share_bounds(part: Bounds, whole: Bounds) -> Bounds:
    """part × 100 / whole, at least 0 where both are non-negative.

    Scaled before the division, so that a share that is a whole number (120 of
    1000: 12) comes out exact.
    """
    return index_bounds(part, whole, 100.0)


def index_bounds(value: Bounds, base: Bounds, index_base: float) -> Bounds:
    """value × ``index_base`` / base, at least 0 where both are non-negative."""
    quotient = divide(scale(value, index_base), base)
    return floor_at(quotient, 0.0, _nonnegative(base, value))


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
        low, high = _widened(low, -_INF, 1), _widened(high, _INF, 1)
        opened = np.ones(len(low), dtype=bool)
        return Bounds(low, high, opened, opened.copy())

    return rule


# --- the interval of each observation ----------------------------------------------------


def value_steps(values: FloatArray) -> tuple[FloatArray, FloatArray]:
    """s and s_nz from a value's own digits (the decimals of its shortest repr).

    An integer has s = 0 (a count; ``about`` takes 1) and s_nz = 10**(its trailing
    zeros); a value with d decimals has s = s_nz = 10**−d. Decided a number of
    decimals at a time over the values still undecided: a file of integers pays
    for one pass.
    """
    magnitude = np.abs(np.asarray(values, dtype="float64"))
    decimals = np.full(len(magnitude), -1, dtype=np.int64)
    undecided = np.flatnonzero(np.isfinite(magnitude))
    with np.errstate(invalid="ignore", over="ignore"):
        for count in range(_MAX_DECIMALS + 1):
            if not len(undecided):
                break
            candidates = magnitude[undecided]
            fits = np.round(candidates, count) == candidates
            decimals[undecided[fits]] = count
            undecided = undecided[~fits]
    step = np.where(decimals > 0, 10.0 ** -np.maximum(decimals, 0), 0.0)
    step = np.where(decimals < 0, np.spacing(magnitude), step)
    nonzero = step.copy()
    whole = np.flatnonzero(decimals == 0)
    zeros = np.zeros(len(whole), dtype=np.int64)
    position = np.flatnonzero(magnitude[whole] != 0)
    power = 10.0
    while len(position):
        divisible = np.fmod(magnitude[whole[position]], power) == 0
        position = position[divisible]
        zeros[position] += 1
        power *= 10.0
        if power > 1e22:
            break
    nonzero[whole] = np.where(magnitude[whole] == 0, 1.0, 10.0 ** zeros.astype("float64"))
    return step, nonzero


def _figure_steps(
    figures: pd.Series, values: FloatArray, step: FloatArray, nonzero: FloatArray
) -> tuple[FloatArray, FloatArray, BoolArray]:
    """s, s_nz and inclusiveness from each row's figure text, where it states the row's value.

    Each distinct text is read once. A figure whose value is not the row's (a
    derived row quotes its operand, 1.5倍) leaves the value's own digits.
    """
    from zgc_cli.model.figures import written_precision

    codes, texts = pd.factorize(figures.astype(object), use_na_sentinel=True)
    read = [written_precision(str(text)) if str(text).strip() else None for text in texts]
    table = np.array(
        [
            (np.nan, 0.0, 0.0, 0.0)
            if precision is None
            else (precision.value, precision.step, precision.nonzero_step, precision.inclusive)
            for precision in read
        ]
        + [(np.nan, 0.0, 0.0, 0.0)],  # code -1: no figure
        dtype="float64",
    ).reshape(-1, 4)
    rows = table[codes]
    with np.errstate(invalid="ignore"):
        states = np.isclose(rows[:, 0], values, rtol=1e-9, atol=0.0)
    inclusive = states & (rows[:, 3] != 0)
    return (
        np.where(states, rows[:, 1], step),
        np.where(states, rows[:, 2], nonzero),
        inclusive,
    )


def _qualifier_codes(rows: pd.DataFrame) -> np.ndarray:
    """Each row's qualifier as its position in QUALIFIERS (an empty or unknown one: exact)."""
    if "qualifier" not in rows.columns:
        return np.zeros(len(rows), dtype=np.int64)
    column = rows["qualifier"]
    if not isinstance(column.dtype, pd.CategoricalDtype):
        column = column.astype(object).fillna("").astype(str).astype("category")
    positions = np.array(
        [
            QUALIFIERS.index(str(name)) if str(name) in QUALIFIERS else 0
            for name in column.cat.categories
        ]
        + [0],
        dtype=np.int64,
    )
    return positions[column.cat.codes.to_numpy()]


def figure_bounds(
    values: FloatArray,
    qualifiers: np.ndarray,
    step: FloatArray,
    nonzero: FloatArray,
    inclusive: BoolArray,
) -> tuple[Bounds, Bounds]:
    """The strict and conventional intervals of figures (see the module docstring).

    ``qualifiers`` are positions in QUALIFIERS; ``step`` is s, ``nonzero`` s_nz.
    """
    v = np.asarray(values, dtype="float64")
    n = len(v)
    is_ = {name: qualifiers == position for position, name in enumerate(QUALIFIERS)}
    half = np.where(is_[ABOUT] & (step == 0), 1.0, step) / 2
    low, high = sub_down(v, half), add_up(v, half)
    low_open = np.zeros(n, dtype=bool)
    high_open = np.zeros(n, dtype=bool)
    positive = v > 0
    infinite = np.full(n, _INF)

    # more_than: (v, +∞), [v, +∞) when the words include v.
    more = is_[MORE_THAN]
    low = np.where(more, v, low)
    low_open = np.where(more, ~inclusive, low_open)
    high = np.where(more, infinite, high)
    high_open |= more
    # nearly and less_than: [0, v) for a magnitude, (−∞, v) below zero; 以下 closes v.
    below = is_[NEARLY] | is_[LESS_THAN]
    low = np.where(below, np.where(positive, 0.0, -infinite), low)
    low_open = np.where(below, ~positive, low_open)
    high = np.where(below, v, high)
    high_open = np.where(below, ~(is_[LESS_THAN] & inclusive), high_open)
    # order_of_magnitude: [v/√10, v·√10) (ends swapped below zero).
    magnitude = is_[ORDER_OF_MAGNITUDE]
    if magnitude.any():
        root = np.full(n, np.nextafter(np.sqrt(10.0), _INF))
        shrunk_down, shrunk_up = div_down(v, root), div_up(v, root)
        grown_down, grown_up = mul_down(v, root), mul_up(v, root)
        low = np.where(magnitude, np.where(v >= 0, shrunk_down, grown_down), low)
        high = np.where(magnitude, np.where(v >= 0, grown_up, shrunk_up), high)
        high_open = np.where(magnitude, v != 0, high_open)
    strict = Bounds(low, high, low_open, high_open)

    conventional_high = np.where(more, add_up(v, nonzero), high)
    conventional_low = np.where(
        below, np.where(positive, np.maximum(sub_down(v, nonzero), 0.0), sub_down(v, nonzero)), low
    )
    conventional = Bounds(
        conventional_low,
        conventional_high,
        np.where(below, False, low_open),
        high_open.copy(),
    )
    return strict, conventional


def _given(bounds: Bounds, low: FloatArray, high: FloatArray) -> Bounds:
    """The data's own ``low``/``high``, closed, where it gives them."""
    has_low, has_high = ~np.isnan(low), ~np.isnan(high)
    return Bounds(
        np.where(has_low, low, bounds.low),
        np.where(has_high, high, bounds.high),
        np.where(has_low, False, bounds.low_open),
        np.where(has_high, False, bounds.high_open),
    )


def observation_bounds(rows: pd.DataFrame) -> tuple[Bounds, Bounds]:
    """The strict and conventional interval of each observation (``value``, ``qualifier``, ...).

    Uses ``figure`` and ``low``/``high`` where the rows have them (see the module).
    """
    values = rows["value"].to_numpy(dtype="float64", na_value=np.nan)
    step, nonzero = value_steps(values)
    inclusive = np.zeros(len(values), dtype=bool)
    if FIGURE_COLUMN in rows.columns:
        step, nonzero, inclusive = _figure_steps(rows[FIGURE_COLUMN], values, step, nonzero)
    strict, conventional = figure_bounds(values, _qualifier_codes(rows), step, nonzero, inclusive)
    low_name, high_name = INTERVAL_COLUMNS
    if low_name in rows.columns or high_name in rows.columns:
        nothing = np.full(len(values), np.nan)
        low = (
            rows[low_name].to_numpy(dtype="float64", na_value=np.nan)
            if low_name in rows.columns
            else nothing
        )
        high = (
            rows[high_name].to_numpy(dtype="float64", na_value=np.nan)
            if high_name in rows.columns
            else nothing
        )
        strict, conventional = _given(strict, low, high), _given(conventional, low, high)
    undefined = np.isnan(values)
    if undefined.any():
        strict, conventional = strict.where(~undefined), conventional.where(~undefined)
    return strict, conventional


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
    conventional = Bounds(
        ends(conventional_low, -_INF),
        ends(conventional_high, _INF),
        flags(low_open) & np.isnan(ends(conventional_low, np.nan)) | flags(low_open),
        flags(high_open),
    )
    return strict.where(~undefined), conventional.where(~undefined)


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


def bounded_points(points: FloatArray, strict: Bounds) -> FloatArray:
    """The points where the strict interval is bounded on both sides, NaN elsewhere."""
    return np.where(strict.bounded, np.asarray(points, dtype="float64"), np.nan)
