"""文件 → 连接数据库服务器: the URL handed to Store.open, libpq's password file, the connection
remembered without its password, the fields checked, and a clear message without the driver."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from kf5g_desktop.gui import server_dialog as sd
from kf5g_desktop.gui.server_dialog import ServerConnection, ServerDialog, pgpass_has
from tests.gui.gui_helpers import answer_next_box

NO_DRIVER = importlib.util.find_spec("psycopg") is None


def test_the_url_quotes_what_a_url_cannot_hold():
    c = ServerConnection("192.168.1.10", 5432, "kf5g", "张三")
    assert c.url() == "postgresql://%E5%BC%A0%E4%B8%89@192.168.1.10:5432/kf5g"
    assert ServerConnection("db", 6543, "kf 5g", "a@b").url("p:w/@#") == "postgresql://a%40b:p%3Aw%2F%40%23@db:6543/kf%205g"
    assert ServerConnection("::1", 5432, "kf5g", "u").url() == "postgresql://u@[::1]:5432/kf5g"


def test_pgpass_lines_match_as_libpq_matches_them(tmp_path, monkeypatch):
    f = tmp_path / "pgpass"
    f.write_text(
        "# office server\n"
        "kf5g-server:5432:kf5g:zhangsan:secret\n"
        "*:*:city:*:other\n"
        "10.0.0.1:5432:kf\\:5g:li:pw\n"
        "nopassword:5432:kf5g:zhangsan:\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("PGPASSFILE", str(f))
    assert sd.pgpass_path() == f
    assert pgpass_has(ServerConnection("kf5g-server", 5432, "kf5g", "zhangsan"))
    assert not pgpass_has(ServerConnection("kf5g-server", 5433, "kf5g", "zhangsan"))
    assert not pgpass_has(ServerConnection("kf5g-server", 5432, "kf5g", "lisi"))
    assert pgpass_has(ServerConnection("anywhere", 1, "city", "anyone"))
    assert pgpass_has(ServerConnection("10.0.0.1", 5432, "kf:5g", "li"))
    assert not pgpass_has(ServerConnection("nopassword", 5432, "kf5g", "zhangsan"))  # an empty password
    assert not pgpass_has(ServerConnection("kf5g-server", 5432, "kf5g", "zhangsan"), tmp_path / "missing")


def test_the_fields_are_checked_and_each_problem_says_what_to_fill_in(qtbot):
    dlg = ServerDialog()
    qtbot.addWidget(dlg)
    dlg.host.setText("")
    dlg.database.setText("")
    dlg.user.setText("")
    dlg.accept()
    assert dlg.result() == 0 and not dlg.isVisible()
    text = dlg.problem.text()
    assert "请填写“服务器地址”" in text and "请填写“数据库名”" in text and "请填写“用户名”" in text
    assert dlg.host.property("invalid") == "error"
    dlg.host.setText("postgresql://kf5g-server/")
    dlg.accept()
    assert "不能有空格或 / ? # @" in dlg.problem.text()


@pytest.mark.skipif(not NO_DRIVER, reason="psycopg is installed here: the connection itself is tried")
def test_without_the_driver_it_says_so_and_remembers_the_connection_but_never_the_password(
    qtbot, tmp_path, monkeypatch
):
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    dlg = ServerDialog()
    qtbot.addWidget(dlg)
    dlg.host.setText("kf5g-server")
    dlg.port.setValue(5433)
    dlg.database.setText("kf5g")
    dlg.user.setText("zhangsan")
    dlg.password.setText("Secret-密码-123")
    dlg.at_start.setChecked(True)
    dlg.accept()
    assert dlg.result() == 1
    seen: list[str] = []
    answer_next_box(QMessageBox.StandardButton.Ok, seen)
    store = sd.open_server(dlg, dlg.connection(), dlg.typed_password(), at_start=True)
    assert store is None
    assert seen and "psycopg" in seen[0] and "pip install -e '.[server]'" in seen[0]
    conn, at_start = sd.saved_connection()
    assert conn == ServerConnection("kf5g-server", 5433, "kf5g", "zhangsan")
    assert at_start is False  # only once the connection opened
    QSettings().sync()
    settings_file = Path(QSettings().fileName())
    assert settings_file.exists() and "kf5g-server" in settings_file.read_text(encoding="utf-8")
    for f in settings_file.parent.rglob("*"):
        if f.is_file():
            assert "Secret" not in f.read_text(encoding="utf-8", errors="replace")
    # the next time the dialog opens, it is filled in (the password is not)
    again = ServerDialog()
    qtbot.addWidget(again)
    assert (again.host.text(), again.port.value(), again.user.text(), again.password.text()) == (
        "kf5g-server",
        5433,
        "zhangsan",
        "",
    )


def test_at_start_up_nothing_is_asked_unless_a_server_was_chosen_for_it(qtbot, tmp_path, monkeypatch):
    assert sd.startup_url(None) is None
    sd.remember(ServerConnection("kf5g-server", 5432, "kf5g", "zhangsan"), at_start=False)
    assert sd.startup_url(None) is None


@pytest.mark.skipif(not NO_DRIVER, reason="psycopg is installed here: the connection itself is tried")
def test_at_start_up_with_the_password_in_pgpass_nothing_is_asked_and_no_driver_is_said(
    qtbot, tmp_path, monkeypatch
):
    f = tmp_path / "pgpass"
    f.write_text("kf5g-server:5432:kf5g:zhangsan:secret\n", encoding="utf-8")
    monkeypatch.setenv("PGPASSFILE", str(f))
    sd.remember(ServerConnection("kf5g-server", 5432, "kf5g", "zhangsan"), at_start=True)
    seen: list[str] = []
    answer_next_box(QMessageBox.StandardButton.Ok, seen)
    assert sd.startup_url(None) is None  # this PC's file, after saying why
    assert len(seen) == 1 and "psycopg" in seen[0]


def test_the_file_menu_has_the_entry(window):
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "连接数据库服务器(&D)…" in texts
