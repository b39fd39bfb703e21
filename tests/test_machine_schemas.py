"""Every JSON and JSON Lines output validates against its shipped JSON Schema, which is precise
enough to refuse what a program must not meet (a flags string, an unknown status, a point
where a series was not compared); `zgc schema` prints them."""

from __future__ import annotations

import copy
import csv
import functools
import importlib.util
import io
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from tests.test_hostile_text import HOSTILE
from zgc_cli.cli import app
from zgc_cli.present.schemas import load_schema, schema_names

runner = CliRunner()
REPO = Path(__file__).resolve().parent.parent
ARTICLE = REPO.parent.parent / "shared" / "source" / "000_2d6add9fc4d06b84.txt"
FIXTURE_ARTICLE = Path(__file__).resolve().parent / "fixtures" / "article.txt"

# Each output, the schema it follows, and commands that write it over the shipped data.
SHIPPED_COMMANDS: list[tuple[str, list[str]]] = [
    ("export", ["export"]),
    ("export", ["export", "--as-of", "2024-05", "-m", "revenue"]),
    ("catalog", ["metrics"]),
    ("catalog", ["metrics", "--status", "reported"]),
    ("series", ["metrics", "revenue", "employees", "invention_patents", "patents_per_10k_people"]),
    ("series", ["metrics", "revenue", "--from", "2015"]),
    ("compare", ["compare", "2014", "2023"]),
    ("compare", ["compare", "2014", "2023", "--status", "reported", "--tolerance", "1"]),
    ("compare", ["compare", "2020", "2024", "--tolerance", "2", "--sort", "cagr_pct"]),
    ("search", ["search", "专利"]),
    ("source", ["source", "revenue"]),
    ("source", ["source", "revenue", "--as-of", "2024-05"]),
    ("source", ["source", "invention_patents"]),
    ("share", ["share", "registered_large_models"]),
    ("timeline", ["timeline"]),
    ("verify", ["verify"]),
    ("diff", ["diff", "--as-of", "2024-05", "--as-of", "2024-12"]),
]


@functools.cache
def validator(name: str) -> Draft202012Validator:
    """A schema's validator, its schema checked: once per schema (a validator keeps no state)."""
    schema = load_schema(name)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def problems(name: str, document: Any) -> list[str]:
    return [
        f"{list(error.absolute_path)}: {error.message[:200]}"
        for error in validator(name).iter_errors(document)
    ]


def outputs(arguments: list[str]) -> tuple[list[Any], list[Any]]:
    """What the command writes as JSON, and as JSON Lines (each line one item)."""
    documents = []
    for fmt in ("json", "jsonl"):
        result = runner.invoke(app, [*arguments, "--format", fmt])
        assert result.exit_code in (0, 1), result.stderr  # verify and diff exit 1 to say so
        assert result.stdout, result.stderr
        documents.append(
            json.loads(result.stdout)
            if fmt == "json"
            else [json.loads(line) for line in result.stdout.splitlines()]
        )
    return documents[0], documents[1]


# --- the shipped schemas ---------------------------------------------------------------


def test_the_shipped_schemas_are_what_the_script_builds_from_the_code() -> None:
    spec = importlib.util.spec_from_file_location(
        "build_schemas", REPO / "scripts/build_schemas.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built = module.build()
    folder = REPO / "zgc_cli" / "present" / "schemas"
    assert sorted(built) == sorted(path.name for path in folder.glob("*.schema.json"))
    for name, text in built.items():
        assert (folder / name).read_text(encoding="utf-8") == text, name


def test_every_schema_is_a_draft_2020_12_schema_of_an_array_of_rows() -> None:
    assert schema_names() == sorted(
        ["catalog", "cite", "compare", "diff", "export", "extract"]
        + ["search", "series", "share", "source", "timeline", "verify"]
    )
    for name in schema_names():
        schema = load_schema(name)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        Draft202012Validator.check_schema(schema)
        assert schema["type"] == "array"


def test_zgc_schema_prints_a_schema_and_lists_the_names() -> None:
    listed = runner.invoke(app, ["schema"])
    assert listed.exit_code == 0
    assert listed.stdout.split() == schema_names()
    printed = runner.invoke(app, ["schema", "compare"])
    assert printed.exit_code == 0
    assert json.loads(printed.stdout) == load_schema("compare")
    unknown = runner.invoke(app, ["schema", "comparison"])
    assert unknown.exit_code == 1
    assert unknown.stderr.count("\n") == 1
    assert "no schema named 'comparison'" in unknown.stderr and "compare" in unknown.stderr


# --- every output validates ------------------------------------------------------------


@pytest.mark.parametrize(("name", "arguments"), SHIPPED_COMMANDS, ids=lambda x: str(x))
def test_every_json_output_of_the_shipped_data_validates(
    later_sources: None, name: str, arguments: list[str]
) -> None:
    whole, lines = outputs(arguments)
    assert whole == lines
    assert whole, "no rows: nothing was validated"
    assert problems(name, whole) == []


def test_the_article_alone_validates_too() -> None:
    for name, arguments in SHIPPED_COMMANDS:
        if "diff" in arguments or "--as-of" in arguments:
            continue
        whole, _ = outputs(arguments)
        assert problems(name, whole) == [], arguments


def test_extract_of_the_article_validates(tmp_path: Path) -> None:
    article = ARTICLE if ARTICLE.exists() else FIXTURE_ARTICLE
    whole, lines = outputs(["extract", str(article), "--published", "2024-04"])
    assert whole == lines and len(whole) > 10
    assert problems("extract", whole) == []


def test_cite_csl_json_validates_against_the_loose_csl_schema(later_sources: None) -> None:
    result = runner.invoke(app, ["cite", "revenue", "--style", "csl-json"])
    assert result.exit_code == 0, result.stderr
    items = json.loads(result.stdout)
    assert items and problems("cite", items) == []
    # It names the standard it follows, and refuses an item a citeproc could not use.
    schema = load_schema("cite")
    assert "citationstyles.org/schema" in schema["$defs"]["csl-data"]["$ref"]
    broken = [{key: value for key, value in items[0].items() if key != "type"}]
    assert problems("cite", broken)


USER_CSV = (
    "metric,entity,year,value,unit,status,qualifier,extra\n"
    "alpha,x,2014,1.5,CNY,reported,exact,some text\n"
    "alpha,x,2023,4,CNY,estimate,about,\n"
    "beta,x,2014,100,persons,derived,more_than,7\n"
    "gamma,y,2023,3,items,reported,nearly,\n"
)


@pytest.mark.parametrize(
    ("name", "arguments"),
    [
        ("export", ["export"]),
        ("catalog", ["metrics"]),
        ("series", ["metrics", "alpha", "beta", "gamma"]),
        ("compare", ["compare", "2014", "2023"]),
        ("compare", ["compare", "2014", "2023", "--status", "reported"]),
        ("source", ["source", "alpha"]),
        ("verify", ["verify"]),
    ],
)
def test_a_users_file_with_few_columns_and_an_extra_one_validates(
    tmp_path: Path, name: str, arguments: list[str]
) -> None:
    path = tmp_path / "mine.csv"
    path.write_text(USER_CSV, encoding="utf-8")
    whole, _ = outputs([*arguments, "--data", str(path)])
    assert problems(name, whole) == []


def test_a_minimal_file_without_status_or_entity_validates(tmp_path: Path) -> None:
    path = tmp_path / "bare.csv"
    path.write_text("metric,year,value\nm,2014,1\nm,2023,2.5\nn,2023,3\n", encoding="utf-8")
    for name, arguments in [
        ("export", ["export"]),
        ("series", ["metrics", "m"]),
        ("catalog", ["metrics"]),
        ("compare", ["compare", "2014", "2023"]),
    ]:
        whole, _ = outputs([*arguments, "--data", str(path)])
        assert problems(name, whole) == [], arguments


def test_hostile_text_in_the_data_validates(tmp_path: Path) -> None:
    path = tmp_path / "hostile.csv"
    rows = "".join(f'm{n},2014,{n},"{text}"\n' for n, text in enumerate(HOSTILE.values()))
    path.write_text("metric,year,value,quote\n" + rows, encoding="utf-8", newline="")
    for name, arguments in [("export", ["export"]), ("source", ["source", "m1"])]:
        whole, _ = outputs([*arguments, "--data", str(path)])
        assert problems(name, whole) == [], arguments
    whole, _ = outputs(["export", "--data", str(path)])
    assert [row["quote"] for row in whole] == list(HOSTILE.values())


# --- precise enough to refuse ------------------------------------------------------------


@pytest.fixture(scope="module")
def compared() -> list[dict[str, Any]]:
    result = runner.invoke(app, ["compare", "2014", "2023", "--format", "json"])
    rows: list[dict[str, Any]] = json.loads(result.stdout)
    return rows


def edited(rows: list[dict[str, Any]], index: int, **changes: Any) -> list[dict[str, Any]]:
    copied = copy.deepcopy(rows)
    copied[index].update(changes)
    return copied


def test_the_compare_schema_refuses_what_a_program_must_not_meet(
    compared: list[dict[str, Any]],
) -> None:
    first = next(i for i, row in enumerate(compared) if row["reason"] is None)
    missing = next(i for i, row in enumerate(compared) if row["reason"] is not None)
    assert problems("compare", compared) == []
    for index, change in [
        (first, {"flags": "estimate;about"}),  # flags are an array
        (first, {"flags": ["guessed"]}),  # of known flags
        (first, {"status_to": "final"}),
        (first, {"qualifier_from": "roughly"}),
        (first, {"kind": "stock"}),
        (first, {"value_to_low": "3.5"}),  # numbers are numbers
        (first, {"value_to_low_open": "false"}),
        (first, {"scope_differs": None}),  # a comparison says whether
        (first, {"year_from": None}),
        (first, {"reason": "no_data"}),
        (missing, {"value_from": 1.0}),  # a series not compared has no figures
        (missing, {"flags": ["estimate"]}),
        (missing, {"reason": None}),  # nor is it a comparison without its years
    ]:
        assert problems("compare", edited(compared, index, **change)), change
    extra = edited(compared, first, surprise=1)
    assert problems("compare", extra)
    without = copy.deepcopy(compared)
    del without[first]["cagr_pct_high_conventional"]
    assert problems("compare", without)


def test_the_series_and_export_schemas_refuse_a_wrong_type() -> None:
    series, _ = outputs(["metrics", "revenue"])
    assert problems("series", series) == []
    assert problems("series", edited(series, 0, previous_year="2014"))
    assert problems("series", edited(series, 0, scope_differs="false"))
    assert problems("series", edited(series, 0, flags="about"))
    export, _ = outputs(["export"])
    assert problems("export", edited(export, 0, year=2014.5))
    assert problems("export", edited(export, 0, status="final"))
    assert problems("export", edited(export, 0, extra_column={"nested": 1}))
    assert problems("export", [{"metric": "m", "year": 2014}])  # no value


# --- flags as arrays, compare's series not compared ----------------------------------------


@pytest.mark.parametrize(
    ("arguments", "column"),
    [
        (["compare", "2014", "2023"], "flags"),
        (["metrics", "revenue", "employees", "invention_patents"], "flags"),
        (["share", "top10_science_advances_2012_2022"], "flags"),
        (["metrics"], "latest_flags"),
    ],
)
def test_flags_are_arrays_in_json_and_the_same_flags_as_the_csv_cell(
    arguments: list[str], column: str
) -> None:
    as_csv = runner.invoke(app, [*arguments, "--format", "csv"]).stdout
    cells = [row[column] for row in csv.DictReader(io.StringIO(as_csv))]
    whole, _ = outputs(arguments)
    compared = [row for row in whole if row.get("reason") is None]
    assert [";".join(row[column]) for row in compared] == cells
    assert any(row[column] for row in compared), "no row with flags: nothing was compared"
    assert all(isinstance(row[column], list) for row in whole)


def test_compare_json_lists_each_series_not_compared_once_with_its_reason(
    tmp_path: Path,
) -> None:
    path = tmp_path / "ends.csv"
    path.write_text(
        "metric,entity,year,value,unit,status,qualifier\n"
        "both,x,2014,1,CNY,reported,exact\n"
        "both,x,2016,2,CNY,reported,exact\n"
        "first,x,2014,1,CNY,reported,exact\n"
        "second,x,2016,1,CNY,reported,exact\n"
        "estimated,x,2014,1,CNY,reported,exact\n"
        "estimated,x,2016,2,CNY,estimate,exact\n"
        "lone,x,2015,5,persons,reported,exact\n",
        encoding="utf-8",
    )
    plain, _ = outputs(["compare", "2014", "2016", "--data", str(path)])
    assert problems("compare", plain) == []
    assert {row["metric"]: row["reason"] for row in plain} == {
        "both": None,
        "estimated": None,
        "first": "no_year_to",
        "second": "no_year_from",
    }
    reported, _ = outputs(["compare", "2014", "2016", "--status", "reported", "--data", str(path)])
    assert {row["metric"]: row["reason"] for row in reported}["estimated"] == "status_left_out"
    near, _ = outputs(["compare", "2014", "2016", "--tolerance", "1", "--data", str(path)])
    lone = next(row for row in near if row["metric"] == "lone")
    assert lone["reason"] == "one_observation" and lone["unit"] == "persons"
    assert problems("compare", near) == []
    # The comparisons come first, as in CSV; the others after them, with nulls.
    reasons = [row["reason"] for row in plain]
    assert reasons[:2] == [None, None] and None not in reasons[2:]
    assert all(row["value_from"] is None and row["cagr_pct"] is None for row in plain[2:])
    as_csv = runner.invoke(app, ["compare", "2014", "2016", "--data", str(path), "-f", "csv"])
    assert [row["metric"] for row in csv.DictReader(io.StringIO(as_csv.stdout))] == [
        "both",
        "estimated",
    ]
