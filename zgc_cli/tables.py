"""Rich tables for people: human numbers (3.6万亿 / 3.6 trillion), marks, legends.

Knows no statistics: it lays out frames whose columns are already computed.
Numbers and ids are never cut or wrapped; a figure that is an estimate,
derived or a bound carries its mark, and the legend says what marks mean.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

import pandas as pd
from rich import box
from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from zgc_cli.marks import QUALIFIER_MARKS, STATUS_MARKS
from zgc_cli.options import Language
from zgc_cli.render import machine_text

# A cell read from a frame: a number, or a missing-value marker.
Cell = Any


DASH = "—"
NEW = "new"

MARK_LEGEND: dict[str, dict[Language, str]] = {
    "estimate": {Language.en: "* estimate", Language.zh: "* 预计"},
    "derived": {Language.en: "^ derived by zgc", Language.zh: "^ zgc推算"},
    "more_than": {Language.en: "> more than", Language.zh: "> 超过"},
    "nearly": {Language.en: "<~ nearly", Language.zh: "<~ 近"},
    "about": {Language.en: "~ about", Language.zh: "~ 约"},
    "less_than": {Language.en: "< less than", Language.zh: "< 不到"},
}


# --- human numbers -------------------------------------------------------------------

_LOCALES: dict[Language, str] = {Language.en: "en", Language.zh: "zh_Hans_CN"}
# Below these, a plain grouped number reads better than a compact one
# (6,758 firms, not 6.76 thousand; but 279万 is how Chinese writes 2,790,000).
_COMPACT_FROM: dict[Language, float] = {Language.en: 1e6, Language.zh: 1e4}


def human_number(value: Cell, unit: str, lang: Language) -> str:
    """A number for people: 3.6万亿 / 3.6 trillion, 48.2, 51%; a dash when missing."""
    from babel.numbers import format_compact_decimal, format_decimal

    if value is None or pd.isna(value):
        return DASH
    number = float(value)
    locale = _LOCALES[lang]
    if unit == "percent":
        return format_decimal(number, format="#,##0.##", locale=locale) + "%"
    if abs(number) >= _COMPACT_FROM[lang]:
        return format_compact_decimal(
            number,
            format_type="long" if lang is Language.en else "short",
            locale=locale,
            fraction_digits=2,
        )
    pattern = "#,##0.##" if abs(number) >= 1 or number == 0 else "0.######"
    return format_decimal(number, format=pattern, locale=locale)


def marked_number(value: Cell, unit: str, status: str, qualifier: str, lang: Language) -> str:
    """A human number with its marks: >14万 (a bound), 8.6万亿* (an estimate)."""
    text = human_number(value, unit, lang)
    return QUALIFIER_MARKS.get(str(qualifier), "") + text + STATUS_MARKS.get(str(status), "")


def percent_text(value: Cell, zero_base: bool = False) -> str:
    """+138.9%; ``new`` from a zero base; a dash when undefined."""
    if pd.isna(value):
        return NEW if zero_base else DASH
    return f"{value:+,.1f}%"


def ratio_text(value: Cell, zero_base: bool = False) -> str:
    """2.39×; ``new`` from a zero base; a dash when undefined."""
    if pd.isna(value):
        return NEW if zero_base else DASH
    return f"{value:,.2f}×"


def signed_human(value: Cell, unit: str, lang: Language) -> str:
    """A change for people, with its sign: +5万亿, -3."""
    if pd.isna(value):
        return DASH
    text = human_number(abs(value), unit, lang)
    return ("+" if value > 0 else "-" if value < 0 else "") + text


def legend(flag_texts: Iterable[str], lang: Language) -> Text | None:
    """The meaning of the marks that appear, or None when none do."""
    present: set[str] = set()
    for text in flag_texts:
        present.update(part for part in str(text).split(";") if part)
    parts = [MARK_LEGEND[name][lang] for name in MARK_LEGEND if name in present]
    return Text("  ".join(parts), style="dim") if parts else None


# --- tables ----------------------------------------------------------------------------


# Text columns wrap, but never narrower than this: a name needs a few letters a line.
TEXT_COLUMN_MIN_WIDTH = 12


@dataclass(frozen=True)
class Column:
    """A table column.

    Attributes:
        header: the column's title.
        numeric: numbers: right-aligned, never wrapped or cut.
        whole: text that must stay whole, such as ids a user will type back.
        optional: 0 if the column must be shown; otherwise it may be left out of
            a narrow terminal's table, higher numbers first.
    """

    header: str
    numeric: bool = False
    whole: bool = False
    optional: int = 0


def build_table(
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    title: str | None = None,
    width: int | None = None,
) -> Table:
    """A table whose numbers and ids are never cut or wrapped; other text wraps.

    Given the terminal's ``width``, optional columns are left out, the most
    dispensable first, while the table cannot fit; the data itself is whole in
    the machine formats.
    """
    kept = list(range(len(columns)))
    table = _table(columns, rows, kept, title)
    droppable = sorted(
        (position for position in kept if columns[position].optional),
        key=lambda position: -columns[position].optional,
    )
    while width is not None and droppable and _minimum_width(table) > width:
        kept.remove(droppable.pop(0))
        table = _table(columns, rows, kept, title)
    return table


def _table(
    columns: Sequence[Column], rows: Sequence[Sequence[str]], kept: list[int], title: str | None
) -> Table:
    table = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left", pad_edge=False)
    for position in kept:
        column = columns[position]
        widest = max([Text(column.header).cell_len] + [Text(r[position]).cell_len for r in rows])
        if column.numeric or column.whole:
            table.add_column(
                column.header,
                justify="right" if column.numeric else "left",
                no_wrap=True,
                min_width=widest,
            )
        else:
            table.add_column(
                column.header, overflow="fold", min_width=min(widest, TEXT_COLUMN_MIN_WIDTH)
            )
    for row in rows:
        table.add_row(*(row[position] for position in kept))
    return table


def make_console(stream: TextIO, width: int | None = None) -> Console:
    """A console that honours NO_COLOR, TERM=dumb and pipes (Rich checks all three)."""
    return Console(file=stream, width=width, highlight=False, soft_wrap=False)


def _minimum_width(table: Table) -> int:
    """The narrowest a table can be with every column at its minimum width.

    Rich's own sum: each column's width and padding (none outside the edge
    columns without ``pad_edge``), a separator between columns and, with
    ``show_edge``, one at each side.
    """
    left, right = table.padding[3], table.padding[1]
    count = len(table.columns)
    width = sum((column.min_width or 1) + left + right for column in table.columns)
    if count and not table.pad_edge:
        width -= left + right
    if table.box:
        width += count - 1 + (2 if table.show_edge else 0)
    return width


def print_renderables(console: Console, renderables: Sequence[RenderableType]) -> None:
    """Print tables and notes, in order.

    A table whose numbers alone are wider than the terminal is printed at the
    width it needs, uncropped: the terminal then wraps whole lines, but no digit
    is ever cut off.
    """
    for renderable in renderables:
        if isinstance(renderable, Table) and _minimum_width(renderable) > console.width:
            # Console.print clamps its width argument to the console's, so widen the console.
            width = console.width
            console.width = _minimum_width(renderable)
            try:
                console.print(renderable, crop=False)
            finally:
                console.width = width
        else:
            console.print(renderable)


# --- views: one human layout per command ----------------------------------------------

HEADERS: dict[str, dict[Language, str]] = {
    "metric": {Language.en: "Metric", Language.zh: "指标"},
    "entity": {Language.en: "Entity", Language.zh: "主体"},
    "series": {Language.en: "Metric (entity)", Language.zh: "指标（主体）"},
    "name": {Language.en: "Name", Language.zh: "名称"},
    "unit": {Language.en: "Unit", Language.zh: "单位"},
    "year": {Language.en: "Year", Language.zh: "年份"},
    "years": {Language.en: "Years", Language.zh: "年份"},
    "observations": {Language.en: "Obs", Language.zh: "观测数"},
    "value": {Language.en: "Value", Language.zh: "数值"},
    "latest": {Language.en: "Latest", Language.zh: "最新值"},
    "change": {Language.en: "Change", Language.zh: "变化"},
    "change_pct": {Language.en: "Change %", Language.zh: "变化率"},
    "ratio": {Language.en: "Ratio", Language.zh: "倍数"},
    "cagr_pct": {Language.en: "CAGR %", Language.zh: "年均增长"},
    "category": {Language.en: "Category", Language.zh: "类别"},
    "trend": {Language.en: "Trend", Language.zh: "走势"},
    "result": {Language.en: "Result", Language.zh: "结果"},
    "check": {Language.en: "Check", Language.zh: "检查项"},
    "expected": {Language.en: "Expected", Language.zh: "应为"},
    "found": {Language.en: "Found", Language.zh: "实得"},
    "detail": {Language.en: "Detail", Language.zh: "说明"},
}


def header(key: str, lang: Language) -> str:
    """A column header in the chosen language."""
    return HEADERS[key][lang]


def indicator_name(indicators: pd.DataFrame, metric: str, lang: Language) -> str:
    """An indicator's name in the chosen language, falling back to the other, then ''."""
    rows = indicators.loc[indicators["metric"] == metric]
    if rows.empty:
        return ""
    first, second = ("name_zh", "name_en") if lang is Language.zh else ("name_en", "name_zh")
    return str(rows.iloc[0][first] or rows.iloc[0][second] or "")


def _span_line(row: Mapping[Hashable, Any], lang: Language) -> str:
    unit = str(row["unit"])
    start = marked_number(row["value_from"], unit, row["status_from"], row["qualifier_from"], lang)
    end = marked_number(row["value_to"], unit, row["status_to"], row["qualifier_to"], lang)
    zero_base = bool(row["value_from"] == 0)
    parts = [
        f"{row['entity']} {row['year_from']} → {row['year_to']}: {start} → {end}",
        signed_human(row["change"], unit, lang),
        percent_text(row["change_pct"], zero_base),
        ratio_text(row["ratio"], zero_base),
        ("CAGR " if lang is Language.en else "年均 ") + percent_text(row["cagr_pct"]),
    ]
    return ", ".join(parts)


def series_view(
    series: pd.DataFrame, spans: pd.DataFrame, indicators: pd.DataFrame, lang: Language
) -> list[RenderableType]:
    """One table per metric (entity, year, value, growth), with its overall change under it."""
    renderables: list[RenderableType] = []
    columns = [
        Column(header("entity", lang)),
        Column(header("year", lang), numeric=True),
        Column(header("value", lang), numeric=True),
        Column(header("change", lang), numeric=True),
        Column(header("change_pct", lang), numeric=True),
        Column(header("cagr_pct", lang), numeric=True),
    ]
    for metric in dict.fromkeys(series["metric"].astype(str)):
        rows_of_metric = series[series["metric"].astype(str) == metric]
        rows: list[list[str]] = []
        previous_zero = False
        for row in rows_of_metric.to_dict("records"):
            unit = str(row["unit"])
            zero_base = bool(previous_zero and not pd.isna(row["previous_year"]))
            rows.append(
                [
                    str(row["entity"]),
                    str(row["year"]),
                    marked_number(
                        row["value"], unit, str(row["status"]), str(row["qualifier"]), lang
                    ),
                    signed_human(row["change"], unit, lang),
                    percent_text(row["change_pct"], zero_base),
                    percent_text(row["cagr_pct"]),
                ]
            )
            previous_zero = bool(row["value"] == 0)
        name = indicator_name(indicators, metric, lang)
        unit = str(rows_of_metric["unit"].iloc[0])
        title = " · ".join(part for part in (metric, name, unit) if part)
        renderables.append(build_table(columns, rows, title=title))
        for span_row in spans[spans["metric"].astype(str) == metric].to_dict("records"):
            if span_row["year_from"] != span_row["year_to"]:
                renderables.append(Text(_span_line(span_row, lang)))
        note = legend(rows_of_metric["flags"], lang)
        if note is not None:
            renderables.append(note)
        renderables.append(Text(""))
    return renderables[:-1] if renderables else renderables


def compare_view(
    comparison: pd.DataFrame,
    only_from: pd.DataFrame,
    only_to: pd.DataFrame,
    year_from: int,
    year_to: int,
    indicators: pd.DataFrame,
    lang: Language,
) -> list[RenderableType]:
    """Every series between two years, and what had only one of them."""
    # One text column for the series leaves the narrow terminal's room to the numbers.
    columns = [
        Column(header("series", lang), whole=True),
        Column(str(year_from), numeric=True),
        Column(str(year_to), numeric=True),
        Column(header("change", lang), numeric=True),
        Column(header("change_pct", lang), numeric=True),
        Column(header("ratio", lang), numeric=True),
        Column(header("cagr_pct", lang), numeric=True),
    ]
    rows: list[list[str]] = []
    for row in comparison.to_dict("records"):
        unit = str(row["unit"])
        zero_base = row["value_from"] == 0
        rows.append(
            [
                f"{row['metric']} ({row['entity']})",
                marked_number(
                    row["value_from"],
                    unit,
                    str(row["status_from"]),
                    str(row["qualifier_from"]),
                    lang,
                ),
                marked_number(
                    row["value_to"], unit, str(row["status_to"]), str(row["qualifier_to"]), lang
                ),
                signed_human(row["change"], unit, lang),
                percent_text(row["change_pct"], zero_base),
                ratio_text(row["ratio"], zero_base),
                percent_text(row["cagr_pct"]),
            ]
        )
    title = f"{year_from} → {year_to}"
    renderables: list[RenderableType] = [build_table(columns, rows, title=title)]
    note = legend(comparison["flags"], lang)
    if note is not None:
        renderables.append(note)
    for year, missing in ((year_from, only_from), (year_to, only_to)):
        if not missing.empty:
            renderables.append(Text(_not_compared_line(year, missing, lang), style="dim"))
    return renderables


def _not_compared_line(year: int, missing: pd.DataFrame, lang: Language) -> str:
    series = ", ".join(f"{row['metric']} ({row['entity']})" for row in missing.to_dict("records"))
    if lang is Language.zh:
        return f"未比较，仅有{year}年数据（{len(missing)}）：{series}"
    return f"Not compared, only {year} in the data ({len(missing)}): {series}"


def catalog_view(
    catalog: pd.DataFrame,
    lang: Language,
    values: Mapping[tuple[str, str], Sequence[float]] | None = None,
    width: int | None = None,
) -> list[RenderableType]:
    """The catalog: one row per (metric, entity), with a sparkline of each series.

    On a terminal narrower than the table, unit, trend, count and name are left
    out in that order: ids, years and the latest value always stay.
    """
    columns = [
        Column(header("metric", lang), whole=True),
        Column(header("entity", lang), whole=True),
        Column(header("name", lang), optional=1),
        Column(header("unit", lang), whole=True, optional=4),
        Column(header("years", lang), numeric=True),
        Column(header("observations", lang), numeric=True, optional=2),
        Column(header("trend", lang), whole=True, optional=3),
        Column(header("latest", lang), numeric=True),
    ]
    name_column = "name_zh" if lang is Language.zh else "name_en"
    other_column = "name_en" if lang is Language.zh else "name_zh"
    rows: list[list[str]] = []
    for row in catalog.to_dict("records"):
        flag_parts = str(row["latest_flags"]).split(";")
        status = next((part for part in flag_parts if part in STATUS_MARKS), "")
        qualifier = next((part for part in flag_parts if part in QUALIFIER_MARKS), "")
        years = (
            str(row["first_year"])
            if row["first_year"] == row["last_year"]
            else f"{row['first_year']}–{row['last_year']}"
        )
        rows.append(
            [
                str(row["metric"]),
                str(row["entity"]),
                str(row[name_column] or row[other_column]),
                str(row["unit"]),
                years,
                str(row["observations"]),
                sparkline((values or {}).get((str(row["metric"]), str(row["entity"])), [])),
                marked_number(row["latest_value"], str(row["unit"]), status, qualifier, lang),
            ]
        )
    renderables: list[RenderableType] = [build_table(columns, rows, width=width)]
    note = legend(catalog["latest_flags"], lang)
    if note is not None:
        renderables.append(note)
    return renderables


def plain_view(frame: pd.DataFrame, numeric_columns: Sequence[str] = ()) -> list[RenderableType]:
    """Any frame as a table of its exact machine text (export, verify)."""
    text = machine_text(frame)
    columns = [Column(str(name), numeric=name in numeric_columns) for name in text.columns]
    rows = [list(row) for row in text.itertuples(index=False, name=None)]
    return [build_table(columns, rows)]


SPARK_BARS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float]) -> str:
    """A tiny bar chart of a series, lowest value ▁, highest █ (a flat series sits mid-way)."""
    if not values:
        return ""
    low, high = min(values), max(values)
    if high == low:
        return SPARK_BARS[3] * len(values)
    top = len(SPARK_BARS) - 1
    return "".join(SPARK_BARS[round((value - low) / (high - low) * top)] for value in values)


def search_view(results: pd.DataFrame, lang: Language) -> list[RenderableType]:
    """Search results: id, name in the chosen language, category, description."""
    name_column, other_column = (
        ("name_zh", "name_en") if lang is Language.zh else ("name_en", "name_zh")
    )
    columns = [
        Column(header("metric", lang), whole=True),
        Column(header("name", lang)),
        Column(header("category", lang)),
        Column(header("unit", lang)),
    ]
    rows = [
        [
            str(row["metric"]),
            str(row[name_column] or row[other_column]),
            str(row["category"]),
            str(row["unit"]),
        ]
        for row in results.to_dict("records")
    ]
    return [build_table(columns, rows)]


def source_view(rows: pd.DataFrame, citation: str, lang: Language) -> list[RenderableType]:
    """Each figure with the verbatim passage it comes from, then the publication."""
    renderables: list[RenderableType] = []
    for row in rows.to_dict("records"):
        unit = str(row["unit"])
        figure = marked_number(row["value"], unit, str(row["status"]), str(row["qualifier"]), lang)
        labels = ", ".join(part for part in (str(row["status"]), str(row["qualifier"])) if part)
        heading = Text(f"{row['metric']} · {row['entity']} · {row['year']}: ", style="bold")
        heading.append(f"{figure} {unit}".rstrip())
        if labels:
            heading.append(f" ({labels})", style="dim")
        renderables.append(heading)
        quote = str(row["quote"])
        renderables.append(Text(f"  “{quote}”" if quote else "  " + NO_QUOTE[lang]))
        if str(row["note"]):
            renderables.append(Text(f"  {NOTE_LABEL[lang]}{row['note']}", style="dim"))
    if citation:
        renderables.append(Text(f"{SOURCE_LABEL[lang]}{citation}", style="dim"))
    note = legend(
        (";".join(str(row[c]) for c in ("status", "qualifier")) for row in rows.to_dict("records")),
        lang,
    )
    if note is not None:
        renderables.append(note)
    return renderables


NO_QUOTE: dict[Language, str] = {
    Language.en: "(no quote: unsourced)",
    Language.zh: "（无原文引用）",
}
NOTE_LABEL: dict[Language, str] = {Language.en: "note: ", Language.zh: "说明："}
SOURCE_LABEL: dict[Language, str] = {Language.en: "Source: ", Language.zh: "来源："}


RESULT_STYLES: dict[str, str] = {"pass": "green", "fail": "bold red", "unsourced": "yellow"}


def verify_view(
    results: pd.DataFrame, lang: Language, width: int | None = None
) -> list[RenderableType]:
    """Each check with what was expected and found; failures stand out.

    On a narrow terminal the detail and entity columns are left out first.
    """
    columns = [
        Column(header("result", lang), whole=True),
        Column(header("check", lang), whole=True),
        Column(header("metric", lang), whole=True),
        Column(header("entity", lang), optional=1),
        Column(header("year", lang), numeric=True),
        Column(header("expected", lang), whole=True),
        Column(header("found", lang), whole=True),
        Column(header("detail", lang), optional=2),
    ]
    text = machine_text(results)
    rows = [
        [
            row["result"],
            row["check"],
            row["metric"],
            row["entity"],
            row["year"],
            row["expected"],
            row["found"],
            row["detail"],
        ]
        for row in text.to_dict("records")
    ]
    table = build_table(columns, rows, width=width)
    for position, row in enumerate(rows):
        style = RESULT_STYLES.get(str(row[0]))
        if style:
            table.rows[position].style = style
    return [table]
