"""ORM row ↔ record: which columns a record kind has, a record from a row, a row's values from a
record, and the approval table's rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from datetime import date
from typing import Any

from kf5g_desktop.domain import codes
from kf5g_desktop.domain.kinds import KINDS
from kf5g_desktop.domain.records import Approval, RecordMeta
from kf5g_desktop.domain.schema import POLE, STATION, VENUE

from .models import ApprovalRow, PoleRow, StationRow, VenueRow

ROW_CLASS: dict[str, Any] = {STATION: StationRow, VENUE: VenueRow, POLE: PoleRow}
_COLUMNS_CACHE: dict[str, list[str]] = {}


def columns(kind: str) -> list[str]:
    """The record fields of ``kind`` that are columns of its table (with ``id``)."""
    cols = _COLUMNS_CACHE.get(kind)
    if cols is None:  # computed once per kind: called for every row read or written
        cls = KINDS[kind].record_class
        cols = [f.name for f in fields(cls) if f.name in ROW_CLASS[kind].__table__.c]
        _COLUMNS_CACHE[kind] = cols
    return cols


def link_column(kind: str) -> Any:
    """The station column that points at a venue or pole (``kind`` VENUE or POLE)."""
    name = KINDS[kind].link_column
    assert name is not None, kind
    return getattr(StationRow, name)


def to_record(kind: str, row: Any) -> Any:
    """A record from an ORM row or a Core row mapping."""
    get = row.__getitem__ if hasattr(row, "keys") else lambda n: getattr(row, n)
    list_fields = KINDS[kind].list_fields
    values: dict[str, Any] = {}
    for name in columns(kind):
        if name == "id":
            continue
        v = get(name)
        if name in list_fields:
            v = [c for c in (v or "").split(codes.CODE_SEPARATOR) if c]
        values[name] = v
    rec = KINDS[kind].record_class(**values)
    rec.id = get("id")
    rec.meta = RecordMeta(
        get("created_at"),
        get("created_by"),
        get("updated_at"),
        get("updated_by"),
        get("deleted_at"),
        get("deleted_by"),
        get("version"),
    )
    return rec


def to_values(kind: str, record: Any) -> dict[str, Any]:
    """The column values of a record (list fields joined), without ``id``."""
    list_fields = KINDS[kind].list_fields
    out: dict[str, Any] = {}
    for name in columns(kind):
        if name == "id":
            continue
        v = getattr(record, name)
        if name in list_fields:
            v = codes.CODE_SEPARATOR.join(v or [])
        out[name] = v
    return out


def approval(a: ApprovalRow) -> Approval:
    return Approval(a.item, a.applied_on, a.granted_on, a.notes, a.id)


def approval_rows(station_id: int, approvals: Sequence[Approval]) -> list[dict[str, Any]]:
    """Rows of the approval table for one station's approvals."""
    return [
        dict(
            station_id=station_id,
            item=a.item,
            applied_on=a.applied_on,
            granted_on=a.granted_on,
            notes=a.notes,
        )
        for a in approvals
    ]


def opt_date(value: object) -> date | None:
    """A date read back from a Core query that SQLite returned as text."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)) if value else None
