"""What verify says, word for word and count for count: each check's findings (issue 17).

The verdict alone lets a broken check through (a ``continue`` turned ``break`` stops the
checking of every later claim and still fails the first); these tests assert the checks
each finding names, their expected and found cells, their details and their number.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from zgc_cli import check
from zgc_cli.check.binding import (
    bound_figure,
    check_bound_year,
    check_figure,
    check_value,
    governing_year,
    metric_named,
    name_coverage,
    segment_of,
    year_marks,
)
from zgc_cli.check.claims import is_definitional, verify_claims
from zgc_cli.check.entities import Entities, check_entities_table, check_entity
from zgc_cli.check.events import verify_events
from zgc_cli.check.observations import verify_observations
from zgc_cli.check.units import check_derived_unit, check_indicator_unit
from zgc_cli.check.years import check_year_bounds, preceding_year
from zgc_cli.model.dataset import Dataset
from zgc_cli.model.figures import parse_figures
from zgc_cli.phrases import say

REPO = Path(__file__).resolve().parent.parent
ARTICLE = (REPO / "tests" / "fixtures" / "article.txt").read_text(encoding="utf-8")
INCUBATORS = (
    "2022年，中关村拥有国家级科技企业孵化器65家、国家备案众创空间144个、国家技术转移机构51家"
)


def cells(result: dict[str, object]) -> tuple[object, ...]:
    return tuple(result[name] for name in ("check", "expected", "found", "result", "detail"))


def rows(frame: pd.DataFrame, *columns: str) -> list[tuple[object, ...]]:
    return [tuple(row) for row in frame[list(columns)].astype(object).values.tolist()]


@pytest.fixture(scope="module")
def entities() -> pd.DataFrame:
    return pd.read_csv(REPO / "data" / "entities.csv", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def indicators() -> pd.DataFrame:
    return pd.read_csv(REPO / "data" / "indicators.csv", dtype=str, keep_default_na=False)


# --- the year a figure is bound to ---------------------------------------------------


def test_year_marks_give_the_end_of_a_range_and_mark_comparison_bases() -> None:
    text = "2012～2022年年度“中国科学十大进展”，是2013年的1.5倍，“2023中国商业航天企业百强”"
    marks = [(m.year, m.comparison, text[m.start : m.end]) for m in year_marks(text)]
    assert marks == [(2022, False, "2022"), (2013, True, "2013"), (2023, False, "2023")]


@pytest.mark.parametrize(
    ("text", "figure", "year"),
    [
        ("年收入亿元以上企业由2012年的1897家增加到2022年的4245家", "1897家", 2012),
        ("年收入亿元以上企业由2012年的1897家增加到2022年的4245家", "4245家", 2022),
        ("2012～2022年年度“中国科学十大进展”中，有56项由北京地区单位牵头", "56项", 2022),
        ("2022年，中关村从业人员279万人，是2013年的1.5倍", "279万人", 2022),
        ("2022年，中关村从业人员279万人，是2013年的1.5倍", "1.5倍", 2013),
        # A comparison base governs its clause only: 6.3万 is a 2022 figure.
        (
            "2022年，中关村从业人员279万人，是2013年的1.5倍。其中留学归国人员6.3万人",
            "6.3万人",
            2022,
        ),
        ("成交额784.7亿元，比2022年分别增长14.9%、109.8%", "109.8%", 2022),
        # No year before the figure: the first after it.
        ("9家企业入选2022年《财富》“世界500强”", "9家", 2022),
        ("“2023中国商业航天企业百强”榜单中，北京企业以51家占据全国半壁江山", "51家", 2023),
        ("空间规模488平方公里", "488平方公里", None),
        # A comparison base after the figure is not its year.
        ("中关村从业人员279万人，是2013年的1.5倍", "279万人", None),
    ],
)
def test_the_governing_year_of_a_figure(text: str, figure: str, year: int | None) -> None:
    assert governing_year(text, text.index(figure)) == year


def test_a_comparison_base_right_before_its_figure_governs_it() -> None:
    text = "比2022年增长14.9%"
    assert governing_year(text, text.index("14.9%")) == 2022
    # ...but not across a clause end.
    text = "比2022年增长，14.9%"
    assert governing_year(text, text.index("14.9%")) is None


# --- the figure a row names ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quote", "found"),
    [
        ("51家", INCUBATORS, "51家"),
        ("国家技术转移机构51家", INCUBATORS, "51家"),
        ("全国第一", "大数据、信息安全市场占有率全国第一", "第一"),
        ("突破14万件", "拥有量突破14万件", "突破14万件"),
        ("4万件", "拥有量突破14万件", None),  # part of a figure
        ("65家、国家备案众创空间144个", INCUBATORS, None),  # two figures
        ("亿元", "年收入亿元以上企业由2012年的1897家", None),  # a threshold
        ("", INCUBATORS, None),
        ("66家", INCUBATORS, None),
    ],
)
def test_bound_figure(text: str, quote: str, found: str | None) -> None:
    figure = bound_figure(text, quote)
    assert (figure.text if figure else None) == found


def test_bound_figure_tries_each_occurrence() -> None:
    # The first 13次 straddles nothing but 2013次 is not it; the second stands alone.
    quote = "第13次会议，13次发射"
    figure = bound_figure("13次", quote)
    assert figure is not None and figure.start == quote.rindex("13次")


ROW = {"metric": "national_tech_transfer_institutions", "entity": "zgc", "year": 2022}


def test_check_figure_findings() -> None:
    result, figure = check_figure(ROW, INCUBATORS, "51家")
    assert figure is not None and figure.value == 51
    assert cells(result) == (
        "figure",
        "51家",
        "51家 = 51 (exact)",
        "pass",
        "the quote writes this figure",
    )
    result, figure = check_figure(ROW, INCUBATORS, "")
    assert figure is None
    assert cells(result) == (
        "figure",
        "a figure named",
        "",
        "fail",
        "the row names no figure (the figure column is empty)",
    )
    result, figure = check_figure(ROW, INCUBATORS, "52家")
    assert figure is None
    assert cells(result) == (
        "figure",
        "52家",
        "not found",
        "fail",
        "the figure 52家 is not in the quote",
    )
    result, figure = check_figure(ROW, INCUBATORS, "5家")
    assert figure is None
    assert cells(result) == (
        "figure",
        "5家",
        "no figure",
        "fail",
        "5家 is not one figure of the quote",
    )
    assert (result["metric"], result["entity"], result["year"]) == (
        "national_tech_transfer_institutions",
        "zgc",
        2022,
    )


def test_check_value_against_the_rows_own_figure() -> None:
    figure = bound_figure("51家", INCUBATORS)
    assert figure is not None
    assert cells(check_value({**ROW, "value": 51}, figure)) == (
        "value",
        "51",
        "51家 = 51 (exact)",
        "pass",
        "the quote states the value",
    )
    # 65 is a figure of the same quote, but not this row's.
    assert cells(check_value({**ROW, "value": 65}, figure)) == (
        "value",
        "65",
        "51家 = 51 (exact)",
        "fail",
        "the row's figure 51家 does not equal the value",
    )
    assert check_value({**ROW, "value": None}, figure)["result"] == "fail"


def test_check_bound_year_findings() -> None:
    figure = bound_figure("51家", INCUBATORS)
    assert figure is not None
    assert cells(check_bound_year(ROW, INCUBATORS, figure, 2022)) == (
        "year",
        "2022 named in the quote",
        "2022",
        "pass",
        "the quote dates 51家 to this year",
    )
    assert cells(check_bound_year(ROW, INCUBATORS, figure, 2021)) == (
        "year",
        "2021 named in the quote",
        "2022",
        "fail",
        "the quote dates 51家 to 2022, not 2021",
    )
    assert check_bound_year(ROW, INCUBATORS, figure, None)["result"] == "fail"
    undated = bound_figure("488平方公里", "空间规模488平方公里")
    assert undated is not None
    assert cells(check_bound_year(ROW, "空间规模488平方公里", undated, 2024)) == (
        "year",
        "2024 named in the quote",
        "no year",
        "fail",
        "year_basis is stated, but the quote does not name 2024",
    )


# --- the metric a clause names -----------------------------------------------------------


def test_name_coverage() -> None:
    assert name_coverage("科研人员", "北京拥有55万余名科研人员") == 1.0
    assert name_coverage("从业人员", "北京拥有55万余名科研人员") == pytest.approx(1 / 3)
    assert name_coverage("", "anything") == 0.0
    assert name_coverage("人", "人") == 0.0  # no pair


TALENT = "如今，北京拥有55万余名科研人员、全国近一半的两院院士。在前沿"


@pytest.mark.parametrize(
    ("text", "figure", "segment"),
    [
        (
            TALENT,
            "55万余名",
            "北京拥有55万余名科研人员、全国",
        ),
        (
            TALENT,
            "近一半",
            "科研人员、全国近一半的两院院士",
        ),
        (INCUBATORS, "65家", "中关村拥有国家级科技企业孵化器65家、国家备案众创空间"),
        (INCUBATORS, "144个", "、国家备案众创空间144个、国家技术转移机构"),
        (INCUBATORS, "51家", "、国家技术转移机构51家"),
        ("55万余名", "55万余名", "55万余名"),
        ("甲10家20个乙", "20个", "20个乙"),
        ("甲10家20个乙", "10家", "甲10家"),
        ("前，甲10家乙，后", "10家", "甲10家乙"),
    ],
)
def test_the_words_that_go_with_a_figure(text: str, figure: str, segment: str) -> None:
    found = bound_figure(figure, text)
    assert found is not None
    assert segment_of(text, found) == segment


def metadata(frame: pd.DataFrame) -> dict[str, dict[str, str]]:
    return {row["metric"]: row for row in frame.to_dict("records")}


def test_metric_named(indicators: pd.DataFrame) -> None:
    meta = metadata(indicators)
    clause = "北京拥有55万余名科研人员"
    row = {"metric": "researchers", "entity": "beijing", "year": 2024}
    assert cells(metric_named(row, clause, meta)) == (  # type: ignore[arg-type]
        "metric",
        "researchers",
        clause,
        "pass",
        "the clause names the indicator (科研人员)",
    )
    swapped = {**row, "metric": "employees"}
    assert cells(metric_named(swapped, clause, meta)) == (  # type: ignore[arg-type]
        "metric",
        "employees",
        clause,
        "fail",
        "the clause names researchers, not the indicator (从业人员)",
    )
    unknown = {**row, "metric": "researcher"}
    assert cells(metric_named(unknown, clause, meta)) == (  # type: ignore[arg-type]
        "metric",
        "researcher",
        "",
        "fail",
        "the metric is not in the indicators table",
    )
    assert metric_named(row, clause, {}) is None


def test_metric_margin_is_a_quarter() -> None:
    meta = {
        "a": {"unit": "u", "name_zh": "甲乙丙丁戊"},  # 4 pairs
        "b": {"unit": "u", "name_zh": "甲乙己庚辛"},
        "c": {"unit": "v", "name_zh": "甲乙丙丁戊"},
    }
    row = {"metric": "b", "entity": "x", "year": 1}
    # b: 1 of 4 pairs; a: 4 of 4 -> 0.75 worse: fail. c has another unit.
    assert metric_named(row, "甲乙丙丁戊", meta)["result"] == "fail"  # type: ignore[index]
    # a: 2 of 4 (0.5), b: 1 of 4 (0.25): exactly a quarter worse fails.
    assert metric_named(row, "甲乙丙", meta)["result"] == "fail"  # type: ignore[index]
    # a: 1 of 4, b: 1 of 4: a tie passes.
    assert metric_named(row, "甲乙", meta)["result"] == "pass"  # type: ignore[index]
    alone = {"b": meta["b"], "c": meta["c"]}
    assert metric_named(row, "甲乙丙丁戊", alone)["result"] == "pass"  # type: ignore[index]


# --- units: the indicator's and the operands' ---------------------------------------------


def test_check_indicator_unit() -> None:
    meta = {"innovation_consortia": {"unit": "consortia"}}
    row = {"metric": "innovation_consortia", "entity": "zgc", "year": 2024, "unit": "consortia"}
    assert [cells(r) for r in check_indicator_unit(row, meta)] == [
        ("indicator", "consortia", "consortia", "pass", "the unit is the indicator's")
    ]
    assert [cells(r) for r in check_indicator_unit({**row, "unit": "firms"}, meta)] == [
        ("indicator", "consortia", "firms", "fail", "the indicator's unit is consortia")
    ]
    assert [cells(r) for r in check_indicator_unit({**row, "unit": ""}, meta)] == [
        ("indicator", "consortia", "none", "fail", "the indicator's unit is consortia")
    ]
    assert check_indicator_unit({**row, "metric": "other"}, meta) == []
    assert check_indicator_unit(row, {"innovation_consortia": {"unit": ""}}) == []


def test_check_derived_unit() -> None:
    quote = "成交额784.7亿元，比2022年分别增长14.9%、109.8%"
    figures = parse_figures(quote)
    row = {"metric": "v", "entity": "beijing", "year": 2022, "unit": "CNY"}
    operands = [78470000000.0, 1.0, 109.8, 100.0]
    assert [cells(r) for r in check_derived_unit(row, operands, figures)] == [
        ("unit", "CNY", "784.7亿元", "pass", "the unit follows from the operands' unit words")
    ]
    assert [cells(r) for r in check_derived_unit({**row, "unit": "USD"}, operands, figures)] == [
        ("unit", "USD", "784.7亿元", "fail", "the operand 784.7亿元 is not in USD")
    ]
    # A unit the table does not know is not judged; a row without unit has no check.
    assert check_derived_unit({**row, "unit": "widgets"}, operands, figures)[0]["result"] == "pass"
    assert check_derived_unit({**row, "unit": ""}, operands, figures) == []
    # Only scaling figures and bare numbers: nothing to say.
    assert [cells(r) for r in check_derived_unit(row, [109.8, 3.0], figures)] == [
        ("unit", "CNY", "no unit word", "pass", "no unit word")
    ]


# --- inferred years: bounds --------------------------------------------------------------

WUDAO = "拥有1.75万亿参数的“悟道2.0”发布"


@pytest.mark.parametrize(
    ("quote", "year"),
    [
        (WUDAO, 2020),  # 2020年下半年 ... 5个月后 ... 3个月后
        ("不到四年，这一数量已增长近一倍，突破26万件", 2020),  # 2020年 ... 不到四年
        ("超千亿元企业从无到有", None),  # 2022年 before it, but nothing says "later"
        ("空间规模488平方公里", None),
        ("not in the article", None),
        ("", None),
    ],
)
def test_preceding_year(quote: str, year: int | None) -> None:
    assert preceding_year(ARTICLE, quote) == year


def test_preceding_year_needs_the_article() -> None:
    assert preceding_year(None, WUDAO) is None


def bounds_row(year: object, low: object, high: object) -> dict[str, object]:
    return {
        "metric": "wudao_2_parameters",
        "entity": "baai",
        "year": year,
        "year_min": low,
        "year_max": high,
    }


@pytest.mark.parametrize(
    ("year", "low", "high", "result", "detail"),
    [
        (
            2021,
            2021,
            2021,
            "pass",
            "the year lies within its bounds, after 2020 and not after the publication",
        ),
        (2019, 2021, 2021, "fail", "the year 2019 lies outside its bounds 2021 to 2021"),
        (2022, 2021, 2021, "fail", "the year 2022 lies outside its bounds 2021 to 2021"),
        (2021, 2019, 2021, "fail", "2019 is before 2020, which the passage states as earlier"),
        (
            2020,
            2020,
            2021,
            "pass",
            "the year lies within its bounds, after 2020 and not after the publication",
        ),
        (
            2024,
            2021,
            2024,
            "pass",
            "the year lies within its bounds, after 2020 and not after the publication",
        ),
        (2021, 2021, 2025, "fail", "2025 is after the publication (2024)"),
        (2021, None, 2021, "fail", "an inferred year needs year_min and year_max"),
        (2021, 2021, None, "fail", "an inferred year needs year_min and year_max"),
        (None, 2021, 2021, "fail", "the year None lies outside its bounds 2021 to 2021"),
    ],
)
def test_check_year_bounds(
    year: int | None, low: int | None, high: int | None, result: str, detail: str
) -> None:
    found = check_year_bounds(bounds_row(year, low, high), WUDAO, 2024, ARTICLE)
    assert len(found) == 1
    assert (found[0]["check"], found[0]["result"], found[0]["detail"]) == (
        "year_bounds",
        result,
        detail,
    )


def test_year_bounds_expected_and_found_cells() -> None:
    [found] = check_year_bounds(bounds_row(2021, 2021, 2022), WUDAO, 2024, ARTICLE)
    assert (found["expected"], found["found"]) == ("2021 to 2022", "2021")
    [found] = check_year_bounds(bounds_row(2021, None, 2022), WUDAO, 2024, ARTICLE)
    assert found["expected"] == "? to 2022"
    [found] = check_year_bounds(bounds_row(2021, 2021, None), WUDAO, 2024, ARTICLE)
    assert found["expected"] == "2021 to ?"
    # Without the article, nothing states an earlier year.
    [found] = check_year_bounds(bounds_row(2019, 2019, 2019), WUDAO, 2024)
    assert (found["result"], found["detail"]) == (
        "pass",
        "the year lies within its bounds, not after the publication",
    )
    # The publication year itself is allowed; the bound is checked against the one given.
    [found] = check_year_bounds(bounds_row(2023, 2023, 2024), WUDAO, 2023)
    assert found["detail"] == "2024 is after the publication (2023)"


# --- entities ----------------------------------------------------------------------------


def test_the_parent_chain_zgc_beijing_china(entities: pd.DataFrame) -> None:
    table = Entities(entities)
    assert table.ancestors("zgc") == {"beijing", "china"}
    assert table.ancestors("zgc_yizhuang") == {"zgc", "beijing", "china"}
    assert table.ancestors("china") == set()
    found = {r["entity"]: r for r in check_entities_table(entities)}
    assert set(found) == set(entities["entity"])
    assert cells(found["zgc"]) == (
        "parent",
        "a known parent of a wider kind",
        "zgc → beijing → china",
        "pass",
        "the chain of parents ends, each of a wider kind",
    )
    assert found["china"]["found"] == "china"
    assert found["zgc_yizhuang"]["found"] == "zgc_yizhuang → zgc → beijing → china"
    assert all(r["metric"] == "entities" and r["result"] == "pass" for r in found.values())


def edited(entities: pd.DataFrame, entity: str, column: str, value: str) -> pd.DataFrame:
    frame = entities.copy()
    frame.loc[frame["entity"] == entity, column] = value
    return frame


def failing(results: list[dict[str, object]]) -> list[tuple[object, ...]]:
    return [
        (r["check"], r["entity"], r["found"], r["detail"]) for r in results if r["result"] == "fail"
    ]


def test_a_zone_directly_in_a_country_fails(entities: pd.DataFrame) -> None:
    results = check_entities_table(edited(entities, "zgc", "parent", "china"))
    assert failing(results) == [
        ("parent", "zgc", "zgc → china", "a zone does not lie directly in a country")
    ]
    assert len(results) == len(entities)


def test_a_country_with_a_parent_breaks_every_chain(entities: pd.DataFrame) -> None:
    found = failing(check_entities_table(edited(entities, "china", "parent", "beijing")))
    assert found[:3] == [
        ("parent", "china", "china → beijing → china", "the chain of parents returns to china"),
        (
            "parent",
            "beijing",
            "beijing → china → beijing",
            "the chain of parents returns to beijing",
        ),
        (
            "parent",
            "zgc",
            "zgc → beijing → china → beijing",
            "the chain of parents returns to beijing",
        ),
    ]
    assert len(found) == len(entities)


def test_unknown_parent_and_cycle(entities: pd.DataFrame) -> None:
    assert failing(check_entities_table(edited(entities, "baai", "parent", "haidian"))) == [
        ("parent", "baai", "baai → haidian", "the parent haidian is not in the entities table")
    ]
    cycle = failing(check_entities_table(edited(entities, "zgc", "parent", "zgc_yizhuang")))
    assert (
        "parent",
        "zgc",
        "zgc → zgc_yizhuang → zgc",
        "the chain of parents returns to zgc",
    ) in cycle
    assert (
        "parent",
        "zgc_yizhuang",
        "zgc_yizhuang → zgc → zgc_yizhuang",
        "the chain of parents returns to zgc_yizhuang",
    ) in cycle
    # Every entity below the cycle has a broken chain too.
    assert {r[1] for r in cycle} == {"zgc", "zgc_yizhuang", "zgc_life_science_park", "zgc_forum"}


def test_a_country_needs_no_parent_and_a_kind_outside_the_table_is_not_judged() -> None:
    frame = pd.DataFrame(
        [
            {"entity": "c", "kind": "country", "parent": "", "name_zh": "丙", "aliases_zh": ""},
            {"entity": "d", "kind": "country", "parent": "c", "name_zh": "丁", "aliases_zh": ""},
            {"entity": "e", "kind": "thing", "parent": "c", "name_zh": "戊", "aliases_zh": ""},
            {"entity": "", "kind": "city", "parent": "x", "name_zh": "", "aliases_zh": ""},
        ]
    )
    assert failing(check_entities_table(frame)) == [
        ("parent", "d", "d → c", "a country does not lie directly in a country")
    ]
    assert check_entities_table(pd.DataFrame()) == []
    assert check_entities_table(pd.DataFrame({"other": [1]})) == []


def test_an_alias_naming_two_entities_fails_on_both(entities: pd.DataFrame) -> None:
    frame = edited(entities, "zgc_yizhuang", "aliases_zh", "中关村亦庄园;中关村")
    assert failing(check_entities_table(frame)) == [
        ("alias", "zgc", "zgc, zgc_yizhuang", "the word 中关村 names more than one entity"),
        (
            "alias",
            "zgc_yizhuang",
            "zgc, zgc_yizhuang",
            "the word 中关村 names more than one entity",
        ),
    ]


def entity_row(entity: str, quote: str) -> dict[str, object]:
    return {"metric": "m", "entity": entity, "year": 2024, "quote": quote}


def test_entity_quote_names_the_entity(entities: pd.DataFrame) -> None:
    table = Entities(entities)
    eq = "北京智源研究院就将研究方向锁定大模型"
    [found] = check_entity(entity_row("baai", WUDAO), WUDAO, 0, table, ARTICLE, eq)
    assert cells(found) == (
        "entity",
        "baai",
        "baai (北京智源研究院)",
        "pass",
        "the entity_quote names it",
    )
    [found] = check_entity(entity_row("beijing", WUDAO), WUDAO, 0, table, ARTICLE, eq)
    assert cells(found) == (
        "entity",
        "beijing",
        "baai (北京智源研究院)",
        "fail",
        "the entity_quote names baai, not beijing",
    )
    [found] = check_entity(
        entity_row("baai", WUDAO), WUDAO, 0, table, ARTICLE, "北京智源研究院锁定"
    )
    assert cells(found) == (
        "entity",
        "baai",
        "北京智源研究院锁定",
        "fail",
        "the entity_quote is not a verbatim passage of the article",
    )
    [found] = check_entity(
        entity_row("baai", WUDAO), WUDAO, 0, table, ARTICLE, "就将研究方向锁定大模型"
    )
    assert cells(found) == (
        "entity",
        "baai",
        "none",
        "fail",
        "the entity_quote names no place or body",
    )


def test_entity_quote_names_the_narrowest(entities: pd.DataFrame) -> None:
    table = Entities(entities)
    quote = "累计自动驾驶测试里程近3000万公里"
    eq = "在中关村亦庄园设立高级别自动驾驶示范区仅3年多"
    [found] = check_entity(entity_row("zgc", quote), quote, 0, table, ARTICLE, eq)
    assert (found["result"], found["detail"]) == (
        "fail",
        "the entity_quote names zgc_yizhuang, not zgc",
    )
    [found] = check_entity(entity_row("zgc_yizhuang", quote), quote, 0, table, ARTICLE, eq)
    assert found["result"] == "pass"


def test_without_entity_quote_an_earlier_sentence_of_the_paragraph_judges(
    entities: pd.DataFrame,
) -> None:
    table = Entities(entities)
    quote = "大数据、信息安全市场占有率全国第一"
    [found] = check_entity(entity_row("china", quote), quote, 0, table, ARTICLE)
    assert cells(found) == (
        "entity",
        "china",
        "beijing (北京市)",
        "fail",
        "an earlier sentence of its paragraph names beijing, not china",
    )
    [found] = check_entity(entity_row("beijing", quote), quote, 0, table, ARTICLE)
    assert (found["result"], found["detail"]) == (
        "pass",
        "an earlier sentence of its paragraph names it",
    )
    # With an entity_quote column, a row whose passages name nobody needs one.
    quote = "已成功举办14届"
    [found] = check_entity(entity_row("zgc_forum", quote), quote, 0, table, ARTICLE, "")
    assert (found["result"], found["detail"]) == ("pass", "its sentence names it")
    quote = "北京向南150余公里，在保定朝阳北大街"
    [found] = check_entity(
        entity_row("baoding_zgc_innovation_center", quote), quote, 0, table, ARTICLE, ""
    )
    assert cells(found) == (
        "entity",
        "baoding_zgc_innovation_center",
        "none",
        "fail",
        "the quote names no place or body: an entity_quote must name it",
    )
    [found] = check_entity(
        entity_row("baoding_zgc_innovation_center", quote), quote, 0, table, ARTICLE
    )
    assert (found["result"], found["detail"]) == (
        "pass",
        "the quote and its sentence name no place or body",
    )


# --- events --------------------------------------------------------------------------------


def events(*rows: dict[str, str]) -> pd.DataFrame:
    base = {"date": "", "entity": "", "event_en": "E", "event_zh": "事", "quote": "", "note": ""}
    return pd.DataFrame([{**base, **row} for row in rows])


def test_events_get_the_entity_rule_and_the_reference_check(entities: pd.DataFrame) -> None:
    table = Entities(entities)
    frame = events(
        {"date": "1988", "entity": "beijing", "quote": "1988年成为第一个国家级高新技术产业开发区"},
        {"date": "1999", "entity": "nowhere", "quote": "1999年成为第一个国家级科技园区"},
        {"date": "2009", "entity": "zgc", "quote": "2009年成为第一个国家自主创新示范区"},
    )
    report = verify_events(frame, ARTICLE, table)
    assert rows(report, "check", "entity", "year", "result") == [
        ("quote", "beijing", 1988, "pass"),
        ("year", "beijing", 1988, "pass"),
        ("entity", "beijing", 1988, "fail"),
        ("quote", "nowhere", 1999, "pass"),
        ("year", "nowhere", 1999, "pass"),
        ("entity", "nowhere", 1999, "fail"),
        ("quote", "zgc", 2009, "pass"),
        ("year", "zgc", 2009, "pass"),
        ("entity", "zgc", 2009, "pass"),
    ]
    details = report.loc[report["check"] == "entity", "detail"].tolist()
    assert details == [
        "1988 E: its sentence names zgc, not beijing",
        "1999 E: not in the entities table",
        "2009 E: its sentence names it",
    ]
    assert set(report["metric"]) == {"event"}
    # Without an entities table, no entity check.
    assert "entity" not in set(verify_events(frame, ARTICLE)["check"])


def test_an_inferred_event_date_lies_after_what_its_paragraph_states(
    entities: pd.DataFrame,
) -> None:
    note = "year inferred: 3 months after 悟道"
    quote = "3个月后，拥有1.75万亿参数的“悟道2.0”发布"
    frame = events(
        {"date": "2021", "entity": "baai", "quote": quote, "note": note},
        {"date": "2019", "entity": "baai", "quote": quote, "note": note},
        {"date": "2025", "entity": "baai", "quote": quote, "note": note},
    )
    report = verify_events(frame, ARTICLE, published=2024)
    years = report[report["check"] == "year"]
    assert rows(years, "year", "result", "detail") == [
        (2021, "pass", "2021 E: the note says how the date was chosen"),
        (2019, "fail", "2019 E: 2019 is before 2020, which the passage states as earlier"),
        (2025, "fail", "2025 E: 2025 is after the publication (2024)"),
    ]


# --- claims ----------------------------------------------------------------------------------


def observations_frame() -> pd.DataFrame:
    return pd.read_csv(REPO / "data" / "metrics.csv")


def claims_frame() -> pd.DataFrame:
    return pd.read_csv(REPO / "data" / "claims.csv", dtype=str, keep_default_na=False)


def test_one_failing_claim_does_not_stop_the_later_ones() -> None:
    claims = claims_frame()
    claims.loc[0, "kind"] = "nonsense"  # the first fails on its kind
    claims.loc[1, "base_year"] = "1999"  # the second on a missing observation
    claims.loc[2, "base_metric"] = "revenue"  # the third: a zero... no, another base
    report = verify_claims(observations_frame(), claims)
    assert len(report) == len(claims)
    assert report["detail"].str.split(":").str[0].tolist() == claims["claim_id"].tolist()
    assert rows(report.head(2), "result", "detail") == [
        ("fail", "invention_patents_nearly_doubled: unknown kind"),
        ("fail", "employees_1_5_times_2013: missing employees/zgc/1999"),
    ]
    assert (report["result"].iloc[3:] != "fail").all()


def test_claims_with_the_article_check_their_quotes() -> None:
    claims = claims_frame()
    claims.loc[0, "quote"] = "这一数量已增长一倍"
    report = verify_claims(observations_frame(), claims, ARTICLE)
    quotes = report[report["check"] == "quote"]
    assert len(quotes) == len(claims) and len(report) == 2 * len(claims)
    assert rows(quotes.head(2), "metric", "expected", "found", "result", "detail") == [
        (
            "invention_patents",
            "verbatim",
            "not found",
            "fail",
            "invention_patents_nearly_doubled: the quote is not a verbatim passage of the article",
        ),
        (
            "employees",
            "verbatim",
            "found",
            "pass",
            "employees_1_5_times_2013: the quote is in the article",
        ),
    ]
    assert (quotes["result"].iloc[1:] == "pass").all()
    claims.loc[0, "quote"] = ""
    report = verify_claims(observations_frame(), claims, ARTICLE)
    assert report["result"].iloc[0] == "fail"


DEFINITIONAL = {
    "employees_1_5_times_2013",
    "returnees_3_times_2012",
    "launches_all_from_beijing",
    "tech_contracts_growth_14_9",
    "tech_contract_value_growth_109_8",
    "firms_over_100b_none_in_2012",
}


def test_definitional_is_computed_not_read() -> None:
    claims = claims_frame().drop(columns=["definitional"])
    report = verify_claims(observations_frame(), claims)
    ids = report["detail"].str.split(":").str[0]
    assert set(ids[report["result"] == "definitional"]) == DEFINITIONAL
    assert (report["result"] != "fail").all()


@pytest.mark.parametrize(
    ("claim_id", "flag", "computed"),
    [
        ("invention_patents_nearly_doubled", "true", "was not"),
        ("employees_1_5_times_2013", "false", "was"),
    ],
)
def test_a_definitional_flag_that_disagrees_fails(claim_id: str, flag: str, computed: str) -> None:
    claims = claims_frame()
    claims.loc[claims["claim_id"] == claim_id, "definitional"] = flag
    report = verify_claims(observations_frame(), claims)
    failed = report[report["result"] == "fail"]
    assert rows(failed, "check", "detail") == [
        (
            "claim",
            f"{claim_id}: the file says definitional {flag}, but the tested value {computed} "
            "read from the claim's own words",
        )
    ]
    assert report["result"].value_counts().get("definitional", 0) == 6 - (flag == "false")


def test_is_definitional_rules() -> None:
    derived = {"status": "derived", "quote": "279万人，是2013年的1.5倍"}
    assert is_definitional("是2013年的1.5倍", False, [derived])
    assert not is_definitional("是2013年的1.5倍", False, [{**derived, "status": "reported"}])
    assert not is_definitional("", True, [derived])
    point = {"status": "reported", "quote": "超千亿元企业从无到有", "figure": "从无到有"}
    assert is_definitional("超千亿元企业从无到有", True, [point])
    assert not is_definitional("超千亿元企业从无到有", False, [point])
    assert not is_definitional("其他", True, [point])
    bare = {"status": "reported", "quote": "13次商业发射，全部来自北京"}
    assert is_definitional("全部来自北京", True, [bare])
    assert is_definitional("2023年13次商业发射，全部来自北京。", True, [bare])
    assert not is_definitional("全部来自上海", True, [bare])
    assert not is_definitional("全部来自北京", True, [{**bare, "quote": ""}])


# --- observations bound to a figure -----------------------------------------------------------


def bound_row(**cells_: object) -> pd.DataFrame:
    row: dict[str, object] = {
        "metric": "national_tech_transfer_institutions",
        "entity": "zgc",
        "year": 2022,
        "value": 51,
        "unit": "institutions",
        "status": "reported",
        "qualifier": "exact",
        "quote": INCUBATORS,
        "note": "",
        "year_basis": "stated",
        "figure": "51家",
    }
    row.update(cells_)
    return pd.DataFrame([row])


def test_a_bound_row_gives_these_checks_in_order(indicators: pd.DataFrame) -> None:
    report = verify_observations(bound_row(), ARTICLE, indicators=indicators)
    assert rows(report, "check", "result") == [
        ("quote", "pass"),
        ("figure", "pass"),
        ("value", "pass"),
        ("qualifier", "pass"),
        ("status", "pass"),
        ("unit", "pass"),
        ("year", "pass"),
        ("indicator", "pass"),
        ("metric", "pass"),
    ]


@pytest.mark.parametrize(
    ("edit", "failed"),
    [
        ({"value": 65}, [("value", "the row's figure 51家 does not equal the value")]),
        (
            {"figure": "65家"},
            [
                ("value", "the row's figure 65家 does not equal the value"),
                (
                    "metric",
                    "the clause names national_incubators, not the indicator (国家技术转移机构数)",
                ),
            ],
        ),
        ({"qualifier": "more_than"}, [("qualifier", "the wording '51家' reads as exact")]),
        (
            {"status": "estimate"},
            [("status", "no estimate word (预计, 有望...) governs the figure")],
        ),
        (
            {"unit": "patents"},
            [
                (
                    "unit",
                    "家 reads as branches or firms or headquarters or institutions or parks, "
                    "not patents",
                ),
                ("indicator", "the indicator's unit is institutions"),
            ],
        ),
        ({"year": 2012}, [("year", "the quote dates 51家 to 2022, not 2012")]),
        (
            {"metric": "national_incubators", "figure": "51家"},
            [
                (
                    "metric",
                    "the clause names national_tech_transfer_institutions, "
                    "not the indicator (国家级科技企业孵化器数)",
                ),
            ],
        ),
    ],
)
def test_a_bound_row_fails_where_it_is_wrong(
    indicators: pd.DataFrame, edit: dict[str, object], failed: list[tuple[str, str]]
) -> None:
    report = verify_observations(bound_row(**edit), ARTICLE, indicators=indicators)
    assert rows(report[report["result"] == "fail"], "check", "detail") == failed


def test_the_estimate_word_of_a_bound_figure() -> None:
    quote = "企业总收入从2014年的3.6万亿元提高到2023年的预计8.6万亿元"
    estimate = bound_row(
        metric="revenue",
        value=8600000000000,
        unit="CNY",
        status="estimate",
        quote=quote,
        figure="8.6万亿元",
        year=2023,
    )
    assert verify_observations(estimate).query("check == 'status'")["result"].tolist() == ["pass"]
    reported = estimate.assign(status="reported")
    status = verify_observations(reported).query("check == 'status'")
    assert rows(status, "found", "result", "detail") == [
        ("estimate (预计)", "fail", "the estimate word 预计 governs the figure")
    ]
    first = estimate.assign(value=3600000000000, figure="3.6万亿元", year=2014)
    assert rows(verify_observations(first).query("check == 'status'"), "found", "result") == [
        ("reported", "fail")
    ]


def test_a_bound_row_without_figure_falls_back_to_any_figure() -> None:
    report = verify_observations(bound_row(figure="", value=65))
    assert rows(report, "check", "result")[:3] == [
        ("figure", "fail"),
        ("value", "pass"),
        ("qualifier", "pass"),
    ]


def test_a_derived_rows_figure_is_an_operand_and_its_unit_follows() -> None:
    quote = "成交额784.7亿元，比2022年分别增长14.9%、109.8%"
    note = (
        "78470000000 / (1 + 109.8 / 100) = 37402287893.23, to 4 significant digits as its "
        "least precise input (784.7亿); interval 37390993566 to 37413587605 from "
        "78465000000 / (1 + 109.85 / 100) to 78475000000 / (1 + 109.75 / 100) (why)"
    )
    row = bound_row(
        metric="tech_contract_value_to_tianjin_hebei",
        entity="beijing",
        value=37400000000,
        unit="CNY",
        status="derived",
        qualifier="about",
        quote=quote,
        note=note,
        figure="109.8%",
    )
    report = verify_observations(row)
    assert rows(
        report.query("check in ['figure', 'unit', 'year']"), "check", "found", "result"
    ) == [
        ("figure", "109.8% = 109.8 (exact)", "pass"),
        ("unit", "784.7亿元", "pass"),
        ("year", "2022", "pass"),
    ]
    wrong = verify_observations(row.assign(figure="14.9%"))
    assert rows(wrong.query("check == 'figure'"), "expected", "found", "result", "detail") == [
        (
            "14.9%",
            "78470000000, 1, 109.8, 100",
            "fail",
            "the figure 14.9% is not a number of the note's arithmetic",
        )
    ]
    broken = verify_observations(row.assign(note="no arithmetic here = 1"))
    assert broken.query("check == 'figure'")["result"].tolist() == ["fail"]


# --- the whole run ----------------------------------------------------------------------------


def test_the_run_counts_what_it_reports(tmp_path: Path) -> None:
    from tests.provenance import provenance_copy

    report = check.run(Dataset.open(str(provenance_copy(tmp_path))), ARTICLE)
    frame = report.frame
    assert sum(report.counts.values()) == len(frame)
    assert report.counts == frame["result"].value_counts().to_dict() | {
        name: 0 for name in ("fail", "unsourced") if name not in set(frame["result"])
    }
    entities_rows = frame[frame["metric"] == "entities"]
    assert len(entities_rows) == len(pd.read_csv(REPO / "data" / "entities.csv"))
    claims = pd.read_csv(REPO / "data" / "claims.csv")
    assert (frame["check"] == "claim").sum() == len(claims)
    assert ((frame["check"] == "quote") & (frame["metric"] != "event")).sum() == len(
        observations_frame()
    ) + len(claims)
    assert report.entity_names["zgc"] == {"en": "Zhongguancun", "zh": "中关村示范区"}
    assert report.names["revenue"]["zh"] == "企业总收入"


# --- unbound rows (a user's file without a figure column): any figure of the quote ------------


def unbound(**cells_: object) -> pd.DataFrame:
    return bound_row(**cells_).drop(columns=["figure"])


def findings(frame: pd.DataFrame) -> list[tuple[object, ...]]:
    return rows(frame, "check", "expected", "found", "result", "detail")


def test_an_unbound_value_no_figure_equals_lists_every_figure() -> None:
    assert findings(verify_observations(unbound(value=52))) == [
        (
            "value",
            "52",
            "65家 = 65 (exact); 144个 = 144 (exact); 51家 = 51 (exact)",
            "fail",
            "no figure in the quote equals the value",
        ),
        ("year", "2022 named in the quote", "2022", "pass", "the quote names the year"),
    ]
    assert findings(verify_observations(unbound(value=None)))[0] == (
        "value",
        "",
        "65家 = 65 (exact); 144个 = 144 (exact); 51家 = 51 (exact)",
        "fail",
        "the row has no numeric value",
    )
    assert findings(verify_observations(unbound(quote="空间规模488", value=488)))[0] == (
        "value",
        "488",
        "no figure",
        "fail",
        "no figure in the quote equals the value",
    )


def test_an_unbound_threshold_is_named() -> None:
    frame = unbound(quote="年收入亿元以上企业由2012年的1897家", value=100000000, year=2012)
    assert findings(verify_observations(frame))[0] == (
        "value",
        "100000000",
        "1897家 = 1897 (exact)",
        "fail",
        "亿元以上 is a threshold in the metric's definition, not a value",
    )


def test_an_unbound_value_takes_the_figure_with_its_wording() -> None:
    quote = "2023年我国民营火箭企业的13次商业发射，超13次"
    frame = unbound(quote=quote, value=13, qualifier="more_than", unit="launches", year=2023)
    assert findings(verify_observations(frame)) == [
        ("value", "13", "13次", "pass", "the quote states the value"),
        (
            "qualifier",
            "more_than",
            "more_than (超13次)",
            "pass",
            "the wording gives this qualifier",
        ),
        ("status", "reported", "reported", "pass", "the wording agrees with the status"),
        ("unit", "launches", "次 (超13次)", "pass", "次 reads as launches"),
        ("year", "2023 named in the quote", "2023", "pass", "the quote names the year"),
    ]
    wrong = findings(verify_observations(frame.assign(qualifier="nearly")))
    assert wrong[1] == (
        "qualifier",
        "nearly",
        "exact (13次)",
        "fail",
        "the wording '13次' reads as exact",
    )


def test_an_unbound_estimate_needs_its_word() -> None:
    quote = "企业总收入从2014年的3.6万亿元提高到2023年的预计8.6万亿元"
    frame = unbound(quote=quote, value=8600000000000, unit="CNY", status="estimate", year=2023)
    assert findings(verify_observations(frame))[2] == (
        "status",
        "estimate",
        "estimate (预计)",
        "pass",
        "the wording agrees with the status",
    )
    assert findings(verify_observations(frame.assign(status="reported")))[2] == (
        "status",
        "reported",
        "estimate (预计)",
        "fail",
        "the estimate word 预计 governs the figure",
    )
    first = frame.assign(value=3600000000000, year=2014)
    assert findings(verify_observations(first))[2] == (
        "status",
        "estimate",
        "reported",
        "fail",
        "no estimate word (预计, 有望...) governs the figure",
    )
    assert findings(verify_observations(frame))[4] == (
        "year",
        "2023 named in the quote",
        "2014, 2023",
        "pass",
        "the quote names the year",
    )


# --- sentences and paragraphs, arithmetic's words, old-layout notes, names in Chinese -----------

PASSAGE = "第一句。第二句里有引文，还有。  第三段一句。第三段二句引文二。"


def test_sentence_of_and_the_paragraph_before() -> None:
    from zgc_cli.check.entities import _paragraph_before, sentence_of

    assert sentence_of(PASSAGE, "第一句") == ("第一句。", 0)
    assert sentence_of(PASSAGE, "引文") == ("第二句里有引文，还有。", 5)  # the first occurrence
    assert sentence_of(PASSAGE, "") is None
    assert sentence_of(PASSAGE, "无") is None
    assert sentence_of("引文。后文", "引文") == ("引文。", 0)
    assert _paragraph_before(PASSAGE, "引文二") == ["第三段一句。"]
    assert _paragraph_before(PASSAGE, "第二句") == ["第一句。"]
    assert _paragraph_before(PASSAGE, "第一句") == []
    assert _paragraph_before(PASSAGE, "无") == []
    three = "甲句。乙句。丙句引文。"
    assert _paragraph_before(three, "引文") == ["乙句。", "甲句。"]
    assert _paragraph_before("  " + three, "引文") == ["乙句。", "甲句。"]
    assert _paragraph_before("前段。  " + three, "引文") == ["乙句。", "甲句。"]
    assert _paragraph_before("甲句。乙句。引文在首。", "引文在首") == ["乙句。", "甲句。"]


def test_arithmetic_says_why() -> None:
    from zgc_cli.check.arithmetic import evaluate_expression

    with pytest.raises(ValueError, match="^division by zero$"):
        evaluate_expression("1 / 0")
    with pytest.raises(ValueError) as error:
        evaluate_expression("x + 1")
    assert str(error.value) == (
        "only numbers, + - * / and parentheses are allowed, not Name(id='x', ctx=Load())"
    )


def old_layout(value: float, note: str) -> pd.DataFrame:
    return bound_row(
        value=value, status="derived", qualifier="", note=note, year_basis="", figure=""
    ).drop(columns=["figure"])


def test_an_old_layout_note_says_what_it_computes() -> None:
    assert findings(verify_observations(old_layout(51, "65 - 14"))) == [
        ("derived", "51", "65 - 14 = 51", "pass", "the note computes the value"),
        ("operands", "65, 14", "51, 65, 144, 2022", "fail", "not in the quote: 14"),
    ]
    assert findings(verify_observations(old_layout(52, "65 - 14")))[0] == (
        "derived",
        "52",
        "65 - 14 = 51",
        "fail",
        "the note does not compute the value",
    )
    assert findings(verify_observations(old_layout(51, ""))) == [
        ("derived", "51", "", "fail", "a derived row needs its arithmetic in the note")
    ]
    assert findings(verify_observations(old_layout(51, "65 / 0"))) == [
        ("derived", "51", "65 / 0", "fail", "the note is not a usable expression: division by zero")
    ]


def test_chinese_names_in_the_new_findings(entities: pd.DataFrame) -> None:
    claims = claims_frame().head(1)
    [quote] = verify_claims(observations_frame(), claims, ARTICLE).query("check == 'quote'")[
        "detail"
    ]
    assert quote.text("zh") == "“这一数量已增长近一倍”：引文见于文章"
    claims.loc[0, "quote"] = ""
    [quote] = verify_claims(observations_frame(), claims, ARTICLE).query("check == 'quote'")[
        "detail"
    ]
    assert quote.text("zh") == "invention_patents_nearly_doubled：引文与文章原文不一致"
    results = check_entities_table(edited(entities, "zgc", "parent", "china"))
    [zgc] = [r for r in results if r["result"] == "fail"]
    assert zgc["detail"].text("zh") == "示范区的直接上级不能是国家"
    chain = next(r for r in results if r["entity"] == "zgc_yizhuang")["found"]
    assert chain.text("zh") == "zgc_yizhuang → zgc → china"  # no namer: the ids
    assert chain.text("zh", lambda term, lang: term.upper()) == ("ZGC_YIZHUANG → ZGC → CHINA")


@pytest.mark.parametrize(
    "later", ["3个月后", "两年后", "10天后", "此后", "随后", "之后", "很快", "不到四年", "以来"]
)
def test_each_word_for_later(later: str) -> None:
    article = f"前段2015年。  2020年上半年，事一。{later}，事二发生。"
    assert preceding_year(article, "事二发生") == 2020
    # Without it, 2020 precedes nothing; after the next year, the later year counts.
    assert preceding_year("2020年上半年，事一。那时，事二发生。", "事二发生") is None
    assert preceding_year(f"2020年，事一。{later}，2021年，事二发生。", "事二发生") == 2020
    assert preceding_year(f"2020年，事一。2021年{later}，事二发生。", "事二发生") == 2021


def test_the_paragraph_bounds_the_years_before() -> None:
    # A "later" in another paragraph says nothing of this one.
    assert preceding_year("2020年，很快。  事二发生。", "事二发生") is None
    assert preceding_year("2020年，很快。◇事二发生。", "事二发生") is None
    assert preceding_year("2019年很快，2020年很快，事二发生。", "事二发生") == 2020
    assert preceding_year("2020年很快，2019年很快，事二发生。", "事二发生") == 2020


@pytest.mark.parametrize("word", ["是", "比", "较", "为"])
def test_each_comparison_word(word: str) -> None:
    text = f"2022年，甲5家，{word}2013年的1.5倍。乙6家"
    assert [m.comparison for m in year_marks(text)] == [False, True]
    assert governing_year(text, text.index("1.5倍")) == 2013
    assert governing_year(text, text.index("6家")) == 2022
    assert governing_year(text, text.index("5家")) == 2022


def test_labels_are_years_unless_a_figure_or_a_range() -> None:
    assert [m.year for m in year_marks("“2023中国商业航天企业百强”")] == [2023]
    assert [m.year for m in year_marks("2500强")] == []  # a figure
    assert [m.year for m in year_marks("龙芯3A6000")] == []
    assert [m.year for m in year_marks("2012～2022年")] == [2022]
    assert [m.year for m in year_marks("2012-2022年")] == [2022]
    assert [m.year for m in year_marks("2012 年")] == [2012]
    assert [(m.start, m.end) for m in year_marks("在2012年")] == [(1, 5)]
    assert [(m.start, m.end) for m in year_marks("在“2023中国")] == [(2, 6)]


def test_narrowest_mentions(entities: pd.DataFrame) -> None:
    table = Entities(entities)
    mentions = table.narrowest("在中关村亦庄园，中关村，北京", "zgc")
    assert [m.alias for m in mentions] == ["中关村亦庄园"]
    assert [m.alias for m in table.narrowest("中关村，保定", "zgc")] == ["中关村", "保定"]
    assert table.narrowest("无", "zgc") == []


# --- what survived a first mutation run ---------------------------------------------------------


KINDS = {"qualifier", "status", "unit", "entity", "year_basis"}


def named_terms(frame: pd.DataFrame) -> list[tuple[str, str]]:
    """Each Term the findings hold, as (kind, id), rendered in Chinese with a namer."""
    seen: list[tuple[str, str]] = []

    def namer(term: object, lang: str) -> str:
        seen.append((getattr(term, "kind", None), str(term)))  # type: ignore[arg-type]
        return f"<{term}>"

    for name in ("expected", "found", "detail"):
        for cell in frame[name]:
            say(cell, "zh", namer)
    return seen


def test_every_term_is_named_by_its_kind(entities: pd.DataFrame) -> None:
    quote = "实际13次，预计超13次"
    frames = [
        verify_observations(unbound(value=52)),  # every figure described
        verify_observations(unbound(qualifier="nearly")),  # a qualifier that disagrees
        verify_observations(unbound(status="estimate")),  # found: reported
        verify_observations(unbound(quote=quote, value=13, unit="launches")),
        verify_observations(bound_row(qualifier="nearly", status="estimate")),
        pd.DataFrame(check_entities_table(edited(entities, "zgc", "parent", "china"))),
        pd.DataFrame(check_entities_table(entities)),
        pd.DataFrame(
            [
                result
                for eq in ("北京智源研究院", "没有的话", "就将研究方向", "")
                for result in check_entity(
                    entity_row("baai", WUDAO), WUDAO, 0, Entities(entities), ARTICLE, eq
                )
            ]
        ),
    ]
    seen = [pair for frame in frames for pair in named_terms(frame)]
    assert {kind for kind, _ in seen} <= KINDS
    for pair in [
        ("qualifier", "exact"),
        ("qualifier", "nearly"),
        ("status", "reported"),
        ("status", "estimate"),
        ("entity", "zgc"),
        ("entity", "china"),
        ("entity", "beijing"),
        ("entity", "baai"),
    ]:
        assert pair in seen, pair


def test_a_second_equal_figure_may_carry_the_estimate_word() -> None:
    quote = "实际13次，预计13次"
    row = unbound(quote=quote, value=13, unit="launches", status="estimate")
    status = verify_observations(row).query("check == 'status'")
    assert rows(status, "found", "result") == [("estimate (预计)", "pass")]


def test_a_threshold_is_named_only_when_it_equals_the_value() -> None:
    row = unbound(quote="年收入亿元以上企业由2012年的1897家", value=5, year=2012)
    assert verify_observations(row)["detail"].iloc[0] == "no figure in the quote equals the value"


def test_too_deep_arithmetic_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    from zgc_cli.check import arithmetic

    def deep(node: object) -> float:
        raise RecursionError

    monkeypatch.setattr(arithmetic, "_evaluate_node", deep)
    with pytest.raises(ValueError, match="^too deeply nested$"):
        arithmetic.evaluate_expression("1 + 1")


def test_coverage_counts_pairs() -> None:
    assert name_coverage("甲乙丙", "乙丙") == 0.5
    assert name_coverage("甲乙丙丁", "甲乙丁") == pytest.approx(1 / 3)


def test_edges_of_sentences_and_clauses() -> None:
    from zgc_cli.check.entities import _paragraph_before, sentence_of

    assert sentence_of("。引文", "引文") == ("引文", 0)
    assert sentence_of("甲。引文", "引文") == ("引文", 0)
    assert sentence_of("甲。引文乙", "引文") == ("引文乙", 0)
    figure = bound_figure("10家", "，甲10家")
    assert figure is not None and segment_of("，甲10家", figure) == "甲10家"
    four = "甲。乙。丙。丁引文。"
    assert _paragraph_before(four, "引文") == ["丙。", "乙。", "甲。"]
    twice = "一。引文。  二。三。引文。"
    assert _paragraph_before(twice, "引文") == ["一。"]


def test_metric_findings_in_chinese(indicators: pd.DataFrame) -> None:
    meta = metadata(indicators)
    row = {"metric": "employees", "entity": "beijing", "year": 2024}
    found = metric_named(row, "北京拥有55万余名科研人员", meta)
    assert found is not None
    assert say(found["expected"], "zh") == "从业人员"
    assert str(found["expected"]) == "employees"
    assert say(found["detail"], "zh") == "分句写的是指标科研人员，不是此指标（从业人员）"
    bare = {"a": {"unit": "u", "name_zh": ""}, "b": {"unit": "u", "name_zh": "甲乙"}}
    found = metric_named({"metric": "a"}, "甲乙", bare)
    assert found is not None and say(found["expected"], "zh") == "a"
    assert say(found["detail"], "zh") == "分句写的是指标甲乙，不是此指标（）"
    found = metric_named({"metric": "b"}, "丙丁", {"b": {"unit": "u"}, "c": {"name_zh": "丙丁"}})
    assert found is not None and found["result"] == "pass"


def test_events_without_quote_names_and_dates() -> None:
    frame = events(
        {"date": "2015-04", "entity": "zgc", "quote": "", "event_en": "Opens", "event_zh": "开业"},
        {"date": "2016", "entity": "zgc", "quote": "", "event_en": "", "event_zh": "仅中文"},
        {"date": "2017", "entity": "zgc", "quote": "", "event_en": "English only", "event_zh": ""},
    )
    report = verify_events(frame, ARTICLE)
    assert findings(report) == [
        ("source", "2015-04", "", "unsourced", "2015-04 Opens: no quote"),
        ("source", "2016", "", "unsourced", "2016 仅中文: no quote"),
        ("source", "2017", "", "unsourced", "2017 English only: no quote"),
    ]
    assert rows(report, "metric", "entity", "year") == [
        ("event", "zgc", 2015),
        ("event", "zgc", 2016),
        ("event", "zgc", 2017),
    ]
    assert [say(detail, "zh") for detail in report["detail"]] == [
        "2015-04 开业：无引文",
        "2016 仅中文：无引文",
        "2017 English only：无引文",
    ]


def test_events_with_an_entity_quote_column(entities: pd.DataFrame) -> None:
    table = Entities(entities)
    quote = "3个月后，拥有1.75万亿参数的“悟道2.0”发布"
    frame = events(
        {"date": "2021", "entity": "baai", "quote": quote, "entity_quote": "北京智源研究院"},
        {"date": "2021", "entity": "beijing", "quote": quote, "entity_quote": "北京智源研究院"},
        {"date": "2021", "entity": "baai", "quote": "车停稳，没司机", "entity_quote": ""},
    )
    report = verify_events(frame, ARTICLE, table).query("check == 'entity'")
    assert rows(report, "entity", "result", "detail") == [
        ("baai", "pass", "2021 E: the entity_quote names it"),
        ("beijing", "fail", "2021 E: the entity_quote names baai, not beijing"),
        (
            "baai",
            "fail",
            "2021 E: the quote names no place or body: an entity_quote must name it",
        ),
    ]


def test_an_entity_quote_leaves_out_where_the_entity_lies(entities: pd.DataFrame) -> None:
    table = Entities(entities)
    [found] = check_entity(entity_row("baai", WUDAO), WUDAO, 0, table, None, "在北京，事")
    assert (found["found"], found["detail"]) == ("none", "the entity_quote names no place or body")


def test_the_entities_tables_findings(entities: pd.DataFrame) -> None:
    frame = edited(entities, "xiongan_zgc_science_park", "aliases_zh", "雄安中关村科技园;雄安")
    alias = [r for r in check_entities_table(frame) if r["check"] == "alias"]
    assert [cells(r) for r in alias] == [
        (
            "alias",
            "one entity",
            "xiongan, xiongan_zgc_science_park",
            "fail",
            "the word 雄安 names more than one entity",
        ),
        (
            "alias",
            "one entity",
            "xiongan, xiongan_zgc_science_park",
            "fail",
            "the word 雄安 names more than one entity",
        ),
    ]
    assert [(r["metric"], r["entity"]) for r in alias] == [
        ("entities", "xiongan"),
        ("entities", "xiongan_zgc_science_park"),
    ]
    assert say(alias[0]["found"], "zh") == "xiongan、xiongan_zgc_science_park"
    # A Chinese name shared is a collision too.
    frame = edited(entities, "baqis", "name_zh", "北京智源人工智能研究院")
    assert {r["entity"] for r in check_entities_table(frame) if r["check"] == "alias"} == {
        "baai",
        "baqis",
    }
    failed = list(check_entities_table(edited(entities, "zgc", "parent", "china")))
    assert [r["expected"] for r in failed if r["result"] == "fail"] == [
        "a known parent of a wider kind"
    ]


def test_kinds_without_a_parent_or_of_an_unknown_kind() -> None:
    frame = pd.DataFrame(
        [
            {"entity": "z", "kind": "zone", "parent": "", "name_zh": "甲", "aliases_zh": ""},
            {"entity": "t", "kind": "thing", "parent": "", "name_zh": "乙", "aliases_zh": ""},
            {"entity": "y", "kind": "zone", "parent": "t", "name_zh": "丙", "aliases_zh": ""},
        ]
    )
    found = check_entities_table(frame)
    assert [(r["entity"], r["result"], r["detail"]) for r in found] == [
        ("z", "fail", "a zone does not lie directly in a none"),
        ("t", "pass", "the chain of parents ends, each of a wider kind"),
        ("y", "fail", "a zone does not lie directly in a thing"),
    ]
    assert say(found[0]["detail"], "zh") == "示范区的直接上级不能是无"
    assert say(found[2]["detail"], "zh") == "示范区的直接上级不能是thing"


def test_a_missing_month_and_day_are_named() -> None:
    from zgc_cli.check.years import check_date

    assert check_date("2015-04-25", "2015年4月底", "") == (
        False,
        "2015",
        "the quote does not name 25日",
    )
    holds, found, detail = check_date("2015-05-25", "2015年4月", "")
    assert (holds, str(detail)) == (False, "the quote does not name 5月, 25日")


def test_a_bound_rows_findings_in_full() -> None:
    report = verify_observations(bound_row(qualifier="nearly", status="estimate"))
    assert findings(report.query("check in ['qualifier', 'status']")) == [
        ("qualifier", "nearly", "exact (51家)", "fail", "the wording '51家' reads as exact"),
        (
            "status",
            "estimate",
            "reported",
            "fail",
            "no estimate word (预计, 有望...) governs the figure",
        ),
    ]
    report = verify_observations(bound_row())
    assert findings(report.query("check in ['qualifier', 'status']")) == [
        ("qualifier", "exact", "exact (51家)", "pass", "the wording gives this qualifier"),
        ("status", "reported", "reported", "pass", "the wording agrees with the status"),
    ]
    zh = [
        say(cell, "zh")
        for cell in report.query("check == 'qualifier'").iloc[0][["expected", "found"]]
    ]
    assert zh == ["exact", "exact（51家）"]


def test_derived_units_in_detail() -> None:
    quote = "收入3.6万亿，增长10%"
    row = {"metric": "v", "entity": "zgc", "year": 2022, "unit": "CNY"}
    figures = parse_figures(quote)
    # A figure without a unit word says nothing of the unit.
    assert [cells(r) for r in check_derived_unit(row, [3.6e12, 1.0, 10.0, 100.0], figures)] == [
        ("unit", "CNY", "no unit word", "pass", "no unit word")
    ]
    quote = "成交额784.7亿元，比2022年分别增长14.9%、109.8%"
    [found] = check_derived_unit(row, [78470000000.0, 78470000000.0], parse_figures(quote))
    assert say(found["found"], "zh") == "“784.7亿元”"
    [found] = check_derived_unit({**row, "unit": "USD"}, [78470000000.0], parse_figures(quote))
    seen: list[object] = []
    say(found["detail"], "zh", lambda term, lang: seen.append(term.kind) or None)
    say(found["expected"], "zh", lambda term, lang: seen.append(term.kind) or None)
    assert seen == ["unit", "unit"]


def test_a_note_with_two_equals_signs_gives_its_operands() -> None:
    quote = "技术合同数6758项、成交额784.7亿元，比2022年分别增长14.9%"
    note = (
        "6758 / (1 + 14.9 / 100) = 5881.64, to 4 significant digits as its least precise "
        "input (1 + 14.9 / 100 = 1.149); interval 5879 to 5885 from 6758 / (1 + 14.95 / 100) "
        "to 6758 / (1 + 14.85 / 100) (why)"
    )
    row = bound_row(
        metric="tech_contracts_to_tianjin_hebei",
        entity="beijing",
        value=5882,
        unit="contracts",
        status="derived",
        qualifier="about",
        quote=quote,
        note=note,
        figure="14.9%",
    )
    report = verify_observations(row)
    assert rows(report.query("check in ['figure', 'unit']"), "check", "found", "result") == [
        ("figure", "14.9% = 14.9 (exact)", "pass"),
        ("unit", "6758项", "pass"),
    ]


# --- the run as a whole: publication, names, tables ----------------------------------------------


def test_the_run_dates_publication_rows_by_the_package(tmp_path: Path) -> None:
    from tests.provenance import provenance_copy

    path = provenance_copy(tmp_path)
    package = tmp_path / "datapackage.json"
    package.write_text(
        package.read_text(encoding="utf-8").replace('"date": "2024-04"', '"date": "2025-01"'),
        encoding="utf-8",
    )
    frame = check.run(Dataset.open(str(path)), ARTICLE).frame
    failed = frame[frame["result"] == "fail"]
    publication_rows = observations_frame().query("year_basis == 'publication'")
    years = failed[failed["check"] == "year"]
    assert len(years) == len(publication_rows)
    assert set(years["expected"]) == {"2025"} and set(years["found"]) == {"2024"}
    assert set(years["detail"]) == {"an undated figure current at publication is dated 2025"}
    # Nothing else fails: inferred years stay within a later publication.
    assert set(failed["check"]) == {"year"}


def test_the_runs_frame_and_names(tmp_path: Path) -> None:
    from tests.provenance import provenance_copy

    report = check.run(Dataset.open(str(provenance_copy(tmp_path))))
    assert list(report.frame.index) == list(range(len(report.frame)))
    assert report.names["revenue"] == {"en": "Total revenue of firms", "zh": "企业总收入"}
    assert report.names["entities"] == {"en": "entities table", "zh": "主体表"}
    assert report.entity_names["beijing"] == {"en": "Beijing", "zh": "北京市"}


def test_the_no_figure_notice_cells() -> None:
    frame = bound_row().drop(columns=["figure"])
    report = check.run(Dataset.from_frame(frame))
    notice = report.frame.iloc[-1]
    assert (notice["check"], notice["metric"], notice["entity"], notice["expected"]) == (
        "figure",
        "",
        "",
        "",
    )
    assert (notice["found"], notice["result"]) == ("", "unsourced")
    assert pd.isna(notice["year"])
    assert report.counts["unsourced"] == 1
    # With the column, or without quotes, no notice.
    assert "unsourced" not in set(check.run(Dataset.from_frame(bound_row())).frame["result"])
    unquoted = bound_row(quote="").drop(columns=["figure"])
    assert set(check.run(Dataset.from_frame(unquoted)).frame["check"]) == {"source"}


def test_tables_come_from_the_dataset_first(entities: pd.DataFrame) -> None:

    evented = events({"date": "1988", "entity": "zgc", "quote": "1988年"})
    dataset = Dataset.from_frame(bound_row(), entities=entities, events=evented)
    assert dataset.entities is entities
    assert dataset.events is evented
    assert Dataset.from_frame(bound_row()).entities.empty
    # An entities table in the Dataset gives the run its entity checks.
    report = check.run(dataset, ARTICLE)
    assert "entity" in set(report.frame["check"]) and "parent" in set(report.frame["check"])


def test_a_broken_sidecar_is_named(tmp_path: Path) -> None:
    from tests.provenance import provenance_copy
    from zgc_cli.errors import DataError

    path = provenance_copy(tmp_path)
    (tmp_path / "entities.csv").write_bytes(b"entity\n\xff\xfe\n")
    (tmp_path / "events.csv").write_bytes(b"date\n\xff\xfe\n")
    with pytest.raises(DataError) as error:
        _ = Dataset.open(str(path)).entities
    assert "entities" in str(error.value)
    with pytest.raises(DataError) as error:
        _ = Dataset.open(str(path)).events
    assert "events" in str(error.value)


def test_bound_figure_edges() -> None:
    assert bound_figure("13次", "13次，13次").start == 0  # type: ignore[union-attr]
    # 20个 lies inside "0家20个" but 10家 straddles its start: not one figure.
    assert bound_figure("0家20个", "10家20个") is None


def test_a_mention_of_two_entities_in_chinese(entities: pd.DataFrame) -> None:
    from zgc_cli.check.entities import Mention, _describe

    mention = Mention(0, 2, "北京", frozenset({"beijing", "zgc"}))
    described = _describe(mention)
    assert str(described) == "beijing/zgc (北京)"
    assert say(described, "zh") == "beijing、zgc（北京）"
    assert say(described, "zh", lambda term, lang: term.kind) == "entity、entity（北京）"


# --- entities: each branch's words --------------------------------------------------------------


def small_table() -> Entities:
    return Entities(
        pd.DataFrame(
            [
                {"entity": "", "parent": "", "name_zh": "无名", "aliases_zh": ""},
                {"entity": "bj", "parent": "cn", "name_zh": "北京", "aliases_zh": ""},
                {"entity": "bd", "parent": "cn", "name_zh": "保定", "aliases_zh": ""},
                {"entity": "cn", "parent": "", "name_zh": "全国", "aliases_zh": "我国"},
                {"entity": "z", "parent": "bj", "name_zh": "园区", "aliases_zh": ""},
            ]
        )
    )


def judged(table: Entities, entity: str, quote: str, position: int, article: str | None):  # noqa: ANN201
    [found] = check_entity(entity_row(entity, quote), quote, position, table, article)
    return (found["expected"], found["found"], found["result"], found["detail"])


def test_entity_branches_word_for_word() -> None:
    table = small_table()
    assert table.ancestors("nobody") == set() and table.ancestors("z") == {"bj", "cn"}
    assert [m.alias for m in table.mentions("北京，保定，全国，我国，无名", "z")] == [
        "北京",
        "保定",
        "全国",
        "我国",
    ]
    assert Entities(pd.DataFrame([{"entity": "x", "aliases_zh": ""}])).mentions("x", "x") == []
    assert judged(table, "nobody", "北京5家", 2, None) == (
        "nobody",
        "",
        "fail",
        "not in the entities table",
    )
    # The mention nearest before the figure is named, even one that ends where it starts.
    assert judged(table, "z", "保定北京55万", 4, None) == (
        "z",
        "bj (北京)",
        "fail",
        "the quote names bj, not z",
    )
    assert judged(table, "z", "保定北京55万", 0, None)[1] == "bd (保定)"
    assert judged(table, "z", "无5家", 1, None) == (
        "z",
        "none",
        "pass",
        "the quote names no place or body",
    )
    article = "北京，保定，引文55万。"
    assert judged(table, "z", "引文55万", 2, article) == (
        "z",
        "bd (保定)",
        "fail",
        "its sentence names bd, not z",
    )
    assert judged(table, "bj", "北京5家", 2, "前文。北京5家。") == (
        "bj",
        "bj (北京)",
        "pass",
        "the quote names it",
    )
    # Earlier sentences, nearest first, until one names a place.
    article = "北京，甲。乙。引文5家。"
    assert judged(table, "cn", "引文5家", 2, article) == (
        "cn",
        "bj (北京)",
        "fail",
        "an earlier sentence of its paragraph names bj, not cn",
    )
    assert judged(table, "cn", "引文5家", 2, "北京，保定。乙。引文5家。")[1] == "bd (保定)"
    assert judged(table, "z", "引文5家", 2, "甲。乙。引文5家。") == (
        "z",
        "none",
        "pass",
        "the quote and its sentence name no place or body",
    )
    # A comparison base and where the entity lies are no mentions of it.
    assert judged(table, "z", "占全国5家", 3, None)[1:3] == ("none", "pass")
    assert judged(table, "z", "在北京5家", 3, None)[1:3] == ("none", "pass")
    assert judged(table, "bd", "在北京5家", 3, None)[1:3] == ("bj (北京)", "fail")
    assert judged(table, "z", "北京第一", 2, None)[1:3] == ("none", "pass")


def test_entity_findings_in_chinese() -> None:
    table = small_table()
    [found] = check_entity(entity_row("z", "北京5家"), "北京5家", 2, table, None)
    namer = lambda term, lang: f"<{term.kind}:{term}>"  # noqa: E731
    assert say(found["expected"], "zh", namer) == "<entity:z>"
    assert say(found["found"], "zh", namer) == "<entity:bj>（北京）"
    assert say(found["detail"], "zh", namer) == "引文提到的是<entity:bj>，不是<entity:z>"
    [found] = check_entity(entity_row("z", "无5家"), "无5家", 1, table, None)
    assert say(found["expected"], "zh", namer) == "<entity:z>"


def test_years_and_labels_next_to_figures() -> None:
    from zgc_cli.check.years import named_years

    assert named_years("10家2023中国") == {2023}
    assert [m.year for m in year_marks("10家2023中国")] == [2023]
    assert governing_year("2023百强", 4) == 2023
    report = verify_observations(
        unbound(quote="企业总收入从2014年的3.6万亿元提高到2023年的预计8.6万亿元", value=1)
    )
    year = report.query("check == 'year'").iloc[0]
    assert say(year["found"], "zh") == "2014、2023"
    assert (
        say(verify_observations(unbound(quote="空间规模488", value=488)).iloc[1]["found"], "zh")
        == "无年份"
    )


def test_more_bounds_cells_and_preceding_years() -> None:
    [found] = check_year_bounds(bounds_row(2021, None, 2021), WUDAO, 2024, ARTICLE)
    assert (found["expected"], found["found"]) == ("? to 2021", "2021")
    [found] = check_year_bounds(bounds_row(2019, 2021, 2021), WUDAO, 2024, ARTICLE)
    assert (found["expected"], found["found"]) == ("2021 to 2021", "2019")
    assert preceding_year("2018年，2019年很快，2020年，事二发生。", "事二发生") == 2019
    assert preceding_year("2020年很快事", "2020年很快事") == 2020
    assert preceding_year("事。  2020年很快，事。", "事") is None  # the first occurrence


def test_a_figure_column_decides_definitional() -> None:
    row = {"status": "reported", "quote": "超千亿元企业从无到有，2022年达到11家", "figure": "11家"}
    assert not is_definitional("超千亿元企业从无到有", True, [row])
    assert is_definitional("超千亿元企业从无到有", True, [{**row, "figure": ""}])


# --- events' cells and edges; the last survivors --------------------------------------------------


def test_events_cells_word_for_word() -> None:
    frame = events(
        {"date": "1988", "entity": "zgc", "quote": "1988年成为第一个国家级高新技术产业开发区"},
        {"date": "1999", "entity": "zgc", "quote": "1999年成为首个国家级科技园区"},
    )
    assert findings(verify_events(frame, ARTICLE)) == [
        ("quote", "verbatim", "found", "pass", "1988 E: the quote is in the article"),
        ("year", "1988", "1988", "pass", "1988 E: the quote names the date"),
        ("quote", "verbatim", "not found", "fail", "1999 E: the quote is not verbatim"),
        ("year", "1999", "1999", "pass", "1999 E: the quote names the date"),
    ]


def test_event_bounds_at_their_edges() -> None:
    note = "year inferred: after"
    article = "2020年很快，事一。2019年，事二。2025年，事三。"
    frame = events(
        {"date": "2020", "entity": "x", "quote": "事一", "note": note},  # = earlier: holds
        {"date": "2024", "entity": "x", "quote": "事一", "note": note},  # = published: holds
        {"date": "2019-05", "entity": "x", "quote": "事一", "note": note},  # a month: still 2019
        {"date": "2019", "entity": "x", "quote": "2019年，事二"},  # stated: no bound
        {"date": "2025", "entity": "x", "quote": "2025年，事三"},  # stated: no bound
    )
    years = verify_events(frame, article, published=2024).query("check == 'year'")
    assert rows(years, "year", "result") == [
        (2020, "pass"),
        (2024, "pass"),
        (2019, "fail"),
        (2019, "pass"),
        (2025, "pass"),
    ]


def test_ancestors_of_an_unknown_parent() -> None:
    table = Entities(pd.DataFrame([{"entity": "a", "parent": "haidian", "name_zh": "甲"}]))
    assert table.ancestors("a") == {"haidian"}


def test_mentions_of_two_entities_and_ids_in_chinese() -> None:
    table = Entities(
        pd.DataFrame(
            [
                {"entity": "bj", "parent": "", "name_zh": "北京", "aliases_zh": "京"},
                {"entity": "tj", "parent": "", "name_zh": "天津", "aliases_zh": "京"},
                {"entity": "z", "parent": "", "name_zh": "园区", "aliases_zh": ""},
            ]
        )
    )
    [found] = check_entity(entity_row("z", "京5家"), "京5家", 1, table, None)
    assert (found["found"], found["detail"]) == (
        "bj/tj (京)",
        "the quote names bj/tj, not z",
    )
    assert say(found["detail"], "zh") == "引文提到的是bj、tj，不是z"
    report = pd.DataFrame(
        check_entities_table(
            pd.DataFrame(
                [
                    {
                        "entity": "bj",
                        "kind": "",
                        "parent": "",
                        "name_zh": "北京",
                        "aliases_zh": "京",
                    },
                    {
                        "entity": "tj",
                        "kind": "",
                        "parent": "",
                        "name_zh": "天津",
                        "aliases_zh": "京",
                    },
                ]
            )
        )
    )
    kinds = {kind for kind, _ in named_terms(report)}
    assert kinds == {"entity"}
    nobody = check_entity(
        entity_row("z", "车停稳，没司机"), "车停稳，没司机", 0, table, ARTICLE, ""
    )
    assert {kind for kind, _ in named_terms(pd.DataFrame(nobody))} == {"entity"}


def test_claims_cells_defaults_and_names() -> None:
    obs = observations_frame()
    claims = claims_frame().head(3).copy()
    claims.loc[0, "kind"] = "nonsense"
    claims.loc[1, ["base_year", "year"]] = ["1999", "1998"]
    report = verify_claims(obs, claims)
    assert findings(report.head(2)) == [
        (
            "claim",
            "[1.75, 2)",
            "nonsense",
            "fail",
            "invention_patents_nearly_doubled: unknown kind",
        ),
        (
            "claim",
            "[1.45, 1.55)",
            "",
            "fail",
            "employees_1_5_times_2013: missing employees/zgc/1998, employees/zgc/1999",
        ),
    ]
    assert say(report["detail"].iloc[0], "zh") == "“这一数量已增长近一倍”：未知的论断类型"
    # Without inclusive flags a band is [low, high).
    bare = claims_frame().head(1).drop(columns=["low_inclusive", "high_inclusive"])
    bare.loc[0, "kind"] = "value"
    for low, high, result in [("260000", "300000", "pass"), ("200000", "260000", "fail")]:
        bare.loc[0, ["low", "high"]] = [low, high]
        assert verify_claims(obs, bare)["result"].tolist() == [result]
    unnamed = claims_frame().head(1).assign(quote="", kind="nonsense")
    assert say(verify_claims(obs, unnamed)["detail"].iloc[0], "zh") == (
        "invention_patents_nearly_doubled：未知的论断类型"
    )


def test_decimal_arithmetic_says_why(monkeypatch: pytest.MonkeyPatch) -> None:
    from zgc_cli.check import arithmetic

    for expression in ("1 / 0", "0 / 0"):
        with pytest.raises(ValueError, match="^division by zero$"):
            arithmetic.evaluate_decimal(expression)
    with pytest.raises(ValueError) as error:
        arithmetic.evaluate_decimal("1e400")
    assert str(error.value) == "not a finite number: '1e400'"

    def deep(node: object) -> object:
        raise RecursionError

    monkeypatch.setattr(arithmetic, "_decimal_node", deep)
    with pytest.raises(ValueError, match="^too deeply nested$"):
        arithmetic.evaluate_decimal("1 + 1")


@pytest.mark.parametrize(
    ("text", "unit", "agrees"),
    [
        ("第一", "rank", (True, "第")),
        ("第一", "firms", (False, "第")),
        ("第三家", "firms", (True, "第…家")),
        ("第三个", "clusters", (True, "第…个")),
        ("第三个", "CNY", (False, "第…个")),
    ],
)
def test_ordinals_and_their_counters(text: str, unit: str, agrees: tuple[bool, str]) -> None:
    from zgc_cli.check.units import unit_agrees

    [figure] = parse_figures(text)
    assert unit_agrees(figure, unit) == agrees


def test_the_run_without_entities_or_quotes() -> None:
    evented = events({"date": "1988", "entity": "zgc", "quote": "1988年"})
    report = check.run(Dataset.from_frame(bound_row(), events=evented))
    assert "entity" not in set(report.frame["check"])
    nan_quotes = bound_row(quote=None).drop(columns=["figure"])
    assert "figure" not in set(check.run(Dataset.from_frame(nan_quotes)).frame["check"])
    three = pd.DataFrame([{"entity": "zgc", "name_en": "Zhongguancun", "name_zh": "中关村"}])
    report = check.run(Dataset.from_frame(bound_row(), entities=three))
    assert report.entity_names == {"zgc": {"en": "Zhongguancun", "zh": "中关村"}}
    # A table with one name column keeps those names; the other language is empty, not guessed.
    two = three.drop(columns=["name_en"])
    named = check.run(Dataset.from_frame(bound_row(), entities=two)).entity_names
    assert named == {"zgc": {"en": "", "zh": "中关村"}}
