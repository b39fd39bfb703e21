"""A text's parts as ``zgc extract`` reads them: paragraphs, sentences, clauses, years, places.

Every span is a pair of offsets into the document's text, so that a quote is always a
verbatim slice of it. Matching runs on a *reading* of the text of the same length, in
the simplified script (億 → 亿, 關 → 关), so a Traditional text is read with the same
words and its quotes stay in its own script.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from zgc_cli.check.entities import COMPARED_AFTER, COMPARED_BEFORE, LOCATED_BEFORE
from zgc_cli.model.figures import TRADITIONAL_TO_SIMPLIFIED

# More of the Traditional script than the figure parser needs: places, bodies, nouns.
_MORE_TRADITIONAL = str.maketrans(
    "關國術學經濟開創莊論壇電腦機員權營誌東雲廣藥療醫測試車駕駛類聯盟總額產業億萬兩項個屆條來務獸擁創"
    "眾間構轉織協體內網絡庫層驗廠區點顯線隊據證標準環與數統計單園業臺灣陸歷連級鏈龍"
    "領導應對從進於書報處優勢質價雙門問題華陽際圍鄉縣鎮風飛實現動別"
    "澱豐順義懷頭溝興濱寶滄張獨當爭後",
    "关国术学经济开创庄论坛电脑机员权营志东云广药疗医测试车驾驶类联盟总额产业亿万两项个届条来务兽拥创"
    "众间构转织协体内网络库层验厂区点显线队据证标准环与数统计单园业台湾陆历连级链龙"
    "领导应对从进于书报处优势质价双门问题华阳际围乡县镇风飞实现动别"
    "淀丰顺义怀头沟兴滨宝沧张独当争后",
)
READING = {**TRADITIONAL_TO_SIMPLIFIED, **_MORE_TRADITIONAL}

PARAGRAPH_BREAK = re.compile(r"\n\s*|\s{2,}|◇")
SENTENCE_END = re.compile(r"[。！？；!?;]+[”’」』）)]*|\.(?=\s+[A-Z\"“(])|\.\s*$")
CLAUSE_END = re.compile(r"[，：；。！？!?;]|,(?!\d{3})|:(?!\d)")

_YEAR_SEP = r"[～~〜\-—–至到]"
YEAR_MENTION = re.compile(
    rf"(?P<range>(?<![\d.])(?P<first>(?:19|20)\d{{2}})\s*{_YEAR_SEP}\s*(?P<last>(?:19|20)\d{{2}})\s*年)"
    r"|(?P<year>(?<![\d.])(?:19|20)\d{2})(?:\s*年(?!代)|(?=[\u4e00-\u9fff“”《》]))"
    r"|(?P<english>(?<![\w.$,])(?:19|20)\d{2}(?![\w%,.]?\d))"
    r"|(?P<relative>去年|上年|过去一年|今年|本年|[Ll]ast year|[Tt]his year)"
    r"|(?P<later>次年|翌年|一年后|[Aa] year later|[Tt]he (?:following|next) year)"
)
# Relative years: how many years before the publication each names.
RELATIVE_YEARS = {
    "去年": 1,
    "上年": 1,
    "过去一年": 1,
    "今年": 0,
    "本年": 0,
    "last year": 1,
    "this year": 0,
}
# A year after these words is the base of a comparison (比2022年增长), not the figure's own.
BASE_BEFORE = (
    "比", "较", "与", "相比", "相当于", "对比", "同比", "than", "from", "over", "with", "times the",
    "as in", "than in", "compared with", "against",
)  # fmt: skip
_FROM_FIGURE_IN = re.compile(r"\bfrom\s+[\d,.$]+(?:\s+[a-z]+){0,2}\s+in\s+$")
# A year after these words dates an event (创办于2007年, 自2023年8月30日揭牌以来), not a figure.
EVENT_BEFORE = (
    "创办于", "成立于", "始于", "创建于", "设立于", "诞生于", "建于", "自", "founded in", "since",
    "set up in", "established in", "launched in", "opened in",
)  # fmt: skip
_ENGLISH_EVENT = re.compile(
    r"\b(?:became|become|opened|founded|established|launched|approved|set up|created"
    r"|inaugurated|began|started|unveiled|designated|built|incorporated|listed)\b"
    r"[^.,;0-9]{0,70}?\b(?:in|since)\s+$"
)
# After 是: a base only when a multiple follows (是2013年的1.5倍).
# 是2010年1579.5亿元的2.2倍, 是2006—2010年累计5422.9亿元的2.5倍: the base's own figure may
# stand between the year and 的.
_MULTIPLE_AFTER = re.compile(r"\s*年?[^，。；的]{0,16}?的[^，。；]{0,6}?倍")


@dataclass(frozen=True)
class YearMention:
    """A year (or the end of a range) the text names, and whether it is a comparison base."""

    start: int
    end: int
    year: int
    first: int  # of a range; the year itself otherwise
    is_base: bool
    relative: bool = False  # 去年, 今年: counted from the publication date
    after: int = 0  # 次年, a year later: the year named before, which it counts from

    @property
    def is_range(self) -> bool:
        return self.first != self.year


@dataclass(frozen=True)
class PlaceMention:
    """A place or body the text names (an alias of entities.csv), and how."""

    start: int
    end: int
    entity: str
    framed: bool  # a comparison base or a reference point (占全国, 全国第一, 北京向南)
    located: bool  # the place something is in (在北京, 位于北京)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The paragraphs of a text: lines, or stretches between runs of spaces or ◇."""
    spans, start = [], 0
    for match in PARAGRAPH_BREAK.finditer(text):
        if match.start() > start and text[start : match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def pieces(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` cut after each match of ``pattern`` (the delimiter kept)."""
    spans, first = [], start
    for match in pattern.finditer(text, start, end):
        if match.end() > first:
            spans.append((first, match.end()))
        first = match.end()
    if first < end:
        spans.append((first, end))
    return spans


def year_mentions(
    reading: str, figure_spans: list[tuple[int, int]], published: int | None = None
) -> list[YearMention]:
    """Every year the text names, less the numbers that are figures (2500强, 1897家).

    去年/今年 count from the ``published`` year (left out without it).
    """
    found = []
    for match in YEAR_MENTION.finditer(reading):
        start, end = match.span()
        if any(s <= start < e for s, e in figure_spans):
            continue
        if match.group("relative"):
            if published is None:
                continue
            year = published - RELATIVE_YEARS[match.group().lower()]
            before = reading[max(0, start - 3) : start]
            is_base = before.endswith(("比", "较", "与", "同"))
            found.append(YearMention(start, end, year, year, is_base, relative=True))
            continue
        if match.group("later"):
            # A year later: the year after the last one named before it, when there is one
            named = [m for m in found if not m.is_base and not m.relative]
            if named:
                year = named[-1].year + 1
                found.append(YearMention(start, end, year, year, False, after=named[-1].year))
            continue
        if match.group("range"):
            year, first = int(match.group("last")), int(match.group("first"))
        else:
            year = first = int(match.group("year") or match.group("english"))
        before = reading[max(0, start - 12) : start].rstrip().lower()
        since = reading.startswith(("以来", "年以来"), end) or reading[end : end + 3] == "年以来"
        # "up from 224 in 2012": the year of a comparison's base figure
        since = since or bool(_FROM_FIGURE_IN.search(reading, max(0, start - 40), start))
        # "which became China's first such zone in 2009", "since a pilot zone opened there
        # in 2020": the year of an event, not of a figure
        event = bool(_ENGLISH_EVENT.search(reading, max(0, start - 100), start))
        is_base = (
            since
            or event
            or before.endswith(BASE_BEFORE + EVENT_BEFORE)
            or (before.endswith("是") and bool(_MULTIPLE_AFTER.match(reading, end)))
        )
        found.append(YearMention(start, end, year, first, is_base))
    return found


# After a place's name, words that make it a body's name (北京市统计局).
_BODY_AFTER = (
    "统计局",
    "科委",
    "政府",
    "人民政府",
    "经信局",
    "经济和信息化局",
    "发改委",
    "委员会",
    "日报",
)


def _opens_sentence(reading: str, start: int) -> bool:
    return reading[max(0, start - 2) : start - 1] in ("", "。", "，", "\n", " ", "；") and (
        reading[start - 1 : start] in LOCATED_BEFORE
    )


_GENERIC_ENGLISH = re.compile(r"\s+(?:Park|District|New Area|Area|Zone|Center|Centre)$")


def _short_english_name(name: str) -> str:
    """An English name less its generic last word and a leading Zhongguancun, if distinct."""
    short = _GENERIC_ENGLISH.sub("", name.strip())
    short = re.sub(r"^Zhongguancun\s+", "", short) if short != "Zhongguancun" else short
    if short == name.strip() or not short or " " in short or not short[:1].isupper():
        return ""
    return short


# 24.5 percent of Beijing's GDP, a quarter of China's, above the city's: a whole or a yardstick.
_WHOLE_BEFORE = re.compile(
    r"(?:percent|per cent|%|share|proportion|half|third|thirds|quarter|quarters|fifth|tenth)"
    r"\s+of\s+$|\b(?:than|above|below)\s+$",
    re.I,
)
# After 全国, words that make it part of a name: 全国重点实验室, 全国科技创新中心.
_NATIONAL_TITLE = ("重点", "科技创新中心", "文化中心", "性", "人大", "政协", "劳模", "先进", "示范")
# Words that end before a place's name (其中海淀区, 在朝阳区, 和海淀区), not inside a longer one.
_WORD_BEFORE_PLACE = (
    "其中", "在", "和", "与", "及", "、", "是", "对", "向", "从", "到", "至", "于", "比", "为",
)  # fmt: skip
# A place followed by a direction (北京东南部的, 北京西北部) names where another place lies.
_DIRECTION_AFTER = re.compile(
    r"(?:市)?(?:东南|东北|西南|西北|东|南|西|北|中)部|(?:市)?(?:南|北|西|东)(?:郊|侧)"
)
# China's first zone, Beijing's largest park: the possessor ranks what follows it.
_RANKED_AFTER = re.compile(
    r"['’]s\s+(?:first|second|third|largest|biggest|leading|only|oldest|main|major)\b", re.I
)
# "Zhongguancun, a technology hub in northwestern Beijing,", "the park, located in Beijing's
# Haidian district,": the place of an appositive.
_APPOSITIVE_BEFORE = re.compile(
    r",\s+(?:located|based|situated|sitting|lying)\s+in\s+[^,.;]{0,40}$"
    r"|,\s+(?:a|an|the)\s+[^,.;]{0,50}\b(?:in|of|near)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-?western"
    r"|north-?eastern|south-?western|south-?eastern|northwestern|northeastern|southwestern"
    r"|southeastern|downtown|suburban|outer)\s+)?(?:[A-Z][\w-]*['’]s\s+)?$",
    re.I,
)


# Names a place goes by in reports that entities.csv does not list, for the entities it
# has: Beijing's Economic-Technological Development Area is the E-Town (亦庄) that the
# Yizhuang park covers, and its names begin with 北京/Beijing, which must not win.
OTHER_NAMES: dict[str, tuple[str, ...]] = {
    # 三城一区: the city's three science cities and its E-Town, a frame of the whole city
    "beijing": ("三城一区",),
    "zgc_yizhuang": (
        "北京经济技术开发区", "北京经开区", "经开区", "亦庄新城", "北京亦庄",
        "Beijing Economic-Technological Development Area",
        "Beijing Economic and Technological Development Area",
        "Beijing Economic-Technological Development Zone",
        "economic and technological development area",
        "economic-technological development area",
        "Economic-Technological Development Area",
        "Beijing E-Town", "E-Town", "E-town", "Yizhuang",
        # the high-level autonomous driving zone was set up in the Yizhuang park (the
        # shipped data's autonomous_driving rows are of zgc_yizhuang)
        "高级别自动驾驶示范区", "autonomous driving demonstration zone",
        # as a Traditional text writes them: extract reads them simplified; a draft's
        # entities.csv carries them for verify, which reads the text as written
        "北京經濟技術開發區", "北京經開區", "經開區", "亦莊新城", "北京亦莊",
        "高級別自動駕駛示範區",
    ),
}  # fmt: skip


class Places:
    """The places and bodies a text may name: entities.csv's aliases and English names
    (and :data:`OTHER_NAMES` of the entities it has)."""

    def __init__(self, rows: list[dict[str, str]]) -> None:
        self.aliases: dict[str, str] = {}
        self.kinds: dict[str, str] = {}
        self.parents: dict[str, str] = {}
        self.rows = rows
        for row in rows:
            entity = (row.get("entity") or "").strip()
            if not entity:
                continue
            self.kinds[entity] = row.get("kind") or ""
            self.parents[entity] = (row.get("parent") or "").strip()
            words = (row.get("aliases_zh") or "").split(";")
            words += [row.get("name_zh") or "", row.get("name_en") or ""]
            for word in (word.strip() for word in words):
                if word and word not in self.aliases:
                    self.aliases[word] = entity
            english = (row.get("name_en") or "").strip()
            bracketed = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", english)
            if bracketed:  # Beijing Academy of Artificial Intelligence (BAAI): both names
                for word in bracketed.groups():
                    self.aliases.setdefault(word.strip(), entity)
            short = _short_english_name(row.get("name_en") or "")
            if short and short not in self.aliases:
                self.aliases[short] = entity  # Zhongguancun Yizhuang Park: "Yizhuang"
        for entity, names in OTHER_NAMES.items():
            if entity in self.kinds:
                for word in names:
                    self.aliases.setdefault(word, entity)
        alternation = "|".join(re.escape(a) for a in sorted(self.aliases, key=len, reverse=True))
        self.pattern = re.compile(alternation) if alternation else None

    @classmethod
    def from_csv(cls, texts: list[str]) -> Places:
        rows: list[dict[str, str]] = []
        for text in texts:
            rows.extend(csv.DictReader(io.StringIO(text)))
        return cls(rows)

    def city_of(self, entity: str) -> str:
        """The city ``entity`` lies in (itself if a city), or ``entity`` when none is known."""
        place, seen = entity, set()
        while place and place not in seen:
            if self.kinds.get(place) == "city":
                return place
            seen.add(place)
            place = self.parents.get(place, "")
        return entity

    def mentions(self, reading: str) -> list[PlaceMention]:
        if self.pattern is None:
            return []
        found = []
        for match in self.pattern.finditer(reading):
            start, end = match.span()
            alias = match.group()
            if alias.isascii() and (
                reading[start - 1 : start].isalpha() or reading[end : end + 1].isalpha()
            ):
                continue  # part of a longer English word
            before, after = reading[max(0, start - 2) : start], reading[end : end + 4]
            framed = before.endswith(COMPARED_BEFORE) or after.startswith(COMPARED_AFTER)
            # 全国26个省区市: the country as the scope of a count, not what is counted.
            framed = framed or (alias in ("全国", "全市", "全球") and after[:1].isdigit())
            # 全国重点实验室, 全国科技创新中心: a kind of body or a title, not the country
            framed = framed or (alias == "全国" and after.startswith(_NATIONAL_TITLE))
            opening = reading[max(0, start - 7) : start].lower()
            # among China's regions; flowing to Tianjin and Hebei: not what is measured
            framed = framed or opening.endswith(("among ", " to "))
            # 24.5 percent of Beijing's GDP, above the city's: the whole, or what is compared
            framed = framed or (
                bool(_WHOLE_BEFORE.search(reading, max(0, start - 24), start))
                and after.startswith(("'s", "’s"))
            )
            # 北京市统计局, 北京市科委: a body of the place, not the place
            framed = framed or after.startswith(_BODY_AFTER) or after.startswith("平均")
            framed = framed or before.endswith(("领先", "高于", "低于"))  # 领先全国: a comparison
            framed = framed or after.startswith("占比")  # 全国占比达35%: the whole of a share
            # 北京以中关村为主阵地，出台…: the means of the subject, not the subject
            framed = framed or (before.endswith("以") and after.startswith("为"))
            # 北京东南部的亦庄, a hub in northwestern Beijing, China's first zone: the place
            # that locates or ranks another one, not what is measured.
            framed = framed or bool(_DIRECTION_AFTER.match(reading, end))
            framed = framed or bool(_RANKED_AFTER.match(reading, end))
            framed = framed or bool(_APPOSITIVE_BEFORE.search(reading, max(0, start - 80), start))
            if (
                alias.endswith(("区", "园"))
                and len(alias) <= 3
                and "\u4e00" <= before[-1:] <= "\u9fff"
                and not before.endswith(_WORD_BEFORE_PLACE)
            ):
                continue  # 高级别自动驾驶示范区: a longer name, not the zone (其中海淀区 is)
            # 在北京亦庄，…: a place opening its sentence is its topic, not where something lies.
            located = before.endswith(LOCATED_BEFORE) and not _opens_sentence(reading, start)
            found.append(PlaceMention(start, end, self.aliases[alias], framed, located))
        # Beijing's Zhongguancun: the possessor frames the place that follows it;
        # to Tianjin and Hebei: a place joined to a destination is one too.
        for index, (first, second) in enumerate(zip(found, found[1:], strict=False)):
            between = reading[first.end : second.start]
            if between in ("'s ", "’s "):
                found[index] = PlaceMention(
                    first.start, first.end, first.entity, True, first.located
                )
            elif first.framed and between in (" and ", "和", "、"):
                found[index + 1] = PlaceMention(
                    second.start, second.end, second.entity, True, second.located
                )
        return found
