"""What a command was asked for, as ids: each metric and entity resolved by its names.

Every command (and any other front end) passes what a person typed through
:func:`metric_ids` / :func:`entity_ids` before selecting rows: ``Beijing``,
``北京``, ``ZGC`` and ``企业总收入`` become ``beijing``, ``beijing``, ``zgc`` and
``revenue`` (the rules are :mod:`zgc_cli.model.names`'). A name of several ids is
refused with the candidates; a word that is no id, name or alias is refused with
the near matches, named in the reader's language (ids in English, names in Chinese).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from zgc_cli.model.names import NAME_PREFIX, NameIndex
from zgc_cli.phrases import Listed, Named, Phrase, phrase
from zgc_cli.stats.matcher import suggest
from zgc_cli.stats.select import UnknownSelectionError

if TYPE_CHECKING:
    from zgc_cli.model.dataset import Dataset


def _names(index: NameIndex, key: str) -> dict[str, str]:
    """An id's names by language, only those the data gives (every ``name_<lang>``)."""
    entry = index.entries.get(key)
    return dict(entry.names) if entry is not None else {}


def _candidate(index: NameIndex, key: str) -> Phrase:
    """An id and its name, as an ambiguity lists them (the name in the reader's language)."""
    names = _names(index, key)
    if not names:
        return phrase("names.candidate_id", id=key)
    # A language without a name of its own shows the English one (else the first given).
    return phrase("names.candidate", id=key, name=Named(names))


def said(index: NameIndex, key: str) -> Phrase:
    """An id in a message: itself in English, its name (zgc takes it too) in another language."""
    names = {lang: name for lang, name in _names(index, key).items() if lang != "en"}
    if not names:
        return phrase("names.candidate_id", id=key)
    return phrase("names.suggestion", shown=Named({"en": key, **names}))


def resolve(index: NameIndex, wanted: str, kind: str, *, unknown_as_is: bool = False) -> str:
    """The one id ``wanted`` names (see :mod:`zgc_cli.model.names`), else an error.

    Raises:
        UnknownSelectionError: the name is several ids' (naming them), or none's
            (naming the near matches).
    """
    found = index.candidates(wanted)
    if len(found) == 1:
        return found[0]
    if found:
        listed = Listed(_candidate(index, key) for key in found)
        raise UnknownSelectionError(
            phrase(f"names.ambiguous_{kind}", wanted=wanted, candidates=listed)
        )
    if unknown_as_is:
        return wanted  # the caller says what is missing, in its own terms
    metadata = {
        key: {NAME_PREFIX + lang: name for lang, name in entry.names.items()}
        for key, entry in index.entries.items()
    }
    close = suggest(wanted, list(index.entries), metadata)
    hint = (
        phrase("select.did_you_mean", close=Listed(said(index, key) for key in close))
        if close
        else ""
    )
    if kind == "metric":
        raise UnknownSelectionError(
            phrase("select.unknown_metric", wanted=wanted, hint=hint, count=len(index.entries))
        )
    available = Listed(said(index, key) for key in sorted(index.entries))
    raise UnknownSelectionError(
        phrase("select.unknown_entity", wanted=wanted, hint=hint, available=available)
    )


def metric_ids(dataset: Dataset, wanted: Sequence[str] | None) -> list[str] | None:
    """The metric ids of what was typed (ids, English or Chinese names), in its order."""
    if not wanted:
        return None if wanted is None else []
    return [resolve(dataset.metric_index, one, "metric") for one in wanted]


def entity_ids(dataset: Dataset, wanted: Sequence[str] | None) -> list[str] | None:
    """The entity ids of what was typed (ids, names, aliases), in its order."""
    if not wanted:
        return None if wanted is None else []
    return [resolve(dataset.entity_index, one, "entity") for one in wanted]


def metric_id(dataset: Dataset, wanted: str) -> str:
    """One metric's id (``zgc source 企业总收入``)."""
    return resolve(dataset.metric_index, wanted, "metric")


def entity_id(dataset: Dataset, wanted: str | None) -> str | None:
    """The whole's id (``zgc share --of 全国``), or None when none was asked for.

    A place no id or name matches is left as typed: share names the entities the
    metric has, which says more than every entity of the data.
    """
    if wanted is None:
        return None
    return resolve(dataset.entity_index, wanted, "entity", unknown_as_is=True)
