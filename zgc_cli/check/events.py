"""Check the dated events (events.csv): each quote is verbatim and states its date.

Two checks per event, in rows of the verify report with ``metric`` = ``event``:

* ``quote`` (with the article): the quote is a verbatim substring of it.
* ``year``: the quote names the date's year and, when the date has them, its month
  (``4月``) and day (``25日``); a date whose note starts ``year inferred:`` was chosen
  by the compiler, and the note says how.
"""

from __future__ import annotations

from collections.abc import Hashable

import pandas as pd

from zgc_cli.check.rows import _frame, _result, _text
from zgc_cli.check.years import check_date
from zgc_cli.phrases import Named, phrase

EVENT = "event"


def verify_events(events: pd.DataFrame, article_text: str | None = None) -> pd.DataFrame:
    """One result row per (event, check); an empty frame for no events."""
    results: list[dict[str, object]] = []
    for event in events.to_dict("records"):
        date, quote = _text(event.get("date")), _text(event.get("quote"))
        row: dict[Hashable, object] = {
            "metric": EVENT,
            "entity": event.get("entity"),
            "year": date[:4],
        }
        name = Named(
            {
                "en": _text(event.get("event_en")) or _text(event.get("event_zh")),
                "zh": _text(event.get("event_zh")) or _text(event.get("event_en")),
            }
        )
        if not quote:
            results.append(
                _result(
                    "source",
                    row,
                    date,
                    "",
                    None,
                    phrase(
                        "verify.event", date=date, name=name, detail=phrase("verify.event_no_quote")
                    ),
                )
            )
            continue
        if article_text is not None:
            verbatim = quote in article_text
            results.append(
                _result(
                    "quote",
                    row,
                    phrase("verify.verbatim"),
                    phrase("verify.found" if verbatim else "verify.not_found"),
                    verbatim,
                    phrase(
                        "verify.event",
                        date=date,
                        name=name,
                        detail=phrase("verify.in_article" if verbatim else "verify.not_verbatim"),
                    ),
                )
            )
        holds, found, detail = check_date(date, quote, _text(event.get("note")))
        results.append(
            _result(
                "year",
                row,
                date,
                found,
                holds,
                phrase("verify.event", date=date, name=name, detail=detail),
            )
        )
    return _frame(results)
