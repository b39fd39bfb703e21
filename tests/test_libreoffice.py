"""LibreOffice in a script: headless soffice ignores the BOM of `zgc export --bom`, and reads
the CSV right only with the UTF-8 filter option the README gives (slow: starts LibreOffice)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zgc_cli.cli import app

README = Path(__file__).resolve().parent.parent / "README.md"
# The filter options the README tells batch users to give: comma, double quote, UTF-8
# (character set 76), from line 1, and true/false kept as text.
FILTER = "CSV:44,34,76,1,,0,false,false"


def _convert(csv_path: Path, folder: Path, *options: str) -> list[list[str]]:
    openpyxl = pytest.importorskip("openpyxl")
    folder.mkdir()
    environment = {**os.environ, "HOME": str(folder)}  # a profile of its own, not the user's
    subprocess.run(
        ["soffice", "--headless", *options, "--convert-to", "xlsx", "--outdir", str(folder)]
        + [str(csv_path)],
        check=True,
        capture_output=True,
        timeout=240,
        env=environment,
    )
    sheet = openpyxl.load_workbook(folder / "zgc.xlsx").active
    return [["" if cell is None else str(cell) for cell in row] for row in sheet.values]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_headless_libreoffice_needs_the_utf8_filter_option(tmp_path: Path) -> None:
    assert f'soffice --headless --infilter="{FILTER}" --convert-to xlsx zgc.csv' in (
        README.read_text(encoding="utf-8")
    )
    csv_path = tmp_path / "zgc.csv"
    result = CliRunner().invoke(app, ["export", "--bom", "-m", "revenue", "-o", str(csv_path)])
    assert result.exit_code == 0, result.stderr
    import csv

    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        expected = list(csv.reader(handle))
    figures = expected[0].index("figure")
    plain = _convert(csv_path, tmp_path / "plain")
    assert plain[0][0] != "metric"  # the BOM read as three Latin-1 characters
    assert plain[1][figures] != expected[1][figures]  # 3.6万亿元 as mojibake
    filtered = _convert(csv_path, tmp_path / "filtered", f"--infilter={FILTER}")
    assert filtered[0] == expected[0]
    text_columns = [i for i, name in enumerate(expected[0]) if name not in ("value", "year")]
    for got, want in zip(filtered[1:], expected[1:], strict=True):
        assert [got[i] for i in text_columns] == [want[i] for i in text_columns]
