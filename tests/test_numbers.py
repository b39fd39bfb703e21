"""Numbers for people (zgc_cli.present.numbers): compact words, marks, signs, chart scales."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from zgc_cli.present.numbers import (
    chart_label,
    chart_scale,
    human_number,
    is_missing,
    marked_number,
    marks_of,
    percent_text,
    places_text,
    points_text,
    ratio_text,
    signed_human,
    tick_text,
)
from zgc_cli.words import Language

EN, ZH = Language.en, Language.zh


@pytest.mark.parametrize("value", [None, float("nan"), np.float64("nan"), pd.NaT, pd.NA])
def test_missing_values(value: object) -> None:
    assert is_missing(value)


@pytest.mark.parametrize("value", [0, 0.0, -1.5, "text", "", np.array([1.0, 2.0])])
def test_present_values(value: object) -> None:
    # An array cannot say whether it equals itself: it is a value, not a missing one.
    assert not is_missing(value)


def test_missing_values_read_as_a_dash_or_new() -> None:
    assert human_number(pd.NA, "CNY", EN) == "—"
    assert percent_text(pd.NA, EN) == "—"
    assert ratio_text(pd.NA, ZH, zero_base=True) == "新增"
    assert signed_human(pd.NA, "CNY", EN) == "—"


@pytest.mark.parametrize(
    ("value", "lang", "text"),
    [
        # English goes compact from a million, Chinese from ten thousand (万).
        (999_999, EN, "999,999"),
        (1_000_000, EN, "1 million"),
        (1_234_567, EN, "1.23 million"),
        (-3.6e12, EN, "-3.6 trillion"),
        # Chinese groups by 万 only: 9999 beside 1万, never 9,999.
        (9_999, ZH, "9999"),
        (10_000, ZH, "1万"),
        (10_000, EN, "10,000"),
        (1_234_567, ZH, "123.46万"),
        (-3.6e12, ZH, "-3.6万亿"),
        (-1_000_000, EN, "-1 million"),
        (-10_000, ZH, "-1万"),
        # Below the compact range: grouped in English, by 万 only in Chinese; two decimals.
        (1_234.567, EN, "1,234.57"),
        (1.2345, EN, "1.23"),
        (-1.2345, ZH, "-1.23"),
        (-1_234.5, ZH, "-1234.5"),
        (1, EN, "1"),
        (0, EN, "0"),
        (-1, EN, "-1"),
        # Under one, small numbers keep up to six decimals and no grouping.
        (0.99, EN, "0.99"),
        (0.5, EN, "0.5"),
        (-0.5, ZH, "-0.5"),
        (0.0001234, EN, "0.000123"),
        (-0.0001234, EN, "-0.000123"),
    ],
)
def test_human_number(value: float, lang: Language, text: str) -> None:
    assert human_number(value, "CNY", lang) == text


@pytest.mark.parametrize(
    ("value", "unit", "lang", "text"),
    [
        # From 1e15, and below 1e-6, past the compact words: scientific, either sign.
        (1e15, "CNY", EN, "1E15"),
        (-1e15, "CNY", ZH, "-1E15"),
        (9.99e14, "CNY", EN, "999 trillion"),
        (1.5e20, "percent", ZH, "1.5E20%"),
        (1.2345e20, "CNY", EN, "1.23E20"),
        (9.99e14, "percent", EN, "999,000,000,000,000%"),
        (0.000001, "CNY", EN, "0.000001"),
        (-0.000001, "CNY", EN, "-0.000001"),
        (9.99e-7, "CNY", EN, "9.99E-7"),
        (-9.99e-7, "percent", EN, "-9.99E-7%"),
        (5e-324, "CNY", ZH, "5E-324"),
    ],
)
def test_extreme_numbers_are_scientific(value: float, unit: str, lang: Language, text: str) -> None:
    assert human_number(value, unit, lang) == text


def test_human_number_of_a_missing_value_is_a_dash() -> None:
    assert human_number(float("nan"), "CNY", EN) == "—"
    assert human_number(None, "percent", ZH) == "—"


@pytest.mark.parametrize(
    ("value", "lang", "text"),
    [
        (51.234, EN, "51.23%"),
        (1_234.5, ZH, "1,234.5%"),
        # A percent is never written compactly, however large.
        (2e6, EN, "2,000,000%"),
        (0.5, EN, "0.5%"),
    ],
)
def test_percent_unit(value: float, lang: Language, text: str) -> None:
    assert human_number(value, "percent", lang) == text


def test_human_number_reads_numeric_text_and_numpy_numbers() -> None:
    assert human_number("2790000", "persons", ZH) == "279万"
    assert human_number(np.int64(6758), "firms", EN) == "6,758"


@pytest.mark.parametrize(
    ("status", "qualifier", "marks"),
    [
        ("reported", "exact", ("", "")),
        ("estimate", "exact", ("", "*")),
        ("derived", "exact", ("", "^")),
        ("reported", "more_than", (">", "")),
        ("reported", "nearly", ("<~", "")),
        ("reported", "about", ("~", "")),
        ("reported", "less_than", ("<", "")),
        ("estimate", "about", ("~", "*")),
        ("unknown", "unknown", ("", "")),
    ],
)
def test_marks_go_before_and_after_the_number(
    status: str, qualifier: str, marks: tuple[str, str]
) -> None:
    assert marks_of(status, qualifier) == marks


def test_marked_numbers() -> None:
    assert marked_number(140_000, "patents", "reported", "more_than", ZH) == ">14万"
    assert marked_number(8.6e12, "CNY", "estimate", "exact", EN) == "8.6 trillion*"
    assert marked_number(1.86e6, "persons", "derived", "about", EN) == "~1.86 million^"
    assert marked_number(float("nan"), "CNY", "estimate", "exact", EN) == "—*"
    assert marked_number(51.0, "percent", "estimate", "about", EN) == "~51%*"


def test_marks_of_category_values() -> None:
    status = pd.Categorical(["estimate"])[0]
    assert marks_of(status, pd.Categorical(["more_than"])[0]) == (">", "*")


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (138.888, "+138.9%"),
        (-5.0, "-5.0%"),
        (0.0, "+0.0%"),
        (1234.56, "+1,234.6%"),
        (9.99e14, "+999,000,000,000,000.0%"),
        # Extreme rates: three significant digits and the sign, scientific.
        (1e15, "+1E15%"),
        (2.0240225330731064e25, "+2.02E25%"),
        (-1.5e-9, "-1.5E-9%"),
        (1.5e-9, "+1.5E-9%"),
        (np.float64(12.25), "+12.2%"),
    ],
)
def test_percent_text(value: float, text: str) -> None:
    assert percent_text(value, EN) == text
    assert percent_text(value, ZH, zero_base=True) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (2.3889, "2.39×"),
        (0.5, "0.50×"),
        (1234.5, "1,234.50×"),
        (-2.0, "-2.00×"),
        (2e23, "2E23×"),
        (1.25e-7, "1.25E-7×"),
        (-3e20, "-3E20×"),
    ],
)
def test_ratio_text(value: float, text: str) -> None:
    assert ratio_text(value, EN) == text
    # Chinese says 倍 (是…的2.39倍), not ×.
    assert ratio_text(value, ZH, zero_base=True) == text.replace("×", "倍")


@pytest.mark.parametrize("format_text", [percent_text, ratio_text])
def test_undefined_growth_reads_new_from_zero_and_a_dash_otherwise(format_text) -> None:
    assert format_text(float("nan"), EN) == "—"
    assert format_text(None, ZH) == "—"
    assert format_text(float("nan"), EN, zero_base=True) == "new"
    assert format_text(float("nan"), ZH, zero_base=True) == "新增"


@pytest.mark.parametrize(
    ("value", "unit", "lang", "text"),
    [
        (5e12, "CNY", EN, "+5 trillion"),
        (5e12, "CNY", ZH, "+5万亿"),
        (-3.0, "firms", EN, "-3"),
        (0.5, "firms", EN, "+0.5"),
        (-0.5, "firms", ZH, "-0.5"),
        (-2.5e6, "persons", EN, "-2.5 million"),
        (0.0, "firms", EN, "0"),
        (11, "firms", ZH, "+11"),
        (-12.5, "percent", EN, "-12.5%"),
        (float("nan"), "CNY", EN, "—"),
        (None, "CNY", ZH, "—"),
    ],
)
def test_signed_human(value: float, unit: str, lang: Language, text: str) -> None:
    assert signed_human(value, unit, lang) == text


@pytest.mark.parametrize(
    ("max_abs", "lang", "scale"),
    [
        (9_999, EN, (1.0, "")),
        (9_999, ZH, (1.0, "")),
        (float("nan"), EN, (1.0, "")),
        (0.0, ZH, (1.0, "")),
        # From ten thousand on, the scale word of the largest magnitude not above the values.
        (10_000, EN, (1e3, "thousand")),
        (10_000, ZH, (1e4, "万")),
        (50_000, EN, (1e3, "thousand")),
        (999_999, EN, (1e3, "thousand")),
        (1_000_000, EN, (1e6, "million")),
        (1_000_000, ZH, (1e4, "万")),
        (99_999_999, ZH, (1e4, "万")),
        (1e8, ZH, (1e8, "亿")),
        (2.5e9, EN, (1e9, "billion")),
        (2.5e9, ZH, (1e8, "亿")),
        (999_999_999_999, EN, (1e9, "billion")),
        (1e12, EN, (1e12, "trillion")),
        (1e12, ZH, (1e12, "万亿")),
        (5e15, EN, (1e12, "trillion")),
        (float("inf"), ZH, (1e12, "万亿")),
    ],
)
def test_chart_scale(max_abs: float, lang: Language, scale: tuple[float, str]) -> None:
    assert chart_scale(max_abs, lang) == scale


@given(st.floats(min_value=1e4, max_value=1e18), st.sampled_from(list(Language)))
def test_a_chart_scale_never_shrinks_the_largest_value_below_one(max_abs: float, lang) -> None:
    divisor, word = chart_scale(max_abs, lang)
    assert word
    assert 1 <= max_abs / divisor


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (8.6, "8.6"),
        (26.0, "26"),
        (2.789, "2.79"),
        (0.01234, "0.0123"),
        (-2.789, "-2.79"),
        (8600.0, "8,600"),
        (-8600.0, "-8,600"),
        (1234.5, "1,234"),
        (100.0, "100"),
        (-250.4, "-250"),
        (99.96, "100"),
    ],
)
def test_chart_label(value: float, text: str) -> None:
    assert chart_label(value) == text


@pytest.mark.parametrize(
    ("tick", "step", "text"),
    [
        (12.5, 2.5, "12.5"),
        (12_500.0, 20.0, "12,500"),
        (12_500.0, 2_500.0, "12,500"),
        (0.5, 0.25, "0.50"),
        (0.3, 0.1, "0.3"),
        (1.0, 0.5, "1.0"),
        (3.0, 1.0, "3"),
        (0.002, 0.001, "0.002"),
        (0.000002, 0.000001, "0.000002"),
        (-7.5, 2.5, "-7.5"),
    ],
)
def test_tick_text_has_the_decimals_its_step_needs(tick: float, step: float, text: str) -> None:
    assert tick_text(tick, step) == text


def test_tick_text_of_a_step_with_float_noise() -> None:
    # 0.1 * 3 is 0.30000000000000004: still one decimal.
    assert tick_text(0.1 * 3, 0.1 * 3) == "0.3"
    # A step off a round one by under a millionth is that round step.
    assert tick_text(0.6, 0.2000001) == "0.6"
    assert tick_text(0.6, 0.2000011) == "0.600000"
    assert math.isclose(float(tick_text(1 / 3, 1 / 3)), 1 / 3, abs_tol=1e-6)


@pytest.mark.parametrize(
    ("value", "en", "zh"),
    [
        (20, "+20 pp", "+20个百分点"),
        (-5.5, "-5.5 pp", "-5.5个百分点"),
        (0, "0 pp", "0个百分点"),
        (12.345, "+12.35 pp", "+12.35个百分点"),
        (1234.5, "+1,234.5 pp", "+1,234.5个百分点"),
        (0.1, "+0.1 pp", "+0.1个百分点"),
        # Rounded once, to two decimals: 1.3749999 is 1.37, not 1.375 then 1.38.
        (1.3749999, "+1.37 pp", "+1.37个百分点"),
        (float("nan"), "—", "—"),
        (pd.NA, "—", "—"),
    ],
)
def test_points_text(value: float, en: str, zh: str) -> None:
    assert points_text(value, EN) == en
    assert points_text(value, ZH) == zh


@pytest.mark.parametrize(
    ("value", "en", "zh"),
    [
        # A rank's change is to − from: 5 → 1 is -4, four places up.
        (-4, "↑4", "上升4位"),
        (3, "↓3", "下降3位"),
        (0, "=", "持平"),
        (-1234, "↑1,234", "上升1,234位"),
        (-0.5, "↑0.5", "上升0.5位"),
        (0.5, "↓0.5", "下降0.5位"),
        (None, "—", "—"),
    ],
)
def test_places_text(value: float, en: str, zh: str) -> None:
    assert places_text(value, EN) == en
    assert places_text(value, ZH) == zh


def test_points_and_places_take_their_sign_from_what_is_shown() -> None:
    from zgc_cli.present.numbers import places_text, points_text

    assert points_text(0.004, Language.en) == "0 pp"
    assert points_text(-0.004, Language.zh) == "0个百分点"
    assert points_text(0.5, Language.en) == "+0.5 pp"
    assert places_text(0.004, Language.en) == "="
    assert places_text(-4, Language.zh) == "上升4位"
