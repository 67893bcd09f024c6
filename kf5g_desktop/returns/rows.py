"""Records → the rows of the return's data sheets (the writing side; :mod:`.parsing` reads them back).

:func:`station_row` and friends turn domain records into the exact cell values of RETURNS.md (labels,
是/否, dates, coordinates rounded to 6 decimals, whole numbers). :data:`CODE_LISTS` (the code list of
each label column), :data:`FIELD_HEADERS` (the column of each record field) and
:data:`NOT_FREE_PREFIX` are the sheets' vocabulary, shared with the reader (:mod:`.parsing`,
:mod:`.verify`) and the writer's drop-down lists.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from kf5g_desktop.domain import codes
from kf5g_desktop.domain.codes import CodeList
from kf5g_desktop.domain.kinds import in_approval_order
from kf5g_desktop.domain.records import Pole, Station, Venue
from kf5g_desktop.domain.subsidy import default_subsidy_state, subsidy_for
from kf5g_desktop.domain.units import Township, Unit

from .format import S_POLES, S_STATIONS, S_VENUES

NOT_FREE_PREFIX = "不免费原因："
OLD_NOT_FREE_PREFIX = NOT_FREE_PREFIX[:-1] + ":"  # the ASCII colon of earlier versions; still read
"""A venue's reason for not being free has no column of its own: it leads 备注 as one line."""

CODE_LISTS: dict[str, CodeList] = {
    "承建运营商": codes.OPERATOR,
    "共享运营商": codes.OPERATOR,
    "已进场运营商": codes.OPERATOR,
    "基站类型": codes.STATION_TYPE,
    "组网方式": codes.NETWORK_MODE,
    "建设方式": codes.BUILD_MODE,
    "覆盖场景": codes.SCENE,
    "建设状态": codes.STATUS,
    "供电方式": codes.POWER_SUPPLY,
    "直供电改造": codes.CONVERSION,
    "补助状态": codes.SUBSIDY_STATE,
    "审批事项": codes.APPROVAL_ITEM,
    "场所类别": codes.VENUE_CATEGORY,
    "开放资源": codes.VENUE_RESOURCE,
    "权属行业": codes.POLE_SECTOR,
    "杆塔类型": codes.POLE_TYPE,
}

# Record field → header, for pointing validation issues at a column.
FIELD_HEADERS: dict[str, dict[str, str]] = {
    S_STATIONS: {
        "unit_code": "区县代码",
        "station_code": "基站编码",
        "tower_site_code": "铁塔站址编码",
        "name": "基站名称",
        "operator": "承建运营商",
        "sharing_operators": "共享运营商",
        "township_code": "乡镇(街道)",
        "address": "详细地址",
        "lon": "经度",
        "lat": "纬度",
        "station_type": "基站类型",
        "network_mode": "组网方式",
        "build_mode": "建设方式",
        "scene": "覆盖场景",
        "status": "建设状态",
        "in_plan": "纳入规划",
        "in_land_plan": "纳入控规",
        "planned_on_air": "计划开通日期",
        "construction_start": "开工日期",
        "on_air": "开通日期",
        "power_supply": "供电方式",
        "conversion": "直供电改造",
        "venue_id": "依托场所编号",
        "pole_id": "依托杆塔编号",
        "subsidy_state": "补助状态",
        "notes": "备注",
        "approvals": "审批事项",
    },
    S_VENUES: {
        "unit_code": "区县代码",
        "venue_code": "场所编号",
        "name": "场所名称",
        "category": "场所类别",
        "owner": "产权单位",
        "township_code": "乡镇(街道)",
        "address": "详细地址",
        "lon": "经度",
        "lat": "纬度",
        "resources": "开放资源",
        "opened_on": "开放日期",
        "free": "是否免费",
        "not_free_reason": "备注",
        "operators_entered": "已进场运营商",
        "contact": "联系人",
        "phone": "联系电话",
        "notes": "备注",
    },
    S_POLES: {
        "unit_code": "区县代码",
        "pole_code": "杆塔编号",
        "name": "杆塔名称",
        "sector": "权属行业",
        "owner": "权属单位",
        "pole_type": "杆塔类型",
        "smart": "智能杆",
        "merged_count": "多杆合一数",
        "township_code": "乡镇(街道)",
        "address": "详细地址",
        "lon": "经度",
        "lat": "纬度",
        "sharing_operators": "共享运营商",
        "shared_on": "共享日期",
        "agreement_no": "协议编号",
        "notes": "备注",
    },
}


def _t(value: str | None) -> str | None:
    """Text for a cell: empty → None (an empty cell)."""
    return value if value else None


def _yn(value: bool | None) -> str | None:
    return None if value is None else ("是" if value else "否")


def _coord(value: float | None) -> float | None:
    return None if value is None else round(float(value), 6)


def _labels(cl: CodeList, values: Sequence[str]) -> str | None:
    chosen = set(values)
    return _t(codes.MULTI_SEPARATOR.join(cl.label(c) for c in cl.codes if c in chosen))


def effective_subsidy_state(s: Station) -> str:
    return s.subsidy_state or default_subsidy_state(s.network_mode, s.status)


def station_row(
    seq: int,
    s: Station,
    unit: Unit,
    towns: Mapping[str, Township],
    venue_code: str | None,
    pole_code: str | None,
) -> list[object]:
    sub = subsidy_for(s.network_mode, s.status, unit.kind)
    town = towns.get(s.township_code or "")
    return [
        seq,
        s.unit_code,
        s.station_code,
        _t(s.tower_site_code),
        s.name,
        codes.OPERATOR.label(s.operator),
        _labels(codes.OPERATOR, s.sharing_operators),
        town.name if town else _t(s.township_code),
        _t(s.address),
        _coord(s.lon),
        _coord(s.lat),
        _t(codes.STATION_TYPE.label(s.station_type)),
        _t(codes.NETWORK_MODE.label(s.network_mode)),
        _t(codes.BUILD_MODE.label(s.build_mode)),
        _t(codes.SCENE.label(s.scene)),
        codes.STATUS.label(s.status),
        _yn(s.in_plan),
        _yn(s.in_land_plan),
        s.planned_on_air,
        s.construction_start,
        s.on_air,
        _t(codes.POWER_SUPPLY.label(s.power_supply)),
        _t(codes.CONVERSION.label(s.conversion)),
        venue_code,
        pole_code,
        sub.province,
        sub.city,
        sub.unit,
        codes.SUBSIDY_STATE.label(effective_subsidy_state(s)),
        _t(s.notes),
    ]


def approval_rows(start_seq: int, s: Station, period_end: date) -> list[list[object]]:
    out: list[list[object]] = []
    for a in in_approval_order(s.approvals):
        if a.applied_on is None:
            continue
        out.append(
            [
                start_seq + len(out),
                s.unit_code,
                s.station_code,
                codes.OPERATOR.label(s.operator),
                codes.APPROVAL_ITEM.label(a.item),
                a.applied_on,
                a.granted_on,
                a.days(period_end),
                _t(a.notes),
            ]
        )
    return out


def venue_notes(v: Venue) -> str | None:
    if v.free is False and v.not_free_reason:
        reason = v.not_free_reason.replace("\r", " ").replace("\n", " ")  # one line: it leads 备注
        return NOT_FREE_PREFIX + reason + (("\n" + v.notes) if v.notes else "")
    return _t(v.notes)


def venue_row(seq: int, v: Venue, towns: Mapping[str, Township], station_count: int) -> list[object]:
    town = towns.get(v.township_code or "")
    return [
        seq,
        v.unit_code,
        v.venue_code,
        v.name,
        _t(codes.VENUE_CATEGORY.label(v.category)),
        _t(v.owner),
        town.name if town else _t(v.township_code),
        _t(v.address),
        _coord(v.lon),
        _coord(v.lat),
        _labels(codes.VENUE_RESOURCE, v.resources),
        v.opened_on,
        _yn(v.free),
        _labels(codes.OPERATOR, v.operators_entered),
        station_count,
        _t(v.contact),
        _t(v.phone),
        venue_notes(v),
    ]


def pole_row(seq: int, p: Pole, towns: Mapping[str, Township], station_count: int) -> list[object]:
    town = towns.get(p.township_code or "")
    return [
        seq,
        p.unit_code,
        p.pole_code,
        p.name,
        _t(codes.POLE_SECTOR.label(p.sector)),
        _t(p.owner),
        _t(codes.POLE_TYPE.label(p.pole_type)),
        _yn(p.smart),
        p.merged_count,
        town.name if town else _t(p.township_code),
        _t(p.address),
        _coord(p.lon),
        _coord(p.lat),
        _labels(codes.OPERATOR, p.sharing_operators),
        p.shared_on,
        _t(p.agreement_no),
        station_count,
        _t(p.notes),
    ]
