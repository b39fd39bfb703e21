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

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import pandas as pd

from zgc_cli.model.schema import FLAG_ORDER
from zgc_cli.present.charts import fonts
from zgc_cli.present.charts.frames import clean_series, growth_text, series_groups, spans_by_series
from zgc_cli.present.charts.shapes import (
    INFERRED_MARK,
    MAX_LINES_PER_PANEL,
    MAX_SERIES,
    REVISED_MARK,
    Bar,
    Line,
    Panel,
    TooManySeriesError,
    flags_present,
    name_for,
    number_text,
    scale_notes,
)
from zgc_cli.present.numbers import (
    Bounds,
    Notation,
    bounds_of,
    chart_scale,
    interval_text,
    marked_number,
)
from zgc_cli.present.safe import visible
from zgc_cli.words import Language, message, profile_of, titled, unit_name

if TYPE_CHECKING:
    from zgc_cli.stats.indexing import Indexing


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
        revised=_flags(rows, "revised"),
        scope_changed=_flags(rows, "scope_differs"),
        year_bases=tuple(str(basis) for basis in rows["year_basis"].tolist()),
    )


def _flags(rows: pd.DataFrame, column: str) -> tuple[bool, ...]:
    """A true-or-false column of the rows (the tables' † and ‡), or () without it."""
    return tuple(bool(flag) for flag in rows[column].tolist()) if column in rows.columns else ()


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
            label=marked_number(value, unit, status, qualifier, lang)
            + (REVISED_MARK if revised else ""),
            year=_year_text(int(year), str(basis)),
            status=str(status),
            qualifier=str(qualifier),
        )
        for entity, value, year, status, qualifier, basis, revised in zip(
            rows["entity"],
            rows["value"],
            rows["year"],
            rows["status"],
            rows["qualifier"],
            rows["year_basis"],
            _flags(rows, "revised") or [False] * len(rows),
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
    span_of = spans_by_series(spans)
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
                growth=growth_text(group, unit, lang, span_of.get((str(metric), str(entity)))),
            )
            for metric_id, entity, group in series_groups(rows)
            if metric_id == metric
        )
        panels.append(
            Panel(
                title=_titled(name, unit_text, lang),
                lines=lines,
                indexed=False,
                zero_based=unit != "rank",
                # An inferred year is marked on the year axis (2023?); the foot says what.
                flags=("inferred_year",) if any(line.inferred_years for line in lines) else (),
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
    frame = clean_series(series)
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
    frame = clean_series(series)
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
    rows = clean_series(indexed.frame) if not indexed.frame.empty else indexed.frame
    if not rows.empty and "index" in rows.columns:
        rows, unbounded = _drawable(rows, names, lang, allow_cjk)
        notes.extend(unbounded)
    if rows.empty:
        notes.append(message("chart.no_index", lang))
        return _metric_panels(frame, names, lang, allow_cjk, spans), notes
    _check_count(rows, lang, one_panel=True)
    indexed_lines: list[Line] = []
    for metric, entity, group in series_groups(rows):
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
    inferred = any(
        line.base_label.endswith(INFERRED_MARK) or line.inferred_years for line in indexed_lines
    )
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


# Names other modules import from here (their home is shapes.py).
__all__ = [
    "INFERRED_MARK",
    "MAX_LINES_PER_PANEL",
    "MAX_SERIES",
    "Bar",
    "Line",
    "Panel",
    "TooManySeriesError",
    "flags_present",
    "name_for",
    "number_text",
    "prepare",
    "prepare_each",
    "scale_notes",
]
