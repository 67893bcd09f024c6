"""The Store: every change validated, transactional, audited; deletes restorable with history."""

from datetime import date, datetime, timedelta

import pytest

from kf5g_desktop.domain.records import Approval
from kf5g_desktop.domain.values import ListQuery
from kf5g_desktop.storage.errors import NotFoundError, ReadOnlyStoreError, StorageError, ValidationFailed
from kf5g_desktop.storage.store import Store
from tests.builders import pole, station, venue


def test_insert_update_delete_restore_leave_audit_rows_naming_the_user(empty_store, clock):
    st = empty_store.save(station(approvals=[Approval("land", date(2020, 10, 1), date(2020, 11, 1))]))
    assert st.id is not None and st.meta.created_by == "测试员"
    assert st.approvals[0].granted_on == date(2020, 11, 1)
    clock.now += timedelta(hours=1)
    st.name = "杞县第一高级中学"
    st.approvals.append(Approval("radio", date(2021, 1, 5)))
    st = empty_store.save(st)
    assert st.meta.updated_at == clock.now
    empty_store.delete("station", st.id)
    with pytest.raises(NotFoundError):
        empty_store.get_station(st.id)
    assert [d.key for d in empty_store.recycle_bin()] == ["中国移动 46000000001 杞县第一高级中学"]
    empty_store.restore("station", st.id)
    assert empty_store.get_station(st.id).name == "杞县第一高级中学"
    hist = empty_store.history("station", st.id)
    assert [h.action for h in hist] == ["insert", "update", "update", "delete", "restore"]
    assert {h.user for h in hist} == {"测试员"}
    name_change = next(h for h in hist if h.field == "name")
    assert (name_change.old, name_change.new, name_change.field_label) == (
        "杞县一中",
        "杞县第一高级中学",
        "基站名称",
    )
    assert next(h for h in hist if h.field == "approvals").new.count(";") == 1


def test_audit_display_uses_labels():
    from kf5g_desktop.domain.values import AuditEntry

    e = AuditEntry(
        1, datetime(2021, 1, 1), "u", "update", "station", 1, "k", "status", "building", "on_air", None
    )
    assert (e.display(e.old), e.display(e.new), e.action_label) == ("在建", "已开通", "修改")


def test_an_unchanged_save_writes_no_audit_rows(empty_store):
    st = empty_store.save(station())
    empty_store.save(st)
    assert len(empty_store.history("station", st.id)) == 1


def test_invalid_records_are_refused_and_nothing_is_written(empty_store):
    with pytest.raises(ValidationFailed) as e:
        empty_store.save(station(lon=34.5, lat=114.7))
    assert any(i.field == "lon" for i in e.value.issues)
    assert "开封市范围" in str(e.value)
    assert empty_store.count("station") == 0


def test_station_code_unique_per_operator_but_reusable_by_another_operator(empty_store):
    empty_store.save(station())
    with pytest.raises(ValidationFailed, match="已被基站"):
        empty_store.save(station(name="另一个"))
    empty_store.save(station(operator="CTCC", name="电信站"))
    assert empty_store.count("station") == 2


def test_a_deleted_code_can_be_reused_and_the_restore_is_then_refused(empty_store):
    st = empty_store.save(station())
    empty_store.delete("station", st.id)
    empty_store.save(station(name="新站"))
    with pytest.raises(StorageError, match="无法恢复"):
        empty_store.restore("station", st.id)


def test_save_many_is_all_or_nothing(empty_store):
    good = station()
    bad = station(station_code="46000000002", on_air=date(2030, 1, 1))
    with pytest.raises(ValidationFailed):
        empty_store.save_many([good, bad])
    assert empty_store.count("station") == 0
    assert empty_store.audit_count() == 0


def test_venue_and_pole_codes_are_assigned_and_links_counted(empty_store):
    v = empty_store.save(venue(name="杞县人民政府", category="government"))
    v2 = empty_store.save(venue(name="杞县人民医院", category="hospital"))
    p = empty_store.save(pole(name="路灯杆1号", sector="municipal", pole_type="streetlight"))
    assert (v.venue_code, v2.venue_code, p.pole_code) == ("CS410221-0001", "CS410221-0002", "GT410221-0001")
    st = empty_store.save(station(venue_id=v.id, pole_id=p.id))
    assert (st.venue_code, st.pole_code) == ("CS410221-0001", "GT410221-0001")
    assert empty_store.get_venue(v.id).station_count == 1
    assert [x.station_count for x in empty_store.query("venue")] == [0, 1]
    with pytest.raises(StorageError, match="还有 1 个基站"):
        empty_store.delete("venue", v.id)


def test_list_queries_filter_sort_and_page_in_sql(empty_store):
    for i in range(30):
        empty_store.save(
            station(
                station_code=f"S{i:03d}",
                name=f"站{i:03d}",
                operator=["CMCC", "CTCC", "CUCC"][i % 3],
                sharing_operators=["CUCC"] if i % 3 == 1 else [],
                status="on_air" if i % 2 else "planned",
                on_air=date(2021, 1, 1) + timedelta(days=i) if i % 2 else None,
            )
        )
    assert empty_store.count("station") == 30
    assert empty_store.count("station", ListQuery(search="站00")) == 10
    assert empty_store.count("station", ListQuery(statuses=["on_air"])) == 15
    # CUCC either builds (i%3==2) or shares (i%3==1).
    assert empty_store.count("station", ListQuery(operators=["CUCC"])) == 20
    page = empty_store.query("station", ListQuery(sort="name", descending=True, offset=5, limit=5))
    assert [s.name for s in page] == [f"站{i:03d}" for i in range(24, 19, -1)]
    dated = empty_store.query(
        "station", ListQuery(date_from=date(2021, 1, 10), date_to=date(2021, 1, 20), sort="on_air")
    )
    assert [s.on_air.day for s in dated] == [10, 12, 14, 16, 18, 20]
    assert empty_store.count("station", ListQuery(search="%")) == 0  # LIKE wildcards are literal


def test_created_on_or_before_shows_the_register_as_it_stood(empty_store, clock):
    empty_store.save(station())
    clock.now = datetime(2021, 2, 20, 9, 0)
    empty_store.save(station(station_code="X2", name="后来的站"))
    assert empty_store.count("station", ListQuery(created_on_or_before=date(2021, 2, 14))) == 1
    assert empty_store.count("station", ListQuery(created_on_or_before=date(2021, 2, 20))) == 2


def test_batch_is_one_transaction_and_can_be_undone(empty_store, clock):
    first = empty_store.save(station())
    clock.now += timedelta(hours=1)
    with empty_store.batch_writer("bulk_import", "运营商清单") as w:
        w.save(station(station_code="B1", name="批量1"))
        first.name = "改名"
        w.save(first)
        batch_id = w.batch_id
    assert empty_store.count("station") == 2
    assert empty_store.undo_batch(batch_id) == 2
    assert empty_store.count("station") == 1
    assert empty_store.get_station(first.id).name == "杞县一中"
    assert empty_store.batches()[0].undone_at is not None
    with pytest.raises(StorageError, match="已于"):
        empty_store.undo_batch(batch_id)


def test_a_failing_batch_writes_nothing(empty_store):
    with pytest.raises(ValidationFailed), empty_store.batch_writer("bulk_import", "x") as w:
        w.save(station())
        w.save(station(station_code="B2", lat=None))
    assert empty_store.count("station") == 0
    assert empty_store.batches() == []


def test_installation_settings_targets_and_week_notes(empty_store):
    inst = empty_store.installation()
    assert (inst.kind, inst.unit_code, inst.user_name, inst.configured) == ("unit", "410221", "测试员", True)
    assert {(t.year, t.value) for t in empty_store.targets() if t.unit_code is None} == {
        (2020, 1500),
        (2021, 2500),
    }
    empty_store.set_target("410221", 2021, "stations_on_air", 300)
    empty_store.set_target("410221", 2021, "stations_on_air", 320)
    assert [t.value for t in empty_store.targets() if t.unit_code == "410221"] == [320]
    from kf5g_desktop.domain.values import WeekNote

    empty_store.save_week_note(WeekNote("410221", "2021-W05", "物业阻挠进场", "李四"))
    assert empty_store.week_note("410221", "2021-W05").problems == "物业阻挠进场"
    assert empty_store.week_note("410221", "2021-W06").problems == ""
    with pytest.raises(StorageError):
        empty_store.setup_installation(kind="unit", unit_code="410211", user_name="x")


def test_reference_data_is_seeded(empty_store):
    assert len(empty_store.units()) == 9
    assert len(empty_store.townships()) == 125
    assert empty_store.unit("410221").is_county and not empty_store.unit("410202").is_county


def test_readonly_store_refuses_writes(tmp_path):
    path = tmp_path / "r.db"
    Store.open(path).close()
    ro = Store.open(path, readonly=True)
    try:
        with pytest.raises(ReadOnlyStoreError):
            ro.save(station())
        assert ro.count("station") == 0
    finally:
        ro.close()


def test_purge_removes_for_good_but_keeps_the_audit(empty_store):
    st = empty_store.save(station())
    empty_store.delete("station", st.id)
    empty_store.purge("station", st.id)
    assert empty_store.recycle_bin() == []
    assert empty_store.history("station", st.id)[-1].action == "purge"


def test_check_reports_invalid_rows_written_behind_the_stores_back(empty_store):
    st = empty_store.save(station())
    with empty_store.session() as s:
        from sqlalchemy import text

        s.execute(text("UPDATE station SET lat = 40.0 WHERE id = :i"), {"i": st.id})
    problems = empty_store.check()
    assert len(problems) == 1 and problems[0].issue.field == "lat"


@pytest.mark.parametrize("engine_kind", ["sqlite"])  # SQLite's file format
def test_new_database_has_8k_pages_and_wal(empty_store):
    import sqlite3

    con = sqlite3.connect(empty_store.path)
    try:
        assert con.execute("PRAGMA page_size").fetchone()[0] == 8192
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        con.close()
