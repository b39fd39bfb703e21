"""Names where ids go: metrics and entities by id, English or Chinese name, or alias."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest
from typer.testing import CliRunner

from zgc_cli import stats
from zgc_cli.cli import app
from zgc_cli.completion import complete_entities, complete_metrics
from zgc_cli.model.dataset import Dataset
from zgc_cli.model.names import NameIndex, named_ids, normalized
from zgc_cli.phrases import said
from zgc_cli.stats import naming
from zgc_cli.stats.select import UnknownSelectionError

runner = CliRunner()


def run(*args: str):  # noqa: ANN201 - a Result
    return runner.invoke(app, list(args))


def entity_column(text: str) -> set[str]:
    return {row["entity"] for row in csv.DictReader(io.StringIO(text))}


@pytest.mark.parametrize(
    ("typed", "entity"),
    [
        ("Beijing", "beijing"),
        ("北京", "beijing"),
        ("北京市", "beijing"),
        ("中关村", "zgc"),
        ("ZGC", "zgc"),
        ("ｚｇｃ", "zgc"),  # full-width, as a Chinese input method types it
        ("  zhongguancun ", "zgc"),
        ("全国", "china"),
    ],
)
def test_an_entity_by_name_or_alias_selects_what_its_id_does(typed: str, entity: str) -> None:
    by_name = run("export", "--entity", typed, "--format", "csv")
    by_id = run("export", "--entity", entity, "--format", "csv")
    assert by_name.exit_code == 0, by_name.stderr
    assert entity_column(by_name.stdout) == {entity}
    assert by_name.stdout == by_id.stdout


@pytest.mark.parametrize(
    "typed", ["企业总收入", "Total revenue of firms", "REVENUE", "ｒｅｖｅｎｕｅ"]
)
def test_a_metric_by_name_is_its_series(typed: str) -> None:
    by_name = run("metrics", typed, "--format", "csv")
    assert by_name.exit_code == 0, by_name.stderr
    assert by_name.stdout == run("metrics", "revenue", "--format", "csv").stdout


@pytest.mark.parametrize(
    "args",
    [
        ("source", "企业总收入", "--format", "csv"),
        ("compare", "2014", "2023", "--metric", "企业总收入", "--entity", "中关村", "-f", "csv"),
        ("share", "已备案上线大模型数", "--of", "全国", "--format", "csv"),
        ("timeline", "--entity", "中关村示范区", "--format", "csv"),
        ("cite", "企业总收入", "2014", "--style", "bibtex"),
    ],
)
def test_every_command_takes_names(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip()


def test_normalized_folds_case_and_width_and_spaces() -> None:
    assert normalized("ＺＧＣ") == normalized("zgc") == "zgc"
    assert normalized(" Total   Revenue ") == "total revenue"
    assert normalized("Straße") == normalized("STRASSE")


def test_an_id_means_itself_before_any_name_of_another() -> None:
    index = NameIndex(named_ids([{"entity": "a", "name_en": "b"}, {"entity": "b"}], "entity"))
    assert index.candidates("b") == ("b",)
    assert index.candidates("B") == ("b",)


def ambiguous_dataset() -> Dataset:
    frame = pd.DataFrame(
        {
            "metric": ["parks"] * 2,
            "entity": ["north_park", "south_park"],
            "year": [2023, 2023],
            "value": [1.0, 2.0],
        }
    )
    entities = pd.DataFrame(
        {
            "entity": ["north_park", "south_park"],
            "name_en": ["North Park", "South Park"],
            "name_zh": ["北园", "南园"],
            "kind": ["", ""],
            "parent": ["", ""],
            "aliases_zh": ["科技园;北区", "科技园"],
        }
    )
    return Dataset.from_frame(frame, entities=entities)


def test_a_name_of_two_ids_is_refused_with_both() -> None:
    with pytest.raises(UnknownSelectionError) as raised:
        naming.entity_ids(ambiguous_dataset(), ["科技园"])
    error = said(raised.value)
    assert str(error) == (
        "'科技园' could be any of these entities: north_park (North Park), "
        "south_park (South Park); give its id"
    )
    assert error.text("zh") == (  # type: ignore[attr-defined]
        "'科技园' 可指多个主体：“北园”（north_park）、“南园”（south_park）；请给出主体代码"
    )
    assert naming.entity_ids(ambiguous_dataset(), ["北区", "South Park"]) == [
        "north_park",
        "south_park",
    ]


def test_chinese_suggestions_name_the_metric_in_chinese() -> None:
    result = run("metrics", "企业总收", "--lang", "zh")
    assert result.exit_code == 1
    assert "是否要找 “企业总收入”" in result.stderr
    assert "revenue" not in result.stderr
    english = run("metrics", "revenu")
    assert "did you mean revenue," in english.stderr


def test_chinese_unknown_entity_lists_names() -> None:
    result = run("export", "--entity", "上海", "--lang", "zh")
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1
    assert "“北京市”" in result.stderr and "“beijing”" not in result.stderr


def test_completion_offers_names_after_ids() -> None:
    assert complete_entities(None, "Zhong") == ["Zhongguancun"]
    # The id, typed in any case; not its name beside it, which differs only in case.
    assert complete_entities(None, "Bei") == complete_entities(None, "bei") == ["beijing"]
    assert "中关村" in complete_entities(None, "中关")
    assert complete_metrics(None, "企业总") == ["企业总收入"]
    assert complete_metrics(None, "rev") == ["revenue"]
    # Nothing typed: the ids alone, as before.
    assert "Beijing" not in complete_entities(None, "")
    # A name with a space would be split by the shell: not offered.
    assert not [name for name in complete_metrics(None, "Total") if " " in name]


def test_extract_takes_a_known_place_by_name(tmp_path) -> None:  # noqa: ANN001
    article = tmp_path / "a.txt"
    article.write_text("今年企业总收入达到100亿元。\n", encoding="utf-8")
    by_name = run("extract", str(article), "--entity", "北京", "--published", "2024", "-f", "csv")
    assert by_name.exit_code == 0, by_name.stderr
    assert entity_column(by_name.stdout) == {"beijing"}
    refused = run("extract", str(article), "--entity", "上海 浦东", "--published", "2024")
    assert refused.exit_code != 0  # no known place of that name, and no id either


def test_an_ambiguous_name_on_the_command_line_is_one_line_with_the_candidates(
    tmp_path,  # noqa: ANN001
) -> None:
    (tmp_path / "metrics.csv").write_text(
        "metric,entity,year,value\nparks,north_park,2023,1\nparks,south_park,2023,2\n",
        encoding="utf-8",
    )
    (tmp_path / "entities.csv").write_text(
        "entity,name_en,name_zh,kind,parent,aliases_zh\n"
        "north_park,North Park,北园,,,科技园\nsouth_park,South Park,南园,,,科技园\n",
        encoding="utf-8",
    )
    data = str(tmp_path / "metrics.csv")
    result = run("export", "--data", data, "--entity", "科技园")
    assert result.exit_code == 1
    assert result.stderr == (
        "zgc: error: '科技园' could be any of these entities: north_park (North Park), "
        "south_park (South Park); give its id\n"
    )
    chosen = run("export", "--data", data, "--entity", "南园", "--format", "csv")
    assert entity_column(chosen.stdout) == {"south_park"}


def test_the_mcp_tools_take_names_as_the_commands_do() -> None:
    from zgc_cli.mcp_server import Server, call

    server = Server()
    by_id, problem = call(server, "series", {"metric": "revenue", "entity": "zgc"})
    assert problem is None and by_id is not None
    by_name, problem = call(server, "series", {"metric": "企业总收入", "entity": "中关村"})
    assert problem is None
    assert by_name == by_id
    _, mistyped = call(server, "series", {"metric": "revenu"})
    assert mistyped is not None and "did you mean revenue" in mistyped


# --- Dataset.names: every name_<lang> column, nothing guessed -----------------------------


def _with_french(tmp_path):  # noqa: ANN001, ANN202 - a Path in, the metrics.csv path out
    """The shipped data with a name_fr column: revenue and zgc named, the rest not."""
    from tests.provenance import provenance_copy

    path = provenance_copy(tmp_path)
    french = {"revenue": "Chiffre d'affaires des entreprises", "zgc": "Zone de Zhongguancun"}
    for file_name, key in (("indicators.csv", "metric"), ("entities.csv", "entity")):
        frame = pd.read_csv(tmp_path / file_name, dtype=str, keep_default_na=False)
        frame["name_fr"] = [french.get(one, "") for one in frame[key]]
        frame.to_csv(tmp_path / file_name, index=False)
    return path


def test_a_third_name_column_is_a_language_of_its_own(tmp_path) -> None:  # noqa: ANN001
    dataset = Dataset.open(str(_with_french(tmp_path)))
    names = dataset.names
    assert names is dataset.names  # built once
    assert names.languages == ("en", "zh", "fr")
    assert names.metric("revenue")["fr"] == "Chiffre d'affaires des entreprises"
    assert names.entity("zgc") == {
        "en": "Zhongguancun",
        "zh": str(dataset.entities.set_index("entity").loc["zgc", "name_zh"]),
        "fr": "Zone de Zhongguancun",
    }
    # The results carry it: a table in a third language has its names to show.
    series = stats.series(dataset, ["revenue"])
    assert series.names["revenue"]["fr"] == "Chiffre d'affaires des entreprises"
    assert series.entity_names["zgc"]["fr"] == "Zone de Zhongguancun"
    # And the French name is a name zgc takes for the id.
    assert naming.metric_id(dataset, "chiffre d'affaires des entreprises") == "revenue"


def test_a_missing_name_is_reported_not_guessed(tmp_path) -> None:  # noqa: ANN001
    dataset = Dataset.open(str(_with_french(tmp_path)))
    names = dataset.names
    # invention_patents has English and Chinese names but no French one: '' and listed.
    assert names.metric("invention_patents")["en"] == "Valid invention patents held"
    assert names.metric("invention_patents")["fr"] == ""
    missing = {(one.kind, one.id) for one in names.missing if one.language == "fr"}
    assert ("metric", "invention_patents") in missing
    assert ("entity", "beijing") in missing
    assert ("metric", "revenue") not in missing and ("entity", "zgc") not in missing
    # The shipped data names every id in both of its languages.
    assert Dataset.open().names.missing == ()
    assert Dataset.open().names.languages == ("en", "zh")


def test_names_come_only_from_name_columns() -> None:
    from zgc_cli.model.names import MissingName, Names

    names = Names.from_rows(
        [{"metric": "m", "name_en": "Em", "name_xx": "", "unit": "CNY", "named": "no"}],
        [{"entity": "e", "name_xx": "Ex"}],
    )
    assert names.languages == ("en", "xx")  # "named" and "unit" are not names
    assert names.of_metrics() == {"m": {"en": "Em", "xx": ""}}
    assert names.of_entities(["e", "unknown"]) == {
        "e": {"en": "", "xx": "Ex"},
        "unknown": {"en": "", "xx": ""},
    }
    assert names.missing == (MissingName("metric", "m", "xx"), MissingName("entity", "e", "en"))


def test_the_names_examples_run() -> None:
    import doctest

    import zgc_cli.model.names

    outcome = doctest.testmod(zgc_cli.model.names)
    assert outcome.attempted >= 5 and outcome.failed == 0


@pytest.mark.parametrize("module", ["zgc_cli.model.dataset", "zgc_cli.stats"])
def test_the_notebook_examples_run(module: str) -> None:
    """The Dataset docstring's example calls functions that exist and says what they give."""
    import doctest
    import importlib

    outcome = doctest.testmod(importlib.import_module(module))
    assert outcome.attempted >= 4 and outcome.failed == 0
