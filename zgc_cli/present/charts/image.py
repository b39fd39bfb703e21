"""Charts as PNG or SVG images, drawn with matplotlib (imported only when an image is made).

One panel per metric titled with the indicator's name and its unit, or one
indexed panel; markers for estimates (hollow), derived figures (half-filled)
and bounds (triangles, diamonds) with a legend; the source at the bottom.
Chinese text is drawn with a CJK font from :mod:`zgc_cli.present.charts.fonts`;
with none, the labels fall back to English and a warning says what to install.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from zgc_cli.model.schema import FLAG_ORDER, QUALIFIER_MARKS, STATUS_MARKS
from zgc_cli.present.charts import fonts
from zgc_cli.present.charts.panels import INDEX_BASE, Line, Panel, flags_present, prepare
from zgc_cli.present.charts.terminal import PlotDependencyError
from zgc_cli.present.i18n import Language, message
from zgc_cli.present.numbers import chart_label

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.lines import Line2D

IMAGE_SUFFIXES: tuple[str, ...] = (".png", ".svg")
# Image markers: the shape tells the qualifier, the fill the status.
_QUALIFIER_SHAPES: dict[str, str] = {
    "more_than": "^",
    "less_than": "v",
    "nearly": "<",
    "about": "D",
}
_PLAIN_SHAPE = "o"


def _import_matplotlib() -> None:
    try:
        import matplotlib  # noqa: F401
    except ImportError as error:
        raise PlotDependencyError(
            f"images need matplotlib, which is not installed: {fonts.FONT_INSTALL_HINT}"
        ) from error


def _texts(panels: Sequence[Panel], lang: Language, source_line: str) -> list[str]:
    texts = [source_line, *(message("flag." + flag, lang) for flag in ("reported", *FLAG_ORDER))]
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
        status = flag if flag in STATUS_MARKS else ""
        qualifier = flag if flag in QUALIFIER_MARKS else ""
        style = _point_style(status, qualifier, grey)
        if status:
            style["linestyle"] = "--"  # lines to and from such a point are dashed too
        handles.append(Line2D([], [], label=message("flag." + flag, lang), **style))
    return handles


def _draw_line(axes: Axes, line: Line, colour: str, label: str, indexed: bool) -> None:
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
            text = ("" if indexed else qualifier_mark) + chart_label(value) + status_mark
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


def _draw(panels: Sequence[Panel], lang: Language, source_line: str, notes: Sequence[str]) -> Any:
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
        handles=_mark_handles(flags_present(panels), lang),
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
    names: Mapping[str, Mapping[str, str]],
    lang: Language,
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

    warnings_out: list[str] = []
    panels, notes = prepare(series, names, lang, indexed)
    needed = fonts.cjk_characters(_texts(panels, lang, source_line) + notes)
    family = fonts.cjk_font_family(sorted(needed)) if needed else None
    if needed and family is None:
        if lang is Language.zh:
            warnings_out.append(
                f"no Chinese font found; labels in English ({fonts.FONT_INSTALL_HINT})"
            )
            lang = Language.en
        panels, notes = prepare(series, names, lang, indexed, allow_cjk=False)
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
