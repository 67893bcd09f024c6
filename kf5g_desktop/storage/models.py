"""SQLAlchemy models. The schema is owned by Alembic (``migrations/``); this module must match it.

Conventions: codes are stored (labels live in the domain's code lists); multi-valued code fields are
stored as comma-joined codes; every register row carries created/updated/deleted bookkeeping
(``deleted_at`` set = in the recycle bin).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Bookkeeping:
    """Who made and last changed a record, its place in the recycle bin, and its version.

    ``version`` counts the record's changes (1 when created; stations' approvals count as the
    station's): every update says which version it replaces, and one that finds another version
    is refused (``writes.ConflictError``) — never a silent overwrite. SQLAlchemy's
    ``version_id_col`` puts the version into every ORM UPDATE's WHERE clause, so the check and
    the write are one statement on any engine; the program sets the new value itself
    (``version_id_generator=False``) when the record really changed."""

    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    created_by: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    updated_by: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)
    deleted_by: Mapped[str | None] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default=text("1"))

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version, "version_id_generator": False}  # type: ignore[attr-defined]


# Reference data ---------------------------------------------------------------------


class UnitRow(Base):
    __tablename__ = "unit"
    code: Mapped[str] = mapped_column(String(6), primary_key=True)
    name: Mapped[str] = mapped_column(String(32), nullable=False)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    lon_min: Mapped[float] = mapped_column(Float, nullable=False)
    lon_max: Mapped[float] = mapped_column(Float, nullable=False)
    lat_min: Mapped[float] = mapped_column(Float, nullable=False)
    lat_max: Mapped[float] = mapped_column(Float, nullable=False)


class TownshipRow(Base):
    __tablename__ = "township"
    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    name: Mapped[str] = mapped_column(String(64), nullable=False)
    unit_code: Mapped[str] = mapped_column(ForeignKey("unit.code"), nullable=False, index=True)


class TargetRow(Base):
    __tablename__ = "target"
    __table_args__ = (UniqueConstraint("unit_code", "year", "metric"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_code: Mapped[str | None] = mapped_column(ForeignKey("unit.code"))  # NULL = the city
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    metric: Mapped[str] = mapped_column(String(32), nullable=False)
    value: Mapped[int] = mapped_column(Integer, nullable=False)


class SettingRow(Base):
    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False, default="")


class UnitKeyRow(Base):
    """Signing keys for returns (RETURNS.md "The signature"); a unit keeps only its own."""

    __tablename__ = "unit_key"
    unit_code: Mapped[str] = mapped_column(ForeignKey("unit.code"), primary_key=True)
    key_hex: Mapped[str] = mapped_column(String(64), nullable=False)
    issued_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)


# Registers --------------------------------------------------------------------------


class VenueRow(Bookkeeping, Base):
    __tablename__ = "venue"
    __table_args__ = (
        Index(
            "uq_venue_venue_code_live",
            "venue_code",
            unique=True,
            sqlite_where=text("deleted_at IS NULL"),
        ),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    venue_code: Mapped[str] = mapped_column(String(32), nullable=False)
    unit_code: Mapped[str] = mapped_column(ForeignKey("unit.code"), nullable=False, index=True)
    name: Mapped[str] = mapped_column(String(128), nullable=False)
    category: Mapped[str | None] = mapped_column(String(32))
    owner: Mapped[str | None] = mapped_column(String(128))
    township_code: Mapped[str | None] = mapped_column(String(12))
    address: Mapped[str | None] = mapped_column(String(256))
    lon: Mapped[float | None] = mapped_column(Float)
    lat: Mapped[float | None] = mapped_column(Float)
    resources: Mapped[str] = mapped_column(String(128), nullable=False, default="")
    opened_on: Mapped[date | None] = mapped_column(Date, index=True)
    free: Mapped[bool | None] = mapped_column(Boolean)
    not_free_reason: Mapped[str | None] = mapped_column(Text)
    operators_entered: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    contact: Mapped[str | None] = mapped_column(String(64))
    phone: Mapped[str | None] = mapped_column(String(32))
    notes: Mapped[str | None] = mapped_column(Text)


class PoleRow(Bookkeeping, Base):
    __tablename__ = "pole"
    __table_args__ = (
        Index(
            "uq_pole_pole_code_live",
            "pole_code",
            unique=True,
            sqlite_where=text("deleted_at IS NULL"),
        ),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pole_code: Mapped[str] = mapped_column(String(32), nullable=False)
    unit_code: Mapped[str] = mapped_column(ForeignKey("unit.code"), nullable=False, index=True)
    name: Mapped[str] = mapped_column(String(128), nullable=False)
    sector: Mapped[str | None] = mapped_column(String(32))
    owner: Mapped[str | None] = mapped_column(String(128))
    pole_type: Mapped[str | None] = mapped_column(String(32))
    smart: Mapped[bool | None] = mapped_column(Boolean)
    merged_count: Mapped[int | None] = mapped_column(Integer)
    township_code: Mapped[str | None] = mapped_column(String(12))
    address: Mapped[str | None] = mapped_column(String(256))
    lon: Mapped[float | None] = mapped_column(Float)
    lat: Mapped[float | None] = mapped_column(Float)
    sharing_operators: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    shared_on: Mapped[date | None] = mapped_column(Date, index=True)
    agreement_no: Mapped[str | None] = mapped_column(String(64))
    notes: Mapped[str | None] = mapped_column(Text)


class StationRow(Bookkeeping, Base):
    __tablename__ = "station"
    __table_args__ = (
        Index(
            "uq_station_operator_code_live",
            "operator",
            "station_code",
            unique=True,
            sqlite_where=text("deleted_at IS NULL"),
        ),
        Index("ix_station_unit_status", "unit_code", "status"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_code: Mapped[str] = mapped_column(ForeignKey("unit.code"), nullable=False)
    station_code: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    operator: Mapped[str] = mapped_column(String(8), nullable=False)
    name: Mapped[str] = mapped_column(String(128), nullable=False, index=True)
    tower_site_code: Mapped[str | None] = mapped_column(String(64))
    sharing_operators: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    township_code: Mapped[str | None] = mapped_column(String(12))
    address: Mapped[str | None] = mapped_column(String(256))
    lon: Mapped[float | None] = mapped_column(Float)
    lat: Mapped[float | None] = mapped_column(Float)
    station_type: Mapped[str | None] = mapped_column(String(16))
    network_mode: Mapped[str | None] = mapped_column(String(8))
    build_mode: Mapped[str | None] = mapped_column(String(16))
    scene: Mapped[str | None] = mapped_column(String(16))
    mast_type: Mapped[str | None] = mapped_column(String(16))
    in_plan: Mapped[bool | None] = mapped_column(Boolean)
    in_land_plan: Mapped[bool | None] = mapped_column(Boolean)
    status: Mapped[str] = mapped_column(String(16), nullable=False)
    planned_on_air: Mapped[date | None] = mapped_column(Date)
    construction_start: Mapped[date | None] = mapped_column(Date)
    on_air: Mapped[date | None] = mapped_column(Date, index=True)
    power_supply: Mapped[str | None] = mapped_column(String(16))
    conversion: Mapped[str | None] = mapped_column(String(16))
    conversion_planned_on: Mapped[date | None] = mapped_column(Date)
    conversion_done_on: Mapped[date | None] = mapped_column(Date)
    venue_id: Mapped[int | None] = mapped_column(ForeignKey("venue.id"), index=True)
    pole_id: Mapped[int | None] = mapped_column(ForeignKey("pole.id"), index=True)
    subsidy_state: Mapped[str | None] = mapped_column(String(16))
    notes: Mapped[str | None] = mapped_column(Text)


class ApprovalRow(Base):
    __tablename__ = "approval"
    __table_args__ = (UniqueConstraint("station_id", "item"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("station.id", ondelete="CASCADE"), nullable=False)
    item: Mapped[str] = mapped_column(String(16), nullable=False)
    applied_on: Mapped[date | None] = mapped_column(Date)
    granted_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)


# History ----------------------------------------------------------------------------


class BatchRow(Base):
    """A group of changes made together (a bulk import, a return import) that can be undone as one."""

    __tablename__ = "batch"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), nullable=False)
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    created_by: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    undone_at: Mapped[datetime | None] = mapped_column(DateTime)
    undone_by: Mapped[str | None] = mapped_column(String(64))


class AuditRow(Base):
    """One change: insert/delete/restore (field NULL) or one field of an update."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_record", "table_name", "record_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, nullable=False, index=True)
    user: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    action: Mapped[str] = mapped_column(String(16), nullable=False)  # insert/update/delete/restore
    table_name: Mapped[str] = mapped_column(String(32), nullable=False)
    record_id: Mapped[int] = mapped_column(Integer, nullable=False)
    record_key: Mapped[str] = mapped_column(String(128), nullable=False, default="")
    field: Mapped[str | None] = mapped_column(String(64))
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("batch.id"), index=True)


# Weekly work ------------------------------------------------------------------------


class WeekNoteRow(Base):
    """Per unit and week: the problems text of the report/return and the reviewer's name."""

    __tablename__ = "week_note"
    unit_code: Mapped[str] = mapped_column(String(6), primary_key=True)
    iso_week: Mapped[str] = mapped_column(String(8), primary_key=True)
    problems: Mapped[str] = mapped_column(Text, nullable=False, default="")
    reviewer: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    updated_by: Mapped[str] = mapped_column(String(64), nullable=False, default="")


class SubmissionRow(Base):
    """A weekly return made (exported by a unit) or received (imported by the city)."""

    __tablename__ = "submission"
    __table_args__ = (Index("ix_submission_unit_week", "unit_code", "iso_week"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    direction: Mapped[str] = mapped_column(String(8), nullable=False)  # "export" | "import"
    kind: Mapped[str] = mapped_column(String(8), nullable=False)  # "unit" | "city"
    unit_code: Mapped[str] = mapped_column(String(6), nullable=False)
    iso_week: Mapped[str] = mapped_column(String(8), nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    content_sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    signature: Mapped[str | None] = mapped_column(String(64))
    signature_status: Mapped[str | None] = mapped_column(String(16))  # ok / unsigned / no_key
    file_name: Mapped[str | None] = mapped_column(String(256))
    generated_at: Mapped[str | None] = mapped_column(String(40))
    received_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    user: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    late: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    reason: Mapped[str | None] = mapped_column(Text)  # correction reason or accepted-modified reason
    modified_accepted: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    superseded_by: Mapped[int | None] = mapped_column(ForeignKey("submission.id"))
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("batch.id"))
    content: Mapped[bytes | None] = mapped_column(LargeBinary)  # the workbook bytes


REGISTER_TABLES = {"station": StationRow, "venue": VenueRow, "pole": PoleRow}


# Versions of the registers ------------------------------------------------------------------
#
# One history table per register (and one for the approvals), in the manner of SQL:2011
# system-versioned tables: every version of a record with the register's own columns, valid from
# the moment it was recorded (``valid_from``) to the moment it was replaced (``valid_to``; NULL =
# the current version). The registers as they stood at moment T are the versions with
# valid_from <= T < valid_to. Written by ``storage.history`` at the end of every write transaction.

HISTORY_SUFFIX = "_history"


def _history_table(source: Table) -> Table:
    name = source.name + HISTORY_SUFFIX
    cols: list[Column[Any]] = [Column("hid", Integer, primary_key=True)]
    cols += [Column(c.name, c.type, nullable=bool(c.nullable) and not c.primary_key) for c in source.columns]
    cols += [Column("valid_from", DateTime, nullable=False), Column("valid_to", DateTime)]
    key = "station_id" if source.name == "approval" else "id"
    return Table(
        name,
        Base.metadata,
        *cols,
        Index(f"ix_{name}_current", key, "valid_to"),
        # covers "the versions valid at T" (and, for counts, "not in the recycle bin then")
        Index(
            f"ix_{name}_valid_from",
            "valid_from",
            "valid_to",
            *(["deleted_at"] if "deleted_at" in source.c else []),
        ),
    )


StationHistory = _history_table(StationRow.__table__)  # type: ignore[arg-type]
VenueHistory = _history_table(VenueRow.__table__)  # type: ignore[arg-type]
PoleHistory = _history_table(PoleRow.__table__)  # type: ignore[arg-type]
ApprovalHistory = _history_table(ApprovalRow.__table__)  # type: ignore[arg-type]
HISTORY_TABLES: dict[str, Table] = {
    "station": StationHistory,
    "venue": VenueHistory,
    "pole": PoleHistory,
    "approval": ApprovalHistory,
}

# The registers' unique codes are unique among the live records only: partial indexes, WHERE
# deleted_at IS NULL. On SQLite that is ``sqlite_where`` above; PostgreSQL's option is added by
# :func:`add_server_options` when a server engine is made, because naming a ``postgresql_*`` option
# here loads SQLAlchemy's PostgreSQL dialect (with asyncio) into every start of the program.
LIVE_UNIQUE_INDEXES = ("uq_venue_venue_code_live", "uq_pole_pole_code_live", "uq_station_operator_code_live")


def add_server_options() -> None:
    """PostgreSQL's ``WHERE deleted_at IS NULL`` of the live unique indexes (once; idempotent)."""
    for table in Base.metadata.tables.values():
        for index in table.indexes:
            if index.name in LIVE_UNIQUE_INDEXES and index.dialect_options["postgresql"]["where"] is None:
                index.dialect_options["postgresql"]["where"] = text("deleted_at IS NULL")
