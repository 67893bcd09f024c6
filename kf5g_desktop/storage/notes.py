"""Week notes: a unit's (or the city's) problems and reviewer for one week's report."""

from __future__ import annotations

from sqlalchemy.orm import Session

from kf5g_desktop.domain.values import WeekNote

from .models import WeekNoteRow
from .session import WriteContext


def week_note(s: Session, unit_code: str, iso_week: str) -> WeekNote:
    row = s.get(WeekNoteRow, (unit_code, iso_week))
    if row is None:
        return WeekNote(unit_code, iso_week)
    return WeekNote(row.unit_code, row.iso_week, row.problems, row.reviewer)


def save_week_note(ctx: WriteContext, note: WeekNote) -> None:
    row = ctx.session.get(WeekNoteRow, (note.unit_code, note.iso_week))
    if row is None:
        ctx.session.add(
            WeekNoteRow(
                unit_code=note.unit_code,
                iso_week=note.iso_week,
                problems=note.problems,
                reviewer=note.reviewer,
                updated_at=ctx.now,
                updated_by=ctx.user,
            )
        )
    else:
        row.problems, row.reviewer = note.problems, note.reviewer
        row.updated_at, row.updated_by = ctx.now, ctx.user
