"""What every view shares: headers, measures as text, legends, names, years, sparklines.

Knows no statistics: every number was computed by :mod:`zgc_cli.stats` or
:mod:`zgc_cli.check`; a view only writes it for people (with its marks).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

import pandas as pd
from rich.cells import cell_len
from rich.console import RenderableType
from rich.text import Text

from zgc_cli.model.schema import FLAG_ORDER, FLAG_SEPARATOR, QUALIFIER_MARKS, STATUS_MARKS
from zgc_cli.present.flowing import flowing_lines
from zgc_cli.present.formats import machine_text
from zgc_cli.present.layout import Cell, CellStyle, Column, Note, SourceRef
from zgc_cli.present.numbers import (
    DASH,
    INTERVAL_JOINER,
    Bounds,
    Notation,
    bounds_of,
    interval_text,
    places_text,
    with_unit,
)
from zgc_cli.present.tables import build_table, minimum_width
from zgc_cli.stats.kinds import Kind
from zgc_cli.stats.measures import Measure, Style
from zgc_cli.words import MESSAGES, Language, message, profile_of, unit_name


def figure_cell(
    figure: str,
    unit: str,
    lang: Language,
    sources: tuple[SourceRef, ...] = (),
    style: CellStyle = "",
) -> Cell:
    """A figure's cell, and the same with its unit before the status mark: ``8.6万亿元*``,
    ``3.6 trillion yuan``, ``43%`` (a percent is its own unit)."""
    cell = Cell(figure, numeric=True, sources=sources, style=style)
    if figure == DASH or not unit_name(unit, lang):
        return cell
    core = figure.rstrip("".join(STATUS_MARKS.values()))
    marks = figure[len(core) :]
    whole = with_unit(core, unit, lang)
    if whole == core:  # a percent: its sign is its unit
        return cell
    if not profile_of(lang).unit_joiner:  # 元, 家, 件/万人: a counter word stays on its line
        return replace(cell, with_unit=whole + marks)
    # Beneath the number, the unit's words on lines no wider than it (or its longest word).
    words = (unit_name(unit, lang) + marks).split(" ")
    # (A cell wider by one for a mark appended later, †, keeps "per 10k" on one line.)
    room = max([cell_len(core)] + [cell_len(word) + 1 for word in words])
    lines = [words[0]]
    for word in words[1:]:
        if cell_len(f"{lines[-1]} {word}") <= room:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return replace(cell, with_unit=whole + marks, stacked="\n".join([core, *lines]))


def unit_column(lang: Language, drop: int = 1) -> Column:
    """The units' column: left out last of the optional ones; its figures then carry it."""
    return Column(
        header("unit", lang), drop=drop, max_width=UNIT_MAX_WIDTH, narrow=True, key="unit"
    )


# A unit wraps beyond this (between words: ``per 10k`` / ``people``).
UNIT_MAX_WIDTH = 14


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
    bounds: Bounds | None = None,
) -> str:
    """A measure as its style and the row's kind write it: +5万亿, +20 pp, ↑4, +138.9%, 2.39×;
    its interval where the interval matters (+134…+144%, ≥ +50%, unbounded)."""
    notation = Notation.percent
    if measure.style is Style.amount:
        if kind == Kind.rank:
            return places_text(value, lang)
        notation = Notation.points if kind == Kind.share else Notation.amount
    elif measure.style is Style.ratio:
        notation = Notation.ratio
    return interval_text(
        value, bounds, notation, lang, unit, zero_base=zero_base and measure.new_from_zero
    )


def share_cell(row: Mapping[Hashable, Any], lang: Language) -> str:
    """A share as a percent with the marks its ends give it (>43.9%, ~43.9%*), or its
    interval where the interval matters (41.2…46.7%, ≥ 43%)."""
    parts = str(row["flags"]).split(FLAG_SEPARATOR)
    qualifier = next((part for part in parts if part in QUALIFIER_MARKS), "")
    status = next((part for part in parts if part in STATUS_MARKS), "")
    bounds = bounds_of(row, "share_pct")
    text = interval_text(row["share_pct"], bounds, Notation.share, lang)
    after = STATUS_MARKS.get(status, "")
    if bounds is not None and not text[:1].isdigit():
        return text + after  # an interval, a bound, or unbounded: the interval says it all
    if bounds is not None and INTERVAL_JOINER in text:
        return text + after
    return QUALIFIER_MARKS.get(qualifier, "") + text + after


def whole_value_cell(row: Mapping[Hashable, Any], lang: Language) -> str:
    """The whole's value, its interval where it matters (the column is ``of_value``)."""
    name = "whole_value" if "whole_value" in row else "of_value"
    bounds = bounds_of(row, name) or bounds_of(row, "of_value")
    return interval_text(row[name], bounds, Notation.value, lang)


def interval_mark_names(cells: Iterable[str], lang: Language) -> list[str]:
    """The marks of the interval forms that appear among ``cells`` (``interval``, ``one_end``,
    ``conventional``, ``unbounded``), in the legend's order."""
    shown = [str(cell) for cell in cells]
    conventional = message("cell.conventional", lang, value="")
    unbounded = message("cell.unbounded", lang)
    readings = [cell for cell in shown if cell.startswith(conventional) or cell == unbounded]
    unbound = unbounded in readings
    strict = [cell for cell in shown if cell not in readings]
    names = []
    bound_signs = ("≥ ", "> ", "≤ ", "< ")
    if any(INTERVAL_JOINER in cell for cell in strict):
        names.append("interval")
    if any(cell.startswith(bound_signs) for cell in strict):
        names.append("one_end")
    if any(cell != unbounded for cell in readings):
        names.append("conventional")
    if unbound:
        names.append("unbounded")
    return names


def interval_marks(cells: Iterable[str], lang: Language) -> list[str]:
    """The legend's lines for the interval forms that appear among ``cells``."""
    return [message(f"mark.{name}", lang) for name in interval_mark_names(cells, lang)]


def _marks_present(flag_texts: Iterable[str], shown: Sequence[str] | None) -> set[str]:
    """The flags among ``flag_texts``; with the ``shown`` cells, less each bound whose
    mark no cell carries."""
    present: set[str] = set()
    for text in flag_texts:
        present.update(part for part in str(text).split(FLAG_SEPARATOR) if part)
    if shown is not None:
        present -= {
            name
            for name, mark in QUALIFIER_MARKS.items()
            if not any(str(cell).startswith(mark) for cell in shown)
        }
    return present


def legend_note(
    flag_texts: Iterable[str],
    lang: Language,
    figures: Iterable[str] = (),
    shown: Sequence[str] | None = None,
) -> Note | None:
    """The legend of the marks that appear: the flags' (``*``, ``>``, ``?``), then the
    interval forms among the ``figures``; None when none do.

    With the ``shown`` cells, a bound's mark (``~ about``, ``<~ nearly`` …) is said only
    where a cell carries it: an approximate figure shown as its interval (a derived one),
    or in its source's own words (近9800亿元), has no mark to explain.
    """
    present = _marks_present(flag_texts, shown)
    names = [name for name in FLAG_ORDER if name in present]
    names += interval_mark_names(figures, lang)
    if not names:
        return None
    parts = tuple(message(f"mark.{name}", lang) for name in names)
    return Note(parts, "  ", kind="legend", marks=tuple(names))


def legend(
    flag_texts: Iterable[str],
    lang: Language,
    width: int | None = None,
    extra: Sequence[str] = (),
    shown: Sequence[str] | None = None,
) -> Text | None:
    """The meaning of the marks that appear (and the ``extra`` lines), or None when none do.

    With the ``shown`` cells, a bound's mark is said only where a cell carries it, as
    :func:`legend_note` says it. At a ``width``, lines break between entries only: a
    mark stays beside its word.
    """
    present = _marks_present(flag_texts, shown)
    parts = [message(f"mark.{name}", lang) for name in FLAG_ORDER if name in present]
    parts += list(extra)
    if not parts:
        return None
    if width is None:
        return Text("  ".join(parts), style="dim")
    return flowing_lines(parts, "  ", width, style="dim")


def name_in(names: Mapping[str, str], lang: Language) -> str:
    """A name in the chosen language, else in the other, else ''."""
    first = names.get(str(lang), "")
    return first or next((text for text in names.values() if text), "")


def entity_label(entity: object, names: Mapping[str, Mapping[str, str]], lang: Language) -> str:
    """An entity as people read it: its name in the language, else its id."""
    return name_in(names.get(str(entity), {}), lang) or str(entity)


def indicator_label(metric: object, names: Mapping[str, Mapping[str, str]], lang: Language) -> str:
    """An indicator as people read it: its name in the language, else its id."""
    return name_in(names.get(str(metric), {}), lang) or str(metric)


def series_label(
    metric: object,
    entity: object,
    names: Mapping[str, Mapping[str, str]],
    entity_names: Mapping[str, Mapping[str, str]],
    lang: Language,
) -> str:
    """A series by its names: ``Revenue (Zhongguancun)`` / ``企业总收入（中关村示范区）``."""
    return message(
        "cell.of_entity",
        lang,
        name=indicator_label(metric, names, lang),
        entity=entity_label(entity, entity_names, lang),
    )


def category_label(category: object, lang: Language) -> str:
    """A category's name in the language; a category of the user's own data as written."""
    key = f"category.{category}" if str(category) else "category.other"
    return message(key, lang) if key in MESSAGES else str(category)


INFERRED_MARK = "?"


def year_text(year: object, basis: object) -> str:
    """A year, marked ``2023?`` when we inferred it (the legend says so)."""
    return f"{year}{INFERRED_MARK}" if str(basis) == "inferred" else str(year)


# Ids a person types back: never cut, whatever the width.
ID_COLUMNS: frozenset[str] = frozenset({"metric", "entity", "unit", "status", "qualifier"})


# What a narrow terminal leaves out of a table of observations first (higher first):
# the provenance columns, the note, the year's basis, the passage, the qualifier, the status,
# the unit.
PLAIN_DISPENSABLE: dict[str, int] = {
    # The optional provenance columns first: the passage that names the place, the note in
    # Chinese, an inferred year's bounds, an interval the data states, the figure as written.
    "entity_quote": 9,
    "note_zh": 8,
    "year_min": 7,
    "year_max": 7,
    "low": 6,
    "high": 6,
    "figure": 5,
    "note": 6,
    "year_basis": 5,
    "quote": 4,
    "source": 4,
    "qualifier": 3,
    "status": 2,
    # Where the publication's columns are: they go before the figure's own.
    "scope": 8,
    "scope_zh": 8,
    "scope_differs": 7,
    "publication": 6,
    "published": 6,
}


def plain_view(
    frame: pd.DataFrame, numeric_columns: Sequence[str] = (), width: int | None = None
) -> list[RenderableType]:
    """Any frame as a table of its exact machine text; numbers stay whole.

    Ids stay whole: on a narrow terminal the passage, note and the flags' columns
    are left out first (``--format csv`` has them all); where even then an id and
    its neighbours cannot share a line, each row is a block of its fields, each
    field whole, a line broken between fields only, the unit beside the value.
    """
    text = machine_text(frame)
    columns = [
        Column(
            str(name),
            numeric=name in numeric_columns,
            whole=name in ID_COLUMNS,
            drop=PLAIN_DISPENSABLE.get(str(name), 0),
        )
        for name in text.columns
    ]
    rows = [list(row) for row in text.itertuples(index=False, name=None)]
    table = build_table(columns, rows, width=width)
    if width is None or minimum_width(table) <= width:
        return [table]
    kept = [position for position, column in enumerate(columns) if not column.drop]
    names = [columns[position].header for position in kept]
    blocks: list[RenderableType] = [flowing_lines(names, "  ", width, style="dim")]
    for row in rows:
        fields = [str(row[position]) for position in kept]
        if "value" in names and "unit" in names:  # the unit beside its figure
            fields[names.index("value")] += " " + fields.pop(names.index("unit"))
        blocks.append(flowing_lines([field for field in fields if field], "  ", width))
    return blocks


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
