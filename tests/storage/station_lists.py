"""An operator's station list as a CSV file, as the bulk import reads it (for the concurrency and
role tests): new stations of one unit, inside its boundary, in its townships."""

from __future__ import annotations

import csv
import random
from pathlib import Path

from kf5g_desktop.domain.boundaries import unit_boundary
from kf5g_desktop.storage.store import Store

HEADERS = [
    "运营商",
    "gNodeB标识",
    "站名",
    "乡镇",
    "经度",
    "纬度",
    "状态",
    "组网",
    "开通时间",
    "站型",
    "建设方式",
    "供电方式",
]
OPERATORS = ["中国移动", "中国联通", "中国电信", "中国广电"]
OPERATOR_CODES = {"中国移动": "CMCC", "中国联通": "CUCC", "中国电信": "CTCC", "中国广电": "CBN"}


def write_station_list(
    path: Path, store: Store, unit: str, n: int, seed: int, first: int = 0
) -> set[tuple[str, str]]:
    """``n`` rows of new stations of ``unit`` into ``path`` (numbered from ``first``); their
    (operator code, station code)."""
    towns = [t.name for t in store.townships(unit)]
    rng = random.Random(seed)
    boundary = unit_boundary(unit)
    name = store.unit(unit).name
    rows = []
    for i in range(first, first + n):
        lon, lat = boundary.random_point(rng, margin_m=300)
        op = OPERATORS[i % 4]
        rows.append(
            [op, f"9{unit[-2:]}{i:07d}", f"{name}清单{i + 1}号站", towns[i % len(towns)], round(lon, 6),
             round(lat, 6), "已开通", "SA", "2021/1/5", "宏站", "新建", "直供电"]
        )  # fmt: skip
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADERS)
        w.writerows(rows)
    return {(OPERATOR_CODES[r[0]], r[1]) for r in rows}
