"""A cited figure as text: GB/T 7714-2015, APA 7, BibTeX, RIS or CSL-JSON.

:func:`format_citation` is the one entry point for a single figure (``zgc cite``
and the HTML report both use it); :func:`format_citations` writes several, one
entry per figure (each figure is its own citable claim with its own passage and
its own key, so a writer can cite one number, and a reference manager keeps the
note with the entry it belongs to).

Each entry names the publication (authors, title, periodical, date), and a note
says the figure itself: its value, status and qualifier, the verbatim passage,
and the data's version and SHA-256, so a reader can check the figure cited is
the one shipped. The note's words follow the language; the bibliographic
elements are the data package's own.

Where a library does the job, it is used: APA 7 is rendered by citeproc-py with
the CSL project's ``apa.csl`` (shipped beside this module with its CC BY-SA
licence). GB/T 7714-2015 is written here against the standard's own examples:
citeproc-py does not render the CSL project's GB/T styles as the standard has
them (it drops the ``[J]`` type code). BibTeX, RIS and CSL-JSON are simple
enough to write directly, and are checked in the tests by bibtexparser, by the
RIS rules and by the CSL data schema.

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
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zgc_cli.errors import ZgcError
from zgc_cli.phrases import phrase
from zgc_cli.present.choices import CitationStyle
from zgc_cli.present.i18n import MESSAGES, Language, data_note, message, unit_name
from zgc_cli.present.numbers import human_number, machine_number
from zgc_cli.present.safe import visible

if TYPE_CHECKING:
    from zgc_cli.stats.citations import CitedFigure, CitedWork

APA_STYLE_FILE = Path(__file__).resolve().parent / "csl" / "apa.csl"

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


# --- GB/T 7714-2015, written against the standard's examples ------------------------------

_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")


def _is_chinese(work: CitedWork) -> bool:
    """Whether an entry is a Chinese-language one (GB/T 7714 punctuates those full-width)."""
    return any(_CJK.search(text) for text in (*work.authors, work.periodical_name, work.title))


def gbt7714_entry(cited: CitedFigure) -> str:
    """A GB/T 7714-2015 entry for the article (4.4, 连续出版物中的析出文献).

    Form (the standard's 4.4.1 and its example 袁训来, 陈哲, 肖书海, 等. 蓝田生物群…[J].
    科学通报, 2012, 55(34): 3219.): 主要责任者. 题名[J]. 刊名, 年, 卷(期): 页码[引用日期].
    获取和访问路径. Parts the package does not give (volume, issue, pages) are left
    out with their punctuation, never guessed: "2024(4)" would claim issue 4.

    * Authors: three at most, then "等" ("et al." in a Western entry), as 8.1.2 has it.
    * Type code ``[J]``: 《瞭望》新闻周刊 is a periodical (期刊, with an ISSN), not a
      newspaper: appendix B gives ``J`` for 期刊 and ``N`` for 报纸. ``[J/OL]`` with an
      access path (``OL``, the carrier code for online), then the citing date in
      brackets and the address, as the standard's online examples ([N/OL]) show.
    * Punctuation: a Chinese entry uses the full-width marks of the standard's
      Chinese examples (．，); a Western one ". " and ", ".
    """
    cited = _safe(cited)
    return gbt7714_reference(cited.work, cited.accessed)


def gbt7714_reference(work: CitedWork, accessed: str) -> str:
    """The GB/T 7714-2015 entry of a work alone (see :func:`gbt7714_entry` for its rules).

    ``work`` must already be safe text (:func:`safe_work`); ``accessed`` is the
    citing date an online entry carries.
    """
    chinese = _is_chinese(work)
    stop, comma = ("．", "，") if chinese else (". ", ", ")
    et_al = "等" if chinese else "et al"
    names = list(work.authors[:3]) + ([et_al] if len(work.authors) > 3 else [])
    type_code = "J/OL" if work.url else "J"
    parts: list[str] = []
    if names:
        parts.append(comma.join(names) + stop)
    parts.append(f"{work.title}[{type_code}]{stop}")
    periodical = work.periodical_name or work.periodical
    year = str(work.year) if work.year is not None else work.date
    parts.append(comma.join(part for part in (periodical, year) if part))
    if work.url:
        parts.append(f"[{accessed}]{stop}{work.url}")
    return "".join(parts).rstrip() + stop.strip()


# --- APA 7, through citeproc-py and the CSL project's apa.csl -----------------------------


def csl_item(cited: CitedFigure, lang: Language) -> dict[str, Any]:
    """The figure's CSL-JSON item: an article in a magazine, the figure in its note."""
    note = figure_note(cited, lang)
    cited = _safe(cited)
    work = cited.work
    item: dict[str, Any] = {
        "id": cited.key,
        "type": "article-magazine",
        "title": work.title,
        "container-title": work.periodical,
        "author": [{"literal": name} for name in work.authors],
        "note": note,
    }
    if work.date_parts:
        item["issued"] = {"date-parts": [list(work.date_parts)]}
    elif work.date:
        item["issued"] = {"literal": work.date}
    if work.url:
        item["URL"] = work.url
        item["accessed"] = {"date-parts": [[int(part) for part in cited.accessed.split("-")]]}
    return {key: value for key, value in item.items() if value not in ("", [])}


@lru_cache(maxsize=1)
def _apa_style() -> Any:
    try:
        from citeproc import CitationStylesStyle
    except ImportError:
        raise ZgcError(phrase("cite.apa_needs")) from None
    return CitationStylesStyle(str(APA_STYLE_FILE), locale="en-US", validate=False)


def apa_entry(cited: CitedFigure) -> str:
    """An APA 7 reference for the article, rendered by citeproc-py with ``apa.csl``.

    The periodical is named as the package names it; in English its other name
    (``Outlook Weekly``) where one is given, as APA names a periodical by its own
    title. Names are not romanised (APA 7 asks for romanised references to works
    in other scripts): a guessed pinyin of a name would be worse than the name.
    """
    style = _apa_style()  # first: without citeproc-py, one line naming the extra
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    item = csl_item(cited, Language.en)
    item.pop("note", None)
    if "literal" in item.get("issued", {}):
        # citeproc-py prints a literal date twice ("(spring, spring)"): APA's n.d. instead.
        item.pop("issued")
    work = _safe(cited).work
    item["container-title"] = work.periodical_other_name or work.periodical_name
    bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), formatter.plain)
    bibliography.register(Citation([CitationItem(item["id"])]))
    return "".join(str(entry) for entry in bibliography.bibliography()).strip()


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


def bibtex_entry(cited: CitedFigure, lang: Language) -> str:
    """A BibTeX ``@article`` (a magazine article is an article in BibTeX's types)."""
    note = figure_note(cited, lang)
    cited = _safe(cited)
    work = cited.work
    fields: list[tuple[str, str]] = [
        ("author", " and ".join("{" + latex_escaped(name) + "}" for name in work.authors)),
        # Double braces keep the title's case from a style's lower-casing.
        ("title", "{" + latex_escaped(work.title) + "}"),
        ("journal", latex_escaped(work.periodical)),
        ("year", str(work.year) if work.year is not None else latex_escaped(work.date)),
    ]
    fields = [(name, value) for name, value in fields if value not in ("", "{}")]
    lines = [f"@article{{{cited.key},"]
    lines.extend(f"  {name} = {{{value}}}," for name, value in fields)
    if len(work.date_parts) > 1 and 1 <= work.date_parts[1] <= 12:
        lines.append(f"  month = {_MONTHS[work.date_parts[1] - 1]},")
    if work.url:
        lines.append(f"  url = {{{bibtex_url(work.url)}}},")
        lines.append(f"  urldate = {{{cited.accessed}}},")
    lines.append(f"  note = {{{latex_escaped(note)}}}")
    lines.append("}")
    return "\n".join(lines)


# --- RIS ----------------------------------------------------------------------------------


def ris_record(cited: CitedFigure, lang: Language) -> str:
    """A RIS record: ``TY`` first, ``ER`` last, one tag a line (MGZN: a magazine article)."""
    note = figure_note(cited, lang)
    cited = _safe(cited)
    work = cited.work
    tags: list[tuple[str, str]] = [("TY", "MGZN"), ("ID", cited.key)]
    tags.extend(("AU", name) for name in work.authors)
    tags.append(("TI", work.title))
    tags.append(("T2", work.periodical))
    if work.year is not None:
        tags.append(("PY", str(work.year)))
        month = f"{work.date_parts[1]:02d}" if len(work.date_parts) > 1 else ""
        day = f"{work.date_parts[2]:02d}" if len(work.date_parts) > 2 else ""
        tags.append(("DA", f"{work.year}/{month}/{day}/"))
    if work.url:
        tags.append(("UR", work.url))
        tags.append(("Y2", cited.accessed.replace("-", "/")))
    tags.append(("N1", note))
    lines = [f"{tag}  - {value}" for tag, value in tags if value]
    lines.append("ER  - ")
    return "\n".join(lines)


# --- the one entry point ----------------------------------------------------------------


def format_citation(cited: CitedFigure, style: CitationStyle, language: Language) -> str:
    """One figure's citation in a style, the note's words in a language (no final newline).

    GB/T 7714 and APA give the entry, then the note on a line of its own;
    BibTeX, RIS and CSL-JSON carry the note in their note field. CSL-JSON is a
    one-item array: what a reference manager imports.
    """
    if style is CitationStyle.gbt7714:
        return (
            gbt7714_entry(cited)
            + "\n"
            + message("cite.note_label", language)
            + figure_note(cited, language)
        )
    if style is CitationStyle.apa:
        return (
            apa_entry(cited)
            + "\n"
            + message("cite.note_label", language)
            + figure_note(cited, language)
        )
    if style is CitationStyle.bibtex:
        return bibtex_entry(cited, language)
    if style is CitationStyle.ris:
        return ris_record(cited, language)
    return csl_json([cited], language)


def csl_json(figures: Iterable[CitedFigure], language: Language) -> str:
    """CSL-JSON: an array of items, one per figure."""
    items = [csl_item(cited, language) for cited in figures]
    return json.dumps(items, ensure_ascii=False, indent=2)


def format_citations(
    figures: Sequence[CitedFigure], style: CitationStyle, language: Language
) -> str:
    """Several figures' citations, one entry per figure, ending with a newline.

    Entries are apart by a blank line (as reference managers export RIS too);
    CSL-JSON is one array holding every item.
    """
    if style is CitationStyle.csl_json:
        return csl_json(figures, language) + "\n"
    return "\n\n".join(format_citation(cited, style, language) for cited in figures) + "\n"
