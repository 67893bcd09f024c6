"""The weekly report's 本周变化: what changed in the registers since the previous week's return.

A unit's report compares the registers at the moment of the previous week's return (its latest
export of week W-1; where none was made, W-1's cut-off) with this week's moment
(``store.week_moment(W)``: the cut-off once passed, else now). An export made after W-1's cut-off
counts from the cut-off, because that is the moment its content was made from. The changes come
from ``store.changes`` and are sorted into the report's tables: records added, status changes
(with the date of the new status), conversions to 直供电, records deleted or restored, and the
other corrected fields (old → new). Each table keeps at most ``CAP`` rows and says how many more
there are.

The city edition counts each unit's changes of the week: between the unit's previous accepted
submission (the moment it was imported) and its submission of week W.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from dataclasses import field as dataclass_field
from datetime import date, datetime
from typing import Any

from kf5g_desktop.domain import codes
from kf5g_desktop.domain.horizon import WeekBasis
from kf5g_desktop.domain.kinds import KINDS
from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.domain.schema import POLE, REGISTER_KINDS, STATION, VENUE
from kf5g_desktop.domain.values import ListQuery
from kf5g_desktop.storage.changes import ADDED, CHANGED, DELETED, RESTORED, RecordChange

CAP = 50  # rows per table; the rest are counted ("另有 N 条未列出")

# The date that goes with a station's new status.
STATUS_DATE = {"on_air": "on_air", "building": "construction_start", "planned": "planned_on_air"}
# Fields shown in the status and conversion tables (not repeated among the other corrections).
STATUS_FIELDS = frozenset({"status"})
POWER_FIELDS = frozenset({"power_supply", "conversion", "conversion_done_on"})
DATE_OF_KIND = {STATION: "on_air", VENUE: "opened_on", POLE: "shared_on"}


@dataclass(frozen=True, slots=True)
class ChangeItem:
    """One row of a 本周变化 table (labels in Chinese; the report translates code labels)."""

    kind: str
    unit_name: str
    operator: str  # a station's builder (label); "" for venues and poles
    code: str
    name: str
    label: str = ""  # the field (corrections), the action (deleted/restored), the status (added)
    old: str = ""
    new: str = ""
    day: date | None = None  # the date that goes with the change
    field: str = dataclass_field(default="", compare=False)  # the field's name (corrections)
    old_raw: str | None = dataclass_field(default=None, compare=False)  # audit texts (codes)
    new_raw: str | None = dataclass_field(default=None, compare=False)


@dataclass(slots=True)
class ChangeList:
    items: list[ChangeItem] = field(default_factory=list)  # at most CAP
    total: int = 0

    @property
    def more(self) -> int:
        return self.total - len(self.items)

    def add(self, item: ChangeItem) -> None:
        self.total += 1
        if len(self.items) < CAP:
            self.items.append(item)


@dataclass(frozen=True, slots=True)
class UnitChangeCount:
    """The city edition: one unit's changes of the week (``submitted`` False: no return this week)."""

    unit_code: str
    unit_name: str
    submitted: bool
    added: int = 0
    changed: int = 0
    deleted: int = 0
    restored: int = 0


@dataclass(slots=True)
class WeekChanges:
    since: datetime | None  # the earlier moment (unit edition)
    until: datetime | None  # the later moment (None: now)
    since_export: bool  # True: the previous week's return; False: its cut-off
    previous_week: IsoWeek
    added: ChangeList = field(default_factory=ChangeList)
    status: ChangeList = field(default_factory=ChangeList)
    power: ChangeList = field(default_factory=ChangeList)
    removed: ChangeList = field(default_factory=ChangeList)  # deleted and restored
    corrected: ChangeList = field(default_factory=ChangeList)  # one row per field
    by_unit: list[UnitChangeCount] = field(default_factory=list)  # the city edition

    @property
    def empty(self) -> bool:
        return not any(t.total for t in (self.added, self.status, self.power, self.removed, self.corrected))


def previous_return_moment(store: Any, week: IsoWeek, unit_code: str) -> tuple[datetime, bool]:
    """The moment of the previous week's return of ``unit_code``: (moment, from an export)."""
    prev = week.prev()
    cutoff = store.week_cutoff(prev)
    sub = store.latest_submission("export", unit_code, str(prev))
    if sub is None:
        return cutoff, False
    return min(sub.received_at, cutoff), True


def week_changes(
    store: Any, week: IsoWeek, unit_code: str | None, basis: WeekBasis | None = None
) -> WeekChanges:
    """本周变化 of a unit's report (``unit_code``), or the per-unit counts of the city's (None), up
    to the moment the week's report is made from: ``basis`` (by default ``store.week_basis``).
    The city's basis is a moment per unit; its changes are counted up to the week's cut-off."""
    if basis is None:
        basis = store.week_basis(week, unit_code)
    until = store.week_moment(week) if isinstance(basis.moment, dict) else basis.moment
    if unit_code is None:
        out = WeekChanges(None, until, False, week.prev())
        out.by_unit = city_counts(store, week)
        return out
    since, from_export = previous_return_moment(store, week, unit_code)
    out = WeekChanges(since, until, from_export, week.prev())
    names = {u.code: u.name for u in store.units()}
    for c in store.changes(since, until, unit_code=unit_code):
        sort_change(out, c, names)
    return out


def sort_change(out: WeekChanges, c: RecordChange, unit_names: dict[str, str]) -> None:
    """Put one record's change into the report's tables."""
    row = c.row
    kind = KINDS[c.kind]
    base = dict(
        kind=c.kind,
        unit_name=unit_names.get(c.unit_code, c.unit_code),
        operator=codes.OPERATOR.label(row["operator"]) if c.kind == STATION else "",
        code=str(row.get(kind.code_field) or ""),
        name=str(row.get("name") or ""),
    )
    if c.action == ADDED:
        status = codes.STATUS.label(row["status"]) if c.kind == STATION else ""
        day_field = STATUS_DATE.get(row["status"]) if c.kind == STATION else DATE_OF_KIND[c.kind]
        out.added.add(ChangeItem(**base, label=status, day=row.get(day_field) if day_field else None))  # type: ignore[arg-type]
        return
    if c.action in (DELETED, RESTORED):
        label = "删除" if c.action == DELETED else "恢复"
        out.removed.add(ChangeItem(**base, label=label, day=_day(c)))  # type: ignore[arg-type]
        if c.action == DELETED:
            return
    shown: set[str] = set()
    status = c.field("status")
    if status is not None:
        date_field = STATUS_DATE.get(row["status"])
        out.status.add(
            ChangeItem(
                **base,
                old=status.old_text,
                new=status.new_text,
                day=row.get(date_field) if date_field else None,
            )  # type: ignore[arg-type]
        )
        shown |= STATUS_FIELDS | ({date_field} if date_field else set())
    power = c.field("power_supply")
    if power is not None and power.new == "direct":
        out.power.add(
            ChangeItem(**base, old=power.old_text, new=power.new_text, day=row.get("conversion_done_on"))  # type: ignore[arg-type]
        )
        shown |= POWER_FIELDS
    for f in c.fields:
        if f.field not in shown:
            out.corrected.add(
                ChangeItem(
                    **base,
                    label=f.label,
                    old=f.old_text,
                    new=f.new_text,
                    field=f.field,
                    old_raw=f.old,
                    new_raw=f.new,
                )  # type: ignore[arg-type]
            )


def _day(c: RecordChange) -> date | None:
    """When a record was deleted or restored (the day that version was recorded)."""
    return c.at.date() if c.at is not None else None


def import_moments(
    store: Any,
    unit_code: str,
    *,
    written: dict[int, datetime] | None = None,
    imports: list[Any] | None = None,
) -> list[tuple[str, datetime]]:
    """(week, moment written) of a unit's accepted submissions that were applied to the city's
    registers, oldest first (the moment: when its import batch was written). ``written`` (batch id
    → when written) and ``imports`` (every unit's imported submissions): read once for many units."""
    if written is None:
        written = {b.id: b.created_at for b in store.batches()}
    if imports is None:
        imports = store.submissions(direction="import", unit_code=unit_code)
    out = [
        (s.iso_week, written[s.batch_id])
        for s in imports
        if s.unit_code == unit_code and s.batch_id is not None and s.batch_id in written
    ]
    return sorted(out, key=lambda p: p[1])


def submission_moments(
    store: Any, unit_code: str, week: IsoWeek, **read: Any
) -> tuple[datetime | None, datetime | None]:
    """(previous accepted submission's import moment, this week's latest one's) of a unit: None
    where there is none (before: the unit had nothing; after: no return this week). ``read``:
    what :func:`import_moments` may be given, read once."""
    moments = import_moments(store, unit_code, **read)
    this = [t for w, t in moments if w == str(week)]
    if not this:
        return None, None
    after = this[-1]
    earlier = [t for w, t in moments if w < str(week) and t < after]
    return (earlier[-1] if earlier else None), after


def city_counts(store: Any, week: IsoWeek) -> list[UnitChangeCount]:
    """Each unit's changes between its previous accepted submission and its return of ``week``."""
    out = []
    # the batches and the imported submissions read once for all the units
    written = {b.id: b.created_at for b in store.batches()}
    imports = store.submissions(direction="import")
    for unit in store.units():
        before, after = submission_moments(store, unit.code, week, written=written, imports=imports)
        if after is None:
            out.append(UnitChangeCount(unit.code, unit.name, False))
            continue
        n = {ADDED: 0, CHANGED: 0, DELETED: 0, RESTORED: 0}
        if before is None:  # the unit's first submission: everything in it is new
            q = ListQuery(unit_codes=[unit.code])
            n[ADDED] = sum(store.count(kind, q, at=after) for kind in REGISTER_KINDS)
        else:
            for c in store.changes(before, after, unit_code=unit.code, kinds=REGISTER_KINDS):
                n[c.action] += 1
        out.append(UnitChangeCount(unit.code, unit.name, True, n[ADDED], n[CHANGED], n[DELETED], n[RESTORED]))
    return out
