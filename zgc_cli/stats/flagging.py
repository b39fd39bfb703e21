"""The ``flags`` of observations and of growth: which marks a row carries, as bits, spelled once.

Each flag of :data:`~zgc_cli.model.schema.FLAG_ORDER` is a bit of a row's code; the
few codes that occur are spelled (their flags joined by ``;`` in that order) once,
and the column is a category of them: a million rows cost integer arithmetic and
an array of codes, and the text is made only where the rows are written.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from zgc_cli.model.schema import (
    FLAG_ORDER,
    FLAG_SEPARATOR,
    INFERRED_YEAR_FLAG,
    OBSERVATION_FLAGS,
    OVERFLOW_FLAG,
    STATUS_FLAGS,
)
from zgc_cli.stats.kinds import KIND_FLAGS

FloatArray = np.ndarray


def flag_codes(*endpoints: pd.DataFrame) -> np.ndarray:
    """Each row's observation flags as bits (bit i: ``OBSERVATION_FLAGS[i]``).

    Each endpoint frame has ``status`` and ``qualifier`` columns (and may have
    ``year_basis``), aligned by position; a flag is set when any endpoint has it.
    """
    codes = np.zeros(len(endpoints[0]), dtype=np.int64)
    for bit, name in enumerate(OBSERVATION_FLAGS):
        column, wanted = (
            ("year_basis", "inferred")
            if name == INFERRED_YEAR_FLAG
            else ("status" if name in STATUS_FLAGS else "qualifier", name)
        )
        present = np.zeros(len(codes), dtype=bool)
        for endpoint in endpoints:
            if column in endpoint.columns:
                present |= (endpoint[column] == wanted).to_numpy(dtype=bool)
        codes |= present.astype(np.int64) << bit
    return codes


def spelled_flags(codes: np.ndarray) -> pd.Categorical:
    """Bit codes (over :data:`FLAG_ORDER`) as a category of their ``;``-joined texts."""
    present, positions = np.unique(codes, return_inverse=True)
    texts = [
        FLAG_SEPARATOR.join(name for bit, name in enumerate(FLAG_ORDER) if code >> bit & 1)
        for code in present.tolist()
    ]
    categories = pd.Index(texts, dtype=object)
    return pd.Categorical.from_codes(positions.reshape(-1).astype(np.int32), categories=categories)


def growth_flag_codes(
    codes: np.ndarray, kinds: pd.Categorical, overflowed: FloatArray
) -> np.ndarray:
    """Observation flag codes with what the kind did to the growth and ``overflow`` added.

    ``kinds`` is each row's kind as a category (see :func:`zgc_cli.stats.kinds.coded_row_kinds`).
    """
    kind_bits = []
    for category in kinds.categories:
        flag = next((flag for kind, flag in KIND_FLAGS.items() if kind.value == str(category)), "")
        kind_bits.append(1 << FLAG_ORDER.index(flag) if flag else 0)
    by_kind = np.array([*kind_bits, 0], dtype=np.int64)  # the last answers code -1
    overflow = np.asarray(overflowed, dtype=bool).astype(np.int64) << FLAG_ORDER.index(
        OVERFLOW_FLAG
    )
    return codes | by_kind[np.asarray(kinds.codes, dtype=np.int64)] | overflow


def flags(*endpoints: pd.DataFrame) -> pd.Series:
    """The flags of observations: ``estimate``, ``derived``, the bounds, ``inferred_year``.

    Flags are joined by ``;`` in a fixed order, empty for plain reported figures
    (see :func:`flag_codes` for the endpoints).
    """
    # The few distinct bit patterns are spelled out once and looked up.
    spelled = np.array(
        [
            FLAG_SEPARATOR.join(
                name for bit, name in enumerate(OBSERVATION_FLAGS) if code >> bit & 1
            )
            for code in range(1 << len(OBSERVATION_FLAGS))
        ],
        dtype=object,
    )
    return pd.Series(spelled[flag_codes(*endpoints)], index=endpoints[0].index, dtype=object)


def _appended(texts: np.ndarray, flag: str, where: np.ndarray) -> np.ndarray:
    joined = np.where(texts == "", flag, texts + FLAG_SEPARATOR + flag)
    return np.where(where, joined, texts)


def with_growth_flags(
    flag_texts: pd.Series, kinds: np.ndarray, overflowed: FloatArray
) -> pd.Series:
    """Flags with what the kind did to the growth, then ``overflow``, added in that order."""
    texts = flag_texts.to_numpy(dtype=object)
    for kind, flag in KIND_FLAGS.items():
        present = kinds == kind.value
        if present.any():
            texts = _appended(texts, flag, present)
    if overflowed.any():
        texts = _appended(texts, OVERFLOW_FLAG, overflowed)
    return pd.Series(texts, index=flag_texts.index, dtype=object)
