"""Charts in the terminal, drawn with plotext (imported only when a chart is drawn).

Each series has a line, its own symbol at reported points (``o``, ``x``, ``+``,
...) and colour (when colour is on), and the table marks at other points
(``*``, ``^``, ``>``, ...). Legends for the series and the marks present, and
any notes, follow the panels.

plotext is handed positions on the panel's :class:`~zgc_cli.present.charts.panels.YAxis`
(0 to 1) and zgc's own tick labels, never the raw values, whatever their size.
A chart is at most :data:`MAX_WIDTH` columns and :data:`MAX_HEIGHT` rows (as
many as a screen shows; plotext's memory grows with both).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from zgc_cli.model.schema import QUALIFIER_MARKS, STATUS_MARKS
from zgc_cli.present.charts.fonts import FONT_INSTALL_HINT
from zgc_cli.present.charts.panels import Panel, flags_present, prepare, thin, y_axis
from zgc_cli.present.i18n import Language, message

# A symbol per series at its reported points (none of them a mark), a colour per series.
_SERIES_SYMBOLS = "ox+#@%&="
_TERMINAL_COLORS: tuple[int, ...] = (12, 9, 10, 13, 14, 11, 208, 39)
MIN_PANEL_HEIGHT = 10
MIN_WIDTH = 40
# What a screen can show: --height 100000 made plotext take 6 GB and half a minute.
MAX_HEIGHT = 200
MAX_WIDTH = 1000
ELLIPSIS = "…"
# Years are int16: a span of millennia still gets a handful of round ticks.
_YEAR_STEPS: tuple[int, ...] = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000)


class PlotDependencyError(ImportError):
    """plotext or matplotlib is not installed; the message says what to install."""


def _import_plotext() -> Any:
    try:
        import plotext
    except ImportError as error:
        raise PlotDependencyError(
            f"terminal charts need plotext, which is not installed: {FONT_INSTALL_HINT}"
        ) from error
    return plotext


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` columns, with an ellipsis when cut."""
    if _display_width(text) <= width:
        return text
    kept, used = [], 0
    for character in text:
        used += _display_width(character)
        if used > width - 1:
            break
        kept.append(character)
    return "".join(kept) + ELLIPSIS


def _paint(text: str, colour: int | None) -> str:
    return text if colour is None else f"\x1b[38;5;{colour}m{text}\x1b[0m"


def _legend_rows(
    heading: str, entries: Sequence[tuple[str, str, int | None]], width: int, indent: int
) -> list[str]:
    """``heading  sym text  sym text`` wrapped to ``width`` columns, symbols painted.

    Entries start at column ``indent`` on every row, so two legends line up.
    """
    rows: list[str] = []
    current = heading + " " * (indent - _display_width(heading))
    used = indent
    for symbol, text, colour in entries:
        text = _fit(text, max(width - indent - 3 - _display_width(symbol), 1))
        entry_width = 2 + _display_width(symbol) + 1 + _display_width(text)
        if used + entry_width > width and used > indent:
            rows.append(current)
            current, used = " " * indent, indent
        current += "  " + _paint(symbol, colour) + " " + text
        used += entry_width
    rows.append(current)
    return rows


def _year_ticks(first: int, last: int, cells: int) -> list[int]:
    span = last - first
    fits = max(1, cells // 6)
    step = 1
    for candidate in _YEAR_STEPS:
        step = candidate
        if span // candidate + 1 <= fits:
            break
    start = first + (-first) % step if span >= step else first
    ticks = list(range(start, last + 1, step)) or [first]
    return ticks


def _terminal_panel(
    plotext: Any,
    panel: Panel,
    styles: dict[tuple[str, str], tuple[str, int]],
    years: tuple[int, int],
    width: int,
    height: int,
    color: bool,
) -> str:
    figure = plotext.figure
    figure.clear()
    plotext.terminal.limit(False, False)
    figure.plot_size(width, height)
    figure.theme("simple" if color else "colorless")
    figure.title(_fit(panel.title, width))
    axis = y_axis([value for line in panel.lines for value in line.values], panel.indexed)
    for line in panel.lines:
        symbol, colour = styles[(line.metric, line.entity)]
        pixel = colour if color else None
        positions = axis.positions(line.values)
        # plotext takes seconds and gigabytes for 65,536 points: no more than the canvas shows.
        kept = thin(line.years, positions, width)
        years_kept = [line.years[n] for n in kept]
        positions = [positions[n] for n in kept]
        path = figure.signal(years_kept, positions, marker=plotext.marker("braille", pixel=pixel))
        path.lines()
        figure.draw(path)
        marks = line.marks
        markers = [
            plotext.marker(plotext.colorize(mark, pixel))
            if len(mark) > 1
            else plotext.marker(mark or symbol, pixel=pixel)
            for mark in (marks[n] for n in kept)
        ]
        figure.draw(figure.signal(years_kept, positions, marker=markers))
    first, last = years
    pad = max((last - first) * 0.05, 0.5)
    label_width = max(_display_width(label) for label in axis.labels)
    year_ticks = _year_ticks(first, last, width - label_width - 2)
    figure.ruler("x").lim(first - pad, last + pad)
    figure.ruler("x").ticks(year_ticks, [str(year) for year in year_ticks])
    figure.ruler("y").lim(0.0, 1.0)
    figure.ruler("y").ticks(axis.positions(axis.ticks), list(axis.labels))
    matrix = figure.build()
    text = str(matrix.string(colorless=not color))
    figure.clear()
    return "\n".join(row.rstrip() for row in text.splitlines() if row.strip())


def terminal_chart(
    series: pd.DataFrame,
    names: Mapping[str, Mapping[str, str]],
    lang: Language,
    width: int,
    height: int,
    indexed: bool,
    *,
    color: bool = False,
) -> str:
    """The series as a text chart: one panel per metric, or one indexed panel.

    See the module docstring for the layout. Each series has a line, its own
    symbol at reported points (``o``, ``x``, ``+``, ...) and colour (when
    ``color``), and the table marks at other points (``*``, ``^``, ``>``, ...).
    Legends for the series and the marks present, and any notes, follow the panels.

    Args:
        series: rows of :func:`zgc_cli.stats.growth.series_growth`.
        names: indicator names by metric id and language; else metric ids are shown.
        lang: ``en`` or ``zh``, for titles, units and legends.
        width: columns of the chart (40 to 1000 are used).
        height: rows for the whole chart, at most 200; each panel gets at least 10.
        indexed: one panel with every series indexed to its first year = 100.
        color: ANSI colours; without, the text has no escape codes at all.

    Raises:
        PlotDependencyError: plotext is not installed.
        ValueError: the series have no observations.
        TooManySeriesError: more lines than a panel or a chart shows (a ValueError).
    """
    plotext = _import_plotext()
    width = min(max(width, MIN_WIDTH), MAX_WIDTH)
    height = min(height, MAX_HEIGHT)
    panels, notes = prepare(series, names, lang, indexed)
    lines = [line for panel in panels for line in panel.lines]
    styles = {
        (line.metric, line.entity): (
            _SERIES_SYMBOLS[n % len(_SERIES_SYMBOLS)],
            _TERMINAL_COLORS[n % len(_TERMINAL_COLORS)],
        )
        for n, line in enumerate(lines)
    }
    all_years = [year for line in lines for year in line.years]
    series_entries = [
        (
            styles[(line.metric, line.entity)][0],
            line.label(lang),
            styles[(line.metric, line.entity)][1] if color else None,
        )
        for line in lines
    ]
    indent = max(_display_width(message(f"chart.{key}", lang)) for key in ("series", "marks"))
    legend = _legend_rows(message("chart.series", lang), series_entries, width, indent)
    flags = flags_present(panels)
    if flags:
        mark_entries = [
            (
                QUALIFIER_MARKS.get(flag, STATUS_MARKS.get(flag, "")),
                message("flag." + flag, lang),
                None,
            )
            for flag in flags
        ]
        legend += _legend_rows(message("chart.marks", lang), mark_entries, width, indent)
    footer = legend + [message("chart.note", lang) + note for note in notes]
    panel_height = max(MIN_PANEL_HEIGHT, (height - len(footer)) // len(panels))
    blocks = [
        _terminal_panel(
            plotext, panel, styles, (min(all_years), max(all_years)), width, panel_height, color
        )
        for panel in panels
    ]
    return "\n".join([*blocks, *footer]) + "\n"
