"""The week a report or the dashboard opens on (without the report's other modules: the start-up's
first figures need only this)."""

from __future__ import annotations

from datetime import date
from typing import Any

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
