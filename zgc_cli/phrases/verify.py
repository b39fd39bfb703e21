"""What ``zgc verify`` finds, as check/ says it: ``{id: {en, zh}}``.

Part of :data:`zgc_cli.phrases.PHRASES` (see there); standard library only.
"""

from __future__ import annotations

VERIFY_PHRASES: dict[str, dict[str, str]] = {
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
    "verify.no_target_word": {
        "en": "no target word (目标, 力争, 计划到...) opens the figure's sentence",
        "zh": "数字所在句中没有“目标”“力争”“计划到”等目标用语",
    },
    "verify.target_found": {"en": "target ({marker})", "zh": "目标值（{marker}）"},
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
        "zh": "{detail}；被检验的数值由这句话推算而来，必然相符",
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
    "verify.interval": {"en": "{low} to {high}", "zh": "{low} 至 {high}"},
    "verify.not_interval": {"en": "not an interval: {error}", "zh": "不是区间：{error}"},
    "verify.interval_misses": {
        "en": "the interval does not hold the result {value}",
        "zh": "区间不含计算结果 {value}",
    },
    "verify.interval_bounds": {
        "en": "low and high are not the interval's expressions rounded outward",
        "zh": "low、high 不是区间算式向外取整的结果",
    },
    "verify.value_outside": {"en": "the value lies outside the interval", "zh": "数值不在区间内"},
    "verify.interval_holds": {"en": "the interval holds the result", "zh": "区间包含计算结果"},
    "verify.not_expression": {"en": "not an expression: {error}", "zh": "不是算式：{error}"},
    "verify.bad_layout": {
        "en": "the note after ' = ' is not in the layout "
        "('<result>; interval <low> to <high> (<why>)' or '<result>, exact: <why>')",
        "zh": "说明中“ = ”之后的写法不合格式"
        "（应为“<结果>; interval <下限算式> to <上限算式> (<理由>)”或“<结果>, exact: <理由>”）",
    },
    "verify.note_says": {
        "en": "the note says = {stated}, the expression gives {computed}",
        "zh": "说明写的是 = {stated}，算式得出 {computed}",
    },
    "verify.none": {"en": "none", "zh": "无"},
    "verify.rounded_about": {
        "en": "computed from rounded figures, so about",
        "zh": "由取整的数字算出，故为约数",
    },
    "verify.unrounded_exact": {"en": "nothing rounded, so exact", "zh": "未取整，故为确数"},
    "verify.rounded_should_be": {
        "en": "a value computed from rounded figures is {qualifier}",
        "zh": "由取整的数字算出的数值应为{qualifier}",
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
    "verify.names_it": {"en": "{where} names it", "zh": "{where}提到了该主体"},
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
    # --- verify: why a note's arithmetic cannot be computed ---
    "arith.too_long": {"en": "longer than {limit} characters", "zh": "超过{limit}个字符"},
    "arith.not_expression": {
        "en": "not an arithmetic expression: {expression!r}",
        "zh": "不是算式：{expression!r}",
    },
    "arith.division_by_zero": {"en": "division by zero", "zh": "除数为零"},
    "arith.not_allowed": {
        "en": "only numbers, + - * / and parentheses are allowed, not {node}",
        "zh": "只能含数字、+ - * / 和括号，不能含 {node}",
    },
    "arith.too_deep": {"en": "too deeply nested", "zh": "括号嵌套过深"},
    "arith.not_finite": {
        "en": "not a finite number: {expression!r}",
        "zh": "结果不是有限的数：{expression!r}",
    },
}

# --- verify: one figure per row, its year, its metric, entities, claims (issue 17) ---
VERIFY_PHRASES.update(
    {
        "verify.figure_named": {"en": "a figure named", "zh": "写明的数字"},
        "verify.no_figure_text": {
            "en": "the row names no figure (the figure column is empty)",
            "zh": "此行没有写明数字（figure 列为空）",
        },
        "verify.figure_not_in_quote": {
            "en": "the figure {text} is not in the quote",
            "zh": "引文中没有数字“{text}”",
        },
        "verify.figure_not_one": {
            "en": "{text} is not one figure of the quote",
            "zh": "“{text}”不是引文中的一个数字",
        },
        "verify.figure_in_quote": {
            "en": "the quote writes this figure",
            "zh": "引文写有此数字",
        },
        "verify.figure_is_not_value": {
            "en": "the row's figure {text} does not equal the value",
            "zh": "此行的数字“{text}”与数值不符",
        },
        "verify.figure_not_operand": {
            "en": "the figure {text} is not a number of the note's arithmetic",
            "zh": "数字“{text}”不在说明的算式中",
        },
        "verify.no_figure_column": {
            "en": "the data has no figure column: each value was matched against any "
            "figure of its quote, not bound to one",
            "zh": "数据没有 figure 列：每个数值只与引文中任一数字比对，未绑定到某一数字",
        },
        "verify.year_bound": {
            "en": "the quote dates {text} to this year",
            "zh": "引文中“{text}”所属的年份即此年",
        },
        "verify.year_bound_other": {
            "en": "the quote dates {text} to {bound}, not {year}",
            "zh": "引文中“{text}”所属的年份是{bound}年，不是{year}年",
        },
        "verify.bounds": {"en": "{low} to {high}", "zh": "{low}年至{high}年"},
        "verify.inferred_needs_bounds": {
            "en": "an inferred year needs year_min and year_max",
            "zh": "推定的年份须有上下限（year_min、year_max）",
        },
        "verify.year_outside_bounds": {
            "en": "the year {year} lies outside its bounds {low} to {high}",
            "zh": "年份{year}不在其上下限{low}年至{high}年之间",
        },
        "verify.bound_after_publication": {
            "en": "{high} is after the publication ({published})",
            "zh": "{high}年晚于发表时间（{published}年）",
        },
        "verify.bound_before_earlier": {
            "en": "{low} is before {earlier}, which the passage states as earlier",
            "zh": "{low}年早于原文写明在此之前的{earlier}年",
        },
        "verify.bounds_hold": {
            "en": "the year lies within its bounds, not after the publication",
            "zh": "年份在上下限之间，且不晚于发表时间",
        },
        "verify.bounds_hold_after": {
            "en": "the year lies within its bounds, after {earlier} and not after the publication",
            "zh": "年份在上下限之间，不早于{earlier}年，且不晚于发表时间",
        },
        "verify.indicator_unit": {
            "en": "the unit is the indicator's",
            "zh": "单位与指标表一致",
        },
        "verify.indicator_unit_differs": {
            "en": "the indicator's unit is {unit}",
            "zh": "指标表中的单位是{unit}",
        },
        "verify.operand_unit": {
            "en": "the unit follows from the operands' unit words",
            "zh": "单位与算式中各数字的单位用语一致",
        },
        "verify.operand_unit_differs": {
            "en": "the operand {text} is not in {unit}",
            "zh": "算式中的“{text}”的单位不是{unit}",
        },
        "verify.metric_not_in_indicators": {
            "en": "the metric is not in the indicators table",
            "zh": "指标表中没有此指标",
        },
        "verify.clause": {"en": "{clause}", "zh": "{clause}"},
        "verify.metric_named": {
            "en": "the clause names the indicator ({name})",
            "zh": "分句写明了此指标（{name}）",
        },
        "verify.metric_names_other": {
            "en": "the clause names {other}, not the indicator ({name})",
            "zh": "分句写的是指标{other}，不是此指标（{name}）",
        },
        "verify.earlier": {
            "en": "an earlier sentence of its paragraph",
            "zh": "同段前文",
        },
        "verify.the_entity_quote": {"en": "the entity_quote", "zh": "主体引文"},
        "verify.needs_entity_quote": {
            "en": "the quote names no place or body: an entity_quote must name it",
            "zh": "引文未提及任何地区或主体：须在主体引文（entity_quote）中写明",
        },
        "verify.entity_quote_not_in_article": {
            "en": "the entity_quote is not a verbatim passage of the article",
            "zh": "主体引文与文章原文不一致",
        },
        "verify.entity_quote_names_nobody": {
            "en": "the entity_quote names no place or body",
            "zh": "主体引文未提及任何地区或主体",
        },
        "verify.chain": {"en": "a known parent of a wider kind", "zh": "上级主体已知且范围更大"},
        "verify.chain_ok": {
            "en": "the chain of parents ends, each of a wider kind",
            "zh": "上级主体链完整，逐级范围更大",
        },
        "verify.parent_unknown": {
            "en": "the parent {parent} is not in the entities table",
            "zh": "主体表中没有上级主体“{parent}”",
        },
        "verify.parent_cycle": {
            "en": "the chain of parents returns to {entity}",
            "zh": "上级主体链循环回到“{entity}”",
        },
        "verify.parent_kind": {
            "en": "a {kind} does not lie directly in a {parent_kind}",
            "zh": "{kind}的直接上级不能是{parent_kind}",
        },
        "verify.one_entity": {"en": "one entity", "zh": "一个主体"},
        "verify.chain_link": {"en": "{child} → {parent}", "zh": "{child} → {parent}"},
        "verify.entities_label": {"en": "entities table", "zh": "主体表"},
        "verify.check.figure": {"en": "figure", "zh": "数字"},
        "verify.check.year_bounds": {"en": "year_bounds", "zh": "年份上下限"},
        "verify.check.indicator": {"en": "indicator", "zh": "指标单位"},
        "verify.check.metric": {"en": "metric", "zh": "指标"},
        "verify.check.parent": {"en": "parent", "zh": "上级主体"},
        "verify.check.alias": {"en": "alias", "zh": "别名"},
        "verify.alias_collides": {
            "en": "the word {alias} names more than one entity",
            "zh": "“{alias}”一词指向多个主体",
        },
        "verify.claim_flag_wrong": {
            "en": "the file says definitional {stated}, but the tested value {computed} "
            "read from the claim's own words",
            "zh": "文件写明 definitional 为 {stated}，但被检验的数值{computed}由这句话推算而来",
        },
        "verify.yes": {"en": "was", "zh": "是"},
        "verify.no": {"en": "was not", "zh": "并非"},
    }
)
