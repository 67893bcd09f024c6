"""kf5g_desktop.gui guards against PySide6 6.12's lost references to None on CPython 3.11."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_many_calls_returning_none_do_not_abort_the_interpreter():
    code = (
        "import kf5g_desktop.gui\n"
        "from PySide6.QtCore import QObject\n"
        "o = QObject()\n"
        "for _ in range(300_000):\n"
        "    o.property('missing')\n"  # returns None: PySide6 6.12 + CPython 3.11 drop a reference each time
        "print('ok')\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert r.returncode == 0, r.stderr[-500:]
    assert r.stdout.strip() == "ok"
