"""The city's import preview warns about possible duplicates by distance a unit's return brings:
stations new or moved in the return, against the return and the other units' stations."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from kf5g_desktop.cli import run
from kf5g_desktop.domain import coords
from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.returns.export import export_return
from kf5g_desktop.returns.importer import import_files
from kf5g_desktop.storage.store import Store

UNIT = "410221"
ARGS = ["--stations", "600", "--seed", "8"]
NOW_WEEK = IsoWeek.containing(date.today())  # its cut-off is to come: the return shows the registers now


@pytest.fixture(scope="module")
def demos(tmp_path_factory):
    folder = tmp_path_factory.mktemp("near")
    unit_db, city_db = folder / "unit.db", folder / "city.db"
    assert run(["demo", "--db", str(unit_db), "--unit", UNIT, *ARGS]) == 0
    assert run(["demo", "--db", str(city_db), *ARGS]) == 0
    return unit_db, city_db


def _copy(src, dest):
    dest.write_bytes(src.read_bytes())
    return dest


def test_a_steady_return_brings_no_warning_and_a_moved_station_one(demos, tmp_path):
    unit_db, city_db = demos
    unit, city = _copy(unit_db, tmp_path / "unit.db"), _copy(city_db, tmp_path / "city.db")
    week = IsoWeek(2022, 52)
    with Store.open(unit) as store:
        planted = store.near_duplicates()  # the demo's own: known to the city already
        exported = export_return(store, week, tmp_path)
    with Store.open(city) as store:
        (report,) = import_files(store, [exported.path], dry_run=True)
    assert report.ok and report.plan is not None
    assert report.plan.near_duplicates == [] and "提醒" not in report.plan.describe()

    # The unit records one of its 移动 stations again 8 m from another (a typing slip of the code).
    with Store.open(unit) as store:
        stations = [s for s in store.located_stations() if s.operator == "CMCC"]
        a, b = stations[0], stations[1]
        k = coords.distance_m(a.lon, a.lat, a.lon + 1, a.lat)
        moved = store.save(replace(store.get_station(b.id), lon=round(a.lon + 8 / k, 6), lat=a.lat))
        exported = export_return(store, NOW_WEEK, tmp_path)  # the registers now
    with Store.open(city) as store:
        (report,) = import_files(store, [exported.path], dry_run=True)
    assert report.ok, report.result.messages()
    [warning] = report.plan.near_duplicates
    assert a.station_code in warning and moved.station_code in warning
    assert "相距约8米" in warning and "可能是同一基站重复登记" in warning and "不会自动合并" in warning
    assert warning.startswith("工作表“基站”第") and "杞县中国移动基站" in warning
    assert "提醒：" + warning in report.plan.describe()
    for d in planted:  # the pairs the city knows stay quiet
        assert d.b.station_code not in warning or d.b.station_code == moved.station_code


def test_a_station_next_to_another_units_station_is_named(demos, tmp_path):
    """Across the border: the city database's stations of other units count too."""
    unit_db, city_db = demos
    unit, city = _copy(unit_db, tmp_path / "unit.db"), _copy(city_db, tmp_path / "city.db")
    with Store.open(city, readonly=True) as store:
        neighbour = next(
            s for s in store.located_stations() if s.unit_code == "410225" and s.operator == "CTCC"
        )
    with Store.open(unit) as store:
        own = next(s for s in store.located_stations() if s.operator == "CUCC")
        store.save(
            replace(store.get_station(own.id), lon=neighbour.lon, lat=round(neighbour.lat + 0.0001, 6))
        )
        exported = export_return(store, NOW_WEEK, tmp_path)
    with Store.open(city) as store:
        (report,) = import_files(store, [exported.path], dry_run=True)
    assert report.result.errors == []
    assert report.plan is not None
    [warning] = report.plan.near_duplicates
    assert (
        own.station_code in warning and neighbour.station_code in warning and "兰考县中国电信基站" in warning
    )
    assert "中国联通和中国电信把同一个共建站各登记了一次" in warning or "中国电信和中国联通" in warning


def _whole_city_search(store, result):
    """The search as it was first written: the return against every stored station of the city."""
    from kf5g_desktop.domain import nearby
    from kf5g_desktop.domain.records import Station

    incoming = [
        nearby.Located(
            None,
            result.unit_code,
            pr.record.operator,
            pr.record.station_code,
            pr.record.name,
            pr.record.lon,
            pr.record.lat,
            pr.row,
        )
        for pr in result.stations
        if isinstance(pr.record, Station)
        and pr.record.lon is not None
        and pr.record.lat is not None
        and pr.record.operator
    ]
    stored = store.located_stations()
    before = {(p.operator, p.station_code): p for p in stored if p.unit_code == result.unit_code}
    others = [p for p in stored if p.unit_code != result.unit_code]

    def fresh(p):
        old = before.get((p.operator, p.station_code))
        return old is None or coords.distance_m(old.lon, old.lat, p.lon, p.lat) >= 1.0

    return nearby.duplicates(incoming, against=others, fresh=fresh)


def test_the_search_near_the_return_finds_what_the_whole_city_search_finds(demos, tmp_path):
    """find() reads only the other units' stations near the return's new or moved ones: the nine
    returns into a fresh city database, then again with one station moved next to another unit's,
    give exactly the pairs of the search against the whole city, in the same order."""
    from kf5g_desktop.returns import near_duplicates
    from kf5g_desktop.returns.verify import verify_file

    unit_db, city_db = demos
    src = _copy(city_db, tmp_path / "src.db")
    files = []
    with Store.open(src) as store:
        units = [u.code for u in store.units()]
        for code in units:
            files.append(export_return(store, NOW_WEEK, tmp_path / code, unit_code=code, record=False).path)
    fresh = tmp_path / "fresh.db"
    assert run(["--db", str(fresh), "init", "--city", "--user", "市局"]) == 0
    found = 0
    with Store.open(fresh) as store:
        for path in files:
            result = verify_file(store, path)
            assert result.ok, result.messages()
            expected = _whole_city_search(store, result)
            assert near_duplicates.find(store, result) == expected
            found += len(expected)
            (report,) = import_files(store, [path])
            assert report.ok, report.error
            names = {u.code: u.name for u in store.units()}
            assert report.plan.near_duplicates == [f"工作表“基站”{d.message(names)}" for d in expected]
    assert found > 0  # the demo's planted pairs
    # 杞县's own return (another set of stations: many new to the city), one of them moved onto a
    # 兰考县 station: a pair across the border
    unit = _copy(unit_db, tmp_path / "unit.db")
    with Store.open(fresh, readonly=True) as store:
        neighbour = next(
            s for s in store.located_stations() if s.unit_code == "410225" and s.operator == "CTCC"
        )
    with Store.open(unit) as store:
        own = next(s for s in store.located_stations() if s.operator == "CUCC")
        store.save(
            replace(store.get_station(own.id), lon=neighbour.lon, lat=round(neighbour.lat + 0.0001, 6))
        )
        moved = export_return(store, NOW_WEEK, tmp_path / "moved.xlsx").path
    with Store.open(fresh) as store:
        result = verify_file(store, moved)
        expected = _whole_city_search(store, result)
        assert any(
            own.station_code in d.message() and neighbour.station_code in d.message() for d in expected
        )
        assert near_duplicates.find(store, result) == expected
