"""The output formats, declared once, and which one a file name asks for.

Standard library only: ``--help`` imports it.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import PurePath

from zgc_cli.errors import ExitCode, ZgcError
from zgc_cli.words import Listed, phrase


class OutputFormat(StrEnum):
    """How a command writes its result."""

    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"
    jsonl = "jsonl"
    markdown = "markdown"
    md_raw = "md-raw"
    xlsx = "xlsx"


# What ``-o FILE`` writes, by the file's extension (case does not matter).
FORMAT_BY_SUFFIX: dict[str, OutputFormat] = {
    ".csv": OutputFormat.csv,
    ".tsv": OutputFormat.tsv,
    ".tab": OutputFormat.tsv,
    ".json": OutputFormat.json,
    ".jsonl": OutputFormat.jsonl,
    ".ndjson": OutputFormat.jsonl,
    ".md": OutputFormat.markdown,
    ".markdown": OutputFormat.markdown,
    ".xlsx": OutputFormat.xlsx,
}
# Formats written as bytes, never to a terminal or a text stream.
BINARY_FORMATS: frozenset[OutputFormat] = frozenset({OutputFormat.xlsx})
# The machine formats that are text: what a pipe can get.
TEXT_FORMATS: tuple[OutputFormat, ...] = tuple(
    fmt for fmt in OutputFormat if fmt is not OutputFormat.table and fmt not in BINARY_FORMATS
)
# Formats ``--bom`` applies to: the delimited text Excel opens by double-clicking.
BOM_FORMATS: frozenset[OutputFormat] = frozenset({OutputFormat.csv, OutputFormat.tsv})


def default_format(stdout_is_tty: bool) -> OutputFormat:
    """A table for people at a terminal, CSV for pipes and files (as gh and csvkit do)."""
    return OutputFormat.table if stdout_is_tty else OutputFormat.csv


class CitationStyle(StrEnum):
    """How ``zgc cite`` writes a citation."""

    gbt7714 = "gbt7714"
    apa = "apa"
    bibtex = "bibtex"
    ris = "ris"
    csl_json = "csl-json"


def _usage(text: str) -> ZgcError:
    return ZgcError(text, ExitCode.USAGE)


def output_format(
    file_name: str | None, fmt: OutputFormat | None, bom: bool = False
) -> OutputFormat | None:
    """The format a command writes: from ``-o``'s extension, ``--format`` and ``--bom``.

    A known extension decides, and an explicit ``--format`` must agree with it
    (``-o out.csv -f json`` would leave JSON in a file every tool reads as CSV);
    an unknown one needs ``--format``. ``--bom`` means CSV unless told otherwise.
    Returns None when nothing was asked for (the terminal decides: table or CSV).

    Raises:
        ZgcError: (usage) the extension and ``--format`` disagree, an extension is
            unknown, a table or xlsx goes where it cannot, ``--bom`` on JSON.
    """
    chosen = fmt
    if file_name is not None:
        suffix = PurePath(file_name).suffix.lower()
        by_name = FORMAT_BY_SUFFIX.get(suffix)
        known = Listed(FORMAT_BY_SUFFIX, quoted=False)
        if by_name is None and fmt is None:
            raise _usage(phrase("format.unknown_suffix", file=file_name, known=known))
        if by_name is not None and fmt is not None and fmt is not by_name:
            raise _usage(
                phrase("format.disagree", file=file_name, by_name=by_name.value, fmt=fmt.value)
            )
        chosen = by_name or fmt
        if chosen is OutputFormat.table:
            raise _usage(phrase("format.table_file", file=file_name))
    elif chosen in BINARY_FORMATS:
        raise _usage(phrase("format.binary", fmt=str(chosen)))
    if bom:
        chosen = chosen or OutputFormat.csv
        if chosen not in BOM_FORMATS:
            raise _usage(phrase("format.bom", fmt=chosen.value))
    return chosen
