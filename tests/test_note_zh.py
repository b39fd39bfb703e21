"""A Chinese reader sees the data's notes in Chinese (``note_zh``): source, cite, report.

Where the data has ``note_zh``, ``--lang zh`` shows it and none of the English note;
a user's data without the column keeps its own note; English output is unchanged.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from zgc_cli.cli import app
from zgc_cli.model.dataset import Dataset

runner = CliRunner()
SHIPPED = Path(__file__).resolve().parent.parent / "data"
# Words of the data's English notes that a Chinese view may still show: ids and names
# of formats a person types, and the mark letters of the legend.
KEPT = {"zgc", "source", "CSV", "SHA"}


def latin_words(text: str) -> set[str]:
    """The English words (three letters or more) of a text."""
    return {word.lower() for word in re.findall(r"[A-Za-z]{3,}", text)} - {
        word.lower() for word in KEPT
    }


def _with_note_zh(tmp_path: Path) -> Path:
    """A copy of the shipped data whose Chinese notes are known marks (中文说明0, ...)."""
    for source in SHIPPED.iterdir():
        shutil.copy(source, tmp_path / source.name)
    metrics = pd.read_csv(tmp_path / "metrics.csv", dtype=str, keep_default_na=False)
    metrics["note_zh"] = [f"中文说明{index}" if note else "" for index, note in
                          enumerate(metrics["note"])]  # fmt: skip
    metrics.to_csv(tmp_path / "metrics.csv", index=False)
    return tmp_path / "metrics.csv"


def _english_notes(path: Path, metric: str) -> set[str]:
    metrics = pd.read_csv(path, dtype=str, keep_default_na=False)
    notes = " ".join(metrics.loc[metrics["metric"] == metric, "note"])
    return latin_words(notes)


def test_source_in_chinese_shows_the_chinese_note_and_no_english_of_the_data(
    tmp_path: Path,
) -> None:
    path = _with_note_zh(tmp_path)
    result = runner.invoke(
        app, ["source", "revenue", "--lang", "zh", "--format", "table", "--data", str(path)]
    )
    assert result.exit_code == 0, result.output
    english = _english_notes(path, "revenue")
    assert english, "the check could not fail: revenue has an English note"
    assert not english & latin_words(result.output), result.output
    metrics = pd.read_csv(path, dtype=str, keep_default_na=False)
    note_zh = metrics.loc[(metrics["metric"] == "revenue") & (metrics["note"] != ""), "note_zh"]
    assert all(text in result.output for text in note_zh)


def test_source_in_english_keeps_the_english_note(tmp_path: Path) -> None:
    path = _with_note_zh(tmp_path)
    result = runner.invoke(app, ["source", "revenue", "--format", "table", "--data", str(path)])
    assert "an estimate for 2023" in result.output
    assert "中文说明" not in result.output


def test_source_in_chinese_without_note_zh_keeps_the_datas_own_note(tmp_path: Path) -> None:
    for source in SHIPPED.iterdir():
        shutil.copy(source, tmp_path / source.name)
    metrics = pd.read_csv(tmp_path / "metrics.csv", dtype=str, keep_default_na=False)
    metrics.drop(columns=[c for c in ("note_zh",) if c in metrics]).to_csv(
        tmp_path / "metrics.csv", index=False
    )
    result = runner.invoke(
        app,
        ["source", "revenue", "--lang", "zh", "--format", "table", "--data",
         str(tmp_path / "metrics.csv")],
    )  # fmt: skip
    assert "an estimate for 2023" in result.output  # nothing is hidden: the only note there is


def test_cite_in_chinese_carries_the_chinese_note(tmp_path: Path) -> None:
    path = _with_note_zh(tmp_path)
    result = runner.invoke(app, ["cite", "revenue", "2023", "--lang", "zh", "--data", str(path)])
    assert result.exit_code == 0, result.output
    note = result.output.split("注：", 1)[1]
    assert "数据说明：中文说明" in note
    assert not _english_notes(path, "revenue") & latin_words(note.split("数据集")[0])


def test_report_in_chinese_carries_the_chinese_note(tmp_path: Path) -> None:
    pytest.importorskip("jinja2")
    path = _with_note_zh(tmp_path)
    out = tmp_path / "report.md"
    result = runner.invoke(
        app, ["report", "-o", str(out), "--lang", "zh", "-m", "revenue", "--data", str(path)]
    )
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "中文说明" in text
    assert "an estimate for 2023" not in text


def test_the_shipped_source_of_revenue_in_chinese_has_no_english_sentence() -> None:
    """The issue's done-when: ``zgc source revenue --lang zh`` shows no English sentence."""
    assert "note_zh" in Dataset.open().frame.columns
    result = runner.invoke(app, ["source", "revenue", "--lang", "zh", "--format", "table"])
    assert result.exit_code == 0, result.output
    english = _english_notes(SHIPPED / "metrics.csv", "revenue")
    assert not english & latin_words(result.output), result.output
    # No run of English words either (a sentence), whatever its source.
    assert not re.search(r"[A-Za-z]{3,}[ ,;:]+[A-Za-z]{3,}", result.output), result.output
