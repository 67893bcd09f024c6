"""What each group may do on a server database, path by path as the window offers it (the storage
calls the window makes): a 填报 login gets through every write path a data-entry officer has —
record forms, the recycle bin, bulk import with its saved column mapping, return import, undoing a
batch, declaring a batch's coordinate system, the week's note, exporting the return — with the
audit log's "who" its own login; the settings that are the 管理员's are refused in Chinese. A 查看
login reads every screen (lists, as at a past week, a record with its history, home figures, map,
batches, recycle bin, submissions, the return and the report) and saves nothing, not even a
column mapping, also with its own SQL client."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kf5g_desktop.domain import coords
from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.domain.records import Approval
from kf5g_desktop.domain.schema import POLE, STATION, VENUE
from kf5g_desktop.domain.values import ListQuery, WeekNote
from kf5g_desktop.returns import bulk
from kf5g_desktop.returns.export import export_return
from kf5g_desktop.returns.importer import import_files
from kf5g_desktop.storage import server
from kf5g_desktop.storage.errors import ReadOnlyStoreError
from kf5g_desktop.storage.store import Store
from tests.builders import pole, station, venue
from tests.conftest import Clock
from tests.pg import office_database
from tests.returns import factory
from tests.storage.station_lists import write_station_list

W05 = IsoWeek(2021, 5)
PEOPLE = (("吴管理", "管理员"), ("孙填报", "填报"), ("周查看", "查看"))


def _office(cluster, *, kind: str, unit_code: str | None) -> str:
    return office_database(cluster, dict(PEOPLE), kind=kind, unit_code=unit_code)


@pytest.fixture
def unit_office(pg_cluster, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    name = _office(pg_cluster, kind="unit", unit_code="410221")
    yield name
    pg_cluster.drop_database(name)


def _psycopg(cluster, db, user):
    import psycopg

    return psycopg.connect(host=str(cluster.socket_dir), dbname=db, user=user, autocommit=True)


# (b) the bulk-import column mapping ------------------------------------------------------------------


def test_entry_saves_their_bulk_mapping_a_viewer_may_not(pg_cluster, unit_office, tmp_path):
    import psycopg

    url = pg_cluster.url
    csv_file = tmp_path / "移动清单.csv"
    with Store.open(url(unit_office, "孙填报")) as entry:
        write_station_list(csv_file, entry, "410221", 8, seed=1)
        pv = bulk.load_and_preview(entry, csv_file, "stations", mapping={"name": "站名"})
        bulk.save_mapping(entry, pv.kind, pv.table.headers, pv.mapping, coords.GCJ02)
        assert bulk.saved_mapping(entry, STATION)["name"] == "站名"
        assert bulk.saved_coord_system(entry, STATION) == coords.GCJ02
        bulk.save_mapping(entry, pv.kind, pv.table.headers, pv.mapping, coords.WGS84)  # and again: an update
        assert bulk.saved_coord_system(entry, STATION) == coords.WGS84
        # the installation's settings stay the 管理员's
        with pytest.raises(server.PermissionDeniedError, match="孙填报") as e:
            entry.set_settings({"user_name": "孙填报", bulk.mapping_setting(VENUE): "{}"})
        assert "管理员" in str(e.value)
        assert entry.installation().user_name == "专班"
        assert bulk.saved_mapping(entry, VENUE) == {}  # all or nothing
    with Store.open(url(unit_office, "周查看")) as viewer:
        assert bulk.saved_mapping(viewer, STATION)["name"] == "站名"  # the viewer's preview uses it
        with pytest.raises(ReadOnlyStoreError):
            bulk.save_mapping(viewer, STATION, pv.table.headers, pv.mapping, coords.BD09)
        viewer._readonly = False  # as if the program's check were gone: the server refuses
        with pytest.raises(server.PermissionDeniedError, match="周查看"):
            bulk.save_mapping(viewer, STATION, pv.table.headers, pv.mapping, coords.BD09)
    # with their own SQL clients: 填报 writes mapping keys only, never deletes; 查看 nothing
    with _psycopg(pg_cluster, unit_office, "孙填报") as c:
        c.execute("INSERT INTO setting (key, value) VALUES ('bulk_mapping.pole', '{}')")
        for sql in (
            "UPDATE setting SET value = 'x' WHERE key = 'user_name'",
            "INSERT INTO setting (key, value) VALUES ('deadline_hours_after_period', '99')",
            "UPDATE setting SET key = 'unit_code' WHERE key = 'bulk_mapping.pole'",
            "DELETE FROM setting",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                c.execute(sql)
    with _psycopg(pg_cluster, unit_office, "周查看") as c:
        for sql in (
            "INSERT INTO setting (key, value) VALUES ('bulk_mapping.venue', '{}')",
            "UPDATE setting SET value = '{}' WHERE key = 'bulk_mapping.station'",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                c.execute(sql)
    with _psycopg(pg_cluster, unit_office, "吴管理") as c:  # the 管理员 keeps every setting
        c.execute("UPDATE setting SET value = '40' WHERE key = 'deadline_hours_after_period'")
        c.execute("INSERT INTO setting (key, value) VALUES ('deadline_hours_after_period', '40') "
                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value")  # fmt: skip
        c.execute("DELETE FROM setting WHERE key = 'bulk_mapping.pole'")


def test_the_command_line_saves_a_mapping_as_entry(pg_cluster, unit_office, tmp_path):
    from kf5g_desktop.cli.main import run

    csv_file = tmp_path / "清单.csv"
    with Store.open(pg_cluster.url(unit_office, "孙填报")) as entry:
        write_station_list(csv_file, entry, "410221", 5, seed=2)
    url = pg_cluster.url(unit_office, "孙填报")
    argv = [
        "bulk-import",
        str(csv_file),
        "--register",
        "stations",
        "--db",
        url,
        "--dry-run",
        "--save-mapping",
    ]
    assert run([*argv, "--map", "name=站名", "--coords", "gcj02"]) == 0
    with Store.open(url) as entry:
        assert bulk.saved_coord_system(entry, STATION) == coords.GCJ02


# (c) every write path of a 填报 login -----------------------------------------------------------------


def test_entry_gets_through_every_write_path_of_the_window(pg_cluster, unit_office, tmp_path):
    clock = Clock(datetime(2021, 2, 5, 10, 0))
    url = pg_cluster.url(unit_office, "孙填报")
    with Store.open(url, clock=clock) as s:
        assert not s.readonly
        # forms: a new record of each kind (venue and pole codes assigned by the store), edits
        v = s.save(venue(name="杞县人民政府", category="government"))
        p = s.save(pole(name="路灯杆1号", sector="municipal", pole_type="streetlight"))
        assert v.venue_code == "CS410221-0001" and p.pole_code == "GT410221-0001"
        st = s.save(station(approvals=[Approval("land", date(2020, 10, 1), None)], venue_id=v.id))
        st.approvals[0] = Approval("land", date(2020, 10, 1), date(2020, 11, 2))
        st.name = "杞县一中新址"
        st = s.save(st)
        assert st.meta.version == 2
        # the recycle bin: delete, restore, delete again and purge
        s.delete(POLE, p.id)
        assert [(d.id, d.deleted_by) for d in s.recycle_bin()] == [(p.id, "孙填报")]
        s.restore(POLE, p.id)
        s.delete(POLE, p.id)
        s.purge(POLE, p.id)
        assert s.recycle_bin() == []
        # bulk import (the mapping saved with it), its coordinate system declared, both undone
        csv_file = tmp_path / "清单.csv"
        keys = write_station_list(csv_file, s, "410221", 20, seed=3)
        pv = bulk.load_and_preview(s, csv_file, "stations")
        bulk.save_mapping(s, pv.kind, pv.table.headers, pv.mapping, pv.coord_system)
        batch = bulk.commit(s, pv)
        assert {(r.operator, r.station_code) for r in s.query(STATION)} >= keys
        declared = s.declare_batch_coords(batch, coords.GCJ02)
        assert declared.converted == 20
        assert s.undo_batch(declared.batch_id) == 20
        more = tmp_path / "清单2.csv"
        write_station_list(more, s, "410221", 5, seed=4, first=100)
        second = bulk.commit(s, bulk.load_and_preview(s, more, "stations"))
        assert s.count(STATION) == 26
        assert s.undo_batch(second) == 5
        assert s.count(STATION) == 21
        # the week's note and the weekly return (recorded as a submission)
        s.save_week_note(WeekNote("410221", str(W05), "电力配套滞后", "审核人"))
        made = export_return(s, W05, tmp_path / "out")
        assert made.path.exists()
        (sub,) = s.submissions(direction="export")
        assert sub.user == "孙填报"
        who = {e.user for e in s.audit_log(limit=10_000)}
        assert who == {"孙填报"}  # every change under the officer's own login
        assert {b.created_by for b in s.batches()} == {"孙填报"}
        assert s.history_out_of_step() == []
        # what stays the 管理员's: the installation, targets, keys
        for refused in (
            lambda: s.setup_installation(kind="unit", unit_code="410221", user_name="孙填报"),
            lambda: s.set_target("410221", 2021, "stations", 5),
            lambda: s.set_unit_key("410221", "ab" * 32),
        ):
            with pytest.raises(server.PermissionDeniedError, match="当前登录“孙填报”没有修改这项数据的权限"):
                refused()


def test_entry_imports_a_units_return_into_the_citys_server_database(pg_cluster, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    unit = factory.open_store(tmp_path / "unit" / "kf5g.db", unit="410222")
    try:
        factory.make_records(unit, "410222", 15, seed=4)
        path = export_return(unit, W05, tmp_path / "out").path
        expected = unit.count(STATION)
    finally:
        unit.close()
    name = _office(pg_cluster, kind="city", unit_code=None)
    try:
        with Store.open(pg_cluster.url(name, "周查看")) as viewer:  # a 查看 login may not import
            (rep,) = import_files(viewer, [path])
            assert not rep.ok and rep.outcome is None and rep.error, rep
            assert "只读" in rep.error, rep.error
            assert viewer.count(STATION) == 0 and viewer.submissions() == []
        with Store.open(pg_cluster.url(name, "孙填报"), clock=Clock(datetime(2021, 2, 8, 10, 0))) as city:
            (rep,) = import_files(city, [path])
            assert rep.ok and rep.outcome is not None and rep.outcome.applied, rep.error
            assert city.count(STATION, ListQuery(unit_codes=["410222"])) == expected
            (sub,) = city.submissions(direction="import")
            assert (sub.unit_code, sub.user) == ("410222", "孙填报")
            assert city.undo_batch(sub.batch_id) > 0  # the city undoes a wrong import
            assert city.count(STATION, ListQuery(unit_codes=["410222"])) == 0
    finally:
        pg_cluster.drop_database(name)


# (c) every read screen of a 查看 login -------------------------------------------------------------------


def test_a_viewer_reads_every_screen_and_writes_nothing(pg_cluster, unit_office, tmp_path):
    from kf5g_desktop.cli.main import run
    from kf5g_desktop.reports import dashboard, weekly

    clock = Clock(datetime(2021, 2, 5, 10, 0))
    with Store.open(pg_cluster.url(unit_office, "孙填报"), clock=clock) as entry:
        factory.make_records(entry, "410221", 12, seed=5)
        first = entry.get_station(entry.query(STATION, ListQuery(sort="name"))[0].id)
        old_name = first.name
        clock.now = datetime(2021, 2, 10, 9, 0)  # after W05's cut-off
        first.name += "（更名）"
        entry.save(first)
        csv_file = tmp_path / "清单.csv"
        write_station_list(csv_file, entry, "410221", 6, seed=6)
        bulk.commit(entry, bulk.load_and_preview(entry, csv_file, "stations"))
        entry.delete(STATION, first.id)
        before = entry.audit_count()
        n_now = entry.count(STATION)
    url = pg_cluster.url(unit_office, "周查看")
    with Store.open(url, clock=Clock(datetime(2021, 2, 10, 10, 0))) as v:
        assert v.readonly and v.user == "周查看"
        # lists: search, filters, sort, a page; as at a past week
        assert v.count(STATION) == n_now
        assert len(v.query(STATION, ListQuery(search="清单", sort="name", limit=3))) == 3
        assert v.query(STATION, ListQuery(operators=["CMCC"], statuses=["on_air"]))
        moment = v.week_moment(W05)
        assert moment is not None
        assert v.count(STATION, at=moment) == n_now - 6 + 1  # before the list and the delete
        assert v.get_at(STATION, first.id, at=moment).name == old_name
        # a record with its history and versions; the recycle bin
        assert [e.action for e in v.history(STATION, first.id)] == ["insert", "update", "delete"]
        assert [x.row["name"] for x in v.versions(STATION, first.id)] == [old_name, first.name]
        assert [d.id for d in v.recycle_bin()] == [first.id]
        # home figures, map, batches, submissions, near duplicates, the week's basis
        assert dashboard.compute(v, W05, "410221", "all") is not None
        assert len(v.map_points(STATION, "410221").ids) == n_now
        assert len(v.batches()) == 1
        assert v.submissions() == []
        assert v.week_basis(W05) is not None
        assert weekly.gather(v, W05, "410221") is not None
        # the window's preview of a bulk list reads only
        assert bulk.load_and_preview(v, csv_file, "stations").rows
    # the command line: export, report, check and backup read only
    assert run(["export", "--db", url, "--week", str(W05), "-o", str(tmp_path / "ret")]) == 0
    assert run(["report", "--db", url, "--week", str(W05), "--pdf", str(tmp_path / "r.pdf")]) == 0
    assert (tmp_path / "r.pdf").stat().st_size > 10_000
    assert run(["check", "--db", url]) in (0, 1)
    with Store.open(url) as v:
        assert v.audit_count() == before and v.submissions() == []  # nothing recorded, nothing changed
