"""What the lower layers say (errors, verify's findings), as message ids with parameters.

The model, stats and check cannot import ``present`` (the layers go one way), yet
what they say must reach a person in the chosen language, and reach a pipe, a
log or a notebook's ``str(error)`` in English. So a :class:`Phrase` is a ``str``
holding its English text, built from a template here, that also keeps its
message id and parameters: ``present`` (through ``i18n.MESSAGES``, which merges
:data:`PHRASES`) renders the same phrase in another language with
:meth:`Phrase.text`. Code that treats it as a string (CSV, tests, ``str(error)``)
sees exactly the English text.

Parameters that are themselves phrases are rendered in the same language; a
:class:`Term` (an id from the data's vocabulary: a status, a qualifier, a unit,
an entity) is shown as the id in English and named by the view in another
language; a :class:`Listed` joins ids as each language writes a list.

Standard library only; the bottom layer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

# Names a Term in a language (None: show the id as it is).
TermNamer = Callable[["Term", str], str | None]

_ZH_QUOTE = "“{}”"


class Term(str):
    """An id of the data's vocabulary (``kind``: status, qualifier, year_basis, unit, entity).

    ``names`` may name it in a language where the finding knows better than a
    table (a unit as the quote words it: 件).
    """

    kind: str
    names: dict[str, str]

    def __new__(cls, kind: str, value: object, names: dict[str, str] | None = None) -> Term:
        term = super().__new__(cls, str(value))
        term.kind, term.names = kind, names or {}
        return term


class Listed(str):
    """Ids or numbers as a list: ``a, b`` in English, ``“a”、“b”`` in Chinese (``quoted``).

    Items that are Terms or Phrases are named in the language like any parameter.
    """

    items: tuple[object, ...]
    quoted: bool

    def __new__(cls, items: Iterable[object], separator: str = ", ", quoted: bool = True) -> Listed:
        kept = tuple(items)
        listed = super().__new__(cls, separator.join(str(item) for item in kept))
        listed.items, listed.quoted = kept, quoted
        return listed

    def text(self, lang: str, namer: TermNamer | None = None) -> str:
        if lang == "en":
            return str(self)
        texts = []
        for item in self.items:
            shown = str(_render(item, lang, namer))
            named = isinstance(item, Phrase) or (isinstance(item, Term) and shown != str(item))
            texts.append(_ZH_QUOTE.format(shown) if self.quoted and not named else shown)
        return "、".join(texts)


class Named(str):
    """Data text that has a name in each language (an event): English as the str."""

    names: dict[str, str]

    def __new__(cls, names: dict[str, str]) -> Named:
        named = super().__new__(cls, names.get("en") or next(iter(names.values()), ""))
        named.names = names
        return named


class Phrase(str):
    """A message id with parameters; as a ``str``, its English text."""

    key: str
    params: dict[str, object]

    def __new__(cls, key: str, **params: object) -> Phrase:
        phrase = super().__new__(cls, _fill(key, params, "en", None))
        phrase.key, phrase.params = key, params
        return phrase

    def text(self, lang: str, namer: TermNamer | None = None) -> str:
        """The phrase in a language; ``namer`` names Terms (ids stay ids without it)."""
        if lang == "en":
            return str(self)
        return _fill(self.key, self.params, lang, namer)


def _render(value: object, lang: str, namer: TermNamer | None) -> object:
    if isinstance(value, Phrase):
        return value.text(lang, namer)
    if isinstance(value, Listed):
        return value.text(lang, namer)
    if isinstance(value, Named):
        return value.names.get(lang) or str(value)
    if isinstance(value, Term) and lang != "en":
        return value.names.get(lang) or (namer(value, lang) if namer else None) or str(value)
    return value


def _fill(key: str, params: dict[str, object], lang: str, namer: TermNamer | None) -> str:
    template = PHRASES[key][lang]
    if not params:
        return template
    return template.format(**{name: _render(value, lang, namer) for name, value in params.items()})


def phrase(key: str, **params: object) -> Phrase:
    """A :class:`Phrase` (the usual way to make one)."""
    return Phrase(key, **params)


def say(text: str, lang: str, namer: TermNamer | None = None) -> str:
    """Any text in a language: a Phrase rendered, anything else as it is."""
    return text.text(lang, namer) if isinstance(text, Phrase) else str(text)


# Why Python's csv module refused a row, by its English words (other words pass as they are).
CSV_PROBLEMS: dict[str, str] = {
    "unexpected end of data": "csv.unexpected_end",
    "line contains NUL": "csv.nul",
}


def csv_problem(error: object) -> object:
    """A csv.Error's text as a phrase when it is a known one."""
    words = str(error)
    key = CSV_PROBLEMS.get(words)
    if key is not None:
        return phrase(key)
    if words.startswith("field larger than field limit"):
        return phrase("csv.field_limit", limit=words.rsplit("(", 1)[-1].rstrip(")"))
    if words.startswith("new-line character seen in unquoted field"):
        return phrase("csv.newline")
    return words


# Why the json module refused a data package, by the start of its English words.
JSON_PROBLEMS: dict[str, str] = {
    "Expecting value": "json.value",
    "Expecting property name enclosed in double quotes": "json.property",
    "Expecting ',' delimiter": "json.comma",
    "Expecting ':' delimiter": "json.colon",
    "Extra data": "json.extra",
    "Unterminated string starting at": "json.string",
    "Invalid control character at": "json.control",
    "Invalid \\escape": "json.escape",
}


def json_problem(words: str) -> object:
    """A json.JSONDecodeError's ``msg`` as a phrase when it is a known one."""
    key = JSON_PROBLEMS.get(words)
    return phrase(key) if key is not None else words


PHRASES: dict[str, dict[str, str]] = {
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
        "en": "field larger than field limit ({limit})",
        "zh": "字段超过长度上限（{limit}）",
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
    "cell.empty_metric": {"en": "is an empty metric id", "zh": "是空的指标代码"},
    "cell.empty": {"en": "is empty", "zh": "为空"},
    "cell.not_whole_year": {"en": "is not a whole year", "zh": "不是整数年份"},
    "cell.year_out_of_range": {"en": "is out of range", "zh": "超出年份范围"},
    "cell.not_finite": {"en": "is not a finite number", "zh": "不是有限的数"},
    "cell.not_one_of": {"en": "is not one of {allowed}", "zh": "不是可选值（{allowed}）之一"},
    "data.duplicate": {
        "en": "{label}:{line}: duplicate observation (metric={metric}, entity={entity}, "
        "year={year}), first at line {first}",
        "zh": "{label}:{line}：重复的观测值（指标“{metric}”，主体“{entity}”，{year}年），"
        "首次出现在第{first}行",
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
        "en": "{metric} is a {kinds}: a share of a whole needs amounts (a level, a flow or a "
        "running total)",
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
    # --- verify: results, checks, and what each check expected and found ---
    "verify.figure": {
        "en": "{text} = {value} ({qualifier})",
        "zh": "{text} = {value}（{qualifier}）",
    },
    "verify.figures": {"en": "{first}; {rest}", "zh": "{first}；{rest}"},
    "verify.no_figure": {"en": "no figure", "zh": "无数字"},
    "verify.threshold": {
        "en": "{text} is a threshold in the metric's definition, not a value",
        "zh": "{text}是指标定义中的门槛，不是数值",
    },
    "verify.no_value": {"en": "the row has no numeric value", "zh": "此行没有数值"},
    "verify.no_equal_figure": {
        "en": "no figure in the quote equals the value",
        "zh": "原文中没有与数值相等的数字",
    },
    "verify.states_value": {"en": "the quote states the value", "zh": "原文写明了此数值"},
    "verify.worded": {"en": "{term} ({text})", "zh": "{term}（{text}）"},
    "verify.gives_qualifier": {
        "en": "the wording gives this qualifier",
        "zh": "原文措辞与此限定一致",
    },
    "verify.reads_as_qualifier": {
        "en": "the wording {text!r} reads as {term}",
        "zh": "原文措辞“{text}”应读作{term}",
    },
    "verify.agrees_status": {
        "en": "the wording agrees with the status",
        "zh": "原文措辞与数据性质一致",
    },
    "verify.no_estimate_word": {
        "en": "no estimate word (预计, 有望...) governs the figure",
        "zh": "数字前没有“预计”“有望”等预计用语",
    },
    "verify.estimate_word": {
        "en": "the estimate word {marker} governs the figure",
        "zh": "数字前有预计用语“{marker}”",
    },
    "verify.estimate_found": {"en": "estimate ({marker})", "zh": "预计值（{marker}）"},
    "verify.verbatim": {"en": "verbatim", "zh": "逐字一致"},
    "verify.found": {"en": "found", "zh": "找到"},
    "verify.not_found": {"en": "not found", "zh": "未找到"},
    "verify.in_article": {"en": "the quote is in the article", "zh": "引文见于文章"},
    "verify.not_in_article": {
        "en": "the quote is not a verbatim passage of the article",
        "zh": "引文与文章原文不一致",
    },
    "verify.not_verbatim": {"en": "the quote is not verbatim", "zh": "引文与原文不一致"},
    "verify.unknown_status": {"en": "unknown status", "zh": "未知的数据性质"},
    "verify.unknown_qualifier": {"en": "unknown qualifier", "zh": "未知的限定"},
    "verify.unknown_basis": {"en": "unknown year_basis", "zh": "未知的年份依据"},
    "verify.no_quote": {
        "en": "no quote: the value cannot be traced",
        "zh": "无引文：无法追溯此数值",
    },
    "verify.event": {"en": "{date} {name}: {detail}", "zh": "{date} {name}：{detail}"},
    "verify.event_no_quote": {"en": "no quote", "zh": "无引文"},
    "verify.claim": {"en": "{claim}: {detail}", "zh": "{claim}：{detail}"},
    "verify.claim_unknown_kind": {"en": "unknown kind", "zh": "未知的论断类型"},
    "verify.claim_missing": {"en": "missing {names}", "zh": "缺少数据 {names}"},
    "verify.claim_zero_base": {"en": "the base is zero", "zh": "基数为零"},
    "verify.claim_within": {"en": "{kind} within the claimed band", "zh": "{kind}在论断的区间内"},
    "verify.claim_outside": {"en": "{kind} outside the claimed band", "zh": "{kind}超出论断的区间"},
    "verify.claim_definitional": {
        "en": "{detail}; the tested value was derived from the same words, so it cannot fail",
        "zh": "{detail}；被检验的数值正是由这句话推算而来，不会不符",
    },
    "verify.any_value": {"en": "any value", "zh": "任意值"},
    "claim.ratio": {"en": "ratio", "zh": "倍数"},
    "claim.growth_pct": {"en": "growth_pct", "zh": "增长率"},
    "claim.share_pct": {"en": "share_pct", "zh": "占比"},
    "claim.value": {"en": "value", "zh": "数值"},
    "verify.operands_ok": {"en": "every number comes from the quote", "zh": "每个数字都出自原文"},
    "verify.operands_missing": {"en": "not in the quote: {numbers}", "zh": "原文中没有：{numbers}"},
    "verify.bad_expression": {
        "en": "the note is not a usable expression: {error}",
        "zh": "说明中的算式无法计算：{error}",
    },
    "verify.no_arithmetic": {
        "en": "a derived row needs its arithmetic in the note",
        "zh": "推算值须在说明中写出算式",
    },
    "verify.computes": {"en": "the note computes the value", "zh": "说明中的算式得出此数值"},
    "verify.not_computes": {
        "en": "the note does not compute the value",
        "zh": "说明中的算式得不出此数值",
    },
    "verify.interval": {"en": "{low} to {high}", "zh": "{low}至{high}"},
    "verify.not_interval": {"en": "not an interval: {error}", "zh": "不是区间：{error}"},
    "verify.interval_misses": {
        "en": "the interval does not hold the result {value}",
        "zh": "区间不含计算结果{value}",
    },
    "verify.interval_bounds": {
        "en": "the stated bounds are not the floor and ceiling of their expressions",
        "zh": "所写的上下限不是其算式的取整结果",
    },
    "verify.value_outside": {"en": "the value lies outside the interval", "zh": "数值不在区间内"},
    "verify.interval_holds": {"en": "the interval holds the result", "zh": "区间包含计算结果"},
    "verify.not_expression": {"en": "not an expression: {error}", "zh": "不是算式：{error}"},
    "verify.bad_layout": {
        "en": "the note after ' = ' is not in the layout (to n significant digits or exact:)",
        "zh": "说明中“ = ”之后的写法不合格式（应为 to n significant digits 或 exact:）",
    },
    "verify.cannot_round": {
        "en": "cannot round to {digits} significant digits",
        "zh": "无法取{digits}位有效数字",
    },
    "verify.rounded_shown": {
        "en": "{shown}, to {digits} significant {unit}: {target}",
        "zh": "{shown}，取{digits}位有效数字：{target}",
    },
    "verify.digit": {"en": "digit", "zh": "位"},
    "verify.digits": {"en": "digits", "zh": "位"},
    "verify.at_precision": {
        "en": "the value is the note's result at its precision",
        "zh": "数值等于说明的计算结果按其精度取整",
    },
    "verify.rounds_to": {
        "en": "the note's result to {digits} significant digits is {target}",
        "zh": "说明的计算结果取{digits}位有效数字为{target}",
    },
    "verify.note_says": {
        "en": "the note says = {stated}, the expression gives {computed}",
        "zh": "说明写的是 = {stated}，算式得出{computed}",
    },
    "verify.none": {"en": "none", "zh": "无"},
    "verify.rounded_about": {"en": "rounded, so about", "zh": "经过取整，故为约数"},
    "verify.unrounded_exact": {"en": "nothing rounded, so exact", "zh": "未取整，故为确数"},
    "verify.rounded_should_be": {
        "en": "a value rounded from its note is {qualifier}",
        "zh": "由说明取整得到的数值应为{qualifier}",
    },
    "verify.exact_should_be": {
        "en": "a value its note computes exactly is {qualifier}",
        "zh": "由说明精确算出的数值应为{qualifier}",
    },
    "verify.no_unit_word": {"en": "no unit word", "zh": "无单位用语"},
    "verify.no_unit_word_in": {"en": "no unit word ({text})", "zh": "无单位用语（{text}）"},
    "verify.reads_as": {"en": "{word} reads as {unit}", "zh": "单位用语“{word}”与单位相符"},
    "verify.unknown_word": {
        "en": "the unit table does not know the word {word}",
        "zh": "单位表中没有“{word}”一词",
    },
    "verify.unknown_unit": {
        "en": "the unit table does not know the unit {unit}",
        "zh": "单位表中没有单位“{unit}”",
    },
    "verify.reads_not": {
        "en": "{word} reads as {allowed}, not {unit}",
        "zh": "“{word}”应为{allowed}，不是{unit}",
    },
    "verify.counted_unit": {"en": "a counted unit", "zh": "计数单位"},
    "verify.year_named": {"en": "{year} named in the quote", "zh": "原文写明{year}年"},
    "verify.no_year": {"en": "no year", "zh": "无年份"},
    "verify.names_year": {"en": "the quote names the year", "zh": "原文写明了年份"},
    "verify.stated_unnamed": {
        "en": "year_basis is stated, but the quote does not name {year}",
        "zh": "年份依据为原文写明，但原文没有写{year}年",
    },
    "verify.note_starting": {"en": "a note starting {prefix!r}", "zh": "以 {prefix!r} 开头的说明"},
    "verify.note_how": {"en": "a note saying how", "zh": "有说明"},
    "verify.no_note_how": {"en": "no note saying how", "zh": "没有说明"},
    "verify.year_chosen": {
        "en": "the note says how the year was chosen",
        "zh": "说明写了年份如何推定",
    },
    "verify.inferred_needs_note": {
        "en": "an inferred year needs a note starting {prefix!r} saying how",
        "zh": "推定的年份须有以 {prefix!r} 开头的说明写明依据",
    },
    "verify.dated_publication": {"en": "dated to the publication", "zh": "按发表时间定年"},
    "verify.undated_is": {
        "en": "an undated figure current at publication is dated {year}",
        "zh": "未写年份、截至发表时的数字应定为{year}年",
    },
    "verify.not_date": {
        "en": "not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
        "zh": "不是日期（应为 YYYY、YYYY-MM 或 YYYY-MM-DD）",
    },
    "verify.inferred": {"en": "inferred", "zh": "推定"},
    "verify.date_chosen": {
        "en": "the note says how the date was chosen",
        "zh": "说明写了日期如何推定",
    },
    "verify.date_unnamed": {"en": "the quote does not name {parts}", "zh": "原文没有写{parts}"},
    "verify.names_date": {"en": "the quote names the date", "zh": "原文写明了日期"},
    "verify.mention": {"en": "{entities} ({alias})", "zh": "{entities}（{alias}）"},
    "verify.names_it": {"en": "{where} names it", "zh": "{where}提到了它"},
    "verify.names_other": {
        "en": "{where} names {others}, not {entity}",
        "zh": "{where}提到的是{others}，不是{entity}",
    },
    "verify.the_quote": {"en": "the quote", "zh": "引文"},
    "verify.its_sentence": {"en": "its sentence", "zh": "所在句子"},
    "verify.not_in_entities": {"en": "not in the entities table", "zh": "主体表中没有"},
    "verify.names_nobody": {
        "en": "the quote names no place or body",
        "zh": "引文未提及任何地区或主体",
    },
    "verify.sentence_names_nobody": {
        "en": "the quote and its sentence name no place or body",
        "zh": "引文及所在句子均未提及任何地区或主体",
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
