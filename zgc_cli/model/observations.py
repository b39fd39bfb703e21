"""Load and validate tidy observation files into DataFrames: the fast loader.

No Typer, no Rich. Every problem becomes a :class:`~zgc_cli.errors.DataError`
whose message names the file and, where it applies, the line and the column.

The loader is built for files of millions of rows: it reads the bytes once,
checks the file's shape with C-speed byte counts, lets pandas' C parser do the
typed parse (categories for ids, floats for numbers), and validates with
vectorised checks. Slow, line-by-line diagnosis only runs once something is
known to be wrong, to say exactly where.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

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
    line_of_offset,
    read_bytes,
    refuse_mixed_encodings,
    undecodable_line,
)

UNNAMED_PREFIX = "\x00unnamed:"  # cannot clash with a real name: NUL bytes are refused
YEAR_DTYPE = np.int16  # years fit, and 5M of them take 10 MB


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


def _decode_header(label: str, buffer: bytes) -> tuple[list[str], str]:
    """The header's column names and the encoding that decodes them."""
    end = buffer.find(b"\n")
    first_line = (buffer if end < 0 else buffer[:end]).rstrip(b"\r")
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


def _record_lines(label: str, buffer: bytes, strict: bool = False) -> list[tuple[int, int]]:
    """(first line, field count) of every non-blank record after the header, exactly.

    The csv module follows quoted commas and line breaks, so the line numbers
    are physical lines. Latin-1 maps every byte to one character: commas,
    quotes and line breaks are the same bytes in UTF-8 and GB18030, so the
    structure reads right whatever the text's encoding.
    """
    # strict (on a diagnosis only) also stops at what pandas refused, e.g. an unclosed quote.
    reader = csv.reader(io.StringIO(buffer.decode("latin-1"), newline=""), strict=strict)
    records: list[tuple[int, int]] = []
    last_line = 0
    try:
        for row in reader:
            first_line = last_line + 1
            last_line = reader.line_num
            if first_line > 1 and any(field.strip() for field in row):
                records.append((first_line, len(row)))
    except csv.Error as error:
        raise DataError(f"{label}:{last_line + 1}: cannot read this row: {error}") from None
    return records


def _first_data_row_fields(buffer: bytes) -> int:
    """Commas + 1 on the line after the header (only called on quote-free files)."""
    start = buffer.find(b"\n") + 1
    end = buffer.find(b"\n", start)
    return buffer.count(b",", start, end if end >= 0 else len(buffer)) + 1


def _check_shape(
    label: str, buffer: bytes, column_count: int, exact: bool = False
) -> np.ndarray | None:
    """Reject ragged rows; return file line numbers of the data rows if they aren't 2, 3, ...

    pandas fills a short row with empty cells without a word, and reads a long
    first row as an index column, so field counts are checked here. The fast
    path needs no quotes, commas adding up to (columns − 1) per line, and an
    exact first data row: then a short row would need a long one to balance
    it, and pandas itself stops at any long row after the first. Anything else
    (or ``exact``) pays for a look at every record.
    """
    line_count = buffer.count(b"\n") + (0 if buffer.endswith(b"\n") else 1)
    if (
        not exact
        and b'"' not in buffer
        and buffer.count(b",") == line_count * (column_count - 1)
        and (line_count < 2 or _first_data_row_fields(buffer) == column_count)
    ):
        return None
    records = _record_lines(label, buffer, strict=exact)
    for line_number, field_count in records:
        if field_count != column_count:
            raise DataError(
                f"{label}:{line_number}: ragged row: {field_count} fields, "
                f"the header has {column_count}"
            )
    line_numbers = np.array([line for line, _ in records], dtype=np.int64)
    if np.array_equal(line_numbers, np.arange(2, len(records) + 2)):
        return None
    return line_numbers


def _dtypes(columns: Sequence[str]) -> dict[str, str]:
    dtypes: dict[str, str] = {}
    for name in columns:
        if name in CATEGORY_COLUMNS:
            dtypes[name] = "category"
        elif name in ("year", "value"):
            dtypes[name] = "float64"
        else:
            dtypes[name] = "str"
    return dtypes


def _parse(label: str, buffer: bytes, columns: list[str], encoding: str) -> pd.DataFrame:
    """Typed parse with pandas' C engine; on a failure, find the bad cell and say where."""
    encodings = [encoding] + [other for other in ENCODINGS if other != encoding]
    for candidate in encodings:
        if candidate != "utf-8":
            refuse_mixed_encodings(label, buffer)
        try:
            # Only an empty cell is missing: "NA" is Namibia and "null" may be a name.
            return pd.read_csv(
                io.BytesIO(buffer),
                encoding=candidate,
                dtype=_dtypes(columns),
                keep_default_na=False,
                na_values={"year": [""], "value": [""]},
                header=0,
                names=columns,
                skip_blank_lines=True,
            )
        except UnicodeDecodeError:
            continue
        except ValueError as error:
            # A long row, a stray quote or a cell that is not a number: say which, and where.
            _check_shape(label, buffer, len(columns), exact=True)
            _diagnose_numbers(label, buffer, columns, candidate)
            first_line = str(error).strip().splitlines()[0] if str(error).strip() else ""
            raise DataError(f"{label}: cannot parse as CSV: {first_line}") from None
    raise DataError(
        f"{label}:{undecodable_line(buffer)}: bytes that decode as neither {ENCODINGS_TEXT}"
    )


def _diagnose_numbers(label: str, buffer: bytes, columns: list[str], encoding: str) -> None:
    """Raise a DataError naming the first year/value cell that is not a number."""
    try:
        text_frame = pd.read_csv(
            io.BytesIO(buffer),
            encoding=encoding,
            dtype=str,
            keep_default_na=False,
            header=0,
            names=columns,
            usecols=["year", "value"],
        )
    except (ValueError, UnicodeDecodeError):
        return  # not a number problem: the caller reports the parser's own words
    line_numbers = _check_shape(label, buffer, len(columns))
    for column in ("year", "value"):
        text = text_frame[column].str.strip()
        numbers = pd.to_numeric(text, errors="coerce")
        bad = numbers.isna() & (text != "")
        if bad.any():
            row = int(np.flatnonzero(bad.to_numpy())[0])
            line = _line_number(row, line_numbers)
            raise DataError(
                f"{label}:{line}: column '{column}': {text.iloc[row]!r} is not a number"
            )


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


def _duplicated_keys(frame: pd.DataFrame) -> pd.Series:
    """Rows whose (metric, entity, year) came before: one int64 key per row, hashed once.

    ``DataFrame.duplicated`` on three columns builds a frame of group labels; the
    category codes and the year already are small integers to combine.
    """
    metric = frame["metric"].cat.codes.to_numpy().astype(np.int64)
    entity = frame["entity"].cat.codes.to_numpy().astype(np.int64)
    year = frame["year"].to_numpy().astype(np.int64)
    entity_span = len(frame["entity"].cat.categories) + 1
    year_span = int(year.max() - year.min()) + 1 if len(year) else 1
    key = (metric * entity_span + entity) * year_span + (year - (year.min() if len(year) else 0))
    return pd.Series(key, index=frame.index).duplicated(keep="first")


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
    duplicated = _duplicated_keys(frame)
    if duplicated.any():
        row = int(np.flatnonzero(duplicated.to_numpy())[0])
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


def parse_observations(label: str, buffer: bytes) -> Observations:
    """Parse and validate the bytes of a tidy observations CSV."""
    if b"\x00" in buffer:
        line = line_of_offset(buffer, buffer.index(b"\x00"))
        raise DataError(f"{label}:{line}: NUL byte: not a text CSV (UTF-16 or binary?)")
    buffer = buffer.removeprefix(codecs.BOM_UTF8)
    if not buffer.strip():
        raise DataError(f"{label}: empty file")
    if b"\n" not in buffer and b"\r" in buffer:
        buffer = buffer.replace(b"\r", b"\n")  # classic Mac line ends, as old Excel writes
    columns, encoding = _decode_header(label, buffer)
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
    line_numbers = _check_shape(label, buffer, len(columns))
    frame = _parse(label, buffer, columns, encoding)
    if frame.empty:
        raise DataError(f"{label}: a header but no observations")
    columns = _drop_empty_unnamed(label, frame, columns)
    frame = frame[columns]
    _strip_ids(frame)
    for name in OPTIONAL_COLUMNS:
        if name not in frame.columns:
            frame[name] = pd.Categorical([""] * len(frame)) if name in CATEGORY_COLUMNS else ""
    frame = _validate(label, frame, line_numbers)
    return Observations(frame=frame, source_columns=columns, label=label)


def load_observations(source: str) -> Observations:
    """Read, parse and validate an observations CSV (a path, or ``-`` for stdin)."""
    label, buffer = read_bytes(source)
    return parse_observations(label, buffer)
