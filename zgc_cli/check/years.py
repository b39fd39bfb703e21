"""Check how each observation's year is known (its ``year_basis``), and read dates.

* ``stated``: the quote names the year: ``2022年``, either end of a range
  (``2012～2022年``), or a 4-digit label of an edition (``2023中国商业航天企业百强``).
* ``inferred``: the year was chosen by the compiler; the note says how, starting
  ``year inferred:``.
* ``publication``: an undated figure current when the article appeared, dated to the
  publication's year (the data package's date; April 2024 for the shipped article).

A row with no ``year_basis`` (a user's file) makes no claim and gets no year check.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Mapping

from zgc_cli.check.rows import CheckRow, _result, _text, _year
from zgc_cli.model.figures import YEAR_PATTERN, parse_figures, years_in
from zgc_cli.model.schema import YEAR_BASES
from zgc_cli.phrases import Listed, Term, phrase

STATED, INFERRED, PUBLICATION = YEAR_BASES
# The note of a row (or event) whose year the article does not give.
INFERRED_PREFIX = "year inferred:"
# The shipped article's year (《瞭望》, April 2024): used when no data package dates it.
ARTICLE_YEAR = 2024

# A 4-digit number standing alone: not part of a longer number, a decimal or a name
# such as 3A6000.
_LABEL_YEAR = re.compile(r"(?<![A-Za-z\d.])(\d{4})(?![\d.]|[A-Za-z])")
_DATE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")


def named_years(text: str) -> set[int]:
    """The years a passage names: 2023年, both ends of 2012～2022年, and labels (2023中国...).

    A 4-digit number that is a figure (2500强, 1897家) is not a year.
    """
    years = years_in(text)
    spans = [(figure.start, figure.end) for figure in parse_figures(text)]
    for match in _LABEL_YEAR.finditer(text):
        if not any(start <= match.start() < end for start, end in spans):
            years.add(int(match.group(1)))
    return years


def publication_year(date: str | None) -> int:
    """The year of a publication date (``2024-04``), or :data:`ARTICLE_YEAR`."""
    match = re.match(r"\s*(\d{4})", date or "")
    return int(match.group(1)) if match else ARTICLE_YEAR


def _years_text(years: set[int]) -> str:
    return Listed(sorted(years), quoted=False) if years else phrase("verify.no_year")


def check_year(
    row: Mapping[Hashable, object], quote: str, published: int = ARTICLE_YEAR
) -> list[CheckRow]:
    """The ``year`` check of one observation, or nothing when it has no year_basis."""
    basis = _text(row.get("year_basis"))
    if not basis:
        return []
    year = _year(row.get("year"))
    if basis == STATED:
        years = named_years(quote)
        holds = year is not None and year in years
        return [
            _result(
                "year",
                row,
                phrase("verify.year_named", year=year),
                _years_text(years),
                holds,
                phrase("verify.names_year")
                if holds
                else phrase("verify.stated_unnamed", year=year),
            )
        ]
    if basis == INFERRED:
        note = _text(row.get("note"))
        holds = note.startswith(INFERRED_PREFIX) and bool(note[len(INFERRED_PREFIX) :].strip())
        return [
            _result(
                "year",
                row,
                phrase("verify.note_starting", prefix=INFERRED_PREFIX),
                phrase("verify.note_how" if holds else "verify.no_note_how"),
                holds,
                phrase("verify.year_chosen")
                if holds
                else phrase("verify.inferred_needs_note", prefix=INFERRED_PREFIX),
            )
        ]
    if basis == PUBLICATION:
        holds = year == published
        return [
            _result(
                "year",
                row,
                str(published),
                str(year),
                holds,
                phrase("verify.dated_publication")
                if holds
                else phrase("verify.undated_is", year=published),
            )
        ]
    return [
        _result(
            "year",
            row,
            Listed((Term("year_basis", name) for name in YEAR_BASES), " | "),
            basis,
            False,
            phrase("verify.unknown_basis"),
        ),
    ]


def check_date(date: str, quote: str, note: str) -> tuple[bool, str, str]:
    """Whether a quote states a date (``2015-04``): (holds, found, detail).

    The quote must name the year and, when the date has them, the month (``4月``) and
    the day (``25日``); a date whose note starts ``year inferred:`` was chosen, not stated.
    """
    match = _DATE.match(date)
    if not match:
        return False, date, phrase("verify.not_date")
    if note.startswith(INFERRED_PREFIX):
        return True, phrase("verify.inferred"), phrase("verify.date_chosen")
    years = named_years(quote)
    missing = [] if int(match["year"]) in years else [f"{match['year']}年"]
    for part, suffix in ((match["month"], "月"), (match["day"], "日")):
        if part and not re.search(rf"(?<!\d){int(part)}{suffix}", quote):
            missing.append(f"{int(part)}{suffix}")
    if missing:
        return False, _years_text(years), phrase("verify.date_unnamed", parts=Listed(missing))
    return True, _years_text(years), phrase("verify.names_date")


# Words after a year that put what follows later than it: 5个月后, 很快, 不到四年, 以来.
_LATER = re.compile(r"个月后|年后|天后|之后|此后|随后|很快|不到[^，。；]{0,3}年|以来")
# Where a paragraph of the article ends.
_PARAGRAPH_END = re.compile(r"\s{2,}|◇|\n")


def preceding_year(article: str | None, quote: str) -> int | None:
    """The latest year the quote's paragraph states as before it, or None.

    A year written before the quote's end in its paragraph precedes it when a word
    saying "later" (5个月后, 很快, 不到四年) follows it before the next year and the
    quote's end.
    """
    if not article or not quote:
        return None
    start = article.find(quote)
    if start < 0:
        return None
    end = start + len(quote)
    breaks = [match.end() for match in _PARAGRAPH_END.finditer(article, 0, start)]
    first = breaks[-1] if breaks else 0
    found = None
    years = list(YEAR_PATTERN.finditer(article, first, end))
    for index, match in enumerate(years):
        until = years[index + 1].start(1) if index + 1 < len(years) else end
        if _LATER.search(article, match.end(1), until):
            found = int(match.group(1)) if found is None else max(found, int(match.group(1)))
    return found


def check_year_bounds(
    row: Mapping[Hashable, object],
    quote: str,
    published: int,
    article: str | None = None,
) -> list[CheckRow]:
    """The ``year_bounds`` check of an inferred year: within year_min..year_max, which
    the passages allow (not before a year they state as earlier, not after publication).
    """
    year = _year(row.get("year"))
    low, high = _year(row.get("year_min")), _year(row.get("year_max"))
    expected = phrase(
        "verify.bounds",
        low="?" if low is None else low,
        high="?" if high is None else high,
    )
    if low is None or high is None:
        needs = phrase("verify.inferred_needs_bounds")
        return [_result("year_bounds", row, expected, str(year), False, needs)]
    earlier = preceding_year(article, quote)
    detail: str
    if year is None or not low <= year <= high:
        detail = phrase("verify.year_outside_bounds", year=year, low=low, high=high)
    elif high > published:
        detail = phrase("verify.bound_after_publication", high=high, published=published)
    elif earlier is not None and low < earlier:
        detail = phrase("verify.bound_before_earlier", low=low, earlier=earlier)
    else:
        held = (
            phrase("verify.bounds_hold_after", earlier=earlier)
            if earlier is not None
            else phrase("verify.bounds_hold")
        )
        return [_result("year_bounds", row, expected, str(year), True, held)]
    return [_result("year_bounds", row, expected, str(year), False, detail)]
