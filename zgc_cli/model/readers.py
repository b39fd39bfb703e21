"""What a data source's bytes are (csv, tsv, json, jsonl, xlsx), and how they reach the loader.

Every format becomes the CSV bytes :mod:`zgc_cli.model.observations` reads, so
one loader parses, types and validates them all (padded numbers, blank rows,
ids, duplicates) and a JSON number reads back exactly as the same text in CSV
does: whole numbers as integers, every other float as its shortest round-trip
text (what ``repr`` and the machine formats write).

Errors name the source's own places, not the CSV's: ``mine.jsonl:7`` (a line),
``mine.json: record 3`` (an object of the list), ``book.xlsx:5`` (a sheet row).
A :class:`Places` maps the CSV's line numbers back to them.

Standard library and orjson only (imported lazily); python-calamine reads
``.xlsx`` and comes with the ``excel`` extra.
"""

from __future__ import annotations

import bisect
import csv
import io
import json
import math
import os
import re
import stat
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import accumulate
from pathlib import PurePath
from typing import Any, cast

from zgc_cli.errors import DataError
from zgc_cli.model.limits import csv_field_limit
from zgc_cli.model.textio import decode_text
from zgc_cli.model.workbook import check_workbook, diagnose
from zgc_cli.words import (
    Listed,
    Phrase,
    Relocated,
    csv_problem,
    json_problem,
    lone_surrogate,
    phrase,
)

# The formats zgc reads. A path's extension names its format; standard input (and a
# path without a known extension that is not a regular file) is sniffed.
CSV, TSV, JSON, JSONL, XLSX = "csv", "tsv", "json", "jsonl", "xlsx"
FORMATS_READ: tuple[str, ...] = (CSV, TSV, JSON, JSONL, XLSX)
EXTENSIONS: dict[str, str] = {
    ".csv": CSV,
    ".txt": CSV,
    ".tsv": TSV,
    ".tab": TSV,
    ".json": JSON,
    ".jsonl": JSONL,
    ".ndjson": JSONL,
    ".xlsx": XLSX,
    ".xlsm": XLSX,
}
# Formats people will try that zgc does not read, and what to do instead.
UNREAD_EXTENSIONS: dict[str, str] = {
    ".xls": phrase("read.xls"),
    ".parquet": phrase("read.parquet"),
    ".feather": phrase("read.feather"),
    ".ods": phrase("read.ods"),
    ".numbers": phrase("read.numbers"),
}
EXCEL_EXTRA_HINT = "pip install 'zgc[excel]'"
# How many bytes of a regular file are enough to see what it is.
SNIFF_BYTES = 1 << 16
# What zgc compare writes where an observation has year and value.
COMPARISON_COLUMNS: frozenset[str] = frozenset({"year_from", "value_from", "year_to", "value_to"})


def format_of_path(path: str) -> str | None:
    """The format a path's extension names; None when it names none (sniff, or read CSV).

    Raises a DataError for a format zgc does not read (``.xls``, ``.parquet``).
    """
    suffix = PurePath(path).suffix.lower()
    if suffix in UNREAD_EXTENSIONS:
        advice = UNREAD_EXTENSIONS[suffix]
        raise DataError(phrase("read.unknown_format", path=path, suffix=suffix, advice=advice))
    return EXTENSIONS.get(suffix)


def is_regular_file(path: str) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def sniff(head: bytes) -> str:
    """The format of text by its first non-space byte: ``[`` json, ``{`` jsonl, a tab → tsv.

    A tab in the header line makes it TSV; anything else is read as CSV.
    """
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if text.startswith(b"["):
        return JSON
    if text.startswith(b"{"):
        return JSONL
    header_end = min((at for at in (text.find(b"\n"), text.find(b"\r")) if at >= 0), default=-1)
    header = text if header_end < 0 else text[:header_end]
    return TSV if b"\t" in header else CSV


def refuse_comparison(label: str, columns: Iterable[str]) -> None:
    """Refuse zgc compare's rows: each holds two observations and figures made from them.

    Read back as data they would lose the quotes, the notes and the series not
    compared; the observations themselves come from ``zgc export``.
    """
    names = set(columns)
    if names & COMPARISON_COLUMNS and not {"year", "value"} <= names:
        raise DataError(phrase("read.comparison_rows", label=label))


# --- where a CSV line is in the source -----------------------------------------------


@dataclass(frozen=True)
class Places:
    """Where each record of the CSV given to the loader is in its source.

    Attributes:
        label: how messages name the source.
        starts: the CSV line each record starts on, ascending (empty: CSV lines are the places).
        places: each record's place in the source (a line, a record or a row number).
        word: how the place is called after "first at" (line, record, row).
        header: the header's place, where it has one (a sheet's row; JSON has none).
    """

    label: str
    starts: Sequence[int] = field(default_factory=tuple)
    places: Sequence[int] = field(default_factory=tuple)
    word: str = "line"
    header: int | None = None

    def _place(self, csv_line: int) -> int | None:
        if not self.starts:
            return csv_line
        index = bisect.bisect_right(self.starts, csv_line) - 1
        return self.places[index] if index >= 0 else self.header

    def at(self, place: int | None) -> str:
        """A place as messages name it: ``mine.jsonl:7``, ``mine.json: record 3``."""
        if place is None:
            return self.label
        if self.word == "record":
            return phrase("place.record_at", label=self.label, number=place)
        return f"{self.label}:{place}"

    def _first(self, place: int | None) -> object:
        """A place after "first at": ``line 7``, ``record 3``, ``row 5``."""
        return phrase(f"place.{self.word}", number=place)

    def where(self, csv_line: int) -> str:
        """Where a line of the loader's CSV is in the source."""
        return self.at(self._place(csv_line))

    def relocate(self, error: DataError) -> DataError:
        """The loader's error with its CSV line numbers put back as the source's places."""
        if not self.starts:
            return error
        message = error.message
        if isinstance(message, Phrase):
            return DataError(self._relocated(message), error.code)
        prefix = re.match(rf"{re.escape(self.label)}:(\d+):", message)
        if prefix is None:
            return error
        message = self.where(int(prefix.group(1))) + ":" + message[prefix.end() :]
        return DataError(message, error.code)

    def _relocated(self, message: Phrase) -> Phrase:
        """A loader's ``{label}:{line}: ...`` phrase at the source's place, in any language."""
        params = message.params
        # The header's errors say ``{label}:1:`` in their text, not as a parameter.
        line = params.get("line", 1 if message.startswith(f"{self.label}:1:") else None)
        if params.get("label") != self.label or not isinstance(line, int):
            return message
        changes: dict[str, object] = {}
        first = params.get("first")
        if isinstance(first, Phrase) and isinstance(first.params.get("number"), int):
            changes["first"] = self._first(self._place(cast(int, first.params["number"])))
        place = self._place(line)
        if self.word == "record" or place is None or "line" not in params:
            return Relocated(message, self.at(place), **changes)
        return Phrase(message.key, **{**params, "line": place, **changes})


# --- rows to the loader's CSV ----------------------------------------------------------


def _quoted(text: str) -> str:
    if "," in text or '"' in text or "\n" in text or "\r" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def _line_breaks(text: str) -> int:
    """Line ends as the loader counts them: \\r\\n, \\r and \\n each end one."""
    return text.count("\n") + text.count("\r") - text.count("\r\n")


def _quoted_column(texts: Sequence[str]) -> tuple[Sequence[str], bool]:
    """A column's cells quoted where CSV needs it, and whether any holds a line break."""
    joined = "".join(texts)
    if "," not in joined and '"' not in joined and "\n" not in joined and "\r" not in joined:
        return texts, False
    return [_quoted(text) for text in texts], "\n" in joined or "\r" in joined


def _csv_rows(
    columns: Sequence[Sequence[str]], rows: int, first_row_line: int
) -> tuple[str, list[int], int]:
    """Columns of cell texts as CSV rows (each ending in ``\\n``), each row's first line,
    and the line after the last row."""
    quoted: list[Sequence[str]] = []
    line_counts = [1] * rows
    for texts in columns:
        column, breaks = _quoted_column(texts)
        quoted.append(column)
        if breaks:
            line_counts = [
                count + _line_breaks(text) for count, text in zip(line_counts, texts, strict=True)
            ]
    starts = list(accumulate(line_counts, initial=first_row_line))
    body = "\n".join(map(",".join, zip(*quoted, strict=True)))
    return body + "\n", starts[:-1], starts[-1]


def columns_to_csv(
    label: str,
    header: Sequence[str],
    columns: Sequence[Sequence[str]],
    places: Sequence[int],
    word: str,
) -> tuple[bytes, Places]:
    """A header and columns of cell texts as UTF-8 CSV bytes, with where each row came from.

    Built a column at a time (a million rows are a few joins, not a loop over cells).
    """
    header_line = ",".join(_quoted(name) for name in header)
    first_row_line = 1 + _line_breaks(header_line) + 1
    body, starts, _ = _csv_rows(columns, len(places), first_row_line)
    text = header_line + "\n" + body
    return text.encode("utf-8"), Places(label, starts, places, word)


def _number_text(number: float) -> str:
    """A number as the machine formats write it: whole below 2**53 as an integer."""
    if number.is_integer() and abs(number) < 2.0**53:
        return str(int(number))
    return repr(number)


def json_cell(located: Places, place: int, column: str, cell: Any) -> str:
    """A JSON value as CSV cell text: text as is, numbers exact, null empty."""
    if cell is None:
        return ""
    if isinstance(cell, str):
        return cell
    if isinstance(cell, bool):
        shown = json.dumps(cell)
        raise DataError(
            phrase("json.not_text_or_number", where=located.at(place), column=column, shown=shown)
        )
    if isinstance(cell, int):
        return str(cell)
    if isinstance(cell, float):
        if not math.isfinite(cell):
            where = located.at(place)
            raise DataError(phrase("json.not_finite", where=where, column=column, cell=cell))
        return _number_text(cell)
    kind = phrase("json.kind_list" if isinstance(cell, list) else "json.kind_object")
    raise DataError(phrase("json.holds", where=located.at(place), column=column, kind=kind))


def _header_of(records: Sequence[dict[str, Any]]) -> list[str]:
    """Every key, in the order first seen (records usually share one key list)."""
    header = dict.fromkeys(records[0])
    for record in records:
        if record.keys() != header.keys():
            header.update(dict.fromkeys(record))
    return list(header)


def _number_texts(cells: list[Any]) -> list[str] | None:
    """A column of JSON numbers as texts at C speed, or None when orjson cannot write one.

    orjson writes each float's shortest round-trip text (``3600000000000.0``,
    ``0.1``): the loader parses it back to the very same float, as it parses
    the machine formats' own text. A NaN or an infinity (which only the
    standard library reads) is written as null: the cell-by-cell path names it.
    """
    import orjson

    try:
        texts = orjson.dumps(cells).decode()[1:-1].split(",")
    except orjson.JSONEncodeError:  # an integer beyond 64 bits
        return None
    return None if len(texts) != len(cells) or "null" in texts else texts


def _float_text(number: float) -> str | None:
    return _number_text(number) if math.isfinite(number) else None


def _json_column(
    located: Places, places: Sequence[int], column: str, cells: list[Any]
) -> Sequence[str]:
    """A column of JSON values as cell texts; the first value that is no cell is an error."""
    kinds = set(map(type, cells))
    if kinds <= {str}:
        return cells
    if kinds <= {int, float}:
        numbers = _number_texts(cells)
        if numbers is not None:
            return numbers
    if kinds <= {str, int, float, type(None)}:
        texts = [
            cell
            if type(cell) is str
            else ""
            if cell is None
            else str(cell)
            if type(cell) is int
            else _float_text(cell)
            for cell in cells
        ]
        if None not in texts:
            return texts  # type: ignore[return-value]  # no None left, as checked
    return [
        json_cell(located, place, column, cell) for place, cell in zip(places, cells, strict=True)
    ]


def _records_to_csv(
    label: str, records: Sequence[dict[str, Any]], places: Sequence[int], word: str
) -> tuple[bytes, Places]:
    header = _header_of(records)
    if not header:
        raise DataError(phrase("json.no_keys", label=label))
    refuse_comparison(label, header)
    located = Places(label, places, places, word)
    columns = [
        _json_column(located, places, column, [record.get(column) for record in records])
        for column in header
    ]
    return columns_to_csv(label, header, columns, places, word)


def _json_problem(label: str, line: int, error: json.JSONDecodeError) -> DataError:
    return DataError(
        phrase(
            "json.invalid_at",
            label=label,
            line=line,
            problem=json_problem(error.msg),
            column=error.colno,
        )
    )


def _value_problem(label: str, error: Exception) -> DataError:
    """orjson's and json's other refusals (a number too long, nesting too deep), in one line."""
    words = str(error).strip().splitlines()
    first = words[0] if words else type(error).__name__
    problem: object = first
    if isinstance(error, RecursionError) or "recursion" in first:
        problem = phrase("json.too_deep", words=first)
    elif isinstance(error, LoneSurrogate):
        problem = lone_surrogate()
    elif "integer string conversion" in first:
        problem = phrase("json.too_many_digits", words=first)
    return DataError(phrase("json.invalid", label=label, problem=problem))


def _refuse_nul(
    text: str, records: Sequence[dict[str, Any]], where: Callable[[int], object]
) -> None:
    """A ``\\u0000`` in a string is refused at its record: no text holds a NUL."""
    if "\\u0000" not in text:
        return
    for number, record in enumerate(records, start=1):
        for column, cell in record.items():
            if "\x00" in column or (isinstance(cell, str) and "\x00" in cell):
                said = phrase("json.nul", where=where(number), column=column, escape="\\u0000")
                raise DataError(said)


class LoneSurrogate(ValueError):
    """A string of the JSON holds half a surrogate pair (the standard library lets it in)."""

    @staticmethod
    def said() -> object:
        """What is wrong, in the words of the messages."""
        return lone_surrogate()


def loads_json(text: str) -> Any:
    """JSON text as Python values: orjson, and the standard library for what it refuses.

    orjson refuses integers beyond 64 bits; the standard library reads them (and
    says where a real error is). A ``\\ud800`` escape without its pair is no
    character (no file can hold it): orjson's refusal, with its place, stands.
    """
    import orjson

    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError as error:
        if "surrogate" in error.msg:
            raise
        document = json.loads(text)
    if _LONE_SURROGATE_ESCAPE.search(text):
        try:
            json.dumps(document, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            raise LoneSurrogate from None
    return document


_LONE_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
# A JSON string, whole (a colon inside one is text), then the colon that makes it a key.
_KEY = re.compile(r'"(?:[^"\\]|\\.)*"\s*:')


class _DuplicateKey(Exception):
    def __init__(self, key: str, number: int) -> None:
        super().__init__(key)
        self.key, self.number = key, number


def duplicate_key(text: str, records: Sequence[dict[str, Any]]) -> tuple[str, int] | None:
    """A key given twice in one object (json keeps the last), and its object's number.

    Cheap on the usual file: each key has a colon after it, so when the text
    has no more colons than the records have keys, no key came twice. Otherwise
    the keys are counted with a regular expression, and only when they are more
    is the text parsed again, slowly, to find the object.
    """
    keys = sum(map(len, records))
    if text.count(":") <= keys or _KEY.subn("", text)[1] <= keys:
        return None
    number = 0

    def unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal number
        number += 1
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise _DuplicateKey(key, number)
            seen.add(key)
        return dict(pairs)

    try:
        json.loads(text, object_pairs_hook=unique)
    except _DuplicateKey as duplicate:
        return duplicate.key, duplicate.number
    return None


def json_to_csv(label: str, raw: bytes) -> tuple[bytes, Places]:
    """A JSON list of objects (what ``zgc export --format json`` writes) as the loader's CSV."""
    text = decode_text(label, raw)
    try:
        document = loads_json(text)
    except json.JSONDecodeError as error:
        raise _json_problem(label, error.lineno, error) from None
    except (ValueError, RecursionError) as error:
        raise _value_problem(label, error) from None
    if not isinstance(document, list):
        kind = phrase("json.kind_object" if isinstance(document, dict) else "json.kind_value")
        raise DataError(phrase("json.not_list", label=label, kind=kind))
    if not document:
        raise DataError(phrase("json.empty_list", label=label))
    for number, record in enumerate(document, start=1):
        if not isinstance(record, dict):
            raise DataError(phrase("json.record_not_object", label=label, number=number))
    _refuse_nul(
        text, document, lambda number: phrase("place.record_at", label=label, number=number)
    )
    twice = duplicate_key(text, document)
    if twice is not None:
        where = phrase("place.record_at", label=label, number=twice[1])
        raise DataError(phrase("json.duplicate_key", where=where, name=twice[0]))
    return _records_to_csv(label, document, range(1, len(document) + 1), "record")


# Bytes of whole lines the fast JSON Lines reader decodes at a time: a block's objects
# are held until its columns are CSV text, so a file of millions of lines never is at once.
# Small blocks stay in the CPU's cache: on 1M lines, 64 KiB took 3.0 s of CPU, 8 MiB 5.8 s.
JSONL_BLOCK_BYTES = 1 << 16


@dataclass(frozen=True)
class _JsonlBlock:
    """A block of JSON Lines decoded: its header, columns of cell texts, each row's line."""

    header: list[str]
    columns: list[Sequence[str]]
    lines: list[int]
    float_styles: list[str]


def _jsonl_block(
    label: str, block: bytes, first_line: int, header: dict[str, None] | None
) -> _JsonlBlock | None:
    """One block of lines decoded a column at a time, or None: go the line-by-line way.

    Each line is one object decoded by orjson in C. A line that is not one whole
    object, a key perhaps given twice, or a key the first block lacked sends the
    file to the line-by-line reader, which says where (or copes).
    """
    import orjson

    lines = block.split(b"\n")
    numbers = [first_line + at for at, line in enumerate(lines) if line.strip()]
    if len(numbers) != len(lines):
        lines = [line for line in lines if line.strip()]
    if not lines:
        return _JsonlBlock([] if header is None else list(header), [], [], [])
    try:
        records = list(map(orjson.loads, lines))
    except orjson.JSONDecodeError:
        return None
    if not all(type(record) is dict for record in records):
        return None
    keys = sum(map(len, records))
    if block.count(b":") > keys and _KEY.subn("", block.decode())[1] > keys:
        return None  # a key twice (json keeps the last): the slow reader says where
    found = _header_of(records)
    if header is not None and not set(found) <= header.keys():
        return None
    names = found if header is None else list(header)
    located = Places(label, numbers, numbers, "line")
    cells = [[record.get(column) for record in records] for column in names]
    try:
        columns = [
            _json_column(located, numbers, column, texts)
            for column, texts in zip(names, cells, strict=True)
        ]
    except DataError:
        return None  # the line-by-line reader names the first bad cell in its order
    return _JsonlBlock(names, columns, numbers, [_float_style(column) for column in cells])


def _float_style(cells: list[Any]) -> str:
    """How :func:`_json_column` would write floats among these cells: "orjson" ("0.0") where
    a float is among numbers only, "cell" ("0") where text or nulls are among them.

    The line-by-line reader decides once for the whole column: a column written
    "orjson" in one block and holding text or nulls in another sends the file its way.
    """
    kinds = set(map(type, cells))
    if kinds <= {int, float}:
        return "orjson" if float in kinds else ""
    return "cell"


def _jsonl_fast(label: str, raw: bytes) -> tuple[bytes, Places] | None:
    """JSON Lines decoded in blocks, a column at a time, or None: the file needs the
    line-by-line reader (not UTF-8, a NUL, a ``\\r``, a bad line, a key twice, new keys).

    The line-by-line reader's CSV, byte for byte, at a fraction of its time and memory.
    """
    if b"\x00" in raw or b"\\u0000" in raw or b"\r" in raw:
        return None
    body = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    header: dict[str, None] | None = None
    header_line = ""
    styles: dict[str, set[str]] = {}  # how each column's blocks would write floats
    parts: list[str] = []
    starts: list[int] = []
    places: list[int] = []
    next_line = 0  # the CSV's line of the next row, once the header is known
    line = 1  # the file's
    position = 0
    while position < len(body):
        end = body.find(b"\n", position + JSONL_BLOCK_BYTES) + 1
        end = len(body) if end <= 0 else end
        block = body[position:end]
        decoded = _jsonl_block(label, block, line, header)
        if decoded is None:
            return None
        if header is None and decoded.header:
            if not decoded.lines:
                return None
            header = dict.fromkeys(decoded.header)
            header_line = ",".join(_quoted(name) for name in decoded.header)
            next_line = 1 + _line_breaks(header_line) + 1
        elif header is None and decoded.lines:
            # Rows before any key (a block of `{}` lines): their places would be counted
            # without a header; the line-by-line reader numbers them right.
            return None
        for column, style in zip(decoded.header, decoded.float_styles, strict=False):
            if style:
                styles.setdefault(column, set()).add(style)
                if len(styles[column]) > 1:
                    return None
        if decoded.lines:
            rows, row_starts, next_line = _csv_rows(decoded.columns, len(decoded.lines), next_line)
            parts.append(rows)
            starts += row_starts
            places += decoded.lines
        line += block.count(b"\n")
        position = end
    if header is None or not places:
        return None
    refuse_comparison(label, list(header))  # after every line is read, as line by line
    return (header_line + "\n" + "".join(parts)).encode("utf-8"), Places(
        label, starts, places, "line"
    )


def jsonl_to_csv(label: str, raw: bytes) -> tuple[bytes, Places]:
    """JSON Lines, one object a line (blank lines skipped), as the loader's CSV."""
    fast = _jsonl_fast(label, raw)
    return fast if fast is not None else _jsonl_by_line(label, raw)


def _jsonl_by_line(label: str, raw: bytes) -> tuple[bytes, Places]:
    """JSON Lines read a line at a time: what any file can be read with, saying where it fails."""
    text = decode_text(label, raw)
    records: list[dict[str, Any]] = []
    lines: list[int] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = loads_json(line)
        except json.JSONDecodeError as error:
            raise _json_problem(label, number, error) from None
        except (ValueError, RecursionError) as error:
            raise _value_problem(f"{label}:{number}", error) from None
        if not isinstance(record, dict):
            raise DataError(phrase("jsonl.not_object", label=label, number=number))
        _refuse_nul(line, [record], lambda _record: f"{label}:{number}")  # noqa: B023
        twice = duplicate_key(line, [record]) if line.count(":") > len(record) else None
        if twice is not None:
            where = f"{label}:{number}"
            raise DataError(phrase("json.duplicate_key", where=where, name=twice[0]))
        records.append(record)
        lines.append(number)
    if not records:
        raise DataError(phrase("data.empty_file", label=label))
    return _records_to_csv(label, records, lines, "line")


def tsv_to_csv(label: str, raw: bytes) -> bytes:
    """Tab-separated text as CSV, line for line and byte for byte within the cells.

    Read as Latin-1, as :mod:`~zgc_cli.model.shape` reads: tabs, commas, quotes and
    line breaks are the same bytes in UTF-8 and GB18030, so the encoding survives,
    and each record keeps its lines, so the loader's line numbers are the file's.
    """
    text = raw.decode("latin-1")
    csv_field_limit()
    reader = csv.reader(io.StringIO(text, newline=""), delimiter="\t")
    out = io.StringIO()
    first_line = 1
    try:
        for row in reader:
            out.write(",".join(_quoted(cell) for cell in row) + "\n")
            first_line = reader.line_num + 1
    except csv.Error as error:  # named at the line its record starts on
        problem = csv_problem(error)
        raise DataError(phrase("csv.row", label=label, line=first_line, problem=problem)) from None
    return out.getvalue().encode("latin-1")


# --- Excel ---------------------------------------------------------------------------------


def _excel_cell(cell: Any) -> str:
    """An Excel cell as text: numbers exact (Excel keeps doubles), TRUE/FALSE, dates in ISO."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, int):
        return str(cell)
    if isinstance(cell, float):  # 1e400 is inf: said so by the loader, not taken for empty
        return _number_text(cell) if math.isfinite(cell) else repr(cell)
    isoformat = getattr(cell, "isoformat", None)
    return str(isoformat()) if isoformat is not None else str(cell)


def _excel_column(cells: list[Any]) -> list[str]:
    """A column's cells as texts: text as it is, the rest cell by cell."""
    if set(map(type, cells)) <= {str}:
        return cells
    return [cell if type(cell) is str else _excel_cell(cell) for cell in cells]


def _reason(error: Exception) -> str:
    words = str(error).strip()
    return words.splitlines()[0] if words else type(error).__name__


def xlsx_to_csv(label: str, raw: bytes, sheet: str | None) -> tuple[bytes, Places]:
    """The first sheet of a workbook (or the one named ``sheet``) as the loader's CSV.

    Rows are numbered as Excel numbers them, so ``book.xlsx:5`` is row 5.
    """
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:
        hint = EXCEL_EXTRA_HINT
        raise DataError(phrase("xlsx.needs_extra", label=label, hint=hint)) from None
    checked = check_workbook(label, raw, sheet)
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(raw))
    except Exception as error:  # calamine's errors are its own types, a zip's too
        raise DataError(phrase("xlsx.unreadable", label=label, reason=_reason(error))) from None
    names = list(workbook.sheet_names)
    if sheet is not None and sheet not in names:
        sheets = Listed(names)
        raise DataError(phrase("xlsx.no_sheet", label=label, sheet=sheet, sheets=sheets))
    if not names:
        raise DataError(phrase("xlsx.no_sheets", label=label))
    try:
        chosen = workbook.get_sheet_by_name(sheet if sheet is not None else names[0])
        rows = chosen.to_python()
    except Exception as error:  # broken sheet XML: a bad number, entity or reference
        raise diagnose(label, checked, _reason(error)) from None
    first_row = int(chosen.start[0]) + 1 if chosen.start else 1
    if not rows or not any(str(cell).strip() for cell in rows[0]):
        raise DataError(phrase("xlsx.empty_sheet", label=label, sheet=chosen.name))
    header = [_excel_cell(cell) for cell in rows[0]]
    refuse_comparison(label, header)
    # Rows with no cell at all are blank lines to the loader: left out here, at C speed,
    # so a sheet of a few cells far apart costs its cells, not its rows.
    width = len(header)
    places = [
        first_row + number for number, row in enumerate(rows) if number and row.count("") != width
    ]
    body = [rows[place - first_row] for place in places]
    if not body:
        raise DataError(phrase("xlsx.no_observations", label=label, sheet=chosen.name))
    columns = [_excel_column(list(column)) for column in zip(*body, strict=True)]
    buffer, located = columns_to_csv(label, header, columns, places, "row")
    return buffer, replace(located, header=first_row)
