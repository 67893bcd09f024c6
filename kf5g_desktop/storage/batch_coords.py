"""Declaring the coordinate system of an existing batch: its stored numbers converted to WGS-84.

Databases from before coordinates had a declared system keep their numbers, whose system is
unknown; an officer who knows that a batch (an operator's list imported in bulk, a unit's return)
was typed from 高德 or 百度 declares it, and the coordinates the batch wrote are converted from
GCJ-02 or BD-09 to the stored WGS-84 (``domain.coords``). No schema change: the conversion is a
batch of its own (kind ``coords``), audited field by field like any change and undone like any
batch; its description names the batch it declares, which is how a second declaration of the
same batch is refused while the first stands.

Records whose coordinates were changed after the batch (by hand, or by a later batch) are left as
they are and counted: their numbers are no longer the batch's.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select

from kf5g_desktop.domain import coords
from kf5g_desktop.domain.audit_text import audit_text

from . import batches
from .errors import NotFoundError, StorageError
from .mapping import ROW_CLASS
from .models import AuditRow, BatchRow
from .session import WriteContext

KIND = "coords"
_COORDS = ("lon", "lat")


@dataclass(frozen=True, slots=True)
class Declared:
    batch_id: int  # the new batch (undo it to take the declaration back)
    converted: int  # records whose coordinates were converted
    skipped: int  # records of the batch whose coordinates changed after it (left as they are)


def prefix(batch_id: int) -> str:
    return f"声明批次 {batch_id} 的坐标系为"


def declaration(ctx: WriteContext, batch_id: int) -> BatchRow | None:
    """The standing (not undone) declaration of ``batch_id``, if any."""
    return ctx.session.scalars(
        select(BatchRow).where(
            BatchRow.kind == KIND,
            BatchRow.undone_at.is_(None),
            BatchRow.description.startswith(prefix(batch_id)),
        )
    ).first()


def declare(ctx: WriteContext, batch_id: int, system: str) -> Declared:
    s = ctx.session
    if system not in coords.SYSTEMS:
        raise StorageError(f"坐标系“{system}”无法识别，请选择 WGS-84、GCJ-02 或 BD-09。")
    batch = s.get(BatchRow, batch_id)
    if batch is None:
        raise NotFoundError(f"没有编号为 {batch_id} 的导入批次。")
    if batch.kind == KIND:
        raise StorageError(f"批次 {batch_id} 本身是一次坐标系声明，不能再声明其坐标系。")
    if batch.undone_at is not None:
        raise StorageError(f"批次 {batch_id} 已于 {batch.undone_at:%Y-%m-%d %H:%M} 撤销，无需声明坐标系。")
    standing = declaration(ctx, batch_id)
    if standing is not None:
        raise StorageError(
            f"批次 {batch_id} 的坐标系已于 {standing.created_at:%Y-%m-%d %H:%M} 声明过（批次 {standing.id}）。"
            f"如需改为其他坐标系，请先撤销批次 {standing.id}。"
        )
    if system == coords.WGS84:
        raise StorageError(
            f"批次 {batch_id} 的坐标按 WGS-84 保存，声明为 WGS-84 不改变任何数字。"
            "如坐标来自高德/腾讯或百度地图，请选择 GCJ-02 或 BD-09。"
        )
    # The records the batch wrote coordinates for (inserted by it, or with lon/lat changed by it),
    # with the numbers it wrote: the last of its rows per record and field.
    written: dict[tuple[str, int], dict[str, str | None]] = {}
    for r in s.scalars(
        select(AuditRow)
        .where(AuditRow.batch_id == batch_id, (AuditRow.action == "insert") | AuditRow.field.in_(_COORDS))
        .order_by(AuditRow.id)
    ):
        values = written.setdefault((r.table_name, r.record_id), {})
        if r.action == "insert":
            snapshot = json.loads(r.new) if r.new else {}
            values.update({f: snapshot.get(f) for f in _COORDS})
        elif r.field is not None:
            values[r.field] = r.new
    batches.start(ctx, KIND, f"{prefix(batch_id)}{coords.SHORT_LABELS[system]}，已换算为 WGS-84（{batch.description}）")
    converted = skipped = 0
    for (kind, rid), values in written.items():
        table = ROW_CLASS.get(kind)
        if table is None:
            continue
        row = s.get(table, rid)
        if row is None or row.deleted_at is not None or row.lon is None or row.lat is None:
            continue
        if any(audit_text(getattr(row, f)) != values.get(f) for f in _COORDS):
            skipped += 1  # changed since (by hand, or by a later batch): no longer the batch's numbers
            continue
        lon, lat = coords.to_wgs84(row.lon, row.lat, system)
        lon, lat = round(lon, 6), round(lat, 6)
        key = _key(kind, row)
        for fld, new in (("lon", lon), ("lat", lat)):
            old = getattr(row, fld)
            if old != new:
                setattr(row, fld, new)
                ctx.audit("update", kind, rid, key, fld, audit_text(old), audit_text(new))
        converted += 1
    assert ctx.batch_id is not None
    return Declared(ctx.batch_id, converted, skipped)


def _key(kind: str, row: object) -> str:
    from kf5g_desktop.domain.kinds import record_key

    return record_key(kind, row)
