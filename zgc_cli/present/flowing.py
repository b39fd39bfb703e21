"""Text for Rich that wraps as people read: between words, never inside a number.

Every header, title and cell reaches Rich as plain :class:`~rich.text.Text` with its
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

from rich.cells import cell_len, chop_cells
from rich.console import Console, ConsoleOptions, JustifyMethod, OverflowMethod
from rich.containers import Lines
from rich.measure import Measurement
from rich.text import Text

from zgc_cli.present.safe import visible

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


def flowing_lines(
    parts: Sequence[str], separator: str, width: int | None, style: str = "", lead: str = ""
) -> Text:
    """Parts joined into lines no wider than ``width``, broken only between parts.

    A part (a series' change, a series' name) is never split across lines unless
    it alone is wider than the line; then it wraps as names do, numbers whole.
    The ``lead`` opens the first line.
    """
    text = lead + separator.join(parts)
    if width is None:
        return plain(text, style=style)
    lines: list[str] = []
    line = lead
    for index, part in enumerate(parts):
        piece = part + (separator if index < len(parts) - 1 else "")
        if line and cell_len(line + piece.rstrip()) > width:
            lines.append(line.rstrip())
            line = ""
        line += piece
    lines.append(line.rstrip())
    # The data's own control characters are spelled out line by line, before the
    # newlines that lay the lines out are added.
    return Flowing("\n".join(visible(line) for line in lines), style=style)
