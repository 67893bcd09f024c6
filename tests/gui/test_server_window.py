"""The window on a server database (the throw-away PostgreSQL cluster of tests/pg.py): a 查看
login sees why it cannot change anything and every change is off; a 填报 login opening 设置 and
pressing OK without changing the installation gets no refusal (the installation is the 管理员's:
unchanged values are not written, so the server's guard on the setting table is not met)."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from kf5g_desktop.storage.store import Store
from tests.builders import numbered_station
from tests.pg import office_database


@pytest.fixture
def office(pg_cluster, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    name = office_database(pg_cluster, {"孙填报": "填报", "周查看": "查看"})
    with Store.open(pg_cluster.url(name, "孙填报")) as entry:
        entry.save_many([numbered_station(i) for i in range(1, 6)])
    yield lambda person: pg_cluster.url(name, person)
    pg_cluster.drop_database(name)


class Answering:
    """While open: OK on the settings dialog; every message box noted (``shown``) and closed."""

    def __init__(self) -> None:
        self.shown: list[str] = []
        self.settings: list[tuple[bool, str]] = []  # per settings dialog: its 填报人 field enabled, its note
        self.timer = QTimer()
        self.timer.timeout.connect(self._answer)

    def _answer(self) -> None:
        from kf5g_desktop.gui.setup_dialog import SetupDialog

        for w in QApplication.topLevelWidgets():
            if isinstance(w, SetupDialog) and w.isVisible():
                note = w.findChild(QLabel, "locked")
                self.settings.append((w.user.isEnabled(), note.text() if note is not None else ""))
                w.accept()
            elif isinstance(w, QMessageBox) and w.isVisible():
                self.shown.append(w.text())
                w.done(0)

    def __enter__(self) -> Answering:
        self.timer.start(50)
        return self

    def __exit__(self, *exc: object) -> None:
        self.timer.stop()


@contextmanager
def _window(qtbot, url):
    """The main window on the server database at ``url``; closed, with its store, afterwards."""
    from kf5g_desktop.gui.main_window import MainWindow

    store = Store.open(url)
    win = MainWindow(store)
    try:
        win.show()
        qtbot.waitExposed(win)
        yield win, store
    finally:
        win.close()
        win.deleteLater()
        store.close()


def test_a_viewers_window_says_why_it_is_read_only(qtbot, office):
    with _window(qtbot, office("周查看")) as (win, store):
        assert store.readonly
        assert win.status_readonly.isVisible()
        assert win.status_readonly.text() == "只读：当前登录“周查看”不能修改服务器上的数据"
        assert not win.act_new.isEnabled() and not win.act_delete.isEnabled()
        assert "（只读）" in win.windowTitle()


def test_entry_presses_ok_in_settings_without_a_refusal(qtbot, office):
    with _window(qtbot, office("孙填报")) as (win, store):
        assert not store.readonly and win.act_settings.isEnabled()
        with Answering() as answering:
            win.open_settings()
        assert answering.shown == []
        # The installation is the 管理员's: shown greyed, with why; the language stays this PC's choice.
        assert answering.settings == [(False, "单位和填报人信息由服务器的管理员设置；本机只能更改界面语言。")]
        assert store.installation().user_name == "专班"


def test_restore_from_a_backup_on_a_server_says_how_the_admin_does_it(qtbot, office):
    with _window(qtbot, office("孙填报")) as (win, store):
        with Answering() as answering:
            win.restore_from_backup()
        (said,) = answering.shown
        assert said.startswith("数据库服务器上的数据不能在本机从备份恢复。恢复由管理员进行")
        assert "kf5g server-init" in said and "--from" in said
        assert win.store is store and store.on_server and store.count("station") == 5  # still the server
