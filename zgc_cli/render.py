"""DataFrames to CSV, TSV, JSON, JSON Lines and Markdown, and the one output switch.

Knows no statistics, and no Rich: a pipe never pays for the terminal's tables
(those live in :mod:`zgc_cli.tables`). Machine formats carry raw,
full-precision numbers: whole numbers without ``.0``, every other number as
the shortest text that reads back as the same float.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from itertools import islice
from typing import Any, TextIO

import numpy as np
import orjson
import pandas as pd

from zgc_cli.options import OutputFormat

# Integers beyond 2**53 are not all representable as floats; past that, print the float.
_EXACT_INTEGER_LIMIT = 2.0**53
# Rows joined into one write: big enough to amortise, small enough to bound memory.
_ROWS_PER_WRITE = 50_000


# --- machine formats -----------------------------------------------------------------


def _float_cells(column: pd.Series, missing: Any) -> np.ndarray:
    """A float column as Python numbers: whole ones as ints (no ``.0``), others as floats."""
    values = column.to_numpy(dtype="float64", na_value=np.nan)
    cells = values.astype(object)
    absent = np.isnan(values)
    whole = ~absent & (np.floor(values) == values) & (np.abs(values) < _EXACT_INTEGER_LIMIT)
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


def _number_texts(cells: np.ndarray) -> list[str]:
    """Numbers as text, all at once: orjson writes the shortest round-trip form in native code.

    Formatting floats one by one with ``repr`` costs more than parsing them did;
    a JSON array of the column, split at its commas, gives the same digits.
    """
    if len(cells) == 0:
        return []
    absent = np.asarray(cells == "", dtype=bool)
    numbers = np.where(absent, 0, cells) if absent.any() else cells
    texts = orjson.dumps(numbers.tolist())[1:-1].decode().split(",")
    for position in np.flatnonzero(absent):
        texts[position] = ""
    return texts


def _quoted(text: str, delimiter: str | None) -> str:
    """CSV's minimal quoting (as the csv module and pandas do it), or none without a delimiter."""
    if delimiter is None:
        return text
    if delimiter in text or '"' in text or "\n" in text or "\r" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def text_cells(frame: pd.DataFrame, delimiter: str | None = None) -> list[list[str]]:
    """Each column as the exact text a machine format writes ('' for missing).

    With a ``delimiter``, text that needs it is quoted for a delimited file. A
    category column is spelled (and quoted) once per category, not per row.
    """
    columns: list[list[str]] = []
    for name, cells in zip(frame.columns, machine_cells(frame, ""), strict=True):
        column = frame[name]
        if isinstance(column.dtype, pd.CategoricalDtype):
            spelled = [_quoted(str(category), delimiter) for category in column.cat.categories]
            lookup = np.array([*spelled, ""], dtype=object)  # code -1 (missing) takes the last
            columns.append(lookup[column.cat.codes.to_numpy()].tolist())
        elif pd.api.types.is_numeric_dtype(column.dtype) and not pd.api.types.is_bool_dtype(
            column.dtype
        ):
            columns.append(_number_texts(cells))
        else:
            columns.append([_quoted(str(cell), delimiter) for cell in cells])
    return columns


def write_delimited(frame: pd.DataFrame, delimiter: str, stream: TextIO) -> None:
    """CSV or TSV, header first, LF line ends, written in chunks of rows."""
    stream.write(delimiter.join(_quoted(str(name), delimiter) for name in frame.columns) + "\n")
    rows = zip(*text_cells(frame, delimiter), strict=True)
    while chunk := list(islice(rows, _ROWS_PER_WRITE)):
        stream.write("\n".join(map(delimiter.join, chunk)) + "\n")


def machine_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Every cell as the exact text a machine format writes ('' for missing)."""
    texts = dict(zip(frame.columns, text_cells(frame), strict=True))
    return pd.DataFrame(texts, index=frame.index, dtype=object)


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as JSON-ready dicts: numbers stay numbers, missing values are None."""
    names = [str(name) for name in frame.columns]
    columns = machine_cells(frame, None)
    return [dict(zip(names, row, strict=True)) for row in zip(*columns, strict=True)]


def _markdown_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def write_machine(frame: pd.DataFrame, fmt: OutputFormat, stream: TextIO, pretty: bool) -> None:
    """Write a frame in a machine format; ``pretty`` indents JSON for a terminal."""
    if fmt in (OutputFormat.csv, OutputFormat.tsv):
        write_delimited(frame, "," if fmt is OutputFormat.csv else "\t", stream)
    elif fmt is OutputFormat.json:
        option = orjson.OPT_INDENT_2 if pretty else 0
        stream.write(orjson.dumps(records(frame), option=option).decode() + "\n")
    elif fmt is OutputFormat.jsonl:
        for record in records(frame):
            stream.write(orjson.dumps(record).decode() + "\n")
    elif fmt is OutputFormat.markdown:
        text = machine_text(frame)
        stream.write("| " + " | ".join(_markdown_cell(str(c)) for c in text.columns) + " |\n")
        stream.write("|" + "|".join(" --- " for _ in text.columns) + "|\n")
        for row in text.itertuples(index=False, name=None):
            stream.write("| " + " | ".join(_markdown_cell(cell) for cell in row) + " |\n")
    else:  # pragma: no cover - the table format never reaches here
        raise ValueError(f"not a machine format: {fmt}")


def emit(
    frame: pd.DataFrame,
    fmt: OutputFormat,
    stream: TextIO,
    *,
    pretty: bool,
    show_table: Callable[[], None],
) -> None:
    """The one place that branches on the output format.

    Args:
        frame: the machine-readable result, columns in their documented order.
        fmt: the requested format.
        stream: where machine formats go (stdout).
        pretty: whether stdout is a terminal (indents JSON).
        show_table: prints the human view (see :mod:`zgc_cli.tables`); only
            called for the table format, so a pipe never imports Rich.
    """
    if fmt is OutputFormat.table:
        show_table()
        return
    buffer = io.StringIO()
    write_machine(frame, fmt, buffer, pretty)
    stream.write(buffer.getvalue())
    stream.flush()
