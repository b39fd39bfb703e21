"""Figures written in English: ``$34.49 billion``, ``5.2 percent``, ``more than 600 firms``.

Part of the one figure parser (:func:`zgc_cli.model.figures.parse_figures` calls
:func:`parse_english_figures` where a text has Latin letters, and re-exports the names
here); a figure's ``unit_suffix`` is the Chinese unit word the checks know (元, 家, %).
"""

from __future__ import annotations

import re
from decimal import Decimal

from zgc_cli.model.figure_words import ABOUT, EXACT, LESS_THAN, MORE_THAN, NEARLY, Figure

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
    "passed": MORE_THAN,
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
    "start-ups": "家",
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
    r"(?:[\s-]?(?P<unit>"
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
# A third of, two-thirds of, a quarter of: a share, as 三分之一 (of what follows "of").
_DENOMINATORS = {"third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
_NUMERATORS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}
_FRACTION = re.compile(
    rf"(?:\b(?P<pre>{_HALF_BOUNDS})\s+)?(?<!first )(?<!last )(?<!the )"
    r"\b(?P<numerator>a|one|two|three|four)[\s-](?P<denominator>third|quarter|fifth|tenth)s?"
    r"\b(?=\s+(?:of|the)\b)(?!\s+of\s+(?:the\s+year|(?:19|20)\d\d))",
    re.I,
)
_FRACTION_AFTER = re.compile(r"[\s-](?:third|quarter|fifth|tenth)s?\b", re.I)
# One in five: a share of 20 percent, not five of anything.
_ONE_IN = re.compile(
    rf"(?:\b(?P<pre>{_HALF_BOUNDS})\s+)?\b(?:one|1)\s+in\s+(?P<whole>every\s+)?"
    r"(?P<denominator>three|four|five|six|seven|eight|nine|ten|\d+)\b",
    re.I,
)
_ONE_IN_BEFORE = re.compile(r"\b(?:one|1)\s+in\s+(?:every\s+)?$", re.I)
# Doubled, tripled: 翻一番 and its kin, a ratio to the earlier level; twice the 2012 level.
_MULTIPLIED = {"doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4}
_MULTIPLIED_PATTERN = re.compile(
    rf"(?:\b(?P<pre>{_HALF_BOUNDS})\s+)?\b(?:(?P<word>doubled|tripled|trebled|quadrupled)\b"
    r"|(?P<twice>twice)(?=\s+(?:the|as|that|its|their)\b))",
    re.I,
)
# "times" is a ratio before these words (2.4 times the 2011 total), else a count (held 14 times).
_RATIO_AFTER = re.compile(r"\s+(?:the|as|that|of|higher|larger|more|bigger|greater)\b", re.I)
# ... and after a growth verb or its "by" (rose by 1.4 times, grew 2.8 times): 增长1.4倍.
_RATIO_BEFORE = re.compile(
    r"\b(?:by|(?:rose|grew|increased|climbed|jumped|surged|soared|expanded)(?:\s+by)?)\s+$", re.I
)


# "units" counts what its sentence names before it: vehicle production reached 1.34 million
# units.
_UNITS_AFTER = re.compile(r"\s+units\b", re.I)


def _counted_before(text: str, start: int) -> str:
    """The counter of the last counted noun (singular or plural) of the sentence before
    ``start``, or ''."""
    opened = max(text.rfind(". ", 0, start), text.rfind("; ", 0, start), 0)
    words = re.findall(r"[a-z]+", text[opened:start].lower())
    for word in reversed(words):
        counter = ENGLISH_COUNTED.get(word) or ENGLISH_COUNTED.get(word + "s")
        if counter:
            return counter
    return ""


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
        if _FRACTION_AFTER.match(text, match.end()):
            continue  # three quarters of: a share (read below), not three of anything
        if _ONE_IN_BEFORE.search(text, max(0, match.start() - 14), match.start()):
            continue  # one in five: a share (read below), not five of anything
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
        if (
            unit_word == "times"
            and not _RATIO_AFTER.match(text, match.end())
            and not _RATIO_BEFORE.search(text, max(0, match.start() - 20), match.start())
        ):
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
        if not unit and _UNITS_AFTER.match(text, match.end()):
            unit = _counted_before(text, match.start())  # vehicle output … 624,000 units
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
        said_unit = groups["unit"] or groups["percent"] or groups["currency"]
        if re.fullmatch(r"(?:19|20)\d\d", groups["number"]) and not (
            said_unit or magnitude or groups["pre"] or groups["post"]
        ):
            continue  # In 2023 firms in the city…: a year (English writes 2,023 firms)
        scaled = number * ENGLISH_MAGNITUDES.get(magnitude, 1)
        pre = (groups["pre"] or "").lower()
        post = (groups["post"] or "").strip().lower()
        qualifier = ENGLISH_QUALIFIERS.get(pre) or ENGLISH_POST_QUALIFIERS.get(post) or EXACT
        start = match.start("pre") if groups["pre"] else match.start()
        figures.append(Figure(float(scaled), qualifier, text[start : match.end()], unit, start))
        if unit not in ("倍", "%", "个百分点", "第", "次", "元", "美元"):
            last_unit = unit  # what "of them" and "up from 224" count
    return sorted([*figures, *_english_shares_and_multiples(text)], key=lambda f: f.start)


def _english_shares_and_multiples(text: str) -> list[Figure]:
    """About half of, a third of, one in five (percent); doubled, twice the (倍)."""
    found: list[tuple[re.Match[str], float, str]] = []
    found += [(m, 50.0, "%") for m in _HALF.finditer(text)]
    for m in _FRACTION.finditer(text):
        share = _NUMERATORS[m.group("numerator").lower()] * 100
        found.append((m, share / _DENOMINATORS[m.group("denominator").lower()], "%"))
    for m in _ONE_IN.finditer(text):
        written = m.group("denominator").lower()
        whole = int(written) if written.isdigit() else ENGLISH_NUMBER_WORDS[written]
        if whole:
            found.append((m, 100 / whole, "%"))
    for m in _MULTIPLIED_PATTERN.finditer(text):
        times = 2 if m.group("twice") else _MULTIPLIED[m.group("word").lower()]
        found.append((m, float(times), "倍"))
    figures = []
    for m, value, unit in found:
        pre = (m.group("pre") or "").lower() if "pre" in m.groupdict() else ""
        qualifier = ENGLISH_QUALIFIERS.get(pre, EXACT)
        figures.append(Figure(value, qualifier, m.group(), unit, m.start()))
    return figures


def widens(wide: Figure, narrow: Figure) -> bool:
    """``wide`` holds ``narrow`` and a bound word before it, with the same value."""
    return (
        wide.start < narrow.start
        and narrow.end == wide.end
        and wide.value == narrow.value
        and narrow.qualifier == EXACT
        and wide.qualifier != EXACT
    )
