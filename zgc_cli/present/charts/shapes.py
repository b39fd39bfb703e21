"""What a chart holds, as plain values: panels of lines or bars (no pandas, no drawing).

:mod:`zgc_cli.present.charts.panels` builds them from the series; the terminal and
the image draw them. Every text taken from the data is spelled out with
:func:`zgc_cli.present.safe.visible` before it reaches a title or a legend.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from zgc_cli.model.schema import FLAG_ORDER, QUALIFIER_MARKS, STATUS_MARKS
from zgc_cli.present.charts import fonts
from zgc_cli.present.charts.axis import PLAIN_NUMBERS_BELOW
from zgc_cli.present.numbers import (
    Bounds,
    Notation,
    chart_label,
    interval_text,
    marked_number,
)
from zgc_cli.present.safe import visible
from zgc_cli.present.views.vintages import MARK as REVISED_MARK
from zgc_cli.present.views.vintages import SCOPE_MARK
from zgc_cli.words import Language, message

# More lines than this in one panel cannot be told apart (8 terminal symbols, 10 image
# colours), and hundreds of them took a minute to draw as an image.
MAX_LINES_PER_PANEL = 12
MAX_SERIES = 30


class TooManySeriesError(ValueError):
    """More series than a chart can show; the message says how many and how to narrow them."""


INFERRED_MARK = "?"


def number_text(value: float) -> str:
    """A short number for labels and notes: 8.6, 8,600, and 1e+308 rather than 309 digits."""
    if abs(value) < PLAIN_NUMBERS_BELOW:
        return chart_label(value)
    return f"{value:.3g}"


def name_for(
    names: Mapping[str, Mapping[str, str]], metric: str, lang: Language, allow_cjk: bool = True
) -> str:
    """The indicator's name in ``lang``, else in the other language, else the metric id.

    With ``allow_cjk`` false a Chinese name is never returned (for images with no
    Chinese font).
    """
    known = names.get(metric, {})
    order = [str(lang), *(other for other in known if other != str(lang))]
    for language in order:
        text = str(known.get(language, "") or "").strip()
        if text and (allow_cjk or not fonts.cjk_characters([text])):
            return visible(text)
    return visible(metric)


@dataclass(frozen=True)
class Line:
    """One series as drawn: values already scaled or indexed.

    ``raw_values`` are the figures as the data has them (for labels in the tables'
    human form); ``growth`` is the series' change first to last, in words, or ''.
    """

    metric: str
    entity: str
    name: str
    years: tuple[int, ...]
    values: tuple[float, ...]
    statuses: tuple[str, ...]
    qualifiers: tuple[str, ...]
    base_year: int | None = None
    raw_values: tuple[float, ...] = ()
    unit: str = ""
    growth: str = ""
    base_label: str = ""
    bounds: tuple[Bounds | None, ...] = ()
    # As the tables mark them: a figure a later publication replaced (†), a change from
    # the previous figure that joins figures of different scope (‡), an inferred year.
    revised: tuple[bool, ...] = ()
    scope_changed: tuple[bool, ...] = ()
    year_bases: tuple[str, ...] = ()

    @property
    def inferred_years(self) -> frozenset[int]:
        """The years of the series that were inferred (``2023?`` in the tables)."""
        return frozenset(
            year
            for year, basis in zip(self.years, self.year_bases, strict=False)
            if basis == "inferred"
        )

    @property
    def marks(self) -> tuple[str, ...]:
        """Each point's marks in table notation: ``>`` before, ``*`` after, '' when plain."""
        return tuple(
            QUALIFIER_MARKS.get(qualifier, "") + STATUS_MARKS.get(status, "")
            for status, qualifier in zip(self.statuses, self.qualifiers, strict=True)
        )

    @property
    def shown_entity(self) -> str:
        """The entity as people may see it: control characters spelled out."""
        return visible(self.entity)

    def label(self, lang: Language) -> str:
        """The series in a legend: name and entity, with its base year or its growth."""
        text = f"{self.name} · {self.shown_entity}"
        return self.tagged(text, lang)

    def tagged(self, text: str, lang: Language) -> str:
        """``text`` with what the legend adds: a base year that differs, or the growth."""
        if self.base_label:
            # "2023?" in English, "2023年?" in Chinese: the mark follows the year as written.
            plain = self.base_label.removesuffix(INFERRED_MARK)
            year = message("chart.year", lang, year=plain) + self.base_label[len(plain) :]
            return message("chart.index_nearest", lang, text=text, year=year)
        if self.growth:
            # Its change first to last joins figures of different scope: marked as the
            # tables mark the change (‡), the foot says which year.
            return text + self.growth + (SCOPE_MARK if any(self.scope_changed[1:]) else "")
        return text

    def revision_mark(self, n: int) -> str:
        """``†`` where point ``n``'s figure replaced an earlier publication's, else ''."""
        return REVISED_MARK if n < len(self.revised) and self.revised[n] else ""

    def point_label(self, n: int, lang: Language, indexed: bool) -> str:
        """Point ``n`` as the tables write it (784.7亿, >1,800, 8.6万亿*); an index as 224."""
        if indexed and self.bounds:
            # An index carries its interval: 64…70 where the base or the figure is not exact.
            text = interval_text(self.values[n], self.bounds[n], Notation.index_value, lang)
            return text + STATUS_MARKS.get(self.statuses[n], "") + self.revision_mark(n)
        if indexed or not self.raw_values:
            # An index of a bound is no bound itself: the marker's shape tells it was one.
            marks = STATUS_MARKS.get(self.statuses[n], "") + self.revision_mark(n)
            return number_text(self.values[n]) + marks
        return marked_number(
            self.raw_values[n], self.unit, self.statuses[n], self.qualifiers[n], lang
        ) + self.revision_mark(n)


@dataclass(frozen=True)
class Bar:
    """One entity's figure in a bar panel.

    ``label`` is the figure as the tables write it, marks included (``>1,800``,
    ``784.7亿``, ``8.6万亿*``); ``year`` carries ``?`` when the year is inferred.
    """

    entity: str
    value: float
    label: str
    year: str
    status: str
    qualifier: str

    @property
    def shown_entity(self) -> str:
        return visible(self.entity)


@dataclass(frozen=True)
class Panel:
    """A panel: lines over years, or (``bars``) one figure per entity drawn from zero.

    ``zero_based`` panels have zero on their value axis, so heights compare;
    ``full_scale`` is the figure a bar panel's whole width stands for (100 for a
    share in percent), else its largest figure.
    """

    title: str
    lines: tuple[Line, ...]
    indexed: bool
    bars: tuple[Bar, ...] = ()
    zero_based: bool = False
    flags: tuple[str, ...] = ()
    full_scale: float | None = None

    @property
    def is_bars(self) -> bool:
        return bool(self.bars)

    @property
    def inferred_years(self) -> frozenset[int]:
        """The years inferred for any line of the panel: its year axis marks them."""
        return frozenset(year for line in self.lines for year in line.inferred_years)

    def values(self) -> list[float]:
        """Every value the panel's axis must show (zero too when it is zero-based)."""
        values = [value for line in self.lines for value in line.values]
        # An index's interval is drawn through its point: the axis holds its ends too.
        ends = [
            end
            for line in self.lines
            for bounds in line.bounds
            if bounds is not None and bounds.bounded
            for end in (bounds.low, bounds.high)
            if end is not None and math.isfinite(end)
        ]
        values += ends
        return [*values, 0.0] if self.zero_based else values


def scale_notes(panels: Sequence[Panel], lang: Language) -> list[str]:
    """What a chart of several line panels says about their scales (to read under it)."""
    line_panels = [panel for panel in panels if not panel.is_bars and not panel.indexed]
    notes = [message("chart.growth_note", lang)] if len(line_panels) > 1 else []
    # A legend's growth in the conventional reading, or unbounded: said what it is.
    growths = [line.growth for panel in line_panels for line in panel.lines if line.growth]
    conventional = message("cell.conventional", lang, value="").strip()
    if any(conventional in growth for growth in growths):
        notes.append(message("mark.conventional", lang))
    if any(message("cell.unbounded", lang) in growth for growth in growths):
        notes.append(message("mark.unbounded", lang))
    return notes


def flags_present(panels: Sequence[Panel]) -> list[str]:
    """The statuses and qualifiers of every point and bar, in the legends' order."""
    present = {
        flag
        for panel in panels
        for line in panel.lines
        for flag in (*line.statuses, *line.qualifiers)
    }
    present.update(flag for panel in panels for flag in panel.flags)
    return [flag for flag in FLAG_ORDER if flag in present]
