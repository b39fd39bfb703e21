"""--status, --entity, --category, --from/--to: the same names on every data command.

A small data set whose answers can be worked out by hand: one series with a
reported, an estimated, a reported and a derived year, so which observation is
"previous" changes with the filter; a whole (beijing) whose 2012 figure is an
estimate, so a share resting only on reported figures must reach for china.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from zgc_cli.cli import app
from zgc_cli.completion import complete_categories, complete_statuses
from zgc_cli.model.schema import STATUSES

runner = CliRunner()

DATA = """\
metric,entity,year,value,unit,status,qualifier,quote,note
m,zgc,2010,100,CNY,reported,exact,,
m,zgc,2011,150,CNY,estimate,exact,,
m,zgc,2012,121,CNY,reported,exact,,
m,zgc,2013,130,CNY,derived,about,,
m,beijing,2010,1000,CNY,reported,exact,,
m,beijing,2012,1210,CNY,estimate,exact,,
m,china,2010,10000,CNY,reported,exact,,
m,china,2012,12100,CNY,reported,exact,,
n,zgc,2010,5,firms,reported,exact,,
n,zgc,2012,7,firms,reported,exact,,
"""
INDICATORS = """\
metric,name_en,name_zh,unit,kind,category,description
m,Money,钱,CNY,flow,economy,
n,Firms,企业,firms,level,enterprises,
"""
ENTITIES = """\
entity,name_en,name_zh,kind,parent,aliases_zh
china,China,全国,country,,
beijing,Beijing,北京市,city,china,
zgc,Zhongguancun,中关村,zone,beijing,
"""


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "metrics.csv"
    path.write_text(DATA, encoding="utf-8")
    (tmp_path / "indicators.csv").write_text(INDICATORS, encoding="utf-8")
    (tmp_path / "entities.csv").write_text(ENTITIES, encoding="utf-8")
    return path


def rows(*args: str) -> list[dict[str, str]]:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


def error(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 1, (result.stdout, result.stderr)
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1, result.stderr
    return result.stderr.strip()


def column(table: list[dict[str, str]], *names: str) -> list[tuple[str, ...]]:
    return [tuple(row[name] for name in names) for row in table]


# --- metrics ID: statuses before the growth, years a window after it ----------------------


def test_status_chooses_the_observations_before_the_growth(data: Path) -> None:
    everything = rows("metrics", "m", "--entity", "zgc", "--data", str(data))
    assert column(everything, "year", "previous_year") == [
        ("2010", ""),
        ("2011", "2010"),
        ("2012", "2011"),
        ("2013", "2012"),
    ]
    reported = rows("metrics", "m", "-e", "zgc", "--status", "reported", "--data", str(data))
    # 2012's change runs from the previous *reported* figure, 2010: 100 → 121 over two years.
    assert column(reported, "year", "previous_year", "change") == [
        ("2010", "", ""),
        ("2012", "2010", "21"),
    ]
    assert float(reported[1]["change_pct"]) == pytest.approx(21.0)
    assert float(reported[1]["cagr_pct"]) == pytest.approx(10.0)  # 1.1² = 1.21
    assert all(row["status"] == "reported" and row["flags"] == "" for row in reported)


def test_years_are_a_window_that_keeps_each_rows_real_previous(data: Path) -> None:
    window = rows("metrics", "m", "-e", "zgc", "--from", "2012", "--data", str(data))
    # 2012 still changes from 2011's 150 (an estimate, flagged): the window hides, never recomputes.
    assert column(window, "year", "previous_year", "change", "flags") == [
        ("2012", "2011", "-29", "estimate"),
        ("2013", "2012", "9", "derived;about"),
    ]
    one = rows("metrics", "m", "-e", "zgc", "--from", "2011", "--to", "2011", "--data", str(data))
    assert column(one, "year", "value") == [("2011", "150")]


def test_metrics_category_and_entity_choose_series(data: Path) -> None:
    both = rows("metrics", "m", "n", "--category", "enterprises", "--data", str(data))
    assert {row["metric"] for row in both} == {"n"}
    china = rows("metrics", "m", "--entity", "china", "--data", str(data))
    assert column(china, "entity", "year") == [("china", "2010"), ("china", "2012")]


# --- the catalog ----------------------------------------------------------------------------


def test_catalog_summarises_only_the_chosen_observations(data: Path) -> None:
    estimates = rows("metrics", "--status", "estimate", "--data", str(data))
    assert column(estimates, "metric", "entity", "first_year", "latest_value", "latest_flags") == [
        ("m", "beijing", "2012", "1210", "estimate"),
        ("m", "zgc", "2011", "150", "estimate"),
    ]
    firms = rows("metrics", "--category", "enterprises", "--data", str(data))
    assert column(firms, "metric", "observations") == [("n", "2")]
    beijing = rows("metrics", "--entity", "beijing", "--data", str(data))
    assert column(beijing, "metric", "entity", "observations") == [("m", "beijing", "2")]
    late = rows("metrics", "--from", "2012", "--data", str(data))
    assert {row["first_year"] for row in late} == {"2012"}
    assert column(late, "metric", "entity", "last_year") == [
        ("m", "beijing", "2012"),
        ("m", "china", "2012"),
        ("m", "zgc", "2013"),
        ("n", "zgc", "2012"),
    ]


# --- compare: no row rests on a status left out ----------------------------------------------


def test_compare_status_leaves_out_rows_with_either_end_of_another_status(data: Path) -> None:
    everything = rows("compare", "2010", "2012", "--data", str(data))
    reported = rows("compare", "2010", "2012", "--status", "reported", "--data", str(data))
    expected = [
        row
        for row in everything
        if row["status_from"] == "reported" and row["status_to"] == "reported"
    ]
    assert reported == expected
    assert column(reported, "metric", "entity") == [("m", "china"), ("m", "zgc"), ("n", "zgc")]
    estimates = rows("compare", "2010", "2012", "--status", "estimate", "--data", str(data))
    assert estimates == []  # beijing's 2010 is reported: no series has two estimates


def test_compare_status_with_a_tolerance_takes_the_nearest_allowed_figure(data: Path) -> None:
    args = ("compare", "2011", "2012", "-e", "zgc", "-m", "m", "--tolerance", "1")
    plain = rows(*args, "--data", str(data))
    assert column(plain, "year_from", "value_from", "status_from") == [("2011", "150", "estimate")]
    reported = rows(*args, "--status", "reported", "--data", str(data))
    assert column(reported, "year_from", "value_from", "status_from") == [
        ("2010", "100", "reported")
    ]


def test_compare_2012_2022_reported_on_the_shipped_data() -> None:
    everything = rows("compare", "2012", "2022")
    reported = rows("compare", "2012", "2022", "--status", "reported")
    assert reported == [
        row
        for row in everything
        if row["status_from"] == "reported" and row["status_to"] == "reported"
    ]
    assert 0 < len(reported) < len(everything)  # the shipped data has estimates and derived rows
    assert not any("estimate" in row["flags"] or "derived" in row["flags"] for row in reported)


# --- export, source, share, plot, timeline ------------------------------------------------


def test_export_filters_rows_by_status_and_years(data: Path) -> None:
    derived = rows("export", "--status", "derived", "--data", str(data))
    assert column(derived, "metric", "entity", "year") == [("m", "zgc", "2013")]
    two = rows("export", "--status", "estimate", "--status", "derived", "--data", str(data))
    assert {row["status"] for row in two} == {"estimate", "derived"} and len(two) == 3
    middle = rows("export", "--from", "2011", "--to", "2012", "--data", str(data))
    with data.open(encoding="utf-8") as handle:
        by_hand = [row for row in csv.DictReader(handle) if 2011 <= int(row["year"]) <= 2012]
    assert middle == by_hand


def test_source_filters_its_passages(data: Path) -> None:
    found = rows("source", "m", "--entity", "beijing", "--status", "estimate", "--data", str(data))
    assert column(found, "entity", "year", "status") == [("beijing", "2012", "estimate")]
    late = rows("source", "m", "-e", "zgc", "--from", "2012", "--data", str(data))
    assert column(late, "year") == [("2012",), ("2013",)]


def test_share_rests_only_on_allowed_figures(data: Path) -> None:
    plain = rows("share", "m", "--data", str(data))
    assert ("zgc", "beijing", "2012", "10") == column(
        plain, "entity", "of_entity", "year", "share_pct"
    )[3]
    reported = rows("share", "m", "--status", "reported", "--data", str(data))
    # beijing's 2012 is an estimate: zgc's 2012 share is of china, 121 / 12100 = 1%.
    assert column(reported, "entity", "of_entity", "year", "share_pct", "flags") == [
        ("beijing", "china", "2010", "10", ""),
        ("zgc", "beijing", "2010", "10", ""),
        ("zgc", "china", "2012", "1", ""),
    ]
    zgc_late = rows("share", "m", "--entity", "zgc", "--from", "2012", "--data", str(data))
    # 2013 has no whole (no beijing or china figure that year): one row.
    assert column(zgc_late, "entity", "of_entity", "year") == [("zgc", "beijing", "2012")]


def test_plot_takes_the_same_filters(data: Path) -> None:
    result = runner.invoke(app, ["plot", "m", "-e", "zgc", "--from", "2012", "--data", str(data)])
    assert result.exit_code == 0, result.stderr
    nothing = error("plot", "m", "-e", "beijing", "--status", "derived", "--data", str(data))
    assert "nothing to plot" in nothing


def test_timeline_entity_is_repeatable_and_years_bound_it() -> None:
    zgc = rows("timeline", "--entity", "zgc")
    baai = rows("timeline", "--entity", "baai")
    both = rows("timeline", "--entity", "zgc", "--entity", "baai")
    as_set = {tuple(row.values()) for row in zgc} | {tuple(row.values()) for row in baai}
    assert {tuple(row.values()) for row in both} == as_set and len(both) == len(as_set)
    assert len(zgc) < len(both) and len(baai) < len(both)
    window = rows("timeline", "--from", "2015", "--to", "2020")
    assert window and all(2015 <= int(row["date"][:4]) <= 2020 for row in window)


def test_an_empty_status_counts_as_reported(tmp_path: Path) -> None:
    path = tmp_path / "plain.csv"
    path.write_text("metric,year,value\nr,2014,1\nr,2015,2\n", encoding="utf-8")
    assert len(rows("export", "--status", "reported", "--data", str(path))) == 2
    assert rows("export", "--status", "estimate", "--data", str(path)) == []


# --- one-line errors, the same names everywhere -----------------------------------------------

FILTERED = [
    ["metrics"],
    ["metrics", "m"],
    ["compare", "2010", "2012"],
    ["export"],
    ["source", "m"],
    ["share", "m"],
    ["plot", "m"],
]


@pytest.mark.parametrize("command", FILTERED, ids=lambda command: "-".join(command))
def test_an_unknown_status_or_entity_is_one_line_naming_the_valid_ones(
    data: Path, command: list[str]
) -> None:
    wrong = error(*command, "--status", "rumour", "--data", str(data))
    assert wrong == (
        "zgc: error: unknown status 'rumour'; available: reported, estimate, target, derived"
    )
    wrong = error(*command, "--entity", "mars", "--data", str(data))
    assert wrong == "zgc: error: unknown entity 'mars'; available: beijing, china, zgc"


@pytest.mark.parametrize(
    "command", [["metrics"], ["compare", "2010", "2012"], ["export"]], ids="-".join
)
def test_an_unknown_category_is_one_line_naming_the_valid_ones(
    data: Path, command: list[str]
) -> None:
    wrong = error(*command, "--category", "sport", "--data", str(data))
    assert wrong == "zgc: error: unknown category 'sport'; available: economy, enterprises"


@pytest.mark.parametrize(
    "command",
    [["metrics"], ["metrics", "m"], ["export"], ["source", "m"], ["share", "m"], ["timeline"]],
    ids="-".join,
)
def test_from_after_to_is_one_line(data: Path, command: list[str]) -> None:
    wrong = error(*command, "--from", "2013", "--to", "2011", "--data", str(data))
    assert wrong == "zgc: error: --from 2013 is after --to 2011"


def test_every_data_command_offers_the_same_filter_names() -> None:
    from typer.main import get_command

    group = get_command(app)
    expected = {
        "metrics": {"--status", "--entity", "--category", "--from", "--to"},
        "compare": {"--status", "--entity", "--category", "--metric"},
        "export": {"--status", "--entity", "--category", "--metric", "--from", "--to"},
        "plot": {"--status", "--entity", "--from", "--to"},
        "source": {"--status", "--entity", "--from", "--to"},
        "share": {"--status", "--entity", "--from", "--to"},
        "timeline": {"--entity", "--from", "--to"},
    }
    names_by_option: dict[str, set[tuple[str, ...]]] = {}
    for name, options in expected.items():
        command = group.commands[name]  # type: ignore[attr-defined]
        declared = {option: param for param in command.params for option in param.opts}
        assert options <= set(declared), (name, options - set(declared))
        for option in options:
            names_by_option.setdefault(option, set()).add(tuple(declared[option].opts))
    # The same spelling (and short form) wherever an option appears.
    assert all(len(spellings) == 1 for spellings in names_by_option.values()), names_by_option


def test_every_command_that_writes_results_has_output_and_bom() -> None:
    from typer.main import get_command

    group = get_command(app)
    for name in ("metrics", "compare", "export", "search", "source", "share", "timeline", "verify"):
        options = {opt for param in group.commands[name].params for opt in param.opts}  # type: ignore[attr-defined]
        assert {"-o", "--output", "--bom"} <= options, name


def test_filters_complete_from_the_data(data: Path) -> None:
    context = SimpleNamespace(params={"data": str(data)})
    assert complete_statuses(context, "") == list(STATUSES)
    assert complete_statuses(context, "e") == ["estimate"]
    assert complete_categories(context, "") == ["economy", "enterprises"]
    assert complete_categories(context, "en") == ["enterprises"]
    bare = data.parent / "bare"
    bare.mkdir()
    (bare / "x.csv").write_text("metric,year,value\nr,2014,1\n", encoding="utf-8")
    assert complete_categories(SimpleNamespace(params={"data": str(bare / "x.csv")}), "") == []
