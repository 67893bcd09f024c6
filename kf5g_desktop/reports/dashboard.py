"""What the dashboard (首页) shows: the week's figures without the lists, and the weekly series.

No Qt: ``gui/dashboard.py`` computes it in a background job and only lays it out and draws it.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.domain.units import scope_of
from kf5g_desktop.reports.figures import WeekFigures, WeeklySeries, week_figures, weekly_series


@dataclass(slots=True)
class DashboardData:
    figures: WeekFigures
    series: WeeklySeries


def compute(store: Any, week: IsoWeek, unit_code: str | None, rule: str) -> DashboardData:
    """What the page shows (runs in a worker thread). The week's figures and the series are read
    at the same time on two connections (sqlite3 releases the GIL while it reads). Both by the
    week's rule (``Store.week_basis``), like the week's return and report."""
    basis = store.week_basis(week, scope_of(unit_code))
    with ThreadPoolExecutor(max_workers=1) as pool:
        series = pool.submit(weekly_series, store, week, unit_code, rule, basis=basis)
        figures = week_figures(store, week, unit_code, rule, lists=False, basis=basis)
        return DashboardData(figures, series.result())
