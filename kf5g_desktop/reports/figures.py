"""Figures of the weekly report and the dashboard (PRODUCT §3.2, §5).

Everything is "as the register stood at the week's end": records created after the period's last
day and records in the recycle bin are left out. The counting rule (``domain.targets``) decides
which station types count as "a station"; it applies to every station figure and list except the
subsidy, which is owed for every SA station on air whatever its type (PRODUCT §3.1).

The rows come from the store (``storage.figures_sql`` holds the SQL); this module turns them into
figures. Results are plain dataclasses: no Qt, no ORM objects.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from kf5g_desktop.domain import codes, horizon
from kf5g_desktop.domain.horizon import WeekBasis
from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.domain.records import Station
from kf5g_desktop.domain.subsidy import NONE, Subsidy, local_split
from kf5g_desktop.domain.subsidy import PROVINCE_AMOUNT as _PROVINCE
from kf5g_desktop.domain.targets import (
    DEFAULT_COUNTING_RULE,
    INDIRECT_POWER_MAX_SHARE,
    METRIC_STATIONS,
    counted_types,
    rule_label,
)
from kf5g_desktop.domain.units import CITY_NAME, scope_of

if TYPE_CHECKING:
    from kf5g_desktop.storage.figures_sql import WeekRows
    from kf5g_desktop.storage.store import Store

WAITING_DAYS = 30  # approvals waiting longer than this are listed (PRODUCT §5)


def share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True, slots=True)
class Tally:
    """Station counts of one scope (all, an operator, a unit) at the week's end."""

    on_air: int = 0  # cumulative on air at the week's end
    new: int = 0  # went on air during the week
    sa: int = 0  # SA among on_air
    indirect: int = 0  # 转供电 among on_air
    conversions_done: int = 0  # 直供电改造 done by the week's end
    conversions_week: int = 0  # ... done during the week

    def __add__(self, o: Tally) -> Tally:
        return Tally(*(a + b for a, b in zip(self._values(), o._values(), strict=True)))

    def _values(self) -> tuple[int, ...]:
        return (
            self.on_air,
            self.new,
            self.sa,
            self.indirect,
            self.conversions_done,
            self.conversions_week,
        )

    @property
    def sa_share(self) -> float | None:
        return share(self.sa, self.on_air)

    @property
    def indirect_share(self) -> float | None:
        return share(self.indirect, self.on_air)


@dataclass(frozen=True, slots=True)
class OperatorLine:
    operator: str
    label: str
    tally: Tally
    subsidy: Subsidy


@dataclass(frozen=True, slots=True)
class UnitLine:
    unit_code: str
    name: str
    tally: Tally
    target: int | None
    subsidy: Subsidy
    venues_total: int = 0
    poles_total: int = 0
    returned: bool = False  # a return for the week was received (city)
    carried_from: str | None = None  # not returned: ISO week of the earlier submission carried

    @property
    def completion(self) -> float | None:
        return share(self.tally.on_air, self.target) if self.target else None


@dataclass(frozen=True, slots=True)
class StationItem:
    """A station in one of the report's lists."""

    id: int
    unit_name: str
    operator: str  # label
    station_code: str
    name: str
    station_type: str  # label
    network_mode: str
    status: str  # label
    on_air: date | None
    planned_on_air: date | None
    note: str = ""  # what happened / how late


@dataclass(frozen=True, slots=True)
class WaitingItem:
    station_id: int
    unit_name: str
    operator: str
    station_code: str
    name: str
    item: str  # label
    applied_on: date
    days: int


@dataclass(frozen=True, slots=True)
class SiteItem:
    """A venue opened or a pole shared this week."""

    id: int
    code: str
    name: str
    unit_name: str
    category: str  # venue category / pole type label
    day: date | None
    operators: str  # labels


@dataclass(slots=True)
class WeekFigures:
    week: IsoWeek
    unit_code: str | None  # None = the whole city
    scope_name: str
    rule: str
    total: Tally
    target_year: int
    target: int | None
    by_operator: list[OperatorLine]
    by_unit: list[UnitLine]  # the city only
    venues_week: int
    venues_total: int
    poles_week: int
    poles_total: int
    venues_this_week: list[SiteItem]
    poles_this_week: list[SiteItem]
    station_changes: list[StationItem]  # registered or opened this week
    waiting: list[WaitingItem]  # approvals waiting > WAITING_DAYS at the week's end
    late: list[StationItem]  # past the planned on-air date and not on air (not cancelled or suspended)
    subsidy: Subsidy  # owed for SA stations on air by the week's end
    subsidy_week: Subsidy  # ... of which for stations opened this week
    missing_units: list[tuple[str, str]] = field(default_factory=list)  # city: (code, name) not returned
    late_suspended: list[StationItem] = field(default_factory=list)  # ... but suspended (暂缓): listed apart
    late_count: int = 0
    waiting_count: int = 0
    indirect_max_share: float = INDIRECT_POWER_MAX_SHARE

    @property
    def is_city(self) -> bool:
        return self.unit_code is None

    @property
    def rule_label(self) -> str:
        return rule_label(self.rule)

    @property
    def completion(self) -> float | None:
        return share(self.total.on_air, self.target) if self.target else None

    @property
    def title(self) -> str:
        return f"{self.scope_name}5G网络建设周报 {self.week.title_zh}"

    @property
    def indirect_ok(self) -> bool | None:
        s = self.total.indirect_share
        return None if s is None else s <= self.indirect_max_share


# Helpers ------------------------------------------------------------------------------------------


def _unit_targets(store: Store, year: int) -> tuple[int | None, dict[str, int]]:
    city: int | None = None
    units: dict[str, int] = {}
    for t in store.targets():
        if t.year != year or t.metric != METRIC_STATIONS:
            continue
        if t.unit_code is None:
            city = t.value
        else:
            units[t.unit_code] = t.value
    return city, units


def _subsidy(sa_count: int, unit_kind: str) -> Subsidy:
    if not sa_count:
        return NONE
    city, unit = local_split(unit_kind)
    return Subsidy(_PROVINCE * sa_count, city * sa_count, unit * sa_count)


# The week's figures ------------------------------------------------------------------------------


def week_figures(
    store: Store,
    week: IsoWeek,
    unit_code: str | None = None,
    rule: str = DEFAULT_COUNTING_RULE,
    *,
    waiting_days: int = WAITING_DAYS,
    lists: bool = True,
    basis: WeekBasis | None = None,
    rows: WeekRows | None = None,
) -> WeekFigures:
    """Every figure of the weekly report for a unit (``unit_code``) or the city (None).

    Made by the week's rule, like the week's return (``Store.week_basis``: the registers at the
    week's cut-off once passed, a unit's latest correction, the city's submissions; ``basis``
    overrides it), every record seen as at the week's end (``domain.horizon``; the SQL in
    ``storage.figures_sql`` counts by the same rule).

    ``lists=False`` skips the per-record lists (changes, late, waiting, sites) and leaves only their
    counts where the dashboard needs them (``late_count``, ``waiting_count``). ``rows``: the
    week's rows already read (``Store.week_rows`` with this week, scope, rule, moment and
    ``waiting_days``), e.g. to make the series from the same pass (``weekly_series``'s ``by_day``)."""
    counted_types(rule)  # raises on an unknown rule
    unit_code = scope_of(unit_code)
    units = store.unit_map()
    if unit_code is not None and unit_code not in units:
        store.unit(unit_code)  # raises NotFoundError with the Chinese message
    end = week.end
    if basis is None:
        basis = store.week_basis(week, unit_code)
    db = (
        rows
        if rows is not None
        else store.week_rows(week, unit_code, rule, waiting_days=waiting_days, lists=lists, at=basis.moment)
    )
    rows, venue_rows, pole_rows, returned = db.groups, db.venue_counts, db.pole_counts, db.returned
    venues_this_week = [_site_item(r, units, codes.VENUE_CATEGORY) for r in db.venues]
    poles_this_week = [_site_item(r, units, codes.POLE_TYPE) for r in db.poles]
    # the lists' stations as they stood at the week's end (an on-air date after it is not shown)
    later = [r["id"] for r in (*db.changes, *db.late) if _later(r, end)]
    approvals = store.approvals_for(later, at=basis.moment) if later else {}
    seen = {
        i: _seen_at(r, approvals.get(i, []), end) for r in (*db.changes, *db.late) if (i := r["id"]) in later
    }
    station_changes = [_station_item(seen.get(r["id"], r), units, _change_note(r, week)) for r in db.changes]
    late: list[StationItem] = []
    late_suspended: list[StationItem] = []
    for r in db.late:
        item = _station_item(seen.get(r["id"], r), units, f"逾期 {(end - r['planned_on_air']).days} 天")
        (late_suspended if r["status"] == "suspended" else late).append(item)
    waiting = [
        WaitingItem(
            r[0],
            units[r[1]].name if r[1] in units else r[1],
            codes.OPERATOR.label(r[2]),
            r[3],
            r[4],
            codes.APPROVAL_ITEM.label(r[5]),
            r[6],
            (end - r[6]).days,
        )
        for r in db.waiting
    ]
    late_count, waiting_count = db.late_count, db.waiting_count

    # Aggregate the (unit, operator) groups.
    op_tally: dict[str, Tally] = defaultdict(Tally)
    op_subsidy: dict[str, Subsidy] = defaultdict(Subsidy)
    unit_tally: dict[str, Tally] = defaultdict(Tally)
    unit_subsidy: dict[str, Subsidy] = defaultdict(Subsidy)
    subsidy_week = NONE
    for unit, op, on_air, new, sa, ind, conv, conv_w, sa_n, sa_new, _late in rows:
        t = Tally(on_air, new, sa, ind, conv, conv_w)
        kind = units[unit].kind if unit in units else "county"
        sub = _subsidy(sa_n, kind)
        op_tally[op] += t
        op_subsidy[op] += sub
        unit_tally[unit] += t
        unit_subsidy[unit] += sub
        subsidy_week += _subsidy(sa_new, kind)
    total = sum(op_tally.values(), Tally())
    subsidy = sum(op_subsidy.values(), NONE)
    by_operator = [
        OperatorLine(op, codes.OPERATOR.label(op), op_tally.get(op, Tally()), op_subsidy.get(op, NONE))
        for op in codes.OPERATOR.codes
    ]

    year = week.year
    city_target, unit_targets = _unit_targets(store, year)
    by_unit: list[UnitLine] = []
    missing: list[tuple[str, str]] = []
    if unit_code is None:
        for u in units.values():
            by_unit.append(
                UnitLine(
                    u.code,
                    u.name,
                    unit_tally.get(u.code, Tally()),
                    unit_targets.get(u.code),
                    unit_subsidy.get(u.code, NONE),
                    venue_rows.get(u.code, (0, 0))[1],
                    pole_rows.get(u.code, (0, 0))[1],
                    u.code in returned,
                    None if u.code in returned else basis.carried.get(u.code),
                )
            )
            if u.code not in returned:
                missing.append((u.code, u.name))
        target = city_target
        scope_name = CITY_NAME
    else:
        target = unit_targets.get(unit_code)
        scope_name = units[unit_code].name

    return WeekFigures(
        week=week,
        unit_code=unit_code,
        scope_name=scope_name,
        rule=rule,
        total=total,
        target_year=year,
        target=target,
        by_operator=by_operator,
        by_unit=by_unit,
        venues_week=sum(w for w, _ in venue_rows.values()),
        venues_total=sum(t for _, t in venue_rows.values()),
        poles_week=sum(w for w, _ in pole_rows.values()),
        poles_total=sum(t for _, t in pole_rows.values()),
        venues_this_week=venues_this_week,
        poles_this_week=poles_this_week,
        station_changes=station_changes,
        waiting=waiting,
        late=late,
        late_suspended=late_suspended,
        subsidy=subsidy,
        subsidy_week=subsidy_week,
        missing_units=missing,
        late_count=late_count,
        waiting_count=waiting_count,
    )


def _site_item(r: Any, units: dict[str, Any], catlist: codes.CodeList) -> SiteItem:
    return SiteItem(
        r[0],
        r[1] or "",
        r[2],
        units[r[3]].name if r[3] in units else r[3],
        catlist.label(r[4]) if r[4] else "",
        r[5],
        codes.OPERATOR.labels_text(r[6]),
    )


def _later(r: Any, end: date) -> bool:
    return any(r[k] is not None and r[k] > end for k in ("on_air", "construction_start"))


def _seen_at(r: Any, approvals: list[Any], end: date) -> dict[str, Any]:
    """A listed station's row as it stood at day ``end`` (``domain.horizon``)."""
    s = Station(status=r["status"], on_air=r["on_air"], construction_start=r["construction_start"])
    s.approvals = approvals
    out = dict(r)
    out["status"] = horizon.station_status(s, horizon.approvals_at(approvals, end), end)
    for k in ("on_air", "construction_start"):
        if r[k] is not None and r[k] > end:
            out[k] = None
    return out


def _change_note(r: Any, week: IsoWeek) -> str:
    created = r["created_at"].date() >= week.start
    opened = r["on_air"] is not None and week.contains(r["on_air"]) and r["status"] == "on_air"
    if created and opened:
        return "新登记并开通"
    if opened:
        return "本周开通"
    return "新登记"


def _station_item(r: Any, units: dict[str, Any], note: str) -> StationItem:
    u = units.get(r["unit_code"])
    return StationItem(
        r["id"],
        u.name if u else r["unit_code"],
        codes.OPERATOR.label(r["operator"]),
        r["station_code"],
        r["name"],
        codes.STATION_TYPE.label(r["station_type"]) if r["station_type"] else "",
        r["network_mode"] or "",
        codes.STATUS.label(r["status"]),
        r["on_air"],
        r["planned_on_air"],
        note,
    )


# Weekly series for charts ------------------------------------------------------------------------

SERIES_START = IsoWeek(2020, 1)


@dataclass(slots=True)
class WeeklySeries:
    """Week by week from ``weeks[0]`` to the report week, as the register stood at its end."""

    weeks: list[IsoWeek]
    cumulative: list[int]
    cumulative_by_operator: dict[str, list[int]]
    new_by_operator: dict[str, list[int]]
    sa_share: list[float | None]
    indirect_share: list[float | None]
    targets: dict[int, int]  # year → stations on air by the year's end (this scope)
    before: int = 0  # on air before weeks[0]

    @property
    def new(self) -> list[int]:
        return [sum(v[i] for v in self.new_by_operator.values()) for i in range(len(self.weeks))]


def weekly_series(
    store: Store,
    last: IsoWeek,
    unit_code: str | None = None,
    rule: str = DEFAULT_COUNTING_RULE,
    *,
    first: IsoWeek = SERIES_START,
    basis: WeekBasis | None = None,
    by_day: list[tuple[Any, ...]] | None = None,
) -> WeeklySeries:
    """Cumulative stations on air, new per week by operator, SA and 转供电 shares, week by week
    (from the registers the ``last`` week is made from: ``Store.week_basis``). ``by_day``: the
    stations on air by day already read (``WeekRows.by_day`` of the ``last`` week)."""
    unit_code = scope_of(unit_code)
    base = first.start
    if basis is None:
        basis = store.week_basis(last, unit_code)
    rows = by_day if by_day is not None else store.on_air_by_day(last, unit_code, rule, at=basis.moment)
    weeks = _weeks(first, last)
    n = len(weeks)
    ops = list(codes.OPERATOR.codes)
    new_by_op = {op: [0] * n for op in ops}
    before_by_op = dict.fromkeys(ops, 0)
    sa_new, ind_new = [0] * n, [0] * n
    sa_before = ind_before = 0
    for day, op, sa, ind, cnt in rows:
        if op not in new_by_op:
            new_by_op[op], before_by_op[op] = [0] * n, 0
        idx = (day - base).days // 7
        if idx < 0:
            before_by_op[op] += cnt
            sa_before, ind_before = sa_before + sa, ind_before + ind
            continue
        new_by_op[op][idx] += cnt
        sa_new[idx] += sa
        ind_new[idx] += ind
    cum_by_op: dict[str, list[int]] = {}
    for op, vals in new_by_op.items():
        acc, out = before_by_op[op], []
        for v in vals:
            acc += v
            out.append(acc)
        cum_by_op[op] = out
    before = sum(before_by_op.values())
    cumulative: list[int] = []
    sa_share: list[float | None] = []
    ind_share: list[float | None] = []
    acc, acc_sa, acc_ind = before, sa_before, ind_before
    for i in range(n):
        acc += sum(v[i] for v in new_by_op.values())
        acc_sa += sa_new[i]
        acc_ind += ind_new[i]
        cumulative.append(acc)
        sa_share.append(share(acc_sa, acc))
        ind_share.append(share(acc_ind, acc))
    targets = {
        t.year: t.value for t in store.targets() if t.metric == METRIC_STATIONS and t.unit_code == unit_code
    }
    return WeeklySeries(weeks, cumulative, cum_by_op, new_by_op, sa_share, ind_share, targets, before)


def _weeks(first: IsoWeek, last: IsoWeek) -> list[IsoWeek]:
    out: list[IsoWeek] = []
    d = first.start
    while d <= last.start:
        out.append(IsoWeek.containing(d))
        d += timedelta(days=7)
    return out
