"""Charts of hostile data: control characters, mathtext, extreme values, odd homes, big asks.

Every data text in a chart is spelled out with :func:`zgc_cli.present.safe.visible`
(and drawn as plain text, never mathtext, in images); every finite float64
charts, with no traceback and no stray warning; ``plot --output`` writes zgc's
own lines on stderr and nothing else; sizes and series counts are bounded.
"""

from __future__ import annotations

import csv
import math
import os
import re
import subprocess
import sys
import warnings
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_installed import clean_env
from tests.test_plot import make_series
from zgc_cli.present import charts
from zgc_cli.present.charts import axis as plot_axis
from zgc_cli.present.charts import image as plot_image
from zgc_cli.present.charts import matplotlib_env
from zgc_cli.present.charts import terminal as plot
from zgc_cli.stats.indexing import Indexing, index_series
from zgc_cli.stats.results import SeriesResult
from zgc_cli.words import Language

ZGC = [sys.executable, "-m", "zgc_cli"]
MAX = sys.float_info.max
TINY = 5e-324  # the smallest subnormal float64
FORBIDDEN = ("\x1b", "\x07", "\r", "\u202e", "\x08", "\x9b", "\x00")
# Colour, when asked for, is the only escape sequence a chart may hold.
SGR = re.compile(r"\x1b\[[0-9;]*m")
HOSTILE_METRIC = "rev\x1b[2Jenue\x1b]0;pwned\x07"
HOSTILE_ENTITY = "zg\rc\u202eexe.live"
HOSTILE_UNIT = "CN\x1b[31mY\x9b2J"
HOSTILE_NAME = "Total\x1b]8;;http://evil.example\x07 revenue\x08\x00"


def run_zgc(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """zgc in a real process; ``env`` values of '' remove the variable."""
    environment = clean_env()
    environment.pop("MPLCONFIGDIR", None)
    for key, value in env.items():
        if value:
            environment[key] = value
        else:
            environment.pop(key, None)
    return subprocess.run(
        [*ZGC, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=environment,
        timeout=120,
    )


def write_csv(path: Path, rows: list[list[object]], header: list[str] | None = None) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header or ["metric", "entity", "year", "value", "unit"])
        writer.writerows(rows)
    return path


def hostile_names() -> dict[str, dict[str, str]]:
    return {HOSTILE_METRIC: {"en": HOSTILE_NAME, "zh": "总收入\x1b[2J"}}


def hostile_series(first: float = 3.6e12) -> pd.DataFrame:
    return make_series(
        [
            (HOSTILE_METRIC, HOSTILE_ENTITY, 2014, first, HOSTILE_UNIT, "reported", "exact"),
            (HOSTILE_METRIC, HOSTILE_ENTITY, 2023, 8.6e12, HOSTILE_UNIT, "estimate", "exact"),
        ]
    )


def indexing_of(series: pd.DataFrame, indexed: bool) -> Indexing | None:
    """The series indexed to their earliest common year, as ``zgc plot --indexed`` does."""
    return index_series(series) if indexed else None


def assert_no_raw_controls(text: str) -> None:
    bare = SGR.sub("", text)
    for character in FORBIDDEN:
        assert character not in bare, (character, bare)


# --- 1. data text: spelled out in the terminal, plain text in images -----------------------


@pytest.mark.parametrize("color", [False, True])
@pytest.mark.parametrize("lang", [Language.en, Language.zh])
def test_terminal_chart_spells_out_control_characters_in_titles_legends_and_notes(
    color: bool, lang: Language
) -> None:
    for names in (hostile_names(), {}):  # an indicator name, or the metric id itself
        for first, indexed in ((3.6e12, False), (3.6e12, True), (0.0, True)):
            series = hostile_series(first)
            # Wide enough for the whole legend entry, its growth included.
            text = plot.terminal_chart(
                series, names, lang, 160, 30, indexing_of(series, indexed), color=color
            )
            assert_no_raw_controls(text)
            assert "zg\\x0dc\\u202eexe.live" in text
    text = plot.terminal_chart(hostile_series(), hostile_names(), Language.en, 120, 30, None)
    assert "Total\\x1b]8;;http://evil.example\\x07 revenue\\x08\\x00" in text
    assert "CN\\x1b[31mY\\x9b2J" in text
    zero = hostile_series(0.0)
    note = plot.terminal_chart(zero, {}, Language.en, 200, 30, index_series(zero))
    assert "Note: not indexed: rev\\x1b[2Jenue\\x1b]0;pwned\\x07 · zg\\x0dc" in note


def test_plot_command_never_sends_control_characters_to_the_terminal(tmp_path: Path) -> None:
    data = write_csv(
        tmp_path / "metrics.csv",
        [
            [HOSTILE_METRIC, HOSTILE_ENTITY, 2014, 0, HOSTILE_UNIT],
            [HOSTILE_METRIC, HOSTILE_ENTITY, 2023, 8.6, HOSTILE_UNIT],
            ["plain", HOSTILE_ENTITY, 2014, 1, HOSTILE_UNIT],
            ["plain", HOSTILE_ENTITY, 2023, 2, HOSTILE_UNIT],
        ],
    )
    write_csv(
        tmp_path / "indicators.csv",
        [["plain", HOSTILE_NAME.replace("\x00", ""), "名\x1b[2J"]],  # files hold no NUL
        header=["metric", "name_en", "name_zh"],
    )
    for extra in ([], ["--indexed"]):
        result = run_zgc("plot", HOSTILE_METRIC, "plain", "--data", str(data), *extra, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
        assert_no_raw_controls(result.stdout)
        assert "rev\\x1b[2Jenue\\x1b]0;pwned\\x07" in result.stdout
        assert "zg\\x0dc\\u202eexe.live" in result.stdout
        assert "Total\\x1b]8;;http://evil.example\\x07 revenue\\x08" in result.stdout
    assert "Note: not indexed: rev\\x1b[2Jenue" in result.stdout


def test_image_spells_out_control_characters(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    for indexed in (False, True):
        path = tmp_path / f"hostile{indexed}.svg"
        series = hostile_series(0.0 if indexed else 1.0)
        messages = plot_image.write_image(
            series,
            hostile_names(),
            Language.en,
            path,
            indexing_of(series, indexed),
            "Source: \x1b[2Jevil\u202e",
        )
        for message in messages:
            assert_no_raw_controls(message)
        text = path.read_text(encoding="utf-8")
        ElementTree.parse(path)  # well-formed: no raw control characters in the XML
        assert_no_raw_controls(text)
        assert "zg\\x0dc\\u202eexe.live" in text
        assert "Source: \\x1b[2Jevil\\u202e" in text
    assert any("not indexed: Total\\x1b]8;;" in message for message in messages)


@pytest.mark.parametrize(
    "text", ["$\\frac{a}{$", "$x^2$ growth", "$$", "cost in $ and $$$", "\\$x$", "$\\"]
)
def test_image_draws_dollar_signs_as_text_never_mathtext(tmp_path: Path, text: str) -> None:
    pytest.importorskip("matplotlib")
    series = make_series(
        [
            ("m", text, 2014, 1.0, "u$", "reported", "exact"),
            ("m", text, 2023, 2.0, "u$", "reported", "exact"),
        ]
    )
    path = tmp_path / "math.svg"
    assert plot_image.write_image(series, {"m": {"en": text}}, Language.en, path, None, "") == []
    svg = path.read_text(encoding="utf-8")
    # The legend entry: the entity, then its growth.
    assert f"<!-- {text}  +100.0% 2014–2023 -->" in svg
    # Mathtext would draw the x of "$x^2$" in italics.
    assert "DejaVuSans-Oblique" not in svg
    png = tmp_path / "math.png"
    plot_image.write_image(series, {"m": {"en": text}}, Language.en, png, index_series(series), "")


# --- 2. every finite float64 charts ---------------------------------------------------------

EXTREMES: dict[str, list[float]] = {
    "huge": [1e308, 1e308],
    "largest": [MAX, MAX],
    "huge both signs": [1e308, -1e308],
    "largest both signs": [-MAX, MAX],
    "largest and smallest": [MAX, TINY],
    "subnormal": [TINY, 1e-300],
    "one subnormal": [TINY],
    "two subnormals": [TINY, 2 * TINY],
    "tiny": [1e-10, 2e-10],
    "tiny flat": [1e-300, 1e-300],
    "negative subnormal": [-TINY, TINY],
    "huge close together": [1e16 + 2, 1e16 + 4],
    "index overflows": [1e-300, 1e308],
    "index underflows": [1e300, 1e-300, TINY],
    "zero and huge": [0.0, MAX],
    "negative": [-5.0, -MAX / 3],
}


def extreme_series(values: list[float], unit: str) -> pd.DataFrame:
    return make_series(
        [("m", "e", 2000 + n, value, unit, "reported", "exact") for n, value in enumerate(values)]
    )


@pytest.mark.parametrize("unit", ["percent", "CNY"])
@pytest.mark.parametrize("case", list(EXTREMES))
def test_terminal_chart_draws_every_finite_value(
    capfd: pytest.CaptureFixture[str], case: str, unit: str
) -> None:
    series = extreme_series(EXTREMES[case], unit)
    for indexed in (False, True):
        for lang in (Language.en, Language.zh):
            text = plot.terminal_chart(
                series, {}, lang, 80, 24, indexing_of(series, indexed), color=True
            )
            rows = SGR.sub("", text).splitlines()
            drawn = [row for row in rows if not row.startswith(("Note:", "注："))]
            assert max(len(row) for row in drawn) <= 80, rows
            assert len(plot_axis.nice_ticks(min(EXTREMES[case]), max(EXTREMES[case]))) >= 2
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")


@pytest.mark.parametrize("case", list(EXTREMES))
def test_image_draws_every_finite_value(
    tmp_path: Path, capfd: pytest.CaptureFixture[str], case: str
) -> None:
    pytest.importorskip("matplotlib")
    series = extreme_series(EXTREMES[case], "percent")
    for indexed in (False, True):
        path = tmp_path / f"chart{indexed}.png"
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            messages = plot_image.write_image(
                series, {}, Language.en, path, indexing_of(series, indexed), ""
            )
        assert path.stat().st_size > 5_000
        # Only the notes of series left out of the index: nothing from matplotlib or numpy.
        # (an index whose interval overflows on one side has no point: "not drawn: ...")
        notes = ("not indexed: ", "no series can be indexed", "not drawn: ")
        assert [m for m in messages if not m.startswith(notes)] == []
        assert all(len(message) < 200 for message in messages), messages
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")


def test_an_index_that_overflows_is_left_out_with_a_note() -> None:
    series = make_series(
        [
            ("m", "small", 2014, 1e-300, "CNY", "reported", "exact"),
            ("m", "small", 2023, 1e308, "CNY", "reported", "exact"),
            ("m", "plain", 2014, 2.0, "CNY", "reported", "exact"),
            ("m", "plain", 2023, 3.0, "CNY", "reported", "exact"),
        ]
    )
    indexing = index_series(series)
    rows, skipped = indexing.frame, indexing.skipped
    assert rows["index"].map(math.isfinite).all()
    assert set(rows["entity"]) == {"plain"}
    assert skipped[["metric", "entity", "year"]].values.tolist() == [["m", "small", 2014]]
    text = plot.terminal_chart(series, {}, Language.en, 200, 30, indexing)
    assert "Note: not indexed: m · small" in text
    assert "Index (2014 = 100)" in text
    assert "m · plain" in text


@settings(max_examples=300, deadline=None)
@given(
    st.floats(allow_nan=False, allow_infinity=False),
    st.floats(allow_nan=False, allow_infinity=False),
)
def test_nice_ticks_are_few_finite_distinct_and_cover_any_finite_range(a: float, b: float) -> None:
    low, high = min(a, b), max(a, b)
    ticks = plot_axis.nice_ticks(low, high)
    assert 2 <= len(ticks) <= 12
    assert all(math.isfinite(tick) for tick in ticks)
    assert ticks == sorted(set(ticks))
    axis = plot_axis.y_axis([low, high])
    assert axis.low <= low and axis.high >= high
    labels = axis.labels
    assert len(set(labels)) == len(labels)
    assert all(len(label) <= 24 for label in labels), labels
    for value in (low, high):
        assert 0.0 <= axis.position(value) <= 1.0


def test_plot_command_charts_extreme_values(tmp_path: Path) -> None:
    data = write_csv(
        tmp_path / "x.csv",
        [["m", "e", 2014, -1e308, "percent"], ["m", "e", 2023, 1e308, "percent"]],
    )
    for extra in ([], ["--indexed"], ["-o", "x.png"]):
        result = run_zgc("plot", "m", "--data", str(data), *extra, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        if extra and extra[0] == "-o":
            assert result.stderr == "zgc: wrote x.png\n"
        elif extra:
            assert result.stderr == ""
            assert "Note: not indexed: m · e is -1e+308 in 2014, its base year" in result.stdout
        else:
            assert result.stderr == ""
            assert "1e+308" in result.stdout and "-1e+308" in result.stdout
    tiny = write_csv(
        tmp_path / "tiny.csv", [["m", "e", 2014, TINY, "CNY"], ["m", "e", 2023, 1e-300, "CNY"]]
    )
    result = run_zgc("plot", "m", "--data", str(tiny), cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")


# --- 3. plot --output: zgc's own lines on stderr, nothing else -------------------------------


def test_image_of_a_file_without_entities_has_no_legend_warning(tmp_path: Path) -> None:
    data = tmp_path / "noentity.csv"
    data.write_text("metric,year,value\nm,2014,1\nm,2015,2\n", encoding="utf-8")
    for name in ("chart.png", "chart.svg"):
        result = run_zgc("plot", "m", "--data", str(data), "-o", name, cwd=tmp_path)
        assert (result.returncode, result.stderr) == (0, f"zgc: wrote {name}\n")


def test_underscore_entities_keep_their_legend(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    series = make_series(
        [
            ("m", "_hidden", 2014, 1.0, "", "reported", "exact"),
            ("m", "_hidden", 2023, 2.0, "", "reported", "exact"),
        ]
    )
    path = tmp_path / "underscore.svg"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        plot_image.write_image(series, {}, Language.en, path, None, "")
    assert "<!-- _hidden  +100.0% 2014–2023 -->" in path.read_text(encoding="utf-8")


def test_characters_no_font_draws_are_reported_once_in_zgc_words(tmp_path: Path) -> None:
    data = write_csv(
        tmp_path / "emoji.csv",
        [
            ["m🔥", "fire 🔥🔥 \U0001fae0", 2014, 1, "CNY"],
            ["m🔥", "fire 🔥🔥 \U0001fae0", 2023, 2, "CNY"],
        ],
    )
    result = run_zgc("plot", "m🔥", "--data", str(data), "-o", "emoji.png", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stderr == (
        "zgc: warning: no font here draws 🔥 (U+1F525), \U0001fae0 (U+1FAE0): "
        "they show as boxes in the chart\n"
        "zgc: wrote emoji.png\n"
    )


def test_many_series_with_long_names_fit_without_layout_warnings(tmp_path: Path) -> None:
    long = "a very long entity name that goes on " * 6
    ids = [f"metric_{metric}_" + "x" * 150 for metric in range(3)]
    rows: list[list[object]] = [
        [metric, f"{long}{entity}", year, year * entity + 1, "CNY"]
        for metric in ids
        for entity in range(10)
        for year in range(2000, 2024)
    ]
    data = write_csv(tmp_path / "many.csv", rows)
    for chosen, extra in ((ids, []), (ids[:1], ["--indexed"])):
        result = run_zgc(
            "plot", *chosen, "--data", str(data), "-o", "many.png", *extra, cwd=tmp_path
        )
        assert (result.returncode, result.stderr) == (0, "zgc: wrote many.png\n")


@pytest.mark.parametrize(
    "home",
    [
        {"HOME": "/proc/zgc-no-such-home"},  # missing, and cannot be made
        {"HOME": "/proc"},  # there, but not writable (even by root)
        {"HOME": ""},  # not set at all
    ],
)
def test_an_unwritable_home_gives_no_matplotlib_cache_warning(
    tmp_path: Path, home: dict[str, str]
) -> None:
    data = write_csv(tmp_path / "ok.csv", [["m", "e", 2014, 1, "CNY"], ["m", "e", 2023, 2, "CNY"]])
    result = run_zgc(
        "plot",
        "m",
        "--data",
        str(data),
        "-o",
        "home.png",
        cwd=tmp_path,
        XDG_CONFIG_HOME="",
        XDG_CACHE_HOME="",
        **home,
    )
    assert (result.returncode, result.stderr) == (0, "zgc: wrote home.png\n")
    assert (tmp_path / "home.png").stat().st_size > 10_000


def test_matplotlib_config_dir_is_set_only_when_the_default_is_not_writable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delitem(sys.modules, "matplotlib", raising=False)  # as if not imported yet
    monkeypatch.delenv("MPLCONFIGDIR", raising=False)
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    matplotlib_env.ensure_matplotlib_config_dir()
    assert "MPLCONFIGDIR" not in os.environ
    monkeypatch.setenv("HOME", "/proc/zgc-no-such-home")
    matplotlib_env.ensure_matplotlib_config_dir()
    chosen = Path(os.environ["MPLCONFIGDIR"])
    assert chosen.is_dir() and os.access(chosen, os.W_OK)
    assert chosen.stat().st_uid == os.getuid()
    assert chosen.stat().st_mode & 0o077 == 0


def test_a_shared_config_dir_someone_else_can_enter_is_not_used(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    shared = tmp_path / f"zgc-matplotlib-{os.getuid()}"
    shared.mkdir(mode=0o777)
    shared.chmod(0o777)
    chosen = Path(matplotlib_env._temporary_config_dir())
    assert chosen != shared and chosen.parent == tmp_path
    assert chosen.stat().st_mode & 0o077 == 0
    shared.chmod(0o700)
    assert Path(matplotlib_env._temporary_config_dir()) == shared


# --- 4. bounded sizes and series counts ----------------------------------------------------


def test_terminal_chart_caps_its_height_and_width() -> None:
    series = make_series(
        [
            ("m", "e", 2014, 1.0, "CNY", "reported", "exact"),
            ("m", "e", 2023, 2.0, "CNY", "reported", "exact"),
        ]
    )
    # The size is capped (what took 6 GB is measured by the benchmark, not timed here).
    text = plot.terminal_chart(series, {}, Language.en, 3000, 2000, None)
    rows = text.splitlines()
    assert len(rows) <= plot.MAX_HEIGHT
    assert max(len(row) for row in rows) <= plot.MAX_WIDTH


def test_plot_command_refuses_a_huge_height_and_caps_a_huge_width(tmp_path: Path) -> None:
    data = write_csv(tmp_path / "ok.csv", [["m", "e", 2014, 1, "CNY"], ["m", "e", 2023, 2, "CNY"]])
    # --height 100000 took 34 s and 6 GB: now the option's range refuses it (usage, exit 2).
    result = run_zgc("plot", "m", "--data", str(data), "--height", "100000", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert "--height" in result.stderr and "200" in result.stderr
    result = run_zgc("plot", "m", "--data", str(data), "--height", "200", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert len(result.stdout.splitlines()) <= plot.MAX_HEIGHT
    result = run_zgc("plot", "m", "--data", str(data), cwd=tmp_path, COLUMNS="50000")
    assert (result.returncode, result.stderr) == (0, "")
    assert max(len(row) for row in result.stdout.splitlines()) <= plot.MAX_WIDTH


def test_a_line_of_every_int16_year_is_thinned_to_what_the_canvas_shows(tmp_path: Path) -> None:
    years = list(range(-32768, 32768))
    series = make_series(
        [
            ("m", "e", year, float(year % 1000), "CNY", "estimate" if year % 7 else "", "")
            for year in years
        ]
    )
    text = plot.terminal_chart(series, {}, Language.en, 100, 24, None)
    assert "-32768" in text or "-30000" in text
    positions = [float(year % 1000) for year in years]
    kept = plot_axis.thin(years, positions, 100)
    assert len(kept) <= 4 * 100
    assert kept[0] == 0 and kept[-1] == len(years) - 1
    assert {positions[n] for n in kept} >= {0.0, 999.0}  # the extremes survive
    pytest.importorskip("matplotlib")
    plot_image.write_image(series, {}, Language.en, tmp_path / "long.png", None, "")
    assert (tmp_path / "long.png").read_bytes().startswith(b"\x89PNG")


def many_series(metrics: int, entities: int) -> pd.DataFrame:
    return make_series(
        [
            (f"m{metric}", f"e{entity}", year, float(year + entity), "CNY", "reported", "exact")
            for metric in range(metrics)
            for entity in range(entities)
            for year in (2014, 2023)
        ]
    )


@pytest.mark.parametrize(
    ("metrics", "entities", "indexed", "count", "most"),
    [
        (1, 13, False, 13, 13),
        (1, 13, True, 13, 13),
        (4, 8, False, 32, 8),
        (1, 200, False, 200, 200),
        (3, 5, True, 15, 15),
    ],
)
def test_too_many_series_is_one_chart_error(
    tmp_path: Path, metrics: int, entities: int, indexed: bool, count: int, most: int
) -> None:
    result = SeriesResult(many_series(metrics, entities), names={})
    expected = (
        f"too many series for one chart: {count}, {most} of them in one panel; a chart "
        "shows at most 12 lines in a panel and 30 in all: chart fewer ids, or fewer "
        "entities with --entity"
    )
    with pytest.raises(charts.ChartError) as caught:
        charts.draw_terminal(result, Language.en, 80, 24, indexing_of(result.frame, indexed), False)
    assert str(caught.value) == expected
    pytest.importorskip("matplotlib")
    with pytest.raises(charts.ChartError) as caught:
        charts.write_image(
            result, Language.en, tmp_path / "many.png", indexing_of(result.frame, indexed), None
        )
    assert str(caught.value) == expected
    assert not (tmp_path / "many.png").exists()


def test_the_most_series_a_chart_allows_are_drawn(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    for metrics, entities, indexed in ((1, 12, False), (1, 12, True), (3, 10, False)):
        result = SeriesResult(many_series(metrics, entities), names={})
        indexing = indexing_of(result.frame, indexed)
        assert charts.draw_terminal(result, Language.en, 80, 24, indexing, False)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            charts.write_image(result, Language.en, tmp_path / "most.png", indexing, None)


def test_plot_command_refuses_two_hundred_series_before_drawing(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["m", f"e{entity}", year, entity + year, "CNY"]
        for entity in range(200)
        for year in range(2010, 2024)
    ]
    data = write_csv(tmp_path / "s200.csv", rows)
    for extra in (["-o", "s200.png"], []):
        result = run_zgc("plot", "m", "--data", str(data), *extra, cwd=tmp_path)
        assert result.returncode == 1
        assert result.stdout == ""
        assert result.stderr == (
            "zgc: error: too many series for one chart: 200, 200 of them in one panel; a chart "
            "shows at most 12 lines in a panel and 30 in all: chart fewer ids, or fewer "
            "entities with --entity\n"
        )
    assert not (tmp_path / "s200.png").exists()
