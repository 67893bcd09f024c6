"""The weekly report's data (周报, PRODUCT §5) and the week a report or the dashboard opens on.

``gather`` reads everything one report needs into a plain :class:`ReportData` (no Qt: the command
line computes it before any Qt object exists, the window in a worker thread). ``gui/report_document``
lays it out and paints it; ``gui/report_pdf.write_report_pdf`` turns it into a PDF.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from functools import partial
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
    beside: bool = False,
) -> ReportData:
    """Read every figure of the report (no Qt: safe in a worker thread), by the week's rule
    (``Store.week_basis``): the same registers, seen at the week's end, as the week's return.
    One pass over the week's stations gives the figures, the lists, the series and the map's
    points (``Store.week_rows``).

    ``beside``: what does not depend on that pass (the sites, the approvals waiting, 本周变化,
    the week's note) is read on a thread of its own (a session of its own) during it — the
    command line, where SQLite's scans run on two cores (sqlite3 lets go of Python's lock while
    it steps). (In the window all is read on the worker's thread: a second thread saved little
    on two cores and let the garbage collector meet the window's objects off the GUI thread.)"""
    unit_code = scope_of(unit_code)
    if unit_code is not None:
        store.unit(unit_code)  # raises NotFoundError with the Chinese message
    inst = store.installation()
    basis = store.week_basis(week, unit_code)
    read = partial(store.week_rows, week, unit_code, rule, waiting_days=WAITING_DAYS, lists=True, at=basis.moment)
    if beside:
        with ThreadPoolExecutor(1, thread_name_prefix="kf5g-report-read") as pool:
            apart = pool.submit(_apart, store, week, unit_code, basis, read)
            rows = read(part="groups")
            counts, changes, note = apart.result()
        rows.take_counts(counts)
    else:
        rows = read()
        changes = week_changes(store, week, unit_code, basis)
        note = store.week_note(scope_code(unit_code), week)
    fig = week_figures(store, week, unit_code, rule, basis=basis, rows=rows)
    series = weekly_series(store, week, unit_code, rule, basis=basis, by_day=rows.by_day)
    return ReportData(
        fig,
        series,
        note.problems,
        inst.user_name,
        note.reviewer or inst.reviewer,
        store.now(),
        changes,
        rows.points if rows.points is not None else store.map_points("station", unit_code, at=basis.moment),
    )


def _apart(
    store: Any, week: IsoWeek, unit_code: str | None, basis: Any, read: Callable[..., Any]
) -> tuple[Any, WeekChanges, Any]:
    """What ``gather(beside=True)`` reads beside the stations' pass; numpy first, which that pass
    needs once its first rows are read (imported here while SQLite steps there)."""
    import numpy  # noqa: F401

    return read(part="counts"), week_changes(store, week, unit_code, basis), store.week_note(scope_code(unit_code), week)

