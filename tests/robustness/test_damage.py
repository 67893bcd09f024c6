"""A damaged database: writes blocked, the damaged file kept byte for byte (with its -wal), restore
from the newest good backup works and keeps the damaged file aside. A newer database is refused."""

from __future__ import annotations

import hashlib
import sqlite3
import struct
from pathlib import Path

import pytest

from kf5g_desktop.storage import backup, migrate
from kf5g_desktop.storage.db import WriterLock
from kf5g_desktop.storage.errors import CorruptDatabaseError, NewerSchemaError
from kf5g_desktop.storage.restore import restore_backup
from kf5g_desktop.storage.store import Store

from .checks import assert_sound
from .conftest import FAKE_HEAD, STATS, kill_during
from .driver import batch_station

BACKED_UP = 30  # stations in the newest good backup
LATER = 25  # stations saved after it (lost by a restore, kept in the damaged copy)


def digest(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


def files(db: Path) -> dict[str, str | None]:
    """Digests of the database and its -wal. A -wal SQLite creates empty when merely reading the
    file counts as absent (it holds nothing)."""
    out = {s: digest(db.with_name(db.name + s)) for s in ("", "-wal")}
    if out["-wal"] == hashlib.sha256(b"").hexdigest():
        out["-wal"] = None
    return out


def make_db(tmp_path: Path) -> tuple[Path, Path]:
    db = tmp_path / "kf5g.db"
    with Store.open(db) as s:
        for k in range(BACKED_UP):
            s.save(batch_station(8, k))
        good = s.backup("daily").path
    return db, good


def save_later(zygote, tmp_path: Path, db: Path, *, crash: bool) -> None:
    """LATER more saves, by a program that exits normally or is killed (leaving its -wal)."""
    if crash:
        run = kill_during(zygote, "hold", tmp_path / "log", delay=0.0, after="idle", db=str(db), n=LATER)
        assert run.killed
        assert (db.with_name(db.name + "-wal")).stat().st_size > 0
    else:
        with Store.open(db) as s:
            for k in range(LATER):
                s.save(batch_station(999, k))


def root_page(db: Path, table: str) -> int:
    con = sqlite3.connect(db)
    try:
        return int(con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0])
    finally:
        con.close()


def wal_frames(wal: Path) -> list[tuple[int, int]]:
    """(offset, commit size) of each frame."""
    data = wal.read_bytes()
    page_size = struct.unpack(">I", data[8:12])[0]
    out = []
    for off in range(32, len(data) - 24 - page_size + 1, 24 + page_size):
        out.append((off, struct.unpack(">I", data[off + 4 : off + 8])[0]))
    return out


def flip(path: Path, offset: int, n: int) -> None:
    data = bytearray(path.read_bytes())
    for i in range(offset, offset + n):
        data[i] ^= 0xA5
    path.write_bytes(bytes(data))


def page_size(db: Path) -> int:
    return int.from_bytes(db.read_bytes()[16:18], "big")  # the database header's page size


def damage(db: Path, how: str) -> None:
    if how == "flipped page":
        page = root_page(db, "station")
        flip(db, (page - 1) * page_size(db), 64)  # the b-tree page header and cell pointers
    elif how == "flipped index page":
        page = root_page(db, "audit_log")
        flip(db, (page - 1) * page_size(db) + 8, 200)
    elif how == "truncated":
        db.write_bytes(db.read_bytes()[: db.stat().st_size // 2 + 100])
    elif how == "zeroed header":
        data = bytearray(db.read_bytes())
        data[:100] = bytes(100)
        db.write_bytes(bytes(data))
    elif how == "not a database":
        db.write_bytes(b"PK\x03\x04" + b"\x00" * 5000)
    elif how == "damaged wal frame":
        wal = db.with_name(db.name + "-wal")
        frames = wal_frames(wal)
        commits = [i for i, (_, c) in enumerate(frames) if c]
        assert len(commits) >= 10
        off = frames[commits[len(commits) // 3] - 1][0]  # a frame with commits after it
        flip(wal, off + 24 + 300, 16)
    elif how == "damaged wal header":
        flip(db.with_name(db.name + "-wal"), 4, 4)  # the format version: the header checksum fails
    else:  # pragma: no cover
        raise ValueError(how)


MAIN_FILE = ["flipped page", "flipped index page", "truncated", "zeroed header", "not a database"]
WAL_FILE = ["damaged wal frame", "damaged wal header"]


@pytest.mark.parametrize("how", MAIN_FILE + WAL_FILE)
def test_damage_blocks_writes_keeps_the_file_and_restore_works(zygote, tmp_path, how):
    db, good = make_db(tmp_path)
    save_later(zygote, tmp_path, db, crash=how in WAL_FILE)
    damage(db, how)
    before = files(db)
    if how in WAL_FILE:
        # What would happen without the check: SQLite silently drops everything after the damage.
        peek = tmp_path / "peek"
        peek.mkdir()
        for s in ("", "-wal"):
            (peek / ("k.db" + s)).write_bytes(db.with_name(db.name + s).read_bytes())
        con = sqlite3.connect(peek / "k.db")
        seen = con.execute("SELECT COUNT(*) FROM station").fetchone()[0]
        con.close()
        assert seen < BACKED_UP + LATER
    with pytest.raises(CorruptDatabaseError) as e:
        Store.open(db)
    STATS["rejected"] += 1
    assert "已损坏" in str(e.value) and "禁止写入" in str(e.value) and "从备份恢复" in str(e.value)
    assert files(db) == before  # kept exactly as found, -wal included
    lock = WriterLock(db)  # and the refused open left the lock free
    lock.acquire("x")
    lock.release()
    # Restore from the newest good backup: the damaged file (and its -wal) is set aside intact.
    newest = backup.list_backups(db)[0]
    assert newest.path == good
    kept = restore_backup(db, newest.path)
    assert kept is not None and digest(kept) == before[""]
    assert files(kept)["-wal"] == before["-wal"]
    assert_sound(db)
    with Store.open(db) as s:
        assert s.count("station") == BACKED_UP
        s.save(batch_station(9, 1))
    STATS["records"] += BACKED_UP


def test_a_healthy_wal_left_by_a_crash_is_not_taken_for_damage(zygote, tmp_path):
    db, _ = make_db(tmp_path)
    save_later(zygote, tmp_path, db, crash=True)
    assert backup.wal_problems(db) == []
    with Store.open(db) as s:
        assert s.count("station") == BACKED_UP + LATER
    STATS["records"] += BACKED_UP + LATER


def test_a_torn_last_write_is_not_damage(zygote, tmp_path):
    """A power cut may tear the last frame: SQLite drops that transaction, which never committed
    as far as the user was told. Not reported as damage (it would block writes after every cut)."""
    db, _ = make_db(tmp_path)
    save_later(zygote, tmp_path, db, crash=True)
    wal = db.with_name(db.name + "-wal")
    off, commit = wal_frames(wal)[-1]
    assert commit
    flip(wal, off + 24 + 100, 8)
    assert backup.wal_problems(db) == []
    with Store.open(db) as s:
        assert s.count("station") == BACKED_UP + LATER - 1


def test_a_database_from_a_newer_program_is_refused_untouched_even_after_a_crash(
    zygote, tmp_path, monkeypatch, newer_migrations
):
    """A database the newer program (one more revision) used and crashed in, its -wal pending."""
    folder, _ = newer_migrations
    db = tmp_path / "newer.db"
    with Store.open(db) as s:  # made by this program...
        for k in range(5):
            s.save(batch_station(10, k))
    # ...then upgraded and used by a newer one, which crashed.
    run = kill_during(
        zygote, "hold", tmp_path / "log", delay=0.0, after="idle", db=str(db), n=5, migrations=str(folder)
    )
    assert run.killed
    monkeypatch.undo()  # back to this program's own migrations
    assert migrate.head_revision() != FAKE_HEAD
    before = files(db)
    assert before["-wal"] is not None
    for readonly in (False, True):
        with pytest.raises(NewerSchemaError, match="更新版本的程序") as e:
            Store.open(db, readonly=readonly)
        assert "未做任何改动" in str(e.value)
        assert files(db) == before
    STATS["rejected"] += 2
    lock = WriterLock(db)
    lock.acquire("x")
    lock.release()
