"""Every table view fits the terminal, keeps its numbers whole, and is Chinese in Chinese.

Each view runs as a person runs it (``COLUMNS=60 zgc ... --format table``) on the
shipped data, at 60, 80 and 120 columns, in English and Chinese. Widths are
display widths: a Chinese character takes two cells. The numbers a view must
show are worked out from the command's own CSV through the one human formatter,
so a number split over two lines, or cut, is missed on every line.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Callable

import pytest
from rich.cells import cell_len
from rich.console import Console
from typer.testing import CliRunner

from tests.conftest import REPO_ROOT
from zgc_cli.cli import app
from zgc_cli.model.dataset import Dataset
from zgc_cli.model.schema import FLAG_SEPARATOR, QUALIFIER_MARKS
from zgc_cli.present.numbers import (
    INTERVAL_JOINER,
    Notation,
    bounds_of,
    human_number,
    interval_text,
    marked_interval,
)
from zgc_cli.present.tables import plain, print_renderables
from zgc_cli.words import Language

runner = CliRunner()

WIDTHS = (60, 80, 120)

Row = dict[str, str]
# What a view must show for each row of its CSV, in a language: the human numbers.
Expected = Callable[[Row, Language], list[str]]


def _value(column: str) -> Expected:
    def numbers(row: Row, lang: Language) -> list[str]:
        return [human_number(float(row[column]), row.get("unit", ""), lang)]

    return numbers


def _figure(column: str, qualifier: str, row: Row, lang: Language) -> str:
    """A figure as the views write it: its interval where that matters (179…193万), else
    the point, with the bound's mark that says the interval (>14万); no status mark."""
    return marked_interval(row[column], bounds_of(row, column), row["unit"], "", qualifier, lang)


def _interval_value(column: str) -> Expected:
    def numbers(row: Row, lang: Language) -> list[str]:
        flags = row.get("qualifier") or row.get("latest_flags", "")
        qualifier = next(
            (part for part in flags.split(FLAG_SEPARATOR) if part in QUALIFIER_MARKS), ""
        )
        return [_figure(column, qualifier, row, lang)]

    return numbers


def _compared(row: Row, lang: Language) -> list[str]:
    # The two ends and the percent change (what people quote) stay at every width; the
    # other measures may be left out, the compound annual rate among them.
    ends = [_figure(f"value_{end}", row[f"qualifier_{end}"], row, lang) for end in ("from", "to")]
    change = interval_text(row["change_pct"], bounds_of(row, "change_pct"), Notation.percent, lang)
    return ends + ([change] if change != "—" else [])


def _shared(row: Row, lang: Language) -> list[str]:
    return [
        interval_text(row["value"], bounds_of(row, "value"), Notation.value, lang),
        interval_text(row["of_value"], bounds_of(row, "of_value"), Notation.value, lang),
        interval_text(row["share_pct"], bounds_of(row, "share_pct"), Notation.share, lang),
    ]


def _diff_sides(row: Row, lang: Language) -> list[str]:
    """Each side's figure as a diff writes it: in Chinese the source's own words, starred
    where it was an estimate (8.6万亿元*); in English with its marks (8.6 trillion*,
    <~980 billion). A side without a figure (added, removed) has none to look for."""
    figures = []
    for side in ("old", "new"):
        status, written = row[f"{side}_status"], row[f"{side}_figure"]
        if not row[f"{side}_value"]:
            continue
        if lang is Language.zh and written and status != "derived":
            figures.append(written + ("*" if status == "estimate" else ""))
            continue
        bounds = bounds_of(row, f"{side}_value")
        qualifier = row[f"{side}_qualifier"]
        figures.append(
            marked_interval(row[f"{side}_value"], bounds, row["unit"], status, qualifier, lang)
        )
    return figures


def _exported(row: Row, lang: Language) -> list[str]:
    return [row["value"], row["year"]]


def _dated(row: Row, lang: Language) -> list[str]:
    return [row["date"]]


def _nothing(row: Row, lang: Language) -> list[str]:
    return []


# (command, takes --lang, takes --limit, the numbers each CSV row must show)
VIEWS: dict[str, tuple[tuple[str, ...], bool, bool, Expected]] = {
    "catalog": (("metrics",), True, True, _interval_value("latest_value")),
    "series": (("metrics", "revenue", "employees"), True, True, _interval_value("value")),
    "compare": (("compare", "2014", "2023"), True, True, _compared),
    "compare-2022": (("compare", "2022", "2023"), True, True, _compared),
    "compare-near": (("compare", "2014", "2023", "--tolerance", "1"), True, True, _compared),
    "share": (("share", "registered_large_models"), True, False, _shared),
    "search": (("search", "专利"), True, True, _nothing),
    "source": (("source", "revenue"), True, False, _value("value")),
    "timeline": (("timeline",), True, False, _dated),
    "export": (("export",), False, True, _exported),
    "verify": (("verify",), True, True, _nothing),
    "diff": (("diff", "--as-of", "2024-05", "--as-of", "2024-12"), True, True, _diff_sides),
    # README's diff of two files, named relative to the repository as README names them.
    "diff-files": (
        ("diff", "data/metrics.csv", "data/sources/beijing-2024/metrics.csv", "--partial"),
        True,
        True,
        _diff_sides,
    ),
}
# The views of what later publications changed: they read every shipped source.
EVERY_SOURCE = {"diff"}
# verify's whole table is checked at 60, 80, 100 and 120 columns in both languages by
# tests/test_zh.py (every line fits, every number it expects or finds whole): not again
# here, where its Chinese words are still checked.
CHECKED_ELSEWHERE = {"verify"}


def _run(monkeypatch: pytest.MonkeyPatch, width: int, *args: str) -> str:
    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.chdir(REPO_ROOT)
    result = runner.invoke(app, list(args))
    assert result.exit_code in (0, 1), result.output  # verify exits 1 when a check fails
    return result.stdout


def _table(
    request: pytest.FixtureRequest, view: str, width: int, lang: Language
) -> tuple[str, list[Row]]:
    monkeypatch: pytest.MonkeyPatch = request.getfixturevalue("monkeypatch")
    if view in EVERY_SOURCE:
        request.getfixturevalue("later_sources")
    args, has_lang, has_limit, _ = VIEWS[view]
    language = ("--lang", str(lang)) if has_lang else ()
    every = ("--limit", "0") if has_limit else ()
    command = (*args, *language, *every, "--format", "table")
    if (command, width) not in _TABLES:
        _TABLES[command, width] = _run(monkeypatch, width, *command)
    machine = _machine(monkeypatch, args)
    return _TABLES[command, width], list(csv.DictReader(io.StringIO(machine)))


# A command's whole table at a width, made once (per worker): the Chinese check reads the
# 120-column tables the width check laid out, and a view without --lang (export) is the
# same command in either language's case.
_TABLES: dict[tuple[tuple[str, ...], int], str] = {}


# A view's CSV does not depend on the width or the language: made once per view (per
# worker), not once per case.
_MACHINE_TEXTS: dict[tuple[str, ...], str] = {}


def _machine(monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]) -> str:
    if args not in _MACHINE_TEXTS:
        _MACHINE_TEXTS[args] = _run(monkeypatch, 200, *args, "--format", "csv")
    return _MACHINE_TEXTS[args]


def _cases() -> list[object]:
    cases: list[object] = []
    for view in [view for view in VIEWS if view not in CHECKED_ELSEWHERE]:
        for width in WIDTHS:
            for lang in Language:
                cases.append(pytest.param(view, width, lang, id=f"{view}-{width}-{lang}"))
    return cases


@pytest.mark.parametrize(("view", "width", "lang"), _cases())
def test_every_line_fits_and_every_number_is_whole(
    request: pytest.FixtureRequest, view: str, width: int, lang: Language
) -> None:
    table, rows = _table(request, view, width, lang)
    lines = table.splitlines()
    assert lines, "the view printed nothing"
    too_wide = [line for line in lines if cell_len(line.rstrip()) > width]
    assert not too_wide, (len(too_wide), too_wide[:3])
    expected = VIEWS[view][3]
    split = [number for row in rows for number in expected(row, lang) if not _whole(number, lines)]
    assert not split, split[:5]


def _whole(number: str, lines: list[str]) -> bool:
    """A number is on one line; an interval's two ends may be on two (``1.79…`` / ``1.93万``),
    each whole, where a narrow terminal has no room for both on one."""
    if any(number in line for line in lines):
        return True
    low, joiner, high = number.partition(INTERVAL_JOINER)
    if not joiner:
        return False
    ends_first = re.compile(rf"(?:^|\s){re.escape(low + joiner)}(?:\s|$)")
    starts_second = re.compile(rf"(?:^|\s){re.escape(high)}(?![\d.,])")
    return any(ends_first.search(line) for line in lines) and any(
        starts_second.search(line) for line in lines
    )


def test_a_line_of_text_never_breaks_inside_a_number_at_any_width() -> None:
    # Rich alone cuts a run of Chinese text, digits included, at the edge.
    text = (
        "企业总收入从2014年的3.6万亿元提高到2023年的预计8.6万亿元；"
        "Zhongguancun 3.6 trillion → 8.6 trillion*"
    )
    numbers = ("2014年", "3.6万亿元", "2023年", "8.6万亿元", "3.6 trillion", "8.6 trillion*")
    for width in range(14, 70):
        console = Console(file=io.StringIO(), width=width, color_system=None)
        print_renderables(console, [plain(text)])
        lines = console.file.getvalue().splitlines()  # type: ignore[attr-defined]
        assert all(cell_len(line.rstrip()) <= width for line in lines), width
        split = [number for number in numbers if not any(number in line for line in lines)]
        assert not split, (width, split)


def test_the_numbers_check_would_see_a_number_split_over_two_lines() -> None:
    # The check above is a substring of one line: a number cut in two is in neither half.
    lines = ["Total revenue   3.6 tril", "lion"]
    assert not _whole("3.6 trillion", lines)
    # An interval's ends may be a line each, but each end is whole.
    assert _whole("+109.7…+109.9%", ["Value of   +109.7…", "technology +109.9%"])
    assert not _whole("+109.7…+109.9%", ["Value of   +109.7…+1", "technology 09.9%"])
    assert not _whole("+109.7…+109.9%", ["Value of   +109.", "technology 7…+109.9%"])


# --- Chinese is Chinese ---------------------------------------------------------------

STATUS_WORDS = {
    "reported",
    "estimate",
    "derived",
    "exact",
    "more_than",
    "less_than",
    "nearly",
    "about",
    "inferred",
    "stated",
    "publication",
    "new",
}
# A command the notes name (`zgc source`) is not the entity zgc.
COMMAND = re.compile(r"\bzgc (?:metrics|compare|source|search|share|timeline|export|verify|plot)\b")
# Data text a person wrote in English (a figure's note, the publication's citation) is
# shown as written: not a word of the view's own.
DATA_LINES = ("  说明：", "来源：")


QUOTED_LITERAL = re.compile(r"'[^'\n]*'")
# A data file a command was given is named as typed (data/sources/beijing-2024/metrics.csv).
DATA_FILE = re.compile(r"\S+\.(?:csv|tsv|jsonl?|xlsx)\b")


@functools.cache
def _forbidden_in_chinese() -> frozenset[str]:
    dataset = Dataset.open()
    entities = {str(entity) for entity in dataset.entities["entity"]}
    units = {str(unit) for unit in dataset.frame["unit"].unique() if str(unit)}
    # Metric ids are shown, dim, beneath a name to be typed; one is also a unit's id
    # (patents_per_10k_people), and there it is the metric's.
    metrics = {str(metric) for metric in dataset.frame["metric"].unique()}
    return frozenset((entities | units | STATUS_WORDS) - metrics)


@pytest.mark.parametrize(
    "view",
    [view for view, (_, has_lang, _, _) in VIEWS.items() if has_lang],
)
def test_chinese_tables_have_no_entity_id_unit_id_or_english_status_word(
    request: pytest.FixtureRequest, view: str
) -> None:
    # At 120 columns an id line never wraps, so each id is one token (revenue, not revenue_).
    table, _ = _table(request, view, 120, Language.zh)
    own = "\n".join(line for line in table.splitlines() if not line.startswith(DATA_LINES))
    # A literal the data must hold is quoted as written (verify: a note starting
    # 'year inferred:'), as a command is: neither is a word of the table's own.
    unquoted = DATA_FILE.sub("", QUOTED_LITERAL.sub("", COMMAND.sub("", own)))
    tokens = set(re.findall(r"[A-Za-z0-9_]+", unquoted))
    assert not tokens & _forbidden_in_chinese(), sorted(tokens & _forbidden_in_chinese())


def test_the_chinese_check_would_see_an_entity_id() -> None:
    tokens = set(re.findall(r"[A-Za-z0-9_]+", "企业总收入（zgc）  3.6万亿 CNY"))
    assert {"zgc", "CNY"} <= tokens & _forbidden_in_chinese()
