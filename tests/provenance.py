"""The shipped data with the columns of issue 17 (figure, year_min, year_max, entity_quote).

Until data/metrics.csv carries them, :func:`with_provenance` fills them in a copy: the
figure is the one of the quote the row's value and qualifier name (the derived rows' the
scaling figure of their note), the bounds and entity quotes come from the tables below.
A column the shipped file already has is kept as it is.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from zgc_cli.model.figures import parse_figures

REPO = Path(__file__).resolve().parent.parent
SHIPPED_FILES = (
    "metrics.csv",
    "indicators.csv",
    "claims.csv",
    "entities.csv",
    "events.csv",
    "datapackage.json",
)
NEW_COLUMNS = ("figure", "year_min", "year_max", "entity_quote")

# Derived rows: the figure of the quote they are derived from.
DERIVED_FIGURES = {
    ("top10_science_advances_2012_2022", "china", "2022"): "十大",
    ("employees", "zgc", "2013"): "1.5倍",
    ("returnee_employees", "zgc", "2012"): "3倍",
    ("tech_contracts_to_tianjin_hebei", "beijing", "2022"): "14.9%",
    ("tech_contract_value_to_tianjin_hebei", "beijing", "2022"): "109.8%",
}
YEAR_BOUNDS = {
    ("invention_patents", "zgc", "2023"): ("2020", "2024"),
    ("wudao_2_parameters", "baai", "2021"): ("2021", "2021"),
    ("firms_revenue_over_100b", "zgc", "2012"): ("2012", "2012"),
}
ENTITY_QUOTES = {
    "big_data_market_share_rank": "北京市新一代信息技术和生物医药“双发动机”作用凸显",
    "information_security_market_share_rank": "北京市新一代信息技术和生物医药“双发动机”作用凸显",
    "innovative_medical_device_rank": "北京市新一代信息技术和生物医药“双发动机”作用凸显",
    "ai_class3_medical_device_rank": "北京市新一代信息技术和生物医药“双发动机”作用凸显",
    "biomedicine_cluster_firms": "北京市新一代信息技术和生物医药“双发动机”作用凸显",
    "trillion_yuan_industry_clusters": "北京市新一代信息技术和生物医药“双发动机”作用凸显",
    "trillion_yuan_industry_clusters_expected": "北京市新一代信息技术和生物医药“双发动机”作用凸显",
    "biomedicine_industry_scale": "北京市新一代信息技术和生物医药“双发动机”作用凸显",
    "autonomous_driving_test_distance": "在中关村亦庄园设立高级别自动驾驶示范区仅3年多",
    "autonomous_driving_service_trips": "在中关村亦庄园设立高级别自动驾驶示范区仅3年多",
    "wudao_2_parameters": "北京智源研究院就将研究方向锁定大模型",
    "distance_from_beijing": "保定·中关村创新中心投入运营",
}


def figure_of(row: dict[str, str]) -> str:
    key = (row["metric"], row["entity"], row["year"])
    if key in DERIVED_FIGURES:
        return DERIVED_FIGURES[key]
    value = float(row["value"])
    figures = [f for f in parse_figures(row["quote"]) if not f.is_threshold and f.value == value]
    agreeing = [f for f in figures if f.qualifier == row["qualifier"]] or figures
    return agreeing[-1].text if agreeing else ""


def with_provenance(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    if all(name in rows[0] for name in NEW_COLUMNS):
        return rows
    out = []
    for row in rows:
        key = (row["metric"], row["entity"], row["year"])
        low, high = YEAR_BOUNDS.get(key, ("", ""))
        extra = {
            "figure": figure_of(row),
            "year_min": low,
            "year_max": high,
            "entity_quote": ENTITY_QUOTES.get(row["metric"], ""),
        }
        out.append({**row, **{k: v for k, v in extra.items() if k not in row}})
    return out


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_rows(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def provenance_copy(folder: Path) -> Path:
    """The shipped data package copied to ``folder``, with the new columns: its metrics.csv."""
    for name in SHIPPED_FILES:
        shutil.copyfile(REPO / "data" / name, folder / name)
    path = folder / "metrics.csv"
    write_rows(path, with_provenance(read_rows(path)))
    return path
