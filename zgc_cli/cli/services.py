"""zgc for other programs: ``schema`` (the JSON Schema of an output) and ``mcp`` (a server).

Shell completion is Typer's own (``--install-completion``); what a TAB offers is
:mod:`zgc_cli.completion`.

No ``from __future__ import annotations``: Typer reads these annotations on every run.
"""

from typing import Annotated

import typer

from zgc_cli.cli.options import DataChoice, shared
from zgc_cli.env import Environment
from zgc_cli.errors import ZgcError
from zgc_cli.words import message, phrase


def schema(
    ctx: typer.Context,
    name: Annotated[
        str | None,
        typer.Argument(
            metavar="NAME",
            help="The output: export, series, catalog, compare, search, source, share, "
            "timeline, verify, diff, extract, cite. Without NAME: the names.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Print the JSON Schema (draft 2020-12) of a command's JSON output.

    `zgc schema compare` describes what `zgc compare --format json` writes: an array
    of rows (a `--format jsonl` line is one row). `series` is `zgc metrics ID...`,
    `catalog` is `zgc metrics` without ids; `cite` is `zgc cite --style csl-json`.
    """
    from zgc_cli.present.schemas import schema_names, schema_text

    env: Environment = ctx.obj
    names = schema_names()
    if name is None:
        env.stdout.write("".join(f"{one}\n" for one in names))
        return
    try:
        env.stdout.write(schema_text(name))
    except KeyError:
        raise ZgcError(phrase("schema.unknown", name=name, names=", ".join(names))) from None


@shared("data", "prefer", "as_of")
def mcp(ctx: typer.Context, *, source: DataChoice) -> None:
    """Serve zgc's figures to AI assistants and other programs (Model Context Protocol, stdio).

    Tools: search, series, compare, share, source, verify, cite, extract. Every number
    is an object with its interval, unit, status, qualifier, year basis, passage and
    citation key. Add `zgc mcp` as a stdio server in an MCP client's configuration.
    Needs `pip install 'zgc[mcp]'`.
    """
    from zgc_cli.mcp_server import serve

    env: Environment = ctx.obj
    if env.stdout_is_tty:
        env.note(message("note.mcp_waiting", env.language))
    prefer = None if source.prefer is None else list(source.prefer)
    serve(source.paths, as_of=source.as_of, prefer=prefer)
