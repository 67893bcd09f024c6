"""The printed weekly report (周报, PRODUCT §5): an A4 portrait QTextDocument painted page by page.

``ReportDocument(data)`` lays out the HTML of ``report_html`` (data from ``reports.weekly.gather``)
and paints it onto any printer; ``write_pdf`` paints it into a PDF file. Pages are laid out at 96
units per inch and painted scaled onto the printer, each page with "第 x 页 共 y 页". The text is
laid out and painted in segments (one QTextDocument from each forced page start to the next), each
giving the same places as one document of the whole report would; ``ReportDocument.doc`` is that
whole document, made when asked for.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextTable,
)
from PySide6.QtPrintSupport import QPrinter

from kf5g_desktop.reports.weekly import ReportData

from .fonts import report_font
from .report_chart import cumulative_chart
from .report_html import (
    BREAK,
    CHART_URL,
    MAP_ID,
    MAP_URL,
    PROBLEMS_ID,
    Pagination,
    parse_table_anchor,
    report_name,
    report_title,
    rule_text,
    tr,
    translate,
)
from .report_map import report_map
from .report_sections import ReportHtml

log = logging.getLogger("kf5g")

_ANCHOR = re.compile(r'(?:id|name)="([^"]*)"')  # an anchor (heading id, <a name>) in the report's HTML

LAYOUT_DPI = 96
MARGINS_MM = QMarginsF(18, 15, 18, 14)
FOOTER_PT = 22  # space kept at the bottom of each page for the page number
MAX_PASSES = 60  # layout passes to place the page breaks (a few for most reports)
HEADING_LEVEL = 3  # <h3> sections and <h4> sub-headings are kept with what follows them
KEEP_ROWS = 2  # a heading stays with at least this many rows of its table
KEEP_LINES = 4  # ... and with a paragraph of up to this many lines whole
PAGE_TOP_SLACK = 12  # layout units: a block this close to a page's top already starts that page
# Layout units: the layout counts a table ending this close to a page's end (its bounding rect
# ends up to about 2 units before the end) as ending on the next page, so a page break right after
# it starts the page after that one and leaves a blank page between them.
TABLE_END_SLACK = 3
# The first segment, where longer than this, is first laid out as a probe: its beginning up to the
# first section heading after PROBE_CHARS (a pass that finds a fault there parses none of the rest).
PROBE_MIN_CHARS = 48_000
PROBE_CHARS = 12_000


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


@dataclass(slots=True)
class _Item:
    """One part of the laid-out report, in document order: a heading, a table or a paragraph."""

    kind: str  # "heading", "table" or "block"
    name: str  # its id / anchor ("" for a paragraph without one)
    top: float  # where it starts (layout units, from the top of the document)
    keep: float  # the top of what must share its page: a paragraph's first line, a table's first rows
    bottom: float
    rows: list[float] = field(default_factory=list)  # a table: the top of each body row
    head_top: float = 0.0  # a table: the top of its header row
    ends: Sequence[float] = ()  # a table: where each body row's text ends (read when asked for)


class _RowEnds(Sequence[float]):
    """Where each body row's text ends (the lowest of its cells' text), each measured when first
    asked for: only the rows at a page's end are looked at."""

    def __init__(self, text_end: Callable[[int], float], body: range) -> None:
        self._text_end = text_end
        self._body = body
        self._made: dict[int, float] = {}

    def __len__(self) -> int:
        return len(self._body)

    def __getitem__(self, i: int) -> float:  # type: ignore[override]
        row = self._body[i]
        end = self._made.get(row)
        if end is None:
            end = self._made[row] = self._text_end(row)
        return end


class _Segment:
    """One stretch of the report from a forced page start to the next (``ReportDocument``): laid
    out in a document of its own, which gives every place in it as the whole report's layout would
    (a new page resets the flow; stand-in pages fill the report's pages before it, the last
    stand-in block with the margin of the block it follows). ``skip``: those stand-in pages.

    A long one may first be a ``probe``: a document of its beginning only (up to a section's
    heading), whose parts lie as in the whole segment (the layout runs from the top down); the
    whole segment's document is made (``make``) when the pagination looks further."""

    def __init__(
        self,
        doc: QTextDocument | None,
        skip: int,
        *,
        make: Callable[[], QTextDocument] | None = None,
        probe: QTextDocument | None = None,
    ) -> None:
        self._doc = doc
        self._make = make
        self.probe = probe
        self.skip = skip
        self._parts: list[tuple[str, str, Any]] | None = None
        self._probe_parts: list[tuple[str, str, Any]] | None = None

    @property
    def doc(self) -> QTextDocument:
        if self._doc is None:
            assert self._make is not None
            self._doc, self._make = self._make(), None
        return self._doc

    @property
    def whole(self) -> bool:
        """Whether the whole segment's document is made."""
        return self._doc is not None

    @property
    def pages(self) -> int:
        """The report's pages in it (lays it out to its end)."""
        return int(self.doc.pageCount()) - self.skip

    def parts(self) -> list[tuple[str, str, Any]]:
        """(kind, name, block or table) of its headings, tables and paragraphs, in order (empty
        blocks, such as the one after each table, left out): no layout needed."""
        if self._parts is None:
            self._parts = _parts_of(self.doc)
        return self._parts

    def probe_parts(self) -> list[tuple[str, str, Any]]:
        """The parts of the probe (they lie as in the whole segment)."""
        assert self.probe is not None
        if self._probe_parts is None:
            self._probe_parts = _parts_of(self.probe)
        return self._probe_parts


def _parts_of(doc: QTextDocument) -> list[tuple[str, str, Any]]:
    parts: list[tuple[str, str, Any]] = []
    block = doc.begin()
    while block.isValid():
        table = QTextCursor(block).currentTable()
        if table is not None:
            parts.append(("table", _anchor(doc.findBlock(table.cellAt(0, 0).firstPosition())), table))
            block = doc.findBlock(table.lastPosition() + 1)
            continue
        if block.text().strip():
            level = block.blockFormat().headingLevel()
            parts.append(("heading" if level >= HEADING_LEVEL else "block", _anchor(block), block))
        block = block.next()
    return parts


class _Segments(Sequence[_Segment]):
    """The segments of one pass (``ReportDocument._segments_of``), each parsed and laid out when
    first asked for, and with it every segment before it (a segment's first page and the margin
    above it are those where the one before it ends): a pass that finds a fault early lays out
    none of the report after it."""

    def __init__(
        self,
        owner: ReportDocument,
        style: str,
        chunks: list[str],
        laid: dict[tuple[float, int, str], _Segment],
    ) -> None:
        self._owner = owner
        self._style = style
        self.chunks = chunks
        self._laid = laid
        self._made: list[_Segment] = []

    def __len__(self) -> int:
        return len(self.chunks)

    def __getitem__(self, k: int) -> _Segment:  # type: ignore[override]
        if k < 0:
            k += len(self.chunks)
        if not 0 <= k < len(self.chunks):
            raise IndexError(k)
        while len(self._made) <= k:
            if self._made:
                before = self._made[-1]
                margin = before.doc.lastBlock().blockFormat().bottomMargin()
                first_page = before.skip + before.pages
            else:
                margin, first_page = -1.0, 0  # the first segment: nothing before it
            chunk = self.chunks[len(self._made)]
            key = (margin, first_page, chunk)
            seg = self._laid.get(key)
            if seg is None:
                head = self._style + _stand_in(first_page, margin)
                # (the first segment: in the first pass the whole report, whose first fault is
                # usually near its top; a later long segment is mostly one long table)
                cut = (
                    chunk.find("<h3 ", PROBE_CHARS) if not self._made and len(chunk) > PROBE_MIN_CHARS else -1
                )
                if cut > 0:
                    probe = self._owner._new_doc()
                    probe.setHtml(head + chunk[:cut])
                    seg = _Segment(None, first_page, make=self._maker(head + chunk), probe=probe)
                else:
                    doc = self._owner._new_doc()
                    doc.setHtml(head + chunk)
                    seg = _Segment(doc, first_page)
                self._laid[key] = seg
            self._made.append(seg)
        return self._made[k]

    def _maker(self, html: str) -> Callable[[], QTextDocument]:
        def make() -> QTextDocument:
            doc = self._owner._new_doc()
            doc.setHtml(html)
            return doc

        return make


class _Items:
    """The items of the laid-out report (``ReportDocument.items``), in order: each segment's
    kinds and names when the first of them is asked for (``has``, ``kind``, ``name``; of a
    segment still a probe, those of the probe first), each item's places when it is first looked
    at (``items[i]``), so the text is parsed and laid out only as far as the pagination looks."""

    def __init__(self, segments: Sequence[_Segment]) -> None:
        self._segments = segments
        self._parts: list[tuple[str, str, Any, int, QTextDocument]] = []  # (kind, name, part, segment, doc)
        self._parsed = 0  # segments whose parts (or their probe's) are in _parts
        self._probing: int | None = None  # where the parts of the last one, a probe's, begin
        self._made: dict[int, _Item] = {}

    def _parse_next(self) -> bool:
        if self._probing is not None:
            self._unprobe()
            return True
        k = self._parsed
        if k >= len(self._segments):
            return False
        seg = self._segments[k]
        if seg.whole or seg.probe is None:
            self._parts.extend((kind, name, part, k, seg.doc) for kind, name, part in seg.parts())
        else:
            self._probing = len(self._parts)
            self._parts.extend((kind, name, part, k, seg.probe) for kind, name, part in seg.probe_parts())
        self._parsed += 1
        return True

    def _unprobe(self) -> None:
        """The parts of the segment that was a probe, from its whole document (those found in the
        probe keep the places measured there: the same)."""
        start, self._probing = self._probing, None
        assert start is not None
        k = self._parsed - 1
        seg = self._segments[k]
        whole = [(kind, name, part, k, seg.doc) for kind, name, part in seg.parts()]
        probed = [(kind, name) for kind, name, _, _, _ in self._parts[start:]]
        assert [(kind, name) for kind, name, _, _, _ in whole[: len(probed)]] == probed
        self._parts[start:] = whole

    def has(self, i: int) -> bool:
        """Whether the report has an item ``i`` (0-based)."""
        while i >= len(self._parts):
            if not self._parse_next():
                return False
        return True

    def kind(self, i: int) -> str:
        self.has(i)
        return self._parts[i][0]

    def name(self, i: int) -> str:
        self.has(i)
        return self._parts[i][1]

    def _all(self) -> list[tuple[str, str, Any, int, QTextDocument]]:
        while self._parse_next():
            pass
        return self._parts

    @property
    def kinds(self) -> list[str]:
        return [part[0] for part in self._all()]

    @property
    def names(self) -> list[str]:
        return [part[1] for part in self._all()]

    def names_after(self, i: int) -> list[str]:
        """The names of the items after item ``i`` (with, from the HTML not parsed yet, every
        anchor there: a name there is an item's or none that a pagination holds)."""
        self.has(i)
        if not isinstance(self._segments, _Segments):
            return [part[1] for part in self._all()[i + 1 :]]
        chunks = self._segments.chunks
        if self._probing is not None and i >= self._probing and not self._parts[i][1]:
            self._unprobe()
        start = self._probing
        if start is None:
            names = [part[1] for part in self._parts[i + 1 :]]
        else:  # the segment parsed last is a probe: its anchors after item i
            anchors = [m.group(1) for m in _ANCHOR.finditer(chunks[self._parsed - 1])]
            if i >= start:
                names = anchors[anchors.index(self._parts[i][1]) + 1 :]
            else:
                names = [part[1] for part in self._parts[i + 1 : start]] + anchors
        names.extend(m.group(1) for chunk in chunks[self._parsed :] for m in _ANCHOR.finditer(chunk))
        return names

    def start(self, k: int) -> int:
        """The report's page (0-based) where segment ``k``'s pages begin."""
        return self._segments[k].skip

    def __len__(self) -> int:
        return len(self._all())

    def __getitem__(self, i: int) -> _Item:
        if i < 0:
            i += len(self)
        item = self._made.get(i)
        if item is None:
            self.has(i)
            kind, name, part, _, doc = self._parts[i]
            item = _table_item(doc, name, part) if kind == "table" else _block_item(doc, kind, name, part)
            self._made[i] = item
        return item

    def __iter__(self) -> Iterator[_Item]:
        i = 0
        while self.has(i):
            yield self[i]
            i += 1


class ReportDocument:
    """The laid-out document of one report, paintable onto any QPagedPaintDevice (printer, PDF)."""

    def __init__(self, data: ReportData) -> None:
        self.data = data
        self._device = QImage(1, 1, QImage.Format.Format_RGB32)
        dpm = round(LAYOUT_DPI / 0.0254)
        self._device.setDotsPerMeterX(dpm)
        self._device.setDotsPerMeterY(dpm)
        self._font = report_font(10.5)
        self.chart = cumulative_chart(data.series, data.figures.week)
        self.map = report_map(data) if data.map_points is not None else None
        self.pagination = Pagination()
        self.passes = 0  # layout passes the last pagination took
        self._laid_for: tuple[float, float] | None = None
        self._size = QSizeF()
        self._html = ""  # of the last pagination
        self._segments: Sequence[_Segment] = []
        self._doc: QTextDocument | None = None

    def _new_doc(self) -> QTextDocument:
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(self._device)
        doc.setDocumentMargin(0)
        doc.setDefaultFont(self._font)
        doc.addResource(QTextDocument.ResourceType.ImageResource, CHART_URL, self.chart)
        if self.map is not None:
            doc.addResource(QTextDocument.ResourceType.ImageResource, MAP_URL, self.map)
        if not self._size.isEmpty():
            doc.setPageSize(self._size)
        return doc

    @property
    def doc(self) -> QTextDocument:
        """The whole report in one document, laid out as paginated (the report is painted from
        its segments; this one is made when asked for)."""
        if self._doc is None:
            self._doc = self._new_doc()
            self._doc.setHtml(self._html)
        return self._doc

    @property
    def title(self) -> str:
        return report_title(self.data)

    def layout_for(self, printer: QPrinter) -> tuple[float, float]:
        """Lay the text out for the printer's paintable area; returns the body (width, height)."""
        rect = printer.pageLayout().paintRect(QPageLayout.Unit.Point)
        scale = LAYOUT_DPI / 72
        size = (rect.width() * scale, (rect.height() - FOOTER_PT) * scale)
        if self._laid_for != size:
            self._paginate(QSizeF(*size))
            self._laid_for = size
        return size

    def _paginate(self, size: QSizeF) -> None:
        """Lay out, look where the pages break, move the breaks, until every break is a good one:
        no heading at the foot of a page without the first rows of what it heads, no table running
        over a page break (it is split into one table per page, each with its header row), and the
        problems with the sign-off block on one page."""
        pages = Pagination()
        self._size = size
        self._doc = None
        # The report is laid out in segments, one from each forced page start to the next, each in
        # a document of its own (the page size set before the text). A pass lays out only the
        # segments it changed: the text before its first new page break or table split stays as
        # laid out (about half the layout work of laying the whole report out in every pass).
        laid: dict[tuple[float, int, str], _Segment] = {}
        html = ReportHtml(self.data)  # the sections written once, their HTML for each pagination
        for self.passes in range(1, MAX_PASSES + 1):
            self._html = html.html(pages)
            self._segments = self._segments_of(self._html, laid)
            better = self._better_breaks(pages, size.height())
            if better is None:
                break
            pages = better
        else:
            log.warning("周报分页经 %d 次调整仍未稳定", MAX_PASSES)
        self.pagination = pages

    def _segments_of(self, html: str, laid: dict[tuple[float, int, str], _Segment]) -> Sequence[_Segment]:
        """The report's HTML cut before each forced page start, each part laid out (or taken
        from ``laid``) in a document of its own, after stand-in pages for the pages before it
        (``_stand_in``): its text lies on its pages exactly as in the whole report's layout, at
        the same coordinates (painted text snaps to them). Each part is laid out when first asked
        for (``_Segments``)."""
        style_end = html.index("</style>") + len("</style>")
        style, body = html[:style_end], html[style_end:]
        cuts = [0]
        at = body.find(BREAK)
        while at >= 0:
            cuts.append(body.rfind("<", 0, at))
            at = body.find(BREAK, at + len(BREAK))
        cuts.append(len(body))
        return _Segments(self, style, [body[start:end] for start, end in itertools.pairwise(cuts)], laid)

    def _better_breaks(self, pages: Pagination, height: float) -> Pagination | None:
        """The pagination that mends the faults of the current layout (None: there are none).

        A new page before a heading or table moves everything after it by up to a page, so the hints
        after it are dropped (the next pass finds them again); splitting a table where the layout
        broke it moves what follows very little, so every table is split in the same pass, at every
        page it runs over."""
        items = self.items()  # each item measured when it is looked at
        breaks = set(pages.breaks)
        splits = {k: list(v) for k, v in pages.splits.items()}

        def page(y: float) -> int:
            return int(y // height)

        def at_page_top(y: float) -> bool:
            return y - page(y) * height < PAGE_TOP_SLACK

        def new_page_before(i: int) -> Pagination:
            breaks.add(items[i].name)
            for later in items.names_after(i):
                breaks.discard(later)
                table = parse_table_anchor(later)
                if table is not None:
                    splits.pop(table[0], None)
            return Pagination(frozenset(breaks), {k: tuple(v) for k, v in splits.items()})

        def starts_page(name: str) -> bool:
            """Whether the HTML starts a new page before the item ``name`` (a break, or a table's
            later part)."""
            table = parse_table_anchor(name)
            return name in pages.breaks or (table is not None and table[1] > 0)

        def ends_at_page_end(item: _Item, last: int) -> bool:
            """Whether the part of ``item`` (a table) ending with its body row ``last`` would end so
            close to the end of that row's page that the layout counts it as on the next one."""
            bottom = item.ends[last] + (item.bottom - item.ends[-1])  # its last row, not stretched
            return page(bottom + TABLE_END_SLACK) != page(item.rows[last])

        changed = False
        resplit: set[str] = set()  # tables split anew in this pass
        i = 0
        while items.has(i):
            kind, name = items.kind(i), items.name(i)
            if kind == "heading":
                item = items[i]
                j = i
                while items.has(j) and items.kind(j) == "heading":
                    j += 1
                follows = items[j].keep if items.has(j) else items[j - 1].bottom
                if page(follows) != page(item.top) and not at_page_top(item.top):
                    return new_page_before(i)
                i = j
                continue
            table = parse_table_anchor(name) if kind == "table" else None
            # (a paragraph's places, and those of a table's parts laid out anew, are not needed)
            if table is not None and table[0] not in resplit and (item := items[i]).rows:
                key, first = table
                if page(item.rows[0]) != page(item.head_top) and not at_page_top(item.head_top):
                    return new_page_before(i)  # the header row alone at the foot of a page
                rows = item.rows
                # Where the layout carried the table over (it repeats the header row there too),
                # a new table begins; every page of the table in one go.
                # A part that would end right at its page's end (so that the page break before the
                # next part would leave a page blank) gives its last row to the next part.
                new = []
                for r in range(1, len(rows)):
                    if page(rows[r]) != page(rows[r - 1]):
                        start = new[-1] - first if new else 0
                        new.append(first + (r - 1 if r - 1 > start and ends_at_page_end(item, r - 1) else r))
                nxt = items.name(i + 1) if items.has(i + 1) else None
                if (
                    not new
                    and len(rows) > 1
                    and (
                        page(item.bottom) != page(rows[0])
                        or (nxt is not None and starts_page(nxt) and ends_at_page_end(item, len(rows) - 1))
                    )
                ):
                    # Only the table's bottom edge is over the break: the layout would carry the
                    # table (its header row) onto the next page; move its last row there instead.
                    # So too where the table ends right at the page's end and a new page follows.
                    new = [first + len(rows) - 1]
                if new:
                    # The later parts of this table were placed for the old breaks: laid out anew.
                    splits[key] = [s for s in splits.get(key, []) if s < new[0]] + new
                    resplit.add(key)
                    changed = True
            i += 1
        names = items.names  # (every segment parsed by now)
        problems = next((k for k, name in enumerate(names) if name == PROBLEMS_ID), None)
        if problems is not None:
            top = items[problems].top
            # the sign-off ends before the map page (附图), which has a page of its own
            end = next((k for k, name in enumerate(names) if name == MAP_ID), len(names))
            if page(items[end - 1].bottom) != page(top) and not at_page_top(top):
                return new_page_before(problems)  # the sign-off block with the problems
        if not changed:
            return None
        return Pagination(frozenset(breaks), {k: tuple(v) for k, v in splits.items()})

    def items(self) -> _Items:
        """The headings, tables and paragraphs of the laid-out report, in order (empty blocks,
        such as the one after each table, left out). Their names and kinds are read at once, their
        places on first use (the layout is lazy: it lays the text out only as far as asked)."""
        return _Items(self._segments)

    def page_count(self, printer: QPrinter | None = None) -> int:
        self.layout_for(printer or new_printer(QPrinter.PrinterMode.ScreenResolution))
        return sum(seg.pages for seg in self._segments)

    def paint(self, printer: QPrinter) -> int:
        """Paint every page (or the range the user chose) onto ``printer``. Returns pages painted."""
        width, height = self.layout_for(printer)
        items = self.items()
        pages = self.page_count(printer)
        first, last = 1, pages
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first, last = max(1, printer.fromPage()), min(pages, printer.toPage() or pages)
        printer.setDocName(self.title)
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError(tr("无法开始打印（打印机或PDF文件不可用）。"))
        try:
            scale = printer.resolution() / LAYOUT_DPI
            footer_font = report_font()
            footer_font.setPixelSize(round(9 * LAYOUT_DPI / 72))  # layout units, whatever the printer
            k = 0
            for page in range(first, last + 1):
                while items.start(k) + self._segments[k].pages < page:
                    k += 1
                if page > first:
                    printer.newPage()
                painter.save()
                painter.scale(scale, scale)
                painter.save()
                painter.translate(0, -(page - 1) * height)
                self._segments[k].doc.drawContents(painter, QRectF(0, (page - 1) * height, width, height))
                painter.restore()
                self._footer(painter, page, pages, width, height, footer_font)
                painter.restore()
        finally:
            painter.end()
        return last - first + 1

    def footer_texts(self, page: int, pages: int) -> tuple[str, str, str]:
        """The footer of a page: the report and week, 第 x 页 共 y 页, the counting rule."""
        f = self.data.figures
        return (
            translate("report", "{name} {week}").format(name=report_name(f.scope_name), week=f.week),
            translate("report", "第 {page} 页 共 {pages} 页").format(page=page, pages=pages),
            rule_text(self.data),
        )

    def _footer(
        self, painter: QPainter, page: int, pages: int, width: float, height: float, font: Any
    ) -> None:
        y = height + 6
        painter.setPen(QPen(Qt.GlobalColor.gray, 0.5))
        painter.drawLine(QPointF(0, y), QPointF(width, y))
        painter.setPen(Qt.GlobalColor.black)
        painter.setFont(font)
        box = QRectF(0, y + 2, width, FOOTER_PT * LAYOUT_DPI / 72 - 6)
        left, centre, right = self.footer_texts(page, pages)
        for flag, text in (
            (Qt.AlignmentFlag.AlignLeft, left),
            (Qt.AlignmentFlag.AlignHCenter, centre),
            (Qt.AlignmentFlag.AlignRight, right),
        ):
            painter.drawText(box, int(flag | Qt.AlignmentFlag.AlignVCenter), text)


def _block_item(doc: QTextDocument, kind: str, name: str, block: QTextBlock) -> _Item:
    rect = doc.documentLayout().blockBoundingRect(block)
    # A heading keeps a short paragraph whole on its page, of a longer one the first line.
    lines = block.layout()
    first = rect.top() + lines.lineAt(0).rect().bottom() if lines.lineCount() else rect.bottom()
    keep = rect.bottom() if lines.lineCount() <= KEEP_LINES else first
    return _Item(kind, name, rect.top(), keep - 1, rect.bottom() - 1)


def _table_item(doc: QTextDocument, name: str, table: QTextTable) -> _Item:
    layout = doc.documentLayout()

    def cell(row: int) -> QRectF:
        return layout.blockBoundingRect(doc.findBlock(table.cellAt(row, 0).firstPosition()))

    def text_end(row: int) -> float:
        return max(
            layout.blockBoundingRect(doc.findBlock(table.cellAt(row, c).lastPosition())).bottom()
            for c in range(table.columns())
        )

    head = table.format().headerRowCount()
    body = range(head, table.rows())
    frame = layout.frameBoundingRect(table)
    # A heading keeps the first KEEP_ROWS rows (a shorter table whole) on its page.
    # (A table whose bottom edge reaches the page's end is carried over: no "- 1" there.)
    keep = cell(body[KEEP_ROWS - 1]).bottom() if len(body) > KEEP_ROWS else frame.bottom()
    return _Item(
        "table",
        name,
        frame.top(),
        keep,
        frame.bottom(),
        [cell(r).top() for r in body],
        cell(0).top() if head else frame.top(),
        _RowEnds(text_end, body),
    )


def _stand_in(pages: int, margin: float) -> str:
    """HTML that fills ``pages`` pages before a segment's first page (nothing for none): a block
    on each, the last with ``margin`` below it (the margin between two blocks is the larger of the
    two, so the segment's first block lies as below the block it follows in the report)."""
    if pages == 0:
        return ""
    blank = '<p style="margin-top: 0px; margin-bottom: 0px"{}>&nbsp;</p>'
    last = f'<p style="margin-top: 0px; margin-bottom: {margin}px"{BREAK if pages > 1 else ""}>&nbsp;</p>'
    return blank.format("") + blank.format(BREAK) * (pages - 2) + last if pages > 1 else last


def write_pdf(report: ReportDocument, path: Path | str) -> int:
    printer = new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setCreator("kf5g-desktop")
    return report.paint(printer)


def _anchor(block: QTextBlock) -> str:
    """The first anchor name (HTML id / <a name>) in ``block``, "" if it has none."""
    it = block.begin()
    while not it.atEnd():
        names = it.fragment().charFormat().anchorNames()
        if names:
            return str(names[0])
        it += 1
    return ""
