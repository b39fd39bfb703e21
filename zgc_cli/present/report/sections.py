"""The report's sections: the terminal's layouts, rendered for a page.

The catalog, series, comparisons and shares are the very
:class:`~zgc_cli.present.layout.Table` objects ``zgc metrics``, ``zgc compare``
and ``zgc share`` print (the same columns, cells, id line and notes), so the
terminal and the report cannot drift apart. What a page does differently it
does here, for a reader of a page: each figure opens the passages of the
observations its layout cell names; a legend is worded from its marks with the
reader's words (a passage to open, not a command to type); a note that is a hint
about the command line is left out, and one that names a command says the
reader's way instead. Every table is whole: a page has no terminal width to fit.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping

import pandas as pd

from zgc_cli.present import layout
from zgc_cli.present.report.content import (
    Cell,
    Code,
    Page,
    Section,
    Source,
    Table,
    _Figures,
    _text,
    citation_line,
)

# Through their modules: the page asks for the layouts the views make at the time.
from zgc_cli.present.views import catalog as catalog_views
from zgc_cli.present.views import compare as compare_views
from zgc_cli.present.views import series as series_views
from zgc_cli.stats.report import ReportResult
from zgc_cli.words import MESSAGES, Language, message, profile_of


def _mark(name: str, lang: Language) -> str:
    """A mark's legend line in the report: the reader's words where they differ from the CLI's."""
    key = f"report.mark.{name}"
    return message(key if key in MESSAGES else f"mark.{name}", lang)


def note_texts(note: layout.Note, lang: Language) -> list[str]:
    """A layout's note as a page's lines: a legend a line per mark, in the reader's words;
    none for a hint about the command line."""
    if note.reader == layout.TERMINAL_ONLY:
        return []
    if note.kind == "legend":
        return [_mark(name, lang) for name in note.marks]
    return [_text(note.reader or note.text)]


def report_table(table: layout.Table, figures: _Figures, lang: Language, chart: str = "") -> Table:
    """A layout as the page's table: every column, each figure with its passages."""
    columns = table.columns
    rows = [
        [
            Cell(
                _text(cell.text),
                figures.resolved(cell.sources),
                numeric=column.numeric,
                detail=Code(_text(cell.detail)),
                style=cell.style,
            )
            for cell, column in zip(row, columns, strict=True)
        ]
        for row in table.body
    ]
    notes = [text for note in table.notes for text in note_texts(note, lang)]
    return Table(
        headers=[_text(column.header) for column in columns],
        rows=rows,
        caption=_text(table.title),
        notes=notes,
        chart=chart,
        kind=table.kind,
        id_line=Code(_text(table.id_line)),
        numeric=[column.numeric for column in columns],
    )


def _catalog(result: ReportResult, figures: _Figures, lang: Language) -> Section:
    """The catalog's layout, a group per category (its heading rows)."""
    table = catalog_views.catalog_layout(result.catalog, lang)
    groups: list[tuple[str, list[layout.Row]]] = []
    for row in table.rows:
        if isinstance(row, layout.Heading):
            groups.append((row.text, []))
        elif groups:
            groups[-1][1].append(row)
        else:
            groups.append(("", [row]))
    # The legend and notes once, under the last group: they are the whole catalog's.
    tables = [
        (
            _text(title),
            [
                report_table(
                    layout.Table(
                        table.columns,
                        rows,
                        notes=table.notes if index == len(groups) - 1 else (),
                        kind=table.kind,
                    ),
                    figures,
                    lang,
                )
            ],
        )
        for index, (title, rows) in enumerate(groups)
    ]
    return Section("catalog", message("report.catalog", lang), groups=tables)


def _series(
    result: ReportResult, figures: _Figures, lang: Language, charts: Mapping[str, str]
) -> Section:
    series = result.series.frame
    years = series.groupby(series["metric"].astype(str), sort=False)["year"].nunique()
    tables = [
        report_table(table, figures, lang, charts.get(table.subject, ""))
        for table in series_views.series_layouts(result.series, lang)
        # A single figure has no growth: it is in the catalog.
        if years.get(table.subject, 0) >= 2
    ]
    intro = message("report.series_intro", lang)
    return Section("series", message("report.series", lang), intro, tables=tables)


def _timeline(result: ReportResult, figures: _Figures, lang: Language) -> Section:
    headers = [message(f"header.{key}", lang) for key in ("date", "entity", "event")]
    rows: list[list[Cell]] = []
    frame = result.timeline.frame if result.timeline is not None else pd.DataFrame()
    for row in frame.to_dict("records"):
        event = _text(row[profile_of(lang).event_columns[0]] or row["event_en"] or row["event_zh"])
        quote = _text(row["quote"]) if row["quote"] else ""
        missing = "" if quote else message("source.no_quote", lang)
        label = f"{_text(row['date'])} · {figures.entity(row['entity'])}"
        source = Source(label, quote, "", _text(row["date"]), missing=missing)
        rows.append(
            [
                Cell(_text(row["date"]), (source,)),
                Cell(figures.entity(row["entity"])),
                Cell(event),
            ]
        )
    tables = [Table(headers, rows)] if rows else []
    return Section("timeline", message("report.timeline", lang), tables=tables)


def legend(lang: Language) -> list[str]:
    """Every mark a number may carry, in the order of the tables' legends."""
    names = (
        *("estimate", "derived", "more_than", "nearly", "about", "less_than"),
        *("order_of_magnitude", "inferred_year", "interval", "one_end"),
        *("conventional", "unbounded"),
    )
    # The reader's words, not a command: the passage a number opens says how its year is known.
    return [_mark(name, lang) for name in names]


def build_page(
    result: ReportResult,
    lang: Language,
    charts: Mapping[str, str],
    chart_note: str,
    version: str,
) -> Page:
    """One language's page of the report."""
    accessed = datetime.date.today().isoformat()
    figures = _Figures(result, lang, accessed)
    citation = citation_line(result.work, lang, accessed)
    comparisons = [
        report_table(compare_views.compare_layout(item, lang), figures, lang)
        for item in result.comparisons
    ]
    shares = [series_views.share_layout(item, lang) for item in result.shares]
    sections = [
        _catalog(result, figures, lang),
        _series(result, figures, lang, charts),
        Section("comparisons", message("report.comparisons", lang), tables=comparisons),
        Section(
            "shares",
            message("report.shares", lang),
            tables=[report_table(table, figures, lang) for table in shares if table.body],
        ),
    ]
    if result.timeline is not None:
        sections.append(_timeline(result, figures, lang))
    footer = [message("report.made_by", lang, version=version)]
    if result.label:
        footer.append(message("report.data", lang, label=_text(result.label)))
    # The shipped data's page names its place; every page names its sources where known.
    from zgc_cli.present.report.title import page_title

    title, subtitle = page_title(result, lang)
    return Page(
        lang=lang,
        title=title,
        subtitle=subtitle,
        citation=citation,
        sections=sections,
        legend=legend(lang),
        footer=footer,
        chart_note=chart_note,
    )


def footnotes(page: Page) -> dict[Source, int]:
    """Each distinct source of the page's numbers, numbered in reading order (Markdown)."""
    numbers: dict[Source, int] = {}
    for section in page.sections:
        tables = [table for _, group in section.groups for table in group]
        for table in [*tables, *section.tables]:
            for row in table.rows:
                for cell in row:
                    for source in cell.sources:
                        numbers.setdefault(source, len(numbers) + 1)
    return numbers
