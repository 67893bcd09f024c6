"""Batches (bulk imports, return imports): one transaction each, every change logged with the
batch id so the batch can be undone as one; the bulk insert of many new records."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from operator import attrgetter
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from kf5g_desktop.domain import codes
from kf5g_desktop.domain.audit_text import approvals_text, parse_approvals_text
from kf5g_desktop.domain.kinds import KINDS, kind_of, record_key
from kf5g_desktop.domain.records import Record
from kf5g_desktop.domain.schema import STATION
from kf5g_desktop.domain.values import Batch, Submission

from . import rawinsert, writes
from . import submissions as subs
from .audit import fragments, from_audit_text
from .errors import NotFoundError, StorageError
from .mapping import ROW_CLASS, columns
from .models import ApprovalRow, AuditRow, BatchRow
from .session import WriteContext


def start(ctx: WriteContext, kind: str, description: str) -> int:
    """A new batch row; the write context logs its changes with the batch's id from now on."""
    row = BatchRow(kind=kind, description=description, created_at=ctx.now, created_by=ctx.user)
    ctx.session.add(row)
    ctx.session.flush()
    ctx.batch_id = int(row.id)
    return ctx.batch_id


def batches(s: Session) -> list[Batch]:
    return [
        Batch(r.id, r.kind, r.description, r.created_at, r.created_by, r.undone_at)
        for r in s.scalars(select(BatchRow).order_by(BatchRow.id.desc()))
    ]


def undo(ctx: WriteContext, batch_id: int) -> int:
    """Undo every change of a batch (newest first). Refused when a record of the batch was changed
    after it. Returns the number of records touched."""
    s = ctx.session
    batch = s.get(BatchRow, batch_id)
    if batch is None:
        raise NotFoundError(f"没有编号为 {batch_id} 的导入批次。")
    if batch.undone_at is not None:
        raise StorageError(f"批次 {batch_id} 已于 {batch.undone_at:%Y-%m-%d %H:%M} 撤销过。")
    rows = s.scalars(select(AuditRow).where(AuditRow.batch_id == batch_id).order_by(AuditRow.id.desc())).all()
    touched = {(r.table_name, r.record_id) for r in rows}
    for kind, rid in touched:
        later = s.scalar(
            select(func.count()).where(
                AuditRow.table_name == kind,
                AuditRow.record_id == rid,
                AuditRow.id > max(r.id for r in rows if (r.table_name, r.record_id) == (kind, rid)),
            )
        )
        if later:
            key = next(r.record_key for r in rows if (r.table_name, r.record_id) == (kind, rid))
            raise StorageError(f"无法撤销：批次之后“{key}”又被修改过。请先手工处理该记录。")
    ctx.batch_id = None
    changed: set[tuple[str, int]] = set()
    for r in rows:
        table = ROW_CLASS[r.table_name]
        row = s.get(table, r.record_id)
        if row is None:
            continue
        if r.action == "insert":
            if row.deleted_at is None:
                row.deleted_at, row.deleted_by = ctx.now, ctx.user
                ctx.audit("undo", r.table_name, r.record_id, r.record_key)
        elif r.action == "update" and r.field == "approvals":
            writes.replace_approvals(s, r.record_id, parse_approvals_text(r.old))
            ctx.audit("undo", r.table_name, r.record_id, r.record_key, r.field, r.new, r.old)
        elif r.action == "update" and r.field:
            col = table.__table__.c[r.field]
            setattr(row, r.field, from_audit_text(col, r.old))
            ctx.audit("undo", r.table_name, r.record_id, r.record_key, r.field, r.new, r.old)
        elif r.action == "delete":
            row.deleted_at, row.deleted_by = None, None
            ctx.audit("undo", r.table_name, r.record_id, r.record_key)
        else:
            continue
        if (r.table_name, r.record_id) not in changed:  # one new version per record undone
            changed.add((r.table_name, r.record_id))
            row.version += 1
        if r.action == "update":  # who changed it last, for whoever still has the old version open
            row.updated_at, row.updated_by = ctx.now, ctx.user
    batch.undone_at, batch.undone_by = ctx.now, ctx.user
    return len(touched)


class BatchWriter:
    """Writes inside one batch transaction (see :meth:`Store.batch_writer`)."""

    def __init__(self, ctx: WriteContext, clock: Callable[[], datetime]) -> None:
        self._ctx = ctx
        self._clock = clock

    @property
    def batch_id(self) -> int:
        assert self._ctx.batch_id is not None
        return self._ctx.batch_id

    def save(self, record: Record) -> int:
        return writes.save(self._ctx, kind_of(record), record)

    def delete(self, kind: str, record_id: int, version: int | None = None) -> None:
        writes.delete(self._ctx, kind, record_id, version)

    def add_submission(self, values: dict[str, Any]) -> Submission:
        """Record a return received in this batch's transaction."""
        return subs.add(self._ctx.session, values, now=self._clock(), user=self._ctx.user)

    def insert_many(
        self, kind: str, records: Sequence[Record], *, created_at: datetime | None = None
    ) -> list[int]:
        """Bulk-insert new records in this batch (one executemany), audited like :meth:`save`.

        For imports that have already validated every row and checked their business keys against
        the database (the unique indexes still guard): no per-record validation or queries here.
        Venue/pole codes must be set. ``created_at`` back-dates the records. Returns the new ids in
        the order of ``records``.
        """
        if not records:
            return []
        ctx = self._ctx
        session = ctx.session
        table = ROW_CLASS[kind].__table__
        when = created_at or ctx.now
        ids = rawinsert.reserve_ids(session, table, len(records))  # assigned here, in this transaction
        for rid, r in zip(ids, records, strict=True):
            r.id = rid
        ctx.flush_audit()  # earlier changes of this batch first: audit ids stay in time order
        # Everything is built column by column (a field of every record at a time): most of the work
        # then runs in C (map, zip, join) instead of a Python loop over 30 fields of 100,000 records.
        # SQLite inserts the records on a background thread while their audit rows are built here.
        cols_names = [c for c in columns(kind) if c != "id"]
        cols: list[list[Any]] = [list(map(attrgetter(c), records)) for c in cols_names]
        join = codes.CODE_SEPARATOR.join
        list_fields = KINDS[kind].list_fields
        for i, c in enumerate(cols_names):
            if c in list_fields:
                cols[i] = [join(v) if v else "" for v in cols[i]]
        stored = list(cols)
        for i, conv in rawinsert.converters(table, cols_names):
            stored[i] = [None if v is None else conv(v) for v in cols[i]]
        at = rawinsert.sql_datetime(ctx.now)
        book: dict[str, str | int | None] = dict(
            created_at=rawinsert.sql_datetime(when), created_by=ctx.user, updated_at=at, updated_by=ctx.user
        )
        with rawinsert.BackgroundInserts(session) as writer:
            writer.insert(table, [*cols_names, "id"], list(zip(*stored, ids, strict=True)), constants=book)
            if kind == STATION:
                approvals = [
                    [r.id, a.item, a.applied_on, a.granted_on, a.notes]
                    for r in records
                    for a in r.approvals  # type: ignore[union-attr]
                ]
                cols_a = ("station_id", "item", "applied_on", "granted_on", "notes")
                rawinsert.to_storage(approvals, rawinsert.converters(ApprovalRow.__table__, cols_a))
                writer.insert(ApprovalRow.__table__, cols_a, approvals)
            # the audit snapshot: json.dumps({field: audit_text(value)} of the non-empty fields)
            frags = [
                fragments(c, col)
                for c, col in zip(cols_names, cols, strict=True)
                if col.count(None) + col.count("") < len(col)  # a field empty in every record adds nothing
            ]
            if kind == STATION:
                texts = [approvals_text(r.approvals) if r.approvals else None for r in records]  # type: ignore[union-attr]
                frags.append(fragments("approvals", texts))
            snapshots = ["{" + ", ".join(filter(None, f)) + "}" for f in zip(*frags, strict=True)]
            keys = [record_key(kind, r) for r in records]
            constants: dict[str, str | int | None] = dict(
                at=at, user=ctx.user, action="insert", table_name=kind, batch_id=ctx.batch_id
            )
            writer.insert(
                AuditRow.__table__,
                ("record_id", "record_key", "new"),
                list(zip(ids, keys, snapshots, strict=True)),
                constants=constants,
            )
        ctx.touch(kind, ids)
        return list(ids)

    def set_created_at(self, kind: str, record_id: int, when: datetime) -> None:
        """Back-date a record's creation (e.g. the city dating a unit's records by their return)."""
        table = ROW_CLASS[kind]
        self._ctx.session.execute(update(table).where(table.id == record_id).values(created_at=when))
        self._ctx.touch(kind, (record_id,))
