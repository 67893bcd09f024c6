"""One writer: a second copy is told who holds the database; a crashed holder's lock clears."""

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from kf5g_desktop.storage.errors import DatabaseLockedError
from kf5g_desktop.storage.store import Store


def test_second_writer_is_told_who_holds_the_database_and_can_read(tmp_path):
    path = tmp_path / "l.db"
    first = Store.open(path, user="王五")
    try:
        with pytest.raises(DatabaseLockedError) as e:
            Store.open(path)
        holder = e.value.holder
        assert holder is not None and holder.pid == os.getpid() and holder.user == "王五"
        assert "王五" in str(e.value) and "本命令没有执行" in str(e.value) and "本窗口" not in str(e.value)
        ro = Store.open(path, readonly=True)
        assert ro.count("station") == 0
        ro.close()
    finally:
        first.close()
    Store.open(path).close()  # released on close


def test_a_lock_left_by_a_killed_process_is_cleared(tmp_path):
    path = tmp_path / "k.db"
    code = textwrap.dedent(
        f"""
        import sys, time
        from kf5g_desktop.storage.store import Store
        s = Store.open({str(path)!r}, user="崩溃者")
        print("ready", flush=True)
        time.sleep(60)
        """
    )
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=os.getcwd())
    try:
        assert child.stdout.readline().strip() == "ready"
        with pytest.raises(DatabaseLockedError, match="崩溃者"):
            Store.open(path)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    time.sleep(0.05)
    s = Store.open(path)  # the OS released the dead process's lock
    s.close()
