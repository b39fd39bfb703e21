"""Results to CSV, TSV, JSON, JSON Lines, Markdown and xlsx; the one output switch, :func:`emit`.

Knows no statistics, and no Rich: a pipe never pays for the terminal's tables
(those live in :mod:`zgc_cli.present.views`). Machine formats carry raw,
full-precision numbers (:mod:`zgc_cli.present.numbers`). Output goes to stdout,
or whole to the file of ``-o`` (:mod:`zgc_cli.present.files`); ``--bom`` makes
CSV and TSV what Excel opens by double-clicking: a UTF-8 BOM, CRLF line ends.
"""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Any, Protocol, TextIO, cast

import orjson
import pandas as pd

from zgc_cli.errors import ZgcError
from zgc_cli.present.cells import (  # noqa: F401 - formats.X for the writers' callers
    _ROWS_PER_WRITE,
    BOOLEAN_TEXTS,
    _float_texts,
    _json_number_texts,
    _quoted,
    chunks,
    machine_cells,
    text_cells,
)
from zgc_cli.present.choices import OutputFormat
from zgc_cli.present.files import OutputTarget, atomic_output, is_terminal
from zgc_cli.present.safe import SpelledOut
from zgc_cli.words import Language, message, phrase

if TYPE_CHECKING:
    from zgc_cli.stats.results import Result


class Output(Protocol):
    """What :func:`emit` needs of the environment (:class:`zgc_cli.env.Environment` has it)."""

    stdout: TextIO
    stdout_is_tty: bool
    output: OutputTarget

    @property
    def language(self) -> Language: ...

    @property
    def default_format(self) -> OutputFormat: ...

    def show_table(self, result: Result) -> None:
        """Print a result's human view (Rich is imported only then)."""
        ...

    def note(self, text: str) -> None: ...

    def wrote(self, path: str) -> None:
        """Say on stderr that a file was written."""
        ...


# What --bom writes first: U+FEFF, which UTF-8 spells EF BB BF.
BOM = "\ufeff"


# --- machine formats -----------------------------------------------------------------


def write_delimited(
    frame: pd.DataFrame, delimiter: str, stream: TextIO, line_end: str = "\n"
) -> None:
    """CSV or TSV, header first, written in chunks of rows.

    ``line_end`` ends each record (LF, or Excel's CRLF); a line break inside a
    quoted cell stays as the data has it, as the csv module writes it.
    """
    header = delimiter.join(_quoted(str(name), delimiter) for name in frame.columns)
    stream.write(header + line_end)
    for chunk in chunks(frame):
        stream.write(_rows_text(text_cells(chunk, delimiter, join_pairs=True), delimiter, line_end))


def _rows_text(pieces: list[list[str]], delimiter: str, line_end: str) -> str:
    """Rows whose cells are the pieces' texts (a list a piece), each row ended by ``line_end``.

    The texts are laid out in one list, delimiters and line ends between them, by
    a slice assignment a piece, and joined once: no tuple and no join a row.
    """
    if not pieces:  # no columns: each chunk is one empty line, as a row join gave
        return line_end
    count, width = len(pieces[0]), 2 * len(pieces)
    laid_out = [delimiter] * (width * count)
    for position, texts in enumerate(pieces):
        if len(texts) != count:
            raise ValueError(f"a piece of {len(texts)} rows among pieces of {count}")
        laid_out[2 * position :: width] = texts
    laid_out[width - 1 :: width] = [line_end] * count
    return "".join(laid_out)


def machine_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Every cell as the exact text a machine format writes ('' for missing)."""
    texts = dict(zip(frame.columns, text_cells(frame), strict=True))
    return pd.DataFrame(texts, index=frame.index, dtype=object)


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as JSON-ready dicts: numbers stay numbers, missing values are None."""
    names = [str(name) for name in frame.columns]
    columns = machine_cells(frame, None)
    return [dict(zip(names, row, strict=True)) for row in zip(*columns, strict=True)]


def write_json(frame: pd.DataFrame, stream: TextIO, pretty: bool) -> None:
    """One JSON array of records, written a chunk of records at a time.

    The bytes are those of ``orjson.dumps(records(frame))`` (indented by two
    spaces when ``pretty``): each chunk is dumped as an array, and its brackets
    are swapped for the separator the whole array has between records.
    """
    option = orjson.OPT_INDENT_2 if pretty else 0
    if not len(frame):
        stream.write(orjson.dumps([], option=option).decode() + "\n")
        return
    # An array prints as "[" + records joined by "," + "]"; indented, the brackets
    # stand on lines of their own: "[\n" + records joined by ",\n" + "\n]".
    opening, separator, closing = ("[\n", ",\n", "\n]") if pretty else ("[", ",", "]")
    stream.write(opening)
    for number, chunk in enumerate(chunks(frame)):
        dumped = orjson.dumps(records(chunk), option=option).decode()
        inner = dumped[len(opening) : len(dumped) - len(closing)]
        stream.write(inner if number == 0 else separator + inner)
    stream.write(closing + "\n")


def write_jsonl(frame: pd.DataFrame, stream: TextIO) -> None:
    """One JSON object a line, written a chunk of lines at a time."""
    for chunk in chunks(frame):
        stream.write("".join(orjson.dumps(record).decode() + "\n" for record in records(chunk)))


def _markdown_cell(text: str) -> str:
    # A line break of any kind (CR too) would end the table row: it becomes a space.
    flat = text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")
    return flat.replace("\\", "\\\\").replace("|", "\\|")


def write_markdown(frame: pd.DataFrame, stream: TextIO) -> None:
    """A Markdown table, written a chunk of rows at a time."""
    stream.write("| " + " | ".join(_markdown_cell(str(c)) for c in frame.columns) + " |\n")
    stream.write("|" + "|".join(" --- " for _ in frame.columns) + "|\n")
    for chunk in chunks(frame):
        rows = zip(*text_cells(chunk), strict=True)
        stream.write("".join("| " + " | ".join(map(_markdown_cell, row)) + " |\n" for row in rows))


def write_machine(
    frame: pd.DataFrame, fmt: OutputFormat, stream: TextIO, pretty: bool, excel: bool = False
) -> None:
    """Write a frame in a text machine format; ``pretty`` indents JSON for a terminal.

    ``excel`` (``--bom``) writes CSV and TSV for Excel: the BOM first, CRLF line
    ends. Every format is written in chunks of rows, so memory stays bounded
    whatever the frame's size; the bytes are the same as writing it at once.
    """
    if fmt in (OutputFormat.csv, OutputFormat.tsv):
        if fmt is OutputFormat.tsv:
            from zgc_cli.present.tsv import refuse_unwritable

            refuse_unwritable(frame)  # before a byte is written
        if excel:
            stream.write(BOM)
        delimiter = "," if fmt is OutputFormat.csv else "\t"
        write_delimited(frame, delimiter, stream, "\r\n" if excel else "\n")
    elif fmt is OutputFormat.json:
        write_json(frame, stream, pretty)
    elif fmt is OutputFormat.jsonl:
        write_jsonl(frame, stream)
    elif fmt in (OutputFormat.markdown, OutputFormat.md_raw):
        # A bare frame has no view: its raw columns (a result's markdown goes through emit).
        write_markdown(frame, stream)
    else:  # pragma: no cover - the table and xlsx never reach here
        raise ValueError(f"not a machine format: {fmt}")


def emit(result: Result, env: Output, fmt: OutputFormat | None = None) -> None:
    """The one place that branches on the output format.

    A table goes to the terminal through the view of the result's type (Rich is
    imported only then); a machine format gets every row of ``result.frame``,
    streamed in chunks to stdout or, whole or not at all, to the file of
    ``env.output``; what only a table shows beside it is named in a note on stderr.

    Args:
        result: what a command computed.
        env: the streams, the terminal, the language and the output target.
        fmt: the requested format; default: the output target's (from ``-o``'s
            extension), else a table on a terminal and CSV elsewhere.
    """
    target = env.output
    chosen = target.fmt or fmt or env.default_format
    if result.frame.empty and result.why_empty:
        env.note(result.why_empty)  # "nothing matched" is an answer (exit 0): say why
    if chosen is OutputFormat.table:
        env.show_table(result)
        return
    frame = result.frame
    if chosen in (OutputFormat.json, OutputFormat.jsonl):
        from zgc_cli.present.structured import json_frame

        frame = json_frame(result)  # flags as arrays; compare's series not compared
    try:
        if chosen is OutputFormat.markdown and _has_view(result):
            _write_human_markdown(result, env, target)
        elif target.path is None:
            stream = for_terminal(env.stdout, chosen) if env.stdout_is_tty else env.stdout
            write_machine(frame, chosen, stream, env.stdout_is_tty, target.bom)
            env.stdout.flush()
        else:
            _write_file(frame, chosen, target)
    except MemoryError:
        raise ZgcError(phrase("run.memory_output")) from None
    if target.path is not None:
        env.wrote(str(target.path))
    for note in pipe_notes(result, env, chosen):
        env.note(note)


def _has_view(result: Result) -> bool:
    from zgc_cli.present.views import has_view

    return has_view(result)


def _write_human_markdown(result: Result, env: Output, target: OutputTarget) -> None:
    """Markdown for a document: the view's tables (names, figures, units) and its legend.

    ``--format md-raw`` keeps the raw columns of the machine formats.
    """
    from zgc_cli.present.views.markdown import human_markdown

    text = human_markdown(result, env.language)
    if target.path is None:
        stream = (
            for_terminal(env.stdout, OutputFormat.markdown) if env.stdout_is_tty else env.stdout
        )
        stream.write(text)
        env.stdout.flush()
        return
    with atomic_output(target.path) as written:
        cast(TextIO, written).write(text)


def _write_file(frame: pd.DataFrame, fmt: OutputFormat, target: OutputTarget) -> None:
    """Write a frame to ``target.path`` whole: a failure leaves the old file, or none."""
    assert target.path is not None
    if fmt is OutputFormat.xlsx:
        from zgc_cli.present.xlsx import write_xlsx

        binary: IO[bytes]
        with atomic_output(target.path, binary=True) as binary:
            write_xlsx(frame, binary)
        return
    terminal = is_terminal(target.path)  # -o /dev/tty: for a person, as stdout would be
    with atomic_output(target.path) as stream:
        text = for_terminal(cast(TextIO, stream), fmt) if terminal else cast(TextIO, stream)
        write_machine(frame, fmt, text, pretty=False, excel=target.bom)


def for_terminal(stream: TextIO, fmt: OutputFormat) -> TextIO:
    """A machine format for a person's terminal: the data's unsafe characters spelled out."""
    json = fmt in (OutputFormat.json, OutputFormat.jsonl)
    return cast(TextIO, SpelledOut(stream, json=json))


def pipe_notes(result: Result, env: Output, fmt: OutputFormat | None = None) -> list[str]:
    """What a table would show that the machine rows of ``fmt`` do not carry, as notes."""
    from zgc_cli.stats.results import ComparisonResult

    json = fmt in (OutputFormat.json, OutputFormat.jsonl)  # JSON has them, with a reason
    if isinstance(result, ComparisonResult) and result.not_compared and not json:
        return [message("note.not_compared", env.language, count=result.not_compared)]
    return []
