"""The texts a chart image writes, decided before anything is drawn (no matplotlib).

Titles, legend entries, bar names, the legend of marks and the foot, each fitted to
its place (:mod:`zgc_cli.present.charts.style`): :func:`figure_texts` lists them in
the order the figure is built, so the report pairs one drawing's texts across
languages, and tests read a chart's words without drawing it.
"""

from __future__ import annotations

from collections.abc import Sequence

from zgc_cli.model.schema import FLAG_ORDER, QUALIFIER_MARKS, STATUS_MARKS
from zgc_cli.present.charts.axis import y_axis
from zgc_cli.present.charts.shapes import INFERRED_MARK, Panel, flags_present, scale_notes
from zgc_cli.present.charts.style import ChartStyle, shorten, wrap
from zgc_cli.words import Language, message


def chart_texts(panels: Sequence[Panel], lang: Language, source_line: str) -> list[str]:
    """Every text a chart of ``panels`` may show (for the font that must draw them)."""
    texts = [
        source_line,
        message("chart.marks", lang),
        *(message("flag." + flag, lang) for flag in ("reported", *FLAG_ORDER)),
    ]
    for panel in panels:
        texts.append(panel.title)
        texts.extend(line.label(lang) for line in panel.lines)
        texts.extend(line.shown_entity for line in panel.lines)
        texts.extend(line.tagged(line.shown_entity, lang) for line in panel.lines)
        texts.extend(text for bar in panel.bars for text in (bar.shown_entity, bar.label))
        texts.extend(message("chart.bar_year", lang, entity="", year="") for _ in panel.bars[:1])
    return texts


def bar_names(panel: Panel, lang: Language, style: ChartStyle) -> list[str]:
    """The bars' names (with their years where the bars' years differ), shortened to fit."""
    years = {bar.year for bar in panel.bars}
    names = [
        message("chart.bar_year", lang, entity=bar.shown_entity, year=bar.year)
        if len(years) > 1
        else bar.shown_entity
        for bar in panel.bars
    ]
    return [shorten(name, style.legend_columns, middle=True) for name in names]


def panel_title(panel: Panel, style: ChartStyle) -> str:
    if style.wrap_footer:
        return "\n".join(wrap(panel.title, style.title_columns))
    return shorten(panel.title, style.title_columns)


def legend_labels(panel: Panel, lang: Language, style: ChartStyle) -> list[str]:
    """A line panel's legend entries, one a line that has one."""
    labels = [
        line.label(lang) if panel.indexed else line.tagged(line.shown_entity, lang)
        for line in panel.lines
    ]
    return [shorten(label, style.index_legend_columns, middle=True) for label in labels if label]


def footer_lines(
    panels: Sequence[Panel],
    lang: Language,
    source_line: str,
    notes: Sequence[str],
    style: ChartStyle,
) -> list[str]:
    marks = marks_line(panels, lang)
    footer_texts = (marks, *scale_notes(panels, lang), *notes, *source_line.split("\n"))
    return [
        line
        for text in footer_texts
        if text
        for line in (
            wrap(text, style.footer_columns)
            if style.wrap_footer
            else [shorten(text, style.footer_columns)]
        )
    ]


def figure_texts(
    panels: Sequence[Panel],
    lang: Language,
    source_line: str,
    notes: Sequence[str],
    style: ChartStyle,
) -> list[str | list[str]]:
    """The texts :func:`build_figure` writes, in the order :func:`_text_slots` finds them
    (a list: an axis's tick names), without building the figure."""
    texts: list[str | list[str]] = []
    for panel in panels:
        texts.append(panel_title(panel, style))
        if panel.is_bars:
            texts.extend(bar.label for bar in panel.bars)
            texts.append(bar_names(panel, lang, style))
            continue
        for line in panel.lines:
            if len(line.years) <= 12:
                texts.extend(
                    line.point_label(n, lang, panel.indexed) for n in range(len(line.years))
                )
        texts.extend(legend_labels(panel, lang, style))
        texts.append(list(y_axis(panel.values(), panel.indexed).labels))
    if any(not panel.is_bars for panel in panels):
        flags = flags_present([panel for panel in panels if not panel.is_bars])
        texts.append(message("flag.reported", lang))
        texts.extend(message("flag." + flag, lang) for flag in flags if flag != "inferred_year")
    footer = footer_lines(panels, lang, source_line, notes, style)
    if footer:
        texts.append("\n".join(footer))
    return texts


def marks_line(panels: Sequence[Panel], lang: Language) -> str:
    """``Marks: > more than · * estimate`` for bar panels (lines show theirs as markers),
    and ``? year inferred`` for any panel: a year's mark is in the text, not in a marker."""
    flags = [
        flag
        for flag in FLAG_ORDER
        if any(
            flag in panel.flags and (panel.is_bars or flag == "inferred_year") for panel in panels
        )
    ]
    if not flags:
        return ""
    parts = [
        (
            INFERRED_MARK
            if flag == "inferred_year"
            else QUALIFIER_MARKS.get(flag, STATUS_MARKS.get(flag, ""))
        )
        + " "
        + message("flag." + flag, lang)
        for flag in flags
    ]
    return message("chart.marks", lang) + " " + "  ".join(parts)
