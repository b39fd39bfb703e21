"""What a data source's bytes are (csv, tsv, json, jsonl, xlsx), and how they reach the loader.

Every format can become the CSV bytes :mod:`zgc_cli.model.observations` reads, so
one loader parses, types and validates them all (padded numbers, blank rows,
ids, duplicates) and a JSON number reads back exactly as the same text in CSV
does: whole numbers as integers, every other float as its shortest round-trip
text (what ``repr`` and the machine formats write). JSON Lines is first made into
the loader's frame directly, the very frame that CSV would give (see
:mod:`.jsonl_columns`); a file that way cannot take goes the CSV way.

- :mod:`.table`: the one reader table (format by extension or first bytes → reader),
  asked by the loader and by shell completion;
- :mod:`.places`: where a CSV row is in its source (``mine.jsonl:7``), rows as CSV;
- :mod:`.json_input`, :mod:`.jsonl`, :mod:`.tabular`: the readers;
- :mod:`.jsonl_columns`, :mod:`.jsonl_layout`: JSON Lines into the frame directly.

Standard library, orjson and msgspec only (imported lazily); python-calamine reads
``.xlsx`` and comes with the ``excel`` extra. The names below are re-exported so
that ``from zgc_cli.model.readers import …`` keeps working as before the split.
"""

from zgc_cli.model.readers.json_input import (
    LoneSurrogate,
    duplicate_key,
    json_cell,
    json_to_csv,
    loads_json,
)
from zgc_cli.model.readers.places import (
    COMPARISON_COLUMNS,
    Places,
    columns_to_csv,
    refuse_comparison,
)
from zgc_cli.model.readers.table import (
    CSV,
    EXTENSIONS,
    FORMATS_READ,
    JSON,
    JSONL,
    READERS,
    SNIFF_BYTES,
    TSV,
    UNREAD_EXTENSIONS,
    XLSX,
    Reader,
    format_of,
    format_of_path,
    is_regular_file,
    sniff,
    to_loader_csv,
)

__all__ = [
    "COMPARISON_COLUMNS",
    "CSV",
    "EXTENSIONS",
    "FORMATS_READ",
    "JSON",
    "JSONL",
    "READERS",
    "SNIFF_BYTES",
    "TSV",
    "UNREAD_EXTENSIONS",
    "XLSX",
    "LoneSurrogate",
    "Places",
    "Reader",
    "columns_to_csv",
    "duplicate_key",
    "format_of",
    "format_of_path",
    "is_regular_file",
    "json_cell",
    "json_to_csv",
    "loads_json",
    "refuse_comparison",
    "sniff",
    "to_loader_csv",
]
