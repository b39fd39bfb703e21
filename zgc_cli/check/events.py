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

from zgc_cli.check.entities import Entities, check_entity
from zgc_cli.check.rows import CheckRow, _frame, _result, _text, _year
from zgc_cli.check.years import ARTICLE_YEAR, INFERRED_PREFIX, check_date, preceding_year
from zgc_cli.phrases import Named, phrase

EVENT = "event"


def verify_events(
    events: pd.DataFrame,
    article_text: str | None = None,
    entities: Entities | None = None,
    published: int = ARTICLE_YEAR,
) -> pd.DataFrame:
    """One result row per (event, check); an empty frame for no events.

    With an entities table, each event's entity must be in it and named by its passage
    as an observation's is (see :func:`zgc_cli.check.entities.check_entity`); an event
    whose date was inferred must lie after the years its paragraph states as earlier and
    not after the publication.
    """
    results: list[CheckRow] = []
    has_entity_quote = "entity_quote" in events.columns
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
        note = _text(event.get("note"))
        holds, found, detail = check_date(date, quote, note)
        year = _year(date[:4])
        earlier = preceding_year(article_text, quote)
        if holds and note.startswith(INFERRED_PREFIX) and year is not None:
            if year > published:
                holds = False
                detail = phrase("verify.bound_after_publication", high=year, published=published)
            elif earlier is not None and year < earlier:
                holds = False
                detail = phrase("verify.bound_before_earlier", low=year, earlier=earlier)
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
        if entities is not None:
            entity_quote = _text(event.get("entity_quote")) if has_entity_quote else None
            for found_row in check_entity(row, quote, 0, entities, article_text, entity_quote):
                found_row["detail"] = phrase(
                    "verify.event", date=date, name=name, detail=found_row["detail"]
                )
                results.append(found_row)
    return _frame(results)
