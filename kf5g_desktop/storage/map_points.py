"""The points the map draws: id, code, name, longitude, latitude and the fields it colours by.

One light query per register (no record objects, no approvals): fast at 100,000 stations.
Coordinates are the stored WGS-84 numbers; records without both are left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from .models import PoleRow, StationRow, VenueRow
from .store import Store


@dataclass(frozen=True, slots=True)
class MapPoints:
    ids: list[int]
    codes: list[str]
    names: list[str]
    lon: list[float]
    lat: list[float]
    status: list[str]  # stations only (else empty strings)
    operator: list[str]  # stations only (else empty strings)

    def __len__(self) -> int:
        return len(self.ids)


def map_points(store: Store, kind: str, unit_code: str | None = None) -> MapPoints:
    row: Any = {"station": StationRow, "venue": VenueRow, "pole": PoleRow}[kind]
    code_col = {"station": StationRow.station_code, "venue": VenueRow.venue_code, "pole": PoleRow.pole_code}[
        kind
    ]
    extra = (StationRow.status, StationRow.operator) if kind == "station" else ()
    stmt = select(row.id, code_col, row.name, row.lon, row.lat, *extra).where(
        row.deleted_at.is_(None), row.lon.is_not(None), row.lat.is_not(None)
    )
    if unit_code:
        stmt = stmt.where(row.unit_code == unit_code)
    with store.session() as s:
        rows = s.execute(stmt.order_by(row.id)).all()
    out = MapPoints([], [], [], [], [], [], [])
    for r in rows:
        out.ids.append(r[0])
        out.codes.append(r[1])
        out.names.append(r[2])
        out.lon.append(r[3])
        out.lat.append(r[4])
        out.status.append(r[5] if extra else "")
        out.operator.append(r[6] if extra else "")
    return out
