"""Chinese is Chinese: errors, verify's table and its width, and the message table.

Errors are checked through the CLI with ``--lang zh`` on every bad input of
tests/test_bad_inputs.py: one line, the Chinese prefix, and no English word left
once the file's path, what is quoted from the input and the names of encodings
and formats (UTF-8, CSV, NUL...) are taken out.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.test_bad_inputs import BAD_INPUTS, BadInput, _prepare
from zgc_cli.cli import app
from zgc_cli.phrases import PHRASES
from zgc_cli.present.i18n import MESSAGES

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
    result = CliRunner().invoke(
        app, ["verify", "--format", "table", "--lang", lang, "--limit", "0"]
    )
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("width", [60, 80, 100, 120])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_verify_table_fits_the_terminal(lang: str, width: int, monkeypatch) -> None:  # noqa: ANN001
    text = _verify(lang, width, monkeypatch)
    lines = text.splitlines()
    assert len(lines) > 500
    assert max(display_width(line) for line in lines) <= width
    # Numbers whole: every long number verify expects or finds appears unbroken.
    machine = CliRunner().invoke(app, ["verify", "--format", "csv"]).stdout
    numbers = set()
    for row in csv.DictReader(io.StringIO(machine)):
        numbers |= set(re.findall(r"\d[\d.]{4,}", row["expected"] + " " + row["found"]))
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
