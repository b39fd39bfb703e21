"""Charts of series: ``panels`` decides what to show, ``terminal`` and ``image`` draw it.

plotext and matplotlib are imported only when a chart is drawn; a missing one
is a :class:`ChartError` telling what to install.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from zgc_cli.present.i18n import Language, message

if TYPE_CHECKING:
    from zgc_cli.model.dataset import Publication
    from zgc_cli.stats.results import SeriesResult


class ChartError(Exception):
    """A chart cannot be drawn: nothing to plot, a wrong file name, a missing library."""


def draw_terminal(
    result: SeriesResult, lang: Language, width: int, height: int, indexed: bool, color: bool
) -> str:
    """The series as a text chart, ending in a newline."""
    from zgc_cli.present.charts.terminal import PlotDependencyError, terminal_chart

    try:
        chart = terminal_chart(
            result.frame,
            result.names,
            lang,
            width=width,
            height=height,
            indexed=indexed,
            color=color,
        )
    except (PlotDependencyError, ValueError) as error:
        raise ChartError(str(error)) from None
    return chart if chart.endswith("\n") else chart + "\n"


def source_line(publication: Publication | None, lang: Language) -> str:
    """``Source: publisher, date`` for the foot of an image, or ''."""
    if publication is None:
        return ""
    parts = (publication.publisher, publication.date)
    return message("source.source", lang) + ", ".join(part for part in parts if part)


def write_image(
    result: SeriesResult,
    lang: Language,
    path: Path,
    indexed: bool,
    publication: Publication | None,
) -> list[str]:
    """Write the chart as PNG or SVG; returns warnings for stderr."""
    from zgc_cli.present.charts.image import write_image as draw_image
    from zgc_cli.present.charts.terminal import PlotDependencyError

    try:
        return draw_image(
            result.frame, result.names, lang, path, indexed, source_line(publication, lang)
        )
    except (PlotDependencyError, ValueError) as error:
        raise ChartError(str(error)) from None
