"""Which language a piece of the report's text is in, so that the page can say so (WCAG 3.1.2).

The English page quotes a Chinese article and cites Chinese publications; the
Chinese page shows a user's English names and the tool's own name. Each run of
the other language's script is wrapped in a ``<span lang>`` (or its element gets
the ``lang``), so that a screen reader reads it in the right voice and a browser
picks the right glyphs. Digits, spaces and punctuation belong to no language: they
stay with the run they are in.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from zgc_cli.words import Language, profile_of

# The tags of the two scripts a page mixes: the article's Chinese, and Latin-script words
# (English names, the tool's own) on a page in a CJK script.
ZH_TAG = "zh-Hans"
EN_TAG = "en"
# Han, CJK punctuation and kana, compatibility ideographs and forms, fullwidth forms,
# Han extensions: what a Chinese passage is written in.
_CJK = "\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff"
_HAS_CJK = re.compile(f"[{_CJK}]")
_LATIN = "A-Za-z\u00c0-\u024f"
# A run of Chinese: from its first CJK character to its last, over what belongs to no language.
_CJK_RUN = re.compile(f"[{_CJK}](?:[^{_LATIN}]*[{_CJK}])?")
# A run of a Latin-script language: a word of two letters or more, and the words after it.
# A lone letter in Chinese text ([J], the GB/T type code) is part of the Chinese.
_LATIN_RUN = re.compile(f"[{_LATIN}]{{2,}}(?:[^{_CJK}]*[{_LATIN}])?")


def _cjk_page(page: Language) -> bool:
    """A page written in a CJK script (its own words need a CJK font)."""
    return profile_of(page).needs_cjk_font


def tag_of(lang: Language) -> str:
    """A page's BCP 47 language tag."""
    return profile_of(lang).html_lang


def text_tag(text: str, page: Language) -> str:
    """The language tag of a whole text (an attribute's) where it is not the page's, else ''.

    Chinese text is any with a CJK character in it (a reference in Chinese with a
    Latin address is still Chinese); on the Chinese page, text with Latin words and
    no CJK character is English.
    """
    if _HAS_CJK.search(text):
        return "" if _cjk_page(page) else ZH_TAG
    if _cjk_page(page) and _LATIN_RUN.search(text):
        return EN_TAG
    return ""


def tagged(value: object, page: Language) -> Markup:
    """``value`` escaped, each run in the other language in a ``<span lang>``."""
    text = "" if value is None else str(value)
    pattern, tag = (_LATIN_RUN, EN_TAG) if _cjk_page(page) else (_CJK_RUN, ZH_TAG)
    parts: list[str] = []
    last = 0
    for run in pattern.finditer(text):
        parts.append(str(escape(text[last : run.start()])))
        parts.append(f'<span lang="{tag}">{escape(run.group())}</span>')
        last = run.end()
    parts.append(str(escape(text[last:])))
    return Markup("".join(parts))
