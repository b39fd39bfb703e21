"""The indicator matcher behind ``zgc search`` and the "did you mean" of unknown ids."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from zgc_cli.stats.matcher import (
    RELATIVE_CUTOFF,
    Indicator,
    indicators_from,
    rank,
    score,
    suggest,
)

REPO = Path(__file__).resolve().parent.parent

# A few indicators, with the near misses that used to crowd out the answer.
SMALL: list[Indicator] = [
    Indicator("revenue", "Total revenue of firms", "企业总收入", "Total revenue.", "economy"),
    Indicator("listed_firms", "Listed firms", "上市企业数", "Firms listed on exchanges."),
    Indicator("invention_patents", "Valid invention patents held", "有效发明专利拥有量"),
    Indicator(
        "patents_per_10k_people", "Invention patents per 10,000 people", "每万人发明专利拥有量"
    ),
    Indicator("firms_revenue_over_100b", "Firms with revenue over 100 billion CNY", "超千亿元企业"),
    Indicator("national_maker_spaces", "National maker spaces", "国家级众创空间"),
    Indicator("top10_science_advances_share", "Share of China's top-10 science advances"),
    Indicator("registered_large_models", "Registered large models", "备案上线大模型"),
]


@pytest.fixture(scope="module")
def shipped() -> list[Indicator]:
    """The shipped data/indicators.csv, read without pandas."""
    with open(REPO / "data" / "indicators.csv", encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    return indicators_from([row["metric"] for row in rows], {row["metric"]: row for row in rows})


def metrics(hits: list[tuple[Indicator, float]]) -> list[str]:
    return [indicator.metric for indicator, _ in hits]


def assert_no_weak_hits(hits: list[tuple[Indicator, float]]) -> None:
    assert hits, "no hits"
    best = hits[0][1]
    assert all(value >= best * RELATIVE_CUTOFF for _, value in hits), hits
    assert [value for _, value in hits] == sorted((value for _, value in hits), reverse=True)


@pytest.mark.parametrize("source", ["small", "shipped"])
def test_listed_finds_listed_firms_first_without_noise(
    source: str, shipped: list[Indicator]
) -> None:
    indicators = SMALL if source == "small" else shipped
    hits = rank("listed", indicators)
    assert metrics(hits)[0] == "listed_firms"
    assert_no_weak_hits(hits)
    # Ids that merely resemble the word (spaces, advances, models) are noise.
    for noise in (
        "national_maker_spaces",
        "top10_science_advances_share",
        "registered_large_models",
    ):
        assert noise not in metrics(hits)


def test_listed_on_the_shipped_data_is_listed_firms_alone(shipped: list[Indicator]) -> None:
    assert metrics(rank("listed", shipped)) == ["listed_firms"]


@pytest.mark.parametrize("source", ["small", "shipped"])
def test_chinese_query_finds_both_patent_metrics(source: str, shipped: list[Indicator]) -> None:
    hits = rank("专利", SMALL if source == "small" else shipped)
    assert set(metrics(hits)[:2]) == {"invention_patents", "patents_per_10k_people"}
    assert_no_weak_hits(hits)


@pytest.mark.parametrize(
    ("typo", "meant"), [("revenu", "revenue"), ("listd_firms", "listed_firms")]
)
@pytest.mark.parametrize("source", ["small", "shipped"])
def test_typos_get_the_id_suggested_first(
    typo: str, meant: str, source: str, shipped: list[Indicator]
) -> None:
    indicators = SMALL if source == "small" else shipped
    ids = [indicator.metric for indicator in indicators]
    metadata = {
        indicator.metric: {"name_en": indicator.name_en, "name_zh": indicator.name_zh}
        for indicator in indicators
    }
    # As stats.py calls it: suggest(wanted, ids, metadata), and without metadata (entities).
    assert suggest(typo, ids, metadata)[0] == meant
    assert suggest(typo, ids)[0] == meant
    assert len(suggest(typo, ids, metadata)) <= 3


@pytest.mark.parametrize("query", ["", "   ", "_-,."])
def test_empty_query_has_no_hits(query: str, shipped: list[Indicator]) -> None:
    assert rank(query, shipped) == []
    assert rank(query, SMALL) == []
    assert score(query, SMALL[0]) == 0.0
    assert suggest(query, [indicator.metric for indicator in shipped]) == []


def test_unrelated_word_has_no_fuzzy_hits(shipped: list[Indicator]) -> None:
    # unicorn shares 60% of its letters with some name words: not a typo of any.
    assert rank("unicorn", shipped) == []


def test_score_is_the_mean_of_the_terms() -> None:
    listed_firms = SMALL[1]
    assert score("revenue", SMALL[0]) == 100.0  # the exact id
    both = score("listed firms", listed_firms)
    assert both == (score("listed", listed_firms) + score("firms", listed_firms)) / 2
    assert score("listed nothingmatcheshere", listed_firms) == score("listed", listed_firms) / 2


def test_ties_go_to_the_shorter_id() -> None:
    long = Indicator("listed_firms_share", "Listed firms share")
    short = Indicator("listed_firms", "Listed firms")
    hits = rank("listed", [long, short])
    assert hits[0][1] == hits[1][1]
    assert metrics(hits) == ["listed_firms", "listed_firms_share"]


def test_limit_cuts_the_ranking() -> None:
    assert len(rank("firms", SMALL, limit=1)) == 1


# --- English by words, Chinese by substrings; everyday synonyms ---------------------------


def test_a_short_english_term_matches_whole_words_only(shipped: list[Indicator]) -> None:
    hits = metrics(rank("AI", shipped))
    assert hits and all("ai" in indicator_words(shipped, metric) for metric in hits), hits
    assert "blockchain_chip_cores" not in hits  # bl-o-ck-ch-AI-n


def indicator_words(indicators: list[Indicator], metric: str) -> set[str]:
    import re

    entry = next(one for one in indicators if one.metric == metric)
    text = f"{entry.metric} {entry.name_en} {entry.description}".lower()
    return set(re.findall(r"[^\W_]+", text))


def test_a_longer_english_term_matches_the_start_of_a_word() -> None:
    assert set(metrics(rank("patent", SMALL))) == {"invention_patents", "patents_per_10k_people"}


def test_a_chinese_term_matches_inside_a_name() -> None:
    assert metrics(rank("大模型", SMALL)) == ["registered_large_models"]


def test_income_finds_the_revenue_indicators_first(shipped: list[Indicator]) -> None:
    hits = metrics(rank("income", shipped))
    assert hits[0] == "revenue"
    assert set(hits) == {"revenue", "firms_revenue_over_100m", "firms_revenue_over_100b"}
    # A synonym never outranks the word itself.
    assert score("income", SMALL[0]) < score("revenue", SMALL[0])
