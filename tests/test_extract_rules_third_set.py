"""``zgc extract``'s rules written for the misses of the third held-out set (h23–h43, now in
dev): targets and estimates, a district's city words, wholes, size classes, bounds apart from
the number, later years, counted nouns.

As in test_extract_rules.py, each case stands beside the wording that must give another row.
"""

from __future__ import annotations

import pytest

from tests import extract_cases
from tests.extract_cases import row_of
from zgc_cli.extract.core import Options, extract_rows
from zgc_cli.model.figures import parse_figures

# The corpus-aware options, a module-scoped fixture shared with the other rule tests.
options = extract_cases.options


@pytest.mark.parametrize(
    ("text", "figure", "status"),
    [
        # 预期 before the verb is a government report's planned figure (预期性指标): a target;
        # 预计 stays a forecast.
        ("2024年全市地区生产总值预期增长5%左右。", "5%左右", "target"),
        ("2024年全市地区生产总值预计增长5%左右。", "5%左右", "estimate"),
        # An estimate word opening the sentence governs each figure of its list.
        ("预计全市地区生产总值增长5.2%，一般公共预算收入增长3.1%。", "3.1%", "estimate"),
        ("全市地区生产总值增长5.2%，一般公共预算收入增长3.1%。", "3.1%", "reported"),
        ("The committee expects output of 160 billion yuan in 2024, and services 56 billion "
         "yuan.", "56 billion yuan", "estimate"),
        # A window that begins at or after publication is a plan's: its figures are targets;
        # a later year alone is a forecast.
        ("2025—2030年，研发投入占比保持在6%以上。", "6%以上", "target"),
        ("2030年，研发投入占比将在6%以上。", "6%以上", "estimate"),
        ("Under the plan, its GDP is to reach more than 380 billion yuan by 2025.",
         "more than 380 billion yuan", "target"),
        ("Its GDP is likely to pass 380 billion yuan by 2025.", "380 billion yuan", "estimate"),
    ],
)  # fmt: skip
def test_planned_figures_lists_of_estimates_and_plan_windows(
    text: str, figure: str, status: str, options: Options
) -> None:
    assert row_of(text, figure, options).status == status


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Output of new-energy vehicles rose by 1.4 times in 2024.", "ratio"),
        ("Output of robots grew 2.8 times in 2024.", "ratio"),
        ("The council met 14 times in 2024.", "times"),
    ],
)
def test_english_times_after_a_growth_verb_is_a_multiple(
    text: str, unit: str, options: Options
) -> None:
    rows = [row for row in extract_rows(text, options) if "times" in row.figure]
    assert [row.unit for row in rows] == [unit]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("總市值8600餘億元。", [("8600餘億元", 8.6e11, "more_than")]),
        ("总市值8600多亿元。", [("8600多亿元", 8.6e11, "more_than")]),
        ("总投资不低于2000亿元。", [("不低于2000亿元", 2e11, "more_than")]),
        ("总投资低于2000亿元。", [("低于2000亿元", 2e11, "less_than")]),
        ("面积不到全市的6%。", [("6%", 6.0, "less_than")]),
        ("超过全球总数的四分之一。", [("四分之一", 25.0, "more_than")]),
        ("占全球总数的四分之一。", [("四分之一", 25.0, "exact")]),
        ("成交额分别突破2000亿元和3000亿元。",
         [("突破2000亿元", 2e11, "more_than"), ("3000亿元", 3e11, "more_than")]),
        ("成交额分别为2000亿元和3000亿元。",
         [("2000亿元", 2e11, "exact"), ("3000亿元", 3e11, "exact")]),
        ("Output passed 500 billion yuan.", [("passed 500 billion yuan", 5e11, "more_than")]),
    ],
)  # fmt: skip
def test_bounds_apart_from_the_number_and_shared_by_a_list(
    text: str, figures: list[tuple[str, float, str]]
) -> None:
    assert [(f.text, f.value, f.qualifier) for f in parse_figures(text)] == figures


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("2023年，其中20家上市企业海外收入超过百亿元。", []),
        ("2023年，20家上市企业海外收入合计超过百亿元。", ["超过百亿元"]),
        ("2023年，五年累计成交首次在一个五年规划期内超过万亿元。", ["超过万亿元"]),
        ("By 2025 it plans six clusters worth 100 billion yuan or more each.", ["six"]),
        ("By 2025 its clusters are to be worth 100 billion yuan or more.",
         ["100 billion yuan or more"]),
    ],
)  # fmt: skip
def test_a_size_each_counted_item_reaches_is_a_class(
    text: str, kept: list[str], options: Options
) -> None:
    rows = extract_rows(text, options)
    assert [row.figure for row in rows if "20家" not in row.figure] == kept


@pytest.fixture(scope="module")
def district_options(options: Options) -> Options:
    return Options(options.places, "2025-01-20", "haidian")


@pytest.mark.parametrize(
    ("text", "figure", "entity"),
    [
        # 全市 as the subject of a district's report: the city the district is in
        ("2025年全市地区生产总值预期增长5%左右。", "5%左右", "beijing"),
        ("2024年全区地区生产总值增长6.0%。", "6.0%", "haidian"),
        # 全市 as the whole of a share, or the frame of a rank: the district's figure
        ("2024年工业总产值4826.1亿元，占全市的51.2%。", "51.2%", "haidian"),
        ("2024年总量继续保持全市第一。", "第一", "haidian"),
        # English: the whole of a share and a yardstick are not the figure's place
        ("Haidian produced 24.5 percent of Beijing's GDP in 2024, 0.9 percentage points more "
         "than a year earlier.", "0.9 percentage points", "haidian"),
        ("Haidian lies in Beijing. The district covers 430.77 square kilometers, about 2.6 "
         "percent of the city's area.", "about 2.6 percent", "haidian"),
        ("The value of Beijing's technology contracts was 853.69 billion yuan in 2024.",
         "853.69 billion yuan", "beijing"),
    ],
)  # fmt: skip
def test_city_words_in_a_district_text_and_english_wholes(
    text: str, figure: str, entity: str, district_options: Options
) -> None:
    assert row_of(text, figure, district_options).entity == entity


@pytest.mark.parametrize(
    ("text", "figure", "year", "basis"),
    [
        ("By the end of 2019, 76 vehicles were tested. A year later, 87 vehicles were "
         "tested.", "87", 2020, "inferred"),
        ("By the end of 2019, 76 vehicles were tested. Later, 87 vehicles were tested.", "87",
         2019, "inferred"),
        ("2019年测试车辆76辆。次年，测试车辆87辆。", "87辆", 2020, "inferred"),
        # a state reached by now (已集聚) and an extent as it stands (covers) date to
        # publication
        ("2023年收入增长5%。产业方面，已集聚企业2800多家。", "2800多家", 2024, "publication"),
        ("2023年收入增长5%。产业方面，集聚企业2800多家。", "2800多家", 2023, "inferred"),
        ("In 2023 output grew 5 percent. The district covers 430.77 square kilometers.",
         "430.77 square kilometers", 2024, "publication"),
    ],
)  # fmt: skip
def test_a_year_later_and_states_as_they_stand(
    text: str, figure: str, year: int, basis: str, options: Options
) -> None:
    row = row_of(text, figure, options)
    assert (row.year, row.year_basis) == (year, basis)
    if basis == "inferred":
        assert row.note


@pytest.mark.parametrize(
    ("text", "figure", "unit"),
    [
        # the counted noun nearest the figure: the last of a name before it…
        ("2024年，全区汇聚国家和省部级重点实验室、工程技术中心60个。", "60个", "institutions"),
        ("2024年，全区汇聚工程技术中心和26个省份。", "26个", "provinces"),
        # …else the first after it: 家 counts the laboratories, whose campuses follow
        ("2024年，3家国家实验室永久园区投入使用。", "3家", "institutions"),
        ("2024年，3家园区的实验室投入使用。", "3家", "parks"),
    ],
)  # fmt: skip
def test_the_counted_noun_nearest_the_figure_gives_its_unit(
    text: str, figure: str, unit: str, options: Options
) -> None:
    assert row_of(text, figure, options).unit == unit


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("Vehicle production reached 1.34 million units in 2024.", ["vehicles"]),
        ("New-energy vehicle output jumped to 624,000 units in 2024.", ["vehicles"]),
        # "units" with no counted noun before it in the sentence says nothing of the unit
        ("Output reached 624,000 units in 2024.", []),
    ],
)
def test_english_units_count_what_their_sentence_names(
    text: str, units: list[str], options: Options
) -> None:
    assert [row.unit for row in extract_rows(text, options)] == units


@pytest.mark.parametrize(
    ("text", "figure", "year"),
    [
        # a multiple's base, with its own figure between the base year and 的…倍
        ("2015年全年成交额3452.6亿元，是2010年1579.5亿元的2.2倍。", "2.2倍", 2015),
        ("2015年全年成交额3452.6亿元，是2010年1579.5亿元的2.2倍。", "1579.5亿元", 2010),
        ("2011—2015年累计成交13788.6亿元，是2006—2010年累计5422.9亿元的2.5倍。", "2.5倍",
         2015),
        ("2011—2015年累计成交13788.6亿元，是2006—2010年累计5422.9亿元的2.5倍。",
         "5422.9亿元", 2010),
        # 由A上升到B over a range: A is of its first year, B of its last
        ("2010—2015年，技术交易额的比重由67.5%上升到80.2%。", "67.5%", 2010),
        ("2010—2015年，技术交易额的比重由67.5%上升到80.2%。", "80.2%", 2015),
    ],
)  # fmt: skip
def test_a_multiple_s_base_and_a_change_over_a_range(
    text: str, figure: str, year: int, options: Options
) -> None:
    assert row_of(text, figure, options).year == year


@pytest.mark.parametrize(
    ("text", "figure", "entity"),
    [
        # 区内 is the district named before; 全国重点实验室 is a kind of laboratory
        ("昌平区2024年收入增长5%。目前，区内全国重点实验室数量占全市的三分之一。", "三分之一",
         "changping"),
        ("昌平区2024年收入增长5%。目前，全国重点实验室数量的三分之一在北京。", "三分之一",
         "beijing"),
        ("昌平区2024年收入增长5%。目前，全国的独角兽企业有369家。", "369家", "china"),
    ],
)  # fmt: skip
def test_inside_the_district_and_national_titles(
    text: str, figure: str, entity: str, options: Options
) -> None:
    assert row_of(text, figure, options).entity == entity


def test_an_english_kind_word_before_the_figure_wins_over_one_after(options: Options) -> None:
    text = (
        "Beijing E-Town grew fast in 2021. Industrial output in the area passed 500 billion "
        "yuan in 2021, ranking first among the city's districts."
    )
    assert row_of(text, "passed 500 billion yuan", options).entity == "zgc_yizhuang"
    # with no kind word before it, the one after the figure still names its place
    later = "Beijing E-Town grew fast in 2021. Three policies were issued by the area in 2021."
    assert row_of(later, "Three", options).entity == "zgc_yizhuang"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("按照安排，二季度北京将组建规模500亿元的产业基金。", "target"),
        ("二季度北京组建了规模500亿元的产业基金。", "reported"),
    ],
)
def test_what_an_arrangement_says_will_be_done_is_a_target(
    text: str, status: str, options: Options
) -> None:
    assert row_of(text, "500亿元", options).status == status
