"""Every table keeps each figure's unit on the figure's row, and every id whole.

Each table view is laid out from the shipped data at 60, 80 and 120 columns, in
English and Chinese, under ``--limit`` 5, 50 and 0 (all), through the library (the
same ``render`` the command calls, without a process per case, so that the 54
layouts of each view stay in the fast tier). A row is the table's row, whatever
lines it takes: its cells as laid out. A figure is found in its row by the human
figure and the row's name; its unit, in the language, must be on that row (in a
column of units or the figure's own cell). An id is whole when every token of
the printed text that holds an underscore is an id of the data (a cut id leaves
``technology_innovation_`` or ``_centers``).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator

import pandas as pd
import pytest
from rich.console import Console
from rich.table import Table
from rich.text import Text

from zgc_cli import stats
from zgc_cli.model.dataset import Dataset
from zgc_cli.model.schema import FLAG_SEPARATOR, QUALIFIER_MARKS
from zgc_cli.present.numbers import Notation, bounds_of, interval_text, marked_interval
from zgc_cli.present.tables import print_renderables
from zgc_cli.present.views import render
from zgc_cli.stats.results import Result
from zgc_cli.words import Language, message, unit_name

WIDTHS = (60, 80, 120)
LIMITS = (5, 50, 0)


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return Dataset.open()


def _qualifier(flags: str) -> str:
    return next((part for part in str(flags).split(FLAG_SEPARATOR) if part in QUALIFIER_MARKS), "")


# For each CSV-like row of a result: (the figures it shows, the names its table row
# holds, its unit id). The figure is the text the view writes before any unit.
Figures = Callable[[dict[str, object], Language, Dataset], tuple[list[str], list[str], str]]


def _catalog(row: dict[str, object], lang: Language, dataset: Dataset) -> tuple:
    figure = marked_interval(
        row["latest_value"],
        bounds_of(row, "latest_value"),
        str(row["unit"]),
        "",
        _qualifier(str(row["latest_flags"])),
        lang,
    )
    name = str(row["name_zh" if lang is Language.zh else "name_en"] or row["metric"])
    return [figure], [name], str(row["unit"])


def _series(row: dict[str, object], lang: Language, dataset: Dataset) -> tuple:
    figure = marked_interval(
        row["value"], bounds_of(row, "value"), str(row["unit"]), "", str(row["qualifier"]), lang
    )
    place = dataset.entity_names().get(str(row["entity"]), {}).get(str(lang), str(row["entity"]))
    return [figure], [place, str(row["year"])], str(row["unit"])


def _compared(row: dict[str, object], lang: Language, dataset: Dataset) -> tuple:
    figures = [
        marked_interval(
            row[f"value_{end}"],
            bounds_of(row, f"value_{end}"),
            str(row["unit"]),
            "",
            str(row[f"qualifier_{end}"]),
            lang,
        )
        for end in ("from", "to")
    ]
    place = dataset.entity_names().get(str(row["entity"]), {}).get(str(lang), str(row["entity"]))
    indicator = dataset.indicators.set_index("metric")[
        "name_zh" if lang is Language.zh else "name_en"
    ]
    return figures, [place, str(indicator.get(str(row["metric"]), ""))], str(row["unit"])


def _shared(unit: str) -> Figures:
    def figures(row: dict[str, object], lang: Language, dataset: Dataset) -> tuple:
        shown = [
            interval_text(row["value"], bounds_of(row, "value"), Notation.value, lang),
            interval_text(row["of_value"], bounds_of(row, "of_value"), Notation.value, lang),
        ]
        place = dataset.entity_names().get(str(row["entity"]), {}).get(str(lang), "")
        return shown, [place, str(row["year"])], unit

    return figures


def _views(dataset: Dataset) -> dict[str, tuple[Result, Figures]]:
    share = stats.share(dataset, "registered_large_models")
    return {
        "catalog": (stats.catalog_of(dataset), _catalog),
        "series": (stats.series(dataset, ["revenue", "employees", "listed_firms"]), _series),
        "compare": (stats.comparison(dataset, 2014, 2023), _compared),
        "compare-near": (stats.comparison(dataset, 2013, 2023, tolerance=1), _compared),
        "share": (share, _shared(share.unit)),
    }


VIEWS = ("catalog", "series", "compare", "compare-near", "share")


def _tables(renderables: list[object]) -> Iterator[Table]:
    return (item for item in renderables if isinstance(item, Table))


def _rows(table: Table) -> list[str]:
    """Each row of a table as the text of its cells, as laid out (all its lines)."""
    cells = [list(column.cells) for column in table.columns]
    return [
        " | ".join(
            cell.plain if isinstance(cell, Text) else str(cell) for cell in (c[i] for c in cells)
        )
        for i in range(len(cells[0]) if cells else 0)
    ]


def _printed(renderables: list[object], width: int) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None)
    print_renderables(console, renderables)  # type: ignore[arg-type]
    return console.file.getvalue()  # type: ignore[attr-defined]


def _ids(dataset: Dataset) -> set[str]:
    frame = dataset.frame
    return (
        {str(name) for name in frame["metric"].unique()}
        | {str(name) for name in dataset.entities["entity"]}
        | {str(name) for name in frame["unit"].unique()}
    )


ID_TOKEN = re.compile(r"[A-Za-z0-9]*_[A-Za-z0-9_]*")


def _broken_ids(text: str, ids: set[str]) -> list[str]:
    return [token for token in ID_TOKEN.findall(text) if token not in ids]


def _unit_misses(
    result: Result, figures: Figures, renderables: list[object], lang: Language, dataset: Dataset
) -> tuple[int, list[tuple[str, str]]]:
    """How many figures were found on a row, and those whose row lacks their unit."""
    rows = [row for table in _tables(renderables) for row in _rows(table)]
    found, misses = 0, []
    for record in result.frame.to_dict("records"):
        shown, names, unit = figures(record, lang, dataset)
        unit_text = unit_name(unit, lang)
        for figure in shown:
            if figure == "—":
                continue
            # The figure whole (0 is not the 0 of 2.79 million), beside its names.
            alone = re.compile(rf"(?<![\d.,]){re.escape(figure)}(?![\d.,])")
            holding = [
                row for row in rows if alone.search(row) and all(name in row for name in names)
            ]
            found += bool(holding)
            # A unit may wrap between its words (per 10k / people), in its column or cell.
            misses += [(figure, row) for row in holding if unit_text not in " ".join(row.split())]
    return found, misses


def _cases() -> list[object]:
    return [
        pytest.param(view, width, lang, limit, id=f"{view}-{width}-{lang}-limit{limit}")
        for view in VIEWS
        for width in WIDTHS
        for lang in Language
        for limit in LIMITS
    ]


@pytest.fixture(scope="module")
def results(dataset: Dataset) -> dict[str, tuple[Result, Figures]]:
    """Each view's result, computed once: the cases lay it out 18 ways."""
    return _views(dataset)


@pytest.mark.parametrize(("view", "width", "lang", "limit"), _cases())
def test_each_figure_has_its_unit_on_its_row_and_each_id_is_whole(
    dataset: Dataset,
    results: dict[str, tuple[Result, Figures]],
    view: str,
    width: int,
    lang: Language,
    limit: int,
) -> None:
    result, figures = results[view]
    renderables = render(result, lang, width, limit or None)
    found, misses = _unit_misses(result, figures, renderables, lang, dataset)
    assert found, "no figure of the result was found in its table"
    assert not misses, misses[:3]
    printed = _printed(renderables, width)
    assert not _broken_ids(printed, _ids(dataset)), _broken_ids(printed, _ids(dataset))[:5]


def test_the_checks_would_see_a_unit_left_out_and_an_id_cut(
    dataset: Dataset, results: dict[str, tuple[Result, Figures]]
) -> None:
    ids = _ids(dataset)
    assert _broken_ids("technology_innovation_\ncenters", ids) == ["technology_innovation_"]
    assert not _broken_ids("technology_innovation_centers", ids)
    result, figures = results["catalog"]
    renderables = render(result, Language.en, 120)
    for table in _tables(renderables):
        table.columns = [column for column in table.columns if str(column.header) != "Unit"]
    found, misses = _unit_misses(result, figures, renderables, Language.en, dataset)
    assert found and misses


def _headers(renderables: list[object]) -> list[str]:
    return [
        str(column.header).replace("\n", " ") for t in _tables(renderables) for column in t.columns
    ]


@pytest.mark.parametrize("lang", list(Language))
def test_the_sparkline_goes_first_and_the_unit_column_last(
    dataset: Dataset, lang: Language
) -> None:
    catalog = stats.catalog_of(dataset)
    trend, unit = message("header.trend", lang), message("header.unit", lang)
    seen_without_trend = False
    for width in range(60, 161, 4):
        headers = _headers(render(catalog, lang, width))
        if trend in headers:
            assert unit in headers, width
        else:
            seen_without_trend = True
    assert seen_without_trend


@pytest.mark.parametrize("lang", list(Language))
def test_compare_keeps_the_percent_change_before_the_compound_rate(
    dataset: Dataset, lang: Language
) -> None:
    comparison = stats.comparison(dataset, 2014, 2023)
    measures = {m.name: m.labels[str(lang)] for m in stats.measures.MEASURES.values()}
    for width in range(60, 141, 4):
        headers = _headers(render(comparison, lang, width))
        assert measures["change_pct"] in headers, width
        if measures["cagr_pct"] in headers:
            assert measures["change_pct"] in headers


def test_a_row_of_ids_is_left_out_whole_with_a_pointer(dataset: Dataset) -> None:
    catalog = stats.catalog_of(dataset)
    narrow = _printed(render(catalog, Language.en, 60), 60)
    wide = _printed(render(catalog, Language.en, 160), 160)
    note = message("table.ids_left_out", Language.en)
    assert "technology_innovation_centers" in wide and note not in wide
    assert "technology_innovation" not in narrow
    assert " ".join(note.split()) in " ".join(narrow.split())


def test_the_test_data_are_what_the_views_show(
    results: dict[str, tuple[Result, Figures]],
) -> None:
    # The frame the checks walk is the one the view lays out: not empty, with units.
    for result, _ in results.values():
        assert isinstance(result.frame, pd.DataFrame) and not result.frame.empty


def _other_views(dataset: Dataset) -> dict[str, Result]:
    return {
        "search": stats.search(dataset, "patents"),
        "source": stats.sources(dataset, "revenue"),
        "timeline": stats.timeline(dataset),
        "export": stats.observations(dataset),
    }


@pytest.fixture(scope="module")
def other_results(dataset: Dataset) -> dict[str, Result]:
    return _other_views(dataset)


@pytest.mark.parametrize("limit", LIMITS)
@pytest.mark.parametrize("lang", list(Language))
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("view", ["search", "source", "timeline", "export"])
def test_every_other_table_view_keeps_each_id_whole(
    dataset: Dataset,
    other_results: dict[str, Result],
    view: str,
    width: int,
    lang: Language,
    limit: int,
) -> None:
    result = other_results[view]
    printed = _printed(render(result, lang, width, limit or None), width)
    # Export's own column names hold underscores too (year_basis, note_zh): ids of the file.
    ids = _ids(dataset) | {str(name) for name in result.frame.columns}
    for column in ("status", "qualifier", "year_basis"):  # the data's vocabulary
        ids |= {str(word) for word in dataset.frame[column].astype(str).unique()}
    assert not _broken_ids(printed, ids), _broken_ids(printed, ids)[:5]
