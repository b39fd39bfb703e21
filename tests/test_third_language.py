"""A third language is one catalog and one profile: a made-up one, shown by every view.

The pseudo-language ``qps`` has its own texts (the English ones accented and
bracketed, ⟦Ýéáŕš⟧, units in ‹›) and its own conventions: «» quotes, `` ¦ ``
between list items, ``·`` between a number and its unit, German digits (Babel's
``de``: 1.234,5). Every command's terminal output and the report's Markdown in
it must hold no text of the English or the Chinese catalog and none of their
conventions (“”, 「」, 、, a unit glued to its number or set off by a space),
except inside the data's own text (a Chinese passage, an English name).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zgc_cli.cli import app
from zgc_cli.words import (
    CATALOGS,
    PROFILES,
    Language,
    LanguageProfile,
    message,
    register_language,
)
from zgc_cli.words.catalog import en, zh

from .conftest import ARTICLE, REPO_ROOT

CODE = "qps"
PSEUDO = LanguageProfile(
    code=CODE,
    locale="de",
    html_lang="qps-ploc",
    compact_style="long",
    compact_from=1e5,
    groups_thousands=True,
    unit_joiner="·",
    scale_joiner="·",
    list_joiner=" ¦ ",
    quotes=("«", "»"),
    names_list_items=True,
    citation_style="apa",
    needs_cjk_font=False,
    name_columns=("name_en", "name_zh"),
    event_columns=("event_en", "event_zh"),
    scope_column="scope",
    note_column="note",
)
_ACCENTS = str.maketrans("aeiouycnszAEIOUYCNSZ", "áéîöüýçñšžÁÉÎÖÜÝÇÑŠŽ")
_FIELD = re.compile(r"(\{\{|\}\}|\{[^{}]*\})")


def pseudo_text(key: str, english: str) -> str:
    """An English text made the pseudo-language's: accented outside its fields, bracketed."""
    parts = _FIELD.split(english)
    text = "".join(
        part if index % 2 else part.translate(_ACCENTS) for index, part in enumerate(parts)
    )
    text = text.replace("“", "«").replace("”", "»")
    if not re.search("[A-Za-z]", _FIELD.sub("", english)):
        return text  # marks and fields only (=, {year}, …): nothing to translate
    lead, core, trail = re.fullmatch(r"(\s*)(.*?)(\s*)", text, re.DOTALL).groups()  # type: ignore[union-attr]
    opening, closing = ("‹", "›") if key.startswith(("unit.", "draft_unit.")) else ("⟦", "⟧")
    return f"{lead}{opening}{core}{closing}{trail}"


# Its own punctuation where English has only punctuation: how it separates labels.
OWN_PUNCTUATION = {"label.separator": " ¦ ", "label.list_separator": " ¦¦ "}
PSEUDO_TEXTS = {
    key: OWN_PUNCTUATION.get(key) or pseudo_text(key, text) for key, text in en.TEXTS.items()
}


@pytest.fixture
def third_language() -> Iterator[Language]:
    """The pseudo-language, registered for one test and removed after it."""
    member = register_language(PSEUDO, PSEUDO_TEXTS)
    try:
        yield member
    finally:
        del PROFILES[CODE], CATALOGS[CODE]
        del Language._member_map_[CODE], Language._value2member_map_[CODE]
        Language._member_names_.remove(CODE)


# Every command a person reads, with arguments that give it something to show.
COMMANDS: dict[str, list[str]] = {
    "catalog": ["metrics"],
    "series": ["metrics", "revenue"],
    "series of several": ["metrics", "revenue", "employees", "invention_patents"],
    "compare": ["compare", "2014", "2023"],
    "compare near": ["compare", "2013", "2023", "--tolerance", "1"],
    "search": ["search", "patent"],
    "source": ["source", "revenue"],
    "cite": ["cite", "revenue"],  # text, never a table
    "share": ["share", "registered_large_models"],
    "timeline": ["timeline"],
    "verify": ["verify"],
    "extract": ["extract", str(ARTICLE)],
    "plot": ["plot", "revenue", "employees"],
    "nothing in the years": ["compare", "1990", "1991"],
    "no such data": ["metrics", "--data", "/nonexistent/zgc.csv"],
    "no such metric": ["metrics", "no_such_metric"],
}

# Commands that write text, not a table (no --format table).
TEXT_COMMANDS = {"cite", "plot"}


def _data_text() -> str:
    """Every text of the data and the article: what a view may show as it is."""
    paths = [*sorted((REPO_ROOT / "data").rglob("*")), ARTICLE]
    return "\n".join(
        path.read_text(encoding="utf-8", errors="replace") for path in paths if path.is_file()
    )


# What a view may show as it is: the data's text, and the pseudo-language's own texts (an
# English text may hold a Chinese example: 突破26万 as under 27万).
DATA_TEXT = _data_text() + "\n".join(PSEUDO_TEXTS.values())
# Chinese punctuation, and the quotes and brackets either language sets around data.
_MARKS = "「」“”‘’《》〈〉、"
DATA_WORDS = DATA_TEXT.translate({ord(mark): None for mark in _MARKS})
_CJK = re.compile("[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef「」“”、]")
_CHINESE_MARKS = re.compile("[“”「」、《》]")
_SPLIT = re.compile(r"[\[\]\s│┃─━┌┐└┘├┤┬┴┼╭╮╯╰║═|]+")
_AROUND = "()（）,.;:…*^§?~<>≈⟦⟧‹›«»[]\\"


def foreign_words(output: str) -> list[str]:
    """Each piece of the output in a CJK script or with Chinese punctuation, not the data's.

    A piece is a run between spaces and table rules. Chinese text must be the data's (a
    passage, a name, a quote's word); Chinese quotes, brackets or the 、 joiner must be
    where the data has them, except 「」 the extract view sets around a figure in a
    Chinese passage (the passage's script decides).
    """
    found = []
    for piece in _SPLIT.split(output.replace("\\", "")):  # Markdown's escapes: \[J\]
        if not _CJK.search(piece):
            continue
        bare = piece.replace("「", "").replace("」", "").strip(_AROUND)
        if _CHINESE_MARKS.search(bare):
            if bare not in DATA_TEXT:
                found.append(piece)
        elif bare not in DATA_WORDS:
            found.append(piece)
    return found


def _english_phrases() -> list[str]:
    """The English catalog's phrases a person would recognise (two words or more, outside
    the fields), less those the data itself says (an English name, a note)."""
    phrases = set()
    for text in en.TEXTS.values():
        for part in _FIELD.split(text)[::2]:
            phrase = part.strip(" :;,.()[]\n")
            if len(re.findall(r"[A-Za-z]{3,}", phrase)) >= 2 and phrase not in DATA_TEXT:
                phrases.add(phrase)
    return sorted(phrases)


ENGLISH_PHRASES = _english_phrases()
# The Chinese catalog's texts of two characters or more, outside the fields, that the data
# does not hold (a view's header, a status, a unit's counter word…).
CHINESE_TEXTS = sorted(
    {
        part.strip()
        for text in zh.TEXTS.values()
        for part in _FIELD.split(text)[::2]
        if len(_CJK.findall(part)) >= 2 and part.strip() not in DATA_TEXT
    }
)


def leaks(output: str) -> list[str]:
    """What of English or Chinese the output shows outside the data's own text."""
    found = [f"English text: {phrase!r}" for phrase in ENGLISH_PHRASES if phrase in output]
    found += [f"Chinese text: {text!r}" for text in CHINESE_TEXTS if text in output]
    found += [f"Chinese script or punctuation: {piece!r}" for piece in foreign_words(output)]
    # A unit set off by a space (English) or glued to its number (Chinese), not by "·".
    found += [
        f"unit joined as in English or Chinese: {m.group()!r}"
        for m in re.finditer(r"\d(?: [A-Z][a-z]+)? ‹|\d‹", output)
    ]
    # A number Python wrote with English symbols (+9.9…+10.5%, 2.34×), not German ones
    # (whose 1.000 is a thousand: a decimal point has one or two digits after it here).
    found += [
        f"digits in English symbols: {m.group()!r}"
        for m in re.finditer(r"[+-]?\d+\.\d{1,2}(?=…|%|×|·)|…[+-]?\d+\.\d{1,2}(?!\d)", output)
        if m.group() not in DATA_TEXT
    ]
    # A list joined as in English (a, b): the pseudo-language joins « » items with " ¦ ".
    found += [f"list joined as in English: {m.group()!r}" for m in re.finditer(r"», «", output)]
    return found


def run(*args: str, table: bool = True) -> tuple[int, str]:
    """A command in the pseudo-language; as a table for a person (CliRunner is no terminal)."""
    shown = ["--format", "table"] if table else []
    result = CliRunner().invoke(app, [*args, *shown, "--lang", CODE])
    return result.exit_code, result.stdout + result.stderr


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_view_speaks_only_the_third_language(third_language: Language, name: str) -> None:
    code, output = run(*COMMANDS[name], table=name not in TEXT_COMMANDS)
    assert "Traceback" not in output, output
    assert re.search("[⟦‹]", output), output  # the view said something in the language
    found = leaks(output)
    assert found == [], "\n".join(found)


def test_the_report_speaks_only_the_third_language(
    third_language: Language, tmp_path: Path
) -> None:
    pytest.importorskip("jinja2")
    target = tmp_path / "report.md"
    code, output = run("report", "-o", str(target), table=False)
    assert code == 0, output
    report = target.read_text(encoding="utf-8")
    assert message("report.contents", third_language) in report or "⟦" in report
    found = leaks(report)
    assert found == [], "\n".join(found)


def test_the_third_language_writes_numbers_its_own_way(third_language: Language) -> None:
    """German digits and compact words, and the profile's joiners (·, ¦)."""
    code, output = run("metrics", "revenue")
    assert code == 0, output
    assert re.search(r"\d,\d Billionen", output), output
    assert re.search(r"[+-]\d,\d…[+-]\d+,\d%", output), output  # an interval, German digits
    assert not re.search(r"\d\.\d trillion|万亿", output), output
    code, output = run("compare", "2014", "2023")
    assert " ¦ " in output, output  # the series not compared, listed with its separator


def test_the_leak_check_finds_each_convention() -> None:
    """The check itself: each way English or Chinese shows through is found."""
    assert leaks("Not compared, only 2014 in the data")  # an English catalog sentence
    assert leaks(f"⟦Ýéáŕš⟧ {CHINESE_TEXTS[0]}")  # a Chinese catalog text
    assert leaks("⟦Ýéáŕš⟧ 数据点数")  # a Chinese header
    assert leaks("⟦x⟧ “revenue”、“employees”")  # Chinese quotes and joiner
    assert leaks("3.6 Billionen ‹ÇÑÝ›") and leaks("3.6‹ÇÑÝ›")  # English and Chinese units
    assert leaks("«a», «b»")
    assert leaks("+9.9…+10.5%") and leaks("2.34×")
    assert leaks("⟦Ýéáŕš⟧ ‹ÇÑÝ› 1,2·‹ÇÑÝ›") == []
