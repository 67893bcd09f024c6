"""Backups: verified copies, thinning, restore that keeps what it replaces, damage detected."""

import sqlite3
from datetime import date, datetime, timedelta

import pytest

from kf5g_desktop.storage import backup
from kf5g_desktop.storage.errors import CorruptDatabaseError
from kf5g_desktop.storage.restore import restore_backup
from kf5g_desktop.storage.store import Store
from tests.builders import venue


def add_venue(store, name):
    return store.save(venue(name=name, category="school", opened_on=date(2021, 1, 4)))


@pytest.mark.parametrize("engine_kind", ["sqlite"])  # backups of a file
def test_backup_and_restore_round_trip_keeping_a_copy_of_what_is_replaced(empty_store):
    add_venue(empty_store, "杞县一中")
    info = empty_store.backup("manual")
    assert info.path.exists() and backup.integrity_problems(info.path) == []
    add_venue(empty_store, "杞县二中")
    path = empty_store.path
    empty_store.close()
    kept = restore_backup(path, info.path)
    reopened = Store.open(path)
    try:
        assert [v.name for v in reopened.query("venue")] == ["杞县一中"]
    finally:
        reopened.close()
    assert kept is not None
    with Store.open(kept, readonly=True) as old:
        assert {v.name for v in old.query("venue")} == {"杞县一中", "杞县二中"}


@pytest.mark.parametrize("engine_kind", ["sqlite"])  # backups of a file
def test_restore_refuses_a_broken_backup(tmp_path, empty_store):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database at all" * 100)
    path = empty_store.path
    empty_store.close()
    with pytest.raises(Exception, match="校验未通过"):
        restore_backup(path, bad)


def test_thinning_keeps_last_week_then_weekly_then_monthly_and_always_the_newest(tmp_path):
    now = datetime(2022, 6, 30, 12, 0)
    folder = tmp_path / "backups"
    folder.mkdir()
    made = []
    for days in range(0, 400, 1):
        t = now - timedelta(days=days)
        p = folder / f"kf5g-{t:%Y%m%d-%H%M%S}-daily.db"
        p.write_bytes(b"x")
        made.append(t)
    items = backup.list_backups(tmp_path / "kf5g.db", folder=folder)
    gone = {b.taken_at for b in backup.backups_to_thin(items, now)}
    kept = sorted(set(made) - gone, reverse=True)
    assert kept[0] == now
    recent = [t for t in kept if now - t <= timedelta(days=7)]
    assert len(recent) == 8  # days 0..7
    weekly = [t for t in kept if timedelta(days=7) < now - t <= timedelta(weeks=13)]
    assert len({tuple(t.isocalendar()[:2]) for t in weekly}) == len(weekly)
    assert 11 <= len(weekly) <= 13
    monthly = [t for t in kept if now - t > timedelta(weeks=13)]
    assert len({(t.year, t.month) for t in monthly}) == len(monthly)
    # Only one backup, however old: never deleted.
    only = [backup.BackupInfo(folder / "x.db", now - timedelta(days=900), "daily")]
    assert backup.backups_to_thin(only, now) == []


@pytest.mark.parametrize("engine_kind", ["sqlite"])  # backups of a file
def test_daily_backup_once_a_day(empty_store, clock):
    assert empty_store.backup_daily_if_due() is not None
    assert empty_store.backup_daily_if_due() is None


def corrupt(path, how):
    data = bytearray(path.read_bytes())
    if how == "flipped page":
        page = 4096 * 2
        for i in range(page, page + 400):
            data[i] ^= 0xFF
    elif how == "truncated":
        data = data[: len(data) // 3 + 17]
    elif how == "zeroed header":
        data[:100] = bytes(100)
    elif how == "not a database":
        data = bytearray(b"PK\x03\x04 this is a zip, not sqlite" * 200)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["flipped page", "truncated", "zeroed header", "not a database"])
def test_a_damaged_database_is_refused_and_kept(tmp_path, how):
    path = tmp_path / "k.db"
    with Store.open(path) as s:
        for i in range(200):
            add_venue(s, f"场所{i}" * 5)
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    corrupt(path, how)
    before = path.read_bytes()
    with pytest.raises(CorruptDatabaseError, match="已损坏") as e:
        Store.open(path, check="full")
    assert "从备份恢复" in str(e.value)
    assert path.read_bytes() == before
