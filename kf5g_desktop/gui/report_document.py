"""The printed weekly report (周报, PRODUCT §5): an A4 portrait QTextDocument painted page by page.

``render_report_pdf`` saves it as PDF, ``preview_report`` opens the print preview (print to any
printer from there), ``print_report`` goes straight to the print dialog, and
``install_report_actions`` adds the 周报 actions to the main window's 报表 menu.

Pages are laid out at 96 units per inch and painted scaled onto the printer, each page with
"第 x 页 共 y 页"; tables that run over a page repeat their header row (Qt's header rows).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAction,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.domain.targets import DEFAULT_COUNTING_RULE
from kf5g_desktop.domain.units import scope_code
from kf5g_desktop.reports.figures import (
    StationItem,
    WaitingItem,
    WeekFigures,
    WeeklySeries,
    week_figures,
    weekly_series,
)

from .fonts import report_family_css, report_font
from .report_chart import cumulative_chart

LAYOUT_DPI = 96
MARGINS_MM = QMarginsF(18, 15, 18, 14)
FOOTER_PT = 22  # space kept at the bottom of each page for the page number
CHART_URL = QUrl("kf5g://chart/cumulative.png")
# Longer lists are cut (with a note saying how many there are): the full lists are in the registers.
MAX_LIST_ROWS = 500  # a unit's report
CITY_LIST_ROWS = 60  # the city edition: per-unit counts are in its per-unit table


def tr(text: str) -> str:
    # Module-level tr("…") calls are what pyside6-lupdate extracts here, in the empty context.
    return QCoreApplication.translate("", text)


@dataclass(slots=True)
class ReportData:
    """Everything one report needs, gathered (off the GUI thread) from the store."""

    figures: WeekFigures
    series: WeeklySeries
    problems: str
    reporter: str
    reviewer: str
    generated_at: datetime


def gather(store: Any, week: IsoWeek, unit_code: str | None, rule: str = DEFAULT_COUNTING_RULE) -> ReportData:
    """Read every figure of the report (no Qt: safe in a worker thread)."""
    fig = week_figures(store, week, unit_code, rule)
    series = weekly_series(store, week, fig.unit_code, rule)
    note = store.week_note(scope_code(fig.unit_code), week)
    inst = store.installation()
    return ReportData(
        fig,
        series,
        note.problems,
        inst.user_name,
        note.reviewer or inst.reviewer,
        store.now(),
    )


# Formatting helpers ------------------------------------------------------------------------------


def esc(value: object) -> str:
    return html.escape("" if value is None else str(value))


def pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def num(value: int | None) -> str:
    return "—" if value is None else f"{value:,}"


def yuan(value: int) -> str:
    return f"{value:,}"


def day(value: date | None) -> str:
    return "" if value is None else f"{value:%Y-%m-%d}"


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    widths: Sequence[int] | None = None,
    numeric: Sequence[int] = (),
    total: Sequence[object] | None = None,
    empty: str = "本周无",
    limit: int = MAX_LIST_ROWS,
) -> str:
    """An HTML table whose header row repeats on every page it runs over."""
    if not rows and total is None:
        return f'<p class="empty">{esc(empty)}</p>'
    cut = len(rows) > limit
    shown = rows[:limit]
    out = ['<table class="grid" width="100%" cellspacing="0" cellpadding="3">', "<thead><tr>"]
    for i, h in enumerate(headers):
        w = f' width="{widths[i]}%"' if widths else ""
        out.append(f"<th{w}>{esc(h)}</th>")
    out.append("</tr></thead><tbody>")
    for r in shown:
        out.append("<tr>" + "".join(_cell(v, i in numeric) for i, v in enumerate(r)) + "</tr>")
    if total is not None:
        out.append(
            '<tr class="total">'
            + "".join(_cell(v, i in numeric, bold=True) for i, v in enumerate(total))
            + "</tr>"
        )
    out.append("</tbody></table>")
    if cut:
        out.append(
            f'<p class="note">共 {len(rows):,} 条,此处列出前 {limit} 条;完整名单请在登记表中筛选导出。</p>'
        )
    return "".join(out)


def _cell(value: object, numeric: bool, bold: bool = False) -> str:
    align = ' align="right"' if numeric else ""
    text = esc(value)
    return f"<td{align}>{'<b>' + text + '</b>' if bold else text}</td>"


# The document ------------------------------------------------------------------------------------

CSS = """
body {{ font-family: {family}; font-size: 10.5pt; color: #000; }}
h1 {{ font-size: 18pt; text-align: center; margin: 0; }}
h2.sub {{ font-size: 13pt; text-align: center; margin-top: 2px; margin-bottom: 6px; font-weight: normal; }}
h3 {{ font-size: 12pt; margin-top: 12px; margin-bottom: 4px; }}
p.meta {{ font-size: 9pt; color: #333; text-align: center; margin-bottom: 8px; }}
table.grid {{ border-collapse: collapse; border: 1px solid #555; margin-bottom: 4px; }}
table.grid th {{ background-color: #e8edf5; border: 1px solid #555; font-size: 9.5pt; }}
table.grid td {{ border: 1px solid #999; font-size: 9.5pt; }}
table.head td {{ font-size: 10.5pt; }}
tr.total td {{ background-color: #f3f3f3; }}
p.empty {{ color: #555; margin-left: 12px; }}
p.note {{ font-size: 9pt; color: #555; }}
p.problems {{ margin-left: 12px; }}
table.sign td {{ font-size: 11pt; padding-top: 10px; }}
.bad {{ color: #b71c1c; }}
.good {{ color: #1b5e20; }}
"""


def build_html(data: ReportData, *, problems_on_new_page: bool = False) -> str:
    """The report as HTML for QTextDocument. ``problems_on_new_page`` starts the problems section
    on a new page (used when the sign-off block would otherwise stand alone on the last page)."""
    f = data.figures
    t = f.total
    week = f.week
    parts: list[str] = [f"<style>{CSS.format(family=report_family_css())}</style>"]
    parts.append(f"<h1>{esc(f.scope_name)}5G网络建设周报</h1>")
    parts.append(f'<h2 class="sub">{esc(week.title_zh)}</h2>')
    edition = tr("市级汇总") if f.is_city else tr("区县")
    parts.append(
        f'<p class="meta">填报单位:{esc(f.scope_name)}({edition})  统计周期:{day(week.start)} 至 {day(week.end)}'
        f"  周次:{week}  统计口径:{esc(f.rule_label)}</p>"
    )

    # 一、主要指标
    n = 1

    def h(title: str, new_page: bool = False) -> None:
        nonlocal n
        style = ' style="page-break-before: always"' if new_page else ""
        parts.append(f"<h3{style}>{_cn(n)}、{esc(title)}</h3>")
        n += 1

    h(tr("主要指标"))
    target_text = (
        f"{num(f.target)} 个,完成 {pct(f.completion)}"
        if f.target
        else (tr("未设置本区县年度目标") if not f.is_city else tr("未设置"))
    )
    ind = t.indirect_share
    ind_text = pct(ind)
    if ind is not None:
        ok = ind <= f.indirect_max_share
        ind_text = (
            f'<span class="{"good" if ok else "bad"}">{pct(ind)}</span>'
            f"(控制线 ≤{f.indirect_max_share * 100:.0f}%,{'达标' if ok else '超出'})"
        )
    head_rows = [
        (tr("累计开通5G基站"), f"{num(t.on_air)} 个", tr("本周新开通"), f"{num(t.new)} 个"),
        (f"{f.target_year}年目标", target_text, tr("SA 基站占比"), f"{pct(t.sa_share)}({num(t.sa)} 个)"),
        (
            tr("转供电基站占比"),
            ind_text,
            tr("直供电改造完成"),
            f"累计 {num(t.conversions_done)} 个,本周 {num(t.conversions_week)} 个",
        ),
        (
            tr("免费开放场所"),
            f"本周 {num(f.venues_week)} 处,累计 {num(f.venues_total)} 处",
            tr("共享杆塔"),
            f"本周 {num(f.poles_week)} 根,累计 {num(f.poles_total)} 根",
        ),
        (tr("审批超30天未办结"), f"{len(f.waiting)} 项", tr("逾期未开通基站"), f"{len(f.late)} 个"),
        (
            tr("SA补助累计"),
            f"{yuan(f.subsidy.total)} 元",
            tr("其中本周新增"),
            f"{yuan(f.subsidy_week.total)} 元",
        ),
    ]
    parts.append('<table class="grid head" width="100%" cellspacing="0" cellpadding="4">')
    for a, b, c, d in head_rows:
        parts.append(
            f'<tr><td width="21%" bgcolor="#f3f6fa">{esc(a)}</td><td width="29%">{b if "<span" in b else esc(b)}</td>'
            f'<td width="21%" bgcolor="#f3f6fa">{esc(c)}</td><td width="29%">{esc(d)}</td></tr>'
        )
    parts.append("</table>")
    parts.append(f'<p align="center"><img src="{CHART_URL.toString()}" width="660"></p>')
    parts.append('<p class="note" align="center">图1 累计开通5G基站与目标(按周,截至本周末)</p>')

    h(tr("分运营商情况"))
    ops = [
        (
            o.label,
            num(o.tally.on_air),
            num(o.tally.new),
            num(o.tally.sa),
            pct(o.tally.sa_share),
            num(o.tally.indirect),
            pct(o.tally.indirect_share),
            yuan(o.subsidy.total),
        )
        for o in f.by_operator
    ]
    parts.append(
        table(
            [
                tr("运营商"),
                tr("累计开通"),
                tr("本周新开通"),
                tr("SA基站"),
                tr("SA占比"),
                tr("转供电"),
                tr("转供电占比"),
                tr("补助(元)"),
            ],
            ops,
            numeric=range(1, 8),
            total=(
                tr("合计"),
                num(t.on_air),
                num(t.new),
                num(t.sa),
                pct(t.sa_share),
                num(t.indirect),
                pct(t.indirect_share),
                yuan(f.subsidy.total),
            ),
        )
    )

    if f.is_city:
        h(tr("分区县情况"))
        rows = [
            (
                u.name,
                num(u.tally.on_air),
                num(u.tally.new),
                num(u.target),
                pct(u.completion),
                pct(u.tally.sa_share),
                pct(u.tally.indirect_share),
                num(u.venues_total),
                num(u.poles_total),
                tr("已报") if u.returned else tr("未报"),
            )
            for u in f.by_unit
        ]
        parts.append(
            table(
                [
                    tr("区县"),
                    tr("累计开通"),
                    tr("本周新开通"),
                    tr("年度目标"),
                    tr("完成率"),
                    tr("SA占比"),
                    tr("转供电占比"),
                    tr("开放场所"),
                    tr("共享杆塔"),
                    tr("本周周报"),
                ],
                rows,
                numeric=range(1, 9),
                total=(
                    tr("全市"),
                    num(t.on_air),
                    num(t.new),
                    num(f.target),
                    pct(f.completion),
                    pct(t.sa_share),
                    pct(t.indirect_share),
                    num(f.venues_total),
                    num(f.poles_total),
                    f"已报 {len(f.by_unit) - len(f.missing_units)}",
                ),
            )
        )
        counts: dict[str, list[int]] = {u.name: [0, 0, 0] for u in f.by_unit}
        lists: tuple[Sequence[StationItem | WaitingItem], ...] = (f.station_changes, f.waiting, f.late)
        for i, items in enumerate(lists):
            for item in items:
                counts.setdefault(item.unit_name, [0, 0, 0])[i] += 1
        parts.append("<p><b>各区县本周变化和需关注事项</b></p>")
        parts.append(
            table(
                [tr("区县"), tr("本周新登记/开通基站"), tr("审批超30天未办结"), tr("逾期未开通基站")],
                [(name, *map(num, c)) for name, c in counts.items()],
                numeric=range(1, 4),
                total=(
                    tr("全市"),
                    num(len(f.station_changes)),
                    num(len(f.waiting)),
                    num(len(f.late)),
                ),
            )
        )
        if f.missing_units:
            names = "、".join(name for _, name in f.missing_units)
            parts.append(f"<p><b>本周未报送周报的区县({len(f.missing_units)} 个):</b>{esc(names)}</p>")
        else:
            parts.append("<p><b>本周各区县均已报送。</b></p>")

    unit_col = [tr("区县")] if f.is_city else []
    limit = CITY_LIST_ROWS if f.is_city else MAX_LIST_ROWS

    def unit_val(name: str) -> list[str]:
        return [name] if f.is_city else []

    h(tr("本周新增和开通基站"))
    parts.append(
        table(
            [
                *unit_col,
                tr("运营商"),
                tr("基站编码"),
                tr("基站名称"),
                tr("类型"),
                tr("组网"),
                tr("状态"),
                tr("开通日期"),
                tr("情况"),
            ],
            [
                (
                    *unit_val(s.unit_name),
                    s.operator,
                    s.station_code,
                    s.name,
                    s.station_type,
                    s.network_mode,
                    s.status,
                    day(s.on_air),
                    s.note,
                )
                for s in f.station_changes
            ],
            limit=limit,
        )
    )

    h(tr("本周免费开放场所和共享杆塔"))
    parts.append("<p><b>免费开放场所</b></p>")
    parts.append(
        table(
            [tr("场所编号"), tr("场所名称"), *unit_col, tr("类别"), tr("开放日期"), tr("已进入运营商")],
            [
                (v.code, v.name, *unit_val(v.unit_name), v.category, day(v.day), v.operators)
                for v in f.venues_this_week
            ],
            limit=limit,
        )
    )
    parts.append("<p><b>共享杆塔</b></p>")
    parts.append(
        table(
            [tr("杆塔编号"), tr("名称/位置"), *unit_col, tr("杆塔类型"), tr("共享日期"), tr("共享运营商")],
            [
                (v.code, v.name, *unit_val(v.unit_name), v.category, day(v.day), v.operators)
                for v in f.poles_this_week
            ],
            limit=limit,
        )
    )

    h(tr("审批超过30天未办结事项"))
    parts.append(
        table(
            [
                *unit_col,
                tr("运营商"),
                tr("基站编码"),
                tr("基站名称"),
                tr("审批事项"),
                tr("申请日期"),
                tr("已等待(天)"),
            ],
            [
                (
                    *unit_val(w.unit_name),
                    w.operator,
                    w.station_code,
                    w.name,
                    w.item,
                    day(w.applied_on),
                    w.days,
                )
                for w in f.waiting
            ],
            limit=limit,
            numeric=[len(unit_col) + 5],
            empty=tr("无"),
        )
    )

    h(tr("逾期未开通基站"))
    parts.append(
        table(
            [
                *unit_col,
                tr("运营商"),
                tr("基站编码"),
                tr("基站名称"),
                tr("状态"),
                tr("计划开通日期"),
                tr("逾期"),
            ],
            [
                (
                    *unit_val(s.unit_name),
                    s.operator,
                    s.station_code,
                    s.name,
                    s.status,
                    day(s.planned_on_air),
                    s.note,
                )
                for s in f.late
            ],
            limit=limit,
            empty=tr("无"),
        )
    )

    h(tr("转供电与直供电改造"))
    parts.append(
        f"<p>截至本周末,已开通基站中转供电 {num(t.indirect)} 个,占 {pct(t.indirect_share)}"
        f"(2022年底前控制在 {f.indirect_max_share * 100:.0f}% 以内);直供电改造累计完成 {num(t.conversions_done)} 个,"
        f"本周完成 {num(t.conversions_week)} 个。</p>"
    )

    h(tr("SA基站补助"))
    sub, sw = f.subsidy, f.subsidy_week
    parts.append(
        table(
            [tr("项目"), tr("省级(元)"), tr("市级(元)"), tr("区县级(元)"), tr("合计(元)")],
            [
                (tr("累计应补"), yuan(sub.province), yuan(sub.city), yuan(sub.unit), yuan(sub.total)),
                (tr("其中本周新增"), yuan(sw.province), yuan(sw.city), yuan(sw.unit), yuan(sw.total)),
            ],
            numeric=range(1, 5),
        )
    )
    parts.append(
        '<p class="note">补助按全部已开通SA基站计(不受统计口径影响),每个基站:省级 2,500 元;市、区县共 2,500 元(县 市3:县7,区 市7:区3)。</p>'
    )

    h(tr("存在问题"), new_page=problems_on_new_page)
    text = data.problems.strip()
    if text:
        parts.append('<p class="problems">' + esc(text).replace("\n", "<br>") + "</p>")
    else:
        parts.append('<p class="empty">(本周未填写)</p>')

    parts.append('<p> </p><table class="sign" width="100%" cellspacing="0" cellpadding="4"><tr>')
    for label, value in (
        ("填报人", data.reporter),
        ("审核人", data.reviewer),
        ("单位负责人", ""),
        ("日期", ""),
    ):
        parts.append(
            f'<td width="{30 if label == "单位负责人" else 23}%">{label}:{esc(value) or "________"}</td>'
        )
    parts.append("</tr></table>")
    parts.append(f'<p class="note" align="right">生成时间:{data.generated_at:%Y-%m-%d %H:%M}</p>')
    return "".join(parts)


def _cn(n: int) -> str:
    digits = "零一二三四五六七八九十"
    return digits[n] if n <= 10 else "十" + digits[n - 10]


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


# Entry points ------------------------------------------------------------------------------------


def write_pdf(report: ReportDocument, path: Path | str) -> int:
    printer = new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setCreator("kf5g-desktop")
    return report.paint(printer)


def render_report_pdf(store: Any, week: IsoWeek, unit_code: str | None, rule: str, path: Path | str) -> int:
    """Build the report of ``week`` for a unit (or the city: None / 410200) and save it as PDF.
    Needs a QGuiApplication. Returns the number of pages."""
    report = ReportDocument(gather(store, week, unit_code, rule))
    return write_pdf(report, path)


def preview_report(
    parent: QWidget | None,
    store: Any,
    week: IsoWeek,
    unit_code: str | None,
    rule: str = DEFAULT_COUNTING_RULE,
    *,
    exec_dialog: bool = True,
) -> QPrintPreviewDialog | None:
    """Gather the figures off the GUI thread, then open the print preview (print / PDF from there)."""
    from .jobs import run_job

    holder: dict[str, QPrintPreviewDialog] = {}

    def done(data: ReportData) -> None:
        report = ReportDocument(data)
        printer = new_printer()
        dlg = QPrintPreviewDialog(printer, parent)
        dlg.setWindowTitle(tr("周报打印预览 — ") + report.title)
        dlg.paintRequested.connect(report.paint)
        # The dialog only points at the printer and the document: keep both alive with it.
        dlg._report = report  # type: ignore[attr-defined]
        dlg._printer = printer  # type: ignore[attr-defined]
        holder["dlg"] = dlg
        if exec_dialog:
            dlg.exec()
        else:
            dlg.show()

    run_job(
        parent, tr("正在生成周报"), lambda progress: gather(store, week, unit_code, rule), on_success=done
    )
    return holder.get("dlg")


def print_report(
    parent: QWidget | None,
    store: Any,
    week: IsoWeek,
    unit_code: str | None,
    rule: str = DEFAULT_COUNTING_RULE,
) -> None:
    from .jobs import run_job

    def done(data: ReportData) -> None:
        report = ReportDocument(data)
        printer = new_printer()
        dlg = QPrintDialog(printer, parent)
        dlg.setWindowTitle(tr("打印周报"))
        if dlg.exec() == QPrintDialog.DialogCode.Accepted:
            report.paint(printer)

    run_job(
        parent, tr("正在生成周报"), lambda progress: gather(store, week, unit_code, rule), on_success=done
    )


def save_report_pdf(
    parent: QWidget | None,
    store: Any,
    week: IsoWeek,
    unit_code: str | None,
    rule: str,
    path: Path | str,
    on_done: Callable[[int], None] | None = None,
) -> None:
    """Gather off the GUI thread, then write the PDF (painting stays on the GUI thread)."""
    from .jobs import run_job

    def done(data: ReportData) -> None:
        pages = write_pdf(ReportDocument(data), path)
        if on_done is not None:
            on_done(pages)

    run_job(
        parent, tr("正在生成周报"), lambda progress: gather(store, week, unit_code, rule), on_success=done
    )


def install_report_actions(main_window: Any, store: Any) -> list[QAction]:
    """Add the 周报 actions (preview/print, save as PDF, problems text) to ``main_window.menu_reports``."""
    from .report_dialogs import ReportActions

    actions = ReportActions(main_window, store)
    main_window._report_actions = actions  # keep alive
    return actions.install(main_window.menu_reports)
