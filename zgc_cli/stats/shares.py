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

import numpy as np
import pandas as pd

from zgc_cli.errors import ZgcError
from zgc_cli.model.schema import FLAG_SEPARATOR, STATUS_FLAGS, with_interval_columns
from zgc_cli.stats.intervals import (
    bounded_points,
    interval_cells,
    share_bounds,
)
from zgc_cli.stats.kinds import AMOUNTS, Kind, row_kinds
from zgc_cli.stats.observed import observation_bounds
from zgc_cli.stats.select import UnknownSelectionError, present_names, select
from zgc_cli.words import PHRASES, Listed, phrase

# The part's value, the whole's and the share are each followed by their six interval columns.
SHARE_COLUMNS: list[str] = with_interval_columns(
    ["metric", "entity", "of_entity", "year", "value", "of_value", "share_pct", "flags"],
    {"value", "of_value", "share_pct"},
)
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
    rows = rows.reset_index(drop=True)
    position = {
        (str(entity), int(year)): row
        for row, (entity, year) in enumerate(zip(rows["entity"], rows["year"], strict=True))
    }
    parts: list[int] = []
    wholes: list[int] = []
    for (entity, year), part in position.items():
        candidates = chains.get(entity, [])
        if of is not None:
            candidates = [of] if of in candidates else []
        whole = next(
            (position[(name, year)] for name in candidates if (name, year) in position), None
        )
        if whole is not None:
            parts.append(part)
            wholes.append(whole)
    return _share_frame(
        rows, metric, np.array(parts, dtype=np.int64), np.array(wholes, dtype=np.int64)
    )


def _share_frame(
    rows: pd.DataFrame, metric: str, parts: np.ndarray, wholes: np.ndarray
) -> pd.DataFrame:
    """The shares of ``rows[parts]`` in ``rows[wholes]``, with their intervals."""
    strict, conventional = observation_bounds(rows)
    values = rows["value"].to_numpy(dtype="float64")
    part_values, whole_values = values[parts], values[wholes]
    part_bounds = (strict.take(parts), conventional.take(parts))
    whole_bounds = (strict.take(wholes), conventional.take(wholes))
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        share = np.where(whole_values != 0, part_values / whole_values * 100, np.nan)
    share = np.where(np.isfinite(share), share, np.nan)
    defined = ~np.isnan(share)
    share_strict = share_bounds(part_bounds[0], whole_bounds[0]).where(defined)
    share_conventional = share_bounds(part_bounds[1], whole_bounds[1]).where(defined)
    records = rows.to_dict("records")
    frame = pd.DataFrame(
        {
            "metric": [metric] * len(parts),
            "entity": rows["entity"].astype(str).to_numpy(dtype=object)[parts],
            "of_entity": rows["entity"].astype(str).to_numpy(dtype=object)[wholes],
            "year": rows["year"].to_numpy(dtype=np.int64)[parts],
            "value": bounded_points(part_values, part_bounds[0]),
            **interval_cells("value", *part_bounds),
            "of_value": bounded_points(whole_values, whole_bounds[0]),
            **interval_cells("of_value", *whole_bounds),
            "share_pct": bounded_points(share, share_strict),
            **interval_cells("share_pct", share_strict, share_conventional, defined),
            "flags": [
                _flags(records[part], records[whole])
                for part, whole in zip(parts.tolist(), wholes.tolist(), strict=True)
            ],
        },
        columns=SHARE_COLUMNS,
    )
    return frame.sort_values(["year", "entity", "of_entity"], kind="stable").reset_index(drop=True)
