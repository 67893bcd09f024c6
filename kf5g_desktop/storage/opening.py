"""What opening a database file checks and does before the Store uses it: the file's place, a
journal left by a crash, integrity, that the file is ours, and the schema — checked when reading,
upgraded after a verified backup when writing (and the backup put back if the upgrade fails)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import Engine

from . import backup as backups
from . import migrate
from .db import check_writable_place, recover_hot_journal
from .errors import CorruptDatabaseError, NewerSchemaError, StorageError
from .restore import restore_file


def check_file(path: Path, *, readonly: bool, check: str) -> bool:
    """Refuse a file that cannot be opened as asked; True when it exists with content."""
    if readonly:
        if not path.exists():
            raise StorageError(f"数据库文件“{path}”不存在。")
    else:
        check_writable_place(path)
    existed = path.exists() and path.stat().st_size > 0
    if existed and not readonly:
        recover_hot_journal(path)
    if existed and check != "none":
        # Another copy may be writing the -wal file right now when we only read.
        problems = backups.integrity_problems(path, quick=(check == "quick"), wal=not readonly)
        if problems:
            raise CorruptDatabaseError(str(path), problems[0][:200])
    if existed:
        migrate.refuse_if_not_ours(path)
    return existed


def prepare_schema(path: Path, engine: Engine, *, readonly: bool, existed: bool) -> str | None:
    """Check (reading) or upgrade (writing) the schema; the revision upgraded from, if any."""
    if readonly:
        state, rev = migrate.schema_state(engine)
        if state == migrate.NEWER:
            raise NewerSchemaError(rev or "?")
        if state != migrate.CURRENT:
            raise StorageError("只读打开时无法升级数据库结构，请先在可写方式下打开一次。")
        return None
    taken: list[backups.BackupInfo] = []

    def before() -> None:
        taken.append(backups.take_backup(path, "upgrade"))

    try:
        return migrate.upgrade(engine, before=before if existed else None)
    except (NewerSchemaError, StorageError):
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        if taken:
            restore_file(taken[0].path, path)
            raise StorageError(
                f"数据库结构升级失败（{exc}），已自动恢复到升级前的备份“{taken[0].path.name}”。请联系技术支持。"
            ) from exc
        raise StorageError(f"数据库初始化失败：{exc}") from exc
