"""What a language's locale gives numbers beyond Babel's formatters, and a chart's numbers.

Scale words come from the locale's CLDR data (万/亿/万亿 in Chinese,
thousand…trillion in English), as the compact numbers of the tables do; so do the
group and decimal symbols of the digits Python formats (:func:`in_locale`).
:mod:`zgc_cli.present.numbers` re-exports every name here.
"""

from __future__ import annotations

import functools

from zgc_cli.words import Language, profile_of

# A chart's axis is scaled from ten thousand on, in every language.
CHART_SCALE_FROM = 1e4


def chart_scale(max_abs: float, lang: Language) -> tuple[float, str]:
    """A divisor for a chart's values and its scale word, from the locale's CLDR data.

    ``(1e12, 'trillion')`` in English or ``(1e8, '亿')`` in Chinese; ``(1.0, '')``
    below :data:`CHART_SCALE_FROM`.
    """
    from babel import Locale

    if not max_abs >= CHART_SCALE_FROM:  # also NaN
        return 1.0, ""
    profile = profile_of(lang)
    patterns = Locale.parse(profile.locale).compact_decimal_formats[profile.compact_style]["other"]
    for magnitude_text in sorted(patterns, key=int, reverse=True):
        magnitude = int(magnitude_text)
        if magnitude > max_abs or magnitude < CHART_SCALE_FROM:
            continue
        pattern = str(patterns[magnitude_text].pattern)
        word = pattern.replace("0", "").strip()
        if word:
            return magnitude / 10 ** (pattern.count("0") - 1), word
    return 1.0, ""


def chart_label(value: float) -> str:
    """A short number for a chart's point labels: 8.6, 26, 2.79, 8,600."""
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}"


def tick_text(tick: float, step: float) -> str:
    """A tick label with just the decimals its step needs: 2.5 → 1 decimal, 20 → none."""
    decimals = next(
        (d for d in range(7) if abs(step * 10**d - round(step * 10**d)) < 1e-6 * 10**d), 6
    )
    return f"{tick:,.{decimals}f}"


@functools.cache
def _symbols(lang: str) -> tuple[str, str]:
    """The group and decimal symbols of a language's locale (``,`` and ``.`` in en and zh)."""
    from babel.numbers import get_decimal_symbol, get_group_symbol

    locale = profile_of(lang).locale
    return get_group_symbol(locale), get_decimal_symbol(locale)


def in_locale(text: str, lang: Language, back: bool = False) -> str:
    """Digits Python formatted (1,234.5) in the language's symbols (1.234,5), or ``back``."""
    group, decimal = _symbols(str(lang))
    if (group, decimal) == (",", "."):
        return text
    mapping: dict[str, str | int | None] = (
        {group: ",", decimal: "."} if back else {",": group, ".": decimal}
    )
    return text.translate(str.maketrans(mapping))
