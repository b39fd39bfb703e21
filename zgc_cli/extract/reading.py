"""What ``zgc extract`` reads: a text file (UTF-8 or GB18030), an HTML page saved from a
browser, or standard input, as one plain text.

HTML is recognised by its start (a doctype, ``<html``, ``<head`` or ``<body`` among the
first bytes) and read with the standard library's :mod:`html.parser`: the text of the
page, block elements ending lines, scripts, styles and templates left out, character
references decoded. The page's ``<title>`` is kept as a default title for the draft.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from zgc_cli.errors import DataError
from zgc_cli.model.textio import decode_text, read_bytes
from zgc_cli.words import phrase

_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta)\b", re.I | re.S
)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)
# Elements whose text is not the page's: never read.
_HIDDEN = frozenset({"script", "style", "noscript", "template", "svg", "head"})
# Elements that end a line (a paragraph of the text).
_BLOCKS = frozenset(
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td",
        "th", "table", "section", "article", "header", "footer", "blockquote", "pre", "hr",
        "figcaption", "figure", "dd", "dt", "main", "aside", "nav", "title",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Document:
    """A text to extract from.

    Attributes:
        label: the file name as messages give it (``<stdin>`` for standard input).
        text: the plain text (of an HTML page: its visible text).
        title: the HTML page's title, or ''.
        is_html: whether the input was HTML.
    """

    label: str
    text: str
    title: str = ""
    is_html: bool = False


class _TextOfPage(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self.hidden = 0
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        elif tag in _HIDDEN:
            self.hidden += 1
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in _HIDDEN and self.hidden:
            self.hidden -= 1
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        elif not self.hidden:
            self.parts.append(data)


def is_html(raw: bytes) -> bool:
    """Whether the bytes are an HTML page (by how they start)."""
    return bool(_HTML_START.match(raw[:4096].removeprefix(b"\xef\xbb\xbf")))


def html_text(page: str) -> tuple[str, str]:
    """The visible text of an HTML page, a line per block, and its title."""
    parser = _TextOfPage()
    parser.feed(page)
    parser.close()
    lines = (
        re.sub(r"[ \t\r\f\v\u3000]+", " ", line).strip()
        for line in "".join(parser.parts).split("\n")
    )
    text = "\n".join(line for line in lines if line)
    return text + "\n", " ".join("".join(parser.title_parts).split())


def _decode_page(label: str, raw: bytes) -> str:
    declared = _CHARSET.search(raw[:4096])
    if declared:
        name = declared.group(1).decode("ascii", "replace").lower()
        if name in ("gbk", "gb2312", "gb18030"):
            try:
                return raw.decode("gb18030")
            except UnicodeDecodeError:
                pass
    return decode_text(label, raw)


def read_document(path: str) -> Document:
    """The text of a file (``-``: standard input): UTF-8 or GB18030 text, or HTML.

    Raises:
        DataError: the file cannot be read, is not text, or holds no text.
    """
    label, raw = read_bytes(path, phrase("what.extract_input"))
    if is_html(raw):
        text, title = html_text(_decode_page(label, raw))
        document = Document(label, text, title, True)
    else:
        document = Document(label, decode_text(label, raw))
    if not document.text.strip():
        raise DataError(phrase("extract.empty", label=label))
    return document
