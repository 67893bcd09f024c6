"""Hook of the returns area into the main window: actions under 报表 and the city's 报送情况 page.

    install_returns_actions(main_window, store) -> dict[str, QAction]

Uses ``main_window.add_report_action(menu_title, action)`` when the window has it, else adds to
``main_window.menu_reports``. The action ``status`` shows the 报送情况 page
(:class:`ReturnsStatusPage`), a page of the main window's navigation on a city installation.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QWidget

from kf5g_desktop.storage.store import Store

from .files import open_file, save_file
from .jobs import message, run_job
from .main_window import RETURNS_STATUS
from .returns_bulk import BulkImportWizard
from .returns_dialogs import ExportDialog, ImportPreviewDialog
from .returns_status import ReturnsStatusPage

__all__ = [
    "BulkImportWizard",
    "ExportDialog",
    "ImportPreviewDialog",
    "ReturnsStatusPage",
    "install_returns_actions",
]


def _add(main_window: QMainWindow, menu: str, action: QAction) -> None:
    hook = getattr(main_window, "add_report_action", None)
    if callable(hook):
        hook(menu, action)
    else:
        main_window.menu_reports.addAction(action)  # type: ignore[attr-defined]


def install_returns_actions(
    main_window: QMainWindow, store: Store | Callable[[], Store]
) -> dict[str, QAction]:
    """``store`` may be the Store or a function returning the current one (for windows that replace
    their store, e.g. after restoring a backup): every action asks for it when triggered."""
    current: Callable[[], Store] = store if callable(store) else (lambda: store)  # type: ignore[assignment]
    inst = current().installation()
    actions: dict[str, QAction] = {}

    submenu = "报送"  # the window's key for the submenu; it words the title (with its access key)

    def act(key: str, text: str, slot, menu: str = submenu) -> None:  # type: ignore[no-untyped-def]
        a = QAction(text, main_window)
        a.setObjectName(f"act_returns_{key}")
        a.triggered.connect(slot)
        _add(main_window, menu, a)
        actions[key] = a

    act(
        "export",
        QCoreApplication.translate("ReturnsActions", "导出周报(&E)…"),
        lambda: ExportDialog(current(), main_window).exec(),
    )
    act(
        "verify",
        QCoreApplication.translate("ReturnsActions", "校验 / 导入周报(&I)…"),
        lambda: ImportPreviewDialog(current(), None, main_window).exec(),
    )
    act(
        "bulk",
        QCoreApplication.translate("ReturnsActions", "批量导入运营商清单(&B)…"),
        lambda: BulkImportWizard(current(), main_window).exec(),
    )
    act("batches", QCoreApplication.translate("ReturnsActions", "导入批次(&P)…"), lambda: _batches(main_window, current))
    if inst.is_city:
        act(
            "status",
            QCoreApplication.translate("ReturnsActions", "报送情况(&T)"),
            lambda: main_window.show_page(RETURNS_STATUS),  # type: ignore[attr-defined]
        )
        act(
            "reference_export",
            QCoreApplication.translate("ReturnsActions", "导出参考数据（含签名密钥）(&K)…"),
            lambda: _reference_export(main_window, current()),
        )
    else:
        act(
            "reference_import",
            QCoreApplication.translate("ReturnsActions", "导入市局参考数据(&K)…"),
            lambda: _reference_import(main_window, current()),
        )
    return actions


def _batches(main_window: QMainWindow, current: Callable[[], Store]) -> None:
    from .batches_dialog import BatchesDialog

    dialog = BatchesDialog(current, main_window)
    refresh = getattr(main_window, "refresh_all", None)
    if callable(refresh):
        dialog.changed.connect(refresh)
    dialog.exec()


def _reference_export(parent: QWidget, store: Store) -> None:
    from kf5g_desktop.returns import reference

    path = save_file(
        parent,
        "reference",
        QCoreApplication.translate("ReturnsActions", "导出参考数据"),
        reference.file_name(store),
        "JSON (*.json)",
    )
    if not path:
        return
    run_job(
        parent,
        QCoreApplication.translate("ReturnsActions", "导出参考数据"),
        lambda progress: reference.export_reference(store, Path(path)),
        on_success=lambda p: message(
            parent,
            QCoreApplication.translate("ReturnsActions", "导出参考数据"),
            QCoreApplication.translate(
                "ReturnsActions", "已导出“%1”。文件含各区县签名密钥，请妥善保管。"
            ).replace("%1", str(p)),
        ),
    )


def _reference_import(parent: QWidget, store: Store) -> None:
    from kf5g_desktop.returns import reference

    path = open_file(
        parent, "reference", QCoreApplication.translate("ReturnsActions", "导入市局参考数据"), "JSON (*.json)"
    )
    if not path:
        return

    def done(res) -> None:  # type: ignore[no-untyped-def]
        text = QCoreApplication.translate("ReturnsActions", "已导入：目标 %1 项。").replace(
            "%1", str(res.targets)
        )
        text += QCoreApplication.translate("ReturnsActions", "已保存本区县签名密钥。") if res.key_kept else ""
        if res.notes:
            text += "\n" + "\n".join(res.notes)
        message(parent, QCoreApplication.translate("ReturnsActions", "导入参考数据"), text)

    run_job(
        parent,
        QCoreApplication.translate("ReturnsActions", "导入参考数据"),
        lambda progress: reference.import_reference(store, Path(path)),
        on_success=done,
    )
