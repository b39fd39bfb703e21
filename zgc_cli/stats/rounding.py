"""Float64 arithmetic rounded outward: each result toward −∞ (``_down``) or +∞ (``_up``).

An operation that was exact is left as it is; Knuth's TwoSum and Dekker's
TwoProduct (Veltkamp's split) tell, vectorised, whether it was and which way
the rounding went, so one ulp is added only where the truth lies beyond the
rounded result. An overflowed +∞ rounds down to the largest float. Checked
against exact rational arithmetic in ``tests/test_intervals.py``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import numpy as np

FloatArray = np.ndarray
BoolArray = np.ndarray

_INF = np.inf
# Veltkamp's splitter for float64 (2**27 + 1), and the magnitudes where the split is exact.
_SPLITTER = 134217729.0
_SPLIT_LIMIT = 2.0**995
_TINY = 2.0**-960

_P = ParamSpec("_P")
_R = TypeVar("_R")


def quiet(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run with numpy's floating-point warnings off: ±∞, NaN and overflow are values here."""

    @functools.wraps(function)
    def quieted(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with np.errstate(all="ignore"):
            return function(*args, **kwargs)

    return quieted


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


def widened(values: FloatArray, toward: float, ulps: int) -> FloatArray:
    finite = np.isfinite(values)
    widened = values
    for _ in range(ulps):
        widened = np.nextafter(widened, toward)
    return np.where(finite, widened, values)
