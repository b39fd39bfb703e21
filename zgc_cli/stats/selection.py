"""Which observations a command works on: the filters every command shares, as one value.

The command line declares these options once (``zgc_cli.cli.options``) and hands the
stats functions one :class:`Selection` (``stats.series(dataset, ["revenue"],
selection=Selection(statuses=("reported",)))``); a notebook may pass the same filters
as keywords instead. Standard library only: the CLI builds one before pandas is loaded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


def _kept(values: Sequence[str] | None) -> tuple[str, ...] | None:
    """A repeatable option's values as a tuple; None (not given) stays None."""
    return None if values is None else tuple(values)


@dataclass(frozen=True)
class Selection:
    """The shared filters, each None when not given.

    Attributes:
        metrics: metric ids or names (``--metric``).
        entities: entity ids, names or aliases (``--entity``).
        categories: indicator categories (``--category``).
        statuses: figure statuses: reported, estimate, target, derived (``--status``).
        year_from: the first year (``--from``).
        year_to: the last year (``--to``).
    """

    metrics: tuple[str, ...] | None = None
    entities: tuple[str, ...] | None = None
    categories: tuple[str, ...] | None = None
    statuses: tuple[str, ...] | None = None
    year_from: int | None = None
    year_to: int | None = None

    @classmethod
    def of(
        cls,
        *,
        metrics: Sequence[str] | None = None,
        entities: Sequence[str] | None = None,
        categories: Sequence[str] | None = None,
        statuses: Sequence[str] | None = None,
        year_from: int | None = None,
        year_to: int | None = None,
    ) -> Selection:
        """A selection from options as a parser gives them (lists, or None)."""
        return cls(
            _kept(metrics),
            _kept(entities),
            _kept(categories),
            _kept(statuses),
            year_from,
            year_to,
        )

    def pick(self, *names: str) -> tuple[Any, ...]:
        """The named filters in that order, for a function that takes them as keywords:
        ``entities, statuses = selection.pick("entities", "statuses")``."""
        return tuple(getattr(self, name) for name in names)

    @property
    def years_in_order(self) -> bool:
        """Whether the year window is open or runs forwards (``--from 2030 --to 2010`` does not)."""
        return self.year_from is None or self.year_to is None or self.year_from <= self.year_to
