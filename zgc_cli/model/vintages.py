"""Vintages: several publications of one figure, the latest current, the earlier kept.

Each row has a publication date: its own ``published`` cell when the file has that
column, else the date of its source's publication (``datapackage.json``, the
first of ``sources``), else none. Where several sources hold one (metric, entity,
year), the row published last is the current figure and the earlier rows are its
vintages: set aside from the observations every command computes with, and kept
(:attr:`VintagedCombined.vintages`) for the views, ``source`` and ``diff``.
``--prefer`` still decides first, as it always has; rows of one date (or undated)
that clash are the same error as ever, and so is a duplicate within one source.

``as_of`` (``--as-of DATE``) keeps only rows published on or before DATE, before
anything else: for each figure, the latest vintage known then. Dates may be of
any precision (``2024``, ``2024-04``, ``2024-04-15``): a publication counts from
the start of its period, ``as_of`` to its end (``--as-of 2024-04`` knows a
publication dated ``2024-04``). An undated row is always known.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from zgc_cli.errors import DataError, ZgcError
from zgc_cli.model.combine import (
    KEY_COLUMNS,
    Combined,
    LoadedSource,
    _duplicate_message,
    _stack,
)
from zgc_cli.model.observations import Observations
from zgc_cli.model.schema import CATEGORY_COLUMNS
from zgc_cli.words import phrase

PUBLISHED_COLUMN = "published"  # a row's own publication date (a later source's rows)
PUBLICATION_COLUMN = "publication"  # which of its package's sources a row comes from
SCOPE_COLUMNS: tuple[str, ...] = ("scope", "scope_zh", "scope_differs")
ORIGIN = "origin"  # vintages frame: the source's position among the sources
DATE = "published_date"  # vintages frame: the row's publication date ('' when unknown)

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def date_start(text: str) -> str:
    """The first day a date of any precision covers (``2024-04`` → ``2024-04-01``); '' if none."""
    found = _DATE.match(text.strip())
    if not found:
        return ""
    year, month, day = found.groups()
    return f"{year}-{month or '01'}-{day or '01'}"


def date_end(text: str) -> str:
    """The last day a date covers, for comparison (``2024-04`` → ``2024-04-31``: no such
    day is needed, only an upper bound in string order)."""
    found = _DATE.match(text.strip())
    if not found:
        return ""
    year, month, day = found.groups()
    return f"{year}-{month or '12'}-{day or '31'}"


def parse_as_of(text: str) -> str:
    """``--as-of``'s DATE as the end of its period, or an error naming the forms it takes."""
    end = date_end(text)
    if not end:
        raise ZgcError(phrase("vintages.bad_as_of", value=text))
    return end


def package_date(package: dict[str, object] | None) -> str:
    """The date of the first publication a data package names ('' when none)."""
    if not package:
        return ""
    sources = package.get("sources")
    if isinstance(sources, list) and sources and isinstance(sources[0], dict):
        return str(sources[0].get("date", "") or "")
    return ""


@dataclass(frozen=True)
class VintagedCombined(Combined):
    """Combined observations with their vintages.

    Attributes:
        dates: each current row's publication date as written ('' when unknown).
        vintages: the earlier publications of current figures: the observations'
            columns, plus ``origin`` (the source's position) and ``published_date``.
        not_yet: rows left out by ``as_of`` (published after it), by source label.
    """

    dates: np.ndarray | None = None
    vintages: pd.DataFrame | None = None
    not_yet: dict[str, int] | None = None


def _row_dates(frame: pd.DataFrame, origins: np.ndarray, source_dates: Sequence[str]) -> np.ndarray:
    dates = np.array([d if date_start(d) else "" for d in source_dates], dtype=object)[origins]
    if PUBLISHED_COLUMN in frame.columns:
        own = frame[PUBLISHED_COLUMN].astype(str).map(lambda d: d if date_start(d) else "")
        dates = np.where(own.to_numpy(dtype=object) != "", own.to_numpy(dtype=object), dates)
    return dates


def combine_vintages(
    loaded: Sequence[LoadedSource],
    prefer: Sequence[object] = (),
    source_dates: Sequence[str] = (),
    as_of: str | None = None,
) -> VintagedCombined:
    """Several sources as one: current figures, their vintages, and what ``as_of`` left out.

    Args:
        loaded: each source's observations.
        prefer: the sources (``LoadedSource.source``) whose figure counts, most preferred first.
        source_dates: each source's publication date (its package's), '' when unknown.
        as_of: keep rows published on or before this date (see :func:`parse_as_of`).
    """
    dates_of_sources = list(source_dates) or [""] * len(loaded)
    if len(loaded) == 1:
        frame = loaded[0].observations.frame
        source_columns = list(loaded[0].observations.source_columns)
    else:
        frame, source_columns = _stack(loaded)
    origins = np.repeat(np.arange(len(loaded)), [len(one.observations.frame) for one in loaded])
    dates = _row_dates(frame, origins, dates_of_sources)
    full_frame, full_origins = frame, origins
    positions = np.arange(len(frame))
    not_yet: dict[str, int] = {}
    if as_of is not None:
        end = parse_as_of(as_of)
        known = np.array([not d or date_start(d) <= end for d in dates], dtype=bool)
        for origin, count in zip(*np.unique(origins[~known], return_counts=True), strict=True):
            not_yet[loaded[int(origin)].source.label] = int(count)
        frame = frame[known].reset_index(drop=True)
        origins, dates, positions = origins[known], dates[known], positions[known]

    def clash(first: int, second: int) -> DataError:
        pair = np.array([positions[first], positions[second]])
        return DataError(_duplicate_message(full_frame, full_origins, pair, loaded))

    rank_of = {source: rank for rank, source in enumerate(prefer)}
    ranks = np.array([rank_of.get(one.source, len(prefer)) for one in loaded])[origins]
    starts = np.array([date_start(d) for d in dates], dtype=object)
    keys = frame[list(KEY_COLUMNS)].assign(_rank=ranks, _origin=origins, _date=starts)
    duplicated = keys.duplicated(list(KEY_COLUMNS), keep=False).to_numpy()
    set_aside: dict[str, int] = {}
    if duplicated.any():
        clashing = keys[duplicated]
        same_source = clashing.duplicated([*KEY_COLUMNS, "_origin"], keep=False).to_numpy()
        if same_source.any():
            first, second = clashing.index[same_source].to_numpy()[:2]
            raise clash(int(first), int(second))
        # Best first: the preferred source, then the latest publication.
        ordered = clashing.sort_values(
            [*KEY_COLUMNS, "_rank", "_date"], ascending=[True, True, True, True, False]
        )
        dropped = np.zeros(len(frame), dtype=bool)
        vintage_rows = np.zeros(len(frame), dtype=bool)
        for _, group in ordered.groupby(list(KEY_COLUMNS), observed=True, sort=False):
            best = group.iloc[0]
            for row, other in zip(group.index[1:], group.iloc[1:].to_dict("records"), strict=True):
                dropped[int(row)] = True
                if other["_rank"] > best["_rank"]:
                    label = loaded[int(other["_origin"])].source.label
                    set_aside[label] = set_aside.get(label, 0) + 1
                elif best["_date"] and other["_date"] and other["_date"] < best["_date"]:
                    vintage_rows[int(row)] = True
                else:
                    raise clash(int(group.index[0]), int(row))
        vintages = frame[vintage_rows].assign(
            **{ORIGIN: origins[vintage_rows], DATE: dates[vintage_rows]}
        )
        kept = ~dropped
        frame = frame[kept].reset_index(drop=True)
        origins, dates = origins[kept], dates[kept]
        vintages = vintages.reset_index(drop=True)
    else:
        vintages = frame.iloc[:0].assign(**{ORIGIN: origins[:0], DATE: dates[:0]})
    if len(loaded) > 1 or as_of is not None:
        for name in CATEGORY_COLUMNS:
            if name in frame.columns and isinstance(frame[name].dtype, pd.CategoricalDtype):
                frame[name] = frame[name].cat.remove_unused_categories()
    label = " + ".join(one.observations.label for one in loaded)
    single = len(loaded) == 1
    observations = (
        Observations(frame, source_columns, label, loaded[0].observations.line_numbers)
        if single and as_of is None
        else Observations(frame, source_columns, label)
    )
    return VintagedCombined(
        observations,
        set_aside,
        None if single else origins,
        dates=dates,
        vintages=vintages,
        not_yet=not_yet,
    )
