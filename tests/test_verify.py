"""The figure parser and the checks of observations and claims against the article."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from tests.provenance import provenance_copy
from zgc_cli import check
from zgc_cli.check.arithmetic import evaluate_expression
from zgc_cli.check.claims import verify_claims
from zgc_cli.check.events import verify_events
from zgc_cli.check.observations import verify_observations
from zgc_cli.check.rows import OBSERVATION_CHECKS, RESULT_COLUMNS
from zgc_cli.check.years import publication_year
from zgc_cli.cli import app
from zgc_cli.model import figures as numbers_zh
from zgc_cli.model import schema as data
from zgc_cli.model.dataset import Dataset
from zgc_cli.model.figures import Figure, parse_figures, zh_numeral_to_int
from zgc_cli.model.numbers import machine_number as format_number
from zgc_cli.stats.results import VerifyReport

REPO = Path(__file__).resolve().parent.parent
ARTICLE_PATH = REPO / "tests" / "fixtures" / "article.txt"
ARTICLE = ARTICLE_PATH.read_text(encoding="utf-8")

# Every wording the article uses for a figure: text -> (value in base units, qualifier).
WORDINGS: list[tuple[str, float, str]] = [
    ("3.6万亿元", 3600000000000, "exact"),
    ("8.6万亿元", 8600000000000, "exact"),
    ("784.7亿元", 78470000000, "exact"),
    ("近9800亿元", 980000000000, "nearly"),
    ("1.6万家", 16000, "exact"),
    ("279万人", 2790000, "exact"),
    ("6.3万人", 63000, "exact"),
    ("55万余名", 550000, "more_than"),
    ("48.2件", 48.2, "exact"),
    ("262.9件", 262.9, "exact"),
    ("51%", 51, "exact"),
    ("90%", 90, "exact"),
    ("43%左右", 43, "about"),
    ("1.75万亿参数", 1750000000000, "exact"),
    ("近3000万公里", 30000000, "nearly"),
    ("超1160万人次", 11600000, "more_than"),
    ("突破14万件", 140000, "more_than"),
    ("突破26万件", 260000, "more_than"),
    ("超过9500家", 9500, "more_than"),
    ("200多家", 200, "more_than"),
    ("近600家", 600, "nearly"),
    ("上千家", 1000, "more_than"),
    ("千余件", 1000, "more_than"),
    ("百余人", 100, "more_than"),
    ("600余家", 600, "more_than"),
    ("1800余家", 1800, "more_than"),
    ("80余家", 80, "more_than"),
    ("300余家", 300, "more_than"),
    ("150余公里", 150, "more_than"),
    ("30余项", 30, "more_than"),
    ("近30家", 30, "nearly"),
    ("四成以上", 40, "more_than"),
    ("近一半", 50, "nearly"),
    ("超亿元", 100000000, "more_than"),
    ("从无到有", 0, "exact"),
    ("百强", 100, "exact"),
    ("500强", 500, "exact"),
    ("2500强", 2500, "exact"),
    ("三项", 3, "exact"),
    ("三次", 3, "exact"),
    ("9大", 9, "exact"),
    ("十大", 10, "exact"),
    ("1.5倍", 1.5, "exact"),
    ("3倍", 3, "exact"),
    ("四倍多", 4, "more_than"),
    ("近一倍", 1, "nearly"),
    ("14.9%", 14.9, "exact"),
    ("109.8%", 109.8, "exact"),
    ("不到5分钟", 5, "less_than"),
    ("不到四年", 4, "less_than"),
    ("千比特量级", 1000, "order_of_magnitude"),
    ("第四", 4, "exact"),
    ("第一", 1, "exact"),
    ("第三个", 3, "exact"),
    ("第二十二次", 22, "exact"),
    ("488平方公里", 488, "exact"),
    ("14届", 14, "exact"),
    ("256核", 256, "exact"),
    ("107款", 107, "exact"),
    ("47款", 47, "exact"),
    ("13次", 13, "exact"),
    ("24个", 24, "exact"),
    ("144个", 144, "exact"),
    ("6758项", 6758, "exact"),
    ("1897家", 1897, "exact"),
    ("2个", 2, "exact"),
    ("两个", 2, "exact"),
    ("55岁", 55, "exact"),
    ("30多年", 30, "more_than"),
    ("两年多", 2, "more_than"),
    ("5个月", 5, "exact"),
    ("28条", 28, "exact"),
]


@pytest.mark.parametrize(("text", "value", "qualifier"), WORDINGS)
def test_parse_each_wording(text: str, value: float, qualifier: str) -> None:
    figures = parse_figures(text)
    assert len(figures) == 1, figures
    (figure,) = figures
    assert (figure.value, figure.qualifier) == (value, qualifier)
    assert figure.text == text


@pytest.mark.parametrize("text", [text for text, _, _ in WORDINGS])
def test_each_wording_is_in_the_article(text: str) -> None:
    """The table tests the article's own wordings, not invented ones."""
    assert text in ARTICLE


@pytest.mark.parametrize(
    ("text", "unit_suffix"),
    [
        ("784.7亿元", "元"),
        ("1.6万家", "家"),
        ("51%", "%"),
        ("四成以上", "%"),
        ("近一半", "%"),
        ("第四", "第"),
        ("1.5倍", "倍"),
        ("488平方公里", "平方公里"),
        ("超1160万人次", "人次"),
    ],
)
def test_unit_suffix(text: str, unit_suffix: str) -> None:
    assert parse_figures(text)[0].unit_suffix == unit_suffix


def test_parser_qualifiers_are_the_data_vocabulary() -> None:
    """One vocabulary: the parser's and the checks' words are the data's tuples."""
    assert numbers_zh.QUALIFIERS is data.QUALIFIERS
    assert data.STATUSES is data.STATUSES
    assert (
        numbers_zh.EXACT,
        numbers_zh.MORE_THAN,
        numbers_zh.NEARLY,
        numbers_zh.ABOUT,
        numbers_zh.LESS_THAN,
        numbers_zh.ORDER_OF_MAGNITUDE,
    ) == ("exact", "more_than", "nearly", "about", "less_than", "order_of_magnitude")
    qualifiers = {figure.qualifier for figure in parse_figures(ARTICLE)}
    assert qualifiers == set(data.QUALIFIERS)


def test_decimal_conversion_is_exact() -> None:
    # 4.35 * 1e8 is 434999999.99999994 in floats; the parser must not go through it.
    assert parse_figures("4.35亿元")[0].value == 435000000
    assert parse_figures("784.7亿元")[0].value == 78470000000


@given(
    st.decimals(min_value=0, max_value=99999, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from([("万", 10**4), ("亿", 10**8), ("万亿", 10**12)]),
)
def test_magnitudes_convert_exactly(number: Decimal, magnitude: tuple[str, int]) -> None:
    word, factor = magnitude
    text = f"{number}{word}元"
    (figure,) = parse_figures(text)
    assert figure.value == float(number * factor)


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("三", 3),
        ("十", 10),
        ("十八", 18),
        ("二十二", 22),
        ("百", 100),
        ("千", 1000),
        ("亿", 10**8),
        ("千亿", 10**11),
        ("万亿", 10**12),
        ("一千二百三十四", 1234),
    ],
)
def test_chinese_numerals(numeral: str, value: int) -> None:
    assert zh_numeral_to_int(numeral) == value


@pytest.mark.parametrize(
    "text",
    [
        "2023年",
        "2012～2022年",
        "（2022-2025年）",
        "2013年9月30日",
        "4月25日至29日",
        "四月芳菲",
        "20世纪80年代",
        "5G移动通信",
        "X86平台",
        "龙芯3A6000",
        "“悟道2.0”",
        "“4.0时代”",
        "2024中关村论坛年会",
        "一家科技型企业",
        "一大批",
        "每万人",
        "党的十八大以来",
        "百度",
        "两院院士",
        "超大规模",
        "近年来",
    ],
)
def test_not_figures(text: str) -> None:
    assert parse_figures(text) == []


def test_years_are_skipped_but_figures_kept() -> None:
    figures = parse_figures("由2012年的1897家增加到2022年的4245家")
    assert [f.value for f in figures] == [1897, 4245]


def test_threshold_wording_is_marked() -> None:
    over_100m, first, second = parse_figures(
        "年收入亿元以上企业由2012年的1897家增加到2022年的4245家"
    )
    assert (over_100m.value, over_100m.qualifier, over_100m.is_threshold) == (
        100000000,
        "more_than",
        True,
    )
    assert not first.is_threshold and not second.is_threshold
    over_100b, none, eleven = parse_figures("超千亿元企业从无到有，2022年达到11家")
    assert over_100b.is_threshold and over_100b.value == 100000000000
    assert (none.value, eleven.value, eleven.qualifier) == (0, 11, "exact")
    assert parse_figures("2个万亿级产业集群")[1].is_threshold
    # Measured amounts are not thresholds, even when followed by a noun.
    assert not parse_figures("规模近9800亿元的生物医药产业")[0].is_threshold
    assert not parse_figures("入驻企业累计研发投入超亿元，")[0].is_threshold


def test_figure_offsets_point_into_the_text() -> None:
    text = "累计自动驾驶测试里程近3000万公里，提供常态化出行与生活服务超1160万人次"
    for figure in parse_figures(text):
        assert text[figure.start : figure.end] == figure.text
    assert isinstance(parse_figures(text)[0], Figure)


def test_article_parses_without_error() -> None:
    figures = parse_figures(ARTICLE)
    values = {figure.value for figure in figures}
    assert {3600000000000, 78470000000, 260000, 48.2, 6758} <= values
    assert not any(1900 <= figure.value <= 2100 for figure in figures)  # no years


# --- safe arithmetic ---------------------------------------------------------------


def test_evaluate_expression_matches_python() -> None:
    for expression in (
        "2790000 / 1.5",
        "6758 / (1 + 14.9 / 100)",
        "(2022 - 2012 + 1) * 10",
        "-3 + 4 * 2",
    ):
        assert evaluate_expression(expression) == float(eval(expression))  # noqa: S307


@pytest.mark.parametrize(
    "expression",
    ["__import__('os')", "2 ** 10", "abs(-3)", "x + 1", "1 / 0", "", "True + 1", "[1][0]"],
)
def test_evaluate_expression_rejects_anything_else(expression: str) -> None:
    with pytest.raises(ValueError):
        evaluate_expression(expression)


# --- observations ------------------------------------------------------------------


@pytest.fixture(scope="module")
def observations() -> pd.DataFrame:
    return pd.read_csv(REPO / "data" / "metrics.csv")


@pytest.fixture(scope="module")
def claims() -> pd.DataFrame:
    return pd.read_csv(REPO / "data" / "claims.csv")


@pytest.fixture(scope="module")
def entities() -> pd.DataFrame:
    return pd.read_csv(REPO / "data" / "entities.csv", dtype=str, keep_default_na=False)


def row_of(frame: pd.DataFrame, metric: str, entity: str, year: int) -> pd.DataFrame:
    selected = frame[
        (frame["metric"] == metric) & (frame["entity"] == entity) & (frame["year"] == year)
    ]
    assert len(selected) == 1
    return selected.copy()


def results_of(report: pd.DataFrame, check: str) -> list[str]:
    return report.loc[report["check"] == check, "result"].tolist()


def test_shipped_observations_pass(observations: pd.DataFrame, entities: pd.DataFrame) -> None:
    report = verify_observations(observations, ARTICLE, entities=entities)
    assert list(report.columns) == RESULT_COLUMNS
    failures = report[report["result"] != "pass"]
    assert failures.empty, failures.to_string()
    # Every observation was checked against a figure or an expression, not skipped, and
    # every one had its year and its entity checked.
    for checks in (["value", "derived"], ["year"], ["entity"]):
        assert report["check"].isin(checks).sum() == len(observations), checks
    # Every reported row had its unit word checked; every derived row its interval.
    # (a derived row's unit follows from its operands': checked too).
    assert (report["check"] == "unit").sum() == len(observations)
    derived = observations["status"] == "derived"
    assert (report["check"] == "interval").sum() == derived.sum() == 5


def test_shipped_claims_pass(observations: pd.DataFrame, claims: pd.DataFrame) -> None:
    report = verify_claims(observations, claims)
    assert list(report.columns) == RESULT_COLUMNS
    assert len(report) == len(claims)
    assert report["result"].isin(["pass", "definitional"]).all(), report.to_string()
    definitional = report["result"] == "definitional"
    assert definitional.tolist() == claims["definitional"].tolist()


def test_value_off_by_one_fails(observations: pd.DataFrame) -> None:
    row = row_of(observations, "listed_firms", "zgc", 2022)
    row["value"] = 488
    report = verify_observations(row)
    assert results_of(report, "value") == ["fail"]
    assert "487家" in report["found"].iloc[0]


def test_decimal_value_off_in_last_place_fails(observations: pd.DataFrame) -> None:
    row = row_of(observations, "tech_contract_value_to_tianjin_hebei", "beijing", 2023)
    row["value"] = 78470000000.00002
    assert results_of(verify_observations(row), "value") == ["fail"]


def test_wrong_qualifier_fails(observations: pd.DataFrame) -> None:
    row = row_of(observations, "invention_patents", "zgc", 2020)
    row["qualifier"] = "exact"
    report = verify_observations(row)
    assert results_of(report, "value") == ["pass"]
    assert results_of(report, "qualifier") == ["fail"]


def test_threshold_qualifier_does_not_leak(observations: pd.DataFrame) -> None:
    """超千亿元 qualifies the definition: 11 firms is exact, and 1e11 is not a value."""
    row = row_of(observations, "firms_revenue_over_100b", "zgc", 2022)
    row["qualifier"] = "more_than"
    assert results_of(verify_observations(row), "qualifier") == ["fail"]
    row = row_of(observations, "firms_revenue_over_100b", "zgc", 2012)
    row["value"] = 100000000000
    report = verify_observations(row)
    assert results_of(report, "value") == ["fail"]
    value = report[report["check"] == "value"]
    assert value["detail"].tolist() == ["the row's figure 从无到有 does not equal the value"]
    # Unbound (no figure column), the threshold is named as such.
    report = verify_observations(row.drop(columns=["figure"]))
    assert "threshold" in report["detail"].iloc[0]


def test_estimate_status_must_match_the_wording(observations: pd.DataFrame) -> None:
    estimate = row_of(observations, "revenue", "zgc", 2023)
    estimate["status"] = "reported"
    assert results_of(verify_observations(estimate), "status") == ["fail"]
    reported = row_of(observations, "revenue", "zgc", 2014)
    reported["status"] = "estimate"
    assert results_of(verify_observations(reported), "status") == ["fail"]


def _target_row(quote: str, figure: str, value: float, status: str) -> pd.DataFrame:
    return pd.DataFrame(
        [{"metric": "digital_share", "entity": "beijing", "year": 2025, "value": value,
          "unit": "percent", "status": status, "qualifier": "about", "quote": quote,
          "figure": figure}]
    )  # fmt: skip


@pytest.mark.parametrize(
    ("quote", "status", "result"),
    [
        ("到2025年，数字经济增加值占比力争达到50%左右", "target", "pass"),
        ("今年计划新建园区，数字经济增加值占比达到50%左右", "target", "pass"),
        ("依托国家重点研发计划，数字经济增加值占比达到50%左右", "target", "fail"),
        ("数字经济增加值占比达到50%左右", "target", "fail"),
        ("到2025年，数字经济增加值占比力争达到50%左右", "reported", "pass"),
        ("预计数字经济增加值占比达到50%左右", "target", "fail"),
    ],
)
def test_a_target_row_needs_a_target_word(quote: str, status: str, result: str) -> None:
    report = verify_observations(_target_row(quote, "50%左右", 50, status))
    assert results_of(report, "status") == [result]


def test_target_is_a_status_of_the_vocabulary() -> None:
    assert (
        "target" in data.STATUSES and data.STATUS_MARKS["target"] != data.STATUS_MARKS["estimate"]
    )
    report = verify_observations(_target_row("力争达到50%左右", "50%左右", 50, "goal"))
    assert results_of(report, "status") == ["fail"]


def test_quote_whose_figure_differs_fails(observations: pd.DataFrame) -> None:
    row = row_of(observations, "employees", "zgc", 2022)
    row["quote"] = "2022年，中关村从业人员297万人"
    assert results_of(verify_observations(row), "value") == ["fail"]
    assert results_of(verify_observations(row, ARTICLE), "quote") == ["fail"]


def test_derived_note_no_longer_matching_fails(observations: pd.DataFrame) -> None:
    row = row_of(observations, "employees", "zgc", 2013)
    row["note"] = "2790000 / 1.6"
    report = verify_observations(row)
    assert results_of(report, "derived") == ["fail"]
    assert results_of(report, "operands") == ["fail"]  # 1.6 is not in the quote


def test_derived_value_changed_fails(observations: pd.DataFrame) -> None:
    row = row_of(observations, "tech_contracts_to_tianjin_hebei", "beijing", 2022)
    row["value"] = 5882  # the result rounded: the article's arithmetic is kept in full
    report = verify_observations(row)
    assert results_of(report, "derived") == ["fail"]
    assert results_of(report, "operands") == ["pass"]
    assert results_of(report, "interval") == ["pass"]  # 5882 is inside, but not the result
    assert report.loc[report["check"] == "derived", "detail"].iloc[0] == (
        "the note does not compute the value"
    )


def test_derived_numbers_are_written_in_full(observations: pd.DataFrame) -> None:
    row = row_of(observations, "tech_contracts_to_tianjin_hebei", "beijing", 2022)
    report = verify_observations(row).set_index("check")
    assert report.loc["derived", "expected"] == "5881.6362053959965"
    assert report.loc["derived", "found"] == "6758 / (1 + 14.9 / 100) = 5881.6362053959965"
    # The interval's ends rounded outward: 5879.0778599391035... down, 5884.19677840661... up.
    assert report.loc["interval", "expected"] == "5879.077859939103 to 5884.196778406617"
    assert report.loc["interval", "found"] == report.loc["interval", "expected"]
    assert report.loc["operands", "expected"] == "6758, 1, 14.9, 100"
    row = row_of(observations, "tech_contract_value_to_tianjin_hebei", "beijing", 2022)
    report = verify_observations(row).set_index("check")
    assert report.loc["derived", "expected"] == "37402287893.23165"  # no 3.74e+10
    assert report.loc["derived", "found"].endswith("= 37402287893.23165")


def test_derived_without_expression_fails(observations: pd.DataFrame) -> None:
    row = row_of(observations, "returnee_employees", "zgc", 2012)
    row["note"] = "three times fewer"
    assert results_of(verify_observations(row), "derived") == ["fail"]


def test_unknown_status_and_qualifier_fail(observations: pd.DataFrame) -> None:
    row = row_of(observations, "area", "zgc", 2024)
    row["status"] = "guessed"
    row["qualifier"] = "roughly"
    report = verify_observations(row)
    assert results_of(report, "status") == ["fail"]
    assert "fail" in results_of(report, "qualifier")


def test_user_data_without_quotes_is_unsourced() -> None:
    bare = pd.DataFrame(
        {"metric": ["revenue"], "entity": ["zgc"], "year": [2030], "value": [1.0e13]}
    )
    report = verify_observations(bare)
    assert report[["check", "result"]].values.tolist() == [["source", "unsourced"]]
    assert report["year"].tolist() == [2030]

    empty = pd.DataFrame(
        {
            "metric": ["revenue", "revenue"],
            "entity": ["zgc", "zgc"],
            "year": [2030, 2031],
            "value": [1.0, 2.0],
            "status": ["", None],
            "qualifier": ["", None],
            "quote": ["", None],
            "note": ["", None],
        }
    )
    assert verify_observations(empty)["result"].tolist() == ["unsourced", "unsourced"]


def test_empty_frame_gives_empty_report() -> None:
    report = verify_observations(pd.DataFrame(columns=["metric", "entity", "year", "value"]))
    assert report.empty and list(report.columns) == RESULT_COLUMNS


# --- claims ------------------------------------------------------------------------


def test_claim_with_swapped_years_fails(observations: pd.DataFrame, claims: pd.DataFrame) -> None:
    claim = claims[claims["claim_id"] == "employees_1_5_times_2013"].copy()
    claim[["year", "base_year"]] = claim[["base_year", "year"]].to_numpy()
    report = verify_claims(observations, claim)
    # A definitional claim still fails when the figures no longer agree with its words.
    assert report["result"].tolist() == ["fail"]
    assert report["found"].iloc[0] == "0.6666666666666666"  # 1860000 / 2790000, in full


def test_claim_fails_when_the_data_changes(
    observations: pd.DataFrame, claims: pd.DataFrame
) -> None:
    changed = observations.copy()
    is_2014 = (changed["metric"] == "patents_per_10k_people") & (changed["year"] == 2014)
    changed.loc[is_2014, "value"] = 60.0  # growth to 262.9 is then 338%, not 四倍多
    claim = claims[claims["claim_id"] == "patents_per_10k_grew_over_fourfold"]
    assert verify_claims(changed, claim)["result"].tolist() == ["fail"]


def test_claim_with_missing_observation_names_it(
    observations: pd.DataFrame, claims: pd.DataFrame
) -> None:
    without_2013 = observations[
        ~((observations["metric"] == "employees") & (observations["year"] == 2013))
    ]
    claim = claims[claims["claim_id"] == "employees_1_5_times_2013"]
    report = verify_claims(without_2013, claim)
    assert report["result"].tolist() == ["fail"]
    assert "employees/zgc/2013" in report["detail"].iloc[0]


def test_claim_measures_are_written_in_full(
    observations: pd.DataFrame, claims: pd.DataFrame
) -> None:
    """Machine formats carry the measure in full: no .6g rounding, no exponent."""
    report = verify_claims(observations, claims)
    claim_ids = report["detail"].str.split(":").str[0]
    found = dict(zip(claim_ids, report["found"], strict=True))
    expected = dict(zip(claim_ids, report["expected"], strict=True))
    assert found["invention_patents_nearly_doubled"] == "1.8571428571428572"  # 260000 / 140000
    assert found["patents_per_10k_grew_over_fourfold"] == "445.4356846473029"
    assert found["large_models_share_over_40"] == "43.925233644859816"
    assert found["biomedicine_below_trillion"] == "980000000000"
    assert found["employees_1_5_times_2013"] == "1.5"  # 2790000 / 1860000: the article's 1.5倍
    assert expected["invention_patents_nearly_doubled"] == "[1.75, 2)"
    assert expected["patents_per_10k_grew_over_fourfold"] == "(400, 500)"
    assert expected["large_models_share_over_40"] == "(40, 50)"
    assert expected["biomedicine_below_trillion"] == "< 1000000000000"
    for text in report["found"]:
        assert "e+" not in text and text == format_number(float(text))


@pytest.mark.parametrize(
    ("low", "high", "low_inclusive", "high_inclusive", "band"),
    [
        (1.75, 2, True, False, "[1.75, 2)"),
        (400, 500, False, True, "(400, 500]"),
        (0.1 + 0.2, None, True, False, ">= 0.30000000000000004"),
        (0, None, False, False, "> 0"),
        (None, 1e12, True, False, "< 1000000000000"),
        (None, 1e12, True, True, "<= 1000000000000"),
        (float("-inf"), 1e12, True, False, "< 1000000000000"),
        (None, None, True, False, "any value"),
    ],
)
def test_claim_band_is_written_exactly(
    low: float | None, high: float | None, low_inclusive: bool, high_inclusive: bool, band: str
) -> None:
    rows = pd.DataFrame([{"metric": "m", "entity": "e", "year": 2023, "value": 13 / 7}])
    claim = pd.DataFrame(
        [
            {
                "claim_id": "c",
                "kind": "value",
                "metric": "m",
                "entity": "e",
                "year": 2023,
                "low": low,
                "high": high,
                "low_inclusive": low_inclusive,
                "high_inclusive": high_inclusive,
            }
        ]
    )
    report = verify_claims(rows, claim)
    assert report["expected"].tolist() == [band]
    assert report["found"].tolist() == ["1.8571428571428572"]  # 13 / 7, not 1.85714


@pytest.mark.parametrize(
    ("kind", "value", "base", "low", "high", "low_inclusive", "high_inclusive", "result"),
    [
        ("ratio", 260000, 140000, 1.75, 2, True, False, "pass"),
        ("ratio", 280000, 140000, 1.75, 2, True, False, "fail"),  # exactly double: not 近
        ("growth_pct", 110, 100, 10, None, True, False, "pass"),
        ("growth_pct", 110, 100, 10, None, False, False, "fail"),  # exclusive bound
        ("share_pct", 47, 107, 40, None, True, False, "pass"),
        ("share_pct", 13, 13, 100, 100, True, True, "pass"),
        ("share_pct", 12, 13, 100, 100, True, True, "fail"),
        ("value", 0, None, 0, 0, True, True, "pass"),
        ("ratio", 5, 0, 1, None, True, False, "fail"),  # zero base
    ],
)
def test_claim_bands(
    kind: str,
    value: float,
    base: float | None,
    low: float | None,
    high: float | None,
    low_inclusive: bool,
    high_inclusive: bool,
    result: str,
) -> None:
    rows = [{"metric": "m", "entity": "e", "year": 2023, "value": value}]
    if base is not None:
        rows.append({"metric": "m", "entity": "e", "year": 2020, "value": base})
    claim = pd.DataFrame(
        [
            {
                "claim_id": "c",
                "kind": kind,
                "metric": "m",
                "entity": "e",
                "year": 2023,
                "base_metric": "m" if base is not None else None,
                "base_entity": "e",
                "base_year": 2020 if base is not None else None,
                "low": low,
                "high": high,
                "low_inclusive": low_inclusive,
                "high_inclusive": high_inclusive,
            }
        ]
    )
    assert verify_claims(pd.DataFrame(rows), claim)["result"].tolist() == [result]


# --- the shipped data, whole, and three planted edits ----------------------------------

SHIPPED_FILES = (
    "metrics.csv",
    "indicators.csv",
    "claims.csv",
    "entities.csv",
    "events.csv",
    "datapackage.json",
)


def copy_shipped(tmp_path: Path) -> Path:
    """The shipped data package copied to tmp_path (with issue 17's columns): its metrics.csv."""
    return provenance_copy(tmp_path)


def shipped_copy(
    tmp_path: Path, metric: str, entity: str, year: int, column: str, new: str
) -> Path:
    """The shipped data package copied to tmp_path, with one cell of metrics.csv changed."""
    path = copy_shipped(tmp_path)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    key = (metric, entity, str(year))
    matching = [row for row in rows if (row["metric"], row["entity"], row["year"]) == key]
    assert len(matching) == 1 and matching[0][column] != new
    matching[0][column] = new
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


def failures_of(report: VerifyReport) -> list[tuple[str, str, str, int]]:
    frame = report.frame[report.frame["result"] == "fail"]
    return [
        (row["check"], row["metric"], row["entity"], int(row["year"]))
        for row in frame.to_dict("records")
    ]


def test_the_shipped_data_passes_every_check_with_the_article(tmp_path: Path) -> None:
    report = check.run(Dataset.open(str(copy_shipped(tmp_path))), ARTICLE)
    frame = report.frame
    assert list(frame.columns) == RESULT_COLUMNS
    assert set(frame["result"]) == {"pass", "definitional"}, frame[
        ~frame["result"].isin(["pass", "definitional"])
    ].to_string()
    assert not report.failed
    assert set(frame["check"]) == {*OBSERVATION_CHECKS, "claim", "parent"} - {"source"}
    assert report.counts == {
        "pass": len(frame) - 6,
        "definitional": 6,
        "fail": 0,
        "unsourced": 0,
    }
    events = frame[frame["metric"] == "event"]
    assert set(events["check"]) == {"quote", "year", "entity"}
    assert (events["result"] == "pass").all()
    assert len(events) == 3 * len(pd.read_csv(REPO / "data" / "events.csv"))


def test_definitional_claims_are_counted_as_such() -> None:
    report = check.run(Dataset.open())
    claims = report.frame[report.frame["check"] == "claim"]
    definitional = claims[claims["result"] == "definitional"]
    assert report.counts["definitional"] == len(definitional) == 6
    assert {detail.split(":")[0] for detail in definitional["detail"]} == {
        "employees_1_5_times_2013",
        "returnees_3_times_2012",
        "launches_all_from_beijing",
        "tech_contracts_growth_14_9",
        "tech_contract_value_growth_109_8",
        "firms_over_100b_none_in_2012",
    }
    assert all("derived from the same words" in d for d in definitional["detail"])
    assert (claims["result"] != "fail").all() and not report.failed


@pytest.mark.parametrize(
    ("metric", "entity", "year", "column", "new", "failure"),
    [
        # The quote says 2022年 (year_basis stated).
        (
            "high_tech_firms",
            "zgc",
            2022,
            "year",
            "2021",
            [("year", "high_tech_firms", "zgc", 2021)],
        ),
        # The quote says 北京 (Beijing, wider than the zone).
        ("researchers", "beijing", 2024, "entity", "zgc", [("entity", "researchers", "zgc", 2024)]),
        # The quote says 平方公里 (and the indicator's unit is km2).
        (
            "area",
            "zgc",
            2024,
            "unit",
            "m2",
            [("unit", "area", "zgc", 2024), ("indicator", "area", "zgc", 2024)],
        ),
    ],
)
def test_each_planted_edit_fails_where_expected(
    tmp_path: Path,
    metric: str,
    entity: str,
    year: int,
    column: str,
    new: str,
    failure: list[tuple[str, str, str, int]],
) -> None:
    path = shipped_copy(tmp_path, metric, entity, year, column, new)
    report = check.run(Dataset.open(str(path)), ARTICLE)
    assert failures_of(report) == failure
    assert report.failed and report.counts["fail"] == len(failure)


def test_a_planted_entity_fails_through_the_cli(tmp_path: Path) -> None:
    path = shipped_copy(tmp_path, "researchers", "beijing", 2024, "entity", "zgc")
    result = CliRunner().invoke(
        app, ["verify", "--data", str(path), "--article", str(ARTICLE_PATH), "-f", "csv"]
    )
    assert result.exit_code == 1
    failed = [row for row in csv.DictReader(io.StringIO(result.stdout)) if row["result"] == "fail"]
    assert [(row["check"], row["entity"], row["found"]) for row in failed] == [
        ("entity", "zgc", "beijing (北京)")
    ]
    assert ", 6 definitional, 1 fail, 0 unsourced" in result.stderr


def test_a_file_without_a_figure_column_says_so(tmp_path: Path) -> None:
    path = copy_shipped(tmp_path)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False).drop(columns=["figure"])
    frame.to_csv(path, index=False)
    report = check.run(Dataset.open(str(path)), ARTICLE)
    notices = report.frame[report.frame["result"] == "unsourced"]
    assert notices[["check", "metric", "result"]].values.tolist() == [["figure", "", "unsourced"]]
    assert notices["detail"].iloc[0].startswith("the data has no figure column")
    assert report.counts["unsourced"] == 1 and not report.failed
    # Without the column, no row is bound to a figure: no figure or metric check.
    assert not {"figure", "metric"} & set(report.frame.loc[report.frame["metric"] != "", "check"])


# --- derived rows: the note's layout ------------------------------------------------------


def derived_row(value: float, note: str, qualifier: str = "about") -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "metric": "employees",
                "entity": "zgc",
                "year": 2013,
                "value": value,
                "unit": "persons",
                "status": "derived",
                "qualifier": qualifier,
                "quote": "中关村从业人员279万人，是2013年的1.5倍",
                "note": note,
            }
        ]
    )


INTERVAL_NOTE = (
    "2790000 / 1.5 = 1860000; interval 2785000 / 1.55 to 2795000 / 1.45 "
    "(279万 rounded to 1万 and 1.5倍 to 0.1)"
)
# 2785000 / 1.55 = 1796774.19354838709..., 2795000 / 1.45 = 1927586.20689655172...,
# rounded outward to a float.
LOW, HIGH = 1796774.193548387, 1927586.206896552
BOUNDS_DIFFER = "low and high are not the interval's expressions rounded outward"
BAD_LAYOUT = (
    "the note after ' = ' is not in the layout "
    "('<result>; interval <low> to <high> (<why>)' or '<result>, exact: <why>')"
)


def checks_of(report: pd.DataFrame) -> dict[str, str]:
    return dict(zip(report["check"], report["result"], strict=True))


def test_a_derived_row_keeps_the_articles_arithmetic() -> None:
    report = verify_observations(derived_row(1860000, INTERVAL_NOTE).assign(low=LOW, high=HIGH))
    assert checks_of(report) == {
        "derived": "pass",
        "qualifier": "pass",
        "interval": "pass",
        "operands": "pass",
    }
    found = dict(zip(report["check"], report["found"], strict=True))
    assert found["derived"] == "2790000 / 1.5 = 1860000"
    assert found["interval"] == "1796774.193548387 to 1927586.206896552"
    # A user's file without low and high: the note's interval alone is checked.
    assert set(checks_of(verify_observations(derived_row(1860000, INTERVAL_NOTE))).values()) == {
        "pass"
    }


@pytest.mark.parametrize("value", [1900000, 1800000, 1860001, 1859999.9999999998])
def test_a_value_rounded_or_off_fails(value: float) -> None:
    """The old rule's 1900000 (2 significant digits) is wrong now: it is not 1.5倍 of 2790000."""
    report = verify_observations(derived_row(value, INTERVAL_NOTE).assign(low=LOW, high=HIGH))
    assert checks_of(report)["derived"] == "fail"
    assert report["detail"].iloc[0] == "the note does not compute the value"


def test_a_value_computed_from_rounded_figures_must_be_about() -> None:
    checks = checks_of(verify_observations(derived_row(1860000, INTERVAL_NOTE, "exact")))
    assert (checks["derived"], checks["qualifier"]) == ("pass", "fail")
    report = verify_observations(derived_row(1860000, INTERVAL_NOTE, "exact"))
    assert report.loc[report["check"] == "qualifier", "detail"].iloc[0] == (
        "a value computed from rounded figures is about"
    )


@pytest.mark.parametrize(
    ("low", "high", "detail"),
    [
        (1796774, 1927587, BOUNDS_DIFFER),
        (
            LOW,
            1927586.2068965517,
            BOUNDS_DIFFER,
        ),
        (
            1796774.1935483871,
            HIGH,
            BOUNDS_DIFFER,
        ),
        (HIGH, LOW, BOUNDS_DIFFER),
        (None, HIGH, BOUNDS_DIFFER),
    ],
)
def test_low_and_high_must_be_the_interval_rounded_outward(
    low: float | None, high: float | None, detail: str
) -> None:
    """Floored and ceiled, rounded to nearest instead of outward, swapped or missing: fail."""
    row = derived_row(1860000, INTERVAL_NOTE).assign(low=low, high=high)
    report = verify_observations(row)
    assert checks_of(report)["interval"] == "fail"
    assert report.loc[report["check"] == "interval", "detail"].iloc[0] == detail


def test_the_interval_is_computed_in_decimal_and_rounded_outward() -> None:
    # 1.15 * 3 is 3.45 in decimal but 3.4499999999999997 in floats; the value is the
    # float nearest 3.45, and the ends 1.145 * 3 = 3.435 and 1.155 * 3 = 3.465 are
    # rounded down and up.
    note = "1.15 * 3 = 3.45; interval 1.145 * 3 to 1.155 * 3 (1.15 rounded to 0.01)"
    row = derived_row(3.45, note).assign(
        quote="1.15倍的3倍", low=3.4349999999999996, high=3.4650000000000003
    )
    assert set(checks_of(verify_observations(row)).values()) == {"pass"}
    assert checks_of(verify_observations(row.assign(value=3.4499999999999997)))["derived"] == "fail"
    negative = "-1.15 * 3 = -3.45; interval -1.155 * 3 to -1.145 * 3 (1.15 rounded to 0.01)"
    row = derived_row(-3.45, negative).assign(
        quote="1.15倍的3倍", low=-3.4650000000000003, high=-3.4349999999999996
    )
    checks = checks_of(verify_observations(row))
    assert (checks["derived"], checks["interval"]) == ("pass", "pass")


@pytest.mark.parametrize(
    ("old", "new", "check", "detail"),
    [
        # The interval no longer holds the result.
        (
            "interval 2785000 / 1.55",
            "interval 2790000 / 1.4",
            "interval",
            "the interval does not hold the result 1860000",
        ),
        (
            "= 1860000;",
            "= 1850000;",
            "derived",
            "the note says = 1850000, the expression gives 1860000",
        ),
        (
            "2790000 / 1.5 =",
            "2790000 / 1.6 =",
            "derived",
            "the note says = 1860000, the expression gives 1743750",
        ),
        (
            "; interval",
            "; range",
            "derived",
            BAD_LAYOUT,
        ),
        # The old layout, rounded to significant digits, is no longer read.
        (
            "= 1860000; interval 2785000 / 1.55 to 2795000 / 1.45",
            "= 1860000, to 2 significant digits as its least precise input (1.5); interval "
            "1796774 to 1927587 from 2785000 / 1.55 to 2795000 / 1.45",
            "derived",
            BAD_LAYOUT,
        ),
    ],
)
def test_a_derived_note_that_disagrees_fails(old: str, new: str, check: str, detail: str) -> None:
    report = verify_observations(derived_row(1860000, INTERVAL_NOTE.replace(old, new)))
    assert checks_of(report)[check] == "fail", report.to_string()
    assert report.loc[report["check"] == check, "detail"].iloc[0] == detail


def test_the_exact_form_and_the_old_layout_still_work() -> None:
    exact = "2790000 / 1.5 = 1860000, exact: both inputs exact"
    assert set(checks_of(verify_observations(derived_row(1860000, exact, "exact"))).values()) == {
        "pass"
    }
    assert checks_of(verify_observations(derived_row(1900000, exact, "exact")))["derived"] == "fail"
    assert checks_of(verify_observations(derived_row(1860000, exact)))["qualifier"] == "fail"
    # An exact row's low and high, where given, are the value itself.
    point = derived_row(1860000, exact, "exact").assign(low=1860000, high=1860000)
    assert checks_of(verify_observations(point))["interval"] == "pass"
    wide = derived_row(1860000, exact, "exact").assign(low=1850000, high=1870000)
    assert checks_of(verify_observations(wide))["interval"] == "fail"
    # A user's file: the whole note is the expression, the value its result exactly.
    old = verify_observations(derived_row(1860000, "2790000 / 1.5", "exact"))
    assert checks_of(old) == {"derived": "pass", "operands": "pass"}
    old = verify_observations(derived_row(1900000, "2790000 / 1.5"))
    assert checks_of(old)["derived"] == "fail"


@pytest.mark.parametrize(
    "note",
    [
        "1+" * 5000 + "1 = 1, exact: long",
        "1 = 1; interval " + "1 to " * 5000 + "(why)",
        "1 = 1; interval 0 to 2 (" + "(" * 5000 + ")",
        "1e400 = 1, exact: not finite",
        "1 / 0 = 0, exact: nothing",
        "1 = 1; interval 1e400 to 2 (not finite)",
    ],
)
def test_hostile_derived_notes_fail_quickly(note: str) -> None:
    report = verify_observations(derived_row(1, note))
    assert "fail" in set(report["result"])


# --- year, unit and entity on small frames ------------------------------------------------


def one_row(**cells: object) -> pd.DataFrame:
    row: dict[str, object] = {
        "metric": "m",
        "entity": "zgc",
        "year": 2022,
        "value": 16000,
        "unit": "firms",
        "status": "reported",
        "qualifier": "exact",
        "quote": "2022年，中关村示范区拥有国家高新技术企业1.6万家",
        "note": "",
        "year_basis": "stated",
    }
    row.update(cells)
    return pd.DataFrame([row])


def result_of(report: pd.DataFrame, check_name: str) -> str:
    (result,) = report.loc[report["check"] == check_name, "result"].tolist()
    return str(result)


@pytest.mark.parametrize(
    ("year", "quote", "result"),
    [
        (2022, "2022年，中关村示范区拥有国家高新技术企业1.6万家", "pass"),
        (2021, "2022年，中关村示范区拥有国家高新技术企业1.6万家", "fail"),
        (2022, "2012～2022年年度“中国科学十大进展”中，有1.6万家", "pass"),  # a range's end
        (2012, "2012～2022年年度“中国科学十大进展”中，有1.6万家", "pass"),
        (2017, "2012～2022年年度“中国科学十大进展”中，有1.6万家", "fail"),  # inside it
        (2023, "“2023中国商业航天企业百强”榜单中，北京企业1.6万家", "pass"),  # a label
        (2500, "“2022年全球研发投入2500强”1.6万家", "fail"),  # 2500强 is a figure
        (2022, "中关村示范区拥有国家高新技术企业1.6万家", "fail"),
    ],
)
def test_a_stated_year_is_named_in_the_quote(year: int, quote: str, result: str) -> None:
    report = verify_observations(one_row(year=year, quote=quote))
    assert result_of(report, "year") == result


def test_inferred_and_publication_years() -> None:
    inferred = one_row(year_basis="inferred", year=2023, note="year inferred: 不到四年 after 2020")
    assert result_of(verify_observations(inferred), "year") == "pass"
    assert result_of(verify_observations(inferred.assign(note="a guess")), "year") == "fail"
    assert result_of(verify_observations(inferred.assign(note="year inferred: ")), "year") == "fail"
    current = one_row(year_basis="publication", year=2024, quote="中关村示范区1.6万家")
    assert result_of(verify_observations(current), "year") == "pass"
    assert result_of(verify_observations(current.assign(year=2023)), "year") == "fail"
    assert result_of(verify_observations(current, publication_year=2025), "year") == "fail"
    assert result_of(verify_observations(one_row(year_basis="guessed")), "year") == "fail"
    # No year_basis (a user's file): no claim about the year, no check.
    assert "year" not in set(verify_observations(one_row(year_basis=""))["check"])
    assert "year" not in set(verify_observations(one_row().drop(columns="year_basis"))["check"])


def test_the_publication_year_comes_from_the_data_package() -> None:
    assert publication_year("2024-04") == 2024
    assert publication_year("2025") == 2025
    assert publication_year(None) == publication_year("April") == 2024


@pytest.mark.parametrize(
    ("quote", "value", "unit", "result"),
    [
        ("空间规模488平方公里", 488, "km2", "pass"),
        ("空间规模488平方公里", 488, "m2", "fail"),
        ("空间规模488平方公里", 488, "km", "fail"),
        ("北京向南150余公里", 150, "km", "pass"),
        ("中关村从业人员279万人", 2790000, "persons", "pass"),
        ("中关村从业人员279万人", 2790000, "firms", "fail"),
        ("北京拥有55万余名科研人员", 550000, "persons", "pass"),
        ("成交额784.7亿元", 78470000000, "CNY", "pass"),
        ("成交额784.7亿元", 78470000000, "persons", "fail"),
        ("3.6万亿元", 3600000000000, "CNY", "pass"),
        ("国家高新技术企业1.6万家", 16000, "firms", "pass"),
        ("20家技术创新中心", 20, "institutions", "pass"),
        ("20家技术创新中心", 20, "persons", "fail"),
        ("突破14万件", 140000, "patents", "pass"),
        ("技术合同数6758项", 6758, "contracts", "pass"),
        ("技术合同数6758项", 6758, "CNY", "fail"),
        ("组建24个创新联合体", 24, "consortia", "pass"),  # 个 counts anything counted
        ("组建24个创新联合体", 24, "CNY", "fail"),  # but no amount of money
        ("占全部获奖项目的51%", 51, "percent", "pass"),
        ("占全部获奖项目的51%", 51, "persons", "fail"),
        ("孵化绩效单项指标全球排名第一", 1, "rank", "pass"),
        ("孵化绩效单项指标全球排名第一", 1, "firms", "fail"),
        ("有望成为第三个万亿级产业集群", 3, "clusters", "pass"),  # the third: 3 clusters
        ("超千亿元企业从无到有", 0, "firms", "pass"),  # no unit word
        ("空间规模488平方公里", 488, "hectares_of_my_own", "pass"),  # a unit the table lacks
    ],
)
def test_the_unit_word_agrees_with_the_unit(
    quote: str, value: float, unit: str, result: str
) -> None:
    row = one_row(quote=quote, value=value, unit=unit, year_basis="")
    report = verify_observations(row)
    assert result_of(report, "value") == "pass"
    assert result_of(report, "unit") == result, report.to_string()


def test_no_unit_column_no_unit_check() -> None:
    report = verify_observations(one_row().drop(columns="unit"))
    assert "unit" not in set(report["check"])


BEIJING_SENTENCE = "如今，北京拥有55万余名科研人员、全国近一半的两院院士。"


@pytest.mark.parametrize(
    ("entity", "quote", "value", "article", "result"),
    [
        ("beijing", "北京拥有55万余名科研人员", 550000, None, "pass"),
        ("zgc", "北京拥有55万余名科研人员", 550000, None, "fail"),  # Beijing is wider
        ("china", "北京拥有55万余名科研人员", 550000, None, "fail"),
        ("baai", "北京智源研究院就将研究方向锁定大模型，并很快聚集了百余人", 100, None, "pass"),
        ("beijing", "北京智源研究院就将研究方向锁定大模型，并很快聚集了百余人", 100, None, "fail"),
        # 全国 is what Beijing is compared with; the sentence names Beijing.
        ("beijing", "全国近一半的两院院士", 50, BEIJING_SENTENCE, "pass"),
        ("zgc", "全国近一半的两院院士", 50, BEIJING_SENTENCE, "fail"),
        ("beijing", "大数据、信息安全市场占有率全国第一", 1, None, "pass"),
        (
            "zgc",
            "占全国备案上线数四成以上",
            40,
            "其中中关村47款，占全国备案上线数四成以上。",
            "pass",
        ),
        # Both named: China's 13 launches all come from Beijing.
        ("china", "2023年我国民营火箭企业的13次商业发射，全部来自北京", 13, None, "pass"),
        ("beijing", "2023年我国民营火箭企业的13次商业发射，全部来自北京", 13, None, "pass"),
        ("zgc", "2023年我国民营火箭企业的13次商业发射，全部来自北京", 13, None, "fail"),
        # A reference point (北京向南) and a location (在保定) name neither the center nor another.
        ("baoding_zgc_innovation_center", "北京向南150余公里，在保定朝阳北大街", 150, None, "pass"),
        ("xiongan_zgc_science_park", "北京向南150余公里，在保定朝阳北大街", 150, None, "fail"),
        # Nothing named in the quote or the sentence.
        ("zgc", "累计自动驾驶测试里程近3000万公里", 30000000, None, "pass"),
    ],
)
def test_the_passage_names_the_entity(
    entities: pd.DataFrame,
    entity: str,
    quote: str,
    value: float,
    article: str | None,
    result: str,
) -> None:
    row = one_row(entity=entity, quote=quote, value=value, unit="", year_basis="")
    report = verify_observations(row, article, entities=entities)
    assert result_of(report, "entity") == result, report.to_string()


def test_a_failed_entity_names_the_nearest_before_the_figure(entities: pd.DataFrame) -> None:
    quote = "中关村与北京的1.6万家"
    report = verify_observations(one_row(entity="baai", quote=quote), entities=entities)
    row = report[report["check"] == "entity"].iloc[0]
    assert (row["result"], row["found"]) == ("fail", "beijing (北京)")
    assert row["detail"] == "the quote names beijing, not baai"


def test_entity_check_needs_an_entities_table(entities: pd.DataFrame) -> None:
    assert "entity" not in set(verify_observations(one_row())["check"])
    assert "entity" not in set(verify_observations(one_row(), entities=entities.iloc[:0])["check"])
    report = verify_observations(one_row(entity="haidian"), entities=entities)
    assert result_of(report, "entity") == "fail"  # not in the entities table


def test_entities_are_read_from_the_sidecar(tmp_path: Path) -> None:
    path = copy_shipped(tmp_path)
    dataset = Dataset.open(str(path))
    assert "beijing" in set(dataset.entities["entity"])
    assert len(dataset.events) == len(pd.read_csv(REPO / "data" / "events.csv"))
    assert dataset.entities.equals(
        pd.read_csv(tmp_path / "entities.csv", dtype=str, keep_default_na=False)
    )
    (tmp_path / "entities.csv").unlink()
    (tmp_path / "events.csv").unlink()
    bare = Dataset.open(str(path))
    assert bare.entities.empty and bare.events.empty
    assert "entity" not in set(check.run(bare).frame["check"])


# --- events ---------------------------------------------------------------------------------


def events_frame(**cells: str) -> pd.DataFrame:
    event = {
        "date": "2015-04",
        "entity": "baoding_zgc_innovation_center",
        "event_en": "opens",
        "event_zh": "投入运营",
        "quote": "2015年4月底，全国首家由中关村在京外设立的创新中心——保定·中关村创新中心投入运营",
        "note": "",
    }
    event.update(cells)
    return pd.DataFrame([event])


@pytest.mark.parametrize(
    ("cells", "quote_result", "year_result"),
    [
        ({}, "pass", "pass"),
        ({"date": "2016-04"}, "pass", "fail"),
        ({"date": "2015-05"}, "pass", "fail"),
        ({"date": "2015"}, "pass", "pass"),
        ({"date": "April 2015"}, "pass", "fail"),
        ({"date": "2016", "note": "year inferred: the year after"}, "pass", "pass"),
        ({"quote": "2015年4月底，保定·中关村创新中心投入运营"}, "fail", "pass"),
    ],
)
def test_events_are_verbatim_and_state_their_dates(
    cells: dict[str, str], quote_result: str, year_result: str
) -> None:
    report = verify_events(events_frame(**cells), ARTICLE)
    assert checks_of(report) == {"quote": quote_result, "year": year_result}
    assert set(report["metric"]) == {"event"}
    assert "quote" not in set(verify_events(events_frame(**cells))["check"])


def test_an_event_day_must_be_in_the_quote() -> None:
    quote = "自2023年8月30日揭牌以来，雄安中关村科技园"
    assert checks_of(verify_events(events_frame(date="2023-08-30", quote=quote))) == {
        "year": "pass"
    }
    assert checks_of(verify_events(events_frame(date="2023-08-03", quote=quote))) == {
        "year": "fail"
    }
    label = "4月25日至29日，以“创新：建设更加美好的世界”为主题的2024中关村论坛年会"
    assert checks_of(verify_events(events_frame(date="2024-04-25", quote=label))) == {
        "year": "pass"
    }


def test_a_check_row_has_the_report_columns_in_order() -> None:
    """The typed row check/ passes around is the report's row: same keys, same order."""
    from typing import get_type_hints

    from zgc_cli.check.rows import RESULT_COLUMNS, CheckRow, _frame, _result

    assert list(get_type_hints(CheckRow)) == RESULT_COLUMNS
    row = _result("value", {"metric": "m", "entity": "e", "year": "2014.0"}, "1", "2", False, "")
    assert row == {
        "check": "value",
        "metric": "m",
        "entity": "e",
        "year": 2014,
        "expected": "1",
        "found": "2",
        "result": "fail",
        "detail": "",
    }
    assert list(_frame([row]).columns) == RESULT_COLUMNS
