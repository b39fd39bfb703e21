"""Check observations and claims against the article's own wording.

Pure functions over DataFrames: no Typer, no Rich. The CLI imports this module lazily.

Every result row has the columns of :data:`RESULT_COLUMNS`:

* ``check``: what was checked (see :data:`OBSERVATION_CHECKS`; ``claim`` for claims),
* ``metric``, ``entity``, ``year``: the observation (for a claim, its subject),
* ``expected``, ``found``: short strings, to be shown side by side; every number in
  them is written in full (see :func:`format_number`), never rounded,
* ``result``: ``pass``, ``fail`` or ``unsourced`` (no quote: user data, not a failure),
* ``detail``: one short English sentence.

Observation checks, by row status:

* reported / estimate: ``value`` (a figure in the quote equals the value, exactly,
  after conversion to base units), then, when it holds, ``qualifier`` (that figure's
  wording gives the row's qualifier) and ``status`` (an estimate word such as 预计 or
  有望 governs that figure if and only if the row is an estimate).
* derived: ``derived`` (the ``note`` expression evaluates exactly to the value) and
  ``operands`` (each number in it is a figure or a year of the quote; 1 and 100 are
  allowed as the constants of percentage arithmetic).
* with ``article_text`` given: ``quote`` (the quote is a verbatim substring).

Threshold rule: a figure that names a size class in the metric's definition
(``亿元以上企业``, ``超千亿元企业``, ``万亿级产业集群``; see
:data:`zgc_cli.numbers_zh.THRESHOLD_NOUNS`) never matches an observation's value, so its
超/以上 cannot be mistaken for a bound on the count that follows.
"""

from __future__ import annotations

import ast
import math
import operator
from collections.abc import Callable, Hashable, Mapping
from decimal import Decimal
from typing import Any

import pandas as pd

from zgc_cli.data import QUALIFIERS, STATUSES
from zgc_cli.numbers_zh import (
    Figure,
    estimate_marker_before,
    parse_figures,
    years_in,
)

__all__ = [
    "CLAIM_KINDS",
    "OBSERVATION_CHECKS",
    "RESULT_COLUMNS",
    "STATUSES",
    "Figure",
    "evaluate_expression",
    "expression_numbers",
    "format_number",
    "parse_figures",
    "verify_claims",
    "verify_observations",
]

RESULT_COLUMNS: list[str] = [
    "check",
    "metric",
    "entity",
    "year",
    "expected",
    "found",
    "result",
    "detail",
]
OBSERVATION_CHECKS: tuple[str, ...] = (
    "source",
    "quote",
    "value",
    "qualifier",
    "status",
    "derived",
    "operands",
)
PASS, FAIL, UNSOURCED = "pass", "fail", "unsourced"

# Numbers a growth formula needs that the article never writes: 6758 / (1 + 14.9 / 100).
STRUCTURAL_CONSTANTS = frozenset({1.0, 100.0})


# --- safe arithmetic -----------------------------------------------------------------

_BINARY_OPERATORS: dict[type[ast.operator], Callable[[Any, Any], Any]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}
_UNARY_OPERATORS: dict[type[ast.unaryop], Callable[[Any], Any]] = {
    ast.UAdd: operator.pos,
    ast.USub: operator.neg,
}


def _parse_expression(expression: str) -> ast.expr:
    try:
        return ast.parse(expression.strip(), mode="eval").body
    except SyntaxError as error:
        raise ValueError(f"not an arithmetic expression: {expression!r}") from error


def _literal(node: ast.AST) -> int | float | None:
    """The number of a literal node; bools are not numbers here."""
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
        return None if isinstance(node.value, bool) else node.value
    return None


def _evaluate_node(node: ast.expr) -> int | float:
    # Python's own operators on the literal ints and floats, so that the result is
    # bit-for-bit what Python would print for the same expression.
    literal = _literal(node)
    if literal is not None:
        return literal
    if isinstance(node, ast.BinOp) and type(node.op) in _BINARY_OPERATORS:
        left, right = _evaluate_node(node.left), _evaluate_node(node.right)
        try:
            result: int | float = _BINARY_OPERATORS[type(node.op)](left, right)
        except ZeroDivisionError as error:
            raise ValueError("division by zero") from error
        return result
    if isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY_OPERATORS:
        negated: int | float = _UNARY_OPERATORS[type(node.op)](_evaluate_node(node.operand))
        return negated
    raise ValueError(f"only numbers, + - * / and parentheses are allowed, not {ast.dump(node)}")


def evaluate_expression(expression: str) -> float:
    """Evaluate an arithmetic expression of numbers, + - * / and parentheses (no eval)."""
    return float(_evaluate_node(_parse_expression(expression)))


def expression_numbers(expression: str) -> list[float]:
    """The number literals of an arithmetic expression, in order."""
    literals = (_literal(node) for node in ast.walk(_parse_expression(expression)))
    return [float(literal) for literal in literals if literal is not None]


# --- helpers -------------------------------------------------------------------------


def _text(value: object) -> str:
    """A cell as stripped text; missing cells (None, NaN, NA) become ''."""
    if value is None:
        return ""
    try:
        if pd.isna(value):  # type: ignore[call-overload]
            return ""
    except (TypeError, ValueError):
        pass
    return str(value).strip()


def _number(value: object) -> float | None:
    text = _text(value)
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        return None
    return None if math.isnan(number) else number


def _year(value: object) -> int | None:
    number = _number(value)
    return int(number) if number is not None and number.is_integer() else None


def _flag(value: object, default: bool) -> bool:
    text = _text(value).lower()
    if not text:
        return default
    return text in ("true", "1", "1.0", "yes")


def format_number(number: float | None) -> str:
    """A number in full: whole numbers without '.0', others as Python's shortest repr.

    The repr reads back as the same float, so nothing is rounded: a ratio of 13/7
    is written 1.8571428571428572, 9.8e11 is written 980000000000.
    """
    if number is None:
        return ""
    number = float(number)
    if math.isfinite(number) and number.is_integer():
        return str(int(number))
    return repr(number)


def _describe(figure: Figure) -> str:
    return f"{figure.text} = {format_number(figure.value)} ({figure.qualifier})"


def _result(
    check: str,
    row: Mapping[Hashable, object],
    expected: str,
    found: str,
    passed: bool | None,
    detail: str,
) -> dict[str, object]:
    result = UNSOURCED if passed is None else PASS if passed else FAIL
    return {
        "check": check,
        "metric": _text(row.get("metric")),
        "entity": _text(row.get("entity")),
        "year": _year(row.get("year")),
        "expected": expected,
        "found": found,
        "result": result,
        "detail": detail,
    }


def _frame(results: list[dict[str, object]]) -> pd.DataFrame:
    frame = pd.DataFrame(results, columns=RESULT_COLUMNS)
    frame["year"] = frame["year"].astype("Int64")
    return frame


# --- observations --------------------------------------------------------------------


def _check_reported(
    row: Mapping[Hashable, object], quote: str, status: str
) -> list[dict[str, object]]:
    value = _number(row.get("value"))
    expected = format_number(value)
    figures = parse_figures(quote)
    measured = [figure for figure in figures if not figure.is_threshold]
    matches = [figure for figure in measured if value is not None and figure.value == value]
    if not matches:
        thresholds = [f for f in figures if f.is_threshold and f.value == value]
        if thresholds:
            detail = f"{thresholds[0].text} is a threshold in the metric's definition, not a value"
        elif value is None:
            detail = "the row has no numeric value"
        else:
            detail = "no figure in the quote equals the value"
        found = "; ".join(_describe(figure) for figure in measured) or "no figure"
        return [_result("value", row, expected, found, False, detail)]

    results = [_result("value", row, expected, matches[0].text, True, "the quote states the value")]
    qualifier = _text(row.get("qualifier"))
    if qualifier:
        # Two figures may share the value (13 and 13); one with the right wording suffices.
        agreeing = [figure for figure in matches if figure.qualifier == qualifier]
        figure = agreeing[0] if agreeing else matches[0]
        results.append(
            _result(
                "qualifier",
                row,
                qualifier,
                f"{figure.qualifier} ({figure.text})",
                bool(agreeing),
                "the wording gives this qualifier"
                if agreeing
                else f"the wording {figure.text!r} reads as {figure.qualifier}",
            )
        )
        matches = [figure, *[m for m in matches if m is not figure]]

    markers = [estimate_marker_before(quote, figure, figures) for figure in matches]
    marker = next((m for m in markers if m), None)
    is_estimate = status == "estimate"
    # An estimate row needs one matching figure governed by 预计/有望; a reported row
    # needs one that is not.
    consistent = any((m is not None) == is_estimate for m in markers)
    if consistent:
        detail = "the wording agrees with the status"
    elif is_estimate:
        detail = "no estimate word (预计, 有望...) governs the figure"
    else:
        detail = f"the estimate word {marker} governs the figure"
    found = f"estimate ({marker})" if marker else "reported"
    results.append(_result("status", row, status, found, consistent, detail))
    return results


def _check_derived(row: Mapping[Hashable, object], quote: str) -> list[dict[str, object]]:
    value = _number(row.get("value"))
    expression = _text(row.get("note"))
    expected = format_number(value)
    try:
        computed = evaluate_expression(expression)
        operands = expression_numbers(expression)
    except ValueError as error:
        detail = (
            f"the note is not a usable expression: {error}"
            if expression
            else "a derived row needs its arithmetic in the note"
        )
        return [_result("derived", row, expected, expression, False, detail)]

    results = [
        _result(
            "derived",
            row,
            expected,
            f"{expression} = {format_number(computed)}",
            value is not None and computed == value,
            "the note computes the value"
            if value is not None and computed == value
            else "the note does not compute the value",
        )
    ]
    available = {figure.value for figure in parse_figures(quote)} | {
        float(year) for year in years_in(quote)
    }
    missing = [
        number
        for number in operands
        if number not in available and number not in STRUCTURAL_CONSTANTS
    ]
    results.append(
        _result(
            "operands",
            row,
            ", ".join(format_number(n) for n in operands),
            ", ".join(format_number(n) for n in sorted(available)),
            not missing,
            "every number comes from the quote"
            if not missing
            else "not in the quote: " + ", ".join(format_number(n) for n in missing),
        )
    )
    return results


def verify_observations(
    observations: pd.DataFrame, article_text: str | None = None
) -> pd.DataFrame:
    """Check each observation against its quote; one result row per (observation, check).

    Args:
        observations: columns metric, entity, year, value and, optionally, status,
            qualifier, quote, note (as in data/metrics.csv). Missing columns or empty
            cells are read as "not given".
        article_text: when given, each quote must also be a verbatim substring of it.
    """
    results: list[dict[str, object]] = []
    for row in observations.to_dict("records"):
        quote = _text(row.get("quote"))
        if not quote:
            results.append(
                _result("source", row, "", "", None, "no quote: the value cannot be traced")
            )
            continue
        if article_text is not None:
            in_article = quote in article_text
            results.append(
                _result(
                    "quote",
                    row,
                    "verbatim",
                    "found" if in_article else "not found",
                    in_article,
                    "the quote is in the article"
                    if in_article
                    else "the quote is not a verbatim passage of the article",
                )
            )
        status = _text(row.get("status")) or "reported"
        if status == "derived":
            results.extend(_check_derived(row, quote))
        elif status in STATUSES:
            results.extend(_check_reported(row, quote, status))
        else:
            results.append(
                _result("status", row, " | ".join(STATUSES), status, False, "unknown status")
            )
        qualifier = _text(row.get("qualifier"))
        if qualifier and qualifier not in QUALIFIERS:
            results.append(
                _result(
                    "qualifier",
                    row,
                    " | ".join(QUALIFIERS),
                    qualifier,
                    False,
                    "unknown qualifier",
                )
            )
    return _frame(results)


# --- claims --------------------------------------------------------------------------

# Measures are computed in decimal on the values as written (Decimal(repr(float))), so a
# growth from 100 to 110 is exactly 10 and sits on an exclusive bound of 10, not above it.
CLAIM_KINDS: dict[str, Callable[[Decimal, Decimal | None], Decimal]] = {
    # value / base
    "ratio": lambda value, base: value / base if base else Decimal("NaN"),
    # (value / base - 1) x 100
    "growth_pct": lambda value, base: (value / base - 1) * 100 if base else Decimal("NaN"),
    # value / base x 100
    "share_pct": lambda value, base: value / base * 100 if base else Decimal("NaN"),
    # the value itself, for claims with no base (从无到有, below the 万亿 level)
    "value": lambda value, base: value,
}


def _decimal(number: float | None) -> Decimal | None:
    return None if number is None else Decimal(repr(number))


def _band(low: float | None, high: float | None, low_inclusive: bool, high_inclusive: bool) -> str:
    """A claim's band as written for people: [1.75, 2), >= 40, < 1000000000000."""
    # An infinite bound is no bound: it reads as a one-sided comparison.
    if low is not None and low == -math.inf:
        low = None
    if high is not None and high == math.inf:
        high = None
    if low is None and high is None:
        return "any value"
    if low is None:
        return ("<= " if high_inclusive else "< ") + format_number(high)
    if high is None:
        return (">= " if low_inclusive else "> ") + format_number(low)
    left, right = "[" if low_inclusive else "(", "]" if high_inclusive else ")"
    return f"{left}{format_number(low)}, {format_number(high)}{right}"


def _within(
    measure: Decimal,
    low: Decimal | None,
    high: Decimal | None,
    low_inclusive: bool,
    high_inclusive: bool,
) -> bool:
    above = low is None or (measure >= low if low_inclusive else measure > low)
    below = high is None or (measure <= high if high_inclusive else measure < high)
    return above and below


def verify_claims(observations: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """Compute each claim's measure from the observations and check it lies in its band.

    One result row per claim, with ``check`` = ``claim`` and the claim_id leading
    ``detail``. A claim whose observations are missing fails and names them.

    Args:
        observations: metric, entity, year, value (as in data/metrics.csv).
        claims: claim_id, kind, metric, entity, year, base_metric, base_entity,
            base_year, low, high, low_inclusive, high_inclusive (as in data/claims.csv).
            Empty low/high mean unbounded; missing inclusive flags mean [low, high).
    """
    values: dict[tuple[str, str, int | None], float | None] = {}
    for row in observations.to_dict("records"):
        key = (_text(row.get("metric")), _text(row.get("entity")), _year(row.get("year")))
        values.setdefault(key, _number(row.get("value")))

    results: list[dict[str, object]] = []
    for claim in claims.to_dict("records"):
        claim_id, kind = _text(claim.get("claim_id")), _text(claim.get("kind"))
        low, high = _number(claim.get("low")), _number(claim.get("high"))
        low_inclusive = _flag(claim.get("low_inclusive"), default=True)
        high_inclusive = _flag(claim.get("high_inclusive"), default=False)
        expected = _band(low, high, low_inclusive, high_inclusive)

        if kind not in CLAIM_KINDS:
            results.append(
                _result("claim", claim, expected, kind, False, f"{claim_id}: unknown kind")
            )
            continue
        subject = (_text(claim.get("metric")), _text(claim.get("entity")), _year(claim.get("year")))
        keys = [subject]
        if kind != "value":
            keys.append(
                (
                    _text(claim.get("base_metric")),
                    _text(claim.get("base_entity")),
                    _year(claim.get("base_year")),
                )
            )
        missing = [key for key in keys if values.get(key) is None]
        if missing:
            names = ", ".join(f"{m}/{e}/{y}" for m, e, y in missing)
            results.append(
                _result("claim", claim, expected, "", False, f"{claim_id}: missing {names}")
            )
            continue

        value = _decimal(values[subject])
        base = _decimal(values[keys[1]]) if kind != "value" else None
        assert value is not None  # checked above; narrows the type
        measure = CLAIM_KINDS[kind](value, base)
        if measure.is_nan():
            results.append(
                _result("claim", claim, expected, "", False, f"{claim_id}: the base is zero")
            )
            continue
        holds = _within(measure, _decimal(low), _decimal(high), low_inclusive, high_inclusive)
        results.append(
            _result(
                "claim",
                claim,
                expected,
                format_number(float(measure)),
                holds,
                f"{claim_id}: {kind} {'within' if holds else 'outside'} the claimed band",
            )
        )
    return _frame(results)
