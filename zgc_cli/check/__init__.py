"""Verify: the article's figure wording, the arithmetic of derived rows, the claims.

:func:`run` checks a Dataset and returns a
:class:`~zgc_cli.stats.results.VerifyReport`; no Typer, no Rich.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zgc_cli.model.dataset import Dataset
    from zgc_cli.stats.results import VerifyReport

RESULT_NAMES: tuple[str, ...] = ("pass", "fail", "unsourced")


def run(dataset: Dataset, article_text: str | None = None) -> VerifyReport:
    """Check every observation (and, with ``article_text``, every quote) and every claim."""
    import pandas as pd

    from zgc_cli.check.claims import verify_claims
    from zgc_cli.check.observations import verify_observations
    from zgc_cli.stats.results import VerifyReport

    parts = [verify_observations(dataset.frame, article_text)]
    if not dataset.claims.empty:
        parts.append(verify_claims(dataset.frame, dataset.claims))
    frame = pd.concat(parts, ignore_index=True)
    counted = frame["result"].value_counts()
    counts = {name: int(counted.get(name, 0)) for name in RESULT_NAMES}
    return VerifyReport(frame, counts=counts)
