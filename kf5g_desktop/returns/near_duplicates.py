"""Possible duplicates by distance in a unit's return, for the city's import preview.

The return's stations against each other and against the other units' stations in the city
database (a unit's own stored stations are what the return replaces). Only pairs with a station
that is new to the city or has moved are named, so a steady week does not repeat last week's
warnings. A warning listing both records (``domain.nearby``): never a merge, never a refusal.
"""

from __future__ import annotations

from kf5g_desktop.domain import nearby
from kf5g_desktop.domain.coords import distance_m
from kf5g_desktop.domain.records import Station
from kf5g_desktop.storage.store import Store

from .verify import VerifyResult

_MOVED_M = 1.0  # a station moved by less than this has not moved (rounding of the numbers)


def in_return(store: Store, result: VerifyResult, max_m: float = nearby.DEFAULT_DISTANCE_M) -> list[str]:
    """The warnings of :func:`find`, as the preview shows them."""
    units = {u.code: u.name for u in store.units()}
    return [f"工作表“基站”{d.message(units)}" for d in find(store, result, max_m)]


def find(
    store: Store, result: VerifyResult, max_m: float = nearby.DEFAULT_DISTANCE_M
) -> list[nearby.Duplicate]:
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
    stored = store.located_stations()
    before = {(p.operator, p.station_code): p for p in stored if p.unit_code == unit_code}
    others = [p for p in stored if p.unit_code != unit_code]

    def fresh(p: nearby.Located) -> bool:
        old = before.get((p.operator, p.station_code))
        return old is None or distance_m(old.lon, old.lat, p.lon, p.lat) >= _MOVED_M

    return nearby.duplicates(incoming, max_m, against=others, fresh=fresh)
