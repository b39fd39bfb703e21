"""The data packages as the Data Package standard (v2) says: contributors with roles, each
resource's dialect, licences, SHA-256 (the one citations quote) and size; and
``zgc export --package DIR``, a valid package of the user's selection, never over an input."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from zgc_cli.cli import app
from zgc_cli.model.dataset import Dataset, publication_of
from zgc_cli.stats.citations import cite

frictionless = pytest.importorskip("frictionless")
runner = CliRunner()
DATA = Path(__file__).resolve().parent.parent / "data"
PACKAGES = [DATA / "datapackage.json", DATA / "sources" / "beijing-2024" / "datapackage.json"]


def descriptor(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def invalid_types(path: Path) -> set[str]:
    report = frictionless.validate(path)
    return {error[0] for error in report.flatten(["type"])} if not report.valid else set()


@pytest.mark.parametrize("path", PACKAGES, ids=lambda path: path.parent.name)
def test_each_resource_declares_its_dialect_licences_hash_and_size(path: Path) -> None:
    package = descriptor(path)
    assert package["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert all(contributor["roles"] for contributor in package["contributors"])
    for resource in package["resources"]:
        data = (path.parent / resource["path"]).read_bytes()
        assert resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
        assert resource["bytes"] == len(data)
        assert resource["licenses"] == package["licenses"]
        assert resource["dialect"]["delimiter"] == ","
        assert resource["dialect"]["lineTerminator"] == ("\r\n" if b"\r\n" in data else "\n")
    assert invalid_types(path) == set()


def test_a_changed_byte_breaks_the_declared_hash(tmp_path: Path) -> None:
    folder = tmp_path / "package"
    folder.mkdir()
    for name in ("datapackage.json", "metrics.csv", "indicators.csv"):
        (folder / name).write_bytes((PACKAGES[1].parent / name).read_bytes())
    metrics = folder / "metrics.csv"
    metrics.write_bytes(metrics.read_bytes().replace(b"8700000000000", b"8700000000001"))
    assert "hash-count" in invalid_types(folder / "datapackage.json")


def test_a_citation_quotes_the_hash_the_package_declares() -> None:
    [cited] = cite(Dataset.open(), "revenue", 2014).figures
    [metrics] = [r for r in descriptor(PACKAGES[0])["resources"] if r["name"] == "metrics"]
    assert metrics["hash"] == f"sha256:{cited.data.sha256}"


def test_authors_come_from_contributors_and_still_from_a_sources_authors() -> None:
    standard = {
        "sources": [{"title": "T", "publisher": "P"}, {"title": "Later"}],
        "contributors": [
            {"title": "A", "roles": ["author"]},
            {"title": "Maker", "roles": ["creator"]},
            {"title": "B", "role": "author"},  # v1's single role
        ],
    }
    publication = publication_of(standard)
    assert publication is not None and publication.authors == "A, B"
    later = publication_of(standard, name="")
    assert later is not None and later.title == "T"
    older = {
        "sources": [{"title": "T", "authors": "X, Y"}],
        "contributors": standard["contributors"],
    }
    kept = publication_of(older)
    assert kept is not None and kept.authors == "X, Y"


# --- zgc export --package -----------------------------------------------------------------


def export_package(folder: Path, *options: str) -> Any:
    return runner.invoke(app, ["export", *options, "--package", str(folder)])


def test_export_package_is_valid_and_its_data_is_the_selection(
    later_sources: None, tmp_path: Path
) -> None:
    folder = tmp_path / "revenue"
    result = export_package(folder, "-m", "revenue", "-m", "patents_per_10k_people")
    assert result.exit_code == 0, result.stderr
    assert str(folder / "metrics.csv") in result.stderr
    assert invalid_types(folder / "datapackage.json") == set()
    as_csv = runner.invoke(
        app, ["export", "-m", "revenue", "-m", "patents_per_10k_people", "-f", "csv"]
    )
    assert (folder / "metrics.csv").read_bytes() == as_csv.stdout.encode("utf-8")
    package = descriptor(folder / "datapackage.json")
    [resource] = package["resources"]
    data = (folder / "metrics.csv").read_bytes()
    assert resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
    assert resource["schema"]["primaryKey"] == ["metric", "entity", "year"]
    # The publications of both packages, so each row's `publication` names one of them.
    names = {source.get("name") for source in package["sources"]}
    assert {"bjrd-2024-07-24", "press-2024-09-30"} <= names
    assert [c["title"] for c in package["contributors"] if "author" in c["roles"]][0] == "郭奔胜"
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    # zgc reads it back as data, and cites from it with the hash it declares.
    again = runner.invoke(app, ["export", "--data", str(folder / "metrics.csv"), "-f", "csv"])
    assert again.stdout == as_csv.stdout
    [cited] = cite(Dataset.open([str(folder / "metrics.csv")]), "revenue", 2014).figures
    assert resource["hash"] == f"sha256:{cited.data.sha256}"


def test_a_constraint_the_selection_breaks_is_not_declared(
    later_sources: None, tmp_path: Path
) -> None:
    # The later publication ships no passages: the article's `quote` is required, not theirs.
    folder = tmp_path / "both"
    assert export_package(folder, "-m", "revenue").exit_code == 0
    fields = {
        f["name"]: f
        for f in descriptor(folder / "datapackage.json")["resources"][0]["schema"]["fields"]
    }
    assert "required" not in fields["quote"].get("constraints", {})
    assert fields["status"]["constraints"]["enum"] == ["reported", "estimate", "derived"]
    assert invalid_types(folder / "datapackage.json") == set()
    # Edited to break a constraint it declares, the package is invalid: they are checked.
    metrics = folder / "metrics.csv"
    metrics.write_text(metrics.read_text(encoding="utf-8").replace(",reported,", ",final,", 1))
    assert "constraint-error" in invalid_types(folder / "datapackage.json")


def test_a_users_file_makes_a_package_with_its_own_columns(tmp_path: Path) -> None:
    data = tmp_path / "mine.csv"
    data.write_text("metric,year,value,extra\nm,2014,1.5,x\nm,2015,2,\n", encoding="utf-8")
    folder = tmp_path / "out"
    assert export_package(folder, "--data", str(data)).exit_code == 0
    package = descriptor(folder / "datapackage.json")
    fields = package["resources"][0]["schema"]["fields"]
    assert [(f["name"], f["type"]) for f in fields] == [
        ("metric", "string"),
        ("year", "integer"),
        ("value", "number"),
        ("extra", "string"),
    ]
    assert "sources" not in package  # nothing is known of where the figures come from
    assert invalid_types(folder / "datapackage.json") == set()


def test_export_package_never_writes_over_an_input(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    data = folder / "metrics.csv"
    data.write_text("metric,year,value\nm,2014,1\n", encoding="utf-8")
    before = data.read_bytes()
    result = export_package(folder, "--data", str(data))
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "refusing to write" in result.stderr
    assert data.read_bytes() == before
    assert not (folder / "datapackage.json").exists()
    shipped = export_package(DATA)
    assert shipped.exit_code == 1 and "shipped data" in shipped.stderr


def test_export_package_replaces_a_package_whole_and_refuses_other_outputs(tmp_path: Path) -> None:
    folder = tmp_path / "pkg"
    assert export_package(folder, "-m", "revenue").exit_code == 0
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    assert export_package(folder, "-m", "employees").exit_code == 0
    assert b"employees" in (folder / "metrics.csv").read_bytes()
    assert b"revenue," not in (folder / "metrics.csv").read_bytes()
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert sorted(path.name for path in folder.iterdir()) == [
        "datapackage.json",
        "metrics.csv",
        "notes.txt",
    ]  # no staging folder left behind
    both = runner.invoke(app, ["export", "--package", str(folder), "-o", str(tmp_path / "x.csv")])
    assert both.exit_code == 2 and "--package writes a folder" in both.stderr
    missing = export_package(tmp_path / "no" / "such")
    assert missing.exit_code == 1 and "no folder" in missing.stderr
    (tmp_path / "file").write_text("x", encoding="utf-8")
    on_file = export_package(tmp_path / "file")
    assert on_file.exit_code != 0 and on_file.stderr.count("\n") == 1
