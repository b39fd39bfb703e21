"""Hostile workbooks: far cells, zip bombs and broken sheet XML, each one line with its limit.

A workbook is a zip of XML parts; python-calamine allocates a sheet's whole range
before it returns a row. zgc bounds the range (``ZGC_MAX_SHEET_CELLS``) and the
expanded bytes (``ZGC_MAX_WORKBOOK_BYTES``) first, and names the row of sheet XML
calamine cannot read.
"""

from __future__ import annotations

import io
import resource
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.test_installed import clean_env
from zgc_cli.cli import app

pytest.importorskip("python_calamine")

runner = CliRunner()
SHEET = "xl/worksheets/sheet1.xml"
HEADER = b'<row r="1"><c r="A1" t="inlineStr"><is><t>metric</t></is></c>'
HEADER += b'<c r="B1" t="inlineStr"><is><t>year</t></is></c>'
HEADER += b'<c r="C1" t="inlineStr"><is><t>value</t></is></c></row>'
ROWS = (
    b'<row r="2"><c r="A2" t="inlineStr"><is><t>m</t></is></c><c r="B2"><v>2014</v></c>'
    b'<c r="C2"><v>1</v></c></row>'
    b'<row r="3"><c r="A3" t="inlineStr"><is><t>m</t></is></c><c r="B3"><v>2015</v></c>'
    b'<c r="C3"><v>2</v></c></row>'
)
PARTS = {
    "[Content_Types].xml": (
        b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        b'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
        b'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        b'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
        b'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
        b'worksheet+xml"/></Types>'
    ),
    "_rels/.rels": (
        b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        b'2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        b"</Relationships>"
    ),
    "xl/workbook.xml": (
        b'<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
        b'2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        b'<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        b'2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        b"</Relationships>"
    ),
}


def sheet_xml(rows: bytes = ROWS) -> bytes:
    return (
        b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
        b'2006/main"><sheetData>' + HEADER + rows + b"</sheetData></worksheet>"
    )


def workbook(path: Path, sheet: bytes | None = None) -> Path:
    """A minimal workbook of one sheet named Data, its sheet XML given."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in PARTS.items():
            archive.writestr(name, data)
        archive.writestr(SHEET, sheet if sheet is not None else sheet_xml())
    path.write_bytes(buffer.getvalue())
    return path


def error_line(*args: str, env: dict[str, str] | None = None) -> str:
    result = runner.invoke(app, list(args), env=env)
    assert result.exit_code == 1, (result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def test_the_minimal_workbook_loads(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--data", str(workbook(tmp_path / "b.xlsx"))])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "metric,year,value\nm,2014,1\nm,2015,2\n"


# --- 1. the range calamine would allocate ---------------------------------------------------


@pytest.mark.parametrize("far", ["XFD1048576", "XFD3", "C1048576"])
def test_a_far_cell_is_refused_by_the_cell_limit(tmp_path: Path, far: str) -> None:
    """Before: XFD1048576 aborted the process (exit 134); C1048576 took seconds and 540 MB."""
    path = workbook(
        tmp_path / "far.xlsx", sheet_xml(ROWS.replace(b'r="C3"', f'r="{far}"'.encode()))
    )
    line = error_line("export", "--data", str(path), env={"ZGC_MAX_SHEET_CELLS": "10000"})
    assert line.startswith(f"zgc: error: {path}: sheet 'Data' spans "), line
    assert f"(A1 to {far}); the limit is 10,000 (set ZGC_MAX_SHEET_CELLS to raise it)" in line


def test_a_far_cell_within_a_raised_limit_reads(tmp_path: Path) -> None:
    path = workbook(tmp_path / "far.xlsx", sheet_xml(ROWS.replace(b'r="C3"', b'r="C30000"')))
    result = runner.invoke(
        app, ["export", "--data", str(path)], env={"ZGC_MAX_SHEET_CELLS": "90000"}
    )
    assert result.exit_code == 1
    assert result.stderr.startswith(f"zgc: error: {path}:30000: column 'metric'"), result.stderr


def test_a_far_empty_cell_and_a_reference_in_text_are_not_counted(tmp_path: Path) -> None:
    """Calamine leaves an empty cell out of the range; a cell's text is no reference."""
    rows = ROWS + b'<row r="1048576"><c r="XFD1048576" s="1"/></row>'
    rows = rows.replace(b"<t>m</t>", b'<t>m r="XFD1048576"</t>', 1)
    path = workbook(tmp_path / "far.xlsx", sheet_xml(rows))
    result = runner.invoke(app, ["export", "--data", str(path)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1] == '"m r=""XFD1048576""",2014,1'


def test_a_reference_beyond_excel_is_a_row_error(tmp_path: Path) -> None:
    path = workbook(tmp_path / "zz.xlsx", sheet_xml(ROWS.replace(b'r="C3"', b'r="ZZZZZ99999999"')))
    line = error_line("export", "--data", str(path))
    assert line == (
        f"zgc: error: {path}:3: sheet 'Data': a cell reference 'ZZZZZ99999999', "
        "not A1 to XFD1048576"
    )


def test_a_bad_limit_value_is_one_line(tmp_path: Path) -> None:
    path = workbook(tmp_path / "b.xlsx")
    line = error_line("export", "--data", str(path), env={"ZGC_MAX_SHEET_CELLS": "lots"})
    assert line == "zgc: error: ZGC_MAX_SHEET_CELLS='lots': a limit is a whole number above 0"


@pytest.mark.slow
def test_a_far_cell_in_a_real_process_is_one_line_in_bounded_memory(tmp_path: Path) -> None:
    """Before: exit 134, a Rust allocation failure and no zgc line."""
    path = workbook(tmp_path / "far.xlsx", sheet_xml(ROWS.replace(b'r="C3"', b'r="XFD1048576"')))

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "zgc_cli", "export", "--data", str(path)],
        capture_output=True,
        env=clean_env(),
        timeout=60,
        preexec_fn=limit_memory,
    )
    assert result.returncode == 1, result.stderr[-500:]
    assert result.stderr.decode().count("\n") == 1
    assert b"the limit is 5,000,000 (set ZGC_MAX_SHEET_CELLS" in result.stderr
    assert time.monotonic() - started < 20


# --- 3. what the parts expand to -------------------------------------------------------------


def test_a_part_expanding_beyond_the_limit_is_refused(tmp_path: Path) -> None:
    """Before: a 488 KB file loaded a 500 MB string; here 4 MiB of one cell, limit 1 MiB."""
    big = b"x" * (4 << 20)
    rows = ROWS.replace(b"<t>m</t>", b"<t>" + big + b"</t>", 1)
    path = workbook(tmp_path / "bomb.xlsx", sheet_xml(rows))
    assert path.stat().st_size < 64 << 10
    line = error_line("export", "--data", str(path), env={"ZGC_MAX_WORKBOOK_BYTES": str(1 << 20)})
    assert line == (
        f"zgc: error: {path}: the workbook expands to more than 1 MiB, the limit "
        "(set ZGC_MAX_WORKBOOK_BYTES to raise it)"
    )


# --- 9. broken sheet XML names its row -------------------------------------------------------


@pytest.mark.parametrize(
    ("broken", "reason"),
    [
        (b'<c r="C3"><v>2</v>', "cell C3: '2x' is not a number"),
        (b"<t>m</t>", "broken sheet XML at its line 1, column"),
        (b'r="B3"', "a cell reference '3B', not A1 to XFD1048576"),
    ],
    ids=["number", "entity", "reference"],
)
def test_broken_sheet_xml_names_its_row(tmp_path: Path, broken: bytes, reason: str) -> None:
    """Before: calamine's exception escaped as an internal error without a row."""
    replacement = {
        b'<c r="C3"><v>2</v>': b'<c r="C3" t="n"><v>2x</v>',
        b"<t>m</t>": b"<t>&foo;</t>",
        b'r="B3"': b'r="3B"',
    }
    rows = ROWS.replace(broken, replacement[broken])
    if broken == b"<t>m</t>":  # the second row's text
        rows = ROWS[: ROWS.index(b'<row r="3">')] + rows[rows.index(b'<row r="3">') :]
    path = workbook(tmp_path / "broken.xlsx", sheet_xml(rows))
    line = error_line("export", "--data", str(path))
    assert line.startswith(f"zgc: error: {path}:3: sheet 'Data': {reason}"), line
    zh = runner.invoke(app, ["export", "--data", str(path), "--lang", "zh"])
    assert zh.stderr.startswith(f"zgc：错误：{path}:3：工作表 'Data'："), zh.stderr


def test_a_reference_without_a_space_before_it_is_seen(tmp_path: Path) -> None:
    """Found by the long fuzz: calamine reads ``r="C3"r="ZZZZZ99999999"`` as the second."""
    rows = ROWS.replace(b'r="C3"', b'r="C3"r="ZZZZZ99999999"')
    path = workbook(tmp_path / "twice.xlsx", sheet_xml(rows))
    line = error_line("export", "--data", str(path))
    assert line.startswith(f"zgc: error: {path}:3: sheet 'Data': broken sheet XML"), line


def test_sheet_data_in_a_part_the_workbook_does_not_name_is_bounded(tmp_path: Path) -> None:
    """A damaged workbook.xml: calamine may still find a sheet, so every sheet part is bounded."""
    far = sheet_xml(ROWS.replace(b'r="C3"', b'r="XFD1048576"'))
    path = workbook(tmp_path / "unnamed.xlsx")
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/worksheets/sheet2.xml", far)
    line = error_line("export", "--data", str(path), env={"ZGC_MAX_SHEET_CELLS": "10000"})
    assert line == (
        f"zgc: error: {path}: sheet 'xl/worksheets/sheet2.xml' spans 17,179,869,184 cells "
        "(A1 to XFD1048576); the limit is 10,000 (set ZGC_MAX_SHEET_CELLS to raise it)"
    )
