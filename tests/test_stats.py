"""The growth maths and the frame operations of zgc_cli.stats."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal

from zgc_cli import stats
from zgc_cli.errors import ZgcError
from zgc_cli.model.dataset import Dataset
from zgc_cli.model.observations import load_observations, parse_observations
from zgc_cli.model.schema import INTERVAL_SUFFIXES, interval_columns
from zgc_cli.stats.catalog import catalog, search, series_values, sources
from zgc_cli.stats.flagging import flags, with_growth_flags
from zgc_cli.stats.growth import (
    compare,
    compare_columns,
    growth,
    growth_with_overflow,
    series_columns,
    series_growth,
    sort_comparison,
    sort_keys,
    sorts_descending,
    span,
)
from zgc_cli.stats.kinds import Kind, kind_of_unit, metric_kinds, row_kinds
from zgc_cli.stats.matcher import Indicator, indicators_from, rank, score, suggest
from zgc_cli.stats.measures import MEASURES, Measure, Style, View, measures_for
from zgc_cli.stats.results import ComparisonResult, VerifyReport
from zgc_cli.stats.select import (
    UnknownSelectionError,
    available_years,
    metadata_by_metric,
    present_names,
    require_years,
    select,
)

positive = st.floats(min_value=1e-6, max_value=1e15, allow_nan=False, allow_infinity=False)
any_value = st.floats(min_value=-1e15, max_value=1e15, allow_nan=False, allow_infinity=False)
gap = st.integers(min_value=1, max_value=50)


def one(measure: str, value_from: float, value_to: float, years: float) -> float:
    frame = growth(np.array([value_from]), np.array([value_to]), np.array([years]))
    return float(frame[measure].iloc[0])


@given(positive, gap)
def test_a_doubling_has_ratio_two_and_change_pct_one_hundred(value: float, years: int) -> None:
    assert one("ratio", value, 2 * value, years) == pytest.approx(2.0)
    assert one("change_pct", value, 2 * value, years) == pytest.approx(100.0)


@given(positive, positive)
def test_cagr_over_one_year_equals_the_percent_change(value_from: float, value_to: float) -> None:
    assert one("cagr_pct", value_from, value_to, 1) == pytest.approx(
        one("change_pct", value_from, value_to, 1), rel=1e-9, abs=1e-9
    )


@given(positive, st.floats(min_value=1e-3, max_value=1e3), gap)
def test_cagr_compounds_back_to_the_end_value(value_from: float, factor: float, years: int) -> None:
    # Bounded growth factor: beyond it, (1 + cagr/100) loses the digits to compound back.
    value_to = value_from * factor
    cagr = one("cagr_pct", value_from, value_to, years)
    assert value_from * (1 + cagr / 100) ** years == pytest.approx(value_to, rel=1e-6)


@given(any_value, gap)
def test_a_zero_base_gives_null_never_inf(value_to: float, years: int) -> None:
    frame = growth(np.array([0.0]), np.array([value_to]), np.array([float(years)]))
    assert frame[["ratio", "change_pct", "cagr_pct"]].isna().all(axis=None)
    assert frame["change"].iloc[0] == value_to


@given(any_value, any_value, st.integers(min_value=-5, max_value=50))
def test_no_measure_is_ever_infinite(value_from: float, value_to: float, years: int) -> None:
    frame = growth(np.array([value_from]), np.array([value_to]), np.array([float(years)]))
    assert not np.isinf(frame.to_numpy()).any()


@pytest.mark.parametrize(
    ("value_from", "value_to", "years"),
    [(-5.0, 10.0, 3), (5.0, -10.0, 3), (0.0, 10.0, 3), (5.0, 10.0, 0)],
)
def test_cagr_is_null_for_non_positive_values_or_no_years(
    value_from: float, value_to: float, years: int
) -> None:
    assert math.isnan(one("cagr_pct", value_from, value_to, years))


def test_percent_change_is_null_on_a_negative_base() -> None:
    assert math.isnan(one("change_pct", -10.0, -5.0, 1))
    assert one("ratio", -10.0, -5.0, 1) == 0.5


def test_every_measure_is_one_entry_in_the_table() -> None:
    frame = growth(np.array([1.0]), np.array([2.0]), np.array([1.0]))
    assert list(frame.columns) == list(MEASURES)


def test_compare_gives_the_documented_columns_and_values(sample_csv) -> None:
    observations = load_observations(str(sample_csv)).frame
    comparison = compare(observations, 2014, 2023)
    got = comparison.frame[["metric", "entity", "value_from", "value_to", "ratio", "flags"]]
    # Ids and flags are categories (codes, spelled when written): compared as text.
    got = got.assign(**{name: got[name].astype(str) for name in ("metric", "entity", "flags")})
    expected = pd.DataFrame(
        {
            "metric": ["patents_per_10k_people", "revenue"],
            "entity": ["beijing", "zgc"],
            "value_from": [48.2, 3.6e12],
            "value_to": [262.9, 8.6e12],
            "ratio": [262.9 / 48.2, 8.6e12 / 3.6e12],
            "flags": ["", "estimate"],
        }
    )
    assert_frame_equal(got, expected, check_dtype=False)
    columns = list(comparison.frame.columns)
    # Each value and measure is followed by its six interval columns.
    assert columns[5:11] == interval_columns("value_from")
    assert columns[columns.index("cagr_pct") + 1 : columns.index("flags")] == interval_columns(
        "cagr_pct"
    )
    assert without_intervals(columns)[:12] == [
        "metric",
        "entity",
        "unit",
        "year_from",
        "value_from",
        "year_to",
        "value_to",
        "change",
        "change_pct",
        "ratio",
        "cagr_pct",
        "flags",
    ]


def test_compare_names_the_series_that_lack_one_year(sample_csv) -> None:
    observations = load_observations(str(sample_csv)).frame
    comparison = compare(observations, 2014, 2023)
    only_from = comparison.only_from[["metric", "entity"]]
    assert ("employees", "zgc") not in set(only_from.itertuples(index=False, name=None))
    assert ("invention_patents", "zgc", "patents", "no_year_from") in set(
        comparison.only_to.itertuples(index=False, name=None)
    )


def test_compare_of_a_year_with_itself_has_no_cagr(sample_csv) -> None:
    observations = load_observations(str(sample_csv)).frame
    frame = compare(observations, 2023, 2023).frame
    assert frame["cagr_pct"].isna().all()
    assert (frame["ratio"] == 1).all()


def test_compare_rejects_a_year_not_in_the_data(sample_csv) -> None:
    observations = load_observations(str(sample_csv)).frame
    with pytest.raises(UnknownSelectionError, match="year 2030 is not in the data"):
        compare(observations, 2014, 2030)


def test_series_growth_annualises_over_the_actual_gap(sample_csv) -> None:
    observations = load_observations(str(sample_csv)).frame
    series = series_growth(observations, ["revenue"])
    later = series.iloc[1]
    assert later["previous_year"] == 2014
    assert later["cagr_pct"] == pytest.approx(((8.6 / 3.6) ** (1 / 9) - 1) * 100)
    assert later["flags"] == "estimate"
    assert math.isnan(series.iloc[0]["change"])


def test_series_growth_from_zero_is_null_not_inf(sample_csv) -> None:
    observations = load_observations(str(sample_csv)).frame
    series = series_growth(observations, ["firms_revenue_over_100b"])
    assert series.iloc[1]["change"] == 11
    assert series[["change_pct", "cagr_pct"]].iloc[1].isna().all()


def test_series_follow_the_order_asked_for(sample_csv) -> None:
    observations = load_observations(str(sample_csv)).frame
    series = series_growth(observations, ["revenue", "employees"])
    assert list(dict.fromkeys(series["metric"].astype(str))) == ["revenue", "employees"]


def test_flags_combine_both_endpoints_in_a_fixed_order() -> None:
    start = pd.DataFrame({"status": ["derived", "reported"], "qualifier": ["exact", "nearly"]})
    end = pd.DataFrame({"status": ["estimate", "reported"], "qualifier": ["more_than", "exact"]})
    assert flags(start, end).tolist() == ["estimate;derived;more_than", "nearly"]


def test_unknown_metric_suggests_the_closest_ids(sample_csv) -> None:
    observations = load_observations(str(sample_csv)).frame
    with pytest.raises(UnknownSelectionError) as error:
        select(observations, metrics=["revenu"])
    assert str(error.value) == (
        "unknown metric 'revenu'; did you mean revenue, firms_revenue_over_100b?"
        " (`zgc metrics` lists the 6 available)"
    )
    with pytest.raises(UnknownSelectionError) as error:
        select(observations, entities=["beijin"])
    assert str(error.value) == (
        "unknown entity 'beijin'; did you mean beijing?; available: beijing, china, zgc"
    )


def test_catalog_has_one_row_per_series_with_latest_value(sample_csv) -> None:
    observations = load_observations(str(sample_csv)).frame
    indicators = pd.DataFrame(
        {
            "metric": ["revenue"],
            "name_en": ["Revenue"],
            "name_zh": ["总收入"],
            "unit": ["CNY"],
            "category": ["economy"],
            "description": [""],
        }
    )
    summary = catalog(observations, indicators)
    revenue = summary[summary["metric"] == "revenue"].iloc[0]
    assert (revenue["first_year"], revenue["last_year"], revenue["observations"]) == (2014, 2023, 2)
    assert revenue["latest_value"] == 8.6e12
    assert revenue["latest_flags"] == "estimate"
    assert revenue["name_zh"] == "总收入"
    assert len(summary) == 7


# --- the measures, one by one --------------------------------------------------------

NAN = math.nan
EDGES = [0.0, -0.0, 1.0, -1.0, 0.5, 1e-308, 1e308, -1e308, math.nan, math.inf, -math.inf]
GAPS = [0.0, 1.0, -1.0, 0.5, 1e-308, math.nan, math.inf]


def test_no_input_makes_a_warning_or_an_infinity() -> None:
    """Zero bases, overflow, NaN and inf in: NaN out, and nothing on stderr."""
    start, end, years = (grid.ravel() for grid in np.meshgrid(EDGES, EDGES, GAPS))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        frame = growth(start, end, years)
    assert not np.isinf(frame.to_numpy()).any()
    assert frame.notna().any(axis=None)


@pytest.mark.parametrize("name", ["ratio", "change_pct", "cagr_pct"])
@given(value_to=any_value, years=gap)
def test_each_measure_is_null_from_a_zero_base(name: str, value_to: float, years: int) -> None:
    result = MEASURES[name].compute(np.array([0.0]), np.array([value_to]), np.array([years]))
    assert np.isnan(result).all()


def test_cagr_is_null_with_no_years_between() -> None:
    compute = MEASURES["cagr_pct"].compute
    assert np.isnan(compute(np.array([5.0]), np.array([10.0]), np.array([0.0]))).all()


@pytest.mark.parametrize(
    ("value_from", "value_to", "years", "expected"),
    [
        (5.0, 10.0, 1, {"change": 5.0, "change_pct": 100.0, "ratio": 2.0, "cagr_pct": 100.0}),
        (0.5, 1.0, 2, {"change": 0.5, "change_pct": 100.0, "ratio": 2.0, "cagr_pct": 41.4213562}),
        (8.0, 2.0, 2, {"change": -6.0, "change_pct": -75.0, "ratio": 0.25, "cagr_pct": -50.0}),
        (10.0, 10.0, 3, {"change": 0.0, "change_pct": 0.0, "ratio": 1.0, "cagr_pct": 0.0}),
        (-4.0, 4.0, 2, {"change": 8.0, "change_pct": NAN, "ratio": -1.0, "cagr_pct": NAN}),
        (5.0, 0.0, 3, {"change": -5.0, "change_pct": -100.0, "ratio": 0.0, "cagr_pct": NAN}),
    ],
)
def test_measures_of_one_step(
    value_from: float, value_to: float, years: int, expected: dict[str, float]
) -> None:
    got = {name: one(name, value_from, value_to, years) for name in expected}
    assert got == pytest.approx(expected, nan_ok=True)


def test_growth_computes_the_measures_asked_for_in_that_order() -> None:
    frame = growth(np.array([1.0]), np.array([3.0]), np.array([2.0]), ["ratio", "change"])
    assert frame.to_dict("list") == {"ratio": [3.0], "change": [2.0]}


def test_growth_keeps_the_index_of_a_series() -> None:
    index = pd.Index([7, 3])
    frame = growth(
        pd.Series([1.0, 2.0], index=index),
        pd.Series([2.0, 6.0], index=index),
        pd.Series([1.0, 1.0], index=index),
    )
    assert frame.index.tolist() == [7, 3]
    assert frame["ratio"].tolist() == [2.0, 3.0]
    arrays = growth(np.array([1.0, 2.0]), np.array([2.0, 6.0]), np.array([1.0, 1.0]))
    assert arrays.index.tolist() == [0, 1]


def without_intervals(columns: list[str]) -> list[str]:
    """The columns other than the interval columns."""
    return [c for c in columns if not c.endswith(tuple(INTERVAL_SUFFIXES))]


def in_order(columns: list[str], documented: list[str]) -> list[str]:
    """The documented columns as they appear in ``columns`` (others may sit among them)."""
    return [column for column in columns if column in documented]


def test_the_columns_of_series_and_comparisons() -> None:
    assert in_order(series_columns(), SERIES_COLUMNS) == SERIES_COLUMNS
    assert in_order(compare_columns(), COMPARE_COLUMNS) == COMPARE_COLUMNS
    # The observation comes first, then its growth.
    assert without_intervals(series_columns())[:11] == SERIES_COLUMNS[:11]
    assert without_intervals(compare_columns())[:12] == COMPARE_COLUMNS[:12]
    # A ratio between neighbouring observations says little: only comparisons show it.
    assert [measure.name for measure in measures_for(View.series)] == [
        "change",
        "change_pct",
        "cagr_pct",
    ]
    assert [measure.name for measure in measures_for(View.compare)] == list(MEASURES)


SERIES_COLUMNS = [
    "metric",
    "entity",
    "year",
    "value",
    "unit",
    "status",
    "qualifier",
    "change",
    "change_pct",
    "cagr_pct",
    "flags",
    "previous_year",
    "kind",
]
COMPARE_COLUMNS = [
    "metric",
    "entity",
    "unit",
    "year_from",
    "value_from",
    "year_to",
    "value_to",
    "change",
    "change_pct",
    "ratio",
    "cagr_pct",
    "flags",
    "status_from",
    "qualifier_from",
    "status_to",
    "qualifier_to",
    "kind",
]


# --- sorting a comparison ------------------------------------------------------------

SORT_CSV = """\
metric,entity,year,value
a,x,2010,10
a,x,2020,30
b,x,2010,0
b,x,2020,5
c,x,2010,20
c,x,2020,10
c,y,2010,1
c,y,2020,3
d,x,2010,-4
d,x,2020,4
"""


def parse(text: str) -> pd.DataFrame:
    return parse_observations("<test>", text.encode()).frame


def order(frame: pd.DataFrame) -> list[str]:
    pairs = zip(frame["metric"], frame["entity"], strict=True)
    return [f"{metric}/{entity}" for metric, entity in pairs]


@pytest.fixture(scope="module")
def to_sort() -> pd.DataFrame:
    return compare(parse(SORT_CSV), 2010, 2020).frame


def test_sort_keys_and_their_default_direction() -> None:
    assert sort_keys() == [
        "metric",
        "entity",
        "value_from",
        "value_to",
        "change",
        "change_pct",
        "ratio",
        "cagr_pct",
    ]
    assert {key: sorts_descending(key) for key in sort_keys()} == {
        "metric": False,
        "entity": False,
        "value_from": True,
        "value_to": True,
        "change": True,
        "change_pct": True,
        "ratio": True,
        "cagr_pct": True,
    }
    assert not sorts_descending("no_such_key")


@pytest.mark.parametrize(
    ("key", "largest_first", "smallest_first"),
    [
        # Ties (a/x and c/y) stay A→Z either way; missing numbers (b, d) stay last.
        ("ratio", "a/x c/y c/x d/x b/x", "d/x c/x a/x c/y b/x"),
        ("change_pct", "a/x c/y c/x b/x d/x", "c/x a/x c/y b/x d/x"),
        ("cagr_pct", "a/x c/y c/x b/x d/x", "c/x a/x c/y b/x d/x"),
        ("change", "a/x d/x b/x c/y c/x", "c/x c/y b/x d/x a/x"),
        ("value_from", "c/x a/x c/y b/x d/x", "d/x b/x c/y a/x c/x"),
        ("value_to", "a/x c/x b/x d/x c/y", "c/y d/x b/x c/x a/x"),
    ],
)
def test_numbers_sort_largest_first_with_missing_last_both_ways(
    to_sort: pd.DataFrame, key: str, largest_first: str, smallest_first: str
) -> None:
    assert order(sort_comparison(to_sort, key)) == largest_first.split()
    assert order(sort_comparison(to_sort, key, reverse=True)) == smallest_first.split()


@pytest.mark.parametrize(
    ("key", "a_to_z", "z_to_a"),
    [
        ("metric", "a/x b/x c/x c/y d/x", "d/x c/x c/y b/x a/x"),
        ("entity", "a/x b/x c/x d/x c/y", "c/y a/x b/x c/x d/x"),
    ],
)
def test_names_sort_a_to_z(to_sort: pd.DataFrame, key: str, a_to_z: str, z_to_a: str) -> None:
    assert order(sort_comparison(to_sort, key)) == a_to_z.split()
    assert order(sort_comparison(to_sort, key, reverse=True)) == z_to_a.split()


def test_names_sort_a_to_z_whatever_their_type(to_sort: pd.DataFrame) -> None:
    shuffled = to_sort.sample(frac=1, random_state=3)
    as_text = shuffled.assign(
        metric=shuffled["metric"].astype(str), entity=shuffled["entity"].astype(str)
    )
    backwards = shuffled.assign(
        metric=shuffled["metric"].cat.reorder_categories(["d", "c", "b", "a"]),
        entity=shuffled["entity"].cat.reorder_categories(["y", "x"]),
    )
    for frame in (shuffled, as_text, backwards):
        assert order(sort_comparison(frame, "metric")) == "a/x b/x c/x c/y d/x".split()
        assert order(sort_comparison(frame, "ratio")) == "a/x c/y c/x d/x b/x".split()


def test_a_sorted_comparison_is_the_same_rows_renumbered(to_sort: pd.DataFrame) -> None:
    ordered = sort_comparison(to_sort, "change")
    assert list(ordered.columns) == list(to_sort.columns)
    assert ordered.index.tolist() == list(range(len(to_sort)))
    assert ordered["metric"].dtype == to_sort["metric"].dtype
    expected = to_sort.set_index(["metric", "entity"]).loc[
        [("a", "x"), ("d", "x"), ("b", "x"), ("c", "y"), ("c", "x")]
    ]
    assert_frame_equal(ordered.set_index(["metric", "entity"]), expected)


def test_sort_puts_largest_growth_first_and_missing_last(sample_csv) -> None:
    observations = load_observations(str(sample_csv)).frame
    frame = compare(observations, 2012, 2022).frame
    assert math.isnan(frame["change_pct"].iloc[0])
    for reverse in (False, True):
        ordered = sort_comparison(frame, "change_pct", reverse)
        assert math.isnan(ordered["change_pct"].iloc[-1])


# --- flags ---------------------------------------------------------------------------

ALL_FLAGS = ("estimate", "derived", "more_than", "nearly", "about", "less_than")


def test_flags_follow_one_fixed_order_whatever_the_endpoints() -> None:
    endpoints = [
        pd.DataFrame({"status": ["reported"], "qualifier": ["less_than"]}),
        pd.DataFrame({"status": ["derived"], "qualifier": ["about"]}),
        pd.DataFrame({"status": ["reported"], "qualifier": ["nearly"]}),
        pd.DataFrame({"status": ["estimate"], "qualifier": ["more_than"]}),
    ]
    assert flags(*endpoints).tolist() == [";".join(ALL_FLAGS)]
    assert flags(*reversed(endpoints)).tolist() == [";".join(ALL_FLAGS)]


@pytest.mark.parametrize("status_a", ["reported", "estimate", "derived"])
@pytest.mark.parametrize("status_b", ["reported", "estimate", "derived"])
@pytest.mark.parametrize("qualifier_a", ["exact", "more_than", "nearly", "about", "less_than"])
def test_flags_name_each_mark_of_either_end_once(
    status_a: str, status_b: str, qualifier_a: str
) -> None:
    start = pd.DataFrame({"status": [status_a], "qualifier": [qualifier_a]})
    end = pd.DataFrame({"status": [status_b], "qualifier": ["exact"]})
    marks = {status_a, status_b, qualifier_a}
    expected = ";".join(flag for flag in ALL_FLAGS if flag in marks)
    assert flags(start, end).tolist() == [expected]
    assert flags(end, start).tolist() == [expected]


def test_flags_of_one_endpoint_keep_its_index() -> None:
    rows = pd.DataFrame(
        {
            "status": pd.Categorical(["estimate", "reported", "derived", "reported"]),
            "qualifier": pd.Categorical(["exact", "exact", "about", "less_than"]),
        },
        index=[10, 20, 30, 40],
    )
    got = flags(rows)
    assert got.tolist() == ["estimate", "", "derived;about", "less_than"]
    assert got.index.tolist() == [10, 20, 30, 40]
    assert flags(rows.iloc[:0]).tolist() == []


def test_missing_marks_are_no_flags() -> None:
    rows = pd.DataFrame({"status": ["estimate", None], "qualifier": [None, ""]})
    assert flags(rows).tolist() == ["estimate", ""]


def marks(*rows: pd.Series) -> list[str]:
    found = {str(row[column]) for row in rows for column in ("status", "qualifier")}
    return [flag for flag in ALL_FLAGS if flag in found]


# What the arithmetic adds after the observations' marks: the kind's note, then overflow.
GROWTH_FLAGS = ("cumulative", "percentage_points", "rank_places", "attribute", "overflow")


def observation_flags(cell: str) -> list[str]:
    """The marks part of a flags cell, checking that it comes first and growth flags last."""
    parts = cell.split(";") if cell else []
    observed = [part for part in parts if part in ALL_FLAGS]
    assert parts[: len(observed)] == observed, cell
    grown = [part for part in parts if part in GROWTH_FLAGS]
    assert parts[len(parts) - len(grown) :] == grown, cell
    return observed


@pytest.fixture(scope="module")
def shipped() -> pd.DataFrame:
    return Dataset.open().frame


@pytest.mark.parametrize(("year_from", "year_to"), [(2012, 2022), (2014, 2023), (2013, 2022)])
def test_shipped_comparisons_flag_exactly_the_marks_of_their_ends(
    shipped: pd.DataFrame, year_from: int, year_to: int
) -> None:
    frame = compare(shipped, year_from, year_to).frame
    assert len(frame)
    for row in frame.to_dict("records"):
        ends = [
            {"status": row["status_from"], "qualifier": row["qualifier_from"]},
            {"status": row["status_to"], "qualifier": row["qualifier_to"]},
        ]
        assert observation_flags(row["flags"]) == marks(*ends)
        statuses = (row["status_from"], row["status_to"])
        assert ("estimate" in row["flags"]) == ("estimate" in statuses)
        assert ("derived" in row["flags"]) == ("derived" in statuses)


def test_shipped_series_flag_each_change_by_both_its_observations(shipped: pd.DataFrame) -> None:
    metrics = sorted({str(metric) for metric in shipped["metric"]})
    series = series_growth(shipped, metrics)
    previous = None
    for row in series.to_dict("records"):
        same_series = previous is not None and (previous["metric"], previous["entity"]) == (
            row["metric"],
            row["entity"],
        )
        expected = marks(row, previous) if same_series else marks(row)
        assert observation_flags(row["flags"]) == expected
        previous = row
    assert "estimate" in set(series["flags"])
    assert series["flags"].str.contains("derived").any()


def test_shipped_catalog_flags_the_latest_observation(shipped: pd.DataFrame) -> None:
    summary = catalog(shipped, Dataset.open().indicators)
    latest = shipped.sort_values("year").groupby(["metric", "entity"], observed=True).tail(1)
    expected = {
        (str(row["metric"]), str(row["entity"])): marks(row) for row in latest.to_dict("records")
    }
    keys = zip(summary["metric"], summary["entity"], strict=True)
    got = {
        key: observation_flags(cell)
        for key, cell in zip(keys, summary["latest_flags"], strict=True)
    }
    assert got == expected


# --- series, comparisons, spans ------------------------------------------------------

UNSORTED_CSV = """\
metric,entity,year,value,unit,status,qualifier
m,b,2020,30,firms,reported,exact
m,a,2015,10,firms,reported,exact
m,b,2010,10,firms,reported,exact
m,a,2010,5,firms,derived,exact
n,a,2012,1,CNY,reported,exact
m,a,2020,20,firms,estimate,about
"""


def test_series_growth_orders_rows_by_metrics_asked_then_entity_then_year() -> None:
    series = series_growth(parse(UNSORTED_CSV), ["n", "m"])
    assert list(series.columns) == series_columns()
    assert series.index.tolist() == list(range(6))
    rows = list(
        zip(series["metric"].astype(str), series["entity"].astype(str), series["year"], strict=True)
    )
    assert rows == [
        ("n", "a", 2012),
        ("m", "a", 2010),
        ("m", "a", 2015),
        ("m", "a", 2020),
        ("m", "b", 2010),
        ("m", "b", 2020),
    ]
    # Each series starts afresh: no change from another entity's last observation.
    assert series["previous_year"].tolist() == [pd.NA, pd.NA, 2010, 2015, pd.NA, 2010]
    assert str(series["previous_year"].dtype) == "Int16"
    assert series["change"].tolist() == pytest.approx(
        [math.nan, math.nan, 5.0, 10.0, math.nan, 20.0], nan_ok=True
    )
    assert series["cagr_pct"].iloc[2] == pytest.approx((2 ** (1 / 5) - 1) * 100)
    assert series["cagr_pct"].iloc[5] == pytest.approx((3 ** (1 / 10) - 1) * 100)
    # A change carries the marks of both its ends; a first observation, its own.
    assert series["flags"].tolist() == ["", "derived", "derived", "estimate;about", "", ""]
    assert series["unit"].astype(str).tolist() == ["CNY"] + ["firms"] * 5


def test_compare_lays_out_both_ends_with_their_marks() -> None:
    observations = parse(
        "metric,entity,year,value,status,qualifier\n"
        "a,x,2010,1,derived,nearly\n"
        "a,x,2020,2,estimate,exact\n"
        "b,x,2010,3,reported,exact\n"
        "c,y,2020,4,reported,exact\n"
        "c,x,2020,5,reported,exact\n"
        "a,y,2015,6,reported,exact\n"
    )
    comparison = compare(observations, 2010, 2020)
    (row,) = comparison.frame.to_dict("records")
    assert {key: row[key] for key in COMPARE_COLUMNS} == {
        "metric": "a",
        "entity": "x",
        "unit": "",
        "year_from": 2010,
        "value_from": 1.0,
        "year_to": 2020,
        "value_to": 2.0,
        "change": 1.0,
        # 近1 is [0, 1): the percent change, ratio and CAGR have no upper bound, so no point.
        "change_pct": pytest.approx(math.nan, nan_ok=True),
        "ratio": pytest.approx(math.nan, nan_ok=True),
        "cagr_pct": pytest.approx(math.nan, nan_ok=True),
        "flags": "estimate;derived;nearly",
        "status_from": "derived",
        "qualifier_from": "nearly",
        "status_to": "estimate",
        "qualifier_to": "exact",
        "kind": "level",
    }
    assert (row["change_pct_low"], row["change_pct_low_open"]) == (100.0, True)
    assert math.isnan(row["change_pct_high"]) and row["change_pct_high_open"]
    assert (row["value_from_low"], row["value_from_high"]) == (0.0, 1.0)
    assert comparison.only_from.to_dict("list") == {
        "metric": ["b"],
        "entity": ["x"],
        "unit": [""],
        "reason": ["no_year_to"],
    }
    assert comparison.only_to.to_dict("list") == {
        "metric": ["c", "c"],
        "entity": ["x", "y"],
        "unit": ["", ""],
        "reason": ["no_year_from", "no_year_from"],
    }


def test_compare_without_checking_years_leaves_out_what_it_cannot_compare() -> None:
    observations = parse(SORT_CSV)
    with pytest.raises(UnknownSelectionError, match="year 2030 is not in the data"):
        compare(observations, 2010, 2030)
    comparison = compare(observations, 2010, 2030, check_years=False)
    assert comparison.frame.empty
    assert list(comparison.frame.columns) == compare_columns()
    assert order(comparison.only_from) == "a/x b/x c/x c/y d/x".split()
    assert comparison.only_to.empty
    assert list(comparison.only_to.columns) == ["metric", "entity", "unit", "reason"]


def test_compare_orders_rows_by_metric_then_entity() -> None:
    frame = compare(parse(UNSORTED_CSV), 2010, 2020).frame
    assert order(frame) == ["m/a", "m/b"]
    assert frame["ratio"].tolist() == [4.0, 3.0]


def test_a_span_runs_from_each_series_first_observation_to_its_last() -> None:
    spans = span(parse(UNSORTED_CSV))
    assert order(spans) == ["m/a", "m/b", "n/a"]
    assert spans["year_from"].tolist() == [2010, 2010, 2012]
    assert spans["year_to"].tolist() == [2020, 2020, 2012]
    assert spans["ratio"].tolist() == [4.0, 3.0, 1.0]
    assert spans["flags"].tolist() == ["estimate;derived;about", "", ""]
    assert math.isnan(spans["cagr_pct"].iloc[2])


# --- catalog, series values, sources, search -----------------------------------------

INDICATORS = pd.DataFrame(
    {
        "metric": ["m", "n", "unused"],
        "name_en": ["Firms", "Money", "Unused"],
        "name_zh": ["企业", "钱", "无"],
        "unit": ["firms", "CNY", "x"],
        "category": ["economy", "finance", "economy"],
        "description": ["Firms in the zone.", "Money made.", ""],
    }
)


OBSERVATION_FILE_COLUMNS = [
    "metric",
    "entity",
    "year",
    "value",
    "unit",
    "status",
    "qualifier",
    "quote",
    "note",
]
CATALOG_COLUMNS = [
    "metric",
    "entity",
    "name_en",
    "name_zh",
    "unit",
    "first_year",
    "last_year",
    "observations",
    "latest_value",
    "latest_flags",
    "category",
]
SEARCH_COLUMNS = ["metric", "name_en", "name_zh", "unit", "category", "description", "score"]


def test_catalog_summarises_each_series_by_year_not_file_order() -> None:
    summary = catalog(parse(UNSORTED_CSV), INDICATORS)
    assert in_order(list(summary.columns), CATALOG_COLUMNS) == CATALOG_COLUMNS
    assert [{key: row[key] for key in CATALOG_COLUMNS} for row in summary.to_dict("records")] == [
        {
            "metric": "m",
            "entity": "a",
            "name_en": "Firms",
            "name_zh": "企业",
            "unit": "firms",
            "first_year": 2010,
            "last_year": 2020,
            "observations": 3,
            "latest_value": 20.0,
            "latest_flags": "estimate;about",
            "category": "economy",
        },
        {
            "metric": "m",
            "entity": "b",
            "name_en": "Firms",
            "name_zh": "企业",
            "unit": "firms",
            "first_year": 2010,
            "last_year": 2020,
            "observations": 2,
            "latest_value": 30.0,
            "latest_flags": "",
            "category": "economy",
        },
        {
            "metric": "n",
            "entity": "a",
            "name_en": "Money",
            "name_zh": "钱",
            "unit": "CNY",
            "first_year": 2012,
            "last_year": 2012,
            "observations": 1,
            "latest_value": 1.0,
            "latest_flags": "",
            "category": "finance",
        },
    ]


def test_catalog_takes_the_unit_from_the_data_else_from_the_metadata() -> None:
    observations = parse(
        "metric,entity,year,value,unit\nm,a,2020,1,\nn,a,2020,2,yuan\nz,a,2020,3,\n"
    )
    summary = catalog(observations, INDICATORS)
    assert summary["unit"].tolist() == ["firms", "yuan", ""]
    # A metric without metadata has empty names and category, not NaN.
    assert summary.iloc[2][["name_en", "name_zh", "category"]].tolist() == ["", "", ""]


def test_series_values_are_in_year_order() -> None:
    assert series_values(parse(UNSORTED_CSV)) == {
        ("m", "a"): [5.0, 10.0, 20.0],
        ("m", "b"): [10.0, 30.0],
        ("n", "a"): [1.0],
    }


def test_sources_of_a_metric_by_entity_then_year(sample_csv) -> None:
    observations = load_observations(str(sample_csv)).frame
    rows = sources(observations, "large_models")
    # The file's columns and how each year is known: nothing else (no old row labels).
    assert list(rows.columns) == [*OBSERVATION_FILE_COLUMNS, "year_basis"]
    assert rows.index.tolist() == [0, 1]
    assert rows[["entity", "quote"]].astype(str).values.tolist() == [
        ["china", "107款"],
        ["zgc", "47款"],
    ]
    unsorted = sources(parse(UNSORTED_CSV), "m")
    assert list(zip(unsorted["entity"].astype(str), unsorted["year"], strict=True)) == [
        ("a", 2010),
        ("a", 2015),
        ("a", 2020),
        ("b", 2010),
        ("b", 2020),
    ]


def test_sources_of_one_year(sample_csv) -> None:
    observations = load_observations(str(sample_csv)).frame
    rows = sources(observations, "revenue", 2023)
    assert rows["quote"].tolist() == ["预计8.6万亿元"]
    assert rows.index.tolist() == [0]
    with pytest.raises(UnknownSelectionError) as error:
        sources(observations, "revenue", 2020)
    assert str(error.value) == "revenue has no figure for 2020; its years: 2014, 2023"
    with pytest.raises(UnknownSelectionError, match="unknown metric 'revenu'"):
        sources(observations, "revenu")


def test_search_ranks_indicators_with_their_metadata_and_data_unit() -> None:
    observations = parse(UNSORTED_CSV)
    found = search(observations, INDICATORS, "firms")
    assert in_order(list(found.columns), SEARCH_COLUMNS) == SEARCH_COLUMNS
    assert [{key: row[key] for key in SEARCH_COLUMNS} for row in found.to_dict("records")] == [
        {
            "metric": "m",
            "name_en": "Firms",
            "name_zh": "企业",
            "unit": "firms",
            "category": "economy",
            "description": "Firms in the zone.",
            "score": 60.0,
        }
    ]
    # Indicators not in the data are never found; a miss is an empty frame.
    assert search(observations, INDICATORS, "unused").empty
    assert list(search(observations, INDICATORS, "zzzz").columns) == list(found.columns)


def test_search_of_ids_without_metadata() -> None:
    found = search(parse(UNSORTED_CSV), INDICATORS.iloc[:0], "m")
    assert found[["metric", "name_en", "unit", "score"]].values.tolist() == [
        ["m", "", "firms", 100.0]
    ]


# --- selecting -----------------------------------------------------------------------


def test_select_by_metric_entity_and_category() -> None:
    observations = parse(UNSORTED_CSV)
    assert len(select(observations)) == 6
    assert len(select(observations, metrics=["m"])) == 5
    assert len(select(observations, metrics=["m", "n"], entities=["a"])) == 4
    chosen = select(observations, categories=["finance"], indicators=INDICATORS)
    assert order(chosen) == ["n/a"]
    both = select(observations, categories=["finance", "economy"], indicators=INDICATORS)
    assert len(both) == 6


@pytest.mark.parametrize(
    ("selection", "message"),
    [
        (
            {"metrics": ["zz"]},
            "unknown metric 'zz' (`zgc metrics` lists the 2 available)",
        ),
        ({"entities": ["c"]}, "unknown entity 'c'; available: a, b"),
        (
            {"categories": ["econ"], "indicators": INDICATORS},
            "unknown category 'econ'; did you mean economy?; available: economy, finance",
        ),
        (
            {"categories": ["economy"]},
            "no categories: this data has no indicators.csv with a category column",
        ),
    ],
)
def test_an_unknown_selection_names_what_there_is(selection: dict, message: str) -> None:
    with pytest.raises(UnknownSelectionError) as error:
        select(parse(UNSORTED_CSV), **selection)
    assert str(error.value) == message


def test_a_mistyped_metric_is_matched_by_its_name_too() -> None:
    with pytest.raises(UnknownSelectionError, match="did you mean n\\?"):
        select(parse(UNSORTED_CSV), metrics=["money"], indicators=INDICATORS)


def test_present_names_leave_out_unused_categories() -> None:
    names = pd.Series(pd.Categorical(["b", "a", "b"], categories=["a", "b", "c"]))
    assert present_names(names) == ["a", "b"]
    assert present_names(names.iloc[:1]) == ["b"]
    assert present_names(pd.Series(["z", "y", "z"])) == ["y", "z"]


def test_metadata_by_metric() -> None:
    assert metadata_by_metric(None) == {}
    assert metadata_by_metric(INDICATORS.iloc[:0]) == {}
    metadata = metadata_by_metric(pd.DataFrame({"metric": ["m", "n"], "rank": [1, 2]}))
    assert metadata == {"m": {"metric": "m", "rank": "1"}, "n": {"metric": "n", "rank": "2"}}


def test_years_in_the_data() -> None:
    observations = parse(UNSORTED_CSV)
    assert available_years(observations) == [2010, 2012, 2015, 2020]
    require_years(observations, 2010, 2020)
    with pytest.raises(UnknownSelectionError) as error:
        require_years(observations, 2010, 2011)
    assert str(error.value) == "year 2011 is not in the data; available: 2010, 2012, 2015, 2020"


# --- the Dataset-level functions -----------------------------------------------------


@pytest.fixture
def dataset() -> Dataset:
    return Dataset.from_frame(parse(UNSORTED_CSV), INDICATORS)


def test_stats_series_names_each_metric_once(dataset: Dataset) -> None:
    result = stats.series(dataset, ["n", "m", "n"])
    assert order(result.frame) == ["n/a", "m/a", "m/a", "m/a", "m/b", "m/b"]
    assert result.names == {"n": {"en": "Money", "zh": "钱"}, "m": {"en": "Firms", "zh": "企业"}}
    assert order(result.spans) == ["m/a", "m/b", "n/a"]
    assert result.spans["ratio"].tolist() == [4.0, 3.0, 1.0]
    bare = stats.series(Dataset.from_frame(parse(UNSORTED_CSV)), ["m"])
    assert bare.names == {"m": {"en": "", "zh": ""}}


def test_stats_comparison_filters_sorts_and_lists_what_is_left_out(dataset: Dataset) -> None:
    result = stats.comparison(dataset, 2010, 2020, sort="ratio", reverse=True)
    assert order(result.frame) == ["m/b", "m/a"]
    assert (result.year_from, result.year_to) == (2010, 2020)
    assert result.not_compared == 0
    assert order(stats.comparison(dataset, 2010, 2020, sort="ratio").frame) == ["m/a", "m/b"]
    only_b = stats.comparison(dataset, 2010, 2015, entities=["b"])
    assert only_b.frame.empty
    assert order(only_b.only_from) == ["m/b"]
    assert only_b.not_compared == 1
    assert stats.comparison(dataset, 2010, 2020, metrics=["n"]).frame.empty
    assert order(stats.comparison(dataset, 2012, 2020, categories=["finance"]).only_from) == ["n/a"]


def test_stats_comparison_checks_years_against_the_whole_data(dataset: Dataset) -> None:
    # 2012 is only n's year: comparing m from 2012 is no error, just nothing compared.
    result = stats.comparison(dataset, 2012, 2020, metrics=["m"])
    assert result.frame.empty
    assert order(result.only_to) == ["m/a", "m/b"]
    with pytest.raises(UnknownSelectionError, match="year 2011 is not in the data"):
        stats.comparison(dataset, 2011, 2020)


def test_stats_observations_have_the_file_columns(dataset: Dataset) -> None:
    result = stats.observations(dataset, entities=["b"])
    assert list(result.frame.columns) == list(parse(UNSORTED_CSV).columns)
    assert result.frame["year"].tolist() == [2020, 2010]
    text_only = Dataset.from_frame(parse(UNSORTED_CSV)[["metric", "year", "value"]])
    assert list(stats.observations(text_only).frame.columns) == ["metric", "year", "value"]


def test_stats_catalog_and_its_sparkline_values(dataset: Dataset) -> None:
    result = stats.catalog_of(dataset)
    assert order(result.frame) == ["m/a", "m/b", "n/a"]
    assert result.values[("m", "a")] == [5.0, 10.0, 20.0]
    assert len(result.observations) == 6


def test_stats_search_names_a_query_that_finds_nothing(dataset: Dataset) -> None:
    assert stats.search(dataset, "money").frame["metric"].tolist() == ["n"]
    with pytest.raises(ZgcError) as error:
        stats.search(dataset, "zzzz")
    assert str(error.value) == "no indicator matches 'zzzz'; `zgc metrics` lists them all"


def test_stats_sources_cite_the_publication() -> None:
    result = stats.sources(Dataset.open(), "revenue", 2014)
    assert result.frame["year"].tolist() == [2014]
    assert result.citation
    assert result.frame["source"].tolist() == [result.citation]
    bare = stats.sources(Dataset.from_frame(parse(UNSORTED_CSV)), "m")
    assert bare.citation == ""
    assert bare.frame["source"].tolist() == [""] * 5


def test_results_count_what_they_hold() -> None:
    empty = pd.DataFrame()
    pairs = pd.DataFrame({"metric": ["a", "b"], "entity": ["x", "x"]})
    assert ComparisonResult(empty, only_from=pairs, only_to=pairs.iloc[:1]).not_compared == 3
    assert ComparisonResult(empty).not_compared == 0
    assert VerifyReport(empty, counts={"pass": 3, "fail": 1}).failed
    assert not VerifyReport(empty, counts={"pass": 3, "fail": 0}).failed
    assert not VerifyReport(empty, counts={"pass": 3}).failed


# --- the matcher behind search and "did you mean" ------------------------------------

PATENTS = Indicator(
    metric="invention_patents",
    name_en="Valid invention patents held",
    name_zh="有效发明专利拥有量",
    description="Patents held by firms in the zone.",
    category="innovation",
)


@pytest.mark.parametrize(
    ("query", "points"),
    [
        # Terms split at underscores: the start of the id and a word of it.
        ("invention_patents", (80.0 + 70.0) / 2),
        ("INVENTION PATENTS", (80.0 + 70.0) / 2),
        ("inv", 80.0),  # the start of the id
        ("patents", 70.0),  # a word of the id
        ("valid", 60.0),  # a word of the English name
        ("hel", 60.0),  # the start of a word of the English name
        ("pat", 60.0),  # the start of a word of the name (and of the id)
        ("inv pat", (80.0 + 60.0) / 2),  # the start of the id; the start of a name word
        ("专利", 45.0),  # inside the Chinese name: Chinese has no spaces between words
        ("zone", 20.0),  # in the description
        ("innovation", 20.0),  # the category
        ("novation", 0.0),  # inside a word: an English term matches words, not letters
        ("patentz", 40.0 * 12 / 14),  # one typo: difflib's ratio of a name word, scaled
        ("xyzzy", 0.0),  # nowhere
    ],
)
def test_a_term_scores_the_best_place_it_is_found(query: str, points: float) -> None:
    assert score(query, PATENTS) == pytest.approx(points)


def test_a_fuzzy_match_needs_three_quarters_of_the_letters() -> None:
    # difflib's ratio of abce and abcd is 2 * 3 / 8: exactly the cutoff.
    assert score("abce", Indicator("abcd")) == pytest.approx(0.75 * 40.0)
    # abxy and abcd share half: no match at all.
    assert score("abxy", Indicator("abcd")) == 0.0


def test_the_whole_id_of_one_word_scores_most() -> None:
    assert score("revenue", Indicator("revenue")) == 100.0
    assert score("Revenue", Indicator("revenue", "Total revenue")) == 100.0


def test_query_terms_split_on_spaces_and_punctuation() -> None:
    listed = Indicator("listed_firms")
    queries = ("listed firms", "listed_firms", "listed-firms", "listed,firms", "LISTED/firms")
    for query in (*queries, "listed\tfirms", " listed  firms "):
        assert score(query, listed) == 75.0, query
    # Four terms, two of them found nowhere.
    assert score("listed;firms:qq.zz", listed) == pytest.approx(150.0 / 4)


def test_rank_drops_hits_under_half_the_best_and_orders_the_rest() -> None:
    indicators = [
        Indicator("zeta_firms"),  # id word: 70
        Indicator("firms"),  # exact id: 100
        Indicator("b_firms"),  # id word: 70, a shorter id than zeta_firms
        Indicator("a_firms"),  # id word: 70, ties b_firms: the alphabet decides
        Indicator("other", "Other", description="about firms"),  # description: 20 < 50
        Indicator("unrelated"),  # 0
    ]
    hits = rank("firms", indicators)
    assert [(indicator.metric, value) for indicator, value in hits] == [
        ("firms", 100.0),
        ("a_firms", 70.0),
        ("b_firms", 70.0),
        ("zeta_firms", 70.0),
    ]
    assert [indicator.metric for indicator, _ in rank("firms", indicators, limit=2)] == [
        "firms",
        "a_firms",
    ]
    assert rank("firms", indicators, limit=0) == []


def test_rank_keeps_a_hit_at_exactly_half_the_best() -> None:
    exact = Indicator("firm")  # the whole id: 100
    inside = Indicator("x_firmx")  # the start of a later word of the id: 50, half of 100
    described = Indicator("yy", "", description="a firm")  # in the description: 20
    hits = rank("firm", [described, inside, exact])
    assert [(indicator.metric, value) for indicator, value in hits] == [
        ("firm", 100.0),
        ("x_firmx", 50.0),
    ]


def test_indicators_from_ids_and_metadata() -> None:
    metadata = {
        "a": {"name_en": "A", "name_zh": "甲", "description": "first", "category": "x"},
        "b": {"name_en": None, "name_zh": float("nan"), "category": 3},
    }
    entries = indicators_from(["b", "a", "b", "c"], metadata)
    assert entries == [
        Indicator("b", "", "nan", "", "3"),
        Indicator("a", "A", "甲", "first", "x"),
        Indicator("c"),
    ]
    assert indicators_from(["a", "a"]) == [Indicator("a")]
    assert indicators_from([]) == []


def test_suggest_uses_names_when_there_are_some() -> None:
    ids = ["revenue", "employees"]
    metadata = {"employees": {"name_en": "Headcount"}}
    assert suggest("headcount", ids, metadata) == ["employees"]
    assert suggest("headcount", ids) == []
    assert suggest("revenu", ids, limit=1) == ["revenue"]
    many = [f"firms_{letter}" for letter in "abcde"]
    assert suggest("firms", many) == ["firms_a", "firms_b", "firms_c"]


# --- overflow ------------------------------------------------------------------------

OVERFLOW_CSV = """\
metric,entity,year,value,status
m,e,2014,-1e308,estimate
m,e,2023,1e308,reported
p,e,2014,1e30,reported
p,e,2023,2e30,reported
t,e,2014,5e-324,reported
t,e,2023,1e-300,reported
"""


def test_a_measure_too_large_for_a_float_is_empty_and_flagged_last() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        frame = compare(parse(OVERFLOW_CSV), 2014, 2023).frame
    assert order(frame) == ["m/e", "p/e", "t/e"]
    assert frame["flags"].tolist() == ["estimate;overflow", "", ""]
    assert math.isnan(frame["change"].iloc[0])
    assert frame["ratio"].iloc[0] == -1.0
    assert frame["change"].iloc[1] == 1e30
    assert frame["ratio"].iloc[2] == pytest.approx(1e-300 / 5e-324)
    series = series_growth(parse(OVERFLOW_CSV), ["m", "p"])
    assert series["flags"].tolist() == ["estimate", "estimate;overflow", "", ""]


def test_growth_flags_add_overflow_where_a_measure_overflowed() -> None:
    texts = pd.Series(["", "estimate", "", "about"], index=[4, 5, 6, 7], dtype=object)
    levels = np.array(["level"] * 4, dtype=object)
    got = with_growth_flags(texts, levels, np.array([True, True, False, False]))
    assert got.tolist() == ["overflow", "estimate;overflow", "", "about"]
    assert got.index.tolist() == [4, 5, 6, 7]
    unchanged = with_growth_flags(texts, levels, np.zeros(4, dtype=bool))
    assert unchanged.tolist() == ["", "estimate", "", "about"]


def test_growth_with_overflow_names_the_rows() -> None:
    frame, overflowed = growth_with_overflow(
        np.array([-1e308, 1.0, 0.0]), np.array([1e308, 2.0, 5.0]), np.array([1.0, 1.0, 1.0])
    )
    assert overflowed.tolist() == [True, False, False]
    assert frame["change"].tolist()[1:] == [1.0, 5.0]


# --- the registry's promises, for any measure ----------------------------------------


@pytest.mark.parametrize("name", list(MEASURES))
def test_each_measure_on_its_own_is_quiet_about_zeros_and_overflow(name: str) -> None:
    # A notebook may call a measure directly: it never prints a NumPy warning.
    start, end, years = (grid.ravel() for grid in np.meshgrid(EDGES, EDGES, GAPS))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        MEASURES[name].compute(start, end, years)


def test_growth_of_integers_is_float_arithmetic() -> None:
    # As int64, 2**62 - (-2**62) would wrap round to a negative number.
    frame = growth([-(2**62)], [2**62], [1])
    assert frame["change"].tolist() == [2.0**63]
    # A nullable integer gap with a missing value is a missing gap.
    gaps = pd.Series([2, None], dtype="Int64")
    cagr = growth(pd.Series([1.0, 1.0]), pd.Series([4.0, 4.0]), gaps)["cagr_pct"]
    assert cagr.tolist() == pytest.approx([100.0, math.nan], nan_ok=True)
    # Plain Python values, None among them, are numbers and a missing one.
    loose = growth([2.0, None], [3.0, 1.0], [1, None])
    assert loose["change"].tolist() == pytest.approx([1.0, math.nan], nan_ok=True)
    assert loose["cagr_pct"].tolist() == pytest.approx([50.0, math.nan], nan_ok=True)
    assert growth([1.0], [None], [1])["ratio"].isna().all()


def test_a_careless_measure_is_silenced_and_its_overflow_flagged(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def naive(value_from, value_to, years):
        return value_to / value_from  # no errstate of its own

    monkeypatch.setitem(MEASURES, "naive", Measure("naive", naive, {}, Style.ratio))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        frame, overflowed = growth_with_overflow(
            np.array([0.0, 2.0]), np.array([1.0, 3.0]), np.array([1.0, 1.0]), ["naive"]
        )
    assert overflowed.tolist() == [True, False]
    assert frame["naive"].tolist() == pytest.approx([math.nan, 1.5], nan_ok=True)


def test_a_measure_not_shown_in_a_view_flags_nothing_there(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def jump(value_from, value_to, years):
        return np.where(np.isnan(value_from), np.nan, np.inf)

    series_only = Measure("jump", jump, {}, Style.amount, views=frozenset({View.series}))
    monkeypatch.setitem(MEASURES, "jump", series_only)
    observations = parse(UNSORTED_CSV)
    comparison = compare(observations, 2010, 2020).frame
    assert "jump" not in comparison.columns
    assert comparison["flags"].tolist() == ["estimate;derived;about", ""]
    assert series_growth(observations, ["m"])["flags"].tolist() == [
        "derived",
        "derived;overflow",
        "estimate;about;overflow",
        "",
        "overflow",
    ]


def test_an_overflowing_ratio_is_not_flagged_in_a_series_which_shows_none() -> None:
    # From -1e-300 to 1e300 the ratio overflows; a series shows no ratio, so no flag.
    observations = parse("metric,entity,year,value\nm,e,2010,-1e-300\nm,e,2020,1e300\n")
    series = series_growth(observations, ["m"])
    assert series["flags"].tolist() == ["", ""]
    assert series["change"].iloc[1] == 1e300
    assert compare(observations, 2010, 2020).frame["flags"].tolist() == ["overflow"]


def test_compare_checks_both_years() -> None:
    observations = parse(SORT_CSV)
    with pytest.raises(UnknownSelectionError, match="year 2011 is not in the data"):
        compare(observations, 2011, 2020)


def test_stats_series_spans_only_the_series_asked_for(dataset: Dataset) -> None:
    assert order(stats.series(dataset, ["n"]).spans) == ["n/a"]


def test_stats_comparison_checks_both_years(dataset: Dataset) -> None:
    with pytest.raises(UnknownSelectionError, match="year 2011 is not in the data"):
        stats.comparison(dataset, 2010, 2011)


def test_stats_comparison_of_a_category(dataset: Dataset) -> None:
    result = stats.comparison(dataset, 2012, 2020, categories=["finance"])
    assert result.frame.empty
    assert order(result.only_from) == ["n/a"]
    assert result.only_to.empty


def test_stats_observations_of_a_selection(dataset: Dataset) -> None:
    assert order(stats.observations(dataset, metrics=["n"]).frame) == ["n/a"]
    assert order(stats.observations(dataset, categories=["finance"]).frame) == ["n/a"]
    assert len(stats.observations(dataset, categories=["economy"]).frame) == 5


def test_a_mistyped_source_metric_is_matched_by_its_name(dataset: Dataset) -> None:
    with pytest.raises(UnknownSelectionError, match="did you mean n\\?"):
        stats.sources(dataset, "mony")
    # The name itself is the metric (zgc_cli.model.names): no suggestion, its figures.
    assert set(stats.sources(dataset, "Money").frame["metric"]) == {"n"}
    with pytest.raises(UnknownSelectionError, match="did you mean n\\?"):
        sources(parse(UNSORTED_CSV), "money", indicators=INDICATORS)


def test_indicators_without_a_category_are_no_category() -> None:
    observations = parse(UNSORTED_CSV)
    partly = INDICATORS.assign(category=["economy", "", ""])
    with pytest.raises(UnknownSelectionError) as error:
        select(observations, categories=["finance"], indicators=partly)
    assert str(error.value) == "unknown category 'finance'; available: economy"
    with pytest.raises(UnknownSelectionError, match="no categories"):
        select(observations, categories=["economy"], indicators=INDICATORS.assign(category=""))


def test_rank_of_nothing_and_of_weak_hits() -> None:
    assert rank("firms", []) == []
    # One term of thirty in a description: a weak hit (20 / 30), but a hit.
    query = "zone " + " ".join(f"qq{i}" for i in range(29))
    hits = rank(query, [PATENTS])
    assert [(indicator.metric, value) for indicator, value in hits] == [
        ("invention_patents", pytest.approx(20.0 / 30))
    ]


# --- kinds: a share changes in points, a rank in places ------------------------------

KINDS_CSV = """\
metric,entity,year,value,unit,status
level,e,2010,10,firms,reported
level,e,2020,20,firms,estimate
share,e,2010,20,percent,reported
share,e,2020,25,percent,reported
rank,e,2010,5,rank,reported
rank,e,2020,1,rank,reported
"""


def test_growth_follows_the_kind_inferred_from_the_unit() -> None:
    frame = compare(parse(KINDS_CSV), 2010, 2020).frame.set_index("metric")
    assert frame["kind"].to_dict() == {"level": "level", "rank": "rank", "share": "share"}
    assert frame["flags"].to_dict() == {
        "level": "estimate",
        "rank": "rank_places",
        "share": "percentage_points",
    }
    # Five places up is a change of -4 places; a share's change is in points.
    assert frame["change"].to_dict() == {"level": 10.0, "rank": -4.0, "share": 5.0}
    for measure in ("change_pct", "ratio", "cagr_pct"):
        assert frame[measure].isna().tolist() == [False, True, True], measure
    series = series_growth(parse(KINDS_CSV), ["share"])
    assert series["kind"].tolist() == ["share", "share"]
    assert series["flags"].tolist() == ["percentage_points", "percentage_points"]
    assert series["change"].tolist() == pytest.approx([math.nan, 5.0], nan_ok=True)


def test_a_declared_kind_wins_over_the_unit() -> None:
    observations = parse(KINDS_CSV).assign(kind=["cumulative"] * 2 + ["attribute"] * 4)
    frame = compare(observations, 2010, 2020).frame.set_index("metric")
    assert frame["flags"].to_dict() == {
        "level": "estimate;cumulative",
        "rank": "attribute",
        "share": "attribute",
    }
    assert frame.loc["level", ["change", "ratio"]].tolist() == [10.0, 2.0]
    assert (
        frame.loc[["rank", "share"], ["change", "change_pct", "ratio", "cagr_pct"]]
        .isna()
        .all(axis=None)
    )


def test_growth_flags_come_after_the_marks_kind_first_then_overflow() -> None:
    texts = pd.Series(["estimate", "", "", ""], dtype=object)
    kinds = np.array(["share", "rank", "cumulative", "level"], dtype=object)
    got = with_growth_flags(texts, kinds, np.array([True, False, False, True]))
    assert got.tolist() == [
        "estimate;percentage_points;overflow",
        "rank_places",
        "cumulative",
        "overflow",
    ]


def test_growth_of_named_kinds() -> None:
    kinds = np.array(["level", "share", "rank", "attribute"], dtype=object)
    frame = growth(np.full(4, 2.0), np.full(4, 3.0), np.full(4, 1.0), kinds=kinds)
    assert frame["change"].tolist() == pytest.approx([1.0, 1.0, 1.0, math.nan], nan_ok=True)
    assert frame["ratio"].tolist() == pytest.approx([1.5] + [math.nan] * 3, nan_ok=True)


def test_the_kind_a_unit_implies() -> None:
    assert kind_of_unit("percent") is Kind.share
    assert kind_of_unit("rank") is Kind.rank
    assert kind_of_unit("CNY") is Kind.level
    assert kind_of_unit("") is Kind.level


def test_declared_kinds_from_the_indicators() -> None:
    assert metric_kinds(None) == {}
    assert metric_kinds(INDICATORS) == {}
    declared = pd.DataFrame(
        {"metric": ["a", "b", "c", "d", 5], "kind": [" flow ", "gizmo", "", "rank", "share"]}
    )
    assert metric_kinds(declared) == {"a": Kind.flow, "d": Kind.rank, "5": Kind.share}


@pytest.mark.parametrize("categorical", [True, False])
def test_row_kinds_declared_then_unit_and_percent_always_a_share(categorical: bool) -> None:
    rows = pd.DataFrame(
        {
            "metric": ["a", "a", "b", "c", "d", None],
            "unit": ["firms", "percent", "rank", "CNY", None, "percent"],
        }
    )
    if categorical:
        rows = rows.astype("category")
    kinds = row_kinds(rows, {"a": Kind.cumulative, "d": Kind.attribute})
    assert kinds.tolist() == ["cumulative", "share", "rank", "level", "attribute", "share"]
    assert row_kinds(rows).tolist() == ["level", "share", "rank", "level", "level", "share"]
    assert (
        row_kinds(rows[["metric"]], {"a": Kind.flow}).tolist() == ["flow", "flow"] + ["level"] * 4
    )
    assert row_kinds(rows.assign(kind="rank")).tolist() == ["rank"] * 6
    assert row_kinds(rows.iloc[:0]).tolist() == []


# --- years the data chose, and entity names ------------------------------------------


def test_an_inferred_year_is_flagged_after_the_marks() -> None:
    start = pd.DataFrame(
        {"status": ["estimate", "reported"], "qualifier": ["less_than", "exact"]}
    ).assign(year_basis=["inferred", "stated"])
    end = pd.DataFrame({"status": ["reported", "reported"], "qualifier": ["exact", "exact"]})
    assert flags(start, end).tolist() == ["estimate;less_than;inferred_year", ""]
    assert flags(end, start).tolist() == ["estimate;less_than;inferred_year", ""]
    assert flags(end).tolist() == ["", ""]


def test_series_and_comparisons_carry_how_each_year_is_known() -> None:
    observations = parse(UNSORTED_CSV)
    observations = observations.assign(
        year_basis=["stated", "inferred", "stated", "", "publication", "stated"]
    )
    series = series_growth(observations, ["m"])
    # m/a 2010, 2015 (inferred), 2020; m/b 2010, 2020.
    assert series["year_basis"].tolist() == ["", "inferred", "stated", "stated", "stated"]
    assert series["flags"].tolist() == [
        "derived",
        "derived;inferred_year",
        "estimate;about;inferred_year",
        "",
        "",
    ]
    frame = compare(observations, 2010, 2020).frame
    assert frame[["year_basis_from", "year_basis_to"]].values.tolist() == [
        ["", "stated"],
        ["stated", "stated"],
    ]
    plain = compare(parse(UNSORTED_CSV), 2010, 2020).frame
    assert plain[["year_basis_from", "year_basis_to"]].values.tolist() == [["", ""], ["", ""]]
    assert series_growth(parse(UNSORTED_CSV), ["n"])["year_basis"].tolist() == [""]


def test_catalog_names_entities_where_it_can() -> None:
    entities = pd.DataFrame(
        {"entity": ["a", "zz"], "name_en": ["Alpha", "Zed"], "name_zh": ["甲", "乙"]}
    )
    summary = catalog(parse(UNSORTED_CSV), INDICATORS, entities)
    assert summary[["entity", "entity_name_en", "entity_name_zh"]].values.tolist() == [
        ["a", "Alpha", "甲"],
        ["b", "", ""],
        ["a", "Alpha", "甲"],
    ]
    for nameless in (None, entities.iloc[:0]):
        summary = catalog(parse(UNSORTED_CSV), INDICATORS, nameless)
        assert summary[["entity_name_en", "entity_name_zh"]].values.tolist() == [["", ""]] * 3


# --- declared kinds and entity names through the Dataset -----------------------------

ENTITIES = pd.DataFrame(
    {"entity": ["a", "b"], "name_en": ["Alpha", "Beta"], "name_zh": ["甲", "乙"]}
)


@pytest.fixture
def described() -> Dataset:
    """UNSORTED_CSV with m declared a running total, and its entities named."""
    indicators = INDICATORS.assign(kind=["cumulative", "", ""])
    return Dataset.from_frame(parse(UNSORTED_CSV), indicators, entities=ENTITIES)


def test_declared_kinds_reach_series_spans_and_comparisons(described: Dataset) -> None:
    result = stats.series(described, ["m"])
    assert set(result.frame["kind"]) == {"cumulative"}
    assert result.frame["flags"].str.endswith("cumulative").all()
    assert result.spans["flags"].tolist() == ["estimate;derived;about;cumulative", "cumulative"]
    compared = stats.comparison(described, 2010, 2020).frame
    assert compared["flags"].tolist() == ["estimate;derived;about;cumulative", "cumulative"]
    declared = {"m": Kind.cumulative}
    observations = parse(UNSORTED_CSV)
    assert set(series_growth(observations, ["m"], declared)["kind"]) == {"cumulative"}
    assert set(compare(observations, 2010, 2020, declared=declared).frame["kind"]) == {"cumulative"}
    assert set(span(observations, declared)["kind"]) == {"cumulative", "level"}


def test_a_share_series_has_no_rates() -> None:
    series = series_growth(parse(KINDS_CSV), ["share", "level"])
    share, level = series.iloc[1], series.iloc[3]
    assert share["change"] == 5.0
    assert math.isnan(share["change_pct"]) and math.isnan(share["cagr_pct"])
    assert level["change_pct"] == 100.0


def test_results_name_the_entities(described: Dataset) -> None:
    names = {"a": {"en": "Alpha", "zh": "甲"}, "b": {"en": "Beta", "zh": "乙"}}
    assert stats.series(described, ["m"]).entity_names == names
    assert stats.comparison(described, 2010, 2020).entity_names == names
    assert stats.sources(described, "m").entity_names == names
    catalog_frame = stats.catalog_of(described).frame
    assert catalog_frame["entity_name_en"].tolist() == ["Alpha", "Beta", "Alpha"]


def test_stats_series_of_some_entities(described: Dataset) -> None:
    result = stats.series(described, ["m"], entities=["b"])
    assert order(result.frame) == ["m/b", "m/b"]
    assert order(result.spans) == ["m/b"]


def test_data_without_year_basis_has_empty_bases() -> None:
    observations = parse(UNSORTED_CSV)
    if "year_basis" in observations.columns:
        observations = observations.drop(columns="year_basis")
    # A selection keeps the rows' own labels: the bases must align with them.
    series = series_growth(observations, ["m"])
    assert series["year_basis"].tolist() == [""] * 5
    assert series["flags"].tolist() == ["derived", "derived", "estimate;about", "", ""]
    frame = compare(observations, 2010, 2020).frame
    assert frame[["year_basis_from", "year_basis_to"]].values.tolist() == [["", ""], ["", ""]]
