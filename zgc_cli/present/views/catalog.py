"""The layout of the catalog: by category, each series by name with its latest value.

The terminal (:func:`catalog_view`) renders the :class:`~zgc_cli.present.layout.Table`.
"""

from __future__ import annotations

import pandas as pd
from rich.console import RenderableType

from zgc_cli.model.schema import FLAG_SEPARATOR, QUALIFIER_MARKS, STATUS_MARKS
from zgc_cli.present.layout import Cell, Column, Heading, Note, Row, Table, cell_style
from zgc_cli.present.numbers import bounds_of, marked_interval
from zgc_cli.present.tables import render_layouts
from zgc_cli.present.views.common import (
    INFERRED_MARK,
    category_label,
    figure_cell,
    header,
    legend_note,
    sparkline,
    unit_column,
)
from zgc_cli.present.views.series import NAME_COMFORTABLE_WIDTH
from zgc_cli.present.views.vintages import MARK, mark_latest
from zgc_cli.stats.results import CatalogResult
from zgc_cli.words import MESSAGES, Language, message, profile_of, unit_name

# The catalog's entity wraps beyond this, leaving the room to the indicator's name.
ENTITY_MAX_WIDTH = 16


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


def catalog_layout(result: CatalogResult, lang: Language) -> Table:
    """The catalog as a map: by category, each series by name with its latest value.

    A row is the indicator's name (its id beneath it), the entity, the year and
    value of its latest figure, the unit and the sparkline of a series with two or
    more figures. A narrow terminal leaves out the sparkline, then the unit's
    column (each figure then carries its unit), then the ids.
    """
    columns = [
        Column(header("indicator", lang), comfortable=NAME_COMFORTABLE_WIDTH, key="indicator"),
        Column(header("entity", lang), max_width=ENTITY_MAX_WIDTH, key="entity"),
        Column(header("year", lang), numeric=True, key="year"),
        Column(header("latest", lang), numeric=True, unit_in=4, key="latest"),
        unit_column(lang),
        Column(header("trend", lang), whole=True, drop=2, key="trend"),
    ]
    name_column, other_column = _name_columns(lang)
    catalog, values = catalog_order(result.frame, lang), result.values
    rows: list[Row] = []
    category = None
    for row in catalog.to_dict("records"):
        if row["category"] != category:
            category = row["category"]
            rows.append(Heading(category_label(category, lang)))
        flags = str(row["latest_flags"])
        flag_parts = flags.split(FLAG_SEPARATOR)
        status = next((part for part in flag_parts if part in STATUS_MARKS), "")
        qualifier = next((part for part in flag_parts if part in QUALIFIER_MARKS), "")
        year = f"{row['last_year']}{INFERRED_MARK if 'inferred_year' in flag_parts else ''}"
        metric, entity = str(row["metric"]), str(row["entity"])
        series_values = values.get((metric, entity), [])
        name = str(row[name_column] or row[other_column] or row["metric"])
        latest = marked_interval(
            row["latest_value"],
            bounds_of(row, "latest_value"),
            str(row["unit"]),
            status,
            qualifier,
            lang,
        )
        rows.append(
            [
                Cell(name, detail=metric if metric != name else ""),
                Cell(str(row[f"entity_{name_column}"] or row[f"entity_{other_column}"] or entity)),
                Cell(year, numeric=True),
                figure_cell(
                    latest,
                    str(row["unit"]),
                    lang,
                    ((metric, entity, int(row["last_year"])),),
                    cell_style(flags),
                ),
                Cell(unit_name(str(row["unit"]), lang)),
                Cell(sparkline(series_values) if len(series_values) >= 2 else ""),
            ]
        )
    marked = mark_latest(rows, catalog, result.vintages, column=3)
    notes: list[Note] = []
    if marked:
        notes.append(Note((MARK + " " + message("vintages.catalog_note", lang),)))
    shown = [str(cells[3]) for cells in rows if not isinstance(cells, Heading)]
    legend = legend_note(catalog["latest_flags"], lang, shown)
    if legend is not None:
        notes.append(legend)
    return Table(
        columns, rows, notes=notes, ids_note=message("table.ids_left_out", lang), kind="catalog"
    )


def catalog_view(result: CatalogResult, lang: Language, width: int | None) -> list[RenderableType]:
    """The catalog's table for a terminal ``width`` wide."""
    return render_layouts([catalog_layout(result, lang)], width)
