"""Possible duplicates by distance: stations closer than a set distance (default 20 m) with the same
operator, or a co-built station recorded by both partners (电信/联通, 移动/广电).

Only ever a warning listing both records: two real stations can stand 15 m apart (a macro and an
indoor site of one building), so nothing is merged. Points are bucketed in a grid of the distance's
size, so 100,000 stations compare in about a second.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from .coords import distance_m

DEFAULT_DISTANCE_M = 20.0
# 共建共享: 电信 and 联通 build for each other, as do 移动 and 广电.
CO_BUILD_PARTNERS = (frozenset({"CTCC", "CUCC"}), frozenset({"CMCC", "CBN"}))
_M_PER_DEG = 111_195.0


@dataclass(frozen=True, slots=True)
class NearPoint:
    key: Hashable  # what the caller needs back (a row number, a record id …)
    operator: str
    lon: float
    lat: float


@dataclass(frozen=True, slots=True)
class ClosePair:
    a: NearPoint
    b: NearPoint
    metres: float

    @property
    def same_operator(self) -> bool:
        return self.a.operator == self.b.operator


def suspicious(op_a: str, op_b: str) -> bool:
    """Same operator, or the two partners of a co-built station."""
    return op_a == op_b or frozenset({op_a, op_b}) in CO_BUILD_PARTNERS


def close_pairs(
    points: Sequence[NearPoint],
    max_m: float = DEFAULT_DISTANCE_M,
    *,
    against: Sequence[NearPoint] = (),
) -> list[ClosePair]:
    """Pairs closer than ``max_m`` among ``points``, and between ``points`` and ``against`` (pairs
    within ``against`` alone are not looked for). Same key on both sides is never a pair."""
    if not points:
        return []
    lat0 = points[0].lat
    cell_lat = max_m / _M_PER_DEG
    cell_lon = cell_lat / max(math.cos(math.radians(lat0)), 0.1)

    def cell(p: NearPoint) -> tuple[int, int]:
        return (math.floor(p.lon / cell_lon), math.floor(p.lat / cell_lat))

    grid: dict[tuple[int, int], list[tuple[int, NearPoint]]] = {}
    for n, p in enumerate(points):
        grid.setdefault(cell(p), []).append((n, p))
    out: list[ClosePair] = []
    for n, p in enumerate(points):
        cx, cy = cell(p)
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for m, q in grid.get((cx + dx, cy + dy), ()):
                    if m <= n or q.key == p.key or not suspicious(p.operator, q.operator):
                        continue
                    d = distance_m(p.lon, p.lat, q.lon, q.lat)
                    if d < max_m:
                        out.append(ClosePair(p, q, d))
    for q in against:
        cx, cy = cell(q)
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for _m, p in grid.get((cx + dx, cy + dy), ()):
                    if q.key == p.key or not suspicious(p.operator, q.operator):
                        continue
                    d = distance_m(p.lon, p.lat, q.lon, q.lat)
                    if d < max_m:
                        out.append(ClosePair(p, q, d))
    return out
