"""Charts of series: ``panels`` decides what to show, ``terminal`` and ``image`` draw it.

plotext and matplotlib are imported only when a chart is drawn; a missing one
is a :class:`ChartError` telling what to install.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from zgc_cli.phrases import said
from zgc_cli.present.i18n import Language, message
from zgc_cli.present.safe import visible

if TYPE_CHECKING:
    from collections.abc import Sequence

    import pandas as pd

    from zgc_cli.model.dataset import Publication
    from zgc_cli.present.charts.shapes import Panel
    from zgc_cli.stats.indexing import Indexing, IndexingError
    from zgc_cli.stats.results import SeriesResult


class ChartError(Exception):
    """A chart cannot be drawn: nothing to plot, too many series, a wrong name, no library.

    Its message is one line, for stderr: a phrase stays one (``str()`` of the
    error would keep only its English).
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def draw_terminal(
    result: SeriesResult,
    lang: Language,
    width: int,
    height: int,
    indexed: Indexing | None,
    color: bool,
) -> str:
    """The series as a text chart, ending in a newline; ``indexed``: one panel of indexes."""
    from zgc_cli.present.charts.terminal import PlotDependencyError, terminal_chart

    try:
        chart = terminal_chart(
            _named(result, lang),
            result.names,
            lang,
            width=width,
            height=height,
            indexed=_named_indexing(indexed, result, lang),
            color=color,
            spans=_named_frame(result.spans, result, lang),
        )
    except (PlotDependencyError, ValueError) as error:
        raise ChartError(said(error)) from None
    return chart if chart.endswith("\n") else chart + "\n"


def _named_frame(frame: pd.DataFrame, result: SeriesResult, lang: Language) -> pd.DataFrame:
    """``frame`` with each entity id replaced by its name in the language (legends read names)."""
    from zgc_cli.present.views.common import entity_label

    if not result.entity_names or frame.empty:
        return frame
    labels = {
        str(entity): entity_label(entity, result.entity_names, lang)
        for entity in frame["entity"].astype(str).unique()
    }
    return frame.assign(entity=frame["entity"].astype(str).map(labels))


def _named(result: SeriesResult, lang: Language) -> pd.DataFrame:
    return _named_frame(result.frame, result, lang)


def _named_indexing(
    indexing: Indexing | None, result: SeriesResult, lang: Language
) -> Indexing | None:
    if indexing is None:
        return None
    return dataclasses.replace(
        indexing,
        frame=_named_frame(indexing.frame, result, lang),
        skipped=_named_frame(indexing.skipped, result, lang),
    )


def index_error_text(error: IndexingError, result: SeriesResult, lang: Language) -> str:
    """The one line that says why the series cannot share a base year, and what to try."""
    from zgc_cli.present.charts.shapes import name_for
    from zgc_cli.present.views.common import entity_label
    from zgc_cli.stats.indexing import NoBaseYearError, NoCommonBaseError

    def each(series_years: list[tuple[str, str, list[int]]]) -> str:
        return message("label.list_separator", lang).join(
            message(
                "chart.series_years",
                lang,
                series=f"{name_for(result.names, metric, lang)} · "
                f"{visible(entity_label(entity, result.entity_names, lang))}",
                years=", ".join(str(year) for year in years),
            )
            for metric, entity, years in series_years
        )

    if isinstance(error, NoCommonBaseError):
        hint = (
            message("chart.tolerance_hint", lang, tolerance=error.suggested_tolerance)
            if error.suggested_tolerance is not None
            else ""
        )
        # Each series' own years: all the years together read like the years they share.
        return message("chart.no_common_base", lang, series=each(error.by_series), hint=hint)
    if isinstance(error, NoBaseYearError):
        series = each(error.missing)
        within = (
            message("chart.near_year", lang, tolerance=error.tolerance, year=error.base_year)
            if error.tolerance
            else message("chart.in_year", lang, year=error.base_year)
        )
        return message("chart.no_base_year", lang, within=within, series=series)
    return visible(str(error))


def source_line(publication: Publication | Sequence[Publication] | None, lang: Language) -> str:
    """``Source: publisher, date`` (one line each) for the foot of an image, or ''."""
    if publication is None:
        return ""
    from zgc_cli.present.views.passages import citation_in

    publications: list[Publication] = (
        list(publication) if isinstance(publication, list | tuple) else [publication]  # type: ignore[list-item]
    )
    if not publications:
        return ""
    texts = [
        ", ".join(visible(part) for part in (citation_in(one.publisher, lang), one.date) if part)
        for one in publications
    ]
    # One publication a line: a chart's foot is as wide as the chart, no wider.
    return message("source.source", lang) + "\n".join(texts)


def write_image(
    result: SeriesResult,
    lang: Language,
    path: Path,
    indexed: Indexing | None,
    publication: Publication | Sequence[Publication] | None,
) -> list[str]:
    """Write the chart as PNG or SVG; returns warnings for stderr."""
    from zgc_cli.present.charts.image import write_image as draw_image
    from zgc_cli.present.charts.terminal import PlotDependencyError

    try:
        return draw_image(
            _named(result, lang),
            result.names,
            lang,
            path,
            _named_indexing(indexed, result, lang),
            source_line(publication, lang),
            spans=_named_frame(result.spans, result, lang),
        )
    except (PlotDependencyError, ValueError) as error:
        raise ChartError(said(error)) from None


def report_svgs(
    result: SeriesResult,
    languages: Sequence[Language],
    publication: Publication | Sequence[Publication] | None,
) -> tuple[dict[Language, str], list[str]]:
    """The chart of ``result`` as an SVG in each language, drawn once for all of them
    at a phone's width, its text kept as text; and warnings for stderr.

    Where the languages' texts cannot be paired, or no font draws the Chinese, each
    language is drawn on its own (as ``zgc plot -o chart.svg`` would, at that width).
    """
    from zgc_cli.present.charts import fonts
    from zgc_cli.present.charts.matplotlib_env import (
        import_matplotlib,
        matplotlib_speaks_through_zgc,
        reported,
    )
    from zgc_cli.present.charts.panels import prepare_each
    from zgc_cli.present.charts.style import PHONE
    from zgc_cli.present.charts.svg import bilingual_svgs
    from zgc_cli.present.charts.terminal import PlotDependencyError
    from zgc_cli.present.charts.texts import chart_texts
    from zgc_cli.present.views.common import entity_label

    entities = [str(entity) for entity in result.frame["entity"].astype(str).unique()]
    if not result.spans.empty:
        entities += [str(entity) for entity in result.spans["entity"].astype(str).unique()]
    names = {
        lang: {entity: entity_label(entity, result.entity_names, lang) for entity in entities}
        if result.entity_names
        else {}
        for lang in languages
    }
    drawings: dict[Language, tuple[Sequence[Panel], str, list[str]]] = {}
    try:
        panels_in = prepare_each(result.frame, result.names, names, spans=result.spans)
    except ValueError as error:
        raise ChartError(said(error)) from None
    for lang in languages:
        source = "\n".join(visible(line) for line in source_line(publication, lang).split("\n"))
        drawings[lang] = (panels_in[lang], source, [])
    warnings_out: list[str] = []
    svgs: dict[Language, str] | None = None
    with matplotlib_speaks_through_zgc() as (caught, logged):
        try:
            import_matplotlib()
        except PlotDependencyError as error:
            raise ChartError(said(error)) from None
        needed = fonts.cjk_characters(
            text
            for lang, (panels, source, notes) in drawings.items()
            for text in [*chart_texts(panels, lang, source), *notes]
        )
        family = fonts.cjk_font_family(sorted(needed)) if needed else None
        if not needed or family is not None:
            svgs = bilingual_svgs(drawings, family, PHONE)
    warnings_out.extend(reported(caught, logged.texts, languages[0], False))
    if svgs is None:  # each language on its own, as `zgc plot` draws it
        svgs = {}
        for lang in languages:
            svgs[lang], drawn = _one_svg(result, lang, publication)
            warnings_out.extend(text for text in drawn if text not in warnings_out)
    return svgs, warnings_out


def _one_svg(
    result: SeriesResult,
    lang: Language,
    publication: Publication | Sequence[Publication] | None,
) -> tuple[str, list[str]]:
    import tempfile

    with tempfile.TemporaryDirectory(prefix="zgc-report-") as directory:
        path = Path(directory) / "chart.svg"
        warnings = write_image(result, lang, path, None, publication)
        return path.read_text(encoding="utf-8"), warnings
