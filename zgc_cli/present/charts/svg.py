"""The report's charts: one drawing, an SVG for each language, its text kept as text.

The figures of all languages are built (cheap: no layout, no drawing), their texts
paired in the order they were built, and only the first is laid out and drawn,
each text as wide as its widest language; the SVG's texts are then written in
each language in turn.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Mapping, Sequence
from typing import Any

from zgc_cli.present.charts.figure import build_figure
from zgc_cli.present.charts.labels import separate_labels
from zgc_cli.present.charts.shapes import Panel
from zgc_cli.present.charts.style import ChartStyle, wider
from zgc_cli.present.charts.texts import figure_texts
from zgc_cli.words import Language

_GID = "zgct"
_TEXT_GROUP = re.compile(rf'<g id="({_GID}[\d-]+)">(.*?)</g>', re.DOTALL)
_TEXT_ELEMENT = re.compile(r"(<text\b[^>]*>)(.*?)(</text>)", re.DOTALL)
_FONT_FAMILY = re.compile(r"(font-family: [^;\"]*)")
# Where the bundled fonts are missing, the reader's own: a CJK sans-serif, then any sans-serif.
FONT_FALLBACKS = (
    "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"
)


def _text_slots(figure: Any) -> list[Any]:
    """Every text of the figure that a language changes, in the order it was built: each
    panel's title, point labels, legend entries and tick names (their formatter), then
    the legend of marks and the foot."""
    slots: list[Any] = []
    for axes in figure.axes:
        slots.append(axes._left_title)
        slots.extend(axes.texts)
        legend = axes.get_legend()
        if legend is not None:
            slots.extend(legend.get_texts())
        slots.append(axes.yaxis)  # every panel names its ticks (set_yticks with labels)
    for legend in figure.legends:
        slots.extend(legend.get_texts())
    if figure._supxlabel is not None:
        slots.append(figure._supxlabel)
    return slots


def _in(
    drawing: tuple[Sequence[Panel], str, Sequence[str]], lang: Language
) -> tuple[Sequence[Panel], Language, str, Sequence[str]]:
    panels, source, notes = drawing
    return panels, lang, source, notes


def bilingual_svgs(
    drawings: Mapping[Language, tuple[Sequence[Panel], str, Sequence[str]]],
    font_family: str | None,
    style: ChartStyle,
) -> dict[Language, str] | None:
    """One chart drawn once, as an SVG for each language of ``drawings`` (panels, source
    line and notes in that language), its text kept as text.

    The figures of all languages are built (cheap: no layout, no drawing), their
    texts paired in the order they were built, and only the first is laid out and
    drawn, each text as wide as its widest language; the SVG's texts are then
    written in each language in turn. Returns None where the languages' figures
    differ in their texts (nothing is paired): the caller draws each on its own.
    """
    import matplotlib
    from matplotlib.ticker import FixedFormatter

    families = ["DejaVu Sans", font_family] if font_family else ["DejaVu Sans"]
    settings = {
        "font.family": families,
        # Text as text: searchable, read aloud, and one drawing serves every language.
        "svg.fonttype": "none",
        "svg.hashsalt": "zgc",
        "text.parse_math": False,
        "axes.formatter.use_mathtext": False,
    }
    languages = list(drawings)
    first_lang = languages[0]
    with matplotlib.rc_context(settings):  # type: ignore[arg-type]
        panels, source, notes = drawings[first_lang]
        figure, labels = build_figure(panels, first_lang, source, notes, style)
        slots = _text_slots(figure)
        said_by = {lang: figure_texts(*_in(drawings[lang], lang), style) for lang in languages}
        if len({len(each) for each in said_by.values()} | {len(slots)}) != 1:
            return None
        texts: dict[str, dict[Language, str]] = {}
        for number, slot in enumerate(slots):
            group = [said_by[lang][number] for lang in languages]
            if hasattr(slot, "get_major_formatter"):  # an axis: its tick names, one a tick
                seqs = [list(each) for each in group]
                formatter = slot.get_major_formatter()
                shown = [
                    formatter(value, index) for index, value in enumerate(slot.get_majorticklocs())
                ]
                if shown != seqs[0] or len({len(seq) for seq in seqs}) != 1:
                    return None
                widest = [wider(names) for names in zip(*seqs, strict=True)]
                slot.set_major_formatter(FixedFormatter(widest))
                for index, tick in enumerate(slot.get_major_ticks(len(widest))):
                    gid = f"{_GID}{number}-{index}"
                    tick.label1.set_gid(gid)
                    texts[gid] = {
                        lang: seq[index] for lang, seq in zip(languages, seqs, strict=True)
                    }
                continue
            said = [str(each) for each in group]
            if slot.get_text() != said[0]:
                return None  # the texts are not where they were expected: draw each alone
            if len(set(said)) == 1:
                continue  # the same in every language (a year, a number)
            gid = f"{_GID}{number}"
            slot.set_text(wider(said))
            slot.set_gid(gid)
            texts[gid] = dict(zip(languages, said, strict=True))
        if labels:
            separate_labels(figure, labels, layout_only=True)  # lays the figure out
            # Laid out once: the labels take no part in the layout, so saving keeps it
            # (with no engine at all, savefig draws once; with "none", twice).
            figure.set_layout_engine(None)
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", dpi=style.dpi, metadata={"Date": None})
    svg = _FONT_FAMILY.sub(lambda found: f"{found.group(1)}, {FONT_FALLBACKS}", buffer.getvalue())
    return {lang: _with_texts(svg, texts, lang) for lang in languages}


def _with_texts(svg: str, texts: Mapping[str, Mapping[Language, str]], lang: Language) -> str:
    """The SVG with each paired text in ``lang``: its lines in the group's ``<text>``s."""

    def group(found: re.Match[str]) -> str:
        said = texts.get(found.group(1))
        if said is None:
            return found.group(0)
        lines = iter(said[lang].split("\n"))

        def element(text: re.Match[str]) -> str:
            return text.group(1) + html.escape(next(lines, ""), quote=False) + text.group(3)

        return (
            found.group(0)[: found.start(2) - found.start(0)]
            + _TEXT_ELEMENT.sub(element, found.group(2))
            + "</g>"
        )

    return _TEXT_GROUP.sub(group, svg)
