"""What is checked after every kill: integrity, the lock, and the data compared record by record."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kf5g_desktop.domain.records import data_fields
from kf5g_desktop.domain.schema import REGISTER_KINDS
from kf5g_desktop.domain.values import ListQuery
from kf5g_desktop.storage import backup
from kf5g_desktop.storage.db import WriterLock
from kf5g_desktop.storage.store import Store

from .conftest import STATS


def assert_sound(path: Path) -> None:
    """The file passes SQLite's full integrity check and nobody holds its writer lock."""
    assert backup.integrity_problems(path) == [], backup.integrity_problems(path)
    lock = WriterLock(path)
    lock.acquire("检查")  # raises DatabaseLockedError if the killed child's lock survived it
    lock.release()


def snapshot(store: Store) -> dict[str, Any]:
    """Everything a user entered, comparable between two databases (no timestamps)."""
    out: dict[str, Any] = {}
    for kind in REGISTER_KINDS:
        recs = store.query(kind) + store.query(kind, ListQuery(deleted=True))
        out[kind] = sorted(
            (r.id, *(repr(getattr(r, f)) for f in data_fields(r)), r.meta.deleted_at is None) for r in recs
        )
    out["approvals"] = {
        sid: [(a.item, a.applied_on, a.granted_on, a.notes) for a in items]
        for sid, items in store.approvals_for().items()
    }
    out["audit"] = sorted(
        (
            a.action,
            a.table_name,
            a.record_id,
            a.record_key,
            a.field or "",
            a.old or "",
            a.new or "",
            a.batch_id or 0,
        )
        for a in store.audit_log(limit=10**7)
    )
    out["batches"] = [(b.id, b.kind, b.description, b.undone_at is None) for b in store.batches()]
    return out


def record_count(snap: dict[str, Any]) -> int:
    return sum(len(snap[k]) for k in REGISTER_KINDS)


def lost_records(expected: dict[str, Any], actual: dict[str, Any]) -> int:
    """Records of ``expected`` not present, identical, in ``actual``."""
    return sum(len(set(expected[k]) - set(actual[k])) for k in REGISTER_KINDS)


def assert_one_of(actual: dict[str, Any], before: dict[str, Any], after: dict[str, Any]) -> None:
    """All or nothing: the database is exactly as before the interrupted operation, or as after it.
    Counts the committed records checked (and any lost) for the summary."""
    STATS["records"] += record_count(before)
    if actual in (before, after):
        return
    STATS["lost"] += lost_records(before, actual)
    for key in actual:
        if actual[key] not in (before[key], after[key]):
            raise AssertionError(
                f"{key} is neither as before nor as after the interrupted operation:\n"
                f"actual={actual[key]!r}\nbefore={before[key]!r}\nafter={after[key]!r}"
            )
    raise AssertionError("mixed state: some parts as before, others as after")
