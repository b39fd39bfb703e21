"""The Rich table builder: numbers are never cut or wrapped; names wrap between words.

Knows no statistics: :mod:`zgc_cli.present.views` hands it rows of text. Every
header, title and cell reaches Rich as plain :class:`~rich.text.Text` with its
control characters spelled out (:mod:`zgc_cli.present.safe`): a ``[link=…]`` or
an ESC in a data file is shown as written, never obeyed.

Text wraps as :class:`Flowing` text does: between words, between Chinese
characters and after an id's underscores, never inside a number (``3.6万亿``,
``2,790,000``, ``+10.2%`` stay on one line), where Rich alone would cut a run of
Chinese text, digits included, at the column's edge.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TextIO

from rich import box
from rich.cells import cell_len, chop_cells
from rich.console import (
    Console,
    ConsoleOptions,
    Group,
    JustifyMethod,
    OverflowMethod,
    RenderableType,
)
from rich.containers import Lines
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from zgc_cli.present.safe import visible

# Text columns wrap, but never narrower than this: a name needs a few letters a line.
TEXT_COLUMN_MIN_WIDTH = 12
# A numeric column's header goes on two lines only when that saves this many cells.
HEADER_SLACK = 4

_CJK = "\u2e80-\u9fff\u3000-\u303f\u3040-\u30ff\uf900-\ufaff\uff00-\uffef"
# Chinese punctuation that never starts a line, and that never ends one.
_CLOSING = "，。、；：？！）》」』”’"
_OPENING = "（《「『“‘"
# Where a line may break: after a word (with its spaces) or around a Chinese
# character; never inside an id (``technology_innovation_centers`` is typed back whole).
# A number keeps its scale and counter words and
# marks with it (``>1160万``, ``8.6万亿*``, ``3.6 trillion``, ``2014年``), punctuation stays with
# what it follows.
_TOKEN = re.compile(
    rf"[{_OPENING}]*"
    rf"(?:(?:[^\s{_CJK}]*\d[^\s{_CJK}]*"
    rf"(?:[万亿]+[^\s{_CJK}]*| (?:thousand|million|billion|trillion)[^\s{_CJK}]*)?"
    rf"[年月日元人件家项个次位款届号]?)+"
    rf"|[^\s{_CJK}]+|.)"
    rf"[{_CLOSING}]*\s*",
    re.DOTALL,
)


def break_offsets(text: str, width: int) -> list[int]:
    """Where a line of ``text`` breaks to fit ``width`` cells: never inside a number.

    A piece wider than the whole line (a very long word) is folded, as Rich does.
    """
    breaks: list[int] = []
    offset = 0
    for match in _TOKEN.finditer(text):
        start, token = match.start(), match.group(0)
        length = cell_len(token.rstrip())
        if offset + length <= width:
            offset += cell_len(token)
        elif length > width:
            pieces = chop_cells(token, width)
            for piece in pieces[:-1]:
                if start:
                    breaks.append(start)
                start += len(piece)
            if start:
                breaks.append(start)
            offset = cell_len(pieces[-1])
        else:
            if offset and start:
                breaks.append(start)
            offset = cell_len(token)
    return sorted(set(breaks))


def _longest_piece(text: str) -> int:
    """The widest piece of ``text`` a line break cannot split."""
    return max((cell_len(token.rstrip()) for token in _TOKEN.findall(text)), default=0)


class Flowing(Text):
    """Text that wraps between words and Chinese characters, never inside a number."""

    def wrap(
        self,
        console: Console,
        width: int,
        *,
        justify: JustifyMethod | None = None,
        overflow: OverflowMethod | None = None,
        tab_size: int = 8,
        no_wrap: bool | None = None,
    ) -> Lines:
        if no_wrap or self.no_wrap:
            return super().wrap(
                console,
                width,
                justify=justify,
                overflow=overflow,
                tab_size=tab_size,
                no_wrap=no_wrap,
            )
        lines = Lines()
        for line in self.split(allow_blank=True):
            if line.cell_len <= width:  # most lines, and every line laid out already
                lines.append(line)
                continue
            pieces = line.divide(break_offsets(str(line), width))
            for piece in pieces:
                piece.rstrip_end(width)
                piece.truncate(width, overflow="fold")
            if justify and justify != "default":
                pieces.justify(console, width, justify=justify, overflow="fold")
            lines.extend(pieces)
        return lines

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        lines = self.plain.split("\n")
        widest = max(cell_len(line) for line in lines)
        shortest = max(_longest_piece(line) for line in lines)
        return Measurement(min(shortest, widest), widest)


def plain(text: str | Text, style: str = "") -> Flowing:
    """Text that Rich shows as written: no markup, control characters spelled out."""
    if isinstance(text, Text):
        flowing = Flowing(style=style)
        flowing.append_text(text)
        return flowing
    return Flowing(visible(shortened(text)), style=style)


# The most characters of one text a table shows: Rich lays a cell out line by line, in
# time that grows faster than its length (a 10 MB passage took minutes). The rest is
# counted after an ellipsis; a machine format has every character.
SHOWN_MOST = 10_000


def shortened(text: str, most: int = SHOWN_MOST) -> str:
    """``text``, or its first ``most`` characters and how many more there are: ``… (+1,234)``."""
    if len(text) <= most:
        return text
    return f"{text[:most]}… (+{len(text) - most:,})"


class Labelled(Flowing):
    """A name with the id a person types beneath it, dim: ``Revenue`` / ``revenue``.

    The table builder keeps the id whole on its own line, or, where the terminal
    has no room for the longest id beside the numbers, leaves the ids out and says
    so under the table (an id cut in two cannot be typed back).
    """

    name: str
    identifier: str


def labelled(name: str, identifier: str) -> Flowing:
    """A name, with the id a person types beneath it, dim (not when the name is the id)."""
    cell = Labelled()
    cell.append_text(plain(name))
    cell.name, cell.identifier = name, ""
    if identifier and identifier != name:
        cell.identifier = identifier
        cell.append("\n")
        cell.append_text(plain(identifier, style="dim"))
    return cell


class Figure(str):
    """A figure's cell, and the same figure with its unit (``8.7 trillion yuan†``).

    The table shows the second where the column of units is left out, so that a
    figure never loses its unit; where even that is too wide, the unit goes on a
    line of its own beneath the number, in the same cell (``8.7 trillion`` /
    ``yuan†``). Text appended (a mark) goes to every form.
    """

    with_unit: str
    stacked: str

    def __new__(cls, figure: str, with_unit: str, stacked: str | None = None) -> Figure:
        cell = super().__new__(cls, figure)
        cell.with_unit = with_unit
        cell.stacked = with_unit if stacked is None else stacked
        return cell

    def __add__(self, other: str) -> Figure:
        return Figure(str(self) + other, self.with_unit + other, self.stacked + other)


@dataclass(frozen=True)
class Column:
    """A table column.

    Attributes:
        header: the column's title.
        numeric: numbers: right-aligned, never wrapped or cut.
        whole: text kept whole while the terminal has room (ids); on a terminal
            too narrow even without the optional columns, it wraps as names do.
        optional: 0 if the column must be shown; otherwise it may be left out of
            a narrow terminal's table, higher numbers first.
        max_width: text that wraps beyond this width, to leave the room to the
            column people read first (the catalog's entity, beside the indicator).
        comfortable: the width a name column reads well at: optional columns are
            left out before it gets narrower (it may, when nothing is left to drop).
        unit_in: the position of the column that holds this (numeric) column's units;
            where that column is left out, each :class:`Figure` cell shows its unit.
        narrow: text that may wrap down to its longest word (a unit: ``per 10k`` /
            ``people``), where other text keeps a dozen cells a line.
    """

    header: str
    numeric: bool = False
    whole: bool = False
    optional: int = 0
    max_width: int | None = None
    comfortable: int = 0
    unit_in: int | None = None
    narrow: bool = False


@dataclass(frozen=True)
class Heading:
    """A row that heads a group of rows (a category in the catalog), in the first column."""

    text: str


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

    Given the terminal's ``width``, optional columns are left out, the most
    dispensable first, while the table cannot fit (a column of units last of
    all: its figures then carry their unit). Then the ids beneath names are left
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
    droppable = sorted(
        (position for position in layout.kept if columns[position].optional),
        key=lambda position: -columns[position].optional,
    )
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
    if _minimum_width(table) > width:
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
        if _minimum_width(table) <= width:
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
    spare = width - _minimum_width(table)
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
            least = min(widest, TEXT_COLUMN_MIN_WIDTH) if not column.narrow else 1
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
    return _minimum_width(table) + extra


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
        elif isinstance(renderable, Flowing):
            # Console.print merges the Text objects it is given into a plain Text, which
            # Rich would wrap its own way (cutting 3.6万亿 in two): a Group keeps ours.
            console.print(Group(renderable))
        else:
            console.print(renderable)
