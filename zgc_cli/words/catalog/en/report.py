"""The report and citations, in English: ``{id: text}``. Data only."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    # --- citations (zgc cite) ---
    "cite.figure": "Figure cited: {name}, {year}: {value} [{raw}] ({labels})",
    # The figure in raw numbers; with its strict interval where it is not a plain point.
    "cite.raw": "{raw} {unit}",
    "cite.raw_interval": "{raw} {unit}; interval {interval}",
    # A bound in words: a note has no legend for the tables' marks.
    "cite.more_than": "more than {value}",
    "cite.at_least": "at least {value}",
    "cite.nearly": "nearly {value}",
    "cite.less_than": "less than {value}",
    "cite.at_most": "at most {value}",
    "cite.order_of_magnitude": "of the order of {value}",
    "cite.about": "about {value}",
    "cite.name_entity": "{name} ({entity})",
    "cite.passage": "Passage: “{quote}”",
    "cite.no_passage": "The data gives no passage",
    "cite.data_note": "Data note: {note}",
    "cite.dataset": "Dataset {name}, version {version}, file {file}, row {row}, SHA-256 {sha256}",
    "cite.no_version": "not given",
    "cite.not_hashed": "not computed (the data was read from standard input)",
    "cite.sentence_end": ". ",
    "cite.note_label": "Note. ",
    "cite.no_issue": "The data package gives no issue number of the periodical",
    # --- output files ---
    # --- report ---
    "report.title": "Innovation figures: a fact sheet",
    # The shipped data's report names its place and its source in the title and heading.
    "report.title_zgc": "Zhongguancun in figures",
    "report.title_source": "{title}, from {source}",
    # Beneath the title where the figures come from several publications.
    "report.drawn_from": "From {sources}",
    "report.source_separator": "; ",
    # A change of scope, where the terminal names `zgc source`: the figures' passages say it.
    "report.scope_series": "{mark} {year}: its change from {previous} joins figures "
    "that differ in scope (each figure's passage gives its scope)",
    "report.scope_compared": "{mark} {name}: the two figures differ in scope "
    "(each figure's passage gives its scope)",
    "report.source_date": "{source}, {date}",
    "report.mark.inferred_year": "? year inferred (the figure's passage tells how)",
    "report.language": "Language",
    "report.language_name": "English",
    "report.contents": "Contents",
    "report.how_to_read": "Hover over or tap any underlined number to see the sentence it comes "
    "from.",
    "report.how_to_read_markdown": "Each number's footnote gives the sentence it comes from. "
    "Marks:",
    "report.marks": "Marks",
    "report.catalog": "Indicators by category",
    "report.series": "Series and growth",
    "report.series_intro": "Indicators with figures for more than one year; each change is since "
    "the previous figure, and CAGR is annualised over the years between them.",
    "report.comparisons": "Comparisons between years",
    "report.shares": "Shares of a whole",
    "report.timeline": "Timeline",
    "report.none": "None in this selection.",
    "report.figure": "{name}, {entity}, {year}: {value}",
    "report.no_charts": "No charts: they need matplotlib (pip install 'zgc[plot]').",
    "report.made_by": "Made by zgc {version}.",
    "report.data": "Data: {label}",
    # A publication's date as a newspaper writes it (5 April 2024, 2024年4月5日).
    "report.date_month": "{month_name} {year}",
    "report.date_day": "{day} {month_name} {year}",
    "month.1": "January",
    "month.2": "February",
    "month.3": "March",
    "month.4": "April",
    "month.5": "May",
    "month.6": "June",
    "month.7": "July",
    "month.8": "August",
    "month.9": "September",
    "month.10": "October",
    "month.11": "November",
    "month.12": "December",
}
