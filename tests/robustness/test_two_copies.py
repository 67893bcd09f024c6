"""Two copies of the program on one database, as two processes: the second is told who holds it and
reads while the first writes, unaffected; a lock left by a killed copy is cleared."""

from __future__ import annotations

import json
import os
import socket
import time
from datetime import datetime

import pytest

from kf5g_desktop.storage.db import WriterLock
from kf5g_desktop.storage.errors import DatabaseLockedError
from kf5g_desktop.storage.store import Store

from .checks import assert_sound
from .conftest import STATS, read_log, wait_for
from .driver import batch_station


def saved(log) -> int:
    return sum(1 for ln in read_log(log) if ln.startswith("saved "))


def test_second_copy_is_told_who_holds_it_and_reads_while_the_first_writes(zygote, tmp_path):
    db, log = tmp_path / "kf5g.db", tmp_path / "log"
    pid = zygote.start("hold", log, db=str(db), n=400, pause=0.005, user="张三")
    try:
        wait_for(log, "ready")
        with pytest.raises(DatabaseLockedError) as e:
            Store.open(db, user="李四")
        holder = e.value.holder
        assert holder is not None
        assert (holder.pid, holder.host, holder.user) == (pid, socket.gethostname(), "张三")
        assert holder.since.startswith(datetime.now().strftime("%Y-%m-%d"))
        msg = str(e.value)
        assert "张三" in msg and str(pid) in msg and socket.gethostname() in msg and "本命令没有执行" in msg
        STATS["rejected"] += 1
        # Read-only beside the writer: every read sees a consistent, growing register.
        seen = []
        with Store.open(db, readonly=True) as ro:
            end = time.monotonic() + 1.0
            while time.monotonic() < end:
                n_logged = saved(log)
                n = ro.count("station")
                assert n >= n_logged  # everything the writer reported saved is visible
                seen.append(n)
                if n:
                    st = ro.query("station")[0]
                    want = batch_station(999, int(st.station_code[5:]))
                    full = ro.get_station(st.id)
                    assert (full.name, full.lat, len(full.approvals)) == (
                        want.name,
                        want.lat,
                        len(want.approvals),
                    )
                time.sleep(0.02)
            assert seen == sorted(seen) and seen[-1] > seen[0]
            # The first copy was unaffected: it kept saving, no error.
            progress = saved(log)
            time.sleep(0.1)
            assert saved(log) > progress
            assert not [ln for ln in read_log(log) if ln.startswith("error")]
            # It dies (power cut, kill -9): the lock goes with it; the reader carries on.
            assert zygote.stop(pid) == "killed"
            STATS["kills"] += 1
            pid = None
            logged = saved(log)
            assert ro.count("station") >= logged
        assert WriterLock(db).read_holder().pid != os.getpid()  # the dead copy's note is still there
        assert_sound(db)
        with Store.open(db, user="李四") as s:  # ...but nobody holds the lock: cleared
            assert WriterLock(db).read_holder().user == "李四"
            assert s.count("station") in (logged, logged + 1)
            STATS["records"] += logged
            s.save(batch_station(11, 0))
    finally:
        if pid is not None:
            zygote.stop(pid)


def test_a_lock_file_from_another_computer_that_nobody_holds_is_cleared(tmp_path):
    db = tmp_path / "kf5g.db"
    Store.open(db).close()
    note = {"pid": 999999, "host": "县局另一台电脑", "user": "王五", "since": "2021-02-01 08:00"}
    (tmp_path / "kf5g.db.lock").write_text(json.dumps(note, ensure_ascii=False), encoding="utf-8")
    with Store.open(db, user="赵六") as s:
        assert WriterLock(db).read_holder().user == "赵六"
        s.save(batch_station(12, 0))
    (tmp_path / "kf5g.db.lock").write_bytes(b"\x00garbage{")
    with Store.open(db) as s:
        assert s.count("station") == 1
