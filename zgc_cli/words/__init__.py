"""Every word a person reads, and each language's conventions.

* :mod:`~zgc_cli.words.catalog`: one catalog per language, every message, unit
  name and measure label by id (``message("header.year", lang)``).
* :mod:`~zgc_cli.words.languages`: :class:`Language`, the locale's language, and
  a :class:`LanguageProfile` per language (quotes, joiners, number style…).
* :mod:`~zgc_cli.words.phrase`: what the lower layers say, as ids with parameters.

Adding a language is one catalog (``catalog/<code>/``, every id) and one profile
(see :func:`register_language`), plus the data's name columns if it has its own.

Standard library only, and nothing of zgc: the bottom layer (lint-imports holds it).
"""

from __future__ import annotations

from collections.abc import Mapping

from zgc_cli.words.catalog import (
    CATALOGS,
    DRAFT_UNIT_NAMES,
    MESSAGES,
    UNIT_NAMES,
    Table,
    Texts,
    labels,
)
from zgc_cli.words.languages import (
    PROFILES,
    REFERENCE_LANGUAGE,
    Language,
    LanguageProfile,
    add_member,
    detect_language,
    profile_of,
)
from zgc_cli.words.phrase import (
    CSV_PROBLEMS,
    FIELD_LIMIT_VARIABLE,
    JSON_PROBLEMS,
    Listed,
    Named,
    Phrase,
    Relocated,
    Term,
    TermNamer,
    csv_problem,
    json_problem,
    lone_surrogate,
    phrase,
    said,
    say,
    size_text,
)

# The lower layers' name for the one table (``PHRASES[id][code]``): the same view.
PHRASES = MESSAGES

__all__ = [
    "CATALOGS",
    "CSV_PROBLEMS",
    "DRAFT_UNIT_NAMES",
    "FIELD_LIMIT_VARIABLE",
    "JSON_PROBLEMS",
    "MESSAGES",
    "PHRASES",
    "PROFILES",
    "REFERENCE_LANGUAGE",
    "UNIT_NAMES",
    "Language",
    "LanguageProfile",
    "Listed",
    "Named",
    "Phrase",
    "Relocated",
    "Table",
    "Term",
    "TermNamer",
    "Texts",
    "csv_problem",
    "data_note",
    "detect_language",
    "json_problem",
    "labels",
    "lone_surrogate",
    "message",
    "phrase",
    "profile_of",
    "register_language",
    "said",
    "say",
    "size_text",
    "spoken",
    "term_name",
    "titled",
    "unit_name",
]


def register_language(profile: LanguageProfile, texts: Mapping[str, str]) -> Language:
    """Add a language: its profile and its catalog (every id the reference catalog has).

    Raises:
        ValueError: the catalog lacks ids, or has ids no other catalog has.
    """
    missing = set(CATALOGS[REFERENCE_LANGUAGE]) - set(texts)
    extra = set(texts) - set(CATALOGS[REFERENCE_LANGUAGE])
    if missing or extra:
        raise ValueError(
            f"catalog of {profile.code}: missing {sorted(missing)[:5]}, extra {sorted(extra)[:5]}"
        )
    PROFILES[profile.code] = profile
    CATALOGS[profile.code] = texts
    return add_member(profile.code)


def message(key: str, lang: Language | str, **values: object) -> str:
    """The text of a message in a language, with ``{placeholders}`` filled in.

    Raises:
        KeyError: the message, or its text in that language, does not exist.
    """
    text = CATALOGS[str(lang)][key]
    return text.format(**values) if values else text


def data_note(note: object, note_own: object, lang: Language | str) -> str:
    """The data's note on a figure in the language: its own note column's (``note_zh``)
    where the data has one (a user's data without it keeps its own note), else ``note``."""
    if profile_of(lang).note_column != "note" and note_own is not None and str(note_own).strip():
        return str(note_own)
    return "" if note is None else str(note)


def titled(name: str, unit_text: str, lang: Language | str) -> str:
    """A name with its unit: ``Revenue (yuan)``; ``Listed firms (cumulative), in firms``."""
    if not unit_text:
        return name
    key = "chart.titled_bracketed" if name.rstrip().endswith((")", "）")) else "chart.titled"
    return message(key, lang, name=name, unit=unit_text)


def unit_name(unit: str, lang: Language | str) -> str:
    """A unit id as a chart names it in a language; an unknown unit is shown as it is."""
    return CATALOGS[str(lang)].get(f"unit.{unit}", unit)


def term_name(term: Term, lang: Language | str) -> str | None:
    """A status, qualifier, year basis or unit id in a language (None: show the id)."""
    if term.kind in ("status", "qualifier", "year_basis"):
        return CATALOGS[str(lang)].get(f"label.{term}")
    if term.kind == "unit":
        return unit_name(str(term), lang)
    return None


def spoken(text: str, lang: Language | str, namer: TermNamer | None = None) -> str:
    """Text from a lower layer in a language: a Phrase rendered, anything else as it is."""
    return say(text, str(lang), namer or term_name)
