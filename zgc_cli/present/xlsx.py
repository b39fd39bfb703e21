"""Results as an Excel workbook (``-o FILE.xlsx``), through the optional ``excel`` extra.

One sheet: a header row (frozen), then the rows. Numbers are numbers, written
with the very digits of the CSV (openpyxl's own writer would round them to 16
significant digits), so a value reads back as the same float. Text is always
text: openpyxl stores a string that begins with ``=`` as a formula, so every
text cell is typed as a string, and one that starts like a formula (``=``,
``+``, ``-``, ``@``, a tab, a carriage return) also gets Excel's quote prefix,
so Excel neither evaluates it on opening nor after the cell is edited. The
characters XML cannot hold (C0 controls but tab and line ends) are written as
OOXML's ``_xHHHH_`` escapes, which Excel reads back as the characters; a
literal ``_xHHHH_`` in the data is escaped in turn (``_x005F_``) so Excel shows
it as written.
"""

from __future__ import annotations

import errno
import os
import re
from typing import IO, TYPE_CHECKING, Any

import pandas as pd

from zgc_cli.errors import ZgcError
from zgc_cli.phrases import phrase
from zgc_cli.present.cells import chunks, text_cells

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

EXTRA_HINT = "pip install 'zgc[excel]'"
# Excel's sheet: 1,048,576 rows, one of them the header.
EXCEL_MAX_ROWS = 1_048_576
# The most characters a cell holds (Excel's limit; openpyxl cuts a longer text silently).
EXCEL_CELL_CHARS = 32_767
SHEET_NAME = "zgc"
# What Excel (and Google Sheets, LibreOffice) may take for the start of a formula.
FORMULA_STARTS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_LOOKS_ESCAPED = re.compile("_(x[0-9A-Fa-f]{4}_)")


def _escaped(text: str) -> str:
    """Text with what XML cannot hold as ``_xHHHH_`` (and a literal ``_xHHHH_`` kept literal)."""
    if "_x" in text:
        text = _LOOKS_ESCAPED.sub(r"_x005F_\1", text)
    return _NOT_IN_XML.sub(lambda found: f"_x{ord(found.group()):04X}_", text)


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet might evaluate this text as a formula."""
    return text.startswith(FORMULA_STARTS)


def _openpyxl() -> Any:
    try:
        import openpyxl
    except ImportError:
        raise ZgcError(phrase("xlsx.write_needs_extra", hint=EXTRA_HINT)) from None
    return openpyxl


def _text_cell(sheet: WriteOnlyWorksheet, text: str) -> Any:
    """A string cell that no spreadsheet evaluates; '' is an empty cell."""
    from openpyxl.cell import WriteOnlyCell

    if not text:
        return None
    cell = WriteOnlyCell(sheet, value=_escaped(text))
    cell.data_type = "s"  # not "f": openpyxl made it a formula if it began with "="
    if looks_like_formula(text):
        cell.quotePrefix = True
    return cell


def _number_cell(sheet: WriteOnlyWorksheet, text: str) -> Any:
    """A number cell holding exactly ``text`` (the CSV's digits); '' is an empty cell."""
    from openpyxl.cell import WriteOnlyCell

    if not text:
        return None
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "n"  # a number, written as these digits (openpyxl writes a str as it is)
    return cell


def _refuse_long_text(name: object, texts: list[str], first_row: int) -> None:
    """A text longer than a cell holds is refused: openpyxl would cut it, silently."""
    if not texts or max(map(len, texts)) * 7 <= EXCEL_CELL_CHARS:  # escapes: 7 for 1 at most
        return
    for number, text in enumerate(texts):
        length = len(_escaped(text)) if len(text) * 7 > EXCEL_CELL_CHARS else 0
        if length > EXCEL_CELL_CHARS:
            raise ZgcError(
                phrase(
                    "xlsx.cell_too_long",
                    row=first_row + number,
                    column=str(name),
                    length=f"{length:,}",
                    most=f"{EXCEL_CELL_CHARS:,}",
                )
            )


def _columns(frame: pd.DataFrame, sheet: WriteOnlyWorksheet, first_row: int) -> list[list[Any]]:
    columns: list[list[Any]] = []
    for name, texts in zip(frame.columns, text_cells(frame), strict=True):
        dtype = frame[name].dtype
        if pd.api.types.is_bool_dtype(dtype):
            columns.append([None if text == "" else text == "true" for text in texts])
        elif pd.api.types.is_numeric_dtype(dtype):
            columns.append([_number_cell(sheet, text) for text in texts])
        else:
            _refuse_long_text(name, texts, first_row)
            columns.append([_text_cell(sheet, text) for text in texts])
    return columns


def _as_os_error(error: Exception) -> OSError:
    """lxml's refusal to write (``IO_ENOSPC``: a full disk) as the OSError it stands for."""
    words = str(error)
    name = words.removeprefix("IO_") if words.startswith("IO_") else ""
    code = getattr(errno, name, errno.EIO)
    return OSError(code, os.strerror(code))


def write_xlsx(frame: pd.DataFrame, stream: IO[bytes]) -> None:
    """Write a frame as a one-sheet workbook (see the module).

    Raises:
        ZgcError: openpyxl is not installed, the rows do not fit in a sheet or a
            text in a cell.
        OSError: the disk is full (lxml's error, as the OSError it stands for).
    """
    openpyxl = _openpyxl()
    if len(frame) > EXCEL_MAX_ROWS - 1:
        most, rows = f"{EXCEL_MAX_ROWS - 1:,}", f"{len(frame):,}"
        raise ZgcError(phrase("xlsx.too_many_rows", most=most, rows=rows))
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(SHEET_NAME)
    sheet.freeze_panes = "A2"
    try:
        sheet.append([_text_cell(sheet, str(name)) for name in frame.columns])
        first_row = 2
        for chunk in chunks(frame):
            for row in zip(*_columns(chunk, sheet, first_row), strict=True):
                sheet.append(row)
            first_row += len(chunk)
        workbook.save(stream)
    except Exception as error:
        _close_quietly(sheet)
        if type(error).__name__ == "SerialisationError":  # lxml's, not an OSError
            raise _as_os_error(error) from None
        raise


def _close_quietly(sheet: WriteOnlyWorksheet) -> None:
    """End the sheet's XML writer now, so it does not fail again when collected.

    A generator left open raises its error once more when garbage-collected, which
    Python prints as an "Exception ignored" traceback after zgc's error line.
    """
    for part in (getattr(sheet, "_rows", None), getattr(sheet, "_writer", None)):
        try:
            if part is not None:
                part.close()
        except Exception:  # the error already being reported, again
            pass
