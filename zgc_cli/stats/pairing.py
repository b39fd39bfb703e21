"""Which figures a comparison takes and in what order: the years near those asked,
the series not compared and why, and the sort of its rows.

Nothing here computes growth (:mod:`zgc_cli.stats.growth` does, and re-exports these).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from zgc_cli.model.schema import SERIES_KEY
from zgc_cli.stats.measures import MEASURES, View, measures_for
from zgc_cli.stats.select import UnknownSelectionError, available_years, require_years
from zgc_cli.words import Listed, phrase

_KEY = list(SERIES_KEY)


def sort_keys() -> list[str]:
    """The columns a comparison can be sorted by."""
    return [
        "metric",
        "entity",
        "value_from",
        "value_to",
        *(m.name for m in measures_for(View.compare)),
    ]


def sorts_descending(key: str) -> bool:
    """Whether a sort key puts the largest first by default (numbers do, names don't)."""
    if key in ("value_from", "value_to"):
        return True
    measure = MEASURES.get(key)
    return measure.descending if measure is not None else False


def require_years_near(observations: pd.DataFrame, *wanted: int, tolerance: int = 0) -> None:
    """Raise, naming the years there are, unless each wanted year has data within ±tolerance."""
    if tolerance == 0:
        require_years(observations, *wanted)
        return
    years = np.asarray(available_years(observations), dtype=np.int64)
    for year in wanted:
        if not (np.abs(years - year) <= tolerance).any():
            raise UnknownSelectionError(
                phrase(
                    "select.no_year_near",
                    year=year,
                    tolerance=tolerance,
                    available=Listed(years.tolist(), quoted=False),
                )
            )


def _nearness(years: pd.Series, year: int) -> pd.Series:
    """How near each year is to ``year``: 0 exact, then 1 a year earlier, 2 later, 3, 4…"""
    offset = years.astype("int64") - year
    return 2 * offset.abs() - (offset < 0).astype("int64")


def _candidates(observations: pd.DataFrame, year: int, tolerance: int) -> pd.DataFrame:
    """The rows within ±tolerance of ``year``, each with its ``_rank`` (see :func:`_nearness`)."""
    if tolerance == 0:
        rows = observations[observations["year"] == year]
        return rows.assign(_rank=np.zeros(len(rows), dtype=np.int64))
    near = (observations["year"].astype("int64") - year).abs() <= tolerance
    rows = observations[near]
    return rows.assign(_rank=_nearness(rows["year"], year))


def _nearest(candidates: pd.DataFrame) -> pd.DataFrame:
    """Each series' best candidate, indexed by series."""
    best = candidates.sort_values("_rank", kind="stable").drop_duplicates(_KEY)
    return best.set_index(_KEY)


def _pairs(starts: pd.DataFrame, ends: pd.DataFrame, keys: pd.Index) -> pd.DataFrame:
    """For series whose nearest ends are out of order: two years in order, nearest in all.

    The pair with the smallest sum of ranks wins, ties going to the nearer start;
    a series with one observation in reach of both ends has no pair and is left out.
    Returns one row per paired series: the row labels of its start and its end.
    """
    columns = [*_KEY, "year", "_rank"]
    start = starts.loc[starts.set_index(_KEY).index.isin(keys), columns]
    end = ends.loc[ends.set_index(_KEY).index.isin(keys), columns]
    pairs = start.reset_index(names="_start").merge(
        end.reset_index(names="_end"), on=_KEY, suffixes=("_s", "_e")
    )
    pairs = pairs[pairs["year_s"].astype("int64") < pairs["year_e"].astype("int64")]
    pairs = pairs.assign(_sum=pairs["_rank_s"] + pairs["_rank_e"])
    return pairs.sort_values(["_sum", "_rank_s"], kind="stable").drop_duplicates(_KEY)


# Why a series is not compared (the ``reason`` of compare's JSON rows).
NO_YEAR_FROM = "no_year_from"  # no figure of the first year (within the tolerance)
NO_YEAR_TO = "no_year_to"  # no figure of the second year
ONE_OBSERVATION = "one_observation"  # one figure is the nearest to both years (a tolerance)
STATUS_LEFT_OUT = "status_left_out"  # the missing end has a figure --status left out
NOT_COMPARED_REASONS: tuple[str, ...] = (NO_YEAR_FROM, NO_YEAR_TO, ONE_OBSERVATION, STATUS_LEFT_OUT)


def _key_frame(units: pd.Series, *parts: tuple[pd.Index, str]) -> pd.DataFrame:
    """(metric, entity) of the series not compared, each with its unit and ``reason``, sorted."""
    frames = [
        index.to_frame(index=False)
        .astype(str)
        .assign(unit=units.loc[index].to_numpy(dtype=object), reason=reason)
        for index, reason in parts
        if len(index)
    ]
    if not frames:
        return pd.DataFrame(
            {name: pd.Series(dtype=str) for name in ("metric", "entity", "unit", "reason")}
        )
    frame = pd.concat(frames, ignore_index=True)
    return frame.sort_values(_KEY, kind="stable").reset_index(drop=True)


def status_left_out(
    missing: pd.DataFrame, every_status: pd.DataFrame, year: int, tolerance: int
) -> pd.DataFrame:
    """``missing`` (series without ``year``), its reason ``status_left_out`` where the
    observations of every status have a figure within ±tolerance of ``year``."""
    if missing.empty:
        return missing
    near = (every_status["year"].astype("int64") - year).abs() <= tolerance
    have = set(
        zip(
            every_status.loc[near, "metric"].astype(str),
            every_status.loc[near, "entity"].astype(str),
            strict=True,
        )
    )
    keys = zip(missing["metric"], missing["entity"], strict=True)
    left_out = np.array([key in have for key in keys], dtype=bool)
    reasons = missing["reason"].to_numpy(dtype=object)
    replaceable = left_out & (reasons != ONE_OBSERVATION)
    return missing.assign(reason=np.where(replaceable, STATUS_LEFT_OUT, reasons))


def _name_order(names: pd.Series) -> pd.Series:
    """Keys that sort names A→Z: category codes when the categories already are in order."""
    if (
        isinstance(names.dtype, pd.CategoricalDtype)
        and names.cat.categories.is_monotonic_increasing
    ):
        return pd.Series(names.cat.codes, index=names.index)
    return names.astype(str)


def sort_comparison(frame: pd.DataFrame, key: str, reverse: bool = False) -> pd.DataFrame:
    """Sort a comparison: numbers largest first, names A→Z; missing numbers last."""
    descending = sorts_descending(key)
    if reverse:
        descending = not descending
    by = [key] + [name for name in _KEY if name != key]
    # The sort keys alone are sorted: the rows are taken once, and not at all when in order.
    keys = pd.DataFrame(
        {name: _name_order(frame[name]) if name in _KEY else frame[name] for name in by},
        index=frame.index,
    )
    order = keys.sort_values(
        by,
        ascending=[not descending] + [True] * (len(by) - 1),
        na_position="last",
        kind="stable",
    ).index
    return rows_in_order(frame, order)


def rows_in_order(frame: pd.DataFrame, order: pd.Index) -> pd.DataFrame:
    """The rows of ``frame`` in the order of their labels ``order``, numbered from 0.

    Rows already in that order are not copied (a comparison of a million rows
    has fifty-odd columns; sorting one in order costs a check).
    """
    if order.equals(frame.index):
        return frame.reset_index(drop=True)
    return frame.loc[order].reset_index(drop=True)
