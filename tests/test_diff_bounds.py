"""zgc diff where a figure is a bound or an interval: never compared or shown by its point.

突破14万 → 突破30万 reads as +114% by the points, yet the words allow any change from
−100% up: the count may not have moved. The largest revision is then ranked by the
least change the two figures' strict intervals allow, and the summary says so.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from zgc_cli.model.dataset import Dataset
from zgc_cli.present.number_bounds import bounds_of
from zgc_cli.present.views.diff import diff_layout, summary_line
from zgc_cli.stats.diff import DiffResult, diff_of
from zgc_cli.words import Language

HEADER = "metric,entity,year,value,unit,status,qualifier,figure,year_basis,note,low,high"
EXACT_OLD = "m,zgc,2023,100,firms,reported,exact,100家,stated,,,"
EXACT_NEW = "m,zgc,2023,110,firms,reported,exact,110家,stated,,,"
BOUND_OLD = "p,zgc,2020,140000,patents,reported,more_than,突破14万件,stated,,,"
# A derived figure with the interval of its operands (279万 / 1.5).
DERIVED_OLD = "e,zgc,2013,1860000,persons,derived,about,1.5倍,stated,,1796774.19,1927586.21"
DERIVED_NEW = "e,zgc,2013,2000000,persons,reported,exact,200万人,stated,,,"


def _diff(tmp_path: Path, old: list[str], new: list[str]) -> DiffResult:
    sets = []
    for name, rows in (("old", old), ("new", new)):
        folder = tmp_path / name
        folder.mkdir()
        path = folder / "metrics.csv"
        path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
        sets.append(Dataset.open(str(path)))
    return diff_of(sets[0], sets[1])


def _largest_metric(result: DiffResult) -> str:
    assert result.largest >= 0
    return str(result.frame.iloc[result.largest]["metric"])


@pytest.mark.parametrize("lang", [Language.en, Language.zh])
def test_a_bound_revision_is_not_ranked_by_its_point(tmp_path: Path, lang: Language) -> None:
    # By the points, 突破14万 → 突破30万 (+114%) would outrank 100 → 110 (+10%).
    bound_new = "p,zgc,2020,300000,patents,reported,more_than,突破30万件,stated,,,"
    result = _diff(tmp_path, [EXACT_OLD, BOUND_OLD], [EXACT_NEW, bound_new])
    assert _largest_metric(result) == "m"
    assert result.largest_by == "least_change" and result.bounded_revisions == 1
    summary = summary_line(result, lang)
    assert "114" not in summary  # the bound's point change is said nowhere
    how = "ranked by the least change" if lang is Language.en else "所允许的最小变化排序"
    assert how in summary


@pytest.mark.parametrize("lang", [Language.en, Language.zh])
def test_no_revision_is_named_largest_where_the_words_allow_no_change(
    tmp_path: Path, lang: Language
) -> None:
    bound_new = "p,zgc,2020,150000,patents,reported,more_than,突破15万件,stated,,,"
    result = _diff(tmp_path, [BOUND_OLD], [bound_new])
    assert result.largest == -1 and result.largest_by == "none_certain"
    summary = summary_line(result, lang)
    assert "+7.1%" not in summary  # 15万 / 14万 − 1: a point the words do not give
    assert ("no largest revision" if lang is Language.en else "无法确定最大修订") in summary


def test_revisions_between_points_are_still_ranked_by_their_points(tmp_path: Path) -> None:
    other_old = "n,zgc,2023,200,firms,reported,exact,200家,stated,,,"
    other_new = "n,zgc,2023,260,firms,reported,exact,260家,stated,,,"
    result = _diff(tmp_path, [EXACT_OLD, other_old], [EXACT_NEW, other_new])
    assert _largest_metric(result) == "n" and result.largest_by == "point"
    first = summary_line(result, Language.en).split("\n")[0]
    assert first.endswith("; largest revision n (zgc) 2023 +30.0%")


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (Language.en, "2 change(s) unexplained: 2 revised"),
        (Language.zh, "2 处变化无法解释：修订 2 处"),
    ],
)
def test_the_summary_says_which_changes_no_note_explains(
    tmp_path: Path, lang: Language, said: str
) -> None:
    # Two revisions without a note, one with: zgc diff exits 1, and the summary says why.
    explained_old = "k,zgc,2023,5,firms,reported,exact,5家,stated,,,"
    explained_new = "k,zgc,2023,6,firms,reported,exact,6家,stated,counted again,,"
    other_old = "n,zgc,2023,200,firms,reported,exact,200家,stated,,,"
    other_new = "n,zgc,2023,260,firms,reported,exact,260家,stated,,,"
    result = _diff(
        tmp_path, [EXACT_OLD, other_old, explained_old], [EXACT_NEW, other_new, explained_new]
    )
    assert result.unexplained == 2
    assert summary_line(result, lang).split("\n")[1] == said


@pytest.mark.parametrize("lang", [Language.en, Language.zh])
def test_a_derived_figure_and_its_change_show_their_intervals(
    tmp_path: Path, lang: Language
) -> None:
    result = _diff(tmp_path, [DERIVED_OLD], [DERIVED_NEW])
    assert result.largest_by == "least_change"
    table = diff_layout(result, lang)
    old_cell, change_cell = table.rows[0][2].text, table.rows[0][4].text
    # The derived figure as its interval (not 1.86 million / 186万, nor its operand 1.5倍).
    assert "…" in old_cell and old_cell.endswith("^") and "倍" not in old_cell
    assert "…" in change_cell  # its change too: +3…+12%, never +7.5%
    row = result.frame.iloc[0].to_dict()
    bounds = bounds_of(row, "change_pct")
    assert bounds is not None and bounds.low is not None and bounds.low > 0
    # The legend explains the marks of both sides: ^ derived on the old one.
    legend = " ".join(" ".join(note.parts) for note in table.notes)
    assert ("^ derived" if lang is Language.en else "^ 推算值") in legend
