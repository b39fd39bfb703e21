"""Every number a person reads, over Babel: tables, charts and verify's views.

People read compact numbers from the locale's CLDR data: 3.6万亿 in Chinese,
3.6 trillion in English; charts take their scale words (万/亿/万亿,
thousand…trillion) from the same data. Machines read full precision, written
by :mod:`zgc_cli.model.numbers` (re-exported here), the one machine formatter.

Babel is imported inside the functions: the CLI imports this module on every run.
"""

from __future__ import annotations

from typing import Any

from zgc_cli.model.numbers import EXACT_INTEGER_LIMIT, machine_number, machine_number_texts
from zgc_cli.model.schema import QUALIFIER_MARKS, STATUS_MARKS
from zgc_cli.present.i18n import LOCALES, Language, message, unit_name

# The one machine-number formatter lives with the data it round-trips; offered here too.
__all__ = [
    "EXACT_INTEGER_LIMIT",
    "chart_label",
    "chart_scale",
    "human_number",
    "machine_number",
    "machine_number_texts",
    "marked_number",
    "percent_text",
    "places_text",
    "points_text",
    "ratio_text",
    "signed_human",
    "tick_text",
    "with_unit",
]
DASH = "—"
# Below these, a plain grouped number reads better than a compact one
# (6,758 firms, not 6.76 thousand; but 279万 is how Chinese writes 2,790,000).
COMPACT_FROM: dict[Language, float] = {Language.en: 1e6, Language.zh: 1e4}
# A chart's axis is scaled from ten thousand on, in both languages.
CHART_SCALE_FROM = 1e4
# Beyond these, a number is written in scientific notation (1.5E20, 5E-324): the compact
# words end at trillions (万亿), and a grouped or decimal form would be unreadably long
# (or, for Babel's decimal context, impossible).
SCIENTIFIC_FROM = 1e15
SCIENTIFIC_BELOW = 1e-6
SCIENTIFIC_PATTERN = "0.##E0"


def is_missing(value: Any) -> bool:
    """None, NaN or pandas' NA."""
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN is not equal to itself
    except TypeError:
        return True  # pandas' NA: NA != NA is NA, whose truth is undefined
    except ValueError:
        return False


def _is_extreme(number: float) -> bool:
    magnitude = abs(number)
    return magnitude >= SCIENTIFIC_FROM or 0 < magnitude < SCIENTIFIC_BELOW


# --- for people ----------------------------------------------------------------------


def human_number(value: Any, unit: str, lang: Language) -> str:
    """A number for people: 3.6万亿 / 3.6 trillion, 48.2, 51%; a dash when missing."""
    from babel.numbers import format_compact_decimal, format_decimal

    if is_missing(value):
        return DASH
    number = float(value)
    locale = LOCALES[lang]
    if _is_extreme(number):
        from babel.numbers import format_scientific

        text = format_scientific(number, format=SCIENTIFIC_PATTERN, locale=locale)
        return text + "%" if unit == "percent" else text
    if unit == "percent":
        return format_decimal(number, format="#,##0.##", locale=locale) + "%"
    if abs(number) >= COMPACT_FROM[lang]:
        return format_compact_decimal(
            number,
            format_type="long" if lang is Language.en else "short",
            locale=locale,
            fraction_digits=2,
        )
    # Chinese groups by 万, never by thousands: 1800 sits in a column beside 1160万
    # (as a bulletin writes 1800家), where 1,800 would mix two ways of writing numbers.
    grouped = "#,##0.##" if lang is Language.en else "0.##"
    pattern = grouped if abs(number) >= 1 or number == 0 else "0.######"
    return format_decimal(number, format=pattern, locale=locale)


def with_unit(number: str, unit: str, lang: Language) -> str:
    """A human number with its unit in the language: 3.6万亿元, 3.6 trillion CNY, 43%."""
    name = unit_name(unit, lang)
    if not name or number.endswith(name):
        return number
    return f"{number}{name}" if lang is Language.zh else f"{number} {name}"


def _rate(value: float, grouped: str, signed: bool) -> str:
    """A rate in grouped decimals, or, when extreme, in the tables' scientific form (2.02E25)."""
    if not _is_extreme(value):
        return format(value, grouped)
    # ".3g" of an extreme value is always "m.mme±x", without trailing zeros.
    mantissa, exponent = format(value, "+.3g" if signed else ".3g").split("e")
    return f"{mantissa}E{int(exponent)}"


def marks_of(status: str, qualifier: str) -> tuple[str, str]:
    """The marks a figure carries: (before the number, after it)."""
    return QUALIFIER_MARKS.get(str(qualifier), ""), STATUS_MARKS.get(str(status), "")


def marked_number(value: Any, unit: str, status: str, qualifier: str, lang: Language) -> str:
    """A human number with its marks: >14万 (a bound), 8.6万亿* (an estimate)."""
    before, after = marks_of(status, qualifier)
    return before + human_number(value, unit, lang) + after


def percent_text(value: Any, lang: Language, zero_base: bool = False) -> str:
    """+138.9%; ``new`` from a zero base; a dash when undefined."""
    if is_missing(value):
        return message("cell.new", lang) if zero_base else DASH
    return _rate(float(value), "+,.1f", signed=True) + "%"


def ratio_text(value: Any, lang: Language, zero_base: bool = False) -> str:
    """2.39× / 2.39倍; ``new`` from a zero base; a dash when undefined."""
    if is_missing(value):
        return message("cell.new", lang) if zero_base else DASH
    return _rate(float(value), ",.2f", signed=False) + message("cell.times", lang)


def signed_human(value: Any, unit: str, lang: Language) -> str:
    """A change for people, with its sign: +5万亿, -3."""
    if is_missing(value):
        return DASH
    text = human_number(abs(value), unit, lang)
    return ("+" if value > 0 else "-" if value < 0 else "") + text


def _plain(number: float) -> str:
    """A small number as written: 20, 0.5, 12.35 (two decimals at most)."""
    return format(round(number, 2), ",.2f").rstrip("0").rstrip(".")


def points_text(value: Any, lang: Language) -> str:
    """A change of a share in percentage points: +20 pp / +20个百分点; a dash when missing."""
    if is_missing(value):
        return DASH
    number = round(float(value), 2)  # the sign of what is shown: +0.004 pp is 0 pp
    sign = "+" if number > 0 else "-" if number < 0 else ""
    return message("cell.points", lang, value=sign + _plain(abs(number)))


def places_text(value: Any, lang: Language) -> str:
    """A change of a rank (to − from): 5 → 1 is ↑4 / 上升4位; a dash when missing."""
    if is_missing(value):
        return DASH
    number = round(float(value), 2)
    if number == 0:
        return message("cell.rank_same", lang)
    key = "cell.rank_up" if number < 0 else "cell.rank_down"
    return message(key, lang, places=_plain(abs(number)))


def chart_scale(max_abs: float, lang: Language) -> tuple[float, str]:
    """A divisor for a chart's values and its scale word, from the locale's CLDR data.

    ``(1e12, 'trillion')`` in English or ``(1e8, '亿')`` in Chinese; ``(1.0, '')``
    below :data:`CHART_SCALE_FROM`.
    """
    from babel import Locale

    if not max_abs >= CHART_SCALE_FROM:  # also NaN
        return 1.0, ""
    format_type = "long" if lang is Language.en else "short"
    patterns = Locale.parse(LOCALES[lang]).compact_decimal_formats[format_type]["other"]
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
