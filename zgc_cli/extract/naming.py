"""Draft names, ids and units for extracted figures.

A figure measures the noun phrase next to it: before it in its clause (企业总收入从…的
3.6万亿元, 国家级科技企业孵化器65家), or, after a counter, the counted noun that follows
(24个创新联合体, 55万余名科研人员). That phrase, trimmed of years, places, time words
and the verbs that introduce a value, is the draft ``name_zh``; an English text's phrase is
its ``name_en``. The draft id is snake_case English built from a small glossary of the
words bulletins use (收入 → revenue, 专利 → patents...), or, where no word is known,
``m<n>_<unit>`` numbered in reading order: a reviewer renames ids, and rows of one
measure in one text share one.
"""

from __future__ import annotations

import re

# Chinese words of measures and their English, longest first when matched.
GLOSSARY: dict[str, str] = {
    "地区生产总值": "gdp",
    "生产总值": "gdp",
    "增加值": "value_added",
    "总收入": "revenue",
    "收入": "revenue",
    "营业收入": "revenue",
    "利润": "profit",
    "税收": "taxes",
    "研发投入": "rd_spending",
    "研发经费": "rd_spending",
    "研究与试验发展": "rd",
    "研发": "rd",
    "强度": "intensity",
    "投入": "investment",
    "投资": "investment",
    "融资": "financing",
    "出口": "exports",
    "进出口": "trade",
    "技术合同": "tech_contracts",
    "合同": "contracts",
    "成交额": "value",
    "交易额": "value",
    "规模": "scale",
    "发明专利": "invention_patents",
    "专利": "patents",
    "每万人": "per_10k_people",
    "高新技术企业": "high_tech_firms",
    "科技型中小企业": "tech_smes",
    "科技型企业": "tech_firms",
    "独角兽企业": "unicorns",
    "独角兽": "unicorns",
    "上市企业": "listed_firms",
    "上市公司": "listed_firms",
    "专精特新": "specialised_smes",
    "小巨人": "little_giants",
    "企业": "firms",
    "公司": "firms",
    "孵化器": "incubators",
    "众创空间": "maker_spaces",
    "孵化机构": "incubation_institutions",
    "机构": "institutions",
    "技术创新中心": "tech_innovation_centers",
    "创新中心": "innovation_centers",
    "实验室": "laboratories",
    "新型研发机构": "new_rd_institutions",
    "研究院": "institutes",
    "高校": "universities",
    "大学": "universities",
    "创新联合体": "innovation_consortia",
    "联盟": "alliances",
    "产业集群": "industry_clusters",
    "集群": "clusters",
    "园区": "parks",
    "基地": "bases",
    "从业人员": "employees",
    "从业者": "employees",
    "留学归国人员": "returnees",
    "科研人员": "researchers",
    "研发人员": "rd_staff",
    "人才": "talent",
    "院士": "academicians",
    "人员": "staff",
    "常住人口": "population",
    "人口": "population",
    "大模型": "large_models",
    "模型": "models",
    "人工智能": "ai",
    "数字经济": "digital_economy",
    "软件": "software",
    "信息": "information",
    "集成电路": "chips",
    "芯片": "chips",
    "医药": "pharma",
    "生物医药": "biomedicine",
    "医疗器械": "medical_devices",
    "自动驾驶": "autonomous_driving",
    "测试里程": "test_distance",
    "里程": "distance",
    "出行": "trips",
    "服务": "services",
    "发射": "launches",
    "卫星": "satellites",
    "火箭": "rockets",
    "商业航天": "commercial_space",
    "政策": "policies",
    "措施": "measures",
    "面积": "area",
    "空间": "area",
    "占比": "share",
    "比重": "share",
    "市场占有率": "market_share",
    "排名": "rank",
    "分支机构": "branches",
    "省区市": "provinces",
    "地区": "regions",
    "项目": "projects",
    "成果": "results",
    "论坛": "forum",
    "增速": "growth",
    "增长": "growth",
    "入驻率": "occupancy_rate",
    "居民": "residents",
    "消费": "consumption",
    "可支配收入": "disposable_income",
    "财政": "fiscal",
    "预算": "budget",
    "工业": "industrial",
    "服务业": "services",
    "高技术": "high_tech",
    "新设": "new",
    "新增": "new",
    "国家级": "national",
    "累计": "cumulative",
}
_GLOSSARY_PATTERN = re.compile("|".join(sorted(map(re.escape, GLOSSARY), key=len, reverse=True)))

# What the unit word of a figure (Figure.unit_suffix) measures, as the data's unit ids;
# counters whose unit depends on the noun are resolved in :func:`unit_of`.
UNIT_WORDS: dict[str, str] = {
    "平方公里": "km2",
    "平方千米": "km2",
    "平方米": "m2",
    "公里": "km",
    "千米": "km",
    "米": "m",
    "公顷": "hectares",
    "元": "CNY",
    "美元": "USD",
    "港元": "HKD",
    "欧元": "EUR",
    "人": "persons",
    "名": "persons",
    "位": "persons",
    "人次": "person_trips",
    "分钟": "minutes",
    "小时": "hours",
    "秒": "seconds",
    "秒钟": "seconds",
    "天": "days",
    "参数": "parameters",
    "届": "editions",
    "核": "cores",
    "倍": "ratio",
    "%": "percent",
    "个百分点": "percentage_points",
    "百分点": "percentage_points",
    "第": "rank",
    "吨": "tonnes",
    "万千瓦": "kilowatts",
    "千瓦": "kilowatts",
    "辆": "vehicles",
    "颗": "satellites",
    "枚": "items",
    "架": "aircraft",
    "户": "households",
    "套": "sets",
    "篇": "papers",
    "场": "events",
    "所": "institutions",
}
# 家 counts firms unless the noun says institutions, parks or branches.
_FIRM_NOUNS = ("分支机构", "branches")
_INSTITUTION_NOUNS = (
    "机构", "孵化器", "中心", "研究院", "研究所", "高校", "大学", "医院", "实验室", "平台",
    "组织", "协会", "联盟", "空间", "单位", "incubator", "institution", "center", "centre",
    "laborator", "lab", "institute", "universit", "hospital", "organi",
)  # fmt: skip
_PARK_NOUNS = ("园区", "园", "park")
_COUNTED_NOUNS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("总部", "headquarters"), "headquarters"),  # before 地区: 跨国公司地区总部
    (("创新联合体", "consorti"), "consortia"),
    (("省区市", "省份", "省", "provinces"), "provinces"),
    (("地区", "区域", "城市", "regions"), "regions"),
    (("基地", "bases"), "bases"),
    (("集群", "clusters"), "clusters"),
    (("领域",), "fields"),
    (("众创空间", "孵化器", "中心", "机构", "实验室", "平台"), "institutions"),
    (("园区",), "parks"),
    (("项目", "project"), "projects"),
    (("大模型", "模型", "model"), "models"),
    (("单位",), "institutions"),
    (("车辆", "汽车", "vehicle"), "vehicles"),  # 775台自动驾驶车辆
)


# 总部 as what is counted (总部53家, 跨国公司地区总部); 总部位于北京, 总部设在北京 say where
# the counted firms or bodies are headquartered, and count no headquarters.
_HEADQUARTERS = re.compile(r"总部(?!\s*(?:位于|设|在|落户|落在|所在))")

# Words of a name that say what 家 counts.
_NAME_KEYS = ("企业", "公司", "机构", "中心", "园区", "孵化器", "平台", "实验室", "分支", "组织")


def _nearest_noun(
    groups: tuple[tuple[tuple[str, ...], str], ...], name: str, after: str
) -> str | None:
    """The unit of the counted noun nearest the figure: the last one its name ends with
    (省部级重点实验室、工程技术中心60个: centres), else the first after it (3家国家实验室
    永久园区: laboratories, whose campuses follow)."""
    ends = [(name.rfind(n) + len(n), unit) for nouns, unit in groups for n in nouns if n in name]
    if ends:
        return max(ends, key=lambda end: end[0])[1]
    starts = [(after.find(n), unit) for nouns, unit in groups for n in nouns if n in after]
    return min(starts, key=lambda start: start[0])[1] if starts else None


def unit_of(word: str, name: str, after: str = "") -> str:
    """The unit id of a figure: its unit word, and for counters the noun it counts.

    ``name`` is what the figure measures, ``after`` the words that follow it in its clause.
    家 is read from the name when it says what it counts (企业, 机构...), else with ``after``.
    """
    if word in UNIT_WORDS:
        return UNIT_WORDS[word]
    noun = name if word == "家" and any(key in name for key in _NAME_KEYS) else f"{name}|{after}"
    if word == "家":
        # 总部53家: headquarters where the counted noun is 总部, not where 总部 is said later
        if (
            _HEADQUARTERS.search(name)
            or "headquarters" in name
            or _HEADQUARTERS.match(after.lstrip("的"))
        ):
            return "headquarters"
        if any(n in noun for n in _FIRM_NOUNS):
            return "branches"
        if any(n in noun for n in _PARK_NOUNS) and any(n in noun for n in _INSTITUTION_NOUNS):
            kinds = ((_PARK_NOUNS, "parks"), (_INSTITUTION_NOUNS, "institutions"))
            head = _nearest_noun(kinds, *noun.split("|", 1)) if "|" in noun else None
            if head is not None:
                return head
        if any(n in noun for n in _PARK_NOUNS):
            return "parks"
        if any(n in noun for n in _INSTITUTION_NOUNS) and "企业" not in noun[-2:]:
            return "institutions"
        return "firms"
    if word == "件":
        if ("每万人" in noun or "万人" in noun[:3] or "10,000" in noun) and (
            "专利" in noun or "patent" in noun
        ):
            return "patents_per_10k_people"
        return "patents" if "专利" in noun or "patent" in noun else "items"
    if word in ("项", "条"):
        if "project" in noun:  # 120 projects; 56项…项目 counts items, as the data has it
            return "projects"
        if "合同" in noun or "contract" in noun:
            return "contracts"
        if "政策" in noun or "措施" in noun or "polic" in noun or "measure" in noun:
            return "policies"
        if "专利" in noun:
            return "patents"
        if noun.endswith("技术") or "|技术" in noun:
            return "technologies"
        return "items"
    if word == "款":
        return "models" if "模型" in noun or "model" in noun else "products"
    if word == "次":
        return "launches" if "发射" in noun or "launch" in noun else "times"
    if word == "比特":
        return "bits_per_second" if "每秒" in noun or "速率" in noun else "bits"
    if word == "强":  # 百强: a list of firms, unless the name says what else it ranks
        return next((u for nouns, u in _COUNTED_NOUNS if any(n in noun for n in nouns)), "firms")
    if word == "类":
        return "items"  # 模型、算力…等5类: kinds of what the list names, not the things
    if word in ("个", "大", "座", "台", "栋", "种"):
        return _nearest_noun(_COUNTED_NOUNS, name, after) or "items"
    return ""


def english_id(name_zh: str) -> str:
    """A snake_case id from the glossary's words in a Chinese name, or ''."""
    words: list[str] = []
    for match in _GLOSSARY_PATTERN.finditer(name_zh):
        for word in GLOSSARY[match.group()].split("_"):
            if word not in words:
                words.append(word)
    return "_".join(words[-5:])


def snake(words: str) -> str:
    """An English phrase as a snake_case id (letters and digits only), or ''."""
    parts = re.findall(r"[a-z0-9]+", words.lower())
    stop = {"the", "of", "a", "an", "and", "in", "its", "their", "to", "for", "by", "on", "with"}
    kept = [part for part in parts if part not in stop]
    identifier = "_".join(kept[:5])
    return identifier if identifier[:1].isalpha() else ""


# Units that say what kind of figure a measure is, kept in its id (share, growth, rank).
_UNIT_SUFFIXES: dict[str, str] = {
    "percent": "pct",
    "ratio": "ratio",
    "percentage_points": "pp",
    "rank": "rank",
}


class Namer:
    """Draft ids for one text: one per distinct name, unique, stable in reading order."""

    def __init__(self) -> None:
        self.ids: dict[tuple[str, str], str] = {}
        self.taken: set[str] = set()

    def metric_id(self, name: str, unit: str, english: bool) -> str:
        key = (name, unit)
        if key in self.ids:
            return self.ids[key]
        base = (snake(name) if english else english_id(name)) or f"m{len(self.ids) + 1}"
        suffix = _UNIT_SUFFIXES.get(unit, "")
        if suffix and not base.endswith(suffix):
            base = f"{base}_{suffix}"
        elif base.startswith("m") and base[1:].isdigit() and unit:
            base = f"{base}_{unit}"
        identifier, number = base, 2
        while identifier in self.taken:
            identifier, number = f"{base}_{number}", number + 1
        self.ids[key] = identifier
        self.taken.add(identifier)
        return identifier

    def english_name(self, name_zh: str) -> str:
        """A draft English name from the glossary's words (a reviewer rewrites it), or ''."""
        identifier = english_id(name_zh)
        return identifier.replace("_", " ").capitalize() if identifier else ""
