"""Every text in English, by id: one module per area. Data only."""

from __future__ import annotations

from zgc_cli.words.catalog.en.charts import TEXTS as CHARTS
from zgc_cli.words.catalog.en.errors import TEXTS as ERRORS
from zgc_cli.words.catalog.en.extract import TEXTS as EXTRACT
from zgc_cli.words.catalog.en.formats import TEXTS as FORMATS
from zgc_cli.words.catalog.en.mcp import TEXTS as MCP
from zgc_cli.words.catalog.en.process import TEXTS as PROCESS
from zgc_cli.words.catalog.en.report import TEXTS as REPORT
from zgc_cli.words.catalog.en.selection import TEXTS as SELECTION
from zgc_cli.words.catalog.en.units import TEXTS as UNITS
from zgc_cli.words.catalog.en.verify import TEXTS as VERIFY
from zgc_cli.words.catalog.en.views import TEXTS as VIEWS
from zgc_cli.words.catalog.en.vintages import TEXTS as VINTAGES

TEXTS: dict[str, str] = {
    **CHARTS,
    **ERRORS,
    **EXTRACT,
    **FORMATS,
    **MCP,
    **PROCESS,
    **REPORT,
    **SELECTION,
    **UNITS,
    **VERIFY,
    **VIEWS,
    **VINTAGES,
}
