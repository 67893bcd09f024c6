"""The versions of records written before the registers kept history, rebuilt from the audit log.

Used by the schema upgrade that added history (migration 0002) and by the demo data, which writes
back-dated records and audit rows and then lets this build their versions. Each record is walked
back from its current row through its audit rows, newest first: every group of rows of one moment
(one write) is undone (an update's field gets its old value, a delete is taken back, …), and the
state before it is the previous version. A record without audit rows has one version, its current
row, from its creation time. The first version of a record starts at its creation time when that is
earlier than its insert row (records back-dated by an import or the demo). Records already purged
are left out: their rows are gone, their audit rows stay.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from itertools import groupby
from typing import Any

from sqlalchemy import Table, delete, inspect, select
from sqlalchemy.orm import Session

from kf5g_desktop.domain.audit_text import parse_approvals_text

from . import rawinsert
from .audit import from_audit_text
from .models import HISTORY_TABLES, ApprovalRow, AuditRow, PoleRow, StationRow, VenueRow

_REGISTERS: dict[str, Any] = {"station": StationRow, "venue": VenueRow, "pole": PoleRow}
_APPROVAL_COLS = ("item", "applied_on", "granted_on", "notes")


def rebuild(s: Session, kinds: Iterable[str] = ("station", "venue", "pole")) -> int:
    """Replace the versions of ``kinds`` by those rebuilt from the audit log; returns their number."""
    total = 0
    for kind in kinds:
        total += _rebuild_kind(s, kind)
    return total


def _rebuild_kind(s: Session, kind: str) -> int:
    table: Table = _REGISTERS[kind].__table__
    h = HISTORY_TABLES[kind]
    # the columns the database has now: an upgrade runs this at its own schema (migration 0002
    # comes before the records' version column of 0003)
    present = {c["name"] for c in inspect(s.connection()).get_columns(table.name)}
    names = [c.name for c in table.columns if c.name in present]
    s.execute(delete(h))
    current = {r["id"]: dict(r) for r in s.execute(select(*(table.c[n] for n in names))).mappings()}
    approvals: dict[int, list[dict[str, Any]]] = {}
    if kind == "station":
        s.execute(delete(HISTORY_TABLES["approval"]))
        for a in s.execute(select(ApprovalRow.__table__)).mappings():
            approvals.setdefault(a["station_id"], []).append(dict(a))
    log = AuditRow.__table__.c
    audit = s.execute(
        select(log.record_id, log.at, log.action, log.field, log.old, log.user)
        .where(log.table_name == kind)
        .order_by(log.record_id, log.id.desc())
    ).all()
    by_record = {rid: list(rows) for rid, rows in groupby(audit, key=lambda r: r[0])}
    out: list[list[Any]] = []
    out_a: list[list[Any]] = []
    next_approval_id = [-1]
    for rid, row in current.items():
        versions = _versions(table, row, approvals.get(rid, []), by_record.get(rid, []))
        for valid_from, valid_to, state, apps in versions:
            out.append([state[n] for n in names] + [valid_from, valid_to])
            for ap in apps:
                aid = ap.get("id")
                if aid is None:
                    aid = next_approval_id[0]
                    next_approval_id[0] -= 1
                out_a.append([aid, rid, *(ap[c] for c in _APPROVAL_COLS), valid_from, valid_to])
    _write(s, h, [*names, "valid_from", "valid_to"], out)
    if kind == "station":
        ah = HISTORY_TABLES["approval"]
        _write(s, ah, ["id", "station_id", *_APPROVAL_COLS, "valid_from", "valid_to"], out_a)
    return len(out)


def _write(s: Session, h: Table, cols: list[str], rows: list[list[Any]]) -> None:
    rawinsert.to_storage(rows, rawinsert.converters(h, cols))
    rawinsert.insert_rows(s, h, cols, rows)


Version = tuple[datetime, "datetime | None", dict[str, Any], list[dict[str, Any]]]


def _versions(
    table: Table, row: dict[str, Any], approvals: list[dict[str, Any]], audit: list[Any]
) -> list[Version]:
    """One record's versions, oldest first, from its current row and its audit rows (newest first)."""
    state = dict(row)
    apps = [dict(x) for x in approvals]
    out: list[Version] = []
    valid_to: datetime | None = None
    created_at = row["created_at"]
    rows = list(audit)
    for at, grouped in groupby(rows, key=lambda r: r[1]):
        group = list(grouped)
        if valid_to is None or at < valid_to:
            version = dict(state)
            if valid_to is not None:
                version["updated_at"] = at
            out.append((at, valid_to, version, [dict(x) for x in apps]))
        valid_to = at if valid_to is None or at < valid_to else valid_to
        inserted = False
        for r in group:
            action, fld, old = r[2], r[3], r[4]
            if action == "insert":
                inserted = True
            elif fld == "approvals":
                apps = [
                    dict(zip(_APPROVAL_COLS, (x.item, x.applied_on, x.granted_on, x.notes), strict=True))
                    for x in parse_approvals_text(old)
                ]
            elif fld:
                if fld in table.c:
                    state[fld] = from_audit_text(table.c[fld], old)
            elif action in ("delete",):
                state["deleted_at"], state["deleted_by"] = None, None
            elif action == "restore" or (action == "undo" and state["deleted_at"] is None):
                earlier = _earlier_delete(rows, at)
                state["deleted_at"], state["deleted_by"] = earlier
            elif action == "undo":
                state["deleted_at"], state["deleted_by"] = None, None
        if inserted:
            first = out[-1] if out else None
            if first is not None and created_at < first[0]:
                out[-1] = (created_at, first[1], first[2], first[3])
            out.reverse()
            return out
    if valid_to is None or created_at < valid_to:
        out.append((created_at, valid_to, state, apps))
    out.reverse()
    return out


def _earlier_delete(rows: list[Any], before: datetime) -> tuple[datetime, str]:
    """When and by whom the record was last moved to the recycle bin before ``before``."""
    for r in rows:  # newest first
        if r[1] < before and (r[2] == "delete" or (r[2] == "undo" and not r[3])):
            return r[1], r[5]
    return before, ""
