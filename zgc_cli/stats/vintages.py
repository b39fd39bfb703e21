"""Vintages for the views: each figure's publication, and its earlier publications.

The combining is :mod:`zgc_cli.model.vintages`; here, what a view or ``source``
shows of it: for each row of a result, which publication it comes from (its own
``publication`` of its package, else the package's first), when it was published,
the citation and address; and for each current figure, its earlier vintages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from zgc_cli.model.vintages import DATE, ORIGIN, PUBLICATION_COLUMN

if TYPE_CHECKING:
    from zgc_cli.model.dataset import Dataset, Publication
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
    """A source's row's publication: its package's source named ``publication``, else the first."""
    package = dataset.package_of(source) or {}
    sources = package.get("sources") if isinstance(package, Mapping) else None
    entries = (
        [one for one in sources if isinstance(one, Mapping)] if isinstance(sources, list) else []
    )
    chosen = next((one for one in entries if publication and one.get("name") == publication), None)
    if chosen is None:
        chosen = entries[0] if entries else {}
    parts = [_text(chosen.get(key, "")) for key in ("publisher", "date", "title", "authors")]
    return Cited(
        "; ".join(part for part in parts if part),
        _text(chosen.get("date", "")),
        _text(chosen.get("path", "")),
    )


def _scope(row: Mapping[Any, Any]) -> dict[str, str]:
    """A row's scope (口径) where it differs from its indicator's, else ''."""
    differs = _text(row.get("scope_differs", "")).lower() == "true"
    return {name: _text(row.get(name, "")) if differs else "" for name in ("scope", "scope_zh")}


def named_publication(
    package: Mapping[str, object] | None, name: str, fallback: Publication | None, url: str
) -> tuple[Publication | None, str]:
    """The publication a package's ``sources`` names ``name``, and its web address.

    Falls back to ``fallback`` and ``url`` (the package's first) when none is so named.
    """
    from zgc_cli.model.dataset import publication_from

    sources = (package or {}).get("sources")
    for one in sources if isinstance(sources, list) else []:
        if isinstance(one, Mapping) and one.get("name") == name:
            address = _text(one.get("path", ""))
            return (
                publication_from(one),
                address if address.startswith(("http://", "https://")) else "",
            )
    return fallback, url


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
        own = (
            _text(dataset.frame[PUBLICATION_COLUMN].iloc[at])
            if (at is not None and PUBLICATION_COLUMN in dataset.frame.columns)
            else ""
        )
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

    Columns: metric, entity, year, figure, value, unit, status, qualifier, published
    (the earlier figure's), same_value (published again alike), and scope, scope_zh:
    where the two figures count differently (口径), the scope of the one that differs
    from the indicator's, else ''.
    """
    columns = ["metric", "entity", "year", "figure", "value", "unit", "status", "qualifier"]
    out = [*columns, "published", "scope", "scope_zh", "same_value"]
    vintages = dataset.vintages
    if vintages is None or vintages.empty or frame.empty:
        return pd.DataFrame(columns=out)
    current = dataset.frame
    position = _positions(dataset)
    latest = vintages.sort_values(DATE, ascending=False)
    wanted = {
        (str(m), str(e), int(y))
        for m, e, y in zip(frame["metric"], frame["entity"], frame["year"], strict=True)
    }
    records: list[dict[str, object]] = []
    seen: set[tuple[str, str, int]] = set()
    for vintage in latest.to_dict("records"):
        key = (str(vintage["metric"]), str(vintage["entity"]), int(vintage["year"]))
        if key not in wanted or key in seen or key not in position:
            continue
        seen.add(key)
        now = _scope(current.iloc[position[key]].to_dict())
        then = _scope(vintage)
        scope = now if now != then and any(now.values()) else then if now != then else now
        if now == then:
            scope = {"scope": "", "scope_zh": ""}
        records.append(
            {
                **{name: vintage.get(name, "") for name in columns},
                "metric": key[0],
                "entity": key[1],
                "year": key[2],
                "published": _text(vintage[DATE]),
                **scope,
                # Published again alike (a confirmation, not a revision).
                "same_value": bool(
                    float(vintage["value"]) == float(current["value"].iloc[position[key]])
                    and str(vintage.get("status", "")) == str(current["status"].iloc[position[key]])
                ),
            }
        )
    return pd.DataFrame.from_records(records, columns=out)


def compared_vintages(dataset: Dataset, compared: pd.DataFrame) -> pd.DataFrame:
    """The earlier vintages of both ends of each comparison (see :func:`earlier_vintages`)."""
    if dataset.vintages is None or compared.empty:
        return earlier_vintages(dataset, compared.iloc[:0].assign(year=[]))
    ends = pd.concat(
        [
            compared[["metric", "entity", f"year_{end}"]].rename(columns={f"year_{end}": "year"})
            for end in ("from", "to")
        ],
        ignore_index=True,
    )
    return earlier_vintages(dataset, ends)


def keep_vintages(dataset: Dataset, selected: Dataset) -> None:
    """Give a selection of ``dataset`` (``Dataset.from_frame``) the vintages of its figures.

    The report selects observations into a Dataset of their own; its series and
    comparisons mark what a later publication replaced as the commands' do.
    """
    from zgc_cli.model.vintages import VintagedCombined

    vintages = dataset.vintages
    if vintages is None:
        return
    combined = selected.combined
    frame = selected.frame
    keys = set(
        zip(
            frame["metric"].astype(str),
            frame["entity"].astype(str),
            frame["year"].astype(int),
            strict=True,
        )
    )
    kept = [
        (str(m), str(e), int(y)) in keys
        for m, e, y in zip(vintages["metric"], vintages["entity"], vintages["year"], strict=True)
    ]
    selected.__dict__["combined"] = VintagedCombined(
        combined.observations,
        combined.set_aside,
        combined.origins,
        vintages=vintages[kept].reset_index(drop=True),
    )
