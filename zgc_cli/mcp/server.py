"""The server: the data loaded once, one call answered or refused, and stdio."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from zgc_cli.errors import ZgcError
from zgc_cli.mcp.arguments import argument_problem, shortened
from zgc_cli.mcp.figures import Passages
from zgc_cli.mcp.paging import page
from zgc_cli.mcp.tools import TOOLS, TOOLS_BY_NAME
from zgc_cli.phrases import phrase


class MissingExtra(ZgcError):
    """The MCP SDK is not installed."""


class Server:
    """The figures of the ``--data`` sources given at start, loaded once, and the tools."""

    def __init__(
        self,
        data: Sequence[str] | None = None,
        as_of: str | None = None,
        prefer: Sequence[str] | None = None,
    ) -> None:
        from zgc_cli.model.dataset import Dataset

        self.dataset = Dataset.open(
            list(data) if data else None, as_of=as_of, prefer=list(prefer) if prefer else None
        )
        self.passages = Passages(self.dataset)

    # Each answer: the rows of the matching CLI output as figures, paged.
    def page(
        self, rows: list[dict[str, Any]], arguments: Mapping[str, Any], notes: Sequence[str] = ()
    ) -> dict[str, Any]:
        return page(rows, arguments, notes)


def call(
    server: Server, name: str, arguments: Mapping[str, Any]
) -> tuple[dict[str, Any] | None, str | None]:
    """One tool call: its answer, or the one-line error zgc would print."""
    arguments = arguments if isinstance(arguments, Mapping) else {}
    tool = TOOLS_BY_NAME.get(name)
    if tool is None:
        return None, phrase("mcp.no_tool", name=repr(name), tools=", ".join(TOOLS_BY_NAME))
    problem = argument_problem(tool, arguments)
    if problem:
        return None, problem
    try:
        return tool.answer(server, arguments), None
    except ZgcError as error:
        return None, phrase("mcp.failed", tool=name, problem=shortened(str(error)))
    except Exception as error:  # a defect: say so in one line, never a traceback
        return None, phrase("mcp.internal", tool=name, kind=type(error).__name__)


def serve(
    data: Sequence[str] | None = None,
    as_of: str | None = None,
    prefer: Sequence[str] | None = None,
) -> None:
    """Serve the tools over stdio until the client closes the stream."""
    try:
        import anyio
        import mcp.types as types
        from mcp.server.lowlevel import Server as ProtocolServer
        from mcp.server.stdio import stdio_server
    except ImportError as error:
        raise MissingExtra(phrase("mcp.needs_extra")) from error
    import json
    import os

    from zgc_cli import __version__

    figures = Server(data, as_of, prefer)
    protocol: ProtocolServer[Any, Any] = ProtocolServer(
        "zgc",
        version=__version__,
        instructions=(
            "Zhongguancun's innovation indicators. Every number is an object with its "
            "interval, unit, status, qualifier, year basis, the passage it comes from and "
            "its citation key: quote the passage and keep the bound words (超过 = more "
            "than, 近 = nearly, 约 = about) when you answer."
        ),
    )
    schemas = {tool.name: tool.output_schema() for tool in TOOLS}

    @protocol.list_tools()
    async def list_tools() -> list[types.Tool]:
        return [
            types.Tool(
                name=tool.name,
                description=tool.description,
                inputSchema=tool.input_schema(),
                outputSchema=schemas[tool.name],
            )
            for tool in TOOLS
        ]

    @protocol.call_tool(validate_input=False)
    async def call_tool(name: str, arguments: dict[str, Any]) -> Any:
        answer, problem = call(figures, name, arguments or {})
        if problem is not None:
            return types.CallToolResult(
                content=[types.TextContent(type="text", text=problem)], isError=True
            )
        assert answer is not None
        text = json.dumps(answer, ensure_ascii=False)
        return [types.TextContent(type="text", text=text)], answer

    async def run() -> None:
        # The process's own byte streams: zgc wraps sys.stdout for its writes (env.py),
        # and the protocol needs the raw pipe, line by line, in UTF-8.
        # Copies of the descriptors: the protocol closes its streams when it ends, and
        # zgc still flushes its own stdout on the way out.
        stdin = anyio.wrap_file(open(os.dup(0), encoding="utf-8", newline=""))  # noqa: SIM115
        stdout = anyio.wrap_file(
            open(os.dup(1), "w", encoding="utf-8", newline="", buffering=1)  # noqa: SIM115
        )
        async with stdio_server(stdin, stdout) as (read_stream, write_stream):
            await protocol.run(read_stream, write_stream, protocol.create_initialization_options())

    anyio.run(run)
