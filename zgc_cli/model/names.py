"""Ids from names: a metric or an entity by its id, English or Chinese name, or an alias.

People type what they read: ``Beijing``, ``北京``, ``中关村``, ``ZGC``, ``企业总收入``.
Each is compared with every id, name and alias after Unicode NFKC (full-width
``ＺＧＣ`` is ``ZGC``) and case folding, with runs of spaces made one. An exact id
always means itself; otherwise the ids whose id, name or alias is the same text
are the candidates: one is the answer, several are an ambiguity for the caller to
refuse, none leaves the name to the caller's "unknown" error (with its near
matches). Nothing is guessed from a part of a name.

Pure and standard library only: the loader (before it parses a big file),
completion on every TAB, the stats layer and any other front end build the same
:class:`NameIndex` from the sidecars' rows and ask it the same way.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

# entities.csv keeps several Chinese aliases in one cell, separated by semicolons.
ALIAS_SEPARATOR = ";"
# A sidecar's ``name_<lang>`` columns name its ids, one language each (name_en, name_zh, …).
NAME_PREFIX = "name_"
# The name columns of the shipped sidecars, the ones a table without its own has.
NAME_COLUMNS: tuple[str, ...] = ("name_en", "name_zh")
ALIAS_COLUMNS: tuple[str, ...] = ("aliases_zh", "aliases_en", "aliases")


def normalized(text: str) -> str:
    """Text as names are compared: NFKC, case-folded, trimmed, inner spaces made one."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"\s+", " ", folded).strip()


@dataclass(frozen=True)
class NamedId:
    """One id and every name it answers to (its names first, then its aliases)."""

    id: str
    names: Mapping[str, str] = field(default_factory=dict)  # by language, each name_<lang>
    aliases: tuple[str, ...] = ()


def name_languages(columns: Iterable[object]) -> tuple[str, ...]:
    """The languages of a table's ``name_<lang>`` columns, in the table's order.

    >>> name_languages(["metric", "name_en", "name_zh", "name_fr", "unit"])
    ('en', 'zh', 'fr')
    """
    return tuple(
        str(column).removeprefix(NAME_PREFIX)
        for column in columns
        if str(column).startswith(NAME_PREFIX) and len(str(column)) > len(NAME_PREFIX)
    )


def named_ids(
    rows: Iterable[Mapping[Any, object]], id_column: str, ids: Iterable[str] = ()
) -> list[NamedId]:
    """Each sidecar row (indicators.csv, entities.csv) as a NamedId, then ids it lacks.

    ``ids`` are those the observations hold: an id with no row still answers to itself.
    """
    entries: dict[str, NamedId] = {}
    for row in rows:
        key = str(row.get(id_column) or "").strip()
        if not key or key in entries:
            continue
        names = {
            language: str(row.get(NAME_PREFIX + language) or "").strip()
            for language in name_languages(row)
        }
        aliases = tuple(
            alias.strip()
            for column in ALIAS_COLUMNS
            for alias in str(row.get(column) or "").split(ALIAS_SEPARATOR)
            if alias.strip()
        )
        entries[key] = NamedId(key, {lang: name for lang, name in names.items() if name}, aliases)
    for key in ids:
        entries.setdefault(str(key), NamedId(str(key)))
    return list(entries.values())


class NameIndex:
    """Every id of one kind (metrics, or entities) by its normalized id, names and aliases."""

    def __init__(self, entries: Iterable[NamedId]) -> None:
        self.entries: dict[str, NamedId] = {}
        self._by_id: dict[str, list[str]] = {}
        self._by_name: dict[str, list[str]] = {}
        for entry in entries:
            if entry.id in self.entries:
                continue
            self.entries[entry.id] = entry
            self._by_id.setdefault(normalized(entry.id), []).append(entry.id)
            for name in (*entry.names.values(), *entry.aliases):
                holders = self._by_name.setdefault(normalized(name), [])
                if entry.id not in holders:
                    holders.append(entry.id)

    def candidates(self, wanted: str) -> tuple[str, ...]:
        """The ids ``wanted`` may mean, in the data's order: one, several, or none.

        An exact id is itself alone; then ids equal after normalizing; then names and aliases.
        """
        if wanted in self.entries:
            return (wanted,)
        key = normalized(wanted)
        return tuple(self._by_id.get(key) or self._by_name.get(key) or ())

    def name(self, key: str, lang: str) -> str:
        """An id's name in a language ('' where it has none)."""
        entry = self.entries.get(key)
        return entry.names.get(lang, "") if entry is not None else ""

    def words(self) -> list[str]:
        """Every id, name and alias, ids first: what completion and near matches draw on."""
        ids = list(self.entries)
        names = [
            name
            for entry in self.entries.values()
            for name in (*entry.names.values(), *entry.aliases)
        ]
        return list(dict.fromkeys([*ids, *names]))

    def starting_with(self, typed: str) -> list[str]:
        """Ids, names and aliases that begin with what was typed (normalized), ids first."""
        start = normalized(typed)
        return [word for word in self.words() if normalized(word).startswith(start)]


@dataclass(frozen=True)
class MissingName:
    """An id the data names in some languages but not in this one."""

    kind: str  # "metric" or "entity"
    id: str
    language: str


@dataclass(frozen=True)
class Names:
    """Indicator and entity names by id and language, from every ``name_<lang>`` column.

    ``languages`` are those the sidecars have a column for (a ``name_fr`` column
    adds ``fr`` and nothing else). A name the data lacks is ``''`` and listed in
    :attr:`missing`: it is never filled from another language.

    >>> names = Names.from_rows(
    ...     [{"metric": "revenue", "name_en": "Revenue", "name_zh": "总收入", "name_fr": ""}],
    ...     [{"entity": "zgc", "name_en": "Zhongguancun", "name_zh": "中关村"}],
    ... )
    >>> names.languages
    ('en', 'zh', 'fr')
    >>> names.metric("revenue")
    {'en': 'Revenue', 'zh': '总收入', 'fr': ''}
    >>> names.missing
    (MissingName(kind='metric', id='revenue', language='fr'), \
MissingName(kind='entity', id='zgc', language='fr'))
    """

    languages: tuple[str, ...] = ()
    metrics: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    entities: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    @classmethod
    def from_rows(
        cls,
        indicators: Iterable[Mapping[Any, object]],
        entities: Iterable[Mapping[Any, object]],
        columns: Iterable[object] = (),
    ) -> Names:
        """The names of indicators.csv's and entities.csv's rows (the first row of an id counts).

        ``columns`` are the tables' columns where there may be no row to show them.
        """
        indicator_rows, entity_rows = list(indicators), list(entities)
        seen = [*columns, *(key for row in (*indicator_rows, *entity_rows) for key in row)]
        languages = name_languages(dict.fromkeys(str(one) for one in seen))
        return cls(
            languages,
            _names_by_id(indicator_rows, "metric", languages),
            _names_by_id(entity_rows, "entity", languages),
        )

    def metric(self, key: str) -> dict[str, str]:
        """A metric's name in each language ('' where the data has none)."""
        return self._of(self.metrics, key)

    def entity(self, key: str) -> dict[str, str]:
        """An entity's name in each language ('' where the data has none)."""
        return self._of(self.entities, key)

    def of_metrics(self, keys: Iterable[str] | None = None) -> dict[str, dict[str, str]]:
        """Each metric's names by language: those of ``keys``, else every named metric."""
        return {key: self.metric(key) for key in (self.metrics if keys is None else keys)}

    def of_entities(self, keys: Iterable[str] | None = None) -> dict[str, dict[str, str]]:
        """Each entity's names by language: those of ``keys``, else every named entity."""
        return {key: self.entity(key) for key in (self.entities if keys is None else keys)}

    def _of(self, table: Mapping[str, Mapping[str, str]], key: str) -> dict[str, str]:
        known = table.get(key, {})
        return {language: known.get(language, "") for language in self.languages}

    @property
    def missing(self) -> tuple[MissingName, ...]:
        """Every named id's language without a name, metrics first, in the data's order."""
        return tuple(
            MissingName(kind, key, language)
            for kind, table in (("metric", self.metrics), ("entity", self.entities))
            for key, names in table.items()
            for language in self.languages
            if not names.get(language)
        )


def _names_by_id(
    rows: Iterable[Mapping[Any, object]], id_column: str, languages: Sequence[str]
) -> dict[str, dict[str, str]]:
    """Each row's names by language, keyed by its id; a later row of the same id is ignored."""
    table: dict[str, dict[str, str]] = {}
    for row in rows:
        key = str(row.get(id_column) or "")
        if key and key not in table:
            table[key] = {
                language: _cell(row.get(NAME_PREFIX + language)) for language in languages
            }
    return table


def _cell(value: object) -> str:
    """A name cell as text: a missing one (None, NaN) is ''."""
    if value is None or value != value:  # NaN is not equal to itself
        return ""
    return str(value)
