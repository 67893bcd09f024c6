"""Engine set-up: SQLite pragmas, the single-writer lock, and clear errors about the file's place."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import sys
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import event
from sqlalchemy.engine import URL, Engine, create_engine
from sqlalchemy.pool import NullPool

from .errors import DatabaseLockedError, LockHolder, StorageError
from .filecheck import readonly_uri as readonly_uri  # (here since before: db.readonly_uri)

BUSY_TIMEOUT_MS = 5000
WRITE_OPTION = "kf5g_write"  # execution option marking a connection that will write


def _set_pragmas(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    # New databases get 8 KB pages (SQLite's default is 4 KB): a bulk import of 100,000 stations with
    # their audit rows writes ~15 % faster. Only a database without tables can take it (and only
    # before WAL is switched on); for an existing one this is a no-op.
    cur.execute("PRAGMA page_size=8192")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _set_pragmas_readonly(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA query_only=ON")
    cur.close()


def recover_hot_journal(path: Path) -> bool:
    """Roll back a transaction a crash left in ``<db>-journal`` (SQLite does it on the first read of
    a writable connection; a read-only one — like the start-up integrity check — cannot, and fails
    with "attempt to write a readonly database"). A crash while the very first start switches a new
    database to WAL, or the first start after a restore, leaves such a journal. True if one was there."""
    journal = path.with_name(path.name + "-journal")
    if not (journal.exists() and journal.stat().st_size > 0):
        return False
    con = sqlite3.connect(path)
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError:
        pass  # damaged: the integrity check that follows says so
    finally:
        con.close()
    return True


def make_engine(path: Path, *, readonly: bool = False) -> Engine:
    """An engine on ``path`` with our pragmas on every connection.

    pysqlite's own transaction handling is switched off (SQLAlchemy's documented recipe) so that
    ``BEGIN`` is emitted by us and every unit of work is exactly one SQLite transaction. Use
    ``engine.execution_options(kf5g_write=True)`` for sessions that write.
    """
    if readonly:
        uri = readonly_uri(path)
        engine = create_engine(
            "sqlite://",
            creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
            poolclass=NullPool,
        )
        event.listen(engine, "connect", _set_pragmas_readonly)
    else:
        engine = create_engine(
            URL.create("sqlite", database=str(path)),  # not a URL string: "?" or "%" in a folder name
            connect_args={"check_same_thread": False},
            pool_pre_ping=False,
        )
        event.listen(engine, "connect", _set_pragmas)

    @event.listens_for(engine, "connect")
    def _no_pysqlite_tx(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # Writers take the write lock up front (no deadlock-prone lock upgrade later);
        # readers use a deferred transaction, which never waits for a writer in WAL mode.
        write = conn.get_execution_options().get(WRITE_OPTION) and not readonly
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def check_writable_place(path: Path) -> None:
    """Raise a clear StorageError when the database or its folder cannot be written."""
    folder = path.parent
    if not folder.exists():
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(
                f"无法创建数据文件夹“{folder}”（{exc.strerror}），请用 --db 指定一个可写的位置。"
            ) from exc
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StorageError(
            f"数据文件夹“{folder}”是只读的，无法保存数据。请换一个可写的文件夹（用 --db 或设置 KF5G_DB 指定）。"
        )
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        raise StorageError(f"数据库文件“{path}”是只读的，无法保存数据。请检查文件属性，或复制到可写的位置。")


def is_network_or_removable(path: Path) -> bool:
    """Best-effort: a UNC path or a mapped network / removable drive on Windows."""
    p = str(path.resolve())
    if p.startswith("\\\\"):
        return True
    if sys.platform == "win32":
        try:
            import ctypes

            drive = p[:3]
            kind = ctypes.windll.kernel32.GetDriveTypeW(drive)  # type: ignore[attr-defined]
            return kind in (2, 4)  # DRIVE_REMOVABLE, DRIVE_REMOTE
        except Exception:
            return False
    return False


# The one-writer lock ----------------------------------------------------------------------


class WriterLock:
    """An OS-level exclusive lock on ``<db>.lock``, holding a note of who has it.

    The operating system releases the lock when the process dies, so a lock left by a crash or a
    power cut is cleared automatically: the file may remain, but nobody holds it.
    """

    def __init__(self, db_path: Path) -> None:
        self.path = db_path.with_name(db_path.name + ".lock")
        self._file: IO[str] | None = None

    @property
    def held(self) -> bool:
        return self._file is not None

    def acquire(self, user: str) -> None:
        f = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - kept open while held
        try:
            _lock_file(f)
        except OSError:
            holder = self.read_holder()
            f.close()
            raise DatabaseLockedError(holder) from None
        f.seek(0)
        f.truncate()
        note = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "user": user,
            "since": datetime.now().strftime("%Y-%m-%d %H:%M"),
        }
        f.write(json.dumps(note, ensure_ascii=False))
        f.flush()
        self._file = f

    def set_user(self, user: str) -> None:
        """Rewrite the note with the user's name once it is known (after the settings are read)."""
        if self._file is None:
            return
        holder = self.read_holder()
        note = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "user": user,
            "since": holder.since if holder else datetime.now().strftime("%Y-%m-%d %H:%M"),
        }
        self._file.seek(0)
        self._file.truncate()
        self._file.write(json.dumps(note, ensure_ascii=False))
        self._file.flush()

    def read_holder(self) -> LockHolder | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8") or "{}")
            return LockHolder(
                int(data["pid"]), str(data["host"]), str(data.get("user", "")), str(data["since"])
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def release(self) -> None:
        if self._file is None:
            return
        try:
            self._file.seek(0)
            self._file.truncate()
            self._file.flush()
            _unlock_file(self._file)
        finally:
            self._file.close()
            self._file = None


if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds
    import msvcrt

    # Lock one byte far past the note, so other processes can still read who holds the lock.
    _LOCK_OFFSET = 1 << 20

    def _lock_file(f: IO[str]) -> None:
        os.lseek(f.fileno(), _LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock_file(f: IO[str]) -> None:
        os.lseek(f.fileno(), _LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(f.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock_file(f: IO[str]) -> None:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock_file(f: IO[str]) -> None:
        fcntl.flock(f.fileno(), fcntl.LOCK_UN)
