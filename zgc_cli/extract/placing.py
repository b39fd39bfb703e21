"""The place rules of :class:`zgc_cli.extract.core.Extraction` (its mixin).

``entity``: the place or body the figure's sentence names nearest before it (else after
it), leaving out comparison bases and reference points and the place something lies in
when another is named; a kind word (本市, the region, 开发区) names the place of that kind
named last; else the nearest earlier in the paragraph (its sentence in ``entity_quote``),
else the topic of the paragraph before, else ``--entity``. 分别 after listed places
gives each listed figure its place.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from zgc_cli.extract.passages import CLAUSE_END, SENTENCE_END, PlaceMention, pieces
from zgc_cli.extract.rules import _KIND_WORDS, Options, Row, _place
from zgc_cli.model.figures import Figure

# 47 came from Zhongguancun; nearly 40% of China's AI firms are in Beijing (the share's
# whole, named with "of", may stand between).
_FROM_PLACE = re.compile(
    r"\s+(?:of\s+[^,.;]{1,40}?\s+)?(?:came|come|were|was|are|is|had|have|has)\s+"
    r"(?:[a-z]+\s+){0,2}?(?:from|in|based in|by)\s+"
)

# After a count: the place its things came from (…13次商业发射，全部来自北京).
# Across a comma only with 全部/均/都, which make the counted things the subject (出自中关村
# 的大模型有47款 after 107款 is a part of them, not where they came from).
_CAME_FROM = re.compile(
    r"[^，。；！？]{0,12}?(?:[，,]\s*(?:全部|均|都|全)|(?:全部|均|都|全)?)(?:来自|出自|源自)"
)


class Placing:
    """Places of an extraction's rows."""

    text: str
    reading: str
    english: bool
    options: Options
    places: list[PlaceMention]
    titled_places: list[tuple[PlaceMention, tuple[int, int]]]
    paragraphs: list[tuple[int, int]]
    headings: list[bool]
    carried: dict[int, tuple[str, str] | None]
    figure_ends: set[int]

    def _clause(self, sentence: tuple[int, int], figure: Figure) -> tuple[int, int]:
        raise NotImplementedError

    def _respective_places(self, sentence: tuple[int, int], rows: list[Row]) -> None:
        """中关村科学城、亦庄新城的…分别增长20.8%和117.8%: the n-th figure is of the n-th place."""
        at = self.reading.find("分别", *sentence)
        if at < 0:
            return
        opened = max(
            [sentence[0], *(m.end() for m in CLAUSE_END.finditer(self.reading, sentence[0], at))]
        )
        named = [m for m in self.places if opened <= m.start and m.end <= at and not m.framed]
        # 中关村科学城、亦庄新城: a name's rest (科学城) may stand before the joiner
        joined = all(
            re.fullmatch(r"[\u4e00-\u9fff]{0,5}?(?:和|与|及|、|以及)|,? and ", between)
            for between in (
                self.reading[left.end : right.start]
                for left, right in zip(named, named[1:], strict=False)
            )
        )
        stop = CLAUSE_END.search(self.reading, at, sentence[1])
        end = stop.start() if stop else sentence[1]
        listed = [row for row in rows if at < row.start < end and row.status != "derived"]
        if len(named) < 2 or not joined or len(listed) != len(named):
            return
        for mention, row in zip(named, listed, strict=True):
            row.entity, row.entity_quote = mention.entity, ""

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
                if 0 <= len(between) <= 72 and _FROM_PLACE.fullmatch(between):
                    return place.entity, "", place.start, place.end
        came_from = _CAME_FROM.match(self.reading, figure.end)
        if came_from is not None:  # 13次商业发射，全部来自北京: where they came from
            named = [m for m in self.places if m.start == came_from.end() and not m.framed]
            if named:
                return named[0].entity, "", named[0].start, named[0].end
        if not self.english:
            # 100余项北京科技成果供给清单和80余项津冀…: a place opening the figure's own noun
            # is its place, and no other figure's
            own = [m for m in self.places if m.start == figure.end and not m.framed]
            if own:
                return own[0].entity, "", own[0].start, own[0].end
        others = [m for m in self.places if m.start not in self.figure_ends]
        mention, where = _place(others, *sentence, figure.start, self.reading)
        kind_word = self._kind_word(sentence[0], figure.start)
        if kind_word is None and self.english and mention is None:
            # In English the kind word may follow the figure (Three policies… by the area).
            kind_word = self._kind_word(sentence[0], sentence[1])
        if (
            mention is not None
            and where == "before"
            and "其中" in self.reading[mention.end : figure.start]
        ):
            # 全国已有24家…，其中10家企业总部设在北京: the part's own place, after it
            clause = self._clause(sentence, figure)
            part = [
                m
                for m in self.places
                if figure.end <= m.start and m.end <= clause[1] and not m.framed
            ]
            if part:
                return part[0].entity, "", part[0].start, part[0].end
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
                # 全市 in a district's report: the city the district is in
                city = self.options.places.city_of(self.options.default_entity)
                return city, "", None, 0
        for earlier in reversed(pieces(SENTENCE_END, self.reading, paragraph[0], sentence[0])):
            mention, _ = _place(self.places, *earlier, earlier[0], self.reading)
            if mention is not None:
                return mention.entity, self.text[earlier[0] : earlier[1]].strip(), None, 0
        carried = self._carried(paragraph)
        if carried is not None:
            return carried[0], carried[1], None, 0
        return self.options.default_entity, "", None, 0

    def _kind_word(self, start: int, end: int) -> tuple[str, ...] | None:
        """The kinds of place a kind word in ``reading[start:end]`` names (本市: city)."""
        # Two characters past the end let a kind word see what follows it (保持全市第一).
        said = self.reading[start : end + 2].lstrip()
        said_before = len(said) - len(self.reading[end : end + 2])
        return next(
            (
                kinds
                for words, kinds in _KIND_WORDS
                if any(m.end() <= said_before for m in words.finditer(said))
            ),
            None,
        )

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
