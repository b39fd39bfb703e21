"""Every text in Chinese (简体中文), by id: one module per area. Data only."""

from __future__ import annotations

from zgc_cli.words.catalog.zh.charts import TEXTS as CHARTS
from zgc_cli.words.catalog.zh.errors import TEXTS as ERRORS
from zgc_cli.words.catalog.zh.extract import TEXTS as EXTRACT
from zgc_cli.words.catalog.zh.formats import TEXTS as FORMATS
from zgc_cli.words.catalog.zh.mcp import TEXTS as MCP
from zgc_cli.words.catalog.zh.process import TEXTS as PROCESS
from zgc_cli.words.catalog.zh.report import TEXTS as REPORT
from zgc_cli.words.catalog.zh.selection import TEXTS as SELECTION
from zgc_cli.words.catalog.zh.units import TEXTS as UNITS
from zgc_cli.words.catalog.zh.verify import TEXTS as VERIFY
from zgc_cli.words.catalog.zh.views import TEXTS as VIEWS
from zgc_cli.words.catalog.zh.vintages import TEXTS as VINTAGES

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
