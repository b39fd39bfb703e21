"""Build data/metrics.csv, indicators.csv, claims.csv, entities.csv, events.csv, datapackage.json.

Every figure lives here once, next to the verbatim passage that states it. The script
refuses to write anything unless each quote, figure and entity_quote (of figures,
claims, events) is a substring of the article, each figure parses to its row's value
and qualifier, each derived value and interval is what its note's arithmetic gives,
each year is supported as its year_basis says (an inferred one within its year_min and
year_max), each entity resolves to China, no alias of one entity collides with another
in the article's text, and zgc_cli.check passes every row and claim.

    python scripts/build_dataset.py            # write the files
    python scripts/build_dataset.py --check    # fail if the files on disk differ

A derived row keeps the article's arithmetic, and its note is laid out so that a checker
(zgc_cli/check/derived.py) can recompute it (see DERIVED_NOTE):

    <expression> = <result>; interval <low expression> to <high expression> (<why>)

or, when every input is exact and nothing is rounded:

    <expression> = <result>, exact: <why>

<expression> (everything before the first " = ") uses numbers, + - * / and parentheses
only, and is computed in decimal on its literals as written. <result> is its result in
full, the float nearest it (machine_number's digits), and value is that same number: no
rounding to significant digits (2790000 / 1.5 = 1860000, so that growth from it is the
article's 1.5倍 exactly). The interval form has qualifier ``about``: its inputs are
rounded figures, and the low and high expressions set each at the end of its rounding
interval that makes the result smallest and largest (interval arithmetic over the
operands' closed intervals; <why> says how each input is rounded). The row's low and
high are those expressions' results rounded outward to a float (down, up). The exact
form has qualifier ``exact`` and low = high = value. note_zh says the same in Chinese.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
from dataclasses import astuple, dataclass, fields, replace
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import pandas as pd  # noqa: E402

from scripts import later_sources  # noqa: E402
from zgc_cli.check.arithmetic import evaluate_decimal  # noqa: E402
from zgc_cli.check.claims import verify_claims  # noqa: E402
from zgc_cli.check.derived import nearest_float, outward_float  # noqa: E402
from zgc_cli.check.entities import SENTENCE_END, Entities  # noqa: E402
from zgc_cli.check.events import verify_events  # noqa: E402
from zgc_cli.check.observations import verify_observations  # noqa: E402
from zgc_cli.model.figures import parse_figures  # noqa: E402
from zgc_cli.model.numbers import machine_number as format_number  # noqa: E402

ARTICLE = (REPO / "tests" / "fixtures" / "article.txt").read_text(encoding="utf-8")
DATA = REPO / "data"

PUBLICATION_YEAR = 2024
CURRENT = "current at publication (April 2024)"
CURRENT_ZH = "截至发表时（2024年4月）"
INFERRED = "year inferred: "
INFERRED_ZH = "年份为推定："

# How an indicator's values behave; growth is meaningful for level and flow only.
KINDS: dict[str, str] = {
    "level": "a stock at a date (firms, people, patents held)",
    "flow": "an amount over a year (revenue, launches, contracts)",
    "cumulative": "a running total since a start the description names",
    "share": "percent of a whole",
    "rank": "position in a ranking, 1 = first",
    "attribute": "a specification or distance: growth makes no sense",
}
# How each observation's year is known.
YEAR_BASES: dict[str, str] = {
    "stated": "the quote names the year (YYYY年 or the year's 4 digits)",
    "inferred": "chosen by the compiler within year_min..year_max; the note, starting "
    "'year inferred:', says how",
    "publication": "undated figure current at publication (April 2024), dated 2024",
}
ENTITY_KINDS = ("country", "city", "new_area", "zone", "sub_park", "institution", "event")

# The layout of a derived row's note: see the module docstring.
NUMBER = r"-?\d+(?:\.\d+)?"
DERIVED_NOTE = re.compile(
    rf"^(?P<expression>[^=;]+?) = (?P<result>{NUMBER})"
    r"(?:, exact: (?P<exact_why>.+)"
    r"|; interval (?P<low_expression>[^=;]+?) to (?P<high_expression>[^=;]+?) "
    r"\((?P<why>[^()]+)\))$"
)


@dataclass(frozen=True)
class Observation:
    metric: str
    entity: str
    year: int
    value: str  # exact decimal text in base units; computed from the note for derived rows
    unit: str
    status: str
    qualifier: str
    quote: str
    note: str
    year_basis: str
    figure: str = ""  # the figure as the quote writes it; found in the quote when left empty
    low: str = ""  # derived rows: the interval the operands allow
    high: str = ""
    year_min: int | None = None  # inferred years: the earliest and latest the passages allow
    year_max: int | None = None
    entity_quote: str = ""  # the passage naming the place, when the quote names none
    note_zh: str = ""


def _plain(number: Decimal) -> str:
    """48.2 as "48.2", 3.6e12 as "3600000000000": no exponent, no trailing zeros."""
    if number == number.to_integral():
        return str(int(number))
    return format(number.normalize(), "f")


def reported(
    metric: str,
    entity: str,
    year: int,
    value: int | str,
    unit: str,
    qualifier: str,
    quote: str,
    note: str = "",
    status: str = "reported",
    basis: str = "stated",
    *,
    zh: str = "",
    figure: str = "",
    years: tuple[int, int] | None = None,
) -> Observation:
    """A figure the quote states; ``zh`` is the note in Chinese."""
    text = _plain(Decimal(str(value)))
    year_min, year_max = years if years else (None, None)
    return Observation(
        metric,
        entity,
        year,
        text,
        unit,
        status,
        qualifier,
        quote,
        note,
        basis,
        figure=figure,
        year_min=year_min,
        year_max=year_max,
        note_zh=zh,
    )


def current(
    metric: str,
    entity: str,
    value: int | str,
    unit: str,
    qualifier: str,
    quote: str,
    note: str = "",
    *,
    zh: str = "",
    figure: str = "",
) -> Observation:
    """An undated figure the article gives as current: dated to publication, 2024."""
    full_note = CURRENT + (f"; {note}" if note else "")
    full_zh = CURRENT_ZH + (f"；{zh}" if zh else "")
    return reported(
        metric,
        entity,
        PUBLICATION_YEAR,
        value,
        unit,
        qualifier,
        quote,
        full_note,
        basis="publication",
        zh=full_zh,
        figure=figure,
    )


def inferred(
    metric: str,
    entity: str,
    year: int,
    value: int | str,
    unit: str,
    qualifier: str,
    quote: str,
    how: str,
    *,
    years: tuple[int, int],
    zh: str,
    figure: str = "",
) -> Observation:
    """A figure whose year the article does not give; ``how`` says how it was chosen.

    ``years`` are the earliest and latest year the passages allow; ``year`` lies within.
    """
    return reported(
        metric,
        entity,
        year,
        value,
        unit,
        qualifier,
        quote,
        INFERRED + how,
        basis="inferred",
        zh=INFERRED_ZH + zh,
        figure=figure,
        years=years,
    )


def _result(expression: str) -> str:
    """An expression's result in full: the float nearest its decimal value."""
    return format_number(nearest_float(evaluate_decimal(expression)))


def _end(expression: str, upward: bool) -> str:
    """An interval end: the expression's result rounded outward to a float."""
    return format_number(outward_float(evaluate_decimal(expression), upward=upward))


def derived(
    metric: str,
    entity: str,
    year: int,
    unit: str,
    quote: str,
    expression: str,
    *,
    figure: str,
    low: str,
    high: str,
    why: str,
    why_zh: str,
) -> Observation:
    """A value computed from rounded figures: the article's arithmetic, kept in full.

    ``low`` and ``high`` are the expression with its rounded inputs at the ends of their
    rounding intervals; ``why`` (``why_zh`` in Chinese) says which inputs are rounded
    and how; ``figure`` is the figure of the quote the row is derived from (1.5倍).
    """
    result = _result(expression)
    note = f"{expression} = {result}; interval {low} to {high} ({why})"
    note_zh = f"{expression} = {result}；区间 {low} 至 {high}（{why_zh}）"
    return Observation(
        metric,
        entity,
        year,
        result,
        unit,
        "derived",
        "about",
        quote,
        note,
        "stated",
        figure=figure,
        low=_end(low, upward=False),
        high=_end(high, upward=True),
        note_zh=note_zh,
    )


def derived_exact(
    metric: str,
    entity: str,
    year: int,
    unit: str,
    quote: str,
    expression: str,
    why: str,
    *,
    figure: str,
    why_zh: str,
) -> Observation:
    """A value computed from exact inputs only: nothing rounded, a point interval."""
    result = _result(expression)
    return Observation(
        metric,
        entity,
        year,
        result,
        unit,
        "derived",
        "exact",
        quote,
        f"{expression} = {result}, exact: {why}",
        "stated",
        figure=figure,
        low=result,
        high=result,
        note_zh=f"{expression} = {result}，确数：{why_zh}",
    )


# The tables below are laid out by hand, one figure per entry.
# fmt: off
R = reported
C = current
RUNNING_TOTAL_YIZHUANG = (
    "running total since the high-level autonomous driving demonstration zone was set up "
    "仅3年多 (a little over three years) before"
)
RUNNING_TOTAL_YIZHUANG_ZH = "高级别自动驾驶示范区设立（仅3年多前）以来的累计数"
RUNNING_TOTAL_BAODING = "running total from the opening in April 2015 to the end of 2023"
RUNNING_TOTAL_BAODING_ZH = "自2015年4月投入运营至2023年底的累计数"
NATIONAL_RANK, NATIONAL_RANK_ZH = "national rank", "全国位次"
DEVICE_RANK = "national rank by approved varieties and number"
DEVICE_RANK_ZH = "按上市品种和数量的全国位次"
INCUBATION_RANK = "global rank in the 全球城市创业孵化指数 published May 2023"
INCUBATION_RANK_ZH = "《全球城市创业孵化指数》（2023年5月发布）中的全球位次"
OBSERVATIONS: list[Observation] = [
    # --- economy and patents ----------------------------------------------------------
    R("revenue", "zgc", 2014, 3600000000000, "CNY", "exact", "企业总收入从2014年的3.6万亿元"),
    R("revenue", "zgc", 2023, 8600000000000, "CNY", "exact",
        "企业总收入从2014年的3.6万亿元提高到2023年的预计8.6万亿元",
        "预计: an estimate for 2023, made before the year's statistics were final",
        status="estimate", zh="预计：2023年的预计值，在该年统计数据最终确定之前作出"),
    R("invention_patents", "zgc", 2020, 140000, "patents", "more_than",
        "2020年，中关村示范区企业有效发明专利拥有量突破14万件"),
    inferred("invention_patents", "zgc", 2023, 260000, "patents", "more_than",
        "不到四年，这一数量已增长近一倍，突破26万件",
        "the article gives no year, only 不到四年 (under four years) after the 2020 figure, "
        "written in April 2024: a stock at the end of 2023 or early in 2024 (不到四年 reads as "
        "more than three years). Dated 2023, not 2024 by the rule for undated figures "
        "(publication): that rule is for figures stated as current, and this one is an annual "
        "statistic measured from a dated base (2020年), whose latest full year at publication "
        "is 2023, as is the 2023 revenue figure of the same paragraph",
        years=(2023, 2024),
        zh="文中未写年份，只说在2020年之后“不到四年”，文章写于2024年4月：即2023年末或2024年初的"
        "存量（“不到四年”意为三年多）。定为2023年，而未按无年份数据的统一规则定为2024年"
        "（截至发表时）：该规则适用于以现时口吻陈述的数据，此数则是从有年份的基数（2020年）算起的"
        "年度统计，发表时最近的完整统计年度为2023年，与同段2023年企业总收入相同"),
    R("patents_per_10k_people", "beijing", 2014, "48.2", "patents_per_10k_people", "exact",
        "每万人发明专利拥有量增长四倍多，从2014年48.2件"),
    R("patents_per_10k_people", "beijing", 2023, "262.9", "patents_per_10k_people", "exact",
        "每万人发明专利拥有量增长四倍多，从2014年48.2件提高到2023年262.9件"),
    R("top10_science_advances_2012_2022", "beijing", 2022, 56, "items", "exact",
        "2012～2022年年度“中国科学十大进展”中，有56项由北京地区单位牵头的项目入选",
        "total over the 11 annual lists 2012–2022, dated to the last list",
        zh="2012～2022年共11届年度榜单的合计，按最后一届榜单定年"),
    derived_exact("top10_science_advances_2012_2022", "china", 2022, "items",
        "2012～2022年年度“中国科学十大进展”", "(2022 - 2012 + 1) * 10",
        "11 annual lists (2012 to 2022) of 10 items each", figure="十大",
        why_zh="11届年度榜单（2012～2022年），每届10项"),
    R("top10_science_advances_2012_2022_share", "beijing", 2022, 51, "percent", "exact",
        "2012～2022年年度“中国科学十大进展”中，有56项由北京地区单位牵头的项目入选，"
        "占全部获奖项目的51%",
        "share of all items of the 11 annual lists 2012–2022, dated to the last list",
        zh="占2012～2022年共11届年度榜单全部项目的比重，按最后一届榜单定年"),
    R("mit_breakthrough_technologies", "zgc", 2021, 3, "technologies", "exact",
        "三项技术入选麻省理工科技评论“2021年全球十大突破性技术”"),
    # --- the park ---------------------------------------------------------------------
    C("area", "zgc", 488, "km2", "exact", "空间规模488平方公里"),
    C("forum_editions", "zgc_forum", 14, "editions", "exact", "已成功举办14届",
        "the 2024 meeting (April 25–29) is still ahead",
        zh="2024年年会（4月25日至29日）尚未举行"),
    C("minutes_per_new_tech_firm", "beijing", 5, "minutes", "less_than",
        "不到5分钟，就有一家科技型企业在北京落户、诞生"),
    # --- technology -------------------------------------------------------------------
    C("quantum_direct_communication_rate", "baqis", 1000, "bits_per_second", "order_of_magnitude",
        "量子直接通信样机每秒千比特量级的通信速率",
        "千比特量级: an order of magnitude (qualifier order_of_magnitude), a rate of the order "
        "of a kilobit per second, within a factor of √10 of 1000 bit/s either way; not about "
        "1000",
        zh="千比特量级：数量级（限定词为“量级”），即每秒千比特这一量级，在每秒1000比特"
        "上下√10倍以内，并非约1000"),
    C("blockchain_chip_cores", "beijing", 256, "cores", "exact", "新一代256核区块链专用加速芯片"),
    C("key_industry_fields", "zgc", 9, "fields", "exact", "中关村聚焦9大产业领域"),
    C("autonomous_driving_test_distance", "zgc_yizhuang", 30000000, "km", "nearly",
        "累计自动驾驶测试里程近3000万公里", RUNNING_TOTAL_YIZHUANG,
        zh=RUNNING_TOTAL_YIZHUANG_ZH),
    C("autonomous_driving_service_trips", "zgc_yizhuang", 11600000, "person_trips",
        "more_than", "提供常态化出行与生活服务超1160万人次", RUNNING_TOTAL_YIZHUANG,
        zh=RUNNING_TOTAL_YIZHUANG_ZH),
    inferred("large_model_researchers", "baai", 2020, 100, "persons", "more_than",
        "2020年下半年，北京智源研究院就将研究方向锁定大模型，并很快聚集了百余人组成的顶尖科研队伍",
        "the passage dates BAAI's turn to large models (the second half of 2020), not the team: "
        "it was assembled 很快 (soon) after, and before 悟道, born 5 months after the turn; so "
        "late 2020 or early 2021. Dated 2020, the year of the turn the sentence names",
        years=(2020, 2021),
        zh="原文所写年份是智源研究院转向大模型的时间（2020年下半年），而非组建团队的时间：团队在此后"
        "“很快”聚集，且早于转向5个月后诞生的“悟道”，即2020年末或2021年初。定为句中所写转向之年"
        "2020年"),
    inferred("wudao_2_parameters", "baai", 2021, 1750000000000, "parameters", "exact",
        "拥有1.75万亿参数的“悟道2.0”发布",
        "from the article's timeline: 悟道 5 months after the second half of 2020, 悟道2.0 "
        "3 months later, so between March and August 2021",
        years=(2021, 2021),
        zh="据文中时间线：2020年下半年之后5个月“悟道”诞生，再过3个月“悟道2.0”发布，即2021年3月至"
        "8月之间"),
    C("registered_large_models", "china", 107, "models", "exact", "目前全国已备案上线大模型107款"),
    C("registered_large_models", "zgc", 47, "models", "exact", "其中中关村47款"),
    C("registered_large_models_share", "zgc", 40, "percent", "more_than",
        "占全国备案上线数四成以上", "47 / 107 = 43.9%", zh="47 / 107 = 43.9%"),
    # --- industry ---------------------------------------------------------------------
    R("private_commercial_launches", "china", 2023, 13, "launches", "exact",
        "2023年我国民营火箭企业的13次商业发射"),
    R("private_commercial_launches", "beijing", 2023, 13, "launches", "exact",
        "2023年我国民营火箭企业的13次商业发射，全部来自北京", "全部: all 13 of them",
        zh="全部：13次均来自北京"),
    R("commercial_space_top100_firms", "china", 2023, 100, "firms", "exact",
        "“2023中国商业航天企业百强”", "百强: the list has 100 firms", zh="百强：榜单共100家企业"),
    R("commercial_space_top100_firms", "beijing", 2023, 51, "firms", "exact",
        "“2023中国商业航天企业百强”榜单中，北京企业以51家占据全国半壁江山"),
    R("commercial_space_little_giants", "beijing", 2023, 30, "firms", "nearly",
        "“2023中国商业航天企业百强”榜单中，北京企业以51家占据全国半壁江山，"
        "近30家企业获评国家级专精特新“小巨人”称号",
        "stated in the sentence on the 2023 top-100 list: Beijing's listed firms",
        zh="见于2023年百强榜单一句：指北京的上榜企业"),
    C("industry_support_policies", "beijing", 30, "policies", "more_than",
        "出台人形机器人、商业航天、无人机等30余项细分产业支持政策"),
    C("innovation_consortia", "zgc", 24, "consortia", "exact", "推动领军企业组建24个创新联合体"),
    C("technology_innovation_centers", "zgc", 20, "institutions", "exact", "20家技术创新中心"),
    C("innovative_pharma_firms", "zgc_life_science_park", 600, "firms", "more_than",
        "聚集600余家创新型医药企业"),
    C("specialty_industrial_parks", "beijing", 23, "parks", "exact",
        "北京高品质建设23家特色产业园区"),
    C("big_data_market_share_rank", "beijing", 1, "rank", "exact",
        "大数据、信息安全市场占有率全国第一", NATIONAL_RANK, zh=NATIONAL_RANK_ZH,
        figure="全国第一"),
    C("information_security_market_share_rank", "beijing", 1, "rank", "exact",
        "大数据、信息安全市场占有率全国第一", NATIONAL_RANK, zh=NATIONAL_RANK_ZH,
        figure="全国第一"),
    R("innovative_medical_device_rank", "beijing", 2022, 1, "rank", "exact",
        "2022年创新医疗器械、AI三类医疗器械上市品种和数量均居全国第一", DEVICE_RANK,
        zh=DEVICE_RANK_ZH, figure="全国第一"),
    R("ai_class3_medical_device_rank", "beijing", 2022, 1, "rank", "exact",
        "2022年创新医疗器械、AI三类医疗器械上市品种和数量均居全国第一", DEVICE_RANK,
        zh=DEVICE_RANK_ZH, figure="全国第一"),
    C("biomedicine_cluster_firms", "beijing", 1800, "firms", "more_than",
        "生物医药产业集群聚集了1800余家企业"),
    C("trillion_yuan_industry_clusters", "beijing", 2, "clusters", "exact",
        "形成新一代信息技术、科技服务业2个万亿级产业集群",
        "the clusters formed so far; the expected third is trillion_yuan_industry_clusters_"
        "expected",
        zh="已形成的产业集群；有望成为的第三个另列为“预计万亿级产业集群数”"),
    R("trillion_yuan_industry_clusters_expected", "beijing", 2024, 3, "clusters", "exact",
        "2024年有望成为第三个万亿级产业集群",
        "有望: biomedicine expected to become the third in 2024; an expectation at publication, "
        "kept apart from the 2 clusters formed so far",
        status="estimate",
        zh="有望：生物医药产业预计于2024年成为第三个；为发表时的预期，与已形成的2个产业集群分开记录"),
    inferred("biomedicine_industry_scale", "beijing", 2023, 980000000000, "CNY", "nearly",
        "规模近9800亿元的生物医药产业",
        "an annual scale the article does not date, and a past one: the same sentence says "
        "biomedicine is only expected (有望) to reach the trillion-yuan level in 2024. The "
        "latest annual figure at publication (April 2024): 2023's, or 2022's (the year the "
        "sentence names) if 2023's was not yet out. Dated 2023, the last full year",
        years=(2022, 2023),
        zh="文中未写年份的年度规模，且为过去的数据：同句说生物医药产业2024年才“有望”达到万亿级。"
        "即发表时（2024年4月）最近的年度数据：2023年的，若2023年数据尚未公布则为2022年的"
        "（句中所写年份）。定为最近的完整年度2023年"),
    # --- enterprises ------------------------------------------------------------------
    R("fortune_global_500_firms", "zgc", 2022, 9, "firms", "exact",
        "9家企业入选2022年《财富》“世界500强”"),
    R("global_rd_2500_firms", "zgc", 2022, 93, "firms", "exact",
        "93家企业入围国际组织发布的“2022年全球研发投入2500强”"),
    R("high_tech_firms", "zgc", 2022, 16000, "firms", "exact",
        "2022年，中关村示范区拥有国家高新技术企业1.6万家"),
    R("firms_revenue_over_100m", "zgc", 2012, 1897, "firms", "exact",
        "年收入亿元以上企业由2012年的1897家"),
    R("firms_revenue_over_100m", "zgc", 2022, 4245, "firms", "exact",
        "年收入亿元以上企业由2012年的1897家增加到2022年的4245家"),
    inferred("firms_revenue_over_100b", "zgc", 2012, 0, "firms", "exact", "超千亿元企业从无到有",
        "从无到有 (from none to some) names no year; dated 2012, the base year of every "
        "comparison in the same sentence (由2012年的…增加到2022年的…), of which the clause is "
        "one more (year_min = year_max = 2012)",
        years=(2012, 2012),
        zh="“从无到有”未写年份；定为2012年，即同句各项比较（由2012年的…增加到2022年的…）的基年，"
        "此分句是其中又一项比较（最早、最晚均为2012年）"),
    R("firms_revenue_over_100b", "zgc", 2022, 11, "firms", "exact",
        "超千亿元企业从无到有，2022年达到11家"),
    R("listed_firms", "zgc", 2012, 224, "firms", "exact", "累计上市企业由2012年的224家"),
    R("listed_firms", "zgc", 2022, 487, "firms", "exact",
        "累计上市企业由2012年的224家增加到2022年的487家"),
    # --- ecosystem --------------------------------------------------------------------
    C("incubation_institutions", "zgc", 200, "institutions", "more_than", "200多家创业孵化机构"),
    C("alliances_and_nonprofits", "zgc", 600, "institutions", "nearly",
        "近600家联盟协会和民非组织"),
    C("professional_service_institutions", "zgc", 1000, "institutions", "more_than",
        "上千家法律、会计、知识产权服务机构"),
    R("national_incubators", "zgc", 2022, 65, "institutions", "exact",
        "2022年，中关村拥有国家级科技企业孵化器65家"),
    R("national_maker_spaces", "zgc", 2022, 144, "institutions", "exact",
        "2022年，中关村拥有国家级科技企业孵化器65家、国家备案众创空间144个"),
    R("national_tech_transfer_institutions", "zgc", 2022, 51, "institutions", "exact",
        "2022年，中关村拥有国家级科技企业孵化器65家、国家备案众创空间144个、国家技术转移机构51家"),
    R("startup_incubation_overall_rank", "beijing", 2023, 4, "rank", "exact",
        "2023年5月发布的《全球城市创业孵化指数》显示，北京创业孵化综合全球排名第四",
        INCUBATION_RANK, zh=INCUBATION_RANK_ZH, figure="全球排名第四"),
    R("incubation_performance_rank", "beijing", 2023, 1, "rank", "exact",
        "2023年5月发布的《全球城市创业孵化指数》显示，北京创业孵化综合全球排名第四、"
        "孵化绩效单项指标全球排名第一",
        INCUBATION_RANK, zh=INCUBATION_RANK_ZH, figure="全球排名第一"),
    # --- talent -----------------------------------------------------------------------
    R("employees", "zgc", 2022, 2790000, "persons", "exact", "2022年，中关村从业人员279万人"),
    derived("employees", "zgc", 2013, "persons", "中关村从业人员279万人，是2013年的1.5倍",
        "2790000 / 1.5", figure="1.5倍",
        low="2785000 / 1.55", high="2795000 / 1.45",
        why="279万 rounded to 1万 and 1.5倍 to 0.1", why_zh="279万按1万取整，1.5倍按0.1取整"),
    R("returnee_employees", "zgc", 2022, 63000, "persons", "exact",
        "2022年，中关村从业人员279万人，是2013年的1.5倍。其中留学归国人员6.3万人",
        "其中: among the 2022 employees of the sentence before",
        zh="其中：指上一句2022年从业人员中的"),
    derived("returnee_employees", "zgc", 2012, "persons",
        "其中留学归国人员6.3万人，是2012年的3倍", "63000 / 3", figure="3倍",
        low="62500 / 3.5", high="63500 / 2.5",
        why="6.3万 rounded to 0.1万 and 3倍 to a whole number",
        why_zh="6.3万按0.1万取整，3倍按整数取整"),
    C("researchers", "beijing", 550000, "persons", "more_than", "北京拥有55万余名科研人员"),
    C("academician_share", "beijing", 50, "percent", "nearly", "全国近一半的两院院士",
        "share of China's CAS and CAE academicians", zh="占全国两院院士的比重"),
    C("ai_top_talent_share", "beijing", 43, "percent", "about",
        "北京的人工智能顶尖人才占全国总量的43%左右"),
    # --- regional cooperation ---------------------------------------------------------
    C("distance_from_beijing", "baoding_zgc_innovation_center", 150, "km", "more_than",
        "北京向南150余公里，在保定朝阳北大街", "a geographic constant",
        zh="地理距离，不随时间变化"),
    R("high_tech_firms_cultivated", "baoding_zgc_innovation_center", 2023, 80, "firms",
        "more_than", "截至2023年底，保定·中关村创新中心累计培育高新技术企业80余家",
        RUNNING_TOTAL_BAODING, zh=RUNNING_TOTAL_BAODING_ZH),
    R("tech_smes_cultivated", "baoding_zgc_innovation_center", 2023, 300, "firms", "more_than",
        "截至2023年底，保定·中关村创新中心累计培育高新技术企业80余家，科技型中小企业300余家",
        RUNNING_TOTAL_BAODING, zh=RUNNING_TOTAL_BAODING_ZH),
    R("tenant_rd_investment", "baoding_zgc_innovation_center", 2023, 100000000, "CNY",
        "more_than",
        "截至2023年底，保定·中关村创新中心累计培育高新技术企业80余家，科技型中小企业300余家，"
        "入驻企业累计研发投入超亿元",
        RUNNING_TOTAL_BAODING, zh=RUNNING_TOTAL_BAODING_ZH),
    R("intellectual_property_items", "baoding_zgc_innovation_center", 2023, 1000, "items",
        "more_than",
        "截至2023年底，保定·中关村创新中心累计培育高新技术企业80余家，科技型中小企业300余家，"
        "入驻企业累计研发投入超亿元，拥有知识产权千余件",
        "held at the end of 2023", zh="2023年底拥有量"),
    C("phase1_occupancy_rate", "xiongan_zgc_science_park", 90, "percent", "exact",
        "雄安中关村科技园一期入驻率已达90%", "since the opening on 2023-08-30",
        zh="自2023年8月30日揭牌以来"),
    C("branches_in_tianjin_hebei", "zgc", 9500, "branches", "more_than",
        "中关村示范区企业累计在津冀地区设立分支机构超过9500家"),
    R("tech_contracts_to_tianjin_hebei", "beijing", 2023, 6758, "contracts", "exact",
        "2023年北京流向津冀技术合同数6758项"),
    derived("tech_contracts_to_tianjin_hebei", "beijing", 2022, "contracts",
        "技术合同数6758项、成交额784.7亿元，比2022年分别增长14.9%", "6758 / (1 + 14.9 / 100)",
        figure="14.9%",
        low="6758 / (1 + 14.95 / 100)", high="6758 / (1 + 14.85 / 100)",
        why="6758 is a count; 14.9% rounded to 0.1", why_zh="6758为计数；14.9%按0.1取整"),
    R("tech_contract_value_to_tianjin_hebei", "beijing", 2023, 78470000000, "CNY", "exact",
        "2023年北京流向津冀技术合同数6758项、成交额784.7亿元"),
    derived("tech_contract_value_to_tianjin_hebei", "beijing", 2022, "CNY",
        "成交额784.7亿元，比2022年分别增长14.9%、109.8%", "78470000000 / (1 + 109.8 / 100)",
        figure="109.8%",
        low="78465000000 / (1 + 109.85 / 100)", high="78475000000 / (1 + 109.75 / 100)",
        why="784.7亿 rounded to 0.1亿 and 109.8% to 0.1",
        why_zh="784.7亿按0.1亿取整，109.8%按0.1取整"),
    C("cooperation_provinces", "zgc", 26, "provinces", "exact", "中关村与全国26个省区市"),
    C("cooperation_regions", "zgc", 77, "regions", "exact",
        "26个省区市的77个地区（单位）建立战略合作关系"),
    C("industrialization_bases", "zgc", 27, "bases", "exact", "共建27个科技成果产业化基地"),
]


# metric -> (name_en, name_zh, category, kind, description)
INDICATORS: dict[str, tuple[str, str, str, str, str]] = {
    "revenue": ("Total revenue of firms", "企业总收入", "economy", "flow",
        "Total revenue of firms in the Zhongguancun demonstration zone in the year."),
    "invention_patents": ("Valid invention patents held", "有效发明专利拥有量", "innovation",
        "level", "Valid invention patents held by firms in the demonstration zone."),
    "patents_per_10k_people": ("Invention patents per 10,000 people", "每万人发明专利拥有量",
        "innovation", "level", "Invention patents held per 10,000 residents."),
    "top10_science_advances_2012_2022": ("Items in China's Top 10 Science Advances, 2012–2022",
        "中国科学十大进展累计入选项目数（2012～2022年）", "innovation", "cumulative",
        "Items on the 11 annual Top 10 Science Advances lists (MOST), cumulative from the "
        "2012 list to the 2022 list; Beijing: items led by Beijing institutions."),
    "top10_science_advances_2012_2022_share": (
        "Share of Top 10 Science Advances led from Beijing, 2012–2022",
        "北京牵头项目占中国科学十大进展比重（2012～2022年）", "innovation", "share",
        "Share of all items on the 2012–2022 Top 10 Science Advances lists led by Beijing "
        "institutions."),
    "mit_breakthrough_technologies": ("Technologies on MIT TR's 10 Breakthrough Technologies",
        "麻省理工科技评论全球十大突破性技术入选技术数", "technology", "level",
        "Zhongguancun technologies on the year's edition of MIT Technology Review's 10 "
        "Breakthrough Technologies list."),
    "area": ("Area", "空间规模", "ecosystem", "attribute",
        "Land area of the demonstration zone (one zone, many parks)."),
    "forum_editions": ("Zhongguancun Forum editions held", "中关村论坛累计举办届数", "ecosystem",
        "cumulative", "Editions of the Zhongguancun Forum held since its founding in 2007."),
    "minutes_per_new_tech_firm": ("Minutes between new tech firms", "科技型企业诞生间隔",
        "enterprises", "flow",
        "Average interval between two new technology firms set up in Beijing: the inverse of "
        "the flow of new firms."),
    "quantum_direct_communication_rate": ("Quantum direct communication rate", "量子直接通信速率",
        "technology", "attribute",
        "Rate of the quantum direct communication prototype at the Beijing Academy of Quantum "
        "Information Sciences."),
    "blockchain_chip_cores": ("Cores of the blockchain accelerator chip",
        "区块链专用加速芯片核数", "technology", "attribute",
        "Cores of the new-generation blockchain accelerator chip."),
    "key_industry_fields": ("Key industry fields targeted", "聚焦产业领域数", "industry", "level",
        "Industry fields of the core-technology campaign."),
    "autonomous_driving_test_distance": ("Autonomous driving test distance", "累计自动驾驶测试里程",
        "technology", "cumulative",
        "Test distance in the high-level autonomous driving demonstration zone, cumulative since "
        "the zone was set up in the Yizhuang park (仅3年多, a little over three years before "
        "April 2024)."),
    "autonomous_driving_service_trips": ("Autonomous driving service trips",
        "累计自动驾驶出行与生活服务人次", "technology", "cumulative",
        "Person-trips of regular mobility and life services in the high-level autonomous "
        "driving demonstration zone, cumulative since the zone was set up (a little over three "
        "years before April 2024)."),
    "large_model_researchers": ("Top large-model researchers", "大模型顶尖科研人员", "talent",
        "level", "Top researchers BAAI gathered for its large-model work."),
    "wudao_2_parameters": ("Parameters of WuDao 2.0", "悟道2.0参数量", "technology", "attribute",
        "Parameters of BAAI's WuDao 2.0 model, then the world's largest."),
    "registered_large_models": ("Registered large models online", "已备案上线大模型数",
        "technology", "level", "Large models registered (备案) and online."),
    "registered_large_models_share": ("Share of China's registered large models",
        "备案上线大模型占全国比重", "technology", "share",
        "Zhongguancun's share of China's registered large models online."),
    "private_commercial_launches": ("Commercial launches by private rocket firms",
        "民营火箭企业商业发射次数", "industry", "flow",
        "Commercial launches by Chinese private rocket firms in the year."),
    "commercial_space_top100_firms": ("Firms in the China Commercial Space Top 100",
        "中国商业航天企业百强企业数", "industry", "level",
        "Firms on the year's China Commercial Space Top 100 list."),
    "commercial_space_little_giants": ("Commercial space 'little giant' firms",
        "专精特新小巨人企业数（商业航天）", "enterprises", "level",
        "Beijing firms of the China Commercial Space Top 100 named national specialised "
        "'little giants'."),
    "industry_support_policies": ("Industry-specific support policies", "细分产业支持政策数",
        "policy", "level",
        "Support policies issued for industry segments such as humanoid robots, commercial "
        "space and drones."),
    "innovation_consortia": ("Innovation consortia", "创新联合体数", "enterprises", "level",
        "Innovation consortia formed by leading firms."),
    "technology_innovation_centers": ("Technology innovation centres", "技术创新中心数",
        "enterprises", "level", "Technology innovation centres formed by leading firms."),
    "innovative_pharma_firms": ("Innovative pharmaceutical firms", "创新型医药企业数",
        "industry", "level", "Innovative pharmaceutical firms in the life science park."),
    "specialty_industrial_parks": ("Specialty industrial parks", "特色产业园区数", "industry",
        "level", "Specialty industrial parks built in Beijing."),
    "big_data_market_share_rank": ("Big data market share rank", "大数据市场占有率全国位次",
        "industry", "rank", "National rank by big data market share."),
    "information_security_market_share_rank": ("Information security market share rank",
        "信息安全市场占有率全国位次", "industry", "rank",
        "National rank by information security market share."),
    "innovative_medical_device_rank": ("Innovative medical devices rank",
        "创新医疗器械上市品种和数量全国位次", "industry", "rank",
        "National rank by innovative medical devices approved for market."),
    "ai_class3_medical_device_rank": ("AI class III medical devices rank",
        "AI三类医疗器械上市品种和数量全国位次", "industry", "rank",
        "National rank by AI class III medical devices approved for market."),
    "biomedicine_cluster_firms": ("Firms in the biomedicine cluster", "生物医药产业集群企业数",
        "industry", "level", "Firms in Beijing's biomedicine cluster."),
    "trillion_yuan_industry_clusters": ("Trillion-yuan industry clusters", "万亿级产业集群数",
        "industry", "level", "Industry clusters formed at the trillion-yuan level."),
    "trillion_yuan_industry_clusters_expected": ("Trillion-yuan industry clusters expected",
        "预计万亿级产业集群数", "industry", "level",
        "Industry clusters expected (有望) to be at the trillion-yuan level in the year: a "
        "forecast, not a count."),
    "biomedicine_industry_scale": ("Scale of the biomedicine industry", "生物医药产业规模",
        "economy", "flow", "Annual size of Beijing's biomedicine industry."),
    "fortune_global_500_firms": ("Fortune Global 500 firms", "《财富》世界500强企业数",
        "enterprises", "level",
        "Zhongguancun firms on the year's Fortune Global 500 list."),
    "global_rd_2500_firms": ("Global R&D top 2500 firms", "全球研发投入2500强企业数",
        "enterprises", "level",
        "Zhongguancun firms among the world's top 2500 R&D investors of the year's list."),
    "high_tech_firms": ("National high-tech enterprises", "国家高新技术企业数", "enterprises",
        "level", "National high-tech enterprises in the demonstration zone."),
    "firms_revenue_over_100m": ("Firms with revenue of 100 million yuan or more",
        "年收入亿元以上企业数", "enterprises", "level",
        "Firms with annual revenue of at least 100 million yuan."),
    "firms_revenue_over_100b": ("Firms with revenue over 100 billion yuan",
        "年收入超千亿元企业数", "enterprises", "level",
        "Firms with annual revenue above 100 billion yuan."),
    "listed_firms": ("Listed firms (cumulative)", "累计上市企业数", "enterprises", "cumulative",
        "Zone firms that have listed on a stock market, a running total (累计) to the year's "
        "end since the zone began; the article names no start year."),
    "incubation_institutions": ("Start-up incubation institutions", "创业孵化机构数",
        "ecosystem", "level", "Start-up incubation institutions."),
    "alliances_and_nonprofits": ("Alliances, associations and non-profits",
        "联盟协会和民非组织数", "ecosystem", "level",
        "Industry alliances, associations and private non-profit organisations."),
    "professional_service_institutions": ("Legal, accounting and IP service firms",
        "法律、会计、知识产权服务机构数", "ecosystem", "level",
        "Legal, accounting and intellectual property service institutions."),
    "national_incubators": ("National tech business incubators", "国家级科技企业孵化器数",
        "ecosystem", "level", "National-level technology business incubators."),
    "national_maker_spaces": ("Nationally registered maker spaces", "国家备案众创空间数",
        "ecosystem", "level", "Maker spaces on the national register."),
    "national_tech_transfer_institutions": ("National technology transfer institutions",
        "国家技术转移机构数", "ecosystem", "level", "National technology transfer institutions."),
    "startup_incubation_overall_rank": ("Global start-up incubation rank, overall",
        "创业孵化综合全球位次", "ecosystem", "rank",
        "Overall world rank in the Global City Start-up Incubation Index."),
    "incubation_performance_rank": ("Global incubation performance rank",
        "孵化绩效单项指标全球位次", "ecosystem", "rank",
        "World rank on the incubation performance indicator of the Global City Start-up "
        "Incubation Index."),
    "employees": ("Employees", "从业人员", "talent", "level",
        "People employed by firms in Zhongguancun."),
    "returnee_employees": ("Returnee employees", "留学归国人员", "talent", "level",
        "Employees who returned from study abroad."),
    "researchers": ("Researchers", "科研人员", "talent", "level", "Research personnel in Beijing."),
    "academician_share": ("Share of China's academicians", "两院院士占全国比重", "talent",
        "share", "Share of China's CAS and CAE academicians who are in Beijing."),
    "ai_top_talent_share": ("Share of China's top AI talent", "人工智能顶尖人才占全国比重",
        "talent", "share", "Share of China's top AI talent who are in Beijing."),
    "distance_from_beijing": ("Distance from Beijing", "与北京的距离", "regional_cooperation",
        "attribute", "Distance south from Beijing."),
    "high_tech_firms_cultivated": ("High-tech enterprises cultivated", "累计培育高新技术企业数",
        "regional_cooperation", "cumulative",
        "High-tech enterprises cultivated, cumulative since the centre opened in April 2015."),
    "tech_smes_cultivated": ("Tech SMEs cultivated", "累计培育科技型中小企业数",
        "regional_cooperation", "cumulative",
        "Technology-based small and medium firms cultivated, cumulative since the centre opened "
        "in April 2015."),
    "tenant_rd_investment": ("R&D investment by tenant firms", "入驻企业累计研发投入",
        "regional_cooperation", "cumulative",
        "R&D spending of tenant firms, cumulative since the centre opened in April 2015."),
    "intellectual_property_items": ("Intellectual property items held", "知识产权数量",
        "innovation", "level", "Intellectual property rights held."),
    "phase1_occupancy_rate": ("Phase 1 occupancy rate", "一期入驻率", "regional_cooperation",
        "share", "Occupied share of the park's first phase."),
    "branches_in_tianjin_hebei": ("Branches set up in Tianjin and Hebei",
        "累计在津冀设立分支机构数", "regional_cooperation", "cumulative",
        "Branches set up in Tianjin and Hebei by Zhongguancun firms, a running total (累计); "
        "the article names no start year."),
    "tech_contracts_to_tianjin_hebei": ("Technology contracts to Tianjin and Hebei",
        "流向津冀技术合同数", "regional_cooperation", "flow",
        "Technology contracts flowing from Beijing to Tianjin and Hebei in the year."),
    "tech_contract_value_to_tianjin_hebei": ("Value of technology contracts to Tianjin and Hebei",
        "流向津冀技术合同成交额", "regional_cooperation", "flow",
        "Turnover of technology contracts flowing from Beijing to Tianjin and Hebei in the "
        "year."),
    "cooperation_provinces": ("Provinces with strategic cooperation", "战略合作省区市数",
        "regional_cooperation", "level",
        "Provincial-level regions with strategic cooperation ties."),
    "cooperation_regions": ("Regions with strategic cooperation", "战略合作地区（单位）数",
        "regional_cooperation", "level", "Regions (or units) with strategic cooperation ties."),
    "industrialization_bases": ("Co-built industrialisation bases", "共建科技成果产业化基地数",
        "regional_cooperation", "level", "Bases co-built to industrialise research results."),
}
# fmt: on


CATEGORIES = (
    "economy",
    "innovation",
    "talent",
    "enterprises",
    "ecosystem",
    "industry",
    "technology",
    "regional_cooperation",
    "policy",
)


@dataclass(frozen=True)
class Entity:
    entity: str
    name_en: str
    name_zh: str
    kind: str
    parent: str
    aliases_zh: str  # the words a passage uses for it, ";"-separated


# fmt: off
ENTITIES: list[Entity] = [
    Entity("china", "China", "全国", "country", "", "全国;我国;中国"),
    Entity("beijing", "Beijing", "北京市", "city", "china", "北京;北京市"),
    Entity("zgc", "Zhongguancun", "中关村示范区", "zone", "beijing",
        "中关村;中关村示范区;中关村国家自主创新示范区"),
    Entity("zgc_yizhuang", "Zhongguancun Yizhuang Park", "中关村亦庄园", "sub_park", "zgc",
        "中关村亦庄园;亦庄园;亦庄;北京亦庄"),
    Entity("zgc_life_science_park", "Zhongguancun Life Science Park", "中关村生命科学园",
        "sub_park", "zgc", "中关村生命科学园;生命科学园"),
    Entity("zgc_forum", "Zhongguancun Forum", "中关村论坛", "event", "zgc",
        "中关村论坛;中关村论坛年会"),
    Entity("baai", "Beijing Academy of Artificial Intelligence (BAAI)", "北京智源人工智能研究院",
        "institution", "beijing", "北京智源研究院;智源研究院;智源"),
    Entity("baqis", "Beijing Academy of Quantum Information Sciences (BAQIS)",
        "北京量子信息科学研究院", "institution", "beijing", "北京量子信息科学研究院"),
    Entity("baoding", "Baoding", "保定市", "city", "china", "保定"),
    Entity("baoding_zgc_innovation_center", "Baoding Zhongguancun Innovation Center",
        "保定·中关村创新中心", "institution", "baoding", "保定·中关村创新中心"),
    Entity("xiongan", "Xiong'an New Area", "雄安新区", "new_area", "china", "雄安;河北雄安"),
    Entity("xiongan_zgc_science_park", "Xiong'an Zhongguancun Science Park",
        "雄安中关村科技园", "sub_park", "xiongan", "雄安中关村科技园"),
]
# fmt: on


@dataclass(frozen=True)
class Event:
    date: str  # at its known precision: 1988, 2015-04, 2023-08-30
    entity: str
    event_en: str
    event_zh: str
    quote: str
    note: str = ""
    note_zh: str = ""  # the note in Chinese


DATE = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$")

# fmt: off
EVENTS: list[Event] = [
    Event("1980", "zgc", "The 'Electronics Street' (电子一条街) grows up in Zhongguancun",
        "中关村“电子一条街”兴起", "从20世纪80年代初的“电子一条街”",
        INFERRED + "20世纪80年代初 (the early 1980s) names no year: dated 1980, the first year "
        "of the decade the passage names; the article gives no closer date",
        note_zh=INFERRED_ZH + "“20世纪80年代初”未写年份：定为1980年，即原文所说年代的第一年；"
        "文中没有更具体的时间"),
    Event("1988", "zgc", "Becomes China's first national high-tech industrial development zone",
        "成为第一个国家级高新技术产业开发区", "1988年成为第一个国家级高新技术产业开发区"),
    Event("1999", "zgc", "Becomes China's first national science park",
        "成为第一个国家级科技园区", "1999年成为第一个国家级科技园区"),
    Event("2007", "zgc_forum", "The Zhongguancun Forum is founded", "中关村论坛创办",
        "创办于2007年的中关村论坛"),
    Event("2009", "zgc", "Becomes China's first national independent innovation demonstration "
        "zone", "成为第一个国家自主创新示范区", "2009年成为第一个国家自主创新示范区"),
    Event("2013", "beijing", "Baidu sets up its Institute of Deep Learning and starts "
        "self-driving research", "百度成立深度学习研究院，同步启动无人驾驶研发项目",
        "早在2013年，百度就成立深度学习研究院，无人驾驶研发项目同步启动"),
    Event("2013-09-30", "zgc", "A Politburo collective study session is held in Zhongguancun",
        "中共中央政治局集体学习走出中南海，把“课堂”搬到中关村",
        "2013年9月30日，中共中央政治局集体学习走出中南海，把“课堂”搬到了中关村"),
    Event("2015-04", "baoding_zgc_innovation_center",
        "The Baoding Zhongguancun Innovation Center, the first Zhongguancun innovation centre "
        "outside Beijing, opens", "保定·中关村创新中心投入运营",
        "2015年4月底，全国首家由中关村在京外设立的创新中心——保定·中关村创新中心投入运营",
        "end of April 2015 (4月底)", note_zh="2015年4月底"),
    Event("2016", "zgc", "Returnee Wang Shaokang founds Infervision in Zhongguancun",
        "留学归国的王少康在中关村创业，成立推想医疗",
        "2016年，留学归国的王少康和创业伙伴来到中关村创业，成立推想医疗科技股份有限公司"),
    Event("2017-07", "beijing", "Baidu declares 'All in AI' at its AI developer conference",
        "百度AI开发者大会喊出“All in AI”",
        "2017年7月的“百度AI开发者大会”上，“All in AI”的口号喊出"),
    Event("2018", "zgc", "Galactic Energy (星河动力), now a unicorn, is founded",
        "星河动力成立", "成立于2018年的星河动力"),
    Event("2019", "zgc_forum", "Xi Jinping sends congratulations to the Zhongguancun Forum",
        "习近平总书记向中关村论坛致贺", "2019年、2021年、2023年，习近平总书记三次向中关村论坛致贺",
        "the first of three", note_zh="三次中的第一次"),
    Event("2020", "zgc", "Valid invention patents of zone firms pass 140,000",
        "中关村示范区企业有效发明专利拥有量突破14万件",
        "2020年，中关村示范区企业有效发明专利拥有量突破14万件"),
    Event("2020", "baai", "BAAI turns its research to large models",
        "北京智源研究院将研究方向锁定大模型",
        "ChatGPT发布两年多以前的2020年下半年，北京智源研究院就将研究方向锁定大模型",
        "second half of 2020 (2020年下半年)", note_zh="2020年下半年"),
    Event("2020", "zgc_yizhuang", "The high-level autonomous driving demonstration zone is set "
        "up in the Yizhuang park", "中关村亦庄园设立高级别自动驾驶示范区",
        "在中关村亦庄园设立高级别自动驾驶示范区仅3年多",
        INFERRED + "仅3年多 (only a little over three years) before April 2024 puts it between "
        "April 2020 and April 2021; dated 2020, where most of that window lies",
        note_zh=INFERRED_ZH + "2024年4月之前“仅3年多”，即2020年4月至2021年4月之间；定为2020年，"
        "该区间大部分在此年"),
    Event("2021", "baai", "WuDao (悟道), China's first Chinese-language large model, is born in "
        "Beijing", "我国第一个中文语言大模型“悟道”在北京诞生",
        "5个月后，我国第一个中文语言大模型“悟道”在北京诞生",
        INFERRED + "5 months after BAAI turned to large models in the second half of 2020: "
        "between December 2020 and May 2021; dated 2021, where most of that window lies",
        note_zh=INFERRED_ZH + "智源研究院2020年下半年转向大模型之后5个月，即2020年12月至2021年5月"
        "之间；定为2021年，该区间大部分在此年"),
    Event("2021", "zgc_forum", "Xi Jinping sends congratulations to the Zhongguancun Forum",
        "习近平总书记向中关村论坛致贺", "2019年、2021年、2023年，习近平总书记三次向中关村论坛致贺",
        "the second of three", note_zh="三次中的第二次"),
    Event("2021", "beijing", "Beijing issues China's first dedicated policy for commercial "
        "space", "北京发布全国首份支持商业航天发展的专项政策",
        "2021年初，北京率先发布全国首份支持商业航天发展的专项政策《支持卫星网络产业发展的若干措施》",
        "early 2021 (2021年初)", note_zh="2021年初"),
    Event("2021", "baai", "WuDao 2.0, with 1.75 trillion parameters, is released",
        "“悟道2.0”发布", "3个月后，拥有1.75万亿参数的“悟道2.0”发布",
        INFERRED + "3 months after 悟道, itself 5 months after the second half of 2020: between "
        "March and August 2021",
        note_zh=INFERRED_ZH + "“悟道”之后3个月，而“悟道”在2020年下半年之后5个月：即2021年3月至"
        "8月之间"),
    Event("2021-11", "zgc", "The Central Commission for Deepening Overall Reform approves "
        "measures for Zhongguancun's pilot reforms",
        "中央全面深化改革委员会第二十二次会议审议通过支持中关村先行先试改革的若干措施",
        "2021年11月，中央全面深化改革委员会第二十二次会议审议通过《关于支持中关村国家自主创新示范区"
        "开展高水平科技自立自强先行先试改革的若干措施》"),
    Event("2023", "zgc_forum", "Xi Jinping sends congratulations to the Zhongguancun Forum",
        "习近平总书记向中关村论坛致贺", "2019年、2021年、2023年，习近平总书记三次向中关村论坛致贺",
        "the third of three", note_zh="三次中的第三次"),
    Event("2023", "zgc", "Valid invention patents of zone firms pass 260,000",
        "中关村示范区企业有效发明专利拥有量突破26万件",
        "不到四年，这一数量已增长近一倍，突破26万件",
        INFERRED + "不到四年 (under four years) after 2020, written in April 2024; dated 2023 "
        "as the figure is in metrics.csv",
        note_zh=INFERRED_ZH + "2020年之后“不到四年”，文章写于2024年4月；与指标数据中的该数值"
        "同样定为2023年"),
    Event("2023-05", "beijing", "The Global City Start-up Incubation Index ranks Beijing 4th "
        "overall and 1st in incubation performance",
        "《全球城市创业孵化指数》发布，北京综合全球排名第四、孵化绩效全球排名第一",
        "2023年5月发布的《全球城市创业孵化指数》显示，北京创业孵化综合全球排名第四、"
        "孵化绩效单项指标全球排名第一"),
    Event("2023-08-30", "xiongan_zgc_science_park", "The Xiong'an Zhongguancun Science Park is "
        "inaugurated", "雄安中关村科技园揭牌", "自2023年8月30日揭牌以来，雄安中关村科技园"),
    Event("2023-11-28", "beijing", "Loongson releases the 3A6000 general-purpose CPU in Beijing",
        "龙芯3A6000在北京正式发布",
        "2023年11月28日，一场名为“到中流击水”的新品发布会上，55岁的龙芯中科创始人胡伟武着一身"
        "中山装，稳步走上舞台中央。这一天，我国自主研发的新一代通用CPU——龙芯3A6000在北京正式发布"),
    Event("2024-04-25", "zgc_forum", "The 2024 Zhongguancun Forum annual meeting opens, for the "
        "first time at the Zhongguancun International Innovation Center",
        "2024中关村论坛年会首次在中关村国际创新中心举行",
        "4月25日至29日，以“创新：建设更加美好的世界”为主题的2024中关村论坛年会，"
        "将首次在中关村国际创新中心隆重举行",
        "April 25–29, 2024; still ahead at publication",
        note_zh="2024年4月25日至29日；发表时尚未举行"),
]
# fmt: on


@dataclass(frozen=True)
class Claim:
    claim_id: str
    kind: str
    metric: str
    entity: str
    year: int
    base_metric: str
    base_entity: str
    base_year: int | None
    low: str
    high: str
    low_inclusive: str
    high_inclusive: str
    quote: str
    note: str
    note_zh: str
    definitional: str


def claim(
    claim_id: str,
    kind: str,
    subject: tuple[str, str, int],
    base: tuple[str, str, int] | None,
    low: float | None,
    high: float | None,
    low_inclusive: bool,
    high_inclusive: bool,
    quote: str,
    note: str = "",
    definitional: bool = False,
    *,
    zh: str = "",
) -> Claim:
    def bound(number: float | None) -> str:
        return "" if number is None else format_number(number)

    def flag(number: float | None, inclusive: bool) -> str:
        # An unbounded side has no inclusiveness to state.
        return "" if number is None else str(inclusive).lower()

    base_metric, base_entity, base_year = base if base else ("", "", None)
    return Claim(
        claim_id,
        kind,
        *subject,
        base_metric,
        base_entity,
        base_year,
        bound(low),
        bound(high),
        flag(low, low_inclusive),
        flag(high, high_inclusive),
        quote,
        note,
        zh,
        str(definitional).lower(),
    )


# definitional=True: the tested value was derived from the claim's own words, so the
# claim holds by construction and tests only the arithmetic, not the article.
# fmt: off
CLAIMS: list[Claim] = [
    claim("invention_patents_nearly_doubled", "ratio", ("invention_patents", "zgc", 2023),
        ("invention_patents", "zgc", 2020), 1.75, 2, True, False, "这一数量已增长近一倍",
        "近一倍: growth a little under 100%; both figures are lower bounds (突破)",
        zh="近一倍：增长略低于100%；两个数字都是下限（突破）"),
    claim("employees_1_5_times_2013", "ratio", ("employees", "zgc", 2022),
        ("employees", "zgc", 2013), 1.45, 1.55, True, False, "是2013年的1.5倍",
        "1.5 is stated to one decimal; employees 2013 is derived from these words",
        definitional=True, zh="1.5精确到一位小数；2013年从业人员即由这句话推算"),
    claim("returnees_3_times_2012", "ratio", ("returnee_employees", "zgc", 2022),
        ("returnee_employees", "zgc", 2012), 2.5, 3.5, True, False, "是2012年的3倍",
        "3 is stated as a whole number; returnees 2012 is derived from these words",
        definitional=True, zh="3为整数；2012年留学归国人员即由这句话推算"),
    claim("returnees_among_employees", "share_pct", ("returnee_employees", "zgc", 2022),
        ("employees", "zgc", 2022), 0, 100, True, True, "其中留学归国人员6.3万人",
        "其中: returnees are a part of all employees",
        zh="其中：留学归国人员是全部从业人员的一部分"),
    claim("patents_per_10k_grew_over_fourfold", "growth_pct",
        ("patents_per_10k_people", "beijing", 2023), ("patents_per_10k_people", "beijing", 2014),
        400, 500, False, False, "每万人发明专利拥有量增长四倍多",
        "增长四倍多: grew by four times and more (ratio between 5 and 6)",
        zh="增长四倍多：增长四倍以上（倍数在5与6之间）"),
    claim("large_models_share_over_40", "share_pct", ("registered_large_models", "zgc", 2024),
        ("registered_large_models", "china", 2024), 40, 50, False, False,
        "占全国备案上线数四成以上",
        "四成以上: more than four tenths, and under half, which the article would call 近半 or "
        "一半", zh="四成以上：超过四成，且不到一半（否则文中会说近半或一半）"),
    claim("top10_advances_share_51", "share_pct",
        ("top10_science_advances_2012_2022", "beijing", 2022),
        ("top10_science_advances_2012_2022", "china", 2022), 50.5, 51.5, True, False,
        "占全部获奖项目的51%", "51% rounded to a whole percent", zh="51%取整到百分位"),
    claim("commercial_space_half", "share_pct",
        ("commercial_space_top100_firms", "beijing", 2023),
        ("commercial_space_top100_firms", "china", 2023), 45, 55, True, True,
        "北京企业以51家占据全国半壁江山",
        "半壁江山 (half the country) read as about half: 45% to 55%",
        zh="半壁江山：读作约一半，即45%至55%"),
    claim("launches_all_from_beijing", "share_pct",
        ("private_commercial_launches", "beijing", 2023),
        ("private_commercial_launches", "china", 2023), 100, 100, True, True,
        "13次商业发射，全部来自北京",
        "全部: all of them; Beijing's 13 is read from these words", definitional=True,
        zh="全部：全都来自北京；北京的13次即由这句话读出"),
    claim("tech_contracts_growth_14_9", "growth_pct",
        ("tech_contracts_to_tianjin_hebei", "beijing", 2023),
        ("tech_contracts_to_tianjin_hebei", "beijing", 2022), 14.85, 14.95, True, False,
        "比2022年分别增长14.9%",
        "14.9% rounded to one decimal; the 2022 count is derived from these words",
        definitional=True, zh="14.9%精确到一位小数；2022年合同数即由这句话推算"),
    claim("tech_contract_value_growth_109_8", "growth_pct",
        ("tech_contract_value_to_tianjin_hebei", "beijing", 2023),
        ("tech_contract_value_to_tianjin_hebei", "beijing", 2022), 109.75, 109.85, True, False,
        "比2022年分别增长14.9%、109.8%",
        "109.8% rounded to one decimal; the 2022 value is derived from these words",
        definitional=True, zh="109.8%精确到一位小数；2022年成交额即由这句话推算"),
    claim("firms_over_100b_none_in_2012", "value", ("firms_revenue_over_100b", "zgc", 2012), None,
        0, 0, True, True, "超千亿元企业从无到有",
        "从无: none at the start (2012); the 0 is read from these words", definitional=True,
        zh="从无：起初（2012年）为零；0即由这句话读出"),
    claim("firms_over_100b_some_in_2022", "value", ("firms_revenue_over_100b", "zgc", 2022), None,
        0, None, False, False, "超千亿元企业从无到有，2022年达到11家", "到有: some by 2022",
        zh="到有：到2022年已有"),
    claim("revenue_rose", "growth_pct", ("revenue", "zgc", 2023), ("revenue", "zgc", 2014), 0,
        None, False, False, "企业总收入从2014年的3.6万亿元提高到2023年的预计8.6万亿元",
        "提高到: rose", zh="提高到：增长"),
    claim("firms_over_100m_rose", "growth_pct", ("firms_revenue_over_100m", "zgc", 2022),
        ("firms_revenue_over_100m", "zgc", 2012), 0, None, False, False,
        "由2012年的1897家增加到2022年的4245家", "增加到: rose", zh="增加到：增长"),
    claim("listed_firms_rose", "growth_pct", ("listed_firms", "zgc", 2022),
        ("listed_firms", "zgc", 2012), 0, None, False, False,
        "由2012年的224家增加到2022年的487家", "增加到: rose", zh="增加到：增长"),
    claim("biomedicine_below_trillion", "value", ("biomedicine_industry_scale", "beijing", 2023),
        None, None, 1e12, False, False,
        "规模近9800亿元的生物医药产业，2024年有望成为第三个万亿级产业集群",
        "the 2023 scale is not yet at the 万亿 (one trillion yuan) level: the industry is only "
        "expected to reach it in 2024",
        zh="2023年的规模尚未达到万亿级：该产业2024年才有望达到"),
]
# fmt: on


def _csv_text(header: list[str], rows: list[tuple[object, ...]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if cell is None else cell for cell in row])
    return buffer.getvalue()


def _field(name: str, type_: str, description: str, **extra: object) -> dict[str, object]:
    return {"name": name, "type": type_, "description": description, **extra}


def _enum_text(vocabulary: dict[str, str]) -> str:
    return "; ".join(f"{name}: {meaning}" for name, meaning in vocabulary.items())


SNAKE_CASE = "^[a-z][a-z0-9_]*$"
INDICATOR_HEADER = ["metric", "name_en", "name_zh", "unit", "kind", "category", "description"]


def _resource(name: str, title: str, description: str, schema: dict[str, object]) -> dict:
    return {
        "name": name,
        "path": f"{name}.csv",
        "profile": "tabular-data-resource",
        "title": title,
        "description": description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": {**schema, "missingValues": [""]},
    }


def datapackage() -> dict[str, object]:
    required = {"required": True}
    entity_key = {"fields": "entity", "reference": {"resource": "entities", "fields": "entity"}}
    metrics_fields = [
        _field(
            "metric",
            "string",
            "Stable snake_case id of the indicator; see indicators.csv.",
            constraints={**required, "pattern": SNAKE_CASE},
        ),
        _field(
            "entity",
            "string",
            "What is measured: zgc (the demonstration zone), beijing, china, or a named "
            "park, centre or institute; see entities.csv.",
            constraints={**required, "pattern": SNAKE_CASE},
        ),
        _field(
            "year",
            "integer",
            "Year the figure refers to; how it is known is in year_basis.",
            constraints={**required, "minimum": 2000, "maximum": 2030},
        ),
        _field(
            "value",
            "number",
            "The figure in base units (yuan, persons, percent...); a derived value is the "
            "exact result of its note's arithmetic, in full (2790000 / 1.5 = 1860000), never "
            "rounded, with its interval in low and high.",
            constraints=required,
        ),
        _field("unit", "string", "Base unit of value.", constraints=required),
        _field(
            "status",
            "string",
            "reported: stated; estimate: stated as expected (预计, 有望); derived: computed "
            "from other figures of the article (arithmetic in note).",
            constraints={**required, "enum": ["reported", "estimate", "derived"]},
        ),
        _field(
            "qualifier",
            "string",
            "How the article bounds the figure: exact, more_than (突破, 超, 余, 多, 以上; 以上 "
            "includes the number), nearly (近), about (约, 左右; and every value derived from "
            "rounded figures), less_than (不到), order_of_magnitude (量级: 千比特量级 is a rate "
            "of the order of 1000 bit/s, within a factor of √10 either way, not about 1000).",
            constraints={
                **required,
                "enum": [
                    "exact",
                    "more_than",
                    "nearly",
                    "about",
                    "less_than",
                    "order_of_magnitude",
                ],
            },
        ),
        _field(
            "quote",
            "string",
            "Shortest verbatim passage of the article stating the figure (and its year, where "
            "the article's sentence names it).",
            constraints=required,
        ),
        _field(
            "note",
            "string",
            "Derived rows: '<expression> = <result>; interval <low expression> to <high "
            "expression> (<why>)' (qualifier about), or '<expression> = <result>, exact: <why>' "
            "when no input is rounded; the expression (before the first ' = ') computes the "
            "value, written in full as <result>; the low and high expressions put each rounded "
            "input at the end of its rounding interval, and low and high are their results "
            "rounded outward. Otherwise judgment calls; inferred years start 'year inferred:'.",
        ),
        _field(
            "year_basis",
            "string",
            "How the year is known. " + _enum_text(YEAR_BASES) + ".",
            constraints={**required, "enum": list(YEAR_BASES)},
        ),
        _field(
            "figure",
            "string",
            "The figure exactly as the quote writes it, qualifier words included (3.6万亿元, "
            "突破14万件, 近3000万公里, 四成以上, 千比特量级, 全国第一); a derived row's is the "
            "figure of the quote it is derived from (1.5倍, 14.9%). Always a substring of quote.",
            constraints=required,
        ),
        _field(
            "low",
            "number",
            "Derived rows: the lower end of the interval the operands allow (interval "
            "arithmetic over each operand's rounding interval, closed, full precision, rounded "
            "outward to a float); empty for other rows, whose interval follows from value, "
            "qualifier and figure. When present it overrides the computed interval.",
        ),
        _field("high", "number", "Derived rows: the upper end of that interval; see low."),
        _field(
            "year_min",
            "integer",
            "Inferred years (year_basis inferred): the earliest year the passages allow; the "
            "note says why. Empty otherwise.",
        ),
        _field(
            "year_max",
            "integer",
            "Inferred years: the latest year the passages allow (year_min <= year <= "
            "year_max). Empty otherwise.",
        ),
        _field(
            "entity_quote",
            "string",
            "Where the quote names no place or body of entities.csv: the verbatim passage of "
            "the article naming the row's entity, from the quote's own sentence, else the "
            "nearest preceding sentence of its paragraph that names one (else the nearest "
            "following). Empty when the quote names the entity.",
        ),
        _field(
            "note_zh",
            "string",
            "The note in Chinese (说明), beside every English note; empty where note is.",
        ),
    ]
    indicators_fields = [
        _field(
            "metric",
            "string",
            "Indicator id.",
            constraints={**required, "unique": True, "pattern": SNAKE_CASE},
        ),
        _field("name_en", "string", "English name.", constraints=required),
        _field("name_zh", "string", "Chinese name.", constraints=required),
        _field("unit", "string", "Base unit of the indicator's values.", constraints=required),
        _field(
            "kind",
            "string",
            "What the values are. " + _enum_text(KINDS) + ".",
            constraints={**required, "enum": list(KINDS)},
        ),
        _field("category", "string", "Theme.", constraints={**required, "enum": list(CATEGORIES)}),
        _field("description", "string", "One-line description.", constraints=required),
    ]
    claims_fields = [
        _field(
            "claim_id",
            "string",
            "Claim id.",
            constraints={**required, "unique": True, "pattern": SNAKE_CASE},
        ),
        _field(
            "kind",
            "string",
            "ratio: value/base; growth_pct: (value/base - 1) x 100; share_pct: value/base "
            "x 100; value: the value itself (no base).",
            constraints={**required, "enum": ["ratio", "growth_pct", "share_pct", "value"]},
        ),
        _field("metric", "string", "Subject observation: metric.", constraints=required),
        _field("entity", "string", "Subject observation: entity.", constraints=required),
        _field("year", "integer", "Subject observation: year.", constraints=required),
        _field("base_metric", "string", "Base observation: metric (empty for kind value)."),
        _field("base_entity", "string", "Base observation: entity."),
        _field("base_year", "integer", "Base observation: year."),
        _field("low", "number", "Lower bound of the measure; empty: unbounded."),
        _field("high", "number", "Upper bound of the measure; empty: unbounded."),
        _field("low_inclusive", "boolean", "Whether low itself satisfies the claim."),
        _field("high_inclusive", "boolean", "Whether high itself satisfies the claim."),
        _field("quote", "string", "Verbatim passage making the claim.", constraints=required),
        _field("note", "string", "How the wording was read as a band."),
        _field("note_zh", "string", "The note in Chinese; empty where note is."),
        _field(
            "definitional",
            "boolean",
            "true: an observation the claim tests was derived from the claim's own words, so "
            "the claim holds by construction and checks the arithmetic, not the article.",
            constraints=required,
        ),
    ]
    entities_fields = [
        _field(
            "entity",
            "string",
            "Entity id, as in metrics.csv and events.csv.",
            constraints={**required, "unique": True, "pattern": SNAKE_CASE},
        ),
        _field("name_en", "string", "English name.", constraints=required),
        _field("name_zh", "string", "Chinese name.", constraints=required),
        _field(
            "kind",
            "string",
            "country, city, new_area (a state-level new area such as Xiong'an, 国家级新区: not "
            "a city), zone (the demonstration zone), sub_park (a park of Zhongguancun, in the "
            "zone or a cooperation park outside Beijing), institution, event.",
            constraints={**required, "enum": list(ENTITY_KINDS)},
        ),
        _field(
            "parent",
            "string",
            "The entity it belongs to or lies in; empty for china, where every chain ends.",
        ),
        _field(
            "aliases_zh",
            "string",
            "The words the article uses for it, ';'-separated.",
            constraints=required,
        ),
    ]
    events_fields = [
        _field(
            "date",
            "string",
            "When, at its known precision: YYYY, YYYY-MM or YYYY-MM-DD.",
            constraints={**required, "pattern": DATE.pattern},
        ),
        _field("entity", "string", "Whose milestone; see entities.csv.", constraints=required),
        _field("event_en", "string", "What happened, in English.", constraints=required),
        _field("event_zh", "string", "What happened, in Chinese.", constraints=required),
        _field("quote", "string", "Verbatim passage dating the event.", constraints=required),
        _field(
            "note",
            "string",
            "Precision within the date (end of April, second half); dates the quote does not "
            "name start 'year inferred:' and say how.",
        ),
        _field("note_zh", "string", "The note in Chinese; empty where note is."),
    ]
    return {
        "profile": "tabular-data-package",
        "name": "zhongguancun-innovation-figures",
        "title": "Zhongguancun innovation figures from one Outlook Weekly article (April 2024)",
        "description": (
            "The quantitative figures of one 《瞭望》新闻周刊 (Outlook Weekly) article on "
            "Zhongguancun: every figure measuring Zhongguancun, Beijing or another place or "
            "body the article names, as tidy observations with the verbatim passage that "
            "states each (metrics.csv), plus the article's own relative claims (1.5倍, 3倍, "
            "近一倍, 四倍多, 14.9%, 109.8%, 51%, 四成以上, 半壁江山, 全部: claims.csv), the "
            "places and bodies the figures are about, and the article's dated milestones "
            "(events.csv). Left out, as measuring nothing of those places: numbers in names "
            "(科研经费28条, 科创30条, 中关村国际人才20条, 悟道3.0, 龙芯3A6000, 4.0时代, "
            "第二十二次会议); size classes and list names that define a figure (亿元以上, "
            "超千亿元, 万亿级, 世界500强, 2500强, 十大); spans of time that date other facts "
            "(仅3年多, 不到四年, 两年多, 5个月后, 3个月后, 短短8年, 十年来, 30多年: in the "
            "notes and events.csv); a person's age (55岁); and counts of the narrative (三次 "
            "congratulations, kept as three events; 两个技术平台, 第三个体系, 两栋双子楼). "
            "Undated figures stated as current are dated 2024 (year_basis publication). "
            "Licence: the figures "
            "are facts and not subject to copyright; the compilation (selection, ids, "
            "base-unit conversion, derived values, claims) is released under CC-BY-4.0 rather "
            "than a public-domain dedication so that reuse keeps the attribution to the source "
            "article. The quotes remain the publisher's text, included as short citations for "
            "verification."
        ),
        "version": "1.2.0",
        "keywords": ["zhongguancun", "beijing", "innovation", "science parks", "china"],
        "licenses": [
            {
                "name": "CC-BY-4.0",
                "path": "https://creativecommons.org/licenses/by/4.0/",
                "title": "Creative Commons Attribution 4.0",
            }
        ],
        "sources": [
            {
                # The headline is not in the source text, and a guessed one would be
                # cited as the article's: a description in square brackets stands in,
                # as APA 7 has it for a work without a title; the details follow.
                "title": "[Feature on Zhongguancun as a world-leading science park]",
                # The same supplied description in the article's language, for a Chinese
                # reference (GB/T 7714); the article's type (CSL's) and language, and no
                # issue number (期): the source text does not give one.
                "title_zh": "[关于中关村建设世界领先科技园区的报道]",
                "type": "article-magazine",
                "language": "zh-CN",
                "description": (
                    "《瞭望》新闻周刊 article on Zhongguancun and its world-leading science park "
                    "(headline not included in the source text; sections 新使命, 新技术, 新产业, "
                    "新生态), published in April 2024 before the 2024 Zhongguancun Forum "
                    "(April 25–29)"
                ),
                "publisher": "《瞭望》新闻周刊 (Outlook Weekly)",
                "authors": "郭奔胜, 王明浩, 尚前名, 陈燕, 张漫子",
                "date": "2024-04",
            }
        ],
        "resources": [
            _resource(
                "metrics",
                "Observations",
                "One row per figure: (metric, entity, year) -> value.",
                {
                    "fields": metrics_fields,
                    "primaryKey": ["metric", "entity", "year"],
                    "foreignKeys": [
                        {
                            "fields": "metric",
                            "reference": {"resource": "indicators", "fields": "metric"},
                        },
                        entity_key,
                    ],
                },
            ),
            _resource(
                "indicators",
                "Indicators",
                "Metadata kept once per metric, with the kind of quantity it is.",
                {"fields": indicators_fields, "primaryKey": ["metric"]},
            ),
            _resource(
                "claims",
                "Claims",
                "The article's relative claims with the band each must satisfy.",
                {
                    "fields": claims_fields,
                    "primaryKey": ["claim_id"],
                    "foreignKeys": [
                        {
                            "fields": ["metric", "entity", "year"],
                            "reference": {
                                "resource": "metrics",
                                "fields": ["metric", "entity", "year"],
                            },
                        },
                        # Empty for kind "value"; frictionless skips all-empty keys.
                        {
                            "fields": ["base_metric", "base_entity", "base_year"],
                            "reference": {
                                "resource": "metrics",
                                "fields": ["metric", "entity", "year"],
                            },
                        },
                    ],
                },
            ),
            _resource(
                "entities",
                "Entities",
                "The places, parks, institutions and events the figures are about, each with "
                "its parent (zgc -> beijing -> china) and the words the article uses for it.",
                {
                    "fields": entities_fields,
                    "primaryKey": ["entity"],
                    "foreignKeys": [
                        # Self-reference; empty for china.
                        {"fields": "parent", "reference": {"resource": "", "fields": "entity"}},
                    ],
                },
            ),
            _resource(
                "events",
                "Timeline",
                "The article's dated milestones, each with the passage that dates it.",
                {
                    "fields": events_fields,
                    "primaryKey": ["date", "entity", "event_en"],
                    "foreignKeys": [entity_key],
                },
            ),
        ],
    }


# --- provenance: the figure, the passage naming the place -------------------------------

# Names the article writes that hold an alias of entities.csv but are not that entity. An
# alias may stand at such a name's start (北京生命科学研究所 is in Beijing), never inside
# it: 示范区 inside 高级别自动驾驶示范区 would read the Yizhuang zone as the whole of zgc.
OTHER_NAMES: dict[str, str] = {
    "高级别自动驾驶示范区": "the autonomous driving zone of the Yizhuang park, not zgc",
    "中关村国家自主创新示范区展示中心": "an exhibition centre in zgc",
    "中关村创新发展研究院": "a research institute, not an entity of the table",
    "北京生命科学研究所": "an institute in the life science park",
}
CLAUSE_END = "，。；：！？,;:…"
PARAGRAPH_BREAK = re.compile(r"\s{2,}")


def entities_table() -> Entities:
    frame = pd.DataFrame([astuple(e) for e in ENTITIES], columns=[f.name for f in fields(Entity)])
    return Entities(frame)


def find_figure(row: Observation) -> str:
    """The figure of the quote that states the row's value with its qualifier.

    Derived rows and ranks name theirs (1.5倍, 全国第一); here the quote must hold
    exactly one wording of the value, or the build asks for it to be named.
    """
    if row.figure:
        return row.figure
    texts = {
        figure.text
        for figure in parse_figures(row.quote)
        if figure.value == float(row.value)
        and figure.qualifier == row.qualifier
        and not figure.is_threshold
    }
    return texts.pop() if len(texts) == 1 else ""


def _sentences(start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of article[start:end], as offsets."""
    spans, first = [], start
    for match in SENTENCE_END.finditer(ARTICLE, start, end):
        if match.start() > first:
            spans.append((first, match.end()))
        first = match.end()
    if first < end:
        spans.append((first, end))
    return spans


def _clause(start: int, end: int, bounds: tuple[int, int], entity: str, table: Entities) -> str:
    """The clause of the article around the mention [start, end), within a sentence.

    It ends at the first item of a list (、) after the mention, too. Where the clause
    names another entity as well (北京以中关村为主阵地), the sentence up to the mention
    (近年来，北京) stands in, or else the mention alone: the passage names one entity.
    """
    left = max(ARTICLE.rfind(mark, bounds[0], start) for mark in CLAUSE_END)
    right = min(
        (found for mark in CLAUSE_END + "、" if (found := ARTICLE.find(mark, end, bounds[1])) >= 0),
        default=bounds[1],
    )
    candidates = (
        ARTICLE[max(left + 1, bounds[0]) : right].strip().removeprefix("——"),
        ARTICLE[bounds[0] : end].strip().removeprefix("——"),
    )
    for passage in candidates:
        if all(entity in mention.entities for mention in table.mentions(passage, entity)):
            return passage
    return ARTICLE[start:end]


def entity_passage(quote: str, entity: str, table: Entities) -> str | None:
    """The passage naming ``entity`` for a quote that names no place, "" when it does.

    The quote's own sentence first (any mention of the entity there), then the nearest
    preceding sentence of the paragraph that names any entity, then (when none does) the
    nearest following one. None: the governing sentence names another entity only.
    """
    start = ARTICLE.find(quote)
    end = start + len(quote)
    before = [m.end() for m in PARAGRAPH_BREAK.finditer(ARTICLE, 0, start)]
    after = PARAGRAPH_BREAK.search(ARTICLE, end)
    sentences = _sentences(before[-1] if before else 0, after.start() if after else len(ARTICLE))
    own = next(i for i, (s, e) in enumerate(sentences) if s <= start < e)
    own_end = next(i for i, (s, e) in enumerate(sentences) if s < end <= e)
    passage_start = sentences[own][0]
    passage = ARTICLE[passage_start : sentences[own_end][1]]
    mentions = table.mentions(passage, entity)
    inside = [
        m for m in mentions if start <= passage_start + m.start and passage_start + m.end <= end
    ]
    if any(entity in m.entities for m in inside):
        return ""
    order = [range(own, own_end + 1), range(own - 1, -1, -1), range(own_end + 1, len(sentences))]
    for indices in order:
        for index in indices:
            bounds = sentences[index]
            found = table.mentions(ARTICLE[bounds[0] : bounds[1]], entity)
            if not found:
                continue
            naming = [m for m in found if entity in m.entities]
            if not naming:
                return None
            # In the quote's sentence the mention nearest before the quote (else its
            # last); elsewhere the one nearest the quote.
            if index < own:
                mention = naming[-1]
            elif index > own_end:
                mention = naming[0]
            else:
                ahead = [m for m in naming if bounds[0] + m.end <= start]
                mention = ahead[-1] if ahead else naming[-1]
            start, end = bounds[0] + mention.start, bounds[0] + mention.end
            return _clause(start, end, bounds, entity, table)
    return None


def with_provenance(row: Observation, table: Entities) -> Observation:
    """The row with its figure and entity_quote filled in."""
    passage = entity_passage(row.quote, row.entity, table) if row.quote in ARTICLE else ""
    return replace(row, figure=find_figure(row), entity_quote=passage or "")


def check_provenance(row: Observation, table: Entities) -> list[str]:
    """figure, entity_quote, year bounds and note_zh of one row."""
    label = f"{row.metric}/{row.entity}/{row.year}"
    problems = []
    if not row.figure:
        problems.append(f"{label}: no single figure of the quote states the value; name it")
    elif row.figure not in row.quote:
        problems.append(f"{label}: figure {row.figure!r} is not in the quote")
    else:
        parsed = parse_figures(row.figure)
        if row.status == "derived":
            operands = re.findall(NUMBER, row.note.partition(" = ")[0])
            if not any(float(o) == f.value for f in parsed for o in operands):
                problems.append(f"{label}: figure {row.figure!r} is not an operand of the note")
        elif not any(f.value == float(row.value) and f.qualifier == row.qualifier for f in parsed):
            problems.append(f"{label}: figure {row.figure!r} does not read {row.value}")
    passage = entity_passage(row.quote, row.entity, table)
    if passage is None:
        problems.append(f"{label}: the sentence governing the quote names another entity")
    elif passage != row.entity_quote:
        problems.append(f"{label}: entity_quote should be {passage!r}")
    if row.entity_quote and row.entity_quote not in ARTICLE:
        problems.append(f"{label}: entity_quote not in the article")
    bounded = row.year_min is not None and row.year_max is not None
    if (row.year_basis == "inferred") != bounded:
        problems.append(f"{label}: year_min and year_max go with an inferred year, only")
    elif bounded and not (row.year_min or 0) <= row.year <= (row.year_max or 0):
        problems.append(f"{label}: {row.year} is outside {row.year_min}..{row.year_max}")
    problems += _chinese_note(label, row.note, row.note_zh)
    if (row.status == "derived") != bool(row.low and row.high):
        problems.append(f"{label}: low and high go with a derived row, only")
    return problems


def _chinese_note(label: str, note: str, note_zh: str) -> list[str]:
    """A note in Chinese beside every English note, with no English sentence in it."""
    problems = []
    if bool(note) != bool(note_zh):
        problems.append(f"{label}: a note needs its Chinese note_zh, and only a note")
    if re.search(r"[A-Za-z]{2,} [A-Za-z]{2,}", note_zh):
        problems.append(f"{label}: note_zh has English words: {note_zh!r}")
    if INFERRED_ZH in note_zh and not note_zh.startswith(INFERRED_ZH):
        problems.append(f"{label}: note_zh of an inferred year starts {INFERRED_ZH!r}")
    return problems


def check_aliases() -> list[str]:
    """No alias of one entity collides with another's within the article's text.

    An alias belongs to one entity; two aliases of different entities never overlap in
    the article without one holding the other (the longest is read first, so a held one
    is never read there); and no alias stands inside a name of OTHER_NAMES.
    """
    problems = []
    owners: dict[str, set[str]] = {}
    for entity in ENTITIES:
        for alias in {*entity.aliases_zh.split(";"), entity.name_zh}:
            owners.setdefault(alias, set()).add(entity.entity)
    problems += [f"alias {a} belongs to {sorted(o)}" for a, o in owners.items() if len(o) > 1]
    spans = [
        (found.start(), found.end(), alias, next(iter(owner)))
        for alias, owner in owners.items()
        for found in re.finditer(re.escape(alias), ARTICLE)
    ]
    for start, end, alias, entity in spans:
        for other_start, other_end, other, other_entity in spans:
            crossing = start < other_start < end < other_end
            if crossing and entity != other_entity:
                problems.append(f"aliases {alias} ({entity}) and {other} ({other_entity}) overlap")
    for name in OTHER_NAMES:
        if name not in ARTICLE:
            problems.append(f"OTHER_NAMES: {name} is not in the article")
        for alias, owner in owners.items():
            if alias in name[1:]:
                problems.append(f"alias {alias} ({sorted(owner)}) stands inside {name}")
    return problems


# --- checks ------------------------------------------------------------------------------


def check_derived(row: Observation) -> list[str]:
    """The note's layout and arithmetic, and the interval of a derived row."""
    label = f"{row.metric}/{row.entity}/{row.year}"
    match = DERIVED_NOTE.match(row.note)
    if not match:
        return [f"derived note not in the layout: {label}: {row.note!r}"]
    problems = []
    result = _result(match["expression"])
    if not match["result"] == row.value == result:
        problems.append(f"{label}: value and note must be the result {result}")
    if match["exact_why"] is not None:
        if row.qualifier != "exact" or not row.low == row.high == row.value:
            problems.append(f"{label}: an exact derived row is exact, low = high = value")
        return problems
    low = evaluate_decimal(match["low_expression"])
    high = evaluate_decimal(match["high_expression"])
    if row.qualifier != "about":
        problems.append(f"{label}: a value computed from rounded figures is about")
    if (row.low, row.high) != (
        _end(match["low_expression"], upward=False),
        _end(match["high_expression"], upward=True),
    ):
        problems.append(f"{label}: low and high are not the interval's expressions")
    if not low <= evaluate_decimal(match["expression"]) <= high:
        problems.append(f"{label}: the interval does not hold the result")
    return problems


def check_derived_claims(rows: list[Observation]) -> list[str]:
    """A ratio or growth claim whose base row is derived from its words bounds it alike.

    employees_1_5_times_2013 reads 1.5倍 as [1.45, 1.55); the 2013 row derived from it
    must put 1.55 and 1.45 into its interval's expressions (and 14.85, 14.95 for 14.9%).
    """
    problems = []
    derived_rows = {(r.metric, r.entity, r.year): r for r in rows if r.status == "derived"}
    for item in CLAIMS:
        base = derived_rows.get((item.base_metric, item.base_entity, item.base_year or 0))
        if base is None or item.kind not in ("ratio", "growth_pct"):
            continue
        match = DERIVED_NOTE.match(base.note)
        if not match or match["exact_why"] is not None or item.definitional != "true":
            problems.append(
                f"claim {item.claim_id}: its derived base is not a definitional interval"
            )
            continue
        literals = set(re.findall(NUMBER, match["low_expression"] + " " + match["high_expression"]))
        if not {item.low, item.high} <= literals:
            problems.append(
                f"claim {item.claim_id}: the band {item.low} to {item.high} is not the one the "
                f"derived row {base.metric}/{base.year} puts into its interval"
            )
    return problems


def check_year(row: Observation) -> list[str]:
    label = f"{row.metric}/{row.entity}/{row.year}"
    if row.year_basis == "stated" and str(row.year) not in row.quote:
        return [f"{label}: year_basis stated but {row.year} is not in the quote"]
    if row.year_basis == "inferred" and not row.note.startswith(INFERRED):
        return [f"{label}: an inferred year needs a note starting {INFERRED!r}"]
    if row.year_basis == "publication" and (
        row.year != PUBLICATION_YEAR or not row.note.startswith(CURRENT)
    ):
        return [f"{label}: a publication row is dated {PUBLICATION_YEAR}, note {CURRENT!r}"]
    if row.year_basis not in YEAR_BASES:
        return [f"{label}: unknown year_basis {row.year_basis}"]
    return []


def check_entities() -> list[str]:
    problems = []
    ids = [e.entity for e in ENTITIES]
    problems += [f"duplicate entity {i}" for i in {i for i in ids if ids.count(i) > 1}]
    parents = {e.entity: e.parent for e in ENTITIES}
    for entity in ENTITIES:
        if entity.kind not in ENTITY_KINDS:
            problems.append(f"entity {entity.entity}: unknown kind {entity.kind}")
        if not entity.aliases_zh or not all(entity.aliases_zh.split(";")):
            problems.append(f"entity {entity.entity}: empty alias")
        if not any(alias in ARTICLE for alias in entity.aliases_zh.split(";")):
            problems.append(f"entity {entity.entity}: no alias is in the article")
        chain: list[str] = []
        node = entity.entity
        while node and node in parents and node not in chain:
            chain.append(node)
            node = parents[node]
        if node or chain[-1] != "china":
            problems.append(
                f"entity {entity.entity}: parent chain {chain} + {node!r} does not end in china"
            )
    return problems


def check_events(entities: set[str]) -> list[str]:
    problems = []
    keys = [(e.date, e.entity, e.event_en) for e in EVENTS]
    problems += [f"duplicate event {k}" for k in {k for k in keys if keys.count(k) > 1}]
    for event in EVENTS:
        label = f"event {event.date} {event.entity}"
        if event.quote not in ARTICLE:
            problems.append(f"{label}: quote not in article")
        if not DATE.match(event.date):
            problems.append(f"{label}: date not YYYY, YYYY-MM or YYYY-MM-DD")
        if event.entity not in entities:
            problems.append(f"{label}: unknown entity")
        if event.date[:4] not in event.quote and not event.note.startswith(INFERRED):
            problems.append(f"{label}: the quote does not name {event.date[:4]}")
        problems += _chinese_note(label, event.note, event.note_zh)
    if [e.date for e in EVENTS] != sorted(e.date for e in EVENTS):
        problems.append("events are not in date order")
    return problems


def build() -> dict[str, str]:
    """The text of each output file, after every check has passed."""
    problems: list[str] = []
    entity_ids = {e.entity for e in ENTITIES}
    table = entities_table()
    rows = [with_provenance(row, table) for row in OBSERVATIONS]
    for row in rows:
        problems += check_provenance(row, table)
        if row.quote not in ARTICLE:
            problems.append(f"quote not in article: {row.metric}/{row.entity}/{row.year}")
        if row.metric not in INDICATORS:
            problems.append(f"no indicator metadata: {row.metric}")
        if row.entity not in entity_ids:
            problems.append(f"unknown entity {row.entity}")
        if row.status == "derived":
            problems += check_derived(row)
        problems += check_year(row)
    for item in CLAIMS:
        if item.quote not in ARTICLE:
            problems.append(f"claim quote not in article: {item.claim_id}")
        problems += _chinese_note(f"claim {item.claim_id}", item.note, item.note_zh)
    keys = [(row.metric, row.entity, row.year) for row in rows]
    problems += [f"duplicate key {key}" for key in {k for k in keys if keys.count(k) > 1}]
    units: dict[str, set[str]] = {}
    for row in rows:
        units.setdefault(row.metric, set()).add(row.unit)
    problems += [f"{metric} has several units: {u}" for metric, u in units.items() if len(u) > 1]
    problems += [f"unused indicator {m}" for m in INDICATORS if m not in units]
    for metric, (_, _, category, kind, _) in INDICATORS.items():
        if category not in CATEGORIES:
            problems.append(f"{metric}: unknown category {category}")
        if kind not in KINDS:
            problems.append(f"{metric}: unknown kind {kind}")
    problems += check_entities()
    problems += check_aliases()
    problems += check_events(entity_ids)
    problems += check_derived_claims(rows)

    metrics_columns = [f.name for f in fields(Observation)]
    metrics_text = _csv_text(metrics_columns, [astuple(row) for row in rows])
    claims_text = _csv_text([f.name for f in fields(Claim)], [astuple(c) for c in CLAIMS])
    indicators_text = _csv_text(
        INDICATOR_HEADER,
        [
            (
                metric,
                name_en,
                name_zh,
                next(iter(units[metric])) if metric in units else "",
                kind,
                category,
                description,
            )
            for metric, (name_en, name_zh, category, kind, description) in INDICATORS.items()
        ],
    )
    entities_text = _csv_text([f.name for f in fields(Entity)], [astuple(e) for e in ENTITIES])
    events_text = _csv_text([f.name for f in fields(Event)], [astuple(e) for e in EVENTS])

    observations = pd.read_csv(io.StringIO(metrics_text))
    claims = pd.read_csv(io.StringIO(claims_text))
    entities = pd.read_csv(io.StringIO(entities_text), dtype=str, keep_default_na=False)
    events = pd.read_csv(io.StringIO(events_text), dtype=str, keep_default_na=False)
    for name, report in (
        ("observation", verify_observations(observations, ARTICLE, entities=entities)),
        ("claim", verify_claims(observations, claims)),
        ("event", verify_events(events, ARTICLE)),
    ):
        for failure in report[~report["result"].isin(["pass", "definitional"])].itertuples():
            problems.append(
                f"{name} check {failure.check} {failure.metric}/{failure.entity}/"
                f"{failure.year}: {failure.result}: {failure.detail} "
                f"(expected {failure.expected}, found {failure.found})"
            )
    if problems:
        raise SystemExit("refusing to write the dataset:\n  " + "\n  ".join(problems))

    return {
        "metrics.csv": metrics_text,
        "indicators.csv": indicators_text,
        "claims.csv": claims_text,
        "entities.csv": entities_text,
        "events.csv": events_text,
        "datapackage.json": json.dumps(datapackage(), ensure_ascii=False, indent=2) + "\n",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    arguments = parser.parse_args()
    outputs = build()
    outputs.update(later_sources.build())  # data/sources/: figures published after the article
    if arguments.check:
        stale = [
            name
            for name, text in outputs.items()
            if not (DATA / name).exists() or (DATA / name).read_text(encoding="utf-8") != text
        ]
        if stale:
            raise SystemExit("out of date: " + ", ".join(stale))
        print("data/ is up to date")
        return
    DATA.mkdir(exist_ok=True)
    for name, text in outputs.items():
        (DATA / name).parent.mkdir(parents=True, exist_ok=True)
        (DATA / name).write_text(text, encoding="utf-8", newline="\n")
    print(
        f"wrote {len(OBSERVATIONS)} observations, {len(INDICATORS)} indicators, "
        f"{len(CLAIMS)} claims, {len(ENTITIES)} entities, {len(EVENTS)} events to "
        f"{DATA.relative_to(REPO)}/"
    )


if __name__ == "__main__":
    main()
