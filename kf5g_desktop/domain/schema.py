"""What the fields of each register are: label, value kind and code list.

One description used by validation messages, the history view, list columns, forms, returns and the
bulk importer, so that a field is named the same way everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from . import codes
from .codes import CodeList

TEXT = "text"
CODE = "code"  # one value of a code list
CODES = "codes"  # several values of a code list
DATE = "date"
FLOAT = "float"
INT = "int"
BOOL = "bool"
REF = "ref"  # id of another record (venue/pole)

STATION = "station"
VENUE = "venue"
POLE = "pole"
REGISTER_KINDS = (STATION, VENUE, POLE)
REGISTER_TITLES = {STATION: "基站", VENUE: "免费开放场所", POLE: "杆塔共享"}


@dataclass(frozen=True, slots=True)
class FieldSpec:
    name: str
    label: str
    kind: str = TEXT
    code_list: CodeList | None = None

    def display(self, value: object) -> str:
        """How a stored value reads to a person (labels for codes, 是/否, yyyy-mm-dd)."""
        if value is None or value == "" or value == []:
            return ""
        if self.kind == CODE and self.code_list is not None:
            return self.code_list.label(str(value))
        if self.kind == CODES and self.code_list is not None:
            if isinstance(value, str):
                return self.code_list.labels_text(value)
            return codes.MULTI_SEPARATOR.join(self.code_list.label(c) for c in value)  # type: ignore[attr-defined]
        if self.kind == BOOL:
            if isinstance(value, str):
                return {"1": "是", "0": "否", "True": "是", "False": "否"}.get(value, value)
            return codes.yes_no_label(bool(value))
        if self.kind == DATE and isinstance(value, date):
            return value.isoformat()
        if self.kind == FLOAT and isinstance(value, float):
            return f"{value:.6f}".rstrip("0").rstrip(".")
        return str(value)


def _f(name: str, label: str, kind: str = TEXT, code_list: CodeList | None = None) -> FieldSpec:
    return FieldSpec(name, label, kind, code_list)


STATION_FIELDS: tuple[FieldSpec, ...] = (
    _f("unit_code", "区县"),
    _f("station_code", "基站编码"),
    _f("operator", "承建运营商", CODE, codes.OPERATOR),
    _f("name", "基站名称"),
    _f("tower_site_code", "铁塔站址编码"),
    _f("sharing_operators", "共享运营商", CODES, codes.OPERATOR),
    _f("township_code", "乡镇(街道)"),
    _f("address", "详细地址"),
    _f("lon", "经度", FLOAT),
    _f("lat", "纬度", FLOAT),
    _f("station_type", "基站类型", CODE, codes.STATION_TYPE),
    _f("network_mode", "组网方式", CODE, codes.NETWORK_MODE),
    _f("build_mode", "建设方式", CODE, codes.BUILD_MODE),
    _f("scene", "覆盖场景", CODE, codes.SCENE),
    _f("mast_type", "塔桅类型", CODE, codes.MAST_TYPE),
    _f("in_plan", "纳入规划", BOOL),
    _f("in_land_plan", "纳入控规", BOOL),
    _f("status", "建设状态", CODE, codes.STATUS),
    _f("planned_on_air", "计划开通日期", DATE),
    _f("construction_start", "开工日期", DATE),
    _f("on_air", "开通日期", DATE),
    _f("power_supply", "供电方式", CODE, codes.POWER_SUPPLY),
    _f("conversion", "直供电改造", CODE, codes.CONVERSION),
    _f("conversion_planned_on", "计划改造日期", DATE),
    _f("conversion_done_on", "改造完成日期", DATE),
    _f("venue_id", "依托场所", REF),
    _f("pole_id", "依托杆塔", REF),
    _f("subsidy_state", "补助状态", CODE, codes.SUBSIDY_STATE),
    _f("notes", "备注"),
)
VENUE_FIELDS: tuple[FieldSpec, ...] = (
    _f("unit_code", "区县"),
    _f("venue_code", "场所编号"),
    _f("name", "场所名称"),
    _f("category", "场所类别", CODE, codes.VENUE_CATEGORY),
    _f("owner", "产权单位"),
    _f("township_code", "乡镇(街道)"),
    _f("address", "详细地址"),
    _f("lon", "经度", FLOAT),
    _f("lat", "纬度", FLOAT),
    _f("resources", "开放资源", CODES, codes.VENUE_RESOURCE),
    _f("opened_on", "开放日期", DATE),
    _f("free", "是否免费", BOOL),
    _f("not_free_reason", "不免费原因"),
    _f("operators_entered", "已进场运营商", CODES, codes.OPERATOR),
    _f("contact", "联系人"),
    _f("phone", "联系电话"),
    _f("notes", "备注"),
)
POLE_FIELDS: tuple[FieldSpec, ...] = (
    _f("unit_code", "区县"),
    _f("pole_code", "杆塔编号"),
    _f("name", "杆塔名称"),
    _f("sector", "权属行业", CODE, codes.POLE_SECTOR),
    _f("owner", "权属单位"),
    _f("pole_type", "杆塔类型", CODE, codes.POLE_TYPE),
    _f("smart", "智能杆", BOOL),
    _f("merged_count", "多杆合一数", INT),
    _f("township_code", "乡镇(街道)"),
    _f("address", "详细地址"),
    _f("lon", "经度", FLOAT),
    _f("lat", "纬度", FLOAT),
    _f("sharing_operators", "共享运营商", CODES, codes.OPERATOR),
    _f("shared_on", "共享日期", DATE),
    _f("agreement_no", "协议编号"),
    _f("notes", "备注"),
)

FIELDS: dict[str, tuple[FieldSpec, ...]] = {STATION: STATION_FIELDS, VENUE: VENUE_FIELDS, POLE: POLE_FIELDS}
FIELD_BY_NAME: dict[str, dict[str, FieldSpec]] = {k: {f.name: f for f in v} for k, v in FIELDS.items()}


FREE_TEXT_FIELDS = frozenset({"name", "address", "notes", "owner", "contact", "not_free_reason"})
"""Fields of free text: Chinese punctuation is kept as typed (PRODUCT §3.3); every other text
field is a code, a number or a phone number and is normalised to ASCII."""


def is_free_text(name: str) -> bool:
    return name in FREE_TEXT_FIELDS


def labels(kind: str) -> dict[str, str]:
    return {f.name: f.label for f in FIELDS[kind]}


def field_label(kind: str, name: str | None) -> str:
    if not name:
        return ""
    if name == "approvals":
        return "审批事项"
    spec = FIELD_BY_NAME[kind].get(name)
    return spec.label if spec else name
