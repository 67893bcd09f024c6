"""Errors of the storage layer. Each carries a complete Chinese message for the user."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kf5g_desktop.domain.validation import Issue


class Kf5gError(Exception):
    """Base of every error the program reports to the user: ``str(exc)`` is the Chinese message."""


class StorageError(Kf5gError):
    pass


@dataclass(frozen=True, slots=True)
class LockHolder:
    """Who holds the one-writer lock (the note in ``<db>.lock``)."""

    pid: int
    host: str
    user: str
    since: str

    def describe(self) -> str:
        return f"{self.user or '未知用户'}（计算机 {self.host}，进程 {self.pid}，自 {self.since} 起）"


class DatabaseLockedError(StorageError):
    def __init__(self, holder: LockHolder | None) -> None:
        self.holder = holder
        who = holder.describe() if holder else "另一个程序"
        # Said where the error surfaces as text (the command line); the window asks its own question
        # (gui/app.py: open read-only or quit).
        super().__init__(
            f"数据库正被{who}使用，为防止数据损坏，同一时间只能有一个程序修改它，本命令没有执行。"
            "请在那台电脑上保存并退出程序（关闭窗口）后再运行本命令。"
        )


class NewerSchemaError(StorageError):
    def __init__(self, revision: str) -> None:
        self.revision = revision
        super().__init__(
            f"这个数据库由更新版本的程序创建（结构版本 {revision}），本程序无法读取。"
            "数据库未做任何改动，请安装最新版本的程序后再打开。"
        )


class CorruptDatabaseError(StorageError):
    def __init__(self, path: str, detail: str) -> None:
        self.path = path
        self.detail = detail
        super().__init__(
            f"数据库文件“{path}”已损坏（{detail}）。为保护数据，已禁止写入；"
            "请从备份恢复（菜单“文件 → 从备份恢复”或命令 kf5g restore）。"
        )


class ReadOnlyStoreError(StorageError):
    def __init__(self) -> None:
        super().__init__("当前以只读方式打开数据库，不能修改数据。")


class ValidationFailed(Kf5gError):
    """A record did not pass validation; ``issues`` lists every problem (errors and warnings)."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = issues
        errs = [i for i in issues if i.is_error] or issues
        super().__init__("\n".join(i.message for i in errs))


class NotFoundError(StorageError):
    pass


class ConflictError(StorageError):
    """A record was changed (or deleted) by somebody else since the caller read it: the write was
    refused, nothing of it was saved. ``by`` and ``at`` say who changed it and when (the record's
    ``updated_by`` / ``updated_at``, or ``deleted_by`` / ``deleted_at``); ``version`` is the record's
    version now (None: it is in the recycle bin or gone)."""

    def __init__(
        self,
        kind: str,
        record_id: int,
        *,
        by: str,
        at: datetime | None,
        version: int | None,
        deleted: bool = False,
        today: date | None = None,
    ) -> None:
        self.kind = kind
        self.record_id = record_id
        self.by = by
        self.at = at
        self.version = version
        self.deleted = deleted
        who = by or "其他用户"
        when = f" 于 {moment_text(at, today)}" if at is not None else ""
        if deleted:
            super().__init__(
                f"此记录已被 {who}{when} 删除，您的修改未保存。可在回收站中查看；如仍需要，请恢复后再修改。"
            )
        else:
            super().__init__(
                f"此记录已被 {who}{when} 修改，您的修改未保存。"
                "请重新载入记录后再改，或先比较您的修改与对方保存的内容。"
            )


def moment_text(at: datetime, today: date | None = None) -> str:
    """``10:42`` today, ``11月30日 10:42`` this year, ``2020年11月30日 10:42`` before."""
    if today is not None and at.date() == today:
        return f"{at:%H:%M}"
    if today is not None and at.year == today.year:
        return f"{at.month}月{at.day}日 {at:%H:%M}"
    return f"{at.year}年{at.month}月{at.day}日 {at:%H:%M}"


# SQLite result codes (the primary code is the low byte of an extended code).
_SQLITE_BUSY, _SQLITE_LOCKED, SQLITE_READONLY, _SQLITE_IOERR = 5, 6, 8, 10
_SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 11, 13, 14, 26

_SQLITE_PROBLEMS = {
    _SQLITE_FULL: "磁盘空间不足",
    _SQLITE_IOERR: "读写文件时出错（磁盘或网络故障）",
    SQLITE_READONLY: "文件或文件夹是只读的",
    _SQLITE_CANTOPEN: "无法打开文件（权限不足或文件夹不存在）",
    _SQLITE_BUSY: "数据库正忙（另一个程序正在写入）",
    _SQLITE_LOCKED: "数据库正忙（另一个程序正在写入）",
}


def sqlite_code(exc: BaseException) -> int | None:
    """The primary SQLite result code of a sqlite3 error (or of one wrapped by SQLAlchemy)."""
    orig = getattr(exc, "orig", exc)
    code = getattr(orig, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def sqlite_problem(exc: BaseException) -> str | None:
    """What went wrong, in Chinese, for the environmental SQLite failures (full disk, I/O error,
    read-only file, busy, cannot open); None for anything else (a bug: let it surface)."""
    code = sqlite_code(exc)
    return _SQLITE_PROBLEMS.get(code) if code is not None else None


def is_corruption(exc: BaseException) -> bool:
    return sqlite_code(exc) in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
