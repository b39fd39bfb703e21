"""zgc reads what it writes: csv, tsv, json, jsonl (and .xlsx with the excel extra).

By extension for a path, by the first non-space byte for standard input. Every
format reaches the one loader as CSV, so numbers read back as the same text and
every error is one line naming the source's own place (a line, a record, a row).
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from zgc_cli.cli import app
from zgc_cli.errors import DataError
from zgc_cli.model.combine import load_source
from zgc_cli.model.numbers import machine_number
from zgc_cli.model.readers import CSV, JSON, JSONL, TSV, sniff
from zgc_cli.model.sources import DataSource

runner = CliRunner()
ZGC = Path(sys.executable).parent / "zgc"
MACHINE_FORMATS = ("json", "jsonl", "tsv")


def run(*args: str, input: str | bytes | None = None):  # noqa: ANN201 - a Result
    return runner.invoke(app, list(args), input=input)


def one_line_error(result) -> str:  # noqa: ANN001 - a Result
    """The error a failed run printed: exactly one line, no traceback."""
    assert result.exit_code == 1, result.stdout
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("zgc: error: "), result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


# --- reading its own output back ----------------------------------------------------


@pytest.mark.parametrize("fmt", MACHINE_FORMATS)
def test_shipped_export_read_back_from_stdin_is_byte_identical(fmt: str) -> None:
    written = run("export", "--format", fmt)
    assert written.exit_code == 0
    again = run("export", "--data", "-", input=written.stdout.encode())
    assert again.exit_code == 0, again.stderr
    assert again.stdout == run("export").stdout
    # ... and in its own format too.
    same_format = run("export", "--data", "-", "--format", fmt, input=written.stdout.encode())
    assert same_format.stdout == written.stdout


@pytest.mark.parametrize("fmt", MACHINE_FORMATS)
def test_a_file_is_read_by_its_extension(fmt: str, sample_csv: Path, tmp_path: Path) -> None:
    written = run("export", "--data", str(sample_csv), "--format", fmt).stdout
    path = tmp_path / f"sample.{fmt}"
    path.write_text(written, encoding="utf-8")
    again = run("export", "--data", str(path))
    assert again.exit_code == 0, again.stderr
    # The sample's quote with a comma in it survives every format.
    assert again.stdout == run("export", "--data", str(sample_csv)).stdout
    assert '"3.6万亿元, quoted"' in again.stdout


@pytest.mark.skipif(not ZGC.exists(), reason="zgc is not installed beside python")
@pytest.mark.parametrize("fmt", MACHINE_FORMATS)
def test_real_pipes_round_trip(fmt: str, tmp_path: Path) -> None:
    def shell(command: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            ["bash", "-o", "pipefail", "-c", command],
            capture_output=True,
            cwd=tmp_path,
            timeout=120,
            env={key: value for key, value in os.environ.items() if not key.startswith("ZGC_")},
        )

    piped = shell(f"{ZGC} export --format {fmt} | {ZGC} export --data -")
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout == shell(f"{ZGC} export").stdout
    assert piped.stdout.startswith(b"metric,entity,year,value,")


def test_pretty_json_as_a_terminal_gets_it_reads_back(sample_csv: Path) -> None:
    from zgc_cli.present.formats import write_json

    frame = load_source(DataSource(str(sample_csv))).observations.frame
    pretty = io.StringIO()
    write_json(frame[["metric", "entity", "year", "value"]], pretty, pretty=True)
    assert pretty.getvalue().startswith("[\n  {")
    again = run("export", "--data", "-", input=pretty.getvalue().encode())
    assert again.exit_code == 0, again.stderr
    assert again.stdout.splitlines()[1] == "revenue,zgc,2014,3600000000000"


# --- sniffing standard input --------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'[{"metric": "a"}]', JSON),
        (b'  \n\t[\n  {"metric"', JSON),
        (b'\xef\xbb\xbf[{"a": 1}]', JSON),
        (b'{"metric": "a"}\n{"metric": "b"}\n', JSONL),
        (b"\r\n{", JSONL),
        (b"metric\tyear\tvalue\nrevenue\t2014\t1\n", TSV),
        (b"metric,year,value\nrevenue,2014,1\n", CSV),
        # A tab after the header line does not make a TSV: a quote may hold one.
        (b'metric,year,value,quote\nrevenue,2014,1,"a\tb"\n', CSV),
        (b"metric,year\rrevenue\t2014", CSV),
    ],
)
def test_sniffing_the_first_non_space_byte(head: bytes, expected: str) -> None:
    assert sniff(head) == expected


def test_a_file_without_a_known_extension_is_sniffed(sample_csv: Path, tmp_path: Path) -> None:
    path = tmp_path / "observations.out"
    path.write_text(run("export", "--data", str(sample_csv), "-f", "jsonl").stdout)
    assert (
        run("export", "--data", str(path)).stdout == run("export", "--data", str(sample_csv)).stdout
    )


# --- numbers stay exact -------------------------------------------------------------


def _values_read(tmp_path: Path, name: str, text: str) -> list[float]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_source(DataSource(str(path))).observations.frame["value"].tolist()


@given(value=st.floats(allow_nan=False, allow_infinity=False))
def test_a_json_number_reads_as_the_same_float_as_its_csv_text(value: float) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        directory = Path(folder)
        from_json = _values_read(
            directory, "v.json", json.dumps([{"metric": "m", "year": 2000, "value": value}])
        )
        from_csv = _values_read(directory, "v.csv", f"metric,year,value\nm,2000,{value!r}\n")
    assert from_json == from_csv == [value]
    assert machine_number(from_json[0]) == machine_number(from_csv[0])


def test_integers_beyond_64_bits_read_as_csv_reads_them(tmp_path: Path) -> None:
    huge = 12345678901234567890123
    from_json = _values_read(
        tmp_path, "h.json", f'[{{"metric": "m", "year": 2000, "value": {huge}}}]'
    )
    from_csv = _values_read(tmp_path, "h.csv", f"metric,year,value\nm,2000,{huge}\n")
    assert from_json == from_csv == [float(huge)]


def test_json_numbers_export_as_the_csv_texts(tmp_path: Path) -> None:
    records = [
        {"metric": "m", "year": 2000 + n, "value": value}
        for n, value in enumerate([0.1, 3600000000000, 13 / 7, 9.8e11, -0.0, 1e-7, 2.0**60])
    ]
    (tmp_path / "n.json").write_text(json.dumps(records))
    csv_text = "metric,year,value\n" + "".join(
        f"m,{record['year']},{record['value']!r}\n" for record in records
    )
    (tmp_path / "n.csv").write_text(csv_text)
    from_json = run("export", "--data", str(tmp_path / "n.json")).stdout
    assert from_json == run("export", "--data", str(tmp_path / "n.csv")).stdout
    values = [line.split(",")[2] for line in from_json.splitlines()[1:]]
    assert values == [machine_number(float(record["value"])) for record in records]
    assert values[:2] == ["0.1", "3600000000000"]


# --- errors: one short line, naming the place ----------------------------------------


@pytest.mark.parametrize(
    ("stdin", "expected"),
    [
        ('{"metric": "a", "year": 2000}\n[1]\n', "<stdin>:2: not a JSON object"),
        ('{"metric": "revenue", "year": 2014}', "<stdin>: missing required column(s) value"),
        ("[1, 2]", "<stdin>: record 1: not an object"),
        ('[{"metric": "a", "year": 2000, "value": 1}, "x"]', "<stdin>: record 2: not an object"),
        ("[]", "<stdin>: an empty list, no observations"),
        ('[{"metric": "a", "year": 2000, "value": 1}', "<stdin>:1: not valid JSON"),
        ('[{"metric": "a", "year": 2000, "value": true}]', "<stdin>: record 1: column 'value'"),
        ('[{"metric": "a", "year": 2000, "value": [1]}]', "holds a list, not a text or number"),
        ('[{"metric": "a", "year": "20x0", "value": 1}]', "<stdin>: record 1: column 'year'"),
        ('[{"metric": "a", "year": 2000, "value": null}]', "record 1: column 'value' is empty"),
        ('{"metric": "a", "year": 2000, "value": NaN}', "<stdin>:1: column 'value': nan is not a"),
        ("", "<stdin>: empty file"),
        ("  \n\n", "<stdin>: empty file"),
    ],
)
def test_unreadable_stdin_is_one_short_line(stdin: str, expected: str) -> None:
    line = one_line_error(run("export", "--data", "-", input=stdin))
    assert expected in line
    assert len(line) < 200


def test_a_json_object_rather_than_a_list_is_named(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text('{"metric": "a", "year": 2000, "value": 1}')
    line = one_line_error(run("export", "--data", str(path)))
    assert line == f"zgc: error: {path}: not a list of objects: the JSON is an object"


def test_a_bad_cell_is_named_by_its_record_or_line(tmp_path: Path) -> None:
    records = [{"metric": "a", "year": 2000 + n, "value": n} for n in range(4)]
    records[2]["value"] = "lots"
    as_json = tmp_path / "bad.json"
    as_json.write_text(json.dumps(records, indent=2))
    line = one_line_error(run("export", "--data", str(as_json)))
    assert line == f"zgc: error: {as_json}: record 3: column 'value': 'lots' is not a number"
    # JSON Lines: the physical line, blank lines counted, a multi-line quote before it too.
    records[0]["quote"] = "two\nlines"
    as_jsonl = tmp_path / "bad.jsonl"
    as_jsonl.write_text(
        "\n".join(json.dumps(record) for record in records[:2])
        + "\n\n"
        + "\n".join(json.dumps(record) for record in records[2:])
        + "\n"
    )
    line = one_line_error(run("export", "--data", str(as_jsonl)))
    assert line == f"zgc: error: {as_jsonl}:4: column 'value': 'lots' is not a number"


def test_a_duplicate_in_json_lines_names_both_lines(tmp_path: Path) -> None:
    path = tmp_path / "dup.jsonl"
    row = '{"metric": "a", "year": 2000, "value": 1}'
    path.write_text(f'{row}\n{{"metric": "b", "year": 2000, "value": 1}}\n\n{row}\n')
    line = one_line_error(run("export", "--data", str(path)))
    assert line.endswith(
        ":4: duplicate observation (metric=a, entity=, year=2000), first at line 1"
    )


@pytest.mark.parametrize(
    ("suffix", "advice"),
    [(".parquet", "pyarrow"), (".xls", "save it as .xlsx or CSV"), (".ods", ".xlsx or CSV")],
)
def test_an_unknown_format_is_one_line(suffix: str, advice: str, tmp_path: Path) -> None:
    path = tmp_path / f"data{suffix}"
    path.write_bytes(b"PK\x03\x04 binary")
    line = one_line_error(run("export", "--data", str(path)))
    assert line.startswith(f"zgc: error: {path}: unknown format {suffix}: ")
    assert advice in line


@pytest.mark.parametrize("fmt", ["json", "csv", "tsv", "jsonl"])
def test_a_comparison_is_not_read_as_observations(fmt: str) -> None:
    comparison = run("compare", "2014", "2023", "--format", fmt).stdout
    line = one_line_error(run("export", "--data", "-", input=comparison))
    assert "comparison rows (the output of zgc compare), not observations" in line
    assert "zgc export" in line


def test_tsv_keeps_the_encoding_and_the_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "gbk.tsv"
    text = (
        "metric\tyear\tvalue\tquote\n"
        "revenue\t2014\t3.6\t收入, 元\n"
        '\n"revenue"\t2015\t"x"\t"带\t制表符"\n'
    )
    path.write_bytes(text.encode("gbk"))
    line = one_line_error(run("export", "--data", str(path)))
    assert line == f"zgc: error: {path}:4: column 'value': 'x' is not a number"
    path.write_bytes(text.replace('"x"', "4.1").encode("gbk"))
    result = run("export", "--data", str(path), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert [record["quote"] for record in json.loads(result.stdout)] == ["收入, 元", "带\t制表符"]


# --- Excel -------------------------------------------------------------------------


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    pytest.importorskip("python_calamine")
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "Notes"
    notes.append(["metric", "year", "value"])
    notes.append(["revenue", 2014, 3.6e12])
    data = book.create_sheet("Data")
    data.append(["metric", "entity", "year", "value", "quote"])
    data.append(["ratio", "zgc", 2020, 13 / 7, "two\nlines"])
    data.append([])
    data.append(["ratio", "zgc", 2021, "lots", None])
    path = tmp_path / "book.xlsx"
    book.save(path)
    return path


def test_xlsx_reads_the_first_sheet_exactly(workbook: Path) -> None:
    result = run("export", "--data", str(workbook))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "metric,year,value\nrevenue,2014,3600000000000\n"


def test_xlsx_sheet_option_and_row_numbers(workbook: Path) -> None:
    line = one_line_error(run("export", "--data", str(workbook), "--sheet", "Data"))
    # Row 4 of the sheet: a blank row and a two-line cell before it change nothing.
    assert line == f"zgc: error: {workbook}:4: column 'value': 'lots' is not a number"
    line = one_line_error(run("export", "--data", str(workbook), "--sheet", "Nope"))
    assert line == f"zgc: error: {workbook}: no sheet 'Nope'; the sheets are: Notes, Data"


def test_xlsx_numbers_are_the_csv_numbers(workbook: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(workbook)
    book["Data"].delete_rows(3, 2)
    book.save(workbook)
    result = run("export", "--data", str(workbook), "--sheet", "Data", "-f", "json")
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)[0]
    # The number the workbook holds (openpyxl writes 16 digits of 13/7), read as it is.
    stored = openpyxl.load_workbook(workbook)["Data"]["D2"].value
    assert record["value"] == stored and abs(stored - 13 / 7) < 1e-15
    assert record["quote"] == "two\nlines"


def test_xlsx_without_the_extra_names_it(workbook: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "python_calamine", None)
    line = one_line_error(run("export", "--data", str(workbook)))
    assert line == f"zgc: error: {workbook}: reading .xlsx needs the excel extra: " + (
        "pip install 'zgc[excel]'"
    )


def test_a_broken_workbook_is_one_line(tmp_path: Path) -> None:
    pytest.importorskip("python_calamine")
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"not a zip at all")
    line = one_line_error(run("export", "--data", str(path)))
    assert line.startswith(f"zgc: error: {path}: not a readable .xlsx workbook")


def test_errors_from_load_source_are_data_errors(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('[{"metric": "a"}]')
    with pytest.raises(DataError, match=r"x\.json: missing required column\(s\) year, value"):
        load_source(DataSource(str(path)))
    path.write_text("[{}, {}]")
    with pytest.raises(DataError, match=r"x\.json: objects without keys: no observations"):
        load_source(DataSource(str(path)))


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(["metric", "entity", "year", "value", "x"]), children)
    ),
    max_leaves=12,
)


@given(document=JSON_VALUES, lines=st.booleans())
def test_any_json_loads_or_is_one_line_naming_the_input(document: object, lines: bool) -> None:
    from zgc_cli.model.combine import _from_bytes

    if lines and isinstance(document, list):
        text = "\n".join(json.dumps(item) for item in document)
    else:
        text = json.dumps(document)
    try:
        loaded = _from_bytes(DataSource("-"), "<stdin>", text.encode(), JSONL if lines else JSON)
    except DataError as error:
        assert error.message.startswith("<stdin>")
        assert "\n" not in error.message and len(error.message) < 300
    else:
        assert len(loaded.observations.frame) >= 1


def test_an_empty_number_column_beside_a_bad_one_is_one_line() -> None:
    # Found by the JSON fuzz above, in the CSV loader: every year empty, a value not a number.
    line = one_line_error(run("export", "--data", "-", input="metric,entity,year,value\nm,,,:\n"))
    assert line == "zgc: error: <stdin>:2: column 'value': ':' is not a number"
