"""Check the unit word next to a matched figure against the row's unit.

The table is built from the data's units and the article's wording: 平方公里 reads as
km2, 万人/人/名 as persons, 亿元/万亿元/元 as CNY (the magnitude is part of the
number), 家 as firms, institutions, parks or branches, 件/项 as patents, items,
technologies, contracts or policies... Generic counters (个, 大, 强, 批...) count
anything that is counted; they only disagree with a measure (money, length, area,
time, percent, rank). An ordinal (第一, 第三个) reads as a rank, or as a count when a
counter follows it ("the third cluster": 3 clusters).

Conservative by design: a figure with no unit word passes, and so does a row whose
unit the table does not know (a user's own unit), with a detail that says so.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping

from zgc_cli.check.rows import CheckRow, _result, _text
from zgc_cli.model.figures import Figure
from zgc_cli.phrases import Listed, Term, phrase

# Unit word (as the parser gives it in Figure.unit_suffix) -> the row units it allows.
UNIT_WORDS: dict[str, frozenset[str]] = {
    word: frozenset(units)
    for word, units in {
        "平方公里": {"km2"},
        "平方千米": {"km2"},
        "平方米": {"m2"},
        "公里": {"km"},
        "千米": {"km"},
        "米": {"m"},
        "元": {"CNY"},
        "美元": {"USD"},
        "人": {"persons"},
        "名": {"persons"},
        "位": {"persons"},
        "人次": {"person_trips"},
        "分钟": {"minutes"},
        "秒": {"seconds"},
        "秒钟": {"seconds"},
        "小时": {"hours"},
        "天": {"days"},
        "个月": {"months"},
        "年": {"years"},
        "岁": {"years"},
        "比特": {"bits", "bits_per_second"},
        "参数": {"parameters"},
        "家": {"firms", "institutions", "parks", "branches", "headquarters"},
        "所": {"institutions"},
        "件": {"patents", "patents_per_10k_people", "items"},
        "项": {"items", "technologies", "contracts", "policies", "patents", "projects"},
        "条": {"items", "policies"},
        "款": {"models", "products"},
        "次": {"launches", "times"},
        "届": {"editions"},
        "核": {"cores"},
        "倍": {"ratio", "times"},
        "%": {"percent"},  # also 成 and 一半
        "第": {"rank"},
    }.items()
}
# Counters that count anything counted: 24个创新联合体, 9大产业领域, 百强, 一批.
GENERIC_COUNTERS = frozenset({"个", "大", "强", "批", "种", "座", "台", "栋", "期"})
# Units that measure rather than count: a generic counter never gives them.
MEASURE_UNITS = frozenset(
    {
        "CNY",
        "USD",
        "km2",
        "m2",
        "km",
        "m",
        "minutes",
        "seconds",
        "hours",
        "days",
        "months",
        "years",
        "percent",
        "rank",
        "ratio",
        "bits_per_second",
        "patents_per_10k_people",
    }
)
# The data's counted units that only generic counters give (9大产业领域, 2个产业集群...).
COUNTED_UNITS = frozenset(
    {"fields", "consortia", "clusters", "provinces", "regions", "bases", "headquarters"}
)
KNOWN_UNITS: frozenset[str] = frozenset().union(*UNIT_WORDS.values(), MEASURE_UNITS, COUNTED_UNITS)


def _ordinal_counter(figure: Figure) -> str:
    """The counter after an ordinal (第三个 -> 个), or ''."""
    last = figure.text[-1:]
    return last if len(figure.text) > 2 and (last in UNIT_WORDS or last in GENERIC_COUNTERS) else ""


def _agrees(word: str, unit: str) -> bool:
    if word in GENERIC_COUNTERS:
        return unit not in MEASURE_UNITS
    return unit in UNIT_WORDS.get(word, frozenset())


def unit_agrees(figure: Figure, unit: str) -> tuple[bool, str]:
    """Whether the figure's unit word allows ``unit``: (holds, the word as read)."""
    word = figure.unit_suffix
    if word == "第":
        counter = _ordinal_counter(figure)
        holds = unit == "rank" or (bool(counter) and _agrees(counter, unit))
        return holds, f"第…{counter}" if counter else "第"
    return _agrees(word, unit), word


def check_unit(row: Mapping[Hashable, object], figure: Figure) -> list[CheckRow]:
    """The ``unit`` check of a reported row whose value matched ``figure``."""
    unit = _text(row.get("unit"))
    if not unit:
        return []
    term = Term("unit", unit)
    word = figure.unit_suffix
    if not word:
        found = phrase("verify.no_unit_word_in", text=figure.text)
        return [_result("unit", row, term, found, True, phrase("verify.no_unit_word"))]
    holds, read = unit_agrees(figure, unit)
    if holds:
        term = Term("unit", unit, {"zh": read})  # the quote's word names the unit in Chinese
    detail: str
    if holds:
        detail = phrase("verify.reads_as", word=read, unit=term)
    elif word not in UNIT_WORDS and word not in GENERIC_COUNTERS:
        holds, detail = True, phrase("verify.unknown_word", word=word)
    elif unit not in KNOWN_UNITS:
        holds, detail = True, phrase("verify.unknown_unit", unit=unit)
    else:
        units = [Term("unit", name) for name in sorted(UNIT_WORDS.get(word, frozenset()))]
        allowed = Listed(units, " or ", quoted=False) if units else phrase("verify.counted_unit")
        detail = phrase("verify.reads_not", word=read, allowed=allowed, unit=term)
    return [
        _result(
            "unit", row, term, phrase("verify.worded", term=read, text=figure.text), holds, detail
        )
    ]


def check_indicator_unit(
    row: Mapping[Hashable, object], indicators: Mapping[str, Mapping[str, str]]
) -> list[CheckRow]:
    """The ``indicator`` check: the row's unit is its indicator's (indicators.csv)."""
    metric, unit = _text(row.get("metric")), _text(row.get("unit"))
    meta = indicators.get(metric)
    if meta is None or not _text(meta.get("unit")):
        return []
    wanted = _text(meta.get("unit"))
    holds = unit == wanted
    return [
        _result(
            "indicator",
            row,
            Term("unit", wanted),
            Term("unit", unit) if unit else phrase("verify.none"),
            holds,
            phrase("verify.indicator_unit")
            if holds
            else phrase("verify.indicator_unit_differs", unit=Term("unit", wanted)),
        )
    ]


# Unit words of figures that scale another figure (1.5倍, 14.9%): a derived row's unit
# comes from the other operands.
SCALING_WORDS = frozenset({"倍", "%", "第"})


def check_derived_unit(
    row: Mapping[Hashable, object], operands: list[float], figures: list[Figure]
) -> list[CheckRow]:
    """The ``unit`` check of a derived row: its unit follows from its operands' unit words.

    Each operand that is one of the quote's ``figures`` with a unit word (279万人: persons) must
    allow the row's unit; scaling figures (倍, %) and bare numbers say nothing.
    """
    unit = _text(row.get("unit"))
    if not unit:
        return []
    words = []
    for number in operands:
        for figure in figures:
            if figure.value == number and figure.unit_suffix not in SCALING_WORDS:
                if figure.unit_suffix and figure not in words:
                    words.append(figure)
                break
    if not words:
        found = phrase("verify.no_unit_word")
        return [_result("unit", row, Term("unit", unit), found, True, found)]
    disagreeing = [
        figure
        for figure in words
        if not unit_agrees(figure, unit)[0]
        and (figure.unit_suffix in UNIT_WORDS or figure.unit_suffix in GENERIC_COUNTERS)
        and unit in KNOWN_UNITS
    ]
    shown = Listed((f.text for f in words), quoted=True)
    if disagreeing:
        detail = phrase(
            "verify.operand_unit_differs", text=disagreeing[0].text, unit=Term("unit", unit)
        )
    else:
        detail = phrase("verify.operand_unit")
    return [_result("unit", row, Term("unit", unit), shown, not disagreeing, detail)]
