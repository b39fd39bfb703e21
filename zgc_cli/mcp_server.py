"""``zgc mcp``'s old home, kept so that ``from zgc_cli.mcp_server import …`` still works.

The server lives in the package :mod:`zgc_cli.mcp`; this module only re-exports it.
"""

from __future__ import annotations

from zgc_cli.mcp import *  # noqa: F403 - the package's public names, as they were here
from zgc_cli.mcp import __all__ as __all__
