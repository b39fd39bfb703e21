"""The rows of a verify report, and reading cells that may be empty, NaN or text."""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping
from typing import TypedDict

import pandas as pd

PASS, FAIL, UNSOURCED = "pass", "fail", "unsourced"
# A claim whose tested value was derived from the claim's own words: it holds by construction.
DEFINITIONAL = "definitional"

RESULT_COLUMNS: list[str] = [
    "check",
    "metric",
    "entity",
    "year",
    "expected",
    "found",
    "result",
    "detail",
]

OBSERVATION_CHECKS: tuple[str, ...] = (
    "source",
    "quote",
    "figure",
    "value",
    "qualifier",
    "status",
    "unit",
    "derived",
    "operands",
    "interval",
    "year",
    "year_bounds",
    "indicator",
    "metric",
    "entity",
)
# The checks of the entities table (metric ``entities`` in the report).
ENTITY_TABLE_CHECKS: tuple[str, ...] = ("parent", "alias")


class CheckRow(TypedDict):
    """One row of a verify report: what was checked, of which figure, and the result.

    The keys are :data:`RESULT_COLUMNS`. ``expected``, ``found`` and ``detail`` may be
    Phrases (a str in English, any language for the views).
    """

    check: str
    metric: str
    entity: str
    year: int | None
    expected: str
    found: str
    result: str
    detail: str


def _text(value: object) -> str:
    """A cell as stripped text; missing cells (None, NaN, NA) become ''."""
    if value is None:
        return ""
    try:
        if pd.isna(value):  # type: ignore[call-overload]
            return ""
    except (TypeError, ValueError):
        pass
    return str(value).strip()


def _number(value: object) -> float | None:
    text = _text(value)
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        return None
    return None if math.isnan(number) else number


def _year(value: object) -> int | None:
    number = _number(value)
    return int(number) if number is not None and number.is_integer() else None


def _flag(value: object, default: bool) -> bool:
    text = _text(value).lower()
    if not text:
        return default
    return text in ("true", "1", "1.0", "yes")


def _result(
    check: str,
    row: Mapping[Hashable, object],
    expected: str,
    found: str,
    passed: bool | None,
    detail: str,
    *,
    result: str | None = None,
) -> CheckRow:
    """One result row; ``result`` overrides the pass/fail/unsourced that ``passed`` gives."""
    if result is None:
        result = UNSOURCED if passed is None else PASS if passed else FAIL
    return {
        "check": check,
        "metric": _text(row.get("metric")),
        "entity": _text(row.get("entity")),
        "year": _year(row.get("year")),
        "expected": expected,
        "found": found,
        "result": result,
        "detail": detail,
    }


def _frame(results: list[CheckRow]) -> pd.DataFrame:
    frame = pd.DataFrame(results, columns=RESULT_COLUMNS)
    # Object columns keep each cell's Phrase (English as a str, its id for other languages).
    for name in ("expected", "found", "detail"):
        frame[name] = pd.Series([row[name] for row in results], dtype=object)
    frame["year"] = frame["year"].astype("Int64")
    return frame
