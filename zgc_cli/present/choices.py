"""The output formats, declared once. Standard library only: ``--help`` imports it."""

from __future__ import annotations

from enum import StrEnum


class OutputFormat(StrEnum):
    """How a command writes its result."""

    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"
    jsonl = "jsonl"
    markdown = "markdown"


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
