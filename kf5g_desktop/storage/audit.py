"""The audit log: reading it (one record's history, the log page) and writing it fast (the JSON
snapshot of many new records built column by column, as json.dumps would write it)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, Float, Integer, func, select
from sqlalchemy.orm import Session

from kf5g_desktop.domain.audit_text import audit_float, audit_text
from kf5g_desktop.domain.values import AuditEntry

from .dialect import like_ci
from .models import AuditRow

_AUDIT_TEXT: dict[type, Callable[[Any], str]] = {  # audit_text() of one class of values
    float: audit_float,
    int: str,
    bool: lambda v: "1" if v else "0",
    date: date.isoformat,
    datetime: datetime.isoformat,
}
_json_string = json.encoder.encode_basestring  # a JSON string as json.dumps(…, ensure_ascii=False) writes it


def snapshot(values: dict[str, Any]) -> dict[str, str]:
    """The audit text of every non-empty value (an inserted record's "new" snapshot)."""
    return {k: t for k, v in values.items() if (t := audit_text(v)) is not None}


def snapshot_json(values: dict[str, str]) -> str:
    return json.dumps(values, ensure_ascii=False)


def fragments(name: str, values: Sequence[Any]) -> list[str]:
    """``"name": "audit text"`` of each value for a JSON snapshot, "" where the field is left out
    (empty); joined with ", " inside braces it is exactly json.dumps(snapshot, ensure_ascii=False)."""
    key = _json_string(name) + ": "
    types = set(map(type, values)) - {type(None)}
    if types <= {str}:
        if None not in values and "" not in values:  # every record has it: all in C
            return list(map(key.__add__, map(_json_string, values)))
        return [key + _json_string(v) if v else "" for v in values]
    conv = _AUDIT_TEXT.get(types.pop()) if len(types) == 1 else None
    if conv is not None:  # numbers, dates, booleans: their text needs no JSON escaping
        quoted = key + '"'
        return ["" if v is None else quoted + conv(v) + '"' for v in values]
    out = []
    for v in values:
        text = audit_text(v)
        out.append("" if text is None else key + _json_string(text))
    return out


def from_audit_text(col: Any, text: str | None) -> Any:
    """The column value an audit text stands for (undoing an update)."""
    if text is None:
        return "" if not col.nullable else None
    t = col.type
    if isinstance(t, Boolean):
        return text == "1"
    if isinstance(t, Date):
        return date.fromisoformat(text)
    if isinstance(t, Float):
        return float(text)
    if isinstance(t, Integer):
        return int(text)
    return text


def escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def history(s: Session, kind: str, record_id: int) -> list[AuditEntry]:
    """The audit rows of one record, oldest first."""
    rows = s.scalars(
        select(AuditRow)
        .where(AuditRow.table_name == kind, AuditRow.record_id == record_id)
        .order_by(AuditRow.at, AuditRow.id)
    ).all()
    return [entry(r) for r in rows]


def _log_filter(stmt: Any, search: str, user: str) -> Any:
    if search:
        stmt = stmt.where(like_ci(AuditRow.record_key, f"%{escape_like(search)}%"))
    if user:
        stmt = stmt.where(AuditRow.user == user)
    return stmt


def audit_log(s: Session, *, offset: int, limit: int, search: str, user: str) -> list[AuditEntry]:
    stmt = _log_filter(select(AuditRow), search, user)
    stmt = stmt.order_by(AuditRow.at.desc(), AuditRow.id.desc()).offset(offset).limit(limit)
    return [entry(r) for r in s.scalars(stmt)]


def audit_count(s: Session, *, search: str, user: str) -> int:
    return int(s.scalar(_log_filter(select(func.count()).select_from(AuditRow), search, user)) or 0)


def entry(r: AuditRow) -> AuditEntry:
    return AuditEntry(
        r.id,
        r.at,
        r.user,
        r.action,
        r.table_name,
        r.record_id,
        r.record_key,
        r.field,
        r.old,
        r.new,
        r.batch_id,
    )
