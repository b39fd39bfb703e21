"""The "did you mean" pre-filter changes no suggestion: it skips only indicators scoring 0.

``suggest`` scores only the indicators ``_may_match`` lets through; ``rank`` over all
of them is the reference. Both the suggestions and the stronger claim (every
indicator whose full score is above 0 is let through) are checked on random ids
and queries, on a big synthetic id list, and on the shipped names in English and
Chinese.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zgc_cli.model.idscan import folded_ids
from zgc_cli.model.names import normalized
from zgc_cli.stats.matcher import SYNONYMS, _may_match, indicators_from, rank, score, suggest

REPO = Path(__file__).resolve().parent.parent

# Letters that lower-case unusually (Σ's final form, İ to two characters, the Kelvin
# sign, full-width and wide characters), separators the terms split on, and plain ids.
ALPHABET = "ab01x_-. ΣσςİiKK中文专利ｍ０７\n'"
ids_strategy = st.lists(st.text(ALPHABET, min_size=1, max_size=9), min_size=1, max_size=25)


def full_suggestions(
    query: str, ids: list[str], metadata: dict[str, dict[str, str]] | None, limit: int | None
) -> list[str]:
    """What ``suggest`` answered before the pre-filter: every indicator ranked."""
    return [entry.metric for entry, _ in rank(query, indicators_from(ids, metadata), limit)]


def assert_same(query: str, ids: list[str], metadata: dict[str, dict[str, str]] | None) -> None:
    entries = indicators_from(ids, metadata)
    let_through = set(_may_match(query, [entry.metric for entry in entries], metadata or {}))
    scoring = {index for index, entry in enumerate(entries) if score(query, entry) > 0}
    assert scoring <= let_through, query
    ranked = full_suggestions(query, ids, metadata, None)
    for limit in (3, 10):
        assert suggest(query, ids, metadata, limit) == ranked[:limit], query


def typo(word: str, rng: random.Random) -> str:
    """One character inserted, dropped or changed, as a user mistypes."""
    where = rng.randrange(len(word) + 1)
    kind = rng.choice("idc")
    letter = rng.choice("abcdeimnrstx0123456789_")
    if kind == "i" or not word:
        return word[:where] + letter + word[where:]
    where = min(where, len(word) - 1)
    if kind == "d":
        return word[:where] + word[where + 1 :]
    return word[:where] + letter + word[where + 1 :]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ids=ids_strategy, query=st.text(ALPHABET, max_size=12), data=st.data())
def test_random_ids_and_queries(ids: list[str], query: str, data: st.DataObject) -> None:
    names = st.text(ALPHABET, max_size=14)
    metadata = {
        metric: {
            "name_en": data.draw(names),
            "name_zh": data.draw(names),
            "description": data.draw(names),
            "category": data.draw(names),
        }
        for metric in ids
        if data.draw(st.booleans())
    }
    assert_same(query, ids, metadata)
    assert_same(query, ids, None)
    # A query close to an id: a typo of one, or an id itself.
    near = data.draw(st.sampled_from(ids))
    assert_same(near, ids, metadata)
    assert_same(typo(near, random.Random(data.draw(st.integers(0, 10**6)))), ids, metadata)


def test_synonyms_let_their_words_through() -> None:
    ids = ["revenue_total", "firm_count", "staffing", "income_tax"]
    metadata = {"firm_count": {"name_en": "Number of firms", "description": "employees"}}
    for query in [*SYNONYMS, "income firms", "revenu", "sale", "jobs revenue"]:
        assert_same(query, ids, metadata)


@pytest.mark.parametrize(
    "typos", [pytest.param(3, id="default"), pytest.param(12, id="long", marks=pytest.mark.slow)]
)
def test_a_big_id_list(typos: int) -> None:
    """Thousands of ids as the benchmarks' synthetic files name them, and words (the
    slow tier tries more typos)."""
    rng = random.Random(23)
    words = ["patent", "firms", "revenue", "listed", "export", "share", "growth", "rd"]
    ids = [f"m{number:05d}" for number in range(1, 2001)]
    ids += ["_".join(rng.sample(words, rng.randint(1, 3))) + f"_{n}" for n in range(500)]
    queries = [typo(rng.choice(ids), rng) for _ in range(typos)]
    queries += ["zzzzqqq", "m05001x", "patnet", "listed firms", "m0001", "ｍ００４２"]
    for query in queries:
        assert_same(query, ids, None)


@pytest.fixture(scope="module")
def shipped_metadata() -> dict[str, dict[str, str]]:
    with open(REPO / "data" / "indicators.csv", encoding="utf-8", newline="") as file:
        return {row["metric"]: row for row in csv.DictReader(file)}


@pytest.mark.parametrize(
    "sample", [pytest.param(40, id="default"), pytest.param(0, id="all", marks=pytest.mark.slow)]
)
def test_the_shipped_names_in_english_and_chinese(
    shipped_metadata: dict[str, dict[str, str]], sample: int
) -> None:
    ids = list(shipped_metadata)
    rng = random.Random(7)
    queries: list[str] = []
    for metric, row in shipped_metadata.items():
        queries += [metric, typo(metric, rng), row["name_en"], row["name_zh"]]
        queries += [typo(word, rng) for word in row["name_en"].split()[:3]]
        chinese = row["name_zh"]
        if len(chinese) >= 2:
            start = rng.randrange(len(chinese) - 1)
            queries.append(chinese[start : start + 2])
    # A seeded sample keeps the default tier fast; the slow tier asks every query.
    for query in rng.sample(queries, sample) if sample else queries:
        assert_same(query, ids, shipped_metadata)


def test_the_shipped_entities_without_metadata() -> None:
    with open(REPO / "data" / "entities.csv", encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    ids = [row[next(iter(row))] for row in rows]
    rng = random.Random(11)
    for query in [typo(entity, rng) for entity in ids] + ids[:5]:
        assert_same(query, ids, None)


@settings(max_examples=300, deadline=None)
@given(ids=st.lists(st.text("aZ0_- \t\x1c\x00İΣｍ", max_size=6), max_size=8))
def test_the_refusal_folds_ids_as_names_are_compared(ids: list[str]) -> None:
    """The unknown-id refusal folds plain ids in one call, and others one by one, alike."""
    assert folded_ids(ids) == {normalized(each) for each in ids}
    plain = [each for each in ids if each.isascii() and not any(c.isspace() for c in each)]
    assert folded_ids(plain) == {normalized(each) for each in plain}
