"""``kf5g report`` computes every figure before it imports any Qt module (issue 10).

The command runs as its own process through the console entry point (``kf5g_desktop.__main__``);
a spy around ``reports.weekly.gather`` — the function that computes the report's figures — records
which Qt modules are loaded at the moment the figures are done. Importing Qt (or making a
QApplication) before the figures, or computing them some other way, fails this test.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QT_PACKAGES = ("PySide6", "shiboken6", "pyqtgraph")
MARK = "QT-AT-FIGURES:"

SPY = f"""
import json, sys
import kf5g_desktop.reports.weekly as weekly

real_gather = weekly.gather

def gather(*args, **kwargs):
    data = real_gather(*args, **kwargs)
    loaded = sorted(m for m in sys.modules if m.split(".")[0] in {QT_PACKAGES!r})
    print({MARK!r} + json.dumps(loaded), file=sys.stderr, flush=True)
    return data

weekly.gather = gather
sys.argv[0] = "kf5g"
from kf5g_desktop.__main__ import main
main()
"""


def run_report(db: Path, pdf: Path, *extra: str) -> tuple[subprocess.CompletedProcess[str], list[list[str]]]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    args = ["report", "--db", str(db), "--week", "2021-W05", "--pdf", str(pdf), *extra]
    r = subprocess.run(
        [sys.executable, "-c", SPY, *args], capture_output=True, text=True, cwd=ROOT, env=env, timeout=300
    )
    seen = [json.loads(line[len(MARK) :]) for line in r.stderr.splitlines() if line.startswith(MARK)]
    return r, seen


def test_report_computes_its_figures_before_importing_qt(demo_db, tmp_path):
    db, _summary = demo_db
    for unit in ("410200", "410221"):
        pdf = tmp_path / f"{unit}.pdf"
        r, seen = run_report(db, pdf, "--unit", unit)
        assert r.returncode == 0, r.stdout + r.stderr
        assert len(seen) == 1, f"the figures were not computed through reports.weekly.gather: {r.stderr}"
        assert seen[0] == [], f"Qt imported before the figures were computed: {seen[0]}"
        assert "已生成周报" in r.stdout and pdf.read_bytes().startswith(b"%PDF")
