"""Which data a command reads, resolved once: a path, standard input, or the shipped data.

Standard library only: shell completion and ``--help`` import this module.
A :class:`DataSource` also finds the metadata files kept beside it (its sidecars).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from zgc_cli.errors import ZgcError
from zgc_cli.model.schema import DATA_ENV_VAR, OBSERVATIONS_FILE, SHIPPED_MARKER, STDIN_MARKER
from zgc_cli.words import Listed, phrase


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
        sheet: the sheet to read of a workbook (``--sheet``); None: the first.
    """

    path: str
    shipped: bool = False
    sheet: str | None = None

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
            beside = Path(self.path).parent / file_name
            if Path(self.path).parent.resolve() != shipped_data_dir().resolve():
                return beside if beside.is_file() else None  # a later source shipped with zgc
            return shipped_data_dir() / file_name
        if self.is_stdin:
            return None
        candidate = Path(self.path).parent / file_name
        return candidate if candidate.is_file() else None


def resolve_data_source(
    data_option: str | Sequence[str] | None, environ: Mapping[str, str] | None = None
) -> DataSource:
    """The (first) data a command reads: ``--data``, else ``$ZGC_DATA``, else the shipped data.

    Shell completion reads this one source; commands read all of
    :func:`resolve_data_sources`.
    """
    if data_option is not None and not isinstance(data_option, str):
        return resolve_data_sources(data_option, environ)[0]
    env = os.environ if environ is None else environ
    if data_option is None and env.get(DATA_ENV_VAR) and os.pathsep in env[DATA_ENV_VAR]:
        return resolve_data_sources(None, environ)[0]
    chosen = data_option if data_option is not None else env.get(DATA_ENV_VAR)
    # Typer hands an empty $ZGC_DATA over as the option: `export ZGC_DATA=` means unset.
    if chosen is None or (chosen == "" and env.get(DATA_ENV_VAR) == ""):
        return shipped_source()
    if not chosen.strip():
        # A script's unset $FILE must not quietly fall back to the shipped data.
        raise ZgcError(phrase("input.data_empty"))
    if chosen == STDIN_MARKER:
        return DataSource(chosen)
    if chosen == SHIPPED_MARKER:
        return shipped_source()
    shipped_file = (shipped_data_dir() / OBSERVATIONS_FILE).resolve()
    try:
        shipped = Path(chosen).resolve() == shipped_file
    except (OSError, RuntimeError):  # a symlink loop (RuntimeError before Python 3.13)
        shipped = False  # the reader will say what is wrong with the path
    return DataSource(chosen, shipped=shipped)


def shipped_source() -> DataSource:
    """The data shipped with zgc, as a source."""
    return DataSource(str(shipped_data_dir() / OBSERVATIONS_FILE), shipped=True)


LATER_SOURCES_DIR = "sources"  # data/sources/<name>/: later publications of the figures


def shipped_later_sources() -> list[DataSource]:
    """The later publications shipped beside the article's figures (``data/sources/*/``)."""
    folder = shipped_data_dir() / LATER_SOURCES_DIR
    if not folder.is_dir():
        return []
    found = sorted(path / OBSERVATIONS_FILE for path in folder.iterdir() if path.is_dir())
    return [DataSource(str(path), shipped=True) for path in found if path.is_file()]


def _with_later(option: str | None, source: DataSource) -> list[DataSource]:
    """The shipped data, asked for as such (no --data, or ``shipped``), is every shipped source."""
    if source.shipped and option in (None, SHIPPED_MARKER):
        return [source, *shipped_later_sources()]
    return [source]


def _identity(source: DataSource) -> str:
    """What makes two sources the same: the shipped data, stdin, or the resolved path."""
    # The article's shipped figures are "shipped"; a later source shipped beside them
    # (data/sources/) is its path, as the same file named by --data is.
    if source.shipped and Path(source.path).parent.resolve() == shipped_data_dir().resolve():
        return "shipped"
    if source.is_stdin:
        return STDIN_MARKER
    try:
        return str(Path(source.path).resolve())
    except (OSError, RuntimeError):
        return source.path


def resolve_data_sources(
    data_options: Sequence[str] | None,
    environ: Mapping[str, str] | None = None,
    sheet: str | None = None,
) -> list[DataSource]:
    """Every source a command reads: each ``--data``, else each path of ``$ZGC_DATA``.

    ``$ZGC_DATA`` lists paths separated by ``os.pathsep`` (``:``, ``;`` on
    Windows). Without either, the shipped data. ``shipped`` is the shipped data;
    ``-`` is standard input. A source given twice is refused: its every
    observation would be its own duplicate. ``sheet`` is for the workbooks among them.
    """
    env = os.environ if environ is None else environ
    if data_options:
        chosen = [
            one
            for option in data_options
            for one in _with_later(option, resolve_data_source(option, {}))
        ]
    elif env.get(DATA_ENV_VAR):
        entries = env[DATA_ENV_VAR].split(os.pathsep)
        if any(not entry.strip() for entry in entries):
            # `ZGC_DATA=$A:$B` with B unset must not quietly read A alone.
            raise ZgcError(
                phrase("sources.empty_entry", variable=DATA_ENV_VAR, value=env[DATA_ENV_VAR])
            )
        chosen = [
            one for entry in entries for one in _with_later(entry, resolve_data_source(entry, {}))
        ]
    else:
        single = resolve_data_source(None, env)
        chosen = _with_later(None if single.shipped else single.path, single)
    seen: dict[str, DataSource] = {}
    for source in chosen:
        identity = _identity(source)
        if identity in seen:
            first = seen[identity].label
            also = "" if first == source.label else phrase("sources.first_as", first=first)
            raise ZgcError(phrase("sources.twice", label=source.label, also=also))
        seen[identity] = source
    if sheet is not None:
        workbooks = [source for source in chosen if is_workbook(source.path)]
        if not workbooks:
            raise ZgcError(phrase("sources.no_workbook", sheet=sheet))
        chosen = [
            DataSource(source.path, source.shipped, sheet) if is_workbook(source.path) else source
            for source in chosen
        ]
    return chosen


def is_workbook(path: str) -> bool:
    return Path(path).suffix.lower() in (".xlsx", ".xlsm")


def preferred_sources(
    prefer_options: Sequence[str] | None, sources: Sequence[DataSource]
) -> list[DataSource]:
    """The sources ``--prefer`` names, most preferred first; each must be one of ``sources``."""
    by_identity = {_identity(source): source for source in sources}
    preferred: list[DataSource] = []
    for option in prefer_options or ():
        wanted = resolve_data_source(option, {})
        source = by_identity.get(_identity(wanted))
        if source is None:
            given = Listed(source.label for source in sources)
            raise ZgcError(phrase("sources.not_a_source", option=option, given=given))
        if source not in preferred:
            preferred.append(source)
    return preferred
