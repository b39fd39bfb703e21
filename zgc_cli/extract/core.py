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

from zgc_cli.extract.dating import Dating
from zgc_cli.extract.growth import Growths
from zgc_cli.extract.naming import _NAME_KEYS, Namer, unit_of
from zgc_cli.extract.passages import (
    CLAUSE_END,
    READING,
    SENTENCE_END,
    paragraphs,
    pieces,
    year_mentions,
)
from zgc_cli.extract.placing import Placing
from zgc_cli.extract.rules import (
    _ANAPHORA,
    _LEADING,
    _NAME_UNITS,
    _QUOTED_TITLE,
    _TRAILING,
    Options,
    Row,
    _is_english,
    _kept,
    _name,
    _published_year,
)
from zgc_cli.model.figures import Figure, parse_figures

_SAME_MEASURE = re.compile(
    r"\bthe (?:figure|number|rate|share|ratio) (?:was|is|stood at)\s+$"
    r"|\b(?:up|down) from\s+(?:some\s+|about\s+|nearly\s+)?$"
)
_OF_THOSE = re.compile(r"\s+of\s+(?:them|which|whom)\b")
# A word after an English number that is no preposition, verb or conjunction: its noun.
_OWN_NOUN_AFTER = re.compile(
    r"\s+(?!(?:in|of|for|to|at|on|by|and|or|as|from|with|than|more|less|up|down|were|was"
    r"|is|are|had|have|has|came|come|each|a|an|the|last|this|that|which|who|year|years"
    r"|worth|respectively|altogether|overall|nationwide|total|then|while|after|before|so)\b)"
    r"[a-z][a-z-]*\b"
)
# 在…的机构中，: the whole a sentence opens with, of which a later figure counts a part.
_AMONG = re.compile(r"在[^，。；]{0,40}?([\u4e00-\u9fff]{2,6})中[，,]")
_GENERIC_NAMES = frozenset({"企业", "公司", "机构", "单位", "人员", "项目", "产品"})
# Heading words that make a section's figures targets (二、今年的主要预期目标); a heading
# with 计划 alone is a plan's report (上年计划执行情况), not its targets.
_HEADING_TARGETS = ("预期目标", "目标", "展望")


class Extraction(Growths, Dating, Placing):
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
        self.figure_ends = {end for _, end in figure_spans}
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
            # “三城一区”: a place's name in quotation marks is the place, not a title
            alone = index >= 0 and titles[index] == (place.start - 1, place.end + 1)
            if index >= 0 and place.start < titles[index][1] and not alone:
                self.titled_places.append((place, titles[index]))
            else:
                self.places.append(place)
        self.carried: dict[int, tuple[str, str] | None] = {}

    def _is_heading(self, start: int, end: int) -> bool:
        """A title or section heading: a short line that ends no sentence."""
        line = self.reading[start:end].strip()
        if re.search(r"摄|供图|图片|图为|Photo", line):
            return False  # a photo's caption
        longest = 120 if self.english else 60  # English headlines run longer
        return len(line) <= longest and not re.search(r"[。！？；]|[.!?]\s", line + " ")

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
            in_sentence = [row for row in self.rows if row.start >= sentence[0]]
            self._respective_years(sentence, in_sentence)
            self._respective_places(sentence, in_sentence)

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
            # 参数规模达到1.75万亿; technology contracts … numbered 6,758: the name's unit.
            # An English number its own noun follows (nearly 1,000 regional markets)
            # counts that noun, which no unit word names, and not the words before it.
            since = max(clause[0], previous_end)
            said = noun if not self.english else self.reading[since : figure.start]
            if not (self.english and _OWN_NOUN_AFTER.match(self.reading, figure.end)):
                word = next((w for key, w in _NAME_UNITS if key in said), "")
            noun = noun if not self.english else f"{noun} {said}"
        if not self.english and word == "家" and not any(k in noun for k in _NAME_KEYS):
            # 在…的机构中，总部位于北京的有30家: the whole the sentence opens with is counted
            among = _AMONG.search(self.reading, sentence[0], figure.start)
            if among is not None:
                noun = f"{among.group(1)}|{noun}"
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
