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
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zgc_cli.present.choices import CitationStyle
from zgc_cli.present.numbers import human_number, machine_number
from zgc_cli.present.safe import visible
from zgc_cli.stats.citations import CitedReference, references
from zgc_cli.words import MESSAGES, Language, data_note, message, profile_of, unit_name

if TYPE_CHECKING:
    from zgc_cli.stats.citations import CitedFigure, CitedWork

CSL_STYLES = Path(__file__).resolve().parent / "csl"
APA_STYLE_FILE = CSL_STYLES / "apa.csl"
GBT7714_STYLE_FILE = CSL_STYLES / "china-national-standard-gb-t-7714-2015-numeric.csl"

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


def figure_note(cited: CitedFigure, lang: Language) -> str:
    """The note a citation carries: the figure, its passage, the data's note, version and hash."""
    cited = _safe(cited)
    end = message("cite.sentence_end", lang)
    indicator = _name_in(cited.indicator_names, lang) or cited.metric
    entity = _name_in(cited.entity_names, lang) or cited.entity
    name = message("cite.name_entity", lang, name=indicator, entity=entity)
    value = human_number(cited.value, cited.unit, lang)
    shown_unit = unit_name(cited.unit, lang)
    joiner = profile_of(lang).unit_joiner
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


# --- GB/T 7714-2015, as the standard CSL style renders it -----------------------------

_PERIODICAL_KINDS = ("article-magazine", "article-journal", "article-newspaper")
_GBT_TYPE_CODES = {
    "article-magazine": "J",
    "article-journal": "J",
    "article-newspaper": "N",
    "webpage": "EB",
}


def gbt7714_entry(cited: CitedFigure) -> str:
    """The GB/T 7714-2015 entry of the work a figure comes from (see :func:`gbt7714_reference`)."""
    cited = _safe(cited)
    return gbt7714_reference(cited.work, cited.accessed)


def _sentence(text: str) -> str:
    """A part ending as a CSL group ends it: a full stop unless it already has one.

    Only ``.?!`` count: citeproc-js and pandoc add the stop after a Chinese 。 too.
    """
    return text if text.endswith((".", "?", "!")) else text + "."


def gbt7714_reference(work: CitedWork, accessed: str) -> str:
    """A work's GB/T 7714-2015 entry, as the CSL project's numeric GB/T style prints it.

    ``work`` must already be safe text (:func:`safe_work`); ``accessed`` is the
    citing date an online entry carries. The entry is what citeproc-js and pandoc
    print from :func:`csl_reference_item` with
    ``china-national-standard-gb-t-7714-2015-numeric.csl`` (the tests compare them
    byte for byte), less the ``[1]`` a document numbers it with:

    * 连续出版物中的析出文献 (4.4.1): 主要责任者. 题名[J]. 刊名, 年(期)[引用日期].
      获取和访问路径. — three authors at most, then 等 (8.1.2); ``[J]`` for a
      periodical (期刊: a news weekly has an ISSN; appendix B), ``[N]`` for a
      newspaper, ``/OL`` when it is read online; the issue number (期) only where
      the package gives one, never guessed (a month is no issue).
    * 电子资源 (4.7.1), a news report on a web page: 题名[EB/OL]. (发表日期)[引用日期].
      获取和访问路径. — the standard's own news-page example (萧钰, 出版业信息化迈入快车道)
      is ``[EB/OL]``, not ``[N/OL]`` (that is a newspaper's online edition).
    * A Western entry ends its three names with "et al." as 8.1.2 has it; the CSL
      style writes 等 there (it has one language), and is not followed in that.
    """
    code = _GBT_TYPE_CODES.get(work.kind, "J")
    marker = f"[{code}/OL]" if work.url else f"[{code}]"
    et_al = "等" if work.is_chinese else "et al."
    names = list(work.authors[:3]) + ([et_al] if len(work.authors) > 3 else [])
    parts: list[str] = []
    if names:
        parts.append(_sentence(", ".join(names)))
    parts.append(_sentence(f"{work.title}{marker}"))
    if work.kind == "webpage":
        when = "-".join(f"{part:02d}" for part in work.date_parts)
        dates = (f"({when})" if when else "") + (f"[{accessed}]" if work.url else "")
        if dates:
            parts.append(_sentence(dates))
    else:
        year = str(work.year) if work.year is not None else work.date
        issue = f"({work.issue})" if work.issue else ""
        where = ", ".join(part for part in (work.container_title, year + issue) if part)
        parts.append(_sentence(where + (f"[{accessed}]" if work.url else "")))
    if work.url:
        parts.append(_sentence(work.url))
    return " ".join(parts)


# --- APA 7, as the CSL project's apa.csl renders it --------------------------------------

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def _apa_authors(authors: Sequence[str]) -> str:
    """Every author up to 20, a comma and & before the last; past 20, the first 19, …, the last."""
    if len(authors) > 20:
        return ", ".join(authors[:19]) + ", … " + authors[-1]
    if len(authors) > 1:
        return ", ".join(authors[:-1]) + ", & " + authors[-1]
    return "".join(authors)


def _apa_date(work: CitedWork) -> str:
    parts = work.date_parts
    if not parts:
        return f"({work.date})" if work.date else "(n.d.)"
    text = str(parts[0])
    if len(parts) > 1:
        text += ", " + _MONTH_NAMES[parts[1] - 1] + (f" {parts[2]}" if len(parts) > 2 else "")
    return f"({text})"


def apa_entry(cited: CitedFigure) -> str:
    """The APA 7 reference of the work a figure comes from (see :func:`apa_reference`)."""
    return apa_reference(_safe(cited).work)


def apa_reference(work: CitedWork) -> str:
    """A work's APA 7 reference, as citeproc-js and pandoc print it with ``apa.csl``.

    Magazine article: Authors. (Year, Month). Title. Periodical, (issue). URL — a web
    page: Authors. (Year, Month Day). Title. Site. URL; with no author, the title
    takes the author's place (APA 9.12). The periodical keeps its own name (APA
    never translates it), without the 书名号 of running Chinese text. Names are as
    the package gives them (not romanised: a guessed pinyin would be worse). The
    tests compare this with both renderers byte for byte; where they disagree, the
    one that follows apa.csl as CSL defines it is followed (see the tests).
    """
    container = work.container_title + (f", ({work.issue})" if work.issue else "")
    parts = [_sentence(_apa_authors(work.authors))] if work.authors else []
    if work.authors:
        parts.extend([_sentence(_apa_date(work)), _sentence(work.title)])
    else:
        parts.extend([_sentence(work.title), _sentence(_apa_date(work))])
    if container:
        parts.append(_sentence(container))
    if work.url:
        parts.append(work.url)
    return " ".join(part for part in parts if part)


# --- CSL-JSON: one item per work, the figures as citation items ---------------------------


def csl_item(cited: CitedFigure, lang: Language) -> dict[str, Any]:
    """One figure's CSL-JSON item (``--per-figure``): its work, keyed by the figure, its note."""
    item = csl_reference_item(_safe(cited).work, [cited], lang)
    item["id"] = cited.key
    item.pop("custom", None)
    return item


def csl_reference_item(
    work: CitedWork, figures: Sequence[CitedFigure], lang: Language
) -> dict[str, Any]:
    """A work's CSL-JSON item, valid against the CSL data schema.

    Original and English forms apart: ``title`` and ``container-title`` are the
    work's own (the language in ``language``); the English forms, which CSL has
    no variable for, go in ``custom`` (the schema's field for data it has no
    variable for; ``note`` is for people's notes, which annotated styles print).
    The figures are ``custom.citation-items``: CSL citation items (``id``,
    ``locator``, ``label`` ``figure``) as citeproc-js takes them, one per
    figure; their notes, one line each, are the item's ``note``.
    """
    item: dict[str, Any] = {
        "id": work.key,
        "type": work.kind,
        "title": work.title,
        "container-title": work.container_title,
        "author": [{"literal": name} for name in work.authors],
        "issue": work.issue,
        "language": work.language,
        "note": "\n".join(figure_note(cited, lang) for cited in figures),
    }
    if work.date_parts:
        item["issued"] = {"date-parts": [list(work.date_parts)]}
    elif work.date:
        item["issued"] = {"literal": work.date}
    if work.url:
        item["URL"] = work.url
        accessed = figures[0].accessed if figures else ""
        item["accessed"] = {"date-parts": [[int(part) for part in accessed.split("-")]]}
    translated = {
        name: {"en": text}
        for name, text in (
            ("title", work.title_en),
            ("container-title", work.periodical_other_name),
        )
        if text
    }
    item["custom"] = {
        **({"translated": translated} if translated else {}),
        "citation-items": [citation_item(work.key, cited) for cited in figures],
    }
    return {key: value for key, value in item.items() if value not in ("", [])}


def citation_item(key: str, cited: CitedFigure) -> dict[str, str]:
    """The CSL citation item citing one figure of a work: the figure as its locator."""
    return {"id": key, "locator": cited.key, "label": "figure"}


def pandoc_citation(key: str, cited: CitedFigure) -> str:
    """The figure's in-text citation in pandoc Markdown: ``[@KEY, {figure LOCATOR}]``.

    The braces keep any locator whole (pandoc reads an unbraced one only when it
    is number-like); pandoc's citeproc then gives it as the label ``figure``.
    """
    return f"[@{key}, {{figure {cited.key}}}]"


# --- BibTeX -------------------------------------------------------------------------------

_LATEX_SPECIALS: dict[int, str] = {
    ord("\\"): r"\textbackslash{}",
    # A brace, even escaped as \{, counts in BibTeX's brace matching: these commands don't.
    ord("{"): r"\textbraceleft{}",
    ord("}"): r"\textbraceright{}",
    ord("%"): r"\%",
    ord("&"): r"\&",
    ord("#"): r"\#",
    ord("$"): r"\$",
    ord("_"): r"\_",
    ord("~"): r"\textasciitilde{}",
    ord("^"): r"\textasciicircum{}",
}
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def latex_escaped(text: str) -> str:
    """Text as a BibTeX field holds it: LaTeX's special characters escaped, braces balanced."""
    return text.translate(_LATEX_SPECIALS)


def bibtex_url(url: str) -> str:
    """A URL as BibTeX's ``url`` field holds it: verbatim (``\\url`` reads it as written).

    LaTeX escapes would become part of the link (``c\\_1.htm``); only what would
    break the field or the line (braces, a backslash, spaces, controls) is
    percent-encoded, as a browser would send it.
    """
    from urllib.parse import quote

    return quote(
        url, safe="".join(chr(code) for code in range(0x21, 0x7F) if chr(code) not in "{}\\")
    )


_LANGIDS = {"zh": "chinese", "en": "english"}


def bibtex_entry(cited: CitedFigure, lang: Language) -> str:
    """One figure's BibTeX entry (``--per-figure``): its work, keyed by the figure."""
    work = replace(_safe(cited).work, key=cited.key)
    return bibtex_reference(work, [cited], lang)


def bibtex_reference(work: CitedWork, figures: Sequence[CitedFigure], lang: Language) -> str:
    """A work's biblatex entry: ``@article`` (``entrysubtype = {magazine}``) or ``@online``.

    ``journaltitle`` is the periodical's own name; its English name, which
    biblatex has no field for, is ``journaltitle-translated`` (and the title's,
    ``title-translated``); ``langid`` the work's language (``chinese``). The
    figures' notes, one after another, are the ``note``; a LaTeX writer cites one
    as ``\\cite[figure revenue:zgc:2023]{KEY}``.
    """
    work = safe_work(work)
    note = " ".join(figure_note(cited, lang) for cited in figures)
    online = work.kind == "webpage"
    language = _LANGIDS.get(work.language.split("-")[0].lower(), "")
    container = "organization" if online else "journaltitle"
    fields: list[tuple[str, str]] = [
        ("author", " and ".join("{" + latex_escaped(name) + "}" for name in work.authors)),
        # Double braces keep the title's case from a style's lower-casing.
        ("title", "{" + latex_escaped(work.title) + "}"),
        ("title-translated", "{" + latex_escaped(work.title_en) + "}"),
        (container, latex_escaped(work.container_title)),
        (f"{container}-translated", latex_escaped(work.periodical_other_name)),
        ("entrysubtype", "" if online else _ENTRY_SUBTYPES.get(work.kind, "")),
        ("number", latex_escaped(work.issue)),
        ("year", str(work.year) if work.year is not None else latex_escaped(work.date)),
        ("langid", language),
    ]
    fields = [(name, value) for name, value in fields if value not in ("", "{}")]
    lines = [f"@{'online' if online else 'article'}{{{work.key},"]
    lines.extend(f"  {name} = {{{value}}}," for name, value in fields)
    if len(work.date_parts) > 1 and 1 <= work.date_parts[1] <= 12:
        lines.append(f"  month = {_MONTHS[work.date_parts[1] - 1]},")
    if work.url:
        lines.append(f"  url = {{{bibtex_url(work.url)}}},")
        lines.append(f"  urldate = {{{figures[0].accessed if figures else ''}}},")
    lines.append(f"  note = {{{latex_escaped(note)}}}")
    lines.append("}")
    return "\n".join(lines)


_ENTRY_SUBTYPES = {"article-magazine": "magazine", "article-newspaper": "newspaper"}


# --- RIS ----------------------------------------------------------------------------------

_RIS_TYPES = {"article-magazine": "MGZN", "article-newspaper": "NEWS", "article-journal": "JOUR"}


def ris_record(cited: CitedFigure, lang: Language) -> str:
    """One figure's RIS record (``--per-figure``): its work, with the figure's ID."""
    work = replace(_safe(cited).work, key=cited.key)
    return ris_reference(work, [cited], lang)


def ris_reference(work: CitedWork, figures: Sequence[CitedFigure], lang: Language) -> str:
    """A RIS record: ``TY`` first, ``ER`` last, one tag a line; one ``N1`` per figure.

    MGZN a magazine article, ELEC a web page; ``LA`` the language, ``IS`` the
    issue where known, ``TT`` the title's English form.
    """
    work = safe_work(work)
    tags: list[tuple[str, str]] = [("TY", _RIS_TYPES.get(work.kind, "ELEC")), ("ID", work.key)]
    tags.extend(("AU", name) for name in work.authors)
    tags.append(("TI", work.title))
    tags.append(("TT", work.title_en))
    tags.append(("T2", work.container_title))
    tags.append(("IS", work.issue))
    if work.year is not None:
        tags.append(("PY", str(work.year)))
        month = f"{work.date_parts[1]:02d}" if len(work.date_parts) > 1 else ""
        day = f"{work.date_parts[2]:02d}" if len(work.date_parts) > 2 else ""
        tags.append(("DA", f"{work.year}/{month}/{day}/"))
    tags.append(("LA", work.language))
    if work.url:
        tags.append(("UR", work.url))
        tags.append(("Y2", (figures[0].accessed if figures else "").replace("-", "/")))
    tags.extend(("N1", figure_note(cited, lang)) for cited in figures)
    lines = [f"{tag}  - {value}" for tag, value in tags if value]
    lines.append("ER  - ")
    return "\n".join(lines)


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
