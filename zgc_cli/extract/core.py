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
from bisect import bisect_left, bisect_right

from zgc_cli.extract.growth import Growths
from zgc_cli.extract.naming import Namer, unit_of
from zgc_cli.extract.passages import (
    CLAUSE_END,
    READING,
    SENTENCE_END,
    paragraphs,
    pieces,
    year_mentions,
)
from zgc_cli.extract.rules import (
    _ANAPHORA,
    _KIND_WORDS,
    _LEADING,
    _NAME_UNITS,
    _QUOTED_TITLE,
    _TRAILING,
    ENGLISH_ESTIMATE,
    Options,
    Row,
    _is_english,
    _kept,
    _name,
    _nearest,
    _place,
    _published_year,
)
from zgc_cli.model.figures import ESTIMATE_MARKERS, Figure, parse_figures, target_marker
from zgc_cli.words import phrase

# Between an English figure and its year: "in 2020", "at the end of 2022".
_ENGLISH_YEAR_AFTER = re.compile(
    r"\s*(?:[A-Za-z-]+\s+){0,2}?(?:in|for|during|by the end of|at the end of|as of)\s+"
)
_SAME_MEASURE = re.compile(
    r"\bthe (?:figure|number|rate|share|ratio) (?:was|is|stood at)\s+$"
    r"|\b(?:up|down) from\s+(?:some\s+|about\s+|nearly\s+)?$"
)
_OF_THOSE = re.compile(r"\s+of\s+(?:them|which|whom)\b")
_FROM_PLACE = re.compile(
    r"\s+(?:came|come|were|was|are|is)\s+(?:[a-z]+\s+){0,2}?(?:from|in|based in|by)\s+"
)
_GENERIC_NAMES = frozenset({"企业", "公司", "机构", "单位", "人员", "项目", "产品"})
# Words that date a figure to the publication: 目前, 如今, now.
_NOW = re.compile(r"目前|如今|当前|截至目前|现有|\bnow\b|\bcurrently\b|\bso far\b|\bto date\b")
# English present perfect (have formed, has logged) and a month with no year (by April):
# the state at publication, when the sentence names no year of its own.
_ENGLISH_NOW = re.compile(
    r"\b(?:has|have)\s+(?:(?:also|already|now|so far)\s+)?(?!been\b)[a-z]+(?:ed|en|wn|ne|t)\b"
    r"|\b(?:has|have|is home to|are home to)\s+(?:(?:more than|over|about|some|nearly)\s+)?\d"
    r"|\b(?:by|as of|until|through|at the end of)\s+(?:January|February|March|April|May|June"
    r"|July|August|September|October|November|December)\b(?!\s*,?\s*(?:\d{1,2},?\s*)?(?:19|20)\d\d)"
)
# Heading words that make a section's figures targets (二、今年的主要预期目标); a heading
# with 计划 alone is a plan's report (上年计划执行情况), not its targets.
_HEADING_TARGETS = ("预期目标", "目标", "展望")
TARGET_HEADINGS = ("预期目标", "目标")
# Between two years of a range written apart: 2019年至2023年, 2019—2023.
_RANGE_JOINER = re.compile(r"\s*(?:年)?\s*[至到～~〜\-—–]\s*")


class Extraction(Growths):
    """One text's extraction: its paragraphs, and its rows in reading order."""

    def __init__(self, text: str, options: Options) -> None:
        self.text = text
        self.reading = text.translate(READING)
        self.options = options
        self.english = _is_english(text)
        self.namer = Namer()
        self.rows: list[Row] = []
        self.claims: list[dict[str, object]] = []  # growth sentences' claims (claims.csv)
        self.paragraphs = paragraphs(text)
        self.published = _published_year(options.published)
        figure_spans = [(f.start, f.end) for f in parse_figures(text)]
        self.years = year_mentions(self.reading, figure_spans, self.published)
        self.latest = max((m.year for m in self.years if not m.relative), default=None)
        self.year_starts = [m.start for m in self.years]
        self.headings = [self._is_heading(start, end) for start, end in self.paragraphs]
        self.title_year = self._title_year()
        # A text that never names its publication year reports on a past period.
        self.carries_years = self.published is None or not any(
            m.year == self.published and not m.is_base and not m.relative for m in self.years
        )
        self.sections = self._sections()
        titles = [match.span() for match in _QUOTED_TITLE.finditer(self.reading)]
        title_starts = [start for start, _ in titles]
        self.places, self.titled_places = [], []
        for place in options.places.mentions(self.reading):
            index = bisect_right(title_starts, place.start) - 1
            if index >= 0 and place.start < titles[index][1]:
                self.titled_places.append((place, titles[index]))
            else:
                self.places.append(place)
        self.carried: dict[int, tuple[str, str] | None] = {}

    def _is_heading(self, start: int, end: int) -> bool:
        """A title or section heading: a short line that ends no sentence."""
        line = self.reading[start:end].strip()
        if re.search(r"摄|供图|图片|图为|Photo", line):
            return False  # a photo's caption
        return len(line) <= 60 and not re.search(r"[。！？；]|[.!?]\s", line + " ")

    def _named_year(self, start: int, end: int) -> int | None:
        first, last = bisect_left(self.year_starts, start), bisect_left(self.year_starts, end)
        named = {m.year for m in self.years[first:last] if not m.is_base}
        if len(named) != 1:
            return None
        (year,) = named
        return year if self.published is None or year <= self.published + 1 else None

    def _title_year(self) -> int | None:
        """The document's year: of its title (北京市2023年…公报), else of a short lead paragraph."""
        for (start, end), heading in zip(self.paragraphs[:2], self.headings, strict=False):
            lead = end - start <= 200 and not parse_figures(self.text[start:end])
            if heading or lead:
                year = self._named_year(start, end)
                if year is not None:
                    return year
        return None

    def _sections(self) -> dict[int, tuple[int | None, str]]:
        """Each paragraph's section: the year of the nearest heading above it that names
        one, and the target word (目标, 计划) of the nearest heading above it, or ''."""
        sections: dict[int, tuple[int | None, str]] = {}
        year: int | None = None
        target = ""
        for (start, end), heading in zip(self.paragraphs, self.headings, strict=True):
            sections[start] = (year, target)
            if heading:
                year = self._named_year(start, end) or year
                words = self.reading[start:end]
                target = next((m for m in _HEADING_TARGETS if m in words), "")
        return sections

    def _section_year(self, paragraph: tuple[int, int]) -> int | None:
        """The year of the nearest heading above the paragraph that names one, else the title's."""
        year = self.sections.get(paragraph[0], (None, ""))[0]
        return year if year is not None else self.title_year

    def _section_is_target(self, paragraph: tuple[int, int]) -> str:
        """The target word (目标, 计划) of the nearest heading above the paragraph, or ''."""
        return self.sections.get(paragraph[0], (None, ""))[1]

    def run(self) -> list[Row]:
        for number, (start, end) in enumerate(self.paragraphs, start=1):
            self._paragraph(number, start, end)
        self._unique_keys()
        self._name_claims()
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
            self._respective_years(sentence, [row for row in self.rows if row.start >= sentence[0]])

    def _respective_years(self, sentence: tuple[int, int], rows: list[Row]) -> None:
        """2019年至2023年…分别为6.31%、6.44%…: the n-th figure is of the range's n-th year."""
        at = self.reading.find("分别", *sentence)
        if at < 0:
            return
        named = [m for m in self.years if sentence[0] <= m.start < at and not m.is_base]
        first = last = None
        for left, right in zip(named, named[1:], strict=False):
            if _RANGE_JOINER.fullmatch(self.reading[left.end : right.start]):
                first, last = left.year, right.year
        ranged = [m for m in named if m.is_range]
        if first is None and ranged:
            first, last = ranged[-1].first, ranged[-1].year
        stop = CLAUSE_END.search(self.reading, at, sentence[1])
        end = stop.start() if stop else sentence[1]
        listed = [row for row in rows if at < row.start < end and row.status != "derived"]
        if first is None or last is None or len(listed) != last - first + 1:
            return
        for offset, row in enumerate(listed):
            said = phrase("extract.note.respective", year=first + offset, first=first, last=last)
            row.year, row.year_basis = first + offset, "inferred"
            row.note = "; ".join(n for n in (str(said), row.note) if n)
            row.note_zh = "；".join(n for n in (said.text("zh"), row.note_zh) if n)
            row.year_min = row.year_max = row.year

    def _clause(self, sentence: tuple[int, int], figure: Figure) -> tuple[int, int]:
        for clause in pieces(CLAUSE_END, self.reading, *sentence):
            if clause[0] <= figure.start < clause[1]:
                return clause
        return sentence

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
            # 参数规模达到1.75万亿; technology contracts … numbered 6,758: the name's unit
            said = noun if not self.english else self.reading[clause[0] : figure.start]
            word = next((w for key, w in _NAME_UNITS if key in said), "")
            noun = noun if not self.english else f"{noun} {said}"
        if self.english and word == "款":
            noun = f"{noun} {self.reading[sentence[0] : figure.start]}"  # Of the 107 models, 47…
        unit = unit_of(word, noun, after)
        levels = [
            row
            for row in self.rows
            if row.paragraph == number and row.unit not in ("percent", "ratio", "percentage_points")
        ]
        previous = levels[-1] if levels else None
        same = _SAME_MEASURE.search(
            self.reading, max(sentence[0], figure.start - 24), figure.start
        ) or _OF_THOSE.match(self.reading, figure.end)
        if (
            self.english
            and previous is not None
            and same
            and figure.unit_suffix in ("", "家", "人")
        ):
            unit, name = previous.unit, previous.name_en  # in Beijing the figure was 303.9
        if not unit:
            return None
        if name in _GENERIC_NAMES:  # 北京企业以51家占据全国半壁江山: what the clause says of them
            rest = re.match(r"[^，。；,;：:]{0,12}", self.reading[figure.end :])
            said = rest.group() if rest else ""
            name += re.sub(r"[\d.%％]+|[家个项件名人]|(?:19|20)\d{2}年?", "", said)[:10]
        year, basis, note, note_zh, year_start = self._year(paragraph, sentence, clause, figure)
        status, status_note, status_note_zh = self._status(
            paragraph, sentence, figure, previous_end, year
        )
        entity, entity_quote, place_start, place_end = self._entity(paragraph, sentence, figure)
        if entity and place_start is None and not entity_quote:
            entity_quote = self._naming_sentence(entity, figure.start)
        anchors = [figure.start]
        if year_start is not None:
            anchors.append(year_start)
        if place_start is not None:
            anchors.append(place_start)
        if name:
            found = self.text.rfind(name, sentence[0], figure.start + 1)
            anchors.append(found if found >= 0 else figure.start)
        floor = sentence[0]
        if status in ("estimate", "target") and status_note:
            # 到2025年，…；力争…达到50%: a target's word may open the sentence before the ；
            reach = paragraph[0] if status == "target" else sentence[0]
            marker = self.reading.rfind(status_note.split(":")[0], reach, figure.start)
            if marker >= 0:
                anchors.append(marker)
                floor = min(floor, marker)
        if figure.text.endswith("首位"):
            anchors.append(max(sentence[0], figure.start - 2))  # 居全国首位, as the parser reads it
        if figure.qualifier == "about" and not re.search(
            r"约|約|左右|上下|about|around", figure.text
        ):
            # 约占全国的13.9%: the 约 that bounds the figure belongs in its quote
            near = self.reading.rfind("约", max(sentence[0], figure.start - 16), figure.start)
            anchors.append(near if near >= 0 else figure.start)
        quote_start = max(floor, min(anchors))
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
        # Years and figures name no measure (企业入选2022年…500强 → 企业入选财富世界强).
        cut = re.sub(r"(?:19|20)\d{2}年?|\d+(?:\.\d+)?", "", cut)
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
        if self.english:  # 631.62 billion yuan in 2020: English names the year after
            for mention in self.years:
                between = self.reading[figure.end : mention.start]
                if mention.start >= figure.end and len(between) <= 24:
                    if _ENGLISH_YEAR_AFTER.fullmatch(between):
                        said = phrase("extract.note.clause")
                        return mention.year, "stated", "", said.text("zh"), mention.start
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
        now = _NOW.search(self.reading, sentence[0], figure.start)
        if self.english and now is None:
            now = _ENGLISH_NOW.search(self.reading, sentence[0], sentence[1])
        if self.published is not None and now:
            said = phrase("extract.note.publication", date=self.options.published)
            return self.published, "publication", str(said), said.text("zh"), None
        earlier = [
            m
            for m in self.years
            if paragraph[0] <= m.start and m.end <= sentence[0] and not m.is_base
        ]
        if earlier:
            year = earlier[-1].year
            said = phrase("extract.note.paragraph", year=year)
            return year, "inferred", str(said), said.text("zh"), None
        if self.carries_years:  # a report on a past period: later paragraphs keep its years
            before = [m for m in self.years if m.end <= paragraph[0] and not m.is_base]
            if before:
                year = before[-1].year
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
        """Estimate where 预计/有望 govern the figure; target where a target word (目标, 力争,
        计划到…) opens its sentence (across ；) or its section's heading is a target one;
        estimate for a year after publication; reported otherwise."""
        stretch = self.reading[max(previous_end, sentence[0]) : figure.start]
        opened = max(self.reading.rfind(end, paragraph[0], figure.start) for end in "。！？")
        before = self.reading[max(opened, paragraph[0]) : figure.start]
        if self.english:
            opened = max(
                (m.end() for m in SENTENCE_END.finditer(self.reading, paragraph[0], figure.start)),
                default=paragraph[0],
            )
            before = self.reading[opened : figure.start]
        planned = target_marker(before)
        for marker in ESTIMATE_MARKERS:
            if marker in stretch and not (planned and planned.startswith(marker)):
                said = phrase("extract.note.estimate", word=marker)
                return "estimate", str(said), said.text("zh")
        if self.english:
            found = ENGLISH_ESTIMATE.search(stretch)
            if found:
                said = phrase("extract.note.estimate", word=found.group())
                return "estimate", str(said), said.text("zh")
        heading = self._section_is_target(paragraph)
        if self.published is not None and year < self.published:
            heading = ""  # 今后的主要目标 above 2023年…达到6.73%: a past year sets no target
        if planned is None and heading in TARGET_HEADINGS:
            planned = heading
        if planned is not None:
            said = phrase("extract.note.target", word=planned)
            return "target", str(said), said.text("zh")
        if heading:
            said = phrase("extract.note.estimate", word=heading)
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
        if self.english:  # 47 came from Zhongguancun; 51 were from Beijing
            for place in self.places:
                between = self.reading[figure.end : place.start]
                if 0 <= len(between) <= 32 and _FROM_PLACE.fullmatch(between):
                    return place.entity, "", place.start, place.end
        mention, where = _place(self.places, *sentence, figure.start, self.reading)
        kind_word = next(
            (
                kinds
                for words, kinds in _KIND_WORDS
                if words.search(self.reading[sentence[0] : figure.start].lstrip())
            ),
            None,
        )
        if mention is not None and not (where == "after" and kind_word):
            return mention.entity, "", mention.start, mention.end
        if kind_word:
            # 本市, the city, the region: the place of that kind the text last named
            named = [
                m
                for m in self.places
                if m.end <= figure.start and self.options.places.kinds.get(m.entity) in kind_word
            ]
            if named:
                return named[-1].entity, "", None, 0
            if "city" in kind_word and self.options.default_entity:
                return self.options.default_entity, "", None, 0
        for earlier in reversed(pieces(SENTENCE_END, self.reading, paragraph[0], sentence[0])):
            mention, _ = _place(self.places, *earlier, earlier[0], self.reading)
            if mention is not None:
                return mention.entity, self.text[earlier[0] : earlier[1]].strip(), None, 0
        carried = self._carried(paragraph)
        if carried is not None:
            return carried[0], carried[1], None, 0
        return self.options.default_entity, "", None, 0

    def _naming_sentence(self, entity: str, at: int) -> str:
        """The sentence nearest before ``at`` (else after it) that names ``entity``, or ''.

        What ``entity_quote`` holds for a row whose own passage names no place (本市, a
        default place): a passage of the text that does.
        """
        named = [m for m in self.places if m.entity == entity and not m.framed]
        before = [m for m in named if m.end <= at]
        mention = before[-1] if before else (named[0] if named else None)
        if mention is None:
            return ""
        ends = [m.end() for m in SENTENCE_END.finditer(self.reading, 0, mention.start)]
        start = max([0, *ends, *(p[0] for p in self.paragraphs if p[0] <= mention.start)])
        stop = SENTENCE_END.search(self.reading, mention.end)
        end = stop.end() if stop else len(self.text)
        paragraph_end = next((p[1] for p in self.paragraphs if p[0] <= mention.start < p[1]), end)
        return self.text[start : min(end, paragraph_end)].strip()

    def _carried(self, paragraph: tuple[int, int]) -> tuple[str, str] | None:
        """The place the paragraph before names in its first sentence (its topic), if any."""
        if paragraph[0] in self.carried:
            return self.carried[paragraph[0]]
        found: tuple[str, str] | None = None
        index = bisect_left([start for start, _ in self.paragraphs], paragraph[0])
        if index > 0 and not self.headings[index - 1]:
            first = pieces(SENTENCE_END, self.reading, *self.paragraphs[index - 1])[0]
            mention, _ = _place(self.places, *first, first[0], self.reading)
            if mention is not None:
                found = mention.entity, self.text[first[0] : first[1]].strip()
        self.carried[paragraph[0]] = found
        return found

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


def extract_rows_and_claims(
    text: str, options: Options
) -> tuple[list[Row], list[dict[str, object]]]:
    """The draft observations of a text and the claims of its growth sentences."""
    extraction = Extraction(text, options)
    rows = extraction.run()
    return rows, extraction.claims
