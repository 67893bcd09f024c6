"""The dashboard's figures (``reports.dashboard.compute``: one pass over the stations for the
week's groups and the series by day, the sites' and approvals' counts beside it on a second
connection) are exactly the week's figures and series made the report's way
(``week_figures(lists=False)`` and ``weekly_series`` on their own passes)."""

from __future__ import annotations

import pytest

from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.domain.targets import COUNTING_RULES
from kf5g_desktop.domain.units import scope_of
from kf5g_desktop.reports.dashboard import DashboardData, compute
from kf5g_desktop.reports.figures import week_figures, weekly_series
from kf5g_desktop.reports.weekly import initial_week
from kf5g_desktop.storage.store import Store
from tests.reports.dataset import build_overdue


def the_report_way(store, week, unit, rule) -> DashboardData:
    basis = store.week_basis(week, scope_of(unit))
    return DashboardData(
        week_figures(store, week, unit, rule, lists=False, basis=basis),
        weekly_series(store, week, unit, rule, basis=basis),
    )


WEEKS = [IsoWeek(2020, 40), IsoWeek(2021, 4), IsoWeek(2021, 5), IsoWeek(2021, 6), IsoWeek(2022, 52)]


@pytest.mark.parametrize("rule", sorted(COUNTING_RULES))
def test_the_city_dashboard_is_the_report_s_figures(fixed_store, rule):
    for week in WEEKS:
        for unit in (None, "410221", "410202"):
            assert compute(fixed_store, week, unit, rule) == the_report_way(fixed_store, week, unit, rule), (
                week,
                unit,
            )


def test_a_unit_s_dashboard_with_late_stations(tmp_path):
    store = build_overdue(tmp_path / "overdue.db")
    try:
        for week in WEEKS:
            for rule in COUNTING_RULES:
                data = compute(store, week, "410221", rule)
                assert data == the_report_way(store, week, "410221", rule)
        assert compute(store, IsoWeek(2021, 5), "410221", "all").figures.late_count > 0
    finally:
        store.close()


def test_the_demo_dashboard(demo_db):
    store = Store.open(demo_db[0], readonly=True)
    try:
        opening = initial_week(store)
        for week in (opening, IsoWeek(2021, 5), opening.next()):
            for rule in COUNTING_RULES:
                for unit in (store.installation().unit_code, "410221"):
                    data = compute(store, week, unit, rule)
                    assert data == the_report_way(store, week, unit, rule)
        assert compute(store, opening, None, "all").figures.total.on_air > 0
    finally:
        store.close()


def test_the_halves_of_the_week_s_rows_make_the_whole(fixed_store):
    week = IsoWeek(2021, 5)
    basis = fixed_store.week_basis(week, None)
    whole = fixed_store.week_rows(week, None, "all", waiting_days=30, lists=False, at=basis.moment)
    groups = fixed_store.week_rows(week, None, "all", waiting_days=30, lists=False, at=basis.moment, part="groups")
    counts = fixed_store.week_rows(week, None, "all", waiting_days=30, lists=False, at=basis.moment, part="counts")
    assert groups.groups == whole.groups and groups.late_count == whole.late_count
    assert not groups.venue_counts and not groups.returned and counts.groups == []
    assert (counts.venue_counts, counts.pole_counts, counts.waiting_count, counts.returned) == (
        whole.venue_counts,
        whole.pole_counts,
        whole.waiting_count,
        whole.returned,
    )
    # with the lists (the report beside its pass): the halves joined are the whole, list for list
    whole = fixed_store.week_rows(week, None, "all", waiting_days=30, lists=True, at=basis.moment)
    groups = fixed_store.week_rows(week, None, "all", waiting_days=30, lists=True, at=basis.moment, part="groups")
    counts = fixed_store.week_rows(week, None, "all", waiting_days=30, lists=True, at=basis.moment, part="counts")
    assert groups.changes and not groups.waiting and not groups.venues and counts.groups == [] and not counts.changes
    joined = groups.take_counts(counts)
    for name in ("groups", "by_day", "changes", "late", "late_count", "venues", "poles", "waiting", "waiting_count"):
        assert getattr(joined, name) == getattr(whole, name), name
    assert (joined.venue_counts, joined.pole_counts, joined.returned) == (
        whole.venue_counts,
        whole.pole_counts,
        whole.returned,
    )
    assert whole.waiting and whole.venues
    with pytest.raises(ValueError):
        fixed_store.week_rows(week, None, "all", waiting_days=30, lists=True, part="half")
