"""GB/T 7714-2015 and APA 7, written here and held byte-equal to citeproc's renderings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from zgc_cli.present.citations.notes import _safe

if TYPE_CHECKING:
    from zgc_cli.stats.citations import CitedFigure, CitedWork


# --- GB/T 7714-2015, as the standard CSL style renders it -----------------------------

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
