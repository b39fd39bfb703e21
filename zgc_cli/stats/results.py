"""Typed results: everything a view or a writer needs, computed by stats, laid out by present.

Each result's ``frame`` is what machine formats write, columns in their
documented order; the other fields are what a table shows beside it (names,
spans, the series not compared, sparkline values). A view never computes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd


@dataclass(frozen=True)
class Result:
    """A command's result.

    Attributes:
        frame: the rows machine formats write.
        why_empty: when ``frame`` has no row, why, and what would give one (a note on
            stderr; '' when the emptiness needs no word).
    """

    frame: pd.DataFrame
    why_empty: str = field(default="", kw_only=True)


@dataclass(frozen=True)
class SeriesResult(Result):
    """Series with growth since each previous observation (``zgc metrics ID ...``).

    Attributes:
        spans: each series from its first to its last observation (the compare columns).
        names: indicator names by metric id, ``{"en": ..., "zh": ...}``.
        entity_names: entity names by entity id, likewise.
    """

    spans: pd.DataFrame = field(default_factory=pd.DataFrame)
    names: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    entity_names: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    # Each figure's latest earlier vintage, where a later publication replaced it
    # (stats/vintages.earlier_vintages): the table marks the figure shown.
    vintages: pd.DataFrame = field(default_factory=pd.DataFrame)


@dataclass(frozen=True)
class ComparisonResult(Result):
    """Every series between two years (``zgc compare``).

    Attributes:
        year_from: the first year asked for.
        year_to: the second year asked for.
        only_from: (metric, entity) pairs with the first year but not the second.
        only_to: pairs with the second year but not the first.
        tolerance: each series took its nearest years within ±tolerance of those asked
            (the years used are the frame's ``year_from`` and ``year_to``).
        names: indicator names by metric id and language, for tables.
    """

    year_from: int = 0
    year_to: int = 0
    only_from: pd.DataFrame = field(default_factory=pd.DataFrame)
    only_to: pd.DataFrame = field(default_factory=pd.DataFrame)
    entity_names: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    tolerance: int = 0
    names: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    # The earlier vintages of the figures compared (stats/vintages.earlier_vintages).
    vintages: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def not_compared(self) -> int:
        """How many series have only one of the two years."""
        return len(self.only_from) + len(self.only_to)


@dataclass(frozen=True)
class CatalogResult(Result):
    """One row per (metric, entity) (``zgc metrics``).

    Attributes:
        observations: the rows the catalog summarises.
    """

    observations: pd.DataFrame = field(default_factory=pd.DataFrame)
    # The earlier vintage of each latest figure a later publication replaced.
    vintages: pd.DataFrame = field(default_factory=pd.DataFrame)

    @cached_property
    def values(self) -> Mapping[tuple[str, str], Sequence[float]]:
        """Each series' values in year order, keyed by (metric, entity), for sparklines.

        Computed on first use: a pipe never pays for it.
        """
        from zgc_cli.stats.catalog import series_values

        return series_values(self.observations)


@dataclass(frozen=True)
class SearchResult(Result):
    """Indicators matching a query, best first (``zgc search``)."""


@dataclass(frozen=True)
class SourcesResult(Result):
    """The observations of a metric with their passages and the publication (``zgc source``).

    Attributes:
        citation: the publication in one line, or ''.
        entity_names: entity names by entity id and language.
        names: indicator names by metric id and language, for the view's headings.
    """

    citation: str = ""
    entity_names: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    names: Mapping[str, Mapping[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class ObservationsResult(Result):
    """Observations exactly as the file has them (``zgc export``).

    Attributes:
        numeric_columns: the columns a table right-aligns.
    """

    numeric_columns: tuple[str, ...] = ("year", "value")


@dataclass(frozen=True)
class VerifyReport(Result):
    """Every check of ``zgc verify``: one row per (observation or claim, check).

    Attributes:
        counts: how many checks passed, failed, or had no quote to check.
        names: indicator names by metric id, ``{"en": ..., "zh": ...}`` (for the table).
        entity_names: entity names by entity id, likewise.
    """

    counts: Mapping[str, int] = field(default_factory=dict)
    names: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    entity_names: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    @property
    def failed(self) -> bool:
        return bool(self.counts.get("fail", 0))


@dataclass(frozen=True)
class ShareResult(Result):
    """Each entity's value as a percent of its whole's (``zgc share``).

    Attributes:
        entity_names: entity names by id and language, for tables.
        indicator_names: the metric's names by language.
        unit: the metric's unit (of the parts and their wholes alike).
    """

    entity_names: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    indicator_names: Mapping[str, str] = field(default_factory=dict)
    unit: str = ""


@dataclass(frozen=True)
class TimelineResult(Result):
    """Dated milestones with their passages (``zgc timeline``).

    Attributes:
        entity_names: entity names by id and language, for tables.
    """

    entity_names: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
