"""The metric ids, entities and years of a tidy CSV's bytes, found without parsing it.

Shell completion runs this on every TAB that finds no current cache, so it
imports neither pandas nor numpy: regular expressions search the bytes at C
speed (one match per run of a metric's lines; one search per new entity or
year, whose alternatives are a prefix tree). A file with quotes goes through
the csv module. Standard library only.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from zgc_cli.model.names import normalized
from zgc_cli.model.textio import ENCODINGS, try_decode

UTF8_BOM = b"\xef\xbb\xbf"
# One unquoted cell: anything up to the next comma or line end.
CELL = rb"[^,\r\n]*"
# The scan looks for new values with one regular expression as long as they are
# few (years, entities); past this many, a column is read line by line instead.
MAX_EXCLUDED = 64


# --- what a source holds ---------------------------------------------------------------


@dataclass
class Catalog:
    """What completion offers from one source: ids and entities in first-seen order, years.

    ``names``: every name and alias the metadata beside the source gives a
    metric or an entity (``name_*`` and ``alias*`` columns), as :func:`folded`
    writes them: an argument that is one of them may name an id, so it is never
    refused from the ids alone.
    """

    metrics: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    names: list[str] = field(default_factory=list)


def _decoded(values: Iterable[bytes]) -> list[str]:
    """Distinct byte cells as text, stripped, in order: all in the first encoding that reads all.

    One encoding for the file, as the loader has it: a GBK id that happens to be
    valid UTF-8 must not be read as UTF-8 beside ids that are not.
    """
    cells = list(values)
    for encoding in ENCODINGS:
        try:
            texts = [cell.decode(encoding).strip() for cell in cells]
        except UnicodeDecodeError:
            continue
        return [text for text in dict.fromkeys(texts) if text]
    return []


def _years(texts: Iterable[str]) -> list[int]:
    years: set[int] = set()
    for text in texts:
        try:
            years.add(int(float(text)))
        except (ValueError, OverflowError):
            continue
    return sorted(years)


def _header(data: bytes, start: int) -> tuple[list[str], int] | None:
    """The header's column names and where the first data line starts (its ``\\n``)."""
    end = data.find(b"\n", start)
    end = len(data) if end < 0 else end
    text = try_decode(data[start:end].rstrip(b"\r"))
    if text is None:
        return None
    try:
        names = next(csv.reader([text]), [])
    except csv.Error:
        return None
    return [name.strip() for name in names], end


def _alternatives(values: Iterable[bytes]) -> bytes:
    """A pattern matching exactly one of ``values``, as a prefix tree.

    The regex engine tries alternatives one by one; branching a byte at a time
    (``e0(?:0[1-9]|...)``, ``20(?:1[4-9]|2[0-3])``) keeps each line's test short.
    """
    distinct = set(values)
    if not distinct:
        return rb"(?!)"  # matches nothing
    rests_by_first: dict[bytes, list[bytes]] = {}
    for value in sorted(distinct - {b""}):
        rests_by_first.setdefault(value[:1], []).append(value[1:])
    last = [first for first, rests in rests_by_first.items() if rests == [b""]]
    branches = [
        re.escape(first) + _alternatives(rests)
        for first, rests in rests_by_first.items()
        if rests != [b""]
    ]
    if len(last) == 1:
        branches.append(re.escape(last[0]))
    elif last:
        branches.append(rb"[" + b"".join(re.escape(byte) for byte in last) + rb"]")
    if not branches:
        return b""
    body = branches[0] if len(branches) == 1 else rb"(?:" + b"|".join(branches) + rb")"
    return rb"(?:" + body + rb")?" if b"" in distinct else body


def _skip(cells: int) -> bytes:
    return b"" if cells <= 0 else rb"(?:" + CELL + rb",){" + str(cells).encode() + rb"}"


def _new_line_pattern(known: dict[int, dict[bytes, None]]) -> re.Pattern[bytes]:
    """The next line whose cells in the ``known`` columns are not all among those seen."""
    columns = sorted(known)
    seen = b""
    for number, column in enumerate(columns):
        if number:
            seen += b"," + _skip(column - columns[number - 1] - 1)
        seen += _alternatives(known[column])
    return re.compile(rb"\n" + _skip(columns[0]) + rb"(?!" + seen + rb"(?:[,\r\n]|\Z))")


def _distinct_cells(data: bytes, start: int, columns: list[int]) -> dict[int, list[bytes]]:
    """The distinct raw cells of some columns, in first-seen order, found at C speed.

    Searches for the next line holding a cell not seen yet; each such line adds
    its cells and the search goes on after it, so the regular-expression engine
    reads the file once whatever its length. Past ``MAX_EXCLUDED`` values in a
    column, the rest is read line by line.
    """
    known: dict[int, dict[bytes, None]] = {column: {} for column in columns}
    position = start
    while all(len(values) <= MAX_EXCLUDED for values in known.values()):
        found = _new_line_pattern(known).search(data, position)
        if found is None:
            return {column: list(values) for column, values in known.items()}
        position = found.start() + 1
        end = data.find(b"\n", position)
        cells = data[position : len(data) if end < 0 else end].rstrip(b"\r").split(b",")
        for column, values in known.items():
            if column < len(cells):
                values[cells[column]] = None
    for line in data[position:].split(b"\n"):
        cells = line.rstrip(b"\r").split(b",")
        for column, values in known.items():
            if column < len(cells):
                values[cells[column]] = None
    return {column: list(values) for column, values in known.items()}


def _first_column_runs(data: bytes, start: int) -> list[bytes]:
    """The distinct cells of the first column, one regex match per run of equal cells.

    Tidy files are grouped by metric: a run of a thousand lines is one match.
    """
    run = re.compile(rb"\n(" + CELL + rb"),[^\n]*(?:\n\1,[^\n]*)*")
    return list(dict.fromkeys(found.group(1) for found in run.finditer(data, start)))


def _scan_plain(data: bytes, start: int, names: list[str]) -> Catalog:
    """A file without quotes: every cell ends at a comma or a line end."""
    at = {name: names.index(name) for name in ("metric", "entity", "year") if name in names}
    runs = at["metric"] == 0
    searched = [at[name] for name in ("entity", "year", "metric") if name in at]
    if runs:
        searched.remove(0)
    cells = _distinct_cells(data, start, searched)
    metrics = _first_column_runs(data, start) if runs else cells[at["metric"]]
    entities = cells[at["entity"]] if "entity" in at else []
    years = _decoded(cells[at["year"]])
    return Catalog(_decoded(metrics), _decoded(entities), _years(years))


def _scan_quoted(data: bytes) -> Catalog:
    """A file with quotes (commas or line breaks inside cells): the csv module reads it."""
    text = try_decode(data)
    if text is None:
        return Catalog()
    metrics: dict[str, None] = {}
    entities: dict[str, None] = {}
    years: dict[str, None] = {}
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        if reader.fieldnames:
            reader.fieldnames = [name.strip() for name in reader.fieldnames]
        for row in reader:
            metrics[(row.get("metric") or "").strip()] = None
            entities[(row.get("entity") or "").strip()] = None
            years[(row.get("year") or "").strip()] = None
    except csv.Error:
        return Catalog()
    for seen in (metrics, entities, years):
        seen.pop("", None)
    return Catalog(list(metrics), list(entities), _years(years))


def _line_ends_normalised(data: bytes) -> bytes:
    """``\\r`` alone ends a line too (old Mac files): make every line end a ``\\n``."""
    if b"\r" in data and data.count(b"\r") != data.count(b"\r\n"):
        return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return data


def scan(data: bytes) -> Catalog:
    """Metric ids, entities and years of a tidy CSV's bytes; an empty catalog if unreadable."""
    data = _line_ends_normalised(data)
    start = len(UTF8_BOM) if data.startswith(UTF8_BOM) else 0
    header = _header(data, start)
    if header is None or "metric" not in header[0] or "year" not in header[0]:
        return Catalog()
    names, body = header
    if b'"' in data:
        return _scan_quoted(data)
    return _scan_plain(data, body, names)


def _line_pattern(names: list[str], metric: bytes) -> re.Pattern[bytes]:
    """The lines of one metric in a file without quotes, capturing their year cell."""
    metric_at, year_at = names.index("metric"), names.index("year")
    cells = []
    for position in range(max(metric_at, year_at) + 1):
        if position == metric_at:
            cells.append(rb"[ \t]*" + re.escape(metric) + rb"[ \t]*")
        elif position == year_at:
            cells.append(rb"(" + CELL + rb")")
        else:
            cells.append(CELL)
    return re.compile(rb"\n" + b",".join(cells) + rb"(?=[,\r\n]|\Z)")


def metric_years(data: bytes, metric: str) -> list[int]:
    """The years of one metric's observations (``zgc source ID <TAB>``), read when asked."""
    data = _line_ends_normalised(data)
    start = len(UTF8_BOM) if data.startswith(UTF8_BOM) else 0
    header = _header(data, start)
    if header is None or "metric" not in header[0] or "year" not in header[0]:
        return []
    names, body = header
    if b'"' in data:
        text = try_decode(data)
        if text is None:
            return []
        metric_at, year_at = names.index("metric"), names.index("year")
        rows = csv.reader(io.StringIO(text[text.find("\n") + 1 :], newline=""))
        try:
            cells = [
                row[year_at]
                for row in rows
                if len(row) > max(metric_at, year_at) and row[metric_at].strip() == metric
            ]
        except csv.Error:
            return []
        return _years(cells)
    found: list[bytes] = []
    for encoding in ENCODINGS:  # the id as each accepted encoding writes it
        try:
            encoded = metric.encode(encoding)
        except UnicodeEncodeError:
            continue
        found += _line_pattern(names, encoded).findall(data, body)
    return _years(_decoded(found))


def folded_ids(ids: Iterable[str]) -> set[str]:
    """``normalized`` of each id; of thousands of plain ids, in a few calls.

    An ASCII id without white space is its own NFKC form and case-folds as it
    lower-cases, with nothing to trim or join: such ids, joined by a NUL, are folded
    by one ``lower``.
    """
    listed = list(ids)
    joined = "\0".join(listed)
    if joined.isascii() and joined.count("\0") == len(listed) - 1:
        if re.search(r"\s", joined) is None:
            return set(joined.lower().split("\0")) if listed else set()
    return {normalized(each) for each in listed}
