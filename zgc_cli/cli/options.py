"""The options the commands share, declared once, and the values they are gathered into.

A command names the shared options it takes (:func:`shared`) and receives them as
up to three values instead of a dozen parameters: a
:class:`~zgc_cli.stats.selection.Selection` (``--metric``, ``--entity``,
``--category``, ``--status``, ``--from``, ``--to``), which goes to the stats layer
whole; a :class:`DataChoice` (``--data``, ``--sheet``, ``--prefer``, ``--as-of``),
which opens the data; and a :class:`Shown` (``--format``, ``--output``, ``--bom``,
``--lang``, ``--limit``), which sets up the :class:`~zgc_cli.env.Environment`.

No ``from __future__ import annotations``: Typer reads these annotations on every run.
"""

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from zgc_cli.cli.completers import (
    complete_categories,
    complete_entities,
    complete_metrics,
    complete_statuses,
    complete_years,
)
from zgc_cli.cli.group import ADVANCED, DATA, OUTPUT, SELECTION
from zgc_cli.env import Environment
from zgc_cli.present.choices import OutputFormat
from zgc_cli.stats.selection import Selection
from zgc_cli.words import Language

if TYPE_CHECKING:
    from zgc_cli.model.dataset import Dataset

# ZGC_DATA is read by model.sources, not by Typer: it lists paths separated by
# os.pathsep, where Typer would split a list option's variable at spaces.
DataOption = Annotated[
    list[str] | None,
    typer.Option(
        "--data",
        rich_help_panel=DATA,
        help="Observations (metric, year, value): csv, tsv, json, jsonl, xlsx; `-` is stdin, "
        "`shipped` the shipped data. Repeat to combine. Default: $ZGC_DATA, else shipped.",
        show_default=False,
    ),
]
SheetOption = Annotated[
    str | None,
    typer.Option(
        "--sheet",
        rich_help_panel=ADVANCED,
        help="The .xlsx sheet to read (default: the first).",
        show_default=False,
    ),
]
PreferOption = Annotated[
    list[str] | None,
    typer.Option(
        "--prefer",
        rich_help_panel=ADVANCED,
        help="The source whose figure counts where sources overlap (repeatable). "
        "Default: the latest publication (--as-of); an overlap of one date is an error.",
        show_default=False,
    ),
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="DATE",
        rich_help_panel=DATA,
        help="Each figure as published on or before DATE (YYYY, YYYY-MM, YYYY-MM-DD): "
        "its latest vintage then. Default: the latest publication.",
        show_default=False,
    ),
]
FormatOption = Annotated[
    OutputFormat | None,
    typer.Option(
        "--format",
        "-f",
        rich_help_panel=OUTPUT,
        help="Output format. Default: from --output's extension, else table on a terminal "
        "and csv in a pipe.",
        show_default=False,
    ),
]
OutputOption = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        rich_help_panel=OUTPUT,
        help="Write to FILE, in the format of its extension: .csv .tsv .json .jsonl .md "
        ".xlsx (`zgc[excel]`). Written whole; replaces FILE, never an input.",
        show_default=False,
    ),
]
BomOption = Annotated[
    bool,
    typer.Option(
        "--bom",
        rich_help_panel=ADVANCED,
        help="CSV/TSV for Excel: UTF-8 with a BOM, CRLF line ends.",
    ),
]
LangOption = Annotated[
    Language | None,
    typer.Option(
        "--lang",
        rich_help_panel=OUTPUT,
        help="Language of tables and names (machine formats don't change). "
        "Default: from LANGUAGE/LC_ALL/LC_MESSAGES/LANG.",
        show_default=False,
    ),
]
MetricFilter = Annotated[
    list[str] | None,
    typer.Option(
        "--metric",
        "-m",
        rich_help_panel=SELECTION,
        help="Only this metric: its id or name (repeatable).",
        autocompletion=complete_metrics,
    ),
]
EntityFilter = Annotated[
    list[str] | None,
    typer.Option(
        "--entity",
        "-e",
        rich_help_panel=SELECTION,
        help="Only this entity: its id, name or alias (repeatable).",
        autocompletion=complete_entities,
    ),
]
CategoryFilter = Annotated[
    list[str] | None,
    typer.Option(
        "--category",
        "-c",
        rich_help_panel=SELECTION,
        help="Only metrics of this category (repeatable).",
        autocompletion=complete_categories,
    ),
]
StatusFilter = Annotated[
    list[str] | None,
    typer.Option(
        "--status",
        rich_help_panel=SELECTION,
        help="Only figures of this status: reported, estimate, target, derived (repeatable).",
        autocompletion=complete_statuses,
    ),
]
YearFromFilter = Annotated[
    int | None,
    typer.Option(
        "--from",
        rich_help_panel=SELECTION,
        help="From this year on.",
        autocompletion=complete_years,
        show_default=False,
    ),
]
YearToFilter = Annotated[
    int | None,
    typer.Option(
        "--to",
        rich_help_panel=SELECTION,
        help="Up to this year.",
        autocompletion=complete_years,
        show_default=False,
    ),
]
LimitOption = Annotated[
    int,
    typer.Option(
        "--limit",
        min=0,
        rich_help_panel=OUTPUT,
        help="Rows a table shows (0: all). Pipes and --format csv/json always get every row.",
    ),
]
DEFAULT_LIMIT = 50


@dataclass(frozen=True)
class DataChoice:
    """Which data a command reads: ``--data``, ``--sheet``, ``--prefer``, ``--as-of``."""

    data: tuple[str, ...] | None = None
    sheet: str | None = None
    prefer: tuple[str, ...] | None = None
    as_of: str | None = None

    @property
    def paths(self) -> list[str] | None:
        """``--data`` as the loader takes it (None: $ZGC_DATA, else the shipped data)."""
        return None if self.data is None else list(self.data)

    def load(self, env: Environment, as_of: str | None = None) -> "Dataset":
        """The data, loaded (``as_of``: another date than ``--as-of``'s, for ``diff``)."""
        from zgc_cli.model.dataset import Dataset

        prefer = None if self.prefer is None else list(self.prefer)
        when = self.as_of if as_of is None else as_of
        return env.load(Dataset.open(self.paths, prefer=prefer, sheet=self.sheet, as_of=when))

    def load_for(self, env: Environment, metrics: list[str], selection: Selection) -> "Dataset":
        """The data of a command that shows some metrics, read no further than it must.

        A metric that is no id (and no name) of the data is refused from the ids the
        completion cache holds, before any read, where the full read would refuse it
        first (no --from/--to or --status error comes before it). Otherwise only the
        lines of the wanted ids are parsed where that gives the full read's answer
        (see ``Dataset.narrowed``), else the whole file is.
        """
        from zgc_cli.completion import refuse_unknown_metrics
        from zgc_cli.model.schema import STATUSES
        from zgc_cli.model.sources import resolve_data_sources

        others_valid = selection.years_in_order and all(
            name in STATUSES for name in selection.statuses or ()
        )
        if self.as_of is None and not self.prefer and others_valid:
            # What Dataset.open refuses first.
            sources = resolve_data_sources(self.paths, sheet=self.sheet)
            if len(sources) == 1 and not sources[0].is_stdin:
                refuse_unknown_metrics([sources[0].path], metrics)
        from zgc_cli.model.dataset import Dataset
        from zgc_cli.model.narrow import Wanted

        prefer = None if self.prefer is None else list(self.prefer)
        dataset = Dataset.open(self.paths, prefer=prefer, sheet=self.sheet, as_of=self.as_of)
        wanted = Wanted(frozenset(metrics), frozenset(selection.entities or ()))
        narrowed = dataset.narrowed(wanted, env.load)
        return env.load(dataset) if narrowed is None else narrowed


@dataclass(frozen=True)
class Shown:
    """How a command's result is shown: ``--format``, ``-o``, ``--bom``, ``--lang``, ``--limit``."""

    fmt: OutputFormat | None = None
    output: str | None = None
    bom: bool = False
    lang: Language | None = None
    limit: int | None = None

    def environment(
        self,
        ctx: typer.Context,
        data: DataChoice | list[str] | None = None,
        inputs: tuple[tuple[str, str], ...] = (),
    ) -> Environment:
        """The command's Environment, told the language, the limit and where output goes.

        ``data`` and ``inputs`` are the files the command reads: ``-o`` is none of them.
        """
        env: Environment = ctx.obj
        env.language_option = self.lang
        env.limit = self.limit or None
        paths = data.paths if isinstance(data, DataChoice) else data
        env.direct_output(self.output, self.fmt, self.bom, paths, inputs)
        return env


# Every shared option: its declaration, its default, and the value it is gathered into.
_SHARED: dict[str, tuple[Any, Any, str]] = {
    "metric": (MetricFilter, None, "selection"),
    "entity": (EntityFilter, None, "selection"),
    "category": (CategoryFilter, None, "selection"),
    "status": (StatusFilter, None, "selection"),
    "year_from": (YearFromFilter, None, "selection"),
    "year_to": (YearToFilter, None, "selection"),
    "data": (DataOption, None, "source"),
    "sheet": (SheetOption, None, "source"),
    "prefer": (PreferOption, None, "source"),
    "as_of": (AsOfOption, None, "source"),
    "fmt": (FormatOption, None, "shown"),
    "output": (OutputOption, None, "shown"),
    "bom": (BomOption, False, "shown"),
    "lang": (LangOption, None, "shown"),
    "limit": (LimitOption, DEFAULT_LIMIT, "shown"),
}
# Shorthands for the usual groups.
YEARS = ("year_from", "year_to")
FILTERS = ("metric", "entity", "category", "status", *YEARS)
SOURCES = ("data", "sheet", "prefer", "as_of")
FORMATS = ("fmt", "output", "bom", "lang")


def _gathered(value: str, given: dict[str, Any]) -> Any:
    if value == "selection":
        return Selection.of(
            metrics=given.get("metric"),
            entities=given.get("entity"),
            categories=given.get("category"),
            statuses=given.get("status"),
            year_from=given.get("year_from"),
            year_to=given.get("year_to"),
        )
    if value == "source":
        data, prefer = given.get("data"), given.get("prefer")
        return DataChoice(
            None if data is None else tuple(data),
            given.get("sheet"),
            None if prefer is None else tuple(prefer),
            given.get("as_of"),
        )
    return Shown(
        given.get("fmt"),
        given.get("output"),
        bool(given.get("bom")),
        given.get("lang"),
        given.get("limit"),
    )


Command = TypeVar("Command", bound=Callable[..., Any])


def shared(*names: str) -> Callable[[Command], Command]:
    """Give a command the shared options ``names``, gathered into the values it declares.

    The command declares ``selection: Selection``, ``source: DataChoice`` and
    ``shown: Shown`` as it needs; Typer sees the options instead, after the
    command's own (its help orders them by panel).
    """
    unknown = set(names) - set(_SHARED)
    if unknown:
        raise ValueError(f"no shared option {sorted(unknown)}")

    def decorate(command: Command) -> Command:
        signature = inspect.signature(command)
        values = [name for name in signature.parameters if name in ("selection", "source", "shown")]
        own = [one for one in signature.parameters.values() if one.name not in values]
        added = [
            inspect.Parameter(
                name, inspect.Parameter.KEYWORD_ONLY, annotation=declared, default=default
            )
            for name, (declared, default, _) in _SHARED.items()
            if name in names
        ]

        @functools.wraps(command)
        def with_values(*args: Any, **options: Any) -> Any:
            given = {name: options.pop(name) for name in names}
            for value in values:
                options[value] = _gathered(value, given)
            return command(*args, **options)

        parameters = [*own, *added]
        with_values.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
        with_values.__annotations__ = {
            **{one.name: one.annotation for one in parameters},
            "return": signature.return_annotation,
        }
        return with_values  # type: ignore[return-value]

    return decorate
