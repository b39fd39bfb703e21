"""The figure parser and the checks of observations and claims against the article."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from zgc_cli.check import wording as numbers_zh
from zgc_cli.check.arithmetic import evaluate_expression
from zgc_cli.check.claims import verify_claims
from zgc_cli.check.observations import verify_observations
from zgc_cli.check.rows import RESULT_COLUMNS
from zgc_cli.check.wording import Figure, parse_figures, zh_numeral_to_int
from zgc_cli.model import schema as data
from zgc_cli.model.numbers import machine_number as format_number

REPO = Path(__file__).resolve().parent.parent
ARTICLE = (REPO / "tests" / "fixtures" / "article.txt").read_text(encoding="utf-8")

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
    ("千比特量级", 1000, "about"),
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
    ) == ("exact", "more_than", "nearly", "about", "less_than")
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


def row_of(frame: pd.DataFrame, metric: str, entity: str, year: int) -> pd.DataFrame:
    selected = frame[
        (frame["metric"] == metric) & (frame["entity"] == entity) & (frame["year"] == year)
    ]
    assert len(selected) == 1
    return selected.copy()


def results_of(report: pd.DataFrame, check: str) -> list[str]:
    return report.loc[report["check"] == check, "result"].tolist()


def test_shipped_observations_pass(observations: pd.DataFrame) -> None:
    report = verify_observations(observations, ARTICLE)
    assert list(report.columns) == RESULT_COLUMNS
    failures = report[report["result"] != "pass"]
    assert failures.empty, failures.to_string()
    # Every observation was checked against a figure or an expression, not skipped.
    checked = report[report["check"].isin(["value", "derived"])]
    assert len(checked) == len(observations)


def test_shipped_claims_pass(observations: pd.DataFrame, claims: pd.DataFrame) -> None:
    report = verify_claims(observations, claims)
    assert list(report.columns) == RESULT_COLUMNS
    assert len(report) == len(claims)
    assert (report["result"] == "pass").all(), report.to_string()


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
    assert "threshold" in report["detail"].iloc[0]


def test_estimate_status_must_match_the_wording(observations: pd.DataFrame) -> None:
    estimate = row_of(observations, "revenue", "zgc", 2023)
    estimate["status"] = "reported"
    assert results_of(verify_observations(estimate), "status") == ["fail"]
    reported = row_of(observations, "revenue", "zgc", 2014)
    reported["status"] = "estimate"
    assert results_of(verify_observations(reported), "status") == ["fail"]


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
    row["value"] = round(float(row["value"].iloc[0]), 2)
    report = verify_observations(row)
    assert results_of(report, "derived") == ["fail"]
    assert results_of(report, "operands") == ["pass"]


def test_derived_numbers_are_written_in_full(observations: pd.DataFrame) -> None:
    row = row_of(observations, "tech_contracts_to_tianjin_hebei", "beijing", 2022)
    report = verify_observations(row).set_index("check")
    assert report.loc["derived", "expected"] == "5881.6362053959965"
    assert report.loc["derived", "found"] == "6758 / (1 + 14.9 / 100) = 5881.6362053959965"
    assert report.loc["operands", "expected"] == "6758, 1, 14.9, 100"


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
    assert found["employees_1_5_times_2013"] == "1.5"
    assert expected["invention_patents_nearly_doubled"] == "[1.75, 2)"
    assert expected["patents_per_10k_grew_over_fourfold"] == "(400, 500)"
    assert expected["large_models_share_over_40"] == ">= 40"
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
