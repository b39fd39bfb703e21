"""The ``zgc`` command line: Typer only.

Each command parses its options, then Dataset → stats (or check) → emit(result, env),
or, for a document (``cite``, ``plot``, ``report``), env.write_document. The package:

* :mod:`~zgc_cli.cli.app`: the Typer app, its callback and the list of commands;
* :mod:`~zgc_cli.cli.options`: the shared options, declared once, and the values they
  are gathered into (a :class:`~zgc_cli.stats.selection.Selection` for the stats layer);
* :mod:`~zgc_cli.cli.figures`, :mod:`~zgc_cli.cli.provenance`,
  :mod:`~zgc_cli.cli.documents`, :mod:`~zgc_cli.cli.drafts`,
  :mod:`~zgc_cli.cli.services`: the commands, a few to a module;
* :mod:`~zgc_cli.cli.group`: the command group (a problem is one line on stderr) and
  the help's option panels;
* :mod:`~zgc_cli.cli.completers`: the options' shell completion callbacks, which
  import :mod:`zgc_cli.completion` on a TAB only;
* :mod:`~zgc_cli.cli.process`: the process policy (streams, exits, pipes, signals).

Only the standard library, Typer and zgc's light modules are imported at the top:
``--help``, ``--version`` and shell completion never pay for pandas. Heavy modules
are imported inside the commands that need them, and the app a run builds holds only
what its command line can reach (:func:`~zgc_cli.cli.app.app_for`).

No ``from __future__ import annotations`` in the command modules: Typer reads every
command's annotations on every run, and evaluating them as strings cost ~6 ms a run.
"""

from zgc_cli.cli.app import app
from zgc_cli.cli.figures import SortKey
from zgc_cli.cli.group import ZgcCommand, ZgcGroup

__all__ = ["SortKey", "ZgcCommand", "ZgcGroup", "app"]
