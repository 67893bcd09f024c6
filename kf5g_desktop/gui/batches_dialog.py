"""导入批次: the batches (bulk imports, return imports, coordinate declarations), newest first; a
batch can be undone as one, and the coordinate system of a batch's numbers declared (GCJ-02 or
BD-09: converted to the stored WGS-84 in a batch of its own, ``Store.declare_batch_coords``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kf5g_desktop.domain import coords
from kf5g_desktop.storage.errors import Kf5gError
from kf5g_desktop.storage.store import Store

from .coord_system import _labels
from .jobs import message, show_error


class BatchesDialog(QDialog):
    """The batches as a list; 声明坐标系… and 撤销批次 act on the selected one."""

    changed = Signal()  # records were changed (the window refreshes its pages)

    def __init__(self, store: Store | Callable[[], Store], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store: Callable[[], Store] = store if callable(store) else (lambda: store)  # type: ignore[assignment]
        self.setObjectName("batches_dialog")
        self.setWindowTitle(self.tr("导入批次"))
        note = QLabel(
            self.tr(
                "批量导入和周报导入各为一个批次，可整批撤销。坐标来自高德/腾讯（GCJ-02）或百度（BD-09）"
                "而导入时按 WGS-84 读取的批次，可声明其坐标系，程序把该批次写入的坐标换算为 WGS-84（可撤销）。"
            ),
            self,
        )
        note.setWordWrap(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("批次"), self.tr("时间"), self.tr("操作人"), self.tr("内容"), self.tr("状态")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.declare_button = QPushButton(self.tr("声明坐标系(&C)…"), self)
        self.undo_button = QPushButton(self.tr("撤销批次(&U)"), self)
        for b in (self.declare_button, self.undo_button):
            b.setAutoDefault(False)
        self.declare_button.clicked.connect(self.declare)
        self.undo_button.clicked.connect(self.undo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.declare_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        lay = QVBoxLayout(self)
        lay.addWidget(note)
        lay.addWidget(self.table, 1)
        lay.addWidget(buttons)
        self.resize(900, 480)
        self.refresh()

    def refresh(self) -> None:
        self.batches = self._store().batches()
        self.table.setRowCount(len(self.batches))
        for r, b in enumerate(self.batches):
            state = self.tr("已撤销（%1）").replace("%1", f"{b.undone_at:%Y-%m-%d %H:%M}") if b.undone_at else ""
            for c, text in enumerate((str(b.id), f"{b.created_at:%Y-%m-%d %H:%M}", b.created_by, b.description, state)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        if self.batches:
            self.table.selectRow(0)
        self._update_buttons()

    def current(self):  # type: ignore[no-untyped-def]
        row = self.table.currentRow()
        return self.batches[row] if 0 <= row < len(self.batches) else None

    def _update_buttons(self) -> None:
        b = self.current()
        live = b is not None and b.undone_at is None and not self._store().readonly
        self.undo_button.setEnabled(live)
        self.declare_button.setEnabled(live and b.kind != "coords")

    def declare(self, system: str | None = None) -> None:
        b = self.current()
        if b is None:
            return
        if not system:
            labels = _labels()  # the forms' words for the systems, in the interface language
            choices = [labels[coords.GCJ02], labels[coords.BD09]]
            text, ok = QInputDialog.getItem(
                self,
                self.tr("声明坐标系"),
                self.tr("批次 %1 的经纬度原本是哪种坐标系？（换算为 WGS-84 保存）").replace("%1", str(b.id)),
                choices,
                0,
                False,
            )
            if not ok:
                return
            system = (coords.GCJ02, coords.BD09)[choices.index(text)]
        try:
            done = self._store().declare_batch_coords(b.id, system)
        except Kf5gError as exc:
            show_error(self, self.tr("声明坐标系"), exc)
            return
        text = self.tr("已换算批次 %1 的坐标：%2 条记录改为 WGS-84。").replace("%1", str(b.id)).replace(
            "%2", str(done.converted)
        )
        if done.skipped:
            text += self.tr("%1 条记录的坐标在该批次之后改过，未换算。").replace("%1", str(done.skipped))
        text += self.tr("如需撤销，在本列表中撤销批次 %1。").replace("%1", str(done.batch_id))
        self.changed.emit()
        self.refresh()
        message(self, self.tr("声明坐标系"), text)

    def undo(self) -> None:
        b = self.current()
        if b is None:
            return
        try:
            n = self._store().undo_batch(b.id)
        except Kf5gError as exc:
            show_error(self, self.tr("撤销批次"), exc)
            return
        self.changed.emit()
        self.refresh()
        message(
            self,
            self.tr("撤销批次"),
            self.tr("已撤销批次 %1（涉及 %2 条记录）。").replace("%1", str(b.id)).replace("%2", str(n)),
        )
