"""Vintages, diffs and cited figures, in English: ``{id: text}``. Data only."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "vintages.bad_as_of": "--as-of {value}: not a date (write it as 2024, 2024-05 or 2024-05-31)",
    "vintages.not_yet": "--as-of {as_of}: {count} figure(s) published later left out ({sources})",
    "vintages.revised_from": "revised from {figure} ({status}, {date})",
    "vintages.scope": "scope differs: {scope}",
    "vintages.no_passage": "no passage shipped: see the publication ({address})",
    "diff.need_two": "zgc diff compares two: OLD and NEW files, or --as-of twice",
    "diff.summary": "{total} change(s): {counts}{largest}",
    "diff.largest": "; largest revision {metric} {year} {change}",
    # Where a revision rests on a bound or interval (突破14万, a derived 179…193万).
    "diff.largest_bounded": "; largest revision {metric} {year} {change}, ranked by the least "
    "change the figures' words and digits allow ({count} revision(s) rest on a bound or interval)",
    "diff.largest_none": "; no largest revision: the figures' words and digits allow each to be "
    "no change ({count} rest on a bound or interval)",
    "diff.none": "no change",
    "diff.unexplained": "{count} change(s) unexplained: {kinds}",
    "diff.kind.revised": "revised",
    "diff.kind.re_rounded": "re-rounded",
    "diff.kind.inconsistent_rounding": "inconsistent rounding",
    "diff.kind.superseded_estimate": "superseded estimate",
    "diff.kind.qualifier_changed": "qualifier changed",
    "diff.kind.re_dated": "re-dated",
    "diff.kind.scope_differs": "scope differs",
    "diff.kind.added": "added",
    "diff.kind.removed": "removed",
    "diff.header.indicator": "Indicator",
    "diff.header.year": "Year",
    "diff.header.old": "Old",
    "diff.header.new": "New",
    "diff.header.change_pct": "Change %",
    "diff.header.kind": "Change",
    "diff.header.overlap": "Intervals",
    "diff.overlap": "overlap",
    "diff.disjoint": "disjoint",
    "diff.and_scope": "; scope differs",
    "diff.unexplained_mark": " (unexplained)",
    "diff.title": "{old} → {new}",
    "diff.count": "{count} {kind}",
    "diff.joiner": ", ",
    "verify.cited": "no passage shipped (by design): cited to {title}, {date}, {address}",
    "verify.cited_quote": "a cited source ships no sentence of its publication, yet this row has "
    "a quote",
    "verify.cited_unknown": "the publication {name} is not among the data package's sources",
    "verify.cited_incomplete": "the publication lacks a title, a date or an address",
    "verify.cited_no_figure": "the figure as written holds no number",
    "verify.cited_value": "the figure as written states the value",
    "verify.cited_value_differs": "the figure as written states another value",
    "verify.cited_qualifier": "the figure's wording gives this qualifier",
    "verify.cited_qualifier_differs": "the figure's wording gives another qualifier",
    "vintages.current_line": "published {date} (current): {citation}",
    "vintages.earlier_line": "published {date} (an earlier vintage): {citation}",
    "vintages.same_as": "as published earlier: {figure} ({status}, {date})",
    "vintages.catalog_note": "a later publication of the figure, which replaced an earlier one",
    "vintages.note_line": "{mark} {what}: {text}",
    "vintages.series_year": "{name} {year}",
    "vintages.year": "{year}",
    # Where a row joins two figures that count differently (口径): the mark and its legend.
    "vintages.scope_compared": "{mark} {name}: the two figures differ in scope ({command} shows "
    "each)",
    "vintages.scope_series": "{mark} {year}: its change from {previous} joins figures that differ "
    "in scope ({command} shows each)",
}
