"""Bulk-import wizard for operators' lists: file → column mapping → preview (dry run) → import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from kf5g_desktop.domain import coords
from kf5g_desktop.domain.schema import FIELD_BY_NAME, POLE, REF, STATION, VENUE
from kf5g_desktop.returns import bulk, bulk_table
from kf5g_desktop.storage.store import Store

from .coord_system import coord_system_combo
from .files import open_file
from .jobs import run_job
from .widgets import RowsModel

_Index = QModelIndex | QPersistentModelIndex
REGISTER_TITLES = (  # translated under "BulkImportWizard"
    (STATION, QT_TRANSLATE_NOOP("BulkImportWizard", "基站")),
    (VENUE, QT_TRANSLATE_NOOP("BulkImportWizard", "免费开放场所")),
    (POLE, QT_TRANSLATE_NOOP("BulkImportWizard", "杆塔共享")),
)
STATE_COLORS = {
    bulk.NEW: "#e3f2fd",
    bulk.CHANGED: "#fff8e1",
    bulk.UNCHANGED: "#ffffff",
    bulk.CONFLICT: "#ffe0b2",
    bulk.ERROR: "#ffcdd2",
}


class BulkPreviewModel(RowsModel):
    """Every row of the file: state, key, what changes, problems."""

    HEADERS = (  # translated under "BulkPreviewModel"
        QT_TRANSLATE_NOOP("BulkPreviewModel", "行号"),
        QT_TRANSLATE_NOOP("BulkPreviewModel", "结果"),
        QT_TRANSLATE_NOOP("BulkPreviewModel", "记录"),
        QT_TRANSLATE_NOOP("BulkPreviewModel", "变化 / 问题"),
    )

    rows: list[bulk.PreviewRow]

    def header(self, section: int) -> str:
        return self.tr(self.HEADERS[section])

    def set_preview(self, pv: bulk.Preview | None) -> None:
        # Problems first, so a person sees what to fix without scrolling 10,000 rows.
        order = {bulk.ERROR: 0, bulk.CONFLICT: 1, bulk.CHANGED: 2, bulk.NEW: 3, bulk.UNCHANGED: 4}
        self.set_rows(sorted(pv.rows, key=lambda r: (order[r.state], r.row)) if pv else [])

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return r.row
            if col == 1:
                return bulk.STATE_LABELS[r.state]
            if col == 2:
                rec = r.record
                if rec is None:
                    return ""
                code = (
                    getattr(rec, "station_code", None)
                    or getattr(rec, "venue_code", None)
                    or getattr(rec, "pole_code", None)
                )
                return f"{code or ''} {rec.name}".strip()
            if r.problems:
                return ";".join(f"{p.column + ':' if p.column else ''}{p.message}" for p in r.problems)
            if r.changes:
                return ";".join(f"{label}:{old or '(空)'} → {new or '(空)'}" for label, old, new in r.changes)
            return ";".join(p.message for p in r.warnings)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(STATE_COLORS[r.state]))
        if role == Qt.ItemDataRole.ToolTipRole and col >= 2:
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        return None


class _FilePage(QWizardPage):
    def __init__(self, wizard: BulkImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("选择运营商清单"))
        self.setSubTitle(
            self.tr("支持 .xlsx、.xls、.ods、.xlsb 和 .csv；列的顺序不限，下一步会自动识别表头。")
        )
        self.path = QLineEdit(self)
        browse = QPushButton(self.tr("浏览…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.register = QComboBox(self)
        for kind, title in REGISTER_TITLES:
            self.register.addItem(QCoreApplication.translate("BulkImportWizard", title), kind)
        self.unit = QComboBox(self)
        self.unit.addItem(self.tr("（按文件中的区县列）"), None)
        for u in wizard.store.units():
            self.unit.addItem(f"{u.name}({u.code})", u.code)
        inst = wizard.store.installation()
        if inst.configured and not inst.is_city:
            self.unit.setCurrentIndex(self.unit.findData(inst.unit_code))
        form = QFormLayout(self)
        form.addRow(self.tr("文件"), row)
        form.addRow(self.tr("导入到"), self.register)
        form.addRow(self.tr("默认区县"), self.unit)
        self.path.textChanged.connect(self.completeChanged)

    def _browse(self) -> None:
        f = open_file(
            self,
            "bulk_import",
            self.tr("选择运营商清单"),
            self.tr("表格 (*.xlsx *.xls *.ods *.xlsb *.csv *.txt)"),
        )
        if f:
            self.path.setText(f)

    def isComplete(self) -> bool:
        return Path(self.path.text()).is_file()

    def validatePage(self) -> bool:
        try:
            self.w.table = bulk_table.read_table(self.path.text(), kind=self.register.currentData())
        except bulk_table.BulkImportError as exc:
            QMessageBox.warning(self, self.tr("批量导入"), str(exc))
            return False
        self.w.kind = self.register.currentData()
        self.w.default_unit = self.unit.currentData()
        return True


class _MappingPage(QWizardPage):
    def __init__(self, wizard: BulkImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("核对列的对应关系"))
        self.setSubTitle(self.tr("已按表头自动识别；如有不对，请在右侧选择文件中的列。"))
        self.table = QTableWidget(self)
        self.table.setColumnCount(2)
        self.table.setHorizontalHeaderLabels([self.tr("字段"), self.tr("文件中的列")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.save = QCheckBox(self.tr("保存此对应关系，下次自动使用"), self)
        self.header_row = QSpinBox(self)
        self.header_row.setRange(1, 1_048_576)
        self.header_row.setToolTip(self.tr("自动识别不对时，指定表头所在的行（文件中的行号）"))
        self.header_note = QLabel(self)
        self.header_note.setWordWrap(True)
        apply = QPushButton(self.tr("按此行重新读取"), self)
        apply.clicked.connect(self._reread)
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("表头所在行"), self))
        head.addWidget(self.header_row)
        head.addWidget(apply)
        head.addWidget(self.header_note, 1)
        self.coord_system = coord_system_combo(self)
        system_row = QHBoxLayout()
        system_row.addWidget(QLabel(self.tr("经纬度的坐标系"), self))
        system_row.addWidget(self.coord_system)
        system_row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addLayout(head)
        lay.addWidget(self.table)
        lay.addLayout(system_row)
        lay.addWidget(self.save)
        self.combos: dict[str, QComboBox] = {}

    def initializePage(self) -> None:
        self._fill()

    def _reread(self) -> None:
        """Read the same rows again with the header in the chosen row."""
        t = self.w.table
        if t is None:
            return
        try:
            self.w.table = bulk_table.with_header_row(t, self.header_row.value(), kind=self.w.kind)
        except bulk_table.BulkImportError as exc:
            self.header_note.setText(str(exc))
            return
        self._fill()

    def _fill(self) -> None:
        t, kind = self.w.table, self.w.kind
        assert t is not None
        self.header_row.setValue(t.header_row)
        rows = "、".join(str(r) for r in t.header_rows)
        note = self.tr("表头：第 %1 行，其下 %2 行数据。").replace("%1", rows).replace("%2", str(len(t.rows)))
        if t.guessed:
            note += self.tr("（自动识别）")
        self.header_note.setText(note)
        mapping = bulk.guess_mapping(kind, t.headers, bulk.saved_mapping(self.w.store, kind))
        saved_system = bulk.saved_coord_system(self.w.store, kind)
        self.coord_system.setCurrentIndex(max(self.coord_system.findData(saved_system), 0))
        fields = [f for f, spec in FIELD_BY_NAME[kind].items() if spec.kind != REF or kind == STATION]
        self.table.setRowCount(len(fields))
        self.combos = {}
        for r, fld in enumerate(fields):
            spec = FIELD_BY_NAME[kind][fld]
            label = spec.label + (" *" if fld in bulk.REQUIRED[kind] else "")
            self.table.setCellWidget(r, 0, QLabel(label, self))
            combo = QComboBox(self)
            combo.addItem(self.tr("（不导入）"), -1)
            for i, h in enumerate(t.headers):
                if h:
                    combo.addItem(h, i)
            if fld in mapping:
                combo.setCurrentIndex(combo.findData(mapping[fld]))
            self.table.setCellWidget(r, 1, combo)
            self.combos[fld] = combo

    def mapping(self) -> dict[str, int]:
        return {
            f: c.currentData()
            for f, c in self.combos.items()
            if c.currentData() is not None and c.currentData() >= 0
        }

    def validatePage(self) -> bool:
        self.w.mapping = self.mapping()
        self.w.coord_system = self.coord_system.currentData()
        if self.save.isChecked() and self.w.table is not None:
            bulk.save_mapping(
                self.w.store, self.w.kind, self.w.table.headers, self.w.mapping, self.w.coord_system
            )
        return True


class _PreviewPage(QWizardPage):
    def __init__(self, wizard: BulkImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("预览（试导入，尚未写入）"))
        self.model = BulkPreviewModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.view.setColumnWidth(0, 60)
        self.view.setColumnWidth(1, 70)
        self.view.setColumnWidth(2, 260)
        self.view.setWordWrap(False)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.view)

    def initializePage(self) -> None:
        self.w.preview = None
        self.model.set_preview(None)
        self.summary.setText(self.tr("正在检查……"))
        t, kind, mapping, unit = self.w.table, self.w.kind, self.w.mapping, self.w.default_unit
        system = self.w.coord_system

        def work(progress):  # type: ignore[no-untyped-def]
            return bulk.preview(
                self.w.store,
                t,  # type: ignore[arg-type]
                kind,
                mapping,
                default_unit=unit,
                progress=progress,
                coord_system=system,
            )

        def fail(exc: BaseException) -> None:
            self.summary.setText(str(exc))

        run_job(self, self.tr("正在检查清单"), work, on_success=self.set_preview, on_error=fail)

    def set_preview(self, pv: bulk.Preview) -> None:
        self.w.preview = pv
        self.model.set_preview(pv)
        text = self.tr("共 %1 行：%2。").replace("%1", str(len(pv.rows))).replace("%2", pv.summary())
        if not pv.ok:
            text += self.tr("有错误或冲突的行必须先在文件中改正，全部通过后才能导入（不会只导入一部分）。")
        else:
            text += self.tr("点击“导入”写入数据库（导入前自动备份，之后可整批撤销）。")
        self.summary.setText(text)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.w.preview is not None and self.w.preview.ok

    def validatePage(self) -> bool:
        pv = self.w.preview
        if pv is None:
            return False
        try:
            self.w.batch_id = bulk.commit(self.w.store, pv)
        except Exception as exc:
            QMessageBox.warning(self, self.tr("批量导入"), str(exc))
            return False
        QMessageBox.information(
            self,
            self.tr("批量导入"),
            self.tr("已导入（批次 %1）。如需撤销，可在“导入批次”中撤销整批。").replace(
                "%1", str(self.w.batch_id)
            ),
        )
        return True


class BulkImportWizard(QWizard):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.table: bulk_table.Table | None = None
        self.kind = STATION
        self.default_unit: str | None = None
        self.mapping: dict[str, int] = {}
        self.coord_system = coords.WGS84  # what the list's coordinates are in (stored: WGS-84)
        self.preview: bulk.Preview | None = None
        self.batch_id: int | None = None
        self.setWindowTitle(self.tr("批量导入运营商清单"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.file_page = _FilePage(self)
        self.mapping_page = _MappingPage(self)
        self.preview_page = _PreviewPage(self)
        for p in (self.file_page, self.mapping_page, self.preview_page):
            self.addPage(p)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("导入"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("下一步"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("上一步"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("取消"))
        self.resize(900, 620)
