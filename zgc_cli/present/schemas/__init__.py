"""The JSON Schemas (draft 2020-12) of zgc's machine outputs, shipped as data files.

One file per output (``compare.schema.json``...), built by ``scripts/build_schemas.py``
from the code that writes the output. Each describes what ``--format json`` writes,
an array of rows; a ``--format jsonl`` line is one item of it. ``zgc schema NAME``
prints one. Standard library only: ``zgc schema`` needs no pandas.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

SUFFIX = ".schema.json"


def schema_names() -> list[str]:
    """The outputs with a schema, A→Z (``compare``, ``export``...)."""
    folder = resources.files(__name__)
    return sorted(
        entry.name.removesuffix(SUFFIX) for entry in folder.iterdir() if entry.name.endswith(SUFFIX)
    )


def schema_text(name: str) -> str:
    """A schema's text as shipped.

    Raises:
        KeyError: no output of that name has a schema.
    """
    if name not in schema_names():
        raise KeyError(name)
    return (resources.files(__name__) / f"{name}{SUFFIX}").read_text(encoding="utf-8")


def load_schema(name: str) -> dict[str, Any]:
    """A schema as a JSON object (see :func:`schema_text`)."""
    loaded: dict[str, Any] = json.loads(schema_text(name))
    return loaded
