"""Charts as PNG or SVG images, drawn with matplotlib (imported only when an image is made).

One panel per metric titled with the indicator's name and its unit, or one
indexed panel; markers for estimates (hollow), derived figures (half-filled)
and bounds (triangles, diamonds) with a legend; the source at the bottom.
Chinese text is drawn with a CJK font from :mod:`zgc_cli.present.charts.fonts`;
with none, the labels fall back to English and a warning says what to install.

What matplotlib would say on stderr is zgc's to say: its Python warnings and
its log records are caught while a chart is made and come back as zgc's
warnings (a character no font draws is named once), and a home where its
config and cache cannot be written gets a private temporary directory
(:func:`ensure_matplotlib_config_dir`) before matplotlib is imported. Data
text is plain text, never mathtext, and long names are shortened to fit.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import math
import os
import re
import shutil
import stat
import sys
import tempfile
import unicodedata
import warnings
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from zgc_cli.model.schema import FLAG_ORDER, QUALIFIER_MARKS, STATUS_MARKS
from zgc_cli.present.charts import fonts
from zgc_cli.present.charts.panels import (
    INDEX_BASE,
    Line,
    Panel,
    YAxis,
    flags_present,
    number_text,
    prepare,
    thin,
    y_axis,
)
from zgc_cli.present.charts.terminal import PlotDependencyError
from zgc_cli.present.i18n import Language, message
from zgc_cli.present.safe import visible

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
FIGURE_WIDTH = 8.0
IMAGE_COLUMNS = 1200  # pixels across at 150 dpi
# Columns (a CJK character is two) that fit the figure's width at each text's size: a
# longer text is shortened with an ellipsis, where it would squeeze the panels to nothing.
TITLE_COLUMNS = 68
LEGEND_COLUMNS = 32
INSIDE_LEGEND_ENTRIES = 4
FOOTER_COLUMNS = 150
# Beyond this many points, matplotlib's search for the "best" legend place takes seconds.
BEST_LEGEND_POINTS = 2000
_GLYPH_MISSING = re.compile(r"Glyph (\d+) .*missing from font")
# matplotlib's log lines that tell nothing a zgc user can act on.
_QUIET_LOGS = ("building the font cache",)
_CONFIG_DIR_PREFIX = "zgc-matplotlib-"


def _writable_dir(path: Path) -> bool:
    """Whether matplotlib could use ``path`` as it does: make it, then write in it."""
    try:
        path = path.resolve()
        path.mkdir(parents=True, exist_ok=True)
    except (OSError, RuntimeError):
        return False
    return path.is_dir() and os.access(path, os.W_OK)


def _default_matplotlib_dirs() -> list[Path] | None:
    """The config and cache directories matplotlib would use, or None if there is no home."""
    configured = os.environ.get("MPLCONFIGDIR")
    if configured:
        return [Path(configured)]
    try:
        if sys.platform.startswith(("linux", "freebsd")):
            config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
            cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
            return [Path(config, "matplotlib"), Path(cache, "matplotlib")]
        local = os.environ.get("LOCALAPPDATA") if sys.platform == "win32" else None
        return [Path(local, "matplotlib") if local else Path.home() / ".matplotlib"]
    except (RuntimeError, KeyError, OSError):  # no home: HOME unset and no passwd entry
        return None


def _private_dir(path: Path) -> bool:
    """Whether ``path`` is a real directory of this user's, closed to everyone else."""
    try:
        info = path.lstat()
    except OSError:
        return False
    owner_ok = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return stat.S_ISDIR(info.st_mode) and owner_ok and not info.st_mode & 0o077


def _temporary_config_dir() -> str:
    """This user's private zgc-matplotlib directory in the temp dir (kept: the font
    cache takes seconds to build), or a fresh one removed at exit when that is taken."""
    user = str(os.getuid()) if hasattr(os, "getuid") else (os.environ.get("USERNAME") or "user")
    shared = Path(tempfile.gettempdir()) / f"{_CONFIG_DIR_PREFIX}{user}"
    with contextlib.suppress(OSError):
        shared.mkdir(mode=0o700)
    if _private_dir(shared) and os.access(shared, os.W_OK):
        return str(shared)
    fresh = tempfile.mkdtemp(prefix=_CONFIG_DIR_PREFIX)
    atexit.register(shutil.rmtree, fresh, ignore_errors=True)
    return fresh


def ensure_matplotlib_config_dir() -> None:
    """Point MPLCONFIGDIR at a private temporary directory when matplotlib's is not writable.

    Must run before matplotlib is imported: matplotlib otherwise logs two lines
    on stderr (``mkdir -p failed``, ``created a temporary cache directory``)
    and rebuilds its font cache on every run.
    """
    if "matplotlib" in sys.modules:
        return
    directories = _default_matplotlib_dirs()
    if directories is not None and all(_writable_dir(path) for path in directories):
        return
    with contextlib.suppress(OSError):  # no temp dir either: matplotlib says so itself
        os.environ["MPLCONFIGDIR"] = _temporary_config_dir()


def _import_matplotlib() -> None:
    ensure_matplotlib_config_dir()
    try:
        import matplotlib  # noqa: F401
    except ImportError as error:
        raise PlotDependencyError(
            f"images need matplotlib, which is not installed: {fonts.FONT_INSTALL_HINT}"
        ) from error


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


class _Collected(logging.Handler):
    """Keeps matplotlib's log records (warnings and worse) for zgc to report."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.texts: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if not any(quiet in text for quiet in _QUIET_LOGS):
            self.texts.append(text)


@contextlib.contextmanager
def _matplotlib_speaks_through_zgc() -> Iterator[tuple[list[warnings.WarningMessage], _Collected]]:
    """Catch matplotlib's Python warnings and log records instead of letting them reach stderr."""
    logger = logging.getLogger("matplotlib")
    handler = _Collected()
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield caught, handler
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def _reported(
    caught: Sequence[warnings.WarningMessage],
    logged: Sequence[str],
    lang: Language,
    boxes_reported: bool,
) -> list[str]:
    """What matplotlib said, in zgc's words: one line for every character no font draws."""
    missing: dict[str, None] = {}
    others: dict[str, None] = {}
    for warning in caught:
        text = str(warning.message)
        glyph = _GLYPH_MISSING.search(text)
        if glyph:
            character = chr(int(glyph.group(1)))
            if not (boxes_reported and fonts.is_cjk(character)):
                missing[character] = None
        else:
            others[text] = None
    for text in logged:
        others[text] = None
    lines = []
    if missing:
        characters = ", ".join(f"{visible(c)} (U+{ord(c):04X})" for c in sorted(missing))
        lines.append(message("chart.no_glyph", lang, characters=characters))
    lines.extend("matplotlib: " + " ".join(visible(text).split()) for text in others)
    return lines


def _texts(panels: Sequence[Panel], lang: Language, source_line: str) -> list[str]:
    texts = [source_line, *(message("flag." + flag, lang) for flag in ("reported", *FLAG_ORDER))]
    for panel in panels:
        texts.append(panel.title)
        texts.extend(line.label(lang) for line in panel.lines)
        texts.extend(line.shown_entity for line in panel.lines)
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


def _draw_line(axes: Axes, line: Line, axis: YAxis, colour: str, indexed: bool) -> None:
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
    if len(line.years) > 12:
        return
    for year, value, position, qualifier, mark in zip(
        line.years, line.values, positions, line.qualifiers, line.marks, strict=True
    ):
        qualifier_mark = QUALIFIER_MARKS.get(qualifier, "")
        status_mark = mark.removeprefix(qualifier_mark)
        # An index of a bound is no bound itself: the shape still tells the figure was one.
        text = ("" if indexed else qualifier_mark) + number_text(value) + status_mark
        axes.annotate(
            text,
            (year, position),
            textcoords="offset points",
            xytext=(0, 7),
            ha="center",
            fontsize=8,
            color=colour,
        )


def _year_formatter(year: float, _position: object) -> str:
    return str(int(round(year)))


def _draw(panels: Sequence[Panel], lang: Language, source_line: str, notes: Sequence[str]) -> Any:
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    footer_lines = [_shorten(text, FOOTER_COLUMNS) for text in (*notes, source_line) if text]
    height = 1.4 + 2.8 * len(panels) + 0.16 * len(footer_lines)
    figure = Figure(figsize=(FIGURE_WIDTH, height), layout="constrained")
    axes_list = figure.subplots(len(panels), 1, sharex=True, squeeze=False)[:, 0]
    entities = list(dict.fromkeys(line.entity for panel in panels for line in panel.lines))
    points = sum(len(line.years) for panel in panels for line in panel.lines)
    for panel, axes in zip(panels, axes_list, strict=True):
        axis = y_axis([value for line in panel.lines for value in line.values], panel.indexed)
        handles: list[Line2D] = []
        labels: list[str] = []
        for n, line in enumerate(panel.lines):
            if panel.indexed:
                colour, label = f"C{n % 10}", line.label(lang)
            else:
                colour, label = f"C{entities.index(line.entity) % 10}", line.shown_entity
            _draw_line(axes, line, axis, colour, panel.indexed)
            if label:
                handles.append(Line2D([], [], color=colour, linewidth=1.8, marker="o"))
                labels.append(_shorten(label, LEGEND_COLUMNS, middle=True))
        if panel.indexed:
            base = axis.position(INDEX_BASE)
            axes.axhline(base, color="0.6", linewidth=0.8, linestyle=":", zorder=0)
        # Not bold: the CJK font has one weight, and asking for bold logs a findfont warning.
        axes.set_title(_shorten(panel.title, TITLE_COLUMNS), loc="left", fontsize=12)
        axes.grid(True, color="0.9", linewidth=0.8)
        axes.set_axisbelow(True)
        axes.spines[["top", "right"]].set_visible(False)
        axes.margins(x=0.08)
        # The values are drawn as positions on zgc's axis (0 at its first tick, 1 at its last).
        axes.set_ylim(-0.08, 1.12)
        axes.set_yticks(axis.positions(axis.ticks), list(axis.labels))
        if handles:
            # Explicit labels: an entity named "_x" is shown, not taken for a hidden artist.
            # A few fit inside the panel; more go to its right, where they hide no line.
            place: dict[str, Any] = (
                {"loc": "best" if points <= BEST_LEGEND_POINTS else "upper left"}
                if len(handles) <= INSIDE_LEGEND_ENTRIES
                else {"loc": "upper left", "bbox_to_anchor": (1.01, 1.0)}
            )
            axes.legend(handles=handles, labels=labels, fontsize=8, frameon=False, **place)
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        axes.xaxis.set_major_formatter(FuncFormatter(_year_formatter))
        # No axis spans years outside the data (±1): one year is not drawn on a century.
        # The panels share their x axis: the years are every panel's.
        years = [year for each in panels for line in each.lines for year in line.years]
        if years:
            first, last = min(years), max(years)
            pad = max((last - first) * 0.08, 0.6)
            axes.set_xlim(first - pad, last + pad)
            if last - first < 10:  # few years: a tick on each, never a fraction of one
                axes.set_xticks(list(range(first, last + 1)))
    figure.legend(
        handles=_mark_handles(flags_present(panels), lang),
        loc="outside upper center",
        ncols=4,
        fontsize=8,
        frameon=False,
    )
    if footer_lines:
        figure.supxlabel("\n".join(footer_lines), x=0.01, ha="left", fontsize=8, color="0.4")
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
            f"cannot write {visible(path.name)}: the image format comes from the file name, "
            f"which must end in {' or '.join(IMAGE_SUFFIXES)}"
        )
    source_line = visible(source_line)
    # Before matplotlib: a chart of too many series is refused at once.
    panels, notes = prepare(series, names, lang, indexed)
    warnings_out: list[str] = []
    with _matplotlib_speaks_through_zgc() as (caught, logged):
        _import_matplotlib()
        import matplotlib

        needed = fonts.cjk_characters(_texts(panels, lang, source_line) + notes)
        family = fonts.cjk_font_family(sorted(needed)) if needed else None
        boxes_reported = False
        if needed and family is None:
            if lang is Language.zh:
                warnings_out.append(
                    f"no Chinese font found; labels in English ({fonts.FONT_INSTALL_HINT})"
                )
                lang = Language.en
            panels, notes = prepare(series, names, lang, indexed, allow_cjk=False)
            if fonts.cjk_characters(_texts(panels, lang, source_line) + notes):
                boxes_reported = True
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
            figure = _draw(panels, lang, source_line, notes)
            figure.savefig(path, format=suffix[1:], dpi=150, metadata=metadata)
    warnings_out.extend(_reported(caught, logged.texts, lang, boxes_reported))
    return warnings_out
