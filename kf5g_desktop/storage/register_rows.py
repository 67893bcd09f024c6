"""A unit's register rows read in bulk, as plain tuples (no record object per row), for imports that
compare a whole return with the database: one SELECT per register, values as SQLAlchemy's column
types give them (dates as ``date``, list fields as their stored ``"A,B"`` text)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select

from .history import Moment, source
from .mapping import to_record
from .models import HISTORY_TABLES
from .store import Store


class UnitRows:
    """The live rows of one register of one unit (now, or as they stood at a moment): ``names``
    are the register's columns, ``rows`` their values in that order."""

    def __init__(self, kind: str, names: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        self.kind = kind
        self.names = list(names)
        self.rows = rows
        self._index = {n: i for i, n in enumerate(self.names)}

    def column(self, name: str) -> list[Any]:
        i = self._index[name]
        return [r[i] for r in self.rows]

    def stored(self, i: int) -> dict[str, Any]:
        """Row ``i``: column → value."""
        return dict(zip(self.names, self.rows[i], strict=True))

    def record(self, i: int) -> Any:
        """Row ``i`` as a record (only for the few rows an import changes or removes)."""
        return to_record(self.kind, self.stored(i))


def unit_rows(store: Store, kind: str, unit_code: str, at: Moment = None) -> UnitRows:
    t = source(kind, at)
    stmt = select(t).where(t.c.unit_code == unit_code, t.c.deleted_at.is_(None)).order_by(t.c.id.desc())
    with store.session() as s:
        rows = list(s.execute(stmt).all())
    return UnitRows(kind, [c.name for c in t.columns], rows)


def unit_approvals(store: Store, unit_code: str, at: Moment = None) -> list[tuple[Any, ...]]:
    """(station_id, item, applied_on, granted_on, notes, id) of the approvals of a unit's live
    stations (now, or at a moment), by station and id."""
    a, st = source("approval", at), source("station", at)
    ids = select(st.c.id).where(st.c.unit_code == unit_code, st.c.deleted_at.is_(None))
    stmt = (
        select(a.c.station_id, a.c.item, a.c.applied_on, a.c.granted_on, a.c.notes, a.c.id)
        .where(a.c.station_id.in_(ids))
        .order_by(a.c.station_id, a.c.id)
    )
    with store.session() as s:
        return [tuple(r) for r in s.execute(stmt)]


def owners(
    store: Store, kind: str, unit_codes: Sequence[str], key_columns: Sequence[str], keys: Iterable[tuple[Any, ...]]
) -> dict[tuple[Any, ...], str]:
    """Which of ``unit_codes`` holds each of ``keys`` (values of ``key_columns``) among its live
    records: only the keys asked for are read (by the last key column, in chunks; the columns
    before it by their few values, so that the unique index on the key finds them), not every
    record of those units. A key held twice: the record with the smaller id."""
    t = source(kind)
    wanted = {k for k in keys if None not in k}
    units = set(unit_codes)
    last = sorted({k[-1] for k in wanted}, key=str)
    leading = [t.c[c].in_(sorted({k[i] for k in wanted}, key=str)) for i, c in enumerate(key_columns[:-1])]
    out: dict[tuple[Any, ...], str] = {}
    with store.session() as s:
        for at in range(0, len(last), _CHUNK):
            stmt = (
                select(*(t.c[c] for c in key_columns), t.c.unit_code)
                .where(*leading, t.c[key_columns[-1]].in_(last[at : at + _CHUNK]), t.c.deleted_at.is_(None))
                .order_by(t.c.id.desc())
            )
            for row in s.execute(stmt):  # the unit is sifted here: a condition on it in SQL makes
                key = tuple(row[:-1])  # SQLite walk that unit's index instead of the key's
                if key in wanted and row[-1] in units:
                    out[key] = row[-1]
    return out


_CHUNK = 900  # values per IN list (SQLite before 3.32 takes 999 parameters)


def code_ids(store: Store, kind: str, unit_code: str, code_column: str) -> dict[Any, int]:
    """code → id of a unit's live records (the newest id of a code that occurs twice)."""
    t = source(kind)
    stmt = (
        select(t.c[code_column], t.c.id)
        .where(t.c.unit_code == unit_code, t.c.deleted_at.is_(None))
        .order_by(t.c.id.desc())
    )
    with store.session() as s:
        out: dict[Any, int] = {}
        for code, rid in s.execute(stmt):
            out.setdefault(code, rid)
        return out


def unchanged_since(store: Store, unit_code: str, moment: datetime) -> bool:
    """Whether a unit's registers (and its stations' approvals) are now exactly as they stood at
    ``moment``: no version of them began or ended after it, and as many versions were valid then
    as there are live rows now (so a history that does not reach back so far is not taken for
    one that saw no change). Then the rows as at ``moment`` need not be read again."""
    reg = {k: source(k) for k in ("station", "venue", "pole", "approval")}
    station_ids = select(reg["station"].c.id).where(reg["station"].c.unit_code == unit_code)
    with store.session() as s:
        for kind, t in reg.items():
            h = HISTORY_TABLES[kind]
            mine = h.c.station_id.in_(station_ids) if kind == "approval" else h.c.unit_code == unit_code
            later = select(h.c.hid).where(mine, or_(h.c.valid_from > moment, h.c.valid_to > moment)).limit(1)
            if s.execute(later).first() is not None:
                return False
            then = source(kind, moment)
            if kind == "approval":
                now_n = select(func.count()).where(t.c.station_id.in_(station_ids))
                then_n = select(func.count()).select_from(then).where(then.c.station_id.in_(station_ids))
            else:
                now_n = select(func.count()).where(t.c.unit_code == unit_code, t.c.deleted_at.is_(None))
                then_n = (
                    select(func.count())
                    .select_from(then)
                    .where(then.c.unit_code == unit_code, then.c.deleted_at.is_(None))
                )
            if s.scalar(now_n) != s.scalar(then_n):
                return False
    return True


def located(
    store: Store,
    *,
    unit_code: str | None = None,
    not_unit_code: str | None = None,
    box: tuple[float, float, float, float] | None = None,
) -> list[tuple[Any, ...]]:
    """(id, unit_code, operator, station_code, name, lon, lat) of live stations with both
    coordinates, oldest first, as ``Store.located_stations`` reads them: of one unit, or of every
    unit but one, optionally only inside ``box`` (lon_min, lat_min, lon_max, lat_max) — so the
    duplicate check of one return reads only the stations near it, not the whole city."""
    t = source("station")
    c = t.c
    stmt = select(c.id, c.unit_code, c.operator, c.station_code, c.name, c.lon, c.lat).where(
        c.deleted_at.is_(None), c.lon.is_not(None), c.lat.is_not(None)
    )
    if unit_code is not None:
        stmt = stmt.where(c.unit_code == unit_code)
    if not_unit_code is not None:
        stmt = stmt.where(c.unit_code != not_unit_code)
    if box is not None:
        stmt = stmt.where(c.lon.between(box[0], box[2]), c.lat.between(box[1], box[3]))
    with store.session() as s:
        return list(s.connection().execute(stmt.order_by(c.id)).cursor.fetchall())
