"""``zgc export --package DIR``: a selection of the observations as a Frictionless Data Package.

The folder gets ``metrics.csv`` (the rows export writes as CSV, byte for byte) and
``datapackage.json`` (Data Package v2): the CSV's Table Schema (each known column
as the input's package describes it, any other typed from its values), its dialect,
licences, SHA-256 and size, and the publications, contributors and licences of the
packages the rows come from. Each file is written whole (:mod:`zgc_cli.present.files`),
the data first, so a descriptor always describes a complete file; neither may be a
file the command reads (the CLI checks that before anything is read).
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zgc_cli.errors import ZgcError
from zgc_cli.present.choices import OutputFormat
from zgc_cli.present.safe import visible
from zgc_cli.words import phrase

if TYPE_CHECKING:
    import pandas as pd

    from zgc_cli.model.dataset import Dataset

DATA_FILE = "metrics.csv"
DESCRIPTOR_FILE = "datapackage.json"
PACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
# How write_delimited writes CSV: the csv module's minimal quoting, LF line ends.
CSV_DIALECT: dict[str, Any] = {
    "header": True,
    "delimiter": ",",
    "lineTerminator": "\n",
    "quoteChar": '"',
    "doubleQuote": True,
}
KEY = ("metric", "entity", "year")


def package_paths(folder: Path) -> tuple[Path, Path]:
    """The two files ``--package`` writes in ``folder``: the data, then its descriptor."""
    return folder / DATA_FILE, folder / DESCRIPTOR_FILE


def make_folder(folder: Path) -> None:
    """``folder``, made if missing (its parent must exist), or an error saying why not."""
    if folder.is_dir():
        return
    if folder.exists():
        raise ZgcError(phrase("write.not_folder", path=visible(str(folder)), folder=str(folder)))
    if not folder.parent.is_dir():
        shown = visible(str(folder.parent))
        raise ZgcError(phrase("write.no_folder", path=visible(str(folder)), folder=shown))
    try:
        folder.mkdir()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise ZgcError(phrase("write.failed", path=visible(str(folder)), reason=reason)) from None


def _csv_bytes(frame: pd.DataFrame) -> bytes:
    from zgc_cli.present.formats import write_machine

    buffer = io.StringIO(newline="")
    write_machine(frame, OutputFormat.csv, buffer, pretty=False)
    return buffer.getvalue().encode("utf-8")


def _unique(items: Iterable[Any]) -> list[Any]:
    """Items in order, each once (by their JSON text: they are plain JSON values)."""
    seen: dict[str, Any] = {}
    for item in items:
        seen.setdefault(json.dumps(item, sort_keys=True, ensure_ascii=False), item)
    return list(seen.values())


def _listed(package: Mapping[str, object], key: str) -> list[Any]:
    value = package.get(key)
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _declared_fields(packages: Sequence[Mapping[str, object]]) -> dict[str, dict[str, Any]]:
    """Each column's field as the input packages' observation tables declare it (first wins)."""
    fields: dict[str, dict[str, Any]] = {}
    for package in packages:
        for resource in _listed(package, "resources"):
            if resource.get("name") != "metrics":
                continue
            schema = resource.get("schema")
            declared = schema.get("fields") if isinstance(schema, dict) else None
            for field in declared if isinstance(declared, list) else []:
                if isinstance(field, dict) and isinstance(field.get("name"), str):
                    fields.setdefault(field["name"], field)
    return fields


def _holding(constraints: Mapping[str, Any], column: pd.Series) -> dict[str, Any]:
    """The declared constraints the column's cells meet (rows of several packages, each
    declaring its own, may not meet another's): a package must describe its own data."""
    import re

    import pandas as pd

    cells = column.astype(object).where(column.notna(), "")
    present = cells[cells.astype(str) != ""]
    kept: dict[str, Any] = {}
    for key, value in constraints.items():
        if key == "required":
            holds = not value or len(present) == len(cells)
        elif key == "enum" and isinstance(value, list):
            holds = bool(present.isin(value).all())
        elif key == "pattern" and isinstance(value, str):
            holds = all(re.fullmatch(value, str(cell)) for cell in present)
        elif key in ("minimum", "maximum") and isinstance(value, int | float):
            numbers = pd.to_numeric(present, errors="coerce")
            within = numbers >= value if key == "minimum" else numbers <= value
            holds = bool(within.all())
        else:
            holds = False  # not checked here, so not declared
        if holds:
            kept[key] = value
    return kept


def _field(name: str, column: pd.Series, declared: Mapping[str, Any] | None) -> dict[str, Any]:
    """A column's Table Schema field: as declared (the constraints it meets), else typed
    from its values."""
    import pandas as pd

    if declared is not None and declared.get("type") in ("string", "integer", "number"):
        field = {key: value for key, value in declared.items() if key != "constraints"}
        constraints = declared.get("constraints")
        if isinstance(constraints, Mapping):
            kept = _holding(constraints, column)
            if kept:
                field["constraints"] = kept
        return field
    if pd.api.types.is_bool_dtype(column.dtype):
        return {"name": name, "type": "boolean", "trueValues": ["true"], "falseValues": ["false"]}
    if pd.api.types.is_integer_dtype(column.dtype):
        return {"name": name, "type": "integer"}
    if pd.api.types.is_float_dtype(column.dtype):
        whole = column.dropna()
        integral = bool(len(whole)) and bool((whole == whole.round()).all())
        return {"name": name, "type": "integer" if integral and name == "year" else "number"}
    return {"name": name, "type": "string"}


def descriptor(frame: pd.DataFrame, data: bytes, dataset: Dataset) -> dict[str, Any]:
    """The data package of ``frame`` written as ``data``, from ``dataset``'s packages."""
    packages = [
        package
        for package in (dataset.package_of(source) for source in dataset.sources)
        if isinstance(package, dict)
    ]
    declared = _declared_fields(packages)
    fields = [_field(str(name), frame[name], declared.get(str(name))) for name in frame.columns]
    schema: dict[str, Any] = {"fields": fields, "missingValues": [""]}
    if all(name in frame.columns for name in KEY):
        schema["primaryKey"] = list(KEY)
    licenses = _unique(item for package in packages for item in _listed(package, "licenses"))
    resource: dict[str, Any] = {
        "name": "metrics",
        "path": DATA_FILE,
        "type": "table",
        "title": "Observations",
        "description": "The observations zgc export selected: one row per figure.",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": CSV_DIALECT,
        "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
        "bytes": len(data),
        "schema": schema,
    }
    if licenses:
        resource["licenses"] = licenses
    titles = [str(package.get("title")) for package in packages if package.get("title")]
    described: dict[str, Any] = {
        "$schema": PACKAGE_PROFILE,
        "name": "zgc-export",
        "title": "A selection of " + "; ".join(titles) if titles else "A selection of figures",
        "description": "Observations selected by zgc export --package from: "
        + ", ".join(source.label for source in dataset.sources)
        + ". Sources, contributors and licences are those of the packages the rows come "
        "from; contributors with the role author wrote the first source.",
        "created": datetime.datetime.now(datetime.UTC).replace(microsecond=0).isoformat(),
        "resources": [resource],
    }
    for key in ("licenses", "contributors", "sources"):
        items = _unique(item for package in packages for item in _listed(package, key))
        if items:
            described[key] = items
    return described


def write_package(frame: pd.DataFrame, dataset: Dataset, folder: Path) -> list[Path]:
    """Write ``frame`` and its descriptor into ``folder``; the paths written, in order."""
    from zgc_cli.present.files import atomic_output

    make_folder(folder)
    data_path, descriptor_path = package_paths(folder)
    data = _csv_bytes(frame)
    with atomic_output(data_path, binary=True) as stream:
        stream.write(data)
    text = json.dumps(descriptor(frame, data, dataset), ensure_ascii=False, indent=2) + "\n"
    with atomic_output(descriptor_path) as stream:
        stream.write(text)
    return [data_path, descriptor_path]
