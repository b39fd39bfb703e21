"""Load and validate tidy observation files into DataFrames.

This is the library's data layer: no Typer, no Rich. Every problem becomes a
:class:`~zgc_cli.errors.DataError` whose message names the file and, where it
applies, the line and the column.

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
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from zgc_cli.errors import DataError
from zgc_cli.paths import (
    CLAIMS_FILE,
    INDICATORS_FILE,
    PACKAGE_FILE,
    STDIN_MARKER,
    metadata_path,
)

REQUIRED_COLUMNS: tuple[str, ...] = ("metric", "year", "value")
OPTIONAL_COLUMNS: tuple[str, ...] = ("entity", "unit", "status", "qualifier", "quote", "note")
# Low-cardinality text: categories keep millions of rows small and group fast.
CATEGORY_COLUMNS: tuple[str, ...] = ("metric", "entity", "unit", "status", "qualifier")
STATUSES: tuple[str, ...] = ("reported", "estimate", "derived")
QUALIFIERS: tuple[str, ...] = ("exact", "more_than", "nearly", "about", "less_than")
INDICATOR_COLUMNS: tuple[str, ...] = (
    "metric",
    "name_en",
    "name_zh",
    "unit",
    "category",
    "description",
)
# The shipped file's columns, in its order: what a full observation carries.
OBSERVATION_COLUMNS: tuple[str, ...] = (
    "metric",
    "entity",
    "year",
    "value",
    "unit",
    "status",
    "qualifier",
    "quote",
    "note",
)
UNNAMED_PREFIX = "\x00unnamed:"  # cannot clash with a real name: NUL bytes are refused
YEAR_DTYPE = np.int16  # years fit, and 5M of them take 10 MB
# Encodings tried in order: what Excel writes on most systems, then on Chinese Windows.
ENCODINGS: tuple[str, ...] = ("utf-8", "gb18030")


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


def read_source_bytes(source: str) -> tuple[str, bytes]:
    """Read a path, or standard input for ``-``, as bytes and a label for messages."""
    if source == STDIN_MARKER:
        return "<stdin>", sys.stdin.buffer.read()
    path = Path(source)
    label = str(path)
    if not path.exists():
        raise DataError(f"{label}: no such file")
    if path.is_dir():
        raise DataError(f"{label}: is a directory, not a CSV file")
    try:
        return label, path.read_bytes()
    except PermissionError:
        raise DataError(f"{label}: permission denied") from None
    except OSError as error:
        raise DataError(f"{label}: cannot read: {error.strerror or error}") from None


def _line_of_offset(buffer: bytes, offset: int) -> int:
    return buffer.count(b"\n", 0, offset) + 1


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
            _refuse_mixed_encodings(label, buffer)
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
        f"{label}:{_undecodable_line(buffer)}: bytes that decode as neither UTF-8 nor GB18030"
    )


def _refuse_mixed_encodings(label: str, buffer: bytes) -> None:
    """Refuse a UTF-8 file with a few lines in another encoding, before GB18030 garbles it.

    Most byte strings decode as *something* in GB18030, so a mostly UTF-8 file
    with one GBK row would load as mojibake. When most lines with non-ASCII
    bytes are valid UTF-8, the file is UTF-8 and the other lines are errors. (A
    GBK line is seldom valid UTF-8 by chance, so a GBK file never has a majority.)
    """
    utf8_lines = other_lines = first_other = 0
    for number, line in enumerate(buffer.split(b"\n"), start=1):
        if line.isascii():
            continue
        if _is_utf8(line):
            utf8_lines += 1
        else:
            other_lines += 1
            first_other = first_other or number
    if other_lines and utf8_lines > other_lines:
        raise DataError(
            f"{label}:{first_other}: not UTF-8, though most of the file is (mixed encodings?)"
        )


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _undecodable_line(buffer: bytes) -> int:
    """The first line that no accepted encoding can decode (only runs on a failure)."""
    for number, line in enumerate(buffer.split(b"\n"), start=1):
        for encoding in ENCODINGS:
            try:
                line.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            return number
    return 1


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
        line = _line_of_offset(buffer, buffer.index(b"\x00"))
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
    label, buffer = read_source_bytes(source)
    return parse_observations(label, buffer)


def decode_text(label: str, raw: bytes) -> str:
    """Text in UTF-8 (with or without a BOM) or GB18030, as Excel and editors save it."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DataError(
        f"{label}:{_undecodable_line(raw)}: bytes that decode as neither UTF-8 nor GB18030"
    )


def read_text_table(path: Path, what: str) -> pd.DataFrame:
    """A small metadata CSV, every cell as text; an empty file is an empty table."""
    label = str(path)
    try:
        text = decode_text(label, path.read_bytes())
    except OSError as error:
        raise DataError(f"{label}: cannot read {what}: {error.strerror or error}") from None
    try:
        return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except pd.errors.EmptyDataError:
        return pd.DataFrame()
    except (pd.errors.ParserError, ValueError) as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else ""
        raise DataError(f"{label}: cannot read {what}: {first_line}") from None


def load_indicators(source: str) -> pd.DataFrame:
    """Per-metric metadata for a data source, or an empty frame when there is none.

    The shipped data has its own; a user's file may keep an ``indicators.csv``
    beside it. Names of a shipped metric are never lent to a user's file: the
    same id in another file may mean something else.
    """
    path = metadata_path(source, INDICATORS_FILE)
    if path is None:
        return pd.DataFrame({name: pd.Series(dtype="str") for name in INDICATOR_COLUMNS})
    label = str(path)
    frame = read_text_table(path, "indicator metadata")
    if frame.empty and not len(frame.columns):
        return pd.DataFrame({name: pd.Series(dtype="str") for name in INDICATOR_COLUMNS})
    if "metric" not in frame.columns:
        raise DataError(f"{label}:1: missing required column metric")
    for name in INDICATOR_COLUMNS:
        if name not in frame.columns:
            frame[name] = ""
    return frame.drop_duplicates("metric")


@dataclass(frozen=True)
class Publication:
    """Where a data set's figures come from, as its data package describes it."""

    title: str = ""
    publisher: str = ""
    authors: str = ""
    date: str = ""

    def citation(self) -> str:
        """One line: publisher, date, title, authors (what is known of them)."""
        parts = [self.publisher, self.date, self.title, self.authors]
        return "; ".join(part for part in parts if part)


def load_publication(source: str) -> Publication | None:
    """The first source named by the data package beside the data, if there is one."""
    path = metadata_path(source, PACKAGE_FILE)
    if path is None:
        return None
    try:
        package = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as error:
        raise DataError(f"{path}: cannot read the data package: {error}") from None
    if not isinstance(package, dict):
        raise DataError(f"{path}: not a data package (expected a JSON object)")
    sources = package.get("sources") or []
    if not isinstance(sources, list):
        raise DataError(f"{path}: 'sources' should be a list")
    if not sources or not isinstance(sources[0], dict):
        return None
    first = sources[0]
    return Publication(
        title=str(first.get("title", "")),
        publisher=str(first.get("publisher", "")),
        authors=str(first.get("authors", "")),
        date=str(first.get("date", "")),
    )


def load_claims(source: str) -> pd.DataFrame:
    """The article's relative claims kept beside the data (``claims.csv``), or an empty frame."""
    path = metadata_path(source, CLAIMS_FILE)
    if path is None:
        return pd.DataFrame()
    return read_text_table(path, "claims")
