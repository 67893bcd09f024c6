"""How values are written into the audit log: codes as codes, dates ISO, booleans 1/0, and a
station's approvals as one text ("land:2021-01-02/2021-01-20/notes;…")."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from . import codes
from .kinds import in_approval_order
from .records import Approval


def audit_text(value: object) -> str | None:
    """How a value is written into the audit log: codes as codes, dates ISO, booleans 1/0."""
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return codes.CODE_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, float):
        return audit_float(value)
    return str(value)


def audit_float(value: float) -> str:
    return f"{value:.6f}".rstrip("0").rstrip(".")


def approvals_text(approvals: Sequence[Approval]) -> str:
    parts = []
    for a in in_approval_order(approvals):
        parts.append(
            f"{a.item}:{a.applied_on.isoformat() if a.applied_on else ''}/"
            f"{a.granted_on.isoformat() if a.granted_on else ''}" + (f"/{a.notes}" if a.notes else "")
        )
    return ";".join(parts)


def parse_approvals_text(text: str | None) -> list[Approval]:
    out = []
    for part in (text or "").split(";"):
        if not part:
            continue
        item, _, rest = part.partition(":")
        bits = rest.split("/", 2)
        applied = date.fromisoformat(bits[0]) if bits[0] else None
        granted = date.fromisoformat(bits[1]) if len(bits) > 1 and bits[1] else None
        notes = bits[2] if len(bits) > 2 else None
        out.append(Approval(item, applied, granted, notes))
    return out


def approvals_display(text: str | None) -> str:
    """An audit value of the approvals field, as a person reads it."""
    out = []
    for a in parse_approvals_text(text):
        span = f"申请 {a.applied_on or '—'}，办结 {a.granted_on or '—'}"
        out.append(f"{codes.APPROVAL_ITEM.label(a.item)}({span})")
    return ";".join(out)
