"""The city's 报送情况 page: the completeness grid, units × weeks — 按时 / 逾期 / 未报 / 改动后接收."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kf5g_desktop.domain.periods import IsoWeek, weeks_between
from kf5g_desktop.returns.city import LATE, MISSING, MODIFIED, ON_TIME, PENDING, GridCell, completeness_grid
from kf5g_desktop.storage.store import Store

from .week_picker import week_title
from .widgets import FlowLayout

_Index = QModelIndex | QPersistentModelIndex


def STATE_LABELS() -> dict[str, str]:  # the grid's states in the interface language
    return {
        ON_TIME: QCoreApplication.translate("ReturnsStatusPage", "按时"),
        LATE: QCoreApplication.translate("ReturnsStatusPage", "逾期"),
        MISSING: QCoreApplication.translate("ReturnsStatusPage", "未报"),
        MODIFIED: QCoreApplication.translate("ReturnsStatusPage", "改动后接收"),
        PENDING: QCoreApplication.translate("ReturnsStatusPage", "未到期"),
    }


COLORS = {ON_TIME: "#c8e6c9", LATE: "#ffe0b2", MISSING: "#ffcdd2", MODIFIED: "#e1bee7", PENDING: "#eeeeee"}


class CompletenessModel(QAbstractTableModel):
    """Rows: units; columns: weeks (oldest first). Display: the state label; tooltip: the details."""

    CellRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.units: list[tuple[str, str]] = []
        self.weeks: list[IsoWeek] = []
        self.grid: dict[tuple[str, IsoWeek], GridCell] = {}

    def set_grid(self, units: list[tuple[str, str]], weeks: list[IsoWeek], grid: dict) -> None:  # type: ignore[type-arg]
        self.beginResetModel()
        self.units, self.weeks, self.grid = units, weeks, grid
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.units)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.weeks)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.weeks):
            w = self.weeks[section]
            return self.tr("第{0}周\n{1}").format(w.week, f"{w.start:%m-%d}")
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.units):
            return self.units[section][1]
        return None

    def cell(self, index: _Index) -> GridCell | None:
        if not index.isValid() or index.row() >= len(self.units) or index.column() >= len(self.weeks):
            return None
        return self.grid.get((self.units[index.row()][0], self.weeks[index.column()]))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        c = self.cell(index)
        if c is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = STATE_LABELS()[c.state]
            if c.state == MODIFIED and c.submission is not None and c.submission.late:
                text += self.tr("（逾期）")
            return text
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(COLORS[c.state]))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            s = c.submission
            if s is None:
                return self.tr("尚未收到本周周报")
            text = self.tr("第{0}版，{1} 收到，文件 {2}").format(
                s.version, f"{s.received_at:%Y-%m-%d %H:%M}", s.file_name
            )
            if s.reason:
                text += "\n" + self.tr("接收说明：{0}").format(s.reason)
            if c.versions > 1:
                text += "\n" + self.tr("共收到 {0} 份，以最新一份为准").format(c.versions)
            return text
        if role == self.CellRole:
            return c
        return None


class ReturnsStatusPage(QWidget):
    """The city's 报送情况 page (a page of the main window's navigation on a city installation):
    the grid for the last N weeks, and the consolidated export. Loads when first shown."""

    def __init__(self, store: Store, parent: QWidget | None = None, *, load: bool = True) -> None:
        super().__init__(parent)
        self.store = store
        self._loaded = False
        self.model = CompletenessModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().setMinimumWidth(90)
        self.weeks = QSpinBox(self)
        self.weeks.setRange(1, 52)
        self.weeks.setValue(8)
        self.weeks.setSuffix(self.tr(" 周"))
        self.weeks.valueChanged.connect(self.refresh)
        refresh = QPushButton(self.tr("刷新"), self)
        refresh.clicked.connect(self.refresh)
        export = QPushButton(self.tr("导出全市汇总…"), self)
        export.clicked.connect(self._export)
        bar = FlowLayout()  # wraps on a narrow window (1024 pixels, or the English interface)
        bar.addWidget(QLabel(self.tr("显示最近"), self))
        bar.addWidget(self.weeks)
        legend = "  ".join(
            f'<span style="background:{COLORS[k]}">&nbsp;{t}&nbsp;</span>' for k, t in STATE_LABELS().items()
        )
        bar.addWidget(QLabel(legend, self))
        bar.addWidget(refresh)
        bar.addWidget(export)
        self.summary = QLabel(self)
        lay = QVBoxLayout(self)
        title = QLabel(self.tr("报送情况（各区县每周周报）"), self)
        title.setStyleSheet("font-size: 15px; font-weight: bold;")
        lay.addWidget(title)
        lay.addLayout(bar)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.summary)
        if load:
            self.refresh()

    def set_store(self, store: Store) -> None:
        self.store = store
        self._loaded = False

    def focus_search(self) -> None:
        self.view.setFocus()

    def refresh(self) -> None:
        self._loaded = True
        last = IsoWeek.containing(self.store.today())
        first = last.shift(-(self.weeks.value() - 1))
        grid = completeness_grid(self.store, first, last)
        units = [(u.code, u.name) for u in self.store.units()]
        weeks = weeks_between(first, last)
        self.model.set_grid(units, weeks, grid)
        prev = last.prev()
        missing = [n for c, n in units if grid[(c, prev)].state == MISSING] if prev >= first else []
        self.summary.setText(
            self.tr("上周（%1）未报：%2")
            .replace("%1", week_title(prev))
            .replace("%2", self.tr("、").join(missing) or self.tr("无"))
        )

    def _export(self) -> None:
        from .returns_dialogs import ExportDialog

        ExportDialog(self.store, self).exec()
        self.refresh()
