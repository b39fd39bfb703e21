"""Tab-separated text and Excel workbooks as the loader's CSV.

python-calamine reads ``.xlsx`` and comes with the ``excel`` extra.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import replace
from typing import Any

from zgc_cli.errors import DataError
from zgc_cli.model.limits import csv_field_limit
from zgc_cli.model.readers.places import (
    Places,
    columns_to_csv,
    number_text,
    quoted,
    refuse_comparison,
)
from zgc_cli.model.workbook import check_workbook, diagnose
from zgc_cli.words import Listed, csv_problem, phrase

EXCEL_EXTRA_HINT = "pip install 'zgc[excel]'"


def tsv_to_csv(label: str, raw: bytes) -> bytes:
    """Tab-separated text as CSV, line for line and byte for byte within the cells.

    Read as Latin-1, as :mod:`~zgc_cli.model.shape` reads: tabs, commas, quotes and
    line breaks are the same bytes in UTF-8 and GB18030, so the encoding survives,
    and each record keeps its lines, so the loader's line numbers are the file's.
    """
    text = raw.decode("latin-1")
    csv_field_limit()
    reader = csv.reader(io.StringIO(text, newline=""), delimiter="\t")
    out = io.StringIO()
    first_line = 1
    try:
        for row in reader:
            out.write(",".join(quoted(cell) for cell in row) + "\n")
            first_line = reader.line_num + 1
    except csv.Error as error:  # named at the line its record starts on
        problem = csv_problem(error)
        raise DataError(phrase("csv.row", label=label, line=first_line, problem=problem)) from None
    return out.getvalue().encode("latin-1")


# --- Excel ---------------------------------------------------------------------------------


def _excel_cell(cell: Any) -> str:
    """An Excel cell as text: numbers exact (Excel keeps doubles), TRUE/FALSE, dates in ISO."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, int):
        return str(cell)
    if isinstance(cell, float):  # 1e400 is inf: said so by the loader, not taken for empty
        return number_text(cell) if math.isfinite(cell) else repr(cell)
    isoformat = getattr(cell, "isoformat", None)
    return str(isoformat()) if isoformat is not None else str(cell)


def _excel_column(cells: list[Any]) -> list[str]:
    """A column's cells as texts: text as it is, the rest cell by cell."""
    if set(map(type, cells)) <= {str}:
        return cells
    return [cell if type(cell) is str else _excel_cell(cell) for cell in cells]


def _reason(error: Exception) -> str:
    words = str(error).strip()
    return words.splitlines()[0] if words else type(error).__name__


def xlsx_to_csv(label: str, raw: bytes, sheet: str | None) -> tuple[bytes, Places]:
    """The first sheet of a workbook (or the one named ``sheet``) as the loader's CSV.

    Rows are numbered as Excel numbers them, so ``book.xlsx:5`` is row 5.
    """
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:
        hint = EXCEL_EXTRA_HINT
        raise DataError(phrase("xlsx.needs_extra", label=label, hint=hint)) from None
    checked = check_workbook(label, raw, sheet)
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(raw))
    except Exception as error:  # calamine's errors are its own types, a zip's too
        raise DataError(phrase("xlsx.unreadable", label=label, reason=_reason(error))) from None
    names = list(workbook.sheet_names)
    if sheet is not None and sheet not in names:
        sheets = Listed(names)
        raise DataError(phrase("xlsx.no_sheet", label=label, sheet=sheet, sheets=sheets))
    if not names:
        raise DataError(phrase("xlsx.no_sheets", label=label))
    try:
        chosen = workbook.get_sheet_by_name(sheet if sheet is not None else names[0])
        rows = chosen.to_python()
    except Exception as error:  # broken sheet XML: a bad number, entity or reference
        raise diagnose(label, checked, _reason(error)) from None
    first_row = int(chosen.start[0]) + 1 if chosen.start else 1
    if not rows or not any(str(cell).strip() for cell in rows[0]):
        raise DataError(phrase("xlsx.empty_sheet", label=label, sheet=chosen.name))
    header = [_excel_cell(cell) for cell in rows[0]]
    refuse_comparison(label, header)
    # Rows with no cell at all are blank lines to the loader: left out here, at C speed,
    # so a sheet of a few cells far apart costs its cells, not its rows.
    width = len(header)
    places = [
        first_row + number for number, row in enumerate(rows) if number and row.count("") != width
    ]
    body = [rows[place - first_row] for place in places]
    if not body:
        raise DataError(phrase("xlsx.no_observations", label=label, sheet=chosen.name))
    columns = [_excel_column(list(column)) for column in zip(*body, strict=True)]
    buffer, located = columns_to_csv(label, header, columns, places, "row")
    return buffer, replace(located, header=first_row)
