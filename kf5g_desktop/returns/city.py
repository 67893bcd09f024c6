"""The city side: completeness grid (unit × week) and the 完成情况 rows of the consolidated return.

Grid states: 按时 (received before the deadline), 逾期 (after it), 未报 (nothing received), and
改动后接收 (the file was changed after export and accepted with a reason). The latest submission per
unit and week counts; earlier ones stay in history.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kf5g_desktop.domain.periods import IsoWeek, weeks_between
from kf5g_desktop.storage.store import Store

from . import submissions
from .content import CompletionRow, ReturnContent

ON_TIME, LATE, MISSING, MODIFIED, PENDING = "on_time", "late", "missing", "modified", "pending"
STATE_LABELS = {ON_TIME: "按时", LATE: "逾期", MISSING: "未报", MODIFIED: "改动后接收", PENDING: "未到期"}


@dataclass(frozen=True, slots=True)
class GridCell:
    unit_code: str
    week: IsoWeek
    state: str
    submission: submissions.Submission | None = None
    versions: int = 0

    @property
    def label(self) -> str:
        text = STATE_LABELS[self.state]
        if self.state == MODIFIED and self.submission is not None and self.submission.late:
            text += "（逾期）"
        return text


def _state(sub: submissions.Submission | None, due: datetime, now: datetime) -> str:
    if sub is None:
        return PENDING if now <= due else MISSING
    if sub.modified_accepted:
        return MODIFIED
    return LATE if sub.late else ON_TIME


def completeness_grid(store: Store, first: IsoWeek, last: IsoWeek) -> dict[tuple[str, IsoWeek], GridCell]:
    """Every unit × every week from ``first`` to ``last`` (both included)."""
    weeks = weeks_between(first, last)
    names = {str(w): w for w in weeks}
    latest: dict[tuple[str, str], submissions.Submission] = {}
    counts: dict[tuple[str, str], int] = {}
    for sub in submissions.submissions(store, direction="import"):  # newest first
        key = (sub.unit_code, sub.iso_week)
        if sub.iso_week not in names:
            continue
        counts[key] = counts.get(key, 0) + 1
        if key not in latest and sub.superseded_by is None:
            latest[key] = sub
    now = store.now()
    out: dict[tuple[str, IsoWeek], GridCell] = {}
    for unit in store.units():
        for w in weeks:
            sub = latest.get((unit.code, str(w)))
            state = _state(sub, submissions.deadline(store, w), now)
            out[(unit.code, w)] = GridCell(unit.code, w, state, sub, counts.get((unit.code, str(w)), 0))
    return out


def missing_units(store: Store, week: IsoWeek) -> list[str]:
    grid = completeness_grid(store, week, week)
    return [u for (u, _w), c in grid.items() if c.state in (MISSING, PENDING)]


def completion_rows(store: Store, week: IsoWeek, content: ReturnContent) -> list[CompletionRow]:
    """One row per unit for the consolidated return's 完成情况 sheet: its submission, and its
    stations in the consolidation (``content``; a unit without a return for the week: its latest
    earlier submission carried, marked 未报（沿用…）)."""
    grid = completeness_grid(store, week, week)
    carried = content.basis.carried
    rows = []
    for unit in store.units():
        cell = grid[(unit.code, week)]
        total, on_air = content.unit_counts.get(unit.code, (0, 0))
        sub = cell.submission
        rows.append(
            CompletionRow(
                unit.code,
                unit.name,
                sub is not None,
                sub.received_at if sub else None,
                bool(sub and sub.late),
                total,
                on_air,
                None if sub is not None else carried.get(unit.code),
            )
        )
    return rows
