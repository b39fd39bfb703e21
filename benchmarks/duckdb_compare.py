"""The same comparison as ``zgc compare``, in DuckDB's SQL: the fastest peer we know.

    python benchmarks/duckdb_compare.py DATA.csv 2014 2023 > comparison.csv

Needs ``pip install 'zgc[bench]'`` (DuckDB). DuckDB runs on every core.
"""

import sys

import duckdb

path, year_from, year_to = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])


def comparison_sql(path: str, year_from: int, year_to: int) -> str:
    """The comparison as one query; COPY writes its CSV in DuckDB's own code."""
    quoted_path = "'" + path.replace("'", "''") + "'"
    return f"""
COPY (
    WITH observations AS (
        SELECT * FROM read_csv({quoted_path}, header = true) WHERE year IN ({year_from}, {year_to})
    ),
    start AS (SELECT * FROM observations WHERE year = {year_from}),
    finish AS (SELECT * FROM observations WHERE year = {year_to})
    SELECT
        start.metric,
        start.entity,
        start.unit,
        start.year AS year_from,
        start.value AS value_from,
        finish.year AS year_to,
        finish.value AS value_to,
        finish.value - start.value AS change,
        (finish.value - start.value) / start.value * 100 AS change_pct,
        finish.value / start.value AS ratio,
        (pow(finish.value / start.value, 1.0 / (finish.year - start.year)) - 1) * 100 AS cagr_pct,
        start.status AS status_from,
        start.qualifier AS qualifier_from,
        finish.status AS status_to,
        finish.qualifier AS qualifier_to
    FROM start JOIN finish USING (metric, entity)
    ORDER BY start.metric, start.entity
) TO '/dev/stdout' (HEADER, DELIMITER ',')
"""


duckdb.execute(comparison_sql(path, year_from, year_to))
