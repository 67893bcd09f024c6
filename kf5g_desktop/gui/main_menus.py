"""The main window's actions, menus and toolbar: 文件, 编辑, 视图, 报表, 帮助.

Texts are translated in the ``MainWindow`` context (``QCoreApplication.translate("MainWindow", …)``
is what pyside6-lupdate reads), so they stay those of the window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from shiboken6 import isValid

from kf5g_desktop.domain.schema import POLE, STATION, VENUE

from .main_files import connect_server

HOME, APPROVALS, RECYCLE, AUDIT = "home", "approvals", "recycle", "audit"
MAP = "map"  # 地图
PAGE_ORDER = (HOME, STATION, APPROVALS, VENUE, POLE, MAP, RECYCLE, AUDIT)
RETURNS_STATUS = "returns_status"  # 报送情况: only on a city installation, after the others (Ctrl+9)
"""The navigation's pages, in order (视图 gives them Ctrl+1…)."""

# ``win`` is the MainWindow (typed Any: importing main_window here, even for types, would be a cycle).


def _action(
    win: Any, text: str, slot: Callable[[], Any], shortcut: Any = None, *, tip: str = "", button: str = ""
) -> QAction:
    """``text`` is the menu text with its access key (e.g. "打开(&O)"); ``button`` the toolbar's
    label, without one (a toolbar button has no Alt+ key, so it must not promise one)."""
    act = QAction(text, win)
    if button:
        act.setIconText(button)
    if shortcut is not None:
        act.setShortcut(QKeySequence(shortcut))
    if tip:
        act.setStatusTip(tip)
        act.setToolTip(tip)
    act.triggered.connect(lambda _=False: slot())
    return act


def build_actions(win: Any) -> None:
    """The window's actions, as ``win.act_*``."""
    win.act_new = _action(
        win,
        QCoreApplication.translate("MainWindow", "新建(&N)"),
        win.new_record,
        QKeySequence.StandardKey.New,
        tip=QCoreApplication.translate("MainWindow", "新建一条记录"),
        button=QCoreApplication.translate("MainWindow", "新建"),
    )
    win.act_open = _action(
        win,
        QCoreApplication.translate("MainWindow", "打开(&O)"),
        win._open_current,
        tip=QCoreApplication.translate("MainWindow", "打开选中的记录（回车或双击）"),
        button=QCoreApplication.translate("MainWindow", "打开"),
    )
    win.act_delete = _action(
        win,
        QCoreApplication.translate("MainWindow", "删除(&D)"),
        win._delete_current,
        QKeySequence.StandardKey.Delete,
        tip=QCoreApplication.translate("MainWindow", "把选中的记录移到回收站"),
        button=QCoreApplication.translate("MainWindow", "删除"),
    )
    win.act_delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # the list handles Delete itself
    win.act_find = _action(
        win,
        QCoreApplication.translate("MainWindow", "查找(&F)"),
        win._focus_search,
        QKeySequence.StandardKey.Find,
        button=QCoreApplication.translate("MainWindow", "查找"),
    )
    win.act_history = _action(
        win, QCoreApplication.translate("MainWindow", "历史(&H)…"), win._history_current, "Ctrl+H"
    )
    # Fixed labels (the toolbar must not change width after every action); what would be
    # undone or redone is in the tooltip and the status tip.
    win.act_undo = _action(
        win,
        QCoreApplication.translate("MainWindow", "撤销(&U)"),
        win.undo_stack.undo,
        QKeySequence.StandardKey.Undo,
        button=QCoreApplication.translate("MainWindow", "撤销"),
    )
    win.act_redo = _action(
        win,
        QCoreApplication.translate("MainWindow", "重做(&R)"),
        win.undo_stack.redo,
        button=QCoreApplication.translate("MainWindow", "重做"),
    )
    win.act_redo.setShortcuts([QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Y")])
    win.undo_stack.undoTextChanged.connect(lambda _t: undo_tips(win))
    win.undo_stack.redoTextChanged.connect(lambda _t: undo_tips(win))
    win.undo_stack.canUndoChanged.connect(lambda _c: win.update_actions())
    win.undo_stack.canRedoChanged.connect(lambda _c: win.update_actions())
    undo_tips(win)
    win.act_refresh = _action(
        win,
        QCoreApplication.translate("MainWindow", "刷新(&R)"),
        win.refresh_all,
        QKeySequence.StandardKey.Refresh,
        button=QCoreApplication.translate("MainWindow", "刷新"),
    )
    win.act_backup = _action(
        win,
        QCoreApplication.translate("MainWindow", "立即备份(&B)"),
        win.backup_now,
        button=QCoreApplication.translate("MainWindow", "立即备份"),
    )
    win.act_restore = _action(
        win, QCoreApplication.translate("MainWindow", "从备份恢复(&R)…"), win.restore_from_backup
    )
    win.act_settings = _action(win, QCoreApplication.translate("MainWindow", "设置(&S)…"), win.open_settings)
    win.act_server = _action(
        win, QCoreApplication.translate("MainWindow", "连接数据库服务器(&D)…"), lambda: connect_server(win)
    )
    win.act_users = _action(win, QCoreApplication.translate("MainWindow", "用户管理(&Y)…"), lambda: _users(win))
    win.act_users.setVisible(False)  # on a server database only (gui/server_users.py update_action)
    win.act_quit = _action(
        win, QCoreApplication.translate("MainWindow", "退出(&X)"), win.close, "Ctrl+Q"
    )  # StandardKey.Quit is empty on Windows
    win.act_about = _action(win, QCoreApplication.translate("MainWindow", "关于(&A)"), win._about)
    win.act_columns = _action(win, QCoreApplication.translate("MainWindow", "选择列(&L)…"), win._columns)


def _users(win: Any) -> None:
    from .server_users import open_users

    open_users(win)


def build_menus(win: Any) -> None:
    """文件, 编辑, 视图 (one entry per page, Ctrl+1…), 报表 (``win.menu_reports``, filled by the report
    and return modules), 帮助 and the toolbar."""
    mb = win.menuBar()
    m = mb.addMenu(QCoreApplication.translate("MainWindow", "文件(&F)"))
    for a in (win.act_backup, win.act_restore, None, win.act_server, win.act_users, win.act_settings, None, win.act_quit):
        m.addSeparator() if a is None else m.addAction(a)
    m = mb.addMenu(QCoreApplication.translate("MainWindow", "编辑(&E)"))
    for a in (
        win.act_undo,
        win.act_redo,
        None,
        win.act_new,
        win.act_open,
        win.act_delete,
        None,
        win.act_find,
        win.act_history,
    ):
        m.addSeparator() if a is None else m.addAction(a)
    m = mb.addMenu(QCoreApplication.translate("MainWindow", "视图(&V)"))
    menu_titles = {  # the pages with access keys (unique within the menu)
        HOME: QCoreApplication.translate("MainWindow", "首页(&S)"),
        STATION: QCoreApplication.translate("MainWindow", "基站(&J)"),
        APPROVALS: QCoreApplication.translate("MainWindow", "审批(&P)"),
        VENUE: QCoreApplication.translate("MainWindow", "免费开放场所(&C)"),
        POLE: QCoreApplication.translate("MainWindow", "杆塔共享(&G)"),
        MAP: QCoreApplication.translate("MainWindow", "地图(&M)"),
        RECYCLE: QCoreApplication.translate("MainWindow", "回收站(&H)"),
        AUDIT: QCoreApplication.translate("MainWindow", "操作日志(&Z)"),
        RETURNS_STATUS: QCoreApplication.translate("MainWindow", "报送情况(&B)"),
    }
    for i, key in enumerate((*PAGE_ORDER, RETURNS_STATUS)):
        act = _action(win, menu_titles[key], lambda k=key: win.show_page(k), f"Ctrl+{i + 1}")
        m.addAction(act)
    win.act_page_returns = act  # 报送情况: shown on a city installation only
    act.setVisible(False)
    m.addSeparator()
    m.addAction(win.act_columns)
    m.addAction(win.act_refresh)
    win.menu_reports = mb.addMenu(QCoreApplication.translate("MainWindow", "报表(&R)"))
    win.menu_reports.setObjectName("menu_reports")
    win._report_menus = {}
    m = mb.addMenu(QCoreApplication.translate("MainWindow", "帮助(&H)"))
    m.addAction(win.act_about)
    tb = win.addToolBar(QCoreApplication.translate("MainWindow", "工具栏"))
    tb.setObjectName("toolbar")
    tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for a in (
        win.act_new,
        win.act_open,
        win.act_delete,
        None,
        win.act_undo,
        win.act_redo,
        None,
        win.act_find,
        win.act_refresh,
        None,
        win.act_backup,
    ):
        tb.addSeparator() if a is None else tb.addAction(a)
    win.toolbar = tb


def undo_tips(win: Any) -> None:
    """What 撤销/重做 would do, in their tooltip and status tip (their labels stay fixed)."""
    if not isValid(win.undo_stack):
        return
    for act, text, idle in (
        (
            win.act_undo,
            win.undo_stack.undoText(),
            QCoreApplication.translate("MainWindow", "没有可撤销的操作"),
        ),
        (
            win.act_redo,
            win.undo_stack.redoText(),
            QCoreApplication.translate("MainWindow", "没有可重做的操作"),
        ),
    ):
        verb = (
            QCoreApplication.translate("MainWindow", "撤销")
            if act is win.act_undo
            else QCoreApplication.translate("MainWindow", "重做")
        )
        tip = QCoreApplication.translate("MainWindow", "{0}：{1}").format(verb, text) if text else idle
        act.setToolTip(tip)
        act.setStatusTip(tip)


def submenu_title(title: str) -> str:
    """A 报表 submenu's title with its access key."""
    return {
        "报送": QCoreApplication.translate("MainWindow", "报送(&S)"),
        "周报": QCoreApplication.translate("MainWindow", "周报(&W)"),
    }.get(title, title)
