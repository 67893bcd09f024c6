"""Figures of the weekly report and the dashboard (PRODUCT §3.2, §5), computed in SQL.

Everything is "as the register stood at the week's end": records created after the period's last
day and records in the recycle bin are left out. The counting rule (``domain.targets``) decides
which station types count as "a station"; it applies to every station figure and list except the
subsidy, which is owed for every SA station on air whatever its type (PRODUCT §3.1).

Results are plain dataclasses: no Qt, no ORM objects.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Integer, and_, func, literal, literal_column, or_, select

from kf5g_desktop.domain import codes
from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.domain.subsidy import NONE, Subsidy, local_split
from kf5g_desktop.domain.subsidy import PROVINCE_AMOUNT as _PROVINCE
from kf5g_desktop.domain.targets import (
    DEFAULT_COUNTING_RULE,
    INDIRECT_POWER_MAX_SHARE,
    METRIC_STATIONS,
    counted_types,
    rule_label,
)
from kf5g_desktop.domain.units import CITY_CODE, CITY_NAME
from kf5g_desktop.storage.models import (
    ApprovalRow,
    PoleRow,
    StationRow,
    SubmissionRow,
    VenueRow,
)

if TYPE_CHECKING:
    from kf5g_desktop.storage.store import Store

WAITING_DAYS = 30  # approvals waiting longer than this are listed (PRODUCT §5)

S = StationRow.__table__.c
V = VenueRow.__table__.c
P = PoleRow.__table__.c
A = ApprovalRow.__table__.c


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


# SQL building blocks -----------------------------------------------------------------------------


def end_bound(day: date) -> datetime:
    """The first instant after ``day``: records created before it existed at the day's end."""
    return datetime.combine(day + timedelta(days=1), time())


def _noindex(col: Any) -> Any:
    """``+column``: the same value, but SQLite will not drive the query through an index on it.

    The figures read most rows of a table; walking an index (the partial "live" unique indexes,
    WHERE deleted_at IS NULL, or the on-air date index) costs a table lookup per row and is two
    to three times slower than a plain scan on 100,000 stations."""
    return literal_column(f"+{col.table.name}.{col.name}", type_=col.type)


def _live(cols: Any, as_of: date) -> ColumnElement[bool]:
    return and_(_noindex(cols.deleted_at).is_(None), cols.created_at < end_bound(as_of))


def _station_scope(unit_code: str | None, rule: str, as_of: date) -> list[ColumnElement[bool]]:
    conds = [_live(S, as_of)]
    if unit_code is not None:
        conds.append(S.unit_code == unit_code)
    types = counted_types(rule)
    if types is not None:
        conds.append(S.station_type.in_(types))
    return conds


def _on_air_by(day: date) -> ColumnElement[bool]:
    return and_(S.status == "on_air", S.on_air <= day)


def _in(col: Any, week: IsoWeek) -> ColumnElement[bool]:
    return and_(col >= week.start, col <= week.end)


def _sum(cond: ColumnElement[bool]) -> Any:
    """How many rows meet ``cond`` (SQLite: a true comparison is 1, so sum the condition itself)."""
    return func.coalesce(func.sum(cond, type_=Integer), 0)


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
) -> WeekFigures:
    """Every figure of the weekly report for a unit (``unit_code``) or the city (None).

    ``lists=False`` skips the per-record lists (changes, late, waiting, sites) and leaves only their
    counts where the dashboard needs them (``late_count``, ``waiting_count``)."""
    counted_types(rule)  # raises on an unknown rule
    if unit_code == CITY_CODE:
        unit_code = None
    units = store.unit_map()
    if unit_code is not None and unit_code not in units:
        store.unit(unit_code)  # raises NotFoundError with the Chinese message
    end = week.end
    by_air = _on_air_by(end)
    conv_done = S.conversion == "done"
    conv_by_end = and_(conv_done, or_(S.conversion_done_on.is_(None), S.conversion_done_on <= end))
    counted = types_cond(rule)
    sa_all = and_(by_air, S.network_mode == "SA")
    live_unit = [_live(S, end)] + ([S.unit_code == unit_code] if unit_code else [])
    # Past the planned on-air date and not on air by the week's end. Cancelled stations are not
    # listed; suspended (暂缓) ones are not late but listed apart (``late_suspended``).
    overdue = and_(
        S.planned_on_air <= end,
        S.status != "cancelled",
        or_(S.status != "on_air", S.on_air.is_(None), S.on_air > end),
    )
    late_cond = and_(overdue, S.status != "suspended")

    with store.session() as s:
        rows = s.execute(
            select(
                S.unit_code,
                S.operator,
                _sum(and_(counted, by_air)),
                _sum(and_(counted, by_air, _in(S.on_air, week))),
                _sum(and_(counted, by_air, S.network_mode == "SA")),
                _sum(and_(counted, by_air, S.power_supply == "indirect")),
                _sum(and_(counted, conv_by_end)),
                _sum(and_(counted, conv_done, _in(S.conversion_done_on, week))),
                _sum(sa_all),
                _sum(and_(sa_all, _in(S.on_air, week))),
                _sum(and_(counted, late_cond)),
            )
            .where(*live_unit)
            .group_by(_noindex(S.unit_code), _noindex(S.operator))
        ).all()

        venue_rows = _site_counts(s, V, V.opened_on, unit_code, week)
        pole_rows = _site_counts(s, P, P.shared_on, unit_code, week)
        scope = _station_scope(unit_code, rule, end)
        change_cond = or_(S.created_at >= datetime.combine(week.start, time()), _in(S.on_air, week))
        wait_cond = and_(
            A.applied_on.isnot(None),
            A.applied_on < end - timedelta(days=waiting_days),
            or_(A.granted_on.is_(None), A.granted_on > end),
            S.status != "cancelled",
        )
        wait_from = ApprovalRow.__table__.join(StationRow.__table__, A.station_id == S.id)
        venues_this_week: list[SiteItem] = []
        poles_this_week: list[SiteItem] = []
        station_changes: list[StationItem] = []
        late: list[StationItem] = []
        late_suspended: list[StationItem] = []
        waiting: list[WaitingItem] = []
        if lists:
            venues_this_week = _sites(s, V, unit_code, week, units)
            poles_this_week = _sites(s, P, unit_code, week, units)
            changes = s.execute(
                select(StationRow.__table__)
                .where(*scope, change_cond)
                .order_by(_noindex(S.unit_code), S.operator, S.station_code)
            ).mappings()
            station_changes = [_station_item(r, units, _change_note(r, week)) for r in changes]
            late_rows = s.execute(
                select(StationRow.__table__)
                .where(*scope, overdue)
                .order_by(S.planned_on_air, S.unit_code, S.station_code)
            ).mappings()
            for r in late_rows:
                item = _station_item(r, units, f"逾期 {(end - r['planned_on_air']).days} 天")
                (late_suspended if r["status"] == "suspended" else late).append(item)
            wait_rows = s.execute(
                select(S.id, S.unit_code, S.operator, S.station_code, S.name, A.item, A.applied_on)
                .select_from(wait_from)
                .where(*scope, wait_cond)
                .order_by(A.applied_on, S.unit_code, S.station_code)
            ).all()
            waiting = [
                WaitingItem(
                    r.id,
                    units[r.unit_code].name if r.unit_code in units else r.unit_code,
                    codes.OPERATOR.label(r.operator),
                    r.station_code,
                    r.name,
                    codes.APPROVAL_ITEM.label(r.item),
                    r.applied_on,
                    (end - r.applied_on).days,
                )
                for r in wait_rows
            ]
            late_count, waiting_count = len(late), len(waiting)
        else:
            late_count = sum(r[-1] for r in rows)
            waiting_count = int(
                s.scalar(select(func.count()).select_from(wait_from).where(*scope, wait_cond)) or 0
            )

        returned: set[str] = set()
        if unit_code is None:
            returned = set(
                s.scalars(
                    select(SubmissionRow.unit_code)
                    .where(SubmissionRow.direction == "import", SubmissionRow.iso_week == str(week))
                    .distinct()
                )
            )

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


def types_cond(rule: str) -> ColumnElement[bool]:
    types = counted_types(rule)
    return literal(True) if types is None else S.station_type.in_(types)


def _site_counts(
    s: Any, cols: Any, day_col: Any, unit_code: str | None, week: IsoWeek
) -> dict[str, tuple[int, int]]:
    """unit → (opened/shared this week, in total by the week's end)."""
    conds = [_live(cols, week.end)]
    if unit_code is not None:
        conds.append(cols.unit_code == unit_code)
    rows = s.execute(
        select(cols.unit_code, _sum(_in(day_col, week)), _sum(day_col <= week.end))
        .where(*conds)
        .group_by(cols.unit_code)
    ).all()
    return {r[0]: (int(r[1]), int(r[2])) for r in rows}


def _sites(s: Any, cols: Any, unit_code: str | None, week: IsoWeek, units: dict[str, Any]) -> list[SiteItem]:
    if cols is V:
        day_col, code_col, cat_col, ops_col, catlist = (
            V.opened_on,
            V.venue_code,
            V.category,
            V.operators_entered,
            codes.VENUE_CATEGORY,
        )
    else:
        day_col, code_col, cat_col, ops_col, catlist = (
            P.shared_on,
            P.pole_code,
            P.pole_type,
            P.sharing_operators,
            codes.POLE_TYPE,
        )
    conds = [_live(cols, week.end), _in(day_col, week)]
    if unit_code is not None:
        conds.append(cols.unit_code == unit_code)
    rows = s.execute(
        select(cols.id, code_col, cols.name, cols.unit_code, cat_col, day_col, ops_col)
        .where(*conds)
        .order_by(day_col, code_col)
    ).all()
    return [
        SiteItem(
            r[0],
            r[1] or "",
            r[2],
            units[r[3]].name if r[3] in units else r[3],
            catlist.label(r[4]) if r[4] else "",
            r[5],
            codes.OPERATOR.labels_text(r[6]),
        )
        for r in rows
    ]


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
) -> WeeklySeries:
    """Cumulative stations on air, new per week by operator, SA and 转供电 shares, week by week."""
    if unit_code == CITY_CODE:
        unit_code = None
    end = last.end
    base = first.start
    with store.session() as s:
        rows = s.execute(
            select(
                S.on_air,
                S.operator,
                _sum(S.network_mode == "SA"),
                _sum(S.power_supply == "indirect"),
                func.count(),
            )
            .where(*_station_scope(unit_code, rule, end), S.status == "on_air", _noindex(S.on_air) <= end)
            .group_by(_noindex(S.on_air), S.operator)
        ).all()
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
