"""What ``zgc mcp`` says to a client: a tool error in one line, in zgc's words."""

from __future__ import annotations

MCP_PHRASES: dict[str, dict[str, str]] = {
    "mcp.needs_extra": {
        "en": "zgc mcp needs the MCP SDK: pip install 'zgc[mcp]'",
        "zh": "此命令需要模型上下文协议（MCP）开发包：pip install 'zgc[mcp]'",
    },
    "mcp.no_tool": {
        "en": "no tool named {name} (the tools are: {tools})",
        "zh": "没有名为 {name} 的工具（可用的工具：{tools}）",
    },
    "mcp.unknown_argument": {
        "en": "{tool}: unknown argument (the arguments are: {arguments})",
        "zh": "{tool}：未知参数（可用的参数：{arguments}）",
    },
    "mcp.required": {
        "en": "{tool}: {argument} is required",
        "zh": "{tool}：缺少参数 {argument}",
    },
    "mcp.text_or_texts": {
        "en": "{tool}: argument {argument}: expected a text or a list of texts",
        "zh": "{tool}：参数 {argument}：应为文本或文本列表",
    },
    "mcp.bad_argument": {
        "en": "{tool}: argument {argument}: {problem}",
        "zh": "{tool}：参数 {argument}：{problem}",
    },
    "mcp.failed": {
        "en": "{tool}: {problem}",
        "zh": "{tool}：{problem}",
    },
    "mcp.internal": {
        "en": "{tool}: internal error ({kind}); please report it",
        "zh": "{tool}：内部错误（{kind}），请报告此问题",
    },
    "mcp.more_rows": {
        "en": "{count} more rows: call again with offset {offset}.",
        "zh": "还有 {count} 行：再次调用时将偏移量设为 {offset}。",
    },
    "mcp.no_text": {
        "en": "the text holds no words to read figures from",
        "zh": "文本中没有可读取数据的文字",
    },
}
