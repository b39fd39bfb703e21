"""``zgc report``: the fact sheet as one offline HTML page (both languages) or Markdown.

Jinja2 (the ``report`` extra) renders the templates kept in this package:
``report.html`` with autoescape, so every piece of data text is escaped, and
``report.md`` with every value passed through :func:`markdown_text`. Charts come
from the same code as ``zgc plot`` (:mod:`zgc_cli.present.report.charts`); without
matplotlib the page has none and says so.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from zgc_cli.errors import ZgcError
from zgc_cli.words import Language, Listed, message, phrase

if TYPE_CHECKING:
    from zgc_cli.stats.report import ReportResult

HTML_SUFFIXES: tuple[str, ...] = (".html", ".htm")
MARKDOWN_SUFFIXES: tuple[str, ...] = (".md", ".markdown")
INSTALL_HINT = "pip install 'zgc[report]'"
# Characters Markdown (CommonMark, GitHub's tables) would read as markup, and line breaks.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~#!])")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")


def report_format(suffix: str) -> str:
    """``html`` or ``md`` from an output file's suffix; another suffix is an error."""
    suffix = suffix.lower()
    if suffix not in HTML_SUFFIXES + MARKDOWN_SUFFIXES:
        suffixes = Listed(HTML_SUFFIXES + MARKDOWN_SUFFIXES, quoted=False)
        raise ZgcError(phrase("report.suffix", suffixes=suffixes))
    # Both formats are Jinja templates: a missing extra is said before the data is read.
    try:
        import jinja2  # noqa: F401
    except ImportError:
        raise ZgcError(phrase("report.needs_jinja", hint=INSTALL_HINT)) from None
    return "html" if suffix in HTML_SUFFIXES else "md"


def markdown_text(value: Any) -> str:
    """Any value as Markdown text: every character markup could read is backslash-escaped;
    an id (``content.Code``) is a code span."""
    text = _LINE_BREAKS.sub(" ", "" if value is None else str(value))
    if getattr(value, "markdown_code", False) and text and "`" not in text:
        return f"`{text}`"
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _jinja(markdown: bool) -> Any:
    try:
        import jinja2
    except ImportError:
        raise ZgcError(phrase("report.needs_jinja", hint=INSTALL_HINT)) from None
    loader = jinja2.PackageLoader("zgc_cli.present.report", "templates")
    if markdown:
        return jinja2.Environment(
            loader=loader,
            autoescape=False,
            finalize=markdown_text,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
    from zgc_cli.present.report.langs import tagged, text_tag

    environment = jinja2.Environment(
        loader=loader,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # Text in the other language is marked as such: `t` wraps its runs, `lang_of` names
    # the language of an attribute's whole text (see langs.py).
    environment.filters["t"] = tagged
    environment.filters["lang_of"] = text_tag
    return environment


def render_report(
    result: ReportResult, fmt: str, lang: Language, version: str
) -> tuple[str, list[str]]:
    """The report as text (``fmt`` ``html`` or ``md``), and warnings for stderr.

    The HTML page holds both languages, ``lang`` shown first; Markdown is in ``lang``.
    """
    from zgc_cli.present.report.charts import charts_available, report_charts
    from zgc_cli.present.report.sections import build_page, footnotes

    environment = _jinja(fmt == "md")  # before anything is drawn: a missing extra fails fast
    languages = [lang, *(other for other in Language if other is not lang)]
    if fmt == "md":
        page = build_page(result, lang, {}, "", version)
        text = environment.get_template("report.md").render(
            page=page, notes=footnotes(page), version=version
        )
        return text, []
    warnings: list[str] = []
    charts: dict[Language, dict[str, str]] = {language: {} for language in languages}
    chart_note = dict.fromkeys(languages, "")
    multi_year = _multi_year_metrics(result)
    if not charts_available():
        chart_note = {language: message("report.no_charts", language) for language in languages}
    elif multi_year:
        labels = {
            language: {
                metric: result.indicators.get(metric, {}).get(f"name_{language.value}") or metric
                for metric in multi_year
            }
            for language in languages
        }
        # Each chart drawn once, for both languages (charts.py).
        charts, drawn = report_charts(
            result.series, languages, result.publication, multi_year, labels
        )
        warnings.extend(warning for warning in drawn if warning not in warnings)
    pages = [
        build_page(result, language, charts[language], chart_note[language], version)
        for language in languages
    ]
    if not charts_available():
        warnings.append(phrase("report.charts_missing"))
    text = environment.get_template("report.html").render(
        pages=pages, first=pages[0], second=pages[-1], version=version
    )
    return text, warnings


def _multi_year_metrics(result: ReportResult) -> list[str]:
    """The metrics with figures in more than one year: those worth a chart."""
    frame = result.series.frame
    years = frame.groupby(frame["metric"].astype(str), sort=False)["year"].nunique()
    return [str(metric) for metric, count in years.items() if count > 1]
