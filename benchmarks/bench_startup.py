"""Start-up as the user sees it, as whole processes: to the main window shown and to the home page
with its figures painted, against a bare PySide6 window with one table view.

All are started as fresh processes in the same run, alternately, N times each. KF5G_STARTUP_PROBE=1
makes the program print "shown" at its first frame, "figures" once the home page's figures are
painted (its first card painted with a value) and "ready" when the charts and menus are in too, then
quit. The figures are the wall times from spawning the process to those lines: median and range,
and the ratio of the medians. ``--vs DIR`` runs another checkout's program (its own ``.venv``) in the
same alternation, e.g. the previous release (which prints "ready" where this one prints "figures").
Targets (issue 6, issue 13): shown ≤ 3 × bare; figures ≤ 0.8 s (unit demo) / ≤ 1.2 s (100,000 stations).

    python benchmarks/bench_startup.py [--db PATH] [--runs N] [--vs DIR]
The database defaults to a 100,000-station demo database made on first use in /tmp; the unit demo:
``kf5g demo --unit 410221 --seed 7 --db /tmp/unit.db`` and ``--db /tmp/unit.db``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BARE = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv)
win = QMainWindow()
view = QTableView()
view.setModel(QStandardItemModel(0, 10))
win.setCentralWidget(view)
win.resize(1200, 800)
win.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""


def time_marks(cmd: list[str], env: dict[str, str], cwd: Path = ROOT) -> dict[str, float]:
    """Seconds from spawning to each of the "shown", "figures" and "ready" lines (an older program
    without "figures": its "ready", printed when its figures were computed)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=cwd
    )
    assert proc.stdout is not None
    marks: dict[str, float] = {}
    for line in proc.stdout:
        word = line.strip()
        if word in ("shown", "figures", "ready"):
            marks[word] = time.perf_counter() - t0
    proc.wait(timeout=120)
    if "shown" not in marks:
        raise SystemExit(f"{cmd} never showed its window (exit {proc.returncode})")
    marks.setdefault("ready", marks["shown"])
    marks.setdefault("figures", marks["ready"])
    return marks


def summary(xs: list[float]) -> str:
    return f"median {statistics.median(xs):.2f} s (range {min(xs):.2f}–{max(xs):.2f}, {len(xs)} runs)"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path, default=Path("/tmp/kf5g-bench-100k.db"))
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument(
        "--vs", type=Path, default=None, help="another checkout (with its .venv) to run alternately"
    )
    args = ap.parse_args()
    load = f"{os.getloadavg()[0]:.2f}"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "PYTHONPATH": str(ROOT),
    }
    if not args.db.exists():
        print(f"making {args.db} (100,000 stations)…", flush=True)
        subprocess.run(
            [sys.executable, "-m", "kf5g_desktop", "demo", "--db", str(args.db), "--stations", "100000"],
            check=True,
            env=env,
            cwd=ROOT,
        )
    app_cmd = [sys.executable, "-m", "kf5g_desktop", "--db", str(args.db)]
    app_env = {**env, "KF5G_STARTUP_PROBE": "1"}
    bare_cmd = [sys.executable, "-c", BARE]
    contenders: list[tuple[str, list[str], dict[str, str], Path]] = [("bare", bare_cmd, env, ROOT)]
    contenders.append(("kf5g", app_cmd, app_env, ROOT))
    if args.vs is not None:
        vs_python = str(args.vs / ".venv" / "bin" / "python")
        vs_env = {**app_env, "PYTHONPATH": str(args.vs)}
        contenders.append(("vs", [vs_python, "-m", "kf5g_desktop", "--db", str(args.db)], vs_env, args.vs))
    for _name, cmd, e, cwd in contenders:  # warm the file cache once (a county PC opens its database daily)
        time_marks(cmd, e, cwd)
    got: dict[str, list[dict[str, float]]] = {name: [] for name, *_ in contenders}
    for _ in range(args.runs):
        for name, cmd, e, cwd in contenders:
            got[name].append(time_marks(cmd, e, cwd))

    def col(name: str, mark: str) -> list[float]:
        return [m[mark] for m in got[name]]

    bare = col("bare", "shown")
    print(f"database: {args.db}; load average before/after: {load}, {os.getloadavg()[0]:.2f}")
    print(f"bare PySide6 window + table view shown:  {summary(bare)}")
    for name, label in (("kf5g", "this tree"), ("vs", f"--vs {args.vs}")):
        if name not in got:
            continue
        for mark in ("shown", "figures", "ready"):
            xs = col(name, mark)
            ratio = statistics.median(xs) / statistics.median(bare)
            print(f"{label:>28} {mark:>7}: {summary(xs)}  = {ratio:.1f}x bare")


if __name__ == "__main__":
    main()
