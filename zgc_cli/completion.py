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
from collections.abc import Iterable
from typing import Any

from zgc_cli.errors import ZgcError

# Catalog, scan and metric_years are found here by callers and tests, as before the split.
from zgc_cli.model.idscan import Catalog, folded_ids, metric_years, scan
from zgc_cli.model.names import NameIndex, named_ids, normalized
from zgc_cli.model.schema import (
    DATA_ENV_VAR,
    ENTITIES_FILE,
    INDICATORS_FILE,
    STATUSES,
    STDIN_MARKER,
)
from zgc_cli.model.sources import resolve_data_source
from zgc_cli.model.textio import read_bytes, try_decode
from zgc_cli.present.safe import visible

CACHE_FORMAT = 3  # bump when what a cache file holds changes: older files are rebuilt


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
    """A source's bytes as the CSV the scan reads, through the loader's reader table (a
    format the table says a TAB does not read, a workbook, offers nothing).

    Raises:
        ZgcError: the source cannot be read as its format (no completions, then).
    """
    from zgc_cli.model.readers import READERS, format_of, to_loader_csv

    fmt = format_of(path, data)
    if not READERS[fmt].completes:
        return b""
    return to_loader_csv(fmt, path, data)[0]


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
    resolvable = folded_ids(known) | set(catalog.names)
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
