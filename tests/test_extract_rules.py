"""``zgc extract``'s reading of a figure's context: status, place, year, unit, claims.

Each case is a sentence of our own with the row it must give; the opposite wording, which
must give another row, stands beside it so that a rule that reads nothing fails.
"""

from __future__ import annotations

import pytest

from tests import extract_cases
from tests.extract_cases import row_of
from zgc_cli.extract.core import Options, extract_rows, extract_rows_and_claims
from zgc_cli.extract.draft import places_from
from zgc_cli.model.figures import parse_figures

# The corpus-aware options, a module-scoped fixture shared with the other rule tests.
options = extract_cases.options


@pytest.mark.parametrize(
    ("text", "figure", "status"),
    [
        ("到2025年，数字经济增加值占比力争达到50%左右。", "50%左右", "target"),
        ("今年地区生产总值增长目标为5%以上。", "5%以上", "target"),
        ("今年计划新建10个以上未来产业园区。", "10个以上", "target"),
        ("依托国家重点研发计划，2023年研发投入强度达到6.73%。", "6.73%", "reported"),
        ("在“科技新星计划”带动下，2023年新增企业337家。", "337家", "reported"),
        ("预计2024年技术合同成交额有望突破万亿元。", "突破万亿元", "estimate"),
        ("The city aims to lift the share to about 50 percent by 2025.", "about 50 percent",
         "target"),
        ("Revenue is expected to reach 9 trillion yuan in 2024.", "9 trillion yuan", "estimate"),
    ],
)  # fmt: skip
def test_status_of_targets_estimates_and_programme_names(
    text: str, figure: str, status: str, options: Options
) -> None:
    row = row_of(text, figure, options)
    assert row.status == status
    if status != "reported":
        assert row.note  # the word that made it so is said


@pytest.mark.parametrize(
    ("text", "figure", "entity"),
    [
        ("中关村是北京西北部的科技园区，2023年企业总收入8.7万亿元。", "8.7万亿元", "zgc"),
        ("2023年，全市成交额8536.9亿元，其中海淀区成交额超过3000亿元。", "超过3000亿元",
         "haidian"),
        ("2023年，北京共有独角兽企业102家，其中海淀区和朝阳区合计72家。", "72家", "beijing"),
        ("Zhongguancun, a technology hub in northwestern Beijing, earned 8.7 trillion yuan in "
         "2023.", "8.7 trillion yuan", "zgc"),
        ("The Zhongguancun Science Park, located in Beijing's Haidian district, hosted 120 "
         "projects in 2023.", "120", "zgc"),
        ("Beijing's Haidian district hosted 120 projects in 2023.", "120", "haidian"),
        ("Of the 107 models cleared by April, forty-seven were developed by Zhongguancun "
         "companies.", "forty-seven", "zgc"),
    ],
)  # fmt: skip
def test_the_place_a_figure_is_of(text: str, figure: str, entity: str, options: Options) -> None:
    assert row_of(text, figure, options).entity == entity


@pytest.mark.parametrize(
    ("text", "figure", "year", "basis"),
    [
        ("The zone, which became China's first such zone in 2009, now spans 488 square "
         "kilometers.", "488 square kilometers", 2024, "publication"),
        ("Since a pilot zone opened there in 2020, cars have logged nearly 30 million "
         "kilometers.", "nearly 30 million kilometers", 2024, "publication"),
        ("In 2020, cars logged nearly 30 million kilometers.", "nearly 30 million kilometers",
         2020, "stated"),
    ],
)  # fmt: skip
def test_an_event_year_dates_no_figure(
    text: str, figure: str, year: int, basis: str, options: Options
) -> None:
    row = row_of(text, figure, options)
    assert (row.year, row.year_basis) == (year, basis)


@pytest.mark.parametrize(
    ("text", "figure", "value", "unit"),
    [
        ("2023年，北京拥有世界500强企业总部53家。", "53家", 53, "headquarters"),
        ("2023年，中关村聚集跨国公司地区总部80余个。", "80余个", 80, "headquarters"),
        ("2023年，中关村企业发布10个大模型产品。", "10个", 10, "models"),
        ("2023年，共有参与单位120家。", "120家", 120, "institutions"),
        ("The zone approved 120 projects in 2023.", "120", 120, "projects"),
        ("The zone spans sixteen parks.", "sixteen", 16, "parks"),
        ("Firms formed twenty-four innovation consortia in 2023.", "twenty-four", 24,
         "consortia"),
        ("It listed a dozen firms in 2023.", "a dozen", 12, "firms"),
    ],
)  # fmt: skip
def test_counters_and_numbers_written_as_words(
    text: str, figure: str, value: float, unit: str, options: Options
) -> None:
    row = row_of(text, figure, options)
    assert (row.value, row.unit) == (value, unit)


@pytest.mark.parametrize(
    "text",
    [
        "one of the firms",
        "the two neighbouring regions",
        "2023年，北京拥有世界500强企业总部53家。",
    ],
)
def test_words_that_are_no_count(text: str) -> None:
    kept = [f.text for f in parse_figures(text)]
    assert "one" not in kept and "two" not in kept
    rows = extract_rows(text, Options(places_from([("e", "entity,aliases_zh\n")])))
    assert "500强" not in [row.figure for row in rows]


def test_growth_sentences_give_a_derived_row_and_a_claim(options: Options) -> None:
    text = "2023年，流向津冀技术合同成交额784.7亿元，比2022年增长109.8%。"
    rows, claims = extract_rows_and_claims(text, options)
    derived = [row for row in rows if row.status == "derived"]
    assert [row.year for row in derived] == [2022]
    assert derived[0].value == pytest.approx(78_470_000_000 / 2.098)
    (claim,) = claims
    assert (claim["kind"], claim["year"], claim["base_year"]) == ("growth_pct", 2023, 2022)
    assert (claim["low"], claim["high"]) == (109.75, 109.85)  # ± half the last digit, exact
    assert claim["metric"] == claim["base_metric"] == derived[0].metric
    assert claim["quote"] in text and "109.8%" in str(claim["quote"])


def test_a_multiple_gives_a_ratio_claim_and_a_fall_a_negative_band(options: Options) -> None:
    _, claims = extract_rows_and_claims("2022年，从业人员279万人，是2013年的1.5倍。", options)
    assert [(c["kind"], c["low"], c["high"]) for c in claims] == [("ratio", 1.45, 1.55)]
    _, claims = extract_rows_and_claims("2023年，企业数量6758家，比2022年下降3.2%。", options)
    assert [(c["low"], c["high"]) for c in claims] == [(-3.25, -3.15)]
    _, claims = extract_rows_and_claims("2023年，企业数量6758家，比上年增长3.2%。", options)
    assert claims == []  # a relative base: the base year is not stated


def test_a_heading_sets_targets_but_not_for_past_years(options: Options) -> None:
    text = (
        "二、今后的主要目标\n\n今年城镇新增就业不少于26万人。"
        "依托国家重点研发计划，2023年研发投入强度达到6.73%。"
    )
    assert row_of(text, "不少于26万人", options).status == "target"
    assert row_of(text, "6.73%", options).status == "reported"


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [("城鎮新增就業不少於26萬人", 260_000, "more_than"), ("失業率控制在5%以內", 5, "less_than")],
)
def test_traditional_bound_words_are_read(text: str, value: float, qualifier: str) -> None:
    (figure,) = parse_figures(text)
    assert (figure.value, figure.qualifier) == (value, qualifier)


def test_english_present_tense_dates_to_publication(options: Options) -> None:
    text = "In 2021, revenue rose. Beijing has more than 550,000 researchers."
    row = row_of(text, "more than 550,000", options)
    assert (row.year, row.year_basis) == (2024, "publication")
    past = row_of("In 2021, revenue rose. Beijing had 550,000 researchers.", "550,000", options)
    assert past.year == 2021


# --- the rules added when the second held-out set was moved to dev ---------------------


@pytest.mark.parametrize(
    ("text", "figure", "entity"),
    [
        ("北京经济技术开发区2023年工业总产值达到4000亿元。", "4000亿元", "zgc_yizhuang"),
        ("北京市2023年工业总产值达到4000亿元。", "4000亿元", "beijing"),
        ("Beijing E-Town's output reached 400 billion yuan in 2023.", "400 billion yuan",
         "zgc_yizhuang"),
        ("Beijing's output reached 400 billion yuan in 2023.", "400 billion yuan", "beijing"),
        ("中关村科学城、亦庄新城的投资分别增长20.8%和117.8%。", "20.8%", "zgc"),
        ("中关村科学城、亦庄新城的投资分别增长20.8%和117.8%。", "117.8%", "zgc_yizhuang"),
        ("全国已有24家企业获批，其中10家企业总部设在北京。", "10家", "beijing"),
        ("全国已有24家企业获批，其中10家企业总部设在北京。", "24家", "china"),
        ("中关村示范区企业总收入超过8万亿元。全社会研发经费投入强度保持在6%左右。", "6%左右",
         "beijing"),
        ("中关村示范区企业总收入超过8万亿元。研发经费投入强度保持在6%左右。", "6%左右", "zgc"),
        ("北京经济技术开发区发布数据。2015年开发区企业工业利润突破200亿元。", "突破200亿元",
         "zgc_yizhuang"),
        ("北京累计备案上线大模型132款，全国占比达35%。", "35%", "beijing"),
        ("The Beijing-Tianjin-Hebei region spent 4.22 percent of output on research.\n\n"
         "Beijing's own share was 6.58 percent.\n\nEach worker in the region produced "
         "215,000 yuan of output.", "215,000 yuan", "jingjinji"),
    ],
)  # fmt: skip
def test_place_of_zones_parts_and_kind_words(
    text: str, figure: str, entity: str, options: Options
) -> None:
    assert row_of(text, figure, options).entity == entity


@pytest.mark.parametrize(
    ("text", "figure", "unit"),
    [
        ("在专利授权数量全球排名前100的机构中，总部位于北京的有30家。", "30家", "institutions"),
        ("北京有跨国公司地区总部30家。", "30家", "headquarters"),
        ("区内有775台自动驾驶车辆在测试。", "775台", "vehicles"),
        ("伙伴计划已聚合模型、算力等5类、300余家伙伴企业。", "5类", "items"),
        ("「京通」用戶超過2200萬。", "超過2200萬", "persons"),
    ],
)  # fmt: skip
def test_unit_of_counters_and_headquartered(
    text: str, figure: str, unit: str, options: Options
) -> None:
    assert row_of(text, figure, options).unit == unit


def test_a_class_name_is_no_count(options: Options) -> None:
    figures = [row.figure for row in extract_rows("三类医疗器械上市品种居全国第一。", options)]
    assert "三类" not in figures and figures  # 全国第一 still is one
    assert [f.text for f in parse_figures("聚合5类伙伴企业")] == ["5类"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Beijing has about half of the nation's academicians.", [("about half", 50.0, "about")]),
        ("More than half the firms are in Haidian.", [("More than half", 50.0, "more_than")]),
        ("Revenue grew in the first half of 2023.", []),
        ("Thirty institutions ranked among the world's top 100 by granted patents.",
         [("Thirty", 30.0, "exact")]),
        ("On the list of China's top 100 space companies, 51 came from Beijing.",
         [("100", 100.0, "exact"), ("51", 51.0, "exact")]),
        ("In 2021 its GDP topped 260 billion yuan.",
         [("topped 260 billion yuan", 260e9, "more_than")]),
        ("By 2022, more than 90 Fortune Global 500 companies had invested there.",
         [("more than 90", 90.0, "more_than")]),
    ],
)  # fmt: skip
def test_english_halves_rankings_and_list_names(
    text: str, expected: list[tuple[str, float, str]]
) -> None:
    assert [(f.text, f.value, f.qualifier) for f in parse_figures(text)] == expected


def test_of_the_whole_after_a_dateline(options: Options) -> None:
    text = (
        "BEIJING, May 6 -- Of the 107 AI models approved by April, forty-seven came from "
        "Zhongguancun companies."
    )
    assert row_of(text, "forty-seven", options).unit == "models"


def test_english_in_turn_dates_each_figure_of_a_range(options: Options) -> None:
    text = (
        "From 2019 to 2023 the city's R&D intensity stood at 6.31 percent, 6.44 percent, "
        "6.53 percent, 6.83 percent and 6.73 percent in turn."
    )
    rows = [row for row in extract_rows(text, options) if row.unit == "percent"]
    assert [row.year for row in rows] == [2019, 2020, 2021, 2022, 2023]
    unlisted = text.replace(" in turn", "")
    assert {row.year for row in extract_rows(unlisted, options)} == {2023}


def test_a_base_year_after_more_than_in_dates_no_figure(options: Options) -> None:
    text = "The region's GDP reached 10.4 trillion yuan in 2023, 90 percent more than in 2013."
    assert row_of(text, "90 percent", options).year == 2023


def test_already_reached_dates_to_publication(options: Options) -> None:
    said = "2023年，北京数字经济增加值增长8.5%。伙伴计划{}聚合300余家伙伴企业。"
    assert row_of(said.format("已"), "300余家", options).year == 2024  # published 2024-03
    assert row_of(said.format(""), "300余家", options).year == 2023


@pytest.mark.parametrize(
    ("text", "figure", "entity"),
    [
        ("2023年我国民营火箭企业的13次商业发射，全部来自北京。", "13次", "beijing"),
        ("2023年我国民营火箭企业进行了13次商业发射。", "13次", "china"),
        ("全国备案上线的大模型共107款，出自中关村的大模型有47款。", "107款", "china"),
        ("北京以中关村为主阵地，出台30余项产业支持政策。", "30余项", "beijing"),
        ("中关村出台30余项产业支持政策。", "30余项", "zgc"),
    ],
)  # fmt: skip
def test_place_things_came_from_and_a_means_is_no_subject(
    text: str, figure: str, entity: str, options: Options
) -> None:
    assert row_of(text, figure, options).entity == entity


def test_a_now_word_dates_the_sentences_after_it(options: Options) -> None:
    said = "2022年，中关村从业人员279万人。{}北京拥有55万余名科研人员。顶尖人才占全国的43%左右。"
    assert row_of(said.format("如今，"), "43%左右", options).year == 2024  # published 2024-03
    assert row_of(said.format(""), "43%左右", options).year == 2022


def test_an_english_number_with_a_noun_of_its_own_takes_no_unit_before(
    options: Options,
) -> None:
    text = "Beijing closed more than 3,000 firms and shut nearly 1,000 regional markets."
    assert [row.figure for row in extract_rows(text, options)] == ["more than 3,000"]


@pytest.mark.parametrize(
    ("text", "figure", "entity"),
    [
        ("京津冀三地发布了100余项北京科技成果清单和80余项技术需求清单，签约项目34个。",
         "100余项", "beijing"),
        ("京津冀三地发布了100余项北京科技成果清单和80余项技术需求清单，签约项目34个。",
         "34个", "jingjinji"),
        ("中关村企业总收入增长5%。“三城一区”固定资产投资增长8.2%。", "8.2%", "sancheng_yiqu"),
        ("中关村企业总收入增长5%。“双创”固定资产投资增长8.2%。", "8.2%", "zgc"),
    ],
)  # fmt: skip
def test_place_of_a_listed_item_and_a_quoted_place(
    text: str, figure: str, entity: str, options: Options
) -> None:
    assert row_of(text, figure, options).entity == entity


def test_an_initial_figure_is_of_its_event_year(options: Options) -> None:
    text = (
        "Work on the zone began in 2020 with an initial 60 square kilometers, "
        "and it now spans 160 square kilometers."
    )
    assert row_of(text, "60 square kilometers", options).year == 2020
    assert row_of(text, "160 square kilometers", options).year == 2024


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Beijing holds about a third of the national total.",
         [("about a third", 33.333, "%", "about")]),
        ("Two-thirds of the firms are in Haidian.", [("Two-thirds", 66.667, "%", "exact")]),
        ("Three quarters of the firms are young.", [("Three quarters", 75.0, "%", "exact")]),
        ("Output in the first three quarters of 2023 rose.", []),
        ("One in five Chinese unicorns is based in Beijing.",
         [("One in five", 20.0, "%", "exact")]),
        ("Revenue nearly doubled in ten years.", [("nearly doubled", 2.0, "倍", "nearly")]),
        ("It was more than twice the 2014 level.", [("more than twice", 2.0, "倍", "more_than")]),
        ("The forum meets twice a year.", []),
        ("a 5.2-percent rise", [("5.2-percent", 5.2, "%", "exact")]),
        ("some 300 start-ups", [("some 300", 300.0, "家", "about")]),
    ],
)  # fmt: skip
def test_english_fractions_shares_and_multiples(
    text: str, expected: list[tuple[str, float, str, str]]
) -> None:
    found = [(f.text, round(f.value, 3), f.unit_suffix, f.qualifier) for f in parse_figures(text)]
    assert found == expected


def test_the_year_after_an_english_multiple_is_its_base(options: Options) -> None:
    text = "In 2023 revenue reached 8.7 trillion yuan, more than twice the total recorded in 2014."
    assert row_of(text, "more than twice", options).year == 2023


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("约占全国的1/3", [("1/3", 33.333, "%", "about")]),
        ("全天24/7服务", []),
        ("聚集数十家企业", [("数十家", 10.0, "家", "order_of_magnitude")]),
        ("超过半数企业", [("超过半数", 50.0, "%", "more_than")]),
        ("企业过半，", [("过半", 50.0, "%", "more_than")]),
        ("半数以上", [("半数以上", 50.0, "%", "more_than")]),
        ("半导体企业", []),
    ],
)  # fmt: skip
def test_chinese_slash_fractions_halves_and_tens(
    text: str, expected: list[tuple[str, float, str, str]]
) -> None:
    found = [(f.text, round(f.value, 3), f.unit_suffix, f.qualifier) for f in parse_figures(text)]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("In 2023 firms in the city filed more patents.", []),
        ("Since 2012 companies have moved in.", []),
        ("In 2022, 2,000 firms moved in.", ["2,000"]),
        ("More than 2000 firms moved in.", ["More than 2000"]),
    ],
)  # fmt: skip
def test_an_english_year_before_a_counted_noun_is_no_count(text: str, figures: list[str]) -> None:
    assert [f.text for f in parse_figures(text)] == figures


def test_an_english_count_before_worth_keeps_its_name_unit(options: Options) -> None:
    text = "In 2023 technology contracts numbered 6,758 worth 78.47 billion yuan."
    assert row_of(text, "6,758", options).unit == "contracts"


def test_an_english_bound_before_a_percent_sign_and_the_share_s_place(options: Options) -> None:
    row = row_of("Nearly 40% of China's AI firms are in Beijing.", "Nearly 40%", options)
    assert (row.qualifier, row.entity) == ("nearly", "beijing")
    assert [f.qualifier for f in parse_figures("GDP增长5.2%")] == ["exact"]


def test_traditional_place_names_and_target_words(options: Options) -> None:
    assert row_of("2023年，海澱區企業總收入達到3萬億元。", "3萬億元", options).entity == "haidian"
    target = row_of("到2025年，研發投入強度力爭達到6.5%。", "6.5%", options)
    assert target.status == "target"
