"""The rules ``zgc extract`` reads a figure's context by, one at a time.

What makes a parsed figure a measured quantity (:func:`_kept`), the step of its last
written digit (:func:`_step`), the year (:func:`_nearest`) and place (:func:`_place`)
nearest to it, and the noun phrase it measures (:func:`_name`), with the words each
rule looks for. :mod:`.core` applies them to a text, paragraph by paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from zgc_cli.extract.passages import PlaceMention, Places, YearMention
from zgc_cli.model.figures import Figure
from zgc_cli.model.figures_english import ENGLISH_COUNTED

ENGLISH_ESTIMATE = re.compile(
    r"\b(expected|expects?|estimated|forecasts?|projected|is set to|are set to)\b", re.I
)
_RANK_BEFORE = re.compile(
    r"(?:排名|排行|位居|位列|名列|居|列|排|全国|全球|全市|世界|国内|亚洲|全省)\s*$"
)
_RANK_WORD = re.compile(r"排名|排行|位居|位列|名列|居|列")
_LISTED_IN = re.compile(r"入选|入围|跻身|进入|上榜")
_ENGLISH_THRESHOLD = re.compile(r"\bwith (?:an )?annual [a-z ]{0,30}of\s*$", re.I)
# "clusters worth 100 billion yuan or more each": the size each item reaches, a class.
_ENGLISH_EACH_WORTH = re.compile(r"\bworth\s+$", re.I)
_EACH_AFTER = re.compile(r"\s+each\b", re.I)
# 20家上市企业海外收入超过百亿元: a bound amount that the firms just counted each pass is
# their class, not a total (合计, 共, 累计 make it one).
_COUNTED_SUBJECT = re.compile(
    r"(?:\d+|[二两三四五六七八九十百][一二两三四五六七八九十百]*)(?:余|多)?(?:家|个|所)[^，。；,;\d合共累总达]{1,16}$"
)
_COUNT_ORDINAL = re.compile(r"成为[^，。；]{0,24}$")
_GROWTH_BEFORE = re.compile(
    r"(?:增长|增加|提高|提升|上升|增速为|增速|增幅为|增幅|扩大|下降|减少|降低|回落)"
    r"(?:了|分别|为|达|达到)*\s*$"
)
_DECLINE = re.compile(r"(?:下降|减少|降低|回落)(?:了|分别|为|达|达到)*\s*$")
_ENGLISH_GROWTH = re.compile(
    r"\b(?:up|grew|growth of|rose|increased(?: by)?|an increase of|jumped|climbed|expanded)\s*$",
    re.I,
)
_ENGLISH_DECLINE = re.compile(r"\b(?:down|fell|declined|decreased(?: by)?|dropped)\s*$", re.I)
# A figure with no unit word (参数规模达到1.75万亿) measures in the unit its name implies.
_NAME_UNITS: tuple[tuple[str, str], ...] = (
    ("参数", "参数"),
    ("人口", "人"),
    ("人员", "人"),
    ("用户", "人"),  # 用户超过2200万: users are persons
    ("users", "人"),
    ("收入", "元"),
    ("产值", "元"),
    ("增加值", "元"),
    ("成交额", "元"),
    ("投入", "元"),
    ("规模", "元"),
    ("population", "人"),
    ("residents", "人"),
    ("people", "人"),
    ("employees", "人"),
    ("revenue", "元"),
    ("income", "元"),
    ("GDP", "元"),
    ("turnover", "元"),
    ("spending", "元"),
    ("expenditure", "元"),
    ("investment", "元"),
    ("contracts", "项"),
    ("patents", "件"),
    ("companies", "家"),
    ("firms", "家"),
    ("enterprises", "家"),
    ("models", "款"),
)
# Words that say what a counter counts: with one in the name, the words after it are not read.
_NOUN_KEYS = (
    "企业",
    "公司",
    "机构",
    "专利",
    "合同",
    "政策",
    "技术",
    "模型",
    "中心",
    "园区",
    "人员",
)
_UNTIL = re.compile(r"至|到")
# Words naming the text's own place (the --entity given): 本市, 全市, the city.
_DEFAULT_PLACE = re.compile(r"本市|全市|我市|[Tt]he city|[Tt]he capital")
# Words that name a place by its kind: the place of that kind named last (the region).
_KIND_WORDS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (
        # 全社会研发经费: the whole society's, a measure of the city and not of a zone in it;
        # 占全市的, 居全市第一, 对全市的贡献: the city as a whole or a frame, not the subject
        re.compile(
            r"本市|(?<![比较于占居列在对])全市(?!第|首位|前)|我市|全社会"
            r"|(?:^|[.;]\s*)The (?:city|capital)\b"
            r"|(?<!of )(?<!than )(?<!above )(?<!below )\bthe (?:city|capital)'s"
        ),
        ("city",),
    ),
    (
        re.compile(
            r"区域(?!内)|(?:^|[.;]\s*)The region\b|\bthe region's"
            r"|\b(?:in|across|of|for) the region\b"
        ),
        ("region",),
    ),
    (
        # 开发区 alone, after its full name (北京经济技术开发区): the zone named before
        re.compile(
            r"示范区内|(?<!技术)(?<!高新)开发区"
            r"|(?:^|[.;]\s*)The (?:zone|park|area)\b|\bthe (?:zone|park|area)(?:'s)?\b"
        ),
        ("zone", "sub_park"),
    ),
    (
        # The district covers…, 全区: the district named before
        re.compile(
            r"(?<![比较于])全区|(?<![示范园新城开发])区内"
            r"|(?:^|[.;]\s*)The district\b|\bthe district(?:'s)?\b"
        ),
        ("district",),
    ),
)
_ANAPHORA = ("这一", "该数", "此", "其", "这个", "上述")
_PER_PERSON_AFTER = ("发明", "有效", "专利", "口", "拥有", "均")
_TIME_UNITS = frozenset({"年", "个月", "岁", "天"})
_QUOTED_TITLE = re.compile(r"“[^”]{0,40}”|《[^》]{0,40}》|「[^」]{0,40}」|\"[^\"]{0,40}\"")
_LIST_AFTER = ("榜单", "榜", "名单")
_NAME_CUT = re.compile(
    r"(?:拥有(?!量)|聚集|集聚|培育|入驻|设立|建设|建成|组建|出台|推出|发布|备案上线|实现|完成|达到|新增"
    r"|新设|引进|吸引|提供|认定|获批|获评|入选|入围|形成|共建|落户|共有|其中|目前|如今|当前|截至"
    r"|全年|已经|已达|累计|力争|争取|占据|提高到|增长到|增加到|增至|提高至|增长至|预计|有望|预期|成为|计划|目标|来自)"
)
_TRAILING = re.compile(
    r"(?:增长到|增加到|提高到|上升到|增长至|增加至|提高至|增至|达到|达|为|是|的|有|了|已|共|约"
    r"|超过|突破|实现|完成|以|仅|就|都|均|在|和|与|及|年|达到了|分别|同比|增长|增加|提高|居|位居"
    r"|位列|、|，|：)+$"
)
_LEADING = re.compile(r"^(?:全国|全市|其中|目前|如今|当前|截至|的|和|与|及|并|还|也|、)+")
_FROM_YEAR = re.compile(r"(?:从|由)(?=\s*(?:19|20)\d{2}\s*年)")
_SHARE = re.compile(r"占(?!有|据)")
_COUNTED_AFTER = re.compile(
    r"的?([\u4e00-\u9fffA-Za-z]{2,12}?)(?=[，。；、,;：:（(”]|$|的|和|与|及|等|入选|入围|获|在|占|集聚|组成)"
)
_NOT_NOUNS = ("组成", "组建", "成立", "参与", "来自", "获得", "以上", "左右", "之多")
_YEARISH = re.compile(
    r"(?:19|20)\d{2}\s*(?:年(?:底|末|初|上半年|下半年|全年)?)?|\d{1,2}月(?:底|末)?"
)
# Verbs and prepositions around an English figure: its name is a noun phrase between them.
_ENGLISH_NAME_STOP = re.compile(
    r"\b(?:in|by|at|as of|to|from|of|on|for|with|had|has|have|was|were|is|are|reached|totaled"
    r"|totalled|hit|stood at|amounted to|reported|rose|grew|fell|spent|earned|employed|produced"
    r"|generated|saw|posted|recorded|registered|won|made up|accounted for|accounting for|covers"
    r"|worth|up|down|while|and|said|achieved|exceeding|home to)\b|[()\"“”]",
    re.I,
)
_ENGLISH_DETERMINERS = re.compile(
    r"^(?:the|a|an|its|their|his|her|our|that|this|these|those|some|about|nearly|over"
    r"|more than|combined|total)\s+",
    re.I,
)
_ENGLISH_TIME = re.compile(r"\b(?:quarter|period|year|years|month|months|half|earlier|ago)\b", re.I)
# Words that name no measure: the clause's subject says what the figure is.
_ENGLISH_GENERIC = frozenset({"", "total", "a total", "value", "amount", "sum", "figure", "it"})


def _published_year(published: str) -> int | None:
    match = re.match(r"\s*(\d{4})", published or "")
    return int(match.group(1)) if match else None


def _is_english(text: str) -> bool:
    letters = sum(char.isascii() and char.isalpha() for char in text)
    return letters > len(text) / 3


def _kept(figure: Figure, reading: str, sentence: tuple[int, int]) -> bool:
    """Whether a parsed figure measures something (see the module's list of what does not)."""
    if figure.is_threshold or figure.unit_suffix in _TIME_UNITS:
        return False
    if figure.text in ("万人", "萬人") and reading.startswith(_PER_PERSON_AFTER, figure.end):
        return False  # 万人发明专利拥有量: per 10,000 people
    start, end = figure.start, figure.end
    clause_before = reading[max(sentence[0], start - 30) : start]
    if figure.unit_suffix == "强" and _LISTED_IN.search(clause_before):
        return False  # 入选《财富》世界500强: the list's name
    if figure.unit_suffix == "强" and reading.startswith(("企业", "公司"), end):
        return False  # 世界500强企业总部53家: the list names a class of firms
    if figure.unit_suffix == "元" and reading.startswith(("的企业", "的公司"), end):
        return False  # 收入超千亿元的企业: a size class
    if _ENGLISH_EACH_WORTH.search(clause_before) and _EACH_AFTER.match(reading, end):
        return False  # worth 100 billion yuan or more each: the size of each, a class
    if (
        figure.unit_suffix == "元"
        and figure.qualifier == "more_than"
        and _COUNTED_SUBJECT.search(clause_before)
    ):
        return False  # 20家企业收入超过百亿元: the class the counted firms are of
    if _ENGLISH_THRESHOLD.search(clause_before):
        return False  # those with annual income of 20 million yuan or more: a size class
    if figure.unit_suffix == "条" and reading[end : end + 1] in ("、", "”", "，", "。", ""):
        return False  # 科研经费28条: a policy's name
    for title in _QUOTED_TITLE.finditer(reading, sentence[0], sentence[1]):
        if title.start() < start and end <= title.end():
            if not reading.startswith(_LIST_AFTER, title.end()):
                return False
    if figure.unit_suffix == "第":
        before = reading[max(sentence[0], start - 6) : start]
        counter = figure.text[-1:]
        if figure.text.endswith("首位"):
            return True  # 居全国首位: a rank by its wording
        if counter in ("个",) and _COUNT_ORDINAL.search(
            reading[max(sentence[0], start - 30) : start]
        ):
            return figure.value >= 2
        if counter in ("个", "家", "次", "届", "批", "期", "项"):
            # 成为第三个万亿级产业集群: the third of them, a count; 第一个 is a first, no count.
            return bool(_COUNT_ORDINAL.search(before)) and counter == "个" and figure.value >= 2
        near = reading[max(sentence[0], start - 8) : start]
        ranked = _RANK_BEFORE.search(before) or _RANK_WORD.search(near)
        return bool(ranked) or figure.text[:1].isascii()
    return True


def _step(figure: Figure) -> float:
    """The step of the figure's last written digit (0 for an exact count)."""
    digits = re.search(r"\d+(?:,\d{3})*(?:\.(\d+))?", figure.text)
    if digits is None:
        return 1.0 if figure.unit_suffix in ("倍", "%") else 0.0
    decimals = len(digits.group(1) or "")
    written = float(digits.group().replace(",", ""))
    scale = figure.value / written if written else 1.0
    if decimals:
        return scale * 10.0**-decimals
    return scale if scale != 1.0 or figure.unit_suffix in ("倍", "%") else 0.0


def _nearest(
    mentions: list[YearMention], start: int, end: int, at: int, following: bool, reading: str
) -> YearMention | None:
    """The year nearest before ``at`` in [start, end), else (``following``) the first after.

    A year that 从/由 opens dates the figure right after it, not one after 至/到
    (从2012年的11.83%提升至15%左右: 15% is of a later year).
    """
    inside = [m for m in mentions if start <= m.start and m.end <= end and not m.is_base]
    before = [
        m
        for m in inside
        if m.end <= at
        and not (
            reading[m.start - 1 : m.start] in ("从", "由") and _UNTIL.search(reading, m.end, at)
        )
    ]
    if before:
        return before[-1]
    after = [m for m in inside if m.start >= at] if following else []
    return after[0] if after else None


_JOINERS = ("和", "与", "及", "、", " and ", "以及")


def _place(
    places: list[PlaceMention], start: int, end: int, at: int, reading: str = ""
) -> tuple[PlaceMention | None, str]:
    """The place named nearest before ``at`` in [start, end), else the first after it.

    A place after the figure that 其中 introduces is a part named for what follows.
    """
    inside = [m for m in places if start <= m.start and m.end <= end and not m.framed]
    # 生命科学园，是北京生物医药产业的承载地: after 是, a place describes the one named first
    inside = [
        m
        for m in inside
        if not (reading[m.start - 1 : m.start] == "是" and inside and inside[0].start < m.start)
    ]
    plain = [m for m in inside if not m.located]
    for pool in (plain, inside):
        before = [m for m in pool if m.end <= at]
        # 海淀区和朝阳区合计72家: places joined into a group are no one place of the figure
        while len(before) >= 2 and reading[before[-2].end : before[-1].start] in _JOINERS:
            group_start = before[-2].start
            before = [m for m in before[:-2] if m.end <= group_start]
            if not before:
                return None, "joined"
        if before:
            return before[-1], "before"
        after: list[PlaceMention] = []
        skipped: PlaceMention | None = None
        for m in (m for m in pool if m.start >= at):
            part = reading[max(0, m.start - 3) : m.start].endswith("其中")
            follows = skipped is not None and reading[skipped.end : m.start] in _JOINERS
            if part or follows:
                skipped = m  # 其中海淀区和朝阳区…: parts named for what follows
                continue
            after.append(m)
        if after:
            return after[0], "after"
    return None, ""


def _name(reading: str, text: str, clause_start: int, figure: Figure, english: bool) -> str:
    """The noun phrase the figure measures, as the text writes it (see the module naming)."""
    if english:
        after = re.match(r"\s+((?:[A-Za-z][\w'-]*\s+){0,3}?[A-Za-z][\w-]*)", text[figure.end :])
        before = text[clause_start : figure.start]
        parts = [p.strip(" ,;:-") for p in _ENGLISH_NAME_STOP.split(before)]
        parts = [_ENGLISH_DETERMINERS.sub("", p) for p in parts if p]
        parts = [p for p in parts if p and not re.fullmatch(r"[\d,.\s$%]+", p)]
        parts = [p for p in parts if not _ENGLISH_TIME.search(p)]
        phrase_before = parts[-1] if parts else ""
        if phrase_before.lower() in _ENGLISH_GENERIC and parts:
            phrase_before = parts[0]  # the clause's subject: Their employers spent a total of…
        words_after = after.group(1) if after else ""
        names_counted = any(word.lower() in ENGLISH_COUNTED for word in words_after.split())
        if figure.unit_suffix in ("家", "人", "件", "款", "项", "次", "个") and names_counted:
            return re.split(r"\b(?:in|of|on|for|at|were|was|which|that|who)\b", words_after)[
                0
            ].strip()
        return phrase_before[-40:] or (words_after if names_counted else "")
    before = reading[clause_start : figure.start]
    base = _FROM_YEAR.search(before)
    if base is not None:  # 企业总收入从2014年的3.6万亿元: the name is before 从
        before = before[: base.start()]
    before = _YEARISH.sub(" ", before)
    share = _SHARE.search(before)
    if share is not None:  # 人才占全国总量的43%: the part's name, then 占比
        before = before[: share.start()]
    pieces_ = [p for p in _NAME_CUT.split(before) if p and p.strip()]
    name = _TRAILING.sub("", pieces_[-1].strip()) if pieces_ else ""
    after = _COUNTED_AFTER.match(reading, figure.end)
    counted = after.group(1) if after else ""
    noun = after is not None and _NAME_CUT.match(counted) is None
    if after and counted and noun and not counted.startswith(_NOT_NOUNS):
        counter = figure.unit_suffix in ("家", "个", "项", "名", "款", "大", "所", "件", "%")
        if not name or counter:
            start = after.start(1)
            stop = start + len(counted)
            if counted in ("企业", "公司", "机构", "单位") and pieces_:
                # 生物医药产业集群聚集了1800余家企业: whose firms the subject says
                subject = _TRAILING.sub("", pieces_[0].strip())
                at = reading.find(subject, clause_start, figure.start)
                if subject and at >= 0:
                    return text[at : at + len(subject)] + text[start:stop]
            return text[start:stop] + ("占比" if share else "")
    if not name:
        return "占比" if share else ""
    position = reading.rfind(name, clause_start, figure.start)
    written = text[position : position + len(name)] if position >= 0 else name
    return written + ("占比" if share else "")


@dataclass
class Row:
    """One draft observation, with what the review view marks."""

    metric: str
    entity: str
    year: int
    value: float
    unit: str
    status: str
    qualifier: str
    quote: str
    note: str
    year_basis: str
    figure: str
    name_zh: str = ""
    name_en: str = ""
    note_zh: str = ""
    entity_quote: str = ""
    low: float | None = None
    high: float | None = None
    year_min: int | None = None
    year_max: int | None = None
    paragraph: int = 0
    start: int = 0  # the figure's offset in the text
    end: int = 0
    growth_base: int | None = None


@dataclass
class Options:
    """How to read a text: its publication date, the default place, the places known."""

    places: Places
    published: str = ""
    default_entity: str = ""
    notes: list[str] = field(default_factory=list)
