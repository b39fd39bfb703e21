"""The view of ``zgc diff``: one row per change, its kind in words, and a one-line summary."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import pandas as pd
from rich.console import RenderableType
from rich.table import Table as RichTable

from zgc_cli.present.layout import Cell, Column, Table
from zgc_cli.present.numbers import human_number, is_missing, percent_text
from zgc_cli.present.tables import minimum_width, plain, render_layout
from zgc_cli.present.views.common import legend_note, series_label
from zgc_cli.stats.diff import KINDS, DiffResult
from zgc_cli.words import Language, message, profile_of


def figure_text(row: Mapping[Any, Any], side: str, lang: Language) -> str:
    """One side's figure: as written in Chinese (8.6万亿元), marked in English (8.6 trillion*)."""
    value = row[f"{side}_value"]
    if is_missing(value):
        return "—"
    written = str(row.get(f"{side}_figure") or "")
    status, qualifier = str(row[f"{side}_status"]), str(row[f"{side}_qualifier"])
    # A derived row's figure is its operand's words (1.5倍), not the figure: its interval is.
    if profile_of(lang).figures_as_written and written and status != "derived":
        mark = "*" if status == "estimate" else ""
        return written + mark
    from zgc_cli.present.number_bounds import bounds_of
    from zgc_cli.present.numbers import marked_interval

    bounds = bounds_of(row, f"{side}_value")
    return marked_interval(value, bounds, str(row["unit"]), status, qualifier, lang)


def kind_text(row: Mapping[Any, Any], lang: Language) -> str:
    """The kind in words, with the scope and whether the data explains it."""
    text = message(f"diff.kind.{row['kind']}", lang)
    if row["scope_differs"] and row["kind"] != "scope_differs":
        text += message("diff.and_scope", lang)
    if row["unexplained"]:
        text += message("diff.unexplained_mark", lang)
    return text


def _year_text(row: Mapping[Any, Any]) -> str:
    old, new = row["old_year"], row["new_year"]
    if not is_missing(old) and not is_missing(new) and int(old) != int(new):
        return f"{int(old)}→{int(new)}"
    return str(int(row["year"]))


def _overlap_text(value: Any, lang: Language) -> str:
    if value is None or is_missing(value):
        return ""
    return message("diff.overlap" if bool(value) else "diff.disjoint", lang)


def diff_view(
    result: DiffResult, lang: Language, width: int | None, rows_shown: int | None = None
) -> list[RenderableType]:
    """The changes' table (none when nothing changed), then the summary of them all, dim.

    With ``rows_shown``, the table lays out the first rows only; the summary still
    counts every change and names the largest revision wherever it is.

    Where the old and new figures cannot stand side by side (8.6 trillion* beside
    8.7 trillion, a name's longest word and the kind's), each new figure goes beneath
    its old one in one column, as an interval's ends go on two lines.
    """
    table = diff_layout(result, lang, rows_shown)
    renderables = render_layout(table, width) if table.rows else []
    built = renderables[0] if renderables else None
    if width is not None and isinstance(built, RichTable) and minimum_width(built) > width:
        renderables = render_layout(sides_stacked(table, lang), width)
    lines = summary_line(result, lang).split("\n")
    return [*renderables, *(plain(line, style="dim") for line in lines)]


def diff_layout(result: DiffResult, lang: Language, rows_shown: int | None = None) -> Table:
    """The changes as a table (names, years, old → new, change %, kind), with its legend:
    every change, or the first ``rows_shown``."""
    columns = [
        Column(message("diff.header.indicator", lang), comfortable=22),
        Column(message("diff.header.year", lang), numeric=True),
        Column(message("diff.header.old", lang), numeric=True),
        Column(message("diff.header.new", lang), numeric=True),
        Column(message("diff.header.change_pct", lang), numeric=True, drop=1),
        Column(message("diff.header.kind", lang), max_width=22),
        Column(message("diff.header.overlap", lang), drop=2),
    ]
    rows: list[list[Cell]] = []
    figures: list[str] = []
    shown = _rows(result, rows_shown)
    for row in shown:
        name = series_label(row["metric"], row["entity"], result.names, result.entity_names, lang)
        metric = str(row["metric"])
        old, new = figure_text(row, "old", lang), figure_text(row, "new", lang)
        figures += [old, new]
        rows.append(
            [
                Cell(name, detail=metric if metric != name else ""),
                Cell(_year_text(row), numeric=True),
                Cell(old, numeric=True),
                Cell(new, numeric=True),
                Cell(_change_text(row, lang), numeric=True),
                Cell(kind_text(row, lang)),
                Cell(_overlap_text(row["intervals_overlap"], lang)),
            ]
        )
    title = message("diff.title", lang, old=result.old_label, new=result.new_label)
    # Both sides' marks (8.6 trillion* was an estimate), and the intervals' forms shown.
    flags = (_flags(row) for row in shown)
    changes = [row[4].text for row in rows]
    marks = legend_note(flags, lang, figures=[*figures, *changes], shown=figures)
    return Table(
        columns,
        rows,
        title=title,
        notes=[marks] if marks is not None else [],
        ids_note=message("table.ids_left_out", lang),
        kind="diff",
    )


# The positions of the old and new figures' columns in :func:`diff_layout`.
OLD, NEW = 2, 3
# Before a new figure beneath its old one: the old becomes the new.
BECOMES = "→ "


def sides_stacked(table: Table, lang: Language) -> Table:
    """The diff's table with each new figure beneath its old one, in one column
    (``8.6 trillion*`` / ``→ 8.7 trillion``): the figures whole, every mark kept."""
    header = message("diff.header.old", lang) + " " + BECOMES + message("diff.header.new", lang)
    columns = [*table.columns[:OLD], Column(header, numeric=True), *table.columns[NEW + 1 :]]
    rows: list[list[Cell]] = []
    for row in table.body:
        old, new = row[OLD], row[NEW]
        sides = Cell(f"{old.text}\n{BECOMES}{new.text}", numeric=True)
        rows.append([*row[:OLD], sides, *row[NEW + 1 :]])
    return replace(table, columns=columns, rows=rows)


def _flags(row: Mapping[Any, Any]) -> str:
    """Both sides' status and qualifier, as the legend reads flags."""
    sides = ("old_status", "old_qualifier", "new_status", "new_qualifier")
    return ";".join(str(row[name] or "") for name in sides)


def _rows(result: DiffResult, rows_shown: int | None = None) -> list[dict[str, Any]]:
    """The result's rows (or its first ``rows_shown``), each with its sides' intervals and
    whether it rests on a bound."""
    frame = result.frame if rows_shown is None else result.frame.iloc[:rows_shown]
    rows: list[dict[str, Any]] = [
        {str(name): value for name, value in row.items()} for row in frame.to_dict("records")
    ]
    if result.sides is None:
        return rows
    # The sides are the frame's rows' by position.
    sides = result.sides.iloc[: len(frame)].to_dict("records")
    return [
        {**row, **{str(name): value for name, value in side.items()}}
        for row, side in zip(rows, sides, strict=True)
    ]


def _change_text(row: Mapping[Any, Any], lang: Language) -> str:
    """The relative change: the point between two figures written as points, else the
    interval the figures' words and digits allow (a bound's point is not what it says)."""
    if is_missing(row["change_pct"]):
        return _interval_pct(row, lang)
    if not row.get("bounded", False):
        return percent_text(row["change_pct"], lang)
    from zgc_cli.present.number_bounds import Notation, bounds_of
    from zgc_cli.present.numbers import interval_text

    return interval_text(row["change_pct"], bounds_of(row, "change_pct"), Notation.percent, lang)


def _interval_pct(row: Mapping[Any, Any], lang: Language) -> str:
    """A relative change known only as a bounded interval (``+0.5…+1.9%``), else a dash."""
    low, high = row.get("change_pct_low"), row.get("change_pct_high")
    # One end unbounded (近9800亿 against 接近9800亿: −100% … +∞) says nothing worth a cell;
    # the machine formats keep both readings' ends.
    if not is_missing(low) and not is_missing(high):
        return percent_text(low, lang) + "…" + percent_text(high, lang)
    return "—"


def summary_line(result: DiffResult, lang: Language) -> str:
    """Counts by kind and the largest revision, in one line (as OWID's dataset diffs)."""
    if not result.counts:
        return message("diff.none", lang)
    joiner = message("diff.joiner", lang)
    counts = joiner.join(
        message("diff.count", lang, count=count, kind=message(f"diff.kind.{kind}", lang))
        for kind, count in result.counts.items()
    )
    largest = ""
    if result.largest >= 0 and result.largest_by == "least_change":
        # Some revision rests on a bound or interval: ranked by the change that is certain.
        row = result.frame.iloc[result.largest]
        largest = message(
            "diff.largest_bounded",
            lang,
            metric=_name(row, result, lang),
            year=int(row["year"]),
            change=_change_text({**row.to_dict(), "bounded": True}, lang),
            count=result.bounded_revisions,
        )
    elif result.largest_by == "none_certain":
        largest = message("diff.largest_none", lang, count=result.bounded_revisions)
    elif result.largest >= 0:
        row = result.frame.iloc[result.largest]
        change = (
            percent_text(row["change_pct"], lang)
            if not is_missing(row["change_pct"])
            else human_number(row["new_value"], str(row["unit"]), lang)
        )
        largest = message(
            "diff.largest",
            lang,
            metric=_name(row, result, lang),
            year=int(row["year"]),
            change=change,
        )
    total = sum(result.counts.values())
    summary = message("diff.summary", lang, total=total, counts=counts, largest=largest)
    unexplained = unexplained_line(result, lang)
    return summary + "\n" + unexplained if unexplained else summary


def _name(row: pd.Series, result: DiffResult, lang: Language) -> str:
    """The indicator a summary names, as a person reads it (its name, not its id)."""
    return series_label(row["metric"], row["entity"], result.names, result.entity_names, lang)


def unexplained_line(result: DiffResult, lang: Language) -> str:
    """Why ``zgc diff`` exits 1: the changes no note of the data explains, by kind; or ''."""
    if not result.unexplained:
        return ""
    kinds = result.frame.loc[result.frame["unexplained"].astype(bool), "kind"].value_counts()
    joiner = message("diff.joiner", lang)
    listed = joiner.join(
        message("diff.count", lang, count=int(kinds[kind]), kind=message(f"diff.kind.{kind}", lang))
        for kind in KINDS
        if kind in kinds
    )
    return message("diff.unexplained", lang, count=result.unexplained, kinds=listed)
