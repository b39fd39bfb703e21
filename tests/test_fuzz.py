"""Property-based fuzzing of the error contract, through the loader and every command.

Whatever the bytes, zgc ends in one of three ways: exit 0 with nothing on stderr;
exit 1 with exactly one line on stderr (``zgc: error: …``) and nothing on stdout;
or a usage error, exit 2. Never a traceback, never an internal error.

CI runs a bounded number of examples; ``pytest --fuzz tests/test_fuzz.py`` runs
thousands (see the README's development section).
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tests.conftest import SAMPLE_CSV
from zgc_cli.cli import app

VALID = SAMPLE_CSV.encode()
COMMANDS: list[list[str]] = [
    ["metrics"],
    ["metrics", "revenue"],
    ["compare", "2014", "2023"],
    ["export"],
    ["export", "--format", "json"],
    ["search", "revenue"],
    ["source", "revenue"],
    ["verify"],
    ["compare", "2014", "2023", "--format", "table"],
    ["metrics", "--format", "table"],
]
# Bytes a mutation splices in: CSV structure, encodings, controls, numbers at the limits.
SPLICES = [
    b",",
    b"\n",
    b"\r",
    b'"',
    b"\x00",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\x1b[2J",
    b"[/]",
    b"\xe2\x80\xae",
    b"\xa0",
    b"1e308",
    b"-1e308",
    b"nan",
    b"inf",
    b"5e-324",
    b"9" * 40,
    "中关村".encode(),
    "中关村".encode("gbk"),
    b"",
]
OUTCOMES: Counter[str] = Counter()
# Problems of a file as a whole, which have no line to name.
WHOLE_FILE_PROBLEMS = {"empty file", "a header but no observations"}


@st.composite
def mutated_csv(draw: st.DrawFn) -> bytes:
    """The sample CSV with a few bytes spliced in, deleted or a line duplicated."""
    data = bytearray(VALID)
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        position = draw(st.integers(min_value=0, max_value=len(data)))
        action = draw(st.sampled_from(["splice", "delete", "duplicate-line"]))
        if action == "splice":
            data[position:position] = draw(st.sampled_from(SPLICES))
        elif action == "delete":
            data[position : position + draw(st.integers(1, 8))] = b""
        else:
            start = data.rfind(b"\n", 0, position) + 1
            end = data.find(b"\n", position)
            line = bytes(data[start : (end if end >= 0 else len(data))]) + b"\n"
            data[start:start] = line
    return bytes(data)


inputs = st.one_of(mutated_csv(), st.binary(max_size=300))


def check_contract(command: list[str], payload: bytes, path: Path) -> str:
    path.write_bytes(payload)
    result = CliRunner().invoke(app, [*command, "--data", str(path)])
    stderr = result.stderr
    assert "Traceback" not in stderr and "internal error" not in stderr, (command, stderr)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        command,
        repr(result.exception),
    )
    if result.exit_code == 0:
        # verify summarises on stderr by design: one line.
        expected_lines = 1 if command[0] == "verify" else 0
        assert len(stderr.splitlines()) == expected_lines, (command, stderr)
        return "ok"
    assert result.exit_code in (1, 2), (command, result.exit_code)
    if result.exit_code == 1:
        if command[0] == "verify" and stderr.startswith("zgc verify:"):
            return "verify-failed"
        assert len(stderr.splitlines()) == 1, (command, stderr)
        assert stderr.startswith("zgc: error: "), (command, stderr)
        assert result.stdout == "", (command, result.stdout[:200])
        if stderr.startswith(f"zgc: error: {path}:"):
            # A problem of the file's content names the line: FILE:N: ... (or FILE: for a
            # whole-file problem such as an empty file).
            located = stderr.removeprefix(f"zgc: error: {path}:")
            if located.split(":")[0].isdigit():
                return "error with line"
            # Only a problem of the whole file may lack a line.
            assert located.strip() in WHOLE_FILE_PROBLEMS, (command, stderr)
            return "error with file"
        return "error about the arguments"
    return "usage"


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_any_file_meets_the_error_contract(
    command: list[str], tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "data.csv"

    @settings(settings.get_profile(request.config.fuzz_profile))  # type: ignore[attr-defined]
    @given(inputs)
    def run(payload: bytes) -> None:
        OUTCOMES[check_contract(command, payload, path)] += 1

    run()


# --- structure-aware generators (issue 25): sheet XML, JSON escapes, long fields -------------
#
# Byte splicing seldom reaches inside a workbook's zip, a JSON string's escapes or
# the length where a field limit starts; these generators aim there. The limits are
# lowered (cells per sheet, field bytes) so the far cells and long fields they make
# meet them in milliseconds, as bigger ones meet the defaults.

STRUCTURED_COMMANDS: list[list[str]] = [
    ["export"],
    ["export", "--format", "json"],
    ["source", "revenue"],
    ["compare", "2014", "2023"],
    ["metrics", "--format", "table"],
]
FIELD_LIMIT = 200_000
STRUCTURED_ENV = {"ZGC_MAX_SHEET_CELLS": "300000", "ZGC_MAX_FIELD_BYTES": str(FIELD_LIMIT)}
SAMPLE_ROWS = list(csv.reader(io.StringIO(SAMPLE_CSV)))
# fmt: off
XML_SPLICES = [
    b'r="XFD1048576"', b'r="XFD2"', b'r="A1048576"', b'r="ZZZZZ99999999"', b'r="3C"', b'r=""',
    b'r="A0"', b"&foo;", b"&amp;", b"&#0;", b"&#x1b;", b"<v>1e400</v>", b"<v>2x</v>", b"<v></v>",
    b't="n"', b't="s"', b't="b"', b't="e"', b't="inlineStr"', b'<c r="A2">', b"</c>", b"</row>",
    b'<row r="0">', b'<row r="1048577">', b"<![CDATA[x]]>", b"<!-- c -->", b"\xff", b"\x00",
    b"<f>1+1</f>", b"<is><t>\xe4\xb8\xad</t></is>", b"<", b">", b'"',
    b"<v>9" + b"9" * 400 + b"</v>",
]
JSON_ESCAPES = [
    "\\ud800", "\\udc00", "\\ud83d\\ude00", "\\ud800\\u0041", "\\u0000", "\\u001b[2J", "\\u202e",
    "\\u200b", "\\udb40\\udc41", '\\"', "\\\\", "\\x41", "\\u12", "\\", "\\n", "\\r", "\\t",
]
JSON_SPLICES = [
    '"year":2016,', '"value":' + "9" * 401 + ",", '"value":1e400,', '"value":-0,', '"":1,',
    '"metric":"m",', "{", "}", "[", "]", ",", ":", "null,", "true,", '"quote":{"a":1},',
]
LONG_TEXT = ["x", "中", ",", '"', "\n", "\t", "\r\n", " ", "\x1b", "\u202e"]
# fmt: on


def _sheet_for(rows: list[list[str]]) -> bytes:
    """The sample rows as sheet XML: numbers as numbers, the rest inline strings."""
    out = []
    for number, row in enumerate(rows, start=1):
        cells = []
        for column, text in enumerate(row):
            ref = f"{chr(ord('A') + column)}{number}"
            if text and number > 1 and SAMPLE_ROWS[0][column] in ("year", "value"):
                cells.append(f'<c r="{ref}"><v>{text}</v></c>')
            elif text:
                escaped = text.replace("&", "&amp;").replace("<", "&lt;")
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escaped}</t></is></c>')
        out.append(f'<row r="{number}">{"".join(cells)}</row>')
    return "".join(out).encode()


@st.composite
def mutated_workbook(draw: st.DrawFn) -> tuple[str, bytes]:
    """A one-sheet workbook of the sample, its sheet XML (or another part) spliced."""
    from tests.test_hostile_workbooks import PARTS, SHEET

    sheet = bytearray(
        b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main"><sheetData>' + _sheet_for(SAMPLE_ROWS) + b"</sheetData>"
        b"</worksheet>"
    )
    parts = {**PARTS, SHEET: bytes(sheet)}
    name = draw(st.sampled_from([SHEET] * 6 + sorted(PARTS)))
    data = bytearray(parts[name])
    for _ in range(draw(st.integers(1, 3))):
        position = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["splice", "replace reference", "delete"]))
        if action == "splice":
            data[position:position] = draw(st.sampled_from(XML_SPLICES))
        elif action == "replace reference":
            found = data.find(b' r="', position)
            end = data.find(b'"', found + 4) if found >= 0 else -1
            if end > 0:
                data[found + 1 : end + 1] = draw(st.sampled_from(XML_SPLICES[:7]))
        else:
            del data[position : position + draw(st.integers(1, 16))]
    parts[name] = bytes(data)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, content in parts.items():
            archive.writestr(part, content)
    return "data.xlsx", buffer.getvalue()


@st.composite
def json_with_escapes(draw: st.DrawFn) -> tuple[str, bytes]:
    """The sample as JSON or JSON Lines, escapes spliced into its strings, keys or values added."""
    header, *rows = SAMPLE_ROWS
    records = [
        {
            name: (float(cell) if name == "value" else int(cell) if name == "year" else cell)
            for name, cell in zip(header, row, strict=True)
            if cell
        }
        for row in rows
    ]
    lines = draw(st.booleans())
    text = (
        "".join(json.dumps(record, ensure_ascii=draw(st.booleans())) + "\n" for record in records)
        if lines
        else json.dumps(records, ensure_ascii=draw(st.booleans()))
    )
    for _ in range(draw(st.integers(1, 3))):
        if draw(st.integers(0, 2)):  # inside a string: after an opening quote
            starts = [index + 1 for index, char in enumerate(text) if char == '"']
            position = draw(st.sampled_from(starts))
            text = text[:position] + draw(st.sampled_from(JSON_ESCAPES)) + text[position:]
        else:  # a member: after an object's opening brace
            opens = [index + 1 for index, char in enumerate(text) if char == "{"]
            position = draw(st.sampled_from(opens))
            text = text[:position] + draw(st.sampled_from(JSON_SPLICES)) + text[position:]
    return ("data.jsonl" if lines else "data.json"), text.encode(
        draw(st.sampled_from(["utf-8", "utf-8", "gb18030"])), errors="surrogatepass"
    )


@st.composite
def long_fields(draw: st.DrawFn) -> tuple[str, bytes]:
    """The sample with a quote or a note at the lengths where limits start, in any format."""
    length = draw(
        st.sampled_from([131_071, 131_072, 131_073, FIELD_LIMIT - 1, FIELD_LIMIT, FIELD_LIMIT + 1])
    )
    pieces = draw(st.lists(st.sampled_from(LONG_TEXT), min_size=1, max_size=4))
    text = ("".join(pieces) * (length // len("".join(pieces)) + 1))[:length]
    header, *rows = [list(row) for row in SAMPLE_ROWS]
    row = draw(st.sampled_from(rows))
    row[header.index(draw(st.sampled_from(["quote", "note"])))] = text
    suffix = draw(st.sampled_from(["csv", "tsv", "json", "jsonl"]))
    if suffix in ("csv", "tsv"):
        out = io.StringIO()
        csv.writer(out, delimiter="," if suffix == "csv" else "\t", lineterminator="\n").writerows(
            [header, *rows]
        )
        return f"data.{suffix}", out.getvalue().encode()
    records = [dict(zip(header, cells, strict=True)) for cells in rows]
    if suffix == "json":
        return "data.json", json.dumps(records, ensure_ascii=False).encode()
    return "data.jsonl", "".join(json.dumps(record) + "\n" for record in records).encode()


# Problems of a whole file (no line, record or row to name), by format.
WHOLE_FILE_WORDS = (
    "empty file",
    "a header but no observations",
    "not a readable .xlsx workbook",
    "the workbook expands to more than",
    "spans",
    "is empty",
    "has a header but no observations",
    "a workbook without sheets",
    "not valid JSON",
    "not a list of objects",
    "an empty list",
    "no keys",
    "missing required column",
    # JSON's keys are its header: a key twice once spaces are trimmed, or an empty one.
    "repeated column names",
    "has values but no name",
)
STRUCTURED: dict[str, st.SearchStrategy[tuple[str, bytes]]] = {
    "sheet XML": mutated_workbook(),
    "JSON escapes": json_with_escapes(),
    "long fields": long_fields(),
}


def check_structured(command: list[str], name: str, payload: bytes, folder: Path) -> str:
    """The error contract for a file of any format: exit 0, or one line naming its place."""
    path = folder / name
    path.write_bytes(payload)
    result = CliRunner().invoke(app, [*command, "--data", str(path)], env=STRUCTURED_ENV)
    stderr = result.stderr
    assert "Traceback" not in stderr and "internal error" not in stderr, (command, stderr)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        command,
        repr(result.exception),
    )
    if result.exit_code == 0:
        assert stderr == "", (command, stderr)
        return "ok"
    assert result.exit_code == 1, (command, result.exit_code, stderr)
    assert len(stderr.splitlines()) == 1 and stderr.startswith("zgc: error: "), stderr
    assert result.stdout == "", (command, result.stdout[:200])
    located = stderr.removeprefix(f"zgc: error: {path}")
    if re.match(r":\d+: |: record \d+: ", located):
        return "error with place"
    assert any(words in located for words in WHOLE_FILE_WORDS), (command, stderr)
    return "error with file"


@pytest.mark.parametrize("kind", sorted(STRUCTURED))
def test_structured_files_meet_the_error_contract(
    kind: str, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> None:
    folder = tmp_path_factory.mktemp("structured")
    profile = settings.get_profile(request.config.fuzz_profile)  # type: ignore[attr-defined]

    # CI: half the profile's examples per kind (40, a few seconds); --fuzz: all of them.
    examples = profile.max_examples // (1 if request.config.getoption("--fuzz") else 2)

    @settings(profile, max_examples=examples)
    @given(STRUCTURED[kind], st.sampled_from(STRUCTURED_COMMANDS))
    def run(named: tuple[str, bytes], command: list[str]) -> None:
        OUTCOMES[f"{kind}: {check_structured(command, *named, folder)}"] += 1

    run()
