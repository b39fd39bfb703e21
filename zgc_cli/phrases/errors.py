"""What the model, stats and the process say when something is wrong: ``{id: {en, zh}}``.

Part of :data:`zgc_cli.phrases.PHRASES` (see there); standard library only.
"""

from __future__ import annotations

ERROR_PHRASES: dict[str, dict[str, str]] = {
    # --- errors: what a file is, in messages ---
    "what.article": {"en": "the article", "zh": "文章全文"},
    "what.package": {"en": "the data package", "zh": "数据包描述"},
    "what.indicators": {"en": "indicator metadata", "zh": "指标说明表"},
    "what.claims": {"en": "claims", "zh": "论断表"},
    "what.entities": {"en": "entities", "zh": "主体表"},
    "what.events": {"en": "events", "zh": "大事记表"},
    # --- errors: opening and reading a path ---
    "path.no_such_file": {"en": "no such file", "zh": "文件不存在"},
    "path.dangling_link": {
        "en": "no such file (a symbolic link to a missing file)",
        "zh": "文件不存在（符号链接指向的文件不存在）",
    },
    "path.too_long": {"en": "too long a name", "zh": "文件名过长"},
    "path.link_loop": {"en": "symbolic link loop", "zh": "符号链接循环"},
    "path.permission": {"en": "permission denied", "zh": "没有权限"},
    "path.permission_enter": {
        "en": "permission denied (cannot enter {parent})",
        "zh": "没有权限（无法进入 {parent}）",
    },
    "path.socket": {
        "en": "no such device or address (a socket?)",
        "zh": "没有这个设备或地址（是套接字？）",
    },
    "path.no_device": {"en": "no such device", "zh": "没有这个设备"},
    "path.io": {"en": "input/output error", "zh": "输入输出错误"},
    "path.memory": {"en": "not enough memory", "zh": "内存不足"},
    "path.too_many_open": {"en": "too many open files", "zh": "打开的文件过多"},
    "path.not_open": {"en": "not open for reading", "zh": "未以读方式打开"},
    "path.would_block": {
        "en": "would block (a non-blocking descriptor)",
        "zh": "读取会阻塞（非阻塞的文件描述符）",
    },
    "path.parent_is_file": {
        "en": "{parent} is a file, not a directory",
        "zh": "{parent} 是文件，不是目录",
    },
    "path.parent_not_directory": {
        "en": "{parent} is not a directory",
        "zh": "{parent} 不是目录",
    },
    "path.part_not_directory": {
        "en": "a part of the path is not a directory",
        "zh": "路径中有一部分不是目录",
    },
    "input.problem": {"en": "{label}: {reason}", "zh": "{label}：{reason}"},
    "input.directory_not_file": {
        "en": "{label}: is a directory, not a file",
        "zh": "{label}：是目录，不是文件",
    },
    "input.directory_not_csv": {
        "en": "{label}: is a directory, not a CSV file",
        "zh": "{label}：是目录，不是 CSV 文件",
    },
    "input.cannot_read": {
        "en": "{label}: cannot read: {reason}",
        "zh": "{label}：无法读取：{reason}",
    },
    "input.cannot_read_what": {
        "en": "{label}: cannot read {what}: {reason}",
        "zh": "{label}：无法读取{what}：{reason}",
    },
    "input.closed_file": {
        "en": "{label}: cannot read: the file was closed",
        "zh": "{label}：无法读取：文件已被关闭",
    },
    "input.stdin_closed": {
        "en": "{label}: standard input is closed",
        "zh": "{label}：标准输入已关闭",
    },
    "input.bad_name": {"en": "{label}: not a valid file name", "zh": "{label}：不是有效的文件名"},
    "input.nul_file": {
        "en": "{label}:{line}: NUL byte: not a text file (UTF-16 or binary?)",
        "zh": "{label}:{line}：含空字节（NUL），不是文本文件（是 UTF-16 或二进制文件？）",
    },
    "input.nul_csv": {
        "en": "{label}:{line}: NUL byte: not a text CSV (UTF-16 or binary?)",
        "zh": "{label}:{line}：含空字节（NUL），不是文本 CSV（是 UTF-16 或二进制文件？）",
    },
    "input.no_line_break_file": {
        "en": "{label}:1: no line break in the first {size}: not a text file",
        "zh": "{label}:1：前 {size} 内没有换行，不是文本文件",
    },
    "input.no_line_break_csv": {
        "en": "{label}:1: no line break in the first {size}: not a CSV",
        "zh": "{label}:1：前 {size} 内没有换行，不是 CSV 文件",
    },
    "input.mixed_encodings": {
        "en": "{label}:{line}: not UTF-8, though most of the file is (mixed encodings?)",
        "zh": "{label}:{line}：此行不是 UTF-8 编码，而文件其余大部分是（编码混杂？）",
    },
    "input.utf8_in_gb18030": {
        "en": "{label}:{line}: UTF-8, though the rest of the file is GB18030 (mixed encodings?)",
        "zh": "{label}:{line}：此行是 UTF-8 编码，而文件其余部分是 GB18030（编码混杂？）",
    },
    "input.undecodable": {
        "en": "{label}:{line}: bytes that decode as neither UTF-8 nor GB18030",
        "zh": "{label}:{line}：有字节既不能按 UTF-8 也不能按 GB18030 解码",
    },
    "input.data_empty": {
        "en": "--data is empty: give a CSV path, or - for stdin",
        "zh": "--data 为空：请给出 CSV 文件路径，或用 - 读取标准输入",
    },
    # --- errors: the shape of a CSV ---
    "csv.header": {
        "en": "{label}:1: cannot read the header: {problem}",
        "zh": "{label}:1：无法读取表头：{problem}",
    },
    "csv.header_encoding": {
        "en": "{label}:1: the header decodes as neither UTF-8 nor GB18030",
        "zh": "{label}:1：表头既不能按 UTF-8 也不能按 GB18030 解码",
    },
    "csv.ragged": {
        "en": "{label}:{line}: ragged row: {fields} fields, the header has {columns}",
        "zh": "{label}:{line}：字段数不符：本行有{fields}个字段，表头有{columns}个",
    },
    "csv.row": {
        "en": "{label}:{line}: cannot read this row: {problem}",
        "zh": "{label}:{line}：无法读取此行：{problem}",
    },
    "csv.parse": {
        "en": "{label}:{line}: cannot parse as CSV: {problem}",
        "zh": "{label}:{line}：无法按 CSV 解析：{problem}",
    },
    "csv.unexpected_end": {"en": "unexpected end of data", "zh": "数据意外结束（引号未闭合？）"},
    "csv.nul": {"en": "line contains NUL", "zh": "行内含空字节（NUL）"},
    "csv.field_limit": {
        "en": "a field longer than {most}, the limit (set {variable} to raise it)",
        "zh": "有字段超过 {most} 的长度上限（设置 {variable} 可提高上限）",
    },
    "csv.newline": {
        "en": "new-line character seen in unquoted field - do you need to open the file with "
        "newline=''?",
        "zh": "未加引号的字段中有换行符",
    },
    "json.value": {"en": "Expecting value", "zh": "此处应有一个值"},
    "json.property": {
        "en": "Expecting property name enclosed in double quotes",
        "zh": "此处应有用双引号括起的属性名（多余的逗号？）",
    },
    "json.comma": {"en": "Expecting ',' delimiter", "zh": "此处应有逗号"},
    "json.colon": {"en": "Expecting ':' delimiter", "zh": "此处应有冒号"},
    "json.extra": {"en": "Extra data", "zh": "结尾有多余的内容"},
    "json.string": {"en": "Unterminated string starting at", "zh": "字符串没有结束"},
    "json.control": {"en": "Invalid control character at", "zh": "含无效的控制字符"},
    "json.escape": {"en": "Invalid \\escape", "zh": "无效的转义"},
    "data.empty_file": {"en": "{label}: empty file", "zh": "{label}：空文件"},
    "data.no_observations": {
        "en": "{label}: a header but no observations",
        "zh": "{label}：只有表头，没有数据行",
    },
    "data.memory": {
        "en": "{label}: not enough memory to load the data",
        "zh": "{label}：内存不足，无法载入数据",
    },
    "data.repeated_columns": {
        "en": "{label}:1: repeated column names: {columns}",
        "zh": "{label}:1：列名重复：{columns}",
    },
    "data.missing_columns": {
        "en": "{label}:1: missing required column(s) {missing}; found: {found}",
        "zh": "{label}:1：缺少必需的列 {missing}；现有的列：{found}",
    },
    "data.no_columns": {"en": "(none)", "zh": "（无）"},
    "data.missing_column": {
        "en": "{label}:1: missing required column {column}",
        "zh": "{label}:1：缺少必需的列“{column}”",
    },
    "data.unnamed_column": {
        "en": "{label}:1: column {position} has values but no name",
        "zh": "{label}:1：第{position}列有数据但没有列名",
    },
    "data.not_number": {
        "en": "{label}:{line}: column '{column}': {cell!r} is not a number",
        "zh": "{label}:{line}：“{column}”列的 {cell!r} 不是数字",
    },
    "data.empty_cell": {
        "en": "{label}:{line}: column '{column}' is empty",
        "zh": "{label}:{line}：“{column}”列为空",
    },
    "data.bad_cell": {
        "en": "{label}:{line}: column '{column}': {shown} {problem}",
        "zh": "{label}:{line}：“{column}”列的 {shown} {problem}",
    },
    "data.outside_interval": {
        "en": "{label}:{line}: value {value} is outside the row's interval "
        "(low {low}, high {high}): low ≤ value ≤ high is needed",
        "zh": "{label}:{line}：数值 {value} 不在该行的区间内（下限 {low}，上限 {high}）："
        "须满足 下限 ≤ 数值 ≤ 上限",
    },
    "cell.empty_metric": {"en": "is an empty metric id", "zh": "是空的指标代码"},
    "cell.empty": {"en": "is empty", "zh": "为空"},
    "cell.not_whole_year": {"en": "is not a whole year", "zh": "不是整数年份"},
    "cell.year_out_of_range": {"en": "is out of range", "zh": "超出年份范围"},
    "data.too_large": {
        "en": "{label}:{line}: column '{column}': infinite, or beyond {most} (the largest float)",
        "zh": "{label}:{line}：“{column}”列的数值为无穷大，或超出 {most}（浮点数的上限）",
    },
    "cell.not_finite": {"en": "is not a finite number", "zh": "不是有限的数"},
    "cell.not_one_of": {"en": "is not one of {allowed}", "zh": "不是可选值（{allowed}）之一"},
    "data.duplicate": {
        "en": "{label}:{line}: duplicate observation (metric={metric}, entity={entity}, "
        "year={year}), first at {first}",
        "zh": "{label}:{line}：重复的观测值（指标“{metric}”，主体“{entity}”，{year}年），"
        "首次出现在{first}",
    },
    # --- errors: the files beside the data ---
    "table.ragged": {
        "en": "{label}:{line}: cannot read {what}: ragged row: {fields} fields, the header has "
        "{columns}",
        "zh": "{label}:{line}：无法读取{what}：字段数不符：本行有{fields}个字段，表头有{columns}个",
    },
    "table.problem": {
        "en": "{where}: cannot read {what}: {problem}",
        "zh": "{where}：无法读取{what}：{problem}",
    },
    "package.json": {
        "en": "{label}:{line}: cannot read the data package: {problem} (column {column})",
        "zh": "{label}:{line}：无法读取数据包描述：第{column}列：{problem}",
    },
    "package.value": {
        "en": "{label}: cannot read the data package: {problem}",
        "zh": "{label}：无法读取数据包描述：{problem}",
    },
    "package.not_object": {
        "en": "{label}: not a data package (expected a JSON object)",
        "zh": "{label}：不是数据包描述（应为 JSON 对象）",
    },
    "package.sources": {
        "en": "{label}: 'sources' should be a list",
        "zh": "{label}：“sources”应为列表",
    },
    # --- errors: what a command asked for ---
    "select.unknown_metric": {
        "en": "unknown metric {wanted!r}{hint} (`zgc metrics` lists the {count} available)",
        "zh": "没有指标 {wanted!r}{hint}（共{count}个指标，可用“zgc metrics”列出）",
    },
    "select.unknown_entity": {
        "en": "unknown entity {wanted!r}{hint}; available: {available}",
        "zh": "没有主体 {wanted!r}{hint}；可选：{available}",
    },
    "compare.years_in_order": {
        "en": "compare {year_from} {year_to}: the first year must be earlier than the second",
        "zh": "{year_from} → {year_to}：比较的第一个年份须早于第二个",
    },
    "select.unknown_status": {
        "en": "unknown status {wanted!r}{hint}; available: {available}",
        "zh": "没有数据性质 {wanted!r}{hint}；可选：{available}",
    },
    "select.unknown_category": {
        "en": "unknown category {wanted!r}{hint}; available: {available}",
        "zh": "没有类别 {wanted!r}{hint}；可选：{available}",
    },
    "select.did_you_mean": {"en": "; did you mean {close}?", "zh": "；是否要找 {close}？"},
    "select.no_categories": {
        "en": "no categories: this data has no indicators.csv with a category column",
        "zh": "没有类别：此数据旁没有带“category”列的“indicators.csv”",
    },
    "select.no_year": {
        "en": "year {year} is not in the data; available: {available}",
        "zh": "数据中没有{year}年；现有年份：{available}",
    },
    "select.no_year_near": {
        "en": "year {year} is not in the data, nor any within ±{tolerance}; available: {available}",
        "zh": "数据中没有{year}年，前后{tolerance}年内也没有；现有年份：{available}",
    },
    "select.no_figure_year": {
        "en": "{metric} has no figure for {year}; its years: {available}",
        "zh": "指标“{metric}”没有{year}年的数据；其年份：{available}",
    },
    "select.no_match": {
        "en": "no indicator matches {text!r}; `zgc metrics` lists them all",
        "zh": "没有与 {text!r} 匹配的指标；“zgc metrics”可列出全部指标",
    },
    "select.no_events": {
        "en": "no events.csv beside the data: there is no timeline to show",
        "zh": "数据旁没有“events.csv”：无大事记可显示",
    },
    "share.not_amounts": {
        "en": "{metric} is not an amount ({kinds}): a share of a whole needs amounts (a level, "
        "a flow or a running total)",
        "zh": "指标“{metric}”属于{kinds}：计算占比需要总量类指标（存量、流量或累计值）",
    },
    "share.no_parents": {
        "en": "no entities.csv with parents beside the data: a share needs to know what is "
        "part of what",
        "zh": "数据旁没有带“parent”列的“entities.csv”：计算占比需要知道主体间的隶属关系",
    },
    "share.no_whole": {
        "en": "{metric} has no figure for {whole!r}; its entities: {available}",
        "zh": "指标“{metric}”没有 {whole!r} 的数据；其主体：{available}",
    },
    "kind.level": {"en": "level", "zh": "存量"},
    "kind.flow": {"en": "flow", "zh": "流量"},
    "kind.cumulative": {"en": "cumulative", "zh": "累计值"},
    "kind.share": {"en": "share", "zh": "占比"},
    "kind.rank": {"en": "rank", "zh": "位次"},
    "kind.attribute": {"en": "attribute", "zh": "属性值"},
    # --- errors: formats beside CSV (json, jsonl, tsv, xlsx) and where a row is in them ---
    "place.line": {"en": "line {number}", "zh": "第{number}行"},
    "place.row": {"en": "row {number}", "zh": "第{number}行"},
    "place.record": {"en": "record {number}", "zh": "第{number}条记录"},
    "place.record_at": {"en": "{label}: record {number}", "zh": "{label}：第{number}条记录"},
    "read.unknown_format": {
        "en": "{path}: unknown format {suffix}: {advice}",
        "zh": "{path}：不支持的格式 {suffix}：{advice}",
    },
    "read.xls": {
        "en": "old Excel .xls: save it as .xlsx or CSV",
        "zh": "旧版 Excel 文件：请另存为 .xlsx 或 CSV",
    },
    "read.parquet": {
        "en": "Parquet needs pyarrow, which zgc does not install: write CSV instead",
        "zh": "读取 Parquet 需要 pyarrow，zgc 不安装它：请改存为 CSV",
    },
    "read.feather": {
        "en": "Feather needs pyarrow, which zgc does not install: write CSV instead",
        "zh": "读取 Feather 需要 pyarrow，zgc 不安装它：请改存为 CSV",
    },
    "read.ods": {
        "en": "OpenDocument spreadsheet: save it as .xlsx or CSV",
        "zh": "OpenDocument 电子表格：请另存为 .xlsx 或 CSV",
    },
    "read.numbers": {
        "en": "Apple Numbers: export it as .xlsx or CSV",
        "zh": "Apple Numbers 文件：请导出为 .xlsx 或 CSV",
    },
    "read.comparison_rows": {
        "en": "{label}: comparison rows (the output of zgc compare), not observations: read the "
        "observations with zgc export (-m/-e/-c choose them)",
        "zh": "{label}：这是比较结果（“zgc compare”的输出），不是观测数据：观测数据请用"
        "“zgc export”导出（用 -m/-e/-c 选择）",
    },
    "json.not_text_or_number": {
        "en": "{where}: column '{column}': {shown} is not a text or number",
        "zh": "{where}：“{column}”列的“{shown}”不是文本或数字",
    },
    "json.not_finite": {
        "en": "{where}: column '{column}': {cell!r} is not a finite number",
        "zh": "{where}：“{column}”列的 {cell!r} 不是有限的数",
    },
    "json.holds": {
        "en": "{where}: column '{column}' holds {kind}, not a text or number",
        "zh": "{where}：“{column}”列的值是{kind}，不是文本或数字",
    },
    "json.kind_list": {"en": "a list", "zh": "列表"},
    "json.kind_object": {"en": "an object", "zh": "对象"},
    "json.kind_value": {"en": "a single value", "zh": "单个值"},
    "json.no_keys": {
        "en": "{label}: objects without keys: no observations",
        "zh": "{label}：对象都没有键：没有观测数据",
    },
    "json.invalid_at": {
        "en": "{label}:{line}: not valid JSON: {problem} (column {column})",
        "zh": "{label}:{line}：不是有效的 JSON：第{column}列：{problem}",
    },
    "json.invalid": {
        "en": "{label}: not valid JSON: {problem}",
        "zh": "{label}：不是有效的 JSON：{problem}",
    },
    # Python's own words in English; in Chinese, what they mean.
    "json.nul": {
        "en": "{where}: column {column!r}: a {escape} (NUL) character, which no text holds",
        "zh": "{where}：“{column}”列含有 {escape}（NUL）字符，文本中不能有此字符",
    },
    "json.duplicate_key": {
        "en": "{where}: key {name!r} appears twice in one object (which to keep?)",
        "zh": "{where}：同一对象中键 {name!r} 出现了两次（该保留哪一个？）",
    },
    "json.lone_surrogate": {
        "en": "a {escapes} escape without its pair, which is no character",
        "zh": "{escapes} 转义不成对，不表示任何字符",
    },
    "json.too_deep": {"en": "{words}", "zh": "嵌套层数过多"},
    "json.too_many_digits": {"en": "{words}", "zh": "整数的位数超过上限"},
    "json.not_list": {
        "en": "{label}: not a list of objects: the JSON is {kind}",
        "zh": "{label}：不是对象列表：这个 JSON 是{kind}",
    },
    "json.empty_list": {
        "en": "{label}: an empty list, no observations",
        "zh": "{label}：空列表，没有观测数据",
    },
    "json.record_not_object": {
        "en": "{label}: record {number}: not an object (a list of objects expected)",
        "zh": "{label}：第{number}条记录不是对象（应为对象列表）",
    },
    "jsonl.not_object": {
        "en": "{label}:{number}: not a JSON object (one object a line expected)",
        "zh": "{label}:{number}：不是 JSON 对象（应每行一个对象）",
    },
    "xlsx.needs_extra": {
        "en": "{label}: reading .xlsx needs the excel extra: {hint}",
        "zh": "{label}：读取 .xlsx 文件需要安装可选组件：{hint}",
    },
    "xlsx.unreadable": {
        "en": "{label}: not a readable .xlsx workbook: {reason}",
        "zh": "{label}：无法读取此 .xlsx 工作簿：{reason}",
    },
    "xlsx.no_sheet": {
        "en": "{label}: no sheet {sheet!r}; the sheets are: {sheets}",
        "zh": "{label}：没有工作表 {sheet!r}；现有工作表：{sheets}",
    },
    "xlsx.no_sheets": {
        "en": "{label}: a workbook without sheets",
        "zh": "{label}：工作簿中没有工作表",
    },
    "xlsx.empty_sheet": {
        "en": "{label}: sheet {sheet!r} is empty",
        "zh": "{label}：工作表 {sheet!r} 是空的",
    },
    "xlsx.no_observations": {
        "en": "{label}: sheet {sheet!r} has a header but no observations",
        "zh": "{label}：工作表 {sheet!r} 只有表头，没有数据行",
    },
    "xlsx.too_big": {
        "en": "{label}: the workbook expands to more than {most}, the limit (set {variable} to "
        "raise it)",
        "zh": "{label}：工作簿解压后超过 {most} 的上限（设置 {variable} 可提高上限）",
    },
    "xlsx.too_many_cells": {
        "en": "{label}: sheet {sheet!r} spans {cells} cells ({first} to {last}); the limit is "
        "{most} (set {variable} to raise it)",
        "zh": "{label}：工作表 {sheet!r} 的范围有 {cells} 个单元格（{first} 至 {last}）；上限为 "
        "{most}（设置 {variable} 可提高上限）",
    },
    "xlsx.sheet_problem": {
        "en": "{label}:{row}: sheet {sheet!r}: {reason}",
        "zh": "{label}:{row}：工作表 {sheet!r}：{reason}",
    },
    "xlsx.bad_row": {
        "en": "a row numbered {row!r}, not 1 to {most}",
        "zh": "行号 {row!r} 不在 1 至 {most} 之间",
    },
    "xlsx.bad_cell": {
        "en": "a cell reference {cell!r}, not {first} to {last}",
        "zh": "单元格引用 {cell!r} 不在 {first} 至 {last} 之间",
    },
    "xlsx.bad_value": {
        "en": "cell {cell}: {value!r} is not a number",
        "zh": "单元格 {cell}：{value!r} 不是数字",
    },
    "xlsx.bad_xml": {
        "en": "broken sheet XML at its line {line}, column {column} ({words})",
        "zh": "工作表的 XML 在其第{line}行第{column}列处损坏",
    },
    "limit.bad_value": {
        "en": "{variable}={value!r}: a limit is a whole number above 0",
        "zh": "{variable}={value!r}：上限须为大于 0 的整数",
    },
    # --- errors: several data sources ---
    "sources.empty_entry": {
        "en": "{variable} has an empty entry: {value!r}",
        "zh": "{variable} 中有空条目：{value!r}",
    },
    "sources.twice": {
        "en": "--data {label} is given twice{also}",
        "zh": "--data {label} 给出了两次{also}",
    },
    "sources.first_as": {"en": " (first as {first})", "zh": "（第一次写作 {first}）"},
    "sources.no_workbook": {
        "en": "--sheet {sheet!r}: no .xlsx among the data sources",
        "zh": "--sheet {sheet!r}：数据源中没有 .xlsx 文件",
    },
    "sources.not_a_source": {
        "en": "--prefer {option}: not one of the data sources ({given})",
        "zh": "--prefer {option}：不是数据源之一（数据源：{given}）",
    },
    "sources.duplicate": {
        "en": "duplicate observation (metric={metric}, entity={entity}, year={year}) in two "
        "sources: {first} and {second} (--prefer SOURCE chooses whose figure counts)",
        "zh": "重复的观测值（指标“{metric}”，主体“{entity}”，{year}年）出现在两个数据源中："
        "{first} 和 {second}（可用 --prefer 指定以哪个数据源为准）",
    },
    # --- errors: what a command asked for (more) ---
    "select.from_after_to": {
        "en": "--from {year_from} is after --to {year_to}",
        "zh": "--from {year_from} 晚于 --to {year_to}",
    },
    "select.no_figure_year_in": {
        "en": "{which} has no figure for {year}; its years: {available}",
        "zh": "{which}没有{year}年的数据；其年份：{available}",
    },
    "select.which_metric": {"en": "{metric}", "zh": "指标“{metric}”"},
    "select.which_data": {"en": "the data", "zh": "数据中"},
    "select.which_entities": {"en": "{which} ({entities})", "zh": "{which}（{entities}）"},
    "cite.no_package": {
        "en": "{label}: no datapackage.json with sources beside the data: there is no "
        "publication to cite",
        "zh": "{label}：数据旁没有列出来源的“datapackage.json”：没有可引用的出版物",
    },
    "cite.year_first": {
        "en": "{year}: a year cites a figure of the metric before it: name the metric first",
        "zh": "{year}：年份引用其前面指标的数据：请先写指标",
    },
    "report.nothing": {
        "en": "no observations match these filters: nothing to report",
        "zh": "没有符合这些筛选条件的观测数据：报告无内容可写",
    },
    "report.suffix": {
        "en": "the report's format comes from the file name, which must end in {suffixes}",
        "zh": "报告的格式由文件名决定，文件名须以 {suffixes} 结尾",
    },
    "report.needs_jinja": {
        "en": "the report needs Jinja2, which is not installed: {hint}",
        "zh": "生成报告需要 Jinja2，但它没有安装：{hint}",
    },
    "report.charts_missing": {
        "en": "the report has no charts: they need matplotlib (pip install 'zgc[plot]')",
        "zh": "报告中没有图表：图表需要 matplotlib（pip install 'zgc[plot]'）",
    },
    "report.no_chart": {"en": "{metric}: no chart: {reason}", "zh": "{metric}：无图表：{reason}"},
    # --- errors: writing the output ---
    "write.folder": {
        "en": "cannot write {path}: it is a folder",
        "zh": "无法写入 {path}：这是一个文件夹",
    },
    "write.no_folder": {
        "en": "cannot write {path}: no folder {folder}",
        "zh": "无法写入 {path}：文件夹 {folder} 不存在",
    },
    "write.not_folder": {
        "en": "cannot write {path}: {folder} is a file, not a folder",
        "zh": "无法写入 {path}：{folder} 是文件，不是文件夹",
    },
    "write.locked_folder": {
        "en": "cannot write {path}: permission denied (cannot enter {folder})",
        "zh": "无法写入 {path}：没有权限（无法进入 {folder}）",
    },
    "write.protected": {
        "en": "refusing to write {path}: it is write-protected (mode {mode}); make it writable "
        "({command}) or write to another file",
        "zh": "拒绝写入 {path}：该文件受写保护（权限 {mode}）；请先使其可写（{command}）"
        "或写到另一个文件",
    },
    "write.folder_name": {
        "en": "cannot write {path}: a name ending in {slash} is a folder's, and there is no such "
        "folder",
        "zh": "无法写入 {path}：以 {slash} 结尾的名称是文件夹名，而该文件夹不存在",
    },
    "write.failed": {"en": "cannot write {path}: {reason}", "zh": "无法写入 {path}：{reason}"},
    "write.is_input": {
        "en": "refusing to write {path}: it is {role}; write to another file",
        "zh": "拒绝写入 {path}：它是{role}；请写到另一个文件",
    },
    "input.shipped": {"en": "the shipped data", "zh": "随附的数据"},
    "input.stdin_data": {
        "en": "the input data (standard input)",
        "zh": "输入数据（标准输入）",
    },
    "input.data_file": {"en": "the input data (--data {path})", "zh": "输入数据（--data {path}）"},
    "input.article": {
        "en": "the article (--article {path})",
        "zh": "所核对的文章（--article {path}）",
    },
    "input.sidecar": {
        "en": "the {name} read beside the data",
        "zh": "与数据一同读取的 {name}",
    },
    "format.unknown_suffix": {
        "en": "-o {file}: cannot tell the format from the name; end it in {known}, or give "
        "--format",
        "zh": "-o {file}：无法从文件名判断格式；请以 {known} 结尾，或给出 --format",
    },
    "format.disagree": {
        "en": "-o {file} is {by_name} by its name, but --format is {fmt}: drop one, or make "
        "them agree",
        "zh": "-o {file} 按文件名是 {by_name} 格式，而 --format 是 {fmt}：请去掉其一，或使两者一致",
    },
    "format.table_file": {
        "en": "-o {file}: a table is for the terminal; a file gets one of csv, tsv, json, jsonl, "
        "markdown or xlsx",
        "zh": "-o {file}：表格只用于终端显示；写入文件请用 csv、tsv、json、jsonl、markdown 或 xlsx",
    },
    "format.binary": {
        "en": "--format {fmt}: a binary file; write it with -o FILE.{fmt}",
        "zh": "--format {fmt}：这是二进制文件；请用 -o 写入 .{fmt} 文件",
    },
    "format.bom": {
        "en": "--bom is for csv and tsv (for Excel), not {fmt}",
        "zh": "--bom 只用于 csv 和 tsv（供 Excel 打开），不用于 {fmt}",
    },
    "xlsx.write_needs_extra": {
        "en": "writing .xlsx needs the excel extra: {hint}",
        "zh": "写出 .xlsx 文件需要安装可选组件：{hint}",
    },
    "xlsx.too_many_rows": {
        "en": "an .xlsx sheet holds {most} rows under its header; this result has {rows}: write "
        ".csv instead",
        "zh": "一个 .xlsx 工作表在表头下最多容纳 {most} 行，而此结果有 {rows} 行：请改写为 .csv",
    },
    "xlsx.cell_too_long": {
        "en": "an .xlsx cell holds at most {most} characters; row {row}'s {column!r} has {length}: "
        "write .csv instead",
        "zh": "一个 .xlsx 单元格最多容纳 {most} 个字符，而第{row}行的 {column!r} 有 {length} 个："
        "请改写为 .csv",
    },
    # --- errors and warnings: charts ---
    "chart.nothing": {
        "en": "nothing to plot: the series have no observations",
        "zh": "没有可绘制的内容：这些系列没有观测数据",
    },
    "chart.image_suffix": {
        "en": "cannot write {name}: the image format comes from the file name, which must end in "
        "{suffixes}",
        "zh": "无法写入 {name}：图片格式由文件名决定，文件名须以 {suffixes} 结尾",
    },
    "chart.needs_matplotlib": {
        "en": "images need matplotlib, which is not installed: {hint}",
        "zh": "绘制图片需要 matplotlib，但它没有安装：{hint}",
    },
    "chart.needs_plotext": {
        "en": "terminal charts need plotext, which is not installed: {hint}",
        "zh": "在终端绘图需要 plotext，但它没有安装：{hint}",
    },
    "chart.no_font_english": {
        "en": "no Chinese font found; labels in English ({hint})",
        "zh": "未找到中文字体；图中标签改用英文（{hint}）",
    },
    "chart.no_font_boxes": {
        "en": "no Chinese font found; Chinese characters in the chart show as boxes ({hint})",
        "zh": "未找到中文字体；图中的汉字将显示为方框（{hint}）",
    },
    "usage.negative_number": {
        "en": "{number}: a negative number is read as an option, and years and counts here are "
        "positive (to pass it as it is, put -- before the arguments)",
        "zh": "{number}：负数会被当作选项，而这里的年份和数量都是正数"
        "（若要照原样传入，请在参数前加 --）",
    },
    # --- errors: the process ---
    "run.memory": {
        "en": "not enough memory for this data on this machine",
        "zh": "本机内存不足，无法处理这些数据",
    },
    "run.memory_output": {
        "en": "not enough memory to write the output",
        "zh": "内存不足，无法写出结果",
    },
    "run.cannot_write": {"en": "cannot write the output: {reason}", "zh": "无法写出结果：{reason}"},
    "run.cannot_write_file": {
        "en": "{path}: cannot write: {reason}",
        "zh": "{path}：无法写入：{reason}",
    },
    "run.internal": {
        "en": "internal error: {kind}: {error} (run with {variable}=1 for a traceback, and "
        "please report it)",
        "zh": "内部错误：{kind}: {error}（设 {variable}=1 运行可看到回溯信息，请报告此问题）",
    },
}
