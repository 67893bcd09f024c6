"""Plain values the store hands out besides the records: the installation, a list query, audit
entries, approval items, the recycle bin, batches, week notes, check problems and submissions.

Standard library only, so the GUI, returns and reports use them without importing the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from .schema import FIELD_BY_NAME, field_label
from .units import CITY_CODE
from .validation import Issue

UNIT = "unit"  # an installation of one county-level unit
CITY = "city"  # the city's installation
INSTALLATION_KINDS = (UNIT, CITY)


@dataclass(frozen=True, slots=True)
class Installation:
    kind: str | None  # UNIT | CITY | None (not set up yet)
    unit_code: str | None  # the unit's code; CITY_CODE for the city
    user_name: str
    user_phone: str
    reviewer: str
    demo: bool

    @property
    def is_city(self) -> bool:
        return self.kind == CITY

    @property
    def is_unit(self) -> bool:
        return self.kind == UNIT

    @property
    def configured(self) -> bool:
        return self.kind in INSTALLATION_KINDS

    @property
    def own_unit(self) -> str | None:
        """The unit this installation reports for; None for the city or when not set up."""
        return self.unit_code if self.is_unit else None

    @property
    def scope_code(self) -> str:
        """The code of what this installation reports on: its unit, or CITY_CODE."""
        return self.own_unit or CITY_CODE


@dataclass(slots=True)
class ListQuery:
    """Filters, sort and page of a register list. Every filter is applied in SQL."""

    search: str = ""
    unit_codes: Sequence[str] = ()
    operators: Sequence[str] = ()  # builder or sharing operator
    statuses: Sequence[str] = ()
    network_modes: Sequence[str] = ()
    power_supplies: Sequence[str] = ()
    station_types: Sequence[str] = ()
    categories: Sequence[str] = ()  # venue category / pole sector
    date_field: str | None = None  # defaults to the kind's date field (domain.kinds)
    date_from: date | None = None
    date_to: date | None = None
    created_on_or_before: date | None = None  # "as the register stood at the end of that day"
    deleted: bool = False  # True = the recycle bin
    sort: str | None = None  # a field name; None = newest first
    descending: bool = False
    offset: int = 0
    limit: int | None = None


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: datetime
    user: str
    action: str  # insert / update / delete / restore / undo / purge
    table_name: str
    record_id: int
    record_key: str
    field: str | None
    old: str | None
    new: str | None
    batch_id: int | None

    ACTION_LABELS = {"insert": "新增", "update": "修改", "delete": "删除", "restore": "恢复", "undo": "撤销"}

    @property
    def action_label(self) -> str:
        return self.ACTION_LABELS.get(self.action, self.action)

    @property
    def field_label(self) -> str:
        return field_label(self.table_name, self.field)

    def display(self, value: str | None) -> str:
        """A stored old/new value as a person reads it (labels instead of codes)."""
        if value is None:
            return ""
        spec = FIELD_BY_NAME.get(self.table_name, {}).get(self.field or "")
        return spec.display(value) if spec else value


@dataclass(frozen=True, slots=True)
class ApprovalItem:
    """One approval item of a live station, for the 审批 list (days: lead time or waiting so far)."""

    id: int
    station_id: int
    item: str
    applied_on: date | None
    granted_on: date | None
    unit_code: str
    station_code: str
    station_name: str
    operator: str
    status: str
    days: int | None


@dataclass(frozen=True, slots=True)
class DeletedItem:
    kind: str
    id: int
    key: str
    unit_code: str
    deleted_at: datetime
    deleted_by: str


@dataclass(frozen=True, slots=True)
class Batch:
    id: int
    kind: str
    description: str
    created_at: datetime
    created_by: str
    undone_at: datetime | None


@dataclass(frozen=True, slots=True)
class WeekNote:
    unit_code: str  # a unit's code, CITY_CODE for the city's note
    iso_week: str
    problems: str = ""
    reviewer: str | None = None


@dataclass(slots=True)
class CheckProblem:
    kind: str
    id: int
    key: str
    issue: Issue


@dataclass(frozen=True, slots=True)
class Submission:
    """A return made (direction "export") or received ("import"), without its bytes."""

    id: int
    direction: str
    kind: str
    unit_code: str
    iso_week: str
    version: int
    content_sha256: str
    signature: str | None
    signature_status: str | None
    file_name: str | None
    generated_at: str | None
    received_at: datetime
    user: str
    late: bool
    reason: str | None
    modified_accepted: bool
    superseded_by: int | None
    batch_id: int | None
