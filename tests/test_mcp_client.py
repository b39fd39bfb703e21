"""``zgc mcp`` driven as an MCP client drives it: the SDK's own client, over stdio.

One server process answers the twenty scripted questions, a bad call and a list
of its tools, as an assistant's host would start it (``zgc mcp``).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from tests.test_mcp import answer_questions
from zgc_cli.mcp_server import TOOLS

pytestmark = pytest.mark.slow
mcp = pytest.importorskip("mcp", reason="the MCP SDK is in the mcp extra")

ROOT = Path(__file__).resolve().parent.parent


def run_client(script: Any) -> Any:
    import anyio
    from mcp import ClientSession, StdioServerParameters
    from mcp.client.stdio import stdio_client

    params = StdioServerParameters(
        command=sys.executable,
        args=["-m", "zgc_cli", "mcp"],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        cwd=str(ROOT),
    )
    result: list[Any] = []

    async def main() -> None:
        async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
            await session.initialize()
            result.append(await script(session))

    anyio.run(main)
    return result[0]


def test_the_sdk_client_lists_the_tools_with_the_schemas_zgc_declares() -> None:
    async def script(session: Any) -> Any:
        return (await session.list_tools()).tools

    tools = run_client(script)
    assert [tool.name for tool in tools] == [tool.name for tool in TOOLS]
    for listed, declared in zip(tools, TOOLS, strict=True):
        assert listed.outputSchema == declared.output_schema()
        assert listed.inputSchema == declared.input_schema()


def test_twenty_questions_over_stdio_carry_their_passage_and_interval() -> None:
    async def script(session: Any) -> Any:
        calls: dict[str, Any] = {}
        from tests.test_mcp import QUESTIONS

        for question in QUESTIONS["questions"]:
            for step in question["calls"]:
                key = json.dumps([step["tool"], step["arguments"]], sort_keys=True)
                result = await session.call_tool(step["tool"], step["arguments"])
                calls[key] = result
        bad = await session.call_tool("series", {"metric": ["no_such_metric"]})
        return calls, bad

    calls, bad = run_client(script)

    def ask(name: str, arguments: Mapping[str, Any]) -> tuple[dict[str, Any] | None, str | None]:
        result = calls[json.dumps([name, arguments], sort_keys=True)]
        if result.isError:
            return None, result.content[0].text
        # What the client got as text is the structured answer, whole.
        assert json.loads(result.content[0].text) == result.structuredContent
        return result.structuredContent, None

    composed = answer_questions(ask)
    assert len(composed) >= 20
    assert bad.isError
    (content,) = bad.content
    assert content.text.startswith("series: unknown metric 'no_such_metric'")
    assert "Traceback" not in content.text and "\n" not in content.text
