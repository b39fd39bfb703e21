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

# C0 controls, DEL and C1 controls; the bidi embeddings, overrides and isolates and
# the invisible marks; the line and paragraph separators (they break lines in some
# terminals). Tab and newline are spelled out too: in a table cell or a one-line
# message they would break the layout.
_UNSAFE: tuple[int, ...] = (
    *range(0x00, 0x20),
    *range(0x7F, 0xA0),
    0x061C,
    0x200E,
    0x200F,
    0x2028,
    0x2029,
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
    0xFEFF,
)


def _spelled(code: int) -> str:
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


_VISIBLE: dict[int, str] = {code: _spelled(code) for code in _UNSAFE}


def visible(text: str) -> str:
    """``text`` with every control and bidi-control character spelled out as an escape."""
    return text.translate(_VISIBLE)


def is_safe(text: str) -> bool:
    """Whether ``text`` has nothing that :func:`visible` would spell out."""
    return visible(text) == text
