"""A Dataset: one data source's observations and metadata, each loaded once, on first use.

Usable from a notebook without the CLI (the shipped data: Zhongguancun's firms
took in 3.6 trillion yuan in 2014; the example runs as a test)::

    >>> from zgc_cli import stats
    >>> from zgc_cli.model.dataset import Dataset
    >>> compared = stats.comparison(Dataset.open("shipped"), 2014, 2023)
    >>> revenue = compared.frame.set_index("metric").loc["revenue"]
    >>> int(revenue["year_from"]), float(revenue["value_from"])
    (2014, 3600000000000.0)

The metadata a source may keep beside it (its sidecars, read by
:mod:`zgc_cli.model.sidecars`): ``indicators.csv`` (names, unit, category,
description per metric), ``claims.csv`` (the article's relative claims),
``entities.csv``, ``events.csv`` and ``datapackage.json`` (the publication). The
shipped data has them all; a user's file may have any of them next to it. Names of
a shipped metric are never lent to a user's file read alone: the same id in
another file may mean something else.

Several sources (``--data shipped --data mine.csv``) are one Dataset: their
observations are combined (:mod:`zgc_cli.model.combine`) and so are their
sidecars. Where two sources describe the same metric or entity, the one
``--prefer`` names first describes it, else the one given first.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from functools import cached_property

import numpy as np
import pandas as pd

from zgc_cli.errors import ZgcError
from zgc_cli.model.combine import Combined, combine, load_source
from zgc_cli.model.names import NameIndex, Names, named_ids
from zgc_cli.model.narrow import NARROW_MIN_BYTES, Wanted
from zgc_cli.model.observations import Observations
from zgc_cli.model.schema import (
    ENTITY_COLUMNS,
    EVENT_COLUMNS,
    INDICATOR_COLUMNS,
    OPTIONAL_COLUMNS,
    PACKAGE_FILE,
)
from zgc_cli.model.sidecars import (  # noqa: F401 - imported from here by their callers
    Publication,
    _empty,
    load_claims,
    load_entities,
    load_events,
    load_indicators,
    load_package,
    load_publication,
    load_table,
    publication_from,
    publication_of,
    read_text_table,
    source_authors,
)
from zgc_cli.model.sources import DataSource, preferred_sources, resolve_data_sources
from zgc_cli.model.vintages import VintagedCombined, combine_vintages, package_date, parse_as_of


class Dataset:
    """Data sources' observations and metadata, each read once, when first asked for.

    Attributes:
        sources: every source, in the order given.
        source: the first of them (what a single-source caller knows).
        prefer: the sources whose figures count in a duplicate, most preferred first.
    """

    def __init__(
        self,
        source: DataSource | Sequence[DataSource],
        prefer: Sequence[DataSource] = (),
        as_of: str | None = None,
    ) -> None:
        self.sources: tuple[DataSource, ...] = (
            (source,) if isinstance(source, DataSource) else tuple(source)
        )
        if not self.sources:
            raise ValueError("a Dataset needs at least one source")
        self.source = self.sources[0]
        self.prefer: tuple[DataSource, ...] = tuple(prefer)
        self.as_of = as_of  # --as-of: only figures published on or before it (model.vintages)
        self.wanted: Wanted | None = None  # set by narrowed(): the read skips other lines

    @classmethod
    def open(
        cls,
        data_option: str | Sequence[str] | None = None,
        prefer: Sequence[str] | None = None,
        sheet: str | None = None,
        as_of: str | None = None,
    ) -> Dataset:
        """The Dataset of each ``--data`` (or ``$ZGC_DATA``, or the shipped data).

        Args:
            data_option: one path, several, or None; ``shipped`` is the shipped data.
            prefer: ``--prefer``: the sources whose figures count in a duplicate.
            sheet: ``--sheet``: the sheet of a workbook to read (default: the first).
            as_of: ``--as-of``: each figure's latest vintage published on or before it.
        """
        options = [data_option] if isinstance(data_option, str) else data_option
        sources = resolve_data_sources(options, sheet=sheet)
        if as_of is not None:
            parse_as_of(as_of)  # a bad date is refused before any file is read
        return cls(sources, preferred_sources(prefer, sources), as_of)

    def narrowed(
        self, wanted: Wanted, load: Callable[[Dataset], Dataset] | None = None
    ) -> Dataset | None:
        """This data read for ``wanted`` ids only (loaded), or None: the caller reads it all.

        A big file that cannot be narrowed (quotes, blank lines, not CSV) comes
        back read whole: that is the full read, done once. ``load`` loads it
        (``Environment.load``: a spinner on a terminal while it reads).

        The narrowed read holds every row of a wanted id and some others, so a
        command that selects those ids computes what it computes on the full
        read. It is used only where that holds for sure: one CSV source, no
        ``--as-of``, and each wanted metric and entity found as an id. An
        argument that is no id (a name, a typo), or a file the narrowed read
        cannot take, goes the full way, with the full read's answer or error.
        """
        if not wanted or len(self.sources) != 1 or self.as_of is not None:
            return None
        if self.source.is_stdin:
            return None
        try:
            if os.stat(self.source.path).st_size < NARROW_MIN_BYTES:
                return None  # a small file is read whole, once, by the caller
        except (OSError, ValueError):
            return None
        narrowed = Dataset(self.sources, self.prefer, self.as_of)
        narrowed.wanted = wanted
        try:
            if load is not None:
                load(narrowed)  # the caller's loading (a spinner on a terminal)
            frame = narrowed.frame
        except ZgcError:
            return None  # the full read says what is wrong, where it always did
        if not narrowed.observations.narrowed:
            return narrowed  # read whole (not plain, or not CSV): that is the full read
        for column, ids in (("metric", wanted.metrics), ("entity", wanted.entities)):
            if ids and not ids <= {str(name) for name in frame[column].unique()}:
                return None
        return narrowed

    @property
    def by_preference(self) -> list[DataSource]:
        """The sources in the order their metadata counts: preferred first, then as given."""
        return [*self.prefer, *(source for source in self.sources if source not in self.prefer)]

    def _each(self, load: Callable[[DataSource], pd.DataFrame]) -> pd.DataFrame:
        """A sidecar table of every source, one under the other, preferred sources first."""
        frames = [load(source) for source in self.by_preference]
        if len(frames) == 1:
            return frames[0]
        # A column one source's file lacks (indicators' kind) is empty text there, not NaN.
        return pd.concat(frames, ignore_index=True).fillna("")

    @classmethod
    def from_frame(
        cls,
        frame: pd.DataFrame,
        indicators: pd.DataFrame | None = None,
        claims: pd.DataFrame | None = None,
        label: str = "<frame>",
        entities: pd.DataFrame | None = None,
        events: pd.DataFrame | None = None,
    ) -> Dataset:
        """A Dataset of observations already in memory (a notebook's, a test's).

        ``frame`` needs the loader's columns (see :class:`Observations`); missing
        metadata is empty.
        """
        dataset = cls(DataSource(label))
        source_columns = list(frame.columns)
        missing = [name for name in OPTIONAL_COLUMNS if name not in frame.columns]
        if missing:
            # As the loader does: absent optional columns are there, empty.
            blank = pd.Categorical([""] * len(frame))
            frame = frame.assign(**dict.fromkeys(missing, blank))
        dataset.__dict__["combined"] = Combined(Observations(frame, source_columns, label))
        dataset.__dict__["indicators"] = (
            _empty(INDICATOR_COLUMNS) if indicators is None else indicators
        )
        dataset.__dict__["claims"] = pd.DataFrame() if claims is None else claims
        dataset.__dict__["publication"] = None
        dataset.__dict__["package"] = None
        dataset.__dict__["entities"] = _empty(ENTITY_COLUMNS) if entities is None else entities
        dataset.__dict__["events"] = _empty(EVENT_COLUMNS) if events is None else events
        return dataset

    @cached_property
    def combined(self) -> Combined:
        """The observations of every source, what ``--prefer`` set aside, and the vintages."""
        loaded = [load_source(source, self.wanted) for source in self.sources]
        if len(loaded) == 1 and self.as_of is None:
            return combine(loaded, self.prefer)
        dates = [package_date(self._packages[source]) for source in self.sources]
        return combine_vintages(loaded, self.prefer, dates, self.as_of)

    @property
    def vintages(self) -> pd.DataFrame | None:
        """Earlier publications of the current figures (model.vintages), or None."""
        combined = self.combined
        return combined.vintages if isinstance(combined, VintagedCombined) else None

    def published_dates(self) -> np.ndarray:
        """Each row's publication date ('' when unknown), as :attr:`frame` orders them."""
        combined = self.combined
        if isinstance(combined, VintagedCombined) and combined.dates is not None:
            return combined.dates
        date = package_date(self.package_of(self.source))
        return np.full(len(self.frame), date, dtype=object)

    def published(self, row: int) -> str:
        """The publication date of a row of :attr:`frame` ('' when unknown)."""
        combined = self.combined
        if isinstance(combined, VintagedCombined) and combined.dates is not None:
            return str(combined.dates[row])
        return package_date(self.package_of(self.source_of_row(row)))

    @property
    def observations(self) -> Observations:
        return self.combined.observations

    def publications_of(self, metrics: Sequence[str]) -> list[Publication]:
        """The publications of the sources that hold figures of ``metrics``, in source order."""
        origins = self.combined.origins
        if origins is None:
            return [self.publication] if self.publication is not None else []
        frame = self.frame
        holding = frame["metric"].isin(list(metrics)).to_numpy()
        # A source may hold several publications, each row naming its own (``publication``).
        names = (
            frame["publication"].astype(object).fillna("").astype(str).to_numpy()
            if "publication" in frame.columns
            else np.full(len(frame), "", dtype=object)
        )
        pairs = sorted(
            {
                (int(origin), str(name))
                for origin, name in zip(origins[holding], names[holding], strict=True)
            }
        )
        named = (
            publication_of(self._packages[self.sources[origin]], str(self.sources[origin]), name)
            for origin, name in pairs
        )
        return list(dict.fromkeys(one for one in named if one is not None))

    def source_of_row(self, row: int) -> DataSource:
        """The source a row of :attr:`frame` (by position) comes from."""
        origins = self.combined.origins
        return self.sources[0 if origins is None else int(origins[row])]

    @property
    def frame(self) -> pd.DataFrame:
        """One row per observation (see :class:`Observations`)."""
        return self.observations.frame

    @cached_property
    def indicators(self) -> pd.DataFrame:
        return self._each(load_indicators).drop_duplicates("metric")

    @cached_property
    def claims(self) -> pd.DataFrame:
        return self._each(load_claims)

    @cached_property
    def _packages(self) -> dict[DataSource, dict[str, object] | None]:
        """Each source's data package, read once."""
        return {source: load_package(source) for source in self.sources}

    def package_of(self, source: DataSource) -> dict[str, object] | None:
        """The data package beside one source (the dataset's own when it has one source)."""
        return self.package if len(self.sources) == 1 else self._packages[source]

    def publication_of(self, source: DataSource) -> Publication | None:
        """The publication one source's package names (the dataset's when it has one source)."""
        if len(self.sources) == 1:
            return self.publication
        return publication_of(self._packages[source], str(source.sidecar(PACKAGE_FILE)))

    @cached_property
    def package(self) -> dict[str, object] | None:
        """The first data package beside a source (preferred sources first), as JSON, or None."""
        packages = (self._packages[source] for source in self.by_preference)
        return next((package for package in packages if package is not None), None)

    @cached_property
    def publication(self) -> Publication | None:
        """The first publication a source's data package names (preferred sources first)."""
        for source in self.by_preference:
            label = str(source.sidecar(PACKAGE_FILE))
            publication = publication_of(self._packages[source], label)
            if publication is not None:
                return publication
        return None

    @cached_property
    def entities(self) -> pd.DataFrame:
        return self._each(load_entities).drop_duplicates("entity")

    @cached_property
    def events(self) -> pd.DataFrame:
        return self._each(load_events)

    def _ids(self, column: str) -> list[str]:
        """The distinct ids a column of the observations holds, in the data's order."""
        values = self.frame[column]
        if isinstance(values.dtype, pd.CategoricalDtype):
            return [str(one) for one in values.cat.remove_unused_categories().cat.categories]
        return [str(one) for one in values.unique()]

    @cached_property
    def metric_index(self) -> NameIndex:
        """Every metric by its id, English and Chinese name (indicators.csv)."""
        rows = self.indicators.to_dict("records")
        return NameIndex(named_ids(rows, "metric", self._ids("metric")))

    @cached_property
    def entity_index(self) -> NameIndex:
        """Every entity by its id, English and Chinese name and alias (entities.csv)."""
        rows = self.entities.to_dict("records")
        events = [str(one) for one in self.events["entity"].unique()]  # a milestone's place
        return NameIndex(named_ids(rows, "entity", [*self._ids("entity"), *events]))

    @cached_property
    def names(self) -> Names:
        """Indicator and entity names by id and language, from every ``name_<lang>`` column.

        Built once from indicators.csv and entities.csv; a language is there when a
        sidecar has its column, and a name the data lacks is '' (see :class:`Names`).
        """
        indicators, entities = self.indicators, self.entities
        return Names.from_rows(
            indicators.to_dict("records"),
            entities.to_dict("records"),
            [*indicators.columns, *entities.columns],
        )

    def entity_names(self) -> dict[str, dict[str, str]]:
        """Each entity's names by language (``{"zgc": {"en": ..., "zh": ...}}``): :attr:`names`'."""
        return self.names.of_entities()
