"""Charts follow the data's shape: bars across places, lines over years, one index base.

The shipped data is small (64 metrics, ~80 figures): these tests chart it as a
user would (``zgc plot ...``) and check what is drawn: the terminal's rows, and
the matplotlib figure's artists (bars, lines, labels and their boxes).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.test_plot import make_series
from zgc_cli.cli import app
from zgc_cli.model.dataset import Dataset
from zgc_cli.present import charts
from zgc_cli.present.charts import panels as chart_panels
from zgc_cli.stats import series as series_of
from zgc_cli.stats.indexing import Indexing, index_series
from zgc_cli.words import UNIT_NAMES, Language, message

YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d|21\d\d)(?!\d)")


def width(text: str) -> int:
    """Columns in a terminal: a CJK character takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def run(*args: str, columns: int = 80) -> Any:
    return CliRunner().invoke(app, list(args), env={"COLUMNS": str(columns)})


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return Dataset.open()


def figure_of(
    dataset: Dataset, ids: list[str], lang: Language, indexing: Indexing | None = None
) -> tuple[list[chart_panels.Panel], Any]:
    """The panels and the matplotlib figure ``zgc plot IDS -o x.png`` would save."""
    pytest.importorskip("matplotlib")
    import matplotlib

    from zgc_cli.present.charts import fonts, image

    result = series_of(dataset, ids)
    named = charts._named_indexing(indexing, result, lang)
    panels, notes = chart_panels.prepare(charts._named(result, lang), result.names, lang, named)
    # The fonts write_image draws with: Chinese from the CJK font.
    family = fonts.cjk_font_family(sorted("中文")) if lang is Language.zh else None
    with matplotlib.rc_context({"font.family": ["DejaVu Sans", *([family] if family else [])]}):
        figure = image.draw_figure(panels, lang, "", notes)
        figure.draw_without_rendering()
    return panels, figure


def bars_of(axes: Any) -> list[Any]:
    from matplotlib.patches import Rectangle

    return [patch for patch in axes.patches if isinstance(patch, Rectangle)]


def visible_labels(figure: Any) -> list[Any]:
    from matplotlib.text import Annotation

    return [
        text
        for axes in figure.axes
        for text in axes.texts
        if isinstance(text, Annotation) and text.get_visible()
    ]


# --- one figure per place: bars ------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("columns", [60, 80, 120])
def test_registered_large_models_are_bars_in_the_terminal(lang: str, columns: int) -> None:
    result = run("plot", "registered_large_models", "--lang", lang, columns=columns)
    assert result.exit_code == 0, result.output
    rows = result.stdout.splitlines()
    china, zgc = ("China", "Zhongguancun") if lang == "en" else ("全国", "中关村示范区")
    china_row = next(row for row in rows if row.startswith(china))
    zgc_row = next(row for row in rows if row.startswith(zgc))
    # Both bars from the same zero line, each labelled with its figure.
    assert width(china_row.split("│")[0]) == width(zgc_row.split("│")[0])
    assert china_row.endswith(" 107") and zgc_row.endswith(" 47")
    china_bar = china_row.split("│")[1].removesuffix(" 107")
    zgc_bar = zgc_row.split("│")[1].removesuffix(" 47")
    assert len(zgc_bar) == pytest.approx(len(china_bar) * 47 / 107, abs=1)
    # No year axis: the one year (2024) is in the title, nothing beyond it.
    assert "┬" not in result.stdout
    assert {int(year) for year in YEAR.findall(result.stdout)} == {2024}
    assert max(width(row) for row in rows) <= columns


def test_registered_large_models_are_bars_from_zero_in_an_image(dataset: Dataset) -> None:
    panels, figure = figure_of(dataset, ["registered_large_models"], Language.en)
    assert [panel.is_bars for panel in panels] == [True]
    axes = figure.axes[0]
    bars = bars_of(axes)
    assert len(bars) == 2
    # Every bar starts at zero; China's (top) is 107/47 of Zhongguancun's.
    assert all(bar.get_x() == 0 for bar in bars)
    by_row = sorted(bars, key=lambda bar: -bar.get_y())
    assert by_row[0].get_width() / by_row[1].get_width() == pytest.approx(107 / 47)
    names = [tick.get_text() for tick in axes.get_yticklabels()]
    assert names == ["China", "Zhongguancun"]
    assert sorted(text.get_text() for text in axes.texts) == ["107", "47"]
    # No year axis on a bar panel; the year is in the title.
    assert list(axes.get_xticks()) == []
    assert axes.get_title(loc="left").endswith(", 2024")


def test_bar_labels_are_the_tables_human_numbers_with_their_marks(dataset: Dataset) -> None:
    # 78,470,000,000 yuan in 2023 is 784.7亿 in a Chinese table; "about" is ~.
    frame = series_of(dataset, ["tech_contract_value_to_tianjin_hebei"]).frame
    one_year = make_series(
        [
            (
                "value",
                "beijing",
                2023,
                float(frame["value"].max()),
                "CNY",
                "reported",
                "exact",
            ),
            ("value", "china", 2023, 1.2e11, "CNY", "estimate", "about"),
        ]
    )
    panels, _ = chart_panels.prepare(one_year, {}, Language.zh, None)
    # The largest first.
    assert [bar.label for bar in panels[0].bars] == ["~1200亿*", "784.7亿"]
    assert panels[0].title == "value（元），2023年"
    assert panels[0].flags == ("estimate", "about")


def test_a_bar_panel_of_several_years_names_each_bars_year() -> None:
    series = make_series(
        [
            ("m", "a", 2023, 5.0, "firms", "reported", "exact"),
            ("m", "b", 2025, 7.0, "firms", "reported", "exact"),
        ]
    )
    from zgc_cli.present.charts import terminal

    text = terminal.terminal_chart(series, {}, Language.en, 60, 20, None)
    assert "m (firms), 2023–2025" in text
    assert "a (2023) │" in text and "b (2025) │" in text
    assert {int(year) for year in YEAR.findall(text)} == {2023, 2025}


# --- no axis beyond the data ----------------------------------------------------------------


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_terminal_year_axis_stays_within_the_data(columns: int) -> None:
    result = run("plot", "revenue", "employees", "registered_large_models", columns=columns)
    assert result.exit_code == 0, result.output
    # Ticks, titles and legends: every year shown is one of the data's (2013–2024), ±1.
    years = {int(year) for year in YEAR.findall(result.stdout)}
    assert {2013, 2023} <= years and min(years) >= 2012 and max(years) <= 2025


def test_image_year_axis_stays_within_the_data(dataset: Dataset) -> None:
    panels, figure = figure_of(
        dataset, ["revenue", "employees", "registered_large_models"], Language.en
    )
    assert [panel.is_bars for panel in panels] == [False, False, True]
    for axes in figure.axes[:2]:
        low, high = axes.get_xlim()
        assert 2012 <= low < 2013 and 2023 < high <= 2024


# --- one index base ------------------------------------------------------------------------


def test_revenue_and_employees_start_at_100_in_2014_within_a_year(dataset: Dataset) -> None:
    result = series_of(dataset, ["revenue", "employees"])
    indexing = index_series(result.frame, 2014, tolerance=1)
    panels, figure = figure_of(dataset, ["revenue", "employees"], Language.en, indexing)
    (panel,) = panels
    bases = {line.metric: line.base_year for line in panel.lines}
    # Revenue has 2014; employees has 2013 and 2022, so takes 2013 (the earlier first).
    assert bases == {"revenue": 2014, "employees": 2013}
    for line in panel.lines:
        assert line.values[line.years.index(line.base_year)] == 100.0
    assert [bool(line.base_label) for line in panel.lines] == [False, True]
    # On the figure: both base points sit on the dotted line at 100.
    axes = figure.axes[0]
    hundred = next(line for line in axes.lines if line.get_linestyle() == ":").get_ydata()[0]
    starts = set()
    for drawn in axes.lines:
        for x, y in zip(drawn.get_xdata(), drawn.get_ydata(), strict=True):
            if (x, drawn.get_color()) in {(2014, "C0"), (2013, "C1")}:
                starts.add((x, round(float(y), 9)))
    assert starts == {(2014, round(float(hundred), 9)), (2013, round(float(hundred), 9))}
    assert axes.get_title(loc="left") == "Index: each series = 100 in its base year (2013–2014)"


def test_the_indexed_command_says_which_base_each_series_took() -> None:
    args = ("plot", "revenue", "employees", "--indexed", "--base", "2014", "--tolerance", "1")
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert "Index: each series = 100 in its base year (2013–2014)" in result.stdout
    assert "Employees · Zhongguancun (2013 = 100, nearest year)" in result.stdout
    zh = run(*args, "--lang", "zh")
    assert "指数：各系列以其基年为100（2013–2014年）" in zh.stdout
    assert "从业人员 · 中关村示范区（2013年 = 100，取最近年份）" in zh.stdout


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "zgc: error: no year that every series has (Total revenue of firms · Zhongguancun "
            "(years 2014, 2023); Employees · Zhongguancun (years 2013, 2022)): choose one "
            "with --base YEAR, or allow nearby years with --tolerance 1\n",
        ),
        (
            "zh",
            "zgc：错误：没有所有系列都有数据的年份（企业总收入 · 中关村示范区（年份：2014, 2023）；"
            "从业人员 · 中关村示范区（年份：2013, 2022））："
            "请用 --base 年份 指定基年，或用 --tolerance 1 允许取相邻年份\n",
        ),
    ],
)
def test_no_common_base_is_one_line_that_suggests_base_and_tolerance(
    lang: str, expected: str
) -> None:
    result = run("plot", "revenue", "employees", "--indexed", "--lang", lang)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == expected


def test_a_base_year_a_series_lacks_names_the_series_and_its_years() -> None:
    result = run("plot", "revenue", "employees", "--base", "2014")
    assert result.exit_code == 1
    assert result.stderr == (
        "zgc: error: no figure in 2014 for Employees · Zhongguancun (years 2013, 2022): "
        "choose another --base, or allow nearby years with --tolerance\n"
    )


def test_the_default_base_is_the_earliest_year_every_series_has() -> None:
    series = make_series(
        [
            ("a", "x", 2010, 1.0, "", "reported", "exact"),
            ("a", "x", 2015, 2.0, "", "reported", "exact"),
            ("a", "x", 2020, 4.0, "", "reported", "exact"),
            ("b", "x", 2015, 3.0, "", "reported", "exact"),
            ("b", "x", 2020, 6.0, "", "reported", "exact"),
        ]
    )
    indexing = index_series(series)
    assert (indexing.base_year, indexing.inferred) == (2015, True)
    at_2010 = indexing.frame[indexing.frame["year"] == 2010]["index"].item()
    assert at_2010 == pytest.approx(50.0)
    # With a tolerance the earliest reachable year wins: 2011 is no year of the data.
    shifted = make_series(
        [
            ("a", "x", 2010, 1.0, "", "reported", "exact"),
            ("b", "x", 2011, 3.0, "", "reported", "exact"),
        ]
    )
    indexing = index_series(shifted, tolerance=1)
    assert indexing.base_year == 2010
    assert dict(zip(indexing.frame["metric"], indexing.frame["base_year"], strict=True)) == {
        "a": 2010,
        "b": 2011,
    }


# --- labels --------------------------------------------------------------------------------


def test_index_labels_never_overlap(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    from zgc_cli.present.charts import image

    # 224 and 217 in 2023, both 100 in 2014: drawn where they are, the labels would overlap.
    series = make_series(
        [
            ("a", "x", 2014, 100.0, "", "reported", "exact"),
            ("a", "x", 2023, 224.0, "", "reported", "exact"),
            ("b", "x", 2014, 50.0, "", "reported", "exact"),
            ("b", "x", 2023, 108.5, "", "reported", "exact"),
            ("c", "x", 2014, 10.0, "", "reported", "exact"),
            ("c", "x", 2023, 21.0, "", "reported", "exact"),
        ]
    )
    panels, notes = chart_panels.prepare(series, {}, Language.en, index_series(series))
    figure = image.draw_figure(panels, Language.en, "", notes)
    labels = visible_labels(figure)
    texts = sorted(label.get_text() for label in labels)
    # 224, 217 and 210 all kept (moved apart); of the three 100s at one point, one is left.
    assert {"224", "217", "210"} <= set(texts)
    assert texts.count("100") == 1
    renderer = figure.canvas.get_renderer()
    boxes = [label.get_window_extent(renderer) for label in labels]
    for first, second in itertools.combinations(boxes, 2):
        assert not first.overlaps(second)


def test_line_labels_are_the_tables_human_numbers(dataset: Dataset) -> None:
    _, figure = figure_of(dataset, ["tech_contract_value_to_tianjin_hebei"], Language.zh)
    texts = {label.get_text() for label in visible_labels(figure)}
    assert "784.7亿" in texts


# --- Chinese is Chinese --------------------------------------------------------------------


def _ids(dataset: Dataset) -> set[str]:
    """Entity and unit ids, and the statuses and qualifiers as the data spells them."""
    frame = dataset.frame
    words = {*frame["entity"].astype(str), *frame["unit"].astype(str)}
    words |= {*frame["status"].astype(str), *frame["qualifier"].astype(str)}
    return {word for word in words if word and word != "percent"}


def _english_ids(text: str, ids: set[str]) -> set[str]:
    # "zgc推算" names the tool (derived by zgc), not the place: the marks legend says so.
    text = text.replace(message("flag.derived", Language.zh), "")
    return {word for word in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", text) if word in ids}


def test_chinese_terminal_charts_of_every_metric_have_no_english_ids(dataset: Dataset) -> None:
    ids = _ids(dataset)
    metrics = sorted(dataset.frame["metric"].astype(str).unique())
    for metric in metrics:
        result = run("plot", metric, "--lang", "zh")
        assert result.exit_code == 0, (metric, result.output)
        assert _english_ids(result.stdout, ids) == set(), (metric, result.stdout)
    indexed = run(
        "plot", "revenue", "employees", "--base", "2014", "--tolerance", "1", "--lang", "zh"
    )
    assert _english_ids(indexed.stdout, ids) == set()


def test_chinese_images_have_no_english_ids(dataset: Dataset) -> None:
    ids = _ids(dataset)
    for metrics in (["registered_large_models"], ["revenue", "employees", "invention_patents"]):
        _, figure = figure_of(dataset, metrics, Language.zh)
        texts = " ".join(
            text.get_text() for text in figure.findobj(lambda a: hasattr(a, "get_text"))
        )
        assert _english_ids(texts, ids) == set(), texts


def test_every_unit_of_the_data_has_a_chinese_name(dataset: Dataset) -> None:
    units = set(dataset.frame["unit"].astype(str)) - {""}
    assert units <= set(UNIT_NAMES)
    assert all(not re.search(r"[a-z]", UNIT_NAMES[unit]["zh"]) for unit in units)


def test_the_png_is_written_for_bars_and_lines(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    for ids in (["registered_large_models"], ["revenue", "employees"]):
        path = tmp_path / f"{ids[0]}.png"
        result = run("plot", *ids, "-o", str(path), "--lang", "zh")
        assert result.exit_code == 0, result.output
        assert path.read_bytes().startswith(b"\x89PNG")


def test_a_unitless_bar_panel_has_a_plain_title() -> None:
    series = make_series([("m", "x", 2024, 3.0, "", "reported", "exact")])
    titles = [chart_panels.prepare(series, {}, lang, None)[0][0].title for lang in Language]
    assert titles == ["m, 2024", "m，2024年"]


@pytest.mark.parametrize("lang", [Language.en, Language.zh])
def test_no_point_label_is_cut_at_the_figures_edge(later_sources: None, lang: Language) -> None:
    """An indexed chart's last label (539…553 in 2023, from the later source) was cut at
    the right edge."""
    dataset = Dataset.open()
    ids = ["revenue", "employees", "returnee_employees", "patents_per_10k_people"]
    result = series_of(dataset, ids)
    indexing = index_series(result.frame, 2013, 1)
    _, figure = figure_of(dataset, ids, lang, indexing)
    renderer = figure.canvas.get_renderer()
    labels = visible_labels(figure)
    assert labels
    for label in labels:
        box = label.get_window_extent(renderer)
        assert figure.bbox.x0 <= box.x0 and box.x1 <= figure.bbox.x1, label.get_text()
        assert figure.bbox.y0 <= box.y0 and box.y1 <= figure.bbox.y1, label.get_text()
