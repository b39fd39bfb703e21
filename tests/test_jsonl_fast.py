"""The block-wise JSON Lines reader (issue 23) gives the line-by-line reader's CSV, byte for
byte, with the same places; anything it cannot take goes the line-by-line way."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zgc_cli.errors import DataError
from zgc_cli.model.readers import jsonl as readers
from zgc_cli.model.readers.json_input import column_texts, json_column

KEYS = ["metric", "entity", "year", "value", "unit", "note", "quote"]
cells = st.one_of(
    st.none(),
    st.integers(min_value=-(2**53), max_value=2**53),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r")),
    st.sampled_from(["a,b", 'say "x"', "two\nlines", "中关村", " padded "]),
)
records = st.lists(
    st.dictionaries(st.sampled_from(KEYS), cells, min_size=1).map(
        lambda record: {"metric": "m", "year": 2014, "value": 1, **record}
    ),
    min_size=1,
    max_size=40,
)


def jsonl(objects: list[dict[str, object]], blank_every: int = 0) -> bytes:
    lines = []
    for number, record in enumerate(objects, 1):
        lines.append(json.dumps(record, ensure_ascii=number % 2 == 0))
        if blank_every and number % blank_every == 0:
            lines.append("   ")
    return ("\n".join(lines) + "\n").encode("utf-8")


@settings(max_examples=150, deadline=None)
@given(records, st.integers(min_value=0, max_value=3), st.sampled_from([64, 256, 1 << 16]))
def test_blocks_give_the_line_by_line_csv(
    objects: list[dict[str, object]], blank_every: int, block: int
) -> None:
    raw = jsonl(objects, blank_every)
    try:
        expected = readers._jsonl_by_line("x.jsonl", raw)
    except DataError as error:
        with pytest.raises(DataError) as raised:
            readers.jsonl_to_csv("x.jsonl", raw)
        assert str(raised.value) == str(error)
        return
    previous = readers.JSONL_BLOCK_BYTES
    readers.JSONL_BLOCK_BYTES = block
    try:
        found = readers.jsonl_to_csv("x.jsonl", raw)
    finally:
        readers.JSONL_BLOCK_BYTES = previous
    assert found[0] == expected[0]
    assert list(found[1].starts) == list(expected[1].starts)
    assert list(found[1].places) == list(expected[1].places)


def test_a_plain_file_takes_the_block_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "JSONL_BLOCK_BYTES", 100)
    note = "预计: an estimate, see https://example.org/a:b"  # colons that are no keys
    objects = [{"metric": "m", "year": 2014 + n, "value": n / 3, "note": note} for n in range(50)]
    raw = jsonl(objects, 7)
    fast = readers._jsonl_fast("x.jsonl", raw)
    assert fast is not None and fast[0] == readers._jsonl_by_line("x.jsonl", raw)[0]


@pytest.mark.parametrize(
    "raw",
    [
        b'{"metric": "m", "year": 2014, "value": 1}\n{"metric": "m", "metric": "n"}\n',
        b'{"metric": "m", "year": 2014, "value": 1}\n[1, 2]\n',
        b'{"metric": "m", "year": 2014, "value": 1}\n{"metric": "m\\u0000"}\n',
        b'{"metric": "m", "year": 2014, "value": 1}\n{"metric": "\\ud800"}\n',
        b'{"metric": "m", "year": 2014, "value": 1}\n{"metric": "m", "year": 1e400}\n',
        '{"metric": "中", "year": 2014, "value": 1}\n'.encode("gb18030"),
        b'{"metric": "m", "year": 2014, "value": 1}\r\n',
        b'{"metric": "m", "year": 2014,\n "value": 1}\n',
    ],
)
def test_what_the_blocks_cannot_take_goes_line_by_line(raw: bytes) -> None:
    assert readers._jsonl_fast("x.jsonl", raw) is None


def test_a_key_first_seen_in_a_later_block_goes_line_by_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(readers, "JSONL_BLOCK_BYTES", 50)
    objects = [{"metric": "m", "year": 2014, "value": n} for n in range(20)]
    objects.append({"metric": "m", "year": 2015, "value": 1, "note": "late"})
    raw = jsonl(objects)
    assert readers._jsonl_fast("x.jsonl", raw) is None
    assert readers.jsonl_to_csv("x.jsonl", raw)[0].startswith(b"metric,year,value,note\n")


def test_a_bad_line_is_named_before_compare_rows_are_refused() -> None:
    compare_row = '{"metric": "m", "entity": "e", "year_from": 2014, "year_to": 2023}'
    raw = (compare_row + "\n" + "{oops\n").encode()
    with pytest.raises(DataError) as slow:
        readers._jsonl_by_line("x.jsonl", raw)
    with pytest.raises(DataError) as fast:
        readers.jsonl_to_csv("x.jsonl", raw)
    assert str(fast.value) == str(slow.value)
    assert "x.jsonl:2" in str(slow.value)


def test_rows_before_any_key_are_numbered_as_line_by_line() -> None:
    # A first block of `{}` lines has rows and no header: the blocks would number later
    # lines from the wrong place, so the file goes line by line.
    lines = ["{}"] * 30_000
    lines += [json.dumps({"metric": "m", "entity": "e", "year": 2020, "value": 1})]
    lines += [json.dumps({"metric": "m", "entity": "e", "year": 2021, "value": "x"})]
    raw = ("\n".join(lines) + "\n").encode()
    assert readers._jsonl_fast("f.jsonl", raw) is None


column_cells = st.lists(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**63), max_value=2**64),
        st.floats(allow_nan=False, allow_infinity=False),
        st.sampled_from(["", "a,b", "null", "1.5", "true", "[1]", "e"]),
        st.just([1]),
        st.just({"a": 1}),
    ),
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(column_cells)
def test_a_column_found_at_c_speed_is_written_as_cell_by_cell(cells: list[object]) -> None:
    """The joined-text and orjson-number shortcuts give the texts and float style that the
    per-cell writer and the cells' types give (or the same refusal)."""
    located = readers.Places("x.jsonl", range(1, 13), range(1, 13), "line")
    places = list(range(1, len(cells) + 1))
    kinds = set(map(type, cells))
    style = ("orjson" if float in kinds else "") if kinds <= {int, float} else "cell"
    try:
        expected = list(json_column(located, places, "v", cells))
    except DataError as error:
        with pytest.raises(DataError) as raised:
            column_texts(located, places, "v", cells)
        assert str(raised.value) == str(error)
        return
    texts, found_style = column_texts(located, places, "v", cells)
    assert (list(texts), found_style) == (expected, style)
