"""The views of where figures come from: search, sources, verify, the observations."""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text

from zgc_cli.present.formats import machine_text
from zgc_cli.present.i18n import MESSAGES, Language, message, unit_name
from zgc_cli.present.numbers import human_number, marks_of, with_unit
from zgc_cli.present.tables import Column, build_table, labelled, plain
from zgc_cli.present.views.common import (
    category_label,
    entity_label,
    header,
    indicator_label,
    legend,
    plain_view,
    year_text,
)
from zgc_cli.stats.results import (
    ObservationsResult,
    SearchResult,
    SourcesResult,
    TimelineResult,
    VerifyReport,
)


def observations_view(
    result: ObservationsResult, lang: Language, width: int | None
) -> list[RenderableType]:
    """Observations as a table of their exact machine text (export)."""
    return plain_view(result.frame, result.numeric_columns, width)


def search_view(result: SearchResult, lang: Language, width: int | None) -> list[RenderableType]:
    """Search results: the name in the language (its id, dim, beneath), category, unit."""
    name_column, other_column = (
        ("name_zh", "name_en") if lang is Language.zh else ("name_en", "name_zh")
    )
    columns = [
        Column(header("indicator", lang)),
        Column(header("category", lang), max_width=SEARCH_SIDE_WIDTH),
        Column(header("unit", lang), optional=1, max_width=SEARCH_SIDE_WIDTH),
    ]
    rows: list[list[str | Text]] = [
        [
            labelled(
                str(row[name_column] or row[other_column] or row["metric"]), str(row["metric"])
            ),
            category_label(row["category"], lang),
            unit_name(str(row["unit"]), lang),
        ]
        for row in result.frame.to_dict("records")
    ]
    return [build_table(columns, rows, width=width)]


# Search's category and unit wrap beyond this, leaving the room to the names.
SEARCH_SIDE_WIDTH = 14


def source_view(result: SourcesResult, lang: Language, width: int | None) -> list[RenderableType]:
    """Each figure with the verbatim passage it comes from, then the publication.

    A figure's heading is the indicator's and entity's names, the year, the
    figure with its unit in the language, and what the figure is (原文数据, 预计值…).
    """
    rows, citation = result.frame, result.citation
    renderables: list[RenderableType] = []
    for row in rows.to_dict("records"):
        unit = str(row["unit"])
        before, after = marks_of(str(row["status"]), str(row["qualifier"]))
        # The unit goes with the number, the marks outside both: 8.6万亿元*, >14万件.
        figure = before + with_unit(human_number(row["value"], unit, lang), unit, lang) + after
        basis = str(row.get("year_basis", ""))
        # "exact" is what a figure is unless said otherwise: not worth a word.
        qualifier = "" if str(row["qualifier"]) == "exact" else str(row["qualifier"])
        parts = (str(row["status"]), qualifier, "" if basis == "stated" else basis)
        # Known words in the language; a user's own status or qualifier as it is written.
        labels = message("label.separator", lang).join(
            message(f"label.{part}", lang) if f"label.{part}" in MESSAGES else part
            for part in parts
            if part
        )
        metric = str(row["metric"])
        entity = entity_label(row["entity"], result.entity_names, lang) if row["entity"] else ""
        year = year_text(row["year"], basis)
        name = indicator_label(metric, result.names, lang)
        place = " · ".join(str(part) for part in (name, entity, year) if part)
        heading = plain(message("source.heading", lang, place=place), style="bold")
        heading.append_text(plain(figure))
        if labels:
            heading.append_text(plain(message("label.wrap", lang, labels=labels), style="dim"))
        renderables.append(heading)
        quote = str(row["quote"])
        no_quote = message("source.no_quote", lang)
        renderables.append(plain(f"  “{quote}”" if quote else "  " + no_quote))
        if str(row["note"]):
            renderables.append(
                plain("  " + message("source.note", lang) + str(row["note"]), style="dim")
            )
    if citation:
        renderables.append(plain(message("source.source", lang) + citation, style="dim"))
    note = legend(
        (
            ";".join(
                [str(row["status"]), str(row["qualifier"])]
                + (["inferred_year"] if str(row.get("year_basis", "")) == "inferred" else [])
            )
            for row in rows.to_dict("records")
        ),
        lang,
    )
    if note is not None:
        renderables.append(note)
    return renderables


RESULT_STYLES: dict[str, str] = {
    "pass": "green",
    "definitional": "cyan",
    "fail": "bold red",
    "unsourced": "yellow",
}


def verify_view(result: VerifyReport, lang: Language, width: int | None) -> list[RenderableType]:
    """Each check with what was expected and found; failures stand out.

    On a narrow terminal the detail and entity columns are left out first.
    """
    columns = [
        Column(header("result", lang), whole=True),
        Column(header("check", lang), whole=True),
        Column(header("metric", lang), whole=True),
        Column(header("entity", lang), optional=1),
        Column(header("year", lang), numeric=True),
        Column(header("expected", lang), whole=True),
        Column(header("found", lang), whole=True),
        Column(header("detail", lang), optional=2),
    ]
    text = machine_text(result.frame)
    rows = [
        [
            row["result"],
            row["check"],
            row["metric"],
            row["entity"],
            row["year"],
            row["expected"],
            row["found"],
            row["detail"],
        ]
        for row in text.to_dict("records")
    ]
    table = build_table(columns, rows, width=width)
    for position, row in enumerate(rows):
        style = RESULT_STYLES.get(str(row[0]))
        if style:
            table.rows[position].style = style
    return [table]


# The timeline's entity wraps beyond this, leaving the room to the event and its passage.
TIMELINE_ENTITY_WIDTH = 14


def timeline_view(
    result: TimelineResult, lang: Language, width: int | None
) -> list[RenderableType]:
    """The milestones in date order: date, who, what (in the language), the passage."""
    event_column = "event_zh" if lang is Language.zh else "event_en"
    other_column = "event_en" if lang is Language.zh else "event_zh"
    columns = [
        Column(header("date", lang), whole=True),
        Column(header("entity", lang), max_width=TIMELINE_ENTITY_WIDTH),
        Column(header("event", lang)),
        Column(header("passage", lang), optional=1),
    ]
    rows = [
        [
            str(row["date"]),
            entity_label(row["entity"], result.entity_names, lang),
            str(row[event_column] or row[other_column]),
            str(row["quote"]),
        ]
        for row in result.frame.to_dict("records")
    ]
    return [build_table(columns, rows, width=width)]
