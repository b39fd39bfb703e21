"""The growth maths and the frame operations of zgc_cli.stats."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal

from zgc_cli.model.observations import load_observations
from zgc_cli.stats.catalog import catalog
from zgc_cli.stats.growth import compare, flags, growth, series_growth, sort_comparison
from zgc_cli.stats.measures import MEASURES
from zgc_cli.stats.select import UnknownSelectionError, select

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
    got = got.assign(metric=got["metric"].astype(str), entity=got["entity"].astype(str))
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
    assert list(comparison.frame.columns[:12]) == [
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
    assert ("employees", "zgc") not in set(comparison.only_from.itertuples(index=False, name=None))
    assert ("invention_patents", "zgc") in set(
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
    with pytest.raises(UnknownSelectionError, match="did you mean revenue"):
        select(observations, metrics=["revenu"])


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


def test_sort_puts_largest_growth_first_and_missing_last(sample_csv) -> None:
    observations = load_observations(str(sample_csv)).frame
    frame = compare(observations, 2014, 2023).frame
    ordered = sort_comparison(frame, "change_pct")
    assert ordered["change_pct"].tolist() == sorted(frame["change_pct"], reverse=True)
    assert sort_comparison(frame, "change_pct", reverse=True)["change_pct"].is_monotonic_increasing
