"""The layout holds: one entry makes a measure, one table holds the words, layers stay apart."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from zgc_cli import stats
from zgc_cli.cli import SortKey, app
from zgc_cli.model.dataset import Dataset
from zgc_cli.present import formats
from zgc_cli.present.choices import OutputFormat
from zgc_cli.present.files import OutputTarget
from zgc_cli.stats.growth import sort_keys
from zgc_cli.stats.measures import MEASURES, Measure, Style, View
from zgc_cli.words import MESSAGES, UNIT_NAMES, Language, detect_language, message


def run(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(app, list(args), input=input)


def _log_ratio(value_from: np.ndarray, value_to: np.ndarray, years: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.log10(value_to / value_from)


@pytest.fixture
def made_up_measure(monkeypatch: pytest.MonkeyPatch) -> Measure:
    """A measure nobody wrote views or columns for: one registry entry, nothing else."""
    measure = Measure(
        "log10_ratio",
        _log_ratio,
        {"en": "Log10 ratio", "zh": "对数倍数"},
        Style.ratio,
        views=frozenset({View.compare, View.series}),
    )
    monkeypatch.setitem(MEASURES, measure.name, measure)
    return measure


def test_a_measure_is_one_registry_entry_in_csv_json_and_table(
    sample_csv: Path, made_up_measure: Measure
) -> None:
    args = ("compare", "2014", "2023", "--data", str(sample_csv))
    rows = list(csv.DictReader(io.StringIO(run(*args, "--format", "csv").stdout)))
    revenue = next(row for row in rows if row["metric"] == "revenue")
    # 8.6e12 / 3.6e12 = 2.3888…; its log10 is 0.378196…
    assert float(revenue["log10_ratio"]) == pytest.approx(np.log10(8.6 / 3.6))
    header = next(csv.reader(io.StringIO(run(*args, "--format", "csv").stdout)))
    # Measures sit between the values and the flags, in registry order.
    assert header[header.index("cagr_pct_high_conventional") + 1] == "log10_ratio"
    # It brings its interval (its values at the corners) and sits before the flags.
    assert header[header.index("log10_ratio") + 1] == "log10_ratio_low"
    assert header[header.index("log10_ratio_high_conventional") + 1] == "flags"

    records = json.loads(run(*args, "--format", "json").stdout)
    revenue_record = next(r for r in records if r["metric"] == "revenue")
    assert revenue_record["log10_ratio"] == pytest.approx(np.log10(8.6 / 3.6))

    english = run(*args, "--format", "table", "--lang", "en").stdout
    assert "Log10 ratio" in english and "0.38×" in english
    chinese = run(*args, "--format", "table", "--lang", "zh").stdout
    assert "对数倍数" in chinese

    series = run("metrics", "revenue", "--data", str(sample_csv), "--format", "csv").stdout
    assert "log10_ratio" in next(csv.reader(io.StringIO(series)))


def test_a_measure_shown_in_compare_only_stays_out_of_series(
    sample_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    half = Measure(
        "half_ratio",
        lambda start, end, years: end / start / 2,
        {"en": "Half", "zh": "半"},
        Style.ratio,
        views=frozenset({View.compare}),
    )
    monkeypatch.setitem(MEASURES, half.name, half)
    series = run("metrics", "revenue", "--data", str(sample_csv), "--format", "csv").stdout
    assert "half_ratio" not in series
    compared = run("compare", "2014", "2023", "--data", str(sample_csv), "--format", "csv").stdout
    assert "half_ratio" in next(csv.reader(io.StringIO(compared)))


def test_the_sort_choices_are_the_registrys() -> None:
    assert [key.value for key in SortKey] == sort_keys()


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_has_every_language(key: str) -> None:
    for lang in Language:
        assert message(key, lang).strip(), (key, lang)


def test_every_measure_and_unit_name_has_every_language() -> None:
    for measure in MEASURES.values():
        assert {str(lang) for lang in Language} <= set(measure.labels), measure.name
    for unit, names in UNIT_NAMES.items():
        assert {str(lang) for lang in Language} <= set(names), unit


def test_a_missing_message_fails_loudly_instead_of_falling_back() -> None:
    with pytest.raises(KeyError):
        message("header.no_such_thing", Language.en)
    with pytest.raises(KeyError):
        message("header.metric", "fr")


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "zh_CN.UTF-8"}, Language.zh),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, Language.en),
        ({"LC_MESSAGES": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, Language.zh),
        ({"LANGUAGE": "zh_CN:en", "LANG": "en_US.UTF-8"}, Language.zh),
        # gettext ignores LANGUAGE under the C locale, and with no locale at all.
        ({"LANGUAGE": "zh_CN", "LANG": "C.UTF-8"}, Language.en),
        ({"LANGUAGE": "zh_CN"}, Language.en),
        ({}, Language.en),
    ],
)
def test_language_follows_gettexts_order(environ: dict[str, str], expected: Language) -> None:
    assert detect_language(environ) is expected


class FakeOutput:
    """What emit needs of the Environment, with stderr's terminal-ness chosen by the test."""

    def __init__(self, stderr_is_tty: bool) -> None:
        self.stdout = io.StringIO()
        self.stderr = io.StringIO()
        self.stdout_is_tty = False
        self.stderr_is_tty = stderr_is_tty
        self.language = Language.en
        self.default_format = OutputFormat.csv
        self.output = OutputTarget()

    def show_table(self, result: object) -> None:
        raise AssertionError("a pipe never gets a table")

    def note(self, text: str) -> None:
        if self.stderr_is_tty:
            self.stderr.write(f"zgc: note: {text}\n")


def test_a_pipe_is_told_on_a_terminal_how_many_series_were_not_compared(sample_csv: Path) -> None:
    result = stats.comparison(Dataset.open(str(sample_csv)), 2014, 2023)
    # sample.csv: firms (2012/2022), invention_patents (2020/2023), employees (2013/2022) and
    # large_models (2024) lack one end; invention_patents has 2023 only.
    assert result.not_compared == len(result.only_from) + len(result.only_to) == 1
    watched = FakeOutput(stderr_is_tty=True)
    formats.emit(result, watched)
    assert watched.stderr.getvalue() == (
        "zgc: note: 1 series have only one of the years (see --format table)\n"
    )
    assert watched.stdout.getvalue().startswith("metric,entity,unit,year_from")
    logged = FakeOutput(stderr_is_tty=False)
    formats.emit(result, logged)
    assert logged.stderr.getvalue() == ""
    assert logged.stdout.getvalue() == watched.stdout.getvalue()


def test_an_unreadable_article_is_named_as_the_article(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_bytes("第一行\n".encode() + b"\x80\xff\x80\n")
    result = run("verify", "--article", str(article))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"zgc: error: {article}:2: bytes that decode as neither UTF-8 nor GB18030\n"
    )


@pytest.mark.parametrize(
    "module",
    [
        "zgc_cli.model.figures",
        "zgc_cli.model.sources",
        "zgc_cli.words",
        "zgc_cli.completion",
    ],
)
def test_light_modules_import_no_pandas(module: str) -> None:
    code = f"import sys, {module}; print('pandas' in sys.modules, 'rich' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


# A module a person can read in one sitting; issue 20 set the line at 450.
MODULE_LINE_LIMIT = 450


def test_no_module_is_over_the_line_limit() -> None:
    package = Path(__file__).resolve().parent.parent / "zgc_cli"
    lengths = {
        str(path.relative_to(package)): len(path.read_text(encoding="utf-8").splitlines())
        for path in package.rglob("*.py")
    }
    assert len(lengths) > 100  # the package was found
    assert {name: n for name, n in lengths.items() if n > MODULE_LINE_LIMIT} == {}
