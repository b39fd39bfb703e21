"""JSON Lines, one object a line, as the loader's CSV: in blocks a column at a time where
the file allows it, else a line at a time (what any file can be read with)."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from zgc_cli.errors import DataError
from zgc_cli.model.readers.json_input import (
    KEY_PATTERN,
    column_texts,
    duplicate_key,
    header_of,
    json_problem_at,
    loads_json,
    records_to_csv,
    refuse_nul,
    value_problem,
)
from zgc_cli.model.readers.places import Places, csv_rows, line_breaks, quoted, refuse_comparison
from zgc_cli.model.textio import decode_text
from zgc_cli.words import phrase

# Bytes of whole lines the fast JSON Lines reader decodes at a time: a block's objects
# are held until its columns are CSV text, so a file of millions of lines never is at once.
# Small blocks stay in the CPU's cache: on 1M lines, 64 KiB took 3.0 s of CPU, 8 MiB 5.8 s.
JSONL_BLOCK_BYTES = 1 << 16
# A line holding nothing but spaces (no \\r reaches the block reader), between two line
# ends: the search starts at each \\n only (a leading literal), not at every byte.
_BLANK_LINE = re.compile(rb"\n[ \t\x0b\x0c]*\n")


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

    body = block[:-1] if block.endswith(b"\n") else block
    if not body or _BLANK_LINE.search(b"\n" + body + b"\n"):
        return _jsonl_block_blanks(label, block, first_line, header)
    lines = body.split(b"\n")
    try:
        records = list(map(orjson.loads, lines))
    except orjson.JSONDecodeError:
        return None
    if set(map(type, records)) != {dict}:
        return None
    names = list(records[0]) if header is None else list(header)
    cells = _same_keys(records, names)
    if cells is None:  # keys differ from line to line: each record asked for each column
        return _jsonl_columns(
            label, block, header, records, list(range(first_line, first_line + len(lines)))
        )
    if block.count(b":") > len(records) * len(names) and (
        KEY_PATTERN.subn("", block.decode())[1] > len(records) * len(names)
    ):
        return None  # a key twice (json keeps the last): the slow reader says where
    numbers = list(range(first_line, first_line + len(lines)))
    return _columns_block(label, names, cells, numbers)


def _same_keys(records: list[dict[str, Any]], names: list[str]) -> list[list[Any]] | None:
    """The records' cells a column at a time, when every record has just the keys ``names``
    (checked at C speed: each record's length, then an item getter a column), else None."""
    if set(map(len, records)) != {len(names)}:
        return None
    try:
        return [list(map(itemgetter(name), records)) for name in names]
    except KeyError:
        return None


def _jsonl_block_blanks(
    label: str, block: bytes, first_line: int, header: dict[str, None] | None
) -> _JsonlBlock | None:
    """A block with blank lines (skipped, the others keeping their numbers)."""
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
    if set(map(type, records)) != {dict}:
        return None
    return _jsonl_columns(label, block, header, records, numbers)


def _jsonl_columns(
    label: str,
    block: bytes,
    header: dict[str, None] | None,
    records: list[dict[str, Any]],
    numbers: list[int],
) -> _JsonlBlock | None:
    """Decoded records whose keys may differ: each column asked of each record."""
    keys = sum(map(len, records))
    if block.count(b":") > keys and KEY_PATTERN.subn("", block.decode())[1] > keys:
        return None  # a key twice (json keeps the last): the slow reader says where
    found = header_of(records)
    if header is not None and not set(found) <= header.keys():
        return None
    names = found if header is None else list(header)
    cells = [[record.get(column) for record in records] for column in names]
    return _columns_block(label, names, cells, numbers)


def _columns_block(
    label: str, names: list[str], cells: list[list[Any]], numbers: list[int]
) -> _JsonlBlock | None:
    """Columns of decoded values as cell texts, or None: a cell the line reader must name."""
    located = Places(label, numbers, numbers, "line")
    try:
        written = [
            column_texts(located, numbers, column, texts)
            for column, texts in zip(names, cells, strict=True)
        ]
    except DataError:
        return None  # the line-by-line reader names the first bad cell in its order
    return _JsonlBlock(
        names, [texts for texts, _ in written], numbers, [style for _, style in written]
    )


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
            header_line = ",".join(quoted(name) for name in decoded.header)
            next_line = 1 + line_breaks(header_line) + 1
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
            rows, row_starts, next_line = csv_rows(decoded.columns, len(decoded.lines), next_line)
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
            raise json_problem_at(label, number, error) from None
        except (ValueError, RecursionError) as error:
            raise value_problem(f"{label}:{number}", error) from None
        if not isinstance(record, dict):
            raise DataError(phrase("jsonl.not_object", label=label, number=number))
        refuse_nul(line, [record], lambda _record: f"{label}:{number}")  # noqa: B023
        twice = duplicate_key(line, [record]) if line.count(":") > len(record) else None
        if twice is not None:
            where = f"{label}:{number}"
            raise DataError(phrase("json.duplicate_key", where=where, name=twice[0]))
        records.append(record)
        lines.append(number)
    if not records:
        raise DataError(phrase("data.empty_file", label=label))
    return records_to_csv(label, records, lines, "line")
