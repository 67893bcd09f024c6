"""The other pages of the main window: approvals, recycle bin, audit log; the history dialog."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kf5g_desktop.domain.schema import STATION
from kf5g_desktop.storage.store import Store

from .register import SEARCH_DEBOUNCE_MS, ColumnFitter, make_table_view, open_on_enter_and_double_click
from .table_models import (
    ApprovalsTableModel,
    AuditLogModel,
    ListTableModel,
    recycle_columns,
)
from .widgets import LazyPage, MultiSelectButton


class _SearchBar(QHBoxLayout):
    def __init__(self, owner: QWidget, placeholder: str, on_change: object) -> None:
        super().__init__()
        self.edit = QLineEdit(owner)
        self.edit.setObjectName("search")
        self.edit.setClearButtonEnabled(True)
        self.edit.setPlaceholderText(placeholder)
        self.addWidget(self.edit, 2)
        self.timer = QTimer(owner)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DEBOUNCE_MS)
        self.timer.timeout.connect(on_change)
        self.edit.textChanged.connect(lambda _t: self.timer.start())


class _SearchPage(LazyPage, QWidget):
    """A page with a search box, a paged model and ``refresh``."""

    search: QLineEdit
    model: ApprovalsTableModel | AuditLogModel
    store: Store

    def refresh(self) -> None:
        raise NotImplementedError

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def set_store(self, store: Store) -> None:
        self.store = self.model.store = store
        self.refresh()

    def current_ref(self) -> tuple[str, int] | None:
        raise NotImplementedError

    def open_current(self) -> None:
        ref = self.current_ref()
        if ref is not None:
            self.openRequested.emit(*ref)  # type: ignore[attr-defined]

    def _current(self) -> object:
        idx = self.view.currentIndex()  # type: ignore[attr-defined]
        return self.model.record(idx.row()) if idx.isValid() else None


class ApprovalsPage(_SearchPage):
    """Every approval item with waiting days; Enter, double-click or 打开 opens the station."""

    openRequested = Signal(str, int)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.model = ApprovalsTableModel(store, self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        bar = _SearchBar(self, self.tr("搜索基站编码或名称（Ctrl+F）"), self.refresh)
        self.search = bar.edit
        self.units = MultiSelectButton(self.tr("区县"), [(u.code, u.name) for u in store.units()], self)
        self.units.changed.connect(self.refresh)
        bar.addWidget(self.units)
        self.waiting = QCheckBox(self.tr("只看等待中"), self)
        self.waiting.toggled.connect(self.refresh)
        bar.addWidget(self.waiting)
        self.over30 = QCheckBox(self.tr("只看超过30天"), self)
        self.over30.toggled.connect(self.refresh)
        bar.addWidget(self.over30)
        bar.addStretch(1)
        lay.addLayout(bar)
        self.view = make_table_view(self)
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(len(self.model.columns) - 1, self.model_sort_order())
        open_on_enter_and_double_click(self.view, self.open_current)
        self.fitter = ColumnFitter(self.view, ("station_name",), "page/approvals", keep_state=True)
        lay.addWidget(self.view, 1)
        self.count_label = QLabel(self)
        lay.addWidget(self.count_label)
        self.model.modelReset.connect(
            lambda: self.count_label.setText(self.tr("共 {0} 项").format(self.model.total))
        )

    @staticmethod
    def model_sort_order() -> object:
        from PySide6.QtCore import Qt

        return Qt.SortOrder.DescendingOrder

    def refresh(self) -> None:
        self._loaded = True
        self.model.search = self.search.text().strip()
        self.model.unit_codes = self.units.selected()
        self.model.waiting_only = self.waiting.isChecked()
        self.model.min_days = 31 if self.over30.isChecked() else None
        self.model.reload()

    def current_ref(self) -> tuple[str, int] | None:
        rec = self._current()
        return None if rec is None else (STATION, rec.station_id)  # type: ignore[attr-defined]


class RecycleBinPage(LazyPage, QWidget):
    """Deleted records: restore (undoable) or delete for good after confirmation."""

    restoreRequested = Signal(str, int)
    purgeRequested = Signal(str, int)
    historyRequested = Signal(str, int)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.model = ListTableModel(recycle_columns(store), parent=self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        intro = QLabel(
            self.tr("删除的记录先放在回收站，可以恢复；彻底删除后不能恢复（操作日志仍保留）。"), self
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.view = make_table_view(self)
        self.view.setModel(self.model)
        # Opening a deleted record shows its history (what it held, who deleted it); 恢复 restores.
        open_on_enter_and_double_click(self.view, self.open_current)
        self.fitter = ColumnFitter(self.view, ("key",), "page/recycle", keep_state=True)
        lay.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.count_label = QLabel(self)
        row.addWidget(self.count_label)
        row.addStretch(1)
        self.history_button = QPushButton(self.tr("历史…"), self)
        self.history_button.clicked.connect(self._history)
        self.restore_button = QPushButton(self.tr("恢复"), self)
        self.restore_button.setObjectName("restore")
        self.restore_button.clicked.connect(self.restore_current)
        self.purge_button = QPushButton(self.tr("彻底删除…"), self)
        self.purge_button.clicked.connect(self._purge)
        for b in (self.history_button, self.restore_button, self.purge_button):
            row.addWidget(b)
        lay.addLayout(row)
        self._readonly = store.readonly
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def _update_buttons(self) -> None:
        """The buttons act on the selected record: off in an empty bin or without a selection."""
        has = self._current() is not None
        self.history_button.setEnabled(has)
        self.restore_button.setEnabled(has and not self._readonly)
        self.purge_button.setEnabled(has and not self._readonly)

    def refresh(self) -> None:
        self._loaded = True
        items = self.store.recycle_bin()
        self.model.set_rows(items)
        self.count_label.setText(self.tr("回收站中共 {0} 条").format(len(items)))

    def _current(self) -> object:
        idx = self.view.currentIndex()
        return self.model.record(idx.row()) if idx.isValid() else None

    def current_ref(self) -> tuple[str, int] | None:
        item = self._current()
        return None if item is None else (item.kind, item.id)  # type: ignore[attr-defined]

    def open_current(self) -> None:
        self._history()

    def restore_current(self) -> None:
        item = self._current()
        if item is not None and not self.store.readonly:
            self.restoreRequested.emit(item.kind, item.id)  # type: ignore[attr-defined]

    def _purge(self) -> None:
        item = self._current()
        if item is not None and not self.store.readonly:
            self.purgeRequested.emit(item.kind, item.id)  # type: ignore[attr-defined]

    def _history(self) -> None:
        item = self._current()
        if item is not None:
            self.historyRequested.emit(item.kind, item.id)  # type: ignore[attr-defined]

    def set_store(self, store: Store) -> None:
        self.store = store
        self.model.columns = recycle_columns(store)
        self.refresh()

    def set_readonly(self, readonly: bool) -> None:
        self._readonly = readonly
        self._update_buttons()


class AuditLogPage(_SearchPage):
    """The whole audit log, newest first, paged from SQL; opening a row opens its record."""

    openRequested = Signal(str, int)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.model = AuditLogModel(store, self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        bar = _SearchBar(self, self.tr("按记录搜索，如基站编码或名称（Ctrl+F）"), self.refresh)
        self.search = bar.edit
        lay.addLayout(bar)
        self.view = make_table_view(self)
        self.view.setModel(self.model)
        open_on_enter_and_double_click(self.view, self.open_current)
        self.fitter = ColumnFitter(self.view, ("key",), "page/audit", keep_state=True)
        lay.addWidget(self.view, 1)
        self.count_label = QLabel(self)
        lay.addWidget(self.count_label)
        self.model.modelReset.connect(
            lambda: self.count_label.setText(self.tr("共 {0} 条操作记录").format(self.model.total))
        )

    def refresh(self) -> None:
        self._loaded = True
        self.model.search = self.search.text().strip()
        self.model.reload()

    def current_ref(self) -> tuple[str, int] | None:
        entry = self._current()
        return None if entry is None else (entry.table_name, entry.record_id)  # type: ignore[attr-defined]


from .record_history import HistoryDialog  # noqa: E402  (the history dialog, with its versions)

__all__ = ["ApprovalsPage", "AuditLogPage", "HistoryDialog", "RecycleBinPage"]
