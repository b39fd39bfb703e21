"""The words the figure parser reads, and the figure it returns.

Bound words before and after a number (超过, 近, 约, 余, 以上), units and counters,
Chinese digits and magnitudes, estimate and target words, the Traditional characters
the parser reads, and :class:`Figure`. Kept apart from the patterns of
:mod:`zgc_cli.model.figures` (which re-exports every name here) so that an addition is
one entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zgc_cli.model.schema import QUALIFIERS

# The qualifier vocabulary is the data's (zgc_cli.model.schema.QUALIFIERS), named here in its order.
EXACT, MORE_THAN, NEARLY, ABOUT, LESS_THAN, ORDER_OF_MAGNITUDE = QUALIFIERS

# Words written before a number. 上 only counts before a bare magnitude (上千, 上百).
PRE_QUALIFIERS: dict[str, str] = {
    "突破": MORE_THAN,
    "超过": MORE_THAN,
    "超出": MORE_THAN,
    "逾": MORE_THAN,
    "超": MORE_THAN,
    "上": MORE_THAN,
    "将近": NEARLY,
    "接近": NEARLY,
    "近": NEARLY,
    "大约": ABOUT,
    "约": ABOUT,
    "不到": LESS_THAN,
    "不足": LESS_THAN,
    "少于": LESS_THAN,
}
# Words written after a number or after its unit.
POST_QUALIFIERS: dict[str, str] = {
    "余": MORE_THAN,
    "多": MORE_THAN,
    "以上": MORE_THAN,
    "左右": ABOUT,
    "量级": ORDER_OF_MAGNITUDE,
    "级": ABOUT,
    "以下": LESS_THAN,
}

# Units and counters, longest first so that 平方公里 wins over 公里 and 人次 over 人.
UNITS: tuple[str, ...] = (
    "平方公里",
    "平方千米",
    "平方米",
    "公里",
    "千米",
    "米",
    "人次",
    "个月",
    "分钟",
    "秒钟",
    "小时",
    "秒",
    "天",
    "年(?!代)",
    "岁",
    "美元",
    "元",
    "比特",
    "参数",
    "人",
    "名",
    "位",
    "家",
    "件",
    "项",
    "个",
    "次",
    "届",
    "款",
    "条",
    "所",
    "座",
    "台",
    "种",
    "栋",
    "核",
    "强",
    "大",
    "倍",
    "成",
    "%",
    "％",
)
PERCENT_UNITS = frozenset({"%", "％", "成"})

ZH_DIGITS: dict[str, int] = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
ZH_SMALL_UNITS: dict[str, int] = {"十": 10, "百": 100, "千": 1000}
ZH_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿"

# Magnitudes that may follow Arabic digits (3.6万亿, 784.7亿, 279万). 千/百 alone are left
# out: after digits they would misread units such as 千米.
ARABIC_MAGNITUDES: dict[str, int] = {
    "万亿": 10**12,
    "千亿": 10**11,
    "百亿": 10**10,
    "十亿": 10**9,
    "千万": 10**7,
    "百万": 10**6,
    "十万": 10**5,
    "万": 10**4,
    "亿": 10**8,
}

# Estimate words: they govern the next figure in the same stretch of text.
ESTIMATE_MARKERS: tuple[str, ...] = ("预计", "有望", "预期", "预测", "估计")

# Target words: a goal a plan sets (到2025年…力争达到50%), not a measurement. 计划 and 规划
# are also nouns of programme names (国家重点研发计划, 火炬计划项目): a target only where a
# time, a verb or a number follows them (计划到2025年, 计划新建, 计划投资100亿元).
TARGET_MARKERS: tuple[str, ...] = ("预期目标", "目标", "力争", "争取", "展望", "计划", "规划")
_PLAN_AS_TARGET = re.compile(
    r"(?:计划|规划)(?=\s*(?:到|在|于|今年|明年|年内|新建|新增|新设|建设|建成|实现|完成|投资|投入"
    r"|引进|培育|推出|打造|形成|达到|增加|提高|提升|突破|超过|开工|落地|招引|[\d一二两三四五六七八九十]))"
)
# As verbs of a goal (aims to, plans to, a target of): "targeted industries", "planned zones"
# and a "goal" in a name set no target.
_ENGLISH_TARGET = re.compile(
    r"\b(?:aims? (?:to|for)|aiming (?:to|for)|plans? to|planning to|seeks? to|strives? to"
    r"|targets? (?:of|to)|targeting|is targeted to|(?:a|the|its) goal (?:of|is)|sets? a goal"
    r"|(?:is|are) to (?:reach|top|exceed|grow|rise|hit|increase|double|account)"
    r"|under (?:the|its|their|a) [\w'’ -]{0,40}?plan\b)\b",
    re.I,
)


# 预期 right before the verb is a government report's planned figure (预期性指标: 预期增长5%左右),
# a target; 预计 and 预期 elsewhere (市场预期) stay forecasts. 按照安排…将: a plan's.
_PLANNED_EXPECTATION = re.compile(
    r"预期(?=增长|增速|达到|提高|下降|控制)"
    # 按照安排，二季度将组建规模500亿元的基金: what an arrangement says will be done
    r"|(?:按照|根据|按)(?:工作)?安排(?=[^。！？]*将)"
)


def target_marker(text: str) -> str | None:
    """The target word in ``text`` (目标, 力争, a 计划 that plans), or None."""
    planned = _PLANNED_EXPECTATION.search(text)
    if planned is not None:
        return planned.group()
    for marker in TARGET_MARKERS:
        if marker in ("计划", "规划"):
            planning = _PLAN_AS_TARGET.search(text)
            if planning is not None:
                return planning.group()
        elif marker in text:
            return marker
    english = _ENGLISH_TARGET.search(text)
    return english.group() if english else None


def target_marker_before(text: str, figure: Figure) -> str | None:
    """The target word before ``figure`` in its sentence of ``text``, if any."""
    opened = max(text.rfind(end, 0, figure.start) for end in ("。", "！", "？", ". "))
    return target_marker(text[opened + 1 : figure.start])


# A size class in a noun's definition (亿元以上企业, 超千亿元企业, 万亿级产业集群): the
# figure names a threshold, it does not measure anything.
THRESHOLD_NOUNS: tuple[str, ...] = ("企业", "公司", "产业集群", "产业")

# --- Wordings `zgc extract` meets in other texts (additions; the article's are above) ----
#
# Kept apart so that each addition is one entry: units and counters of bulletins and
# news reports, bound words, fractions (三分之一, 百分之三十), doublings (翻一番),
# percentage points (个百分点), numbers grouped by commas (6,758), the Traditional
# script (億, 萬, 項: read through a same-length mapping, so offsets and the figure's
# text stay the passage's own) and English wire wordings ($34.49 billion, 5.2 percent).

# Units and counters tried before UNITS (个百分点 before 个).
EXTRA_UNITS: tuple[str, ...] = (
    "个百分点",
    "百分点",
    "公顷",
    "万千瓦",
    "千瓦",
    "吨",
    "辆",
    "颗",
    "枚",
    "架",
    "户",
    "套",
    "篇",
    "场",
    "类",
    "港元",
    "欧元",
)
EXTRA_PRE_QUALIFIERS: dict[str, str] = {
    "不少于": MORE_THAN,
    "不低于": MORE_THAN,  # not below: at least
    "过": MORE_THAN,  # 过万: only before a bare magnitude, as 上
    "至少": MORE_THAN,
    "高于": MORE_THAN,
    "不超过": LESS_THAN,
    "低于": LESS_THAN,
    "最多": LESS_THAN,
    "近乎": NEARLY,
    "约合": ABOUT,
    "大概": ABOUT,
    "数": ORDER_OF_MAGNITUDE,  # 数十家, 数百项: only before 十百千万, tens or hundreds of
}
EXTRA_POST_QUALIFIERS: dict[str, str] = {
    "以内": LESS_THAN,
    "上下": ABOUT,
    "有余": MORE_THAN,
}
PRE_QUALIFIERS.update(EXTRA_PRE_QUALIFIERS)
POST_QUALIFIERS.update(EXTRA_POST_QUALIFIERS)
# Words of the Traditional script the parser reads, each mapped to its simplified form.
TRADITIONAL_TO_SIMPLIFIED = str.maketrans(
    "億萬兩項個屆臺條種棟強餘約將過預計劃標點數實際達長較為佔與們會發專戶輛顆場隊業產額幣總資增園區範圍國選於內",
    "亿万两项个届台条种栋强余约将过预计划标点数实际达长较为占与们会发专户辆颗场队业产额币总资增园区范围国选于内",
)


@dataclass(frozen=True)
class Figure:
    """One figure as written in a passage.

    Attributes:
        value: the number in base units (yuan, persons, percent for 成/一半/%).
        qualifier: one of :data:`QUALIFIERS`, read from the words around the number.
        text: the wording as written, qualifiers included (``近9800亿元``).
        unit_suffix: the unit or counter after the number (``元``, ``家``); ``%`` for
            shares (also when written 成 or 一半); ``第`` for ordinals and ranks.
        start: offset of ``text`` in the parsed passage.
        is_threshold: the figure defines a size class (``亿元以上企业``) rather than
            measuring a quantity.
    """

    value: float
    qualifier: str
    text: str
    unit_suffix: str
    start: int = -1
    is_threshold: bool = False

    @property
    def end(self) -> int:
        return self.start + len(self.text)
