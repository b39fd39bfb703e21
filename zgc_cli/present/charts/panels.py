"""What a chart shows, before any drawing: panels of lines, scaled or indexed.

Series of very different size (revenue in trillions of yuan, patents in
hundreds of thousands) never share a y axis in real units:

* by default each metric gets its own **panel**, with its own scale named in
  the panel title (``Total revenue (trillion CNY)``, ``总收入（万亿元）``), every
  entity of that metric a line in it, and all panels the same years on x;
* ``indexed=True`` puts every series in **one panel as an index**, its own
  first year = 100. A series whose first value is zero or negative cannot be
  indexed: it is left out with a note, and when no series is left the panels
  are drawn instead.

Scale words come from the locale's CLDR data (:func:`zgc_cli.present.numbers.chart_scale`),
every word from :mod:`zgc_cli.present.i18n`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from zgc_cli.model.schema import FLAG_ORDER, QUALIFIER_MARKS, STATUS_MARKS
from zgc_cli.present.charts import fonts
from zgc_cli.present.i18n import Language, message, unit_name
from zgc_cli.present.numbers import chart_label, chart_scale

INDEX_BASE = 100.0


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
            return text
    return metric


def _scale(max_abs: float, unit: str, lang: Language) -> tuple[float, str]:
    """A divisor for a panel's values and the unit text it reads in: (1e12, 'trillion CNY')."""
    shown_unit = unit_name(unit, lang)
    if unit == "percent":
        return 1.0, "%"
    divisor, word = chart_scale(max_abs, lang)
    if not word:
        return 1.0, shown_unit
    if lang is Language.zh and (not shown_unit or fonts.cjk_characters([shown_unit])):
        return divisor, word + shown_unit
    return divisor, f"{word} {shown_unit}".strip()


def _titled(name: str, unit_text: str, lang: Language) -> str:
    if not unit_text:
        return name
    return message("chart.titled", lang, name=name, unit=unit_text)


@dataclass(frozen=True)
class Line:
    """One series as drawn: values already scaled or indexed."""

    metric: str
    entity: str
    name: str
    years: tuple[int, ...]
    values: tuple[float, ...]
    statuses: tuple[str, ...]
    qualifiers: tuple[str, ...]
    base_year: int | None = None

    @property
    def marks(self) -> tuple[str, ...]:
        """Each point's marks in table notation: ``>`` before, ``*`` after, '' when plain."""
        return tuple(
            QUALIFIER_MARKS.get(qualifier, "") + STATUS_MARKS.get(status, "")
            for status, qualifier in zip(self.statuses, self.qualifiers, strict=True)
        )

    def label(self, lang: Language) -> str:
        text = f"{self.name} · {self.entity}"
        if self.base_year is None:
            return text
        return message("chart.index_base", lang, text=text, base=f"{self.base_year} = 100")


@dataclass(frozen=True)
class Panel:
    title: str
    lines: tuple[Line, ...]
    indexed: bool


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
        }
    )
    finite = frame["year"].notna() & frame["value"].map(math.isfinite)
    frame = frame[finite].copy()
    frame["year"] = frame["year"].astype("int64")
    if frame.empty:
        raise ValueError("nothing to plot: the series have no observations")
    return frame


def _groups(frame: pd.DataFrame) -> list[tuple[str, str, pd.DataFrame]]:
    """(metric, entity, rows sorted by year), in order of first appearance."""
    keys = list(dict.fromkeys(zip(frame["metric"], frame["entity"], strict=True)))
    grouped = frame.groupby(["metric", "entity"], sort=False)
    return [(m, e, grouped.get_group((m, e)).sort_values("year", kind="stable")) for m, e in keys]


def _line(
    metric: str,
    entity: str,
    name: str,
    rows: pd.DataFrame,
    values: Iterable[float],
    base_year: int | None = None,
) -> Line:
    return Line(
        metric=metric,
        entity=entity,
        name=name,
        years=tuple(int(year) for year in rows["year"]),
        values=tuple(float(value) for value in values),
        statuses=tuple(rows["status"]),
        qualifiers=tuple(rows["qualifier"]),
        base_year=base_year,
    )


def index_series(series: pd.DataFrame) -> tuple[pd.DataFrame, list[tuple[str, str, int, float]]]:
    """Each series as an index of its first year = 100.

    Returns the cleaned rows with an ``index`` column, and the series that
    cannot be indexed (first value zero or negative) as (metric, entity, year,
    value), left out of the rows.
    """
    frame = _clean(series)
    by_year = frame.sort_values("year", kind="stable")
    first = by_year.groupby(["metric", "entity"], sort=False)[["year", "value"]].transform("first")
    first = first.reindex(frame.index)
    indexable = first["value"] > 0
    starts = frame.loc[~indexable & (frame["year"] == first["year"])]
    skipped = [
        (str(metric), str(entity), int(year), float(value))
        for metric, entity, year, value in zip(
            starts["metric"], starts["entity"], starts["year"], starts["value"], strict=True
        )
    ]
    result = frame.loc[indexable].copy()
    result["index"] = result["value"] / first.loc[indexable, "value"] * INDEX_BASE
    return result.reset_index(drop=True), skipped


def _metric_panels(
    frame: pd.DataFrame, names: Mapping[str, Mapping[str, str]], lang: Language, allow_cjk: bool
) -> list[Panel]:
    panels: list[Panel] = []
    for metric in dict.fromkeys(frame["metric"]):
        rows = frame[frame["metric"] == metric]
        units = [unit for unit in dict.fromkeys(rows["unit"]) if unit]
        unit = units[0] if len(units) == 1 else " / ".join(units)
        divisor, unit_text = _scale(float(rows["value"].abs().max()), unit, lang)
        name = name_for(names, metric, lang, allow_cjk)
        lines = tuple(
            _line(metric, entity, name, group, group["value"] / divisor)
            for metric_id, entity, group in _groups(rows)
            if metric_id == metric
        )
        panels.append(Panel(title=_titled(name, unit_text, lang), lines=lines, indexed=False))
    return panels


def prepare(
    series: pd.DataFrame,
    names: Mapping[str, Mapping[str, str]],
    lang: Language,
    indexed: bool,
    allow_cjk: bool = True,
) -> tuple[list[Panel], list[str]]:
    """The panels to draw and the notes that go with them."""
    frame = _clean(series)
    if not indexed:
        return _metric_panels(frame, names, lang, allow_cjk), []
    rows, skipped = index_series(frame)
    notes = [
        message(
            "chart.not_indexed",
            lang,
            series=f"{name_for(names, metric, lang, allow_cjk)} · {entity}",
            value=chart_label(value),
            year=year,
        )
        for metric, entity, year, value in skipped
    ]
    if rows.empty:
        notes.append(message("chart.no_index", lang))
        return _metric_panels(frame, names, lang, allow_cjk), notes
    lines = tuple(
        _line(
            metric,
            entity,
            name_for(names, metric, lang, allow_cjk),
            group,
            group["index"],
            base_year=int(group["year"].iloc[0]),
        )
        for metric, entity, group in _groups(rows)
    )
    return [Panel(title=message("chart.index_title", lang), lines=lines, indexed=True)], notes


def flags_present(panels: Sequence[Panel]) -> list[str]:
    present = {
        flag
        for panel in panels
        for line in panel.lines
        for flag in (*line.statuses, *line.qualifiers)
    }
    return [flag for flag in FLAG_ORDER if flag in present]


def _nice_step(span: float, count: int) -> float:
    raw = span / max(count, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def nice_ticks(low: float, high: float, count: int = 4) -> list[float]:
    """Round tick positions covering [low, high]; a flat range is widened around its value."""
    if high - low <= abs(high) * 1e-9:
        pad = abs(high) * 0.1 or 1.0
        low, high = low - pad, high + pad
    step = _nice_step(high - low, count)
    start = math.floor(low / step + 1e-9) * step
    stop = math.ceil(high / step - 1e-9) * step
    ticks = [start + step * n for n in range(int(round((stop - start) / step)) + 1)]
    return [round(tick, 10) for tick in ticks]
