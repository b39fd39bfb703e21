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

import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import pandas as pd

from zgc_cli.model.schema import QUALIFIER_MARKS, STATUS_MARKS
from zgc_cli.present.charts.axis import thin, y_axis
from zgc_cli.present.charts.fonts import FONT_INSTALL_HINT
from zgc_cli.present.charts.geometry import year_label
from zgc_cli.present.charts.panels import prepare
from zgc_cli.present.charts.shapes import INFERRED_MARK, Line, Panel, flags_present, scale_notes
from zgc_cli.words import Language, message, phrase

if TYPE_CHECKING:
    from zgc_cli.stats.indexing import Indexing

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
        raise PlotDependencyError(phrase("chart.needs_plotext", hint=FONT_INSTALL_HINT)) from error
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


def _wrapped(text: str, width: int, indent: int = 2) -> list[str]:
    """``text`` in rows of at most ``width`` columns, broken at spaces or between Chinese
    characters, never inside a number; rows after the first indented by ``indent``."""
    rows: list[str] = []
    current = ""
    # Words of Latin letters and digits stay whole (2022, 1.75); any other character
    # (a Chinese one) is a word of its own.
    for word in re.findall(r"[\x21-\x7e]+\s*|\s+|.\s*", text):
        room = width - (indent if rows else 0)
        if _display_width((current + word).rstrip()) <= room:
            current += word
            continue
        if current.strip():
            rows.append(current.rstrip())
            current = ""
        while _display_width(word.rstrip()) > width - indent:
            piece = _fit(word, width - indent).removesuffix(ELLIPSIS)
            rows.append(piece)
            word = word[len(piece) :]
        current = word
    if current.strip():
        rows.append(current.rstrip())
    return [row if n == 0 else " " * indent + row for n, row in enumerate(rows)]


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


def _legend_text(line: Line, lang: Language, columns: int) -> str:
    """The line's legend entry in ``columns``: a long name is cut, its growth or base year kept."""
    full = line.label(lang)
    if _display_width(full) <= columns:
        return full
    added = _display_width(line.tagged("", lang))
    return line.tagged(_fit(f"{line.name} · {line.shown_entity}", max(columns - added, 8)), lang)


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
    axis = y_axis(panel.values(), panel.indexed)
    point_signals = []
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
        # An index's interval, where it is wider than a point: a vertical bar through it.
        for n in kept:
            bounds = line.bounds[n] if n < len(line.bounds) else None
            if bounds is None or bounds.low is None or bounds.high is None:
                continue
            if bounds.high > bounds.low:
                ends = axis.positions([bounds.low, bounds.high])
                bar = figure.signal(
                    [line.years[n]] * 2, ends, marker=plotext.marker("braille", pixel=pixel)
                )
                bar.lines()
                figure.draw(bar)
        marks = line.marks
        markers = [
            plotext.marker(plotext.colorize(mark, pixel))
            if len(mark) > 1
            else plotext.marker(mark or symbol, pixel=pixel)
            for mark in (marks[n] for n in kept)
        ]
        point_signals.append(figure.signal(years_kept, positions, marker=markers))
    # Points after every line: a later series' line never hides an earlier one's point
    # (both series of an index meet at 100).
    for points in point_signals:
        figure.draw(points)
    first, last = years
    pad = max((last - first) * 0.05, 0.5)
    label_width = max(_display_width(label) for label in axis.labels)
    year_ticks = _year_ticks(first, last, width - label_width - 2)
    figure.ruler("x").lim(first - pad, last + pad)
    inferred = panel.inferred_years  # 2023? as the tables write an inferred year
    figure.ruler("x").ticks(year_ticks, [year_label(year, inferred) for year in year_ticks])
    figure.ruler("y").lim(0.0, 1.0)
    figure.ruler("y").ticks(axis.positions(axis.ticks), list(axis.labels))
    matrix = figure.build()
    text = str(matrix.string(colorless=not color))
    figure.clear()
    return "\n".join(row.rstrip() for row in text.splitlines() if row.strip())


# Bars in eighths of a column; estimates and derived figures in a lighter shade, whole columns.
_EIGHTHS = " ▏▎▍▌▋▊▉█"
_LIGHT_BAR = "░"
_ZERO_LINE = "│"
MAX_BAR_COLUMNS = 64


def _bar_cells(value: float, largest: float, cells: int) -> float:
    """How many columns ``value`` takes when ``largest`` takes ``cells`` (no float overflows)."""
    if largest <= 0 or cells <= 0:
        return 0.0
    return abs(value) / largest * cells


def _bar_text(length: float, light: bool) -> str:
    """A bar ``length`` columns long, in eighths (a light bar in whole columns)."""
    if light:
        return _LIGHT_BAR * max(round(length), 1 if length > 0 else 0)
    eighths = round(length * 8)
    whole, part = divmod(eighths, 8)
    return _EIGHTHS[8] * whole + (_EIGHTHS[part] if part else "")


def _bar_panel(panel: Panel, width: int, color: bool, lang: Language) -> str:
    """Horizontal bars from a zero line, one row per entity, each labelled with its figure.

    ``China        │████████████████████ 107``. Negative figures go left of the
    zero line. Names are cut to a third of the width; numbers are never cut.
    """
    years = {bar.year for bar in panel.bars}
    names = [
        message("chart.bar_year", lang, entity=bar.shown_entity, year=bar.year)
        if len(years) > 1
        else bar.shown_entity
        for bar in panel.bars
    ]
    name_width = min(max(_display_width(name) for name in names), max(width // 3, 8))
    label_width = max(_display_width(bar.label) for bar in panel.bars)
    # On a wide screen bars stop at MAX_BAR_COLUMNS: a label stays near its bar's name.
    cells = min(max(width - name_width - label_width - 3, 4), MAX_BAR_COLUMNS)
    largest_positive = max((bar.value for bar in panel.bars if bar.value > 0), default=0.0)
    largest_negative = max((-bar.value for bar in panel.bars if bar.value < 0), default=0.0)
    # Each side as a share of the larger (at most 1): no sum of two 1e308 overflows.
    largest = max(largest_positive, largest_negative, panel.full_scale or 0.0)
    negative_share = largest_negative / largest if largest else 0.0
    positive_share = largest_positive / largest if largest else 0.0
    # At least the whole width: a share of 40% of a full scale of 100% is 0.4 of it.
    shares = max(negative_share + positive_share, 1.0)
    left = 0
    if largest_negative > 0:
        left = max(1, round(cells * negative_share / shares))
        left = min(left, cells - 1) if largest_positive > 0 else cells
    # The title wraps rather than lose its end: the year is there.
    rows = [
        " " * ((width - _display_width(row)) // 2) + row
        for row in _wrapped(panel.title, width, indent=0)
    ]
    for n, (bar, name) in enumerate(zip(panel.bars, names, strict=True)):
        colour = _TERMINAL_COLORS[n % len(_TERMINAL_COLORS)] if color else None
        light = bar.status in ("estimate", "derived")
        drawn = _bar_text(_bar_cells(bar.value, largest, cells) / shares, light)
        shown_name = _fit(name, name_width)
        name_cell = shown_name + " " * (name_width - _display_width(shown_name))
        if bar.value < 0:
            negative = " " * max(left - _display_width(drawn), 0) + _paint(drawn, colour)
            row = f"{name_cell} {negative}{_ZERO_LINE} {bar.label}"
        else:
            row = f"{name_cell} {' ' * left}{_ZERO_LINE}{_paint(drawn, colour)} {bar.label}"
        rows.append(row.rstrip())
    return "\n".join(rows)


def terminal_chart(
    series: pd.DataFrame,
    names: Mapping[str, Mapping[str, str]],
    lang: Language,
    width: int,
    height: int,
    indexed: Indexing | None,
    *,
    color: bool = False,
    spans: pd.DataFrame | None = None,
    footnotes: Sequence[str] = (),
) -> str:
    """The series as a text chart: a panel per metric (bars or lines), or one indexed panel.

    See :mod:`zgc_cli.present.charts.panels` for what is drawn. Bars are rows of
    block characters from a zero line, labelled with the figures as the tables
    write them; lines are plotext's, each series with its own symbol at
    reported points (``o``, ``x``, ``+``, ...) and colour (when ``color``), and
    the table marks at other points (``*``, ``^``, ``>``, ...). The year axis
    spans the lines' years only. Legends for the series and the marks present,
    and any notes, follow the panels.

    Args:
        series: rows of :func:`zgc_cli.stats.growth.series_growth`.
        names: indicator names by metric id and language; else metric ids are shown.
        lang: ``en`` or ``zh``, for titles, units and legends.
        width: columns of the chart (40 to 1000 are used).
        height: rows for the whole chart, at most 200; each line panel gets at least 10.
        indexed: the series as indexes of one base year
            (:func:`zgc_cli.stats.indexing.index_series`), drawn in one panel; or None.
        color: ANSI colours; without, the text has no escape codes at all.
        footnotes: what the marks of revised figures and changes of scope mean (``†``,
            ``‡``), a line each after the notes.

    Raises:
        PlotDependencyError: plotext is not installed.
        ValueError: the series have no observations.
        TooManySeriesError: more lines than a panel or a chart shows (a ValueError).
    """
    width = min(max(width, MIN_WIDTH), MAX_WIDTH)
    height = min(height, MAX_HEIGHT)
    panels, notes = prepare(series, names, lang, indexed, spans=spans)
    lines = [line for panel in panels for line in panel.lines]
    styles = {
        (line.metric, line.entity): (
            _SERIES_SYMBOLS[n % len(_SERIES_SYMBOLS)],
            _TERMINAL_COLORS[n % len(_TERMINAL_COLORS)],
        )
        for n, line in enumerate(lines)
    }
    all_years = [year for line in lines for year in line.years]
    indent = max(_display_width(message(f"chart.{key}", lang)) for key in ("series", "marks"))
    series_entries = [
        (
            styles[(line.metric, line.entity)][0],
            _legend_text(line, lang, width - indent - 4),
            styles[(line.metric, line.entity)][1] if color else None,
        )
        for line in lines
    ]
    legend = (
        _legend_rows(message("chart.series", lang), series_entries, width, indent)
        if series_entries
        else []
    )
    flags = flags_present(panels)
    if flags:
        mark_entries = [
            (
                INFERRED_MARK
                if flag == "inferred_year"
                else QUALIFIER_MARKS.get(flag, STATUS_MARKS.get(flag, "")),
                message("flag." + flag, lang),
                None,
            )
            for flag in flags
        ]
        legend += _legend_rows(message("chart.marks", lang), mark_entries, width, indent)
    footer = legend + [
        row
        for note in (*scale_notes(panels, lang), *notes)
        for row in _wrapped(message("chart.note", lang) + note, width)
    ]
    footer += [row for note in footnotes for row in _wrapped(note, width)]
    bar_rows = sum(len(panel.bars) + 1 for panel in panels if panel.is_bars)
    line_panels = sum(not panel.is_bars for panel in panels)
    panel_height = (
        max(MIN_PANEL_HEIGHT, (height - len(footer) - bar_rows) // line_panels)
        if line_panels
        else 0
    )
    plotext = _import_plotext() if line_panels else None
    blocks = [
        _bar_panel(panel, width, color, lang)
        if panel.is_bars
        else _terminal_panel(
            plotext, panel, styles, (min(all_years), max(all_years)), width, panel_height, color
        )
        for panel in panels
    ]
    return "\n".join([*blocks, *footer]) + "\n"
