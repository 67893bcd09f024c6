"""A unit's register rows read in bulk, as plain tuples (no record object per row), for imports that
compare a whole return with the database: one SELECT per register, values as SQLAlchemy's column
types give them (dates as ``date``, list fields as their stored ``"A,B"`` text)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select

from .errors import NotFoundError
from .history import Moment, source
from .mapping import to_record
from .models import HISTORY_TABLES
from .store import Store


class UnitRows:
    """The live rows of one register of one unit (now, or as they stood at a moment): ``names``
    are the columns read, ``rows`` their values in that order. Read with only some columns, the
    whole row of the few that an import changes or removes is read when asked for
    (:meth:`read_whole`)."""

    def __init__(
        self,
        kind: str,
        names: Sequence[str],
        rows: Sequence[Sequence[Any]],
        *,
        store: Store | None = None,
        at: Moment = None,
    ) -> None:
        self.kind = kind
        self.names = list(names)
        self.rows = rows
        self._index = {n: i for i, n in enumerate(self.names)}
        self._store, self._at = store, at
        self._whole: dict[Any, dict[str, Any]] = {}
        self._columns: list[tuple[Any, ...]] | None = None

    def column(self, name: str) -> list[Any]:
        if self._columns is None:  # every column at once, in C
            self._columns = list(zip(*self.rows, strict=True)) if self.rows else [()] * len(self.names)
        return list(self._columns[self._index[name]])

    def read_whole(self, indexes: Iterable[int]) -> None:
        """Read the whole rows of ``indexes`` (when only some columns were read) in one go, from
        the same source. Their ``version`` stays the one first read, so a record changed in
        between is refused when written, as one changed after the plan is."""
        if self._store is None:
            return
        pos = self._index["id"]
        wanted = {self.rows[i][pos]: i for i in indexes if self.rows[i][pos] not in self._whole}
        if not wanted:
            return
        t = source(self.kind, self._at)
        ids = list(wanted)
        with self._store.session() as s:
            for at in range(0, len(ids), _CHUNK):
                for r in s.execute(select(t).where(t.c.id.in_(ids[at : at + _CHUNK]))):
                    whole = dict(r._mapping)
                    whole["version"] = self.rows[wanted[whole["id"]]][self._index["version"]]
                    self._whole[whole["id"]] = whole
        missing = [rid for rid in ids if rid not in self._whole]
        if missing:
            raise NotFoundError("要修改的记录已不存在（可能已被彻底删除），请重新导入。")

    def stored(self, i: int) -> dict[str, Any]:
        """Row ``i``: column → value (every column of the register)."""
        if self._store is None:
            return dict(zip(self.names, self.rows[i], strict=True))
        rid = self.rows[i][self._index["id"]]
        if rid not in self._whole:
            self.read_whole([i])
        return dict(self._whole[rid])

    def record(self, i: int) -> Any:
        """Row ``i`` as a record (only for the few rows an import changes or removes)."""
        return to_record(self.kind, self.stored(i))


def unit_rows(
    store: Store, kind: str, unit_code: str, at: Moment = None, columns: Sequence[str] | None = None
) -> UnitRows:
    """A unit's live rows of register ``kind`` (newest id first): every column, or only
    ``columns`` (with ``id`` and ``version``; then the whole row of some is read on demand)."""
    t = source(kind, at)
    if columns is None:
        cols = list(t.columns)
    else:
        cols = [t.c[n] for n in dict.fromkeys(("id", "version", *columns))]
    stmt = select(*cols).where(t.c.unit_code == unit_code, t.c.deleted_at.is_(None)).order_by(t.c.id.desc())
    with store.session() as s:
        conn = s.connection()
        if columns is not None and conn.dialect.name == "sqlite":
            rows: Sequence[Sequence[Any]] = _typed(conn.execute(stmt).cursor.fetchall(), cols, conn.dialect)
        else:
            rows = list(s.execute(stmt).all())
    names = [c.name for c in cols]
    if columns is None:
        return UnitRows(kind, names, rows)
    return UnitRows(kind, names, rows, store=store, at=at)


def _typed(raw: Sequence[Any], cols: Sequence[Any], dialect: Any) -> list[tuple[Any, ...]]:
    """The driver's rows as SQLAlchemy gives them: each column through its type's own result
    processor (dates, booleans …), once per distinct value of the column rather than per row."""
    convs = []
    for i, c in enumerate(cols):
        proc = c.type.dialect_impl(dialect).result_processor(dialect, None)
        if proc is not None:
            convs.append((i, proc))
    if not raw or not convs:
        return list(raw)
    columns: list[Any] = list(zip(*raw, strict=True))
    for i, proc in convs:
        seen = {v: proc(v) for v in set(columns[i])}  # few distinct values (dates, flags)
        columns[i] = map(seen.__getitem__, columns[i])
    return list(zip(*columns, strict=True))


def unit_approvals(store: Store, unit_code: str, at: Moment = None) -> list[tuple[Any, ...]]:
    """(station_id, item, applied_on, granted_on, notes, id) of the approvals of a unit's live
    stations (now, or at a moment), by station and id; the dates as the driver gives them (text on
    SQLite: read them with ``mapping.opt_date``)."""
    a, st = source("approval", at), source("station", at)
    ids = select(st.c.id).where(st.c.unit_code == unit_code, st.c.deleted_at.is_(None))
    stmt = (
        select(a.c.station_id, a.c.item, a.c.applied_on, a.c.granted_on, a.c.notes, a.c.id)
        .where(a.c.station_id.in_(ids))
        .order_by(a.c.station_id, a.c.id)
    )
    with store.session() as s:  # the driver's rows as they are (SQLite: dates as text, see opt_date)
        return list(s.connection().execute(stmt).cursor.fetchall())


def owners(
    store: Store,
    kind: str,
    unit_codes: Sequence[str],
    key_columns: Sequence[str],
    keys: Iterable[tuple[Any, ...]],
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
