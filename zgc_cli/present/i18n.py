"""The words' names where the present layer imported them before :mod:`zgc_cli.words`.

A shim: every text and each language's conventions live in ``zgc_cli/words``;
code imports them from there. Kept so that code written against this module
still runs; it holds no table.
"""

from __future__ import annotations

from zgc_cli.words import (
    MESSAGES,
    UNIT_NAMES,
    Language,
    data_note,
    detect_language,
    message,
    spoken,
    term_name,
    titled,
    unit_name,
)

__all__ = [
    "MESSAGES",
    "UNIT_NAMES",
    "Language",
    "data_note",
    "detect_language",
    "message",
    "spoken",
    "term_name",
    "titled",
    "unit_name",
]
