"""The tools: each takes the CLI's selection and calls the stats function the command calls."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from zgc_cli.errors import ZgcError
from zgc_cli.mcp.arguments import (
    PAGE_ARGUMENTS,
    SELECTION_ARGUMENTS,
    TEXT,
    TEXT_OR_TEXTS,
    YEAR,
    listed,
    selection_of,
)
from zgc_cli.mcp.figures import frame_records, plain_cells
from zgc_cli.mcp.rows import compare_rows, observed_rows, series_rows, share_rows
from zgc_cli.mcp.schemas import cli_row_schema, response_schema
from zgc_cli.phrases import phrase

if TYPE_CHECKING:
    import pandas as pd

    from zgc_cli.mcp.server import Server
    from zgc_cli.model.dataset import Dataset


@dataclass(frozen=True)
class Tool:
    """One tool: its name, what it is for, its arguments and how it answers."""

    name: str
    description: str
    arguments: dict[str, Any]
    required: tuple[str, ...]
    cli_output: str
    answer: Callable[[Server, Mapping[str, Any]], dict[str, Any]]
    extra_properties: Mapping[str, Any] = field(default_factory=dict)
    # An observation tool's columns that go into its value's figure (figure_schema_of).
    folded: tuple[str, ...] = ()

    def input_schema(self) -> dict[str, Any]:
        return {
            "type": "object",
            "properties": self.arguments | PAGE_ARGUMENTS,
            "required": list(self.required),
            "additionalProperties": False,
        }

    def output_schema(self) -> dict[str, Any]:
        return response_schema(cli_row_schema(self.cli_output), self.extra_properties, self.folded)


def _why(result: Any) -> list[str]:
    """Why a result is empty, and what would give one (the CLI's note), as the answer's note."""
    why = str(getattr(result, "why_empty", "") or "")
    return [why] if why else []


def _series(server: Server, arguments: Mapping[str, Any]) -> dict[str, Any]:
    from zgc_cli import stats

    result = stats.series(
        server.dataset,
        listed(arguments["metric"]) or [],
        listed(arguments.get("entity")),
        **selection_of(arguments),
    )
    return server.page(series_rows(result.frame, server.passages), arguments, _why(result))


def _compare(server: Server, arguments: Mapping[str, Any]) -> dict[str, Any]:
    from zgc_cli import stats

    result = stats.comparison(
        server.dataset,
        int(arguments["year_from"]),
        int(arguments["year_to"]),
        metrics=listed(arguments.get("metric")),
        entities=listed(arguments.get("entity")),
        statuses=listed(arguments.get("status")),
        tolerance=int(arguments.get("tolerance") or 0),
    )
    answer = server.page(compare_rows(result.frame, server.passages), arguments, _why(result))
    answer["not_compared"] = [
        {"metric": str(row["metric"]), "entity": str(row["entity"]), "has_only": which}
        for which, frame in (("year_from", result.only_from), ("year_to", result.only_to))
        for row in frame.pipe(frame_records)
    ]
    return answer


def _share(server: Server, arguments: Mapping[str, Any]) -> dict[str, Any]:
    from zgc_cli import stats

    result = stats.share(
        server.dataset,
        str(arguments["metric"]),
        arguments.get("of"),
        entities=listed(arguments.get("entity")),
        **selection_of(arguments),
    )
    return server.page(share_rows(result.frame, server.passages), arguments, _why(result))


def _source(server: Server, arguments: Mapping[str, Any]) -> dict[str, Any]:
    from zgc_cli import stats

    result = stats.sources(
        server.dataset,
        str(arguments["metric"]),
        arguments.get("year"),
        entities=listed(arguments.get("entity")),
        **selection_of(arguments),
    )
    rows = _with_figures(result.frame, server.dataset)
    works = server.passages.citations.works
    return server.page(observed_rows(rows, works, hidden=("figure",)), arguments, _why(result))


def _with_figures(frame: pd.DataFrame, dataset: Dataset) -> pd.DataFrame:
    """``zgc source``'s rows with each figure as written, which its output leaves out.

    The figure's words decide its interval (突破26万 is not 26万 ± 5000). Each row
    takes the figure of the observation with the same key and value, current or an
    earlier vintage (two vintages of one value differ at most in wording).
    """
    import pandas as pd

    keys = ["metric", "entity", "year", "value"]
    known = [
        table[[*keys, "figure"]]
        for table in (dataset.frame, dataset.vintages)
        if table is not None and "figure" in table.columns
    ]
    if not known or "figure" in frame.columns:
        return frame
    figures = pd.concat(known, ignore_index=True).drop_duplicates(keys)
    merged = frame.merge(figures, on=keys, how="left", validate="many_to_one")
    return merged.set_axis(frame.index)


def _search(server: Server, arguments: Mapping[str, Any]) -> dict[str, Any]:
    from zgc_cli import stats

    result = stats.search(server.dataset, str(arguments["text"]))
    rows = [plain_cells(row, set()) for row in result.frame.pipe(frame_records)]
    return server.page(rows, arguments)


def _verify(server: Server, arguments: Mapping[str, Any]) -> dict[str, Any]:
    from zgc_cli.check.cited import run_each_source

    report = run_each_source(server.dataset, arguments.get("article_text"))
    rows = [plain_cells(row, set()) for row in report.frame.pipe(frame_records)]
    if arguments.get("failures_only"):
        rows = [row for row in rows if row.get("result") == "fail"]
    answer = server.page(rows, arguments)
    answer["counts"] = {name: int(count) for name, count in report.counts.items()}
    answer["failed"] = bool(report.failed)
    return answer


def _extract(server: Server, arguments: Mapping[str, Any]) -> dict[str, Any]:
    from zgc_cli.extract.draft import check_options, extract, places_from
    from zgc_cli.extract.reading import Document, html_text, is_html
    from zgc_cli.model.schema import ENTITIES_FILE
    from zgc_cli.model.sources import shipped_data_dir
    from zgc_cli.model.textio import read_text

    published = str(arguments.get("published") or "")
    entity = str(arguments.get("entity") or "")
    check_options(published, entity)
    text = str(arguments["text"])
    if is_html(text.encode("utf-8", "replace")):
        body, title = html_text(text)
        document = Document("text", body, title, True)
    else:
        document = Document("text", text)
    if not document.text.strip():
        raise ZgcError(phrase("mcp.no_text"))
    shipped = shipped_data_dir() / ENTITIES_FILE
    places = places_from([read_text(str(shipped), phrase("what.entities"))])
    result = extract(document, places, published=published, entity=entity)
    return server.page(observed_rows(result.frame), arguments)


def _cite(server: Server, arguments: Mapping[str, Any]) -> dict[str, Any]:
    import json

    from zgc_cli.present.choices import CitationStyle
    from zgc_cli.present.citations import format_citations
    from zgc_cli.present.i18n import Language
    from zgc_cli.stats.citations import cite

    result = cite(
        server.dataset,
        str(arguments["metric"]),
        arguments.get("year"),
        listed(arguments.get("entity")),
    )
    style = CitationStyle(str(arguments.get("style") or "gbt7714"))
    language = Language(str(arguments.get("lang") or "zh"))
    items = json.loads(format_citations(result.figures, CitationStyle("csl-json"), language))
    text = format_citations(result.figures, style, language)
    answer = server.page(items, arguments)
    answer["style"] = style.value
    answer["text"] = text
    return answer


TOOLS: tuple[Tool, ...] = (
    Tool(
        "search",
        "Find indicators by words (English or Chinese): their ids, names and units.",
        {"text": {"description": "Words to look for, e.g. revenue, 专利, AI.", **TEXT}},
        ("text",),
        "search",
        _search,
    ),
    Tool(
        "series",
        "An indicator's figures year by year, each with its change, percent change and "
        "compound annual growth since the previous figure, and each with its passage.",
        {
            "metric": {"description": "Indicator ids or names.", **TEXT_OR_TEXTS},
            **SELECTION_ARGUMENTS,
        },
        ("metric",),
        "series",
        _series,
    ),
    Tool(
        "compare",
        "Every indicator (or those asked) between two years: both figures, change, percent "
        "change, ratio, CAGR; the series that lack a year are listed in not_compared.",
        {
            "year_from": {"description": "The first year.", **YEAR},
            "year_to": {"description": "The second year.", **YEAR},
            "metric": {"description": "Only these indicators (ids or names).", **TEXT_OR_TEXTS},
            "tolerance": {
                "type": "integer",
                "minimum": 0,
                "maximum": 10,
                "description": "Take each series' nearest year within this many years.",
            },
            "entity": SELECTION_ARGUMENTS["entity"],
            "status": SELECTION_ARGUMENTS["status"],
        },
        ("year_from", "year_to"),
        "compare",
        _compare,
        {
            "not_compared": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["metric", "entity", "has_only"],
                    "properties": {
                        "metric": TEXT,
                        "entity": TEXT,
                        "has_only": {"enum": ["year_from", "year_to"]},
                    },
                },
            }
        },
    ),
    Tool(
        "share",
        "Each place's figure as a percent of a whole it is part of, in the same year.",
        {
            "metric": {"description": "The indicator id or name.", **TEXT},
            "of": {"description": "The whole (an entity id or name).", **TEXT},
            **SELECTION_ARGUMENTS,
        },
        ("metric",),
        "share",
        _share,
    ),
    Tool(
        "source",
        "The verbatim passages behind an indicator's figures, every vintage with its "
        "publication and date.",
        {
            "metric": {"description": "The indicator id or name.", **TEXT},
            "year": {"description": "Only this year.", **YEAR},
            **SELECTION_ARGUMENTS,
        },
        ("metric",),
        "source",
        _source,
        folded=("low", "high"),
    ),
    Tool(
        "verify",
        "Check every figure against its passage's wording and every claim against the "
        "figures (as `zgc verify`); failures_only keeps the failed checks.",
        {
            "failures_only": {"type": "boolean", "description": "Only the failed checks."},
            "article_text": {
                "type": "string",
                "description": "The article's full text, to check each passage is in it.",
            },
        },
        (),
        "verify",
        _verify,
        {
            "counts": {"type": "object", "additionalProperties": {"type": "integer"}},
            "failed": {"type": "boolean"},
        },
    ),
    Tool(
        "cite",
        "A citation of an indicator's figures (GB/T 7714, APA, BibTeX, RIS or CSL-JSON), "
        "with the CSL-JSON items as rows.",
        {
            "metric": {"description": "The indicator id or name.", **TEXT},
            "year": {"description": "Only this year.", **YEAR},
            "entity": SELECTION_ARGUMENTS["entity"],
            "style": {"enum": ["gbt7714", "apa", "bibtex", "ris", "csl-json"]},
            "lang": {"enum": ["en", "zh"]},
        },
        ("metric",),
        "cite",
        _cite,
        {"style": TEXT, "text": TEXT},
    ),
    Tool(
        "extract",
        "Find every figure of a text (Chinese or English news, bulletins, reports): draft "
        "observations with value, unit, qualifier, status, year, place and passage.",
        {
            "text": {"description": "The article's text (plain text or an HTML page).", **TEXT},
            "published": {
                "description": "Its publication date (YYYY, YYYY-MM or YYYY-MM-DD).",
                **TEXT,
            },
            "entity": {
                "description": "The place a figure is about when the text names none.",
                **TEXT,
            },
        },
        ("text",),
        "extract",
        _extract,
        folded=("low", "high"),
    ),
)
TOOLS_BY_NAME = {tool.name: tool for tool in TOOLS}
