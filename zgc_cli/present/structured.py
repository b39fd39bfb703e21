"""What JSON and JSON Lines write of a result, where it differs from the delimited rows.

CSV keeps one cell a field: ``flags`` there is one text, its flags joined by ``;``.
JSON can say more: each flags cell is an array of flag names (``[]`` for none), and
``compare`` also lists the series it did not compare, after the compared ones, with
null values and the ``reason`` (see :data:`zgc_cli.stats.growth.NOT_COMPARED_REASONS`);
a compared row's ``reason`` is null. The shipped JSON Schemas
(:mod:`zgc_cli.present.schemas`) describe these rows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from zgc_cli.model.schema import FLAG_SEPARATOR

if TYPE_CHECKING:
    from zgc_cli.stats.results import Result


def flag_lists(column: pd.Series) -> pd.Series:
    """A column of ``;``-joined flags as lists of flag names; a missing cell is ``[]``.

    Each distinct text is split once: a million rows hold a few dozen kinds of flags.
    """
    texts = column.astype(object).where(column.notna(), "").astype(str).to_numpy(dtype=object)
    codes, distinct = pd.factorize(texts)
    lists = [[flag for flag in text.split(FLAG_SEPARATOR) if flag] for text in distinct]
    cells = np.empty(len(lists), dtype=object)
    cells[:] = lists
    # A list per row, not shared: a caller that edits one row's list edits no other.
    return pd.Series([list(cells[code]) for code in codes], index=column.index, dtype=object)


def _flag_columns(result: Result) -> tuple[str, ...]:
    from zgc_cli.stats.results import (
        CatalogResult,
        ComparisonResult,
        SeriesResult,
        ShareResult,
    )

    if isinstance(result, SeriesResult | ComparisonResult | ShareResult):
        return ("flags",)
    if isinstance(result, CatalogResult):
        return ("latest_flags",)
    return ()


def _with_not_compared(
    frame: pd.DataFrame, only_from: pd.DataFrame, only_to: pd.DataFrame
) -> pd.DataFrame:
    """Compared rows (``reason`` null), then each series not compared: nulls and its reason."""
    compared = frame.assign(reason=pd.Series([None] * len(frame), index=frame.index, dtype=object))
    missing = pd.concat([only_from, only_to], ignore_index=True)
    if missing.empty:
        return compared
    missing = missing.sort_values(["metric", "entity"], kind="stable").reset_index(drop=True)
    # Text (categories too) as objects, so the two parts join without a category clash.
    texts = {
        name: compared[name].astype(object)
        for name in compared.columns
        if isinstance(compared[name].dtype, pd.CategoricalDtype)
    }
    compared = compared.assign(**texts)
    # Empty rows of the same columns: numbers stay numbers (NaN, written null).
    rows = compared.iloc[:0].reindex(range(len(missing)))
    for name in ("metric", "entity", "unit", "reason"):
        if name in rows.columns:
            rows[name] = missing[name].to_numpy(dtype=object)
    if "flags" in rows.columns:
        rows["flags"] = ""
    return pd.concat([compared, rows], ignore_index=True)


def json_frame(result: Result) -> pd.DataFrame:
    """The rows JSON and JSON Lines write of ``result`` (its ``frame`` for delimited text)."""
    from zgc_cli.stats.results import ComparisonResult

    frame = result.frame
    if isinstance(result, ComparisonResult):
        frame = _with_not_compared(frame, result.only_from, result.only_to)
    columns = [name for name in _flag_columns(result) if name in frame.columns]
    if not columns:
        return frame
    return frame.assign(**{name: flag_lists(frame[name]) for name in columns})
