"""zgc's GB/T 7714 and APA strings against the CSL renderers people use (slow tier).

pandoc's citeproc (the OS package) and citeproc-js (the npm package ``citeproc``,
installed by .ci/run into tests/renderers/) render zgc's own CSL-JSON with the
styles zgc ships (zgc_cli/present/csl/); zgc's strings must equal theirs byte for
byte, less the ``[1]`` a numeric list puts first. Where a renderer departs from
the standard's own rule, the test says which and checks the departure itself, so
that a renderer that changes is noticed either way. Each test skips, saying why,
where its renderer is missing.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.test_cite import figure, runner
from zgc_cli.cli import app
from zgc_cli.model.dataset import Publication, publication_from
from zgc_cli.present.citations import (
    APA_STYLE_FILE,
    GBT7714_STYLE_FILE,
    apa_reference,
    csl_reference_item,
    gbt7714_reference,
    safe_work,
)
from zgc_cli.stats.citations import CitedWork, cited_work
from zgc_cli.words import Language

pytestmark = pytest.mark.slow

RENDERERS = Path(__file__).resolve().parent / "renderers"
CITEPROC_JS = RENDERERS / "node_modules" / "citeproc"
NODE = shutil.which("node")
PANDOC = shutil.which("pandoc")
needs_pandoc = pytest.mark.skipif(PANDOC is None, reason="pandoc is not installed (apt-get)")
needs_citeproc_js = pytest.mark.skipif(
    NODE is None or not CITEPROC_JS.exists(),
    reason="node or citeproc-js is missing (npm install --prefix tests/renderers)",
)
ACCESSED = "2026-11-29"


def _publication(**fields: str) -> Publication:
    values = {"title": "中关村的一篇报道", "publisher": "《瞭望》新闻周刊 (Outlook Weekly)"}
    values.update(fields)
    return Publication(**values)  # type: ignore[arg-type]


def _shipped_works() -> list[CitedWork]:
    """The works zgc's shipped data cites: the article and each later publication."""
    data = Path(__file__).resolve().parent.parent / "data"
    works = []
    for package_file in (
        data / "datapackage.json",
        *sorted(data.glob("sources/*/datapackage.json")),
    ):
        package = json.loads(package_file.read_text(encoding="utf-8"))
        for source in package["sources"]:
            url = str(source.get("path", ""))
            key = str(source.get("name", "") or package["name"])
            works.append(cited_work(publication_from(source, package), url, key))
    return works


# Each shape a reference takes: issue or not, online or not, 1/2/5/22 authors or none,
# a day, a month, a year, a date as words, no date; a magazine and a web page.
CASES: dict[str, CitedWork] = {
    "one-author-issue": cited_work(_publication(authors="郭奔胜", date="2024-04", issue="16")),
    "two-online": cited_work(
        _publication(authors="郭奔胜, 王明浩", date="2024-04-25"), url="https://example.org/a"
    ),
    "five-authors": cited_work(_publication(authors="郭奔胜, 王明浩, 尚前名, 陈燕, 张漫子")),
    "many-authors": cited_work(
        _publication(
            title="题",
            publisher="刊",
            authors=", ".join(f"作者{i}" for i in range(22)),
            date="2020",
        )
    ),
    "no-author": cited_work(_publication(date="2024")),
    "page-no-author": cited_work(
        _publication(
            title="新闻报道",
            publisher="北京人大网（北京市人大常委会）",
            date="2024-07-24",
            kind="webpage",
        ),
        url="https://example.org/n",
    ),
    "page-author-month": cited_work(
        _publication(title="新闻", authors="某人", date="2024-07", kind="webpage"),
        url="https://example.org/m",
    ),
    "page-offline-undated": cited_work(_publication(title="网页", date="", kind="webpage")),
    # Text that ends in a stop of its own: an ASCII one is not doubled, a Chinese one is
    # followed by the style's.
    "own-stops": cited_work(_publication(title="标题。", publisher="刊。", authors="甲.")),
    "question": cited_work(_publication(title="Why?", authors="X", date="2020")),
}
CASES.update({f"shipped-{work.key}": work for work in _shipped_works()})
# Where a renderer departs from the standard (tested apart, below).
WESTERN = cited_work(
    Publication(title="A title", publisher="Weekly", authors="A, B, C, D", date="2020")
)
TWO_LATIN = cited_work(Publication(title="T", publisher="W", authors="Ann, Bo", date="2021"))
WORDS_DATE = cited_work(Publication(title="T", publisher="W", authors="X", date="soon"))


def _items(works: dict[str, CitedWork]) -> list[dict[str, object]]:
    items = []
    for key, work in works.items():
        safe = safe_work(work)
        item = csl_reference_item(safe, [figure(safe, accessed=ACCESSED)], Language.en) | {
            "id": key
        }
        item.pop("custom")
        items.append(item)
    return items


def _citeproc_js(style: Path, works: dict[str, CitedWork], lang: str) -> dict[str, str]:
    payload = {"items": _items(works), "lang": lang}
    completed = subprocess.run(
        [str(NODE), str(RENDERERS / "render.js"), str(style), str(RENDERERS / "locales")],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    entries: dict[str, str] = json.loads(completed.stdout)["entries"]
    return {key: re.sub(r"^\[\d+\]\s*", "", entry) for key, entry in entries.items()}


def _pandoc(
    style: Path, works: dict[str, CitedWork], tmp_path: Path, text: str = ""
) -> tuple[str, dict[str, str]]:
    """pandoc's in-text result of ``text`` and its bibliography entries by id, as plain text."""
    bibliography = tmp_path / "items.json"
    bibliography.write_text(json.dumps(_items(works), ensure_ascii=False), encoding="utf-8")
    document = tmp_path / "doc.md"
    document.write_text(text or '---\nnocite: "@*"\n---\n\nx\n', encoding="utf-8")
    completed = subprocess.run(
        [str(PANDOC), str(document), "--citeproc", "--csl", str(style),
         "--bibliography", str(bibliography), "-t", "html", "--wrap=none"],
        capture_output=True, text=True, check=True, timeout=120,
    )  # fmt: skip
    return _entries(completed.stdout)


def _entries(page: str) -> tuple[str, dict[str, str]]:
    """A pandoc HTML page's text before its references, and its entries by id."""
    entries = {}
    found = re.findall(
        r'<div id="ref-([^"]+)" class="csl-entry"[^>]*>(.*?)</div>\s*(?=<div id="ref-|</div>)',
        page,
        re.S,
    )
    for key, body in found:
        body = re.sub(r'<div class="csl-left-margin">.*?</div>', "", body, flags=re.S)
        entries[key] = html.unescape(re.sub(r"<[^>]+>", "", body)).strip()
    body_text = page.split('<div id="refs"')[0]
    return html.unescape(re.sub(r"<[^>]+>", "", body_text)).strip(), entries


def _gbt(works: dict[str, CitedWork]) -> dict[str, str]:
    return {key: gbt7714_reference(safe_work(work), ACCESSED) for key, work in works.items()}


def _apa(works: dict[str, CitedWork]) -> dict[str, str]:
    return {key: apa_reference(safe_work(work)) for key, work in works.items()}


@needs_citeproc_js
def test_gbt7714_equals_citeproc_js() -> None:
    assert _citeproc_js(GBT7714_STYLE_FILE, CASES, "zh-CN") == _gbt(CASES)


@needs_pandoc
def test_gbt7714_equals_pandoc(tmp_path: Path) -> None:
    assert _pandoc(GBT7714_STYLE_FILE, CASES, tmp_path)[1] == _gbt(CASES)


# citeproc-js's two departures in APA, each checked: it leaves out the comma before
# the & of two names (see the test below), and it moves a full stop inside a closing
# quotation mark that is part of a Chinese title (en-US's punctuation-in-quote, which
# CSL applies to the quotes a style adds, not to a title's own characters; pandoc
# and zgc leave the title as written).
CITEPROC_JS_APA = {
    "two-online": lambda text: text.replace("郭奔胜, & 王明浩", "郭奔胜 & 王明浩"),
    "shipped-press-2024-09-30": lambda text: text.replace("全球前列”.", "全球前列.”"),
}


@needs_citeproc_js
def test_apa_equals_citeproc_js_but_where_it_departs() -> None:
    rendered = _citeproc_js(APA_STYLE_FILE, CASES, "en-US")
    expected = _apa(CASES)
    for key, departure in CITEPROC_JS_APA.items():
        assert rendered.pop(key) == departure(expected[key]) != expected.pop(key)
    assert rendered == expected


@needs_pandoc
def test_apa_equals_pandoc(tmp_path: Path) -> None:
    assert _pandoc(APA_STYLE_FILE, CASES, tmp_path)[1] == _apa(CASES)


@needs_pandoc
@pytest.mark.parametrize("style", ["gbt7714", "apa"])
def test_zgc_cite_of_two_figures_is_one_entry_in_pandoc(style: str, tmp_path: Path) -> None:
    """The issue's test: ``zgc cite revenue 2014 revenue 2023`` through pandoc, end to end.

    zgc's CSL-JSON is the bibliography; the document is the two in-text citations zgc
    printed; pandoc must list one entry, equal to the entry zgc printed.
    """
    asked = ["cite", "revenue", "2014", "revenue", "2023", "--lang", "zh"]
    items = runner.invoke(app, [*asked, "--style", "csl-json"]).stdout
    printed = runner.invoke(app, [*asked, "--style", style]).stdout.rstrip("\n").split("\n")
    entry, citations = printed[0], [line.split("] ")[0] + "]" for line in printed[1:]]
    assert len(citations) == 2
    csl = GBT7714_STYLE_FILE if style == "gbt7714" else APA_STYLE_FILE
    bibliography = tmp_path / "zgc.json"
    bibliography.write_text(items, encoding="utf-8")
    document = tmp_path / "doc.md"
    document.write_text(f"A {citations[0]} B {citations[1]}\n", encoding="utf-8")
    page = subprocess.run(
        [str(PANDOC), str(document), "--citeproc", "--csl", str(csl),
         "--bibliography", str(bibliography), "-t", "html", "--wrap=none"],
        capture_output=True, text=True, check=True, timeout=120,
    ).stdout  # fmt: skip
    in_text, entries = _entries(page)
    assert list(entries.values()) == [entry]  # one entry, not 2024a/2024b or [1]/[2]
    if style == "apa":  # APA prints the locator: each citation names its figure
        assert "Figure revenue:zgc:2014" in in_text and "Figure revenue:zgc:2023" in in_text
        assert "2024a" not in in_text
    else:  # a numeric list numbers the one work once (the style prints page locators only)
        assert in_text.count("[1]") == 2 and "[2]" not in in_text


# --- where a renderer departs from the standard, zgc follows the standard ----------------


@needs_citeproc_js
@needs_pandoc
def test_the_gbt_style_writes_deng_for_a_western_entry_where_the_standard_says_et_al(
    tmp_path: Path,
) -> None:
    # GB/T 7714-2015 8.1.2: a Western entry's fourth author on is "et al."; the CSL
    # style has one language and writes 等 for every entry.
    expected = "A, B, C, et al. A title[J]. Weekly, 2020."
    assert gbt7714_reference(WESTERN, ACCESSED) == expected
    renderer = expected.replace("et al.", "等.")
    assert _citeproc_js(GBT7714_STYLE_FILE, {"w": WESTERN}, "zh-CN") == {"w": renderer}
    assert _pandoc(GBT7714_STYLE_FILE, {"w": WESTERN}, tmp_path)[1] == {"w": renderer}


@needs_citeproc_js
@needs_pandoc
def test_citeproc_js_drops_the_comma_before_the_ampersand_of_two_authors(
    tmp_path: Path,
) -> None:
    # apa.csl asks for the delimiter before the last name always (APA 9.8: "Author, A.,
    # & Author, B."); pandoc writes it, citeproc-js leaves it out for two names.
    expected = "Ann, & Bo. (2021). T. W."
    assert apa_reference(TWO_LATIN) == expected
    assert _pandoc(APA_STYLE_FILE, {"t": TWO_LATIN}, tmp_path)[1] == {"t": expected}
    assert _citeproc_js(APA_STYLE_FILE, {"t": TWO_LATIN}, "en-US") == {
        "t": "Ann & Bo. (2021). T. W."
    }


@needs_citeproc_js
@needs_pandoc
def test_pandoc_writes_a_date_in_words_twice(tmp_path: Path) -> None:
    # A date the package writes in words is printed once by citeproc-js and by zgc;
    # pandoc 2.17's citeproc prints it twice.
    expected = "X. (soon). T. W."
    assert apa_reference(WORDS_DATE) == expected
    assert _citeproc_js(APA_STYLE_FILE, {"s": WORDS_DATE}, "en-US") == {"s": expected}
    assert _pandoc(APA_STYLE_FILE, {"s": WORDS_DATE}, tmp_path)[1] == {
        "s": "X. (soon, soon). T. W."
    }
