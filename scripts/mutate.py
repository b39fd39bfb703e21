"""Run mutmut with a mutation config other than pyproject's, on a copy of the tree.

mutmut reads its settings from ./pyproject.toml only. This copies the files git tracks
(as they are in the work tree) to ``.mutation/<name>/``, puts the config's
``[tool.mutmut]`` table in place of pyproject's there, and runs ``mutmut run`` (with the
arguments after ``--``) and ``mutmut results`` in that copy:

    python scripts/mutate.py mutation/check.toml -- --max-children 1

Rerunning keeps the copy's mutants/ (mutmut resumes); ``--fresh`` starts over.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("config", type=Path, help="a TOML file with a [tool.mutmut] table")
    parser.add_argument("--fresh", action="store_true", help="drop the copy's mutants/ first")
    args, rest = parser.parse_known_args()
    mutmut_args = [arg for arg in rest if arg != "--"]

    config = (REPO / args.config).read_text(encoding="utf-8")
    start = re.search(r"(?m)^\[tool\.mutmut\]$", config)
    if start is None:
        parser.error(f"{args.config} has no [tool.mutmut] table")
    table = config[start.start() :]
    work = REPO / ".mutation" / args.config.stem
    if args.fresh and work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True, exist_ok=True)
    tracked = subprocess.run(
        ["git", "ls-files", "-z"], cwd=REPO, check=True, capture_output=True, text=True
    ).stdout.split("\0")
    for name in filter(None, tracked):
        source, target = REPO / name, work / name
        if source.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    pyproject = (work / "pyproject.toml").read_text(encoding="utf-8")
    # pyproject's own [tool.mutmut] table ends where the next table starts.
    pyproject = re.sub(r"(?ms)^\[tool\.mutmut\]\n.*?(?=^\[)", "", pyproject)
    (work / "pyproject.toml").write_text(pyproject + "\n" + table, encoding="utf-8")
    run = subprocess.run(["mutmut", "run", *mutmut_args], cwd=work)
    subprocess.run(["mutmut", "results"], cwd=work)
    return run.returncode


if __name__ == "__main__":
    sys.exit(main())
