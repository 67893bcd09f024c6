"""The weekly report's data (周报, PRODUCT §5) and the week a report or the dashboard opens on.

``gather`` reads everything one report needs into a plain :class:`ReportData` (no Qt: the command
line computes it before any Qt object exists, the window in a worker thread). ``gui/report_document``
lays it out and paints it; ``gui/report_pdf.write_report_pdf`` turns it into a PDF.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.domain.targets import DEFAULT_COUNTING_RULE
from kf5g_desktop.domain.units import scope_code, scope_of
from kf5g_desktop.reports.changes import WeekChanges, week_changes
from kf5g_desktop.reports.figures import WAITING_DAYS, WeekFigures, WeeklySeries, week_figures, weekly_series
from kf5g_desktop.reports.weeks import default_report_week as default_report_week
from kf5g_desktop.reports.weeks import initial_week as initial_week


@dataclass(slots=True)
class ReportData:
    """Everything one report needs, gathered (off the GUI thread) from the store."""

    figures: WeekFigures
    series: WeeklySeries
    problems: str
    reporter: str
    reviewer: str
    generated_at: datetime
    changes: WeekChanges | None = None  # 本周变化 (reports.changes)
    map_points: Any = None  # the map page: Store.map_points of the stations as at the week's moment


def gather(
    store: Any,
    week: IsoWeek,
    unit_code: str | None,
    rule: str = DEFAULT_COUNTING_RULE,
    *,
    map_beside: bool = False,
) -> ReportData:
    """Read every figure of the report (no Qt: safe in a worker thread), by the week's rule
    (``Store.week_basis``): the same registers, seen at the week's end, as the week's return.

    ``map_beside``: the map's points are read on a thread of their own (a session of its own)
    while the figures are read — the command line, where SQLite's scans of the two run on two
    cores (sqlite3 lets go of Python's lock while it steps)."""
    unit_code = scope_of(unit_code)
    if unit_code is not None:
        store.unit(unit_code)  # raises NotFoundError with the Chinese message
    basis = store.week_basis(week, unit_code)
    if map_beside:
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(1, thread_name_prefix="kf5g-map-points") as pool:
            points = pool.submit(store.map_points, "station", unit_code, at=basis.moment)
            data = _gather(store, week, unit_code, rule, basis)
            data.map_points = points.result()
        return data
    # (In the window the map's points are read after the figures, on this thread: a second thread
    # here saved little on two cores and let the garbage collector meet the window's objects off
    # the GUI thread.)
    data = _gather(store, week, unit_code, rule, basis)
    data.map_points = store.map_points("station", unit_code, at=basis.moment)
    return data


def _gather(store: Any, week: IsoWeek, unit_code: str | None, rule: str, basis: Any) -> ReportData:
    """The report's data but for the map's points."""
    # One pass over the week's stations for the figures, the lists and the series.
    rows = store.week_rows(week, unit_code, rule, waiting_days=WAITING_DAYS, lists=True, at=basis.moment)
    fig = week_figures(store, week, unit_code, rule, basis=basis, rows=rows)
    series = weekly_series(store, week, unit_code, rule, basis=basis, by_day=rows.by_day)
    note = store.week_note(scope_code(unit_code), week)
    inst = store.installation()
    return ReportData(
        fig,
        series,
        note.problems,
        inst.user_name,
        note.reviewer or inst.reviewer,
        store.now(),
        week_changes(store, week, unit_code, basis),
    )
