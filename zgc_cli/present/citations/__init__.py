"""Cited figures as text: GB/T 7714-2015, APA 7, BibTeX, RIS or CSL-JSON.

:func:`format_citations` writes one reference per work the figures come from
(the article; each later publication), as reference managers and both styles
want it, and cites each figure from it: a CSL citation item with the figure as
its ``locator`` (label ``figure``), a pandoc citation ``[@KEY, {figure
revenue:zgc:2023}]``, and a note per figure (BibTeX ``note``, RIS ``N1``).
``per_figure`` keeps one entry per figure, keyed by it; :func:`format_citation`
is that for one figure (the HTML report's).

A note says the figure itself: its value, status and qualifier, the verbatim
passage, and the data's version and SHA-256, so a reader can check the figure
cited is the one shipped. The note's words follow the language; the
bibliographic elements are the data package's own, in the work's language,
their English forms kept apart.

GB/T 7714-2015 and APA 7 are written here, and the tests hold them byte-equal to
what citeproc-js and pandoc's citeproc print from this module's CSL-JSON with
the CSL project's styles (shipped in ``csl/``), except where a renderer is shown
wrong against the standard's own examples (each exception tested).

Data text is untrusted: every field is made one line (line breaks become
spaces) and its control characters are spelled out (:func:`zgc_cli.present.safe.visible`)
before any style sees it, so a data package cannot add a RIS tag, end a BibTeX
field or drive a terminal; BibTeX then escapes LaTeX's special characters.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from zgc_cli.present.choices import CitationStyle
from zgc_cli.present.citations.managers import (  # noqa: F401 - importable from here, as before
    bibtex_entry,
    bibtex_reference,
    bibtex_url,
    citation_item,
    csl_item,
    csl_reference_item,
    latex_escaped,
    pandoc_citation,
    ris_record,
    ris_reference,
)
from zgc_cli.present.citations.notes import (  # noqa: F401 - importable from here, as before
    APA_STYLE_FILE,
    CSL_STYLES,
    GBT7714_STYLE_FILE,
    default_style,
    figure_note,
    one_line,
    safe_work,
)
from zgc_cli.present.citations.styles import (  # noqa: F401 - importable from here, as before
    apa_entry,
    apa_reference,
    gbt7714_entry,
    gbt7714_reference,
)
from zgc_cli.stats.references import CitedReference, references
from zgc_cli.words import Language, message

if TYPE_CHECKING:
    from zgc_cli.stats.citations import CitedFigure


# --- the entry points ---------------------------------------------------------------------


def format_citation(cited: CitedFigure, style: CitationStyle, language: Language) -> str:
    """One figure's citation in a style, the note's words in a language (no final newline).

    GB/T 7714 and APA give the entry, then the note on a line of its own;
    BibTeX, RIS and CSL-JSON carry the note in their note field. CSL-JSON is a
    one-item array: what a reference manager imports.
    """
    if style in (CitationStyle.gbt7714, CitationStyle.apa):
        entry = gbt7714_entry(cited) if style is CitationStyle.gbt7714 else apa_entry(cited)
        return entry + "\n" + message("cite.note_label", language) + figure_note(cited, language)
    if style is CitationStyle.bibtex:
        return bibtex_entry(cited, language)
    if style is CitationStyle.ris:
        return ris_record(cited, language)
    return csl_json([cited], language)


def csl_json(figures: Iterable[CitedFigure], language: Language) -> str:
    """CSL-JSON for ``--per-figure``: an array of items, one per figure."""
    items = [csl_item(cited, language) for cited in figures]
    return json.dumps(items, ensure_ascii=False, indent=2)


def format_reference(reference: CitedReference, style: CitationStyle, language: Language) -> str:
    """One work's reference and its figures' citations in a style (no final newline).

    GB/T 7714 and APA: the entry, then one line per figure: its pandoc
    citation (``[@KEY, {figure revenue:zgc:2023}]``) and its note. BibTeX and RIS:
    one entry, the figures in its notes.
    """
    work = safe_work(reference.work)
    figures = reference.figures
    accessed = figures[0].accessed if figures else ""
    if style in (CitationStyle.gbt7714, CitationStyle.apa):
        entry = (
            gbt7714_reference(work, accessed)
            if style is CitationStyle.gbt7714
            else apa_reference(work)
        )
        label = message("cite.note_label", language)
        lines = [
            f"{pandoc_citation(work.key, cited)} {label}{figure_note(cited, language)}"
            for cited in figures
        ]
        return "\n".join([entry, *lines])
    if style is CitationStyle.bibtex:
        return bibtex_reference(work, figures, language)
    return ris_reference(work, figures, language)


def format_citations(
    figures: Sequence[CitedFigure],
    style: CitationStyle,
    language: Language,
    per_figure: bool = False,
) -> str:
    """Figures' citations, ending with a newline: one reference per work they come from.

    Each work is one entry (reference managers and the styles want one entry per
    work), its figures cited from it: CSL citation items, pandoc citations, notes.
    ``per_figure``: one entry per figure instead, each keyed by its figure (the
    output before references were grouped). Entries are apart by a blank line
    (as reference managers export RIS too); CSL-JSON is one array of items.
    """
    if per_figure:
        if style is CitationStyle.csl_json:
            return csl_json(figures, language) + "\n"
        return "\n\n".join(format_citation(cited, style, language) for cited in figures) + "\n"
    grouped = references(figures)
    if style is CitationStyle.csl_json:
        items = [csl_reference_item(safe_work(one.work), one.figures, language) for one in grouped]
        return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
    return "\n\n".join(format_reference(one, style, language) for one in grouped) + "\n"
