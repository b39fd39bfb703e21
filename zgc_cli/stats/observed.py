"""The interval of each observation: from its value, qualifier and written precision.

See :mod:`zgc_cli.stats.intervals` for the rules; the written steps of a figure
come from :func:`zgc_cli.model.figures.written_precision` (the one parser), or,
without a ``figure`` column, from the value's own digits.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from zgc_cli.model.schema import FIGURE_COLUMN, INTERVAL_COLUMNS, QUALIFIERS
from zgc_cli.stats.intervals import Bounds
from zgc_cli.stats.rounding import (
    BoolArray,
    FloatArray,
    add_up,
    div_down,
    div_up,
    mul_down,
    mul_up,
    quiet,
    sub_down,
)

EXACT, MORE_THAN, NEARLY, ABOUT, LESS_THAN, ORDER_OF_MAGNITUDE = QUALIFIERS
_INF = np.inf
_MAX_DECIMALS = 17


@quiet
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


@quiet
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


@quiet
def _rate_units(units: pd.Series) -> BoolArray:
    """Rows whose unit is a rate or a percent (patents_per_10k_people, bits_per_second)."""
    column = units if isinstance(units.dtype, pd.CategoricalDtype) else units.astype("category")
    names = [str(name) for name in column.cat.categories]
    rate = np.array([name == "percent" or "_per_" in f"_{name}" for name in names] + [False])
    return np.asarray(rate[column.cat.codes.to_numpy()], dtype=bool)


def observation_bounds(rows: pd.DataFrame) -> tuple[Bounds, Bounds]:
    """The strict and conventional interval of each observation (``value``, ``qualifier``, ...).

    Uses ``figure`` and ``low``/``high`` where the rows have them (see the module).
    """
    values = rows["value"].to_numpy(dtype="float64", na_value=np.nan)
    step, nonzero = value_steps(values)
    inclusive = np.zeros(len(values), dtype=bool)
    if FIGURE_COLUMN in rows.columns:
        step, nonzero, inclusive = _figure_steps(rows[FIGURE_COLUMN], values, step, nonzero)
    if "unit" in rows.columns:
        # 48件 per 10,000 people is a rate rounded to its last digit (the article has 48.2),
        # not a count of patents: only a count written to the ones place is exact.
        step = np.where((step == 0) & _rate_units(rows["unit"]), 1.0, step)
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
