"""Intervals for people (zgc_cli.present.numbers.interval_text): one formatter for every view.

The point alone where the interval lies within the digits shown; else the interval,
rounded outward; one end where the other is open; the conventional reading, marked,
where the words bound nothing; ``unbounded`` where nothing does. The views are run
over small hand-made frames carrying the interval columns the stats layer writes.
"""

# ruff: noqa: E501 - a table of cases reads best a case a line

from __future__ import annotations

import io

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console

from zgc_cli.present.numbers import (
    INTERVAL_JOINER,
    Bounds,
    Notation,
    bounds_of,
    interval_text,
    marked_interval,
    shown_step,
)
from zgc_cli.present.tables import print_renderables
from zgc_cli.present.views import render
from zgc_cli.stats.results import ComparisonResult, SeriesResult, ShareResult
from zgc_cli.words import Language

EN, ZH = Language.en, Language.zh
OPEN = float("nan")


@pytest.mark.parametrize(
    ("point", "bounds", "notation", "lang", "text"),
    [
        # Within the digits shown: the point alone.
        (50.0, Bounds(49.97, 50.03), Notation.percent, EN, "+50.0%"),
        (3.6e12, Bounds(3.55e12, 3.65e12), Notation.value, EN, "3.6 trillion"),
        (3.6e12, Bounds(3.55e12, 3.65e12), Notation.value, ZH, "3.6万亿"),
        # A whole number's zeros say nothing of its precision: 63,000 reads as 6.3万 does.
        (63_000, Bounds(62_500, 63_500), Notation.value, EN, "63,000"),
        (2.39, Bounds(2.39, 2.39), Notation.ratio, ZH, "2.39倍"),
        # Ends apart in the digits shown: the interval, rounded outward.
        (139.0, Bounds(134.2, 143.9), Notation.percent, EN, "+134…+144%"),
        (50.0, Bounds(44.47, 55.56), Notation.percent, EN, "+44…+56%"),
        (50.0, Bounds(49.6, 50.4), Notation.percent, ZH, "+49.6…+50.4%"),
        (1_860_000, Bounds(1_796_774, 1_927_586), Notation.value, EN, "1.79…1.93 million"),
        (1_860_000, Bounds(1_796_774, 1_927_586), Notation.value, ZH, "179…193万"),
        (2.0, Bounds(1.92, 2.08), Notation.ratio, ZH, "1.92…2.08倍"),
        (-3.0, Bounds(-5.5, -0.5), Notation.percent, EN, "-6…0%"),
        (20.0, Bounds(18.0, 22.0), Notation.points, EN, "+18…+22 pp"),
        # One end: the other is unbounded.
        (None, Bounds(50.0, None, False, True), Notation.percent, EN, "≥ +50%"),
        (None, Bounds(50.0, None, True, True), Notation.percent, ZH, "> +50%"),
        (None, Bounds(85.7142, None, True, True), Notation.percent, EN, "> +85.7%"),
        (None, Bounds(None, 3e7, True, True), Notation.value, ZH, "< 3000万"),
        (None, Bounds(0.0, 30.0, False, False), Notation.value, EN, "0…30"),
        # The words bound nothing: the conventional reading, marked, else "unbounded".
        (
            None,
            Bounds(-100.0, None, True, True, 73.3, 92.9),
            Notation.percent,
            EN,
            "conv. +73…+93%",
        ),
        (
            None,
            Bounds(0.0, None, True, True, 1.733, 1.929),
            Notation.ratio,
            ZH,
            "按惯例1.73…1.93倍",
        ),
        (
            None,
            Bounds(None, None, True, True, 1.1e5, 1.3e5),
            Notation.amount,
            ZH,
            "按惯例+11…+13万",
        ),
        (None, Bounds(None, None, True, True), Notation.amount, EN, "unbounded"),
        (None, Bounds(-100.0, None, True, True), Notation.percent, ZH, "无法确定"),
        # No interval columns: the point as ever, a dash, or "new" from a zero base.
        (138.888, None, Notation.percent, EN, "+138.9%"),
        (None, None, Notation.percent, EN, "—"),
        (None, None, Notation.ratio, ZH, "新增"),
    ],
)
def test_interval_text(
    point: float | None, bounds: Bounds | None, notation: Notation, lang: Language, text: str
) -> None:
    zero_base = bounds is None and point is None and notation is Notation.ratio
    assert interval_text(point, bounds, notation, lang, zero_base=zero_base) == text


@pytest.mark.parametrize(
    ("text", "value", "step"),
    [("3.6万亿", 3.6e12, 1e11), ("+50.0%", 50.0, 0.1), ("63,000", 63_000, 1000),
     ("6,758", 6758, 1), ("1.86 million", 1.86e6, 1e4), ("0", 0.0, 1), ("1.5E20", 1.5e20, 1e19)],
)  # fmt: skip
def test_the_step_a_written_number_shows(text: str, value: float, step: float) -> None:
    assert shown_step(text, value) == pytest.approx(step)


ENDS = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False)


@given(ENDS, ENDS, st.sampled_from(list(Notation)), st.sampled_from([EN, ZH]))
def test_an_interval_shown_contains_the_interval(
    a: float, b: float, notation: Notation, lang: Language
) -> None:
    """Rounded outward, the ends shown never cut into the interval: a reader's bound holds."""
    low, high = min(a, b), max(a, b)
    text = interval_text(None, Bounds(low, high), notation, lang)
    assert "unbounded" not in text and "—" not in text
    if INTERVAL_JOINER not in text:
        return  # a point: the interval lies within the digits shown
    shown_low, shown_high = _ends_shown(text)
    slack = 1e-12 * max(abs(low), abs(high), 1.0)  # the decimal text read back as a float
    assert shown_low <= low + slack and shown_high >= high - slack, (low, high, text)


_SCALES = {" trillion": 1e12, " billion": 1e9, " million": 1e6, "万亿": 1e12, "亿": 1e8, "万": 1e4}
_UNIT_WORDS = ("个百分点", " pp", "%", "×", "倍")


def _ends_shown(text: str) -> tuple[float, float]:
    """The two numbers an interval's text shows, in the quantity's own units."""
    scale = 1.0
    for word in _UNIT_WORDS:
        text = text.removesuffix(word)
    for word, factor in _SCALES.items():
        if text.endswith(word):
            text, scale = text.removesuffix(word), factor
            break
    low, high = text.split(INTERVAL_JOINER)
    return (float(low.replace(",", "")) * scale, float(high.replace(",", "")) * scale)


def test_bounds_read_from_a_row_tell_unbounded_from_undefined() -> None:
    row = {"change_pct": None, "change_pct_low": None, "change_pct_high": None,
           "change_pct_low_open": "true", "change_pct_high_open": "true",
           "change_pct_low_conventional": 73.3, "change_pct_high_conventional": 92.9}  # fmt: skip
    assert bounds_of(row, "change_pct") == Bounds(None, None, True, True, 73.3, 92.9)
    undefined = dict(row, change_pct_low_open=False, change_pct_high_open=False)
    assert bounds_of(undefined, "change_pct") is None
    assert bounds_of({"change_pct": 5.0}, "change_pct") is None  # a frame without the columns


@pytest.mark.parametrize(
    ("point", "bounds", "status", "qualifier", "lang", "text"),
    [
        # A bound keeps its figure and mark, though the point is empty.
        (None, Bounds(2.6e5, None, True, True, 2.6e5, 2.7e5), "reported", "more_than", ZH, ">26万"),
        (None, Bounds(0, 3e7, False, True), "reported", "nearly", ZH, "<~3000万"),
        (
            1000.0,
            Bounds(316.2, 3162.3, False, True),
            "reported",
            "order_of_magnitude",
            EN,
            "≈1,000",
        ),
        # A derived figure's interval is wider than its digits: the interval, with its status.
        (1_860_000, Bounds(1_796_774, 1_927_586), "derived", "about", ZH, "179…193万^"),
        (21_000, Bounds(20_833, 21_167), "derived", "about", ZH, "~2.1万^"),
        (43.0, Bounds(42.5, 43.5), "reported", "about", EN, "~43%"),
    ],
)
def test_a_figure_with_its_marks_or_its_interval(
    point: float | None, bounds: Bounds, status: str, qualifier: str, lang: Language, text: str
) -> None:
    unit = "percent" if text.endswith("%") else "persons"
    assert marked_interval(point, bounds, unit, status, qualifier, lang) == text


def _interval_columns(name: str, low: object, high: object, low_open: bool, high_open: bool,
                      conv_low: object = None, conv_high: object = None) -> dict[str, object]:  # fmt: skip
    return {
        f"{name}_low": low, f"{name}_high": high, f"{name}_low_open": low_open,
        f"{name}_high_open": high_open, f"{name}_low_conventional": conv_low,
        f"{name}_high_conventional": conv_high,
    }  # fmt: skip


def _rendered(result: object, lang: Language, width: int = 140) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None, legacy_windows=False)
    print_renderables(console, render(result, lang, width))  # type: ignore[arg-type]
    return console.file.getvalue()  # type: ignore[attr-defined]


def _compared() -> ComparisonResult:
    """invention_patents 突破14万 → 突破26万: the words bound no growth."""
    row: dict[str, object] = {
        "metric": "invention_patents", "entity": "zgc", "unit": "patents", "kind": "level",
        "year_from": 2020, "year_to": 2023, "value_from": None, "value_to": None,
        "status_from": "reported", "status_to": "reported",
        "qualifier_from": "more_than", "qualifier_to": "more_than",
        "year_basis_from": "stated", "year_basis_to": "stated",
        "change": None, "change_pct": None, "ratio": None, "cagr_pct": None,
        "flags": "more_than",
    }  # fmt: skip
    row |= _interval_columns("value_from", 1.4e5, None, True, True, 1.4e5, 1.5e5)
    row |= _interval_columns("value_to", 2.6e5, None, True, True, 2.6e5, 2.7e5)
    row |= _interval_columns("change", None, None, True, True, 1.1e5, 1.3e5)
    row |= _interval_columns("change_pct", -100.0, None, True, True, 73.33, 92.86)
    row |= _interval_columns("ratio", 0.0, None, True, True, 1.7333, 1.9286)
    row |= _interval_columns("cagr_pct", -100.0, None, True, True, 20.2, 24.5)
    frame = pd.DataFrame([row])
    empty = pd.DataFrame(columns=["metric", "entity"])
    return ComparisonResult(frame, 2020, 2023, empty, empty)


def test_compare_view_says_what_the_words_bound_and_marks_the_convention() -> None:
    english = _rendered(_compared(), EN)
    assert ">140,000" in english and ">260,000" in english
    assert "conv. +73…+93%" in english and "conv. 1.73…1.93×" in english
    assert "conv. +20…+25%" in english
    assert "85.7" not in english  # no bare point growth
    assert "conv. the usual reading of an end the words leave open" in english
    assert "a…b" not in english  # no strict interval shown: only the conventional reading
    chinese = _rendered(_compared(), ZH)
    assert "按惯例+73…+93%" in chinese and "按惯例：" in chinese
    assert "conv" not in chinese


def test_series_view_shows_the_derived_base_and_the_growth_as_intervals() -> None:
    rows = []
    for year, value, low, high, status, change_pct, pct_low, pct_high in (
        (2013, 1_860_000, 1_796_774, 1_927_586, "derived", None, None, None),
        (2022, 2_790_000, 2_785_000, 2_795_000, "reported", 50.0, 44.48, 55.56),
    ):
        row: dict[str, object] = {
            "metric": "employees", "entity": "zgc", "year": year, "value": value,
            "unit": "persons", "status": status, "qualifier": "about" if status == "derived" else "exact",
            "year_basis": "stated", "kind": "level", "flags": status,
            "previous_year": None if year == 2013 else 2013,
            "change": None, "change_pct": change_pct, "cagr_pct": None,
        }  # fmt: skip
        row |= _interval_columns("value", low, high, False, False, low, high)
        row |= _interval_columns("change_pct", pct_low, pct_high, False, False, pct_low, pct_high)
        rows.append(row)
    result = SeriesResult(pd.DataFrame(rows), spans=pd.DataFrame(columns=["metric"]))
    english = _rendered(result, EN)
    assert "1.79…1.93 million^" in english
    assert "+44…+56%" in english
    assert "a…b: the interval" in english
    assert "179…193万^" in _rendered(result, ZH)


def test_share_view_shows_a_shares_interval() -> None:
    row: dict[str, object] = {
        "metric": "registered_large_models", "entity": "zgc", "year": 2024, "value": 47.0,
        "of_entity": "china", "of_value": 107.0, "share_pct": 43.925, "flags": "more_than",
        "unit": "models",
    }  # fmt: skip
    row |= _interval_columns("share_pct", 43.925, None, True, True, 43.925, 44.86)
    text = _rendered(ShareResult(pd.DataFrame([row])), EN)
    assert "> 43.9%" in text
    assert ">43.9%" not in text


def test_an_index_the_words_do_not_bound_is_left_out_with_a_note_and_others_carry_theirs() -> None:
    from zgc_cli import stats
    from zgc_cli.model.dataset import Dataset
    from zgc_cli.present.charts.panels import prepare
    from zgc_cli.stats.indexing import index_series

    result = stats.series(Dataset.open(), ["invention_patents", "employees"])
    indexing = index_series(result.frame, tolerance=1)
    panels, notes = prepare(result.frame, result.names, EN, indexing)
    (panel,) = panels
    patents = next(line for line in panel.lines if line.metric == "invention_patents")
    assert 2020 not in patents.years  # 突破14万 against 突破26万: no point to draw
    assert any("not drawn" in note and "2020" in note and "conv." in note for note in notes)
    employees = next(line for line in panel.lines if line.metric == "employees")
    labels = [employees.point_label(n, EN, indexed=True) for n in range(len(employees.years))]
    assert labels[0] == "64…70^" and labels[-1] == "100"
    assert any("a vertical bar through a point" in note for note in notes)


def test_a_charts_legend_gives_the_growth_with_its_interval() -> None:
    from zgc_cli import stats
    from zgc_cli.model.dataset import Dataset
    from zgc_cli.present.charts.panels import prepare

    result = stats.series(Dataset.open(), ["revenue", "invention_patents"])
    panels, _ = prepare(result.frame, result.names, EN, None, spans=result.spans)
    growth = {line.metric: line.growth for panel in panels for line in panel.lines}
    assert growth["revenue"].strip() == "+134…+144% 2014–2023"
    assert growth["invention_patents"].strip() == "conv. +73…+93% 2020–2023"
    # A bound's point is empty: it is drawn at its figure as written, not left out.
    patents = next(
        line for panel in panels for line in panel.lines if line.metric == "invention_patents"
    )
    assert patents.raw_values == (140_000.0, 260_000.0)
