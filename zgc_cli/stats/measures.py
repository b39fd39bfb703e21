"""The growth measures: one entry in :data:`MEASURES` each, and everything derives from it.

A measure is a pure, vectorised function of (value_from, value_to, years)
arrays. An undefined result (a zero base, a non-positive value under a root, no
years between) is NaN, never inf; formats write it as an empty cell or ``null``,
tables as a dash.

Each measure brings its interval rule (``bounds``): machine output carries six
interval columns after each measure (see :mod:`zgc_cli.stats.intervals`).

From the registry derive: the measure columns of series and comparisons (by
``views``), the sort keys and their default direction, the table headers (by
``labels``) and how a table writes the number (by ``style``). Adding a measure
is adding one entry here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np

from zgc_cli.stats.intervals import (
    IntervalRule,
    cagr_pct_bounds,
    change_bounds,
    change_pct_bounds,
    monotone_bounds,
    ratio_bounds,
)
from zgc_cli.stats.kinds import AMOUNTS, WITH_CHANGE, Kind
from zgc_cli.words import labels

FloatArray = np.ndarray
MeasureFunction = Callable[[FloatArray, FloatArray, FloatArray], FloatArray]


class Style(StrEnum):
    """How a table writes a measure's number."""

    amount = "amount"  # in the series' unit, signed: +5万亿
    percent = "percent"  # +138.9%
    ratio = "ratio"  # 2.39×


class View(StrEnum):
    """Where a measure is shown."""

    series = "series"  # zgc metrics ID: each observation against the previous one
    compare = "compare"  # zgc compare, and the first → last line under a series


@dataclass(frozen=True)
class Measure:
    """A growth measure between two observations of one series.

    Attributes:
        name: the column name in machine output.
        compute: the vectorised function.
        labels: the table header in each language (its texts in the catalogs, by language).
        style: how a table writes the number.
        views: where the measure is shown.
        descending: sort largest first by default.
        new_from_zero: an undefined value from a zero base reads "new" in tables
            (a percent change from nothing); otherwise it is a dash.
        kinds: the kinds of indicator it is defined for (see :mod:`zgc_cli.stats.kinds`);
            for other kinds it is null.
        bounds: its interval from the ends' intervals (see :mod:`zgc_cli.stats.intervals`);
            None: its values at the corners, right for a measure monotone in each end.
    """

    name: str
    compute: MeasureFunction
    labels: Mapping[str, str]
    style: Style
    views: frozenset[View] = field(default=frozenset({View.series, View.compare}))
    descending: bool = True
    new_from_zero: bool = False
    kinds: frozenset[Kind] = AMOUNTS
    bounds: IntervalRule | None = None

    @property
    def interval_rule(self) -> IntervalRule:
        """How its interval is computed: its own rule, else the corners' (see ``bounds``)."""
        return self.bounds if self.bounds is not None else monotone_bounds(self.compute)


def _change(value_from: FloatArray, value_to: FloatArray, years: FloatArray) -> FloatArray:
    with np.errstate(over="ignore", invalid="ignore"):
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
        Measure(
            "change",
            _change,
            labels("measure.change"),
            Style.amount,
            kinds=WITH_CHANGE,
            bounds=change_bounds,
        ),
        Measure(
            "change_pct",
            _change_pct,
            labels("measure.change_pct"),
            Style.percent,
            new_from_zero=True,
            bounds=change_pct_bounds,
        ),
        Measure(
            "ratio",
            _ratio,
            labels("measure.ratio"),
            Style.ratio,
            views=frozenset({View.compare}),
            new_from_zero=True,
            bounds=ratio_bounds,
        ),
        Measure(
            "cagr_pct",
            _cagr_pct,
            labels("measure.cagr_pct"),
            Style.percent,
            bounds=cagr_pct_bounds,
        ),
    )
}


def measures_for(view: View) -> list[Measure]:
    """The measures shown in a view, in registry order (read at call time)."""
    return [measure for measure in MEASURES.values() if view in measure.views]
