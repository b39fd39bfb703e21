"""The interrupt handler's cleanup, which may run in the middle of any import."""

from __future__ import annotations

import builtins
from pathlib import Path

import pytest

from zgc_cli import interrupts


def test_with_nothing_staged_the_cleanup_imports_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    # A Ctrl-C that lands while `copy` imports `copyreg` ran a cleanup that imported
    # shutil, whose imports met the half-made copyreg: a traceback instead of exit 130.
    imported: list[str] = []
    real_import = builtins.__import__

    def recording_import(name: str, *args: object, **kwargs: object) -> object:
        imported.append(name)
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(interrupts, "_STAGED", [])
    builtins.__import__ = recording_import
    try:
        interrupts.remove_staged()
    finally:
        builtins.__import__ = real_import
    assert imported == []


def test_a_staged_folder_is_removed_by_the_cleanup(tmp_path: Path) -> None:
    folder = tmp_path / "staging"
    folder.mkdir()
    (folder / "part.csv").write_text("metric\n", encoding="utf-8")
    interrupts.stage(str(folder))
    interrupts.remove_staged()
    assert not folder.exists()
    assert interrupts._STAGED == []
