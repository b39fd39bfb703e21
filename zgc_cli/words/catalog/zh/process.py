"""What the process says on stderr, in Chinese (简体中文): ``{id: text}``. Data only."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    # Notes on stderr.
    "note.not_compared": "{count}个系列只有其中一年的数据（见 --format table）",
    # --- messages on stderr ---
    "stderr.error": "zgc：错误：{text}\n",
    "stderr.warning": "zgc：警告：{text}\n",
    "stderr.note": "zgc：提示：{text}\n",
    "stderr.wrote": "zgc：已写入 {path}\n",
    "note.mcp_waiting": "zgc mcp：正在通过标准输入/输出提供模型上下文协议（MCP）服务，"
    "应由MCP客户端启动（按Ctrl-C结束）\n",
    "note.verify_summary": "zgc verify：{total}项检查：通过{passed}，定义性{definitional}，"
    "不符{failed}，无出处{unsourced}\n",
    # --- several data sources ---
    "note.set_aside": "--prefer：{source}中的{count}条观测值让位于优先数据源的同一观测值",
    "load.loading": "正在读取{sources}…",
}
