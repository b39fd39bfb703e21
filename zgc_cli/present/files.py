"""Output files: where ``-o FILE`` writes, written whole or not at all.

A file is written in a fresh folder beside it under its own name, then moved
over the target with one ``os.replace``: a failure (a full disk, Ctrl-C, a
crash) leaves the old file as it was and no half-written one, and a reader never
sees a partial file. A file that is an input of the command (the data, a file
beside it that zgc reads, the article) is never written over. Tables and machine
formats are written here by :func:`~zgc_cli.present.formats.emit`; a document
(citations, a chart, a report) by :func:`write_document`.

Standard library only (``zgc_cli.cli`` and ``env.py`` import it on every run); what
only writing needs is imported then.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from zgc_cli.errors import ZgcError
from zgc_cli.present.choices import OutputFormat
from zgc_cli.present.safe import visible
from zgc_cli.words import phrase

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
    from zgc_cli.model.textio import path_problem

    reason: str = error.strerror or type(error).__name__
    if error.errno in (errno.EACCES, errno.EPERM, errno.ENOTDIR):  # which folder, and why
        reason = path_problem(str(path), error)
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


def _refuse_protected(path: Path, status: os.stat_result) -> None:
    """A file without write permission is not replaced (``>`` refuses it too).

    Its mode counts even for root, whom ``access`` lets write anything: a file
    someone made read-only is one they meant to keep.
    """
    if os.access(path, os.W_OK) and status.st_mode & 0o222:
        return
    mode = f"{stat.S_IMODE(status.st_mode):04o}"
    raise ZgcError(
        phrase("write.protected", path=visible(str(path)), mode=mode, command="chmod u+w")
    )


def _folder_problem(path: Path, folder: Path) -> ZgcError | None:
    """Why a file cannot be made in ``folder``: none, a file in the way, a locked folder."""
    if folder.is_dir():
        return None
    shown = visible(str(folder))
    for part in [*reversed(folder.parents), folder]:
        if str(part) in ("", ".") or part.is_dir():
            continue
        if part.exists():
            said = visible(str(part))
            return ZgcError(phrase("write.not_folder", path=visible(str(path)), folder=said))
        if not os.access(part.parent, os.X_OK) and part.parent.exists():
            said = visible(str(part.parent))
            return ZgcError(phrase("write.locked_folder", path=visible(str(path)), folder=said))
        break
    return ZgcError(phrase("write.no_folder", path=visible(str(path)), folder=shown))


@contextmanager
def _staging(path: Path) -> Iterator[Path]:
    """A fresh folder beside ``path``, removed at the end, and by an interrupt's handler."""
    import shutil
    import tempfile

    from zgc_cli import interrupts

    with interrupts.held():  # no interrupt between making the folder and naming it
        try:
            staging = tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".zgc", dir=path.parent)
        except OSError as error:
            raise _cannot_write(path, error) from None
        interrupts.stage(staging)
    try:
        yield Path(staging)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        interrupts.unstage(staging)


def _keeps_identity(temporary: Path, status: os.stat_result) -> bool:
    """Give the new file the old one's mode, owner and group; False if it cannot be."""
    os.chmod(temporary, stat.S_IMODE(status.st_mode))
    if status.st_nlink > 1:  # other names of the same file would keep the old bytes
        return False
    new = os.stat(temporary)
    if (new.st_uid, new.st_gid) == (status.st_uid, status.st_gid):
        return True
    try:
        os.chown(temporary, status.st_uid, status.st_gid)
    except OSError:
        return False
    return True


def _write_into(temporary: Path, path: Path) -> None:
    """The finished file's bytes written into ``path`` itself, as ``>`` would.

    For a file a replacement cannot stand for: one with other hard links, or an
    owner zgc cannot give. The space is taken first, so a full disk fails before
    a byte changes, and the signals wait until the copy is done.
    """
    import shutil

    from zgc_cli import interrupts

    size = os.path.getsize(temporary)
    with interrupts.held(), open(temporary, "rb") as finished:
        descriptor = os.open(path, os.O_WRONLY)
        try:
            if size > os.fstat(descriptor).st_size and hasattr(os, "posix_fallocate"):
                try:
                    os.posix_fallocate(descriptor, 0, size)
                except OSError as error:
                    if error.errno not in (errno.EINVAL, errno.EOPNOTSUPP):
                        raise
            with os.fdopen(descriptor, "wb", closefd=False) as sink:
                shutil.copyfileobj(finished, sink)
            os.ftruncate(descriptor, size)
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def writable(path: Path) -> tuple[Path, os.stat_result | None]:
    """The file to write for ``path`` (a link's target), and its status if it exists.

    Raises:
        ZgcError: ``path`` is a folder or write-protected, or its folder does not exist
            or cannot be written.
    """
    try:
        status: os.stat_result | None = os.stat(path)  # through links
    except OSError:
        status = None
    if status is not None and not (stat.S_ISREG(status.st_mode) or stat.S_ISDIR(status.st_mode)):
        return path, status  # a pipe, FIFO or device: written into as it is
    if path.is_symlink():
        # A link to a file: the file it names is replaced (made, when it is missing),
        # and the link stays.
        path = Path(os.path.realpath(path))
    if path.is_dir():
        raise ZgcError(phrase("write.folder", path=visible(str(path))))
    problem = _folder_problem(path, path.parent)
    if problem is not None:
        raise problem
    if status is not None:
        _refuse_protected(path, status)
    return path, status


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A path of the same name to write, put in place of ``path`` when the block ends well.

    The old file's mode, owner, group and links stay: a link names the file
    written (a dangling one too, as ``>`` follows it), and a file with other hard
    links, or an owner zgc cannot give, gets the finished bytes written into it.

    Raises:
        ZgcError: ``path`` is a folder or write-protected, its folder does not exist
            or cannot be written, or writing failed (the message names the file and why).
    """
    path, status = writable(path)
    if status is not None and not (stat.S_ISREG(status.st_mode) or stat.S_ISDIR(status.st_mode)):
        # A pipe, FIFO or device (`-o /dev/stdout`, `-o >(gzip > x.gz)`): written into,
        # as `>` does; replacing it would break the reader waiting on it.
        with _written_into(path) as temporary:
            yield temporary
        return
    with _staging(path) as staging:
        temporary = staging / path.name
        try:
            yield temporary
            if status is None or _keeps_identity(temporary, status):
                os.replace(temporary, path)
            else:
                _write_into(temporary, path)
        except OSError as error:
            raise _cannot_write(path, error) from None


@contextmanager
def _written_into(path: Path) -> Iterator[Path]:
    """A temporary file whose bytes are copied into ``path`` (a pipe or device) at the end."""
    import shutil
    import tempfile

    from zgc_cli import interrupts

    with interrupts.held():  # an interrupt removes it too
        staging = Path(tempfile.mkdtemp(suffix=".zgc"))
        interrupts.stage(str(staging))
    temporary = staging / (path.name or "output")
    try:
        yield temporary
        with open(temporary, "rb") as written, open(path, "wb") as sink:
            shutil.copyfileobj(written, sink)
    except OSError as error:
        raise _cannot_write(path, error) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        interrupts.unstage(str(staging))


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


@dataclass(frozen=True)
class Document:
    """What ``cite``, ``plot`` and ``report`` make: a whole text or image, and its kind.

    Attributes:
        body: the text (written as UTF-8) or the bytes.
        media_type: what it is (``text/html``, ``image/svg+xml``...), for a caller
            that serves or names it.
        warnings: what a person should know of it, for stderr.
    """

    body: str | bytes
    media_type: str
    warnings: tuple[str, ...] = ()


def write_document(document: Document, path: Path | None, stdout: IO[str]) -> None:
    """Write ``document`` to ``path`` as :func:`atomic_output` does, or to ``stdout``.

    The caller has refused an input as ``path`` before reading it
    (:func:`refuse_inputs`), as :func:`zgc_cli.present.formats.emit`'s caller does.
    """
    body = document.body
    if path is None:
        if isinstance(body, bytes):
            raise TypeError("a binary document is written to a file")
        stdout.write(body)
        return
    with atomic_output(path, binary=isinstance(body, bytes)) as stream:
        stream.write(body)


@contextmanager
def scratch_file(target: Path) -> Iterator[Path]:
    """A path of ``target``'s name in a fresh private folder, for a writer that wants a path.

    The folder is removed at the end, or by an interrupt's handler; a failure to
    write is said of ``target``, the file the person asked for.
    """
    import shutil
    import tempfile

    from zgc_cli import interrupts

    with interrupts.held():
        try:
            folder = tempfile.mkdtemp(suffix=".zgc")
        except OSError as error:
            raise _cannot_write(target, error) from None
        interrupts.stage(folder)
    try:
        yield Path(folder) / target.name
    except OSError as error:
        raise _cannot_write(target, error) from None
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        interrupts.unstage(folder)
