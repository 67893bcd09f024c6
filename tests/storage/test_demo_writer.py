"""The demo's writing process: rows arrive as they were sent (NULLs as NULL), in one transaction; its
errors come back as the storage layer knows them; it commits nothing when stopped or orphaned."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time

import pytest
from sqlalchemy.exc import DBAPIError, IntegrityError

from kf5g_desktop.storage.demo_writer import ProcessWriter
from kf5g_desktop.storage.errors import sqlite_problem
from kf5g_desktop.storage.session import db_error

SCHEMA = "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, x REAL, n INTEGER, d DATE)"


def _db(tmp_path):
    path = tmp_path / "w.db"
    con = sqlite3.connect(path)
    con.execute(SCHEMA)
    con.commit()
    con.close()
    return path


def _rows(path):
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT id, name, x, typeof(x), n, typeof(n), d FROM t ORDER BY id").fetchall()
    finally:
        con.close()


def test_rows_arrive_as_sent_with_their_nulls_in_one_transaction(tmp_path):
    path = _db(tmp_path)
    rows = [
        [i, f"站{i}", None if i % 3 == 0 else i / 7, None if i % 2 else i, "2021-03-0" + str(i % 9 + 1)]
        for i in range(1, 5001)
    ]
    w = ProcessWriter(path, ["PRAGMA journal_mode=OFF"])
    w.send([("t", ["id", "name", "x", "n", "d"], rows[:3000])])
    w.execute("CREATE INDEX ix_t_name ON t (name)")
    w.send([("t", ["id", "name", "x", "n", "d"], rows[3000:])])
    assert _rows(path) == []  # not committed yet (the reader sees the file as it was)
    w.close()
    got = _rows(path)
    assert len(got) == 5000
    for (i, name, x, x_type, n, n_type, d), want in zip(got, rows, strict=True):
        assert [i, name, x, n, d] == want
        assert x_type == ("null" if want[2] is None else "real") and n_type == (
            "null" if want[3] is None else "integer"
        )
    con = sqlite3.connect(path)
    assert con.execute("SELECT name FROM sqlite_master WHERE type = 'index'").fetchall() == [("ix_t_name",)]
    con.close()


def test_an_error_comes_back_as_sqlalchemy_raises_it_and_nothing_is_committed(tmp_path):
    path = _db(tmp_path)
    w = ProcessWriter(path, [])
    w.send([("t", ["id", "name"], [[1, "a"]])])
    w.send([("t", ["id", "name"], [[2, None]])])  # NOT NULL
    with pytest.raises(IntegrityError) as caught:
        for k in range(50):  # the child has stopped: a later send, or the close, says why
            w.send([("t", ["id", "name"], [[10 + k, "b"]])])
            time.sleep(0.05)
        w.close()
    assert "NOT NULL constraint failed: t.name" in str(caught.value)
    assert caught.value.orig.sqlite_errorname == "SQLITE_CONSTRAINT_NOTNULL"
    assert _rows(path) == []


def test_a_full_disk_is_said_as_the_storage_layer_says_it(tmp_path):
    path = _db(tmp_path)
    w = ProcessWriter(path, ["PRAGMA max_page_count=3"])  # a disk that holds three pages
    with pytest.raises(DBAPIError) as caught:
        w.send([("t", ["id", "name"], [[i, "x" * 200] for i in range(1, 2000)])])
        w.close()
    assert sqlite_problem(caught.value) is not None
    err = db_error(caught.value, path, write=True)
    assert err is not None and "磁盘" in str(err) and str(path) in str(err)
    assert _rows(path) == []


def test_abandon_stops_the_child_without_committing(tmp_path):
    path = _db(tmp_path)
    w = ProcessWriter(path, [])
    w.send([("t", ["id", "name"], [[1, "a"]])])
    w.abandon()
    assert not w._proc.is_alive()
    assert _rows(path) == []


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads the child's state from /proc")
def test_an_orphaned_child_ends_without_committing(tmp_path):
    """The demo killed (SIGKILL, a crash): its writing process sees the pipe close and ends."""
    path = _db(tmp_path)
    code = (
        "import os, sys\n"
        "from kf5g_desktop.storage.demo_writer import ProcessWriter\n"
        "if __name__ == '__main__':\n"
        f"    w = ProcessWriter({str(path)!r}, [])\n"
        "    w.send([('t', ['id', 'name'], [[1, 'a']])])\n"
        "    print(w._proc.pid, flush=True)\n"
        "    os._exit(9)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert out.returncode == 9, out.stderr
    child = int(out.stdout.strip())
    for _ in range(200):
        if not _alive(child):
            break
        time.sleep(0.05)
    else:
        pytest.fail("the writing process outlived its parent")
    assert _rows(path) == []


def _alive(pid: int) -> bool:
    """Running (an ended child nobody has reaped yet, a zombie, is not)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            return f.read().rpartition(")")[2].split()[0] != "Z"
    except FileNotFoundError:
        return False
