"""An empty answer says why (a note on stderr, exit 0); an unknown --lang is a one-line error."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from zgc_cli import env as environment
from zgc_cli import stats
from zgc_cli.cli import app
from zgc_cli.model.dataset import Dataset

runner = CliRunner()


@pytest.fixture
def watched_stderr(monkeypatch: pytest.MonkeyPatch) -> None:
    """A person watches stderr (notes are for them); stdout stays a pipe."""
    monkeypatch.setattr(
        environment.Environment, "__init__", _watched(environment.Environment.__init__)
    )


def _watched(init):  # noqa: ANN001, ANN202 - wraps the dataclass __init__
    def wrapped(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        init(self, *args, **kwargs)
        self.stderr_is_tty = True

    return wrapped


def run(*args: str):  # noqa: ANN201 - a Result
    return runner.invoke(app, list(args))


@pytest.fixture(scope="module")
def shipped() -> Dataset:
    return Dataset.open()


def test_a_window_past_the_series_names_its_years_and_the_nearest(watched_stderr: None) -> None:
    result = run("metrics", "revenue", "--from", "2030", "--format", "csv")
    assert result.exit_code == 0
    years = sorted(int(year) for year in Dataset.open().frame.query("metric == 'revenue'")["year"])
    assert result.stderr == (
        f"zgc: note: no figure of revenue from 2030 on; its years: "
        f"{', '.join(map(str, years))} (nearest: {years[-1]}, e.g. --from {years[-1]})\n"
    )
    assert len(result.stdout.splitlines()) == 1  # the header: nothing matched


def test_the_note_speaks_chinese_with_names(watched_stderr: None) -> None:
    result = run("metrics", "revenue", "--to", "2000", "--lang", "zh", "--format", "csv")
    assert result.exit_code == 0
    assert result.stderr.startswith("zgc：提示：“企业总收入”在2000年及以前没有数据；其年份：2014")
    assert "例如 --to 2014" in result.stderr


def test_a_window_between_two_figures_names_both_sides(shipped: Dataset) -> None:
    result = stats.series(shipped, ["revenue"], year_from=2015, year_to=2020)
    assert result.frame.empty
    assert "(nearest: 2014, 2023, e.g. --from 2014)" in result.why_empty


def test_share_without_a_whole_names_the_metrics_it_can_use(shipped: Dataset) -> None:
    result = stats.share(shipped, "revenue")
    assert result.frame.empty
    usable = result.why_empty.split("metrics with a part and its whole in one year: ")[1]
    assert usable.split(", ") and "revenue" not in usable.split(", ")
    for metric in usable.split(", "):  # each one it names gives a share
        assert not stats.share(shipped, metric).frame.empty, metric


def test_filters_that_leave_nothing_are_named(shipped: Dataset) -> None:
    result = stats.observations(shipped, ["revenue"], statuses=["derived"])
    assert result.frame.empty
    assert result.why_empty.startswith("nothing matched --metric revenue, --status derived")
    catalog = stats.catalog_of(shipped, year_from=2030)
    assert catalog.why_empty.startswith("no figure from 2030 on; the data's years: ")
    assert not stats.catalog_of(shipped).why_empty  # not empty: no note


@pytest.mark.parametrize("lang", ["fr", "EN", "zh_CN"])
def test_an_unknown_language_is_one_line_and_exit_2(lang: str) -> None:
    result = run("metrics", "--lang", lang)
    assert result.exit_code == 2
    assert result.stderr == f"zgc: error: --lang {lang}: zgc speaks en, zh\n"


def test_a_comparison_of_nothing_names_its_filters(shipped: Dataset) -> None:
    result = stats.comparison(shipped, 2014, 2023, metrics=["Employees"], entities=["北京"])
    assert result.frame.empty and not result.not_compared
    assert result.why_empty.startswith("nothing matched --metric employees, --entity beijing")
    # Series with neither year: their years, and the tolerance that compares one.
    none = stats.comparison(shipped, 2014, 2023, metrics=["employees"])
    assert none.frame.empty and not none.not_compared
    years = sorted(int(year) for year in shipped.frame.query("metric == 'employees'")["year"])
    assert none.why_empty == (
        "no series selected has a figure in 2014 or 2023; their years: "
        f"{', '.join(map(str, years))} (--tolerance 1 compares the nearest years)"
    )
    assert not stats.comparison(shipped, 2013, 2022, metrics=["employees"], tolerance=1).frame.empty
    # Something compared: no note.
    some = stats.comparison(shipped, 2014, 2023, metrics=["revenue", "listed_firms"])
    assert not some.frame.empty and not some.why_empty
