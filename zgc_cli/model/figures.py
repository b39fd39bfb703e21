"""Read the figures written in a Chinese news passage.

The parser turns wordings such as ``近9800亿元``, ``55万余名``, ``四成以上`` or ``第四``
into a :class:`Figure`: a value in base units (yuan, persons, percent, ...) plus the
qualifier the wording puts on it (``exact``, ``more_than``, ``nearly``, ``about``,
``less_than``).

What is *not* a figure, and why:

* Years and dates (``2023年``, ``2012～2022年``, ``5月26日``, ``四月``): they date a figure.
* Numbers glued to Latin letters (``5G``, ``X86``, ``龙芯3A6000``) and bare numbers with
  no unit, magnitude or qualifier (``悟道2.0``, ``4.0时代``): they are names or versions.
* The numeral 一 used as the indefinite article (``一家``, ``一批``); it still counts in
  ``一倍``, ``一成``, ``一半`` and ordinals (``第一``).
* Denominators after 每 (``每万人``) and Party congress names (``党的十八大``).

Values are computed with :class:`decimal.Decimal` so that ``784.7亿`` becomes exactly
``78470000000.0`` and not ``78469999999.99999``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

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
    r"|targets? (?:of|to)|targeting|is targeted to|(?:a|the|its) goal (?:of|is)|sets? a goal)\b",
    re.I,
)


def target_marker(text: str) -> str | None:
    """The target word in ``text`` (目标, 力争, a 计划 that plans), or None."""
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
    "过": MORE_THAN,  # 过万: only before a bare magnitude, as 上
    "至少": MORE_THAN,
    "高于": MORE_THAN,
    "不超过": LESS_THAN,
    "低于": LESS_THAN,
    "最多": LESS_THAN,
    "近乎": NEARLY,
    "约合": ABOUT,
    "大概": ABOUT,
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
_FRACTION = (
    rf"(?P<fraction>(?P<denominator>[{ZH_NUMERAL_CHARS}]+|\d+)分之"
    rf"(?P<numerator>\d+(?:\.\d+)?|[{ZH_NUMERAL_CHARS}点]+))"
    r"(?P<fraction_post>以上|左右|以下|多|强)?"
)
_DOUBLING = r"(?P<doubling>翻了?(?P<doublings>[一两二三四])番)(?P<doubling_post>多|有余)?"
# 6,758 or 1,897: digits grouped by commas, read as one number.
_GROUPED = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])"

_YEAR_SEP = r"[～~〜\-—–至到]"


def _alternation(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_PRE = (
    r"(?P<pre>"
    + _alternation([w for w in PRE_QUALIFIERS if w not in ("上", "过")])
    + r"|(?<![迈登跃站走])[上过](?=[千百万亿]))?"
)
_POST = _alternation(list(POST_QUALIFIERS))

FIGURE_PATTERN = re.compile(
    # Years, year ranges and dates are consumed first so that they never become figures.
    rf"(?P<year_range>(?<![\d.])\d{{4}}\s*{_YEAR_SEP}\s*\d{{4}}\s*年)"
    r"|(?P<year>(?<![\d.])\d{4}\s*年(?!代))"
    r"|(?P<date>(?<![\d.])(?:\d{1,2}|[一二三四五六七八九十]{1,3})[月日])"
    r"|(?P<from_none>从无到有)"
    r"|(?P<first_place>(?<=[居列在持国球界市省区城])首位)"
    rf"|{_PRE}(?:(?P<half>一半)|{_FRACTION}|{_DOUBLING}"
    rf"|第(?P<ordinal>\d+|[{ZH_NUMERAL_CHARS}]+)(?P<ordinal_counter>个|次|届|名|位|家|项|批|期)?"
    r"|(?:(?P<arabic>(?<![A-Za-z\d.,])(?:" + _GROUPED + r"|\d+(?:\.\d+)?)(?![\d.]?[A-Za-z]))"
    rf"(?P<magnitude>{_alternation(list(ARABIC_MAGNITUDES))})?"
    rf"|(?P<zh>[{ZH_NUMERAL_CHARS}]+))"
    r"(?P<post_number>余|多)?"
    rf"(?P<unit>{'|'.join((*EXTRA_UNITS, *UNITS))})?"
    rf"(?P<post_unit>{_POST})?)"
)

YEAR_PATTERN = re.compile(rf"(?<![\d.])(\d{{4}})(?=\s*(?:年|{_YEAR_SEP}\s*\d{{4}}\s*年))")


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


def zh_numeral_to_int(numeral: str) -> int:
    """Convert a Chinese numeral (二十二, 千亿, 万亿, 三) to an int."""
    total = 0  # completed 亿 groups
    below_yi = 0  # completed 万 groups under the current 亿
    section = 0  # the part below 万
    digit = 0
    for char in numeral:
        if char in ZH_DIGITS:
            digit = ZH_DIGITS[char]
        elif char in ZH_SMALL_UNITS:
            # 十 alone means 10, not 0 x 10.
            section += (digit or 1) * ZH_SMALL_UNITS[char]
            digit = 0
        elif char == "万":
            below_yi += ((section + digit) or 1) * 10**4
            section = digit = 0
        elif char == "亿":
            total += ((below_yi + section + digit) or 1) * 10**8
            below_yi = section = digit = 0
        else:
            raise ValueError(f"not a Chinese numeral: {numeral!r}")
    return total + below_yi + section + digit


def _qualifier(pre: str | None, *posts: str | None) -> str:
    # The word before the number wins: 超200多 is still "more than".
    if pre:
        return PRE_QUALIFIERS[pre]
    for post in posts:
        if post:
            return POST_QUALIFIERS[post]
    return EXACT


def _is_threshold(text: str, end: int, unit: str) -> bool:
    return unit in ("元", "") and text.startswith(THRESHOLD_NOUNS, end)


def _figure_from_match(match: re.Match[str], text: str) -> Figure | None:
    """Build a Figure from a regex match, or None when the match is not a figure."""
    groups = match.groupdict()
    if groups["year_range"] or groups["year"] or groups["date"]:
        return None
    start, end = match.start(), match.end()
    if text[max(0, start - 1) : start] == "每":
        return None  # 每万人: a denominator
    if groups["from_none"]:
        return Figure(0.0, EXACT, match.group(), "", start)
    pre = groups["pre"]
    if groups["half"]:
        return Figure(50.0, _qualifier(pre), match.group(), "%", start)
    if groups["ordinal"]:
        ordinal = groups["ordinal"]
        rank = int(ordinal) if ordinal.isdigit() else zh_numeral_to_int(ordinal)
        # An ordinal ends at its counter; anything after (以上, 多) belongs elsewhere.
        ordinal_end = match.start("ordinal") + len(ordinal) + len(groups["ordinal_counter"] or "")
        return Figure(float(rank), EXACT, text[start:ordinal_end], "第", start)

    unit = groups["unit"] or ""
    post_number, post_unit = groups["post_number"], groups["post_unit"]
    arabic, magnitude, zh = groups["arabic"], groups["magnitude"], groups["zh"]
    if zh:
        if text[max(0, start - 2) : start] == "党的" and unit == "大":
            return None  # 党的十八大: a Party congress, not ten-and-eight of anything
        if zh == "一" and unit not in ("倍", "成"):
            return None  # 一家, 一批: the indefinite article
        if unit == "类" and "\u4e00" <= text[end : end + 1] <= "\u9fff":
            return None  # 三类医疗器械, 一类新药: a class's name, not a count of kinds
        # Chinese numerals need a unit or a qualifier word to be a figure (百度 is a name).
        if not (unit or post_number or post_unit):
            return None
        number: Decimal = Decimal(zh_numeral_to_int(zh))
    else:
        # Bare Arabic numbers (悟道2.0, 2023中国...) are names, versions or labels.
        if not (unit or magnitude or post_number or post_unit):
            return None
        number = Decimal(arabic.replace(",", "")) * ARABIC_MAGNITUDES.get(magnitude or "", 1)
    if unit == "成":
        number *= 10  # 四成 = 40 percent
    unit_suffix = "%" if unit in PERCENT_UNITS else unit
    return Figure(
        value=float(number),
        qualifier=_qualifier(pre, post_number, post_unit),
        text=match.group(),
        unit_suffix=unit_suffix,
        start=start,
        is_threshold=_is_threshold(text, end, unit),
    )


def parse_figures(text: str) -> list[Figure]:
    """Every figure written in ``text``, in reading order.

    Chinese wordings in either script, and English ones (see :func:`parse_english_figures`)
    where the text has Latin letters; a figure's ``text`` is always the passage's own.
    """
    read = text.translate(TRADITIONAL_TO_SIMPLIFIED)
    figures = []
    for match in FIGURE_PATTERN.finditer(read):
        figure = _extra_figure(match, read)
        if figure is None:
            figure = _figure_from_match(match, read)
        if figure is not None:
            if read is not text:
                figure = replace(figure, text=text[figure.start : figure.end])
            figures.append(figure)
    figures = [_about_share(figure, read) for figure in figures]
    if _LATIN.search(text):
        taken = [(figure.start, figure.end) for figure in figures]
        english = [
            figure
            for figure in parse_english_figures(text)
            if not any(start < figure.end and figure.start < end for start, end in taken)
        ]
        if english:
            figures = sorted([*figures, *english], key=lambda figure: figure.start)
    return figures


def years_in(text: str) -> set[int]:
    """The years a passage names (2023年, both ends of 2012～2022年)."""
    return {int(year) for year in YEAR_PATTERN.findall(text)}


def estimate_marker_before(text: str, figure: Figure, figures: list[Figure]) -> str | None:
    """The estimate word (预计, 有望...) governing ``figure``, if any.

    The word must stand between the previous figure and this one, so that in
    "从2014年的3.6万亿元提高到2023年的预计8.6万亿元" only 8.6万亿 is an estimate.
    """
    previous_end = max((f.end for f in figures if f.end <= figure.start), default=0)
    stretch = text[previous_end : figure.start]
    return next((marker for marker in ESTIMATE_MARKERS if marker in stretch), None)


# --- extract's additions: fractions, doublings, English ---------------------------------


def _zh_or_arabic(number: str) -> Decimal:
    if number[0].isdigit():
        return Decimal(number)
    if "点" in number:  # 三点五: 3.5
        whole, _, decimals = number.partition("点")
        digits = "".join(str(ZH_DIGITS[char]) for char in decimals)
        return Decimal(zh_numeral_to_int(whole) if whole else 0) + Decimal(f"0.{digits or 0}")
    return Decimal(zh_numeral_to_int(number))


def _extra_figure(match: re.Match[str], text: str) -> Figure | None:
    """A fraction (三分之一, 百分之三十: percent) or a doubling (翻一番: 2 times), else None."""
    groups = match.groupdict()
    pre = groups["pre"]
    if groups["first_place"]:  # 居全国首位: rank 1
        return Figure(1.0, EXACT, match.group(), "第", match.start())
    if groups["fraction"]:
        denominator = _zh_or_arabic(groups["denominator"])
        numerator = _zh_or_arabic(groups["numerator"])
        if not denominator:
            return None
        value = numerator * 100 / denominator
        qualifier = _qualifier(
            pre, groups["fraction_post"] if groups["fraction_post"] != "强" else "多"
        )
        return Figure(float(value), qualifier, match.group(), "%", match.start())
    if groups["doubling"]:
        times = 2 ** ZH_DIGITS[groups["doublings"]]
        qualifier = _qualifier(pre, groups["doubling_post"])
        return Figure(float(times), qualifier, match.group(), "倍", match.start())
    return None


_LATIN = re.compile(r"[A-Za-z]")
# 约占全国的13.9%, 约为上年的2倍: the 约 of the clause bounds its exact figure.
_ABOUT_CLAUSE = re.compile(r"(?:约占|大约占|约为|约是|约相当于)[^，。；,;\d]{0,12}$")


def _about_share(figure: Figure, text: str) -> Figure:
    if figure.qualifier != EXACT or figure.unit_suffix not in ("%", "倍"):
        return figure
    if _ABOUT_CLAUSE.search(text, max(0, figure.start - 16), figure.start):
        return replace(figure, qualifier=ABOUT)
    return figure


# English bound words, as the Chinese ones above.
ENGLISH_QUALIFIERS: dict[str, str] = {
    "more than": MORE_THAN,
    "over": MORE_THAN,
    "above": MORE_THAN,
    "exceeding": MORE_THAN,
    "exceed": MORE_THAN,
    "exceeds": MORE_THAN,
    "exceeded": MORE_THAN,
    "surpass": MORE_THAN,
    "surpassed": MORE_THAN,
    "at least": MORE_THAN,
    "topped": MORE_THAN,
    "topping": MORE_THAN,
    "upwards of": MORE_THAN,
    "nearly": NEARLY,
    "almost": NEARLY,
    "close to": NEARLY,
    "about": ABOUT,
    "around": ABOUT,
    "approximately": ABOUT,
    "roughly": ABOUT,
    "some": ABOUT,
    "an estimated": ABOUT,
    "less than": LESS_THAN,
    "fewer than": LESS_THAN,
    "under": LESS_THAN,
    "below": LESS_THAN,
    "up to": LESS_THAN,
    "no more than": LESS_THAN,
}
ENGLISH_POST_QUALIFIERS: dict[str, str] = {
    "or more": MORE_THAN,
    "and above": MORE_THAN,
    "plus": MORE_THAN,
}
ENGLISH_MAGNITUDES: dict[str, int] = {
    "trillion": 10**12,
    "billion": 10**9,
    "million": 10**6,
    "thousand": 10**3,
    "tn": 10**12,
    "bn": 10**9,
    "mn": 10**6,
}
# English unit words -> the Chinese unit word the checks know them by (Figure.unit_suffix).
ENGLISH_UNITS: dict[str, str] = {
    "percentage points": "个百分点",
    "percentage point": "个百分点",
    "per cent": "%",
    "percent": "%",
    "%": "%",
    "yuan": "元",
    "us dollars": "美元",
    "u.s. dollars": "美元",
    "dollars": "美元",
    "square kilometers": "平方公里",
    "square kilometres": "平方公里",
    "sq km": "平方公里",
    "km2": "平方公里",
    "kilometers": "公里",
    "kilometres": "公里",
    "km": "公里",
    "times": "倍",
    "-fold": "倍",
    "fold": "倍",
}
# Counted nouns within a few words of a number: what it counts, as a Chinese counter.
ENGLISH_COUNTED: dict[str, str] = {
    "firms": "家",
    "companies": "家",
    "enterprises": "家",
    "businesses": "家",
    "startups": "家",
    "unicorns": "家",
    "incubators": "家",
    "institutions": "家",
    "centers": "家",
    "centres": "家",
    "parks": "家",
    "people": "人",
    "persons": "人",
    "residents": "人",
    "researchers": "人",
    "employees": "人",
    "workers": "人",
    "scientists": "人",
    "academicians": "人",
    "professionals": "人",
    "personnel": "人",
    "staff": "人",
    "returnees": "人",
    "jobs": "人",
    "technicians": "人",
    "talents": "人",
    "branches": "家",
    "awards": "项",
    "industries": "个",
    "products": "款",
    "vehicles": "辆",
    "roads": "条",
    "graduates": "人",
    "patents": "件",
    "models": "款",
    "launches": "次",
    "projects": "项",
    "programs": "项",
    "programmes": "项",
    "laboratories": "家",
    "labs": "家",
    "institutes": "家",
    "hospitals": "家",
    "organizations": "家",
    "organisations": "家",
    "universities": "所",
    "colleges": "所",
    "headquarters": "个",
    "parameters": "参数",
    "contracts": "项",
    "investments": "项",
    "policies": "项",
    "measures": "项",
    "achievements": "项",
    "trips": "人次",
    "person-trips": "人次",
    "visits": "人次",
    "cores": "核",
    "editions": "届",
    "provinces": "个",
    "regions": "个",
    "bases": "个",
    "clusters": "个",
    "consortia": "个",
}
ENGLISH_ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}


# Numbers written as words (sixteen parks, forty-seven models, a dozen firms). "one" is
# read only before a magnitude (one million): alone it is mostly a pronoun (one of them).
_ENGLISH_UNITS_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_ENGLISH_TENS_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
ENGLISH_NUMBER_WORDS: dict[str, int] = {
    **{word: value for value, word in enumerate(_ENGLISH_UNITS_WORDS, start=1)},
    **{word: value * 10 for value, word in enumerate(_ENGLISH_TENS_WORDS, start=2)},
    **{
        f"{tens}-{unit}": value * 10 + ones
        for value, tens in enumerate(_ENGLISH_TENS_WORDS, start=2)
        for ones, unit in enumerate(_ENGLISH_UNITS_WORDS[:9], start=1)
    },
    "a dozen": 12,
    "dozen": 12,
    "a hundred": 100,
    "one hundred": 100,
}


def _english_alternation(words: object) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


ENGLISH_FIGURE_PATTERN = re.compile(
    r"(?:(?P<rank_word>\b(?:ranked|ranks|ranking|placed|came)\s+(?:No\.\s*)?)"
    r"(?P<rank>" + _english_alternation(ENGLISH_ORDINALS) + r"|\d+(?:st|nd|rd|th))\b)"
    r"|(?:(?P<pre>\b(?:" + _english_alternation(ENGLISH_QUALIFIERS) + r"))\s+)?"
    r"(?P<currency>US\$|\$|RMB\s?|CNY\s?|USD\s?|¥)?"
    r"(?P<number>(?<![0-9.,])(?:(?<=RMB)|(?<=CNY)|(?<=USD)|(?<![A-Za-z_]))(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w.]?\d)"
    r"|(?<![\w-])(?:" + _english_alternation(ENGLISH_NUMBER_WORDS) + r")(?![\w-]))"
    r"(?:\s?(?P<magnitude>" + _english_alternation(ENGLISH_MAGNITUDES) + r")\b)?"
    r"(?:\s?(?P<unit>"
    + _english_alternation([w for w in ENGLISH_UNITS if w != "%"])
    + r")\b|\s?(?P<percent>%))?"
    r"(?P<post>\s(?:" + _english_alternation(ENGLISH_POST_QUALIFIERS) + r")\b)?",
    re.IGNORECASE,
)
# A bare number compared with the figure before it has that figure's unit.
_INHERITS = re.compile(
    r"\b(?:up|down)?\s*from\s+$|\bcompared with\s+$|\bversus\s+$|\bagainst\s+$"
    r"|\bstood at\s+$"
)
_OF_THEM = re.compile(
    r"\s+(?:of\s+(?:them|whom|which)|came from|were from|are from|had been|have been|were)\b"
)
# "47 of the 107 models": the part counts what the whole after it counts.
_OF_THE_COUNTED = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|China's\s+)?[\d,]+\s*")
# "Of the 107 large models cleared by April, 47 came from…": the part counts the whole's unit.
# The sentence may open after a dateline (BEIJING, May 6 -- Of the 107…).
_OF_THE_WHOLE = re.compile(
    r"(?:^|[.;]\s+|--\s*|—\s*)Of\s+(?:the|all|its|their)\s+[^.;]*,\s*$", re.I
)
# A list's name may stand between (90 Fortune Global 500 companies).
_ENGLISH_NOUN = re.compile(
    r"\s*(?:[A-Za-z][\w'-]*\s+|(?:(?<=Fortune )|(?<=Global )|(?<=Forbes ))\d+\s+){0,4}"
    r"(?P<noun>[A-Za-z][\w-]*)"
)
# Words after which a bare number is a figure whose noun came before (contracts numbered 6,758).
_COUNT_VERBS = re.compile(r"\b(?:numbered|totaled|totalled|figure was|number was)\s+$")
# Fortune Global 500 companies, the Forbes 2000: a list's name.
_LIST_NAME_BEFORE = re.compile(r"\b(?:Fortune|Global|Forbes)\s+$")
# The world's top 100, the top 10 list: a list's size, not a measure.
_LIST_SIZE_BEFORE = re.compile(r"\btop\s+$", re.I)
# About half of, more than half the, nearly half: a share, as 一半.
_LIST = re.compile(r"\blists?\b|\branking\b", re.I)
# About half of, more than half the, nearly half: a share, as 一半; the first half of a
# year is a period.
_HALF_BOUNDS = "more than|over|nearly|almost|about|around|roughly|close to|less than|under"
_HALF = re.compile(
    rf"(?:\b(?P<pre>{_HALF_BOUNDS})\s+)?(?<!first )(?<!second )(?<!the )(?<!a )(?<!-)"
    r"\b(?P<half>half)\b(?=\s+(?:of|the)\b)",
    re.I,
)
# "times" is a ratio before these words (2.4 times the 2011 total), else a count (held 14 times).
_RATIO_AFTER = re.compile(r"\s+(?:the|as|that|of|higher|larger|more|bigger|greater)\b", re.I)


def _english_counted(text: str, end: int) -> str:
    """The counter of a counted noun within four words after ``end``, or ''."""
    match = _ENGLISH_NOUN.match(text, end)
    if match is None:
        return ""
    words = text[end : match.end()].lower().split()
    for word in words:
        if word in ENGLISH_COUNTED:
            return ENGLISH_COUNTED[word]
    return ""


def parse_english_figures(text: str) -> list[Figure]:
    """Figures written in English: ``$34.49 billion``, ``5.2 percent``, ``more than 600 firms``.

    A number needs a currency, a magnitude word, a unit, a bound word or a counted
    noun within four words to be a figure: bare numbers are years, names or labels.
    """
    figures = []
    last_unit = ""
    for match in ENGLISH_FIGURE_PATTERN.finditer(text):
        groups = match.groupdict()
        if groups["rank"]:
            rank = groups["rank"].lower()
            value = ENGLISH_ORDINALS.get(rank) or int(re.sub(r"\D", "", rank))
            start = match.start("rank")
            figures.append(Figure(float(value), EXACT, text[start : match.end()], "第", start))
            continue
        if re.search(r"\b(?:every|per|each)\s+$", text[max(0, match.start() - 7) : match.start()]):
            continue  # per 10,000 people: a denominator
        if (
            not groups["pre"]
            and _LIST_SIZE_BEFORE.search(text, max(0, match.start() - 5), match.start())
            and not _LIST.search(text, max(0, match.start() - 40), match.end() + 30)
        ):
            continue  # among the world's top 100: a ranking's size; a list of the top 100 counts
        if _LIST_NAME_BEFORE.search(text, max(0, match.start() - 8), match.start()):
            continue  # Fortune Global 500: a name
        written = groups["number"].lower()
        magnitude = (groups["magnitude"] or "").lower()
        if written in ENGLISH_NUMBER_WORDS:
            if written == "one" and not magnitude:
                continue  # one of them, one firm: a pronoun or an article
            if re.search(r"\b(?:the|these|those|its|their|both)\s+$", text[: match.start()], re.I):
                continue  # the two neighbouring regions: things named before, not a count
            number = Decimal(ENGLISH_NUMBER_WORDS[written])
        else:
            number = Decimal(written.replace(",", ""))
        unit_word = (groups["unit"] or groups["percent"] or "").lower()
        unit = ENGLISH_UNITS.get(unit_word, "")
        if unit_word == "times" and not _RATIO_AFTER.match(text, match.end()):
            unit = "次"  # held 14 times: a count
        if groups["currency"]:
            currency = groups["currency"].strip().upper()
            unit = "元" if currency in ("RMB", "CNY", "¥") else "美元"
        elif not unit:
            unit = _english_counted(text, match.end())
            among = _OF_THE_COUNTED.match(text, match.end())
            if not unit and among is not None:
                unit = _english_counted(text, among.end())  # 47 of the 107 models
            opened = _OF_THE_WHOLE.search(text, max(0, match.start() - 160), match.start())
            if last_unit and opened is not None:
                unit = last_unit  # Of the 107 models…, forty-seven were: the whole's unit
        preceding = text[max(0, match.start() - 20) : match.start()]
        if not unit and not magnitude and last_unit and _INHERITS.search(preceding):
            if not re.fullmatch(r"(?:19|20)\d\d", groups["number"]):
                unit = last_unit  # 487 listed companies, up from 224: the same unit
        if not unit and last_unit and _OF_THEM.match(text, match.end()):
            unit = last_unit  # 2.79 million employees…, and 63,000 of them
        counted_before = bool(_COUNT_VERBS.search(preceding))
        if not (unit or magnitude or groups["pre"] or groups["post"] or counted_before):
            continue  # a bare number: a year, a name, a label
        if 1900 <= number <= 2100 and not (unit or magnitude) and "." not in groups["number"]:
            continue  # a year after a bound word: "over 2023"
        scaled = number * ENGLISH_MAGNITUDES.get(magnitude, 1)
        pre = (groups["pre"] or "").lower()
        post = (groups["post"] or "").strip().lower()
        qualifier = ENGLISH_QUALIFIERS.get(pre) or ENGLISH_POST_QUALIFIERS.get(post) or EXACT
        start = match.start("pre") if groups["pre"] else match.start()
        figures.append(Figure(float(scaled), qualifier, text[start : match.end()], unit, start))
        if unit not in ("倍", "%", "个百分点", "第", "次", "元", "美元"):
            last_unit = unit  # what "of them" and "up from 224" count
    for half in _HALF.finditer(text):
        pre = (half.group("pre") or "").lower()
        qualifier = ENGLISH_QUALIFIERS.get(pre, EXACT)
        figures.append(Figure(50.0, qualifier, half.group(), "%", half.start()))
    return sorted(figures, key=lambda figure: figure.start)


# --- the written precision of a figure (what zgc_cli.stats.intervals reads) --------------

# Bounds that include their number (the Civil Code of the PRC, art. 1259: 以上, 以下, 以内
# include it; 超过, 不满 exclude it). The qualifier stays more_than/less_than.
INCLUSIVE_WORDS: tuple[str, ...] = ("以上", "以下", "以内", "不超过")
# Counters of things counted one by one: a count written to the ones place, with no
# magnitude word and no decimals, is exact (1897家, 56项, 13次). A measure (元, 公里, %, 倍)
# written so is still rounded to its last digit.
COUNTERS = frozenset(
    {"人次", "人", "名", "位", "家", "件", "项", "个", "次", "届", "款", "条", "所", "座", "台"}
    | {"种", "栋", "核", "强", "大", "参数", "类", ""}
)
_PLACE_CHARS = "十百千万亿"


@dataclass(frozen=True)
class WrittenPrecision:
    """How precisely a figure is written.

    Attributes:
        value: the figure's value in base units (as :class:`Figure` has it).
        step: s, the step of the last written digit (3.6万亿 → 1000亿; 279万 → 1万; 1.5倍
            → 0.1); 0 for an exact count (1897家) and an ordinal (第一).
        nonzero_step: s_nz, the step of the last non-zero written digit (3000万 → 1000万;
            30余 → 10; 上千 → 1000; 四成 → 10).
        inclusive: a bound that includes its number (以上, 以下, 以内, 不超过).
    """

    value: float
    step: float
    nonzero_step: float
    inclusive: bool


def _trailing_zeros(digits: str) -> int:
    stripped = digits.rstrip("0")
    return len(digits) - len(stripped) if stripped else 0


def _arabic_steps(number: str, scale: Decimal, counted: bool) -> tuple[Decimal, Decimal]:
    whole, _, decimals = number.partition(".")
    if decimals:
        last_nonzero = len(decimals.rstrip("0"))
        nonzero = (
            Decimal(10) ** -last_nonzero if last_nonzero else Decimal(10) ** _trailing_zeros(whole)
        )
        return Decimal(10) ** -len(decimals) * scale, nonzero * scale
    nonzero = Decimal(10) ** _trailing_zeros(whole) * scale
    step = Decimal(0) if counted and scale == 1 else scale
    return step, nonzero


def _zh_steps(numeral: str, scale: Decimal, counted: bool) -> tuple[Decimal, Decimal]:
    value = zh_numeral_to_int(numeral)
    nonzero = Decimal(10) ** _trailing_zeros(str(value)) if value else Decimal(1)
    if numeral[-1] in _PLACE_CHARS:  # 三千, 九百五十: the last written digit is that place's
        return nonzero * scale, nonzero * scale
    # 二十二项 is a count to the ones place, as 22项 is.
    return Decimal(0 if counted and scale == 1 else 1) * scale, nonzero * scale


def written_precision(text: str) -> WrittenPrecision | None:
    """The written steps of the first figure in ``text`` (see :class:`WrittenPrecision`).

    Read by :data:`FIGURE_PATTERN`, the one parser of figures; None when ``text``
    holds no figure.
    """
    for match in FIGURE_PATTERN.finditer(text):
        figure = _figure_from_match(match, text)
        if figure is None:
            continue
        groups = match.groupdict()
        inclusive = any(word in text for word in INCLUSIVE_WORDS)
        if groups["ordinal"] or groups["from_none"]:
            return WrittenPrecision(figure.value, 0.0, 1.0, inclusive)
        if groups["half"]:  # 一半: as 五成
            return WrittenPrecision(figure.value, 10.0, 10.0, inclusive)
        unit = groups["unit"] or ""
        scale = Decimal(10 if unit == "成" else 1)
        if groups["zh"]:
            step, nonzero = _zh_steps(groups["zh"], scale, unit in COUNTERS)
        else:
            magnitude = groups["magnitude"]
            scale *= ARABIC_MAGNITUDES.get(magnitude or "", 1)
            step, nonzero = _arabic_steps(groups["arabic"], scale, unit in COUNTERS)
        return WrittenPrecision(figure.value, float(step), float(nonzero), inclusive)
    return None
