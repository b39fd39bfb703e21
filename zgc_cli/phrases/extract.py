"""What ``zgc extract`` says: its errors, notes and the review view's words, ``{id: {en, zh}}``.

Part of :data:`zgc_cli.phrases.PHRASES` (see there); standard library only.
"""

from __future__ import annotations

EXTRACT_PHRASES: dict[str, dict[str, str]] = {
    # --- errors and notes ---
    "what.extract_input": {"en": "the text", "zh": "文本"},
    "extract.empty": {"en": "{label}: holds no text", "zh": "{label}：没有文字"},
    "extract.bad_published": {
        "en": "--published {value!r}: not a date (write 2024, 2024-04 or 2024-04-20)",
        "zh": "--published “{value}”：不是日期（应写作“2024”“2024-04”或“2024-04-20”）",
    },
    "extract.bad_entity": {
        "en": "--entity {value!r}: not an id (lower case letters, digits and _)",
        "zh": "--entity “{value}”：不是有效的标识（小写字母、数字和下划线）",
    },
    "extract.entities_columns": {
        "en": "{label}: an entities file needs the columns entity and aliases_zh",
        "zh": "{label}：主体表须有“entity”和“aliases_zh”两列",
    },
    "extract.no_published": {
        "en": "no --published date: undated figures are dated {year}, the latest year the text "
        "names (year_basis inferred)",
        "zh": "未给出 --published：未注明年份的数字按文中最晚的年份{year}年计（年份为推定）",
    },
    "extract.no_year": {
        "en": "the text names no year and no --published date was given: add --published",
        "zh": "文中没有年份，也未给出 --published：请加上 --published",
    },
    "extract.sidecars": {
        "en": "wrote beside it: {files}",
        "zh": "同时写入：{files}",
    },
    # --- notes of the rows (machine formats keep the English; note_zh the Chinese) ---
    "extract.note.clause": {
        "en": "year stated in the figure's clause",
        "zh": "年份见于数字所在分句",
    },
    "extract.note.sentence": {
        "en": "year stated in the figure's sentence",
        "zh": "年份见于数字所在句",
    },
    "extract.note.range": {
        "en": "year stated: the end of the range {range}, a cumulative figure's window",
        "zh": "年份为所述区间{range}的末年（累计数的统计区间）",
    },
    "extract.note.paragraph": {
        "en": "year inferred: {year}, the year an earlier sentence of the paragraph names",
        "zh": "年份为推定：{year}年，同段前文所述年份",
    },
    "extract.note.relative": {
        "en": "year inferred: {words} counted from the publication date, {year}",
        "zh": "年份为推定：“{words}”按发表日期计，为{year}年",
    },
    "extract.note.later": {
        "en": "year inferred: {words} after {base}",
        "zh": "年份为推定：{base}年的“{words}”",
    },
    "extract.note.respective": {
        "en": "year inferred: {year}, by 分别 (respectively) over {first}–{last}",
        "zh": "年份为推定：按“分别”对应{first}—{last}年中的{year}年",
    },
    "extract.note.title": {
        "en": "year inferred: {year}, the year the title names",
        "zh": "年份为推定：{year}年，标题所述年份",
    },
    "extract.note.publication": {
        "en": "current at publication ({date})",
        "zh": "截至发表时（{date}）",
    },
    "extract.note.latest": {
        "en": "year inferred: {year}, the latest year the text names (no --published date)",
        "zh": "年份为推定：{year}年，文中最晚的年份（未给出发表日期）",
    },
    "extract.note.estimate": {"en": "{word}: an estimate", "zh": "{word}：预计值"},
    "extract.note.target": {"en": "{word}: a target or plan", "zh": "{word}：目标值"},
    "extract.note.claim": {
        "en": "{growth} over {base}, within half its last written digit ({step}); the {base} "
        "row is derived from these words",
        "zh": "{growth}（相对{base}年），按末位数字（{step}）的一半取区间；"
        "{base}年的数据即由这句话推算",
    },
    "extract.note.future": {
        "en": "a figure for {year}, after publication: a target or forecast",
        "zh": "{year}年的数字，晚于发表时间：目标或预测",
    },
    "extract.note.growth": {
        "en": "growth since {base}, as written",
        "zh": "较{base}年的增长，按原文",
    },
    "extract.note.growth_year": {
        "en": "year inferred: {year}, the year of the level that grew since {base}",
        "zh": "年份为推定：{year}年，即较{base}年增长后所达数值的年份",
    },
    "extract.note.derived": {
        "en": "{level} and {growth} read back to {base}",
        "zh": "由{level}与{growth}推算{base}年数值",
    },
    # --- the review view ---
    "extract.title": {
        "en": "{count} figures in {paragraphs} paragraphs of {label}",
        "zh": "{label}：{paragraphs}段中共{count}个数字",
    },
    "extract.paragraph": {"en": "Paragraph {number}", "zh": "第{number}段"},
    "extract.counts_status": {"en": "By status: {counts}", "zh": "按数据性质：{counts}"},
    "extract.counts_qualifier": {"en": "By qualifier: {counts}", "zh": "按限定：{counts}"},
    "extract.count_item": {"en": "{name} {count}", "zh": "{name}{count}个"},
    "extract.nothing": {"en": "No figure found in {label}.", "zh": "{label}中没有找到数字。"},
    "extract.hint": {
        "en": "In a pipe, or with -o draft.csv, the rows are CSV in the data's columns.",
        "zh": "通过管道或用 -o 写入文件时，各行按数据表的列输出为 CSV。",
    },
    "extract.header.figure": {"en": "Figure", "zh": "数字"},
    "extract.header.status": {"en": "Status", "zh": "数据性质"},
    "extract.header.metric": {"en": "Draft metric", "zh": "指标（草拟）"},
    "extract.year_basis.stated": {"en": "stated", "zh": "原文所述"},
    "extract.year_basis.inferred": {"en": "inferred", "zh": "推定"},
    "extract.year_basis.publication": {"en": "at publication", "zh": "截至发表时"},
}
