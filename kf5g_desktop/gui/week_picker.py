"""A week picker: ◀ [date with calendar] ▶ and the week's Chinese title; emits ``weekChanged(IsoWeek)``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QToolButton, QWidget

from kf5g_desktop.domain.periods import IsoWeek, weeks_between
from kf5g_desktop.reports.weeks import default_report_week, initial_week


def offered_weeks(store: Any) -> list[IsoWeek]:
    """The weeks a return or report can be made for, newest first: from the week of the
    installation's first record to the last finished week (:func:`initial_week` is among them)."""
    from kf5g_desktop.domain.values import ListQuery

    last = default_report_week(store.today())
    first_days = [
        rec.meta.created_at.date()
        for kind in ("station", "venue", "pole")
        for rec in store.query(kind, ListQuery(sort="created_at", limit=1))
        if rec.meta.created_at is not None
    ]
    first = min((IsoWeek.containing(d) for d in first_days), default=last)
    first = min(first, initial_week(store), last)
    return weeks_between(first, last)[::-1]


def week_short_title(week: IsoWeek) -> str:
    """``2021年第5周`` / ``Week 5 of 2021`` (where the dates are shown elsewhere)."""
    return QCoreApplication.translate("WeekPicker", "{year}年第{week}周").format(
        year=week.year, week=week.week
    )


def week_title(week: IsoWeek) -> str:
    """The week's title in the interface language: ``2021年第5周(2月1日—2月7日)`` (as
    :attr:`IsoWeek.title_zh`), in English ``Week 5 of 2021 (2021-02-01 – 2021-02-07)``."""
    s, e = week.start, week.end
    if s.year == e.year:
        span = QCoreApplication.translate("WeekPicker", "{m1}月{d1}日—{m2}月{d2}日")
    else:
        span = QCoreApplication.translate("WeekPicker", "{y1}年{m1}月{d1}日—{y2}年{m2}月{d2}日")
    span = span.format(y1=s.year, m1=s.month, d1=s.day, y2=e.year, m2=e.month, d2=e.day)
    return QCoreApplication.translate("WeekPicker", "{year}年第{week}周（{span}）").format(
        year=week.year, week=week.week, span=span
    )


class WeekPicker(QWidget):
    weekChanged = Signal(object)  # IsoWeek

    def __init__(self, week: IsoWeek, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._week = week
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.prev_button = QToolButton(self)
        self.prev_button.setText("◀")
        self.prev_button.setToolTip(self.tr("上一周"))
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMinimumDate(QDate(2019, 1, 1))
        self.date_edit.setMaximumDate(QDate(2030, 12, 31))
        self.date_edit.setToolTip(self.tr("选择一天，即选中它所在的周（周一至周日）"))
        self.next_button = QToolButton(self)
        self.next_button.setText("▶")
        self.next_button.setToolTip(self.tr("下一周"))
        self.label = QLabel(self)
        for w in (self.prev_button, self.date_edit, self.next_button, self.label):
            lay.addWidget(w)
        lay.addStretch(1)
        self.prev_button.clicked.connect(lambda: self.set_week(self._week.prev()))
        self.next_button.clicked.connect(lambda: self.set_week(self._week.next()))
        self.date_edit.dateChanged.connect(self._date_changed)
        self._show()

    def week(self) -> IsoWeek:
        return self._week

    def set_week(self, week: IsoWeek) -> None:
        if week == self._week:
            return
        self._week = week
        self._show()
        self.weekChanged.emit(week)

    def _date_changed(self, qd: QDate) -> None:
        self.set_week(IsoWeek.containing(date(qd.year(), qd.month(), qd.day())))

    def _show(self) -> None:
        s = self._week.start
        self.date_edit.blockSignals(True)
        qd = self.date_edit.date()
        if not self._week.contains(date(qd.year(), qd.month(), qd.day())):
            self.date_edit.setDate(QDate(s.year, s.month, s.day))
        self.date_edit.blockSignals(False)
        self.label.setText(week_title(self._week))


class MomentPicker(QWidget):
    """A compact choice of when a list shows the registers: 现在, or as at the end (the cut-off)
    of a week picked with a :class:`WeekPicker` (its long title hidden: the list's banner says it).
    Emits ``weekChanged(IsoWeek | None)`` (None: now)."""

    weekChanged = Signal(object)

    def __init__(self, first_week: Callable[[], IsoWeek], parent: QWidget | None = None) -> None:
        """``first_week``: the week offered when 某周截止时 is first chosen (asked for then)."""
        super().__init__(parent)
        self._first_week: Callable[[], IsoWeek] | None = first_week
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.mode = QComboBox(self)
        self.mode.setObjectName("moment_mode")
        self.mode.addItem(self.tr("现在"), "now")
        self.mode.addItem(self.tr("某周截止时"), "week")
        self.mode.setToolTip(self.tr("查看现在的登记情况，或某一周报表截止时的登记情况（只读）"))
        self.picker = WeekPicker(IsoWeek.containing(date.today()), self)
        self.picker.label.hide()
        self.picker.hide()
        lay.addWidget(self.mode)
        lay.addWidget(self.picker)
        self.mode.currentIndexChanged.connect(lambda _i: self._changed())
        self.picker.weekChanged.connect(lambda _w: self._changed())

    def week(self) -> IsoWeek | None:
        return self.picker.week() if self.mode.currentData() == "week" else None

    def set_week(self, week: IsoWeek | None) -> None:
        """Show ``week`` (None: now), emitting ``weekChanged`` once when it changes."""
        before = self.week()
        self.blockSignals(True)
        try:
            if week is not None:
                self._first_week = None
                self.picker.set_week(week)
            self.mode.setCurrentIndex(0 if week is None else 1)
        finally:
            self.blockSignals(False)
        self.picker.setVisible(week is not None)
        if self.week() != before:
            self.weekChanged.emit(self.week())

    def _changed(self) -> None:
        if self.mode.currentData() == "week" and self._first_week is not None:
            first, self._first_week = self._first_week, None
            self.picker.blockSignals(True)
            self.picker.set_week(first())
            self.picker.blockSignals(False)
        self.picker.setVisible(self.mode.currentData() == "week")
        self.weekChanged.emit(self.week())


def week_basis_note(store: Any, week: IsoWeek, unit_code: str | None = None) -> str:
    """The small note under a report's or the dashboard's week picker: what the week's figures are
    made from by the week's rule (``Store.week_basis``, the command line's): on the city's
    installation each unit's latest accepted return; on a unit's, the registers as they stood at the
    week's latest correction or its cut-off once that has passed, before it the registers now."""
    basis = store.week_basis(week, unit_code)
    when = f"{store.week_cutoff(week):%Y-%m-%d %H:%M}"
    if isinstance(basis.moment, dict):
        return QCoreApplication.translate("WeekPicker", "按各区县最新报送的本周报表（截止时间 {0}）").format(
            when
        )
    if basis.corrected_at is not None:
        return QCoreApplication.translate("WeekPicker", "按更正时（{0}）的登记情况").format(
            f"{basis.corrected_at:%Y-%m-%d %H:%M}"
        )
    if basis.moment is not None:
        return QCoreApplication.translate("WeekPicker", "按截止时（{0}）的登记情况").format(when)
    return QCoreApplication.translate("WeekPicker", "截止时间（{0}）未到，按现在的登记情况").format(when)
