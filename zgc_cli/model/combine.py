"""Read each data source in its format, and combine several into one set of observations.

One source loads as it always has. Several are stacked: the columns are the
union of theirs (a column a source lacks is empty there, as a missing optional
column is for one file), ids stay categories. A (metric, entity, year) that two
sources both hold is an error naming both files and lines, unless ``--prefer``
says whose figure counts; then the other's row is set aside, and counted, so the
command can say so.
"""

from __future__ import annotations

import codecs
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from zgc_cli.errors import DataError
from zgc_cli.model.narrow import Wanted
from zgc_cli.model.observations import Observations, load_observations, parse_observations
from zgc_cli.model.readers import (
    CSV,
    READERS,
    SNIFF_BYTES,
    Places,
    format_of,
    format_of_path,
    is_regular_file,
    refuse_comparison,
    to_loader_csv,
)
from zgc_cli.model.schema import CATEGORY_COLUMNS
from zgc_cli.model.shape import decode_header
from zgc_cli.model.sources import DataSource
from zgc_cli.model.textio import read_bytes
from zgc_cli.words import Phrase, phrase

KEY_COLUMNS: tuple[str, ...] = ("metric", "entity", "year")


@dataclass(frozen=True)
class LoadedSource:
    """One source's observations, and where its rows are in it (for messages)."""

    source: DataSource
    observations: Observations
    places: Places

    def where(self, row: int) -> str:
        """Where a row of the frame is in its source: ``mine.csv:5``, ``mine.json: record 3``."""
        lines = self.observations.line_numbers
        csv_line = int(lines[row]) if lines is not None else row + 2
        return self.places.where(csv_line)


@dataclass(frozen=True)
class Combined:
    """The observations of every source, and how many rows ``--prefer`` set aside.

    Attributes:
        observations: the combined observations (label: the sources' labels).
        set_aside: for each source that lost rows to a preferred one, how many.
    """

    observations: Observations
    set_aside: dict[str, int] = field(default_factory=dict)
    # Which source (its position in the sources combined) each row of the frame
    # comes from; None when there is one source. A citation credits its own source.
    origins: np.ndarray | None = None


def _refuse_comparison_csv(label: str, head: bytes, error: DataError) -> None:
    """Say "comparison rows" rather than "missing required column(s)" for compare's CSV."""
    if "missing required column" not in error.message:
        return
    start = len(codecs.BOM_UTF8) if head.startswith(codecs.BOM_UTF8) else 0
    try:
        columns, _ = decode_header(label, head, start)
    except DataError:
        return
    refuse_comparison(label, columns)


def _parse_csv(label: str, buffer: bytes, places: Places) -> Observations:
    try:
        return parse_observations(label, buffer)
    except DataError as error:
        _refuse_comparison_csv(label, buffer[:SNIFF_BYTES], error)
        raise places.relocate(error) from None


def _from_bytes(
    source: DataSource, label: str, held: bytes | list[bytes], fmt: str
) -> LoadedSource:
    """Bytes of another format as the loader's CSV, parsed. Bytes ``held`` in a list (one
    item, popped here) are let go before the parse: a big file is not in memory twice."""
    raw = held.pop() if isinstance(held, list) else held
    direct = READERS[fmt].to_observations
    observations = None if direct is None else direct(label, raw)
    if observations is not None:
        return LoadedSource(source, observations, Places(label))
    buffer, places = to_loader_csv(fmt, label, raw, source.sheet)
    del raw
    return LoadedSource(source, _parse_csv(label, buffer, places), places)


def _head(path: str) -> bytes:
    """The first bytes of a regular file, to see what it is ('' if it cannot be read)."""
    try:
        with open(path, "rb") as stream:
            return stream.read(SNIFF_BYTES)
    except OSError:
        return b""  # the loader says what is wrong with the path


def load_source(source: DataSource, wanted: Wanted | None = None) -> LoadedSource:
    """One source's observations, read in its format (by extension, or sniffed).

    A CSV file is loaded by the fast loader from its path, as ever (a big file
    is not held in memory twice); other formats become CSV bytes first. ``wanted``
    narrows a CSV file's read to the lines that may hold those ids.
    """
    path = source.path
    fmt = None if source.is_stdin else format_of_path(path)
    if fmt is None and not source.is_stdin and is_regular_file(path):
        fmt = format_of(path, _head(path))
    if fmt == CSV:
        try:
            observations = load_observations(path, wanted)
        except DataError as error:
            _refuse_comparison_csv(source.label, _head(path), error)
            raise
        return LoadedSource(source, observations, Places(observations.label))
    label, raw = read_bytes(path)
    if fmt is None:
        # Standard input, a FIFO or a device: what it is shows in its first bytes.
        fmt = format_of(None, raw)
    held = [raw]
    del raw  # _from_bytes lets the bytes go once converted: a big file is not held twice
    return _from_bytes(source, label, held, fmt)


def _stack(loaded: Sequence[LoadedSource]) -> tuple[pd.DataFrame, list[str]]:
    """The frames one under the other: the union of columns, ids as categories again."""
    columns: dict[str, None] = {}
    for one in loaded:
        columns.update(dict.fromkeys(one.observations.frame.columns))
    source_columns: dict[str, None] = {}
    for one in loaded:
        source_columns.update(dict.fromkeys(one.observations.source_columns))
    # A column one source lacks is empty in its rows: a blank text, or a missing number
    # of the column's own type (low, high, year_min…), never '' among numbers.
    numeric: dict[str, pd.DataFrame] = {}
    for one in loaded:
        for name in one.observations.frame.columns:
            if name not in numeric and pd.api.types.is_numeric_dtype(
                one.observations.frame[name].dtype
            ):
                numeric[str(name)] = one.observations.frame[[name]]
    frames = []
    for one in loaded:
        frame = one.observations.frame
        missing = [name for name in columns if name not in frame.columns]
        if missing:
            blanks = {
                name: (
                    numeric[name].iloc[:0].reindex(range(len(frame)))[name].set_axis(frame.index)
                    if name in numeric
                    else ""
                )
                for name in missing
            }
            frame = frame.assign(**blanks)
        frames.append(frame[list(columns)])
    stacked = pd.concat(frames, ignore_index=True)
    for name in CATEGORY_COLUMNS:
        if name in stacked.columns and not isinstance(stacked[name].dtype, pd.CategoricalDtype):
            stacked[name] = stacked[name].astype(str).astype("category")
    stacked["year"] = stacked["year"].astype(np.int16)
    return stacked, list(source_columns)


def _duplicate_message(
    frame: pd.DataFrame, origins: np.ndarray, rows: np.ndarray, loaded: Sequence[LoadedSource]
) -> Phrase:
    first, second = int(rows[0]), int(rows[1])
    key = frame.iloc[first]
    starts = np.cumsum([0] + [len(one.observations.frame) for one in loaded])

    def where(row: int) -> str:
        origin = int(origins[row])
        return loaded[origin].where(row - int(starts[origin]))

    return phrase(
        "sources.duplicate",
        metric=key["metric"],
        entity=key["entity"],
        year=key["year"],
        first=where(first),
        second=where(second),
    )


def combine(loaded: Sequence[LoadedSource], prefer: Sequence[DataSource] = ()) -> Combined:
    """Several sources' observations as one; refuse, or with ``prefer`` settle, duplicates.

    ``prefer`` lists sources most preferred first; a source not in it comes after
    them all. Of two rows with one (metric, entity, year), the more preferred is
    kept; two rows equally preferred are an error naming both.
    """
    if len(loaded) == 1:
        return Combined(loaded[0].observations)
    frame, source_columns = _stack(loaded)
    origins = np.repeat(np.arange(len(loaded)), [len(one.observations.frame) for one in loaded])
    rank_of = {source: rank for rank, source in enumerate(prefer)}
    ranks = np.array([rank_of.get(one.source, len(prefer)) for one in loaded])[origins]
    keys = frame[list(KEY_COLUMNS)].assign(rank=ranks)
    duplicated = keys.duplicated(list(KEY_COLUMNS), keep=False).to_numpy()
    set_aside: dict[str, int] = {}
    if duplicated.any():
        clashing = keys[duplicated]
        best_rank = clashing.groupby(list(KEY_COLUMNS), observed=True)["rank"].transform("min")
        at_best = clashing[clashing["rank"] == best_rank]
        tied = at_best.duplicated(list(KEY_COLUMNS), keep=False).to_numpy()
        if tied.any():
            # The same key twice at the best rank: nobody said whose figure counts.
            ties = at_best[tied]
            first_key = ties.iloc[0][list(KEY_COLUMNS)]
            same = (ties[list(KEY_COLUMNS)] == first_key).all(axis=1).to_numpy()
            pair = ties.index[same].to_numpy()[:2]
            raise DataError(_duplicate_message(frame, origins, pair, loaded))
        best = at_best
        dropped = clashing.index.difference(best.index).to_numpy()
        for origin, count in zip(*np.unique(origins[dropped], return_counts=True), strict=True):
            set_aside[loaded[int(origin)].source.label] = int(count)
        kept = np.ones(len(frame), dtype=bool)
        kept[dropped] = False
        frame = frame[kept].reset_index(drop=True)
        origins = origins[kept]
        for name in CATEGORY_COLUMNS:
            if name in frame.columns:
                frame[name] = frame[name].cat.remove_unused_categories()
    label = " + ".join(one.observations.label for one in loaded)
    return Combined(Observations(frame, source_columns, label), set_aside, origins)
