"""What ``zgc extract`` says of an article's figures, in English: ``{id: text}``. Data only."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    # --- errors and notes ---
    "what.extract_input": "the text",
    "extract.empty": "{label}: holds no text",
    "extract.no_year": "{label}: the text names no year and no --published date was given: "
    "add --published (a figure's year is never guessed)",
    "extract.bad_published": "--published {value!r}: not a date (write 2024, 2024-04 or "
    "2024-04-20)",
    "extract.bad_entity": "--entity {value!r}: not an id (lower case letters, digits and _)",
    "extract.entities_columns": "{label}: an entities file needs the columns entity and aliases_zh",
    "extract.no_published": "no --published date: undated figures are dated {year}, the latest "
    "year the text names (year_basis inferred)",
    # --- notes of the rows (machine formats keep the English; note_zh the Chinese) ---
    "extract.note.clause": "year stated in the figure's clause",
    "extract.note.sentence": "year stated in the figure's sentence",
    "extract.note.range": "year stated: the end of the range {range}, a cumulative figure's window",
    "extract.note.paragraph": "year inferred: {year}, the year an earlier sentence of the "
    "paragraph names",
    "extract.note.relative": "year inferred: {words} counted from the publication date, {year}",
    "extract.note.later": "year inferred: {words} after {base}",
    "extract.note.respective": "year inferred: {year}, by 分别 (respectively) over {first}–{last}",
    "extract.note.title": "year inferred: {year}, the year the title names",
    "extract.note.publication": "current at publication ({date})",
    "extract.note.latest": "year inferred: {year}, the latest year the text names (no --published "
    "date)",
    "extract.note.estimate": "{word}: an estimate",
    "extract.note.target": "{word}: a target or plan",
    "extract.note.claim": "{growth} over {base}, within half its last written digit ({step}); the "
    "{base} row is derived from these words",
    "extract.note.future": "a figure for {year}, after publication: a target or forecast",
    "extract.note.growth": "growth since {base}, as written",
    "extract.note.growth_year": "year inferred: {year}, the year of the level that grew since "
    "{base}",
    "extract.note.derived": "{level} and {growth} read back to {base}",
    # --- the review view ---
    "extract.title": "{count} figures in {paragraphs} paragraphs of {label}",
    "extract.paragraph": "Paragraph {number}",
    "extract.counts_status": "By status: {counts}",
    "extract.counts_qualifier": "By qualifier: {counts}",
    "extract.count_item": "{name} {count}",
    "extract.nothing": "No figure found in {label}.",
    "extract.hint": "In a pipe, or with -o draft.csv, the rows are CSV in the data's columns.",
    "extract.header.figure": "Figure",
    "extract.header.status": "Status",
    "extract.header.metric": "Draft metric",
}
