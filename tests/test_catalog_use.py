"""Every id of the words' catalogs is used somewhere in zgc_cli.

An id is used where the code names it whole (``message("cite.figure", ...)``,
``phrase("run.cannot_write")``, a table of ids) or where it is built from a prefix
that the code writes once (``f"diff.kind.{kind}"``). Those prefixes are listed here,
each with the text that builds it, and each must still be in the code: a prefix
no longer built would otherwise keep its dead ids alive unseen.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import zgc_cli
from zgc_cli.words import CATALOGS, REFERENCE_LANGUAGE

PACKAGE = Path(zgc_cli.__file__).parent
# Each language's texts (catalog/en, catalog/zh): ids are defined there, not used.
LANGUAGE_FOLDERS = [PACKAGE / "words" / "catalog" / code for code in CATALOGS]
# Ids built at run time: the prefix, and the code that builds ids of it.
DYNAMIC_PREFIXES: dict[str, str] = {
    "unit.": 'Table("unit.")',
    "draft_unit.": 'Table("draft_unit.")',
    "header.": 'f"header.{',
    "mark.": 'f"mark.{',
    "flag.": '"flag." +',
    "label.": 'f"label.{',
    "category.": 'f"category.{',
    "month.": 'f"month.{',
    "kind.": 'f"kind.{',
    "diff.kind.": 'f"diff.kind.{',
    "claim.": 'f"claim.{',
    "place.": 'f"place.{',
    "names.ambiguous_": 'f"names.ambiguous_{',
    "select.unknown_": 'f"select.unknown_{',
    "verify.check.": 'f"verify.{key}.{value}"',
    "verify.result.": 'f"verify.{key}.{value}"',
    "report.mark.": 'f"report.mark.{',
}


def _code() -> str:
    """Every file of zgc_cli a message id can be named in, but the languages' texts."""
    texts = []
    for path in sorted(PACKAGE.rglob("*")):
        if not path.is_file() or any(folder in path.parents for folder in LANGUAGE_FOLDERS):
            continue
        if path.suffix in (".py", ".html", ".md", ".txt", ".json"):
            texts.append(path.read_text(encoding="utf-8"))
    return "\n".join(texts)


CODE = _code()


def _named(key: str) -> bool:
    return f'"{key}"' in CODE or f"'{key}'" in CODE


@pytest.mark.parametrize("prefix", sorted(DYNAMIC_PREFIXES))
def test_each_dynamic_prefix_is_still_built_in_the_code(prefix: str) -> None:
    assert DYNAMIC_PREFIXES[prefix] in CODE, prefix


def test_every_catalog_id_is_used_in_zgc_cli() -> None:
    unused = [
        key
        for key in CATALOGS[REFERENCE_LANGUAGE]
        if not _named(key) and not key.startswith(tuple(DYNAMIC_PREFIXES))
    ]
    assert unused == []


def test_the_check_finds_an_id_nothing_uses() -> None:
    # The check can fail: a made-up id is neither named nor under a built prefix.
    key = "report.never_shown_anywhere"
    assert not _named(key) and not key.startswith(tuple(DYNAMIC_PREFIXES))
    assert _named("cite.figure")
