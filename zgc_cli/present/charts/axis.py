"""A chart's value axis, in exact decimals: no span, step or tick of a float64 overflows.

Drawing code plots :meth:`YAxis.position` (0 at the axis' low end, 1 at its high
end), never the raw values: a plotting library's own arithmetic on 1e308
overflows. :func:`thin` keeps a line to the points its canvas can show.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal, localcontext

from zgc_cli.present.numbers import tick_text

INDEX_BASE = 100.0
# Tick labels in plain notation up to here; beyond, 1e+15 (not a 16-digit number).
PLAIN_NUMBERS_BELOW = 1e15


_TICK_ATTEMPTS = 64


def _decimal(value: float) -> Decimal:
    """A float as the shortest decimal that reads back as it: 0.3, not 0.299999999999999988."""
    return Decimal(repr(float(value)))


def _nice_step(span: Decimal, count: int) -> Decimal:
    """The round step (1, 2, 2.5 or 5 times a power of ten) that cuts ``span`` in ``count``."""
    raw = span / max(count, 1)
    magnitude = Decimal(1).scaleb(raw.adjusted())
    for factor in (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5)):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def _decimal_ticks(low: float, high: float, count: int) -> tuple[list[Decimal], Decimal]:
    """Round ticks covering [low, high] as exact decimals (distinct finite floats), and the step.

    A flat range is widened around its value. A tick beyond the largest float64
    is left out, so the last tick may fall short of ``high``.
    """
    if not (math.isfinite(low) and math.isfinite(high)) or low > high:
        raise ValueError(f"no axis for the range {low!r} to {high!r}")
    with localcontext() as context:
        context.prec = 40
        lo, hi = _decimal(low), _decimal(high)
        if hi - lo <= abs(hi) * Decimal("1e-9"):
            pad = abs(hi) * Decimal("0.1") or Decimal(1)
            lo, hi = lo - pad, hi + pad
        step = _nice_step(hi - lo, count)
        for _ in range(_TICK_ATTEMPTS):
            start = (lo / step).to_integral_value(ROUND_FLOOR)
            stop = (hi / step).to_integral_value(ROUND_CEILING)
            ticks = [(start + n) * step for n in range(int(stop - start) + 1)]
            ticks = [tick for tick in ticks if math.isfinite(float(tick))]
            floats = [float(tick) for tick in ticks]
            if len(floats) >= 2 and all(a < b for a, b in zip(floats, floats[1:], strict=False)):
                return ticks, step
            # Too fine for floats (subnormals) or cut off by the largest float: coarser.
            step = _nice_step(step * 2, 1)
    return [_decimal(low), _decimal(high) if high > low else _decimal(low) + 1], Decimal(1)


def nice_ticks(low: float, high: float, count: int = 4) -> list[float]:
    """Round tick positions covering [low, high]; a flat range is widened around its value.

    Any finite float64 range has at least two distinct finite ticks; a tick past
    the largest float is left out (the axis then ends at the data).
    """
    ticks, _ = _decimal_ticks(low, high, count)
    return [float(tick) for tick in ticks]


def _tick_labels(ticks: Sequence[Decimal], step: Decimal) -> list[str]:
    """Labels with the decimals the step needs; in 1e+308 notation for huge or tiny steps."""
    biggest = max(abs(tick) for tick in ticks)
    exponent = step.normalize().as_tuple().exponent
    if biggest < Decimal(PLAIN_NUMBERS_BELOW) and isinstance(exponent, int) and exponent >= -6:
        return [tick_text(float(tick), float(step)) for tick in ticks]
    digits = max(len(tick.normalize().as_tuple().digits) for tick in ticks)
    return [f"{float(tick):.{digits}g}" for tick in ticks]


@dataclass(frozen=True)
class YAxis:
    """A panel's y axis: from ``low`` to ``high``, ticks and their labels.

    Drawing code plots :meth:`position` (0 at ``low``, 1 at ``high``), never raw
    values: a plotting library's own arithmetic on 1e308 overflows.
    """

    low: float
    high: float
    ticks: tuple[float, ...]
    labels: tuple[str, ...]

    def position(self, value: float) -> float:
        span = self.high - self.low
        if math.isfinite(span):
            return (value - self.low) / span
        # Halves never overflow; the precision lost is far below what a chart shows.
        return (value / 2 - self.low / 2) / (self.high / 2 - self.low / 2)

    def positions(self, values: Iterable[float]) -> list[float]:
        return [self.position(value) for value in values]


def thin(years: Sequence[int], positions: Sequence[float], cells: int) -> list[int]:
    """Which points of a line to draw on ``cells`` columns: all of them when they fit.

    A line of more than two points a column (65,536 years of int16) is cut to
    the first, lowest, highest and last point of each column: the same picture,
    drawn in a fraction of the time and memory.
    """
    count = len(years)
    if count <= 2 * cells:
        return list(range(count))
    first, span = years[0], max(years[-1] - years[0], 1)
    kept: set[int] = set()
    column_of = [min((year - first) * cells // span, cells - 1) for year in years]
    start = 0
    for end in range(1, count + 1):
        if end == count or column_of[end] != column_of[start]:
            members = range(start, end)
            kept.update(
                (
                    start,
                    end - 1,
                    min(members, key=positions.__getitem__),
                    max(members, key=positions.__getitem__),
                )
            )
            start = end
    return sorted(kept)


def y_axis(values: Sequence[float], indexed: bool = False, count: int = 4) -> YAxis:
    """The y axis for a panel's values; an index axis has a tick at 100 when 100 is inside."""
    low, high = min(values), max(values)
    ticks, step = _decimal_ticks(low, high, count)
    base = Decimal(repr(INDEX_BASE))
    if indexed and base not in ticks and ticks[0] < base < ticks[-1]:
        ticks = sorted({*ticks, base})
    floats = [float(tick) for tick in ticks]
    return YAxis(
        low=min(floats[0], low),
        high=max(floats[-1], high),
        ticks=tuple(floats),
        labels=tuple(_tick_labels(ticks, step)),
    )
