"""The one reader of bytes (a path or standard input) and the one list of encodings.

Standard library only: shell completion reads through it too. Every problem is a
:class:`~zgc_cli.errors.DataError` naming the file and, where there is one, the
line, with the real cause (``too long a name``, ``symbolic link loop``, ...).

A regular file is read at once, its size being known. A pipe, a FIFO or a device
is read in blocks, and refused as soon as it cannot be text: a NUL byte, or no
line break in its first MiB (``/dev/zero`` and ``/dev/urandom`` are refused in
the first block instead of filling the memory).

Lines are counted as the csv module and pandas count them: ``\\r\\n``, ``\\r``
and ``\\n`` each end one.
"""

from __future__ import annotations

import errno
import io
import os
import stat
import sys
from pathlib import PurePath
from types import TracebackType
from typing import BinaryIO

from zgc_cli.errors import DataError
from zgc_cli.model.schema import STDIN_MARKER
from zgc_cli.words import phrase

# Tried in order: what Excel writes on most systems, then on Chinese Windows.
ENCODINGS: tuple[str, ...] = ("utf-8", "gb18030")
ENCODINGS_TEXT = "UTF-8 nor GB18030"
STDIN_LABEL = "<stdin>"

# Pipes and devices are read in blocks of this size...
BLOCK_SIZE = 1 << 20
# ... and refused when this many bytes hold no line break (no CSV has such a header).
LINE_BREAK_WITHIN = 1 << 20
LINE_BREAK_WITHIN_TEXT = "1 MiB"

# What an errno means for a path, in the words of the messages.
_PATH_PROBLEMS: dict[int, str] = {
    errno.ENOENT: "path.no_such_file",
    errno.ENAMETOOLONG: "path.too_long",
    errno.ELOOP: "path.link_loop",
    errno.EACCES: "path.permission",
    errno.EPERM: "path.permission",
    errno.ENXIO: "path.socket",
    errno.ENODEV: "path.no_device",
    errno.EIO: "path.io",
    errno.ENOMEM: "path.memory",
    errno.EMFILE: "path.too_many_open",
    errno.ENFILE: "path.too_many_open",
    errno.EBADF: "path.not_open",
    errno.EAGAIN: "path.would_block",
}


def _directory_problem(label: str, what: str) -> DataError:
    return DataError(
        phrase("input.directory_not_file" if what else "input.directory_not_csv", label=label)
    )


def _reason(error: OSError) -> str:
    code = error.errno or 0
    if code in _PATH_PROBLEMS:
        return phrase(_PATH_PROBLEMS[code])
    return error.strerror or errno.errorcode.get(code, str(error))


def _ancestors(path: str) -> list[PurePath]:
    """The directories a path goes through, from the outermost ('a', 'a/b' for 'a/b/c')."""
    return [parent for parent in reversed(PurePath(path).parents) if str(parent) not in ("", ".")]


def _not_a_directory(path: str) -> str:
    """Which part of a path is not a directory (after ENOTDIR)."""
    for parent in _ancestors(path):
        try:
            mode = os.stat(parent).st_mode
        except OSError:
            break
        if stat.S_ISREG(mode):
            return phrase("path.parent_is_file", parent=str(parent))
        if not stat.S_ISDIR(mode):
            return phrase("path.parent_not_directory", parent=str(parent))
    return phrase("path.part_not_directory")


def _permission_denied(path: str) -> str:
    """Permission denied, and the directory that cannot be entered when that is the cause."""
    for parent in _ancestors(path):
        if not os.access(parent, os.X_OK):
            return phrase("path.permission_enter", parent=str(parent))
    return phrase("path.permission")


def _no_such_file(path: str) -> str:
    try:
        if stat.S_ISLNK(os.lstat(path).st_mode):
            return phrase("path.dangling_link")
    except OSError:
        pass
    return phrase("path.no_such_file")


def path_problem(path: str, error: OSError) -> str:
    """Why a path cannot be opened or made, in the words of the messages (a writer's too)."""
    code = error.errno
    if code == errno.ENOTDIR:
        return _not_a_directory(path)
    if code in (errno.EACCES, errno.EPERM):
        return _permission_denied(path)
    if code == errno.ENOENT:
        return _no_such_file(path)
    return _reason(error)


def _open_problem(label: str, path: str, error: OSError, what: str) -> DataError:
    """A DataError for a path that cannot be opened: the path and the real cause."""
    code = error.errno
    if code == errno.EISDIR:
        return _directory_problem(label, what)
    if code == errno.ENOTDIR:
        return DataError(phrase("input.problem", label=label, reason=_not_a_directory(path)))
    if code in (errno.EACCES, errno.EPERM):
        return DataError(phrase("input.problem", label=label, reason=_permission_denied(path)))
    if code == errno.ENOENT:
        return DataError(phrase("input.problem", label=label, reason=_no_such_file(path)))
    return DataError(phrase("input.problem", label=label, reason=_reason(error)))


def _read_problem(label: str, error: OSError, what: str) -> DataError:
    if error.errno == errno.EISDIR:
        return _directory_problem(label, what)
    if what:
        return DataError(
            phrase("input.cannot_read_what", label=label, what=what, reason=_reason(error))
        )
    return DataError(phrase("input.cannot_read", label=label, reason=_reason(error)))


class OpenedInput:
    """A path or standard input opened for reading; a context manager.

    Attributes:
        label: how messages name it (the path, or ``<stdin>``).
        what: what it is, for messages ("the article"); empty for data.
        regular: whether it is a regular file, which :meth:`rewind` can read again.
    """

    def __init__(self, label: str, stream: BinaryIO, regular: bool, what: str, owned: bool) -> None:
        self.label = label
        self.what = what
        self.regular = regular
        self._stream = stream
        self._owned = owned
        self._start = 0
        if regular:
            try:
                self._start = stream.tell()
            except (OSError, ValueError):
                self.regular = False

    def __enter__(self) -> OpenedInput:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._owned:
            self._stream.close()

    def read(self) -> bytes:
        """Every byte: at once for a regular file; in checked blocks for a pipe or device."""
        try:
            if self.regular:
                return self._stream.read()
            return self._read_blocks()
        except ValueError:  # the stream was closed under us
            raise self._closed() from None
        except OSError as error:
            if error.errno == errno.EBADF and not self._owned:
                raise self._closed() from None
            raise _read_problem(self.label, error, self.what) from None

    def rewind(self, offset: int = 0) -> BinaryIO:
        """The stream again, ``offset`` bytes past where reading began (regular files only)."""
        if not self.regular:
            raise ValueError("only a regular file can be read again")
        try:
            self._stream.seek(self._start + offset)
        except OSError as error:
            raise _read_problem(self.label, error, self.what) from None
        return self._stream

    def _closed(self) -> DataError:
        if self._owned:
            return DataError(phrase("input.closed_file", label=self.label))
        return DataError(phrase("input.stdin_closed", label=self.label))

    def _read_blocks(self) -> bytes:
        """Read to the end in blocks, refusing a NUL byte or a first MiB without a line break."""
        collected = io.BytesIO()
        line_break = False
        while block := self._stream.read(BLOCK_SIZE):
            nul = block.find(b"\x00")
            if nul >= 0:
                before = collected.getvalue()
                line = line_of_offset(before + block[: nul + 1], len(before) + nul)
                kind = "input.nul_file" if self.what else "input.nul_csv"
                raise DataError(phrase(kind, label=self.label, line=line))
            if not line_break:
                line_break = b"\n" in block or b"\r" in block
                if not line_break and collected.tell() + len(block) >= LINE_BREAK_WITHIN:
                    kind = "input.no_line_break_file" if self.what else "input.no_line_break_csv"
                    raise DataError(phrase(kind, label=self.label, size=LINE_BREAK_WITHIN_TEXT))
            collected.write(block)
        # getvalue() hands over the buffer it grew: no second copy of the bytes.
        return collected.getvalue()


def _is_regular(stream: BinaryIO) -> bool:
    try:
        return stat.S_ISREG(os.fstat(stream.fileno()).st_mode)
    except (OSError, ValueError, AttributeError):
        return False  # a test's in-memory stream: read it in blocks like a pipe


def open_input(path: str, what: str = "") -> OpenedInput:
    """Open a path, or standard input for ``-``, for reading.

    Args:
        path: a file path, or ``-``.
        what: what the file is, for messages ("the article"); empty for data.
    """
    if path == STDIN_MARKER:
        return _open_stdin(what)
    label = str(PurePath(path))
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise _open_problem(label, path, error, what) from None
    except ValueError:  # a NUL in the name
        raise DataError(phrase("input.bad_name", label=label)) from None
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            raise _directory_problem(label, what)
        stream = os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise
    return OpenedInput(label, stream, stat.S_ISREG(mode), what, owned=True)


def _open_stdin(what: str) -> OpenedInput:
    stdin = sys.stdin
    if stdin is None:  # started with descriptor 0 closed (`zgc ... <&-`)
        raise DataError(phrase("input.stdin_closed", label=STDIN_LABEL))
    stream = getattr(stdin, "buffer", None)
    if stream is None:  # a text stream without bytes beneath (a notebook's StringIO)
        try:
            stream = io.BytesIO(stdin.read().encode("utf-8"))
        except (ValueError, OSError):
            raise DataError(phrase("input.stdin_closed", label=STDIN_LABEL)) from None
    if getattr(stream, "closed", False):
        raise DataError(phrase("input.stdin_closed", label=STDIN_LABEL))
    return OpenedInput(STDIN_LABEL, stream, _is_regular(stream), what, owned=False)


def read_bytes(path: str, what: str = "") -> tuple[str, bytes]:
    """Read a path, or standard input for ``-``, as a label for messages and the bytes.

    Args:
        path: a file path, or ``-``.
        what: what the file is, for messages ("the article"); empty for data.
    """
    with open_input(path, what) as opened:
        return opened.label, opened.read()


def line_of_offset(buffer: bytes, offset: int) -> int:
    """The 1-based line number of a byte offset (``\\r\\n``, ``\\r`` and ``\\n`` end a line)."""
    line = buffer.count(b"\n", 0, offset) + 1
    if b"\r" in buffer:
        line += buffer.count(b"\r", 0, offset) - buffer.count(b"\r\n", 0, offset)
    return line


def is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def undecodable_line(buffer: bytes) -> int:
    """The first line that no accepted encoding can decode (only runs on a failure).

    When every line decodes on its own, the file fails where GB18030 fails on the
    whole (a UTF-8 character's last byte taken as a GB18030 lead byte, say).
    """
    for number, line in enumerate(buffer.splitlines(), start=1):
        for encoding in ENCODINGS:
            try:
                line.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            return number
    try:
        buffer.removeprefix(b"\xef\xbb\xbf").decode(ENCODINGS[-1])
    except UnicodeDecodeError as error:
        bom = 3 if buffer.startswith(b"\xef\xbb\xbf") else 0
        return line_of_offset(buffer, error.start + bom)
    return 1


def _clearly_utf8(line: bytes) -> bool:
    """Valid UTF-8 with a character of three bytes or more (a CJK one, say).

    GBK text is valid UTF-8 now and then by chance, but then as two-byte
    characters (Latin, Greek, Cyrillic): Chinese in UTF-8 takes three.
    """
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return any(ord(char) >= 0x800 for char in text)


def refuse_mixed_encodings(label: str, buffer: bytes) -> None:
    """Refuse a file of two encodings before GB18030 garbles one of them.

    Most byte strings decode as *something* in GB18030, so a mostly UTF-8 file
    with one GBK row would load as mojibake. When most lines with non-ASCII
    bytes are valid UTF-8, the file is UTF-8 and the other lines are errors. (A
    GBK line is seldom valid UTF-8 by chance, so a GBK file never has a majority.)
    The other way round, a GBK file with a line of Chinese in UTF-8 is refused
    at that line.
    """
    utf8_lines = other_lines = first_other = first_clear = gb18030_lines = 0
    for number, line in enumerate(buffer.splitlines(), start=1):
        if line.isascii():
            continue
        if is_utf8(line):
            utf8_lines += 1
            if not first_clear and _clearly_utf8(line):
                first_clear = number
        else:
            other_lines += 1
            first_other = first_other or number
            gb18030_lines += try_decode(line) is not None
    if other_lines and utf8_lines > other_lines:
        raise DataError(phrase("input.mixed_encodings", label=label, line=first_other))
    if gb18030_lines and first_clear:  # not when the other lines are no text at all
        raise DataError(phrase("input.utf8_in_gb18030", label=label, line=first_clear))


def decode_text(label: str, raw: bytes) -> str:
    """Text in UTF-8 (with or without a BOM) or GB18030, as Excel and editors save it."""
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise DataError(phrase("input.nul_file", label=label, line=line_of_offset(raw, nul)))
    body = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        refuse_mixed_encodings(label, body)
    text = try_decode(raw)
    if text is None:
        raise DataError(phrase("input.undecodable", label=label, line=undecodable_line(raw)))
    return text


def try_decode(raw: bytes) -> str | None:
    """The text of ``raw`` in the first accepted encoding (a UTF-8 BOM dropped), or None."""
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    for encoding in ENCODINGS:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def read_text(path: str, what: str) -> tuple[str, str]:
    """A text file (``what`` names it in messages) as its label and decoded text."""
    label, raw = read_bytes(path, what)
    return label, decode_text(label, raw)
