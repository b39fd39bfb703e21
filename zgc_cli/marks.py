"""How a figure that is not a plain reported one is marked, in tables and charts alike.

Standard library only: shared by the Rich tables and the charts.
"""

from __future__ import annotations

QUALIFIER_MARKS: dict[str, str] = {
    "more_than": ">",
    "nearly": "<~",
    "about": "~",
    "less_than": "<",
}
STATUS_MARKS: dict[str, str] = {"estimate": "*", "derived": "^"}
