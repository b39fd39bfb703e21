"""What a figure is, and so which growth it has: a level, a flow, a running total, a share…

The kind of each metric comes from ``indicators.csv`` (its ``kind`` column); a
file without one has it inferred from the unit: ``percent`` is a share, ``rank``
a rank, anything else a level. Growth follows the kind, everywhere:

* ``level``, ``flow``: every measure, as for any amount;
* ``cumulative`` (a running total since a start): every measure, and the row is
  flagged ``cumulative``: its CAGR is the growth of a total, not of yearly activity;
* ``share`` (and any unit ``percent``): ``change`` is in percentage points
  (flag ``percentage_points``); percent change, ratio and CAGR are undefined;
* ``rank`` (1 = first): ``change`` is to − from in places (flag ``rank_places``:
  5 → 1 is −4, four places gained); the rest undefined;
* ``attribute`` (a spec, a distance): no growth at all (flag ``attribute``).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

import numpy as np
import pandas as pd

from zgc_cli.model.schema import KIND_FLAGS as KIND_FLAG_NAMES


class Kind(StrEnum):
    """What a metric's figures are."""

    level = "level"
    flow = "flow"
    cumulative = "cumulative"
    share = "share"
    rank = "rank"
    attribute = "attribute"


AMOUNTS: frozenset[Kind] = frozenset({Kind.level, Kind.flow, Kind.cumulative})
# Kinds whose change is still defined (in points or places), and all of them.
WITH_CHANGE: frozenset[Kind] = AMOUNTS | {Kind.share, Kind.rank}
ALL_KINDS: frozenset[Kind] = frozenset(Kind)

# The flag each kind puts on a row's growth (the schema's names, in its order).
KIND_FLAGS: dict[Kind, str] = dict(
    zip((Kind.cumulative, Kind.share, Kind.rank, Kind.attribute), KIND_FLAG_NAMES, strict=True)
)


def kind_of_unit(unit: str) -> Kind:
    """The kind a unit implies when the metadata names none."""
    if unit == "percent":
        return Kind.share
    if unit == "rank":
        return Kind.rank
    return Kind.level


def metric_kinds(indicators: pd.DataFrame | None) -> dict[str, Kind]:
    """Each metric's declared kind, from the indicators' ``kind`` column (unknown ones skipped)."""
    if indicators is None or "kind" not in indicators.columns:
        return {}
    known = {kind.value for kind in Kind}
    return {
        str(metric): Kind(str(kind).strip())
        for metric, kind in zip(indicators["metric"], indicators["kind"], strict=True)
        if str(kind).strip() in known
    }


def row_kinds(rows: pd.DataFrame, declared: Mapping[str, Kind] | None = None) -> np.ndarray:
    """Each row's kind: ``percent`` is a share; else the metric's declared kind; else the unit's.

    The texts of :func:`coded_row_kinds`, one object a row.
    """
    return np.asarray(coded_row_kinds(rows, declared), dtype=object)


def coded_row_kinds(
    rows: pd.DataFrame, declared: Mapping[str, Kind] | None = None
) -> pd.Categorical:
    """Each row's kind (see :func:`row_kinds`) as a category: codes, spelled when written.

    Looked up per category (metric and unit are categories as the loader makes them),
    then taken by code: a million rows cost an array take, not a million lookups.
    """
    if "kind" in rows.columns:
        return pd.Categorical(rows["kind"].astype(str).to_numpy(dtype=object))
    declared = declared or {}
    names = [kind.value for kind in Kind]
    metric = _categories(rows["metric"])
    unit = _categories(rows["unit"] if "unit" in rows.columns else pd.Series([""] * len(rows)))
    # The last entry answers code -1 (a missing cell); -1 in by_metric: none declared.
    by_metric = np.array(
        [
            names.index(declared[name].value) if name in declared else -1
            for name in map(str, metric.cat.categories)
        ]
        + [-1],
        dtype=np.int8,
    )
    by_unit = np.array(
        [names.index(kind_of_unit(name).value) for name in map(str, unit.cat.categories)]
        + [names.index(Kind.level.value)],
        dtype=np.int8,
    )
    from_metric = by_metric[metric.cat.codes.to_numpy()]
    from_unit = by_unit[unit.cat.codes.to_numpy()]
    share = names.index(Kind.share.value)
    codes = np.where(from_unit == share, share, np.where(from_metric >= 0, from_metric, from_unit))
    return pd.Categorical.from_codes(
        codes.astype(np.int8), categories=pd.Index(names, dtype=object)
    )


def kinds_in(kinds: pd.Categorical | np.ndarray, wanted: frozenset[Kind]) -> np.ndarray:
    """Where each row's kind is one of ``wanted`` (kinds as a category or as texts)."""
    values = {kind.value for kind in wanted}
    if isinstance(kinds, pd.Categorical):
        table = np.array([str(name) in values for name in kinds.categories] + [False])
        return np.asarray(table[np.asarray(kinds.codes, dtype=np.int64)], dtype=bool)
    return np.isin(kinds, list(values))


def _categories(column: pd.Series) -> pd.Series:
    if isinstance(column.dtype, pd.CategoricalDtype):
        return column
    return column.astype(str).astype("category")
