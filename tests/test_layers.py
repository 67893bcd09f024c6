"""The headless core (domain, storage, returns, reports) never imports Qt; only storage/ opens
database sessions; the storage modules import each other without a cycle."""

import ast
import os
import re
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


def test_only_storage_opens_sessions():
    """Outside storage/ the database is reached through Store methods, never a session of its own."""
    opened = []
    for p in sorted((ROOT / "kf5g_desktop").rglob("*.py")):
        rel = p.relative_to(ROOT / "kf5g_desktop")
        if rel.parts[0] == "storage":
            continue
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"\.session\(|\bSession\(", line):
                opened.append(f"{rel}:{n}: {line.strip()}")
    assert not opened, "sessions opened outside storage/:\n" + "\n".join(opened)


def _storage_imports(path: Path) -> set[str]:
    """The storage modules a storage module imports (TYPE_CHECKING-only imports included)."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level == 1:
                names = [base] if base else [a.name for a in node.names]
            elif base.startswith("kf5g_desktop.storage"):
                rest = base.removeprefix("kf5g_desktop.storage").lstrip(".")
                names = [rest] if rest else [a.name for a in node.names]
            else:
                continue
            out.update(n.split(".")[0] for n in names)
    return out


def test_no_import_cycle_among_storage_modules():
    folder = ROOT / "kf5g_desktop" / "storage"
    graph = {p.stem: _storage_imports(p) for p in folder.glob("*.py")}
    graph = {m: {d for d in deps if d in graph and d != m} for m, deps in graph.items()}
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(m: str, path: list[str]) -> None:
        state[m] = 1
        for d in sorted(graph[m]):
            if state.get(d) == 1:
                raise AssertionError("import cycle: " + " -> ".join([*path[path.index(d) :], d]))
            if d not in state:
                visit(d, [*path, d])
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m, [m])
