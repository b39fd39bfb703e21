"""Check a derived row: its note's arithmetic, the rounding, the interval, the operands.

A derived row's note is laid out as either

    <expression> = <exact>, to <n> significant digit(s) as its least precise input
    (<input>); interval <low> to <high> from <low expression> to <high expression> (<why>)

or, when nothing is rounded,

    <expression> = <exact>, exact: <why>

The expression (everything before the first `` = ``) is evaluated in decimal on its
literals as written; the value must be that result rounded half away from zero to n
significant digits, with qualifier ``about`` (or the result itself, ``exact``, in the
second form). ``<exact>`` is the result to 2 decimals for reading: it must agree. The
interval's expressions must bracket the result, ``<low>`` and ``<high>`` be their floor
and ceiling, and the value lie between them.

A note with no `` = `` is the old layout, kept for users' files: the whole note is the
expression and the value is its result exactly, as Python computes it.

Checks: ``derived`` (the value), ``qualifier`` (new layout), ``interval`` (rounded
form), ``operands`` (each number of the expression is a figure or a year of the quote;
1 and 100 are allowed as the constants of percentage arithmetic).
"""

from __future__ import annotations

import math
import re
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

from zgc_cli.check.arithmetic import evaluate_decimal, evaluate_expression, expression_numbers
from zgc_cli.check.rows import _number, _result, _text
from zgc_cli.model.figures import ABOUT, EXACT, parse_figures, years_in
from zgc_cli.model.numbers import machine_number as format_number
from zgc_cli.phrases import Term, phrase, said

# Numbers a growth formula needs that the article never writes: 6758 / (1 + 14.9 / 100).
STRUCTURAL_CONSTANTS = frozenset({1.0, 100.0})

# More significant digits than this cannot come from an article's figures.
MAX_DIGITS = 30

_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_ROUNDED = re.compile(r"to (\d+) significant digits? as its least precise input \(")
_BOUNDS = re.compile(r"(-?\d+(?:\.\d+)?) to (-?\d+(?:\.\d+)?) from ")


@dataclass(frozen=True)
class Layout:
    """What follows ``<expression> = `` in a note of the new layout."""

    exact: str
    digits: int | None = None  # None: the ``exact:`` form
    low: str = ""
    high: str = ""
    low_expression: str = ""
    high_expression: str = ""


def parse_layout(rest: str) -> Layout | None:
    """The layout of a note after its first `` = ``, or None when it is not in it.

    Read piece by piece (no backtracking regex), so a long note costs linear time.
    """
    number = _NUMBER.match(rest)
    if number is None or not rest.startswith(", ", number.end()):
        return None
    exact, rest = number.group(), rest[number.end() + 2 :]
    if rest.startswith("exact: ") and rest[len("exact: ") :].strip():
        return Layout(exact)
    rounded = _ROUNDED.match(rest)
    if rounded is None:
        return None
    closing = rest.find("); interval ", rounded.end())
    if closing <= rounded.end():
        return None
    rest = rest[closing + len("); interval ") :]
    bounds = _BOUNDS.match(rest)
    why = rest.rfind(" (")
    if bounds is None or why < bounds.end() or not rest.endswith(")"):
        return None
    if "(" in rest[why + 2 : -1] or ")" in rest[why + 2 : -1]:
        return None
    expressions = rest[bounds.end() : why].split(" to ")
    if len(expressions) != 2 or not all(e.strip() for e in expressions):
        return None
    return Layout(exact, int(rounded.group(1)), bounds.group(1), bounds.group(2), *expressions)


def round_significant(number: Decimal, digits: int) -> Decimal:
    """``number`` rounded half away from zero to ``digits`` significant digits."""
    if number == 0:
        return number
    with localcontext() as context:
        context.prec = max(context.prec, digits)
        quantum = Decimal(1).scaleb(number.adjusted() - digits + 1)
        return number.quantize(quantum, rounding=ROUND_HALF_UP)


def _plain(number: Decimal) -> str:
    """A decimal written in full: 1.9E+6 as 1900000, 5881.64 as 5881.64."""
    if number == number.to_integral_value():
        return str(int(number))
    return format(number.normalize(), "f")


def _reading(number: Decimal) -> Decimal:
    """An exact result as a note writes it: to 2 decimals."""
    with localcontext() as context:
        context.prec = max(context.prec, number.adjusted() + 3)
        return number.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _operands(
    row: Mapping[Hashable, object], quote: str, operands: list[float]
) -> dict[str, object]:
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


def _old_layout(row: Mapping[Hashable, object], quote: str) -> list[dict[str, object]]:
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


def _interval(
    row: Mapping[Hashable, object], layout: Layout, exact: Decimal, value: Decimal | None
) -> dict[str, object]:
    stated_low, stated_high = Decimal(layout.low), Decimal(layout.high)
    expected = phrase("verify.interval", low=layout.low, high=layout.high)
    try:
        low = evaluate_decimal(layout.low_expression)
        high = evaluate_decimal(layout.high_expression)
    except ValueError as error:
        return _result(
            "interval", row, expected, "", False, phrase("verify.not_interval", error=said(error))
        )
    found = phrase(
        "verify.interval", low=format_number(float(low)), high=format_number(float(high))
    )
    detail: str
    if not low <= exact <= high:
        detail = phrase("verify.interval_misses", value=format_number(float(exact)))
    elif (stated_low, stated_high) != (Decimal(math.floor(low)), Decimal(math.ceil(high))):
        detail = phrase("verify.interval_bounds")
    elif value is None or not stated_low <= value <= stated_high:
        detail = phrase("verify.value_outside")
    else:
        return _result("interval", row, expected, found, True, phrase("verify.interval_holds"))
    return _result("interval", row, expected, found, False, detail)


def check_derived(row: Mapping[Hashable, object], quote: str) -> list[dict[str, object]]:
    """The checks of one derived row (see the module docstring)."""
    note = _text(row.get("note"))
    if " = " not in note:
        return _old_layout(row, quote)
    number = _number(row.get("value"))
    value = None if number is None else Decimal(repr(number))
    expected = format_number(number)
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

    shown: str = f"{expression} = {format_number(float(exact))}"
    digits = layout.digits
    rounded = digits is not None
    if digits is not None:
        try:
            target = round_significant(exact, digits) if 0 < digits <= MAX_DIGITS else None
        except InvalidOperation:
            target = None
        if target is None:
            detail, holds = phrase("verify.cannot_round", digits=digits), False
        else:
            shown = phrase(
                "verify.rounded_shown",
                shown=shown,
                digits=digits,
                unit=phrase("verify.digit" if digits == 1 else "verify.digits"),
                target=_plain(target),
            )
            holds = value is not None and value == target
            detail = (
                phrase("verify.at_precision")
                if holds
                else phrase("verify.rounds_to", digits=digits, target=_plain(target))
            )
    else:
        holds = value is not None and value == exact
        detail = phrase("verify.computes" if holds else "verify.not_computes")
    if Decimal(layout.exact) != _reading(exact):
        holds = False
        detail = phrase("verify.note_says", stated=layout.exact, computed=_plain(_reading(exact)))

    qualifier = ABOUT if rounded else EXACT
    found_qualifier = _text(row.get("qualifier"))
    results = [
        _result("derived", row, expected, shown, holds, detail),
        _result(
            "qualifier",
            row,
            Term("qualifier", qualifier),
            Term("qualifier", found_qualifier) if found_qualifier else phrase("verify.none"),
            found_qualifier == qualifier,
            phrase("verify.rounded_about" if rounded else "verify.unrounded_exact")
            if found_qualifier == qualifier
            else (
                phrase("verify.rounded_should_be", qualifier=Term("qualifier", ABOUT))
                if rounded
                else phrase("verify.exact_should_be", qualifier=Term("qualifier", EXACT))
            ),
        ),
    ]
    if rounded:
        results.append(_interval(row, layout, exact, value))
    results.append(_operands(row, quote, operands))
    return results
