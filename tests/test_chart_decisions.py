"""What a chart shows, checked without drawing it: marks, ticks, labels, scales, colours.

The decisions live in ``present/charts/{panels,shapes,geometry,texts}.py`` and
import no matplotlib; these tests build panels from small frames and read the
decisions, as the image and the terminal carry them out. A few real renders
(marked slow) check that the drawing keeps them.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from tests.test_plot import make_series
from zgc_cli.model.dataset import Dataset
from zgc_cli.present import charts
from zgc_cli.present.charts import geometry, texts
from zgc_cli.present.charts.panels import prepare
from zgc_cli.present.charts.shapes import Bar, Line, Panel
from zgc_cli.present.charts.style import DEFAULT_STYLE, PHONE, shorten, wrap
from zgc_cli.stats import series as series_of
from zgc_cli.words import Language, message

NAMES = {"revenue": {"en": "Total revenue", "zh": "总收入"}, "share": {"en": "Share"}}


def frame(
    *rows: tuple[str, str, int, float, str, str, str], **columns: list[object]
) -> pd.DataFrame:
    made = make_series(list(rows))
    for name, values in columns.items():
        made[name] = values
    return made


def line_panel(**columns: list[object]) -> Panel:
    """One line panel of revenue over three years, with extra columns (year_basis, ...)."""
    series = frame(
        ("revenue", "zgc", 2014, 3.6e12, "CNY", "reported", "exact"),
        ("revenue", "zgc", 2020, 7.0e12, "CNY", "estimate", "exact"),
        ("revenue", "zgc", 2023, 8.7e12, "CNY", "reported", "exact"),
        **columns,
    )
    panels, _ = prepare(series, NAMES, Language.en, None)
    assert len(panels) == 1 and not panels[0].is_bars
    return panels[0]


def test_an_inferred_year_is_marked_on_the_year_axis_and_explained_at_the_foot() -> None:
    panel = line_panel(year_basis=["stated", "stated", "inferred"])
    assert panel.inferred_years == {2023}
    assert [geometry.year_label(year, panel.inferred_years) for year in (2014, 2023)] == [
        "2014",
        "2023?",
    ]
    assert geometry.year_label(2022.9999, panel.inferred_years) == "2023?"  # a float tick
    foot = texts.footer_lines([panel], Language.en, "", [], DEFAULT_STYLE)
    assert any("?" in line and message("flag.inferred_year", Language.en) in line for line in foot)


def test_stated_years_carry_no_mark() -> None:
    panel = line_panel(year_basis=["stated"] * 3)
    assert panel.inferred_years == frozenset()
    assert geometry.year_label(2023, panel.inferred_years) == "2023"
    assert "inferred_year" not in panel.flags
    foot = texts.footer_lines([panel], Language.en, "", [], DEFAULT_STYLE)
    assert not any(message("flag.inferred_year", Language.en) in line for line in foot)


def test_a_revised_figure_carries_the_tables_dagger_in_its_label() -> None:
    panel = line_panel(revised=[False, False, True])
    line = panel.lines[0]
    labels = [line.point_label(n, Language.en, False) for n in range(3)]
    assert labels[2].endswith("†") and not labels[0].endswith("†")
    assert labels[1].endswith("*")  # the estimate keeps its own mark
    # figure_texts (what the report pairs across languages) writes the same labels.
    assert labels[2] in texts.figure_texts([panel], Language.en, "", [], DEFAULT_STYLE)


def test_a_change_across_scopes_is_marked_in_the_legend() -> None:
    plain = line_panel(scope_differs=[False, False, False]).lines[0]
    changed = line_panel(scope_differs=[False, False, True]).lines[0]
    assert not plain.tagged("Zhongguancun", Language.en).endswith("‡")
    assert changed.tagged("Zhongguancun", Language.en).endswith("‡")
    # The first figure's flag says nothing of a change (it has none before it).
    first = line_panel(scope_differs=[True, False, False]).lines[0]
    assert not first.tagged("Zhongguancun", Language.en).endswith("‡")


def test_a_revised_bar_is_marked_too() -> None:
    series = frame(
        ("share", "a", 2024, 40.0, "percent", "reported", "exact"),
        ("share", "b", 2024, 20.0, "percent", "estimate", "exact"),
        revised=[True, False],
    )
    (panel,), _ = prepare(series, NAMES, Language.en, None)
    labels = {bar.entity: bar.label for bar in panel.bars}
    assert labels["a"].endswith("†") and not labels["b"].endswith("†")


@pytest.mark.usefixtures("later_sources")
def test_a_plot_foot_explains_each_revision_and_change_of_scope() -> None:
    """Revenue 2023 was revised by a later publication counting another scope (shipped)."""
    result = series_of(Dataset.open(), ["revenue"])
    assert not result.vintages.empty and result.frame["scope_differs"].astype(bool).any()
    notes = charts.revision_notes(result, Language.en)
    years = zip(result.vintages["metric"], result.vintages["year"], strict=True)
    revised = {(str(metric), int(year)) for metric, year in years}
    assert sum(line.startswith("† ") for line in notes) == len(revised)
    assert any(line.startswith("‡ ") for line in notes)
    zh = charts.revision_notes(result, Language.zh)
    assert len(zh) == len(notes) and all(line[0] in "†‡" for line in zh)
    marked = charts._with_revisions(result.frame, result)
    assert marked["revised"].sum() == len(revised)


def test_point_styles_tell_status_by_fill_and_qualifier_by_shape() -> None:
    plain = geometry.point_style("reported", "exact", "C0")
    estimate = geometry.point_style("estimate", "exact", "C0")
    derived = geometry.point_style("derived", "exact", "C0")
    bound = geometry.point_style("reported", "more_than", "C0")
    assert plain["markerfacecolor"] == "C0" and plain["marker"] == "o"
    assert estimate["markerfacecolor"] == "white"
    assert derived["fillstyle"] == "bottom" and derived["markerfacecoloralt"] == "white"
    assert bound["marker"] == "^" and geometry.point_style("", "less_than", "C0")["marker"] == "v"


def test_lines_to_and_from_an_estimate_are_dashed() -> None:
    runs = geometry.segments(
        [2014, 2020, 2023, 2024], [0.1, 0.5, 0.8, 0.9], ["", "estimate", "", ""]
    )
    solid_xs, _ = runs[False]
    dashed_xs, _ = runs[True]
    assert dashed_xs == [2014, 2020, 2023]
    assert solid_xs == [2023, 2024]


def test_few_years_get_a_tick_each_and_many_are_left_to_the_locator() -> None:
    few = geometry.year_axis([line_panel()], DEFAULT_STYLE)
    assert few is not None and few.ticks is not None
    assert few.ticks[0] == 2014 and few.ticks[-1] <= 2023
    assert few.low < 2014 and few.high > 2023
    assert geometry.year_axis([], DEFAULT_STYLE) is None
    many = Panel("t", (Line("m", "e", "n", (1990, 2023), (1.0, 2.0), ("", ""), ("", "")),), False)
    layout = geometry.year_axis([many], DEFAULT_STYLE)
    assert layout is not None and layout.ticks is None
    # A phone's width fits fewer year labels than the plot's image.
    assert geometry.year_ticks_that_fit(PHONE) < geometry.year_ticks_that_fit(DEFAULT_STYLE)


def test_a_long_legend_goes_under_the_panel_and_many_points_skip_the_search() -> None:
    assert geometry.legend_place(2, 10) == {"loc": "best"}
    assert geometry.legend_place(2, 10**6) == {"loc": "upper left"}
    assert geometry.legend_place(9, 10)["bbox_to_anchor"] == (0.0, -0.14)


def bar(entity: str, value: float, status: str = "reported") -> Bar:
    return Bar(entity, value, str(value), "2024", status, "exact")


def test_bars_are_fractions_of_the_widest_side_and_a_share_of_its_whole() -> None:
    panel = Panel("t", (), False, bars=(bar("a", 8.0), bar("b", 2.0, "estimate")))
    layout = geometry.bar_layout(panel)
    assert layout.widths == (1.0, 0.25) and layout.light == (False, True)
    assert layout.rows == (1, 0)  # the first (largest) on top
    share = Panel("t", (), False, bars=(bar("a", 40.0),), full_scale=100.0)
    assert geometry.bar_layout(share).widths == (0.4,) and geometry.bar_layout(share).track
    both = geometry.bar_layout(Panel("t", (), False, bars=(bar("a", 3.0), bar("b", -1.0))))
    assert both.widths == (0.75, -0.25) and both.xlim[0] < -0.25
    huge = geometry.bar_layout(Panel("t", (), False, bars=(bar("a", 1e308), bar("b", -1e308))))
    assert all(math.isfinite(width) for width in huge.widths)


def test_an_entity_keeps_its_colour_in_every_panel() -> None:
    def one(entity: str, metric: str) -> Line:
        return Line(metric, entity, metric, (2020, 2021), (1.0, 2.0), ("", ""), ("", ""))

    first = Panel("p", (one("a", "x"), one("b", "x")), False)
    second = Panel("q", (one("b", "y"), one("c", "y")), False)
    colours = geometry.entity_colours([first, second])
    assert colours == {"a": "C0", "b": "C1", "c": "C2"}


def test_texts_are_shortened_or_wrapped_to_their_columns() -> None:
    assert shorten("总收入" * 10, 8) == "总收入…"
    assert shorten("Total revenue · a long name 3", 16, middle=True).endswith("3")
    lines = wrap("one two three four five six", 10)
    assert (
        all(len(line) <= 10 for line in lines) and " ".join(lines) == "one two three four five six"
    )


def test_a_taller_foot_makes_a_taller_figure() -> None:
    panels = [line_panel()]
    short = geometry.figure_size(panels, 1, DEFAULT_STYLE)
    tall = geometry.figure_size(panels, 5, DEFAULT_STYLE)
    assert short[0] == tall[0] == DEFAULT_STYLE.width and tall[1] > short[1]


@pytest.mark.slow
def test_a_real_render_keeps_the_marks(tmp_path: Path) -> None:
    """Drawn with matplotlib, the marks decided above are on the axis and at the points."""
    pytest.importorskip("matplotlib")
    from zgc_cli.present.charts.figure import draw_figure

    panel = line_panel(year_basis=["stated", "stated", "inferred"], revised=[False, False, True])
    figure = draw_figure([panel], Language.en, "Source: x", [])
    figure.canvas.draw()
    (axes,) = figure.axes
    ticks = [label.get_text() for label in axes.get_xticklabels()]
    assert "2023?" in ticks and "2014" in ticks
    shown = [text.get_text() for text in axes.texts if text.get_visible()]
    assert any(text.endswith("†") for text in shown)
    path = tmp_path / "chart.png"
    figure.savefig(path)
    assert path.stat().st_size > 0
