"""The catalog, search and passages: what there is, and where each figure comes from."""

from __future__ import annotations

import pandas as pd

from zgc_cli.model.schema import INDICATOR_COLUMNS, OBSERVATION_COLUMNS, SERIES_KEY
from zgc_cli.stats.flagging import flags
from zgc_cli.stats.matcher import indicators_from, rank
from zgc_cli.stats.select import (
    UnknownSelectionError,
    available_years,
    metadata_by_metric,
    present_names,
    select,
)
from zgc_cli.words import Listed, phrase

_KEY = list(SERIES_KEY)

CATALOG_COLUMNS: list[str] = [
    "metric",
    "entity",
    "name_en",
    "name_zh",
    "unit",
    "first_year",
    "last_year",
    "observations",
    "latest_value",
    "latest_flags",
    "category",
    "entity_name_en",
    "entity_name_zh",
]
SOURCE_COLUMNS: list[str] = [*OBSERVATION_COLUMNS, "year_basis"]
SEARCH_COLUMNS: list[str] = [*INDICATOR_COLUMNS, "score"]


def catalog(
    observations: pd.DataFrame,
    indicators: pd.DataFrame,
    entities: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per (metric, entity): names, unit, years covered, count and latest value."""
    ordered = observations.sort_values([*_KEY, "year"], kind="stable")
    grouped = ordered.groupby(_KEY, observed=True, sort=True)
    summary = grouped.agg(
        first_year=("year", "min"), last_year=("year", "max"), observations=("year", "size")
    )
    latest = grouped.tail(1).set_index(_KEY)
    summary["unit"] = latest["unit"].astype(str)
    summary["latest_value"] = latest["value"]
    summary["latest_flags"] = flags(latest)
    summary = summary.reset_index()
    summary["metric"] = summary["metric"].astype(str)
    summary["entity"] = summary["entity"].astype(str)
    names = indicators[["metric", "name_en", "name_zh", "unit", "category"]].rename(
        columns={"unit": "indicator_unit"}
    )
    merged = summary.merge(names, on="metric", how="left")
    for column in ("name_en", "name_zh", "category", "indicator_unit"):
        merged[column] = merged[column].fillna("")
    # The data's unit wins; the metadata's fills a file that has none.
    merged["unit"] = merged["unit"].where(merged["unit"] != "", merged["indicator_unit"])
    entity_columns = {"name_en": "entity_name_en", "name_zh": "entity_name_zh"}
    if entities is not None and not entities.empty:
        named = entities[["entity", *entity_columns]].rename(columns=entity_columns).astype(str)
        merged = merged.merge(named, on="entity", how="left")
    for column in entity_columns.values():
        merged[column] = merged[column].fillna("") if column in merged else ""
    return merged[CATALOG_COLUMNS]


def series_values(observations: pd.DataFrame) -> dict[tuple[str, str], list[float]]:
    """Each series' values in year order, keyed by (metric, entity): for sparklines."""
    ordered = observations.sort_values([*_KEY, "year"], kind="stable")
    grouped = ordered.groupby(_KEY, observed=True, sort=False)["value"]
    return {(str(metric), str(entity)): list(values) for (metric, entity), values in grouped}


def sources(
    observations: pd.DataFrame,
    metric: str,
    year: int | None = None,
    indicators: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The observations of one metric (in one year, if given) with their quotes."""
    rows = select(observations, metrics=[metric], indicators=indicators)
    if year is not None:
        years = available_years(rows)
        if year not in years:
            raise UnknownSelectionError(
                phrase(
                    "select.no_figure_year",
                    metric=metric,
                    year=year,
                    available=Listed(years, quoted=False),
                )
            )
        rows = rows[rows["year"] == year]
    ordered = rows.sort_values(["entity", "year"], kind="stable")
    # The note in Chinese, where the data has one, for a Chinese reader.
    extra = [name for name in ("note_zh",) if name in ordered.columns]
    return ordered[SOURCE_COLUMNS + extra].reset_index(drop=True)


def search(observations: pd.DataFrame, indicators: pd.DataFrame, query: str) -> pd.DataFrame:
    """Indicators of the data matching a query, best first (see :mod:`zgc_cli.stats.matcher`)."""
    metadata = metadata_by_metric(indicators)
    ids = present_names(observations["metric"])
    hits = rank(query, indicators_from(ids, metadata))
    units = observations.groupby("metric", observed=True)["unit"].first().astype(str)
    return pd.DataFrame(
        {
            "metric": [entry.metric for entry, _ in hits],
            "name_en": [entry.name_en for entry, _ in hits],
            "name_zh": [entry.name_zh for entry, _ in hits],
            "unit": [units.get(entry.metric, "") for entry, _ in hits],
            "category": [entry.category for entry, _ in hits],
            "description": [entry.description for entry, _ in hits],
            "score": [value for _, value in hits],
        },
        columns=SEARCH_COLUMNS,
    )
