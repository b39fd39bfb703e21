"""Exact renders of the search, source, verify and export views (80 columns, no colour).

Each input is a small in-memory Dataset, so a render changes only when a view does.
The series, compare and catalog views are in tests/test_render.py.
"""

# ruff: noqa: E501 - a few frozen renders are wider than a source line: tables never cut numbers

from __future__ import annotations

import dataclasses
import io

import pandas as pd
import pytest
from rich.console import Console

from zgc_cli import check, stats
from zgc_cli.model.dataset import Dataset, Publication
from zgc_cli.present import views
from zgc_cli.present.tables import print_renderables
from zgc_cli.words import Language, message

ID_COLUMNS = ("metric", "entity", "unit", "status", "qualifier")


def observations(text: str) -> pd.DataFrame:
    """A frame as the loader gives it: ids as categories, int16 years, every column."""
    dtypes = dict.fromkeys(ID_COLUMNS, "category") | {"year": "int16", "value": "float64"}
    return pd.read_csv(io.StringIO(text), dtype=dtypes, keep_default_na=False)


OBSERVATIONS = observations(
    """\
metric,entity,year,value,unit,status,qualifier,quote,note
revenue,zgc,2014,3600000000000,CNY,reported,exact,企业总收入从2014年的3.6万亿元,
revenue,zgc,2023,8600000000000,CNY,estimate,exact,提高到2023年的预计8.6万亿元,预计: an estimate for 2023
invention_patents,zgc,2020,140000,patents,reported,more_than,突破14万件,
invention_patents,zgc,2023,260000,patents,reported,more_than,,
patents_per_10k_people,beijing,2023,262.9,patents,reported,exact,262.9件,
employees,zgc,2013,1860000,persons,derived,exact,是2013年的1.5倍,2790000 / 1.5
employees,zgc,2022,2790000,persons,reported,exact,279万人,
"""
)
INDICATORS = pd.DataFrame(
    {
        "metric": ["revenue", "invention_patents", "patents_per_10k_people", "employees"],
        "name_en": [
            "Total revenue of firms",
            "Valid invention patents held",
            "Invention patents per 10,000 people",
            "Employees",
        ],
        "name_zh": ["企业总收入", "有效发明专利拥有量", "每万人发明专利拥有量", ""],
        "unit": ["CNY", "patents", "patents", "persons"],
        "category": ["economy", "innovation", "innovation", "talent"],
        "description": ["", "", "", ""],
    }
)
PUBLICATION = Publication(
    title="中关村：创新之路", publisher="瞭望", date="2024-04", authors="A. Writer"
)


def rendered(renderables, width: int = 80) -> str:  # noqa: ANN001 - Rich renderables
    console = Console(file=io.StringIO(), width=width, color_system=None)
    print_renderables(console, renderables)
    text = console.file.getvalue()  # type: ignore[attr-defined]
    return "\n".join(line.rstrip() for line in text.splitlines())


def dataset(publication: Publication | None = None) -> Dataset:
    data = Dataset.from_frame(OBSERVATIONS, INDICATORS)
    # from_frame has no publication: set the cached property as a loaded source would.
    data.publication = publication
    return data


# --- search -----------------------------------------------------------------------------


def test_search_view_in_english() -> None:
    result = stats.search(dataset(), "patents")
    assert rendered(views.render(result, Language.en, 80)) == (
        "\n"
        " Indicator                             Category     Unit\n"
        " ──────────────────────────────────────────────────────────\n"
        " Invention patents per 10,000 people   Innovation   patents\n"
        " patents_per_10k_people\n"
        " Valid invention patents held          Innovation   patents\n"
        " invention_patents\n"
    )


def test_search_view_in_chinese_falls_back_to_the_english_name() -> None:
    patents = stats.search(dataset(), "专利")
    assert rendered(views.render(patents, Language.zh, 80)) == (
        "\n"
        " 指标                     类别   单位\n"
        " ────────────────────────────────────\n"
        " 有效发明专利拥有量       创新   件\n"
        " invention_patents\n"
        " 每万人发明专利拥有量     创新   件\n"
        " patents_per_10k_people\n"
    )
    employees = stats.search(dataset(), "employees")
    assert rendered(views.render(employees, Language.zh, 80)) == (
        "\n 指标        类别   单位\n ───────────────────────\n Employees   人才   人\n employees\n"
    )


def test_search_view_on_a_narrow_terminal_wraps_names_and_keeps_ids_whole() -> None:
    result = stats.search(dataset(), "patents")
    # The unit (no figure here to go with) is left out before an id would be cut.
    assert rendered(views.render(result, Language.en, 40), width=40) == (
        "\n"
        " Indicator                   Category\n"
        " ──────────────────────────────────────\n"
        " Invention patents per       Innovation\n"
        " 10,000 people\n"
        " patents_per_10k_people\n"
        " Valid invention patents     Innovation\n"
        " held\n"
        " invention_patents\n"
    )


# --- source -----------------------------------------------------------------------------


def test_source_view_in_english() -> None:
    result = stats.sources(dataset(PUBLICATION), "revenue")
    assert rendered(views.render(result, Language.en, 80)) == (
        "Total revenue of firms · zgc · 2014: 3.6 trillion CNY (reported)\n"
        "  “企业总收入从2014年的3.6万亿元”\n"
        "Total revenue of firms · zgc · 2023: 8.6 trillion CNY* (estimate)\n"
        "  “提高到2023年的预计8.6万亿元”\n"
        "  note: 预计: an estimate for 2023\n"
        "Source: 瞭望; 2024-04; 中关村：创新之路; A. Writer\n"
        "* estimate"
    )


def test_source_view_in_chinese() -> None:
    result = stats.sources(dataset(PUBLICATION), "revenue")
    assert rendered(views.render(result, Language.zh, 80)) == (
        "企业总收入 · zgc · 2014：3.6万亿元（原文数据）\n"
        "  “企业总收入从2014年的3.6万亿元”\n"
        "企业总收入 · zgc · 2023：8.6万亿元*（预计值）\n"
        "  “提高到2023年的预计8.6万亿元”\n"
        "  说明：预计: an estimate for 2023\n"
        "来源：瞭望；2024-04；中关村：创新之路；A. Writer\n"
        "* 预计值"
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            Language.en,
            (
                "Valid invention patents held · zgc · 2020: >140,000 patents (reported, more\n"
                "than)\n"
                "  “突破14万件”\n"
                "Valid invention patents held · zgc · 2023: >260,000 patents (reported, more\n"
                "than)\n"
                "  (no quote: unsourced)\n"
                "> more than"
            ),
        ),
        (
            Language.zh,
            (
                "有效发明专利拥有量 · zgc · 2020：>14万件（原文数据，超过）\n"
                "  “突破14万件”\n"
                "有效发明专利拥有量 · zgc · 2023：>26万件（原文数据，超过）\n"
                "  （无原文：无出处）\n"
                "> 超过"
            ),
        ),
    ],
)
def test_source_view_marks_bounds_and_says_when_there_is_no_quote(
    lang: Language, expected: str
) -> None:
    # No publication: no Source line.
    result = stats.sources(dataset(), "invention_patents")
    assert rendered(views.render(result, lang, 80)) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            Language.en,
            (
                "Employees · zgc · 2013: 1.86 million persons^ (derived)\n"
                "  “是2013年的1.5倍”\n"
                "  note: 2790000 / 1.5\n"
                "Source: 瞭望; 2024-04; 中关村：创新之路; A. Writer\n"
                "^ derived by zgc"
            ),
        ),
        (
            Language.zh,
            (
                "Employees · zgc · 2013：186万人^（推算值）\n"
                "  “是2013年的1.5倍”\n"
                "  说明：2790000 / 1.5\n"
                "来源：瞭望；2024-04；中关村：创新之路；A. Writer\n"
                "^ 推算值"
            ),
        ),
    ],
)
def test_source_view_of_one_year_of_a_derived_figure(lang: Language, expected: str) -> None:
    result = stats.sources(dataset(PUBLICATION), "employees", 2013)
    assert rendered(views.render(result, lang, 80)) == expected


# --- verify -----------------------------------------------------------------------------

# 2012's quote says 6 where the row says 5: one failure; 2022 passes every check.
CHECKED = observations(
    """\
metric,entity,year,value,unit,status,qualifier,quote,note
firms,zgc,2012,5,firms,reported,exact,有6家,
firms,zgc,2022,11,firms,reported,exact,达到11家,
"""
)


def verify_report():  # noqa: ANN201 - a VerifyReport
    report = check.run(Dataset.from_frame(CHECKED))
    assert report.counts == {"pass": 4, "definitional": 0, "fail": 1, "unsourced": 1}
    assert report.failed
    # The frame has no figure column: verify says so once, last; the views below show
    # the checks of the rows.
    assert report.frame["check"].iloc[-1] == "figure"
    rows = report.frame.iloc[:-1]
    return dataclasses.replace(report, frame=rows, counts={**report.counts, "unsourced": 0})


def test_verify_view_with_room_for_every_column() -> None:
    # A series' label (name · entity; ids here, the frame has no names) on its first check only.
    assert rendered(views.render(verify_report(), Language.en, 120), width=120) == (
        "\n"
        " Result   Check       Metric        Year   Expected   Found                Detail\n"
        " ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────\n"
        " fail     value       firms · zgc   2012   5          6家 = 6 (unhedged)   no figure in the quote equals the value\n"
        " pass     value                     2022   11         11家                 the quote states the value\n"
        " pass     qualifier                 2022   unhedged   unhedged (11家)      the wording gives this qualifier\n"
        " pass     status                    2022   reported   reported             the wording agrees with the status\n"
        " pass     unit                      2022   firms      家 (11家)            家 reads as firms\n"
    )


def test_verify_view_at_80_columns_stacks_each_check_with_its_detail() -> None:
    renderables = views.render(verify_report(), Language.en, 80)
    # The series' name, then each check's result line (coloured) and its detail.
    assert [row.style for row in renderables[0].rows] == [
        None,
        "bold red",
        None,
        *["green", None] * 4,
    ]
    assert rendered(renderables) == (
        "\n"
        " Result   Check       Expected → found\n"
        " ────────────────────────────────────────────────────────────\n"
        "                      firms · zgc\n"
        " fail     value       2012: 5 → 6家 = 6 (unhedged)\n"
        "                      no figure in the quote equals the value\n"
        " pass     value       2022: 11 → 11家\n"
        "                      the quote states the value\n"
        " pass     qualifier   2022: unhedged → unhedged (11家)\n"
        "                      the wording gives this qualifier\n"
        " pass     status      2022: reported → reported\n"
        "                      the wording agrees with the status\n"
        " pass     unit        2022: firms → 家 (11家)\n"
        "                      家 reads as firms\n"
    )


def test_verify_view_on_a_narrow_terminal_stacks_within_its_width() -> None:
    assert rendered(views.render(verify_report(), Language.en, 60), width=60) == (
        "\n"
        " Result   Check       Expected → found\n"
        " ──────────────────────────────────────────────────────────\n"
        "                      firms · zgc\n"
        " fail     value       2012: 5 → 6家 = 6 (unhedged)\n"
        "                      no figure in the quote equals the\n"
        "                      value\n"
        " pass     value       2022: 11 → 11家\n"
        "                      the quote states the value\n"
        " pass     qualifier   2022: unhedged → unhedged (11家)\n"
        "                      the wording gives this qualifier\n"
        " pass     status      2022: reported → reported\n"
        "                      the wording agrees with the status\n"
        " pass     unit        2022: firms → 家 (11家)\n"
        "                      家 reads as firms\n"
    )


def test_verify_view_in_chinese() -> None:
    # Results, checks, qualifiers, statuses, units and details in Chinese; ids only where
    # the data has no name (this frame has no indicators or entities table).
    assert rendered(views.render(verify_report(), Language.zh, 80)) == (
        "\n"
        " 结果   检查项     指标          年份   应为       实际            说明\n"
        " ──────────────────────────────────────────────────────────────────────────────\n"
        " 不符   数值       firms · zgc   2012   5          6家 = 6（无限   原文中没有与\n"
        "                                                   定词）          数值相等的数\n"
        "                                                                   字\n"
        " 通过   数值                     2022   11         11家            原文写明了此\n"
        "                                                                   数值\n"
        " 通过   限定词                   2022   无限定词   无限定词        原文措辞与此\n"
        "                                                   （11家）        限定一致\n"
        " 通过   数据性质                 2022   原文数据   原文数据        原文措辞与数\n"
        "                                                                   据性质一致\n"
        " 通过   单位                     2022   家         家（11家）      单位用语“家”\n"
        "                                                                   与单位相符\n"
    )


# --- export -----------------------------------------------------------------------------


def test_export_view_writes_the_exact_machine_numbers_in_any_language() -> None:
    frame = OBSERVATIONS.drop(columns=["quote", "note"])
    frame["value"] = [3.6e12, 8.6e12, 140000.0, 260000.0, 262.9, 0.1 + 0.2, -11.0]
    data = Dataset.from_frame(frame, INDICATORS)
    result = stats.observations(data, metrics=["revenue", "employees"], entities=["zgc"])
    text = rendered(views.render(result, Language.en, 80))
    assert text == (
        "\n"
        " metric      entity   year                 value   unit      status\n"
        " ────────────────────────────────────────────────────────────────────\n"
        " revenue     zgc      2014         3600000000000   CNY       reported\n"
        " revenue     zgc      2023         8600000000000   CNY       estimate\n"
        " employees   zgc      2013   0.30000000000000004   persons   derived\n"
        " employees   zgc      2022                   -11   persons   reported\n"
    )
    # At 120 columns nothing is left out: every column of the file, as written.
    assert "qualifier" in rendered(views.render(result, Language.en, 120), width=120)
    assert rendered(views.render(result, Language.zh, 80)) == text


def test_export_view_keeps_the_files_columns_and_wraps_its_text_between_numbers() -> None:
    result = stats.observations(dataset(), metrics=["revenue"])
    # At 120 columns every column of the file; the passage wraps, 3.6万亿元 stays whole.
    assert rendered(views.render(result, Language.en, 120), width=120) == (
        "\n"
        " metric    entity   year           value   unit   status     qualifier   quote                    note\n"
        " ──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────\n"
        " revenue   zgc      2014   3600000000000   CNY    reported   exact       企业总收入从2014年的\n"
        "                                                                         3.6万亿元\n"
        " revenue   zgc      2023   8600000000000   CNY    estimate   exact       提高到2023年的预计       预计: an estimate for\n"
        "                                                                         8.6万亿元                2023\n"
    )
    # At 80 the passage and the note are left out (--format csv has them), numbers whole.
    narrow = rendered(views.render(result, Language.en, 80))
    assert "quote" not in narrow
    assert "3600000000000" in narrow
    assert max(len(line) for line in narrow.splitlines()) <= 80


def test_a_legend_breaks_between_entries_never_inside_one() -> None:
    from zgc_cli.present.views.common import legend

    flags = ["estimate;derived;more_than;nearly;about;less_than;order_of_magnitude;inferred_year"]
    # From 40 columns on, the longest entry (39 cells) fits a line of its own.
    for width in range(40, 80):
        note = legend(flags, Language.en, width)
        assert note is not None
        lines = rendered([note], width=width).splitlines()
        entries = [message(f"mark.{name}", Language.en) for name in flags[0].split(";")]
        # Each entry is whole on one line, and every line fits.
        assert all(any(entry in line for line in lines) for entry in entries), (width, lines)
        assert max(len(line) for line in lines) <= width


def test_a_window_that_hides_the_previous_figure_says_its_marks() -> None:
    # This frame's employees 2013 is derived (1.86 million^): with --from 2015 the 2022 row
    # keeps its growth since 2013, whose mark is then nowhere in the table but this line.
    data = dataset()
    windowed = stats.series(data, ["employees"], year_from=2015)
    text = rendered(views.render(windowed, Language.en, 100), width=100)
    assert "zgc 2022: growth since 2013^, a figure outside --from/--to" in text
    whole = stats.series(data, ["employees"])
    assert "outside --from/--to" not in rendered(views.render(whole, Language.en, 100), width=100)
    chinese = rendered(views.render(windowed, Language.zh, 100), width=100)
    assert "增长自2013^年起算" in chinese
