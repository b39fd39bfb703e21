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

The words it reads and :class:`Figure` live in :mod:`zgc_cli.model.figure_words`, the
English wordings in :mod:`zgc_cli.model.figures_english`; every name of both is
importable from here, as before they were split out.

Values are computed with :class:`decimal.Decimal` so that ``784.7亿`` becomes exactly
``78470000000.0`` and not ``78469999999.99999``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from zgc_cli.model.figure_words import (
    ABOUT,
    ARABIC_MAGNITUDES,
    ESTIMATE_MARKERS,
    EXACT,
    EXTRA_POST_QUALIFIERS,
    EXTRA_PRE_QUALIFIERS,
    EXTRA_UNITS,
    LESS_THAN,
    MORE_THAN,
    NEARLY,
    ORDER_OF_MAGNITUDE,
    PERCENT_UNITS,
    POST_QUALIFIERS,
    PRE_QUALIFIERS,
    QUALIFIERS,
    TARGET_MARKERS,
    THRESHOLD_NOUNS,
    TRADITIONAL_TO_SIMPLIFIED,
    UNITS,
    ZH_DIGITS,
    ZH_NUMERAL_CHARS,
    ZH_SMALL_UNITS,
    Figure,
    target_marker,
    target_marker_before,
)
from zgc_cli.model.figures_bounds import about_share, shared_bounds

# This module's names, and those of its vocabulary (the English parser's are its own).
__all__ = [
    "QUALIFIERS",
    "ABOUT",
    "ARABIC_MAGNITUDES",
    "COUNTERS",
    "ESTIMATE_MARKERS",
    "EXACT",
    "EXTRA_POST_QUALIFIERS",
    "EXTRA_PRE_QUALIFIERS",
    "EXTRA_UNITS",
    "FIGURE_PATTERN",
    "Figure",
    "LESS_THAN",
    "MORE_THAN",
    "NEARLY",
    "ORDER_OF_MAGNITUDE",
    "PERCENT_UNITS",
    "POST_QUALIFIERS",
    "PRE_QUALIFIERS",
    "TARGET_MARKERS",
    "THRESHOLD_NOUNS",
    "TRADITIONAL_TO_SIMPLIFIED",
    "UNITS",
    "WrittenPrecision",
    "YEAR_PATTERN",
    "ZH_DIGITS",
    "ZH_NUMERAL_CHARS",
    "ZH_SMALL_UNITS",
    "estimate_marker_before",
    "parse_figures",
    "target_marker",
    "target_marker_before",
    "written_precision",
    "years_in",
    "zh_numeral_to_int",
]


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
    + _alternation([w for w in PRE_QUALIFIERS if w not in ("上", "过", "数")])
    + r"|(?<![迈登跃站走])(?:上(?=[千百万亿])|过(?=[千百万亿半]))|数(?=[十百千万]))?"
)
_POST = _alternation(list(POST_QUALIFIERS))

FIGURE_PATTERN = re.compile(
    # Years, year ranges and dates are consumed first so that they never become figures.
    rf"(?P<year_range>(?<![\d.])\d{{4}}\s*{_YEAR_SEP}\s*\d{{4}}\s*年)"
    r"|(?P<year>(?<![\d.])\d{4}\s*年(?!代))"
    r"|(?P<date>(?<![\d.])(?:\d{1,2}|[一二三四五六七八九十]{1,3})[月日])"
    r"|(?P<from_none>从无到有)"
    r"|(?P<first_place>(?<=[居列在持国球界市省区城])首位)"
    rf"|{_PRE}(?:(?P<half>一半|半数|(?<=[过逾])半(?![\u4e00-\u9fff]))(?P<half_post>以上|多|左右)?|{_FRACTION}|{_DOUBLING}"
    r"|(?P<slash>(?<![\d./])(?P<slash_numerator>\d{1,2})/(?P<slash_denominator>\d{1,2})(?![\d/]))"
    rf"|第(?P<ordinal>\d+|[{ZH_NUMERAL_CHARS}]+)(?P<ordinal_counter>个|次|届|名|位|家|项|批|期)?"
    r"|(?:(?P<arabic>(?<![A-Za-z\d.,])(?:" + _GROUPED + r"|\d+(?:\.\d+)?)(?![\d.]?[A-Za-z]))"
    r"(?P<mid_number>[余多](?=[万亿]))?"  # 8600余亿元: more than 8600 亿
    rf"(?P<magnitude>{_alternation(list(ARABIC_MAGNITUDES))})?"
    rf"|(?P<zh>[{ZH_NUMERAL_CHARS}]+))"
    r"(?P<post_number>余|多)?"
    rf"(?P<unit>{'|'.join((*EXTRA_UNITS, *UNITS))})?"
    rf"(?P<post_unit>{_POST})?)"
)

YEAR_PATTERN = re.compile(rf"(?<![\d.])(\d{{4}})(?=\s*(?:年|{_YEAR_SEP}\s*\d{{4}}\s*年))")


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
    if groups["half"]:  # 一半, 半数以上, 过半
        return Figure(50.0, _qualifier(pre, groups["half_post"]), match.group(), "%", start)
    if groups["slash"]:
        return None  # 1/3 is read by _extra_figure; 5/3 is no share
    if groups["ordinal"]:
        ordinal = groups["ordinal"]
        rank = int(ordinal) if ordinal.isdigit() else zh_numeral_to_int(ordinal)
        # An ordinal ends at its counter; anything after (以上, 多) belongs elsewhere.
        ordinal_end = match.start("ordinal") + len(ordinal) + len(groups["ordinal_counter"] or "")
        return Figure(float(rank), EXACT, text[start:ordinal_end], "第", start)

    unit = groups["unit"] or ""
    post_number = groups["post_number"] or groups["mid_number"]
    post_unit = groups["post_unit"]
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
    figures = [about_share(figure, read) for figure in figures]
    figures = shared_bounds(figures, read)
    if _LATIN.search(text):
        from zgc_cli.model.figures_english import parse_english_figures, widens

        read_english = parse_english_figures(text)
        # Nearly 40%: the English bound word before a figure the Chinese pattern read alone
        figures = [f for f in figures if not any(widens(e, f) for e in read_english)]
        taken = [(figure.start, figure.end) for figure in figures]
        english = [
            figure
            for figure in read_english
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
    if groups["slash"]:  # 约占全国的1/3: a share, as 三分之一
        part, whole = int(groups["slash_numerator"]), int(groups["slash_denominator"])
        if not 0 < part < whole:
            return None
        share = Decimal(part * 100) / whole
        return Figure(float(share), _qualifier(pre), match.group(), "%", match.start())
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
