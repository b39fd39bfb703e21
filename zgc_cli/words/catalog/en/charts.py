"""Charts: titles, legends, notes, in English: ``{id: text}``. Data only."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    # Charts.
    "chart.series": "Series:",
    "chart.marks": "Marks:",
    "chart.titled": "{name} ({unit})",
    # A name that ends in brackets already: a second pair would read as a double aside.
    "chart.titled_bracketed": "{name}, in {unit}",
    "chart.not_indexed": "not indexed: {series} is {value} in {year}, its base year; an index "
    "needs a positive base value",
    "chart.index_intervals": "a vertical bar through a point: the interval of the index that the "
    "figures' words and digits allow (a derived figure, a bound, a rounded base)",
    "chart.index_unbounded": "not drawn: {series} in {year}, whose index the figures' words do "
    "not bound ({reading})",
    "chart.no_index": "no series can be indexed; shown in separate panels",
    "chart.note": "Note: ",
    "chart.too_many": "too many series for one chart: {count}, {most} of them in one panel; a "
    "chart shows at most {per_panel} lines in a panel and {total} in all: chart fewer ids, or "
    "fewer entities with --entity",
    "chart.index_overflow": "not indexed: {series} is {value} in {year}, its base year; its index "
    "is too large for a number",
    "chart.no_glyph": "no font here draws {characters}: they show as boxes in the chart",
    # --- charts: bars, a common index base, growth labels ---
    "chart.bars_title": "{title}, {years}",
    "chart.year": "{year}",
    "chart.bar_year": "{entity} ({year})",
    "chart.index_year_title": "Index ({year} = 100)",
    # Under --tolerance the series' base years differ: the title says so, not one year.
    "chart.index_years_title": "Index: each series = 100 in its base year ({years})",
    "chart.index_nearest": "{text} ({year} = 100, nearest year)",
    "chart.growth": "{text}  {change} {first}–{last}",
    "chart.growth_note": "each panel's axis starts at zero; legends give each series' change",
    "chart.no_common_base": "no year that every series has ({series}): choose one with --base "
    "YEAR{hint}",
    "chart.tolerance_hint": ", or allow nearby years with --tolerance {tolerance}",
    "chart.no_base_year": "no figure {within} for {series}: choose another --base, or allow "
    "nearby years with --tolerance",
    "chart.in_year": "in {year}",
    "chart.near_year": "within ±{tolerance} of {year}",
    "chart.series_years": "{series} (years {years})",
}
