"""Check each observation against its quote: the figure, its wording, its status.

Pure functions over DataFrames: no Typer, no Rich.

Every result row has the columns of :data:`RESULT_COLUMNS`:

* ``check``: what was checked (see :data:`OBSERVATION_CHECKS`; ``claim`` for claims),
* ``metric``, ``entity``, ``year``: the observation (for a claim, its subject),
* ``expected``, ``found``: short strings, to be shown side by side; every number in
  them is written in full (see :func:`zgc_cli.present.numbers.machine_number`), never rounded,
* ``result``: ``pass``, ``fail`` or ``unsourced`` (no quote: user data, not a failure);
  ``definitional`` for a claim that holds by construction (see :mod:`.claims`),
* ``detail``: one short English sentence.

Observation checks, in this order, by row status:

* with ``article_text`` given: ``quote`` (the quote is a verbatim substring).
* reported / estimate: ``value`` (a figure in the quote equals the value, exactly,
  after conversion to base units), then, when it holds, ``qualifier`` (that figure's
  wording gives the row's qualifier), ``status`` (an estimate word such as 预计 or
  有望 governs that figure if and only if the row is an estimate) and ``unit`` (the
  unit word next to the figure allows the row's unit; see :mod:`.units`).
* derived: ``derived``, ``qualifier``, ``interval`` and ``operands`` (see :mod:`.derived`).
* ``year``: the year is supported as the row's ``year_basis`` says (see :mod:`.years`).
* ``entity``, with an entities table: the passage names the row's entity, or no other
  (see :mod:`.entities`).

Threshold rule: a figure that names a size class in the metric's definition
(``亿元以上企业``, ``超千亿元企业``, ``万亿级产业集群``; see
:data:`zgc_cli.model.figures.THRESHOLD_NOUNS`) never matches an observation's value, so its
超/以上 cannot be mistaken for a bound on the count that follows.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping

import pandas as pd

from zgc_cli.check.arithmetic import expression_numbers
from zgc_cli.check.binding import (
    check_bound_year,
    check_figure,
    check_value,
    metric_named,
    segment_of,
)
from zgc_cli.check.derived import check_derived
from zgc_cli.check.entities import Entities, check_entity
from zgc_cli.check.rows import CheckRow, _frame, _number, _result, _text, _year
from zgc_cli.check.units import check_derived_unit, check_indicator_unit, check_unit
from zgc_cli.check.years import (
    ARTICLE_YEAR,
    INFERRED,
    STATED,
    check_year,
    check_year_bounds,
)
from zgc_cli.model.figures import (
    Figure,
    estimate_marker_before,
    parse_figures,
    target_marker_before,
)
from zgc_cli.model.numbers import machine_number as format_number
from zgc_cli.model.schema import (
    ENTITY_QUOTE_COLUMN,
    FIGURE_COLUMN,
    QUALIFIERS,
    STATUSES,
    YEAR_BOUND_COLUMNS,
)
from zgc_cli.phrases import Listed, Term, phrase
from zgc_cli.stats.select import metadata_by_metric


def _describe(figure: Figure) -> str:
    qualifier = Term("qualifier", figure.qualifier)
    return phrase(
        "verify.figure", text=figure.text, value=format_number(figure.value), qualifier=qualifier
    )


def _check_reported(
    row: Mapping[Hashable, object], quote: str, status: str
) -> tuple[list[CheckRow], Figure | None]:
    """The value, qualifier, status and unit checks, and the figure that states the value."""
    value = _number(row.get("value"))
    expected = format_number(value)
    figures = parse_figures(quote)
    measured = [figure for figure in figures if not figure.is_threshold]
    matches = [figure for figure in measured if value is not None and figure.value == value]
    if not matches:
        thresholds = [f for f in figures if f.is_threshold and f.value == value]
        if thresholds:
            detail = phrase("verify.threshold", text=thresholds[0].text)
        elif value is None:
            detail = phrase("verify.no_value")
        else:
            detail = phrase("verify.no_equal_figure")
        found: str = phrase("verify.no_figure")
        for position, figure in enumerate(reversed(measured)):
            described = _describe(figure)
            found = (
                described if not position else phrase("verify.figures", first=described, rest=found)
            )
        return [_result("value", row, expected, found, False, detail)], None

    results = [
        _result("value", row, expected, matches[0].text, True, phrase("verify.states_value"))
    ]
    qualifier = _text(row.get("qualifier"))
    if qualifier:
        # Two figures may share the value (13 and 13); one with the right wording suffices.
        agreeing = [figure for figure in matches if figure.qualifier == qualifier]
        figure = agreeing[0] if agreeing else matches[0]
        results.append(
            _result(
                "qualifier",
                row,
                Term("qualifier", qualifier),
                phrase("verify.worded", term=Term("qualifier", figure.qualifier), text=figure.text),
                bool(agreeing),
                phrase("verify.gives_qualifier")
                if agreeing
                else phrase(
                    "verify.reads_as_qualifier",
                    text=figure.text,
                    term=Term("qualifier", figure.qualifier),
                ),
            )
        )
        matches = [figure, *[m for m in matches if m is not figure]]

    results.append(_check_status(row, quote, status, matches, figures))
    results.extend(check_unit(row, matches[0]))
    return results, matches[0]


def _check_bound(
    row: Mapping[Hashable, object], quote: str, status: str, figure: Figure
) -> list[CheckRow]:
    """The value, qualifier, status and unit checks of a row bound to its own figure."""
    results = [check_value(row, figure)]
    qualifier = _text(row.get("qualifier"))
    if qualifier:
        agrees = figure.qualifier == qualifier
        results.append(
            _result(
                "qualifier",
                row,
                Term("qualifier", qualifier),
                phrase("verify.worded", term=Term("qualifier", figure.qualifier), text=figure.text),
                agrees,
                phrase("verify.gives_qualifier")
                if agrees
                else phrase(
                    "verify.reads_as_qualifier",
                    text=figure.text,
                    term=Term("qualifier", figure.qualifier),
                ),
            )
        )
    results.append(_check_status(row, quote, status, [figure], parse_figures(quote)))
    results.extend(check_unit(row, figure))
    return results


def _check_status(
    row: Mapping[Hashable, object],
    quote: str,
    status: str,
    matches: list[Figure],
    figures: list[Figure],
) -> CheckRow:
    """The status check: an estimate row needs one matching figure governed by 预计/有望,
    a target row one after a target word of its sentence (目标, 力争, 计划到…), and a
    reported row one that no estimate word governs."""
    if status == "target":
        targets = [target_marker_before(quote, figure) for figure in matches]
        target = next((t for t in targets if t), None)
        return _result(
            "status",
            row,
            Term("status", status),
            phrase("verify.target_found", marker=target) if target else Term("status", "reported"),
            target is not None,
            phrase("verify.agrees_status") if target else phrase("verify.no_target_word"),
        )
    markers = [estimate_marker_before(quote, figure, figures) for figure in matches]
    marker = next((m for m in markers if m), None)
    is_estimate = status == "estimate"
    consistent = any((m is not None) == is_estimate for m in markers)
    if consistent:
        detail = phrase("verify.agrees_status")
    elif is_estimate:
        detail = phrase("verify.no_estimate_word")
    else:
        detail = phrase("verify.estimate_word", marker=marker)
    found = phrase("verify.estimate_found", marker=marker) if marker else Term("status", "reported")
    return _result("status", row, Term("status", status), found, consistent, detail)


def _derived_figure(
    row: Mapping[Hashable, object], quote: str, figure_text: str
) -> tuple[list[CheckRow], Figure | None]:
    """The ``figure`` check of a derived row (its figure is one of the note's operands)
    and the ``unit`` check (its unit follows from its operands' unit words)."""
    result, figure = check_figure(row, quote, figure_text)
    note = _text(row.get("note"))
    try:
        operands = expression_numbers(note.partition(" = ")[0])
    except ValueError:
        operands = []
    if figure is not None and figure.value not in operands:
        result = _result(
            "figure",
            row,
            figure_text,
            ", ".join(format_number(n) for n in operands),
            False,
            phrase("verify.figure_not_operand", text=figure_text),
        )
    return [result, *check_derived_unit(row, operands, parse_figures(quote))], figure


def _check_row(
    row: Mapping[Hashable, object],
    quote: str,
    article_text: str | None,
    entities: Entities | None,
    published: int,
    indicators: Mapping[str, Mapping[str, str]],
) -> list[CheckRow]:
    results: list[CheckRow] = []
    if article_text is not None:
        in_article = quote in article_text
        results.append(
            _result(
                "quote",
                row,
                phrase("verify.verbatim"),
                phrase("verify.found" if in_article else "verify.not_found"),
                in_article,
                phrase("verify.in_article" if in_article else "verify.not_in_article"),
            )
        )
    status = _text(row.get("status")) or "reported"
    bound = FIGURE_COLUMN in row
    figure_text = _text(row.get(FIGURE_COLUMN))
    figure: Figure | None = None
    if status == "derived":
        results.extend(check_derived(row, quote))
        if bound:
            checked, figure = _derived_figure(row, quote, figure_text)
            results.extend(checked)
    elif status in STATUSES:
        if bound:
            result, figure = check_figure(row, quote, figure_text)
            results.append(result)
        if figure is not None:
            results.extend(_check_bound(row, quote, status, figure))
        else:
            reported, figure = _check_reported(row, quote, status)
            results.extend(reported)
    else:
        results.append(
            _result(
                "status",
                row,
                Listed((Term("status", name) for name in STATUSES), " | "),
                status,
                False,
                phrase("verify.unknown_status"),
            )
        )
    qualifier = _text(row.get("qualifier"))
    if qualifier and qualifier not in QUALIFIERS:
        results.append(
            _result(
                "qualifier",
                row,
                Listed((Term("qualifier", name) for name in QUALIFIERS), " | "),
                qualifier,
                False,
                phrase("verify.unknown_qualifier"),
            )
        )
    basis = _text(row.get("year_basis"))
    if bound and basis == STATED and figure is not None:
        results.append(check_bound_year(row, quote, figure, _year(row.get("year"))))
    else:
        results.extend(check_year(row, quote, published))
    if basis == INFERRED and any(name in row for name in YEAR_BOUND_COLUMNS):
        results.extend(check_year_bounds(row, quote, published, article_text))
    results.extend(check_indicator_unit(row, indicators))
    if bound and indicators:
        if status == "derived":
            passage = quote
        elif figure is not None:
            passage = segment_of(quote, figure)
        else:
            passage = ""
        named = metric_named(row, passage, indicators) if passage else None
        if named is not None:
            results.append(named)
    if entities is not None:
        position = figure.start if figure is not None else len(quote)
        entity_quote = _text(row.get(ENTITY_QUOTE_COLUMN)) if ENTITY_QUOTE_COLUMN in row else None
        results.extend(check_entity(row, quote, position, entities, article_text, entity_quote))
    return results


def verify_observations(
    observations: pd.DataFrame,
    article_text: str | None = None,
    *,
    entities: pd.DataFrame | None = None,
    publication_year: int = ARTICLE_YEAR,
    indicators: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Check each observation against its quote; one result row per (observation, check).

    Args:
        observations: columns metric, entity, year, value and, optionally, unit, status,
            qualifier, quote, note, year_basis (as in data/metrics.csv). Missing columns
            or empty cells are read as "not given".
        article_text: when given, each quote must also be a verbatim substring of it,
            and a quote naming no entity is judged by its sentence.
        entities: the entities table (as in data/entities.csv); without it, or when it
            is empty, there is no entity check.
        publication_year: the year of rows dated to publication (year_basis publication).
        indicators: the indicators table (as in data/indicators.csv): each row's unit must
            be its indicator's, and, with a ``figure`` column, its figure's clause must
            name its indicator.
    """
    table = Entities(entities) if entities is not None and not entities.empty else None
    metadata = metadata_by_metric(indicators)
    results: list[CheckRow] = []
    for row in observations.to_dict("records"):
        quote = _text(row.get("quote"))
        if not quote:
            results.append(_result("source", row, "", "", None, phrase("verify.no_quote")))
            continue
        results.extend(_check_row(row, quote, article_text, table, publication_year, metadata))
    return _frame(results)
