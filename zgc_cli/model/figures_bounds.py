"""Bounds a Chinese figure takes from words apart from it: 约占全国的13.9%, 不到全市的6%,
分别突破2000亿元和3000亿元 (see :func:`zgc_cli.model.figures.parse_figures`)."""

from __future__ import annotations

import re
from dataclasses import replace

from zgc_cli.model.figure_words import ABOUT, EXACT, PRE_QUALIFIERS, Figure

# 约占全国的13.9%, 约为上年的2倍: the 约 of the clause bounds its exact figure.
_ABOUT_CLAUSE = re.compile(r"(?:约占|大约占|约为|约是|约相当于)[^，。；,;\d]{0,12}$")
# 不到全市的6%, 超过全球总数的四分之一: a bound word before the whole bounds its share.
_BOUND_OF_WHOLE = re.compile(r"(不到|不足|超过|逾|接近|将近)[^，。；,;\d]{1,10}的$")


def about_share(figure: Figure, text: str) -> Figure:
    """An exact share or multiple bounded by a word of its clause (约占…的, 不到…的)."""
    if figure.qualifier != EXACT or figure.unit_suffix not in ("%", "倍"):
        return figure
    window = max(0, figure.start - 16)
    if _ABOUT_CLAUSE.search(text, window, figure.start):
        return replace(figure, qualifier=ABOUT)
    bound = _BOUND_OF_WHOLE.search(text, window, figure.start)
    if bound is not None:
        return replace(figure, qualifier=PRE_QUALIFIERS[bound[1]])
    return figure


# 分别突破2000亿元和3000亿元: the bound word opening 分别's first figure bounds each one
# listed after it with 和, 、, 及 or 与.
_PRE_WORD = re.compile(
    "|".join(sorted((w for w in PRE_QUALIFIERS if w not in ("上", "过", "数")), key=len)[::-1])
)


def shared_bounds(figures: list[Figure], text: str) -> list[Figure]:
    """``figures`` with the bound of 分别's first figure given to each one listed after it."""
    shared = list(figures)
    bound = EXACT
    for index, figure in enumerate(shared):
        if index and bound != EXACT and figure.qualifier == EXACT:
            if text[shared[index - 1].end : figure.start] in ("和", "、", "及", "与"):
                shared[index] = replace(figure, qualifier=bound)
                continue
        opens = text[max(0, figure.start - 2) : figure.start] == "分别"
        bound = figure.qualifier if opens and _PRE_WORD.match(text, figure.start) else EXACT
    return shared
