"""Selecting rows: ids, names, years, in English: ``{id: text}``. Data only."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    # --- a name (Beijing, 北京, ZGC, 企业总收入) that means more than one id ---
    "names.ambiguous_metric": "{wanted!r} could be any of these metrics: {candidates}; give its id",
    "names.ambiguous_entity": "{wanted!r} could be any of these entities: {candidates}; give its "
    "id",
    # A candidate: the id to type and, beside it, what it is called.
    "names.candidate": "{id} ({name})",
    "names.candidate_id": "{id}",
    # A suggestion: English readers get the id to type, Chinese readers the name (also typeable).
    # (``shown`` is the id in English and the name in Chinese.)
    "names.suggestion": "{shown}",
    "usage.unknown_language": "--lang {wanted}: zgc speaks {available}",
    # --- an empty result: why, and what would give one (a note, exit 0) ---
    "empty.series_years": "no figure of {metrics} {window}; its years: {years}{nearest}",
    "empty.nearest": " (nearest: {nearest}, e.g. {option})",
    "empty.window_from": "from {year_from} on",
    "empty.window_to": "up to {year_to}",
    "empty.window_between": "between {year_from} and {year_to}",
    "empty.filters": "nothing matched {filters}: without them there are {count} row(s)",
    "empty.compare_years": "no series selected has a figure in {year_from} or {year_to}; their "
    "years: {years}{hint}",
    "empty.compare_tolerance": " (--tolerance {tolerance} compares the nearest years)",
    "empty.catalog_years": "no figure {window}; the data's years: {first}–{last}",
    "empty.share_no_whole": "no share of {metric}: its entities ({entities}) have no whole with a "
    "figure in the same year; metrics with a part and its whole in one year: {usable}",
    "empty.share_none_usable": "none in this data",
    "empty.nothing_matched": "nothing matched: no row passes the filters ({filters})",
    # --- bare `zgc`: what the data is, three commands to start with (lines fit 60 columns) ---
    "welcome.what": "zgc: the innovation indicators of Zhongguancun (中关村),\nBeijing's science "
    "park, as the April 2024 《瞭望》 (Outlook\nWeekly) feature and later publications report "
    "them; each\nfigure is traced to the sentence that states it.",
    "welcome.start": "Start with:",
    "welcome.metrics": "every indicator: its latest value, years and unit",
    "welcome.series": "a series with its growth (or by name: 企业总收入)",
    "welcome.compare": "the decade, indicator by indicator",
    "welcome.more": "zgc --help lists every command; zgc COMMAND --help shows\nits options and "
    "examples.",
    # --- the catalog on a terminal ends with what to run next (in 60 columns) ---
    "next.catalog": "Next: zgc metrics ID (or a name) for a series and its growth",
}
