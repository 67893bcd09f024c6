"""Plain records of the three registers. The GUI, returns and reports only ever see these."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, datetime


@dataclass(slots=True)
class Approval:
    """One approval item of a station (审批事项：自然资源/环评/无线电频率/用电报装)."""

    item: str  # APPROVAL_ITEM code
    applied_on: date | None = None
    granted_on: date | None = None
    notes: str | None = None
    id: int | None = None

    def days(self, as_of: date) -> int | None:
        """Lead time: granted − applied, or, while waiting, ``as_of`` − applied."""
        if self.applied_on is None:
            return None
        end = self.granted_on or as_of
        return (end - self.applied_on).days


@dataclass(slots=True)
class RecordMeta:
    created_at: datetime | None = None
    created_by: str | None = None
    updated_at: datetime | None = None
    updated_by: str | None = None
    deleted_at: datetime | None = None
    deleted_by: str | None = None
    version: int | None = None  # the record's version as read (None: not read from the database)


@dataclass(slots=True)
class Station:
    unit_code: str = ""
    station_code: str = ""  # 基站编码/gNodeB 标识, unique per operator
    operator: str = ""  # builder operator (承建方), OPERATOR code
    name: str = ""
    tower_site_code: str | None = None
    sharing_operators: list[str] = field(default_factory=list)
    township_code: str | None = None
    address: str | None = None
    lon: float | None = None
    lat: float | None = None
    station_type: str | None = None
    network_mode: str | None = None
    build_mode: str | None = None
    scene: str | None = None
    mast_type: str | None = None
    in_plan: bool | None = None
    in_land_plan: bool | None = None
    status: str = "planned"
    planned_on_air: date | None = None
    construction_start: date | None = None
    on_air: date | None = None
    power_supply: str | None = None
    conversion: str | None = None
    conversion_planned_on: date | None = None
    conversion_done_on: date | None = None
    venue_id: int | None = None
    pole_id: int | None = None
    subsidy_state: str | None = None
    notes: str | None = None
    approvals: list[Approval] = field(default_factory=list)
    id: int | None = None
    meta: RecordMeta = field(default_factory=RecordMeta)
    # Read-only conveniences filled by the store when loading (codes of the linked records).
    venue_code: str | None = None
    pole_code: str | None = None


@dataclass(slots=True)
class Venue:
    unit_code: str = ""
    name: str = ""
    venue_code: str | None = None  # assigned by the store when empty
    category: str | None = None
    owner: str | None = None
    township_code: str | None = None
    address: str | None = None
    lon: float | None = None
    lat: float | None = None
    resources: list[str] = field(default_factory=list)
    opened_on: date | None = None
    free: bool | None = True
    not_free_reason: str | None = None
    operators_entered: list[str] = field(default_factory=list)
    contact: str | None = None
    phone: str | None = None
    notes: str | None = None
    id: int | None = None
    meta: RecordMeta = field(default_factory=RecordMeta)
    station_count: int = 0  # derived: stations linked to this venue


@dataclass(slots=True)
class Pole:
    unit_code: str = ""
    name: str = ""
    pole_code: str | None = None  # assigned by the store when empty
    sector: str | None = None
    owner: str | None = None
    pole_type: str | None = None
    smart: bool | None = None
    merged_count: int | None = None
    township_code: str | None = None
    address: str | None = None
    lon: float | None = None
    lat: float | None = None
    sharing_operators: list[str] = field(default_factory=list)
    shared_on: date | None = None
    agreement_no: str | None = None
    notes: str | None = None
    id: int | None = None
    meta: RecordMeta = field(default_factory=RecordMeta)
    station_count: int = 0  # derived: stations mounted on this pole


Record = Station | Venue | Pole

# Fields that are bookkeeping or derived, not user data: not audited, not compared.
NON_DATA_FIELDS = frozenset({"id", "meta", "approvals", "station_count", "venue_code", "pole_code"})


def data_fields(record: Record) -> list[str]:
    return [f.name for f in fields(record) if f.name not in NON_DATA_FIELDS]
