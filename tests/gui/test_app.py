"""Start-up: a second copy, a damaged file, an unwritable folder; the home page and the hooks."""

from __future__ import annotations

from PySide6.QtGui import QAction

from kf5g_desktop.domain.schema import STATION
from kf5g_desktop.gui.app import open_store
from kf5g_desktop.gui.main_window import MainWindow
from kf5g_desktop.gui.setup_dialog import SetupDialog
from kf5g_desktop.storage.errors import CorruptDatabaseError, DatabaseLockedError, StorageError
from kf5g_desktop.storage.store import Store


def test_second_copy_is_read_only_and_says_who_holds_it(qtbot, sample_store):
    asked: list[Exception] = []

    def chooser(exc):
        asked.append(exc)
        return "readonly"

    second = open_store(sample_store.path, chooser)
    try:
        assert isinstance(asked[0], DatabaseLockedError) and "张三" in str(asked[0])
        assert second is not None and second.readonly
        win = MainWindow(second)
        qtbot.addWidget(win)
        assert "只读" in win.windowTitle()
        assert win.status_readonly.isVisibleTo(win) and not win.act_new.isEnabled()
        assert win.new_record(STATION) is None
        assert not win.registers[STATION].new_button.isEnabled()
        win.show_page(STATION)  # lists load when first shown
        assert win.registers[STATION].model.total == 30
    finally:
        if second is not None:
            second.close()
    assert open_store(sample_store.path, lambda exc: "exit") is None


def test_damaged_database_is_restored_from_newest_good_backup(tmp_path):
    path = tmp_path / "kf5g.db"
    s = Store.open(path, user="李四")
    s.setup_installation(kind="city", unit_code=None, user_name="李四")
    s.backup("manual")
    s.close()
    with open(path, "r+b") as f:  # damage the file
        f.seek(100)
        f.write(b"\xff" * 4096)
    asked: list[Exception] = []
    store = open_store(path, lambda exc: asked.append(exc) or "restore")
    try:
        assert isinstance(asked[0], CorruptDatabaseError)
        assert store is not None and store.installation().user_name == "李四"
        assert list(tmp_path.glob("kf5g.damaged-*.db")), "the damaged file is kept aside"
    finally:
        if store is not None:
            store.close()


def test_unwritable_place_offers_another_file(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")  # a file where the data folder should be: the folder cannot be made
    asked: list[Exception] = []
    other = tmp_path / "other.db"
    store = open_store(blocker / "data" / "kf5g.db", lambda exc: asked.append(exc) or f"other:{other}")
    try:
        assert isinstance(asked[0], StorageError) and str(blocker / "data") in str(asked[0])
        assert store is not None and store.path == other and not store.readonly
    finally:
        if store is not None:
            store.close()


def test_home_page_filters_the_register_and_report_hook(qtbot, window):
    from kf5g_desktop.gui.dashboard import DashboardPage

    home = window.pages["home"]
    assert isinstance(home, DashboardPage)
    assert "基站 30" in window.status_counts.text()
    home.filterRequested.emit({"statuses": ["on_air"]})
    reg = window.registers[STATION]
    assert window.stack.currentWidget() is reg
    assert reg.filters["statuses"].selected() == ["on_air"] and reg.model.total == 15
    window.show_register(STATION, {"unit_codes": ["410221"], "operators": ["CMCC"]})
    assert reg.model.total == 7 and reg.filters["statuses"].selected() == []
    act = QAction("杞县周报…", window)
    window.add_report_action("周报", act)
    sub = [a for a in window.menu_reports.actions() if a.menu() is not None]
    assert sub and sub[0].text() == "周报(&W)" and act in sub[0].menu().actions()


def test_setup_dialog_checks_name_and_phone(qtbot, sample_store):
    dlg = SetupDialog(sample_store.units(), None, first_run=True)
    qtbot.addWidget(dlg)
    dlg.user.setText(" 王五 ")
    dlg.phone.setText("0371-１２３")
    c = dlg.choice()
    assert (
        c.kind == "unit" and c.unit_code == "410202" and c.user_name == "王五" and c.user_phone == "0371-123"
    )
    dlg.city_radio.setChecked(True)
    assert dlg.choice().unit_code is None and not dlg.unit.isEnabled()


def test_demo_data_keeps_the_persons_settings(qtbot, tmp_path):
    from kf5g_desktop.gui.app import load_demo

    store = Store.open(tmp_path / "new.db", user="赵六")
    store.setup_installation(kind="unit", unit_code="410225", user_name="赵六", user_phone="13800000000")
    store = load_demo(store)  # off the GUI thread through run_job, waited for
    try:
        inst = store.installation()
        assert inst.demo and inst.unit_code == "410225" and inst.user_name == "赵六"
        assert store.counts()["station"] > 0
        win = MainWindow(store)
        qtbot.addWidget(win)
        assert "演示数据" in win.windowTitle()
    finally:
        store.close()


def test_remembers_filters_and_columns(qtbot, sample_store):
    from kf5g_desktop.gui.register import RegisterPage

    page = RegisterPage(sample_store, STATION)
    qtbot.addWidget(page)
    page.filters["operators"].set_selected(["CMCC"])
    name_col = next(i for i, c in enumerate(page.model.columns) if c.key == "name")
    tower_col = next(i for i, c in enumerate(page.model.columns) if c.key == "tower_site_code")
    page.set_column_visible(tower_col, True)
    page.view.horizontalHeader().resizeSection(name_col, 333)
    again = RegisterPage(sample_store, STATION)
    qtbot.addWidget(again)
    again.show()  # loads on first show
    assert again.filters["operators"].selected() == ["CMCC"] and again.model.total == 7
    assert not again.view.horizontalHeader().isSectionHidden(tower_col)
    assert again.view.horizontalHeader().sectionSize(name_col) == 333


def test_run_gui_opens_backs_up_and_closes(qtbot, sample_store):
    from PySide6.QtCore import QThreadPool, QTimer
    from PySide6.QtWidgets import QApplication

    from kf5g_desktop.gui.app import run_gui
    from kf5g_desktop.gui.main_window import MainWindow
    from kf5g_desktop.storage.backup import list_backups

    path = sample_store.path
    sample_store.close()

    tries = [0]

    def close_when_ready() -> None:
        # The window shows first and attaches the database when it has opened (off the GUI
        # thread); the daily backup starts once the home page's figures are painted. Close the
        # window when that backup is written and its job has finished (or after 30 s).
        tries[0] += 1
        wins = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        daily = "daily" in {b.reason for b in list_backups(path)}
        idle = QThreadPool.globalInstance().activeThreadCount() == 0
        if (wins and wins[0].attached and daily and idle) or tries[0] > 300:
            QApplication.closeAllWindows()
        else:
            QTimer.singleShot(100, close_when_ready)

    QTimer.singleShot(300, close_when_ready)
    assert run_gui(path) == 0
    reasons = {b.reason for b in list_backups(path)}
    assert {"daily", "exit"} <= reasons
    again = Store.open(path)  # the lock was released
    again.close()


def test_quitting_with_returns_status_open_ends_the_program(qtbot, tmp_path):
    """City installation, 报表 → 报送 → 报送情况, then Ctrl+Q in the main window: the program ends with
    every window closed, the exit backup written and the lock released (issue 11.1)."""
    from PySide6.QtCore import Qt, QThreadPool, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from kf5g_desktop.gui.app import run_gui
    from kf5g_desktop.gui.main_window import MainWindow
    from kf5g_desktop.gui.returns_status import ReturnsStatusPage
    from kf5g_desktop.storage.backup import list_backups
    from kf5g_desktop.storage.demo import generate_demo

    path = tmp_path / "city.db"
    generate_demo(path, stations=300, seed=3)
    seen: dict[str, object] = {}
    stray = QWidget()  # any other top-level window must not keep the program alive either
    stray.setWindowTitle("其他窗口")

    def act_when_ready() -> None:
        wins = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.attached and w.isVisible()  # not an earlier test's
        ]
        status = wins[0].findChild(QAction, "act_returns_status") if wins else None
        if status is None or QThreadPool.globalInstance().activeThreadCount():
            QTimer.singleShot(100, drive)
            return
        win = wins[0]
        status.trigger()
        page = win.stack.currentWidget()
        seen["page"] = isinstance(page, ReturnsStatusPage) and page.window() is win
        seen["rows"] = page.model.rowCount()
        stray.show()
        win.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
        qtbot.keyClick(win, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
        QTimer.singleShot(500, left_open)

    def left_open() -> None:  # only runs if the program did not end: record what kept it alive
        if ended:  # the timer outlived the program: it fires in a later test's loop, and must not act
            return
        seen["left open"] = [w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible()]
        QApplication.closeAllWindows()
        QApplication.quit()

    def drive() -> None:
        try:
            act_when_ready()
        except BaseException:
            QApplication.closeAllWindows()  # end the program so the test fails instead of hanging
            raise

    ended: list[bool] = []
    QTimer.singleShot(300, drive)
    assert run_gui(path) == 0
    ended.append(True)
    assert seen == {"page": True, "rows": 9}
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == []
    assert "exit" in {b.reason for b in list_backups(path)}
    again = Store.open(path)  # the lock was released: this copy may write
    assert not again.readonly
    again.close()


def test_the_window_says_it_can_open_read_only(qtbot, tmp_path):
    """The window's question about a database in use speaks of this window and read-only viewing
    (the command line's message speaks of the command, issue 11.14)."""
    from PySide6.QtCore import QEvent, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from kf5g_desktop.gui.app import ask_user

    holder = Store.open(tmp_path / "kf5g.db", user="赵六")
    try:
        try:
            Store.open(tmp_path / "kf5g.db")
        except DatabaseLockedError as exc:
            locked = exc
        seen: list[str] = []

        def answer() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                QTimer.singleShot(20, answer)
                return
            seen.append(box.text())
            next(b for b in box.buttons() if b.text() == "只读打开").click()

        # A quit left pending by an earlier test in this process would end the box at once.
        QApplication.removePostedEvents(QApplication.instance(), QEvent.Type.Quit)
        QTimer.singleShot(0, answer)
        chosen: list[str] = []
        # Inside the application's loop, as in the program (a loop ended by an earlier test's
        # quit would make the box return at once otherwise).
        QTimer.singleShot(0, lambda: (chosen.append(ask_user(locked)), QApplication.quit()))
        QApplication.exec()
        QApplication.removePostedEvents(
            QApplication.instance(), QEvent.Type.Quit
        )  # the box was a last window
        assert chosen == ["readonly"]
        assert "赵六" in seen[0] and "本窗口只能只读查看" in seen[0] and "本命令" not in seen[0]
    finally:
        holder.close()
