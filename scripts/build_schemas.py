"""Build zgc_cli/present/schemas/*.schema.json: a JSON Schema of each machine output.

Each schema (draft 2020-12) describes what ``--format json`` writes: an array of
rows. A JSON Lines line is one item of that array. The columns, their order and
their vocabularies (statuses, qualifiers, flags, kinds...) are read from the code
that writes them, so a schema cannot drift from its output unseen:
``python scripts/build_schemas.py --check`` (run by the tests) fails when a
shipped file differs from what this script builds.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from zgc_cli.extract.draft import DRAFT_COLUMNS  # noqa: E402
from zgc_cli.model.schema import (  # noqa: E402
    FLAG_ORDER,
    INTERVAL_SUFFIXES,
    KINDS,
    OBSERVATION_COLUMNS,
    QUALIFIERS,
    STATUSES,
    YEAR_BASES,
)
from zgc_cli.stats.catalog import CATALOG_COLUMNS, SEARCH_COLUMNS, SOURCE_COLUMNS  # noqa: E402
from zgc_cli.stats.diff import COLUMNS as DIFF_COLUMNS  # noqa: E402
from zgc_cli.stats.diff import KINDS as DIFF_KINDS  # noqa: E402
from zgc_cli.stats.growth import (  # noqa: E402
    NOT_COMPARED_REASONS,
    compare_columns,
    series_columns,
)
from zgc_cli.stats.shares import SHARE_COLUMNS  # noqa: E402
from zgc_cli.stats.vintages import CURRENT, EARLIER, VINTAGE_COLUMNS  # noqa: E402

SCHEMAS = REPO / "zgc_cli" / "present" / "schemas"
DIALECT = "https://json-schema.org/draft/2020-12/schema"
# The CSL data schema of the Citation Style Language project (draft-07).
CSL_DATA_SCHEMA = "https://resource.citationstyles.org/schema/v1.0/input/json/csl-data.json"

Schema = dict[str, Any]


# --- building blocks -----------------------------------------------------------------


def text(description: str) -> Schema:
    return {"type": "string", "description": description}


def integer(description: str, nullable: bool = False) -> Schema:
    return {"type": ["integer", "null"] if nullable else "integer", "description": description}


def number(description: str, nullable: bool = False) -> Schema:
    return {"type": ["number", "null"] if nullable else "number", "description": description}


def boolean(description: str, nullable: bool = False) -> Schema:
    return {"type": ["boolean", "null"] if nullable else "boolean", "description": description}


def one_of(values: tuple[str, ...] | list[str], description: str, nullable: bool = False) -> Schema:
    allowed: list[Any] = [*values, None] if nullable else list(values)
    return {"enum": allowed, "description": description}


def flags(description: str) -> Schema:
    return {
        "type": "array",
        "items": {"enum": list(FLAG_ORDER)},
        "uniqueItems": True,
        "description": description,
    }


UNKNOWN = " ('' where the data does not say)"
STATUS = one_of(
    [*STATUSES, ""],
    "reported: stated; estimate: stated as expected (预计, 有望); target: set as a goal "
    "(计划, 目标, 力争), not measured; derived: computed from other figures" + UNKNOWN + ".",
)
QUALIFIER = one_of(
    [*QUALIFIERS, ""],
    "How the words bound the figure: exact, more_than (超过), nearly (接近), about (约), "
    "less_than (不到), order_of_magnitude (量级)" + UNKNOWN + ".",
)
YEAR_BASIS = one_of(
    [*YEAR_BASES, ""],
    "How the year is known: stated in the passage, inferred by the compiler, or "
    "publication (an undated figure current when published)" + UNKNOWN + ".",
)
KIND = one_of(list(KINDS), "The kind of quantity, which decides which growth measures apply.")
METRIC = text("The indicator's id (snake_case).")
ENTITY = text("What is measured: a place or body's id" + UNKNOWN + ".")
UNIT = text("The base unit of the values (CNY, persons, percent...)" + UNKNOWN + ".")
YEAR = integer("The year the figure refers to.")


def interval(quantity: str, what: str, nullable_point: bool = True) -> dict[str, Schema]:
    """A quantity and its six interval columns (see README, 'Numbers you can defend')."""
    point = (
        f"{what}. Null where it is undefined, or where its interval is unbounded "
        "(a bound is never passed on as a point)."
        if nullable_point
        else f"{what}."
    )
    ends = {
        "_low": number(f"The strict interval's lower end of {quantity}; null: unbounded.", True),
        "_high": number(f"The strict interval's upper end of {quantity}; null: unbounded.", True),
        "_low_open": boolean(
            f"Whether {quantity}_low itself is excluded; null: no interval.", True
        ),
        "_high_open": boolean(
            f"Whether {quantity}_high itself is excluded; null: no interval.", True
        ),
        "_low_conventional": number(
            f"The lower end of {quantity} as a statistics office reads the words "
            "(超过 as at least the figure...); null: unbounded.",
            True,
        ),
        "_high_conventional": number(
            f"The upper end of {quantity} as a statistics office reads the words; null: unbounded.",
            True,
        ),
    }
    assert tuple(ends) == INTERVAL_SUFFIXES
    return {quantity: number(point, nullable_point)} | {
        quantity + suffix: schema for suffix, schema in ends.items()
    }


MEASURES: dict[str, str] = {
    "change": "The change, to − from, in the unit",
    "change_pct": "The percent change (percentage points for a share)",
    "ratio": "The ratio, to / from",
    "cagr_pct": "The compound annual growth rate in percent, annualised over the actual gap",
}


def rows(title: str, description: str, properties: dict[str, Schema], **row: Any) -> Schema:
    """An output's schema: an array of rows; ``row`` adds to the row's object schema."""
    item: Schema = {
        "type": "object",
        "properties": properties,
        "required": row.pop("required", list(properties)),
        "additionalProperties": row.pop("additional", False),
        **row,
    }
    return {
        "$schema": DIALECT,
        "title": title,
        "description": description
        + " --format json writes the array; --format jsonl writes one item a line.",
        "type": "array",
        "items": {"$ref": "#/$defs/row"},
        "$defs": {"row": item},
    }


def ordered(columns: list[str], known: dict[str, Schema]) -> dict[str, Schema]:
    """The schemas of ``columns``, in the output's order; every column must be described."""
    missing = [name for name in columns if name not in known]
    if missing:
        raise SystemExit(f"no schema for the columns {missing}")
    return {name: known[name] for name in columns}


# --- each output -----------------------------------------------------------------------

OBSERVATION_FIELDS: dict[str, Schema] = {
    "metric": METRIC,
    "entity": ENTITY,
    "year": YEAR,
    "value": number("The figure in base units, in full precision."),
    "unit": UNIT,
    "status": STATUS,
    "qualifier": QUALIFIER,
    "quote": text("The shortest verbatim passage stating the figure ('' where none ships)."),
    "note": text("Judgment calls and derivations ('year inferred:' starts an inferred year's)."),
    "year_basis": YEAR_BASIS,
    "figure": text("The figure exactly as the passage writes it (3.6万亿元, 突破14万件)."),
    "low": number("A derived row's interval, lower end (null: none given).", True),
    "high": number("A derived row's interval, upper end (null: none given).", True),
    "year_min": integer("An inferred year's earliest possible year (null: not inferred).", True),
    "year_max": integer("An inferred year's latest possible year (null: not inferred).", True),
    "entity_quote": text("The passage naming the place, where the quote does not."),
    "note_zh": text("The note in Chinese."),
    "scope": text("What the figure counts (its 口径), where the data says."),
    "scope_zh": text("The scope in Chinese."),
    "scope_differs": text(
        "'true' where the figure's scope differs from its indicator's definition "
        "('false' or '' otherwise), as the file writes it."
    ),
    "publication": text("Which of its data package's sources the figure comes from."),
    "published": text("The date the figure was published (YYYY, YYYY-MM or YYYY-MM-DD)."),
}


def export_schema() -> Schema:
    # Every column of the file, exactly: the known ones typed, any other kept as its text.
    return rows(
        "zgc export",
        "The observations exactly as the data file has them: its own columns, in its "
        "order. Known columns are typed here; any other column of the file is written as "
        "the text or number the file holds.",
        OBSERVATION_FIELDS,
        required=["metric", "year", "value"],
        additional={"type": ["string", "number", "null"]},
    )


def series_schema() -> Schema:
    known: dict[str, Schema] = {
        **{name: OBSERVATION_FIELDS[name] for name in OBSERVATION_COLUMNS},
        **interval("value", "The figure, in full precision", nullable_point=True),
        **{
            name: schema
            for measure, what in MEASURES.items()
            for name, schema in interval(measure, what + " since the previous observation").items()
        },
        "flags": flags(
            "What marks the row: the figure's (and the previous one's) status, qualifier "
            "and inferred year, what the kind does to growth, overflow. [] for none."
        ),
        "previous_year": integer("The year of the previous observation (null: the first).", True),
        "year_basis": YEAR_BASIS,
        "kind": KIND,
        "scope_differs": boolean(
            "Whether this figure and the previous one differ in scope (口径): its change "
            "joins figures that count differently. false for a series' first row."
        ),
    }
    return rows(
        "zgc metrics ID...",
        "Each observation of the series named, with its growth since the previous one.",
        ordered(series_columns(), known),
    )


def compare_schema() -> Schema:
    known: dict[str, Schema] = {
        "metric": METRIC,
        "entity": ENTITY,
        "unit": text("The base unit of the values (null: not known for a series not compared)."),
        "year_from": integer("The year of the first figure (null: not compared).", True),
        **interval("value_from", "The first figure"),
        "year_to": integer("The year of the second figure (null: not compared).", True),
        **interval("value_to", "The second figure"),
        **{
            name: schema
            for measure, what in MEASURES.items()
            for name, schema in interval(measure, what).items()
        },
        "flags": flags(
            "What marks the comparison: either end's status, qualifier and inferred year, "
            "what the kind does to growth, overflow. [] for none (and for a series not compared)."
        ),
        "status_from": one_of([*STATUSES, ""], "The first figure's status.", nullable=True),
        "qualifier_from": one_of([*QUALIFIERS, ""], "The first figure's qualifier.", True),
        "status_to": one_of([*STATUSES, ""], "The second figure's status.", nullable=True),
        "qualifier_to": one_of([*QUALIFIERS, ""], "The second figure's qualifier.", True),
        "year_basis_from": one_of([*YEAR_BASES, ""], "How the first year is known.", True),
        "year_basis_to": one_of([*YEAR_BASES, ""], "How the second year is known.", True),
        "kind": one_of(list(KINDS), "The kind of quantity (null: not compared).", True),
        "scope_differs": boolean(
            "Whether the two figures differ in scope (口径) (null: not compared).", True
        ),
        "reason": one_of(
            list(NOT_COMPARED_REASONS),
            "Null for a comparison. For a series not compared (listed after the "
            "comparisons, with null values): no_year_from, no_year_to (no figure of that "
            "year, within --tolerance), one_observation (one figure is the nearest to both "
            "years), status_left_out (the missing end has a figure of a status --status "
            "left out).",
            nullable=True,
        ),
    }
    known["unit"] = {**known["unit"], "type": ["string", "null"]}
    schema = rows(
        "zgc compare",
        "Every series between two years: the comparisons, then each series not compared "
        "with its reason.",
        ordered([*compare_columns(), "reason"], known),
    )
    # A comparison has its figures; a series not compared has none of them.
    schema["$defs"]["row"]["if"] = {"properties": {"reason": {"const": None}}}
    schema["$defs"]["row"]["then"] = {
        "properties": {
            "unit": {"type": "string"},
            "year_from": {"type": "integer"},
            "year_to": {"type": "integer"},
            "kind": {"type": "string"},
            "scope_differs": {"type": "boolean"},
            "status_from": {"type": "string"},
            "status_to": {"type": "string"},
        }
    }
    schema["$defs"]["row"]["else"] = {
        "properties": {
            "year_from": {"const": None},
            "value_from": {"const": None},
            "year_to": {"const": None},
            "value_to": {"const": None},
            "change": {"const": None},
            "flags": {"maxItems": 0},
        }
    }
    return schema


def catalog_schema() -> Schema:
    known: dict[str, Schema] = {
        "metric": METRIC,
        "entity": ENTITY,
        "name_en": text("The indicator's English name ('' where none is known)."),
        "name_zh": text("The indicator's Chinese name ('' where none is known)."),
        "unit": UNIT,
        "first_year": YEAR | {"description": "The first year with a figure."},
        "last_year": YEAR | {"description": "The latest year with a figure."},
        "observations": {"type": "integer", "minimum": 1, "description": "How many figures."},
        "latest_value": number("The latest figure, as written (its flags say if it is a bound)."),
        "latest_flags": flags("The latest figure's status, qualifier and inferred year."),
        "category": text("The indicator's category ('' where none is known)."),
        "entity_name_en": text("The entity's English name ('' where none is known)."),
        "entity_name_zh": text("The entity's Chinese name ('' where none is known)."),
    }
    return rows(
        "zgc metrics",
        "One row per (metric, entity): its years, count and latest figure.",
        ordered(CATALOG_COLUMNS, known),
    )


def search_schema() -> Schema:
    known: dict[str, Schema] = {
        "metric": METRIC,
        "name_en": text("The indicator's English name."),
        "name_zh": text("The indicator's Chinese name."),
        "unit": UNIT,
        "category": text("The indicator's category."),
        "description": text("What the indicator measures."),
        "score": {"type": "integer", "minimum": 0, "description": "How well it matched."},
    }
    return rows(
        "zgc search",
        "Indicators matching the words, best first.",
        ordered(SEARCH_COLUMNS, known),
    )


def source_schema() -> Schema:
    known: dict[str, Schema] = {
        **{name: OBSERVATION_FIELDS[name] for name in SOURCE_COLUMNS},
        "note_zh": OBSERVATION_FIELDS["note_zh"],
        "source": text("The publication in one line: publisher, date, title, authors."),
        "vintage": one_of(
            [CURRENT, EARLIER],
            "current: the figure in use; earlier: an earlier publication of it (a vintage), "
            "listed after the current one.",
        ),
        "published": text("The date of the publication ('' where unknown)."),
        "address": text("Where the publication is on the web ('' where unknown)."),
        "scope": text("The figure's scope (口径) where it differs from the indicator's, else ''."),
        "scope_zh": text("That scope in Chinese, else ''."),
    }
    properties = {name: known[name] for name in [*SOURCE_COLUMNS, "note_zh", *VINTAGE_COLUMNS]}
    return rows(
        "zgc source",
        "One metric's figures with their passages and publications. With several "
        "publications of a figure (vintages), each current figure is followed by its earlier "
        "ones, and the vintage columns are written.",
        properties,
        required=[*SOURCE_COLUMNS, "source"],
        dependentRequired={"vintage": ["published", "address", "scope", "scope_zh"]},
    )


def share_schema() -> Schema:
    known: dict[str, Schema] = {
        "metric": METRIC,
        "entity": text("The part's entity."),
        "of_entity": text("The whole's entity."),
        "year": YEAR,
        **interval("value", "The part's figure"),
        **interval("of_value", "The whole's figure"),
        **interval("share_pct", "The part as a percent of the whole"),
        "flags": flags("Either figure's status, qualifier and inferred year. [] for none."),
    }
    return rows(
        "zgc share",
        "Each entity's figure as a percent of a whole it is part of, in the same year.",
        ordered(SHARE_COLUMNS, known),
    )


def timeline_schema() -> Schema:
    known: dict[str, Schema] = {
        "date": {
            "type": "string",
            "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
            "description": "The date, to the precision the text gives (1988, 2015-04, 2023-08-30).",
        },
        "entity": ENTITY,
        "event_en": text("The milestone in English."),
        "event_zh": text("The milestone in Chinese."),
        "quote": text("The passage that dates it."),
        "note": text("How the date is known, where it is inferred."),
    }
    return rows(
        "zgc timeline",
        "Dated milestones in date order, each with its passage.",
        ordered(["date", "entity", "event_en", "event_zh", "quote", "note"], known),
    )


def verify_schema() -> Schema:
    from zgc_cli.check import RESULT_NAMES

    known: dict[str, Schema] = {
        "check": {
            "type": "string",
            "pattern": "^[a-z][a-z0-9_]*$",
            "description": "What was checked (figure, value, qualifier, unit, year, claim...).",
        },
        "metric": text("The row's metric ('' for a check of no observation)."),
        "entity": text("The row's entity ('' where none)."),
        "year": integer("The row's year (null where none).", True),
        "expected": text("What the data says."),
        "found": text("What the passage (or the arithmetic) gives."),
        "result": one_of(
            list(RESULT_NAMES),
            "pass; definitional (holds by construction); fail; unsourced (no passage to check).",
        ),
        "detail": text("Why, in one sentence."),
    }
    return rows(
        "zgc verify",
        "Every check: one row per (observation or claim, check).",
        ordered(list(known), known),
    )


def diff_schema() -> Schema:
    def side(prefix: str, nullable: bool) -> dict[str, Schema]:
        which = "old" if prefix == "old" else "new"
        absent = f" (null: the {which} data has no such figure)" if nullable else ""
        return {
            f"{prefix}_year": integer(f"The {which} figure's year{absent}.", nullable),
            f"{prefix}_figure": {
                "type": ["string", "null"] if nullable else "string",
                "description": f"The {which} figure as written{absent}.",
            },
            f"{prefix}_value": number(f"The {which} value{absent}.", nullable),
            f"{prefix}_status": one_of([*STATUSES, ""], f"The {which} status.", nullable),
            f"{prefix}_qualifier": one_of([*QUALIFIERS, ""], f"The {which} qualifier.", nullable),
            f"{prefix}_year_basis": one_of(
                [*YEAR_BASES, ""], f"How the {which} year is known.", nullable
            ),
            f"{prefix}_scope": {
                "type": ["string", "null"] if nullable else "string",
                "description": f"The {which} figure's scope (口径) where it differs, else ''.",
            },
            f"{prefix}_published": {
                "type": ["string", "null"] if nullable else "string",
                "description": f"When the {which} figure was published ('' where unknown).",
            },
        }

    known: dict[str, Schema] = {
        "metric": METRIC,
        "entity": ENTITY,
        "year": YEAR,
        "unit": UNIT,
        "kind": one_of(list(DIFF_KINDS), "What the change is: one kind, decided in this order."),
        "scope_differs": boolean("Whether the two figures differ in scope (口径)."),
        "unexplained": boolean("A revision, inconsistent rounding or removal without a note."),
        **side("old", True),
        **side("new", True),
        **interval("change_pct", "The relative change of the value in percent"),
        "intervals_overlap": boolean(
            "Whether the old and new intervals overlap (null where not a revision).", True
        ),
        "note": text("The new data's note on the change ('' where none)."),
    }
    return rows(
        "zgc diff",
        "Each change between two sets of figures, sorted into one kind.",
        ordered(list(DIFF_COLUMNS), known),
    )


def extract_schema() -> Schema:
    known: dict[str, Schema] = {
        **OBSERVATION_FIELDS,
        "metric": text("A draft id for the indicator, to review (m1_times...)."),
        "name_zh": text("A draft Chinese name of the indicator, from the passage."),
        "name_en": text("A draft English name ('' where none is known)."),
        "paragraph": {
            "type": "integer",
            "minimum": 1,
            "description": "The paragraph of the text the figure is in (from 1).",
        },
    }
    known["status"] = one_of(list(STATUSES), known["status"]["description"])
    known["qualifier"] = one_of(list(QUALIFIERS), known["qualifier"]["description"])
    known["year_basis"] = one_of(list(YEAR_BASES), known["year_basis"]["description"])
    return rows(
        "zgc extract",
        "Draft observations of a text: one row per figure, in the data's columns, to review.",
        ordered(list(DRAFT_COLUMNS), known),
    )


def cite_schema() -> Schema:
    date: Schema = {
        "type": "object",
        "properties": {
            "date-parts": {
                "type": "array",
                "minItems": 1,
                "maxItems": 2,
                "items": {
                    "type": "array",
                    "minItems": 1,
                    "maxItems": 3,
                    "items": {"type": ["integer", "string"]},
                },
            },
            "literal": {"type": "string"},
            "raw": {"type": "string"},
        },
        "anyOf": [{"required": ["date-parts"]}, {"required": ["literal"]}, {"required": ["raw"]}],
    }
    name: Schema = {
        "type": "object",
        "anyOf": [{"required": ["family"]}, {"required": ["literal"]}],
    }
    return {
        "$schema": DIALECT,
        "title": "zgc cite --style csl-json",
        "description": "CSL-JSON (Citation Style Language data): an array of items as the "
        "CSL data schema defines them (" + CSL_DATA_SCHEMA + "). This schema checks "
        "loosely what reference managers and citeproc processors rely on (an id and a "
        "type per item, dates and names in CSL's shapes) and leaves every other CSL "
        "variable to the standard schema.",
        "type": "array",
        "items": {"$ref": "#/$defs/item"},
        "$defs": {
            # The standard's own definition, for tools that fetch it; validation here needs
            # no network (an unused reference is never resolved).
            "csl-data": {"$ref": CSL_DATA_SCHEMA},
            "item": {
                "type": "object",
                "required": ["id", "type"],
                "properties": {
                    "id": {"type": ["string", "number"]},
                    "type": {"type": "string", "minLength": 1},
                    "title": {"type": "string"},
                    "container-title": {"type": "string"},
                    "note": {"type": "string"},
                    "URL": {"type": "string"},
                    "language": {"type": "string"},
                    "issued": date,
                    "accessed": date,
                    "author": {"type": "array", "items": name},
                    "editor": {"type": "array", "items": name},
                },
            },
        },
    }


BUILDERS = {
    "export": export_schema,
    "series": series_schema,
    "catalog": catalog_schema,
    "compare": compare_schema,
    "search": search_schema,
    "source": source_schema,
    "share": share_schema,
    "timeline": timeline_schema,
    "verify": verify_schema,
    "diff": diff_schema,
    "extract": extract_schema,
    "cite": cite_schema,
}


def build() -> dict[str, str]:
    """Each schema file's name and text."""
    return {
        f"{name}.schema.json": json.dumps(make(), ensure_ascii=False, indent=2) + "\n"
        for name, make in BUILDERS.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    arguments = parser.parse_args()
    outputs = build()
    if arguments.check:
        stale = [
            name
            for name, text in outputs.items()
            if not (SCHEMAS / name).exists() or (SCHEMAS / name).read_text(encoding="utf-8") != text
        ]
        if stale:
            raise SystemExit("out of date: " + ", ".join(stale))
        print("schemas are up to date")
        return
    SCHEMAS.mkdir(parents=True, exist_ok=True)
    for name, text in outputs.items():
        (SCHEMAS / name).write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {len(outputs)} schemas to {SCHEMAS.relative_to(REPO)}/")


if __name__ == "__main__":
    main()
