"""One shared set of bad inputs: each checked once at the loader, once on stdin.

Every data command reads through :func:`zgc_cli.model.observations.load_observations`,
so each bad input is checked there (file and stdin), and each command once through
the CLI, with a different bad input: one line on stderr naming the file (and the
line and column where that applies), exit code 1, nothing on stdout, no traceback.
"""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zgc_cli.cli import app
from zgc_cli.errors import DataError
from zgc_cli.model.observations import load_observations

HEADER = "metric,entity,year,value\n"
GOOD_ROW = "revenue,zgc,2014,3.6\n"


@dataclass(frozen=True)
class BadInput:
    name: str
    payload: bytes | None  # None: don't create the file
    expected: str  # the whole message after the file name
    directory: bool = False


BAD_INPUTS: list[BadInput] = [
    BadInput("missing file", None, ": no such file"),
    BadInput("directory", None, ": is a directory, not a CSV file", directory=True),
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
        ":3: NUL byte: not a text CSV (UTF-16 or binary?)",
    ),
    BadInput(
        "UTF-16 file",
        (HEADER + GOOD_ROW).encode("utf-16"),
        ":1: NUL byte: not a text CSV (UTF-16 or binary?)",
    ),
    BadInput(
        "undecodable bytes",
        HEADER.encode() + b"revenue,\x80\xff\x80,2014,3.6\n",
        ":2: bytes that decode as neither UTF-8 nor GB18030",
    ),
    BadInput(
        "inf value",
        (HEADER + GOOD_ROW + "revenue,zgc,2023,inf\n").encode(),
        ":3: column 'value': infinite, or beyond ±1.8×10³⁰⁸ (the largest float)",
    ),
    BadInput(
        "nan value",
        (HEADER + GOOD_ROW + "revenue,zgc,2023,nan\n").encode(),
        ":3: column 'value': 'nan' is not a number",
    ),
    BadInput(
        "unknown status",
        b"metric,year,value,status\nrevenue,2014,3.6,guess\n",
        ":2: column 'status': 'guess' is not one of reported, estimate, target, derived",
    ),
    BadInput(
        "long and short rows that balance",
        (HEADER + "revenue,zgc,2014,3.6,extra\n" + "revenue,zgc,2023\n").encode(),
        ":2: ragged row: 5 fields, the header has 4",
    ),
    BadInput(
        "unclosed quote",
        (HEADER + GOOD_ROW + 'revenue,zgc,2023,"8.6\n').encode(),
        ":3: cannot read this row: unexpected end of data",
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
        ":4: not UTF-8, though most of the file is (mixed encodings?)",
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

BY_NAME: dict[str, BadInput] = {bad.name: bad for bad in BAD_INPUTS}
WITH_PAYLOAD: list[BadInput] = [bad for bad in BAD_INPUTS if bad.payload is not None]

# Each data command once, with its own bad input: what proves it reads through the loader.
CLI_CASES: list[tuple[list[str], str]] = [
    (["metrics"], "missing file"),
    (["metrics", "revenue"], "non-numeric value"),
    (["compare", "2014", "2023"], "duplicate observation"),
    (["export"], "a GBK row in a UTF-8 file"),
    (["search", "revenue"], "short ragged row"),
    (["source", "revenue"], "directory"),
    (["verify"], "UTF-16 file"),
    (["plot", "revenue"], "empty year"),
    (["share", "revenue"], "inf value"),
    (["timeline"], "header alone"),
    (["cite", "revenue"], "unclosed quote"),
    (["report", "-o", "never-written.html"], "nan value"),
    (["diff", "--as-of", "2024-05", "--as-of", "2024-12"], "thousands separator"),
]
DATA_COMMANDS: list[list[str]] = [command for command, _ in CLI_CASES]


def _prepare(tmp_path: Path, bad: BadInput) -> Path:
    path = tmp_path / "bad.csv"
    if bad.directory:
        path.mkdir()
    elif bad.payload is not None:
        path.write_bytes(bad.payload)
    return path


def _load_error(source: str) -> str:
    with pytest.raises(DataError) as caught:
        load_observations(source)
    message = caught.value.message
    assert str(caught.value) == message
    assert "\n" not in message and "\r" not in message, message
    return message


@pytest.mark.parametrize("bad", BAD_INPUTS, ids=lambda bad: bad.name)
def test_bad_file_is_one_exact_line_naming_it(tmp_path: Path, bad: BadInput) -> None:
    path = _prepare(tmp_path, bad)
    assert _load_error(str(path)) == f"{path}{bad.expected}"


@pytest.mark.parametrize("bad", WITH_PAYLOAD, ids=lambda bad: bad.name)
def test_bad_input_on_stdin_is_named_stdin(monkeypatch: pytest.MonkeyPatch, bad: BadInput) -> None:
    assert bad.payload is not None
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(bad.payload)))
    assert _load_error("-") == f"<stdin>{bad.expected}"


def _assert_one_error_line(result, expected: str) -> None:  # noqa: ANN001 - a Result
    assert result.exit_code == 1, (result.stdout, result.stderr)
    assert isinstance(result.exception, SystemExit), result.exception  # no traceback
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [f"zgc: error: {expected}"]


@pytest.mark.parametrize(
    ("command", "bad_name"), CLI_CASES, ids=lambda v: " ".join(v) if isinstance(v, list) else v
)
def test_each_data_command_reads_through_the_loader(
    tmp_path: Path, command: list[str], bad_name: str
) -> None:
    bad = BY_NAME[bad_name]
    path = _prepare(tmp_path, bad)
    result = CliRunner().invoke(app, [*command, "--data", str(path)])
    _assert_one_error_line(result, f"{path}{bad.expected}")


def test_the_cli_names_stdin_for_data_dash() -> None:
    bad = BY_NAME["unknown status"]
    result = CliRunner().invoke(app, ["export", "--data", "-"], input=bad.payload)
    _assert_one_error_line(result, f"<stdin>{bad.expected}")


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
    # Both forms of metrics are there, and every command has a bad input of its own.
    assert ["metrics"] in DATA_COMMANDS and ["metrics", "revenue"] in DATA_COMMANDS
    bad_names = [name for _, name in CLI_CASES]
    assert len(set(bad_names)) == len(bad_names) and set(bad_names) <= set(BY_NAME)
    assert len(BY_NAME) == len(BAD_INPUTS), "two bad inputs share a name"
