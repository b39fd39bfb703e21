"""What a chart shows, before any drawing: panels of lines, scaled or indexed.

Series of very different size (revenue in trillions of yuan, patents in
hundreds of thousands) never share a y axis in real units:

* by default each metric gets its own **panel**. A metric with one figure per
  entity (most of the data: figures of one year) is drawn as **bars** by
  entity, from zero, each labelled as the tables write it (``784.7亿``,
  ``>1,800``, ``8.6万亿*``). Other metrics are **lines** over the years, their
  scale named in the panel title (``Total revenue (trillion CNY)``,
  ``总收入（万亿元）``), every entity a line, and all line panels the same years.
  A line panel's axis starts at zero (a rank's does not), and each legend entry
  gives the series' change first to last (``+138.9% 2014–2023``): panels of
  different scales never show +14.9 % and +109.8 % as the same slope;
* an :class:`~zgc_cli.stats.indexing.Indexing` puts every series in **one
  panel as an index** of one common base year = 100; a series that took a
  nearby year says so in its legend entry. A series whose base value is zero
  or negative cannot be indexed: it is left out with a note, and when no series
  is left the panels are drawn instead.

Scale words come from the locale's CLDR data (:func:`zgc_cli.present.numbers.chart_scale`),
every word from :mod:`zgc_cli.words`.

Data is untrusted. Every text taken from it (metric ids, indicator names,
entities, units) is spelled out with :func:`zgc_cli.present.safe.visible`
before it reaches a title, a legend or a note. Every finite float64 charts: the
value axis (:mod:`zgc_cli.present.charts.axis`) is computed in exact decimals,
so no span, tick or step overflows, and the drawing code plots positions
between 0 and 1 on it, never the raw values. A chart holds at most
:data:`MAX_LINES_PER_PANEL` lines in a panel and :data:`MAX_SERIES` in all
(:class:`TooManySeriesError`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from zgc_cli.model.schema import FLAG_ORDER, QUALIFIER_MARKS, STATUS_MARKS
from zgc_cli.present.charts import fonts
from zgc_cli.present.charts.axis import PLAIN_NUMBERS_BELOW
from zgc_cli.present.numbers import (
    INTERVAL_SUFFIXES,
    Bounds,
    Notation,
    bounds_of,
    chart_label,
    chart_scale,
    interval_text,
    marked_number,
    written_figure,
)
from zgc_cli.present.safe import visible
from zgc_cli.words import Language, message, phrase, profile_of, titled, unit_name

if TYPE_CHECKING:
    from zgc_cli.stats.indexing import Indexing

# More lines than this in one panel cannot be told apart (8 terminal symbols, 10 image
# colours), and hundreds of them took a minute to draw as an image.
MAX_LINES_PER_PANEL = 12
MAX_SERIES = 30


# Messages of the charts that i18n.py does not have yet (to be moved there).
class TooManySeriesError(ValueError):
    """More series than a chart can show; the message says how many and how to narrow them."""


def number_text(value: float) -> str:
    """A short number for labels and notes: 8.6, 8,600, and 1e+308 rather than 309 digits."""
    if abs(value) < PLAIN_NUMBERS_BELOW:
        return chart_label(value)
    return f"{value:.3g}"


def name_for(
    names: Mapping[str, Mapping[str, str]], metric: str, lang: Language, allow_cjk: bool = True
) -> str:
    """The indicator's name in ``lang``, else in the other language, else the metric id.

    With ``allow_cjk`` false a Chinese name is never returned (for images with no
    Chinese font).
    """
    known = names.get(metric, {})
    order = [str(lang), *(other for other in known if other != str(lang))]
    for language in order:
        text = str(known.get(language, "") or "").strip()
        if text and (allow_cjk or not fonts.cjk_characters([text])):
            return visible(text)
    return visible(metric)


def _scale(max_abs: float, unit: str, lang: Language) -> tuple[float, str]:
    """A divisor for a panel's values and the unit text it reads in: (1e12, 'trillion CNY')."""
    shown_unit = visible(unit_name(unit, lang))
    if unit == "percent":
        return 1.0, "%"
    divisor, word = chart_scale(max_abs, lang)
    if not word:
        return 1.0, shown_unit
    if not profile_of(lang).scale_joiner and (not shown_unit or fonts.cjk_characters([shown_unit])):
        return divisor, word + shown_unit
    return divisor, f"{word} {shown_unit}".strip()


def _titled(name: str, unit_text: str, lang: Language) -> str:
    return titled(name, unit_text, lang)


@dataclass(frozen=True)
class Line:
    """One series as drawn: values already scaled or indexed.

    ``raw_values`` are the figures as the data has them (for labels in the tables'
    human form); ``growth`` is the series' change first to last, in words, or ''.
    """

    metric: str
    entity: str
    name: str
    years: tuple[int, ...]
    values: tuple[float, ...]
    statuses: tuple[str, ...]
    qualifiers: tuple[str, ...]
    base_year: int | None = None
    raw_values: tuple[float, ...] = ()
    unit: str = ""
    growth: str = ""
    base_label: str = ""
    bounds: tuple[Bounds | None, ...] = ()

    @property
    def marks(self) -> tuple[str, ...]:
        """Each point's marks in table notation: ``>`` before, ``*`` after, '' when plain."""
        return tuple(
            QUALIFIER_MARKS.get(qualifier, "") + STATUS_MARKS.get(status, "")
            for status, qualifier in zip(self.statuses, self.qualifiers, strict=True)
        )

    @property
    def shown_entity(self) -> str:
        """The entity as people may see it: control characters spelled out."""
        return visible(self.entity)

    def label(self, lang: Language) -> str:
        """The series in a legend: name and entity, with its base year or its growth."""
        text = f"{self.name} · {self.shown_entity}"
        return self.tagged(text, lang)

    def tagged(self, text: str, lang: Language) -> str:
        """``text`` with what the legend adds: a base year that differs, or the growth."""
        if self.base_label:
            # "2023?" in English, "2023年?" in Chinese: the mark follows the year as written.
            plain = self.base_label.removesuffix(INFERRED_MARK)
            year = message("chart.year", lang, year=plain) + self.base_label[len(plain) :]
            return message("chart.index_nearest", lang, text=text, year=year)
        if self.growth:
            return text + self.growth
        return text

    def point_label(self, n: int, lang: Language, indexed: bool) -> str:
        """Point ``n`` as the tables write it (784.7亿, >1,800, 8.6万亿*); an index as 224."""
        if indexed and self.bounds:
            # An index carries its interval: 64…70 where the base or the figure is not exact.
            text = interval_text(self.values[n], self.bounds[n], Notation.index_value, lang)
            return text + STATUS_MARKS.get(self.statuses[n], "")
        if indexed or not self.raw_values:
            # An index of a bound is no bound itself: the marker's shape tells it was one.
            return number_text(self.values[n]) + STATUS_MARKS.get(self.statuses[n], "")
        return marked_number(
            self.raw_values[n], self.unit, self.statuses[n], self.qualifiers[n], lang
        )


@dataclass(frozen=True)
class Bar:
    """One entity's figure in a bar panel.

    ``label`` is the figure as the tables write it, marks included (``>1,800``,
    ``784.7亿``, ``8.6万亿*``); ``year`` carries ``?`` when the year is inferred.
    """

    entity: str
    value: float
    label: str
    year: str
    status: str
    qualifier: str

    @property
    def shown_entity(self) -> str:
        return visible(self.entity)


@dataclass(frozen=True)
class Panel:
    """A panel: lines over years, or (``bars``) one figure per entity drawn from zero.

    ``zero_based`` panels have zero on their value axis, so heights compare;
    ``full_scale`` is the figure a bar panel's whole width stands for (100 for a
    share in percent), else its largest figure.
    """

    title: str
    lines: tuple[Line, ...]
    indexed: bool
    bars: tuple[Bar, ...] = ()
    zero_based: bool = False
    flags: tuple[str, ...] = ()
    full_scale: float | None = None

    @property
    def is_bars(self) -> bool:
        return bool(self.bars)

    def values(self) -> list[float]:
        """Every value the panel's axis must show (zero too when it is zero-based)."""
        values = [value for line in self.lines for value in line.values]
        # An index's interval is drawn through its point: the axis holds its ends too.
        ends = [
            end
            for line in self.lines
            for bounds in line.bounds
            if bounds is not None and bounds.bounded
            for end in (bounds.low, bounds.high)
            if end is not None and math.isfinite(end)
        ]
        values += ends
        return [*values, 0.0] if self.zero_based else values


def _text_column(frame: pd.DataFrame, name: str) -> pd.Series:
    if name not in frame.columns:
        return pd.Series([""] * len(frame), index=frame.index, dtype=object)
    return frame[name].astype(object).where(frame[name].notna(), "").astype(str)


def _clean(series: pd.DataFrame) -> pd.DataFrame:
    """Plain columns (no categories), finite values, in the frame's own series order."""
    frame = pd.DataFrame(
        {
            "metric": _text_column(series, "metric"),
            "entity": _text_column(series, "entity"),
            "year": pd.to_numeric(series["year"], errors="coerce"),
            "value": pd.to_numeric(series["value"], errors="coerce").astype("float64"),
            "unit": _text_column(series, "unit"),
            "status": _text_column(series, "status"),
            "qualifier": _text_column(series, "qualifier"),
            "year_basis": _text_column(series, "year_basis"),
        }
    )
    if "value_low" in series.columns:
        # A bound's point is empty (the words leave an end open): it is drawn at its
        # figure as written, marked as the tables mark it (>14万 at 14万).
        figures = [
            written_figure(row["value"], bounds_of(row, "value"), str(row["qualifier"]))
            for row in series.assign(qualifier=frame["qualifier"]).to_dict("records")
        ]
        frame["value"] = pd.Series(figures, index=frame.index, dtype="float64")
        frame["value_low"] = series["value_low"]  # the figures have intervals (see _growth_text)
    index_columns = ["index", *(f"index{suffix}" for suffix in INTERVAL_SUFFIXES)]
    for column in (*index_columns, "base_year", "base_nearest", "base_year_basis"):
        if column in series.columns:
            frame[column] = series[column]
    finite = frame["year"].notna() & frame["value"].map(math.isfinite)
    frame = frame[finite].copy()
    frame["year"] = frame["year"].astype("int64")
    if frame.empty:
        raise ValueError(phrase("chart.nothing"))
    return frame


def _groups(frame: pd.DataFrame) -> list[tuple[str, str, pd.DataFrame]]:
    """(metric, entity, rows sorted by year), in order of first appearance."""
    pairs = frame[["metric", "entity"]].drop_duplicates()
    keys = list(zip(pairs["metric"].tolist(), pairs["entity"].tolist(), strict=True))
    grouped = frame.groupby(["metric", "entity"], sort=False)
    return [(m, e, grouped.get_group((m, e)).sort_values("year", kind="stable")) for m, e in keys]


# Units whose relative change means nothing (a rank), or reads better as points (a share).
_NO_GROWTH_UNITS = frozenset({"rank", "percent"})


def _growth_text(
    rows: pd.DataFrame, unit: str, lang: Language, span: Mapping[str, object] | None
) -> str:
    """``  +134…+144% 2014–2023``: the series' change first to last (its span, with its
    interval, as the tables write it), or ''."""
    if len(rows) < 2 or unit in _NO_GROWTH_UNITS:
        return ""
    if span is None:
        change = _point_growth(rows, lang)
    else:
        bounds = bounds_of(span, "change_pct")
        change = interval_text(span.get("change_pct"), bounds, Notation.percent, lang)
    if change == "—":
        return ""
    return message(
        "chart.growth",
        lang,
        text="",
        change=change,
        first=int(rows["year"].iloc[0]),
        last=int(rows["year"].iloc[-1]),
    )


def _point_growth(rows: pd.DataFrame, lang: Language) -> str:
    """The change first to last of a frame without intervals (a user's own series, drawn
    without its result's spans): its figures are points, and so is their growth."""
    if "value_low" in rows.columns:
        return ""  # figures with intervals: their growth is the span's, never a bare point
    first, last = float(rows["value"].iloc[0]), float(rows["value"].iloc[-1])
    if not first > 0:
        return ""
    with np.errstate(over="ignore", invalid="ignore"):
        change = (last / first - 1) * 100
    return interval_text(change if math.isfinite(change) else None, None, Notation.percent, lang)


def _spans_by_series(spans: pd.DataFrame | None) -> dict[tuple[str, str], dict[str, object]]:
    if spans is None or spans.empty or "change_pct" not in spans.columns:
        return {}
    return {
        (str(row["metric"]), str(row["entity"])): {str(key): value for key, value in row.items()}
        for row in spans.to_dict("records")
    }


def _line(
    metric: str,
    entity: str,
    name: str,
    rows: pd.DataFrame,
    values: Iterable[float],
    base_year: int | None = None,
    growth: str = "",
    base_label: str = "",
    bounds: tuple[Bounds | None, ...] = (),
) -> Line:
    return Line(
        metric=metric,
        entity=entity,
        name=name,
        years=tuple(int(year) for year in rows["year"].tolist()),
        values=tuple(float(value) for value in values),
        statuses=tuple(rows["status"].tolist()),
        qualifiers=tuple(rows["qualifier"].tolist()),
        base_year=base_year,
        raw_values=tuple(float(value) for value in rows["value"].tolist()),
        unit=str(rows["unit"].iloc[0]) if len(rows) else "",
        growth=growth,
        base_label=base_label,
        bounds=bounds,
    )


def _check_count(frame: pd.DataFrame, lang: Language, one_panel: bool) -> None:
    """Refuse more series than a chart shows, before any of them is drawn."""
    pairs = frame[["metric", "entity"]].drop_duplicates()
    count = len(pairs)
    most = count if one_panel else int(pairs["metric"].value_counts().max())
    if count > MAX_SERIES or most > MAX_LINES_PER_PANEL:
        raise TooManySeriesError(
            message(
                "chart.too_many",
                lang,
                count=count,
                most=most,
                per_panel=MAX_LINES_PER_PANEL,
                total=MAX_SERIES,
            )
        )


INFERRED_MARK = "?"


def _year_text(year: int, basis: str) -> str:
    """A year as the tables write it: ``2023?`` when inferred."""
    return f"{year}{INFERRED_MARK}" if basis == "inferred" else str(year)


def _span_text(years: Sequence[str]) -> str:
    """``2024``, or ``2023–2025`` when the figures are of several years."""
    unique = sorted(set(years), key=lambda text: int(text.rstrip("?")))
    return unique[0] if len(unique) == 1 else f"{unique[0]}–{unique[-1]}"


def _bar_panel(rows: pd.DataFrame, name: str, unit: str, lang: Language) -> Panel:
    """One bar per entity (its one figure), from zero, labelled as the tables write it."""
    bars = tuple(
        Bar(
            entity=str(entity),
            value=float(value),
            label=marked_number(value, unit, status, qualifier, lang),
            year=_year_text(int(year), str(basis)),
            status=str(status),
            qualifier=str(qualifier),
        )
        for entity, value, year, status, qualifier, basis in zip(
            rows["entity"],
            rows["value"],
            rows["year"],
            rows["status"],
            rows["qualifier"],
            rows["year_basis"],
            strict=True,
        )
    )
    # The largest figure first: bars are read top to bottom as a ranking.
    bars = tuple(sorted(bars, key=lambda bar: -bar.value))
    unit_text = "" if unit == "percent" else visible(unit_name(unit, lang))
    span = _span_text([bar.year for bar in bars])
    # "2021?" in English, "2021年?" in Chinese: the mark follows the year as written.
    title = message(
        "chart.bars_title",
        lang,
        title=_titled(name, unit_text, lang),
        years=span.removesuffix(INFERRED_MARK),
    ) + (INFERRED_MARK if span.endswith(INFERRED_MARK) else "")
    present = {flag for bar in bars for flag in (bar.status, bar.qualifier)}
    if any(bar.year.endswith("?") for bar in bars):
        present.add("inferred_year")
    flags = tuple(flag for flag in FLAG_ORDER if flag in present)
    # A share is drawn on its whole: 40% is four tenths of the width, not all of it.
    full_scale = 100.0 if unit == "percent" else None
    return Panel(
        title=title,
        lines=(),
        indexed=False,
        bars=bars,
        zero_based=True,
        flags=flags,
        full_scale=full_scale,
    )


def _metric_panels(
    frame: pd.DataFrame,
    names: Mapping[str, Mapping[str, str]],
    lang: Language,
    allow_cjk: bool,
    spans: pd.DataFrame | None = None,
) -> list[Panel]:
    """A panel per metric: bars when each entity has one figure, else lines over the years."""
    _check_count(frame, lang, one_panel=False)
    span_of = _spans_by_series(spans)
    panels: list[Panel] = []
    for metric in pd.unique(frame["metric"]).tolist():
        rows = frame[frame["metric"] == metric]
        units = [unit for unit in pd.unique(rows["unit"]).tolist() if unit]
        unit = units[0] if len(units) == 1 else " / ".join(units)
        name = name_for(names, metric, lang, allow_cjk)
        if not rows.duplicated(["entity"]).any():
            panels.append(_bar_panel(rows, name, unit, lang))
            continue
        divisor, unit_text = _scale(float(rows["value"].abs().max()), unit, lang)
        lines = tuple(
            _line(
                metric,
                entity,
                name,
                group,
                (group["value"] / divisor).tolist(),
                growth=_growth_text(group, unit, lang, span_of.get((str(metric), str(entity)))),
            )
            for metric_id, entity, group in _groups(rows)
            if metric_id == metric
        )
        panels.append(
            Panel(
                title=_titled(name, unit_text, lang),
                lines=lines,
                indexed=False,
                zero_based=unit != "rank",
            )
        )
    return panels


def _renamed(column: pd.Series, labels: Mapping[str, str]) -> pd.Series:
    return column.astype(str).map(lambda entity: labels.get(entity, entity))


def prepare_each(
    series: pd.DataFrame,
    names: Mapping[str, Mapping[str, str]],
    entity_names: Mapping[Language, Mapping[str, str]],
    spans: pd.DataFrame | None = None,
) -> dict[Language, list[Panel]]:
    """The panels of ``series`` (a panel per metric) in each language of ``entity_names``
    (each entity id's name in it): as :func:`prepare` on the series named in each, the
    series cleaned once."""
    frame = _clean(series)
    panels: dict[Language, list[Panel]] = {}
    for lang, labels in entity_names.items():
        named = frame.assign(entity=_renamed(frame["entity"], labels))
        named_spans = spans
        if spans is not None and not spans.empty:
            named_spans = spans.assign(entity=_renamed(spans["entity"], labels))
        panels[lang] = _metric_panels(named, names, lang, True, named_spans)
    return panels


def prepare(
    series: pd.DataFrame,
    names: Mapping[str, Mapping[str, str]],
    lang: Language,
    indexed: Indexing | None,
    allow_cjk: bool = True,
    spans: pd.DataFrame | None = None,
) -> tuple[list[Panel], list[str]]:
    """The panels to draw and the notes that go with them.

    ``indexed`` (from :func:`zgc_cli.stats.indexing.index_series`) gives one
    panel of every series as an index of its common base year; else a panel per
    metric.

    Raises:
        ValueError: the series have no observations.
        TooManySeriesError: more lines than a panel or a chart shows.
    """
    frame = _clean(series)
    if not indexed:
        return _metric_panels(frame, names, lang, allow_cjk, spans), []
    skipped = indexed.skipped
    notes = [
        message(
            "chart.not_indexed" if value <= 0 else "chart.index_overflow",
            lang,
            series=f"{name_for(names, str(metric), lang, allow_cjk)} · {visible(str(entity))}",
            value=number_text(float(value)),
            year=int(year),
        )
        for metric, entity, year, value in zip(
            skipped["metric"], skipped["entity"], skipped["year"], skipped["value"], strict=True
        )
    ]
    rows = _clean(indexed.frame) if not indexed.frame.empty else indexed.frame
    if not rows.empty and "index" in rows.columns:
        rows, unbounded = _drawable(rows, names, lang, allow_cjk)
        notes.extend(unbounded)
    if rows.empty:
        notes.append(message("chart.no_index", lang))
        return _metric_panels(frame, names, lang, allow_cjk, spans), notes
    _check_count(rows, lang, one_panel=True)
    indexed_lines: list[Line] = []
    for metric, entity, group in _groups(rows):
        base_year = int(group["base_year"].iloc[0])
        nearest = bool(group["base_nearest"].iloc[0])
        basis = str(group["base_year_basis"].iloc[0])
        indexed_lines.append(
            _line(
                metric,
                entity,
                name_for(names, metric, lang, allow_cjk),
                group,
                group["index"].tolist(),
                base_year=base_year,
                base_label=_year_text(base_year, basis) if nearest else "",
                bounds=tuple(bounds_of(row, "index") for row in group.to_dict("records")),
            )
        )
    if any(
        bounds is not None and bounds.bounded and bounds.high != bounds.low
        for line in indexed_lines
        for bounds in line.bounds
    ):
        notes.append(message("chart.index_intervals", lang))
    base_years = sorted({int(year) for year in rows["base_year"]})
    title = message("chart.index_year_title", lang, year=indexed.base_year)
    if len(base_years) > 1:
        years = f"{base_years[0]}–{base_years[-1]}"
        title = message("chart.index_years_title", lang, years=years)
    inferred = any(line.base_label.endswith(INFERRED_MARK) for line in indexed_lines)
    flags = ("inferred_year",) if inferred else ()
    return [Panel(title=title, lines=tuple(indexed_lines), indexed=True, flags=flags)], notes


def _drawable(
    rows: pd.DataFrame, names: Mapping[str, Mapping[str, str]], lang: Language, allow_cjk: bool
) -> tuple[pd.DataFrame, list[str]]:
    """The indexes that can be drawn as points, and a note for each left out: an index the
    figures' words bound on one side only (突破14万 against 突破26万) has no point to draw."""
    missing = rows["index"].isna()
    notes = [
        message(
            "chart.index_unbounded",
            lang,
            series=f"{name_for(names, str(row['metric']), lang, allow_cjk)} · "
            f"{visible(str(row['entity']))}",
            year=int(row["year"]),
            reading=interval_text(None, bounds_of(row, "index"), Notation.index_value, lang),
        )
        for row in rows[missing].to_dict("records")
    ]
    return rows[~missing], notes


def scale_notes(panels: Sequence[Panel], lang: Language) -> list[str]:
    """What a chart of several line panels says about their scales (to read under it)."""
    line_panels = [panel for panel in panels if not panel.is_bars and not panel.indexed]
    notes = [message("chart.growth_note", lang)] if len(line_panels) > 1 else []
    # A legend's growth in the conventional reading, or unbounded: said what it is.
    growths = [line.growth for panel in line_panels for line in panel.lines if line.growth]
    conventional = message("cell.conventional", lang, value="").strip()
    if any(conventional in growth for growth in growths):
        notes.append(message("mark.conventional", lang))
    if any(message("cell.unbounded", lang) in growth for growth in growths):
        notes.append(message("mark.unbounded", lang))
    return notes


def flags_present(panels: Sequence[Panel]) -> list[str]:
    """The statuses and qualifiers of every point and bar, in the legends' order."""
    present = {
        flag
        for panel in panels
        for line in panel.lines
        for flag in (*line.statuses, *line.qualifiers)
    }
    present.update(flag for panel in panels for flag in panel.flags)
    return [flag for flag in FLAG_ORDER if flag in present]
