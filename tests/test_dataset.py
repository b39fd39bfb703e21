"""The shipped dataset: valid, traceable to the article, and free of float artefacts."""

from __future__ import annotations

import ast
import csv
import dataclasses
import importlib.util
import io
import json
import math
import re
import subprocess
import sys
from decimal import Decimal, localcontext
from pathlib import Path
from types import ModuleType

import pandas as pd
import pytest

from zgc_cli.model.numbers import machine_number as format_number
from zgc_cli.model.schema import QUALIFIERS

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
ARTICLE = (REPO / "tests" / "fixtures" / "article.txt").read_text(encoding="utf-8")
CSV_FILES = ("metrics.csv", "indicators.csv", "claims.csv", "entities.csv", "events.csv")
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
    "year_basis",
    "figure",
    "low",
    "high",
    "year_min",
    "year_max",
    "entity_quote",
    "note_zh",
]
INDICATORS_COLUMNS = ["metric", "name_en", "name_zh", "unit", "kind", "category", "description"]
ENTITIES_COLUMNS = ["entity", "name_en", "name_zh", "kind", "parent", "aliases_zh"]
EVENTS_COLUMNS = ["date", "entity", "event_en", "event_zh", "quote", "note", "note_zh"]
KINDS = {"level", "flow", "cumulative", "share", "rank", "attribute"}
YEAR_BASES = {"stated", "inferred", "publication"}

INFERRED = "year inferred: "
# The layout of a derived row's note (see scripts/build_dataset.py).
NUMBER = r"-?\d+(?:\.\d+)?"
DERIVED_NOTE = re.compile(
    rf"^(?P<expression>[^=;]+?) = (?P<result>{NUMBER})"
    r"(?:, exact: (?P<exact_why>.+)"
    r"|; interval (?P<low_expression>[^=;]+?) to (?P<high_expression>[^=;]+?) "
    r"\((?P<why>[^()]+)\))$"
)
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


@pytest.fixture(scope="module")
def entities() -> pd.DataFrame:
    return pd.read_csv(DATA / "entities.csv", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return pd.read_csv(DATA / "events.csv", dtype=str, keep_default_na=False)


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


@pytest.mark.parametrize(
    ("name", "old", "new"),
    [
        ("metrics.csv", "\nrevenue,zgc,", "\nrevenue,zgcc,"),  # metrics.entity -> entities
        ("events.csv", "\n1988,zgc,", "\n1988,zgcc,"),  # events.entity -> entities
        ("entities.csv", ",city,china,", ",city,chinaa,"),  # entities.parent -> entities
        ("indicators.csv", ",CNY,flow,", ",CNY,stock,"),  # the kind enum
        ("metrics.csv", ",stated,", ",guessed,"),  # the year_basis enum
    ],
)
def test_datapackage_enforces_keys_and_enums(tmp_path: Path, name: str, old: str, new: str) -> None:
    frictionless = pytest.importorskip("frictionless")
    for file in (*CSV_FILES, "datapackage.json"):
        (tmp_path / file).write_bytes((DATA / file).read_bytes())
    path = tmp_path / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    report = frictionless.validate(tmp_path / "datapackage.json")
    assert not report.valid
    assert {error[0] for error in report.flatten(["type"])} & {"foreign-key", "constraint-error"}


def test_datapackage_describes_the_source_and_licence() -> None:
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    source = package["sources"][0]
    assert "瞭望" in source["publisher"]
    assert source["date"].startswith("2024-04")
    # The reporters are the package's contributors with the role author (Data Package v2).
    authors = [c["title"] for c in package["contributors"] if "author" in c["roles"]]
    assert authors == ["郭奔胜", "王明浩", "尚前名", "陈燕", "张漫子"]
    for reporter in authors:
        assert reporter in ARTICLE
    assert "authors" not in source
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert [r["path"] for r in package["resources"]] == list(CSV_FILES)
    metrics_schema = package["resources"][0]["schema"]
    assert metrics_schema["primaryKey"] == ["metric", "entity", "year"]
    assert [f["name"] for f in metrics_schema["fields"]] == METRICS_COLUMNS
    schemas = {r["name"]: r["schema"] for r in package["resources"]}
    assert [f["name"] for f in schemas["indicators"]["fields"]] == INDICATORS_COLUMNS
    assert [f["name"] for f in schemas["entities"]["fields"]] == ENTITIES_COLUMNS
    assert [f["name"] for f in schemas["events"]["fields"]] == EVENTS_COLUMNS
    enums = {
        (resource, field["name"]): set(field.get("constraints", {}).get("enum", []))
        for resource, schema in schemas.items()
        for field in schema["fields"]
    }
    assert enums[("indicators", "kind")] == KINDS
    assert enums[("metrics", "year_basis")] == YEAR_BASES
    references = {
        (resource, str(key["fields"]), key["reference"]["resource"])
        for resource, schema in schemas.items()
        for key in schema.get("foreignKeys", [])
    }
    assert ("metrics", "entity", "entities") in references
    assert ("events", "entity", "entities") in references
    assert ("entities", "parent", "") in references


@pytest.mark.parametrize("name", CSV_FILES)
def test_csv_is_utf8_with_lf_and_no_bom(name: str) -> None:
    raw = (DATA / name).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in raw
    assert raw.endswith(b"\n")
    raw.decode("utf-8")


def test_columns_in_order(
    metrics: pd.DataFrame,
    indicators: pd.DataFrame,
    entities: pd.DataFrame,
    events: pd.DataFrame,
    claims: pd.DataFrame,
) -> None:
    assert list(metrics.columns) == METRICS_COLUMNS
    assert list(indicators.columns) == INDICATORS_COLUMNS
    assert list(entities.columns) == ENTITIES_COLUMNS
    assert list(events.columns) == EVENTS_COLUMNS
    assert list(claims.columns)[-1] == "definitional"


def test_every_quote_is_in_the_article(
    metrics: pd.DataFrame, claims: pd.DataFrame, events: pd.DataFrame
) -> None:
    quotes = pd.concat([metrics["quote"], claims["quote"], events["quote"]])
    assert quotes.notna().all() and (quotes != "").all()
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
    assert set(metrics["qualifier"]) <= set(QUALIFIERS)
    snake_case = r"^[a-z][a-z0-9_]*$"
    assert metrics["metric"].str.match(snake_case).all()
    assert metrics["entity"].str.match(snake_case).all()
    assert 45 <= len(metrics) <= 100
    assert set(metrics["year_basis"]) <= YEAR_BASES


# (metric, entity, year, value as written in the CSV, status, qualifier)
REQUIRED_SERIES = [
    ("revenue", "zgc", 2014, "3600000000000", "reported", "exact"),
    ("revenue", "zgc", 2023, "8600000000000", "estimate", "exact"),
    ("invention_patents", "zgc", 2020, "140000", "reported", "more_than"),
    ("invention_patents", "zgc", 2023, "260000", "reported", "more_than"),
    ("patents_per_10k_people", "beijing", 2014, "48.2", "reported", "exact"),
    ("patents_per_10k_people", "beijing", 2023, "262.9", "reported", "exact"),
    ("employees", "zgc", 2022, "2790000", "reported", "exact"),
    ("employees", "zgc", 2013, "1860000", "derived", "about"),
    ("returnee_employees", "zgc", 2022, "63000", "reported", "exact"),
    ("returnee_employees", "zgc", 2012, "21000", "derived", "about"),
    ("firms_revenue_over_100m", "zgc", 2012, "1897", "reported", "exact"),
    ("firms_revenue_over_100m", "zgc", 2022, "4245", "reported", "exact"),
    ("firms_revenue_over_100b", "zgc", 2012, "0", "reported", "exact"),
    ("firms_revenue_over_100b", "zgc", 2022, "11", "reported", "exact"),
    ("listed_firms", "zgc", 2012, "224", "reported", "exact"),
    ("listed_firms", "zgc", 2022, "487", "reported", "exact"),
    ("high_tech_firms", "zgc", 2022, "16000", "reported", "exact"),
    ("tech_contracts_to_tianjin_hebei", "beijing", 2023, "6758", "reported", "exact"),
    ("tech_contracts_to_tianjin_hebei", "beijing", 2022, "5881.6362053959965", "derived", "about"),
    ("tech_contract_value_to_tianjin_hebei", "beijing", 2023, "78470000000", "reported", "exact"),
    (
        "tech_contract_value_to_tianjin_hebei",
        "beijing",
        2022,
        "37402287893.23165",
        "derived",
        "about",
    ),
    ("registered_large_models", "china", 2024, "107", "reported", "exact"),
    ("registered_large_models", "zgc", 2024, "47", "reported", "exact"),
    ("private_commercial_launches", "china", 2023, "13", "reported", "exact"),
    ("private_commercial_launches", "beijing", 2023, "13", "reported", "exact"),
    ("top10_science_advances_2012_2022", "beijing", 2022, "56", "reported", "exact"),
    ("top10_science_advances_2012_2022", "china", 2022, "110", "derived", "exact"),
    ("top10_science_advances_2012_2022_share", "beijing", 2022, "51", "reported", "exact"),
    ("trillion_yuan_industry_clusters", "beijing", 2024, "2", "reported", "exact"),
    ("trillion_yuan_industry_clusters_expected", "beijing", 2024, "3", "estimate", "exact"),
    ("biomedicine_industry_scale", "beijing", 2023, "980000000000", "reported", "nearly"),
    ("large_model_researchers", "baai", 2020, "100", "reported", "more_than"),
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
            # The note's arithmetic in full.
            assert text == expected_derived_value(row["note"]), label
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


def _decimal_of(node: ast.expr) -> Decimal:
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
        return Decimal(repr(node.value))
    assert isinstance(node, ast.BinOp), ast.dump(node)
    left, right = _decimal_of(node.left), _decimal_of(node.right)
    if isinstance(node.op, ast.Add):
        return left + right
    if isinstance(node.op, ast.Sub):
        return left - right
    if isinstance(node.op, ast.Mult):
        return left * right
    assert isinstance(node.op, ast.Div), ast.dump(node)
    return left / right


def decimal_result(expression: str) -> Decimal:
    """The expression in decimal, on its literals as written (14.9 is 14.9)."""
    with localcontext() as context:
        context.prec = 50
        return _decimal_of(ast.parse(expression, mode="eval").body)


def expected_derived_value(note: str) -> str:
    """The float nearest the note's expression, in full: the article's arithmetic."""
    match = DERIVED_NOTE.match(note)
    assert match, note
    return format_number(float(decimal_result(match["expression"])))


def is_outward(end: float, exact: Decimal, upward: bool) -> bool:
    """``end`` is the float nearest ``exact`` on its outer side: it holds it, by one ulp at most."""
    inner = math.nextafter(end, -math.inf if upward else math.inf)
    if upward:
        return Decimal(end) >= exact > Decimal(inner)
    return Decimal(end) <= exact < Decimal(inner)


def test_derived_notes_follow_the_layout(metrics: pd.DataFrame) -> None:
    """Expression, its result in full, then the interval its rounded inputs allow."""
    derived = metrics[metrics["status"] == "derived"]
    assert len(derived) == 5
    for row in derived.to_dict("records"):
        match = DERIVED_NOTE.match(row["note"])
        assert match, row["note"]
        expression = match["expression"]
        assert re.fullmatch(r"[\d.\s()+\-*/]+", expression), expression
        result = decimal_result(expression)
        # The value is the arithmetic's result in full, as the note writes it: no rounding.
        assert row["value"] == float(result) == float(match["result"]), row["note"]
        assert format_number(row["value"]) == match["result"]
        if match["exact_why"] is not None:
            # Only exact inputs: nothing rounded, a point.
            assert row["qualifier"] == "exact"
            assert row["low"] == row["high"] == row["value"]
            continue
        assert row["qualifier"] == "about", row["note"]
        low = decimal_result(match["low_expression"])
        high = decimal_result(match["high_expression"])
        assert low <= result <= high, row["note"]
        # low and high: the interval's expressions in full, rounded outward to a float.
        assert is_outward(row["low"], low, upward=False), (row["low"], low)
        assert is_outward(row["high"], high, upward=True), (row["high"], high)
        assert row["note_zh"].startswith(f"{expression} = {match['result']}；区间 ")


@pytest.mark.parametrize(
    ("metric", "entity", "year", "value", "low", "high"),
    [
        # 279万 / 1.5; 279万 in [278.5万, 279.5万], 1.5倍 in [1.45, 1.55].
        ("employees", "zgc", 2013, 1860000, "1796774.193548387", "1927586.206896552"),
        # 6.3万 / 3; 6.3万 in [6.25万, 6.35万], 3倍 in [2.5, 3.5].
        ("returnee_employees", "zgc", 2012, 21000, "17857.142857142855", "25400"),
        # 6758 / 1.149; 14.9% in [14.85%, 14.95%].
        (
            "tech_contracts_to_tianjin_hebei",
            "beijing",
            2022,
            5881.6362053959965,
            "5879.077859939103",
            "5884.196778406617",
        ),
        # 784.7亿 / 2.098; 784.7亿 in [784.65亿, 784.75亿], 109.8% in [109.75%, 109.85%].
        (
            "tech_contract_value_to_tianjin_hebei",
            "beijing",
            2022,
            37402287893.23165,
            "37390993566.83345",
            "37413587604.290825",
        ),
    ],
)
def test_derived_values_keep_the_articles_arithmetic(
    metric: str, entity: str, year: int, value: float, low: str, high: str
) -> None:
    row = next(
        row
        for row in raw_rows("metrics.csv")
        if (row["metric"], row["entity"], row["year"]) == (metric, entity, str(year))
    )
    assert float(row["value"]) == value
    assert (row["low"], row["high"]) == (low, high)
    assert "significant digit" not in row["note"]


def test_growth_from_a_derived_row_is_the_articles_ratio(metrics: pd.DataFrame) -> None:
    value = metrics.set_index(["metric", "entity", "year"])["value"]
    assert value["employees", "zgc", 2022] / value["employees", "zgc", 2013] == 1.5
    assert value["returnee_employees", "zgc", 2022] / value["returnee_employees", "zgc", 2012] == 3


def test_every_metric_has_a_kind(indicators: pd.DataFrame) -> None:
    assert indicators["kind"].notna().all()
    assert set(indicators["kind"]) <= KINDS
    kind = indicators.set_index("metric")["kind"]
    expected = {
        "revenue": "flow",
        "tech_contracts_to_tianjin_hebei": "flow",
        "listed_firms": "cumulative",
        "top10_science_advances_2012_2022": "cumulative",
        "forum_editions": "cumulative",
        "area": "attribute",
        "distance_from_beijing": "attribute",
        "blockchain_chip_cores": "attribute",
        "wudao_2_parameters": "attribute",
        "quantum_direct_communication_rate": "attribute",
        "registered_large_models_share": "share",
        "top10_science_advances_2012_2022_share": "share",
        "high_tech_firms": "level",
    }
    assert {metric: kind[metric] for metric in expected} == expected
    assert (kind[kind.index.str.endswith("_rank")] == "rank").all()
    assert (kind[indicators.set_index("metric")["unit"] == "percent"] == "share").all()


def test_cumulative_indicators_name_their_start(indicators: pd.DataFrame) -> None:
    cumulative = indicators[indicators["kind"] == "cumulative"]
    for row in cumulative.to_dict("records"):
        assert re.search(r"since|from|cumulative|running total", row["description"]), row


def test_years_are_known_as_year_basis_says(metrics: pd.DataFrame) -> None:
    assert set(metrics["year_basis"]) <= YEAR_BASES
    for row in metrics.to_dict("records"):
        label = f"{row['metric']}/{row['entity']}/{row['year']}"
        if row["year_basis"] == "stated":
            assert str(row["year"]) in row["quote"], label
        elif row["year_basis"] == "inferred":
            assert str(row["note"]).startswith(INFERRED), label
        else:
            # One rule for undated current figures: dated to publication.
            assert row["year"] == 2024, label
            assert str(row["note"]).startswith("current at publication"), label


def test_inferred_years(metrics: pd.DataFrame) -> None:
    inferred = metrics[metrics["year_basis"] == "inferred"]
    keys = set(zip(inferred["metric"], inferred["entity"], inferred["year"], strict=True))
    assert {
        ("invention_patents", "zgc", 2023),
        ("biomedicine_industry_scale", "beijing", 2023),  # a past annual figure (audit)
        ("large_model_researchers", "baai", 2020),  # the team came 很快 after the turn
        ("wudao_2_parameters", "baai", 2021),
    } <= keys
    rows = metrics[metrics["metric"] == "trillion_yuan_industry_clusters"]
    assert rows["year_basis"].tolist() == ["publication"]
    # An inferred year carries the bounds the passages allow, and lies within them.
    assert inferred["year_min"].notna().all() and inferred["year_max"].notna().all()
    assert (inferred["year_min"] <= inferred["year"]).all()
    assert (inferred["year"] <= inferred["year_max"]).all()
    others = metrics[metrics["year_basis"] != "inferred"]
    assert others["year_min"].isna().all() and others["year_max"].isna().all()
    bounds = inferred.set_index("metric")[["year_min", "year_max"]].astype(int)
    assert tuple(bounds.loc["biomedicine_industry_scale"]) == (2022, 2023)
    assert tuple(bounds.loc["wudao_2_parameters"]) == (2021, 2021)


def test_every_entity_resolves_to_china(metrics: pd.DataFrame, entities: pd.DataFrame) -> None:
    assert entities["entity"].is_unique
    assert set(entities["kind"]) <= {
        "country",
        "city",
        "new_area",
        "zone",
        "sub_park",
        "institution",
        "event",
    }
    parents = dict(zip(entities["entity"], entities["parent"], strict=True))
    for entity in parents:
        chain = [entity]
        while parents[chain[-1]]:
            assert parents[chain[-1]] in parents, chain
            chain.append(parents[chain[-1]])
            assert len(chain) == len(set(chain)), chain  # no cycle
        assert chain[-1] == "china", chain
    assert parents["zgc"] == "beijing" and parents["beijing"] == "china"
    assert set(metrics["entity"]) <= set(parents)


def test_entity_names_and_aliases(entities: pd.DataFrame) -> None:
    name_zh = dict(zip(entities["entity"], entities["name_zh"], strict=True))
    aliases_of = {
        entity: set(str(aliases).split(";"))
        for entity, aliases in zip(entities["entity"], entities["aliases_zh"], strict=True)
    }
    assert (name_zh["zgc"], name_zh["beijing"], name_zh["china"]) == (
        "中关村示范区",
        "北京市",
        "全国",
    )
    assert {"北京", "北京市"} <= aliases_of["beijing"]
    assert {"中关村", "中关村示范区"} <= aliases_of["zgc"]
    # 示范区 alone also matches 高级别自动驾驶示范区 (the Yizhuang zone): not an alias.
    assert "示范区" not in {a for aliases in aliases_of.values() for a in aliases}
    kind = dict(zip(entities["entity"], entities["kind"], strict=True))
    assert kind["xiongan"] == "new_area"  # 雄安新区 is not a city
    assert {"全国", "我国"} <= aliases_of["china"]
    for row in entities.to_dict("records"):
        aliases = str(row["aliases_zh"]).split(";")
        assert all(aliases), row
        assert any(alias in ARTICLE for alias in aliases), row


def test_events(events: pd.DataFrame, entities: pd.DataFrame) -> None:
    assert events["date"].str.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?").all()
    assert events["date"].tolist() == sorted(events["date"])
    assert set(events["entity"]) <= set(entities["entity"])
    assert not events.duplicated(["date", "entity", "event_en"]).any()
    for row in events.to_dict("records"):
        if not row["note"].startswith(INFERRED):
            assert row["date"][:4] in row["quote"], row
    dated = set(zip(events["date"], events["entity"], strict=True))
    for milestone in [
        ("1988", "zgc"),
        ("1999", "zgc"),
        ("2009", "zgc"),
        ("2007", "zgc_forum"),
        ("2015-04", "baoding_zgc_innovation_center"),
        ("2023-08-30", "xiongan_zgc_science_park"),
        ("2020", "zgc_yizhuang"),
        ("2023", "zgc"),
    ]:
        assert milestone in dated, milestone


def test_definitional_claims(claims: pd.DataFrame) -> None:
    raw = {row["claim_id"]: row["definitional"] for row in raw_rows("claims.csv")}
    assert set(raw.values()) == {"true", "false"}
    assert {claim for claim, flag in raw.items() if flag == "true"} == {
        "employees_1_5_times_2013",
        "returnees_3_times_2012",
        "tech_contracts_growth_14_9",
        "tech_contract_value_growth_109_8",
        "launches_all_from_beijing",
        "firms_over_100b_none_in_2012",
    }


def test_large_models_share_claim(claims: pd.DataFrame) -> None:
    row = claims[
        (claims["kind"] == "share_pct") & (claims["metric"] == "registered_large_models")
    ].iloc[0]
    assert (row["entity"], row["base_entity"], row["year"], row["base_year"]) == (
        "zgc",
        "china",
        2024,
        2024,
    )
    assert (row["low"], row["high"]) == (40, 50)
    assert (row["low_inclusive"], row["high_inclusive"]) == (False, False)


def test_reviewed_names(indicators: pd.DataFrame) -> None:
    rows = {str(row["metric"]): row for row in indicators.to_dict("records")}
    assert "research_team_size" not in rows and "large_model_researchers" in rows
    assert "top10_science_advances" not in rows
    assert str(rows["mit_breakthrough_technologies"]["name_zh"]).endswith("技术数")
    assert rows["distance_from_beijing"]["name_zh"] == "与北京的距离"
    assert rows["intellectual_property_items"]["name_zh"] == "知识产权数量"
    assert rows["intellectual_property_items"]["category"] == "innovation"
    assert str(rows["fortune_global_500_firms"]["name_zh"]).endswith("企业数")
    assert "generative" not in str(rows["registered_large_models"]["description"]).lower()


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
    for column in ("low", "high"):
        out[column] = out[column].map(lambda n: "" if pd.isna(n) else format_number(n))
    for column in ("year_min", "year_max"):
        out[column] = out[column].astype("Int64")
    out.to_csv(buffer, index=False, lineterminator="\n")
    assert buffer.getvalue() == (DATA / "metrics.csv").read_text(encoding="utf-8")


# --- provenance: figure, entity_quote, note_zh (issue 17) -------------------------------


def build_script() -> ModuleType:
    script = REPO / "scripts" / "build_dataset.py"
    if not script.exists():
        pytest.skip("no generator script")
    spec = importlib.util.spec_from_file_location("build_dataset", script)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while defined
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module


def test_every_row_names_its_figure_as_the_quote_writes_it() -> None:
    rows = raw_rows("metrics.csv")
    for row in rows:
        assert row["figure"] and row["figure"] in row["quote"], row
    figure = {(r["metric"], r["entity"], r["year"]): r["figure"] for r in rows}
    assert figure["revenue", "zgc", "2014"] == "3.6万亿元"
    assert figure["invention_patents", "zgc", "2020"] == "突破14万件"
    assert figure["autonomous_driving_test_distance", "zgc_yizhuang", "2024"] == "近3000万公里"
    assert figure["registered_large_models_share", "zgc", "2024"] == "四成以上"
    assert figure["researchers", "beijing", "2024"] == "55万余名"
    assert figure["quantum_direct_communication_rate", "baqis", "2024"] == "千比特量级"
    assert figure["big_data_market_share_rank", "beijing", "2024"] == "全国第一"
    # A derived row's figure is the one of the quote it is derived from.
    assert figure["employees", "zgc", "2013"] == "1.5倍"
    assert figure["returnee_employees", "zgc", "2012"] == "3倍"
    assert figure["tech_contracts_to_tianjin_hebei", "beijing", "2022"] == "14.9%"
    assert figure["tech_contract_value_to_tianjin_hebei", "beijing", "2022"] == "109.8%"


def test_quantum_rate_is_an_order_of_magnitude() -> None:
    row = next(r for r in raw_rows("metrics.csv") if r["metric"].startswith("quantum_direct"))
    assert row["qualifier"] == "order_of_magnitude"
    assert "order of magnitude" in row["note"] and "数量级" not in row["figure"]
    assert "量级" in row["note_zh"]


def test_an_entity_quote_names_the_place_where_the_quote_names_none() -> None:
    rows = {(r["metric"], r["entity"], r["year"]): r for r in raw_rows("metrics.csv")}
    for row in rows.values():
        assert row["entity_quote"] in ARTICLE, row
    quote = {key: row["entity_quote"] for key, row in rows.items()}
    # The audit's rows: the Yizhuang test distance, Beijing's rank, BAAI's WuDao 2.0.
    assert quote["autonomous_driving_test_distance", "zgc_yizhuang", "2024"] == (
        "在中关村亦庄园设立高级别自动驾驶示范区仅3年多"
    )
    assert quote["big_data_market_share_rank", "beijing", "2024"] == (
        "北京市新一代信息技术和生物医药“双发动机”作用凸显"
    )
    assert quote["wudao_2_parameters", "baai", "2021"] == "北京智源研究院就将研究方向锁定大模型"
    # A quote that names its entity needs none.
    assert quote["employees", "zgc", "2022"] == ""
    assert quote["researchers", "beijing", "2024"] == ""


def test_every_note_has_a_chinese_note() -> None:
    for row in raw_rows("metrics.csv") + raw_rows("claims.csv") + raw_rows("events.csv"):
        assert bool(row["note"]) == bool(row["note_zh"]), row
        # No English sentence: ids and the note's arithmetic keywords at most.
        assert not re.search(r"[A-Za-z]{2,} [A-Za-z]{2,}", row["note_zh"]), row["note_zh"]
        if row.get("year_basis") == "inferred" or row["note"].startswith(INFERRED):
            assert row["note_zh"].startswith("年份为推定："), row
        if row.get("year_basis") == "publication":
            assert row["note_zh"].startswith("截至发表时（2024年4月）"), row


def test_the_new_milestones() -> None:
    events = raw_rows("events.csv")
    by_quote = {event["quote"]: event for event in events}
    wudao = by_quote["5个月后，我国第一个中文语言大模型“悟道”在北京诞生"]
    assert (wudao["date"], wudao["entity"]) == ("2021", "baai")
    street = by_quote["从20世纪80年代初的“电子一条街”"]
    assert (street["date"], street["entity"]) == ("1980", "zgc")
    assert street["note"].startswith(INFERRED) and wudao["note"].startswith(INFERRED)


def test_the_description_says_what_is_left_out() -> None:
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    assert "Every quantitative figure" not in package["description"]
    assert "Left out" in package["description"]


def test_the_build_refuses_a_colliding_alias() -> None:
    """示范区 as zgc's alias would also read 高级别自动驾驶示范区 (the Yizhuang zone) as zgc."""
    build = build_script()
    assert build.check_aliases() == []
    zgc = next(e for e in build.ENTITIES if e.entity == "zgc")
    build.ENTITIES[build.ENTITIES.index(zgc)] = dataclasses.replace(
        zgc, aliases_zh=zgc.aliases_zh + ";示范区"
    )
    assert any("示范区" in problem for problem in build.check_aliases())
    # An alias owned by two entities collides too.
    beijing = next(e for e in build.ENTITIES if e.entity == "beijing")
    build.ENTITIES.append(dataclasses.replace(beijing, entity="beijing_again"))
    assert any("belongs to" in problem for problem in build.check_aliases())


def test_the_build_refuses_a_figure_or_year_bound_that_does_not_hold() -> None:
    build = build_script()
    table = build.entities_table()
    row = next(r for r in build.OBSERVATIONS if r.metric == "wudao_2_parameters")
    row = build.with_provenance(row, table)
    assert build.check_provenance(row, table) == []
    moved = dataclasses.replace(row, year=2019)  # before its year_min
    assert any("outside" in p for p in build.check_provenance(moved, table))
    missing = dataclasses.replace(row, figure="3个月")  # in the article, not in the quote
    assert any("not in the quote" in p for p in build.check_provenance(missing, table))
    transfer = next(r for r in build.OBSERVATIONS if r.metric.startswith("national_tech_tr"))
    transfer = build.with_provenance(transfer, table)
    assert transfer.figure == "51家" and build.check_provenance(transfer, table) == []
    swapped = dataclasses.replace(transfer, figure="65家")  # another figure of the quote
    assert any("does not read" in p for p in build.check_provenance(swapped, table))
    elsewhere = dataclasses.replace(row, entity_quote="中关村")
    assert any("entity_quote should be" in p for p in build.check_provenance(elsewhere, table))
    untranslated = dataclasses.replace(row, note_zh="")
    assert any("note_zh" in p for p in build.check_provenance(untranslated, table))


def test_a_claim_on_a_derived_row_bounds_it_as_the_row_does() -> None:
    build = build_script()
    table = build.entities_table()
    rows = [build.with_provenance(row, table) for row in build.OBSERVATIONS]
    assert build.check_derived_claims(rows) == []
    index, claim = next(
        (i, c) for i, c in enumerate(build.CLAIMS) if c.claim_id == "employees_1_5_times_2013"
    )
    assert (claim.low, claim.high) == ("1.45", "1.55")
    build.CLAIMS[index] = dataclasses.replace(claim, low="1.4", high="1.6")
    assert any("employees_1_5_times_2013" in p for p in build.check_derived_claims(rows))


@pytest.mark.parametrize("name", ["metrics.csv", "claims.csv", "events.csv"])
def test_chinese_notes_hold_no_english_word_and_no_id(name: str) -> None:
    """A Chinese reader sees no English of the data: not a sentence, not a metric id."""
    path = Path(__file__).resolve().parent.parent / "data" / name
    with path.open(encoding="utf-8") as opened:
        notes = [row["note_zh"] for row in csv.DictReader(opened) if row["note_zh"]]
    assert notes
    assert [note for note in notes if re.search(r"[a-z]{2,}", note)] == []
