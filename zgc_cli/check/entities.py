"""Check that a passage naming a place or body names the row's entity.

The entities table (``entity, name_en, name_zh, kind, parent, aliases_zh``) gives the
words a passage uses for each entity (its aliases and Chinese name). A passage's
*mentions* are those words, longest first (北京智源研究院 is BAAI, not Beijing), less
the words that only frame the figure:

* a comparison base: 占全国, 位居全国, 全国第一, 全国首, 全国前列, 全国最, 全国近一半,
  全国半壁江山, 全国总量 (Beijing is compared with China, it is not China);
* a reference point: 距北京, 北京向南 (a distance from Beijing);
* the location of a wider entity: 在保定, 位于北京 (the row's entity lies in it).

The rule, conservative: where the quote mentions the row's entity, it passes; where the
quote mentions only other entities (wider, narrower or unrelated), it fails, naming
the mention nearest before the figure (else the first after it). A quote that mentions
none is judged by its sentence in the article, when the article is given, the same
way; a passage that mentions none passes.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Mapping
from dataclasses import dataclass

import pandas as pd

from zgc_cli.check.rows import CheckRow, _result, _text
from zgc_cli.phrases import Listed, Named, Phrase, Term, phrase

# Around a mention, the words that make it a comparison base or a reference point.
COMPARED_BEFORE: tuple[str, ...] = ("占据", "占", "位居", "均居", "居", "距离", "距", "离")
COMPARED_AFTER: tuple[str, ...] = (
    "第",
    "首",
    "前列",
    "最",
    "近一半",
    "一半",
    "半壁江山",
    "总量",
    "向东",
    "向南",
    "向西",
    "向北",
    "以外",
    "之外",
)
# Before a mention of a wider entity: where the row's entity lies.
LOCATED_BEFORE: tuple[str, ...] = ("在", "位于")
# Where a sentence ends, for the fallback to a quote's sentence.
SENTENCE_END = re.compile(r"[。！？!?\n◇]|\s{2,}")
# Where a paragraph ends.
PARAGRAPH_END = re.compile(r"[\n◇]|\s{2,}")
# The ``metric`` of the entities table's rows in the report.
ENTITIES = "entities"


@dataclass(frozen=True)
class Mention:
    """Words of a passage that name an entity: where, and which entities they may name."""

    start: int
    end: int
    alias: str
    entities: frozenset[str]


class Entities:
    """The entities table read once: aliases, and each entity's parent."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self.parents: dict[str, str] = {}
        self.aliases: dict[str, set[str]] = {}
        for row in frame.to_dict("records"):
            entity = _text(row.get("entity"))
            if not entity:
                continue
            self.parents.setdefault(entity, _text(row.get("parent")))
            words = _text(row.get("aliases_zh")).split(";") + [_text(row.get("name_zh"))]
            for word in (word.strip() for word in words):
                if word:
                    self.aliases.setdefault(word, set()).add(entity)
        alternation = "|".join(re.escape(a) for a in sorted(self.aliases, key=len, reverse=True))
        self.pattern = re.compile(alternation) if alternation else None

    def __contains__(self, entity: object) -> bool:
        return entity in self.parents

    def ancestors(self, entity: str) -> set[str]:
        """The entity's parent, its parent's parent... (cycles stop the walk)."""
        found: set[str] = set()
        node = self.parents.get(entity, "")
        while node and node not in found and node != entity:
            found.add(node)
            node = self.parents.get(node, "")
        return found

    def mentions(self, text: str, entity: str) -> list[Mention]:
        """The entities ``text`` names for a row of ``entity``, frames left out."""
        if self.pattern is None:
            return []
        wider = self.ancestors(entity)
        found = []
        for match in self.pattern.finditer(text):
            start, end = match.span()
            named = frozenset(self.aliases[match.group()])
            before = text[:start]
            if before.endswith(COMPARED_BEFORE) or text.startswith(COMPARED_AFTER, end):
                continue
            if before.endswith(LOCATED_BEFORE) and named <= wider:
                continue
            found.append(Mention(start, end, match.group(), named))
        return found

    def narrowest(self, text: str, entity: str) -> list[Mention]:
        """The mentions of ``text`` less those of an entity wider than another it names.

        A passage naming the Yizhuang park and the zone it lies in names the park.
        """
        found = self.mentions(text, entity)
        named = {name for mention in found for name in mention.entities}
        wider = {ancestor for name in named for ancestor in self.ancestors(name)}
        return [mention for mention in found if not mention.entities <= wider]


def sentence_of(article: str, quote: str) -> tuple[str, int] | None:
    """The sentence(s) holding the quote's first occurrence, and the quote's offset in it."""
    start = article.find(quote) if quote else -1
    if start < 0:
        return None
    end = start + len(quote)
    ends_before = [match.end() for match in SENTENCE_END.finditer(article, 0, start)]
    first = ends_before[-1] if ends_before else 0
    after = SENTENCE_END.search(article, end)
    last = after.end() if after else len(article)
    return article[first:last], start - first


def _describe(mention: Mention) -> str:
    named = Listed((Term("entity", name) for name in sorted(mention.entities)), "/", quoted=False)
    return phrase("verify.mention", entities=named, alias=mention.alias)


def _judge(
    row: Mapping[Hashable, object], mentions: list[Mention], where: Phrase, position: int
) -> CheckRow | None:
    """Pass when the passage names the entity, fail when it names only others, else None."""
    entity = _text(row.get("entity"))
    for mention in mentions:
        if entity in mention.entities:
            return _result(
                "entity",
                row,
                Term("entity", entity),
                _describe(mention),
                True,
                phrase("verify.names_it", where=where),
            )
    if not mentions:
        return None
    before = [m for m in mentions if m.end <= position]
    nearest = before[-1] if before else mentions[0]
    return _result(
        "entity",
        row,
        Term("entity", entity),
        _describe(nearest),
        False,
        phrase(
            "verify.names_other",
            where=where,
            others=Listed((Term("entity", e) for e in sorted(nearest.entities)), "/", quoted=False),
            entity=Term("entity", entity),
        ),
    )


def _paragraph_before(article: str, quote: str) -> list[str]:
    """The sentences of the quote's paragraph before its sentence, nearest first."""
    start = article.find(quote)
    if start < 0:
        return []
    breaks = [match.end() for match in PARAGRAPH_END.finditer(article, 0, start)]
    first = breaks[-1] if breaks else 0
    sentence_starts = [match.end() for match in SENTENCE_END.finditer(article, first, start)]
    sentences = []
    end = sentence_starts[-1] if sentence_starts else first
    for begin in reversed([first, *sentence_starts[:-1]]):
        if begin < end:
            sentences.append(article[begin:end])
        end = begin
    return sentences


def check_entity(
    row: Mapping[Hashable, object],
    quote: str,
    position: int,
    entities: Entities,
    article_text: str | None = None,
    entity_quote: str | None = None,
) -> list[CheckRow]:
    """The ``entity`` check of one observation; ``position`` is its figure's offset in the quote.

    Where the quote names no place, a non-empty ``entity_quote`` must be verbatim in the
    article and name the entity; without one, the quote's sentence, then the nearest
    earlier sentence of its paragraph that names a place, judge it. When nothing names a
    place, the row passes, unless the data has an ``entity_quote`` column
    (``entity_quote`` not None): then the row needs one.
    """
    entity = _text(row.get("entity"))
    if not entity:
        return []
    if entity not in entities:
        return [_result("entity", row, entity, "", False, phrase("verify.not_in_entities"))]
    context = sentence_of(article_text, quote) if article_text else None
    passage, offset = context if context else (quote, 0)
    mentions = entities.mentions(passage, entity)
    in_quote = [m for m in mentions if offset <= m.start and m.end <= offset + len(quote)]
    judged = _judge(row, in_quote, phrase("verify.the_quote"), offset + position)
    if judged is None and entity_quote:
        return [_check_entity_quote(row, entity_quote, entities, article_text)]
    if judged is None and context is not None:
        judged = _judge(row, mentions, phrase("verify.its_sentence"), offset + position)
    if judged is None and article_text:
        for sentence in _paragraph_before(article_text, quote):
            # The mention nearest the quote is the last of an earlier sentence.
            judged = _judge(
                row, entities.mentions(sentence, entity), phrase("verify.earlier"), len(sentence)
            )
            if judged is not None:
                break
    if judged is None and entity_quote is not None:
        # The data has an entity_quote column: a row whose passage names nobody needs one.
        judged = _result(
            "entity",
            row,
            Term("entity", entity),
            phrase("verify.none"),
            False,
            phrase("verify.needs_entity_quote"),
        )
    if judged is None:
        nobody = phrase("verify.sentence_names_nobody" if context else "verify.names_nobody")
        none = phrase("verify.none")
        judged = _result("entity", row, Term("entity", entity), none, True, nobody)
    return [judged]


def _check_entity_quote(
    row: Mapping[Hashable, object],
    entity_quote: str,
    entities: Entities,
    article_text: str | None,
) -> CheckRow:
    """The entity of a row whose quote names no place, as its entity_quote names it."""
    entity = _text(row.get("entity"))
    term = Term("entity", entity)
    if article_text is not None and entity_quote not in article_text:
        return _result(
            "entity",
            row,
            term,
            entity_quote,
            False,
            phrase("verify.entity_quote_not_in_article"),
        )
    where = phrase("verify.the_entity_quote")
    judged = _judge(row, entities.narrowest(entity_quote, entity), where, len(entity_quote))
    if judged is None:
        return _result(
            "entity",
            row,
            term,
            phrase("verify.none"),
            False,
            phrase("verify.entity_quote_names_nobody"),
        )
    return judged


# The kinds of entity in Chinese, for findings read in Chinese.
KIND_NAMES_ZH: dict[str, str] = {
    "country": "国家",
    "province": "省级行政区",
    "city": "城市",
    "new_area": "新区",
    "zone": "示范区",
    "sub_park": "分园",
    "institution": "机构",
    "event": "活动",
}


def _kind(kind: str) -> Named:
    return Named({"zh": KIND_NAMES_ZH.get(kind) or kind, "en": kind})


def _chain(entities: list[str]) -> str:
    """zgc → beijing → china, each entity named in the reader's language."""
    shown: str = Term("entity", entities[-1])
    for entity in reversed(entities[:-1]):
        shown = phrase("verify.chain_link", child=Term("entity", entity), parent=shown)
    return shown


# Which kinds of entity may be the parent of which: a zone lies in a city, a city in a
# country or province. Kinds not listed here are not judged by kind.
PARENT_KINDS: dict[str, frozenset[str]] = {
    kind: frozenset(parents)
    for kind, parents in {
        "country": (),
        "province": ("country",),
        "city": ("country", "province"),
        "zone": ("city",),
        "sub_park": ("zone", "city", "new_area", "area", "district"),
    }.items()
}


def check_entities_table(frame: pd.DataFrame) -> list[CheckRow]:
    """The ``parent`` check of each entity: its parent is known, of a wider kind, and the
    chain of parents ends without a cycle; and ``alias``: no word names two entities.
    """
    results: list[CheckRow] = []
    if frame.empty or "entity" not in frame.columns:
        return results
    records = [r for r in frame.to_dict("records") if _text(r.get("entity"))]
    kinds = {_text(r.get("entity")): _text(r.get("kind")) for r in records}
    parents = {_text(r.get("entity")): _text(r.get("parent")) for r in records}
    owners: dict[str, set[str]] = {}
    for record in records:
        entity = _text(record.get("entity"))
        words = _text(record.get("aliases_zh")).split(";") + [_text(record.get("name_zh"))]
        for word in {word.strip() for word in words if word.strip()}:
            owners.setdefault(word, set()).add(entity)
    for record in records:
        entity = _text(record.get("entity"))
        row: dict[Hashable, object] = {"metric": ENTITIES, "entity": entity}
        parent = parents[entity]
        chain = [entity]
        node = parent
        while node and node in parents and node not in chain:
            chain.append(node)
            node = parents[node]
        shown = _chain([*chain, node] if node else chain)
        allowed = PARENT_KINDS.get(kinds[entity])
        detail: str
        if parent and parent not in parents:
            detail = phrase("verify.parent_unknown", parent=parent)
        elif node:
            detail = phrase("verify.parent_cycle", entity=node)
        elif allowed is not None and (kinds.get(parent, "") if parent else "") not in (
            allowed or {""}
        ):
            detail = phrase(
                "verify.parent_kind",
                kind=_kind(kinds[entity]),
                parent_kind=_kind(kinds.get(parent, "")) if parent else phrase("verify.none"),
            )
        else:
            results.append(
                _result(
                    "parent", row, phrase("verify.chain"), shown, True, phrase("verify.chain_ok")
                )
            )
            continue
        results.append(_result("parent", row, phrase("verify.chain"), shown, False, detail))
    for word, named in sorted(owners.items()):
        if len(named) < 2:
            continue
        for entity in sorted(named):
            row = {"metric": ENTITIES, "entity": entity}
            results.append(
                _result(
                    "alias",
                    row,
                    phrase("verify.one_entity"),
                    Listed((Term("entity", name) for name in sorted(named)), quoted=False),
                    False,
                    phrase("verify.alias_collides", alias=word),
                )
            )
    return results
