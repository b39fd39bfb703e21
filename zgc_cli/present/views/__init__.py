"""One human layout per result type: :func:`render` picks it.

Knows no statistics: every number was computed by :mod:`zgc_cli.stats` or
:mod:`zgc_cli.check`; a view only writes it for people (with its marks) and
lays it out. Headers and words come from :mod:`zgc_cli.present.i18n`; the
growth columns and how each is written come from the measures registry.
``amounts`` lays out the catalog, series, comparisons and shares; ``passages``
the search, sources, verify, observations and timeline; ``common`` what they share.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.console import RenderableType

from zgc_cli.present.i18n import Language
from zgc_cli.present.views.amounts import catalog_view, compare_view, series_view, share_view
from zgc_cli.present.views.common import sparkline
from zgc_cli.present.views.passages import (
    observations_view,
    search_view,
    source_view,
    timeline_view,
    verify_view,
)
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

__all__ = ["render", "sparkline"]

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
}


def render(result: Result, lang: Language, width: int | None) -> list[RenderableType]:
    """The human view of a result: tables and notes, in order, for a terminal ``width`` wide."""
    return _VIEWS[type(result)](result, lang, width)
