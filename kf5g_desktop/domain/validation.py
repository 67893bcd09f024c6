"""Validation (PRODUCT §3.3): every problem of a record at once, as structured errors and warnings.

Errors block a save or an import; warnings ask the user to confirm. Each :class:`Issue` names the
field (attribute name, for the GUI to point at) and carries a Chinese message that names the field
and says what to do. ``code`` identifies the rule (stable, for tests and translations).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, cast

from . import boundaries, codes
from .normalize import PHONE_RE
from .records import Pole, Station, Venue
from .schema import POLE, STATION, VENUE, labels
from .units import CITY_LAT_MAX, CITY_LAT_MIN, CITY_LON_MAX, CITY_LON_MIN, Township, Unit, in_city_box

ERROR = "error"
WARNING = "warning"

STATION_LABELS: dict[str, str] = {**labels(STATION), "approvals": "审批事项"}
VENUE_LABELS: dict[str, str] = labels(VENUE)
POLE_LABELS: dict[str, str] = labels(POLE)


@dataclass(frozen=True, slots=True)
class Issue:
    field: str
    message: str
    severity: str = ERROR
    code: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


@dataclass(slots=True)
class ValidationContext:
    units: Mapping[str, Unit]
    townships: Mapping[str, Township]
    today: date = field(default_factory=date.today)



# A station's single-code fields and their code lists (checked one by one and in bulk).
STATION_CODE_FIELDS = (
    ("station_type", codes.STATION_TYPE),
    ("network_mode", codes.NETWORK_MODE),
    ("build_mode", codes.BUILD_MODE),
    ("scene", codes.SCENE),
    ("mast_type", codes.MAST_TYPE),
    ("status", codes.STATUS),
    ("power_supply", codes.POWER_SUPPLY),
    ("conversion", codes.CONVERSION),
    ("subsidy_state", codes.SUBSIDY_STATE),
)

def errors(issues: list[Issue]) -> list[Issue]:
    return [i for i in issues if i.is_error]


def warnings(issues: list[Issue]) -> list[Issue]:
    return [i for i in issues if not i.is_error]


class _Checker:
    def __init__(self, labels: Mapping[str, str], ctx: ValidationContext) -> None:
        self.labels = labels
        self.ctx = ctx
        self.issues: list[Issue] = []

    def label(self, name: str) -> str:
        return self.labels.get(name, name)

    def error(self, name: str, message: str, code: str) -> None:
        self.issues.append(Issue(name, message, ERROR, code))

    def warn(self, name: str, message: str, code: str) -> None:
        self.issues.append(Issue(name, message, WARNING, code))

    def required(self, record: object, names: list[str], why: str = "") -> None:
        for name in names:
            value = getattr(record, name)
            if value is None or value == "" or value == []:
                self.error(name, f"“{self.label(name)}”必须填写{why}，请补充。", "required")

    def code(self, record: object, name: str, code_list: codes.CodeList) -> None:
        value = getattr(record, name)
        if value and value not in code_list.code_set:
            self.error(
                name,
                f"“{self.label(name)}”的值“{value}”不在代码表中，请从下拉列表选择：{'、'.join(code_list.labels)}。",
                "code_list",
            )

    def codes(self, record: object, name: str, code_list: codes.CodeList) -> None:
        for value in getattr(record, name) or []:
            if value not in code_list.code_set:
                self.error(
                    name,
                    f"“{self.label(name)}”中的“{value}”不在代码表中，可选：{'、'.join(code_list.labels)}。",
                    "code_list",
                )

    def unit_and_township(self, record: Station | Venue | Pole) -> Unit | None:
        unit = self.ctx.units.get(record.unit_code) if record.unit_code else None
        if record.unit_code and unit is None:
            self.error(
                "unit_code",
                f"区县代码“{record.unit_code}”不是开封市的区县，请选择本市的9个区县之一。",
                "unit_unknown",
            )
        if record.township_code:
            town = self.ctx.townships.get(record.township_code)
            if town is None:
                self.error(
                    "township_code",
                    f"乡镇（街道）“{record.township_code}”不在官方乡镇名单中，请从列表选择。",
                    "township_unknown",
                )
            elif unit is not None and town.unit_code != unit.code:
                self.error(
                    "township_code",
                    f"乡镇（街道）“{town.name}”不属于{unit.name}，请选择{unit.name}的乡镇（街道）。",
                    "township_other_unit",
                )
        return unit

    def coordinates(self, record: Station | Venue | Pole, unit: Unit | None) -> None:
        lon, lat = record.lon, record.lat
        if (lon is None) != (lat is None):
            missing = "lat" if lat is None else "lon"
            self.error(missing, f"经度和纬度要一起填写，请补充“{self.label(missing)}”。", "coord_pair")
            return
        if lon is None or lat is None:
            return
        bad = False
        # Swapped numbers fall outside the city's box: say so when swapping them fits.
        swapped = boundaries.swapped_message(unit.code if unit else None, lon, lat)
        if not CITY_LON_MIN <= lon <= CITY_LON_MAX:
            self.error(
                "lon",
                f"经度 {lon:g} 不在开封市范围内（应在 {CITY_LON_MIN}—{CITY_LON_MAX} 之间），"
                + (swapped or "请检查是否与纬度填反或少了小数点。"),
                "coord_outside_city",
            )
            bad = True
        if not CITY_LAT_MIN <= lat <= CITY_LAT_MAX:
            self.error(
                "lat",
                f"纬度 {lat:g} 不在开封市范围内（应在 {CITY_LAT_MIN}—{CITY_LAT_MAX} 之间），"
                + (swapped or "请检查是否与经度填反或少了小数点。"),
                "coord_outside_city",
            )
            bad = True
        if not bad and unit is not None and in_city_box(lon, lat):
            # The unit's real boundary (with ~200 m on the border), not its box.
            message = boundaries.outside_unit_message(unit.code, unit.name, lon, lat)
            if message:
                self.warn("lon", message, "coord_outside_unit")

    def not_future(self, record: object, name: str) -> None:
        value: date | None = getattr(record, name)
        if value is not None and value > self.ctx.today:
            self.error(
                name,
                f"“{self.label(name)}”{value:%Y-%m-%d} 晚于今天，请填写已经发生的日期。",
                "date_future",
            )

    def order(self, record: object, first: str, second: str) -> None:
        a: date | None = getattr(record, first)
        b: date | None = getattr(record, second)
        if a is not None and b is not None and a > b:
            self.error(
                second,
                f"“{self.label(second)}”{b:%Y-%m-%d} 早于“{self.label(first)}”{a:%Y-%m-%d}，请核对日期。",
                "date_order",
            )

    def phone(self, record: object, name: str) -> None:
        value = getattr(record, name)
        if value and not PHONE_RE.match(value):
            self.error(
                name,
                f"“{self.label(name)}”只能填数字和连字符“-”（如 0371-23456789 或 13800000000），请修改。",
                "phone_format",
            )


# Fields required from each status on (cumulative along 规划 → 审批中 → 在建 → 已开通).
_STATION_REQUIRED_BASE = ["unit_code", "station_code", "operator", "name", "status"]
_STATION_REQUIRED_BY_STATUS: dict[str, list[str]] = {
    "planned": [],
    "approving": ["station_type", "township_code"],
    "building": ["station_type", "township_code", "build_mode", "lon", "lat", "construction_start"],
    "on_air": [
        "station_type",
        "township_code",
        "build_mode",
        "lon",
        "lat",
        "on_air",
        "network_mode",
        "power_supply",
    ],
    "suspended": [],
    "cancelled": [],
}


def validate_station(station: Station, ctx: ValidationContext) -> list[Issue]:
    c = _Checker(STATION_LABELS, ctx)
    c.required(station, _STATION_REQUIRED_BASE)
    status_label = codes.STATUS.label(station.status)
    extra = _STATION_REQUIRED_BY_STATUS.get(station.status, [])
    already = {i.field for i in c.issues}
    c.required(station, [n for n in extra if n not in already], f"（建设状态为“{status_label}”时）")
    c.code(station, "operator", codes.OPERATOR)
    c.codes(station, "sharing_operators", codes.OPERATOR)
    if station.operator and station.operator in station.sharing_operators:
        c.error(
            "sharing_operators",
            f"“共享运营商”不应包含承建运营商本身，请去掉“{codes.OPERATOR.label(station.operator)}”。",
            "sharing_includes_builder",
        )
    for name, cl in STATION_CODE_FIELDS:
        c.code(station, name, cl)
    unit = c.unit_and_township(station)
    c.coordinates(station, unit)
    for name in ("construction_start", "on_air", "conversion_done_on"):
        c.not_future(station, name)
    c.order(station, "construction_start", "on_air")
    if station.on_air is not None and station.status not in ("on_air", None, ""):
        c.warn(
            "status",
            f"已填写开通日期，但建设状态是“{status_label}”；如已开通请把状态改为“已开通”。",
            "on_air_date_status",
        )
    if station.conversion == "done" and station.power_supply == "indirect":
        c.warn(
            "power_supply",
            "直供电改造为“已改造”，但供电方式仍是“转供电”；请把供电方式改为“直供电”。",
            "conversion_power",
        )
    if station.subsidy_state in ("applied", "paid") and not (
        station.network_mode == "SA" and station.status == "on_air"
    ):
        c.warn(
            "subsidy_state",
            "只有SA组网且已开通的基站才有补助，请核对补助状态。",
            "subsidy_not_eligible",
        )
    seen: set[str] = set()
    for a in station.approvals:
        item_label = codes.APPROVAL_ITEM.label(a.item)
        if a.item not in codes.APPROVAL_ITEM:
            c.error(
                "approvals",
                f"审批事项“{a.item}”不在代码表中，可选：{'、'.join(codes.APPROVAL_ITEM.labels)}。",
                "code_list",
            )
        if a.item in seen:
            c.error("approvals", f"审批事项“{item_label}”重复了，每项只填一行。", "approval_duplicate")
        seen.add(a.item)
        if a.granted_on is not None and a.applied_on is None:
            c.error(
                "approvals",
                f"审批事项“{item_label}”有办结日期但没有申请日期，请补充申请日期。",
                "approval_no_applied",
            )
        if a.applied_on and a.granted_on and a.applied_on > a.granted_on:
            c.error(
                "approvals",
                f"审批事项“{item_label}”的办结日期 {a.granted_on:%Y-%m-%d} 早于申请日期 "
                f"{a.applied_on:%Y-%m-%d}，请核对。",
                "date_order",
            )
        for d, what in ((a.applied_on, "申请日期"), (a.granted_on, "办结日期")):
            if d is not None and d > ctx.today:
                c.error(
                    "approvals",
                    f"审批事项“{item_label}”的{what} {d:%Y-%m-%d} 晚于今天，请填写已经发生的日期。",
                    "date_future",
                )
    return c.issues


def validate_venue(venue: Venue, ctx: ValidationContext) -> list[Issue]:
    c = _Checker(VENUE_LABELS, ctx)
    c.required(venue, ["unit_code", "name", "category"])
    c.code(venue, "category", codes.VENUE_CATEGORY)
    c.codes(venue, "resources", codes.VENUE_RESOURCE)
    c.codes(venue, "operators_entered", codes.OPERATOR)
    unit = c.unit_and_township(venue)
    c.coordinates(venue, unit)
    c.not_future(venue, "opened_on")
    if venue.free is False and not venue.not_free_reason:
        c.error(
            "not_free_reason",
            "“是否免费”为“否”时必须填写不免费的原因，请补充。",
            "not_free_reason",
        )
    c.phone(venue, "phone")
    return c.issues


def validate_pole(pole: Pole, ctx: ValidationContext) -> list[Issue]:
    c = _Checker(POLE_LABELS, ctx)
    c.required(pole, ["unit_code", "name", "sector", "pole_type"])
    c.code(pole, "sector", codes.POLE_SECTOR)
    c.code(pole, "pole_type", codes.POLE_TYPE)
    c.codes(pole, "sharing_operators", codes.OPERATOR)
    unit = c.unit_and_township(pole)
    c.coordinates(pole, unit)
    c.not_future(pole, "shared_on")
    if pole.merged_count is not None and not 1 <= pole.merged_count <= 99:
        c.error(
            "merged_count",
            f"“多杆合一数”应为 1—99 的整数（现为 {pole.merged_count}），没有合并填 1。",
            "merged_count_range",
        )
    return c.issues


# Column-wise screening (the whole-database check) --------------------------------------------------
#
# ``kf5g check`` validates every record of a database (100,000 stations and more). Validating each
# record with the rules above costs a record object per row; instead the columns are screened here,
# as stored, for the rows that can break an error rule, and only those rows are validated one by one
# by the rules above, so the problems reported are exactly the validator's (a property test holds the
# two together). A screen may name rows that turn out clean; it must never miss one with an error.
# Values are as the database holds them: list fields as comma-joined codes, dates as ISO text (or
# ``date``), booleans as 0/1. Warnings are not screened (the check reports errors only).

Columns = Mapping[str, Sequence[object]]


def _iso(value: object) -> str | None:
    """A stored date as ISO text (order-preserving), None for a value that is not one."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and len(value) == 10 and value[4] == value[7] == "-":
        return value
    return None


# Column-wise: a column of 100,000 values holds a few hundred distinct ones (codes, dates, names
# aside), so each screen judges the distinct values (a set, built in C) and walks the rows only
# when one of them is bad — on a sound register, never. Values equal for a set (1, 1.0, True) are
# judged alike by every screen, so judging one of them judges them all.


def _rows_where(col: Sequence[Any], bad: Callable[[Any], bool]) -> set[int]:
    """The rows whose value is ``bad``, judging each distinct value once (the rows are walked only
    when one is bad, or when a value cannot be put in a set)."""
    try:
        values = set(col)
    except TypeError:
        return {i for i, v in enumerate(col) if bad(v)}
    found = {v for v in values if bad(v)}
    return {i for i, v in enumerate(col) if v in found} if found else set()


def _blank(v: object) -> bool:
    return v is None or v == "" or v == []


def _blank_rows(col: Sequence[object]) -> set[int]:
    """The rows whose value is :func:`_blank`. The column is searched for each blank value with
    ``in`` — a scan in C, a few times cheaper than a set of 100,000 names — and walked only when it
    holds one."""
    found = {v for v in (None, "") if v in col}
    if not found:
        return {i for i, v in enumerate(col) if _blank(v)} if [] in col else set()  # (a list: blank when empty)
    try:
        return {i for i, v in enumerate(col) if v in found}
    except TypeError:  # an unhashable value (a list) beside a blank one
        return {i for i, v in enumerate(col) if _blank(v)}


def _bad_code_rows(col: Sequence[object], code_list: codes.CodeList) -> set[int]:
    allowed = code_list.code_set
    return _rows_where(col, lambda v: bool(v) and v not in allowed)


def _bad_codes_rows(col: Sequence[object], code_list: codes.CodeList) -> set[int]:
    """Rows of a list field (comma-joined codes) with a code not in ``code_list``."""
    allowed = code_list.code_set
    sep = codes.CODE_SEPARATOR
    return _rows_where(
        col, lambda v: bool(v) and not (isinstance(v, str) and all(c in allowed for c in v.split(sep) if c))
    )


def _future(v: object, today: str) -> bool:
    """A stored date that is not one, or after ``today``."""
    if v is None:
        return False
    if isinstance(v, str) and len(v) == 10 and v <= today and v[4] == v[7] == "-":
        return False
    iso = _iso(v)
    return iso is None or iso > today


def _future_rows(col: Sequence[object], today: str) -> set[int]:
    return _rows_where(col, lambda v: _future(v, today))


def _out_of_order(a: object, b: object) -> bool:
    """Two stored dates (construction start, on air) of which one is not a date or the first is later."""
    if a is None or b is None:
        return False
    if (
        isinstance(a, str)
        and isinstance(b, str)
        and len(a) == len(b) == 10
        and a <= b
        and a[4] == a[7] == b[4] == b[7] == "-"
    ):
        return False
    ia, ib = _iso(a), _iso(b)
    return ia is None or ib is None or ia > ib


def _place_rows(cols: Columns, ctx: ValidationContext) -> set[int]:
    """Rows that can fail :meth:`_Checker.unit_and_township` or :meth:`_Checker.coordinates`."""
    units, towns = ctx.units, ctx.townships

    def bad_place(unit: object, town: object) -> bool:
        if unit and unit not in units:
            return True
        if town:
            t = towns.get(town)  # type: ignore[call-overload]
            return t is None or bool(unit and t.unit_code != unit)
        return False

    def bad_point(lon: object, lat: object) -> bool:
        if lon is None and lat is None:
            return False
        return (
            lon.__class__ not in (float, int)
            or lat.__class__ not in (float, int)
            or not CITY_LON_MIN <= lon <= CITY_LON_MAX
            or not CITY_LAT_MIN <= lat <= CITY_LAT_MAX
        )

    out = _rows_where(list(zip(cols["unit_code"], cols["township_code"], strict=True)), lambda p: bad_place(*p))
    lons, lats = cols["lon"], cols["lat"]
    if _points_in_city(lons, lats):
        return out
    return out | {i for i, (lon, lat) in enumerate(zip(lons, lats, strict=True)) if bad_point(lon, lat)}


def _points_in_city(lons: Sequence[object], lats: Sequence[object]) -> bool:
    """Every row has both coordinates, numbers within the city's rectangle (the common case,
    answered without a walk in Python: the types, the smallest and the largest value)."""
    kinds = {*map(type, lons), *map(type, lats)}
    if not kinds <= {float, int} or not lons:
        return False
    x, y = cast(Sequence[float], lons), cast(Sequence[float], lats)
    total = sum(x) + sum(y)
    if total != total:  # a NaN: min and max would not see it
        return False
    return bool(
        min(x) >= CITY_LON_MIN and max(x) <= CITY_LON_MAX and min(y) >= CITY_LAT_MIN and max(y) <= CITY_LAT_MAX
    )


# The fields each screen reads (the check reads only these columns).
STATION_SCREENED = (
    *_STATION_REQUIRED_BASE,
    "station_type",
    "township_code",
    "build_mode",
    "lon",
    "lat",
    "construction_start",
    "on_air",
    "network_mode",
    "power_supply",
    "sharing_operators",
    "scene",
    "mast_type",
    "conversion",
    "subsidy_state",
    "conversion_done_on",
)
VENUE_SCREENED = (
    "unit_code",
    "name",
    "category",
    "resources",
    "operators_entered",
    "township_code",
    "lon",
    "lat",
    "opened_on",
    "free",
    "not_free_reason",
    "phone",
)
POLE_SCREENED = (
    "unit_code",
    "name",
    "sector",
    "pole_type",
    "sharing_operators",
    "township_code",
    "lon",
    "lat",
    "shared_on",
    "merged_count",
)


# The fields :func:`station_suspects` searches for blank values (None or "").
STATION_BLANK_SCREENED = tuple(
    dict.fromkeys([*_STATION_REQUIRED_BASE, *(n for names in _STATION_REQUIRED_BY_STATUS.values() for n in names)])
)


def station_suspects(cols: Columns, ctx: ValidationContext, *, no_blanks: Collection[str] = ()) -> set[int]:
    """Indexes of the stations (columns of :class:`Station` fields) that may break an error rule
    of :func:`validate_station`, approvals left aside (the storage screens them in SQL).
    ``no_blanks``: fields known to hold no blank value (None or "") in any row — the storage asks
    SQLite in the same read — which are then not searched for one."""
    today = ctx.today.isoformat()
    out: set[int] = set()

    def blank_rows(name: str) -> set[int]:
        return set() if name in no_blanks else _blank_rows(cols[name])

    for name in _STATION_REQUIRED_BASE:
        out |= blank_rows(name)
    status = cols["status"]
    for name in {n for names in _STATION_REQUIRED_BY_STATUS.values() for n in names}:
        needing = {s for s, names in _STATION_REQUIRED_BY_STATUS.items() if name in names}
        col = cols[name]
        out |= {i for i in blank_rows(name) if (col[i] is None or col[i] == "") and status[i] in needing}
    out |= _bad_code_rows(cols["operator"], codes.OPERATOR)
    out |= _bad_codes_rows(cols["sharing_operators"], codes.OPERATOR)
    sep = codes.CODE_SEPARATOR
    out |= _rows_where(
        list(zip(cols["operator"], cols["sharing_operators"], strict=True)),
        lambda p: bool(p[0] and p[1] and p[0] in str(p[1]).split(sep)),
    )
    for name, cl in STATION_CODE_FIELDS:
        out |= _bad_code_rows(cols[name], cl)
    out |= _place_rows(cols, ctx)
    for name in ("construction_start", "on_air", "conversion_done_on"):
        out |= _future_rows(cols[name], today)
    out |= _order_rows(cols["construction_start"], cols["on_air"])
    return out


def _order_rows(starts: Sequence[object], on_air: Sequence[object]) -> set[int]:
    """Rows whose construction start is after the on-air date, or either is not a date. A value
    that is not a date is among the :func:`_future_rows` of its column already, so two plain
    comparisons do for the rest; where one cannot be made (a date beside text) the rows are
    judged one by one."""
    try:
        return {
            i
            for i, (a, b) in enumerate(zip(starts, on_air, strict=True))
            if a is not None and b is not None and a > b  # type: ignore[operator]
        }
    except TypeError:
        return {i for i, (a, b) in enumerate(zip(starts, on_air, strict=True)) if _out_of_order(a, b)}


def venue_suspects(cols: Columns, ctx: ValidationContext) -> set[int]:
    """Indexes of the venues that may break an error rule of :func:`validate_venue`."""
    out: set[int] = set()
    for name in ("unit_code", "name", "category"):
        out |= _blank_rows(cols[name])
    out |= _bad_code_rows(cols["category"], codes.VENUE_CATEGORY)
    out |= _bad_codes_rows(cols["resources"], codes.VENUE_RESOURCE)
    out |= _bad_codes_rows(cols["operators_entered"], codes.OPERATOR)
    out |= _place_rows(cols, ctx)
    out |= _future_rows(cols["opened_on"], ctx.today.isoformat())
    for i, (free, reason) in enumerate(zip(cols["free"], cols["not_free_reason"], strict=True)):
        if free is not None and not free and not reason:
            out.add(i)
    match = PHONE_RE.match
    out |= {i for i, v in enumerate(cols["phone"]) if v and not (isinstance(v, str) and match(v))}
    return out


def pole_suspects(cols: Columns, ctx: ValidationContext) -> set[int]:
    """Indexes of the poles that may break an error rule of :func:`validate_pole`."""
    out: set[int] = set()
    for name in ("unit_code", "name", "sector", "pole_type"):
        out |= _blank_rows(cols[name])
    out |= _bad_code_rows(cols["sector"], codes.POLE_SECTOR)
    out |= _bad_code_rows(cols["pole_type"], codes.POLE_TYPE)
    out |= _bad_codes_rows(cols["sharing_operators"], codes.OPERATOR)
    out |= _place_rows(cols, ctx)
    out |= _future_rows(cols["shared_on"], ctx.today.isoformat())
    out |= {
        i
        for i, m in enumerate(cols["merged_count"])
        if m is not None and not (m.__class__ is int and 1 <= m <= 99)
    }
    return out
