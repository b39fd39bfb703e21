"""The Environment every command shares: its streams, terminal, language and format.

As httpie's ``Environment``: the streams, whether stdout is a terminal, its
width, colour, the language and the default format live in one object that a
test can replace. Every console (Rich) is made from its streams, and
:meth:`Environment.fail`, :meth:`Environment.warn` and :meth:`Environment.note` are
how zgc speaks on stderr. Where the output goes is decided once, before any data is
read (:meth:`Environment.direct_output`): its format, and that it is not one of the
command's inputs; a document (``cite``, ``plot``, ``report``) is written by
:meth:`Environment.write_document`. The process policy (exits, pipes, signals) is
:mod:`zgc_cli.cli.process`.

Standard library only at import time: Typer comes with ``zgc_cli.cli``, Rich when a
table or a spinner is first needed, so a pipe never pays for it.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO, cast

from zgc_cli.errors import ExitCode, ZgcError
from zgc_cli.model.schema import (
    CLAIMS_FILE,
    ENTITIES_FILE,
    EVENTS_FILE,
    INDICATORS_FILE,
    PACKAGE_FILE,
)
from zgc_cli.present.choices import OutputFormat, default_format, output_format
from zgc_cli.present.safe import visible
from zgc_cli.words import Language, detect_language, message, phrase, spoken

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from zgc_cli.model.dataset import Dataset
    from zgc_cli.present.files import Document, OutputTarget
    from zgc_cli.stats.results import Result

DEBUG_ENV_VAR = "ZGC_DEBUG"
# A file this large takes about a second to load on a small machine: show a spinner.
SPINNER_FROM_BYTES = 20_000_000


def _no_output_yet() -> OutputTarget:
    # present.files (where output goes, how files are written whole) is imported when a
    # command's Environment is made, not by --help or --version.
    from zgc_cli.present.files import OutputTarget

    return OutputTarget()


def is_tty(stream: TextIO | None) -> bool:
    """Whether a stream is a terminal (a closed or odd stream is not)."""
    try:
        return bool(stream is not None and stream.isatty())
    except (AttributeError, ValueError):
        return False


class WholeWrites(io.TextIOBase):
    """A text stream whose every write reaches the file whole, or raises (EPIPE included).

    CPython's buffered writer can swallow the EPIPE that follows a partial write of
    one large string: ``zgc export | head -c 10`` exited 0 having silently dropped
    the rest, where an earlier close gave exit 1. Writing the encoded bytes with
    ``os.write`` until all are written makes both cases raise BrokenPipeError.
    Streams without a file descriptor (a test's) are written as they are.
    """

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream

    @property
    def encoding(self) -> str:  # type: ignore[override]  # TextIOBase: a plain attribute
        return self.stream.encoding or "utf-8"

    def write(self, text: str) -> int:
        try:
            descriptor = self.stream.fileno()
        except (AttributeError, OSError, ValueError):
            return self.stream.write(text)
        self.stream.flush()
        pending = memoryview(text.encode(self.encoding, self.stream.errors or "strict"))
        while pending:
            pending = pending[os.write(descriptor, pending) :]
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return is_tty(self.stream)


@dataclass
class Environment:
    """What every command shares: streams, terminal, language, format.

    Attributes:
        stdout: where machine formats and charts go, every write whole (:class:`WholeWrites`).
        stderr: where notes, warnings and errors go.
        stdout_is_tty: whether stdout is a terminal (tables and colour), else a pipe (CSV).
        stderr_is_tty: whether a person watches stderr (notes and spinners are for them).
        language_option: ``--lang``, when given; otherwise the locale decides.
        limit: the most rows a table shows (``--limit``; None: all). Machine
            formats always get every row.
        output: where and how the result is written (``-o``, ``--format``, ``--bom``).
    """

    stdout: TextIO = field(default_factory=lambda: cast(TextIO, WholeWrites(sys.stdout)))
    stderr: TextIO = field(default_factory=lambda: sys.stderr)
    stdout_is_tty: bool = field(default_factory=lambda: is_tty(sys.stdout))
    stderr_is_tty: bool = field(default_factory=lambda: is_tty(sys.stderr))
    language_option: Language | None = None
    limit: int | None = None
    output: OutputTarget = field(default_factory=_no_output_yet)
    _console: Console | None = field(default=None, repr=False)

    @property
    def language(self) -> Language:
        return self.language_option or detect_language()

    @property
    def default_format(self) -> OutputFormat:
        return default_format(self.stdout_is_tty)

    def console(self) -> Console:
        """The stdout console (made on first use; honours NO_COLOR, TERM=dumb and pipes)."""
        if self._console is None:
            from zgc_cli.present.tables import make_console

            self._console = make_console(self.stdout)
        return self._console

    @property
    def width(self) -> int:
        return self.console().width

    @property
    def color(self) -> bool:
        """Whether colour may be written to stdout."""
        console = self.console()
        return bool(console.is_terminal and console.color_system is not None) and not (
            console.no_color
        )

    def print_renderables(self, renderables: Sequence[RenderableType]) -> None:
        from zgc_cli.present.tables import print_renderables

        print_renderables(self.console(), renderables)

    def show_table(self, result: Result) -> None:
        """Print a result's human view: its view's tables and notes, at the terminal's width.

        With a :attr:`limit`, the first rows only, and a line saying how to see the rest.
        """
        from zgc_cli.present.views import render

        self.print_renderables(render(result, self.language, self.width, self.limit))

    def note(self, text: str) -> None:
        """An informational line for a person: on stderr, and only when stderr is a terminal.

        A script that redirects stderr to a log gets only warnings and errors there,
        as with a spinner; stdout never carries anything but data.
        """
        if self.stderr_is_tty:
            self.stderr.write(
                message("stderr.note", self.language, text=spoken(text, self.language))
            )

    def next_step(self, text: str, fmt: OutputFormat | None = None) -> None:
        """A dim line under a table on the terminal saying what to run next (never in a pipe)."""
        chosen = self.output.fmt or fmt or self.default_format
        if chosen is not OutputFormat.table or self.output.path is not None:
            return
        if not self.stdout_is_tty:
            return
        from rich.text import Text

        self.print_renderables([Text(text, style="dim")])

    def warn(self, text: str) -> None:
        self.stderr.write(
            message("stderr.warning", self.language, text=spoken(text, self.language))
        )

    def fail(self, text: str, code: ExitCode = ExitCode.ERROR) -> NoReturn:
        """:func:`fail` in this environment's language, on its stderr."""
        fail(text, code, self.language, self.stderr)

    def wrote(self, path: str) -> None:
        """Say on stderr which file was written (always: it is the command's only trace)."""
        self.stderr.write(message("stderr.wrote", self.language, path=visible(path)))

    def direct_output(
        self,
        output: str | None,
        fmt: OutputFormat | None = None,
        bom: bool = False,
        data: str | Sequence[str] | None = None,
        inputs: Sequence[tuple[str, str]] = (),
    ) -> None:
        """Decide where the result goes and in which format, before any data is read.

        Args:
            output: ``-o``: a file, ``-`` for stdout, or None.
            fmt: ``--format``, when given.
            bom: ``--bom``.
            data: ``--data`` (one or more): the file and the files beside it that
                the command reads are never written over.
            inputs: other files the command reads, as (path, what it is) pairs.

        Raises:
            ZgcError: the format cannot be told or disagrees, or the file is an input.
        """
        from zgc_cli.present.files import STDOUT_MARKER, OutputTarget, refuse_inputs

        path = None if output in (None, STDOUT_MARKER) else Path(cast(str, output))
        if path is not None and path.is_dir():
            raise ZgcError(phrase("write.folder", path=visible(str(path))))
        if path is not None and cast(str, output).endswith(("/", os.sep)):  # Path drops it
            shown = visible(cast(str, output))
            raise ZgcError(phrase("write.folder_name", path=shown, slash=os.sep))
        chosen = output_format(str(path) if path else None, fmt, bom)
        if path is not None:
            refuse_inputs(path, [*input_files(data), *inputs])
        self.output = OutputTarget(path=path, fmt=chosen, bom=bom)

    def write_document(self, document: Document, path: Path | None) -> None:
        """Write a document whole to ``path`` (None: stdout), then say its warnings and the file.

        ``path`` was claimed first (:meth:`claim_file`): it is none of the command's inputs.
        """
        from zgc_cli.present.files import write_document

        write_document(document, path, self.stdout)
        for warning in document.warnings:
            self.warn(warning)
        if path is not None:
            self.wrote(str(path))

    def claim_file(self, path: Path, data: str | Sequence[str] | None) -> None:
        """Check a file a command will write itself (``plot -o``) is none of its inputs."""
        from zgc_cli.present.files import refuse_inputs

        refuse_inputs(path, list(input_files(data)))

    def load(self, dataset: Dataset) -> Dataset:
        """Load a dataset's observations now, with a spinner on stderr for large files.

        Every source is loaded; what ``--prefer`` set aside is named in a note.
        """
        paths = [source.path for source in dataset.sources]
        if self.stderr_is_tty and _total_size(paths) >= SPINNER_FROM_BYTES:
            from rich.console import Console
            from rich.text import Text

            from zgc_cli.present.safe import visible
            from zgc_cli.words import message

            labels = ", ".join(visible(source.label) for source in dataset.sources)
            status = message("load.loading", self.language, sources=labels)
            with Console(file=self.stderr).status(Text(status)):
                dataset.observations  # noqa: B018 - loading is the point
        else:
            dataset.observations  # noqa: B018
        self._note_set_aside(dataset)
        return dataset

    def _note_set_aside(self, dataset: Dataset) -> None:
        from zgc_cli.present.safe import visible
        from zgc_cli.words import message

        for label, count in dataset.combined.set_aside.items():
            self.note(message("note.set_aside", self.language, count=count, source=visible(label)))
        not_yet = getattr(dataset.combined, "not_yet", None)  # --as-of (model/vintages.py)
        if not_yet:
            sources = ", ".join(visible(label) for label in not_yet)
            count = sum(not_yet.values())
            as_of = dataset.as_of
            self.note(
                message(
                    "vintages.not_yet", self.language, as_of=as_of, count=count, sources=sources
                )
            )


def _total_size(paths: Sequence[str]) -> int:
    total = 0
    for path in paths:
        try:
            total += os.path.getsize(path)
        except OSError:
            continue
    return total


# The files beside a data file that zgc reads with it.
SIDECAR_FILES: tuple[str, ...] = (
    INDICATORS_FILE,
    ENTITIES_FILE,
    EVENTS_FILE,
    CLAIMS_FILE,
    PACKAGE_FILE,
)


def input_files(data: str | Sequence[str] | None) -> Iterator[tuple[str, str]]:
    """The files a command reads for ``--data`` (or ``$ZGC_DATA``, or the shipped data).

    Each as (path, what it is to the command), for :func:`refuse_inputs`.
    """
    from zgc_cli.model.sources import resolve_data_sources

    options: list[str] | None = [data] if isinstance(data, str) else (list(data) if data else None)
    for source in resolve_data_sources(options):
        if source.shipped:
            yield source.path, phrase("input.shipped")
        elif source.is_stdin:
            # `zgc export --data - -o mine.csv < mine.csv`: stdin is that file.
            yield "/dev/stdin", phrase("input.stdin_data")
        else:
            yield source.path, phrase("input.data_file", path=source.path)
        for name in SIDECAR_FILES:
            sidecar = source.sidecar(name)
            if sidecar is not None:
                yield str(sidecar), phrase("input.sidecar", name=name)


def fail(
    text: str,
    code: ExitCode = ExitCode.ERROR,
    lang: Language | None = None,
    stream: TextIO | None = None,
) -> NoReturn:
    """Print one line on stderr and leave with ``code``: the only way zgc reports errors.

    ``text`` (a :class:`~zgc_cli.words.Phrase` or plain text) is said in
    ``lang``, else in the locale's language, on ``stream`` (an Environment's
    stderr), else on the process's. It may quote data (a cell, an id, a file
    name): its control characters are spelled out, so a hostile file cannot drive
    the terminal.
    """
    from zgc_cli.present.safe import visible

    language = lang or detect_language()
    said = spoken(text, language)
    one_line = " ".join(visible(part) for part in said.split("\n"))
    errors = stream or sys.stderr
    errors.write(message("stderr.error", language, text=one_line))
    errors.flush()
    raise SystemExit(int(code))
