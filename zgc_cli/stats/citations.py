"""What a citation of a figure needs: the figure, its passage, the publication and the data's hash.

``zgc cite`` and the HTML report cite one figure at a time: each
:class:`CitedFigure` carries the observation (value, status, qualifier, how its
year is known, the verbatim passage), the publication it comes from (the first
source of the data package beside the data, as :class:`~zgc_cli.model.dataset.Publication`
has it) and the data file's version and SHA-256, so a reader can check that the
figure cited is the one shipped. Formatting it in a style is
:mod:`zgc_cli.present.citations`' job.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from zgc_cli.errors import ZgcError
from zgc_cli.model.schema import OBSERVATIONS_FILE
from zgc_cli.model.sources import DataSource
from zgc_cli.model.textio import read_bytes
from zgc_cli.phrases import Listed, phrase
from zgc_cli.stats.results import Result
from zgc_cli.stats.select import UnknownSelectionError, available_years, select

if TYPE_CHECKING:
    from zgc_cli.model.dataset import Dataset, Publication

# Authors as a data package lists them: "郭奔胜, 王明浩" or "A; B" or "A and B".
_AUTHOR_SEPARATORS = re.compile(r"\s*(?:[,，、;；]|\band\b)\s*")
# "2024", "2024-04", "2024-04-25": the parts a citation's date has.
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")
# A name with its other-language name after it: "《瞭望》新闻周刊 (Outlook Weekly)".
_ALTERNATE_NAME = re.compile(r"^(?P<name>.+?)\s*[(（](?P<other>[^()（）]+)[)）]$")


@dataclass(frozen=True)
class CitedWork:
    """The publication a figure comes from.

    Attributes:
        title: the article's title, as the data package gives it.
        periodical: the periodical's name as given (``《瞭望》新闻周刊 (Outlook Weekly)``).
        periodical_name: that name without an other-language name in brackets after it.
        periodical_other_name: the name in brackets (``Outlook Weekly``), or ''.
        authors: the authors, one name each, in order.
        date: the publication date as given (``2024-04``).
        date_parts: that date as numbers (``(2024, 4)``), or () when it is not a date.
        url: where the article can be read (the source's ``path``), or ''.
    """

    title: str = ""
    periodical: str = ""
    periodical_name: str = ""
    periodical_other_name: str = ""
    authors: tuple[str, ...] = ()
    date: str = ""
    date_parts: tuple[int, ...] = ()
    url: str = ""

    @property
    def year(self) -> int | None:
        return self.date_parts[0] if self.date_parts else None


@dataclass(frozen=True)
class DataVersion:
    """Which data the figure was read from, to check it against.

    Attributes:
        name: the data package's name (or the file's name when there is no package).
        version: the data package's version, or ''.
        file_name: the observations file's name (``metrics.csv``), or ``<stdin>``.
        sha256: the hex SHA-256 of the file's bytes, or '' for standard input.
    """

    name: str = ""
    version: str = ""
    file_name: str = ""
    sha256: str = ""


@dataclass(frozen=True)
class CitedFigure:
    """One figure with everything its citation says.

    Attributes:
        metric, entity, year, value, unit: the observation.
        status: reported, estimate or derived.
        qualifier: exact, or the bound the wording gives (more_than, nearly...).
        year_basis: stated, inferred or publication ('' when the data has no such column).
        quote: the verbatim passage, or ''.
        note: the data's own note on the figure, or ''.
        note_zh: the note in Chinese, or '' (when the data has none).
        indicator_names, entity_names: names by language (``{"en": ..., "zh": ...}``).
        work: the publication.
        data: the data file's version and hash.
        accessed: the date the citation was made (ISO), for online sources.
    """

    metric: str
    entity: str
    year: int
    value: float
    unit: str = ""
    status: str = ""
    qualifier: str = ""
    year_basis: str = ""
    quote: str = ""
    note: str = ""
    note_zh: str = ""
    indicator_names: Mapping[str, str] = field(default_factory=dict)
    entity_names: Mapping[str, str] = field(default_factory=dict)
    work: CitedWork = field(default_factory=CitedWork)
    data: DataVersion = field(default_factory=DataVersion)
    accessed: str = ""

    @property
    def key(self) -> str:
        """An id for the citation (BibTeX key, RIS ID, CSL id): ``revenue:zgc:2023``.

        One figure, one key: ids with other characters are escaped reversibly.
        """
        return ":".join(_key_part(part) for part in (self.metric, self.entity, str(self.year)))


_NOT_IN_KEY = re.compile(r"[^A-Za-z0-9_-]")


def _key_part(text: str) -> str:
    """An id as a key holds it: any other character as ``.HEX.`` (中 is ``.4e2d.``).

    Reversible, so two ids never share a key (dashes for every other character
    made ``北京`` and ``上海`` one key); a dot and a colon are escaped too.
    """
    return _NOT_IN_KEY.sub(lambda found: f".{ord(found.group()):x}.", text)


@dataclass(frozen=True)
class CitationsResult(Result):
    """The figures cited, in order: by metric, entity, then year (``zgc cite``).

    Attributes:
        figures: one :class:`CitedFigure` per row of ``frame``.
    """

    figures: tuple[CitedFigure, ...] = ()


def cited_work(publication: Publication, url: str = "") -> CitedWork:
    """A publication as a citation needs it: authors split, date parsed, names apart."""
    found = _ALTERNATE_NAME.match(publication.publisher.strip())
    name, other = (
        (found["name"], found["other"].strip()) if found else (publication.publisher.strip(), "")
    )
    parts = date_parts(publication.date)
    authors = tuple(name for name in _AUTHOR_SEPARATORS.split(publication.authors.strip()) if name)
    return CitedWork(
        title=publication.title.strip(),
        periodical=publication.publisher.strip(),
        periodical_name=name,
        periodical_other_name=other,
        authors=authors,
        date=publication.date.strip(),
        date_parts=parts,
        url=url,
    )


def date_parts(date: str) -> tuple[int, ...]:
    """A date's year, month and day, as far as it gives them and they are real.

    ``2024-04`` is (2024, 4); a month or day out of range is dropped; any other
    text with a four-digit year in it ("spring 2024") gives that year; none, ().
    """
    found = _DATE.match(date.strip())
    if found is None:
        year = re.search(r"(?<!\d)(\d{4})(?!\d)", date)
        return (int(year.group(1)),) if year else ()
    parts = [int(part) for part in found.groups() if part]
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        return (parts[0],)
    if len(parts) > 2:
        try:
            datetime.date(parts[0], parts[1], parts[2])
        except ValueError:
            return (parts[0], parts[1])
    return tuple(parts)


def source_url(package: Mapping[str, object] | None) -> str:
    """The first source's ``path`` when it is a web address (Data Package's field for it)."""
    sources = (package or {}).get("sources")
    if isinstance(sources, list) and sources and isinstance(sources[0], dict):
        path = str(sources[0].get("path", "") or "")
        if path.startswith(("http://", "https://")):
            return path
    return ""


def data_version(dataset: Dataset) -> DataVersion:
    """The first source's package name and version, and its observations file's SHA-256."""
    return source_version(dataset.source, dataset.package)


def source_version(source: DataSource, package: Mapping[str, object] | None) -> DataVersion:
    """A source's package name and version, and the SHA-256 of its observations file's bytes."""
    package = package or {}
    if source.is_stdin:
        file_name, digest = "<stdin>", ""  # already read: there is nothing left to hash
    else:
        file_name = Path(source.path).name if not source.shipped else OBSERVATIONS_FILE
        digest = hashlib.sha256(read_bytes(source.path)[1]).hexdigest()
    return DataVersion(
        name=str(package.get("name", "") or file_name),
        version=str(package.get("version", "") or ""),
        file_name=file_name,
        sha256=digest,
    )


def _credits(
    dataset: Dataset, source: DataSource, named: str = ""
) -> tuple[CitedWork, DataVersion]:
    """What a figure from ``source`` is cited as: its own package's publication and file.

    ``named``: the row's own ``publication`` among its package's sources (a later
    source's rows come from several publications), else the package's first.
    """
    from zgc_cli.stats.vintages import named_publication

    package, publication = dataset.package_of(source), dataset.publication_of(source)
    url = source_url(package)
    if named:
        publication, url = named_publication(package, named, publication, url)
    if publication is None:
        raise ZgcError(phrase("cite.no_package", label=source.label))
    return cited_work(publication, url), source_version(source, package)


def cite(
    dataset: Dataset,
    metric: str | None,
    year: int | None = None,
    entities: Sequence[str] | None = None,
    today: datetime.date | None = None,
) -> CitationsResult:
    """The figures of ``metric`` (in ``year``, for ``entities``) ready to cite.

    Without a year, every year of the series; without entities, every entity;
    with ``metric`` None, every figure of the data (the HTML report's, hashed once),
    ordered by metric, entity and year.

    Raises:
        UnknownSelectionError: a metric, entity or year the data does not have
            (with the near matches).
        ZgcError: the data has no data package naming its source.
    """
    from zgc_cli.stats.naming import entity_ids, metric_id
    from zgc_cli.stats.select import metadata_by_metric

    metric = metric_id(dataset, metric) if metric is not None else None
    entities = entity_ids(dataset, entities)
    metrics = [metric] if metric is not None else None
    rows = select(dataset.frame, metrics=metrics, entities=entities, indicators=dataset.indicators)
    if year is not None:
        years = available_years(rows)
        if year not in years:
            which = (
                phrase("select.which_metric", metric=metric)
                if metric
                else phrase("select.which_data")
            )
            if entities:
                which = phrase("select.which_entities", which=which, entities=Listed(entities))
            available = Listed(years, quoted=False)
            raise UnknownSelectionError(
                phrase("select.no_figure_year_in", which=which, year=year, available=available)
            )
        rows = rows[rows["year"] == year]
    # Each figure is credited to the source it comes from (several --data: each its own
    # package, file and hash), each source's package read and file hashed once.
    credits: dict[tuple[int, str], tuple[CitedWork, DataVersion]] = {}
    origin_of: dict[int, tuple[int, str]] = {}
    own = rows["publication"] if "publication" in rows.columns else None
    for row in rows.index:
        source = dataset.source_of_row(int(row))
        named = "" if own is None or not isinstance(own[row], str) else own[row]
        origin = (dataset.sources.index(source), named)
        origin_of[int(row)] = origin
        if origin not in credits:
            credits[origin] = _credits(dataset, source, named)
    if not credits:  # nothing selected: the first source's credits (an empty result)
        credits[(0, "")] = _credits(dataset, dataset.source)
    metadata = metadata_by_metric(dataset.indicators)
    indicator_names = {
        name: {"en": row.get("name_en", ""), "zh": row.get("name_zh", "")}
        for name, row in metadata.items()
    }
    entity_names = dataset.entity_names()
    accessed = (today or datetime.date.today()).isoformat()
    ordered = rows.sort_values(["metric", "entity", "year"], kind="stable")
    origins = [origin_of.get(int(row), (0, "")) for row in ordered.index]
    ordered = ordered.reset_index(drop=True)
    figures = tuple(
        CitedFigure(
            metric=str(row["metric"]),
            entity=str(row["entity"]),
            year=int(row["year"]),
            value=float(row["value"]),
            unit=str(row.get("unit", "") or ""),
            status=str(row.get("status", "") or ""),
            qualifier=str(row.get("qualifier", "") or ""),
            year_basis=str(row.get("year_basis", "") or ""),
            quote=str(row.get("quote", "") or ""),
            note=str(row.get("note", "") or ""),
            note_zh=str(row.get("note_zh", "") or ""),
            indicator_names=indicator_names.get(str(row["metric"]), {}),
            entity_names=entity_names.get(str(row["entity"]), {}),
            work=credits[origin][0],
            data=credits[origin][1],
            accessed=accessed,
        )
        for row, origin in zip(ordered.to_dict("records"), origins, strict=True)
    )
    return CitationsResult(ordered, figures=figures)
