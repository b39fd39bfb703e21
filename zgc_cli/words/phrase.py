"""Phrases: what the lower layers say, as message ids with parameters.

The model, stats and check cannot import ``present`` (the layers go one way), yet
what they say must reach a person in the chosen language, and reach a pipe, a
log or a notebook's ``str(error)`` in English. So a :class:`Phrase` is a ``str``
holding its English text, filled from the catalogs, that also keeps its message
id and parameters: ``present`` renders the same phrase in another language with
:meth:`Phrase.text`. Code that treats it as a string (CSV, tests, ``str(error)``)
sees exactly the English text.

Parameters that are themselves phrases are rendered in the same language; a
:class:`Term` (an id from the data's vocabulary: a status, a qualifier, a unit,
an entity) is shown as the id in English and named by the view in another
language; a :class:`Listed` joins ids as each language's profile writes a list.

Standard library only; the bottom layer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from zgc_cli.words.catalog import text as catalog_text
from zgc_cli.words.languages import REFERENCE_LANGUAGE, profile_of

# Names a Term in a language (None: show the id as it is).
TermNamer = Callable[["Term", str], str | None]


class Term(str):
    """An id of the data's vocabulary (``kind``: status, qualifier, year_basis, unit, entity).

    ``names`` may name it in a language where the finding knows better than a
    table (a unit as the quote words it: 件).
    """

    kind: str
    names: dict[str, str]

    def __new__(cls, kind: str, value: object, names: dict[str, str] | None = None) -> Term:
        term = super().__new__(cls, str(value))
        term.kind, term.names = kind, names or {}
        return term


class Listed(str):
    """Ids or numbers as a list: ``a, b`` in English, ``“a”、“b”`` in Chinese (``quoted``).

    Where the language's profile names list items, items that are Terms or Phrases
    are named in the language like any parameter, the others quoted, all joined by
    its list joiner; else the list is the ids as written, joined by ``separator``.
    """

    items: tuple[object, ...]
    quoted: bool

    def __new__(cls, items: Iterable[object], separator: str = ", ", quoted: bool = True) -> Listed:
        kept = tuple(items)
        listed = super().__new__(cls, separator.join(str(item) for item in kept))
        listed.items, listed.quoted = kept, quoted
        return listed

    def text(self, lang: str, namer: TermNamer | None = None) -> str:
        profile = profile_of(lang)
        if not profile.names_list_items:
            return str(self)
        texts = []
        for item in self.items:
            shown = str(_render(item, lang, namer))
            named = isinstance(item, Phrase) or (isinstance(item, Term) and shown != str(item))
            texts.append(profile.quoted(shown) if self.quoted and not named else shown)
        return profile.list_joiner.join(texts)


class Named(str):
    """Data text that has a name in each language (an event): English as the str."""

    names: dict[str, str]

    def __new__(cls, names: dict[str, str]) -> Named:
        named = super().__new__(
            cls, names.get(REFERENCE_LANGUAGE) or next(iter(names.values()), "")
        )
        named.names = names
        return named


class Phrase(str):
    """A message id with parameters; as a ``str``, its English text."""

    key: str
    params: dict[str, object]

    def __new__(cls, key: str, **params: object) -> Phrase:
        phrase = super().__new__(cls, _fill(key, params, REFERENCE_LANGUAGE, None))
        phrase.key, phrase.params = key, params
        return phrase

    def text(self, lang: str, namer: TermNamer | None = None) -> str:
        """The phrase in a language; ``namer`` names Terms (ids stay ids without it),
        in English too (a table says ``unhedged`` where the data says ``exact``)."""
        if lang == REFERENCE_LANGUAGE and namer is None:
            return str(self)
        return _fill(self.key, self.params, lang, namer)


class Relocated(Phrase):
    """A ``{label}:{line}: ...`` phrase told at another place (``mine.json: record 3``).

    The loader reads every format as CSV and names CSV lines; a JSON list's error
    names its record instead. ``where`` (text or a phrase) takes the place of the
    ``{label}:{line}`` the phrase starts with, in every language.
    """

    original: Phrase
    where: object

    def __new__(cls, original: Phrase, where: object, **changes: object) -> Relocated:
        changed = Phrase(original.key, **{**original.params, **changes})
        english = _relocated_text(changed, where, REFERENCE_LANGUAGE, None)
        relocated = str.__new__(cls, english)
        relocated.key, relocated.params = changed.key, changed.params
        relocated.original, relocated.where = changed, where
        return relocated

    def text(self, lang: str, namer: TermNamer | None = None) -> str:
        return _relocated_text(self.original, self.where, lang, namer)


def _relocated_text(original: Phrase, where: object, lang: str, namer: TermNamer | None) -> str:
    text = original.text(lang, namer)
    prefix = re.match(re.escape(str(original.params.get("label"))) + r":\d+", text)
    if prefix is not None:
        text = text[prefix.end() :]
    return str(_render(where, lang, namer)) + text


def _render(value: object, lang: str, namer: TermNamer | None) -> object:
    if isinstance(value, Phrase):
        return value.text(lang, namer)
    if isinstance(value, Listed):
        return value.text(lang, namer)
    if isinstance(value, Named):
        return value.names.get(lang) or str(value)
    if isinstance(value, Term):
        return value.names.get(lang) or (namer(value, lang) if namer else None) or str(value)
    return value


def _fill(key: str, params: dict[str, object], lang: str, namer: TermNamer | None) -> str:
    template = catalog_text(key, str(lang))
    if not params:
        return template
    return template.format(**{name: _render(value, lang, namer) for name, value in params.items()})


def phrase(key: str, **params: object) -> Phrase:
    """A :class:`Phrase` (the usual way to make one)."""
    return Phrase(key, **params)


def said(error: BaseException) -> str:
    """What an exception says: its phrase kept whole (``str(error)`` keeps only the English)."""
    first = error.args[0] if len(error.args) == 1 else None
    return first if isinstance(first, str) else str(error)


def say(value: object, lang: str, namer: TermNamer | None = None) -> str:
    """Any cell or text in a language: a Phrase, Listed, Named or Term said; the rest as it is."""
    return str(_render(value, lang, namer))


def lone_surrogate() -> Phrase:
    """A ``\\ud800`` escape without its pair: no character, so no file can hold it."""
    return phrase("json.lone_surrogate", escapes="\\uD800-\\uDFFF")


# Why Python's csv module refused a row, by its English words (other words pass as they are).
CSV_PROBLEMS: dict[str, str] = {
    "unexpected end of data": "csv.unexpected_end",
    "line contains NUL": "csv.nul",
}


# The environment variable that sets the longest field zgc reads (see model/limits.py).
FIELD_LIMIT_VARIABLE = "ZGC_MAX_FIELD_BYTES"


def size_text(size: int) -> str:
    """A byte count as the README writes limits: ``64 MiB``, ``256 KiB``, ``100 bytes``."""
    for unit, shift in (("GiB", 30), ("MiB", 20), ("KiB", 10)):
        if size >= 1 << shift and size % (1 << shift) == 0:
            return f"{size >> shift} {unit}"
    return f"{size:,} bytes"


def csv_problem(error: object) -> object:
    """A csv.Error's text as a phrase when it is a known one."""
    words = str(error)
    key = CSV_PROBLEMS.get(words)
    if key is not None:
        return phrase(key)
    if words.startswith("field larger than field limit"):
        most = int(words.rsplit("(", 1)[-1].rstrip(")"))
        return phrase("csv.field_limit", most=size_text(most), variable=FIELD_LIMIT_VARIABLE)
    if words.startswith("new-line character seen in unquoted field"):
        return phrase("csv.newline")
    return words


# Why the json module refused a data package, by the start of its English words.
JSON_PROBLEMS: dict[str, str] = {
    "Expecting value": "json.value",
    "Expecting property name enclosed in double quotes": "json.property",
    "Expecting ',' delimiter": "json.comma",
    "Expecting ':' delimiter": "json.colon",
    "Extra data": "json.extra",
    "Unterminated string starting at": "json.string",
    "Invalid control character at": "json.control",
    "Invalid \\escape": "json.escape",
}


def json_problem(words: str) -> object:
    """A json.JSONDecodeError's ``msg`` as a phrase when it is a known one."""
    key = JSON_PROBLEMS.get(words)
    if key is None and "surrogate" in words:  # orjson: a \\ud800 escape without its pair
        return lone_surrogate()
    return phrase(key) if key is not None else words
