"""A full disk and a read-only place: a clear Chinese error, nothing partial written, data usable."""

from __future__ import annotations

import os
import shutil
import subprocess
from contextlib import contextmanager
from datetime import date

import pytest
from sqlalchemy import event

from kf5g_desktop.domain.records import Venue
from kf5g_desktop.storage import backup
from kf5g_desktop.storage.errors import StorageError
from kf5g_desktop.storage.store import Store
from tests.builders import venue

from .checks import assert_sound, snapshot
from .conftest import STATS
from .driver import batch_station


@contextmanager
def tmpfs(folder, options):
    """A small tmpfs mounted on ``folder`` (root only; skipped where mounting is not permitted)."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr!r}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def limit_pages(store: Store, extra: int) -> None:
    """Simulate a full disk: SQLite may grow the file by only ``extra`` pages from now on."""
    with store.engine.connect() as c:
        pages = c.exec_driver_sql("PRAGMA page_count").scalar()

    @event.listens_for(store.engine, "connect")
    def _limit(dbapi_conn, _record):
        dbapi_conn.execute(f"PRAGMA max_page_count={pages + extra}")

    store.engine.dispose()  # pooled connections are re-made with the limit


def big_venue(name: str) -> Venue:
    return venue(name=name, category="school", notes="备注很长" * 50000)


def test_a_full_disk_refuses_the_save_clearly_and_writes_nothing(empty_store):
    for k in range(5):
        empty_store.save(batch_station(1, k))
    before = snapshot(empty_store)
    limit_pages(empty_store, 3)
    with pytest.raises(StorageError) as e:
        empty_store.save(big_venue("杞县图书馆"))
    msg = str(e.value)
    assert "磁盘空间不足" in msg and "未能保存" in msg and str(empty_store.path) in msg
    with (
        pytest.raises(StorageError, match="磁盘空间不足"),
        empty_store.batch_writer("bulk_import", "满盘") as w,
    ):
        for k in range(50):
            w.save(batch_station(2, k))
        w.save(big_venue("满盘时的场所"))
    STATS["rejected"] += 2
    assert snapshot(empty_store) == before  # nothing partial: no record, no audit row, no batch
    empty_store.save(venue(name="小记录", category="school", opened_on=date(2021, 1, 4)))
    assert empty_store.count("venue") == 1  # still usable: small saves fit in the free pages
    path = empty_store.path
    empty_store.close()
    assert_sound(path)
    with Store.open(path) as s:  # room again: everything works
        s.save(big_venue("杞县图书馆"))
        assert s.count("venue") == 2 and s.count("station") == 5


def test_a_backup_onto_a_full_disk_fails_clearly_and_leaves_no_file(empty_store, tmp_path):
    for k in range(40):
        empty_store.save(batch_station(3, k))
    empty_store.save(big_venue("大场所"))
    with tmpfs(tmp_path / "backups", "size=64k"):
        with pytest.raises(StorageError) as e:
            empty_store.backup("manual")
        msg = str(e.value)
        assert "备份失败" in msg and "磁盘空间不足" in msg and "原数据库未受影响" in msg, msg
        assert list((tmp_path / "backups").iterdir()) == []
        with pytest.raises(StorageError, match="磁盘空间不足"):
            backup.copy_database(empty_store.path, tmp_path / "backups" / "x.db")
        assert list((tmp_path / "backups").iterdir()) == []
        STATS["rejected"] += 2
    empty_store.save(batch_station(3, 99))  # the database is unharmed and writable
    assert empty_store.backup("manual").path.exists()


def test_a_backup_into_a_read_only_folder_fails_clearly(empty_store, tmp_path):
    empty_store.save(batch_station(4, 0))
    with tmpfs(tmp_path / "backups", "ro,size=1m"):
        with pytest.raises(StorageError) as e:
            empty_store.backup("manual")
        assert "备份失败" in str(e.value) and str(tmp_path / "backups") in str(e.value), str(e.value)
        assert list((tmp_path / "backups").iterdir()) == []
        STATS["rejected"] += 1


def test_a_database_on_a_place_that_became_read_only(tmp_path):
    """E.g. a USB stick with its write-protect switch on: no writing; viewing still works."""
    folder = tmp_path / "stick"
    with tmpfs(folder, "size=8m"):
        with Store.open(folder / "kf5g.db") as s:
            for k in range(3):
                s.save(batch_station(5, k))
        before = (folder / "kf5g.db").read_bytes()
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        with pytest.raises(StorageError) as e:
            Store.open(folder / "kf5g.db")
        assert "只读" in str(e.value) and str(folder) in str(e.value)
        STATS["rejected"] += 1
        with Store.open(folder / "kf5g.db", readonly=True) as ro:
            assert ro.count("station") == 3
        assert (folder / "kf5g.db").read_bytes() == before
        # Take a copy to a writable place and carry on there.
        shutil.copyfile(folder / "kf5g.db", tmp_path / "copy.db")
    with Store.open(tmp_path / "copy.db") as s:
        assert s.count("station") == 3
