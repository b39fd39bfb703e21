"""``zgc metrics ID`` in DuckDB's SQL: one metric's series with the change since each
previous observation, the peer of the selective read.

    python benchmarks/duckdb_metrics.py DATA.csv m0042 > series.csv

Needs ``pip install 'zgc[bench]'`` (DuckDB). DuckDB runs on every core.
"""

import sys

import duckdb

path, metric = sys.argv[1], sys.argv[2]


def series_sql(path: str, metric: str) -> str:
    """The series as one query; COPY writes its CSV in DuckDB's own code."""
    quoted_path = "'" + path.replace("'", "''") + "'"
    quoted_metric = "'" + metric.replace("'", "''") + "'"
    return f"""
COPY (
    WITH rows AS (
        SELECT *, lag(value) OVER w AS previous, lag(year) OVER w AS previous_year
        FROM read_csv({quoted_path}, header = true)
        WHERE metric = {quoted_metric}
        WINDOW w AS (PARTITION BY metric, entity ORDER BY year)
    )
    SELECT
        metric, entity, year, value, unit, status, qualifier,
        value - previous AS change,
        (value - previous) / previous * 100 AS change_pct,
        (pow(value / previous, 1.0 / (year - previous_year)) - 1) * 100 AS cagr_pct,
        previous_year
    FROM rows
    ORDER BY metric, entity, year
) TO '/dev/stdout' (HEADER, DELIMITER ',')
"""


duckdb.execute(series_sql(path, metric))
