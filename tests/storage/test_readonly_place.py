"""A read-only folder is reported clearly, naming the place and what to do."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kf5g_desktop.storage.errors import StorageError
from kf5g_desktop.storage.store import Store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def readonly_folder(tmp_path):
    """A folder nobody can write to: a read-only mount when we are root (root ignores file modes),
    else a folder with mode 0555."""
    folder = tmp_path / "只读文件夹"
    folder.mkdir()
    if os.geteuid() == 0:
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(folder)], capture_output=True
        )
        if done.returncode != 0:
            pytest.skip(f"cannot make a read-only mount here: {done.stderr!r}")
        yield folder
        subprocess.run(["umount", str(folder)], check=False)
    else:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)


def test_a_read_only_folder_is_named_in_the_message(readonly_folder):
    with pytest.raises(StorageError) as e:
        Store.open(readonly_folder / "kf5g.db")
    msg = str(e.value)
    assert "只读" in msg and str(readonly_folder) in msg and "--db" in msg


def test_the_command_line_says_it_in_one_line_without_a_traceback(readonly_folder):
    cli = subprocess.run(
        [
            sys.executable,
            "-m",
            "kf5g_desktop",
            "init",
            "--unit",
            "410221",
            "--db",
            str(readonly_folder / "k.db"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert cli.returncode == 2
    assert "只读" in cli.stderr and "Traceback" not in cli.stderr
    assert len(cli.stderr.strip().splitlines()) == 1
