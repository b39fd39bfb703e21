"""What ``zgc extract`` says of an article's figures, in Chinese (简体中文).

Data only: ``{id: text}``.
"""

from __future__ import annotations

TEXTS: dict[str, str] = {
    # --- errors and notes ---
    "what.extract_input": "文本",
    "extract.empty": "{label}：没有文字",
    "extract.no_year": "{label}：文中没有年份，也未给出 --published："
    "请加上 --published（不猜测数字的年份）",
    "extract.bad_published": "--published “{value}”：不是日期（应写作“2024”“2024-04”或“2024-04-20”"
    "）",
    "extract.bad_entity": "--entity “{value}”：不是有效的标识（小写字母、数字和下划线）",
    "extract.entities_columns": "{label}：主体表须有“entity”和“aliases_zh”两列",
    "extract.no_published": "未给出 --published：未注明年份的数字按文中最晚的年份{year}年计（"
    "年份为推定）",
    # --- notes of the rows (machine formats keep the English; note_zh the Chinese) ---
    "extract.note.clause": "年份见于数字所在分句",
    "extract.note.sentence": "年份见于数字所在句",
    "extract.note.range": "年份为所述区间{range}的末年（累计数的统计区间）",
    "extract.note.paragraph": "年份为推定：{year}年，同段前文所述年份",
    "extract.note.relative": "年份为推定：“{words}”按发表日期计，为{year}年",
    "extract.note.later": "年份为推定：{base}年的“{words}”",
    "extract.note.respective": "年份为推定：按“分别”对应{first}—{last}年中的{year}年",
    "extract.note.title": "年份为推定：{year}年，标题所述年份",
    "extract.note.publication": "截至发表时（{date}）",
    "extract.note.latest": "年份为推定：{year}年，文中最晚的年份（未给出发表日期）",
    "extract.note.estimate": "{word}：预计值",
    "extract.note.target": "{word}：目标值",
    "extract.note.claim": "{growth}（相对{base}年），按末位数字（{step}）的一半取区间；"
    "{base}年的数据即由这句话推算",
    "extract.note.future": "{year}年的数字，晚于发表时间：目标或预测",
    "extract.note.growth": "较{base}年的增长，按原文",
    "extract.note.growth_year": "年份为推定：{year}年，即较{base}年增长后所达数值的年份",
    "extract.note.derived": "由{level}与{growth}推算{base}年数值",
    # --- the review view ---
    "extract.title": "{label}：{paragraphs}段中共{count}个数字",
    "extract.paragraph": "第{number}段",
    "extract.counts_status": "按数据性质：{counts}",
    "extract.counts_qualifier": "按限定：{counts}",
    "extract.count_item": "{name}{count}个",
    "extract.nothing": "{label}中没有找到数字。",
    "extract.hint": "通过管道或用 -o 写入文件时，各行按数据表的列输出为 CSV。",
    "extract.header.figure": "数字",
    "extract.header.status": "数据性质",
    "extract.header.metric": "指标（草拟）",
}
