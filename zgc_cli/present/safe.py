"""Data text is untrusted: on a terminal its control characters are shown, never sent.

A data file can hold ESC sequences (clear the screen, set the window title, OSC 8
hyperlinks), carriage returns that overwrite a line, or bidi overrides (U+202E)
that make ``evil.exe`` read as ``exe.live``. Everything zgc writes for people
passes through :func:`visible`, which spells such characters out (``\\x1b``,
``\\u202e``); machine formats keep the bytes exactly. Rich markup in data is
another matter, handled by handing Rich :class:`rich.text.Text`, never markup.

Standard library only: error messages use it too.
"""

from __future__ import annotations

import io
import re
from typing import TextIO

# C0 controls, DEL and C1 controls; every invisible format character (Unicode's Cf:
# the bidi embeddings, overrides and isolates, the zero-width space and joiners, the
# word joiner and invisible operators, the tag characters that can hide a text); the
# Hangul fillers, which show as blanks; the line and paragraph separators (they break
# lines in some terminals). Tab and newline are spelled out too: in a table cell or a
# one-line message they would break the layout.
_UNSAFE: tuple[int, ...] = (
    *range(0x00, 0x20),
    *range(0x7F, 0xA0),
    0x00AD,
    *range(0x0600, 0x0606),
    0x061C,
    0x06DD,
    0x070F,
    *range(0x0890, 0x0892),
    0x08E2,
    0x115F,
    0x1160,
    0x180E,
    *range(0x200B, 0x2010),
    0x2028,
    0x2029,
    *range(0x202A, 0x202F),
    *range(0x2060, 0x2065),
    *range(0x2066, 0x2070),
    0x3164,
    0xFEFF,
    0xFFA0,
    *range(0xFFF9, 0xFFFC),
    0x110BD,
    0x110CD,
    *range(0x13430, 0x13440),
    *range(0x1BCA0, 0x1BCA4),
    *range(0x1D173, 0x1D17B),
    0xE0001,
    *range(0xE0020, 0xE0080),
)


def _spelled(code: int) -> str:
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _json_spelled(code: int) -> str:
    """A character as JSON escapes it (astral ones as a surrogate pair): the same string."""
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    high, low = divmod(code - 0x10000, 0x400)
    return f"\\u{0xD800 + high:04x}\\u{0xDC00 + low:04x}"


_VISIBLE: dict[int, str] = {code: _spelled(code) for code in _UNSAFE}
# What a machine format on a terminal spells out: not the line breaks and tabs its
# records and fields are made of (harmless to a terminal), and not a CR before LF.
_LAYOUT = (ord("\t"), ord("\n"), ord("\r"))
_IN_MACHINE_TEXT: dict[int, str] = {
    code: spelled for code, spelled in _VISIBLE.items() if code not in _LAYOUT
}
_IN_JSON: dict[int, str] = {
    code: _json_spelled(code) for code in _UNSAFE if code not in _LAYOUT and code >= 0x20
}
_LONE_CR = re.compile(r"\r(?!\n)")


def visible(text: str) -> str:
    """``text`` with every control and bidi-control character spelled out as an escape."""
    return text.translate(_VISIBLE)


def is_safe(text: str) -> bool:
    """Whether ``text`` has nothing that :func:`visible` would spell out."""
    return visible(text) == text


def spelled_for_terminal(text: str, json: bool = False) -> str:
    """Machine text for a terminal: what :func:`visible` spells out, but the layout.

    Line breaks and tabs stay (the records and fields are made of them); a
    carriage return stays only before a line feed (CRLF ends). In JSON the
    escapes are JSON's own (``\\u202e``), so the text still reads back the same.
    """
    spelled = text.translate(_IN_JSON if json else _IN_MACHINE_TEXT)
    if "\r" in spelled:
        spelled = _LONE_CR.sub("\\\\r" if json else "\\\\x0d", spelled)
    return spelled


class SpelledOut(io.TextIOBase):
    """A text stream to a terminal: each write with its unsafe characters spelled out.

    A machine format written to a terminal is read by a person, whose terminal would
    act on an ESC sequence, a bidi override or a hidden tag character in the data;
    a pipe or a file gets every byte instead.
    """

    def __init__(self, stream: TextIO, json: bool = False) -> None:
        super().__init__()
        self.stream = stream
        self.json = json

    def write(self, text: str) -> int:
        self.stream.write(spelled_for_terminal(text, self.json))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return True
