"""Charts of series: ``panels`` decides what to show, ``terminal`` and ``image`` draw it.

plotext and matplotlib are imported only when a chart is drawn; a missing one
is a :class:`ChartError` telling what to install.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from zgc_cli.present.safe import visible
from zgc_cli.words import Language, message, said

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

    marked = dataclasses.replace(result, frame=_with_revisions(result.frame, result))
    try:
        chart = terminal_chart(
            _named(marked, lang),
            result.names,
            lang,
            width=width,
            height=height,
            indexed=_named_indexing(indexed, result, lang),
            color=color,
            spans=_named_frame(result.spans, result, lang),
            footnotes=revision_notes(result, lang),
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

    marked = dataclasses.replace(result, frame=_with_revisions(result.frame, result))
    if indexed is not None:
        indexed = dataclasses.replace(indexed, frame=_with_revisions(indexed.frame, result))
    try:
        return draw_image(
            _named(marked, lang),
            result.names,
            lang,
            path,
            _named_indexing(indexed, marked, lang),
            source_line(publication, lang),
            spans=_named_frame(result.spans, result, lang),
            footnotes=revision_notes(result, lang),
        )
    except (PlotDependencyError, ValueError) as error:
        raise ChartError(said(error)) from None


def _with_revisions(frame: pd.DataFrame, result: SeriesResult) -> pd.DataFrame:
    """``frame`` with a ``revised`` column: the figures a later publication replaced (the
    tables' †), by the ids of their series, before entities are named."""
    if frame.empty or result.vintages is None or result.vintages.empty:
        return frame
    replaced = {
        (str(metric), str(entity), int(year))
        for metric, entity, year in zip(
            result.vintages["metric"],
            result.vintages["entity"],
            result.vintages["year"],
            strict=True,
        )
    }
    keys = zip(frame["metric"].astype(str), frame["entity"].astype(str), frame["year"], strict=True)
    return frame.assign(revised=[(m, e, int(y)) in replaced for m, e, y in keys])


def revision_notes(result: SeriesResult, lang: Language) -> list[str]:
    """The foot of a chart's marks as the tables explain them: a line for each figure a
    later publication replaced (``† 2023: revised from …``) and each change that joins
    figures of different scope (``‡ 2023: …``), series by series."""
    from zgc_cli.present.views.common import series_label
    from zgc_cli.present.views.vintages import MARK, SCOPE_MARK, revised_from, scope_differs

    frame = result.frame
    if frame.empty:
        return []
    earlier = {}
    if result.vintages is not None and not result.vintages.empty:
        earlier = {
            (str(row["metric"]), str(row["entity"]), int(row["year"])): row
            for row in result.vintages.to_dict("records")
        }
    several = len(frame[["metric", "entity"]].drop_duplicates()) > 1
    lines: list[str] = []
    for row in frame.to_dict("records"):
        metric, entity, year = str(row["metric"]), str(row["entity"]), int(row["year"])
        what = (
            message(
                "vintages.series_year",
                lang,
                name=series_label(metric, entity, result.names, result.entity_names, lang),
                year=year,
            )
            if several
            else message("vintages.year", lang, year=year)
        )
        vintage = earlier.get((metric, entity, year))
        if vintage is not None:
            text = revised_from(vintage, lang)
            lines.append(message("vintages.note_line", lang, mark=MARK, what=what, text=text))
        previous = row.get("previous_year")
        if scope_differs(row) and previous is not None and previous == previous:  # not NaN
            lines.append(
                message(
                    "vintages.scope_series",
                    lang,
                    mark=SCOPE_MARK,
                    year=year,
                    previous=int(previous),
                    command=f"zgc source {metric}",
                )
            )
    return [visible(line) for line in lines]


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
        # The report's tables carry † and ‡ with their notes, beside each chart.
        frame = result.frame.drop(columns=["scope_differs"], errors="ignore")
        panels_in = prepare_each(frame, result.names, names, spans=result.spans)
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
