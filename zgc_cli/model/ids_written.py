"""Ids as their file writes them, whatever pandas makes of them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd
from pandas.api.types import is_numeric_dtype

from zgc_cli.model.schema import CATEGORY_COLUMNS


def ids_as_written(
    frame: pd.DataFrame, reread: Callable[[Sequence[str]], pd.DataFrame]
) -> pd.DataFrame:
    """The frame with every id as its file writes it.

    pandas makes numbers of a category column whose every cell looks like one (an
    entity ``007`` became 7, ``1.50`` became 1.5): such a column, rare, is read again
    as text (``reread`` of those columns' names gives the frame with
    them as text) and made categories of that text.
    """
    numeric = [
        name
        for name in CATEGORY_COLUMNS
        if name in frame.columns and is_numeric_dtype(frame[name].cat.categories.dtype)
    ]
    if not numeric:
        return frame
    texts = reread(numeric)
    for name in numeric:
        frame[name] = texts[name].astype("category")
    return frame
