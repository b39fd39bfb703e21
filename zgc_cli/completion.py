"""Shell completion from the data: metric ids, entities and years, cached per source.

Runs on every TAB, so it never imports pandas (nor numpy). A source's metric
ids, entities and years are found by a scan of its bytes and kept in the user's
cache directory (``platformdirs``), keyed on the source's path, size and
modification time: the first TAB on a big file pays for the scan, later ones
read a small JSON file. A cache directory that cannot be made, read or written
just means no cache; a TAB never fails.

``--data`` may be given several times and ``$ZGC_DATA`` may list several paths
separated by ``os.pathsep``: completion offers what any of the sources holds.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from zgc_cli.errors import ZgcError
from zgc_cli.model.names import NameIndex, named_ids, normalized
from zgc_cli.model.schema import (
    DATA_ENV_VAR,
    ENTITIES_FILE,
    INDICATORS_FILE,
    STATUSES,
    STDIN_MARKER,
)
from zgc_cli.model.sources import resolve_data_source
from zgc_cli.model.textio import ENCODINGS, read_bytes, try_decode
from zgc_cli.present.safe import visible

CACHE_FORMAT = 3  # bump when what a cache file holds changes: older files are rebuilt
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


# --- the cache ---------------------------------------------------------------------------


def cache_dir() -> str:
    """Where completion keeps what it found (``~/.cache/zgc`` on Linux)."""
    from platformdirs import user_cache_dir

    return user_cache_dir("zgc", appauthor=False)


def _cache_file(path: str) -> str:
    import hashlib  # here, not at the top: every command imports this module

    digest = hashlib.sha256(os.fsencode(path)).hexdigest()[:32]
    return os.path.join(cache_dir(), f"completion-{digest}.json")


def _sidecars(path: str) -> list[str]:
    """The metadata files whose names and aliases the catalog keeps, beside the source."""
    folder = os.path.dirname(os.path.abspath(path))
    return [os.path.join(folder, name) for name in (INDICATORS_FILE, ENTITIES_FILE)]


def _stamp(path: str) -> list[int] | None:
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return None
    return [status.st_size, status.st_mtime_ns]


def _signature(path: str) -> dict[str, Any] | None:
    """The source's absolute path, size and modification time (and its metadata's): the key."""
    stamp = _stamp(path)
    if stamp is None:
        return None
    return {
        "format": CACHE_FORMAT,
        "path": os.path.abspath(path),
        "size": stamp[0],
        "mtime_ns": stamp[1],
        "sidecars": [_stamp(sidecar) for sidecar in _sidecars(path)],
    }


def _names(path: str) -> list[str]:
    """Every ``name_*`` and ``alias*`` value (aliases split on ``;``) beside the source, folded."""
    names: dict[str, None] = {}
    for sidecar in _sidecars(path):
        if not os.path.isfile(sidecar):
            continue
        try:
            text = try_decode(read_bytes(sidecar)[1])
            rows = list(csv.reader(io.StringIO(text or "", newline="")))
        except (ZgcError, csv.Error):
            continue
        if not rows:
            continue
        wanted = [
            at for at, column in enumerate(rows[0]) if column.strip().startswith(("name_", "alias"))
        ]
        for row in rows[1:]:
            for at in wanted:
                if at < len(row):
                    for value in row[at].split(";"):
                        names[normalized(value)] = None
    names.pop("", None)
    return list(names)


def _read_cache(cache_path: str, signature: dict[str, Any]) -> Catalog | None:
    import json

    try:
        with open(cache_path, encoding="utf-8") as handle:
            stored = json.load(handle)
        if stored.get("source") != signature:
            return None  # another version of the file: rebuilt
        catalog = Catalog(stored["metrics"], stored["entities"], stored["years"], stored["names"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    fields = (catalog.metrics, catalog.entities, catalog.names)
    if not all(isinstance(item, str) for values in fields for item in values):
        return None
    if not all(type(year) is int for year in catalog.years):
        return None
    return catalog


def _write_cache(cache_path: str, signature: dict[str, Any], catalog: Catalog) -> None:
    """Write atomically (a TAB in another shell reads a whole file or none); never fail."""
    import json
    import tempfile

    content = {
        "source": signature,
        "metrics": catalog.metrics,
        "entities": catalog.entities,
        "years": catalog.years,
        "names": catalog.names,
    }
    directory = os.path.dirname(cache_path)
    try:
        os.makedirs(directory, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=directory, suffix=".partial")
    except OSError:
        return
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(content, handle, ensure_ascii=False)
        os.replace(temporary, cache_path)
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass


def _as_csv(path: str, data: bytes) -> bytes:
    """A source's bytes as the CSV the scan reads: tsv, json and jsonl converted as the
    loader converts them; a workbook (it needs the excel extra) offers nothing.

    Raises:
        ZgcError: the source cannot be read as its format (no completions, then).
    """
    from zgc_cli.model import readers

    fmt = readers.format_of_path(path) or readers.sniff(data[: readers.SNIFF_BYTES])
    if fmt == readers.TSV:
        return readers.tsv_to_csv(path, data)
    if fmt == readers.JSON:
        return readers.json_to_csv(path, data)[0]
    if fmt == readers.JSONL:
        return readers.jsonl_to_csv(path, data)[0]
    if fmt == readers.XLSX:
        return b""
    return data


def cached_catalog(path: str) -> Catalog | None:
    """One source's catalog if the cache holds a current one (nothing is scanned), or None."""
    if path == STDIN_MARKER:
        return None
    signature = _signature(path)
    if signature is None:
        return None
    try:
        return _read_cache(_cache_file(signature["path"]), signature)
    except Exception:  # platformdirs finds no cache directory here
        return None


def catalog_of(path: str) -> Catalog:
    """What completion offers from one source: from the cache when it is current."""
    if path == STDIN_MARKER:
        return Catalog()  # reading stdin on a TAB would hang the shell
    signature = _signature(path)
    if signature is None:
        return Catalog()
    try:
        cache_path: str | None = _cache_file(signature["path"])
    except Exception:  # platformdirs finds no cache directory here: scan every time
        cache_path = None
    if cache_path is not None:
        cached = _read_cache(cache_path, signature)
        if cached is not None:
            return cached
    try:
        data = _as_csv(path, read_bytes(path)[1])  # the one reader: bounded on devices
    except ZgcError:
        return Catalog()
    catalog = scan(data)
    del data
    catalog.names = _names(path)
    if cache_path is not None:
        _write_cache(cache_path, signature, catalog)
    return catalog


# --- the sources of a command line --------------------------------------------------------


def data_paths(
    value: str | Iterable[str] | None, environ: dict[str, str] | None = None
) -> list[str]:
    """The sources a command would read: each ``--data``, else each ``$ZGC_DATA`` path.

    ``$ZGC_DATA`` lists paths separated by ``os.pathsep``; Typer may hand it over
    as the option's value, split or not. A source that cannot be resolved is left out.
    """
    env = dict(os.environ) if environ is None else environ
    listed = env.get(DATA_ENV_VAR)
    if not value:  # None, or the empty list of a repeatable --data not given
        values: list[str | None] = [listed]
    elif isinstance(value, str):
        values = [value]
    else:
        values = list(value)
    paths: list[str] = []
    for item in values:
        from_environment = item is not None and item == listed and os.pathsep in item
        parts: list[str | None] = (
            [part for part in item.split(os.pathsep) if part]
            if from_environment and item is not None
            else [item]
        )
        for part in parts:
            try:
                paths.append(resolve_data_source(part, env).path)
            except ZgcError:
                continue  # nothing to read: no completions, and no error on a TAB
    return list(dict.fromkeys(paths))


def _paths(ctx: Any) -> list[str]:
    params = getattr(ctx, "params", None) or {}
    return data_paths(params.get("data"))


def _merged(lists: Iterable[list[str]]) -> list[str]:
    return list(dict.fromkeys(item for values in lists for item in values))


def _shown(names: Iterable[str]) -> list[str]:
    """Candidates as a terminal shows data text: control and invisible characters spelled out.

    The shell lists them on the terminal; an ESC sequence or a bidi override in an
    id would act there, and a line break would split one candidate in two.
    """
    return [visible(name) for name in names]


def _sidecar_rows(ctx: Any, file_name: str) -> list[dict[str, str]]:
    """The rows of a sidecar (indicators.csv, entities.csv) beside every source; none if unread."""
    from zgc_cli.model.sources import resolve_data_sources

    params = getattr(ctx, "params", None) or {}
    value = params.get("data") or None
    try:
        sources = resolve_data_sources([value] if isinstance(value, str) else value)
    except ZgcError:
        return []
    rows: list[dict[str, str]] = []
    for source in sources:
        path = source.sidecar(file_name)
        if path is None:
            continue
        try:
            text = try_decode(read_bytes(str(path))[1])
            if text is not None:
                rows.extend(csv.DictReader(io.StringIO(text, newline="")))
        except (ZgcError, csv.Error):
            continue
    return rows


def _ids_and_names(
    ids: list[str], rows: list[dict[str, str]], column: str, typed: str
) -> list[str]:
    """Ids that start with what was typed, then names and aliases that do (case and width aside).

    Nothing typed offers the ids alone: a list to choose from, not every spelling of it.
    A name with a space is left out (shells split a candidate there), and so is one
    that is an offered id in another case (``Employees`` beside ``employees``).
    """
    offered = [name for name in ids if name.startswith(typed)]
    if typed:
        taken = {normalized(name) for name in offered}
        index = NameIndex(named_ids(rows, column, ids))
        for word in index.starting_with(typed):
            if " " not in word and normalized(word) not in taken:
                taken.add(normalized(word))
                offered.append(word)
    return _shown(offered)


def complete_metrics(ctx: Any, incomplete: str) -> list[str]:
    """Metric ids, then English and Chinese names, that start with what was typed."""
    metrics = _merged(catalog_of(path).metrics for path in _paths(ctx))
    return _ids_and_names(metrics, _sidecar_rows(ctx, INDICATORS_FILE), "metric", incomplete)


def complete_entities(ctx: Any, incomplete: str) -> list[str]:
    """Entity ids, then names and aliases, that start with what was typed."""
    entities = _merged(catalog_of(path).entities for path in _paths(ctx))
    return _ids_and_names(entities, _sidecar_rows(ctx, ENTITIES_FILE), "entity", incomplete)


def complete_years(ctx: Any, incomplete: str) -> list[str]:
    """Years in the data, ascending, that start with what was typed."""
    params = getattr(ctx, "params", None) or {}
    metric = params.get("metric_id")  # `zgc source ID <TAB>`: that metric's years only
    years: set[int] = set()
    for path in _paths(ctx):
        if metric and path != STDIN_MARKER:
            try:
                years.update(metric_years(_as_csv(path, read_bytes(path)[1]), str(metric)))
            except ZgcError:
                continue
        else:
            years.update(catalog_of(path).years)
    return [str(year) for year in sorted(years) if str(year).startswith(incomplete)]


# --- filters: statuses and categories ---


def complete_statuses(ctx: Any, incomplete: str) -> list[str]:
    """The statuses a figure can have (the same for every data file)."""
    return [name for name in STATUSES if name.startswith(incomplete)]


def _categories(indicators: str) -> set[str]:
    """The categories an indicators file names; none if it cannot be read."""
    try:
        text = try_decode(read_bytes(indicators)[1])
        if text is None:
            return set()
        reader = csv.DictReader(io.StringIO(text, newline=""))
        found = {(row.get("category") or "").strip() for row in reader}
    except (ZgcError, csv.Error):
        return set()
    found.discard("")
    return found


def complete_categories(ctx: Any, incomplete: str) -> list[str]:
    """Categories of the indicators files beside every source, that start with what was typed."""
    from zgc_cli.model.sources import resolve_data_sources

    params = getattr(ctx, "params", None) or {}
    value = params.get("data") or None
    try:
        sources = resolve_data_sources([value] if isinstance(value, str) else value)
    except ZgcError:
        return []
    found: set[str] = set()
    for source in sources:
        indicators = source.sidecar(INDICATORS_FILE)
        if indicators is not None:
            found |= _categories(str(indicators))
    return _shown(name for name in sorted(found) if name.startswith(incomplete))


# --- an unknown id, refused before any read ------------------------------------------------


def _indicator_metadata(path: str) -> dict[str, dict[str, str]] | None:
    """The indicators beside the source as the "did you mean" reads them, or None if unsure.

    The same table the full read builds (every cell as text, the first row of a
    metric kept); a file the csv module and pandas might read differently (a
    ragged row, a repeated column) gives None, and the full read decides.
    """
    sidecar = _sidecars(path)[0]
    if not os.path.isfile(sidecar):
        return {}
    try:
        text = try_decode(read_bytes(sidecar)[1])
        rows = [row for row in csv.reader(io.StringIO(text or "", newline="")) if row]
    except (ZgcError, csv.Error):
        return None
    if text is None or not rows:
        return None
    header = rows[0]
    if "metric" not in header or len(set(header)) != len(header):
        return None
    metadata: dict[str, dict[str, str]] = {}
    for row in rows[1:]:
        if len(row) != len(header):
            return None
        record = dict(zip(header, row, strict=True))
        metadata.setdefault(record["metric"], record)
    return metadata


def refuse_unknown_metrics(paths: list[str], metrics: Iterable[str]) -> None:
    """Refuse a metric id the data does not hold, from the cached ids alone, before any read.

    Only where the answer is sure to be the full read's: one source whose
    catalog the cache holds (a TAB or an earlier refusal built it), and an
    argument that is no id and no name or alias of a metric or an entity
    (another command may resolve those). The first argument that is a name
    hands every later one to the full read, which checks them in order.

    Raises:
        ZgcError: the full read's "unknown metric" error, with its suggestions.
    """
    if len(paths) != 1:
        return
    catalog = cached_catalog(paths[0])
    if catalog is None or not catalog.metrics:
        return
    known = set(catalog.metrics)
    # What the full read would resolve: an id or a name, compared as it compares them
    # (NFKC, case folded, inner spaces made one): `M0042` is m0042 there.
    resolvable = {normalized(metric) for metric in known} | set(catalog.names)
    for wanted in dict.fromkeys(metrics):
        if wanted in known:
            continue
        if normalized(wanted) in resolvable:
            return
        metadata = _indicator_metadata(paths[0])
        if metadata is None:
            return
        from zgc_cli.stats.matcher import suggest
        from zgc_cli.words import Listed, phrase

        available = sorted(known)
        close = suggest(wanted, available, metadata)
        hint = phrase("select.did_you_mean", close=Listed(close)) if close else ""
        count = len(available)
        raise ZgcError(phrase("select.unknown_metric", wanted=wanted, hint=hint, count=count))
