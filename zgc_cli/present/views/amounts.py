"""The views of amounts, now one module each: :mod:`.catalog`, :mod:`.series` (series and
shares), :mod:`.compare`. Their names stay importable from here."""

from zgc_cli.present.views.catalog import (
    ENTITY_MAX_WIDTH,
    catalog_layout,
    catalog_order,
    catalog_view,
)
from zgc_cli.present.views.compare import NOT_COMPARED_SHOWN, compare_layout, compare_view
from zgc_cli.present.views.series import (
    NAME_COMFORTABLE_WIDTH,
    series_layouts,
    series_view,
    share_layout,
    share_view,
)

__all__ = [
    "ENTITY_MAX_WIDTH",
    "NAME_COMFORTABLE_WIDTH",
    "NOT_COMPARED_SHOWN",
    "catalog_layout",
    "catalog_order",
    "catalog_view",
    "compare_layout",
    "compare_view",
    "series_layouts",
    "series_view",
    "share_layout",
    "share_view",
]
