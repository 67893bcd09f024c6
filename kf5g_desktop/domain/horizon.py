"""A record as it stood at a week's end (the "horizon" of a week's return and report).

A week's return and report are made from the registers as they stood at a moment (the week's
cut-off once it has passed; now before it, or for a correction). What the registers knew then may
already include events after the week's end (a station put on air on the Monday before the
deadline, a correction months later): :func:`station`, :func:`venue` and :func:`pole` take every
such event back out, by the record's own dates, so that the week shows only what had happened by
its last day. Pure functions: no storage; the report's SQL (``storage.figures_sql``) counts by the
same rule.

The rule, for a week ending on day E (a Sunday):

* Whether a record is in the week at all: a venue whose 开放日期 or a pole whose 共享日期 is after E
  is not; one dated by E is; an undated one is when it was recorded (created) by the end of E. A
  station is when it was recorded by the end of E, or when its own dates show it existed by then
  (开通日期, 开工日期 or 改造完成日期 on or before E: a station entered late, or by a correction).
* A station's dates after E are blanked: 开通日期, 开工日期, 改造完成日期; an approval applied for
  after E is left out, one granted after E is still waiting (批复日期 blank).
* A station's status follows its dates: 已开通 with its on-air date after E becomes 在建 when its
  construction had started by E, else 审批中 when an approval had been applied for by E, else 规划;
  在建 with its construction start after E likewise becomes 审批中 or 规划; 审批中 whose approvals
  were all applied for after E becomes 规划. An undated status (已开通 without an on-air date,
  在建 without a start date, 暂缓, 取消) stays as recorded.
* A conversion to 直供电 done after E had not happened: 直供电改造 is 计划改造 and 供电方式 转供电.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from .records import Approval, Pole, Station, Venue

ON_AIR, BUILDING, APPROVING, PLANNED = "on_air", "building", "approving", "planned"


def end_bound(end: date) -> datetime:
    """The first instant after day ``end``: a record created before it was recorded by ``end``."""
    return datetime.combine(end + timedelta(days=1), time())


def _recorded_by(created_at: datetime | None, end: date) -> bool:
    return created_at is None or created_at.replace(tzinfo=None) < end_bound(end)


def _by(day: date | None, end: date) -> bool:
    return day is not None and day <= end


def _after(day: date | None, end: date) -> bool:
    return day is not None and day > end


def station_in_week(s: Station, end: date) -> bool:
    """Whether station ``s`` belongs to the week ending on ``end`` (see the module's rule)."""
    return (
        _recorded_by(s.meta.created_at, end)
        or _by(s.on_air, end)
        or _by(s.construction_start, end)
        or _by(s.conversion_done_on, end)
    )


def _any_after(s: Station, end: date) -> bool:
    return (
        _after(s.on_air, end)
        or _after(s.construction_start, end)
        or _after(s.conversion_done_on, end)
        or any(_after(a.applied_on, end) or _after(a.granted_on, end) for a in s.approvals)
    )


def approvals_at(approvals: list[Approval], end: date) -> list[Approval]:
    """The approvals as they stood at day ``end``: applied later → left out; granted later → waiting."""
    out = []
    for a in approvals:
        if _after(a.applied_on, end):
            continue
        out.append(replace(a, granted_on=None) if _after(a.granted_on, end) else a)
    return out


def station_status(s: Station, approvals: list[Approval], end: date) -> str:
    """The status of ``s`` at day ``end`` (``approvals``: its approvals as they then stood)."""
    if s.status == ON_AIR and _after(s.on_air, end):
        if _by(s.construction_start, end):
            return BUILDING
    elif s.status == BUILDING and _after(s.construction_start, end):
        pass
    elif s.status == APPROVING and any(_after(a.applied_on, end) for a in s.approvals):
        pass  # lowered only when no approval had been applied for by the end (below)
    else:
        return s.status
    return APPROVING if any(a.applied_on is not None for a in approvals) else PLANNED


def station(s: Station, end: date) -> Station | None:
    """Station ``s`` as it stood at the end of day ``end``, or None when it is not in that week.
    ``s.approvals`` must be the station's approvals (as recorded at the moment)."""
    if not station_in_week(s, end):
        return None
    if not _any_after(s, end):
        return s  # nothing happened to it after the end: as recorded (no copy)
    approvals = approvals_at(s.approvals, end)
    out = replace(s, approvals=approvals)
    out.status = station_status(s, approvals, end)
    if _after(s.on_air, end):
        out.on_air = None
    if _after(s.construction_start, end):
        out.construction_start = None
    if _after(s.conversion_done_on, end):
        out.conversion_done_on = None
        if s.conversion == "done":
            out.conversion = "planned"
        out.power_supply = "indirect"
    return out


def venue(v: Venue, end: date) -> Venue | None:
    """Venue ``v`` at the end of day ``end``, or None when it had not opened (or been recorded)."""
    if v.opened_on is not None:
        return v if v.opened_on <= end else None
    return v if _recorded_by(v.meta.created_at, end) else None


def pole(p: Pole, end: date) -> Pole | None:
    """Pole ``p`` at the end of day ``end``, or None when it was not yet shared (or recorded)."""
    if p.shared_on is not None:
        return p if p.shared_on <= end else None
    return p if _recorded_by(p.meta.created_at, end) else None


# Which moment a week is made from ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WeekBasis:
    """The registers a week's return and report are made from: ``moment`` (None: now; a datetime;
    the city: unit code → moment), always seen through the horizon of the week's end.

    ``carried``: the city's units without a submission for the week, whose latest earlier
    submission is carried (unit code → that submission's ISO week). ``corrected_at``: a unit's week
    made as at its latest correction."""

    moment: datetime | dict[str, datetime] | None
    carried: dict[str, str] = field(default_factory=dict)
    corrected_at: datetime | None = None
    missing: tuple[str, ...] = ()  # the city: units that never sent a submission up to the week


def unit_basis(now: datetime, cutoff: datetime, corrections: list[datetime], *, correct: bool) -> WeekBasis:
    """A unit's week: a correction (``correct``) is made from the registers now; otherwise the week
    as at its latest correction (``corrections``: when the week's corrections were made), else at
    its cut-off once that has passed, else now."""
    if correct:
        return WeekBasis(None)
    later = [t for t in corrections if t > cutoff]
    if later:
        return WeekBasis(max(later), corrected_at=max(later))
    return WeekBasis(cutoff if now > cutoff else None)


def city_basis(
    week_label: str, units: list[str], submissions: list[tuple[str, str, datetime]], fallback: datetime
) -> WeekBasis:
    """The city's week, from the units' accepted submissions (``(unit, ISO week, when its import was
    recorded)``, the latest of each unit and week only): each unit as at its submission for the
    week; a unit without one as at its latest submission of an earlier week (carried, marked);
    a unit that never sent one: the city's own registers as at ``fallback`` (the week's cut-off,
    or now before it), listed as missing."""
    own: dict[str, datetime] = {}
    earlier: dict[str, tuple[str, datetime]] = {}
    for unit, label, when in submissions:
        if label == week_label:
            own[unit] = max(when, own.get(unit, when))
        elif label < week_label and (unit not in earlier or label > earlier[unit][0]):
            earlier[unit] = (label, when)
    moment: dict[str, datetime] = {}
    carried: dict[str, str] = {}
    missing = []
    for u in units:
        if u in own:
            moment[u] = own[u]
        elif u in earlier:
            moment[u] = earlier[u][1]
            carried[u] = earlier[u][0]
        else:
            moment[u] = fallback
            missing.append(u)
    return WeekBasis(moment, carried, None, tuple(missing))
