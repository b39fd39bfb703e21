"""Selection pushed into the read: the lines that may hold the ids a command asks for.

``zgc metrics m0042`` on a file of five million rows needs a few hundred of
them. Before anything is parsed, the file's bytes are searched (``bytes.find``,
C speed) for each wanted id; only the lines holding one are handed to the
parser. The search is by substring, so it keeps every line that can match and
some that cannot (``m00421`` holds ``m0042``): the exact selection after the
parse is the one the full read makes, so the output is the same.

Only a plain file is narrowed: no quotes (a quoted cell may hold a line break
or a comma), ``\\n`` or ``\\r\\n`` line ends, no blank lines, ASCII or UTF-8
throughout. Anything else is read whole, as before. The whole file's shape is
still checked (NUL bytes, field counts); the rows of other ids are not parsed,
so a bad cell in one of them is not reported by ``zgc metrics ID`` (``zgc export``
and every other command read and check every row).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# Below this many bytes the whole file is parsed: the search would save nothing.
NARROW_MIN_BYTES = 1 << 20


@dataclass(frozen=True)
class Wanted:
    """The ids a command asks for; an empty set asks for every value of its column."""

    metrics: frozenset[str] = frozenset()
    entities: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.metrics or self.entities)


@dataclass(frozen=True)
class Narrowed:
    """The header and the lines that may match, and each kept line's number in the file."""

    data: bytes
    line_numbers: list[int]


def _whole_utf8(buffer: bytes) -> bool:
    try:
        buffer.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _encoded(ids: Iterable[str], encoding: str) -> list[bytes] | None:
    try:
        return [text.strip().encode(encoding) for text in ids]
    except UnicodeEncodeError:
        return None


def _line_starts(buffer: bytes, body: int, needles: list[bytes]) -> set[int]:
    """Where each line holding one of ``needles`` starts (the byte after its ``\\n``)."""
    starts: set[int] = set()
    for needle in needles:
        position = buffer.find(needle, body)
        while position >= 0:
            start = buffer.rfind(b"\n", body, position) + 1
            starts.add(start if start > 0 else body)
            end = buffer.find(b"\n", position)
            if end < 0:
                break
            position = buffer.find(needle, end)
    return starts


def narrow(buffer: bytes, start: int, encoding: str, wanted: Wanted) -> Narrowed | None:
    """The header and the lines holding a wanted metric (and entity), or None: read it all.

    ``start`` is where the header starts (after a BOM). The lines keep their
    numbers in the file, for messages about them.
    """
    if not wanted or len(buffer) < NARROW_MIN_BYTES or b'"' in buffer:
        return None
    if b"\r" in buffer and buffer.count(b"\r") != buffer.count(b"\r\n"):
        return None  # a lone \r ends a line too: read it all
    if b"\n\n" in buffer or b"\n\r\n" in buffer:
        return None  # blank lines: the full read skips them with their numbers
    if not buffer.isascii() and not _whole_utf8(buffer):
        # The full read settles the encoding on every line (GB18030 where UTF-8 fails);
        # a few kept lines may decode as UTF-8 by chance (元 in GBK is Ԫ in UTF-8).
        return None
    metrics = _encoded(wanted.metrics, encoding)
    entities = _encoded(wanted.entities, encoding)
    if metrics is None or entities is None or b"" in metrics or b"" in entities:
        return None
    body = buffer.find(b"\n", start) + 1
    if body <= 0:
        return None
    starts = sorted(_line_starts(buffer, body, metrics or entities))
    lines: list[bytes] = [buffer[start:body]]
    numbers: list[int] = []
    line = 2  # the first data line's number
    previous = body
    for begin in starts:
        line += buffer.count(b"\n", previous, begin)
        previous = begin
        end = buffer.find(b"\n", begin)
        text = buffer[begin : len(buffer) if end < 0 else end + 1]
        if metrics and entities and not any(entity in text for entity in entities):
            continue
        lines.append(text if text.endswith(b"\n") else text + b"\n")
        numbers.append(line)
    return Narrowed(b"".join(lines), numbers)
