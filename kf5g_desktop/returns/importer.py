"""Import verified returns: the city's copy of a unit's registers becomes the return's rows.

Planning (:func:`plan_import`) compares the return with the database, matched on business keys
(operator + station code, venue code, pole code): new / changed / unchanged / removed, and
conflicts (the key belongs to another unit). Nothing is written until :func:`apply_import`, which
takes a backup, then writes everything in one batch transaction (audited, undoable as one) together
with the submission row. Records new to the database are back-dated to the end of the period so the
reports of that week already see them.

Fields the return does not carry (塔桅类型, 改造日期) keep their value in the database.

The plan also says what the unit changed since its previous accepted submission
(:class:`SincePrevious`): the unit's records in the city database as they stood when that
submission was imported, against the file's content, field by field (old → new) as the report's
本周变化 and the audit log show them (``storage.changes``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import AbstractContextManager, closing, nullcontext, suppress
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime, time
from operator import attrgetter
from pathlib import Path
from typing import Any

from kf5g_desktop.domain import codes
from kf5g_desktop.domain.kinds import KINDS, record_key
from kf5g_desktop.domain.records import NON_DATA_FIELDS, Approval, Station
from kf5g_desktop.domain.schema import POLE, REGISTER_KINDS, STATION, VENUE
from kf5g_desktop.storage import changes as record_changes
from kf5g_desktop.storage import register_rows
from kf5g_desktop.storage.errors import Kf5gError
from kf5g_desktop.storage.gcpause import paused_gc
from kf5g_desktop.storage.heap import few_arenas, trim_heap
from kf5g_desktop.storage.mapping import opt_date
from kf5g_desktop.storage.store import Store

from . import near_duplicates, submissions
from .parsing import ParsedRow
from .rows import default_subsidy_state, effective_subsidy_state
from .verify import VerifyResult, summary_line

Progress = Callable[[int, int, str], None]
log = logging.getLogger("kf5g.import")

# Station fields that the return does not carry: kept from the database.
NOT_IN_RETURN = {STATION: ("mast_type", "conversion_planned_on", "conversion_done_on"), VENUE: (), POLE: ()}


class ReturnImportError(Kf5gError):
    pass


class NeedsConfirmation(Kf5gError):
    """A return for the same unit and week was imported before: replacing it needs confirmation."""


@dataclass(slots=True)
class KindPlan:
    new: list[object] = field(default_factory=list)
    changed: list[tuple[object, object]] = field(default_factory=list)  # (db record, new record)
    unchanged: int = 0
    removed: list[object] = field(default_factory=list)  # db records not in the return
    stored: dict[int, dict[str, Any]] = field(default_factory=dict)  # rows of the changed, as read


@dataclass(frozen=True, slots=True)
class RecordDiff:
    """One record of the file against the previous submission: its key and what differs."""

    kind: str
    key: str
    fields: tuple[record_changes.FieldChange, ...] = ()


@dataclass(slots=True)
class SincePrevious:
    """What the unit changed since its previous accepted submission (``submission`` None: there
    is none, so everything in the file is new)."""

    submission: submissions.Submission | None
    moment: datetime | None  # when that submission was imported (its records as they then stood)
    new: list[RecordDiff] = field(default_factory=list)
    changed: list[RecordDiff] = field(default_factory=list)
    removed: list[RecordDiff] = field(default_factory=list)

    def describe(self) -> str:
        if self.submission is None:
            head = "该区县此前没有已接收的周报"
        else:
            head = (
                f"与上次接收的{self.submission.iso_week}周报"
                f"（第{self.submission.version}版，{self.moment:%Y-%m-%d %H:%M}导入）相比"
            )
        return f"{head}：新增 {len(self.new)}，修改 {len(self.changed)}，删除 {len(self.removed)}"


@dataclass(slots=True)
class ImportPlan:
    result: VerifyResult
    plans: dict[str, KindPlan]
    conflicts: list[str]
    previous: submissions.Submission | None
    same_as_previous: bool
    older_than_applied: bool  # a later week of this unit was already applied: keep, do not apply
    since_previous: SincePrevious | None = None
    near_duplicates: list[str] = field(default_factory=list)  # warnings (returns.near_duplicates)
    described: str | None = None  # describe(), kept when the plans are released

    def describe(self) -> str:
        if self.described is not None:
            return self.described
        parts = []
        for kind in REGISTER_KINDS:
            p = self.plans[kind]
            parts.append(
                f"{KINDS[kind].title}：新增 {len(p.new)}，修改 {len(p.changed)}，不变 {p.unchanged}，删除 {len(p.removed)}"
            )
        near = "".join(f"\n提醒：{w}" for w in self.near_duplicates)
        return ";".join(parts) + near


def _data(rec: object, kind: str) -> dict[str, object]:
    skip = NON_DATA_FIELDS | set(NOT_IN_RETURN[kind]) | {"venue_id", "pole_id"}
    out = {f.name: getattr(rec, f.name) for f in fields(rec) if f.name not in skip}  # type: ignore[arg-type]
    for name, v in list(out.items()):
        if isinstance(v, list):
            out[name] = sorted(v)
        elif v == "":
            out[name] = None
        elif isinstance(v, float):
            out[name] = round(v, 6)
    if kind == STATION:
        st: Station = rec  # type: ignore[assignment]
        out["subsidy_state"] = effective_subsidy_state(st)
        out["approvals"] = sorted(
            (a.item, a.applied_on, a.granted_on, a.notes or None) for a in st.approvals if a.applied_on
        )
        out["venue_code"] = st.venue_code
        out["pole_code"] = st.pole_code
    return out


def plan_import(store: Store, result: VerifyResult) -> ImportPlan:
    if not result.ok:
        raise ReturnImportError(
            "文件未通过校验，不能导入：\n" + "\n".join(str(p) for p in result.errors[:20])
        )
    if result.kind != "unit":
        raise ReturnImportError("这是市级汇总表，只能校验，不能作为区县周报导入。")
    unit_code = result.unit_code
    week = str(result.week)
    prev = submissions.latest(store, "import", unit_code, week)
    same = prev is not None and prev.content_sha256 == result.computed_digest
    applied_weeks = [
        s.iso_week
        for s in submissions.submissions(store, direction="import", unit_code=unit_code)
        if s.batch_id
    ]
    older = any(w > week for w in applied_weeks)

    with paused_gc():
        return _plan_import(store, result, prev, same, older)


def _plan_import(
    store: Store, result: VerifyResult, prev: submissions.Submission | None, same: bool, older: bool
) -> ImportPlan:
    unit_code = result.unit_code
    others = [u for u in store.unit_map() if u != unit_code]
    conflicts: list[str] = []
    incoming = {
        STATION: [_station(pr) for pr in result.stations],
        VENUE: [pr.record for pr in result.venues],
        POLE: [pr.record for pr in result.poles],
    }
    signatures = _Signatures(incoming)
    now = _UnitSide.read(store, unit_code)
    # Keys used by other units (live records). A key the unit holds itself is held by no other
    # (a live key is unique: the registers' partial unique indexes), so only the rest are looked up.
    own = set(now.sides[STATION].keys)
    file_keys = [
        k
        for k in ((pr.record.operator, pr.record.station_code) for pr in result.stations)  # type: ignore[union-attr]
        if k not in own
    ]
    other_st = register_rows.owners(store, STATION, others, ("operator", "station_code"), file_keys)
    plans = {kind: _plan(kind, now, incoming[kind], signatures) for kind in REGISTER_KINDS}
    for pr in result.stations:
        st = pr.record
        assert isinstance(st, Station)
        owner = other_st.get((st.operator, st.station_code))
        if owner:
            conflicts.append(
                f"工作表“基站”第{pr.row}行：{codes.OPERATOR.label(st.operator)}基站编码“{st.station_code}”"
                f"在数据库中属于区县{owner}，不能同时属于{unit_code}。请核对后由两个区县协商更正。"
            )
    for kind, rows in ((VENUE, result.venues), (POLE, result.poles)):
        attr, title = KINDS[kind].code_field, KINDS[kind].register_title
        own = set(now.sides[kind].keys)
        table_codes = _codes_elsewhere(
            store, kind, others, [c for c in (getattr(pr.record, attr) for pr in rows) if c not in own]
        )
        for pr in rows:
            code = getattr(pr.record, attr)
            if code in table_codes:
                conflicts.append(
                    f"工作表“{title}”第{pr.row}行：编号“{code}”在数据库中属于区县{table_codes[code]}，请核对。"
                )
    since = since_previous(store, unit_code, str(result.week), incoming, signatures, now, plans)
    st = now.sides[STATION]
    located = {
        k: (x, y)
        for k, x, y in zip(st.keys, st.rows.column("lon"), st.rows.column("lat"), strict=True)
        if x is not None and y is not None
    }
    near = near_duplicates.in_return(store, result, stored=located)
    return ImportPlan(result, plans, conflicts, prev, same, older, since, near)


KEYS: dict[str, Callable[[Any], object]] = {
    STATION: lambda r: (r.operator, r.station_code),
    VENUE: lambda r: r.venue_code,
    POLE: lambda r: r.pole_code,
}


def previous_accepted(
    store: Store, unit_code: str, week: str
) -> tuple[submissions.Submission, datetime] | None:
    """The unit's previous accepted submission (the latest one applied to the registers, of this
    week or an earlier one) and the moment its import was written."""
    written = {b.id: b.created_at for b in store.batches()}
    applied = [
        (written[s.batch_id], s)
        for s in submissions.submissions(store, direction="import", unit_code=unit_code)
        if s.batch_id is not None and s.batch_id in written and s.iso_week <= week
    ]
    if not applied:
        return None
    moment, sub = max(applied, key=lambda p: (p[0], p[1].id))
    return sub, moment


def since_previous(
    store: Store,
    unit_code: str,
    week: str,
    incoming: dict[str, list[Any]],
    signatures: _Signatures | None = None,
    now: _UnitSide | None = None,
    plans: dict[str, KindPlan] | None = None,
) -> SincePrevious:
    """The file's records against the unit's records as at its previous accepted submission
    (``plans``: the file against ``now``, reused when the unit is unchanged since)."""
    prev = previous_accepted(store, unit_code, week)
    if prev is None:
        out = SincePrevious(None, None)
        out.new = [RecordDiff(k, record_key(k, r)) for k in REGISTER_KINDS for r in incoming[k]]
        return out
    sub, moment = prev
    out = SincePrevious(sub, moment)
    names = _display_names(store)
    same = now is not None and register_rows.unchanged_since(store, unit_code, moment)
    # nothing of the unit changed since: its rows then are its rows now
    then = now if same and now is not None else _UnitSide.read(store, unit_code, moment)
    sigs = signatures if signatures is not None else _Signatures(incoming)
    for kind in REGISTER_KINDS:
        plan = plans[kind] if same and plans is not None else _plan(kind, then, incoming[kind], sigs)
        out.new += [RecordDiff(kind, record_key(kind, r)) for r in plan.new]
        out.removed += [RecordDiff(kind, record_key(kind, r)) for r in plan.removed]
        for old, new in plan.changed:
            diff = record_changes.field_changes(kind, *_differing_values(kind, old, new), names)
            if diff:
                out.changed.append(RecordDiff(kind, record_key(kind, new), diff))
    return out


def _values(kind: str, rec: Any) -> dict[str, str | None]:
    """A record's values as the return carries them, as audit texts."""
    out = record_changes.record_values(kind, rec, list(_data(rec, kind)))
    if kind == STATION:
        out["subsidy_state"] = effective_subsidy_state(rec)
    return out


_VALUE_NAMES: dict[str, list[str]] = {}
_SIMPLE = frozenset({type(None), str, int, float, bool, date, datetime})


def _differing_values(kind: str, old: Any, new: Any) -> tuple[dict[str, str | None], dict[str, str | None]]:
    """``_values`` of both records for the fields that may differ: a field whose values are equal
    and of one plain type has the same audit text on both sides, so it is left out of both (what
    ``field_changes`` then finds is the same, without a text per field of every changed record)."""
    names = _VALUE_NAMES.get(kind)
    if names is None:
        names = _VALUE_NAMES[kind] = list(_data(old, kind))
    differ = []
    for name in names:
        a, b = getattr(old, name, None), getattr(new, name, None)
        if name == "approvals" or type(a) is not type(b) or type(a) not in _SIMPLE or a != b:
            differ.append(name)
    pair = []
    for rec in (old, new):
        out = record_changes.record_values(kind, rec, differ)
        if kind == STATION:
            out["subsidy_state"] = effective_subsidy_state(rec)
        pair.append(out)
    return pair[0], pair[1]


def _display_names(store: Store) -> dict[str, dict[str, str]]:
    return {
        "unit_code": {u.code: u.name for u in store.units()},
        "township_code": {t.code: t.name for t in store.townships()},
    }


def _codes_elsewhere(store: Store, kind: str, others: list[str], file_codes: list[Any]) -> dict[str, str]:
    """Which other unit holds each of the file's codes (those held by none are left out)."""
    attr = KINDS[kind].code_field
    held = register_rows.owners(store, kind, others, (attr,), [(c,) for c in file_codes])
    return {code: unit for (code,), unit in held.items()}


def _station(pr: ParsedRow) -> Station:
    st = pr.record
    assert isinstance(st, Station)
    st.venue_code = pr.venue_code
    st.pole_code = pr.pole_code
    return st


# Planning in bulk: a record's comparable content (what ``_data`` gives, field by field) as a tuple,
# made column by column for the file's records and for the database's rows, which are never turned
# into records except the few that are changed or removed.


def _norm(v: Any) -> Any:
    """A value as ``_data`` compares it."""
    if isinstance(v, list):
        return sorted(v)
    if v == "":
        return None
    if isinstance(v, float):
        return round(v, 6)
    return v


_PLAIN = frozenset({type(None), str, int, bool, date, datetime})  # _norm leaves them, but ""
_PLAIN_OR_FLOAT = _PLAIN | {float}


def _norm_column(col: list[Any]) -> list[Any]:
    """``[_norm(v) for v in col]``, without a call per value for the usual columns."""
    types = set(map(type, col))
    if types <= _PLAIN:
        return [None if v == "" else v for v in col] if "" in col else col
    if types <= _PLAIN_OR_FLOAT:  # coordinates and other numbers: rounded as _norm rounds them
        return [round(v, 6) if type(v) is float else None if v == "" else v for v in col]
    return [_norm(v) for v in col]


_SIG_FIELDS: dict[str, list[str]] = {}


def _sig_fields(kind: str) -> list[str]:
    """The fields ``_data`` compares (of the register's columns), in a fixed order."""
    names = _SIG_FIELDS.get(kind)
    if names is None:
        skip = NON_DATA_FIELDS | set(NOT_IN_RETURN[kind]) | {"venue_id", "pole_id"}
        names = _SIG_FIELDS[kind] = [f.name for f in fields(KINDS[kind].record_class) if f.name not in skip]
    return names


def _station_extras(
    subsidy: list[Any], modes: list[Any], statuses: list[Any], approvals: list[list[Any]]
) -> list[list[Any]]:
    """The columns ``_data`` adds for stations: effective subsidy state, the applied approvals."""
    effective = [s or default_subsidy_state(m, t) for s, m, t in zip(subsidy, modes, statuses, strict=True)]
    return [effective, [sorted(a) for a in approvals]]


def _incoming_signatures(kind: str, records: list[Any]) -> list[tuple[Any, ...]]:
    names = _sig_fields(kind)
    cols = [_norm_column(list(map(attrgetter(n), records))) for n in names]
    if kind == STATION:
        approvals = [
            [(a.item, a.applied_on, a.granted_on, a.notes or None) for a in r.approvals if a.applied_on]
            for r in records
        ]
        get = attrgetter
        cols += _station_extras(
            list(map(get("subsidy_state"), records)),
            list(map(get("network_mode"), records)),
            list(map(get("status"), records)),
            approvals,
        )
        cols += [list(map(get("venue_code"), records)), list(map(get("pole_code"), records))]
    return list(zip(*cols, strict=True)) if records else []


def _read_columns(kind: str) -> list[str]:
    """The columns planning compares (the key, the content ``_data`` compares, a station's links):
    not the bookkeeping (who and when), read only for the rows that change."""
    extra = {STATION: ["operator", "station_code", "venue_id", "pole_id"]}.get(kind, [KINDS[kind].code_field])
    return [*extra, *_sig_fields(kind)]


class _Signatures:
    """The file's records' comparable content by kind, made when first compared with rows (never
    for a register the database holds nothing of, as in a unit's first return)."""

    def __init__(self, incoming: dict[str, list[Any]]) -> None:
        self._incoming = incoming
        self._made: dict[str, list[tuple[Any, ...]]] = {}

    def __getitem__(self, kind: str) -> list[tuple[Any, ...]]:
        made = self._made.get(kind)
        if made is None:
            made = self._made[kind] = _incoming_signatures(kind, self._incoming[kind])
        return made


class _KindSide:
    """One register of a unit in the database: its rows, their keys and comparable content."""

    def __init__(self, kind: str, rows: register_rows.UnitRows) -> None:
        self.kind = kind
        self.rows = rows
        self.ids: list[int] = rows.column("id")
        code = KINDS[kind].code_field
        self.keys: list[Any] = (
            list(zip(rows.column("operator"), rows.column(code), strict=True))
            if kind == STATION
            else rows.column(code)
        )
        self.signatures: list[tuple[Any, ...]] = []
        self.approvals: dict[int, list[tuple[Any, ...]]] = {}  # (item, applied, granted, notes, id)
        self.venue_codes: list[str | None] = []
        self.pole_codes: list[str | None] = []

    def record(self, i: int) -> Any:
        """Row ``i`` as a record, with its approvals and the codes of its venue and pole."""
        rec = self.rows.record(i)
        if self.kind == STATION:
            rec.approvals = [Approval(*a) for a in self.approvals.get(rec.id, ())]
            rec.venue_code = self.venue_codes[i]
            rec.pole_code = self.pole_codes[i]
        return rec


class _UnitSide:
    """A unit's live records in the database (now, or as they stood at a moment), read in bulk."""

    def __init__(self, sides: dict[str, _KindSide]) -> None:
        self.sides = sides

    @classmethod
    def read(cls, store: Store, unit_code: str, at: datetime | None = None) -> _UnitSide:
        sides = {
            k: _KindSide(k, register_rows.unit_rows(store, k, unit_code, at, _read_columns(k)))
            for k in REGISTER_KINDS
        }
        ve, po = sides[VENUE], sides[POLE]
        list_fields = {k: KINDS[k].list_fields for k in REGISTER_KINDS}
        sep = codes.CODE_SEPARATOR
        for kind, side in sides.items():
            cols = []
            for n in _sig_fields(kind):
                col = side.rows.column(n)
                if n in list_fields[kind]:
                    col = [[c for c in (v or "").split(sep) if c] for v in col]
                cols.append(_norm_column(col))
            if kind == STATION and side.rows.rows:
                applied: dict[int, list[Any]] = {}
                found = register_rows.unit_approvals(store, unit_code, at)
                if found:
                    sids, items, applied_on, granted_on, notes, aids = zip(*found, strict=True)
                    as_date = {v: opt_date(v) for v in {*applied_on, *granted_on}}  # few distinct days
                    applied_d = list(map(as_date.__getitem__, applied_on))
                    granted_d = list(map(as_date.__getitem__, granted_on))
                    mine = side.approvals  # records only for the few changed
                    for sid, a in zip(
                        sids, zip(items, applied_d, granted_d, notes, aids, strict=True), strict=True
                    ):
                        if sid in mine:
                            mine[sid].append(a)
                        else:
                            mine[sid] = [a]
                        if a[1]:
                            applied.setdefault(sid, []).append((a[0], a[1], a[2], a[3] or None))
                cols += _station_extras(
                    side.rows.column("subsidy_state"),
                    side.rows.column("network_mode"),
                    side.rows.column("status"),
                    [applied.get(i, []) for i in side.ids],
                )
                venue_code_by_id = dict(zip(ve.ids, ve.rows.column("venue_code"), strict=True))
                pole_code_by_id = dict(zip(po.ids, po.rows.column("pole_code"), strict=True))
                side.venue_codes = [
                    venue_code_by_id.get(v) if v else None for v in side.rows.column("venue_id")
                ]
                side.pole_codes = [pole_code_by_id.get(p) if p else None for p in side.rows.column("pole_id")]
                cols += [side.venue_codes, side.pole_codes]
            side.signatures = list(zip(*cols, strict=True)) if side.rows.rows else []
        return cls(sides)


def _plan(kind: str, unit: _UnitSide, incoming: list, signatures: _Signatures) -> KindPlan:  # type: ignore[type-arg]
    plan = KindPlan()
    key = KEYS[kind]
    db = unit.sides[kind]
    if not db.keys:  # nothing of this register in the database: everything is new
        plan.new = list(incoming)
        return plan
    by_key = dict(zip(db.keys, range(len(db.keys)), strict=True))  # a key twice: the later row
    seen = set()
    db_sigs = db.signatures
    changed: list[tuple[int, Any]] = []
    for rec, sig in zip(incoming, signatures[kind], strict=True):
        k = key(rec)
        seen.add(k)
        i = by_key.get(k)
        if i is None:
            plan.new.append(rec)
        elif db_sigs[i] == sig:
            plan.unchanged += 1
        else:
            changed.append((i, rec))
    removed = [i for k, i in by_key.items() if k not in seen]
    db.rows.read_whole([i for i, _rec in changed] + removed)  # the few whole rows, in one go
    for i, rec in changed:
        old = db.record(i)
        plan.changed.append((old, rec))
        plan.stored[old.id] = db.rows.stored(i)
    plan.removed = [db.record(i) for i in removed]
    return plan


@dataclass(slots=True)
class ImportOutcome:
    plan: ImportPlan
    submission_id: int | None
    batch_id: int | None
    late: bool
    applied: bool
    message: str


def apply_import(
    store: Store,
    plan: ImportPlan,
    *,
    replace_confirmed: bool = False,
    received_at: datetime | None = None,
    progress: Progress | None = None,
    take_backup: Callable[[], object] | None = None,
) -> ImportOutcome:
    """Write the plan in one batch, after a verified backup (``take_backup``: how; by default
    one ``store.backup("import")`` — :func:`import_files` takes one for all its files)."""
    res = plan.result
    week = res.week
    if plan.conflicts:
        raise ReturnImportError("与数据库中其他区县的记录冲突，未导入：\n" + "\n".join(plan.conflicts[:20]))
    if plan.previous is not None and plan.same_as_previous and not res.modified:
        return ImportOutcome(
            plan,
            plan.previous.id,
            None,
            plan.previous.late,
            False,
            f"{res.path.name}：与已导入的第{plan.previous.version}版内容相同，未重复导入。",
        )
    if plan.previous is not None and not replace_confirmed:
        raise NeedsConfirmation(
            f"{res.meta.get('unit_name', res.unit_code)}{week.title_zh}的周报已于"
            f"{plan.previous.received_at:%Y-%m-%d %H:%M}导入过（第{plan.previous.version}版），内容不同。"
            "确认用新文件替换吗？（原文件保留在历史中；命令行加 --replace）"
        )
    received = received_at or store.now()
    late = received > submissions.deadline(store, week)
    sub_values = dict(
        direction="import",
        kind="unit",
        unit_code=res.unit_code,
        iso_week=str(week),
        content_sha256=res.computed_digest,
        signature=res.meta.get("signature") or None,
        signature_status=res.signature_status,
        file_name=res.path.name,
        generated_at=res.meta.get("generated_at"),
        received_at=received,
        late=late,
        reason=res.modified_reason,
        modified_accepted=res.modified,
        content=res.content,
    )
    if take_backup is None:
        store.backup("import")
    else:
        take_backup()
    if plan.older_than_applied:
        sub = submissions.add(store, **sub_values)
        return ImportOutcome(
            plan,
            sub.id,
            None,
            late,
            False,
            f"{res.path.name}：已存档（第{sub.version}版）；该区县已导入更晚周次的周报，登记簿未按此旧周次回退。",
        )
    back_date = datetime.combine(week.end, time(12, 0))
    desc = f"导入周报 {res.unit_code} {week}（{res.path.name}）"
    total = sum(len(p.new) + len(p.changed) + len(p.removed) for p in plan.plans.values())
    done = 0
    with paused_gc(), store.batch_writer("return", desc) as w:
        venue_ids: dict[str, int] = {}
        pole_ids: dict[str, int] = {}
        site_ids = {VENUE: venue_ids, POLE: pole_ids}
        for kind, ids in site_ids.items():
            attr = KINDS[kind].code_field
            p = plan.plans[kind]
            for rec, rid in zip(p.new, w.insert_many(kind, p.new, created_at=back_date), strict=True):  # type: ignore[arg-type]
                ids[getattr(rec, attr)] = rid
            w.update_many(
                kind,
                [replace(new, id=old.id, meta=old.meta) for old, new in p.changed],  # type: ignore[type-var]
                [p.stored[old.id] for old, _new in p.changed],  # type: ignore[attr-defined]
            )
            done += len(p.new) + len(p.changed)
        for kind, ids in site_ids.items():
            for code, rid in register_rows.code_ids(
                store, kind, res.unit_code, KINDS[kind].code_field
            ).items():
                ids.setdefault(code, rid)
        sp = plan.plans[STATION]
        for rec in sp.new:
            rec.venue_id = venue_ids.get(rec.venue_code) if rec.venue_code else None
            rec.pole_id = pole_ids.get(rec.pole_code) if rec.pole_code else None
        if progress is not None:
            progress(done, total, "正在写入")
        w.insert_many(STATION, sp.new, created_at=back_date)
        done += len(sp.new)
        updates = []
        for old, new in sp.changed:
            upd = replace(new, id=old.id, meta=old.meta)  # refused if changed since the plan
            for name in NOT_IN_RETURN[STATION]:
                setattr(upd, name, getattr(old, name))
            upd.venue_id = venue_ids.get(new.venue_code) if new.venue_code else None
            upd.pole_id = pole_ids.get(new.pole_code) if new.pole_code else None
            updates.append(upd)
        w.update_many(
            STATION,
            updates,
            [sp.stored[old.id] for old, _new in sp.changed],
            {old.id: old.approvals for old, _new in sp.changed},
        )
        done += len(updates)
        for old in sp.removed:
            w.delete(STATION, old.id, old.meta.version)
        for kind in (VENUE, POLE):
            for old in plan.plans[kind].removed:
                w.delete(kind, old.id, old.meta.version)  # type: ignore[attr-defined]
        sub = submissions.add(store, w, batch_id=w.batch_id, **sub_values)
        batch_id = w.batch_id
    return ImportOutcome(
        plan,
        sub.id,
        batch_id,
        late,
        True,
        f"{res.path.name}：已导入（第{sub.version}版{',逾期' if late else ''}）{plan.describe()}",
    )


@dataclass(slots=True)
class FileReport:
    """What happened to one file of :func:`import_files`."""

    path: str
    result: VerifyResult
    plan: ImportPlan | None = None
    outcome: ImportOutcome | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.result.ok and self.error is None

    def release(self) -> None:
        """Drop what an applied file no longer needs (its parsed rows, bytes and the plan's
        records): a batch of nine large returns then holds one or two files at a time."""
        res = self.result
        self.summary = summary_line(res)
        res.stations, res.venues, res.poles, res.approvals = [], [], [], []
        res.content = None
        if self.plan is not None:
            self.plan.described = self.plan.describe()
            self.plan.plans = {}
            self.plan.since_previous = None

    summary: str | None = None  # set by release(): the verification's summary line


def import_files(
    store: Store,
    paths: list,  # type: ignore[type-arg]
    *,
    accept_modified: str | None = None,
    replace_confirmed: bool = False,
    dry_run: bool = False,
    received_at: datetime | None = None,
    progress: Progress | None = None,
    on_report: Callable[[FileReport], None] | None = None,
    release: bool = False,
    check_first: bool = False,
) -> list[FileReport]:
    """Verify every file, then import those that passed (each in its own transaction).

    Nothing is written for a file that fails any check; with ``dry_run`` nothing is written at all.
    ``on_report`` is called with each file's report as soon as the file is done; with ``release``
    each report is then slimmed (:meth:`FileReport.release`). With ``check_first`` the store's
    background integrity check (``Store.open(check="background")``, begun beside the first file's
    verification) is waited for before the first file is planned: a damaged file raises
    CorruptDatabaseError before anything of it is read or any file is reported.
    One verified backup is taken before the first file is written (none is kept if nothing is). The next
    files are verified while the previous one is planned and written: verifying reads only the file
    and the reference data, which imports do not change. The first file is verified on a thread (as
    a file alone is); when more files follow and no progress is shown, those are verified in a worker
    process (:mod:`.verify_worker`), so that verifying and writing use a core each.
    """
    from concurrent.futures import ThreadPoolExecutor

    from .verify import verify_file

    paths = list(paths)
    few_arenas()  # before the threads start: what one file's work frees is reused by the next
    # the reference data verify reads, cached before a thread reads it too
    store.unit_map()
    store.townships()
    backup = _BackupOnce(store, start=bool(paths) and not dry_run and not store.readonly)
    reports = []
    worker = _Worker.start(store, paths, accept_modified) if progress is None else None
    with (
        ThreadPoolExecutor(1, thread_name_prefix="kf5g-verify") as pool,
        closing(backup),
        closing(worker) if worker is not None else nullcontext(),
    ):

        def here(i: int) -> Callable[[], VerifyResult]:
            future = pool.submit(
                verify_file, store, paths[i], accept_modified=accept_modified, progress=progress
            )
            return future.result

        def verify(i: int) -> Callable[[], VerifyResult] | None:
            if i >= len(paths):
                return None
            if worker is not None and i > 0:
                return worker.verify(i, lambda: here(i)())
            return here(i)

        ahead = 2 if worker is not None else 1  # files being verified beside the one written
        pending = [verify(j) for j in range(ahead)]
        for i, p in enumerate(paths):
            take = pending.pop(0)
            assert take is not None
            res = take()
            del take
            pending.append(verify(i + ahead))
            if check_first and store.integrity is not None:
                store.integrity.raise_if_damaged()
            rep = FileReport(str(p), res)
            reports.append(rep)
            del res
            with _unit_turn(store, rep, dry_run):  # on a server: one import of a unit at a time
                _import_one(store, rep, dry_run, replace_confirmed, received_at, progress, backup)
            if on_report is not None:
                on_report(rep)
            if release:
                rep.release()
                trim_heap()
    return reports


# Below this many bytes of files after the first, a worker process (about half a second of a core
# to start) is not worth its start.
WORKER_MIN_BYTES = 1_000_000


class _Worker:
    """The worker process that verifies a batch's files after the first (``verify_worker``); if it
    cannot start or breaks, the files are verified here instead, as without it."""

    def __init__(self, store: Store, paths: list[Any], accept_modified: str | None) -> None:
        from .verify_worker import Verifier

        self._paths = paths
        self._accept = accept_modified
        self._verifier: Any = Verifier(store)

    @classmethod
    def start(cls, store: Store, paths: list[Any], accept_modified: str | None) -> _Worker | None:
        if len(paths) < 2:
            return None
        size = 0
        for p in paths[1:]:
            with suppress(OSError, TypeError, ValueError):
                size += Path(p).stat().st_size
        if size < WORKER_MIN_BYTES:
            return None
        try:
            return cls(store, paths, accept_modified)
        except (OSError, RuntimeError, ImportError) as exc:
            log.warning("verify worker did not start, verifying here: %s", exc)
            return None

    def verify(self, i: int, fallback: Callable[[], VerifyResult]) -> Callable[[], VerifyResult]:
        from concurrent.futures.process import BrokenProcessPool

        try:
            future = self._verifier.submit(self._paths[i], self._accept)
        except (BrokenProcessPool, RuntimeError, OSError) as exc:
            log.warning("verify worker unavailable, verifying here: %s", exc)
            return fallback

        def result() -> VerifyResult:
            try:
                return self._verifier.result(future)  # type: ignore[no-any-return]
            except BrokenProcessPool as exc:  # the worker died (not the file: verify never raises for one)
                log.warning("verify worker died, verifying here again: %s", exc)
                return fallback()

        return result

    def close(self) -> None:
        self._verifier.close()


def _unit_turn(store: Store, rep: FileReport, dry_run: bool) -> AbstractContextManager[None]:
    """The unit's turn to be planned and written (``Store.unit_turn``), for a file to be written."""
    if dry_run or not rep.result.ok or not rep.result.unit_code:
        return nullcontext()
    return store.unit_turn(rep.result.unit_code)


def _import_one(
    store: Store,
    rep: FileReport,
    dry_run: bool,
    replace_confirmed: bool,
    received_at: datetime | None,
    progress: Progress | None,
    backup: Callable[[], object],
) -> None:
    if not rep.result.ok:
        return
    try:
        rep.plan = plan_import(store, rep.result)
        if rep.plan.conflicts:
            rep.error = "\n".join(rep.plan.conflicts)
            return
        if not dry_run:
            rep.outcome = apply_import(
                store,
                rep.plan,
                replace_confirmed=replace_confirmed,
                received_at=received_at,
                progress=progress,
                take_backup=backup,
            )
    except Kf5gError as exc:
        rep.error = str(exc)


class _BackupOnce:
    """The batch's one verified backup: started on a thread with the batch (it is copied and
    checked while the first file is verified), kept when the first file is about to be written,
    removed if no file is. (The store's writer lock keeps other writers out meanwhile.)"""

    def __init__(self, store: Store, start: bool) -> None:
        self._store = store
        self._pending = None
        self.taken = False
        if start and not store.on_server:  # a server's backups are its own (Store.backup: None there)
            try:
                self._pending = store.start_backup("import")
            except Kf5gError:  # e.g. a damaged file: said per file when it is about to be written
                self._pending = None

    def __call__(self) -> None:
        if self.taken:
            return
        if self._pending is None:
            self._store.backup("import")
        else:
            pending, self._pending = self._pending, None
            self._store.kept_backup(pending)
        self.taken = True

    def close(self) -> None:
        """Remove the backup if nothing was written."""
        if self._pending is not None:
            pending, self._pending = self._pending, None
            pending.discard()
