"""Start the window: QApplication, translations, open the Store (handling a locked, damaged or
unwritable database), first-run setup, the home page's figures first, then what can wait (charts,
the 报表 menu, the background integrity check's outcome, the daily backup), backup on exit."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QEventLoop,
    QLocale,
    QObject,
    QSettings,
    QTimer,
    QTranslator,
    Signal,
)
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from shiboken6 import isValid

from kf5g_desktop.domain.values import UNIT
from kf5g_desktop.storage.errors import (
    CorruptDatabaseError,
    DatabaseLockedError,
    Kf5gError,
    NewerSchemaError,
    StorageError,
)

if TYPE_CHECKING:  # SQLAlchemy loads off the GUI thread, after the window is shown
    from kf5g_desktop.reports.dashboard import FirstRead
    from kf5g_desktop.storage.store import Store

ORG, APP = "Kaifeng", "kf5g-desktop"

# A database file at least this large is opened with its quick_check in the background (see there)
from kf5g_desktop.storage.first_read import BACKGROUND_CHECK_BYTES as BACKGROUND_CHECK_BYTES  # noqa: E402

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

    if store.readonly or (store.integrity is not None and store.integrity.pending):
        return  # (after_integrity_check starts it once the check has passed)
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


class _IntegrityBridge(QObject):
    """Brings the background check's outcome from its thread to the GUI thread."""

    done = Signal(object)


def watch_integrity(win: Any, store: Store, *, backup: bool = True) -> None:
    """While the background quick_check runs the status bar says that changes wait for it; when it
    is done: passed → the daily backup (if ``backup``); damaged → writes stay blocked, the window
    turns read-only and says so (with 从备份恢复 at hand)."""
    watch = store.integrity
    if watch is None:
        if backup:
            daily_backup(win, store)
        return
    watch.start()  # (opened with "background-later": begun now, after the first figures)
    bridge = _IntegrityBridge(win)
    bridge.done.connect(lambda problem: after_integrity_check(win, store, problem, backup=backup))
    win.set_integrity_pending(watch.pending)
    watch.on_done(lambda problem: bridge.done.emit(problem) if isValid(bridge) else None)


def after_integrity_check(win: Any, store: Store, problem: str | None, *, backup: bool = True) -> None:
    if win.store is not store:  # the database was replaced meanwhile (e.g. restored)
        return
    win.set_integrity_pending(False)
    if problem is None:
        if backup:
            daily_backup(win, store)
        return
    win.apply_readonly()
    box = QMessageBox(win)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(tr("数据库已损坏"))
    box.setText(str(CorruptDatabaseError(str(store.path), problem)))
    box.setInformativeText(tr("已打开的数据仍可查看，但不能再修改。损坏的文件在恢复时会另存一份。"))
    restore = box.addButton(tr("从备份恢复…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("稍后处理"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is restore:
        win.restore_from_backup()


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


class _AfterFirstFigures(QObject):
    """Calls ``fn`` once, in the event-loop turn after the home page's first figures are painted
    (its first card painted with a value), or after their computation failed; at the latest after
    ``FALLBACK_MS`` (a window that is never painted, e.g. minimised)."""

    FALLBACK_MS = 3000

    def __init__(self, home: QWidget, fn: Callable[[], None]) -> None:
        super().__init__(home)
        self._fn: Callable[[], None] | None = fn
        self._label = getattr(getattr(home, "card_on_air", None), "value", None)
        failed = getattr(home, "refreshFailed", None)
        if self._label is None or failed is None:  # a home page of another kind (tests)
            QTimer.singleShot(0, self._fire)
            return
        self._label.installEventFilter(self)
        failed.connect(lambda _msg: QTimer.singleShot(0, self._fire))
        QTimer.singleShot(self.FALLBACK_MS, self._fire)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self._label and event.type() == QEvent.Type.Paint and self._label.text() != "—":
            self._label.removeEventFilter(self)
            QTimer.singleShot(0, self._fire)  # after this paint has reached the screen
        return False

    def _fire(self) -> None:
        fn, self._fn = self._fn, None
        if fn is not None:
            fn()


def _is_server_url(value: str) -> bool:
    """A ``postgresql://`` address (checked without importing the storage layer at start-up)."""
    scheme = value.split(":", 1)[0].split("+", 1)[0].lower()
    return "://" in value and scheme in ("postgresql", "postgres")


def run_gui(db: Path | str | None, *, demo: bool = False, first_read: FirstRead | None = None) -> int:
    """Show the main window at once, open the database off the GUI thread, then fill the window.

    The window frame (menus, navigation, a loading note) appears before SQLAlchemy is even
    imported; opening the database (schema check, and for a small file its integrity check) runs in
    the background and any problem is asked about over the window. Then the home page computes its
    figures; what can wait comes after they are painted: the charts, the 报表 menu, the outcome of a
    large file's integrity check (which runs meanwhile; writes wait for it) and the daily backup.

    ``first_read``: the first read of the database file, begun by the command line before Qt was
    imported (``reports.dashboard.FirstRead``); used if it is of the file opened here.

    ``KF5G_STARTUP_PROBE=1`` prints "shown" at the first frame, "figures" when the home page's
    figures are painted and "ready" when its charts are drawn and the menus are in, then quits
    (benchmarks/bench_startup.py).
    """
    from PySide6.QtCore import QThreadPool

    from kf5g_desktop.paths import DB_FILE_NAME, ENV_DB, default_db_path, user_data_dir

    from .fonts import register_fonts
    from .jobs import run_job, show_error
    from .main_window import MainWindow

    QCoreApplication.setOrganizationName(ORG)
    QCoreApplication.setApplicationName(APP)
    app = QApplication.instance() or QApplication(sys.argv)
    install_translations(app)
    register_fonts()
    # ``--db postgresql://…`` (or KF5G_DB): the server; if it cannot be reached, this PC's own file.
    given = str(db) if db else os.environ.get(ENV_DB, "")
    url = given if _is_server_url(given) else None
    path = (user_data_dir() / DB_FILE_NAME) if url else (Path(db) if db else default_db_path())
    probe = bool(os.environ.get("KF5G_STARTUP_PROBE"))
    win = MainWindow()
    win.closed.connect(app.quit)  # the main window closed: the program ends, whatever else is open
    win.show()
    if probe:
        QTimer.singleShot(0, lambda: print("shown", flush=True))
    state: dict[str, Any] = {"rc": 0, "opened": None, "server": url, "first_home": None}
    if not given and not probe:  # the server chosen for start-up
        from .server_dialog import startup_url

        state["server"] = startup_url(win)

    def give_up(rc: int) -> None:
        state["rc"] = rc
        win.close()
        app.quit()

    def attach(store: Store | None) -> None:
        state["opened"] = None  # handed over (or given up)
        if store is None:
            give_up(2)
            return
        shown = state["first_home"]  # the home page of the first read, its figures painted
        state["first_home"] = None
        try:
            prepared = prepare_store(store, win, demo=demo)
            if prepared is None:
                give_up(1)
                return
            if shown is not None and (prepared is not store or prepared.path != state["read"]):
                win.drop_first_home(shown)  # (another database than the one read first)
                shown = None
            if shown is not None:  # the Store of the database its figures were read from
                shown.adopt_store(prepared)
                win.attach_store(prepared, home=shown, later_pages=True)
            else:
                # the home page first (its figures perhaps already being computed); the others in later()
                first = state.pop("first", None) if prepared is store else None
                win.attach_store(prepared, later_pages=True, first_figures=first)
        except CorruptDatabaseError as exc:
            # The damage was read before the background check found it: as if found at opening.
            store.close()
            if win.pages:  # pragma: no cover - the home page reads first; a later page failed
                show_error(win, tr("无法打开数据库"), exc)
                give_up(2)
                return
            win.store = None
            failed(exc)
            return
        home = win.pages["home"]
        hold = getattr(home, "hold_charts", None)
        if hold is not None:
            hold()  # (its figures are being computed: the charts come after they are painted)

        def later() -> None:  # what can wait until the first figures are painted
            if probe and shown is None:
                print("figures", flush=True)
            if not isValid(win) or win.store is not prepared:
                return
            load_charts = getattr(home, "load_charts", None)
            if load_charts is not None:
                load_charts()
            win.build_pages()
            install_menus(win, prepared)
            watch_integrity(win, prepared, backup=not probe)
            if not warn_if_unsafe_place(prepared.path, win) and probe:
                ready = getattr(home, "refreshed", None)
                finish = lambda *_: (print("ready", flush=True), app.quit())  # noqa: E731
                if ready is not None and not getattr(home, "charts_ready", True):
                    ready.connect(finish)
                else:
                    QTimer.singleShot(0, finish)

        if shown is not None:
            QTimer.singleShot(0, later)  # (its figures are painted already)
        else:
            _AfterFirstFigures(home, later)

    def show_first(reader: Any) -> None:
        """The home page on the first read, its figures computed while the page is built; once
        they are painted the Store is opened (SQLAlchemy, the schema, the checks) and takes the
        page over (attach); the charts' library loads meanwhile."""
        page = win.show_first_home(reader, state.pop("first", None))
        state["first_home"] = page
        page.hold_charts()

        def then() -> None:
            if probe:
                print("figures", flush=True)
            if not isValid(win) or state["first_home"] is not page:
                return
            page.load_charts()
            run_job(
                win,
                tr("正在打开数据库"),
                open_full,
                on_success=attach,
                on_error=failed,
                cancellable=False,
                dialog=False,
            )

        _AfterFirstFigures(page, then)

    def open_full(_p: Any) -> Store:
        from kf5g_desktop.storage.store import Store

        big = path.exists() and path.stat().st_size >= BACKGROUND_CHECK_BYTES
        store = Store.open(path, check="background-later" if big else "quick")
        state["opened"] = store  # closed after the loop if the window went away meanwhile
        return store

    def first_attempt(_p: Any) -> Any:
        if state["server"] is None and not demo:
            # the home page's figures first, through plain sqlite3 (no SQLAlchemy yet), when the
            # file is one the Store would only read (storage.first_read); else the Store at once
            from kf5g_desktop.reports.dashboard import FirstRead

            mine = first_read is not None and first_read.path == path.expanduser()
            begun = first_read if first_read is not None and mine else FirstRead(path)
            read = begun.result()
            if read is not None:
                reader, state["first"] = read
                state["read"] = reader.path
                return reader
        from kf5g_desktop.storage.store import Store

        if state["server"] is not None:
            store = Store.open(state["server"])
        else:
            big = path.exists() and path.stat().st_size >= BACKGROUND_CHECK_BYTES
            # a large file's quick_check begins after the first figures (watch_integrity): they
            # have both cores and the disk meanwhile; writes wait for it all the same
            store = Store.open(path, check="background-later" if big else "quick")
        state["opened"] = store  # closed after the loop if the window went away meanwhile
        state["first"] = first_figures(store)
        return store

    def first_figures(store: Any) -> Any:
        """The home page's opening figures, begun now, while the window builds the page: for a
        configured installation that start-up will not change (no first-run setup, no demo)."""
        from kf5g_desktop.reports.dashboard import FirstFigures

        try:
            if demo or not store.installation().configured:
                return None
            return FirstFigures(store)
        except Exception:  # (the page computes them itself and says what went wrong)
            logging.getLogger("kf5g").exception("the opening figures could not be begun")
            return None

    def failed(exc: BaseException) -> None:
        if state["server"] is not None:  # the server could not be reached: said so, then this PC's file
            state["server"] = None
            show_error(win, tr("连接数据库服务器"), exc)
            attach(open_store(path, lambda e: ask_user(e, win)))
            return
        if isinstance(exc, StorageError):
            attach(open_store(path, lambda e: ask_user(e, win), first_error=exc))
        else:
            show_error(win, tr("无法打开数据库"), exc)
            give_up(2)

    def opened(result: Any) -> None:
        from kf5g_desktop.storage.first_read import FirstReader

        if isinstance(result, FirstReader):
            show_first(result)
        else:
            attach(result)

    run_job(
        win,
        tr("正在打开数据库"),
        first_attempt,
        on_success=opened,
        on_error=failed,
        cancellable=False,
        modal=False,
    )
    app.exec()
    # The window may outlive this call (tests): a later close must not quit an application that is
    # no longer ours to end (QCoreApplication.quit outside exec() would end the next event loop at once).
    win.closed.disconnect(app.quit)
    QCoreApplication.removePostedEvents(app, QEvent.Type.Quit)  # the last-window-closed quit, if posted
    QThreadPool.globalInstance().waitForDone(30_000)  # e.g. the daily backup, before closing
    if isValid(win):  # a job that ended as the window closed: its progress note goes with the window
        from PySide6.QtWidgets import QProgressDialog

        for note in win.findChildren(QProgressDialog):
            note.close()
    if state["opened"] is not None:  # opened after the window was closed
        state["opened"].close()
    if win.attached:
        win.store.close(backup_on_exit=not win.store.readonly and not probe)
    return int(state["rc"])
