"""How fast the stations list is on a big database: first screen, sort, filter keystroke.

    python -m kf5g_desktop demo --db /tmp/big.db --stations 100000
    QT_QPA_PLATFORM=offscreen PYTHONPATH=. python benchmarks/bench_gui_list.py /tmp/big.db

Targets (issue 3): first screen ≤ 0.3 s after opening; a sort or a filter keystroke repaints ≤ 0.3 s.
Times are the median of a few repetitions, each measured until the view has repainted; the
baseline is one unfiltered page of 200 stations read through the Store (the least any list can do).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    from PySide6.QtCore import QCoreApplication, QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from kf5g_desktop.domain.schema import STATION
    from kf5g_desktop.domain.values import ListQuery
    from kf5g_desktop.gui.register import RegisterPage
    from kf5g_desktop.storage.store import Store

    path = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/big.db")
    if not path.exists():
        print(f"no database at {path}; run: python -m kf5g_desktop demo --db {path} --stations 100000")
        return 2
    QCoreApplication.setOrganizationName("kf5g-bench")
    QCoreApplication.setApplicationName("bench")
    QSettings().clear()
    app = QApplication.instance() or QApplication([])

    def median(fn: Callable[[], None], n: int = 5) -> float:
        times = []
        for _ in range(n):
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
        return statistics.median(times)

    t0 = time.perf_counter()
    store = Store.open(path, readonly=True)
    t_open = time.perf_counter() - t0
    n = store.count(STATION)
    baseline = median(lambda: store.query(STATION, ListQuery(limit=200)))

    page: RegisterPage | None = None

    def first_screen() -> None:
        nonlocal page
        if page is not None:
            page.deleteLater()
        page = RegisterPage(store, STATION)
        page.resize(1400, 800)
        page.show()
        page.view.viewport().repaint()
        app.processEvents()

    from kf5g_desktop.gui.main_window import MainWindow

    win: MainWindow | None = None

    def main_window() -> None:
        nonlocal win
        if win is not None:
            win.deleteLater()
        win = MainWindow(store)
        win.resize(1400, 800)
        win.show()
        app.processEvents()

    def stations_page() -> float:
        assert win is not None
        win.show_page("home")
        app.processEvents()
        win.registers[STATION]._loaded = False  # as on the first visit
        t0 = time.perf_counter()
        win.show_page(STATION)
        win.registers[STATION].view.viewport().repaint()
        app.processEvents()
        return time.perf_counter() - t0

    rows: list[tuple[str, float]] = [
        ("main window: first screen (home page counts)", median(main_window, 3)),
        (
            "main window: switch to 基站 list (first visit)",
            statistics.median(stations_page() for _ in range(3)),
        ),
        ("first screen (list built, first page painted)", median(first_screen)),
    ]
    assert page is not None
    view = page.view

    def repaint() -> None:
        view.viewport().repaint()
        app.processEvents()

    cols = {c.key: i for i, c in enumerate(page.model.columns)}
    for key in ("station_code", "name", "on_air", "township_code", "updated_at"):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):

            def sort(key: str = key, order: Qt.SortOrder = order) -> None:
                view.sortByColumn(cols[key], order)
                repaint()

            rows.append(
                (
                    f"sort by {key} {'desc' if order == Qt.SortOrder.DescendingOrder else 'asc'}",
                    median(sort, 3),
                )
            )
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    page.model.sort_field = None

    for text in ("开", "开封", "KF", "ZZZ-no-match"):

        def search(text: str = text) -> None:
            page.search.setText(text)
            page.apply_filters()  # what the 150 ms debounce timer calls
            repaint()

        rows.append((f"search keystroke {text!r}", median(search, 3)))
    page.search.setText("")

    def status_filter() -> float:
        page.filters["statuses"].set_selected([])
        repaint()
        t0 = time.perf_counter()
        page.filters["statuses"].set_selected(["on_air", "building"])
        repaint()
        return time.perf_counter() - t0

    rows.append(("status filter click (已开通+在建)", statistics.median(status_filter() for _ in range(3))))
    page.filters["statuses"].set_selected([])

    def scroll() -> None:
        view.scrollToBottom()
        repaint()

    page.model.reload()
    rows.append(("scroll to end of loaded rows (fetchMore page)", median(scroll, 3)))

    print(f"database: {path} ({n:,} stations); Store.open (read-only, with quick check): {t_open:.3f} s")
    print(f"baseline: one page of 200 stations via Store.query = {baseline * 1000:.1f} ms")
    print(f"{'operation':<52} {'ms':>8} {'× baseline':>11}  ≤300 ms")
    worst = 0.0
    for name, t in rows:
        worst = max(worst, t)
        print(f"{name:<52} {t * 1000:8.1f} {t / baseline:11.1f}  {'ok' if t <= 0.3 else 'SLOW'}")
    store.close()
    return 0 if worst <= 0.3 else 1


if __name__ == "__main__":
    raise SystemExit(main())
