"""The map's points (``Store.map_points``): each point's id, coordinates, unit, status, operator and
network mode exactly as its record holds them, read in one narrow query (the unit and the three
codes travel packed in one integer column and are unpacked in numpy)."""

from __future__ import annotations

import sqlite3
from datetime import date

import numpy as np

from kf5g_desktop.domain.schema import POLE, STATION, VENUE
from kf5g_desktop.storage.map_points import MODE_CODES, OPERATOR_CODES, STATUS_CODES
from kf5g_desktop.storage.store import Store
from tests.builders import numbered_station, pole, venue


def _position(values: tuple[str, ...], code: str | None) -> int:
    return values.index(code) if code in values else -1


def _saved_stations(store: Store) -> list[int]:
    ids = []
    for i in range(24):
        on_air = i % 2 == 1
        mode = (*MODE_CODES, None)[i % (len(MODE_CODES) + 1)]
        st = numbered_station(
            i,
            operator=OPERATOR_CODES[i % len(OPERATOR_CODES)],
            network_mode=MODE_CODES[0] if on_air and mode is None else mode,  # on air: a mode is needed
            status="on_air" if on_air else ("approving", "planned")[i // 2 % 2],
            on_air=date(2021, 1, 1 + i) if on_air else None,
            approvals=[],
            # coordinates that are not round numbers, the last bits of each double must arrive
            lon=114.78 + i * 0.000123456789012345,
            lat=34.55 - i * 0.000987654321098765,
        )
        ids.append(store.save(st).id)
    return ids


def test_each_point_holds_its_records_id_place_unit_and_codes(empty_store):
    ids = _saved_stations(empty_store)
    gone = empty_store.save(numbered_station(90))
    empty_store.delete(STATION, gone.id)
    empty_store.save(numbered_station(92, lon=None, lat=None))  # no point: not on the map (92: not on air)
    empty_store.save(venue(lon=114.7612345678, lat=34.5412345678))
    empty_store.save(pole(lon=114.7698765432, lat=34.5298765432))

    pts = empty_store.map_points(STATION)
    assert pts.ids.tolist() == ids  # the live ones with both coordinates, in the order of their ids
    assert pts.ids.dtype == np.int64 and pts.unit_number.dtype == np.int64
    assert pts.status_index.dtype == pts.operator_index.dtype == pts.mode_index.dtype == np.int8
    for k, rid in enumerate(ids):
        st = empty_store.get(STATION, rid)
        assert (pts.lon[k], pts.lat[k]) == (st.lon, st.lat)  # the stored doubles, bit for bit
        assert pts.unit_number[k] == int(st.unit_code) == 410221
        assert pts.status_index[k] == _position(STATUS_CODES, st.status)
        assert pts.operator_index[k] == _position(OPERATOR_CODES, st.operator)
        assert pts.mode_index[k] == _position(MODE_CODES, st.network_mode)
    assert set(pts.mode_index.tolist()) == {-1, *range(len(MODE_CODES))}  # None among them
    assert set(pts.operator_index.tolist()) == set(range(len(OPERATOR_CODES)))
    assert pts.network_mode.tolist().count("") == sum(st is None for st in (
        empty_store.get(STATION, rid).network_mode for rid in ids))
    assert len(empty_store.map_points(STATION, "410221")) == len(ids)
    assert len(empty_store.map_points(STATION, "410222")) == 0
    for kind in (VENUE, POLE):
        other = empty_store.map_points(kind)
        rec = empty_store.get(kind, int(other.ids[0]))
        assert len(other) == 1 and (other.lon[0], other.lat[0]) == (rec.lon, rec.lat)
        assert other.unit_number.tolist() == [410221]
        assert other.status_index.tolist() == other.operator_index.tolist() == other.mode_index.tolist() == [-1]


def test_codes_outside_the_lists_are_none_and_the_unit_stays_whole(tmp_path, clock):
    """A status or operator no code list has (written by another program) reads as −1, "" —
    and does not spill into the unit's number or the neighbouring codes."""
    path = tmp_path / "kf5g.db"
    with Store.open(path, clock=clock) as store:
        store.setup_installation(kind="unit", unit_code="410221", user_name="测试员", user_phone="0371-28888888")
        ids = _saved_stations(store)
    con = sqlite3.connect(path)
    with con:
        con.execute("UPDATE station SET status = 'unknown', operator = 'XX' WHERE id = ?", (ids[0],))
        con.execute("UPDATE station SET network_mode = 'LTE' WHERE id = ?", (ids[1],))
    con.close()
    with Store.open(path, readonly=True) as store:
        pts = store.map_points(STATION)
        assert pts.ids.tolist() == ids
        assert (pts.status_index[0], pts.operator_index[0]) == (-1, -1)
        assert (pts.status[0], pts.operator[0]) == ("", "")
        assert pts.mode_index[1] == -1 and pts.network_mode[1] == ""
        assert pts.unit_number.tolist() == [410221] * len(ids)
        assert pts.mode_index[0] == _position(MODE_CODES, store.get(STATION, ids[0]).network_mode)
        assert pts.status_index[1] == _position(STATUS_CODES, store.get(STATION, ids[1]).status)
