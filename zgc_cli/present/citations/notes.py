"""What every style shares: the style a language expects, data text made safe once, and
the note that says the figure itself (value, status, qualifier, passage, data version)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from zgc_cli.present.choices import CitationStyle
from zgc_cli.present.i18n import MESSAGES, Language, data_note, message, unit_name
from zgc_cli.present.numbers import human_number, machine_number
from zgc_cli.present.safe import visible

if TYPE_CHECKING:
    from zgc_cli.stats.citations import CitedFigure, CitedWork


CSL_STYLES = Path(__file__).resolve().parent.parent / "csl"
APA_STYLE_FILE = CSL_STYLES / "apa.csl"
GBT7714_STYLE_FILE = CSL_STYLES / "china-national-standard-gb-t-7714-2015-numeric.csl"

# The CSL types of a periodical's article (its issue number is part of the reference).
_PERIODICAL_KINDS = ("article-magazine", "article-journal", "article-newspaper")


# --- the style each language expects ---------------------------------------------------


def default_style(lang: Language) -> CitationStyle:
    """GB/T 7714-2015 for Chinese readers (theses and journals require it), APA 7 in English."""
    return CitationStyle.gbt7714 if lang is Language.zh else CitationStyle.apa


# --- untrusted text made safe once ---------------------------------------------------

_LINE_BREAKS = re.compile(r"[\r\n\t\v\f\x85\u2028\u2029]+")


def one_line(text: str) -> str:
    """Data text as one line: breaks and tabs become a space, other controls spelled out."""
    return visible(_LINE_BREAKS.sub(" ", text)).strip()


def _safe(cited: CitedFigure) -> CitedFigure:
    """The figure with every piece of data text made one safe line."""
    data = cited.data
    safe_data = replace(
        data,
        name=one_line(data.name),
        version=one_line(data.version),
        file_name=one_line(data.file_name),
    )
    return replace(
        cited,
        metric=one_line(cited.metric),
        entity=one_line(cited.entity),
        unit=one_line(cited.unit),
        status=one_line(cited.status),
        qualifier=one_line(cited.qualifier),
        year_basis=one_line(cited.year_basis),
        quote=one_line(cited.quote),
        note=one_line(cited.note),
        note_zh=one_line(cited.note_zh),
        indicator_names={lang: one_line(name) for lang, name in cited.indicator_names.items()},
        entity_names={lang: one_line(name) for lang, name in cited.entity_names.items()},
        work=safe_work(cited.work),
        data=safe_data,
    )


def safe_work(work: CitedWork) -> CitedWork:
    """A work with every piece of its text made one safe line."""
    return replace(
        work,
        title=one_line(work.title),
        periodical=one_line(work.periodical),
        periodical_name=one_line(work.periodical_name),
        periodical_other_name=one_line(work.periodical_other_name),
        authors=tuple(one_line(name) for name in work.authors if one_line(name)),
        date=one_line(work.date),
        url=one_line(work.url).replace(" ", "%20"),
        title_en=one_line(work.title_en),
        language=one_line(work.language),
        issue=one_line(work.issue),
        key=one_line(work.key),
    )


# --- the note: the figure, its passage, the data ----------------------------------------


def _name_in(names: Mapping[str, str], lang: Language) -> str:
    first = str(names.get(str(lang), "") or "")
    return first or next((str(text) for text in names.values() if text), "")


def _labels(cited: CitedFigure, lang: Language) -> str:
    """Status, qualifier and how the year is known, in the language's words."""
    basis = "" if cited.year_basis in ("stated", "") else cited.year_basis
    parts = (cited.status, cited.qualifier, basis)
    return message("label.separator", lang).join(
        message(f"label.{part}", lang) if f"label.{part}" in MESSAGES else part
        for part in parts
        if part
    )


def figure_note(cited: CitedFigure, lang: Language) -> str:
    """The note a citation carries: the figure, its passage, the data's note, version and hash."""
    cited = _safe(cited)
    end = message("cite.sentence_end", lang)
    indicator = _name_in(cited.indicator_names, lang) or cited.metric
    entity = _name_in(cited.entity_names, lang) or cited.entity
    name = message("cite.name_entity", lang, name=indicator, entity=entity)
    value = human_number(cited.value, cited.unit, lang)
    shown_unit = unit_name(cited.unit, lang)
    joiner = "" if lang is Language.zh else " "
    sentences = [
        message(
            "cite.figure",
            lang,
            name=name,
            year=cited.year,
            value=f"{value}{joiner}{shown_unit}".strip(),
            raw=machine_number(cited.value),
            unit=cited.unit,
            labels=_labels(cited, lang),
        ),
        message("cite.passage", lang, quote=cited.quote)
        if cited.quote
        else message("cite.no_passage", lang),
    ]
    note = data_note(cited.note, cited.note_zh, lang)
    if note:
        sentences.append(message("cite.data_note", lang, note=note))
    if cited.work.kind in _PERIODICAL_KINDS and not cited.work.issue:
        # Never guessed (a month is no issue): said, so a reader knows it was looked for.
        sentences.append(message("cite.no_issue", lang))
    data = cited.data
    sentences.append(
        message(
            "cite.dataset",
            lang,
            name=data.name,
            version=data.version or message("cite.no_version", lang),
            file=data.file_name,
            row=f"{cited.metric}/{cited.entity}/{cited.year}",
            sha256=data.sha256 or message("cite.not_hashed", lang),
        )
    )
    text = end.join(sentence.rstrip(".。") for sentence in sentences) + end
    return text.rstrip()
