"""The one display model: what a table shows, before any terminal or page lays it out.

A view turns a result into :class:`Table` objects; :mod:`zgc_cli.present.tables`
renders them with Rich for a terminal, :mod:`zgc_cli.present.report.content` to
HTML and Markdown. Both read the same columns, cells, id line and notes, so the
terminal and the report cannot drift apart. Nothing here knows Rich, Jinja or
HTML (an import-linter contract holds it): a cell's ``style`` is a meaning
(``estimate``, ``derived``, ``bound``), each renderer decides how it looks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

# What a figure is, as a renderer may show it; '' for a plain cell.
CellStyle = Literal["", "estimate", "target", "derived", "bound", "revised"]
CELL_STYLES: tuple[CellStyle, ...] = ("", "estimate", "target", "derived", "bound", "revised")

# The observation a figure comes from: (metric, entity, year). The report opens its passage.
SourceRef = tuple[str, str, int]


@dataclass(frozen=True)
class Cell:
    """One cell: its text and what a renderer may add to it.

    Attributes:
        text: what the cell says (a figure with its marks, a name).
        detail: a second line beneath, quieter: the id a person types next.
        numeric: a number: aligned right, never wrapped or cut.
        sources: the observations the figure comes from (a change: both ends).
        style: what the figure is (:data:`CellStyle`), for a renderer to show.
        with_unit: the figure with its unit, shown where the units' column is left out.
        stacked: the same with the unit on lines beneath the number, for the narrowest table.
    """

    text: str
    detail: str = ""
    numeric: bool = False
    sources: tuple[SourceRef, ...] = ()
    style: CellStyle = ""
    with_unit: str = ""
    stacked: str = ""

    def __add__(self, mark: str) -> Cell:
        """The cell with a mark after its text, in each of its forms (``8.7 trillion†``)."""
        return replace(
            self,
            text=self.text + mark,
            with_unit=self.with_unit + mark if self.with_unit else "",
            stacked=self.stacked + mark if self.stacked else "",
        )

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Column:
    """A column: its header, how its cells align, and how it gives way to a narrow screen.

    Attributes:
        header: the column's title.
        numeric: numbers: right-aligned, never wrapped or cut.
        drop: 0 if the column is always shown; otherwise it may be left out of a
            narrow table, higher numbers first (:func:`drop_order`).
        min_width: the least width a text column wraps to (0: the renderer's default).
        whole: text kept whole while there is room (ids, sparklines).
        max_width: text wraps beyond this width, leaving room to the columns people read first.
        comfortable: the width a name reads well at: droppable columns go before it narrows.
        unit_in: the position of the column that holds this column's units; where
            that column is left out, each cell shows its ``with_unit`` form.
        narrow: text that may wrap down to its longest word (a unit).
        key: what the column is, for code that looks a column up (``value``, ``change_pct``).
    """

    header: str
    numeric: bool = False
    drop: int = 0
    min_width: int = 0
    whole: bool = False
    max_width: int | None = None
    comfortable: int = 0
    unit_in: int | None = None
    narrow: bool = False
    key: str = ""

    @property
    def align(self) -> Literal["left", "right"]:
        return "right" if self.numeric else "left"


@dataclass(frozen=True)
class Heading:
    """A row that heads a group of rows (a category of the catalog)."""

    text: str


Row = Sequence[Cell] | Heading

# How a note reads: a plain line; a list broken between its parts at the width; a
# figure's overall change (not dimmed); the legend of the marks the table's cells carry.
NoteKind = Literal["line", "list", "span", "legend"]


@dataclass(frozen=True)
class Note:
    """A line beneath a table.

    Attributes:
        parts: the note's pieces; a narrow renderer breaks lines between them only.
        separator: what joins the parts.
        kind: how it reads (:data:`NoteKind`).
        lead: words before the first part.
        marks: for a legend, the marks explained (``estimate``, ``interval``), so that
            a renderer for another reader may word them its own way.
        reader: the note for a reader of a page, where the terminal's names a command
            ('' for the same words; :data:`TERMINAL_ONLY` for none: the hint is about options).
    """

    parts: tuple[str, ...]
    separator: str = ""
    kind: NoteKind = "line"
    lead: str = ""
    marks: tuple[str, ...] = ()
    reader: str = ""

    @property
    def text(self) -> str:
        return self.lead + self.separator.join(self.parts)


# A note's ``reader`` for a hint about the command line, which a page leaves out.
TERMINAL_ONLY = "\0"


@dataclass(frozen=True)
class Table:
    """A table and what goes with it.

    Attributes:
        columns: the columns, in order.
        rows: lists of cells (one per column) and headings.
        title: what the table shows ('' for none).
        id_line: the id to type next, beside the title (a series' metric).
        notes: the lines beneath, in order (a legend among them).
        ids_note: said beneath where a narrow renderer leaves out the cells' details.
        kind: what kind of table it is (``series``, ``comparison``, ``share``, ``catalog``).
        subject: the id of what the table is of (a series' metric), '' for several.
    """

    columns: Sequence[Column]
    rows: Sequence[Row]
    title: str = ""
    id_line: str = ""
    notes: Sequence[Note] = field(default_factory=tuple)
    ids_note: str = ""
    kind: str = ""
    subject: str = ""

    @property
    def body(self) -> list[Sequence[Cell]]:
        """The rows of cells, without the headings."""
        return [row for row in self.rows if not isinstance(row, Heading)]

    @property
    def legend(self) -> Note | None:
        """The legend among the notes, or None."""
        return next((note for note in self.notes if note.kind == "legend"), None)

    def column(self, key: str) -> int:
        """The position of the column with this ``key``; a ValueError if none has it."""
        for position, column in enumerate(self.columns):
            if column.key == key:
                return position
        raise ValueError(key)

    def kept(self, dropped: int) -> list[int]:
        """The columns shown once the first ``dropped`` of :func:`drop_order` are left out."""
        gone = set(drop_order(self.columns)[:dropped])
        return [position for position in range(len(self.columns)) if position not in gone]


def drop_order(columns: Sequence[Column]) -> list[int]:
    """The columns a narrow table leaves out, in the order it does: the highest ``drop``
    first, columns of equal priority left to right; a column whose ``drop`` is 0 never."""
    droppable = [position for position, column in enumerate(columns) if column.drop]
    return sorted(droppable, key=lambda position: -columns[position].drop)


def cell_style(flags: str, separator: str = ";") -> CellStyle:
    """The style a figure's flags give it: its status first (an estimate, a target, a
    figure zgc derived), else ``bound`` where a word bounds it (超过, 近, 约)."""
    parts = set(flags.split(separator))
    for status in ("estimate", "target", "derived"):
        if status in parts:
            return status
    bounds = {"more_than", "nearly", "about", "less_than", "order_of_magnitude"}
    return "bound" if parts & bounds else ""
