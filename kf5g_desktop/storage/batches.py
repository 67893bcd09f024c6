"""Batches (bulk imports, return imports): one transaction each, every change logged with the
batch id so the batch can be undone as one; the bulk insert of many new records."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from operator import attrgetter
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session

from kf5g_desktop.domain import codes
from kf5g_desktop.domain.audit_text import approvals_text, audit_text, parse_approvals_text
from kf5g_desktop.domain.kinds import KINDS, kind_of, kind_title, record_key
from kf5g_desktop.domain.records import Approval, Record
from kf5g_desktop.domain.schema import STATION
from kf5g_desktop.domain.values import Batch, Submission

from . import rawinsert, writes
from . import submissions as subs
from .audit import fragments, from_audit_text
from .errors import ConflictError, NotFoundError, StorageError, ValidationFailed
from .mapping import ROW_CLASS, approval_rows, columns, to_values
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

    def update_many(
        self,
        kind: str,
        records: Sequence[Record],
        stored: Sequence[Mapping[str, Any]],
        approvals: Mapping[int, Sequence[Approval]] | None = None,
    ) -> None:
        """:meth:`save` of many existing records at once, for an import whose plan read each one's
        stored row (``stored``: column → value as read, in this transaction's state) and a station's
        approvals. The same validation, audit rows and stored values as one :meth:`save` each, in
        the same order, in a few statements instead of several queries per record. The database
        checks of :meth:`save` (unique live codes, live venue and pole) hold by construction: the
        records were matched on their codes, their links resolved among live records."""
        ctx = self._ctx
        session = ctx.session
        validator = KINDS[kind].validator
        names = [c for c in columns(kind) if c != "id"]
        _check_versions(ctx, kind, records, stored)
        rows: list[dict[str, Any]] = []
        new_approvals: dict[int, Sequence[Approval]] = {}
        for rec, old in zip(records, stored, strict=True):
            issues = validator(rec, ctx.validation)
            if any(i.is_error for i in issues):
                raise ValidationFailed(issues)
            values = to_values(kind, rec)
            rid = rec.id
            assert rid is not None
            key = record_key(kind, rec)
            row: dict[str, Any] = {}  # the columns whose value changes (the rest keep theirs)
            changed = False
            for name in names:
                was, new = old[name], values[name]
                if was is new or (was.__class__ is new.__class__ and was.__class__ in _SAME_TEXT and was == new):
                    continue  # equal values of one plain type: the same audit text
                before, after = audit_text(was), audit_text(new)
                if before != after:
                    ctx.audit("update", kind, rid, key, name, before, after)
                    row[name] = new
                    changed = True
            if kind == STATION:
                current = (approvals or {}).get(rid, [])
                before_text = approvals_text([Approval(a.item, a.applied_on, a.granted_on, a.notes) for a in current])
                after_text = approvals_text(rec.approvals)  # type: ignore[union-attr]
                if before_text != after_text:
                    new_approvals[rid] = rec.approvals  # type: ignore[union-attr]
                    ctx.audit("update", STATION, rid, key, "approvals", before_text or None, after_text or None)
                    changed = True
            if changed:
                row["updated_at"], row["updated_by"], row["_id"] = ctx.now, ctx.user, rid
                row["version"] = old["version"] + 1
                rows.append(row)
        if not rows:
            return
        table = ROW_CLASS[kind].__table__
        session.flush()
        # one statement per set of changed columns: SQLite then rewrites only the indexes of
        # columns that change (a statement setting every column rewrites every index of the row);
        # the import never changes a record's key (it matched on it), so the order is free
        by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for row in rows:
            by_columns.setdefault(tuple(row), []).append(row)
        for cols, group in by_columns.items():
            stmt = (
                update(table)
                .where(table.c.id == bindparam("_id"))
                .values({c: bindparam(c) for c in cols if c != "_id"})
            )
            session.execute(stmt, group)
        if new_approvals:
            ids = list(new_approvals)
            for at in range(0, len(ids), 900):
                session.execute(delete(ApprovalRow).where(ApprovalRow.station_id.in_(ids[at : at + 900])))
            fresh = [r for sid, apps in new_approvals.items() for r in approval_rows(sid, list(apps))]
            if fresh:
                session.execute(insert(ApprovalRow), fresh)

    def set_created_at(self, kind: str, record_id: int, when: datetime) -> None:
        """Back-date a record's creation (e.g. the city dating a unit's records by their return)."""
        table = ROW_CLASS[kind]
        self._ctx.session.execute(update(table).where(table.id == record_id).values(created_at=when))
        self._ctx.touch(kind, (record_id,))


# Types whose equal values always have the same audit text (not float: 0.0 == -0.0, "0" and "-0").
_SAME_TEXT = frozenset({str, int, bool, date, datetime})


def _check_versions(
    ctx: WriteContext, kind: str, records: Sequence[Record], stored: Sequence[Mapping[str, Any]]
) -> None:
    """:func:`writes.current_row`'s check for many records at once: each must still be live and at
    the version the plan read (``stored``), else ConflictError (who changed it, when)."""
    t = ROW_CLASS[kind].__table__.c
    ids = [r.id for r in records]
    now: dict[Any, Any] = {}
    for at in range(0, len(ids), 900):
        cols = (t.version, t.updated_by, t.updated_at, t.deleted_at, t.deleted_by)
        for found in ctx.session.execute(select(t.id, *cols).where(t.id.in_(ids[at : at + 900]))):
            now[found.id] = found
    today = ctx.now.date()
    for rec, old in zip(records, stored, strict=True):
        rid = rec.id or 0
        row = now.get(rid)
        if row is None:
            raise NotFoundError(f"要修改的{kind_title(kind)}记录已不存在（可能已被彻底删除），请刷新后重试。")
        if row.deleted_at is not None:
            by = row.deleted_by or ""
            raise ConflictError(kind, rid, by=by, at=row.deleted_at, version=None, deleted=True, today=today)
        if row.version != old["version"]:
            raise ConflictError(kind, rid, by=row.updated_by, at=row.updated_at, version=row.version, today=today)
