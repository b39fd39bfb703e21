"""Hostile inputs and outputs: odd rows, endless devices, closed stdin, bad paths, big files.

Every problem is one line on stderr naming the file (and the line where there is
one) with its real cause, exit 1, nothing on stdout; big exports are written in
bounded chunks, byte-identical to writing them at once.
"""

from __future__ import annotations

import csv
import errno
import io
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

import orjson
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tests.test_installed import clean_env
from zgc_cli.cli import app
from zgc_cli.errors import DataError
from zgc_cli.model import observations, textio
from zgc_cli.model.observations import Observations, load_observations, parse_observations
from zgc_cli.model.textio import read_bytes
from zgc_cli.present import cells, formats
from zgc_cli.present.choices import TEXT_FORMATS, OutputFormat
from zgc_cli.present.files import OutputTarget

runner = CliRunner()
ZGC = [sys.executable, "-m", "zgc_cli"]
GOOD = b"metric,entity,year,value\nrevenue,zgc,2014,3.6\nrevenue,zgc,2023,8.6\n"


def run_zgc(
    *args: str, stdin: bytes | None = None, shell_suffix: str = ""
) -> subprocess.CompletedProcess[bytes]:
    """zgc in a real process (stdin as bytes, or a shell redirection in ``shell_suffix``)."""
    if shell_suffix:
        command = shlex.join([*ZGC, *args]) + " " + shell_suffix
        return subprocess.run(
            ["bash", "-c", command], capture_output=True, env=clean_env(), timeout=60
        )
    return subprocess.run(
        [*ZGC, *args], input=stdin, capture_output=True, env=clean_env(), timeout=60
    )


def one_error_line(result: subprocess.CompletedProcess[bytes]) -> str:
    """The single error line of a failed run (no stdout, no traceback)."""
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert result.stdout == b""
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


# --- 1. rows of bare commas ------------------------------------------------------------


def test_a_row_of_bare_commas_after_a_blank_line_is_skipped_as_blank() -> None:
    result = runner.invoke(
        app, ["export", "--data", "-"], input=b"metric,year,value\n\nm,2014,1\n,,\n"
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "metric,year,value\nm,2014,1\n"


@pytest.mark.parametrize(
    "empty_row",
    [",,", " , ,\t", '"","",""', '""', "   ", ",,\r"],
    ids=["commas", "spaces", "quoted", "one quoted", "blank", "CR"],
)
def test_effectively_empty_rows_are_blank_lines_and_later_lines_keep_their_numbers(
    empty_row: str,
) -> None:
    text = f"metric,year,value\n{empty_row}\nm,2014,1\n\n{empty_row}\nm,2015,x\n"
    with pytest.raises(DataError) as raised:
        parse_observations("f.csv", text.encode())
    assert raised.value.message == "f.csv:6: column 'value': 'x' is not a number"
    good = f"metric,year,value\n{empty_row}\nm,2014,1\n\n{empty_row}\nm,2015,2\n{empty_row}\n"
    loaded = parse_observations("f.csv", good.encode())
    assert loaded.frame["year"].tolist() == [2014, 2015]
    duplicate = f"metric,year,value\n{empty_row}\nm,2014,1\n{empty_row}\nm,2014,2\n"
    with pytest.raises(DataError, match=r"^f\.csv:5: duplicate .* first at line 3$"):
        parse_observations("f.csv", duplicate.encode())


def test_a_file_of_empty_rows_has_no_observations() -> None:
    with pytest.raises(DataError, match=r"^f\.csv: a header but no observations$"):
        parse_observations("f.csv", b"metric,year,value\n,,\n\n,,\n")


def test_a_row_with_only_a_metric_is_not_blank() -> None:
    with pytest.raises(DataError, match=r"^f\.csv:3: column 'year' is empty$"):
        parse_observations("f.csv", b"metric,year,value\n\nm,,\n")


def test_a_lone_carriage_return_inside_a_line_is_a_line_break() -> None:
    # pandas breaks rows at a lone CR: the fast shape check must not miss it.
    with pytest.raises(DataError, match=r"^f\.csv:2: ragged row: 2 fields, the header has 3$"):
        parse_observations("f.csv", b"metric,year,value\nm,2014\r1,2\n")


# --- 2. endless and non-regular inputs -------------------------------------------------


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_an_endless_device_is_refused_at_once(device: str) -> None:
    line = one_error_line(run_zgc("export", "--data", device))
    # Random bytes hold line breaks too: the NUL is on some early line.
    assert re.fullmatch(
        rf"zgc: error: {device}:\d+: NUL byte: not a text CSV \(UTF-16 or binary\?\)", line
    )


def test_an_endless_line_on_a_pipe_is_refused_after_a_bound() -> None:
    result = run_zgc("export", "--data", "-", shell_suffix="< <(yes abc | tr -d '\\n')")
    line = one_error_line(result)
    assert line == "zgc: error: <stdin>:1: no line break in the first 1 MiB: not a CSV"


def test_zeros_after_good_lines_on_a_pipe_name_their_line(tmp_path: Path) -> None:
    good = tmp_path / "good.csv"
    good.write_bytes(GOOD)
    result = run_zgc("export", "--data", "-", shell_suffix=f"< <(cat {good} /dev/zero)")
    assert one_error_line(result) == (
        "zgc: error: <stdin>:4: NUL byte: not a text CSV (UTF-16 or binary?)"
    )


def test_the_reader_reads_devices_in_blocks_with_a_bound() -> None:
    with pytest.raises(DataError, match=r"^/dev/zero:1: NUL byte"):
        read_bytes("/dev/zero")
    with pytest.raises(DataError, match=r"^/dev/zero:1: NUL byte: not a text file"):
        read_bytes("/dev/zero", "the article")


def test_a_fifo_with_csv_loads(tmp_path: Path) -> None:
    fifo = tmp_path / "data.fifo"
    os.mkfifo(fifo)

    rows = [f"m{number},zgc,2014,{number}" for number in range(200_000)]  # > 1 block
    payload = ("metric,entity,year,value\n" + "\n".join(rows) + "\n").encode()

    def write() -> None:
        with open(fifo, "wb") as handle:
            handle.write(payload)

    writer = threading.Thread(target=write)
    writer.start()
    loaded = load_observations(str(fifo))
    writer.join()
    assert len(payload) > 2 * 2**20  # more than one block of a pipe
    assert loaded.frame["value"].tolist() == [float(number) for number in range(200_000)]


def test_a_big_csv_through_a_real_pipe_round_trips() -> None:
    rows = [
        f"m{number % 97},e{number % 13},{2000 + number // 1261},{number}.5"
        for number in range(30_000)
    ]
    data = ("metric,entity,year,value\n" + "\n".join(rows) + "\n").encode()
    result = run_zgc("export", "--data", "-", stdin=data)
    assert result.returncode == 0, result.stderr
    assert result.stdout == data


# --- 3. closed standard input -----------------------------------------------------------


def test_closed_stdin_is_one_line() -> None:
    line = one_error_line(run_zgc("export", "--data", "-", shell_suffix="<&-"))
    assert line == "zgc: error: <stdin>: standard input is closed"


def test_no_stdin_object_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    with pytest.raises(DataError, match=r"^<stdin>: standard input is closed$"):
        read_bytes("-")


# --- 4. numbers padded with Unicode spaces, and every parse failure has a line ---------


def test_numbers_padded_with_nbsp_and_ideographic_spaces_load() -> None:
    text = "metric,year,value\nm,2014\u00a0,\u00a01\nm,\u30002015,2\u3000\nm,2016,3\n"
    loaded = parse_observations("f.csv", text.encode())
    assert loaded.frame["year"].tolist() == [2014, 2015, 2016]
    assert loaded.frame["value"].tolist() == [1.0, 2.0, 3.0]
    assert str(loaded.frame["year"].dtype) == "int16"


def test_a_bad_number_after_padded_ones_names_file_line_column_and_cell() -> None:
    text = "metric,year,value\nm,2014,1\u00a0\nm,2015,1\u00a0000\n"
    with pytest.raises(DataError) as raised:
        parse_observations("f.csv", text.encode())
    assert raised.value.message == "f.csv:3: column 'value': '1\\xa0000' is not a number"


def test_a_cell_of_spaces_is_empty_with_its_line() -> None:
    with pytest.raises(DataError, match=r"^f\.csv:3: column 'value' is empty$"):
        parse_observations("f.csv", b"metric,year,value\nm,2014,1\nm,2015,   \n")


def test_a_padded_gb18030_file_loads() -> None:
    text = "metric,entity,year,value\n专利,北京,2014\u3000,48.2\n"
    loaded = parse_observations("f.csv", text.encode("gb18030"))
    assert loaded.frame["entity"].tolist() == ["北京"]
    assert loaded.frame["year"].tolist() == [2014]


VALID_ROWS = [
    ["metric", "entity", "year", "value", "unit", "status", "qualifier", "quote", "note"],
    ["revenue", "zgc", "2014", "3600000000000", "CNY", "reported", "exact", "3.6万亿, quoted", ""],
    ["revenue", "zgc", "2023", "8.6", "CNY", "estimate", "about", "two\nlines", "n"],
    ["employees", "zgc", "2013", "1860000", "persons", "derived", "exact", "1.5倍", "279 / 1.5"],
]
# fmt: off
CELL_TEXT = [
    "", " ", "\u00a0", "\u3000", "\u2009", "\x85", "\x0b", "\t", "x", "1", ".", "-", "e", "nan",
    "inf", "1e999", "True", "2014.5", "1_0", "１", "99999", '"', ",", "\n", "\r", "专", "\x00",
]
BYTES = [
    b",", b'"', b"\n", b"\r", b" ", b"\t", b"\xc2\xa0", "\u3000".encode(), b"x", b"1", b".",
    b"-", b"e", b"\xff", b"\x80", "专".encode("gb18030"), b"\x00", b"\r\n", b",,", b'""',
]
# fmt: on


@st.composite
def mutated_csv(draw: st.DrawFn) -> bytes:
    """The valid CSV with cells edited (then quoted as CSV needs), and a few bytes mutated."""
    rows = [list(row) for row in VALID_ROWS]
    for _ in range(draw(st.integers(0, 4))):
        row = draw(st.sampled_from(rows[1:] if draw(st.integers(0, 9)) else rows))
        column = draw(st.integers(0, len(row) - 1))
        text = draw(st.sampled_from(CELL_TEXT))
        where = draw(st.sampled_from(["before", "after", "instead"]))
        row[column] = {"before": text + row[column], "after": row[column] + text}.get(where, text)
    if draw(st.booleans()):
        rows.insert(draw(st.integers(1, len(rows))), [""] * draw(st.integers(0, 10)))
    out = io.StringIO()
    csv.writer(out, lineterminator=draw(st.sampled_from(["\n", "\r\n", "\r"]))).writerows(rows)
    data = bytearray(out.getvalue().encode(draw(st.sampled_from(["utf-8", "gb18030"]))))
    for _ in range(draw(st.integers(0, 2))):
        position = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["insert", "delete", "replace", "duplicate line"]))
        if action == "insert":
            data[position:position] = draw(st.sampled_from(BYTES))
        elif action == "delete":
            del data[position : position + draw(st.integers(1, 12))]
        elif action == "replace" and position < len(data):
            data[position : position + 1] = draw(st.sampled_from(BYTES))
        elif action == "duplicate line":
            lines = bytes(data).split(b"\n")
            index = draw(st.integers(0, len(lines) - 1))
            lines.insert(index, lines[index])
            data = bytearray(b"\n".join(lines))
    return bytes(data)


WITHOUT_A_LINE = re.compile(r"^f\.csv: (empty file|a header but no observations)$")
WITH_A_LINE = re.compile(r"^f\.csv:(\d+): \S")


def _outcome(load: Callable[[], Observations]) -> Observations | str:
    try:
        return load()
    except DataError as error:
        return error.message


def test_a_mutated_csv_loads_or_names_file_and_line(request: pytest.FixtureRequest) -> None:
    """150 examples in the default tier; ``pytest --fuzz`` runs 5,000."""
    examples = 5000 if request.config.getoption("--fuzz") else 150

    @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck))
    @given(mutated_csv())
    def run(data: bytes) -> None:
        check_mutated(data)

    run()


def check_mutated(data: bytes) -> None:
    """From bytes and from a file alike: an Observations, or a DataError naming file and line."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "f.csv")
        path.write_bytes(data)
        # From a file, pandas reads the file itself: the same outcome as from bytes.
        from_file = _outcome(lambda: load_observations(str(path)))
    from_bytes = _outcome(lambda: parse_observations(str(path), data))
    if isinstance(from_bytes, Observations):
        assert isinstance(from_file, Observations), from_file
        pd.testing.assert_frame_equal(from_file.frame, from_bytes.frame)
    else:
        assert from_file == from_bytes
    try:
        loaded = parse_observations("f.csv", data)
    except DataError as error:
        message = error.message
        match = WITH_A_LINE.match(message)
        assert match or WITHOUT_A_LINE.match(message), message
        assert "cannot safely convert" not in message
        if match:
            physical_lines = data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n") + 1
            assert 1 <= int(match.group(1)) <= physical_lines, message
        return
    assert isinstance(loaded, Observations)
    assert len(loaded.frame) >= 1


# --- 5. paths that cannot be read -------------------------------------------------------


def test_a_name_too_long_is_said(tmp_path: Path) -> None:
    path = tmp_path / ("a" * 300 + ".csv")
    with pytest.raises(DataError) as raised:
        read_bytes(str(path))
    assert raised.value.message == f"{path}: too long a name"


def test_a_symlink_loop_is_said(tmp_path: Path) -> None:
    (tmp_path / "a.csv").symlink_to(tmp_path / "b.csv")
    (tmp_path / "b.csv").symlink_to(tmp_path / "a.csv")
    path = tmp_path / "a.csv"
    with pytest.raises(DataError) as raised:
        read_bytes(str(path))
    assert raised.value.message == f"{path}: symbolic link loop"


def test_a_parent_that_is_a_file_is_named(tmp_path: Path) -> None:
    parent = tmp_path / "data.csv"
    parent.write_bytes(GOOD)
    path = parent / "metrics.csv"
    with pytest.raises(DataError) as raised:
        read_bytes(str(path))
    assert raised.value.message == f"{path}: {parent} is a file, not a directory"


def test_a_missing_file_and_a_directory_keep_their_words(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r": no such file$"):
        read_bytes(str(tmp_path / "absent.csv"))
    with pytest.raises(DataError, match=r": no such file$"):
        read_bytes(str(tmp_path / "absent" / "x.csv"))
    with pytest.raises(DataError, match=r": is a directory, not a CSV file$"):
        read_bytes(str(tmp_path))
    with pytest.raises(DataError, match=r": is a directory, not a file$"):
        read_bytes(str(tmp_path), "the article")


def _without_root_powers() -> list[str]:
    """A command prefix under which root, too, is held to permission bits (or a skip)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("root enters every directory, and setpriv is missing")
    return [setpriv, "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search"]


@pytest.mark.parametrize("locked_part", ["directory", "file"])
def test_a_directory_that_cannot_be_entered_is_named(tmp_path: Path, locked_part: str) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    path = locked / "m.csv"
    path.write_bytes(GOOD)
    (locked if locked_part == "directory" else path).chmod(0)
    try:
        result = subprocess.run(
            [*_without_root_powers(), *ZGC, "export", "--data", str(path)],
            capture_output=True,
            env=clean_env(),
            timeout=60,
        )
    finally:
        locked.chmod(0o755)
        path.chmod(0o644)
    if result.stderr.startswith(b"setpriv:"):
        pytest.skip(f"setpriv cannot drop root's powers here: {result.stderr.decode()}")
    cause = f" (cannot enter {locked})" if locked_part == "directory" else ""
    assert one_error_line(result) == f"zgc: error: {path}: permission denied{cause}"


def test_permission_denied_names_the_directory_that_cannot_be_entered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As above, for a test run by root: the kernel's answer and the search rights, faked."""
    locked = tmp_path / "locked"
    locked.mkdir()
    path = locked / "m.csv"
    real_open = os.open
    real_access = os.access

    def refuse(name: object, *args: object, **kwargs: object) -> int:
        if str(name) == str(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(name))
        return real_open(name, *args, **kwargs)  # type: ignore[arg-type]

    def access(name: object, mode: int, **kwargs: object) -> bool:
        if str(name) == str(locked):
            return False
        return real_access(name, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(textio.os, "open", refuse)
    monkeypatch.setattr(textio.os, "access", access)
    with pytest.raises(DataError) as raised:
        read_bytes(str(path))
    assert raised.value.message == f"{path}: permission denied (cannot enter {locked})"


def test_bad_paths_through_the_cli_are_one_line(tmp_path: Path) -> None:
    parent = tmp_path / "data.csv"
    parent.write_bytes(GOOD)
    line = one_error_line(run_zgc("export", "--data", str(parent / "m.csv")))
    assert line == f"zgc: error: {parent / 'm.csv'}: {parent} is a file, not a directory"
    long_name = tmp_path / ("a" * 300)
    line = one_error_line(run_zgc("export", "--data", str(long_name)))
    assert line == f"zgc: error: {long_name}: too long a name"


def test_a_symlink_loop_through_the_cli_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "loop.csv").symlink_to(tmp_path / "loop.csv")
    line = one_error_line(run_zgc("export", "--data", str(tmp_path / "loop.csv")))
    assert line == f"zgc: error: {tmp_path / 'loop.csv'}: symbolic link loop"


# --- 6. big outputs in bounded chunks ----------------------------------------------------


def _frame(rows: int, fmt: OutputFormat | None = None) -> pd.DataFrame:
    # A line break TSV cannot hold (IANA text/tab-separated-values): a space there.
    brk = " " if fmt is OutputFormat.tsv else "\n"
    return pd.DataFrame(
        {
            "metric": pd.Categorical([f"m,{number % 3}" for number in range(rows)]),
            "year": pd.Series([2000 + number for number in range(rows)], dtype="int16"),
            "value": [number / 7 if number % 2 else float(number) for number in range(rows)],
            "quote": [
                f'say "{number}"{brk}ok' if number % 4 == 0 else "" for number in range(rows)
            ],
            "ratio": [None if number % 5 == 0 else number * 1.5 for number in range(rows)],
        }
    )


def _written(frame: pd.DataFrame, fmt: OutputFormat, pretty: bool) -> str:
    stream = io.StringIO()
    formats.write_machine(frame, fmt, stream, pretty)
    return stream.getvalue()


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
@pytest.mark.parametrize("pretty", [False, True])
@pytest.mark.parametrize("rows", [0, 1, 3, 7, 9])
def test_chunked_output_is_byte_identical(
    monkeypatch: pytest.MonkeyPatch, fmt: OutputFormat, pretty: bool, rows: int
) -> None:
    frame = _frame(rows, fmt)
    whole = _written(frame, fmt, pretty)
    monkeypatch.setattr(cells, "_ROWS_PER_WRITE", 3)
    assert _written(frame, fmt, pretty) == whole
    if fmt is OutputFormat.json:
        option = orjson.OPT_INDENT_2 if pretty else 0
        assert whole == orjson.dumps(formats.records(frame), option=option).decode() + "\n"


class _Recorder(io.StringIO):
    def __init__(self) -> None:
        super().__init__()
        self.sizes: list[int] = []

    def write(self, text: str) -> int:
        self.sizes.append(len(text))
        return super().write(text)


class _Env:
    def __init__(self) -> None:
        self.stdout = _Recorder()
        self.stdout_is_tty = False
        self.language = None
        self.default_format = OutputFormat.csv
        self.output = OutputTarget()

    def show_table(self, result: object) -> None:  # pragma: no cover - never a table here
        raise AssertionError

    def note(self, text: str) -> None:
        pass


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_emit_streams_to_stdout_in_bounded_writes(
    monkeypatch: pytest.MonkeyPatch, fmt: OutputFormat
) -> None:
    from zgc_cli.stats.results import Result

    frame = _frame(40, fmt)
    monkeypatch.setattr(cells, "_ROWS_PER_WRITE", 4)
    env = _Env()
    result = Result(frame=frame)
    formats.emit(result, env, fmt)  # type: ignore[arg-type]
    total = sum(env.stdout.sizes)
    assert env.stdout.getvalue() == _written(frame, fmt, False)
    assert len(env.stdout.sizes) >= 10
    assert max(env.stdout.sizes) < total / 4


def test_running_out_of_memory_while_loading_is_one_line(
    sample_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_memory(*args: object, **kwargs: object) -> None:
        raise MemoryError

    monkeypatch.setattr(observations.pd, "read_csv", no_memory)
    with pytest.raises(DataError) as raised:
        load_observations(str(sample_csv))
    assert raised.value.message.startswith(f"{sample_csv}: not enough memory to load the data")


def test_running_out_of_memory_while_writing_is_one_line(
    sample_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_memory(*args: object, **kwargs: object) -> None:
        raise MemoryError

    monkeypatch.setattr(formats, "text_cells", no_memory)
    result = runner.invoke(app, ["export", "--data", str(sample_csv), "--format", "csv"])
    assert result.exit_code == 1
    assert result.stderr == "zgc: error: not enough memory to write the output\n"


# --- the metadata beside the data ------------------------------------------------------


def test_a_ragged_sidecar_row_names_its_line(tmp_path: Path) -> None:
    from zgc_cli.model.dataset import read_text_table

    path = tmp_path / "indicators.csv"
    path.write_bytes(b'metric,name_en\nm,"a\nb"\nn,y,z\n')
    with pytest.raises(DataError) as raised:
        read_text_table(path, "indicator metadata")
    assert raised.value.message == (
        f"{path}:4: cannot read indicator metadata: ragged row: 3 fields, the header has 2"
    )


def test_a_broken_data_package_names_its_line(tmp_path: Path) -> None:
    from zgc_cli.model.dataset import load_publication
    from zgc_cli.model.sources import DataSource

    (tmp_path / "metrics.csv").write_bytes(GOOD)
    package = tmp_path / "datapackage.json"
    package.write_text('{"sources": [\n  {"title": "x",}\n]}\n', encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_publication(DataSource(str(tmp_path / "metrics.csv")))
    assert raised.value.message.startswith(f"{package}:2: cannot read the data package: ")
    package.write_text('{"sources": []}', encoding="utf-16")
    with pytest.raises(DataError) as raised:
        load_publication(DataSource(str(tmp_path / "metrics.csv")))
    assert raised.value.message == f"{package}:1: NUL byte: not a text file (UTF-16 or binary?)"


# --- issue 25, item 14: memory exhaustion inside pandas' CSV parser ----------------------


@pytest.mark.slow
def test_an_address_space_limit_near_the_parse_peak_is_one_line_not_a_segfault(
    tmp_path: Path,
) -> None:
    """Before: exit 139 (a segfault in pandas' C parser) for limits in a narrow band.

    The band sits at about 8 to 8.5 bytes of address space per byte of CSV above
    what zgc holds before it parses; the limits swept cover it in small steps.
    """
    import resource

    path = tmp_path / "mem.csv"
    with path.open("w") as handle:
        handle.write("metric,entity,year,value,quote\n")
        handle.writelines(
            f"m{i},e{i % 7},{1900 + i % 100},{i * 1.5},quote text number {i}\n"
            for i in range(200_000)
        )
    size = path.stat().st_size
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import re, zgc_cli.cli, pandas; "
            "print(re.search(r'VmSize:\\s+(\\d+)', open('/proc/self/status').read())[1])",
        ],
        capture_output=True,
        text=True,
        env=clean_env(),
        check=True,
    )
    base = int(probe.stdout) * 1024
    outcomes = []
    for tenths in range(76, 92, 1):
        limit = base + size * tenths // 10

        def limited(limit: int = limit) -> None:
            resource.setrlimit(resource.RLIMIT_AS, (limit, resource.RLIM_INFINITY))

        result = subprocess.run(
            [*ZGC, "export", "--data", str(path)],
            capture_output=True,
            env=clean_env(),
            timeout=60,
            preexec_fn=limited,
        )
        outcomes.append((tenths, result.returncode, result.stderr.decode()[-200:]))
    for tenths, code, stderr in outcomes:
        assert code in (0, 1), outcomes
        if code == 1:
            assert stderr == f"zgc: error: {path}: not enough memory to load the data\n", (
                tenths,
                stderr,
            )


# --- issue 25: the structure-aware generators, through the library ------------------------


@pytest.mark.parametrize("kind", ["sheet XML", "JSON escapes", "long fields"])
def test_structured_files_load_or_raise_a_data_error(
    kind: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What ``zgc`` reads through the library too: an Observations, or a DataError, nothing else.

    A notebook calling ``Dataset`` gets the same one-line errors, not calamine's,
    orjson's or the csv module's exceptions.
    """
    pytest.importorskip("python_calamine")
    from tests.test_fuzz import STRUCTURED, STRUCTURED_ENV
    from zgc_cli.model.dataset import Dataset

    for variable, value in STRUCTURED_ENV.items():
        monkeypatch.setenv(variable, value)
    examples = 2000 if request.config.getoption("--fuzz") else 30

    @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck))
    @given(STRUCTURED[kind])
    def run(named: tuple[str, bytes]) -> None:
        name, payload = named
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder, name)
            path.write_bytes(payload)
            try:
                loaded = Dataset.open(str(path)).observations
            except DataError as error:
                assert error.message.startswith(str(path)), error.message
                assert "\n" not in error.message
                return
            assert len(loaded.frame) >= 1

    run()
