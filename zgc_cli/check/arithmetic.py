"""A safe evaluator for the arithmetic in a derived row's note: numbers, + - * / and ().

No ``eval``: the expression is parsed with :mod:`ast` and only number literals
and the four operators are walked, with Python's own operators, so the result is
bit-for-bit what Python would print for the same expression.
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable
from typing import Any

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
