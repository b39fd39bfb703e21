"""The report's title, and beneath it the publications its figures come from.

The shipped data's figures come from several publications (the article, and later
ones in ``data/sources/`` whose figures are now current): a title naming the
article alone would credit it with figures it never gave. One publication is
named in the title, as before; several in a line beneath it, each with its date,
in the order a reader meets them (the data's own publication first, then the
later ones by date).
"""

from __future__ import annotations

from zgc_cli.present.report.content import source_name
from zgc_cli.stats.citations import CitedWork
from zgc_cli.stats.report import ReportResult
from zgc_cli.words import Language, message


def drawn_on(result: ReportResult) -> list[CitedWork | None]:
    """The publications the report's figures come from: the data's own (None where the
    data package names none) where any figure is its, then each later one by date."""
    later = {passage.work for passage in result.passages.values() if passage.work is not None}
    own = not result.passages or any(p.work is None for p in result.passages.values())
    ordered = sorted(later, key=lambda work: (work.date_parts, work.date, work.key))
    return [result.work, *ordered] if own else list(ordered)


def page_title(result: ReportResult, lang: Language) -> tuple[str, str]:
    """The page's title and the line beneath it ('' where the title names the source)."""
    title = message("report.title_zgc" if not result.label else "report.title", lang)
    names = [source_name(work, result.label, lang) for work in drawn_on(result)]
    names = [name for name in dict.fromkeys(names) if name]
    if len(names) > 1:
        joined = message("report.source_separator", lang).join(names)
        return title, message("report.drawn_from", lang, sources=joined)
    if names:
        title = message("report.title_source", lang, title=title, source=names[0])
    return title, ""
