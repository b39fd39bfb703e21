"""Every text a person reads, one catalog per language: ``CATALOGS[code][id]``.

A catalog is a package of data modules by area (errors, verify, views, charts,
report, units…), each a plain ``TEXTS = {id: text}``. Texts are ``str.format``
templates; the same ids exist in every language (a test holds it). Nothing falls
back silently: a missing text raises.

:data:`MESSAGES` and :data:`UNIT_NAMES` are views by id (``MESSAGES[id][code]``),
read at call time, so a language registered later is in them too.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from importlib import import_module

from zgc_cli.words.catalog import en


class ShippedCatalog(Mapping[str, str]):
    """A shipped language's catalog, imported when it is first read.

    Every run reads the reference catalog (English); another language's is imported
    only by a run that speaks it (its dozen modules are a few milliseconds of every
    start, ``--help`` too).
    """

    def __init__(self, module: str) -> None:
        self.module = module
        self._texts: Mapping[str, str] | None = None

    @property
    def texts(self) -> Mapping[str, str]:
        if self._texts is None:
            self._texts = import_module(self.module).TEXTS
        return self._texts

    def __getitem__(self, key: str) -> str:
        return self.texts[key]

    def __contains__(self, key: object) -> bool:
        return key in self.texts

    def __iter__(self) -> Iterator[str]:
        return iter(self.texts)

    def __len__(self) -> int:
        return len(self.texts)


CATALOGS: dict[str, Mapping[str, str]] = {
    "en": en.TEXTS,
    "zh": ShippedCatalog("zgc_cli.words.catalog.zh"),
}


def text(key: str, lang: str) -> str:
    """One text of a language's catalog.

    Raises:
        KeyError: the language, or its text for ``key``, does not exist.
    """
    return CATALOGS[lang][key]


class Texts(Mapping[str, str]):
    """One id's texts by language code (``MESSAGES["header.year"]["zh"]``)."""

    def __init__(self, key: str) -> None:
        self.key = key

    def __getitem__(self, lang: str) -> str:
        return CATALOGS[str(lang)][self.key]

    def __iter__(self) -> Iterator[str]:
        return (code for code, texts in CATALOGS.items() if self.key in texts)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __repr__(self) -> str:
        return repr(dict(self))


class Table(Mapping[str, Texts]):
    """The ids under a prefix (``unit.``), each with its texts by language.

    Its ids are those of the reference catalog (English); the test that every id
    exists in every language keeps the others equal.
    """

    def __init__(self, prefix: str = "") -> None:
        self.prefix = prefix

    def __getitem__(self, key: str) -> Texts:
        if self.prefix + key not in CATALOGS["en"]:
            raise KeyError(key)
        return Texts(self.prefix + key)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.prefix + key in CATALOGS["en"]

    def __iter__(self) -> Iterator[str]:
        size = len(self.prefix)
        return (key[size:] for key in CATALOGS["en"] if key.startswith(self.prefix))

    def __len__(self) -> int:
        return sum(1 for _ in self)


MESSAGES = Table()
# Units as a chart's axis names them, by the data's unit id.
UNIT_NAMES = Table("unit.")
# The units extract drafts beyond the shipped data's, as its view names them.
DRAFT_UNIT_NAMES = Table("draft_unit.")


def labels(key: str) -> Texts:
    """An id's texts by language (a measure's label: ``labels("measure.change")``)."""
    return Texts(key)
