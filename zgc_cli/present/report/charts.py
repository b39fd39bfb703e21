"""The report's charts: inline SVG drawn by the same code as ``zgc plot``.

:func:`chart_svg` is the one call into :mod:`zgc_cli.present.charts`; the rest
makes its SVG fit inside an HTML page: no XML prologue, no comments (matplotlib
writes each label's text in one), ids made unique per chart (the page holds
many, in two languages), and a size the page's CSS decides.
"""

from __future__ import annotations

import html
import importlib.util
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from zgc_cli.present.report.langs import text_tag
from zgc_cli.stats.results import SeriesResult
from zgc_cli.words import Language, phrase

if TYPE_CHECKING:
    from zgc_cli.model.dataset import Publication

_PROLOGUE = re.compile(r"\A.*?(?=<svg\b)", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_METADATA = re.compile(r"<metadata>.*?</metadata>", re.DOTALL)
_ID = re.compile(r'\bid="([^"]+)"')
_REFERENCE = re.compile(r'(url\(#|href="#)([^)"]+)')
_SIZE = re.compile(r'(<svg\b[^>]*?)\s(?:width|height)="[^"]*"')
_TEXT = re.compile(r"(<text\b[^>]*)>([^<]*)")


def charts_available() -> bool:
    """Whether matplotlib (the ``plot`` extra) is installed."""
    return importlib.util.find_spec("matplotlib") is not None


def inline_svg(svg: str, prefix: str, label: str, lang: Language | None = None) -> str:
    """An SVG document as an element of an HTML page (see the module docstring).

    ``label`` is data text: it is escaped here, as the template escapes the rest.
    """
    from markupsafe import escape

    svg = _METADATA.sub("", _COMMENT.sub("", _PROLOGUE.sub("", svg, count=1)))
    ids = set(_ID.findall(svg))

    def prefixed(name: str) -> str:
        return f"{prefix}-{name}" if name in ids else name

    svg = _ID.sub(lambda match: f'id="{prefixed(match.group(1))}"', svg)
    svg = _REFERENCE.sub(lambda match: match.group(1) + prefixed(match.group(2)), svg)
    svg = _SIZE.sub(r"\1", _SIZE.sub(r"\1", svg, count=1), count=1)
    if lang is not None:  # a text in the other language says so (a Chinese source's name)

        def marked(found: re.Match[str]) -> str:
            tag = text_tag(html.unescape(found.group(2)), lang)
            attributes = found.group(1) + (f' lang="{tag}"' if tag else "")
            return f"{attributes}>{found.group(2)}"

        svg = _TEXT.sub(marked, svg)
    return svg.replace(
        "<svg ", f'<svg role="img" aria-label="{escape(label)}" class="chart" ', 1
    ).strip()


def report_charts(
    series: SeriesResult,
    languages: Sequence[Language],
    publication: Publication | None,
    metrics: list[str],
    labels: Mapping[Language, Mapping[str, str]],
) -> tuple[dict[Language, dict[str, str]], list[str]]:
    """Each metric's chart as inline SVG, by language and metric id, and the warnings
    drawing them gave. Each chart is drawn once: its text is written in each language."""
    from zgc_cli.present.charts import ChartError, report_svgs

    charts: dict[Language, dict[str, str]] = {language: {} for language in languages}
    warnings: list[str] = []
    frame = series.frame
    frame_metrics = frame["metric"].astype(str)  # once, not once a chart
    span_metrics = series.spans["metric"].astype(str) if not series.spans.empty else None
    for number, metric in enumerate(metrics):
        rows = frame[frame_metrics == metric]
        one = SeriesResult(
            rows,
            spans=series.spans if span_metrics is None else series.spans[span_metrics == metric],
            names={metric: series.names.get(metric, {})},
            entity_names=series.entity_names,
        )
        try:
            svgs, drawn = report_svgs(one, languages, publication)
        except ChartError as error:
            warnings.append(phrase("report.no_chart", metric=metric, reason=error.message))
            continue
        warnings.extend(text for text in drawn if text not in warnings)
        for language in languages:
            label = labels.get(language, {}).get(metric, metric)
            charts[language][metric] = inline_svg(
                svgs[language], f"{language.value}{number}", label, language
            )
    return charts, warnings
