"""The first screen of the 基站 list as the registers stood at a moment.

    PYTHONPATH=. python benchmarks/list_at.py DB [--week 2021-W05]          # one query, whole process
    QT_QPA_PLATFORM=offscreen PYTHONPATH=. python benchmarks/list_at.py DB --week 2021-W05 --gui
    PYTHONPATH=. python benchmarks/list_at.py DB --week 2021-W05 --valid-from-index

Without options: opens the Store read-only and runs the list's first-page query (200 rows, the
list's default sort) and its count as at the week's cut-off, or now; prints the query's own time
(used by bench_history.py, which times the whole process).

``--gui``: in one process, the 基站 list page (the window's RegisterPage) switched to the week and
back to now, ``--runs`` times in turn; each time measured until the view has repainted its first
screen (target: as at a past week ≤ 0.3 s).

``--valid-from-index``: the same first page and count as at the week, in turn with the condition on
``valid_from`` written as ``+valid_from`` (SQLite then does not take the valid_from index for it)
and as plain ``valid_from`` (what ``storage/history.py`` does), ``--runs`` times each; prints both
and the ratio, for several weeks unless ``--week`` is given.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _median(xs: list[float]) -> str:
    return f"median {statistics.median(xs) * 1000:.0f} ms (range {min(xs) * 1000:.0f}–{max(xs) * 1000:.0f})"


def _timed(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main() -> int:
    from kf5g_desktop.domain.periods import IsoWeek
    from kf5g_desktop.domain.values import ListQuery
    from kf5g_desktop.storage.store import Store

    ap = argparse.ArgumentParser()
    ap.add_argument("db", type=Path)
    ap.add_argument("--week", default=None)
    ap.add_argument("--gui", action="store_true")
    ap.add_argument("--valid-from-index", action="store_true")
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    if args.gui:
        return _gui(args.db, IsoWeek.parse(args.week or "2021-W05"), args.runs)
    if args.valid_from_index:
        weeks = [args.week] if args.week else ["2020-W40", "2021-W05", "2021-W30", "2022-W20"]
        return _valid_from_index(args.db, [IsoWeek.parse(w) for w in weeks], args.runs)
    with Store.open(args.db, readonly=True) as store:
        at = store.week_cutoff(IsoWeek.parse(args.week)) if args.week else None
        t = time.perf_counter()
        rows = store.query("station", ListQuery(limit=200), at=at)
        total = store.count("station", ListQuery(), at=at)
        print(f"{len(rows)} of {total} rows in {(time.perf_counter() - t) * 1000:.1f} ms")
    return 0


def _gui(db: Path, week: object, runs: int) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    from kf5g_desktop.domain.schema import STATION
    from kf5g_desktop.gui.register import RegisterPage
    from kf5g_desktop.storage.store import Store

    QCoreApplication.setOrganizationName("kf5g-bench")
    QCoreApplication.setApplicationName("bench")
    QSettings().clear()
    app = QApplication.instance() or QApplication([])
    store = Store.open(db, readonly=True)
    page = RegisterPage(store, STATION)
    page.resize(1400, 800)
    page.show()
    page.refresh()
    app.processEvents()

    def show(w: object) -> None:
        page.set_week(w)  # type: ignore[arg-type]
        page.view.viewport().repaint()
        app.processEvents()

    past, now = [], []
    shown = (0, 0)
    for _ in range(runs):
        past.append(_timed(lambda: show(week)))
        assert page.is_past and page.model.rowCount() > 0
        shown = (page.model.total, shown[1])
        now.append(_timed(lambda: show(None)))
        shown = (shown[0], page.model.total)
    print(f"基站 list, first screen as at {week} ({shown[0]} rows): {_median(past)}  target ≤ 300 ms")
    print(f"基站 list, first screen now ({shown[1]} rows, the same page, in turn): {_median(now)}")
    store.close()
    return 0


def _valid_from_index(db: Path, weeks: list, runs: int) -> int:
    from sqlalchemy import and_, or_
    from sqlalchemy.sql.elements import UnaryExpression
    from sqlalchemy.sql.operators import custom_op

    from kf5g_desktop.domain.values import ListQuery
    from kf5g_desktop.storage import history
    from kf5g_desktop.storage.store import Store

    plain = history._at

    def trick(h: Any, moment: Any) -> Any:  # "+valid_from": SQLite does not take an index for it
        col = UnaryExpression(h.c.valid_from, operator=custom_op("+"), type_=h.c.valid_from.type)
        return and_(col <= moment, or_(h.c.valid_to.is_(None), h.c.valid_to > moment))

    with Store.open(db, readonly=True) as store:
        for week in weeks:
            at = store.week_cutoff(week)
            times: dict[str, list[float]] = {"+valid_from": [], "valid_from": []}
            for _ in range(runs):
                for label, fn in (("+valid_from", trick), ("valid_from", plain)):
                    history._at = fn  # type: ignore[assignment]
                    times[label].append(
                        _timed(
                            lambda at=at: (
                                store.query("station", ListQuery(limit=200), at=at),
                                store.count("station", ListQuery(), at=at),
                            )
                        )
                    )
            history._at = plain
            a, b = (statistics.median(times[k]) for k in ("+valid_from", "valid_from"))
            print(
                f"{week}: +valid_from {_median(times['+valid_from'])}; valid_from {_median(times['valid_from'])}; "
                f"plain / trick {b / a:.2f}×"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
