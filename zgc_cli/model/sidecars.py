"""The metadata a data source keeps beside it (its sidecars), each read on its own.

``indicators.csv`` (names, unit, category, description per metric), ``claims.csv``
(the article's relative claims), ``entities.csv``, ``events.csv`` and
``datapackage.json`` (the publication). A sidecar that is not there is an empty
table (or None); one that is broken is a :class:`DataError` naming its file and line.
:class:`~zgc_cli.model.dataset.Dataset` reads them through these functions.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from zgc_cli.errors import DataError
from zgc_cli.model.readers import LoneSurrogate, loads_json
from zgc_cli.model.schema import (
    CLAIMS_FILE,
    ENTITIES_FILE,
    ENTITY_COLUMNS,
    EVENT_COLUMNS,
    EVENTS_FILE,
    INDICATOR_COLUMNS,
    INDICATORS_FILE,
    PACKAGE_FILE,
)
from zgc_cli.model.sources import DataSource
from zgc_cli.model.textio import read_text
from zgc_cli.phrases import csv_problem, json_problem, phrase


@dataclass(frozen=True)
class Publication:
    """Where a data set's figures come from, as its data package describes it."""

    title: str = ""
    publisher: str = ""
    authors: str = ""
    date: str = ""
    # What a reference needs beyond the line above (all optional in a package's source):
    # its id there, its CSL type, its title in Chinese and in English where the package
    # gives them apart, its language and the periodical's issue number (期).
    name: str = ""
    kind: str = ""
    title_zh: str = ""
    title_en: str = ""
    language: str = ""
    issue: str = ""

    def citation(self) -> str:
        """One line: publisher, date, title, authors (what is known of them)."""
        parts = [self.publisher, self.date, self.title, self.authors]
        return "; ".join(part for part in parts if part)


def _table_problem(label: str, what: str, text: str, error: Exception) -> DataError:
    """Where a metadata CSV that pandas refused goes wrong: the line, and why."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    width = 0
    last_line = 0
    try:
        for row in reader:
            first_line = last_line + 1
            last_line = reader.line_num
            width = width or len(row)
            if len(row) > width:
                return DataError(
                    phrase(
                        "table.ragged",
                        label=label,
                        line=first_line,
                        what=what,
                        fields=len(row),
                        columns=width,
                    )
                )
    except csv.Error as problem:
        where = f"{label}:{last_line + 1}"
        return DataError(
            phrase("table.problem", where=where, what=what, problem=csv_problem(problem))
        )
    words = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    found = re.search(r"\bline (\d+)", words)
    where = f"{label}:{found.group(1)}" if found else label
    return DataError(phrase("table.problem", where=where, what=what, problem=words))


def read_text_table(path: Path, what: str) -> pd.DataFrame:
    """A small metadata CSV, every cell as text; an empty file is an empty table."""
    label, text = read_text(str(path), what)
    try:
        return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except pd.errors.EmptyDataError:
        return pd.DataFrame()
    except (pd.errors.ParserError, ValueError) as error:
        raise _table_problem(label, what, text, error) from None


def load_indicators(source: DataSource) -> pd.DataFrame:
    """Per-metric metadata for a data source, or an empty frame when there is none."""
    frame = load_table(source, INDICATORS_FILE, INDICATOR_COLUMNS, phrase("what.indicators"))
    return frame.drop_duplicates("metric")


def load_package(source: DataSource) -> dict[str, object] | None:
    """The data package beside the data (``datapackage.json``) as a JSON object, if there is one."""
    path = source.sidecar(PACKAGE_FILE)
    if path is None:
        return None
    label, text = read_text(str(path), phrase("what.package"))
    try:
        package = loads_json(text)
    except json.JSONDecodeError as error:
        raise DataError(
            phrase(
                "package.json",
                label=label,
                line=error.lineno,
                problem=json_problem(error.msg),
                column=error.colno,
            )
        ) from None
    except ValueError as error:  # e.g. a number too long to convert
        problem = LoneSurrogate.said() if isinstance(error, LoneSurrogate) else str(error)
        raise DataError(phrase("package.value", label=label, problem=problem)) from None
    if not isinstance(package, dict):
        raise DataError(phrase("package.not_object", label=str(path)))
    return package


def publication_of(
    package: dict[str, object] | None, label: str = "", name: str = ""
) -> Publication | None:
    """The source a data package names ``name`` (a row's ``publication``), else its first."""
    if package is None:
        return None
    sources = package.get("sources") or []
    if not isinstance(sources, list):
        raise DataError(phrase("package.sources", label=label))
    named = [one for one in sources if isinstance(one, dict) and name and one.get("name") == name]
    if named:
        sources = named
    if not sources or not isinstance(sources[0], dict):
        return None
    return publication_from(sources[0], package)


def publication_from(
    source: Mapping[str, object], package: Mapping[str, object] | None = None
) -> Publication:
    """A data package's ``sources`` entry as a :class:`Publication` (absent fields empty).

    Its authors are its own ``authors``, else those ``package`` names as contributors
    (see :func:`source_authors`).
    """

    def text(key: str) -> str:
        value = source.get(key, "")
        return "" if value is None else str(value)

    return Publication(
        title=text("title"),
        publisher=text("publisher"),
        authors=source_authors(package or {}, source),
        date=text("date"),
        name=text("name"),
        kind=text("type"),
        title_zh=text("title_zh"),
        title_en=text("title_en"),
        language=text("language"),
        issue=text("issue"),
    )


def source_authors(package: Mapping[str, object], source: Mapping[str, object]) -> str:
    """A source's authors, joined by ', ': its own ``authors`` (as zgc's packages before
    1.3 and drafts write them), else the package's ``contributors`` whose ``roles`` (or
    v1 ``role``) say ``author``, who wrote its first source."""
    own = source.get("authors")
    if own:
        return str(own)
    sources = package.get("sources")
    if not isinstance(sources, list) or not sources or sources[0] is not source:
        return ""
    contributors = package.get("contributors")
    names: list[str] = []
    for contributor in contributors if isinstance(contributors, list) else []:
        if not isinstance(contributor, Mapping):
            continue
        roles = contributor.get("roles")
        said = roles if isinstance(roles, list) else [contributor.get("role")]
        if "author" in said and contributor.get("title"):
            names.append(str(contributor["title"]))
    return ", ".join(names)


def load_publication(source: DataSource) -> Publication | None:
    """The first source named by the data package beside the data, if there is one."""
    return publication_of(load_package(source), str(source.sidecar(PACKAGE_FILE)))


def load_claims(source: DataSource) -> pd.DataFrame:
    """The article's relative claims kept beside the data (``claims.csv``), or an empty frame."""
    path = source.sidecar(CLAIMS_FILE)
    if path is None:
        return pd.DataFrame()
    return read_text_table(path, phrase("what.claims"))


def _empty(columns: tuple[str, ...]) -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series(dtype="str") for name in columns})


def load_table(
    source: DataSource, file_name: str, columns: tuple[str, ...], what: str
) -> pd.DataFrame:
    """A text sidecar with known columns (missing ones empty), or an empty frame when absent.

    Its first column is its key: a file without it is an error naming the file.
    """
    path = source.sidecar(file_name)
    if path is None:
        return _empty(columns)
    frame = read_text_table(path, what)
    if frame.empty and not len(frame.columns):
        return _empty(columns)
    if columns[0] not in frame.columns:
        raise DataError(phrase("data.missing_column", label=str(path), column=columns[0]))
    for name in columns:
        if name not in frame.columns:
            frame[name] = ""
    return frame


def load_entities(source: DataSource) -> pd.DataFrame:
    """The entities beside the data (``entities.csv``): names, kind, parent; or an empty frame."""
    return load_table(
        source, ENTITIES_FILE, ENTITY_COLUMNS, phrase("what.entities")
    ).drop_duplicates("entity")


def load_events(source: DataSource) -> pd.DataFrame:
    """The dated milestones beside the data (``events.csv``), or an empty frame."""
    return load_table(source, EVENTS_FILE, EVENT_COLUMNS, phrase("what.events"))
