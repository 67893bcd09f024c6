"""Start-up: the home page's figures come first; what can wait comes after them (the charts'
library, the returns' spreadsheet code, Alembic, SQLAlchemy and the Store), and a large database's integrity check runs in
the background with writes held — a damaged file found there turns the window read-only and says so."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from kf5g_desktop.storage import backup as backups
from kf5g_desktop.storage.store import Store

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("numpy", "pyqtgraph", "alembic", "openpyxl", "python_calamine", "mako")

PROBE = r"""
import builtins, json, sys, threading
marks = {}
by_main = set()  # heavy packages whose import began on the GUI thread
class Watch:  # first on sys.meta_path: sees every import begin, finds nothing itself
    def find_spec(self, name, path=None, target=None):
        top = name.split(".")[0]
        if top in WATCHED and threading.current_thread() is threading.main_thread():
            by_main.add(top)
        return None
real_print = builtins.print
def watch(*args, **kwargs):
    if args and args[0] in ("shown", "figures", "ready"):
        loaded = {m.split(".")[0] for m in sys.modules} & WATCHED
        marks[args[0]] = {"loaded": sorted(loaded), "by_main": sorted(by_main)}
    real_print(*args, **kwargs)
builtins.print = watch
WATCHED = set(%r) | {"sqlalchemy"}
sys.meta_path.insert(0, Watch())
from kf5g_desktop.cli.main import run
rc = run(["--db", sys.argv[1]])
real_print("MARKS " + json.dumps(marks), flush=True)
"""


def test_nothing_heavy_is_loaded_before_the_window_and_its_figures(tmp_path):
    """A real start-up (KF5G_STARTUP_PROBE quits once the home page is complete), in a process of
    its own: which heavy modules are loaded when the window is shown and when the figures are painted."""
    from kf5g_desktop.storage.demo import generate_demo

    db = tmp_path / "unit.db"
    generate_demo(db, unit_code="410221", stations=400, seed=7)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KF5G_STARTUP_PROBE": "1", "HOME": str(tmp_path)}
    env["XDG_DATA_HOME"] = env["XDG_CONFIG_HOME"] = str(tmp_path)
    out = subprocess.run(
        [sys.executable, "-c", PROBE % (HEAVY,), str(db)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    ).stdout
    lines = out.splitlines()
    assert [x for x in lines if x in ("shown", "figures", "ready")] == ["shown", "figures", "ready"], out
    marks = json.loads(next(x for x in lines if x.startswith("MARKS "))[6:])
    # The frame comes first: the GUI thread imports nothing heavy, not even SQLAlchemy, before it
    # is shown (the database is opened on a worker thread, which may have begun importing
    # SQLAlchemy by then — how far it got depends on the machine and on cached bytecode).
    assert marks["shown"]["by_main"] == []
    assert set(marks["shown"]["loaded"]) <= {"sqlalchemy"}
    # The figures are read with plain sqlite3 (storage.first_read): not even SQLAlchemy before them
    assert marks["figures"]["loaded"] == []
    assert {"numpy", "pyqtgraph", "sqlalchemy"} <= set(marks["ready"]["loaded"])  # the rest came after them


def _damaged_db(path: Path) -> None:
    from tests.storage.test_background_check import _damage_station_root, _db_with_stations

    _db_with_stations(path, lambda: __import__("datetime").datetime(2021, 3, 1, 10), n=300)
    _damage_station_root(path)


def test_the_window_holds_changes_during_the_check_and_blocks_them_on_damage(qtbot, tmp_path, monkeypatch):
    from kf5g_desktop.gui.app import watch_integrity
    from kf5g_desktop.gui.main_window import MainWindow

    path = tmp_path / "k.db"
    _damaged_db(path)
    gate = threading.Event()
    real = backups.integrity_problems
    monkeypatch.setattr(backups, "integrity_problems", lambda *a, **k: (gate.wait(30), real(*a, **k))[1])
    store = Store.open(path, check="background")
    win = MainWindow(store)
    qtbot.addWidget(win)
    win.show()
    watch_integrity(win, store, backup=False)
    assert win.status_check.isVisible() and "稍候保存" in win.status_check.text()
    assert win.act_new.isEnabled()  # held, not refused: a save waits for the check
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, answer)
            return
        seen.append(box.text())
        later = next(b for b in box.buttons() if b.text() == "稍后处理")
        later.click()

    QTimer.singleShot(0, answer)
    gate.set()
    qtbot.waitUntil(lambda: bool(seen), timeout=30000)
    qtbot.waitUntil(lambda: not win.status_check.isVisible(), timeout=5000)
    assert "已损坏" in seen[0] and "从备份恢复" in seen[0]
    assert win.status_readonly.isVisible() and "已损坏" in win.status_readonly.text()
    assert not win.act_new.isEnabled() and not win.act_delete.isEnabled()
    assert win.act_restore.isEnabled()  # the way out
    win.close()
    store.close()


def test_the_pages_other_than_home_can_wait_until_the_figures(qtbot, tmp_path):
    """``attach_store(later_pages=True)`` (the start-up) builds only the home page; a page shown
    before :meth:`build_pages` is built then, ready to use; ``build_pages`` builds the rest (the
    map still waits until it is first shown), each as the window would have built it at once."""
    from PySide6.QtWidgets import QWidget

    from kf5g_desktop.gui.dashboard import DashboardPage
    from kf5g_desktop.gui.main_window import MainWindow
    from kf5g_desktop.gui.pages import AuditLogPage, RecycleBinPage
    from kf5g_desktop.gui.register import RegisterPage
    from tests.storage.test_background_check import _db_with_stations

    path = tmp_path / "k.db"
    _db_with_stations(path, lambda: __import__("datetime").datetime(2021, 3, 1, 10), n=5)
    store = Store.open(path)
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    win.attach_store(store, later_pages=True)
    assert isinstance(win.pages["home"], DashboardPage)
    assert all(type(p) is QWidget for k, p in win.pages.items() if k != "home")
    assert win.registers == {}
    win.show_register("station", {})  # shown first: built now, and filled
    station = win.pages["station"]
    assert isinstance(station, RegisterPage) and win.registers == {"station": station}
    assert win.stack.currentWidget() is station
    qtbot.waitUntil(lambda: station.model.rowCount() == 5)
    win.build_pages()
    assert isinstance(win.pages["recycle"], RecycleBinPage) and isinstance(win.pages["audit"], AuditLogPage)
    assert set(win.registers) == {"station", "venue", "pole"} and win.registers["station"] is station
    assert type(win.pages["map"]) is QWidget  # the map: when first shown
    assert win.stack.count() == len(win.pages)
    win.show_page("audit")
    assert win.stack.currentWidget() is win.pages["audit"]
    store.close()


def test_the_store_takes_over_the_home_page_of_the_first_read(qtbot, tmp_path, monkeypatch):
    """The window's start-up on a set-up database: the home page's figures are computed once,
    through the first read (plain sqlite3), painted, and then the Store opened after them takes the
    page over without computing them again — the same figures as the Store's own."""
    from PySide6.QtCore import QThreadPool

    from kf5g_desktop.gui import dashboard as gui_dashboard
    from kf5g_desktop.gui.app import run_gui
    from kf5g_desktop.gui.main_window import MainWindow
    from kf5g_desktop.reports import dashboard as reports_dashboard
    from kf5g_desktop.storage.demo import generate_demo
    from kf5g_desktop.storage.first_read import FirstReader

    path = tmp_path / "unit.db"
    generate_demo(path, unit_code="410221", stations=300, seed=7)
    readers: list[str] = []
    real = reports_dashboard.compute

    def counted(store, *args):  # type: ignore[no-untyped-def]
        readers.append(type(store).__name__)
        return real(store, *args)

    monkeypatch.setattr(reports_dashboard, "compute", counted)
    monkeypatch.setattr(gui_dashboard, "compute", counted)
    monkeypatch.setenv("KF5G_STARTUP_PROBE", "1")  # quits once the charts and menus are in
    seen: dict[str, object] = {}
    real_later = MainWindow.build_pages

    def build_pages(win: MainWindow) -> None:  # (in the start-up's later(): the Store is attached)
        real_later(win)
        home = win.pages["home"]
        seen["store"] = type(home.store).__name__ if home.store is win.store else "another"
        seen["nav"] = win.nav.isEnabled()
        seen["shown"] = home.data
        seen["choice"] = (home.week(), home.unit_code(), home.counting_rule())

    monkeypatch.setattr(MainWindow, "build_pages", build_pages)
    assert run_gui(path) == 0
    QThreadPool.globalInstance().waitForDone(30_000)
    assert readers == [FirstReader.__name__]  # once, through the first read
    assert seen["store"] == "Store" and seen["nav"] is True
    with Store.open(path, readonly=True) as store:
        assert seen["shown"] == real(store, *seen["choice"])  # type: ignore[misc]
