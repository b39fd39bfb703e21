"""The display model (present/layout.py): what it decides, and that the terminal and the
report render the very same layouts (a column changed in a view shows up in both)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from zgc_cli.cli import app
from zgc_cli.present import layout
from zgc_cli.present.layout import Cell, Column, Note, Table, cell_style, drop_order
from zgc_cli.present.report.sections import note_texts
from zgc_cli.present.tables import print_renderables, render_layout
from zgc_cli.present.views import series as series_views
from zgc_cli.words import Language

runner = CliRunner()


def _shown(table: Table, width: int) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None)
    print_renderables(console, render_layout(table, width))
    text = console.file.getvalue()  # type: ignore[attr-defined]
    return str(text)


def _table(notes: Sequence[Note] = ()) -> Table:
    columns = [
        Column("Indicator", comfortable=20),
        Column("Value", numeric=True),
        Column("Ratio", numeric=True, drop=3),
        Column("Change", numeric=True, drop=1),
        Column("Share", numeric=True, drop=3),
    ]
    rows = [
        [
            Cell("Total revenue of firms", detail="revenue_of_firms"),
            Cell("8,700,000,000,000", numeric=True),
            Cell("2.36…2.47×", numeric=True),
            Cell("+5,000,000,000,000…+5,200,000,000,000", numeric=True),
            Cell("43.9%", numeric=True),
        ]
    ]
    return Table(columns, rows, title="Revenue", notes=notes, ids_note="ids left out")


# --- the model --------------------------------------------------------------------------


def test_drop_order_is_highest_priority_first_ties_left_to_right_never_a_zero() -> None:
    columns = _table().columns
    assert drop_order(columns) == [2, 4, 3]
    assert _table().kept(0) == [0, 1, 2, 3, 4]
    assert _table().kept(2) == [0, 1, 3]
    assert _table().kept(10) == [0, 1]


@pytest.mark.parametrize(
    ("width", "shown", "left_out"),
    [
        (200, ["Ratio", "Change", "Share"], []),
        # Ratio and Share share a priority: the one to the left goes first.
        (90, ["Change", "Share"], ["Ratio"]),
        (70, [], ["Ratio", "Share", "Change"]),
    ],
)
def test_a_narrow_terminal_leaves_out_the_droppable_columns_in_their_order(
    width: int, shown: list[str], left_out: list[str]
) -> None:
    text = _shown(_table(), width)
    assert "Indicator" in text and "8,700,000,000,000" in text  # never dropped, never cut
    for header in shown:
        assert header in text
    for header in left_out:
        assert header not in text
    assert max(len(line) for line in text.splitlines()) <= width


def test_a_cells_detail_is_beneath_its_name_until_there_is_no_room_then_a_note_says_so() -> None:
    wide = _shown(_table(), 120).splitlines()
    name = next(index for index, line in enumerate(wide) if "Total revenue" in line)
    assert "revenue_of_firms" in wide[name + 1] and "ids left out" not in "\n".join(wide)
    narrow = _shown(_table(), 30)
    assert "revenue_of_firms" not in narrow and "ids left out" in narrow


def test_a_mark_goes_to_every_form_of_a_cell() -> None:
    cell = Cell("8.7 trillion", numeric=True, with_unit="8.7 trillion yuan", stacked="8.7\nyuan")
    marked = cell + "†"
    assert (marked.text, marked.with_unit, marked.stacked) == (
        "8.7 trillion†",
        "8.7 trillion yuan†",
        "8.7\nyuan†",
    )
    assert (Cell("48") + "†").with_unit == ""  # no unit form: the text stands for it


@pytest.mark.parametrize(
    ("flags", "style"),
    [
        ("estimate;about", "estimate"),
        ("derived", "derived"),
        ("more_than", "bound"),
        ("reported;inferred_year", ""),
        ("", ""),
    ],
)
def test_a_figures_style_is_its_status_then_its_bound(flags: str, style: str) -> None:
    assert cell_style(flags) == style


def test_a_legend_is_worded_by_its_reader_and_a_hint_stays_in_the_terminal() -> None:
    legend = Note(
        ("? year inferred (zgc source tells how)",), kind="legend", marks=("inferred_year",)
    )
    hint = Note(("--tolerance 1 compares…",), reader=layout.TERMINAL_ONLY)
    reworded = Note(("see zgc source revenue",), reader="see the figures' passages")
    terminal = _shown(_table([legend, hint, reworded]), 120)
    assert "zgc source tells how" in terminal and "--tolerance 1" in terminal
    page = [text for note in (legend, hint, reworded) for text in note_texts(note, Language.en)]
    assert page == ["? year inferred (the figure's passage tells how)", "see the figures' passages"]


# --- one layout, two renderers ----------------------------------------------------------


def _report(tmp_path: Path, name: str) -> str:
    path = tmp_path / name
    result = runner.invoke(app, ["report", "-o", str(path), "--metric", "revenue", "--lang", "en"])
    assert result.exit_code == 0, result.output
    return path.read_text(encoding="utf-8")


def _terminal(width: int = 120) -> str:
    result = runner.invoke(
        app,
        ["metrics", "revenue", "--format", "table", "--lang", "en"],
        env={"COLUMNS": str(width)},
    )
    assert result.exit_code == 0, result.output
    return result.output


def test_a_column_added_to_the_series_view_is_in_the_terminal_and_in_both_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = series_views.series_layouts

    def with_a_column(*args: object, **kwargs: object) -> list[Table]:
        tables = made(*args, **kwargs)  # type: ignore[arg-type]
        return [
            replace(
                table,
                columns=[*table.columns, Column("Footnoted", key="footnoted")],
                rows=[
                    [*row, Cell(f"row-{index}-of-{table.subject}")]
                    for index, row in enumerate(table.body)
                ],
            )
            for table in tables
        ]

    assert "Footnoted" not in _terminal()
    monkeypatch.setattr(series_views, "series_layouts", with_a_column)
    for text in (_terminal(), _report(tmp_path, "r.html"), _report(tmp_path, "r.md")):
        assert "Footnoted" in text
        assert "row-0-of-revenue" in text and "row-1-of-revenue" in text


def test_a_column_renamed_in_the_series_view_is_renamed_in_the_terminal_and_both_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    columns = series_views.series_columns

    def renamed(lang: Language) -> list[Column]:
        return [
            replace(column, header="Per-cent change") if column.key == "change_pct" else column
            for column in columns(lang)
        ]

    monkeypatch.setattr(series_views, "series_columns", renamed)
    html, markdown = _report(tmp_path, "r.html"), _report(tmp_path, "r.md")
    # (The comparisons' columns are the compare view's: only the series' are renamed.)
    for text in (_terminal(), markdown.split("## Comparisons")[0]):
        assert "Per-cent change" in text and "Change %" not in text
    series = html.split('id="en-comparisons"')[0]
    assert '<th scope="col" class="num">Per-cent change</th>' in series
    assert "Change %" not in series
