"""Completion's cache and byte scan (zgc_cli.completion): what a TAB offers, and when it reads."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.conftest import REPO_ROOT, SAMPLE_CSV
from zgc_cli import completion

PLAIN_CSV = """\
metric,entity,year,value,unit
revenue,zgc,2014,1,CNY
revenue,haidian,2014,2,CNY
revenue,zgc,2023,3,CNY
firms,zgc,2012,4,firms
firms,beijing,2022,5,firms
"""


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Completion's cache in a folder of the test's own."""
    folder = tmp_path / "cache"
    monkeypatch.setattr(completion, "cache_dir", lambda: str(folder))
    return folder


@pytest.fixture
def scans(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The sizes of the files completion scanned (a cache hit scans none)."""
    scanned: list[int] = []
    real_scan = completion.scan

    def counting_scan(data: bytes) -> completion.Catalog:
        scanned.append(len(data))
        return real_scan(data)

    monkeypatch.setattr(completion, "scan", counting_scan)
    return scanned


def context(data: str | list[str] | None = None, **params: object) -> SimpleNamespace:
    return SimpleNamespace(params={"data": data, **params})


def test_the_first_tab_scans_and_a_later_one_reads_the_cache(
    tmp_path: Path, cache_dir: Path, scans: list[int]
) -> None:
    data = tmp_path / "mine.csv"
    data.write_text(PLAIN_CSV, encoding="utf-8")
    assert completion.complete_metrics(context(str(data)), "") == ["revenue", "firms"]
    assert scans == [len(PLAIN_CSV)]
    (cached,) = cache_dir.glob("completion-*.json")
    stored = json.loads(cached.read_text(encoding="utf-8"))
    assert stored["source"]["path"] == str(data.resolve())
    assert stored["entities"] == ["zgc", "haidian", "beijing"]
    assert completion.complete_entities(context(str(data)), "") == ["zgc", "haidian", "beijing"]
    assert completion.complete_years(context(str(data)), "20") == [
        "2012",
        "2014",
        "2022",
        "2023",
    ]
    assert scans == [len(PLAIN_CSV)], "later TABs read the cache, not the file"


def test_a_changed_size_or_modification_time_rebuilds_the_cache(
    tmp_path: Path, cache_dir: Path, scans: list[int]
) -> None:
    data = tmp_path / "mine.csv"
    data.write_text(PLAIN_CSV, encoding="utf-8")
    completion.complete_metrics(context(str(data)), "")
    grown = PLAIN_CSV + "patents,zgc,2020,6,patents\n"
    data.write_text(grown, encoding="utf-8")
    assert completion.complete_metrics(context(str(data)), "") == ["revenue", "firms", "patents"]
    # Same size, other bytes, another modification time: still rebuilt.
    same_size = grown.replace("patents,zgc", "licence,zgc").replace(",patents\n", ",licence\n")
    assert len(same_size) == len(grown)
    data.write_text(same_size, encoding="utf-8")
    status = data.stat()
    os.utime(data, ns=(status.st_atime_ns, status.st_mtime_ns + 5_000_000_000))
    assert completion.complete_metrics(context(str(data)), "") == ["revenue", "firms", "licence"]
    assert scans == [len(PLAIN_CSV), len(grown), len(same_size)]
    assert len(list(cache_dir.glob("completion-*.json"))) == 1, "one file per source, replaced"


def test_a_stale_or_broken_cache_file_is_not_trusted(
    tmp_path: Path, cache_dir: Path, scans: list[int]
) -> None:
    data = tmp_path / "mine.csv"
    data.write_text(PLAIN_CSV, encoding="utf-8")
    completion.complete_metrics(context(str(data)), "")
    (cached,) = cache_dir.glob("completion-*.json")
    for broken in ("{", "[]", '{"source": 1}', json.dumps({"source": {}, "metrics": [1]})):
        cached.write_text(broken, encoding="utf-8")
        assert completion.complete_metrics(context(str(data)), "") == ["revenue", "firms"]
    assert len(scans) == 5


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_an_unwritable_cache_directory_means_no_cache(
    tmp_path: Path, cache_dir: Path, scans: list[int]
) -> None:
    data = tmp_path / "mine.csv"
    data.write_text(PLAIN_CSV, encoding="utf-8")
    cache_dir.mkdir()
    cache_dir.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        for _ in range(2):
            assert completion.complete_metrics(context(str(data)), "") == ["revenue", "firms"]
    finally:
        cache_dir.chmod(stat.S_IRWXU)
    assert len(scans) == 2
    assert list(cache_dir.iterdir()) == []


def test_a_cache_directory_that_cannot_be_made_means_no_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scans: list[int]
) -> None:
    """Works as root too: a file stands where the cache directory would be made."""
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setattr(completion, "cache_dir", lambda: str(blocker / "zgc"))
    data = tmp_path / "mine.csv"
    data.write_text(PLAIN_CSV, encoding="utf-8")
    for _ in range(2):
        assert completion.complete_metrics(context(str(data)), "re") == ["revenue"]
    assert len(scans) == 2


def test_no_cache_directory_at_all_still_completes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_directory() -> str:
        raise RuntimeError("no home directory")

    monkeypatch.setattr(completion, "cache_dir", no_directory)
    data = tmp_path / "mine.csv"
    data.write_text(PLAIN_CSV, encoding="utf-8")
    assert completion.complete_metrics(context(str(data)), "f") == ["firms"]


def test_several_sources_are_offered_together_each_cached(
    tmp_path: Path, cache_dir: Path, scans: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = tmp_path / "first.csv"
    first.write_text(PLAIN_CSV, encoding="utf-8")
    second = tmp_path / "second.csv"
    second.write_text("metric,year,value\nunicorns,2024,9\nrevenue,2025,1\n", encoding="utf-8")
    paths = [str(first), str(second)]
    assert completion.complete_metrics(context(paths), "") == ["revenue", "firms", "unicorns"]
    assert completion.complete_years(context(paths), "202") == ["2022", "2023", "2024", "2025"]
    assert len(list(cache_dir.glob("completion-*.json"))) == 2
    # $ZGC_DATA lists paths separated by os.pathsep, handed over by Typer as one value.
    listed = os.pathsep.join(paths)
    monkeypatch.setenv("ZGC_DATA", listed)
    assert completion.complete_metrics(context(listed), "u") == ["unicorns"]
    assert completion.complete_metrics(context(None), "u") == ["unicorns"]
    assert len(scans) == 2, "each source scanned once"


def test_a_data_option_is_one_path_even_with_the_path_separator(tmp_path: Path) -> None:
    odd = tmp_path / f"a{os.pathsep}b.csv"
    assert completion.data_paths(str(odd), environ={}) == [str(odd)]
    assert completion.data_paths("-", environ={}) == ["-"]
    shipped = completion.data_paths(None, environ={})
    assert len(shipped) == 1 and shipped[0].endswith("metrics.csv")
    assert completion.data_paths("  ", environ={}) == [], "an unusable source completes nothing"


def test_stdin_is_never_read_on_a_tab(cache_dir: Path) -> None:
    assert completion.complete_metrics(context("-"), "") == []
    assert completion.complete_years(context("-", metric_id="revenue"), "") == []


@pytest.mark.parametrize("line_end", ["\n", "\r\n", "\r"])
def test_the_byte_scan_agrees_with_the_csv_module(line_end: str) -> None:
    text = SAMPLE_CSV.replace("\n", line_end)
    found = completion.scan(text.encode("utf-8"))
    assert found.metrics == [
        "revenue",
        "firms_revenue_over_100b",
        "patents_per_10k_people",
        "invention_patents",
        "employees",
        "large_models",
    ]
    assert found.entities == ["zgc", "beijing", "china"]
    assert found.years == [2012, 2013, 2014, 2020, 2022, 2023, 2024]


def test_the_plain_scan_reads_any_column_order_spaces_blanks_and_gbk() -> None:
    text = (
        "year,value, metric ,entity\n"
        "2014,1, revenue ,zgc\n"
        "\n"
        "2015.0,2,营业收入,中关村\n"
        "2016,3,营业收入,\n"
        ",,,\n"
        "2014,4,firms,海淀\n"
    )
    # Excel writes UTF-8 with a BOM; GBK has none.
    for raw in (b"\xef\xbb\xbf" + text.encode("utf-8"), text.encode("gb18030")):
        found = completion.scan(raw)
        assert found.metrics == ["revenue", "营业收入", "firms"]
        assert found.entities == ["zgc", "中关村", "海淀"]
        assert found.years == [2014, 2015, 2016]


def test_many_distinct_values_are_all_found() -> None:
    """Past the number of values one search excludes, the rest is read line by line."""
    lines = [f"{year},e{number:03d},m{number % 7},1" for number in range(300) for year in (1, 2)]
    text = "year,entity,metric,value\n" + "\n".join(lines) + "\n"
    found = completion.scan(text.encode())
    assert found.entities == [f"e{number:03d}" for number in range(300)]
    assert found.metrics == [f"m{number}" for number in range(7)]
    assert found.years == [1, 2]


def test_ids_that_share_a_prefix_or_regex_characters_are_told_apart() -> None:
    text = "metric,entity,year,value\na.b,x+,1,1\na,x,1,1\naXb,x+y,2,1\na.b,x,3,1\n"
    found = completion.scan(text.encode())
    assert found.metrics == ["a.b", "a", "aXb"]
    assert found.entities == ["x+", "x", "x+y"]
    assert found.years == [1, 2, 3]


def test_a_metrics_own_years_are_read_when_asked(tmp_path: Path, cache_dir: Path) -> None:
    data = tmp_path / "mine.csv"
    data.write_text(PLAIN_CSV, encoding="utf-8")
    assert completion.complete_years(context(str(data), metric_id="firms"), "") == [
        "2012",
        "2022",
    ]
    quoted = tmp_path / "quoted.csv"
    quoted.write_text(SAMPLE_CSV, encoding="utf-8")
    assert completion.complete_years(context(str(quoted), metric_id="employees"), "") == [
        "2013",
        "2022",
    ]


def test_completion_imports_no_pandas_or_numpy_even_when_it_builds_the_cache(
    tmp_path: Path,
) -> None:
    data = tmp_path / "mine.csv"
    data.write_text(PLAIN_CSV, encoding="utf-8")
    code = (
        "import sys\n"
        "from types import SimpleNamespace\n"
        "from zgc_cli import completion\n"
        f"context = SimpleNamespace(params={{'data': {str(data)!r}}})\n"
        "for _ in range(2):\n"
        "    print(completion.complete_metrics(context, ''))\n"
        "print(sorted(name for name in ('pandas', 'numpy') if name in sys.modules))\n"
    )
    environment = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    environment["PYTHONPATH"] = str(REPO_ROOT)
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=environment,
        check=True,
        cwd=tmp_path,
    )
    assert result.stdout.splitlines() == ["['revenue', 'firms']", "['revenue', 'firms']", "[]"]
    if sys.platform.startswith("linux"):
        assert list((tmp_path / "xdg" / "zgc").glob("completion-*.json"))


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("mine.tsv", "metric\tentity\tyear\tvalue\nalpha\tx\t2014\t1\nbeta\ty\t2023\t2\n"),
        (
            "mine.json",
            '[{"metric": "alpha", "entity": "x", "year": 2014, "value": 1},'
            ' {"metric": "beta", "entity": "y", "year": 2023, "value": 2}]',
        ),
        (
            "mine.jsonl",
            '{"metric": "alpha", "entity": "x", "year": 2014, "value": 1}\n'
            '{"metric": "beta", "entity": "y", "year": 2023, "value": 2}\n',
        ),
    ],
)
def test_every_text_format_zgc_reads_is_offered(
    tmp_path: Path, cache_dir: Path, name: str, text: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert completion.complete_metrics(context(str(path)), "") == ["alpha", "beta"]
    assert completion.complete_entities(context(str(path)), "") == ["x", "y"]
    assert completion.complete_years(context(str(path)), "20") == ["2014", "2023"]
    # `zgc source beta <TAB>`: that metric's years, read from the converted text too.
    assert completion.complete_years(context(str(path), metric_id="beta"), "") == ["2023"]


def test_categories_come_from_every_source(tmp_path: Path, cache_dir: Path) -> None:
    mine = tmp_path / "metrics.csv"
    mine.write_text("metric,year,value\nalpha,2020,1\n", encoding="utf-8")
    (tmp_path / "indicators.csv").write_text(
        "metric,name_en,name_zh,unit,kind,category\nalpha,A,A,firms,level,mycat\n",
        encoding="utf-8",
    )
    offered = completion.complete_categories(context([str(mine), "shipped"]), "")
    assert "mycat" in offered and "economy" in offered
