"""The SQL of the weekly report's and the dashboard's figures (``reports.figures`` turns these
rows into figures).

Everything is "as the register stood at the week's end": records created after the period's last
day and records in the recycle bin are left out. ``rule`` is a counting rule (``domain.targets``):
which station types count as "a station".
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    and_,
    bindparam,
    case,
    cast,
    func,
    literal,
    literal_column,
    or_,
    select,
    true,
)
from sqlalchemy.orm import Session

from kf5g_desktop.domain import horizon
from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.domain.targets import counted_types

from . import history
from .dialect import count_true, no_index
from .history import Moment
from .map_points import OPERATOR_CODES, MapPoints, float_table, packed_codes, points_of
from .models import BatchRow, SubmissionRow, UnitRow
from .week_rows import WeekRows as WeekRows


def _sources(moment: Moment) -> tuple[Any, Any, Any]:
    """The station, venue and pole rows as they stood at ``moment`` (None: now)."""
    return tuple(history.source(k, moment) for k in ("station", "venue", "pole"))  # type: ignore[return-value]


def end_bound(day: date) -> datetime:
    """The first instant after ``day``: records created before it existed at the day's end."""
    return datetime.combine(day + timedelta(days=1), time())


def _noindex(col: Any) -> Any:
    """``+column``: the same value, but SQLite will not drive the query through an index on it.

    The figures read most rows of a table; walking an index (the partial "live" unique indexes,
    WHERE deleted_at IS NULL, or the on-air date index) costs a table lookup per row and is two
    to three times slower than a plain scan on 100,000 stations."""
    return no_index(col)


def _live(S: Any, as_of: date) -> ColumnElement[bool]:
    """The stations in the week ending on ``as_of`` (``domain.horizon.station_in_week``): not
    deleted, and recorded by the end of the day or dated by it (on air, construction started or
    converted)."""
    return and_(
        _noindex(S.deleted_at).is_(None),
        or_(
            S.created_at < end_bound(as_of),
            S.on_air <= as_of,
            S.construction_start <= as_of,
            S.conversion_done_on <= as_of,
        ),
    )


def _site_live(cols: Any, day_col: Any, as_of: date) -> ColumnElement[bool]:
    """The venues (poles) in the week (``domain.horizon.venue``/``pole``): not deleted, and opened
    (shared) by ``as_of``, or undated and recorded by then."""
    return and_(
        _noindex(cols.deleted_at).is_(None),
        or_(day_col <= as_of, and_(day_col.is_(None), cols.created_at < end_bound(as_of))),
    )


def _station_scope(S: Any, unit_code: str | None, rule: str, as_of: date) -> list[ColumnElement[bool]]:
    conds = [_live(S, as_of)]
    if unit_code is not None:
        conds.append(S.unit_code == unit_code)
    types = counted_types(rule)
    if types is not None:
        conds.append(S.station_type.in_(types))
    return conds


def _types_cond(S: Any, rule: str) -> ColumnElement[bool]:
    types = counted_types(rule)
    return true() if types is None else S.station_type.in_(types)


def _on_air_by(S: Any, day: date) -> ColumnElement[bool]:
    """已开通 at the end of ``day``: on air then (an on-air date after it: not yet; no date: as recorded)."""
    return and_(S.status == "on_air", or_(S.on_air.is_(None), S.on_air <= day))


def _in(col: Any, week: IsoWeek) -> ColumnElement[bool]:
    return and_(col >= week.start, col <= week.end)


def _sum(cond: ColumnElement[bool]) -> Any:
    """How many rows meet ``cond`` (SQLite: a true comparison is 1, so sum the condition itself)."""
    return count_true(cond)


def week_rows(
    s: Session,
    week: IsoWeek,
    unit_code: str | None,
    rule: str,
    *,
    waiting_days: int,
    lists: bool,
    moment: Moment = None,
    by_day: bool = False,
    part: str = "all",
    scan: bool = True,
) -> WeekRows:
    """The rows behind one week's figures for a unit (``unit_code``) or the city (None), from the
    registers as they stood at ``moment`` (None: now).

    With ``lists`` one pass over the week's stations gives the figures, the counted stations on
    air by day (``WeekRows.by_day``, as :func:`on_air_by_day`: the report's series) and which
    stations the lists hold; their rows are then read by id. The approvals waiting are picked
    from the approvals first. At 100,000 stations as at each unit's moment (the city's week)
    every pass over the station versions costs about as much as the whole report should.
    ``by_day`` (without ``lists``): the same pass also gives ``WeekRows.by_day`` (the dashboard's
    series: one pass over the station versions instead of two). ``part``: "groups" reads only
    that pass (``groups``, ``by_day``, ``late_count``; with ``lists`` also the listed stations'
    rows, ``changes`` and ``late``, and ``points``), "counts" only the rest (the sites' counts,
    ``waiting_count``, ``returned``; with ``lists`` the sites' lists and ``waiting``), so that the
    two can be read at the same time on two connections (:meth:`WeekRows.take_counts` joins
    them); "all" both. ``scan`` (with ``lists``, on SQLite): that pass is one
    plain scan of the stations handing each station's numbers to numpy (:func:`_scan`), which
    also gives the map's points (``WeekRows.points``); False: grouped in SQL, as elsewhere."""
    if part not in ("all", "groups", "counts"):
        raise ValueError(f"week_rows: part {part!r}")
    stations, others = part != "counts", part != "groups"
    st, vt, pt = _sources(moment)
    S, V, P = st.c, vt.c, pt.c
    end = week.end
    by_air = _on_air_by(S, end)
    conv_done = S.conversion == "done"
    conv_by_end = and_(conv_done, or_(S.conversion_done_on.is_(None), S.conversion_done_on <= end))
    counted = _types_cond(S, rule)
    # 转供电 at the end: as recorded, or converted to 直供电 only after the end
    indirect = or_(S.power_supply == "indirect", S.conversion_done_on > end)
    sa_all = and_(by_air, S.network_mode == "SA")
    live_unit = [_live(S, end)] + ([S.unit_code == unit_code] if unit_code else [])
    # Past the planned on-air date and not on air by the week's end. Cancelled stations are not
    # listed; suspended (暂缓) ones are not late but listed apart (``WeekFigures.late_suspended``).
    overdue = and_(
        S.planned_on_air <= end,
        S.status != "cancelled",
        or_(S.status != "on_air", S.on_air.is_(None), S.on_air > end),
    )
    late_cond = and_(overdue, S.status != "suspended")
    change_cond = or_(S.created_at >= datetime.combine(week.start, time()), _in(S.on_air, week))
    # what the groups count (the sums of ``WeekRows.groups``, in their order)
    counts = (
        and_(counted, by_air),
        and_(counted, by_air, _in(S.on_air, week)),
        and_(counted, by_air, S.network_mode == "SA"),
        and_(counted, by_air, indirect),
        and_(counted, conv_by_end),
        and_(counted, conv_done, _in(S.conversion_done_on, week)),
        sa_all,
        and_(sa_all, _in(S.on_air, week)),
        and_(counted, late_cond),
    )
    listed_cond = and_(counted, or_(change_cond, overdue))
    out = WeekRows(groups=[], venue_counts={}, pole_counts={}, late_count=0, waiting_count=0)
    listed: list[int] = []
    scanned = _scan(s, S, unit_code, end, counts, listed_cond, _live(S, end)) if lists and scan and stations else None
    if scanned is not None:
        out.groups, out.by_day, listed, out.points = scanned
    elif stations:
        keys: list[Any] = [S.unit_code, S.operator]
        group_by = [_noindex(S.unit_code), _noindex(S.operator)]
        if lists:  # by day too, and a station of a list is a group of its own
            keys += [S.on_air, case((listed_cond, S.id), else_=None).label("listed")]
            # by the label: PostgreSQL would not see the CASE's parameters repeated as the same CASE
            group_by += [_noindex(S.on_air), literal_column("listed")]
        elif by_day:  # by day too
            keys.append(S.on_air)
            group_by.append(_noindex(S.on_air))
        sums = [_sum(c) for c in counts]
        rows = s.execute(select(*keys, *sums).where(*live_unit).group_by(*group_by)).all()
        out.groups, days, listed = _roll_up(rows, len(keys), end)
        out.by_day = days if lists or by_day else None
    if others:
        out.venue_counts = _site_counts(s, V, V.opened_on, unit_code, week)
        out.pole_counts = _site_counts(s, P, P.shared_on, unit_code, week)
    scope = _station_scope(S, unit_code, rule, end)
    wait_from, A = history.approvals_of(st, moment)
    # the few stations with an approval waiting, from a scan of the approvals (then each such
    # station's approvals as at its moment, as before)
    few = history.approvals_around(moment).c
    wait_cond = and_(
        _waits(A, end, waiting_days),
        S.status != "cancelled",
        S.id.in_(select(few.station_id).where(_waits(few, end, waiting_days))),
    )
    if lists and others:
        out.venues = _sites(s, V, V.opened_on, V.venue_code, V.category, V.operators_entered, unit_code, week)
        out.poles = _sites(s, P, P.shared_on, P.pole_code, P.pole_type, P.sharing_operators, unit_code, week)
        out.waiting = [
            tuple(r)
            for r in s.execute(
                select(S.id, S.unit_code, S.operator, S.station_code, S.name, A.item, A.applied_on)
                .select_from(wait_from)
                .where(*scope, wait_cond)
                .order_by(A.applied_on, S.unit_code, S.station_code)
            )
        ]
        out.waiting_count = len(out.waiting)
    if lists and stations:
        by_id = S.id.in_(bindparam("listed", listed, expanding=True, literal_execute=True))
        out.changes = (
            s.execute(
                select(st)
                .where(*scope, change_cond, by_id)
                .order_by(_noindex(S.unit_code), S.operator, S.station_code)
            )
            .mappings()
            .all()
        )
        out.late = (
            s.execute(
                select(st)
                .where(*scope, overdue, by_id)
                .order_by(S.planned_on_air, S.unit_code, S.station_code)
            )
            .mappings()
            .all()
        )
        out.late_count = sum(1 for r in out.late if r["status"] != "suspended")
    elif not lists:
        out.late_count = sum(r[-1] for r in out.groups)
        if others:
            out.waiting_count = int(
                s.scalar(select(func.count()).select_from(wait_from).where(*scope, wait_cond)) or 0
            )
    if unit_code is None and others:
        out.returned = set(
            s.scalars(
                select(SubmissionRow.unit_code)
                .where(SubmissionRow.direction == "import", SubmissionRow.iso_week == str(week))
                .distinct()
            )
        )
    return out


_LIVE, _LISTED, _LOCATED = 9, 10, 11  # flag bits of ``_scan`` after the nine counts


def _scan(
    s: Session,
    S: Any,
    unit_code: str | None,
    end: date,
    counts: Sequence[ColumnElement[bool]],
    listed_cond: ColumnElement[bool],
    live: ColumnElement[bool],
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[int], MapPoints] | None:
    """``week_rows``'s pass over the stations (``S``: the source as at the moment) as one plain
    scan, each station as six numbers — id, longitude, latitude, the map's packed codes
    (``map_points.packed_codes``: unit, status, operator, mode), the on-air day as YYYYMMDD and
    the conditions met as bits (the nine ``counts``, in the week ``live``, ``listed_cond``, with
    coordinates) — straight into a numpy array, then grouped there: the (unit, operator) groups,
    the stations on air by (day, operator), the listed ids exactly as :func:`_roll_up` makes them
    from SQL's grouping, and the map's points (``Store.map_points``) from the same rows. Grouping
    in SQL and reading the points apart cost two scans of the versions and three times the CPU.

    None where it does not apply (not SQLite, whose dates are ISO texts; a station whose operator
    is not a known code or whose unit code does not read back from its number): the caller
    groups in SQL."""
    if s.get_bind().dialect.name != "sqlite":
        return None
    conds = [*counts, live, listed_cond, and_(S.lon.isnot(None), S.lat.isnot(None))]
    flags: Any = literal(0)
    for bit, cond in enumerate(conds):
        flags = flags + case((cond, literal(1 << bit)), else_=literal(0))
    day = func.coalesce(cast(func.replace(S.on_air, literal("-"), literal("")), Integer), literal(0))
    stmt = select(
        S.id, func.coalesce(S.lon, literal(0.0)), func.coalesce(S.lat, literal(0.0)), packed_codes("station", S), day, flags
    ).where(_noindex(S.deleted_at).is_(None), *([S.unit_code == unit_code] if unit_code else []))
    table = float_table(s.connection().execute(stmt).cursor, 6)
    import numpy as np

    points = points_of("station", table[:, 0], table[:, 1], table[:, 2], table[:, 3])
    bits = table[:, 5].astype(np.int64)
    is_live = (bits >> _LIVE) & 1 == 1
    unit_number, operator = points.unit_number[is_live], points.operator_index[is_live]
    if (operator < 0).any():
        return None
    known = set(s.scalars(select(UnitRow.code)))
    numbers = np.unique(unit_number).tolist()
    if any(str(n) not in known for n in numbers):
        return None
    n_ops = len(OPERATOR_CODES)
    keys, group = np.unique(unit_number * n_ops + operator, return_inverse=True)
    live_bits = bits[is_live]
    sums = [np.bincount(group[(live_bits >> b) & 1 == 1], minlength=len(keys)) for b in range(len(counts))]
    groups = sorted(
        (str(int(k) // n_ops), OPERATOR_CODES[int(k) % n_ops], *(int(v[g]) for v in sums)) for g, k in enumerate(keys)
    )
    # on air by the week's end and dated, by (day, operator): (SA, 转供电, stations)
    end_key = end.year * 10_000 + end.month * 100 + end.day
    days = table[is_live, 4].astype(np.int64)
    dated = (live_bits & 1 == 1) & (days > 0) & (days <= end_key)
    day_keys, day_group = np.unique(days[dated] * n_ops + operator[dated], return_inverse=True)
    day_bits = live_bits[dated]
    per_day = [np.bincount(day_group[(day_bits >> b) & 1 == 1], minlength=len(day_keys)) for b in (2, 3, 0)]
    by_day = sorted(
        (_day(int(k) // n_ops), OPERATOR_CODES[int(k) % n_ops], *(int(v[g]) for v in per_day))
        for g, k in enumerate(day_keys)
    )
    listed = points.ids[is_live][(live_bits >> _LISTED) & 1 == 1].tolist()
    located = (bits >> _LOCATED) & 1 == 1
    order = np.argsort(points.ids[located], kind="stable")  # the map's points by id
    return groups, by_day, listed, points_of("station", *(table[located, i][order] for i in range(4)))


def _day(key: int) -> date:
    return date(key // 10_000, key // 100 % 100, key % 100)


def _waits(A: Any, end: date, waiting_days: int) -> ColumnElement[bool]:
    """An approval applied for more than ``waiting_days`` before ``end`` and not granted by then."""
    return and_(
        A.applied_on.isnot(None),
        A.applied_on < end - timedelta(days=waiting_days),
        or_(A.granted_on.is_(None), A.granted_on > end),
    )


def _roll_up(
    rows: Sequence[Any], n_keys: int, end: date
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[int]]:
    """The (unit, operator) groups of ``week_rows``'s pass; with the on-air day and the listed
    station among the keys also the counted stations on air by (day, operator) — (day, operator,
    SA, 转供电, stations), as :func:`on_air_by_day` — and (the fourth key) the listed stations' ids."""
    groups: dict[tuple[Any, Any], list[int]] = {}
    by_day: dict[tuple[Any, Any], list[int]] = {}
    listed: list[int] = []
    for r in rows:
        values = r[n_keys:]
        acc = groups.get((r[0], r[1]))
        if acc is None:
            groups[(r[0], r[1])] = [int(v) for v in values]
        else:
            for i, v in enumerate(values):
                acc[i] += int(v)
        if n_keys == 2:
            continue
        if n_keys == 4 and r[3] is not None:
            listed.append(r[3])
        day, on_air = r[2], int(values[0])
        # on air by the week's end and dated: the group's counted 已开通 are the day's (its SA and
        # 转供电 among them, the sums' third and fourth)
        if day is not None and day <= end and on_air:
            d = by_day.setdefault((day, r[1]), [0, 0, 0])
            d[0] += int(values[2])
            d[1] += int(values[3])
            d[2] += on_air
    return (
        [(*k, *v) for k, v in sorted(groups.items())],
        [(*k, *v) for k, v in sorted(by_day.items())],
        listed,
    )


def _site_counts(
    s: Session, cols: Any, day_col: Any, unit_code: str | None, week: IsoWeek
) -> dict[str, tuple[int, int]]:
    """unit → (opened/shared this week, in total by the week's end)."""
    conds = [_site_live(cols, day_col, week.end)]
    if unit_code is not None:
        conds.append(cols.unit_code == unit_code)
    rows = s.execute(
        select(cols.unit_code, _sum(_in(day_col, week)), func.count())
        .where(*conds)
        .group_by(cols.unit_code)
    ).all()
    return {r[0]: (int(r[1]), int(r[2])) for r in rows}


def _sites(
    s: Session,
    cols: Any,
    day_col: Any,
    code_col: Any,
    cat_col: Any,
    ops_col: Any,
    unit_code: str | None,
    week: IsoWeek,
) -> list[tuple[Any, ...]]:
    conds = [_site_live(cols, day_col, week.end), _in(day_col, week)]
    if unit_code is not None:
        conds.append(cols.unit_code == unit_code)
    rows = s.execute(
        select(cols.id, code_col, cols.name, cols.unit_code, cat_col, day_col, ops_col)
        .where(*conds)
        .order_by(day_col, code_col)
    ).all()
    return [tuple(r) for r in rows]


def on_air_by_day(
    s: Session, last: IsoWeek, unit_code: str | None, rule: str, moment: Moment = None
) -> list[tuple[Any, ...]]:
    """(on-air day, operator, SA, 转供电, stations) of the counted stations on air by ``last``'s end
    (the registers as they stood at ``moment``; 转供电 as at ``last``'s end)."""
    S = _sources(moment)[0].c
    end = last.end
    rows = s.execute(
        select(
            S.on_air,
            S.operator,
            _sum(S.network_mode == "SA"),
            _sum(or_(S.power_supply == "indirect", S.conversion_done_on > end)),
            func.count(),
        )
        .where(*_station_scope(S, unit_code, rule, end), S.status == "on_air", _noindex(S.on_air) <= end)
        .group_by(_noindex(S.on_air), S.operator)
    ).all()
    return [tuple(r) for r in rows]


def week_basis(
    s: Session,
    week: IsoWeek,
    unit_code: str | None,
    *,
    city: bool,
    cutoff: datetime,
    now: datetime,
    correct: bool = False,
) -> horizon.WeekBasis:
    """What a week's return and report are made from (``domain.horizon.WeekBasis``): on a unit's
    installation its registers at the cut-off (or its latest correction, or now); on the city's,
    each unit as at the import of its latest accepted submission for the week."""
    if city:
        recorded = func.coalesce(BatchRow.created_at, SubmissionRow.received_at)
        stmt = (
            select(SubmissionRow.unit_code, SubmissionRow.iso_week, recorded)
            .outerjoin(BatchRow, BatchRow.id == SubmissionRow.batch_id)
            .where(
                SubmissionRow.direction == "import",
                SubmissionRow.superseded_by.is_(None),
                SubmissionRow.iso_week <= str(week),
            )
        )
        if unit_code is not None:
            stmt = stmt.where(SubmissionRow.unit_code == unit_code)
        rows = [(u, w, _as_datetime(t)) for u, w, t in s.execute(stmt)]
        units = [unit_code] if unit_code is not None else list(s.scalars(select(UnitRow.code).order_by(UnitRow.code)))
        return horizon.city_basis(str(week), units, rows, min(now, cutoff))
    corrections = list(
        s.scalars(
            select(SubmissionRow.received_at).where(
                SubmissionRow.direction == "export",
                SubmissionRow.iso_week == str(week),
                SubmissionRow.reason.isnot(None),
                SubmissionRow.received_at > cutoff,
                *([SubmissionRow.unit_code == unit_code] if unit_code is not None else []),
            )
        )
    )
    return horizon.unit_basis(now, cutoff, corrections, correct=correct)


def _as_datetime(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
