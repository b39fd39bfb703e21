"""The ``zgc`` console script and ``python -m zgc_cli``.

The interrupt policy is installed the moment this module is imported, before
Typer, pandas or Rich: Ctrl-C during their imports is an exit 130 too, never a
traceback. (Only the console script and ``python -m`` import this module; the
library, ``import zgc_cli``, leaves the signal alone.)
"""

import gc
import os
import signal
import sys

from zgc_cli import interrupts

INTERRUPTED = 130  # 128 + SIGINT, as shells report it
# Objects made before the cyclic collector looks at the youngest ones (700 by default).
# Importing pandas, Typer and Rich leaves some 57,000 objects for it to track, all living
# until exit, and with the default it ran 173 times in `zgc metrics revenue`, scanning
# them again and again: 46-55 ms of every command (mypy's command line raises it too).
# Cycles of garbage are still collected, only less often; the library, imported as
# ``zgc_cli``, leaves the collector alone.
YOUNGEST_THRESHOLD = 200_000


def _interrupted(signum: int, frame: object) -> None:
    # No unwinding can be trusted halfway through an import or a write: leave at once,
    # removing only the staging folders of unfinished -o files.
    interrupts.remove_staged()
    os._exit(INTERRUPTED)


def _ended(signum: int, frame: object) -> None:
    # kill or a closed terminal: the same cleanup, then the signal's own death, so
    # the parent sees the process killed by it, as before.
    interrupts.remove_staged()
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


signal.signal(signal.SIGINT, _interrupted)
for _name in ("SIGTERM", "SIGHUP"):
    if hasattr(signal, _name) and signal.getsignal(getattr(signal, _name)) == signal.SIG_DFL:
        signal.signal(getattr(signal, _name), _ended)
# A parent may start zgc with SIGINT blocked (the tests do, and watch SigBlk in
# /proc/PID/status to learn that the handler is in place); a Ctrl-C held back until
# now is delivered here, to the handler, never to Python's KeyboardInterrupt.
if hasattr(signal, "pthread_sigmask"):
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def main() -> None:
    """Console-script entry point (see :mod:`zgc_cli.cli.process` for the exit policy)."""
    gc.set_threshold(YOUNGEST_THRESHOLD, *gc.get_threshold()[1:])
    if sys.stdout is None:  # started with stdout closed (`zgc ... >&-`)
        sys.stderr.write("zgc: error: standard output is closed\n")
        sys.exit(1)
    from zgc_cli.cli.app import app_for
    from zgc_cli.cli.process import configure_streams, recover_utf8_arguments, run

    configure_streams()
    sys.argv = recover_utf8_arguments(sys.argv)
    run(app_for(sys.argv[1:]))


if __name__ == "__main__":
    main()
