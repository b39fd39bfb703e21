"""Load and validate tidy observation files into DataFrames: the fast loader.

No Typer, no Rich. Every problem becomes a :class:`~zgc_cli.errors.DataError`
whose message names the file and, where it applies, the line and the column.

The loader is built for files of millions of rows: it reads the bytes once,
checks the file's shape with C-speed byte counts, lets pandas' C parser do the
typed parse (categories for ids, floats for numbers), and validates with
vectorised checks. A regular file's bytes are let go once its shape is checked:
pandas reads the file itself, so a big file is never in memory twice. Slow,
line-by-line diagnosis only runs once something is known to be wrong, to say
exactly where.

Blank lines are skipped, and so is a row whose every cell is empty or white
space (``,,,`` as Excel writes below a table): it holds no observation (one with
more cells than the header is still a ragged row). Lines keep their physical
numbers either way (``\\r\\n``, ``\\r`` and ``\\n`` each end one). Numbers may
be padded with any Unicode space (NBSP, the ideographic space), as ids are:
``2014\\u00a0`` is 2014.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import BinaryIO

import numpy as np
import pandas as pd

from zgc_cli.errors import DataError
from zgc_cli.model.ids_written import ids_as_written
from zgc_cli.model.limits import refuse_without_headroom
from zgc_cli.model.narrow import Wanted, narrow
from zgc_cli.model.schema import (
    CATEGORY_COLUMNS,
    INTERVAL_COLUMNS,
    OPTIONAL_COLUMNS,
    REQUIRED_COLUMNS,
    YEAR_BOUND_COLUMNS,
)
from zgc_cli.model.shape import (
    BLANK,
    FileBytes,
    blank_at,
    check_shape,
    decode_header,
)
from zgc_cli.model.textio import (
    ENCODINGS,
    line_of_offset,
    open_input,
    refuse_mixed_encodings,
    undecodable_line,
)
from zgc_cli.model.validate import line_number, validate_frame
from zgc_cli.words import Listed, phrase

UNNAMED_PREFIX = "\x00unnamed:"  # cannot clash with a real name: NUL bytes are refused
NUMBER_COLUMNS: tuple[str, ...] = ("year", "value")
# Numbers a file may have (never added when absent): a derived row's interval, an
# inferred year's bounds. An empty cell is missing.
OPTIONAL_NUMBER_COLUMNS: tuple[str, ...] = (*INTERVAL_COLUMNS, *YEAR_BOUND_COLUMNS)


@dataclass(frozen=True)
class Observations:
    """A loaded observations file.

    Attributes:
        frame: one row per observation; always has the required and optional
            columns (missing optional ones are empty), in the file's order first.
        source_columns: the columns the file itself had, in its order; ``export``
            writes exactly these so a file round-trips.
        label: how messages name the file (its path, or ``<stdin>``).
        line_numbers: each row's line in the file; None when the rows are lines 2, 3, ...
            (what a message about a row needs after loading, e.g. across sources).
    """

    frame: pd.DataFrame
    source_columns: list[str]
    label: str
    line_numbers: np.ndarray | None = None
    narrowed: bool = False  # only the lines that may hold some ids were parsed (model.narrow)


def column_dtypes(columns: Sequence[str], numbers_as_text: bool = False) -> dict[str, str]:
    """The dtype the typed parse gives each column: category for ids, float64 for numbers."""
    dtypes: dict[str, str] = {}
    for name in columns:
        if name in CATEGORY_COLUMNS:
            dtypes[name] = "category"
        elif name in (*NUMBER_COLUMNS, *OPTIONAL_NUMBER_COLUMNS) and not numbers_as_text:
            dtypes[name] = "float64"
        else:
            dtypes[name] = "str"
    return dtypes


def _read_csv(
    stream: BinaryIO,
    encoding: str,
    columns: list[str],
    numbers_as_text: bool = False,
    ids_as_text: Sequence[str] = (),
) -> pd.DataFrame:
    # Only an empty cell is missing: "NA" is Namibia and "null" may be a name.
    # low_memory=False: one parse, not chunks whose categories are then unioned and
    # recoded (1M rows: 0.34 s → 0.24 s; the 5M-row peak goes 440 → 790 MB, 1.23x a bare
    # read_csv's, within the 1.5x the benchmark holds).
    numbers = [name for name in (*NUMBER_COLUMNS, *OPTIONAL_NUMBER_COLUMNS) if name in columns]
    na_values = {} if numbers_as_text else {name: [""] for name in numbers}
    dtypes = column_dtypes(columns, numbers_as_text) | dict.fromkeys(ids_as_text, "str")
    return pd.read_csv(
        stream,
        encoding=encoding,
        dtype=dtypes,
        keep_default_na=False,
        na_values=na_values,
        header=0,
        names=columns,
        skip_blank_lines=True,
        low_memory=False,
    )


def _reader(
    data: FileBytes, start: int, encoding: str, columns: list[str], numbers_as_text: bool = False
) -> Callable[[Sequence[str]], pd.DataFrame]:
    """The parse again, with some ids read as text."""
    return lambda ids: _read_csv(data.stream(start), encoding, columns, numbers_as_text, ids)


def _refuse_out_of_memory(label: str, error: Exception) -> None:
    if "out of memory" in str(error).lower():
        raise DataError(phrase("data.memory", label=label)) from None


def _parse(
    label: str,
    data: FileBytes,
    start: int,
    columns: list[str],
    encoding: str,
    line_numbers: np.ndarray | None,
) -> tuple[pd.DataFrame, np.ndarray | None]:
    """Typed parse with pandas' C engine; on a failure, find the bad cell and say where.

    Returns the frame without blank rows, and the line numbers of its rows.
    """
    encodings = [encoding] + [other for other in ENCODINGS if other != encoding]
    refuse_without_headroom(label, data.size)
    for candidate in encodings:
        if candidate != "utf-8":
            refuse_mixed_encodings(label, data.get())
            data.release()
        try:
            frame = _read_csv(data.stream(start), candidate, columns)
            frame = ids_as_written(frame, _reader(data, start, candidate, columns))
        except UnicodeDecodeError:
            continue
        except ValueError as error:
            # A long row, a stray quote or a cell that is not a number: say which, and where.
            _refuse_out_of_memory(label, error)
            try:
                return _parse_tolerantly(label, data, start, columns, candidate)
            except UnicodeDecodeError:
                continue  # past the bad cell, bytes this encoding cannot read
        return _drop_blank_rows(frame, line_numbers)
    raise DataError(phrase("input.undecodable", label=label, line=undecodable_line(data.get())))


def _parse_tolerantly(
    label: str, data: FileBytes, start: int, columns: list[str], encoding: str
) -> tuple[pd.DataFrame, np.ndarray | None]:
    """The parse after the typed one failed: exact shape, numbers read as text, then checked.

    Raises a DataError naming the line of a ragged row, a stray quote or a cell
    that is not a number; numbers padded with Unicode spaces are read as numbers.
    """
    line_numbers = check_shape(label, data.get(), start, len(columns), exact=True)
    data.release()
    try:
        frame = _read_csv(data.stream(start), encoding, columns, numbers_as_text=True)
        frame = ids_as_written(frame, _reader(data, start, encoding, columns, True))
    except UnicodeDecodeError:
        raise  # the caller tries the next encoding
    except ValueError as error:
        _refuse_out_of_memory(label, error)
        words = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        found = re.search(r"\b(?:line|row) (\d+)", words)
        line = int(found.group(1)) if found else 1
        raise DataError(phrase("csv.parse", label=label, line=line, problem=words)) from None
    frame, line_numbers = _drop_blank_rows(frame, line_numbers)
    for column in (*NUMBER_COLUMNS, *OPTIONAL_NUMBER_COLUMNS):
        if column in frame.columns:
            frame[column] = _numbers(label, frame[column], column, line_numbers)
    return frame, line_numbers


def _blank_cells(column: pd.Series) -> np.ndarray:
    cells = column.to_numpy(dtype=object)
    return np.array(
        [
            cell is None or (isinstance(cell, float) and cell != cell) or not str(cell).strip(BLANK)
            for cell in cells
        ],
        dtype=bool,
    )


def _drop_blank_rows(
    frame: pd.DataFrame, line_numbers: np.ndarray | None
) -> tuple[pd.DataFrame, np.ndarray | None]:
    """Drop rows whose every cell is empty or blank (``,,,``): they are blank lines.

    Only rows without a year and a value are looked at, so a clean file pays for
    one pass over the year column. ``line_numbers`` (from :func:`check_shape`)
    leave blank rows out already; ``None`` counts them, so it becomes an array here.
    """
    year, value = frame["year"], frame["value"]
    if pd.api.types.is_float_dtype(year.dtype):
        candidates = year.isna().to_numpy()
        if not candidates.any():
            return frame, line_numbers
        candidates = candidates & value.isna().to_numpy()
    else:
        candidates = _blank_cells(year) & _blank_cells(value)
    rows = np.flatnonzero(candidates)
    if not len(rows):
        return frame, line_numbers
    blank = np.ones(len(rows), dtype=bool)
    subset = frame.iloc[rows]
    for name in frame.columns:
        if name not in NUMBER_COLUMNS:
            column = subset[name]
            if pd.api.types.is_float_dtype(column.dtype):
                blank &= column.isna().to_numpy()
            else:
                blank &= _blank_cells(column)
    if not blank.any():
        return frame, line_numbers
    kept = np.ones(len(frame), dtype=bool)
    kept[rows[blank]] = False
    if line_numbers is None:
        line_numbers = np.arange(2, len(frame) + 2)[kept]
    return frame[kept].reset_index(drop=True), line_numbers


def _c_floats(cells: np.ndarray) -> np.ndarray | None:
    """Non-empty cells as floats by pandas' C parser (what the typed parse accepts), or None.

    None when any cell is not a number to that parser; a cell holding a line
    break, a comma or a quote never is.
    """
    if not len(cells):
        return np.empty(0)  # a column of empty cells: nothing to parse, nothing refused
    # A first line known good: pandas drops a BOM (U+FEFF) at the start of text.
    text = "0\n" + "\n".join(cells) + "\n"
    if "\r" in text or "," in text or '"' in text or text.count("\n") != len(cells) + 1:
        return None
    try:
        parsed = pd.read_csv(
            io.StringIO(text),
            header=None,
            names=["number"],
            dtype={"number": "float64"},
            keep_default_na=False,
            skip_blank_lines=False,
            quoting=csv.QUOTE_NONE,
        )
    except ValueError:
        return None
    numbers = parsed["number"].to_numpy()[1:]
    if len(numbers) != len(cells) or np.isnan(numbers).any():
        return None
    return numbers


def _first_refused(cells: np.ndarray) -> int:
    """The index of the first cell :func:`_c_floats` refuses (it refuses ``cells``)."""
    low, high = 0, len(cells)  # cells[low:high] holds a refused cell
    while high - low > 1:
        middle = (low + high) // 2
        if _c_floats(cells[low:middle]) is None:
            high = middle
        else:
            low = middle
    return low


def _numbers(
    label: str, texts: pd.Series, column: str, line_numbers: np.ndarray | None
) -> np.ndarray:
    """A column of number texts as floats ('' is missing), any Unicode space around them cut."""
    stripped = texts.fillna("").astype(str).str.strip().to_numpy(dtype=object)
    present = np.flatnonzero(stripped != "")
    numbers = np.full(len(stripped), np.nan)
    cells = stripped[present]
    parsed = _c_floats(cells)
    if parsed is None:
        row = int(present[_first_refused(cells)])
        line = line_number(row, line_numbers)
        raise DataError(
            phrase("data.not_number", label=label, line=line, column=column, cell=stripped[row])
        )
    numbers[present] = parsed
    return numbers


def _drop_empty_unnamed(label: str, frame: pd.DataFrame, columns: list[str]) -> list[str]:
    """The columns to keep: an unnamed column is dropped if empty, refused if not."""
    kept: list[str] = []
    for name in columns:
        if not name.startswith(UNNAMED_PREFIX):
            kept.append(name)
        elif "".join(map(str, frame[name].tolist())).strip():  # one join, not a strip a cell
            position = name.removeprefix(UNNAMED_PREFIX)
            raise DataError(phrase("data.unnamed_column", label=label, position=position))
    return kept


def _strip_ids(frame: pd.DataFrame) -> None:
    """Trim spaces around ids in place: ' revenue ' and 'revenue' are one series."""
    for name in CATEGORY_COLUMNS:
        if name not in frame.columns:
            continue
        categories = frame[name].cat.categories
        stripped = [str(category).strip() for category in categories]
        if stripped == [str(category) for category in categories]:
            continue
        if len(set(stripped)) == len(stripped):
            frame[name] = frame[name].cat.rename_categories(stripped)
        else:
            frame[name] = frame[name].astype(str).str.strip().astype("category")


def _empty_column(rows: int) -> pd.Categorical[str]:
    """An absent optional column (``quote`` and ``note`` too): one empty category.

    Codes alone, a byte a row: no text is made a million times for a column the
    file does not have, and taking rows of it takes bytes, not objects.
    """
    return pd.Categorical.from_codes(np.zeros(rows, dtype=np.int8), categories=pd.Index([""]))


def _load(label: str, data: FileBytes, wanted: Wanted | None = None) -> Observations:
    """Check, parse and validate a file's bytes (let go of before pandas reads, if they can be).

    With ``wanted``, only the lines that may hold those ids are parsed (see
    :mod:`~zgc_cli.model.narrow`); the whole file's shape and bytes are still checked,
    the cells of the lines left out are not.
    """
    buffer = data.get()
    nul = buffer.find(b"\x00")
    if nul >= 0:
        line = line_of_offset(buffer, nul)
        raise DataError(phrase("input.nul_csv", label=label, line=line))
    start = len(codecs.BOM_UTF8) if buffer.startswith(codecs.BOM_UTF8) else 0
    if blank_at(buffer, start):
        raise DataError(phrase("data.empty_file", label=label))
    columns, encoding = decode_header(label, buffer, start)
    # Excel leaves trailing commas as unnamed columns: name them for now, drop them if empty.
    columns = [name or f"{UNNAMED_PREFIX}{position}" for position, name in enumerate(columns, 1)]
    if len(set(columns)) != len(columns):
        repeated = sorted({name for name in columns if columns.count(name) > 1})
        raise DataError(phrase("data.repeated_columns", label=label, columns=Listed(repeated)))
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        named = [name for name in columns if not name.startswith(UNNAMED_PREFIX)]
        found = Listed(named) if named else phrase("data.no_columns")
        raise DataError(
            phrase("data.missing_columns", label=label, missing=Listed(missing), found=found)
        )
    line_numbers = check_shape(label, buffer, start, len(columns))
    narrowed = narrow(buffer, start, encoding, wanted) if wanted and line_numbers is None else None
    del buffer
    if narrowed is not None:
        data, start = FileBytes(narrowed.data), 0
        line_numbers = np.array(narrowed.line_numbers, dtype=np.int64)
    else:
        data.release()
    frame, line_numbers = _parse(label, data, start, columns, encoding, line_numbers)
    return _finish(label, frame, columns, line_numbers, narrowed=narrowed is not None)


def _finish(
    label: str,
    frame: pd.DataFrame,
    columns: list[str],
    line_numbers: np.ndarray | None,
    narrowed: bool = False,
) -> Observations:
    """A parsed frame (blank rows dropped) as observations: ids trimmed, optional columns
    added, every row validated."""
    if frame.empty:
        raise DataError(phrase("data.no_observations", label=label))
    columns = _drop_empty_unnamed(label, frame, columns)
    if columns != list(frame.columns):  # a selection copies every column: only when one went
        frame = frame[columns]
    _strip_ids(frame)
    for name in OPTIONAL_COLUMNS:
        if name not in frame.columns:
            frame[name] = _empty_column(len(frame))
    frame = validate_frame(label, frame, line_numbers)
    return Observations(frame, columns, label, line_numbers, narrowed=narrowed)


def observations_from_frame(
    label: str, frame: pd.DataFrame, line_numbers: np.ndarray
) -> Observations:
    """Observations of a frame another reader built as the typed parse builds one (the
    columns :func:`column_dtypes` gives, named as in the source), each row's line known.

    The steps after the parse are the CSV's own: blank rows dropped, ids trimmed,
    every row validated, errors naming ``line_numbers``.
    """
    try:
        frame, kept_lines = _drop_blank_rows(frame, line_numbers)
        return _finish(label, frame, list(frame.columns), kept_lines)
    except MemoryError:
        raise DataError(phrase("data.memory", label=label)) from None


def parse_observations(label: str, buffer: bytes) -> Observations:
    """Parse and validate the bytes of a tidy observations CSV."""
    try:
        return _load(label, FileBytes(buffer))
    except MemoryError:
        raise DataError(phrase("data.memory", label=label)) from None


def load_observations(source: str, wanted: Wanted | None = None) -> Observations:
    """Read, parse and validate an observations CSV (a path, or ``-`` for stdin).

    ``wanted``: parse only the lines that may hold these ids (the frame then has
    those rows and some others; the caller selects exactly, as on a full read).
    """
    with open_input(source) as opened:
        try:
            # No name holds the bytes here: _load can let them go before pandas reads.
            return _load(opened.label, FileBytes(opened.read(), opened), wanted)
        except MemoryError:
            raise DataError(phrase("data.memory", label=opened.label)) from None
