"""The layouts of series with growth and of shares: one display-model table per metric.

The terminal (:func:`series_view`, :func:`share_view`) and the report render the
same :class:`~zgc_cli.present.layout.Table` objects.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

import pandas as pd
from rich.console import RenderableType

from zgc_cli.model.schema import FLAG_SEPARATOR, QUALIFIER_MARKS, STATUS_MARKS
from zgc_cli.present.layout import Cell, Column, Note, SourceRef, Table, cell_style
from zgc_cli.present.numbers import Notation, bounds_of, interval_text, marked_value
from zgc_cli.present.tables import render_layouts
from zgc_cli.present.views.common import (
    entity_label,
    figure_cell,
    header,
    indicator_label,
    legend_note,
    measure_header,
    measure_text,
    name_in,
    share_cell,
    unit_column,
    whole_value_cell,
    year_text,
)
from zgc_cli.present.views.vintages import (
    SCOPE_MARK,
    mark_revised,
    scope_differs,
    scope_notes_series,
    vintage_lines,
)
from zgc_cli.stats.measures import View, measures_for
from zgc_cli.stats.results import SeriesResult, ShareResult
from zgc_cli.words import Language, message, titled, unit_name

# An indicator's name reads well from this width: columns are dropped before it is narrower.
NAME_COMFORTABLE_WIDTH = 20

# Which growth columns a narrow terminal leaves out first: the ratio says what the
# percent change says; the absolute change is in the unit; the percent change is what
# people quote, so the compound annual rate goes before it. The units' column (1) goes
# last, its unit then written in each figure's cell.
MEASURE_DROP: dict[str, int] = {"ratio": 4, "change": 3, "cagr_pct": 2}


def measure_columns(lang: Language, view: View) -> list[Column]:
    """A column per growth measure of the ``view``, in the registry's order."""
    return [
        Column(
            measure_header(measure, lang),
            numeric=True,
            drop=MEASURE_DROP.get(measure.name, 0),
            key=measure.name,
        )
        for measure in measures_for(view)
    ]


def measure_cells(
    row: Mapping[Hashable, Any],
    lang: Language,
    view: View,
    zero_base: bool,
    sources: tuple[SourceRef, ...],
) -> list[Cell]:
    """A row's growth measures as cells, each leading to the figures it joins."""
    unit = str(row["unit"])
    return [
        Cell(
            measure_text(
                measure,
                row[measure.name],
                unit,
                lang,
                zero_base,
                str(row["kind"]),
                bounds_of(row, measure.name),
            ),
            numeric=True,
            sources=sources,
        )
        for measure in measures_for(view)
    ]


def titled_text(name: str, unit: str, lang: Language) -> str:
    """A table's title: the indicator's name and unit in the language."""
    return titled(name, unit_name(unit, lang) if unit else "", lang)


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


def series_columns(lang: Language) -> list[Column]:
    """The columns of a series' table: entity, year, value, unit, the growth measures."""
    return [
        Column(header("entity", lang), key="entity"),
        Column(header("year", lang), numeric=True, key="year"),
        Column(header("value", lang), numeric=True, unit_in=3, key="value"),
        unit_column(lang),
        *measure_columns(lang, View.series),
    ]


def series_layouts(result: SeriesResult, lang: Language) -> list[Table]:
    """One table per metric (entity, year, value, growth), with its overall change under it."""
    series, spans = result.frame, result.spans
    columns = series_columns(lang)
    tables: list[Table] = []
    for metric in dict.fromkeys(series["metric"].astype(str)):
        rows_of_metric = series[series["metric"].astype(str) == metric]
        rows: list[list[Cell]] = []
        previous_zero = False
        for row in rows_of_metric.to_dict("records"):
            unit = str(row["unit"])
            has_previous = not pd.isna(row["previous_year"])
            zero_base = bool(previous_zero and has_previous)
            entity = str(row["entity"])
            own: tuple[SourceRef, ...] = ((metric, entity, int(row["year"])),)
            joined = ((metric, entity, int(row["previous_year"])), *own) if has_previous else ()
            rows.append(
                [
                    Cell(entity_label(row["entity"], result.entity_names, lang)),
                    Cell(
                        year_text(row["year"], row["year_basis"])
                        + (SCOPE_MARK if scope_differs(row) else ""),
                        numeric=True,
                    ),
                    figure_cell(
                        marked_value(row, lang), unit, lang, own, cell_style(str(row["flags"]))
                    ),
                    Cell(unit_name(unit, lang)),
                    *measure_cells(row, lang, View.series, zero_base, joined),
                ]
            )
            previous_zero = bool(row["value"] == 0)
        name = indicator_label(metric, result.names, lang)
        unit = str(rows_of_metric["unit"].iloc[0])
        mark_revised(rows, rows_of_metric, result.vintages, column=2)
        vintages = vintage_lines(rows_of_metric, result.vintages, lang)
        notes: list[Note] = [Note((line,)) for line in vintages]
        notes += scope_notes_series(rows_of_metric, lang)
        notes += _outside_window(rows_of_metric, result.entity_names, lang)
        shown = [str(cell) for row_cells in rows for cell in (row_cells[2], *row_cells[4:])]
        for span_row in spans[spans["metric"].astype(str) == metric].to_dict("records"):
            if span_row["year_from"] != span_row["year_to"]:
                parts = _span_parts(span_row, lang, result.entity_names)
                shown.extend(part.removeprefix(message("span.cagr", lang)) for part in parts[1:])
                separator = message("label.separator", lang)
                notes.append(Note(tuple(parts), separator, kind="span"))
        shown_parts = [piece for part in shown for piece in part.split(" → ")]
        legend = legend_note(rows_of_metric["flags"], lang, shown, shown_parts)
        if legend is not None:
            notes.append(legend)
        tables.append(
            Table(
                columns,
                rows,
                title=titled_text(name, unit, lang),
                id_line=metric if metric != name else "",
                notes=notes,
                kind="series",
                subject=metric,
            )
        )
    return tables


def series_view(result: SeriesResult, lang: Language, width: int | None) -> list[RenderableType]:
    """The series' tables for a terminal ``width`` wide, a blank line between metrics."""
    return render_layouts(series_layouts(result, lang), width, gap=True)


def _outside_window(
    rows: pd.DataFrame, entity_names: Mapping[str, Mapping[str, str]], lang: Language
) -> list[Note]:
    """A note for each row whose growth runs from a figure the table does not show.

    ``--from``/``--to`` is a window: a row keeps its growth since its previous
    figure, which may lie outside it. That figure's marks (bound, estimate,
    derived) are then nowhere in the table, so they are said here.
    """
    notes: list[Note] = []
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
        notes.append(Note((text,), kind="list"))
    return notes


def share_layout(result: ShareResult, lang: Language) -> Table:
    """Each entity's share of its whole, year by year, marked as its ends are."""
    frame = result.frame
    unit = result.unit
    columns = [
        Column(header("entity", lang), key="entity"),
        Column(header("year", lang), numeric=True, key="year"),
        Column(header("value", lang), numeric=True, unit_in=5, key="value"),
        Column(header("whole", lang), key="whole"),
        Column(header("whole_value", lang), numeric=True, unit_in=5, key="whole_value"),
        unit_column(lang),
        Column(header("share_pct", lang), numeric=True, key="share_pct"),
    ]
    rows: list[list[Cell]] = []
    for row in frame.to_dict("records"):
        metric, year = str(row["metric"]), int(row["year"])
        part: tuple[SourceRef, ...] = ((metric, str(row["entity"]), year),)
        whole: tuple[SourceRef, ...] = ((metric, str(row["of_entity"]), year),)
        value = interval_text(row["value"], bounds_of(row, "value"), Notation.value, lang)
        rows.append(
            [
                Cell(entity_label(row["entity"], result.entity_names, lang)),
                Cell(str(row["year"]), numeric=True),
                figure_cell(value, unit, lang, part),
                Cell(entity_label(row["of_entity"], result.entity_names, lang)),
                figure_cell(whole_value_cell(row, lang), unit, lang, whole),
                Cell(unit_name(unit, lang)),
                Cell(share_cell(row, lang), numeric=True, sources=part + whole),
            ]
        )
    metric = str(frame["metric"].iloc[0]) if not frame.empty else ""
    name = name_in(result.indicator_names, lang) or metric
    shown = [str(cell) for cells in rows for cell in (cells[2], cells[4], cells[6])]
    legend = legend_note(frame["flags"], lang, shown)
    return Table(
        columns,
        rows,
        title=titled_text(name, result.unit, lang),
        id_line=metric if metric != name else "",
        notes=[legend] if legend is not None else [],
        kind="share",
        subject=metric,
    )


def share_view(result: ShareResult, lang: Language, width: int | None) -> list[RenderableType]:
    """A share's table for a terminal ``width`` wide."""
    return render_layouts([share_layout(result, lang)], width)
