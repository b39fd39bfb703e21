"""The entities and events tables of a Dataset, as check/ reads them.

A Dataset loads its sidecars (``entities.csv``, ``events.csv``) itself, beside
each source, or holds empty frames; check/ takes those and reads no file of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from zgc_cli.model.dataset import Dataset


def entities_of(dataset: Dataset) -> pd.DataFrame:
    """The Dataset's entities (entity, name_en, name_zh, kind, parent, aliases_zh), or empty."""
    return dataset.entities


def events_of(dataset: Dataset) -> pd.DataFrame:
    """The Dataset's dated events (date, entity, event_en, event_zh, quote, note), or empty."""
    return dataset.events
