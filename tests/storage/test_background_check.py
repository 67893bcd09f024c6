"""The window opens a large database with its quick_check in the background (Store.open(...,
check="background")): every write waits until the check has passed, and a file it finds damaged
refuses writes (RELIABILITY.md: corruption found at start-up blocks writes)."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from kf5g_desktop.storage import backup as backups
from kf5g_desktop.storage import migrate
from kf5g_desktop.storage.errors import CorruptDatabaseError
from kf5g_desktop.storage.store import Store
from tests.builders import numbered_station


def _db_with_stations(path, clock, n=60):  # type: ignore[no-untyped-def]
    with Store.open(path, clock=clock) as s:
        s.setup_installation(kind="unit", unit_code="410221", user_name="张三")
        s.save_many([numbered_station(i) for i in range(n)])
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()


def _stations_on_disk(path) -> int:  # type: ignore[no-untyped-def]
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(con.execute("SELECT count(*) FROM station").fetchone()[0])
    finally:
        con.close()


def test_writes_wait_for_the_background_check(tmp_path, clock, monkeypatch):
    path = tmp_path / "k.db"
    _db_with_stations(path, clock)
    gate = threading.Event()
    real = backups.integrity_problems

    def held_check(*args, **kwargs):  # the real check, started only when the test says so
        gate.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(backups, "integrity_problems", held_check)
    store = Store.open(path, clock=clock, check="background")
    try:
        assert store.integrity is not None and store.integrity.pending
        assert store.count("station") == 60  # reading does not wait
        assert not store.readonly and store.damaged is None
        saved = threading.Event()
        writer = threading.Thread(target=lambda: (store.save(numbered_station(99)), saved.set()))
        writer.start()
        assert not saved.wait(0.5)  # held …
        assert _stations_on_disk(path) == 60  # … nothing written
        gate.set()
        writer.join(30)
        assert saved.is_set() and _stations_on_disk(path) == 61  # written once the check passed
        assert store.damaged is None and not store.readonly
    finally:
        gate.set()
        store.close()


def test_a_damaged_file_found_in_the_background_refuses_writes(tmp_path, clock):
    path = tmp_path / "k.db"
    _db_with_stations(path, clock, n=300)
    con = sqlite3.connect(path)
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'station'").fetchone()[0]
    con.close()
    page = int.from_bytes(path.read_bytes()[16:18], "big")
    data = bytearray(path.read_bytes())
    for i in range((root - 1) * page, (root - 1) * page + 64):  # the b-tree page header and cell pointers
        data[i] ^= 0xA5
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    with pytest.raises(CorruptDatabaseError):
        Store.open(path, clock=clock).close()  # the check at opening finds it (small files)
    store = Store.open(path, clock=clock, check="background")  # opens: the check runs meanwhile
    try:
        problem = store.integrity.wait(30)  # type: ignore[union-attr]
        assert problem and store.damaged == problem
        assert store.readonly  # the window treats it as read-only from now on
        with pytest.raises(CorruptDatabaseError, match=r"已损坏.*从备份恢复"):
            store.save(numbered_station(99))
        with pytest.raises(CorruptDatabaseError):
            store.set_settings({"user_name": "李四"})
        with pytest.raises(CorruptDatabaseError):
            store.backup("manual")  # no backup of a damaged file (nor thinning of the good ones)
        assert store.backup_daily_if_due() is None
    finally:
        store.close(backup_on_exit=True)
    assert path.read_bytes() == before  # kept as it was
    assert backups.list_backups(path) == []


def _damage_station_root(path) -> None:  # type: ignore[no-untyped-def]
    con = sqlite3.connect(path)
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'station'").fetchone()[0]
    con.close()
    page = int.from_bytes(path.read_bytes()[16:18], "big")
    data = bytearray(path.read_bytes())
    for i in range((root - 1) * page, (root - 1) * page + 64):
        data[i] ^= 0xA5
    path.write_bytes(bytes(data))


def test_a_check_begun_later_begins_at_start_or_at_the_first_write(tmp_path, clock, monkeypatch):
    """check="background-later" (the window: the check after the home page's figures): nothing is
    checked until ``integrity.start()`` or until a write waits for it — a write is never let through
    unchecked, and a damaged file is refused all the same."""
    path = tmp_path / "k.db"
    _db_with_stations(path, clock)
    checked: list[object] = []
    real = backups.integrity_problems
    monkeypatch.setattr(backups, "integrity_problems", lambda p, **k: (checked.append(p), real(p, **k))[1])
    store = Store.open(path, clock=clock, check="background-later")
    try:
        assert store.integrity is not None and store.integrity.pending
        assert store.count("station") == 60 and checked == []  # reading neither waits nor begins it
        store.save(numbered_station(99))  # the write begins the check and waits for it
        assert checked == [path] and not store.integrity.pending and store.damaged is None
        assert _stations_on_disk(path) == 61
    finally:
        store.close()
    store = Store.open(path, clock=clock, check="background-later")
    try:
        assert checked == [path]
        store.integrity.start()  # type: ignore[union-attr]
        store.integrity.start()  # type: ignore[union-attr]  # (once)
        assert store.integrity.wait(30) is None  # type: ignore[union-attr]
        assert checked == [path, path]
    finally:
        store.close()
    _damage_station_root(path)
    store = Store.open(path, clock=clock, check="background-later")
    try:
        with pytest.raises(CorruptDatabaseError, match=r"已损坏.*从备份恢复"):
            store.save(numbered_station(100))
        assert store.readonly and store.damaged
    finally:
        store.close()


def test_the_schema_is_checked_without_alembic():
    """The start-up reads the migrations' revisions from their files (Alembic loads only for an
    upgrade): the same graph and head as Alembic's own."""
    script = migrate._script()
    assert migrate.head_revision() == script.get_current_head()
    assert migrate.revision_graph() == {
        r.revision: tuple(r._all_down_revisions) for r in script.walk_revisions()
    }
