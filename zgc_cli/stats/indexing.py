"""Series as an index of one common base year = 100 (``zgc plot --indexed``).

Every series is divided by its value in the same base year, so that the lines
start together and their slopes compare growth. The base year is the one asked
for (``--base``), else the earliest year every series has. With a tolerance, a
series without the base year takes its nearest year within ±tolerance, as
``zgc compare --tolerance`` does (the exact year first, then the earlier, then
the later): the matching is :mod:`zgc_cli.stats.growth`'s own.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from zgc_cli.model.schema import SERIES_KEY
from zgc_cli.stats.growth import _candidates, _nearest
from zgc_cli.stats.intervals import (
    Bounds,
    bounded_points,
    bounds_from_columns,
    index_bounds,
    interval_cells,
    written_values,
)
from zgc_cli.stats.observed import observation_bounds

INDEX_BASE = 100.0
_KEY = list(SERIES_KEY)
# The widest --tolerance a "no common base" error suggests (the option's own maximum).
MAX_SUGGESTED_TOLERANCE = 10


class IndexingError(ValueError):
    """The series cannot be indexed to one base year; the present layer words the message."""


class NoCommonBaseError(IndexingError):
    """No year (within ±tolerance) that every series has.

    Attributes:
        tolerance: the tolerance asked for.
        years: every year of the series, sorted.
        suggested_tolerance: the smallest tolerance (up to 10) that gives a common
            base year, or None.
        by_series: (metric, entity, that series' years) of each series: what each
            has, where the years of all together read like the years they share.
    """

    def __init__(
        self,
        tolerance: int,
        years: list[int],
        suggested_tolerance: int | None,
        by_series: list[tuple[str, str, list[int]]] | None = None,
    ) -> None:
        super().__init__(f"no year within ±{tolerance} that every series has")
        self.tolerance = tolerance
        self.years = years
        self.suggested_tolerance = suggested_tolerance
        self.by_series = by_series or []


class NoBaseYearError(IndexingError):
    """Some series have no figure within ±tolerance of the base year asked for.

    Attributes:
        base_year: the year asked for.
        tolerance: the tolerance asked for.
        missing: (metric, entity, that series' years) of each series without one.
    """

    def __init__(
        self, base_year: int, tolerance: int, missing: list[tuple[str, str, list[int]]]
    ) -> None:
        super().__init__(f"{len(missing)} series have no figure within ±{tolerance} of {base_year}")
        self.base_year = base_year
        self.tolerance = tolerance
        self.missing = missing


@dataclass(frozen=True)
class Indexing:
    """Series indexed to one base year.

    Attributes:
        frame: the rows of the series that could be indexed, with ``index`` (value
            over the base value × 100; empty where its strict interval is unbounded)
            and its six interval columns, ``base_year`` (the year used for that series),
            ``base_year_basis`` (how that year is known) and ``base_nearest`` (True
            where the series took a year other than ``base_year``).
        base_year: the common base year (asked for, or the earliest every series has).
        inferred: True when the base year was not asked for but chosen.
        tolerance: how far a series' base may be from ``base_year``.
        skipped: (metric, entity, year, value) of the series left out: a base value
            zero or negative, or so small that the index is too large for a float.
        written: each frame row's index from the figures as written (a bound at its
            number), aligned with ``frame``: where a chart draws a point whose
            ``index`` is empty, beside the bound's mark. Never machine output.
    """

    frame: pd.DataFrame
    base_year: int
    inferred: bool
    tolerance: int
    skipped: pd.DataFrame
    written: pd.Series = field(default_factory=lambda: pd.Series(dtype="float64"))


def _plain(series: pd.DataFrame) -> pd.DataFrame:
    """Text keys, int years and finite float values: the rows an index can use."""
    frame = series.copy()
    for column in _KEY:
        frame[column] = frame[column].astype(str)
    frame["year"] = pd.to_numeric(frame["year"], errors="coerce")
    frame["value"] = pd.to_numeric(frame["value"], errors="coerce").astype("float64")
    # A bound's point is empty in a series' frame: its written value is its finite end.
    frame["_written"] = written_values(frame)
    frame = frame[frame["year"].notna() & np.isfinite(frame["_written"])].copy()
    frame["year"] = frame["year"].astype("int64")
    return frame.reset_index(drop=True)


def _reach(years: np.ndarray, tolerance: int) -> np.ndarray:
    """The years within ±tolerance of any of ``years``."""
    offsets = np.arange(-tolerance, tolerance + 1, dtype=np.int64)
    return np.unique((years[:, None] + offsets[None, :]).ravel())


def common_base_year(frame: pd.DataFrame, tolerance: int = 0) -> int | None:
    """The earliest year of the data that every series has within ±tolerance, or None."""
    if frame.empty:
        return None
    common: np.ndarray | None = None
    for _, group in frame.groupby(_KEY, sort=False):
        reach = _reach(np.unique(group["year"].to_numpy(dtype=np.int64)), tolerance)
        common = reach if common is None else np.intersect1d(common, reach, assume_unique=True)
        if common.size == 0:
            return None
    years = np.unique(frame["year"].to_numpy(dtype=np.int64))
    inside = np.intersect1d(years, common if common is not None else years)
    return int(inside[0]) if inside.size else None


def index_series(series: pd.DataFrame, base: int | None = None, tolerance: int = 0) -> Indexing:
    """Each series as an index of one common base year = 100.

    Args:
        series: observations (``metric, entity, year, value, ...``), e.g. a
            :class:`~zgc_cli.stats.results.SeriesResult`'s frame.
        base: the base year; None for the earliest year every series has.
        tolerance: a series without the base year takes its nearest year within
            ±tolerance (exact first, then earlier, then later).

    Raises:
        ValueError: a negative tolerance.
        NoCommonBaseError: no base asked for, and no year every series has.
        NoBaseYearError: some series have no figure within ±tolerance of ``base``.
    """
    if tolerance < 0:
        raise ValueError(f"a tolerance is a number of years, 0 or more, not {tolerance}")
    frame = _plain(series)
    inferred = base is None
    if base is None:
        base = common_base_year(frame, tolerance)
        if base is None:
            suggestion = next(
                (
                    wider
                    for wider in range(tolerance + 1, MAX_SUGGESTED_TOLERANCE + 1)
                    if common_base_year(frame, wider) is not None
                ),
                None,
            )
            years = sorted({int(year) for year in frame["year"].tolist()})
            by_series = [
                (str(metric), str(entity), sorted({int(year) for year in group["year"]}))
                for (metric, entity), group in frame.groupby(_KEY, sort=False)
            ]
            raise NoCommonBaseError(tolerance, years, suggestion, by_series)
    frame["_row"] = np.arange(len(frame))
    chosen = _nearest(_candidates(frame, base, tolerance))
    years_of = frame.groupby(_KEY, sort=False)["year"].unique()
    missing = [
        (str(key[0]), str(key[1]), sorted(int(year) for year in years))
        for key, years in zip(years_of.index.tolist(), years_of.tolist(), strict=True)
        if key not in chosen.index
    ]
    if missing:
        raise NoBaseYearError(base, tolerance, missing)
    basis = (
        chosen["year_basis"].astype(object).fillna("").astype(str)
        if "year_basis" in chosen.columns
        else pd.Series("", index=chosen.index, dtype=object)
    )
    bases = pd.DataFrame(
        {
            "base_year": chosen["year"].astype("int64"),
            "base_value": chosen["_written"].astype("float64"),
            "base_year_basis": basis,
            "_base_row": chosen["_row"].astype("int64"),
        },
        index=chosen.index,
    )
    joined = frame.join(bases, on=_KEY)
    with np.errstate(over="ignore", under="ignore", divide="ignore", invalid="ignore"):
        index = (
            joined["_written"] / joined["base_value"].where(joined["base_value"] > 0) * INDEX_BASE
        )
    finite = index.map(math.isfinite)
    whole = finite.groupby([joined["metric"], joined["entity"]], sort=False).transform("all")
    indexable = (joined["base_value"] > 0) & whole.astype(bool)
    starts = joined.loc[~indexable & (joined["year"] == joined["base_year"])]
    skipped = starts[[*_KEY, "year", "_written"]].rename(columns={"_written": "value"})
    skipped = skipped.reset_index(drop=True)
    intervals = bounds_from_columns(frame, "value") or observation_bounds(frame)
    kept = indexable.to_numpy()
    rows, base_rows = joined["_row"].to_numpy()[kept], joined["_base_row"].to_numpy()[kept]
    strict = index_bounds(intervals[0].take(rows), intervals[0].take(base_rows), INDEX_BASE)
    conventional = index_bounds(intervals[1].take(rows), intervals[1].take(base_rows), INDEX_BASE)
    # The base year's own row is 100 exactly: its value over itself, not over another figure.
    itself = rows == base_rows
    strict, conventional = (
        Bounds(
            np.where(itself, INDEX_BASE, bounds.low),
            np.where(itself, INDEX_BASE, bounds.high),
            bounds.low_open & ~itself,
            bounds.high_open & ~itself,
        )
        for bounds in (strict, conventional)
    )
    result = joined.loc[indexable].drop(columns=["base_value", "_written", "_row", "_base_row"])
    points = np.where(itself, INDEX_BASE, index.loc[indexable].to_numpy(dtype="float64"))
    result = result.assign(
        index=bounded_points(points, strict), **interval_cells("index", strict, conventional)
    )
    result["base_nearest"] = result["base_year"] != base
    return Indexing(
        frame=result.reset_index(drop=True),
        base_year=int(base),
        inferred=inferred,
        tolerance=tolerance,
        skipped=skipped,
        written=pd.Series(points, dtype="float64"),
    )
