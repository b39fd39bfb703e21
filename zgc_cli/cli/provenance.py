"""Where the figures come from and whether they hold: ``source``, ``cite``, ``diff``, ``verify``.

No ``from __future__ import annotations``: Typer reads these annotations on every run.
"""

from pathlib import Path
from typing import Annotated

import typer

from zgc_cli.cli.completers import complete_metrics, complete_years
from zgc_cli.cli.options import FORMATS, SOURCES, YEARS, DataChoice, Shown, shared
from zgc_cli.errors import ExitCode, ZgcError
from zgc_cli.present.choices import CitationStyle, OutputFormat
from zgc_cli.stats.selection import Selection
from zgc_cli.words import message, phrase


@shared("entity", "status", *YEARS, *SOURCES, *FORMATS)
def source(
    ctx: typer.Context,
    metric_id: Annotated[
        str,
        typer.Argument(
            metavar="ID", help="The metric: its id or name.", autocompletion=complete_metrics
        ),
    ],
    year: Annotated[
        int | None,
        typer.Argument(help="Only this year.", autocompletion=complete_years, show_default=False),
    ] = None,
    *,
    selection: Selection,
    source: DataChoice,
    shown: Shown,
) -> None:
    """Show the verbatim passages behind an indicator's figures, and the publication.

    Each figure comes with its year, value, status (reported, estimate, target, derived)
    and qualifier (exact or a bound), and the sentence of the article it is from.
    """
    from zgc_cli import stats
    from zgc_cli.present.formats import emit

    env = shown.environment(ctx, source)
    result = stats.sources(source.load(env), metric_id, year, selection=selection)
    emit(result, env, shown.fmt)


@shared("entity", *SOURCES, "lang")
def cite(
    ctx: typer.Context,
    figures: Annotated[
        list[str],
        typer.Argument(
            metavar="METRIC [YEAR]...",
            help="The figures: a metric (id or name), then the years of it (none: every year); "
            "several metrics each with their years (`revenue 2014 revenue 2023`).",
            autocompletion=complete_metrics,
            show_default=False,
        ),
    ],
    style: Annotated[
        CitationStyle | None,
        typer.Option(
            "--style",
            "-s",
            help="Citation style. Default: gbt7714 (GB/T 7714-2015) under --lang zh, "
            "apa (APA 7) in English.",
            show_default=False,
        ),
    ] = None,
    per_figure: Annotated[
        bool,
        typer.Option(
            "--per-figure",
            help="One entry per figure, keyed by the figure (revenue:zgc:2023), "
            "instead of one per work.",
        ),
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the citations to FILE (UTF-8). Written whole; replaces FILE, "
            "never an input.",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    *,
    selection: Selection,
    source: DataChoice,
    shown: Shown,
) -> None:
    """Cite figures: one reference per work they come from, each figure cited from it.

    `zgc cite revenue 2014 revenue 2023` gives one reference for the publication
    both figures come from (authors, title, periodical, date, as the data package
    names it) and one citation per figure: the figure as the citation's locator
    (CSL `locator`/`label`, pandoc `[@KEY, {figure revenue:zgc:2023}]`) and a note
    with the figure, its status and qualifier, the verbatim passage, the data's
    version and the SHA-256 of the data file. `--per-figure`: one entry per
    figure. Styles: GB/T 7714-2015, APA 7, BibTeX, RIS, CSL-JSON.
    """
    from zgc_cli.present.citations import default_style, format_citations
    from zgc_cli.present.files import Document
    from zgc_cli.stats.citations import cite_each

    env = shown.environment(ctx)
    wanted = cite_selections(figures)
    target = None if output is None or str(output) == "-" else output
    if target is not None:
        env.claim_file(target, source.paths)
    result = cite_each(source.load(env), wanted, selection.entities)
    chosen = style or default_style(env.language)
    text = format_citations(result.figures, chosen, env.language, per_figure=per_figure)
    env.write_document(Document(text, CITATION_MEDIA_TYPES[chosen]), target)


# What each style's text is, for a caller that serves or names the document.
CITATION_MEDIA_TYPES: dict[CitationStyle, str] = {
    CitationStyle.gbt7714: "text/plain",
    CitationStyle.apa: "text/plain",
    CitationStyle.bibtex: "application/x-bibtex",
    CitationStyle.ris: "application/x-research-info-systems",
    CitationStyle.csl_json: "application/vnd.citationstyles.csl+json",
}


def cite_selections(words: list[str]) -> list[tuple[str, int | None]]:
    """``revenue 2014 revenue 2023`` as (metric, year) pairs; a metric alone is every year.

    A word of digits is a year of the metric before it; any other word a metric.
    """
    selections: list[tuple[str, int | None]] = []
    for word in words:
        if not (word.isascii() and word.isdigit()):
            selections.append((word, None))
        elif not selections:
            raise ZgcError(phrase("cite.year_first", year=word))
        elif selections[-1][1] is None:
            selections[-1] = (selections[-1][0], int(word))
        else:
            selections.append((selections[-1][0], int(word)))
    return selections


@shared("data", "sheet", "prefer", *FORMATS, "limit")
def diff(
    ctx: typer.Context,
    old: Annotated[
        str | None,
        typer.Argument(help="The old figures: a data file, or `shipped`.", show_default=False),
    ] = None,
    new: Annotated[
        str | None,
        typer.Argument(help="The new figures: a data file, or `shipped`.", show_default=False),
    ] = None,
    as_of: Annotated[
        list[str] | None,
        typer.Option(
            "--as-of",
            metavar="DATE",
            help="Twice, without OLD and NEW: the data as published on or before each DATE.",
            show_default=False,
        ),
    ] = None,
    partial: Annotated[
        bool,
        typer.Option(
            "--partial",
            help="NEW updates some figures only: a figure it lacks is not reported removed.",
        ),
    ] = False,
    *,
    source: DataChoice,
    shown: Shown,
) -> None:
    """What changed between two sets of figures, each change sorted into one kind.

    `zgc diff OLD NEW` compares two files; `zgc diff --as-of 2024-05 --as-of 2024-12`
    the data as published by each date. Kinds: revised (with the relative change and
    whether the two intervals overlap), re-rounded, inconsistent rounding, superseded
    estimate, qualifier changed, re-dated, scope differs, added, removed. Exits 1 when
    a change is unexplained (a revision, an inconsistent rounding or a removal without
    a note in the data). The summary names the largest revision by its points where
    both figures are points as written; where either is a bound or an interval (突破,
    近, 约, a derived figure), by the least change the two figures allow, and says so.
    """
    from zgc_cli.present.formats import emit
    from zgc_cli.stats.diff import diff_of

    dates = as_of or []
    files = [one for one in (old, new) if one is not None]
    env = shown.environment(ctx, source if not files else files)
    if not ((len(files) == 2 and not dates) or (not files and len(dates) == 2)):
        raise ZgcError(phrase("diff.need_two"))
    if files:
        old_set = DataChoice((files[0],), source.sheet).load(env)
        new_set = DataChoice((files[1],), source.sheet).load(env)
        labels = (files[0], files[1])
    else:
        old_set, new_set = source.load(env, dates[0]), source.load(env, dates[1])
        labels = (f"--as-of {dates[0]}", f"--as-of {dates[1]}")
    result = diff_of(old_set, new_set, partial=partial, old_label=labels[0], new_label=labels[1])
    emit(result, env, shown.fmt)
    if (env.output.fmt or shown.fmt or env.default_format) is not OutputFormat.table:
        from zgc_cli.present.views.diff import summary_line

        env.stderr.write(summary_line(result, env.language) + "\n")
    if result.unexplained:
        raise typer.Exit(int(ExitCode.ERROR))


@shared(*SOURCES, *FORMATS, "limit", "metric")
def verify(
    ctx: typer.Context,
    article: Annotated[
        Path | None,
        typer.Option(
            "--article",
            help="The article's full text: also check every quote is verbatim in it.",
            exists=True,
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    failures: Annotated[
        bool,
        typer.Option(
            "--failures",
            help="Only the checks that failed or could not be made (counts stay whole).",
        ),
    ] = False,
    *,
    selection: Selection,
    source: DataChoice,
    shown: Shown,
) -> None:
    """Check every figure against the article's wording, and every claim against the figures.

    For each reported row, the figure in its quote (3.6万亿, 784.7亿, 突破14万, 51%...)
    must equal the value and its wording the qualifier; each derived row is
    recomputed from its note; each claim (增长近一倍, 是2013年的1.5倍...) is
    evaluated. Rows without a quote are reported as unsourced, not failures.
    Exits 1 if any check fails.
    """
    from zgc_cli import check
    from zgc_cli.model.textio import read_text
    from zgc_cli.present.formats import emit

    article_input = ((str(article), phrase("input.article", path=str(article))),) if article else ()
    env = shown.environment(ctx, source, inputs=article_input)
    dataset = source.load(env)
    article_text = read_text(str(article), phrase("what.article"))[1] if article else None
    from zgc_cli.check.cited import run_each_source

    metrics = list(selection.metrics or ())
    if metrics:
        from zgc_cli.stats.select import select

        select(dataset.frame, metrics=metrics)  # an unknown metric is an error
    report = check.narrowed(
        run_each_source(dataset, article_text), failures_only=failures, metrics=metrics
    )
    emit(report, env, shown.fmt)
    counts = {name: report.counts.get(name, 0) for name in check.RESULT_NAMES}
    env.stderr.write(
        message(
            "note.verify_summary",
            env.language,
            total=sum(counts.values()),  # every check made, shown or not (--failures)
            passed=counts["pass"],
            definitional=counts["definitional"],
            failed=counts["fail"],
            unsourced=counts["unsourced"],
        )
    )
    if report.failed:
        raise typer.Exit(int(ExitCode.ERROR))
