"""Bind an observation to one figure of its quote: the ``figure`` column, its year, its metric.

A row of a data file with a ``figure`` column names the figure exactly as its quote
writes it (``51家``, ``突破14万件``, ``全国第一``). :func:`bound_figure` finds that text in
the quote and the one figure the parser reads inside it; the row's value, qualifier,
unit word and (for a stated year) year are then compared with that figure alone, so a
value swapped for another figure of the same quote (51 → 65) fails.

The year bound to a figure (:func:`governing_year`) is the nearest year written before
it in the quote (the last year of a range: 2012～2022年 dates its figures 2022), a
comparison base (是2013年的, 比2022年) governing only the figures after it in its own
clause; when no year precedes the figure, the first year after it that is not a
comparison base (9家企业入选2022年...).

The metric (:func:`metric_named`): the words that go with the figure (its clause, cut
at the figures around it; see :func:`segment_of`) must name the row's indicator (its
``name_zh``) no worse than they name another indicator of the same unit, by the share
of the name's character pairs they hold.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Mapping
from dataclasses import dataclass

from zgc_cli.check.rows import CheckRow, _number, _result, _text
from zgc_cli.model.figures import YEAR_PATTERN, Figure, parse_figures
from zgc_cli.model.numbers import machine_number as format_number
from zgc_cli.phrases import Named, Term, phrase

# A year right after these words is a comparison base (是2013年的1.5倍, 比2022年增长).
_COMPARISON = ("是", "比", "较", "为")
# What ends a clause: a comparison base governs no figure beyond it.
_CLAUSE_END = re.compile(r"[，,。；;！？!?：:\n]|\s{2,}")
# A 4-digit label of an edition (2023中国商业航天企业百强): a year too.
_LABEL_YEAR = re.compile(r"(?<![A-Za-z\d.])(\d{4})(?![\d.]|[A-Za-z])")
# How much worse than another indicator of its unit the row's may be named.
METRIC_MARGIN = 0.25


@dataclass(frozen=True)
class YearMark:
    """A year written in a passage: where, which, and whether it is a comparison base."""

    start: int
    end: int
    year: int
    comparison: bool


def year_marks(text: str) -> list[YearMark]:
    """Each year a passage writes, in order; a range gives its last year only."""
    marks: dict[int, YearMark] = {}
    for match in YEAR_PATTERN.finditer(text):
        start, end = match.span(1)
        rest = text[end:]
        if not re.match(r"\s*年", rest):
            continue  # the first year of a range: its figures belong to the range's end
        before = text[max(0, start - 1) : start]
        marks[start] = YearMark(start, end, int(match.group(1)), before in _COMPARISON)
    spans = [(figure.start, figure.end) for figure in parse_figures(text)]
    for match in _LABEL_YEAR.finditer(text):
        start = match.start(1)
        if start in marks or any(a <= start < b for a, b in spans):
            continue
        if re.match(r"\s*[年～~〜\-—–至到]", text[match.end(1) :]):
            continue
        marks[start] = YearMark(start, match.end(1), int(match.group(1)), False)
    return [marks[start] for start in sorted(marks)]


def governing_year(text: str, position: int) -> int | None:
    """The year a figure at ``position`` of ``text`` is bound to, or None."""
    marks = year_marks(text)
    before = [
        mark
        for mark in marks
        if mark.end <= position
        and not (mark.comparison and _CLAUSE_END.search(text, mark.end, position))
    ]
    if before:
        return before[-1].year
    after = [mark for mark in marks if mark.start >= position and not mark.comparison]
    return after[0].year if after else None


def bound_figure(figure_text: str, quote: str) -> Figure | None:
    """The one figure the quote writes inside an occurrence of ``figure_text``, or None.

    Each occurrence counts; one holds the figure when exactly one figure of the quote
    lies wholly inside it and none straddles its ends.
    """
    if not figure_text:
        return None
    figures = [figure for figure in parse_figures(quote) if not figure.is_threshold]
    # Every occurrence, overlapping ones too (a lookahead matches no characters).
    for match in re.finditer(f"(?={re.escape(figure_text)})", quote):
        start, end = match.start(), match.start() + len(figure_text)
        inside = [f for f in figures if start <= f.start and f.end <= end]
        straddling = [f for f in figures if f.start < end and f.end > start and f not in inside]
        if len(inside) == 1 and not straddling:
            return inside[0]
    return None


def check_figure(
    row: Mapping[Hashable, object], quote: str, figure_text: str
) -> tuple[CheckRow, Figure | None]:
    """The ``figure`` check: the row's figure text is in its quote and is one figure."""
    if not figure_text:
        return _result(
            "figure", row, phrase("verify.figure_named"), "", False, phrase("verify.no_figure_text")
        ), None
    if figure_text not in quote:
        return _result(
            "figure",
            row,
            figure_text,
            phrase("verify.not_found"),
            False,
            phrase("verify.figure_not_in_quote", text=figure_text),
        ), None
    figure = bound_figure(figure_text, quote)
    if figure is None:
        return _result(
            "figure",
            row,
            figure_text,
            phrase("verify.no_figure"),
            False,
            phrase("verify.figure_not_one", text=figure_text),
        ), None
    return _result(
        "figure",
        row,
        figure_text,
        phrase(
            "verify.figure",
            text=figure.text,
            value=format_number(figure.value),
            qualifier=Term("qualifier", figure.qualifier),
        ),
        True,
        phrase("verify.figure_in_quote"),
    ), figure


def check_value(row: Mapping[Hashable, object], figure: Figure) -> CheckRow:
    """The ``value`` check against the row's own figure."""
    value = _number(row.get("value"))
    holds = value is not None and value == figure.value
    return _result(
        "value",
        row,
        format_number(value),
        phrase(
            "verify.figure",
            text=figure.text,
            value=format_number(figure.value),
            qualifier=Term("qualifier", figure.qualifier),
        ),
        holds,
        phrase("verify.states_value")
        if holds
        else phrase("verify.figure_is_not_value", text=figure.text),
    )


def check_bound_year(
    row: Mapping[Hashable, object], quote: str, figure: Figure, year: int | None
) -> CheckRow:
    """The ``year`` check of a stated year: the year the quote binds the figure to."""
    bound = governing_year(quote, figure.start)
    holds = year is not None and bound == year
    found = str(bound) if bound is not None else phrase("verify.no_year")
    if holds:
        detail = phrase("verify.year_bound", text=figure.text)
    elif bound is None:
        detail = phrase("verify.stated_unnamed", year=year)
    else:
        detail = phrase("verify.year_bound_other", text=figure.text, bound=bound, year=year)
    return _result("year", row, phrase("verify.year_named", year=year), found, holds, detail)


def _pairs(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def name_coverage(name: str, text: str) -> float:
    """The share of the name's character pairs that ``text`` holds (0 for no name)."""
    pairs = _pairs(name)
    return sum(pair in text for pair in pairs) / len(pairs) if pairs else 0.0


def segment_of(text: str, figure: Figure) -> str:
    """The words that go with ``figure``: its clause, cut at the figures before and after.

    In 孵化器65家、众创空间144个、技术转移机构51家 the 51家 goes with 、技术转移机构51家.
    """
    ends = [match.end() for match in _CLAUSE_END.finditer(text, 0, figure.start)]
    after = _CLAUSE_END.search(text, figure.end)
    start = ends[-1] if ends else 0
    stop = after.start() if after else len(text)
    for other in parse_figures(text):
        if other.end <= figure.start:
            start = max(start, other.end)
        elif other.start >= figure.end:
            stop = min(stop, other.start)
    return text[start:stop]


def _indicator(metric: str, names_zh: Mapping[str, str]) -> Named:
    """An indicator by its id, and in Chinese by its name."""
    return Named({"zh": names_zh.get(metric) or metric, "en": metric})


def metric_named(
    row: Mapping[Hashable, object],
    passage: str,
    indicators: Mapping[str, Mapping[str, str]],
) -> CheckRow | None:
    """The ``metric`` check: the passage names the row's indicator no worse than another's."""
    metric = _text(row.get("metric"))
    if not indicators:
        return None
    if metric not in indicators:
        return _result("metric", row, metric, "", False, phrase("verify.metric_not_in_indicators"))
    units = {name: _text(meta.get("unit")) for name, meta in indicators.items()}
    names_zh = {name: _text(meta.get("name_zh")) for name, meta in indicators.items()}
    own = name_coverage(names_zh[metric], passage)
    rivals = sorted(
        (name_coverage(names_zh[name], passage), name)
        for name in indicators
        if name != metric and units[name] == units[metric]
    )
    holds = not rivals or rivals[-1][0] - own < METRIC_MARGIN
    found = phrase("verify.clause", clause=passage)
    detail = (
        phrase("verify.metric_named", name=names_zh[metric])
        if holds
        else phrase(
            "verify.metric_names_other",
            other=_indicator(rivals[-1][1], names_zh),
            name=names_zh[metric],
        )
    )
    return _result("metric", row, _indicator(metric, names_zh), found, holds, detail)
