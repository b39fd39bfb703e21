"""The views of where figures come from: search, sources, verify, the observations."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from rich.console import RenderableType
from rich.text import Text

from zgc_cli.present.layout import Cell, Column, Table
from zgc_cli.present.numbers import human_number, marks_of, with_unit
from zgc_cli.present.tables import build_table, minimum_width, plain, render_layout
from zgc_cli.present.views.common import (
    category_label,
    entity_label,
    flowing_lines,
    header,
    indicator_label,
    legend,
    name_in,
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
from zgc_cli.words import (
    MESSAGES,
    Language,
    Term,
    TermNamer,
    data_note,
    message,
    profile_of,
    say,
    term_name,
    unit_name,
)


def observations_view(
    result: ObservationsResult, lang: Language, width: int | None
) -> list[RenderableType]:
    """Observations as a table of their exact machine text (export)."""
    return plain_view(result.frame, result.numeric_columns, width)


def search_view(result: SearchResult, lang: Language, width: int | None) -> list[RenderableType]:
    """Search results for a terminal ``width`` wide."""
    return render_layout(search_layout(result, lang), width)


def search_layout(result: SearchResult, lang: Language) -> Table:
    """Search results: the name in the language (its id beneath), category, unit."""
    name_column, other_column = profile_of(lang).name_columns
    columns = [
        Column(header("indicator", lang)),
        Column(header("category", lang), max_width=SEARCH_SIDE_WIDTH),
        Column(header("unit", lang), drop=1, max_width=SEARCH_SIDE_WIDTH),
    ]
    rows: list[list[Cell]] = []
    for row in result.frame.to_dict("records"):
        name, metric = (
            str(row[name_column] or row[other_column] or row["metric"]),
            str(row["metric"]),
        )
        rows.append(
            [
                Cell(name, detail=metric if metric != name else ""),
                Cell(category_label(row["category"], lang)),
                Cell(unit_name(str(row["unit"]), lang)),
            ]
        )
    return Table(columns, rows, kind="search")


# Search's category and unit wrap beyond this, leaving the room to the names.
SEARCH_SIDE_WIDTH = 14


# A citation breaks after its parts and its list's items only: a person's name, a
# title's phrase stay whole on a line (郭奔胜, not 郭奔 / 胜).
_CITATION_PART = re.compile(r"[^;；,，、]+(?:[;；,，、]\s*|$)")


def citation_lines(text: str, width: int | None, style: str = "dim") -> Text:
    """A line that cites a publication, broken between its parts and names only."""
    return flowing_lines(_CITATION_PART.findall(text), "", width, style=style)


def vintage_lines(
    row: Mapping[Any, Any], lang: Language, width: int | None = None
) -> list[RenderableType]:
    """A figure's publication and date, whether a later one replaced it, and its scope."""
    key = "vintages.current_line" if row["vintage"] == "current" else "vintages.earlier_line"
    lines: list[RenderableType] = [
        citation_lines(
            "  "
            + message(key, lang, date=row["published"], citation=citation_in(row["source"], lang)),
            width,
        )
    ]
    scope = str(row.get(profile_of(lang).scope_column) or "")
    if scope:
        lines.append(plain("  " + message("vintages.scope", lang, scope=scope), style="dim"))
    return lines


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
        if "vintage" in row:  # several publications: which one, when (stats/vintages.py)
            renderables.extend(vintage_lines(row, lang, width))
            no_quote = message("vintages.no_passage", lang, address=row["address"] or "—")
        renderables.append(plain("  " + (profile_of(lang).quoted(quote) if quote else no_quote)))
        data_text = data_note(row["note"], row.get("note_zh"), lang)
        if data_text:
            renderables.append(plain("  " + message("source.note", lang) + data_text, style="dim"))
    citation = citation_in(citation, lang)
    if citation:
        renderables.append(citation_lines(message("source.source", lang) + citation, width))
    note = legend(
        (
            ";".join(
                [str(row["status"]), str(row["qualifier"])]
                + (["inferred_year"] if str(row.get("year_basis", "")) == "inferred" else [])
            )
            for row in rows.to_dict("records")
        ),
        lang,
        width,
    )
    if note is not None:
        renderables.append(note)
    return renderables


_CJK_TEXT = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_OTHER_NAME = re.compile(r"\s*[(（][^()（）\u3400-\u9fff]*[)）]")


def citation_in(citation: str, lang: Language) -> str:
    """The publication's line in the language: in Chinese, without the package's English
    (a title zgc's data supplies in brackets where the article's headline is unknown, a
    periodical's English name), which a Chinese reader has no use for; the rest as written."""
    if not profile_of(lang).drops_english_asides:
        return citation
    parts = []
    for part in citation.split("; "):
        if part.startswith("[") and part.endswith("]") and not _CJK_TEXT.search(part):
            continue  # a title the data supplies in English, in brackets (no headline known)
        if _CJK_TEXT.search(part):
            part = _OTHER_NAME.sub("", part).replace(", ", "、")  # names, as Chinese lists them
        parts.append(part)
    return "；".join(parts)


RESULT_STYLES: dict[str, str] = {
    "pass": "green",
    "definitional": "cyan",
    "fail": "bold red",
    "unsourced": "yellow",
}


def _verify_namer(result: VerifyReport) -> TermNamer:
    """Names a Term of a finding: statuses, qualifiers and units as i18n does, entities by name."""

    def name(term: Term, lang: str) -> str | None:
        if term.kind == "entity":
            return entity_label(term, result.entity_names, Language(lang))
        return term_name(term, lang)

    return name


# A bare number a check expected (the value 3600000000000): written for people in a table.
_BARE_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?")


def _said(cell: object, lang: Language, namer: TermNamer, expected: bool = False) -> str:
    """A finding's cell in a language: Phrases said, Terms named, text as it is; a bare
    number expected as people write it (3.6万亿, 3.6 trillion; the machine formats keep
    its digits). What was found stays as found: its digits are the evidence."""
    if cell is None or (isinstance(cell, float) and cell != cell):  # NaN: an empty cell
        return ""
    if expected and type(cell) is str and _BARE_NUMBER.fullmatch(cell):
        return human_number(float(cell), "", lang)
    return say(cell, str(lang), namer)


def _verify_key(key: str, value: str, lang: Language) -> str:
    """A result or check word in a language; a word zgc does not know as it is."""
    full = f"verify.{key}.{value}"
    return message(full, lang) if full in MESSAGES else value


def verify_view(result: VerifyReport, lang: Language, width: int | None) -> list[RenderableType]:
    """Each check with what was expected and found, under the indicator's name.

    A series' name is shown on its first check only. Wide terminals get a column
    each for expected, found and the detail; narrower ones get the name,
    "year: expected → found" and the detail on lines of their own in one column,
    so the table fits, numbers stay whole and no failure loses its reason.
    """
    if result.frame.empty:  # --failures when all passed: a line, not an empty table
        return [plain(message("verify.none_shown", lang), style="dim")]
    namer = _verify_namer(result)
    rows: list[list[str]] = []
    previous = ""
    for row in result.frame.to_dict("records"):
        metric = str(row["metric"])
        label = name_in(result.names.get(metric, {}), lang) or (
            # verify's rows for the dated events carry "event" where a metric would be.
            message("verify.event_label", lang) if metric == "event" else metric
        )
        entity = str(row["entity"] or "")
        if entity:
            label += " · " + entity_label(entity, result.entity_names, lang)
        year = row["year"]
        shown_label, previous = ("" if label == previous else label), label
        rows.append(
            [
                _verify_key("result", str(row["result"]), lang),
                _verify_key("check", str(row["check"]), lang),
                shown_label,
                "" if year is None or year != year else str(year),  # NaN/NA: no year
                _said(row["expected"], lang, namer, expected=True),
                _said(row["found"], lang, namer),
                _said(row["detail"], lang, namer),
            ]
        )
    styles = [RESULT_STYLES.get(str(name), "") for name in result.frame["result"]]
    wide = [
        Column(header("result", lang), whole=True),
        Column(header("check", lang), whole=True),
        Column(header("metric", lang)),
        Column(header("year", lang), numeric=True),
        Column(header("expected", lang)),
        Column(header("found", lang)),
        Column(header("detail", lang)),
    ]
    # The detail says why a check failed: where it cannot have a column, the rows stack,
    # as they do where a column would be narrower than its longest number or word.
    table = build_table(wide, rows, width=width)
    for position in (2, 4, 5, 6):  # name, expected, found, detail: wrap, but not in a number
        column = table.columns[position]
        column.min_width = max(column.min_width or 0, _longest_unbroken(rows, position))
    if width is not None and minimum_width(table) > width:
        stacked = [
            Column(header("result", lang), whole=True),
            Column(header("check", lang), whole=True),
            Column(message("verify.header.stacked", lang)),
        ]
        lines: list[list[str]] = []
        line_styles: list[str] = []
        for cells, style in zip(rows, styles, strict=True):
            for line in _stacked(cells, lang):
                lines.append(line)
                line_styles.append(style if line[0] else "")
        table = build_table(stacked, lines, width=width)
        styles = line_styles
    for position, style in enumerate(styles):
        if style:
            table.rows[position].style = style
    return [table]


# The timeline's entity wraps beyond this, leaving the room to the event and its passage.
TIMELINE_ENTITY_WIDTH = 14


# A run of printable ASCII (a number, an id, an English word) must not break; Chinese
# text may break between any two characters.
UNBROKEN = re.compile(r"[!-~]+")


def _longest_unbroken(rows: list[list[str]], position: int) -> int:
    """The longest run of a column's cells that must stay on one line."""
    return max((len(run) for row in rows for run in UNBROKEN.findall(row[position])), default=0)


def _stacked(row: list[str], lang: Language) -> list[list[str]]:
    """A check as lines of the narrow table: the name (on a series' first check),
    then the result and check with "year: expected → found", then the detail."""
    result, check, label, year, expected, found, detail = row
    lines = [["", "", label]] if label else []
    said = message("verify.expected_found", lang, expected=expected, found=found)
    lines.append(
        [result, check, message("verify.in_year", lang, year=year, text=said) if year else said]
    )
    if detail:
        lines.append(["", "", detail])
    return lines


def timeline_view(
    result: TimelineResult, lang: Language, width: int | None
) -> list[RenderableType]:
    """The milestones for a terminal ``width`` wide."""
    return render_layout(timeline_layout(result, lang), width)


def timeline_layout(result: TimelineResult, lang: Language) -> Table:
    """The milestones in date order: date, who, what (in the language), the passage."""
    event_column, other_column = profile_of(lang).event_columns
    columns = [
        Column(header("date", lang), whole=True),
        Column(header("entity", lang), max_width=TIMELINE_ENTITY_WIDTH),
        Column(header("event", lang)),
        Column(header("passage", lang), drop=1),
    ]
    rows = [
        [
            Cell(str(row["date"])),
            Cell(entity_label(row["entity"], result.entity_names, lang)),
            Cell(str(row[event_column] or row[other_column])),
            Cell(str(row["quote"])),
        ]
        for row in result.frame.to_dict("records")
    ]
    return Table(columns, rows, kind="timeline")
