"""What the machine formats say: TSV's refusals, the schemas, the data package export."""

from __future__ import annotations

FORMAT_PHRASES: dict[str, dict[str, str]] = {
    "tsv.unwritable": {
        "en": "cannot write {format}: record {row}, column {column!r} holds a {what}, which a "
        "{mediatype} field cannot; write --format csv or json instead",
        "zh": "无法写出 {format}：第 {row} 条记录的“{column}”列含有{what}，{mediatype} "
        "的字段不能包含它；请改用 --format csv 或 json",
    },
    "tsv.unwritable_header": {
        "en": "cannot write {format}: the column name {column!r} holds a {what}, which a "
        "{mediatype} field cannot; write --format csv or json instead",
        "zh": "无法写出 {format}：列名“{column}”含有{what}，{mediatype} "
        "的字段不能包含它；请改用 --format csv 或 json",
    },
    "tsv.tab": {"en": "tab", "zh": "制表符"},
    "tsv.line_break": {"en": "line break", "zh": "换行符"},
    # Read as CSV quoting by pandas, spreadsheets and zgc: the quotes would be lost.
    "tsv.leading_quote": {
        "en": "cannot write {format}: record {row}, column {column!r} begins with a double "
        "quote, which {format} readers (pandas, spreadsheets, zgc) take for quoting; write "
        "--format csv or json instead",
        "zh": "无法写出 {format}：第 {row} 条记录的“{column}”列以双引号开头，常见的 {format} "
        "读取程序（电子表格、zgc 等）会将其当作引号处理；请改用 --format csv 或 json",
    },
    "tsv.leading_quote_header": {
        "en": "cannot write {format}: the column name {column!r} begins with a double quote, "
        "which {format} readers (pandas, spreadsheets, zgc) take for quoting; write "
        "--format csv or json instead",
        "zh": "无法写出 {format}：列名“{column}”以双引号开头，常见的 {format} 读取程序（电子表格、"
        "zgc 等）会将其当作引号处理；请改用 --format csv 或 json",
    },
    "schema.unknown": {
        "en": "no schema named {name!r}; the schemas: {names}",
        "zh": "没有名为“{name}”的 JSON 模式；可选：{names}",
    },
    "package.with_output": {
        "en": "--package writes a folder (a CSV and its datapackage.json): "
        "leave out --output, --format and --bom",
        "zh": "--package 写出一个文件夹（CSV 及其 datapackage.json）："
        "请去掉 --output、--format 和 --bom",
    },
}
