"""Where the shipped data lives and which data file a command should read.

No pandas here: shell completion and ``--help`` import this module.
"""

from __future__ import annotations

import os
from pathlib import Path

from zgc_cli.errors import ZgcError

DATA_ENV_VAR = "ZGC_DATA"
STDIN_MARKER = "-"
OBSERVATIONS_FILE = "metrics.csv"
INDICATORS_FILE = "indicators.csv"
CLAIMS_FILE = "claims.csv"
PACKAGE_FILE = "datapackage.json"


def shipped_data_dir() -> Path:
    """The folder holding the data shipped with zgc.

    A wheel carries it inside the package (``zgc_cli/data``); a source checkout
    or an editable install keeps it at the repository's top-level ``data/``.
    """
    packaged = Path(__file__).resolve().parent / "data"
    if (packaged / OBSERVATIONS_FILE).is_file():
        return packaged
    return Path(__file__).resolve().parent.parent / "data"


def resolve_data_source(data_option: str | None) -> str:
    """The data source a command reads: ``--data``, else ``$ZGC_DATA``, else shipped data."""
    chosen = data_option if data_option is not None else os.environ.get(DATA_ENV_VAR)
    # Typer hands an empty $ZGC_DATA over as the option: `export ZGC_DATA=` means unset.
    if chosen is None or (chosen == "" and os.environ.get(DATA_ENV_VAR) == ""):
        return str(shipped_data_dir() / OBSERVATIONS_FILE)
    if not chosen.strip():
        # A script's unset $FILE must not quietly fall back to the shipped data.
        raise ZgcError("--data is empty: give a CSV path, or - for stdin")
    return chosen


def is_shipped(source: str) -> bool:
    """Whether ``source`` is the shipped observations file."""
    if source == STDIN_MARKER:
        return False
    return Path(source).resolve() == (shipped_data_dir() / OBSERVATIONS_FILE).resolve()


def sidecar_path(source: str, file_name: str) -> Path | None:
    """A metadata file kept beside a data file (e.g. ``indicators.csv``), if there is one."""
    if source == STDIN_MARKER:
        return None
    candidate = Path(source).parent / file_name
    return candidate if candidate.is_file() else None


def metadata_path(source: str, file_name: str) -> Path | None:
    """A metadata file for a data source: the shipped one, or one beside a user's file."""
    if is_shipped(source):
        return shipped_data_dir() / file_name
    return sidecar_path(source, file_name)
