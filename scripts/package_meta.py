"""What every shipped data package's resources declare, as the Data Package standard (v2) has it.

Each resource gets its CSV dialect (as ``csv.writer(lineterminator="\\n")`` writes it),
the package's licences, and the SHA-256 and size of its file's bytes: the hash a
citation quotes (``zgc cite``) is the one the package declares, and ``frictionless
validate`` checks both against the file.
"""

from __future__ import annotations

import hashlib
from typing import Any

# The data package's profile and CSV dialect are `zgc export --package`'s own.
from zgc_cli.present.package import CSV_DIALECT, PACKAGE_PROFILE

__all__ = ["CSV_DIALECT", "PACKAGE_PROFILE", "finished"]


def finished(package: dict[str, Any], texts: dict[str, str]) -> dict[str, Any]:
    """``package`` with each resource's dialect, licences, hash and bytes (from ``texts``,
    each resource's file text by its path)."""
    resources = []
    for resource in package["resources"]:
        data = texts[resource["path"]].encode("utf-8")
        resources.append(
            {
                **resource,
                "dialect": CSV_DIALECT,
                "licenses": package["licenses"],
                "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
                "bytes": len(data),
            }
        )
    return {**package, "resources": resources}
