"""What every style shares: the style a language expects, data text made safe once, and
the note that says the figure itself (value, status, qualifier, passage, data version)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from zgc_cli.present.choices import CitationStyle
from zgc_cli.present.numbers import human_number, machine_number
from zgc_cli.present.safe import visible
from zgc_cli.words import MESSAGES, Language, data_note, message, profile_of, unit_name

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
    return CitationStyle(profile_of(lang).citation_style)


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


# The words that carry a bound in a sentence (the tables' marks need their legend), by
# qualifier and whether the words include the number (以上, 以下).
_BOUND_WORDS = {
    ("more_than", False): "cite.more_than",
    ("more_than", True): "cite.at_least",
    ("nearly", False): "cite.nearly",
    ("less_than", False): "cite.less_than",
    ("less_than", True): "cite.at_most",
    ("order_of_magnitude", False): "cite.order_of_magnitude",
}


def _with_unit(number: str, cited: CitedFigure, lang: Language) -> str:
    """A number with its unit's name, once (43%, not 43% %), as tables' ``with_unit``."""
    name = unit_name(cited.unit, lang)
    if not name or number.endswith(name):
        return number
    return f"{number}{profile_of(lang).unit_joiner}{name}"


def _raw_interval(cited: CitedFigure) -> str:
    """The strict interval in raw numbers, as the machine formats write them: [a, b], (a, +∞)."""
    low = "−∞" if cited.low is None else machine_number(cited.low)
    high = "+∞" if cited.high is None else machine_number(cited.high)
    opening = "(" if cited.low_open else "["
    closing = ")" if cited.high_open else "]"
    return f"{opening}{low}, {high}{closing}"


def _figure_texts(cited: CitedFigure, lang: Language) -> tuple[str, str]:
    """The figure for a reader and in raw numbers, a bound or interval carried in both.

    As the tables write it (:func:`~zgc_cli.present.numbers.interval_text`): the point
    where the interval lies within its digits, else the interval (179…193万); a bound
    in words (超过14万, more than 140,000), since a note has no legend for a mark. The
    raw part gives the strict interval's ends whenever the figure is not a plain point.
    """
    from zgc_cli.present.numbers import (
        INTERVAL_JOINER,
        Bounds,
        Notation,
        interval_text,
        written_figure,
    )

    raw = message("cite.raw", lang, raw=machine_number(cited.value), unit=cited.unit)
    known = not (
        cited.low is None and cited.high is None and not (cited.low_open or cited.high_open)
    )
    if not known:  # a figure built without its interval: as written
        return _with_unit(human_number(cited.value, cited.unit, lang), cited, lang), raw
    bounds = Bounds(cited.low, cited.high, cited.low_open, cited.high_open)
    qualifier = cited.qualifier
    inclusive = not (cited.high_open if qualifier == "less_than" else cited.low_open)
    words = _BOUND_WORDS.get((qualifier, inclusive)) or _BOUND_WORDS.get((qualifier, False))
    if words is not None:
        figure = written_figure(cited.value, bounds, qualifier)
        number = _with_unit(human_number(figure, cited.unit, lang), cited, lang)
        value = message(words, lang, value=number)
    else:
        number = interval_text(cited.value, bounds, Notation.value, lang, cited.unit)
        value = _with_unit(number, cited, lang)
        if INTERVAL_JOINER not in number:
            if qualifier != "about":
                return value, raw  # a point: its interval is its digits'
            value = message("cite.about", lang, value=value)
    interval = message(
        "cite.raw_interval",
        lang,
        raw=machine_number(cited.value),
        unit=cited.unit,
        interval=_raw_interval(cited),
    )
    return value, interval


def figure_note(cited: CitedFigure, lang: Language) -> str:
    """The note a citation carries: the figure, its passage, the data's note, version and hash."""
    cited = _safe(cited)
    end = message("cite.sentence_end", lang)
    indicator = _name_in(cited.indicator_names, lang) or cited.metric
    entity = _name_in(cited.entity_names, lang) or cited.entity
    name = message("cite.name_entity", lang, name=indicator, entity=entity)
    value, raw = _figure_texts(cited, lang)
    sentences = [
        message(
            "cite.figure",
            lang,
            name=name,
            year=cited.year,
            value=value,
            raw=raw,
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
