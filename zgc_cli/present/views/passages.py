"""The views of where figures come from: search, sources, verify, the observations."""

from __future__ import annotations

from rich.console import RenderableType

from zgc_cli.present.formats import machine_text
from zgc_cli.present.i18n import MESSAGES, Language, message
from zgc_cli.present.numbers import marked_number
from zgc_cli.present.tables import Column, build_table, plain
from zgc_cli.present.views.common import entity_label, header, legend, plain_view, year_text
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
    return plain_view(result.frame, result.numeric_columns)


def search_view(result: SearchResult, lang: Language, width: int | None) -> list[RenderableType]:
    """Search results: id, name in the chosen language, category, description."""
    name_column, other_column = (
        ("name_zh", "name_en") if lang is Language.zh else ("name_en", "name_zh")
    )
    columns = [
        Column(header("metric", lang), whole=True),
        Column(header("name", lang)),
        Column(header("category", lang)),
        Column(header("unit", lang), whole=True),
    ]
    rows = [
        [
            str(row["metric"]),
            str(row[name_column] or row[other_column]),
            str(row["category"]),
            str(row["unit"]),
        ]
        for row in result.frame.to_dict("records")
    ]
    return [build_table(columns, rows)]


def source_view(result: SourcesResult, lang: Language, width: int | None) -> list[RenderableType]:
    """Each figure with the verbatim passage it comes from, then the publication."""
    rows, citation = result.frame, result.citation
    renderables: list[RenderableType] = []
    for row in rows.to_dict("records"):
        unit = str(row["unit"])
        figure = marked_number(row["value"], unit, str(row["status"]), str(row["qualifier"]), lang)
        basis = str(row.get("year_basis", ""))
        parts = (str(row["status"]), str(row["qualifier"]), "" if basis == "stated" else basis)
        # Known words in the language; a user's own status or qualifier as it is written.
        labels = message("label.separator", lang).join(
            message(f"label.{part}", lang) if f"label.{part}" in MESSAGES else part
            for part in parts
            if part
        )
        entity = entity_label(row["entity"], result.entity_names, lang) if row["entity"] else ""
        year = year_text(row["year"], basis)
        place = " · ".join(str(part) for part in (row["metric"], entity, year) if part)
        heading = plain(f"{place}: ", style="bold")
        heading.append_text(plain(f"{figure} {unit}".rstrip()))
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


def timeline_view(
    result: TimelineResult, lang: Language, width: int | None
) -> list[RenderableType]:
    """The milestones in date order: date, who, what (in the language), the passage."""
    event_column = "event_zh" if lang is Language.zh else "event_en"
    other_column = "event_en" if lang is Language.zh else "event_zh"
    columns = [
        Column(header("date", lang), whole=True),
        Column(header("entity", lang)),
        Column(header("event", lang)),
        Column(header("passage", lang)),
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
