"""The report and citations, in Chinese (简体中文): ``{id: text}``. Data only."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    # --- citations (zgc cite) ---
    "cite.figure": "所引数据：{name}，{year}年：{value}［{raw}］（{labels}）",
    # The figure in raw numbers; with its strict interval where it is not a plain point.
    "cite.raw": "{raw} {unit}",
    "cite.raw_interval": "{raw} {unit}；区间 {interval}",
    # A bound in words: a note has no legend for the tables' marks.
    "cite.more_than": "超过{value}",
    "cite.at_least": "不少于{value}",
    "cite.nearly": "接近{value}",
    "cite.less_than": "不到{value}",
    "cite.at_most": "不超过{value}",
    "cite.order_of_magnitude": "{value}量级",
    "cite.about": "约{value}",
    "cite.name_entity": "{name}（{entity}）",
    "cite.passage": "原文：“{quote}”",
    "cite.no_passage": "数据未给出原文",
    "cite.data_note": "数据说明：{note}",
    "cite.dataset": "数据集：{name}（版本{version}），文件{file}，记录{row}，SHA-256：{sha256}",
    "cite.no_version": "未注明",
    "cite.not_hashed": "未计算（数据读自标准输入）",
    "cite.sentence_end": "。",
    "cite.note_label": "注：",
    "cite.no_issue": "数据包未给出该期刊的期号",
    # --- output files ---
    # --- report ---
    "report.title": "创新指标数据简报",
    # The shipped data's report names its place and its source in the title and heading.
    "report.title_zgc": "中关村创新指标",
    "report.title_source": "{title}：据{source}",
    # Beneath the title where the figures come from several publications.
    "report.drawn_from": "据{sources}",
    "report.source_separator": "、",
    # A change of scope, where the terminal names `zgc source`: the figures' passages say it.
    "report.scope_series": (
        "{mark} {year}年：与{previous}年相比的变化涉及口径不同的数据（各自口径见数字的原文）"
    ),
    "report.scope_compared": "{mark} {name}：两个数据口径不同（各自口径见数字的原文）",
    "report.source_date": "{source}（{date}）",
    "report.mark.inferred_year": "? 年份为推定（点按数字可见依据）",
    "report.language": "语言",
    "report.language_name": "中文",
    "report.contents": "目录",
    "report.how_to_read": "鼠标悬停或点按带下划线的数字，可查看其出处原文。",
    "report.how_to_read_markdown": "每个数字的脚注给出其出处原文。标记说明：",
    "report.marks": "标记说明",
    "report.catalog": "分类指标一览",
    "report.series": "时间序列与增长",
    "report.series_intro": "有两个及以上年份数据的指标；变化均相对于上一个数据，"
    "年均增长按两者相隔年数计算。",
    "report.comparisons": "年份比较",
    "report.shares": "占比",
    "report.timeline": "大事记",
    "report.none": "所选范围内没有。",
    "report.figure": "{name}，{entity}，{year}年：{value}",
    "report.no_charts": "未含图表：绘图需要 matplotlib（pip install 'zgc[plot]'）。",
    "report.made_by": "由 zgc {version} 生成。",
    "report.data": "数据：{label}",
    # A publication's date as a newspaper writes it (5 April 2024, 2024年4月5日).
    "report.date_month": "{year}年{month}月",
    "report.date_day": "{year}年{month}月{day}日",
    "month.1": "1月",
    "month.2": "2月",
    "month.3": "3月",
    "month.4": "4月",
    "month.5": "5月",
    "month.6": "6月",
    "month.7": "7月",
    "month.8": "8月",
    "month.9": "9月",
    "month.10": "10月",
    "month.11": "11月",
    "month.12": "12月",
}
