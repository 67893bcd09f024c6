"""Versions of the registers: keeping them, and reading the registers as they stood at a moment.

Every write transaction goes through the write context (``session.writing``), which collects the
records it touched: each audited change adds its record, and the bulk paths (``insert_many``, which
bypasses the ORM) add their ids. Just before the transaction commits, :func:`record` closes the
current version of every touched record (``valid_to`` = the write's time) and copies the record's
row as it now is into a new version, set-based in SQL (one statement per table, whatever the
number of records). A purged record keeps its versions and gets no new one: it is absent from that
moment on. A station's approvals are versioned with it (``approval_history``).

:func:`source` gives, for a moment, a selectable with the register's own column names: the
register itself for "now", or the versions valid at that moment. Every read (lists, counts, the
report's figures, the return's rows) is written against such a source, so the past is read by the
same code as the present. A moment is a datetime or, for the city's consolidation, a map of unit
code → datetime (each unit as it stood at its own moment).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    DateTime,
    FromClause,
    Table,
    and_,
    bindparam,
    case,
    false,
    literal,
    or_,
    select,
    text,
)
from sqlalchemy.orm import Session

from kf5g_desktop.domain.schema import STATION

from . import rawinsert
from .dialect import no_index
from .models import HISTORY_TABLES, ApprovalRow, PoleRow, StationRow, VenueRow

Moment = datetime | Mapping[str, datetime] | None
"""None: now (the registers themselves). A datetime: everything as it stood then. A map: each
unit's records as they stood at that unit's moment (units not in the map: nothing)."""

REGISTERS: dict[str, Table] = {
    "station": StationRow.__table__,  # type: ignore[dict-item]
    "venue": VenueRow.__table__,  # type: ignore[dict-item]
    "pole": PoleRow.__table__,  # type: ignore[dict-item]
    "approval": ApprovalRow.__table__,  # type: ignore[dict-item]
}
_TOUCHED = "kf5g_touched"


# Keeping versions ----------------------------------------------------------------------------


def record(s: Session, touched: Mapping[str, Iterable[int]], now: datetime) -> None:
    """New versions of the touched records (kind → record ids), valid from ``now``."""
    at = {"at": now}
    conn = s.connection()
    for kind, ids in touched.items():
        id_list = sorted(set(ids))
        if not id_list:
            continue
        conn.exec_driver_sql(f"CREATE TEMP TABLE IF NOT EXISTS {_TOUCHED} (id INTEGER PRIMARY KEY)")
        conn.exec_driver_sql(f"DELETE FROM {_TOUCHED}")
        rawinsert.insert_rows(s, _touched_table(), ["id"], [(i,) for i in id_list])
        _new_versions(conn, kind, "id", at)
        if kind == STATION:
            _new_versions(conn, "approval", "station_id", at)
        conn.exec_driver_sql(f"DELETE FROM {_TOUCHED}")


def _new_versions(conn: Any, kind: str, key: str, at: dict[str, datetime]) -> None:
    h = HISTORY_TABLES[kind].name
    t = REGISTERS[kind].name
    cols = ", ".join(f'"{c.name}"' for c in REGISTERS[kind].columns)
    touched = f"(SELECT id FROM {_TOUCHED})"
    # ":at" a DateTime parameter: stored as each engine stores date-times (SQLite: SQLAlchemy's text)
    # A version recorded and replaced in the same second lasted no time: it is dropped.
    conn.execute(
        _at_param(f'DELETE FROM "{h}" WHERE "{key}" IN {touched} AND valid_to IS NULL AND valid_from = :at'),
        at,
    )
    conn.execute(
        _at_param(f'UPDATE "{h}" SET valid_to = :at WHERE "{key}" IN {touched} AND valid_to IS NULL'), at
    )
    conn.execute(
        _at_param(
            f'INSERT INTO "{h}" ({cols}, valid_from) SELECT {cols}, :at FROM "{t}" WHERE "{key}" IN {touched}'
        ),
        at,
    )


def _at_param(sql: str) -> Any:
    return text(sql).bindparams(bindparam("at", type_=DateTime()))


_touched_cache: list[Table] = []


def _touched_table() -> Table:
    if not _touched_cache:
        from sqlalchemy import Column, Integer, MetaData

        _touched_cache.append(Table(_TOUCHED, MetaData(), Column("id", Integer, primary_key=True)))
    return _touched_cache[0]


def record_all(s: Session, now: datetime) -> None:
    """A first version of every record, valid from ``now`` (for databases made before history)."""
    for kind in ("station", "venue", "pole"):
        ids = list(s.scalars(select(REGISTERS[kind].c.id)))
        record(s, {kind: ids}, now)


# Reading as at a moment ------------------------------------------------------------------------


def valid_at(h: Any, moment: Moment) -> ColumnElement[bool]:
    """The condition "this version was the record's state at ``moment``"."""
    if isinstance(moment, Mapping):
        if not moment:
            return false()
        # each row's own unit's moment: one CASE, not an OR per unit (an OR of ranges makes SQLite
        # walk the valid_from index once per unit, several times slower than the plain scan)
        at = case(
            *((h.c.unit_code == u, literal(t, DateTime)) for u, t in sorted(moment.items())), else_=None
        )
        return and_(
            around(h, moment),
            h.c.unit_code.in_(sorted(moment)),
            h.c.valid_from <= at,
            or_(h.c.valid_to.is_(None), h.c.valid_to > at),
        )
    assert moment is not None
    return _at(h, moment)


def around(h: Any, moment: Mapping[str, datetime]) -> ColumnElement[bool]:
    """A cheap superset of "valid at its unit's moment" for a per-unit map: valid at some instant
    between the earliest and the latest of the moments (the units' moments of one week lie within
    a day or two). Two plain comparisons that drop most versions before the per-unit CASE is
    evaluated (SQLite evaluates a WHERE clause's terms in their order): at 100,000 stations the
    scan of the station versions of the city's week costs half the CPU. ``+valid_from``: a scan;
    through the index, a table look-up per version in range costs more than the scan."""
    first, last = min(moment.values()), max(moment.values())
    return and_(no_index(h.c.valid_from) <= last, or_(h.c.valid_to.is_(None), h.c.valid_to > first))


def _at(h: Any, moment: datetime) -> ColumnElement[bool]:
    # Plain valid_from, so SQLite may take the (valid_from, valid_to, deleted_at) index: a count
    # as at a past week reads the index's range up to the moment, not every version (measured at
    # 100,000 stations: as fast or faster for every week than "+valid_from", which kept the index
    # out when it did not cover the condition; benchmarks/list_at.py --valid-from-index).
    return and_(h.c.valid_from <= moment, or_(h.c.valid_to.is_(None), h.c.valid_to > moment))


def source(kind: str, moment: Moment = None) -> FromClause:
    """The rows of register ``kind`` (or "approval") as they stood at ``moment``, with the
    register's column names: the table itself when ``moment`` is None."""
    table = REGISTERS[kind]
    if moment is None:
        return table
    h = HISTORY_TABLES[kind]
    if kind == "approval":
        # approvals have no unit: they are valid with their station's version
        return _approvals_at(moment)
    cols = [h.c[c.name] for c in table.columns]
    return select(*cols).where(valid_at(h, moment)).subquery(f"{kind}_at")


def _approvals_at(moment: Moment) -> FromClause:
    ah = HISTORY_TABLES["approval"]
    cols = [ah.c[c.name] for c in REGISTERS["approval"].columns]
    if not isinstance(moment, Mapping):
        assert moment is not None
        return select(*cols).where(_at(ah, moment)).subquery("approval_at")
    if not moment:
        return select(*cols).where(false()).subquery("approval_at")
    sh = HISTORY_TABLES["station"]
    # each approval as it stood at the moment of its station's unit (a station keeps its unit: the
    # latest version says which; an indexed look-up per row, not a join per unit)
    unit = (
        select(sh.c.unit_code)
        .where(sh.c.id == ah.c.station_id)
        .order_by(sh.c.hid.desc())
        .limit(1)
        .scalar_subquery()
    )
    at = case({u: literal(t, DateTime) for u, t in sorted(moment.items())}, value=unit, else_=None)
    return (
        select(*cols)
        .where(around(ah, moment), ah.c.valid_from <= at, or_(ah.c.valid_to.is_(None), ah.c.valid_to > at))
        .subquery("approval_at")
    )


def approvals_of(stations: FromClause, moment: Moment) -> tuple[FromClause, Any]:
    """The approvals joined to their stations (``stations``: ``source("station", moment)``), each
    as it stood at ``moment`` — for a per-unit map at the moment of its station's unit, taken from
    the joined station row: one indexed probe per station instead of a look-up per approval
    version (:func:`_approvals_at`). Returns the join and the approvals' columns."""
    if not isinstance(moment, Mapping) or not moment:
        a = source("approval", moment)
        return a.join(stations, a.c.station_id == stations.c.id), a.c
    ah = HISTORY_TABLES["approval"]
    S = stations.c
    at = case({u: literal(t, DateTime) for u, t in sorted(moment.items())}, value=S.unit_code, else_=None)
    cond = and_(
        ah.c.station_id == S.id,
        around(ah, moment),
        ah.c.valid_from <= at,
        or_(ah.c.valid_to.is_(None), ah.c.valid_to > at),
    )
    return stations.join(ah, cond), ah.c


def approvals_around(moment: Moment) -> FromClause:
    """The approvals that may have been valid at ``moment`` (a superset, for a per-unit map:
    :func:`around`; exact otherwise), without looking at their stations: a plain scan of the
    approval versions to pick the few stations a condition on their approvals concerns."""
    if not isinstance(moment, Mapping) or not moment:
        return source("approval", moment)
    ah = HISTORY_TABLES["approval"]
    cols = [ah.c[c.name] for c in REGISTERS["approval"].columns]
    return select(*cols).where(around(ah, moment)).subquery("approval_around")


# One record's versions ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Version:
    """One version of a record: its row (a mapping of the register's columns) and when it held."""

    valid_from: datetime
    valid_to: datetime | None
    row: Mapping[str, Any]
    approvals: list[Mapping[str, Any]]


def versions(s: Session, kind: str, record_id: int) -> list[Version]:
    """Every version of one record, oldest first (a station's with its approvals of the time)."""
    h = HISTORY_TABLES[kind]
    rows = s.execute(select(h).where(h.c.id == record_id).order_by(h.c.valid_from, h.c.hid)).mappings().all()
    approvals: list[Any] = []
    if kind == STATION:
        ah = HISTORY_TABLES["approval"]
        approvals = list(
            s.execute(select(ah).where(ah.c.station_id == record_id).order_by(ah.c.id)).mappings().all()
        )
    out = []
    for r in rows:
        at = r["valid_from"]
        mine = [
            a for a in approvals if a["valid_from"] <= at and (a["valid_to"] is None or a["valid_to"] > at)
        ]
        out.append(Version(r["valid_from"], r["valid_to"], dict(r), mine))
    return out


def out_of_step(s: Session) -> list[str]:
    """Records whose current version differs from the register row (should be none)."""
    problems = []
    for kind in ("station", "venue", "pole", "approval"):
        table = REGISTERS[kind]
        h = HISTORY_TABLES[kind]
        names = [c.name for c in table.columns]
        cur = select(*(h.c[n] for n in names)).where(h.c.valid_to.is_(None))
        live = select(*(table.c[n] for n in names))
        for label, a, b in (("missing", live, cur), ("extra", cur, live)):
            n = s.scalar(select(text("count(*)")).select_from(a.except_(b).subquery()))
            if n:
                problems.append(f"{kind}: {n} {label}")
    return problems
