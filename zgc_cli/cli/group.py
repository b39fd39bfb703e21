"""The command group and the command class: what every zgc command shares beyond its options.

:class:`ZgcGroup` turns whatever a command raises into zgc's answer (one line on
stderr and an exit code, see :mod:`zgc_cli.cli.process`); :class:`ZgcCommand` lays
its help out in the option panels of :data:`PANEL_ORDER`.
"""

import os
import re
from typing import Any, NoReturn

import typer
from typer.core import TyperCommand, TyperGroup

from zgc_cli.cli.process import silence_stdout
from zgc_cli.env import DEBUG_ENV_VAR, Environment, fail
from zgc_cli.errors import ExitCode, ZgcError
from zgc_cli.words import Language, phrase

# The panels of every command's help, in this order after the command's own options: what
# to show, how, from which data; what few need (a sheet, overlapping sources, a BOM) last.
SELECTION = "Selection"
OUTPUT = "Output"
DATA = "Data sources"
ADVANCED = "Advanced"
PANEL_ORDER: tuple[str, ...] = (SELECTION, OUTPUT, DATA, ADVANCED)


class ZgcGroup(TyperGroup):
    """Turns a user-fixable problem into one line on stderr, never a traceback."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except ZgcError as error:
            _fail(ctx, error.message, error.code)
        except MemoryError:
            _fail(ctx, phrase("run.memory"))
        except BrokenPipeError:
            # The reader stopped early (`| head`): leave quietly, with run()'s exit code.
            silence_stdout()
            raise SystemExit(int(ExitCode.ERROR)) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt, SystemExit):
            raise
        except OSError as error:
            # Reading problems are DataErrors by now: what is left is writing the output.
            reason = error.strerror or str(error)
            _fail(ctx, phrase("run.cannot_write", reason=reason))
        except Exception as error:
            if os.environ.get(DEBUG_ENV_VAR):
                raise
            # Typer's usage errors (its own click, or the click package before 0.26).
            if type(error).__module__.startswith(("typer", "click")):
                _refuse_negative_number(error, ctx)
                _refuse_unknown_language(error, ctx)
                raise
            internal = phrase(
                "run.internal", kind=type(error).__name__, error=str(error), variable=DEBUG_ENV_VAR
            )
            _fail(ctx, internal)


class ZgcCommand(TyperCommand):
    """A command whose help shows its option panels in :data:`PANEL_ORDER`, whatever the
    order of the function's parameters (Typer shows them in the order first met)."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        declared = self.params
        rank = {name: place for place, name in enumerate(PANEL_ORDER)}
        self.params = sorted(
            declared, key=lambda param: rank.get(str(getattr(param, "rich_help_panel", "")), -1)
        )
        try:
            super().format_help(ctx, formatter)
        finally:
            self.params = declared


def _refuse_negative_number(error: Exception, ctx: Any) -> None:
    """``zgc compare -5 2023``: click takes ``-5`` for an option; say what it is instead."""
    option = str(getattr(error, "option_name", ""))
    if type(error).__name__ == "NoSuchOption" and re.fullmatch(r"-[0-9][0-9.]*", option):
        _fail(ctx, phrase("usage.negative_number", number=option), ExitCode.USAGE)


def _refuse_unknown_language(error: Exception, ctx: Any) -> None:
    """``--lang fr``: one line naming the languages there are, not a usage box."""
    if getattr(getattr(error, "param", None), "name", None) == "lang":
        wanted = re.search(r"'([^']*)' is not one of", str(getattr(error, "message", "")))
        said = phrase(
            "usage.unknown_language",
            wanted=wanted.group(1) if wanted else "",
            available=", ".join(Language),
        )
        _fail(ctx, said, ExitCode.USAGE)


def _fail(ctx: Any, text: str, code: ExitCode = ExitCode.ERROR) -> NoReturn:
    """One line on the command's stderr, in its language (``--lang``, else the locale)."""
    env = getattr(ctx, "obj", None)
    if isinstance(env, Environment):
        env.fail(text, code)
    fail(text, code)  # before the Environment is made: the process's stderr, the locale
