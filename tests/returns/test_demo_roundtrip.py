"""The demo's weekly cycle end to end: a unit demo is exactly its slice of the city demo of the same
seed, so its return imports into the city demo as unchanged (and an edit as one change)."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from kf5g_desktop.cli import run
from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.returns.export import export_return
from kf5g_desktop.returns.importer import import_files
from kf5g_desktop.storage.store import ListQuery, Store

UNIT = "410221"
ARGS = ["--stations", "700", "--seed", "5"]


@pytest.fixture(scope="module")
def demos(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demos")
    unit_db, city_db = folder / "unit.db", folder / "city.db"
    assert run(["demo", "--db", str(unit_db), "--unit", UNIT, *ARGS]) == 0
    assert run(["demo", "--db", str(city_db), *ARGS]) == 0
    return unit_db, city_db


def _rows(db, sql: str) -> list[tuple]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_unit_demo_is_the_unit_slice_of_the_city_demo(demos):
    unit_db, city_db = demos
    unit_of = {
        "station": f"unit_code = '{UNIT}'",
        "venue": f"unit_code = '{UNIT}'",
        "pole": f"unit_code = '{UNIT}'",
        "week_note": f"unit_code = '{UNIT}'",
        "approval": f"station_id IN (SELECT id FROM station WHERE unit_code = '{UNIT}')",
        "audit_log": (
            f"(table_name = 'station' AND record_id IN (SELECT id FROM station WHERE unit_code = '{UNIT}'))"
            f" OR (table_name = 'venue' AND record_id IN (SELECT id FROM venue WHERE unit_code = '{UNIT}'))"
            f" OR (table_name = 'pole' AND record_id IN (SELECT id FROM pole WHERE unit_code = '{UNIT}'))"
        ),
    }
    for table, where in unit_of.items():
        in_unit = _rows(unit_db, f"SELECT * FROM {table} ORDER BY 1")
        in_city = _rows(city_db, f"SELECT * FROM {table} WHERE {where} ORDER BY 1")
        if table == "audit_log":  # the history is the same; its own row numbers are the database's
            in_unit, in_city = ([r[1:] for r in rows] for rows in (in_unit, in_city))
        assert in_unit, table
        assert in_unit == in_city, table
    assert _rows(unit_db, "SELECT DISTINCT unit_code FROM station") == [(UNIT,)]
    with Store.open(unit_db, readonly=True) as s:
        inst = s.installation()
        assert (inst.kind, inst.unit_code, inst.demo) == ("unit", UNIT, True)
        assert s.check() == []


def test_unit_demo_return_imports_into_the_city_demo(demos, tmp_path):
    unit_db, city_db = demos
    week = IsoWeek(2022, 52)
    work_unit, work_city = tmp_path / "unit.db", tmp_path / "city.db"
    work_unit.write_bytes(unit_db.read_bytes())
    work_city.write_bytes(city_db.read_bytes())
    with Store.open(work_unit) as unit:
        n_stations = unit.count("station")
        exported = export_return(unit, week, tmp_path)
    with Store.open(work_city) as city:
        (report,) = import_files(city, [exported.path])
        assert report.ok, report.result.messages()
        assert report.result.errors == []
        for kind, n in (("station", n_stations), ("venue", None), ("pole", None)):
            plan = report.plan.plans[kind]
            assert (len(plan.new), len(plan.changed), len(plan.removed)) == (0, 0, 0), kind
            assert plan.unchanged == (n if n is not None else plan.unchanged) > 0
        assert report.outcome is not None
    # The unit corrects a station and the next (past) week: its correction is one change for the city.
    with Store.open(work_unit) as unit:
        st = unit.query("station", ListQuery(sort="station_code", limit=1))[0]
        unit.save(replace(unit.get("station", st.id), name=st.name + "改"))
        corrected = export_return(unit, week.next(), tmp_path, correct=True, reason="更正基站名称")
    with Store.open(work_city) as city:
        (report,) = import_files(city, [corrected.path])
        assert report.ok, report.result.messages()
        plan = report.plan.plans["station"]
        assert (len(plan.new), len(plan.changed), len(plan.removed)) == (0, 1, 0)
        assert plan.unchanged == n_stations - 1
        got = city.query("station", ListQuery(search=st.station_code))
        assert [s.name for s in got if s.operator == st.operator] == [st.name + "改"]
