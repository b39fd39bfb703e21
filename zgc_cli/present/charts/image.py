"""Charts as PNG or SVG images, drawn with matplotlib (imported only when an image is made).

A panel per metric: bars by entity from zero, labelled as the tables write the
figures, or lines over the years with a label at each point (moved or left out
where labels would overlap: :mod:`zgc_cli.present.charts.labels`); or one
indexed panel. Markers for estimates (hollow), derived figures (half-filled)
and bounds (triangles, diamonds) with a legend; hatched bars for estimates;
the source at the bottom. Chinese text is drawn with a CJK font from
:mod:`zgc_cli.present.charts.fonts`; with none, the labels fall back to English
and a warning says what to install. matplotlib's warnings come back in zgc's
words (:mod:`zgc_cli.present.charts.matplotlib_env`). Data text is plain text,
never mathtext, and long names are shortened to fit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from zgc_cli.present.charts import fonts
from zgc_cli.present.charts.figure import build_figure, draw_figure
from zgc_cli.present.charts.matplotlib_env import (
    import_matplotlib,
    matplotlib_speaks_through_zgc,
    reported,
)
from zgc_cli.present.charts.panels import prepare
from zgc_cli.present.charts.style import (
    DEFAULT_STYLE,
    PHONE,
    ChartStyle,
    wrap,
    year_ticks_that_fit,
)
from zgc_cli.present.charts.svg import FONT_FALLBACKS, _text_slots, bilingual_svgs
from zgc_cli.present.charts.texts import chart_texts, figure_texts
from zgc_cli.present.safe import visible
from zgc_cli.words import REFERENCE_LANGUAGE, Language, Listed, message, phrase, profile_of

if TYPE_CHECKING:
    from zgc_cli.stats.indexing import Indexing

IMAGE_SUFFIXES: tuple[str, ...] = (".png", ".svg")
# Columns of a foot note at the plot's width: a revision's note is wrapped there, never
# cut (the foot's other texts are shortened at FOOTER_COLUMNS, wider than the figure).
FOOTNOTE_COLUMNS = 120


def wrapped(footnotes: Sequence[str]) -> list[str]:
    """Each foot note in lines that fit the image, its later lines indented."""
    return [
        ("  " if n else "") + line
        for note in footnotes
        for n, line in enumerate(wrap(note, FOOTNOTE_COLUMNS))
    ]


def write_image(
    series: pd.DataFrame,
    names: Mapping[str, Mapping[str, str]],
    lang: Language,
    path: Path,
    indexed: Indexing | None,
    source_line: str,
    spans: pd.DataFrame | None = None,
    footnotes: Sequence[str] = (),
) -> list[str]:
    """Write the chart as PNG or SVG (chosen by ``path``'s suffix) with matplotlib.

    One panel per metric titled with the indicator's name in ``lang`` and its
    unit, or one indexed panel (see the module docstring); markers for
    estimates (hollow), derived figures (half-filled) and bounds (triangles,
    diamonds) with a legend; ``footnotes`` (what the marks of revised figures
    and changes of scope mean) and ``source_line`` at the bottom. Chinese text is
    drawn with a CJK font from :mod:`zgc_cli.fonts`; with none, the labels
    fall back to English and a warning says what to install.

    Returns:
        Warnings for the caller to show on stderr (none when all went well).

    Raises:
        ValueError: the suffix is not .png or .svg, or there is nothing to plot.
        PlotDependencyError: matplotlib is not installed.
    """
    suffix = path.suffix.lower()
    if suffix not in IMAGE_SUFFIXES:
        suffixes = Listed(IMAGE_SUFFIXES, separator=" or ", quoted=False)
        raise ValueError(phrase("chart.image_suffix", name=visible(path.name), suffixes=suffixes))
    source_line = "\n".join(visible(line) for line in source_line.split("\n"))
    # Before matplotlib: a chart of too many series is refused at once.
    panels, notes = prepare(series, names, lang, indexed, spans=spans)
    warnings_out: list[str] = []
    with matplotlib_speaks_through_zgc() as (caught, logged):
        import_matplotlib()
        import matplotlib

        needed = fonts.cjk_characters([*chart_texts(panels, lang, source_line), *notes, *footnotes])
        family = fonts.cjk_font_family(sorted(needed)) if needed else None
        boxes_reported = False
        if needed and family is None:
            if profile_of(lang).needs_cjk_font:
                warnings_out.append(phrase("chart.no_font_english", hint=fonts.FONT_INSTALL_HINT))
                lang = REFERENCE_LANGUAGE
            panels, notes = prepare(series, names, lang, indexed, allow_cjk=False, spans=spans)
            if fonts.cjk_characters([*chart_texts(panels, lang, source_line), *notes, *footnotes]):
                boxes_reported = True
                warnings_out.append(phrase("chart.no_font_boxes", hint=fonts.FONT_INSTALL_HINT))
        # What the chart's interval bars mean is for the reader of the image, not a warning.
        explained = message("chart.index_intervals", lang)
        warnings_out.extend(note for note in notes if note != explained)
        families = ["DejaVu Sans", family] if family else ["DejaVu Sans"]
        title = " · ".join(panel.title for panel in panels)
        metadata: dict[str, Any] = {"Title": title}
        if suffix == ".svg":
            metadata["Date"] = None
        settings = {
            "font.family": families,
            # Text as paths: the SVG shows the same glyphs on a machine with no CJK font.
            "svg.fonttype": "path",
            "svg.hashsalt": "zgc",
            # Data text is text: "$x$" in a name is two dollars and an x, never mathtext.
            "text.parse_math": False,
            "axes.formatter.use_mathtext": False,
        }
        with matplotlib.rc_context(settings):  # type: ignore[arg-type]
            figure = draw_figure(panels, lang, source_line, [*notes, *wrapped(footnotes)])
            figure.savefig(path, format=suffix[1:], dpi=150, metadata=metadata)
    warnings_out.extend(reported(caught, logged.texts, lang, boxes_reported))
    return warnings_out


# Names imported from here before the drawing was split into modules (their homes:
# style, texts, figure and svg).
__all__ = [
    "DEFAULT_STYLE",
    "FONT_FALLBACKS",
    "IMAGE_SUFFIXES",
    "PHONE",
    "ChartStyle",
    "_text_slots",
    "bilingual_svgs",
    "build_figure",
    "chart_texts",
    "draw_figure",
    "figure_texts",
    "write_image",
    "year_ticks_that_fit",
]
