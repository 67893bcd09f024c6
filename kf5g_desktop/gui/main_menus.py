"""The main window's actions, menus and toolbar: 文件, 编辑, 视图, 报表, 帮助.

Texts are translated in the ``MainWindow`` context (``QCoreApplication.translate("MainWindow", …)``
is what pyside6-lupdate reads), so they stay those of the window.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

# ``win`` is the MainWindow (typed Any: importing main_window here, even for types, would be a cycle).


def _action(win: Any, text: str, slot: Callable[[], Any], shortcut: Any = None, *, tip: str = "") -> QAction:
    act = QAction(text, win)
    if shortcut is not None:
        act.setShortcut(QKeySequence(shortcut))
    if tip:
        act.setStatusTip(tip)
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
    )
    win.act_open = _action(
        win,
        QCoreApplication.translate("MainWindow", "打开(&O)"),
        win._open_current,
        tip=QCoreApplication.translate("MainWindow", "打开选中的记录"),
    )
    win.act_delete = _action(
        win,
        QCoreApplication.translate("MainWindow", "删除(&D)"),
        win._delete_current,
        QKeySequence.StandardKey.Delete,
        tip=QCoreApplication.translate("MainWindow", "把选中的记录移到回收站"),
    )
    win.act_delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # the list handles Delete itself
    win.act_find = _action(
        win,
        QCoreApplication.translate("MainWindow", "查找(&F)"),
        win._focus_search,
        QKeySequence.StandardKey.Find,
    )
    win.act_history = _action(
        win, QCoreApplication.translate("MainWindow", "历史(&H)…"), win._history_current, "Ctrl+H"
    )
    win.act_undo = win.undo_stack.createUndoAction(win, QCoreApplication.translate("MainWindow", "撤销"))
    win.act_undo.setShortcut(QKeySequence.StandardKey.Undo)
    win.act_redo = win.undo_stack.createRedoAction(win, QCoreApplication.translate("MainWindow", "重做"))
    win.act_redo.setShortcuts([QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Y")])
    win.act_refresh = _action(
        win,
        QCoreApplication.translate("MainWindow", "刷新(&R)"),
        win.refresh_all,
        QKeySequence.StandardKey.Refresh,
    )
    win.act_backup = _action(win, QCoreApplication.translate("MainWindow", "立即备份(&B)"), win.backup_now)
    win.act_restore = _action(
        win, QCoreApplication.translate("MainWindow", "从备份恢复(&R)…"), win.restore_from_backup
    )
    win.act_settings = _action(win, QCoreApplication.translate("MainWindow", "设置(&S)…"), win.open_settings)
    win.act_quit = _action(
        win, QCoreApplication.translate("MainWindow", "退出(&X)"), win.close, QKeySequence.StandardKey.Quit
    )
    win.act_about = _action(win, QCoreApplication.translate("MainWindow", "关于(&A)"), win._about)
    win.act_columns = _action(win, QCoreApplication.translate("MainWindow", "选择列(&C)…"), win._columns)


def build_menus(win: Any, page_order: Sequence[str]) -> None:
    """文件, 编辑, 视图, 报表 (``win.menu_reports``, filled by the report and return modules), 帮助
    and the toolbar; 视图 has one entry per page of ``page_order`` (Ctrl+1…)."""
    mb = win.menuBar()
    m = mb.addMenu(QCoreApplication.translate("MainWindow", "文件(&F)"))
    for a in (win.act_backup, win.act_restore, None, win.act_settings, None, win.act_quit):
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
    for i, key in enumerate(page_order):
        act = _action(win, win._page_titles()[key], lambda k=key: win.show_page(k), f"Ctrl+{i + 1}")
        m.addAction(act)
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
