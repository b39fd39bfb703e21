"""A workbook's zip and sheet XML, bounded and checked before python-calamine reads them.

python-calamine allocates a sheet's whole range, from its first cell to its last,
before it hands a row back: one cell moved to ``XFD1048576`` asks for 17 billion
cells and aborts the process. A part that expands a thousandfold fills the
memory the same way. So the workbook's parts are expanded here first, in
blocks, up to :data:`~zgc_cli.model.limits.MAX_WORKBOOK_BYTES` all together,
and the chosen sheet's cell references give its range, which must stay within
:data:`~zgc_cli.model.limits.MAX_SHEET_CELLS`.

The references are read with a few regular expressions at C speed (a sheet of
millions of cells costs a fraction of what reading it costs). Their bound errs
on the large side (a reference in a cell's text counts too); only when it is
over the limit does :func:`walk_sheet` parse the sheet as XML to tell the exact
range, and it is also what names the row of broken sheet XML when calamine
refuses it.

Standard library only.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import repeat
from typing import cast
from xml.etree import ElementTree

from zgc_cli.errors import DataError
from zgc_cli.model.limits import MAX_SHEET_CELLS, MAX_WORKBOOK_BYTES, size_text
from zgc_cli.words import phrase

# Excel's own bounds: columns A..XFD, rows 1..1048576.
EXCEL_COLUMNS = 16_384
EXCEL_ROWS = 1_048_576
_BLOCK = 1 << 20
# The r attribute of any element (cells and rows have it): letters, then digits. Not
# only after a space: calamine's XML reader also takes ``r="D1"r="ZZZZZ99999999"``.
_COLUMN_REF = re.compile(rb"""(?<![\w:.-])r\s*=\s*["']\s*([A-Za-z]+)""")
_ROW_REF = re.compile(rb"""(?<![\w:.-])r\s*=\s*["']\s*[A-Za-z]*([0-9]+)""")
_CELL_TAG = re.compile(rb"<(?:[\w.-]+:)?c[\s/>]")
_ROW_TAG = re.compile(rb"<(?:[\w.-]+:)?row[\s/>]")
_REFERENCE = re.compile(r"([A-Z]{1,3})([1-9][0-9]{0,6})")
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_OFFICE_RELATIONSHIP_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def column_number(letters: str) -> int:
    """``A`` 1, ``Z`` 26, ``AA`` 27, ``XFD`` 16384."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def _column_of_base36(value: int) -> int:
    """A column's letters read in base 36 (``int('AB', 36)``), back to its number."""
    digits = []
    while value:
        value, digit = divmod(value, 36)
        digits.append(chr(ord("A") + digit - 10) if digit >= 10 else "A")
    return column_number("".join(reversed(digits)))


@dataclass(frozen=True)
class SheetRange:
    """The rows and columns a sheet's cells span (both 1-based, inclusive)."""

    first_row: int
    last_row: int
    first_column: int
    last_column: int

    @property
    def cells(self) -> int:
        rows = self.last_row - self.first_row + 1
        columns = self.last_column - self.first_column + 1
        return max(rows, 0) * max(columns, 0)


def _expand(
    label: str, archive: zipfile.ZipFile, budget: list[int], keep: set[str]
) -> dict[str, bytes]:
    """Every part expanded in blocks within the budget; the bytes of the parts in ``keep``."""
    kept: dict[str, bytes] = {}
    limit = MAX_WORKBOOK_BYTES
    for info in archive.infolist():
        if info.is_dir():
            continue
        collected = io.BytesIO() if info.filename in keep else None
        with archive.open(info) as part:
            while block := part.read(_BLOCK):
                budget[0] -= len(block)
                if budget[0] < 0:
                    most = size_text(limit.value())
                    raise DataError(
                        phrase("xlsx.too_big", label=label, most=most, variable=limit.variable)
                    )
                if collected is not None:
                    collected.write(block)
        if collected is not None:
            kept[info.filename] = collected.getvalue()
    return kept


def _part_name(target: str) -> str:
    """A relationship's target as a part name in the zip (``/xl/a.xml`` or ``a.xml`` → ``xl/…``)."""
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join("xl", target))


def _sheet_parts(workbook_xml: bytes, relationships_xml: bytes) -> list[tuple[str, str]]:
    """Each sheet's name and part, in the workbook's order (empty when they cannot be told)."""
    try:
        workbook = ElementTree.fromstring(workbook_xml)
        relationships = ElementTree.fromstring(relationships_xml)
    except ElementTree.ParseError:
        return []
    targets = {
        element.get("Id"): element.get("Target", "")
        for element in relationships.iter(f"{_RELATIONSHIPS}Relationship")
    }
    parts = []
    for sheet in workbook.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(_OFFICE_RELATIONSHIP_ID))
        if target:
            parts.append((sheet.get("name", ""), _part_name(target)))
    return parts


def _slices(xml: bytes) -> Iterator[bytes]:
    """The XML in blocks cut before a ``<`` (which no attribute value holds)."""
    start = 0
    while start < len(xml):
        end = xml.find(b"<", start + _BLOCK)
        end = len(xml) if end < 0 else end
        yield xml[start:end]
        start = end


def _quick_range(xml: bytes) -> SheetRange:
    """A range at least as large as the one calamine allocates, read at C speed.

    Every ``r="…"`` counts, a cell's text too; a cell or a row without its
    reference (calamine puts it after the one before) widens the range by one.
    """
    columns: list[int] = []  # base-36 values: the same order as the columns'
    rows: list[int] = []
    references = cells = row_tags = 0
    for block in _slices(xml):
        found = list(map(int, _COLUMN_REF.findall(block), repeat(36)))
        block_rows = list(map(int, _ROW_REF.findall(block)))
        references += len(found)
        cells += len(_CELL_TAG.findall(block))
        row_tags += len(_ROW_TAG.findall(block))
        columns += [min(found), max(found)] if found else []
        rows += [min(block_rows), max(block_rows)] if block_rows else []
    first_column = _column_of_base36(min(columns)) if columns else 1
    last_column = _column_of_base36(max(columns)) if columns else 1
    first_row, last_row = min(rows, default=1), max(rows, default=1)
    unreferenced = max(cells - references, 0)
    if unreferenced:
        return SheetRange(1, last_row + row_tags, 1, last_column + unreferenced)
    return SheetRange(first_row, last_row, first_column, last_column)


@dataclass(frozen=True)
class SheetProblem:
    """Why a sheet's XML cannot be read, and the sheet row it is on."""

    row: int
    reason: str


def _within_excel(reference: re.Match[str]) -> bool:
    return column_number(reference[1]) <= EXCEL_COLUMNS and int(reference[2]) <= EXCEL_ROWS


class _Walk:
    """Where a parse of sheet XML is: the row and column, and the cells with a value seen."""

    def __init__(self) -> None:
        self.row = 0
        self.column = 0
        self.rows: list[int] = []
        self.columns: list[int] = []

    def start_row(self, element: ElementTree.Element) -> SheetProblem | None:
        reference = element.get("r")
        self.column = 0
        if reference is None:
            self.row += 1
            return None
        if not reference.strip().isdigit() or not 1 <= int(reference) <= EXCEL_ROWS:
            said = phrase("xlsx.bad_row", row=reference, most=EXCEL_ROWS)
            return SheetProblem(self.row + 1, said)
        self.row = int(reference)
        return None

    def end_cell(self, cell: ElementTree.Element) -> SheetProblem | None:
        reference = cell.get("r")
        if reference is None:
            self.column += 1
        else:
            match = _REFERENCE.fullmatch(reference.strip())
            if match is None or not _within_excel(match):
                said = phrase("xlsx.bad_cell", cell=reference, first="A1", last="XFD1048576")
                return SheetProblem(max(self.row, 1), said)
            self.column, self.row = column_number(match[1]), int(match[2])
        problem = _cell_problem(cell)
        if problem is not None:
            return SheetProblem(max(self.row, 1), problem)
        if _has_value(cell):
            self.rows.append(self.row)
            self.columns.append(self.column)
            if len(self.rows) > 1 << 16:  # keep the bounds, not every cell
                self.rows[:] = [min(self.rows), max(self.rows)]
                self.columns[:] = [min(self.columns), max(self.columns)]
        return None

    def range(self) -> SheetRange:
        if not self.rows:
            return SheetRange(1, 0, 1, 0)
        return SheetRange(min(self.rows), max(self.rows), min(self.columns), max(self.columns))


def walk_sheet(xml: bytes) -> tuple[SheetRange | None, SheetProblem | None]:
    """The range of the cells that hold a value, or the first problem, parsing the XML.

    Slow (a Python step per element), so only run on a sheet that looked too big
    or that calamine refused.
    """
    walk = _Walk()
    parser: ElementTree.XMLPullParser = ElementTree.XMLPullParser(events=("start", "end"))
    try:
        for start in range(0, len(xml), _BLOCK):
            parser.feed(xml[start : start + _BLOCK])
            events = cast(Iterator[tuple[str, ElementTree.Element]], parser.read_events())
            for event, element in events:
                name = element.tag.rpartition("}")[2]
                problem = None
                if event == "start" and name == "row":
                    problem = walk.start_row(element)
                elif event == "end" and name == "c":
                    problem = walk.end_cell(element)
                    element.clear()
                if problem is not None:
                    return None, problem
        parser.close()
    except ElementTree.ParseError as error:
        return None, SheetProblem(max(walk.row, 1), _xml_problem(error))
    return walk.range(), None


def _xml_problem(error: ElementTree.ParseError) -> str:
    line, column = getattr(error, "position", (0, 0))
    words = str(error).split(":")[0]
    return phrase("xlsx.bad_xml", line=line, column=column + 1, words=words)


def _has_value(cell: ElementTree.Element) -> bool:
    return any(child.tag.rpartition("}")[2] in ("v", "is", "f") for child in cell)


def _cell_problem(cell: ElementTree.Element) -> str | None:
    """A number that is not one, in a cell of numbers."""
    kind = cell.get("t", "n")
    for child in cell:
        if child.tag.rpartition("}")[2] != "v" or kind not in ("n", "b", "s"):
            continue
        text = (child.text or "").strip()
        try:
            float(text) if kind == "n" else int(text)
        except ValueError:
            return phrase("xlsx.bad_value", cell=cell.get("r", "?"), value=text[:40])
    return None


@dataclass(frozen=True)
class CheckedWorkbook:
    """A workbook whose parts fit the limits: the chosen sheet's part and XML, for diagnosis."""

    sheet_name: str | None
    sheet_xml: bytes


def check_workbook(label: str, raw: bytes, sheet: str | None) -> CheckedWorkbook:
    """Refuse a workbook that would expand beyond the limits; its chosen sheet's XML.

    Every part that holds sheet data is bounded, not only the sheet the workbook
    names: calamine's reading of a damaged workbook may find another. Not a zip
    at all is left for calamine to name (its words are the ones people search
    for); a zip the standard library cannot expand is refused here.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return CheckedWorkbook(None, b"")
    with archive:
        names = [info.filename for info in archive.infolist() if not info.is_dir()]
        structure = {"xl/workbook.xml", "xl/_rels/workbook.xml.rels"}
        budget = [MAX_WORKBOOK_BYTES.value()]
        try:
            kept = _expand(label, archive, budget, structure & set(names))
            parts = _sheet_parts(
                kept.get("xl/workbook.xml", b""), kept.get("xl/_rels/workbook.xml.rels", b"")
            )
            chosen = next(
                (entry for entry in parts if sheet is None or entry[0] == sheet), ("", "")
            )
            # Expanded a second time, a part at a time: the budget above bounds each.
            sheets = {name: archive.read(name) for name in names if name not in structure}
        except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError) as error:
            reason = str(error) or type(error).__name__
            raise DataError(phrase("xlsx.unreadable", label=label, reason=reason)) from None
    named = {part: name for name, part in parts}
    for part, xml in sheets.items():
        if b"sheetData" in xml:
            _refuse_large_range(label, named.get(part, part), xml)
    return CheckedWorkbook(chosen[0] or None, sheets.get(chosen[1], b""))


def _refuse_large_range(label: str, sheet: str, xml: bytes) -> None:
    limit = MAX_SHEET_CELLS
    most = limit.value()
    if _quick_range(xml).cells <= most:
        return
    exact, problem = walk_sheet(xml)
    if problem is not None:
        raise sheet_error(label, sheet, problem)
    if exact is not None and exact.cells <= most:
        return
    assert exact is not None
    raise DataError(
        phrase(
            "xlsx.too_many_cells",
            label=label,
            sheet=sheet,
            cells=f"{exact.cells:,}",
            first=_reference(exact.first_row, exact.first_column),
            last=_reference(exact.last_row, exact.last_column),
            most=f"{most:,}",
            variable=limit.variable,
        )
    )


def _reference(row: int, column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"{letters}{row}"


def sheet_error(label: str, sheet: str, problem: SheetProblem) -> DataError:
    return DataError(
        phrase(
            "xlsx.sheet_problem", label=label, row=problem.row, sheet=sheet, reason=problem.reason
        )
    )


def diagnose(label: str, checked: CheckedWorkbook, reason: str) -> DataError:
    """Calamine refused the sheet: the row of the problem when a parse can find it."""
    sheet = checked.sheet_name or ""
    if checked.sheet_xml:
        _range, problem = walk_sheet(checked.sheet_xml)
        if problem is not None:
            return sheet_error(label, sheet, problem)
    return DataError(phrase("xlsx.unreadable", label=label, reason=reason))
