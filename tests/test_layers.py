"""The headless core (domain, storage, returns, reports) never imports Qt."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORE = ["domain", "storage", "returns", "reports"]


def test_core_packages_import_without_qt():
    mods = []
    for pkg in CORE:
        for p in sorted((ROOT / "kf5g_desktop" / pkg).glob("*.py")):
            mods.append(f"kf5g_desktop.{pkg}.{p.stem}" if p.stem != "__init__" else f"kf5g_desktop.{pkg}")
    code = (
        "import importlib, sys\n"
        f"for m in {mods!r}: importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6'))\n"
        "print(','.join(bad))\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "", f"Qt imported by the core: {r.stdout}"


def test_import_linter_contracts_hold():
    exe = Path(sys.executable).with_name("lint-imports")
    if not exe.exists():
        pytest.skip("import-linter is not installed")
    r = subprocess.run(
        [str(exe)], capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}
    )
    assert r.returncode == 0, r.stdout + r.stderr
