"""Output formats and files, in English: ``{id: text}``. Data only."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "tsv.unwritable": "cannot write {format}: record {row}, column {column!r} holds a {what}, "
    "which a {mediatype} field cannot; write --format csv or json instead",
    "tsv.unwritable_header": "cannot write {format}: the column name {column!r} holds a {what}, "
    "which a {mediatype} field cannot; write --format csv or json instead",
    "tsv.tab": "tab",
    "tsv.line_break": "line break",
    # Read as CSV quoting by pandas, spreadsheets and zgc: the quotes would be lost.
    "tsv.leading_quote": "cannot write {format}: record {row}, column {column!r} begins with a "
    "double quote, which {format} readers (pandas, spreadsheets, zgc) take for quoting; write "
    "--format csv or json instead",
    "tsv.leading_quote_header": "cannot write {format}: the column name {column!r} begins with a "
    "double quote, which {format} readers (pandas, spreadsheets, zgc) take for quoting; write "
    "--format csv or json instead",
    "schema.unknown": "no schema named {name!r}; the schemas: {names}",
    "package.with_output": "--package writes a folder (a CSV and its datapackage.json): leave out "
    "--output, --format and --bom",
}
