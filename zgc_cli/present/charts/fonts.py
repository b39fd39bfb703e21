"""Find a font that draws Chinese for matplotlib, on a machine with no system CJK fonts.

A fresh Debian or a slim container has no CJK font, and matplotlib then draws
every Han character as an empty box. The ``plot`` extra installs
``pylopdf-fonts-zh-cn``, a data-only package of Noto Sans SC (SIL OFL 1.1); a
CJK font the system or another package already has is used too. Each candidate
is checked against the characters actually drawn, so a Japanese-only font that
lacks simplified forms (关, 园, 亿) is never chosen.

matplotlib is imported lazily: this module costs nothing until a chart is drawn.
"""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Iterable, Iterator
from pathlib import Path

FONT_INSTALL_HINT = "pip install 'zgc[plot]'"

# (package, font file inside it), first found wins: Noto Sans SC has the
# mainland glyph forms; mplfonts ships the same family as a fallback.
_PACKAGE_FONTS: tuple[tuple[str, str], ...] = (
    ("pylopdf_fonts_zh_cn", "NotoSansSC-Regular.otf"),
    ("mplfonts", "fonts/NotoSansCJKsc-Regular.otf"),
)
# System families known to cover simplified Chinese, in order of preference.
_SYSTEM_FAMILIES: tuple[str, ...] = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "Heiti SC",
    "SimHei",
    "Droid Sans Fallback",
    "Noto Sans CJK JP",
    "Arial Unicode MS",
)


def is_cjk(character: str) -> bool:
    """Whether a character is one that Latin fonts lack: Han, CJK punctuation, fullwidth forms."""
    code = ord(character)
    return (
        0x2E80 <= code <= 0x9FFF  # radicals, CJK symbols and punctuation, kana, Han
        or 0xF900 <= code <= 0xFAFF  # compatibility ideographs
        or 0xFE30 <= code <= 0xFE4F  # vertical and compatibility forms
        or 0xFF00 <= code <= 0xFFEF  # fullwidth forms: （ ） ，
        or 0x20000 <= code <= 0x3FFFF  # Han extensions
    )


def cjk_characters(texts: Iterable[str]) -> set[str]:
    """The characters in ``texts`` that need a CJK font."""
    return {character for text in texts for character in text if is_cjk(character)}


@functools.cache
def _package_font_paths() -> tuple[Path, ...]:
    """The CJK font files installed packages ship (looked up once a process: the report
    asks for each of its charts)."""
    return tuple(_found_package_fonts())


def _found_package_fonts() -> Iterator[Path]:
    for package, relative in _PACKAGE_FONTS:
        try:
            spec = importlib.util.find_spec(package)
        except (ImportError, ValueError):
            continue
        if spec is None or not spec.submodule_search_locations:
            continue
        for location in spec.submodule_search_locations:
            path = Path(location) / relative
            if path.is_file():
                yield path


@functools.cache
def _system_font_paths() -> tuple[Path, ...]:
    """The system's files of the CJK families, in order of preference (read once a process)."""
    from matplotlib import font_manager

    by_family: dict[str, list[Path]] = {}
    for entry in font_manager.fontManager.ttflist:
        by_family.setdefault(entry.name, []).append(Path(entry.fname))
    return tuple(path for family in _SYSTEM_FAMILIES for path in by_family.get(family, []))


@functools.cache
def _charmap(path: Path) -> frozenset[int]:
    from matplotlib import ft2font

    try:
        return frozenset(ft2font.FT2Font(str(path)).get_charmap())
    except (OSError, RuntimeError, ValueError):
        return frozenset()


@functools.cache
def _register(path: Path) -> str:
    """Add a font file to matplotlib's font manager (once) and return its family name."""
    from matplotlib import font_manager

    font_manager.fontManager.addfont(str(path))
    return str(font_manager.FontProperties(fname=str(path)).get_name())


def find_cjk_font(characters: Iterable[str] = "中关村总收入亿万") -> Path | None:
    """The first font file that draws every one of ``characters``, or None."""
    wanted = {ord(character) for character in characters}
    for path in _package_font_paths():
        if wanted <= _charmap(path):
            return path
    # The system's fonts only where no package's draws them (listing them costs more).
    for path in _system_font_paths():
        if wanted <= _charmap(path):
            return path
    return None


def cjk_font_family(characters: Iterable[str] = "中关村总收入亿万") -> str | None:
    """The matplotlib family name of a font that draws ``characters``, registered; or None."""
    path = find_cjk_font(characters)
    return None if path is None else _register(path)
