"""Charts as PNG or SVG images, drawn with matplotlib (imported only when an image is made).

A panel per metric: bars by entity from zero, labelled as the tables write the
figures, or lines over the years with a label at each point (moved or left out
where labels would overlap: :mod:`zgc_cli.present.charts.labels`); or one
indexed panel. Markers for estimates (hollow), derived figures (half-filled)
and bounds (triangles, diamonds) with a legend; hatched bars for estimates;
the source at the bottom. Chinese text is drawn with a CJK font from
:mod:`zgc_cli.present.charts.fonts`; with none, the labels fall back to English
and a warning says what to install. matplotlib's warnings come back in zgc's
words (:mod:`zgc_cli.present.charts.matplotlib_env`). Data text is plain text,
never mathtext, and long names are shortened to fit.
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from zgc_cli.model.schema import FLAG_ORDER, QUALIFIER_MARKS, STATUS_MARKS
from zgc_cli.present.charts import fonts
from zgc_cli.present.charts.axis import INDEX_BASE, YAxis, thin, y_axis
from zgc_cli.present.charts.labels import LABEL_PLACES, separate_labels
from zgc_cli.present.charts.matplotlib_env import (
    import_matplotlib,
    matplotlib_speaks_through_zgc,
    reported,
)
from zgc_cli.present.charts.panels import (
    INFERRED_MARK,
    Line,
    Panel,
    flags_present,
    prepare,
    scale_notes,
)
from zgc_cli.present.safe import visible
from zgc_cli.words import REFERENCE_LANGUAGE, Language, Listed, message, phrase, profile_of

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.lines import Line2D
    from matplotlib.text import Annotation

    from zgc_cli.stats.indexing import Indexing

IMAGE_SUFFIXES: tuple[str, ...] = (".png", ".svg")
# Image markers: the shape tells the qualifier, the fill the status.
_QUALIFIER_SHAPES: dict[str, str] = {
    "more_than": "^",
    "less_than": "v",
    "nearly": "<",
    "about": "D",
    "order_of_magnitude": "s",
}
_PLAIN_SHAPE = "o"
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


def _shorten(text: str, columns: int, middle: bool = False) -> str:
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


def chart_texts(panels: Sequence[Panel], lang: Language, source_line: str) -> list[str]:
    """Every text a chart of ``panels`` may show (for the font that must draw them)."""
    texts = [
        source_line,
        message("chart.marks", lang),
        *(message("flag." + flag, lang) for flag in ("reported", *FLAG_ORDER)),
    ]
    for panel in panels:
        texts.append(panel.title)
        texts.extend(line.label(lang) for line in panel.lines)
        texts.extend(line.shown_entity for line in panel.lines)
        texts.extend(line.tagged(line.shown_entity, lang) for line in panel.lines)
        texts.extend(text for bar in panel.bars for text in (bar.shown_entity, bar.label))
        texts.extend(message("chart.bar_year", lang, entity="", year="") for _ in panel.bars[:1])
    return texts


def _point_style(status: str, qualifier: str, colour: str) -> dict[str, Any]:
    style: dict[str, Any] = {
        "marker": _QUALIFIER_SHAPES.get(qualifier, _PLAIN_SHAPE),
        "markersize": 7,
        "markeredgewidth": 1.4,
        "color": colour,
        "markeredgecolor": colour,
        "linestyle": "none",
    }
    if status == "estimate":
        style["markerfacecolor"] = "white"
    elif status == "derived":
        style.update(fillstyle="bottom", markerfacecolor=colour, markerfacecoloralt="white")
    else:
        style["markerfacecolor"] = colour
    return style


def _mark_handles(flags: Sequence[str], lang: Language) -> list[Line2D]:
    from matplotlib.lines import Line2D

    grey = "0.35"
    handles = [
        Line2D(
            [],
            [],
            label=message("flag.reported", lang),
            **{**_point_style("", "", grey), "linestyle": "-"},
        )
    ]
    for flag in flags:
        if flag == "inferred_year":  # a mark in the text (2023?), said at the foot
            continue
        status = flag if flag in STATUS_MARKS else ""
        qualifier = flag if flag in QUALIFIER_MARKS else ""
        style = _point_style(status, qualifier, grey)
        if status:
            style["linestyle"] = "--"  # lines to and from such a point are dashed too
        handles.append(Line2D([], [], label=message("flag." + flag, lang), **style))
    return handles


def _segments(
    years: Sequence[int], positions: Sequence[float], statuses: Sequence[str]
) -> dict[bool, tuple[list[float], list[float]]]:
    """The line's solid and dashed runs, each one polyline broken by NaN (one artist each)."""
    plain = ("", "reported")
    runs: dict[bool, tuple[list[float], list[float]]] = {False: ([], []), True: ([], [])}
    last = {False: -2, True: -2}
    for n in range(len(years) - 1):
        dashed = statuses[n] not in plain or statuses[n + 1] not in plain
        xs, ys = runs[dashed]
        if last[dashed] != n - 1:
            if xs:
                xs.append(math.nan)
                ys.append(math.nan)
            xs.append(years[n])
            ys.append(positions[n])
        xs.append(years[n + 1])
        ys.append(positions[n + 1])
        last[dashed] = n
    return runs


def _draw_intervals(axes: Axes, line: Line, axis: YAxis, colour: str, kept: Sequence[int]) -> None:
    """An index's interval as a bar through its point, where the interval is not a point:
    the base or the figure is a bound or a derived figure (64…70 around 68.1)."""
    for n in kept:
        bounds = line.bounds[n] if n < len(line.bounds) else None
        if bounds is None or bounds.low is None or bounds.high is None:
            continue
        if not bounds.high > bounds.low:
            continue
        low, high = axis.positions([bounds.low, bounds.high])
        axes.errorbar(
            [line.years[n]],
            [(low + high) / 2],
            yerr=[[(high - low) / 2], [(high - low) / 2]],
            fmt="none",
            ecolor=colour,
            elinewidth=1.6,
            capsize=4,
            capthick=1.6,
            alpha=0.8,
            zorder=1,
        )


def _draw_line(
    axes: Axes,
    line: Line,
    axis: YAxis,
    colour: str,
    indexed: bool,
    lang: Language,
    style: ChartStyle = DEFAULT_STYLE,
) -> list[Annotation]:
    """The line, its markers, and (for a dozen points or fewer) a label at each point."""
    positions = axis.positions(line.values)
    # No more points than the figure has pixels across: the same picture, in a fraction of the time.
    kept = thin(line.years, positions, IMAGE_COLUMNS)
    years = [line.years[n] for n in kept]
    shown = [positions[n] for n in kept]
    statuses = [line.statuses[n] for n in kept]
    for dashed, (xs, ys) in _segments(years, shown, statuses).items():
        if xs:
            axes.plot(xs, ys, color=colour, linewidth=1.8, linestyle="--" if dashed else "-")
    points: dict[tuple[str, str], tuple[list[int], list[float]]] = {}
    for year, position, status, qualifier in zip(
        years, shown, statuses, (line.qualifiers[n] for n in kept), strict=True
    ):
        point_years, point_positions = points.setdefault((status, qualifier), ([], []))
        point_years.append(year)
        point_positions.append(position)
    for (status, qualifier), (point_years, point_positions) in points.items():
        axes.plot(point_years, point_positions, **_point_style(status, qualifier, colour))
    _draw_intervals(axes, line, axis, colour, kept)
    if len(line.years) > 12:
        return []
    return [
        axes.annotate(
            line.point_label(n, lang, indexed),
            (year, position),
            textcoords="offset points",
            xytext=LABEL_PLACES[0][0],
            ha=LABEL_PLACES[0][1],
            va=LABEL_PLACES[0][2],
            fontsize=style.text_size,
            color=colour,
        )
        for n, (year, position) in enumerate(zip(line.years, positions, strict=True))
    ]


def _draw_bars(
    axes: Axes,
    panel: Panel,
    colours: Mapping[str, str],
    lang: Language,
    style: ChartStyle = DEFAULT_STYLE,
) -> list[Any]:
    """One horizontal bar per entity from a zero line, labelled with its figure; returns labels.

    Bars are drawn as fractions of the widest side (no float of the data reaches
    matplotlib's arithmetic); estimates and derived figures are hatched, as
    their markers are hollow in line panels.
    """
    bars = panel.bars
    negative = max((-bar.value for bar in bars if bar.value < 0), default=0.0)
    positive = max((bar.value for bar in bars if bar.value > 0), default=0.0)
    # Each side as a share of the larger (at most 1): no sum of two 1e308 overflows.
    largest = max(negative, positive, panel.full_scale or 0.0) or 1.0
    shares = max(negative / largest + positive / largest, 1.0)
    widths = [bar.value / largest / shares for bar in bars]
    rows = list(range(len(bars) - 1, -1, -1))  # the first entity on top
    labels = []
    for bar, width, row in zip(bars, widths, rows, strict=True):
        colour = colours[bar.entity]
        light = bar.status in ("estimate", "derived")
        if panel.full_scale and width >= 0:
            # A share on its whole: a grey track to 100% behind the bar.
            axes.barh(row, 1.0, height=0.62, color="0.92", linewidth=0, zorder=0)
        axes.barh(
            row,
            width,
            height=0.62,
            color="white" if light else colour,
            edgecolor=colour,
            hatch="///" if light else None,
            linewidth=1.2,
        )
        labels.append(
            axes.annotate(
                bar.label,
                (width, row),
                textcoords="offset points",
                xytext=(4, 0) if width >= 0 else (-4, 0),
                ha="left" if width >= 0 else "right",
                va="center",
                fontsize=style.bar_size,
                color="0.15",
                annotation_clip=False,
            )
        )
    axes.axvline(0, color="0.3", linewidth=0.9)
    low = min(0.0, *widths)
    high = max(0.0, *widths)
    # Room for the labels beyond the longest bar on each side.
    if panel.full_scale:
        high = max(high, 1.0)
    axes.set_xlim(low - (0.3 if low < 0 else 0.0), high + 0.3)
    axes.set_ylim(-0.6, len(bars) - 0.4)
    axes.set_yticks(rows, _bar_names(panel, lang, style))
    axes.tick_params(axis="y", length=0, labelsize=style.bar_size)
    axes.set_xticks([])
    axes.spines[["top", "right", "bottom", "left"]].set_visible(False)
    return labels


def _bar_names(panel: Panel, lang: Language, style: ChartStyle) -> list[str]:
    """The bars' names (with their years where the bars' years differ), shortened to fit."""
    years = {bar.year for bar in panel.bars}
    names = [
        message("chart.bar_year", lang, entity=bar.shown_entity, year=bar.year)
        if len(years) > 1
        else bar.shown_entity
        for bar in panel.bars
    ]
    return [_shorten(name, style.legend_columns, middle=True) for name in names]


def _panel_title(panel: Panel, style: ChartStyle) -> str:
    if style.wrap_footer:
        return "\n".join(_wrap(panel.title, style.title_columns))
    return _shorten(panel.title, style.title_columns)


def _legend_labels(panel: Panel, lang: Language, style: ChartStyle) -> list[str]:
    """A line panel's legend entries, one a line that has one."""
    labels = [
        line.label(lang) if panel.indexed else line.tagged(line.shown_entity, lang)
        for line in panel.lines
    ]
    return [_shorten(label, style.index_legend_columns, middle=True) for label in labels if label]


def _footer_lines(
    panels: Sequence[Panel],
    lang: Language,
    source_line: str,
    notes: Sequence[str],
    style: ChartStyle,
) -> list[str]:
    marks_line = _marks_line(panels, lang)
    footer_texts = (marks_line, *scale_notes(panels, lang), *notes, *source_line.split("\n"))
    return [
        line
        for text in footer_texts
        if text
        for line in (
            _wrap(text, style.footer_columns)
            if style.wrap_footer
            else [_shorten(text, style.footer_columns)]
        )
    ]


def figure_texts(
    panels: Sequence[Panel],
    lang: Language,
    source_line: str,
    notes: Sequence[str],
    style: ChartStyle,
) -> list[str | list[str]]:
    """The texts :func:`build_figure` writes, in the order :func:`_text_slots` finds them
    (a list: an axis's tick names), without building the figure."""
    texts: list[str | list[str]] = []
    for panel in panels:
        texts.append(_panel_title(panel, style))
        if panel.is_bars:
            texts.extend(bar.label for bar in panel.bars)
            texts.append(_bar_names(panel, lang, style))
            continue
        for line in panel.lines:
            if len(line.years) <= 12:
                texts.extend(
                    line.point_label(n, lang, panel.indexed) for n in range(len(line.years))
                )
        texts.extend(_legend_labels(panel, lang, style))
        texts.append(list(y_axis(panel.values(), panel.indexed).labels))
    if any(not panel.is_bars for panel in panels):
        flags = flags_present([panel for panel in panels if not panel.is_bars])
        texts.append(message("flag.reported", lang))
        texts.extend(message("flag." + flag, lang) for flag in flags if flag != "inferred_year")
    footer = _footer_lines(panels, lang, source_line, notes, style)
    if footer:
        texts.append("\n".join(footer))
    return texts


def _year_formatter(year: float, _position: object) -> str:
    return str(int(round(year)))


def _panel_height(panel: Panel, style: ChartStyle = DEFAULT_STYLE) -> float:
    """Inches for a panel: a row per bar, or a plot and (with many lines) its legend under it."""
    if panel.is_bars:
        return 0.7 + style.bar_height * len(panel.bars)
    under = len(panel.lines) if len(panel.lines) > INSIDE_LEGEND_ENTRIES else 0
    return style.line_height + 0.2 * under * style.text_size / 8


def _marks_line(panels: Sequence[Panel], lang: Language) -> str:
    """``Marks: > more than · * estimate`` for bar panels (lines show theirs as markers),
    and ``? year inferred`` for any panel: a year's mark is in the text, not in a marker."""
    flags = [
        flag
        for flag in FLAG_ORDER
        if any(
            flag in panel.flags and (panel.is_bars or flag == "inferred_year") for panel in panels
        )
    ]
    if not flags:
        return ""
    parts = [
        (
            INFERRED_MARK
            if flag == "inferred_year"
            else QUALIFIER_MARKS.get(flag, STATUS_MARKS.get(flag, ""))
        )
        + " "
        + message("flag." + flag, lang)
        for flag in flags
    ]
    return message("chart.marks", lang) + " " + "  ".join(parts)


def _wrap(text: str, columns: int) -> list[str]:
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


def draw_figure(
    panels: Sequence[Panel],
    lang: Language,
    source_line: str,
    notes: Sequence[str],
    style: ChartStyle = DEFAULT_STYLE,
) -> Any:
    """The matplotlib figure of the panels (not saved): for :func:`write_image` and tests."""
    figure, labels = build_figure(panels, lang, source_line, notes, style)
    separate_labels(figure, labels)
    return figure


def build_figure(
    panels: Sequence[Panel],
    lang: Language,
    source_line: str,
    notes: Sequence[str],
    style: ChartStyle = DEFAULT_STYLE,
) -> tuple[Any, list[Any]]:
    """The figure before its point labels are separated, and those labels."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    footer_lines = _footer_lines(panels, lang, source_line, notes, style)
    heights = [_panel_height(panel, style) for panel in panels]
    has_lines = any(not panel.is_bars for panel in panels)
    scale = style.text_size / 8
    top = (1.4 if has_lines else 0.9) * (scale if has_lines and style.marks_columns < 4 else 1)
    height = top + sum(heights) + 0.16 * scale * len(footer_lines)
    figure = Figure(figsize=(style.width, height), layout="constrained", dpi=style.dpi)
    FigureCanvasAgg(figure)
    axes_list = figure.subplots(
        len(panels), 1, squeeze=False, gridspec_kw={"height_ratios": heights}
    )[:, 0]
    entities = list(
        dict.fromkeys(
            [
                *(line.entity for panel in panels for line in panel.lines),
                *(bar.entity for panel in panels for bar in panel.bars),
            ]
        )
    )
    colours = {entity: f"C{n % 10}" for n, entity in enumerate(entities)}
    points = sum(len(line.years) for panel in panels for line in panel.lines)
    # The line panels share their years: every line panel's, never a bar panel's.
    years = [year for each in panels for line in each.lines for year in line.years]
    labels: list[Any] = []
    for panel, axes in zip(panels, axes_list, strict=True):
        # Not bold: the CJK font has one weight, and asking for bold logs a findfont warning.
        axes.set_title(_panel_title(panel, style), loc="left", fontsize=style.title_size)
        if style.tick_size is not None:
            axes.tick_params(labelsize=style.tick_size)
        if panel.is_bars:
            # A bar's label sits at its end, one a row: bar labels never meet.
            _draw_bars(axes, panel, colours, lang, style)
            continue
        axis = y_axis(panel.values(), panel.indexed)
        handles: list[Line2D] = []
        legend_labels = _legend_labels(panel, lang, style)
        for n, line in enumerate(panel.lines):
            if panel.indexed:
                colour, label = f"C{n % 10}", line.label(lang)
            else:
                colour, label = colours[line.entity], line.tagged(line.shown_entity, lang)
            labels.extend(_draw_line(axes, line, axis, colour, panel.indexed, lang, style))
            if label:
                handles.append(Line2D([], [], color=colour, linewidth=1.8, marker="o"))
        if panel.indexed:
            base = axis.position(INDEX_BASE)
            axes.axhline(base, color="0.6", linewidth=0.8, linestyle=":", zorder=0)
        axes.grid(True, color="0.9", linewidth=0.8)
        axes.set_axisbelow(True)
        axes.spines[["top", "right"]].set_visible(False)
        axes.margins(x=0.08)
        # The values are drawn as positions on zgc's axis (0 at its first tick, 1 at its last).
        axes.set_ylim(-0.08, 1.12)
        axes.set_yticks(axis.positions(axis.ticks), list(axis.labels))
        if handles:
            # Explicit labels: an entity named "_x" is shown, not taken for a hidden artist.
            # A few fit inside the panel; more go under it, where they hide no line and
            # leave the panel its width.
            place: dict[str, Any] = (
                {"loc": "best" if points <= BEST_LEGEND_POINTS else "upper left"}
                if len(handles) <= INSIDE_LEGEND_ENTRIES
                else {"loc": "upper left", "bbox_to_anchor": (0.0, -0.14)}
            )
            axes.legend(
                handles=handles,
                labels=legend_labels,
                fontsize=style.text_size,
                frameon=False,
                **place,
            )
        most = year_ticks_that_fit(style)
        axes.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=min(10, most)))
        axes.xaxis.set_major_formatter(FuncFormatter(_year_formatter))
        # No axis spans years outside the data (±1): one year is not drawn on a century.
        first, last = min(years), max(years)
        pad = max((last - first) * 0.08, 0.6)
        axes.set_xlim(first - pad, last + pad)
        if last - first < 10:  # few years: a tick on each that fits, never a fraction of one
            step = next(step for step in (1, 2, 5, 10) if (last - first) // step + 1 <= most)
            axes.set_xticks(list(range(first, last + 1, step)))
    if has_lines:
        figure.legend(
            # The markers of the lines; bar panels' marks are in words at the foot.
            handles=_mark_handles(
                flags_present([panel for panel in panels if not panel.is_bars]), lang
            ),
            loc="outside upper center",
            ncols=style.marks_columns,
            fontsize=style.text_size,
            frameon=False,
        )
    if footer_lines:
        figure.supxlabel(
            "\n".join(footer_lines), x=0.01, ha="left", fontsize=style.text_size, color="0.4"
        )
    return figure, labels


def write_image(
    series: pd.DataFrame,
    names: Mapping[str, Mapping[str, str]],
    lang: Language,
    path: Path,
    indexed: Indexing | None,
    source_line: str,
    spans: pd.DataFrame | None = None,
) -> list[str]:
    """Write the chart as PNG or SVG (chosen by ``path``'s suffix) with matplotlib.

    One panel per metric titled with the indicator's name in ``lang`` and its
    unit, or one indexed panel (see the module docstring); markers for
    estimates (hollow), derived figures (half-filled) and bounds (triangles,
    diamonds) with a legend; ``source_line`` at the bottom. Chinese text is
    drawn with a CJK font from :mod:`zgc_cli.fonts`; with none, the labels
    fall back to English and a warning says what to install.

    Returns:
        Warnings for the caller to show on stderr (none when all went well).

    Raises:
        ValueError: the suffix is not .png or .svg, or there is nothing to plot.
        PlotDependencyError: matplotlib is not installed.
    """
    suffix = path.suffix.lower()
    if suffix not in IMAGE_SUFFIXES:
        suffixes = Listed(IMAGE_SUFFIXES, separator=" or ", quoted=False)
        raise ValueError(phrase("chart.image_suffix", name=visible(path.name), suffixes=suffixes))
    source_line = "\n".join(visible(line) for line in source_line.split("\n"))
    # Before matplotlib: a chart of too many series is refused at once.
    panels, notes = prepare(series, names, lang, indexed, spans=spans)
    warnings_out: list[str] = []
    with matplotlib_speaks_through_zgc() as (caught, logged):
        import_matplotlib()
        import matplotlib

        needed = fonts.cjk_characters(chart_texts(panels, lang, source_line) + notes)
        family = fonts.cjk_font_family(sorted(needed)) if needed else None
        boxes_reported = False
        if needed and family is None:
            if profile_of(lang).needs_cjk_font:
                warnings_out.append(phrase("chart.no_font_english", hint=fonts.FONT_INSTALL_HINT))
                lang = REFERENCE_LANGUAGE
            panels, notes = prepare(series, names, lang, indexed, allow_cjk=False, spans=spans)
            if fonts.cjk_characters(chart_texts(panels, lang, source_line) + notes):
                boxes_reported = True
                warnings_out.append(phrase("chart.no_font_boxes", hint=fonts.FONT_INSTALL_HINT))
        # What the chart's interval bars mean is for the reader of the image, not a warning.
        explained = message("chart.index_intervals", lang)
        warnings_out.extend(note for note in notes if note != explained)
        families = ["DejaVu Sans", family] if family else ["DejaVu Sans"]
        title = " · ".join(panel.title for panel in panels)
        metadata: dict[str, Any] = {"Title": title}
        if suffix == ".svg":
            metadata["Date"] = None
        settings = {
            "font.family": families,
            # Text as paths: the SVG shows the same glyphs on a machine with no CJK font.
            "svg.fonttype": "path",
            "svg.hashsalt": "zgc",
            # Data text is text: "$x$" in a name is two dollars and an x, never mathtext.
            "text.parse_math": False,
            "axes.formatter.use_mathtext": False,
        }
        with matplotlib.rc_context(settings):  # type: ignore[arg-type]
            figure = draw_figure(panels, lang, source_line, notes)
            figure.savefig(path, format=suffix[1:], dpi=150, metadata=metadata)
    warnings_out.extend(reported(caught, logged.texts, lang, boxes_reported))
    return warnings_out


_GID = "zgct"
_TEXT_GROUP = re.compile(rf'<g id="({_GID}[\d-]+)">(.*?)</g>', re.DOTALL)
_TEXT_ELEMENT = re.compile(r"(<text\b[^>]*>)(.*?)(</text>)", re.DOTALL)
_FONT_FAMILY = re.compile(r"(font-family: [^;\"]*)")
# Where the bundled fonts are missing, the reader's own: a CJK sans-serif, then any sans-serif.
FONT_FALLBACKS = (
    "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"
)


def _text_slots(figure: Any) -> list[Any]:
    """Every text of the figure that a language changes, in the order it was built: each
    panel's title, point labels, legend entries and tick names (their formatter), then
    the legend of marks and the foot."""
    slots: list[Any] = []
    for axes in figure.axes:
        slots.append(axes._left_title)
        slots.extend(axes.texts)
        legend = axes.get_legend()
        if legend is not None:
            slots.extend(legend.get_texts())
        slots.append(axes.yaxis)  # every panel names its ticks (set_yticks with labels)
    for legend in figure.legends:
        slots.extend(legend.get_texts())
    if figure._supxlabel is not None:
        slots.append(figure._supxlabel)
    return slots


def _in(
    drawing: tuple[Sequence[Panel], str, Sequence[str]], lang: Language
) -> tuple[Sequence[Panel], Language, str, Sequence[str]]:
    panels, source, notes = drawing
    return panels, lang, source, notes


def _widths(text: str) -> int:
    return sum(_columns(character) for character in text)


def _wider(texts: Sequence[str]) -> str:
    """Of one text in several languages, the widest line by line: the layout keeps room
    for each language's text in its place."""
    lines = [text.split("\n") for text in texts]
    count = max(len(each) for each in lines)
    padded = [[*each, *[""] * (count - len(each))] for each in lines]
    return "\n".join(max(row, key=_widths) for row in zip(*padded, strict=True))


def bilingual_svgs(
    drawings: Mapping[Language, tuple[Sequence[Panel], str, Sequence[str]]],
    font_family: str | None,
    style: ChartStyle,
) -> dict[Language, str] | None:
    """One chart drawn once, as an SVG for each language of ``drawings`` (panels, source
    line and notes in that language), its text kept as text.

    The figures of all languages are built (cheap: no layout, no drawing), their
    texts paired in the order they were built, and only the first is laid out and
    drawn, each text as wide as its widest language; the SVG's texts are then
    written in each language in turn. Returns None where the languages' figures
    differ in their texts (nothing is paired): the caller draws each on its own.
    """
    import matplotlib
    from matplotlib.ticker import FixedFormatter

    families = ["DejaVu Sans", font_family] if font_family else ["DejaVu Sans"]
    settings = {
        "font.family": families,
        # Text as text: searchable, read aloud, and one drawing serves every language.
        "svg.fonttype": "none",
        "svg.hashsalt": "zgc",
        "text.parse_math": False,
        "axes.formatter.use_mathtext": False,
    }
    languages = list(drawings)
    first_lang = languages[0]
    with matplotlib.rc_context(settings):  # type: ignore[arg-type]
        panels, source, notes = drawings[first_lang]
        figure, labels = build_figure(panels, first_lang, source, notes, style)
        slots = _text_slots(figure)
        said_by = {lang: figure_texts(*_in(drawings[lang], lang), style) for lang in languages}
        if len({len(each) for each in said_by.values()} | {len(slots)}) != 1:
            return None
        texts: dict[str, dict[Language, str]] = {}
        for number, slot in enumerate(slots):
            group = [said_by[lang][number] for lang in languages]
            if hasattr(slot, "get_major_formatter"):  # an axis: its tick names, one a tick
                seqs = [list(each) for each in group]
                formatter = slot.get_major_formatter()
                shown = [
                    formatter(value, index) for index, value in enumerate(slot.get_majorticklocs())
                ]
                if shown != seqs[0] or len({len(seq) for seq in seqs}) != 1:
                    return None
                widest = [_wider(names) for names in zip(*seqs, strict=True)]
                slot.set_major_formatter(FixedFormatter(widest))
                for index, tick in enumerate(slot.get_major_ticks(len(widest))):
                    gid = f"{_GID}{number}-{index}"
                    tick.label1.set_gid(gid)
                    texts[gid] = {
                        lang: seq[index] for lang, seq in zip(languages, seqs, strict=True)
                    }
                continue
            said = [str(each) for each in group]
            if slot.get_text() != said[0]:
                return None  # the texts are not where they were expected: draw each alone
            if len(set(said)) == 1:
                continue  # the same in every language (a year, a number)
            gid = f"{_GID}{number}"
            slot.set_text(_wider(said))
            slot.set_gid(gid)
            texts[gid] = dict(zip(languages, said, strict=True))
        if labels:
            separate_labels(figure, labels, layout_only=True)  # lays the figure out
            # Laid out once: the labels take no part in the layout, so saving keeps it
            # (with no engine at all, savefig draws once; with "none", twice).
            figure.set_layout_engine(None)
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", dpi=style.dpi, metadata={"Date": None})
    svg = _FONT_FAMILY.sub(lambda found: f"{found.group(1)}, {FONT_FALLBACKS}", buffer.getvalue())
    return {lang: _with_texts(svg, texts, lang) for lang in languages}


def _with_texts(svg: str, texts: Mapping[str, Mapping[Language, str]], lang: Language) -> str:
    """The SVG with each paired text in ``lang``: its lines in the group's ``<text>``s."""
    from xml.sax.saxutils import escape

    def group(found: re.Match[str]) -> str:
        said = texts.get(found.group(1))
        if said is None:
            return found.group(0)
        lines = iter(said[lang].split("\n"))

        def element(text: re.Match[str]) -> str:
            return text.group(1) + escape(next(lines, "")) + text.group(3)

        return (
            found.group(0)[: found.start(2) - found.start(0)]
            + _TEXT_ELEMENT.sub(element, found.group(2))
            + "</g>"
        )

    return _TEXT_GROUP.sub(group, svg)
