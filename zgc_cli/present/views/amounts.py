"""The views of amounts: the catalog, series with growth, comparisons, shares."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

import pandas as pd
from rich.console import RenderableType
from rich.text import Text

from zgc_cli.model.schema import FLAG_SEPARATOR, QUALIFIER_MARKS, STATUS_MARKS
from zgc_cli.present.numbers import (
    Notation,
    bounds_of,
    interval_text,
    marked_interval,
    marked_value,
)
from zgc_cli.present.tables import (
    Column,
    Figure,
    Heading,
    Row,
    build_table,
    labelled,
    plain,
)
from zgc_cli.present.views.common import (
    INFERRED_MARK,
    category_label,
    entity_label,
    figure_cell,
    flowing_lines,
    header,
    indicator_label,
    interval_marks,
    legend,
    measure_header,
    measure_text,
    name_in,
    series_label,
    share_cell,
    sparkline,
    unit_column,
    whole_value_cell,
    year_text,
)
from zgc_cli.present.views.vintages import (
    SCOPE_MARK,
    compared_notes,
    latest_note,
    mark_compared,
    mark_latest,
    mark_revised,
    scope_differs,
    scope_notes_compared,
    scope_notes_series,
    vintage_notes,
)
from zgc_cli.stats.measures import View, measures_for
from zgc_cli.stats.results import CatalogResult, ComparisonResult, SeriesResult, ShareResult
from zgc_cli.words import MESSAGES, Language, message, profile_of, titled, unit_name


def _span_parts(
    row: Mapping[Hashable, Any], lang: Language, entity_names: Mapping[str, Mapping[str, str]]
) -> list[str]:
    """A series' first → last change, every compare measure in registry order, as parts."""
    unit = str(row["unit"])
    start, end = (marked_value(row, lang, end) for end in ("from", "to"))
    zero_base = bool(row["value_from"] == 0)
    entity = entity_label(row["entity"], entity_names, lang)
    years = (
        f"{year_text(row['year_from'], row['year_basis_from'])} → "
        f"{year_text(row['year_to'], row['year_basis_to'])}"
    )
    parts = [message("span.lead", lang, entity=entity, years=years, start=start, end=end)]
    kind = str(row.get("kind", ""))
    for measure in measures_for(View.compare):
        if kind and kind not in measure.kinds:
            continue  # undefined for this kind of figure: not a dash, simply not said
        text = measure_text(
            measure, row[measure.name], unit, lang, zero_base, kind, bounds_of(row, measure.name)
        )
        if measure.name == "cagr_pct":
            text = message("span.cagr", lang) + text
        parts.append(text)
    return parts


# An indicator's name reads well from this width: columns are dropped before it is narrower.
NAME_COMFORTABLE_WIDTH = 20

# Which growth columns a narrow terminal leaves out first: the ratio says what the
# percent change says; the absolute change is in the unit; the percent change is what
# people quote, so the compound annual rate goes before it. The units' column (1) goes
# last, its unit then written in each figure's cell.
_MEASURE_DISPENSABLE: dict[str, int] = {"ratio": 4, "change": 3, "cagr_pct": 2}


def _measure_columns(lang: Language, view: View) -> list[Column]:
    return [
        Column(
            measure_header(measure, lang),
            numeric=True,
            optional=_MEASURE_DISPENSABLE.get(measure.name, 0),
        )
        for measure in measures_for(view)
    ]


def _titled(name: str, unit: str, metric: str, lang: Language) -> Text:
    """A series' title: its name and unit in the language, then its id, dim, to type."""
    unit_text = unit_name(unit, lang) if unit else ""
    title = plain(titled(name, unit_text, lang))
    if metric != name:
        title.append("  ")
        title.append_text(plain(metric, style="dim"))
    return title


def series_view(result: SeriesResult, lang: Language, width: int | None) -> list[RenderableType]:
    """One table per metric (entity, year, value, growth), with its overall change under it."""
    series, spans = result.frame, result.spans
    measures = measures_for(View.series)
    renderables: list[RenderableType] = []
    columns = [
        Column(header("entity", lang)),
        Column(header("year", lang), numeric=True),
        Column(header("value", lang), numeric=True, unit_in=3),
        unit_column(lang),
        *_measure_columns(lang, View.series),
    ]
    for metric in dict.fromkeys(series["metric"].astype(str)):
        rows_of_metric = series[series["metric"].astype(str) == metric]
        rows: list[list[str]] = []
        previous_zero = False
        for row in rows_of_metric.to_dict("records"):
            unit = str(row["unit"])
            zero_base = bool(previous_zero and not pd.isna(row["previous_year"]))
            value = marked_value(row, lang)
            rows.append(
                [
                    entity_label(row["entity"], result.entity_names, lang),
                    year_text(row["year"], row["year_basis"])
                    + (SCOPE_MARK if scope_differs(row) else ""),
                    figure_cell(value, unit, lang),
                    unit_name(unit, lang),
                    *(
                        measure_text(
                            measure,
                            row[measure.name],
                            unit,
                            lang,
                            zero_base,
                            str(row["kind"]),
                            bounds_of(row, measure.name),
                        )
                        for measure in measures
                    ),
                ]
            )
            previous_zero = bool(row["value"] == 0)
        name = indicator_label(metric, result.names, lang)
        unit = str(rows_of_metric["unit"].iloc[0])
        title = _titled(name, unit, metric, lang)
        mark_revised(rows, rows_of_metric, result.vintages, column=2)
        renderables.append(build_table(columns, rows, title=title, width=width))
        renderables.extend(vintage_notes(rows_of_metric, result.vintages, lang, width))
        renderables.extend(scope_notes_series(rows_of_metric, lang))
        renderables.extend(_outside_window(rows_of_metric, result.entity_names, lang, width))
        shown = [cell for row_cells in rows for cell in (row_cells[2], *row_cells[4:])]
        for span_row in spans[spans["metric"].astype(str) == metric].to_dict("records"):
            if span_row["year_from"] != span_row["year_to"]:
                parts = _span_parts(span_row, lang, result.entity_names)
                shown.extend(part.removeprefix(message("span.cagr", lang)) for part in parts[1:])
                separator = message("label.separator", lang)
                renderables.append(flowing_lines(parts, separator, width))
        shown_parts = [piece for part in shown for piece in str(part).split(" → ")]
        note = legend(
            rows_of_metric["flags"], lang, width, interval_marks(shown, lang), shown_parts
        )
        if note is not None:
            renderables.append(note)
        renderables.append(Text(""))
    return renderables[:-1] if renderables else renderables


# How many series with only one of the years a limited table names.
NOT_COMPARED_SHOWN = 8


def compare_view(
    result: ComparisonResult,
    lang: Language,
    width: int | None,
    names_shown: int | None = None,
) -> list[RenderableType]:
    """Every series between two years, by name, and what had only one of them.

    With ``names_shown``, the series not compared are named up to that many per
    year and the rest counted; without a tolerance, a line says how to take each
    series' nearest years instead.

    Each row is the series' name (with its entity) and, dim beneath it, the
    metric id to type into ``zgc metrics`` or ``zgc source``. On a narrow
    terminal the ratio, then the change, then the percent change are left out.
    """
    measures = measures_for(View.compare)
    columns = [
        Column(header("indicator", lang), comfortable=NAME_COMFORTABLE_WIDTH),
        Column(_year_heading(result.year_from, result.tolerance), numeric=True, unit_in=3),
        Column(_year_heading(result.year_to, result.tolerance), numeric=True, unit_in=3),
        unit_column(lang),
        *_measure_columns(lang, View.compare),
    ]
    rows: list[list[str | Text]] = []
    nearest = ""  # the first series compared over other years than those asked
    for row in result.frame.to_dict("records"):
        unit = str(row["unit"])
        zero_base = bool(row["value_from"] == 0)
        other_years = [
            year
            for year, asked in (
                (row["year_from"], result.year_from),
                (row["year_to"], result.year_to),
            )
            if year != asked
        ]
        if other_years:
            nearest = nearest or f"({other_years[0]})"
        ends = [
            figure_cell(
                marked_value(row, lang, end),
                unit,
                lang,
            )
            + (INFERRED_MARK if str(row[f"year_basis_{end}"]) == "inferred" else "")
            for end in ("from", "to")
        ]
        # Under a tolerance, a figure of another year than its column's says its year.
        ends = [
            _of_year(cell, int(row[f"year_{end}"])) if row[f"year_{end}"] != asked else cell
            for cell, end, asked in zip(
                ends, ("from", "to"), (result.year_from, result.year_to), strict=True
            )
        ]
        label = series_label(row["metric"], row["entity"], result.names, result.entity_names, lang)
        named = indicator_label(row["metric"], result.names, lang) != str(row["metric"])
        rows.append(
            [
                # The id beneath, to type next; not when the name is the id already.
                labelled(
                    label + (SCOPE_MARK if scope_differs(row) else ""),
                    str(row["metric"]) if named else "",
                ),
                *ends,
                unit_name(unit, lang),
                *(
                    measure_text(
                        measure,
                        row[measure.name],
                        unit,
                        lang,
                        zero_base,
                        str(row["kind"]),
                        bounds_of(row, measure.name),
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
    marked = mark_compared(rows, result.frame, result.vintages)
    table = build_table(columns, rows, title=title, width=width, ids_note=_ids_note(lang))
    renderables: list[RenderableType] = [table]
    renderables.extend(compared_notes(marked, result, lang))
    renderables.extend(scope_notes_compared(result, lang))
    shown = [str(cell) for row_cells in rows for cell in (*row_cells[1:3], *row_cells[4:])]
    note = legend(result.frame["flags"], lang, width, interval_marks(shown, lang), shown)
    if note is not None:
        renderables.append(note)
    if nearest:
        line = message("compare.nearest", lang, example=nearest, within=within)
        renderables.append(plain(line, style="dim"))
    any_missing = False
    for year, missing in ((result.year_from, result.only_from), (result.year_to, result.only_to)):
        if not missing.empty:
            any_missing = True
            renderables.append(_not_compared(year, missing, lang, result, width, names_shown))
    if any_missing and not result.tolerance:
        renderables.append(plain(message("compare.try_tolerance", lang), style="dim"))
    return renderables


def _of_year(cell: Figure, year: int) -> Figure:
    """A figure with the year it is of: ``1897 (2012)``; stacked, the year on a line of its own."""
    return Figure(f"{cell} ({year})", f"{cell.with_unit} ({year})", f"{cell.stacked}\n({year})")


def _year_heading(year: int, tolerance: int) -> str:
    """A compared year's heading: ``2013``, or ``2013 ±1`` when a figure may be of a year
    near it (each such cell then says its own year)."""
    return f"{year} ±{tolerance}" if tolerance else str(year)


def _ids_note(lang: Language) -> str:
    return message("table.ids_left_out", lang)


def _outside_window(
    rows: pd.DataFrame,
    entity_names: Mapping[str, Mapping[str, str]],
    lang: Language,
    width: int | None,
) -> list[RenderableType]:
    """A line for each row whose growth runs from a figure the table does not show.

    ``--from``/``--to`` is a window: a row keeps its growth since its previous
    figure, which may lie outside it. That figure's marks (bound, estimate,
    derived) are then nowhere in the table, so they are said here.
    """
    lines: list[RenderableType] = []
    shown = {
        (str(entity), int(year)) for entity, year in zip(rows["entity"], rows["year"], strict=True)
    }
    for row in rows.to_dict("records"):
        previous = row["previous_year"]
        if pd.isna(previous) or (str(row["entity"]), int(previous)) in shown:
            continue
        own = {str(row["status"]), str(row["qualifier"])}
        flags = [flag for flag in str(row["flags"]).split(FLAG_SEPARATOR) if flag]
        others = [flag for flag in flags if flag not in own]
        # Marked as a number is: a bound before it (~2013), a status after it (2013^).
        before = "".join(QUALIFIER_MARKS.get(flag, "") for flag in others)
        after = "".join(STATUS_MARKS.get(flag, "") for flag in others)
        text = message(
            "series.outside_window",
            lang,
            entity=entity_label(row["entity"], entity_names, lang),
            year=int(row["year"]),
            previous=f"{before}{int(previous)}{after}",
        )
        lines.append(flowing_lines([text], "", width, style="dim"))
    return lines


def _within(tolerance: int, lang: Language) -> str:
    """``±1 year``, ``±2 years``: how far from the years asked a comparison may reach."""
    key = "compare.within_year" if tolerance == 1 else "compare.within_years"
    return message(key, lang, tolerance=tolerance)


def _not_compared(
    year: int,
    missing: pd.DataFrame,
    lang: Language,
    result: ComparisonResult,
    width: int | None,
    names_shown: int | None = None,
) -> Text:
    """The series with only one of the years, by name, broken between names only.

    With ``names_shown``, the first that many by name and the rest as a count.
    """
    total = len(missing)
    if names_shown is not None and total > names_shown:
        missing = missing.iloc[:names_shown]
    # Thousands of series can miss a year: each name is looked up once.
    labels: dict[tuple[str, str], str] = {}
    names = []
    for metric, entity in zip(
        missing["metric"].astype(str), missing["entity"].astype(str), strict=True
    ):
        key = (metric, entity)
        if key not in labels:
            labels[key] = series_label(metric, entity, result.names, result.entity_names, lang)
        names.append(labels[key])
    if result.tolerance:
        lead = message(
            "compare.not_compared_near",
            lang,
            year=year,
            within=_within(result.tolerance, lang),
            count=total,
            series="",
        )
    else:
        lead = message("compare.not_compared", lang, year=year, count=total, series="")
    if total > len(names):
        names.append(message("compare.more_not_compared", lang, count=total - len(names)))
    separator = message("label.separator", lang)
    return flowing_lines(names, separator, width, style="dim", lead=lead)


def _name_columns(lang: Language) -> tuple[str, str]:
    return profile_of(lang).name_columns


def catalog_order(frame: pd.DataFrame, lang: Language) -> pd.DataFrame:
    """The catalog's rows as the map lays them out: by category (in the messages' order,
    then any other by name), then by indicator name and entity name in the language.

    Chinese names sort by code point, which for Chinese characters is the
    radical-and-stroke order of the Kangxi dictionary: no pinyin table is needed.
    """
    if frame.empty:
        return frame
    name_column, other_column = _name_columns(lang)
    known = [key.removeprefix("category.") for key in MESSAGES if key.startswith("category.")]
    category = frame["category"].astype(str)
    names = (
        frame[name_column]
        .astype(str)
        .where(frame[name_column].astype(str) != "", frame[other_column].astype(str))
    )
    names = names.where(names != "", frame["metric"].astype(str))
    entities = (
        frame[f"entity_{name_column}"]
        .astype(str)
        .where(frame[f"entity_{name_column}"].astype(str) != "", frame["entity"].astype(str))
    )
    keys = pd.DataFrame(
        {
            "rank": category.map(lambda text: known.index(text) if text in known else len(known)),
            "category": category.map(lambda text: category_label(text, lang).casefold()),
            "name": names.str.casefold(),
            "entity": entities.str.casefold(),
        },
        index=frame.index,
    )
    order = keys.sort_values(["rank", "category", "name", "entity"], kind="stable").index
    return frame.loc[order]


# The catalog's entity wraps beyond this, leaving the room to the indicator's name.
ENTITY_MAX_WIDTH = 16


def catalog_view(result: CatalogResult, lang: Language, width: int | None) -> list[RenderableType]:
    """The catalog as a map: by category, each series by name with its latest value.

    A row is the indicator's name (its id, dim, beneath it), the entity, the year
    and value of its latest figure, the unit and the sparkline of a series with
    two or more figures. A narrow terminal leaves out the sparkline, then the
    unit's column (each figure then carries its unit), then the ids.
    """
    columns = [
        Column(header("indicator", lang), comfortable=NAME_COMFORTABLE_WIDTH),
        Column(header("entity", lang), max_width=ENTITY_MAX_WIDTH),
        Column(header("year", lang), numeric=True),
        Column(header("latest", lang), numeric=True, unit_in=4),
        unit_column(lang),
        Column(header("trend", lang), whole=True, optional=2),
    ]
    name_column, other_column = _name_columns(lang)
    catalog, values = catalog_order(result.frame, lang), result.values
    rows: list[Row] = []
    category = None
    for row in catalog.to_dict("records"):
        if row["category"] != category:
            category = row["category"]
            rows.append(Heading(category_label(category, lang)))
        flag_parts = str(row["latest_flags"]).split(FLAG_SEPARATOR)
        status = next((part for part in flag_parts if part in STATUS_MARKS), "")
        qualifier = next((part for part in flag_parts if part in QUALIFIER_MARKS), "")
        year = f"{row['last_year']}{INFERRED_MARK if 'inferred_year' in flag_parts else ''}"
        series_values = values.get((str(row["metric"]), str(row["entity"])), [])
        name = str(row[name_column] or row[other_column] or row["metric"])
        rows.append(
            [
                labelled(name, str(row["metric"])),
                str(row[f"entity_{name_column}"] or row[f"entity_{other_column}"] or row["entity"]),
                year,
                figure_cell(
                    marked_interval(
                        row["latest_value"],
                        bounds_of(row, "latest_value"),
                        str(row["unit"]),
                        status,
                        qualifier,
                        lang,
                    ),
                    str(row["unit"]),
                    lang,
                ),
                unit_name(str(row["unit"]), lang),
                sparkline(series_values) if len(series_values) >= 2 else "",
            ]
        )
    marked = mark_latest(rows, catalog, result.vintages, column=3)
    table = build_table(columns, rows, width=width, ids_note=_ids_note(lang))
    renderables: list[RenderableType] = [table]
    renderables.extend(latest_note(marked, lang))
    shown = [str(cells[3]) for cells in rows if not isinstance(cells, Heading)]
    note = legend(catalog["latest_flags"], lang, width, interval_marks(shown, lang))
    if note is not None:
        renderables.append(note)
    return renderables


def share_view(result: ShareResult, lang: Language, width: int | None) -> list[RenderableType]:
    """Each entity's share of its whole, year by year, marked as its ends are."""
    frame = result.frame
    columns = [
        Column(header("entity", lang)),
        Column(header("year", lang), numeric=True),
        Column(header("value", lang), numeric=True, unit_in=5),
        Column(header("whole", lang)),
        Column(header("whole_value", lang), numeric=True, unit_in=5),
        unit_column(lang),
        Column(header("share_pct", lang), numeric=True),
    ]
    rows: list[list[str]] = []
    for row in frame.to_dict("records"):
        unit = result.unit
        rows.append(
            [
                entity_label(row["entity"], result.entity_names, lang),
                str(row["year"]),
                figure_cell(
                    interval_text(row["value"], bounds_of(row, "value"), Notation.value, lang),
                    unit,
                    lang,
                ),
                entity_label(row["of_entity"], result.entity_names, lang),
                figure_cell(whole_value_cell(row, lang), unit, lang),
                unit_name(unit, lang),
                share_cell(row, lang),
            ]
        )
    metric = str(frame["metric"].iloc[0]) if not frame.empty else ""
    name = name_in(result.indicator_names, lang) or metric
    title = _titled(name, result.unit, metric, lang)
    renderables: list[RenderableType] = [build_table(columns, rows, title=title, width=width)]
    shown = [str(cell) for cells in rows for cell in (cells[2], cells[4], cells[6])]
    note = legend(frame["flags"], lang, width, interval_marks(shown, lang))
    if note is not None:
        renderables.append(note)
    return renderables
