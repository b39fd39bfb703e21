"""The interval of every figure, and arithmetic that carries it (zgc_cli.stats.intervals).

Three kinds of test: the figure intervals of each qualifier and wording the
README documents; properties, against ``mpmath.iv`` as the oracle, that every
computed interval encloses the true one; and the CLI's done-when checks.
"""

from __future__ import annotations

import csv
import io
import json
import math
from fractions import Fraction
from pathlib import Path

import mpmath
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from zgc_cli.cli import app
from zgc_cli.errors import DataError
from zgc_cli.model.figures import written_precision
from zgc_cli.model.observations import parse_observations
from zgc_cli.model.schema import interval_columns
from zgc_cli.present.choices import OutputFormat
from zgc_cli.present.formats import write_machine
from zgc_cli.stats.intervals import (
    Bounds,
    bounds_from_columns,
)
from zgc_cli.stats.measures import MEASURES
from zgc_cli.stats.observed import observation_bounds, value_steps
from zgc_cli.stats.rounding import add_down, add_up, div_down, div_up, mul_down, mul_up

runner = CliRunner()
INF = math.inf


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


# --- the written precision of a figure --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "step", "nonzero", "inclusive"),
    [
        ("3.6万亿元", 1e11, 1e11, False),
        ("279万人", 1e4, 1e4, False),
        ("突破26万件", 1e4, 1e4, False),
        ("近3000万公里", 1e4, 1e7, False),
        ("30余项", 0.0, 10.0, False),  # a count to the ones place
        ("四成以上", 10.0, 10.0, True),
        ("千比特量级", 1000.0, 1000.0, False),
        ("1.5倍", 0.1, 0.1, False),
        ("48.2%", 0.1, 0.1, False),
        ("1897家", 0.0, 1.0, False),
        ("3倍", 1.0, 1.0, False),  # a measure, not a count: rounded to its digit
        ("上千家", 1000.0, 1000.0, False),
        ("超亿元", 1e8, 1e8, False),
        ("55万余名", 1e4, 1e4, False),
        ("3.60亿", 1e6, 1e7, False),
        ("10公里以内", 1.0, 10.0, True),
        ("不超过10家", 0.0, 10.0, True),
        ("全国第一", 0.0, 1.0, False),
    ],
)
def test_the_written_steps_of_a_figure(
    text: str, step: float, nonzero: float, inclusive: bool
) -> None:
    precision = written_precision(text)
    assert precision is not None
    assert (precision.step, precision.nonzero_step, precision.inclusive) == pytest.approx(
        (step, nonzero, inclusive), rel=1e-12
    )


def test_a_text_without_a_figure_has_no_precision() -> None:
    assert written_precision("悟道2.0") is None
    assert written_precision("") is None


def test_steps_from_a_values_own_digits() -> None:
    step, nonzero = value_steps(np.array([48.2, 1_900_000.0, 0.0, 0.25, 7.0]))
    assert step.tolist() == pytest.approx([0.1, 0.0, 0.0, 0.01, 0.0])
    assert nonzero.tolist() == pytest.approx([0.1, 1e5, 1.0, 0.01, 1.0])


# --- the interval of each qualifier -----------------------------------------------------


def bounds_of(value: float, qualifier: str, figure: str | None = None, **given: float) -> dict:
    frame = pd.DataFrame({"value": [value], "qualifier": [qualifier]})
    if figure is not None:
        frame["figure"] = [figure]
    for name, end in given.items():
        frame[name] = [end]
    strict, conventional = observation_bounds(frame)
    return {
        "strict": (strict.low[0], strict.high[0], strict.low_open[0], strict.high_open[0]),
        "conventional": (conventional.low[0], conventional.high[0]),
    }


@pytest.mark.parametrize(
    ("value", "qualifier", "figure", "strict", "conventional"),
    [
        # exact and about: ± half the last written digit; a count is a point.
        (3.6e12, "exact", "3.6万亿元", (3.55e12, 3.65e12, False, False), (3.55e12, 3.65e12)),
        (2_790_000, "exact", "279万人", (2_785_000, 2_795_000, False, False), None),
        (1897, "exact", "1897家", (1897, 1897, False, False), None),
        (43, "about", "43%左右", (42.5, 43.5, False, False), None),
        (30, "about", "约30家", (29.5, 30.5, False, False), None),
        # more_than: open above; 以上 includes the number (Civil Code art. 1259).
        (260_000, "more_than", "突破26万件", (260_000, INF, True, True), (260_000, 270_000)),
        (30, "more_than", "30余项", (30, INF, True, True), (30, 40)),
        (40, "more_than", "四成以上", (40, INF, False, True), (40, 50)),
        (1e8, "more_than", "超亿元", (1e8, INF, True, True), (1e8, 2e8)),
        # nearly and less_than: below the number, down to zero; 以下/以内 include it.
        (9.8e11, "nearly", "近9800亿元", (0, 9.8e11, False, True), (9.7e11, 9.8e11)),
        (3e7, "nearly", "近3000万公里", (0, 3e7, False, True), (2e7, 3e7)),
        (10, "less_than", "不到10家", (0, 10, False, True), (0, 10)),
        (10, "less_than", "10公里以内", (0, 10, False, False), (0, 10)),
        # order_of_magnitude: within √10 either way.
        (1000, "order_of_magnitude", "千比特量级", None, None),
    ],
)
def test_the_interval_of_each_qualifier_and_wording(
    value: float,
    qualifier: str,
    figure: str,
    strict: tuple | None,
    conventional: tuple | None,
) -> None:
    got = bounds_of(value, qualifier, figure)
    if strict is None:  # 量级
        low, high, low_open, high_open = got["strict"]
        assert low <= 1000 / math.sqrt(10) <= low * (1 + 1e-15)
        assert high >= 1000 * math.sqrt(10) >= high * (1 - 1e-15)
        assert (low_open, high_open) == (False, True)
        assert got["conventional"] == (low, high)
        return
    assert got["strict"] == pytest.approx(strict)
    expected = conventional if conventional is not None else strict[:2]
    assert got["conventional"] == pytest.approx(expected)


def test_a_negative_nearly_is_unbounded_below() -> None:
    low, high, low_open, high_open = bounds_of(-5.0, "nearly")["strict"]
    assert (low, high, low_open, high_open) == (-INF, -5.0, True, True)


def test_the_datas_own_low_and_high_override_and_are_closed() -> None:
    got = bounds_of(1_860_000, "about", "1.5倍", low=1_796_774, high=1_927_586)
    assert got["strict"] == (1_796_774, 1_927_586, False, False)
    assert got["conventional"] == (1_796_774, 1_927_586)


def test_a_figure_that_is_not_the_rows_value_leaves_the_values_digits() -> None:
    # A derived row quotes its operand (1.5倍): its own value's digits count.
    got = bounds_of(1_860_000, "about", "1.5倍")
    assert got["strict"] == (1_859_999.5, 1_860_000.5, False, False)


# --- directed rounding: exact where exact, enclosing everywhere --------------------------

finite = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e300, max_value=1e300)


@settings(max_examples=150, deadline=None)
@given(finite, finite)
def test_directed_sums_and_products_enclose_the_exact_result(a: float, b: float) -> None:
    x, y = np.array([a]), np.array([b])
    exact_sum = Fraction(a) + Fraction(b)
    assert Fraction(add_down(x, y)[0]) <= exact_sum <= Fraction(add_up(x, y)[0])
    product = Fraction(a) * Fraction(b)
    low, high = mul_down(x, y)[0], mul_up(x, y)[0]
    if math.isfinite(low) and math.isfinite(high):
        assert Fraction(low) <= product <= Fraction(high)
    if b != 0:
        low, high = div_down(x, y)[0], div_up(x, y)[0]
        quotient = Fraction(a) / Fraction(b)
        assert low == -INF or (low != INF and Fraction(low) <= quotient)
        assert high == INF or (high != -INF and quotient <= Fraction(high))


def test_exact_operations_are_not_widened() -> None:
    assert add_down(np.array([2_790_000.0]), np.array([-5000.0]))[0] == 2_785_000.0
    assert div_down(np.array([2_790_000.0]), np.array([1_860_000.0]))[0] == 1.5
    assert div_up(np.array([12_000.0]), np.array([1000.0]))[0] == 12.0
    assert mul_up(np.array([0.5]), np.array([100.0]))[0] == 50.0
    # An inexact one is: 1/3 lies strictly between its two roundings.
    low, high = (
        div_down(np.array([1.0]), np.array([3.0]))[0],
        div_up(np.array([1.0]), np.array([3.0]))[0],
    )
    assert low < high and Fraction(low) < Fraction(1, 3) < Fraction(high)


# --- the measures' intervals against mpmath.iv -------------------------------------------

positive = st.floats(min_value=1e-6, max_value=1e12, allow_nan=False)


@st.composite
def intervals(draw: st.DrawFn) -> tuple[float, float]:
    low = draw(positive)
    width = draw(st.floats(min_value=0, max_value=1e12, allow_nan=False))
    return low, low + width


def _oracle(name: str, start: tuple[float, float], end: tuple[float, float], years: int):
    iv = mpmath.iv
    a, b = iv.mpf(list(start)), iv.mpf(list(end))
    if name == "change":
        return b - a
    if name == "ratio":
        return b / a
    if name == "change_pct":
        return (b / a - 1) * 100
    return ((b / a) ** (iv.mpf(1) / years) - 1) * 100


def _ends(result) -> tuple[mpmath.mpf, mpmath.mpf]:
    low, high = result._mpi_
    return mpmath.mpf(low), mpmath.mpf(high)


@settings(max_examples=150, deadline=None)
@given(
    intervals(),
    intervals(),
    st.integers(min_value=1, max_value=30),
    st.sampled_from(["change", "ratio", "change_pct", "cagr_pct"]),
)
def test_every_measures_interval_encloses_mpmaths(
    start: tuple[float, float], end: tuple[float, float], years: int, name: str
) -> None:
    mpmath.mp.prec = mpmath.iv.prec = 300
    rule = MEASURES[name].interval_rule
    closed = np.zeros(1, dtype=bool)
    got = rule(
        Bounds(np.array([start[0]]), np.array([start[1]]), closed, closed),
        Bounds(np.array([end[0]]), np.array([end[1]]), closed, closed),
        np.array([float(years)]),
    )
    true_low, true_high = _ends(_oracle(name, start, end, years))
    assert mpmath.mpf(got.low[0]) <= true_low
    assert mpmath.mpf(got.high[0]) >= true_high
    # Outward by little: within a relative 1e-12 (and the floors) of the true ends.
    assert float(true_low) - got.low[0] <= 1e-12 * max(1.0, abs(float(true_low)))
    assert got.high[0] - float(true_high) <= 1e-12 * max(1.0, abs(float(true_high)))


@settings(max_examples=100, deadline=None)
@given(intervals(), intervals())
def test_a_share_encloses_mpmaths(part: tuple[float, float], whole: tuple[float, float]) -> None:
    from zgc_cli.stats.intervals import share_bounds

    mpmath.mp.prec = mpmath.iv.prec = 300
    closed = np.zeros(1, dtype=bool)
    got = share_bounds(
        Bounds(np.array([part[0]]), np.array([part[1]]), closed, closed),
        Bounds(np.array([whole[0]]), np.array([whole[1]]), closed, closed),
    )
    iv = mpmath.iv
    true_low, true_high = _ends(iv.mpf(list(part)) * 100 / iv.mpf(list(whole)))
    assert mpmath.mpf(got.low[0]) <= true_low and mpmath.mpf(got.high[0]) >= true_high


def test_unbounded_ends_and_the_natural_floors() -> None:
    # 突破14万 → 突破26万: the words bound the percent change below by −100 % only.
    rule = MEASURES["change_pct"].interval_rule
    start = Bounds(np.array([140_000.0]), np.array([INF]), np.array([True]), np.array([True]))
    end = Bounds(np.array([260_000.0]), np.array([INF]), np.array([True]), np.array([True]))
    got = rule(start, end, np.array([3.0]))
    assert (got.low[0], got.high[0], got.low_open[0], got.high_open[0]) == (-100, INF, True, True)
    ratio = MEASURES["ratio"].interval_rule(start, end, np.array([3.0]))
    assert (ratio.low[0], ratio.high[0]) == (0.0, INF)
    # A base down to zero ([0, v), 近) leaves the ratio unbounded above.
    nearly = Bounds(np.array([0.0]), np.array([5.0]), np.array([False]), np.array([True]))
    point = Bounds.point(np.array([10.0]))
    got = MEASURES["ratio"].interval_rule(nearly, point, np.array([1.0]))
    assert (got.low[0], got.high[0], got.low_open[0], got.high_open[0]) == (2.0, INF, True, True)


def test_a_made_up_measure_brings_an_enclosing_interval_by_its_corners() -> None:
    from zgc_cli.stats.measures import Measure, Style

    half = Measure("half", lambda start, end, years: (end - start) / 2, {}, Style.amount)
    closed = np.zeros(1, dtype=bool)
    got = half.interval_rule(
        Bounds(np.array([1.0]), np.array([2.0]), closed, closed),
        Bounds(np.array([10.0]), np.array([12.0]), closed, closed),
        np.array([1.0]),
    )
    assert got.low[0] <= 4.0 and got.high[0] >= 5.5
    assert got.low[0] == pytest.approx(4.0) and got.high[0] == pytest.approx(5.5)


# --- the loader ---------------------------------------------------------------------------


def test_the_optional_columns_are_read_typed_and_never_added() -> None:
    plain = parse_observations("a.csv", b"metric,entity,year,value\nm,e,2020,1\n").frame
    assert not {"figure", "low", "high", "year_min", "note_zh"} & set(plain.columns)
    text = (
        "metric,entity,year,value,figure,low,high,year_min,year_max,entity_quote,note_zh\n"
        "m,e,2020,5,5家,4,6,2019,2021,中关村,注\n"
        "m,e,2021,7,,,,,,,\n"
    )
    frame = parse_observations("a.csv", text.encode()).frame
    assert frame["low"].tolist()[0] == 4.0 and math.isnan(frame["high"].tolist()[1])
    assert str(frame["year_min"].dtype) == "Int16" and frame["year_min"].isna().tolist() == [
        False,
        True,
    ]
    assert frame["figure"].tolist() == ["5家", ""]


@pytest.mark.parametrize(
    ("row", "words"),
    [
        ("m,e,2020,9,10,12", "a.csv:2: value 9 is outside the row's interval (low 10, high 12)"),
        ("m,e,2020,13,10,12", "a.csv:2: value 13 is outside"),
        ("m,e,2020,11,12,10", "a.csv:2: value 11 is outside"),
    ],
)
def test_a_value_outside_its_given_interval_is_refused_in_one_line(row: str, words: str) -> None:
    with pytest.raises(DataError) as raised:
        parse_observations("a.csv", f"metric,entity,year,value,low,high\n{row}\n".encode())
    message = str(raised.value)
    assert message.startswith(words) and "\n" not in message


def test_the_refusal_speaks_chinese_too(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("metric,entity,year,value,low,high\nm,e,2020,9,10,12\n", encoding="utf-8")
    code, _, stderr = run("metrics", "m", "--data", str(path), "--lang", "zh")
    assert code != 0 and "数值 9 不在该行的区间内" in stderr
    path.write_text("metric,entity,year,value,year_min\nm,e,2020,9,2019.5\n", encoding="utf-8")
    code, _, stderr = run("metrics", "m", "--data", str(path))
    assert code != 0 and "column 'year_min'" in stderr and "not a whole year" in stderr


# --- machine output ---------------------------------------------------------------------


def test_open_flags_are_true_false_and_an_undefined_one_is_empty() -> None:
    frame = pd.DataFrame(
        {"x": [1.0, np.nan], "x_low_open": pd.array([True, None], dtype="boolean")}
    )
    out = io.StringIO()
    write_machine(frame, OutputFormat.csv, out, pretty=False)
    assert out.getvalue() == "x,x_low_open\n1,true\n,\n"
    out = io.StringIO()
    write_machine(frame, OutputFormat.json, out, pretty=False)
    assert json.loads(out.getvalue()) == [
        {"x": 1, "x_low_open": True},
        {"x": None, "x_low_open": None},
    ]


def test_intervals_read_back_from_their_columns() -> None:
    frame = pd.DataFrame(
        {
            "value": [np.nan, 5.0],
            "value_low": [260_000.0, 4.0],
            "value_high": [np.nan, 6.0],
            "value_low_open": pd.array([True, False], dtype="boolean"),
            "value_high_open": pd.array([True, False], dtype="boolean"),
            "value_low_conventional": [260_000.0, 4.0],
            "value_high_conventional": [270_000.0, 6.0],
        }
    )
    read = bounds_from_columns(frame, "value")
    assert read is not None
    strict, conventional = read
    assert strict.high.tolist() == [INF, 6.0] and conventional.high.tolist() == [270_000.0, 6.0]


# --- the CLI: the done-when checks ------------------------------------------------

EMPLOYEES_CSV = """\
metric,entity,year,value,unit,status,qualifier,quote,note,year_basis,figure,low,high
employees,zgc,2013,1860000,persons,derived,about,是2013年的1.5倍,,stated,1.5倍,1796774,1927586
employees,zgc,2022,2790000,persons,reported,exact,2022年中关村从业人员279万人,,stated,279万人,,
returnees,zgc,2012,21000,persons,derived,about,是2012年的3倍,,stated,3倍,17857,25200
returnees,zgc,2022,63000,persons,reported,exact,留学归国人员6.3万人,,stated,6.3万人,,
"""


def test_growth_from_a_derived_row_is_the_articles_own_ratio(tmp_path: Path) -> None:
    path = tmp_path / "metrics.csv"
    path.write_text(EMPLOYEES_CSV, encoding="utf-8")
    code, stdout, stderr = run("metrics", "employees", "--data", str(path), "--format", "csv")
    assert code == 0, stderr
    rows = list(csv.DictReader(io.StringIO(stdout)))
    latest = rows[1]
    assert latest["year"] == "2022" and float(latest["change_pct"]) == 50.0
    assert (latest["value_low"], latest["value_high"]) == ("2785000", "2795000")
    low, high = float(latest["change_pct_low"]), float(latest["change_pct_high"])
    # [2,785,000 / 1,927,586 − 1, 2,795,000 / 1,796,774 − 1] × 100
    assert low == pytest.approx((2_785_000 / 1_927_586 - 1) * 100) and low < 50
    assert high == pytest.approx((2_795_000 / 1_796_774 - 1) * 100) and high > 50
    assert (latest["change_pct_low_open"], latest["change_pct_high_open"]) == ("false", "false")
    code, stdout, _ = run("metrics", "returnees", "--data", str(path), "--format", "csv")
    returnees = list(csv.DictReader(io.StringIO(stdout)))[1]
    assert float(returnees["change_pct"]) == 200.0
    assert float(returnees["change_pct_low"]) < 200 < float(returnees["change_pct_high"])


def test_bounds_at_both_ends_give_no_point_growth_in_json() -> None:
    code, stdout, stderr = run("compare", "2020", "2023", "--format", "json")
    assert code == 0, stderr
    patents = next(row for row in json.loads(stdout) if row["metric"] == "invention_patents")
    for name in ("value_from", "value_to", "change", "change_pct", "ratio", "cagr_pct"):
        assert patents[name] is None, name
        assert set(interval_columns(name)) <= set(patents), name
        assert patents[f"{name}_high"] is None and patents[f"{name}_high_open"] is True
    assert (patents["change_pct_low"], patents["change_pct_low_open"]) == (-100, True)
    # The conventional reading: 突破14万 below 15万, 突破26万 below 27万: +73…+93 %.
    assert patents["change_pct_low_conventional"] == pytest.approx(100 * (26 / 15 - 1))
    assert patents["change_pct_high_conventional"] == pytest.approx(100 * (27 / 14 - 1))


@pytest.mark.parametrize("fmt", ["csv", "tsv", "jsonl", "md-raw"])
def test_every_machine_format_of_compare_metrics_and_share_has_the_columns(fmt: str) -> None:
    for args, quantity in (
        (("compare", "2014", "2023"), "change_pct"),
        (("metrics", "revenue"), "value"),
        (("share", "registered_large_models"), "share_pct"),
    ):
        code, stdout, stderr = run(*args, "--format", fmt)
        assert code == 0, stderr
        for name in interval_columns(quantity):
            assert name in stdout, (args, fmt, name)


def test_xlsx_writes_the_interval_columns_and_real_booleans(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    target = tmp_path / "compare.xlsx"
    code, _, stderr = run("compare", "2020", "2023", "-o", str(target))
    assert code == 0, stderr
    sheet = openpyxl.load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[0])
    patents = next(row for row in rows[1:] if row[0] == "invention_patents")
    assert patents[header.index("change_pct")] is None
    assert patents[header.index("change_pct_high_open")] is True
    assert patents[header.index("change_pct_low")] == -100


# --- every result frame: a point lies in its interval, and a bound has none ----------------

observations = st.lists(
    st.tuples(
        st.integers(min_value=2010, max_value=2023),
        st.floats(min_value=0.5, max_value=1e9, allow_nan=False).map(lambda v: round(v, 2)),
        st.sampled_from(["exact", "about", "more_than", "nearly", "less_than"]),
    ),
    min_size=2,
    max_size=8,
    unique_by=lambda row: row[0],
)


@settings(max_examples=60, deadline=None)
@given(observations)
def test_every_point_lies_in_its_strict_interval_and_bounds_have_none(rows: list) -> None:
    from zgc_cli.stats.growth import compare, series_growth

    text = "metric,entity,year,value,qualifier\n" + "".join(
        f"m,e,{year},{value!r},{qualifier}\n" for year, value, qualifier in rows
    )
    frame = parse_observations("p.csv", text.encode()).frame
    series = series_growth(frame, ["m"])
    years = sorted(year for year, _, _ in rows)
    compared = compare(frame, years[0], years[-1]).frame
    for result, quantities in (
        (series, ["value", "change", "change_pct", "cagr_pct"]),
        (compared, ["value_from", "value_to", "change", "change_pct", "ratio", "cagr_pct"]),
    ):
        for quantity in quantities:
            point = result[quantity].to_numpy(dtype="float64")
            low = result[f"{quantity}_low"].to_numpy(dtype="float64")
            high = result[f"{quantity}_high"].to_numpy(dtype="float64")
            conventional_low = result[f"{quantity}_low_conventional"].to_numpy(dtype="float64")
            has_point = ~np.isnan(point)
            # A point only where both strict ends are bounded, and inside them.
            assert not (has_point & (np.isnan(low) | np.isnan(high))).any(), quantity
            assert (low[has_point] <= point[has_point]).all(), quantity
            assert (point[has_point] <= high[has_point]).all(), quantity
            # The conventional reading lies within the strict one.
            within = ~np.isnan(low) & ~np.isnan(conventional_low)
            assert (conventional_low[within] >= low[within]).all(), quantity
    more = series["qualifier"].astype(str).to_numpy() == "more_than"
    assert series.loc[more, "value"].isna().all()


def test_an_index_carries_its_interval_and_its_base_is_100_exactly() -> None:
    from zgc_cli.stats.growth import series_growth
    from zgc_cli.stats.indexing import index_series

    text = (
        "metric,entity,year,value,qualifier,figure\n"
        "p,zgc,2020,140000,more_than,突破14万件\n"
        "p,zgc,2023,260000,more_than,突破26万件\n"
        "r,zgc,2020,100,exact,100家\n"
        "r,zgc,2023,150,exact,150家\n"
    )
    series = series_growth(parse_observations("i.csv", text.encode()).frame, ["p", "r"])
    indexing = index_series(series, 2020)
    rows = indexing.frame.set_index(["metric", "year"])
    # The base row is its own value over itself: 100, a point, for a bound too.
    assert rows.loc[("p", 2020), ["index", "index_low", "index_high"]].tolist() == [100] * 3
    later = rows.loc[("p", 2023)]
    assert (
        math.isnan(later["index"]) and later["index_low"] == 0 and math.isnan(later["index_high"])
    )
    assert later["index_low_conventional"] == pytest.approx(26 / 15 * 100)
    assert later["index_high_conventional"] == pytest.approx(27 / 14 * 100)
    assert rows.loc[("r", 2023), ["index", "index_low", "index_high"]].tolist() == [150] * 3
    # Where a chart puts the bound: its index as written, beside the bound's mark.
    keys = zip(indexing.frame["metric"], indexing.frame["year"], strict=True)
    written = dict(zip(keys, indexing.written, strict=True))
    assert written[("p", 2023)] == pytest.approx(260000 / 140000 * 100)


def test_a_rate_written_to_the_ones_place_is_rounded_a_count_is_exact() -> None:
    """48件 per 10,000 people re-rounds 48.2: it spans 47.5…48.5; 1897家 is 1897 exactly."""
    from zgc_cli.stats.observed import observation_bounds

    rows = pd.DataFrame(
        {
            "value": [48.0, 1897.0, 48.0, 90.0, 56.0],
            "qualifier": ["exact"] * 5,
            "unit": pd.Categorical(
                ["patents_per_10k_people", "firms", "patents", "percent", "persons"]
            ),
            "figure": ["48件", "1897家", "48件", "90%", "56人"],
        }
    )
    strict, _ = observation_bounds(rows)
    assert list(strict.low) == [47.5, 1897.0, 48.0, 89.5, 56.0]
    assert list(strict.high) == [48.5, 1897.0, 48.0, 90.5, 56.0]
