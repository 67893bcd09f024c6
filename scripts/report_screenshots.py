"""Screenshots of the dashboard (city and unit) and page 1 of the weekly report, for the README.

    QT_QPA_PLATFORM=offscreen python scripts/report_screenshots.py [--db demo.db]

Without --db a demo database is generated in a temporary folder. Needs pdftoppm (poppler-utils).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path)
    ap.add_argument("--week", default="2021-W26")
    args = ap.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from kf5g_desktop.domain.periods import IsoWeek
    from kf5g_desktop.domain.values import WeekNote
    from kf5g_desktop.gui.dashboard import DashboardPage
    from kf5g_desktop.gui.fonts import register_fonts, report_font
    from kf5g_desktop.gui.report_pdf import render_report_pdf
    from kf5g_desktop.storage.demo import generate_demo
    from kf5g_desktop.storage.store import Store

    register_fonts()
    app.setFont(report_font(9.5))
    tmp = Path(tempfile.mkdtemp())
    db = args.db or tmp / "demo.db"
    if not db.exists():
        generate_demo(db)
    week = IsoWeek.parse(args.week)
    OUT.mkdir(parents=True, exist_ok=True)
    with Store.open(db) as store:
        for unit, name in ((None, "dashboard_city.png"), ("410221", "dashboard_unit.png")):
            page = DashboardPage(store)
            page.resize(1400, 1050 if unit is None else 760)
            page.set_unit(unit)
            page.set_week(week)
            page.show()
            page.refresh()
            while page.data is None or page.data.figures.week != week or page.data.figures.unit_code != unit:
                app.processEvents()
            app.processEvents()
            page.grab().save(str(OUT / name))
            page.close()
        note = store.week_note("410221", week)
        if not note.problems:
            store.save_week_note(
                WeekNote(
                    "410221",
                    str(week),
                    "1. 部分站点用电报装周期长,需供电公司加快办理。\n2. 城区个别小区物业不同意进场,需街道协调。",
                    "李审核",
                )
            )
        pdf = tmp / "report.pdf"
        render_report_pdf(store, week, "410221", "all", pdf)
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "80",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(pdf),
            str(OUT / "report_page1"),
        ],
        check=True,
    )
    for p in sorted(OUT.glob("*.png")):
        print(p, f"{p.stat().st_size / 1024:.0f} KB", flush=True)
    os._exit(0)  # skip interpreter teardown: PySide6 + pyqtgraph can crash while collecting at exit


if __name__ == "__main__":
    raise SystemExit(main())
