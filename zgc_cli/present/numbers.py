"""Every number a person reads, over Babel: tables, charts and verify's views.

People read compact numbers from the locale's CLDR data: 3.6万亿 in Chinese,
3.6 trillion in English; charts take their scale words (万/亿/万亿,
thousand…trillion) from the same data. Machines read full precision, written
by :mod:`zgc_cli.model.numbers` (re-exported here), the one machine formatter.

Babel is imported inside the functions: the CLI imports this module on every run.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from zgc_cli.model.numbers import EXACT_INTEGER_LIMIT, machine_number, machine_number_texts
from zgc_cli.model.schema import QUALIFIER_MARKS, STATUS_MARKS
from zgc_cli.present.number_bounds import (
    INTERVAL_SUFFIXES,
    Bounds,
    Notation,
    bounds_of,
    is_missing,
    number_or_none,
    shown_step,
)
from zgc_cli.present.scales import (
    CHART_SCALE_FROM,
    chart_label,
    chart_scale,
    in_locale,
    tick_text,
)
from zgc_cli.words import Language, message, profile_of, unit_name

# The one machine-number formatter lives with the data it round-trips; offered here too.
__all__ = [
    "CHART_SCALE_FROM",
    "EXACT_INTEGER_LIMIT",
    "INTERVAL_SUFFIXES",
    "Bounds",
    "Notation",
    "bounds_of",
    "interval_text",
    "is_missing",
    "chart_label",
    "chart_scale",
    "human_number",
    "in_locale",
    "machine_number",
    "machine_number_texts",
    "marked_number",
    "percent_text",
    "places_text",
    "points_text",
    "ratio_text",
    "shown_step",
    "signed_human",
    "tick_text",
    "with_unit",
    "written_figure",
]
DASH = "—"
# Beyond these, a number is written in scientific notation (1.5E20, 5E-324): the compact
# words end at trillions (万亿), and a grouped or decimal form would be unreadably long
# (or, for Babel's decimal context, impossible).
SCIENTIFIC_FROM = 1e15
SCIENTIFIC_BELOW = 1e-6
SCIENTIFIC_PATTERN = "0.##E0"


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
    profile = profile_of(lang)
    locale = profile.locale
    if _is_extreme(number):
        from babel.numbers import format_scientific

        text = format_scientific(number, format=SCIENTIFIC_PATTERN, locale=locale)
        return text + "%" if unit == "percent" else text
    if unit == "percent":
        return format_decimal(number, format="#,##0.##", locale=locale) + "%"
    if abs(number) >= profile.compact_from:
        return format_compact_decimal(
            number,
            format_type=profile.compact_style,
            locale=locale,
            fraction_digits=2,
        )
    # Below the compact threshold, grouped by thousands where the language does (6,758).
    grouped = "#,##0.##" if profile.groups_thousands else "0.##"
    pattern = grouped if abs(number) >= 1 or number == 0 else "0.######"
    return format_decimal(number, format=pattern, locale=locale)


def with_unit(number: str, unit: str, lang: Language) -> str:
    """A human number with its unit in the language: 3.6万亿元, 3.6 trillion CNY, 43%."""
    name = unit_name(unit, lang)
    if not name or number.endswith(name):
        return number
    return f"{number}{profile_of(lang).unit_joiner}{name}"


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
    return in_locale(_rate(float(value), "+,.1f", signed=True), lang) + "%"


def ratio_text(value: Any, lang: Language, zero_base: bool = False) -> str:
    """2.39× / 2.39倍; ``new`` from a zero base; a dash when undefined."""
    if is_missing(value):
        return message("cell.new", lang) if zero_base else DASH
    return in_locale(_rate(float(value), ",.2f", signed=False), lang) + message("cell.times", lang)


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
    return message("cell.points", lang, value=sign + in_locale(_plain(abs(number)), lang))


def places_text(value: Any, lang: Language) -> str:
    """A change of a rank (to − from): 5 → 1 is ↑4 / 上升4位; a dash when missing."""
    if is_missing(value):
        return DASH
    number = round(float(value), 2)
    if number == 0:
        return message("cell.rank_same", lang)
    key = "cell.rank_up" if number < 0 else "cell.rank_down"
    return message(key, lang, places=in_locale(_plain(abs(number)), lang))


# --- intervals for people ------------------------------------------------------------
# A person reads the point alone only where its interval lies within the digits shown
# (3.6万亿 for [3.55万亿, 3.65万亿]); else the interval (+134…+144%), a half-open bound
# (≥ +50%), the conventional reading, marked (conv. +73…+93%), or "unbounded".

INTERVAL_JOINER = "…"
# The most decimals each notation shows (a value's and a change's follow human_number).
_MAX_DECIMALS: dict[Notation, int] = {
    Notation.value: 2,
    Notation.amount: 2,
    Notation.percent: 1,
    Notation.ratio: 2,
    Notation.share: 1,
    Notation.points: 2,
    Notation.index_value: 1,
}
_SIGNED = frozenset({Notation.amount, Notation.percent, Notation.points})


def _point_text(value: float, notation: Notation, unit: str, lang: Language) -> str:
    """The point as every view writes it (the formatters above)."""
    if notation is Notation.value:
        return human_number(value, unit, lang)
    if notation is Notation.amount:
        return signed_human(value, unit, lang)
    if notation is Notation.percent:
        return percent_text(value, lang)
    if notation is Notation.ratio:
        return ratio_text(value, lang)
    if notation is Notation.points:
        return points_text(value, lang)
    if notation is Notation.index_value:
        return chart_label(value)
    return in_locale(f"{value:,.1f}", lang) + "%"


def _within_shown(point: float, bounds: Bounds, text: str, notation: Notation) -> bool:
    """Whether [low, high] lies within ± half the last digit the point's text shows."""
    if bounds.low is None or bounds.high is None:
        return False
    counts = notation in (Notation.value, Notation.amount)
    half = shown_step(text, point, whole_zeros=counts) / 2
    slack = half * 1e-9 + 1e-12 * max(abs(point), 1.0)
    return bounds.low >= point - half - slack and bounds.high <= point + half + slack


def _scale(magnitude: float, notation: Notation, unit: str, lang: Language) -> tuple[float, str]:
    """The divisor and scale word an interval's ends share: (1e4, '万'), (1e6, ' million')."""
    if notation not in (Notation.value, Notation.amount) or unit == "percent":
        return 1.0, ""
    if not magnitude >= profile_of(lang).compact_from or _is_extreme(magnitude):
        return 1.0, ""
    divisor, word = chart_scale(magnitude, lang)
    return divisor, (profile_of(lang).scale_joiner + word if word else word)


def _suffix(notation: Notation, unit: str, lang: Language) -> str:
    if notation in (Notation.percent, Notation.share) or (
        notation in (Notation.value, Notation.amount) and unit == "percent"
    ):
        return "%"
    if notation is Notation.ratio:
        return message("cell.times", lang)
    return ""


def _end(number: float, decimals: int, direction: int, lang: Language) -> float:
    """An end rounded outward at ``decimals`` (negative: tens, hundreds…)."""
    factor = 10.0**decimals
    scaled = number * factor
    # Only the float noise of the scaling (315.00000000000004 is 3.15 × 100) is forgiven:
    # a few ulps, never a fixed amount that would cut into a tiny end (6.25e-10).
    nudge = 4 * math.ulp(scaled)
    rounded = math.floor(scaled + nudge) if direction < 0 else math.ceil(scaled - nudge)
    return rounded / factor


def _digits(number: float, decimals: int, signed: bool, lang: Language) -> str:
    shown = max(decimals, 0)
    grouped = "," if profile_of(lang).groups_thousands else ""
    # An end rounded to zero has no sign: -6…0%, not -6…+0%.
    sign = "+" if signed and number != 0 else ""
    return in_locale(format(number + 0.0, f"{sign}{grouped}.{shown}f"), lang)


def _range_text(low: float, high: float, notation: Notation, unit: str, lang: Language) -> str:
    """Two ends as one interval, rounded outward to the digits their distance needs."""
    divisor, word = _scale(max(abs(low), abs(high)), notation, unit, lang)
    low_shown, high_shown = low / divisor, high / divisor
    width = high_shown - low_shown
    most = _MAX_DECIMALS[notation]
    decimals = most if not width / 2 > 0 else min(most, math.ceil(-math.log10(width / 2)))
    signed = notation in _SIGNED
    low_end = _end(low_shown, decimals, -1, lang)
    high_end = _end(high_shown, decimals, +1, lang)
    text = (
        _digits(low_end, decimals, signed, lang)
        + INTERVAL_JOINER
        + _digits(high_end, decimals, signed, lang)
    )
    return _with_words(text, word, notation, unit, lang)


def _with_words(text: str, word: str, notation: Notation, unit: str, lang: Language) -> str:
    text += word + _suffix(notation, unit, lang)
    if notation is Notation.points:
        return message("cell.points", lang, value=text)
    return text


def _bound_text(
    number: float, direction: int, notation: Notation, unit: str, lang: Language
) -> str:
    """One end, rounded outward, with as few decimals as it needs: +50%, +85.7%."""
    divisor, word = _scale(abs(number), notation, unit, lang)
    shown = _end(number / divisor, _MAX_DECIMALS[notation], direction, lang)
    sign = "+" if notation in _SIGNED else ""
    grouped = "," if profile_of(lang).groups_thousands else ""
    text = format(shown + 0.0, f"{sign}{grouped}f")
    text = in_locale(text.rstrip("0").rstrip(".") if "." in text else text, lang)
    return _with_words(text, word, notation, unit, lang)


# Below these, a lower end bounds nothing: a ratio is never negative, a percent change
# never below −100%.
NATURAL_FLOORS: dict[Notation, float] = {
    Notation.ratio: 0.0,
    Notation.percent: -100.0,
    Notation.index_value: 0.0,
}


def interval_text(
    point: Any,
    bounds: Bounds | None,
    notation: Notation,
    lang: Language,
    unit: str = "",
    zero_base: bool = False,
) -> str:
    """A quantity as a person reads it, its interval wherever the interval matters.

    * The point alone where the interval lies within the digits shown, or where
      there is no interval (a frame without the interval columns): ``+50.0%``.
    * The interval, its ends rounded outward to the digits their distance needs:
      ``+134…+144%``, ``179…193万``, ``1.79…1.93 million``.
    * One end where the other is unbounded: ``≥ +50%``, ``> +50%``, ``< 3000万``.
    * Where the words bound nothing (no end, or a lower end at the measure's
      natural floor, a ratio's 0 or a change's −100%): the conventional reading,
      marked ``conv.`` / ``按惯例`` (the legend says what it is), else ``unbounded``.
    * A dash (or ``new`` from a zero base) where the quantity is undefined.
    """
    known = number_or_none(point)
    if bounds is None:
        if known is None:
            if zero_base and notation in (Notation.percent, Notation.ratio):
                return message("cell.new", lang)
            return DASH
        return _point_text(known, notation, unit, lang)
    if bounds.bounded:
        low, high = float(bounds.low), float(bounds.high)  # type: ignore[arg-type]
        if known is None and low == high:
            known = low
        if known is not None:
            text = _point_text(known, notation, unit, lang)
            if _within_shown(known, bounds, in_locale(text, lang, back=True), notation):
                return text
        return _range_text(low, high, notation, unit, lang)
    floor = NATURAL_FLOORS.get(notation)
    low_bounds = bounds.low is not None and not (floor is not None and bounds.low <= floor)
    if bounds.high is None and low_bounds:
        sign = ">" if bounds.low_open else "≥"
        return f"{sign} {_bound_text(float(bounds.low), -1, notation, unit, lang)}"  # type: ignore[arg-type]
    if bounds.high is not None and (bounds.low is None or not low_bounds):
        if bounds.low is None or floor is None:
            sign = "<" if bounds.high_open else "≤"
            return f"{sign} {_bound_text(bounds.high, +1, notation, unit, lang)}"
    conventional = bounds.conventional
    if conventional is not None:
        shown = _range_text(*conventional, notation, unit, lang)
        return message("cell.conventional", lang, value=shown)
    return message("cell.unbounded", lang)


# Qualifiers whose mark says the interval on its own (the legend reads it): the figure as
# written, marked, is then what a person reads (>14万, <~3000万, ≈1000), not its interval.
_SELF_MARKED = frozenset({"more_than", "nearly", "less_than", "order_of_magnitude"})


def written_figure(point: Any, bounds: Bounds | None, qualifier: str) -> float | None:
    """The figure as written, where the point is empty because the words leave an end
    open: 突破14万's 14万 is its lower end, 近3000万's 3000万 its upper end."""
    figure = number_or_none(point)
    if figure is not None or bounds is None:
        return figure
    if str(qualifier) == "more_than":
        return bounds.low
    if str(qualifier) in ("nearly", "less_than"):
        return bounds.high
    if str(qualifier) == "order_of_magnitude" and bounds.bounded:
        return math.sqrt(float(bounds.low) * float(bounds.high))  # type: ignore[arg-type]
    return None


def marked_value(row: Mapping[Any, Any], lang: Language, end: str = "") -> str:
    """A result row's value with its marks: ``value``, or with ``end`` (``from``/``to``) a
    comparison's ``value_from``/``value_to``, each with its own status and qualifier."""
    suffix = f"_{end}" if end else ""
    quantity = f"value{suffix}"
    return marked_interval(
        row[quantity],
        bounds_of(row, quantity),
        str(row["unit"]),
        str(row[f"status{suffix}"]),
        str(row[f"qualifier{suffix}"]),
        lang,
    )


def marked_interval(
    point: Any,
    bounds: Bounds | None,
    unit: str,
    status: str,
    qualifier: str,
    lang: Language,
) -> str:
    """A figure with its marks, as its interval asks: ``>14万``, ``~43%``, ``179…193万^``.

    A bound's figure keeps its mark (the point is empty where the words leave an end
    open: the figure is then the bounded end). An exact or approximate figure is the
    point where its interval lies within the digits shown, else its interval, with
    the status mark (a derived figure's interval comes from its operands').
    """
    before, after = marks_of(status, qualifier)
    if str(qualifier) in _SELF_MARKED:
        figure = written_figure(point, bounds, qualifier)
        if figure is None:
            return DASH
        return before + human_number(figure, unit, lang) + after
    text = interval_text(point, bounds, Notation.value, lang, unit)
    if INTERVAL_JOINER in text or text == DASH:
        return text + (after if text != DASH else "")
    return before + text + after
