"""Start the window: QApplication, translations, open the Store (handling a locked, damaged or
unwritable database), first-run setup, daily backup off the GUI thread, backup on exit."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from kf5g_desktop.domain.values import UNIT
from kf5g_desktop.storage.errors import (
    CorruptDatabaseError,
    DatabaseLockedError,
    Kf5gError,
    NewerSchemaError,
    StorageError,
)

if TYPE_CHECKING:  # SQLAlchemy loads off the GUI thread, after the window is shown
    from kf5g_desktop.storage.store import Store

ORG, APP = "Kaifeng", "kf5g-desktop"

# What to do about a database that would not open: "readonly", "restore", "other:<path>", "exit".
Chooser = Callable[[StorageError], str]


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def install_translations(app: QCoreApplication, language: str | None = None) -> QTranslator | None:
    """Install Qt's own strings (standard buttons: 确定/取消/是/否…) in the interface language, and
    our English .qm when the settings say English (Chinese is the source language). Returns our
    translator (None in Chinese)."""
    import PySide6
    from PySide6.QtCore import QLibraryInfo

    from kf5g_desktop.paths import resource_path

    lang = language or str(QSettings().value("language", "zh_CN"))
    english = lang.startswith("en")
    qt_base = QTranslator(app)
    folders = (  # Qt's own folder; PySide6's (the frozen build bundles the files there, build.spec)
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        str(Path(PySide6.__file__).parent / "Qt" / "translations"),
    )
    name = f"qtbase_{'en' if english else 'zh_CN'}"
    if any(qt_base.load(name, folder) for folder in folders):
        app.installTranslator(qt_base)
    if not english:
        extra = QTranslator(app)  # what qtbase_zh_CN lacks (e.g. the file dialog's "&Look in:")
        if extra.load(str(resource_path("translations", "qtbase_extra_zh_CN.qm"))):
            app.installTranslator(extra)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        return None
    translator = QTranslator(app)
    if translator.load(str(resource_path("translations", "kf5g_en.qm"))):
        app.installTranslator(translator)
        return translator
    return None


def ask_user(exc: StorageError, parent: QWidget | None = None) -> str:
    """The default chooser: explain what went wrong and offer what can be done."""
    box = QMessageBox(parent)
    box.setWindowTitle(tr("无法打开数据库"))
    box.setText(str(exc))
    if isinstance(exc, DatabaseLockedError):
        who = exc.holder.describe() if exc.holder else tr("另一个程序")
        box.setText(
            tr(
                "数据库正被{0}使用。为防止数据损坏，本窗口只能只读查看；请在那台电脑/那个窗口保存并退出后再修改。"
            ).format(who)
        )
    box.setIcon(QMessageBox.Icon.Warning)
    quit_btn = box.addButton(tr("退出"), QMessageBox.ButtonRole.RejectRole)
    actions: dict[object, str] = {quit_btn: "exit"}
    if isinstance(exc, DatabaseLockedError):
        actions[box.addButton(tr("只读打开"), QMessageBox.ButtonRole.AcceptRole)] = "readonly"
    elif isinstance(exc, CorruptDatabaseError):
        box.setInformativeText(tr("可以用最新的完好备份替换它（损坏的文件会另存一份）。"))
        actions[box.addButton(tr("从最新备份恢复"), QMessageBox.ButtonRole.AcceptRole)] = "restore"
    elif not isinstance(exc, NewerSchemaError):
        actions[box.addButton(tr("选择其他文件…"), QMessageBox.ButtonRole.AcceptRole)] = "other"
    box.exec()
    action = actions.get(box.clickedButton(), "exit")
    if action == "other":
        from .files import save_file

        name = save_file(
            parent,
            "database",
            tr("选择数据库文件"),
            "kf5g.db",
            tr("数据库 (*.db)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        return f"other:{name}" if name else "exit"
    return action


def restore_newest_good_backup(path: Path) -> Path:
    """Restore the newest backup that passes its check; returns the backup used."""
    from kf5g_desktop.storage.backup import integrity_problems, list_backups
    from kf5g_desktop.storage.restore import restore_backup

    for b in list_backups(path):
        if not integrity_problems(b.path):
            restore_backup(path, b.path)
            return b.path
    raise StorageError(
        tr("没有找到可用的完好备份（备份文件夹：{0}）。请联系技术支持。").format(path.parent / "backups")
    )


def open_store(
    path: Path, chooser: Chooser, *, user: str | None = None, first_error: StorageError | None = None
) -> Store | None:
    """Open the database, asking ``chooser`` what to do about each problem. None = the user gave up.
    ``first_error``: the error of an attempt already made (e.g. off the GUI thread)."""
    from kf5g_desktop.storage.store import Store

    readonly = False
    error = first_error
    for _attempt in range(10):
        if error is None:
            try:
                return Store.open(path, readonly=readonly, user=user)
            except StorageError as exc:
                error = exc
        exc, error = error, None
        action = chooser(exc)
        if action == "readonly" and isinstance(exc, DatabaseLockedError):
            readonly = True
        elif action == "restore" and isinstance(exc, CorruptDatabaseError):
            try:
                restore_newest_good_backup(path)
            except Kf5gError as exc2:
                chooser(StorageError(str(exc2)))
                return None
        elif action.startswith("other:") and len(action) > 6:
            path = Path(action[6:])
            readonly = False
        else:
            return None
    return None


def first_run_setup(store: Store, parent: QWidget | None = None) -> tuple[Store, bool] | None:
    """Ask for unit/city, name, phone. Returns (store, wants demo) or None when cancelled."""
    from .setup_dialog import SetupDialog

    dlg = SetupDialog(store.units(), store.installation(), first_run=True, parent=parent)
    if dlg.exec() != SetupDialog.DialogCode.Accepted:
        return None
    c = dlg.choice()
    QSettings().setValue("language", c.language)
    store.setup_installation(
        kind=c.kind,
        unit_code=c.unit_code,
        user_name=c.user_name,
        user_phone=c.user_phone,
        reviewer=c.reviewer,
    )
    return store, c.demo


def load_demo(store: Store, parent: QWidget | None = None) -> Store:
    """Generate the demo data into this (empty) database off the GUI thread, then reopen it."""
    from kf5g_desktop.storage import demo

    from .jobs import run_job

    inst = store.installation()
    path, user = store.path, store.user
    store.close()
    loop = QEventLoop()
    result: dict[str, object] = {}

    def work(_p: object) -> None:
        demo.generate_demo(path, unit_code=inst.own_unit)

    job = run_job(
        parent,
        tr("正在生成演示数据"),
        work,
        on_error=lambda e: result.setdefault("error", e),
        cancellable=False,
    )
    job.done.connect(lambda _r: loop.quit())
    loop.exec()
    from kf5g_desktop.storage.store import Store

    reopened = Store.open(path, user=user)
    if inst.configured:  # the demo writes its own user; keep the person's choices (the demo flag stays)
        reopened.setup_installation(
            kind=inst.kind or UNIT,
            unit_code=inst.unit_code,
            user_name=inst.user_name,
            user_phone=inst.user_phone,
            reviewer=inst.reviewer,
        )
    if "error" in result:
        QMessageBox.warning(parent, tr("演示数据"), tr("生成演示数据失败：{0}").format(result["error"]))
    return reopened


def daily_backup(win: QWidget, store: Store) -> None:
    from .jobs import run_job

    if store.readonly:
        return
    run_job(
        win,
        tr("每日备份"),
        lambda _p: store.backup_daily_if_due(),
        modal=False,
        cancellable=False,
        on_error=lambda _e: None,
    )


def warn_if_unsafe_place(path: Path, parent: QWidget | None) -> bool:
    """SQLite's locking and WAL do not work on network or removable drives: say so (RELIABILITY.md)."""
    from kf5g_desktop.storage.db import is_network_or_removable

    if not is_network_or_removable(path):
        return False
    QMessageBox.warning(
        parent,
        tr("数据库位置不安全"),
        tr(
            "数据库“{0}”位于网络驱动器或U盘等移动存储上，断网或拔出时可能损坏数据。请把数据库复制到本机硬盘，并用 --db 或环境变量 KF5G_DB 指定它的位置。"
        ).format(path),
    )
    return True


def install_menus(win: Any, store: Store) -> None:
    """The 报表 menu: weekly report and the return actions."""
    from .report_dialogs import install_report_actions
    from .returns_actions import install_returns_actions

    install_report_actions(win, store)
    install_returns_actions(win, lambda: win.store)


def prepare_store(store: Store, win: QWidget, *, demo: bool) -> Store | None:
    """First-run setup and demo data (GUI thread, modal over the window). None = cancelled."""
    if not store.readonly and not store.installation().configured:
        done = first_run_setup(store, win)
        if done is None:
            store.close()
            return None
        store, wants_demo = done
        if wants_demo or demo:
            store = load_demo(store, win)
    elif demo and not store.readonly and store.counts()["station"] == 0:
        store = load_demo(store, win)
    return store


def run_gui(db: Path | None, *, demo: bool = False) -> int:
    """Show the main window at once, open the database off the GUI thread, then fill the window.

    The window frame (menus, navigation, a loading note) appears before SQLAlchemy is even
    imported; opening the database (integrity check, schema upgrade) runs in the background and any
    problem is asked about over the window. ``KF5G_STARTUP_PROBE=1`` prints "shown" at the first
    frame and "ready" when the home page has its figures, then quits (benchmarks/bench_startup.py).
    """
    from PySide6.QtCore import QThreadPool, QTimer

    from kf5g_desktop.paths import default_db_path

    from .fonts import register_fonts
    from .jobs import run_job, show_error
    from .main_window import MainWindow

    QCoreApplication.setOrganizationName(ORG)
    QCoreApplication.setApplicationName(APP)
    app = QApplication.instance() or QApplication(sys.argv)
    install_translations(app)
    register_fonts()
    path = Path(db) if db else default_db_path()
    probe = bool(os.environ.get("KF5G_STARTUP_PROBE"))
    win = MainWindow()
    win.closed.connect(app.quit)  # the main window closed: the program ends, whatever else is open
    win.show()
    if probe:
        QTimer.singleShot(0, lambda: print("shown", flush=True))
    state: dict[str, Any] = {"rc": 0, "opened": None}

    def give_up(rc: int) -> None:
        state["rc"] = rc
        win.close()
        app.quit()

    def attach(store: Store | None) -> None:
        state["opened"] = None  # handed over (or given up)
        if store is None:
            give_up(2)
            return
        prepared = prepare_store(store, win, demo=demo)
        if prepared is None:
            give_up(1)
            return
        win.attach_store(prepared)
        home = win.pages["home"]
        install_menus(win, prepared)
        warn_if_unsafe_place(prepared.path, win)
        if probe:
            done = getattr(home, "refreshed", None)
            finish = lambda *_: (print("ready", flush=True), app.quit())  # noqa: E731
            if done is not None:
                done.connect(finish)
            else:
                QTimer.singleShot(0, finish)
        else:
            daily_backup(win, prepared)

    def first_attempt(_p: Any) -> Store:
        from kf5g_desktop.storage.store import Store

        store = Store.open(path)
        state["opened"] = store  # closed after the loop if the window went away meanwhile
        return store

    def failed(exc: BaseException) -> None:
        if isinstance(exc, StorageError):
            attach(open_store(path, lambda e: ask_user(e, win), first_error=exc))
        else:
            show_error(win, tr("无法打开数据库"), exc)
            give_up(2)

    run_job(
        win,
        tr("正在打开数据库"),
        first_attempt,
        on_success=attach,
        on_error=failed,
        cancellable=False,
        modal=False,
    )
    app.exec()
    # The window may outlive this call (tests): a later close must not quit an application that is
    # no longer ours to end (QCoreApplication.quit outside exec() would end the next event loop at once).
    win.closed.disconnect(app.quit)
    from PySide6.QtCore import QEvent

    QCoreApplication.removePostedEvents(app, QEvent.Type.Quit)  # the last-window-closed quit, if posted
    QThreadPool.globalInstance().waitForDone(30_000)  # e.g. the daily backup, before closing
    if state["opened"] is not None:  # opened after the window was closed
        state["opened"].close()
    if win.attached:
        win.store.close(backup_on_exit=not win.store.readonly and not probe)
    return int(state["rc"])
