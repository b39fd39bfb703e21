"""Machine formats (zgc_cli.present.formats): the exact bytes of every format."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import orjson
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zgc_cli.errors import ZgcError
from zgc_cli.present import cells, formats
from zgc_cli.present.choices import TEXT_FORMATS, OutputFormat
from zgc_cli.present.files import OutputTarget
from zgc_cli.present.i18n import Language
from zgc_cli.stats.results import ComparisonResult, SearchResult

# Every kind of column a result has: category text, floats with a gap, a nullable
# integer year, booleans, 64-bit integers past 2**53, free text needing quotes.
MIXED = pd.DataFrame(
    {
        "metric": pd.Categorical(["a,b", "c", None]),
        "value": [1.0, 2.5, np.nan],
        "year": pd.array([2014, None, 2020], dtype="Int16"),
        "ok": [True, False, True],
        "n": np.array([2**60, 1, -3], dtype="int64"),
        "q": ['x"y', "a\rb", None],
    }
)


def written(frame: pd.DataFrame, fmt: OutputFormat, pretty: bool = False) -> str:
    stream = io.StringIO()
    formats.write_machine(frame, fmt, stream, pretty)
    return stream.getvalue()


# --- CSV quoting ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("plain", "plain"),
        ("", ""),
        ("a,b", '"a,b"'),
        ('say "hi"', '"say ""hi"""'),
        ('"', '""""'),
        ("two\nlines", '"two\nlines"'),
        ("carriage\rreturn", '"carriage\rreturn"'),
        ("crlf\r\n", '"crlf\r\n"'),
        ("a\tb", "a\tb"),
        ("中关村", "中关村"),
    ],
)
def test_csv_quotes_minimally(text: str, quoted: str) -> None:
    assert formats._quoted(text, ",") == quoted


def test_tsv_never_quotes() -> None:
    # IANA text/tab-separated-values has no quoting: a quote or comma is data.
    assert formats._quoted('say "x", y', "\t") == 'say "x", y'
    assert formats._quoted("a,b", "\t") == "a,b"


@pytest.mark.parametrize(
    ("cell", "column", "said"),
    [
        ("a\tb", "q", "record 2, column 'q' holds a tab"),
        ("two\nlines", "q", "record 2, column 'q' holds a line break"),
        ("carriage\rreturn", "q", "record 2, column 'q' holds a line break"),
        ('"quoted" first', "q", "record 2, column 'q' begins with a double quote"),
    ],
)
def test_tsv_refuses_a_field_it_cannot_write_naming_its_record_and_column(
    cell: str, column: str, said: str
) -> None:
    frame = pd.DataFrame({"metric": ["m", "m", "m"], column: ["fine", cell, "also\tbad"]})
    stream = io.StringIO()
    with pytest.raises(ZgcError) as raised:
        formats.write_machine(frame, OutputFormat.tsv, stream, pretty=False)
    assert said in raised.value.message
    assert "\n" not in raised.value.message
    assert stream.getvalue() == ""  # refused before a byte is written


def test_tsv_refuses_a_category_cell_and_a_column_name_too() -> None:
    frame = pd.DataFrame({"m": pd.Categorical(["ok", "ok", "x\ny"])})
    with pytest.raises(ZgcError, match="record 3, column 'm' holds a line break"):
        written(frame, OutputFormat.tsv)
    with pytest.raises(ZgcError, match=r"the column name 'a\\tb' holds a tab"):
        written(pd.DataFrame({"a\tb": [1]}), OutputFormat.tsv)


def test_no_delimiter_means_no_quoting() -> None:
    assert formats._quoted('a,"b"\r\n', None) == 'a,"b"\r\n'


# Text with every character CSV cares about, and some it doesn't.
cell_text = st.text(alphabet=st.sampled_from(list('ab,"\t\r\n 中;|\\')), max_size=12)


@settings(max_examples=40)
@given(st.lists(st.tuples(cell_text, cell_text), min_size=1, max_size=5))
def test_csv_reads_back_cell_for_cell(rows: list[tuple[str, str]]) -> None:
    frame = pd.DataFrame(rows, columns=["first, name", 'say "x"'])
    text = written(frame, OutputFormat.csv)
    assert list(csv.reader(io.StringIO(text, newline=""))) == [
        ["first, name", 'say "x"'],
        *[list(row) for row in rows],
    ]


@settings(max_examples=40)
@given(st.lists(st.tuples(cell_text, cell_text), min_size=1, max_size=5))
def test_tsv_reads_back_cell_for_cell(rows: list[tuple[str, str]]) -> None:
    frame = pd.DataFrame(rows, columns=["a", "b"])
    cells = [cell for row in rows for cell in row]
    if any(set(cell) & set("\t\r\n") or cell.startswith('"') for cell in cells):
        with pytest.raises(ZgcError, match="cannot write TSV: record"):
            written(frame, OutputFormat.tsv)
        return
    text = written(frame, OutputFormat.tsv)
    assert "\t".join(rows[0]) in text  # as it is: no quoting
    assert list(csv.reader(io.StringIO(text, newline=""), delimiter="\t")) == [
        ["a", "b"],
        *[list(row) for row in rows],
    ]


# --- whole outputs -------------------------------------------------------------------


def test_csv_of_every_column_kind() -> None:
    assert written(MIXED, OutputFormat.csv) == (
        "metric,value,year,ok,n,q\n"
        '"a,b",1,2014,true,1152921504606846976,"x""y"\n'
        'c,2.5,,false,1,"a\rb"\n'
        ",,2020,true,-3,\n"
    )


def test_tsv_of_every_column_kind() -> None:
    writable = MIXED.assign(q=['x"y', "a b", None])
    assert written(writable, OutputFormat.tsv) == (
        "metric\tvalue\tyear\tok\tn\tq\n"
        'a,b\t1\t2014\ttrue\t1152921504606846976\tx"y\n'
        "c\t2.5\t\tfalse\t1\ta b\n"
        "\t\t2020\ttrue\t-3\t\n"
    )
    with pytest.raises(ZgcError, match="record 2, column 'q' holds a line break"):
        written(MIXED, OutputFormat.tsv)


def test_csv_quotes_header_names_too() -> None:
    frame = pd.DataFrame({"a,b": [1], 'c"d': ["x"]})
    assert written(frame, OutputFormat.csv) == '"a,b","c""d"\n1,x\n'


def test_csv_of_no_rows_is_the_header() -> None:
    frame = pd.DataFrame({"a": pd.Series(dtype="float64"), "b": pd.Series(dtype=str)})
    assert written(frame, OutputFormat.csv) == "a,b\n"


def test_csv_of_many_rows_keeps_every_row_once() -> None:
    # More rows than one write takes: the chunks join without a lost or doubled line.
    count = formats._ROWS_PER_WRITE + 3
    frame = pd.DataFrame({"i": np.arange(count)})
    lines = written(frame, OutputFormat.csv).split("\n")
    assert lines[0] == "i"
    assert lines[1:-1] == [str(i) for i in range(count)]
    assert lines[-1] == ""


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
@pytest.mark.parametrize("pretty", [False, True])
def test_writing_in_chunks_gives_the_same_bytes(
    fmt: OutputFormat, pretty: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 9 rows; TSV cannot hold MIXED's carriage return.
    mixed = MIXED.assign(q=['x"y', "a b", None]) if fmt is OutputFormat.tsv else MIXED
    frame = pd.concat([mixed] * 3, ignore_index=True)
    whole = written(frame, fmt, pretty)
    for rows_per_write in (1, 2, 4):
        monkeypatch.setattr(cells, "_ROWS_PER_WRITE", rows_per_write)
        assert written(frame, fmt, pretty) == whole, rows_per_write
    if fmt is OutputFormat.json:
        option = orjson.OPT_INDENT_2 if pretty else 0
        assert whole == orjson.dumps(formats.records(frame), option=option).decode() + "\n"


def test_json_of_every_column_kind() -> None:
    text = written(MIXED, OutputFormat.json)
    assert text == (
        '[{"metric":"a,b","value":1,"year":2014,"ok":true,"n":1152921504606846976,'
        '"q":"x\\"y"},'
        '{"metric":"c","value":2.5,"year":null,"ok":false,"n":1,"q":"a\\rb"},'
        '{"metric":null,"value":null,"year":2020,"ok":true,"n":-3,"q":null}]\n'
    )


def test_pretty_json_is_indented_by_two_and_reads_the_same() -> None:
    pretty = written(MIXED, OutputFormat.json, pretty=True)
    assert pretty.startswith('[\n  {\n    "metric": "a,b",\n    "value": 1,\n')
    assert pretty.endswith("\n  }\n]\n")
    assert json.loads(pretty) == json.loads(written(MIXED, OutputFormat.json))


def test_json_lines_is_one_compact_object_a_line() -> None:
    assert written(MIXED, OutputFormat.jsonl, pretty=True) == (
        '{"metric":"a,b","value":1,"year":2014,"ok":true,"n":1152921504606846976,"q":"x\\"y"}\n'
        '{"metric":"c","value":2.5,"year":null,"ok":false,"n":1,"q":"a\\rb"}\n'
        '{"metric":null,"value":null,"year":2020,"ok":true,"n":-3,"q":null}\n'
    )


def test_json_of_no_rows() -> None:
    empty = pd.DataFrame({"a": pd.Series(dtype="float64")})
    assert written(empty, OutputFormat.json) == "[]\n"
    assert written(empty, OutputFormat.jsonl) == ""


def test_markdown_of_every_column_kind() -> None:
    # (How a carriage return inside a cell should read in Markdown is left open here.)
    frame = MIXED.assign(q=['x"y', "a b", None])
    assert written(frame, OutputFormat.markdown) == (
        "| metric | value | year | ok | n | q |\n"
        "| --- | --- | --- | --- | --- | --- |\n"
        '| a,b | 1 | 2014 | true | 1152921504606846976 | x"y |\n'
        "| c | 2.5 |  | false | 1 | a b |\n"
        "|  |  | 2020 | true | -3 |  |\n"
    )


def test_markdown_escapes_backslashes_pipes_and_newlines() -> None:
    frame = pd.DataFrame({"a|b": ["x\\y|z\nw"], "c\\d": ["e"]})
    assert written(frame, OutputFormat.markdown) == (
        "| a\\|b | c\\\\d |\n| --- | --- |\n| x\\\\y\\|z w | e |\n"
    )


def test_the_table_format_is_not_a_machine_format() -> None:
    with pytest.raises(ValueError, match="not a machine format: table"):
        written(MIXED, OutputFormat.table)


# --- cells ---------------------------------------------------------------------------


def test_machine_cells_are_python_values() -> None:
    cells = formats.machine_cells(MIXED)
    assert [list(column) for column in cells] == [
        ["a,b", "c", None],
        [1, 2.5, None],
        [2014, None, 2020],
        [True, False, True],
        [2**60, 1, -3],
        ['x"y', "a\rb", None],
    ]
    # Whole numbers are ints, not floats or numpy scalars: JSON writes 1, not 1.0.
    assert [type(cell) for cell in cells[1]] == [int, float, type(None)]
    assert [type(cell) for cell in cells[2]] == [int, type(None), int]
    assert [type(cell) for cell in cells[4]] == [int, int, int]


def test_machine_cells_put_the_given_marker_for_missing_values() -> None:
    cells = formats.machine_cells(MIXED, missing="")
    assert [column[-1] for column in cells] == ["", "", 2020, True, -3, ""]
    assert cells[2][1] == ""


def test_machine_cells_leave_the_frame_unchanged() -> None:
    frame = pd.DataFrame({"q": ["x", None]}, dtype=object)
    formats.machine_cells(frame, missing="gap")
    assert frame["q"].tolist() == ["x", None]


@pytest.mark.parametrize(
    ("value", "cell", "kind"),
    [
        (2.0**53 - 1, 9007199254740991, int),
        (-(2.0**53) + 1, -9007199254740991, int),
        # From 2**53 on, not every whole number is a float: it stays a float.
        (2.0**53, 2.0**53, float),
        (-(2.0**53), -(2.0**53), float),
        (-0.0, 0, int),
        (0.5, 0.5, float),
        (float("inf"), float("inf"), float),
    ],
)
def test_whole_floats_become_ints_below_two_to_the_53(value: float, cell: Any, kind: type) -> None:
    (column,) = formats.machine_cells(pd.DataFrame({"v": [value]}))
    assert column[0] == cell
    assert type(column[0]) is kind


def test_machine_text_of_large_whole_floats() -> None:
    frame = pd.DataFrame({"v": [2.0**53 - 1, 2.0**53, -(2.0**53)]})
    assert formats.machine_text(frame)["v"].tolist() == [
        "9007199254740991",
        "9007199254740992.0",
        "-9007199254740992.0",
    ]


def test_text_cells_spell_categories_once_and_missing_as_empty() -> None:
    frame = pd.DataFrame({"c": pd.Categorical(["x,y", None, "x,y", "z"], categories=["z", "x,y"])})
    assert formats.text_cells(frame, ",") == [['"x,y"', "", '"x,y"', "z"]]
    assert formats.text_cells(frame) == [["x,y", "", "x,y", "z"]]


def test_small_and_large_floats_are_the_shared_machine_text() -> None:
    frame = pd.DataFrame({"v": [1.5e-5, 1e-7, 1e20, 0.1 + 0.2]})
    assert written(frame, OutputFormat.csv) == "v\n0.000015\n1e-7\n1e+20\n0.30000000000000004\n"


def test_text_cells_write_booleans_and_numbers() -> None:
    frame = pd.DataFrame({"b": [True, False], "i": [3, -4], "f": [0.1, float("nan")]})
    assert formats.text_cells(frame, ",") == [["true", "false"], ["3", "-4"], ["0.1", ""]]


def test_machine_text_keeps_the_index_and_gives_text() -> None:
    frame = pd.DataFrame({"v": [1.0, 0.25], "s": ["a", None]}, index=[7, 3])
    text = formats.machine_text(frame)
    assert text.index.tolist() == [7, 3]
    assert text.to_dict("list") == {"v": ["1", "0.25"], "s": ["a", ""]}
    assert all(dtype is np.dtype(object) for dtype in text.dtypes)


def test_records_name_columns_as_text() -> None:
    frame = pd.DataFrame({0: [1.5], "b": [None]})
    assert formats.records(frame) == [{"0": 1.5, "b": None}]


# --- emit ----------------------------------------------------------------------------


class Stream(io.StringIO):
    flushes = 0

    def flush(self) -> None:
        self.flushes += 1
        super().flush()


@dataclass
class FakeOutput:
    default_format: OutputFormat = OutputFormat.csv
    stdout_is_tty: bool = False
    language: Language = Language.en
    stdout: Stream = field(default_factory=Stream)
    tables: list[Any] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    output: OutputTarget = field(default_factory=OutputTarget)

    def show_table(self, result: Any) -> None:
        self.tables.append(result)

    def note(self, text: str) -> None:
        self.notes.append(text)


def comparison(only_from: int, only_to: int) -> ComparisonResult:
    def pairs(count: int) -> pd.DataFrame:
        return pd.DataFrame({"metric": ["m"] * count, "entity": [f"e{i}" for i in range(count)]})

    frame = pd.DataFrame({"metric": ["revenue"], "ratio": [2.5]})
    return ComparisonResult(
        frame, year_from=2014, year_to=2023, only_from=pairs(only_from), only_to=pairs(only_to)
    )


def test_emit_writes_the_default_format_and_flushes() -> None:
    env = FakeOutput()
    formats.emit(comparison(0, 0), env)
    assert env.stdout.getvalue() == "metric,ratio\nrevenue,2.5\n"
    assert env.stdout.flushes == 1
    assert env.notes == []
    assert env.tables == []


def test_emit_writes_the_format_asked_for() -> None:
    env = FakeOutput(default_format=OutputFormat.table)
    formats.emit(comparison(0, 0), env, OutputFormat.jsonl)
    # A compared row's reason (why it was not compared) is null.
    assert env.stdout.getvalue() == '{"metric":"revenue","ratio":2.5,"reason":null}\n'
    assert env.tables == []


def test_emit_indents_json_for_a_terminal_only() -> None:
    tty = FakeOutput(stdout_is_tty=True)
    formats.emit(comparison(0, 0), tty, OutputFormat.json)
    assert tty.stdout.getvalue() == (
        '[\n  {\n    "metric": "revenue",\n    "ratio": 2.5,\n    "reason": null\n  }\n]\n'
    )
    pipe = FakeOutput(stdout_is_tty=False)
    formats.emit(comparison(0, 0), pipe, OutputFormat.json)
    assert pipe.stdout.getvalue() == '[{"metric":"revenue","ratio":2.5,"reason":null}]\n'


def test_compare_json_lists_the_series_not_compared_with_their_reason() -> None:
    def missing(entity: str, reason: str) -> pd.DataFrame:
        return pd.DataFrame(
            {"metric": ["m"], "entity": [entity], "unit": ["CNY"], "reason": [reason]}
        )

    frame = pd.DataFrame({"metric": ["revenue"], "ratio": [2.5], "flags": ["estimate;about"]})
    result = ComparisonResult(
        frame,
        year_from=2014,
        year_to=2023,
        only_from=missing("b", "no_year_to"),
        only_to=missing("a", "status_left_out"),
    )
    env = FakeOutput()
    formats.emit(result, env, OutputFormat.jsonl)
    assert [orjson.loads(line) for line in env.stdout.getvalue().splitlines()] == [
        {"metric": "revenue", "ratio": 2.5, "flags": ["estimate", "about"], "reason": None},
        {"metric": "m", "ratio": None, "flags": [], "reason": "status_left_out"},
        {"metric": "m", "ratio": None, "flags": [], "reason": "no_year_to"},
    ]
    assert env.notes == []  # the rows say it: no note
    csv_env = FakeOutput()
    formats.emit(result, csv_env, OutputFormat.csv)
    assert csv_env.stdout.getvalue() == "metric,ratio,flags\nrevenue,2.5,estimate;about\n"
    assert len(csv_env.notes) == 1


@pytest.mark.parametrize(
    ("lang", "note"),
    [
        (Language.en, "3 series have only one of the years (see --format table)"),
        (Language.zh, "3个系列只有其中一年的数据（见 --format table）"),
    ],
)
def test_emit_names_the_series_not_compared_in_a_note(lang: Language, note: str) -> None:
    env = FakeOutput(language=lang)
    formats.emit(comparison(2, 1), env, OutputFormat.csv)
    assert env.notes == [note]
    assert env.stdout.getvalue() == "metric,ratio\nrevenue,2.5\n"


def test_pipe_notes_only_for_comparisons_with_series_left_out() -> None:
    env = FakeOutput()
    assert formats.pipe_notes(comparison(0, 0), env) == []
    assert formats.pipe_notes(comparison(1, 0), env) == [
        "1 series have only one of the years (see --format table)"
    ]
    assert formats.pipe_notes(comparison(0, 1), env) == [
        "1 series have only one of the years (see --format table)"
    ]
    assert formats.pipe_notes(SearchResult(pd.DataFrame()), env) == []


class FullMemory(Stream):
    def write(self, text: str) -> int:
        raise MemoryError


def test_emit_out_of_memory_is_an_error_not_a_traceback() -> None:
    env = FakeOutput(stdout=FullMemory())
    with pytest.raises(ZgcError) as error:
        formats.emit(comparison(0, 0), env, OutputFormat.csv)
    assert str(error.value) == "not enough memory to write the output"
    assert error.value.__cause__ is None and error.value.__suppress_context__


def test_emit_of_a_table_shows_the_view_and_writes_nothing() -> None:
    env = FakeOutput(default_format=OutputFormat.table)
    result = comparison(2, 1)
    formats.emit(result, env)
    assert env.tables == [result]
    assert env.stdout.getvalue() == ""
    assert env.stdout.flushes == 0
    # The table shows the series not compared itself: no note.
    assert env.notes == []


def test_markdown_turns_every_line_break_into_a_space() -> None:
    stream = io.StringIO()
    frame = pd.DataFrame({"q": ["a\rb", "c\r\nd", "e\nf|g"]})
    formats.write_machine(frame, OutputFormat.markdown, stream, False)
    assert stream.getvalue() == "| q |\n| --- |\n| a b |\n| c d |\n| e f\\|g |\n"


def test_the_workbook_writer_does_not_import_the_output_switch() -> None:
    """formats imports xlsx (lazily, for -o .xlsx); xlsx takes its cells from cells.py alone."""
    import ast
    from pathlib import Path

    import zgc_cli.present.xlsx as xlsx

    tree = ast.parse(Path(xlsx.__file__).read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert "zgc_cli.present.cells" in imported
    assert "zgc_cli.present.formats" not in imported
