"""The languages zgc speaks, and each one's conventions as a :class:`LanguageProfile`.

A language is its catalog (``words/catalog/<code>/``: every text by id) and its
profile here: how it writes numbers (Babel locale, compact style and threshold,
grouping), how it joins a unit, a scale word or a list, its quotes, its citation
style, its HTML tag, whether its glyphs need a CJK font, and which of the data's
columns (``name_en``/``name_zh``…) it reads. Code asks the profile; it never
branches on which language it is.

The language comes from ``--lang``, else from the locale: GNU gettext's order
(``LANGUAGE``, then ``LC_ALL``, ``LC_MESSAGES``, ``LANG``), as Babel's
``default_locale`` reads them; Babel itself is not imported for this, since it
costs ~25 ms and a pipe that writes CSV never needs it.

Standard library only; the bottom layer.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal


class Language(StrEnum):
    """The language of human-facing output; machine formats never change with it."""

    en = "en"
    zh = "zh"


@dataclass(frozen=True)
class LanguageProfile:
    """How a language writes what zgc shows (its words are in its catalog).

    Attributes:
        code: the ``--lang`` value and the catalog's folder name.
        locale: the Babel locale its numbers and compact words come from.
        html_lang: the BCP 47 tag of a page in it.
        compact_style: Babel's compact format type (``long``: 3.6 trillion; ``short``: 3.6万亿).
        compact_from: below this magnitude a plain number reads better than a compact one.
        groups_thousands: plain numbers are grouped by thousands (6,758) or not (1800).
        unit_joiner: between a number and its unit (``3 firms``; ``3家``).
        scale_joiner: between an interval's digits and its scale word (``1.8 million``; ``179万``).
        list_joiner: between the items of a list it names.
        quotes: around an id or a text it quotes in a list.
        names_list_items: a list names and quotes its items (Chinese: “a”、“b”); else the ids
            are kept as the data writes them, joined as the caller asks (English: a, b).
        citation_style: the style its readers expect (a :class:`CitationStyle` value).
        needs_cjk_font: its own texts need a CJK font in a chart (and its page is CJK script).
        name_columns: the data's name columns it reads, its own first (then a fallback).
        event_columns: the data's event columns, likewise.
        scope_column: the data's column of a figure's scope in it.
        note_column: the data's column of a note in it (``note`` when it is the data's own).
        english_names: the English names the data gives (a periodical's) are its own.
        drops_english_asides: a publication's English aside (a title in brackets) is left out.
        figures_as_written: a figure is shown as its source writes it (8.6万亿元) where known.
    """

    code: str
    locale: str
    html_lang: str
    compact_style: Literal["short", "long"]
    compact_from: float
    groups_thousands: bool
    unit_joiner: str
    scale_joiner: str
    list_joiner: str
    quotes: tuple[str, str]
    names_list_items: bool
    citation_style: str
    needs_cjk_font: bool
    name_columns: tuple[str, str]
    event_columns: tuple[str, str]
    scope_column: str
    note_column: str
    english_names: bool = False
    drops_english_asides: bool = False
    figures_as_written: bool = False

    def quoted(self, text: str) -> str:
        """A text in this language's quotes."""
        return f"{self.quotes[0]}{text}{self.quotes[1]}"


ENGLISH = LanguageProfile(
    code="en",
    locale="en",
    html_lang="en",
    compact_style="long",
    # 6,758 firms, not 6.76 thousand.
    compact_from=1e6,
    groups_thousands=True,
    unit_joiner=" ",
    scale_joiner=" ",
    list_joiner=", ",
    quotes=("“", "”"),
    names_list_items=False,
    citation_style="apa",
    needs_cjk_font=False,
    name_columns=("name_en", "name_zh"),
    event_columns=("event_en", "event_zh"),
    scope_column="scope",
    note_column="note",
    english_names=True,
)

CHINESE = LanguageProfile(
    code="zh",
    locale="zh_Hans_CN",
    html_lang="zh-Hans",
    compact_style="short",
    # 279万 is how Chinese writes 2,790,000.
    compact_from=1e4,
    # Chinese groups by 万, never by thousands: 1800 sits in a column beside 1160万 (as a
    # bulletin writes 1800家), where 1,800 would mix two ways of writing numbers.
    groups_thousands=False,
    # 元, 家, 件/万人: a counter word is glued to its number.
    unit_joiner="",
    scale_joiner="",
    list_joiner="、",
    quotes=("“", "”"),
    names_list_items=True,
    # GB/T 7714-2015: theses and journals require it.
    citation_style="gbt7714",
    needs_cjk_font=True,
    name_columns=("name_zh", "name_en"),
    event_columns=("event_zh", "event_en"),
    scope_column="scope_zh",
    note_column="note_zh",
    drops_english_asides=True,
    figures_as_written=True,
)

# Every language's profile by its code (register_language adds one).
PROFILES: dict[str, LanguageProfile] = {"en": ENGLISH, "zh": CHINESE}
# The language of str(phrase), CSV, logs and the fallback where a language cannot be shown.
REFERENCE_LANGUAGE = Language.en


def profile_of(lang: Language | str) -> LanguageProfile:
    """A language's profile.

    Raises:
        KeyError: no such language.
    """
    return PROFILES[str(lang)]


def add_member(code: str) -> Language:
    """Make ``code`` a member of :class:`Language` (for a language registered at run time:
    ``--lang`` offers it, ``Language(code)`` finds it). An existing member is returned."""
    if code in Language._value2member_map_:
        return Language(code)
    member = str.__new__(Language, code)
    member._name_, member._value_ = code, code
    Language._member_map_[code] = member
    Language._value2member_map_[code] = member
    Language._member_names_.append(code)
    return member


def detect_language(environ: Mapping[str, str] | None = None) -> Language:
    """The language of the locale (``zh_CN.UTF-8`` → zh), else the reference language.

    ``LANGUAGE`` (a list, first entry wins) counts when a locale is set and is
    not C/POSIX, as gettext has it; else ``LC_ALL``, ``LC_MESSAGES``, ``LANG``.
    """
    env = os.environ if environ is None else environ
    locale = next((env[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(name)), "")
    preferred = env.get("LANGUAGE", "").split(":")[0]
    if preferred and locale and locale.split(".")[0] not in ("C", "POSIX"):
        locale = preferred
    code = locale.lower().split(".")[0].replace("-", "_").split("_")[0]
    return Language(code) if code in Language._value2member_map_ else REFERENCE_LANGUAGE
