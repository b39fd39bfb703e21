"""TSV as IANA registers it (text/tab-separated-values): fields are never quoted, and a
field may not hold a tab or a line break, for the format has no way to write one.

zgc refuses such a field, naming it, rather than escaping it (``\\t`` as PostgreSQL's
COPY writes it): a reader of IANA TSV would take the escape for the data, and the bytes
of a figure's passage would change unseen. A field that begins with a double quote is
refused too: IANA TSV allows it, but the TSV readers people use (pandas, spreadsheets,
zgc's own, which accepts the quoted TSV spreadsheets write) take it for CSV quoting and
drop the quotes. CSV and JSON carry any text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from zgc_cli.errors import ZgcError
from zgc_cli.words import phrase

if TYPE_CHECKING:
    import pandas as pd

# What a TSV field cannot hold: the delimiter, the line ends of a record; nor begin with.
_FORBIDDEN = r'[\t\n\r]|^"'


# The format's names, as the messages give them (parameters: no language translates them).
_NAMES = {"format": "TSV", "mediatype": "text/tab-separated-values"}


def _refusal(text: str, **where: object) -> ZgcError:
    """Why a field (or, without a row, a column name) cannot be written as TSV."""
    where = {**where, **_NAMES}
    if "\t" in text or "\n" in text or "\r" in text:
        what = phrase("tsv.tab") if "\t" in text else phrase("tsv.line_break")
        key = "tsv.unwritable" if "row" in where else "tsv.unwritable_header"
        return ZgcError(phrase(key, what=what, **where))
    key = "tsv.leading_quote" if "row" in where else "tsv.leading_quote_header"
    return ZgcError(phrase(key, **where))


def refuse_unwritable(frame: pd.DataFrame) -> None:
    """Raise, naming the first record and column, if a field cannot be written as TSV.

    Records count from 1 after the header. Only text columns are looked at (numbers
    and booleans never hold a tab), and a category column by its few categories.
    """
    import pandas as pd

    for name in frame.columns:
        if any(character in str(name) for character in "\t\n\r") or str(name).startswith('"'):
            raise _refusal(str(name), column=str(name))
    for position in range(frame.shape[1]):
        column = frame.iloc[:, position]
        if isinstance(column.dtype, pd.CategoricalDtype):
            categories = column.cat.categories.astype(str)
            bad = categories.str.contains(_FORBIDDEN, regex=True)
            if not bad.any():
                continue
            hits = column.cat.codes.isin(bad.nonzero()[0]).to_numpy()
        elif column.dtype == object or pd.api.types.is_string_dtype(column.dtype):
            texts = column.astype(object).where(column.notna(), "").astype(str)
            hits = texts.str.contains(_FORBIDDEN, regex=True).to_numpy()
        else:
            continue
        if hits.any():
            row = int(hits.argmax())
            cell = str(column.iloc[row])
            raise _refusal(cell, row=row + 1, column=str(frame.columns[position]))
