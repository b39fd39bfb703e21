"""Property-based fuzzing of the error contract, through the loader and every command.

Whatever the bytes, zgc ends in one of three ways: exit 0 with nothing on stderr;
exit 1 with exactly one line on stderr (``zgc: error: …``) and nothing on stdout;
or a usage error, exit 2. Never a traceback, never an internal error.

CI runs a bounded number of examples; ``pytest --fuzz tests/test_fuzz.py`` runs
thousands (see the README's development section).
"""

from __future__ import annotations

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
