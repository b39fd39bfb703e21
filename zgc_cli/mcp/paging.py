"""Bounded answers: ``limit`` rows from ``offset``, with ``truncated`` and ``next_offset``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from zgc_cli.phrases import phrase

# A response holds at most this many rows unless a call asks for fewer.
DEFAULT_LIMIT = 50
MAX_LIMIT = 500


def page(
    rows: list[dict[str, Any]], arguments: Mapping[str, Any], notes: Sequence[str] = ()
) -> dict[str, Any]:
    """The rows an answer holds (``limit`` from ``offset``), their count and what is left."""
    limit = int(arguments.get("limit") or DEFAULT_LIMIT)
    offset = int(arguments.get("offset") or 0)
    shown = rows[offset : offset + limit]
    more = offset + len(shown) < len(rows)
    page_notes = list(notes)
    if more:
        left = len(rows) - offset - len(shown)
        page_notes.append(phrase("mcp.more_rows", count=left, offset=offset + len(shown)))
    return {
        "rows": shown,
        "total": len(rows),
        "returned": len(shown),
        "offset": offset,
        "truncated": more,
        "next_offset": offset + len(shown) if more else None,
        "notes": page_notes,
    }
