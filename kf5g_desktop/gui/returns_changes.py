"""The city's import preview, per unit file: what the unit changed since its previous accepted
submission (``returns.importer.SincePrevious``), as a summary line and a table of records
(新增 / 修改 with old → new per field / 删除)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from kf5g_desktop.returns.importer import SincePrevious

from .widgets import RowsModel, dtr, dtr_multi

_Index = QModelIndex | QPersistentModelIndex

HEADERS = (  # translated under "SincePreviousModel"
    QT_TRANSLATE_NOOP("SincePreviousModel", "变化"),
    QT_TRANSLATE_NOOP("SincePreviousModel", "类型"),
    QT_TRANSLATE_NOOP("SincePreviousModel", "记录"),
    QT_TRANSLATE_NOOP("SincePreviousModel", "字段"),
    QT_TRANSLATE_NOOP("SincePreviousModel", "原值"),
    QT_TRANSLATE_NOOP("SincePreviousModel", "新值"),
)
ACTIONS = {
    "new": QT_TRANSLATE_NOOP("SincePreviousModel", "新增"),
    "changed": QT_TRANSLATE_NOOP("SincePreviousModel", "修改"),
    "removed": QT_TRANSLATE_NOOP("SincePreviousModel", "删除"),
}
KIND_TITLES = {
    "station": QT_TRANSLATE_NOOP("SincePreviousModel", "基站"),
    "venue": QT_TRANSLATE_NOOP("SincePreviousModel", "场所"),
    "pole": QT_TRANSLATE_NOOP("SincePreviousModel", "杆塔"),
}
COLOURS = {"new": "#e8f5e9", "changed": "#fff8e1", "removed": "#ffebee"}
MAX_ROWS = 2000  # the preview lists this many lines; the counts above it are complete


def _tr(text: str) -> str:
    return QCoreApplication.translate("SincePreviousModel", text)


def rows_of(since: SincePrevious) -> list[tuple[str, str, str, str, str, str]]:
    """(action, kind, key, field, old, new): one line per new or removed record, one per changed field."""
    out: list[tuple[str, str, str, str, str, str]] = []
    for d in since.new:
        out.append(("new", d.kind, d.key, "", "", ""))
    for d in since.changed:
        for f in d.fields:
            out.append(("changed", d.kind, d.key, f.label, f.old_text, f.new_text))
    for d in since.removed:
        out.append(("removed", d.kind, d.key, "", "", ""))
    return out[:MAX_ROWS]


class SincePreviousModel(RowsModel):
    HEADERS = HEADERS

    def header(self, section: int) -> str:
        return _tr(self.HEADERS[section])

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return _tr(ACTIONS[row[0]])
            if col == 1:
                return _tr(KIND_TITLES[row[1]])
            if col == 3:
                return dtr(row[3])
            if col in (4, 5):
                return dtr_multi(row[col])
            return row[col]
        if role == Qt.ItemDataRole.BackgroundRole and col == 0:
            return QBrush(QColor(COLOURS[row[0]]))
        return None


class SincePreviousView(QWidget):
    """The summary line and the table of one file's changes since the unit's previous submission."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.model = SincePreviousModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.summary)
        lay.addWidget(self.view, 1)
        self.show_changes(None)

    def show_changes(self, since: SincePrevious | None) -> None:
        if since is None:
            self.summary.setText(self.tr("文件未通过校验，无法比较。"))
            self.model.set_rows([])
            return
        counts = self.tr("新增 {0} 条，修改 {1} 条，删除 {2} 条。").format(
            len(since.new), len(since.changed), len(since.removed)
        )
        if since.submission is None or since.moment is None:
            head = self.tr("该区县此前没有已接收的周报，文件中的记录都是新增：")
        else:
            head = self.tr("与该区县上次接收的 {0} 周报（第{1}版，{2} 导入）相比：").format(
                since.submission.iso_week, since.submission.version, f"{since.moment:%Y-%m-%d %H:%M}"
            )
        self.summary.setText(head + counts)
        self.model.set_rows(rows_of(since))

    def tab_title(self, since: SincePrevious | None) -> str:
        """The title of the tab that shows this view: with the number of records changed."""
        if since is None:
            return self.tr("与上次报表相比")
        n = len(since.new) + len(since.changed) + len(since.removed)
        return self.tr("与上次报表相比（{0}）").format(n)
