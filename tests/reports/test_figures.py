"""Every figure checked against values worked out by hand on the fixed dataset (tests/reports/dataset.py)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from kf5g_desktop.domain.horizon import WeekBasis
from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.domain.subsidy import Subsidy
from kf5g_desktop.reports.figures import Tally, week_figures, weekly_series
from kf5g_desktop.storage.errors import NotFoundError

W05, W53, W10 = IsoWeek(2021, 5), IsoWeek(2020, 53), IsoWeek(2021, 10)
QI = "410221"


def by_op(f):
    return {line.operator: line.tally.on_air for line in f.by_operator}


def test_unit_week_5(fixed_store):
    f = week_figures(fixed_store, W05, QI)
    # on air by 02-07: S1 S2 S3 S4 (S6 registered later, S7 deleted); new S3 S4; SA S1 S3 S4; 转供 S2 S3
    assert f.total == Tally(on_air=4, new=2, sa=3, indirect=2, conversions_done=1, conversions_week=1)
    assert f.total.sa_share == 0.75 and f.total.indirect_share == 0.5
    assert f.indirect_ok is False  # 50% > 20%
    assert f.target == 100 and f.target_year == 2021 and f.completion == 0.04
    assert by_op(f) == {"CMCC": 2, "CUCC": 1, "CTCC": 1, "CBN": 0}
    assert f.subsidy == Subsidy(7500, 2250, 5250)  # 3 SA × county (2500, 750, 1750)
    assert f.subsidy_week == Subsidy(5000, 1500, 3500)
    assert (f.venues_week, f.venues_total, f.poles_week, f.poles_total) == (1, 2, 0, 1)
    assert [v.name for v in f.venues_this_week] == ["V1 县政府"]
    assert f.poles_this_week == []
    assert {(c.station_code, c.note) for c in f.station_changes} == {
        ("S3", "新登记并开通"),
        ("S4", "本周开通"),
    }
    assert [(x.station_code, x.note) for x in f.late] == [("S5", "逾期 7 天")]
    assert [(w.station_code, w.item, w.days) for w in f.waiting] == [("S5", "自然资源", 49)]
    assert f.by_unit == [] and f.missing_units == []
    assert f.title == "杞县5G网络建设周报 2021年第5周（2月1日—2月7日）"
    assert f.rule_label == "全部类型"


def test_week_across_year_end(fixed_store):
    f = week_figures(fixed_store, W53, QI)
    # 2020-12-28 — 2021-01-03: S1 (12-30) and S2 (01-02) open; S3 not yet registered; S4 later
    assert f.total == Tally(on_air=2, new=2, sa=1, indirect=1, conversions_done=0, conversions_week=0)
    assert f.target_year == 2020 and f.target is None  # no unit target for 2020
    assert f.subsidy == Subsidy(2500, 750, 1750) == f.subsidy_week
    assert (f.venues_week, f.venues_total, f.poles_week, f.poles_total) == (1, 1, 1, 1)
    assert f.late == []  # S5 is due 01-31
    assert [(w.station_code, w.item, w.days) for w in f.waiting] == [("S5", "环评", 33)]
    assert {c.station_code: c.note for c in f.station_changes} == {"S1": "本周开通", "S2": "本周开通"}
    assert "2020年第53周（2020年12月28日—2021年1月3日）" in f.title


def test_week_with_no_activity(fixed_store):
    f = week_figures(fixed_store, W10, QI)
    assert f.total.new == 0 and f.total.conversions_week == 0
    # 杞县 sent no return after 2021-W05 (received 02-08 12:00): that one is carried, S6 (registered
    # 02-10) is not in it
    assert f.total.on_air == 4
    assert f.station_changes == [] and f.venues_this_week == [] and f.poles_this_week == []
    # ... nor V3 (registered 02-20)
    assert (f.venues_week, f.venues_total, f.poles_week, f.poles_total) == (0, 2, 0, 1)
    assert f.subsidy_week == Subsidy()
    assert [(x.station_code, x.note) for x in f.late] == [("S5", "逾期 42 天")]
    assert [(w.item, w.days) for w in f.waiting] == [("自然资源", 84)]


@pytest.mark.parametrize(
    ("rule", "on_air", "new", "sa", "indirect"),
    [("all", 4, 2, 3, 2), ("macro-indoor", 3, 1, 2, 1), ("macro", 2, 1, 2, 0)],
)
def test_counting_rules(fixed_store, rule, on_air, new, sa, indirect):
    f = week_figures(fixed_store, W05, QI, rule)
    assert (f.total.on_air, f.total.new, f.total.sa, f.total.indirect) == (on_air, new, sa, indirect)
    assert f.subsidy == Subsidy(7500, 2250, 5250)  # the subsidy is owed whatever the type


def test_city_week_5(fixed_store):
    f = week_figures(fixed_store, W05)
    assert f.is_city and f.scope_name == "开封市"
    # 杞县 4 + 龙亭区 L1 L2 + 尉氏县 W1
    assert f.total == Tally(on_air=7, new=4, sa=5, indirect=3, conversions_done=1, conversions_week=1)
    assert f.target == 2500 and f.completion == 7 / 2500
    assert by_op(f) == {"CMCC": 3, "CUCC": 2, "CTCC": 2, "CBN": 0}
    # county 3 SA × (2500, 750, 1750) + district 2 SA × (2500, 1750, 750)
    assert f.subsidy == Subsidy(12500, 5750, 6750)
    assert f.subsidy_week == Subsidy(7500, 3250, 4250)
    assert (f.venues_week, f.venues_total, f.poles_week, f.poles_total) == (2, 3, 1, 2)
    units = {u.unit_code: u for u in f.by_unit}
    assert len(units) == 9
    assert units["410221"].tally.on_air == 4 and units["410221"].target == 100
    assert units["410221"].completion == 0.04 and units["410221"].returned
    assert units["410202"].tally == Tally(on_air=2, new=1, sa=2, indirect=1)
    assert units["410202"].subsidy == Subsidy(5000, 3500, 1500)
    assert units["410202"].target is None and units["410202"].completion is None
    assert units["410202"].venues_total == 1 and units["410202"].poles_total == 1
    assert units["410223"].tally.on_air == 1 and units["410223"].tally.sa == 0
    assert sum(u.tally.on_air for u in f.by_unit) == f.total.on_air
    assert len(f.missing_units) == 8 and ("410221", "杞县") not in f.missing_units
    assert ("410202", "龙亭区") in f.missing_units  # an export is not a return received


def test_city_code_means_city_and_unknown_unit_refused(fixed_store):
    assert week_figures(fixed_store, W05, "410200").is_city
    with pytest.raises(NotFoundError):
        week_figures(fixed_store, W05, "999999")
    with pytest.raises(ValueError, match="统计口径"):
        week_figures(fixed_store, W05, QI, "towers")


def test_weekly_series_unit(fixed_store):
    s = weekly_series(fixed_store, W05, QI)
    assert s.weeks[0] == IsoWeek(2020, 1) and s.weeks[-1] == W05 and len(s.weeks) == 53 + 5
    i53 = s.weeks.index(W53)
    assert s.cumulative[i53 - 1] == 0 and s.cumulative[i53] == 2 and s.cumulative[-1] == 4
    assert s.new_by_operator["CMCC"][i53] == 1 and s.new_by_operator["CUCC"][i53] == 1
    assert s.new[-1] == 2 and sum(s.new) == 4
    assert s.cumulative_by_operator["CMCC"][-1] == 2
    assert s.sa_share[i53] == 0.5 and s.indirect_share[-1] == 0.5
    assert s.sa_share[0] is None
    assert s.targets == {2021: 100}


def test_weekly_series_city_and_start(fixed_store):
    s = weekly_series(fixed_store, W05)
    assert s.cumulative[s.weeks.index(IsoWeek(2020, 36))] == 1  # L2 on air 2020-09-01
    assert s.cumulative[-1] == week_figures(fixed_store, W05).total.on_air
    assert s.targets == {2020: 1500, 2021: 2500}
    late = weekly_series(fixed_store, W05, first=IsoWeek(2021, 1))
    assert late.before == 3  # L2, S1, S2 before 2021-01-04
    assert late.cumulative[-1] == 7 and len(late.weeks) == 5


def test_as_of_excludes_later_records(fixed_store):
    # S6 opened 02-01 but was registered on 02-10: absent from W05, present in W06 as the registers
    # stood at its cut-off; the city has only 杞县's W05 return, which W06 carries (without S6)
    w06 = IsoWeek(2021, 6)
    assert week_figures(fixed_store, W05, QI).total.on_air == 4
    assert week_figures(fixed_store, w06, QI).total.on_air == 4
    at_cutoff = WeekBasis(fixed_store.week_cutoff(w06))
    assert week_figures(fixed_store, w06, QI, basis=at_cutoff).total.on_air == 5
    assert week_figures(fixed_store, IsoWeek(2019, 10), QI).total == Tally()


@pytest.mark.parametrize("week", [W05, W53, W10])
@pytest.mark.parametrize("unit", [QI, None])
def test_without_lists_counts_agree(fixed_store, week, unit):
    full = week_figures(fixed_store, week, unit)
    light = week_figures(fixed_store, week, unit, lists=False)
    assert light.total == full.total and light.subsidy == full.subsidy and light.by_unit == full.by_unit
    assert (light.late_count, light.waiting_count) == (len(full.late), len(full.waiting))
    assert (full.late_count, full.waiting_count) == (len(full.late), len(full.waiting))
    assert light.late == [] and light.waiting == [] and light.station_changes == []


@pytest.mark.parametrize("week", [W05, W53])
def test_the_reports_one_pass_equals_the_separate_queries(fixed_store, week):
    # the report reads the week's stations once (figures, series by day, which stations are listed),
    # the dashboard without lists and the charts by day apart: the same numbers, now, as at a
    # moment and as at each unit's own moment (the city's consolidation; 尉氏县 before its records)
    later = fixed_store.now() + timedelta(days=1)
    per_unit = {QI: later, "410202": later + timedelta(days=2), "410223": datetime(2000, 1, 1)}
    for at in (None, later, per_unit):
        for unit in (QI, None):
            one = fixed_store.week_rows(week, unit, "all", waiting_days=30, lists=True, at=at)
            apart = fixed_store.week_rows(week, unit, "all", waiting_days=30, lists=False, at=at)
            assert one.groups and one.groups == apart.groups
            assert one.by_day and one.by_day == sorted(fixed_store.on_air_by_day(week, unit, "all", at=at))
            assert (one.late_count, one.waiting_count) == (apart.late_count, apart.waiting_count)
    at_units = fixed_store.week_rows(week, None, "all", waiting_days=30, lists=True, at=per_unit)
    assert {g[0] for g in at_units.groups} == {QI, "410202"}
    assert week_figures(fixed_store, week, None, basis=WeekBasis(per_unit)).total == sum(
        (week_figures(fixed_store, week, u, basis=WeekBasis(per_unit[u])).total for u in (QI, "410202")), Tally()
    )


def test_suspended_stations_are_not_late_but_listed_apart(new_db):
    from tests.reports.dataset import build_overdue

    store = build_overdue(new_db("overdue.db"))
    try:
        f = week_figures(store, W05, QI)
        assert [(s.station_code, s.status, s.note) for s in f.late] == [("O1", "在建", "逾期 18 天")]
        assert [(s.station_code, s.status) for s in f.late_suspended] == [("O2", "暂缓"), ("O5", "暂缓")]
        assert f.late_count == 1
        # the dashboard's count (no lists) leaves the suspended stations out too
        assert week_figures(store, W05, QI, lists=False).late_count == 1
        city = week_figures(store, W05)
        assert len(city.late) == 1 and len(city.late_suspended) == 2
    finally:
        store.close()


@pytest.mark.parametrize("rule", ["all", "macro"])
def test_the_reports_scan_equals_the_grouping_in_sql(fixed_store, rule):
    # the report's one pass on SQLite is a scan grouped in numpy (with the map's points from the
    # same rows); grouped in SQL instead (as on PostgreSQL), and the points read apart: the same
    later = fixed_store.now() + timedelta(days=1)
    per_unit = {QI: later, "410202": later + timedelta(days=2), "410223": datetime(2000, 1, 1)}
    sqlite = fixed_store.engine.dialect.name == "sqlite"
    for week in (W05, W53, W10):
        for at in (None, later, per_unit):
            for unit in (QI, None):
                scan = fixed_store.week_rows(week, unit, rule, waiting_days=30, lists=True, at=at)
                grouped = fixed_store.week_rows(week, unit, rule, waiting_days=30, lists=True, at=at, scan=False)
                assert (scan.points is not None) == sqlite and grouped.points is None
                assert scan.groups == grouped.groups and scan.by_day == grouped.by_day
                assert [r["id"] for r in scan.changes] == [r["id"] for r in grouped.changes]
                assert [r["id"] for r in scan.late] == [r["id"] for r in grouped.late]
                assert scan.changes == grouped.changes and scan.late == grouped.late
                if scan.points is not None:
                    apart = fixed_store.map_points("station", unit, at=at)
                    for name in ("ids", "lon", "lat", "unit_number", "status_index", "operator_index", "mode_index"):
                        a, b = getattr(scan.points, name), getattr(apart, name)
                        assert a.dtype == b.dtype and a.tolist() == b.tolist(), name
                    assert scan.points.labels(range(len(apart))) == apart.labels(range(len(apart)))
    assert any(g[2] for g in grouped.groups)  # something on air to compare
