"""What ``zgc mcp`` says to a client, in English: ``{id: text}``. Data only."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "mcp.needs_extra": "zgc mcp needs the MCP SDK: pip install 'zgc[mcp]'",
    "mcp.no_tool": "no tool named {name} (the tools are: {tools})",
    "mcp.unknown_argument": "{tool}: unknown argument (the arguments are: {arguments})",
    "mcp.required": "{tool}: {argument} is required",
    "mcp.text_or_texts": "{tool}: argument {argument}: expected a text or a list of texts",
    "mcp.bad_argument": "{tool}: argument {argument}: {problem}",
    "mcp.failed": "{tool}: {problem}",
    "mcp.internal": "{tool}: internal error ({kind}); please report it",
    "mcp.more_rows": "{count} more rows: call again with offset {offset}.",
    "mcp.no_text": "the text holds no words to read figures from",
}
