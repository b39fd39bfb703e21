"""Check the article's relative claims (增长近一倍, 是2013年的1.5倍...) against the figures.

A claim is *definitional* when it was tested on a value read from the claim's own words
(employees 2013 = 279万 / 1.5 for 是2013年的1.5倍): it cannot fail by construction, so
when it holds it is reported as ``definitional``, not ``pass``. That is computed, never
taken from the file (see :func:`is_definitional`); a ``definitional`` column that says
otherwise fails. A claim that does not hold fails like any other.

With the article, each claim's quote must be a verbatim passage of it (check ``quote``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Mapping
from decimal import Decimal

import pandas as pd

from zgc_cli.check.rows import DEFINITIONAL, CheckRow, _flag, _frame, _number, _result, _text, _year
from zgc_cli.model.numbers import machine_number as format_number
from zgc_cli.phrases import Named, phrase

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


def _quote_result(claim: Mapping[Hashable, object], article_text: str) -> CheckRow:
    """The ``quote`` check of a claim: its words are a verbatim passage of the article."""
    words, claim_id = _text(claim.get("quote")), _text(claim.get("claim_id"))
    name = Named({"zh": f"“{words}”" if words else claim_id, "en": claim_id})
    verbatim = bool(words) and words in article_text
    return _result(
        "quote",
        claim,
        phrase("verify.verbatim"),
        phrase("verify.found" if verbatim else "verify.not_found"),
        verbatim,
        phrase(
            "verify.claim",
            claim=name,
            detail=phrase("verify.in_article" if verbatim else "verify.not_in_article"),
        ),
    )


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
        return phrase("verify.any_value")
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


def is_definitional(
    claim_quote: str, band_is_point: bool, rows: list[Mapping[Hashable, object]]
) -> bool:
    """Whether one of the claim's observations was read from the claim's own words.

    That is so when an observation is derived and its quote holds the claim's words
    (279万 / 1.5 from 是2013年的1.5倍), or when the claim asserts one value (a band of a
    single point: 全部, 从无到有) and an observation's figure lies in its words.
    """
    if not claim_quote:
        return False
    for row in rows:
        quote, figure = _text(row.get("quote")), _text(row.get("figure"))
        if _text(row.get("status")) == "derived" and claim_quote in quote:
            return True
        if band_is_point:
            if figure and figure in claim_quote:
                return True
            if not figure and quote and (claim_quote in quote or quote in claim_quote):
                return True
    return False


def verify_claims(
    observations: pd.DataFrame, claims: pd.DataFrame, article_text: str | None = None
) -> pd.DataFrame:
    """Compute each claim's measure from the observations and check it lies in its band.

    One result row per claim, with ``check`` = ``claim`` and the claim_id leading
    ``detail``. A claim whose observations are missing fails and names them.

    Args:
        observations: metric, entity, year, value (as in data/metrics.csv).
        claims: claim_id, kind, metric, entity, year, base_metric, base_entity,
            base_year, low, high, low_inclusive, high_inclusive and, optionally,
            definitional (as in data/claims.csv). Empty low/high mean unbounded; missing
            inclusive flags mean [low, high); a missing definitional flag means false.
    """
    values: dict[tuple[str, str, int | None], float | None] = {}
    rows: dict[tuple[str, str, int | None], Mapping[Hashable, object]] = {}
    for row in observations.to_dict("records"):
        key = (_text(row.get("metric")), _text(row.get("entity")), _year(row.get("year")))
        values.setdefault(key, _number(row.get("value")))
        rows.setdefault(key, row)

    results: list[CheckRow] = []
    for claim in claims.to_dict("records"):
        if article_text is not None:
            results.append(_quote_result(claim, article_text))
        claim_id, kind = _text(claim.get("claim_id")), _text(claim.get("kind"))
        # Chinese readers know a claim by its words in the article, not by its id.
        words = _text(claim.get("quote"))
        claim_name = Named({"en": claim_id, "zh": f"“{words}”" if words else claim_id})
        low, high = _number(claim.get("low")), _number(claim.get("high"))
        low_inclusive = _flag(claim.get("low_inclusive"), default=True)
        high_inclusive = _flag(claim.get("high_inclusive"), default=False)
        expected = _band(low, high, low_inclusive, high_inclusive)

        if kind not in CLAIM_KINDS:
            results.append(
                _result(
                    "claim",
                    claim,
                    expected,
                    kind,
                    False,
                    phrase(
                        "verify.claim", claim=claim_name, detail=phrase("verify.claim_unknown_kind")
                    ),
                )
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
            detail = phrase("verify.claim_missing", names=names)
            results.append(
                _result(
                    "claim",
                    claim,
                    expected,
                    "",
                    False,
                    phrase("verify.claim", claim=claim_name, detail=detail),
                )
            )
            continue

        value = _decimal(values[subject])
        base = _decimal(values[keys[1]]) if kind != "value" else None
        assert value is not None  # checked above; narrows the type
        measure = CLAIM_KINDS[kind](value, base)
        if measure.is_nan():
            results.append(
                _result(
                    "claim",
                    claim,
                    expected,
                    "",
                    False,
                    phrase(
                        "verify.claim", claim=claim_name, detail=phrase("verify.claim_zero_base")
                    ),
                )
            )
            continue
        holds = _within(measure, _decimal(low), _decimal(high), low_inclusive, high_inclusive)
        named_kind = phrase(f"claim.{kind}")
        within = phrase("verify.claim_within" if holds else "verify.claim_outside", kind=named_kind)
        computed = is_definitional(
            words,
            low is not None and low == high,
            [rows[key] for key in keys if key in rows],
        )
        definitional = holds and computed
        if definitional:
            within = phrase("verify.claim_definitional", detail=within)
        stated = _text(claim.get("definitional"))
        if holds and stated and _flag(stated, default=False) != computed:
            holds = False
            definitional = False
            within = phrase(
                "verify.claim_flag_wrong",
                stated=stated,
                computed=phrase("verify.yes" if computed else "verify.no"),
            )
        detail = phrase("verify.claim", claim=claim_name, detail=within)
        results.append(
            _result(
                "claim",
                claim,
                expected,
                format_number(float(measure)),
                holds,
                detail,
                result=DEFINITIONAL if definitional else None,
            )
        )
    return _frame(results)
