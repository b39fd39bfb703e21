"""The thin layer: shared options gathered into one value each, documents written by one
writer, and every console made from the Environment's streams."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from zgc_cli.cli import app
from zgc_cli.cli.options import DataChoice, Shown, shared
from zgc_cli.env import Environment
from zgc_cli.errors import ZgcError
from zgc_cli.present.files import Document, write_document
from zgc_cli.stats.selection import Selection


def _probe_app(seen: list[object]) -> typer.Typer:
    """A one-command app whose command records the values it was given."""
    probe = typer.Typer()

    @probe.command()
    @shared("metric", "entity", "status", "year_from", "year_to", "data", "as_of", "lang")
    def show(
        ctx: typer.Context,
        *,
        selection: Selection,
        source: DataChoice,
        shown: Shown,
    ) -> None:
        seen.extend([selection, source, shown])

    @probe.callback()
    def main() -> None:
        """Two commands' worth, so Typer keeps the command's name."""

    return probe


def test_shared_options_arrive_as_one_value_each() -> None:
    seen: list[object] = []
    args = ["show", "-m", "revenue", "-e", "zgc", "-e", "beijing", "--from", "2014"]
    args += ["--as-of", "2024-05", "--lang", "zh", "--data", "a.csv"]
    result = CliRunner().invoke(_probe_app(seen), args)
    assert result.exit_code == 0, result.output
    selection, source, shown = seen
    assert selection == Selection(metrics=("revenue",), entities=("zgc", "beijing"), year_from=2014)
    assert source == DataChoice(data=("a.csv",), as_of="2024-05")
    assert shown == Shown(lang="zh")
    assert source.paths == ["a.csv"]


def test_an_option_a_command_does_not_share_is_refused() -> None:
    seen: list[object] = []
    result = CliRunner().invoke(_probe_app(seen), ["show", "--category", "economy"])
    assert result.exit_code == 2 and not seen


def test_an_unknown_shared_option_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        shared("no_such_option")


def test_a_selection_keeps_what_was_not_given_as_none() -> None:
    chosen = Selection.of(entities=["zgc"], statuses=[])
    assert chosen.entities == ("zgc",) and chosen.statuses == () and chosen.metrics is None
    assert Selection(year_from=2030, year_to=2010).years_in_order is False
    assert Selection(year_from=2010).years_in_order is True


def test_a_text_document_without_a_file_goes_to_stdout(tmp_path: Path) -> None:
    stdout = io.StringIO()
    write_document(Document("[1] 中关村\n", "text/plain"), None, stdout)
    assert stdout.getvalue() == "[1] 中关村\n"
    assert list(tmp_path.iterdir()) == []


def test_a_document_is_written_whole_in_place_of_the_file(tmp_path: Path) -> None:
    target = tmp_path / "chart.png"
    target.write_bytes(b"old")
    write_document(Document(b"\x89PNG\r\n", "image/png"), target, io.StringIO())
    assert target.read_bytes() == b"\x89PNG\r\n"
    assert [path.name for path in tmp_path.iterdir()] == ["chart.png"]  # no staging left
    text = tmp_path / "cite.txt"
    write_document(Document("a\r\nb\n", "text/plain"), text, io.StringIO())
    assert text.read_bytes() == b"a\r\nb\n"  # no newline translation


def test_a_binary_document_needs_a_file() -> None:
    with pytest.raises(TypeError):
        write_document(Document(b"\x89PNG", "image/png"), None, io.StringIO())


def test_a_document_into_a_missing_folder_is_one_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(ZgcError, match="no folder"):
        write_document(Document("x", "text/plain"), tmp_path / "no" / "x.txt", io.StringIO())


def test_the_environment_writes_the_document_then_its_warnings_and_the_file(
    tmp_path: Path,
) -> None:
    env = Environment(stdout=io.StringIO(), stderr=io.StringIO(), language_option=None)
    target = tmp_path / "report.md"
    env.write_document(Document("# zgc\n", "text/markdown", ("no charts",)), target)
    assert target.read_text(encoding="utf-8") == "# zgc\n"
    assert env.stdout.getvalue() == ""  # type: ignore[attr-defined]
    said = env.stderr.getvalue()  # type: ignore[attr-defined]
    assert said.index("no charts") < said.index(f"wrote {target}")


def test_tables_go_to_the_environments_stdout_not_the_processs(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from rich.text import Text

    env = Environment(stdout=io.StringIO(), stderr=io.StringIO(), stdout_is_tty=False)
    env.print_renderables([Text("中关村")])
    assert "中关村" in env.stdout.getvalue()  # type: ignore[attr-defined]
    assert capsys.readouterr().out == ""


def test_an_error_goes_to_the_environments_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    env = Environment(stdout=io.StringIO(), stderr=io.StringIO())
    with pytest.raises(SystemExit) as leaving:
        env.fail("no such file")
    assert leaving.value.code == 1
    assert env.stderr.getvalue() == "zgc: error: no such file\n"  # type: ignore[attr-defined]
    assert capsys.readouterr().err == ""


def test_plot_refuses_to_draw_over_its_data(tmp_path: Path, sample_csv: Path) -> None:
    data = tmp_path / "data.csv"
    data.write_bytes(sample_csv.read_bytes())
    result = CliRunner().invoke(app, ["plot", "revenue", "--data", str(data), "-o", str(data)])
    assert result.exit_code == 1
    assert "it is the input data" in result.stderr
    assert data.read_bytes() == sample_csv.read_bytes()
