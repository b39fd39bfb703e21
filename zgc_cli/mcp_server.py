"""``zgc mcp``: zgc's figures for programs and AI assistants, over the Model Context Protocol.

A second front door beside :mod:`zgc_cli.cli`, as thin: each tool takes the CLI's
selection (metric and entity by id or name, years, tolerance), calls the same
``stats`` function the command calls, and answers with the command's JSON rows,
except that no bare number leaves the server. Every figure becomes one object,
:func:`figure`, that carries what the statistics servers assistants use today drop:
its interval (``low``/``high``, open or closed), unit, status (reported, estimate,
derived), qualifier (exact, 超过, 近, 约…), how its year is known, the passage it
comes from and the key to cite it by. A derived figure (a change, a growth rate, a
share) names the figures it comes from.

Each tool declares an ``outputSchema`` made from the JSON Schema of the matching CLI
output (:func:`zgc_cli.present.schemas.load_schema`) by :func:`figure_schema_of`, so
the two cannot drift; the SDK validates every answer against it. Responses are
bounded: ``limit`` rows from ``offset``, with ``truncated`` and ``next_offset``.

The MCP SDK is an optional extra (``pip install 'zgc[mcp]'``), imported only here.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from zgc_cli.errors import ZgcError
from zgc_cli.model.schema import FLAG_SEPARATOR, INTERVAL_SUFFIXES
from zgc_cli.words import phrase

if TYPE_CHECKING:
    import pandas as pd

    from zgc_cli.model.dataset import Dataset

# A response holds at most this many rows unless a call asks for fewer.
DEFAULT_LIMIT = 50
MAX_LIMIT = 500
# Units of the quantities that are not in the row's own unit.
PERCENT_QUANTITIES = frozenset({"change_pct", "cagr_pct", "share_pct"})
RATIO_QUANTITIES = frozenset({"ratio"})
# Numbers that are not figures: they name a year, a row or a count of the response.
NOT_FIGURES = frozenset(
    {
        "year",
        "year_from",
        "year_to",
        "previous_year",
        "year_min",
        "year_max",
        "total",
        "returned",
        "offset",
        "next_offset",
        "limit",
        "score",
        "count",
        "counts",
        "first_year",
        "last_year",
        "observations",
        "paragraph",
        # CSL-JSON dates: [[2024, 4]]
        "date-parts",
    }
)


class MissingExtra(ZgcError):
    """The MCP SDK is not installed."""


def _finite(value: Any) -> float | int | None:
    """A cell as a JSON number, or None for a missing one (NaN, None, '')."""
    if value is None or value == "":
        return None
    number = float(value)
    if math.isnan(number) or math.isinf(number):
        return None
    return int(number) if number.is_integer() and abs(number) < 2**53 else number


def _flag(value: Any) -> bool:
    return bool(value) if value is not None and value == value else False


@dataclass(frozen=True)
class Passage:
    """What the data says of one observation: where a figure comes from."""

    unit: str = ""
    status: str = ""
    qualifier: str = ""
    year_basis: str = ""
    quote: str = ""
    citation_key: str = ""
    publication: str = ""


def figure_locator(metric: str, entity: str, year: int) -> str:
    """The figure's locator in a citation (``revenue:zgc:2023``), as ``zgc cite`` writes it."""
    from zgc_cli.stats.citations import CitedFigure

    return CitedFigure(metric=metric, entity=entity, year=year, value=0.0).key


@dataclass(frozen=True)
class Citations:
    """How ``zgc cite`` cites the data: each current figure's key, each work's by its date.

    Attributes:
        figures: ``[@work, figure id]`` by (metric, entity, year).
        works: each work's key by its publication date (an earlier vintage is cited
            by the work it was published in).
    """

    figures: Mapping[tuple[str, str, int], str] = field(default_factory=dict)
    works: Mapping[str, str] = field(default_factory=dict)


def citations_of(dataset: Dataset) -> Citations:
    """The citations of every figure: one reference per work (the article, each later one).

    A source without a data package naming its publication cannot be cited: its
    figures have an empty key.
    """
    from zgc_cli.stats.citations import cite, references

    try:
        cited = cite(dataset, None)
    except ZgcError:
        return Citations()
    figures: dict[tuple[str, str, int], str] = {}
    works: dict[str, str] = {}
    for reference in references(cited.figures):
        works.setdefault(reference.work.date, reference.work.key)
        for each in reference.figures:
            figures[(each.metric, each.entity, each.year)] = (
                f"@{reference.work.key}, figure {each.key}"
            )
    return Citations(figures, works)


@dataclass
class Passages:
    """Each current observation's passage and labels, by (metric, entity, year)."""

    dataset: Dataset
    _rows: dict[tuple[str, str, int], Passage] = field(default_factory=dict)
    citations: Citations = field(default_factory=Citations)

    def __post_init__(self) -> None:
        frame = self.dataset.frame
        columns = set(frame.columns)
        self.citations = citations_of(self.dataset)
        for row in _records(frame):
            key = (str(row["metric"]), str(row["entity"]), int(row["year"]))
            publication = row.get("publication") if "publication" in columns else ""
            self._rows[key] = Passage(
                unit=_text(row.get("unit")),
                status=_text(row.get("status")),
                qualifier=_text(row.get("qualifier")),
                year_basis=_text(row.get("year_basis")),
                quote=_text(row.get("quote")),
                citation_key=self.citations.figures.get(key, ""),
                publication=_text(publication),
            )

    def of(self, metric: str, entity: str, year: Any) -> Passage:
        number = _finite(year)
        if number is None:
            return Passage()
        return self._rows.get((metric, entity, int(number)), Passage())


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """A frame's rows as dicts by column name."""
    return cast(list[dict[str, Any]], frame.to_dict("records"))


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def quantities(columns: Iterable[str]) -> list[str]:
    """The quantities of a machine frame: each column with its six interval columns."""
    names = list(columns)
    present = set(names)
    return [name for name in names if all(name + s in present for s in INTERVAL_SUFFIXES)]


def figure(
    row: Mapping[str, Any],
    quantity: str,
    passage: Passage,
    *,
    unit: str,
    derived_from: Sequence[Mapping[str, Any]] = (),
) -> dict[str, Any]:
    """One quantity of a machine row as a figure object: never a bare number.

    A derived figure (status ``derived``) takes its qualifier from its inputs:
    ``exact`` when every input is exact, else ``bounded`` (its interval says how).
    Its quote is the passages of its inputs, each once, joined by `` … ``.
    """
    low = _finite(row.get(quantity + "_low"))
    high = _finite(row.get(quantity + "_high"))
    low_open = _flag(row.get(quantity + "_low_open"))
    high_open = _flag(row.get(quantity + "_high_open"))
    point = _allowed(_finite(row.get(quantity)), low, high, low_open, high_open)
    result: dict[str, Any] = {
        "point": point,
        "low": low,
        "high": high,
        "low_open": low_open,
        "high_open": high_open,
        "low_conventional": _finite(row.get(quantity + "_low_conventional")),
        "high_conventional": _finite(row.get(quantity + "_high_conventional")),
        "unit": unit,
    }
    if derived_from:
        exact = all(source.get("qualifier") == "exact" for source in derived_from)
        quotes = list(dict.fromkeys(s["quote"] for s in derived_from if s.get("quote")))
        result |= {
            "status": "derived",
            "qualifier": "exact" if exact else "bounded",
            "year_basis": "derived",
            "quote": " … ".join(quotes),
            "citation_key": "; ".join(
                dict.fromkeys(s["citation_key"] for s in derived_from if s.get("citation_key"))
            ),
            "derived_from": [dict(source) for source in derived_from],
        }
    else:
        result |= {
            "status": passage.status,
            "qualifier": passage.qualifier,
            "year_basis": passage.year_basis,
            "quote": passage.quote,
            "citation_key": passage.citation_key,
        }
    return result


def _cited(
    works: Mapping[str, str] | None, row: Mapping[str, Any], metric: str, entity: str, year: int
) -> str:
    """An observation's citation by its publication date; '' for a draft or an unknown work."""
    work = (works or {}).get(_text(row.get("published")))
    return f"@{work}, figure {figure_locator(metric, entity, year)}" if work else ""


def _allowed(
    point: float | None, low: float | None, high: float | None, low_open: bool, high_open: bool
) -> float | None:
    """The point, where the figure's words allow it; None for a bound.

    不到5分钟 is [0, 5): 5 is the bound, not a value the words allow, so it is
    never handed on as the figure (nor is 超过 x, which has no upper end).
    """
    if point is None or low is None or high is None:
        return None
    if point < low or point > high:
        return None
    if (low_open and point == low) or (high_open and point == high):
        return None
    return point


def _input_of(metric: str, entity: str, year: Any, passage: Passage) -> dict[str, Any]:
    """A derived figure's input: which observation, and what it says."""
    return {
        "metric": metric,
        "entity": entity,
        "year": _finite(year),
        "status": passage.status,
        "qualifier": passage.qualifier,
        "quote": passage.quote,
        "citation_key": passage.citation_key,
    }


def _plain(row: Mapping[str, Any], skip: set[str]) -> dict[str, Any]:
    """A row's other cells, JSON-ready: a missing cell is null, flags an array."""
    plain: dict[str, Any] = {}
    for name, value in row.items():
        if name in skip:
            continue
        if name == "flags":
            plain[name] = [flag for flag in _text(value).split(FLAG_SEPARATOR) if flag]
        elif isinstance(value, bool):
            plain[name] = value
        elif isinstance(value, int | float) or hasattr(value, "item"):
            plain[name] = _finite(value)
        else:
            plain[name] = value if isinstance(value, str) else None
    return plain


# Which observation a figure of a row is: (metric, entity, year).
Observed = tuple[str, str, Any]


def figure_rows(
    frame: pd.DataFrame,
    passages: Passages,
    observed: Callable[[Mapping[str, Any]], Mapping[str, Observed]],
    inputs: Callable[[Mapping[str, Any]], Sequence[Observed]],
    extra: Mapping[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """A result's rows with each quantity a figure object.

    ``observed`` names the quantities that are observations (a series' ``value``,
    compare's two ends, share's part and whole) and which; every other quantity is
    derived from the observations ``inputs`` names (those with a year).
    """
    named = quantities(frame.columns)
    skip = {q + s for q in named for s in ("", *INTERVAL_SUFFIXES)}
    rows: list[dict[str, Any]] = []
    for row in frame.pipe(_records):
        sources = observed(row)
        given = [each for each in inputs(row) if _finite(each[2]) is not None]
        derived_from = [_input_of(*each, passages.of(*each)) for each in given]
        unit = _text(row.get("unit")) or (passages.of(*given[0]).unit if given else "")
        out = _plain(row, skip)
        for quantity in named:
            if quantity in sources:
                passage = passages.of(*sources[quantity])
                out[quantity] = figure(row, quantity, passage, unit=unit or passage.unit)
            else:
                # A series' first row has no previous figure: nothing is derived, and
                # the empty figure cites nothing.
                out[quantity] = figure(
                    row,
                    quantity,
                    Passage(),
                    unit=_unit_of(quantity, unit),
                    derived_from=derived_from if len(derived_from) > 1 else (),
                )
        out |= dict(extra or {})
        rows.append(out)
    return rows


def _unit_of(quantity: str, unit: str) -> str:
    if quantity in PERCENT_QUANTITIES:
        return "percent"
    if quantity in RATIO_QUANTITIES:
        return "ratio"
    return unit


def series_rows(frame: pd.DataFrame, passages: Passages) -> list[dict[str, Any]]:
    """``zgc metrics ID``'s rows: the value, and its growth since the previous figure."""
    return figure_rows(
        frame,
        passages,
        lambda row: {"value": (str(row["metric"]), str(row["entity"]), row["year"])},
        lambda row: [
            (str(row["metric"]), str(row["entity"]), year)
            for year in (row.get("previous_year"), row["year"])
        ],
    )


def compare_rows(frame: pd.DataFrame, passages: Passages) -> list[dict[str, Any]]:
    """``zgc compare``'s rows: both ends, and each change between them."""

    def ends(row: Mapping[str, Any]) -> dict[str, Observed]:
        metric, entity = str(row["metric"]), str(row["entity"])
        return {
            "value_from": (metric, entity, row.get("year_from")),
            "value_to": (metric, entity, row.get("year_to")),
        }

    # A comparison, as the CLI's JSON row says it (the series not compared are apart).
    return figure_rows(
        frame, passages, ends, lambda row: list(ends(row).values()), extra={"reason": None}
    )


def share_rows(frame: pd.DataFrame, passages: Passages) -> list[dict[str, Any]]:
    """``zgc share``'s rows: the part, the whole and the share."""

    def parts(row: Mapping[str, Any]) -> dict[str, Observed]:
        metric = str(row["metric"])
        return {
            "value": (metric, str(row["entity"]), row["year"]),
            "of_value": (metric, str(row["of_entity"]), row["year"]),
        }

    return figure_rows(frame, passages, parts, lambda row: list(parts(row).values()))


def observed_rows(
    frame: pd.DataFrame,
    works: Mapping[str, str] | None = None,
    *,
    hidden: Iterable[str] = ("low", "high"),
) -> list[dict[str, Any]]:
    """Observations (``zgc source``, ``zgc extract``) with each value a figure.

    Their CLI output writes the value as written; the interval is the one the
    figure's words allow (:func:`zgc_cli.stats.observed.observation_bounds`), and
    the point is null where that interval is unbounded, as in every other output.
    """
    from zgc_cli.stats.intervals import bounded_points, interval_cells
    from zgc_cli.stats.observed import observation_bounds

    strict, conventional = observation_bounds(frame)
    intervals = interval_cells("value", strict, conventional)
    values = frame["value"].to_numpy(dtype="float64", na_value=float("nan"))
    points = bounded_points(values, strict)
    rows: list[dict[str, Any]] = []
    records = frame.pipe(_records)
    for index, row in enumerate(records):
        metric, entity, year = str(row["metric"]), str(row["entity"]), int(row["year"])
        passage = Passage(
            unit=_text(row.get("unit")),
            status=_text(row.get("status")),
            qualifier=_text(row.get("qualifier")),
            year_basis=_text(row.get("year_basis")),
            quote=_text(row.get("quote")),
            citation_key=_cited(works, row, metric, entity, year),
        )
        cells = dict(row) | {"value": points[index]}
        for suffix in INTERVAL_SUFFIXES:
            cells["value" + suffix] = intervals["value" + suffix][index]
        out = _plain(row, {"value", *hidden})
        out["value"] = figure(cells, "value", passage, unit=passage.unit)
        rows.append(out)
    return rows


# --- schemas -------------------------------------------------------------------------

FIGURE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": (
        "A figure: its point (null where the words allow no point, e.g. a one-sided "
        "bound) and the interval its words allow, with what it is and where it is from."
    ),
    "required": [
        "point",
        "low",
        "high",
        "low_open",
        "high_open",
        "unit",
        "status",
        "qualifier",
        "year_basis",
        "quote",
        "citation_key",
    ],
    "properties": {
        "point": {"type": ["number", "null"]},
        "low": {"type": ["number", "null"], "description": "null: unbounded below"},
        "high": {"type": ["number", "null"], "description": "null: unbounded above"},
        "low_open": {"type": "boolean", "description": "true: the low end is excluded"},
        "high_open": {"type": "boolean", "description": "true: the high end is excluded"},
        "low_conventional": {"type": ["number", "null"]},
        "high_conventional": {"type": ["number", "null"]},
        "unit": {"type": "string"},
        "status": {"type": "string", "description": "reported, estimate, target or derived"},
        "qualifier": {
            "type": "string",
            "description": "exact, a bound word's reading, or bounded for a derived figure",
        },
        "year_basis": {"type": "string"},
        "quote": {"type": "string", "description": "the passage; '' where the data has none"},
        "citation_key": {
            "type": "string",
            "description": "the citation as `zgc cite` gives it: @work, figure id ('' if none)",
        },
        "derived_from": {"type": "array", "items": {"type": "object"}},
    },
    "additionalProperties": False,
}


def figure_schema_of(row_schema: Mapping[str, Any], folded: Sequence[str] = ()) -> dict[str, Any]:
    """A CLI row schema with each quantity's seven columns turned into one figure object.

    The CLI's JSON writes a quantity ``q`` as ``q`` and its six interval columns
    (:data:`INTERVAL_SUFFIXES`); the server writes one object in their place. An
    observation's output (``source``, ``extract``) writes its value as written, with
    any given ``low``/``high`` beside it: those ``folded`` columns go into the value's
    figure. Everything else of the row is the CLI's schema as it is.
    """
    schema = copy.deepcopy(dict(row_schema))
    properties: dict[str, Any] = schema.setdefault("properties", {})
    named = quantities(properties)
    dropped = {q + s for q in named for s in INTERVAL_SUFFIXES}
    if folded:
        named = [*named, "value"]
        dropped |= set(folded)
    for name in dropped:
        properties.pop(name, None)
    for quantity in named:
        properties[quantity] = {"$ref": "#/$defs/figure"}
    if "required" in schema:
        schema["required"] = [name for name in schema["required"] if name not in dropped]
    return schema


def response_schema(
    row_schema: Mapping[str, Any],
    extra: Mapping[str, Any] | None = None,
    folded: Sequence[str] = (),
) -> dict[str, Any]:
    """The schema of a tool's answer: bounded rows of the given row schema."""
    properties: dict[str, Any] = {
        "rows": {"type": "array", "items": figure_schema_of(row_schema, folded)},
        "total": {"type": "integer", "minimum": 0},
        "returned": {"type": "integer", "minimum": 0},
        "offset": {"type": "integer", "minimum": 0},
        "truncated": {"type": "boolean"},
        "next_offset": {"type": ["integer", "null"]},
        "notes": {"type": "array", "items": {"type": "string"}},
    }
    properties |= dict(extra or {})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "required": ["rows", "total", "returned", "offset", "truncated", "next_offset", "notes"],
        "properties": properties,
        "$defs": {"figure": FIGURE_SCHEMA},
    }


def cli_row_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of one row of the CLI's JSON output ``name`` (``zgc schema NAME``)."""
    from zgc_cli.present.schemas import load_schema

    schema = load_schema(name)
    items = schema.get("items", schema)
    if "$ref" in items:  # a row defined under $defs
        reference = items["$ref"].rsplit("/", 1)[-1]
        items = schema["$defs"][reference]
    return dict(items)


# --- tools ---------------------------------------------------------------------------


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


_TEXT = {"type": "string"}
_TEXTS = {"type": "array", "items": {"type": "string"}}
_TEXT_OR_TEXTS = {"anyOf": [_TEXT, _TEXTS]}
_YEAR = {"type": "integer", "minimum": 1000, "maximum": 9999}
PAGE_ARGUMENTS: dict[str, Any] = {
    "limit": {
        "type": "integer",
        "minimum": 1,
        "maximum": MAX_LIMIT,
        "description": f"At most this many rows (default {DEFAULT_LIMIT}).",
    },
    "offset": {"type": "integer", "minimum": 0, "description": "Skip this many rows first."},
}
SELECTION_ARGUMENTS: dict[str, Any] = {
    "entity": {
        "description": "Places or bodies by id or name (e.g. zgc, 中关村, Beijing).",
        **_TEXT_OR_TEXTS,
    },
    "status": {"description": "Only these statuses: reported, estimate, derived.", **_TEXTS},
    "year_from": {"description": "From this year on.", **_YEAR},
    "year_to": {"description": "Up to this year.", **_YEAR},
}


class Server:
    """The figures of the ``--data`` sources given at start, loaded once, and the tools."""

    def __init__(
        self,
        data: Sequence[str] | None = None,
        as_of: str | None = None,
        prefer: Sequence[str] | None = None,
    ) -> None:
        from zgc_cli.model.dataset import Dataset

        self.dataset = Dataset.open(
            list(data) if data else None, as_of=as_of, prefer=list(prefer) if prefer else None
        )
        self.passages = Passages(self.dataset)

    # Each answer: the rows of the matching CLI output as figures, paged.
    def page(
        self, rows: list[dict[str, Any]], arguments: Mapping[str, Any], notes: Sequence[str] = ()
    ) -> dict[str, Any]:
        limit = int(arguments.get("limit") or DEFAULT_LIMIT)
        offset = int(arguments.get("offset") or 0)
        shown = rows[offset : offset + limit]
        more = offset + len(shown) < len(rows)
        page_notes = list(notes)
        if more:
            left = len(rows) - offset - len(shown)
            page_notes.append(phrase("mcp.more_rows", count=left, offset=offset + len(shown)))
        return {
            "rows": shown,
            "total": len(rows),
            "returned": len(shown),
            "offset": offset,
            "truncated": more,
            "next_offset": offset + len(shown) if more else None,
            "notes": page_notes,
        }


def _listed(value: Any) -> list[str] | None:
    """A text-or-texts argument as a list (None when not given)."""
    if value is None:
        return None
    return [value] if isinstance(value, str) else list(value)


def _selection(arguments: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "statuses": _listed(arguments.get("status")),
        "year_from": arguments.get("year_from"),
        "year_to": arguments.get("year_to"),
    }


def _why(result: Any) -> list[str]:
    """Why a result is empty, and what would give one (the CLI's note), as the answer's note."""
    why = str(getattr(result, "why_empty", "") or "")
    return [why] if why else []


def _series(server: Server, arguments: Mapping[str, Any]) -> dict[str, Any]:
    from zgc_cli import stats

    result = stats.series(
        server.dataset,
        _listed(arguments["metric"]) or [],
        _listed(arguments.get("entity")),
        **_selection(arguments),
    )
    return server.page(series_rows(result.frame, server.passages), arguments, _why(result))


def _compare(server: Server, arguments: Mapping[str, Any]) -> dict[str, Any]:
    from zgc_cli import stats

    result = stats.comparison(
        server.dataset,
        int(arguments["year_from"]),
        int(arguments["year_to"]),
        metrics=_listed(arguments.get("metric")),
        entities=_listed(arguments.get("entity")),
        statuses=_listed(arguments.get("status")),
        tolerance=int(arguments.get("tolerance") or 0),
    )
    answer = server.page(compare_rows(result.frame, server.passages), arguments, _why(result))
    answer["not_compared"] = [
        {"metric": str(row["metric"]), "entity": str(row["entity"]), "has_only": which}
        for which, frame in (("year_from", result.only_from), ("year_to", result.only_to))
        for row in frame.pipe(_records)
    ]
    return answer


def _share(server: Server, arguments: Mapping[str, Any]) -> dict[str, Any]:
    from zgc_cli import stats

    result = stats.share(
        server.dataset,
        str(arguments["metric"]),
        arguments.get("of"),
        entities=_listed(arguments.get("entity")),
        **_selection(arguments),
    )
    return server.page(share_rows(result.frame, server.passages), arguments, _why(result))


def _source(server: Server, arguments: Mapping[str, Any]) -> dict[str, Any]:
    from zgc_cli import stats

    result = stats.sources(
        server.dataset,
        str(arguments["metric"]),
        arguments.get("year"),
        entities=_listed(arguments.get("entity")),
        **_selection(arguments),
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
    rows = [_plain(row, set()) for row in result.frame.pipe(_records)]
    return server.page(rows, arguments)


def _verify(server: Server, arguments: Mapping[str, Any]) -> dict[str, Any]:
    from zgc_cli.check.cited import run_each_source

    report = run_each_source(server.dataset, arguments.get("article_text"))
    rows = [_plain(row, set()) for row in report.frame.pipe(_records)]
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
    from zgc_cli.words import phrase

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
    from zgc_cli.stats.citations import cite
    from zgc_cli.words import Language

    result = cite(
        server.dataset,
        str(arguments["metric"]),
        arguments.get("year"),
        _listed(arguments.get("entity")),
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
        {"text": {"description": "Words to look for, e.g. revenue, 专利, AI.", **_TEXT}},
        ("text",),
        "search",
        _search,
    ),
    Tool(
        "series",
        "An indicator's figures year by year, each with its change, percent change and "
        "compound annual growth since the previous figure, and each with its passage.",
        {
            "metric": {"description": "Indicator ids or names.", **_TEXT_OR_TEXTS},
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
            "year_from": {"description": "The first year.", **_YEAR},
            "year_to": {"description": "The second year.", **_YEAR},
            "metric": {"description": "Only these indicators (ids or names).", **_TEXT_OR_TEXTS},
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
                        "metric": _TEXT,
                        "entity": _TEXT,
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
            "metric": {"description": "The indicator id or name.", **_TEXT},
            "of": {"description": "The whole (an entity id or name).", **_TEXT},
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
            "metric": {"description": "The indicator id or name.", **_TEXT},
            "year": {"description": "Only this year.", **_YEAR},
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
            "metric": {"description": "The indicator id or name.", **_TEXT},
            "year": {"description": "Only this year.", **_YEAR},
            "entity": SELECTION_ARGUMENTS["entity"],
            "style": {"enum": ["gbt7714", "apa", "bibtex", "ris", "csl-json"]},
            "lang": {"enum": ["en", "zh"]},
        },
        ("metric",),
        "cite",
        _cite,
        {"style": _TEXT, "text": _TEXT},
    ),
    Tool(
        "extract",
        "Find every figure of a text (Chinese or English news, bulletins, reports): draft "
        "observations with value, unit, qualifier, status, year, place and passage.",
        {
            "text": {"description": "The article's text (plain text or an HTML page).", **_TEXT},
            "published": {
                "description": "Its publication date (YYYY, YYYY-MM or YYYY-MM-DD).",
                **_TEXT,
            },
            "entity": {
                "description": "The place a figure is about when the text names none.",
                **_TEXT,
            },
        },
        ("text",),
        "extract",
        _extract,
        folded=("low", "high"),
    ),
)
TOOLS_BY_NAME = {tool.name: tool for tool in TOOLS}


# --- the protocol --------------------------------------------------------------------


def argument_problem(tool: Tool, arguments: Mapping[str, Any]) -> str | None:
    """What is wrong with a call's arguments, in one line, or None."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(tool.input_schema())
    for error in sorted(validator.iter_errors(dict(arguments)), key=lambda e: list(e.path)):
        where = ".".join(str(part) for part in error.path)
        if error.validator == "additionalProperties":
            known = ", ".join(sorted(tool.input_schema()["properties"]))
            return phrase("mcp.unknown_argument", tool=tool.name, arguments=known)
        if error.validator == "required":
            missing = error.message.split(" ")[0].strip("'")
            return phrase("mcp.required", tool=tool.name, argument=missing)
        if error.validator == "anyOf":
            return phrase("mcp.text_or_texts", tool=tool.name, argument=where)
        return phrase(
            "mcp.bad_argument", tool=tool.name, argument=where or "?", problem=_short(error.message)
        )
    return None


def _short(text: str, limit: int = 200) -> str:
    """An error text on one line, cut to a readable length."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def call(
    server: Server, name: str, arguments: Mapping[str, Any]
) -> tuple[dict[str, Any] | None, str | None]:
    """One tool call: its answer, or the one-line error zgc would print."""
    arguments = arguments if isinstance(arguments, Mapping) else {}
    tool = TOOLS_BY_NAME.get(name)
    if tool is None:
        return None, phrase("mcp.no_tool", name=repr(name), tools=", ".join(TOOLS_BY_NAME))
    problem = argument_problem(tool, arguments)
    if problem:
        return None, problem
    try:
        return tool.answer(server, arguments), None
    except ZgcError as error:
        return None, phrase("mcp.failed", tool=name, problem=_short(str(error)))
    except Exception as error:  # a defect: say so in one line, never a traceback
        return None, phrase("mcp.internal", tool=name, kind=type(error).__name__)


def serve(
    data: Sequence[str] | None = None,
    as_of: str | None = None,
    prefer: Sequence[str] | None = None,
) -> None:
    """Serve the tools over stdio until the client closes the stream."""
    try:
        import anyio
        import mcp.types as types
        from mcp.server.lowlevel import Server as ProtocolServer
        from mcp.server.stdio import stdio_server
    except ImportError as error:
        raise MissingExtra(phrase("mcp.needs_extra")) from error
    import json
    import os

    from zgc_cli import __version__

    figures = Server(data, as_of, prefer)
    protocol: ProtocolServer[Any, Any] = ProtocolServer(
        "zgc",
        version=__version__,
        instructions=(
            "Zhongguancun's innovation indicators. Every number is an object with its "
            "interval, unit, status, qualifier, year basis, the passage it comes from and "
            "its citation key: quote the passage and keep the bound words (超过 = more "
            "than, 近 = nearly, 约 = about) when you answer."
        ),
    )
    schemas = {tool.name: tool.output_schema() for tool in TOOLS}

    @protocol.list_tools()
    async def list_tools() -> list[types.Tool]:
        return [
            types.Tool(
                name=tool.name,
                description=tool.description,
                inputSchema=tool.input_schema(),
                outputSchema=schemas[tool.name],
            )
            for tool in TOOLS
        ]

    @protocol.call_tool(validate_input=False)
    async def call_tool(name: str, arguments: dict[str, Any]) -> Any:
        answer, problem = call(figures, name, arguments or {})
        if problem is not None:
            return types.CallToolResult(
                content=[types.TextContent(type="text", text=problem)], isError=True
            )
        assert answer is not None
        text = json.dumps(answer, ensure_ascii=False)
        return [types.TextContent(type="text", text=text)], answer

    async def run() -> None:
        # The process's own byte streams: zgc wraps sys.stdout for its writes (env.py),
        # and the protocol needs the raw pipe, line by line, in UTF-8.
        # Copies of the descriptors: the protocol closes its streams when it ends, and
        # zgc still flushes its own stdout on the way out.
        stdin = anyio.wrap_file(open(os.dup(0), encoding="utf-8", newline=""))  # noqa: SIM115
        stdout = anyio.wrap_file(
            open(os.dup(1), "w", encoding="utf-8", newline="", buffering=1)  # noqa: SIM115
        )
        async with stdio_server(stdin, stdout) as (read_stream, write_stream):
            await protocol.run(read_stream, write_stream, protocol.create_initialization_options())

    anyio.run(run)
