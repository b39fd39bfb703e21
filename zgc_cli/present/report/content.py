"""A report's content in one language: sections of tables whose numbers carry their passages.

Knows no statistics: every number was computed by :mod:`zgc_cli.stats.report`;
here each is written as the terminal's tables write it (with its marks: ``*``
estimate, ``>``/``<``/``~`` bound, ``^`` derived, ``?`` inferred year) and given
the passages of the observations it comes from. The templates lay it out; they
escape every text (Jinja2's autoescape for HTML, :func:`markdown_text` for Markdown).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from zgc_cli.model.schema import FLAG_ORDER, FLAG_SEPARATOR, QUALIFIER_MARKS, STATUS_MARKS
from zgc_cli.present.citations import gbt7714_reference, safe_work
from zgc_cli.present.i18n import MESSAGES, Language, data_note, message, unit_name
from zgc_cli.present.numbers import (
    Notation,
    bounds_of,
    interval_text,
    marked_interval,
    marked_number,
    marked_value,
)
from zgc_cli.present.safe import visible
from zgc_cli.present.views.common import (
    INFERRED_MARK,
    entity_label,
    header,
    interval_marks,
    measure_header,
    measure_text,
    name_in,
    share_cell,
    whole_value_cell,
    year_text,
)
from zgc_cli.present.views.vintages import revised_mark, vintage_texts
from zgc_cli.stats.citations import CitedWork
from zgc_cli.stats.measures import View, measures_for
from zgc_cli.stats.report import Passage, ReportResult
from zgc_cli.stats.results import ComparisonResult, ShareResult


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
    headers: Sequence[str]
    rows: Sequence[Sequence[Cell]]
    caption: str = ""
    notes: Sequence[str] = ()
    chart: str = ""  # an inline SVG drawn by the chart code, or ''
    kind: str = ""  # the CSS class giving tables of a kind the same columns


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

    def _says(self, key: str) -> str:
        return message(key, self.lang)

    @property
    def lang_tag(self) -> str:
        """The page's BCP 47 language tag."""
        return "zh-Hans" if self.lang is Language.zh else self.lang.value

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
    if lang is Language.en and work.periodical_other_name:
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
    import calendar

    if len(parts) < 2:
        return str(parts[0]) if parts else ""
    year, month = parts[0], parts[1]
    if lang is Language.zh:
        return f"{year}年{month}月" + (f"{parts[2]}日" if len(parts) > 2 else "")
    day = f"{parts[2]} " if len(parts) > 2 else ""
    return f"{day}{calendar.month_name[month]} {year}"


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


def _marks(flags: str) -> tuple[str, str]:
    parts = flags.split(FLAG_SEPARATOR)
    status = next((part for part in parts if part in STATUS_MARKS), "")
    qualifier = next((part for part in parts if part in QUALIFIER_MARKS), "")
    return status, qualifier


def _catalog(result: ReportResult, figures: _Figures, lang: Language) -> Section:
    frame = result.catalog.frame
    headers = [header("name", lang), header("entity", lang), header("years", lang)]
    headers += [header("latest", lang), header("unit", lang)]
    by_category: dict[str, list[list[Cell]]] = {}
    for row in frame.to_dict("records"):
        unit = str(row["unit"])
        status, qualifier = _marks(str(row["latest_flags"]))
        inferred = "inferred_year" in str(row["latest_flags"]).split(FLAG_SEPARATOR)
        last = f"{row['last_year']}{INFERRED_MARK if inferred else ''}"
        years = last if row["first_year"] == row["last_year"] else f"{row['first_year']}–{last}"
        latest = marked_interval(
            row["latest_value"], bounds_of(row, "latest_value"), unit, status, qualifier, lang
        )
        sources = figures.sources(row["metric"], row["entity"], [row["last_year"]])
        cells = [
            Cell(figures.metric_name(row["metric"])),
            Cell(figures.entity(row["entity"])),
            Cell(years, numeric=True),
            Cell(latest, sources, numeric=True),
            Cell(_text(unit_name(unit, lang))),
        ]
        by_category.setdefault(_text(row.get("category", "") or ""), []).append(cells)
    groups = [
        (_category_name(category, lang), [Table(headers, rows, kind="catalog")])
        for category, rows in sorted(by_category.items())
    ]
    return Section("catalog", message("report.catalog", lang), groups=groups)


def _category_name(category: str, lang: Language) -> str:
    key = f"report.category.{category}"
    if key in MESSAGES:
        return message(key, lang)
    return category or message("report.category.none", lang)


def _series(result: ReportResult, figures: _Figures, lang: Language, charts: Mapping) -> Section:
    series = result.series.frame
    measures = measures_for(View.series)
    headers = [header("entity", lang), header("year", lang), header("value", lang)]
    headers += [measure_header(measure, lang) for measure in measures]
    tables: list[Table] = []
    for metric in dict.fromkeys(series["metric"].astype(str)):
        of_metric = series[series["metric"].astype(str) == metric]
        if of_metric["year"].nunique() < 2:
            continue  # a single figure has no growth: it is in the catalog
        rows: list[list[Cell]] = []
        previous_zero = False
        for row in of_metric.to_dict("records"):
            unit = str(row["unit"])
            has_previous = not pd.isna(row["previous_year"])
            zero_base = bool(previous_zero and has_previous)
            value_sources = figures.sources(metric, row["entity"], [row["year"]])
            growth_years = [row["previous_year"], row["year"]] if has_previous else []
            growth_sources = figures.sources(metric, row["entity"], growth_years)
            value = marked_value(row, lang)
            value += revised_mark(row, result.series.vintages)
            cells = [
                Cell(figures.entity(row["entity"])),
                Cell(year_text(row["year"], row["year_basis"]), numeric=True),
                Cell(value, value_sources, numeric=True),
            ]
            for measure in measures:
                text = measure_text(
                    measure,
                    row[measure.name],
                    unit,
                    lang,
                    zero_base,
                    str(row["kind"]),
                    bounds_of(row, measure.name),
                )
                cells.append(Cell(text, growth_sources if has_previous else (), numeric=True))
            rows.append(cells)
            previous_zero = bool(row["value"] == 0)
        unit = str(of_metric["unit"].iloc[0])
        unit_shown = _text(unit_name(unit, lang))
        caption = " · ".join(part for part in (figures.metric_name(metric), unit_shown) if part)
        notes = _flag_notes(of_metric["flags"], lang, rows)
        notes += vintage_texts(of_metric, result.series.vintages, lang)
        chart = charts.get(metric, "")
        tables.append(Table(headers, rows, caption, notes, chart=chart, kind="series"))
    intro = message("report.series_intro", lang)
    return Section("series", message("report.series", lang), intro, tables=tables)


def _flag_notes(flags: pd.Series, lang: Language, rows: Sequence[Sequence[Cell]] = ()) -> list[str]:
    """The marks the flags carry, then the interval forms the cells show."""
    present: set[str] = set()
    for text in flags.astype(str):
        present.update(part for part in text.split(FLAG_SEPARATOR) if part)
    notes = [_mark(name, lang) for name in FLAG_ORDER if name in present]
    shown = [cell.text for row in rows for cell in row if cell.numeric]
    return notes + interval_marks(shown, lang)


def _mark(name: str, lang: Language) -> str:
    """A mark's legend line in the report: the reader's words where they differ from the CLI's."""
    key = f"report.mark.{name}"
    return message(key if key in MESSAGES else f"mark.{name}", lang)


def _comparison(result: ComparisonResult, figures: _Figures, lang: Language) -> Table:
    measures = measures_for(View.compare)
    headers = [header("series", lang), str(result.year_from), str(result.year_to)]
    headers += [measure_header(measure, lang) for measure in measures]
    rows: list[list[Cell]] = []
    for row in result.frame.to_dict("records"):
        unit = str(row["unit"])
        zero_base = bool(row["value_from"] == 0)
        asked = (row["year_from"], row["year_to"]) == (result.year_from, result.year_to)
        years = "" if asked else f" {row['year_from']}→{row['year_to']}"
        ends = [
            Cell(
                marked_value(row, lang, end)
                + (INFERRED_MARK if str(row[f"year_basis_{end}"]) == "inferred" else ""),
                figures.sources(row["metric"], row["entity"], [row[f"year_{end}"]]),
                numeric=True,
            )
            for end in ("from", "to")
        ]
        both = figures.sources(row["metric"], row["entity"], [row["year_from"], row["year_to"]])
        name = message(
            "report.series_name",
            lang,
            name=figures.metric_name(row["metric"]),
            entity=figures.entity(row["entity"]),
        )
        name += years
        cells = [Cell(name), *ends]
        for measure in measures:
            text = measure_text(
                measure,
                row[measure.name],
                unit,
                lang,
                zero_base,
                str(row["kind"]),
                bounds_of(row, measure.name),
            )
            cells.append(Cell(text, both, numeric=True))
        rows.append(cells)
    caption = message("report.from_to", lang, year_from=result.year_from, year_to=result.year_to)
    notes = _flag_notes(result.frame["flags"], lang, rows)
    if result.tolerance:
        notes.append(message("report.nearest", lang, tolerance=result.tolerance))
    if result.not_compared:
        notes.append(message("report.not_compared", lang, count=result.not_compared))
    return Table(headers, rows, caption, notes, kind="comparison")


def _shares(results: Sequence[ShareResult], figures: _Figures, lang: Language) -> list[Table]:
    """Every metric's shares in one table: the indicator leads each row."""
    headers = [header(key, lang) for key in ("metric", "entity", "year", "value", "whole")]
    headers += [header("whole_value", lang), header("share_pct", lang)]
    rows: list[list[Cell]] = []
    flags: list[str] = []
    for result in results:
        frame = result.frame
        flags += [str(flag) for flag in frame["flags"]]
        for row in frame.to_dict("records"):
            metric = str(row["metric"])
            part = figures.sources(metric, row["entity"], [row["year"]])
            whole = figures.sources(metric, row["of_entity"], [row["year"]])
            share = share_cell(row, lang)
            value = interval_text(row["value"], bounds_of(row, "value"), Notation.value, lang)
            rows.append(
                [
                    Cell(figures.metric_name(metric)),
                    Cell(figures.entity(row["entity"])),
                    Cell(str(row["year"]), numeric=True),
                    Cell(value, part, numeric=True),
                    Cell(figures.entity(row["of_entity"])),
                    Cell(whole_value_cell(row, lang), whole, numeric=True),
                    Cell(share, part + whole, numeric=True),
                ]
            )
    if not rows:
        return []
    return [Table(headers, rows, notes=_flag_notes(pd.Series(flags, dtype=str), lang, rows))]


def _timeline(result: ReportResult, figures: _Figures, lang: Language, citation: str) -> Section:
    headers = [header("date", lang), header("entity", lang), header("event", lang)]
    rows: list[list[Cell]] = []
    frame = result.timeline.frame if result.timeline is not None else pd.DataFrame()
    for row in frame.to_dict("records"):
        event = _text(row[f"event_{lang.value}"] or row["event_en"] or row["event_zh"])
        quote = _text(row["quote"]) if row["quote"] else ""
        missing = "" if quote else message("source.no_quote", lang)
        label = f"{_text(row['date'])} · {figures.entity(row['entity'])}"
        source = Source(label, quote, "", _text(row["date"]), missing=missing)
        rows.append(
            [
                Cell(_text(row["date"]), (source,)),
                Cell(figures.entity(row["entity"])),
                Cell(event),
            ]
        )
    tables = [Table(headers, rows)] if rows else []
    return Section("timeline", message("report.timeline", lang), tables=tables)


def legend(lang: Language) -> list[str]:
    """Every mark a number may carry, in the order of the tables' legends."""
    names = (
        *("estimate", "derived", "more_than", "nearly", "about", "less_than"),
        *("order_of_magnitude", "inferred_year", "interval", "one_end"),
        *("conventional", "unbounded"),
    )
    # The reader's words, not a command: the passage a number opens says how its year is known.
    return [_mark(name, lang) for name in names]


def build_page(
    result: ReportResult,
    lang: Language,
    charts: Mapping[str, str],
    chart_note: str,
    version: str,
) -> Page:
    """One language's page of the report."""
    accessed = datetime.date.today().isoformat()
    figures = _Figures(result, lang, accessed)
    citation = citation_line(result.work, lang, accessed)
    comparisons = [_comparison(item, figures, lang) for item in result.comparisons]
    shares = _shares(result.shares, figures, lang)
    sections = [
        _catalog(result, figures, lang),
        _series(result, figures, lang, charts),
        Section("comparisons", message("report.comparisons", lang), tables=comparisons),
        Section("shares", message("report.shares", lang), tables=shares),
    ]
    if result.timeline is not None:
        sections.append(_timeline(result, figures, lang, citation))
    footer = [message("report.made_by", lang, version=version)]
    if result.label:
        footer.append(message("report.data", lang, label=_text(result.label)))
    # The shipped data's page names its place; every page names its source where known.
    title = message("report.title_zgc" if not result.label else "report.title", lang)
    source = source_name(result.work, result.label, lang)
    if source:
        title = message("report.title_source", lang, title=title, source=source)
    return Page(
        lang=lang,
        title=title,
        citation=citation,
        sections=sections,
        legend=legend(lang),
        footer=footer,
        chart_note=chart_note,
    )


def footnotes(page: Page) -> dict[Source, int]:
    """Each distinct source of the page's numbers, numbered in reading order (Markdown)."""
    numbers: dict[Source, int] = {}
    for section in page.sections:
        tables = [table for _, group in section.groups for table in group]
        for table in [*tables, *section.tables]:
            for row in table.rows:
                for cell in row:
                    for source in cell.sources:
                        numbers.setdefault(source, len(numbers) + 1)
    return numbers
