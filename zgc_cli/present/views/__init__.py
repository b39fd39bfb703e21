"""One human layout per result type: :func:`render` picks it.

Knows no statistics: every number was computed by :mod:`zgc_cli.stats` or
:mod:`zgc_cli.check`; a view only writes it for people (with its marks) and
lays it out. Headers and words come from :mod:`zgc_cli.words`; the
growth columns and how each is written come from the measures registry.
``catalog``, ``series`` (and shares) and ``compare`` build display-model layouts
(:mod:`zgc_cli.present.layout`) that the terminal and the report both render; ``passages``
the search, sources, verify, observations and timeline; ``common`` what they share.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
from rich.console import RenderableType

from zgc_cli.present.tables import plain
from zgc_cli.present.views.catalog import catalog_order, catalog_view
from zgc_cli.present.views.common import sparkline
from zgc_cli.present.views.compare import NOT_COMPARED_SHOWN, compare_view
from zgc_cli.present.views.diff import diff_view
from zgc_cli.present.views.passages import (
    observations_view,
    search_view,
    source_view,
    timeline_view,
    verify_view,
)
from zgc_cli.present.views.series import series_view, share_view
from zgc_cli.stats.diff import DiffResult
from zgc_cli.stats.results import (
    CatalogResult,
    ComparisonResult,
    ObservationsResult,
    Result,
    SearchResult,
    SeriesResult,
    ShareResult,
    SourcesResult,
    TimelineResult,
    VerifyReport,
)
from zgc_cli.words import Language, message

__all__ = ["has_view", "render", "sparkline"]

_VIEWS: dict[type[Result], Callable[[Any, Language, int | None], list[RenderableType]]] = {
    SeriesResult: series_view,
    ComparisonResult: compare_view,
    CatalogResult: catalog_view,
    SearchResult: search_view,
    SourcesResult: source_view,
    ObservationsResult: observations_view,
    VerifyReport: verify_view,
    ShareResult: share_view,
    TimelineResult: timeline_view,
    DiffResult: diff_view,
}


def has_view(result: Result) -> bool:
    """Whether a result has a human layout (a bare frame has only its columns)."""
    return type(result) in _VIEWS


def _view(
    result: Result, lang: Language, width: int | None, limit: int | None
) -> list[RenderableType]:
    if isinstance(result, ComparisonResult):
        # Under a limit, the series not compared are named up to a few, then counted:
        # a first screen is for the comparison (--limit 0 names them all).
        return compare_view(result, lang, width, names_shown=NOT_COMPARED_SHOWN if limit else None)
    return _VIEWS[type(result)](result, lang, width)


def render(
    result: Result, lang: Language, width: int | None, limit: int | None = None
) -> list[RenderableType]:
    """The human view of a result: tables and notes, in order, for a terminal ``width`` wide.

    With a ``limit``, the view lays out the first ``limit`` rows of ``result.frame``
    only (what it shows beside them, such as the series not compared or the
    sparklines, still comes from the whole result), and a last line says how many
    rows were left out and how to get them. A verify report shows its failures first.
    """
    rows = len(result.frame)
    if not limit or rows <= limit:
        return _view(result, lang, width, limit)
    if isinstance(result, DiffResult):
        # The summary under the table counts every change (and names the largest), not
        # the first rows': the view is given the whole result and lays out the first.
        renderables = diff_view(result, lang, width, rows_shown=limit)
        more = message("table.more_rows", lang, count=f"{rows - limit:,}")
        return [*renderables, plain(more, style="dim")]
    frame = result.frame
    if isinstance(result, CatalogResult):
        # The rows shown are the first of the map as laid out, category by category.
        frame = catalog_order(frame, lang)
    if isinstance(result, VerifyReport):
        # A person checking wants the failures: they come first when rows must be left out.
        passed = frame["result"].isin(["pass", "definitional"]).to_numpy()
        frame = frame.iloc[np.concatenate([np.flatnonzero(~passed), np.flatnonzero(passed)])]
    first = dataclasses.replace(result, frame=frame.iloc[:limit])
    if isinstance(first, CatalogResult):
        # Sparklines for the rows shown only: the same values, without a pass over every series.
        first = dataclasses.replace(first, observations=_of_series(first))
    renderables = _view(first, lang, width, limit)
    more = message("table.more_rows", lang, count=f"{rows - limit:,}")
    return [*renderables, plain(more, style="dim")]


def _of_series(catalog: CatalogResult) -> pd.DataFrame:
    """The observations of the catalog's series (the rows it has), all of them."""
    observations, shown = catalog.observations, catalog.frame
    near = observations[observations["metric"].isin(shown["metric"].unique())]
    keys = pd.MultiIndex.from_arrays([shown["metric"].astype(str), shown["entity"].astype(str)])
    wanted = pd.MultiIndex.from_arrays([near["metric"].astype(str), near["entity"].astype(str)])
    return near[wanted.isin(keys)]
