"""What the extract rule tests share: options that know the corpus's places, and the one
row a sentence gives for a figure."""

from __future__ import annotations

import pytest

from tests.conftest import REPO_ROOT
from zgc_cli.extract.core import Options, extract_rows
from zgc_cli.extract.draft import places_from
from zgc_cli.extract.rules import Row

CORPUS = REPO_ROOT / "tests" / "fixtures" / "extract"


@pytest.fixture(scope="module")
def options() -> Options:
    """The shipped places and the corpus's, published 2024-03-01, Beijing by default."""
    texts = [
        (str(path), path.read_text(encoding="utf-8"))
        for path in (REPO_ROOT / "data" / "entities.csv", CORPUS / "entities.csv")
    ]
    return Options(places_from(texts), "2024-03-01", "beijing")


def row_of(text: str, figure: str, options: Options) -> Row:
    """The one row ``text`` gives for ``figure``."""
    rows = [row for row in extract_rows(text, options) if row.figure == figure]
    assert len(rows) == 1, [row.figure for row in extract_rows(text, options)]
    return rows[0]
