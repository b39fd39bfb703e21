"""The terminal's renderer: display-model tables (:mod:`zgc_cli.present.layout`) in Rich.

Knows no statistics: :mod:`zgc_cli.present.views` hands it layouts. A layout's
cells become :mod:`zgc_cli.present.flowing` text (names wrap between words, numbers
never), :mod:`zgc_cli.present.rich_fit` fits the table to the terminal's width, and
the notes beneath become lines broken between their parts. A cell's style (an
estimate, a bound) is shown by its mark alone: the terminal adds no colour to it.

The names of ``flowing`` and ``rich_fit`` are importable from here as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from zgc_cli.present import layout
from zgc_cli.present.flowing import (
    SHOWN_MOST,
    Figure,
    Flowing,
    Labelled,
    break_offsets,
    flowing_lines,
    labelled,
    plain,
    shortened,
)
from zgc_cli.present.layout import Column, Heading
from zgc_cli.present.rich_fit import (
    HEADER_SLACK,
    LONGEST_UNBROKEN_WORD,
    RANGE_JOINER,
    TEXT_COLUMN_MIN_WIDTH,
    Cell,
    Row,
    build_table,
    minimum_width,
)

__all__ = [
    "HEADER_SLACK",
    "LONGEST_UNBROKEN_WORD",
    "RANGE_JOINER",
    "SHOWN_MOST",
    "TEXT_COLUMN_MIN_WIDTH",
    "Cell",
    "Column",
    "Figure",
    "Flowing",
    "Heading",
    "Labelled",
    "Row",
    "break_offsets",
    "build_table",
    "flowing_lines",
    "labelled",
    "make_console",
    "minimum_width",
    "plain",
    "print_renderables",
    "render_layout",
    "render_layouts",
    "shortened",
]


def _cell(cell: layout.Cell, column: Column) -> Cell:
    """A layout cell as the table builder takes it: a figure with its unit's forms, a
    name with its id beneath, or the text."""
    if column.unit_in is not None:
        return Figure(cell.text, cell.with_unit or cell.text, cell.stacked or None)
    if cell.detail:
        return labelled(cell.text, cell.detail)
    return cell.text


def _title(table: layout.Table) -> Text | None:
    """The title, and the id to type beside it, dim."""
    if not table.title:
        return None
    title = plain(table.title)
    if table.id_line:
        title.append("  ")
        title.append_text(plain(table.id_line, style="dim"))
    return title


def note_renderable(note: layout.Note, width: int | None) -> RenderableType:
    """A note as the terminal shows it: dim, but a figure's change; broken between its
    parts where it is a list."""
    if note.kind == "line":
        return plain(note.text, style="dim")
    if note.kind == "span":
        return flowing_lines(note.parts, note.separator, width)
    if note.kind == "legend" and width is None:
        return Text("  ".join(note.parts), style="dim")
    separator = "  " if note.kind == "legend" else note.separator
    return flowing_lines(note.parts, separator, width, style="dim", lead=note.lead)


def render_layout(table: layout.Table, width: int | None) -> list[RenderableType]:
    """A layout as a Rich table fitted to ``width``, then its notes in order."""
    columns = table.columns
    rows: list[Row] = [
        row
        if isinstance(row, Heading)
        else [_cell(cell, column) for cell, column in zip(row, columns, strict=True)]
        for row in table.rows
    ]
    built = build_table(columns, rows, title=_title(table), width=width, ids_note=table.ids_note)
    return [built, *(note_renderable(note, width) for note in table.notes)]


def render_layouts(
    tables: Sequence[layout.Table], width: int | None, gap: bool = False
) -> list[RenderableType]:
    """Layouts one after another, with a blank line between them if ``gap``."""
    renderables: list[RenderableType] = []
    for index, table in enumerate(tables):
        if gap and index:
            renderables.append(Text(""))
        renderables.extend(render_layout(table, width))
    return renderables


def make_console(stream: TextIO, width: int | None = None) -> Console:
    """A console that honours NO_COLOR, TERM=dumb and pipes (Rich checks all three)."""
    return Console(file=stream, width=width, highlight=False, soft_wrap=False)


def print_renderables(console: Console, renderables: Sequence[RenderableType]) -> None:
    """Print tables and notes, in order.

    A table whose numbers alone are wider than the terminal is printed at the
    width it needs, uncropped: the terminal then wraps whole lines, but no digit
    is ever cut off.
    """
    for renderable in renderables:
        if isinstance(renderable, Table) and minimum_width(renderable) > console.width:
            # Console.print clamps its width argument to the console's, so widen the console.
            width = console.width
            console.width = minimum_width(renderable)
            try:
                console.print(renderable, crop=False)
            finally:
                console.width = width
        elif isinstance(renderable, Flowing):
            # Console.print merges the Text objects it is given into a plain Text, which
            # Rich would wrap its own way (cutting 3.6万亿 in two): a Group keeps ours.
            console.print(Group(renderable))
        else:
            console.print(renderable)
