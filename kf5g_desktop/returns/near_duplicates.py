"""Possible duplicates by distance in a unit's return, for the city's import preview.

The return's stations against each other and against the other units' stations in the city
database (a unit's own stored stations are what the return replaces). Only pairs with a station
that is new to the city or has moved are named, so a steady week does not repeat last week's
warnings. A warning listing both records (``domain.nearby``): never a merge, never a refusal.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from kf5g_desktop.domain import nearby
from kf5g_desktop.domain.coords import distance_m
from kf5g_desktop.domain.records import Station
from kf5g_desktop.storage import register_rows
from kf5g_desktop.storage.store import Store

from .verify import VerifyResult

_MOVED_M = 1.0  # a station moved by less than this has not moved (rounding of the numbers)
_M_PER_DEG = 111_195.0
_COS_60 = 0.5


Stored = Mapping[tuple[str, str], tuple[float, float]]


def in_return(
    store: Store,
    result: VerifyResult,
    max_m: float = nearby.DEFAULT_DISTANCE_M,
    *,
    stored: Stored | None = None,
) -> list[str]:
    """The warnings of :func:`find`, as the preview shows them."""
    units = {u.code: u.name for u in store.units()}
    return [f"工作表“基站”{d.message(units)}" for d in find(store, result, max_m, stored=stored)]


def find(
    store: Store,
    result: VerifyResult,
    max_m: float = nearby.DEFAULT_DISTANCE_M,
    *,
    stored: Stored | None = None,
) -> list[nearby.Duplicate]:
    """What ``nearby.duplicates(incoming, against=others, fresh=…)`` finds for the return against
    the whole city, reading only what can take part in a kept pair: a pair needs a fresh station
    of the file, so when none is fresh (a steady week) there is nothing to look for, and of the
    other units (and of the file) only the stations within reach of a fresh one take part (a box
    around them, then the grid cells next to theirs). ``stored``: the unit's stored stations with coordinates,
    (operator, station code) → (lon, lat), when the caller has read them already."""
    unit_code = result.unit_code
    incoming = []
    for pr in result.stations:
        st = pr.record
        if isinstance(st, Station) and st.lon is not None and st.lat is not None and st.operator:
            incoming.append(
                nearby.Located(None, unit_code, st.operator, st.station_code, st.name, st.lon, st.lat, pr.row)
            )
    if not incoming:
        return []
    if stored is None:
        stored = {(r[2], r[3]): (r[5], r[6]) for r in register_rows.located(store, unit_code=unit_code)}
    before = stored

    def fresh(p: nearby.Located) -> bool:
        old = before.get((p.operator, p.station_code))
        if old is None:
            return True
        if old[0] == p.lon and old[1] == p.lat:  # where it was (most of a steady week): 0 m
            return False
        return distance_m(old[0], old[1], p.lon, p.lat) >= _MOVED_M

    new = [p for p in incoming if fresh(p)]
    if not new:
        return []
    reach_lat = 2 * max_m / _M_PER_DEG  # generous: a cell of twice the distance, at 60° north
    reach_lon = reach_lat / _COS_60
    box = (
        min(p.lon for p in new) - reach_lon,
        min(p.lat for p in new) - reach_lat,
        max(p.lon for p in new) + reach_lon,
        max(p.lat for p in new) + reach_lat,
    )

    def cell(lon: float, lat: float) -> tuple[int, int]:
        return (math.floor(lon / reach_lon), math.floor(lat / reach_lat))

    near = set()
    for p in new:
        cx, cy = cell(p.lon, p.lat)
        near.update((cx + dx, cy + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1))
    others = [
        nearby.Located(*r)
        for r in register_rows.located(store, not_unit_code=unit_code, box=box)
        if cell(r[5], r[6]) in near
    ]
    # of the file's own stations, those far from every fresh one can only pair with stations that
    # are not fresh either: left out (the first stays: the search's grid is sized at its latitude)
    mine = [p for n, p in enumerate(incoming) if n == 0 or cell(p.lon, p.lat) in near]
    return nearby.duplicates(mine, max_m, against=others, fresh=fresh)
