"""How a chart image shows its figures, decided before anything is drawn (no matplotlib).

A marker's shape tells a figure's qualifier and its fill the status; lines to and
from an estimate or a derived figure are dashed; each entity keeps one colour in
every panel; a panel's height, its years' ticks and where its legend goes follow
from what it holds. The drawing (:mod:`zgc_cli.present.charts.figure`) only
carries these out, and tests check them without drawing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from zgc_cli.present.charts.shapes import INFERRED_MARK, Panel
from zgc_cli.present.charts.style import (
    BEST_LEGEND_POINTS,
    DEFAULT_STYLE,
    INSIDE_LEGEND_ENTRIES,
    ChartStyle,
    year_ticks_that_fit,
)

# Image markers: the shape tells the qualifier, the fill the status.
_QUALIFIER_SHAPES: dict[str, str] = {
    "more_than": "^",
    "less_than": "v",
    "nearly": "<",
    "about": "D",
    "order_of_magnitude": "s",
}
_PLAIN_SHAPE = "o"


def point_style(status: str, qualifier: str, colour: str) -> dict[str, Any]:
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


def segments(
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


def year_label(year: float, inferred: frozenset[int] = frozenset()) -> str:
    """A year tick's text: ``2023``, or ``2023?`` where a figure's year was inferred (as
    the tables write it)."""
    whole = int(round(year))
    return f"{whole}{INFERRED_MARK}" if whole in inferred else str(whole)


def panel_height(panel: Panel, style: ChartStyle = DEFAULT_STYLE) -> float:
    """Inches for a panel: a row per bar, or a plot and (with many lines) its legend under it."""
    if panel.is_bars:
        return 0.7 + style.bar_height * len(panel.bars)
    under = len(panel.lines) if len(panel.lines) > INSIDE_LEGEND_ENTRIES else 0
    return style.line_height + 0.2 * under * style.text_size / 8


def entity_colours(panels: Sequence[Panel]) -> dict[str, str]:
    """A colour for each entity, in order of first appearance, the same in every panel."""
    entities = dict.fromkeys(
        [
            *(line.entity for panel in panels for line in panel.lines),
            *(bar.entity for panel in panels for bar in panel.bars),
        ]
    )
    return {entity: f"C{n % 10}" for n, entity in enumerate(entities)}


@dataclass(frozen=True)
class YearAxis:
    """The years' axis of every line panel: its limits, and its ticks.

    ``ticks`` is a tick on each year at ``step`` where the years are few (never a
    fraction of a year); None leaves them to a locator of at most ``most`` bins.
    """

    low: float
    high: float
    most: int
    ticks: tuple[int, ...] | None


def year_axis(panels: Sequence[Panel], style: ChartStyle) -> YearAxis | None:
    """The line panels' shared years (never a bar panel's), or None without line panels.

    No axis spans years outside the data (±1): one year is not drawn on a century.
    """
    years = [year for panel in panels for line in panel.lines for year in line.years]
    if not years:
        return None
    most = year_ticks_that_fit(style)
    first, last = min(years), max(years)
    pad = max((last - first) * 0.08, 0.6)
    ticks = None
    if last - first < 10:  # few years: a tick on each that fits
        step = next(step for step in (1, 2, 5, 10) if (last - first) // step + 1 <= most)
        ticks = tuple(range(first, last + 1, step))
    return YearAxis(first - pad, last + pad, min(10, most), ticks)


def legend_place(entries: int, points: int) -> dict[str, Any]:
    """Where a line panel's legend goes: a few entries inside the panel (matplotlib's
    "best" place, unless the points are too many to search), more under it, where
    they hide no line and leave the panel its width."""
    if entries <= INSIDE_LEGEND_ENTRIES:
        return {"loc": "best" if points <= BEST_LEGEND_POINTS else "upper left"}
    return {"loc": "upper left", "bbox_to_anchor": (0.0, -0.14)}


@dataclass(frozen=True)
class BarLayout:
    """A bar panel's bars as fractions of its widest side, top to bottom, and its limits.

    Bars are drawn as fractions (no float of the data reaches matplotlib's
    arithmetic); ``light`` bars (estimates, derived figures) are hatched, as
    their markers are hollow in line panels; ``track`` draws a share on its whole.
    """

    widths: tuple[float, ...]
    rows: tuple[int, ...]
    light: tuple[bool, ...]
    track: bool
    xlim: tuple[float, float]
    ylim: tuple[float, float]


def bar_layout(panel: Panel) -> BarLayout:
    """Where each bar of ``panel`` ends, its row (the first entity on top) and the limits
    that leave room for the labels beyond the longest bar on each side."""
    bars = panel.bars
    negative = max((-bar.value for bar in bars if bar.value < 0), default=0.0)
    positive = max((bar.value for bar in bars if bar.value > 0), default=0.0)
    # Each side as a share of the larger (at most 1): no sum of two 1e308 overflows.
    largest = max(negative, positive, panel.full_scale or 0.0) or 1.0
    shares = max(negative / largest + positive / largest, 1.0)
    widths = tuple(bar.value / largest / shares for bar in bars)
    low = min(0.0, *widths)
    high = max(0.0, *widths)
    if panel.full_scale:
        high = max(high, 1.0)
    return BarLayout(
        widths=widths,
        rows=tuple(range(len(bars) - 1, -1, -1)),
        light=tuple(bar.status in ("estimate", "derived") for bar in bars),
        track=bool(panel.full_scale),
        xlim=(low - (0.3 if low < 0 else 0.0), high + 0.3),
        ylim=(-0.6, len(bars) - 0.4),
    )


def figure_size(panels: Sequence[Panel], foot_lines: int, style: ChartStyle) -> tuple[float, float]:
    """The figure's width and height in inches: the legend of marks above (line panels
    only), each panel's height, and a line of the foot for each of ``foot_lines``."""
    has_lines = any(not panel.is_bars for panel in panels)
    scale = style.text_size / 8
    top = (1.4 if has_lines else 0.9) * (scale if has_lines and style.marks_columns < 4 else 1)
    height = top + sum(panel_height(panel, style) for panel in panels)
    return style.width, height + 0.16 * scale * foot_lines
