"""How a Rich table fits a terminal: numbers are never cut or wrapped; names wrap.

:func:`build_table` takes the display model's columns (:mod:`zgc_cli.present.layout`)
and rows of Rich-ready cells, and gives up, in order, what a narrow terminal cannot
show: the droppable columns, ids beneath names, an interval's ends on one line, a
unit beside its number.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.cells import cell_len
from rich.table import Table
from rich.text import Text

from zgc_cli.present.flowing import (
    Figure,
    Flowing,
    Labelled,
    _longest_piece,
    break_offsets,
    plain,
)
from zgc_cli.present.layout import Column, Heading, drop_order

# Text columns wrap, but never narrower than this: a name needs a few letters a line.
TEXT_COLUMN_MIN_WIDTH = 12
# A numeric column's header goes on two lines only when that saves this many cells.
HEADER_SLACK = 4


Cell = str | Text
Row = Sequence[Cell] | Heading


def build_table(
    columns: Sequence[Column],
    rows: Sequence[Row],
    title: str | Text | None = None,
    width: int | None = None,
    ids_note: str = "",
) -> Table:
    """A table whose numbers are never cut or wrapped; names wrap; ids stay whole.

    Given the terminal's ``width``, droppable columns are left out in their
    :func:`~zgc_cli.present.layout.drop_order` while the table cannot fit (a column
    of units last of all: its figures then carry their unit). Then the ids beneath names are left
    out whole (``ids_note``, under the table, says where to find them), never cut.
    The data itself is whole in the machine formats.
    """
    layout = _Layout(columns, rows, title)
    table = layout.table(stack=False)
    if width is None:
        return table
    if _comfortable_width(table, columns, layout.kept) <= width:
        return _fit(table, width)
    # Too wide: long headers over short numbers go on two lines first.
    table = layout.table()
    droppable = [position for position in drop_order(columns) if position in layout.kept]
    units = {column.unit_in for column in columns if column.unit_in is not None}
    while droppable and _comfortable_width(table, columns, layout.kept) > width:
        if droppable[0] in units and not layout.break_ranges:
            # Before the units leave their column: an interval's ends on two lines may do.
            layout.break_ranges = True
            ranged = layout.table()
            if _comfortable_width(ranged, columns, layout.kept) <= width:
                table = ranged
                break
            layout.break_ranges = False
        layout.kept.remove(droppable.pop(0))
        table = layout.table()
    if minimum_width(table) > width:
        table = _narrowest_fitting(
            layout, width, keep_ranges=table if not layout.break_ranges else None
        )
    if not layout.ids and ids_note:
        table.caption = plain(ids_note, style="dim")
        table.caption_justify = "left"
    return _fit(table, width)


# What a table gives up, in order, when its columns alone do not fit: (ids whole beneath
# their names, an interval's ends on one line, a unit beside its number). Ids are kept
# longest; an interval's ends on two lines are the least change to read.
_LAYOUTS: tuple[tuple[bool, bool, bool], ...] = (
    (True, False, False),
    (True, True, False),
    (False, False, False),
    (False, True, False),
    (False, False, True),
    (False, True, True),
)


def _narrowest_fitting(layout: _Layout, width: int, keep_ranges: Table | None) -> Table:
    """The first of :data:`_LAYOUTS` that fits ``width`` (the last, if none does)."""
    table = keep_ranges
    for ids, ranges, stacked in _LAYOUTS:
        if (ids and not layout.has_ids) or (not ranges and keep_ranges is None):
            continue
        layout.ids, layout.break_ranges, layout.stack_units = ids, ranges, stacked
        table = layout.table()
        if minimum_width(table) <= width:
            if stacked:
                table = _fewest_stacked(layout, width, table)
            break
    assert table is not None
    return table


def _fewest_stacked(layout: _Layout, width: int, table: Table) -> Table:
    """The table with as few units beneath their numbers as ``width`` allows, names at
    their comfortable width: only the figures wider than the widest that fits stack."""
    widths = sorted(
        {
            cell_len(cell.with_unit)
            for row in layout.rows
            if not isinstance(row, Heading)
            for cell in row
            if isinstance(cell, Figure)
        },
        reverse=True,
    )
    for above in widths:
        layout.stack_above = above
        wider = layout.table()
        # The names keep the width they read well at: a figure stacks before they narrow.
        if _comfortable_width(wider, layout.columns, layout.kept) <= width:
            return wider
    layout.stack_above = 0
    return table


def _fit(table: Table, width: int) -> Table:
    """The text columns' widths, fixed so that the table is ``width`` wide at most.

    Rich shares a narrow terminal out without regard to a column's least width
    (it measures the column again after, padding included, and the table comes out
    wider than the terminal, its last column cut): here each text column gets its
    least width and then, a cell at a time, what is left, up to its widest line.
    """
    natural = [getattr(column, "natural", None) for column in table.columns]
    spare = width - minimum_width(table)
    if spare < 0:
        return table
    widths = {
        index: column.min_width or 1
        for index, column in enumerate(table.columns)
        if natural[index] is not None
    }
    wanting = True
    while spare > 0 and wanting:
        wanting = False
        for index in widths:
            if spare > 0 and widths[index] < (natural[index] or 0):
                widths[index] += 1
                spare -= 1
                wanting = True
    for index, least in widths.items():
        table.columns[index].width = least
    return table


class _Layout:
    """What is shown of a table: which columns, ids or not, intervals on one line or two."""

    def __init__(
        self, columns: Sequence[Column], rows: Sequence[Row], title: str | Text | None
    ) -> None:
        self.columns, self.rows, self.title = columns, rows, title
        self.kept = list(range(len(columns)))
        self.ids = True
        self.break_ranges = False
        self.stack_units = False
        # Figures with their unit no wider than this stay on one line when units stack.
        self.stack_above = 0
        self._stacked_widths: dict[tuple[int, bool], int] = {}
        self.has_ids = any(
            isinstance(cell, Labelled) and cell.identifier
            for row in rows
            if not isinstance(row, Heading)
            for cell in row
        )

    def cell(self, row: Sequence[Cell], position: int) -> Cell:
        cell, column = row[position], self.columns[position]
        if isinstance(cell, Figure) and column.unit_in is not None:
            if column.unit_in not in self.kept:
                # Stacked only where the unit beside the number would widen the column.
                room = max(self.stacked_width(position), self.stack_above)
                stacked = self.stack_units and cell_len(cell.with_unit) > room
                cell = cell.stacked if stacked else cell.with_unit
        if isinstance(cell, Labelled) and not self.ids:
            return plain(cell.name)
        if self.break_ranges and column.numeric:
            return _ranged(cell)
        return cell

    def stacked_width(self, position: int) -> int:
        """The widest line of a column's figures with their units beneath them."""
        key = (position, self.break_ranges)
        if key not in self._stacked_widths:
            self._stacked_widths[key] = self._widest_stacked(position)
        return self._stacked_widths[key]

    def _widest_stacked(self, position: int) -> int:
        figures = [
            cell
            for row in self.rows
            if not isinstance(row, Heading)
            for cell in (row[position],)
            if isinstance(cell, Figure)
        ]
        # With intervals broken, the widest line is an interval's end (1.93 million).
        stacked = [_ranged(cell.stacked) if self.break_ranges else cell.stacked for cell in figures]
        return max(
            (_cell_width(Text(cell) if isinstance(cell, str) else cell) for cell in stacked),
            default=0,
        )

    def id_widths(self, position: int) -> list[int]:
        """The widths of the ids in a column's cells."""
        return [
            cell_len(cell.identifier)
            for row in self.rows
            if not isinstance(row, Heading)
            for cell in (row[position],)
            if isinstance(cell, Labelled)
        ]

    def table(self, stack: bool = True) -> Table:
        return _table(self, stack)


# The joiner of an interval's ends (numbers.INTERVAL_JOINER): a line may break after it.
RANGE_JOINER = "…"


def _ranged(cell: Cell) -> Cell:
    """A numeric cell with its interval's ends on lines of their own."""
    if isinstance(cell, Text):
        if RANGE_JOINER not in cell.plain:
            return cell
        return Text("\n").join(cell.split(RANGE_JOINER, include_separator=True))
    ends = cell.replace(RANGE_JOINER, RANGE_JOINER + "\n").split("\n")
    return Text("\n").join(plain(end) for end in ends)


def _cell_width(cell: Text) -> int:
    return max(cell_len(line) for line in cell.plain.split("\n"))


def _header(text: str, room: int, stack: bool) -> tuple[Flowing, int]:
    """A numeric column's header, on two lines (if ``stack``) when much wider than its numbers."""
    header = plain(text)
    full = cell_len(text)
    if not stack or full < room + HEADER_SLACK:
        return header, full
    # Never more than two lines: half the header, to an even width (a Chinese character is 2).
    target = max(room, _longest_piece(text), (full + 1) // 2 + (full + 1) // 2 % 2)
    offsets = break_offsets(text, target)
    lines = header.divide(offsets)
    for line in lines:
        line.rstrip()
    stacked = plain(Text("\n").join(lines))
    return stacked, _cell_width(stacked)


# A word longer than this may be folded rather than widen its column (a long address).
LONGEST_UNBROKEN_WORD = 24


def _table(layout: _Layout, stack: bool = True) -> Table:
    columns, kept = layout.columns, layout.kept
    table = Table(
        title=plain(layout.title) if layout.title is not None else None,
        box=box.SIMPLE_HEAD,
        title_justify="left",
        pad_edge=False,
    )
    cells: list[list[Text]] = []
    headings: dict[int, Flowing] = {}
    for row in layout.rows:
        if isinstance(row, Heading):
            headings[len(cells)] = plain(row.text, style="bold")
            cells.append([])
        else:
            cells.append([plain(layout.cell(row, position)) for position in kept])
    for index, position in enumerate(kept):
        column = columns[position]
        widest = max([0] + [_cell_width(row[index]) for row in cells if row])
        if column.numeric:
            header, header_width = _header(column.header, widest, stack)
            table.add_column(
                header, justify="right", no_wrap=True, min_width=max(widest, header_width)
            )
        elif column.whole:
            header = plain(column.header)
            table.add_column(header, no_wrap=True, min_width=max(widest, header.cell_len))
        else:
            header = plain(column.header)
            widest = max(widest, header.cell_len)
            # Words are not cut: a column is never narrower than its longest word (or id).
            word = max(
                [_longest_piece(header.plain)]
                + [
                    _longest_piece(line)
                    for row in cells
                    if row
                    for line in row[index].plain.split("\n")
                ]
            )
            least = min(widest, column.min_width or TEXT_COLUMN_MIN_WIDTH)
            if column.narrow:
                least = 1
            narrowest = max(least, min(word, LONGEST_UNBROKEN_WORD))
            if column.max_width is not None:
                narrowest = min(narrowest, max(column.max_width, min(word, LONGEST_UNBROKEN_WORD)))
            if layout.ids:  # each id whole on its line, however long
                narrowest = max([narrowest] + layout.id_widths(position))
            widest_shown = max(widest, narrowest)
            if column.max_width is not None:
                widest_shown = max(min(widest, column.max_width), narrowest)
            table.add_column(
                header,
                overflow="fold",
                min_width=narrowest,
                max_width=max(column.max_width, narrowest) if column.max_width else None,
            )
            # The width it would take given room: _fit shares a narrow terminal by it.
            table.columns[-1].natural = widest_shown  # type: ignore[attr-defined]
    blank = [Text("") for _ in kept]
    for index, row in enumerate(cells):
        if index in headings:
            if index:
                table.add_row(*blank)
            table.add_row(headings[index], *blank[1:])
        else:
            table.add_row(*row)
    return table


def minimum_width(table: Table) -> int:
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


def _comfortable_width(table: Table, columns: Sequence[Column], kept: list[int]) -> int:
    """The table's minimum width with its name columns at their comfortable width."""
    # A name shorter than its comfortable width asks no more room than it takes.
    extra = sum(
        max(
            0,
            min(
                columns[position].comfortable,
                getattr(table.columns[index], "natural", None) or columns[position].comfortable,
            )
            - (table.columns[index].min_width or 0),
        )
        for index, position in enumerate(kept)
    )
    return minimum_width(table) + extra
