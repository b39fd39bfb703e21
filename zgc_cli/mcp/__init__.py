"""``zgc mcp``: zgc's figures for programs and AI assistants, over the Model Context Protocol.

A second front door beside :mod:`zgc_cli.cli`, as thin: each tool takes the CLI's
selection (metric and entity by id or name, years, tolerance), calls the same
``stats`` function the command calls, and answers with the command's JSON rows,
except that no bare number leaves the server. Every figure becomes one object,
:func:`figure`, that carries what the statistics servers assistants use today drop:
its interval (``low``/``high``, open or closed), unit, status (reported, estimate,
derived), qualifier (exact, 超过, 近, 约…), how its year is known, the passage it
comes from and the key to cite it by. A derived figure (a change, a growth rate, a
share) names the figures it comes from.

Each tool declares an ``outputSchema`` made from the JSON Schema of the matching CLI
output (:func:`zgc_cli.present.schemas.load_schema`) by :func:`figure_schema_of`, so
the two cannot drift; the SDK validates every answer against it. Responses are
bounded: ``limit`` rows from ``offset``, with ``truncated`` and ``next_offset``.

The MCP SDK is an optional extra (``pip install 'zgc[mcp]'``), imported only by
:func:`zgc_cli.mcp.server.serve`. The modules: :mod:`~zgc_cli.mcp.figures` (a figure
object), :mod:`~zgc_cli.mcp.rows` (the CLI's rows as figures), :mod:`~zgc_cli.mcp.schemas`,
:mod:`~zgc_cli.mcp.paging`, :mod:`~zgc_cli.mcp.arguments`, :mod:`~zgc_cli.mcp.tools` and
:mod:`~zgc_cli.mcp.server`.
"""

from __future__ import annotations

from zgc_cli.mcp.arguments import PAGE_ARGUMENTS, SELECTION_ARGUMENTS, argument_problem
from zgc_cli.mcp.figures import (
    NOT_FIGURES,
    PERCENT_QUANTITIES,
    RATIO_QUANTITIES,
    Citations,
    Observed,
    Passage,
    Passages,
    citations_of,
    figure,
    figure_locator,
    figure_rows,
    quantities,
)
from zgc_cli.mcp.paging import DEFAULT_LIMIT, MAX_LIMIT
from zgc_cli.mcp.rows import compare_rows, observed_rows, series_rows, share_rows
from zgc_cli.mcp.schemas import FIGURE_SCHEMA, cli_row_schema, figure_schema_of, response_schema
from zgc_cli.mcp.server import MissingExtra, Server, call, serve
from zgc_cli.mcp.tools import TOOLS, TOOLS_BY_NAME, Tool
from zgc_cli.model.schema import INTERVAL_SUFFIXES

__all__ = [
    "Citations",
    "DEFAULT_LIMIT",
    "FIGURE_SCHEMA",
    "INTERVAL_SUFFIXES",
    "MAX_LIMIT",
    "MissingExtra",
    "NOT_FIGURES",
    "Observed",
    "PAGE_ARGUMENTS",
    "PERCENT_QUANTITIES",
    "Passage",
    "Passages",
    "RATIO_QUANTITIES",
    "SELECTION_ARGUMENTS",
    "Server",
    "TOOLS",
    "TOOLS_BY_NAME",
    "Tool",
    "argument_problem",
    "call",
    "citations_of",
    "cli_row_schema",
    "compare_rows",
    "figure",
    "figure_locator",
    "figure_rows",
    "figure_schema_of",
    "observed_rows",
    "quantities",
    "response_schema",
    "series_rows",
    "serve",
    "share_rows",
]
