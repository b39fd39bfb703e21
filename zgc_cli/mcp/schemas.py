"""The JSON Schema of each answer, made from the CLI output's schema (the two cannot drift)."""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from typing import Any

from zgc_cli.mcp.figures import quantities
from zgc_cli.model.schema import INTERVAL_SUFFIXES

FIGURE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": (
        "A figure: its point (null where the words allow no point, e.g. a one-sided "
        "bound) and the interval its words allow, with what it is and where it is from."
    ),
    "required": [
        "point",
        "low",
        "high",
        "low_open",
        "high_open",
        "unit",
        "status",
        "qualifier",
        "year_basis",
        "quote",
        "citation_key",
    ],
    "properties": {
        "point": {"type": ["number", "null"]},
        "low": {"type": ["number", "null"], "description": "null: unbounded below"},
        "high": {"type": ["number", "null"], "description": "null: unbounded above"},
        "low_open": {"type": "boolean", "description": "true: the low end is excluded"},
        "high_open": {"type": "boolean", "description": "true: the high end is excluded"},
        "low_conventional": {"type": ["number", "null"]},
        "high_conventional": {"type": ["number", "null"]},
        "unit": {"type": "string"},
        "status": {"type": "string", "description": "reported, estimate, target or derived"},
        "qualifier": {
            "type": "string",
            "description": "exact, a bound word's reading, or bounded for a derived figure",
        },
        "year_basis": {"type": "string"},
        "quote": {"type": "string", "description": "the passage; '' where the data has none"},
        "citation_key": {
            "type": "string",
            "description": "the citation as `zgc cite` gives it: @work, figure id ('' if none)",
        },
        "derived_from": {"type": "array", "items": {"type": "object"}},
    },
    "additionalProperties": False,
}


def figure_schema_of(row_schema: Mapping[str, Any], folded: Sequence[str] = ()) -> dict[str, Any]:
    """A CLI row schema with each quantity's seven columns turned into one figure object.

    The CLI's JSON writes a quantity ``q`` as ``q`` and its six interval columns
    (:data:`INTERVAL_SUFFIXES`); the server writes one object in their place. An
    observation's output (``source``, ``extract``) writes its value as written, with
    any given ``low``/``high`` beside it: those ``folded`` columns go into the value's
    figure. Everything else of the row is the CLI's schema as it is.
    """
    schema = copy.deepcopy(dict(row_schema))
    properties: dict[str, Any] = schema.setdefault("properties", {})
    named = quantities(properties)
    dropped = {q + s for q in named for s in INTERVAL_SUFFIXES}
    if folded:
        named = [*named, "value"]
        dropped |= set(folded)
    for name in dropped:
        properties.pop(name, None)
    for quantity in named:
        properties[quantity] = {"$ref": "#/$defs/figure"}
    if "required" in schema:
        schema["required"] = [name for name in schema["required"] if name not in dropped]
    return schema


def response_schema(
    row_schema: Mapping[str, Any],
    extra: Mapping[str, Any] | None = None,
    folded: Sequence[str] = (),
) -> dict[str, Any]:
    """The schema of a tool's answer: bounded rows of the given row schema."""
    properties: dict[str, Any] = {
        "rows": {"type": "array", "items": figure_schema_of(row_schema, folded)},
        "total": {"type": "integer", "minimum": 0},
        "returned": {"type": "integer", "minimum": 0},
        "offset": {"type": "integer", "minimum": 0},
        "truncated": {"type": "boolean"},
        "next_offset": {"type": ["integer", "null"]},
        "notes": {"type": "array", "items": {"type": "string"}},
    }
    properties |= dict(extra or {})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "required": ["rows", "total", "returned", "offset", "truncated", "next_offset", "notes"],
        "properties": properties,
        "$defs": {"figure": FIGURE_SCHEMA},
    }


def cli_row_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of one row of the CLI's JSON output ``name`` (``zgc schema NAME``)."""
    from zgc_cli.present.schemas import load_schema

    schema = load_schema(name)
    items = schema.get("items", schema)
    if "$ref" in items:  # a row defined under $defs
        reference = items["$ref"].rsplit("/", 1)[-1]
        items = schema["$defs"][reference]
    return dict(items)
