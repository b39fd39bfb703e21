"""The report's charts: inline SVG drawn by the same code as ``zgc plot``.

:func:`chart_svg` is the one call into :mod:`zgc_cli.present.charts`; the rest
makes its SVG fit inside an HTML page: no XML prologue, no comments (matplotlib
writes each label's text in one), ids made unique per chart (the page holds
many, in two languages), and a size the page's CSS decides.
"""

from __future__ import annotations

import importlib.util
import re
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from zgc_cli.phrases import phrase
from zgc_cli.present.i18n import Language
from zgc_cli.stats.results import SeriesResult

if TYPE_CHECKING:
    from zgc_cli.model.dataset import Publication

_PROLOGUE = re.compile(r"\A.*?(?=<svg\b)", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_METADATA = re.compile(r"<metadata>.*?</metadata>", re.DOTALL)
_ID = re.compile(r'\bid="([^"]+)"')
_REFERENCE = re.compile(r'(url\(#|href="#)([^)"]+)')
_SIZE = re.compile(r'(<svg\b[^>]*?)\s(?:width|height)="[^"]*"')


def charts_available() -> bool:
    """Whether matplotlib (the ``plot`` extra) is installed."""
    return importlib.util.find_spec("matplotlib") is not None


def chart_svg(
    series: SeriesResult, lang: Language, publication: Publication | None
) -> tuple[str, list[str]]:
    """One chart of ``series`` as ``zgc plot -o chart.svg`` draws it: (SVG text, warnings).

    The image code writes files; the SVG goes through a private temporary directory.

    Raises:
        ChartError: the chart cannot be drawn (no matplotlib, nothing to plot).
    """
    from zgc_cli.present.charts import write_image

    with tempfile.TemporaryDirectory(prefix="zgc-report-") as directory:
        path = Path(directory) / "chart.svg"
        warnings = write_image(series, lang, path, None, publication)
        return path.read_text(encoding="utf-8"), warnings


def inline_svg(svg: str, prefix: str, label: str) -> str:
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
    return svg.replace(
        "<svg ", f'<svg role="img" aria-label="{escape(label)}" class="chart" ', 1
    ).strip()


def report_charts(
    series: SeriesResult,
    lang: Language,
    publication: Publication | None,
    metrics: list[str],
    labels: Mapping[str, str],
) -> tuple[dict[str, str], list[str]]:
    """Each metric's chart as inline SVG, by metric id, and the warnings drawing them gave."""
    from zgc_cli.present.charts import ChartError

    charts: dict[str, str] = {}
    warnings: list[str] = []
    frame = series.frame
    for number, metric in enumerate(metrics):
        rows = frame[frame["metric"].astype(str) == metric]
        one = SeriesResult(
            rows,
            spans=series.spans[series.spans["metric"].astype(str) == metric],
            names={metric: series.names.get(metric, {})},
            entity_names=series.entity_names,
        )
        try:
            svg, drawn = chart_svg(one, lang, publication)
        except ChartError as error:
            warnings.append(phrase("report.no_chart", metric=metric, reason=error.message))
            continue
        warnings.extend(drawn)
        charts[metric] = inline_svg(svg, f"{lang.value}{number}", labels.get(metric, metric))
    return charts, warnings
