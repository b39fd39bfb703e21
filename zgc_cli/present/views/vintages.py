"""Marks of vintages in the tables: a figure a later publication replaced, and its legend.

A figure shown with an earlier vintage carries ``†``; beneath the table, one line
per such figure: ``† 2023: revised from 8.6万亿 (estimate, 2024-04); scope differs: …``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
from rich.console import RenderableType
from rich.text import Text

from zgc_cli.present.flowing import plain
from zgc_cli.present.layout import Note
from zgc_cli.present.numbers import human_number
from zgc_cli.words import MESSAGES, Language, message, profile_of

MARK = "†"
# A row whose two figures (a comparison's ends, a change's) count differently (口径).
SCOPE_MARK = "‡"


def _keyed(vintages: pd.DataFrame) -> dict[tuple[str, str, int], dict[Any, Any]]:
    if vintages is None or vintages.empty:
        return {}
    return {
        (str(row["metric"]), str(row["entity"]), int(row["year"])): row
        for row in vintages.to_dict("records")
    }


def mark_revised(
    cells: Sequence[list[Any]], rows: pd.DataFrame, vintages: pd.DataFrame, column: int
) -> None:
    """Append the mark to each value cell (at ``column``) whose figure has an earlier vintage."""
    earlier = _keyed(vintages)
    if not earlier:
        return
    for row_cells, row in zip(cells, rows.to_dict("records"), strict=True):
        if (str(row["metric"]), str(row["entity"]), int(row["year"])) in earlier:
            cell = row_cells[column]
            row_cells[column] = Text.assemble(cell, MARK) if isinstance(cell, Text) else cell + MARK


def revised_from(vintage: dict[Any, Any], lang: Language) -> str:
    """``revised from 8.6万亿 (estimate, 2024-04)``, with the scope where it differs."""
    status = str(vintage.get("status") or "reported")
    label = message(f"label.{status}", lang) if f"label.{status}" in MESSAGES else status
    figure = human_number(vintage["value"], str(vintage.get("unit", "")), lang)
    same = vintage.get("same_value", False)
    key = "vintages.same_as" if same else "vintages.revised_from"
    text = message(key, lang, figure=figure, status=label, date=vintage["published"])
    scope = str(vintage.get(profile_of(lang).scope_column) or "")
    if scope:
        text += message("label.separator", lang) + message("vintages.scope", lang, scope=scope)
    return text


def vintage_notes(
    rows: pd.DataFrame, vintages: pd.DataFrame, lang: Language, width: int | None
) -> list[RenderableType]:
    """One dim line per marked figure of ``rows``: its year, what it replaced, the scope."""
    return [plain(line, style="dim") for line in vintage_lines(rows, vintages, lang)]


def vintage_lines(rows: pd.DataFrame, vintages: pd.DataFrame, lang: Language) -> list[str]:
    """One line per marked figure of ``rows``: its year, what it replaced, the scope."""
    earlier = _keyed(vintages)
    lines: list[str] = []
    for row in rows.to_dict("records"):
        vintage = earlier.get((str(row["metric"]), str(row["entity"]), int(row["year"])))
        if vintage is not None:
            text = message(
                "vintages.note_line",
                lang,
                mark=MARK,
                what=message("vintages.year", lang, year=int(row["year"])),
                text=revised_from(vintage, lang),
            )
            lines.append(text)
    return lines


def mark_compared(
    cells: Sequence[list[Any]], frame: pd.DataFrame, vintages: pd.DataFrame
) -> list[tuple[str, str, int]]:
    """Mark both ends of each comparison (cells 1 and 2) that have an earlier vintage."""
    earlier = _keyed(vintages)
    marked: list[tuple[str, str, int]] = []
    if not earlier:
        return marked
    for row_cells, row in zip(cells, frame.to_dict("records"), strict=True):
        for column, end in ((1, "from"), (2, "to")):
            key = (str(row["metric"]), str(row["entity"]), int(row[f"year_{end}"]))
            if key in earlier:
                cell = row_cells[column]
                row_cells[column] = (
                    Text.assemble(cell, MARK) if isinstance(cell, Text) else cell + MARK
                )
                marked.append(key)
    return marked


def compared_notes(
    marked: Sequence[tuple[str, str, int]], result: Any, lang: Language
) -> list[RenderableType]:
    """One dim line per marked end: the series by name, its year, and what it replaced."""
    return [plain(line, style="dim") for line in compared_lines(marked, result, lang)]


def compared_lines(
    marked: Sequence[tuple[str, str, int]], result: Any, lang: Language
) -> list[str]:
    """One line per marked end: the series by name, its year, and what it replaced."""
    from zgc_cli.present.views.common import series_label

    earlier = _keyed(result.vintages)
    lines: list[str] = []
    for key in dict.fromkeys(marked):
        name = series_label(key[0], key[1], result.names, result.entity_names, lang)
        what = message("vintages.series_year", lang, name=name, year=key[2])
        text = message(
            "vintages.note_line", lang, mark=MARK, what=what, text=revised_from(earlier[key], lang)
        )
        lines.append(text)
    return lines


def mark_latest(
    cells: Sequence[Any], catalog: pd.DataFrame, vintages: pd.DataFrame, column: int
) -> int:
    """Mark each catalog row's latest value (cell ``column``) that replaced an earlier figure.

    ``cells`` holds the catalog's rows in order, with headings (not lists) between them.
    Returns how many were marked.
    """
    earlier = _keyed(vintages)
    if not earlier:
        return 0
    rows = iter(catalog.to_dict("records"))
    marked = 0
    for row_cells in cells:
        if not isinstance(row_cells, list):
            continue
        row = next(rows)
        if (str(row["metric"]), str(row["entity"]), int(row["last_year"])) in earlier:
            cell = row_cells[column]
            row_cells[column] = Text.assemble(cell, MARK) if isinstance(cell, Text) else cell + MARK
            marked += 1
    return marked


def latest_note(marked: int, lang: Language) -> list[RenderableType]:
    """What the mark means in the catalog, where it appears."""
    if not marked:
        return []
    return [plain(MARK + " " + message("vintages.catalog_note", lang), style="dim")]


def revised_mark(row: Mapping[Any, Any], vintages: pd.DataFrame) -> str:
    """The mark for one row of a series (the report's cells), or ''."""
    key = (str(row["metric"]), str(row["entity"]), int(row["year"]))
    return MARK if key in _keyed(vintages) else ""


def vintage_texts(rows: pd.DataFrame, vintages: pd.DataFrame, lang: Language) -> list[str]:
    """The lines of :func:`vintage_notes` as plain text (the report's notes)."""
    return [str(line) for line in vintage_notes(rows, vintages, lang, None)]


def scope_differs(row: Mapping[Any, Any]) -> bool:
    """Whether a series or compare row joins figures of different scope (its column says)."""
    return row.get("scope_differs") is True or str(row.get("scope_differs")) == "True"


def scope_notes_compared(result: Any, lang: Language) -> list[Note]:
    """One note per compared series whose two ends differ in scope (a page's reader is
    sent to the figures' passages, a terminal's to ``zgc source``)."""
    from zgc_cli.present.views.common import series_label

    notes: list[Note] = []
    for row in result.frame.to_dict("records"):
        if scope_differs(row):
            name = series_label(
                row["metric"], row["entity"], result.names, result.entity_names, lang
            )
            text = message(
                "vintages.scope_compared",
                lang,
                mark=SCOPE_MARK,
                name=name,
                command=f"zgc source {row['metric']}",
            )
            reader = message("report.scope_compared", lang, mark=SCOPE_MARK, name=name)
            notes.append(Note((text,), reader=reader))
    return notes


def scope_notes_series(rows: pd.DataFrame, lang: Language) -> list[Note]:
    """One note per series row whose change joins figures of different scope."""
    notes: list[Note] = []
    for row in rows.to_dict("records"):
        if scope_differs(row) and not pd.isna(row["previous_year"]):
            year, previous = int(row["year"]), int(row["previous_year"])
            text = message(
                "vintages.scope_series",
                lang,
                mark=SCOPE_MARK,
                year=year,
                previous=previous,
                command=f"zgc source {row['metric']}",
            )
            reader = message(
                "report.scope_series", lang, mark=SCOPE_MARK, year=year, previous=previous
            )
            notes.append(Note((text,), reader=reader))
    return notes
