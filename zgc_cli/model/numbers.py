"""How zgc writes a number as text for machines: full precision, and the same everywhere.

Whole numbers below 2**53 without ``.0``; every other number as the shortest
text that reads back as the same float, so nothing is rounded and
``zgc export | zgc export --data -`` gives back the same bytes. The machine
formats, verify's expected/found columns and the tables of exact text all use it.

numpy and orjson are imported inside the functions: light to import.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

# Integers beyond 2**53 are not all representable as floats; past that, print the float.
EXACT_INTEGER_LIMIT = 2.0**53


def machine_number(number: float | None) -> str:
    """One number in full, as the machine formats write it ('' for missing).

    Whole numbers below 2**53 without '.0'; every other number as the shortest
    text that reads back as the same float (so a ratio of 13/7 is
    1.8571428571428572 and 9.8e11 is 980000000000: nothing is rounded).
    """
    if number is None or number != number:  # NaN is missing too
        return ""
    value = float(number)
    if value.is_integer() and abs(value) < EXACT_INTEGER_LIMIT:
        return str(int(value))
    return machine_number_texts([value])[0]


def machine_number_texts(cells: Sequence[Any] | np.ndarray) -> list[str]:
    """A column of numbers as text, all at once; '' cells stay ''.

    The cells are Python ints (whole values, see ``formats.machine_cells``) and
    floats. Formatting floats one by one with ``repr`` costs more than parsing
    them did; orjson writes the shortest round-trip form of a whole column in
    native code, and the JSON array split at its commas gives the same digits.
    """
    import numpy as np
    import orjson

    if len(cells) == 0:
        return []
    array = np.asarray(cells, dtype=object)
    absent = np.asarray(array == "", dtype=bool)
    numbers = np.where(absent, 0, array) if absent.any() else array
    texts = orjson.dumps(numbers.tolist()).decode()[1:-1].split(",")
    for position in np.flatnonzero(absent):
        texts[position] = ""
    return texts
