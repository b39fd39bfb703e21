"""Several data sources at once: `--data shipped --data mine.csv`, and ZGC_DATA as a list.

Each source keeps its sidecars, its encoding and its columns; a (metric,
entity, year) in two sources is an error naming both places, unless --prefer
says whose figure counts.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import SAMPLE_CSV
from zgc_cli.cli import app
from zgc_cli.errors import ZgcError
from zgc_cli.model.dataset import Dataset
from zgc_cli.model.sources import (
    DataSource,
    resolve_data_source,
    resolve_data_sources,
    shipped_data_dir,
)

runner = CliRunner()
SHIPPED = shipped_data_dir() / "metrics.csv"
# A user's own file as a Chinese Windows Excel saves it: GBK, only the required columns.
MINE_CSV = "metric,year,value\n园区收入,2014,1.5\n园区收入,2023,2.25\n"


def run(*args: str, input: str | bytes | None = None):  # noqa: ANN201 - a Result
    return runner.invoke(app, list(args), input=input)


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def shipped_rows() -> list[dict[str, str]]:
    return rows(SHIPPED.read_text(encoding="utf-8"))


def shipped_line(metric: str, entity: str, year: str) -> int:
    """The line of the shipped file holding an observation (the header is line 1)."""
    with SHIPPED.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        start = 2
        for row in reader:
            if (row["metric"], row["entity"], row["year"]) == (metric, entity, year):
                return start
            start = reader.line_num + 1
    raise AssertionError("not in the shipped data")


@pytest.fixture
def mine(tmp_path: Path) -> Path:
    path = tmp_path / "mine.csv"
    path.write_bytes(MINE_CSV.encode("gbk"))
    return path


def test_shipped_and_a_gbk_file_are_compared_together(mine: Path) -> None:
    result = run("compare", "2014", "2023", "--data", "shipped", "--data", str(mine))
    assert result.exit_code == 0, result.stderr
    compared = rows(result.stdout)
    mine_row = next(row for row in compared if row["metric"] == "园区收入")
    # The defaults a file without entity, unit and status gets (as when read alone).
    assert (mine_row["entity"], mine_row["unit"], mine_row["status_from"]) == ("", "", "")
    assert (mine_row["value_from"], mine_row["value_to"], mine_row["ratio"]) == (
        "1.5",
        "2.25",
        "1.5",
    )
    alone = rows(run("compare", "2014", "2023").stdout)
    assert [row for row in compared if row["metric"] != "园区收入"] == alone


def test_export_stacks_every_source_with_the_union_of_columns(mine: Path) -> None:
    result = run("export", "--data", "shipped", "--data", str(mine))
    assert result.exit_code == 0, result.stderr
    exported = rows(result.stdout)
    shipped = shipped_rows()
    assert list(exported[0]) == list(shipped[0])  # the shipped columns; mine adds none
    assert exported[: len(shipped)] == shipped
    assert exported[len(shipped) :] == [
        {**dict.fromkeys(shipped[0], ""), "metric": "园区收入", "year": "2014", "value": "1.5"},
        {**dict.fromkeys(shipped[0], ""), "metric": "园区收入", "year": "2023", "value": "2.25"},
    ]


def test_a_source_only_column_is_empty_in_the_others(tmp_path: Path, mine: Path) -> None:
    extra = tmp_path / "extra.csv"
    extra.write_text("metric,year,value,region\nother,2020,1,north\n")
    result = run("export", "--data", str(mine), "--data", str(extra))
    assert result.stdout.splitlines() == [
        "metric,year,value,region",
        "园区收入,2014,1.5,",
        "园区收入,2023,2.25,",
        "other,2020,1,north",
    ]


def test_the_last_data_option_no_longer_wins_alone(mine: Path, sample_csv: Path) -> None:
    result = run("export", "--data", str(sample_csv), "--data", str(mine))
    metrics = {row["metric"] for row in rows(result.stdout)}
    assert "revenue" in metrics and "园区收入" in metrics


def test_zgc_data_lists_sources(mine: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZGC_DATA", f"shipped{os.pathsep}{mine}")
    listed = run("export").stdout
    assert listed == run("export", "--data", "shipped", "--data", str(mine)).stdout
    # --data still wins over the variable.
    assert run("export", "--data", str(mine)).stdout.count("\n") == 3
    monkeypatch.setenv("ZGC_DATA", f"{mine}{os.pathsep}")
    result = run("export")
    assert result.exit_code == 1
    assert "ZGC_DATA has an empty entry" in result.stderr


def test_stdin_and_a_file_together(mine: Path, sample_csv: Path) -> None:
    result = run("export", "--data", "-", "--data", str(mine), input=SAMPLE_CSV)
    assert result.exit_code == 0, result.stderr
    assert len(rows(result.stdout)) == len(rows(SAMPLE_CSV)) + 2


# --- duplicates across sources ---------------------------------------------------------


def test_a_duplicate_across_sources_names_both_files_and_lines(tmp_path: Path) -> None:
    theirs = tmp_path / "theirs.csv"
    # A blank line and a quoted line break before the clash: lines are physical.
    theirs.write_text(
        'metric,entity,year,value,quote\nother,zgc,2000,1,"two\nlines"\n\nrevenue,zgc,2023,9,\n'
    )
    result = run("compare", "2014", "2023", "--data", "shipped", "--data", str(theirs))
    assert result.exit_code == 1
    assert result.stderr == (
        "zgc: error: duplicate observation (metric=revenue, entity=zgc, year=2023) in two "
        f"sources: {SHIPPED}:{shipped_line('revenue', 'zgc', '2023')} and {theirs}:5 "
        "(--prefer SOURCE chooses whose figure counts)\n"
    )


def test_a_duplicate_in_a_json_source_names_its_record(tmp_path: Path, mine: Path) -> None:
    other = tmp_path / "other.json"
    other.write_text(
        json.dumps(
            [
                {"metric": "x", "year": 1, "value": 1},
                {"metric": "园区收入", "year": 2023, "value": 3},
            ]
        )
    )
    result = run("export", "--data", str(mine), "--data", str(other))
    assert result.exit_code == 1
    assert f"in two sources: {mine}:3 and {other}: record 2 " in result.stderr


def test_prefer_settles_a_duplicate(tmp_path: Path) -> None:
    theirs = tmp_path / "theirs.csv"
    theirs.write_text("metric,entity,year,value\nrevenue,zgc,2023,9\n")
    data = ["--data", "shipped", "--data", str(theirs), "-m", "revenue", "-e", "zgc"]
    preferred = rows(run("export", *data, "--prefer", str(theirs)).stdout)
    assert {row["year"]: row["value"] for row in preferred} == {
        "2014": "3600000000000",
        "2023": "9",
    }
    assert len(preferred) == 2  # the shipped 2023 is set aside, not added
    shipped_first = rows(run("export", *data, "--prefer", "shipped").stdout)
    assert {row["year"]: row["value"] for row in shipped_first} == {
        "2014": "3600000000000",
        "2023": "8600000000000",
    }


def test_prefer_ranks_and_ties(tmp_path: Path) -> None:
    paths = []
    for name, value in (("a", 1), ("b", 2), ("c", 3)):
        path = tmp_path / f"{name}.csv"
        path.write_text(f"metric,year,value\nm,2000,{value}\n")
        paths.append(str(path))
    data = [arg for path in paths for arg in ("--data", path)]
    # b preferred: c's and a's rows are set aside whatever their order.
    assert rows(run("export", *data, "--prefer", paths[1]).stdout)[0]["value"] == "2"
    # Preferring neither of two that clash leaves them tied: an error naming both.
    two = run(
        "export", "--data", paths[0], "--data", paths[1], "--data", paths[2], "--prefer", paths[2]
    )
    assert rows(two.stdout)[0]["value"] == "3"
    tied = run("export", "--data", paths[0], "--data", paths[1])
    assert f"in two sources: {paths[0]}:2 and {paths[1]}:2" in tied.stderr


def test_prefer_must_name_a_source(mine: Path) -> None:
    result = run("export", "--data", str(mine), "--prefer", "shipped")
    assert result.exit_code == 1
    assert result.stderr == f"zgc: error: --prefer shipped: not one of the data sources ({mine})\n"


def test_a_source_given_twice_is_refused(mine: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(mine.parent)
    result = run("export", "--data", str(mine), "--data", "mine.csv")
    assert result.exit_code == 1
    assert result.stderr == f"zgc: error: --data mine.csv is given twice (first as {mine})\n"
    again = run("export", "--data", "shipped", "--data", str(SHIPPED))
    assert "is given twice" in again.stderr


# --- sidecars: names and categories survive ----------------------------------------------


def test_each_source_keeps_its_sidecars(tmp_path: Path, mine: Path) -> None:
    (mine.parent / "indicators.csv").write_text(
        "metric,name_en,name_zh,unit,category\n园区收入,Park revenue,园区收入,CNY,mine\n",
        encoding="utf-8",
    )
    result = run("metrics", "--data", "shipped", "--data", str(mine))
    catalog = {row["metric"]: row for row in rows(result.stdout)}
    assert catalog["园区收入"]["name_en"] == "Park revenue"
    assert catalog["园区收入"]["category"] == "mine"
    indicators = rows((shipped_data_dir() / "indicators.csv").read_text(encoding="utf-8"))
    by_metric = {row["metric"]: row for row in indicators}
    assert catalog["revenue"]["name_en"] == by_metric["revenue"]["name_en"]
    # --category works on the combined data: the shipped category, and the file's own.
    economy = rows(run("export", "--data", "shipped", "--data", str(mine), "-c", "economy").stdout)
    shipped_economy = [
        row for row in shipped_rows() if by_metric[row["metric"]]["category"] == "economy"
    ]
    assert economy == shipped_economy and economy
    own = rows(run("export", "--data", "shipped", "--data", str(mine), "-c", "mine").stdout)
    assert {row["metric"] for row in own} == {"园区收入"}


def test_entity_names_come_from_each_source(tmp_path: Path) -> None:
    path = tmp_path / "towns.csv"
    path.write_text("metric,entity,year,value\nm,town,2000,1\n")
    (tmp_path / "entities.csv").write_text("entity,name_en,name_zh\ntown,Our town,我们镇\n")
    dataset = Dataset.open(["shipped", str(path)])
    names = dataset.entity_names()
    assert names["town"] == {"en": "Our town", "zh": "我们镇"}
    shipped = rows((shipped_data_dir() / "entities.csv").read_text(encoding="utf-8"))
    zgc = next(row for row in shipped if row["entity"] == "zgc")
    assert names["zgc"] == {"en": zgc["name_en"], "zh": zgc["name_zh"]}


# --- the shipped word ------------------------------------------------------------------


def test_shipped_is_a_reserved_word_and_dot_slash_is_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("shipped").write_text("metric,year,value\nlocal,2000,1\n")
    assert run("export", "--data", "shipped").stdout == SHIPPED.read_text(encoding="utf-8")
    assert run("export", "--data", "./shipped").stdout == "metric,year,value\nlocal,2000,1\n"
    assert resolve_data_source("shipped").shipped
    assert not resolve_data_source("./shipped").shipped


def test_resolving_sources() -> None:
    assert resolve_data_sources(None, {}) == [DataSource(str(SHIPPED), shipped=True)]
    listed = resolve_data_sources(None, {"ZGC_DATA": f"a.csv{os.pathsep}-"})
    assert [source.path for source in listed] == ["a.csv", "-"]
    # Completion reads the first of several.
    assert resolve_data_source(["b.csv", "shipped"]).path == "b.csv"
    assert resolve_data_source(None, {"ZGC_DATA": f"b.csv{os.pathsep}c.csv"}).path == "b.csv"
    with pytest.raises(ZgcError, match="--data is empty"):
        resolve_data_sources(["shipped", " "], {})
    with pytest.raises(ZgcError, match="--sheet 'S': no .xlsx among the data sources"):
        resolve_data_sources(["a.csv"], {}, sheet="S")
    with_sheet = resolve_data_sources(["a.csv", "b.xlsx"], {}, sheet="S")
    assert [source.sheet for source in with_sheet] == [None, "S"]


def test_the_dataset_of_several_sources(mine: Path) -> None:
    dataset = Dataset.open(["shipped", str(mine)])
    assert [source.path for source in dataset.sources] == [str(SHIPPED), str(mine)]
    assert dataset.source == dataset.sources[0]
    assert len(dataset.frame) == len(shipped_rows()) + 2
    assert dataset.frame["metric"].dtype == "category"
    assert dataset.publication is not None  # the shipped data package's
    assert dataset.combined.set_aside == {}


def test_what_prefer_set_aside_is_noted_for_a_person(tmp_path: Path) -> None:
    from zgc_cli.env import Environment

    theirs = tmp_path / "theirs.csv"
    theirs.write_text("metric,entity,year,value\nrevenue,zgc,2023,9\nrevenue,zgc,2014,1\n")
    dataset = Dataset.open(["shipped", str(theirs)], prefer=[str(theirs)])
    stderr = io.StringIO()
    Environment(stdout=io.StringIO(), stderr=stderr, stderr_is_tty=True).load(dataset)
    assert dataset.combined.set_aside == {str(SHIPPED): 2}
    assert stderr.getvalue() == (
        f"zgc: note: --prefer: 2 observations of {SHIPPED} set aside for a preferred "
        "source's figures of the same metric, entity and year\n"
    )
    assert len(dataset.frame) == len(shipped_rows())
