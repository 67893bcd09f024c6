"""A register list (stations, venues or poles): search as you type, filters, column chooser,
paged SQL model; double-click or Enter opens the record. Also the picker dialog used by forms."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kf5g_desktop.domain import codes
from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.domain.schema import POLE, STATION, VENUE
from kf5g_desktop.domain.values import ListQuery
from kf5g_desktop.reports.weekly import initial_week
from kf5g_desktop.storage.store import Store

from .table_models import DEFAULT_VISIBLE, RecordTableModel
from .week_picker import MomentPicker, week_title
from .widgets import DateValidator, FlowLayout, LazyPage, MultiSelectButton, dtr, text_to_date

SEARCH_DEBOUNCE_MS = 150
DEFAULT_WIDTHS = {
    "unit_code": 80,
    "station_code": 130,
    "venue_code": 130,
    "pole_code": 130,
    "name": 230,
    "address": 260,
    "owner": 160,
    "township_code": 100,
    "resources": 160,
    "sharing_operators": 150,
    "operators_entered": 150,
    "tower_site_code": 150,
    "updated_at": 130,
    "notes": 200,
}


def make_table_view(parent: QWidget | None = None) -> QTableView:
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setDefaultSectionSize(24)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(False)  # ColumnFitter widens a text column instead
    return view


MAX_FITTED_WIDTH = 360  # a column sized to its content is never wider than this
FIT_SAMPLE_ROWS = 60  # rows a column fit looks at (the first screen and a margin)
TEXT_COLUMN_FLOOR = 120  # the stretched text column is never narrower (its tooltip has the text)


class ColumnFitter(QObject):
    """Sizes a list's columns to their content (the header text at least) when it first has rows
    to show, and gives the spare width to a text column (name, record, address) rather than to
    the last one, which is often a number. Once the user drags a column, their widths win: the
    choice is remembered (``<settings_key>/user_widths``) and nothing is fitted any more."""

    def __init__(
        self,
        view: QTableView,
        stretch: Sequence[str],
        settings_key: str | None = None,
        *,
        keep_state: bool = False,
    ) -> None:
        """``keep_state``: the fitter itself saves and restores the header (pages that do not)."""
        super().__init__(view)
        self.view = view
        self.stretch = tuple(stretch)
        self.settings_key = settings_key
        self.keep_state = keep_state and bool(settings_key)
        self.user = bool(settings_key) and QSettings().value(f"{settings_key}/user_widths") == "1"
        if self.user and self.keep_state:
            state = QSettings().value(f"{settings_key}/header")
            if state is not None:
                view.horizontalHeader().restoreState(state)
            else:
                self.user = False
        self._busy = False
        self._fitted_rows = -1  # rows the last fit saw (-1: never fitted)
        self._base: dict[int, int] = {}
        # Fitting looks at this many rows per column, not at every loaded row: on a page of 200 rows
        # and 11 columns, every row would be some 25,000 data() calls on the first screen.
        view.horizontalHeader().setResizeContentsPrecision(FIT_SAMPLE_ROWS)  # rows a column hint reads
        view.horizontalHeader().sectionResized.connect(self._resized)
        view.model().modelReset.connect(self.fit_if_due)
        view.viewport().installEventFilter(self)

    def _keys(self) -> list[str]:
        model = self.view.model()
        return [c.key for c in getattr(model, "columns", [])]

    def _resized(self, *_: object) -> None:
        if self._busy or self._fitted_rows < 0:
            return
        self.user = True  # dragged by hand
        if self.settings_key:
            QSettings().setValue(f"{self.settings_key}/user_widths", "1")
            if self.keep_state:
                QSettings().setValue(f"{self.settings_key}/header", self.view.horizontalHeader().saveState())

    def reset(self) -> None:
        """Forget the user's widths and fit again (恢复默认列)."""
        self.user = False
        if self.settings_key:
            QSettings().remove(f"{self.settings_key}/user_widths")
        self._fitted_rows = -1
        self.fit()

    def fit_if_due(self) -> None:
        rows = self.view.model().rowCount()
        if self.user or (self._fitted_rows > 0) or (self._fitted_rows == 0 and rows == 0):
            return
        self.fit()

    def fit(self) -> None:
        """Size every visible column to its content; the spare width goes to the text column."""
        header = self.view.horizontalHeader()
        self._busy = True
        try:
            self._base = {}
            for i in range(header.count()):
                if header.isSectionHidden(i):
                    continue
                want = max(self.view.sizeHintForColumn(i), header.sectionSizeHint(i)) + 2
                self._base[i] = min(want, MAX_FITTED_WIDTH)
                header.resizeSection(i, self._base[i])
            self._fitted_rows = self.view.model().rowCount()
            self._spread()
        finally:
            self._busy = False

    def stretch_column(self) -> int | None:
        header = self.view.horizontalHeader()
        keys = self._keys()
        for key in self.stretch:
            if key in keys and not header.isSectionHidden(keys.index(key)):
                return keys.index(key)
        return None

    def _spread(self) -> None:
        col = self.stretch_column()
        if col is None or col not in self._base:
            return
        header = self.view.horizontalHeader()
        others = sum(
            header.sectionSize(i) for i in range(header.count()) if i != col and not header.isSectionHidden(i)
        )
        spare = self.view.viewport().width() - others
        # The text column takes the spare width. On a narrow window it gives some back (down to
        # TEXT_COLUMN_FLOOR, the full text in its tooltip) when that brings every column into view;
        # when the list must scroll sideways anyway, it keeps its content width.
        base = self._base[col]
        width = spare if spare >= min(base, TEXT_COLUMN_FLOOR) else base
        self._busy = True
        try:
            header.resizeSection(col, width)
        finally:
            self._busy = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and not self.user and self._fitted_rows >= 0:
            self._spread()
        return False


class _OpenKeys(QObject):
    """Enter/Return on a list opens the current row (as a double-click does); Delete asks to
    delete where the list can."""

    def __init__(
        self, view: QTableView, on_open: Callable[[], None], on_delete: Callable[[], None] | None
    ) -> None:
        super().__init__(view)
        self.on_open, self.on_delete = on_open, on_delete

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.on_open()
                return True
            if event.key() == Qt.Key.Key_Delete and self.on_delete is not None:
                self.on_delete()
                return True
        return False


def open_on_enter_and_double_click(
    view: QTableView, on_open: Callable[[], None], on_delete: Callable[[], None] | None = None
) -> None:
    """Every list opens its records the same way: Enter, double-click (and the toolbar's 打开,
    through the page's ``open_current``)."""
    view.doubleClicked.connect(lambda _idx: on_open())
    view.installEventFilter(_OpenKeys(view, on_open, on_delete))


def moment_text(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M}"


class MomentBanner(QFrame):
    """Above a list shown as at a past moment: which moment it is, and 回到现在."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("momentBanner")
        self.setStyleSheet(
            "#momentBanner { background: #fff4d6; border: 1px solid #e0b050; border-radius: 4px; }"
        )
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 4, 4, 4)
        self.label = QLabel(self)
        self.label.setObjectName("momentText")
        self.label.setWordWrap(True)
        self.back = QPushButton(self.tr("回到现在"), self)
        self.back.setObjectName("backToNow")
        lay.addWidget(self.label, 1)
        lay.addWidget(self.back)
        self.hide()

    def show_week(self, week: IsoWeek | None, cutoff: datetime | None, past: bool) -> None:
        if week is None or cutoff is None:
            self.hide()
            return
        if past:
            text = self.tr("正在查看{week}报表截止时（{cutoff}）的登记情况，只读。")
        else:
            text = self.tr("{week}的报表截止时间（{cutoff}）未到，列表显示现在的登记情况。")
        self.label.setText(text.format(week=week_title(week), cutoff=moment_text(cutoff)))
        self.show()


class RegisterPage(LazyPage, QWidget):
    """The list of one register. Emits ``openRequested(kind, id)`` and ``deleteRequested(kind, ids)``;
    shown as at a past week's cut-off (:meth:`set_week`) it is read-only and emits
    ``openAtRequested(kind, id, moment)`` instead."""

    openRequested = Signal(str, int)
    openAtRequested = Signal(str, int, object)  # kind, id, the moment (datetime) shown
    momentChanged = Signal(object)  # the moment shown (None: now)
    deleteRequested = Signal(str, list)
    newRequested = Signal(str)
    countChanged = Signal(int)

    def __init__(
        self, store: Store, kind: str, parent: QWidget | None = None, *, settings_key: str | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.kind = kind
        self.settings_key = settings_key or f"register/{kind}"
        self.model = RecordTableModel(store, kind, self)
        self.shown_week: IsoWeek | None = None  # the week whose cut-off is asked for (None: now)
        self._readonly = store.readonly
        self._build()
        self._restore_settings()
        if self.view.horizontalHeader().sortIndicatorSection() < 0:
            # No sort shown: newest first (turning sorting on made the view ask for its first
            # column, which as at a past week would sort every version of the register).
            self.model.sort_field = None

    # Layout -------------------------------------------------------------------------------------
    def _build(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        bar = FlowLayout()  # wraps on a narrow window
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        hints = {
            STATION: self.tr("搜索基站编码、名称、地址、铁塔站址编码（Ctrl+F）"),
            VENUE: self.tr("搜索场所编号、名称、地址、产权单位（Ctrl+F）"),
            POLE: self.tr("搜索杆塔编号、名称、地址、权属单位、协议编号（Ctrl+F）"),
        }
        self.search.setPlaceholderText(hints[self.kind])
        self.search.setMinimumWidth(240)
        bar.addWidget(self.search, stretch=True)
        self.moment_picker = MomentPicker(lambda: initial_week(self.store), self)
        self.moment_picker.setObjectName("moment_picker")
        self.moment_picker.weekChanged.connect(self.set_week)
        bar.addWidget(self.moment_picker)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self._search_now)

        self.filters: dict[str, MultiSelectButton] = {}
        units = [(u.code, u.name) for u in self.store.units()]
        self._add_filter(bar, "unit_codes", self.tr("区县"), units)
        self._add_filter(
            bar, "operators", self.tr("运营商"), [(c.code, dtr(c.label)) for c in codes.OPERATOR]
        )
        if self.kind == STATION:
            self._add_filter(bar, "statuses", self.tr("状态"), [(c.code, dtr(c.label)) for c in codes.STATUS])
            self._add_filter(
                bar, "network_modes", self.tr("组网"), [(c.code, dtr(c.label)) for c in codes.NETWORK_MODE]
            )
            self._add_filter(
                bar, "power_supplies", self.tr("供电"), [(c.code, dtr(c.label)) for c in codes.POWER_SUPPLY]
            )
            self._add_filter(
                bar, "station_types", self.tr("类型"), [(c.code, dtr(c.label)) for c in codes.STATION_TYPE]
            )
        elif self.kind == VENUE:
            self._add_filter(
                bar, "categories", self.tr("类别"), [(c.code, dtr(c.label)) for c in codes.VENUE_CATEGORY]
            )
        else:
            self._add_filter(
                bar, "categories", self.tr("行业"), [(c.code, dtr(c.label)) for c in codes.POLE_SECTOR]
            )
        date_label = {STATION: self.tr("开通日期"), VENUE: self.tr("开放日期"), POLE: self.tr("共享日期")}[
            self.kind
        ]
        dates = QWidget(self)  # the label and its two dates stay on one line
        dates_lay = QHBoxLayout(dates)
        dates_lay.setContentsMargins(0, 0, 0, 0)
        dates_lay.addWidget(QLabel(date_label, dates))
        self.date_from = QLineEdit(dates)
        self.date_to = QLineEdit(dates)
        for w, ph in ((self.date_from, self.tr("起")), (self.date_to, self.tr("止"))):
            w.setPlaceholderText(ph)
            w.setValidator(DateValidator(w))
            w.setFixedWidth(88)
            w.editingFinished.connect(self.apply_filters)
            dates_lay.addWidget(w)
        bar.addWidget(dates)
        clear = QPushButton(self.tr("清除筛选"), self)
        clear.clicked.connect(self.clear_filters)
        bar.addWidget(clear)
        self.columns_button = QPushButton(self.tr("列…"), self)
        self.columns_button.setToolTip(self.tr("选择显示哪些列"))
        self.columns_button.clicked.connect(self._column_menu)
        bar.addWidget(self.columns_button)
        lay.addLayout(bar)
        self.banner = MomentBanner(self)
        self.banner.back.clicked.connect(lambda: self.moment_picker.set_week(None))
        lay.addWidget(self.banner)

        self.view = make_table_view(self)
        self.view.setObjectName("view")
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicatorShown(True)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.horizontalHeader().setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.horizontalHeader().customContextMenuRequested.connect(lambda _p: self._column_menu())
        open_on_enter_and_double_click(self.view, self.open_current, self.delete_current)
        self.fitter = ColumnFitter(self.view, ("name", "address"), self.settings_key)
        lay.addWidget(self.view, 1)

        foot = QHBoxLayout()
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count")
        foot.addWidget(self.count_label)
        foot.addStretch(1)
        new = QPushButton(self.tr("新建（Ctrl+N）"), self)
        new.clicked.connect(lambda: self.newRequested.emit(self.kind))
        self.new_button = new
        foot.addWidget(new)
        lay.addLayout(foot)
        self.model.modelReset.connect(self._update_count)

    def _add_filter(self, bar: FlowLayout, key: str, title: str, items: list[tuple[str, str]]) -> None:
        b = MultiSelectButton(title, items, self)
        b.setObjectName(f"filter_{key}")
        b.changed.connect(self.apply_filters)
        self.filters[key] = b
        bar.addWidget(b)

    # Filtering ------------------------------------------------------------------------------------
    def current_query(self) -> ListQuery:
        q = ListQuery(search=self.search.text().strip())
        for key, b in self.filters.items():
            setattr(q, key, b.selected())
        for attr, w in (("date_from", self.date_from), ("date_to", self.date_to)):
            try:
                setattr(q, attr, text_to_date(w.text()))
            except ValueError:
                setattr(q, attr, None)
        return q

    def _search_now(self) -> None:
        self._search_timer.stop()
        self.apply_filters()
        self.view.setFocus()
        if self.model.rowCount():
            self.view.selectRow(0)

    def apply_filters(self) -> None:
        self._loaded = True
        self.model.set_query(self.current_query())
        self._save_filters()

    def set_filters(self, filters: dict[str, Any]) -> None:
        """Apply filters given as ListQuery field names, e.g. {"unit_codes": ["410221"], "statuses": [...]}."""
        for key, b in self.filters.items():
            b.blockSignals(True)
            b.set_selected(filters.get(key, []))
            b.blockSignals(False)
        self.search.blockSignals(True)
        self.search.setText(str(filters.get("search", "")))
        self.search.blockSignals(False)
        self.date_from.setText(str(filters.get("date_from") or ""))
        self.date_to.setText(str(filters.get("date_to") or ""))
        self.apply_filters()

    def clear_filters(self) -> None:
        self.set_filters({})

    def refresh(self) -> None:
        """Reload from the database, keeping filters, sort and the selected record."""
        self._loaded = True
        rid = self.current_id()
        self.model.query = self.current_query()
        self.model.reload()
        if rid is not None:
            row = self.model.row_of_id(rid)
            if row >= 0:
                self.view.selectRow(row)

    def _update_count(self) -> None:
        n = self.model.total
        self.count_label.setText(self.tr("共 {0} 条").format(n))
        self.countChanged.emit(n)

    # Rows --------------------------------------------------------------------------------------------
    def current_id(self) -> int | None:
        idx = self.view.currentIndex()
        rec = self.model.record(idx.row()) if idx.isValid() else None
        return rec.id if rec is not None else None

    def current_ref(self) -> tuple[str, int] | None:
        rid = self.current_id()
        return None if rid is None else (self.kind, rid)

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        ids = [self.model.record(r).id for r in rows if self.model.record(r) is not None]
        if not ids and self.current_id() is not None:
            ids = [self.current_id()]  # type: ignore[list-item]
        return ids

    def _open_row(self, row: int) -> None:
        rec = self.model.record(row)
        if rec is None:
            return
        if self.model.at is not None:
            self.openAtRequested.emit(self.kind, rec.id, self.model.at)
        else:
            self.openRequested.emit(self.kind, rec.id)

    def open_current(self) -> None:
        idx = self.view.currentIndex()
        if idx.isValid():
            self._open_row(idx.row())

    def delete_current(self) -> None:
        if self.is_past:
            return
        ids = self.selected_ids()
        if ids:
            self.deleteRequested.emit(self.kind, ids)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # Columns and settings -----------------------------------------------------------------------------
    def _column_menu(self) -> None:
        menu = QMenu(self)
        header = self.view.horizontalHeader()
        for i, col in enumerate(self.model.columns):
            act = QAction(col.header, menu)
            act.setCheckable(True)
            act.setChecked(not header.isSectionHidden(i))
            act.toggled.connect(lambda on, i=i: self.set_column_visible(i, on))
            menu.addAction(act)
        menu.addSeparator()
        menu.addAction(self.tr("恢复默认列"), self._default_columns)
        menu.exec(self.columns_button.mapToGlobal(self.columns_button.rect().bottomLeft()))

    def set_column_visible(self, index: int, visible: bool) -> None:
        self.fitter._busy = True  # showing a column is not resizing one by hand
        try:
            self.view.horizontalHeader().setSectionHidden(index, not visible)
        finally:
            self.fitter._busy = False
        self._save_header()

    def _default_columns(self) -> None:
        visible = DEFAULT_VISIBLE[self.kind]
        header = self.view.horizontalHeader()
        fm = header.fontMetrics()
        for i, col in enumerate(self.model.columns):
            header.setSectionHidden(i, col.key not in visible)
            title = str(self.model.headerData(i, Qt.Orientation.Horizontal) or "")
            # never narrower than its title in the interface language (+ margins and sort arrow)
            header.resizeSection(i, max(DEFAULT_WIDTHS.get(col.key, 90), fm.horizontalAdvance(title) + 28))
        fitter: ColumnFitter | None = getattr(self, "fitter", None)
        if fitter is not None and self.model.loaded:
            fitter.reset()
        self._save_header()

    def _save_header(self) -> None:
        QSettings().setValue(f"{self.settings_key}/header", self.view.horizontalHeader().saveState())

    def _save_filters(self) -> None:
        q = self.model.query
        data = {key: list(getattr(q, key)) for key in self.filters}
        data["date_from"] = q.date_from.isoformat() if q.date_from else ""
        data["date_to"] = q.date_to.isoformat() if q.date_to else ""
        QSettings().setValue(f"{self.settings_key}/filters", json.dumps(data))

    def _restore_settings(self) -> None:
        s = QSettings()
        state = s.value(f"{self.settings_key}/header")
        self._default_columns()
        if state is not None:
            self.view.horizontalHeader().restoreState(state)
        for i in range(len(self.model.columns)):
            if self.view.horizontalHeader().sectionSize(i) < 40:
                self.view.horizontalHeader().resizeSection(i, 100)
        self.view.horizontalHeader().sectionResized.connect(lambda *_: self._save_header())
        raw = s.value(f"{self.settings_key}/filters")
        if raw:
            try:
                data = json.loads(str(raw))
            except ValueError:
                data = {}
            for key, b in self.filters.items():
                b.blockSignals(True)
                b.set_selected(data.get(key, []))
                b.blockSignals(False)
            self.date_from.setText(data.get("date_from", ""))
            self.date_to.setText(data.get("date_to", ""))

    def set_store(self, store: Store) -> None:
        self.store = store
        self.model.store = store
        self.refresh()

    def set_readonly(self, readonly: bool) -> None:
        self._readonly = readonly
        self.new_button.setEnabled(not readonly and not self.is_past)

    # As at a past week -------------------------------------------------------------------------------
    @property
    def moment(self) -> datetime | None:
        """The moment the list shows (None: now)."""
        return self.model.at

    @property
    def is_past(self) -> bool:
        return self.model.at is not None

    def set_week(self, week: IsoWeek | None) -> None:
        """Show the register as at ``week``'s cut-off (once it has passed; before it, and for
        None, as it is now). Filters and sorting stay; nothing can be changed from a past list."""
        self.shown_week = week
        if self.moment_picker.week() != week:
            self.moment_picker.set_week(week)  # re-enters through weekChanged
            return
        cutoff = self.store.week_cutoff(week) if week is not None else None
        moment = self.store.week_moment(week) if week is not None else None
        self.banner.show_week(week, cutoff, moment is not None)
        changed = moment != self.model.at
        self.model.at = moment
        self.new_button.setEnabled(not self._readonly and moment is None)
        if changed:
            self.refresh()
            self.momentChanged.emit(moment)


class PickerDialog(QDialog):
    """Choose a venue or pole for a station: the register list, filtered to the station's unit."""

    def __init__(
        self, store: Store, kind: str, *, unit_code: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("选择免费开放场所") if kind == VENUE else self.tr("选择杆塔"))
        self.resize(900, 500)
        self.chosen: Any = None
        lay = QVBoxLayout(self)
        self.page = RegisterPage(store, kind, self, settings_key=f"picker/{kind}")
        self.page.new_button.hide()
        self.page.moment_picker.hide()  # a venue or pole is picked as it is now
        self.page.set_filters({"unit_codes": [unit_code] if unit_code else []})
        self.page.openRequested.connect(self._chosen)
        lay.addWidget(self.page)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        box.accepted.connect(self.page.open_current)
        box.rejected.connect(self.reject)
        lay.addWidget(box)
        self.page.search.setFocus()

    def _chosen(self, kind: str, rid: int) -> None:
        self.chosen = self.page.model.record(self.page.model.row_of_id(rid))
        self.accept()
