"""What changed in the registers between two moments: records added, deleted, restored, and per
changed record the fields changed old → new (a station with its approvals and sharing operators).

The comparison is set-based over the version tables (``storage.history``): the candidates are the
records with a version recorded between the two moments (an indexed range of ``valid_from``; every
change, delete, restore and batch undo records a version, and a record is purged only from the
recycle bin, i.e. after a version that deleted it; purges are also taken from the audit log,
for a delete purged within the same second), and each candidate is joined on its id with its version valid at either moment (the same
validity rule as ``history.source``). Only the candidates reach Python, so a week of changes is
cheap however large the registers are.

Values are compared and shown as the audit log writes and shows them (``domain.audit_text``; codes
as their Chinese labels, townships and units by name, a station's venue/pole by code), so a change
reads the same here as in the record's history. The same field-by-field comparison serves the
city's import preview (:func:`field_changes` over two value maps).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any, cast

from sqlalchemy import ColumnElement, and_, false, or_, select, true, union
from sqlalchemy.orm import Session

from kf5g_desktop.domain import codes
from kf5g_desktop.domain.audit_text import approvals_display, approvals_text, audit_text
from kf5g_desktop.domain.kinds import record_key
from kf5g_desktop.domain.records import Approval
from kf5g_desktop.domain.schema import CODES, FIELD_BY_NAME, FIELDS, REGISTER_KINDS, STATION, field_label

from .history import REGISTERS, Moment
from .models import HISTORY_TABLES, AuditRow, PoleRow, TownshipRow, UnitRow, VenueRow

ADDED, DELETED, RESTORED, CHANGED = "added", "deleted", "restored", "changed"
ACTIONS = (ADDED, CHANGED, DELETED, RESTORED)
ACTION_LABELS = {ADDED: "新增", CHANGED: "修改", DELETED: "删除", RESTORED: "恢复"}
BOOKKEEPING = frozenset(
    {"id", "created_at", "created_by", "updated_at", "updated_by", "deleted_at", "deleted_by", "version"}
)
APPROVALS = "approvals"


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field changed: values as the audit log stores them and as a person reads them."""

    field: str
    label: str
    old: str | None
    new: str | None
    old_text: str
    new_text: str


@dataclass(frozen=True, slots=True)
class RecordChange:
    """One record that changed between the two moments."""

    kind: str
    record_id: int
    unit_code: str
    key: str  # domain.kinds.record_key of the record as it stands at the later moment (or last seen)
    action: str  # ADDED / CHANGED / DELETED / RESTORED
    fields: tuple[FieldChange, ...]  # CHANGED (and RESTORED with changes): what differs
    before: Mapping[str, Any] | None  # the row at the earlier moment (None: absent)
    after: Mapping[str, Any] | None  # the row at the later moment (None: absent, i.e. purged)
    at: datetime | None = None  # when the later version was recorded (or the record purged)

    def field(self, name: str) -> FieldChange | None:
        return next((f for f in self.fields if f.field == name), None)

    @property
    def row(self) -> Mapping[str, Any]:
        """The record as it stands at the later moment (or as last seen, for a deleted one)."""
        r = self.after if self.after is not None else self.before
        assert r is not None
        return r


# Comparing two value maps ------------------------------------------------------------------------


def data_columns(kind: str) -> list[str]:
    """The register's columns that hold data (not id or bookkeeping), in the register's order."""
    return list(_data_columns(kind))


@cache
def _data_columns(kind: str) -> tuple[str, ...]:
    return tuple(c.name for c in REGISTERS[kind].columns if c.name not in BOOKKEEPING)


def row_values(
    kind: str,
    row: Mapping[str, Any],
    approvals: Sequence[Approval] | None = None,
    names: Iterable[str] | None = None,
) -> dict[str, str | None]:
    """A stored row's values as audit texts (a station's approvals as one text); ``names``: of
    those columns only (default: every data column)."""
    out = {name: _text(kind, name, row.get(name)) for name in (_data_columns(kind) if names is None else names)}
    if kind == STATION:
        out[APPROVALS] = approvals_text(list(approvals or [])) or None
    return out


def row_changes(
    kind: str,
    old: Mapping[str, Any],
    new: Mapping[str, Any],
    old_approvals: Sequence[Approval] | None = None,
    new_approvals: Sequence[Approval] | None = None,
    names: Mapping[str, Mapping[str, str]] | None = None,
) -> tuple[FieldChange, ...]:
    """``field_changes`` of two stored rows (``row_values`` of each): the audit texts made only of
    the columns whose stored values differ — a value equal to the other, of the same type, has
    the same text (a float by its repr: 0.0 and -0.0 are equal but read differently), so the
    fields changed are the same, in the same order, for a fraction of the work."""
    differ = [
        n
        for n in _data_columns(kind)
        if (a := old.get(n)) != (b := new.get(n))
        or type(a) is not type(b)
        or (type(a) is float and repr(a) != repr(b))
    ]
    return field_changes(
        kind, row_values(kind, old, old_approvals, differ), row_values(kind, new, new_approvals, differ), names
    )


def record_values(kind: str, record: Any, names: Iterable[str]) -> dict[str, str | None]:
    """A domain record's values (the fields ``names``) as audit texts."""
    out: dict[str, str | None] = {}
    for name in names:
        if name == APPROVALS:
            out[name] = approvals_text([a for a in record.approvals if a.applied_on]) or None
        else:
            out[name] = _text(kind, name, getattr(record, name))
    return out


def _text(kind: str, name: str, value: object) -> str | None:
    spec = FIELD_BY_NAME[kind].get(name)
    if spec is not None and spec.kind == CODES:
        parts = value if isinstance(value, list) else str(value or "").split(codes.CODE_SEPARATOR)
        chosen = {str(p) for p in parts if p}
        known = spec.code_list.codes if spec.code_list else ()
        ordered = [c for c in known if c in chosen] + sorted(chosen - set(known))
        return codes.CODE_SEPARATOR.join(ordered) or None
    return audit_text(value)


def field_changes(
    kind: str,
    old: Mapping[str, str | None],
    new: Mapping[str, str | None],
    names: Mapping[str, Mapping[str, str]] | None = None,
) -> tuple[FieldChange, ...]:
    """The fields whose audit text differs, in the register's field order. ``names`` maps a field
    to {value: how it reads} (townships and units by name, venue/pole ids by code)."""
    order = [f.name for f in FIELDS[kind]] + [APPROVALS, "venue_code", "pole_code"]
    keys = sorted(set(old) | set(new), key=lambda n: order.index(n) if n in order else len(order))
    out = []
    for name in keys:
        a, b = old.get(name), new.get(name)
        if a != b:
            out.append(
                FieldChange(
                    name,
                    _label(kind, name),
                    a,
                    b,
                    display(kind, name, a, names),
                    display(kind, name, b, names),
                )
            )
    return tuple(out)


def _label(kind: str, name: str) -> str:
    if name == "venue_code":
        return field_label(kind, "venue_id")
    if name == "pole_code":
        return field_label(kind, "pole_id")
    return field_label(kind, name)


def display(
    kind: str, name: str, value: str | None, names: Mapping[str, Mapping[str, str]] | None = None
) -> str:
    """An audit text as a person reads it (as the audit log's view shows it)."""
    if value is None:
        return ""
    if name == APPROVALS:
        return approvals_display(value)
    if names and name in names and value in names[name]:
        return names[name][value]
    spec = FIELD_BY_NAME[kind].get(name)
    return spec.display(value) if spec else value


# Comparing two moments ---------------------------------------------------------------------------

_Bounds = datetime | None  # one unit's moment: a datetime, or None for now


def _per_unit(moment: Moment, units: Iterable[str]) -> dict[str, _Bounds] | None:
    if isinstance(moment, Mapping):
        return {u: moment[u] for u in units if u in moment}
    return None


def _valid(h: Any, moment: _Bounds) -> ColumnElement[bool]:
    if moment is None:
        return h.c.valid_to.is_(None)  # type: ignore[no-any-return]
    return and_(h.c.valid_from <= moment, or_(h.c.valid_to.is_(None), h.c.valid_to > moment))


def _valid_moment(h: Any, moment: Moment, units: Sequence[str]) -> ColumnElement[bool]:
    per = _per_unit(moment, units)
    if per is None:
        return _valid(h, moment)  # type: ignore[arg-type]
    if not per:
        return false()
    return or_(*(and_(h.c.unit_code == u, _valid(h, t)) for u, t in sorted(per.items())))


def _window(col: Any, lo: _Bounds, hi: _Bounds) -> ColumnElement[bool]:
    """``col`` within (lo, hi]; an open end where a bound is None."""
    conds = []
    if lo is not None:
        conds.append(col > lo)
    if hi is not None:
        conds.append(col <= hi)
    return and_(true(), *conds)


def compare(
    s: Session,
    before: Moment,
    after: Moment,
    *,
    unit_code: str | None = None,
    kinds: Sequence[str] = REGISTER_KINDS,
) -> list[RecordChange]:
    """Every record of ``kinds`` (of ``unit_code``, or all units) that was added, deleted, restored
    or changed between ``before`` and ``after`` (each a ``history.Moment``; None = now). For a map
    moment each unit is compared between its own two moments; a unit missing from the earlier map
    has everything new, one missing from the later map is not compared."""
    units = _units(s, before, after, unit_code)
    out: list[RecordChange] = []
    names = _names(s)
    for kind in kinds:
        out.extend(_compare_kind(s, kind, before, after, units, unit_code, names))
    return out


def _units(s: Session, before: Moment, after: Moment, unit_code: str | None) -> list[str]:
    if unit_code is not None:
        return [unit_code]
    if isinstance(after, Mapping):
        return sorted(after)
    if isinstance(before, Mapping):
        return sorted(before)
    return list(s.scalars(select(UnitRow.code).order_by(UnitRow.code)))


def _candidates(kind: str, before: Moment, after: Moment, units: Sequence[str], unit_code: str | None) -> Any:
    h = HISTORY_TABLES[kind]
    lo_map, hi_map = _per_unit(before, units), _per_unit(after, units)
    if lo_map is None and hi_map is None:
        lo, hi = before, after
        assert not isinstance(lo, Mapping) and not isinstance(hi, Mapping)
        scope = h.c.unit_code == unit_code if unit_code else true()
        parts = [select(h.c.id).where(scope, _window(h.c.valid_from, lo, hi)), _purged(kind, lo, hi)]
    else:
        terms = []
        los: list[_Bounds] = []
        his: list[_Bounds] = []
        for u in units:
            if hi_map is not None and u not in hi_map:
                continue
            lo_u = lo_map.get(u) if lo_map is not None else cast(_Bounds, before)  # missing: from the start
            hi_u = hi_map[u] if hi_map is not None else cast(_Bounds, after)
            terms.append(and_(h.c.unit_code == u, _window(h.c.valid_from, lo_u, hi_u)))
            los.append(lo_u)
            his.append(hi_u)
        if not terms:
            return None
        lo_all = None if None in los else min(t for t in los if t is not None)
        hi_all = None if None in his else max(t for t in his if t is not None)
        # one scan of the widest window, each unit's own window applied within it
        parts = [
            select(h.c.id).where(_window(h.c.valid_from, lo_all, hi_all), or_(*terms)),
            _purged(kind, lo_all, hi_all),
        ]
    return union(*parts).subquery("cand")


def _purged(kind: str, lo: _Bounds, hi: _Bounds) -> Any:
    """Records purged within (lo, hi]: a delete and its purge in the same second leave no version
    of the delete, so the audit log's purge rows (indexed by time) name them."""
    a = AuditRow.__table__
    # ``table_name || ''``: not the (table, record) index, so that SQLite takes the index on the time
    return select(a.c.record_id.label("id")).where(
        (a.c.table_name + "") == kind, a.c.action == "purge", _window(a.c.at, lo, hi)
    )


def _compare_kind(
    s: Session,
    kind: str,
    before: Moment,
    after: Moment,
    units: Sequence[str],
    unit_code: str | None,
    names: dict[str, dict[str, str]],
) -> list[RecordChange]:
    cand = _candidates(kind, before, after, units, unit_code)
    if cand is None:
        return []
    h = HISTORY_TABLES[kind]
    a, b = h.alias("a"), h.alias("b")
    cols = [c.name for c in REGISTERS[kind].columns]
    stmt = (
        select(
            cand.c.id,
            *(a.c[n].label(f"a_{n}") for n in cols),
            *(b.c[n].label(f"b_{n}") for n in cols),
            a.c.valid_to.label("a_valid_to"),
            b.c.valid_from.label("b_valid_from"),
        )
        .select_from(
            cand.outerjoin(a, and_(a.c.id == cand.c.id, _valid_moment(a, before, units))).outerjoin(
                b, and_(b.c.id == cand.c.id, _valid_moment(b, after, units))
            )
        )
        .order_by(cand.c.id)
    )
    pairs: list[tuple[int, dict[str, Any] | None, dict[str, Any] | None]] = []
    recorded: dict[int, datetime | None] = {}
    n, key = len(cols), 1 + cols.index("id")
    for r in s.execute(stmt):  # plain tuples: id, a's columns, b's columns, a.valid_to, b.valid_from
        ra = dict(zip(cols, r[1 : 1 + n], strict=True)) if r[key] is not None else None
        rb = dict(zip(cols, r[1 + n : 1 + 2 * n], strict=True)) if r[key + n] is not None else None
        if unit_code is not None and (rb or ra or {}).get("unit_code") != unit_code:
            continue
        pairs.append((r[0], ra, rb))
        recorded[r[0]] = r[-1] if rb is not None else r[-2]
    # approvals and the names of linked venues/poles matter only where the record is there at
    # both moments (changed or restored): the fields are compared only there
    both = [(rid, ra, rb) for rid, ra, rb in pairs if ra is not None and rb is not None]
    approvals = (
        _approvals(s, {rid: rb["unit_code"] for rid, _, rb in both}, before, after)
        if kind == STATION and both
        else {}
    )
    _ref_names(s, kind, both, names)
    out = []
    for rid, ra, rb in pairs:
        live_a = ra is not None and ra["deleted_at"] is None
        live_b = rb is not None and rb["deleted_at"] is None
        fields: tuple[FieldChange, ...] = ()
        if live_b and ra is None:
            action = ADDED
        elif live_b and not live_a:
            action = RESTORED
        elif live_a and not live_b:
            action = DELETED
        elif live_a and live_b:
            assert ra is not None and rb is not None
            apa, apb = approvals.get(rid, ([], []))
            fields = row_changes(kind, ra, rb, apa, apb, names)
            if not fields:
                continue
            action = CHANGED
        else:
            continue  # deleted at both moments, or added and deleted in between
        if action == RESTORED and ra is not None and rb is not None:
            apa, apb = approvals.get(rid, ([], []))
            fields = row_changes(kind, ra, rb, apa, apb, names)
        row = rb if rb is not None else ra
        assert row is not None
        out.append(
            RecordChange(kind, rid, row["unit_code"], _key(kind, row), action, fields, ra, rb, recorded[rid])
        )
    return out


class _Row:
    def __init__(self, row: Mapping[str, Any]) -> None:
        self.__dict__.update(row)


def _key(kind: str, row: Mapping[str, Any]) -> str:
    return record_key(kind, _Row(row))


def _approvals(
    s: Session, unit_of: Mapping[int, str], before: Moment, after: Moment
) -> dict[int, tuple[list[Approval], list[Approval]]]:
    """Each candidate station's approvals at either moment (versions valid at the moment of the
    station's unit)."""
    ah = HISTORY_TABLES["approval"]
    out: dict[int, tuple[list[Approval], list[Approval]]] = {}
    sides = [(0, before), (1, after)]
    per_unit = {
        unit: [(side, _unit_moment(m, unit)) for side, m in sides if not isinstance(m, Mapping) or unit in m]
        for unit in set(unit_of.values())
    }
    cols = (
        ah.c.station_id,
        ah.c.item,
        ah.c.applied_on,
        ah.c.granted_on,
        ah.c.notes,
        ah.c.valid_from,
        ah.c.valid_to,
    )
    ids = sorted(unit_of)
    for i in range(0, len(ids), 500):
        rows = s.execute(select(*cols).where(ah.c.station_id.in_(ids[i : i + 500])).order_by(ah.c.id))
        for sid, item, applied, granted, notes, valid_from, valid_to in rows:
            pair = out.setdefault(sid, ([], []))
            for side, t in per_unit[unit_of[sid]]:
                if _holds(valid_from, valid_to, t):
                    pair[side].append(Approval(item, applied, granted, notes))
    return out


def _unit_moment(moment: Moment, unit: str) -> datetime | None:
    return moment.get(unit) if isinstance(moment, Mapping) else moment


def _holds(valid_from: datetime, valid_to: datetime | None, t: datetime | None) -> bool:
    if t is None:
        return valid_to is None
    return valid_from <= t and (valid_to is None or valid_to > t)


def _names(s: Session) -> dict[str, dict[str, str]]:
    units = {c: n for c, n in s.execute(select(UnitRow.code, UnitRow.name))}
    towns = {c: n for c, n in s.execute(select(TownshipRow.code, TownshipRow.name))}
    return {"unit_code": units, "township_code": towns}


def _ref_names(
    s: Session,
    kind: str,
    pairs: Sequence[tuple[int, Mapping[str, Any] | None, Mapping[str, Any] | None]],
    names: dict[str, dict[str, str]],
) -> None:
    """The codes of the venues/poles a station points at (its 依托场所/杆塔 read by code)."""
    if kind != STATION:
        return
    for col, table, code in (
        ("venue_id", VenueRow, VenueRow.venue_code),
        ("pole_id", PoleRow, PoleRow.pole_code),
    ):
        ids = {r[col] for _, ra, rb in pairs for r in (ra, rb) if r is not None and r[col] is not None}
        if not ids:
            continue
        found = dict(s.execute(select(table.id, code).where(table.id.in_(sorted(ids)))).all())
        names.setdefault(col, {}).update({str(i): c for i, c in found.items()})


def count(changes: Iterable[RecordChange]) -> dict[tuple[str, str], int]:
    """(unit code, action) → number of records."""
    out: dict[tuple[str, str], int] = {}
    for c in changes:
        out[(c.unit_code, c.action)] = out.get((c.unit_code, c.action), 0) + 1
    return out
