"""Output formats and files, in Chinese (简体中文): ``{id: text}``. Data only."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "tsv.unwritable": "无法写出 {format}：第 {row} 条记录的“{column}”列含有{what}，{mediatype} "
    "的字段不能包含它；请改用 --format csv 或 json",
    "tsv.unwritable_header": "无法写出 {format}：列名“{column}”含有{what}，{mediatype} "
    "的字段不能包含它；请改用 --format csv 或 json",
    "tsv.tab": "制表符",
    "tsv.line_break": "换行符",
    # Read as CSV quoting by pandas, spreadsheets and zgc: the quotes would be lost.
    "tsv.leading_quote": "无法写出 {format}：第 {row} 条记录的“{column}”列以双引号开头，常见的 "
    "{format} 读取程序（电子表格、zgc 等）会将其当作引号处理；请改用 --format csv 或 json",
    "tsv.leading_quote_header": "无法写出 {format}：列名“{column}”以双引号开头，常见的 {format} "
    "读取程序（电子表格、zgc 等）会将其当作引号处理；请改用 --format csv 或 json",
    "schema.unknown": "没有名为“{name}”的 JSON 模式；可选：{names}",
    "package.with_output": "--package 写出一个文件夹（CSV 及其 datapackage.json）：请去掉 "
    "--output、--format 和 --bom",
}
