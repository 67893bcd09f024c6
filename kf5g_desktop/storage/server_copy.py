"""Copies between a server database and a kf5g SQLite file: every table's rows, in one consistent
snapshot of the source, through the same bulk paths as imports (``rawinsert``: multi-row INSERTs
into SQLite, ``COPY`` into PostgreSQL).

- :func:`backup_to_file` — ``kf5g backup`` of a server database: a kf5g SQLite file (schema at the
  same revision, every record, its versions, the audit log, batches, returns, settings) that the
  program opens like any other database — read-only, as a county's local copy, or loaded onto a
  server again;
- :func:`load_file` — a kf5g SQLite file onto a new (empty) server database
  (``kf5g server-init URL --from FILE``): the way an office moves to a server, and how a server is
  restored from one of its backups.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session

from kf5g_desktop.paths import backup_dir_for

from . import migrate, rawinsert, server
from .backup import BackupInfo, _remove_partial, seal_backup
from .db import make_engine
from .errors import StorageError
from .models import Base

_CHUNK = 20_000  # rows read and written at a time (memory stays flat whatever the size)


def tables() -> list[Table]:
    """Every table of the schema, parents before children (foreign keys)."""
    return list(Base.metadata.sorted_tables)


def _rows(conn: Connection, table: Table) -> Iterator[list[tuple[Any, ...]]]:
    order = list(table.primary_key.columns) or list(table.columns)
    result = conn.execution_options(yield_per=_CHUNK).execute(select(table).order_by(*order))
    for part in result.partitions(_CHUNK):
        yield [tuple(r) for r in part]


def copy_rows(src: Connection, dst: Session) -> dict[str, int]:
    """Every row of every table from ``src`` into the (empty) tables of ``dst``; rows per table."""
    counts: dict[str, int] = {}
    to_sqlite = dst.get_bind().dialect.name == "sqlite"
    for table in tables():
        names = [c.name for c in table.columns]
        convs = rawinsert.converters(table, names) if to_sqlite else []
        n = 0
        for chunk in _rows(src, table):
            if convs:
                rows = [list(r) for r in chunk]
                rawinsert.to_storage(rows, convs)
                rawinsert.insert_rows(dst, table, names, rows)
            else:
                rawinsert.insert_rows(dst, table, names, chunk)
            n += len(chunk)
        counts[table.name] = n
    return counts


def backup_to_file(
    engine: Engine, place: Path, reason: str, *, now: datetime, dest: Path | None = None
) -> BackupInfo:
    """A kf5g SQLite file of the whole server database (one snapshot: REPEATABLE READ, read only),
    written under a temporary name, checked with SQLite's integrity check, then renamed."""
    if dest is None:
        folder = backup_dir_for(place)
        stamp = now.strftime("%Y%m%d-%H%M%S")
        dest = folder / f"kf5g-{stamp}-{reason}.db"
        n = 1
        while dest.exists():
            n += 1
            dest = folder / f"kf5g-{stamp}-{n}-{reason}.db"
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"备份失败：无法创建文件夹“{dest.parent}”（{exc.strerror}）。请换一个位置。") from exc
    tmp = dest.with_name(dest.name + ".part")
    _remove_partial(tmp)
    target = make_engine(tmp)
    try:
        migrate.upgrade(target)  # the schema, empty (no reference data: it comes from the server)
        src_rev = migrate.current_revision(engine)
        if src_rev != migrate.current_revision(target):
            raise StorageError(
                f"服务器数据库的结构版本（{src_rev}）与本程序不同，无法备份。请先用本程序连接一次，或使用对应版本的程序。"
            )
        with (
            engine.connect().execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True) as src,
            Session(target) as dst,
            dst.begin(),
        ):
            _empty(dst)
            copy_rows(src, dst)
        target.dispose()
        con = sqlite3.connect(tmp)  # one self-contained file, as SQLite's backups are
        try:
            con.execute("PRAGMA journal_mode=DELETE")
        finally:
            con.close()
        seal_backup(tmp, dest)
    except OSError as exc:
        raise StorageError(f"备份失败：无法写入“{dest.parent}”（{exc.strerror}）。请检查磁盘空间和权限。") from exc
    finally:
        target.dispose()
        _remove_partial(tmp)
    return BackupInfo(dest, now.replace(microsecond=0), reason)


def _empty(dst: Session) -> None:
    """Tables a fresh schema fills by itself (none today but alembic_version, which stays)."""
    for table in reversed(tables()):
        if dst.connection().exec_driver_sql(f'SELECT count(*) FROM "{table.name}"').scalar():
            dst.connection().exec_driver_sql(f'DELETE FROM "{table.name}"')


def load_file(engine: Engine, source: Path) -> dict[str, int]:
    """A kf5g SQLite file onto an empty server database that has the current schema: every row
    with its ids, the audit log with its original "who" (the trigger that writes current_user is
    off for this one transaction: only the owner can do this), the sequences set past the ids."""
    if not source.exists():
        raise StorageError(f"数据库文件“{source}”不存在。")
    state, rev = migrate.file_state(source)
    if state != migrate.CURRENT:
        raise StorageError(
            f"数据库文件“{source}”的结构版本（{rev or '无'}）不是本程序的当前版本，"
            "请先用本程序打开它一次（会自动升级），再导入服务器。"
        )
    src_engine = make_engine(source, readonly=True)
    try:
        with src_engine.connect() as src, Session(engine) as dst, dst.begin():
            conn = dst.connection()
            for table in tables():
                if conn.exec_driver_sql(f'SELECT 1 FROM "{table.name}" LIMIT 1').first():
                    raise StorageError(
                        "服务器上的数据库已有数据，不能再导入一个数据库文件。请新建一个空数据库（createdb）后再导入。"
                    )
            conn.exec_driver_sql("ALTER TABLE audit_log DISABLE TRIGGER kf5g_audit_who")
            counts = copy_rows(src, dst)
            conn.exec_driver_sql("ALTER TABLE audit_log ENABLE TRIGGER kf5g_audit_who")
            server.fix_sequences(conn)
    finally:
        src_engine.dispose()
    return counts
