"""One human layout per result type: :func:`render` picks it.

Knows no statistics: every number was computed by :mod:`zgc_cli.stats` or
:mod:`zgc_cli.check`; a view only writes it for people (with its marks) and
lays it out. Headers and words come from :mod:`zgc_cli.present.i18n`; the
growth columns and how each is written come from the measures registry.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import Any

import pandas as pd
from rich.console import RenderableType
from rich.text import Text

from zgc_cli.model.schema import FLAG_ORDER, FLAG_SEPARATOR, QUALIFIER_MARKS, STATUS_MARKS
from zgc_cli.present.formats import machine_text
from zgc_cli.present.i18n import Language, message
from zgc_cli.present.numbers import marked_number, percent_text, ratio_text, signed_human
from zgc_cli.present.tables import Column, build_table, plain
from zgc_cli.stats.measures import Measure, Style, View, measures_for
from zgc_cli.stats.results import (
    CatalogResult,
    ComparisonResult,
    ObservationsResult,
    Result,
    SearchResult,
    SeriesResult,
    SourcesResult,
    VerifyReport,
)


def header(key: str, lang: Language) -> str:
    """A column header in the chosen language."""
    return message(f"header.{key}", lang)


def measure_header(measure: Measure, lang: Language) -> str:
    return measure.labels[str(lang)]


def measure_text(
    measure: Measure, value: Any, unit: str, lang: Language, zero_base: bool = False
) -> str:
    """A measure's value as its style writes it: +5万亿, +138.9%, 2.39×, or 'new'/'—'."""
    if measure.style is Style.amount:
        return signed_human(value, unit, lang)
    if measure.style is Style.ratio:
        return ratio_text(value, lang, zero_base and measure.new_from_zero)
    return percent_text(value, lang, zero_base and measure.new_from_zero)


def legend(flag_texts: Iterable[str], lang: Language) -> Text | None:
    """The meaning of the marks that appear, or None when none do."""
    present: set[str] = set()
    for text in flag_texts:
        present.update(part for part in str(text).split(FLAG_SEPARATOR) if part)
    parts = [message(f"mark.{name}", lang) for name in FLAG_ORDER if name in present]
    return Text("  ".join(parts), style="dim") if parts else None


def name_in(names: Mapping[str, str], lang: Language) -> str:
    """A name in the chosen language, else in the other, else ''."""
    first = names.get(str(lang), "")
    return first or next((text for text in names.values() if text), "")


def _span_line(row: Mapping[Hashable, Any], lang: Language) -> str:
    """A series' first → last change in one line, every compare measure in registry order."""
    unit = str(row["unit"])
    start = marked_number(row["value_from"], unit, row["status_from"], row["qualifier_from"], lang)
    end = marked_number(row["value_to"], unit, row["status_to"], row["qualifier_to"], lang)
    zero_base = bool(row["value_from"] == 0)
    parts = [f"{row['entity']} {row['year_from']} → {row['year_to']}: {start} → {end}"]
    for measure in measures_for(View.compare):
        text = measure_text(measure, row[measure.name], unit, lang, zero_base)
        if measure.name == "cagr_pct":
            text = message("span.cagr", lang) + text
        parts.append(text)
    return ", ".join(parts)


def series_view(result: SeriesResult, lang: Language, width: int | None) -> list[RenderableType]:
    """One table per metric (entity, year, value, growth), with its overall change under it."""
    series, spans = result.frame, result.spans
    measures = measures_for(View.series)
    renderables: list[RenderableType] = []
    columns = [
        Column(header("entity", lang)),
        Column(header("year", lang), numeric=True),
        Column(header("value", lang), numeric=True),
        *(Column(measure_header(measure, lang), numeric=True) for measure in measures),
    ]
    for metric in dict.fromkeys(series["metric"].astype(str)):
        rows_of_metric = series[series["metric"].astype(str) == metric]
        rows: list[list[str]] = []
        previous_zero = False
        for row in rows_of_metric.to_dict("records"):
            unit = str(row["unit"])
            zero_base = bool(previous_zero and not pd.isna(row["previous_year"]))
            rows.append(
                [
                    str(row["entity"]),
                    str(row["year"]),
                    marked_number(
                        row["value"], unit, str(row["status"]), str(row["qualifier"]), lang
                    ),
                    *(
                        measure_text(measure, row[measure.name], unit, lang, zero_base)
                        for measure in measures
                    ),
                ]
            )
            previous_zero = bool(row["value"] == 0)
        name = name_in(result.names.get(metric, {}), lang)
        unit = str(rows_of_metric["unit"].iloc[0])
        title = " · ".join(part for part in (metric, name, unit) if part)
        renderables.append(build_table(columns, rows, title=title))
        for span_row in spans[spans["metric"].astype(str) == metric].to_dict("records"):
            if span_row["year_from"] != span_row["year_to"]:
                renderables.append(plain(_span_line(span_row, lang)))
        note = legend(rows_of_metric["flags"], lang)
        if note is not None:
            renderables.append(note)
        renderables.append(Text(""))
    return renderables[:-1] if renderables else renderables


def compare_view(
    result: ComparisonResult, lang: Language, width: int | None
) -> list[RenderableType]:
    """Every series between two years, and what had only one of them."""
    measures = measures_for(View.compare)
    # One text column for the series leaves the narrow terminal's room to the numbers.
    columns = [
        Column(header("series", lang), whole=True),
        Column(str(result.year_from), numeric=True),
        Column(str(result.year_to), numeric=True),
        *(Column(measure_header(measure, lang), numeric=True) for measure in measures),
    ]
    rows: list[list[str]] = []
    for row in result.frame.to_dict("records"):
        unit = str(row["unit"])
        zero_base = bool(row["value_from"] == 0)
        rows.append(
            [
                f"{row['metric']} ({row['entity']})",
                marked_number(
                    row["value_from"],
                    unit,
                    str(row["status_from"]),
                    str(row["qualifier_from"]),
                    lang,
                ),
                marked_number(
                    row["value_to"], unit, str(row["status_to"]), str(row["qualifier_to"]), lang
                ),
                *(
                    measure_text(measure, row[measure.name], unit, lang, zero_base)
                    for measure in measures
                ),
            ]
        )
    title = f"{result.year_from} → {result.year_to}"
    renderables: list[RenderableType] = [build_table(columns, rows, title=title)]
    note = legend(result.frame["flags"], lang)
    if note is not None:
        renderables.append(note)
    for year, missing in ((result.year_from, result.only_from), (result.year_to, result.only_to)):
        if not missing.empty:
            renderables.append(plain(_not_compared_line(year, missing, lang), style="dim"))
    return renderables


def _not_compared_line(year: int, missing: pd.DataFrame, lang: Language) -> str:
    series = ", ".join(f"{row['metric']} ({row['entity']})" for row in missing.to_dict("records"))
    return message("compare.not_compared", lang, year=year, count=len(missing), series=series)


def catalog_view(result: CatalogResult, lang: Language, width: int | None) -> list[RenderableType]:
    """The catalog: one row per (metric, entity), with a sparkline of each series.

    On a terminal narrower than the table, unit, trend, count and name are left
    out in that order: ids, years and the latest value always stay.
    """
    columns = [
        Column(header("metric", lang), whole=True),
        Column(header("entity", lang), whole=True),
        Column(header("name", lang), optional=1),
        Column(header("unit", lang), whole=True, optional=4),
        Column(header("years", lang), numeric=True),
        Column(header("observations", lang), numeric=True, optional=2),
        Column(header("trend", lang), whole=True, optional=3),
        Column(header("latest", lang), numeric=True),
    ]
    name_column = "name_zh" if lang is Language.zh else "name_en"
    other_column = "name_en" if lang is Language.zh else "name_zh"
    catalog, values = result.frame, result.values
    rows: list[list[str]] = []
    for row in catalog.to_dict("records"):
        flag_parts = str(row["latest_flags"]).split(FLAG_SEPARATOR)
        status = next((part for part in flag_parts if part in STATUS_MARKS), "")
        qualifier = next((part for part in flag_parts if part in QUALIFIER_MARKS), "")
        years = (
            str(row["first_year"])
            if row["first_year"] == row["last_year"]
            else f"{row['first_year']}–{row['last_year']}"
        )
        rows.append(
            [
                str(row["metric"]),
                str(row["entity"]),
                str(row[name_column] or row[other_column]),
                str(row["unit"]),
                years,
                str(row["observations"]),
                sparkline(values.get((str(row["metric"]), str(row["entity"])), [])),
                marked_number(row["latest_value"], str(row["unit"]), status, qualifier, lang),
            ]
        )
    renderables: list[RenderableType] = [build_table(columns, rows, width=width)]
    note = legend(catalog["latest_flags"], lang)
    if note is not None:
        renderables.append(note)
    return renderables


def observations_view(
    result: ObservationsResult, lang: Language, width: int | None
) -> list[RenderableType]:
    """Observations as a table of their exact machine text (export)."""
    return plain_view(result.frame, result.numeric_columns)


# Ids a person types back: never cut, whatever the width.
ID_COLUMNS: frozenset[str] = frozenset({"metric", "entity", "unit", "status", "qualifier"})


def plain_view(frame: pd.DataFrame, numeric_columns: Sequence[str] = ()) -> list[RenderableType]:
    """Any frame as a table of its exact machine text; numbers and ids stay whole."""
    text = machine_text(frame)
    columns = [
        Column(str(name), numeric=name in numeric_columns, whole=name in ID_COLUMNS)
        for name in text.columns
    ]
    rows = [list(row) for row in text.itertuples(index=False, name=None)]
    return [build_table(columns, rows)]


SPARK_BARS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float]) -> str:
    """A tiny bar chart of a series, lowest value ▁, highest █ (a flat series sits mid-way).

    Scaled in halves, so that a series spanning -1e308 to 1e308 does not overflow.
    """
    if not values:
        return ""
    low, high = min(values), max(values)
    span = high / 2 - low / 2
    if not span > 0:
        return SPARK_BARS[3] * len(values)
    top = len(SPARK_BARS) - 1
    return "".join(
        SPARK_BARS[min(top, max(0, round((value / 2 - low / 2) / span * top)))] for value in values
    )


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
        labels = ", ".join(part for part in (str(row["status"]), str(row["qualifier"])) if part)
        place = " · ".join(
            str(part) for part in (row["metric"], row["entity"], row["year"]) if part
        )
        heading = plain(f"{place}: ", style="bold")
        heading.append_text(plain(f"{figure} {unit}".rstrip()))
        if labels:
            heading.append_text(plain(f" ({labels})", style="dim"))
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
        (";".join(str(row[c]) for c in ("status", "qualifier")) for row in rows.to_dict("records")),
        lang,
    )
    if note is not None:
        renderables.append(note)
    return renderables


RESULT_STYLES: dict[str, str] = {"pass": "green", "fail": "bold red", "unsourced": "yellow"}


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


_VIEWS: dict[type[Result], Callable[[Any, Language, int | None], list[RenderableType]]] = {
    SeriesResult: series_view,
    ComparisonResult: compare_view,
    CatalogResult: catalog_view,
    SearchResult: search_view,
    SourcesResult: source_view,
    ObservationsResult: observations_view,
    VerifyReport: verify_view,
}


def render(result: Result, lang: Language, width: int | None) -> list[RenderableType]:
    """The human view of a result: tables and notes, in order, for a terminal ``width`` wide."""
    return _VIEWS[type(result)](result, lang, width)
