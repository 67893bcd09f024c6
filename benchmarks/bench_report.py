"""Report and dashboard benchmark on a demo database with N stations (default 100,000).

    PYTHONPATH=. QT_QPA_PLATFORM=offscreen python benchmarks/bench_report.py [--stations N] [--db PATH]

Measures (median of --repeat runs, the database already open):
  * the city weekly report as PDF (figures + document + painting every page)     target ≤ 3 s
  * a unit's weekly report as PDF
  * a dashboard refresh of the city (figures in the worker thread + cards/charts) target ≤ 1 s
and, once, ``kf5g report`` end to end as a separate process (Python, Qt and SQLAlchemy start-up
included). The baseline, in the same run, is one plain sqlite3 read of every station row
(``SELECT * FROM station``): the ratios say how many "reads of the whole register" each costs.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def timed(fn, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stations", type=int, default=100_000)
    ap.add_argument("--db", type=Path, help="reuse this demo database (made if missing)")
    ap.add_argument("--week", default="2021-W05")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from kf5g_desktop.domain.periods import IsoWeek
    from kf5g_desktop.gui.dashboard import DashboardPage
    from kf5g_desktop.gui.report_pdf import render_report_pdf
    from kf5g_desktop.storage.demo import generate_demo
    from kf5g_desktop.storage.store import Store

    tmp = Path(tempfile.mkdtemp(prefix="bench_report_"))
    db = args.db or tmp / "demo.db"
    if not db.exists():
        t = time.perf_counter()
        generate_demo(db, stations=args.stations)
        print(f"demo database: {args.stations:,} stations in {time.perf_counter() - t:.1f} s")
    week = IsoWeek.parse(args.week)

    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    n = con.execute("SELECT count(*) FROM station WHERE deleted_at IS NULL").fetchone()[0]
    baseline = timed(lambda: con.execute("SELECT * FROM station").fetchall(), args.repeat)
    con.close()

    store = Store.open(db, readonly=True, check="none")
    pages: dict[str, int] = {}

    def city() -> None:
        pages["city"] = render_report_pdf(store, week, None, "all", tmp / "city.pdf")

    def unit() -> None:
        pages["unit"] = render_report_pdf(store, week, "410221", "all", tmp / "unit.pdf")

    page = DashboardPage(store)
    page.resize(1400, 1050)
    page.show()
    page.set_week(week)

    def dashboard() -> None:
        done: list[bool] = []
        page.refreshed.connect(lambda: done.append(True))
        page.refresh()
        while not done:
            app.processEvents()
        page.refreshed.disconnect()
        app.processEvents()

    dashboard()  # warm-up (first pyqtgraph draw)
    results = [
        ("city report PDF", timed(city, args.repeat), 3.0, f"{pages['city']} pages"),
        ("unit report PDF (杞县)", timed(unit, args.repeat), None, f"{pages['unit']} pages"),
        ("dashboard refresh (city)", timed(dashboard, args.repeat), 1.0, ""),
    ]
    store.close()
    t = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "kf5g_desktop",
            "report",
            "--db",
            str(db),
            "--week",
            str(week),
            "--unit",
            "410200",
            "--pdf",
            str(tmp / "cli.pdf"),
        ],
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
    )
    results.append(("kf5g report (city, new process)", time.perf_counter() - t, None, "incl. start-up"))

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"\n{n:,} live stations, week {week}; baseline SELECT * FROM station: {baseline:.3f} s; load {load:.1f}"
    )
    print(f"{'measure':34} {'seconds':>8} {'× baseline':>11} {'target':>8}  note")
    ok = True
    for name, secs, target, note in results:
        verdict = (
            "" if target is None else (f"≤ {target:.0f} s ok" if secs <= target else f"> {target:.0f} s SLOW")
        )
        ok &= target is None or secs <= target
        print(f"{name:34} {secs:8.2f} {secs / baseline:11.1f} {verdict:>8}  {note}")
    os._exit(0 if ok else 1)  # skip PySide6/pyqtgraph teardown at exit


if __name__ == "__main__":
    main()
