"""The Rich table builder: numbers and ids are never cut or wrapped; other text wraps.

Knows no statistics: :mod:`zgc_cli.present.views` hands it rows of text. Every
header, title and cell reaches Rich as plain :class:`~rich.text.Text` with its
control characters spelled out (:mod:`zgc_cli.present.safe`): a ``[link=…]`` or
an ESC in a data file is shown as written, never obeyed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TextIO

from rich import box
from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from zgc_cli.present.safe import visible

# Text columns wrap, but never narrower than this: a name needs a few letters a line.
TEXT_COLUMN_MIN_WIDTH = 12


@dataclass(frozen=True)
class Column:
    """A table column.

    Attributes:
        header: the column's title.
        numeric: numbers: right-aligned, never wrapped or cut.
        whole: text that must stay whole, such as ids a user will type back.
        optional: 0 if the column must be shown; otherwise it may be left out of
            a narrow terminal's table, higher numbers first.
    """

    header: str
    numeric: bool = False
    whole: bool = False
    optional: int = 0


def build_table(
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    title: str | None = None,
    width: int | None = None,
) -> Table:
    """A table whose numbers and ids are never cut or wrapped; other text wraps.

    Given the terminal's ``width``, optional columns are left out, the most
    dispensable first, while the table cannot fit; the data itself is whole in
    the machine formats.
    """
    kept = list(range(len(columns)))
    table = _table(columns, rows, kept, title)
    droppable = sorted(
        (position for position in kept if columns[position].optional),
        key=lambda position: -columns[position].optional,
    )
    while width is not None and droppable and _minimum_width(table) > width:
        kept.remove(droppable.pop(0))
        table = _table(columns, rows, kept, title)
    return table


def plain(text: str, style: str = "") -> Text:
    """Text that Rich shows as written: no markup, control characters spelled out."""
    return Text(visible(text), style=style)


def _table(
    columns: Sequence[Column], rows: Sequence[Sequence[str]], kept: list[int], title: str | None
) -> Table:
    table = Table(
        title=plain(title) if title is not None else None,
        box=box.SIMPLE_HEAD,
        title_justify="left",
        pad_edge=False,
    )
    cells = [[plain(row[position]) for position in kept] for row in rows]
    for index, position in enumerate(kept):
        column = columns[position]
        header = plain(column.header)
        widest = max([header.cell_len] + [row[index].cell_len for row in cells])
        if column.numeric or column.whole:
            table.add_column(
                header,
                justify="right" if column.numeric else "left",
                no_wrap=True,
                min_width=widest,
            )
        else:
            table.add_column(header, overflow="fold", min_width=min(widest, TEXT_COLUMN_MIN_WIDTH))
    for row in cells:
        table.add_row(*row)
    return table


def make_console(stream: TextIO, width: int | None = None) -> Console:
    """A console that honours NO_COLOR, TERM=dumb and pipes (Rich checks all three)."""
    return Console(file=stream, width=width, highlight=False, soft_wrap=False)


def _minimum_width(table: Table) -> int:
    """The narrowest a table can be with every column at its minimum width.

    Rich's own sum: each column's width and padding (none outside the edge
    columns without ``pad_edge``), a separator between columns and, with
    ``show_edge``, one at each side.
    """
    left, right = table.padding[3], table.padding[1]
    count = len(table.columns)
    width = sum((column.min_width or 1) + left + right for column in table.columns)
    if count and not table.pad_edge:
        width -= left + right
    if table.box:
        width += count - 1 + (2 if table.show_edge else 0)
    return width


def print_renderables(console: Console, renderables: Sequence[RenderableType]) -> None:
    """Print tables and notes, in order.

    A table whose numbers alone are wider than the terminal is printed at the
    width it needs, uncropped: the terminal then wraps whole lines, but no digit
    is ever cut off.
    """
    for renderable in renderables:
        if isinstance(renderable, Table) and _minimum_width(renderable) > console.width:
            # Console.print clamps its width argument to the console's, so widen the console.
            width = console.width
            console.width = _minimum_width(renderable)
            try:
                console.print(renderable, crop=False)
            finally:
                console.width = width
        else:
            console.print(renderable)
