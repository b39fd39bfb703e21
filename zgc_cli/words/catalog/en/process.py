"""What the process says on stderr, in English: ``{id: text}``. Data only."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    # Notes on stderr.
    "note.not_compared": "{count} series have only one of the years (see --format table)",
    # --- messages on stderr ---
    "stderr.error": "zgc: error: {text}\n",
    "stderr.warning": "zgc: warning: {text}\n",
    "stderr.note": "zgc: note: {text}\n",
    "stderr.wrote": "zgc: wrote {path}\n",
    "note.mcp_waiting": "zgc mcp: serving the Model Context Protocol on stdin/stdout; an MCP "
    "client starts it (Ctrl-C ends it)\n",
    "note.verify_summary": "zgc verify: {total} checks: {passed} pass, {definitional} "
    "definitional, {failed} fail, {unsourced} unsourced\n",
    # --- several data sources ---
    "note.set_aside": "--prefer: {count} observations of {source} set aside for a preferred "
    "source's figures of the same metric, entity and year",
    "load.loading": "Loading {sources} …",
}
