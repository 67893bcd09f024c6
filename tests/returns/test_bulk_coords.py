"""Bulk import: the coordinate system a list is in, converted to the stored WGS-84, remembered with the mapping."""

from __future__ import annotations

import pytest

from kf5g_desktop.domain import coords
from kf5g_desktop.domain.boundaries import unit_boundary
from kf5g_desktop.domain.kinds import STATION
from kf5g_desktop.returns import bulk
from kf5g_desktop.returns.bulk import NEW
from tests.returns.test_bulk import _row, _xlsx

WGS = (114.7725, 34.5491)  # inside 杞县


@pytest.mark.parametrize("system", [coords.GCJ02, coords.BD09])
def test_a_gcj02_or_bd09_list_is_stored_as_wgs84(unit_store, tmp_path, system):
    typed = coords.from_wgs84(*WGS, system)
    path = _xlsx(tmp_path / "gcj.xlsx", [_row(0, 经度=round(typed[0], 6), 纬度=round(typed[1], 6))])
    pv = bulk.load_and_preview(unit_store, path, "stations", coord_system=system)
    assert pv.coord_system == system
    [row] = pv.rows
    assert row.state == NEW
    assert coords.distance_m(row.record.lon, row.record.lat, *WGS) < 1.0
    assert not [w for w in row.warnings if "不在杞县境内" in w.message]
    bulk.commit(unit_store, pv)
    [saved] = [s for s in unit_store.query(STATION) if s.station_code == row.record.station_code]
    assert coords.distance_m(saved.lon, saved.lat, *WGS) < 1.0


def test_read_as_wgs84_the_same_numbers_warn_and_name_the_system(unit_store, tmp_path):
    # a 杞县 point near its east border typed in BD-09 but imported as WGS-84
    qi = unit_boundary("410221")
    east = (114.93, 34.50)
    while not qi.contains(*east):
        east = (east[0] - 0.002, east[1])
    east = (east[0] - 0.003, east[1])  # ~270 m inside
    typed = coords.wgs84_to_bd09(*east)
    path = _xlsx(tmp_path / "bd.xlsx", [_row(0, 经度=round(typed[0], 6), 纬度=round(typed[1], 6))])
    pv = bulk.load_and_preview(unit_store, path, "stations")
    assert pv.coord_system == coords.WGS84
    [w] = [w for w in pv.rows[0].warnings if "不在杞县境内" in w.message]
    assert "BD-09（百度）" in w.message


def test_the_coordinate_system_is_remembered_with_the_mapping(unit_store, tmp_path):
    assert bulk.saved_coord_system(unit_store, STATION) == coords.WGS84
    typed = coords.wgs84_to_gcj02(*WGS)
    path = _xlsx(tmp_path / "a.xlsx", [_row(0, 经度=round(typed[0], 6), 纬度=round(typed[1], 6))])
    pv = bulk.load_and_preview(unit_store, path, "stations", coord_system=coords.GCJ02)
    bulk.save_mapping(unit_store, STATION, pv.table.headers, pv.mapping, pv.coord_system)
    assert bulk.saved_coord_system(unit_store, STATION) == coords.GCJ02
    again = bulk.load_and_preview(unit_store, path, "stations")
    assert again.coord_system == coords.GCJ02
    assert coords.distance_m(again.rows[0].record.lon, again.rows[0].record.lat, *WGS) < 1.0
    # saving a mapping without saying the system keeps the one saved
    bulk.save_mapping(unit_store, STATION, pv.table.headers, pv.mapping)
    assert bulk.saved_coord_system(unit_store, STATION) == coords.GCJ02


def test_the_command_line_reads_a_baidu_list(tmp_path, capsys):
    from kf5g_desktop.cli import run
    from kf5g_desktop.storage.store import Store
    from tests.returns import factory

    db = tmp_path / "u.db"
    factory.open_store(db).close()
    bd = coords.wgs84_to_bd09(*WGS)
    csvf = tmp_path / "bd.csv"
    csvf.write_text(f"基站编码,运营商,站名,经度,纬度\n5001,中国移动,百度站,{bd[0]:.6f},{bd[1]:.6f}\n", encoding="utf-8")
    args = ["bulk-import", "--db", str(db), str(csvf), "--register", "stations"]
    assert run([*args, "--coords", "bd09", "--save-mapping"]) == 0
    assert "坐标按 BD-09 读取，存为 WGS-84" in capsys.readouterr().out
    store = Store.open(db)
    try:
        [st] = [s for s in store.query(STATION) if s.station_code == "5001"]
        assert coords.distance_m(st.lon, st.lat, *WGS) < 1.0
        assert bulk.saved_coord_system(store, STATION) == coords.BD09
    finally:
        store.close()


def test_the_preview_flags_near_duplicates_and_never_merges(unit_store, tmp_path):
    """Two rows of one operator 8 m apart, and a 联通 row 5 m from a stored 电信 station: warnings."""
    from kf5g_desktop.domain.nearby import DEFAULT_DISTANCE_M

    k = coords.distance_m(WGS[0], WGS[1], WGS[0] + 1, WGS[1])
    near = (round(WGS[0] + 8 / k, 6), WGS[1])
    first = _xlsx(tmp_path / "one.xlsx", [_row(0, 经度=WGS[0], 纬度=WGS[1], 运营商="中国电信")])
    bulk.commit(unit_store, bulk.load_and_preview(unit_store, first, "stations"))
    rows = [
        _row(1, 经度=near[0], 纬度=near[1], 运营商="中国移动"),
        _row(2, 经度=round(WGS[0] + 16 / k, 6), 纬度=WGS[1], 运营商="中国移动"),
        _row(3, 经度=round(WGS[0] + 5 / k, 6), 纬度=WGS[1], 运营商="中国联通"),
        _row(4, 经度=round(WGS[0] + 300 / k, 6), 纬度=WGS[1], 运营商="中国移动"),
    ]
    pv = bulk.load_and_preview(unit_store, _xlsx(tmp_path / "two.xlsx", rows), "stations")
    notes = {r.row: [w.message for w in r.warnings if "相距约" in w.message] for r in pv.rows}
    r1, r2, r3, r4 = (pv.rows[i].row for i in range(4))
    assert any(f"与第{r2}行（中国移动，基站编码 8800000002）相距约8米，可能是同一基站重复登记" in m for m in notes[r1])
    assert any(f"与第{r1}行" in m for m in notes[r2])
    assert any(
        "与已登记的基站“杞县批量0号站”（中国电信，基站编码 8800000000）相距约5米，"
        "可能是中国联通和中国电信把同一个共建站各登记了一次" in m
        for m in notes[r3]
    )
    assert notes[r4] == []
    assert DEFAULT_DISTANCE_M == 20.0
    # warnings only: everything imports, nothing merged
    assert pv.ok
    before = unit_store.count(STATION)
    bulk.commit(unit_store, pv)
    assert unit_store.count(STATION) == before + 4
