"""What a command writes for a reader to keep: ``export`` (the data, or a data package),
``plot`` (a chart) and ``report`` (a fact sheet).

``plot`` and ``report`` make a :class:`~zgc_cli.present.files.Document` that
:meth:`~zgc_cli.env.Environment.write_document` writes (whole, never over an input).

No ``from __future__ import annotations``: Typer reads these annotations on every run.
"""

from pathlib import Path
from typing import Annotated

import typer

from zgc_cli import __version__
from zgc_cli.cli.completers import complete_metrics, complete_years
from zgc_cli.cli.options import FILTERS, FORMATS, SOURCES, YEARS, DataChoice, Shown, shared
from zgc_cli.errors import ExitCode, ZgcError
from zgc_cli.stats.selection import Selection
from zgc_cli.words import phrase

# What `plot -o` writes, by the file's suffix (the chart writer refuses any other).
IMAGE_MEDIA_TYPES = {".png": "image/png", ".svg": "image/svg+xml"}
REPORT_MEDIA_TYPES = {"html": "text/html", "md": "text/markdown"}


@shared(*FILTERS, *SOURCES, *FORMATS, "limit")
def export(
    ctx: typer.Context,
    package: Annotated[
        Path | None,
        typer.Option(
            "--package",
            metavar="DIR",
            help="Write the selection as a Frictionless Data Package in DIR: metrics.csv and "
            "datapackage.json (schema, sources, licences, SHA-256). Never over an input.",
            show_default=False,
        ),
    ] = None,
    *,
    selection: Selection,
    source: DataChoice,
    shown: Shown,
) -> None:
    """Write the observations themselves: every column of the data file, exactly.

    `zgc export | zgc export --data -` gives back the same bytes (`--lang` is for
    the table's headers and for messages; the bytes never change with it); `zgc
    export -o zgc.xlsx` writes a workbook, `zgc export --bom > zgc.csv` a CSV for Excel;
    `zgc export -m revenue --package revenue/` a data package of the selection.
    """
    from zgc_cli import stats
    from zgc_cli.present.formats import emit

    if package is not None and (shown.output is not None or shown.fmt is not None or shown.bom):
        raise ZgcError(phrase("package.with_output"), ExitCode.USAGE)
    env = shown.environment(ctx, source)
    if package is not None:
        from zgc_cli.present.package import package_paths

        for path in package_paths(package):
            env.claim_file(path, source.paths)
    dataset = source.load(env)
    result = stats.observations(dataset, selection=selection)
    if package is None:
        emit(result, env, shown.fmt)
        return
    from zgc_cli.present.package import write_package

    for path in write_package(result.frame, dataset, package):
        env.wrote(str(path))


@shared("entity", "status", *YEARS, *SOURCES, "lang")
def plot(
    ctx: typer.Context,
    ids: Annotated[
        list[str],
        typer.Argument(help="Metrics to chart: ids or names.", autocompletion=complete_metrics),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write a PNG or SVG image (needs `pip install 'zgc[plot]'`) instead of "
            "drawing in the terminal.",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    indexed: Annotated[
        bool,
        typer.Option(
            "--indexed",
            help="One panel, every series indexed to one common base year = 100 "
            "(default: the earliest year every series has).",
        ),
    ] = False,
    base: Annotated[
        int | None,
        typer.Option(
            "--base",
            help="The base year of --indexed (implies --indexed).",
            show_default=False,
            autocompletion=complete_years,
        ),
    ] = None,
    tolerance: Annotated[
        int,
        typer.Option(
            "--tolerance",
            min=0,
            max=10,
            help="With --indexed: a series without the base year takes its nearest year "
            "within this many years (the exact year first, then earlier, then later).",
        ),
    ] = 0,
    height: Annotated[
        int,
        typer.Option("--height", min=10, max=200, help="Rows of the terminal chart."),
    ] = 24,
    *,
    selection: Selection,
    source: DataChoice,
    shown: Shown,
) -> None:
    """Chart the series: in the terminal, or as an image with `--output`.

    A metric with one figure per entity (most are of one year) is drawn as bars
    by entity, from zero; other metrics as lines over the years, a panel each.
    With `--indexed`, one panel where every series is 100 in one base year
    (`--base 2014 --tolerance 1`). Estimates, derived figures and bounds are
    marked as in the tables.
    """
    from zgc_cli import stats
    from zgc_cli.present.charts import ChartError, draw_terminal, index_error_text, write_image
    from zgc_cli.present.files import Document, scratch_file, writable

    env = shown.environment(ctx)
    if output is not None:
        env.claim_file(output, source.paths)
    dataset = source.load(env)
    result = stats.series(dataset, ids, selection=selection)
    if result.frame.empty:
        # Before any index is sought: the filters left nothing, and that is what to say.
        raise ZgcError(phrase("chart.nothing"))
    indexing = None
    if indexed or base is not None:
        from zgc_cli.stats.indexing import IndexingError, index_series

        try:
            indexing = index_series(result.frame, base, tolerance)
        except IndexingError as error:
            raise ZgcError(index_error_text(error, result, env.language)) from None
    try:
        if output is None:
            chart = draw_terminal(result, env.language, env.width, height, indexing, env.color)
            env.write_document(Document(chart, "text/plain"), None)
            return
        writable(output)  # a file that cannot be written is refused before drawing
        # Every publication whose figures the chart may draw (a later vintage's too).
        publication = dataset.publications_of(list(result.frame["metric"].unique()))
        with scratch_file(output) as drawing:  # drawn under the name it will have
            warnings = write_image(result, env.language, drawing, indexing, publication)
            image = drawing.read_bytes()
    except ChartError as error:
        raise ZgcError(error.message) from None
    media_type = IMAGE_MEDIA_TYPES.get(output.suffix.lower(), "application/octet-stream")
    env.write_document(Document(image, media_type, tuple(warnings)), output)


@shared(*FILTERS[:3], *YEARS, *SOURCES, "lang")
def report(
    ctx: typer.Context,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="The file to write: .html (one offline page, both languages) or .md "
            "(Markdown, in --lang). Needs `pip install 'zgc[report]'`.",
            dir_okay=False,
            show_default=False,
        ),
    ],
    *,
    selection: Selection,
    source: DataChoice,
    shown: Shown,
) -> None:
    """Write a fact sheet: the catalog, series with growth, comparisons, shares, timeline.

    `zgc report -o report.html` writes one self-contained page that opens offline
    (no request leaves it): English and Chinese with a switch, charts drawn as
    `zgc plot` draws them (with the `plot` extra), and every number marked as the
    tables mark it and leading, on hover or tap, to the sentence it comes from.
    `-o report.md` writes Markdown with the passages as footnotes.
    """
    from zgc_cli.present.files import Document
    from zgc_cli.present.report import render_report, report_format
    from zgc_cli.stats.report import report as report_results

    env = shown.environment(ctx)
    fmt = report_format(output.suffix)
    env.claim_file(output, source.paths)
    result = report_results(source.load(env), selection=selection)
    text, warnings = render_report(result, fmt, env.language, __version__)
    env.write_document(Document(text, REPORT_MEDIA_TYPES[fmt], tuple(warnings)), output)
