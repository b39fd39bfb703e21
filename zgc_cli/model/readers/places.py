"""Where a row of the loader's CSV is in its source, and rows written as that CSV.

Every format becomes the CSV bytes :mod:`zgc_cli.model.observations` reads.
Errors name the source's own places, not the CSV's: ``mine.jsonl:7`` (a line),
``mine.json: record 3`` (an object of the list), ``book.xlsx:5`` (a sheet row).
A :class:`Places` maps the CSV's line numbers back to them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import cast

from zgc_cli.errors import DataError
from zgc_cli.words import Phrase, Relocated, phrase

# What zgc compare writes where an observation has year and value.
COMPARISON_COLUMNS: frozenset[str] = frozenset({"year_from", "value_from", "year_to", "value_to"})


def refuse_comparison(label: str, columns: Iterable[str]) -> None:
    """Refuse zgc compare's rows: each holds two observations and figures made from them.

    Read back as data they would lose the quotes, the notes and the series not
    compared; the observations themselves come from ``zgc export``.
    """
    names = set(columns)
    if names & COMPARISON_COLUMNS and not {"year", "value"} <= names:
        raise DataError(phrase("read.comparison_rows", label=label))


# --- where a CSV line is in the source -----------------------------------------------


@dataclass(frozen=True)
class Places:
    """Where each record of the CSV given to the loader is in its source.

    Attributes:
        label: how messages name the source.
        starts: the CSV line each record starts on, ascending (empty: CSV lines are the places).
        places: each record's place in the source (a line, a record or a row number).
        word: how the place is called after "first at" (line, record, row).
        header: the header's place, where it has one (a sheet's row; JSON has none).
    """

    label: str
    starts: Sequence[int] = field(default_factory=tuple)
    places: Sequence[int] = field(default_factory=tuple)
    word: str = "line"
    header: int | None = None

    def _place(self, csv_line: int) -> int | None:
        if not self.starts:
            return csv_line
        index = bisect.bisect_right(self.starts, csv_line) - 1
        return self.places[index] if index >= 0 else self.header

    def at(self, place: int | None) -> str:
        """A place as messages name it: ``mine.jsonl:7``, ``mine.json: record 3``."""
        if place is None:
            return self.label
        if self.word == "record":
            return phrase("place.record_at", label=self.label, number=place)
        return f"{self.label}:{place}"

    def _first(self, place: int | None) -> object:
        """A place after "first at": ``line 7``, ``record 3``, ``row 5``."""
        return phrase(f"place.{self.word}", number=place)

    def where(self, csv_line: int) -> str:
        """Where a line of the loader's CSV is in the source."""
        return self.at(self._place(csv_line))

    def relocate(self, error: DataError) -> DataError:
        """The loader's error with its CSV line numbers put back as the source's places."""
        if not self.starts:
            return error
        message = error.message
        if isinstance(message, Phrase):
            return DataError(self._relocated(message), error.code)
        prefix = re.match(rf"{re.escape(self.label)}:(\d+):", message)
        if prefix is None:
            return error
        message = self.where(int(prefix.group(1))) + ":" + message[prefix.end() :]
        return DataError(message, error.code)

    def _relocated(self, message: Phrase) -> Phrase:
        """A loader's ``{label}:{line}: ...`` phrase at the source's place, in any language."""
        params = message.params
        # The header's errors say ``{label}:1:`` in their text, not as a parameter.
        line = params.get("line", 1 if message.startswith(f"{self.label}:1:") else None)
        if params.get("label") != self.label or not isinstance(line, int):
            return message
        changes: dict[str, object] = {}
        first = params.get("first")
        if isinstance(first, Phrase) and isinstance(first.params.get("number"), int):
            changes["first"] = self._first(self._place(cast(int, first.params["number"])))
        place = self._place(line)
        if self.word == "record" or place is None or "line" not in params:
            return Relocated(message, self.at(place), **changes)
        return Phrase(message.key, **{**params, "line": place, **changes})


# --- rows to the loader's CSV ----------------------------------------------------------


def quoted(text: str) -> str:
    if "," in text or '"' in text or "\n" in text or "\r" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def line_breaks(text: str) -> int:
    """Line ends as the loader counts them: \\r\\n, \\r and \\n each end one."""
    return text.count("\n") + text.count("\r") - text.count("\r\n")


def _quoted_column(texts: Sequence[str]) -> tuple[Sequence[str], bool]:
    """A column's cells quoted where CSV needs it, and whether any holds a line break."""
    joined = "".join(texts)
    if "," not in joined and '"' not in joined and "\n" not in joined and "\r" not in joined:
        return texts, False
    return [quoted(text) for text in texts], "\n" in joined or "\r" in joined


def csv_rows(
    columns: Sequence[Sequence[str]], rows: int, first_row_line: int
) -> tuple[str, list[int], int]:
    """Columns of cell texts as CSV rows (each ending in ``\\n``), each row's first line,
    and the line after the last row."""
    quoted: list[Sequence[str]] = []
    line_counts = [1] * rows
    for texts in columns:
        column, breaks = _quoted_column(texts)
        quoted.append(column)
        if breaks:
            line_counts = [
                count + line_breaks(text) for count, text in zip(line_counts, texts, strict=True)
            ]
    starts = list(accumulate(line_counts, initial=first_row_line))
    body = "\n".join(map(",".join, zip(*quoted, strict=True)))
    return body + "\n", starts[:-1], starts[-1]


def columns_to_csv(
    label: str,
    header: Sequence[str],
    columns: Sequence[Sequence[str]],
    places: Sequence[int],
    word: str,
) -> tuple[bytes, Places]:
    """A header and columns of cell texts as UTF-8 CSV bytes, with where each row came from.

    Built a column at a time (a million rows are a few joins, not a loop over cells).
    """
    header_line = ",".join(quoted(name) for name in header)
    first_row_line = 1 + line_breaks(header_line) + 1
    body, starts, _ = csv_rows(columns, len(places), first_row_line)
    text = header_line + "\n" + body
    return text.encode("utf-8"), Places(label, starts, places, word)


def number_text(number: float) -> str:
    """A number as the machine formats write it: whole below 2**53 as an integer."""
    if number.is_integer() and abs(number) < 2.0**53:
        return str(int(number))
    return repr(number)
