"""The dated milestones beside the data (``events.csv``), by date, filtered by entity and years."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from zgc_cli.model.schema import EVENT_COLUMNS
from zgc_cli.stats.select import UnknownSelectionError, check_year_range
from zgc_cli.stats.shares import ancestors
from zgc_cli.words import Listed, phrase


def event_year(date: str) -> int | None:
    """The year of a date written at any precision (1988, 2015-04, 2023-08-30)."""
    head = date.strip()[:4]
    return int(head) if head.isdigit() else None


def timeline(
    events: pd.DataFrame,
    entities: pd.DataFrame,
    entity: str | Sequence[str] | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
) -> pd.DataFrame:
    """Events in date order; each entity asked for keeps its own and its sub-entities' events
    (zgc: the forum's too)."""
    check_year_range(year_from, year_to)
    rows = events[list(EVENT_COLUMNS)]
    wanted = [entity] if isinstance(entity, str) else list(entity or [])
    if wanted:
        known = sorted(set(map(str, rows["entity"])) | set(map(str, entities["entity"])))
        for name in wanted:
            if name not in known:
                raise UnknownSelectionError(
                    phrase("select.unknown_entity", wanted=name, hint="", available=Listed(known))
                )
        chains = ancestors(entities)
        keep = set(wanted) | {
            name for name, chain in chains.items() if any(one in chain for one in wanted)
        }
        rows = rows[rows["entity"].astype(str).isin(keep)]
    years = rows["date"].astype(str).map(event_year)
    if year_from is not None:
        rows = rows[years.ge(year_from).fillna(False).astype(bool)]
        years = years[rows.index]
    if year_to is not None:
        rows = rows[years.le(year_to).fillna(False).astype(bool)]
    return rows.sort_values(["date", "entity"], kind="stable").reset_index(drop=True)
