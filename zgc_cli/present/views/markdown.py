"""A result as a person's Markdown: the terminal view's tables and notes, to paste.

``--format markdown`` writes what the table shows (names, figures as people write
them with their marks and units, the legend), laid out with no terminal's width
to fit: every optional column is there. Ids a person types back are code spans
(``revenue``). The raw columns stay available as ``--format md-raw``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from zgc_cli.present.views import render
from zgc_cli.stats.results import Result
from zgc_cli.words import Language

# What Markdown would read as markup in a cell or a line: shown as written instead.
_MARKUP = re.compile(r"([\\`*_\[\]|<>#~^])")


def escaped(text: str) -> str:
    """Text that Markdown shows as written: ``8.6 trillion*`` stays an estimate's mark."""
    return _MARKUP.sub(r"\\\1", text.replace("\r", " "))


def _styled(line: Text, start: int, end: int, style: str) -> bool:
    """Whether a stretch of a cell is all in ``style`` (dim: an id beneath a name)."""
    if start == end:
        return False
    if style in str(line.style).split():
        return True
    covered = [False] * (end - start)
    for span in line.spans:
        if style in str(span.style).split():
            for position in range(max(span.start, start), min(span.end, end)):
                covered[position - start] = True
    return all(covered)


def _inline(cell: Text) -> str:
    """A cell's lines on one line: dim text (an id) as code, bold (a heading) as strong,
    the rest escaped."""
    parts: list[str] = []
    offset = 0
    for line in cell.plain.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        if not line.strip():
            continue
        parts.append(" ".join(_runs(cell, start, end)))
    return " ".join(parts)


def _runs(cell: Text, start: int, end: int) -> list[str]:
    """A line of a cell as Markdown, a run of words at a time: a title's dim id is code."""
    runs: list[str] = []
    for match in re.finditer(r"\S+(?:\s+\S+)*?(?=\s{2,}|$)", cell.plain[start:end]):
        first, last = start + match.start(), start + match.end()
        text = match.group(0)
        if _styled(cell, first, last, "dim") and "`" not in text:
            runs.append(f"`{text}`")
        elif _styled(cell, first, last, "bold"):  # a heading row: a category
            runs.append(f"**{escaped(text)}**")
        else:
            runs.append(escaped(text))
    return runs


def _table(table: Table) -> list[str]:
    lines: list[str] = []
    if table.title is not None:
        title = table.title if isinstance(table.title, Text) else Text(str(table.title))
        lines += [f"**{_inline(title)}**", ""]
    headers = [
        _inline(column.header if isinstance(column.header, Text) else Text(str(column.header)))
        for column in table.columns
    ]
    lines.append("| " + " | ".join(headers) + " |")
    lines.append(
        "|"
        + "|".join(" ---: " if column.justify == "right" else " --- " for column in table.columns)
        + "|"
    )
    columns = [list(column.cells) for column in table.columns]
    for index in range(len(columns[0]) if columns else 0):
        cells = [column[index] for column in columns]
        texts = [_inline(cell) if isinstance(cell, Text) else escaped(str(cell)) for cell in cells]
        if not any(texts):
            continue  # the blank row before a heading: Markdown has its own spacing
        lines.append("| " + " | ".join(texts) + " |")
    return lines


def markdown_of(renderables: Sequence[RenderableType]) -> str:
    """Tables as Markdown tables, notes and legends as paragraphs, in order."""
    blocks: list[str] = []
    for renderable in renderables:
        if isinstance(renderable, Table):
            blocks.append("\n".join(_table(renderable)))
        elif isinstance(renderable, Text):
            text = " ".join(line.strip() for line in renderable.plain.split("\n") if line.strip())
            if text:
                blocks.append(escaped(text))
        else:
            blocks.append(escaped(str(renderable)))
    return "\n\n".join(blocks) + "\n"


def human_markdown(result: Result, lang: Language) -> str:
    """The result as its terminal view shows it, every column, as Markdown."""
    return markdown_of(render(result, lang, None))
