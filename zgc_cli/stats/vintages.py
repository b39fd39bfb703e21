"""Vintages for the views: each figure's publication, and its earlier publications.

The combining is :mod:`zgc_cli.model.vintages`; here, what a view or ``source``
shows of it: for each row of a result, which publication it comes from (its own
``publication`` of its package, else the package's first), when it was published,
the citation and address; and for each current figure, its earlier vintages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from zgc_cli.model.vintages import DATE, ORIGIN, PUBLICATION_COLUMN

if TYPE_CHECKING:
    from zgc_cli.model.dataset import Dataset
    from zgc_cli.model.sources import DataSource

CURRENT, EARLIER = "current", "earlier"
VINTAGE_COLUMNS: tuple[str, ...] = (
    "vintage",
    "published",
    "source",
    "address",
    "scope",
    "scope_zh",
)
KEY = ["metric", "entity", "year"]


@dataclass(frozen=True)
class Cited:
    """A row's publication: one line of citation, its date and its address ('' when unknown)."""

    citation: str
    date: str
    address: str


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def cited(dataset: Dataset, source: DataSource, publication: str = "") -> Cited:
    """The publication of a source's row: the package's source named ``publication``, else its first."""
    package = dataset.package_of(source) or {}
    sources = package.get("sources") if isinstance(package, Mapping) else None
    entries = [one for one in sources if isinstance(one, Mapping)] if isinstance(sources, list) else []
    chosen = next((one for one in entries if publication and one.get("name") == publication), None)
    if chosen is None:
        chosen = entries[0] if entries else {}
    parts = [_text(chosen.get(key, "")) for key in ("publisher", "date", "title", "authors")]
    return Cited(
        "; ".join(part for part in parts if part),
        _text(chosen.get("date", "")),
        _text(chosen.get("path", "")),
    )


def _scope(row: Mapping[str, object]) -> dict[str, str]:
    """A row's scope (口径) where it differs from its indicator's, else ''."""
    differs = _text(row.get("scope_differs", "")).lower() == "true"
    return {name: _text(row.get(name, "")) if differs else "" for name in ("scope", "scope_zh")}


def _positions(dataset: Dataset) -> dict[tuple[str, str, int], int]:
    frame = dataset.frame
    return {
        (str(metric), str(entity), int(year)): index
        for index, (metric, entity, year) in enumerate(
            zip(frame["metric"], frame["entity"], frame["year"], strict=True)
        )
    }


def with_vintages(dataset: Dataset, rows: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """``rows`` (current figures) with their publication, followed each by its earlier vintages.

    Adds :data:`VINTAGE_COLUMNS`; keeps ``columns`` of the rows (and of the vintages).
    """
    position = _positions(dataset)
    records: list[dict[str, object]] = []
    vintages = dataset.vintages
    for row in rows.to_dict("records"):
        key = (str(row["metric"]), str(row["entity"]), int(row["year"]))
        at = position.get(key)
        source = dataset.source_of_row(at) if at is not None else dataset.source
        own = _text(dataset.frame[PUBLICATION_COLUMN].iloc[at]) if (
            at is not None and PUBLICATION_COLUMN in dataset.frame.columns
        ) else ""
        where = cited(dataset, source, own)
        published = dataset.published(at) if at is not None else where.date
        records.append(
            {
                **{name: row.get(name) for name in columns},
                "vintage": CURRENT,
                "published": published or where.date,
                "source": where.citation,
                "address": where.address,
                **_scope(dataset.frame.iloc[at].to_dict() if at is not None else {}),
            }
        )
        if vintages is None or vintages.empty:
            continue
        earlier = vintages[
            (vintages["metric"].astype(str) == key[0])
            & (vintages["entity"].astype(str) == key[1])
            & (vintages["year"].astype(int) == key[2])
        ].sort_values(DATE, ascending=False)
        for vintage in earlier.to_dict("records"):
            origin = dataset.sources[int(vintage[ORIGIN])]
            where = cited(dataset, origin, _text(vintage.get(PUBLICATION_COLUMN, "")))
            records.append(
                {
                    **{name: vintage.get(name) for name in columns},
                    "vintage": EARLIER,
                    "published": _text(vintage[DATE]) or where.date,
                    "source": where.citation,
                    "address": where.address,
                    **_scope(vintage),
                }
            )
    return pd.DataFrame.from_records(records, columns=[*columns, *VINTAGE_COLUMNS])


def earlier_vintages(dataset: Dataset, frame: pd.DataFrame) -> pd.DataFrame:
    """For each row of ``frame`` (metric, entity, year) with an earlier vintage, the latest one.

    Columns: metric, entity, year, figure, value, unit, status, qualifier, published,
    scope_differs (whether the current and the earlier figure count differently).
    """
    vintages = dataset.vintages
    columns = ["metric", "entity", "year", "figure", "value", "unit", "status", "qualifier"]
    if vintages is None or vintages.empty or frame.empty:
        return pd.DataFrame(columns=[*columns, "published", "scope_differs"])
    latest = vintages.sort_values(DATE, ascending=False).drop_duplicates(KEY)
    wanted = frame[KEY].astype({"metric": str, "entity": str}).assign(year=frame["year"].astype(int))
    latest = latest.assign(
        metric=latest["metric"].astype(str),
        entity=latest["entity"].astype(str),
        year=latest["year"].astype(int),
    )
    merged = wanted.drop_duplicates().merge(latest, on=KEY, how="inner")
    current = dataset.frame
    scope = (
        current.assign(
            metric=current["metric"].astype(str),
            entity=current["entity"].astype(str),
            year=current["year"].astype(int),
            _scope=current["scope_differs"].astype(str).str.lower().eq("true"),
        )[[*KEY, "_scope"]]
        if "scope_differs" in current.columns
        else None
    )
    if scope is not None:
        merged = merged.merge(scope, on=KEY, how="left")
        earlier_scope = (
            merged["scope_differs"].astype(str).str.lower().eq("true")
            if "scope_differs" in merged.columns
            else False
        )
        merged["scope_differs"] = merged["_scope"].fillna(False).astype(bool) != earlier_scope
    else:
        merged["scope_differs"] = False
    for name in columns:
        if name not in merged.columns:
            merged[name] = ""
    return merged.assign(published=merged[DATE])[[*columns, "published", "scope_differs"]]
