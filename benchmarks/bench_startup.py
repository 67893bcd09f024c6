"""Cold start to the main window shown, against a bare PySide6 window with one table view.

Both are started as fresh processes in the same run, alternately, N times each; each child prints
"shown" from the first event-loop turn after its window is shown (KF5G_STARTUP_PROBE=1 makes the
program do that and quit). The figure is the median wall time from spawning the process to that
line, and the ratio of the medians. Target (issue 6): ratio ≤ 3.

    python benchmarks/bench_startup.py [--db PATH] [--runs N]
The database defaults to a 100,000-station demo database made on first use in /tmp.
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


def time_until_shown(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from spawning to the "shown" line, and to the "ready" line (or "shown" again)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT
    )
    assert proc.stdout is not None
    marks: dict[str, float] = {}
    for line in proc.stdout:
        word = line.strip()
        if word in ("shown", "ready"):
            marks[word] = time.perf_counter() - t0
    proc.wait(timeout=120)
    if "shown" not in marks:
        raise SystemExit(f"{cmd} never showed its window (exit {proc.returncode})")
    return marks["shown"], marks.get("ready", marks["shown"])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path, default=Path("/tmp/kf5g-bench-100k.db"))
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
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
    # Warm the file cache once for both (a county PC opens its database daily).
    time_until_shown(bare_cmd, env)
    time_until_shown(app_cmd, app_env)
    bare, shown, ready = [], [], []
    for _ in range(args.runs):
        bare.append(time_until_shown(bare_cmd, env)[0])
        s, r = time_until_shown(app_cmd, app_env)
        shown.append(s)
        ready.append(r)
    b, o, r = statistics.median(bare), statistics.median(shown), statistics.median(ready)

    def runs(xs: list[float]) -> str:
        return ", ".join(f"{x:.2f}" for x in xs)

    print(f"bare PySide6 window + table view shown:  median {b:.2f} s  (runs: {runs(bare)})")
    print(f"kf5g main window shown (100k stations):  median {o:.2f} s  (runs: {runs(shown)})")
    print(f"kf5g home page with its figures (ready): median {r:.2f} s  (runs: {runs(ready)})")
    print(f"ratio shown/bare: {o / b:.2f} (target <= 3); ready/bare: {r / b:.2f}")


if __name__ == "__main__":
    main()
