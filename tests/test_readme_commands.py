"""Every ``zgc …`` command of README.md runs as shown, as a new user would run it.

The commands are taken from the README itself (inline code and console blocks), so a
command added there is tried here. Each runs in a real shell, in a fresh folder
holding what the README tells a reader to have (the article as ``news.txt`` and
``article.txt``, a ``mine.csv``, the repository's ``data/``), in document order (an
``extract -o draft.csv`` comes before the ``verify --data draft.csv`` that reads
it). A command fails the test when it exits non-zero where the README does not
say it may, or when it asks for an extra (``pip install 'zgc[…]'``) that the quick
start should have installed.

Run against another installation (a fresh venv that followed the quick start)::

    python tests/test_readme_commands.py /path/to/venv/bin/zgc
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
ZGC = Path(sys.executable).parent / "zgc"
SAMPLE = "metric,entity,year,value,unit\nrevenue,zgc,2014,3600000000000,CNY\n"

# Commands the README says may exit non-zero, and the exit codes it documents.
DOCUMENTED_EXITS: dict[str, set[int]] = {
    # "exits 1 on an unexplained change": the later publication revises some figures.
    "zgc diff --as-of 2024-05 --as-of 2024-12": {0, 1},
    "zgc diff --as-of 2024-05 --as-of 2024-12 --lang en": {0, 1},
    "zgc diff data/metrics.csv data/sources/beijing-2024/metrics.csv --partial -f csv": {0, 1},
    # "exits 1 on any failure": an extracted draft is to be reviewed before it verifies.
    "zgc verify --data draft.csv --article news.txt": {0, 1},
}
# Not commands to run as they stand: one changes the reader's own setup; the others name a
# command or an option in prose (`zgc diff` exits 1, "`zgc plot --indexed` (its data…)").
NOT_RUN = {"zgc --install-completion", "zgc diff", "zgc plot --indexed", "zgc verify --article"}
# What the reader fills in where the README elides it.
FILLED_IN = {'"…"': '"A title"', "https://…": "https://example.org/article"}
# Placeholders a reader replaces (COMMAND, ID, FILE, [YEAR], A, B) or elides (…).
PLACEHOLDER = re.compile(r"(^|\s)(\[|[A-Z]{1,}\b(?![a-z]))|…")
# Programs after a pipe or && that are not zgc: the README's reader may not have them.
OTHER_PROGRAM = re.compile(r"\s*(\||&&)\s*(?!zgc\b)[\w.-]+.*$")


def _bare_names_needing_arguments() -> set[str]:
    """``zgc cite``, ``zgc compare``: a command's name in prose, not a command to run."""
    from typer.main import get_command

    from zgc_cli.cli import app

    group = get_command(app)
    return {
        f"zgc {name}"
        for name, command in group.commands.items()  # type: ignore[attr-defined]
        if any(param.required for param in command.params)
    }


def readme_commands(text: str) -> list[str]:
    """Every zgc command of a README, in document order, each once, as a shell would run it."""
    found: list[str] = []
    in_block = False
    for line in text.splitlines():
        if line.startswith("```"):
            in_block = not in_block
            continue
        if in_block:
            # `$ zgc …`, or the quick start's `python3 -m venv … && zgc …`
            started = re.search(r"(?:^|&&\s*)(zgc .*)", line.strip().removeprefix("$ "))
            if started:
                found.append(started.group(1))
            continue
        found.extend(re.findall(r"`(zgc [^`]+)`", line))
    # Inline code may run over a line break of the paragraph.
    for span in re.findall(r"`(zgc [^`]*\n[^`]*)`", text):
        found.append(span)
    commands: list[str] = []
    bare = _bare_names_needing_arguments()
    for raw in found:
        command = " ".join(raw.replace("\\|", "|").split())
        command = re.sub(r"\s+#\s.*$", "", command)  # a comment after the command
        command = OTHER_PROGRAM.sub("", command)
        for elided, filled in FILLED_IN.items():
            command = command.replace(elided, filled)
        if PLACEHOLDER.search(command) or command in NOT_RUN or command in bare:
            continue
        if command not in commands:
            commands.append(command)
    return commands


def reader_folder(folder: Path) -> Path:
    """A folder with what the README asks its reader to have."""
    article = REPO / "tests" / "fixtures" / "article.txt"
    for name in ("news.txt", "article.txt"):
        shutil.copyfile(article, folder / name)
    (folder / "mine.csv").write_text(SAMPLE, encoding="utf-8")
    (folder / "data").symlink_to(REPO / "data")
    return folder


def run_in_shell(command: str, zgc: Path, folder: Path) -> subprocess.CompletedProcess[str]:
    # `zgc` in the command is the installation under test, whatever PATH holds.
    script = f'set -o pipefail; zgc() {{ {shlex.quote(str(zgc))} "$@"; }}; {command}'
    return subprocess.run(
        ["bash", "-c", script],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,  # `zgc mcp` serves until its input ends
        cwd=folder,
        env={"PATH": "/usr/bin:/bin", "HOME": str(folder), "COLUMNS": "100", "TERM": "dumb"},
        timeout=300,
    )


def problems(zgc: Path, folder: Path) -> list[str]:
    """What goes wrong running every README command: one line each."""
    said = []
    for command in readme_commands(README.read_text(encoding="utf-8")):
        done = run_in_shell(command, zgc, folder)
        allowed = DOCUMENTED_EXITS.get(command, {0})
        if done.returncode not in allowed:
            said.append(f"{command}: exit {done.returncode}: {done.stderr.strip()[-300:]}")
        elif "pip install 'zgc[" in done.stderr:
            said.append(f"{command}: needs an extra: {done.stderr.strip()[-300:]}")
    return said


def test_the_readme_commands_are_found() -> None:
    commands = readme_commands(README.read_text(encoding="utf-8"))
    assert "zgc compare 2013 2023 --tolerance 1" in commands
    assert "zgc compare 2012 2022 --status reported" in commands  # over a line break
    assert "zgc export | zgc export --data -" in commands  # a pipe between two zgc
    assert "zgc compare 2014 2023" in commands  # `| csvlook` left out
    assert not [command for command in commands if re.search(r"\b(COMMAND|FILE|ID)\b", command)]
    assert "zgc cite" not in commands and "zgc metrics" in commands


# What a command needs beyond the default install (each names its extra when it lacks it).
EXTRA_OF: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r"^zgc plot .*(-o|--output)\s"), ("plot",)),
    # The page's charts are drawn as `plot -o` draws them; without matplotlib, a warning.
    (re.compile(r"^zgc report\b"), ("report", "plot")),
    (re.compile(r"(-o|--output)\s+\S+\.xlsx\b"), ("excel",)),
    (re.compile(r"^zgc mcp\b"), ("mcp",)),
    # APA is cite's default in English (GB/T 7714 under --lang zh needs nothing).
    (
        re.compile(r"^zgc cite (?!.*--lang zh)(?!.*--style (gbt7714|bibtex|ris|csl-json))"),
        ("cite",),
    ),
)


def _extras(requirement: str, table: dict[str, list[str]]) -> set[str]:
    """The extras a ``.[a,b]`` or ``zgc[a,b]`` requirement installs, nested ones included."""
    named = re.search(r"\[([^\]]*)\]", requirement)
    found: set[str] = set()
    for extra in named.group(1).split(",") if named else []:
        extra = extra.strip()
        found.add(extra)
        for inner in table.get(extra, []):
            found |= _extras(inner, table)
    return found


def test_the_quick_start_installs_every_extra_the_readme_commands_use() -> None:
    import tomllib

    text = README.read_text(encoding="utf-8")
    quick_start = text[text.index("## Quick start") : text.index("## Commands")]
    install = re.search(r"pip install (\S+) && zgc ", quick_start)
    assert install, "the quick start's one line installs zgc and runs it"
    table = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    installed = _extras(install.group(1).strip("'\""), table)
    needed = {
        extra
        for command in readme_commands(text)
        for pattern, extras in EXTRA_OF
        if pattern.search(command)
        for extra in extras
    }
    assert needed == {"plot", "report", "excel", "cite", "mcp"}  # the table still matches
    assert needed <= installed, sorted(needed - installed)


@pytest.mark.slow
@pytest.mark.skipif(not ZGC.exists(), reason="zgc is not installed beside python")
def test_every_readme_command_runs_as_shown(tmp_path: Path) -> None:
    assert problems(ZGC, reader_folder(tmp_path)) == []


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as place:
        found = problems(Path(sys.argv[1]).resolve(), reader_folder(Path(place)))
    print("\n".join(found) or "every README command ran as shown")
    raise SystemExit(1 if found else 0)
