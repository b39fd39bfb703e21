"""Shares of a whole: each entity's value as a percent of an ancestor's in the same year.

The ancestors come from ``entities.csv`` (zgc → beijing → china; a sub-park →
zgc). By default the whole is the nearest ancestor that has a value for the same
metric and year; ``of`` names one. A bound at either end makes the share a bound,
in the direction it pushes: a numerator over its figure (突破, 超) raises the
share, a denominator over its figure lowers it; bounds pulling both ways, or an
``about``, leave a share that is only ``about`` right.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping

import pandas as pd

from zgc_cli.errors import ZgcError
from zgc_cli.model.schema import FLAG_SEPARATOR, STATUS_FLAGS
from zgc_cli.phrases import PHRASES, Listed, phrase
from zgc_cli.stats.kinds import AMOUNTS, Kind, row_kinds
from zgc_cli.stats.select import UnknownSelectionError, present_names, select

SHARE_COLUMNS: list[str] = [
    "metric",
    "entity",
    "of_entity",
    "year",
    "value",
    "of_value",
    "share_pct",
    "flags",
]
# Which way a qualifier moves the true value from the figure: up (a lower bound), down.
_UP, _DOWN, _ABOUT = "up", "down", "about"
_DIRECTION: dict[str, str] = {
    "more_than": _UP,
    "less_than": _DOWN,
    "nearly": _DOWN,
    "about": _ABOUT,
}


def ancestors(entities: pd.DataFrame) -> dict[str, list[str]]:
    """Each entity's ancestors, nearest first (a loop in the parents is cut where it closes)."""
    parents = {
        str(entity): str(parent)
        for entity, parent in zip(entities["entity"], entities["parent"], strict=True)
        if str(parent)
    }
    chains: dict[str, list[str]] = {}
    for entity in parents:
        chain: list[str] = []
        current = parents.get(entity)
        while current and current not in chain and current != entity:
            chain.append(current)
            current = parents.get(current)
        chains[entity] = chain
    return chains


def share_qualifier(part_qualifier: str, whole_qualifier: str) -> str:
    """The qualifier of part / whole, given each end's."""
    moves = set()
    part = _DIRECTION.get(part_qualifier)
    if part:
        moves.add(part)
    whole = _DIRECTION.get(whole_qualifier)
    if whole:
        # A larger whole makes a smaller share, and the other way round.
        moves.add({_UP: _DOWN, _DOWN: _UP}.get(whole, whole))
    if not moves:
        return ""
    if moves == {_UP}:
        return "more_than"
    if moves == {_DOWN}:
        return "nearly" if part_qualifier == "nearly" and not whole else "less_than"
    return "about"


def _flags(part: Mapping[Hashable, object], whole: Mapping[Hashable, object]) -> str:
    statuses = [
        flag for flag in STATUS_FLAGS if flag in (str(part["status"]), str(whole["status"]))
    ]
    qualifier = share_qualifier(str(part["qualifier"]), str(whole["qualifier"]))
    return FLAG_SEPARATOR.join([*statuses, *([qualifier] if qualifier else [])])


def shares(
    observations: pd.DataFrame,
    metric: str,
    entities: pd.DataFrame,
    of: str | None = None,
    declared: Mapping[str, Kind] | None = None,
    indicators: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Each entity's share of its whole for one metric, year by year (see the module)."""
    rows = select(observations, metrics=[metric], indicators=indicators)
    kinds = set(row_kinds(rows, declared))
    if not kinds <= {kind.value for kind in AMOUNTS}:
        others = sorted(kinds - {k.value for k in AMOUNTS})
        key = f"kind.{others[0]}"
        named = phrase(key) if len(others) == 1 and key in PHRASES else Listed(others)
        raise ZgcError(phrase("share.not_amounts", metric=metric, kinds=named))
    chains = ancestors(entities)
    if not chains:
        raise ZgcError(phrase("share.no_parents"))
    if of is not None and of not in present_names(rows["entity"]):
        available = Listed(present_names(rows["entity"]))
        raise UnknownSelectionError(
            phrase("share.no_whole", metric=metric, whole=of, available=available)
        )
    by_key = {(str(row["entity"]), int(row["year"])): row for row in rows.to_dict("records")}
    records: list[dict[str, object]] = []
    for (entity, year), part in by_key.items():
        candidates = chains.get(entity, [])
        if of is not None:
            candidates = [of] if of in candidates else []
        whole_entity = next((name for name in candidates if (name, year) in by_key), None)
        if whole_entity is None:
            continue
        whole = by_key[(whole_entity, year)]
        of_value = float(whole["value"])
        records.append(
            {
                "metric": metric,
                "entity": entity,
                "of_entity": whole_entity,
                "year": year,
                "value": float(part["value"]),
                "of_value": of_value,
                "share_pct": float(part["value"]) / of_value * 100 if of_value else float("nan"),
                "flags": _flags(part, whole),
            }
        )
    frame = pd.DataFrame(records, columns=SHARE_COLUMNS)
    frame["year"] = frame["year"].astype("int64")
    return frame.sort_values(["year", "entity", "of_entity"], kind="stable").reset_index(drop=True)
