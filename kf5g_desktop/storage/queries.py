"""Reading records: one record, register lists filtered, sorted and paged in SQL, approvals, the
审批 list, headline counts and the recycle bin."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Date, Select, case, func, literal, or_, select
from sqlalchemy.orm import Session

from kf5g_desktop.domain.kinds import APPROVAL_ORDER, KINDS, SITE_KINDS, kind_title, record_key
from kf5g_desktop.domain.records import Approval
from kf5g_desktop.domain.schema import REGISTER_KINDS, STATION
from kf5g_desktop.domain.values import ApprovalItem, DeletedItem, ListQuery

from . import history
from .audit import escape_like
from .dialect import days_between, like_ci
from .errors import NotFoundError
from .history import Moment
from .mapping import ROW_CLASS, approval, link_column, opt_date, to_record
from .models import ApprovalRow, StationRow


def get(s: Session, kind: str, record_id: int, *, include_deleted: bool = False) -> Any:
    """One record with what belongs to it: a station's approvals and linked codes, a venue's or
    pole's number of live stations."""
    row = s.get(ROW_CLASS[kind], record_id)
    if row is None or (row.deleted_at is not None and not include_deleted):
        raise NotFoundError(f"找不到该{kind_title(kind)}记录（编号 {record_id}），可能已被删除。")
    rec = to_record(kind, row)
    if kind == STATION:
        rec.approvals = [
            approval(a)
            for a in s.scalars(
                select(ApprovalRow).where(ApprovalRow.station_id == record_id).order_by(ApprovalRow.id)
            )
        ]
        rec.approvals.sort(key=lambda a: APPROVAL_ORDER.get(a.item, 99))
        for site in SITE_KINDS:
            site_id = getattr(rec, site.link_column or "")
            if site_id:
                table = ROW_CLASS[site.name]
                code = s.scalar(select(getattr(table, site.code_field)).where(table.id == site_id))
                setattr(rec, site.code_field, code)
    else:
        rec.station_count = live_station_count(s, kind, record_id)
    return rec


def get_at(s: Session, kind: str, record_id: int, moment: Moment) -> Any:
    """One record as it stood at ``moment`` (as :func:`get`; None: now). Raises NotFoundError when
    the record was not in the register then (not yet entered, or in the recycle bin)."""
    if moment is None:
        return get(s, kind, record_id)
    t = history.source(kind, moment)
    row = s.execute(select(t).where(t.c.id == record_id)).mappings().first()
    if row is None or row["deleted_at"] is not None:
        raise NotFoundError(f"该{kind_title(kind)}记录（编号 {record_id}）在所选时刻不在登记表中。")
    rec = to_record(kind, row)
    if kind == STATION:
        rec.approvals = approvals_for(s, [record_id], moment).get(record_id, [])
        rec.approvals.sort(key=lambda a: APPROVAL_ORDER.get(a.item, 99))
        for site in SITE_KINDS:
            site_id = getattr(rec, site.link_column or "")
            if site_id:
                st = history.source(site.name, moment)
                code = s.scalar(select(st.c[site.code_field]).where(st.c.id == site_id))
                setattr(rec, site.code_field, code)
    else:
        st = history.source(STATION, moment)
        link = st.c[link_column(kind).key]
        rec.station_count = int(
            s.scalar(select(func.count()).where(link == record_id, st.c.deleted_at.is_(None))) or 0
        )
    return rec


def live_station_count(s: Session, kind: str, record_id: int) -> int:
    """Live stations linked to one venue or pole."""
    link = link_column(kind)
    return int(s.scalar(select(func.count()).where(link == record_id, StationRow.deleted_at.is_(None))) or 0)


def find_station_id(s: Session, operator: str, station_code: str) -> int | None:
    return s.scalar(
        select(StationRow.id).where(
            StationRow.operator == operator,
            StationRow.station_code == station_code,
            StationRow.deleted_at.is_(None),
        )
    )


def _codes_contains(col: Any, code: str) -> ColumnElement[bool]:
    # Stored as "A,B,C": match whole codes only.
    return ("," + col + ",").like(f"%,{code},%")  # type: ignore[no-any-return]


def filtered(kind: str, q: ListQuery, moment: Moment = None) -> Select[Any]:
    """The rows of ``kind`` that ``q`` lets through (not sorted or paged), as they stood at
    ``moment`` (None: now)."""
    k = KINDS[kind]
    t = history.source(kind, moment)
    stmt = select(t)
    conds: list[ColumnElement[bool]] = [t.c.deleted_at.isnot(None) if q.deleted else t.c.deleted_at.is_(None)]
    if q.search:
        term = f"%{escape_like(q.search.strip())}%"
        conds.append(or_(*[like_ci(t.c[c], term) for c in k.search_fields]))
    if q.unit_codes:
        conds.append(t.c.unit_code.in_(list(q.unit_codes)))
    if q.operators:
        col = t.c[k.operator_field]
        if kind == STATION:  # the builder, or one of the sharing operators
            ors = [col == op for op in q.operators]
            ors += [_codes_contains(t.c.sharing_operators, op) for op in q.operators]
        else:
            ors = [_codes_contains(col, op) for op in q.operators]
        conds.append(or_(*ors))
    if kind == STATION:
        for values, name in (
            (q.statuses, "status"),
            (q.network_modes, "network_mode"),
            (q.power_supplies, "power_supply"),
            (q.station_types, "station_type"),
        ):
            if values:
                conds.append(t.c[name].in_(list(values)))
    if q.categories and k.category_field:
        conds.append(t.c[k.category_field].in_(list(q.categories)))
    date_col = t.c[q.date_field or k.date_field]
    if q.date_from:
        conds.append(date_col >= q.date_from)
    if q.date_to:
        conds.append(date_col <= q.date_to)
    if q.created_on_or_before:
        conds.append(func.date(t.c.created_at) <= literal(q.created_on_or_before, Date))
    return stmt.where(*conds)


def count(s: Session, kind: str, q: ListQuery, moment: Moment = None) -> int:
    return int(s.scalar(select(func.count()).select_from(filtered(kind, q, moment).subquery())) or 0)


def query(s: Session, kind: str, q: ListQuery, moment: Moment = None) -> list[Any]:
    """Records matching ``q`` (as they stood at ``moment``), sorted and paged in SQL. Stations
    come without approvals."""
    t = history.source(kind, moment)
    stmt = filtered(kind, q, moment)
    if q.sort and q.sort in t.c:
        col = t.c[q.sort]
        stmt = stmt.order_by(
            col.desc() if q.descending else col.asc(), t.c.id.desc() if q.descending else t.c.id
        )
    elif q.deleted:
        stmt = stmt.order_by(t.c.deleted_at.desc(), t.c.id.desc())
    else:
        stmt = stmt.order_by(t.c.id.desc())
    if q.limit is not None:
        stmt = stmt.limit(q.limit)
    if q.offset:
        stmt = stmt.offset(q.offset)
    rows = s.execute(stmt).mappings().all()
    recs = [to_record(kind, r) for r in rows]
    if kind != STATION and recs:
        st = history.source(STATION, moment)
        link = st.c[link_column(kind).key]
        ids = [r.id for r in recs]
        by_id: dict[int, int] = dict(
            s.execute(
                select(link, func.count()).where(link.in_(ids), st.c.deleted_at.is_(None)).group_by(link)
            ).all()
        )
        for r in recs:
            r.station_count = by_id.get(r.id, 0)
    return recs


def approvals_for(
    s: Session, station_ids: Sequence[int] | None = None, moment: Moment = None
) -> dict[int, list[Approval]]:
    """Approvals by station id (all stations when ``station_ids`` is None) as they stood at
    ``moment``."""
    a = history.source("approval", moment)
    stmt = select(a).order_by(a.c.station_id, a.c.id)
    if station_ids is not None:
        stmt = stmt.where(a.c.station_id.in_(list(station_ids)))
    out: dict[int, list[Approval]] = {}
    for r in s.execute(stmt):
        out.setdefault(r.station_id, []).append(
            Approval(r.item, opt_date(r.applied_on), opt_date(r.granted_on), r.notes, r.id)
        )
    return out


# Approval items (the 审批 page) -------------------------------------------------------------------


def approvals_stmt(
    today: date, search: str, unit_codes: Sequence[str], waiting_only: bool, min_days: int | None
) -> tuple[Select[Any], ColumnElement[Any]]:
    """Approval items of live stations with their station, and the days column (lead time, or
    waiting so far on ``today``)."""
    a, st = ApprovalRow.__table__, StationRow.__table__
    days = days_between(func.coalesce(a.c.granted_on, literal(today, Date)), a.c.applied_on)
    stmt = (
        select(
            a.c.id,
            a.c.station_id,
            a.c.item,
            a.c.applied_on,
            a.c.granted_on,
            st.c.unit_code,
            st.c.station_code,
            st.c.name.label("station_name"),
            st.c.operator,
            st.c.status,
            days.label("days"),
        )
        .select_from(a.join(st, st.c.id == a.c.station_id))
        .where(st.c.deleted_at.is_(None))
    )
    if search:
        term = f"%{escape_like(search.strip())}%"
        stmt = stmt.where(or_(like_ci(st.c.station_code, term), like_ci(st.c.name, term)))
    if unit_codes:
        stmt = stmt.where(st.c.unit_code.in_(list(unit_codes)))
    if waiting_only:
        stmt = stmt.where(a.c.applied_on.isnot(None), a.c.granted_on.is_(None))
    if min_days is not None:
        stmt = stmt.where(days >= min_days)
    return stmt, days


def approval_count(s: Session, stmt: Select[Any]) -> int:
    return int(s.scalar(select(func.count()).select_from(stmt.subquery())) or 0)


def approval_items(
    s: Session,
    stmt: Select[Any],
    days: ColumnElement[Any],
    *,
    sort: str,
    descending: bool,
    offset: int,
    limit: int | None,
) -> list[ApprovalItem]:
    cols = {c.name: c for c in stmt.selected_columns}
    key = cols.get(sort, days)
    order = key.desc() if descending else key.asc()
    stmt = stmt.order_by(order.nulls_last(), cols["id"])
    if limit is not None:
        stmt = stmt.limit(limit)
    if offset:
        stmt = stmt.offset(offset)
    return [
        ApprovalItem(
            id=r.id,
            station_id=r.station_id,
            item=r.item,
            applied_on=opt_date(r.applied_on),
            granted_on=opt_date(r.granted_on),
            unit_code=r.unit_code,
            station_code=r.station_code,
            station_name=r.station_name,
            operator=r.operator,
            status=r.status,
            days=r.days,
        )
        for r in s.execute(stmt)
    ]


# Counts and the recycle bin -------------------------------------------------------------------------


def station_summary(s: Session) -> dict[str, int]:
    """Headline counts of live stations in one scan: total, on_air, on_air_sa, indirect (转供电),
    in_progress (审批中/在建)."""
    t = StationRow.__table__

    def n(cond: ColumnElement[bool]) -> Any:
        return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)

    stmt = select(
        func.count(),
        n(t.c.status == "on_air"),
        n((t.c.status == "on_air") & (t.c.network_mode == "SA")),
        n(t.c.power_supply == "indirect"),
        n(t.c.status.in_(["approving", "building"])),
    ).where(t.c.deleted_at.is_(None))
    row = s.execute(stmt).one()
    keys = ("total", "on_air", "on_air_sa", "indirect", "in_progress")
    return {k: int(v or 0) for k, v in zip(keys, row, strict=True)}


def counts(s: Session) -> dict[str, int]:
    """Live records per register."""
    return {
        k: int(
            s.scalar(select(func.count()).select_from(ROW_CLASS[k]).where(ROW_CLASS[k].deleted_at.is_(None)))
            or 0
        )
        for k in REGISTER_KINDS
    }


def recycle_bin(s: Session) -> list[DeletedItem]:
    out: list[DeletedItem] = []
    for kind in REGISTER_KINDS:
        table = ROW_CLASS[kind]
        for row in s.scalars(select(table).where(table.deleted_at.isnot(None))):
            out.append(
                DeletedItem(
                    kind, row.id, record_key(kind, row), row.unit_code, row.deleted_at, row.deleted_by or ""
                )
            )
    out.sort(key=lambda d: (d.deleted_at, d.id), reverse=True)
    return out
