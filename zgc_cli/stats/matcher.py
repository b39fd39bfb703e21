"""Find indicators by id, English or Chinese name and description.

One matcher serves ``zgc search`` and the "did you mean" of an unknown id, so a
user who mistypes gets the same answers a search would give. Standard library
only: it ranks a few dozen names, where a fuzzy-matching dependency would buy
nothing.

English terms match whole words, or the start of a word of three letters or more
(``patent`` finds "patents"; ``AI`` never finds "ch*ai*n"); Chinese terms, written
without spaces, match anywhere in a name. A few everyday English words the
indicators' names do not use stand for the words they do (:data:`SYNONYMS`:
``income`` for revenue), at a little less than the word itself would score.

Two rules keep the answers short. A fuzzy match needs three quarters of its
characters in common with an id or name word (one typo in a word of four letters
or more; ``listed`` does not reach ``spaces``). And a hit scoring under half the
best hit's score is dropped: once ``listed`` finds ``listed_firms`` by its id, ids
that merely resemble the word are noise.
"""

from __future__ import annotations

import bisect
import difflib
import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

# Weights of where a query term is found; the best place counts, per term.
EXACT_ID = 100.0
ID_PREFIX = 80.0
ID_WORD = 70.0
NAME_WORD = 60.0
ID_SUBSTRING = 50.0
NAME_SUBSTRING = 45.0
DESCRIPTION = 20.0
FUZZY_SCALE = 40.0
# difflib ratio a fuzzy match needs: one typo in four letters (0.75), not a shared half.
FUZZY_CUTOFF = 0.75
# Hits scoring under this share of the best hit's score are dropped.
RELATIVE_CUTOFF = 0.5
# A shorter English term must be a whole word: "ai" is not the start of "aid".
MIN_PREFIX = 3
# What a synonym's match is worth against the word itself.
SYNONYM_SHARE = 0.9

# Everyday English words for what the indicators' names call otherwise: query word ->
# the names' words. Kept small and literal: each pair means the same thing in these names.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "income": ("revenue",),
    "turnover": ("revenue",),
    "sales": ("revenue",),
    "company": ("firms", "enterprises"),
    "companies": ("firms", "enterprises"),
    "businesses": ("firms", "enterprises"),
    "staff": ("employees",),
    "workers": ("employees",),
    "jobs": ("employees",),
    "scientists": ("researchers",),
    "ipo": ("listed",),
    "ipos": ("listed",),
}


@dataclass(frozen=True)
class Indicator:
    """What the matcher knows of one indicator."""

    metric: str
    name_en: str = ""
    name_zh: str = ""
    description: str = ""
    category: str = ""


def _terms(query: str) -> list[str]:
    """Lower-case terms: words split on spaces, underscores and punctuation."""
    return [term for term in re.split(r"[\s_\-,.;:/]+", query.lower()) if term]


def _words(text: str) -> set[str]:
    """The words of a text: runs of letters and digits ("China's" has "china")."""
    return set(re.findall(r"[^\W_]+", text.lower()))


def _is_chinese(term: str) -> bool:
    """Whether a term is written in wide characters, without spaces between words."""
    return any(unicodedata.east_asian_width(char) in "WF" for char in term)


def _in_words(term: str, words: set[str]) -> bool:
    """A whole word, or the start of one when the term is long enough to mean it."""
    return term in words or (
        len(term) >= MIN_PREFIX and any(word.startswith(term) for word in words)
    )


@functools.lru_cache(maxsize=64)
def _bound(term: str) -> difflib.SequenceMatcher[str]:
    """A matcher holding ``term`` as its second sequence, for the bounds of many candidates."""
    return difflib.SequenceMatcher(None, "", term)


def _fuzzy(term: str, candidates: Iterable[str]) -> float:
    best = 0.0
    # Upper bounds of ratio() first (they are symmetric, so one matcher holding the term
    # serves every candidate): a candidate below the cutoff changes no answer, and
    # thousands of ids (a big file's "did you mean") are mostly far off.
    bound = _bound(term)
    for candidate in candidates:
        bound.set_seq1(candidate)
        if bound.real_quick_ratio() < FUZZY_CUTOFF or bound.quick_ratio() < FUZZY_CUTOFF:
            continue
        best = max(best, difflib.SequenceMatcher(None, term, candidate).ratio())
    return best * FUZZY_SCALE if best >= FUZZY_CUTOFF else 0.0


def _term_score(term: str, indicator: Indicator) -> float:
    """The weight of the best place a term is found, a synonym's a little less."""
    found = _place_score(term, indicator)
    for word in SYNONYMS.get(term, ()):
        found = max(found, SYNONYM_SHARE * _place_score(word, indicator))
    return found


def _place_score(term: str, indicator: Indicator) -> float:
    metric = indicator.metric.lower()
    id_words = _words(metric)
    if term == metric:
        return EXACT_ID
    if _is_chinese(term):
        if term in f"{indicator.name_en} {indicator.name_zh}".lower():
            return NAME_SUBSTRING
        if term in indicator.description.lower() or term in indicator.category.lower():
            return DESCRIPTION
        return 0.0
    if metric.startswith(term) and (term in id_words or len(term) >= MIN_PREFIX):
        return ID_PREFIX
    if term in id_words:
        return ID_WORD
    name_words = _words(indicator.name_en) if indicator.name_en else set()
    if _in_words(term, name_words):
        return NAME_WORD
    if _in_words(term, id_words):
        return ID_SUBSTRING
    if _in_words(term, _words(f"{indicator.description} {indicator.category}")):
        return DESCRIPTION
    # Each distinct candidate once: an id of one word is its own only word.
    return _fuzzy(term, dict.fromkeys([metric, *id_words, *name_words]))


def score(query: str, indicator: Indicator) -> float:
    """How well an indicator matches a query: the mean of its terms' scores.

    Each term scores the weight of the best place it is found (exact id, id
    prefix, ... description, then a fuzzy match), or 0 where it is found nowhere;
    so ``listed firms`` ranks ``listed_firms`` above ids that have only ``firms``.
    A query with no terms, or whose terms all miss, scores 0.
    """
    return _score_terms(query, _terms(query), indicator)


def _score_terms(query: str, terms: list[str], indicator: Indicator) -> float:
    if not terms:
        return 0.0
    per_term = [_term_score(term, indicator) for term in terms]
    if not any(per_term):
        # An id its punctuation splits into no word ("m[/]") still finds itself.
        return EXACT_ID if query.strip().lower() == indicator.metric.lower() else 0.0
    return sum(per_term) / len(terms)


def rank(
    query: str, indicators: Sequence[Indicator], limit: int | None = None
) -> list[tuple[Indicator, float]]:
    """Indicators matching a query, best first, with their scores.

    Only hits scoring at least :data:`RELATIVE_CUTOFF` of the best hit's score are
    kept. Shorter ids win ties, then the alphabet, so ``listed`` finds
    ``listed_firms`` before a longer id that merely contains the word.
    """
    terms = _terms(query)  # once, not once an indicator: a big file has thousands
    scored = [(indicator, _score_terms(query, terms, indicator)) for indicator in indicators]
    best = max((value for _, value in scored), default=0.0)
    floor = best * RELATIVE_CUTOFF
    hits = [(indicator, value) for indicator, value in scored if value > 0 and value >= floor]
    hits.sort(key=lambda pair: (-pair[1], len(pair[0].metric), pair[0].metric))
    return hits[:limit] if limit is not None else hits


def indicators_from(
    metric_ids: Iterable[str], metadata: Mapping[str, Mapping[str, str]] | None = None
) -> list[Indicator]:
    """Matcher entries for ids, with names and descriptions where metadata has them."""
    entries: list[Indicator] = []
    for metric in dict.fromkeys(metric_ids):
        row = (metadata or {}).get(metric, {})
        entries.append(
            Indicator(
                metric=metric,
                name_en=str(row.get("name_en", "") or ""),
                name_zh=str(row.get("name_zh", "") or ""),
                description=str(row.get("description", "") or ""),
                category=str(row.get("category", "") or ""),
            )
        )
    return entries


def suggest(
    wanted: str,
    metric_ids: Iterable[str],
    metadata: Mapping[str, Mapping[str, str]] | None = None,
    limit: int = 3,
) -> list[str]:
    """The ids closest to a mistyped one, best first (the same matcher as ``zgc search``).

    Only the indicators that can score above 0 are scored (:func:`_may_match`): the
    others are never shown and do not move the best score the cutoff is taken from,
    so the answer is :func:`rank`'s over them all, at a fraction of the cost on a
    file of thousands of ids.
    """
    metrics = list(dict.fromkeys(metric_ids))
    rows = metadata or {}
    kept = _may_match(wanted, metrics, rows)
    candidates = indicators_from([metrics[index] for index in kept], rows)
    return [entry.metric for entry, _ in rank(wanted, candidates, limit)]


# Between an indicator's texts in the joined text the pre-filter searches: no term holds it
# (terms are split on white space), and no word runs across it.
_SEPARATOR = "\n"
_WORD = re.compile(r"[^\W_]+")
# What splits a text into words, but the separator.
_WORD_BREAK = re.compile(r"[^\w\n]|_")


def _may_match(
    query: str, metrics: Sequence[str], metadata: Mapping[str, Mapping[str, str]]
) -> list[int]:
    """The positions of the indicators whose :func:`score` may be above 0, in order.

    A superset, never a guess: every place :func:`_place_score` finds a term other
    than by fuzzy match is a part of one of the lower-cased texts it searches, all
    of which are joined here and searched at once; a fuzzy match needs a candidate
    (the id, a word of the id or of the English name) whose difflib ratio with the
    term reaches :data:`FUZZY_CUTOFF` (:func:`_fuzzy_reachable`), and those few
    candidates are then found in the joined ids and names.
    """
    terms = _terms(query)
    if not terms:
        return []
    texts, fuzzy_texts, lowered_ids = _texts(metrics, metadata)
    found: set[int] = set()
    haystack = _Joined(texts)
    fuzzy_haystack = haystack if fuzzy_texts is texts else _Joined(fuzzy_texts)
    pool: list[str] = []
    by_id: dict[str, int] = {}
    for term in terms:
        for word in (term, *SYNONYMS.get(term, ())):
            found.update(haystack.holding(word))
            if _is_chinese(word):
                continue
            if not pool:
                # Each distinct candidate of a fuzzy match once: an id, a word.
                pool = _candidates(lowered_ids, fuzzy_haystack.text)
                by_id = _one_word_ids(texts, lowered_ids)
            reachable = _fuzzy_reachable(word, pool)
            if by_id:  # an indicator's one candidate is its id
                found.update(by_id[candidate] for candidate in reachable)
            else:
                found.update(fuzzy_haystack.holding_any(reachable))
    # An id the query spells whole scores even where its terms score 0 (_score_terms), but
    # those terms are parts of the lower-cased id, so the search above found it already.
    return sorted(found)


def _texts(
    metrics: Sequence[str], metadata: Mapping[str, Mapping[str, str]]
) -> tuple[list[str], list[str], list[str]]:
    """Per indicator: all the lower-cased texts a term is searched in, those a fuzzy
    match's candidates are words of (the same list where no indicator has names), and
    the lower-cased id."""
    wanted = set(metrics)
    if not any(row and metric in wanted for metric, row in metadata.items()):
        # Ids alone, lower-cased in one call: the separator is no cased letter, so the
        # only rule that looks at neighbours (a final Σ) sees each id as on its own.
        joined = _SEPARATOR.join(metrics).lower()
        lowered = joined.split(_SEPARATOR)
        if len(lowered) == len(metrics) and joined.lower() == joined:
            return lowered, lowered, lowered
    texts: list[str] = []
    fuzzy_texts: list[str] = []
    lowered_ids: list[str] = []
    for metric in metrics:
        lowered_id = metric.lower()
        lowered_ids.append(lowered_id)
        again = lowered_id.lower()  # _words lower-cases the lowered id once more
        ids = _SEPARATOR.join((lowered_id, again))
        row = metadata.get(metric) or {}
        name_en = str(row.get("name_en", "") or "")
        name_zh = str(row.get("name_zh", "") or "")
        description = str(row.get("description", "") or "")
        category = str(row.get("category", "") or "")
        # What _place_score searches and the words it splits, each lower-cased as there.
        fuzzy = _SEPARATOR.join((ids, name_en.lower()))
        fuzzy_texts.append(fuzzy)
        parts = (f"{name_en} {name_zh}".lower(), description.lower(), category.lower())
        texts.append(_SEPARATOR.join((fuzzy, *parts, f"{description} {category}".lower())))
    return texts, fuzzy_texts, lowered_ids


def _candidates(lowered_ids: list[str], fuzzy_text: str) -> list[str]:
    """Each distinct candidate of a fuzzy match once: the ids and the words of the texts."""
    if _WORD_BREAK.search(fuzzy_text) is None:  # each line one word (one search tells)
        return list((set(lowered_ids) | set(fuzzy_text.split(_SEPARATOR))) - {""})
    return list(set(lowered_ids) | set(_WORD.findall(fuzzy_text)))


def _one_word_ids(texts: list[str], lowered_ids: list[str]) -> dict[str, int]:
    """Each lower-cased id's position where ids are all there is and each is one word
    (so an indicator's only fuzzy candidate is its id), else nothing."""
    if texts is not lowered_ids or _WORD_BREAK.search(_SEPARATOR.join(texts)) is not None:
        return {}
    by_id = dict(zip(lowered_ids, range(len(lowered_ids)), strict=True))
    return by_id if len(by_id) == len(lowered_ids) else {}


class _Joined:
    """Texts joined by :data:`_SEPARATOR`, searched at C speed for which texts hold a part."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = texts
        self.text = _SEPARATOR.join(texts)

    @functools.cached_property
    def starts(self) -> list[int]:
        """Where each text starts in the joined text (only asked once a part is found)."""
        return list(itertools.accumulate([len(text) + 1 for text in self.texts], initial=0))

    def holding(self, part: str) -> set[int]:
        """The positions of the texts that hold ``part`` (or a text of a separator)."""
        held: set[int] = set()
        position = self.text.find(part)
        while position >= 0:
            held.add(bisect.bisect_right(self.starts, position) - 1)
            position = self.text.find(part, position + 1)
        return held

    def holding_any(self, parts: Sequence[str]) -> set[int]:
        """The positions of the texts that hold any of ``parts``, in one pass of a pattern.

        A match holds no separator, so it lies in one text; and the pass reaches the
        first part in every text that holds one, unless a match in that text began
        earlier: no text is missed.
        """
        alone = [part for part in parts if _SEPARATOR in part or not part]
        held: set[int] = set()
        for part in alone:
            held.update(self.holding(part))
        joinable = sorted(set(parts).difference(alone))
        if joinable:
            pattern = re.compile("|".join(map(re.escape, joinable)))
            starts = self.starts
            held.update(
                bisect.bisect_right(starts, match.start()) - 1
                for match in pattern.finditer(self.text)
            )
        return held


def _fuzzy_reachable(term: str, pool: Sequence[str]) -> list[str]:
    """The candidates whose difflib ratio with ``term`` reaches :data:`FUZZY_CUTOFF`.

    difflib's ratio is 2·M/(a+b) for M matched characters. M is at most the shorter
    length, at most the candidate's characters that occur in the term at all (a
    matched character is in both; one ``str.translate`` of all candidates counts the
    others), and at most the characters both hold counted with repeats: bounds that
    pass over most candidates unscored. The few left are scored as :func:`_fuzzy`
    scores them.
    """
    size = len(term)
    outside = dict.fromkeys(map(ord, set(term)))  # delete the term's characters
    counts = {char: term.count(char) for char in set(term)}
    # By a candidate's length, the most characters outside the term it may hold.
    most: dict[int, int] = {}
    for length in set(map(len, pool)):
        total = size + length
        allowed = [
            rest
            for rest in range(length + 1)
            if 2.0 * min(size, length - rest) / total >= FUZZY_CUTOFF
        ]
        if length and allowed:
            most[length] = max(allowed)
    rests = _SEPARATOR.join(pool).translate(outside).split(_SEPARATOR)
    if len(rests) == len(pool):
        outside_counts: Iterable[int] = map(len, rests)
    else:  # a candidate holds the separator: one at a time
        outside_counts = [len(word.translate(outside)) for word in pool]
    near = [
        word
        for word, length, rest in zip(pool, map(len, pool), outside_counts, strict=True)
        if rest <= most.get(length, -1)
    ]
    reachable: list[str] = []
    for candidate in near:
        total = size + len(candidate)
        common = sum(min(candidate.count(char), count) for char, count in counts.items())
        if 2.0 * common / total < FUZZY_CUTOFF:
            continue
        if difflib.SequenceMatcher(None, term, candidate).ratio() >= FUZZY_CUTOFF:
            reachable.append(candidate)
    return reachable
