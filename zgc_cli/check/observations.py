"""Check each observation against its quote: the figure, its wording, its status.

Pure functions over DataFrames: no Typer, no Rich.

Every result row has the columns of :data:`RESULT_COLUMNS`:

* ``check``: what was checked (see :data:`OBSERVATION_CHECKS`; ``claim`` for claims),
* ``metric``, ``entity``, ``year``: the observation (for a claim, its subject),
* ``expected``, ``found``: short strings, to be shown side by side; every number in
  them is written in full (see :func:`zgc_cli.present.numbers.machine_number`), never rounded,
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
:data:`zgc_cli.check.wording.THRESHOLD_NOUNS`) never matches an observation's value, so its
超/以上 cannot be mistaken for a bound on the count that follows.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping

import pandas as pd

from zgc_cli.check.arithmetic import evaluate_expression, expression_numbers
from zgc_cli.check.rows import _frame, _number, _result, _text
from zgc_cli.check.wording import Figure, estimate_marker_before, parse_figures, years_in
from zgc_cli.model.numbers import machine_number as format_number
from zgc_cli.model.schema import QUALIFIERS, STATUSES

# Numbers a growth formula needs that the article never writes: 6758 / (1 + 14.9 / 100).
STRUCTURAL_CONSTANTS = frozenset({1.0, 100.0})


def _describe(figure: Figure) -> str:
    return f"{figure.text} = {format_number(figure.value)} ({figure.qualifier})"


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
