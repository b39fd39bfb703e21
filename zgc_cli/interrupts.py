"""What an interrupted zgc leaves behind: the files it had finished, and nothing else.

``-o`` writes into a staging folder beside the target and moves the file into
place at the end. Ctrl-C, ``kill`` or a closed terminal end zgc at once (see
``zgc_cli.__main__``), without unwinding; their handler removes the staging
folders named here first. The steps that must not be cut (making and naming a
staging folder, writing a finished file into the target) hold the signals back
until they are done.

Standard library only: ``__main__`` imports it before anything else.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# Staging folders that exist now (removed when their write ends, or by the handler).
_STAGED: list[str] = []
HELD_SIGNALS = frozenset(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


@contextmanager
def held() -> Iterator[None]:
    """Hold SIGINT, SIGTERM and SIGHUP back for a step that must finish; they arrive after."""
    can_hold = hasattr(signal, "pthread_sigmask") and (
        threading.current_thread() is threading.main_thread()
    )
    if not can_hold:
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, HELD_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def stage(folder: str) -> None:
    """A staging folder the handler removes if zgc is interrupted before it is done."""
    import shutil  # noqa: F401  (loaded now, so that the handler never imports it)

    _STAGED.append(folder)


def unstage(folder: str) -> None:
    if folder in _STAGED:
        _STAGED.remove(folder)


def remove_staged() -> None:
    """Remove every staging folder still there (the interrupt handler's one cleanup).

    The handler may run in the middle of any import (start-up imports lazily): with
    nothing staged it imports nothing, since an import begun there can meet a module
    half made (``copyreg`` while ``copy`` loads) and fail. Once something is staged,
    ``stage`` has loaded ``shutil`` and the import below only looks it up.
    """
    if not _STAGED:
        return
    import shutil

    for folder in list(_STAGED):
        shutil.rmtree(folder, ignore_errors=True)
    _STAGED.clear()
