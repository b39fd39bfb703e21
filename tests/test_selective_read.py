"""Selection pushed into the read (issue 23): `zgc metrics ID` parses only the lines of ID,
and an unknown id is refused from the completion cache's ids before any read."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from zgc_cli import completion
from zgc_cli.cli import app
from zgc_cli.model import narrow as narrow_module
from zgc_cli.model.dataset import Dataset
from zgc_cli.model.names import normalized
from zgc_cli.model.narrow import Wanted, narrow

runner = CliRunner()

HEADER = "metric,entity,year,value,unit,status,qualifier\n"


def tidy_rows(metrics: int = 300, entities: int = 12, years: int = 10) -> str:
    """A plain tidy file; ids that hold one another (m01 in m010) keep the search honest."""
    lines = [HEADER]
    for metric in range(1, metrics + 1):
        for entity in range(1, entities + 1):
            for offset in range(years):
                value = (metric * 7919 + entity * 104729 + offset * offset * 13) % 100000 / 10
                status = "estimate" if (metric + offset) % 11 == 0 else "reported"
                lines.append(
                    f"m{metric:02d},e{entity:02d},{2014 + offset},{value},CNY,{status},exact\n"
                )
    return "".join(lines)


@pytest.fixture
def big_csv(tmp_path: Path) -> Path:
    path = tmp_path / "big.csv"
    path.write_text(tidy_rows(), encoding="utf-8")
    assert path.stat().st_size > narrow_module.NARROW_MIN_BYTES
    return path


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_narrow_keeps_every_line_of_an_id_with_its_number() -> None:
    text = tidy_rows()
    data = text.encode()
    narrowed = narrow(data, 0, "utf-8", Wanted(metrics=frozenset({"m10"})))
    assert narrowed is not None
    lines = text.splitlines()
    expected = [number for number, line in enumerate(lines, 1) if line.startswith("m10,")]
    kept = set(narrowed.line_numbers)
    assert set(expected) <= kept  # every line of m10 (and m100..m109, which hold "m10")
    for number in kept:
        assert "m10" in lines[number - 1]
    body = narrowed.data.decode().splitlines()
    assert body[0] == HEADER.strip()
    assert body[1:] == [lines[number - 1] for number in narrowed.line_numbers]


def test_narrow_with_entities_keeps_lines_holding_both() -> None:
    data = tidy_rows().encode()
    wanted = Wanted(metrics=frozenset({"m07"}), entities=frozenset({"e03"}))
    narrowed = narrow(data, 0, "utf-8", wanted)
    assert narrowed is not None
    rows = narrowed.data.decode().splitlines()[1:]
    assert len(rows) == 10 and all(row.startswith("m07,e03,") for row in rows)


@pytest.mark.parametrize(
    "change",
    [
        lambda text: text.replace("m05,e01,2014", '"m05",e01,2014', 1),  # a quote
        lambda text: text.replace("\n", "\n\n", 1),  # a blank line
        lambda text: text.replace("\n", "\r", 3),  # a lone carriage return
    ],
)
def test_a_file_that_is_not_plain_is_read_whole(change: object) -> None:
    text = change(tidy_rows())  # type: ignore[operator]
    assert narrow(text.encode(), 0, "utf-8", Wanted(metrics=frozenset({"m05"}))) is None


def test_metrics_output_is_the_full_reads(big_csv: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    commands = [
        ["metrics", "m07", "m150", "--format", "csv"],
        ["metrics", "m07", "--entity", "e03", "--format", "json"],
        ["metrics", "m10", "--from", "2016", "--to", "2019", "--format", "jsonl"],
        ["metrics", "m10", "--status", "reported"],
    ]
    narrowed = [invoke(*command, "--data", str(big_csv)) for command in commands]
    monkeypatch.setattr(narrow_module, "NARROW_MIN_BYTES", 1 << 40)  # the full read
    full = [invoke(*command, "--data", str(big_csv)) for command in commands]
    assert narrowed == full
    assert all(code == 0 and out for code, out, _ in full)


def test_the_narrowed_read_parses_only_the_lines_of_the_ids(big_csv: Path) -> None:
    dataset = Dataset.open(str(big_csv))
    narrowed = dataset.narrowed(Wanted(metrics=frozenset({"m07"})))
    assert narrowed is not None
    assert set(narrowed.frame["metric"].astype(str)) == {"m07"}
    assert len(narrowed.frame) == 120


@pytest.mark.parametrize("argument", ["nosuch", "m7", "Total revenue"])
def test_an_argument_that_is_no_id_is_not_narrowed(big_csv: Path, argument: str) -> None:
    dataset = Dataset.open(str(big_csv))
    assert dataset.narrowed(Wanted(metrics=frozenset({argument}))) is None


def test_unknown_entity_with_a_known_metric_gives_the_full_reads_error(big_csv: Path) -> None:
    code, out, err = invoke("metrics", "m07", "--entity", "e99", "--data", str(big_csv))
    assert code != 0 and not out
    assert "e99" in err and "e12" in err  # the whole file's entities are named


def test_an_unknown_id_is_refused_from_the_cache_alone(
    big_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    full = invoke("metrics", "m7", "--data", str(big_csv))
    assert full[0] != 0 and "m7" in full[2]
    completion.catalog_of(str(big_csv))  # a TAB builds the cache

    def no_read(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the data was opened")

    monkeypatch.setattr(Dataset, "open", no_read)
    assert invoke("metrics", "m7", "--data", str(big_csv)) == full


def test_a_name_or_alias_is_never_refused_from_the_cache(tmp_path: Path) -> None:
    data = tmp_path / "mine.csv"
    data.write_text("metric,entity,year,value\nrevenue,zgc,2014,1\n", encoding="utf-8")
    (tmp_path / "indicators.csv").write_text(
        "metric,name_en,name_zh\nrevenue,Total Revenue,企业总收入\n", encoding="utf-8"
    )
    (tmp_path / "entities.csv").write_text(
        "entity,name_en,aliases_zh\nzgc,Zhongguancun,中关村;ＺＧＣ园区\n", encoding="utf-8"
    )
    completion.catalog_of(str(data))
    for name in ("total revenue", "企业总收入", "中关村", "zgc园区", "ＴＯＴＡＬ  REVENUE".lower()):
        if normalized(name) in completion.cached_catalog(str(data)).names:  # type: ignore[union-attr]
            completion.refuse_unknown_metrics([str(data)], [name])  # falls through
    with pytest.raises(completion.ZgcError, match="unknown metric 'revenu'"):
        completion.refuse_unknown_metrics([str(data)], ["revenu"])
    # The first name hands every later argument to the full read, which checks them in order.
    completion.refuse_unknown_metrics([str(data)], ["Total Revenue", "nosuch"])


def test_the_cache_is_rebuilt_when_the_metadata_changes(tmp_path: Path) -> None:
    data = tmp_path / "mine.csv"
    data.write_text("metric,entity,year,value\nrevenue,zgc,2014,1\n", encoding="utf-8")
    completion.catalog_of(str(data))
    assert completion.cached_catalog(str(data)).names == []  # type: ignore[union-attr]
    (tmp_path / "indicators.csv").write_text("metric,name_en\nrevenue,Income\n", "utf-8")
    assert completion.cached_catalog(str(data)) is None
    assert completion.catalog_of(str(data)).names == ["income"]


def test_shipped_typos_are_refused_alike_with_and_without_the_cache() -> None:
    from zgc_cli.model.sources import resolve_data_source

    for typo in ("revenu", "firms_revenue_over", "zzz"):
        full = invoke("metrics", typo)
        completion.catalog_of(resolve_data_source(None).path)
        assert invoke("metrics", typo) == full
        assert full[0] != 0


def test_a_gb18030_file_reads_the_same_narrowed_or_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 元 in GB18030 is the bytes D4 AA, which UTF-8 reads as Ԫ: the kept lines alone
    # decode as UTF-8 by chance, while the whole file is GB18030.
    lines = ["metric,entity,year,value,unit\n"]
    for metric in range(2000):
        unit = "元" if metric == 0 else "亿元"
        lines += [f"m{metric:04d},e1,{year},{metric + year / 7:.3f},{unit}\n" for year in range(30)]
    path = tmp_path / "gbk.csv"
    path.write_bytes("".join(lines).encode("gb18030"))
    assert path.stat().st_size > narrow_module.NARROW_MIN_BYTES
    narrowed = invoke("metrics", "m0000", "--data", str(path), "--format", "csv")
    monkeypatch.setattr(narrow_module, "NARROW_MIN_BYTES", 1 << 40)  # the full read
    assert narrowed == invoke("metrics", "m0000", "--data", str(path), "--format", "csv")
    assert ",元," in narrowed[1]


@pytest.mark.parametrize("argument", ["M07", " m07 ", "ｍ０７"])
def test_an_id_the_full_read_resolves_is_never_refused_from_the_cache(
    big_csv: Path, argument: str
) -> None:
    completion.catalog_of(str(big_csv))  # a TAB builds the cache
    code, out, err = invoke("metrics", argument, "--data", str(big_csv), "--format", "csv")
    assert code == 0, err
    assert out.splitlines()[1].startswith("m07,")
