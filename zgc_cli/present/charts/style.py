"""A chart image's size and text sizes, and fitting texts into them (no matplotlib).

:class:`ChartStyle` is ``zgc plot``'s figure; :data:`PHONE` is the report's. The
text helpers count columns as a terminal does (a CJK character is two) and
shorten or wrap a text to the columns its place has.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

FIGURE_WIDTH = 8.0
IMAGE_COLUMNS = 1200  # pixels across at 150 dpi
# Columns (a CJK character is two) that fit the figure's width at each text's size: a
# longer text is shortened with an ellipsis, where it would squeeze the panels to nothing.
TITLE_COLUMNS = 68
LEGEND_COLUMNS = 32
# A legend entry with a base year or a growth.
INDEX_LEGEND_COLUMNS = 96
INSIDE_LEGEND_ENTRIES = 4
FOOTER_COLUMNS = 150
# Beyond this many points, matplotlib's search for the "best" legend place takes seconds.
BEST_LEGEND_POINTS = 2000


@dataclass(frozen=True)
class ChartStyle:
    """A figure's width and its text: sizes in points, lengths in columns (CJK is two).

    The default is ``zgc plot``'s image; :data:`PHONE` is the report's, drawn as wide
    as a phone's screen so that its text, in SVG units, is shown at 12 CSS px or more.
    """

    width: float = FIGURE_WIDTH
    title_size: float = 12
    text_size: float = 8  # point labels, legends, the foot
    bar_size: float = 9  # bar labels and names
    tick_size: float | None = None  # None: matplotlib's
    title_columns: int = TITLE_COLUMNS
    legend_columns: int = LEGEND_COLUMNS
    index_legend_columns: int = INDEX_LEGEND_COLUMNS
    footer_columns: int = FOOTER_COLUMNS
    marks_columns: int = 4  # entries a row in the legend of marks
    wrap_footer: bool = False  # wrap the title and the foot (else shorten them with an ellipsis)
    line_height: float = 2.8  # inches of a line panel
    bar_height: float = 0.42  # inches a bar
    # The figure's resolution while it is laid out: an SVG's is 72 (a unit a point), and
    # laid out at that, the texts measured for the layout are measured once.
    dpi: int = 150


DEFAULT_STYLE = ChartStyle()


# matplotlib's tick label size when a style sets none (rcParams' "medium").
DEFAULT_TICK_SIZE = 10.0


def year_ticks_that_fit(style: ChartStyle) -> int:
    """How many four-digit year labels fit side by side under a panel, with a gap between.

    A digit is about 0.62 of the text size wide; the axes take about 0.8 of the
    figure's width. At the report's phone width, ten years a tick each ran together
    (20132014…); a label and half a label of space each fit five.
    """
    size = style.tick_size or DEFAULT_TICK_SIZE
    label = 4 * 0.62 * size
    room = style.width * 72 * 0.8
    return max(2, int(room // (label * 1.5)))


# 5 inches (360 units): a phone 390 px wide shows it at 358 px, its smallest text at 12.4 px.
PHONE = ChartStyle(
    width=5.0,
    title_size=14,
    text_size=12.5,
    bar_size=12.5,
    tick_size=12.5,
    title_columns=36,
    legend_columns=24,
    index_legend_columns=40,
    footer_columns=56,
    marks_columns=2,
    wrap_footer=True,
    line_height=2.9,
    bar_height=0.5,
    dpi=72,
)


def _columns(character: str) -> int:
    return 2 if unicodedata.east_asian_width(character) in "WF" else 1


def _head(text: str, columns: int) -> str:
    kept: list[str] = []
    used = 0
    for character in text:
        used += _columns(character)
        if used > columns:
            break
        kept.append(character)
    return "".join(kept)


def shorten(text: str, columns: int, middle: bool = False) -> str:
    """``text`` in at most ``columns`` columns, with an ellipsis where it was cut.

    ``middle`` keeps both ends (``Total revenue · a long…name 3``): legend
    entries that share a long start still differ at the end.
    """
    if sum(_columns(character) for character in text) <= columns:
        return text
    if not middle:
        return _head(text, columns - 1) + "…"
    tail = _head(text[::-1], (columns - 1) // 2)[::-1]
    return _head(text, columns - 1 - (columns - 1) // 2) + "…" + tail


def wrap(text: str, columns: int) -> list[str]:
    """``text`` in lines of at most ``columns`` columns: broken at a space, or anywhere in
    a run without one (Chinese has none)."""
    lines: list[str] = []
    while sum(_columns(character) for character in text) > columns:
        head = _head(text, columns)
        space = head.rfind(" ")
        cut = space if space > len(head) // 2 else len(head)
        lines.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    return [*lines, text] if text else lines


def width_of(text: str) -> int:
    return sum(_columns(character) for character in text)


def wider(texts: Sequence[str]) -> str:
    """Of one text in several languages, the widest line by line: the layout keeps room
    for each language's text in its place."""
    lines = [text.split("\n") for text in texts]
    count = max(len(each) for each in lines)
    padded = [[*each, *[""] * (count - len(each))] for each in lines]
    return "\n".join(max(row, key=width_of) for row in zip(*padded, strict=True))
