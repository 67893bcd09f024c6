"""Backups with SQLite's online backup API, verified after writing, thinned over time.

Files: ``<db folder>/backups/kf5g-YYYYMMDD-HHMMSS-<reason>.db``. Thinning (RELIABILITY.md): keep every
backup of the last 7 days, one per ISO week for ~3 months (13 weeks), one per month after that; the
newest is never deleted.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from kf5g_desktop.paths import backup_dir_for

from .errors import StorageError, sqlite_problem

# integrity_problems and wal_problems live in filecheck now; backups.… since before
from .filecheck import integrity_problems as integrity_problems
from .filecheck import readonly_uri
from .filecheck import wal_problems as wal_problems

REASONS = {
    "daily": "每日",
    "manual": "手动",
    "import": "导入前",
    "restore": "恢复前",
    "upgrade": "升级前",
    "exit": "退出时",
    "undo": "撤销批次前",
}
_NAME_RE = re.compile(r"^kf5g-(\d{8}-\d{6})(?:-(\d+))?-([a-z]+)\.db$")


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    reason: str

    @property
    def reason_label(self) -> str:
        return REASONS.get(self.reason, self.reason)

    @property
    def size(self) -> int:
        return self.path.stat().st_size


def seal_backup(tmp: Path, dest: Path) -> None:
    """A backup written under its temporary name made durable, checked and put in place: fsync,
    ``integrity_check``, then renamed to ``dest`` (StorageError, the file left out, when it fails)."""
    with open(tmp, "rb+") as f:
        os.fsync(f.fileno())
    problems = integrity_problems(tmp)
    if problems:
        raise StorageError(f"备份文件校验未通过（{problems[0]}），备份未保存。")
    os.replace(tmp, dest)


def copy_database(src: Path, dest: Path) -> None:
    """Copy a live database consistently (backup API) to ``dest`` via a temporary name, then verify."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    _remove_partial(tmp)
    try:
        source = sqlite3.connect(readonly_uri(src), uri=True)
        try:
            target = sqlite3.connect(tmp)
            try:
                source.backup(target)
                target.execute("PRAGMA journal_mode=DELETE")
            finally:
                target.close()
        finally:
            source.close()
        seal_backup(tmp, dest)
    except sqlite3.DatabaseError as exc:
        problem = sqlite_problem(exc)
        if problem is not None:
            raise StorageError(
                f"备份失败：{problem}，无法写入“{dest.parent}”。原数据库未受影响。请清理磁盘空间或换一个备份位置。"
            ) from exc
        raise StorageError(f"备份失败：{exc}。原数据库未受影响。") from exc
    except OSError as exc:
        raise StorageError(
            f"备份失败：无法写入“{dest.parent}”（{exc.strerror}）。请检查磁盘空间和权限。"
        ) from exc
    finally:
        _remove_partial(tmp)


def _remove_partial(tmp: Path) -> None:
    """Remove a temporary copy and its journal or WAL files (left beside it when a copy was killed;
    a stale journal must never be rolled into a new copy of the same name)."""
    for p in (tmp, *(tmp.with_name(tmp.name + x) for x in ("-journal", "-wal", "-shm"))):
        if p.exists():
            p.unlink()


PARTIAL_MAX_AGE = timedelta(hours=1)


def clean_partial_files(folder: Path, now: datetime | None = None) -> list[Path]:
    """Remove what copies interrupted by a crash or power cut left (``*.part`` and its journal,
    ``-wal`` and ``-shm`` files: a copy of a WAL database is in WAL mode until it is switched off),
    once they are older than any copy still running could be."""
    if not folder.is_dir():
        return []
    limit = (now or datetime.now()) - PARTIAL_MAX_AGE
    removed = []
    for p in folder.iterdir():
        if p.name.endswith((".part", ".part-journal", ".part-wal", ".part-shm")):
            try:
                if datetime.fromtimestamp(p.stat().st_mtime) < limit:
                    p.unlink()
                    removed.append(p)
            except OSError:
                pass
    return removed


def take_backup(
    db_path: Path, reason: str, *, folder: Path | None = None, now: datetime | None = None
) -> BackupInfo:
    folder = folder or backup_dir_for(db_path)
    now = now or datetime.now()
    stamp = now.strftime("%Y%m%d-%H%M%S")
    dest = folder / f"kf5g-{stamp}-{reason}.db"
    n = 1
    while dest.exists():
        n += 1
        dest = folder / f"kf5g-{stamp}-{n}-{reason}.db"
    copy_database(db_path, dest)
    return BackupInfo(dest, now.replace(microsecond=0), reason)


class PendingBackup:
    """A backup being taken (:func:`take_backup`) on a thread while the caller goes on, e.g. while
    it verifies the files it is about to import: SQLite copies and checks with the GIL released.
    :meth:`keep` waits for it (raising its error) and returns it; :meth:`discard` waits and removes
    it (nothing was written after all)."""

    def __init__(
        self,
        db_path: Path,
        reason: str,
        *,
        folder: Path | None = None,
        before: Callable[[], object] | None = None,
    ) -> None:
        import threading

        self._error: BaseException | None = None
        self._info: BackupInfo | None = None

        def run() -> None:
            try:
                if before is not None:  # e.g. wait for the file's check (raising if it failed)
                    before()
                self._info = take_backup(db_path, reason, folder=folder)
            except BaseException as exc:  # handed to keep()
                self._error = exc

        self._thread = threading.Thread(target=run, name="kf5g-backup", daemon=True)
        self._thread.start()

    def keep(self) -> BackupInfo:
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._info is not None
        return self._info

    def discard(self) -> None:
        self._thread.join()
        if self._info is not None:
            self._info.path.unlink(missing_ok=True)


def list_backups(db_path: Path, *, folder: Path | None = None) -> list[BackupInfo]:
    """Backups, newest first."""
    folder = folder or backup_dir_for(db_path)
    if not folder.is_dir():
        return []
    out = []
    for p in folder.iterdir():
        m = _NAME_RE.match(p.name)
        if m:
            out.append(BackupInfo(p, datetime.strptime(m.group(1), "%Y%m%d-%H%M%S"), m.group(3)))
    out.sort(key=lambda b: (b.taken_at, b.path.name), reverse=True)
    return out


def backups_to_thin(backups: list[BackupInfo], now: datetime) -> list[BackupInfo]:
    """Which backups the thinning rule deletes. ``backups`` newest first; the newest is kept always."""
    keep: set[Path] = set()
    seen_weeks: set[tuple[int, int]] = set()
    seen_months: set[tuple[int, int]] = set()
    for i, b in enumerate(backups):
        age = now - b.taken_at
        if i == 0 or age <= timedelta(days=7):
            keep.add(b.path)
            continue
        if age <= timedelta(weeks=13):
            wk = tuple(b.taken_at.isocalendar()[:2])
            if wk not in seen_weeks:
                seen_weeks.add(wk)  # type: ignore[arg-type]
                keep.add(b.path)
            continue
        month = (b.taken_at.year, b.taken_at.month)
        if month not in seen_months:
            seen_months.add(month)
            keep.add(b.path)
    # Iterating newest first keeps the newest of each week/month; the oldest are thinned.
    return [b for b in backups if b.path not in keep]


def thin_backups(db_path: Path, *, now: datetime | None = None, folder: Path | None = None) -> list[Path]:
    removed = clean_partial_files(folder or backup_dir_for(db_path), now)
    for b in backups_to_thin(list_backups(db_path, folder=folder), now or datetime.now()):
        try:
            b.path.unlink()
            removed.append(b.path)
        except OSError:
            pass
    return removed


def needs_daily_backup(db_path: Path, now: datetime | None = None) -> bool:
    now = now or datetime.now()
    return not any(b.taken_at.date() == now.date() for b in list_backups(db_path))
