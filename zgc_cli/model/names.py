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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

# entities.csv keeps several Chinese aliases in one cell, separated by semicolons.
ALIAS_SEPARATOR = ";"
# The columns of a sidecar row that name its id, in the order they are tried for display.
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
    names: Mapping[str, str] = field(default_factory=dict)  # by language: {"en": ..., "zh": ...}
    aliases: tuple[str, ...] = ()


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
            column.removeprefix("name_"): str(row.get(column) or "").strip()
            for column in NAME_COLUMNS
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
