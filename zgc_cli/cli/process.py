"""The process policy the ``zgc`` console script follows: streams, exits, pipes and signals.

* Ctrl-C at any moment ends zgc with exit code 130 and no traceback (the handler
  is installed by :mod:`zgc_cli.__main__` before Typer, pandas or Rich is imported;
  :mod:`zgc_cli.interrupts` removes the staging folders of unfinished ``-o`` files);
* a reader that stops early (``| head``) ends zgc quietly (no message) with exit
  code 1, whether it left before zgc wrote or while it was writing: the same code
  click and Rich give when they meet the closed pipe first, and Python's own advice;
* output that cannot be written (``> /dev/full``) is one line on stderr, exit 1;
* a problem a person can fix is one line on stderr (:class:`~zgc_cli.cli.group.ZgcGroup`
  and :func:`zgc_cli.env.fail`), with an exit code of :class:`~zgc_cli.errors.ExitCode`;
* pipes and files get UTF-8 whatever the locale says (as pip and git write), and a
  terminal that cannot show a character gets a replacement, not a crash.

Standard library only.
"""

import codecs
import errno
import os
import sys
from collections.abc import Callable
from typing import Any, NoReturn

from zgc_cli.env import fail, is_tty
from zgc_cli.errors import ExitCode
from zgc_cli.words import phrase


def _encodes(encoding: str | None, sample: str) -> bool:
    try:
        sample.encode(encoding or "ascii")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def configure_streams() -> None:
    """UTF-8 for pipes and files whatever the locale; replacements on a narrow terminal."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        if not is_tty(stream):
            if codecs.lookup(stream.encoding or "ascii").name != "utf-8":
                reconfigure(encoding="utf-8")
        elif not _encodes(stream.encoding, "中关村—→×▁█"):
            reconfigure(errors="replace")


def recover_utf8_arguments(arguments: list[str]) -> list[str]:
    """Arguments as UTF-8 when the locale decoded them as something else (C locale).

    Under ``LC_ALL=C`` Python reads ``专利`` as undecodable bytes; a person typed UTF-8.
    """
    recovered: list[str] = []
    for argument in arguments:
        try:
            recovered.append(os.fsencode(argument).decode("utf-8"))
        except UnicodeDecodeError:
            recovered.append(argument)
    return recovered


def silence_stdout() -> None:
    """Point stdout at devnull, so the interpreter's last flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def run(app: Callable[[], Any]) -> NoReturn:
    """Run the Typer app under zgc's exit, pipe and write-failure policy (see the module)."""
    try:
        try:
            app()
        finally:
            if sys.stdout is not None:
                sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()
        sys.exit(int(ExitCode.ERROR))
    except OSError as error:
        # What reaches here is a write of --help, --version or the last flush of stdout.
        silence_stdout()
        reason = error.strerror or errno.errorcode.get(error.errno or 0, str(error))
        fail(phrase("run.cannot_write", reason=reason))
    except KeyboardInterrupt:  # only where zgc_cli.__main__ did not install its handler
        sys.exit(130)
    sys.exit(int(ExitCode.OK))
