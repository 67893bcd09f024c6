"""What the demo data is drawn from: the units' shares, the on-air curve, real places, roads and
names of Kaifeng."""

from __future__ import annotations

import math
import random
from datetime import date
from typing import Any

from kf5g_desktop.domain import nearby
from kf5g_desktop.domain.boundaries import unit_boundary
from kf5g_desktop.domain.coords import distance_m

# Share of the city's stations in each unit (urban districts dense, counties large).
UNIT_WEIGHTS = {
    "410202": 0.14,
    "410203": 0.09,
    "410204": 0.09,
    "410205": 0.08,
    "410212": 0.13,
    "410221": 0.12,
    "410222": 0.10,
    "410223": 0.12,
    "410225": 0.13,
}

# Cumulative share of all stations on air by date (the plan's curve: 1,500 and 2,500 of 2,600).
CURVE = [
    (date(2020, 3, 1), 0.0),
    (date(2020, 6, 30), 0.10),
    (date(2020, 9, 30), 0.30),
    (date(2020, 12, 31), 1500 / 2600),
    (date(2021, 6, 30), 0.80),
    (date(2021, 12, 31), 2500 / 2600),
    (date(2022, 12, 31), 0.977),
]
ON_AIR_SHARE = CURVE[-1][1]
# Stations not on air: status and share of all stations.
OTHER_STATUSES = [
    ("planned", 0.006),
    ("approving", 0.006),
    ("building", 0.007),
    ("suspended", 0.0025),
    ("cancelled", 0.0015),
]

# Real places of Kaifeng (unit, name, venue category).
LANDMARKS: list[tuple[str, str, str]] = [
    ("410202", "清明上河园", "scenic"),
    ("410202", "龙亭公园", "scenic"),
    ("410202", "铁塔公园", "scenic"),
    ("410202", "万岁山武侠城", "scenic"),
    ("410202", "河南大学明伦校区", "school"),
    ("410202", "河南大学金明校区", "school"),
    ("410202", "开封北站", "transport_hub"),
    ("410202", "开封市人民政府", "government"),
    ("410202", "金明广场", "park"),
    ("410202", "开封博物馆", "public_institution"),
    ("410202", "中国翰园", "scenic"),
    ("410202", "天波杨府", "scenic"),
    ("410202", "开封西湖", "park"),
    ("410202", "开封国际会展中心", "stadium"),
    ("410203", "开封府", "scenic"),
    ("410203", "包公祠", "scenic"),
    ("410203", "开封市第一中学", "school"),
    ("410203", "顺河回族区人民政府", "government"),
    ("410203", "东京大道商务楼", "office"),
    ("410204", "大相国寺", "scenic"),
    ("410204", "鼓楼夜市", "park"),
    ("410204", "开封市中心医院", "hospital"),
    ("410204", "书店街", "park"),
    ("410204", "鼓楼区人民政府", "government"),
    ("410205", "禹王台公园", "scenic"),
    ("410205", "繁塔", "scenic"),
    ("410205", "开封站", "transport_hub"),
    ("410205", "河南大学淮河医院", "hospital"),
    ("410205", "禹王台区人民政府", "government"),
    ("410212", "祥符区人民政府", "government"),
    ("410212", "汴西湖", "park"),
    ("410212", "开封市体育中心", "stadium"),
    ("410212", "祥符区人民医院", "hospital"),
    ("410212", "朱仙镇岳飞庙", "scenic"),
    ("410221", "杞县人民政府", "government"),
    ("410221", "杞县人民医院", "hospital"),
    ("410221", "杞县高级中学", "school"),
    ("410221", "杞县汽车站", "transport_hub"),
    ("410222", "通许县人民政府", "government"),
    ("410222", "通许县人民医院", "hospital"),
    ("410222", "通许县第一高级中学", "school"),
    ("410222", "咸平湖公园", "park"),
    ("410223", "尉氏县人民政府", "government"),
    ("410223", "尉氏县人民医院", "hospital"),
    ("410223", "尉氏县第三高级中学", "school"),
    ("410223", "尉氏县产业集聚区", "enterprise"),
    ("410225", "焦裕禄纪念园", "scenic"),
    ("410225", "兰考县人民政府", "government"),
    ("410225", "焦裕禄干部学院", "public_institution"),
    ("410225", "兰考南站", "transport_hub"),
    ("410225", "兰考县中心医院", "hospital"),
    ("410225", "黄河湾风景区", "scenic"),
]
ROADS = [
    "中山路",
    "解放路",
    "自由路",
    "大梁路",
    "金明大道",
    "郑开大道",
    "宋城路",
    "晋安路",
    "西环路",
    "东京大道",
    "滨河路",
    "夷山大街",
    "汴京大道",
    "魏都路",
    "黄河大街",
    "集英街",
    "五一路",
    "建设路",
    "人民路",
    "文化路",
    "迎宾路",
    "健康路",
    "工业路",
    "新华路",
    "裕禄大道",
    "复兴大道",
]
FEATURES = [
    "村委",
    "中学",
    "小学",
    "卫生院",
    "商业街",
    "汽车站",
    "派出所",
    "农贸市场",
    "加油站",
    "敬老院",
    "文化广场",
    "高速口",
    "物流园",
    "工业园",
    "社区",
    "家园小区",
    "供电所",
    "粮站",
    "移动营业厅",
    "电信大楼",
]
SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
)
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国红梅海燕志强春梅新民晓东玉兰"
OP_PREFIX = {"CMCC": "46000", "CUCC": "46001", "CTCC": "46011", "CBN": "46015"}
PROBLEMS = [
    "部分小区物业以“辐射”为由阻挠基站进场，已协调街道办事处召开居民说明会。",
    "个别站点用电报装排队时间较长，已与供电公司对接开通绿色通道。",
    "乡镇站点传输光缆尚未到位，影响开通进度，运营商计划下周完成熔接。",
    "转供电站点电价加价问题已收集3起，移交市场监管部门核查。",
    "铁塔公司反映部分路灯杆承重不足，需更换为智慧杆后再挂载设备。",
]


# Duplicates by distance ------------------------------------------------------------------------------
# The demo plants a few possible duplicates on purpose (the check must find exactly these) and keeps
# every other pair of stations that the check would name further apart than the check's distance.
PLANTED_DUPLICATES = 4  # pairs: two of one operator, two of co-build partners
_CLEAR_M = 1.25 * nearby.DEFAULT_DISTANCE_M  # no unplanted suspicious pair closer than this


class _Grid:
    """Station points in cells of ``_CLEAR_M``: which suspicious neighbour is within a distance."""

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list[tuple[int, str, float, float]]] = {}
        self._lat = _CLEAR_M / 111_195.0
        self._lon = self._lat / math.cos(math.radians(34.7))

    def _cell(self, lon: float, lat: float) -> tuple[int, int]:
        return math.floor(lon / self._lon), math.floor(lat / self._lat)

    def add(self, sid: int, op: str, lon: float, lat: float) -> None:
        self.cells.setdefault(self._cell(lon, lat), []).append((sid, op, lon, lat))

    def remove(self, sid: int, lon: float, lat: float) -> None:
        cell = self.cells[self._cell(lon, lat)]
        cell[:] = [p for p in cell if p[0] != sid]

    def near(
        self, op: str, lon: float, lat: float, metres: float, skip: frozenset[int] = frozenset()
    ) -> bool:
        cx, cy = self._cell(lon, lat)
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for sid, other, x, y in self.cells.get((cx + dx, cy + dy), ()):
                    if sid in skip or not nearby.suspicious(op, other):
                        continue
                    if distance_m(lon, lat, x, y) < metres:
                        return True
        return False


def plant_duplicates(rows: list[dict[str, Any]], seed: str) -> list[tuple[int, int]]:
    """Move stations so that no two the duplicate check would name stand closer than 25 m, then
    plant :data:`PLANTED_DUPLICATES` pairs: a station of the same unit and operator (or of the
    co-build partner) moved 5–15 m from another and given its name. Returns the planted pairs
    (ids). Draws from its own random stream (``seed``), so the demo's other draws stay as they were."""
    rng = random.Random(seed)
    grid = _Grid()
    for row in rows:
        lon, lat = row["lon"], row["lat"]
        boundary = unit_boundary(row["unit_code"])
        while boundary is not None and grid.near(row["operator"], lon, lat, _CLEAR_M):
            lon, lat = boundary.random_point(rng, margin_m=300)
        row["lon"], row["lat"] = lon, lat
        grid.add(row["id"], row["operator"], lon, lat)
    by_unit_op: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in rows:
        by_unit_op.setdefault((row["unit_code"], row["operator"]), []).append(row)
    planted: list[tuple[int, int]] = []
    used: set[int] = set()
    partner = {"CTCC": "CUCC", "CUCC": "CTCC", "CMCC": "CBN", "CBN": "CMCC"}
    units = sorted({r["unit_code"] for r in rows})
    tries = 0
    while len(planted) < PLANTED_DUPLICATES and tries < 1000 and units:
        tries += 1
        same = len(planted) % 2 == 0
        unit = units[(len(planted) * 2 + tries) % len(units)]
        op = ("CMCC", "CTCC")[len(planted) // 2 % 2] if same else ("CTCC", "CMCC")[len(planted) // 2 % 2]
        firsts = [r for r in by_unit_op.get((unit, op), []) if r["id"] not in used]
        seconds = [r for r in by_unit_op.get((unit, op if same else partner[op]), []) if r["id"] not in used]
        if not firsts or len(seconds) < 2:
            continue
        a = rng.choice(firsts)
        b = rng.choice([r for r in seconds if r["id"] != a["id"]])
        metres = rng.uniform(5, 15)
        bearing = rng.uniform(0, 2 * math.pi)
        lon = round(a["lon"] + metres * math.sin(bearing) / (111_195.0 * math.cos(math.radians(a["lat"]))), 6)
        lat = round(a["lat"] + metres * math.cos(bearing) / 111_195.0, 6)
        if grid.near(b["operator"], lon, lat, _CLEAR_M, frozenset({a["id"], b["id"]})):
            continue
        grid.remove(b["id"], b["lon"], b["lat"])
        b["lon"], b["lat"], b["name"] = lon, lat, a["name"]
        grid.add(b["id"], b["operator"], lon, lat)
        used |= {a["id"], b["id"]}
        planted.append((a["id"], b["id"]))
    return planted


def settle_corrections(
    rows: list[dict[str, Any]], corrections: list[tuple[Any, str, dict[str, Any], float, float, Any]]
) -> None:
    """A coordinate correction (``demo_history.correct``) moves a station a few hundred metres
    after its week: keep the corrected point inside the unit and clear of suspicious neighbours,
    turning the correction's direction if needed (so the check finds only the planted pairs).
    ``corrections``: the demo's (correction, reason, station row, lon, lat, at); lon and lat are
    replaced in the list."""
    grid = _Grid()
    for row in rows:
        grid.add(row["id"], row["operator"], row["lon"], row["lat"])
    for i, (c, reason, row, new_lon, new_lat, at) in enumerate(corrections):
        boundary = unit_boundary(row["unit_code"])
        dlon, dlat = new_lon - row["lon"], new_lat - row["lat"]
        for sx, sy in ((1, 1), (-1, 1), (1, -1), (-1, -1), (0.5, 0.5), (-0.5, -0.5)):
            lon, lat = round(row["lon"] + sx * dlon, 6), round(row["lat"] + sy * dlat, 6)
            inside = boundary is None or boundary.contains(lon, lat)
            if inside and not grid.near(row["operator"], lon, lat, _CLEAR_M, frozenset({row["id"]})):
                corrections[i] = (c, reason, row, lon, lat, at)
                break
