"""What the dashboard (首页) shows: the week's figures without the lists, and the weekly series.

No Qt: ``gui/dashboard.py`` computes it in a background job and only lays it out and draws it.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from typing import Any

from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.domain.targets import DEFAULT_COUNTING_RULE
from kf5g_desktop.domain.units import scope_of
from kf5g_desktop.reports.figures import WAITING_DAYS, WeekFigures, WeeklySeries, week_figures, weekly_series
from kf5g_desktop.reports.weekly import initial_week


@dataclass(slots=True)
class DashboardData:
    figures: WeekFigures
    series: WeeklySeries


class FirstFigures:
    """The home page's opening figures, computed on a thread of their own from the moment the
    database is open (start-up), while the window builds the page: :func:`compute` for the
    opening choice (the week of :func:`initial_week`, the installation's scope, the default
    counting rule). The page takes them (:meth:`take`) only for exactly that choice on the same
    store, once; anything else it computes as always."""

    def __init__(self, store: Any) -> None:
        inst = store.installation()
        unit = None if inst.is_city or not inst.configured else scope_of(inst.unit_code)
        self.store = store
        self.key = (initial_week(store), unit, DEFAULT_COUNTING_RULE)
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kf5g-first-figures")
        self._future: Future[DashboardData] | None = pool.submit(compute, store, *self.key)
        pool.shutdown(wait=False)

    def take(self, store: Any, week: IsoWeek, unit_code: str | None, rule: str) -> Future[DashboardData] | None:
        """The figures being computed, if they are those of this choice on this store (once)."""
        future, self._future = self._future, None
        if future is None or store is not self.store or (week, scope_of(unit_code), rule) != self.key:
            return None
        return future


def compute(store: Any, week: IsoWeek, unit_code: str | None, rule: str) -> DashboardData:
    """What the page shows (runs in a worker thread), by the week's rule (``Store.week_basis``),
    like the week's return and report. One pass over the stations gives the week's groups and the
    series' stations on air by day (``Store.week_rows`` with ``by_day``); the sites' and the
    approvals' counts are read at the same time on a second connection (sqlite3 releases the GIL
    while it reads)."""
    scope = scope_of(unit_code)
    basis = store.week_basis(week, scope)
    read = partial(store.week_rows, week, scope, rule, waiting_days=WAITING_DAYS, lists=False, at=basis.moment)
    with ThreadPoolExecutor(max_workers=1) as pool:
        counts = pool.submit(read, part="counts")
        rows = read(part="groups", by_day=True)
        rows.take_counts(counts.result())
    figures = week_figures(store, week, unit_code, rule, lists=False, basis=basis, rows=rows)
    series = weekly_series(store, week, unit_code, rule, basis=basis, by_day=rows.by_day)
    return DashboardData(figures, series)
