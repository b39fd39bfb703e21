"""Exact renders on a fixed-width, colourless console, and the machine number format."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from rich.table import Table

from zgc_cli import stats
from zgc_cli.model.dataset import Dataset
from zgc_cli.present import formats as render
from zgc_cli.present import views
from zgc_cli.present.choices import OutputFormat
from zgc_cli.present.numbers import human_number
from zgc_cli.present.tables import print_renderables
from zgc_cli.words import Language

OBSERVATIONS = pd.DataFrame(
    {
        "metric": pd.Categorical(["revenue", "revenue", "firms", "firms"]),
        "entity": pd.Categorical(["zgc"] * 4),
        "year": pd.Series([2014, 2023, 2012, 2022], dtype="int16"),
        "value": [3.6e12, 8.6e12, 0.0, 11.0],
        "unit": pd.Categorical(["CNY", "CNY", "firms", "firms"]),
        "status": pd.Categorical(["reported", "estimate", "reported", "reported"]),
        "qualifier": pd.Categorical(["exact", "exact", "exact", "more_than"]),
    }
)
INDICATORS = pd.DataFrame(
    {
        "metric": ["revenue"],
        "name_en": ["Total revenue"],
        "name_zh": ["企业总收入"],
        "unit": ["CNY"],
        "category": ["economy"],
        "description": [""],
    }
)


def rendered(renderables, width: int = 80) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None)
    print_renderables(console, renderables)
    text = console.file.getvalue()  # type: ignore[attr-defined]
    return "\n".join(line.rstrip() for line in text.splitlines())


def test_series_table_in_english() -> None:
    result = stats.series(Dataset.from_frame(OBSERVATIONS, INDICATORS), ["revenue"])
    assert rendered(views.render(result, Language.en, 80)) == (
        "Total revenue (CNY)  revenue\n"
        "\n"
        " Entity   Year           Value   Unit        Change   Change %   CAGR %\n"
        " ──────────────────────────────────────────────────────────────────────\n"
        " zgc      2014    3.6 trillion   CNY              —          —        —\n"
        " zgc      2023   8.6 trillion*   CNY    +5 trillion    +138.9%   +10.2%\n"
        "\n"
        "zgc 2014 → 2023: 3.6 trillion → 8.6 trillion*, +5 trillion, +138.9%, 2.39×,\n"
        "CAGR +10.2%\n"
        "* estimate"
    )


def test_series_table_in_chinese_aligns_wide_characters() -> None:
    result = stats.series(Dataset.from_frame(OBSERVATIONS, INDICATORS), ["revenue"])
    # Headers in the glossary's terms (增减, 增长率, 年均复合增长率), the span as bulletins say.
    assert rendered(views.render(result, Language.zh, 80)) == (
        "企业总收入（元）  revenue\n"
        "\n"
        " 主体   年份       数值   单位     增减    增长率   年均复合增长率\n"
        " ─────────────────────────────────────────────────────────────────\n"
        " zgc    2014    3.6万亿   元          —         —                —\n"
        " zgc    2023   8.6万亿*   元     +5万亿   +138.9%           +10.2%\n"
        "\n"
        "zgc 2014 → 2023：3.6万亿 → 8.6万亿*，+5万亿，+138.9%，2.39倍，年均增长+10.2%\n"
        "* 预计值"
    )


def test_a_long_header_goes_on_two_lines_before_a_column_is_left_out() -> None:
    result = stats.series(Dataset.from_frame(OBSERVATIONS, INDICATORS), ["revenue"])
    # 65 columns wide with 年均复合增长率 on one line; at 62 it stacks, and nothing is dropped.
    assert rendered(views.render(result, Language.zh, 62), width=62) == (
        "企业总收入（元）  revenue\n"
        "\n"
        "                                                    年均复合\n"
        " 主体   年份       数值   单位     增减    增长率     增长率\n"
        " ───────────────────────────────────────────────────────────\n"
        " zgc    2014    3.6万亿   元          —         —          —\n"
        " zgc    2023   8.6万亿*   元     +5万亿   +138.9%     +10.2%\n"
        "\n"
        "zgc 2014 → 2023：3.6万亿 → 8.6万亿*，+5万亿，+138.9%，2.39倍，\n"
        "年均增长+10.2%\n"
        "* 预计值"
    )


def test_growth_from_zero_reads_new_and_bounds_are_marked() -> None:
    comparison = stats.comparison(Dataset.from_frame(OBSERVATIONS, INDICATORS), 2012, 2022)
    text = rendered(views.render(comparison, Language.en, 80))
    assert text == (
        "2012 → 2022\n"
        "\n"
        " Indicator     2012   2022   Unit    Change   Change %   Ratio   CAGR %\n"
        " ──────────────────────────────────────────────────────────────────────\n"
        # More than 11 from none: the change is more than 11 (the words bound no more).
        " firms (zgc)      0    >11   firms    > +11        new     new        —\n"
        "\n"
        "> more than  ≥ > ≤ <: one end only, the words leave the other open"
    )


def test_numbers_are_never_cut_on_a_narrow_terminal() -> None:
    comparison = stats.comparison(Dataset.from_frame(OBSERVATIONS, INDICATORS), 2014, 2023)
    wide = rendered(views.render(comparison, Language.en, 120), width=120)
    for figure in ("3.6 trillion", "8.6 trillion*", "+5 trillion", "+138.9%", "2.39×", "+10.2%"):
        assert figure in wide
    # At 30 columns the ratio, the change and the CAGR are left out, and the units'
    # column (each figure's unit goes beneath it, in its cell, the estimate's mark
    # after the unit); the name wraps; the two values and the percent change stay whole.
    text = rendered(views.render(comparison, Language.en, 30), width=30)
    for figure in ("3.6 trillion", "8.6 trillion", "CNY*", "+138.9%"):
        assert figure in text
    for left_out in ("+5 trillion", "+10.2%", "2.39×"):
        assert left_out not in text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (3.6e12, "3600000000000"),
        (48.2, "48.2"),
        (0.1 + 0.2, "0.30000000000000004"),
        (-11.0, "-11"),
        (1e20, "1e+20"),
        (5881.636205395996, "5881.636205395996"),
    ],
)
def test_machine_numbers_are_exact(value: float, text: str) -> None:
    frame = pd.DataFrame({"value": [value]})
    assert render.machine_text(frame)["value"].iloc[0] == text


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_machine_number_text_reads_back_as_the_same_float(value: float) -> None:
    text = render.machine_text(pd.DataFrame({"value": [value]}))["value"].iloc[0]
    assert float(text) == value
    assert "," not in text


def test_json_writes_null_for_missing_and_integers_for_whole_numbers() -> None:
    frame = pd.DataFrame({"a": [1.0, float("nan")], "b": ["x", "y"]})
    stream = io.StringIO()
    render.write_machine(frame, OutputFormat.json, stream, pretty=False)
    assert json.loads(stream.getvalue()) == [{"a": 1, "b": "x"}, {"a": None, "b": "y"}]
    assert stream.getvalue().startswith('[{"a":1,')


def test_markdown_escapes_pipes() -> None:
    stream = io.StringIO()
    render.write_machine(pd.DataFrame({"q": ["a|b"]}), OutputFormat.markdown, stream, False)
    assert stream.getvalue() == "| q |\n| --- |\n| a\\|b |\n"


@pytest.mark.parametrize(
    ("value", "lang", "text"),
    [
        (3.6e12, Language.zh, "3.6万亿"),
        (3.6e12, Language.en, "3.6 trillion"),
        (78470000000, Language.zh, "784.7亿"),
        (78470000000, Language.en, "78.47 billion"),
        (2790000, Language.zh, "279万"),
        (6758, Language.en, "6,758"),
        (48.2, Language.zh, "48.2"),
    ],
)
def test_human_numbers(value: float, lang: Language, text: str) -> None:
    assert human_number(value, "CNY", lang) == text


def test_percent_units_read_as_percent() -> None:
    assert human_number(51.0, "percent", Language.en) == "51%"


@pytest.mark.parametrize("lang", list(Language))
def test_no_number_or_id_is_ever_cut_at_any_terminal_width(lang: Language) -> None:
    """Every line of a never-wrap cell appears whole, from 20 columns to 160.

    Each view is laid out for the width it is shown at, as the CLI does (a figure
    may then put its unit on a line of its own; each line is whole).
    """
    dataset = Dataset.open()
    metrics = ["revenue", "employees", "tech_contract_value_to_tianjin_hebei"]
    results = [
        stats.comparison(dataset, 2012, 2022),
        stats.series(dataset, metrics),
        stats.catalog_of(dataset),
    ]
    for result in results:
        # Step 3: the gap a miscounted width leaves is one cell per column separator.
        for width in range(20, 161, 3):
            renderables = views.render(result, lang, width)
            whole_lines = [
                line
                for renderable in renderables
                if isinstance(renderable, Table)
                for column in renderable.columns
                if column.no_wrap
                for cell in column.cells
                for line in str(cell).split("\n")
            ]
            assert whole_lines
            text = rendered(renderables, width=width)
            missing = [line for line in whole_lines if line not in text]
            assert not missing, (width, missing[:3])


def test_a_narrow_catalog_leaves_out_optional_columns_first() -> None:
    observations = OBSERVATIONS.assign(metric=OBSERVATIONS["metric"].astype(str))
    catalog = stats.catalog_of(Dataset.from_frame(observations, INDICATORS))
    wide = rendered(views.render(catalog, Language.en, 200), width=200)
    narrow = rendered(views.render(catalog, Language.en, 40), width=40)
    assert {"Indicator", "Unit", "Trend"} <= set(wide.split())
    assert not {"Unit", "Trend"} & set(narrow.split())
    # Each figure keeps its unit, in its cell; ids leave the table whole, with a pointer.
    for kept in ("Indicator", "Entity", "Year", "Latest", "8.6 trillion", "CNY*", "--format csv"):
        assert kept in narrow


@pytest.mark.parametrize(
    ("values", "line"),
    [
        ([], ""),
        # A flat series (or a single observation) sits mid-way, not on the floor.
        ([5.0], "▄"),
        ([5.0, 5.0, 5.0], "▄▄▄"),
        ([0.0, 0.0], "▄▄"),
        ([0.0, 10.0], "▁█"),
        ([10.0, 0.0, 5.0], "█▁▅"),
        ([1, 2, 3, 4, 5, 6, 7, 8], "▁▂▃▄▅▆▇█"),
        ([-3.0, -1.0], "▁█"),
    ],
)
def test_sparkline(values: list[float], line: str) -> None:
    assert views.sparkline(values) == line
