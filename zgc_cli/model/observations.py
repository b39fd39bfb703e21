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
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from typing import BinaryIO

import numpy as np
import pandas as pd

from zgc_cli.errors import DataError
from zgc_cli.model.schema import (
    CATEGORY_COLUMNS,
    OPTIONAL_COLUMNS,
    QUALIFIERS,
    REQUIRED_COLUMNS,
    STATUSES,
)
from zgc_cli.model.textio import (
    ENCODINGS,
    ENCODINGS_TEXT,
    OpenedInput,
    line_of_offset,
    open_input,
    refuse_mixed_encodings,
    undecodable_line,
)

UNNAMED_PREFIX = "\x00unnamed:"  # cannot clash with a real name: NUL bytes are refused
YEAR_DTYPE = np.int16  # years fit, and 5M of them take 10 MB
NUMBER_COLUMNS: tuple[str, ...] = ("year", "value")
# What a blank cell may hold: ASCII white space, the same bytes in every accepted encoding.
BLANK = " \t\r\n\x0b\x0c"


@dataclass(frozen=True)
class Observations:
    """A loaded observations file.

    Attributes:
        frame: one row per observation; always has the required and optional
            columns (missing optional ones are empty), in the file's order first.
        source_columns: the columns the file itself had, in its order; ``export``
            writes exactly these so a file round-trips.
        label: how messages name the file (its path, or ``<stdin>``).
    """

    frame: pd.DataFrame
    source_columns: list[str]
    label: str


class _Bytes:
    """A file's bytes: held while its shape is checked, then let go if it can be read again.

    For a regular file pandas then reads the file itself (the bytes are read
    again only to say where a problem is); standard input from a pipe, or bytes
    handed over by a caller, stay in memory.
    """

    def __init__(self, data: bytes, opened: OpenedInput | None = None) -> None:
        self._data: bytes | None = data
        self._opened = opened if opened is not None and opened.regular else None

    def get(self) -> bytes:
        if self._data is None:
            assert self._opened is not None
            self._opened.rewind()
            self._data = self._opened.read()
        return self._data

    def release(self) -> None:
        if self._opened is not None:
            self._data = None

    def stream(self, offset: int) -> BinaryIO:
        """The bytes from ``offset`` as a binary stream, for pandas."""
        if self._data is None:
            assert self._opened is not None
            return self._opened.rewind(offset)
        stream = io.BytesIO(self._data)  # shares the bytes: no copy
        stream.seek(offset)
        return stream


def _first_line(buffer: bytes, start: int) -> bytes:
    end = buffer.find(b"\n", start)
    end = len(buffer) if end < 0 else end
    carriage = buffer.find(b"\r", start, end)
    return buffer[start : carriage if carriage >= 0 else end]


def _decode_header(label: str, buffer: bytes, start: int) -> tuple[list[str], str]:
    """The header's column names and the encoding that decodes them."""
    first_line = _first_line(buffer, start)
    for encoding in ENCODINGS:
        try:
            text = first_line.decode(encoding)
        except UnicodeDecodeError:
            continue
        try:
            names = next(csv.reader([text]))
        except csv.Error as error:
            raise DataError(f"{label}:1: cannot read the header: {error}") from None
        return [name.strip() for name in names], encoding
    raise DataError(f"{label}:1: the header decodes as neither UTF-8 nor GB18030")


def _is_blank(buffer: bytes, start: int) -> bool:
    """Whether nothing but white space follows ``start`` (without copying a big file)."""
    head = buffer[start : start + 4096]
    if head and not head.isspace():
        return False
    return not buffer[start:].strip()


def _record_lines(
    label: str, buffer: bytes, start: int, column_count: int, strict: bool = False
) -> np.ndarray:
    """The first line of every non-blank record after the header, refusing a ragged one.

    The csv module follows quoted commas and line breaks, so the line numbers
    are physical lines. Latin-1 maps every byte to one character: commas,
    quotes and line breaks are the same bytes in UTF-8 and GB18030, so the
    structure reads right whatever the text's encoding. The text is decoded as
    it is read: a big file is not held a second (and a fourth) time.
    """
    # strict (on a diagnosis only) also stops at what pandas refused, e.g. an unclosed quote.
    raw = io.BytesIO(buffer)
    raw.seek(start)
    reader = csv.reader(io.TextIOWrapper(raw, encoding="latin-1", newline=""), strict=strict)
    lines = array("q")
    last_line = 0
    try:
        for row in reader:
            first_line = last_line + 1
            last_line = reader.line_num
            if first_line == 1:
                continue
            blank = not any(field.strip(BLANK) for field in row)
            # A blank row is skipped whatever its length, unless pandas would refuse it.
            if len(row) > column_count or (len(row) < column_count and not blank):
                raise DataError(
                    f"{label}:{first_line}: ragged row: {len(row)} fields, "
                    f"the header has {column_count}"
                )
            if not blank:
                lines.append(first_line)
    except csv.Error as error:
        raise DataError(f"{label}:{last_line + 1}: cannot read this row: {error}") from None
    return np.frombuffer(lines, dtype=np.int64) if lines else np.empty(0, dtype=np.int64)


def _first_data_row_fields(buffer: bytes) -> int:
    """Commas + 1 on the line after the header (only called on quote-free files)."""
    start = buffer.find(b"\n") + 1
    end = buffer.find(b"\n", start)
    return buffer.count(b",", start, end if end >= 0 else len(buffer)) + 1


def _plain_and_even(buffer: bytes, column_count: int) -> bool:
    """No quotes, no lone CR, commas adding up to (columns − 1) a line, an exact first row."""
    if b'"' in buffer:
        return False
    if b"\r" in buffer and buffer.count(b"\r") != buffer.count(b"\r\n"):
        return False  # pandas ends a line at a lone CR too
    line_count = buffer.count(b"\n") + (0 if buffer.endswith(b"\n") else 1)
    return buffer.count(b",") == line_count * (column_count - 1) and (
        line_count < 2 or _first_data_row_fields(buffer) == column_count
    )


def _check_shape(
    label: str, buffer: bytes, start: int, column_count: int, exact: bool = False
) -> np.ndarray | None:
    """Reject ragged rows; return file line numbers of the data rows if they aren't 2, 3, ...

    pandas fills a short row with empty cells without a word, and reads a long
    first row as an index column, so field counts are checked here. The fast
    path needs no quotes, commas adding up to (columns − 1) per line, and an
    exact first data row: then a short row would need a long one to balance
    it, and pandas itself stops at any long row after the first. Anything else
    (or ``exact``) pays for a look at every record.

    The line numbers leave out blank rows (``,,,`` too); ``None`` means the rows
    pandas reads are lines 2, 3, ..., blank ones included (see :func:`_drop_blank_rows`).
    """
    if not exact and _plain_and_even(buffer, column_count):
        return None
    line_numbers = _record_lines(label, buffer, start, column_count, strict=exact)
    if np.array_equal(line_numbers, np.arange(2, len(line_numbers) + 2)):
        return None
    return line_numbers


def _dtypes(columns: Sequence[str], numbers_as_text: bool = False) -> dict[str, str]:
    dtypes: dict[str, str] = {}
    for name in columns:
        if name in CATEGORY_COLUMNS:
            dtypes[name] = "category"
        elif name in NUMBER_COLUMNS and not numbers_as_text:
            dtypes[name] = "float64"
        else:
            dtypes[name] = "str"
    return dtypes


def _read_csv(
    stream: BinaryIO, encoding: str, columns: list[str], numbers_as_text: bool = False
) -> pd.DataFrame:
    # Only an empty cell is missing: "NA" is Namibia and "null" may be a name.
    na_values = {} if numbers_as_text else {name: [""] for name in NUMBER_COLUMNS}
    return pd.read_csv(
        stream,
        encoding=encoding,
        dtype=_dtypes(columns, numbers_as_text),
        keep_default_na=False,
        na_values=na_values,
        header=0,
        names=columns,
        skip_blank_lines=True,
    )


def _refuse_out_of_memory(label: str, error: Exception) -> None:
    if "out of memory" in str(error).lower():
        raise DataError(f"{label}: not enough memory to load the data") from None


def _parse(
    label: str,
    data: _Bytes,
    start: int,
    columns: list[str],
    encoding: str,
    line_numbers: np.ndarray | None,
) -> tuple[pd.DataFrame, np.ndarray | None]:
    """Typed parse with pandas' C engine; on a failure, find the bad cell and say where.

    Returns the frame without blank rows, and the line numbers of its rows.
    """
    encodings = [encoding] + [other for other in ENCODINGS if other != encoding]
    for candidate in encodings:
        if candidate != "utf-8":
            refuse_mixed_encodings(label, data.get())
            data.release()
        try:
            frame = _read_csv(data.stream(start), candidate, columns)
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
    raise DataError(
        f"{label}:{undecodable_line(data.get())}: bytes that decode as neither {ENCODINGS_TEXT}"
    )


def _parse_tolerantly(
    label: str, data: _Bytes, start: int, columns: list[str], encoding: str
) -> tuple[pd.DataFrame, np.ndarray | None]:
    """The parse after the typed one failed: exact shape, numbers read as text, then checked.

    Raises a DataError naming the line of a ragged row, a stray quote or a cell
    that is not a number; numbers padded with Unicode spaces are read as numbers.
    """
    line_numbers = _check_shape(label, data.get(), start, len(columns), exact=True)
    data.release()
    try:
        frame = _read_csv(data.stream(start), encoding, columns, numbers_as_text=True)
    except UnicodeDecodeError:
        raise  # the caller tries the next encoding
    except ValueError as error:
        _refuse_out_of_memory(label, error)
        words = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        found = re.search(r"\b(?:line|row) (\d+)", words)
        line = int(found.group(1)) if found else 1
        raise DataError(f"{label}:{line}: cannot parse as CSV: {words}") from None
    frame, line_numbers = _drop_blank_rows(frame, line_numbers)
    for column in NUMBER_COLUMNS:
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
    one pass over the year column. ``line_numbers`` (from :func:`_check_shape`)
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
            blank &= _blank_cells(subset[name])
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
        raise DataError(
            f"{label}:{_line_number(row, line_numbers)}: column '{column}': "
            f"{stripped[row]!r} is not a number"
        )
    numbers[present] = parsed
    return numbers


def _line_number(row: int, line_numbers: np.ndarray | None) -> int:
    return int(line_numbers[row]) if line_numbers is not None else row + 2


def _fail_at(
    label: str,
    frame: pd.DataFrame,
    mask: pd.Series,
    line_numbers: np.ndarray | None,
    column: str,
    problem: str,
) -> None:
    """Raise for the first row where ``mask`` holds, quoting the offending cell."""
    if not mask.any():
        return
    row = int(np.flatnonzero(mask.to_numpy())[0])
    cell = frame[column].iloc[row]
    line = _line_number(row, line_numbers)
    if not isinstance(cell, str) and pd.isna(cell):
        raise DataError(f"{label}:{line}: column '{column}' is empty")
    shown = repr(cell) if isinstance(cell, str) else repr(float(cell))
    raise DataError(f"{label}:{line}: column '{column}': {shown} {problem}")


def _series_keys(frame: pd.DataFrame) -> np.ndarray | None:
    """One non-negative int64 per row for its (metric, entity, year), or None if it won't fit.

    The category codes and the year already are small integers to combine, in
    one array updated in place (no temporaries the size of the column).
    """
    year = frame["year"].to_numpy()
    if not len(year):
        return None
    metric_codes = frame["metric"].cat.codes.to_numpy()
    entity_codes = frame["entity"].cat.codes.to_numpy()
    # Codes start at -1 (missing): + 1 keeps every key non-negative.
    entity_span = len(frame["entity"].cat.categories) + 1
    year_min = int(year.min())
    year_span = int(year.max()) - year_min + 1
    metric_span = len(frame["metric"].cat.categories) + 1
    if metric_span * entity_span * year_span >= 2**62:
        return None
    key = metric_codes.astype(np.int64)
    key += 1
    key *= entity_span
    key += entity_codes
    key += 1
    key *= year_span
    key += year
    key -= year_min
    return key


def _first_duplicate(frame: pd.DataFrame) -> int | None:
    """The first row whose (metric, entity, year) came before, or None.

    A tidy file is usually sorted by its key: one comparison of neighbours
    proves it has no duplicates. Otherwise a sorted copy of the keys does; only
    a file that has one pays for finding which row it is.
    """
    key = _series_keys(frame)
    if key is None:
        if len(frame) < 2:
            return None
        duplicated = frame.duplicated(["metric", "entity", "year"], keep="first").to_numpy()
    else:
        if len(key) < 2 or bool((key[1:] > key[:-1]).all()):
            return None
        ordered = np.sort(key)
        if not bool((ordered[1:] == ordered[:-1]).any()):
            return None
        del ordered
        duplicated = pd.Series(key).duplicated(keep="first").to_numpy()
    rows = np.flatnonzero(duplicated)
    return int(rows[0]) if len(rows) else None


def _validate(label: str, frame: pd.DataFrame, line_numbers: np.ndarray | None) -> pd.DataFrame:
    """Vectorised checks of a parsed frame; returns it with ``year`` as a small integer."""
    year = frame["year"]
    value = frame["value"]
    # Test the few distinct ids, not the million cells.
    blank_ids = [name for name in frame["metric"].cat.categories if not str(name).strip()]
    blank_metric = frame["metric"].isin(blank_ids)
    _fail_at(label, frame, blank_metric, line_numbers, "metric", "is an empty metric id")
    _fail_at(label, frame, year.isna(), line_numbers, "year", "is empty")
    whole = np.isfinite(year) & (year == np.floor(year))
    _fail_at(label, frame, ~whole, line_numbers, "year", "is not a whole year")
    in_range = (year >= np.iinfo(YEAR_DTYPE).min) & (year <= np.iinfo(YEAR_DTYPE).max)
    _fail_at(label, frame, ~in_range, line_numbers, "year", "is out of range")
    _fail_at(label, frame, value.isna(), line_numbers, "value", "is empty")
    _fail_at(label, frame, ~np.isfinite(value), line_numbers, "value", "is not a finite number")
    for column, allowed in (("status", STATUSES), ("qualifier", QUALIFIERS)):
        unknown = ~frame[column].isin([*allowed, ""])
        _fail_at(label, frame, unknown, line_numbers, column, f"is not one of {', '.join(allowed)}")
    frame["year"] = year.astype(np.int16)
    row = _first_duplicate(frame)
    if row is not None:
        key = frame.iloc[row]
        same = (
            (frame["metric"] == key["metric"])
            & (frame["entity"] == key["entity"])
            & (frame["year"] == key["year"])
        )
        first_row = int(np.flatnonzero(same.to_numpy())[0])
        raise DataError(
            f"{label}:{_line_number(row, line_numbers)}: duplicate observation "
            f"(metric={key['metric']}, entity={key['entity']}, year={key['year']}), "
            f"first at line {_line_number(first_row, line_numbers)}"
        )
    return frame


def _drop_empty_unnamed(label: str, frame: pd.DataFrame, columns: list[str]) -> list[str]:
    """The columns to keep: an unnamed column is dropped if empty, refused if not."""
    kept: list[str] = []
    for name in columns:
        if not name.startswith(UNNAMED_PREFIX):
            kept.append(name)
        elif (frame[name].astype(str).str.strip() != "").any():
            position = name.removeprefix(UNNAMED_PREFIX)
            raise DataError(f"{label}:1: column {position} has values but no name")
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


def _empty_column(name: str, rows: int) -> pd.Categorical[str] | str:
    """An absent optional column: one empty category (codes alone, no list of rows), or ''."""
    if name in CATEGORY_COLUMNS:
        return pd.Categorical.from_codes(np.zeros(rows, dtype=np.int8), categories=pd.Index([""]))
    return ""


def _load(label: str, data: _Bytes) -> Observations:
    """Check, parse and validate a file's bytes (let go of before pandas reads, if they can be)."""
    buffer = data.get()
    nul = buffer.find(b"\x00")
    if nul >= 0:
        line = line_of_offset(buffer, nul)
        raise DataError(f"{label}:{line}: NUL byte: not a text CSV (UTF-16 or binary?)")
    start = len(codecs.BOM_UTF8) if buffer.startswith(codecs.BOM_UTF8) else 0
    if _is_blank(buffer, start):
        raise DataError(f"{label}: empty file")
    columns, encoding = _decode_header(label, buffer, start)
    # Excel leaves trailing commas as unnamed columns: name them for now, drop them if empty.
    columns = [name or f"{UNNAMED_PREFIX}{position}" for position, name in enumerate(columns, 1)]
    if len(set(columns)) != len(columns):
        repeated = sorted({name for name in columns if columns.count(name) > 1})
        raise DataError(f"{label}:1: repeated column names: {', '.join(repeated)}")
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        raise DataError(
            f"{label}:1: missing required column(s) {', '.join(missing)}; "
            f"found: {', '.join(columns) or '(none)'}"
        )
    line_numbers = _check_shape(label, buffer, start, len(columns))
    del buffer
    data.release()
    frame, line_numbers = _parse(label, data, start, columns, encoding, line_numbers)
    if frame.empty:
        raise DataError(f"{label}: a header but no observations")
    columns = _drop_empty_unnamed(label, frame, columns)
    frame = frame[columns]
    _strip_ids(frame)
    for name in OPTIONAL_COLUMNS:
        if name not in frame.columns:
            frame[name] = _empty_column(name, len(frame))
    frame = _validate(label, frame, line_numbers)
    return Observations(frame=frame, source_columns=columns, label=label)


def parse_observations(label: str, buffer: bytes) -> Observations:
    """Parse and validate the bytes of a tidy observations CSV."""
    try:
        return _load(label, _Bytes(buffer))
    except MemoryError:
        raise DataError(f"{label}: not enough memory to load the data") from None


def load_observations(source: str) -> Observations:
    """Read, parse and validate an observations CSV (a path, or ``-`` for stdin)."""
    with open_input(source) as opened:
        try:
            # No name holds the bytes here: _load can let them go before pandas reads.
            return _load(opened.label, _Bytes(opened.read(), opened))
        except MemoryError:
            raise DataError(f"{opened.label}: not enough memory to load the data") from None
