"""What the model, stats and the process say when something is wrong, in English.

Data only: ``{id: text}``.
"""

from __future__ import annotations

TEXTS: dict[str, str] = {
    # --- errors: what a file is, in messages ---
    "what.article": "the article",
    "what.package": "the data package",
    "what.indicators": "indicator metadata",
    "what.claims": "claims",
    "what.entities": "entities",
    "what.events": "events",
    # --- errors: opening and reading a path ---
    "path.no_such_file": "no such file",
    "path.dangling_link": "no such file (a symbolic link to a missing file)",
    "path.too_long": "too long a name",
    "path.link_loop": "symbolic link loop",
    "path.permission": "permission denied",
    "path.permission_enter": "permission denied (cannot enter {parent})",
    "path.socket": "no such device or address (a socket?)",
    "path.no_device": "no such device",
    "path.io": "input/output error",
    "path.memory": "not enough memory",
    "path.too_many_open": "too many open files",
    "path.not_open": "not open for reading",
    "path.would_block": "would block (a non-blocking descriptor)",
    "path.parent_is_file": "{parent} is a file, not a directory",
    "path.parent_not_directory": "{parent} is not a directory",
    "path.part_not_directory": "a part of the path is not a directory",
    "input.problem": "{label}: {reason}",
    "input.directory_not_file": "{label}: is a directory, not a file",
    "input.directory_not_csv": "{label}: is a directory, not a CSV file",
    "input.cannot_read": "{label}: cannot read: {reason}",
    "input.cannot_read_what": "{label}: cannot read {what}: {reason}",
    "input.closed_file": "{label}: cannot read: the file was closed",
    "input.stdin_closed": "{label}: standard input is closed",
    "input.bad_name": "{label}: not a valid file name",
    "input.nul_file": "{label}:{line}: NUL byte: not a text file (UTF-16 or binary?)",
    "input.nul_csv": "{label}:{line}: NUL byte: not a text CSV (UTF-16 or binary?)",
    "input.no_line_break_file": "{label}:1: no line break in the first {size}: not a text file",
    "input.no_line_break_csv": "{label}:1: no line break in the first {size}: not a CSV",
    "input.mixed_encodings": "{label}:{line}: not UTF-8, though most of the file is (mixed "
    "encodings?)",
    "input.utf8_in_gb18030": "{label}:{line}: UTF-8, though the rest of the file is GB18030 "
    "(mixed encodings?)",
    "input.undecodable": "{label}:{line}: bytes that decode as neither UTF-8 nor GB18030",
    "input.data_empty": "--data is empty: give a CSV path, or - for stdin",
    # --- errors: the shape of a CSV ---
    "csv.header": "{label}:1: cannot read the header: {problem}",
    "csv.header_encoding": "{label}:1: the header decodes as neither UTF-8 nor GB18030",
    "csv.ragged": "{label}:{line}: ragged row: {fields} fields, the header has {columns}",
    "csv.row": "{label}:{line}: cannot read this row: {problem}",
    "csv.parse": "{label}:{line}: cannot parse as CSV: {problem}",
    "csv.unexpected_end": "unexpected end of data",
    "csv.nul": "line contains NUL",
    "csv.field_limit": "a field longer than {most}, the limit (set {variable} to raise it)",
    "csv.newline": "new-line character seen in unquoted field - do you need to open the file with "
    "newline=''?",
    "json.value": "Expecting value",
    "json.property": "Expecting property name enclosed in double quotes",
    "json.comma": "Expecting ',' delimiter",
    "json.colon": "Expecting ':' delimiter",
    "json.extra": "Extra data",
    "json.string": "Unterminated string starting at",
    "json.control": "Invalid control character at",
    "json.escape": "Invalid \\escape",
    "data.empty_file": "{label}: empty file",
    "data.no_observations": "{label}: a header but no observations",
    "data.memory": "{label}: not enough memory to load the data",
    "data.repeated_columns": "{label}:1: repeated column names: {columns}",
    "data.missing_columns": "{label}:1: missing required column(s) {missing}; found: {found}",
    "data.no_columns": "(none)",
    "data.missing_column": "{label}:1: missing required column {column}",
    "data.unnamed_column": "{label}:1: column {position} has values but no name",
    "data.not_number": "{label}:{line}: column '{column}': {cell!r} is not a number",
    "data.empty_cell": "{label}:{line}: column '{column}' is empty",
    "data.bad_cell": "{label}:{line}: column '{column}': {shown} {problem}",
    "data.outside_interval": "{label}:{line}: value {value} is outside the row's interval (low "
    "{low}, high {high}): low ≤ value ≤ high is needed",
    "cell.empty_metric": "is an empty metric id",
    "cell.empty": "is empty",
    "cell.not_whole_year": "is not a whole year",
    "cell.year_out_of_range": "is out of range",
    "data.too_large": "{label}:{line}: column '{column}': infinite, or beyond {most} (the largest "
    "float)",
    "cell.not_finite": "is not a finite number",
    "cell.not_one_of": "is not one of {allowed}",
    "data.duplicate": "{label}:{line}: duplicate observation (metric={metric}, entity={entity}, "
    "year={year}), first at {first}",
    # --- errors: the files beside the data ---
    "table.ragged": "{label}:{line}: cannot read {what}: ragged row: {fields} fields, the header "
    "has {columns}",
    "table.problem": "{where}: cannot read {what}: {problem}",
    "package.json": "{label}:{line}: cannot read the data package: {problem} (column {column})",
    "package.value": "{label}: cannot read the data package: {problem}",
    "package.not_object": "{label}: not a data package (expected a JSON object)",
    "package.sources": "{label}: 'sources' should be a list",
    # --- errors: what a command asked for ---
    "select.unknown_metric": "unknown metric {wanted!r}{hint} (`zgc metrics` lists the {count} "
    "available)",
    "select.unknown_entity": "unknown entity {wanted!r}{hint}; available: {available}",
    "compare.years_in_order": "compare {year_from} {year_to}: the first year must be earlier than "
    "the second",
    "select.unknown_status": "unknown status {wanted!r}{hint}; available: {available}",
    "select.unknown_category": "unknown category {wanted!r}{hint}; available: {available}",
    "select.did_you_mean": "; did you mean {close}?",
    "select.no_categories": "no categories: this data has no indicators.csv with a category column",
    "select.no_year": "year {year} is not in the data; available: {available}",
    "select.no_year_near": "year {year} is not in the data, nor any within ±{tolerance}; "
    "available: {available}",
    "select.no_figure_year": "{metric} has no figure for {year}; its years: {available}",
    "select.no_match": "no indicator matches {text!r}; `zgc metrics` lists them all",
    "select.no_events": "no events.csv beside the data: there is no timeline to show",
    "share.not_amounts": "{metric} is not an amount ({kinds}): a share of a whole needs amounts "
    "(a level, a flow or a running total)",
    "share.no_parents": "no entities.csv with parents beside the data: a share needs to know what "
    "is part of what",
    "share.no_whole": "{metric} has no figure for {whole!r}; its entities: {available}",
    "kind.level": "level",
    "kind.flow": "flow",
    "kind.cumulative": "cumulative",
    "kind.share": "share",
    "kind.rank": "rank",
    "kind.attribute": "attribute",
    # --- errors: formats beside CSV (json, jsonl, tsv, xlsx) and where a row is in them ---
    "place.line": "line {number}",
    "place.row": "row {number}",
    "place.record": "record {number}",
    "place.record_at": "{label}: record {number}",
    "read.unknown_format": "{path}: unknown format {suffix}: {advice}",
    "read.xls": "old Excel .xls: save it as .xlsx or CSV",
    "read.parquet": "Parquet needs pyarrow, which zgc does not install: write CSV instead",
    "read.feather": "Feather needs pyarrow, which zgc does not install: write CSV instead",
    "read.ods": "OpenDocument spreadsheet: save it as .xlsx or CSV",
    "read.numbers": "Apple Numbers: export it as .xlsx or CSV",
    "read.comparison_rows": "{label}: comparison rows (the output of zgc compare), not "
    "observations: read the observations with zgc export (-m/-e/-c choose them)",
    "json.not_text_or_number": "{where}: column '{column}': {shown} is not a text or number",
    "json.not_finite": "{where}: column '{column}': {cell!r} is not a finite number",
    "json.holds": "{where}: column '{column}' holds {kind}, not a text or number",
    "json.kind_list": "a list",
    "json.kind_object": "an object",
    "json.kind_value": "a single value",
    "json.no_keys": "{label}: objects without keys: no observations",
    "json.invalid_at": "{label}:{line}: not valid JSON: {problem} (column {column})",
    "json.invalid": "{label}: not valid JSON: {problem}",
    # Python's own words in English; in Chinese, what they mean.
    "json.nul": "{where}: column {column!r}: a {escape} (NUL) character, which no text holds",
    "json.duplicate_key": "{where}: key {name!r} appears twice in one object (which to keep?)",
    "json.lone_surrogate": "a {escapes} escape without its pair, which is no character",
    "json.too_deep": "{words}",
    "json.too_many_digits": "{words}",
    "json.not_list": "{label}: not a list of objects: the JSON is {kind}",
    "json.empty_list": "{label}: an empty list, no observations",
    "json.record_not_object": "{label}: record {number}: not an object (a list of objects "
    "expected)",
    "jsonl.not_object": "{label}:{number}: not a JSON object (one object a line expected)",
    "xlsx.needs_extra": "{label}: reading .xlsx needs the excel extra: {hint}",
    "xlsx.unreadable": "{label}: not a readable .xlsx workbook: {reason}",
    "xlsx.no_sheet": "{label}: no sheet {sheet!r}; the sheets are: {sheets}",
    "xlsx.no_sheets": "{label}: a workbook without sheets",
    "xlsx.empty_sheet": "{label}: sheet {sheet!r} is empty",
    "xlsx.no_observations": "{label}: sheet {sheet!r} has a header but no observations",
    "xlsx.too_big": "{label}: the workbook expands to more than {most}, the limit (set {variable} "
    "to raise it)",
    "xlsx.too_many_cells": "{label}: sheet {sheet!r} spans {cells} cells ({first} to {last}); the "
    "limit is {most} (set {variable} to raise it)",
    "xlsx.sheet_problem": "{label}:{row}: sheet {sheet!r}: {reason}",
    "xlsx.bad_row": "a row numbered {row!r}, not 1 to {most}",
    "xlsx.bad_cell": "a cell reference {cell!r}, not {first} to {last}",
    "xlsx.bad_value": "cell {cell}: {value!r} is not a number",
    "xlsx.bad_xml": "broken sheet XML at its line {line}, column {column} ({words})",
    "limit.bad_value": "{variable}={value!r}: a limit is a whole number above 0",
    # --- errors: several data sources ---
    "sources.empty_entry": "{variable} has an empty entry: {value!r}",
    "sources.twice": "--data {label} is given twice{also}",
    "sources.first_as": " (first as {first})",
    "sources.no_workbook": "--sheet {sheet!r}: no .xlsx among the data sources",
    "sources.not_a_source": "--prefer {option}: not one of the data sources ({given})",
    "sources.duplicate": "duplicate observation (metric={metric}, entity={entity}, year={year}) "
    "in two sources: {first} and {second} (--prefer SOURCE chooses whose figure counts)",
    # --- errors: what a command asked for (more) ---
    "select.from_after_to": "--from {year_from} is after --to {year_to}",
    "select.no_figure_year_in": "{which} has no figure for {year}; its years: {available}",
    "select.which_metric": "{metric}",
    "select.which_data": "the data",
    "select.which_entities": "{which} ({entities})",
    "cite.no_package": "{label}: no datapackage.json with sources beside the data: there is no "
    "publication to cite",
    "cite.year_first": "{year}: a year cites a figure of the metric before it: name the metric "
    "first",
    "report.nothing": "no observations match these filters: nothing to report",
    "report.suffix": "the report's format comes from the file name, which must end in {suffixes}",
    "report.needs_jinja": "the report needs Jinja2, which is not installed: {hint}",
    "report.charts_missing": "the report has no charts: they need matplotlib (pip install "
    "'zgc[plot]')",
    "report.no_chart": "{metric}: no chart: {reason}",
    # --- errors: writing the output ---
    "write.folder": "cannot write {path}: it is a folder",
    "write.no_folder": "cannot write {path}: no folder {folder}",
    "write.not_folder": "cannot write {path}: {folder} is a file, not a folder",
    "write.locked_folder": "cannot write {path}: permission denied (cannot enter {folder})",
    "write.protected": "refusing to write {path}: it is write-protected (mode {mode}); make it "
    "writable ({command}) or write to another file",
    "write.folder_name": "cannot write {path}: a name ending in {slash} is a folder's, and there "
    "is no such folder",
    "write.failed": "cannot write {path}: {reason}",
    "write.is_input": "refusing to write {path}: it is {role}; write to another file",
    "input.shipped": "the shipped data",
    "input.stdin_data": "the input data (standard input)",
    "input.data_file": "the input data (--data {path})",
    "input.article": "the article (--article {path})",
    "input.sidecar": "the {name} read beside the data",
    "format.unknown_suffix": "-o {file}: cannot tell the format from the name; end it in {known}, "
    "or give --format",
    "format.disagree": "-o {file} is {by_name} by its name, but --format is {fmt}: drop one, or "
    "make them agree",
    "format.table_file": "-o {file}: a table is for the terminal; a file gets one of csv, tsv, "
    "json, jsonl, markdown or xlsx",
    "format.binary": "--format {fmt}: a binary file; write it with -o FILE.{fmt}",
    "format.bom": "--bom is for csv and tsv (for Excel), not {fmt}",
    "xlsx.write_needs_extra": "writing .xlsx needs the excel extra: {hint}",
    "xlsx.too_many_rows": "an .xlsx sheet holds {most} rows under its header; this result has "
    "{rows}: write .csv instead",
    "xlsx.cell_too_long": "an .xlsx cell holds at most {most} characters; row {row}'s {column!r} "
    "has {length}: write .csv instead",
    # --- errors and warnings: charts ---
    "chart.nothing": "nothing to plot: the series have no observations",
    "chart.image_suffix": "cannot write {name}: the image format comes from the file name, which "
    "must end in {suffixes}",
    "chart.needs_matplotlib": "images need matplotlib, which is not installed: {hint}",
    "chart.needs_plotext": "terminal charts need plotext, which is not installed: {hint}",
    "chart.no_font_english": "no Chinese font found; labels in English ({hint})",
    "chart.no_font_boxes": "no Chinese font found; Chinese characters in the chart show as boxes "
    "({hint})",
    "usage.negative_number": "{number}: a negative number is read as an option, and years and "
    "counts here are positive (to pass it as it is, put -- before the arguments)",
    # --- errors: the process ---
    "run.memory": "not enough memory for this data on this machine",
    "run.memory_output": "not enough memory to write the output",
    "run.cannot_write": "cannot write the output: {reason}",
    "run.internal": "internal error: {kind}: {error} (run with {variable}=1 for a traceback, and "
    "please report it)",
}
