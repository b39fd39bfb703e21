"""The one reader of bytes (a path or standard input) and the one list of encodings.

Standard library only: shell completion reads through it too. Every problem is a
:class:`~zgc_cli.errors.DataError` naming the file and, where there is one, the line.
"""

from __future__ import annotations

import sys
from pathlib import Path

from zgc_cli.errors import DataError
from zgc_cli.model.schema import STDIN_MARKER

# Tried in order: what Excel writes on most systems, then on Chinese Windows.
ENCODINGS: tuple[str, ...] = ("utf-8", "gb18030")
ENCODINGS_TEXT = "UTF-8 nor GB18030"


def read_bytes(path: str, what: str = "") -> tuple[str, bytes]:
    """Read a path, or standard input for ``-``, as a label for messages and the bytes.

    Args:
        path: a file path, or ``-``.
        what: what the file is, for messages ("the article"); empty for data.
    """
    if path == STDIN_MARKER:
        return "<stdin>", sys.stdin.buffer.read()
    file_path = Path(path)
    label = str(file_path)
    reading = f"cannot read {what}" if what else "cannot read"
    if not file_path.exists():
        raise DataError(f"{label}: no such file")
    if file_path.is_dir():
        raise DataError(f"{label}: is a directory, not a {'file' if what else 'CSV file'}")
    try:
        return label, file_path.read_bytes()
    except PermissionError:
        raise DataError(f"{label}: permission denied") from None
    except OSError as error:
        raise DataError(f"{label}: {reading}: {error.strerror or error}") from None


def line_of_offset(buffer: bytes, offset: int) -> int:
    """The 1-based line number of a byte offset."""
    return buffer.count(b"\n", 0, offset) + 1


def is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def undecodable_line(buffer: bytes) -> int:
    """The first line that no accepted encoding can decode (only runs on a failure)."""
    for number, line in enumerate(buffer.split(b"\n"), start=1):
        for encoding in ENCODINGS:
            try:
                line.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            return number
    return 1


def refuse_mixed_encodings(label: str, buffer: bytes) -> None:
    """Refuse a UTF-8 file with a few lines in another encoding, before GB18030 garbles it.

    Most byte strings decode as *something* in GB18030, so a mostly UTF-8 file
    with one GBK row would load as mojibake. When most lines with non-ASCII
    bytes are valid UTF-8, the file is UTF-8 and the other lines are errors. (A
    GBK line is seldom valid UTF-8 by chance, so a GBK file never has a majority.)
    """
    utf8_lines = other_lines = first_other = 0
    for number, line in enumerate(buffer.split(b"\n"), start=1):
        if line.isascii():
            continue
        if is_utf8(line):
            utf8_lines += 1
        else:
            other_lines += 1
            first_other = first_other or number
    if other_lines and utf8_lines > other_lines:
        raise DataError(
            f"{label}:{first_other}: not UTF-8, though most of the file is (mixed encodings?)"
        )


def decode_text(label: str, raw: bytes) -> str:
    """Text in UTF-8 (with or without a BOM) or GB18030, as Excel and editors save it."""
    text = try_decode(raw)
    if text is None:
        raise DataError(
            f"{label}:{undecodable_line(raw)}: bytes that decode as neither {ENCODINGS_TEXT}"
        )
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
