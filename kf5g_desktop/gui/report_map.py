"""The map page of the printed report: the unit (or the city's nine units) with every station as
it stood at the week's end, this week's new and opened stations highlighted.

Drawn by hand with QPainter into an image (like ``report_chart``), so it renders the same
offscreen, in a worker thread and on paper. The points — 100,000 for the city — are not painted one
by one: each kind's symbol is painted once into a small image and stamped into the map's pixels
with numpy, all points at a time (:func:`_stamp`), which costs what a few hundred ``drawEllipse``
calls do. Boundaries and points are WGS-84, drawn on the map
page's projection (longitude scaled by cos 34.6°). The points come from ``ReportData.map_points``
(``Store.map_points`` as at the week's moment); the highlighted ones from the report's own list of
stations registered or opened this week (``WeekFigures.station_changes``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPen

from kf5g_desktop.domain import boundaries
from kf5g_desktop.reports.weekly import ReportData

from .arrays import distinct
from .fonts import report_font

translate = QCoreApplication.translate

WIDTH, HEIGHT = 660, 820  # layout units (the page's text width); painted at SCALE× for print
SCALE = 2.5
_K = math.cos(math.radians(34.6))
OTHER = QColor("#b0bec5")
NEW = QColor("#1f5fbf")
OPENED = QColor("#c62828")
BORDER = QColor("#455a64")
TEXT = QColor("#212121")


@dataclass(slots=True)
class MapTexts:
    """What ``report_map`` drew, for tests: the counts of each layer and the texts."""

    others: int = 0
    new: int = 0
    opened: int = 0
    texts: list[str] = field(default_factory=list)


def highlighted(data: ReportData) -> tuple[set[int], set[int]]:
    """Ids of this week's stations: (registered only, opened — new or not)."""
    new, opened = set(), set()
    for item in data.figures.station_changes:
        (opened if item.note in ("本周开通", "新登记并开通") else new).add(item.id)
    return new, opened


def report_map(data: ReportData, drawn: MapTexts | None = None) -> QImage:
    """The map image (``WIDTH`` × ``HEIGHT`` layout units at ``SCALE``× resolution)."""
    drawn = drawn if drawn is not None else MapTexts()
    img = QImage(round(WIDTH * SCALE), round(HEIGHT * SCALE), QImage.Format.Format_RGB32)
    img.fill(Qt.GlobalColor.white)
    p = QPainter(img)
    try:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.scale(SCALE, SCALE)
        _paint(p, data, drawn)
    finally:
        p.end()
    return img


URBAN = ("410202", "410203", "410204", "410205")  # the city edition's inset: the four urban districts


@dataclass(slots=True)
class _Frame:
    """A map drawn into ``area`` for the extent (x0, y0)–(x1, y1) in projected units."""

    area: QRectF
    x0: float
    y0: float
    x1: float
    y1: float
    scale: float = 0.0
    ox: float = 0.0
    oy: float = 0.0

    def __post_init__(self) -> None:
        w, h = self.x1 - self.x0, self.y1 - self.y0
        self.scale = min(self.area.width() / w, self.area.height() / h)
        self.ox = self.area.left() + (self.area.width() - w * self.scale) / 2
        self.oy = self.area.top() + (self.area.height() - h * self.scale) / 2

    def at(self, lon: float, lat: float) -> QPointF:
        return QPointF(self.ox + (lon * _K - self.x0) * self.scale, self.oy + (self.y1 - lat) * self.scale)

    def used(self) -> QRectF:
        return QRectF(self.at(self.x0 / _K, self.y1), self.at(self.x1 / _K, self.y0))


def _extent(shown: list[boundaries.Boundary], pad: float = 0.0) -> tuple[float, float, float, float]:
    x0 = min(b.lon_min for b in shown) * _K
    x1 = max(b.lon_max for b in shown) * _K
    y0 = min(b.lat_min for b in shown)
    y1 = max(b.lat_max for b in shown)
    dx, dy = (x1 - x0) * pad, (y1 - y0) * pad
    return x0 - dx, y0 - dy, x1 + dx, y1 + dy


def _paint(p: QPainter, data: ReportData, drawn: MapTexts) -> None:
    unit = data.figures.unit_code
    all_units = boundaries.unit_boundaries()
    shown = [b for code, b in all_units.items() if unit is None or code == unit]
    pts = data.map_points
    new, opened = highlighted(data)
    layers: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    ids = np.asarray(pts.ids if pts is not None else [], dtype=np.int64)
    lon = np.asarray(pts.lon if pts is not None else [], dtype=float)
    lat = np.asarray(pts.lat if pts is not None else [], dtype=float)
    is_opened = np.isin(ids, np.fromiter(opened, dtype=np.int64, count=len(opened)))
    is_new = np.isin(ids, np.fromiter(new, dtype=np.int64, count=len(new))) & ~is_opened
    for key, sel in (("other", ~(is_opened | is_new)), ("new", is_new), ("opened", is_opened)):
        layers[key] = (lon[sel], lat[sel])
    drawn.others, drawn.new, drawn.opened = (len(layers[k][0]) for k in ("other", "new", "opened"))
    legend_h = 56
    inset_codes = [c for c in URBAN if c in all_units] if unit is None else []
    if inset_codes:
        # the city: the nine units above, the four urban districts enlarged below
        main = _Frame(QRectF(8, 8, WIDTH - 16, (HEIGHT - legend_h) * 0.56 - 8), *_extent(shown))
        urban = [all_units[c] for c in inset_codes]
        inset = _Frame(QRectF(8, (HEIGHT - legend_h) * 0.56 + 22, WIDTH - 16, (HEIGHT - legend_h) * 0.44 - 30),
                       *_extent(urban, 0.04))
        _draw(p, main, shown, layers, drawn, labels=[b for b in shown if b.code not in inset_codes])
        frame = QRectF(main.at(inset.x0 / _K, inset.y1), main.at(inset.x1 / _K, inset.y0))
        p.setPen(QPen(TEXT, 0.8, Qt.PenStyle.DashLine))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(frame)
        box = inset.used()
        p.save()
        p.setClipRect(box)
        _draw(p, inset, shown, layers, drawn, labels=urban, big=True)
        p.restore()
        p.setPen(QPen(TEXT, 0.8))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(box)
        p.setFont(report_font(9))
        title = translate("report", "市区放大")
        p.drawText(QRectF(box.left() + 4, box.top() - 18, 200, 16), int(Qt.AlignmentFlag.AlignLeft), title)
        drawn.texts.append(title)
    else:
        main = _Frame(QRectF(8, 8, WIDTH - 16, HEIGHT - 16 - legend_h), *_extent(shown))
        _draw(p, main, shown, layers, drawn, labels=shown)
    _legend(p, main, HEIGHT - legend_h + 4, drawn)


def _draw(
    p: QPainter,
    frame: _Frame,
    shown: list[boundaries.Boundary],
    layers: dict[str, tuple[np.ndarray, np.ndarray]],
    drawn: MapTexts,
    *,
    labels: list[boundaries.Boundary],
    big: bool = False,
) -> None:
    for b in shown:
        path = QPainterPath()
        for ring in b.rings:
            path.moveTo(frame.at(*ring[0]))
            for pt in ring[1:]:
                path.lineTo(frame.at(*pt))
            path.closeSubpath()
        p.setPen(QPen(BORDER, 1.2))
        p.setBrush(QBrush(QColor("#f5f7f8")))
        p.drawPath(path)
    # the points: others small and grey, this week's new in blue, opened in red (on top)
    r = 1.4 if len(layers["other"][0]) > 3000 and not big else 2.0
    for key, colour, radius, rim in (("other", OTHER, r, 0.0), ("new", NEW, 4.0, 0.8), ("opened", OPENED, 4.5, 0.8)):
        lon, lat = layers[key]
        if not len(lon):
            continue
        # layout units → the image's pixels: the frame's placing, then the painter's scale
        tr = p.transform()
        x = (frame.ox + (lon * _K - frame.x0) * frame.scale) * tr.m11() + tr.dx()
        y = (frame.oy + (frame.y1 - lat) * frame.scale) * tr.m22() + tr.dy()
        clip = p.clipBoundingRect() if p.hasClipping() else QRectF()
        if not clip.isEmpty():
            clip = tr.mapRect(clip)
        _stamp(p.device(), x, y, _symbol(colour, radius * tr.m11(), rim * tr.m11()), clip)
    p.setFont(report_font(9))
    for b in labels:
        c = frame.at(*b.centroid())
        box = QRectF(c.x() - 60, c.y() - 9, 120, 18)
        text = p.boundingRect(box, int(Qt.AlignmentFlag.AlignCenter), b.name).adjusted(-3, -1, 3, 1)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(255, 255, 255, 200))
        p.drawRoundedRect(text, 3, 3)
        p.setPen(TEXT)
        p.drawText(box, int(Qt.AlignmentFlag.AlignCenter), b.name)
        drawn.texts.append(b.name)


def _symbol(colour: QColor, radius: float, rim: float) -> QImage:
    """A filled circle of ``radius`` pixels (with a white rim ``rim`` wide), antialiased."""
    size = math.ceil(2 * (radius + rim)) + 2
    img = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.transparent)
    q = QPainter(img)
    try:
        q.setRenderHint(QPainter.RenderHint.Antialiasing)
        q.setPen(QPen(QColor("white"), rim) if rim else Qt.PenStyle.NoPen)
        q.setBrush(colour)
        q.drawEllipse(QPointF(size / 2, size / 2), radius, radius)
    finally:
        q.end()
    return img


def _stamp(target: object, x: np.ndarray, y: np.ndarray, symbol: QImage, clip: QRectF) -> None:
    """``symbol`` composited over ``target`` (an RGB32 QImage) centred on each pixel point (x, y),
    within ``clip`` (pixels; empty: the whole image): one pass per pixel of the symbol over all
    points at once, on the image's 32-bit pixels (an opaque pixel of the symbol is a plain store,
    an edge pixel "source over"). Points of one kind at the same pixel are stamped once."""
    assert isinstance(target, QImage) and target.format() == QImage.Format.Format_RGB32
    h, w = target.height(), target.width()
    dst = np.frombuffer(target.bits(), dtype=np.uint32).reshape(h, target.bytesPerLine() // 4)
    stride = dst.shape[1]
    flat = dst.reshape(-1)
    sh, sw = symbol.height(), symbol.width()
    src = np.frombuffer(symbol.constBits(), dtype=np.uint32).reshape(sh, symbol.bytesPerLine() // 4)[:, :sw]
    x0, y0, x1, y1 = (0, 0, w, h) if clip.isEmpty() else (
        max(0, math.floor(clip.left())), max(0, math.floor(clip.top())),
        min(w, math.ceil(clip.right())), min(h, math.ceil(clip.bottom())),
    )
    cx = np.rint(x - sw / 2).astype(np.int64)  # the symbol's top-left pixel
    cy = np.rint(y - sh / 2).astype(np.int64)
    near = (cx > x0 - sw) & (cx < x1) & (cy > y0 - sh) & (cy < y1)
    base = distinct(cy[near] * stride + cx[near])  # one stamp per pixel place
    cy, cx = np.divmod(base, stride)
    whole = (cx >= x0) & (cx + sw <= x1) & (cy >= y0) & (cy + sh <= y1)  # no pixel of it clipped
    inner, edge = base[whole], (cx[~whole], cy[~whole])
    for dy in range(sh):
        for dx in range(sw):
            pixel = int(src[dy, dx])
            alpha = pixel >> 24
            if not alpha:
                continue
            ex, ey = edge[0] + dx, edge[1] + dy
            keep = (ex >= x0) & (ex < x1) & (ey >= y0) & (ey < y1)
            idx = np.concatenate([inner + (dy * stride + dx), ey[keep] * stride + ex[keep]])
            if alpha == 255:
                flat[idx] = pixel | 0xFF000000
                continue
            under = flat[idx]
            out = np.full(len(idx), 0xFF000000, dtype=np.uint32)
            for shift in (0, 8, 16):  # B, G, R: premultiplied source over
                c = (under >> shift) & 0xFF
                c = ((pixel >> shift) & 0xFF) + (c * (255 - alpha) + 127) // 255
                out |= np.minimum(c, 255).astype(np.uint32) << shift
            flat[idx] = out


def _legend(p: QPainter, frame: _Frame, y: float, drawn: MapTexts) -> None:
    """Legend and scale bar (of the main map) under the map."""
    p.setFont(report_font(9))
    x = 16.0
    for colour, radius, text in (
        (OPENED, 4.5, translate("report", "本周开通（{n}个）").format(n=drawn.opened)),
        (NEW, 4.0, translate("report", "本周新登记（{n}个）").format(n=drawn.new)),
        (OTHER, 2.5, translate("report", "其他基站（{n}个）").format(n=drawn.others)),
    ):
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawEllipse(QPointF(x + 5, y + 9), radius, radius)
        p.setPen(TEXT)
        box = QRectF(x + 14, y, 170, 18)
        p.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
        drawn.texts.append(text)
        x += 190
    # x is longitude · cos φ0 in degrees: one kilometre is 1 / 111.195 of a unit in x as in y
    km = _nice_km((frame.x1 - frame.x0) * 111.195 / 5)
    bar = km / 111.195 * frame.scale
    bx, by = 16.0, y + 34
    p.setPen(QPen(TEXT, 1.2))
    p.drawLine(QPointF(bx, by), QPointF(bx + bar, by))
    for xx in (bx, bx + bar):
        p.drawLine(QPointF(xx, by - 4), QPointF(xx, by))
    scale_text = translate("report", "{km}公里").format(km=f"{km:g}")
    p.drawText(QRectF(bx + bar + 6, by - 9, 120, 18), int(Qt.AlignmentFlag.AlignVCenter), scale_text)
    note = translate("report", "坐标为CGCS2000（WGS-84）；无底图")
    p.drawText(
        QRectF(WIDTH - 316, by - 9, 300, 18),
        int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
        note,
    )
    drawn.texts += [scale_text, note]


def _nice_km(span: float) -> float:
    for step in (0.5, 1, 2, 5, 10, 20, 50):
        if span <= step:
            return step
    return 50.0
