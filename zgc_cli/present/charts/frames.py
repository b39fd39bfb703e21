"""The series frame as a chart reads it: plain columns, finite values, series in order,
and each series' growth first to last as the tables write it."""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import pandas as pd

from zgc_cli.present.numbers import (
    INTERVAL_SUFFIXES,
    Notation,
    bounds_of,
    interval_text,
    written_figure,
)
from zgc_cli.words import Language, message, phrase


def _text_column(frame: pd.DataFrame, name: str) -> pd.Series:
    if name not in frame.columns:
        return pd.Series([""] * len(frame), index=frame.index, dtype=object)
    return frame[name].astype(object).where(frame[name].notna(), "").astype(str)


def clean_series(series: pd.DataFrame) -> pd.DataFrame:
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
        # Only the columns read: a row of every column of a result costs ten times more.
        values = [column for column in series.columns if str(column).startswith("value")]
        figures = [
            written_figure(row["value"], bounds_of(row, "value"), str(row["qualifier"]))
            for row in series[values].assign(qualifier=frame["qualifier"]).to_dict("records")
        ]
        frame["value"] = pd.Series(figures, index=frame.index, dtype="float64")
        frame["value_low"] = series["value_low"]  # the figures have intervals (see growth_text)
    for column in ("revised", "scope_differs"):  # the tables' † and ‡ (charts/__init__.py)
        if column in series.columns:
            frame[column] = series[column].astype(str).str.lower().isin(["true", "1"])
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


def series_groups(frame: pd.DataFrame) -> list[tuple[str, str, pd.DataFrame]]:
    """(metric, entity, rows sorted by year), in order of first appearance."""
    keys = list(dict.fromkeys(zip(frame["metric"].tolist(), frame["entity"].tolist(), strict=True)))
    # One stable sort and one split: each group's rows by year, ties in the frame's order.
    by_year = frame.sort_values("year", kind="stable")
    groups = {
        (str(metric), str(entity)): rows
        for (metric, entity), rows in by_year.groupby(["metric", "entity"], sort=False)
    }
    return [(m, e, groups[(m, e)]) for m, e in keys]


# Units whose relative change means nothing (a rank), or reads better as points (a share).
_NO_GROWTH_UNITS = frozenset({"rank", "percent"})


def growth_text(
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


def spans_by_series(spans: pd.DataFrame | None) -> dict[tuple[str, str], dict[str, object]]:
    if spans is None or spans.empty or "change_pct" not in spans.columns:
        return {}
    # The growth reads the change and its interval (growth_text): only those columns.
    read = ["metric", "entity", *(c for c in spans.columns if str(c).startswith("change_pct"))]
    return {
        (str(row["metric"]), str(row["entity"])): {str(key): value for key, value in row.items()}
        for row in spans[read].to_dict("records")
    }
