"""History benchmarks on a demo database with its history (default: 100,000 stations, seed 3).

    PYTHONPATH=. python benchmarks/bench_history.py [--db DB] [--week 2021-W30] [--runs 3]

Each figure is a whole process (``python -m kf5g_desktop …``), timed from outside (wall and the
child's CPU time), run ``--runs`` times; median and range are printed.

- the return of a past week (``kf5g export --week`` after its cut-off, read from the versions)
  against the current week's export (read from the registers), in the same run, taken in turn:
  target ratio ≤ 1.3;
- the city's report of a past week (``kf5g report --week … --unit 410200``): target ≤ 3 s;
- a list as at a past week, first screen (benchmarks/list_at.py: open the Store, first page of
  200 rows and the count, as at the week's cut-off), against the same now, as whole processes;
  and in one process the window's 基站 list page switched to the week and back to now, until its
  first screen is repainted (list_at.py --gui): target ≤ 0.3 s;
- the database size with its history against the same database with the history tables emptied
  and VACUUMed.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kf5g_desktop.domain.periods import IsoWeek  # noqa: E402


def run(args: list[str]) -> tuple[float, float, str]:
    """(wall s, CPU s of the child, its last output line)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    p = subprocess.run(args, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if p.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({p.returncode}):\n{p.stdout}\n{p.stderr}")
    return wall, cpu, (p.stdout.strip().splitlines() or [""])[-1]


def fmt(xs: list[float], unit: str = "s") -> str:
    return f"median {statistics.median(xs):.2f} {unit} (range {min(xs):.2f}–{max(xs):.2f})"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path, default=None)
    ap.add_argument("--stations", type=int, default=100_000)
    ap.add_argument("--week", default="2021-W30", help="the past week")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--skip-export", action="store_true")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="kf5g-bench-history-"))
    db = args.db or tmp / "demo.db"
    py = [sys.executable, "-m", "kf5g_desktop"]
    if not db.exists():
        w, _, line = run([*py, "demo", "--db", str(db), "--stations", str(args.stations), "--seed", "3"])
        print(f"demo: {line} ({w:.1f} s wall)")
    past = args.week
    current = str(IsoWeek.containing(date.today()))
    print(f"database {db}, past week {past}, current week {current}, load {os.getloadavg()}")

    if not args.skip_export:
        pw, pc, cw, cc = [], [], [], []
        for i in range(args.runs):
            out = tmp / f"x{i}"
            out.mkdir()
            w, c, _ = run([*py, "export", "--db", str(db), "--week", past, "-o", str(out / "past.xlsx")])
            pw.append(w)
            pc.append(c)
            w, c, _ = run([*py, "export", "--db", str(db), "--week", current, "-o", str(out / "now.xlsx")])
            cw.append(w)
            cc.append(c)
        ratios = [a / b for a, b in zip(pc, cc, strict=True)]
        print(f"export past week: wall {fmt(pw)}, CPU {fmt(pc)}")
        print(f"export current week: wall {fmt(cw)}, CPU {fmt(cc)}")
        print(f"past / current (CPU, pair by pair): {fmt(ratios, '×')}  target ≤ 1.3")

    rw = []
    for i in range(args.runs):
        pdf = tmp / f"r{i}.pdf"
        w, _, _ = run([*py, "report", "--db", str(db), "--week", past, "--unit", "410200", "--pdf", str(pdf)])
        rw.append(w)
    print(f"city report of {past}: wall {fmt(rw)}  target ≤ 3 s")

    lw, nw = [], []
    for _ in range(max(5, args.runs)):
        w, _, line_p = run([sys.executable, str(ROOT / "benchmarks" / "list_at.py"), str(db), "--week", past])
        lw.append(w)
        w, _, line_n = run([sys.executable, str(ROOT / "benchmarks" / "list_at.py"), str(db)])
        nw.append(w)
    print(f"list as at {past}, whole process: wall {fmt(lw)} ({line_p})")
    print(f"list now, whole process: wall {fmt(nw)} ({line_n})  target: the query ≤ 0.3 s")
    gui = [sys.executable, str(ROOT / "benchmarks" / "list_at.py"), str(db), "--week", past, "--gui"]
    p = subprocess.run(
        gui, capture_output=True, text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    )
    print("\n".join(line for line in p.stdout.splitlines() if line.startswith("基站")))

    bare = tmp / "bare.db"
    shutil.copyfile(db, bare)
    con = sqlite3.connect(bare)
    for t in ("station", "venue", "pole", "approval"):
        con.execute(f"DELETE FROM {t}_history")
    con.commit()
    con.execute("VACUUM")
    con.close()
    full = tmp / "full.db"
    shutil.copyfile(db, full)
    con = sqlite3.connect(full)
    con.execute("VACUUM")
    con.close()
    a, b = full.stat().st_size / 2**20, bare.stat().st_size / 2**20
    print(f"database size: {a:.0f} MB with history, {b:.0f} MB without ({a / b:.2f}×)")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
