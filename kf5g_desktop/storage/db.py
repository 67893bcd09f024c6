"""Engine set-up: SQLite pragmas, the single-writer lock, and clear errors about the file's place."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL, Engine, create_engine
from sqlalchemy.pool import NullPool

from .errors import StorageError
from .filecheck import readonly_uri as readonly_uri  # (here since before: db.readonly_uri)
from .lock import WriterLock as WriterLock  # (here since before: db.WriterLock)

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
