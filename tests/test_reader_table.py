"""One reader table (zgc_cli.model.readers.table) for the loader and shell completion: a format
added to it is read by commands and offered on a TAB, with nothing else changed."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from zgc_cli import completion
from zgc_cli.model.dataset import Dataset
from zgc_cli.model.readers import table
from zgc_cli.model.readers.places import Places

PIPES = "metric|entity|year|value\nrevenue|zgc|2014|1\nfirms|haidian|2023|2\n"


def _pipes_to_csv(label: str, raw: bytes, _sheet: str | None) -> tuple[bytes, Places]:
    """A made-up format: cells between pipes (none of the test's cells holds a comma)."""
    return raw.replace(b"|", b","), Places(label)


@pytest.fixture
def pipes_format(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The table knows ``.psv``; completion keeps its cache in the test's folder."""
    monkeypatch.setitem(table.EXTENSIONS, ".psv", "psv")
    monkeypatch.setitem(table.READERS, "psv", table.Reader(_pipes_to_csv))
    monkeypatch.setattr(completion, "cache_dir", lambda: str(tmp_path / "cache"))
    path = tmp_path / "mine.psv"
    path.write_text(PIPES, encoding="utf-8")
    return path


def test_a_format_added_to_the_table_is_loaded(pipes_format: Path) -> None:
    frame = Dataset.open([str(pipes_format)]).frame
    assert sorted(zip(frame["metric"], frame["year"], frame["value"], strict=True)) == [
        ("firms", 2023, 2.0),
        ("revenue", 2014, 1.0),
    ]


def test_a_format_added_to_the_table_is_offered_on_a_tab(pipes_format: Path) -> None:
    context = SimpleNamespace(params={"data": [str(pipes_format)]})
    assert completion.complete_metrics(context, "") == ["revenue", "firms"]
    assert completion.complete_years(context, "20") == ["2014", "2023"]


def test_a_format_the_table_keeps_from_completion_offers_nothing(
    pipes_format: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(table.READERS, "psv", table.Reader(_pipes_to_csv, completes=False))
    context = SimpleNamespace(params={"data": [str(pipes_format)]})
    assert completion.complete_metrics(context, "") == []
    assert Dataset.open([str(pipes_format)]).frame["metric"].nunique() == 2


@pytest.mark.parametrize(
    ("path", "head", "expected"),
    [
        ("a.tsv", b"[", "tsv"),  # the extension wins over the bytes
        ("a.dat", b"  [ {}]", "json"),
        ("a.dat", b'\xef\xbb\xbf{"metric": 1}', "jsonl"),
        ("a.dat", b"metric\tentity\nrevenue,x", "tsv"),
        ("a.dat", b"metric,entity\nrevenue\tx", "csv"),
        (None, b"", "csv"),
        (None, b" \t\n", "csv"),
    ],
)
def test_a_format_is_its_extension_else_its_first_bytes(
    path: str | None, head: bytes, expected: str
) -> None:
    assert table.format_of(path, head) == expected
