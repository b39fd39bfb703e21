"""Verify: the article's figure wording, the arithmetic of derived rows, the claims.

:func:`run` checks a Dataset and returns a
:class:`~zgc_cli.stats.results.VerifyReport`; no Typer, no Rich.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zgc_cli.model.dataset import Dataset
    from zgc_cli.stats.results import VerifyReport

# Every result a check can give, in the order a summary counts them. ``definitional``:
# a claim that holds by construction (its tested value comes from its own words).
RESULT_NAMES: tuple[str, ...] = ("pass", "definitional", "fail", "unsourced")
# What a person checking wants to see: what failed, and what could not be checked.
NOTEWORTHY: tuple[str, ...] = ("fail", "unsourced")


def narrowed(
    report: VerifyReport, *, failures_only: bool = False, metrics: Sequence[str] = ()
) -> VerifyReport:
    """The checks of ``metrics`` only (all without), and only the failures and the
    unsourced with ``failures_only``. Counts are of the metrics' checks, every result:
    hiding the passes does not make a failure pass, nor a pass disappear from the count.
    """
    import dataclasses

    frame = report.frame
    if metrics:
        frame = frame[frame["metric"].astype(str).isin(list(metrics))]
    counted = frame["result"].astype(str).value_counts()
    counts = {name: int(counted.get(name, 0)) for name in RESULT_NAMES}
    if failures_only:
        frame = frame[frame["result"].astype(str).isin(NOTEWORTHY)]
    return dataclasses.replace(report, frame=frame.reset_index(drop=True), counts=counts)


def run(dataset: Dataset, article_text: str | None = None) -> VerifyReport:
    """Check every observation, claim and event (and, with ``article_text``, every quote).

    Observations are checked against their quotes (figure, value, wording, unit, year,
    metric, entity; see :mod:`zgc_cli.check.observations`), claims against the
    observations, dated events against their quotes and entities, the entities table's
    parents and aliases. Publication-dated rows are dated to the data package's
    publication year, when it has one.
    """
    import pandas as pd

    from zgc_cli.check.claims import verify_claims
    from zgc_cli.check.entities import ENTITIES, Entities, check_entities_table
    from zgc_cli.check.events import verify_events
    from zgc_cli.check.observations import verify_observations
    from zgc_cli.check.rows import _frame, _result
    from zgc_cli.check.years import publication_year
    from zgc_cli.model.schema import FIGURE_COLUMN
    from zgc_cli.phrases import PHRASES, phrase
    from zgc_cli.stats.results import VerifyReport

    publication = dataset.publication
    published = publication_year(publication.date if publication else None)
    entities = dataset.entities
    indicators = getattr(dataset, "indicators", None)
    parts = [
        verify_observations(
            dataset.frame,
            article_text,
            entities=entities,
            publication_year=published,
            indicators=indicators,
        )
    ]
    if not dataset.claims.empty:
        parts.append(verify_claims(dataset.frame, dataset.claims, article_text))
    events = dataset.events
    table = Entities(entities) if not entities.empty else None
    if not events.empty:
        parts.append(verify_events(events, article_text, table, published))
    if not entities.empty:
        parts.append(_frame(check_entities_table(entities)))
    observed = dataset.frame
    quoted = "quote" in observed.columns and bool(
        observed["quote"].fillna("").astype(str).str.strip().any()
    )
    if FIGURE_COLUMN not in observed.columns and quoted:
        # A user's file without a figure column: each value is matched against any figure
        # of its quote, as before the column existed; say so once, after the checks.
        notice = _result("figure", {}, "", "", None, phrase("verify.no_figure_column"))
        parts.append(_frame([notice]))
    frame = pd.concat(parts, ignore_index=True)
    counted = frame["result"].value_counts()
    counts = {name: int(counted.get(name, 0)) for name in RESULT_NAMES}
    entity_names = dataset.names.of_entities()
    names = dataset.names.of_metrics()
    # The entities table's rows carry "entities" where a metric would be.
    names.setdefault(
        ENTITIES, {lang: PHRASES["verify.entities_label"][lang] for lang in ("en", "zh")}
    )
    return VerifyReport(frame, counts=counts, names=names, entity_names=entity_names)
