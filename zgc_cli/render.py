"""DataFrames to CSV, TSV, JSON, JSON Lines and Markdown, and the one output switch.

Knows no statistics, and no Rich: a pipe never pays for the terminal's tables
(those live in :mod:`zgc_cli.tables`). Machine formats carry raw,
full-precision numbers: whole numbers without ``.0``, every other number as
the shortest text that reads back as the same float.
"""

from __future__ import annotations

import io
import json
import math
from collections.abc import Callable
from typing import Any, TextIO

import numpy as np
import pandas as pd

from zgc_cli.options import OutputFormat

# Integers beyond 2**53 are not all representable as floats; past that, print the float.
_EXACT_INTEGER_LIMIT = 2.0**53


# --- machine formats -----------------------------------------------------------------


def number_text(value: float) -> str:
    """The exact text of a number: whole numbers as integers, others as the shortest repr."""
    if value == math.floor(value) and abs(value) < _EXACT_INTEGER_LIMIT:
        return str(int(value))
    return repr(float(value))


def _float_column_text(column: pd.Series) -> pd.Series:
    """Vectorised :func:`number_text` over a float column; missing values become ''."""
    values = column.to_numpy(dtype="float64", na_value=np.nan)
    missing = np.isnan(values)
    whole = ~missing & (np.floor(values) == values) & (np.abs(values) < _EXACT_INTEGER_LIMIT)
    text = np.full(len(values), "", dtype=object)
    if whole.any():
        text[whole] = values[whole].astype(np.int64).astype(str)
    fractional = ~missing & ~whole
    if fractional.any():
        text[fractional] = [repr(float(number)) for number in values[fractional]]
    return pd.Series(text, index=column.index, dtype=object)


def _is_float(column: pd.Series) -> bool:
    return pd.api.types.is_float_dtype(column.dtype)


def machine_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Every cell as the exact text a machine format writes ('' for missing)."""
    columns: dict[str, pd.Series] = {}
    for name in frame.columns:
        column = frame[name]
        if _is_float(column):
            columns[name] = _float_column_text(column)
        elif isinstance(column.dtype, pd.CategoricalDtype):
            columns[name] = column.astype(object).where(column.notna(), "")
        else:
            columns[name] = column.astype(object).where(column.notna(), "").astype(str)
    return pd.DataFrame(columns, index=frame.index)


def _json_value(value: Any) -> Any:
    if value is None or value is pd.NA:
        return None
    if isinstance(value, (float, np.floating)):
        number = float(value)
        if math.isnan(number):
            return None
        if number == math.floor(number) and abs(number) < _EXACT_INTEGER_LIMIT:
            return int(number)
        return number
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.bool_,)):
        return bool(value)
    return value


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as JSON-ready dicts: numbers stay numbers, missing values are None."""
    columns = list(frame.columns)
    return [
        {name: _json_value(cell) for name, cell in zip(columns, row, strict=True)}
        for row in frame.itertuples(index=False, name=None)
    ]


def _markdown_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def write_machine(frame: pd.DataFrame, fmt: OutputFormat, stream: TextIO, pretty: bool) -> None:
    """Write a frame in a machine format; ``pretty`` indents JSON for a terminal."""
    if fmt in (OutputFormat.csv, OutputFormat.tsv):
        separator = "," if fmt is OutputFormat.csv else "\t"
        machine_text(frame).to_csv(stream, index=False, sep=separator, lineterminator="\n")
    elif fmt is OutputFormat.json:
        json.dump(
            records(frame),
            stream,
            ensure_ascii=False,
            allow_nan=False,
            indent=2 if pretty else None,
        )
        stream.write("\n")
    elif fmt is OutputFormat.jsonl:
        for record in records(frame):
            stream.write(json.dumps(record, ensure_ascii=False, allow_nan=False) + "\n")
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
