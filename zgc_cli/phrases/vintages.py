"""What vintages, --as-of and diff say: errors, notes and the words of their views."""

from __future__ import annotations

VINTAGE_PHRASES: dict[str, dict[str, str]] = {
    "vintages.bad_as_of": {
        "en": "--as-of {value}: not a date (write it as 2024, 2024-05 or 2024-05-31)",
        "zh": "--as-of {value}：不是日期（应写作 2024、2024-05 或 2024-05-31 的形式）",
    },
    "vintages.not_yet": {
        "en": "--as-of {as_of}: {count} figure(s) published later left out ({sources})",
        "zh": "--as-of {as_of}：未计入此后发布的 {count} 个数据（{sources}）",
    },
    "vintages.revised_from": {
        "en": "revised from {figure} ({status}, {date})",
        "zh": "修订自{figure}（{status}，{date}）",
    },
    "vintages.scope": {
        "en": "scope differs: {scope}",
        "zh": "口径不同：{scope}",
    },
    "vintages.mark_legend": {
        "en": "† a later publication; its earlier figure:",
        "zh": "† 此后发布的数据；此前的数据：",
    },
    "vintages.no_passage": {
        "en": "no passage shipped: see the publication ({address})",
        "zh": "未收录原文语句：请查阅该出版物（{address}）",
    },
    "vintages.unconfirmed": {
        "en": "unconfirmed: {what}",
        "zh": "未经证实：{what}",
    },
    "diff.need_two": {
        "en": "zgc diff compares two: OLD and NEW files, or --as-of twice",
        "zh": "比较需要两组数据：新旧两个数据文件，或两次 --as-of",
    },
    "diff.summary": {
        "en": "{total} change(s): {counts}{largest}",
        "zh": "共 {total} 处变化：{counts}{largest}",
    },
    "diff.largest": {
        "en": "; largest revision {metric} {year} {change}",
        "zh": "；最大修订 {metric} {year}年 {change}",
    },
    "diff.none": {
        "en": "no change",
        "zh": "没有变化",
    },
    "diff.unexplained": {
        "en": "{count} change(s) unexplained: {kinds}",
        "zh": "{count} 处变化无法解释：{kinds}",
    },
}

# The words of diff's view: each kind, and the headers.
DIFF_WORDS: dict[str, dict[str, str]] = {
    "diff.kind.revised": {"en": "revised", "zh": "修订"},
    "diff.kind.re_rounded": {"en": "re-rounded", "zh": "重新取整"},
    "diff.kind.inconsistent_rounding": {"en": "inconsistent rounding", "zh": "取整不一致"},
    "diff.kind.superseded_estimate": {"en": "superseded estimate", "zh": "预计值被取代"},
    "diff.kind.qualifier_changed": {"en": "qualifier changed", "zh": "限定语变化"},
    "diff.kind.re_dated": {"en": "re-dated", "zh": "年份改定"},
    "diff.kind.scope_differs": {"en": "scope differs", "zh": "口径不同"},
    "diff.kind.added": {"en": "added", "zh": "新增"},
    "diff.kind.removed": {"en": "removed", "zh": "删除"},
    "diff.header.indicator": {"en": "Indicator", "zh": "指标"},
    "diff.header.year": {"en": "Year", "zh": "年份"},
    "diff.header.old": {"en": "Old", "zh": "原值"},
    "diff.header.new": {"en": "New", "zh": "新值"},
    "diff.header.change_pct": {"en": "Change %", "zh": "变动率"},
    "diff.header.kind": {"en": "Change", "zh": "变化类型"},
    "diff.header.overlap": {"en": "Intervals", "zh": "区间"},
    "diff.overlap": {"en": "overlap", "zh": "重叠"},
    "diff.disjoint": {"en": "disjoint", "zh": "不重叠"},
    "diff.and_scope": {"en": "; scope differs", "zh": "；口径不同"},
    "diff.unexplained_mark": {"en": " (unexplained)", "zh": "（无说明）"},
    "diff.title": {"en": "{old} → {new}", "zh": "{old} → {new}"},
    "diff.count": {"en": "{count} {kind}", "zh": "{kind} {count} 处"},
    "diff.joiner": {"en": ", ", "zh": "、"},
}
VINTAGE_PHRASES.update(DIFF_WORDS)

# What verify says of a source cited rather than quoted (check/cited.py).
CITED_PHRASES: dict[str, dict[str, str]] = {
    "verify.cited": {
        "en": "no passage shipped (by design): cited to {title}, {date}, {address}",
        "zh": "按设计不收录原文语句：出处为《{title}》，{date}，{address}",
    },
    "verify.cited_quote": {
        "en": "a cited source ships no sentence of its publication, yet this row has a quote",
        "zh": "引用型数据源不收录出版物的语句，但此行带有引文",
    },
    "verify.cited_unknown": {
        "en": "the publication {name} is not among the data package's sources",
        "zh": "出版物 {name} 不在数据包所列来源中",
    },
    "verify.cited_incomplete": {
        "en": "the publication lacks a title, a date or an address",
        "zh": "该出版物缺少标题、日期或网址",
    },
    "verify.cited_no_figure": {
        "en": "the figure as written holds no number",
        "zh": "所写数字中没有可读的数值",
    },
    "verify.cited_value": {
        "en": "the figure as written states the value",
        "zh": "所写数字与数值一致",
    },
    "verify.cited_value_differs": {
        "en": "the figure as written states another value",
        "zh": "所写数字与数值不符",
    },
    "verify.cited_qualifier": {
        "en": "the figure's wording gives this qualifier",
        "zh": "所写数字的措辞与限定词一致",
    },
    "verify.cited_qualifier_differs": {
        "en": "the figure's wording gives another qualifier",
        "zh": "所写数字的措辞与限定词不符",
    },
}
VINTAGE_PHRASES.update(CITED_PHRASES)

VIEW_WORDS: dict[str, dict[str, str]] = {
    "vintages.current_line": {
        "en": "published {date} (current): {citation}",
        "zh": "发布于 {date}（现行数据）：{citation}",
    },
    "vintages.earlier_line": {
        "en": "published {date} (an earlier vintage): {citation}",
        "zh": "发布于 {date}（此前版本）：{citation}",
    },
}
VINTAGE_PHRASES.update(VIEW_WORDS)
VINTAGE_PHRASES["vintages.same_as"] = {
    "en": "as published earlier: {figure} ({status}, {date})",
    "zh": "与此前发布相同：{figure}（{status}，{date}）",
}
VINTAGE_PHRASES["vintages.catalog_note"] = {
    "en": "a later publication of the figure, which replaced an earlier one",
    "zh": "此后发布的数据，取代了此前发布的数据",
}
VINTAGE_PHRASES["vintages.note_line"] = {
    "en": "{mark} {what}: {text}",
    "zh": "{mark} {what}：{text}",
}
VINTAGE_PHRASES["vintages.series_year"] = {"en": "{name} {year}", "zh": "{name}{year}年"}
VINTAGE_PHRASES["vintages.year"] = {"en": "{year}", "zh": "{year}年"}
# Where a row joins two figures that count differently (口径): the mark and its legend.
VINTAGE_PHRASES["vintages.scope_compared"] = {
    "en": "{mark} {name}: the two figures differ in scope ({command} shows each)",
    "zh": "{mark} {name}：两个数据口径不同（各自口径见 {command}）",
}
VINTAGE_PHRASES["vintages.scope_series"] = {
    "en": "{mark} {year}: its change from {previous} joins figures that differ in scope "
    "({command} shows each)",
    "zh": "{mark} {year}年：与{previous}年相比的变化涉及口径不同的数据（各自口径见 {command}）",
}
