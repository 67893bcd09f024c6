"""The installed PySide6 keeps None's reference count intact.

PySide6 6.12.0 (abi3 wheels) drops a reference to None on every call that returns None; on CPython
3.11 the interpreter then aborts ("none_dealloc") after some ten thousand calls. pyproject.toml
excludes that release; this test fails (the child process aborts) if such a PySide6 comes back.
"""

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
        "from PySide6.QtWidgets import QApplication, QWidget\n"
        "app = QApplication([])\n"
        "o, w = QObject(), QWidget()\n"
        "for _ in range(150_000):\n"
        "    o.property('missing')\n"  # returns None: PySide6 6.12 + CPython 3.11 drop a reference each time
        "    w.setVisible(False)\n"
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
