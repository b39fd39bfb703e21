"""The one reader table: which format a source is (its extension, else its first bytes),
and which reader turns that format into the loader's CSV.

The loader (:mod:`zgc_cli.model.combine`) and shell completion
(:mod:`zgc_cli.completion`) both ask this table, so a format added here is read
by commands and offered on a TAB alike.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING

from zgc_cli.errors import DataError
from zgc_cli.model.readers.json_input import json_to_csv
from zgc_cli.model.readers.places import Places
from zgc_cli.words import phrase

if TYPE_CHECKING:
    from zgc_cli.model.observations import Observations

# The formats zgc reads. A path's extension names its format; standard input (and a
# path without a known extension that is not a regular file) is sniffed.
CSV, TSV, JSON, JSONL, XLSX = "csv", "tsv", "json", "jsonl", "xlsx"
FORMATS_READ: tuple[str, ...] = (CSV, TSV, JSON, JSONL, XLSX)
EXTENSIONS: dict[str, str] = {
    ".csv": CSV,
    ".txt": CSV,
    ".tsv": TSV,
    ".tab": TSV,
    ".json": JSON,
    ".jsonl": JSONL,
    ".ndjson": JSONL,
    ".xlsx": XLSX,
    ".xlsm": XLSX,
}
# Formats people will try that zgc does not read, and what to do instead.
UNREAD_EXTENSIONS: dict[str, str] = {
    ".xls": phrase("read.xls"),
    ".parquet": phrase("read.parquet"),
    ".feather": phrase("read.feather"),
    ".ods": phrase("read.ods"),
    ".numbers": phrase("read.numbers"),
}
# How many bytes of a regular file are enough to see what it is.
SNIFF_BYTES = 1 << 16


def format_of_path(path: str) -> str | None:
    """The format a path's extension names; None when it names none (sniff, or read CSV).

    Raises a DataError for a format zgc does not read (``.xls``, ``.parquet``).
    """
    suffix = PurePath(path).suffix.lower()
    if suffix in UNREAD_EXTENSIONS:
        advice = UNREAD_EXTENSIONS[suffix]
        raise DataError(phrase("read.unknown_format", path=path, suffix=suffix, advice=advice))
    return EXTENSIONS.get(suffix)


def is_regular_file(path: str) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def sniff(head: bytes) -> str:
    """The format of text by its first non-space byte: ``[`` json, ``{`` jsonl, a tab → tsv.

    A tab in the header line makes it TSV; anything else (nothing at all too) is read as CSV.
    """
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if text.startswith(b"["):
        return JSON
    if text.startswith(b"{"):
        return JSONL
    header_end = min((at for at in (text.find(b"\n"), text.find(b"\r")) if at >= 0), default=-1)
    header = text if header_end < 0 else text[:header_end]
    return TSV if b"\t" in header else CSV


def format_of(path: str | None, head: bytes) -> str:
    """A source's format: its path's extension where it names one, else its first bytes'.

    ``path`` is None for standard input; ``head`` is the source's first bytes
    (:data:`SNIFF_BYTES` are enough).
    """
    named = None if path is None else format_of_path(path)
    return named if named is not None else sniff(head[:SNIFF_BYTES])


# --- the readers ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Reader:
    """How one format reaches the loader.

    Attributes:
        to_csv: (label, bytes, sheet) → the loader's CSV and where its rows are in the source;
            None: the bytes are that CSV already.
        completes: whether a TAB reads the format for ids (a workbook needs the excel
            extra and a whole parse: completion offers nothing from it).
        to_observations: (label, bytes) → the loader's observations built without CSV
            text between, or None: this source goes the ``to_csv`` way.
    """

    to_csv: Callable[[str, bytes, str | None], tuple[bytes, Places]] | None
    completes: bool = True
    to_observations: Callable[[str, bytes], Observations | None] | None = None


# The readers of the other formats are imported when their format is read (see the
# package's docstring): a CSV source, the usual one, loads none of them.
def _tsv(label: str, raw: bytes, _sheet: str | None) -> tuple[bytes, Places]:
    from zgc_cli.model.readers.tabular import tsv_to_csv

    return tsv_to_csv(label, raw), Places(label)  # line for line: the CSV's lines are the file's


def _jsonl(label: str, raw: bytes, _sheet: str | None) -> tuple[bytes, Places]:
    from zgc_cli.model.readers.jsonl import jsonl_to_csv

    return jsonl_to_csv(label, raw)


def _xlsx(label: str, raw: bytes, sheet: str | None) -> tuple[bytes, Places]:
    from zgc_cli.model.readers.tabular import xlsx_to_csv

    return xlsx_to_csv(label, raw, sheet)


def _jsonl_observations(label: str, raw: bytes) -> Observations | None:
    from zgc_cli.model.readers.jsonl_columns import jsonl_observations

    return jsonl_observations(label, raw)


READERS: dict[str, Reader] = {
    CSV: Reader(None),
    TSV: Reader(_tsv),
    JSON: Reader(lambda label, raw, _sheet: json_to_csv(label, raw)),
    JSONL: Reader(_jsonl, to_observations=_jsonl_observations),
    XLSX: Reader(_xlsx, completes=False),
}


def to_loader_csv(
    fmt: str, label: str, raw: bytes, sheet: str | None = None
) -> tuple[bytes, Places]:
    """A source's bytes in format ``fmt`` as the loader's CSV, with where its rows came from.

    Raises:
        DataError: the bytes cannot be read as that format (said at the source's place).
    """
    reader = READERS[fmt].to_csv
    return (raw, Places(label)) if reader is None else reader(label, raw, sheet)
