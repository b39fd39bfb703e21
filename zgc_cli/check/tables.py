"""The entities and events tables of a Dataset, read in check/ alone.

``Dataset.entities`` and ``Dataset.events`` are used when the Dataset has them;
otherwise the sidecar files (``entities.csv``, ``events.csv``) beside its data are
read, every cell as text. A data source without them gives an empty frame.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from zgc_cli.model.dataset import read_text_table
from zgc_cli.model.schema import ENTITIES_FILE, EVENTS_FILE
from zgc_cli.phrases import phrase

if TYPE_CHECKING:
    from zgc_cli.model.dataset import Dataset


def _table(dataset: Dataset, attribute: str, file_name: str, what: str) -> pd.DataFrame:
    frame = getattr(dataset, attribute, None)
    if isinstance(frame, pd.DataFrame):
        return frame
    source = getattr(dataset, "source", None)
    # Only a source that is a file (or the shipped data) has files beside it: a frame
    # built in memory has none, whatever the working folder holds.
    if source is None or not (source.shipped or Path(source.path).is_file()):
        return pd.DataFrame()
    path = source.sidecar(file_name)
    if path is None or not path.is_file():
        return pd.DataFrame()
    return read_text_table(path, what)


def entities_of(dataset: Dataset) -> pd.DataFrame:
    """The Dataset's entities (entity, name_en, name_zh, kind, parent, aliases_zh), or empty."""
    return _table(dataset, "entities", ENTITIES_FILE, phrase("what.entities"))


def events_of(dataset: Dataset) -> pd.DataFrame:
    """The Dataset's dated events (date, entity, event_en, event_zh, quote, note), or empty."""
    return _table(dataset, "events", EVENTS_FILE, phrase("what.events"))
