"""What opening a database file checks and does before the Store uses it: the file's place, a
journal left by a crash, integrity, that the file is ours, and the schema — checked when reading,
upgraded after a verified backup when writing (and the backup put back if the upgrade fails)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.engine import Engine

from . import backup as backups
from . import migrate
from .db import check_writable_place, recover_hot_journal
from .errors import CorruptDatabaseError, NewerSchemaError, StorageError
from .restore import restore_file

log = logging.getLogger("kf5g.storage")


def check_file(path: Path, *, readonly: bool, check: str) -> tuple[bool, IntegrityWatch | None]:
    """Refuse a file that cannot be opened as asked. Returns whether it exists with content, and
    the background check for ``check="background"`` or ``"background-later"`` (else None).

    ``check``: "full" (integrity_check), "quick" (quick_check), "none", or "background": the
    ``-wal`` file is checked here (before anything could write to it), SQLite's quick_check of the
    file runs on a thread of its own (:class:`IntegrityWatch`; the Store holds writes until it
    passes); "background-later": the same, but the check starts when asked to
    (:meth:`IntegrityWatch.start`: the window, once the home page's figures are painted) or when
    something waits for it. A database whose schema needs an upgrade is checked here in full before
    it is touched.
    """
    if readonly:
        if not path.exists():
            raise StorageError(f"数据库文件“{path}”不存在。")
    else:
        check_writable_place(path)
    existed = path.exists() and path.stat().st_size > 0
    if existed and not readonly:
        recover_hot_journal(path)
    background = check in ("background", "background-later") and existed and not readonly
    if background:
        problems = backups.wal_problems(path)
        if problems:
            raise CorruptDatabaseError(str(path), problems[0][:200])
    elif existed and check != "none":
        # Another copy may be writing the -wal file right now when we only read.
        problems = backups.integrity_problems(path, quick=(check != "full"), wal=not readonly)
        if problems:
            raise CorruptDatabaseError(str(path), problems[0][:200])
    if not existed:
        return False, None
    state = migrate.refuse_if_not_ours(path)
    if background and state == migrate.BEHIND:  # an upgrade writes: check first, here
        problems = backups.integrity_problems(path, quick=True, wal=False)
        if problems:
            raise CorruptDatabaseError(str(path), problems[0][:200])
        background = False
    if not background:
        return True, None
    return True, IntegrityWatch(path, start=check == "background")


class IntegrityWatch:
    """SQLite's ``quick_check`` of a database file on a thread of its own, started when the window
    opens a large database (RELIABILITY.md: corruption found at start-up blocks writes). SQLite
    runs the check without Python's lock, so it takes no time from the start-up work beside it.
    The Store waits for it before any write (:meth:`raise_if_damaged`).

    ``start=False``: the check begins at :meth:`start`, or as soon as anything waits for it (a
    write is never let through unchecked): the window starts it after the home page's first
    figures, which then have both cores and the disk to themselves."""

    def __init__(self, path: Path, *, start: bool = True) -> None:
        self.path = path
        self.problem: str | None = None  # the first problem found, once done
        self._done = threading.Event()
        self._lock = threading.Lock()
        self._callbacks: list[Callable[[str | None], object]] = []
        self._thread = threading.Thread(target=self._run, name="kf5g-quick-check", daemon=True)
        self._started = False
        if start:
            self.start()

    def start(self) -> None:
        """Begin the check (once; later calls do nothing)."""
        with self._lock:
            if self._started:
                return
            self._started = True
        self._thread.start()

    def _run(self) -> None:
        try:
            problems = backups.integrity_problems(self.path, quick=True, wal=False)
        except Exception as exc:  # e.g. the file vanished: as damaging as a failed check
            log.exception("background quick_check of %s failed", self.path)
            problems = [str(exc) or type(exc).__name__]
        if problems:
            log.error("quick_check of %s: %s", self.path, "; ".join(problems[:5]))
        self.problem = problems[0][:200] if problems else None
        with self._lock:
            self._done.set()
            callbacks, self._callbacks = self._callbacks, []
        for fn in callbacks:
            try:
                fn(self.problem)
            except Exception:  # e.g. the window that asked is gone
                log.exception("after the background quick_check")

    def on_done(self, fn: Callable[[str | None], object]) -> None:
        """Call ``fn(problem)`` when the check is done: at once if it is, else on the check's thread."""
        with self._lock:
            if not self._done.is_set():
                self._callbacks.append(fn)
                return
        fn(self.problem)

    @property
    def pending(self) -> bool:
        return not self._done.is_set()

    def wait(self, timeout: float | None = None) -> str | None:
        """Wait until the check is done (or ``timeout`` seconds); the problem found, if any.
        Starts the check if it has not begun."""
        self.start()
        self._done.wait(timeout)
        return self.problem

    def raise_if_damaged(self) -> None:
        """Hold the caller until the check is done; a damaged file raises CorruptDatabaseError."""
        if self.wait() is not None:
            raise CorruptDatabaseError(str(self.path), self.problem or "")


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


def prepare_server_schema(engine: Engine, where: str, *, readonly: bool) -> str | None:
    """A server database: refuse one of a newer program or with tables not ours, untouched; bring
    an empty or older one to the current schema (only its owner may: DDL) — the revision upgraded
    from, if any."""
    state, rev = migrate.schema_state(engine)
    if state == migrate.NEWER:
        raise NewerSchemaError(rev or "?")
    if state == migrate.FOREIGN:
        raise StorageError(
            f"服务器上的数据库“{where}”里已有别的表，不是本程序的数据库，未做任何改动。请检查数据库名。"
        )
    if state == migrate.CURRENT:
        return None
    if readonly:
        raise StorageError("只读打开时无法升级数据库结构，请先在可写方式下打开一次。")
    from sqlalchemy.exc import DBAPIError

    from . import server

    try:
        return server.upgrade(engine)
    except DBAPIError as exc:
        if server.sqlstate(exc) != "42501":
            raise
        what = "还没有初始化" if state == migrate.EMPTY else "需要升级到本程序的结构版本"
        raise StorageError(
            f"服务器上的数据库“{where}”{what}，当前登录没有这个权限（数据库结构未改动）。"
            "请数据库的所有者（管理员）运行 kf5g server-init 完成后再连接。"
        ) from exc
