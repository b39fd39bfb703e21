"""Numbers with meaning: growth by kind, shares of a whole, inferred years, the timeline."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from zgc_cli.cli import app
from zgc_cli.stats.kinds import Kind, kind_of_unit, metric_kinds, row_kinds
from zgc_cli.stats.shares import ancestors, share_qualifier


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def rows_of(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def kinds_csv(tmp_path: Path) -> Path:
    path = tmp_path / "kinds.csv"
    path.write_text(
        "metric,year,value,unit\n"
        "place,2020,5,rank\nplace,2023,1,rank\n"
        "part,2020,20,percent\npart,2023,40,percent\n"
        "total,2020,100,firms\ntotal,2023,121,firms\n"
    )
    return path


def test_a_rank_changes_in_places_and_has_no_rates(kinds_csv: Path) -> None:
    row = next(
        r
        for r in rows_of(run("compare", "2020", "2023", "--data", str(kinds_csv)).stdout)
        if r["metric"] == "place"
    )
    assert (row["change"], row["change_pct"], row["ratio"], row["cagr_pct"]) == ("-4", "", "", "")
    assert (row["flags"], row["kind"]) == ("rank_places", "rank")


def test_a_percent_changes_in_points_and_has_no_rates(kinds_csv: Path) -> None:
    row = next(
        r
        for r in rows_of(run("compare", "2020", "2023", "--data", str(kinds_csv)).stdout)
        if r["metric"] == "part"
    )
    assert (row["change"], row["change_pct"], row["ratio"], row["cagr_pct"]) == ("20", "", "", "")
    assert (row["flags"], row["kind"]) == ("percentage_points", "share")


def test_an_amount_keeps_every_measure(kinds_csv: Path) -> None:
    row = next(
        r
        for r in rows_of(run("compare", "2020", "2023", "--data", str(kinds_csv)).stdout)
        if r["metric"] == "total"
    )
    assert (row["change"], row["ratio"], row["flags"]) == ("21", "1.21", "")
    assert float(row["change_pct"]) == pytest.approx(21.0)
    assert float(row["cagr_pct"]) == pytest.approx(6.5602, abs=1e-4)  # 1.21 ** (1/3) - 1


def test_tables_write_points_and_places(kinds_csv: Path) -> None:
    english = run(
        "compare", "2020", "2023", "--data", str(kinds_csv), "--format", "table", "--lang", "en"
    ).stdout
    # A percent written to the ones place is rounded to it (±0.5), as 90% in a figure is.
    assert "+19…+21 pp" in english and "↑4" in english
    chinese = run(
        "compare", "2020", "2023", "--data", str(kinds_csv), "--format", "table", "--lang", "zh"
    ).stdout
    assert "+19…+21个百分点" in chinese and "上升4位" in chinese


def test_declared_kinds_win_over_the_unit_except_percent() -> None:
    frame = pd.DataFrame(
        {
            "metric": pd.Categorical(["a", "b", "c", "d"]),
            "unit": pd.Categorical(["CNY", "percent", "rank", "km"]),
        }
    )
    declared = {"a": Kind.cumulative, "b": Kind.level, "d": Kind.attribute}
    assert list(row_kinds(frame, declared)) == ["cumulative", "share", "rank", "attribute"]
    assert kind_of_unit("persons") is Kind.level
    indicators = pd.DataFrame({"metric": ["a", "b"], "kind": ["flow", "nonsense"]})
    assert metric_kinds(indicators) == {"a": Kind.flow}


def test_the_shipped_attributes_and_cumulatives_are_flagged() -> None:
    listed = rows_of(run("compare", "2012", "2022", "--metric", "listed_firms").stdout)[0]
    assert listed["flags"] == "cumulative" and listed["cagr_pct"] != ""
    area = rows_of(run("metrics", "area").stdout)[0]
    assert (area["kind"], area["flags"]) == ("attribute", "attribute")


def test_the_share_of_chinas_large_models_is_zhongguancuns_47_of_107() -> None:
    result = run("share", "registered_large_models", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    (row,) = rows_of(result.stdout)
    assert (row["entity"], row["of_entity"], row["year"]) == ("zgc", "china", "2024")
    assert abs(float(row["share_pct"]) - 43.9252336448598) < 1e-9
    assert (row["value"], row["of_value"], row["flags"]) == ("47", "107", "")
    table = run("share", "registered_large_models", "--format", "table", "--lang", "zh").stdout
    assert "43.9%" in table and "中关村示范区" in table and "全国" in table


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [
        ("", "", ""),
        ("more_than", "", "more_than"),
        ("", "more_than", "less_than"),
        ("", "less_than", "more_than"),
        ("nearly", "", "nearly"),
        ("more_than", "less_than", "more_than"),
        ("more_than", "more_than", "about"),
        ("about", "", "about"),
    ],
)
def test_a_bound_at_either_end_makes_the_share_a_bound_its_way(
    part: str, whole: str, expected: str
) -> None:
    assert share_qualifier(part, whole) == expected


def test_shares_follow_the_parents_and_honour_of(tmp_path: Path) -> None:
    data = tmp_path / "mine.csv"
    data.write_text(
        "metric,entity,year,value,qualifier\n"
        "firms,park,2023,30,more_than\nfirms,city,2023,120,\nfirms,country,2023,1000,\n"
        "firms,city,2022,100,\n"
    )
    (tmp_path / "entities.csv").write_text(
        "entity,name_en,name_zh,kind,parent\ncountry,Country,国,country,\n"
        "city,City,市,city,country\npark,Park,园,sub_park,city\n"
    )
    nearest = rows_of(run("share", "firms", "--data", str(data)).stdout)
    # 30余 of 120 is more than 25 %, with no upper bound in the words: no bare point.
    assert [
        (r["entity"], r["of_entity"], r["share_pct"], r["share_pct_low"], r["flags"])
        for r in nearest
    ] == [
        ("city", "country", "12", "12", ""),
        ("park", "city", "", "25", "more_than"),
    ]
    assert (nearest[1]["share_pct_low_open"], nearest[1]["share_pct_high_open"]) == (
        "true",
        "true",
    )
    of_country = rows_of(run("share", "firms", "--of", "country", "--data", str(data)).stdout)
    assert [(r["entity"], r["share_pct"], r["share_pct_low"]) for r in of_country] == [
        ("city", "12", "12"),
        ("park", "", "3"),
    ]
    unknown = run("share", "firms", "--of", "nowhere", "--data", str(data))
    assert unknown.exit_code == 1 and "its entities: city, country, park" in unknown.stderr


def test_a_share_of_a_rank_or_without_parents_is_refused(kinds_csv: Path) -> None:
    rank = run("share", "place", "--data", str(kinds_csv))
    assert rank.exit_code == 1 and "a share of a whole needs amounts" in rank.stderr
    no_parents = run("share", "total", "--data", str(kinds_csv))
    assert no_parents.exit_code == 1 and "no entities.csv with parents" in no_parents.stderr
    assert ancestors(pd.DataFrame({"entity": ["a", "b"], "parent": ["b", "a"]})) == {
        "a": ["b"],
        "b": ["a"],
    }


def test_an_inferred_year_is_flagged_in_pipes_and_marked_in_tables() -> None:
    series = rows_of(run("metrics", "invention_patents").stdout)
    assert [(r["year"], r["year_basis"]) for r in series] == [
        ("2020", "stated"),
        ("2023", "inferred"),
    ]
    assert series[1]["flags"] == "more_than;inferred_year"
    table = run("metrics", "invention_patents", "--format", "table", "--lang", "en").stdout
    assert "2023?" in table and "? year inferred" in table
    catalog = next(r for r in rows_of(run("metrics").stdout) if r["metric"] == "invention_patents")
    assert "inferred_year" in catalog["latest_flags"]
    assert (catalog["entity_name_en"], catalog["entity_name_zh"]) == (
        "Zhongguancun",
        "中关村示范区",
    )


def test_the_timeline_lists_the_milestones_with_their_passages() -> None:
    events = json.loads(run("timeline", "--format", "json").stdout)
    by_date = {event["date"]: event for event in events}
    assert "1988年成为第一个国家级高新技术产业开发区" in by_date["1988"]["quote"]
    assert "2009年成为第一个国家自主创新示范区" in by_date["2009"]["quote"]
    assert [event["date"] for event in events] == sorted(event["date"] for event in events)
    early = rows_of(run("timeline", "--to", "2009").stdout)
    assert [r["date"] for r in early] == ["1980", "1988", "1999", "2007", "2009"]
    # zgc's own milestones include its forum's.
    zgc = {r["entity"] for r in rows_of(run("timeline", "--entity", "zgc").stdout)}
    assert "zgc_forum" in zgc and "beijing" not in zgc
    table = run("timeline", "--to", "1999", "--format", "table", "--lang", "zh").stdout
    assert "成为第一个国家级高新技术产业开发区" in table


def test_a_file_without_events_has_no_timeline(kinds_csv: Path) -> None:
    result = run("timeline", "--data", str(kinds_csv))
    assert result.exit_code == 1
    assert (
        result.stderr == "zgc: error: no events.csv beside the data: there is no timeline to show\n"
    )


def test_the_source_view_says_what_a_figure_is_in_chinese() -> None:
    text = run("source", "invention_patents", "2023", "--format", "table", "--lang", "zh").stdout
    assert "（原文数据，超过，年份为推定）" in text and "2023?" in text
    english = run("source", "invention_patents", "2023", "--format", "table", "--lang", "en").stdout
    assert "(reported, more than, year inferred)" in english
