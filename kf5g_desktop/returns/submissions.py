"""Submissions: every return made (export) or received (import), kept in the ``submission`` table.

Versions: a unit's exports of one week are numbered; the number goes up only when the digest changes
(a corrected return, which needs a reason). The city keeps every import; the latest one per unit and
week (``superseded_by`` empty) is the one consolidated. Late = received after the deadline.

The deadline is the setting ``deadline_hours_after_period`` (``S_DEADLINE_HOURS``) counted from the
start (00:00) of the period's Sunday: the default 42 hours is the Monday after the period, 18:00.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from kf5g_desktop.domain.periods import DEFAULT_DEADLINE_HOURS, IsoWeek
from kf5g_desktop.domain.values import Submission
from kf5g_desktop.storage.settings import S_DEADLINE_HOURS
from kf5g_desktop.storage.store import Store

if TYPE_CHECKING:
    from kf5g_desktop.storage.batches import BatchWriter


def deadline_hours(store: Store) -> int:
    try:
        return int(store.get_setting(S_DEADLINE_HOURS, str(DEFAULT_DEADLINE_HOURS)))
    except ValueError:
        return DEFAULT_DEADLINE_HOURS


def deadline(store: Store, week: IsoWeek) -> datetime:
    """When a week's return is due (naive local time, like the store's clock): its cut-off."""
    return store.week_cutoff(week)


def submissions(
    store: Store, *, direction: str | None = None, unit_code: str | None = None, week: str | None = None
) -> list[Submission]:
    """Submissions, newest first (without their bytes: lists stay light)."""
    return store.submissions(direction=direction, unit_code=unit_code, week=week)


def latest(store: Store, direction: str, unit_code: str, week: str) -> Submission | None:
    return store.latest_submission(direction, unit_code, week)


def content_of(store: Store, submission_id: int) -> bytes | None:
    return store.submission_content(submission_id)


def add(store: Store, writer: BatchWriter | None = None, **values: object) -> Submission:
    """Insert a submission; an earlier latest one of the same direction/unit/week is superseded.
    With ``writer`` (a batch writer) it joins that batch's transaction."""
    if writer is not None:
        return writer.add_submission(values)
    return store.add_submission(values)


__all__ = ["Submission"]
