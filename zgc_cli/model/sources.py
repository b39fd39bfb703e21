"""Which data a command reads, resolved once: a path, standard input, or the shipped data.

Standard library only: shell completion and ``--help`` import this module.
A :class:`DataSource` also finds the metadata files kept beside it (its sidecars).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from zgc_cli.errors import ZgcError
from zgc_cli.model.schema import DATA_ENV_VAR, OBSERVATIONS_FILE, STDIN_MARKER
from zgc_cli.phrases import phrase


def shipped_data_dir() -> Path:
    """The folder holding the data shipped with zgc.

    A wheel carries it inside the package (``zgc_cli/data``); a source checkout
    or an editable install keeps it at the repository's top-level ``data/``.
    """
    package_dir = Path(__file__).resolve().parent.parent
    packaged = package_dir / "data"
    if (packaged / OBSERVATIONS_FILE).is_file():
        return packaged
    return package_dir.parent / "data"


@dataclass(frozen=True)
class DataSource:
    """An observations file (or ``-`` for standard input) and where its metadata lives.

    Attributes:
        path: the path as given, or ``-``.
        shipped: whether it is the data shipped with zgc.
    """

    path: str
    shipped: bool = False

    @property
    def is_stdin(self) -> bool:
        return self.path == STDIN_MARKER

    @property
    def label(self) -> str:
        """How messages name the source."""
        return "<stdin>" if self.is_stdin else self.path

    def sidecar(self, file_name: str) -> Path | None:
        """A metadata file for this source: the shipped one, or one kept beside a user's file."""
        if self.shipped:
            return shipped_data_dir() / file_name
        if self.is_stdin:
            return None
        candidate = Path(self.path).parent / file_name
        return candidate if candidate.is_file() else None


def resolve_data_source(
    data_option: str | None, environ: Mapping[str, str] | None = None
) -> DataSource:
    """The data a command reads: ``--data``, else ``$ZGC_DATA``, else the shipped data."""
    env = os.environ if environ is None else environ
    chosen = data_option if data_option is not None else env.get(DATA_ENV_VAR)
    # Typer hands an empty $ZGC_DATA over as the option: `export ZGC_DATA=` means unset.
    if chosen is None or (chosen == "" and env.get(DATA_ENV_VAR) == ""):
        return DataSource(str(shipped_data_dir() / OBSERVATIONS_FILE), shipped=True)
    if not chosen.strip():
        # A script's unset $FILE must not quietly fall back to the shipped data.
        raise ZgcError(phrase("input.data_empty"))
    if chosen == STDIN_MARKER:
        return DataSource(chosen)
    shipped_file = (shipped_data_dir() / OBSERVATIONS_FILE).resolve()
    try:
        shipped = Path(chosen).resolve() == shipped_file
    except (OSError, RuntimeError):  # a symlink loop (RuntimeError before Python 3.13)
        shipped = False  # the reader will say what is wrong with the path
    return DataSource(chosen, shipped=shipped)
