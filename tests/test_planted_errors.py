"""Planted errors: single edits to a copy of the shipped data, each run through verify.

Every edit of :data:`ERRORS` must fail ``check.run`` (as ``zgc verify --article`` runs it)
with a finding that names the edited row and the check that catches it, and no finding
on any other row (claims built on the edited row may fail with it). Every edit of
:data:`TRUE_EDITS` (reformatting, a note) must still pass. The caught share is printed
(``pytest -s``) and must be at least 95 %; the edits the issue lists must each be caught.
"""

from __future__ import annotations

import csv
import dataclasses
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.provenance import provenance_copy, read_rows, write_rows
from zgc_cli import check
from zgc_cli.model.dataset import Dataset

REPO = Path(__file__).resolve().parent.parent
ARTICLE = (REPO / "tests" / "fixtures" / "article.txt").read_text(encoding="utf-8")

# (check, metric, entity, year) of a finding; year None for the entities table.
Finding = tuple[str, str, str, int | None]


@dataclass(frozen=True)
class Edit:
    """One cell of one row of one file changed: ``where`` picks the row by its cells."""

    name: str
    file: str
    where: tuple[tuple[str, str], ...]
    column: str
    new: str
    caught: Finding | None = None  # None: a true edit, verify must pass
    listed: bool = False  # named in issue 17
    also: tuple[Finding, ...] = field(default=())  # other rows it may fail (a new key)


def m(metric: str, entity: str, year: int) -> tuple[tuple[str, str], ...]:
    return (("metric", metric), ("entity", entity), ("year", str(year)))


def metric_edit(
    key: tuple[str, str, int],
    column: str,
    new: str,
    check_name: str,
    *,
    listed: bool = False,
    name: str = "",
) -> Edit:
    """An edit of metrics.csv caught by ``check_name`` on the edited row (as edited)."""
    metric, entity, year = key
    found = {"metric": metric, "entity": entity, "year": str(year), column: new}
    caught = (check_name, found["metric"], found["entity"], int(found["year"]))
    label = name or f"{metric}/{entity}/{year} {column} -> {new}"
    return Edit(label, "metrics.csv", m(metric, entity, year), column, new, caught, listed)


def event_edit(
    date: str, entity: str, column: str, new: str, check_name: str, event_zh: str = ""
) -> Edit:
    found = {"date": date, "entity": entity, column: new}
    caught = (check_name, "event", found["entity"], int(found["date"][:4]))
    where = (("date", date), ("entity", entity)) + ((("event_zh", event_zh),) if event_zh else ())
    return Edit(
        f"event {date}/{entity} {column} -> {new}", "events.csv", where, column, new, caught
    )


def listed(edit: Edit) -> Edit:
    """An edit the issue names."""
    return dataclasses.replace(edit, listed=True)


def claim_edit(claim_id: str, column: str, new: str, check_name: str, subject: Finding) -> Edit:
    return Edit(
        f"claim {claim_id} {column} -> {new}",
        "claims.csv",
        (("claim_id", claim_id),),
        column,
        new,
        (check_name, *subject[1:]),
    )


def entity_edit(entity: str, column: str, new: str, check_name: str, listed: bool = False) -> Edit:
    return Edit(
        f"entity {entity} {column} -> {new}",
        "entities.csv",
        (("entity", entity),),
        column,
        new,
        (check_name, "entities", entity, None),
        listed,
    )


ERRORS: tuple[Edit, ...] = (
    # --- values: another figure of the same quote, or a near miss -------------------
    metric_edit(
        ("national_tech_transfer_institutions", "zgc", 2022), "value", "65", "value", listed=True
    ),
    metric_edit(
        ("national_tech_transfer_institutions", "zgc", 2022), "value", "144", "value", listed=True
    ),
    metric_edit(
        ("tech_smes_cultivated", "baoding_zgc_innovation_center", 2023),
        "value",
        "80",
        "value",
        listed=True,
    ),
    metric_edit(
        ("high_tech_firms_cultivated", "baoding_zgc_innovation_center", 2023),
        "value",
        "300",
        "value",
    ),
    metric_edit(("revenue", "zgc", 2014), "value", "8600000000000", "value"),
    metric_edit(("revenue", "zgc", 2023), "value", "3600000000000", "value"),
    metric_edit(("invention_patents", "zgc", 2023), "value", "140000", "value"),
    metric_edit(("patents_per_10k_people", "beijing", 2023), "value", "48.2", "value"),
    metric_edit(("firms_revenue_over_100m", "zgc", 2022), "value", "1897", "value"),
    metric_edit(("listed_firms", "zgc", 2022), "value", "224", "value"),
    metric_edit(("registered_large_models", "zgc", 2024), "value", "107", "value"),
    metric_edit(("registered_large_models", "china", 2024), "value", "47", "value"),
    metric_edit(("commercial_space_top100_firms", "beijing", 2023), "value", "100", "value"),
    metric_edit(("commercial_space_little_giants", "beijing", 2023), "value", "51", "value"),
    metric_edit(("top10_science_advances_2012_2022", "beijing", 2022), "value", "51", "value"),
    metric_edit(
        ("top10_science_advances_2012_2022_share", "beijing", 2022), "value", "56", "value"
    ),
    metric_edit(("tech_contracts_to_tianjin_hebei", "beijing", 2023), "value", "6759", "value"),
    metric_edit(("area", "zgc", 2024), "value", "48.8", "value"),
    metric_edit(("researchers", "beijing", 2024), "value", "55000", "value"),
    metric_edit(("returnee_employees", "zgc", 2022), "value", "2790000", "value"),
    metric_edit(("national_incubators", "zgc", 2022), "value", "144", "value"),
    metric_edit(("national_maker_spaces", "zgc", 2022), "value", "51", "value"),
    metric_edit(
        ("autonomous_driving_service_trips", "zgc_yizhuang", 2024), "value", "30000000", "value"
    ),
    # --- the figure named: another of the quote, or part of one ----------------------
    metric_edit(("national_tech_transfer_institutions", "zgc", 2022), "figure", "65家", "value"),
    metric_edit(("invention_patents", "zgc", 2020), "figure", "4万件", "figure"),
    metric_edit(("listed_firms", "zgc", 2012), "figure", "225家", "figure"),
    # --- qualifiers ------------------------------------------------------------------
    metric_edit(("invention_patents", "zgc", 2020), "qualifier", "exact", "qualifier"),
    metric_edit(
        ("autonomous_driving_test_distance", "zgc_yizhuang", 2024),
        "qualifier",
        "about",
        "qualifier",
    ),
    metric_edit(("researchers", "beijing", 2024), "qualifier", "exact", "qualifier"),
    metric_edit(("ai_top_talent_share", "beijing", 2024), "qualifier", "exact", "qualifier"),
    metric_edit(("minutes_per_new_tech_firm", "beijing", 2024), "qualifier", "nearly", "qualifier"),
    metric_edit(
        ("quantum_direct_communication_rate", "baqis", 2024), "qualifier", "about", "qualifier"
    ),
    metric_edit(("registered_large_models_share", "zgc", 2024), "qualifier", "exact", "qualifier"),
    metric_edit(
        ("commercial_space_little_giants", "beijing", 2023), "qualifier", "more_than", "qualifier"
    ),
    metric_edit(
        ("innovative_pharma_firms", "zgc_life_science_park", 2024),
        "qualifier",
        "exact",
        "qualifier",
    ),
    # --- statuses --------------------------------------------------------------------
    metric_edit(("revenue", "zgc", 2023), "status", "reported", "status"),
    metric_edit(("revenue", "zgc", 2014), "status", "estimate", "status"),
    metric_edit(
        ("trillion_yuan_industry_clusters_expected", "beijing", 2024),
        "status",
        "reported",
        "status",
    ),
    metric_edit(
        ("trillion_yuan_industry_clusters", "beijing", 2024), "status", "estimate", "status"
    ),
    metric_edit(("high_tech_firms", "zgc", 2022), "status", "derived", "derived"),
    metric_edit(("employees", "zgc", 2022), "status", "estimate", "status"),
    # --- quotes ----------------------------------------------------------------------
    metric_edit(
        ("high_tech_firms", "zgc", 2022),
        "quote",
        "2022年，中关村示范区拥有国家高新技术企业1.7万家",
        "quote",
    ),
    metric_edit(("area", "zgc", 2024), "quote", "空间规模约488平方公里", "quote"),
    metric_edit(("listed_firms", "zgc", 2012), "quote", "累计上市企业由2012年的", "figure"),
    # --- stated years: another year of the quote, or one it does not name ------------
    metric_edit(
        ("top10_science_advances_2012_2022_share", "beijing", 2022),
        "year",
        "2012",
        "year",
        listed=True,
    ),
    metric_edit(("firms_revenue_over_100b", "zgc", 2022), "year", "2021", "year"),
    metric_edit(("high_tech_firms", "zgc", 2022), "year", "2021", "year"),
    metric_edit(("private_commercial_launches", "china", 2023), "year", "2022", "year"),
    metric_edit(("mit_breakthrough_technologies", "zgc", 2021), "year", "2022", "year"),
    metric_edit(("startup_incubation_overall_rank", "beijing", 2023), "year", "2022", "year"),
    metric_edit(
        ("tech_smes_cultivated", "baoding_zgc_innovation_center", 2023), "year", "2015", "year"
    ),
    metric_edit(("fortune_global_500_firms", "zgc", 2022), "year", "2023", "year"),
    metric_edit(("innovative_medical_device_rank", "beijing", 2022), "year", "2024", "year"),
    metric_edit(("employees", "zgc", 2013), "year", "2012", "year"),
    metric_edit(("returnee_employees", "zgc", 2012), "year", "2013", "year"),
    metric_edit(("tech_contracts_to_tianjin_hebei", "beijing", 2022), "year", "2021", "year"),
    # --- inferred years and their bounds ---------------------------------------------
    metric_edit(("wudao_2_parameters", "baai", 2021), "year", "2019", "year_bounds", listed=True),
    metric_edit(("wudao_2_parameters", "baai", 2021), "year_min", "2019", "year_bounds"),
    metric_edit(("invention_patents", "zgc", 2023), "year", "2025", "year_bounds"),
    metric_edit(("invention_patents", "zgc", 2023), "year_max", "2025", "year_bounds"),
    metric_edit(("invention_patents", "zgc", 2023), "year_min", "", "year_bounds"),
    metric_edit(("firms_revenue_over_100b", "zgc", 2012), "year", "2013", "year_bounds"),
    metric_edit(("high_tech_firms", "zgc", 2022), "year_basis", "inferred", "year"),
    metric_edit(("area", "zgc", 2024), "year_basis", "stated", "year"),
    metric_edit(("revenue", "zgc", 2014), "year_basis", "publication", "year"),
    metric_edit(("area", "zgc", 2024), "year", "2023", "year"),
    metric_edit(("biomedicine_industry_scale", "beijing", 2023), "year", "2024", "year_bounds"),
    metric_edit(("large_model_researchers", "baai", 2020), "year", "2019", "year_bounds"),
    metric_edit(("large_model_researchers", "baai", 2020), "year_max", "2025", "year_bounds"),
    # --- derived rows: the article's arithmetic ----------------------------------------
    metric_edit(("employees", "zgc", 2013), "value", "1900000", "derived"),
    metric_edit(("returnee_employees", "zgc", 2012), "value", "20000", "derived"),
    metric_edit(("employees", "zgc", 2013), "figure", "279万人", "year"),
    metric_edit(("returnee_employees", "zgc", 2012), "qualifier", "exact", "qualifier"),
    # --- entities --------------------------------------------------------------------
    metric_edit(
        ("big_data_market_share_rank", "beijing", 2024), "entity", "china", "entity", listed=True
    ),
    metric_edit(
        ("autonomous_driving_test_distance", "zgc_yizhuang", 2024),
        "entity",
        "zgc",
        "entity",
        listed=True,
    ),
    metric_edit(("wudao_2_parameters", "baai", 2021), "entity", "beijing", "entity", listed=True),
    metric_edit(("researchers", "beijing", 2024), "entity", "zgc", "entity"),
    metric_edit(
        ("phase1_occupancy_rate", "xiongan_zgc_science_park", 2024), "entity", "xiongan", "entity"
    ),
    metric_edit(
        ("high_tech_firms_cultivated", "baoding_zgc_innovation_center", 2023),
        "entity",
        "baoding",
        "entity",
    ),
    metric_edit(
        ("innovative_pharma_firms", "zgc_life_science_park", 2024), "entity", "zgc", "entity"
    ),
    metric_edit(("registered_large_models", "zgc", 2024), "entity", "beijing", "entity"),
    metric_edit(("revenue", "zgc", 2014), "entity", "zhongguancun", "entity"),
    metric_edit(
        ("wudao_2_parameters", "baai", 2021),
        "entity_quote",
        "北京智源研究院就将研究方向锁定了大模型",
        "entity",
    ),
    metric_edit(("revenue", "zgc", 2014), "entity_quote", "北京拥有55万余名科研人员", "entity"),
    metric_edit(("mit_breakthrough_technologies", "zgc", 2021), "entity", "beijing", "entity"),
    # --- units: the indicator's, and the operands' -----------------------------------
    metric_edit(("innovation_consortia", "zgc", 2024), "unit", "firms", "indicator", listed=True),
    metric_edit(
        ("tech_contract_value_to_tianjin_hebei", "beijing", 2022),
        "unit",
        "USD",
        "indicator",
        listed=True,
    ),
    metric_edit(
        ("tech_contract_value_to_tianjin_hebei", "beijing", 2022),
        "unit",
        "USD",
        "unit",
        name="a derived CNY row in USD: its operand 784.7亿元 is CNY",
    ),
    metric_edit(("area", "zgc", 2024), "unit", "m2", "unit"),
    metric_edit(("employees", "zgc", 2022), "unit", "person_trips", "indicator"),
    metric_edit(("wudao_2_parameters", "baai", 2021), "unit", "items", "indicator"),
    # --- metric ids ------------------------------------------------------------------
    metric_edit(("researchers", "beijing", 2024), "metric", "employees", "metric", listed=True),
    metric_edit(
        ("big_data_market_share_rank", "beijing", 2024),
        "metric",
        "innovative_medical_device_rank",
        "metric",
    ),
    metric_edit(("revenue", "zgc", 2014), "metric", "biomedicine_industry_scale", "metric"),
    metric_edit(("listed_firms", "zgc", 2012), "metric", "high_tech_firms", "metric"),
    metric_edit(("area", "zgc", 2024), "metric", "area_km2", "metric"),
    # --- events ----------------------------------------------------------------------
    listed(event_edit("1988", "zgc", "entity", "beijing", "entity")),
    event_edit("2023-08-30", "xiongan_zgc_science_park", "entity", "zgc", "entity"),
    listed(event_edit("2016", "zgc", "entity", "zhongguancun", "entity")),
    event_edit("2020", "baai", "entity", "beijing", "entity"),
    event_edit("2009", "zgc", "date", "2008", "year"),
    event_edit("1999", "zgc", "quote", "1999年成为首个国家级科技园区", "quote"),
    event_edit("2021", "baai", "date", "2019", "year", "“悟道2.0”发布"),
    # --- claims ----------------------------------------------------------------------
    listed(
        claim_edit(
            "invention_patents_nearly_doubled",
            "quote",
            "这一数量已增长一倍",
            "quote",
            ("", "invention_patents", "zgc", 2023),
        )
    ),
    listed(
        claim_edit(
            "invention_patents_nearly_doubled",
            "definitional",
            "true",
            "claim",
            ("", "invention_patents", "zgc", 2023),
        )
    ),
    listed(
        claim_edit(
            "employees_1_5_times_2013",
            "definitional",
            "false",
            "claim",
            ("", "employees", "zgc", 2022),
        )
    ),
    claim_edit(
        "large_models_share_over_40",
        "low",
        "45",
        "claim",
        ("", "registered_large_models", "zgc", 2024),
    ),
    claim_edit(
        "patents_per_10k_grew_over_fourfold",
        "base_year",
        "2023",
        "claim",
        ("", "patents_per_10k_people", "beijing", 2023),
    ),
    # --- the entities table ----------------------------------------------------------
    entity_edit("zgc", "parent", "china", "parent", listed=True),
    entity_edit("zgc", "parent", "zgc_yizhuang", "parent"),
    entity_edit("baai", "parent", "haidian", "parent"),
    entity_edit("zgc_yizhuang", "aliases_zh", "中关村亦庄园;亦庄园;中关村", "alias"),
    # --- indicators ------------------------------------------------------------------
    Edit(
        "indicator innovation_consortia unit -> firms",
        "indicators.csv",
        (("metric", "innovation_consortia"),),
        "unit",
        "firms",
        ("indicator", "innovation_consortia", "zgc", 2024),
    ),
)

TRUE_EDITS: tuple[Edit, ...] = (
    Edit(
        "a note written",
        "metrics.csv",
        m("high_tech_firms", "zgc", 2022),
        "note",
        "national high-tech firms",
    ),
    Edit("a note changed", "metrics.csv", m("area", "zgc", 2024), "note", "current in April 2024"),
    Edit(
        "a value in another notation",
        "metrics.csv",
        m("high_tech_firms", "zgc", 2022),
        "value",
        "16000.0",
    ),
    Edit(
        "a value in exponent notation", "metrics.csv", m("revenue", "zgc", 2014), "value", "3.6e12"
    ),
    Edit(
        "a wider figure text",
        "metrics.csv",
        m("national_tech_transfer_institutions", "zgc", 2022),
        "figure",
        "国家技术转移机构51家",
    ),
    Edit(
        "a shorter entity quote",
        "metrics.csv",
        m("wudao_2_parameters", "baai", 2021),
        "entity_quote",
        "北京智源研究院",
    ),
    Edit("narrower bounds", "metrics.csv", m("invention_patents", "zgc", 2023), "year_max", "2023"),
    Edit("a claim's note", "claims.csv", (("claim_id", "revenue_rose"),), "note", "rose"),
    Edit(
        "an event's note", "events.csv", (("date", "1988"), ("entity", "zgc")), "note", "the first"
    ),
    Edit("an entity's English name", "entities.csv", (("entity", "baqis"),), "name_en", "BAQIS"),
    Edit(
        "an indicator's description",
        "indicators.csv",
        (("metric", "area"),),
        "description",
        "Area.",
    ),
)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped data with the columns of issue 17, once."""
    folder = tmp_path_factory.mktemp("shipped")
    provenance_copy(folder)
    return folder


def planted(base: Path, folder: Path, edit: Edit) -> Path:
    """``base`` copied to ``folder`` with ``edit`` applied; its metrics.csv."""
    for path in base.iterdir():
        shutil.copyfile(path, folder / path.name)
    path = folder / edit.file
    rows = read_rows(path)
    matching = [row for row in rows if all(row[k] == v for k, v in edit.where)]
    assert len(matching) == 1, f"{edit.name}: {len(matching)} rows match"
    assert edit.column in matching[0], f"{edit.name}: no column {edit.column}"
    assert matching[0][edit.column] != edit.new, f"{edit.name}: nothing changes"
    matching[0][edit.column] = edit.new
    write_rows(path, rows)
    return folder / "metrics.csv"


def failures(path: Path) -> list[Finding]:
    frame = check.run(Dataset.open(str(path)), ARTICLE).frame
    failed = frame[frame["result"] == "fail"]
    return [
        (
            str(row["check"]),
            str(row["metric"]),
            str(row["entity"]),
            None if str(row["year"]) in ("<NA>", "nan", "None") else int(row["year"]),
        )
        for row in failed.to_dict("records")
    ]


def on_the_edited_row(edit: Edit, found: list[Finding]) -> bool:
    """The edit's own finding is there, and every other is on the same row or a claim
    (an edit of the entities table: on that table or the edited entity's rows)."""
    assert edit.caught is not None
    row, entity = edit.caught[1:], edit.caught[2]

    def allowed(finding: Finding) -> bool:
        if finding[1:] == row or finding[0] == "claim":
            return True
        return edit.file == "entities.csv" and (
            finding[1] == "entities" or finding[2] in (entity, edit.new)
        )

    return edit.caught in found and all(allowed(finding) for finding in found)


def caught(base: Path, folder: Path, edit: Edit) -> tuple[bool, list[Finding]]:
    found = failures(planted(base, folder, edit))
    return on_the_edited_row(edit, found), found


def test_the_unedited_copy_passes(base: Path) -> None:
    assert failures(base / "metrics.csv") == []


@pytest.mark.parametrize("edit", [e for e in ERRORS if e.listed], ids=lambda e: e.name)
def test_each_error_the_issue_lists_is_caught_on_its_row(
    base: Path, tmp_path: Path, edit: Edit
) -> None:
    held, found = caught(base, tmp_path, edit)
    assert held, (edit.caught, found)


@pytest.mark.parametrize("edit", TRUE_EDITS, ids=lambda e: e.name)
def test_true_edits_still_pass(base: Path, tmp_path: Path, edit: Edit) -> None:
    assert failures(planted(base, tmp_path, edit)) == []


def _each(base: Path, tmp_path: Path) -> Iterator[tuple[Edit, bool, list[Finding]]]:
    for index, edit in enumerate(ERRORS):
        folder = tmp_path / str(index)
        folder.mkdir()
        yield edit, *caught(base, folder, edit)


# The whole table (113 edits, ~13 s in one process) is the slow tier's: the fast tier runs
# every edit the issue lists and every true edit, each a case of its own.
@pytest.mark.slow
def test_the_planted_errors_are_caught(base: Path, tmp_path: Path) -> None:
    """At least 70 edits, at least 95 % caught on their rows; the share is printed and
    written to planted_errors.csv beside the test's files."""
    results = list(_each(base, tmp_path))
    escaped = [(edit.name, found) for edit, held, found in results if not held]
    share = 1 - len(escaped) / len(results)
    print(f"\nplanted errors: {len(results) - len(escaped)} of {len(results)} caught ({share:.1%})")
    for name, found in escaped:
        print(f"  escaped: {name}: {found}")
    with (tmp_path / "planted_errors.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["edit", "caught", "findings"])
        for edit, held, found in results:
            writer.writerow([edit.name, held, found])
    assert len(results) >= 70
    assert share >= 0.95, escaped
