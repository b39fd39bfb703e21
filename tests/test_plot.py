"""Charts: the terminal text of plotext and the PNG / SVG files of matplotlib."""

from __future__ import annotations

import re
import struct
import sys
import warnings
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pandas as pd
import pytest

from zgc_cli.present.charts import fonts
from zgc_cli.present.charts import image as plot_image
from zgc_cli.present.charts import panels as plot_panels
from zgc_cli.present.charts import terminal as plot
from zgc_cli.stats.indexing import index_series
from zgc_cli.words import Language

SERIES_COLUMNS = ["metric", "entity", "year", "value", "unit", "status", "qualifier"]
SOURCE = "Source: 《瞭望》新闻周刊, April 2024"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
MISSING_GLYPH = re.compile(r"Glyph .* missing from font")


def make_series(rows: list[tuple[str, str, int, float, str, str, str]]) -> pd.DataFrame:
    """A frame shaped like stats.series_growth's, with categories as the loader makes them."""
    frame = pd.DataFrame(rows, columns=SERIES_COLUMNS)
    for column in ("metric", "entity", "unit", "status", "qualifier"):
        frame[column] = frame[column].astype("category")
    frame["year"] = frame["year"].astype("int16")
    frame["change_pct"] = float("nan")
    return frame


@pytest.fixture
def series() -> pd.DataFrame:
    return make_series(
        [
            ("revenue", "zgc", 2014, 3.6e12, "CNY", "reported", "exact"),
            ("revenue", "zgc", 2023, 8.6e12, "CNY", "estimate", "exact"),
            ("invention_patents", "zgc", 2020, 140000, "patents", "reported", "more_than"),
            ("invention_patents", "zgc", 2023, 260000, "patents", "reported", "more_than"),
            ("employees", "zgc", 2013, 1860000, "persons", "derived", "exact"),
            ("employees", "zgc", 2022, 2790000, "persons", "reported", "exact"),
        ]
    )


@pytest.fixture
def indicators() -> dict[str, dict[str, str]]:
    """Indicator names by metric and language, as stats.series hands them to the charts."""
    return {
        "revenue": {"en": "Total revenue", "zh": "总收入"},
        "invention_patents": {"en": "Invention patents held", "zh": "有效发明专利拥有量"},
        "employees": {"en": "Employees", "zh": "从业人员"},
    }


def canvas_rows(text: str) -> list[str]:
    """What is drawn inside the frames of the panels, row by row."""
    return [match.group(1) for match in re.finditer(r"^ *[\d.,]*[│┤](.*)│$", text, re.MULTILINE)]


# --- terminal ------------------------------------------------------------------------------


def test_terminal_chart_has_a_panel_per_metric_with_years_marks_and_legend(
    series: pd.DataFrame, indicators: dict[str, dict[str, str]]
) -> None:
    text = plot.terminal_chart(series, indicators, Language.en, 80, 40, None, color=False)
    for title in (
        "Total revenue (trillion CNY)",
        "Invention patents held (thousand patents)",
        "Employees (million persons)",
    ):
        assert title in text
    for year in ("2013", "2014", "2020", "2022", "2023"):
        assert year in text
    marks = next(row for row in text.splitlines() if row.startswith("Marks:"))
    assert "* estimate" in marks
    assert "> more than (a lower bound)" in marks
    assert "^ derived by zgc" in marks
    assert "Series:  o Total revenue · zgc" in text
    # The marks are drawn at the points, not only named in the legend.
    plotted = "".join(canvas_rows(text))
    assert "*" in plotted and ">" in plotted and "^" in plotted


def test_terminal_chart_without_colour_has_no_escape_codes(
    series: pd.DataFrame, indicators: dict[str, dict[str, str]]
) -> None:
    plain = plot.terminal_chart(series, indicators, Language.en, 80, 40, None, color=False)
    coloured = plot.terminal_chart(series, indicators, Language.en, 80, 40, None, color=True)
    assert "\x1b" not in plain
    assert "\x1b[" in coloured


def test_terminal_chart_keeps_to_the_width(
    series: pd.DataFrame, indicators: dict[str, dict[str, str]]
) -> None:
    text = plot.terminal_chart(series, indicators, Language.en, 60, 30, None)
    assert max(len(row) for row in text.splitlines()) <= 60


def test_indexed_chart_starts_every_series_at_100_in_one_base_year(
    series: pd.DataFrame, indicators: dict[str, dict[str, str]]
) -> None:
    # 2023 ± 1: revenue and patents have 2023, employees takes 2022 (the earlier first).
    indexing = index_series(series, 2023, tolerance=1)
    assert indexing.skipped.empty
    rows = indexing.frame
    at_base = rows[rows["year"] == rows["base_year"]]
    assert sorted(at_base["index"].tolist()) == [100.0, 100.0, 100.0]
    bases = dict(zip(at_base["metric"], at_base["base_year"], strict=True))
    assert bases == {"revenue": 2023, "invention_patents": 2023, "employees": 2022}
    revenue_2014 = rows.loc[(rows["metric"] == "revenue") & (rows["year"] == 2014), "index"]
    assert revenue_2014.item() == pytest.approx(3.6 / 8.6 * 100)

    text = plot.terminal_chart(series, indicators, Language.en, 80, 30, indexing)
    # Not "2023 = 100": one series is 100 in 2022.
    assert "Index: each series = 100 in its base year (2022–2023)" in text
    assert "Employees · zgc (2022 = 100, nearest year)" in text
    # Only the series that took another year says so.
    assert "Total revenue · zgc (" not in text
    row_100 = next(row for row in text.splitlines() if row.startswith("100┤"))
    # The base points: employees' reported + (its symbol), revenue's estimate * or the bound >.
    assert "+" in row_100 and {"*", ">"} & set(row_100)


def test_a_zero_base_value_is_left_out_of_the_index_with_a_note(
    indicators: dict[str, dict[str, str]],
) -> None:
    series = make_series(
        [
            ("firms", "zgc", 2014, 0, "firms", "reported", "exact"),
            ("firms", "zgc", 2022, 11, "firms", "reported", "exact"),
            ("revenue", "zgc", 2014, 3.6e12, "CNY", "reported", "exact"),
            ("revenue", "zgc", 2023, 8.6e12, "CNY", "estimate", "exact"),
        ]
    )
    text = plot.terminal_chart(series, indicators, Language.en, 80, 30, index_series(series))
    assert "Index (2014 = 100)" in text
    assert "Note: not indexed: firms · zgc is 0 in 2014" in text
    assert "firms · zgc (" not in text

    only_zero = series[series["metric"] == "firms"]
    indexing = index_series(only_zero)
    text = plot.terminal_chart(only_zero, indicators, Language.en, 80, 30, indexing)
    assert "no series can be indexed; shown in separate panels" in text
    assert "firms (firms)" in text


def test_a_metric_of_one_figure_per_entity_is_drawn_as_bars_from_zero(
    indicators: dict[str, dict[str, str]],
) -> None:
    series = make_series(
        [
            ("large_models", "China", 2024, 107, "models", "reported", "exact"),
            ("large_models", "Zhongguancun", 2024, 47, "models", "reported", "more_than"),
        ]
    )
    text = plot.terminal_chart(series, indicators, Language.en, 60, 14, None)
    rows = text.splitlines()
    assert rows[0].strip() == "large_models (models), 2024"
    china = next(row for row in rows if row.startswith("China"))
    zgc = next(row for row in rows if row.startswith("Zhongguancun"))
    # From one zero line, labelled as the tables write the figures (a bound keeps its mark).
    assert china.index("│") == zgc.index("│")
    assert china.endswith(" 107") and zgc.endswith(" >47")
    china_bar = china.split("│")[1].removesuffix(" 107")
    zgc_bar = zgc.split("│")[1].removesuffix(" >47")
    assert set(china_bar) == {"█"}
    # 47 of 107, in eighths of a column.
    assert len(zgc_bar) == pytest.approx(len(china_bar) * 47 / 107, abs=1)
    assert max(len(row) for row in rows) <= 60
    assert "Marks:   > more than (a lower bound)" in text
    # No year axis at all: a year is in the title.
    assert "┬" not in text and "2023" not in text and "2025" not in text


def test_chinese_terminal_chart_titles_units_and_legend(
    series: pd.DataFrame, indicators: dict[str, dict[str, str]]
) -> None:
    text = plot.terminal_chart(series, indicators, Language.zh, 80, 40, None)
    assert "总收入（万亿元）" in text
    assert "有效发明专利拥有量（万件）" in text
    assert "从业人员（万人）" in text
    assert "标记：  * 预计值  ^ 推算值  > 超过（下限）" in text


def test_nothing_to_plot_is_a_value_error(indicators: dict[str, dict[str, str]]) -> None:
    empty = make_series([])
    with pytest.raises(ValueError, match="nothing to plot"):
        plot.terminal_chart(empty, indicators, Language.en, 80, 30, None)


def test_missing_plotext_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, series: pd.DataFrame, indicators: dict[str, dict[str, str]]
) -> None:
    monkeypatch.setitem(sys.modules, "plotext", None)
    with pytest.raises(plot.PlotDependencyError, match=r"pip install 'zgc\[plot\]'") as caught:
        plot.terminal_chart(series, indicators, Language.en, 80, 30, None)
    assert isinstance(caught.value, ImportError)
    assert "\n" not in str(caught.value)


# --- images --------------------------------------------------------------------------------


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == PNG_MAGIC
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_write_image_png(
    tmp_path: Path, series: pd.DataFrame, indicators: dict[str, dict[str, str]]
) -> None:
    pytest.importorskip("matplotlib")
    path = tmp_path / "chart.png"
    messages = plot_image.write_image(series, indicators, Language.en, path, None, SOURCE)
    width, height = png_size(path)
    assert width >= 800 and height >= 1000  # three panels, one above the other
    assert path.stat().st_size > 30_000  # drawn lines and text, not a blank canvas
    assert not [message for message in messages if "not indexed" in message]


def test_write_image_svg_has_the_title(
    tmp_path: Path, series: pd.DataFrame, indicators: dict[str, dict[str, str]]
) -> None:
    pytest.importorskip("matplotlib")
    path = tmp_path / "chart.svg"
    plot_image.write_image(series, indicators, Language.en, path, None, "Source: test")
    root = ElementTree.parse(path).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    titles = [
        element.text or "" for element in root.iter("{http://purl.org/dc/elements/1.1/}title")
    ]
    assert any("Total revenue (trillion CNY)" in title for title in titles)
    # Text is drawn as paths; matplotlib keeps each string as a comment beside them.
    assert "Employees (million persons)" in path.read_text(encoding="utf-8")


def test_write_image_indexed_svg(
    tmp_path: Path, series: pd.DataFrame, indicators: dict[str, dict[str, str]]
) -> None:
    pytest.importorskip("matplotlib")
    path = tmp_path / "index.svg"
    indexing = index_series(series, 2014, tolerance=6)
    plot_image.write_image(series, indicators, Language.en, path, indexing, "Source: test")
    text = path.read_text(encoding="utf-8")
    assert "Index: each series = 100 in its base year (2013–2020)" in text
    assert "Employees · zgc (2013 = 100, nearest year)" in text
    assert "Invention patents held · zgc (2020 = 100, nearest year)" in text


def test_write_image_refuses_other_suffixes(
    tmp_path: Path, series: pd.DataFrame, indicators: dict[str, dict[str, str]]
) -> None:
    path = tmp_path / "chart.jpgx"
    with pytest.raises(ValueError, match=r"chart\.jpgx.*\.png or \.svg"):
        plot_image.write_image(series, indicators, Language.en, path, None, SOURCE)
    assert not path.exists()


def test_write_image_without_matplotlib_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    series: pd.DataFrame,
    indicators: dict[str, dict[str, str]],
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(plot.PlotDependencyError, match=r"pip install 'zgc\[plot\]'"):
        plot_image.write_image(
            series, indicators, Language.en, tmp_path / "chart.png", None, SOURCE
        )


def test_chinese_labels_have_every_glyph(
    tmp_path: Path, series: pd.DataFrame, indicators: dict[str, dict[str, str]]
) -> None:
    pytest.importorskip("matplotlib")
    pytest.importorskip("pylopdf_fonts_zh_cn")
    assert fonts.find_cjk_font("中关村总收入有效发明专利拥有量从业人员瞭望") is not None
    for suffix in (".png", ".svg"):
        path = tmp_path / f"chart{suffix}"
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            messages = plot_image.write_image(series, indicators, Language.zh, path, None, SOURCE)
        assert messages == []
        missing = [str(w.message) for w in caught if MISSING_GLYPH.search(str(w.message))]
        assert missing == []
    assert "总收入（万亿元）" in (tmp_path / "chart.svg").read_text(encoding="utf-8")


def test_without_a_chinese_font_labels_fall_back_to_english(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    series: pd.DataFrame,
    indicators: dict[str, dict[str, str]],
) -> None:
    pytest.importorskip("matplotlib")
    monkeypatch.setattr(fonts, "cjk_font_family", lambda characters="": None)
    path = tmp_path / "chart.svg"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        messages = plot_image.write_image(
            series, indicators, Language.zh, path, None, "Source: test"
        )
    assert messages == ["no Chinese font found; labels in English (pip install 'zgc[plot]')"]
    assert not [w for w in caught if MISSING_GLYPH.search(str(w.message))]
    text = path.read_text(encoding="utf-8")
    assert "Total revenue (trillion CNY)" in text
    assert "总收入" not in text


@pytest.mark.parametrize(
    ("years", "ticks"),
    [([2024], [2019, 2020]), ([2020, 2023], [2019, 2020, 2021, 2022, 2023]), ([2012, 2022], None)],
)
def test_an_image_axis_spans_only_the_line_panels_years(
    years: list[int], ticks: list[int] | None
) -> None:
    pytest.importorskip("matplotlib")
    series = make_series(
        [
            ("m", "zgc", year, float(n + 1), "CNY", "reported", "exact")
            for n, year in enumerate(years)
        ]
        + [
            ("n", "zgc", 2019, 5.0, "CNY", "reported", "exact"),
            ("n", "zgc", 2020, 6.0, "CNY", "reported", "exact"),
        ]
    )
    panels, notes = plot_panels.prepare(series, {}, Language.en, None)
    figure = plot_image.draw_figure(panels, Language.en, "", notes)
    line_years = [year for panel in panels for line in panel.lines for year in line.years]
    first, last = min(line_years), max(line_years)
    # One figure is a bar panel, with no year axis; the line panels share theirs.
    assert [panel.is_bars for panel in panels] == [len(years) == 1, False]
    for panel, axes in zip(panels, figure.axes[: len(panels)], strict=True):
        if panel.is_bars:
            assert list(axes.get_xticks()) == []
            continue
        low, high = axes.get_xlim()
        assert first - 1 <= low < first and last < high <= last + 1
        if ticks is not None:
            assert [int(tick) for tick in axes.get_xticks()] == ticks
