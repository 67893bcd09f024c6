"""Weekly return dialogs: export, and verify/import with a preview. Slow work runs through run_job."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.reports.weekly import initial_week
from kf5g_desktop.storage.store import Store

from .files import choose_folder, open_files, remember_folder, start_folder
from .jobs import message, run_job
from .returns_changes import SincePreviousView
from .week_picker import offered_weeks, week_title
from .widgets import RowsModel

_Index = QModelIndex | QPersistentModelIndex
EXPORT_FOLDER = "returns_export"  # the remembered folder of exported returns (gui/files.py)


class ExportDialog(QDialog):
    """Choose the week (and, for the city, a unit or the consolidation) and where to save."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.result_path: Path | None = None
        self.setWindowTitle(self.tr("导出周报"))
        inst = store.installation()
        form = QFormLayout()
        self.week = QComboBox(self)
        for w in offered_weeks(store):  # first record → last finished week, newest first
            self.week.addItem(week_title(w), str(w))
        self.week.setCurrentIndex(max(self.week.findData(str(initial_week(store))), 0))
        form.addRow(self.tr("统计周期"), self.week)
        self.unit = QComboBox(self)
        if inst.is_city:
            self.unit.addItem(self.tr("全市汇总（开封市）"), None)
            for u in store.units():
                self.unit.addItem(f"{u.name}({u.code})", u.code)
        else:
            u = store.unit(inst.unit_code or "")
            self.unit.addItem(f"{u.name}({u.code})", u.code)
            self.unit.setEnabled(False)
        form.addRow(self.tr("填报单位"), self.unit)
        row = QHBoxLayout()
        self.folder = QLineEdit(str(start_folder(EXPORT_FOLDER)), self)
        browse = QPushButton(self.tr("选择…"), self)
        browse.clicked.connect(self._browse)
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        form.addRow(self.tr("保存到文件夹"), row)
        self.correct = QCheckBox(self)
        self.correct.setToolTip(
            self.tr("按现在的数据生成该周周报的新版本：包含截止后补录和更正的内容，不含该周结束后发生的事。")
        )
        form.addRow("", self.correct)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("更正已截止的周报时必填，如：补录漏报基站"))
        form.addRow(self.tr("更正原因"), self.reason)
        self.week.currentIndexChanged.connect(self._week_changed)
        self.unit.currentIndexChanged.connect(self._week_changed)
        self.correct.toggled.connect(self._week_changed)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        key = store.unit_keys().get(inst.unit_code or "") if not inst.is_city else None
        self.note.setText(
            self.tr("导出的周报将用本区县密钥签名。")
            if key
            else self.tr("尚未导入市局下发的参考数据（签名密钥），周报将不签名。")
            if not inst.is_city
            else ""
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("导出"))
        self.buttons.accepted.connect(self._export)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.note)
        lay.addWidget(self.buttons)
        self.resize(520, 220)
        self._week_changed()

    def _week_changed(self) -> None:
        """The correction choice is offered only for a week whose cut-off has passed (a unit's
        installation); a past week otherwise re-exports as it stood, with no reason to give."""
        from kf5g_desktop.returns.export import can_correct

        week = self.selected_week()
        offered = can_correct(self.store, week)
        self.correct.setText(self.tr("更正第%1周报表").replace("%1", str(week.week)))
        self.correct.setVisible(offered)
        if not offered:
            self.correct.setChecked(False)
        self.reason.setEnabled(self.correct.isChecked() or self.store.week_moment(week) is None)

    def _browse(self) -> None:
        d = choose_folder(self, EXPORT_FOLDER, self.tr("保存到文件夹"), self.folder.text())
        if d:
            self.folder.setText(d)

    def selected_week(self) -> IsoWeek:
        return IsoWeek.parse(self.week.currentData())

    def _export(self) -> None:
        from kf5g_desktop.returns.export import describe, export_return

        week, unit, folder = self.selected_week(), self.unit.currentData(), Path(self.folder.text())
        reason = self.reason.text().strip() or None
        correct = self.correct.isChecked()
        if not folder.is_dir():
            QMessageBox.warning(
                self,
                self.tr("导出周报"),
                self.tr("文件夹“%1”不存在，请重新选择。").replace("%1", str(folder)),
            )
            return
        if correct and not reason:
            QMessageBox.warning(self, self.tr("导出周报"), self.tr("更正周报须填写“更正原因”，请补充。"))
            self.reason.setFocus()
            return
        remember_folder(EXPORT_FOLDER, folder)
        inst = self.store.installation()
        unit_arg = unit if inst.is_city else None

        def done(res) -> None:  # type: ignore[no-untyped-def]
            self.result_path = res.path
            self.accept()  # first, so that the message is over the main window and leaves it active
            message(self, self.tr("导出周报"), describe(res))

        run_job(
            self,
            self.tr("正在导出周报"),
            lambda progress: export_return(
                self.store, week, folder, unit_code=unit_arg, reason=reason, correct=correct
            ),
            on_success=done,
        )


# Verify / import --------------------------------------------------------------------------------------

COLUMNS = (  # translated under "ImportPreviewModel"
    QT_TRANSLATE_NOOP("ImportPreviewModel", "文件"),
    QT_TRANSLATE_NOOP("ImportPreviewModel", "区县"),
    QT_TRANSLATE_NOOP("ImportPreviewModel", "周次"),
    QT_TRANSLATE_NOOP("ImportPreviewModel", "校验"),
    QT_TRANSLATE_NOOP("ImportPreviewModel", "签名"),
    QT_TRANSLATE_NOOP("ImportPreviewModel", "新增"),
    QT_TRANSLATE_NOOP("ImportPreviewModel", "修改"),
    QT_TRANSLATE_NOOP("ImportPreviewModel", "不变"),
    QT_TRANSLATE_NOOP("ImportPreviewModel", "删除"),
)


class ImportPreviewModel(RowsModel):
    """One row per file: what verification found and what the import would change."""

    COL_FILE, COL_UNIT, COL_WEEK, COL_CHECK, COL_SIGNATURE = range(5)

    HEADERS = COLUMNS

    def header(self, section: int) -> str:
        return self.tr(self.HEADERS[section])

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        rep = self.rows[index.row()]
        res = rep.result
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return Path(rep.path).name
            if col == 1:
                return f"{res.meta.get('unit_name', '')}({res.unit_code})" if res.meta else ""
            if col == 2:
                return res.meta.get("iso_week", "")
            if col == 3:
                if rep.error:
                    return self.tr("不能导入")
                return (
                    self.tr("通过") + (self.tr("（改动后接收）") if res.modified else "")
                    if res.ok
                    else self.tr("未通过（{0} 个问题）").format(len(res.errors))
                )
            if col == 4:
                return {
                    "ok": self.tr("有效"),
                    "unsigned": self.tr("未签名"),
                    "no_key": self.tr("无密钥"),
                }.get(res.signature_status or "", "")
            if rep.plan is not None:
                from kf5g_desktop.domain.schema import STATION

                p = rep.plan.plans[STATION]
                return [len(p.new), len(p.changed), p.unchanged, len(p.removed)][col - 5]
            return ""
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return str(rep.path)
        if role == Qt.ItemDataRole.BackgroundRole and col == 3:
            return QBrush(QColor("#e8f5e9" if rep.ok else "#ffebee"))
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ImportPreviewDialog(QDialog):
    """Verify the chosen returns (every check of RETURNS.md), show every problem, then import."""

    def __init__(self, store: Store, paths: list[Path] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.paths = list(paths or [])
        self.setWindowTitle(self.tr("导入周报"))
        self.model = ImportPreviewModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.clicked.connect(self._show_messages)
        self.messages = QPlainTextEdit(self)
        self.messages.setReadOnly(True)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("仅当文件导出后被改动、且确认接收时填写原因"))
        choose = QPushButton(self.tr("选择文件…"), self)
        choose.clicked.connect(self._choose)
        recheck = QPushButton(self.tr("重新校验"), self)
        recheck.clicked.connect(self.verify)
        self.import_button = QPushButton(self.tr("导入通过校验的文件"), self)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self._import)
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(choose)
        top.addWidget(QLabel(self.tr("接收改动原因："), self))
        top.addWidget(self.reason, 1)
        top.addWidget(recheck)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.import_button)
        bottom.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.view, 1)
        lay.addWidget(QLabel(self.tr("问题与提示、与上次报表相比的变化（点击上方的文件查看）："), self))
        self.changes = SincePreviousView(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.messages, self.tr("问题与提示"))
        self.tabs.addTab(self.changes, self.changes.tab_title(None))
        lay.addWidget(self.tabs, 3)
        lay.addLayout(bottom)
        self.resize(960, 680)
        if self.paths:
            self.verify()

    def _choose(self) -> None:
        files = open_files(self, "returns_import", self.tr("选择周报文件"), self.tr("Excel 工作簿 (*.xlsx)"))
        if files:
            self.paths = [Path(f) for f in files]
            self.verify()

    def verify(self) -> None:
        from kf5g_desktop.returns.importer import import_files

        reason = self.reason.text().strip() or None
        paths = list(self.paths)
        run_job(
            self,
            self.tr("正在校验周报"),
            lambda progress: import_files(self.store, paths, accept_modified=reason, dry_run=True),
            on_success=self.set_reports,
        )

    def set_reports(self, reports: list) -> None:  # type: ignore[type-arg]
        self.model.set_rows(reports)
        self.import_button.setEnabled(any(r.ok for r in reports))
        if reports:
            self.view.selectRow(0)
            self._show_messages(self.model.index(0, 0))

    def _show_messages(self, index: QModelIndex) -> None:
        rep = self.model.rows[index.row()]
        lines = rep.result.messages()
        if rep.error:
            lines.insert(0, rep.error)
        if rep.plan is not None:
            lines.insert(0, "将要导入：" + rep.plan.describe())
        self.messages.setPlainText("\n".join(lines) or self.tr("校验通过，没有问题。"))
        since = rep.plan.since_previous if rep.plan is not None else None
        self.changes.show_changes(since)
        self.tabs.setTabText(1, self.changes.tab_title(since))

    def _import(self) -> None:
        from kf5g_desktop.returns.importer import import_files

        ok = [Path(r.path) for r in self.model.rows if r.ok]
        replace = any(
            r.plan is not None and r.plan.previous is not None and not r.plan.same_as_previous
            for r in self.model.rows
        )
        if replace:
            answer = QMessageBox.question(
                self,
                self.tr("导入周报"),
                self.tr("部分区县本周的周报已导入过且内容不同。确认用新文件替换吗？原文件保留在历史中。"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        reason = self.reason.text().strip() or None

        def done(reports) -> None:  # type: ignore[no-untyped-def]
            text = "\n".join(
                (r.outcome.message if r.outcome else f"{Path(r.path).name}:{r.error or '未导入'}")
                for r in reports
            )
            self.accept()
            message(self, self.tr("导入周报"), text)

        run_job(
            self,
            self.tr("正在导入周报"),
            # one batch: one backup, each file let go once written (only its message is shown)
            lambda progress: import_files(
                self.store, ok, accept_modified=reason, replace_confirmed=replace, release=True
            ),
            on_success=done,
        )
