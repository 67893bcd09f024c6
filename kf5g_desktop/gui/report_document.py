"""The printed weekly report (周报, PRODUCT §5): an A4 portrait QTextDocument painted page by page.

``ReportDocument(data)`` lays out the HTML of ``report_html`` (data from ``reports.weekly.gather``)
and paints it onto any printer; ``write_pdf`` paints it into a PDF file. Pages are laid out at 96
units per inch and painted scaled onto the printer, each page with "第 x 页 共 y 页".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPen, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from kf5g_desktop.reports.weekly import ReportData

from .fonts import report_font
from .report_chart import cumulative_chart
from .report_html import CHART_URL, build_html, tr

LAYOUT_DPI = 96
MARGINS_MM = QMarginsF(18, 15, 18, 14)
FOOTER_PT = 22  # space kept at the bottom of each page for the page number


def new_printer(mode: QPrinter.PrinterMode = QPrinter.PrinterMode.HighResolution) -> QPrinter:
    printer = QPrinter(mode)
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    return printer


class ReportDocument:
    """The laid-out document of one report, paintable onto any QPagedPaintDevice (printer, PDF)."""

    def __init__(self, data: ReportData) -> None:
        self.data = data
        self.doc = QTextDocument()
        self._device = QImage(1, 1, QImage.Format.Format_RGB32)
        dpm = round(LAYOUT_DPI / 0.0254)
        self._device.setDotsPerMeterX(dpm)
        self._device.setDotsPerMeterY(dpm)
        self.doc.documentLayout().setPaintDevice(self._device)
        self.doc.setDocumentMargin(0)
        self.doc.setDefaultFont(report_font(10.5))
        self.chart = cumulative_chart(data.series, data.figures.week)
        self.doc.addResource(QTextDocument.ResourceType.ImageResource, CHART_URL, self.chart)
        self._laid_for: tuple[float, float] | None = None

    @property
    def title(self) -> str:
        return self.data.figures.title

    def layout_for(self, printer: QPrinter) -> tuple[float, float]:
        """Lay the text out for the printer's paintable area; returns the body (width, height)."""
        rect = printer.pageLayout().paintRect(QPageLayout.Unit.Point)
        scale = LAYOUT_DPI / 72
        size = (rect.width() * scale, (rect.height() - FOOTER_PT) * scale)
        if self._laid_for != size:
            self.doc.setHtml(build_html(self.data))
            self.doc.setPageSize(QSizeF(*size))
            if self._page_of(tr("存在问题")) != self._page_of(tr("填报人"), size[1]):
                # Keep the problems and the sign-off block on one page.
                self.doc.setHtml(build_html(self.data, problems_on_new_page=True))
            self._laid_for = size
        return size

    def _page_of(self, text: str, page_height: float | None = None) -> int:
        """The page (0-based) where ``text`` first appears in the laid-out document."""
        cursor = self.doc.find(text)
        if cursor.isNull():
            return -1
        layout = self.doc.documentLayout()
        table = cursor.currentTable()
        if table is not None:
            top = layout.frameBoundingRect(table).top()
        else:
            top = layout.blockBoundingRect(cursor.block()).top()
        height = page_height or self.doc.pageSize().height()
        return int(top // height)

    def page_count(self, printer: QPrinter | None = None) -> int:
        self.layout_for(printer or new_printer(QPrinter.PrinterMode.ScreenResolution))
        return int(self.doc.pageCount())

    def paint(self, printer: QPrinter) -> int:
        """Paint every page (or the range the user chose) onto ``printer``. Returns pages painted."""
        width, height = self.layout_for(printer)
        pages = int(self.doc.pageCount())
        first, last = 1, pages
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first, last = max(1, printer.fromPage()), min(pages, printer.toPage() or pages)
        printer.setDocName(self.title)
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError(tr("无法开始打印(打印机或PDF文件不可用)。"))
        try:
            scale = printer.resolution() / LAYOUT_DPI
            footer_font = report_font()
            footer_font.setPixelSize(round(9 * LAYOUT_DPI / 72))  # layout units, whatever the printer
            for page in range(first, last + 1):
                if page > first:
                    printer.newPage()
                painter.save()
                painter.scale(scale, scale)
                painter.save()
                painter.translate(0, -(page - 1) * height)
                self.doc.drawContents(painter, QRectF(0, (page - 1) * height, width, height))
                painter.restore()
                self._footer(painter, page, pages, width, height, footer_font)
                painter.restore()
        finally:
            painter.end()
        return last - first + 1

    def _footer(
        self, painter: QPainter, page: int, pages: int, width: float, height: float, font: Any
    ) -> None:
        f = self.data.figures
        y = height + 6
        painter.setPen(QPen(Qt.GlobalColor.gray, 0.5))
        painter.drawLine(QPointF(0, y), QPointF(width, y))
        painter.setPen(Qt.GlobalColor.black)
        painter.setFont(font)
        box = QRectF(0, y + 2, width, FOOTER_PT * LAYOUT_DPI / 72 - 6)
        painter.drawText(
            box,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            f"{f.scope_name}5G网络建设周报 {f.week}",
        )
        painter.drawText(
            box,
            int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter),
            f"第 {page} 页 共 {pages} 页",
        )
        painter.drawText(
            box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), f"统计口径:{f.rule_label}"
        )


def write_pdf(report: ReportDocument, path: Path | str) -> int:
    printer = new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setCreator("kf5g-desktop")
    return report.paint(printer)
