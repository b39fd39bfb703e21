"""Which revision of a diff is the largest, by what the figures allow.

Two figures written as points (3.6万亿 → 3.7万亿) are compared by their points, as
a reader compares them. Where either side is a bound or an interval (突破14万, a
derived 179…193万, 约43%), its point is not what the words say: revisions are then
ranked by the least relative change the two figures' strict intervals allow (the
revision that is certain), and a revision whose interval allows no change at all
(突破14万 → 突破15万: the count may not have moved) is not ranked.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from zgc_cli.model.schema import INTERVAL_COLUMNS
from zgc_cli.stats.rounding import BoolArray, FloatArray

# How the largest revision was found (DiffResult.largest_by).
BY_POINT = "point"  # every revision is between two figures written as points
BY_LEAST_CHANGE = "least_change"  # some rest on a bound or interval: the certain change
NONE_CERTAIN = "none_certain"  # some rest on one, and no revision is certain


@dataclass(frozen=True)
class LargestRevision:
    """The largest revision of a diff's rows, and how it was ranked.

    Attributes:
        position: its row, or -1 when there is none (no revision, or none certain).
        by: :data:`BY_POINT`, :data:`BY_LEAST_CHANGE` or :data:`NONE_CERTAIN`.
        bounded: how many revisions rest on a bound or interval at either side.
    """

    position: int
    by: str
    bounded: int


def given_intervals(frame: pd.DataFrame) -> BoolArray:
    """Rows with an interval of their own (a derived row's ``low``/``high``): not points."""
    given = np.zeros(len(frame), dtype=bool)
    for name in INTERVAL_COLUMNS:
        if name in frame.columns:
            given |= frame[name].notna().to_numpy()
    return given


def written_as_points(rows: pd.DataFrame) -> BoolArray:
    """Rows whose two figures are both points as written: unhedged, no interval of their own.

    ``rows`` has each side's ``qualifier`` and ``_given`` (the data gave a low/high).
    """
    both = np.ones(len(rows), dtype=bool)
    for side in ("old", "new"):
        given = rows[f"{side}_given"].astype("boolean").fillna(False).to_numpy(dtype=bool)
        both &= (rows[f"{side}_qualifier"] == "exact").to_numpy() & ~given
    return both


def side_intervals(rows: pd.DataFrame, points: BoolArray) -> pd.DataFrame:
    """Each side's strict interval (``old_value_low``…, as :func:`bounds_of` reads it) and
    whether the row rests on a bound or interval (``bounded``), for the views."""
    sides: dict[str, object] = {"bounded": ~np.asarray(points, dtype=bool)}
    for side in ("old", "new"):
        for end in ("low", "high", "low_open", "high_open"):
            sides[f"{side}_value_{end}"] = rows[f"{side}_{end}"].to_numpy()
    return pd.DataFrame(sides)


def least_change(low: FloatArray, high: FloatArray) -> FloatArray:
    """The smallest |relative change| an interval [low, high] allows (0 where it holds 0)."""
    with np.errstate(invalid="ignore"):
        least = np.where(low > 0, low, np.where(high < 0, -high, 0.0))
    return np.where(np.isnan(low) | np.isnan(high), np.nan, least)


def largest_revision(
    revisions: BoolArray,
    point_change: FloatArray,
    both_points: BoolArray,
    low: FloatArray,
    high: FloatArray,
) -> LargestRevision:
    """The largest of the rows that are ``revisions`` (a value moved).

    Args:
        point_change: |NEW / OLD − 1| from the points.
        both_points: both figures are written as points (exact, no interval of their own).
        low, high: the strict interval of the percent change.
    """
    candidates = np.asarray(revisions, dtype=bool)
    bounded = candidates & ~np.asarray(both_points, dtype=bool)
    if not bounded.any():
        ranked = np.where(candidates, point_change, np.nan)
        with np.errstate(invalid="ignore"):
            finite = np.isfinite(ranked)
        position = int(np.nanargmax(ranked)) if finite.any() else -1
        return LargestRevision(position, BY_POINT, 0)
    certain = np.where(candidates, least_change(low, high), np.nan)
    with np.errstate(invalid="ignore"):
        if not (certain > 0).any():
            return LargestRevision(-1, NONE_CERTAIN, int(bounded.sum()))
    return LargestRevision(int(np.nanargmax(certain)), BY_LEAST_CHANGE, int(bounded.sum()))
