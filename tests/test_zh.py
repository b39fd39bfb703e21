"""Chinese is Chinese: errors, verify's table and its width, and the message table.

Errors are checked through the CLI with ``--lang zh`` on every bad input of
tests/test_bad_inputs.py: one line, the Chinese prefix, and no English word left
once the file's path, what is quoted from the input and the names of encodings
and formats (UTF-8, CSV, NUL...) are taken out.
"""

from __future__ import annotations

import ast
import csv
import functools
import importlib
import io
import os
import re
import string
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

import zgc_cli
from tests.test_bad_inputs import BAD_INPUTS, BadInput, _prepare
from zgc_cli.cli import app
from zgc_cli.present.numbers import human_number
from zgc_cli.words import MESSAGES, PHRASES, Language, Relocated, phrase
from zgc_cli.words.catalog.en import errors, extract, formats, mcp, selection, verify, vintages

# Technical names a Chinese message keeps as they are written, and a float cell shown bare.
KEPT_WORDS = {"UTF", "GB18030", "CSV", "NUL", "inf", "zgc"}
QUOTED = re.compile(r"'[^']*'|“[^”]*”|\"[^\"]*\"")


OPTION = re.compile(r"--[a-z-]+")


def english_words(text: str, path: str) -> list[str]:
    """ASCII words left once the path, quoted input and options to type are taken out."""
    if path:  # the path, and any of its parents the message names
        text = text.replace(path, " ")
        parent = str(Path(path).parent)
        text = re.sub(re.escape(parent) + r"[\w./-]*", " ", text)
    rest = QUOTED.sub(" ", text)
    rest = OPTION.sub(" ", rest)
    return [word for word in re.findall(r"[A-Za-z][A-Za-z0-9]*", rest) if word not in KEPT_WORDS]


def display_width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in line)


def test_every_message_and_phrase_has_both_languages() -> None:
    for key in PHRASES:
        assert key in MESSAGES
    for key, texts in MESSAGES.items():
        assert texts.get("en") and texts.get("zh"), key


def test_the_check_could_fail() -> None:
    assert english_words("zgc：错误：a.csv:3：column 'x' is empty", "a.csv") == [
        "column",
        "is",
        "empty",
    ]


@pytest.mark.parametrize("bad", BAD_INPUTS, ids=lambda bad: bad.name)
def test_every_bad_input_is_one_chinese_line(tmp_path: Path, bad: BadInput) -> None:
    path = _prepare(tmp_path, bad)
    result = CliRunner().invoke(app, ["metrics", "--data", str(path), "--lang", "zh"])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("zgc：错误：" + str(path))
    assert english_words(lines[0], str(path)) == [], lines[0]


def test_a_zh_locale_speaks_chinese_without_lang(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    missing = tmp_path / "none.csv"
    result = CliRunner().invoke(app, ["export", "--data", str(missing)])
    assert result.stderr == f"zgc：错误：{missing}：文件不存在\n"


def test_english_errors_are_unchanged(tmp_path: Path) -> None:
    missing = tmp_path / "none.csv"
    result = CliRunner().invoke(app, ["metrics", "--data", str(missing), "--lang", "en"])
    assert result.stderr == f"zgc: error: {missing}: no such file\n"


def test_selection_errors_in_chinese() -> None:
    result = CliRunner().invoke(app, ["compare", "2014", "2030", "--lang", "zh"])
    assert result.stderr.startswith("zgc：错误：数据中没有2030年；现有年份：")
    result = CliRunner().invoke(app, ["metrics", "revenu", "--lang", "zh"])
    assert english_words(result.stderr, "") == [], result.stderr


def _verify(lang: str, width: int, monkeypatch) -> str:  # noqa: ANN001
    monkeypatch.setenv("COLUMNS", str(width))
    return _verify_table(lang, width)


@functools.cache
def _verify_table(lang: str, width: int) -> str:
    """verify's whole table (COLUMNS set by the caller): two tests read each, made once."""
    result = CliRunner().invoke(
        app, ["verify", "--format", "table", "--lang", lang, "--limit", "0"]
    )
    assert result.exit_code == 0, result.stderr
    return result.stdout


@functools.cache
def _verify_csv() -> str:
    """verify's CSV: the same at every width and in each language, so made once."""
    return CliRunner().invoke(app, ["verify", "--format", "csv"]).stdout


@pytest.mark.parametrize(
    "width", [60, 80, pytest.param(100, marks=pytest.mark.slow), 120]
)  # 100 columns, between the widths a person tries, in the slow tier
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_verify_table_fits_the_terminal(lang: str, width: int, monkeypatch) -> None:  # noqa: ANN001
    text = _verify(lang, width, monkeypatch)
    lines = text.splitlines()
    assert len(lines) > 500
    assert max(display_width(line) for line in lines) <= width
    # Numbers whole: every long number verify expects or finds appears unbroken.
    machine = _verify_csv()
    numbers = set()
    for row in csv.DictReader(io.StringIO(machine)):
        # A bare number expected is written for people (3.6万亿); what was found, as found.
        expected = row["expected"]
        if re.fullmatch(r"-?\d+(?:\.\d+)?", expected):
            numbers.add(human_number(float(expected), "", Language(lang)))
        else:
            numbers |= set(re.findall(r"\d[\d.]{4,}", expected))
        numbers |= set(re.findall(r"\d[\d.]{4,}", row["found"]))
    assert "3600000000000" in numbers and "1.8571428571428572" in numbers
    assert sorted(number for number in numbers if number not in text) == []


@pytest.mark.parametrize("width", [60, 120])
def test_verify_in_chinese_has_no_english_result_or_check_words(width: int, monkeypatch) -> None:  # noqa: ANN001
    text = _verify("zh", width, monkeypatch)
    # Quoted text is the data's own (a note must start 'year inferred:').
    words = set(re.findall(r"[A-Za-z_]+", QUOTED.sub(" ", text)))
    english = {"pass", "fail", "definitional", "unsourced", "value", "qualifier", "status"}
    english |= {"unit", "year", "entity", "exact", "reported", "none", "named", "quote"}
    english |= {"CNY", "zgc", "beijing", "china", "persons", "firms", "estimate"}
    assert words & english == set()
    assert "通过" in text and "定义性" in text and "中关村示范区" in text


GOOD = "metric,entity,year,value\nrevenue,zgc,2014,3.6\n"


def _files(tmp_path: Path, **files: str) -> str:
    for name, text in files.items():
        (tmp_path / name.replace("_csv", ".csv").replace("_json", ".json")).write_text(text)
    return str(tmp_path / "metrics.csv")


# Error paths beyond the loader's: each gives (arguments, the path the message names).
def _too_long(tmp_path: Path) -> tuple[list[str], str]:
    path = str(tmp_path / ("x" * 300 + ".csv"))
    return ["metrics", "--data", path], path


def _link_loop(tmp_path: Path) -> tuple[list[str], str]:
    (tmp_path / "a.csv").symlink_to(tmp_path / "b.csv")
    (tmp_path / "b.csv").symlink_to(tmp_path / "a.csv")
    return ["metrics", "--data", str(tmp_path / "a.csv")], str(tmp_path / "a.csv")


def _parent_is_file(tmp_path: Path) -> tuple[list[str], str]:
    (tmp_path / "f.csv").write_text(GOOD)
    path = str(tmp_path / "f.csv" / "x.csv")
    return ["metrics", "--data", path], path


def _blank_data(tmp_path: Path) -> tuple[list[str], str]:
    return ["metrics", "--data", " "], ""


def _ragged_sidecar(tmp_path: Path) -> tuple[list[str], str]:
    path = _files(tmp_path, metrics_csv=GOOD, indicators_csv="metric,name_en\nrevenue,a\nx,y,z\n")
    return ["metrics", "--data", path], str(tmp_path / "indicators.csv")


def _broken_package(tmp_path: Path) -> tuple[list[str], str]:
    package = '{"sources": [\n  {"title": "x",}\n]}\n'
    path = _files(tmp_path, metrics_csv=GOOD, datapackage_json=package)
    return ["source", "revenue", "--data", path], str(tmp_path / "datapackage.json")


def _no_events(tmp_path: Path) -> tuple[list[str], str]:
    return ["timeline", "--data", _files(tmp_path, metrics_csv=GOOD)], ""


SELECTIONS: list[list[str]] = [
    ["compare", "2014", "2023", "--entity", "mars"],
    ["compare", "2014", "2023", "--category", "nothing"],
    ["compare", "2014", "2031", "--tolerance", "2"],
    ["source", "revenue", "2020"],
    ["share", "registered_large_models", "--of", "mars"],
    ["share", "big_data_market_share_rank"],
    ["search", "zzzz"],
    ["timeline", "--entity", "mars"],
]


@pytest.mark.parametrize(
    "make",
    [
        _too_long,
        _link_loop,
        _parent_is_file,
        _blank_data,
        _ragged_sidecar,
        _broken_package,
        _no_events,
    ],
    ids=lambda make: make.__name__.strip("_"),
)
def test_other_error_paths_are_one_chinese_line(tmp_path: Path, make) -> None:  # noqa: ANN001
    arguments, path = make(tmp_path)
    result = CliRunner().invoke(app, [*arguments, "--lang", "zh"])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("zgc：错误："), result.stderr
    assert english_words(lines[0], path) == [], lines[0]


@pytest.mark.parametrize("arguments", SELECTIONS, ids=" ".join)
def test_selection_errors_are_one_chinese_line(arguments: list[str]) -> None:
    result = CliRunner().invoke(app, [*arguments, "--lang", "zh"])
    assert result.exit_code == 1, result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("zgc：错误："), result.stderr
    assert english_words(lines[0], "") == [], lines[0]


# --- every error, note and warning has its Chinese: the paths beyond the loader's ---

# Names a Chinese message keeps as they are typed or written: formats and styles to
# give to --format/--style, the libraries to install, and file kinds by their name.
TECHNICAL_WORDS = {"JSON", "Excel", "OpenDocument", "Apple", "Numbers", "Parquet", "Feather"}
TECHNICAL_WORDS |= {"pyarrow", "matplotlib", "plotext", "Jinja2", "citeproc", "py", "nan"}
TECHNICAL_WORDS |= {"csv", "tsv", "json", "jsonl", "markdown", "xlsx", "apa", "gbt7714"}
TECHNICAL_WORDS |= {"bibtex", "ris", "csl", "XML", "MCP"}
TO_TYPE = [
    re.compile(r"pip install '[^']*'"),  # a command to type
    re.compile(r"(?<![\w-])-[a-zA-Z](?:/-[a-zA-Z])*(?![\w-])"),  # short options: -o, -m/-e/-c
    re.compile(r"\bZGC_[A-Z_]+"),  # an environment variable
    re.compile(r"[\w-]*\.[a-z]+\b"),  # a file name or suffix: x.gif, .xlsx
]


def chinese_leftovers(text: str, tmp_path: Path | None = None) -> list[str]:
    """English words left in a Chinese message once paths, quotes and what one types are out."""
    if tmp_path is not None:
        text = re.sub(re.escape(str(tmp_path)) + r"[\w./-]*", " ", text)
    for pattern in TO_TYPE:
        text = pattern.sub(" ", text)
    return [word for word in english_words(text, "") if word not in TECHNICAL_WORDS]


def test_the_wider_check_could_fail() -> None:
    text = "zgc：错误：-o x.foo：cannot tell（pip install 'zgc[plot]'）ZGC_DATA"
    assert chinese_leftovers(text) == ["cannot", "tell"]


ROW = '{"metric": "revenue", "entity": "zgc", "year": 2014, "value": %s}'


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text)
    return str(path)


def _workbook(tmp_path: Path, name: str, rows: list[list[object]]) -> str:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "data"
    for row in rows:
        sheet.append(row)
    path = tmp_path / name
    book.save(path)
    return str(path)


def _data(tmp_path: Path) -> str:
    return _write(tmp_path, "a.csv", GOOD)


# Each: the arguments that reach one converted message (--lang zh is added), and the
# start of its English text (--lang en), so the case is known to reach that message.
CONVERTED: dict[str, tuple[Callable[[Path], list[str]], str]] = {
    "unknown format": (lambda t: ["metrics", "--data", str(t / "old.xls")], "unknown format"),
    "comparison rows": (
        lambda t: [
            "metrics",
            "--data",
            _write(
                t, "c.csv", "metric,entity,year_from,value_from,year_to,value_to\na,b,1,2,3,4\n"
            ),
        ],
        "comparison rows",
    ),
    "json true": (
        lambda t: ["metrics", "--data", _write(t, "b.json", f"[{ROW % 'true'}]")],
        "record 1: column 'value': true is not a text or number",
    ),
    "json nan": (
        lambda t: ["metrics", "--data", _write(t, "n.json", f"[{ROW % 'NaN'}]")],
        "record 1: column 'value': nan is not a finite number",
    ),
    "json list cell": (
        lambda t: ["metrics", "--data", _write(t, "l.json", f"[{ROW % '[1]'}]")],
        "record 1: column 'value' holds a list",
    ),
    "jsonl object cell": (
        lambda t: ["metrics", "--data", _write(t, "o.jsonl", ROW % "{}")],
        ":1: column 'value' holds an object",
    ),
    "json no keys": (
        lambda t: ["metrics", "--data", _write(t, "k.json", "[{}]")],
        "objects without keys",
    ),
    "json syntax": (
        lambda t: ["metrics", "--data", _write(t, "s.json", '[{"metric": }]')],
        ":1: not valid JSON: Expecting value (column 13)",
    ),
    "json nested too deep": (
        lambda t: ["metrics", "--data", _write(t, "deep.json", "[" * 100_000 + "]" * 100_000)],
        "not valid JSON: maximum recursion depth exceeded",
    ),
    "json integer too long": (
        lambda t: ["metrics", "--data", _write(t, "big.json", f"[{ROW % ('9' * 5000)}]")],
        "not valid JSON: Exceeds the limit (4300 digits)",
    ),
    "json not a list": (
        lambda t: ["metrics", "--data", _write(t, "d.json", '{"a": 1}')],
        "not a list of objects: the JSON is an object",
    ),
    "json empty list": (
        lambda t: ["metrics", "--data", _write(t, "e.json", "[]")],
        "an empty list",
    ),
    "json record not object": (
        lambda t: ["metrics", "--data", _write(t, "r.json", "[1]")],
        "record 1: not an object",
    ),
    "jsonl line not object": (
        lambda t: ["metrics", "--data", _write(t, "r.jsonl", "[1]\n")],
        ":1: not a JSON object",
    ),
    "jsonl blank": (
        lambda t: ["metrics", "--data", _write(t, "b.jsonl", "\n\n")],
        "empty file",
    ),
    "json loader error at a record": (
        lambda t: ["metrics", "--data", _write(t, "v.json", "[" + ROW % '"x"' + "]")],
        "record 1: column 'value': 'x' is not a number",
    ),
    "json duplicate at records": (
        lambda t: ["metrics", "--data", _write(t, "d.json", f"[{ROW % 1}, {ROW % 2}]")],
        "record 2: duplicate observation (metric=revenue, entity=zgc, year=2014), "
        "first at record 1",
    ),
    "jsonl duplicate at lines": (
        lambda t: ["metrics", "--data", _write(t, "d.jsonl", f"{ROW % 1}\n\n{ROW % 2}\n")],
        ":3: duplicate observation (metric=revenue, entity=zgc, year=2014), first at line 1",
    ),
    "json header": (
        lambda t: ["metrics", "--data", _write(t, "h.json", '[{"metric": "a"}]')],
        "h.json: missing required column(s) year, value",
    ),
    "xlsx no such sheet": (
        lambda t: ["metrics", "--data", _workbook(t, "w.xlsx", [["metric"]]), "--sheet", "zz"],
        "no sheet 'zz'; the sheets are: data",
    ),
    "xlsx empty sheet": (
        lambda t: ["metrics", "--data", _workbook(t, "w.xlsx", [])],
        "sheet 'data' is empty",
    ),
    "xlsx header alone": (
        lambda t: ["metrics", "--data", _workbook(t, "w.xlsx", [["metric", "value"]])],
        "sheet 'data' has a header but no observations",
    ),
    "xlsx duplicate at rows": (
        lambda t: [
            "metrics",
            "--data",
            _workbook(
                t, "w.xlsx", [["metric", "entity", "year", "value"], *[["a", "b", 2014, 1]] * 2]
            ),
        ],
        ":3: duplicate observation (metric=a, entity=b, year=2014), first at row 2",
    ),
    "data twice": (lambda t: ["metrics", "--data", _data(t), "--data", _data(t)], "--data"),
    "sheet without workbook": (lambda t: ["metrics", "--sheet", "s"], "--sheet 's'"),
    "prefer no source": (
        lambda t: ["metrics", "--data", _data(t), "--prefer", str(t / "b.csv")],
        "--prefer",
    ),
    "duplicate across sources": (
        lambda t: ["metrics", "--data", _data(t), "--data", _write(t, "b.csv", GOOD)],
        "duplicate observation (metric=revenue, entity=zgc, year=2014) in two sources",
    ),
    "from after to": (
        lambda t: ["plot", "revenue", "--from", "2020", "--to", "2010"],
        "--from 2020 is after --to 2010",
    ),
    "cite a missing year": (lambda t: ["cite", "revenue", "2020"], "revenue has no figure"),
    "cite a missing year of entities": (
        lambda t: ["cite", "revenue", "2020", "--entity", "zgc"],
        "revenue (zgc) has no figure",
    ),
    "cite without a package": (
        lambda t: ["cite", "revenue", "--data", _data(t)],
        "a.csv: no datapackage.json",
    ),
    "report of nothing": (
        lambda t: ["report", "-o", str(t / "r.html"), "--from", "2030"],
        "no observations match",
    ),
    "report suffix": (lambda t: ["report", "-o", str(t / "r.txt")], "the report's format"),
    "output is a folder": (lambda t: ["export", "-o", str(t)], "cannot write"),
    "output folder missing": (
        lambda t: ["export", "-o", str(t / "no" / "x.csv")],
        "cannot write",
    ),
    "output is the input": (
        lambda t: ["export", "--data", _data(t), "-o", _data(t)],
        "refusing to write",
    ),
    "output suffix unknown": (lambda t: ["export", "-o", str(t / "x.foo")], "-o"),
    "output suffix and format disagree": (
        lambda t: ["export", "-o", str(t / "x.csv"), "--format", "json"],
        "-o",
    ),
    "table to a file": (
        lambda t: ["export", "-o", str(t / "x.foo"), "--format", "table"],
        "-o",
    ),
    "binary to stdout": (lambda t: ["export", "--format", "xlsx"], "--format xlsx: a binary"),
    "bom on json": (lambda t: ["export", "--format", "json", "--bom"], "--bom is for csv"),
    "image suffix": (
        lambda t: ["plot", "revenue", "-o", str(t / "x.gif")],
        "cannot write x.gif: the image format",
    ),
    "nothing to plot": (lambda t: ["plot", "revenue", "--from", "2030"], "nothing to plot"),
}


@pytest.mark.parametrize("name", list(CONVERTED))
def test_each_converted_error_is_one_chinese_line(tmp_path: Path, name: str) -> None:
    make, english = CONVERTED[name]
    (tmp_path / "en").mkdir()
    (tmp_path / "zh").mkdir()
    english_result = CliRunner().invoke(app, [*make(tmp_path / "en"), "--lang", "en"])
    assert english in english_result.stderr, english_result.stderr
    result = CliRunner().invoke(app, [*make(tmp_path / "zh"), "--lang", "zh"])
    assert result.exit_code == english_result.exit_code != 0
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("zgc：错误："), result.stderr
    assert chinese_leftovers(lines[0], tmp_path / "zh") == [], lines[0]


def test_an_empty_data_variable_entry_in_chinese(tmp_path: Path) -> None:
    variable = f"{_data(tmp_path)}{os.pathsep}"
    english = CliRunner().invoke(app, ["metrics", "--lang", "en"], env={"ZGC_DATA": variable})
    assert english.stderr.startswith("zgc: error: ZGC_DATA has an empty entry: "), english.stderr
    result = CliRunner().invoke(app, ["metrics", "--lang", "zh"], env={"ZGC_DATA": variable})
    assert result.exit_code == 1
    assert result.stderr.startswith("zgc：错误：ZGC_DATA 中有空条目："), result.stderr
    assert chinese_leftovers(result.stderr, tmp_path) == [], result.stderr


def test_a_json_record_is_named_as_a_record_in_each_language() -> None:
    loaded = phrase("data.not_number", label="a.json", line=3, column="value", cell="x")
    at_record = Relocated(loaded, phrase("place.record_at", label="a.json", number=2))
    assert at_record == "a.json: record 2: column 'value': 'x' is not a number"
    assert at_record.text("zh") == "a.json：第2条记录：“value”列的 'x' 不是数字"


def _fields(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


# What the lower layers say (errors, verify's findings…): the catalogs' areas they fill.
LOWER_LAYER_IDS = sorted(
    key
    for area in (errors, verify, extract, mcp, vintages, formats, selection)
    for key in area.TEXTS
)


@pytest.mark.parametrize("key", LOWER_LAYER_IDS)
def test_every_phrase_says_the_same_things_in_chinese(key: str) -> None:
    """The Chinese needs no parameter the English lacks, and has no English words.

    This reaches the texts no test can drive through the CLI (a library missing, a
    sheet of a million rows, a font missing): their words, with the parameters out.
    """
    texts = PHRASES[key]
    # The English is filled when the phrase is made: a field only Chinese has would fail later.
    assert _fields(texts["zh"]) <= _fields(texts["en"]), key
    if key.startswith(("verify.", "arith.")) or texts["en"] == texts["zh"]:
        return  # verify's table is checked as a whole above; a name is the same in both
    without_fields = re.sub(r"\{[^}]*\}", " ", texts["zh"])
    assert chinese_leftovers(without_fields) == [], texts["zh"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_area_of_a_catalog_takes_the_id_of_another(lang: str) -> None:
    """A catalog joins its areas' tables: an id in two would silently replace a text."""
    package = importlib.import_module(f"zgc_cli.words.catalog.{lang}")
    folder = Path(package.__file__).parent
    areas = [
        importlib.import_module(f"{package.__name__}.{path.stem}").TEXTS
        for path in sorted(folder.glob("*.py"))
        if path.stem != "__init__"
    ]
    assert len(areas) > 5
    assert sum(len(area) for area in areas) == len(package.TEXTS)


# --- no English-only error can come back: raises and warnings must be phrases ---

# (module, the start of its message): errors no person sees, each with why.
INTERNAL_ERRORS: dict[tuple[str, str], str] = {
    ("zgc_cli/model/dataset.py", "a Dataset needs"): "a programming error: callers pass a source",
    ("zgc_cli/words/__init__.py", "catalog of"): "a programming error: a language registered "
    "without every text",
    ("zgc_cli/model/textio.py", "only a regular file"): "a programming error: callers check",
    ("zgc_cli/model/figures.py", "not a Chinese numeral"): "its input is what a pattern of "
    "Chinese numerals matched: a guard",
    ("zgc_cli/present/formats.py", "not a machine format"): "a programming error: the format "
    "comes from OutputFormat",
    ("zgc_cli/present/charts/axis.py", "no axis for the range"): "panels drop non-finite values "
    "before an axis is made",
    ("zgc_cli/stats/growth.py", "a tolerance is a number"): "the CLI bounds --tolerance (min=0)",
    ("zgc_cli/stats/indexing.py", "a tolerance is a number"): "the CLI bounds --tolerance (min=0)",
    ("zgc_cli/cli/options.py", "no shared option"): "a programming error: raised at import",
    ("zgc_cli/present/files.py", "a binary document is"): "a programming error: images go to -o",
    ("zgc_cli/cli/app.py", "{} was built for the help"): "a programming error: the help exits "
    "before any command runs",
    ("zgc_cli/present/formats.py", "a piece of {} rows"): "a programming error: every piece is "
    "one column of the same frame",
}
# Calls whose first argument a person reads.
SPOKEN_CALLS = {"warn", "note", "fail", "_usage"}


def _said_text(call: ast.Call) -> str | None:
    """The text of a call's first argument when it is a literal or f-string, else None."""
    if not call.args:
        return None
    argument = call.args[0]
    if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
        return argument.value
    if isinstance(argument, ast.JoinedStr):
        return "".join(
            part.value if isinstance(part, ast.Constant) else "{}" for part in argument.values
        )
    if isinstance(argument, ast.BinOp) and isinstance(argument.op, ast.Add | ast.Mod):
        return ast.unparse(argument)
    return None


def _spoken_call(call: ast.Call) -> bool:
    function = call.func
    name = function.id if isinstance(function, ast.Name) else getattr(function, "attr", "")
    if name.endswith(("Error", "Exception")) or name in SPOKEN_CALLS:
        return True
    # warnings.append(...) and the like: a list of warnings for stderr.
    owner = function.value if isinstance(function, ast.Attribute) else None
    return name in ("append", "extend") and "warning" in ast.unparse(owner or function)


def english_only_texts() -> list[tuple[str, int, str]]:
    """Every error, warning or note zgc_cli raises or writes as a plain English string."""
    package = Path(zgc_cli.__file__).parent
    found = []
    for path in sorted(package.rglob("*.py")):
        module = path.relative_to(package.parent).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _spoken_call(node):
                text = _said_text(node)
                if text is not None:
                    found.append((module, node.lineno, text))
    return found


def test_the_scan_finds_an_english_error() -> None:
    tree = ast.parse('raise ZgcError(f"cannot {x}")\nwarnings.append("no font")\nfail(phrase("a"))')
    calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call) and _spoken_call(node)]
    assert [_said_text(call) for call in calls] == ["cannot {}", "no font", None]


def test_every_error_and_warning_is_a_phrase() -> None:
    found = english_only_texts()
    allowed = [
        (module, line, text)
        for module, line, text in found
        if any(module == where and text.startswith(start) for where, start in INTERNAL_ERRORS)
    ]
    assert len(allowed) >= len(INTERNAL_ERRORS)  # every exception is still there
    assert [entry for entry in found if entry not in allowed] == []


@pytest.mark.parametrize(
    ("args", "english"),
    [
        # Refusing to write over verify's --article names it in the chosen language.
        (["verify", "--article", "{article}", "-o", "{article}"], "the article (--article"),
        # Years out of order, and a filter that leaves nothing before an index is sought.
        (["compare", "2023", "2014"], "the first year must be earlier than the second"),
        (["plot", "revenue", "--indexed", "-e", "beijing"], "nothing to plot"),
    ],
)
def test_late_error_paths_in_both_languages(tmp_path: Path, args: list[str], english: str) -> None:
    article = tmp_path / "article.csv"
    article.write_text("text\n", encoding="utf-8")
    filled = [part.format(article=article) for part in args]
    before = article.read_bytes()
    in_english = CliRunner().invoke(app, [*filled, "--lang", "en"])
    assert in_english.exit_code == 1 and english in in_english.stderr
    in_chinese = CliRunner().invoke(app, [*filled, "--lang", "zh"])
    assert in_chinese.exit_code == 1
    assert in_chinese.stderr.startswith("zgc：错误：") and in_chinese.stderr.count("\n") == 1
    assert not chinese_leftovers(in_chinese.stderr, tmp_path), in_chinese.stderr
    assert article.read_bytes() == before
