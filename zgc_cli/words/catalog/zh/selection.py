"""Selecting rows: ids, names, years, in Chinese (简体中文): ``{id: text}``. Data only."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    # --- a name (Beijing, 北京, ZGC, 企业总收入) that means more than one id ---
    "names.ambiguous_metric": "{wanted!r} 可指多个指标：{candidates}；请给出指标代码",
    "names.ambiguous_entity": "{wanted!r} 可指多个主体：{candidates}；请给出主体代码",
    # A candidate: the id to type and, beside it, what it is called.
    "names.candidate": "“{name}”（{id}）",
    "names.candidate_id": "“{id}”",
    # A suggestion: English readers get the id to type, Chinese readers the name (also typeable).
    # (``shown`` is the id in English and the name in Chinese.)
    "names.suggestion": "“{shown}”",
    "usage.unknown_language": "--lang {wanted}：zgc 支持的语言为 {available}",
    # --- an empty result: why, and what would give one (a note, exit 0) ---
    "empty.series_years": "{metrics}{window}没有数据；其年份：{years}{nearest}",
    "empty.nearest": "（最近的年份：{nearest}，例如 {option}）",
    "empty.window_from": "在{year_from}年及以后",
    "empty.window_to": "在{year_to}年及以前",
    "empty.window_between": "在{year_from}年至{year_to}年间",
    "empty.filters": "没有符合 {filters} 的结果：不加这些条件共有{count}行",
    "empty.compare_years": "所选系列在{year_from}年和{year_to}年均没有数据；其年份：{years}{hint}",
    "empty.compare_tolerance": "（加 --tolerance {tolerance} 可比较最近的年份）",
    "empty.catalog_years": "{window}没有数据；数据的年份范围：{first}–{last}年",
    "empty.share_no_whole": "无法计算{metric}的占比：其主体（{entities}）没有同年有数据的上级总体"
    "；同一年份既有部分又有总体数据的指标：{usable}",
    "empty.share_none_usable": "此数据中没有",
    "empty.nothing_matched": "没有匹配的结果：没有数据符合筛选条件（{filters}）",
    # --- bare `zgc`: what the data is, three commands to start with (lines fit 60 columns) ---
    "welcome.what": "zgc：中关村（北京的科技园区）的创新指标，数据来自\n2024年4月《瞭望》新闻周刊"
    "的中关村专题报道及此后的\n出版物，每个数据都可追溯到陈述它的原文语句。",
    "welcome.start": "从这里开始：",
    "welcome.metrics": "全部指标：最新值、年份和单位",
    "welcome.series": "一个指标的时间序列及其增长（名称和代码均可）",
    "welcome.compare": "十年间逐项比较各指标",
    "welcome.more": "zgc --help 列出全部命令；zgc 命令 --help 显示其选项和示例。",
    # --- the catalog on a terminal ends with what to run next (in 60 columns) ---
    "next.catalog": "下一步：“zgc metrics 指标代码或名称”查看时间序列及增长",
}
