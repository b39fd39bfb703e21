"""Each figure of an answer as one object: interval, unit, status, qualifier, passage, key."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from zgc_cli.errors import ZgcError
from zgc_cli.model.schema import FLAG_SEPARATOR, INTERVAL_SUFFIXES

if TYPE_CHECKING:
    import pandas as pd

    from zgc_cli.model.dataset import Dataset


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
    from zgc_cli.stats.citations import cite
    from zgc_cli.stats.references import references

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
        for row in frame_records(frame):
            key = (str(row["metric"]), str(row["entity"]), int(row["year"]))
            publication = row.get("publication") if "publication" in columns else ""
            self._rows[key] = Passage(
                unit=text_or_empty(row.get("unit")),
                status=text_or_empty(row.get("status")),
                qualifier=text_or_empty(row.get("qualifier")),
                year_basis=text_or_empty(row.get("year_basis")),
                quote=text_or_empty(row.get("quote")),
                citation_key=self.citations.figures.get(key, ""),
                publication=text_or_empty(publication),
            )

    def of(self, metric: str, entity: str, year: Any) -> Passage:
        number = _finite(year)
        if number is None:
            return Passage()
        return self._rows.get((metric, entity, int(number)), Passage())


def frame_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """A frame's rows as dicts by column name."""
    return cast(list[dict[str, Any]], frame.to_dict("records"))


def text_or_empty(value: Any) -> str:
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


def citation_of(
    works: Mapping[str, str] | None, row: Mapping[str, Any], metric: str, entity: str, year: int
) -> str:
    """An observation's citation by its publication date; '' for a draft or an unknown work."""
    work = (works or {}).get(text_or_empty(row.get("published")))
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


def plain_cells(row: Mapping[str, Any], skip: set[str]) -> dict[str, Any]:
    """A row's other cells, JSON-ready: a missing cell is null, flags an array."""
    plain: dict[str, Any] = {}
    for name, value in row.items():
        if name in skip:
            continue
        if name == "flags":
            plain[name] = [flag for flag in text_or_empty(value).split(FLAG_SEPARATOR) if flag]
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
    for row in frame.pipe(frame_records):
        sources = observed(row)
        given = [each for each in inputs(row) if _finite(each[2]) is not None]
        derived_from = [_input_of(*each, passages.of(*each)) for each in given]
        unit = text_or_empty(row.get("unit")) or (passages.of(*given[0]).unit if given else "")
        out = plain_cells(row, skip)
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
