"""Compare's coded columns and its fast paths give the text and numbers of the per-row ways.

Flags and kinds are codes spelled when written; neighbouring number columns are
written by one dump a block; the conventional intervals are worked out only where
an end is a bound. Each is held here to the plain way of doing the same thing.
"""

from __future__ import annotations

import contextlib
import io
import itertools

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal

from zgc_cli.model.numbers import machine_number_texts
from zgc_cli.model.schema import QUALIFIERS, STATUSES, YEAR_BASES
from zgc_cli.present import cells, formats
from zgc_cli.stats import growth as growth_module
from zgc_cli.stats import intervals
from zgc_cli.stats.flagging import (
    flag_codes,
    flags,
    growth_flag_codes,
    spelled_flags,
    with_growth_flags,
)
from zgc_cli.stats.growth import growth_with_overflow
from zgc_cli.stats.kinds import Kind, coded_row_kinds, kind_of_unit, kinds_in, row_kinds
from zgc_cli.stats.measures import MEASURES
from zgc_cli.stats.observed import observation_bounds

# --- flags and kinds as codes -------------------------------------------------------------


def _every_end() -> pd.DataFrame:
    """One observation's marks in every combination (an empty cell too)."""
    combinations = itertools.product(("", *STATUSES), ("", *QUALIFIERS), ("", *YEAR_BASES))
    return pd.DataFrame(combinations, columns=["status", "qualifier", "year_basis"])


def test_coded_flags_spell_what_the_texts_joined_did_for_every_combination() -> None:
    one = _every_end()
    # Every pair of ends, each with every kind and with and without an overflow.
    pairs = pd.MultiIndex.from_product([range(len(one)), range(len(one))])
    start = one.iloc[pairs.get_level_values(0)].reset_index(drop=True)
    end = one.iloc[pairs.get_level_values(1)].reset_index(drop=True)
    kinds_cycle = [kind.value for kind in Kind]
    kinds = np.array([kinds_cycle[row % len(kinds_cycle)] for row in range(len(end))], dtype=object)
    overflowed = np.arange(len(end)) % 7 == 3
    texts = with_growth_flags(flags(start, end), kinds, overflowed)
    coded = spelled_flags(
        growth_flag_codes(flag_codes(start, end), pd.Categorical(kinds), overflowed)
    )
    assert np.asarray(coded, dtype=object).tolist() == texts.tolist()
    # Text appears where it should: a derived start, a nearly end, a share's points.
    assert "derived" in texts[(start["status"] == "derived").to_numpy()].iloc[0]
    assert set(texts) > {"", "percentage_points", "overflow"}


def test_coded_flags_are_empty_for_plain_reported_levels() -> None:
    plain = pd.DataFrame({"status": ["reported"] * 3, "qualifier": ["exact"] * 3})
    level = pd.Categorical(["level"] * 3, categories=[kind.value for kind in Kind])
    coded = spelled_flags(growth_flag_codes(flag_codes(plain, plain), level, np.zeros(3, bool)))
    assert list(coded) == ["", "", ""]
    assert list(coded.categories) == [""]


def test_coded_kinds_follow_unit_declaration_and_percent() -> None:
    rows = pd.DataFrame(
        {
            "metric": pd.Categorical(["a", "b", "c", "d", "e", "f"]),
            "unit": pd.Categorical(["percent", "rank", "CNY", "CNY", "percent", "CNY"]),
        }
    )
    declared = {"a": Kind.cumulative, "b": Kind.flow, "d": Kind.attribute, "f": Kind.rank}
    coded = coded_row_kinds(rows, declared)
    # percent is a share whatever is declared; then the declaration; then the unit.
    expected = ["share", "flow", "level", "attribute", "share", "rank"]
    assert list(coded) == expected
    assert row_kinds(rows, declared).tolist() == expected
    assert list(coded_row_kinds(rows)) == [
        kind_of_unit(unit).value for unit in rows["unit"].astype(str)
    ]


def test_coded_kinds_answer_which_measures_are_defined_as_the_texts_do() -> None:
    texts = np.array(["level", "share", "rank", "attribute", "flow", "cumulative"], dtype=object)
    for measure in MEASURES.values():
        assert (
            kinds_in(pd.Categorical(texts), measure.kinds).tolist()
            == np.isin(texts, [kind.value for kind in measure.kinds]).tolist()
        )


# --- conventional intervals worked out only where an end is a bound ---------------------


def _endpoints(rows: int, seed: int) -> pd.DataFrame:
    generator = np.random.default_rng(seed)
    scale = 10.0 ** generator.integers(0, 4, rows)  # written to 0-3 decimals
    values = np.round(generator.uniform(-50, 5000, rows) * scale) / scale
    values[generator.random(rows) < 0.05] = 0.0
    values[generator.random(rows) < 0.03] = np.nan
    return pd.DataFrame(
        {
            "value": values,
            "qualifier": pd.Categorical(generator.choice(list(QUALIFIERS), rows)),
            "unit": pd.Categorical(generator.choice(["CNY", "percent", "firms"], rows)),
        }
    )


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_conventional_bounds_of_some_rows_are_those_of_all_rows(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    start, end = _endpoints(400, seed), _endpoints(400, seed + 100)
    years = np.random.default_rng(seed).integers(0, 12, 400).astype("float64")
    bounds = (observation_bounds(start), observation_bounds(end))
    fast, fast_overflow = growth_with_overflow(start["value"], end["value"], years, bounds=bounds)
    # Every row worked out again: the plain way.
    monkeypatch.setattr(growth_module, "_conventional_rows", lambda *ends: np.arange(400))
    plain, plain_overflow = growth_with_overflow(start["value"], end["value"], years, bounds=bounds)
    assert_frame_equal(fast, plain)
    assert fast_overflow.tolist() == plain_overflow.tolist()
    # The conventional ends differ from the strict ones somewhere, so the test has teeth.
    assert (fast["change_high_conventional"].fillna(0) != fast["change_high"].fillna(0)).any()


def test_a_ratio_shared_by_three_rules_is_worked_out_once_and_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    start, end = _endpoints(300, 7), _endpoints(300, 8)
    years = np.full(300, 9.0)
    bounds = (observation_bounds(start), observation_bounds(end))
    divisions = []
    real_divide = intervals.divide

    def counted(a: intervals.Bounds, b: intervals.Bounds) -> intervals.Bounds:
        divisions.append(len(a))
        return real_divide(a, b)

    monkeypatch.setattr(intervals, "divide", counted)
    shared, _ = growth_with_overflow(start["value"], end["value"], years, bounds=bounds)
    # ratio, change_pct and cagr_pct rest on one ratio: strict, then the conventional rows.
    assert len(divisions) == 2
    monkeypatch.setattr(growth_module, "ratios_shared", contextlib.nullcontext)
    apart, _ = growth_with_overflow(start["value"], end["value"], years, bounds=bounds)
    assert len(divisions) == 2 + 6
    assert_frame_equal(shared, apart)


def test_conventional_rows_are_those_with_a_bound_at_either_end() -> None:
    start = pd.DataFrame(
        {"value": [5.0, 5.0, 5.0, 5.0], "qualifier": ["exact", "more_than", "about", "exact"]}
    )
    end = pd.DataFrame(
        {"value": [7.0, 7.0, 7.0, 7.0], "qualifier": ["exact", "exact", "exact", "nearly"]}
    )
    rows = growth_module._conventional_rows(observation_bounds(start), observation_bounds(end))
    assert rows.tolist() == [1, 3]


# --- number columns written a block at a time ----------------------------------------------

EDGES = [0.0, -0.0, 0.5, -3.0, 1e15, 2.0**53 - 1, 2.0**53, 1e16, 1e-7, 0.1 + 0.2, 5e-324]
NUMBER = st.one_of(
    st.sampled_from([*EDGES, float("nan"), float("inf"), float("-inf")]),
    st.floats(allow_nan=True, allow_infinity=True, width=64),
    st.integers(-(10**6), 10**6).map(float),
)


def _per_cell_rows(frame: pd.DataFrame, delimiter: str) -> str:
    """The rows as the per-value path writes each cell (see test_fast_machine_text.py)."""
    columns = []
    for name in frame.columns:
        column = frame[name]
        if pd.api.types.is_bool_dtype(column.dtype):
            texts = ["" if pd.isna(cell) else ("true" if cell else "false") for cell in column]
        else:
            (machine,) = formats.machine_cells(column.to_frame(), "")
            texts = machine_number_texts(machine)
        columns.append(texts)
    header = delimiter.join(frame.columns)
    return "\n".join([header, *map(delimiter.join, zip(*columns, strict=True))]) + "\n"


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(NUMBER, NUMBER, NUMBER, st.booleans(), NUMBER), min_size=1, max_size=30),
    st.sampled_from([",", "\t"]),
)
def test_number_blocks_write_the_per_cell_text(
    rows: list[tuple[float, float, float, bool, float]], delimiter: str
) -> None:
    frame = pd.DataFrame(rows, columns=["a", "b", "c", "open", "d"])
    frame["year"] = np.arange(len(frame), dtype=np.int16) + 2014
    frame["count"] = pd.array([None if row % 3 else row for row in range(len(frame))], "Int64")
    frame["open"] = pd.array(frame["open"].tolist(), dtype="boolean")
    frame = frame[["year", "a", "b", "open", "c", "d", "count"]]
    stream = io.StringIO()
    formats.write_delimited(frame, delimiter, stream)
    assert stream.getvalue() == _per_cell_rows(frame, delimiter)


def test_a_block_is_one_piece_a_row_and_falls_back_where_it_must() -> None:
    frame = pd.DataFrame({"a": [1.0, 2.5, float("nan")], "b": [-0.0, 3.0, 4.0]})
    assert cells.text_cells(frame, ",", join_pairs=True) == [["1,0", "2.5,3", ",4"]]
    assert cells.text_cells(frame, "\t", join_pairs=True) == [["1\t0", "2.5\t3", "\t4"]]
    # An infinity or a whole float past 2**53: each column on its own, as before.
    for odd in (float("inf"), 2.0**53):
        other = frame.assign(b=[odd, 3.0, 4.0])
        assert len(cells.text_cells(other, ",", join_pairs=True)) == 2
    big = pd.DataFrame({"a": np.array([2**60, 1], dtype=np.int64), "b": [1.5, 2.0]})
    assert cells.text_cells(big, ",", join_pairs=True) == [
        [str(2**60), "1"],
        ["1.5", "2"],
    ]


# --- the loader: an absent optional column is codes, not a text a row ----------------------


def test_absent_optional_columns_are_one_empty_category(tmp_path) -> None:
    from zgc_cli.model.observations import load_observations
    from zgc_cli.model.schema import OPTIONAL_COLUMNS

    path = tmp_path / "bare.csv"
    path.write_text("metric,year,value\nm,2014,1\nm,2023,2.5\n", encoding="utf-8")
    frame = load_observations(str(path)).frame
    for name in OPTIONAL_COLUMNS:
        column = frame[name]
        assert isinstance(column.dtype, pd.CategoricalDtype), name
        assert list(column.cat.categories) == [""]
        assert column.cat.codes.to_numpy().itemsize == 1  # a byte a row
        assert column.tolist() == ["", ""]
    # Written as the empty text it stands for.
    stream = io.StringIO()
    formats.write_delimited(frame[["metric", "quote", "note", "value"]], ",", stream)
    assert stream.getvalue() == "metric,quote,note,value\nm,,,1\nm,,,2.5\n"


def test_rows_laid_out_at_once_are_the_rows_joined_one_by_one() -> None:
    pieces = [["m1", "m2", "m3"], ["1,2", "3,", ",4"], ["true", "", "false"]]
    for delimiter, line_end in ((",", "\n"), ("\t", "\r\n")):
        expected = "".join(delimiter.join(row) + line_end for row in zip(*pieces, strict=True))
        assert formats._rows_text(pieces, delimiter, line_end) == expected
    assert formats._rows_text([], ",", "\n") == "\n"
    with pytest.raises(ValueError, match="a piece of 2 rows among pieces of 3"):
        formats._rows_text([["a", "b", "c"], ["x", "y"]], ",", "\n")
