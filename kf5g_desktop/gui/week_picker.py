"""A week picker: ◀ [date with calendar] ▶ and the week's Chinese title; emits ``weekChanged(IsoWeek)``."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QToolButton, QWidget

from kf5g_desktop.domain.periods import IsoWeek


def default_report_week(today: date) -> IsoWeek:
    """The week a report is usually made for: the last full week (early in a week, the one before)."""
    return IsoWeek.containing(today).prev()


def initial_week(store: Any) -> IsoWeek:
    """The week the dashboard and the report dialog open on: the last full week; for demo data
    (2020–2022) the week of the latest station put on air, so there is activity to look at."""
    if store.installation().demo:
        from kf5g_desktop.domain.values import ListQuery

        latest = store.query("station", ListQuery(sort="on_air", descending=True, limit=1))
        if latest and latest[0].on_air is not None:
            return IsoWeek.containing(latest[0].on_air)
    return default_report_week(store.today())


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
        self.date_edit.setToolTip(self.tr("选择一天,即选中它所在的周(周一至周日)"))
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
        self.label.setText(self._week.title_zh)
