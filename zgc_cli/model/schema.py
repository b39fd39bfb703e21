"""The data's vocabulary: column lists, statuses, qualifiers, flags, marks, file names.

Standard library only: ``--help``, completion and every layer import it.
"""

from __future__ import annotations

# --- files ---------------------------------------------------------------------------

OBSERVATIONS_FILE = "metrics.csv"
INDICATORS_FILE = "indicators.csv"
CLAIMS_FILE = "claims.csv"
PACKAGE_FILE = "datapackage.json"
STDIN_MARKER = "-"
DATA_ENV_VAR = "ZGC_DATA"

# --- observations --------------------------------------------------------------------

REQUIRED_COLUMNS: tuple[str, ...] = ("metric", "year", "value")
OPTIONAL_COLUMNS: tuple[str, ...] = ("entity", "unit", "status", "qualifier", "quote", "note")
# Low-cardinality text: categories keep millions of rows small and group fast.
CATEGORY_COLUMNS: tuple[str, ...] = ("metric", "entity", "unit", "status", "qualifier")
# The shipped file's columns, in its order: what a full observation carries.
OBSERVATION_COLUMNS: tuple[str, ...] = (
    "metric",
    "entity",
    "year",
    "value",
    "unit",
    "status",
    "qualifier",
    "quote",
    "note",
)
SERIES_KEY: tuple[str, ...] = ("metric", "entity")

STATUSES: tuple[str, ...] = ("reported", "estimate", "derived")
QUALIFIERS: tuple[str, ...] = ("exact", "more_than", "nearly", "about", "less_than")

INDICATOR_COLUMNS: tuple[str, ...] = (
    "metric",
    "name_en",
    "name_zh",
    "unit",
    "category",
    "description",
)

# --- flags: how a figure that is not a plain reported one is marked ------------------

# In this order in every ``flags`` cell, joined by FLAG_SEPARATOR: what the observations
# are (their status and qualifier), then what the arithmetic met (a result too large
# for a 64-bit float, left empty).
STATUS_FLAGS: tuple[str, ...] = tuple(name for name in STATUSES if name != "reported")
QUALIFIER_FLAGS: tuple[str, ...] = tuple(name for name in QUALIFIERS if name != "exact")
OBSERVATION_FLAGS: tuple[str, ...] = (*STATUS_FLAGS, *QUALIFIER_FLAGS)
OVERFLOW_FLAG = "overflow"
FLAG_ORDER: tuple[str, ...] = (*OBSERVATION_FLAGS, OVERFLOW_FLAG)
FLAG_SEPARATOR = ";"

# The marks of tables and charts alike: a bound before the number, a status after it.
QUALIFIER_MARKS: dict[str, str] = {
    "more_than": ">",
    "nearly": "<~",
    "about": "~",
    "less_than": "<",
}
STATUS_MARKS: dict[str, str] = {"estimate": "*", "derived": "^"}
