"""Charts of series over the years: text for the terminal, PNG or SVG files.

Input is the frame of :func:`zgc_cli.stats.series_growth` (``metric``, ``entity``,
``year``, ``value``, ``unit``, ``status``, ``qualifier``; other columns are
ignored) and the indicators frame (``metric``, ``name_en``, ``name_zh``, ...).

Series of very different size (revenue in trillions of yuan, patents in
hundreds of thousands) never share a y axis in real units:

* by default each metric gets its own **panel**, with its own scale named in
  the panel title (``Total revenue (trillion CNY)``, ``总收入（万亿元）``), every
  entity of that metric a line in it, and all panels the same years on x;
* ``indexed=True`` puts every series in **one panel as an index**, its own
  first year = 100. A series whose first value is zero or negative cannot be
  indexed: it is left out with a note, and when no series is left the panels
  are drawn instead.

Points that are not plain reported figures carry the marks of the tables:
``*`` estimate, ``^`` derived by zgc, ``>`` more than, ``<~`` nearly, ``~``
about, ``<`` less than (in images: hollow, half-filled and triangle markers),
and a legend says what each mark present means.

plotext and matplotlib are imported only when a chart is drawn; a missing one
raises :class:`PlotDependencyError`, one line telling what to install.
"""

from __future__ import annotations

import math
import unicodedata
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from zgc_cli import fonts
from zgc_cli.marks import QUALIFIER_MARKS, STATUS_MARKS
from zgc_cli.stats import QUALIFIER_FLAGS, STATUS_FLAGS

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.lines import Line2D

INSTALL_HINT = fonts.FONT_INSTALL_HINT
IMAGE_SUFFIXES: tuple[str, ...] = (".png", ".svg")
INDEX_BASE = 100.0

# The marks and flag order of the tables: a chart reads like them.
FLAG_ORDER: tuple[str, ...] = (*STATUS_FLAGS, *QUALIFIER_FLAGS)
FLAG_LABELS: dict[str, dict[str, str]] = {
    "reported": {"en": "reported", "zh": "公布值"},
    "estimate": {"en": "estimate", "zh": "预计"},
    "derived": {"en": "derived by zgc", "zh": "zgc推算"},
    "more_than": {"en": "more than (a lower bound)", "zh": "超过（下限）"},
    "nearly": {"en": "nearly (just under)", "zh": "近（略低于）"},
    "about": {"en": "about", "zh": "约"},
    "less_than": {"en": "less than (an upper bound)", "zh": "不到（上限）"},
}
# Image markers: the shape tells the qualifier, the fill the status.
_QUALIFIER_SHAPES: dict[str, str] = {
    "more_than": "^",
    "less_than": "v",
    "nearly": "<",
    "about": "D",
}
_PLAIN_SHAPE = "o"

# Terminal: a symbol per series at its reported points (none of them a mark), a colour per series.
_SERIES_SYMBOLS = "ox+#@%&="
_TERMINAL_COLORS: tuple[int, ...] = (12, 9, 10, 13, 14, 11, 208, 39)
MIN_PANEL_HEIGHT = 10
MIN_WIDTH = 40

_SCALES: dict[str, tuple[tuple[float, str], ...]] = {
    "en": ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e4, "thousand")),
    "zh": ((1e12, "万亿"), (1e8, "亿"), (1e4, "万")),
}
_UNITS_ZH: dict[str, str] = {
    "CNY": "元",
    "yuan": "元",
    "persons": "人",
    "people": "人",
    "patents": "件",
    "firms": "家",
    "companies": "家",
    "models": "款",
}
_TEXT: dict[str, dict[str, str]] = {
    "series": {"en": "Series:", "zh": "系列："},
    "marks": {"en": "Marks:", "zh": "标记："},
    "index_title": {"en": "Index (first year = 100)", "zh": "指数（首年 = 100）"},
    "not_indexed": {
        "en": "not indexed: {series} starts at {value} in {year}; an index needs a positive "
        "first value",
        "zh": "未指数化：{series} 首值为 {value}（{year}年），指数需要正的首值",
    },
    "no_index": {
        "en": "no series can be indexed; shown in separate panels",
        "zh": "没有可指数化的系列，改为分栏显示",
    },
    "note": {"en": "Note: ", "zh": "注："},
}


class PlotDependencyError(ImportError):
    """plotext or matplotlib is not installed; the message says what to install."""


@dataclass(frozen=True)
class _Line:
    """One series as drawn: values already scaled or indexed."""

    metric: str
    entity: str
    name: str
    years: tuple[int, ...]
    values: tuple[float, ...]
    statuses: tuple[str, ...]
    qualifiers: tuple[str, ...]
    base_year: int | None = None

    @property
    def marks(self) -> tuple[str, ...]:
        """Each point's marks in table notation: ``>`` before, ``*`` after, '' when plain."""
        return tuple(
            QUALIFIER_MARKS.get(qualifier, "") + STATUS_MARKS.get(status, "")
            for status, qualifier in zip(self.statuses, self.qualifiers, strict=True)
        )

    def label(self, lang: str) -> str:
        text = f"{self.name} · {self.entity}"
        if self.base_year is None:
            return text
        base = f"{self.base_year} = 100"
        return f"{text}（{base}）" if lang == "zh" else f"{text} ({base})"


@dataclass(frozen=True)
class _Panel:
    title: str
    lines: tuple[_Line, ...]
    indexed: bool


# --- the shared preparation ---------------------------------------------------------------


def _text_column(frame: pd.DataFrame, name: str) -> pd.Series:
    if name not in frame.columns:
        return pd.Series([""] * len(frame), index=frame.index, dtype=object)
    return frame[name].astype(object).where(frame[name].notna(), "").astype(str)


def _clean(series: pd.DataFrame) -> pd.DataFrame:
    """Plain columns (no categories), finite values, in the frame's own series order."""
    frame = pd.DataFrame(
        {
            "metric": _text_column(series, "metric"),
            "entity": _text_column(series, "entity"),
            "year": pd.to_numeric(series["year"], errors="coerce"),
            "value": pd.to_numeric(series["value"], errors="coerce").astype("float64"),
            "unit": _text_column(series, "unit"),
            "status": _text_column(series, "status"),
            "qualifier": _text_column(series, "qualifier"),
        }
    )
    finite = frame["year"].notna() & frame["value"].map(math.isfinite)
    frame = frame[finite].copy()
    frame["year"] = frame["year"].astype("int64")
    if frame.empty:
        raise ValueError("nothing to plot: the series have no observations")
    return frame


def _groups(frame: pd.DataFrame) -> list[tuple[str, str, pd.DataFrame]]:
    """(metric, entity, rows sorted by year), in order of first appearance."""
    keys = list(dict.fromkeys(zip(frame["metric"], frame["entity"], strict=True)))
    grouped = frame.groupby(["metric", "entity"], sort=False)
    return [(m, e, grouped.get_group((m, e)).sort_values("year", kind="stable")) for m, e in keys]


def indicator_name(indicators: pd.DataFrame, metric: str, lang: str, allow_cjk: bool = True) -> str:
    """The indicator's name in ``lang``, else in the other language, else the metric id.

    With ``allow_cjk`` false a Chinese name is never returned (for images with no
    Chinese font).
    """
    if "metric" in indicators.columns:
        rows = indicators.loc[indicators["metric"].astype(str) == metric]
    else:
        rows = indicators.iloc[0:0]
    if not rows.empty:
        order = ("name_zh", "name_en") if lang == "zh" else ("name_en", "name_zh")
        for column in order:
            if column not in rows.columns:
                continue
            value = rows.iloc[0][column]
            text = "" if pd.isna(value) else str(value).strip()
            if text and (allow_cjk or not fonts.cjk_characters([text])):
                return text
    return metric


def _scale(max_abs: float, unit: str, lang: str) -> tuple[float, str]:
    """A divisor for a panel's values and the unit text it reads in: (1e12, 'trillion CNY')."""
    shown_unit = _UNITS_ZH.get(unit, unit) if lang == "zh" else unit
    if unit == "percent":
        return 1.0, "%"
    for divisor, word in _SCALES["zh" if lang == "zh" else "en"]:
        if max_abs >= divisor:
            if lang == "zh" and (not shown_unit or fonts.cjk_characters([shown_unit])):
                return divisor, word + shown_unit
            return divisor, f"{word} {shown_unit}".strip()
    return 1.0, shown_unit


def _titled(name: str, unit_text: str, lang: str) -> str:
    if not unit_text:
        return name
    return f"{name}（{unit_text}）" if lang == "zh" else f"{name} ({unit_text})"


def _number(value: float) -> str:
    """A short number for labels: 8.6, 26, 2.79, 8,600."""
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}"


def _line(
    metric: str,
    entity: str,
    name: str,
    rows: pd.DataFrame,
    values: Iterable[float],
    base_year: int | None = None,
) -> _Line:
    return _Line(
        metric=metric,
        entity=entity,
        name=name,
        years=tuple(int(year) for year in rows["year"]),
        values=tuple(float(value) for value in values),
        statuses=tuple(rows["status"]),
        qualifiers=tuple(rows["qualifier"]),
        base_year=base_year,
    )


def index_series(series: pd.DataFrame) -> tuple[pd.DataFrame, list[tuple[str, str, int, float]]]:
    """Each series as an index of its first year = 100.

    Returns the cleaned rows with an ``index`` column, and the series that
    cannot be indexed (first value zero or negative) as (metric, entity, year,
    value), left out of the rows.
    """
    frame = _clean(series)
    by_year = frame.sort_values("year", kind="stable")
    first = by_year.groupby(["metric", "entity"], sort=False)[["year", "value"]].transform("first")
    first = first.reindex(frame.index)
    indexable = first["value"] > 0
    starts = frame.loc[~indexable & (frame["year"] == first["year"])]
    skipped = [
        (str(metric), str(entity), int(year), float(value))
        for metric, entity, year, value in zip(
            starts["metric"], starts["entity"], starts["year"], starts["value"], strict=True
        )
    ]
    result = frame.loc[indexable].copy()
    result["index"] = result["value"] / first.loc[indexable, "value"] * INDEX_BASE
    return result.reset_index(drop=True), skipped


def _metric_panels(
    frame: pd.DataFrame, indicators: pd.DataFrame, lang: str, allow_cjk: bool
) -> list[_Panel]:
    panels: list[_Panel] = []
    for metric in dict.fromkeys(frame["metric"]):
        rows = frame[frame["metric"] == metric]
        units = [unit for unit in dict.fromkeys(rows["unit"]) if unit]
        unit = units[0] if len(units) == 1 else " / ".join(units)
        divisor, unit_text = _scale(float(rows["value"].abs().max()), unit, lang)
        name = indicator_name(indicators, metric, lang, allow_cjk)
        lines = tuple(
            _line(metric, entity, name, group, group["value"] / divisor)
            for metric_id, entity, group in _groups(rows)
            if metric_id == metric
        )
        panels.append(_Panel(title=_titled(name, unit_text, lang), lines=lines, indexed=False))
    return panels


def _prepare(
    series: pd.DataFrame, indicators: pd.DataFrame, lang: str, indexed: bool, allow_cjk: bool = True
) -> tuple[list[_Panel], list[str]]:
    """The panels to draw and the notes that go with them."""
    lang = "zh" if lang == "zh" else "en"
    frame = _clean(series)
    if not indexed:
        return _metric_panels(frame, indicators, lang, allow_cjk), []
    rows, skipped = index_series(frame)
    notes = [
        _TEXT["not_indexed"][lang].format(
            series=f"{indicator_name(indicators, metric, lang, allow_cjk)} · {entity}",
            value=_number(value),
            year=year,
        )
        for metric, entity, year, value in skipped
    ]
    if rows.empty:
        notes.append(_TEXT["no_index"][lang])
        return _metric_panels(frame, indicators, lang, allow_cjk), notes
    lines = tuple(
        _line(
            metric,
            entity,
            indicator_name(indicators, metric, lang, allow_cjk),
            group,
            group["index"],
            base_year=int(group["year"].iloc[0]),
        )
        for metric, entity, group in _groups(rows)
    )
    return [_Panel(title=_TEXT["index_title"][lang], lines=lines, indexed=True)], notes


def _flags_present(panels: Sequence[_Panel]) -> list[str]:
    present = {
        flag
        for panel in panels
        for line in panel.lines
        for flag in (*line.statuses, *line.qualifiers)
    }
    return [flag for flag in FLAG_ORDER if flag in present]


def _nice_step(span: float, count: int) -> float:
    raw = span / max(count, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def _nice_ticks(low: float, high: float, count: int = 4) -> list[float]:
    """Round tick positions covering [low, high]; a flat range is widened around its value."""
    if high - low <= abs(high) * 1e-9:
        pad = abs(high) * 0.1 or 1.0
        low, high = low - pad, high + pad
    step = _nice_step(high - low, count)
    start = math.floor(low / step + 1e-9) * step
    stop = math.ceil(high / step - 1e-9) * step
    ticks = [start + step * n for n in range(int(round((stop - start) / step)) + 1)]
    return [round(tick, 10) for tick in ticks]


def _tick_text(tick: float, step: float) -> str:
    """A tick label with just the decimals its step needs: 2.5 → 1 decimal, 20 → none."""
    decimals = next(
        (d for d in range(7) if abs(step * 10**d - round(step * 10**d)) < 1e-6 * 10**d), 6
    )
    return f"{tick:,.{decimals}f}"


# --- the terminal ------------------------------------------------------------------------------


def _import_plotext() -> Any:
    try:
        import plotext
    except ImportError as error:
        raise PlotDependencyError(
            f"terminal charts need plotext, which is not installed: {INSTALL_HINT}"
        ) from error
    return plotext


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


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
    for candidate in (1, 2, 5, 10, 20, 50, 100):
        step = candidate
        if span // candidate + 1 <= fits:
            break
    start = first + (-first) % step if span >= step else first
    ticks = list(range(start, last + 1, step)) or [first]
    return ticks


def _terminal_panel(
    plotext: Any,
    panel: _Panel,
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
    figure.title(panel.title)
    values = [value for line in panel.lines for value in line.values]
    ticks = _nice_ticks(min(values), max(values))
    if panel.indexed and INDEX_BASE not in ticks and ticks[0] < INDEX_BASE < ticks[-1]:
        ticks = sorted({*ticks, INDEX_BASE})
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1.0
    for line in panel.lines:
        symbol, colour = styles[(line.metric, line.entity)]
        pixel = colour if color else None
        path = figure.signal(
            list(line.years), list(line.values), marker=plotext.marker("braille", pixel=pixel)
        )
        path.lines()
        figure.draw(path)
        markers = [
            plotext.marker(plotext.colorize(mark, pixel))
            if len(mark) > 1
            else plotext.marker(mark or symbol, pixel=pixel)
            for mark in line.marks
        ]
        figure.draw(figure.signal(list(line.years), list(line.values), marker=markers))
    first, last = years
    pad = max((last - first) * 0.05, 0.5)
    label_width = max(_display_width(_tick_text(tick, step)) for tick in ticks)
    year_ticks = _year_ticks(first, last, width - label_width - 2)
    figure.ruler("x").lim(first - pad, last + pad)
    figure.ruler("x").ticks(year_ticks, [str(year) for year in year_ticks])
    figure.ruler("y").lim(ticks[0], ticks[-1])
    figure.ruler("y").ticks(ticks, [_tick_text(tick, step) for tick in ticks])
    matrix = figure.build()
    text = str(matrix.string(colorless=not color))
    figure.clear()
    return "\n".join(row.rstrip() for row in text.splitlines() if row.strip())


def terminal_chart(
    series: pd.DataFrame,
    indicators: pd.DataFrame,
    lang: str,
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
        series: rows of :func:`zgc_cli.stats.series_growth`.
        indicators: the indicator metadata; names come from it, else metric ids.
        lang: ``en`` or ``zh``, for titles, units and legends.
        width: columns of the chart (at least 40 are used).
        height: rows for the whole chart; each panel gets at least 10.
        indexed: one panel with every series indexed to its first year = 100.
        color: ANSI colours; without, the text has no escape codes at all.

    Raises:
        PlotDependencyError: plotext is not installed.
        ValueError: the series have no observations.
    """
    plotext = _import_plotext()
    lang = "zh" if lang == "zh" else "en"
    width = max(width, MIN_WIDTH)
    panels, notes = _prepare(series, indicators, lang, indexed)
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
    indent = max(_display_width(_TEXT[key][lang]) for key in ("series", "marks"))
    legend = _legend_rows(_TEXT["series"][lang], series_entries, width, indent)
    flags = _flags_present(panels)
    if flags:
        mark_entries = [
            (QUALIFIER_MARKS.get(flag, STATUS_MARKS.get(flag, "")), FLAG_LABELS[flag][lang], None)
            for flag in flags
        ]
        legend += _legend_rows(_TEXT["marks"][lang], mark_entries, width, indent)
    footer = legend + [_TEXT["note"][lang] + note for note in notes]
    panel_height = max(MIN_PANEL_HEIGHT, (height - len(footer)) // len(panels))
    blocks = [
        _terminal_panel(
            plotext, panel, styles, (min(all_years), max(all_years)), width, panel_height, color
        )
        for panel in panels
    ]
    return "\n".join([*blocks, *footer]) + "\n"


# --- images ------------------------------------------------------------------------------------


def _import_matplotlib() -> None:
    try:
        import matplotlib  # noqa: F401
    except ImportError as error:
        raise PlotDependencyError(
            f"images need matplotlib, which is not installed: {INSTALL_HINT}"
        ) from error


def _texts(panels: Sequence[_Panel], lang: str, source_line: str) -> list[str]:
    texts = [source_line, *(FLAG_LABELS[flag][lang] for flag in ("reported", *FLAG_ORDER))]
    for panel in panels:
        texts.append(panel.title)
        texts.extend(line.label(lang) for line in panel.lines)
        texts.extend(line.entity for line in panel.lines)
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


def _mark_handles(flags: Sequence[str], lang: str) -> list[Line2D]:
    from matplotlib.lines import Line2D

    grey = "0.35"
    handles = [
        Line2D(
            [],
            [],
            label=FLAG_LABELS["reported"][lang],
            **{**_point_style("", "", grey), "linestyle": "-"},
        )
    ]
    for flag in flags:
        status = flag if flag in STATUS_MARKS else ""
        qualifier = flag if flag in QUALIFIER_MARKS else ""
        style = _point_style(status, qualifier, grey)
        if status:
            style["linestyle"] = "--"  # lines to and from such a point are dashed too
        handles.append(Line2D([], [], label=FLAG_LABELS[flag][lang], **style))
    return handles


def _draw_line(axes: Axes, line: _Line, colour: str, label: str, indexed: bool) -> None:
    from matplotlib.lines import Line2D

    plain = ("", "reported")
    for n in range(len(line.years) - 1):
        dashed = line.statuses[n] not in plain or line.statuses[n + 1] not in plain
        axes.plot(
            line.years[n : n + 2],
            line.values[n : n + 2],
            color=colour,
            linewidth=1.8,
            linestyle="--" if dashed else "-",
        )
    for year, value, status, qualifier, mark in zip(
        line.years, line.values, line.statuses, line.qualifiers, line.marks, strict=True
    ):
        axes.plot([year], [value], **_point_style(status, qualifier, colour))
        if len(line.years) <= 12:
            qualifier_mark = QUALIFIER_MARKS.get(qualifier, "")
            status_mark = mark.removeprefix(qualifier_mark)
            # An index of a bound is no bound itself: the shape still tells the figure was one.
            text = ("" if indexed else qualifier_mark) + _number(value) + status_mark
            axes.annotate(
                text,
                (year, value),
                textcoords="offset points",
                xytext=(0, 7),
                ha="center",
                fontsize=8,
                color=colour,
            )
    axes.add_line(Line2D([], [], color=colour, linewidth=1.8, marker="o", label=label))


def _draw(panels: Sequence[_Panel], lang: str, source_line: str, notes: Sequence[str]) -> Any:
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=(8.0, 1.4 + 2.8 * len(panels)), layout="constrained")
    axes_list = figure.subplots(len(panels), 1, sharex=True, squeeze=False)[:, 0]
    entities = list(dict.fromkeys(line.entity for panel in panels for line in panel.lines))
    for panel, axes in zip(panels, axes_list, strict=True):
        for n, line in enumerate(panel.lines):
            if panel.indexed:
                colour, label = f"C{n % 10}", line.label(lang)
            else:
                colour, label = f"C{entities.index(line.entity) % 10}", line.entity
            _draw_line(axes, line, colour, label, panel.indexed)
        if panel.indexed:
            axes.axhline(INDEX_BASE, color="0.6", linewidth=0.8, linestyle=":", zorder=0)
        # Not bold: the CJK font has one weight, and asking for bold logs a findfont warning.
        axes.set_title(panel.title, loc="left", fontsize=12)
        axes.grid(True, color="0.9", linewidth=0.8)
        axes.set_axisbelow(True)
        axes.spines[["top", "right"]].set_visible(False)
        axes.margins(x=0.08, y=0.18)
        axes.legend(loc="best", fontsize=8, frameon=False)
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    figure.legend(
        handles=_mark_handles(_flags_present(panels), lang),
        loc="outside upper center",
        ncols=4,
        fontsize=8,
        frameon=False,
    )
    footer = "\n".join([*notes, source_line]).strip()
    if footer:
        figure.supxlabel(footer, x=0.01, ha="left", fontsize=8, color="0.4")
    return figure


def write_image(
    series: pd.DataFrame,
    indicators: pd.DataFrame,
    lang: str,
    path: Path,
    indexed: bool,
    source_line: str,
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
        raise ValueError(
            f"cannot write {path.name}: the image format comes from the file name, "
            f"which must end in {' or '.join(IMAGE_SUFFIXES)}"
        )
    _import_matplotlib()
    import matplotlib

    lang = "zh" if lang == "zh" else "en"
    warnings_out: list[str] = []
    panels, notes = _prepare(series, indicators, lang, indexed)
    needed = fonts.cjk_characters(_texts(panels, lang, source_line) + notes)
    family = fonts.cjk_font_family(sorted(needed)) if needed else None
    if needed and family is None:
        if lang == "zh":
            warnings_out.append(
                f"no Chinese font found; labels in English ({fonts.FONT_INSTALL_HINT})"
            )
            lang = "en"
        panels, notes = _prepare(series, indicators, lang, indexed, allow_cjk=False)
        if fonts.cjk_characters(_texts(panels, lang, source_line) + notes):
            warnings_out.append(
                "no Chinese font found; Chinese characters in the chart show as boxes "
                f"({fonts.FONT_INSTALL_HINT})"
            )
    warnings_out.extend(notes)
    families = ["DejaVu Sans", family] if family else ["DejaVu Sans"]
    title = " · ".join(panel.title for panel in panels)
    metadata: dict[str, Any] = {"Title": title}
    if suffix == ".svg":
        metadata["Date"] = None
    # Text as paths: the SVG shows the same glyphs on a machine with no CJK font.
    settings = {"font.family": families, "svg.fonttype": "path", "svg.hashsalt": "zgc"}
    with matplotlib.rc_context(settings), warnings.catch_warnings():  # type: ignore[arg-type]
        if needed and family is None:
            warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from font")
        figure = _draw(panels, lang, source_line, notes)
        figure.savefig(path, format=suffix[1:], dpi=150, metadata=metadata)
    return warnings_out
