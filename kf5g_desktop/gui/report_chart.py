"""The cumulative-stations chart of the printed report, drawn with QPainter into an image.

Drawn by hand (not pyqtgraph) so it renders the same offscreen, in a worker thread and on paper.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPen

from kf5g_desktop.domain.periods import IsoWeek, weeks_in_year
from kf5g_desktop.reports.figures import WeeklySeries

from .fonts import report_font

BLUE = QColor("#1f5fbf")
RED = QColor("#c62828")
GREY = QColor("#9e9e9e")
TEXT = QColor("#212121")

translate = QCoreApplication.translate


def nice_step(span: float, ticks: int = 5) -> int:
    raw = max(span / ticks, 1)
    mag = 10 ** len(str(int(raw))) // 10 or 1
    for m in (1, 2, 5, 10):
        if raw <= m * mag:
            return int(m * mag)
    return int(10 * mag)


@dataclass(slots=True)
class ChartTexts:
    """What ``cumulative_chart`` drew, for tests: the plot area and each text with its box."""

    plot: QRectF = field(default_factory=QRectF)
    texts: list[tuple[str, str, QRectF]] = field(default_factory=list)  # (role, text, box)

    def of(self, role: str) -> list[tuple[str, QRectF]]:
        return [(t, r) for k, t, r in self.texts if k == role]


X_LABEL_GAP = 24  # px between two x-axis labels
QUARTER_STEPS = (3, 6, 12)  # months between x ticks: quarters, half years, years


def x_ticks(weeks: list[IsoWeek], months: int) -> list[tuple[int, date]]:
    """(index, month start) of the weeks that end in the first days of every ``months``-th month."""
    out = []
    for i, w in enumerate(weeks):
        e = w.end
        if e.day <= 7 and (e.month - 1) % months == 0:
            out.append((i, date(e.year, e.month, 1)))
    return out


def month_label(d: date, with_year: bool) -> str:
    mon = QLocale(QLocale.Language.English).monthName(d.month, QLocale.FormatType.ShortFormat)
    if with_year:
        return translate("report", "{year}年{month}月").format(year=d.year, month=d.month, mon=mon)
    return translate("report", "{month}月").format(month=d.month, mon=mon)


def cumulative_chart(
    series: WeeklySeries,
    week: IsoWeek,
    *,
    width: int = 1360,
    height: int = 560,
    title_font: QFont | None = None,
    drawn: ChartTexts | None = None,
) -> QImage:
    """Cumulative stations on air week by week, with the target line of the plan, up to ``week``.
    ``drawn`` (if given) receives the plot area and every text drawn."""
    record = drawn if drawn is not None else ChartTexts()
    img = QImage(width, height, QImage.Format.Format_RGB32)
    img.fill(Qt.GlobalColor.white)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = title_font or report_font()
    font.setPixelSize(22)
    p.setFont(font)
    fm = p.fontMetrics()

    def text_at(role: str, x: float, baseline: float, text: str) -> None:
        p.drawText(QPointF(x, baseline), text)
        record.texts.append(
            (role, text, QRectF(x, baseline - fm.ascent(), fm.horizontalAdvance(text), fm.height()))
        )

    def text_in(role: str, box: QRectF, flags: Qt.AlignmentFlag, text: str) -> None:
        p.drawText(box, int(flags), text)
        record.texts.append((role, text, QRectF(p.boundingRect(box, int(flags), text))))

    first = series.weeks[0] if series.weeks else week
    last_year = week.year
    end_week = IsoWeek(last_year, weeks_in_year(last_year))
    weeks = _week_range(first, end_week)
    n_weeks = len(weeks)
    targets = sorted((y, v) for y, v in series.targets.items() if first.year <= y <= last_year)
    top_value = max([*series.cumulative, *(v for _, v in targets), 10])
    step = nice_step(top_value * 1.1)
    y_max = step * (int(top_value * 1.1 // step) + 1)

    left, right, top, bottom = fm.horizontalAdvance(str(y_max)) + 30, 30, 60, 60
    plot = QRectF(left, top, width - left - right, height - top - bottom)
    record.plot = QRectF(plot)

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
        text_in("y", r, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(v))
    # x ticks: quarters, half years or years, whichever leaves room between the labels; a label
    # that would run past either end of the plot is left out. The first label and each January
    # name the year.
    for months in QUARTER_STEPS:
        ticks = x_ticks(weeks, months)
        widest = max((fm.horizontalAdvance(month_label(d, True)) for _, d in ticks), default=0)
        spacing = min((x_of(b[0]) - x_of(a[0]) for a, b in itertools.pairwise(ticks)), default=plot.width())
        if spacing >= widest + X_LABEL_GAP:
            break
    shown_year = False
    for i, d in ticks:
        x = x_of(i)
        p.setPen(QPen(QColor("#e0e0e0"), 1))
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        label = month_label(d, with_year=d.month == 1 or not shown_year)
        lw = fm.horizontalAdvance(label)
        if x - lw / 2 < plot.left() or x + lw / 2 > plot.right():
            continue
        shown_year = True
        p.setPen(TEXT)
        text_in(
            "x", QRectF(x - lw / 2 - 2, plot.bottom() + 8, lw + 4, 30), Qt.AlignmentFlag.AlignHCenter, label
        )
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
            # Above and to the left of the point: both lines rise towards it from the left.
            text = translate("report", "{year}年目标 {n}").format(year=y, n=v)
            tw = fm.horizontalAdvance(text)
            text_at("target", max(pt.x() - tw - 10, plot.left() + 6), pt.y() - 14, text)
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
        label = translate("report", "第{week}周末 {n}").format(week=week.week, n=series.cumulative[-1])
        tw = fm.horizontalAdvance(label)
        lx = pt.x() + 12 if pt.x() + 12 + tw < plot.right() else pt.x() - 12 - tw
        p.setPen(BLUE)
        text_at("last", lx, pt.y() + 30, label)

    # Legend
    lx, ly = plot.left() + 20, 18
    p.setPen(QPen(BLUE, 4))
    p.drawLine(QPointF(lx, ly + 12), QPointF(lx + 40, ly + 12))
    p.setPen(TEXT)
    on_air = translate("report", "累计开通基站（个）")
    text_at("legend", lx + 50, ly + 20, on_air)
    lx += 60 + fm.horizontalAdvance(on_air) + 30
    p.setPen(QPen(RED if targets else GREY, 3, Qt.PenStyle.DashLine))
    p.drawLine(QPointF(lx, ly + 12), QPointF(lx + 40, ly + 12))
    p.setPen(TEXT)
    target = translate("report", "目标线") if targets else translate("report", "目标线（未设置本区县目标）")
    text_at("legend", lx + 50, ly + 20, target)
    p.end()
    return img


def _week_range(first: IsoWeek, last: IsoWeek) -> list[IsoWeek]:
    from kf5g_desktop.domain.periods import weeks_between

    return weeks_between(first, last)


def _index_of(first: IsoWeek, day: date) -> float:
    """Position of ``day`` on the week axis (0 = the first week's Monday), in weeks."""
    return (day - first.start).days / 7
