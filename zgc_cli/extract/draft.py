"""A text's extraction as a result: the draft's rows in the data's columns, and its package.

The frame's columns are the shipped data's (``metric, entity, year, value, unit, status,
qualifier, quote, note, year_basis``), then the provenance columns of the schema
(``figure, low, high, year_min, year_max, entity_quote, note_zh``), then the draft's
``name_zh, name_en`` and the ``paragraph`` each figure is in. Sidecars make the draft
data zgc reads like the shipped data: ``indicators.csv`` (the draft names),
``entities.csv`` (the places its rows name, with their parents) and ``datapackage.json``
(the article's title, date and address, so that ``zgc cite`` works on it).
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from zgc_cli.errors import DataError
from zgc_cli.extract.core import Options, Row, extract_rows_and_claims
from zgc_cli.extract.dating import Undated
from zgc_cli.extract.passages import OTHER_NAMES, Places
from zgc_cli.extract.reading import Document
from zgc_cli.model.schema import (
    ENTITY_COLUMNS,
    INDICATOR_COLUMNS,
    OBSERVATION_COLUMNS,
    PROVENANCE_COLUMNS,
    QUALIFIERS,
    STATUSES,
)
from zgc_cli.stats.results import Result
from zgc_cli.words import phrase

DRAFT_COLUMNS: tuple[str, ...] = (
    *OBSERVATION_COLUMNS,
    "year_basis",
    *PROVENANCE_COLUMNS,
    "name_zh",
    "name_en",
    "paragraph",
)
# The shipped claims.csv's columns: a growth sentence's claim (比2022年增长14.9%).
CLAIM_COLUMNS: tuple[str, ...] = (
    "claim_id", "kind", "metric", "entity", "year", "base_metric", "base_entity", "base_year",
    "low", "high", "low_inclusive", "high_inclusive", "quote", "note", "note_zh", "definitional",
)  # fmt: skip
# Marks a data package as written by zgc extract: its sidecars may be replaced.
PACKAGE_MARK = "zgc-extract-draft"
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_ID = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class ExtractResult(Result):
    """The draft observations of one text (``zgc extract``).

    Attributes:
        label: the input's name in messages.
        text: the text the quotes come from.
        paragraphs: each paragraph's (start, end) offsets in ``text``.
        spans: each row's figure as (paragraph number, start, end) in ``text``, in frame order.
        status_counts, qualifier_counts: rows by status and by qualifier, in the schema's order.
        entity_names: the places' names by id and language.
        package: the draft's data package (``datapackage.json``).
        indicators: the draft's ``indicators.csv``.
        entities: the draft's ``entities.csv``.
        claims: the draft's ``claims.csv``: each growth sentence with a named base year.
    """

    label: str = ""
    text: str = ""
    paragraphs: tuple[tuple[int, int], ...] = ()
    spans: tuple[tuple[int, int, int], ...] = ()
    status_counts: dict[str, int] = field(default_factory=dict)
    qualifier_counts: dict[str, int] = field(default_factory=dict)
    entity_names: dict[str, dict[str, str]] = field(default_factory=dict)
    package: dict[str, object] = field(default_factory=dict)
    indicators: pd.DataFrame = field(default_factory=pd.DataFrame)
    entities: pd.DataFrame = field(default_factory=pd.DataFrame)
    claims: pd.DataFrame = field(default_factory=pd.DataFrame)


def check_options(published: str, entity: str) -> None:
    """Refuse a --published that is no date and an --entity that is no id, in one line."""
    if published and not _DATE.match(published):
        raise DataError(phrase("extract.bad_published", value=published))
    if entity and not _ID.match(entity):
        raise DataError(phrase("extract.bad_entity", value=entity))


def known_place(places: Places, entity: str) -> str:
    """``--entity 北京``: the id of the one known place of that name; else as given (a new id)."""
    from zgc_cli.model.names import NameIndex, named_ids

    found = NameIndex(named_ids(places.rows, "entity")).candidates(entity) if entity else ()
    return found[0] if len(found) == 1 else entity


def places_from(texts: list[tuple[str, str]]) -> Places:
    """The places of entities tables given as (label, text); each needs entity and aliases_zh."""
    for label, text in texts:
        header = next(csv.reader(io.StringIO(text)), [])
        if "entity" not in header or "aliases_zh" not in header:
            raise DataError(phrase("extract.entities_columns", label=label))
    return Places.from_csv([text for _, text in texts])


def _frame(rows: list[Row]) -> pd.DataFrame:
    records = [{name: getattr(row, name) for name in DRAFT_COLUMNS} for row in rows]
    frame = pd.DataFrame.from_records(records, columns=list(DRAFT_COLUMNS))
    for name in ("low", "high"):
        frame[name] = frame[name].astype("float64")
    for name in ("year_min", "year_max"):
        frame[name] = frame[name].astype("Int64")
    frame["year"] = frame["year"].astype("int64")
    frame["value"] = frame["value"].astype("float64")
    return frame


def _package(
    document: Document, title: str, url: str, published: str, path: str
) -> dict[str, object]:
    source: dict[str, str] = {"title": title or document.title or document.label}
    if url:
        source["path"] = url
    if published:
        source["date"] = published
    stem = re.sub(r"[^a-z0-9]+", "-", (path or document.label).lower()).strip("-") or "draft"
    return {
        "profile": "tabular-data-package",
        "name": f"{stem}-draft"[:64],
        "title": source["title"],
        "description": "Draft observations found by zgc extract, to be reviewed: every figure "
        "of the text with its passage; ids and names are drafts.",
        "version": "0.1.0",
        PACKAGE_MARK: True,
        "sources": [source],
        "resources": [{"name": "metrics", "path": path or "draft.csv", "format": "csv"}],
    }


def _indicators(rows: list[Row]) -> pd.DataFrame:
    seen: dict[str, dict[str, str]] = {}
    for row in rows:
        if row.metric not in seen:
            seen[row.metric] = {
                "metric": row.metric,
                "name_en": row.name_en or row.metric.replace("_", " ").capitalize(),
                "name_zh": row.name_zh or row.name_en or row.metric,
                "unit": row.unit,
                "category": "draft",
                "description": row.figure,
            }
    return pd.DataFrame(list(seen.values()), columns=list(INDICATOR_COLUMNS))


def _entities(rows: list[Row], places: Places) -> pd.DataFrame:
    by_id = {(r.get("entity") or "").strip(): r for r in places.rows}
    wanted: list[str] = []
    for entity in (row.entity for row in rows):
        while entity and entity not in wanted:
            wanted.append(entity)
            entity = (by_id.get(entity) or {}).get("parent") or ""
    records = [
        {name: (by_id.get(entity) or {"entity": entity}).get(name, "") for name in ENTITY_COLUMNS}
        for entity in wanted
    ]
    for record in records:
        # The Chinese names extract knows a place by beyond the table (北京经济技术开发区), so
        # that verify reads the draft's passages as extract did.
        said = [a for a in (record.get("aliases_zh") or "").split(";") if a]
        more = [n for n in OTHER_NAMES.get(record["entity"], ()) if not n.isascii()]
        record["aliases_zh"] = ";".join(dict.fromkeys([*said, *more]))
    return pd.DataFrame(records, columns=list(ENTITY_COLUMNS))


def extract(
    document: Document,
    places: Places,
    *,
    published: str = "",
    entity: str = "",
    title: str = "",
    url: str = "",
    output_name: str = "",
) -> ExtractResult:
    """The draft observations of a document, as a result for a view or a pipe."""
    try:
        rows, claims = extract_rows_and_claims(document.text, Options(places, published, entity))
    except Undated:
        raise DataError(phrase("extract.no_year", label=document.label)) from None
    entities = _entities(rows, places)
    names = {
        str(record["entity"]): {"en": str(record["name_en"]), "zh": str(record["name_zh"])}
        for record in entities.to_dict("records")
    }
    statuses = Counter(row.status for row in rows)
    qualifiers = Counter(row.qualifier for row in rows)
    return ExtractResult(
        frame=_frame(rows),
        label=document.label,
        text=document.text,
        paragraphs=tuple(extract_paragraphs(document.text)),
        spans=tuple((row.paragraph, row.start, row.end) for row in rows),
        status_counts={name: statuses[name] for name in STATUSES if statuses[name]},
        qualifier_counts={name: qualifiers[name] for name in QUALIFIERS if qualifiers[name]},
        entity_names=names,
        package=_package(document, title, url, published, output_name),
        indicators=_indicators(rows),
        entities=entities,
        claims=pd.DataFrame(claims, columns=list(CLAIM_COLUMNS)),
    )


def extract_paragraphs(text: str) -> list[tuple[int, int]]:
    from zgc_cli.extract.passages import paragraphs

    return paragraphs(text)


def run(
    path: str,
    entities_files: list[str],
    *,
    published: str = "",
    entity: str = "",
    title: str = "",
    url: str = "",
    output_name: str = "",
) -> ExtractResult:
    """``zgc extract``: read a file (``-``: stdin) and the places, and extract its figures.

    The places are the shipped ``entities.csv`` and each ``--entities`` file.
    """
    from zgc_cli.extract.reading import read_document
    from zgc_cli.model.schema import ENTITIES_FILE
    from zgc_cli.model.sources import shipped_data_dir
    from zgc_cli.model.textio import read_text

    check_options(published, "")
    shipped = shipped_data_dir() / ENTITIES_FILE
    tables = [read_text(str(shipped), phrase("what.entities"))]
    tables += [read_text(name, phrase("what.entities")) for name in entities_files]
    places = places_from(tables)
    entity = known_place(places, entity)
    check_options("", entity)
    document = read_document(path)
    return extract(
        document,
        places,
        published=published,
        entity=entity,
        title=title,
        url=url,
        output_name=output_name,
    )


def sidecars(result: ExtractResult) -> dict[str, str]:
    """The files written beside a draft (``-o draft.csv``): name -> text."""
    import json

    files = {
        "datapackage.json": json.dumps(result.package, ensure_ascii=False, indent=2) + "\n",
        "indicators.csv": result.indicators.to_csv(index=False, lineterminator="\n"),
        "entities.csv": result.entities.to_csv(index=False, lineterminator="\n"),
    }
    if not result.claims.empty:
        files["claims.csv"] = result.claims.to_csv(index=False, lineterminator="\n")
    return files


def may_replace_sidecars(folder: str) -> bool:
    """Whether the folder holds no data package, or one that zgc extract wrote."""
    import json
    from pathlib import Path

    package = Path(folder) / "datapackage.json"
    if not package.exists():
        return not any((Path(folder) / name).exists() for name in ("indicators.csv", "claims.csv"))
    try:
        return bool(json.loads(package.read_text(encoding="utf-8")).get(PACKAGE_MARK))
    except (OSError, ValueError, AttributeError):
        return False
