"""Results to CSV, TSV, JSON, JSON Lines, Markdown and xlsx; the one output switch, :func:`emit`.

Knows no statistics, and no Rich: a pipe never pays for the terminal's tables
(those live in :mod:`zgc_cli.present.views`). Machine formats carry raw,
full-precision numbers (:mod:`zgc_cli.present.numbers`). Output goes to stdout,
or whole to the file of ``-o`` (:mod:`zgc_cli.present.files`); ``--bom`` makes
CSV and TSV what Excel opens by double-clicking: a UTF-8 BOM, CRLF line ends.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any, Protocol, TextIO, cast

import numpy as np
import orjson
import pandas as pd

from zgc_cli.errors import ZgcError
from zgc_cli.model.numbers import EXACT_INTEGER_LIMIT, machine_number_texts
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


# Rows joined into one write: big enough to amortise, small enough to bound memory.
_ROWS_PER_WRITE = 50_000
# Booleans in delimited text and Markdown, as JSON spells them.
BOOLEAN_TEXTS: tuple[str, str] = ("false", "true")
# What --bom writes first: U+FEFF, which UTF-8 spells EF BB BF.
BOM = "\ufeff"


# --- machine formats -----------------------------------------------------------------


def _float_cells(column: pd.Series, missing: Any) -> np.ndarray:
    """A float column as Python numbers: whole ones as ints (no ``.0``), others as floats."""
    values = column.to_numpy(dtype="float64", na_value=np.nan)
    cells = values.astype(object)
    absent = np.isnan(values)
    whole = ~absent & (np.floor(values) == values) & (np.abs(values) < EXACT_INTEGER_LIMIT)
    if whole.any():
        cells[whole] = values[whole].astype(np.int64).astype(object)
    if absent.any():
        cells[absent] = missing
    return cells


def machine_cells(frame: pd.DataFrame, missing: Any = None) -> list[np.ndarray]:
    """Each column as an object array of Python values, ready for a JSON writer.

    Numbers stay numbers (ints for whole values), text stays text, and a
    missing value becomes ``missing``.
    """
    columns: list[np.ndarray] = []
    for name in frame.columns:
        column = frame[name]
        if isinstance(column.dtype, pd.api.extensions.ExtensionDtype) and (
            pd.api.types.is_integer_dtype(column.dtype)
        ):
            # A nullable integer column (missing years): its whole values print as ints.
            column = column.astype("float64")
        if pd.api.types.is_float_dtype(column.dtype):
            columns.append(_float_cells(column, missing))
        elif pd.api.types.is_integer_dtype(column.dtype):
            # astype(object) makes Python ints, which JSON can write and numpy ints are not.
            columns.append(column.to_numpy().astype(object))
        else:
            cells = column.to_numpy(dtype=object)
            absent = pd.isna(cells)
            if absent.any():
                cells = cells.copy()
                cells[absent] = missing
            columns.append(cells)
    return columns


def _quoted(text: str, delimiter: str | None) -> str:
    """CSV's minimal quoting (as the csv module and pandas do it), or none without a
    delimiter, and none in TSV, which has no quoting (:mod:`zgc_cli.present.tsv`)."""
    if delimiter is None or delimiter == "\t":
        return text
    if delimiter in text or '"' in text or "\n" in text or "\r" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def _json_number_texts(numbers: np.ndarray) -> list[str]:
    """A numpy int or float array as orjson writes its numbers (NaN and inf as ``null``).

    orjson reads the array's memory directly: no Python object per cell. Its text
    of a numpy float64 or int is the one it writes for the same Python number.
    """
    if not len(numbers):
        return []
    dumped = orjson.dumps(np.ascontiguousarray(numbers), option=orjson.OPT_SERIALIZE_NUMPY)
    return dumped.decode()[1:-1].split(",")


def _float_texts(values: np.ndarray) -> list[str]:
    """A float column as machine text: whole numbers below 2**53 as ints, NaN as ''.

    The text :func:`machine_cells` then :func:`machine_number_texts` give, without
    making a Python object per number. orjson writes a whole float below 2**53 as
    its integer and ``.0`` (``1e15`` is ``1000000000000000.0``), and no other float
    with a trailing ``.0``; NaN as ``null``. So one dump, two replacements and a
    split give the column (100k rows: 20 ms → 8 ms), unless it holds what they
    cannot tell apart: -0.0 (written 0), an infinity (written null), 2**53 or more.
    """
    if not len(values):
        return []
    missing = np.isnan(values)
    with np.errstate(invalid="ignore"):  # floor(NaN) is NaN: not whole, and no warning
        whole = (np.floor(values) == values) & (np.abs(values) < EXACT_INTEGER_LIMIT)
    if whole.all():
        return _json_number_texts(values.astype(np.int64))
    small = np.abs(values) < EXACT_INTEGER_LIMIT  # False for NaN and the infinities
    negative_zero = (values == 0) & np.signbit(values)
    if (small | missing).all() and not negative_zero.any():
        dumped = orjson.dumps(np.ascontiguousarray(values), option=orjson.OPT_SERIALIZE_NUMPY)
        dumped = dumped.replace(b".0,", b",").replace(b"null", b"")
        if dumped.endswith(b".0]"):
            dumped = dumped[:-3] + b"]"
        return dumped.decode()[1:-1].split(",")
    texts = _json_number_texts(values)
    if not whole.any() and not missing.any():
        return texts
    cells = np.array(texts, dtype=object)
    if whole.any():
        cells[whole] = _json_number_texts(values[whole].astype(np.int64))
    cells[missing] = ""  # orjson wrote null; inf stays null, as machine_number_texts has it
    return cells.tolist()


def _spelled(codes: np.ndarray, texts: list[str]) -> list[str]:
    """Each row's text by its code into ``texts``; code -1 (missing) is ''."""
    lookup = np.array([*texts, ""], dtype=object)  # code -1 takes the last
    return lookup[codes].tolist()


# A column of few distinct texts: each row's code into the texts (-1: missing), the texts.
Coded = tuple[np.ndarray, list[str]]


def _coded(column: pd.Series, delimiter: str | None) -> Coded | None:
    """A category column, or one of text only, as codes and its distinct texts (quoted)."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        spelled = [_quoted(str(category), delimiter) for category in column.cat.categories]
        return column.cat.codes.to_numpy(), spelled
    if pd.api.types.is_bool_dtype(column.dtype):
        # true/false, as JSON writes them; a missing one (nullable booleans) is empty.
        codes = column.to_numpy(dtype=bool, na_value=False).astype(np.int64)
        if isinstance(column.dtype, pd.BooleanDtype):
            codes[column.isna().to_numpy()] = -1
        return codes, list(BOOLEAN_TEXTS)
    if pd.api.types.is_numeric_dtype(column.dtype):
        return None
    cells = column.to_numpy(dtype=object)
    if pd.api.types.infer_dtype(cells, skipna=True) not in ("string", "empty"):
        return None
    # Text repeats (flags, kinds, statuses): each distinct text is quoted once.
    codes, distinct = pd.factorize(cells, use_na_sentinel=True)
    return codes, [_quoted(text, delimiter) for text in distinct]


class _FloatMemo:
    """The texts of the float columns written so far (of one chunk), to reuse where they repeat.

    An interval's ends are often its point (an exact count), and its conventional
    ends its strict ones: a cell equal to the same row's cell of a recent column
    takes that column's text instead of being written again.
    """

    RECENT = 8

    def __init__(self) -> None:
        self.seen: list[tuple[np.ndarray, np.ndarray, list[str]]] = []

    def texts(self, values: np.ndarray) -> list[str]:
        missing = np.isnan(values)
        negative = np.signbit(values)
        best: tuple[np.ndarray, list[str]] | None = None
        best_count = 0
        for previous, previous_missing, previous_texts in self.seen[-self.RECENT :]:
            with np.errstate(invalid="ignore"):
                same = ((values == previous) & (negative == np.signbit(previous))) | (
                    missing & previous_missing
                )
            count = int(np.count_nonzero(same))
            if count > best_count:
                best, best_count = (same, previous_texts), count
        if best is not None and best_count == len(values):
            texts = best[1]
        elif best is not None and best_count * 2 >= len(values):
            same, previous_texts = best
            cells = np.array(previous_texts, dtype=object)
            differ = ~same
            cells[differ] = _float_texts(values[differ])
            texts = cells.tolist()
        else:
            texts = _float_texts(values)
        self.seen.append((values, missing, texts))
        return texts


def _column_texts(
    column: pd.Series, delimiter: str | None, memo: _FloatMemo | None = None
) -> list[str]:
    """One column as the exact text a machine format writes ('' for missing)."""
    dtype = column.dtype
    coded = _coded(column, delimiter)
    if coded is not None:
        return _spelled(*coded)
    if pd.api.types.is_float_dtype(dtype) or (
        isinstance(dtype, pd.api.extensions.ExtensionDtype) and pd.api.types.is_integer_dtype(dtype)
    ):
        # A nullable integer column (missing years) is written as floats are: whole ones as ints.
        values = column.to_numpy(dtype="float64", na_value=np.nan)
        return memo.texts(values) if memo is not None else _float_texts(values)
    if pd.api.types.is_integer_dtype(dtype):
        return _json_number_texts(column.to_numpy())
    (machine,) = machine_cells(column.to_frame(), "")
    if pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype):
        return machine_number_texts(machine)
    return [_quoted(str(cell), delimiter) for cell in machine]


def text_cells(
    frame: pd.DataFrame, delimiter: str | None = None, *, join_pairs: bool = False
) -> list[list[str]]:
    """Each column as the exact text a machine format writes ('' for missing).

    With a ``delimiter``, text that needs it is quoted for a delimited file. A
    category column, and a column of repeated text, is spelled (and quoted)
    once per distinct text, not per row; numbers are written from their arrays.
    ``join_pairs`` (a delimited file's rows) joins neighbouring such columns
    with the delimiter where few pairs occur (see :func:`_joined`): a list then
    holds several columns' cells.
    """
    memo = _FloatMemo()
    if not join_pairs or delimiter is None:
        return [
            _column_texts(frame.iloc[:, position], delimiter, memo)
            for position in range(frame.shape[1])
        ]
    pieces: list[Coded | list[str]] = []
    for position in range(frame.shape[1]):
        column = frame.iloc[:, position]
        coded = _coded(column, delimiter)
        if coded is None:
            pieces.append(_column_texts(column, delimiter, memo))
            continue
        previous = pieces[-1] if pieces else None
        joined = _joined(previous, coded, delimiter) if isinstance(previous, tuple) else None
        if joined is not None:
            pieces[-1] = joined
        else:
            pieces.append(coded)
    return [_spelled(*piece) if isinstance(piece, tuple) else piece for piece in pieces]


def chunks(frame: pd.DataFrame) -> Iterator[pd.DataFrame]:
    """The frame in slices of ``_ROWS_PER_WRITE`` rows: what one write holds."""
    step = _ROWS_PER_WRITE
    for start in range(0, len(frame), step):
        yield frame.iloc[start : start + step]


def _joined(left: Coded, right: Coded, delimiter: str) -> Coded | None:
    """Two neighbouring coded columns as one whose texts hold both cells, if few pairs occur.

    Statuses, qualifiers, flags and kinds pair up in a few ways: spelling each
    pair once saves joining every row's cells one by one. None when the pairs
    would be many (metric and entity): spelling them would cost more than it saves.
    """
    (left_codes, left_texts), (right_codes, right_texts) = left, right
    width = len(right_texts) + 1  # code + 1: 0 is missing, spelled ''
    if (len(left_texts) + 1) * width > 1 << 20:
        return None
    pair_codes = (left_codes.astype(np.int64) + 1) * width + (right_codes + 1)
    occurs = np.zeros((len(left_texts) + 1) * width, dtype=bool)
    occurs[pair_codes] = True
    pairs = np.flatnonzero(occurs)
    if len(pairs) > max(64, len(pair_codes) // 8):
        return None
    lefts, rights = ["", *left_texts], ["", *right_texts]
    texts = [lefts[pair // width] + delimiter + rights[pair % width] for pair in pairs.tolist()]
    return (np.cumsum(occurs) - 1)[pair_codes], texts


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
        rows = zip(*text_cells(chunk, delimiter, join_pairs=True), strict=True)
        stream.write(line_end.join(map(delimiter.join, rows)) + line_end)


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
