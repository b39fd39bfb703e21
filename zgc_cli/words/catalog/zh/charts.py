"""Charts: titles, legends, notes, in Chinese (简体中文): ``{id: text}``. Data only."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    # Charts.
    "chart.series": "系列：",
    "chart.marks": "标记：",
    "chart.titled": "{name}（{unit}）",
    # A name that ends in brackets already: a second pair would read as a double aside.
    "chart.titled_bracketed": "{name}，单位：{unit}",
    "chart.not_indexed": "未指数化：{series}在基年（{year}年）的值为 {value}，指数需要正的基年值",
    "chart.index_intervals": "穿过数据点的竖线：原文措辞与数位所允许的指数区间（推算值、"
    "界限值或取整的基年值所致）",
    "chart.index_unbounded": "未绘出：{series}{year}年的指数，原文措辞无法界定（{reading}）",
    "chart.no_index": "没有可指数化的系列，改为分栏显示",
    "chart.note": "注：",
    "chart.too_many": "系列太多，无法绘于一图：共{count}个，其中{most}个在同一分栏；"
    "每个分栏最多{per_panel}条线，全图最多{total}条：请少选指标，或用 --entity 少选主体",
    "chart.index_overflow": "未指数化：{series}在基年（{year}年）的值为{value}，其指数过大，"
    "超出数值范围",
    "chart.no_glyph": "没有可显示 {characters} 的字体：图中显示为方框",
    # --- charts: bars, a common index base, growth labels ---
    "chart.bars_title": "{title}，{years}年",
    "chart.year": "{year}年",
    "chart.bar_year": "{entity}（{year}年）",
    "chart.index_year_title": "指数（{year}年 = 100）",
    # Under --tolerance the series' base years differ: the title says so, not one year.
    "chart.index_years_title": "指数：各系列以其基年为100（{years}年）",
    "chart.index_nearest": "{text}（{year} = 100，取最近年份）",
    "chart.growth": "{text}  {first}–{last}年{change}",
    "chart.growth_note": "各分栏纵轴均从零开始；图例注明各系列的变化幅度",
    "chart.no_common_base": "没有所有系列都有数据的年份（{series}）：请用 --base 年份 "
    "指定基年{hint}",
    "chart.tolerance_hint": "，或用 --tolerance {tolerance} 允许取相邻年份",
    "chart.no_base_year": "{series}{within}没有数据：请换一个 --base，或用 --tolerance "
    "允许取相邻年份",
    "chart.in_year": "在{year}年",
    "chart.near_year": "在{year}年前后{tolerance}年内",
    "chart.series_years": "{series}（年份：{years}）",
}
