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

from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from datetime import datetime, time
from typing import Any

from kf5g_desktop.domain import codes
from kf5g_desktop.domain.kinds import KINDS, record_key
from kf5g_desktop.domain.records import NON_DATA_FIELDS, Pole, Station, Venue
from kf5g_desktop.domain.schema import POLE, REGISTER_KINDS, STATION, VENUE
from kf5g_desktop.domain.values import ListQuery
from kf5g_desktop.storage import changes as record_changes
from kf5g_desktop.storage.errors import Kf5gError
from kf5g_desktop.storage.gcpause import paused_gc
from kf5g_desktop.storage.store import Store

from . import near_duplicates, submissions
from .parsing import ParsedRow
from .rows import effective_subsidy_state
from .verify import VerifyResult

Progress = Callable[[int, int, str], None]

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

    def describe(self) -> str:
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
    db_st, db_ve, db_po = _unit_records(store, unit_code)

    conflicts: list[str] = []
    # Keys used by other units (live records).
    other_st = {
        (s.operator, s.station_code): s.unit_code
        for s in store.query(STATION, ListQuery(unit_codes=[u for u in store.unit_map() if u != unit_code]))
    }
    incoming = {
        STATION: [_station(pr) for pr in result.stations],
        VENUE: [pr.record for pr in result.venues],
        POLE: [pr.record for pr in result.poles],
    }
    plans = {
        kind: _plan(kind, db, incoming[kind])
        for kind, db in zip(REGISTER_KINDS, (db_st, db_ve, db_po), strict=True)
    }
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
        table_codes = _codes_elsewhere(store, kind, unit_code)
        for pr in rows:
            code = getattr(pr.record, attr)
            if code in table_codes:
                conflicts.append(
                    f"工作表“{title}”第{pr.row}行：编号“{code}”在数据库中属于区县{table_codes[code]}，请核对。"
                )
    since = since_previous(store, unit_code, str(result.week), incoming)
    near = near_duplicates.in_return(store, result)
    return ImportPlan(result, plans, conflicts, prev, same, older, since, near)


def _unit_records(
    store: Store, unit_code: str, at: datetime | None = None
) -> tuple[list[Station], list[Venue], list[Pole]]:
    """A unit's live records (now, or as they stood at ``at``), stations with their approvals and
    the codes of their venue and pole."""
    q = ListQuery(unit_codes=[unit_code])
    db_st: list[Station] = store.query(STATION, q, at=at)
    db_ve: list[Venue] = store.query(VENUE, q, at=at)
    db_po: list[Pole] = store.query(POLE, q, at=at)
    approvals = store.approvals_for([s.id for s in db_st if s.id is not None], at=at) if db_st else {}
    venue_code_by_id = {v.id: v.venue_code for v in db_ve}
    pole_code_by_id = {p.id: p.pole_code for p in db_po}
    for s in db_st:
        s.approvals = approvals.get(s.id or 0, [])
        s.venue_code = venue_code_by_id.get(s.venue_id) if s.venue_id else None
        s.pole_code = pole_code_by_id.get(s.pole_id) if s.pole_id else None
    return db_st, db_ve, db_po


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


def since_previous(store: Store, unit_code: str, week: str, incoming: dict[str, list[Any]]) -> SincePrevious:
    """The file's records against the unit's records as at its previous accepted submission."""
    prev = previous_accepted(store, unit_code, week)
    if prev is None:
        out = SincePrevious(None, None)
        out.new = [RecordDiff(k, record_key(k, r)) for k in REGISTER_KINDS for r in incoming[k]]
        return out
    sub, moment = prev
    out = SincePrevious(sub, moment)
    names = _display_names(store)
    for kind, db in zip(REGISTER_KINDS, _unit_records(store, unit_code, moment), strict=True):
        plan = _plan(kind, db, incoming[kind])
        out.new += [RecordDiff(kind, record_key(kind, r)) for r in plan.new]
        out.removed += [RecordDiff(kind, record_key(kind, r)) for r in plan.removed]
        for old, new in plan.changed:
            diff = record_changes.field_changes(kind, _values(kind, old), _values(kind, new), names)
            if diff:
                out.changed.append(RecordDiff(kind, record_key(kind, new), diff))
    return out


def _values(kind: str, rec: Any) -> dict[str, str | None]:
    """A record's values as the return carries them, as audit texts."""
    out = record_changes.record_values(kind, rec, list(_data(rec, kind)))
    if kind == STATION:
        out["subsidy_state"] = effective_subsidy_state(rec)
    return out


def _display_names(store: Store) -> dict[str, dict[str, str]]:
    return {
        "unit_code": {u.code: u.name for u in store.units()},
        "township_code": {t.code: t.name for t in store.townships()},
    }


def _codes_elsewhere(store: Store, kind: str, unit_code: str) -> dict[str, str]:
    others = [u for u in store.unit_map() if u != unit_code]
    attr = KINDS[kind].code_field
    return {getattr(r, attr): r.unit_code for r in store.query(kind, ListQuery(unit_codes=others))}


def _station(pr: ParsedRow) -> Station:
    st = pr.record
    assert isinstance(st, Station)
    st.venue_code = pr.venue_code
    st.pole_code = pr.pole_code
    return st


def _plan(kind: str, db: list, incoming: list) -> KindPlan:  # type: ignore[type-arg]
    plan = KindPlan()
    key = KEYS[kind]
    by_key = {key(r): r for r in db}
    seen = set()
    for rec in incoming:
        k = key(rec)
        seen.add(k)
        old = by_key.get(k)
        if old is None:
            plan.new.append(rec)
        elif _data(old, kind) == _data(rec, kind):
            plan.unchanged += 1
        else:
            plan.changed.append((old, rec))
    plan.removed = [r for k, r in by_key.items() if k not in seen]
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
) -> ImportOutcome:
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
    store.backup("import")
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
            for old, new in p.changed:
                upd = replace(new, id=old.id, meta=old.meta)  # type: ignore[type-var]  # as planned
                w.save(upd)
            done += len(p.new) + len(p.changed)
        for kind, ids in site_ids.items():
            attr = KINDS[kind].code_field
            for r in store.query(kind, ListQuery(unit_codes=[res.unit_code])):
                ids.setdefault(getattr(r, attr), r.id)
        sp = plan.plans[STATION]
        for rec in sp.new:
            rec.venue_id = venue_ids.get(rec.venue_code) if rec.venue_code else None
            rec.pole_id = pole_ids.get(rec.pole_code) if rec.pole_code else None
        if progress is not None:
            progress(done, total, "正在写入")
        w.insert_many(STATION, sp.new, created_at=back_date)
        done += len(sp.new)
        for old, new in sp.changed:
            upd = replace(new, id=old.id, meta=old.meta)  # refused if changed since the plan
            for name in NOT_IN_RETURN[STATION]:
                setattr(upd, name, getattr(old, name))
            upd.venue_id = venue_ids.get(new.venue_code) if new.venue_code else None
            upd.pole_id = pole_ids.get(new.pole_code) if new.pole_code else None
            w.save(upd)
            done += 1
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


def import_files(
    store: Store,
    paths: list,  # type: ignore[type-arg]
    *,
    accept_modified: str | None = None,
    replace_confirmed: bool = False,
    dry_run: bool = False,
    received_at: datetime | None = None,
    progress: Progress | None = None,
) -> list[FileReport]:
    """Verify every file, then import those that passed (each in its own transaction).

    Nothing is written for a file that fails any check; with ``dry_run`` nothing is written at all.
    """
    from .verify import verify_file

    reports = []
    for p in paths:
        res = verify_file(store, p, accept_modified=accept_modified, progress=progress)
        rep = FileReport(str(p), res)
        reports.append(rep)
        if not res.ok:
            continue
        try:
            rep.plan = plan_import(store, res)
            if rep.plan.conflicts:
                rep.error = "\n".join(rep.plan.conflicts)
                continue
            if not dry_run:
                rep.outcome = apply_import(
                    store,
                    rep.plan,
                    replace_confirmed=replace_confirmed,
                    received_at=received_at,
                    progress=progress,
                )
        except Kf5gError as exc:
            rep.error = str(exc)
    return reports
