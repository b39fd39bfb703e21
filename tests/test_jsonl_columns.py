"""JSON Lines made into the loader's frame directly (issue 23): the very frame, places and
messages the CSV way gives for the same lines, and the plain layout read by its quotes."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zgc_cli.errors import DataError
from zgc_cli.model import combine
from zgc_cli.model.readers import JSONL, READERS, jsonl_columns, jsonl_layout
from zgc_cli.model.readers.table import Reader
from zgc_cli.model.sources import DataSource

texts = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r"))
cells = st.one_of(
    st.none(),
    st.integers(min_value=-(2**60), max_value=2**60),
    st.floats(allow_nan=False, allow_infinity=False),
    texts,
    st.sampled_from(["", " ", "a,b", 'say "x"', "two\nlines", "中关村", " padded ", "ä" * 9]),
)
# Rows the loader takes: ids are text, years whole; any cell may be odd elsewhere.
rows = st.fixed_dictionaries(
    {
        "metric": st.sampled_from(["m", " m ", "增长", "m" * 20, ""]),
        "entity": st.sampled_from(["e", "zgc", "海淀", "e" * 17]),
        "year": st.one_of(st.sampled_from([2014, 2015, 2016.0, -0, 1e3]), st.none()),
        "value": st.one_of(
            st.floats(allow_nan=False, allow_infinity=False),
            st.integers(min_value=-(2**53), max_value=2**53),
            st.sampled_from([-0.0, 0.1, 1e3, 1e-7, 3600000000000.0]),
        ),
    },
    optional=dict.fromkeys(("unit", "status", "note", "low", "high"), cells),
)


def written(records: list[dict[str, object]], style: str) -> bytes:
    """Lines as zgc export writes them (compact), as json.dumps does, or with escapes."""
    if style == "compact":
        lines = [json.dumps(one, separators=(",", ":"), ensure_ascii=False) for one in records]
    elif style == "spaced":
        lines = [json.dumps(one, ensure_ascii=False) for one in records]
    else:
        lines = [json.dumps(one) for one in records]
    return ("\n".join(lines) + "\n").encode("utf-8")


def load(path: Path, direct: bool, monkeypatch: pytest.MonkeyPatch) -> combine.LoadedSource:
    reader = READERS[JSONL]
    if not direct:
        monkeypatch.setitem(READERS, JSONL, Reader(reader.to_csv, reader.completes))
    try:
        return combine.load_source(DataSource(str(path)))
    finally:
        monkeypatch.setitem(READERS, JSONL, reader)


def same_as_the_csv_way(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The direct frame (or its refusal) is the CSV way's, row places and messages too."""
    try:
        expected = load(path, False, monkeypatch)
    except DataError as error:
        with pytest.raises(DataError) as raised:
            load(path, True, monkeypatch)
        assert str(raised.value) == str(error)
        return
    found = load(path, True, monkeypatch)
    pd.testing.assert_frame_equal(found.observations.frame, expected.observations.frame)
    for name, column in expected.observations.frame.items():
        got = found.observations.frame[name]
        assert got.dtype == column.dtype
        if isinstance(column.dtype, pd.CategoricalDtype):
            assert got.cat.categories.dtype == column.cat.categories.dtype
            assert got.cat.codes.dtype == column.cat.codes.dtype
        elif column.dtype == np.float64:  # -0.0 and 0.0 too
            assert np.signbit(got.to_numpy()).tolist() == np.signbit(column.to_numpy()).tolist()
    assert found.observations.source_columns == expected.observations.source_columns
    count = len(expected.observations.frame)
    places = [expected.where(row) for row in range(count)]
    assert [found.where(row) for row in range(count)] == places


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    records=st.lists(rows, min_size=1, max_size=30),
    style=st.sampled_from(["compact", "spaced", "escaped"]),
    blank_every=st.integers(min_value=0, max_value=4),
)
def test_the_direct_frame_is_the_csv_ways(
    records: list[dict[str, object]],
    style: str,
    blank_every: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    raw = written(records, style)
    if blank_every:
        lines = raw.split(b"\n")
        lines[::blank_every] = [line + b"\n  " for line in lines[::blank_every]]
        raw = b"\n".join(lines)
    path = tmp_path / "x.jsonl"
    path.write_bytes(raw)
    same_as_the_csv_way(path, monkeypatch)


@pytest.mark.parametrize(
    "lines",
    [
        # numbers as the CSV reads their text: 1e3, -0, -0.0 (with and without a null
        # among them), beyond 2**53, a float's longest digits
        ['{"metric":"m","year":2014,"value":1e3}', '{"metric":"m","year":2015,"value":-0}'],
        ['{"metric":"m","year":2014,"value":-0.0}', '{"metric":"m","year":2015,"value":1.5}'],
        [
            '{"metric":"m","year":2014,"value":-0.0,"low":-0.0,"high":0}',
            '{"metric":"m","year":2015,"value":-0.0,"low":null,"high":null}',
        ],
        ['{"metric":"m","year":2014,"value":9007199254740993}'],
        ['{"metric":"m","year":2014,"value":123456789012345678901234567890}'],
        ['{"metric":"m","year":2014,"value":0.1000000000000000055511151231257827}'],
        ['{"metric":"m","year":2014,"value":1.7976931348623157e308}'],
        # blanks: an empty text, a null text, a row of nothing, blank lines
        ['{"metric":"m","entity":"","year":2014,"value":1,"unit":null}'],
        ['{"metric":"m","year":2014,"value":1}', '{"metric":"","year":null,"value":null}'],
        ["", '{"metric":"m","year":2014,"value":1}', "   ", '{"metric":"m","year":2015,"value":2}'],
        # two keys of one length in another order on a line (each text to its own column)
        [
            '{"metric":"m","entity":"e","year":2014,"value":1}',
            '{"entity":"f","metric":"n","year":2014,"value":1}',
        ],
        # bounds and text columns kept as text
        ['{"metric":"m","year":2014,"value":1,"low":0.5,"high":2,"note":"约 a,\\"b\\""}'],
        ['{"metric":" m ","entity":"海淀 ","year":2014,"value":1,"quote":"中关村\\n示范区"}'],
    ],
)
def test_edge_values_read_as_the_csv_way_reads_them(
    lines: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "x.jsonl"
    path.write_bytes(("\n".join(lines) + "\n").encode())
    same_as_the_csv_way(path, monkeypatch)
    # Only numbers from 2**53 up go the CSV way (an integer's digits may not be a float's);
    # the rest are read directly.
    exact = not any(big in lines[0] for big in ("9007199254740993", "1234567890123", "e308"))
    assert (jsonl_columns._frame("x.jsonl", path.read_bytes()) is not None) == exact


@pytest.mark.parametrize(
    ("lines", "where"),
    [
        (['{"metric":"m","year":2014,"value":1}', '{"metric":"m","year":2015,"value":1'], ":2"),
        (['{"metric":"m","year":2014,"value":1}', '{"metric":"m","year":2015,"value":true}'], ":2"),
        (['{"metric":"m","year":2014,"value":1}', '{"metric":"m","year":2015,"value":[1]}'], ":2"),
        (['{"metric":"m","year":2014,"value":1}', '{"metric":"m","year":2014,"value":2}'], ":2"),
        (['{"metric":"m","year":2014,"value":1}', '{"metric":"m","year":"x","value":2}'], ":2"),
        (['{"metric":"m","year":2014,"value":1}', '{"metric":"m","value":2,"year":2014}'], ":2"),
        (['{"metric":"m","year":2014,"value":1}', '{"metric":"m","metric":"n","year":1}'], ":2"),
        (['{"metric":"m","year":2014,"value":1}', '{"metric":"m\\u0000","year":2015}'], ":2"),
        (['{"metric":"m","year":2014,"value":1}', '{"metric":"\\ud800","year":2015}'], "jsonl"),
        (['{"metric":"m","year":2014,"value":1}', '{"metric":"a\tb","year":2015}'], ":2"),
        (['{"metric":"m","year":2014,"value":1}', '{"metric":"m","year":1e400,"value":1}'], ":2"),
        (['{"metric":"m","year":2014,"value":1}', "[1, 2]"], ":2"),
        (['{"metric":"m","year":2014,"value":1} {"metric":"m","year":2015,"value":1}'], ":1"),
        (['{"metric":"m","year":2014,', '"value":1}'], ":1"),
        (['{"metric":"m","value":1}'], "year"),
        (['{"metric":"m","entity":"e","year_from":2014,"value_to":1}'], "jsonl"),
    ],
)
def test_every_refusal_is_the_csv_ways_naming_the_line(
    lines: list[str], where: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "x.jsonl"
    path.write_bytes(("\n".join(lines) + "\n").encode())
    with pytest.raises(DataError) as raised:
        load(path, True, monkeypatch)
    assert where in str(raised.value)
    assert "\n" not in str(raised.value)
    same_as_the_csv_way(path, monkeypatch)


def plain_file(rows: int) -> bytes:
    units = ["yuan", "count", "percent_of_gdp_in_real_terms"]
    lines = [
        json.dumps(
            {
                "metric": f"m{row // 10:04d}",
                "entity": "e001",
                "year": 2014 + row % 10,
                "value": row / 7,
                "unit": units[row % 3],
                "note": "长文本" * (row % 4),
            },
            separators=(",", ":"),
            ensure_ascii=False,
        )
        for row in range(rows)
    ]
    return ("\n".join(lines) + "\n").encode()


def layout_verdicts(monkeypatch: pytest.MonkeyPatch) -> list[bool | str]:
    """What the layout reader says of each block: True (read), False, or the error raised."""
    verdicts: list[bool | str] = []
    read = jsonl_layout.Layout.read

    def spy(self: jsonl_layout.Layout, *args: object) -> bool:
        try:
            verdicts.append(read(self, *args))  # type: ignore[arg-type]
        except Exception as error:
            verdicts.append(type(error).__name__)
            raise
        return bool(verdicts[-1])

    monkeypatch.setattr(jsonl_layout.Layout, "read", spy)
    return verdicts


def test_a_plain_file_is_read_by_its_layout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """zgc export's own layout takes the quotes' way in every block (not the decoder's)."""
    monkeypatch.setattr(jsonl_columns, "LAYOUT_BLOCK_BYTES", 2000)
    taken = layout_verdicts(monkeypatch)
    path = tmp_path / "x.jsonl"
    path.write_bytes(plain_file(500))
    same_as_the_csv_way(path, monkeypatch)
    assert len(taken) > 5 and all(taken)


def test_texts_that_hash_alike_are_read_by_the_decoder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no mixing, texts of the same last eight bytes collide: the block goes the
    decoder's way and the frame stays the CSV way's."""
    monkeypatch.setattr(jsonl_layout, "_MIX", 0)
    taken = layout_verdicts(monkeypatch)
    path = tmp_path / "x.jsonl"
    path.write_bytes(plain_file(40))
    same_as_the_csv_way(path, monkeypatch)
    assert taken == [False]


def test_a_file_the_decoder_cannot_take_goes_the_csv_way() -> None:
    raw = '{"metric": "中", "year": 2014, "value": 1}\n'.encode("gb18030")
    assert jsonl_columns._frame("x.jsonl", raw) is None
    assert jsonl_columns._frame("x.jsonl", b'{"metric":"m","year":2014,"value":1}\r\n') is None
    plain = b'{"metric":"m","year":2014,"value":1}\n'
    assert jsonl_columns._frame("x.jsonl", plain) is not None


GOOD_LINE = '{"metric":"m","unit":"yuan","year":2014,"value":1}'


@pytest.mark.parametrize(
    "bad",
    [
        '{"metric":"m","unit":"yuan","year":2015,"value":1}x',  # after the `}`
        '{"metric":"m"x,"unit":"yuan","year":2015,"value":1}',  # after a text
        '{"metric":"m","unit":"yuan""","year":2015,"value":1}',  # a text's second string
        '{"metric":"m","unit":"yuan","year":2015x,"value":1}',  # a number's tail
        '{"metric":"m","unit":"yuan","year":,"value":1}',  # no number
        '{"metric":"m","unit":"yuan","year":2015,"value":1,2}',  # two numbers
        '{"metric":"m","unit":"yuan","year":2015,"value":1}}',  # a `}` too many
        '{"metric":"m","unit":"yuan","year":02015,"value":1}',  # JSON has no leading zero
        '{"metric":"m","unit":"yuan","year":2015,"value":.5}',  # nor a bare fraction
        '{"metric":"m","unit":"yuan","year":2015,"value":+1}',  # nor a plus
        '{"metric":"m","unit":"yuan","year":2015,"value":1.}',  # nor a dot at the end
        '{"metric":"m","unit":"yuan","year":2015,"value":NaN}',
        '{"metric":"m","unit":"yuan","year":2015,"value":true}',
        '{"metric":"m","unit":"yu\x01an","year":2015,"value":1}',  # a raw control byte
        '{"metric":"m","unit":"yuan","year":2015,"value":1',  # no `}`
    ],
)
def test_the_layout_takes_no_line_that_is_not_json(
    bad: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every byte of a plain line is checked: a line with anything amiss is left to the
    decoder (never read by the layout), and refused naming its line, as the CSV way is."""
    path = tmp_path / "x.jsonl"
    path.write_bytes(f"{GOOD_LINE}\n{bad}\n".encode())
    verdicts = layout_verdicts(monkeypatch)
    with pytest.raises(DataError) as raised:
        load(path, True, monkeypatch)
    assert ":2" in str(raised.value)
    assert verdicts == [False]
    same_as_the_csv_way(path, monkeypatch)


@pytest.mark.parametrize(
    "other",
    [
        '{"metric":"m","unid":"yuan","year":2015,"value":1}',  # another key
        '{"metric":"m","unit":"yuan","value":1,"year":2015}',  # keys in another order
        '{"metric":"m","unit":null,"year":2015,"value":1}',  # a null text
    ],
)
def test_a_line_of_another_layout_is_left_to_the_decoder(
    other: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "x.jsonl"
    path.write_bytes(f"{GOOD_LINE}\n{other}\n".encode())
    verdicts = layout_verdicts(monkeypatch)
    same_as_the_csv_way(path, monkeypatch)
    assert verdicts and not any(verdicts)


def test_the_layout_reads_numbers_as_the_csv_way() -> None:
    """-0, exponents and whole floats in the plain layout: read by the layout, each number
    as the CSV way reads it (-0 is the integer 0; -0.0 keeps its sign)."""
    numbers = ["-0", "-0.0", "1E5", "-1.5e-3", "2.50", "1e15", "123456789012345", "0"]
    lines = [
        f'{{"metric":"m{at}","unit":"yuan","year":{2000 + at},"value":{number}}}'
        for at, number in enumerate(numbers)
    ]
    raw = ("\n".join(lines) + "\n").encode()
    layout = jsonl_layout.Layout(["metric", "unit", "year", "value"], {"year", "value"})
    columns = jsonl_columns.Columns(["metric", "unit", "year", "value"], {"year", "value"})
    assert layout.read(raw[:-1] + bytes(8), 1, columns)
    frame, _ = columns.frame({"unit"})
    read = frame["value"].tolist()
    assert read == [0.0, -0.0, 1e5, -1.5e-3, 2.5, 1e15, 123456789012345.0, 0.0]
    assert [np.signbit(value) for value in read[:2]] == [False, True]


def test_the_layout_reads_a_null_number_as_nan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "x.jsonl"
    lows = ["0.5", "null", "-0.0"]
    lines = [
        GOOD_LINE.replace("2014", str(2014 + at)).replace(":1}", f':1,"low":{low}}}')
        for at, low in enumerate(lows)
    ]
    path.write_bytes(("\n".join(lines) + "\n").encode())
    verdicts = layout_verdicts(monkeypatch)
    same_as_the_csv_way(path, monkeypatch)
    assert verdicts == [True]
    read = load(path, True, monkeypatch).observations.frame["low"].tolist()
    assert read[0] == 0.5 and np.isnan(read[1]) and read[2] == 0


def test_a_number_from_two_to_the_53_goes_the_csv_way() -> None:
    lines = [GOOD_LINE, '{"metric":"m","unit":"yuan","year":2015,"value":9007199254740993}']
    raw = "\n".join(lines).encode()
    layout = jsonl_layout.Layout(["metric", "unit", "year", "value"], {"year", "value"})
    columns = jsonl_columns.Columns(["metric", "unit", "year", "value"], {"year", "value"})
    with pytest.raises(jsonl_columns.Refused):
        layout.read(raw + bytes(8), 1, columns)
    assert jsonl_columns._frame("x.jsonl", raw + b"\n") is None


@pytest.mark.parametrize(
    "key",
    ["status ", " unit", "note\u3000", "no\tte", "a\\\\b", "Status", "a b"],
)
def test_a_key_the_csv_way_reads_otherwise_is_left_to_it(
    key: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A key with a space at an end is trimmed by the CSV way (`status ` is the status:
    an estimate stays labelled); a control byte or a backslash the fast reader never
    takes (it stopped with an internal error)."""
    path = tmp_path / "x.jsonl"
    lines = [
        f'{{"metric":"m","entity":"e","year":{year},"value":1,"{key}":"estimate"}}'
        for year in (2014, 2015)
    ]
    path.write_bytes(("\n".join(lines) + "\n").encode())
    same_as_the_csv_way(path, monkeypatch)
    direct = jsonl_columns._frame("x.jsonl", path.read_bytes())
    assert (direct is not None) == (key in ("Status", "a b"))


@pytest.mark.parametrize("entity", ["0", "007", "2014"])
def test_an_id_that_looks_like_a_number_is_read_as_written(
    entity: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "x.jsonl"
    lines = [f'{{"metric":"m","entity":"{entity}","year":{year},"value":1}}' for year in (1, 2)]
    path.write_bytes(("\n".join(lines) + "\n").encode())
    same_as_the_csv_way(path, monkeypatch)
    frame = load(path, True, monkeypatch).observations.frame
    assert frame["entity"].astype(str).tolist() == [entity, entity]
