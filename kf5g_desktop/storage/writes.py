"""Writing records: what a save checks (the domain rules plus unique codes and links to records
that exist), save, delete to the recycle bin, restore, purge, and the whole-database check."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import delete as sql_delete
from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from kf5g_desktop.domain import codes
from kf5g_desktop.domain.audit_text import approvals_text, audit_text
from kf5g_desktop.domain.kinds import KINDS, SITE_KINDS, kind_title, record_key
from kf5g_desktop.domain.records import Approval
from kf5g_desktop.domain.schema import POLE, REGISTER_KINDS, STATION, VENUE, field_label
from kf5g_desktop.domain.validation import (
    ERROR,
    POLE_SCREENED,
    STATION_BLANK_SCREENED,
    STATION_SCREENED,
    VENUE_SCREENED,
    Issue,
    ValidationContext,
    pole_suspects,
    station_suspects,
    venue_suspects,
)
from kf5g_desktop.domain.values import CheckProblem, ListQuery

from . import backup as backups
from . import dialect, queries
from .audit import snapshot, snapshot_json
from .errors import ConflictError, NotFoundError, StorageError, ValidationFailed
from .gcpause import paused_gc
from .mapping import ROW_CLASS, approval_rows, link_column, to_record, to_values
from .models import ApprovalRow, StationRow
from .session import WriteContext

DUPLICATE_CODES = ("station_code_duplicate", "code_duplicate")


def validate(s: Session, validation: ValidationContext, kind: str, record: Any) -> list[Issue]:
    """Every problem of ``record``: its kind's domain rules plus what needs the database."""
    issues: list[Issue] = KINDS[kind].validator(record, validation)
    return issues + db_issues(s, kind, record)


def db_issues(s: Session, kind: str, record: Any) -> list[Issue]:
    """Unique codes among live records, and a station's links to live venues and poles."""
    out: list[Issue] = []
    k = KINDS[kind]
    table = ROW_CLASS[kind]
    live = [table.deleted_at.is_(None)]
    if record.id is not None:
        live.append(table.id != record.id)
    if kind == STATION and record.operator and record.station_code:
        other = s.scalar(
            select(StationRow.name).where(
                StationRow.operator == record.operator,
                StationRow.station_code == record.station_code,
                *live,
            )
        )
        if other is not None:
            out.append(
                Issue(
                    "station_code",
                    f"{codes.OPERATOR.label(record.operator)}的基站编码“{record.station_code}”已被基站"
                    f"“{other}”使用，同一运营商的基站编码不能重复，请核对。",
                    ERROR,
                    "station_code_duplicate",
                )
            )
        for site in SITE_KINDS:  # links are checked for a station with its business key
            name = site.link_column or ""
            ref = getattr(record, name)
            if ref is not None:
                ref_table = ROW_CLASS[site.name]
                exists = s.scalar(
                    select(ref_table.id).where(ref_table.id == ref, ref_table.deleted_at.is_(None))
                )
                if exists is None:
                    out.append(
                        Issue(
                            name,
                            f"“{field_label(STATION, name)}”指向的记录不存在或已删除，请重新选择。",
                            ERROR,
                            "link_missing",
                        )
                    )
    if k.code_prefix is not None:
        code = getattr(record, k.code_field)
        if code:
            dup = s.scalar(select(table.name).where(getattr(table, k.code_field) == code, *live))
            if dup is not None:
                out.append(
                    Issue(
                        k.code_field,
                        f"“{field_label(kind, k.code_field)}”“{code}”已被“{dup}”使用，请换一个编号或留空由系统自动编号。",
                        ERROR,
                        "code_duplicate",
                    )
                )
    return out


def save(ctx: WriteContext, kind: str, record: Any) -> int:
    """Insert (``id`` None) or update a record, validated and audited. Raises ValidationFailed
    when there are errors (warnings do not block), ConflictError when the record was changed by
    somebody else since it was read (``record.meta.version``). Returns the record's id."""
    s = ctx.session
    if record.id is not None:  # a stale copy is refused before its values are judged
        current_row(ctx, kind, record.id, record.meta.version)
    issues = validate(s, ctx.validation, kind, record)
    if any(i.is_error for i in issues):
        raise ValidationFailed(issues)
    k = KINDS[kind]
    table = ROW_CLASS[kind]
    values = to_values(kind, record)
    if k.code_prefix is not None and not values.get(k.code_field):
        values[k.code_field] = next_code(s, kind, record.unit_code)
        setattr(record, k.code_field, values[k.code_field])
    key = record_key(kind, record)
    if record.id is None:
        row = table(
            **values, created_at=ctx.now, created_by=ctx.user, updated_at=ctx.now, updated_by=ctx.user
        )
        s.add(row)
        s.flush()
        rid = int(row.id)
        snap = snapshot(values)
        if kind == STATION and record.approvals:
            snap["approvals"] = approvals_text(record.approvals)
        ctx.audit("insert", kind, rid, key, None, None, snapshot_json(snap))
    else:
        row = current_row(ctx, kind, record.id, record.meta.version)
        rid = int(row.id)
        changed = False
        for name, new in values.items():
            old = getattr(row, name)
            if audit_text(old) != audit_text(new):
                ctx.audit("update", kind, rid, key, name, audit_text(old), audit_text(new))
                setattr(row, name, new)
                changed = True
        if kind == STATION and _save_approvals(ctx, rid, key, record.approvals, is_new=False):
            changed = True
        if changed:
            row.updated_at, row.updated_by = ctx.now, ctx.user
            row.version += 1
        return rid
    if kind == STATION:
        _save_approvals(ctx, rid, key, record.approvals, is_new=True)
    return rid


def current_row(ctx: WriteContext, kind: str, record_id: int, version: int | None) -> Any:
    """The live row of a record about to be changed, checked against the version the caller read
    (``version``; None: the caller did not read one, nothing to compare). Raises ConflictError when
    somebody else changed or deleted the record since, NotFoundError when it is gone. The check is
    repeated by the UPDATE itself (``version_id_col``), so it holds on a server with many writers."""
    row = ctx.session.get(ROW_CLASS[kind], record_id)
    if row is None:
        raise NotFoundError(f"要修改的{kind_title(kind)}记录已不存在（可能已被彻底删除），请刷新后重试。")
    today = ctx.now.date()
    if row.deleted_at is not None:
        if version is None:
            raise NotFoundError(f"要修改的{kind_title(kind)}记录已不存在（可能已被删除），请刷新后重试。")
        raise ConflictError(
            kind,
            record_id,
            by=row.deleted_by or "",
            at=row.deleted_at,
            version=None,
            deleted=True,
            today=today,
        )
    if version is not None and row.version != version:
        raise ConflictError(
            kind, record_id, by=row.updated_by, at=row.updated_at, version=row.version, today=today
        )
    return row


def _save_approvals(
    ctx: WriteContext, station_id: int, key: str, approvals: list[Approval], *, is_new: bool
) -> bool:
    """Replace a station's approvals when they changed; True when an existing station changed."""
    s = ctx.session
    existing = list(s.scalars(select(ApprovalRow).where(ApprovalRow.station_id == station_id)))
    old_text = approvals_text([Approval(a.item, a.applied_on, a.granted_on, a.notes) for a in existing])
    new_text = approvals_text(approvals)
    if old_text == new_text:
        return False
    replace_approvals(s, station_id, approvals)
    if not is_new:
        ctx.audit("update", STATION, station_id, key, "approvals", old_text or None, new_text or None)
    return not is_new


def replace_approvals(s: Session, station_id: int, approvals: list[Approval]) -> None:
    s.execute(sql_delete(ApprovalRow).where(ApprovalRow.station_id == station_id))
    s.flush()
    if approvals:
        s.execute(insert(ApprovalRow), approval_rows(station_id, approvals))


def next_code(s: Session, kind: str, unit_code: str) -> str:
    """The next free venue/pole code of a unit: CS410221-0001, GT410221-0002, …

    On a server, two officers saving a new venue at once would both read the same largest code:
    the register's code lock makes the second wait until the first has committed (one lock per
    register, not per unit, so that a list with venues of several units cannot deadlock)."""
    k = KINDS[kind]
    dialect.hold_lock(s, dialect.LOCK_CODES, REGISTER_KINDS.index(kind))
    col = getattr(ROW_CLASS[kind], k.code_field)
    prefix = f"{k.code_prefix}{unit_code}-"
    existing = s.scalars(select(col).where(col.like(prefix + "%"))).all()
    nums = [int(c[len(prefix) :]) for c in existing if c[len(prefix) :].isdigit()]
    return f"{prefix}{max(nums, default=0) + 1:04d}"


def delete(ctx: WriteContext, kind: str, record_id: int, version: int | None = None) -> None:
    """Move a record to the recycle bin. A venue or pole still carrying stations is refused; so is
    a record changed by somebody else since the caller read it at ``version`` (ConflictError)."""
    row = ctx.session.get(ROW_CLASS[kind], record_id)
    if row is None or (row.deleted_at is not None and version is None):
        raise NotFoundError(f"找不到该{kind_title(kind)}记录，可能已被删除。")
    row = current_row(ctx, kind, record_id, version)
    if KINDS[kind].link_column:
        n = queries.live_station_count(ctx.session, kind, record_id)
        if n:
            raise StorageError(
                f"“{row.name}”上还有 {n} 个基站，不能删除。请先在这些基站的表单中取消关联，再删除。"
            )
    row.deleted_at, row.deleted_by = ctx.now, ctx.user
    row.version += 1
    ctx.audit("delete", kind, record_id, record_key(kind, row))


def restore(ctx: WriteContext, kind: str, record_id: int) -> None:
    """Bring a record back from the recycle bin (refused if its code is taken meanwhile). A
    station's link to a venue or pole that is in the bin is dropped, audited."""
    s = ctx.session
    row = s.get(ROW_CLASS[kind], record_id)
    if row is None or row.deleted_at is None:
        raise NotFoundError("回收站中没有这条记录。")
    rec = to_record(kind, row)
    dup = [i for i in db_issues(s, kind, rec) if i.code in DUPLICATE_CODES]
    if dup:
        raise StorageError("无法恢复：" + dup[0].message)
    if kind == STATION:
        for site in SITE_KINDS:
            name = site.link_column or ""
            ref_id = getattr(row, name)
            ref_table = ROW_CLASS[site.name]
            if ref_id is not None and s.scalar(select(ref_table.deleted_at).where(ref_table.id == ref_id)):
                setattr(row, name, None)
                ctx.audit("update", kind, record_id, record_key(kind, row), name, str(ref_id), None)
    row.deleted_at, row.deleted_by = None, None
    row.version += 1
    ctx.audit("restore", kind, record_id, record_key(kind, row))


def purge(ctx: WriteContext, kind: str, record_id: int) -> None:
    """Delete for good a record that is in the recycle bin (its audit rows stay); stations linked to
    a purged venue or pole lose the link."""
    row = ctx.session.get(ROW_CLASS[kind], record_id)
    if row is None or row.deleted_at is None:
        raise NotFoundError("回收站中没有这条记录。")
    if KINDS[kind].link_column:
        link = link_column(kind)
        ctx.session.execute(
            update(StationRow)
            .where(link == record_id)
            .values({link.key: None, StationRow.version.key: StationRow.version + 1})
        )
    ctx.session.delete(row)
    ctx.audit("purge", kind, record_id, record_key(kind, row))


def integrity_check(path: Path, *, quick: bool = False) -> list[CheckProblem]:
    """SQLite's integrity check (``quick``: its quick_check) of the database file, as check problems."""
    return integrity_findings(path, backups.integrity_problems(path, quick=quick))


def integrity_findings(path: Path, messages: Sequence[str]) -> list[CheckProblem]:
    """The messages of SQLite's check of the file at ``path`` as check problems."""
    return [
        CheckProblem("database", 0, path.name, Issue("", f"数据库完整性检查：{msg}", ERROR, "integrity"))
        for msg in messages
    ]


def check_records(s: Session, validation: ValidationContext) -> list[CheckProblem]:
    """Every live record validated by its kind's rules, plus duplicate station codes.

    In bulk: each register is read column by column straight from SQLite and screened for the rows
    that can break a rule (``domain.validation.station_suspects`` and its kin); only those rows
    become records and go through their kind's validator, so the problems — and their order — are
    those of validating every record (:func:`check_records_one_by_one`, which a test compares)."""
    if s.get_bind().dialect.name != "sqlite":  # the screens read SQLite's storage form
        return check_records_one_by_one(s, validation)
    with paused_gc():  # millions of cells as tuples, no cycles: the collector would walk them again and again
        return _check_records(s, validation)


def _check_records(s: Session, validation: ValidationContext) -> list[CheckProblem]:
    from concurrent.futures import ThreadPoolExecutor

    out: list[CheckProblem] = []
    con = s.connection().connection.driver_connection  # the session's own transaction
    assert con is not None
    for kind in REGISTER_KINDS:
        names = ["id", *_SCREENED[kind]]
        # a station's blank fields, one bit each, found by SQLite in the same read (see _BLANK_BITS)
        extra = [_BLANK_BITS] if kind == STATION else []
        rows = con.execute(
            f"SELECT {', '.join([*names, *extra])} FROM {ROW_CLASS[kind].__tablename__} "
            "WHERE deleted_at IS NULL ORDER BY id DESC"
        ).fetchall()
        if not rows:
            continue
        with ThreadPoolExecutor(1, thread_name_prefix="kf5g-check-approvals") as pool:
            # The approvals' screen is SQL alone: it runs on the same connection (the same
            # transaction) on a thread, without Python's lock, while the columns are screened here
            # (which does not touch the connection until it has the answer).
            approvals = (
                pool.submit(_suspect_approvals, con, validation.today.isoformat()) if kind == STATION else None
            )
            columns = list(zip(*rows, strict=True))
            cols: dict[str, Sequence[Any]] = dict(zip(names, columns, strict=False))
            ids = cols["id"]
            if kind == STATION:
                suspects = station_suspects(cols, validation, no_blanks=_never_blank(columns[-1]))
            else:
                suspects = _SCREENS[kind](cols, validation)
            bad = approvals.result() if approvals is not None else []
        duplicates: set[int] = set()
        if kind == STATION:
            index = {rid: i for i, rid in enumerate(ids)}
            suspects |= {index[sid] for (sid,) in bad if sid in index}
            seen: set[tuple[Any, Any]] = set()
            for i, key in enumerate(zip(cols["operator"], cols["station_code"], strict=True)):
                if key in seen:
                    duplicates.add(i)
                seen.add(key)
        flagged = sorted(suspects | duplicates)
        records = _records(s, kind, [ids[i] for i in flagged])
        validator = KINDS[kind].validator
        for i in flagged:
            rec = records[ids[i]]
            issues = validator(rec, validation)
            if i in duplicates:
                issues.append(Issue("station_code", "基站编码重复", ERROR, "station_code_duplicate"))
            out += [CheckProblem(kind, rec.id, record_key(kind, rec), x) for x in issues if x.is_error]
    return out


def _bad_date(col: str) -> str:
    """SQL: ``col`` holds something other than an ISO date up to today (the parameter)."""
    return f"({col} IS NOT NULL AND (typeof({col}) != 'text' OR length({col}) != 10 OR {col} > ?1))"


# The stations whose approvals may break a rule of validate_station (an unknown or repeated item, a
# grant without an application, dates in the future or out of order): screened in SQL, where the
# 287,000 approvals of a city are (reading them into Python would take longer than the rest).
_SUSPECT_APPROVALS = (
    "SELECT station_id FROM approval WHERE item IS NULL OR item NOT IN ("
    + ", ".join(f"'{c}'" for c in codes.APPROVAL_ITEM.codes)
    + f") OR (applied_on IS NULL AND granted_on IS NOT NULL) OR {_bad_date('applied_on')}"
    + f" OR {_bad_date('granted_on')} OR applied_on > granted_on"
    " UNION SELECT station_id FROM approval GROUP BY station_id, item HAVING count(*) > 1"
)


# SQL: bit k set where the k-th field of STATION_BLANK_SCREENED is NULL or '' — the values Python
# reads as None and "" (bytes never equal ''; a number never equals '': the literal stays text, so
# no affinity makes them equal). A field whose bit is never set holds no blank value: the screen
# need not search it (a 100,000-value column searched in Python, fourteen times, for nothing).
_BLANK_BITS = " | ".join(f"(({f} IS NULL OR {f} = '') << {k})" for k, f in enumerate(STATION_BLANK_SCREENED))


def _never_blank(bits: Sequence[int]) -> set[str]:
    """The fields of STATION_BLANK_SCREENED whose bit is set in none of ``bits``."""
    seen = 0
    for b in set(bits):
        seen |= b
    return {f for k, f in enumerate(STATION_BLANK_SCREENED) if not seen >> k & 1}


def _suspect_approvals(con: sqlite3.Connection, today: str) -> list[Any]:
    """The ids of :data:`_SUSPECT_APPROVALS` (``today``: an ISO date)."""
    return con.execute(_SUSPECT_APPROVALS, (today,)).fetchall()


_SCREENS = {STATION: station_suspects, VENUE: venue_suspects, POLE: pole_suspects}
_SCREENED = {STATION: STATION_SCREENED, VENUE: VENUE_SCREENED, POLE: POLE_SCREENED}
_CHUNK = 5000  # ids per IN (…) list


def _records(s: Session, kind: str, ids: Sequence[int]) -> dict[int, Any]:
    """The records with these ids (stations with their approvals), by id."""
    table = ROW_CLASS[kind].__table__
    out: dict[int, Any] = {}
    for k in range(0, len(ids), _CHUNK):
        chunk = list(ids[k : k + _CHUNK])
        for row in s.execute(select(table).where(table.c.id.in_(chunk))).mappings():
            out[row["id"]] = to_record(kind, row)
        if kind == STATION:
            for sid, approvals in queries.approvals_for(s, chunk).items():
                out[sid].approvals = approvals
    return out


def check_records_one_by_one(s: Session, validation: ValidationContext) -> list[CheckProblem]:
    """The plain definition of :func:`check_records`: every live record made and validated."""
    out: list[CheckProblem] = []
    approvals = queries.approvals_for(s)
    seen: dict[tuple[str, str], int] = {}
    for kind in REGISTER_KINDS:
        validator = KINDS[kind].validator
        for rec in queries.query(s, kind, ListQuery()):
            if kind == STATION:
                rec.approvals = approvals.get(rec.id, [])
            issues = validator(rec, validation)
            if kind == STATION:
                k = (rec.operator, rec.station_code)
                if k in seen:
                    issues.append(Issue("station_code", "基站编码重复", ERROR, "station_code_duplicate"))
                seen[k] = rec.id
            out += [CheckProblem(kind, rec.id, record_key(kind, rec), i) for i in issues if i.is_error]
    return out
