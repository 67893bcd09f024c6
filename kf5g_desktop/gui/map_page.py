"""地图: the unit (or the city's nine units) from the shipped boundaries, with stations, venues and poles.

Drawn with pyqtgraph. The points are layers (each status or operator of the stations, the venues,
the poles: :class:`Layer`, column arrays, no item or widget per point) painted by one
:class:`PointRaster`: every layer stamped with its pre-rendered symbol into one image at the view's
scale, for the view and half a view around it, so a frame of a pan is one blit of that image; a
zoom shows the old image scaled at once and paints it anew when the wheel stops. Hover and click
find the nearest point through a grid index (:class:`PointIndex`), not by scanning every point.
So 100,000 stations draw and pan smoothly. Boundaries and points are both WGS-84 (the stored
system), drawn on a local equirectangular projection (longitude scaled by cos 34.6°) so a kilometre
is as long east–west as north–south. Hover shows a point's name and code, a click opens its record,
the mouse wheel and +/−/arrow keys zoom and pan, 0 shows all; a click on a legend entry hides or
shows its layer.

The filter bar is the lists': the week as of which to show (现在, or a week's cut-off, the
registers as they then stood), operator, status, network mode. A rectangle drawn with the left
button while 框选 is on (or with Shift held) selects the points inside it and opens them as a list
(:class:`SelectionDialog`), from which each record opens.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.ScatterPlotItem import renderSymbol
from pyqtgraph.Qt.internals import PrimitiveArray
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QTransform,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGraphicsItem,
    QLabel,
    QPushButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from kf5g_desktop.domain import boundaries, codes
from kf5g_desktop.domain.schema import POLE, STATION, VENUE
from kf5g_desktop.reports.weekly import initial_week
from kf5g_desktop.storage.map_points import MODE_CODES, OPERATOR_CODES, STATUS_CODES, MapPoints
from kf5g_desktop.storage.store import Store

from .arrays import distinct
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
_SYMBOLS: dict[tuple[object, ...], QPixmap] = {}  # each layer's symbol, pre-rendered once
VENUES_POLES_CROWD = 3000  # venues (or poles) in the picture beyond which they wait for a zoom


def project(lon: np.ndarray | list[float], lat: np.ndarray | list[float]) -> tuple[np.ndarray, np.ndarray]:
    return np.asarray(lon, dtype=float) * _K, np.asarray(lat, dtype=float)


class PointRaster(pg.GraphicsObject):
    """The map — boundaries, every point layer, the units' names on top — painted into one image
    at the view's scale, blitted at each frame.

    The image covers the view and half a view on each side (within the points' extent): a pan
    inside it is one ``drawImage`` whatever the number of points; leaving it paints the image
    anew, once per half a view moved. At another scale (a zoom) the old image is shown scaled at
    once and the new one painted when the zoom has rested for ``settle_ms`` (or at the next
    synchronous paint, e.g. the first). Each layer is stamped with its symbol by one
    ``drawPixmapFragments`` call (the same pre-rendered symbols as pyqtgraph's scatter items).
    The boundaries and names are in the image too: as items of their own they cost a pan frame
    several times what the blit does (pyqtgraph places each text item anew at every frame)."""

    MARGIN = 0.5  # of the view's width and height, on each side
    settle_ms = 120
    sigLeftOut = Signal(object)  # the positions of the layers left out at this scale (too crowded)

    def __init__(self) -> None:
        super().__init__()
        self.layers: list[tuple[np.ndarray, np.ndarray, QPixmap, int | None]] = []
        self.left_out: frozenset[int] = frozenset()
        self.outline = QPainterPath()  # the boundaries, in data units
        self.outline_pen = QPen(QColor("#455a64"), 1.5)
        self.names: list[tuple[float, float, str]] = []  # (x, y, text) of each unit's name
        self.font = QFont()
        self._bounds = QRectF()
        self._image: QImage | None = None
        self._image_rect = QRectF()  # the data rectangle the image covers
        self._scale = (0.0, 0.0)  # device pixels per data unit (x, y) the image was painted at
        self._last_scale = (0.0, 0.0)  # … and the last frame was painted at
        self._frags = PrimitiveArray(QPainter.PixmapFragment, 10)
        self.renders = 0  # how many times the image was painted (tests, benchmark)
        self._settle = QTimer()
        self._settle.setSingleShot(True)
        self._settle.setInterval(self.settle_ms)
        self._settle.timeout.connect(self._rescale)

    def set_outline(self, outline: QPainterPath, names: list[tuple[float, float, str]], font: QFont) -> None:
        """The boundaries (under the points) and the units' names (over them), in data units."""
        self.outline, self.names, self.font = outline, names, QFont(font)
        self.set_layers(self.layers)

    def set_layers(self, layers: list[tuple[np.ndarray, np.ndarray, QPixmap, int | None]]) -> None:
        """(x, y, symbol, crowd) per layer, bottom first: a layer with more than ``crowd`` points
        in the image is left out at that scale (its symbols would bury everything under them)."""
        self.prepareGeometryChange()
        self.layers = list(layers)
        self._bounds = QRectF()
        drawn = [(x, y) for x, y, _p, _c in self.layers if len(x)]
        if drawn:
            x0 = min(float(x.min()) for x, _y in drawn)
            x1 = max(float(x.max()) for x, _y in drawn)
            y0 = min(float(y.min()) for _x, y in drawn)
            y1 = max(float(y.max()) for _x, y in drawn)
            pad = max(x1 - x0, y1 - y0, 1e-3) * 0.02  # the symbols reach a few pixels beyond
            self._bounds = QRectF(x0 - pad, y0 - pad, x1 - x0 + 2 * pad, y1 - y0 + 2 * pad)
        if not self.outline.isEmpty():
            r = self.outline.boundingRect()
            pad = max(r.width(), r.height()) * 0.02
            r = r.adjusted(-pad, -pad, pad, pad)
            self._bounds = r if self._bounds.isEmpty() else self._bounds.united(r)
        self._image = None
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(self._bounds)

    def _rescale(self) -> None:
        self._image = None
        self.update()

    def paint(self, p: QPainter, *_args: object) -> None:
        if self._bounds.isEmpty():
            return
        tr = p.transform()  # data → device (a scale and a translation)
        sx, sy = tr.m11(), tr.m22()
        vb = self.getViewBox()
        view = vb.viewRect() if vb is not None else self._bounds
        if self._image is not None and not self._same_scale(sx, sy):
            # a zoom under way: the old image scaled now, painted anew when it rests (a pan at
            # the new scale does not put that off: only another zoom step does)
            p.save()
            p.resetTransform()
            p.drawImage(tr.mapRect(self._image_rect), self._image)
            p.restore()
            if (sx, sy) != self._last_scale or not self._settle.isActive():
                self._settle.start()
            self._last_scale = (sx, sy)
            return
        self._last_scale = (sx, sy)
        # what must be in the image: the visible part of the points' extent, and a symbol beyond
        reach = 12 / max(abs(sx), 1e-12)
        need = view.adjusted(-reach, -reach, reach, reach).intersected(self._bounds)
        if self._image is None or not self._image_rect.contains(need):
            self._render(view, sx, sy)
        p.save()
        p.resetTransform()
        target = tr.mapRect(self._image_rect)
        p.drawImage(QPointF(round(target.left()), round(target.top())), self._image)  # same scale: a blit
        p.restore()

    def _paint_names(self, painter: QPainter, to_image: QTransform) -> None:
        """Each unit's name centred on its place, on a light ground: above the points."""
        painter.setFont(self.font)
        metrics = painter.fontMetrics()
        for x, y, text in self.names:
            c = to_image.map(QPointF(x, y))
            w, h = metrics.horizontalAdvance(text) + 8, metrics.height() + 2
            box = QRectF(c.x() - w / 2, c.y() - h / 2, w, h)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(255, 255, 255, 190))
            painter.drawRect(box)
            painter.setPen(QColor("#263238"))
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)

    def _same_scale(self, sx: float, sy: float) -> bool:
        # a pan recomputes the scale from the moved range: equal but for the last bits
        return abs(sx - self._scale[0]) <= 1e-6 * abs(sx) and abs(sy - self._scale[1]) <= 1e-6 * abs(sy)

    def _render(self, view: QRectF, sx: float, sy: float) -> None:
        mx, my = view.width() * self.MARGIN, view.height() * self.MARGIN
        want = view.adjusted(-mx, -my, mx, my).intersected(self._bounds)
        if want.isEmpty():
            want = QRectF(view.center(), view.center())
        ax, ay = abs(sx), abs(sy)
        w, h = max(1, math.ceil(want.width() * ax)), max(1, math.ceil(want.height() * ay))
        # whole pixels: the image's rectangle is what its pixels cover exactly
        want = QRectF(want.left(), want.bottom() - h / ay, w / ax, h / ay)
        img = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
        img.fill(Qt.GlobalColor.transparent)
        painter = QPainter(img)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            to_image = QTransform(ax, 0, 0, -ay, -want.left() * ax, want.bottom() * ay)
            painter.setTransform(to_image)
            pen = QPen(self.outline_pen)
            pen.setCosmetic(True)  # its width in pixels
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(self.outline)
            painter.resetTransform()
            left_out = set()
            for k, (x, y, pix, crowd) in enumerate(self.layers):
                px = (x - want.left()) * ax
                py = (want.bottom() - y) * ay
                reach = pix.width()
                sel = (px > -reach) & (px < w + reach) & (py > -reach) & (py < h + reach)
                n = int(np.count_nonzero(sel))
                if crowd is not None and n > crowd:
                    left_out.add(k)
                    continue
                if not n:
                    continue
                # one stamp per pixel: at a far view many points share one (same symbol, same place)
                ix, iy = np.rint(px[sel]).astype(np.int64), np.rint(py[sel]).astype(np.int64)
                reach_i = int(reach) + 1
                place = distinct((iy + reach_i) * (w + 2 * reach_i + 1) + (ix + reach_i))
                iy, ix = np.divmod(place, w + 2 * reach_i + 1)
                n = len(place)
                self._frags.resize(n)
                frags = self._frags.ndarray()
                frags[:, 0] = ix - reach_i
                frags[:, 1] = iy - reach_i
                frags[:, 2:6] = (0, 0, pix.width(), pix.height())  # the whole symbol
                frags[:, 6:10] = (1.0, 1.0, 0.0, 1.0)  # scale x, y, rotation, opacity
                painter.drawPixmapFragments(*self._frags.drawargs(), pix)
            self._paint_names(painter, to_image)
        finally:
            painter.end()
        self._image, self._image_rect, self._scale = img, want, (sx, sy)
        self.renders += 1
        if frozenset(left_out) != self.left_out:
            self.left_out = frozenset(left_out)
            self.sigLeftOut.emit(self.left_out)

    def pixel_at(self, x: float, y: float) -> QColor | None:
        """The image's colour at data point (x, y), None outside it (tests)."""
        if self._image is None or not self._image_rect.contains(QPointF(x, y)):
            return None
        ax, ay = abs(self._scale[0]), abs(self._scale[1])
        col = int((x - self._image_rect.left()) * ax)
        row = int((self._image_rect.bottom() - y) * ay)
        col, row = min(col, self._image.width() - 1), min(row, self._image.height() - 1)
        return self._image.pixelColor(col, row)


class PointIndex:
    """The nearest shown point to a place, through a uniform grid: the points sorted by cell, a
    row of cells found by binary search. No scan of every point per mouse move."""

    CELLS = 512  # across the larger side of the extent

    def __init__(self, x: np.ndarray, y: np.ndarray) -> None:
        self.x, self.y = x, y
        self._built = False  # the grid is made at the first look-up (the first hover), not with the map

    def _build(self) -> None:
        self._built = True
        x, y = self.x, self.y
        if not len(x):
            self.keys = np.zeros(0, dtype=np.int64)
            self.order = self.keys
            return
        self.x0, self.y0 = float(x.min()), float(y.min())
        span = max(float(x.max()) - self.x0, float(y.max()) - self.y0, 1e-9)
        self.cell = span / self.CELLS
        cx = ((x - self.x0) / self.cell).astype(np.int64)
        cy = ((y - self.y0) / self.cell).astype(np.int64)
        self.ncols = int(cx.max()) + 1
        self.nrows = int(cy.max()) + 1
        key = cy * self.ncols + cx
        self.order = np.argsort(key, kind="stable")
        self.keys = key[self.order]

    def nearest(self, qx: float, qy: float, radius: float) -> int | None:
        """The position (in x, y) of the nearest point within ``radius``, or None."""
        hit = self.nearest_d2(qx, qy, radius)
        return None if hit is None else hit[0]

    def nearest_d2(self, qx: float, qy: float, radius: float) -> tuple[int, float] | None:
        """(position, squared distance) of the nearest point within ``radius``, or None."""
        if not self._built:
            self._build()
        if not len(self.keys):
            return None
        c0 = max(0, math.floor((qx - radius - self.x0) / self.cell))
        c1 = min(self.ncols - 1, math.floor((qx + radius - self.x0) / self.cell))
        r0 = max(0, math.floor((qy - radius - self.y0) / self.cell))
        r1 = min(self.nrows - 1, math.floor((qy + radius - self.y0) / self.cell))
        if c0 > c1 or r0 > r1:
            return None
        rows = np.arange(r0, r1 + 1, dtype=np.int64) * self.ncols
        lo = np.searchsorted(self.keys, rows + c0, side="left")
        hi = np.searchsorted(self.keys, rows + c1, side="right")
        cand = np.concatenate([self.order[a:b] for a, b in zip(lo.tolist(), hi.tolist(), strict=True)])
        if not len(cand):
            return None
        d2 = (self.x[cand] - qx) ** 2 + (self.y[cand] - qy) ** 2
        best = int(np.argmin(d2))
        return (int(cand[best]), float(d2[best])) if d2[best] <= radius * radius else None


@dataclass(eq=False)
class Layer:
    """One layer of points: ``index`` — their places in the register's :class:`MapPoints` —
    and their projected ``x``, ``y``; ``sample`` is the legend's entry (a scatter item with no
    points, never drawn: its visibility is the layer's, toggled from the legend)."""

    key: str
    kind: str
    index: np.ndarray
    x: np.ndarray
    y: np.ndarray
    symbol: QPixmap
    sample: pg.ScatterPlotItem
    radius: float  # in pixels, for hover and click
    crowd: int | None = None  # more of its points than this in the picture: left out (venues, poles)

    def __len__(self) -> int:
        return len(self.index)

    @property
    def visible(self) -> bool:
        return self.sample.isVisible()


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
        self.legend = self.plot.addLegend(
            offset=(-10, -10), labelTextSize="10pt", labelTextColor="#263238", brush=(255, 255, 255, 210)
        )
        self.legend.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)  # it stays put as the map pans
        self.layers: dict[str, Layer] = {}
        self.raster = PointRaster()
        self._points: dict[str, MapPoints] = {}
        self._shown: list[Layer] = []  # the visible layers, bottom first
        # the hover's indexes: the stations' layers in one, each other layer in its own (it may be
        # left out of the picture): (per layer of the group: the layer, its first place), index
        self._groups: list[tuple[list[tuple[Layer, int]], PointIndex]] = []
        self.raster.sigLeftOut.connect(lambda _out: self._update_note())
        self._stations_shown = 0
        self._outline: tuple[str | None, QPainterPath, list[tuple[float, float, str]]] | None = None
        self.hover_text: str | None = None
        scene = self.plot.scene()
        scene.sigMouseMoved.connect(self._hover)
        scene.sigMouseClicked.connect(self._clicked)
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
        self.plot.addItem(self.raster)
        self._draw_boundaries(unit)
        self._draw_points()
        self.show_all()

    def _draw_boundaries(self, unit: str | None) -> None:
        """The units' boundaries and names, painted by the raster (under and over the points)."""
        shown = [b for code, b in boundaries.unit_boundaries().items() if unit is None or code == unit]
        if self._outline is None or self._outline[0] != unit:
            outline = QPainterPath()
            for b in shown:
                for ring in b.rings:
                    xy = np.asarray(ring, dtype=float)
                    x, y = project(xy[:, 0], xy[:, 1])
                    outline.addPath(pg.arrayToQPath(x, y))  # one C++ call per ring, no QPointF per vertex
            names = [(b.centroid()[0] * _K, b.centroid()[1], b.name) for b in shown]
            self._outline = (unit, outline, names)
        self.raster.set_outline(self._outline[1], self._outline[2], self.font())
        self._extent = shown

    def _layer(self, key: str, kind: str, name: str, xs, ys, index, *, size, symbol, pen, brush, crowd=None) -> None:  # type: ignore[no-untyped-def]
        """One layer: its points (places in ``self._points[kind]``), its symbol pre-rendered once,
        and its legend entry."""
        sample = pg.ScatterPlotItem(size=size, symbol=symbol, pen=pen, brush=brush, pxMode=True)
        sample.visibleChanged.connect(self._layers_changed)  # a click on the legend entry
        style = (symbol, size, pen.color().rgba(), pen.widthF(), brush.color().rgba())
        if style not in _SYMBOLS:
            _SYMBOLS[style] = QPixmap.fromImage(renderSymbol(symbol, size, pen, brush))
        layer = Layer(key, kind, np.asarray(index), xs, ys, _SYMBOLS[style], sample, size / 2 + 2, crowd)
        self.legend.addItem(sample, name)
        self.layers[key] = layer

    def _draw_points(self) -> None:
        self.layers = {}
        self.legend.clear()
        if not self._points:
            self._layers_changed()
            return
        st = self._points[STATION]
        by = self.colour_by.currentData()
        op_filter, status_filter = self.operator.currentData(), self.status.currentData()
        mode_filter = self.mode.currentData()
        x, y = project(st.lon, st.lat)
        keep = np.ones(len(st), dtype=bool)
        if op_filter:
            keep &= st.operator_index == OPERATOR_CODES.index(op_filter)
        if status_filter:
            keep &= st.status_index == STATUS_CODES.index(status_filter)
        if mode_filter:
            keep &= st.mode_index == MODE_CODES.index(mode_filter)
        groups = codes.STATUS if by == BY_STATUS else codes.OPERATOR
        colours = STATUS_COLOURS if by == BY_STATUS else OPERATOR_COLOURS
        column, values = (st.status_index, STATUS_CODES) if by == BY_STATUS else (st.operator_index, OPERATOR_CODES)
        shown = 0
        for c in groups:
            sel = np.flatnonzero(keep & (column == values.index(c.code)))
            n = len(sel)
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
                sel,
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
                crowd=VENUES_POLES_CROWD,
            )
        self._stations_shown = shown
        self._layers_changed()
        self._update_note()

    def _update_note(self) -> None:
        text = self.tr("基站 %1 个（有坐标）").replace("%1", str(self._stations_shown))
        if self.raster.left_out:
            text += self.tr("；场所和杆塔放大后显示")
        self.note.setText(text)

    def _layers_changed(self) -> None:
        """The visible layers into the raster and the hover index."""
        self._shown = [layer for layer in self.layers.values() if layer.visible]
        self.raster.set_layers([(la.x, la.y, la.symbol, la.crowd) for la in self._shown])
        self._groups = []
        stations = [la for la in self._shown if la.crowd is None]
        for group in ([stations] if stations else []) + [[la] for la in self._shown if la.crowd is not None]:
            starts, start = [], 0
            for layer in group:
                starts.append((layer, start))
                start += len(layer)
            index = PointIndex(np.concatenate([la.x for la in group]), np.concatenate([la.y for la in group]))
            self._groups.append((starts, index))

    def _legend_text(self, title: str, n: int) -> str:
        return self.tr("%1（%2）").replace("%1", title).replace("%2", str(n))

    # Interaction --------------------------------------------------------------------------------------
    def record_of(self, kind: str, i: int) -> tuple[str, int, str, str]:
        """The point ``i`` of ``kind``'s points: (kind, id, name, code)."""
        pts = self._points[kind]
        code, name = pts.labels([i])[0]
        return kind, int(pts.ids[i]), name, code

    def tip(self, kind: str, i: int) -> str:
        _kind, _rid, name, code = self.record_of(kind, i)
        return f"{name}\n{code}"

    def point_at(self, x: float, y: float, radius_px: float | None = None) -> tuple[str, int] | None:
        """The shown point nearest to view point (x, y) within its symbol (or ``radius_px``
        pixels): (kind, its place in the register's points), or None."""
        if not self._shown:
            return None
        px = self.viewbox.viewPixelSize()[0]
        radius = (radius_px if radius_px is not None else max(la.radius for la in self._shown)) * px
        left_out = {id(self._shown[k]) for k in self.raster.left_out if k < len(self._shown)}
        best: tuple[float, str, int] | None = None
        for starts, index in self._groups:
            if any(id(layer) in left_out for layer, _start in starts):
                continue  # not in the picture: nothing of it under the mouse
            hit = index.nearest_d2(x, y, radius)
            if hit is None or (best is not None and hit[1] >= best[0]):
                continue
            for layer, start in reversed(starts):
                if hit[0] >= start:
                    best = (hit[1], layer.kind, int(layer.index[hit[0] - start]))
                    break
        return None if best is None else (best[1], best[2])

    def _view_point(self, scene_pos: QPointF) -> QPointF | None:
        if not self.viewbox.sceneBoundingRect().contains(scene_pos):
            return None
        return self.viewbox.mapSceneToView(scene_pos)

    def _hover(self, scene_pos: QPointF) -> None:
        v = self._view_point(scene_pos)
        hit = self.point_at(v.x(), v.y()) if v is not None else None
        text = self.tip(*hit) if hit is not None else None
        if text == self.hover_text:
            return
        self.hover_text = text
        if text is None:
            QToolTip.hideText()
        else:
            where = self.plot.mapToGlobal(self.plot.mapFromScene(scene_pos))
            QToolTip.showText(where, text, self.plot)

    def _clicked(self, ev: object) -> None:
        if ev.button() != Qt.MouseButton.LeftButton or ev.double():  # type: ignore[attr-defined]
            return
        v = self._view_point(ev.scenePos())  # type: ignore[attr-defined]
        hit = self.point_at(v.x(), v.y()) if v is not None else None
        if hit is not None:
            ev.accept()  # type: ignore[attr-defined]
            kind, i = hit
            self.open_record(kind, int(self._points[kind].ids[i]))

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
        for layer in self._shown:
            xs, ys = layer.x, layer.y
            inside = (xs >= rect.left()) & (xs <= rect.right()) & (ys >= rect.top()) & (ys <= rect.bottom())
            pts = self._points[layer.kind]
            places = layer.index[inside]
            labels = pts.labels(places)
            status, operator = pts.status, pts.operator
            for i, (code, name) in zip(places.tolist(), labels, strict=True):
                unit = str(int(pts.unit_number[i]))
                out.append(
                    (layer.kind, int(pts.ids[i]), code, name, units.get(unit, unit), operator[i], status[i])
                )
        # stations first (then venues, poles), each kind in the order of its records
        order = {STATION: 0, VENUE: 1, POLE: 2}
        out.sort(key=lambda r: (order[r[0]], r[1]))
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
