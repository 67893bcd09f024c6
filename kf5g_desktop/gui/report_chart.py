"""The cumulative-stations chart of the printed report, drawn with QPainter into an image.

Drawn by hand (not pyqtgraph) so it renders the same offscreen, in a worker thread and on paper.
"""

from __future__ import annotations

import itertools
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPen

from kf5g_desktop.domain.periods import IsoWeek, weeks_in_year
from kf5g_desktop.reports.figures import WeeklySeries

from .fonts import report_font

BLUE = QColor("#1f5fbf")
RED = QColor("#c62828")
GREY = QColor("#9e9e9e")
TEXT = QColor("#212121")


def nice_step(span: float, ticks: int = 5) -> int:
    raw = max(span / ticks, 1)
    mag = 10 ** len(str(int(raw))) // 10 or 1
    for m in (1, 2, 5, 10):
        if raw <= m * mag:
            return int(m * mag)
    return int(10 * mag)


def cumulative_chart(
    series: WeeklySeries,
    week: IsoWeek,
    *,
    width: int = 1360,
    height: int = 560,
    title_font: QFont | None = None,
) -> QImage:
    """Cumulative stations on air week by week, with the target line of the plan, up to ``week``."""
    img = QImage(width, height, QImage.Format.Format_RGB32)
    img.fill(Qt.GlobalColor.white)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = title_font or report_font()
    font.setPixelSize(22)
    p.setFont(font)
    fm = p.fontMetrics()

    first = series.weeks[0] if series.weeks else week
    last_year = week.year
    end_week = IsoWeek(last_year, weeks_in_year(last_year))
    n_weeks = len(_week_range(first, end_week))
    targets = sorted((y, v) for y, v in series.targets.items() if first.year <= y <= last_year)
    top_value = max([*series.cumulative, *(v for _, v in targets), 10])
    step = nice_step(top_value * 1.1)
    y_max = step * (int(top_value * 1.1 // step) + 1)

    left, right, top, bottom = fm.horizontalAdvance(str(y_max)) + 30, 30, 60, 60
    plot = QRectF(left, top, width - left - right, height - top - bottom)

    def x_of(i: float) -> float:
        return plot.left() + plot.width() * i / max(n_weeks - 1, 1)

    def y_of(v: float) -> float:
        return plot.bottom() - plot.height() * v / y_max

    # Grid and y labels
    p.setPen(QPen(QColor("#e0e0e0"), 1))
    for v in range(0, y_max + 1, step):
        p.drawLine(QPointF(plot.left(), y_of(v)), QPointF(plot.right(), y_of(v)))
    p.setPen(TEXT)
    for v in range(0, y_max + 1, step):
        r = QRectF(0, y_of(v) - 15, left - 10, 30)
        p.drawText(r, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), str(v))
    # x ticks: the first week of each quarter
    for i, w in enumerate(_week_range(first, end_week)):
        e = w.end
        month = e.month if e.day <= 7 and e.month in (1, 4, 7, 10) else None
        if month is None:
            continue
        x = x_of(i)
        p.setPen(QPen(QColor("#e0e0e0"), 1))
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        p.setPen(TEXT)
        label = f"{e.year}年{month}月" if month == 1 else f"{month}月"
        lw = fm.horizontalAdvance(label) + 4
        lx = min(max(x - lw / 2, 0), width - lw)  # keep the label inside the picture
        p.drawText(QRectF(lx, plot.bottom() + 8, lw, 30), int(Qt.AlignmentFlag.AlignHCenter), label)
    p.setPen(QPen(TEXT, 2))
    p.drawLine(plot.bottomLeft(), plot.bottomRight())
    p.drawLine(plot.bottomLeft(), plot.topLeft())

    # Target line: from nothing at the start to each year's target at that year's end.
    if targets:
        pts = [QPointF(x_of(0), y_of(0))]
        for y, v in targets:
            idx = _index_of(first, date(y, 12, 31))
            pts.append(QPointF(x_of(idx), y_of(v)))
        p.setPen(QPen(RED, 3, Qt.PenStyle.DashLine))
        for a, b in itertools.pairwise(pts):
            p.drawLine(a, b)
        p.setBrush(RED)
        for (y, v), pt in zip(targets, pts[1:], strict=True):
            p.drawEllipse(pt, 6, 6)
            text = f"{y}年目标 {v}"
            tw = fm.horizontalAdvance(text)
            p.drawText(QPointF(min(pt.x() - tw / 2, plot.right() - tw), pt.y() - 14), text)
        p.setBrush(Qt.BrushStyle.NoBrush)

    # Cumulative on air
    if series.cumulative:
        path = QPainterPath(QPointF(x_of(0), y_of(series.cumulative[0])))
        for i, v in enumerate(series.cumulative[1:], start=1):
            path.lineTo(x_of(i), y_of(v))
        area = QPainterPath(path)
        area.lineTo(x_of(len(series.cumulative) - 1), plot.bottom())
        area.lineTo(x_of(0), plot.bottom())
        area.closeSubpath()
        p.fillPath(area, QColor(31, 95, 191, 40))
        p.setPen(QPen(BLUE, 4))
        p.drawPath(path)
        i_last = len(series.cumulative) - 1
        pt = QPointF(x_of(i_last), y_of(series.cumulative[-1]))
        p.setBrush(BLUE)
        p.drawEllipse(pt, 7, 7)
        p.setBrush(Qt.BrushStyle.NoBrush)
        label = f"第{week.week}周末 {series.cumulative[-1]}"
        tw = fm.horizontalAdvance(label)
        lx = pt.x() + 12 if pt.x() + 12 + tw < plot.right() else pt.x() - 12 - tw
        p.setPen(BLUE)
        p.drawText(QPointF(lx, pt.y() + 30), label)

    # Legend
    lx, ly = plot.left() + 20, 18
    p.setPen(QPen(BLUE, 4))
    p.drawLine(QPointF(lx, ly + 12), QPointF(lx + 40, ly + 12))
    p.setPen(TEXT)
    p.drawText(QPointF(lx + 50, ly + 20), "累计开通基站(个)")
    lx += 60 + fm.horizontalAdvance("累计开通基站(个)") + 30
    p.setPen(QPen(RED if targets else GREY, 3, Qt.PenStyle.DashLine))
    p.drawLine(QPointF(lx, ly + 12), QPointF(lx + 40, ly + 12))
    p.setPen(TEXT)
    p.drawText(QPointF(lx + 50, ly + 20), "目标线" if targets else "目标线(未设置本区县目标)")
    p.end()
    return img


def _week_range(first: IsoWeek, last: IsoWeek) -> list[IsoWeek]:
    from kf5g_desktop.domain.periods import weeks_between

    return weeks_between(first, last)


def _index_of(first: IsoWeek, day: date) -> float:
    """Position of ``day`` on the week axis (0 = the first week's Monday), in weeks."""
    return (day - first.start).days / 7
