"""The 周报 dialog: choose week, scope and counting rule, write the week's problems, then preview,
print or save the report as PDF. ``ReportActions`` puts it into the 报表 menu
(``install_report_actions``). ``preview_report``, ``print_report`` and ``save_report_pdf`` gather the
figures in a background job (``run_job``) and then paint on the GUI thread."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.domain.targets import COUNTING_RULES, DEFAULT_COUNTING_RULE
from kf5g_desktop.domain.units import CITY_CODE, scope_of
from kf5g_desktop.domain.values import WeekNote
from kf5g_desktop.reports.weekly import ReportData, gather, initial_week

from .files import save_file
from .jobs import message, run_job
from .report_document import ReportDocument, new_printer
from .report_html import tr
from .report_pdf import write_report_pdf
from .week_picker import WeekPicker, week_basis_note
from .widgets import dtr


class ReportDialog(QDialog):
    def __init__(
        self,
        store: Any,
        parent: QWidget | None = None,
        week: IsoWeek | None = None,
        unit_code: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("周报"))
        self.resize(640, 520)
        inst = store.installation()
        self.week_picker = WeekPicker(week or initial_week(store), self)
        self.scope = QComboBox(self)
        if inst.is_city or not inst.configured:
            self.scope.addItem(self.tr("全市汇总（市级版）"), CITY_CODE)
        for u in store.units():
            if inst.is_city or not inst.configured or u.code == inst.unit_code:
                self.scope.addItem(f"{u.name}({u.code})", u.code)
        wanted = unit_code or inst.scope_code
        idx = self.scope.findData(wanted)
        self.scope.setCurrentIndex(max(idx, 0))
        self.rule = QComboBox(self)
        for code, (label, _types) in COUNTING_RULES.items():
            self.rule.addItem(dtr(label), code)
        self.rule.setCurrentIndex(self.rule.findData(DEFAULT_COUNTING_RULE))
        self.rule.setToolTip(self.tr("哪些类型的基站计入“基站数”和目标完成率；补助按全部已开通SA基站计"))

        form = QFormLayout()
        form.addRow(self.tr("周次："), self.week_picker)
        self.basis_note = QLabel(self)  # what the week's report is made from (its cut-off or now)
        self.basis_note.setObjectName("basisNote")
        self.basis_note.setStyleSheet("color: #607d8b;")
        form.addRow("", self.basis_note)
        form.addRow(self.tr("报表范围："), self.scope)
        form.addRow(self.tr("统计口径："), self.rule)

        box = QGroupBox(self.tr("本周存在问题（打印在周报中）"), self)
        self.problems = QPlainTextEdit(box)
        self.problems.setPlaceholderText(self.tr("逐条填写本周工作中存在的问题和需要协调的事项，如：\n1. ……"))
        self.reviewer = QLineEdit(box)
        self.reviewer.setPlaceholderText(self.tr("审核人姓名"))
        self.save_button = QPushButton(self.tr("保存问题"), box)
        self.saved_label = QLabel(box)
        b = QVBoxLayout(box)
        b.addWidget(self.problems)
        rf = QFormLayout()
        rf.addRow(self.tr("审核人："), self.reviewer)
        b.addLayout(rf)
        b.addWidget(self.save_button)
        b.addWidget(self.saved_label)

        self.buttons = QDialogButtonBox(self)
        self.preview_button = self.buttons.addButton(
            self.tr("打印预览…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.print_button = self.buttons.addButton(self.tr("打印…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.pdf_button = self.buttons.addButton(
            self.tr("另存为PDF…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(box, 1)
        lay.addWidget(self.buttons)

        self.week_picker.weekChanged.connect(lambda _w: self._switch())
        self.scope.currentIndexChanged.connect(lambda _i: self._switch())
        self.save_button.clicked.connect(self.save_note)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_)
        self.pdf_button.clicked.connect(self.save_pdf)
        self._note_key: tuple[str, str] | None = None
        self._loaded: tuple[str, str] = ("", "")
        self._load_note()

    # The week's problems text ------------------------------------------------------------------

    def note_unit(self) -> str:
        return str(self.scope.currentData())

    def unit_code(self) -> str | None:
        return scope_of(self.note_unit())

    def week(self) -> IsoWeek:
        return self.week_picker.week()

    def counting_rule(self) -> str:
        return str(self.rule.currentData())

    def _load_note(self) -> None:
        self.basis_note.setText(week_basis_note(self.store, self.week(), self.unit_code()))
        note = self.store.week_note(self.note_unit(), self.week())
        self._note_key = (self.note_unit(), str(self.week()))
        self.problems.setPlainText(note.problems)
        self.reviewer.setText(note.reviewer or self.store.installation().reviewer)
        self._loaded = (self.problems.toPlainText(), self.reviewer.text())
        self.saved_label.setText("")

    def _switch(self) -> None:
        self.save_note(quiet=True)
        self._load_note()

    def note_modified(self) -> bool:
        return (self.problems.toPlainText(), self.reviewer.text()) != self._loaded

    def save_note(self, quiet: bool = False) -> None:
        if self._note_key is None or (quiet and not self.note_modified()):
            return
        if self.store.readonly:
            if not quiet:
                QMessageBox.information(
                    self, self.tr("周报"), self.tr("数据库以只读方式打开，问题文本无法保存。")
                )
            return
        unit, week = self._note_key
        self.store.save_week_note(
            WeekNote(unit, week, self.problems.toPlainText().strip(), self.reviewer.text().strip() or None)
        )
        self._loaded = (self.problems.toPlainText(), self.reviewer.text())
        self.saved_label.setText(self.tr("已保存 {week} 的问题。").format(week=week))

    # Output ---------------------------------------------------------------------------------------

    def preview(self) -> None:
        self.save_note(quiet=True)
        preview_report(self, self.store, self.week(), self.unit_code(), self.counting_rule())

    def print_(self) -> None:
        self.save_note(quiet=True)
        print_report(self, self.store, self.week(), self.unit_code(), self.counting_rule())

    def default_pdf_name(self) -> str:
        name = re.split(r"[（(]", self.scope.currentText())[0]
        return f"{name}5G周报_{self.week().compact}.pdf"

    def save_pdf(self) -> None:
        self.save_note(quiet=True)
        path = save_file(
            self, "report_pdf", self.tr("周报另存为PDF"), self.default_pdf_name(), self.tr("PDF 文件 (*.pdf)")
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"

        def done(pages: int) -> None:
            message(
                self, self.tr("周报"), self.tr("已保存周报（共 {n} 页）：\n{path}").format(n=pages, path=path)
            )

        save_report_pdf(self, self.store, self.week(), self.unit_code(), self.counting_rule(), path, done)

    def done(self, result: int) -> None:  # closing keeps what was typed
        self.save_note(quiet=True)
        super().done(result)


class ReportActions:
    """The 周报 entries of the 报表 menu."""

    def __init__(self, main_window: QWidget, store: Any) -> None:
        self.window = main_window
        self._store = store
        self.report_action = QAction(
            QCoreApplication.translate("ReportActions", "周报（预览、打印、另存为PDF）(&W)…"), main_window
        )
        self.report_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.report_action.setStatusTip(
            QCoreApplication.translate("ReportActions", "选择周次，预览并打印周报或保存为PDF")
        )
        self.report_action.triggered.connect(lambda: self.open_dialog())
        self.problems_action = QAction(
            QCoreApplication.translate("ReportActions", "填写本周存在问题(&P)…"), main_window
        )
        self.problems_action.triggered.connect(lambda: self.open_dialog(focus_problems=True))

    @property
    def store(self) -> Any:
        """The window's current store (it changes when a backup is restored)."""
        return getattr(self.window, "store", None) or self._store

    def install(self, menu: QMenu) -> list[QAction]:
        actions = [self.report_action, self.problems_action]
        menu.addActions(actions)
        return actions

    def open_dialog(self, week: IsoWeek | None = None, focus_problems: bool = False) -> ReportDialog:
        dlg = ReportDialog(self.store, self.window, week)
        if focus_problems:
            dlg.problems.setFocus()
        dlg.open()
        return dlg


# Entry points ------------------------------------------------------------------------------------


def _gather_then(
    parent: QWidget | None,
    store: Any,
    week: IsoWeek,
    unit_code: str | None,
    rule: str,
    done: Callable[[ReportData], None],
) -> None:
    """Gather the report's data in a background job, then ``done(data)`` on the GUI thread."""
    run_job(
        parent, tr("正在生成周报"), lambda progress: gather(store, week, unit_code, rule), on_success=done
    )


def preview_report(
    parent: QWidget | None,
    store: Any,
    week: IsoWeek,
    unit_code: str | None,
    rule: str = DEFAULT_COUNTING_RULE,
    *,
    exec_dialog: bool = True,
) -> QPrintPreviewDialog | None:
    """Gather the figures off the GUI thread, then open the print preview (print / PDF from there)."""
    holder: dict[str, QPrintPreviewDialog] = {}

    def done(data: ReportData) -> None:
        report = ReportDocument(data)
        printer = new_printer()
        dlg = QPrintPreviewDialog(printer, parent)
        dlg.setWindowTitle(tr("周报打印预览 — ") + report.title)
        dlg.paintRequested.connect(report.paint)
        # The dialog only points at the printer and the document: keep both alive with it.
        dlg._report = report  # type: ignore[attr-defined]
        dlg._printer = printer  # type: ignore[attr-defined]
        holder["dlg"] = dlg
        if exec_dialog:
            dlg.exec()
        else:
            dlg.show()

    _gather_then(parent, store, week, unit_code, rule, done)
    return holder.get("dlg")


def print_report(
    parent: QWidget | None,
    store: Any,
    week: IsoWeek,
    unit_code: str | None,
    rule: str = DEFAULT_COUNTING_RULE,
) -> None:
    def done(data: ReportData) -> None:
        report = ReportDocument(data)
        printer = new_printer()
        dlg = QPrintDialog(printer, parent)
        dlg.setWindowTitle(tr("打印周报"))
        if dlg.exec() == QPrintDialog.DialogCode.Accepted:
            report.paint(printer)

    _gather_then(parent, store, week, unit_code, rule, done)


def save_report_pdf(
    parent: QWidget | None,
    store: Any,
    week: IsoWeek,
    unit_code: str | None,
    rule: str,
    path: Path | str,
    on_done: Callable[[int], None] | None = None,
) -> None:
    """Gather off the GUI thread, then write the PDF (painting stays on the GUI thread)."""

    def done(data: ReportData) -> None:
        pages = write_report_pdf(data, path)
        if on_done is not None:
            on_done(pages)

    _gather_then(parent, store, week, unit_code, rule, done)


def install_report_actions(main_window: Any, store: Any) -> list[QAction]:
    """Add the 周报 actions (preview/print, save as PDF, problems text) to ``main_window.menu_reports``."""
    actions = ReportActions(main_window, store)
    main_window._report_actions = actions  # keep alive
    return actions.install(main_window.menu_reports)
