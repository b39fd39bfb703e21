"""The shell completion callbacks the options name, each importing :mod:`zgc_cli.completion`
when a TAB asks for it.

Typer needs the callbacks when it builds a command, on every run; what they read (the
data's ids, names and years, a cache file) is needed on a TAB only, so ``--help`` and
every command's start leave :mod:`zgc_cli.completion` and its readers unimported.
Typer tells a callback's arguments apart by their names (``ctx``, ``incomplete``).

No ``from __future__ import annotations``, as in the command modules.
"""

from typing import Any


def complete_metrics(ctx: Any, incomplete: str) -> list[str]:
    from zgc_cli import completion

    return completion.complete_metrics(ctx, incomplete)


def complete_entities(ctx: Any, incomplete: str) -> list[str]:
    from zgc_cli import completion

    return completion.complete_entities(ctx, incomplete)


def complete_years(ctx: Any, incomplete: str) -> list[str]:
    from zgc_cli import completion

    return completion.complete_years(ctx, incomplete)


def complete_statuses(ctx: Any, incomplete: str) -> list[str]:
    from zgc_cli import completion

    return completion.complete_statuses(ctx, incomplete)


def complete_categories(ctx: Any, incomplete: str) -> list[str]:
    from zgc_cli import completion

    return completion.complete_categories(ctx, incomplete)
