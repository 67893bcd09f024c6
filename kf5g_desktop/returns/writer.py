"""Writes a :class:`ReturnContent` as the .xlsx of RETURNS.md (openpyxl, write-only mode).

Presentation: frozen panes below row 3, auto-filter on row 3, drop-downs from 代码表, widths that fit
the headers, landscape one page wide with rows 1–3 repeated and page numbers in the footer — on A4, and
on A3 for the 30-column 基站 sheet (its headers on two lines). Text that openpyxl would turn into a
formula or an error value is forced to a text cell. The file is written to a temporary name in the
target folder and renamed (atomic on the same volume).
"""

from __future__ import annotations

import errno
import logging
import os
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties

from kf5g_desktop.domain import codes
from kf5g_desktop.storage.errors import Kf5gError

from .content import SUMMARY_OPERATOR_COLUMNS, ReturnContent
from .format import (
    AUTHORITY,
    CITY_SHEETS,
    COMPLETION_HEADERS,
    COVER_TITLE,
    DATA_SHEETS,
    DATE,
    HEADERS,
    LABEL,
    LABELS,
    NUM,
    S_CODES,
    S_COMPLETION,
    S_COVER,
    S_META,
    S_SUMMARY,
    TITLES,
    UNIT_SHEETS,
    YESNO,
    column_kind,
)
from .rows import CODE_LISTS
from .sheetrows import defer_rows

log = logging.getLogger("kf5g.export")


class ExportError(Kf5gError):
    pass


# 代码表 columns: (title, labels). The township column is filled per return.
CODE_COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("运营商", codes.OPERATOR.labels),
    ("基站类型", codes.STATION_TYPE.labels),
    ("组网方式", codes.NETWORK_MODE.labels),
    ("建设方式", codes.BUILD_MODE.labels),
    ("覆盖场景", codes.SCENE.labels),
    ("建设状态", codes.STATUS.labels),
    ("供电方式", codes.POWER_SUPPLY.labels),
    ("直供电改造", codes.CONVERSION.labels),
    ("补助状态", codes.SUBSIDY_STATE.labels),
    ("审批事项", codes.APPROVAL_ITEM.labels),
    ("场所类别", codes.VENUE_CATEGORY.labels),
    ("开放资源", codes.VENUE_RESOURCE.labels),
    ("权属行业", codes.POLE_SECTOR.labels),
    ("杆塔类型", codes.POLE_TYPE.labels),
    ("是否", ("是", "否")),
)

_THIN = Side(style="thin", color="999999")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_TITLE_FONT = Font(name="宋体", size=14, bold=True)
_HEADER_FONT = Font(name="宋体", size=10, bold=True)
_WIDE = {
    "基站名称": 26,
    "详细地址": 30,
    "场所名称": 26,
    "杆塔名称": 24,
    "产权单位": 22,
    "权属单位": 22,
    "备注": 30,
}


def _display_width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _one_line_width(h: str) -> int:
    """Column width that shows the header on one line and the column's usual content."""
    kind = column_kind(h)
    width = max(_display_width(h) + 3, 8)
    if kind in (DATE, NUM):
        width = max(width, 12)
    elif h in ("基站编码", "铁塔站址编码", "场所编号", "杆塔编号", "依托场所编号", "依托杆塔编号"):
        width = max(width, 18)
    elif kind in (LABEL, LABELS):
        width = max(width, 12)
    return _WIDE.get(h, width)


def _two_line_width(h: str) -> int:
    """Column width of the wide sheet: the header on two lines, the usual content on one."""
    kind = column_kind(h)
    width = max(-(-_display_width(h) // 2) + 3, 6)
    if kind == DATE:
        width = max(width, 11)
    elif kind == NUM:
        width = max(width, 10)
    elif kind in (LABEL, LABELS) or h == "乡镇(街道)":
        width = max(width, 11)
    return _CODE_WIDTHS.get(h, _WIDE_COLUMNS.get(h, width))


def _code_column_for(header: str) -> int | None:
    """0-based 代码表 column of a header's drop-down, or None."""
    if header == "乡镇(街道)":
        return len(CODE_COLUMNS)
    if column_kind(header) == YESNO:
        return len(CODE_COLUMNS) - 1
    cl = CODE_LISTS.get(header)
    if cl is None:
        return None
    for i, (_title, labels) in enumerate(CODE_COLUMNS):
        if labels == cl.labels:
            return i
    return None


def _text_cell(ws: object, value: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=None)
    cell._value = value  # bypass openpyxl's "=… is a formula" and "#N/A is an error" guesses
    cell.data_type = "s"
    return cell


def _needs_text_cell(value: str) -> bool:
    return value.startswith("=") or value in ERROR_CODES


def _styled(
    ws: object,
    value: object,
    *,
    font: Font | None = None,
    fill: PatternFill | None = None,
    border: bool = False,
    wrap: bool = False,
    align: str | None = None,
) -> WriteOnlyCell:
    if isinstance(value, str) and _needs_text_cell(value):
        cell = _text_cell(ws, value)
    else:
        cell = WriteOnlyCell(ws, value=value)
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    if border:
        cell.border = _BORDER
    if wrap or align:
        cell.alignment = Alignment(wrap_text=wrap, horizontal=align, vertical="center")
    return cell


A4, A3 = 9, 8  # OOXML paperSize codes
# The 30-column 基站 sheet is printed on A3 (landscape, one page wide) with two-line headers, so its
# text prints at about 7 pt (on A4 one page wide it would be about 3 pt); docs/returns.md says why.
WIDE_SHEET = "基站"
_WIDE_COLUMNS = {"基站名称": 20, "详细地址": 22, "备注": 18}
_CODE_WIDTHS = {"区县代码": 8, "基站编码": 16, "铁塔站址编码": 18, "依托场所编号": 15, "依托杆塔编号": 15}


def _print_setup(ws: object, *, titles: bool, paper: int = A4) -> None:
    ws.page_setup.orientation = "landscape"  # type: ignore[attr-defined]
    ws.page_setup.paperSize = paper  # type: ignore[attr-defined]
    ws.page_setup.fitToWidth = 1  # type: ignore[attr-defined]
    ws.page_setup.fitToHeight = 0  # type: ignore[attr-defined]
    ws.page_margins = PageMargins(left=0.3, right=0.3, top=0.5, bottom=0.6, header=0.25, footer=0.3)  # type: ignore[attr-defined]
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)  # type: ignore[attr-defined]
    if titles:
        ws.print_title_rows = "1:3"  # type: ignore[attr-defined]
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"  # type: ignore[attr-defined]
    ws.evenFooter.center.text = "第 &P 页 共 &N 页"  # type: ignore[attr-defined]


def _data_sheet(wb: Workbook, name: str, c: ReturnContent) -> None:
    ws = wb.create_sheet(name)
    headers = HEADERS[name]
    n = len(headers)
    last_col = get_column_letter(n)
    rows = c.sheets[name]
    last_row = 3 + len(rows)
    wide = name == WIDE_SHEET
    for i, h in enumerate(headers, start=1):
        width = _two_line_width(h) if wide else _one_line_width(h)
        ws.column_dimensions[get_column_letter(i)].width = width
    if wide:
        ws.row_dimensions[3].height = 30  # two lines of the 10 pt header font
    ws.freeze_panes = "A4"
    ws.auto_filter.ref = f"A3:{last_col}{max(last_row, 3)}"
    ws.merged_cells.add(f"A1:{last_col}1")
    _print_setup(ws, titles=True, paper=A3 if wide else A4)
    # Drop-downs from 代码表 on every code-list column.
    dv_last = max(last_row, 4) + 500
    for i, h in enumerate(headers, start=1):
        ci = _code_column_for(h)
        if ci is None:
            continue
        col = get_column_letter(ci + 1)
        count = len(c.township_names) if ci == len(CODE_COLUMNS) else len(CODE_COLUMNS[ci][1])
        if count == 0:
            continue
        dv = DataValidation(
            type="list",
            formula1=f"{S_CODES}!${col}$2:${col}${count + 1}",  # OOXML formulas carry no "="
            allow_blank=True,
            showErrorMessage=column_kind(h) != LABELS,  # multi-valued cells join labels with 、
            errorTitle="请从列表选择",
            error=f"“{h}”请从下拉列表中选择。",
        )
        letter = get_column_letter(i)
        dv.add(f"{letter}4:{letter}{dv_last}")
        ws.data_validations.append(dv)
    ws.append([_styled(ws, TITLES[name], font=_TITLE_FONT, align="center")])
    period = f"{c.week.start:%Y-%m-%d} 至 {c.week.end:%Y-%m-%d}"
    row2: list[object] = [f"填报单位：{c.unit_name}（{c.unit_code}）", None, None, None, f"统计周期：{period}"]
    row2 += [None] * (n - len(row2) - 1) + [_styled(ws, AUTHORITY, align="right")]  # not past the table
    ws.append(row2)
    ws.append(
        [
            _styled(ws, h, font=_HEADER_FONT, fill=_HEADER_FILL, border=True, wrap=True, align="center")
            for h in headers
        ]
    )
    defer_rows(ws, rows, n, first_row=4)  # written straight into the sheet's XML (sheetrows.py)


def _cover(wb: Workbook, c: ReturnContent) -> None:
    ws = wb.create_sheet(S_COVER)
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 60
    _print_setup(ws, titles=False)
    ws.page_setup.orientation = "portrait"
    ws.merged_cells.add("A1:B1")
    ws.append([_styled(ws, COVER_TITLE, font=Font(name="宋体", size=18, bold=True), align="center")])
    ws.append([])
    s = c.summary
    t = s.total
    sa_share = f"{t.sa / t.on_air:.1%}" if t.on_air else "—"
    indirect_share = f"{t.indirect_power / t.on_air:.1%}" if t.on_air else "—"
    if s.target:
        target = f"{s.target} 个（{s.target_label}），完成 {t.on_air / s.target:.1%}"
    else:
        target = s.target_label or "未设定"  # a county without its own target: no percentage
    items: list[tuple[str, object]] = [
        ("填报单位", f"{c.unit_name}({c.unit_code})"),
        ("统计周期", f"{c.week.title_zh}"),
        ("填报人", c.preparer),
        ("联系电话", c.phone),
        ("审核人", c.reviewer),
        ("填报日期", c.generated_at.date()),
        ("", None),
        ("累计开通5G基站（个）", t.on_air),
        ("本周新开通（个）", t.new_this_week),
        ("其中SA（个）", t.sa),
        ("SA占比", sa_share),
        ("年度目标", target),
        ("转供电基站（个）", t.indirect_power),
        ("转供电占比（目标≤20%）", indirect_share),
        ("在建（个）", t.building),
        ("规划及审批中（个）", t.planning),
        ("免费开放场所（处）", f"{s.venues_total}（本周新增 {s.venues_this_week}）"),
        ("共享杆塔（根）", f"{s.poles_total}（本周新增 {s.poles_this_week}）"),
        ("SA补助合计（元）", t.subsidy.total),
        ("", None),
        ("存在问题", c.problems or "无"),
    ]
    for label, value in items:
        if not label:
            ws.append([])
            continue
        ws.append(
            [
                _styled(ws, label, font=_HEADER_FONT, border=True),
                _styled(ws, value, border=True, wrap=label == "存在问题", align="left"),
            ]
        )


def _summary_sheet(wb: Workbook, c: ReturnContent) -> None:
    ws = wb.create_sheet(S_SUMMARY)
    for i, h in enumerate(SUMMARY_OPERATOR_COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = max(_display_width(h) + 3, 10)
    _print_setup(ws, titles=False)
    ws.merged_cells.add(f"A1:{get_column_letter(len(SUMMARY_OPERATOR_COLUMNS))}1")
    ws.append(
        [_styled(ws, f"{c.unit_name}5G网络建设汇总（{c.week.title_zh}）", font=_TITLE_FONT, align="center")]
    )
    ws.append([])
    ws.append(
        [
            _styled(ws, h, font=_HEADER_FONT, fill=_HEADER_FILL, border=True, align="center")
            for h in SUMMARY_OPERATOR_COLUMNS
        ]
    )
    for row in c.summary.operator_rows():
        ws.append([_styled(ws, v, border=True) for v in row])
    ws.append([])
    s = c.summary
    for label, total, week in (
        ("免费开放场所（处）", s.venues_total, s.venues_this_week),
        ("共享杆塔（根）", s.poles_total, s.poles_this_week),
    ):
        ws.append(
            [
                _styled(ws, label, font=_HEADER_FONT, border=True),
                _styled(ws, "总数", border=True),
                _styled(ws, total, border=True),
                _styled(ws, "本周新增", border=True),
                _styled(ws, week, border=True),
            ]
        )


def _completion_sheet(wb: Workbook, c: ReturnContent) -> None:
    ws = wb.create_sheet(S_COMPLETION)
    for i, h in enumerate(COMPLETION_HEADERS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = 18 if h == "报送时间" else 12
    _print_setup(ws, titles=False)
    ws.append(
        [
            _styled(ws, h, font=_HEADER_FONT, fill=_HEADER_FILL, border=True, align="center")
            for h in COMPLETION_HEADERS
        ]
    )
    for r in c.completion or []:
        ws.append([_styled(ws, v, border=True) for v in r.cells()])


def _codes_sheet(wb: Workbook, c: ReturnContent) -> None:
    ws = wb.create_sheet(S_CODES)
    columns = [*CODE_COLUMNS, ("乡镇(街道)", tuple(c.township_names))]
    for i, (title, _labels) in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = max(_display_width(title) + 4, 14)
    ws.append([_styled(ws, t, font=_HEADER_FONT, fill=_HEADER_FILL) for t, _ in columns])
    depth = max(len(labels) for _, labels in columns)
    for r in range(depth):
        ws.append([labels[r] if r < len(labels) else None for _, labels in columns])


def _meta_sheet(wb: Workbook, c: ReturnContent) -> None:
    ws = wb.create_sheet(S_META)
    ws.sheet_state = "hidden"
    for key, value in c.meta():
        ws.append([_styled(ws, key), _styled(ws, value or None)])


def build_workbook(c: ReturnContent) -> Workbook:
    wb = Workbook(write_only=True)
    order = CITY_SHEETS if c.kind == "city" else UNIT_SHEETS
    for name in order:
        if name == S_COVER:
            _cover(wb, c)
        elif name in DATA_SHEETS:
            _data_sheet(wb, name, c)
        elif name == S_SUMMARY:
            _summary_sheet(wb, c)
        elif name == S_COMPLETION:
            _completion_sheet(wb, c)
        elif name == S_CODES:
            _codes_sheet(wb, c)
        elif name == S_META:
            _meta_sheet(wb, c)
    return wb


def save_atomic(wb: Workbook, dest: Path) -> None:
    """Save to a temporary file beside ``dest`` and rename it over ``dest``."""
    dest = Path(dest)
    tmp = dest.with_name(f".{dest.stem}.{os.getpid()}.tmp.xlsx")
    try:
        wb.save(tmp)
        os.replace(tmp, dest)
    except PermissionError as exc:
        raise ExportError(
            f"无法写入“{dest}”：文件可能正在 Excel/WPS 中打开，或文件夹没有写入权限。请关闭该文件后重试。"
        ) from exc
    except IllegalCharacterError as exc:
        log.info("export %s: %s", dest, exc)
        raise ExportError("数据中含有表格文件不允许的控制字符，无法导出，请在记录中删除后重试。") from exc
    except OSError as exc:
        log.info("export %s: %s", dest, exc)
        why = "磁盘空间不足" if exc.errno == errno.ENOSPC else "系统拒绝写入"
        raise ExportError(f"无法写入“{dest}”（{why}）。请检查磁盘空间和文件夹权限。") from exc
    finally:
        if tmp.exists():
            tmp.unlink()


def write_return(c: ReturnContent, dest: Path) -> Path:
    try:
        wb = build_workbook(c)
    except IllegalCharacterError as exc:
        log.info("export %s: %s", dest, exc)
        raise ExportError("数据中含有表格文件不允许的控制字符，无法导出，请在记录中删除后重试。") from exc
    save_atomic(wb, dest)
    return dest
