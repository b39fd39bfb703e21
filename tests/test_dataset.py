"""The shipped dataset: valid, traceable to the article, and free of float artefacts."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

from zgc_cli.check.arithmetic import evaluate_expression
from zgc_cli.model.numbers import machine_number as format_number

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
ARTICLE = (REPO / "tests" / "fixtures" / "article.txt").read_text(encoding="utf-8")
CSV_FILES = ("metrics.csv", "indicators.csv", "claims.csv")
METRICS_COLUMNS = [
    "metric",
    "entity",
    "year",
    "value",
    "unit",
    "status",
    "qualifier",
    "quote",
    "note",
]
PLAIN_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")


def raw_rows(name: str) -> list[dict[str, str]]:
    """Rows as the text in the file, before any float parsing."""
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def metrics() -> pd.DataFrame:
    return pd.read_csv(DATA / "metrics.csv")


@pytest.fixture(scope="module")
def claims() -> pd.DataFrame:
    return pd.read_csv(DATA / "claims.csv")


@pytest.fixture(scope="module")
def indicators() -> pd.DataFrame:
    return pd.read_csv(DATA / "indicators.csv")


def test_datapackage_is_valid() -> None:
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(DATA / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_datapackage_catches_a_dangling_metric(tmp_path: Path) -> None:
    """The foreign key is really enforced, so the validity test above means something."""
    frictionless = pytest.importorskip("frictionless")
    for name in (*CSV_FILES, "datapackage.json"):
        (tmp_path / name).write_bytes((DATA / name).read_bytes())
    metrics_path = tmp_path / "metrics.csv"
    metrics_path.write_text(
        metrics_path.read_text(encoding="utf-8").replace("\nrevenue,", "\nrevenu,", 1),
        encoding="utf-8",
    )
    report = frictionless.validate(tmp_path / "datapackage.json")
    assert not report.valid
    assert "foreign-key" in {error[0] for error in report.flatten(["type"])}


def test_datapackage_describes_the_source_and_licence() -> None:
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    source = package["sources"][0]
    assert "瞭望" in source["publisher"]
    assert source["date"].startswith("2024-04")
    for reporter in ("郭奔胜", "王明浩", "尚前名", "陈燕", "张漫子"):
        assert reporter in source["authors"]
        assert reporter in ARTICLE
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert [r["path"] for r in package["resources"]] == list(CSV_FILES)
    metrics_schema = package["resources"][0]["schema"]
    assert metrics_schema["primaryKey"] == ["metric", "entity", "year"]
    assert [f["name"] for f in metrics_schema["fields"]] == METRICS_COLUMNS


@pytest.mark.parametrize("name", CSV_FILES)
def test_csv_is_utf8_with_lf_and_no_bom(name: str) -> None:
    raw = (DATA / name).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in raw
    assert raw.endswith(b"\n")
    raw.decode("utf-8")


def test_metrics_columns_in_order(metrics: pd.DataFrame) -> None:
    assert list(metrics.columns) == METRICS_COLUMNS


def test_every_quote_is_in_the_article(metrics: pd.DataFrame, claims: pd.DataFrame) -> None:
    quotes = pd.concat([metrics["quote"], claims["quote"]])
    assert quotes.notna().all()
    missing = [quote for quote in quotes if quote not in ARTICLE]
    assert missing == []


def test_no_duplicate_keys(metrics: pd.DataFrame) -> None:
    duplicated = metrics[metrics.duplicated(["metric", "entity", "year"], keep=False)]
    assert duplicated.empty, duplicated


def test_every_metric_has_metadata_and_no_more(
    metrics: pd.DataFrame, indicators: pd.DataFrame
) -> None:
    assert indicators["metric"].is_unique
    assert set(metrics["metric"]) == set(indicators["metric"])


def test_units_agree_with_indicators(metrics: pd.DataFrame, indicators: pd.DataFrame) -> None:
    units = metrics.groupby("metric")["unit"].unique()
    assert (units.map(len) == 1).all(), units[units.map(len) > 1]
    declared = indicators.set_index("metric")["unit"]
    assert (units.map(lambda u: u[0]) == declared.loc[units.index]).all()


def test_claims_refer_to_observations(metrics: pd.DataFrame, claims: pd.DataFrame) -> None:
    keys = set(zip(metrics["metric"], metrics["entity"], metrics["year"], strict=True))
    for claim in claims.to_dict("records"):
        assert (claim["metric"], claim["entity"], claim["year"]) in keys, claim["claim_id"]
        if claim["kind"] != "value":
            base = (claim["base_metric"], claim["base_entity"], int(claim["base_year"]))
            assert base in keys, claim["claim_id"]


def test_vocabularies(metrics: pd.DataFrame) -> None:
    assert set(metrics["status"]) <= {"reported", "estimate", "derived"}
    assert set(metrics["qualifier"]) <= {"exact", "more_than", "nearly", "about", "less_than"}
    snake_case = r"^[a-z][a-z0-9_]*$"
    assert metrics["metric"].str.match(snake_case).all()
    assert metrics["entity"].str.match(snake_case).all()
    assert 45 <= len(metrics) <= 100


# (metric, entity, year, value as written in the CSV, status, qualifier)
REQUIRED_SERIES = [
    ("revenue", "zgc", 2014, "3600000000000", "reported", "exact"),
    ("revenue", "zgc", 2023, "8600000000000", "estimate", "exact"),
    ("invention_patents", "zgc", 2020, "140000", "reported", "more_than"),
    ("invention_patents", "zgc", 2023, "260000", "reported", "more_than"),
    ("patents_per_10k_people", "beijing", 2014, "48.2", "reported", "exact"),
    ("patents_per_10k_people", "beijing", 2023, "262.9", "reported", "exact"),
    ("employees", "zgc", 2022, "2790000", "reported", "exact"),
    ("employees", "zgc", 2013, "1860000", "derived", "exact"),
    ("returnee_employees", "zgc", 2022, "63000", "reported", "exact"),
    ("returnee_employees", "zgc", 2012, "21000", "derived", "exact"),
    ("firms_revenue_over_100m", "zgc", 2012, "1897", "reported", "exact"),
    ("firms_revenue_over_100m", "zgc", 2022, "4245", "reported", "exact"),
    ("firms_revenue_over_100b", "zgc", 2012, "0", "reported", "exact"),
    ("firms_revenue_over_100b", "zgc", 2022, "11", "reported", "exact"),
    ("listed_firms", "zgc", 2012, "224", "reported", "exact"),
    ("listed_firms", "zgc", 2022, "487", "reported", "exact"),
    ("high_tech_firms", "zgc", 2022, "16000", "reported", "exact"),
    ("tech_contracts_to_tianjin_hebei", "beijing", 2023, "6758", "reported", "exact"),
    (
        "tech_contracts_to_tianjin_hebei",
        "beijing",
        2022,
        repr(6758 / (1 + 14.9 / 100)),
        "derived",
        "exact",
    ),
    ("tech_contract_value_to_tianjin_hebei", "beijing", 2023, "78470000000", "reported", "exact"),
    (
        "tech_contract_value_to_tianjin_hebei",
        "beijing",
        2022,
        repr(78470000000 / (1 + 109.8 / 100)),
        "derived",
        "exact",
    ),
    ("registered_large_models", "china", 2024, "107", "reported", "exact"),
    ("registered_large_models", "zgc", 2024, "47", "reported", "exact"),
    ("private_commercial_launches", "china", 2023, "13", "reported", "exact"),
    ("private_commercial_launches", "beijing", 2023, "13", "reported", "exact"),
]


@pytest.mark.parametrize(
    ("metric", "entity", "year", "value", "status", "qualifier"), REQUIRED_SERIES
)
def test_required_series(
    metric: str, entity: str, year: int, value: str, status: str, qualifier: str
) -> None:
    rows = [
        row
        for row in raw_rows("metrics.csv")
        if (row["metric"], row["entity"], row["year"]) == (metric, entity, str(year))
    ]
    assert len(rows) == 1
    assert (rows[0]["value"], rows[0]["status"], rows[0]["qualifier"]) == (value, status, qualifier)


def test_raw_values_have_no_float_artefacts() -> None:
    for row in raw_rows("metrics.csv"):
        text = row["value"]
        label = f"{row['metric']}/{row['entity']}/{row['year']}: {text!r}"
        assert PLAIN_NUMBER.match(text), label  # no exponent, no separators
        assert not text.endswith(".0"), label
        assert re.fullmatch(r"\d{4}", row["year"]), label
        if row["status"] == "derived":
            # Full precision, exactly what the note's arithmetic gives.
            computed = evaluate_expression(row["note"])
            assert text == format_number(computed), label
        else:
            # Reported figures have at most the article's few decimals: 48.2, not 48.20000001.
            number = Decimal(text)
            assert -number.as_tuple().exponent <= 3, label  # type: ignore[operator]
            assert text == format(number.normalize(), "f") or text == str(int(number)), label


def test_claim_bounds_are_plain_numbers() -> None:
    for row in raw_rows("claims.csv"):
        for column in ("low", "high"):
            if row[column]:
                assert PLAIN_NUMBER.match(row[column]), (row["claim_id"], row[column])
                assert not row[column].endswith(".0")
            flag = row[f"{column}_inclusive"]
            assert flag in ({"true", "false"} if row[column] else {""}), row["claim_id"]


def test_derived_notes_are_bare_arithmetic(metrics: pd.DataFrame) -> None:
    derived = metrics[metrics["status"] == "derived"]
    assert len(derived) >= 5
    for row in derived.to_dict("records"):
        assert re.fullmatch(r"[\d.\s()+\-*/]+", row["note"]), row["note"]
        assert evaluate_expression(row["note"]) == row["value"]


def test_the_generator_matches_the_files() -> None:
    script = REPO / "scripts" / "build_dataset.py"
    if not script.exists():
        pytest.skip("no generator script")
    completed = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stderr + completed.stdout


def test_csv_round_trips_through_pandas(metrics: pd.DataFrame) -> None:
    """Writing the frame back with the same conventions gives the same bytes."""
    buffer = io.StringIO()
    out = metrics.copy()
    out["value"] = out["value"].map(format_number)
    out.to_csv(buffer, index=False, lineterminator="\n")
    assert buffer.getvalue() == (DATA / "metrics.csv").read_text(encoding="utf-8")
