"""Where the demo puts things: every point inside its own unit's polygon, and the few possible
duplicates it plants on purpose are exactly what the duplicate check finds."""

from __future__ import annotations

import itertools

import pytest

from kf5g_desktop.domain import boundaries, coords, nearby
from kf5g_desktop.domain.schema import POLE, STATION, VENUE
from kf5g_desktop.storage.demo import generate_demo
from kf5g_desktop.storage.demo_places import PLANTED_DUPLICATES, plant_duplicates
from kf5g_desktop.storage.store import Store


def test_every_demo_point_lies_inside_its_own_units_polygon(demo_db):
    path, _summary = demo_db
    with Store.open(path, readonly=True) as store:
        for kind in (STATION, VENUE, POLE):
            pts = store.map_points(kind)
            assert len(pts) > 100, kind
            outside = [
                (pts.codes[i], pts.unit[i])
                for i in range(len(pts))
                if not boundaries.unit_boundary(pts.unit[i]).contains(pts.lon[i], pts.lat[i])
            ]
            assert outside == [], kind


def _brute_force_pairs(stations: list[nearby.Located]) -> set[frozenset[int]]:
    """Every suspicious pair closer than 20 m, compared one with every other (no grid)."""
    out = set()
    for a, b in itertools.combinations(stations, 2):
        close = coords.distance_m(a.lon, a.lat, b.lon, b.lat) < nearby.DEFAULT_DISTANCE_M
        if close and nearby.suspicious(a.operator, b.operator):
            out.add(frozenset((a.id, b.id)))
    return out


def test_the_check_finds_exactly_the_planted_duplicates(demo_db):
    path, _summary = demo_db
    with Store.open(path, readonly=True) as store:
        found = store.near_duplicates()
        stations = store.located_stations()
    assert len(found) == PLANTED_DUPLICATES
    assert {frozenset((d.a.id, d.b.id)) for d in found} == _brute_force_pairs(stations)
    for d in found:  # planted: one unit, one name, 5–15 m apart; two of one operator, two co-built
        assert d.a.unit_code == d.b.unit_code and d.a.name == d.b.name
        assert 4.5 <= d.metres <= 15.5
    assert sum(d.same_operator for d in found) == PLANTED_DUPLICATES // 2


def test_planting_spreads_accidental_pairs_and_plants_the_given_number():
    """Rows crowded into one street corner: after planting, only the planted pairs are close."""
    base = boundaries.unit_boundary("410204").centroid()
    rows = [
        dict(
            id=i + 1,
            unit_code="410204",
            operator=("CMCC", "CTCC", "CUCC", "CBN")[i % 4],
            name=f"站{i}",
            lon=round(base[0] + (i % 7) * 0.00005, 6),
            lat=round(base[1] + (i // 7) * 0.00005, 6),
        )
        for i in range(60)
    ]
    planted = plant_duplicates(rows, "test")
    assert len(planted) == PLANTED_DUPLICATES
    located = [
        nearby.Located(r["id"], r["unit_code"], r["operator"], "", r["name"], r["lon"], r["lat"])
        for r in rows
    ]
    assert _brute_force_pairs(located) == {frozenset(p) for p in planted}
    assert all(boundaries.unit_boundary("410204").contains(r["lon"], r["lat"]) for r in rows)


@pytest.mark.parametrize("unit", ["410203"])
def test_a_unit_demo_finds_its_slice_of_the_city_demos_duplicates(tmp_path, unit):
    generate_demo(tmp_path / "city.db", stations=500, seed=11)
    generate_demo(tmp_path / "unit.db", unit_code=unit, stations=500, seed=11)
    with (
        Store.open(tmp_path / "city.db", readonly=True) as city,
        Store.open(tmp_path / "unit.db", readonly=True) as own,
    ):
        in_city = [(d.a.station_code, d.b.station_code) for d in city.near_duplicates(unit)]
        assert [(d.a.station_code, d.b.station_code) for d in own.near_duplicates()] == in_city
        assert len(city.near_duplicates()) == PLANTED_DUPLICATES
