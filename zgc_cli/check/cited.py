"""Verify each source on its own terms: the article's rows against the article, a cited
source's rows against their citation and their own written figures.

zgc ships passages only from the article it was built on. A later publication's
figures come without its sentences: its data package says so (``"passages":
false``), and each row names its publication (``publication``) instead of a quote.
Such a source is not skipped: each row's ``source`` check passes only when it has
no quote and names a publication of its package with a title, a date and an
address; its ``value`` and ``qualifier`` checks read the row's ``figure``
(``8.7万亿元``) with the one figure parser and compare it with the row.

Every source is checked by itself, all its rows (earlier vintages too): the
article's claims are about the article's figures, not about a later figure that
superseded one of them.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import TYPE_CHECKING

import pandas as pd

from zgc_cli.check.rows import CheckRow, _frame, _result, _text
from zgc_cli.model.figures import parse_figures
from zgc_cli.model.numbers import machine_number
from zgc_cli.phrases import phrase

if TYPE_CHECKING:
    from zgc_cli.model.dataset import Dataset
    from zgc_cli.stats.results import VerifyReport

PASSAGES_KEY = "passages"  # a data package's word on whether its rows quote their source


def ships_passages(package: Mapping[str, object] | None) -> bool:
    """Whether a source's rows quote their publication (the article's do; a cited one's don't)."""
    return not (package is not None and package.get(PASSAGES_KEY) is False)


def _publications(package: Mapping[str, object]) -> dict[str, Mapping[str, object]]:
    sources = package.get("sources")
    if not isinstance(sources, list):
        return {}
    return {
        str(one.get("name", "")): one
        for one in sources
        if isinstance(one, dict) and one.get("name")
    }


def _source_check(
    row: Mapping[Hashable, object], publications: Mapping[str, Mapping[str, object]]
) -> CheckRow:
    name = _text(row.get("publication"))
    found = publications.get(name)
    if _text(row.get("quote")):
        return _result("source", row, "", "quote", False, phrase("verify.cited_quote"))
    if found is None:
        return _result("source", row, name, "", False, phrase("verify.cited_unknown", name=name))
    title, date, address = (str(found.get(key, "") or "") for key in ("title", "date", "path"))
    if not (title and date and address):
        return _result("source", row, name, title, False, phrase("verify.cited_incomplete"))
    detail = phrase("verify.cited", title=title, date=date, address=address)
    return _result("source", row, name, title, True, detail)


def _figure_checks(row: Mapping[Hashable, object]) -> list[CheckRow]:
    written = _text(row.get("figure"))
    value = row.get("value")
    qualifier = _text(row.get("qualifier")) or "exact"
    figures = parse_figures(written) if written else []
    shown = _text(value)
    try:
        shown = machine_number(float(shown))
    except ValueError:
        pass
    if not figures:
        return [_result("value", row, shown, written, False, phrase("verify.cited_no_figure"))]
    figure = figures[0]
    try:
        number = float(str(value))
    except ValueError:
        number = float("nan")
    same = abs(figure.value - number) <= 1e-9 * max(abs(number), 1.0)
    value_detail = phrase("verify.cited_value" if same else "verify.cited_value_differs")
    qualifier_detail = phrase(
        "verify.cited_qualifier"
        if figure.qualifier == qualifier
        else "verify.cited_qualifier_differs"
    )
    return [
        _result("value", row, shown, written, same, value_detail),
        _result(
            "qualifier",
            row,
            qualifier,
            f"{figure.qualifier} ({written})",
            figure.qualifier == qualifier,
            qualifier_detail,
        ),
    ]


def verify_cited(frame: pd.DataFrame, package: Mapping[str, object]) -> pd.DataFrame:
    """The checks of a source whose rows cite their publication instead of quoting it."""
    publications = _publications(package)
    results: list[CheckRow] = []
    for row in frame.to_dict("records"):
        results.append(_source_check(row, publications))
        results.extend(_figure_checks(row))
    return _frame(results)


def run_each_source(dataset: Dataset, article_text: str | None = None) -> VerifyReport:
    """Verify every source of a dataset by itself (one source: :func:`zgc_cli.check.run`)."""
    from zgc_cli.check import RESULT_NAMES, run
    from zgc_cli.model.dataset import Dataset
    from zgc_cli.stats.results import VerifyReport

    if len(dataset.sources) == 1 and dataset.as_of is None:
        return run(dataset, article_text)
    frames: list[pd.DataFrame] = []
    names: dict[str, Mapping[str, str]] = {}
    entity_names: dict[str, Mapping[str, str]] = {}
    for source in dataset.sources:
        alone = Dataset(source)
        package = dataset.package_of(source)
        if ships_passages(package):
            report = run(alone, article_text)
            frames.append(report.frame)
            names.update(report.names)
            entity_names.update(report.entity_names)
        else:
            assert package is not None
            frames.append(verify_cited(alone.frame, package))
    frame = pd.concat(frames, ignore_index=True)
    counted = frame["result"].value_counts()
    counts = {name: int(counted.get(name, 0)) for name in RESULT_NAMES}
    every_metric = dataset.names.of_metrics()
    names.update({metric: named for metric, named in every_metric.items() if metric not in names})
    entity_names = {**dataset.names.of_entities(), **entity_names}
    return VerifyReport(frame, counts=counts, names=names, entity_names=entity_names)
