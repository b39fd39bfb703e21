"""Shell completion from the data: metric ids, entities and years.

Runs on every TAB, so it reads through :mod:`zgc_cli.model.textio` with the
standard ``csv`` module, never pandas.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from zgc_cli.errors import ZgcError
from zgc_cli.model.schema import INDICATORS_FILE, STATUSES, STDIN_MARKER
from zgc_cli.model.sources import resolve_data_source
from zgc_cli.model.textio import read_bytes, try_decode


def column_values(source: str, column: str, where: tuple[str, str] | None = None) -> list[str]:
    """The distinct values of one column of a CSV, in first-seen order; [] if unreadable.

    ``where`` keeps only the rows whose column (first) holds the value (second).
    """
    if source == STDIN_MARKER:
        return []
    try:
        raw = read_bytes(source)[1]  # the one reader: bounded on devices and pipes
    except ZgcError:
        return []
    text = try_decode(raw)
    if text is None:
        return []
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        if reader.fieldnames:
            reader.fieldnames = [name.strip() for name in reader.fieldnames]
        rows = (
            row for row in reader if where is None or (row.get(where[0]) or "").strip() == where[1]
        )
        seen = dict.fromkeys((row.get(column) or "").strip() for row in rows)
    except csv.Error:
        return []
    seen.pop("", None)
    return list(seen)


def _source(ctx: Any) -> str:
    params = getattr(ctx, "params", None) or {}
    try:
        return resolve_data_source(params.get("data")).path
    except ZgcError:
        return STDIN_MARKER  # nothing to read: no completions, and no error on a TAB


def complete_metrics(ctx: Any, incomplete: str) -> list[str]:
    """Metric ids that start with what was typed."""
    return [name for name in column_values(_source(ctx), "metric") if name.startswith(incomplete)]


def complete_entities(ctx: Any, incomplete: str) -> list[str]:
    """Entities that start with what was typed."""
    return [name for name in column_values(_source(ctx), "entity") if name.startswith(incomplete)]


def complete_years(ctx: Any, incomplete: str) -> list[str]:
    """Years in the data, ascending, that start with what was typed."""
    years: set[int] = set()
    params = getattr(ctx, "params", None) or {}
    metric = params.get("metric_id")  # `zgc source ID <TAB>`: that metric's years only
    where = ("metric", str(metric)) if metric else None
    for text in column_values(_source(ctx), "year", where):
        try:
            years.add(int(float(text)))
        except ValueError:
            continue
    return [str(year) for year in sorted(years) if str(year).startswith(incomplete)]


# --- filters: statuses and categories ---


def complete_statuses(ctx: Any, incomplete: str) -> list[str]:
    """The statuses a figure can have (the same for every data file)."""
    return [name for name in STATUSES if name.startswith(incomplete)]


def complete_categories(ctx: Any, incomplete: str) -> list[str]:
    """Categories of the indicators file beside the data that start with what was typed."""
    params = getattr(ctx, "params", None) or {}
    try:
        indicators = resolve_data_source(params.get("data")).sidecar(INDICATORS_FILE)
    except ZgcError:
        return []
    if indicators is None:
        return []
    return [
        name
        for name in sorted(column_values(str(indicators), "category"))
        if name.startswith(incomplete)
    ]
