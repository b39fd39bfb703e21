"""``-o`` at its edges (issue 25, items 10 and 15): interrupted writes, links, owners, modes.

An interrupted write leaves the old file and nothing beside it; the file written
keeps its links, hard links, owner and mode; a write-protected file and a name
ending in ``/`` are refused, each in one line.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.test_installed import clean_env
from zgc_cli.cli import app

runner = CliRunner()
DATA = "metric,year,value\nm,2014,1\n"
OLD = "old,file\n"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "in" / "data.csv"
    path.parent.mkdir()
    path.write_text(DATA)
    return path


def export_to(data: Path, target: str) -> tuple[int, str]:
    result = runner.invoke(app, ["export", "--data", str(data), "-o", target])
    return result.exit_code, result.stderr


def test_a_write_protected_file_is_refused_and_kept(tmp_path: Path, data: Path) -> None:
    """Before: replaced (a new file took its name), as root and as anyone whose folder allows."""
    target = tmp_path / "kept.csv"
    target.write_text(OLD)
    target.chmod(0o444)
    code, stderr = export_to(data, str(target))
    assert code == 1
    assert stderr == (
        f"zgc: error: refusing to write {target}: it is write-protected (mode 0444); make it "
        "writable (chmod u+w) or write to another file\n"
    )
    assert target.read_text() == OLD
    assert sorted(os.listdir(tmp_path)) == ["in", "kept.csv"]


def test_a_dangling_link_stays_a_link_to_the_file_written(tmp_path: Path, data: Path) -> None:
    """Before: the link became a file and the file it names was never made."""
    link = tmp_path / "out.csv"
    link.symlink_to("made.csv")
    code, stderr = export_to(data, str(link))
    assert code == 0, stderr
    assert link.is_symlink() and os.readlink(link) == "made.csv"
    assert (tmp_path / "made.csv").read_text() == DATA


def test_hard_links_keep_sharing_the_file(tmp_path: Path, data: Path) -> None:
    """Before: os.replace split them: the other name kept the old bytes."""
    target = tmp_path / "a.csv"
    target.write_text(OLD * 1000)
    os.link(target, tmp_path / "b.csv")
    inode = target.stat().st_ino
    code, stderr = export_to(data, str(target))
    assert code == 0, stderr
    assert target.stat().st_ino == inode
    assert (tmp_path / "b.csv").read_text() == DATA
    assert sorted(os.listdir(tmp_path)) == ["a.csv", "b.csv", "in"]


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another user needs root")
def test_the_owner_and_mode_are_kept(tmp_path: Path, data: Path) -> None:
    """Before: the replacement belonged to whoever ran zgc."""
    target = tmp_path / "owned.csv"
    target.write_text(OLD)
    target.chmod(0o640)
    os.chown(target, 4321, 4321)
    code, stderr = export_to(data, str(target))
    assert code == 0, stderr
    status = target.stat()
    assert (status.st_uid, status.st_gid, status.st_mode & 0o777) == (4321, 4321, 0o640)
    assert target.read_text() == DATA


def test_a_name_ending_in_a_slash_is_refused(tmp_path: Path, data: Path) -> None:
    """Before: ``x.csv/`` wrote a file x.csv."""
    code, stderr = export_to(data, f"{tmp_path}/x.csv/")
    assert code == 1
    assert stderr == (
        f"zgc: error: cannot write {tmp_path}/x.csv/: a name ending in / is a folder's, "
        "and there is no such folder\n"
    )
    assert sorted(os.listdir(tmp_path)) == ["in"]


def test_a_file_in_the_way_of_the_folder_is_named(tmp_path: Path, data: Path) -> None:
    """Before: "no folder notes.txt", which is there, as a file."""
    (tmp_path / "notes.txt").write_text("x")
    code, stderr = export_to(data, str(tmp_path / "notes.txt" / "x.csv"))
    assert stderr == (
        f"zgc: error: cannot write {tmp_path}/notes.txt/x.csv: {tmp_path}/notes.txt is a file, "
        "not a folder\n"
    )
    zh = runner.invoke(
        app, ["export", "--data", str(data), "-o", f"{tmp_path}/notes.txt/x.csv", "--lang", "zh"]
    )
    assert zh.stderr.endswith(f"{tmp_path}/notes.txt 是文件，不是文件夹\n")


@pytest.mark.skipif(os.geteuid() == 0, reason="root enters every folder")
def test_a_folder_that_cannot_be_entered_is_named(tmp_path: Path, data: Path) -> None:
    locked = tmp_path / "locked"
    (locked / "inner").mkdir(parents=True)
    locked.chmod(0o600)
    try:
        code, stderr = export_to(data, str(locked / "inner" / "x.csv"))
    finally:
        locked.chmod(0o700)
    assert code == 1
    assert stderr.endswith(f"permission denied (cannot enter {locked})\n"), stderr


# --- 10. interrupted writes ------------------------------------------------------------------

INTERRUPTED_WRITE = textwrap.dedent(
    """
    import os, signal, sys
    # As a terminal starts zgc: a test runner started under nohup ignores SIGHUP, and
    # zgc leaves an ignored signal ignored (the child would then finish its write).
    signal.signal(signal.SIGHUP, signal.SIG_DFL)
    import zgc_cli.__main__  # the handlers zgc runs with
    from pathlib import Path
    from zgc_cli.present.files import atomic_output

    target = Path(sys.argv[1])
    with atomic_output(target) as stream:
        stream.write("new,half\\n" * 1000)
        stream.flush()
        os.kill(os.getpid(), getattr(signal, sys.argv[2]))
        stream.write("never")
    """
)


@pytest.mark.slow
@pytest.mark.parametrize(("name", "code"), [("SIGINT", 130), ("SIGTERM", -15), ("SIGHUP", -1)])
def test_an_interrupted_write_leaves_the_old_file_and_nothing_beside_it(
    tmp_path: Path, name: str, code: int
) -> None:
    """Before: a hidden .NAME.*.zgc/ staging folder stayed, with the partial file in it."""
    target = tmp_path / "out.csv"
    target.write_text(OLD)
    result = subprocess.run(
        [sys.executable, "-c", INTERRUPTED_WRITE, str(target), name],
        capture_output=True,
        env=clean_env(),
        timeout=60,
    )
    assert result.returncode == code, result.stderr
    assert os.listdir(tmp_path) == ["out.csv"]
    assert target.read_text() == OLD
    assert signal.getsignal(signal.SIGINT) is not None  # the test process is left as it was


# --- 7 and 13. workbooks: a text too long for a cell, a full disk ---------------------------


def test_a_text_longer_than_an_xlsx_cell_is_refused_not_cut(tmp_path: Path) -> None:
    """Before: openpyxl cut it at 32,767 characters and zgc exited 0."""
    pytest.importorskip("openpyxl")
    data = tmp_path / "long.csv"
    data.write_text("metric,year,value,quote\nm,2014,1,short\nm,2015,2," + "长" * 40_000 + "\n")
    target = tmp_path / "out.xlsx"
    code, stderr = export_to(data, str(target))
    assert code == 1
    assert stderr == (
        "zgc: error: an .xlsx cell holds at most 32,767 characters; row 3's 'quote' has 40,000: "
        "write .csv instead\n"
    )
    assert sorted(os.listdir(tmp_path)) == ["long.csv"]


def test_escapes_count_towards_the_cell_limit(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    data = tmp_path / "escaped.csv"
    data.write_text("metric,year,value,quote\nm,2014,1," + "\x1b" * 5_000 + "\n")
    code, stderr = export_to(data, str(tmp_path / "out.xlsx"))
    assert code == 1 and "row 2's 'quote' has 35,000" in stderr, stderr


FULL_DISK = textwrap.dedent(
    """
    import resource, signal, sys
    resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails: EFBIG
    sys.argv = ["zgc", "export", "-o", sys.argv[1]]
    from zgc_cli.__main__ import main
    main()
    """
)


@pytest.mark.slow
def test_a_full_disk_while_writing_xlsx_is_one_line(tmp_path: Path) -> None:
    """Before: an internal error (lxml's SerialisationError) and a 7-line "Exception ignored"."""
    pytest.importorskip("openpyxl")
    target = tmp_path / "out.xlsx"
    result = subprocess.run(
        [sys.executable, "-c", FULL_DISK, str(target)],
        capture_output=True,
        env=clean_env(),
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.decode() == f"zgc: error: cannot write {target}: File too large\n"
    assert os.listdir(tmp_path) == []
