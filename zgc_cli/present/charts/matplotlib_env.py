"""matplotlib as zgc runs it: a writable config directory, and its warnings in zgc's words.

What matplotlib would say on stderr is zgc's to say: its Python warnings and
its log records are caught while a chart is made and come back as zgc's
warnings (a character no font draws is named once), and a home where its
config and cache cannot be written gets a private temporary directory
(:func:`ensure_matplotlib_config_dir`) before matplotlib is imported.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import re
import shutil
import stat
import sys
import tempfile
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path

from zgc_cli.present.charts import fonts
from zgc_cli.present.charts.terminal import PlotDependencyError
from zgc_cli.present.safe import visible
from zgc_cli.words import Language, message, phrase

_GLYPH_MISSING = re.compile(r"Glyph (\d+) .*missing from font")
# matplotlib's log lines that tell nothing a zgc user can act on.
_QUIET_LOGS = ("building the font cache",)
_CONFIG_DIR_PREFIX = "zgc-matplotlib-"


def _writable_dir(path: Path) -> bool:
    """Whether matplotlib could use ``path`` as it does: make it, then write in it."""
    try:
        path = path.resolve()
        path.mkdir(parents=True, exist_ok=True)
    except (OSError, RuntimeError):
        return False
    return path.is_dir() and os.access(path, os.W_OK)


def _default_matplotlib_dirs() -> list[Path] | None:
    """The config and cache directories matplotlib would use, or None if there is no home."""
    configured = os.environ.get("MPLCONFIGDIR")
    if configured:
        return [Path(configured)]
    try:
        if sys.platform.startswith(("linux", "freebsd")):
            config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
            cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
            return [Path(config, "matplotlib"), Path(cache, "matplotlib")]
        local = os.environ.get("LOCALAPPDATA") if sys.platform == "win32" else None
        return [Path(local, "matplotlib") if local else Path.home() / ".matplotlib"]
    except (RuntimeError, KeyError, OSError):  # no home: HOME unset and no passwd entry
        return None


def _private_dir(path: Path) -> bool:
    """Whether ``path`` is a real directory of this user's, closed to everyone else."""
    try:
        info = path.lstat()
    except OSError:
        return False
    owner_ok = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return stat.S_ISDIR(info.st_mode) and owner_ok and not info.st_mode & 0o077


def _temporary_config_dir() -> str:
    """This user's private zgc-matplotlib directory in the temp dir (kept: the font
    cache takes seconds to build), or a fresh one removed at exit when that is taken."""
    user = str(os.getuid()) if hasattr(os, "getuid") else (os.environ.get("USERNAME") or "user")
    shared = Path(tempfile.gettempdir()) / f"{_CONFIG_DIR_PREFIX}{user}"
    with contextlib.suppress(OSError):
        shared.mkdir(mode=0o700)
    if _private_dir(shared) and os.access(shared, os.W_OK):
        return str(shared)
    fresh = tempfile.mkdtemp(prefix=_CONFIG_DIR_PREFIX)
    atexit.register(shutil.rmtree, fresh, ignore_errors=True)
    return fresh


def ensure_matplotlib_config_dir() -> None:
    """Point MPLCONFIGDIR at a private temporary directory when matplotlib's is not writable.

    Must run before matplotlib is imported: matplotlib otherwise logs two lines
    on stderr (``mkdir -p failed``, ``created a temporary cache directory``)
    and rebuilds its font cache on every run.
    """
    if "matplotlib" in sys.modules:
        return
    directories = _default_matplotlib_dirs()
    if directories is not None and all(_writable_dir(path) for path in directories):
        return
    with contextlib.suppress(OSError):  # no temp dir either: matplotlib says so itself
        os.environ["MPLCONFIGDIR"] = _temporary_config_dir()


def import_matplotlib() -> None:
    ensure_matplotlib_config_dir()
    try:
        import matplotlib  # noqa: F401
    except ImportError as error:
        hint = fonts.FONT_INSTALL_HINT
        raise PlotDependencyError(phrase("chart.needs_matplotlib", hint=hint)) from error


class _Collected(logging.Handler):
    """Keeps matplotlib's log records (warnings and worse) for zgc to report."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.texts: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if not any(quiet in text for quiet in _QUIET_LOGS):
            self.texts.append(text)


@contextlib.contextmanager
def matplotlib_speaks_through_zgc() -> Iterator[tuple[list[warnings.WarningMessage], _Collected]]:
    """Catch matplotlib's Python warnings and log records instead of letting them reach stderr."""
    logger = logging.getLogger("matplotlib")
    handler = _Collected()
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield caught, handler
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def reported(
    caught: Sequence[warnings.WarningMessage],
    logged: Sequence[str],
    lang: Language,
    boxes_reported: bool,
) -> list[str]:
    """What matplotlib said, in zgc's words: one line for every character no font draws."""
    missing: dict[str, None] = {}
    others: dict[str, None] = {}
    for warning in caught:
        text = str(warning.message)
        glyph = _GLYPH_MISSING.search(text)
        if glyph:
            character = chr(int(glyph.group(1)))
            if not (boxes_reported and fonts.is_cjk(character)):
                missing[character] = None
        else:
            others[text] = None
    for text in logged:
        others[text] = None
    lines = []
    if missing:
        characters = ", ".join(f"{visible(c)} (U+{ord(c):04X})" for c in sorted(missing))
        lines.append(message("chart.no_glyph", lang, characters=characters))
    lines.extend("matplotlib: " + " ".join(visible(text).split()) for text in others)
    return lines
