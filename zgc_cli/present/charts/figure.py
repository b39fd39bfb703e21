"""A chart's matplotlib figure: the panels drawn as :mod:`geometry` and :mod:`texts` decide.

matplotlib is imported inside the functions (only when an image is made). The
values are drawn as positions on zgc's own axis (:mod:`zgc_cli.present.charts.axis`),
never as raw floats; point labels are separated afterwards
(:mod:`zgc_cli.present.charts.labels`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from zgc_cli.model.schema import QUALIFIER_MARKS, STATUS_MARKS
from zgc_cli.present.charts.axis import INDEX_BASE, YAxis, thin, y_axis
from zgc_cli.present.charts.geometry import (
    bar_layout,
    entity_colours,
    figure_size,
    legend_place,
    panel_height,
    point_style,
    segments,
    year_axis,
    year_label,
)
from zgc_cli.present.charts.labels import LABEL_PLACES, separate_labels
from zgc_cli.present.charts.shapes import Line, Panel, flags_present
from zgc_cli.present.charts.style import DEFAULT_STYLE, IMAGE_COLUMNS, ChartStyle
from zgc_cli.present.charts.texts import bar_names, footer_lines, legend_labels, panel_title
from zgc_cli.words import Language, message

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.lines import Line2D
    from matplotlib.text import Annotation


def _mark_handles(flags: Sequence[str], lang: Language) -> list[Line2D]:
    from matplotlib.lines import Line2D

    grey = "0.35"
    handles = [
        Line2D(
            [],
            [],
            label=message("flag.reported", lang),
            **{**point_style("", "", grey), "linestyle": "-"},
        )
    ]
    for flag in flags:
        if flag == "inferred_year":  # a mark in the text (2023?), said at the foot
            continue
        status = flag if flag in STATUS_MARKS else ""
        qualifier = flag if flag in QUALIFIER_MARKS else ""
        style = point_style(status, qualifier, grey)
        if status:
            style["linestyle"] = "--"  # lines to and from such a point are dashed too
        handles.append(Line2D([], [], label=message("flag." + flag, lang), **style))
    return handles


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
    for dashed, (xs, ys) in segments(years, shown, statuses).items():
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
        axes.plot(point_years, point_positions, **point_style(status, qualifier, colour))
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
    """One horizontal bar per entity from a zero line, labelled with its figure; returns
    labels. Where each bar ends and which are hatched: :func:`geometry.bar_layout`."""
    layout = bar_layout(panel)
    labels = []
    for bar, width, row, light in zip(
        panel.bars, layout.widths, layout.rows, layout.light, strict=True
    ):
        colour = colours[bar.entity]
        if layout.track and width >= 0:
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
    axes.set_xlim(*layout.xlim)
    axes.set_ylim(*layout.ylim)
    axes.set_yticks(list(layout.rows), bar_names(panel, lang, style))
    axes.tick_params(axis="y", length=0, labelsize=style.bar_size)
    axes.set_xticks([])
    axes.spines[["top", "right", "bottom", "left"]].set_visible(False)
    return labels


def _year_ticks(inferred: frozenset[int]) -> Callable[[float, object], str]:
    """A panel's formatter of year ticks, its own inferred years bound to it."""

    def formatter(year: float, _position: object) -> str:
        return year_label(year, inferred)

    return formatter


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

    foot = footer_lines(panels, lang, source_line, notes, style)
    heights = [panel_height(panel, style) for panel in panels]
    has_lines = any(not panel.is_bars for panel in panels)
    width, height = figure_size(panels, len(foot), style)
    figure = Figure(figsize=(width, height), layout="constrained", dpi=style.dpi)
    FigureCanvasAgg(figure)
    axes_list = figure.subplots(
        len(panels), 1, squeeze=False, gridspec_kw={"height_ratios": heights}
    )[:, 0]
    colours = entity_colours(panels)
    points = sum(len(line.years) for panel in panels for line in panel.lines)
    years = year_axis(panels, style)
    labels: list[Any] = []
    for panel, axes in zip(panels, axes_list, strict=True):
        # Not bold: the CJK font has one weight, and asking for bold logs a findfont warning.
        axes.set_title(panel_title(panel, style), loc="left", fontsize=style.title_size)
        if style.tick_size is not None:
            axes.tick_params(labelsize=style.tick_size)
        if panel.is_bars:
            # A bar's label sits at its end, one a row: bar labels never meet.
            _draw_bars(axes, panel, colours, lang, style)
            continue
        axis = y_axis(panel.values(), panel.indexed)
        handles: list[Line2D] = []
        entries = legend_labels(panel, lang, style)
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
            axes.legend(
                handles=handles,
                labels=entries,
                fontsize=style.text_size,
                frameon=False,
                **legend_place(len(handles), points),
            )
        if years is not None:
            axes.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=years.most))
            axes.xaxis.set_major_formatter(FuncFormatter(_year_ticks(panel.inferred_years)))
            axes.set_xlim(years.low, years.high)
            if years.ticks is not None:
                axes.set_xticks(list(years.ticks))
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
    if foot:
        figure.supxlabel("\n".join(foot), x=0.01, ha="left", fontsize=style.text_size, color="0.4")
    return figure, labels
