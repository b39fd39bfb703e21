"""Every word a person reads, in one table: ``MESSAGES[id][language]``.

Adding a language is adding its member to :class:`Language` and one entry per
message here (plus the data's own name columns, ``name_<lang>``). Nothing falls
back silently: :func:`message` raises on a missing text, and a test checks that
every message, and every measure's label, has every language.

Standard library only (``--help`` and pipes import it). The language comes
from ``--lang``, else from the locale: GNU gettext's order (``LANGUAGE``, then
``LC_ALL``, ``LC_MESSAGES``, ``LANG``), as Babel's ``default_locale`` reads
them; Babel itself is not imported for this, since it costs ~25 ms and a pipe
that writes CSV never needs it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from enum import StrEnum

from zgc_cli.phrases import PHRASES, Term, TermNamer, say


class Language(StrEnum):
    """The language of human-facing output; machine formats never change with it."""

    en = "en"
    zh = "zh"


# Babel locale of each language, for numbers.
LOCALES: dict[Language, str] = {Language.en: "en", Language.zh: "zh_Hans_CN"}

MESSAGES: dict[str, dict[str, str]] = {
    # Column headers.
    "header.metric": {"en": "Metric", "zh": "指标"},
    "header.entity": {"en": "Entity", "zh": "主体"},
    "header.series": {"en": "Metric (entity)", "zh": "指标（主体）"},
    "header.name": {"en": "Name", "zh": "名称"},
    "header.unit": {"en": "Unit", "zh": "单位"},
    "header.year": {"en": "Year", "zh": "年份"},
    "header.years": {"en": "Years", "zh": "年份"},
    "header.observations": {"en": "Obs", "zh": "数据点数"},
    "header.value": {"en": "Value", "zh": "数值"},
    "header.latest": {"en": "Latest", "zh": "最新值"},
    "header.category": {"en": "Category", "zh": "类别"},
    "header.trend": {"en": "Trend", "zh": "走势"},
    "header.result": {"en": "Result", "zh": "结果"},
    "header.check": {"en": "Check", "zh": "检查项"},
    "header.expected": {"en": "Expected", "zh": "应为"},
    "header.found": {"en": "Found", "zh": "实际"},
    "header.detail": {"en": "Detail", "zh": "说明"},
    # The legend of marks in tables.
    "mark.estimate": {"en": "* estimate", "zh": "* 预计值"},
    "mark.target": {"en": "§ target", "zh": "§ 目标值"},
    "mark.derived": {"en": "^ derived by zgc", "zh": "^ 推算值"},
    "mark.more_than": {"en": "> more than", "zh": "> 超过"},
    "mark.nearly": {"en": "<~ nearly", "zh": "<~ 接近"},
    "mark.about": {"en": "~ about", "zh": "~ 约"},
    "mark.less_than": {"en": "< less than", "zh": "< 不到"},
    "mark.order_of_magnitude": {"en": "≈ order of magnitude", "zh": "≈ 量级"},
    "mark.inferred_year": {
        "en": "? year inferred (zgc source tells how)",
        "zh": "? 年份为推定（见 zgc source）",
    },
    "mark.cumulative": {
        "en": "cumulative: its CAGR is a running total's",
        "zh": "累计：年均复合增长率按累计总量计算",
    },
    "mark.percentage_points": {
        "en": "pp: change of a share, in percentage points",
        "zh": "个百分点：占比的增减",
    },
    "mark.rank_places": {
        "en": "↑↓ places gained or lost in a rank",
        "zh": "上升/下降X位：位次的变化",
    },
    "mark.attribute": {
        "en": "attribute: a spec or distance, no growth",
        "zh": "属性值：不计增长",
    },
    "mark.overflow": {
        "en": "— overflow: a result too large to compute is left out",
        "zh": "— 溢出：结果超出可计算范围，未列出",
    },
    # What each kind of point is, in chart legends.
    "flag.reported": {"en": "reported", "zh": "原文数据"},
    "flag.estimate": {"en": "estimate", "zh": "预计值"},
    "flag.target": {"en": "target", "zh": "目标值"},
    "flag.derived": {"en": "derived by zgc", "zh": "推算值"},
    "flag.more_than": {"en": "more than (a lower bound)", "zh": "超过（下限）"},
    "flag.nearly": {"en": "nearly (just under)", "zh": "接近（略低于）"},
    "flag.about": {"en": "about", "zh": "约"},
    "flag.less_than": {"en": "less than (an upper bound)", "zh": "不到（上限）"},
    "flag.order_of_magnitude": {
        "en": "order of magnitude (within ×/÷ √10)",
        "zh": "量级（在其÷√10至×√10之间）",
    },
    "flag.inferred_year": {"en": "year inferred", "zh": "年份为推定"},
    "flag.cumulative": {"en": "cumulative total", "zh": "累计"},
    "flag.percentage_points": {"en": "change in percentage points", "zh": "增减以百分点计"},
    "flag.rank_places": {"en": "change in places", "zh": "位次变化"},
    "flag.attribute": {"en": "attribute, no growth", "zh": "属性值，不计增长"},
    "flag.overflow": {"en": "too large to compute", "zh": "超出可计算范围"},
    "header.share_pct": {"en": "Share", "zh": "占比"},
    "header.whole": {"en": "Whole", "zh": "总体"},
    "header.whole_value": {"en": "Whole's value", "zh": "总量"},
    "header.date": {"en": "Date", "zh": "日期"},
    "header.event": {"en": "Event", "zh": "事件"},
    "header.passage": {"en": "Passage", "zh": "原文"},
    # What a figure is, in the source view (the glossary's terms in Chinese).
    "label.reported": {"en": "reported", "zh": "原文数据"},
    "label.estimate": {"en": "estimate", "zh": "预计值"},
    "label.target": {"en": "target", "zh": "目标值"},
    "label.derived": {"en": "derived", "zh": "推算值"},
    # "exact" means the figure has no 约, 超过, 近 beside it, not that it is certain: an
    # estimate can be one ("estimate, exact" read as a contradiction).
    "label.exact": {"en": "unhedged", "zh": "无限定词"},
    "label.more_than": {"en": "more than", "zh": "超过"},
    "label.nearly": {"en": "nearly", "zh": "接近"},
    "label.about": {"en": "about", "zh": "约"},
    "label.less_than": {"en": "less than", "zh": "不到"},
    "label.order_of_magnitude": {"en": "order of magnitude", "zh": "量级"},
    "label.inferred": {"en": "year inferred", "zh": "年份为推定"},
    "label.publication": {"en": "as of publication", "zh": "截至发表时"},
    "label.separator": {"en": ", ", "zh": "，"},
    "label.list_separator": {"en": "; ", "zh": "；"},
    "label.wrap": {"en": " ({labels})", "zh": "（{labels}）"},
    # Cells and lines of the views.
    "cell.points": {"en": "{value} pp", "zh": "{value}个百分点"},
    "cell.rank_up": {"en": "↑{places}", "zh": "上升{places}位"},
    "cell.rank_down": {"en": "↓{places}", "zh": "下降{places}位"},
    "cell.rank_same": {"en": "=", "zh": "持平"},
    "cell.share_of": {"en": "{share} of {whole}", "zh": "占{whole}{share}"},
    "cell.new": {"en": "new", "zh": "新增"},
    # An interval's words: the words alone bound nothing; the conventional reading, marked.
    "cell.unbounded": {"en": "unbounded", "zh": "无法确定"},
    "cell.conventional": {"en": "conv. {value}", "zh": "按惯例{value}"},
    "mark.conventional": {
        "en": "conv. the usual reading of an end the words leave open (突破26万 as under 27万)",
        "zh": "按惯例：对原文未界定一端的惯常理解（突破26万按不到27万计）",
    },
    "mark.unbounded": {
        "en": "unbounded: the words alone bound nothing",
        "zh": "无法确定：仅凭原文无从界定",
    },
    "mark.interval": {
        "en": "a…b: the interval the figures' words and digits allow",
        "zh": "a…b：原文措辞与数位所允许的区间",
    },
    "mark.one_end": {
        "en": "≥ > ≤ <: one end only, the words leave the other open",
        "zh": "≥ > ≤ <：仅有一端，另一端原文未界定",
    },
    "span.cagr": {"en": "CAGR ", "zh": "年均增长"},
    "compare.not_compared": {
        "en": "Not compared, only {year} in the data ({count}): {series}",
        "zh": "未比较，仅有{year}年数据（{count}）：{series}",
    },
    "series.outside_window": {
        "en": "{entity} {year}: growth since {previous}, a figure outside --from/--to",
        "zh": "{entity} {year}年：增长自{previous}年起算，该年数据在 --from/--to 范围之外",
    },
    "compare.more_not_compared": {
        "en": "… and {count} more (--limit 0 names them all)",
        "zh": "……另有{count}项（--limit 0 列出全部）",
    },
    "compare.try_tolerance": {
        "en": "--tolerance 1 compares each series' nearest years within ±1 of those asked",
        "zh": "加 --tolerance 1 可取各序列在所问年份±1年内最近的年份比较",
    },
    "compare.title_near": {
        "en": "{year_from} → {year_to} ({within})",
        "zh": "{year_from} → {year_to}（{within}）",
    },
    "compare.within_year": {"en": "±{tolerance} year", "zh": "±{tolerance}年"},
    "compare.within_years": {"en": "±{tolerance} years", "zh": "±{tolerance}年"},
    "compare.nearest": {
        "en": "{example} after a figure: the year it is of, the nearest with data "
        "within {within} of the one its column asks",
        "zh": "数值后的{example}：该数值所属年份，即与该列所问年份相差{within}以内最近的有数据年份",
    },
    "compare.not_compared_near": {
        "en": "Not compared, only {year} ({within}) in the data ({count}): {series}",
        "zh": "未比较，仅有{year}年（{within}）数据（{count}）：{series}",
    },
    "verify.none_shown": {
        "en": "No check failed, and every figure had a quote to check.",
        "zh": "没有不符的检查项，每个数字都有原文可查。",
    },
    "table.ids_left_out": {
        "en": "Ids are not shown at this width: a wider terminal or --format csv shows them",
        "zh": "此宽度下不显示标识符：加宽终端或用 --format csv 可见",
    },
    "table.more_rows": {
        "en": "… {count} more rows: --limit 0 for all, or --format csv",
        "zh": "… 另有 {count} 行未显示：--limit 0 显示全部，或用 --format csv",
    },
    "source.no_quote": {"en": "(no quote: unsourced)", "zh": "（无原文：无出处）"},
    "source.note": {"en": "note: ", "zh": "说明："},
    "source.source": {"en": "Source: ", "zh": "来源："},
    # --- views: tables people read (names, categories, units in the language) ---
    "header.indicator": {"en": "Indicator", "zh": "指标"},
    "cell.of_entity": {"en": "{name} ({entity})", "zh": "{name}（{entity}）"},
    "cell.times": {"en": "×", "zh": "倍"},
    "source.heading": {"en": "{place}: ", "zh": "{place}："},
    "span.lead": {
        "en": "{entity} {years}: {start} → {end}",
        "zh": "{entity} {years}：{start} → {end}",
    },
    "category.economy": {"en": "Economy", "zh": "经济"},
    "category.enterprises": {"en": "Enterprises", "zh": "企业"},
    "category.innovation": {"en": "Innovation", "zh": "创新"},
    "category.technology": {"en": "Technology", "zh": "科技"},
    "category.industry": {"en": "Industry", "zh": "产业"},
    "category.talent": {"en": "Talent", "zh": "人才"},
    "category.ecosystem": {"en": "Ecosystem", "zh": "创新生态"},
    "category.regional_cooperation": {"en": "Regional cooperation", "zh": "区域合作"},
    "category.policy": {"en": "Policy", "zh": "政策"},
    "category.other": {"en": "Other", "zh": "其他"},
    # Charts.
    "chart.series": {"en": "Series:", "zh": "系列："},
    "chart.marks": {"en": "Marks:", "zh": "标记："},
    "chart.index_title": {"en": "Index (first year = 100)", "zh": "指数（基年=100）"},
    "chart.index_base": {"en": "{text} ({base})", "zh": "{text}（{base}）"},
    "chart.titled": {"en": "{name} ({unit})", "zh": "{name}（{unit}）"},
    # A name that ends in brackets already: a second pair would read as a double aside.
    "chart.titled_bracketed": {"en": "{name}, in {unit}", "zh": "{name}，单位：{unit}"},
    "chart.not_indexed": {
        "en": "not indexed: {series} is {value} in {year}, its base year; an index needs a "
        "positive base value",
        "zh": "未指数化：{series}在基年（{year}年）的值为 {value}，指数需要正的基年值",
    },
    "chart.index_intervals": {
        "en": "a vertical bar through a point: the interval of the index that the figures' "
        "words and digits allow (a derived figure, a bound, a rounded base)",
        "zh": "穿过数据点的竖线：原文措辞与数位所允许的指数区间"
        "（推算值、界限值或取整的基年值所致）",
    },
    "chart.index_unbounded": {
        "en": "not drawn: {series} in {year}, whose index the figures' words do not bound "
        "({reading})",
        "zh": "未绘出：{series}{year}年的指数，原文措辞无法界定（{reading}）",
    },
    "chart.no_index": {
        "en": "no series can be indexed; shown in separate panels",
        "zh": "没有可指数化的系列，改为分栏显示",
    },
    "chart.note": {"en": "Note: ", "zh": "注："},
    "chart.too_many": {
        "en": "too many series for one chart: {count}, {most} of them in one panel; a chart "
        "shows at most {per_panel} lines in a panel and {total} in all: chart fewer ids, "
        "or fewer entities with --entity",
        "zh": "系列太多，无法绘于一图：共{count}个，其中{most}个在同一分栏；每个分栏最多"
        "{per_panel}条线，全图最多{total}条：请少选指标，或用 --entity 少选主体",
    },
    "chart.index_overflow": {
        "en": "not indexed: {series} is {value} in {year}, its base year; its index is too "
        "large for a number",
        "zh": "未指数化：{series}在基年（{year}年）的值为{value}，其指数过大，超出数值范围",
    },
    "chart.no_glyph": {
        "en": "no font here draws {characters}: they show as boxes in the chart",
        "zh": "没有可显示 {characters} 的字体：图中显示为方框",
    },
    # --- charts: bars, a common index base, growth labels ---
    "chart.bars_title": {"en": "{title}, {years}", "zh": "{title}，{years}年"},
    "chart.year": {"en": "{year}", "zh": "{year}年"},
    "chart.bar_year": {"en": "{entity} ({year})", "zh": "{entity}（{year}年）"},
    "chart.index_year_title": {"en": "Index ({year} = 100)", "zh": "指数（{year}年 = 100）"},
    # Under --tolerance the series' base years differ: the title says so, not one year.
    "chart.index_years_title": {
        "en": "Index: each series = 100 in its base year ({years})",
        "zh": "指数：各系列以其基年为100（{years}年）",
    },
    "chart.index_nearest": {
        "en": "{text} ({year} = 100, nearest year)",
        "zh": "{text}（{year} = 100，取最近年份）",
    },
    "chart.growth": {
        "en": "{text}  {change} {first}–{last}",
        "zh": "{text}  {first}–{last}年{change}",
    },
    "chart.growth_note": {
        "en": "each panel's axis starts at zero; legends give each series' change",
        "zh": "各分栏纵轴均从零开始；图例注明各系列的变化幅度",
    },
    "chart.no_common_base": {
        "en": "no year that every series has ({series}): choose one with --base YEAR{hint}",
        "zh": "没有所有系列都有数据的年份（{series}）：请用 --base 年份 指定基年{hint}",
    },
    "chart.tolerance_hint": {
        "en": ", or allow nearby years with --tolerance {tolerance}",
        "zh": "，或用 --tolerance {tolerance} 允许取相邻年份",
    },
    "chart.no_base_year": {
        "en": "no figure {within} for {series}: choose another --base, "
        "or allow nearby years with --tolerance",
        "zh": "{series}{within}没有数据：请换一个 --base，或用 --tolerance 允许取相邻年份",
    },
    "chart.in_year": {"en": "in {year}", "zh": "在{year}年"},
    "chart.near_year": {
        "en": "within ±{tolerance} of {year}",
        "zh": "在{year}年前后{tolerance}年内",
    },
    "chart.series_years": {"en": "{series} (years {years})", "zh": "{series}（年份：{years}）"},
    # Notes on stderr.
    "note.not_compared": {
        "en": "{count} series have only one of the years (see --format table)",
        "zh": "{count}个系列只有其中一年的数据（见 --format table）",
    },
    # --- verify in the chosen language ---
    "verify.result.pass": {"en": "pass", "zh": "通过"},
    "verify.result.fail": {"en": "fail", "zh": "不符"},
    "verify.result.definitional": {"en": "definitional", "zh": "定义性"},
    "verify.result.unsourced": {"en": "unsourced", "zh": "无出处"},
    "verify.check.source": {"en": "source", "zh": "出处"},
    "verify.check.quote": {"en": "quote", "zh": "引文"},
    "verify.check.value": {"en": "value", "zh": "数值"},
    "verify.check.qualifier": {"en": "qualifier", "zh": "限定词"},
    "verify.check.status": {"en": "status", "zh": "数据性质"},
    "verify.check.unit": {"en": "unit", "zh": "单位"},
    "verify.check.derived": {"en": "derived", "zh": "推算"},
    "verify.check.operands": {"en": "operands", "zh": "运算数"},
    "verify.check.interval": {"en": "interval", "zh": "区间"},
    "verify.check.year": {"en": "year", "zh": "年份"},
    "verify.check.entity": {"en": "entity", "zh": "主体"},
    "verify.check.claim": {"en": "claim", "zh": "论断"},
    "verify.header.stacked": {
        "en": "Expected → found",
        "zh": "应为 → 实际",
    },
    "verify.event_label": {"en": "event", "zh": "大事记"},
    "verify.in_year": {"en": "{year}: {text}", "zh": "{year}年：{text}"},
    "verify.expected_found": {"en": "{expected} → {found}", "zh": "{expected} → {found}"},
    # --- messages on stderr ---
    "stderr.error": {"en": "zgc: error: {text}\n", "zh": "zgc：错误：{text}\n"},
    "stderr.warning": {"en": "zgc: warning: {text}\n", "zh": "zgc：警告：{text}\n"},
    "stderr.note": {"en": "zgc: note: {text}\n", "zh": "zgc：提示：{text}\n"},
    "stderr.wrote": {"en": "zgc: wrote {path}\n", "zh": "zgc：已写入 {path}\n"},
    "note.mcp_waiting": {
        "en": "zgc mcp: serving the Model Context Protocol on stdin/stdout; an MCP client "
        "starts it (Ctrl-C ends it)\n",
        "zh": "zgc mcp：正在通过标准输入/输出提供模型上下文协议（MCP）服务，应由MCP客户端启动"
        "（按Ctrl-C结束）\n",
    },
    "note.verify_summary": {
        "en": "zgc verify: {total} checks: {passed} pass, {definitional} definitional, "
        "{failed} fail, {unsourced} unsourced\n",
        "zh": "zgc verify：{total}项检查：通过{passed}，定义性{definitional}，"
        "不符{failed}，无出处{unsourced}\n",
    },
    # --- citations (zgc cite) ---
    "cite.figure": {
        "en": "Figure cited: {name}, {year}: {value} [{raw} {unit}] ({labels})",
        "zh": "所引数据：{name}，{year}年：{value}［{raw} {unit}］（{labels}）",
    },
    "cite.name_entity": {"en": "{name} ({entity})", "zh": "{name}（{entity}）"},
    "cite.passage": {"en": "Passage: “{quote}”", "zh": "原文：“{quote}”"},
    "cite.no_passage": {"en": "The data gives no passage", "zh": "数据未给出原文"},
    "cite.data_note": {"en": "Data note: {note}", "zh": "数据说明：{note}"},
    "cite.dataset": {
        "en": "Dataset {name}, version {version}, file {file}, row {row}, SHA-256 {sha256}",
        "zh": "数据集：{name}（版本{version}），文件{file}，记录{row}，SHA-256：{sha256}",
    },
    "cite.no_version": {"en": "not given", "zh": "未注明"},
    "cite.not_hashed": {
        "en": "not computed (the data was read from standard input)",
        "zh": "未计算（数据读自标准输入）",
    },
    "cite.sentence_end": {"en": ". ", "zh": "。"},
    "cite.note_label": {"en": "Note. ", "zh": "注："},
    "cite.no_issue": {
        "en": "The data package gives no issue number of the periodical",
        "zh": "数据包未给出该期刊的期号",
    },
    "cite.issue": {"en": "Issue {issue}", "zh": "第{issue}期"},
    # --- output files ---
    # --- report ---
    "report.title": {"en": "Innovation figures: a fact sheet", "zh": "创新指标数据简报"},
    # The shipped data's report names its place and its source in the title and heading.
    "report.title_zgc": {"en": "Zhongguancun in figures", "zh": "中关村创新指标"},
    "report.title_source": {"en": "{title}, from {source}", "zh": "{title}：据{source}"},
    "report.source_date": {"en": "{source}, {date}", "zh": "{source}（{date}）"},
    "report.mark.inferred_year": {
        "en": "? year inferred (the figure's passage tells how)",
        "zh": "? 年份为推定（点按数字可见依据）",
    },
    "report.language": {"en": "Language", "zh": "语言"},
    "report.language_name": {"en": "English", "zh": "中文"},
    "report.contents": {"en": "Contents", "zh": "目录"},
    "report.how_to_read": {
        "en": "Hover over or tap any underlined number to see the sentence it comes from.",
        "zh": "鼠标悬停或点按带下划线的数字，可查看其出处原文。",
    },
    "report.how_to_read_markdown": {
        "en": "Each number's footnote gives the sentence it comes from. Marks:",
        "zh": "每个数字的脚注给出其出处原文。标记说明：",
    },
    "report.marks": {"en": "Marks", "zh": "标记说明"},
    "report.catalog": {"en": "Indicators by category", "zh": "分类指标一览"},
    "report.series": {"en": "Series and growth", "zh": "时间序列与增长"},
    "report.series_intro": {
        "en": "Indicators with figures for more than one year; each change is since the "
        "previous figure, and CAGR is annualised over the years between them.",
        "zh": "有两个及以上年份数据的指标；变化均相对于上一个数据，年均增长按两者相隔年数计算。",
    },
    "report.comparisons": {"en": "Comparisons between years", "zh": "年份比较"},
    "report.shares": {"en": "Shares of a whole", "zh": "占比"},
    "report.timeline": {"en": "Timeline", "zh": "大事记"},
    "report.none": {"en": "None in this selection.", "zh": "所选范围内没有。"},
    "report.from_to": {"en": "{year_from} → {year_to}", "zh": "{year_from}年 → {year_to}年"},
    "report.nearest": {
        "en": "A series without data in a year asked takes its nearest year within "
        "±{tolerance}; the years it compares follow its name.",
        "zh": "某系列在所问年份无数据时，取相差{tolerance}年以内最近的有数据年份，"
        "实际比较的年份列在名称之后。",
    },
    "report.not_compared": {
        "en": "{count} series have only one of the two years and are not compared.",
        "zh": "{count}个系列只有其中一年的数据，未作比较。",
    },
    "report.series_name": {"en": "{name} ({entity})", "zh": "{name}（{entity}）"},
    # A change of scope, where the terminal names `zgc source`: the figures' passages say it.
    "report.scope_series": {
        "en": "{mark} {year}: its change from {previous} joins figures that differ in scope "
        "(each figure's passage gives its scope)",
        "zh": "{mark} {year}年：与{previous}年相比的变化涉及口径不同的数据（各自口径见数字的原文）",
    },
    "report.scope_compared": {
        "en": "{mark} {name}: the two figures differ in scope "
        "(each figure's passage gives its scope)",
        "zh": "{mark} {name}：两个数据口径不同（各自口径见数字的原文）",
    },
    "report.figure": {
        "en": "{name}, {entity}, {year}: {value}",
        "zh": "{name}，{entity}，{year}年：{value}",
    },
    "report.no_charts": {
        "en": "No charts: they need matplotlib (pip install 'zgc[plot]').",
        "zh": "未含图表：绘图需要 matplotlib（pip install 'zgc[plot]'）。",
    },
    "report.made_by": {"en": "Made by zgc {version}.", "zh": "由 zgc {version} 生成。"},
    "report.data": {"en": "Data: {label}", "zh": "数据：{label}"},
    "report.category.none": {"en": "Uncategorised", "zh": "未分类"},
    "report.category.economy": {"en": "Economy", "zh": "经济"},
    "report.category.ecosystem": {"en": "Innovation ecosystem", "zh": "创新生态"},
    "report.category.enterprises": {"en": "Enterprises", "zh": "企业"},
    "report.category.industry": {"en": "Industry", "zh": "产业"},
    "report.category.innovation": {"en": "Innovation", "zh": "创新"},
    "report.category.policy": {"en": "Policy", "zh": "政策"},
    "report.category.regional_cooperation": {"en": "Regional cooperation", "zh": "区域协同"},
    "report.category.talent": {"en": "Talent", "zh": "人才"},
    "report.category.technology": {"en": "Technology", "zh": "技术"},
    # --- several data sources ---
    "note.set_aside": {
        "en": "--prefer: {count} observations of {source} set aside for a preferred "
        "source's figures of the same metric, entity and year",
        "zh": "--prefer：{source}中的{count}条观测值让位于优先数据源的同一观测值",
    },
    "load.loading": {"en": "Loading {sources} …", "zh": "正在读取{sources}…"},
}

# What the lower layers say (errors, verify's findings) lives in zgc_cli/phrases.py, the
# bottom layer, so that str(error) and CSV carry English without importing present;
# it joins the one table here, and the test that every message has every language covers it.
MESSAGES.update(PHRASES)

# Units as a chart's axis names them, by the data's unit id.
UNIT_NAMES: dict[str, dict[str, str]] = {
    "CNY": {"en": "CNY", "zh": "元"},
    "yuan": {"en": "yuan", "zh": "元"},
    "persons": {"en": "persons", "zh": "人"},
    "people": {"en": "people", "zh": "人"},
    "patents": {"en": "patents", "zh": "件"},
    "firms": {"en": "firms", "zh": "家"},
    "companies": {"en": "companies", "zh": "家"},
    "models": {"en": "models", "zh": "款"},
    # --- every unit of the shipped data, in the glossary's terms (位次 for a rank itself) ---
    "institutions": {"en": "institutions", "zh": "家"},
    "rank": {"en": "rank", "zh": "位次"},
    "percent": {"en": "%", "zh": "%"},
    "items": {"en": "items", "zh": "件"},
    "patents_per_10k_people": {"en": "per 10k people", "zh": "件/万人"},
    "launches": {"en": "launches", "zh": "次"},
    "km": {"en": "km", "zh": "公里"},
    "km2": {"en": "km²", "zh": "平方公里"},
    "contracts": {"en": "contracts", "zh": "项"},
    "clusters": {"en": "clusters", "zh": "个"},
    "technologies": {"en": "technologies", "zh": "项"},
    "regions": {"en": "regions", "zh": "个"},
    "provinces": {"en": "provinces", "zh": "个"},
    "policies": {"en": "policies", "zh": "项"},
    "person_trips": {"en": "person-trips", "zh": "人次"},
    "parks": {"en": "parks", "zh": "个"},
    "parameters": {"en": "parameters", "zh": "个"},
    "minutes": {"en": "minutes", "zh": "分钟"},
    "fields": {"en": "fields", "zh": "个"},
    "editions": {"en": "editions", "zh": "届"},
    "cores": {"en": "cores", "zh": "核"},
    "consortia": {"en": "consortia", "zh": "个"},
    "branches": {"en": "branches", "zh": "家"},
    "bits_per_second": {"en": "bit/s", "zh": "比特/秒"},
    "bases": {"en": "bases", "zh": "个"},
}


def message(key: str, lang: Language | str, **values: object) -> str:
    """The text of a message in a language, with ``{placeholders}`` filled in.

    Raises:
        KeyError: the message, or its text in that language, does not exist.
    """
    text = MESSAGES[key][str(lang)]
    return text.format(**values) if values else text


def data_note(note: object, note_zh: object, lang: Language | str) -> str:
    """The data's note on a figure in the language: ``note_zh`` in Chinese where the data
    has one (a user's data without it keeps its own note), else ``note``."""
    if str(lang) == Language.zh and note_zh is not None and str(note_zh).strip():
        return str(note_zh)
    return "" if note is None else str(note)


def titled(name: str, unit_text: str, lang: Language | str) -> str:
    """A name with its unit: ``Revenue (yuan)``; ``Listed firms (cumulative), in firms``."""
    if not unit_text:
        return name
    key = "chart.titled_bracketed" if name.rstrip().endswith((")", "）")) else "chart.titled"
    return message(key, lang, name=name, unit=unit_text)


def unit_name(unit: str, lang: Language | str) -> str:
    """A unit id as a chart names it in a language; an unknown unit is shown as it is."""
    return UNIT_NAMES.get(unit, {}).get(str(lang), unit)


def term_name(term: Term, lang: Language | str) -> str | None:
    """A status, qualifier, year basis or unit id in a language (None: show the id)."""
    if term.kind in ("status", "qualifier", "year_basis"):
        key = f"label.{term}"
        return MESSAGES[key][str(lang)] if key in MESSAGES else None
    if term.kind == "unit":
        return unit_name(str(term), lang)
    return None


def spoken(text: str, lang: Language | str, namer: TermNamer | None = None) -> str:
    """Text from a lower layer in a language: a Phrase rendered, anything else as it is."""
    return say(text, str(lang), namer or term_name)


def detect_language(environ: Mapping[str, str] | None = None) -> Language:
    """The language of the locale: Chinese for zh_*, else English.

    ``LANGUAGE`` (a list, first entry wins) counts when a locale is set and is
    not C/POSIX, as gettext has it; else ``LC_ALL``, ``LC_MESSAGES``, ``LANG``.
    """
    env = os.environ if environ is None else environ
    locale = next((env[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(name)), "")
    preferred = env.get("LANGUAGE", "").split(":")[0]
    if preferred and locale and locale.split(".")[0] not in ("C", "POSIX"):
        locale = preferred
    return Language.zh if locale.lower().startswith("zh") else Language.en
