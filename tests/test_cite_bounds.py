"""zgc cite: a bound or an interval is carried in the citation's own sentence, in every style.

The rule: a bound (超过, 近, 约) is never passed on as a point. The tables write a
derived figure as the interval of its operands (179…193万) and a bound with its mark;
a citation's note, which has no legend, must say the same in words, and its raw part
must give the strict interval's ends as the machine formats write them.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from zgc_cli.cli import app
from zgc_cli.present.citations import figure_note
from zgc_cli.present.number_bounds import Bounds, Notation
from zgc_cli.present.numbers import interval_text
from zgc_cli.stats.citations import CitedFigure
from zgc_cli.words import Language

runner = CliRunner()
STYLES = ("gbt7714", "apa", "bibtex", "ris", "csl-json")


def _metrics_row(metric: str, year: int) -> dict[str, str]:
    """The figure's row as `zgc metrics` writes it in CSV: its interval columns."""
    result = runner.invoke(app, ["metrics", metric, "--format", "csv"])
    assert result.exit_code == 0, result.stderr
    rows = [row for row in csv.DictReader(io.StringIO(result.stdout)) if row["year"] == str(year)]
    assert len(rows) == 1
    return rows[0]


def _notes(metric: str, year: int, style: str, lang: str) -> str:
    """The text a style gives a figure's note (CSL-JSON: its note field)."""
    result = runner.invoke(app, ["cite", metric, str(year), "--style", style, "--lang", lang])
    assert result.exit_code == 0, result.stderr
    if style == "csl-json":
        return "\n".join(item["note"] for item in json.loads(result.stdout))
    return result.stdout


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("style", STYLES)
def test_a_derived_about_figure_is_cited_as_its_interval_in_every_style(
    style: str, lang: str
) -> None:
    row = _metrics_row("employees", 2013)
    language = Language(lang)
    bounds = Bounds(float(row["value_low"]), float(row["value_high"]))
    # What the tables write for this figure (zgc metrics' cell, without its ^ mark).
    shown = interval_text(float(row["value"]), bounds, Notation.value, language, "persons")
    assert "…" in shown  # the interval is wider than the point's digits: the test means it
    note = _notes("employees", 2013, style, lang)
    unit = " persons" if lang == "en" else "人"
    assert shown + unit in note
    # The raw part keeps the point and the strict interval's ends, as CSV writes them.
    assert f"[{row['value_low']}, {row['value_high']}]" in note
    assert row["value"] in note
    # Never the point alone as the figure: 1.86 million / 186万 is not what the words allow.
    point = "1.86 million persons" if lang == "en" else "186万人"
    assert point not in note


@pytest.mark.parametrize(
    ("qualifier", "low", "high", "low_open", "high_open", "english", "chinese", "raw"),
    [
        ("more_than", 1.4e5, None, True, True, "more than 140,000", "超过14万", "(140000, +∞)"),
        ("more_than", 1.4e5, None, False, True, "at least 140,000", "不少于14万", "[140000, +∞)"),
        ("nearly", 0.0, 1.4e5, False, True, "nearly 140,000", "接近14万", "[0, 140000)"),
        ("less_than", 0.0, 1.4e5, False, True, "less than 140,000", "不到14万", "[0, 140000)"),
        ("less_than", 0.0, 1.4e5, False, False, "at most 140,000", "不超过14万", "[0, 140000]"),
    ],
)
def test_a_bound_is_said_in_words_with_its_raw_interval(
    qualifier: str,
    low: float | None,
    high: float | None,
    low_open: bool,
    high_open: bool,
    english: str,
    chinese: str,
    raw: str,
) -> None:
    cited = CitedFigure(
        metric="invention_patents",
        entity="zgc",
        year=2020,
        value=140000.0,
        unit="patents",
        status="reported",
        qualifier=qualifier,
        low=low,
        high=high,
        low_open=low_open,
        high_open=high_open,
    )
    assert f"2020: {english} patents [140000 patents; interval {raw}]" in figure_note(
        cited, Language.en
    )
    assert f"2020年：{chinese}件［140000 patents；区间 {raw}］" in figure_note(cited, Language.zh)


def test_an_about_figure_within_its_digits_keeps_the_word_and_its_interval() -> None:
    cited = CitedFigure(
        metric="share",
        entity="beijing",
        year=2024,
        value=43.0,
        unit="percent",
        qualifier="about",
        low=42.5,
        high=43.5,
    )
    english = figure_note(cited, Language.en)
    assert "2024: about 43% [43 percent; interval [42.5, 43.5]]" in english
    assert "%%" not in figure_note(cited, Language.zh) and "% %" not in english


def test_an_exact_figure_is_its_point_with_no_interval_added() -> None:
    cited = CitedFigure(
        metric="revenue",
        entity="zgc",
        year=2014,
        value=3.6e12,
        unit="CNY",
        qualifier="exact",
        low=3.55e12,
        high=3.65e12,
    )
    note = figure_note(cited, Language.en)
    assert "2014: 3.6 trillion CNY [3600000000000 CNY] (unhedged)" in note
    assert "interval" not in note.split("Passage")[0]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_shipped_bounds_are_never_cited_as_bare_points(lang: str) -> None:
    # 突破14万 (2020) and 近9800亿: the words come before the number in the sentence.
    patents = _notes("invention_patents", 2020, "gbt7714", lang)
    assert ("more than 140,000 patents" if lang == "en" else "超过14万件") in patents
    assert "(140000, +∞)" in patents
