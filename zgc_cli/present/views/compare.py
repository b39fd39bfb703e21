"""The layout of a comparison between two years: every series by name, and what had one year.

The terminal (:func:`compare_view`) and the report render the same
:class:`~zgc_cli.present.layout.Table`.
"""

from __future__ import annotations

import pandas as pd
from rich.console import RenderableType

from zgc_cli.present.layout import TERMINAL_ONLY, Cell, Column, Note, SourceRef, Table, cell_style
from zgc_cli.present.numbers import marked_value
from zgc_cli.present.tables import render_layouts
from zgc_cli.present.views.common import (
    INFERRED_MARK,
    figure_cell,
    header,
    indicator_label,
    legend_note,
    series_label,
    unit_column,
)
from zgc_cli.present.views.series import NAME_COMFORTABLE_WIDTH, measure_cells, measure_columns
from zgc_cli.present.views.vintages import (
    SCOPE_MARK,
    compared_lines,
    mark_compared,
    scope_differs,
    scope_notes_compared,
)
from zgc_cli.stats.measures import View
from zgc_cli.stats.results import ComparisonResult
from zgc_cli.words import Language, message, unit_name

# How many series with only one of the years a limited table names.
NOT_COMPARED_SHOWN = 8


def compare_layout(
    result: ComparisonResult, lang: Language, names_shown: int | None = None
) -> Table:
    """Every series between two years, by name, and what had only one of them.

    With ``names_shown``, the series not compared are named up to that many per
    year and the rest counted; without a tolerance, a note says how to take each
    series' nearest years instead.

    Each row is the series' name (with its entity) and, beneath it, the metric id
    to type into ``zgc metrics`` or ``zgc source``. A narrow terminal leaves out the
    ratio, then the change, then the percent change.
    """
    columns = [
        Column(header("indicator", lang), comfortable=NAME_COMFORTABLE_WIDTH, key="series"),
        Column(
            _year_heading(result.year_from, result.tolerance), numeric=True, unit_in=3, key="from"
        ),
        Column(_year_heading(result.year_to, result.tolerance), numeric=True, unit_in=3, key="to"),
        unit_column(lang),
        *measure_columns(lang, View.compare),
    ]
    rows: list[list[Cell]] = []
    nearest = ""  # the first series compared over other years than those asked
    for row in result.frame.to_dict("records"):
        metric, entity, unit = str(row["metric"]), str(row["entity"]), str(row["unit"])
        asked = {"from": result.year_from, "to": result.year_to}
        other_years = [row[f"year_{end}"] for end in asked if row[f"year_{end}"] != asked[end]]
        if other_years:
            nearest = nearest or f"({other_years[0]})"
        ends: list[Cell] = []
        for end in asked:
            year = int(row[f"year_{end}"])
            cell = figure_cell(
                marked_value(row, lang, end),
                unit,
                lang,
                ((metric, entity, year),),
                cell_style(str(row[f"flags_{end}"]) if f"flags_{end}" in row else ""),
            )
            cell += INFERRED_MARK if str(row[f"year_basis_{end}"]) == "inferred" else ""
            # Under a tolerance, a figure of another year than its column's says its year.
            ends.append(_of_year(cell, year) if year != asked[end] else cell)
        both: tuple[SourceRef, ...] = tuple(source for cell in ends for source in cell.sources)
        label = series_label(metric, entity, result.names, result.entity_names, lang)
        named = indicator_label(metric, result.names, lang) != metric
        rows.append(
            [
                # The id beneath, to type next; not when the name is the id already.
                Cell(
                    label + (SCOPE_MARK if scope_differs(row) else ""),
                    detail=metric if named else "",
                ),
                *ends,
                Cell(unit_name(unit, lang)),
                *measure_cells(row, lang, View.compare, bool(row["value_from"] == 0), both),
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
    notes: list[Note] = [Note((line,)) for line in compared_lines(marked, result, lang)]
    notes += scope_notes_compared(result, lang)
    shown = [str(cell) for row_cells in rows for cell in (*row_cells[1:3], *row_cells[4:])]
    legend = legend_note(result.frame["flags"], lang, shown, shown)
    if legend is not None:
        notes.append(legend)
    if nearest:
        notes.append(Note((message("compare.nearest", lang, example=nearest, within=within),)))
    any_missing = False
    for year, missing in ((result.year_from, result.only_from), (result.year_to, result.only_to)):
        if not missing.empty:
            any_missing = True
            notes.append(_not_compared(year, missing, lang, result, names_shown))
    if any_missing and not result.tolerance:
        hint = message("compare.try_tolerance", lang)
        notes.append(Note((hint,), reader=TERMINAL_ONLY))
    return Table(
        columns,
        rows,
        title=title,
        notes=notes,
        ids_note=message("table.ids_left_out", lang),
        kind="comparison",
    )


def compare_view(
    result: ComparisonResult,
    lang: Language,
    width: int | None,
    names_shown: int | None = None,
) -> list[RenderableType]:
    """The comparison's table for a terminal ``width`` wide, its notes beneath."""
    return render_layouts([compare_layout(result, lang, names_shown)], width)


def _of_year(cell: Cell, year: int) -> Cell:
    """A figure with the year it is of: ``1897 (2012)``; stacked, the year on a line of its own."""
    with_unit = cell.with_unit or cell.text
    stacked = cell.stacked or with_unit
    return Cell(
        f"{cell.text} ({year})",
        numeric=True,
        sources=cell.sources,
        style=cell.style,
        with_unit=f"{with_unit} ({year})",
        stacked=f"{stacked}\n({year})",
    )


def _year_heading(year: int, tolerance: int) -> str:
    """A compared year's heading: ``2013``, or ``2013 ±1`` when a figure may be of a year
    near it (each such cell then says its own year)."""
    return f"{year} ±{tolerance}" if tolerance else str(year)


def _within(tolerance: int, lang: Language) -> str:
    """``±1 year``, ``±2 years``: how far from the years asked a comparison may reach."""
    key = "compare.within_year" if tolerance == 1 else "compare.within_years"
    return message(key, lang, tolerance=tolerance)


def _not_compared(
    year: int,
    missing: pd.DataFrame,
    lang: Language,
    result: ComparisonResult,
    names_shown: int | None = None,
) -> Note:
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
    # A page names no series here (it has no --limit to name them all): the count says it.
    reader = lead.rstrip().rstrip(":：")
    return Note(tuple(names), separator, kind="list", lead=lead, reader=reader)
