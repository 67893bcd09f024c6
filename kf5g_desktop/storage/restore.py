"""Putting a backup back in place of the database file."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

from . import backup as backups
from .db import WriterLock
from .errors import StorageError


def restore_file(backup_path: Path, db_path: Path) -> None:
    """Put a backup in place of the database file (no connection may be open on it)."""
    problems = backups.integrity_problems(backup_path)
    if problems:
        raise StorageError(f"备份文件“{backup_path.name}”校验未通过（{problems[0]}），不能用于恢复。")
    tmp = db_path.with_name(db_path.name + ".restoring")
    shutil.copyfile(backup_path, tmp)
    for suffix in ("-wal", "-shm"):
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            side.unlink()
    tmp.replace(db_path)


def restore_backup(db_path: Path, backup_path: Path) -> Path | None:
    """Restore ``backup_path`` over ``db_path``, keeping a copy of what it replaces.

    Takes the one-writer lock itself (the program must not have the database open). Returns the
    path of the copy of the replaced database (a verified backup, or the damaged file set aside).
    """
    lock = WriterLock(db_path)
    lock.acquire("restore")
    try:
        kept: Path | None = None
        if db_path.exists() and db_path.stat().st_size > 0:
            if backups.integrity_problems(db_path):
                kept = db_path.with_name(
                    f"{db_path.stem}.damaged-{datetime.now():%Y%m%d-%H%M%S}{db_path.suffix}"
                )
                shutil.copyfile(db_path, kept)
                wal = db_path.with_name(db_path.name + "-wal")
                if wal.exists():  # its latest changes may be there: keep them with it
                    shutil.copyfile(wal, kept.with_name(kept.name + "-wal"))
            else:
                kept = backups.take_backup(db_path, "restore").path
        restore_file(backup_path, db_path)
        return kept
    finally:
        lock.release()
