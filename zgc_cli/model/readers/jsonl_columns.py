"""JSON Lines made into the loader's frame directly: decoded in blocks into typed rows, taken
a column at a time into category codes and float arrays, with no CSV text between.

The frame is the one the CSV path parses from the same rows (the same columns, dtypes,
categories and floats), and the loader's own steps follow (blank rows, ids, validation),
so every command's output is the CSV's. A block of zgc's plain layout is read by its
quotes' places (:mod:`.jsonl_layout`); any other, by msgspec decoding each line into a
struct of the file's keys: text where the loader keeps text, a number (or null) where
it keeps one. A file neither can take as it is (a key missing or new on some line, a
key twice, text where a number goes, a bad line, a line not one whole object, NUL,
``\\r``, bytes that are not UTF-8, a number from 2**53 up) returns None and goes the
CSV way, which reads it or says where it fails, as ever.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
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
# Blocks of a plain layout are read by array operations, cheaper the fewer the blocks.
LAYOUT_BLOCK_BYTES = 1 << 20
# A line that does not start an object: a blank one, or one that goes on from the line before.
_NOT_AN_OBJECT_START = re.compile(rb"\n[^{]")
# Keys the fast reader takes: what the CSV header would read back as the very same name
# (no comma, quote, backslash, control byte or BOM, no space at either end, which the
# CSV way trims; not empty: an unnamed column has its own rules).
_KEY_BYTE = r"[^,\"\\\x00-\x1f\ufeff]"
_PLAIN_KEY = re.compile(rf"(?!\s){_KEY_BYTE}(?:{_KEY_BYTE}*(?<!\s))?")
# Beyond this a whole number is no longer exact as a float: the CSV way parses its digits.
EXACT_FLOAT = 2.0**53


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


class Refused(Exception):
    """The fast reader cannot take this file: the CSV way reads it (or says where it fails)."""


class Columns:
    """A file's columns as they are read, block by block: text as codes, numbers as floats.

    Attributes:
        names: the keys, in the file's order.
        numbers: the keys the loader reads as numbers (float64); the others are text.
        tables: each text column's distinct texts and their codes.
    """

    def __init__(self, names: list[str], numbers: set[str]) -> None:
        self.names = names
        self.numbers = numbers
        self.tables = {name: _Codes() for name in names if name not in numbers}
        self._parts: dict[str, list[np.ndarray]] = {name: [] for name in names}
        self._lines: list[np.ndarray] = []

    def add_rows(self, lines: np.ndarray, cells: dict[str, np.ndarray]) -> None:
        """A block's rows: each one's line, and each column's codes or floats."""
        self._lines.append(lines)
        for name, column in cells.items():
            self._parts[name].append(column)

    @property
    def rows(self) -> int:
        return sum(map(len, self._lines))

    def frame(self, category_columns: set[str]) -> tuple[pd.DataFrame, np.ndarray]:
        """The frame the CSV way parses from these rows, and each row's line."""
        import numpy as np
        import pandas as pd

        columns: dict[str, Any] = {}
        for name in self.names:
            joined = np.concatenate(self._parts.pop(name))
            if name in self.numbers:
                if np.isnan(joined).any():
                    # The CSV way writes a column with nulls cell by cell, -0.0 as "0".
                    joined[joined == 0] = 0.0
                columns[name] = joined
            elif name in category_columns:
                columns[name] = _category(joined, self.tables[name])
            else:
                texts = np.array(self.tables[name].texts, dtype=object)
                columns[name] = pd.array(texts[joined], dtype="str")
        # No copy: the columns stay apart, as the CSV parse gives them.
        return pd.DataFrame(columns, copy=False), np.concatenate(self._lines)


def _decoder(names: list[str], numbers: set[str]) -> Any:
    """A msgspec decoder of one line into a struct of exactly the keys ``names``: text or
    null where the loader keeps text, a number or null where it keeps one."""
    import msgspec

    number = int | float | None
    text = str | None
    fields = [(f"f{at}", number if name in numbers else text) for at, name in enumerate(names)]
    row = msgspec.defstruct(
        "JsonlRow",
        fields,
        rename={field: names[int(field[1:])] for field, _ in fields},
        forbid_unknown_fields=True,
        gc=False,
    )
    return msgspec.json.Decoder(row)


def _row_lines(body: bytes, first_line: int) -> range | list[int]:
    """The file's line of each row of a block's lines (blank lines skipped).

    Raises Refused unless every row's line starts with ``{``: no object then goes on
    over two lines (a ``{`` never follows a key or a value the decoder takes), so a
    block's objects are its lines when they are as many.
    """
    if body.startswith(b"{") and _NOT_AN_OBJECT_START.search(body) is None:
        return range(first_line, first_line + line_ends(body) + 1)
    numbers = []
    for at, line in enumerate(body.split(b"\n")):
        if line.strip():
            if not line.startswith(b"{"):
                raise Refused
            numbers.append(first_line + at)
    return numbers


def floats(rows: list[Any], field: str) -> np.ndarray:
    """A block's numbers of one field (null: NaN) as floats."""
    cells = attrgetter(field)
    return as_floats(lambda: map(cells, rows), len(rows))


def as_floats(values: Callable[[], Iterable[Any]], count: int) -> np.ndarray:
    """``count`` numbers (ints and floats as JSON gives them, null: NaN) as floats.

    Raises Refused for a number from 2**53 up: the CSV way parses its digits, which a
    float may not hold exactly (or says where it fails)."""
    import numpy as np

    try:
        array = np.fromiter(values(), np.float64, count)
    except TypeError:  # a null (fromiter takes no None; an array makes it NaN)
        try:
            array = np.array(list(values()), dtype=np.float64)
        except OverflowError:
            raise Refused from None
    except OverflowError:
        raise Refused from None  # an integer beyond any float
    if (np.abs(array) >= EXACT_FLOAT).any():
        raise Refused
    return array


def _category(codes: np.ndarray, table: _Codes) -> pd.Categorical:
    """Codes of first-seen texts as the CSV parse's categorical: its categories sorted."""
    import numpy as np
    import pandas as pd

    order = sorted(range(len(table.texts)), key=table.texts.__getitem__)
    categories = pd.Index([table.texts[at] for at in order], dtype="str")
    dtype = pd.CategoricalDtype(categories)
    # The codes in the type pandas keeps for so many categories (int8 up to 127 …).
    code_type = pd.Categorical.from_codes([], dtype=dtype).codes.dtype
    recode = np.empty(len(order), dtype=code_type)
    recode[order] = np.arange(len(order))
    return pd.Categorical.from_codes(recode[codes], dtype=dtype, validate=False)


def _struct_block(
    block: bytes, first_line: int, decode: Callable[[bytes], list[Any]], columns: Columns
) -> None:
    """A block's lines decoded into structs, a column at a time into codes and floats."""
    import numpy as np

    row_lines = _row_lines(block, first_line)
    if not len(row_lines):
        return
    rows = decode(block)
    if len(rows) != len(row_lines) or _key_given_twice(block, len(rows) * len(columns.names)):
        raise Refused
    cells: dict[str, np.ndarray] = {}
    for at, name in enumerate(columns.names):
        values = map(attrgetter(f"f{at}"), rows)
        if name in columns.numbers:
            cells[name] = floats(rows, f"f{at}")
        else:
            codes = map(columns.tables[name].__getitem__, values)
            cells[name] = np.fromiter(codes, np.int32, len(rows))
    columns.add_rows(np.asarray(row_lines, dtype=np.int64), cells)


def _blocks(body: bytes, size: int) -> Iterator[tuple[int, int, int]]:
    """Blocks of whole lines of about ``size`` bytes: where each starts and stops in
    ``body`` (its last line end left out), and the file's line it starts on."""
    line, position = 1, 0
    while position < len(body):
        end = body.find(b"\n", position + size) + 1
        end = len(body) if end <= 0 else end
        stop = end - 1 if body[end - 1 : end] == b"\n" else end
        yield position, stop, line
        line += line_ends(memoryview(body)[position:stop]) + 1
        position = end


def _frame(label: str, raw: bytes) -> tuple[pd.DataFrame, np.ndarray] | None:
    """The loader's frame of a JSON Lines file and each row's line, or None: go the CSV way."""
    import msgspec

    from zgc_cli.model.observations import column_dtypes
    from zgc_cli.model.readers.jsonl_layout import Layout

    if b"\x00" in raw or b"\r" in raw or (b"\\" in raw and b"\\u0000" in raw):
        return None
    body = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    try:
        first = msgspec.json.decode(_first_line(body))
    except msgspec.DecodeError:
        return None
    if not isinstance(first, dict) or not all(map(_PLAIN_KEY.fullmatch, first)):
        return None
    names = list(first)
    dtypes = column_dtypes(names)
    if not {"metric", "year", "value"} <= set(names):
        return None  # the CSV way names what is missing
    numbers = {name for name in names if dtypes[name] == "float64"}
    columns = Columns(names, numbers)
    decode = _decoder(names, numbers).decode_lines
    # Lines of one plain layout (no escape, no space) are read by their quotes' places.
    layout = None if b"\\" in body else Layout(names, numbers)
    try:
        for start, stop, line in _blocks(body, LAYOUT_BLOCK_BYTES):
            # The layout reader reads eight bytes at a time: the next line's, or padding.
            padded: bytes | memoryview = memoryview(body)[start : stop + 8]
            if len(padded) < stop + 8 - start:  # the last block: a copy, padded
                padded = bytes(padded) + bytes(stop + 8 - start - len(padded))
            if layout is None or not layout.read(padded, line, columns):
                block = bytes(padded[: stop - start])
                for part_start, part_stop, part_line in _blocks(block, COLUMNS_BLOCK_BYTES):
                    part = block[part_start:part_stop]
                    _struct_block(part, line + part_line - 1, decode, columns)
        if not columns.rows:
            return None
        categories = {name for name in names if dtypes[name] == "category"}
        return columns.frame(categories)
    except (Refused, msgspec.DecodeError, msgspec.ValidationError):
        return None


def _first_line(body: bytes) -> bytes:
    """The first line that is not blank (its keys are the columns)."""
    position = 0
    while True:
        end = body.find(b"\n", position)
        line = body[position:] if end < 0 else body[position:end]
        if line.strip() or end < 0:
            return line
        position = end + 1


def _key_given_twice(block: bytes, keys: int) -> bool:
    """Whether some line of a decoded block gives a key twice (the decoder keeps the last;
    the CSV way says so). The layout's blocks need no such count: each key has its place.

    Each key has a colon after it; only a block with more colons than keys (colons in
    text, or a key twice) has its keys counted."""
    return _count_byte(block, ord(":")) > keys and KEY_PATTERN.subn("", block.decode())[1] > keys


def _count_byte(block: bytes | memoryview, byte: int) -> int:
    """How many times a byte is in a block (numpy counts ten times faster than bytes do)."""
    import numpy as np

    return int(np.count_nonzero(np.frombuffer(block, np.uint8) == byte))


def line_ends(block: bytes | memoryview) -> int:
    """How many ``\\n`` a block holds."""
    return _count_byte(block, ord("\n"))


def jsonl_observations(label: str, raw: bytes) -> Observations | None:
    """A JSON Lines file's observations by the direct frame, or None: go the CSV way."""
    from zgc_cli.model.observations import observations_from_frame

    built = _frame(label, raw)
    if built is None:
        return None
    frame, lines = built
    return observations_from_frame(label, frame, lines)
