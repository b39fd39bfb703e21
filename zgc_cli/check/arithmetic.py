"""A safe evaluator for the arithmetic in a derived row's note: numbers, + - * / and ().

No ``eval``: the expression is parsed with :mod:`ast` and only number literals
and the four operators are walked. :func:`evaluate_expression` uses Python's own
operators, so its result is bit-for-bit what Python would print for the same
expression; :func:`evaluate_decimal` computes in decimal on the literals as written,
so that ``6758 / (1 + 14.9 / 100)`` divides by exactly 1.149.
"""

from __future__ import annotations

import ast
import decimal
import operator
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from zgc_cli.words import phrase

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


# A note's arithmetic is a line; anything longer is not one (and deep nesting would
# exhaust the parser's recursion).
MAX_EXPRESSION_LENGTH = 1000


def _parse_expression(expression: str) -> ast.expr:
    if len(expression) > MAX_EXPRESSION_LENGTH:
        raise ValueError(phrase("arith.too_long", limit=MAX_EXPRESSION_LENGTH))
    try:
        return ast.parse(expression.strip(), mode="eval").body
    except (SyntaxError, RecursionError, MemoryError) as error:
        raise ValueError(phrase("arith.not_expression", expression=expression)) from error


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
            raise ValueError(phrase("arith.division_by_zero")) from error
        return result
    if isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY_OPERATORS:
        negated: int | float = _UNARY_OPERATORS[type(node.op)](_evaluate_node(node.operand))
        return negated
    raise ValueError(phrase("arith.not_allowed", node=ast.dump(node)))


def evaluate_expression(expression: str) -> float:
    """Evaluate an arithmetic expression of numbers, + - * / and parentheses (no eval)."""
    node = _parse_expression(expression)
    try:
        return float(_evaluate_node(node))
    except RecursionError as error:
        raise ValueError(phrase("arith.too_deep")) from error


def expression_numbers(expression: str) -> list[float]:
    """The number literals of an arithmetic expression, in order."""
    literals = (_literal(node) for node in ast.walk(_parse_expression(expression)))
    return [float(literal) for literal in literals if literal is not None]


# Enough digits that rounding a result to the few significant digits of an article's
# figures never meets the context's own rounding.
DECIMAL_PRECISION = 50


def _decimal_node(node: ast.expr) -> Decimal:
    literal = _literal(node)
    if literal is not None:
        return Decimal(repr(literal)) if isinstance(literal, float) else Decimal(literal)
    if isinstance(node, ast.BinOp) and type(node.op) in _BINARY_OPERATORS:
        left, right = _decimal_node(node.left), _decimal_node(node.right)
        try:
            result: Decimal = _BINARY_OPERATORS[type(node.op)](left, right)
        except (ZeroDivisionError, decimal.InvalidOperation) as error:
            raise ValueError(phrase("arith.division_by_zero")) from error
        return result
    if isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY_OPERATORS:
        signed: Decimal = _UNARY_OPERATORS[type(node.op)](_decimal_node(node.operand))
        return signed
    raise ValueError(phrase("arith.not_allowed", node=ast.dump(node)))


def evaluate_decimal(expression: str) -> Decimal:
    """The expression computed in decimal on its literals as written (no eval).

    Literals are read as written (``14.9`` is 14.9, not the nearest float), and
    divisions are carried to :data:`DECIMAL_PRECISION` significant digits.
    """
    node = _parse_expression(expression)
    with decimal.localcontext() as context:
        context.prec = DECIMAL_PRECISION
        context.traps[decimal.DivisionByZero] = True
        context.traps[decimal.InvalidOperation] = True
        try:
            result = _decimal_node(node)
        except RecursionError as error:
            raise ValueError(phrase("arith.too_deep")) from error
    if not result.is_finite():
        raise ValueError(phrase("arith.not_finite", expression=expression))
    return result
