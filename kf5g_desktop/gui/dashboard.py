"""The home page: headline cards, progress charts and (for the city) the per-unit progress table.

Figures (``reports.dashboard.compute``) are computed in a background job without a dialog
(``run_job(..., dialog=False)``; ``refresh()`` returns at once; ``figuresShown`` is emitted when the
cards and the table show the new figures, ``refreshed`` when the charts are drawn too), so picking
another week never freezes the window. The charts' library (pyqtgraph, with numpy) is loaded after
the first figures are shown, in the background: start-up does not wait for it. A click on a unit
in the table emits ``filterRequested({"unit_codes": [code]})`` for the registers.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kf5g_desktop.domain import codes
from kf5g_desktop.domain.periods import IsoWeek, weeks_between
from kf5g_desktop.domain.targets import COUNTING_RULES, DEFAULT_COUNTING_RULE, INDIRECT_POWER_MAX_SHARE
from kf5g_desktop.domain.units import CITY_CODE, scope_code, scope_of
from kf5g_desktop.reports.dashboard import DashboardData, FirstFigures, compute
from kf5g_desktop.reports.figures import SERIES_START, UnitLine, WeekFigures, WeeklySeries
from kf5g_desktop.reports.weeks import initial_week

from .jobs import run_job
from .week_picker import WeekPicker, week_basis_note, week_short_title
from .widgets import FlowLayout, RowsModel, dtr

if TYPE_CHECKING:  # loaded after the first figures are shown (DashboardPage._load_charts)
    import pyqtgraph as pg

CHART_END = IsoWeek(2022, 52)
LEGEND_HEADROOM = 1.6  # the weekly bar chart's y range: highest bar × this (room for a two-line legend)
OPERATOR_COLORS = {"CMCC": "#1565c0", "CUCC": "#d32f2f", "CTCC": "#2e7d32", "CBN": "#f9a825"}
ItemIndex = QModelIndex | QPersistentModelIndex


def pct(v: float | None) -> str:
    return "—" if v is None else f"{v * 100:.1f}%"


# The per-unit table model --------------------------------------------------------------------------


class UnitProgressModel(RowsModel):
    """One row per unit; ``SORT_ROLE`` gives numbers for sorting; ``CODE_ROLE`` the unit code."""

    (
        COL_UNIT,
        COL_ON_AIR,
        COL_NEW,
        COL_TARGET,
        COL_COMPLETION,
        COL_SA,
        COL_INDIRECT,
        COL_VENUES,
        COL_POLES,
        COL_RETURNED,
    ) = range(10)
    HEADERS = (  # translated under "UnitProgressModel" (marked for lupdate)
        QT_TRANSLATE_NOOP("UnitProgressModel", "区县"),
        QT_TRANSLATE_NOOP("UnitProgressModel", "累计开通"),
        QT_TRANSLATE_NOOP("UnitProgressModel", "本周新开通"),
        QT_TRANSLATE_NOOP("UnitProgressModel", "年度目标"),
        QT_TRANSLATE_NOOP("UnitProgressModel", "完成率"),
        QT_TRANSLATE_NOOP("UnitProgressModel", "SA占比"),
        QT_TRANSLATE_NOOP("UnitProgressModel", "转供电占比"),
        QT_TRANSLATE_NOOP("UnitProgressModel", "开放场所"),
        QT_TRANSLATE_NOOP("UnitProgressModel", "共享杆塔"),
        QT_TRANSLATE_NOOP("UnitProgressModel", "本周周报"),
    )
    SORT_ROLE = Qt.ItemDataRole.UserRole + 1
    CODE_ROLE = Qt.ItemDataRole.UserRole + 2

    rows: list[UnitLine]

    def header(self, section: int) -> str:
        return QCoreApplication.translate("UnitProgressModel", self.HEADERS[section])

    def _values(self, u: UnitLine) -> list[tuple[str, Any]]:
        t = u.tally
        return [
            (u.name, u.unit_code),
            (f"{t.on_air:,}", t.on_air),
            (f"{t.new:,}", t.new),
            ("—" if u.target is None else f"{u.target:,}", -1 if u.target is None else u.target),
            (pct(u.completion), -1.0 if u.completion is None else u.completion),
            (pct(t.sa_share), -1.0 if t.sa_share is None else t.sa_share),
            (pct(t.indirect_share), -1.0 if t.indirect_share is None else t.indirect_share),
            (f"{u.venues_total:,}", u.venues_total),
            (f"{u.poles_total:,}", u.poles_total),
            (
                QCoreApplication.translate("UnitProgressModel", "已报")
                if u.returned
                else QCoreApplication.translate("UnitProgressModel", "未报"),
                int(u.returned),
            ),
        ]

    def data(self, index: ItemIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        u = self.rows[index.row()]
        col = index.column()
        if role == self.CODE_ROLE:
            return u.unit_code
        if role in (Qt.ItemDataRole.DisplayRole, self.SORT_ROLE):
            text, key = self._values(u)[col]
            return text if role == Qt.ItemDataRole.DisplayRole else key
        if role == Qt.ItemDataRole.TextAlignmentRole and col != self.COL_UNIT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == self.COL_RETURNED and not u.returned:
                return QColor("#c62828")
            if col == self.COL_INDIRECT and (u.tally.indirect_share or 0) > INDIRECT_POWER_MAX_SHARE:
                return QColor("#c62828")
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate("UnitProgressModel", "单击查看{0}的基站登记表").format(u.name)
        return None


# Cards --------------------------------------------------------------------------------------------


class Card(QFrame):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("dashboardCard")
        self.setStyleSheet(
            "#dashboardCard { background: #ffffff; border: 1px solid #d0d7e2; border-radius: 6px; }"
        )
        self.title = QLabel(title, self)
        self.value = QLabel("—", self)
        self.detail = QLabel("", self)
        f = QFont(self.value.font())
        f.setPointSizeF(f.pointSizeF() * 1.9)
        f.setBold(True)
        self.value.setFont(f)
        self.title.setStyleSheet("color: #455a64;")
        self.detail.setStyleSheet("color: #546e7a;")
        self.detail.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 8, 10, 8)
        lay.setSpacing(2)
        lay.addWidget(self.title)
        lay.addWidget(self.value)
        lay.addWidget(self.detail)
        lay.addStretch(1)
        # Preferred height: the cards of one row take the row's height (the tallest card's).
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set(self, value: str, detail: str = "", warn: bool = False) -> None:
        self.value.setText(value)
        self.value.setStyleSheet(f"color: {'#c62828' if warn else '#1a237e'};")
        self.detail.setText(detail)


class ReflowGrid(QWidget):
    """Widgets in a grid whose number of columns follows the width (the dashboard's cards and
    charts reflow on a narrow window instead of forcing it wide). Every cell of a row has the
    row's height, so cards side by side are equally tall."""

    def __init__(
        self,
        widgets: list[QWidget],
        *,
        min_cell_width: int,
        columns: tuple[int, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.widgets = widgets
        self.min_cell_width = min_cell_width
        self.choices = columns
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.columns = 0
        for w in widgets:
            w.setParent(self)
        self._arrange(columns[0])

    def replace(self, old: QWidget, new: QWidget) -> None:
        """Put ``new`` in ``old``'s cell (``old`` is deleted)."""
        new.setParent(self)
        self.grid.replaceWidget(old, new)
        self.widgets[self.widgets.index(old)] = new
        old.deleteLater()

    def columns_for(self, width: int) -> int:
        spacing = self.grid.horizontalSpacing()
        for n in self.choices:
            if (width - spacing * (n - 1)) // n >= self.min_cell_width:
                return n
        return self.choices[-1]

    def _arrange(self, columns: int) -> None:
        if columns == self.columns:
            return
        self.columns = columns
        for w in self.widgets:
            self.grid.removeWidget(w)
        for i in range(self.grid.columnCount()):
            self.grid.setColumnStretch(i, 0)
        for i, w in enumerate(self.widgets):
            self.grid.addWidget(w, i // columns, i % columns)
        for i in range(columns):
            self.grid.setColumnStretch(i, 1)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(self.min_cell_width, hint.height())

    def resizeEvent(self, event: Any) -> None:
        self._arrange(self.columns_for(event.size().width()))
        super().resizeEvent(event)


def _labelled(text: str, widget: QWidget, parent: QWidget) -> QWidget:
    """A label and its field as one item of a wrapping bar."""
    box = QWidget(parent)
    lay = QHBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.addWidget(QLabel(text, box))
    lay.addWidget(widget)
    return box


# The page -----------------------------------------------------------------------------------------


def _week_axis_ticks(first: IsoWeek, last: IsoWeek) -> list[list[tuple[float, str]]]:
    major: list[tuple[float, str]] = []
    minor: list[tuple[float, str]] = []
    for i, w in enumerate(weeks_between(first, last)):
        e = w.end
        if e.day <= 7 and e.month in (1, 4, 7, 10):
            (major if e.month == 1 else minor).append(
                (
                    float(i),
                    QCoreApplication.translate("DashboardPage", "{0}年").format(e.year)
                    if e.month == 1
                    else QCoreApplication.translate("DashboardPage", "{0}月").format(e.month),
                )
            )
    return [major, minor]


class DashboardPage(QWidget):
    filterRequested = Signal(dict)
    figuresShown = Signal()  # the cards (and the city's table) show freshly computed figures
    refreshed = Signal()  # ... and the charts are drawn too
    refreshFailed = Signal(str)

    def __init__(
        self, store: Any, parent: QWidget | None = None, *, first: FirstFigures | None = None
    ) -> None:
        """``first``: the opening figures already being computed (the start-up); taken by the first
        :meth:`refresh` if they are for its choice."""
        super().__init__(parent)
        self.store = store
        self._first = first
        self._kept: tuple[IsoWeek, str | None, str] | None = None  # see adopt_store
        self.data: DashboardData | None = None
        self._serial = 0
        inst = store.installation()
        self.is_city = inst.is_city or not inst.configured

        # Top bar
        self.week_picker = WeekPicker(initial_week(store), self)
        self.scope = QComboBox(self)
        if self.is_city:
            self.scope.addItem(self.tr("全市"), CITY_CODE)
        for u in store.units():
            if self.is_city or u.code == inst.unit_code:
                self.scope.addItem(u.name, u.code)
        self.rule = QComboBox(self)
        for code, (label, _t) in COUNTING_RULES.items():
            self.rule.addItem(dtr(label), code)
        self.rule.setCurrentIndex(self.rule.findData(DEFAULT_COUNTING_RULE))
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.status = QLabel(self)
        self.status.setStyleSheet("color: #607d8b;")
        top = FlowLayout()  # wraps on a narrow window
        top.addWidget(_labelled(self.tr("周次："), self.week_picker, self))
        top.addWidget(_labelled(self.tr("范围："), self.scope, self))
        top.addWidget(_labelled(self.tr("统计口径："), self.rule, self))
        top.addWidget(self.refresh_button)
        top.addWidget(self.status)
        self.basis_note = QLabel(self)  # what the week's figures are made from (its cut-off or now)
        self.basis_note.setObjectName("basisNote")
        self.basis_note.setStyleSheet("color: #607d8b;")

        # Cards
        self.card_on_air = Card(self.tr("累计开通5G基站"))
        self.card_new = Card(self.tr("本周新开通"))
        self.card_sa = Card(self.tr("SA 基站占比"))
        self.card_indirect = Card(self.tr("转供电占比（≤20%）"))
        self.card_sites = Card(self.tr("开放场所 / 共享杆塔"))
        self.card_attention = Card(self.tr("需关注"))
        self.cards = ReflowGrid(
            [
                self.card_on_air,
                self.card_new,
                self.card_sa,
                self.card_indirect,
                self.card_sites,
                self.card_attention,
            ],
            min_cell_width=170,
            columns=(6, 3, 2, 1),
            parent=self,
        )

        # Charts: a placeholder each until pyqtgraph is loaded (_load_charts)
        self._chart_titles = (
            self.tr("累计开通基站与目标"),
            self.tr("每周新开通基站（按运营商）"),
            self.tr("转供电占比（%）与20%控制线"),
            self.tr("SA 基站占比（%）"),
        )
        self.charts_ready = False
        self._charts_loading = False
        self._charts_held = False  # hold_charts(): the start-up loads them after the first paint
        self._shown_serial = 0  # the refresh whose figures the page shows
        placeholders: list[QWidget] = [self._placeholder(t) for t in self._chart_titles]
        self.chart_cumulative, self.chart_new, self.chart_indirect, self.chart_sa = placeholders
        self.charts = ReflowGrid(
            placeholders,
            min_cell_width=360,
            columns=(2, 1),
            parent=self,
        )

        # Per-unit table (the city)
        self.unit_model = UnitProgressModel(self)
        self.unit_proxy = QSortFilterProxyModel(self)
        self.unit_proxy.setSourceModel(self.unit_model)
        self.unit_proxy.setSortRole(UnitProgressModel.SORT_ROLE)
        self.unit_table = QTableView(self)
        self.unit_table.setModel(self.unit_proxy)
        self.unit_table.setSortingEnabled(True)
        self.unit_table.sortByColumn(UnitProgressModel.COL_ON_AIR, Qt.SortOrder.DescendingOrder)
        self.unit_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.unit_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.unit_table.verticalHeader().hide()
        self.unit_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.unit_table.setMinimumHeight(310)
        self.unit_table.clicked.connect(self._unit_clicked)
        self.unit_title = QLabel(self.tr("各区县进度（单击区县查看其基站）"), self)
        self.unit_title.setStyleSheet("font-weight: bold;")
        self.unit_table.setVisible(self.is_city)
        self.unit_title.setVisible(self.is_city)

        body = QWidget(self)
        lay = QVBoxLayout(body)
        lay.addWidget(self.cards)
        lay.addWidget(self.charts, 1)
        lay.addWidget(self.unit_title)
        lay.addWidget(self.unit_table)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addWidget(self.basis_note)
        outer.addWidget(scroll, 1)

        self.week_picker.weekChanged.connect(lambda _w: self.refresh())
        self.scope.currentIndexChanged.connect(lambda _i: self.refresh())
        self.rule.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh_button.clicked.connect(self.refresh)

    def set_store(self, store: Any) -> None:
        """The main window replaced its store (e.g. after restoring a backup)."""
        self.store = store
        self.refresh()

    def adopt_store(self, store: Any) -> None:
        """Read from ``store`` from now on: the Store of the database the start-up's first read
        (``storage.first_read``) read the shown figures from. Figures already shown are the
        Store's own (the same SQL): the next refresh of the same choice keeps them."""
        self.store = store
        if self.data is not None and self._shown_serial == self._serial:
            self._kept = (self.week(), self.unit_code(), self.counting_rule())

    def _placeholder(self, title: str) -> QWidget:
        w = QLabel(self.tr("{0}\n正在绘制图表……").format(title), self)
        w.setAlignment(Qt.AlignmentFlag.AlignCenter)
        w.setStyleSheet("background: #ffffff; color: #78909c;")
        w.setMinimumHeight(230)
        return w

    def hold_charts(self) -> None:
        """Do not load the charts' library until :meth:`load_charts` (the start-up paints the
        figures first)."""
        self._charts_held = True

    def load_charts(self) -> None:
        self._charts_held = False
        self._load_charts()

    def _load_charts(self) -> None:
        """Load pyqtgraph off the GUI thread, then put the charts in and draw the shown figures."""
        if self.charts_ready or self._charts_loading or self._charts_held:
            return
        self._charts_loading = True
        run_job(
            self,
            "dashboard charts",  # only in the log: this job shows no dialog
            lambda _progress: __import__("pyqtgraph"),
            on_success=lambda _module: self._make_charts(),
            on_error=self._charts_failed,
            dialog=False,
        )

    def _charts_failed(self, exc: BaseException) -> None:
        self._charts_loading = False
        self.status.setText(self.tr("图表无法显示：{msg}").format(msg=exc))

    def _make_charts(self) -> None:
        import pyqtgraph as pg

        pg.setConfigOptions(antialias=True, background="w", foreground="#37474f")
        plots = [self._plot(t) for t in self._chart_titles]
        for old, new in zip(
            (self.chart_cumulative, self.chart_new, self.chart_indirect, self.chart_sa), plots, strict=True
        ):
            self.charts.replace(old, new)
        self.chart_cumulative, self.chart_new, self.chart_indirect, self.chart_sa = plots
        self.charts_ready, self._charts_loading = True, False
        if self.data is not None:
            self._draw_charts(self.data.figures, self.data.series)
            if self._shown_serial == self._serial:
                self.refreshed.emit()

    def _plot(self, title: str) -> pg.PlotWidget:
        import pyqtgraph as pg

        w = pg.PlotWidget(self)
        w.setTitle(title, color="#263238", size="11pt")
        w.showGrid(x=True, y=True, alpha=0.2)
        w.setMenuEnabled(False)
        w.setMinimumHeight(230)
        w.getPlotItem().hideButtons()
        w.setMouseEnabled(x=False, y=False)
        return w

    # Selection -----------------------------------------------------------------------------------

    def week(self) -> IsoWeek:
        return self.week_picker.week()

    def set_week(self, week: IsoWeek) -> None:
        self.week_picker.set_week(week)

    def unit_code(self) -> str | None:
        code = self.scope.currentData()
        return scope_of(None if code is None else str(code))

    def set_unit(self, code: str | None) -> None:
        idx = self.scope.findData(scope_code(code))
        if idx >= 0:
            self.scope.setCurrentIndex(idx)

    def counting_rule(self) -> str:
        return str(self.rule.currentData())

    # Refresh --------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Recompute in a worker thread; stale results (the user moved on) are dropped."""
        store, week, unit, rule = self.store, self.week(), self.unit_code(), self.counting_rule()
        kept, self._kept = self._kept, None
        if kept == (week, unit, rule):  # (adopt_store: the figures shown are these)
            return
        self._serial += 1
        serial = self._serial
        self.status.setText(self.tr("正在计算……"))
        self.basis_note.setText(week_basis_note(store, week, unit))
        first, self._first = self._first, None
        pending = first.take(store, week, unit, rule) if first is not None else None
        run_job(
            self,
            "dashboard figures",  # only in the log: this job shows no dialog
            (lambda _progress: pending.result())
            if pending
            else (lambda _progress: compute(store, week, unit, rule)),
            on_success=lambda data: self._on_finished(serial, data),
            on_error=lambda exc: self._on_failed(serial, exc),
            dialog=False,
        )

    def _on_finished(self, serial: int, data: DashboardData) -> None:
        if serial != self._serial:
            return
        self.data = data
        self._shown_serial = serial
        self._show(data)
        self.status.setText(self.tr("数据截至 {day}").format(day=f"{data.figures.week.end:%Y-%m-%d}"))
        self.figuresShown.emit()
        if self.charts_ready:
            self._draw_charts(data.figures, data.series)
            self.refreshed.emit()
        else:
            self._load_charts()  # draws these figures and emits refreshed when loaded

    def _on_failed(self, serial: int, exc: BaseException) -> None:
        if serial != self._serial:
            return
        msg = str(exc)
        self.status.setText(self.tr("计算失败：{msg}").format(msg=msg))
        self.refreshFailed.emit(msg)

    def _unit_clicked(self, index: QModelIndex) -> None:
        code = self.unit_proxy.data(index, UnitProgressModel.CODE_ROLE)
        if code:
            self.filterRequested.emit({"unit_codes": [code]})

    # Showing -------------------------------------------------------------------------------------

    def _show(self, data: DashboardData) -> None:
        f = data.figures
        t = f.total
        if f.target:
            target = self.tr("{year}年目标 {target:,}，完成 {pct}").format(
                year=f.target_year, target=f.target, pct=pct(f.completion)
            )
        else:
            target = self.tr("{year}年目标未设置").format(year=f.target_year)
        self.card_on_air.set(f"{t.on_air:,}", target)
        self.card_new.set(f"{t.new:,}", week_short_title(f.week))
        self.card_sa.set(pct(t.sa_share), self.tr("SA 基站 {n:,} 个").format(n=t.sa))
        ind = t.indirect_share
        self.card_indirect.set(
            pct(ind),
            self.tr("转供电 {n:,} 个；直供电改造累计 {c:,} 个").format(n=t.indirect, c=t.conversions_done),
            warn=ind is not None and ind > f.indirect_max_share,
        )
        self.card_sites.set(
            f"{f.venues_total:,} / {f.poles_total:,}",
            self.tr("本周新增场所 {v} 处，杆塔 {p} 根").format(v=f.venues_week, p=f.poles_week),
        )
        self.card_attention.set(
            f"{f.waiting_count + f.late_count:,}",
            self.tr("审批超30天 {w} 项，逾期未开通 {l} 个").format(w=f.waiting_count, l=f.late_count),
            warn=bool(f.waiting_count + f.late_count),
        )
        if self.is_city:
            self.unit_model.set_rows(f.by_unit if f.is_city else [])
            self.unit_table.setVisible(f.is_city)
            self.unit_title.setVisible(f.is_city)

    def _draw_charts(self, f: WeekFigures, s: WeeklySeries) -> None:
        import pyqtgraph as pg

        first = s.weeks[0] if s.weeks else SERIES_START
        last = max(CHART_END, f.week)
        ticks = _week_axis_ticks(first, last)
        n = len(s.weeks)
        xs = list(range(n))
        x_end = float(len(weeks_between(first, last)) - 1)

        def prepare(plot: pg.PlotWidget) -> pg.PlotItem:
            item = plot.getPlotItem()
            item.clear()
            item.getAxis("bottom").setTicks(ticks)
            item.setXRange(0, x_end, padding=0.01)
            if item.legend is not None:
                item.legend.scene().removeItem(item.legend)
                item.legend = None
            return item

        # Cumulative against the target line
        p = prepare(self.chart_cumulative)
        p.addLegend(offset=(10, 10))
        p.plot(
            xs,
            s.cumulative,
            pen=pg.mkPen("#1f5fbf", width=2.5),
            fillLevel=0,
            brush=(31, 95, 191, 40),
            name=self.tr("累计开通"),
        )
        if s.targets:
            tx, ty = [0.0], [0.0]
            for year, value in sorted(s.targets.items()):
                tx.append((date(year, 12, 31) - first.start).days / 7)
                ty.append(float(value))
            p.plot(
                tx,
                ty,
                pen=pg.mkPen("#c62828", width=2, style=Qt.PenStyle.DashLine),
                symbol="o",
                symbolSize=7,
                symbolBrush="#c62828",
                name=self.tr("目标"),
            )
        p.addItem(pg.InfiniteLine(pos=n - 1, angle=90, pen=pg.mkPen("#90a4ae", style=Qt.PenStyle.DotLine)))
        p.enableAutoRange(axis="y")

        # New per week, stacked by operator
        p = prepare(self.chart_new)
        p.addLegend(offset=(-10, 10), colCount=2)  # two by two: fits in English too
        base = [0.0] * n
        for op in codes.OPERATOR.codes:
            vals = s.new_by_operator.get(op, [0] * n)
            if any(vals):
                p.addItem(
                    pg.BarGraphItem(
                        x=xs, height=vals, y0=base, width=0.8, brush=OPERATOR_COLORS[op], pen=None
                    )
                )
                p.plot([], [], pen=pg.mkPen(OPERATOR_COLORS[op], width=8), name=dtr(codes.OPERATOR.label(op)))
                base = [b + v for b, v in zip(base, vals, strict=True)]
        # Head room above the highest bar for the legend (two lines across the top), so it never
        # covers the bars.
        p.setYRange(0, max(max(base, default=0.0), 1.0) * LEGEND_HEADROOM, padding=0.06)

        # Shares
        for plot, values, color, line in (
            (self.chart_indirect, s.indirect_share, "#ef6c00", INDIRECT_POWER_MAX_SHARE),
            (self.chart_sa, s.sa_share, "#00897b", None),
        ):
            p = prepare(plot)
            pts = [(x, v * 100) for x, v in zip(xs, values, strict=True) if v is not None]
            if pts:
                p.plot([a for a, _ in pts], [b for _, b in pts], pen=pg.mkPen(color, width=2.5))
            if line is not None:
                p.addItem(
                    pg.InfiniteLine(
                        pos=line * 100,
                        angle=0,
                        pen=pg.mkPen("#c62828", width=1.5, style=Qt.PenStyle.DashLine),
                        label=f"{line * 100:.0f}%",
                        # the label's bottom-right corner just above the line, near the right edge
                        labelOpts={"position": 0.97, "color": "#c62828", "anchors": [(1, 1.1), (1, 1.1)]},
                    )
                )
            # Fixed ticks and room below 0, so the 0 tick is never dropped on a short chart.
            p.getAxis("left").setTicks([[(float(v), str(v)) for v in range(0, 101, 20)]])
            p.setYRange(0, 100, padding=0.06)
