"""Possible duplicates by distance: stations closer than a set distance (default 20 m) with the same
operator, or a co-built station recorded by both partners (电信/联通, 移动/广电).

Only ever a warning listing both records: two real stations can stand 15 m apart (a macro and an
indoor site of one building), so nothing is merged. Points are bucketed in a grid of the distance's
size, so 100,000 stations compare in about a second.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from . import codes
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


_FORWARD = ((1, -1), (1, 0), (1, 1), (0, 1))  # with the cell itself: each pair of cells looked at once


def index_pairs(
    lon: Sequence[float],
    lat: Sequence[float],
    operators: Sequence[str],
    max_m: float = DEFAULT_DISTANCE_M,
    *,
    own: int | None = None,
) -> list[tuple[int, int, float]]:
    """(i, j, metres) with i < j for the points closer than ``max_m`` whose operators are
    :func:`suspicious`, given as columns, ordered by (i, j). Points from ``own`` on are only
    compared with the ones before it (pairs among them alone are not looked for). A grid of
    ``max_m`` cells, each cell compared with itself and four neighbours; a flat-earth test first,
    the great-circle distance for the pairs it lets through.

    In numpy, column-wise: the points sorted by cell, each point's candidates in a neighbouring
    cell found by a binary search of the sorted cells, the candidate pairs screened as arrays;
    only the few pairs the flat-earth test lets through are measured one by one."""
    import numpy as np

    n = len(lon)
    own = n if own is None else own
    if not n:
        return []
    k = max(math.cos(math.radians(lat[0])), 0.1)
    cell_lat = max_m / _M_PER_DEG
    cell_lon = cell_lat / k
    x = np.asarray(lon, dtype=np.float64)
    y = np.asarray(lat, dtype=np.float64)
    cx = np.floor(x / cell_lon).astype(np.int64)
    cy = np.floor(y / cell_lat).astype(np.int64)
    cx -= cx.min()
    cy -= cy.min() - 1  # from 1: a neighbour's row (cy ± 1) stays inside the cell's column
    width = int(cy.max()) + 2
    key = cx * width + cy
    order = np.argsort(key, kind="stable")  # by cell; within a cell by index, as the grid had them
    sorted_key = key[order]
    # operators as small numbers, and which pairs of them are suspicious
    names = list(dict.fromkeys(operators))
    number = {op: m for m, op in enumerate(names)}
    ops = np.fromiter((number[op] for op in operators), dtype=np.int64, count=n)
    pair_ok = np.array([[suspicious(a, b) for b in names] for a in names], dtype=bool)
    limit = (max_m * 1.001 / _M_PER_DEG) ** 2
    positions = np.arange(n)
    firsts: list[Any] = []
    seconds: list[Any] = []
    for dx, dy in ((0, 0), *_FORWARD):
        target = sorted_key + (dx * width + dy)
        hi = np.searchsorted(sorted_key, target, side="right")
        if dx == dy == 0:
            lo = positions + 1  # the points after this one in its own cell
        else:
            lo = np.searchsorted(sorted_key, target, side="left")
        counts = np.maximum(hi - lo, 0)
        total = int(counts.sum())
        if not total:
            continue
        starts = np.repeat(lo, counts)
        steps = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
        firsts.append(order[np.repeat(positions, counts)])
        seconds.append(order[starts + steps])
    if not firsts:
        return []
    i = np.concatenate(firsts)
    j = np.concatenate(seconds)
    keep = ((i < own) | (j < own)) & pair_ok[ops[i], ops[j]]
    i, j = i[keep], j[keep]
    ddx = (x[i] - x[j]) * k
    ddy = y[i] - y[j]
    near = ddx * ddx + ddy * ddy < limit
    out: list[tuple[int, int, float]] = []
    for a, b in zip(i[near].tolist(), j[near].tolist(), strict=True):
        d = distance_m(lon[a], lat[a], lon[b], lat[b])
        if d < max_m:
            out.append((min(a, b), max(a, b), d))
    out.sort(key=lambda t: (t[0], t[1]))
    return out


@dataclass(frozen=True, slots=True)
class Located:
    """A station as the duplicate check names it (``id`` None: a row of a file, ``row`` its number)."""

    id: int | None
    unit_code: str
    operator: str
    station_code: str
    name: str
    lon: float
    lat: float
    row: int | None = None


@dataclass(frozen=True, slots=True)
class Duplicate:
    """Two stations that may be one: closer than the distance, same operator or co-build partners."""

    a: Located
    b: Located
    metres: float

    @property
    def same_operator(self) -> bool:
        return self.a.operator == self.b.operator

    def cause(self) -> str:
        if self.same_operator:
            return "可能是同一基站重复登记"
        return (
            f"可能是{codes.OPERATOR.label(self.a.operator)}和{codes.OPERATOR.label(self.b.operator)}"
            "把同一个共建站各登记了一次"
        )

    def message(self, units: dict[str, str] | None = None) -> str:
        """``[杞县] 中国移动基站“…”（46000000123）与中国移动基站“…”（46000000456）相距约8米，…``."""
        return (
            f"{_named(self.a, units)}与{_named(self.b, units)}相距约{max(1, round(self.metres))}米，"
            f"{self.cause()}。请核对，不会自动合并；确是两个基站则不必处理。"
        )


def _named(p: Located, units: dict[str, str] | None) -> str:
    where = f"第{p.row}行" if p.row is not None else ""
    unit = f"{units.get(p.unit_code, p.unit_code)}" if units else ""
    return f"{where}{unit}{codes.OPERATOR.label(p.operator)}基站“{p.name}”（{p.station_code}）"


def duplicates(
    stations: Sequence[Located],
    max_m: float = DEFAULT_DISTANCE_M,
    *,
    against: Sequence[Located] = (),
    fresh: Callable[[Located], bool] | None = None,
) -> list[Duplicate]:
    """Possible duplicates among ``stations`` and between them and ``against``, in a stable order
    (by the first station's place in ``stations``). With ``fresh``, only pairs with at least one
    fresh station of ``stations`` (a new or moved one) are kept."""
    both = [*stations, *against]
    own = len(stations)
    found = index_pairs([p.lon for p in both], [p.lat for p in both], [p.operator for p in both], max_m, own=own)
    if fresh is not None:
        found = [t for t in found if any(k < own and fresh(stations[k]) for k in t[:2])]
    # by the first station's place in ``stations``; a station of ``against`` comes second
    found.sort(key=lambda t: (t[0], t[1]))

    def at(k: int) -> Located:
        return both[k]

    return [Duplicate(at(ka), at(kb), m) for ka, kb, m in found]


def row_duplicates(rows: Sequence[Sequence[Any]], max_m: float = DEFAULT_DISTANCE_M) -> list[Duplicate]:
    """:func:`duplicates` of ``[Located(*row) for row in rows]`` (no ``against``, no ``fresh``), the
    stations given as rows of :class:`Located`'s fields: a station is made only for the few rows in
    a pair (at 100,000 stations, making every one took about as long as finding the pairs)."""
    if not rows:
        return []
    _ids, _units, operators, _codes, _names, lon, lat = zip(*rows, strict=True)
    return [
        Duplicate(Located(*rows[a]), Located(*rows[b]), m)
        for a, b, m in index_pairs(lon, lat, operators, max_m)
    ]
