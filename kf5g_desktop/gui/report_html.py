"""The vocabulary of the weekly report's HTML (周报, PRODUCT §5): formatting of numbers, dates and
names, titles, tables that honour the page breaks, the structural markers and the style sheet. The
sections themselves are written by ``report_sections``.

Every text of the report is translated in the context "report" (code-list labels in "domain"), so
the report follows the interface language; names and the user's own text stay as entered.

The layout code (``report_document``) finds the parts of the report by structural markers, never by
their text: headings are ``<h3>``/``<h4>`` (QTextBlockFormat.headingLevel) with an ``id``, each table
has an anchor ``table:KEY:FIRST_ROW`` in its first cell, the problems heading has the id
``problems`` and the sign-off block the anchor ``sign-off``. ``Pagination`` tells ``build_html``
where to start new pages: before a heading or table, and inside a table (which is then written as
one table per page, each with its header row, so no table runs over a page break).
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QUrl

from kf5g_desktop.domain.audit_text import parse_approvals_text
from kf5g_desktop.domain.codes import APPROVAL_ITEM, MULTI_SEPARATOR
from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.reports.weekly import ReportData

from .widgets import dtr

CHART_URL = QUrl("kf5g://chart/cumulative.png")
MAP_URL = QUrl("kf5g://chart/map.png")  # the map page (report_map)
MAP_ID = "map"
# Longer lists are cut (with a note saying how many there are): the full lists are in the registers.
MAX_LIST_ROWS = 500  # a unit's report
CITY_LIST_ROWS = 60  # the city edition: per-unit counts are in its per-unit table

# Structural markers (see the module docstring).
PROBLEMS_ID = "problems"
SIGN_OFF_ID = "sign-off"
TABLE_ANCHOR = "table:"

translate = QCoreApplication.translate

# Texts computed outside the GUI layer (reports.figures, domain.targets), translated where shown.
DATA_TEXTS = (
    QT_TRANSLATE_NOOP("report", "新登记并开通"),
    QT_TRANSLATE_NOOP("report", "本周开通"),
    QT_TRANSLATE_NOOP("report", "新登记"),
    QT_TRANSLATE_NOOP("report", "全部类型"),
    QT_TRANSLATE_NOOP("report", "宏站+室分"),
    QT_TRANSLATE_NOOP("report", "仅宏站"),
    QT_TRANSLATE_NOOP("report", "删除"),
    QT_TRANSLATE_NOOP("report", "恢复"),
)
# The kinds of record, as the report's 本周变化 names them.
KIND_TITLES = {
    "station": QT_TRANSLATE_NOOP("report", "基站"),
    "venue": QT_TRANSLATE_NOOP("report", "场所"),
    "pole": QT_TRANSLATE_NOOP("report", "杆塔"),
}


def tr(text: str) -> str:
    # Module-level tr("…") calls are what pyside6-lupdate extracts, in the empty context (the
    # report dialogs use it; the report's own texts are in the context "report").
    return QCoreApplication.translate("", text)


def rtr(text: str) -> str:
    """A text computed elsewhere (one of DATA_TEXTS) in the report's language."""
    return translate("report", text) if text else text


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


def labels(text: str) -> str:
    """Labels joined by 、 (multi-valued fields), each translated, joined the report's way."""
    if not text:
        return text
    return translate("report", "、").join(dtr(t) for t in text.split(MULTI_SEPARATOR))


def approvals(text: str | None) -> str:
    """A station's approvals (their audit text) as the report reads them, translated."""
    out = []
    for a in parse_approvals_text(text):
        out.append(
            translate("report", "{item}（申请 {applied}，办结 {granted}）").format(
                item=dtr(APPROVAL_ITEM.label(a.item)),
                applied=day(a.applied_on) or "—",
                granted=day(a.granted_on) or "—",
            )
        )
    return names(out)


def names(items: Sequence[str]) -> str:
    """Names listed in a sentence, joined by the list separator of the report's language."""
    return translate("report", "、").join(items)


def _month(m: int) -> str:
    return QLocale(QLocale.Language.English).monthName(m, QLocale.FormatType.ShortFormat)


def short_date(d: date) -> str:
    """A day within its year: 2月1日 (Feb 1)."""
    return translate("report", "{month}月{day}日").format(month=d.month, day=d.day, mon=_month(d.month))


def week_title(week: IsoWeek) -> str:
    """``2021年第5周(2月1日—2月7日)`` (in Chinese the same as IsoWeek.title_zh), translated."""
    s, e = week.start, week.end
    if s.year == e.year:
        span = translate("report", "{start}—{end}").format(start=short_date(s), end=short_date(e))
    else:
        span = translate("report", "{y1}年{start}—{y2}年{end}").format(
            y1=s.year, start=short_date(s), y2=e.year, end=short_date(e)
        )
    return translate("report", "{year}年第{week}周（{span}）").format(
        year=week.year, week=week.week, span=span
    )


def report_name(scope_name: str) -> str:
    """``开封市5G网络建设周报`` — the report's name for a scope (a unit's or the city's name)."""
    return translate("report", "{scope}5G网络建设周报").format(scope=scope_name)


def report_title(data: ReportData) -> str:
    """The document's title: the report's name and the week."""
    f = data.figures
    return translate("report", "{name} {week}").format(
        name=report_name(f.scope_name), week=week_title(f.week)
    )


def rule_text(data: ReportData) -> str:
    return translate("report", "统计口径：{rule}").format(rule=rtr(data.figures.rule_label))


@dataclass(frozen=True, slots=True)
class Pagination:
    """Where the report starts new pages: before the headings and tables named in ``breaks`` (their
    id / anchor), and inside tables: ``splits[key]`` are the rows (0-based, of the table's body)
    that begin a new page, the table being written as one table per page."""

    breaks: frozenset[str] = frozenset()
    splits: Mapping[str, tuple[int, ...]] = field(default_factory=dict)


def table_anchor(key: str, first_row: int) -> str:
    return f"{TABLE_ANCHOR}{key}:{first_row}"


def parse_table_anchor(name: str) -> tuple[str, int] | None:
    """(key, first row) of a table's anchor, None for any other anchor."""
    if not name.startswith(TABLE_ANCHOR):
        return None
    key, _, first = name[len(TABLE_ANCHOR) :].rpartition(":")
    return key, int(first)


BREAK = ' style="page-break-before: always"'


class Table:
    """An HTML table, its cells written once, its HTML for any pagination (``html``): one table per
    page (each with the header row) where the pagination splits it; the first has the anchor
    ``table:KEY:0``, each further one ``table:KEY:ROW``. Only the ``wrap`` columns (names, notes)
    break over lines: codes, dates and numbers never do."""

    __slots__ = ("_body", "_fixed", "_headers", "_note", "key")

    def __init__(
        self,
        key: str,
        headers: Sequence[str],
        rows: Sequence[Sequence[object]],
        *,
        numeric: Sequence[int] = (),
        wrap: Sequence[int] = (),
        total: Sequence[object] | None = None,
        empty: str | None = None,
        limit: int = MAX_LIST_ROWS,
    ) -> None:
        self.key = key
        self._headers = [esc(h) for h in headers]
        self._body: list[str] = []
        self._fixed: str | None = None  # the whole HTML where no pagination changes it
        self._note = ""
        if not rows and total is None:
            text = translate("report", "本周无") if empty is None else empty
            self._fixed = f'<p class="empty">{esc(text)}</p>'
            return
        self._body = [
            "<tr>" + "".join(_cell(v, i in numeric, i not in wrap) for i, v in enumerate(r)) + "</tr>"
            for r in rows[:limit]
        ]
        if total is not None:
            self._body.append(
                '<tr class="total">'
                + "".join(_cell(v, i in numeric, i not in wrap, bold=True) for i, v in enumerate(total))
                + "</tr>"
            )
        if len(rows) > limit:
            note = translate("report", "共 {n} 条，此处列出前 {limit} 条；完整名单请在登记表中筛选导出。")
            self._note = f'<p class="note">{esc(note.format(n=f"{len(rows):,}", limit=limit))}</p>'

    def html(self, pages: Pagination) -> str:
        if self._fixed is not None:
            return self._fixed
        key, body = self.key, self._body
        starts = [0, *(s for s in sorted(set(pages.splits.get(key, ()))) if 0 < s < len(body))]
        out: list[str] = []
        for first, end in zip(starts, [*starts[1:], len(body)], strict=True):
            anchor = table_anchor(key, first)
            new_page = first > 0 or anchor in pages.breaks
            out.append(
                f'<table class="grid" width="100%" cellspacing="0" cellpadding="3"{BREAK if new_page else ""}>'
                "<thead><tr>"
            )
            for i, h in enumerate(self._headers):
                out.append(f'<th><a name="{anchor}">{h}</a></th>' if i == 0 else f"<th>{h}</th>")
            out.append("</tr></thead><tbody>")
            out.extend(body[first:end])
            out.append("</tbody></table>")
        out.append(self._note)
        return "".join(out)


def _cell(value: object, numeric: bool, nowrap: bool, bold: bool = False) -> str:
    attrs = (' align="right"' if numeric else "") + (' style="white-space: nowrap"' if nowrap else "")
    text = esc(value)
    return f"<td{attrs}>{'<b>' + text + '</b>' if bold else text}</td>"


# The document ------------------------------------------------------------------------------------

CSS = """
body {{ font-family: {family}; font-size: 10.5pt; color: #000; }}
h1 {{ font-size: 18pt; text-align: center; margin: 0; }}
h2.sub {{ font-size: 13pt; text-align: center; margin-top: 2px; margin-bottom: 6px; font-weight: normal; }}
h3 {{ font-size: 12pt; margin-top: 12px; margin-bottom: 4px; }}
h4 {{ font-size: 10.5pt; margin-top: 8px; margin-bottom: 4px; }}
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
