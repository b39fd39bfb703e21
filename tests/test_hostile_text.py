"""Hostile text, round two (issue 25): JSON escapes and keys, long fields, mixed encodings.

Each problem is one line on stderr naming the file and its record or line, in
both languages; nothing reaches stdout first.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from zgc_cli.cli import app

runner = CliRunner()


def error_line(*args: str, env: dict[str, str] | None = None) -> str:
    result = runner.invoke(app, list(args), env=env)
    assert result.exit_code == 1, (result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    return lines[0]


# --- 5. a \ud800 escape ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "column"),
    [
        ("s.json", '[{"metric":"m","year":2014,"value":1,"quote":"a\\ud800b"}]', 48),
        ("s.jsonl", '{"metric":"m","year":2014,"value":1,"quote":"a\\udc00"}\n', 47),
    ],
)
@pytest.mark.parametrize("command", [["export"], ["source", "m"]])
def test_a_lone_surrogate_escape_is_one_line_with_its_place(
    tmp_path: Path, name: str, text: str, column: int, command: list[str]
) -> None:
    """Before: an internal error (UnicodeEncodeError), after source had written to stdout."""
    path = tmp_path / name
    path.write_text(text)
    line = error_line(*command, "--data", str(path))
    assert line == (
        f"zgc: error: {path}:1: not valid JSON: a \\uD800-\\uDFFF escape without its pair, "
        f"which is no character (column {column})"
    )
    zh = runner.invoke(app, [*command, "--data", str(path), "--lang", "zh"]).stderr
    said = "\\uD800-\\uDFFF 转义不成对，不表示任何字符"
    assert zh == f"zgc：错误：{path}:1：不是有效的 JSON：第{column}列：{said}\n"


def test_a_surrogate_pair_is_one_character(tmp_path: Path) -> None:
    path = tmp_path / "pair.json"
    path.write_text('[{"metric":"m","year":2014,"value":1,"quote":"\\ud83d\\ude00"}]')
    result = runner.invoke(app, ["export", "--data", str(path)])
    assert result.stdout == "metric,year,value,quote\nm,2014,1,\U0001f600\n"


def test_a_lone_surrogate_in_the_data_package_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "d.csv").write_text("metric,year,value\nm,2014,1\n")
    (tmp_path / "datapackage.json").write_text('{"name":"x","sources":[{"title":"t\\udc00"}]}')
    line = error_line("cite", "m", "--data", str(tmp_path / "d.csv"))
    assert line == (
        f"zgc: error: {tmp_path / 'datapackage.json'}:1: cannot read the data package: "
        "a \\uD800-\\uDFFF escape without its pair, which is no character (column 35)"
    )


# --- 17. a key twice ---------------------------------------------------------------------


def test_a_duplicate_key_in_a_json_list_names_its_record(tmp_path: Path) -> None:
    """Before: the last value won, silently (exit 0, year 2016)."""
    path = tmp_path / "dup.json"
    path.write_text(
        '[{"metric":"m","year":2014,"value":1},\n{"metric":"m","year":2015,"value":1,"year":2016}]'
    )
    line = error_line("export", "--data", str(path))
    assert (
        line
        == f"zgc: error: {path}: record 2: key 'year' appears twice in one object (which to keep?)"
    )
    zh = runner.invoke(app, ["export", "--data", str(path), "--lang", "zh"]).stderr
    assert zh == f"zgc：错误：{path}：第2条记录：同一对象中键 'year' 出现了两次（该保留哪一个？）\n"


def test_a_duplicate_key_in_json_lines_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "dup.jsonl"
    path.write_text('{"metric":"m","year":2014,"value":1}\n\n{"metric":"m","value":1,"value":2}\n')
    line = error_line("export", "--data", str(path))
    assert line == f"zgc: error: {path}:3: key 'value' appears twice in one object (which to keep?)"


def test_colons_in_text_and_escaped_quotes_are_no_keys(tmp_path: Path) -> None:
    path = tmp_path / "colons.json"
    path.write_text(
        '[{"metric":"m","year":2014,"value":1,"quote":"a\\":\\"b: \\"year\\": 1","note":"x:y"}]'
    )
    result = runner.invoke(app, ["export", "--data", str(path)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1] == 'm,2014,1,"a"":""b: ""year"": 1",x:y'
