"""JSON Lines of one plain layout read by the places of their quotes, with array operations.

What ``zgc export --format jsonl`` and most tools write: every line
``{"metric":"m1","year":2014,"value":1.5,...}``, the keys in one order, no space,
text quoted and numbers bare. Where a file has no backslash (so no escape), every
quote starts or ends a key or a text, and a block's quotes, found at C speed, say
where each cell is: a key is checked byte for byte, a text is taken as the bytes
between its quotes and its distinct values turned into codes by hashing them as
integers. Every other byte is checked in its place too (each text's comma or ``}``
after it, no control byte), so what lies between is a number's: the numbers of a
block are joined into one JSON array that msgspec decodes at once. A block laid out
otherwise (a null text, a space, a blank line, keys in another order, a cell that is
no number) is read by :mod:`.jsonl_columns`' decoder instead, which says which line
is wrong.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from zgc_cli.model.readers.jsonl_columns import Columns, Refused, as_floats

if TYPE_CHECKING:
    import numpy as np

    from zgc_cli.model.readers.jsonl_columns import _Codes

_QUOTE, _LINE_END, _CLOSE = ord('"'), ord("\n"), ord("}")
_COMMA, _ARRAY_CLOSE, _FIRST_PRINTABLE = ord(","), ord("]"), 0x20
# Eight spaces: what pads a number's cell to whole lanes (JSON's white space).
_SPACES = 0x2020202020202020
# Mixes the 8-byte words of a text into one integer (the golden ratio's, odd): equal texts
# always give equal integers, and different ones that collide are caught and read otherwise.
_MIX = 0x9E3779B97F4A7C15


@cache
def _numbers_decoder() -> Any:
    """A decoder of one JSON array of numbers and nulls (an integer kept whole, as the
    line decoder keeps it: ``-0`` is 0)."""
    import msgspec

    return msgspec.json.Decoder(list[int | float | None])


@cache
def _masks() -> np.ndarray:
    """Each count of bytes kept (0 to 8) as the mask of a little-endian word."""
    import numpy as np

    return np.array([(1 << (8 * kept)) - 1 for kept in range(9)], dtype=np.uint64)


class Layout:
    """The plain layout of a file's lines, given its keys (in order) and which are numbers."""

    def __init__(self, names: list[str], numbers: set[str]) -> None:
        self._names = names
        self._numbers = numbers
        # Each key's quoted string on a line (0, 1, …), its text's where it is one, and the
        # bytes from the one before its quote to its colon: `{"metric":`, `,"year":`.
        self._slots: list[tuple[int, int | None, bytes]] = []
        at = 0
        for index, name in enumerate(names):
            text = None if name in numbers else at + 1
            self._slots.append((at, text, b"{,"[index > 0 :][:1] + b'"' + name.encode() + b'":'))
            at += 1 if text is None else 2
        self._quotes = 2 * at
        # The keys' bytes as eight-byte lanes, checked all at once: each lane's quote (the
        # key's opening one), its place from that quote, its mask and its bytes.
        lanes = [
            (2 * key_slot, 8 * lane, expected[8 * lane : 8 * lane + 8])
            for key_slot, _, expected in self._slots
            for lane in range(-(-len(expected) // 8))
        ]
        self._lane_quotes = [quote for quote, _, _ in lanes]
        self._lane_places = [place - 1 for _, place, _ in lanes]  # from the byte before
        self._lane_masks = [(1 << (8 * len(part))) - 1 for _, _, part in lanes]
        self._lane_bytes = [int.from_bytes(part, "little") for _, _, part in lanes]

    def read(self, block: bytes | memoryview, first_line: int, columns: Columns) -> bool:
        """A block's lines (followed by at least eight more bytes, or by the padding the
        last block is given) into ``columns`` when every one is of this layout; else False,
        nothing added. Raises Refused for text that is not UTF-8 and for a number from
        2**53 up (the CSV way reads its digits, or says where it fails)."""
        import numpy as np

        size = len(block) - 8
        data = np.frombuffer(block, np.uint8)
        body = data[:size]
        words = np.ndarray((size + 1,), "<u8", data, strides=(1,))
        found = np.flatnonzero(body == _QUOTE)
        lines, odd = divmod(len(found), self._quotes)
        if odd or not lines:
            return False
        quotes = found.reshape(lines, self._quotes)
        # Each line starts with its first key's `{"`: the lines' starts, each after a line
        # end, and each line's quotes its own. JSON has no raw control byte in a text, and
        # this layout none between its tokens: those line ends are the only ones (a tab,
        # a blank line or a line end elsewhere goes the decoder's way).
        starts = quotes[:, 0] - 1
        if starts[0] != 0 or not (data.take(starts[1:] - 1) == _LINE_END).all():
            return False
        if int(np.count_nonzero(body < _FIRST_PRINTABLE)) != lines - 1:
            return False
        # Where each line's `}` must be: just before its line end.
        closes = np.append(starts[1:] - 2, size - 1)
        if not (data.take(closes) == _CLOSE).all():
            return False
        # `{"key":` or `,"key":` where each key's quotes are: a string before a colon is a
        # key, and all of a line's strings have their places, so no key comes twice.
        places = quotes[:, self._lane_quotes] + np.array(self._lane_places)
        masks = np.array(self._lane_masks, np.uint64)
        if not ((words[places] & masks) == np.array(self._lane_bytes, np.uint64)).all():
            return False
        # Every other byte of a line is a value's, up to the next key's comma (or the
        # line's `}`): a text is quoted with nothing after it, a number is what lies
        # between (decoded below, as JSON).
        keys = [quotes[:, 2 * key_slot] for key_slot, _, _ in self._slots]
        ends = [opened - 1 for opened in keys[1:]] + [closes]
        texts: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        cells: list[tuple[np.ndarray, np.ndarray]] = []
        for index, (opened, end, (_, text_slot, expected)) in enumerate(
            zip(keys, ends, self._slots, strict=True)
        ):
            value = opened + len(expected) - 1
            if text_slot is None:
                cells.append((value, end))
                continue
            text_opened, text_closed = quotes[:, 2 * text_slot], quotes[:, 2 * text_slot + 1]
            if not ((text_opened == value) & (text_closed == end - 1)).all():
                return False
            texts[self._names[index]] = (text_opened + 1, text_closed - text_opened - 1)
        numbers = _number_cells(words, cells, lines)
        if numbers is None:
            return False
        added: dict[str, np.ndarray] = {}
        for name in self._names:
            if name in self._numbers:
                added[name] = numbers.pop(0)
            else:
                codes = _text_codes(data, words, *texts[name], columns.tables[name])
                if codes is None:
                    return False
                added[name] = codes
        columns.add_rows(np.arange(first_line, first_line + lines, dtype=np.int64), added)
        return True


def _number_cells(
    words: np.ndarray, cells: list[tuple[np.ndarray, np.ndarray]], lines: int
) -> list[np.ndarray] | None:
    """Each number column's cells (each a start, and the place of the comma or ``}``
    after it) as floats, null as NaN; None where a cell is not one JSON number or null.

    The cells are joined into one JSON array, each padded with spaces to whole eight-byte
    lanes, and msgspec decodes it at once. Raises Refused for a number from 2**53 up.
    """
    import msgspec
    import numpy as np

    starts = np.column_stack([start for start, _ in cells]).ravel()
    lengths = np.column_stack([end for _, end in cells]).ravel() - starts
    lanes = -(-int(lengths.max()) // 8)
    if not lengths.all():
        return None  # an empty cell: the decoder says which line
    joined = np.empty((len(starts), lanes + 1), np.uint64)
    for lane in range(lanes):
        kept = _masks().take(np.clip(lengths - 8 * lane, 0, 8))
        lane_words = words[np.minimum(starts + 8 * lane, len(words) - 1)]
        joined[:, lane] = (lane_words & kept) | (np.uint64(_SPACES) & ~kept)
    joined[:, lanes] = _SPACES
    array = joined.view(np.uint8).reshape(len(starts), 8 * (lanes + 1))
    array[:, 8 * lanes] = _COMMA
    array[-1, 8 * lanes] = _ARRAY_CLOSE
    try:
        values = _numbers_decoder().decode(b"[" + array.tobytes())
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None  # the decoder reads the block line by line, and says which line
    if len(values) != len(starts):
        return None  # a cell of two values
    floats = as_floats(lambda: values, len(values))
    return list(floats.reshape(lines, len(cells)).T)


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
