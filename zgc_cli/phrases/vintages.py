"""What vintages, --as-of and diff say: errors, notes and the words of their views."""

from __future__ import annotations

VINTAGE_PHRASES: dict[str, dict[str, str]] = {
    "vintages.bad_as_of": {
        "en": "--as-of {value}: not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
        "zh": "--as-of {value}：不是日期（应为 YYYY、YYYY-MM 或 YYYY-MM-DD）",
    },
    "vintages.not_yet": {
        "en": "--as-of {as_of}: {count} figure(s) published later left out ({sources})",
        "zh": "--as-of {as_of}：未计入此后发布的 {count} 个数据（{sources}）",
    },
    "vintages.revised_from": {
        "en": "revised from {figure} ({status}, {date})",
        "zh": "修订自 {figure}（{status}，{date}）",
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
        "zh": "zgc diff 需要比较两者：OLD 与 NEW 两个文件，或两次 --as-of",
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
