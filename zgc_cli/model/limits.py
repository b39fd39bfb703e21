"""The documented bounds on what a data file may make zgc allocate, and how to raise them.

Each bound has a default that fits an ordinary machine and an environment
variable that raises (or lowers) it; a refusal names both in one line. Standard
library only: shell completion reads through the same readers.
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass

from zgc_cli.errors import DataError
from zgc_cli.words import FIELD_LIMIT_VARIABLE, phrase
from zgc_cli.words import size_text as size_text  # the limits' own words


@dataclass(frozen=True)
class Limit:
    """A bound with its default and the variable that sets it.

    Attributes:
        variable: the environment variable (``ZGC_MAX_FIELD_BYTES``).
        default: the bound when the variable is unset.
    """

    variable: str
    default: int

    def value(self) -> int:
        """The bound in force: the variable's whole number, else the default."""
        text = os.environ.get(self.variable, "").strip().replace("_", "")
        if not text:
            return self.default
        if not text.isdigit() or int(text) < 1:
            raise DataError(phrase("limit.bad_value", variable=self.variable, value=text))
        return int(text)


# The longest single field (a CSV or TSV cell, a JSON string), in bytes (characters of JSON).
MAX_FIELD_BYTES = Limit(FIELD_LIMIT_VARIABLE, 16 << 20)
# How many cells a workbook's sheet may span (rows × columns from its first to its last cell).
MAX_SHEET_CELLS = Limit("ZGC_MAX_SHEET_CELLS", 5_000_000)
# How many bytes a workbook's parts may expand to, all together.
MAX_WORKBOOK_BYTES = Limit("ZGC_MAX_WORKBOOK_BYTES", 256 << 20)


def csv_field_limit() -> int:
    """Let the csv module read fields up to :data:`MAX_FIELD_BYTES` (its own limit: 128 KiB)."""
    most = MAX_FIELD_BYTES.value()
    csv.field_size_limit(most)
    return most


# What pandas' C parser takes beside the bytes it parses, measured: 9 bytes for a byte of
# CSV at its peak (18 MB → 166 MB more address space); 10 leaves a margin.
PARSE_BYTES_PER_BYTE = 10


def refuse_without_headroom(label: str, size: int) -> None:
    """Refuse a parse the process's memory limit cannot hold, before pandas starts it.

    Under ``ulimit -v`` (RLIMIT_AS) or RLIMIT_DATA, an allocation pandas' C parser
    does not check fails as a segmentation fault. So when such a limit is set, the
    address space a parse needs is reserved once (an anonymous mapping, never
    touched) and given back; if it cannot be, the data is refused in one line.
    Without a limit, the kernel's own accounting decides, as for any program.
    """
    import mmap
    import resource

    kinds = [
        getattr(resource, name) for name in ("RLIMIT_AS", "RLIMIT_DATA") if hasattr(resource, name)
    ]
    if all(resource.getrlimit(kind)[0] == resource.RLIM_INFINITY for kind in kinds):
        return
    try:
        reserved = mmap.mmap(-1, PARSE_BYTES_PER_BYTE * size + (16 << 20))
    except (OSError, OverflowError, ValueError):
        raise DataError(phrase("data.memory", label=label)) from None
    reserved.close()
