"""A reference list's works: the cited figures grouped by the publication they come from."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from zgc_cli.stats.citations import CitedFigure, CitedWork


@dataclass(frozen=True)
class CitedReference:
    """One work as a reference list holds it, with the figures cited from it.

    Attributes:
        work: the publication (its ``key`` made unique among the references).
        figures: the figures cited from it, in the order asked for.
    """

    work: CitedWork
    figures: tuple[CitedFigure, ...]


def references(figures: Sequence[CitedFigure]) -> tuple[CitedReference, ...]:
    """The figures grouped by the work they come from: one reference per work.

    Works come in the order of their first figure. Two different works with one
    key (two packages of one name) get ``-2``, ``-3`` after it, so a key names one work.
    """
    grouped: dict[CitedWork, list[CitedFigure]] = {}
    for cited in figures:
        grouped.setdefault(cited.work, []).append(cited)
    taken: set[str] = set()
    built: list[CitedReference] = []
    for work, cited_figures in grouped.items():
        key, count = work.key or "work", 1
        while key in taken:
            count += 1
            key = f"{work.key or 'work'}-{count}"
        taken.add(key)
        built.append(CitedReference(replace(work, key=key), tuple(cited_figures)))
    return tuple(built)
