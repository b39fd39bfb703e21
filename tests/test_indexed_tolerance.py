"""``plot --indexed --base Y --tolerance N``: what the title says, the labels, the error."""

from __future__ import annotations

import itertools

import pytest

from tests.test_chart_shapes import figure_of, visible_labels
from zgc_cli.model.dataset import Dataset
from zgc_cli.present import charts
from zgc_cli.present.charts import panels as chart_panels
from zgc_cli.stats import series as series_of
from zgc_cli.stats.indexing import NoCommonBaseError, index_series
from zgc_cli.words import Language

NEAR = ["employees", "returnee_employees", "listed_firms", "firms_revenue_over_100m"]


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return Dataset.open()


@pytest.mark.parametrize("lang", list(Language))
def test_the_title_says_each_series_is_100_in_its_own_base_year(
    dataset: Dataset, lang: Language
) -> None:
    result = series_of(dataset, NEAR)
    indexing = index_series(result.frame, 2013, 1)
    bases = sorted({int(year) for year in indexing.frame["base_year"]})
    assert len(bases) > 1  # the case: some series are 100 in 2012, one in 2013
    named = charts._named_indexing(indexing, result, lang)
    panels, _ = chart_panels.prepare(charts._named(result, lang), result.names, lang, named)
    title = panels[0].title
    assert f"{bases[0]}–{bases[-1]}" in title
    assert "(2013 = 100)" not in title and "2013年 = 100" not in title


def test_one_base_year_keeps_the_plain_title(dataset: Dataset) -> None:
    result = series_of(dataset, ["revenue", "patents_per_10k_people"])
    named = charts._named_indexing(index_series(result.frame, 2014), result, Language.en)
    panels, _ = chart_panels.prepare(
        charts._named(result, Language.en), result.names, Language.en, named
    )
    assert panels[0].title == "Index (2014 = 100)"


@pytest.mark.parametrize("lang", list(Language))
def test_near_base_labels_never_overlap(dataset: Dataset, lang: Language) -> None:
    result = series_of(dataset, NEAR)
    _, figure = figure_of(dataset, NEAR, lang, index_series(result.frame, 2013, 1))
    renderer = figure.canvas.get_renderer()
    boxes = [label.get_window_extent(renderer) for label in visible_labels(figure)]
    assert len(boxes) >= 4
    for first, second in itertools.combinations(boxes, 2):
        assert not first.overlaps(second)


@pytest.mark.parametrize("lang", list(Language))
def test_no_common_year_names_the_years_each_series_has(dataset: Dataset, lang: Language) -> None:
    result = series_of(dataset, ["revenue", "employees"])
    with pytest.raises(NoCommonBaseError) as raised:
        index_series(result.frame)
    text = charts.index_error_text(raised.value, result, lang)
    revenue_years, employee_years = "2014, 2023", "2013, 2022"
    assert revenue_years in text and employee_years in text
    # Each series' years beside its name, not the years of all of them in one list.
    name = "Total revenue of firms" if lang is Language.en else "企业总收入"
    assert text.index(name) < text.index(revenue_years) < text.index(employee_years)
    assert "2013, 2014, 2022, 2023" not in text


@pytest.mark.parametrize("lang", list(Language))
def test_near_base_labels_keep_off_the_other_series_lines(dataset: Dataset, lang: Language) -> None:
    # The employees' 100^ in 2013 sat on the returnees' line from 2012; below it is free.
    from zgc_cli.present.charts.labels import _line_paths

    result = series_of(dataset, NEAR)
    _, figure = figure_of(dataset, NEAR, lang, index_series(result.frame, 2013, 1))
    renderer = figure.canvas.get_renderer()
    paths = _line_paths(figure)
    bases = [label for label in visible_labels(figure) if label.get_text().startswith("100")]
    assert bases
    for label in bases:
        box = label.get_window_extent(renderer)
        assert not any(path.intersects_bbox(box, filled=False) for path in paths), (
            label.get_text(),
            label.xy,
        )
