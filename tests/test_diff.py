"""zgc diff: each kind of change from small files, the shipped diff, and the command's contract."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest
from rich.console import Console
from typer.testing import CliRunner

from zgc_cli.cli import app
from zgc_cli.model.dataset import Dataset
from zgc_cli.present.tables import print_renderables
from zgc_cli.present.views import render
from zgc_cli.present.views.diff import summary_line
from zgc_cli.stats.diff import KINDS, diff, diff_of, rounding_step
from zgc_cli.words import Language

runner = CliRunner()
HEADER = "metric,entity,year,value,unit,status,qualifier,figure,year_basis,note"


def _write(tmp_path: Path, name: str, *rows: str) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    path = folder / "metrics.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def _diff(tmp_path: Path, old: list[str], new: list[str], partial: bool = False) -> pd.DataFrame:
    old_set = Dataset.open(str(_write(tmp_path, "old", *old)))
    new_set = Dataset.open(str(_write(tmp_path, "new", *new)))
    return diff_of(old_set, new_set, partial=partial).frame


def _one(frame: pd.DataFrame) -> dict[str, object]:
    assert len(frame) == 1, frame
    return frame.iloc[0].to_dict()


def test_a_new_value_is_a_revision_with_its_relative_change_and_whether_intervals_overlap(
    tmp_path: Path,
) -> None:
    row = _one(
        _diff(
            tmp_path,
            ["m,zgc,2023,100,firms,reported,exact,100家,stated,"],
            ["m,zgc,2023,110,firms,reported,exact,110家,stated,"],
        )
    )
    assert row["kind"] == "revised"
    assert row["change_pct"] == pytest.approx(10.0)
    assert row["intervals_overlap"] is False or not row["intervals_overlap"]
    assert row["unexplained"]  # no note says why


def test_a_revision_within_the_old_interval_overlaps(tmp_path: Path) -> None:
    row = _one(
        _diff(
            tmp_path,
            ["m,zgc,2023,3600000000000,CNY,reported,about,约3.6万亿元,stated,"],
            ["m,zgc,2023,3620000000000,CNY,reported,about,约3.62万亿元,stated,revised"],
        )
    )
    assert row["kind"] == "revised"
    assert bool(row["intervals_overlap"])
    assert not row["unexplained"]  # the new row's note explains it


def test_a_coarser_figure_that_rounds_the_old_one_is_a_re_rounding(tmp_path: Path) -> None:
    row = _one(
        _diff(
            tmp_path,
            ["p,beijing,2014,48.2,patents,reported,exact,48.2件,stated,"],
            ["p,beijing,2014,48,patents,reported,exact,48件,stated,"],
        )
    )
    assert row["kind"] == "re_rounded"
    assert not row["unexplained"]


def test_a_coarser_figure_that_is_not_the_old_one_rounded_is_inconsistent(tmp_path: Path) -> None:
    row = _one(
        _diff(
            tmp_path,
            ["p,beijing,2023,262.9,patents,reported,exact,262.9件,stated,"],
            ["p,beijing,2023,262,patents,reported,exact,262件,stated,"],
        )
    )
    assert row["kind"] == "inconsistent_rounding"
    assert row["unexplained"]


def test_a_far_coarser_figure_is_a_revision_not_a_rounding(tmp_path: Path) -> None:
    row = _one(
        _diff(
            tmp_path,
            ["p,beijing,2023,262.9,patents,reported,exact,262.9件,stated,"],
            ["p,beijing,2023,250,patents,reported,exact,250件,stated,"],
        )
    )
    assert row["kind"] == "revised"


def test_an_estimate_replaced_by_a_final_figure_is_superseded(tmp_path: Path) -> None:
    row = _one(
        _diff(
            tmp_path,
            ["r,zgc,2023,8600000000000,CNY,estimate,exact,8.6万亿元,stated,"],
            ["r,zgc,2023,8700000000000,CNY,reported,exact,8.7万亿元,stated,"],
        )
    )
    assert row["kind"] == "superseded_estimate"
    assert round(float(row["change_pct"]), 1) == 1.2
    assert not row["unexplained"]


def test_a_changed_qualifier_is_said(tmp_path: Path) -> None:
    row = _one(
        _diff(
            tmp_path,
            ["f,zgc,2024,1800,firms,reported,more_than,1800余家,publication,"],
            ["f,zgc,2024,1800,firms,reported,exact,1800家,publication,"],
        )
    )
    assert row["kind"] == "qualifier_changed"


def test_a_year_newly_stated_or_moved_is_a_re_dating(tmp_path: Path) -> None:
    stated = _one(
        _diff(
            tmp_path / "a" if (tmp_path / "a").mkdir() is None else tmp_path,
            ["b,beijing,2023,980000000000,CNY,reported,nearly,近9800亿元,inferred,"],
            ["b,beijing,2023,980000000000,CNY,reported,nearly,接近9800亿元,stated,"],
        )
    )
    assert stated["kind"] == "re_dated"
    moved = _one(
        _diff(
            tmp_path / "b" if (tmp_path / "b").mkdir() is None else tmp_path,
            ["b,beijing,2024,980000000000,CNY,reported,nearly,近9800亿元,publication,"],
            ["b,beijing,2023,980000000000,CNY,reported,nearly,接近9800亿元,stated,"],
        )
    )
    assert moved["kind"] == "re_dated"
    assert (moved["old_year"], moved["new_year"]) == (2024, 2023)


def test_added_removed_and_partial(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    frame = _diff(
        tmp_path / "a",
        ["x,zgc,2020,1,firms,reported,exact,1家,stated,"],
        ["y,zgc,2020,2,firms,reported,exact,2家,stated,"],
    )
    assert list(frame["kind"]) == ["added", "removed"]
    assert list(frame["unexplained"]) == [False, True]
    partial = _diff(
        tmp_path / "b",
        ["x,zgc,2020,1,firms,reported,exact,1家,stated,"],
        ["y,zgc,2020,2,firms,reported,exact,2家,stated,"],
        partial=True,
    )
    assert list(partial["kind"]) == ["added"]


def test_scope_alone_is_a_kind_and_beside_another_a_flag() -> None:
    old = pd.DataFrame(
        {"metric": ["r", "s"], "entity": ["z", "z"], "year": [2023, 2023], "value": [1.0, 5.0]}
    )
    new = old.assign(
        value=[1.0, 6.0],
        scope=["sub-parks", "sub-parks"],
        scope_differs=["true", "true"],
        note=["", "why"],
    )
    frame = diff(old, new).frame
    kinds = dict(zip(frame["metric"], frame["kind"], strict=True))
    assert kinds == {"r": "scope_differs", "s": "revised"}
    assert frame["scope_differs"].all()


def test_unchanged_figures_are_counted_not_listed() -> None:
    old = pd.DataFrame({"metric": ["r"], "entity": ["z"], "year": [2023], "value": [1.0]})
    result = diff(old, old.copy())
    assert result.frame.empty and result.unchanged == 1 and result.counts == {}
    assert summary_line(result, Language.en) == "no change"
    assert summary_line(result, Language.zh) == "没有变化"


@pytest.mark.parametrize(
    ("figure", "value", "step"),
    [("48.2件", 48.2, 0.1), ("48件", 48, 1.0), ("8.7万亿元", 8.7e12, 1e11), ("", 262.0, 1.0)],
)
def test_rounding_step_is_the_last_written_digit(figure: str, value: float, step: float) -> None:
    assert rounding_step(figure, value) == pytest.approx(step)


def test_the_shipped_article_against_the_later_source(later_sources: None) -> None:
    """The issue's five changes, by --as-of: before and after the later publications."""
    result = runner.invoke(
        app, ["diff", "--as-of", "2024-05", "--as-of", "2024-12", "--format", "json"]
    )
    assert result.exit_code == 0, result.stderr
    rows = {(row["metric"], row["year"]): row for row in json.loads(result.stdout)}
    revenue = rows[("revenue", 2023)]
    assert revenue["kind"] == "superseded_estimate" and revenue["scope_differs"] is True
    assert round(revenue["change_pct"], 1) == 1.2
    assert rows[("patents_per_10k_people", 2014)]["kind"] == "re_rounded"
    assert rows[("patents_per_10k_people", 2023)]["kind"] == "inconsistent_rounding"
    assert rows[("biomedicine_industry_scale", 2023)]["kind"] == "re_dated"
    assert rows[("tech_contract_value", 2023)]["kind"] == "added"
    assert ("revenue", 2014) not in rows  # published again alike: unchanged
    assert result.stderr.strip() == (
        "6 change(s): 1 re-rounded, 1 inconsistent rounding, 1 superseded estimate, "
        "1 re-dated, 2 added; largest revision Total revenue of firms (Zhongguancun) 2023 +1.2%"
    )


@pytest.mark.parametrize(("lang", "nearly_shown"), [("en", True), ("zh", False)])
def test_the_legend_explains_only_the_marks_a_figure_carries(
    later_sources: None, lang: str, nearly_shown: bool
) -> None:
    """English writes the biomedicine figure `<~980 billion`; Chinese in its source's
    words, 近9800亿元, with no mark for the legend to explain."""
    arguments = ["diff", "--as-of", "2024-05", "--as-of", "2024-12", "--lang", lang]
    result = runner.invoke(app, [*arguments, "--format", "table"], env={"COLUMNS": "120"})
    lines = result.stdout.splitlines()
    legend = next(line for line in lines if line.startswith("* "))
    figures = "\n".join(line for line in lines if "9800" in line or "980 billion" in line)
    assert ("<~" in figures) is nearly_shown
    assert ("<~" in legend) is nearly_shown


def test_two_files_with_partial_give_the_same_changes(later_sources: None) -> None:
    data = Path(__file__).resolve().parent.parent / "data"
    result = runner.invoke(
        app,
        [
            "diff",
            str(data / "metrics.csv"),
            str(data / "sources" / "beijing-2024" / "metrics.csv"),
            "--partial",
            "--format",
            "csv",
        ],
    )
    assert result.exit_code == 0, result.stderr
    frame = pd.read_csv(io.StringIO(result.stdout))
    assert sorted(frame["kind"]) == sorted(
        ["superseded_estimate", "re_rounded", "inconsistent_rounding", "re_dated", "added", "added"]
    )
    for name in ("change_pct_low", "change_pct_high", "intervals_overlap", "scope_differs"):
        assert name in frame.columns


def test_an_unexplained_change_exits_1(tmp_path: Path) -> None:
    old = _write(tmp_path, "old", "m,zgc,2023,100,firms,reported,exact,100家,stated,")
    new = _write(tmp_path, "new", "m,zgc,2023,120,firms,reported,exact,120家,stated,")
    result = runner.invoke(app, ["diff", str(old), str(new), "--format", "csv"])
    assert result.exit_code == 1
    assert "1 revised; largest revision m (zgc) 2023 +20.0%" in result.stderr


def test_diff_needs_two_things_to_compare() -> None:
    result = runner.invoke(app, ["diff", "--as-of", "2024", "--lang", "zh"])
    assert result.exit_code != 0
    assert "两次 --as-of" in result.stderr


@pytest.mark.parametrize("lang", [Language.en, Language.zh])
@pytest.mark.parametrize("width", [60, 80, 120])
def test_the_table_fits_every_width_in_both_languages(
    later_sources: None, lang: Language, width: int
) -> None:
    from rich.cells import cell_len

    old = Dataset.open(as_of="2024-05")
    new = Dataset.open(as_of="2024-12")
    result = diff_of(old, new, old_label="--as-of 2024-05", new_label="--as-of 2024-12")
    stream = io.StringIO()
    console = Console(file=stream, width=width, color_system=None)
    # As the command prints it: a table wider than the terminal is printed whole, not
    # cropped to the width (Console.print alone would hide the overflow).
    print_renderables(console, render(result, lang, width))
    text = stream.getvalue()
    assert max(cell_len(line) for line in text.splitlines()) <= width
    kinds = ["superseded estimate", "re-rounded", "inconsistent", "re-dated", "added"]
    words = (
        kinds
        if lang is Language.en
        else ["预计值被取代", "重新取整", "取整不一致", "年份改定", "新增"]
    )
    flat = text.replace("\n", " ")
    for word in words:
        assert word in flat, (word, text)


def test_every_kind_has_words_in_both_languages() -> None:
    from zgc_cli.words import message

    for kind in KINDS:
        english, chinese = (message(f"diff.kind.{kind}", lang) for lang in Language)
        assert english and chinese and english != chinese


@pytest.mark.parametrize("part", [1, 2])
def test_a_table_of_more_changes_than_the_limit_shows_the_first(part: int) -> None:
    """Under --limit the table lays out the first rows, and its summary still counts every
    change, the unexplained ones too, and names the largest revision wherever it is."""
    # Without --partial, what the later file lacks is removed: more changes than --limit.
    data = Path(__file__).resolve().parent.parent / "data"
    later = data / "sources" / "beijing-2024" / "metrics.csv"
    arguments = ["diff", str(data / "metrics.csv"), str(later), "--lang", "en"]
    every = runner.invoke(app, [*arguments, "--format", "csv"])
    changes = pd.read_csv(io.StringIO(every.stdout))
    limit = len(changes) // 2 if part == 2 else 1
    result = runner.invoke(app, [*arguments, "--format", "table", "--limit", str(limit)])
    assert result.exit_code == 1, result.output  # some change is unexplained
    shown = " ".join(result.stdout.split())
    assert f"{len(changes) - limit} more rows" in shown, shown
    assert f"{len(changes)} change(s):" in shown
    assert f"{int(changes['unexplained'].sum())} change(s) unexplained" in shown
    assert "largest revision Total revenue of firms (Zhongguancun) 2023 +1.2%" in shown
