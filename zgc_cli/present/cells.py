"""Cells as the exact text and JSON values the machine formats write, a column at a time.

The writers of :mod:`zgc_cli.present.formats` and :mod:`zgc_cli.present.xlsx` share it:
numbers at full precision (:func:`zgc_cli.model.numbers.machine_number_texts`), a
column of few texts spelled once, booleans as JSON spells them, missing cells empty.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
import orjson
import pandas as pd

from zgc_cli.model.numbers import EXACT_INTEGER_LIMIT, machine_number_texts

# Rows joined into one write: big enough to amortise, small enough to bound memory.
_ROWS_PER_WRITE = 50_000
# Booleans in delimited text and Markdown, as JSON spells them.
BOOLEAN_TEXTS: tuple[str, str] = ("false", "true")


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
    numbers: list[tuple[pd.Series, np.ndarray]] = []  # a run of number columns, not yet written
    for position in range(frame.shape[1]):
        column = frame.iloc[:, position]
        values = _block_values(column)
        if values is not None:
            numbers.append((column, values))
            continue
        pieces.extend(_number_pieces(numbers, delimiter, memo))
        numbers = []
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
    pieces.extend(_number_pieces(numbers, delimiter, memo))
    return [_spelled(*piece) if isinstance(piece, tuple) else piece for piece in pieces]


def _block_values(column: pd.Series) -> np.ndarray | None:
    """A number column as the floats a block of columns is written from, else None.

    Booleans and text are not numbers here; an integer column is, where each of
    its values is a float exactly (below 2**53), as its text then is the float's.
    """
    dtype = column.dtype
    if pd.api.types.is_bool_dtype(dtype) or not pd.api.types.is_numeric_dtype(dtype):
        return None
    if isinstance(dtype, pd.CategoricalDtype):
        return None
    if pd.api.types.is_float_dtype(dtype) or isinstance(dtype, pd.api.extensions.ExtensionDtype):
        return column.to_numpy(dtype="float64", na_value=np.nan)
    integers = column.to_numpy()
    if not pd.api.types.is_integer_dtype(integers.dtype):
        return None
    if integers.dtype.itemsize > 4 and len(integers):
        if integers.max() >= EXACT_INTEGER_LIMIT or integers.min() <= -EXACT_INTEGER_LIMIT:
            return None
    return integers.astype("float64")


def _number_pieces(
    numbers: list[tuple[pd.Series, np.ndarray]], delimiter: str, memo: _FloatMemo
) -> list[list[str]]:
    """Neighbouring number columns as one list of row texts (their cells joined), if they can be.

    One dump of the rows × columns array writes every row's cells already joined:
    a million cells cost one split a row, not one string a cell. A lone column, or
    a block holding what :func:`_block_texts` cannot write, is written a column at a time.
    """
    if len(numbers) > 1:
        texts = _block_texts([values for _, values in numbers], delimiter)
        if texts is not None:
            return [texts]
    return [_column_texts(column, delimiter, memo) for column, _ in numbers]


def _block_texts(columns: list[np.ndarray], delimiter: str) -> list[str] | None:
    """Each row's cells of these float columns as machine text joined by ``delimiter``.

    What :func:`_float_texts` writes cell by cell: orjson writes a whole float
    below 2**53 as its integer and ``.0``, NaN as ``null``, and -0.0 (written 0 by
    the column path) is made 0.0 first. None where a value is an infinity or
    2**53 or more: there a whole float's text keeps its ``.0``, and the column
    path writes each cell.
    """
    if not len(columns[0]):
        return []
    # A last column of NaN ends each row with ",null": every whole number is then
    # followed by a comma, and one replacement drops its ".0".
    matrix = np.column_stack([*columns, np.full(len(columns[0]), np.nan)])
    with np.errstate(invalid="ignore"):  # NaN compares False: it is writable
        if (np.abs(matrix) >= EXACT_INTEGER_LIMIT).any():
            return None
    matrix += 0.0  # -0.0 + 0.0 is 0.0
    dumped = orjson.dumps(matrix, option=orjson.OPT_SERIALIZE_NUMPY)
    # A number's text has no n, u or l: deleting those bytes deletes each "null".
    dumped = dumped.replace(b".0,", b",").translate(None, b"nul")
    text = dumped[2:-3].decode()  # "[[a,b,],[c,d,]]": the rows between ",],["
    between = ",],["
    if delimiter != ",":  # numbers hold no comma
        text, between = text.replace(",", delimiter), between.replace(",", delimiter)
    return text.split(between)


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
