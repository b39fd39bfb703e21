"""Ids are read as their file writes them: pandas makes numbers of a category column whose
every cell looks like one (an entity 007 became 7), and zgc reads such a column again."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from zgc_cli.cli import app
from zgc_cli.model.observations import load_observations

runner = CliRunner()


@pytest.mark.parametrize(
    "ids",
    [
        [("007", "08"), ("007", "1.50")],  # leading zeros, a written decimal
        [("2014", "0"), ("2015", "-0")],  # ids that are years, zero and its sign
        [("m", "007"), ("m", "e")],  # one id not a number: pandas keeps text anyway
    ],
)
def test_an_id_that_looks_like_a_number_is_its_text(
    tmp_path: Path, ids: list[tuple[str, str]]
) -> None:
    path = tmp_path / "ids.csv"
    lines = [f"{metric},{entity},{2014 + at},1" for at, (metric, entity) in enumerate(ids)]
    text = "metric,entity,year,value\n" + "\n".join(lines) + "\n"
    path.write_text(text, encoding="utf-8")
    frame = load_observations(str(path)).frame
    assert frame["metric"].astype(str).tolist() == [metric for metric, _ in ids]
    assert frame["entity"].astype(str).tolist() == [entity for _, entity in ids]
    exported = runner.invoke(app, ["export", "--data", str(path), "--format", "csv"])
    assert exported.exit_code == 0, exported.stderr
    assert exported.stdout == text


def test_the_tolerant_parse_keeps_ids_as_written_too(tmp_path: Path) -> None:
    """A number padded with an ideographic space fails the typed parse; the parse that
    reads numbers as text keeps the ids as written as well."""
    path = tmp_path / "ids.csv"
    path.write_text(
        "metric,entity,year,value\n007,08,2014,\u30001\n007,08,2015,2\n", encoding="utf-8"
    )
    frame = load_observations(str(path)).frame
    assert frame["metric"].astype(str).tolist() == ["007", "007"]
    assert frame["entity"].astype(str).tolist() == ["08", "08"]
    assert frame["value"].tolist() == [1.0, 2.0]
