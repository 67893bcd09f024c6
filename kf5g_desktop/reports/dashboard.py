"""What the dashboard (首页) shows: the week's figures without the lists, and the weekly series.

No Qt: ``gui/dashboard.py`` computes it in a background job and only lays it out and draws it.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.domain.targets import DEFAULT_COUNTING_RULE
from kf5g_desktop.domain.units import scope_of
from kf5g_desktop.reports.figures import WAITING_DAYS, WeekFigures, WeeklySeries, week_figures, weekly_series
from kf5g_desktop.reports.weeks import initial_week


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

    def take(
        self, store: Any, week: IsoWeek, unit_code: str | None, rule: str
    ) -> Future[DashboardData] | None:
        """The figures being computed, if they are those of this choice on this store (once)."""
        future, self._future = self._future, None
        if future is None or store is not self.store or (week, scope_of(unit_code), rule) != self.key:
            return None
        return future


class FirstRead:
    """The start-up's first read of a database file (``storage.first_read.FirstReader``) and its
    opening figures (:class:`FirstFigures`), begun on a thread of its own as early as possible: the
    command line begins it before Qt is even imported, so that SQLite reads the file (without
    Python's lock) while the window is made. :meth:`result`: (reader, figures), or None when the
    file is one the Store must open itself (``FirstReader.open``)."""

    def __init__(self, path: Path, *, small_bytes: int | None = None) -> None:
        from kf5g_desktop.storage.first_read import BACKGROUND_CHECK_BYTES

        self.path = path
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kf5g-first-read")
        self._future = pool.submit(
            self._begin, path, BACKGROUND_CHECK_BYTES if small_bytes is None else small_bytes
        )
        pool.shutdown(wait=False)

    @staticmethod
    def _begin(path: Path, small_bytes: int) -> tuple[Any, FirstFigures] | None:
        from kf5g_desktop.storage.first_read import FirstReader

        reader = FirstReader.open(path, small_bytes=small_bytes)
        return None if reader is None else (reader, FirstFigures(reader))

    def result(self) -> tuple[Any, FirstFigures] | None:
        try:
            return self._future.result()
        except Exception:  # (the Store's opening says what is wrong)
            logging.getLogger("kf5g").exception("the first read of %s failed", self.path)
            return None


def compute(store: Any, week: IsoWeek, unit_code: str | None, rule: str) -> DashboardData:
    """What the page shows (runs in a worker thread), by the week's rule (``Store.week_basis``),
    like the week's return and report. One pass over the stations gives the week's groups and the
    series' stations on air by day (``Store.week_rows`` with ``by_day``); the sites' and the
    approvals' counts are read at the same time on a second connection (sqlite3 releases the GIL
    while it reads)."""
    scope = scope_of(unit_code)
    basis = store.week_basis(week, scope)
    read = partial(
        store.week_rows, week, scope, rule, waiting_days=WAITING_DAYS, lists=False, at=basis.moment
    )
    with ThreadPoolExecutor(max_workers=1) as pool:
        counts = pool.submit(read, part="counts")
        rows = read(part="groups", by_day=True)
        rows.take_counts(counts.result())
    figures = week_figures(store, week, unit_code, rule, lists=False, basis=basis, rows=rows)
    series = weekly_series(store, week, unit_code, rule, basis=basis, by_day=rows.by_day)
    return DashboardData(figures, series)
