"""``extract``: draft observations from an article's figures, for a person to review.

No ``from __future__ import annotations``: Typer reads these annotations on every run.
"""

from typing import Annotated

import typer

from zgc_cli.cli.completers import complete_entities
from zgc_cli.cli.options import FORMATS, Shown, shared
from zgc_cli.present.choices import OutputFormat
from zgc_cli.words import message, phrase


@shared(*FORMATS, "limit")
def extract(
    ctx: typer.Context,
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE",
            help="A text (UTF-8 or GB18030), an HTML page saved from a browser, or `-` (stdin).",
        ),
    ],
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            help="The text's date (YYYY, YYYY-MM or YYYY-MM-DD): the year of undated figures.",
            show_default=False,
        ),
    ] = None,
    entity: Annotated[
        str | None,
        typer.Option(
            "--entity",
            "-e",
            help="The place of figures whose passage names none.",
            autocompletion=complete_entities,
            show_default=False,
        ),
    ] = None,
    entities: Annotated[
        list[str] | None,
        typer.Option(
            "--entities",
            help="More places: a CSV with entity and aliases_zh (as entities.csv); repeatable.",
            show_default=False,
        ),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option(
            "--title", help="The article's title, for the draft's package.", show_default=False
        ),
    ] = None,
    url: Annotated[
        str | None,
        typer.Option(
            "--url", help="Where the article is, for the draft's package.", show_default=False
        ),
    ] = None,
    *,
    shown: Shown,
) -> None:
    """Find every figure of an article: draft observations, in the data's columns, to review.

    One row per figure: value (scaled: 3.6万亿元 → 3600000000000), unit, qualifier
    (超过, 近, 约, 不到…), status (预计/有望: estimate; 目标/力争/计划到: target), year
    (its clause, sentence, paragraph, else `--published`; how in year_basis and note),
    place (entities.csv and `--entities`, else `--entity`), a draft metric id and name,
    the shortest verbatim quote and the figure as written. On a terminal: each paragraph
    with its figures marked; in a pipe: CSV. `-o draft.csv` also writes datapackage.json,
    indicators.csv, entities.csv and (for growth sentences such as 比2022年增长14.9%)
    claims.csv beside it, so that `zgc verify --data draft.csv --article FILE` and
    `zgc cite` work on the draft.
    """
    from zgc_cli.extract.draft import may_replace_sidecars, run, sidecars
    from zgc_cli.present.formats import emit

    article_input = ((file, phrase("what.extract_input")),) if file != "-" else ()
    env = shown.environment(ctx, inputs=article_input)
    target = env.output.path
    result = run(
        file,
        entities or [],
        published=published or "",
        entity=entity or "",
        title=title or "",
        url=url or "",
        output_name=target.name if target else "",
    )
    if not published:
        env.note(
            message("extract.no_published", env.language, year=max(result.frame["year"], default=0))
        )
    if (env.output.fmt or shown.fmt or env.default_format) is OutputFormat.table:
        from zgc_cli.present.views.extract import extract_view

        env.print_renderables(extract_view(result, env.language, env.width, env.limit))
        return
    emit(result, env, shown.fmt)
    if target is not None and may_replace_sidecars(str(target.parent)):
        from zgc_cli.present.files import atomic_output

        for name, text in sidecars(result).items():
            with atomic_output(target.parent / name) as stream:
                stream.write(text)
