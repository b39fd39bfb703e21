"""The ``zgc`` Typer app: its callback (``--version``, the bare-``zgc`` welcome) and its
commands, registered in the order ``zgc --help`` lists them.

No ``from __future__ import annotations``: Typer reads these annotations on every run.
"""

import copy
from collections.abc import Callable, Sequence
from typing import Annotated, Any

import typer
from typer.main import get_command_name

from zgc_cli import __version__
from zgc_cli.cli import documents, drafts, figures, provenance, services
from zgc_cli.cli.group import ZgcCommand, ZgcGroup
from zgc_cli.env import Environment
from zgc_cli.present.guide import epilog, welcome

app = typer.Typer(
    name="zgc",
    cls=ZgcGroup,
    help="Explore the innovation indicators of Zhongguancun (中关村): "
    "series with growth rates, comparisons between years, clean CSV/JSON for pipes.",
    rich_markup_mode="markdown",
    pretty_exceptions_enable=False,
    invoke_without_command=True,
    epilog=epilog(),
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version_callback(value: bool) -> None:
    if value:
        # Eager: it runs before the Environment is made, as Typer's own --help does.
        typer.echo(f"zgc {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version_callback,
            is_eager=True,
            help="Show the version and exit.",
        ),
    ] = False,
) -> None:
    """Explore the innovation indicators of Zhongguancun (中关村).

    Figures come from the April 2024 《瞭望》 (Outlook Weekly) feature on
    Zhongguancun; every one is traceable to its sentence (`zgc verify`).
    """
    env = ctx.obj = Environment()
    if ctx.invoked_subcommand is None and not ctx.resilient_parsing:
        # Bare `zgc`: what the data is and where to start, not a usage error.
        env.stdout.write(welcome(env.language))
        env.stdout.flush()
        raise typer.Exit()


# The commands, in the order of `zgc --help`: what the figures are, where they come
# from and whether they hold, then what zgc writes for other readers and programs.
COMMANDS: tuple[Callable[..., Any], ...] = (
    figures.metrics,
    figures.compare,
    documents.export,
    figures.search,
    provenance.source,
    provenance.cite,
    figures.share,
    figures.timeline,
    provenance.diff,
    provenance.verify,
    drafts.extract,
    services.schema,
    documents.plot,
    documents.report,
    services.mcp,
)
for _command in COMMANDS:
    app.command(cls=ZgcCommand, epilog=epilog(_command.__name__))(_command)


def app_for(arguments: Sequence[str]) -> typer.Typer:
    """The app as it must be built to run ``arguments`` (``sys.argv[1:]``).

    Typer builds every command's options on every run (about 1 ms a command); when the
    first argument names a command, that command is all the run can reach, so the app
    run holds it alone. Anything else (``--help``, ``--version``, a mistyped command,
    shell completion) gets the whole app, as before.
    """
    named = arguments[0] if arguments else None
    chosen = [
        info
        for info in app.registered_commands
        if info.callback is not None
        and (info.name or get_command_name(info.callback.__name__)) == named
    ]
    if len(chosen) != 1:
        return app
    alone = copy.copy(app)
    alone.registered_commands = chosen
    return alone
