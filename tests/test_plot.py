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
from zgc_cli.present.i18n import Language

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
    text = plot.terminal_chart(series, indicators, Language.en, 80, 40, False, color=False)
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
    plain = plot.terminal_chart(series, indicators, Language.en, 80, 40, False, color=False)
    coloured = plot.terminal_chart(series, indicators, Language.en, 80, 40, False, color=True)
    assert "\x1b" not in plain
    assert "\x1b[" in coloured


def test_terminal_chart_keeps_to_the_width(
    series: pd.DataFrame, indicators: dict[str, dict[str, str]]
) -> None:
    text = plot.terminal_chart(series, indicators, Language.en, 60, 30, False)
    assert max(len(row) for row in text.splitlines()) <= 60


def test_indexed_chart_starts_every_series_at_100(
    series: pd.DataFrame, indicators: dict[str, dict[str, str]]
) -> None:
    rows, skipped = plot_panels.index_series(series)
    assert skipped == []
    firsts = rows.sort_values("year").groupby(["metric", "entity"])["index"].first()
    assert firsts.tolist() == [100.0, 100.0, 100.0]
    assert rows.loc[rows["metric"] == "revenue", "index"].max() == pytest.approx(8.6 / 3.6 * 100)

    text = plot.terminal_chart(series, indicators, Language.en, 80, 30, True)
    assert "Index (first year = 100)" in text
    assert "Total revenue · zgc (2014 = 100)" in text
    row_100 = next(row for row in text.splitlines() if row.startswith("100┤"))
    # The first points: revenue's reported o, employees' derived ^, patents' bound >.
    assert {"o", "^", ">"} <= set(row_100)


def test_a_zero_first_value_is_left_out_of_the_index_with_a_note(
    indicators: dict[str, dict[str, str]],
) -> None:
    series = make_series(
        [
            ("firms", "zgc", 2012, 0, "firms", "reported", "exact"),
            ("firms", "zgc", 2022, 11, "firms", "reported", "exact"),
            ("revenue", "zgc", 2014, 3.6e12, "CNY", "reported", "exact"),
            ("revenue", "zgc", 2023, 8.6e12, "CNY", "estimate", "exact"),
        ]
    )
    text = plot.terminal_chart(series, indicators, Language.en, 80, 30, True)
    assert "Index (first year = 100)" in text
    assert "Note: not indexed: firms · zgc starts at 0 in 2012" in text
    assert "firms · zgc (" not in text

    only_zero = series[series["metric"] == "firms"]
    text = plot.terminal_chart(only_zero, indicators, Language.en, 80, 30, True)
    assert "no series can be indexed; shown in separate panels" in text
    assert "firms (firms)" in text


def test_a_series_of_one_point_is_drawn_as_a_marker(indicators: dict[str, dict[str, str]]) -> None:
    series = make_series([("large_models", "zgc", 2024, 47, "models", "reported", "exact")])
    text = plot.terminal_chart(series, indicators, Language.en, 60, 14, False)
    assert sum(row.count("o") for row in canvas_rows(text)) == 1
    assert "2024" in text
    assert "o large_models · zgc" in text


def test_chinese_terminal_chart_titles_units_and_legend(
    series: pd.DataFrame, indicators: dict[str, dict[str, str]]
) -> None:
    text = plot.terminal_chart(series, indicators, Language.zh, 80, 40, False)
    assert "总收入（万亿元）" in text
    assert "有效发明专利拥有量（万件）" in text
    assert "从业人员（万人）" in text
    assert "标记：  * 预计值  ^ 推算值  > 超过（下限）" in text


def test_nothing_to_plot_is_a_value_error(indicators: dict[str, dict[str, str]]) -> None:
    empty = make_series([])
    with pytest.raises(ValueError, match="nothing to plot"):
        plot.terminal_chart(empty, indicators, Language.en, 80, 30, False)


def test_missing_plotext_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, series: pd.DataFrame, indicators: dict[str, dict[str, str]]
) -> None:
    monkeypatch.setitem(sys.modules, "plotext", None)
    with pytest.raises(plot.PlotDependencyError, match=r"pip install 'zgc\[plot\]'") as caught:
        plot.terminal_chart(series, indicators, Language.en, 80, 30, False)
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
    messages = plot_image.write_image(series, indicators, Language.en, path, False, SOURCE)
    width, height = png_size(path)
    assert width >= 800 and height >= 1000  # three panels, one above the other
    assert path.stat().st_size > 30_000  # drawn lines and text, not a blank canvas
    assert not [message for message in messages if "not indexed" in message]


def test_write_image_svg_has_the_title(
    tmp_path: Path, series: pd.DataFrame, indicators: dict[str, dict[str, str]]
) -> None:
    pytest.importorskip("matplotlib")
    path = tmp_path / "chart.svg"
    plot_image.write_image(series, indicators, Language.en, path, False, "Source: test")
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
    plot_image.write_image(series, indicators, Language.en, path, True, "Source: test")
    text = path.read_text(encoding="utf-8")
    assert "Index (first year = 100)" in text
    assert "Total revenue · zgc (2014 = 100)" in text


def test_write_image_refuses_other_suffixes(
    tmp_path: Path, series: pd.DataFrame, indicators: dict[str, dict[str, str]]
) -> None:
    path = tmp_path / "chart.jpgx"
    with pytest.raises(ValueError, match=r"chart\.jpgx.*\.png or \.svg"):
        plot_image.write_image(series, indicators, Language.en, path, False, SOURCE)
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
            series, indicators, Language.en, tmp_path / "chart.png", False, SOURCE
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
            messages = plot_image.write_image(series, indicators, Language.zh, path, False, SOURCE)
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
            series, indicators, Language.zh, path, False, "Source: test"
        )
    assert messages == ["no Chinese font found; labels in English (pip install 'zgc[plot]')"]
    assert not [w for w in caught if MISSING_GLYPH.search(str(w.message))]
    text = path.read_text(encoding="utf-8")
    assert "Total revenue (trillion CNY)" in text
    assert "总收入" not in text


@pytest.mark.parametrize(
    ("years", "ticks"),
    [([2024], [2024]), ([2020, 2023], [2020, 2021, 2022, 2023]), ([2012, 2022], None)],
)
def test_an_image_axis_spans_only_the_datas_years(
    years: list[int], ticks: list[int] | None
) -> None:
    pytest.importorskip("matplotlib")
    series = make_series(
        [
            ("m", "zgc", year, float(n + 1), "CNY", "reported", "exact")
            for n, year in enumerate(years)
        ]
        + [("n", "zgc", 2019, 5.0, "CNY", "reported", "exact")]
    )
    panels, notes = plot_panels.prepare(series, {}, Language.en, False)
    figure = plot_image._draw(panels, Language.en, "", notes)
    first, last = min([*years, 2019]), max([*years, 2019])
    for axes in figure.axes[: len(panels)]:
        low, high = axes.get_xlim()
        # Shared by the panels, and never more than a year beyond the data.
        assert first - 1 <= low < first and last < high <= last + 1
    if ticks is not None:
        shown = [int(tick) for tick in figure.axes[0].get_xticks()]
        assert shown == list(range(min([*ticks, 2019]), max(ticks) + 1))
