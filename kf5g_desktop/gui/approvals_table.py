"""The station form's 审批 table: one row per approval item (in the code list's order), the applied
and granted dates editable, the days taken (or waited so far) worked out as the dates are typed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from kf5g_desktop.domain import codes
from kf5g_desktop.domain.records import Approval
from kf5g_desktop.domain.validation import ERROR, Issue

from .widgets import dtr, text_to_date

APPROVAL_COLS = 4  # item, applied, granted, days


class ApprovalsTable(QObject):
    """Drives the form's ``QTableWidget``; ``changed`` is emitted when the user edits a date."""

    changed = Signal()

    def __init__(self, table: QTableWidget, today: Callable[[], date]) -> None:
        super().__init__(table)
        self.table = table
        self._today = today
        self._loading = False
        self._setup()

    def _setup(self) -> None:
        t = self.table
        t.setColumnCount(APPROVAL_COLS)
        t.setRowCount(len(codes.APPROVAL_ITEM))
        t.setHorizontalHeaderLabels(
            [
                self.tr("审批事项"),
                self.tr("申请日期"),
                self.tr("办结日期"),
                self.tr("用时/已等待\n（天，至今日）"),
            ]
        )
        t.verticalHeader().setVisible(False)
        header = t.horizontalHeader()
        # The dates and the days are never cut short (a narrow window, a long English label):
        # they take what they need, the item's name the rest (elided, with its full text as tip).
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        date_width = t.fontMetrics().horizontalAdvance("2022-12-31") + 16
        for col in (1, 2):  # as wide as a date before one is typed
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(col, max(date_width, header.sectionSizeHint(col)))
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        for r, c in enumerate(codes.APPROVAL_ITEM):
            item = QTableWidgetItem(dtr(c.label))
            item.setData(Qt.ItemDataRole.UserRole, c.code)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setToolTip(item.text())
            t.setItem(r, 0, item)
            for col in (1, 2):
                t.setItem(r, col, QTableWidgetItem(""))
            days = QTableWidgetItem("")
            days.setFlags(Qt.ItemFlag.ItemIsEnabled)
            days.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            t.setItem(r, 3, days)
        t.itemChanged.connect(self._item_changed)

    def set_readonly(self) -> None:
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() not in (1, 2) or self._loading:
            return
        self._update_days(item.row())
        self.changed.emit()

    def _update_days(self, row: int) -> None:
        t = self.table
        try:
            applied = text_to_date(t.item(row, 1).text())
            granted = text_to_date(t.item(row, 2).text())
        except ValueError:
            text = ""
        else:
            d = Approval("x", applied, granted).days(self._today())
            text = "" if d is None else str(d)
        self._loading, was = True, self._loading
        t.item(row, 3).setText(text)
        self._loading = was

    def load(self, approvals: Sequence[Approval]) -> None:
        """Fill the dates of ``approvals`` (every other item empty); no ``changed``."""
        t = self.table
        by_item = {a.item: a for a in approvals}
        self._loading = True
        try:
            for r in range(t.rowCount()):
                a = by_item.get(t.item(r, 0).data(Qt.ItemDataRole.UserRole))
                t.item(r, 1).setText(a.applied_on.isoformat() if a and a.applied_on else "")
                t.item(r, 2).setText(a.granted_on.isoformat() if a and a.granted_on else "")
                self._update_days(r)
        finally:
            self._loading = False

    def collect(self, old: Sequence[Approval]) -> tuple[list[Approval], list[Issue]]:
        """The approvals with a date as the table shows them (their notes kept from ``old``) and
        the problems of reading the dates."""
        t = self.table
        notes_of = {a.item: a.notes for a in old}
        out: list[Approval] = []
        problems: list[Issue] = []
        for r in range(t.rowCount()):
            item = t.item(r, 0).data(Qt.ItemDataRole.UserRole)
            dates: list[date | None] = []
            for col in (1, 2):
                try:
                    dates.append(text_to_date(t.item(r, col).text()))
                except (ValueError, OverflowError):
                    dates.append(None)
                    problems.append(
                        Issue(
                            "approvals",
                            self.tr("审批事项“{0}”的日期无效，请按 2021-02-01 的格式填写。").format(
                                t.item(r, 0).text()
                            ),
                            ERROR,
                            "date_format",
                        )
                    )
            if dates[0] is None and dates[1] is None:
                continue
            out.append(Approval(item, dates[0], dates[1], notes_of.get(item)))
        return out, problems
