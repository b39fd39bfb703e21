"""The words: every id in every language, each language a profile, the bottom layer."""

from __future__ import annotations

import ast
import string
import sys
from pathlib import Path

import pytest

import zgc_cli.words
from zgc_cli.words import (
    CATALOGS,
    PROFILES,
    REFERENCE_LANGUAGE,
    Language,
    Listed,
    message,
    profile_of,
    register_language,
)

WORDS = Path(zgc_cli.words.__file__).parent


def _fields(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


@pytest.mark.parametrize("lang", sorted(CATALOGS))
def test_every_id_of_every_catalog_is_in_every_language(lang: str) -> None:
    for other, texts in CATALOGS.items():
        assert sorted(set(texts) - set(CATALOGS[lang])) == [], (lang, "lacks ids of", other)
    assert [key for key, text in CATALOGS[lang].items() if not text] == []
    assert len(CATALOGS[lang]) > 700


@pytest.mark.parametrize("lang", sorted(CATALOGS))
def test_every_text_is_a_template_that_parses(lang: str) -> None:
    """A stray brace would fail only when the message is shown."""
    for key, text in CATALOGS[lang].items():
        _fields(text)  # raises ValueError on a lone { or }
        assert all(field.isidentifier() for field in _fields(text) if field), (lang, key)


def test_every_language_is_a_profile_and_a_catalog() -> None:
    assert {str(lang) for lang in Language} == set(PROFILES) == set(CATALOGS)
    for code, profile in PROFILES.items():
        assert profile.code == code
        assert profile_of(Language(code)) is profile


def test_the_words_import_only_the_standard_library_and_themselves() -> None:
    for path in WORDS.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                own = name == "zgc_cli.words" or name.startswith("zgc_cli.words.")
                assert own or top in sys.stdlib_module_names, (path.name, name)


def test_a_catalog_without_every_id_is_refused() -> None:
    texts = dict(CATALOGS[REFERENCE_LANGUAGE])
    texts.pop("header.year")
    with pytest.raises(ValueError, match="header.year"):
        register_language(PROFILES["en"].__class__(**{**vars(PROFILES["en"]), "code": "xx"}), texts)
    assert "xx" not in PROFILES and "xx" not in Language._value2member_map_


def test_a_list_follows_each_profile() -> None:
    listed = Listed(["revenue", "employees"])
    assert listed.text("en") == "revenue, employees"
    assert listed.text("zh") == "“revenue”、“employees”"
    assert message("header.year", Language.zh) == "年份"
