"""What every view shares: headers, measures as text, legends, names, years, sparklines.

Knows no statistics: every number was computed by :mod:`zgc_cli.stats` or
:mod:`zgc_cli.check`; a view only writes it for people (with its marks).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd
from rich.console import RenderableType
from rich.text import Text

from zgc_cli.model.schema import FLAG_ORDER, FLAG_SEPARATOR
from zgc_cli.present.formats import machine_text
from zgc_cli.present.i18n import Language, message
from zgc_cli.present.numbers import (
    percent_text,
    places_text,
    points_text,
    ratio_text,
    signed_human,
)
from zgc_cli.present.tables import Column, build_table
from zgc_cli.stats.kinds import Kind
from zgc_cli.stats.measures import Measure, Style


def header(key: str, lang: Language) -> str:
    """A column header in the chosen language."""
    return message(f"header.{key}", lang)


def measure_header(measure: Measure, lang: Language) -> str:
    return measure.labels[str(lang)]


def measure_text(
    measure: Measure,
    value: Any,
    unit: str,
    lang: Language,
    zero_base: bool = False,
    kind: str = "",
) -> str:
    """A measure as its style and the row's kind write it: +5万亿, +20 pp, ↑4, +138.9%, 2.39×."""
    if measure.style is Style.amount:
        if kind == Kind.share:
            return points_text(value, lang)
        if kind == Kind.rank:
            return places_text(value, lang)
        return signed_human(value, unit, lang)
    if measure.style is Style.ratio:
        return ratio_text(value, lang, zero_base and measure.new_from_zero)
    return percent_text(value, lang, zero_base and measure.new_from_zero)


def legend(flag_texts: Iterable[str], lang: Language) -> Text | None:
    """The meaning of the marks that appear, or None when none do."""
    present: set[str] = set()
    for text in flag_texts:
        present.update(part for part in str(text).split(FLAG_SEPARATOR) if part)
    parts = [message(f"mark.{name}", lang) for name in FLAG_ORDER if name in present]
    return Text("  ".join(parts), style="dim") if parts else None


def name_in(names: Mapping[str, str], lang: Language) -> str:
    """A name in the chosen language, else in the other, else ''."""
    first = names.get(str(lang), "")
    return first or next((text for text in names.values() if text), "")


def entity_label(entity: object, names: Mapping[str, Mapping[str, str]], lang: Language) -> str:
    """An entity as people read it: its name in the language, else its id."""
    return name_in(names.get(str(entity), {}), lang) or str(entity)


INFERRED_MARK = "?"


def year_text(year: object, basis: object) -> str:
    """A year, marked ``2023?`` when we inferred it (the legend says so)."""
    return f"{year}{INFERRED_MARK}" if str(basis) == "inferred" else str(year)


# Ids a person types back: never cut, whatever the width.
ID_COLUMNS: frozenset[str] = frozenset({"metric", "entity", "unit", "status", "qualifier"})


def plain_view(frame: pd.DataFrame, numeric_columns: Sequence[str] = ()) -> list[RenderableType]:
    """Any frame as a table of its exact machine text; numbers and ids stay whole."""
    text = machine_text(frame)
    columns = [
        Column(str(name), numeric=name in numeric_columns, whole=name in ID_COLUMNS)
        for name in text.columns
    ]
    rows = [list(row) for row in text.itertuples(index=False, name=None)]
    return [build_table(columns, rows)]


SPARK_BARS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float]) -> str:
    """A tiny bar chart of a series, lowest value ▁, highest █ (a flat series sits mid-way).

    Scaled in halves, so that a series spanning -1e308 to 1e308 does not overflow.
    """
    if not values:
        return ""
    low, high = min(values), max(values)
    span = high / 2 - low / 2
    if not span > 0:
        return SPARK_BARS[3] * len(values)
    top = len(SPARK_BARS) - 1
    return "".join(
        SPARK_BARS[min(top, max(0, round((value / 2 - low / 2) / span * top)))] for value in values
    )
