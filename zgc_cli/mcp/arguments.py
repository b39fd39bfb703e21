"""A tool's arguments: their schemas, the shared selection, and what is wrong with a call."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from zgc_cli.mcp.paging import DEFAULT_LIMIT, MAX_LIMIT
from zgc_cli.phrases import phrase

if TYPE_CHECKING:
    from zgc_cli.mcp.tools import Tool


TEXT = {"type": "string"}
TEXTS = {"type": "array", "items": {"type": "string"}}
TEXT_OR_TEXTS = {"anyOf": [TEXT, TEXTS]}
YEAR = {"type": "integer", "minimum": 1000, "maximum": 9999}
PAGE_ARGUMENTS: dict[str, Any] = {
    "limit": {
        "type": "integer",
        "minimum": 1,
        "maximum": MAX_LIMIT,
        "description": f"At most this many rows (default {DEFAULT_LIMIT}).",
    },
    "offset": {"type": "integer", "minimum": 0, "description": "Skip this many rows first."},
}
SELECTION_ARGUMENTS: dict[str, Any] = {
    "entity": {
        "description": "Places or bodies by id or name (e.g. zgc, 中关村, Beijing).",
        **TEXT_OR_TEXTS,
    },
    "status": {"description": "Only these statuses: reported, estimate, derived.", **TEXTS},
    "year_from": {"description": "From this year on.", **YEAR},
    "year_to": {"description": "Up to this year.", **YEAR},
}


def listed(value: Any) -> list[str] | None:
    """A text-or-texts argument as a list (None when not given)."""
    if value is None:
        return None
    return [value] if isinstance(value, str) else list(value)


def selection_of(arguments: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "statuses": listed(arguments.get("status")),
        "year_from": arguments.get("year_from"),
        "year_to": arguments.get("year_to"),
    }


def argument_problem(tool: Tool, arguments: Mapping[str, Any]) -> str | None:
    """What is wrong with a call's arguments, in one line, or None."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(tool.input_schema())
    for error in sorted(validator.iter_errors(dict(arguments)), key=lambda e: list(e.path)):
        where = ".".join(str(part) for part in error.path)
        if error.validator == "additionalProperties":
            known = ", ".join(sorted(tool.input_schema()["properties"]))
            return phrase("mcp.unknown_argument", tool=tool.name, arguments=known)
        if error.validator == "required":
            missing = error.message.split(" ")[0].strip("'")
            return phrase("mcp.required", tool=tool.name, argument=missing)
        if error.validator == "anyOf":
            return phrase("mcp.text_or_texts", tool=tool.name, argument=where)
        return phrase(
            "mcp.bad_argument",
            tool=tool.name,
            argument=where or "?",
            problem=shortened(error.message),
        )
    return None


def shortened(text: str, limit: int = 200) -> str:
    """An error text on one line, cut to a readable length."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
