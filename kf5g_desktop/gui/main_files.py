"""What the main window's 文件 and 帮助 menus do with the database file: back up now, restore from a
backup (the store closed, the file replaced off the GUI thread, the store opened again), the
installation's settings, 关于. Texts are translated in the ``MainWindow`` context."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from kf5g_desktop.storage.errors import Kf5gError

from .jobs import run_job, show_error

if TYPE_CHECKING:
    from kf5g_desktop.storage.store import Store

# ``win`` is the MainWindow (typed Any: importing main_window here, even for types, would be a cycle).


def backup_now(win: Any) -> None:
    store = win.store
    run_job(
        win,
        QCoreApplication.translate("MainWindow", "备份"),
        lambda _p: store.backup("manual"),
        on_success=lambda info: win.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "已备份到 {0}").format(info.path), 8000
        ),
    )


def restore_from_backup(win: Any) -> None:
    from kf5g_desktop.storage.backup import list_backups

    if win.store.on_server:  # replacing a file here would leave the server and open a local copy
        QMessageBox.information(
            win,
            QCoreApplication.translate("MainWindow", "从备份恢复"),
            QCoreApplication.translate(
                "MainWindow",
                "数据库服务器上的数据不能在本机从备份恢复。恢复由管理员进行：在服务器上新建一个空数据库，"
                "运行 kf5g server-init 新数据库的地址 --from 备份文件，再让各台电脑连接新数据库。"
                "本机为这个服务器保存的备份在：{0}",
            ).format(win.store.path.parent / "backups"),
        )
        return
    backups = list_backups(win.store.path)
    if not backups:
        QMessageBox.information(
            win,
            QCoreApplication.translate("MainWindow", "从备份恢复"),
            QCoreApplication.translate("MainWindow", "没有找到备份（备份文件夹：{0}）。").format(
                win.store.path.parent / "backups"
            ),
        )
        return
    labels = [f"{b.taken_at:%Y-%m-%d %H:%M:%S}  {b.reason_label}  ({b.size // 1024} KB)" for b in backups]
    choice, ok = QInputDialog.getItem(
        win,
        QCoreApplication.translate("MainWindow", "从备份恢复"),
        QCoreApplication.translate("MainWindow", "选择要恢复的备份（当前数据库会先另存一份）："),
        labels,
        0,
        False,
    )
    if not ok:
        return
    backup = backups[labels.index(choice)]
    answer = QMessageBox.question(
        win,
        QCoreApplication.translate("MainWindow", "从备份恢复"),
        QCoreApplication.translate(
            "MainWindow", "用 {0} 的备份替换当前数据库？当前数据库会先另存为备份。"
        ).format(f"{backup.taken_at:%Y-%m-%d %H:%M}"),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return
    win.replace_database(lambda path: _restore(path, backup.path))


def replace_database(win: Any, work: Callable[[Path], Any]) -> None:
    """Close the store, run ``work(db_path)`` off the GUI thread, open the store again."""
    from kf5g_desktop.storage.store import Store

    path, user = win.store.path, win.store.user
    win.store.close()

    def job(_p: Any) -> Store:
        work(path)
        return Store.open(path, user=user)

    def reopened(store: Store) -> None:
        win.set_store(store)
        win.statusBar().showMessage(QCoreApplication.translate("MainWindow", "已从备份恢复"), 8000)

    def failed(exc: BaseException) -> None:
        show_error(win, QCoreApplication.translate("MainWindow", "从备份恢复"), exc)
        try:
            win.set_store(Store.open(path, user=user))
        except Kf5gError as exc2:
            show_error(win, QCoreApplication.translate("MainWindow", "打开数据库"), exc2)

    run_job(
        win,
        QCoreApplication.translate("MainWindow", "从备份恢复"),
        job,
        on_success=reopened,
        on_error=failed,
        cancellable=False,
    )


def connect_server(win: Any) -> None:
    """连接数据库服务器 (the 文件 menu) — the office's shared database in place of this PC's file."""
    from .server_dialog import ServerDialog, open_server

    dlg = ServerDialog(win)
    if dlg.exec() != QDialog.DialogCode.Accepted:
        return
    store = open_server(win, dlg.connection(), dlg.typed_password(), at_start=dlg.at_start.isChecked())
    if store is None:
        return
    old = win.store
    win.set_store(store)
    if old is not None:
        old.close()
    win.statusBar().showMessage(
        QCoreApplication.translate("MainWindow", "已连接数据库服务器 {0}").format(dlg.connection().display()), 8000
    )


def open_settings(win: Any) -> None:
    from .server_users import is_admin
    from .setup_dialog import SetupDialog

    locked = ""
    if win.store.readonly:
        locked = QCoreApplication.translate("MainWindow", "数据库只读：单位和填报人信息不能修改，只能更改本机的界面语言。")
    elif win.store.on_server and not is_admin(win):
        locked = QCoreApplication.translate(
            "MainWindow", "单位和填报人信息由服务器的管理员设置；本机只能更改界面语言。"
        )
    dlg = SetupDialog(win.store.units(), win.store.installation(), first_run=False, locked=locked, parent=win)
    if dlg.exec() != QDialog.DialogCode.Accepted:
        return
    c = dlg.choice()
    old_lang = str(QSettings().value("language", "zh_CN"))
    QSettings().setValue("language", c.language)
    if not locked:
        try:
            win.store.setup_installation(
                kind=c.kind,
                unit_code=c.unit_code,
                user_name=c.user_name,
                user_phone=c.user_phone,
                reviewer=c.reviewer,
            )
        except Kf5gError as exc:
            win._error(exc)
    win._sync_city_pages()
    if c.language != old_lang:
        QMessageBox.information(
            win,
            QCoreApplication.translate("MainWindow", "设置"),
            QCoreApplication.translate("MainWindow", "界面语言将在下次启动程序时生效。"),
        )
    win.refresh_all()


def about(win: Any) -> None:
    from kf5g_desktop import __version__

    QMessageBox.about(
        win,
        QCoreApplication.translate("MainWindow", "关于"),
        QCoreApplication.translate(
            "MainWindow",
            "开封市5G网络建设填报系统 {0}\n\n记录基站建设、免费开放场所和杆塔共享，生成周报和报送表。",
        ).format(__version__),
    )


def _restore(db_path: Path, backup_path: Path) -> None:
    from kf5g_desktop.storage.restore import restore_backup

    restore_backup(db_path, backup_path)
