"""Short sessions and the write context: one SQLite transaction each, SQLite's environmental
failures (full disk, I/O error, damage) turned into a StorageError that says what to do, and the
audit rows of a write flushed in one statement before it commits, with a new version of every
record it changed (``history``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from kf5g_desktop.domain.validation import ValidationContext

from . import history, rawinsert, server
from .errors import ConflictError, CorruptDatabaseError, StorageError, is_corruption, sqlite_problem
from .models import AuditRow

AUDIT_COLUMNS = (
    "at",
    "user",
    "action",
    "table_name",
    "record_id",
    "record_key",
    "field",
    "old",
    "new",
    "batch_id",
)


@contextmanager
def open_session(engine: Engine, path: Path | str, *, write: bool = False) -> Iterator[Session]:
    """A short session in one transaction; committed on success, rolled back on error. ``engine``
    is the store's write engine for ``write=True`` (BEGIN IMMEDIATE: SQLite's write lock at once)."""
    try:
        with Session(engine, expire_on_commit=False) as s, s.begin():
            yield s
    except StaleDataError as exc:
        # An UPDATE that found another version than the one it read (``version_id_col``): another
        # connection changed the record in between — only possible with many writers (a server).
        raise ConflictError("", 0, by="", at=None, version=None) from exc
    except DBAPIError as exc:
        if engine.dialect.name == "postgresql":
            user = engine.url.username or ""
            err = server.server_error(exc, str(path), write, user)
        else:
            err = db_error(exc, Path(path), write)
        if err is None:
            raise  # not the environment: a bug, keep it as it is
        raise err from exc


def db_error(exc: DBAPIError, path: Path, write: bool) -> StorageError | None:
    """A clear StorageError for what the environment did to SQLite (full disk, I/O error,
    damage); the transaction was rolled back, so nothing of it was written."""
    if is_corruption(exc):
        return CorruptDatabaseError(str(path), str(getattr(exc, "orig", exc))[:200])
    problem = sqlite_problem(exc)
    if problem is None:
        return None
    if write:
        return StorageError(
            f"{problem}，本次修改未能保存到数据库“{path}”，已有数据未受影响。"
            "请清理磁盘空间、检查权限或稍后再试。"
        )
    return StorageError(f"{problem}，读取数据库“{path}”失败。请处理后重试。")


@dataclass(slots=True)
class WriteContext:
    """What one write operation needs: the session, who, when, which batch, and the reference data
    records are validated against. Audit rows collect here and are written by :meth:`flush_audit`."""

    session: Session
    user: str
    now: datetime
    validation: ValidationContext
    batch_id: int | None = None
    audit_rows: list[tuple[Any, ...]] = field(default_factory=list)  # rows of AUDIT_COLUMNS
    touched: dict[str, set[int]] = field(default_factory=dict)  # kind → ids changed (history)

    def audit(
        self,
        action: str,
        kind: str,
        rid: int,
        key: str,
        fld: str | None = None,
        old: str | None = None,
        new: str | None = None,
    ) -> None:
        self.audit_rows.append((self.now, self.user, action, kind, rid, key, fld, old, new, self.batch_id))
        self.touch(kind, (rid,))

    def touch(self, kind: str, ids: Iterable[int]) -> None:
        """Mark records as changed in this transaction: they get a new version when it commits.
        Every audited change does it; writes that bypass :meth:`audit` must call it."""
        self.touched.setdefault(kind, set()).update(ids)

    def flush_audit(self) -> None:
        """Write the collected audit rows (one executemany) and start a new collection."""
        if not self.audit_rows:
            return
        when: dict[datetime, str] = {}  # one operation has one time: convert it once
        out = []
        for r in self.audit_rows:
            at = when.get(r[0])
            if at is None:
                at = when[r[0]] = rawinsert.sql_datetime(r[0])
            out.append((at, *r[1:]))
        rawinsert.insert_rows(self.session, AuditRow.__table__, AUDIT_COLUMNS, out)
        self.audit_rows.clear()


@contextmanager
def writing(
    write_engine: Engine,
    path: Path | str,
    *,
    user: str,
    now: datetime,
    validation: ValidationContext,
    batch_id: int | None = None,
) -> Iterator[WriteContext]:
    """One write transaction; its audit rows are flushed before it commits."""
    with open_session(write_engine, path, write=True) as s:
        ctx = WriteContext(s, user, now, validation, batch_id)
        yield ctx
        ctx.flush_audit()
        if ctx.touched:
            s.flush()
            history.record(s, ctx.touched, ctx.now)
