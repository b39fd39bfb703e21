"""The year and status rules of :class:`zgc_cli.extract.core.Extraction` (its mixin).

``year``: the nearest year of the figure's clause, else of its sentence (``stated``), else
of an earlier sentence of the paragraph (``inferred``), else the publication date; 分别
and "in turn" after a range give each listed figure its year. ``status``: estimate,
target or reported, from the words before the figure and its section's heading.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from zgc_cli.extract.passages import CLAUSE_END, SENTENCE_END
from zgc_cli.extract.rules import ENGLISH_ESTIMATE, Options, Row, _nearest
from zgc_cli.model.figures import ESTIMATE_MARKERS, Figure, target_marker
from zgc_cli.words import phrase

if TYPE_CHECKING:
    from zgc_cli.extract.passages import YearMention

# Between an English figure and its year: "in 2020", "at the end of 2022".
_ENGLISH_YEAR_AFTER = re.compile(
    r"\s*(?:[A-Za-z-]+\s+){0,2}?(?:in|for|during|by the end of|at the end of|as of)\s+"
)
# Words that date a figure to the publication: 目前, 如今, now.
# 已聚合, 已成为, 已累计: a state reached by now, when the sentence names no year of its own.
_NOW = re.compile(
    r"目前|如今|当前|截至目前|现有|已(?:经)?(?:累计|聚合|聚集|集聚|汇聚|成为|拥有|建成|形成|达)"
    r"|\bnow\b|\bcurrently\b|\bso far\b|\bto date\b"
)
# English present perfect (have formed, has logged) and a month with no year (by April):
# the state at publication, when the sentence names no year of its own.
_ENGLISH_NOW = re.compile(
    r"\b(?:has|have)\s+(?:(?:also|already|now|so far)\s+)?(?!been\b)[a-z]+(?:ed|en|wn|ne|t)\b"
    r"|\b(?:has|have|is home to|are home to)\s+(?:(?:more than|over|about|some|nearly)\s+)?\d"
    # The district covers 430.77 square kilometers: an extent as it stands
    r"|\b(?:covers|spans)\s+(?:(?:more than|over|about|some|nearly)\s+)?\d"
    r"|\b(?:by|as of|until|through|at the end of)\s+(?:January|February|March|April|May|June"
    r"|July|August|September|October|November|December)\b(?!\s*,?\s*(?:\d{1,2},?\s*)?(?:19|20)\d\d)"
)
# A figure at an event's start (an initial 60 square kilometers): of the event's year.
_INITIAL = re.compile(r"\b(?:initial|initially|originally|at first|at the start)\b", re.I)
# A now-word opening a sentence (如今，目前，): the state at publication.
_NOW_OPENING = re.compile(r"(?<![^。！？；\n])\s*(?:目前|如今|当前|截至目前)[，,]?")
TARGET_HEADINGS = ("预期目标", "目标")
# Between two years of a range written apart: 2019年至2023年, 2019—2023.
_RANGE_JOINER = re.compile(r"\s*(?:年)?\s*(?:[至到～~〜\-—–]|to|through|and)\s*")
# A plan's window (2026—2030年): one that begins at or after publication sets targets.
_WINDOW = re.compile(r"((?:19|20)\d\d)\s*年?\s*[至到～~〜\-—–]\s*(?:19|20)\d\d\s*年")
# 由67.5%上升到80.2%: a change from one figure to the next
_UNTIL_AFTER = re.compile(
    r"(?:上升|提高|提升|增长|增加|下降|降低|扩大|缩小|升|增|降|减少)?(?:到|至)"
)
# English for 分别, after the figures it lists.
_ENGLISH_RESPECTIVE = re.compile(r"\b(?:respectively|in turn)\b")


class Undated(Exception):
    """A figure's year cannot be told: the text names no year and no publication date was given."""


class Dating:
    """Years and statuses of an extraction's rows."""

    text: str
    reading: str
    english: bool
    options: Options
    years: list[YearMention]
    published: int | None
    latest: int | None
    carries_years: bool
    title_year: int | None
    sections: dict[int, tuple[int | None, str]]

    def _section_year(self, paragraph: tuple[int, int]) -> int | None:
        """The year of the nearest heading above the paragraph that names one, else the title's."""
        year = self.sections.get(paragraph[0], (None, ""))[0]
        return year if year is not None else self.title_year

    def _section_is_target(self, paragraph: tuple[int, int]) -> str:
        """The target word (目标, 计划) of the nearest heading above the paragraph, or ''."""
        return self.sections.get(paragraph[0], (None, ""))[1]

    def _respective_years(self, sentence: tuple[int, int], rows: list[Row]) -> None:
        """2019年至2023年…分别为6.31%、6.44%…, From 2019 to 2023 … stood at 6.31 percent,
        6.44 percent … in turn: the n-th figure is of the range's n-th year."""
        at = self.reading.find("分别", *sentence)
        english = _ENGLISH_RESPECTIVE.search(self.reading, *sentence) if self.english else None
        if at < 0 and english is None:
            return
        if at >= 0:
            stop = CLAUSE_END.search(self.reading, at, sentence[1])
            end = stop.start() if stop else sentence[1]
            listed = [row for row in rows if at < row.start < end and row.status != "derived"]
            until = at
        else:
            assert english is not None
            listed = [r for r in rows if r.start < english.start() and r.status != "derived"]
            until = listed[0].start if listed else sentence[0]
        # a range's first year follows 从/from, which makes it a base elsewhere
        named = [m for m in self.years if sentence[0] <= m.start < until]
        first = last = None
        for left, right in zip(named, named[1:], strict=False):
            if _RANGE_JOINER.fullmatch(self.reading[left.end : right.start]):
                first, last = left.year, right.year
        ranged = [m for m in named if m.is_range and not m.is_base]
        if first is None and ranged:
            first, last = ranged[-1].first, ranged[-1].year
        if first is None or last is None or len(listed) != last - first + 1:
            return
        for offset, row in enumerate(listed):
            said = phrase("extract.note.respective", year=first + offset, first=first, last=last)
            row.year, row.year_basis = first + offset, "inferred"
            row.note = "; ".join(n for n in (str(said), row.note) if n)
            row.note_zh = "；".join(n for n in (said.text("zh"), row.note_zh) if n)
            row.year_min = row.year_max = row.year

    def _year(
        self,
        paragraph: tuple[int, int],
        sentence: tuple[int, int],
        clause: tuple[int, int],
        figure: Figure,
    ) -> tuple[int, str, str, str, int | None]:
        """(year, year_basis, note, note_zh, where the year is named in the sentence)."""
        if self.english and _INITIAL.search(self.reading, clause[0], figure.start):
            # began in 2020 … with an initial 60 square kilometers: the event's year
            began = [m for m in self.years if sentence[0] <= m.start < figure.start]
            if began:
                said = phrase("extract.note.sentence")
                return began[-1].year, "stated", "", said.text("zh"), began[-1].start
        if self.english:  # 631.62 billion yuan in 2020: English names the year after
            for mention in self.years:
                between = self.reading[figure.end : mention.start]
                if mention.start >= figure.end and len(between) <= 24 and not mention.is_base:
                    if _ENGLISH_YEAR_AFTER.fullmatch(between):
                        said = phrase("extract.note.clause")
                        return mention.year, "stated", "", said.text("zh"), mention.start
        for mention in self.years:
            if mention.is_base and clause[0] <= mention.start < figure.start:
                opened_by = self.reading[max(0, mention.start - 1) : mention.start]
                between = self.reading[mention.end : figure.start]
                # 比2014年的3.6万亿元, 是2010年1579.5亿元的2.2倍: the base year's own figure
                own = opened_by in ("比", "较") and between == "的"
                own = own or (
                    opened_by == "是"
                    and bool(re.fullmatch(r"(?:的|累计|全年)?", between))
                    and bool(re.match(r"的[^，。；]{0,6}?倍", self.reading[figure.end :]))
                )
                if own:
                    said = phrase("extract.note.clause")
                    return mention.year, "stated", "", said.text("zh"), mention.start
        spans = ((clause, "extract.note.clause", True), (sentence, "extract.note.sentence", False))
        # twice the 3.6 trillion yuan recorded in 2014: the year after an English multiple
        # is its base's
        multiple = self.english and figure.unit_suffix == "倍"
        for span, key, following in spans:
            following = following and not multiple
            nearest = _nearest(self.years, *span, figure.start, following, self.reading)
            if nearest is not None and nearest.after:
                words = self.text[nearest.start : nearest.end]
                said = phrase("extract.note.later", words=words, base=nearest.after)
                return nearest.year, "inferred", str(said), said.text("zh"), None
            if nearest is not None and nearest.relative:
                words = self.text[nearest.start : nearest.end]
                said = phrase("extract.note.relative", words=words, year=nearest.year)
                return nearest.year, "inferred", str(said), said.text("zh"), None
            if (
                nearest is not None
                and nearest.is_range
                and self.reading[figure.start - 1 : figure.start] in ("由", "从")
                and _UNTIL_AFTER.match(self.reading, figure.end)
            ):
                # 2010—2015年，比重由67.5%上升到80.2%: the figure 由 opens is the range's start
                said = phrase("extract.note.sentence")
                return nearest.first, "stated", "", said.text("zh"), nearest.start
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
        # 2022年，…。如今，北京拥有…。…占全国总量的43%左右: a now-word after the paragraph's
        # last year dates the sentences that follow it, as it dates its own.
        since = earlier[-1].end if earlier else paragraph[0]
        if (
            self.published is not None
            and not self.english
            and _NOW_OPENING.search(self.reading, since, sentence[0])
        ):
            said = phrase("extract.note.publication", date=self.options.published)
            return self.published, "publication", str(said), said.text("zh"), None
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
        if self.latest is None:  # no year to infer from: a year 0 would be a made-up figure
            raise Undated
        said = phrase("extract.note.latest", year=self.latest)
        return self.latest, "inferred", str(said), said.text("zh"), None

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
        # 预计A增长5.2%，B增长3.1%: an estimate word governs its sentence's list up to a ；
        clause_list = before[before.rfind("；") + 1 :]
        for marker in ESTIMATE_MARKERS:
            if (marker in stretch or marker in clause_list) and not (
                planned and planned.startswith(marker)
            ):
                said = phrase("extract.note.estimate", word=marker)
                return "estimate", str(said), said.text("zh")
        if self.english:
            found = ENGLISH_ESTIMATE.search(before)
            if found:
                said = phrase("extract.note.estimate", word=found.group())
                return "estimate", str(said), said.text("zh")
        heading = self._section_is_target(paragraph)
        if self.published is not None and year < self.published:
            heading = ""  # 今后的主要目标 above 2023年…达到6.73%: a past year sets no target
        if planned is None and heading in TARGET_HEADINGS:
            planned = heading
        window = _WINDOW.search(before)
        if planned is None and window and self.published and int(window[1]) >= self.published:
            planned = window.group()
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
