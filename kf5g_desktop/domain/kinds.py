"""The three kinds of record, in one table: what differs between stations, venues and poles.

Storage, the importers and the forms look a kind's code field, code prefix, link column, validator
and title up here instead of spelling ``"venue_code" if kind == VENUE else "pole_code"`` again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from . import codes
from .records import Approval, Pole, Record, Station, Venue
from .schema import POLE, REGISTER_KINDS, REGISTER_TITLES, STATION, VENUE
from .validation import Issue, ValidationContext, validate_pole, validate_station, validate_venue


@dataclass(frozen=True, slots=True)
class RecordKind:
    name: str  # STATION | VENUE | POLE: the table name and the audit log's table_name
    record_class: type[Any]
    title: str  # short, in messages: 基站 / 场所 / 杆塔
    register_title: str  # the register and its sheet: 基站 / 免费开放场所 / 杆塔共享
    code_field: str  # the business code (station codes are unique per operator)
    code_prefix: str | None  # venue/pole codes the store assigns: CS410221-0001; None = entered
    link_column: str | None  # the station column that points at a record of this kind
    list_fields: frozenset[str]  # list-valued fields (stored as "A,B,C")
    date_field: str  # the date a list filters on by default
    search_fields: tuple[str, ...]  # what the list's search box looks in
    operator_field: str  # builder (stations) or the operators of a site
    category_field: str | None  # the list's category filter (venue category / pole sector)
    validator: Callable[[Any, ValidationContext], list[Issue]]


STATION_KIND = RecordKind(
    name=STATION,
    record_class=Station,
    title="基站",
    register_title=REGISTER_TITLES[STATION],
    code_field="station_code",
    code_prefix=None,
    link_column=None,
    list_fields=frozenset({"sharing_operators"}),
    date_field="on_air",
    search_fields=("station_code", "name", "address", "tower_site_code"),
    operator_field="operator",
    category_field=None,
    validator=validate_station,
)
VENUE_KIND = RecordKind(
    name=VENUE,
    record_class=Venue,
    title="场所",
    register_title=REGISTER_TITLES[VENUE],
    code_field="venue_code",
    code_prefix="CS",
    link_column="venue_id",
    list_fields=frozenset({"resources", "operators_entered"}),
    date_field="opened_on",
    search_fields=("venue_code", "name", "address", "owner"),
    operator_field="operators_entered",
    category_field="category",
    validator=validate_venue,
)
POLE_KIND = RecordKind(
    name=POLE,
    record_class=Pole,
    title="杆塔",
    register_title=REGISTER_TITLES[POLE],
    code_field="pole_code",
    code_prefix="GT",
    link_column="pole_id",
    list_fields=frozenset({"sharing_operators"}),
    date_field="shared_on",
    search_fields=("pole_code", "name", "address", "owner", "agreement_no"),
    operator_field="sharing_operators",
    category_field="sector",
    validator=validate_pole,
)

KINDS: dict[str, RecordKind] = {k.name: k for k in (STATION_KIND, VENUE_KIND, POLE_KIND)}
SITE_KINDS = tuple(KINDS[k] for k in REGISTER_KINDS if KINDS[k].link_column)  # venues and poles
assert tuple(KINDS) == REGISTER_KINDS

_KIND_OF_CLASS = {k.record_class: k.name for k in KINDS.values()}


def kind_of(record: Record) -> str:
    try:
        return _KIND_OF_CLASS[type(record)]
    except KeyError:
        raise TypeError(type(record)) from None


def kind_title(kind: str) -> str:
    k = KINDS.get(kind)
    return k.title if k else kind


def record_key(kind: str, record: Any) -> str:
    """A short human key for the audit log and messages (of a record or a stored row)."""
    if kind == STATION:
        return f"{codes.OPERATOR.label(record.operator)} {record.station_code} {record.name}".strip()
    return f"{getattr(record, KINDS[kind].code_field) or ''} {record.name}".strip()


APPROVAL_ORDER: dict[str, int] = {c: i for i, c in enumerate(codes.APPROVAL_ITEM.codes)}


def in_approval_order(approvals: Sequence[Approval]) -> list[Approval]:
    """Approvals in the order of the approval item code list (unknown items last)."""
    return sorted(approvals, key=lambda a: APPROVAL_ORDER.get(a.item, 99))
