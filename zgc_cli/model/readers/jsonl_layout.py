"""JSON Lines of one plain layout read by the places of their quotes, with array operations.

What ``zgc export --format jsonl`` and most tools write: every line
``{"metric":"m1","year":2014,"value":1.5,...}``, the keys in one order, no space,
text quoted and numbers bare. Where a file has no backslash (so no escape), every
quote starts or ends a key or a text, and a block's quotes, found at C speed, say
where each cell is: a key is checked byte for byte, a text is taken as the bytes
between its quotes and its distinct values turned into codes by hashing them as
integers. msgspec still decodes every line (its numbers, and the JSON as a whole:
a bad line fails there). A block laid out otherwise (a null text, a space, a blank
line, keys in another order) is read by :mod:`.jsonl_columns`' decoder instead.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from zgc_cli.model.readers.jsonl_columns import Columns, Refused, floats

if TYPE_CHECKING:
    import numpy as np

    from zgc_cli.model.readers.jsonl_columns import _Codes

_QUOTE, _LINE_END = ord('"'), ord("\n")
# Mixes the 8-byte words of a text into one integer (the golden ratio's, odd): equal texts
# always give equal integers, and different ones that collide are caught and read otherwise.
_MIX = 0x9E3779B97F4A7C15


@cache
def _masks() -> np.ndarray:
    """Each count of bytes kept (0 to 8) as the mask of a little-endian word."""
    import numpy as np

    return np.array([(1 << (8 * kept)) - 1 for kept in range(9)], dtype=np.uint64)


class Layout:
    """The plain layout of a file's lines, given its keys (in order) and which are numbers."""

    def __init__(self, names: list[str], numbers: set[str], numbers_decoder: Any) -> None:
        self._names = names
        self._numbers = numbers
        self._decode = numbers_decoder.decode_lines
        # Each key's quoted string on a line (0, 1, …), its text's where it is one, and the
        # bytes from the one before its quote to its colon: `{"metric":`, `,"year":`.
        self._slots: list[tuple[int, int | None, bytes]] = []
        at = 0
        for index, name in enumerate(names):
            text = None if name in numbers else at + 1
            self._slots.append((at, text, b"{,"[index > 0 :][:1] + b'"' + name.encode() + b'":'))
            at += 1 if text is None else 2
        self._quotes = 2 * at

    def read(self, block: bytes | memoryview, first_line: int, columns: Columns) -> bool:
        """A block's lines (followed by at least eight more bytes, or by the padding the
        last block is given) into ``columns`` when every one is of this layout; else False,
        nothing added. Raises msgspec's errors for a line that is no JSON of numbers where
        they go, and Refused for text that is not UTF-8."""
        import numpy as np

        size = len(block) - 8
        data = np.frombuffer(block, np.uint8)
        words = np.ndarray((size + 1,), "<u8", data, strides=(1,))
        lines = int(np.count_nonzero(data[:size] == _LINE_END)) + 1  # faster than bytes.count
        found = np.flatnonzero(data[:size] == _QUOTE)
        if len(found) != lines * self._quotes:
            return False
        quotes = found.reshape(lines, self._quotes)
        # Each line starts with its first key's `{"`: as many such starts as lines, each
        # after a line end, are the lines' starts, and each line's quotes are its own.
        starts = quotes[:, 0] - 1
        if starts[0] != 0 or not (data.take(starts[1:] - 1) == _LINE_END).all():
            return False
        texts: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for index, (key_slot, text_slot, expected) in enumerate(self._slots):
            # `{"key":` or `,"key":` where the key's quotes are: a string before a colon is a
            # key, and all of a line's strings have their places, so no key comes twice.
            opened = quotes[:, 2 * key_slot]
            if not _holds(words, opened - 1, expected):
                return False
            if text_slot is None:
                continue  # a number, bare: the decoder reads it (and refuses anything else)
            # A quote just after the colon: the key's value is a string (the decoder checks
            # it is one whole string, and everything after it).
            text_opened, text_closed = quotes[:, 2 * text_slot], quotes[:, 2 * text_slot + 1]
            if not (text_opened == opened + len(expected) - 1).all():
                return False
            texts[self._names[index]] = (text_opened + 1, text_closed - text_opened - 1)
        rows = self._decode(memoryview(block)[:size])
        if len(rows) != lines:
            return False
        cells: dict[str, np.ndarray] = {}
        for at, name in enumerate(self._names):
            if name in self._numbers:
                cells[name] = floats(rows, f"f{at}")
            else:
                codes = _text_codes(data, words, *texts[name], columns.tables[name])
                if codes is None:
                    return False
                cells[name] = codes
        columns.add_rows(np.arange(first_line, first_line + lines, dtype=np.int64), cells)
        return True


def _holds(words: np.ndarray, at: np.ndarray, expected: bytes) -> bool:
    """Whether every line has the bytes ``expected`` at ``at``."""
    import numpy as np

    padded = expected + bytes(-len(expected) % 8)
    for lane, wanted in enumerate(np.frombuffer(padded, "<u8")):
        kept = min(8, len(expected) - 8 * lane)
        mask = np.uint64((1 << (8 * kept)) - 1)
        if not ((words[at + 8 * lane] & mask) == wanted).all():
            return False
    return True


def _masked(words: np.ndarray, starts: np.ndarray, lengths: np.ndarray, lane: int) -> np.ndarray:
    """The ``lane``-th eight bytes of each text (bytes past its end as 0), as integers."""
    import numpy as np

    kept = np.clip(lengths - 8 * lane, 0, 8)
    at = np.minimum(starts + 8 * lane, len(words) - 1)  # a lane past a text's end is 0
    return words[at] & _masks().take(kept)


def _text_codes(
    data: np.ndarray, words: np.ndarray, starts: np.ndarray, lengths: np.ndarray, table: _Codes
) -> np.ndarray | None:
    """Each row's text (the bytes at ``starts``, ``lengths`` long) as its code in ``table``,
    or None where two different texts hashed alike (the decoder then reads the block).

    Raises Refused for bytes that are not UTF-8.
    """
    import numpy as np
    import pandas as pd

    # A text's eight-byte words (no NUL in a text: zeros past its end tell its length).
    lanes = [
        _masked(words, starts, lengths, lane)
        for lane in range(max(1, -(-int(lengths.max(initial=0)) // 8)))
    ]
    hashed = lanes[0].copy()
    for lane in lanes[1:]:
        hashed *= np.uint64(_MIX)
        hashed ^= lane
    local, _ = pd.factorize(hashed)
    # Codes are given in the order first seen: a row whose code is above all before is a first.
    seen = np.maximum.accumulate(local)
    firsts = np.flatnonzero(np.concatenate(([True], local[1:] > seen[:-1])))
    if len(lanes) > 1:  # two texts of one hash must be one text
        same = firsts[local]
        if not all((lane == lane[same]).all() for lane in lanes):
            return None
    found = [
        bytes(data[start : start + length])
        for start, length in zip(starts[firsts].tolist(), lengths[firsts].tolist(), strict=True)
    ]
    try:
        decoded = [text.decode("utf-8") for text in found]
    except UnicodeDecodeError:
        raise Refused from None  # the CSV way reads other encodings, or says where
    codes = np.fromiter(map(table.__getitem__, decoded), np.int32, len(decoded))
    return codes[local]
