"""地图: the unit (or the city's nine units) from the shipped boundaries, with stations, venues and poles.

Drawn with pyqtgraph: one ScatterPlotItem per layer (each status or operator of the stations, the
venues, the poles), no widget per point, so 100,000 stations draw and pan smoothly. Boundaries and
points are both WGS-84 (the stored system), drawn on a local equirectangular projection (longitude
scaled by cos 34.6°) so a kilometre is as long east–west as north–south. Hover shows a point's name
and code, a click opens its record, the mouse wheel and +/−/arrow keys zoom and pan, 0 shows all.

The filter bar is the lists': the week as of which to show (现在, or a week's cut-off, the
registers as they then stood), operator, status, network mode. A rectangle drawn with the left
button while 框选 is on (or with Shift held) selects the points inside it and opens them as a list
(:class:`SelectionDialog`), from which each record opens.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kf5g_desktop.domain import boundaries, codes
from kf5g_desktop.domain.schema import POLE, STATION, VENUE
from kf5g_desktop.reports.weekly import initial_week
from kf5g_desktop.storage.map_points import MapPoints
from kf5g_desktop.storage.store import Store

from .register import make_table_view, open_on_enter_and_double_click
from .week_picker import MomentPicker
from .widgets import FlowLayout, LazyPage, dtr

_K = math.cos(math.radians(34.6))  # x = lon · cos(φ0): metres alike in both directions
STATUS_COLOURS = {
    "planned": "#9e9e9e",
    "approving": "#f9a825",
    "building": "#1e88e5",
    "on_air": "#2e7d32",
    "suspended": "#8d6e63",
    "cancelled": "#d81b60",
}
OPERATOR_COLOURS = {"CMCC": "#0277bd", "CUCC": "#c62828", "CTCC": "#00897b", "CBN": "#6a1b9a"}
BY_STATUS, BY_OPERATOR = "status", "operator"


def project(lon: np.ndarray | list[float], lat: np.ndarray | list[float]) -> tuple[np.ndarray, np.ndarray]:
    return np.asarray(lon, dtype=float) * _K, np.asarray(lat, dtype=float)


class SelectViewBox(pg.ViewBox):
    """A ViewBox on which a left-button drag draws a selection rectangle when selecting is on (or
    Shift is held); otherwise the drag pans as usual. Emits ``sigSelected(QRectF)`` in view
    coordinates when the button is released."""

    sigSelected = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.selecting = False

    def mouseDragEvent(self, ev, axis=None) -> None:  # type: ignore[no-untyped-def]
        shift = bool(ev.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if ev.button() != Qt.MouseButton.LeftButton or not (self.selecting or shift):
            super().mouseDragEvent(ev, axis)
            return
        ev.accept()
        if ev.isFinish():
            self.rbScaleBox.hide()
            a, b = self.mapToView(ev.buttonDownPos()), self.mapToView(ev.pos())
            self.sigSelected.emit(QRectF(a, b).normalized())
        else:
            self.updateScaleBox(ev.buttonDownPos(), ev.pos())


class SelectionModel(QAbstractTableModel):
    """The points a rectangle selected: kind, code, name, unit, operator, status."""

    def __init__(self, rows: list[tuple[str, int, str, str, str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = rows
        self.headers = [
            self.tr("类别"),
            self.tr("编码"),
            self.tr("名称"),
            self.tr("区县"),
            self.tr("承建运营商"),
            self.tr("建设状态"),
        ]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        kind, _rid, code, name, unit, operator, status = self.rows[index.row()]
        kind_title = {STATION: self.tr("基站"), VENUE: self.tr("免费开放场所"), POLE: self.tr("共享杆塔")}[kind]
        values = (
            kind_title,
            code,
            name,
            unit,
            dtr(codes.OPERATOR.label(operator)) if operator else "",
            dtr(codes.STATUS.label(status)) if status else "",
        )
        return values[index.column()]


class SelectionDialog(QDialog):
    """框选的记录: the points inside a drawn rectangle as a list; Enter, double-click or 打开 opens
    one (``openRequested(kind, id)``)."""

    openRequested = Signal(str, int)

    def __init__(self, rows: list[tuple[str, int, str, str, str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("map_selection")
        n_st = sum(r[0] == STATION for r in rows)
        self.setWindowTitle(
            self.tr("框选的记录：基站 %1 个，场所和杆塔 %2 处")
            .replace("%1", str(n_st))
            .replace("%2", str(len(rows) - n_st))
        )
        self.model = SelectionModel(rows, self)
        self.view = make_table_view(self)  # the lists' look
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.resizeColumnsToContents()
        open_on_enter_and_double_click(self.view, lambda: self._open(self.view.currentIndex().row()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        open_button = QPushButton(self.tr("打开"), self)
        open_button.setAutoDefault(False)
        buttons.addButton(open_button, QDialogButtonBox.ButtonRole.ActionRole)
        open_button.clicked.connect(lambda: self._open(self.view.currentIndex().row()))
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.view, 1)
        lay.addWidget(buttons)
        self.resize(760, 460)
        if rows:
            self.view.selectRow(0)

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.model.rows):
            kind, rid = self.model.rows[row][:2]
            self.openRequested.emit(kind, rid)


class MapPage(LazyPage, QWidget):
    openRequested = Signal(str, int)
    openAtRequested = Signal(str, int, object)  # kind, id, the moment shown (a past week's cut-off)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("map_page")
        self.moment_picker = MomentPicker(lambda: initial_week(self.store), self)
        self.moment_picker.setObjectName("map_moment")
        self.colour_by = QComboBox(self)
        self.colour_by.addItem(self.tr("按建设状态着色"), BY_STATUS)
        self.colour_by.addItem(self.tr("按运营商着色"), BY_OPERATOR)
        self.operator = QComboBox(self)
        self.operator.addItem(self.tr("全部运营商"), "")
        for c in codes.OPERATOR:
            self.operator.addItem(dtr(c.label), c.code)
        self.status = QComboBox(self)
        self.status.addItem(self.tr("全部状态"), "")
        for c in codes.STATUS:
            self.status.addItem(dtr(c.label), c.code)
        self.mode = QComboBox(self)
        self.mode.addItem(self.tr("全部组网方式"), "")
        for c in codes.NETWORK_MODE:
            self.mode.addItem(dtr(c.label), c.code)
        self.select_button = QPushButton(self.tr("框选"), self)
        self.select_button.setCheckable(True)
        self.select_button.setToolTip(self.tr("按住左键拖出一个矩形，列出其中的基站、场所和杆塔（也可按住 Shift 拖动）"))
        self.note = QLabel(self)
        for combo in (self.colour_by, self.operator, self.status, self.mode):
            combo.currentIndexChanged.connect(lambda _i: self._draw_points())
        self.moment_picker.weekChanged.connect(lambda _w: self.refresh())
        bar = FlowLayout()  # wraps on a narrow window (English labels are longer)
        bar.addWidget(QLabel(self.tr("显示"), self))
        bar.addWidget(self.moment_picker)
        bar.addWidget(self.operator)
        bar.addWidget(self.status)
        bar.addWidget(self.mode)
        bar.addWidget(self.colour_by)
        bar.addWidget(self.select_button)
        bar.addWidget(self.note, stretch=True)
        self.viewbox = SelectViewBox()
        self.plot = pg.PlotWidget(self, background="w", viewBox=self.viewbox)
        self.plot.setObjectName("map_plot")
        self.plot.setAspectLocked(True)
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.plot.setMenuEnabled(False)
        self.select_button.toggled.connect(self._selecting)
        self.viewbox.sigSelected.connect(self.select_rect)
        # bottom right, on a light ground: the city's four districts sit top left
        self.legend = self.plot.addLegend(offset=(-10, -10), labelTextSize="10pt", brush=(255, 255, 255, 210))
        self.layers: dict[str, pg.ScatterPlotItem] = {}
        self._points: dict[str, MapPoints] = {}
        self._shown: list[tuple[str, np.ndarray, np.ndarray, np.ndarray]] = []  # kind, x, y, indices
        self.moment: object = None  # the moment shown (None: now)
        self.selection: SelectionDialog | None = None
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.plot, 1)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    # Data -------------------------------------------------------------------------------------------
    def set_store(self, store: Store) -> None:
        self.store = store
        self._loaded = False
        if self.isVisible():
            self.refresh()

    def scope(self) -> str | None:
        inst = self.store.installation()
        return inst.unit_code if inst.configured and inst.is_unit else None

    def refresh(self) -> None:
        self._loaded = True
        unit = self.scope()
        week = self.moment_picker.week()
        self.moment = self.store.week_moment(week) if week is not None else None
        self._points = {kind: self.store.map_points(kind, unit, at=self.moment) for kind in (STATION, VENUE, POLE)}
        self.plot.clear()
        self.legend.clear()
        self.layers = {}
        self._draw_boundaries(unit)
        self._draw_points()
        self.show_all()

    def _draw_boundaries(self, unit: str | None) -> None:
        shown = [b for code, b in boundaries.unit_boundaries().items() if unit is None or code == unit]
        # every ring in one curve (NaN between rings): one item to paint per frame, not one per ring
        xs: list[float] = []
        ys: list[float] = []
        for b in shown:
            for ring in b.rings:
                xs += [p[0] for p in ring] + [math.nan]
                ys += [p[1] for p in ring] + [math.nan]
        if xs:
            x, y = project(xs, ys)
            curve = pg.PlotCurveItem(x, y, pen=pg.mkPen("#455a64", width=1.5), connect="finite")
            curve.setZValue(-10)
            self.plot.addItem(curve)
        for b in shown:
            cx, cy = b.centroid()
            label = pg.TextItem(b.name, color="#263238", anchor=(0.5, 0.5), fill=pg.mkBrush(255, 255, 255, 190))
            label.setPos(cx * _K, cy)
            label.setZValue(10)  # above the points: the unit's name stays readable
            self.plot.addItem(label)
        self._extent = shown

    def _layer(self, key: str, kind: str, name: str, xs, ys, index, **style) -> None:  # type: ignore[no-untyped-def]
        """One scatter item; each point's data is its place in ``self._points[kind]`` (an integer
        array, no Python object per point)."""
        item = pg.ScatterPlotItem(
            x=xs,
            y=ys,
            data=index,
            name=name,
            hoverable=True,
            tip=lambda x, y, data, kind=kind: self.tip(kind, int(data)),  # pyqtgraph passes x=, y=, data=
            pxMode=True,
            **style,
        )
        item.kf5g_kind = kind
        item.sigClicked.connect(self._clicked)
        self.plot.addItem(item)
        self.layers[key] = item

    def _draw_points(self) -> None:
        for key in list(self.layers):
            self.plot.removeItem(self.layers.pop(key))
        self.legend.clear()
        self._shown = []
        if not self._points:
            return
        st = self._points[STATION]
        by = self.colour_by.currentData()
        op_filter, status_filter = self.operator.currentData(), self.status.currentData()
        mode_filter = self.mode.currentData()
        x, y = project(st.lon, st.lat)
        status = np.asarray(st.status, dtype=object)
        operator = np.asarray(st.operator, dtype=object)
        keep = np.ones(len(st), dtype=bool)
        if op_filter:
            keep &= operator == op_filter
        if status_filter:
            keep &= status == status_filter
        if mode_filter:
            keep &= np.asarray(st.network_mode, dtype=object) == mode_filter
        self._shown.append((STATION, x[keep], y[keep], np.flatnonzero(keep)))
        groups = codes.STATUS if by == BY_STATUS else codes.OPERATOR
        colours = STATUS_COLOURS if by == BY_STATUS else OPERATOR_COLOURS
        column = status if by == BY_STATUS else operator
        index = np.arange(len(st))
        shown = 0
        for c in groups:
            sel = keep & (column == c.code)
            n = int(sel.sum())
            if not n:
                continue
            shown += n
            colour = QColor(colours[c.code])
            self._layer(
                f"station:{c.code}",
                STATION,
                self._legend_text(dtr(c.label), n),
                x[sel],
                y[sel],
                index[sel],
                size=6,
                symbol="o",
                pen=pg.mkPen(colour.darker(130), width=0.5),
                brush=pg.mkBrush(colour),
            )
        for kind, symbol, colour, title in (
            (VENUE, "s", "#ef6c00", self.tr("免费开放场所")),
            (POLE, "t", "#5d4037", self.tr("共享杆塔")),
        ):
            pts = self._points[kind]
            if not len(pts):
                continue
            vx, vy = project(pts.lon, pts.lat)
            self._shown.append((kind, vx, vy, np.arange(len(pts))))
            self._layer(
                kind,
                kind,
                self._legend_text(title, len(pts)),
                vx,
                vy,
                np.arange(len(pts)),
                size=9,
                symbol=symbol,
                pen=pg.mkPen(colour, width=1.2),
                brush=pg.mkBrush(255, 255, 255, 160),
            )
        self.note.setText(self.tr("基站 %1 个（有坐标）").replace("%1", str(shown)))

    def _legend_text(self, title: str, n: int) -> str:
        return self.tr("%1（%2）").replace("%1", title).replace("%2", str(n))

    # Interaction --------------------------------------------------------------------------------------
    def record_of(self, kind: str, i: int) -> tuple[str, int, str, str]:
        """The point ``i`` of ``kind``'s layer data: (kind, id, name, code)."""
        pts = self._points[kind]
        return kind, pts.ids[i], pts.names[i], pts.codes[i]

    def tip(self, kind: str, i: int) -> str:
        _kind, _rid, name, code = self.record_of(kind, i)
        return f"{name}\n{code}"

    def _clicked(self, item: object, points: object, *_rest: object) -> None:
        pts = list(points)  # type: ignore[call-overload]
        if pts:
            _kind, rid, _name, _code = self.record_of(item.kf5g_kind, int(pts[0].data()))  # type: ignore[attr-defined]
            self.open_record(_kind, int(rid))

    def open_record(self, kind: str, rid: int) -> None:
        """Now: the record's form; at a past week: the record as it then stood (read-only)."""
        if self.moment is None:
            self.openRequested.emit(kind, rid)
        else:
            self.openAtRequested.emit(kind, rid, self.moment)

    def _selecting(self, on: bool) -> None:
        self.viewbox.selecting = on
        self.plot.setCursor(Qt.CursorShape.CrossCursor if on else Qt.CursorShape.ArrowCursor)

    def selected(self, rect: QRectF) -> list[tuple[str, int, str, str, str, str, str]]:
        """The shown points inside ``rect`` (view coordinates): kind, id, code, name, unit name,
        operator, status — stations first, in the order of their records."""
        units = {u.code: u.name for u in self.store.units()}
        out = []
        for kind, xs, ys, idx in self._shown:
            inside = (xs >= rect.left()) & (xs <= rect.right()) & (ys >= rect.top()) & (ys <= rect.bottom())
            pts = self._points[kind]
            for i in idx[inside]:
                out.append(
                    (
                        kind,
                        pts.ids[i],
                        pts.codes[i],
                        pts.names[i],
                        units.get(pts.unit[i], pts.unit[i]),
                        pts.operator[i],
                        pts.status[i],
                    )
                )
        return out

    def select_rect(self, rect: QRectF) -> SelectionDialog | None:
        """Open the points inside ``rect`` as a list (nothing inside: a note says so)."""
        rows = self.selected(rect)
        if not rows:
            self.note.setText(self.tr("框选范围内没有基站、场所或杆塔"))
            return None
        if self.selection is not None:
            self.selection.close()
        self.selection = SelectionDialog(rows, self)
        self.selection.openRequested.connect(self.open_record)
        self.selection.show()
        return self.selection

    def show_all(self) -> None:
        shown = getattr(self, "_extent", [])
        if not shown:
            self.plot.autoRange()
            return
        x0 = min(b.lon_min for b in shown) * _K
        x1 = max(b.lon_max for b in shown) * _K
        y0 = min(b.lat_min for b in shown)
        y1 = max(b.lat_max for b in shown)
        self.plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0.03)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        vb = self.plot.getViewBox()
        key = event.key()
        (x0, x1), (y0, y1) = vb.viewRange()
        dx, dy = (x1 - x0) * 0.1, (y1 - y0) * 0.1
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            vb.scaleBy((0.8, 0.8))
        elif key == Qt.Key.Key_Minus:
            vb.scaleBy((1.25, 1.25))
        elif key == Qt.Key.Key_Left:
            vb.translateBy(x=-dx)
        elif key == Qt.Key.Key_Right:
            vb.translateBy(x=dx)
        elif key == Qt.Key.Key_Up:
            vb.translateBy(y=dy)
        elif key == Qt.Key.Key_Down:
            vb.translateBy(y=-dy)
        elif key == Qt.Key.Key_0:
            self.show_all()
        else:
            super().keyPressEvent(event)
