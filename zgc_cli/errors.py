"""One error type and one set of exit codes for the whole tool.

Kept free of heavy imports: the CLI layer imports it on every run.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes (usage errors keep Typer's 2)."""

    OK = 0
    ERROR = 1
    USAGE = 2


class ZgcError(Exception):
    """A problem the user can fix: shown as one line on stderr, never a traceback.

    Args:
        message: what went wrong and where, e.g. ``data.csv:5: column 'value': ...``.
        code: the exit code to leave with.
    """

    def __init__(self, message: str, code: ExitCode = ExitCode.ERROR) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class DataError(ZgcError):
    """The data file cannot be read as tidy observations."""
