"""The ``submission`` table: every return made (export) or received (import)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session, defer

from kf5g_desktop.domain.values import Submission

from . import dialect
from .models import SubmissionRow


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


def submissions(
    s: Session, *, direction: str | None = None, unit_code: str | None = None, week: str | None = None
) -> list[Submission]:
    """Submissions, newest first (without their bytes: lists stay light)."""
    stmt = select(SubmissionRow).options(defer(SubmissionRow.content)).order_by(SubmissionRow.id.desc())
    if direction:
        stmt = stmt.where(SubmissionRow.direction == direction)
    if unit_code:
        stmt = stmt.where(SubmissionRow.unit_code == unit_code)
    if week:
        stmt = stmt.where(SubmissionRow.iso_week == week)
    return [_sub(r) for r in s.scalars(stmt)]


def _latest_row(s: Session, direction: Any, unit_code: Any, week: Any) -> SubmissionRow | None:
    return s.scalar(
        select(SubmissionRow)
        .options(defer(SubmissionRow.content))  # the workbook's bytes: read only when asked for
        .where(
            SubmissionRow.direction == direction,
            SubmissionRow.unit_code == unit_code,
            SubmissionRow.iso_week == week,
            SubmissionRow.superseded_by.is_(None),
        )
        .order_by(SubmissionRow.id.desc())
        .limit(1)
    )


def latest(s: Session, direction: str, unit_code: str, week: str) -> Submission | None:
    """The latest (not superseded) submission of a direction, unit and week."""
    r = _latest_row(s, direction, unit_code, week)
    return _sub(r) if r is not None else None


def content_of(s: Session, submission_id: int) -> bytes | None:
    r = s.get(SubmissionRow, submission_id)
    return r.content if r is not None else None


def add(s: Session, values: Mapping[str, Any], *, now: Any, user: str) -> Submission:
    """Insert a submission; an earlier latest one of the same direction/unit/week is superseded
    and the version counts on from it (unless ``values`` names one)."""
    values = dict(values)
    # on a server, two imports (or exports) of one unit's return at once would both find the same
    # latest version: the second waits for the first to commit, then counts on from it
    dialect.hold_lock(s, dialect.LOCK_SUBMISSIONS, dialect.unit_key(values["unit_code"]))
    prev = _latest_row(s, values["direction"], values["unit_code"], values["iso_week"])
    values.setdefault("version", (prev.version + 1) if prev is not None else 1)
    values.setdefault("received_at", now)
    values.setdefault("user", user)
    row = SubmissionRow(**values)
    s.add(row)
    s.flush()
    if prev is not None:
        s.execute(update(SubmissionRow).where(SubmissionRow.id == prev.id).values(superseded_by=row.id))
    return _sub(row)
