"""Possible duplicates by distance: same operator or co-build partners closer than 20 m."""

from __future__ import annotations

import random

from kf5g_desktop.domain import coords
from kf5g_desktop.domain.nearby import NearPoint, close_pairs, suspicious

BASE = (114.7725, 34.5491)


def offset(metres_east: float, metres_north: float = 0.0) -> tuple[float, float]:
    k = coords.distance_m(BASE[0], BASE[1], BASE[0] + 1, BASE[1])
    return BASE[0] + metres_east / k, BASE[1] + metres_north / 111_195.0


def test_partners_and_same_operator_are_suspicious_others_not():
    assert suspicious("CMCC", "CMCC")
    assert suspicious("CTCC", "CUCC") and suspicious("CUCC", "CTCC")
    assert suspicious("CMCC", "CBN")
    assert not suspicious("CMCC", "CUCC") and not suspicious("CTCC", "CBN")


def test_close_pairs_by_distance_and_operator():
    pts = [
        NearPoint(1, "CMCC", *BASE),
        NearPoint(2, "CMCC", *offset(12)),  # same operator, 12 m: a pair
        NearPoint(3, "CUCC", *offset(5)),  # other operator, not a partner of 移动: no pair
        NearPoint(4, "CTCC", *offset(0, 8)),  # 电信 8 m from 联通 (3): co-built twice
        NearPoint(5, "CMCC", *offset(45)),  # 45 m: too far
    ]
    pairs = close_pairs(pts)
    found = {frozenset((p.a.key, p.b.key)): round(p.metres) for p in pairs}
    assert set(found) == {frozenset({1, 2}), frozenset({3, 4})}
    assert found[frozenset({1, 2})] == 12
    assert close_pairs(pts, 50.0) and len(close_pairs(pts, 50.0)) > len(pairs)


def test_against_existing_records_and_never_with_itself():
    new = [NearPoint(("row", 2), "CBN", *offset(3))]
    existing = [NearPoint(("id", 7), "CMCC", *BASE), NearPoint(("id", 8), "CBN", *offset(500))]
    [pair] = close_pairs(new, against=existing)
    assert pair.a.key == ("row", 2) and pair.b.key == ("id", 7) and not pair.same_operator
    assert close_pairs([NearPoint("x", "CMCC", *BASE)], against=[NearPoint("x", "CMCC", *BASE)]) == []


def test_across_grid_cells_nothing_is_missed():
    rng = random.Random(5)
    pts = [NearPoint(i, "CMCC", *offset(rng.uniform(0, 400), rng.uniform(0, 400))) for i in range(300)]
    brute = {
        frozenset((p.key, q.key))
        for i, p in enumerate(pts)
        for q in pts[i + 1 :]
        if coords.distance_m(p.lon, p.lat, q.lon, q.lat) < 20
    }
    assert {frozenset((p.a.key, p.b.key)) for p in close_pairs(pts)} == brute
    assert brute  # the test means something


def test_index_pairs_and_duplicates_equal_a_brute_force_comparison():
    from kf5g_desktop.domain.nearby import Located, duplicates, index_pairs

    rng = random.Random(5)
    ops = ("CMCC", "CUCC", "CTCC", "CBN")
    pts = [(*offset(rng.uniform(0, 400), rng.uniform(0, 300)), rng.choice(ops)) for _ in range(600)]
    lon, lat, op = (list(c) for c in zip(*pts, strict=True))
    own = 450  # the last 150 are "against": never paired among themselves
    brute = {
        (i, j)
        for i in range(len(pts))
        for j in range(i + 1, len(pts))
        if j < own or i < own
        if suspicious(op[i], op[j]) and coords.distance_m(lon[i], lat[i], lon[j], lat[j]) < 20.0
    }
    got = index_pairs(lon, lat, op, own=own)
    assert {(i, j) for i, j, _m in got} == brute and len(got) == len(brute) > 20
    located = [Located(n, "410221", op[n], f"{n}", f"站{n}", lon[n], lat[n]) for n in range(len(pts))]
    found = duplicates(located[:own], against=located[own:])
    assert {(d.a.id, d.b.id) for d in found} == brute
    assert [(d.a.id, d.b.id) for d in found] == sorted(brute)
