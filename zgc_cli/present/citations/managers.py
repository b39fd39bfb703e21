"""What reference managers import: CSL-JSON, BibTeX and RIS, the figures in their notes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from zgc_cli.present.citations.notes import _safe, figure_note, safe_work
from zgc_cli.present.i18n import Language

if TYPE_CHECKING:
    from zgc_cli.stats.citations import CitedFigure, CitedWork


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
