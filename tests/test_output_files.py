"""-o/--output, --bom and .xlsx: what lands in the file, and what never does.

The CSV a pipe gets is the reference: a file written with ``-o`` holds the same
bytes, a ``--bom`` file the same rows for Excel, an .xlsx the same values cell
by cell (read back with openpyxl). Files that are inputs are never written over,
and a write that fails leaves the old file and nothing else.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import stat
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from zgc_cli.cli import app
from zgc_cli.present import formats
from zgc_cli.present.choices import FORMAT_BY_SUFFIX, OutputFormat

openpyxl = pytest.importorskip("openpyxl")

runner = CliRunner()
BOM = b"\xef\xbb\xbf"

# Every command that writes results, with arguments that give rows from the shipped data.
COMMANDS: list[list[str]] = [
    ["metrics"],
    ["metrics", "revenue", "employees"],
    ["compare", "2014", "2023"],
    ["export"],
    ["search", "专利"],
    ["source", "revenue"],
    ["share", "registered_large_models"],
    ["timeline"],
    ["verify"],
]


def run(*args: str, input: str | None = None):  # noqa: ANN201 - a click Result
    return runner.invoke(app, list(args), input=input)


def one_line_error(result: Any, code: int = 1) -> str:
    """The error zgc printed, after checking it is one line and nothing reached stdout."""
    assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith("zgc: error: ")
    return result.stderr.strip()


def folder_listing(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


# --- -o writes what the pipe gets -----------------------------------------------------------


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: "-".join(command))
def test_every_command_writes_to_a_file_the_bytes_it_pipes(
    tmp_path: Path, command: list[str]
) -> None:
    piped = run(*command)
    assert piped.exit_code == 0, piped.stderr
    target = tmp_path / "out.csv"
    written = run(*command, "-o", str(target))
    assert written.exit_code == 0, written.stderr
    assert written.stdout == ""
    assert f"zgc: wrote {target}" in written.stderr
    assert target.read_bytes() == piped.stdout.encode("utf-8")
    assert len(piped.stdout.splitlines()) > 1  # rows, not only a header


TEXT_SUFFIXES = sorted((s, f) for s, f in FORMAT_BY_SUFFIX.items() if f is not OutputFormat.xlsx)


@pytest.mark.parametrize(("suffix", "fmt"), TEXT_SUFFIXES)
def test_the_format_comes_from_the_extension(
    tmp_path: Path, suffix: str, fmt: OutputFormat
) -> None:
    target = tmp_path / f"out{suffix.upper()}"  # case does not matter
    assert run("compare", "2014", "2023", "-o", str(target)).exit_code == 0
    piped = run("compare", "2014", "2023", "--format", fmt.value)
    assert target.read_text(encoding="utf-8") == piped.stdout


def test_json_in_a_file_is_compact_as_in_a_pipe(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    assert run("export", "-o", str(target)).exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith('[{"metric":') and text.count("\n") == 1
    assert len(json.loads(text)) == len(run("export").stdout.splitlines()) - 1


def test_an_explicit_format_must_agree_with_a_known_extension(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    assert run("export", "-o", str(target), "--format", "csv").exit_code == 0
    error = one_line_error(run("export", "-o", str(target), "--format", "json"), code=2)
    assert "is csv by its name, but --format is json" in error


def test_an_unknown_extension_needs_a_format(tmp_path: Path) -> None:
    target = tmp_path / "out.dat"
    error = one_line_error(run("export", "-o", str(target)), code=2)
    assert "cannot tell the format from the name" in error and ".xlsx" in error
    assert not target.exists()
    assert run("export", "-o", str(target), "--format", "jsonl").exit_code == 0
    assert target.read_text(encoding="utf-8") == run("export", "-f", "jsonl").stdout


def test_a_table_is_not_a_file_format(tmp_path: Path) -> None:
    error = one_line_error(run("export", "-o", str(tmp_path / "t.dat"), "-f", "table"), code=2)
    assert "a table is for the terminal" in error


def test_dash_is_stdout() -> None:
    result = run("export", "-o", "-")
    assert result.exit_code == 0
    assert result.stdout == run("export").stdout
    assert "wrote" not in result.stderr


def test_an_existing_other_file_is_replaced_keeping_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "old.csv"
    target.write_text("an older export\n", encoding="utf-8")
    target.chmod(0o640)
    assert run("export", "-o", str(target)).exit_code == 0
    assert target.read_text(encoding="utf-8") == run("export").stdout
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert folder_listing(tmp_path) == ["old.csv"]


# --- never over an input --------------------------------------------------------------------


def test_the_data_file_is_never_written_over(sample_csv: Path) -> None:
    before = sample_csv.read_bytes()
    for args in (
        ["export", "--data", str(sample_csv), "-o", str(sample_csv)],
        ["export", "--data", str(sample_csv), "-o", str(sample_csv), "-f", "csv", "--bom"],
        ["compare", "2014", "2023", "--data", str(sample_csv), "-o", str(sample_csv)],
        ["plot", "revenue", "--data", str(sample_csv), "-o", str(sample_csv)],
    ):
        error = one_line_error(run(*args))
        assert f"refusing to write {sample_csv}: it is the input data" in error
    assert sample_csv.read_bytes() == before
    assert folder_listing(sample_csv.parent) == ["sample.csv"]


def test_a_link_to_the_data_or_a_file_beside_it_counts_as_the_input(sample_csv: Path) -> None:
    link = sample_csv.parent / "link.csv"
    link.symlink_to(sample_csv)
    error = one_line_error(run("export", "--data", str(sample_csv), "-o", str(link)))
    assert "it is the input data" in error
    indicators = sample_csv.parent / "indicators.csv"
    indicators.write_text("metric,name_en,category\nrevenue,Revenue,economy\n", encoding="utf-8")
    error = one_line_error(run("export", "--data", str(sample_csv), "-o", str(indicators)))
    assert "it is the indicators.csv read beside the data" in error
    assert indicators.read_text(encoding="utf-8").startswith("metric,name_en,category")


def test_the_shipped_data_and_the_article_are_inputs_too(tmp_path: Path) -> None:
    from zgc_cli.model.sources import shipped_data_dir

    shipped = shipped_data_dir() / "metrics.csv"
    before = shipped.read_bytes()
    error = one_line_error(run("export", "-o", str(shipped)))
    assert "it is the shipped data" in error
    assert shipped.read_bytes() == before
    article = tmp_path / "article.txt"
    article.write_text("中关村", encoding="utf-8")
    error = one_line_error(
        run("verify", "--article", str(article), "-o", str(article), "-f", "markdown")
    )
    assert "it is the article" in error
    assert article.read_text(encoding="utf-8") == "中关村"


def test_the_data_read_from_a_pipe_leaves_every_file_writable(
    sample_csv: Path, tmp_path: Path
) -> None:
    target = tmp_path / "copy.csv"
    text = sample_csv.read_text(encoding="utf-8")
    result = run("export", "--data", "-", "-o", str(target), input=text)
    assert result.exit_code == 0, result.stderr
    assert target.read_text(encoding="utf-8") == text


# --- whole or not at all ----------------------------------------------------------------


def test_a_failed_write_leaves_the_old_file_and_no_partial_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.csv"
    target.write_text("the old export\n", encoding="utf-8")

    def half_then_full_disk(frame: Any, fmt: Any, stream: Any, *args: Any, **kwargs: Any) -> None:
        stream.write("metric,entity,year\nrevenue,zgc,20")
        stream.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(formats, "write_machine", half_then_full_disk)
    error = one_line_error(run("export", "-o", str(target)))
    assert error == f"zgc: error: cannot write {target}: No space left on device"
    assert target.read_text(encoding="utf-8") == "the old export\n"
    assert folder_listing(tmp_path) == ["out.csv"]  # no temporary file or folder left


def test_an_interrupted_write_leaves_no_file_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(frame: Any, fmt: Any, stream: Any, *args: Any, **kwargs: Any) -> None:
        stream.write("metric,entity,year\n")
        raise KeyboardInterrupt

    monkeypatch.setattr(formats, "write_machine", interrupted)
    result = run("export", "-o", str(tmp_path / "new.csv"))
    assert result.exit_code != 0
    assert folder_listing(tmp_path) == []


def test_a_failed_image_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import zgc_cli.present.charts as charts

    def broken(result: Any, lang: Any, path: Path, *args: Any) -> list[str]:
        path.write_bytes(b"\x89PNG half")
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(charts, "write_image", broken)
    target = tmp_path / "chart.png"
    error = one_line_error(run("plot", "revenue", "-o", str(target)))
    assert error == f"zgc: error: cannot write {target}: Input/output error"
    assert folder_listing(tmp_path) == []


@pytest.mark.parametrize(
    ("where", "reason"),
    [
        ("missing/out.csv", "no folder"),
        (".", "it is a folder"),
        ("/proc/zgc-out.csv", "No such file or directory"),
    ],
)
def test_an_unwritable_path_is_one_line(tmp_path: Path, where: str, reason: str) -> None:
    target = where if where.startswith("/") else str(tmp_path / where)
    error = one_line_error(run("export", "-o", target))
    assert error.startswith(f"zgc: error: cannot write {target}: {reason}"), error


# --- --bom: CSV for Excel -------------------------------------------------------------------


def test_export_bom_starts_with_the_utf8_bom_and_ends_lines_in_crlf() -> None:
    plain = run("export").stdout_bytes
    excel = run("export", "--bom").stdout_bytes
    assert excel.startswith(BOM)
    assert not plain.startswith(BOM)
    # The shipped data has no line break inside a cell: every record ends in CRLF.
    assert excel.count(b"\r\n") == excel.count(b"\n") == plain.count(b"\n")
    assert excel == BOM + plain.replace(b"\n", b"\r\n")


def test_bom_keeps_a_line_break_inside_a_cell_and_reads_back_the_same(tmp_path: Path) -> None:
    data = tmp_path / "d.csv"
    data.write_text('metric,year,value,note\nm,2014,1,"two\nlines"\n', encoding="utf-8")
    target = tmp_path / "excel.csv"
    assert run("export", "--data", str(data), "--bom", "-o", str(target)).exit_code == 0
    assert target.read_bytes() == BOM + b'metric,year,value,note\r\nm,2014,1,"two\nlines"\r\n'
    with target.open(encoding="utf-8-sig", newline="") as handle:
        assert list(csv.reader(handle)) == [
            ["metric", "year", "value", "note"],
            ["m", "2014", "1", "two\nlines"],
        ]


def test_bom_on_tsv_and_its_refusal_on_json(tmp_path: Path) -> None:
    tsv = run("compare", "2014", "2023", "--bom", "-f", "tsv").stdout_bytes
    assert tsv.startswith(BOM + b"metric\tentity\t") and b"\r\n" in tsv
    error = one_line_error(run("export", "--bom", "-f", "json"), code=2)
    assert "--bom is for csv and tsv" in error
    error = one_line_error(run("export", "--bom", "-o", str(tmp_path / "x.jsonl")), code=2)
    assert "--bom is for csv and tsv" in error


# --- .xlsx ----------------------------------------------------------------------------------


def read_sheet(path: Path) -> list[tuple[Any, ...]]:
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["zgc"]
    return list(workbook.active.iter_rows(values_only=True))


def assert_same_as_csv(sheet: list[tuple[Any, ...]], csv_text: str) -> None:
    """Cell by cell: text equal, numbers numbers equal to the CSV's digits, empty is None."""
    rows = list(csv.reader(io.StringIO(csv_text, newline="")))
    assert len(sheet) == len(rows)
    assert list(sheet[0]) == rows[0]
    numbers = 0
    for cells, texts in zip(sheet[1:], rows[1:], strict=True):
        assert len(cells) == len(texts)
        for cell, text in zip(cells, texts, strict=True):
            if cell is None:
                assert text == ""
            elif isinstance(cell, int | float) and not isinstance(cell, bool):
                assert float(text) == cell, (cell, text)
                numbers += 1
            elif isinstance(cell, bool):  # an interval's open flag: true/false in CSV
                assert text == ("true" if cell else "false")
            else:
                assert cell == text
    assert numbers > 0


@pytest.mark.parametrize(
    "command", [["export"], ["compare", "2014", "2023"], ["metrics", "revenue", "employees"]]
)
def test_xlsx_holds_the_csvs_values_cell_by_cell(tmp_path: Path, command: list[str]) -> None:
    target = tmp_path / "out.xlsx"
    result = run(*command, "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert_same_as_csv(read_sheet(target), run(*command).stdout)


def test_xlsx_numbers_keep_full_precision(tmp_path: Path) -> None:
    # 1 + 2**-52, 13/7 and a value past 2**53: openpyxl alone writes 16 digits and loses them.
    data = tmp_path / "d.csv"
    data.write_text(
        "metric,year,value\nm,2014,1.0000000000000002\nm,2015,1.8571428571428572\n"
        "m,2016,1e+300\nm,2017,123456789012\n",
        encoding="utf-8",
    )
    target = tmp_path / "precise.xlsx"
    assert run("export", "--data", str(data), "-o", str(target)).exit_code == 0
    values = [row[2] for row in read_sheet(target)[1:]]
    assert values == [1.0000000000000002, 1.8571428571428572, 1e300, 123456789012]
    assert isinstance(values[3], int)


def test_xlsx_never_makes_a_formula_of_text(tmp_path: Path) -> None:
    risky = ["=1+2", "+SUM(A1:A2)", "-2+3", "@cmd", "\tTAB", "\rCR", '=HYPERLINK("x")']
    data = tmp_path / "d.csv"
    with data.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["metric", "year", "value", "quote"])
        for year, text in enumerate(risky, start=2000):
            writer.writerow(["m", year, 1, text])
    target = tmp_path / "safe.xlsx"
    assert run("export", "--data", str(data), "-o", str(target)).exit_code == 0
    sheet = openpyxl.load_workbook(target).active
    quotes = [row[3] for row in sheet.iter_rows(min_row=2)]
    assert [cell.value for cell in quotes] == risky
    assert all(cell.data_type == "s" for cell in quotes)
    assert all(cell.quotePrefix for cell in quotes)  # Excel keeps them text when edited too
    with zipfile.ZipFile(target) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in xml and "<f " not in xml  # no formula anywhere
    # Plain text and numbers get no quote prefix.
    assert not any(cell.quotePrefix for cell in next(sheet.iter_rows(min_row=2, max_row=2))[:3])


def test_xlsx_spells_characters_xml_cannot_hold_as_excel_escapes(tmp_path: Path) -> None:
    data = tmp_path / "d.csv"
    data.write_text("metric,year,value,quote\nm,2014,1,a\x1b[2Jb\x07c _x0041_\n", encoding="utf-8")
    target = tmp_path / "ctl.xlsx"
    result = run("export", "--data", str(data), "-o", str(target))
    assert result.exit_code == 0, result.stderr
    # openpyxl shows OOXML's escapes as written; Excel reads them back as the characters.
    # A literal escape in the data is escaped in turn, so Excel shows it as written.
    assert read_sheet(target)[1][3] == "a_x001B_[2Jb_x0007_c _x005F_x0041_"


def test_xlsx_needs_the_excel_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import openpyxl now fails
    target = tmp_path / "out.xlsx"
    error = one_line_error(run("export", "-o", str(target)))
    assert error == "zgc: error: writing .xlsx needs the excel extra: pip install 'zgc[excel]'"
    assert folder_listing(tmp_path) == []


def test_xlsx_is_a_file_not_a_stream() -> None:
    error = one_line_error(run("export", "--format", "xlsx"), code=2)
    assert "write it with -o FILE.xlsx" in error


def test_an_xlsx_keeps_the_frame_header_frozen(tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    assert run("search", "专利", "-o", str(target)).exit_code == 0
    assert openpyxl.load_workbook(target).active.freeze_panes == "A2"
    assert os.path.getsize(target) > 0


def test_a_result_larger_than_a_sheet_is_one_line_suggesting_csv(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zgc_cli.present import xlsx

    rows_in_export = len(run("export").stdout.splitlines()) - 1
    monkeypatch.setattr(xlsx, "EXCEL_MAX_ROWS", rows_in_export)  # one row too many now
    target = tmp_path / "big.xlsx"
    error = one_line_error(run("export", "-o", str(target)))
    assert error.endswith(f"this result has {rows_in_export}: write .csv instead"), error
    assert folder_listing(tmp_path) == []
    monkeypatch.setattr(xlsx, "EXCEL_MAX_ROWS", rows_in_export + 1)  # header + rows: fits
    assert run("export", "-o", str(target)).exit_code == 0
    assert len(read_sheet(target)) == rows_in_export + 1


def test_standard_input_redirected_from_the_target_counts_as_the_input(sample_csv: Path) -> None:
    import subprocess

    before = sample_csv.read_bytes()
    with sample_csv.open("rb") as stdin:
        result = subprocess.run(
            [sys.executable, "-m", "zgc_cli", "export", "--data", "-", "-o", str(sample_csv)],
            stdin=stdin,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
        )
    assert result.returncode == 1
    assert result.stderr == (
        f"zgc: error: refusing to write {sample_csv}: it is the input data (standard input); "
        "write to another file\n"
    )
    assert sample_csv.read_bytes() == before


def test_a_fifo_is_written_into_not_replaced(tmp_path: Path) -> None:
    import threading

    fifo = tmp_path / "stream.csv"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = run("export", "-o", str(fifo), "-f", "csv")
    reader.join(timeout=30)
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # still the pipe a reader waits on
    assert received == [run("export", "-f", "csv").stdout.encode("utf-8")]


def test_a_link_to_a_file_keeps_the_link_and_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "real.csv"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(target.name)
    result = run("export", "-o", str(link))
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == target.name
    assert target.read_text(encoding="utf-8") == run("export", "-f", "csv").stdout
