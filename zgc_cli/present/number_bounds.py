"""A quantity's interval as the stats layer writes it, and a written number's precision.

What a cell holds (a number, None, NaN, pandas' NA, a flag written as text) and how
a quantity is written (:class:`Notation`), apart from how it is formatted
(:mod:`zgc_cli.present.numbers`, which re-exports every name here).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


def is_missing(value: Any) -> bool:
    """None, NaN or pandas' NA."""
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN is not equal to itself
    except TypeError:
        return True  # pandas' NA: NA != NA is NA, whose truth is undefined
    except ValueError:
        return False


# The interval columns that follow a quantity, in their documented order.
INTERVAL_SUFFIXES = (
    "_low",
    "_high",
    "_low_open",
    "_high_open",
    "_low_conventional",
    "_high_conventional",
)


class Notation(StrEnum):
    """How a quantity is written: the styles of :mod:`zgc_cli.stats.measures`, and a value's."""

    value = "value"  # a figure in its unit: 3.6万亿, 43%
    amount = "amount"  # a change in the unit, signed: +5万亿
    percent = "percent"  # a percent change, signed: +138.9%
    ratio = "ratio"  # 2.39×
    share = "share"  # a share of a whole: 43.9%
    points = "points"  # a change of a share: +20 pp
    index_value = "index"  # an index, base = 100: 238.9


@dataclass(frozen=True)
class Bounds:
    """A quantity's interval as the stats layer gives it; None for an unbounded end.

    Attributes:
        low, high: the strict interval's ends (None: unbounded on that side).
        low_open, high_open: the end is excluded (or unbounded).
        conventional_low, conventional_high: the conventional reading's ends.
    """

    low: float | None
    high: float | None
    low_open: bool = False
    high_open: bool = False
    conventional_low: float | None = None
    conventional_high: float | None = None

    @property
    def bounded(self) -> bool:
        return self.low is not None and self.high is not None

    @property
    def conventional(self) -> tuple[float, float] | None:
        """The conventional reading, when it bounds both sides."""
        if self.conventional_low is None or self.conventional_high is None:
            return None
        return self.conventional_low, self.conventional_high


def number_or_none(value: Any) -> float | None:
    """A cell as a finite number, or None (empty, missing, not a number, infinite)."""
    if is_missing(value) or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isinf(number) else number


def _flag(value: Any) -> bool:
    if is_missing(value):
        return False
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value)


def bounds_of(row: Mapping[Any, Any], name: str) -> Bounds | None:
    """The interval of quantity ``name`` in a row, or None when the row has no interval columns
    for it (a user's own frame, or a quantity undefined here: a zero base, another kind).

    An end is unbounded where its cell is empty and its open flag is set; both ends empty
    without open flags is an undefined quantity, not an unbounded one.
    """
    if f"{name}_low" not in row or f"{name}_high" not in row:
        return None
    low, high = number_or_none(row[f"{name}_low"]), number_or_none(row[f"{name}_high"])
    low_open, high_open = _flag(row.get(f"{name}_low_open")), _flag(row.get(f"{name}_high_open"))
    if low is None and high is None and not (low_open or high_open):
        return None
    return Bounds(
        low,
        high,
        low_open,
        high_open,
        number_or_none(row.get(f"{name}_low_conventional")),
        number_or_none(row.get(f"{name}_high_conventional")),
    )


_MANTISSA = re.compile(r"(\d[\d,]*)(?:\.(\d+))?(?:E([+-]?\d+))?")


def shown_step(text: str, value: float, whole_zeros: bool = True) -> float:
    """The step of the last digit a written number shows, in the number's own units.

    ``3.6万亿`` → 1000亿; ``+50.0%`` → 0.1; ``63,000`` → 1000 (the zeros of a whole
    number say nothing of its precision: 63,000 reads as 6.3万 does).
    """
    match = _MANTISSA.search(text)
    if match is None:
        return 0.0
    whole, fraction, exponent = match.group(1).replace(",", ""), match.group(2), match.group(3)
    mantissa = float(f"{whole}.{fraction}" if fraction else whole)
    if fraction:
        step = 10.0 ** -len(fraction)
    elif not whole_zeros:
        step = 1.0
    else:
        stripped = whole.rstrip("0")
        step = 10.0 ** (len(whole) - len(stripped)) if stripped else 1.0
    if exponent is not None:
        return step * 10.0 ** int(exponent)
    scale = abs(value) / mantissa if mantissa else 0.0
    if not 0 < scale < math.inf:  # a zero, or a subnormal value whose scale underflows
        return step
    # The scale a compact form hides (万亿, million): a power of ten.
    return step * 10.0 ** round(math.log10(scale))
