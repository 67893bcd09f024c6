"""文件 → 用户管理 on a real PostgreSQL database (the throw-away cluster of tests/pg.py): a 管理员 (a
plain login in the admin group, not a superuser) lists the logins with their group, adds a user
with an initial password typed twice (kept by the server as a SCRAM verifier of that password,
nowhere in plain text), moves a user to another group, disables a login (it can no longer connect)
and enables it again; the entry is hidden on a SQLite file and disabled for a 填报 or 查看 login;
every refusal says what to do, in Chinese."""

from __future__ import annotations

import base64
import hashlib
import hmac

import pytest
from PySide6.QtWidgets import QMessageBox

from kf5g_desktop.gui.main_window import MainWindow
from kf5g_desktop.gui.server_users import AddUserDialog, GroupDialog, UsersDialog
from kf5g_desktop.storage import server_admin
from kf5g_desktop.storage.errors import StorageError
from kf5g_desktop.storage.store import Store
from tests.gui.gui_helpers import answer_next_box, choose, type_text, when_modal
from tests.pg import SUPERUSER


@pytest.fixture
def office(pg_cluster, tmp_path, monkeypatch):
    """A unit's database made by its owner with server-init, and one person per group."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    name = pg_cluster.empty_database()
    owner = pg_cluster.url(name, SUPERUSER)
    server_admin.init_database(owner, kind="unit", unit_code="410221", user_name="杞县专班")
    for person, group in (("吴管理", "管理员"), ("孙填报", "填报"), ("周查看", "查看")):
        server_admin.add_login(owner, person, group)
    yield pg_cluster, name
    pg_cluster.drop_database(name)


def _owner_sql(cluster, db, sql, *args):
    import psycopg

    with psycopg.connect(host=str(cluster.socket_dir), dbname=db, user=SUPERUSER, autocommit=True) as c:
        return c.execute(sql, args).fetchall()


def _can_connect(cluster, db, user) -> bool:
    import psycopg

    try:
        psycopg.connect(host=str(cluster.socket_dir), dbname=db, user=user).close()
    except psycopg.OperationalError as exc:
        assert "not permitted to log in" in str(exc)
        return False
    return True


def _scram_matches(verifier: str, password: str) -> bool:
    """RFC 5802/7677: the stored key of ``verifier`` is the one ``password`` gives."""
    method, rest = verifier.split("$", 1)
    assert method == "SCRAM-SHA-256"
    iter_salt, keys = rest.split("$")
    iterations, salt = iter_salt.split(":")
    stored_key = base64.b64decode(keys.split(":")[0])
    salted = hashlib.pbkdf2_hmac("sha256", password.encode(), base64.b64decode(salt), int(iterations))
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    return hashlib.sha256(client_key).digest() == stored_key


def _rows(dlg: UsersDialog) -> list[tuple[str, str, str]]:
    t = dlg.table
    return [tuple(t.item(r, c).text() for c in range(3)) for r in range(t.rowCount())]  # type: ignore[misc]


def _select(dlg: UsersDialog, name: str) -> None:
    row = next(r for r in range(dlg.table.rowCount()) if dlg.table.item(r, 0).text() == name)
    dlg.table.selectRow(row)


def test_an_admin_adds_a_user_changes_a_group_and_disables_a_login(qtbot, office):
    cluster, db = office
    newcomer = f"钱新人{db[-4:]}"  # roles are the cluster's: one name per test database
    password = "Kf5g-初始-2021"
    with Store.open(cluster.url(db, "吴管理")) as store:
        win = MainWindow(store)
        qtbot.addWidget(win)
        assert win.act_users.isVisible() and win.act_users.isEnabled()
        assert "用户管理(&Y)…" in [a.text() for a in win.menuBar().actions()[0].menu().actions()]

        dlg = UsersDialog(store, win)
        qtbot.addWidget(dlg)
        assert _rows(dlg) == [("吴管理", "管理员", "可登录（当前登录）"), ("周查看", "查看", "可登录"), ("孙填报", "填报", "可登录")]
        assert not dlg.b_group.isEnabled() and not dlg.b_login.isEnabled()  # nothing selected

        # 添加用户: the passwords differ first — said beside the field, nothing created
        def fill(add: AddUserDialog, second: str) -> None:
            type_text(qtbot, add.name, newcomer)
            choose(qtbot, add.group, add.group.itemText(1))  # 查看
            type_text(qtbot, add.password, password)
            type_text(qtbot, add.password2, second)
            add.b_add.click()
            if add.isVisible():
                seen.append(add.problem.text())
                add.reject()

        seen: list[str] = []
        when_modal(AddUserDialog, lambda add: fill(add, password + "x"))
        dlg.b_add.click()
        assert seen and "两次输入的密码不一致" in seen[0]
        assert newcomer not in [r[0] for r in _rows(dlg)]
        assert not _owner_sql(cluster, db, "SELECT 1 FROM pg_roles WHERE rolname = %s", newcomer)

        seen.clear()
        when_modal(AddUserDialog, lambda add: fill(add, password))
        dlg.b_add.click()
        assert seen == []
        assert (newcomer, "查看", "可登录") in _rows(dlg)
        assert dlg.current().name == newcomer  # the new user is selected
        [(verifier,)] = _owner_sql(cluster, db, "SELECT rolpassword FROM pg_authid WHERE rolname = %s", newcomer)
        assert verifier.startswith("SCRAM-SHA-256$") and password not in verifier
        assert _scram_matches(verifier, password) and not _scram_matches(verifier, password + "x")
        assert _can_connect(cluster, db, newcomer)
        with Store.open(cluster.url(db, newcomer)) as as_new:
            assert as_new.readonly  # 查看

        # the same name again is refused, in the dialog, and nothing changes
        seen.clear()
        when_modal(AddUserDialog, lambda add: fill(add, password))
        dlg.b_add.click()
        assert seen and f"已有名为“{newcomer}”的登录" in seen[0]

        # 更改组: 查看 → 填报, and the login may write
        _select(dlg, newcomer)
        assert dlg.b_group.isEnabled()

        def pick_entry(g: GroupDialog) -> None:
            choose(qtbot, g.group, g.group.itemText(0))  # 填报
            g.accept()

        when_modal(GroupDialog, pick_entry)
        dlg.b_group.click()
        assert (newcomer, "填报", "可登录") in _rows(dlg)
        with Store.open(cluster.url(db, newcomer)) as as_new:
            assert not as_new.readonly

        # 停用登录 after the question; the login cannot connect, its row says so; 恢复登录 undoes it
        _select(dlg, newcomer)
        assert dlg.b_login.text() == "停用登录(&D)"
        asked: list[str] = []
        answer_next_box(QMessageBox.StandardButton.Yes, asked)
        dlg.b_login.click()
        assert asked and "以后可以恢复登录" in asked[0]
        assert (newcomer, "填报", "已停用") in _rows(dlg)
        assert not _can_connect(cluster, db, newcomer)
        assert dlg.b_login.text() == "恢复登录(&E)"
        assert "1 个已停用" in dlg.count.text()
        # a disabled login moved to another group stays disabled
        server_admin.set_login_group(store, newcomer, "查看")
        dlg.reload()
        assert (newcomer, "查看", "已停用") in _rows(dlg)
        dlg.b_login.click()  # 恢复登录: no question
        assert (newcomer, "查看", "可登录") in _rows(dlg)
        assert _can_connect(cluster, db, newcomer)
        win.close()


def test_an_admin_cannot_lock_themself_out(qtbot, office):
    cluster, db = office
    with Store.open(cluster.url(db, "吴管理")) as store:
        dlg = UsersDialog(store)
        qtbot.addWidget(dlg)
        _select(dlg, "吴管理")
        said: list[str] = []
        answer_next_box(QMessageBox.StandardButton.Yes)  # 停用? — yes
        answer_next_box(QMessageBox.StandardButton.Ok, said)  # … and the refusal
        dlg.b_login.click()
        assert said and "不能停用自己正在使用的登录" in said[0]
        assert ("吴管理", "管理员", "可登录（当前登录）") in _rows(dlg)
        with pytest.raises(StorageError, match="不能把自己移出管理员组"):
            server_admin.set_login_group(store, "吴管理", "填报")
        assert _can_connect(cluster, db, "吴管理")


def test_entry_and_viewer_logins_have_the_entry_disabled_and_the_server_refuses_them(qtbot, office):
    cluster, db = office
    for person in ("孙填报", "周查看"):
        with Store.open(cluster.url(db, person)) as store:
            win = MainWindow(store)
            qtbot.addWidget(win)
            assert win.act_users.isVisible() and not win.act_users.isEnabled()
            assert "只有管理员" in win.act_users.toolTip()
            # the status bar names the server database in plain words and who is logged in
            assert win.status_db.toolTip().startswith(f"数据库：{db}（服务器 ") and f"登录：{person}" in win.status_db.toolTip()
            if person == "周查看":
                assert store.readonly and win.status_readonly.text() == "只读：当前登录“周查看”不能修改服务器上的数据"
            # even with the dialog's own calls (or a SQL client), the server says no
            with pytest.raises(StorageError, match="没有管理用户的权限"):
                server_admin.set_login_enabled(store, "吴管理", False)
            with pytest.raises(StorageError, match="没有管理用户的权限"):
                server_admin.create_login(store, f"冒充{db[-4:]}{person}", "管理员", "12345678abc")
            win.close()
    assert _can_connect(cluster, db, "吴管理")


def test_on_a_sqlite_file_there_is_no_users_entry(window):
    assert not window.act_users.isVisible()


@pytest.mark.parametrize("how", ["--db", "KF5G_DB"])
def test_the_window_opens_the_server_named_on_the_command_line(office, tmp_path, how):
    """``kf5g --db postgresql://…`` (or KF5G_DB) opens the window on the server's database — not on
    a local file of that name, nor on this PC's own file."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    cluster, db = office
    url = cluster.url(db, "孙填报")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KF5G_STARTUP_PROBE": "1", "HOME": str(tmp_path)}
    env["XDG_DATA_HOME"] = env["XDG_CONFIG_HOME"] = str(tmp_path / "home")
    args = [sys.executable, "-m", "kf5g_desktop"]
    if how == "--db":
        args += ["--db", url]
    else:
        env["KF5G_DB"] = url
    out = subprocess.run(
        args, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120, check=False
    )
    assert "ready" in out.stdout.splitlines(), out.stdout + out.stderr
    made = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*.db"))
    assert made == [], made  # no SQLite file anywhere: neither this PC's own nor one named like the URL
    assert not Path(tmp_path / "postgresql:").exists()
