"""Charts of series: ``panels`` decides what to show, ``terminal`` and ``image`` draw it.

plotext and matplotlib are imported only when a chart is drawn; a missing one
is a :class:`ChartError` telling what to install.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from zgc_cli.present.i18n import Language, message
from zgc_cli.present.safe import visible

if TYPE_CHECKING:
    import pandas as pd

    from zgc_cli.model.dataset import Publication
    from zgc_cli.stats.results import SeriesResult


class ChartError(Exception):
    """A chart cannot be drawn: nothing to plot, too many series, a wrong name, no library.

    Its message is one line, for stderr.
    """


def draw_terminal(
    result: SeriesResult, lang: Language, width: int, height: int, indexed: bool, color: bool
) -> str:
    """The series as a text chart, ending in a newline."""
    from zgc_cli.present.charts.terminal import PlotDependencyError, terminal_chart

    try:
        chart = terminal_chart(
            _named(result, lang),
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


def _named(result: SeriesResult, lang: Language) -> pd.DataFrame:
    """The series with each entity id replaced by its name in the language (legends read names)."""
    from zgc_cli.present.views.common import entity_label

    if not result.entity_names:
        return result.frame
    labels = {
        str(entity): entity_label(entity, result.entity_names, lang)
        for entity in result.frame["entity"].astype(str).unique()
    }
    return result.frame.assign(entity=result.frame["entity"].astype(str).map(labels))


def source_line(publication: Publication | None, lang: Language) -> str:
    """``Source: publisher, date`` for the foot of an image, or ''."""
    if publication is None:
        return ""
    parts = (publication.publisher, publication.date)
    return message("source.source", lang) + ", ".join(visible(part) for part in parts if part)


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
            _named(result, lang), result.names, lang, path, indexed, source_line(publication, lang)
        )
    except (PlotDependencyError, ValueError) as error:
        raise ChartError(str(error)) from None
