"""What the front door says: names that mean several ids, and why a result is empty."""

from __future__ import annotations

SELECTION_PHRASES: dict[str, dict[str, str]] = {
    # --- a name (Beijing, 北京, ZGC, 企业总收入) that means more than one id ---
    "names.ambiguous_metric": {
        "en": "{wanted!r} could be any of these metrics: {candidates}; give its id",
        "zh": "{wanted!r} 可指多个指标：{candidates}；请给出指标代码",
    },
    "names.ambiguous_entity": {
        "en": "{wanted!r} could be any of these entities: {candidates}; give its id",
        "zh": "{wanted!r} 可指多个主体：{candidates}；请给出主体代码",
    },
    # A candidate: the id to type and, beside it, what it is called.
    "names.candidate": {"en": "{id} ({name})", "zh": "“{name}”（{id}）"},
    "names.candidate_id": {"en": "{id}", "zh": "“{id}”"},
    # A suggestion: English readers get the id to type, Chinese readers the name (also typeable).
    # (``shown`` is the id in English and the name in Chinese.)
    "names.suggestion": {"en": "{shown}", "zh": "“{shown}”"},
    "usage.unknown_language": {
        "en": "--lang {wanted}: zgc speaks {available}",
        "zh": "--lang {wanted}：zgc 支持的语言为 {available}",
    },
    # --- an empty result: why, and what would give one (a note, exit 0) ---
    "empty.series_years": {
        "en": "no figure of {metrics} {window}; its years: {years}{nearest}",
        "zh": "{metrics}{window}没有数据；其年份：{years}{nearest}",
    },
    "empty.nearest": {
        "en": " (nearest: {nearest}, e.g. {option})",
        "zh": "（最近的年份：{nearest}，例如 {option}）",
    },
    "empty.window_from": {"en": "from {year_from} on", "zh": "在{year_from}年及以后"},
    "empty.window_to": {"en": "up to {year_to}", "zh": "在{year_to}年及以前"},
    "empty.window_between": {
        "en": "between {year_from} and {year_to}",
        "zh": "在{year_from}年至{year_to}年间",
    },
    "empty.filters": {
        "en": "nothing matched {filters}: without them there are {count} row(s)",
        "zh": "没有符合 {filters} 的结果：不加这些条件共有{count}行",
    },
    "empty.compare_years": {
        "en": "no series selected has a figure in {year_from} or {year_to}; their years: "
        "{years}{hint}",
        "zh": "所选系列在{year_from}年和{year_to}年均没有数据；其年份：{years}{hint}",
    },
    "empty.compare_tolerance": {
        "en": " (--tolerance {tolerance} compares the nearest years)",
        "zh": "（加 --tolerance {tolerance} 可比较最近的年份）",
    },
    "empty.catalog_years": {
        "en": "no figure {window}; the data's years: {first}–{last}",
        "zh": "{window}没有数据；数据的年份范围：{first}–{last}年",
    },
    "empty.share_no_whole": {
        "en": "no share of {metric}: its entities ({entities}) have no whole with a figure "
        "in the same year; metrics with a part and its whole in one year: {usable}",
        "zh": "无法计算{metric}的占比：其主体（{entities}）没有同年有数据的上级总体；"
        "同一年份既有部分又有总体数据的指标：{usable}",
    },
    "empty.share_none_usable": {"en": "none in this data", "zh": "此数据中没有"},
    "empty.nothing_matched": {
        "en": "nothing matched: no row passes the filters ({filters})",
        "zh": "没有匹配的结果：没有数据符合筛选条件（{filters}）",
    },
    # --- bare `zgc`: what the data is, three commands to start with (lines fit 60 columns) ---
    "welcome.what": {
        "en": "zgc: the innovation indicators of Zhongguancun (中关村),\n"
        "Beijing's science park, as the April 2024 《瞭望》 (Outlook\n"
        "Weekly) feature and later publications report them; each\n"
        "figure is traced to the sentence that states it.",
        "zh": "zgc：中关村（北京的科技园区）的创新指标，数据来自\n"
        "2024年4月《瞭望》新闻周刊的中关村专题报道及此后的\n"
        "出版物，每个数据都可追溯到陈述它的原文语句。",
    },
    "welcome.start": {"en": "Start with:", "zh": "从这里开始："},
    "welcome.metrics": {
        "en": "every indicator: its latest value, years and unit",
        "zh": "全部指标：最新值、年份和单位",
    },
    "welcome.series": {
        "en": "a series with its growth (or by name: 企业总收入)",
        "zh": "一个指标的时间序列及其增长（名称和代码均可）",
    },
    "welcome.compare": {
        "en": "the decade, indicator by indicator",
        "zh": "十年间逐项比较各指标",
    },
    "welcome.more": {
        "en": "zgc --help lists every command; zgc COMMAND --help shows\nits options and examples.",
        "zh": "zgc --help 列出全部命令；zgc 命令 --help 显示其选项和示例。",
    },
    # --- the catalog on a terminal ends with what to run next (in 60 columns) ---
    "next.catalog": {
        "en": "Next: zgc metrics ID (or a name) for a series and its growth",
        "zh": "下一步：“zgc metrics 指标代码或名称”查看时间序列及增长",
    },
}
