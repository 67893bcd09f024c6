"""Reference data: units, townships, targets and the units' signing keys (the shipped defaults
seeded into a new database)."""

from __future__ import annotations

from dataclasses import asdict

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from kf5g_desktop.domain.targets import Target, default_targets
from kf5g_desktop.domain.units import Township, Unit, default_townships, default_units

from .models import TargetRow, TownshipRow, UnitKeyRow, UnitRow
from .session import WriteContext


def seeded(s: Session) -> bool:
    """The database has its units (:func:`seed` has nothing to do)."""
    return bool(s.scalar(select(func.count()).select_from(UnitRow)))


def seed(s: Session) -> None:
    """Units, townships and targets of a new database (nothing when it has units already)."""
    if s.scalar(select(func.count()).select_from(UnitRow)):
        return
    s.execute(insert(UnitRow), [asdict(u) for u in default_units()])
    s.execute(
        insert(TownshipRow),
        [dict(code=t.code, name=t.name, unit_code=t.unit_code) for t in default_townships()],
    )
    s.execute(
        insert(TargetRow),
        [dict(unit_code=t.unit_code, year=t.year, metric=t.metric, value=t.value) for t in default_targets()],
    )


def units(s: Session) -> list[Unit]:
    return [
        Unit(r.code, r.name, r.kind, r.lon_min, r.lon_max, r.lat_min, r.lat_max)
        for r in s.scalars(select(UnitRow).order_by(UnitRow.code))
    ]


def townships(s: Session) -> list[Township]:
    return [
        Township(r.code, r.name, r.unit_code)
        for r in s.scalars(select(TownshipRow).order_by(TownshipRow.code))
    ]


def targets(s: Session) -> list[Target]:
    return [
        Target(r.unit_code, r.year, r.metric, r.value)
        for r in s.scalars(select(TargetRow).order_by(TargetRow.year, TargetRow.unit_code))
    ]


def set_target(ctx: WriteContext, unit_code: str | None, year: int, metric: str, value: int | None) -> None:
    """Set (or with ``value=None`` remove) a target; ``unit_code`` None is the city's."""
    row = ctx.session.scalar(
        select(TargetRow).where(
            TargetRow.unit_code.is_(None) if unit_code is None else TargetRow.unit_code == unit_code,
            TargetRow.year == year,
            TargetRow.metric == metric,
        )
    )
    if value is None:
        if row is not None:
            ctx.session.delete(row)
    elif row is None:
        ctx.session.add(TargetRow(unit_code=unit_code, year=year, metric=metric, value=value))
    else:
        row.value = value


def unit_keys(s: Session) -> dict[str, str]:
    return {r.unit_code: r.key_hex for r in s.scalars(select(UnitKeyRow))}


def set_unit_key(ctx: WriteContext, unit_code: str, key_hex: str | None) -> None:
    row = ctx.session.get(UnitKeyRow, unit_code)
    if key_hex is None:
        if row is not None:
            ctx.session.delete(row)
    elif row is None:
        ctx.session.add(UnitKeyRow(unit_code=unit_code, key_hex=key_hex, issued_at=ctx.now))
    else:
        row.key_hex, row.issued_at = key_hex, ctx.now
