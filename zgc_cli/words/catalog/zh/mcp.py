"""What ``zgc mcp`` says to a client, in Chinese (简体中文): ``{id: text}``. Data only."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "mcp.needs_extra": "此命令需要模型上下文协议（MCP）开发包：pip install 'zgc[mcp]'",
    "mcp.no_tool": "没有名为 {name} 的工具（可用的工具：{tools}）",
    "mcp.unknown_argument": "{tool}：未知参数（可用的参数：{arguments}）",
    "mcp.required": "{tool}：缺少参数 {argument}",
    "mcp.text_or_texts": "{tool}：参数 {argument}：应为文本或文本列表",
    "mcp.bad_argument": "{tool}：参数 {argument}：{problem}",
    "mcp.failed": "{tool}：{problem}",
    "mcp.internal": "{tool}：内部错误（{kind}），请报告此问题",
    "mcp.more_rows": "还有 {count} 行：再次调用时将偏移量设为 {offset}。",
    "mcp.no_text": "文本中没有可读取数据的文字",
}
