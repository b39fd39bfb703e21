"""The views of amounts: the catalog, series with growth, comparisons, shares."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

import pandas as pd
from rich.console import RenderableType
from rich.text import Text

from zgc_cli.model.schema import FLAG_SEPARATOR, QUALIFIER_MARKS, STATUS_MARKS
from zgc_cli.present.i18n import Language, message
from zgc_cli.present.numbers import human_number, marked_number
from zgc_cli.present.tables import Column, build_table, plain
from zgc_cli.present.views.common import (
    INFERRED_MARK,
    entity_label,
    header,
    legend,
    measure_header,
    measure_text,
    name_in,
    sparkline,
    year_text,
)
from zgc_cli.stats.measures import View, measures_for
from zgc_cli.stats.results import CatalogResult, ComparisonResult, SeriesResult, ShareResult


def _span_line(
    row: Mapping[Hashable, Any], lang: Language, entity_names: Mapping[str, Mapping[str, str]]
) -> str:
    """A series' first → last change in one line, every compare measure in registry order."""
    unit = str(row["unit"])
    start = marked_number(row["value_from"], unit, row["status_from"], row["qualifier_from"], lang)
    end = marked_number(row["value_to"], unit, row["status_to"], row["qualifier_to"], lang)
    zero_base = bool(row["value_from"] == 0)
    entity = entity_label(row["entity"], entity_names, lang)
    years = (
        f"{year_text(row['year_from'], row['year_basis_from'])} → "
        f"{year_text(row['year_to'], row['year_basis_to'])}"
    )
    parts = [f"{entity} {years}: {start} → {end}"]
    kind = str(row.get("kind", ""))
    for measure in measures_for(View.compare):
        if kind and kind not in measure.kinds:
            continue  # undefined for this kind of figure: not a dash, simply not said
        text = measure_text(measure, row[measure.name], unit, lang, zero_base, kind)
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
                    entity_label(row["entity"], result.entity_names, lang),
                    year_text(row["year"], row["year_basis"]),
                    marked_number(
                        row["value"], unit, str(row["status"]), str(row["qualifier"]), lang
                    ),
                    *(
                        measure_text(
                            measure, row[measure.name], unit, lang, zero_base, str(row["kind"])
                        )
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
                renderables.append(plain(_span_line(span_row, lang, result.entity_names)))
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
    nearest = ""  # the first series compared over other years than those asked
    for row in result.frame.to_dict("records"):
        unit = str(row["unit"])
        zero_base = bool(row["value_from"] == 0)
        years = ""
        if (row["year_from"], row["year_to"]) != (result.year_from, result.year_to):
            years = f" {row['year_from']}→{row['year_to']}"
            nearest = nearest or years.strip()
        ends = [
            marked_number(
                row[f"value_{end}"],
                unit,
                str(row[f"status_{end}"]),
                str(row[f"qualifier_{end}"]),
                lang,
            )
            + (INFERRED_MARK if str(row[f"year_basis_{end}"]) == "inferred" else "")
            for end in ("from", "to")
        ]
        entity = entity_label(row["entity"], result.entity_names, lang)
        rows.append(
            [
                f"{row['metric']} ({entity}){years}",
                *ends,
                *(
                    measure_text(
                        measure, row[measure.name], unit, lang, zero_base, str(row["kind"])
                    )
                    for measure in measures
                ),
            ]
        )
    within = _within(result.tolerance, lang)
    title = f"{result.year_from} → {result.year_to}"
    if result.tolerance:
        title = message(
            "compare.title_near",
            lang,
            year_from=result.year_from,
            year_to=result.year_to,
            within=within,
        )
    renderables: list[RenderableType] = [build_table(columns, rows, title=title)]
    note = legend(result.frame["flags"], lang)
    if note is not None:
        renderables.append(note)
    if nearest:
        line = message("compare.nearest", lang, example=nearest, within=within)
        renderables.append(plain(line, style="dim"))
    for year, missing in ((result.year_from, result.only_from), (result.year_to, result.only_to)):
        if not missing.empty:
            line = _not_compared_line(year, missing, lang, result.entity_names, result.tolerance)
            renderables.append(plain(line, style="dim"))
    return renderables


def _within(tolerance: int, lang: Language) -> str:
    """``±1 year``, ``±2 years``: how far from the years asked a comparison may reach."""
    key = "compare.within_year" if tolerance == 1 else "compare.within_years"
    return message(key, lang, tolerance=tolerance)


def _not_compared_line(
    year: int,
    missing: pd.DataFrame,
    lang: Language,
    entity_names: Mapping[str, Mapping[str, str]],
    tolerance: int = 0,
) -> str:
    series = ", ".join(
        f"{row['metric']} ({entity_label(row['entity'], entity_names, lang)})"
        for row in missing.to_dict("records")
    )
    if tolerance:
        return message(
            "compare.not_compared_near",
            lang,
            year=year,
            within=_within(tolerance, lang),
            count=len(missing),
            series=series,
        )
    return message("compare.not_compared", lang, year=year, count=len(missing), series=series)


def catalog_view(result: CatalogResult, lang: Language, width: int | None) -> list[RenderableType]:
    """The catalog: one row per (metric, entity), with a sparkline of each series.

    On a terminal narrower than the table, unit, trend, count and name are left
    out in that order: ids, years and the latest value always stay.
    """
    columns = [
        Column(header("metric", lang), whole=True),
        Column(header("entity", lang)),
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
        last = f"{row['last_year']}{INFERRED_MARK if 'inferred_year' in flag_parts else ''}"
        years = last if row["first_year"] == row["last_year"] else f"{row['first_year']}–{last}"
        rows.append(
            [
                str(row["metric"]),
                str(row[f"entity_{name_column}"] or row[f"entity_{other_column}"] or row["entity"]),
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


def _share_cell(share: float, flags: str) -> str:
    """A share as a percent with the marks its ends give it: >43.9%, ~43.9%*."""
    parts = flags.split(FLAG_SEPARATOR)
    qualifier = next((part for part in parts if part in QUALIFIER_MARKS), "")
    status = next((part for part in parts if part in STATUS_MARKS), "")
    return QUALIFIER_MARKS.get(qualifier, "") + f"{share:,.1f}%" + STATUS_MARKS.get(status, "")


def share_view(result: ShareResult, lang: Language, width: int | None) -> list[RenderableType]:
    """Each entity's share of its whole, year by year, marked as its ends are."""
    frame = result.frame
    columns = [
        Column(header("entity", lang)),
        Column(header("year", lang), numeric=True),
        Column(header("value", lang), numeric=True),
        Column(header("whole", lang)),
        Column(header("whole_value", lang), numeric=True),
        Column(header("share_pct", lang), numeric=True),
    ]
    unit = ""
    rows: list[list[str]] = []
    for row in frame.to_dict("records"):
        rows.append(
            [
                entity_label(row["entity"], result.entity_names, lang),
                str(row["year"]),
                human_number(row["value"], unit, lang),
                entity_label(row["of_entity"], result.entity_names, lang),
                human_number(row["of_value"], unit, lang),
                _share_cell(float(row["share_pct"]), str(row["flags"])),
            ]
        )
    metric = str(frame["metric"].iloc[0]) if not frame.empty else ""
    title = " · ".join(part for part in (metric, name_in(result.indicator_names, lang)) if part)
    renderables: list[RenderableType] = [build_table(columns, rows, title=title)]
    note = legend(frame["flags"], lang)
    if note is not None:
        renderables.append(note)
    return renderables
