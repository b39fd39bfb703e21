"""Check a derived row: its note's arithmetic, its interval, its qualifier, its operands.

A derived row keeps the article's arithmetic: its value is the result of the note's
expression in full (279万 / 1.5 = 1,860,000), never rounded, so that growth from it
gives back the article's own ratio. Its note is laid out as either

    <expression> = <result>; interval <low expression> to <high expression> (<why>)

with qualifier ``about``: the inputs are rounded figures, and the low and high
expressions put each at the end of its rounding interval that makes the result
smallest and largest (``<why>`` says how each is rounded); or, when nothing is rounded,

    <expression> = <result>, exact: <why>

with qualifier ``exact``. Each expression is evaluated in decimal on its literals as
written; ``<result>`` is the expression's result in full (the float nearest it) and the
value must be that number. The row's ``low`` and ``high`` cells, where the file has
them, must be the low and high expressions' results rounded outward to a float (down
for low, up for high), and hold the value; an exact row's are the value itself.

A note with no `` = `` is the old layout, kept for users' files: the whole note is the
expression and the value is its result exactly, as Python computes it.

Checks: ``derived`` (the value), ``qualifier`` (new layout), ``interval`` (interval
form), ``operands`` (each number of the expression is a figure or a year of the quote;
1 and 100 are allowed as the constants of percentage arithmetic).
"""

from __future__ import annotations

import math
import re
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from zgc_cli.check.arithmetic import evaluate_decimal, evaluate_expression, expression_numbers
from zgc_cli.check.rows import CheckRow, _number, _result, _text
from zgc_cli.model.figures import ABOUT, EXACT, parse_figures, years_in
from zgc_cli.model.numbers import machine_number as format_number
from zgc_cli.phrases import Term, phrase, said

# Numbers a growth formula needs that the article never writes: 6758 / (1 + 14.9 / 100).
STRUCTURAL_CONSTANTS = frozenset({1.0, 100.0})

_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
EXACT_FORM = ", exact: "
INTERVAL_FORM = "; interval "


@dataclass(frozen=True)
class Layout:
    """What follows ``<expression> = `` in a note of the new layout."""

    result: str
    low_expression: str = ""  # empty: the ``exact:`` form
    high_expression: str = ""

    @property
    def exact(self) -> bool:
        return not self.low_expression


def parse_layout(rest: str) -> Layout | None:
    """The layout of a note after its first `` = ``, or None when it is not in it.

    Read piece by piece (no backtracking regex), so a long note costs linear time.
    """
    number = _NUMBER.match(rest)
    if number is None:
        return None
    result, rest = number.group(), rest[number.end() :]
    if rest.startswith(EXACT_FORM):
        return Layout(result) if rest[len(EXACT_FORM) :].strip() else None
    if not rest.startswith(INTERVAL_FORM) or not rest.endswith(")"):
        return None
    rest = rest[len(INTERVAL_FORM) :]
    why = rest.rfind(" (")
    if why < 0 or not rest[why + 2 : -1].strip():
        return None
    if "(" in rest[why + 2 : -1] or ")" in rest[why + 2 : -1]:
        return None
    expressions = rest[:why].split(" to ")
    if len(expressions) != 2 or not all(e.strip() for e in expressions):
        return None
    return Layout(result, *expressions)


def nearest_float(number: Decimal) -> float:
    """The float nearest a decimal result: the value a derived row must have."""
    return float(number)


def outward_float(number: Decimal, upward: bool) -> float:
    """The float at or beyond ``number``: below it for a low end, above it for a high end."""
    nearest = float(number)
    if upward and Decimal(nearest) < number:
        return math.nextafter(nearest, math.inf)
    if not upward and Decimal(nearest) > number:
        return math.nextafter(nearest, -math.inf)
    return nearest


def _operands(row: Mapping[Hashable, object], quote: str, operands: list[float]) -> CheckRow:
    available = {figure.value for figure in parse_figures(quote)} | {
        float(year) for year in years_in(quote)
    }
    missing = [
        number
        for number in operands
        if number not in available and number not in STRUCTURAL_CONSTANTS
    ]
    return _result(
        "operands",
        row,
        ", ".join(format_number(n) for n in operands),
        ", ".join(format_number(n) for n in sorted(available)),
        not missing,
        phrase("verify.operands_ok")
        if not missing
        else phrase(
            "verify.operands_missing", numbers=", ".join(format_number(n) for n in missing)
        ),
    )


def _old_layout(row: Mapping[Hashable, object], quote: str) -> list[CheckRow]:
    """The whole note is the expression; the value is its result exactly."""
    value = _number(row.get("value"))
    expression = _text(row.get("note"))
    expected = format_number(value)
    try:
        computed = evaluate_expression(expression)
        operands = expression_numbers(expression)
    except ValueError as error:
        detail = (
            phrase("verify.bad_expression", error=said(error))
            if expression
            else phrase("verify.no_arithmetic")
        )
        return [_result("derived", row, expected, expression, False, detail)]
    holds = value is not None and computed == value
    return [
        _result(
            "derived",
            row,
            expected,
            f"{expression} = {format_number(computed)}",
            holds,
            phrase("verify.computes" if holds else "verify.not_computes"),
        ),
        _operands(row, quote, operands),
    ]


def _given_interval(row: Mapping[Hashable, object]) -> tuple[float | None, float | None] | None:
    """The row's low and high cells; None when the file has neither column."""
    if "low" not in row and "high" not in row:
        return None
    return _number(row.get("low")), _number(row.get("high"))


def _interval(
    row: Mapping[Hashable, object], layout: Layout, exact: Decimal, value: float | None
) -> CheckRow:
    """The note's interval holds the result, and the row's low and high are its ends."""
    try:
        low_exact = evaluate_decimal(layout.low_expression)
        high_exact = evaluate_decimal(layout.high_expression)
    except ValueError as error:
        expected = phrase("verify.interval", low=layout.low_expression, high=layout.high_expression)
        return _result(
            "interval", row, expected, "", False, phrase("verify.not_interval", error=said(error))
        )
    low, high = outward_float(low_exact, upward=False), outward_float(high_exact, upward=True)
    expected = phrase("verify.interval", low=format_number(low), high=format_number(high))
    given = _given_interval(row)
    found = (
        expected
        if given is None
        else phrase(
            "verify.interval",
            low=format_number(given[0]) if given[0] is not None else phrase("verify.none"),
            high=format_number(given[1]) if given[1] is not None else phrase("verify.none"),
        )
    )
    detail: str
    if not low_exact <= exact <= high_exact:
        detail = phrase("verify.interval_misses", value=format_number(nearest_float(exact)))
    elif given is not None and given != (low, high):
        detail = phrase("verify.interval_bounds")
    elif value is None or not low <= value <= high:
        detail = phrase("verify.value_outside")
    else:
        return _result("interval", row, expected, found, True, phrase("verify.interval_holds"))
    return _result("interval", row, expected, found, False, detail)


def _exact_interval(row: Mapping[Hashable, object], value: float | None) -> list[CheckRow]:
    """An exact row's low and high, where given, are the value itself (a point)."""
    given = _given_interval(row)
    if given is None or given == (None, None):
        return []
    expected = phrase("verify.interval", low=format_number(value), high=format_number(value))
    found = phrase(
        "verify.interval",
        low=format_number(given[0]) if given[0] is not None else phrase("verify.none"),
        high=format_number(given[1]) if given[1] is not None else phrase("verify.none"),
    )
    holds = value is not None and given == (value, value)
    detail = phrase("verify.interval_holds" if holds else "verify.interval_bounds")
    return [_result("interval", row, expected, found, holds, detail)]


def check_derived(row: Mapping[Hashable, object], quote: str) -> list[CheckRow]:
    """The checks of one derived row (see the module docstring)."""
    note = _text(row.get("note"))
    if " = " not in note:
        return _old_layout(row, quote)
    value = _number(row.get("value"))
    expected = format_number(value)
    expression, _, rest = note.partition(" = ")
    layout = parse_layout(rest)
    try:
        exact = evaluate_decimal(expression)
        operands = expression_numbers(expression)
    except ValueError as error:
        return [
            _result(
                "derived",
                row,
                expected,
                expression,
                False,
                phrase("verify.not_expression", error=said(error)),
            )
        ]
    if layout is None:
        detail = phrase("verify.bad_layout")
        return [
            _result("derived", row, expected, note, False, detail),
            _operands(row, quote, operands),
        ]

    result = nearest_float(exact)
    shown = f"{expression} = {format_number(result)}"
    holds = value is not None and value == result
    detail = phrase("verify.computes" if holds else "verify.not_computes")
    if float(layout.result) != result:
        holds = False
        detail = phrase("verify.note_says", stated=layout.result, computed=format_number(result))

    qualifier = EXACT if layout.exact else ABOUT
    found_qualifier = _text(row.get("qualifier"))
    results = [
        _result("derived", row, expected, shown, holds, detail),
        _result(
            "qualifier",
            row,
            Term("qualifier", qualifier),
            Term("qualifier", found_qualifier) if found_qualifier else phrase("verify.none"),
            found_qualifier == qualifier,
            phrase("verify.unrounded_exact" if layout.exact else "verify.rounded_about")
            if found_qualifier == qualifier
            else (
                phrase("verify.exact_should_be", qualifier=Term("qualifier", EXACT))
                if layout.exact
                else phrase("verify.rounded_should_be", qualifier=Term("qualifier", ABOUT))
            ),
        ),
    ]
    if layout.exact:
        results.extend(_exact_interval(row, value))
    else:
        results.append(_interval(row, layout, exact, value))
    results.append(_operands(row, quote, operands))
    return results
