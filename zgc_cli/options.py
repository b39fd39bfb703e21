"""Choices shared by every command, declared once.

Light on purpose (only the standard library): ``--help`` and shell completion
import it.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum


class OutputFormat(StrEnum):
    """How a command writes its result."""

    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"
    jsonl = "jsonl"
    markdown = "markdown"


class Language(StrEnum):
    """The language of human-facing output; machine formats never change with it."""

    en = "en"
    zh = "zh"


def default_format(stdout_is_tty: bool) -> OutputFormat:
    """A table for people at a terminal, CSV for pipes and files (as gh and csvkit do)."""
    return OutputFormat.table if stdout_is_tty else OutputFormat.csv


def default_language(environ: dict[str, str] | None = None) -> Language:
    """Chinese when the locale (LC_ALL, then LC_MESSAGES, then LANG) is zh_*, else English."""
    env = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable)
        if value:
            return Language.zh if value.lower().startswith("zh") else Language.en
    return Language.en


def stdout_is_tty() -> bool:
    """Whether standard output is a terminal."""
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False
