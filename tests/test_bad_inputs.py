"""One shared set of bad inputs, run against every data command (as csvkit's mixins do).

Each must give one line on stderr naming the file (and the line and column where
that applies), exit code 1, nothing on stdout and no traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zgc_cli.cli import app

HEADER = "metric,entity,year,value\n"
GOOD_ROW = "revenue,zgc,2014,3.6\n"


@dataclass(frozen=True)
class BadInput:
    name: str
    payload: bytes | None  # None: don't create the file
    expected: str  # a fragment the message must contain, after the file name
    directory: bool = False


BAD_INPUTS: list[BadInput] = [
    BadInput("missing file", None, ": no such file"),
    BadInput("directory", None, ": is a directory", directory=True),
    BadInput("empty file", b"", ": empty file"),
    BadInput("blank file", b"\n\n", ": empty file"),
    BadInput("header alone", HEADER.encode(), ": a header but no observations"),
    BadInput(
        "missing columns",
        b"metric,entity,yr,amount\nrevenue,zgc,2014,1\n",
        ":1: missing required column(s) year, value; found: metric, entity, yr, amount",
    ),
    BadInput(
        "non-numeric value",
        (HEADER + GOOD_ROW + "revenue,zgc,2023,lots\n").encode(),
        ":3: column 'value': 'lots' is not a number",
    ),
    BadInput(
        "thousands separator",
        (HEADER + GOOD_ROW + 'revenue,zgc,2023,"8,600"\n').encode(),
        ":3: column 'value': '8,600' is not a number",
    ),
    BadInput(
        "non-integer year",
        (HEADER + GOOD_ROW + "revenue,zgc,2023.5,8.6\n").encode(),
        ":3: column 'year': 2023.5 is not a whole year",
    ),
    BadInput(
        "text year",
        (HEADER + GOOD_ROW + "revenue,zgc,FY2023,8.6\n").encode(),
        ":3: column 'year': 'FY2023' is not a number",
    ),
    BadInput(
        "empty year",
        (HEADER + GOOD_ROW + "revenue,zgc,,8.6\n").encode(),
        ":3: column 'year' is empty",
    ),
    BadInput(
        "empty value",
        (HEADER + GOOD_ROW + "revenue,zgc,2023,\n").encode(),
        ":3: column 'value' is empty",
    ),
    BadInput(
        "duplicate observation",
        (HEADER + GOOD_ROW + "revenue,zgc,2023,8.6\n" + GOOD_ROW).encode(),
        ":4: duplicate observation (metric=revenue, entity=zgc, year=2014), first at line 2",
    ),
    BadInput(
        "short ragged row",
        (HEADER + GOOD_ROW + "revenue,zgc,2023\n").encode(),
        ":3: ragged row: 3 fields, the header has 4",
    ),
    BadInput(
        "long ragged row",
        (HEADER + GOOD_ROW + "revenue,zgc,2023,8.6,extra\n").encode(),
        ":3: ragged row: 5 fields, the header has 4",
    ),
    BadInput(
        "NUL bytes",
        (HEADER + GOOD_ROW).encode() + b"revenue,zgc,2023,8.6\x00\n",
        ":3: NUL byte",
    ),
    BadInput(
        "UTF-16 file",
        (HEADER + GOOD_ROW).encode("utf-16"),
        ":1: NUL byte",
    ),
    BadInput(
        "undecodable bytes",
        HEADER.encode() + b"revenue,\x80\xff\x80,2014,3.6\n",
        ":2: bytes that decode as neither UTF-8 nor GB18030",
    ),
    BadInput(
        "inf value",
        (HEADER + GOOD_ROW + "revenue,zgc,2023,inf\n").encode(),
        ":3: column 'value': inf is not a finite number",
    ),
    BadInput(
        "nan value",
        (HEADER + GOOD_ROW + "revenue,zgc,2023,nan\n").encode(),
        ":3: column 'value': 'nan' is not a number",
    ),
    BadInput(
        "unknown status",
        b"metric,year,value,status\nrevenue,2014,3.6,guess\n",
        ":2: column 'status': 'guess' is not one of reported, estimate, derived",
    ),
    BadInput(
        "long and short rows that balance",
        (HEADER + "revenue,zgc,2014,3.6,extra\n" + "revenue,zgc,2023\n").encode(),
        ":2: ragged row: 5 fields, the header has 4",
    ),
    BadInput(
        "unclosed quote",
        (HEADER + GOOD_ROW + 'revenue,zgc,2023,"8.6\n').encode(),
        ":3: cannot read this row",
    ),
    BadInput(
        "values under an unnamed column",
        b"metric,year,value,\nrevenue,2014,3.6,x\n",
        ":1: column 4 has values but no name",
    ),
    BadInput(
        "a GBK row in a UTF-8 file",
        ("metric,entity,year,value\n专利,北京,2014,48.2\n专利,北京,2015,50\n").encode()
        + "专利,北京,2023,262.9\n".encode("gbk"),
        ":4: not UTF-8, though most of the file is",
    ),
    BadInput(
        "a number problem after a quoted line break",
        (HEADER + '"multi\nline",zgc,2014,1\n' + "revenue,zgc,2023,lots\n").encode(),
        ":4: column 'value': 'lots' is not a number",
    ),
    BadInput(
        "empty metric",
        (HEADER + GOOD_ROW + ",zgc,2023,8.6\n").encode(),
        ":3: column 'metric': '' is an empty metric id",
    ),
]

DATA_COMMANDS: list[list[str]] = [
    ["metrics"],
    ["metrics", "revenue"],
    ["compare", "2014", "2023"],
    ["export"],
    ["search", "revenue"],
    ["source", "revenue"],
    ["verify"],
    ["plot", "revenue"],
]


def _prepare(tmp_path: Path, bad: BadInput) -> Path:
    path = tmp_path / "bad.csv"
    if bad.directory:
        path.mkdir()
    elif bad.payload is not None:
        path.write_bytes(bad.payload)
    return path


@pytest.mark.parametrize("command", DATA_COMMANDS, ids=" ".join)
@pytest.mark.parametrize("bad", BAD_INPUTS, ids=lambda bad: bad.name)
def test_bad_input_is_one_clear_line(tmp_path: Path, command: list[str], bad: BadInput) -> None:
    path = _prepare(tmp_path, bad)
    result = CliRunner().invoke(app, [*command, "--data", str(path)])
    assert result.exit_code == 1, result.stdout
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0] == f"zgc: error: {path}{bad.expected}" or lines[0].startswith(
        f"zgc: error: {path}{bad.expected}"
    ), lines[0]


@pytest.mark.parametrize("bad", [b for b in BAD_INPUTS if b.payload], ids=lambda b: b.name)
@pytest.mark.parametrize("command", DATA_COMMANDS, ids=" ".join)
def test_bad_input_on_stdin_is_named_stdin(command: list[str], bad: BadInput) -> None:
    result = CliRunner().invoke(app, [*command, "--data", "-"], input=bad.payload)
    assert result.exit_code == 1
    assert result.stderr.startswith("zgc: error: <stdin>")


def test_every_data_command_is_in_the_shared_set() -> None:
    from typer.main import get_command

    covered = {command[0] for command in DATA_COMMANDS}
    group = get_command(app)
    with_data = {
        name
        for name, command in group.commands.items()  # type: ignore[attr-defined]
        if any(param.name == "data" for param in command.params)
    }
    assert with_data == covered
