"""Validate a parsed observations frame with vectorised checks; the first problem names its line.

A million rows cost a few array operations; only once something is wrong does a
check look for the first offending row, to quote its cell and name its file line.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from zgc_cli.errors import DataError
from zgc_cli.model.schema import INTERVAL_COLUMNS, QUALIFIERS, STATUSES, YEAR_BOUND_COLUMNS
from zgc_cli.words import Listed, phrase

YEAR_DTYPE = np.int16  # years fit, and 5M of them take 10 MB


def line_number(row: int, line_numbers: np.ndarray | None) -> int:
    return int(line_numbers[row]) if line_numbers is not None else row + 2


def fail_at(
    label: str,
    frame: pd.DataFrame,
    mask: pd.Series,
    line_numbers: np.ndarray | None,
    column: str,
    problem: str,
) -> None:
    """Raise for the first row where ``mask`` holds, quoting the offending cell."""
    if not mask.any():
        return
    row = int(np.flatnonzero(mask.to_numpy())[0])
    cell = frame[column].iloc[row]
    line = line_number(row, line_numbers)
    if not isinstance(cell, str) and pd.isna(cell):
        raise DataError(phrase("data.empty_cell", label=label, line=line, column=column))
    shown = repr(cell) if isinstance(cell, str) else repr(float(cell))
    raise DataError(
        phrase("data.bad_cell", label=label, line=line, column=column, shown=shown, problem=problem)
    )


def _series_keys(frame: pd.DataFrame) -> np.ndarray | None:
    """One non-negative int64 per row for its (metric, entity, year), or None if it won't fit.

    The category codes and the year already are small integers to combine, in
    one array updated in place (no temporaries the size of the column).
    """
    year = frame["year"].to_numpy()
    if not len(year):
        return None
    metric_codes = frame["metric"].cat.codes.to_numpy()
    entity_codes = frame["entity"].cat.codes.to_numpy()
    # Codes start at -1 (missing): + 1 keeps every key non-negative.
    entity_span = len(frame["entity"].cat.categories) + 1
    year_min = int(year.min())
    year_span = int(year.max()) - year_min + 1
    metric_span = len(frame["metric"].cat.categories) + 1
    if metric_span * entity_span * year_span >= 2**62:
        return None
    key = metric_codes.astype(np.int64)
    key += 1
    key *= entity_span
    key += entity_codes
    key += 1
    key *= year_span
    key += year
    key -= year_min
    return key


def _first_duplicate(frame: pd.DataFrame) -> int | None:
    """The first row whose (metric, entity, year) came before, or None.

    A tidy file is usually sorted by its key: one comparison of neighbours
    proves it has no duplicates. Otherwise a sorted copy of the keys does; only
    a file that has one pays for finding which row it is.
    """
    key = _series_keys(frame)
    if key is None:
        if len(frame) < 2:
            return None
        duplicated = frame.duplicated(["metric", "entity", "year"], keep="first").to_numpy()
    else:
        if len(key) < 2 or bool((key[1:] > key[:-1]).all()):
            return None
        ordered = np.sort(key)
        if not bool((ordered[1:] == ordered[:-1]).any()):
            return None
        del ordered
        duplicated = pd.Series(key).duplicated(keep="first").to_numpy()
    rows = np.flatnonzero(duplicated)
    return int(rows[0]) if len(rows) else None


def _has_missing_codes(column: pd.Series) -> bool:
    return bool((column.cat.codes.to_numpy() < 0).any())


def _only_categories_among(column: pd.Series, allowed: set[str]) -> bool:
    """Whether a category column's every row is one of ``allowed`` (its categories tell)."""
    if not isinstance(column.dtype, pd.CategoricalDtype):
        return False
    if not all(category in allowed for category in column.cat.categories):
        return False
    return not _has_missing_codes(column)


def _number_text(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else repr(float(number))


def _check_optional_numbers(
    label: str, frame: pd.DataFrame, line_numbers: np.ndarray | None
) -> None:
    """``low`` ≤ ``value`` ≤ ``high`` where given; ``year_min``/``year_max`` whole years.

    Only the columns a file has are checked (and a file without them pays nothing).
    """
    for name in YEAR_BOUND_COLUMNS:
        if name not in frame.columns:
            continue
        years = frame[name]
        given = years.notna()
        whole = np.isfinite(years) & (years == np.floor(years))
        fail_at(label, frame, given & ~whole, line_numbers, name, phrase("cell.not_whole_year"))
        in_range = (years >= np.iinfo(YEAR_DTYPE).min) & (years <= np.iinfo(YEAR_DTYPE).max)
        problem = phrase("cell.year_out_of_range")
        fail_at(label, frame, given & ~in_range, line_numbers, name, problem)
        frame[name] = years.astype("Int16")
    present = [name for name in INTERVAL_COLUMNS if name in frame.columns]
    if not present:
        return
    for name in present:
        infinite = pd.Series(np.isinf(frame[name].to_numpy()), index=frame.index)
        fail_at(label, frame, infinite, line_numbers, name, phrase("cell.not_finite"))
    value = frame["value"].to_numpy()
    nothing = np.full(len(value), np.nan)
    low_name, high_name = INTERVAL_COLUMNS
    low = frame[low_name].to_numpy() if low_name in frame.columns else nothing
    high = frame[high_name].to_numpy() if high_name in frame.columns else nothing
    with np.errstate(invalid="ignore"):
        outside = (value < low) | (value > high) | (low > high)
    if not outside.any():
        return
    row = int(np.flatnonzero(outside)[0])
    raise DataError(
        phrase(
            "data.outside_interval",
            label=label,
            line=line_number(row, line_numbers),
            value=_number_text(value[row]),
            low="" if np.isnan(low[row]) else _number_text(low[row]),
            high="" if np.isnan(high[row]) else _number_text(high[row]),
        )
    )


def validate_frame(
    label: str, frame: pd.DataFrame, line_numbers: np.ndarray | None
) -> pd.DataFrame:
    """Vectorised checks of a parsed frame; returns it with ``year`` as a small integer."""
    year = frame["year"]
    value = frame["value"]
    # Test the few distinct ids, not the million cells.
    blank_ids = [name for name in frame["metric"].cat.categories if not str(name).strip()]
    if blank_ids:  # else no row can hold one: no million-row isin
        blank_metric = frame["metric"].isin(blank_ids)
        fail_at(label, frame, blank_metric, line_numbers, "metric", phrase("cell.empty_metric"))
    fail_at(label, frame, year.isna(), line_numbers, "year", phrase("cell.empty"))
    whole = np.isfinite(year) & (year == np.floor(year))
    fail_at(label, frame, ~whole, line_numbers, "year", phrase("cell.not_whole_year"))
    in_range = (year >= np.iinfo(YEAR_DTYPE).min) & (year <= np.iinfo(YEAR_DTYPE).max)
    fail_at(label, frame, ~in_range, line_numbers, "year", phrase("cell.year_out_of_range"))
    fail_at(label, frame, value.isna(), line_numbers, "value", phrase("cell.empty"))
    too_large = np.flatnonzero(np.isinf(np.asarray(value, dtype=float)))
    if len(too_large):  # 401 digits read as inf: not called inf alone
        line = line_number(int(too_large[0]), line_numbers)
        raise DataError(
            phrase("data.too_large", label=label, line=line, column="value", most="±1.8×10³⁰⁸")
        )
    fail_at(label, frame, ~np.isfinite(value), line_numbers, "value", phrase("cell.not_finite"))
    for column, allowed in (("status", STATUSES), ("qualifier", QUALIFIERS)):
        if _only_categories_among(frame[column], {*allowed, ""}):
            continue  # every row holds one of the few categories checked: no row to look at
        unknown = ~frame[column].isin([*allowed, ""])
        problem = phrase("cell.not_one_of", allowed=Listed(allowed))
        fail_at(label, frame, unknown, line_numbers, column, problem)
    frame["year"] = year.astype(np.int16)
    _check_optional_numbers(label, frame, line_numbers)
    row = _first_duplicate(frame)
    if row is not None:
        key = frame.iloc[row]
        same = (
            (frame["metric"] == key["metric"])
            & (frame["entity"] == key["entity"])
            & (frame["year"] == key["year"])
        )
        first_row = int(np.flatnonzero(same.to_numpy())[0])
        raise DataError(
            phrase(
                "data.duplicate",
                label=label,
                line=line_number(row, line_numbers),
                metric=key["metric"],
                entity=key["entity"],
                year=key["year"],
                first=phrase("place.line", number=line_number(first_row, line_numbers)),
            )
        )
    return frame
