"""The Environment every command shares, and the policy for errors, exits, pipes and signals.

As httpie's ``Environment``: the streams, whether stdout is a terminal, its
width, colour, the language and the default format live in one object that a
test can replace. :func:`fail` and :meth:`Environment.warn` are how zgc speaks on
stderr; :func:`quiet_broken_pipe` is the console script's pipe policy.

Standard library and Typer only at import time: Rich is loaded when a table or
a spinner is first needed, so a pipe never pays for it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

import typer
from typer.core import TyperGroup

from zgc_cli.errors import ExitCode, ZgcError
from zgc_cli.present.choices import OutputFormat, default_format
from zgc_cli.present.i18n import Language, detect_language

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from zgc_cli.model.dataset import Dataset
    from zgc_cli.stats.results import Result

DEBUG_ENV_VAR = "ZGC_DEBUG"
# A file this large takes about a second to load on a small machine: show a spinner.
SPINNER_FROM_BYTES = 20_000_000


def is_tty(stream: TextIO | None) -> bool:
    """Whether a stream is a terminal (a closed or odd stream is not)."""
    try:
        return bool(stream is not None and stream.isatty())
    except (AttributeError, ValueError):
        return False


@dataclass
class Environment:
    """What every command shares: streams, terminal, language, format.

    Attributes:
        stdout: where results go.
        stderr: where notes, warnings and errors go.
        stdout_is_tty: whether stdout is a terminal (tables and colour), else a pipe (CSV).
        stderr_is_tty: whether a person watches stderr (notes and spinners are for them).
        language_option: ``--lang``, when given; otherwise the locale decides.
    """

    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)
    stdout_is_tty: bool = field(default_factory=lambda: is_tty(sys.stdout))
    stderr_is_tty: bool = field(default_factory=lambda: is_tty(sys.stderr))
    language_option: Language | None = None
    _console: Console | None = field(default=None, repr=False)

    @property
    def language(self) -> Language:
        return self.language_option or detect_language()

    @property
    def default_format(self) -> OutputFormat:
        return default_format(self.stdout_is_tty)

    def console(self) -> Console:
        """The stdout console (made on first use; honours NO_COLOR, TERM=dumb and pipes)."""
        if self._console is None:
            from zgc_cli.present.tables import make_console

            self._console = make_console(self.stdout)
        return self._console

    @property
    def width(self) -> int:
        return self.console().width

    @property
    def color(self) -> bool:
        """Whether colour may be written to stdout."""
        console = self.console()
        return bool(console.is_terminal and console.color_system is not None) and not (
            console.no_color
        )

    def print_renderables(self, renderables: Sequence[RenderableType]) -> None:
        from zgc_cli.present.tables import print_renderables

        print_renderables(self.console(), renderables)

    def show_table(self, result: Result) -> None:
        """Print a result's human view: its view's tables and notes, at the terminal's width."""
        from zgc_cli.present.views import render

        self.print_renderables(render(result, self.language, self.width))

    def note(self, text: str) -> None:
        """An informational line for a person: on stderr, and only when stderr is a terminal.

        A script that redirects stderr to a log gets only warnings and errors there,
        as with a spinner; stdout never carries anything but data.
        """
        if self.stderr_is_tty:
            self.stderr.write(f"zgc: note: {text}\n")

    def warn(self, text: str) -> None:
        self.stderr.write(f"zgc: warning: {text}\n")

    def load(self, dataset: Dataset) -> Dataset:
        """Load a dataset's observations now, with a spinner on stderr for a large file."""
        if self.stderr_is_tty and _is_large(dataset.source.path):
            from rich.console import Console

            with Console(stderr=True).status("Loading " + dataset.source.label + " …"):
                dataset.observations  # noqa: B018 - loading is the point
        else:
            dataset.observations  # noqa: B018
        return dataset


def _is_large(path: str) -> bool:
    try:
        return os.path.getsize(path) >= SPINNER_FROM_BYTES
    except OSError:
        return False


def fail(message: str, code: ExitCode = ExitCode.ERROR) -> NoReturn:
    """Print one line on stderr and leave with ``code``: the only way zgc reports errors."""
    one_line = " ".join(message.split("\n"))
    sys.stderr.write(f"zgc: error: {one_line}\n")
    sys.stderr.flush()
    raise typer.Exit(int(code))


class ZgcGroup(TyperGroup):
    """Turns a user-fixable problem into one line on stderr, never a traceback."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except ZgcError as error:
            fail(error.message, error.code)
        except MemoryError:
            fail("not enough memory to load the data")
        except (typer.Exit, typer.Abort, KeyboardInterrupt, BrokenPipeError):
            raise
        except OSError as error:
            # Reading problems are DataErrors by now: what is left is writing the output.
            fail(f"cannot write the output: {error.strerror or error}")
        except Exception as error:
            if os.environ.get(DEBUG_ENV_VAR):
                raise
            # Typer's usage errors (its own click, or the click package before 0.26).
            if type(error).__module__.startswith(("typer", "click")):
                raise
            fail(
                f"internal error: {type(error).__name__}: {error} "
                f"(run with {DEBUG_ENV_VAR}=1 for a traceback, and please report it)"
            )


@contextmanager
def quiet_broken_pipe() -> Iterator[None]:
    """End quietly when the reader of stdout goes away (``| head``): exit 1, no traceback."""
    try:
        yield
    except BrokenPipeError:
        # Python's docs, "Note on SIGPIPE": silence the flush at interpreter exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(int(ExitCode.ERROR))
