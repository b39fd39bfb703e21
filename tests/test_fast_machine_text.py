"""The fast paths of the machine writers (present/formats.py) give the reference text exactly.

The reference is the per-value path: ``machine_cells`` (Python ints and floats)
then ``machine_number_texts``, and the per-cell quoting of ``_quoted``; the
fast paths work on whole arrays and must not change a byte.
"""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zgc_cli.model.numbers import machine_number_texts
from zgc_cli.present import formats


def reference_number_texts(values: np.ndarray) -> list[str]:
    (cells,) = formats.machine_cells(pd.DataFrame({"v": values}), "")
    return machine_number_texts(cells)


EDGE_FLOATS = [
    0.0,
    -0.0,
    0.5,
    -3.0,
    1e15,
    -1e15,
    1e16,
    2.0**53 - 1,
    2.0**53,
    -(2.0**53),
    1e-7,
    1.5e-5,
    0.1 + 0.2,
    1e20,
    5e-324,
    1.7976931348623157e308,
    float("nan"),
    float("inf"),
    float("-inf"),
]


@pytest.mark.parametrize("value", EDGE_FLOATS)
@pytest.mark.parametrize("others", [[], [0.25], [7.0], [float("nan")], [0.25, 7.0]])
def test_float_columns_read_as_the_per_value_path(value: float, others: list[float]) -> None:
    values = np.array([value, *others, value], dtype="float64")
    assert formats._float_texts(values) == reference_number_texts(values)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.floats(allow_nan=True, allow_infinity=True, width=64), max_size=40))
def test_any_float_column_reads_as_the_per_value_path(values: list[float]) -> None:
    array = np.array(values, dtype="float64")
    assert formats._float_texts(array) == reference_number_texts(array)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=-(2**63), max_value=2**63 - 1), max_size=30))
def test_integer_columns_read_as_python_ints(values: list[int]) -> None:
    array = np.array(values, dtype="int64")
    assert formats._json_number_texts(array) == [str(value) for value in values]


TEXTS = st.sampled_from(["", "a", "b,c", 'q"d', "x\ny", "中文", " s "])


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(TEXTS, TEXTS, st.one_of(st.none(), TEXTS), TEXTS, st.floats(-1e3, 1e3)),
        min_size=1,
        max_size=60,
    ),
    st.sampled_from([",", "\t"]),
)
def test_delimited_rows_with_joined_columns_are_the_per_cell_rows(
    rows: list[tuple[str, str, str | None, str, float]], delimiter: str
) -> None:
    """Neighbouring category and text columns joined per pair write the same rows."""
    frame = pd.DataFrame(rows, columns=["a", "b", "c", "d", "v"])
    frame["a"] = frame["a"].astype("category")
    frame["b"] = frame["b"].astype("category")
    frame["c"] = frame["c"].astype(object)
    stream = io.StringIO()
    formats.write_delimited(frame, delimiter, stream)
    per_cell = [
        delimiter.join(formats._quoted(str(name), delimiter) for name in frame.columns),
        *(
            delimiter.join(
                formats._quoted("" if cell is None else str(cell), delimiter)
                for cell in (a, b, c, d)
            )
            + delimiter
            + machine_number_texts([int(v) if float(v).is_integer() else v])[0]
            for a, b, c, d, v in rows
        ),
    ]
    assert stream.getvalue() == "\n".join(per_cell) + "\n"
