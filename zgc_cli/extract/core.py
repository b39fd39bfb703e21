"""Turn a text's figures into draft observations in the shipped data's columns.

One row per figure (:func:`zgc_cli.model.figures.parse_figures`, the parser verify uses),
less what is not a measured quantity: years and dates, sizes that define a class
(亿元以上企业), numbers inside a quoted title (“世界500强”) unless a list of that size is
meant (“…百强”榜单), ordinals that are no rank (第二十二次会议, 第一个), durations and ages.
For each figure:

* ``year``: the nearest year of its clause, else of its sentence (``stated``), else of an
  earlier sentence of the paragraph (``inferred``), else the publication date
  (``publication``; without ``--published``, the latest year the text names,
  ``inferred``). A comparison base (比2022年, 是2013年的) is never the figure's year; a
  range (2012～2022年) dates a figure to its end.
* ``entity``: the place or body its sentence names nearest before it (else after it),
  leaving out comparison bases and reference points (占全国, 全国第一, 北京向南) and the
  place something lies in (在北京) when another is named; else the nearest earlier in the
  paragraph (its sentence in ``entity_quote``); else ``--entity``.
* ``status``: ``estimate`` where 预计/有望/预期 (an estimate) or 计划/目标/力争 (a target,
  said in the note) stand between it and the previous figure, or its year is after
  publication; else ``reported``. A growth figure with a named base year
  (比2022年增长14.9%, 是2013年的1.5倍) also gives a ``derived`` row for that year.
* ``quote``: the shortest slice of the sentence holding the figure, its year, its place and
  the words naming the measure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from zgc_cli.extract.naming import Namer, unit_of
from zgc_cli.extract.passages import (
    CLAUSE_END,
    READING,
    SENTENCE_END,
    PlaceMention,
    Places,
    YearMention,
    paragraphs,
    pieces,
    year_mentions,
)
from zgc_cli.model.figures import ESTIMATE_MARKERS, Figure, parse_figures
from zgc_cli.model.numbers import machine_number
from zgc_cli.phrases import phrase

TARGET_MARKERS: tuple[str, ...] = ("预期目标", "目标", "计划", "力争", "争取", "规划")
ENGLISH_ESTIMATE = re.compile(
    r"\b(expected|estimated|forecasts?|projected|is set to|are set to|aims? to|targets?"
    r"|plans? to)\b",
    re.I,
)
_RANK_BEFORE = re.compile(
    r"(?:排名|排行|位居|位列|名列|居|列|排|全国|全球|全市|世界|国内|亚洲|全省)\s*$"
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
_ANAPHORA = ("这一", "该数", "此", "其", "这个", "上述")
_PER_PERSON_AFTER = ("发明", "有效", "专利", "口", "拥有", "均")
_TIME_UNITS = frozenset({"年", "个月", "岁", "天"})
_QUOTED_TITLE = re.compile(r"“[^”]{0,40}”|《[^》]{0,40}》|「[^」]{0,40}」|\"[^\"]{0,40}\"")
_LIST_AFTER = ("榜单", "榜", "名单")
_NAME_CUT = re.compile(
    r"(?:拥有(?!量)|聚集|集聚|培育|入驻|设立|建设|建成|组建|出台|推出|发布|备案上线|实现|完成|达到|新增"
    r"|新设|引进|吸引|提供|认定|获批|获评|入选|入围|形成|共建|落户|共有|其中|目前|如今|当前|截至"
    r"|全年|已经|已达|占据|提高到|增长到|增加到|增至|提高至|增长至|预计|有望|预期|成为|计划|目标|来自)"
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
        return bool(_RANK_BEFORE.search(before)) or figure.text[:1].isascii()
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


def _place(
    places: list[PlaceMention], start: int, end: int, at: int, reading: str = ""
) -> tuple[PlaceMention | None, str]:
    """The place named nearest before ``at`` in [start, end), else the first after it.

    A place after the figure that 其中 introduces is a part named for what follows.
    """
    inside = [m for m in places if start <= m.start and m.end <= end and not m.framed]
    plain = [m for m in inside if not m.located]
    for pool in (plain, inside):
        before = [m for m in pool if m.end <= at]
        if before:
            return before[-1], "before"
        after = [
            m
            for m in pool
            if m.start >= at and not reading[max(0, m.start - 3) : m.start].endswith("其中")
        ]
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
        if figure.unit_suffix in ("家", "人", "件", "款", "项", "次", "个") and words_after:
            return re.split(r"\b(?:in|of|on|for|at|were|was|which|that|who)\b", words_after)[
                0
            ].strip()
        return phrase_before[-40:] or words_after
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
            return text[start : start + len(counted)] + ("占比" if share else "")
    if not name:
        return "占比" if share else ""
    position = reading.rfind(name, clause_start, figure.start)
    written = text[position : position + len(name)] if position >= 0 else name
    return written + ("占比" if share else "")


class Extraction:
    """One text's extraction: its paragraphs, and its rows in reading order."""

    def __init__(self, text: str, options: Options) -> None:
        self.text = text
        self.reading = text.translate(READING)
        self.options = options
        self.english = _is_english(text)
        self.namer = Namer()
        self.rows: list[Row] = []
        self.paragraphs = paragraphs(text)
        self.published = _published_year(options.published)
        figure_spans = [(f.start, f.end) for f in parse_figures(text)]
        self.years = year_mentions(self.reading, figure_spans, self.published)
        self.latest = max((m.year for m in self.years if not m.relative), default=None)
        self.title_year = self._title_year()
        titles = [match.span() for match in _QUOTED_TITLE.finditer(self.reading)]
        self.places = [
            place
            for place in options.places.mentions(self.reading)
            if not any(start <= place.start < end for start, end in titles)
        ]
        self.titled_places = [
            (place, span)
            for place in options.places.mentions(self.reading)
            for span in titles
            if span[0] <= place.start < span[1]
        ]

    def _is_heading(self, start: int, end: int) -> bool:
        """A title or section heading: a short line that ends no sentence."""
        line = self.reading[start:end].strip()
        if re.search(r"摄|供图|图片|图为|Photo", line):
            return False  # a photo's caption
        return len(line) <= 60 and not re.search(r"[。！？；]|[.!?]\s", line + " ")

    def _named_year(self, start: int, end: int) -> int | None:
        named = {m.year for m in self.years if start <= m.start < end and not m.is_base}
        if len(named) != 1:
            return None
        (year,) = named
        return year if self.published is None or year <= self.published + 1 else None

    def _title_year(self) -> int | None:
        """The document's year: of its title (北京市2023年…公报), else of a short lead paragraph."""
        for start, end in self.paragraphs[:2]:
            lead = end - start <= 200 and not parse_figures(self.text[start:end])
            if self._is_heading(start, end) or lead:
                year = self._named_year(start, end)
                if year is not None:
                    return year
        return None

    def _section_year(self, paragraph: tuple[int, int]) -> int | None:
        """The year of the nearest heading above the paragraph that names one, else the title's."""
        for start, end in reversed([p for p in self.paragraphs if p[1] <= paragraph[0]]):
            if self._is_heading(start, end):
                year = self._named_year(start, end)
                if year is not None:
                    return year
        return self.title_year

    def _section_is_target(self, paragraph: tuple[int, int]) -> str:
        """The target word (目标, 计划) of the nearest heading above the paragraph, or ''."""
        for start, end in reversed([p for p in self.paragraphs if p[1] <= paragraph[0]]):
            if self._is_heading(start, end):
                heading = self.reading[start:end]
                return next((m for m in TARGET_MARKERS if m in heading), "")
        return ""

    def run(self) -> list[Row]:
        for number, (start, end) in enumerate(self.paragraphs, start=1):
            self._paragraph(number, start, end)
        self._unique_keys()
        return self.rows

    # --- one paragraph -------------------------------------------------------------

    def _paragraph(self, number: int, start: int, end: int) -> None:
        if number == 1 and self._is_heading(start, end) and len(self.paragraphs) > 1:
            return  # a headline repeats the figures of the text
        sentences = pieces(SENTENCE_END, self.reading, start, end)
        subject = ""
        for sentence in sentences:
            figures = [
                replace_offset(f, sentence[0])
                for f in parse_figures(self.text[sentence[0] : sentence[1]])
            ]
            kept = [f for f in figures if _kept(f, self.reading, sentence)]
            growth_run = False
            previous_end = sentence[0]
            levels: list[Row] = []
            growths: list[tuple[Row, Figure]] = []
            for figure in kept:
                clause = self._clause(sentence, figure)
                stretch = self.reading[max(previous_end, clause[0]) : figure.start]
                is_growth = self._is_growth(figure, stretch, growth_run)
                growth_run = is_growth
                row = self._row(
                    number, (start, end), sentence, clause, figure, previous_end, subject
                )
                if row is None:
                    continue
                previous_end = figure.end
                self.rows.append(row)
                if is_growth:
                    growths.append((row, figure))
                else:
                    levels.append(row)
                subject = row.name_zh or row.name_en or subject
            self._growths(growths, levels, sentence)

    def _growths(
        self, growths: list[tuple[Row, Figure]], levels: list[Row], sentence: tuple[int, int]
    ) -> None:
        """Pair each growth figure with its level (分别: in order), then derive the base year's."""
        respectively = (
            "分别" in self.reading[sentence[0] : sentence[1]]
            or "respectively" in (self.reading[sentence[0] : sentence[1]])
        )
        preceding = (
            [level for level in levels if level.start < growths[0][0].start] if growths else []
        )
        for index, (row, figure) in enumerate(growths):
            before = [level for level in preceding if level.start < row.start]
            level: Row | None
            if respectively and len(growths) <= len(before):
                level = before[len(before) - len(growths) + index]
            else:
                level = before[-1] if before else None
            clause = self._clause(sentence, figure)
            self._growth(row, figure, clause, level)
            if level is not None and row.growth_base is not None:
                self._derive(row, figure, level, sentence)

    def _clause(self, sentence: tuple[int, int], figure: Figure) -> tuple[int, int]:
        for clause in pieces(CLAUSE_END, self.reading, *sentence):
            if clause[0] <= figure.start < clause[1]:
                return clause
        return sentence

    def _is_growth(self, figure: Figure, stretch: str, growth_run: bool) -> bool:
        if figure.unit_suffix not in ("%", "倍", "个百分点"):
            return False
        if growth_run and stretch.strip() in ("、", ",", "和", "与", "and", ", and"):
            return True
        if self.english:
            return bool(_ENGLISH_GROWTH.search(stretch) or _ENGLISH_DECLINE.search(stretch))
        if figure.unit_suffix == "倍" and re.search(r"是\s*(?:19|20)\d{2}\s*年?的\s*$", stretch):
            return True
        return bool(_GROWTH_BEFORE.search(stretch))

    # --- one figure ----------------------------------------------------------------

    def _row(
        self,
        number: int,
        paragraph: tuple[int, int],
        sentence: tuple[int, int],
        clause: tuple[int, int],
        figure: Figure,
        previous_end: int,
        subject: str,
    ) -> Row | None:
        name_start = max(clause[0], previous_end)
        name = _name(self.reading, self.text, name_start, figure, self.english)
        share = name.endswith("占比")
        name = self._plain_name(name, name_start, figure.start)
        if name.startswith(_ANAPHORA):  # 这一数量已增长近一倍: the measure named before
            name = ""
        if not name and subject:
            name = subject + ("占比" if share and not subject.endswith("占比") else "")
        after = re.split(r"[，。；;]|,\s", self.reading[figure.end : figure.end + 40])[0]
        noun = name.translate(READING)
        word = figure.unit_suffix
        if word == "第" and figure.text.endswith("个"):
            word = "个"  # 第三个万亿级产业集群: the third of them, so three
        if figure.text == "从无到有":  # 超千亿元企业从无到有: none of what the name counts
            word = "家" if "企业" in noun or "公司" in noun else "个"
        if not word and figure.text != "从无到有":
            word = next((w for key, w in _NAME_UNITS if key in noun), "")
        unit = unit_of(word, noun, after)
        if not unit:
            return None
        year, basis, note, note_zh, year_start = self._year(paragraph, sentence, clause, figure)
        status, status_note, status_note_zh = self._status(
            paragraph, sentence, figure, previous_end, year
        )
        entity, entity_quote, place_start, place_end = self._entity(paragraph, sentence, figure)
        anchors = [figure.start]
        if year_start is not None:
            anchors.append(year_start)
        if place_start is not None:
            anchors.append(place_start)
        if name:
            found = self.text.rfind(name, sentence[0], figure.start + 1)
            anchors.append(found if found >= 0 else figure.start)
        if status == "estimate" and status_note:
            marker = self.reading.rfind(status_note.split(":")[0], sentence[0], figure.start)
            if marker >= 0:
                anchors.append(marker)
        if figure.text.endswith("首位"):
            anchors.append(max(sentence[0], figure.start - 2))  # 居全国首位, as the parser reads it
        if figure.qualifier == "about" and not re.search(
            r"约|約|左右|上下|about|around", figure.text
        ):
            # 约占全国的13.9%: the 约 that bounds the figure belongs in its quote
            near = self.reading.rfind("约", max(sentence[0], figure.start - 16), figure.start)
            anchors.append(near if near >= 0 else figure.start)
        quote_start = max(sentence[0], min(anchors))
        # A year or place named after the figure (入选2022年…, 在北京落户) ends the quote;
        # in English, the words that say what it counts (6,954 enterprises) do too.
        ends = [figure.end]
        if self.english:
            ends.append(min(clause[1], figure.end + 60))
        ends += [m.end for m in self.years if m.start == year_start and m.start > figure.start]
        if place_start is not None and place_start > figure.start:
            ends.append(place_end)
        quote = self.text[quote_start : max(ends)].strip().rstrip(",;:.")
        metric = self.namer.metric_id(name.translate(READING), unit, self.english)
        notes = [n for n in (note, status_note) if n]
        notes_zh = [n for n in (note_zh, status_note_zh) if n]
        row = Row(
            metric=metric,
            entity=entity,
            year=year,
            value=figure.value,
            unit=unit,
            status=status,
            qualifier=figure.qualifier,
            quote=quote,
            note="; ".join(notes),
            year_basis=basis,
            figure=figure.text,
            name_zh="" if self.english else name,
            name_en=name if self.english else self.namer.english_name(name.translate(READING)),
            note_zh="；".join(notes_zh),
            entity_quote=entity_quote,
            paragraph=number,
            start=figure.start,
            end=figure.end,
        )
        if basis == "inferred":
            row.year_min = row.year_max = year
        return row

    def _plain_name(self, name: str, start: int, end: int) -> str:
        """A name less the places it names and quotation marks: 中关村从业人员 → 从业人员."""
        if not name or self.english:
            return name.strip()
        at = self.text.find(name, start, end)
        cut = name
        if at >= 0:
            for place in self.places:
                if at <= place.start and place.end <= at + len(name):
                    cut = cut.replace(self.text[place.start : place.end], "", 1)
        cut = re.sub(r"[“”《》「」\"'‘’（）()\s]", "", cut)
        cut = _LEADING.sub("", _TRAILING.sub("", cut))
        if cut == "占比":
            return ""  # the share's whole is named, not its part: the subject's share
        return cut[-16:] if len(cut) >= 2 else ""

    def _year(
        self,
        paragraph: tuple[int, int],
        sentence: tuple[int, int],
        clause: tuple[int, int],
        figure: Figure,
    ) -> tuple[int, str, str, str, int | None]:
        """(year, year_basis, note, note_zh, where the year is named in the sentence)."""
        for mention in self.years:
            if mention.is_base and clause[0] <= mention.start < figure.start:
                opened_by = self.reading[max(0, mention.start - 1) : mention.start]
                if opened_by in ("比", "较") and self.reading[mention.end : figure.start] == "的":
                    # 比2014年的3.6万亿元: the base year's own figure
                    said = phrase("extract.note.clause")
                    return mention.year, "stated", "", said.text("zh"), mention.start
        spans = ((clause, "extract.note.clause", True), (sentence, "extract.note.sentence", False))
        for span, key, following in spans:
            nearest = _nearest(self.years, *span, figure.start, following, self.reading)
            if nearest is not None and nearest.relative:
                words = self.text[nearest.start : nearest.end]
                said = phrase("extract.note.relative", words=words, year=nearest.year)
                return nearest.year, "inferred", str(said), said.text("zh"), None
            if nearest is not None:
                if nearest.is_range:
                    words = self.text[nearest.start : nearest.end]
                    said = phrase("extract.note.range", range=words)
                else:
                    said = phrase(key)
                return nearest.year, "stated", "", said.text("zh"), nearest.start
        earlier = [
            m
            for m in self.years
            if paragraph[0] <= m.start and m.end <= sentence[0] and not m.is_base
        ]
        if earlier:
            year = earlier[-1].year
            said = phrase("extract.note.paragraph", year=year)
            return year, "inferred", str(said), said.text("zh"), None
        section = self._section_year(paragraph)
        if section is not None:
            said = phrase("extract.note.title", year=section)
            return section, "inferred", str(said), said.text("zh"), None
        if self.published is not None:
            said = phrase("extract.note.publication", date=self.options.published)
            return self.published, "publication", str(said), said.text("zh"), None
        year = self.latest if self.latest is not None else 0
        said = phrase("extract.note.latest", year=year)
        return year, "inferred", str(said), said.text("zh"), None

    def _status(
        self,
        paragraph: tuple[int, int],
        sentence: tuple[int, int],
        figure: Figure,
        previous_end: int,
        year: int,
    ) -> tuple[str, str, str]:
        """Estimate where 预计/有望 govern the figure, or a target word (目标, 计划, 力争)
        opens its sentence (across ；) or heads its section; reported otherwise."""
        stretch = self.reading[max(previous_end, sentence[0]) : figure.start]
        for marker in ESTIMATE_MARKERS:
            if marker in stretch:
                said = phrase("extract.note.estimate", word=marker)
                return "estimate", str(said), said.text("zh")
        opened = max(self.reading.rfind(end, paragraph[0], figure.start) for end in "。！？")
        before = self.reading[max(opened, paragraph[0]) : figure.start]
        heading = self._section_is_target(paragraph)
        for marker in TARGET_MARKERS:
            if marker in before or marker == heading:
                said = phrase("extract.note.target", word=marker)
                return "estimate", str(said), said.text("zh")
        if self.english:
            found = ENGLISH_ESTIMATE.search(stretch)
            if found:
                said = phrase("extract.note.estimate", word=found.group())
                return "estimate", str(said), said.text("zh")
        if self.published is not None and year > self.published:
            said = phrase("extract.note.future", year=year)
            return "estimate", str(said), said.text("zh")
        return "reported", "", ""

    def _entity(
        self, paragraph: tuple[int, int], sentence: tuple[int, int], figure: Figure
    ) -> tuple[str, str, int | None, int]:
        """(entity, entity_quote, where the sentence names it: start and end)."""
        for place, (start, end) in self.titled_places:
            if start <= figure.start < end:  # “2023中国商业航天企业百强”: the list's own place
                return place.entity, "", place.start, place.end
        mention, _ = _place(self.places, *sentence, figure.start, self.reading)
        if mention is not None:
            return mention.entity, "", mention.start, mention.end
        if _DEFAULT_PLACE.search(self.reading, sentence[0], figure.start):
            # 本市, 全市, the city: the city the text last named, else the text's own place
            cities = [
                m
                for m in self.places
                if m.end <= figure.start and self.options.places.kinds.get(m.entity) == "city"
            ]
            if cities or self.options.default_entity:
                return (cities[-1].entity if cities else self.options.default_entity), "", None, 0
        for earlier in reversed(pieces(SENTENCE_END, self.reading, paragraph[0], sentence[0])):
            mention, _ = _place(self.places, *earlier, earlier[0], self.reading)
            if mention is not None:
                return mention.entity, self.text[earlier[0] : earlier[1]].strip(), None, 0
        for before in reversed([p for p in self.paragraphs if p[1] <= paragraph[0]]):
            if self._is_heading(*before):
                break  # a section's places stay in it
            for earlier in reversed(pieces(SENTENCE_END, self.reading, *before)):
                mention, _ = _place(self.places, *earlier, earlier[0], self.reading)
                if mention is not None:
                    return mention.entity, self.text[earlier[0] : earlier[1]].strip(), None, 0
        return self.options.default_entity, "", None, 0

    # --- growth ----------------------------------------------------------------------

    def _growth(self, row: Row, figure: Figure, clause: tuple[int, int], level: Row | None) -> None:
        """A growth figure measures its level's growth: name, id and base year from it."""
        base = next(
            (
                m
                for m in self.years
                if clause[0] <= m.start < figure.start and m.is_base and not m.relative
            ),
            None,
        )
        kind = {"%": "增速", "倍": "倍数", "个百分点": "增减"}.get(figure.unit_suffix, "")
        if level is not None:
            row.name_zh = f"{level.name_zh}{kind}" if level.name_zh else row.name_zh
            row.name_en = f"{level.name_en} growth".strip() if level.name_en else row.name_en
            suffix = {"%": "growth_pct", "倍": "ratio", "个百分点": "change_pp"}[figure.unit_suffix]
            row.metric = f"{level.metric}_{suffix}"
            self.namer.taken.add(row.metric)
            row.name_en = f"{level.name_en} growth".strip() if level.name_en else row.name_en
            row.entity = level.entity or row.entity
        if base is not None:
            row.growth_base = base.year
            said = phrase("extract.note.growth", base=base.year)
            row.note = "; ".join(n for n in (row.note, str(said)) if n)
            row.note_zh = "；".join(n for n in (row.note_zh, said.text("zh")) if n)

    def _derive(self, row: Row, figure: Figure, level: Row, sentence: tuple[int, int]) -> None:
        """The level of the base year, read back from the level and its growth (derived)."""
        if (
            level.unit in ("percent", "ratio", "rank", "percentage_points")
            or row.growth_base is None
        ):
            return
        level_text = machine_number(level.value)
        growth_text = machine_number(figure.value)
        if figure.unit_suffix == "%":
            sign = "-" if _DECLINE.search(self.reading[sentence[0] : figure.start]) else "+"
            expression = f"{level_text} / (1 {sign} {growth_text} / 100)"
            value = level.value / (
                1 + figure.value / 100 if sign == "+" else 1 - figure.value / 100
            )
        elif figure.unit_suffix == "倍" and re.search(
            r"是\s*(?:19|20)\d{2}\s*年?的\s*$", self.reading[sentence[0] : figure.start]
        ):
            expression = f"{level_text} / {growth_text}"
            value = level.value / figure.value
        else:
            return
        level_figure = Figure(level.value, level.qualifier, level.figure, "", level.start)
        level_step, growth_step = _step(level_figure), _step(figure)
        low_level, high_level = level.value - level_step / 2, level.value + level_step / 2
        low_growth, high_growth = figure.value - growth_step / 2, figure.value + growth_step / 2
        if figure.unit_suffix == "%":
            factor_low = 1 + low_growth / 100 if "+" in expression else 1 - high_growth / 100
            factor_high = 1 + high_growth / 100 if "+" in expression else 1 - low_growth / 100
        else:
            factor_low, factor_high = low_growth, high_growth
        quote_start = min(self.text.rfind(level.quote, 0, level.end + 1), row.start)
        if quote_start < 0:
            quote_start = level.start
        said = phrase(
            "extract.note.derived", level=level.figure, growth=figure.text, base=row.growth_base
        )
        self.rows.append(
            Row(
                metric=level.metric,
                entity=level.entity,
                year=row.growth_base,
                value=value,
                unit=level.unit,
                status="derived",
                qualifier="about",
                quote=self.text[quote_start : figure.end].strip(),
                note=expression,
                year_basis="stated",
                figure=figure.text,
                name_zh=level.name_zh,
                name_en=level.name_en,
                note_zh=said.text("zh"),
                low=low_level / factor_high if factor_high else None,
                high=high_level / factor_low if factor_low > 0 else None,
                paragraph=row.paragraph,
                start=row.start,
                end=row.end,
            )
        )

    def _unique_keys(self) -> None:
        """Two rows of one (metric, entity, year) get apart: the later one's id is numbered."""
        seen: set[tuple[str, str, int]] = set()
        for row in self.rows:
            key = (row.metric, row.entity, row.year)
            number = 2
            while key in seen:
                key = (f"{row.metric}_{number}", row.entity, row.year)
                number += 1
            row.metric = key[0]
            seen.add(key)


def replace_offset(figure: Figure, offset: int) -> Figure:
    """A figure parsed from a slice, placed at its offset in the whole text."""
    return Figure(
        figure.value, figure.qualifier, figure.text, figure.unit_suffix,
        figure.start + offset, figure.is_threshold,
    )  # fmt: skip


def extract_rows(text: str, options: Options) -> list[Row]:
    """The draft observations of a text, in reading order (derived rows after their growth)."""
    return Extraction(text, options).run()
