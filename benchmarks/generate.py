"""Write a synthetic tidy observations CSV for benchmarking zgc.

    python benchmarks/generate.py --rows 1000000 --out benchmarks/out/synthetic-1M.csv

The file has the header ``metric,entity,year,value,unit,status,qualifier`` and
is deterministic for a given ``--rows`` and ``--seed``. Rows are metric-major,
then entity, then year (2014..2023), like a real tidy export: 1M rows are
2,000 metrics x 50 entities x 10 years. Values are positive, some whole
numbers (count-like metrics) and some with two decimals; status is mostly
``reported`` and qualifier mostly ``exact``.

``--shipped-like`` writes instead a small file with named metrics (``revenue``,
``employees``, ...): the benchmark's stand-in when ``data/metrics.csv`` is missing.

Only the standard library and NumPy: the file is written in chunks, so even
5M rows (~250 MB) need little memory.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np

HEADER = "metric,entity,year,value,unit,status,qualifier"
COLUMNS: tuple[str, ...] = tuple(HEADER.split(","))
FIRST_YEAR = 2014
YEAR_COUNT = 10  # 2014..2023
MAX_ENTITIES = 50
UNITS: tuple[str, ...] = ("yuan", "count", "percent", "person", "usd")
STATUSES: tuple[str, ...] = ("reported", "estimate", "derived")
STATUS_WEIGHTS: tuple[float, ...] = (0.90, 0.07, 0.03)
QUALIFIERS: tuple[str, ...] = ("exact", "more_than", "nearly", "about", "less_than")
QUALIFIER_WEIGHTS: tuple[float, ...] = (0.92, 0.03, 0.01, 0.03, 0.01)
SHIPPED_LIKE_METRICS: tuple[str, ...] = (
    "revenue",
    "employees",
    "firms",
    "patents",
    "rd_spending",
    "exports",
    "unicorns",
    "listed_companies",
)
SHIPPED_LIKE_ENTITIES: tuple[str, ...] = ("zgc", "haidian", "changping", "chaoyang", "fengtai")
CHUNK_ROWS = 200_000
DEFAULT_SEED = 20240401


def layout(rows: int) -> tuple[int, int]:
    """(metrics, entities) so that metrics x entities x 10 years covers ``rows``."""
    entities = max(1, min(MAX_ENTITIES, math.ceil(rows / YEAR_COUNT)))
    metrics = max(1, math.ceil(rows / (entities * YEAR_COUNT)))
    return metrics, entities


def _ids(prefix: str, count: int, width: int) -> np.ndarray:
    digits = max(width, len(str(count)))
    return np.array([f"{prefix}{number:0{digits}d}" for number in range(1, count + 1)])


def _format_values(values: np.ndarray, whole: np.ndarray) -> np.ndarray:
    """Whole numbers without a decimal point, the others with up to two decimals."""
    text = np.empty(len(values), dtype=object)
    text[whole] = np.round(values[whole]).astype(np.int64).astype(str)
    text[~whole] = np.round(values[~whole], 2).astype(str)
    return text.astype(str)


def _text_rows(
    metric_names: Sequence[str] | np.ndarray,
    entity_names: Sequence[str] | np.ndarray,
    rows: int,
    seed: int,
) -> Iterator[str]:
    """The file's data lines, in chunks of text; every random draw happens up front."""
    metric_names = np.asarray(metric_names)
    entity_names = np.asarray(entity_names)
    per_metric = len(entity_names) * YEAR_COUNT
    rng = np.random.default_rng(seed)
    metric_units = np.array(UNITS)[rng.integers(0, len(UNITS), len(metric_names))]
    metric_whole = rng.random(len(metric_names)) < 0.4
    # A level per series and a growth per series-year: positive, from ~1 to ~1e7.
    series_count = len(metric_names) * len(entity_names)
    levels = np.exp(rng.uniform(0.0, 16.0, series_count))
    growth = rng.normal(0.08, 0.15, (series_count, YEAR_COUNT))
    growth[:, 0] = 0.0
    values = (levels[:, None] * np.exp(np.cumsum(growth, axis=1))).ravel()[:rows]
    values = np.maximum(values, 0.01)
    statuses = rng.choice(len(STATUSES), size=rows, p=STATUS_WEIGHTS)
    qualifiers = rng.choice(len(QUALIFIERS), size=rows, p=QUALIFIER_WEIGHTS)

    status_names = np.array(STATUSES)
    qualifier_names = np.array(QUALIFIERS)
    year_names = np.array([str(FIRST_YEAR + offset) for offset in range(YEAR_COUNT)])
    for start in range(0, rows, CHUNK_ROWS):
        index = np.arange(start, min(start + CHUNK_ROWS, rows))
        metric_index = index // per_metric
        entity_index = (index // YEAR_COUNT) % len(entity_names)
        year_index = index % YEAR_COUNT
        columns = (
            metric_names[metric_index],
            entity_names[entity_index],
            year_names[year_index],
            _format_values(values[index], metric_whole[metric_index]),
            metric_units[metric_index],
            status_names[statuses[index]],
            qualifier_names[qualifiers[index]],
        )
        line = columns[0]
        for column in columns[1:]:
            line = np.strings.add(np.strings.add(line, ","), column)
        yield "\n".join(line.tolist()) + "\n"


def _write_atomically(out: Path, chunks: Iterator[str]) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + f".partial-{os.getpid()}")
    try:
        with partial.open("w", encoding="utf-8", newline="") as handle:
            handle.write(HEADER + "\n")
            for chunk in chunks:
                handle.write(chunk)
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)


def write_synthetic(out: Path, rows: int, seed: int = DEFAULT_SEED) -> None:
    """Write ``rows`` synthetic observations (metrics m0001.., entities e001..) to ``out``."""
    if rows < 1:
        raise ValueError("rows must be at least 1")
    metric_count, entity_count = layout(rows)
    metric_names = _ids("m", metric_count, 4)
    entity_names = _ids("e", entity_count, 3)
    _write_atomically(out, _text_rows(metric_names, entity_names, rows, seed))


def write_shipped_like(out: Path, seed: int = DEFAULT_SEED) -> None:
    """A small file with named metrics, shaped like the shipped data (400 rows)."""
    rows = len(SHIPPED_LIKE_METRICS) * len(SHIPPED_LIKE_ENTITIES) * YEAR_COUNT
    chunks = _text_rows(SHIPPED_LIKE_METRICS, SHIPPED_LIKE_ENTITIES, rows, seed)
    _write_atomically(out, chunks)


def parse_rows(text: str) -> int:
    """A row count: ``20000``, ``20k``, ``1M`` or ``1_000_000``."""
    cleaned = text.strip().replace("_", "").lower()
    factor = 1
    if cleaned.endswith("k"):
        factor, cleaned = 1_000, cleaned[:-1]
    elif cleaned.endswith("m"):
        factor, cleaned = 1_000_000, cleaned[:-1]
    try:
        rows = int(float(cleaned) * factor)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a row count: {text!r}") from None
    if rows < 1:
        raise argparse.ArgumentTypeError("rows must be at least 1")
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=parse_rows, default=100_000, help="e.g. 100k, 1M, 5M")
    parser.add_argument("--out", type=Path, required=True, help="CSV file to write")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--shipped-like",
        action="store_true",
        help="write a small file with named metrics (revenue, ...) instead; ignores --rows",
    )
    args = parser.parse_args(argv)
    if args.shipped_like:
        write_shipped_like(args.out, args.seed)
    else:
        write_synthetic(args.out, args.rows, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
