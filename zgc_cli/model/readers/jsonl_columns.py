"""JSON Lines made into the loader's frame directly: decoded in blocks into typed rows, taken
a column at a time into category codes and float arrays, with no CSV text between.

The frame is the one the CSV path parses from the same rows (the same columns, dtypes,
categories and floats), and the loader's own steps follow (blank rows, ids, validation),
so every command's output is the CSV's. msgspec decodes each line into a struct of the
file's keys: text where the loader keeps text, a number (or null) where it keeps one.
A file it cannot take as it is (a key missing or new on some line, a key twice, text
where a number goes, a bad line, a line not one whole object, NUL, ``\\r``, bytes
that are not UTF-8) returns None and goes the CSV way, which reads it or says where
it fails, as ever.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from zgc_cli.model.readers.json_input import KEY_PATTERN

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from zgc_cli.model.observations import Observations

# Bytes of whole lines decoded at a time: a block's rows live only until their cells are
# codes and floats, so a file of millions of lines is never held as Python objects at once.
# Small blocks stay in the CPU's cache: on 1M lines msgspec took 0.23 s in blocks of
# 64 KiB, 0.5 s in blocks of 1 MiB.
COLUMNS_BLOCK_BYTES = 1 << 16
# A line that does not start an object: a blank one, or one that goes on from the line before.
_NOT_AN_OBJECT_START = re.compile(rb"\n[^{]")
# Keys the fast reader takes: what the CSV header would read back as the very same name
# (no comma, quote, line break or BOM; not empty: an unnamed column has its own rules).
_PLAIN_KEY = re.compile(r"[^,\"\r\n\x00\ufeff]+")
# Beyond this a whole number is no longer exact as a float: the CSV way parses its digits.
_EXACT_FLOAT = 2.0**53


class _Codes(dict[Any, int]):
    """Each distinct text of a column (null as the empty text) → its code, first seen first."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []

    def __missing__(self, text: str | None) -> int:
        if text is None:
            code = self[""]
        else:
            code = len(self.texts)
            self.texts.append(text)
        self[text] = code
        return code


class _Refused(Exception):
    """The fast reader cannot take this file: the CSV way reads it (or says where it fails)."""


def _decoder(names: list[str], number_columns: set[str]) -> Any:
    """A msgspec decoder of one line into a struct holding exactly the keys ``names``."""
    import msgspec

    number = int | float | None
    text = str | None
    fields = [
        (f"f{at}", number if name in number_columns else text) for at, name in enumerate(names)
    ]
    row = msgspec.defstruct(
        "JsonlRow",
        fields,
        rename={f"f{at}": name for at, name in enumerate(names)},
        forbid_unknown_fields=True,
        gc=False,
    )
    return msgspec.json.Decoder(row)


def _row_lines(body: bytes, first_line: int) -> tuple[range | list[int], int]:
    """The file's line of each row of a block's lines (blank lines skipped), and the next line.

    Raises _Refused unless every row's line starts with ``{``: no object then goes on
    over two lines (a ``{`` never follows a key or a value the decoder takes), so a
    block's objects are its lines when they are as many.
    """
    count = body.count(b"\n") + 1
    if body.startswith(b"{") and _NOT_AN_OBJECT_START.search(body) is None:
        return range(first_line, first_line + count), first_line + count
    numbers = []
    for at, line in enumerate(body.split(b"\n")):
        if line.strip():
            if not line.startswith(b"{"):
                raise _Refused
            numbers.append(first_line + at)
    return numbers, first_line + count


def _floats(cells: Iterator[Any], rows: int) -> np.ndarray:
    """A block's numbers (null: NaN) as floats."""
    import numpy as np

    numbers = list(cells)
    try:
        return np.fromiter(numbers, np.float64, rows)
    except TypeError:  # a null (fromiter takes no None; an array makes it NaN)
        return np.array(numbers, dtype=np.float64)
    except OverflowError:
        raise _Refused from None  # an integer beyond any float: the CSV way says so


def _category(codes: list[np.ndarray], table: _Codes) -> pd.Categorical:
    """Codes of first-seen texts as the CSV parse's categorical: its categories sorted."""
    import numpy as np
    import pandas as pd

    order = sorted(range(len(table.texts)), key=table.texts.__getitem__)
    recode = np.empty(len(order), dtype=np.int64)
    recode[order] = np.arange(len(order))
    joined = np.concatenate(codes) if codes else np.empty(0, dtype=np.int32)
    categories = pd.Index([table.texts[at] for at in order], dtype="str")
    return pd.Categorical.from_codes(recode[joined], dtype=pd.CategoricalDtype(categories))


def _frame(label: str, raw: bytes) -> tuple[pd.DataFrame, np.ndarray] | None:
    """The loader's frame of a JSON Lines file and each row's line, or None: go the CSV way."""
    import msgspec
    import numpy as np
    import pandas as pd

    from zgc_cli.model.observations import column_dtypes

    if b"\x00" in raw or b"\r" in raw or (b"\\" in raw and b"\\u0000" in raw):
        return None
    body = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    first_end = body.find(b"\n")
    try:
        first = msgspec.json.decode(body if first_end < 0 else body[:first_end])
    except msgspec.DecodeError:
        return None
    if not isinstance(first, dict) or not all(map(_PLAIN_KEY.fullmatch, first)):
        return None
    names = list(first)
    dtypes = column_dtypes(names)
    if not {"metric", "year", "value"} <= set(names):
        return None  # the CSV way names what is missing
    numbers = {name for name in names if dtypes[name] == "float64"}
    decode: Callable[[bytes], list[Any]] = _decoder(names, numbers).decode_lines
    getters = [attrgetter(f"f{at}") for at in range(len(names))]
    tables = {name: _Codes() for name in names if dtypes[name] == "category"}
    parts: dict[str, list[Any]] = {name: [] for name in names}
    lines: list[np.ndarray] = []
    line, position, rows_read = 1, 0, 0
    try:
        while position < len(body):
            end = body.find(b"\n", position + COLUMNS_BLOCK_BYTES) + 1
            end = len(body) if end <= 0 else end
            block = body[position : end - 1 if body[end - 1 : end] == b"\n" else end]
            row_lines, line = _row_lines(block, line)
            position = end
            if not len(row_lines):
                continue
            rows = decode(block)
            if len(rows) != len(row_lines):
                raise _Refused
            lines.append(np.asarray(row_lines, dtype=np.int64))
            rows_read += len(rows)
            for name, getter in zip(names, getters, strict=True):
                cells = map(getter, rows)
                if name in tables:
                    codes = map(tables[name].__getitem__, cells)
                    parts[name].append(np.fromiter(codes, np.int32, len(rows)))
                elif name in numbers:
                    parts[name].append(_floats(cells, len(rows)))
                else:
                    parts[name].append(["" if cell is None else cell for cell in cells])
            del rows
    except (_Refused, msgspec.DecodeError, msgspec.ValidationError):
        return None
    if not rows_read or _key_given_twice(body, rows_read * len(names)):
        return None
    columns: dict[str, Any] = {}
    for name in names:
        if name in tables:
            columns[name] = _category(parts.pop(name), tables[name])
        elif name in numbers:
            floats = np.concatenate(parts.pop(name))
            if np.nanmax(np.abs(floats), initial=0.0) >= _EXACT_FLOAT:
                return None  # digits a float may not hold exactly: the CSV way parses them
            if np.isnan(floats).any():
                # The CSV way writes a column with nulls cell by cell, -0.0 as "0".
                floats[floats == 0] = 0.0
            columns[name] = floats
        else:
            texts = [cell for block_texts in parts.pop(name) for cell in block_texts]
            columns[name] = pd.array(texts, dtype="str")
    return pd.DataFrame(columns), np.concatenate(lines)


def _key_given_twice(body: bytes, keys: int) -> bool:
    """Whether some line gives a key twice (the decoder keeps the last; the CSV way says so).

    Each key has a colon after it; only a file with more colons than keys (colons in
    text, or a key twice) has its keys counted."""
    return body.count(b":") > keys and KEY_PATTERN.subn("", body.decode())[1] > keys


def jsonl_observations(label: str, raw: bytes) -> Observations | None:
    """A JSON Lines file's observations by the direct frame, or None: go the CSV way."""
    from zgc_cli.model.observations import observations_from_frame

    built = _frame(label, raw)
    if built is None:
        return None
    frame, lines = built
    return observations_from_frame(label, frame, lines)
