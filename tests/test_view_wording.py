"""What the views say: tolerance headings, whole words and names, titles, qualifier words."""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console

from zgc_cli import stats
from zgc_cli.model.dataset import Dataset
from zgc_cli.present.tables import print_renderables
from zgc_cli.present.views import render
from zgc_cli.words import Language, message, titled


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return Dataset.open()


def _printed(result: object, lang: Language, width: int) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None)
    print_renderables(console, render(result, lang, width))  # type: ignore[arg-type]
    return console.file.getvalue()  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", list(Language))
def test_tolerance_headings_say_the_reach_and_cells_their_own_year(
    dataset: Dataset, lang: Language
) -> None:
    comparison = stats.comparison(dataset, 2013, 2023, tolerance=1)
    text = _printed(comparison, lang, 160)
    assert "2013 ±1" in text and "2023 ±1" in text
    for row in comparison.frame.to_dict("records"):
        for end, asked in (("from", 2013), ("to", 2023)):
            if row[f"year_{end}"] != asked:
                assert f"({row[f'year_{end}']})" in text, row["metric"]
    # A year of its own is said only where it differs from the heading's.
    assert "(2013)" not in text and "(2023)" not in text


def test_timeline_breaks_between_words_only_at_60(dataset: Dataset) -> None:
    timeline = stats.timeline(dataset)
    text = _printed(timeline, Language.en, 60)
    words = {
        word
        for event in timeline.frame["event_en"].astype(str)
        for word in re.findall(r"[A-Za-z]{4,}", event)
    }
    shown = set(re.findall(r"[A-Za-z]+", text))
    assert "demonstration" in words
    assert not {word for word in words if word not in shown}


def test_a_citations_names_stay_whole(dataset: Dataset) -> None:
    sources = stats.sources(dataset, "revenue")
    for width in range(40, 90):
        lines = _printed(sources, Language.zh, width).splitlines()
        for name in ("郭奔胜", "王明浩", "尚前名", "张漫子"):
            assert any(name in line for line in lines), (width, name)


def test_a_name_in_brackets_takes_its_unit_without_a_second_pair() -> None:
    assert titled("Listed firms (cumulative)", "firms", Language.en).count("(") == 1
    assert titled("Revenue", "CNY", Language.en) == "Revenue (CNY)"
    assert titled("累计上市企业数（中关村）", "家", Language.zh).count("（") == 1


def test_the_exact_qualifier_does_not_read_as_the_opposite_of_an_estimate() -> None:
    for lang in Language:
        said = message("label.exact", lang)
        assert said not in ("exact", "确数") and message("label.estimate", lang) not in said
        assert "exact" not in said and "确" not in said
