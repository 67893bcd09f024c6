"""Folder names a Windows user may well have: ``#``, ``%``, spaces, Chinese (and ``?`` on Linux).

SQLite and SQLAlchemy read ``#``/``?``/``%`` in a URI as syntax, so such a path used to open a
different file: checks and backups then looked at an empty database beside the real one."""

from __future__ import annotations

import sqlite3
import sys

import pytest

from kf5g_desktop.storage import backup
from kf5g_desktop.storage.errors import CorruptDatabaseError
from kf5g_desktop.storage.restore import restore_backup
from kf5g_desktop.storage.store import Store

from .driver import batch_station

NAMES = ["C#项目", "备份 100%41", "数据 (2021) & 周报"] + ([] if sys.platform == "win32" else ["问号?x=1"])


@pytest.mark.parametrize("name", NAMES)
def test_everything_works_in_a_folder_with_uri_characters(tmp_path, name):
    folder = tmp_path / name
    db = folder / "kf5g.db"
    with Store.open(db) as s:
        for k in range(3):
            s.save(batch_station(6, k))
        info = s.backup("manual")
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # nothing created beside the folder
    with Store.open(info.path, readonly=True) as b:
        assert b.count("station") == 3  # the backup holds the real data
    with Store.open(db, readonly=True) as ro:
        assert ro.count("station") == 3
    # The start-up check reads the real file: damage is seen.
    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    data = bytearray(db.read_bytes())
    data[:100] = bytes(100)
    db.write_bytes(bytes(data))
    with pytest.raises(CorruptDatabaseError):
        Store.open(db)
    restore_backup(db, backup.list_backups(db)[0].path)
    with Store.open(db) as s:
        assert s.count("station") == 3
