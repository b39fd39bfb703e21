"""Output files: where ``-o FILE`` writes, written whole or not at all.

A file is written in a fresh folder beside it under its own name, then moved
over the target with one ``os.replace``: a failure (a full disk, Ctrl-C, a
crash) leaves the old file as it was and no half-written one, and a reader never
sees a partial file. Writing the name it replaces keeps messages that name the
file (the chart writer's) right. A file that is an input of the command (the
data, a file beside it that zgc reads, the article) is never written over.

Standard library only (``cli.py`` and ``env.py`` import it on every run); what
only writing needs is imported then.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from zgc_cli.errors import ZgcError
from zgc_cli.phrases import phrase
from zgc_cli.present.choices import OutputFormat
from zgc_cli.present.safe import visible

STDOUT_MARKER = "-"


@dataclass(frozen=True)
class OutputTarget:
    """Where and how a command writes its result.

    Attributes:
        path: the file ``-o`` names, or None for stdout.
        fmt: the format ``-o``/``--format``/``--bom`` chose, or None: the terminal decides.
        bom: CSV/TSV for Excel: a UTF-8 byte order mark first, CRLF line ends.
    """

    path: Path | None = None
    fmt: OutputFormat | None = None
    bom: bool = False


def _cannot_write(path: Path, error: OSError) -> ZgcError:
    reason = error.strerror or type(error).__name__
    return ZgcError(phrase("write.failed", path=visible(str(path)), reason=reason))


def is_terminal(path: Path) -> bool:
    """Whether a path is a terminal device (``-o /dev/tty``), which a person reads."""
    try:
        if not stat.S_ISCHR(os.stat(path).st_mode):
            return False
        descriptor = os.open(path, os.O_WRONLY | os.O_NOCTTY | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        return os.isatty(descriptor)
    finally:
        os.close(descriptor)


def _mode_for(path: Path) -> int | None:
    """The permission bits a replacement keeps: the old file's, as ``>`` keeps them."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return None


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A path of the same name to write, put in place of ``path`` when the block ends well.

    Raises:
        ZgcError: ``path`` is a folder, its folder does not exist or cannot be
            written, or writing failed (the message names the file and why).
    """
    import shutil
    import tempfile

    try:
        status: os.stat_result | None = os.stat(path)  # through links
    except OSError:
        status = None
    if status is not None and not (stat.S_ISREG(status.st_mode) or stat.S_ISDIR(status.st_mode)):
        # A pipe, FIFO or device (`-o /dev/stdout`, `-o >(gzip > x.gz)`): written into,
        # as `>` does; replacing it would break the reader waiting on it.
        with _written_into(path) as temporary:
            yield temporary
        return
    if status is not None and path.is_symlink():
        # A link to a file: the file it names is replaced, and the link stays.
        path = Path(os.path.realpath(path))
    folder = path.parent
    if path.is_dir():
        raise ZgcError(phrase("write.folder", path=visible(str(path))))
    if not folder.is_dir():
        shown = visible(str(folder))
        raise ZgcError(phrase("write.no_folder", path=visible(str(path)), folder=shown))
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".zgc", dir=folder))
    except OSError as error:
        raise _cannot_write(path, error) from None
    temporary = staging / path.name
    try:
        yield temporary
        mode = _mode_for(path)
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except OSError as error:
        raise _cannot_write(path, error) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


@contextmanager
def _written_into(path: Path) -> Iterator[Path]:
    """A temporary file whose bytes are copied into ``path`` (a pipe or device) at the end."""
    import shutil
    import tempfile

    staging = Path(tempfile.mkdtemp(suffix=".zgc"))
    temporary = staging / (path.name or "output")
    try:
        yield temporary
        with open(temporary, "rb") as written, open(path, "wb") as sink:
            shutil.copyfileobj(written, sink)
    except OSError as error:
        raise _cannot_write(path, error) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


@contextmanager
def atomic_output(path: Path, binary: bool = False) -> Iterator[IO[Any]]:
    """A stream (UTF-8 text with no newline translation, or bytes) that becomes ``path`` whole.

    The bytes reach the disk (``fsync``) before the file takes the name.
    """
    with atomic_path(path) as temporary:
        try:
            stream: IO[Any] = (
                open(temporary, "wb")  # closed below, before the move
                if binary
                else open(temporary, "w", encoding="utf-8", newline="")
            )
        except OSError as error:
            raise _cannot_write(path, error) from None
        with stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())


def refuse_inputs(path: Path, inputs: Iterable[tuple[str, str]]) -> None:
    """Raise if ``path`` is one of the command's input files (a link to one counts).

    Args:
        path: where ``-o`` would write.
        inputs: (file path, what it is to the command) pairs; missing files are skipped.
    """
    if not path.exists():
        return  # a file that is not there is nobody's input
    for candidate, role in inputs:
        try:
            same = os.path.samefile(path, candidate)
        except OSError:
            continue
        if same:
            raise ZgcError(phrase("write.is_input", path=visible(str(path)), role=role))
