"""The data's vocabulary: column lists, statuses, qualifiers, flags, marks, file names.

Standard library only: ``--help``, completion and every layer import it.
"""

from __future__ import annotations

# --- files ---------------------------------------------------------------------------

OBSERVATIONS_FILE = "metrics.csv"
INDICATORS_FILE = "indicators.csv"
CLAIMS_FILE = "claims.csv"
ENTITIES_FILE = "entities.csv"
EVENTS_FILE = "events.csv"
PACKAGE_FILE = "datapackage.json"
STDIN_MARKER = "-"
# `--data shipped` is the data shipped with zgc (a file of that name is `./shipped`).
SHIPPED_MARKER = "shipped"
DATA_ENV_VAR = "ZGC_DATA"

# --- observations --------------------------------------------------------------------

REQUIRED_COLUMNS: tuple[str, ...] = ("metric", "year", "value")
OPTIONAL_COLUMNS: tuple[str, ...] = (
    "entity",
    "unit",
    "status",
    "qualifier",
    "quote",
    "note",
    "year_basis",
)
# Low-cardinality text: categories keep millions of rows small and group fast.
CATEGORY_COLUMNS: tuple[str, ...] = (
    "metric",
    "entity",
    "unit",
    "status",
    "qualifier",
    "year_basis",
)
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

# Optional columns that bind a row to its passage and bound it. Read when a file has
# them, never added when it has not (a million-row file of the user's pays nothing).
FIGURE_COLUMN = "figure"  # the figure exactly as the quote writes it: 近3000万公里
INTERVAL_COLUMNS: tuple[str, ...] = ("low", "high")  # a derived row's interval, given
YEAR_BOUND_COLUMNS: tuple[str, ...] = ("year_min", "year_max")  # an inferred year's bounds
ENTITY_QUOTE_COLUMN = "entity_quote"  # the passage naming the place, when the quote does not
NOTE_ZH_COLUMN = "note_zh"  # the note in Chinese
PROVENANCE_COLUMNS: tuple[str, ...] = (
    FIGURE_COLUMN,
    *INTERVAL_COLUMNS,
    *YEAR_BOUND_COLUMNS,
    ENTITY_QUOTE_COLUMN,
    NOTE_ZH_COLUMN,
)

# The interval of a quantity Q (``value``, ``change_pct``, ``share_pct``, ``index`` ...) in
# machine output: six columns right after Q, named Q + each suffix (see zgc_cli.stats.intervals).
INTERVAL_SUFFIXES: tuple[str, ...] = (
    "_low",
    "_high",
    "_low_open",
    "_high_open",
    "_low_conventional",
    "_high_conventional",
)


def interval_columns(quantity: str) -> list[str]:
    """The six interval columns of a quantity, in their order: ``Q_low, Q_high, ...``."""
    return [quantity + suffix for suffix in INTERVAL_SUFFIXES]


def with_interval_columns(columns: list[str], quantities: set[str] | frozenset[str]) -> list[str]:
    """``columns`` with each quantity's interval columns placed right after it."""
    expanded: list[str] = []
    for name in columns:
        expanded.append(name)
        if name in quantities:
            expanded.extend(interval_columns(name))
    return expanded


# ``target``: a figure a plan or report sets as a goal (计划, 目标, 力争), not a measurement
# and not a forecast; ``estimate``: a forecast or preliminary figure (预计, 有望).
STATUSES: tuple[str, ...] = ("reported", "estimate", "target", "derived")
QUALIFIERS: tuple[str, ...] = (
    "exact",
    "more_than",
    "nearly",
    "about",
    "less_than",
    # 千比特量级: a power of ten, not "about 1000" (within a factor of √10 either way).
    "order_of_magnitude",
)

INDICATOR_COLUMNS: tuple[str, ...] = (
    "metric",
    "name_en",
    "name_zh",
    "unit",
    "category",
    "description",
)

ENTITY_COLUMNS: tuple[str, ...] = ("entity", "name_en", "name_zh", "kind", "parent", "aliases_zh")
EVENT_COLUMNS: tuple[str, ...] = ("date", "entity", "event_en", "event_zh", "quote", "note")
# How an observation's year is known (the optional ``year_basis`` column).
YEAR_BASES: tuple[str, ...] = ("stated", "inferred", "publication")

# --- flags: how a figure that is not a plain reported one is marked ------------------

# In this order in every ``flags`` cell, joined by FLAG_SEPARATOR: what the observations
# are (their status and qualifier), then what the arithmetic met (a result too large
# for a 64-bit float, left empty).
STATUS_FLAGS: tuple[str, ...] = tuple(name for name in STATUSES if name != "reported")
QUALIFIER_FLAGS: tuple[str, ...] = tuple(name for name in QUALIFIERS if name != "exact")
# An observation whose year we chose (year_basis ``inferred``) is flagged too.
INFERRED_YEAR_FLAG = "inferred_year"
OBSERVATION_FLAGS: tuple[str, ...] = (*STATUS_FLAGS, *QUALIFIER_FLAGS, INFERRED_YEAR_FLAG)
# What the indicator's kind does to its growth (see zgc_cli.stats.kinds).
KIND_FLAGS: tuple[str, ...] = ("cumulative", "percentage_points", "rank_places", "attribute")
OVERFLOW_FLAG = "overflow"
FLAG_ORDER: tuple[str, ...] = (*OBSERVATION_FLAGS, *KIND_FLAGS, OVERFLOW_FLAG)
KINDS: tuple[str, ...] = ("level", "flow", "cumulative", "share", "rank", "attribute")
FLAG_SEPARATOR = ";"

# The marks of tables and charts alike: a bound before the number, a status after it.
QUALIFIER_MARKS: dict[str, str] = {
    "more_than": ">",
    "nearly": "<~",
    "about": "~",
    "less_than": "<",
    "order_of_magnitude": "≈",
}
STATUS_MARKS: dict[str, str] = {"estimate": "*", "target": "†", "derived": "^"}
