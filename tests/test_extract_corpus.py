"""The `zgc extract` corpus is well formed: its labels are checked here without extracting.

Every labelled figure occurs verbatim in its text (as often as it is labelled), every
field uses the corpus's vocabularies, every place is known, and a figure written as a
plain number with 万/亿/million/billion... carries the value its words give. None of
this runs the extractor: the held-out part must stay unseen by it until measured.
"""

from __future__ import annotations

import csv
import math
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

CORPUS = REPO_ROOT / "tests" / "fixtures" / "extract"
SHIPPED = REPO_ROOT / "data"

SPLITS = {"dev": "dev", "heldout": "heldout"}  # split -> folder
STYLES = {"bulletin", "news", "government_report", "english_wire"}
SCRIPTS = {"zh": {"simplified", "traditional"}, "en": {"latin"}}
QUALIFIERS = {"exact", "more_than", "nearly", "about", "less_than"}
STATUSES = {"reported", "estimate", "target"}
# The shipped data's units, and those the corpus adds: money in dollars, areas in m2,
# multiples (倍) and counts of times (次), percentage points, and a few counted things.
EXTRA_UNITS = {
    "USD", "m2", "ratio", "times", "percentage_points", "vehicles", "products", "projects",
    "headquarters",
}  # fmt: skip


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


TEXTS = _rows(CORPUS / "texts.csv")
LABELS = _rows(CORPUS / "labels.csv")
UNITS = {row["unit"] for row in _rows(SHIPPED / "metrics.csv")} | EXTRA_UNITS
PLACES = {row["entity"] for row in _rows(SHIPPED / "entities.csv")} | {
    row["entity"] for row in _rows(CORPUS / "entities.csv")
}


def _body(text: dict[str, str]) -> str:
    return (CORPUS / SPLITS[text["split"]] / text["file"]).read_text(encoding="utf-8")


def test_each_text_is_listed_once_with_known_fields() -> None:
    files = [text["file"] for text in TEXTS]
    assert len(files) == len(set(files)), [f for f, n in Counter(files).items() if n > 1]
    for text in TEXTS:
        assert text["split"] in SPLITS, text
        assert text["style"] in STYLES, text
        assert text["script"] in SCRIPTS.get(text["language"], set()), text
        assert text["entity"] in PLACES, text
        date.fromisoformat(text["published"])
        assert (CORPUS / SPLITS[text["split"]] / text["file"]).is_file(), text


def test_every_file_on_disk_is_listed() -> None:
    listed = {(SPLITS[t["split"]], t["file"]) for t in TEXTS}
    # A split's folder is absent while it holds no text (a spent held-out set moved to dev).
    folders = [CORPUS / f for f in SPLITS.values() if (CORPUS / f).is_dir()]
    on_disk = {(p.parent.name, p.name) for folder in folders for p in folder.iterdir()}
    assert on_disk == listed


def test_every_text_has_labels_and_every_label_a_text() -> None:
    labelled = {label["file"] for label in LABELS}
    assert labelled == {text["file"] for text in TEXTS}


def test_labels_use_the_known_vocabularies() -> None:
    for label in LABELS:
        assert label["unit"] in UNITS, label
        assert label["qualifier"] in QUALIFIERS, label
        assert label["status"] in STATUSES, label
        assert label["entity"] in PLACES, label
        assert math.isfinite(float(label["value"])), label
        assert 1900 <= int(label["year"]) <= 2100, label


def test_every_figure_occurs_verbatim_as_often_as_it_is_labelled() -> None:
    for text in TEXTS:
        body = _body(text)
        wanted = Counter(label["figure"] for label in LABELS if label["file"] == text["file"])
        for figure, times in wanted.items():
            assert figure and figure == figure.strip(), (text["file"], figure)
            assert body.count(figure) >= times, (text["file"], figure, times)


def test_the_new_places_do_not_shadow_shipped_ones() -> None:
    shipped = {row["entity"] for row in _rows(SHIPPED / "entities.csv")}
    added = _rows(CORPUS / "entities.csv")
    ids = [row["entity"] for row in added]
    assert len(ids) == len(set(ids)) and not set(ids) & shipped
    for row in added:
        assert row["parent"] in PLACES, row
        assert row["name_zh"] and row["aliases_zh"], row


# --- a plain number's value follows from its words ------------------------------------

_ZH_SCALES = {"": 1, "万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "万亿": 1e12, "萬億": 1e12}
_EN_SCALES = {"": 1, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_ZH_BOUNDS = "约|約|近|接近|将近|將近|超过|超過|突破|不到|不足|不少于|不少於|不低于|不低於"
_ZH_PLAIN = re.compile(
    rf"(?:{_ZH_BOUNDS})?(?P<number>\d+(?:\.\d+)?)(?:余|餘|多)?(?P<scale>万亿|萬億|万|萬|亿|億)?"
    r"(?:余|餘|多)?(?P<rest>[^\d]*)"
)
_EN_PLAIN = re.compile(
    r"(?:about |around |nearly |more than |over )?\$?(?P<number>\d{1,3}(?:,\d{3})*(?:\.\d+)?)"
    r"(?: (?P<scale>million|billion|trillion))?(?P<rest>.*)"
)


def _implied_value(figure: str, language: str) -> float | None:
    """The value a figure's own digits and scale word give, or None if not that plain."""
    if language == "zh":
        match = _ZH_PLAIN.fullmatch(figure)
        if match is None or "分之" in figure:
            return None
        tenths = 10 if match["rest"].startswith("成") else 1  # 四成 is 40 percent
        return float(match["number"]) * _ZH_SCALES[match["scale"] or ""] * tenths
    match = _EN_PLAIN.fullmatch(figure)
    if match is None:
        return None
    return float(match["number"].replace(",", "")) * _EN_SCALES[match["scale"] or ""]


@pytest.mark.parametrize("split", sorted(SPLITS))
def test_plain_figures_carry_the_value_their_words_give(split: str) -> None:
    language = {text["file"]: text["language"] for text in TEXTS if text["split"] == split}
    if not language:
        pytest.skip(f"no {split} text in this tree (a spent held-out set is moved to dev)")
    checked, wrong = 0, []
    for label in LABELS:
        if label["file"] not in language or label["unit"] in {"rank"}:
            continue
        implied = _implied_value(label["figure"], language[label["file"]])
        if implied is None:
            continue
        checked += 1
        if not math.isclose(implied, float(label["value"]), rel_tol=1e-9):
            wrong.append((label["file"], label["figure"], label["value"], implied))
    assert checked > 100 and not wrong, wrong


def test_the_scale_check_reads_the_forms_it_claims() -> None:
    assert _implied_value("3.6万亿元", "zh") == 3.6e12
    assert _implied_value("超過四千億元", "zh") is None
    assert _implied_value("8600餘億元", "zh") == 8.6e11
    assert _implied_value("接近2成", "zh") == 20
    assert _implied_value("不少於28萬人", "zh") == 2.8e5
    assert _implied_value("1,219.24 billion yuan", "en") == pytest.approx(1.21924e12)
    assert _implied_value("more than 3 million kilometers", "en") == 3e6
    assert _implied_value("over a quarter", "en") is None
