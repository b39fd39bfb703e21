"""A JSON list of objects (what ``zgc export --format json`` writes) as the loader's CSV,
and what the JSON Lines reader shares with it: cells as text, keys given twice, NULs.

A JSON number reads back exactly as the same text in CSV does: whole numbers as
integers, every other float as its shortest round-trip text (what ``repr`` and
the machine formats write). orjson decodes (imported lazily); the standard
library reads what it refuses.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Sequence
from typing import Any

from zgc_cli.errors import DataError
from zgc_cli.model.readers.places import (
    Places,
    columns_to_csv,
    number_text,
    refuse_comparison,
)
from zgc_cli.model.textio import decode_text
from zgc_cli.words import json_problem, lone_surrogate, phrase


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
        return number_text(cell)
    kind = phrase("json.kind_list" if isinstance(cell, list) else "json.kind_object")
    raise DataError(phrase("json.holds", where=located.at(place), column=column, kind=kind))


def header_of(records: Sequence[dict[str, Any]]) -> list[str]:
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
    return number_text(number) if math.isfinite(number) else None


def json_column(
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


# What orjson writes for anything but a number: text, null, true or false, a list, an object
# (looked for inside the list's brackets).
_NOT_A_NUMBER = re.compile(rb'["ntf\\[{]')


def column_texts(
    located: Places, places: Sequence[int], column: str, cells: list[Any]
) -> tuple[Sequence[str], str]:
    """A column of JSON values as cell texts (:func:`json_column`'s), and how floats among
    them are written: "orjson" (``0.0``) where the column holds numbers only and a float
    among them, "cell" (``0``) where it holds text or nulls, "" otherwise.

    The usual columns are found at C speed: all text joins, all numbers are written
    by orjson with no quote, letter or bracket; anything else is looked at cell by cell.
    """
    import orjson

    try:
        "".join(cells)
    except TypeError:
        pass
    else:
        return cells, "cell" if cells else ""
    try:
        written = orjson.dumps(cells)
    except orjson.JSONEncodeError:  # an integer beyond 64 bits
        written = b'"'
    if not _NOT_A_NUMBER.search(written, 1, len(written) - 1):
        texts = written.decode()[1:-1].split(",")
        if len(texts) == len(cells):
            return texts, "orjson" if b"." in written or b"e" in written else ""
    kinds = set(map(type, cells))
    style = ("orjson" if float in kinds else "") if kinds <= {int, float} else "cell"
    return json_column(located, places, column, cells), style


def records_to_csv(
    label: str, records: Sequence[dict[str, Any]], places: Sequence[int], word: str
) -> tuple[bytes, Places]:
    header = header_of(records)
    if not header:
        raise DataError(phrase("json.no_keys", label=label))
    refuse_comparison(label, header)
    located = Places(label, places, places, word)
    columns = [
        json_column(located, places, column, [record.get(column) for record in records])
        for column in header
    ]
    return columns_to_csv(label, header, columns, places, word)


def json_problem_at(label: str, line: int, error: json.JSONDecodeError) -> DataError:
    return DataError(
        phrase(
            "json.invalid_at",
            label=label,
            line=line,
            problem=json_problem(error.msg),
            column=error.colno,
        )
    )


def value_problem(label: str, error: Exception) -> DataError:
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


def refuse_nul(
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
KEY_PATTERN = re.compile(r'"(?:[^"\\]|\\.)*"\s*:')


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
    if text.count(":") <= keys or KEY_PATTERN.subn("", text)[1] <= keys:
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
        raise json_problem_at(label, error.lineno, error) from None
    except (ValueError, RecursionError) as error:
        raise value_problem(label, error) from None
    if not isinstance(document, list):
        kind = phrase("json.kind_object" if isinstance(document, dict) else "json.kind_value")
        raise DataError(phrase("json.not_list", label=label, kind=kind))
    if not document:
        raise DataError(phrase("json.empty_list", label=label))
    for number, record in enumerate(document, start=1):
        if not isinstance(record, dict):
            raise DataError(phrase("json.record_not_object", label=label, number=number))
    refuse_nul(text, document, lambda number: phrase("place.record_at", label=label, number=number))
    twice = duplicate_key(text, document)
    if twice is not None:
        where = phrase("place.record_at", label=label, number=twice[1])
        raise DataError(phrase("json.duplicate_key", where=where, name=twice[0]))
    return records_to_csv(label, document, range(1, len(document) + 1), "record")
