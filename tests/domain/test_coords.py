"""The coordinate conversions against two independent public libraries (test-only dependencies).

``coordtransform`` (wandergis' formulas, C extension) and ``eviltransform`` (googollee's, with an
exact iterative GCJ-02 inverse) are the reference. Points span Kaifeng's nine units and beyond.
"""

from __future__ import annotations

import random

import coordTransform as ct
import eviltransform as ev
import pytest

from kf5g_desktop.domain import coords

# Well-spread points inside and around the city (lon, lat): 开封府, 铁塔, each county seat, corners.
KAIFENG_POINTS = [
    (114.35, 34.79),
    (114.3649, 34.8167),
    (114.7725, 34.5491),  # 杞县
    (114.4671, 34.4804),  # 通许县
    (114.1930, 34.4114),  # 尉氏县
    (114.8212, 34.8224),  # 兰考县
    (114.4381, 34.7712),  # 祥符区
    (113.87, 34.20),
    (115.29, 35.04),
]


def _random_points(n: int = 120) -> list[tuple[float, float]]:
    rng = random.Random(15)
    return [(rng.uniform(113.85, 115.30), rng.uniform(34.15, 35.05)) for _ in range(n)]


ALL_POINTS = KAIFENG_POINTS + _random_points()


@pytest.mark.parametrize(("lon", "lat"), ALL_POINTS)
def test_wgs_to_gcj_matches_both_libraries(lon: float, lat: float) -> None:
    ours = coords.wgs84_to_gcj02(lon, lat)
    ref = ct.wgs84_to_gcj02(lon, lat)
    ev_lat, ev_lon = ev.wgs2gcj(lat, lon)
    assert ours == pytest.approx(tuple(ref), abs=1e-9)
    # eviltransform scales the offset by the WGS-84 semi-major axis instead of Krasovsky's
    # 6378245 m (the published formula): the two differ by about a centimetre here.
    assert coords.distance_m(*ours, ev_lon, ev_lat) < 0.05


@pytest.mark.parametrize(("lon", "lat"), ALL_POINTS)
def test_gcj_to_wgs_matches_the_exact_inverse(lon: float, lat: float) -> None:
    ours = coords.gcj02_to_wgs84(lon, lat)
    # ours inverts the published forward formula exactly ...
    assert coords.wgs84_to_gcj02(*ours) == pytest.approx((lon, lat), abs=1e-9)
    # ... and agrees with eviltransform's bisection, which stops at 1e-6 degrees (~0.1 m)
    ev_lat, ev_lon = ev.gcj2wgs_exact(lat, lon)
    assert coords.distance_m(*ours, ev_lon, ev_lat) < 0.2
    # coordtransform's one-step inverse is approximate (metres): ours must be at least as close.
    approx = ct.gcj02_to_wgs84(lon, lat)
    assert coords.distance_m(*ours, *approx) < 5.0


@pytest.mark.parametrize(("lon", "lat"), ALL_POINTS)
def test_bd09_matches_both_libraries(lon: float, lat: float) -> None:
    assert coords.gcj02_to_bd09(lon, lat) == pytest.approx(tuple(ct.gcj02_to_bd09(lon, lat)), abs=1e-9)
    assert coords.bd09_to_gcj02(lon, lat) == pytest.approx(tuple(ct.bd09_to_gcj02(lon, lat)), abs=1e-9)
    assert coords.wgs84_to_bd09(lon, lat) == pytest.approx(tuple(ct.wgs84_to_bd09(lon, lat)), abs=1e-9)
    ev_lat, ev_lon = ev.wgs2bd(lat, lon)
    assert coords.distance_m(*coords.wgs84_to_bd09(lon, lat), ev_lon, ev_lat) < 0.05


@pytest.mark.parametrize(("lon", "lat"), ALL_POINTS)
@pytest.mark.parametrize("system", [coords.GCJ02, coords.BD09])
def test_round_trips_within_a_metre(lon: float, lat: float, system: str) -> None:
    there = coords.from_wgs84(lon, lat, system)
    back = coords.to_wgs84(*there, system)
    assert coords.distance_m(lon, lat, *back) < 1.0
    # and the other way round: a typed GCJ-02/BD-09 number survives storing and showing again
    stored = coords.to_wgs84(lon, lat, system)
    shown = coords.from_wgs84(*stored, system)
    assert coords.distance_m(lon, lat, *shown) < 1.0


def test_offsets_in_kaifeng_are_hundreds_of_metres() -> None:
    # What makes the coordinate system matter: at 开封府 GCJ-02 is ~0.5 km and BD-09 ~1.2 km off.
    lon, lat = 114.35, 34.79
    gcj = coords.wgs84_to_gcj02(lon, lat)
    bd = coords.wgs84_to_bd09(lon, lat)
    assert 400 < coords.distance_m(lon, lat, *gcj) < 700
    assert 1000 < coords.distance_m(lon, lat, *bd) < 1500


def test_wgs84_is_identity_and_unknown_system_is_refused() -> None:
    assert coords.to_wgs84(114.3, 34.7, coords.WGS84) == (114.3, 34.7)
    assert coords.from_wgs84(114.3, 34.7, coords.WGS84) == (114.3, 34.7)
    with pytest.raises(ValueError):
        coords.to_wgs84(114.3, 34.7, "utm")


def test_outside_china_is_not_offset() -> None:
    assert coords.wgs84_to_gcj02(2.35, 48.85) == (2.35, 48.85)
    assert coords.gcj02_to_wgs84(2.35, 48.85) == (2.35, 48.85)


def test_distance() -> None:
    # one minute of latitude is one nautical mile (1852 m) give or take the sphere
    assert coords.distance_m(114.3, 34.0, 114.3, 34.0 + 1 / 60) == pytest.approx(1853, abs=3)
    assert coords.distance_m(114.3, 34.7, 114.3, 34.7) == 0.0
