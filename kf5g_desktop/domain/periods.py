"""ISO-week reporting periods: ``2021-W05`` ↔ Monday–Sunday dates and the Chinese title."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

_WEEK_RE = re.compile(r"^\s*(\d{4})\s*[-_ ]?\s*[Ww]\s*(\d{1,2})\s*$")


@dataclass(frozen=True, order=True, slots=True)
class IsoWeek:
    year: int
    week: int

    def __post_init__(self) -> None:
        if not 1 <= self.week <= weeks_in_year(self.year):
            raise ValueError(f"{self.year} has no ISO week {self.week}")

    @classmethod
    def parse(cls, text: str) -> IsoWeek:
        """Parse ``2021-W05`` (also ``2021W05``, ``2021-w5``). Raises ValueError with a Chinese message."""
        m = _WEEK_RE.match(text or "")
        if not m:
            raise ValueError(f"周次“{text}”格式不对，应写成 2021-W05 这样的形式")
        year, week = int(m.group(1)), int(m.group(2))
        if not 1 <= week <= weeks_in_year(year):
            raise ValueError(f"{year}年没有第{week}周（该年共{weeks_in_year(year)}周）")
        return cls(year, week)

    @classmethod
    def containing(cls, day: date) -> IsoWeek:
        y, w, _ = day.isocalendar()
        return cls(y, w)

    @property
    def start(self) -> date:
        """Monday."""
        return date.fromisocalendar(self.year, self.week, 1)

    @property
    def end(self) -> date:
        """Sunday."""
        return date.fromisocalendar(self.year, self.week, 7)

    def __str__(self) -> str:
        return f"{self.year}-W{self.week:02d}"

    @property
    def compact(self) -> str:
        """``2021W05``, as used in return file names."""
        return f"{self.year}W{self.week:02d}"

    @property
    def title_zh(self) -> str:
        """``2021年第5周（2月1日—2月7日）``; a week across a year end names both years."""
        s, e = self.start, self.end
        if s.year == e.year:
            span = f"{s.month}月{s.day}日—{e.month}月{e.day}日"
        else:
            span = f"{s.year}年{s.month}月{s.day}日—{e.year}年{e.month}月{e.day}日"
        return f"{self.year}年第{self.week}周（{span}）"

    def shift(self, weeks: int) -> IsoWeek:
        return IsoWeek.containing(self.start + timedelta(weeks=weeks))

    def next(self) -> IsoWeek:
        return self.shift(1)

    def prev(self) -> IsoWeek:
        return self.shift(-1)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


def weeks_in_year(year: int) -> int:
    # December 28th is always in the last ISO week of its year.
    return date(year, 12, 28).isocalendar()[1]


def weeks_between(first: IsoWeek, last: IsoWeek) -> list[IsoWeek]:
    out: list[IsoWeek] = []
    w = first
    while w <= last:
        out.append(w)
        w = w.next()
    return out


def is_iso_week_span(start: date, end: date) -> bool:
    """True when ``start`` is a Monday and ``end`` the Sunday of the same ISO week."""
    return start.isoweekday() == 1 and end - start == timedelta(days=6)


DEFAULT_DEADLINE_HOURS = 42  # from the period's Sunday 00:00: the Monday after, 18:00


def week_cutoff(week: IsoWeek, deadline_hours: str | int | None = None) -> datetime:
    """A week's cut-off: its return deadline, ``deadline_hours`` after the start (00:00) of the
    period's last day (a setting; by default 42 hours, the Monday after the period at 18:00).
    A week's return and report made after it are made from the registers as they stood then."""
    try:
        hours = int(deadline_hours) if deadline_hours not in (None, "") else DEFAULT_DEADLINE_HOURS
    except (TypeError, ValueError):
        hours = DEFAULT_DEADLINE_HOURS
    return datetime.combine(week.end, time()) + timedelta(hours=hours)
