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
from zgc_cli.stats.results import Result
from zgc_cli.stats.select import UnknownSelectionError, available_years, select
from zgc_cli.words import Listed, phrase

if TYPE_CHECKING:
    from zgc_cli.model.dataset import Dataset, Publication

# Authors as a data package lists them: "郭奔胜, 王明浩" or "A; B" or "A and B".
_AUTHOR_SEPARATORS = re.compile(r"\s*(?:[,，、;；]|\band\b)\s*")
# "2024", "2024-04", "2024-04-25": the parts a citation's date has.
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")
# A name with its other-language name after it: "《瞭望》新闻周刊 (Outlook Weekly)".
_ALTERNATE_NAME = re.compile(r"^(?P<name>.+?)\s*[(（](?P<other>[^()（）]+)[)）]$")
# Chinese characters (and full-width forms): a text written in Chinese.
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
ARTICLE = "article-magazine"
# The CSL types a data package's source may name (``type``): those the styles here write.
WORK_KINDS = ("article-magazine", "article-newspaper", "article-journal", "webpage")


@dataclass(frozen=True)
class CitedWork:
    """The publication a figure comes from: one reference, however many of its figures are cited.

    Attributes:
        title: the title in the work's own language (the package's ``title_zh`` for a
            Chinese work where it gives one apart, else its ``title``).
        title_en: the English form of the title where the package gives one apart, or ''.
        periodical: the periodical's name as given (``《瞭望》新闻周刊 (Outlook Weekly)``).
        periodical_name: that name without an English name in brackets after it.
        periodical_other_name: the English name in brackets (``Outlook Weekly``), or ''.
        authors: the authors, one name each, in order.
        date: the publication date as given (``2024-04``).
        date_parts: that date as numbers (``(2024, 4)``), or () when it is not a date.
        url: where the work can be read (the source's ``path``), or ''.
        kind: its CSL type: ``article-magazine`` (the default), ``webpage``, ...
        language: its language tag (``zh-CN``): the package's, else zh-CN where its
            author, title or periodical is written in Chinese characters, else ''.
        issue: the periodical's issue number (期) where the package gives one, else ''.
        key: the reference's id (BibTeX key, RIS ID, CSL id): the source's ``name``
            in its package, else the package's name.
    """

    title: str = ""
    periodical: str = ""
    periodical_name: str = ""
    periodical_other_name: str = ""
    authors: tuple[str, ...] = ()
    date: str = ""
    date_parts: tuple[int, ...] = ()
    url: str = ""
    kind: str = ARTICLE
    title_en: str = ""
    language: str = ""
    issue: str = ""
    key: str = ""

    @property
    def year(self) -> int | None:
        return self.date_parts[0] if self.date_parts else None

    @property
    def container_title(self) -> str:
        """The periodical's name as a reference list holds it: without 书名号.

        《》 mark a title inside running Chinese text; a reference's periodical
        field stands alone (GB/T 7714's examples: 科学通报, 中国青年报).
        """
        return self.periodical_name.replace("《", "").replace("》", "")

    @property
    def is_chinese(self) -> bool:
        return self.language.lower().startswith("zh")


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
        low, high: the strict interval the figure's words and digits allow (None: that
            end unbounded, or, with both None and neither open, no interval known).
        low_open, high_open: that end is excluded (or unbounded).
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
    low: float | None = None
    high: float | None = None
    low_open: bool = False
    high_open: bool = False

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


def cited_work(publication: Publication, url: str = "", key: str = "") -> CitedWork:
    """A publication as a citation needs it: authors split, date parsed, names apart.

    The periodical's name in brackets after it is its English name only when it is
    not itself Chinese (``北京人大网（北京市人大常委会）`` is one name, not a gloss).
    """
    publisher = publication.publisher.strip()
    found = _ALTERNATE_NAME.match(publisher)
    if found and not _CJK.search(found["other"]):
        name, other = found["name"], found["other"].strip()
    else:
        name, other = publisher, ""
    parts = date_parts(publication.date)
    authors = tuple(name for name in _AUTHOR_SEPARATORS.split(publication.authors.strip()) if name)
    given_title, title_zh = publication.title.strip(), publication.title_zh.strip()
    language = publication.language.strip()
    if not language and any(_CJK.search(text) for text in (*authors, name, given_title, title_zh)):
        language = "zh-CN"
    chinese = language.lower().startswith("zh")
    title = title_zh if chinese and title_zh else given_title
    title_en = publication.title_en.strip() or (given_title if title != given_title else "")
    kind = publication.kind.strip()
    return CitedWork(
        title=title,
        periodical=publisher,
        periodical_name=name,
        periodical_other_name=other,
        authors=authors,
        date=publication.date.strip(),
        date_parts=parts,
        url=url,
        kind=kind if kind in WORK_KINDS else ARTICLE,
        title_en=title_en,
        language=language,
        issue=publication.issue.strip(),
        key=_key_part(key or publication.name.strip()),
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
    version = source_version(source, package)
    return cited_work(publication, url, publication.name or version.name), version


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
    indicator_names = dataset.names.of_metrics(metadata)
    entity_names = dataset.names.of_entities()
    accessed = (today or datetime.date.today()).isoformat()
    ordered = rows.sort_values(["metric", "entity", "year"], kind="stable")
    origins = [origin_of.get(int(row), (0, "")) for row in ordered.index]
    ordered = ordered.reset_index(drop=True)
    # A citation says what the words and digits allow, as every table does: 超过14万 is
    # (140000, +∞), a derived 186万 the interval of its operands.
    from zgc_cli.stats.observed import observation_bounds

    strict, _ = observation_bounds(ordered)
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
            low=_finite(strict.low[position]),
            high=_finite(strict.high[position]),
            low_open=bool(strict.low_open[position]) or _finite(strict.low[position]) is None,
            high_open=bool(strict.high_open[position]) or _finite(strict.high[position]) is None,
        )
        for position, (row, origin) in enumerate(
            zip(ordered.to_dict("records"), origins, strict=True)
        )
    )
    return CitationsResult(ordered, figures=figures)


def _finite(number: float) -> float | None:
    """An interval's end as a cited figure carries it: None where it is unbounded."""
    import math

    return float(number) if math.isfinite(number) else None


def cite_each(
    dataset: Dataset,
    selections: Sequence[tuple[str, int | None]],
    entities: Sequence[str] | None = None,
    today: datetime.date | None = None,
) -> CitationsResult:
    """The figures of several ``(metric, year)`` selections, in the order asked, each once.

    ``zgc cite revenue 2014 revenue 2023`` asks for two; a year None is every year
    of that metric. Raises as :func:`cite` does, for the first selection the data lacks.
    """
    import pandas as pd

    results = [cite(dataset, metric, year, entities, today) for metric, year in selections]
    seen: set[str] = set()
    figures: list[CitedFigure] = []
    frames: list[pd.DataFrame] = []
    for result in results:
        for position, cited in enumerate(result.figures):
            if cited.key in seen:
                continue
            seen.add(cited.key)
            figures.append(cited)
            frames.append(result.frame.iloc[[position]])
    frame = pd.concat(frames, ignore_index=True) if frames else results[0].frame
    return CitationsResult(frame, figures=tuple(figures))
