"""Submissions: every return made (export) or received (import), kept in the ``submission`` table.

Versions: a unit's exports of one week are numbered; the number goes up only when the digest changes
(a corrected return, which needs a reason). The city keeps every import; the latest one per unit and
week (``superseded_by`` empty) is the one consolidated. Late = received after the deadline.

The deadline is the setting ``deadline_hours_after_period`` (``S_DEADLINE_HOURS``) counted from the
start (00:00) of the period's Sunday: the default 42 hours is the Monday after the period, 18:00.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.storage.errors import ReadOnlyStoreError
from kf5g_desktop.storage.models import SubmissionRow
from kf5g_desktop.storage.store import S_DEADLINE_HOURS, Store

DEFAULT_DEADLINE_HOURS = 42


@dataclass(frozen=True, slots=True)
class Submission:
    id: int
    direction: str
    kind: str
    unit_code: str
    iso_week: str
    version: int
    content_sha256: str
    signature: str | None
    signature_status: str | None
    file_name: str | None
    generated_at: str | None
    received_at: datetime
    user: str
    late: bool
    reason: str | None
    modified_accepted: bool
    superseded_by: int | None
    batch_id: int | None


def _sub(r: SubmissionRow) -> Submission:
    return Submission(
        r.id,
        r.direction,
        r.kind,
        r.unit_code,
        r.iso_week,
        r.version,
        r.content_sha256,
        r.signature,
        r.signature_status,
        r.file_name,
        r.generated_at,
        r.received_at,
        r.user,
        bool(r.late),
        r.reason,
        bool(r.modified_accepted),
        r.superseded_by,
        r.batch_id,
    )


def deadline_hours(store: Store) -> int:
    try:
        return int(store.get_setting(S_DEADLINE_HOURS, str(DEFAULT_DEADLINE_HOURS)))
    except ValueError:
        return DEFAULT_DEADLINE_HOURS


def deadline(store: Store, week: IsoWeek) -> datetime:
    """When a week's return is due (naive local time, like the store's clock)."""
    return datetime.combine(week.end, time()) + timedelta(hours=deadline_hours(store))


def submissions(
    store: Store, *, direction: str | None = None, unit_code: str | None = None, week: str | None = None
) -> list[Submission]:
    """Submissions, newest first."""
    stmt = select(SubmissionRow).order_by(SubmissionRow.id.desc())
    if direction:
        stmt = stmt.where(SubmissionRow.direction == direction)
    if unit_code:
        stmt = stmt.where(SubmissionRow.unit_code == unit_code)
    if week:
        stmt = stmt.where(SubmissionRow.iso_week == week)
    with store.session() as s:
        # Content bytes are not loaded here: lists stay light.
        return [_sub(r) for r in s.scalars(stmt)]


def latest(store: Store, direction: str, unit_code: str, week: str) -> Submission | None:
    with store.session() as s:
        r = s.scalar(
            select(SubmissionRow)
            .where(
                SubmissionRow.direction == direction,
                SubmissionRow.unit_code == unit_code,
                SubmissionRow.iso_week == week,
                SubmissionRow.superseded_by.is_(None),
            )
            .order_by(SubmissionRow.id.desc())
            .limit(1)
        )
        return _sub(r) if r is not None else None


def content_of(store: Store, submission_id: int) -> bytes | None:
    with store.session() as s:
        r = s.get(SubmissionRow, submission_id)
        return r.content if r is not None else None


def add(store: Store, session: Session | None = None, **values: object) -> Submission:
    """Insert a submission; an earlier latest one of the same direction/unit/week is superseded.
    With ``session`` (e.g. a batch writer's) it joins that transaction."""
    if store.readonly:
        raise ReadOnlyStoreError()
    if session is not None:
        return _add_in(store, session, values)
    with store.session() as s:
        return _add_in(store, s, values)


def _add_in(store: Store, s: Session, values: dict[str, object]) -> Submission:
    prev = s.scalar(
        select(SubmissionRow)
        .where(
            SubmissionRow.direction == values["direction"],
            SubmissionRow.unit_code == values["unit_code"],
            SubmissionRow.iso_week == values["iso_week"],
            SubmissionRow.superseded_by.is_(None),
        )
        .order_by(SubmissionRow.id.desc())
        .limit(1)
    )
    values.setdefault("version", (prev.version + 1) if prev is not None else 1)
    values.setdefault("received_at", store.now())
    values.setdefault("user", store.user)
    row = SubmissionRow(**values)
    s.add(row)
    s.flush()
    if prev is not None:
        s.execute(update(SubmissionRow).where(SubmissionRow.id == prev.id).values(superseded_by=row.id))
    return _sub(row)
