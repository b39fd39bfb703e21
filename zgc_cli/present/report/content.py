"""A report's page in one language: sections of tables whose numbers carry their passages.

Knows no statistics: every number was computed by :mod:`zgc_cli.stats.report`.
The tables are the terminal's own layouts (:mod:`zgc_cli.present.layout`), made
into this page's cells by :mod:`zgc_cli.present.report.sections`; here a layout
cell's observations become the passages a reader opens. The templates lay it out;
they escape every text (Jinja2's autoescape for HTML, :func:`markdown_text` for
Markdown).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from zgc_cli.present.citations import gbt7714_reference, safe_work
from zgc_cli.present.layout import SourceRef
from zgc_cli.present.numbers import marked_number
from zgc_cli.present.safe import visible
from zgc_cli.present.views.common import entity_label, name_in, year_text
from zgc_cli.stats.citations import CitedWork
from zgc_cli.stats.report import Passage, ReportResult
from zgc_cli.words import MESSAGES, Language, data_note, message, profile_of


class Code(str):
    """An id a person types (``revenue``): a code span in Markdown, as ``--format markdown``
    shows it; escaped like any text in HTML."""

    markdown_code = True


@dataclass(frozen=True)
class Source:
    """One observation behind a number: what it is, the passage, and where it was published.

    ``citation`` is the figure's own publication (a later source's) as a reference,
    or '' for the report's publication; ``quote`` is '' where the data ships no passage
    (``missing`` then says why, in the page's language).
    """

    figure: str
    quote: str
    note: str
    year: str = ""
    citation: str = ""
    missing: str = ""


@dataclass(frozen=True)
class Cell:
    """A table cell; a number's cell has the sources it leads to."""

    text: str
    sources: tuple[Source, ...] = ()
    numeric: bool = False
    detail: str = ""  # the id beneath a name, as the terminal shows it
    style: str = ""  # what the figure is (an estimate, a bound): a CSS class

    def hover(self, citation: str) -> str:
        """The tooltip: each source's passage, then the publications they come from.

        Only the sources' own words (passages and references, in their language; a year
        before a passage where a number has more than one): the page's words are in the
        passage the number opens, so that the tooltip is wholly in one language.
        """
        several = len({source.year for source in self.sources}) > 1
        lines = [
            f"{source.year}: “{source.quote}”" if several else f"“{source.quote}”"
            for source in self.sources
            if source.quote
        ]
        references = [source.citation or citation for source in self.sources]
        lines += [reference for reference in dict.fromkeys(references) if reference]
        return "\n".join(lines)


@dataclass(frozen=True)
class Table:
    """A display-model table as the page shows it (:mod:`zgc_cli.present.report.sections`)."""

    headers: Sequence[str]
    rows: Sequence[Sequence[Cell]]
    caption: str = ""
    notes: Sequence[str] = ()
    chart: str = ""  # an inline SVG drawn by the chart code, or ''
    kind: str = ""  # the CSS class giving tables of a kind the same columns
    id_line: str = ""  # the id beside the caption, as beside the terminal's title
    numeric: Sequence[bool] = ()  # each column's alignment


@dataclass(frozen=True)
class Section:
    anchor: str
    title: str
    intro: str = ""
    tables: Sequence[Table] = field(default_factory=list)
    groups: Sequence[tuple[str, Sequence[Table]]] = field(default_factory=list)


@dataclass(frozen=True)
class Page:
    """Everything one language's page says."""

    lang: Language
    title: str
    citation: str
    sections: Sequence[Section]
    legend: Sequence[str]
    footer: Sequence[str]
    chart_note: str = ""
    # Beneath the title: the publications the figures come from, where there are several.
    subtitle: str = ""

    def _says(self, key: str) -> str:
        return message(key, self.lang)

    @property
    def lang_tag(self) -> str:
        """The page's BCP 47 language tag."""
        return profile_of(self.lang).html_lang

    @property
    def quotes(self) -> tuple[str, str]:
        """The quotes the page's language sets around a passage."""
        return profile_of(self.lang).quotes

    @property
    def reference(self) -> str:
        """The page's publication as a reference alone (a tooltip's: no word of the page's)."""
        prefix = self._says("source.source")
        return self.citation.removeprefix(prefix)

    def citations(self, cell: Cell) -> list[str]:
        """The publications a number's sources come from, each once (the page's by default)."""
        lines = [
            self._says("source.source") + source.citation if source.citation else self.citation
            for source in cell.sources
        ]
        return [line for line in dict.fromkeys(lines) if line]

    @property
    def lang_name(self) -> str:
        return self._says("report.language_name")

    @property
    def language(self) -> str:
        return self._says("report.language")

    @property
    def how_to_read(self) -> str:
        return self._says("report.how_to_read")

    @property
    def how_to_read_markdown(self) -> str:
        return self._says("report.how_to_read_markdown")

    @property
    def marks_title(self) -> str:
        return self._says("report.marks")

    @property
    def contents_title(self) -> str:
        return self._says("report.contents")

    @property
    def none(self) -> str:
        return self._says("report.none")

    @property
    def note_label(self) -> str:
        return self._says("source.note")


def _text(value: object) -> str:
    """Data text as a person may see it: control and bidi characters spelled out."""
    return visible(str(value))


def citation_line(work: CitedWork | None, lang: Language, accessed: str) -> str:
    """The publication as ``zgc cite`` enters it in GB/T 7714-2015, or ''.

    GB/T 7714 in both languages: the standard for a Chinese source, and the one
    style that needs no extra (APA is ``zgc cite --style apa``'s, with ``zgc[cite]``).
    """
    if work is None:
        return ""
    return message("source.source", lang) + reference(work, accessed)


def reference(work: CitedWork, accessed: str) -> str:
    """The publication's GB/T 7714-2015 entry (with its address where it has one)."""
    return gbt7714_reference(safe_work(work), accessed)


def source_name(work: CitedWork | None, label: str, lang: Language) -> str:
    """The source as a title names it: the periodical (its English name in English) and
    the date, or the user's data as they named it; '' when neither is known."""
    if work is None:
        return _text(label)
    name = work.periodical_name or work.periodical or work.title
    if profile_of(lang).english_names and work.periodical_other_name:
        name = work.periodical_other_name
    if not name:
        return _text(label)
    name = _text(name)
    date = _reader_date(work.date_parts, lang) or _text(work.date)
    if not date:
        return name
    return message("report.source_date", lang, source=name, date=date)


def _reader_date(parts: Sequence[int], lang: Language) -> str:
    """A publication date as a newspaper writes it (April 2024, 2024年4月), or ''."""
    if len(parts) < 2:
        return str(parts[0]) if parts else ""
    year, month = parts[0], parts[1]
    key, day = ("report.date_day", parts[2]) if len(parts) > 2 else ("report.date_month", "")
    month_name = message(f"month.{month}", lang) if 1 <= month <= 12 else ""
    return message(key, lang, year=year, month=month, month_name=month_name, day=day)


class _Figures:
    """Numbers of one language with their sources, from the report's passages."""

    def __init__(self, result: ReportResult, lang: Language, accessed: str = "") -> None:
        self.result = result
        self.lang = lang
        self.accessed = accessed

    def metric_name(self, metric: object) -> str:
        return _text(name_in(self.result.names.get(str(metric), {}), self.lang) or metric)

    def entity(self, entity: object) -> str:
        return _text(entity_label(entity, self.result.entity_names, self.lang))

    def source(self, metric: object, entity: object, year: object) -> Source | None:
        try:
            key = (str(metric), str(entity), int(str(year)))
        except ValueError:
            return None
        passage: Passage | None = self.result.passages.get(key)
        if passage is None:
            return None
        value = marked_number(
            passage.value, passage.unit, passage.status, passage.qualifier, self.lang
        )
        labels = self._labels(passage)
        year_shown = year_text(key[2], passage.year_basis)
        figure = message(
            "report.figure",
            self.lang,
            name=self.metric_name(metric),
            entity=self.entity(entity),
            year=year_shown,
            value=value,
        )
        if labels:
            figure += message("label.wrap", self.lang, labels=labels)
        note = _text(data_note(passage.note, passage.note_zh, self.lang))
        if passage.work is None:
            quote = _text(passage.quote) if passage.quote else ""
            missing = "" if quote else message("source.no_quote", self.lang)
            return Source(figure, quote, note, str(key[2]), missing=missing)
        # A later publication's figure: its own reference, and its address where no
        # passage of it is shipped (as ``zgc source`` leads to it).
        citation = reference(passage.work, self.accessed)
        missing = message("vintages.no_passage", self.lang, address=passage.work.url or "—")
        quote = _text(passage.quote) if passage.quote else ""
        return Source(
            figure, quote, note, str(key[2]), citation=citation, missing="" if quote else missing
        )

    def _labels(self, passage: Passage) -> str:
        basis = "" if passage.year_basis in ("stated", "") else passage.year_basis
        parts = (passage.status, passage.qualifier, basis)
        return message("label.separator", self.lang).join(
            message(f"label.{part}", self.lang) if f"label.{part}" in MESSAGES else _text(part)
            for part in parts
            if part
        )

    def sources(
        self, metric: object, entity: object, years: Sequence[object]
    ) -> tuple[Source, ...]:
        found = (self.source(metric, entity, year) for year in years)
        return tuple(source for source in found if source is not None)

    def resolved(self, refs: Sequence[SourceRef]) -> tuple[Source, ...]:
        """The sources a layout cell's observations lead to (those with a passage record)."""
        found = (self.source(metric, entity, year) for metric, entity, year in refs)
        return tuple(source for source in found if source is not None)
