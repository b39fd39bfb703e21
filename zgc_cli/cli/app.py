"""The ``zgc`` Typer app: its callback (``--version``, the bare-``zgc`` welcome) and its
commands, registered in the order ``zgc --help`` lists them.

No ``from __future__ import annotations``: Typer reads these annotations on every run.
"""

import copy
import os
from collections.abc import Callable, Sequence
from typing import Annotated, Any

import typer
from typer.main import get_command_name
from typer.models import CommandInfo

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


# The arguments whose run needs no command's options: the list of commands in the help,
# the version, the welcome of a bare `zgc`.
_LISTING_ONLY: frozenset[str] = frozenset({"--help", "-h", "--version"})


def app_for(arguments: Sequence[str]) -> typer.Typer:
    """The app as it must be built to run ``arguments`` (``sys.argv[1:]``).

    Typer builds every command's options on every run (about 1 ms a command). When
    the first argument names a command, that command is all the run can reach: the
    app run holds it alone. ``zgc --help``, ``--version`` and a bare ``zgc`` show at
    most each command's name and first line of help: their commands are built
    without options (:func:`_listed`). Anything else (a mistyped command, a root
    option, shell completion) gets the whole app, as before.
    """
    if _completing():
        return app
    if all(argument in _LISTING_ONLY for argument in arguments):
        listed = copy.copy(app)
        listed.registered_commands = [_listed(info) for info in app.registered_commands]
        return listed
    chosen = [
        info
        for info in app.registered_commands
        if info.callback is not None
        and (info.name or get_command_name(info.callback.__name__)) == arguments[0]
    ]
    if len(chosen) != 1:
        return app
    alone = copy.copy(app)
    alone.registered_commands = chosen
    return alone


def _completing() -> bool:
    """Whether the shell asks for completions (``_ZGC_COMPLETE`` or as the script is named)."""
    return any(name.startswith("_") and name.endswith("_COMPLETE") for name in os.environ)


def _listed(info: CommandInfo) -> CommandInfo:
    """A command as the root help lists it: its name and help, no options.

    The stand-in is never run: the help or the version exits before any command.
    """
    command = info.callback
    if command is None:
        return info

    def stand_in() -> None:
        raise RuntimeError(f"{command.__name__} was built for the help only")

    stand_in.__name__ = command.__name__
    stand_in.__qualname__ = command.__qualname__
    stand_in.__doc__ = command.__doc__
    listed = copy.copy(info)
    listed.callback = stand_in
    return listed
