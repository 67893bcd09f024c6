"""The Store: every change validated, transactional, audited; deletes restorable with history."""

from datetime import date, datetime, timedelta

import pytest

from kf5g_desktop.domain.records import Approval, Pole, Station, Venue
from kf5g_desktop.domain.values import ListQuery
from kf5g_desktop.storage.errors import NotFoundError, ReadOnlyStoreError, StorageError, ValidationFailed
from kf5g_desktop.storage.store import Store


def station(**kw):
    base = dict(
        unit_code="410221",
        station_code="46000000001",
        operator="CMCC",
        name="杞县一中",
        status="on_air",
        station_type="macro",
        township_code="410221101",
        build_mode="new",
        lon=114.78,
        lat=34.55,
        on_air=date(2021, 2, 3),
        network_mode="SA",
        power_supply="direct",
    )
    base.update(kw)
    return Station(**base)


def test_insert_update_delete_restore_leave_audit_rows_naming_the_user(store, clock):
    st = store.save(station(approvals=[Approval("land", date(2020, 10, 1), date(2020, 11, 1))]))
    assert st.id is not None and st.meta.created_by == "测试员"
    assert st.approvals[0].granted_on == date(2020, 11, 1)
    clock.now += timedelta(hours=1)
    st.name = "杞县第一高级中学"
    st.approvals.append(Approval("radio", date(2021, 1, 5)))
    st = store.save(st)
    assert st.meta.updated_at == clock.now
    store.delete("station", st.id)
    with pytest.raises(NotFoundError):
        store.get_station(st.id)
    assert [d.key for d in store.recycle_bin()] == ["中国移动 46000000001 杞县第一高级中学"]
    store.restore("station", st.id)
    assert store.get_station(st.id).name == "杞县第一高级中学"
    hist = store.history("station", st.id)
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


def test_an_unchanged_save_writes_no_audit_rows(store):
    st = store.save(station())
    store.save(st)
    assert len(store.history("station", st.id)) == 1


def test_invalid_records_are_refused_and_nothing_is_written(store):
    with pytest.raises(ValidationFailed) as e:
        store.save(station(lon=34.5, lat=114.7))
    assert any(i.field == "lon" for i in e.value.issues)
    assert "开封市范围" in str(e.value)
    assert store.count("station") == 0


def test_station_code_unique_per_operator_but_reusable_by_another_operator(store):
    store.save(station())
    with pytest.raises(ValidationFailed, match="已被基站"):
        store.save(station(name="另一个"))
    store.save(station(operator="CTCC", name="电信站"))
    assert store.count("station") == 2


def test_a_deleted_code_can_be_reused_and_the_restore_is_then_refused(store):
    st = store.save(station())
    store.delete("station", st.id)
    store.save(station(name="新站"))
    with pytest.raises(StorageError, match="无法恢复"):
        store.restore("station", st.id)


def test_save_many_is_all_or_nothing(store):
    good = station()
    bad = station(station_code="46000000002", on_air=date(2030, 1, 1))
    with pytest.raises(ValidationFailed):
        store.save_many([good, bad])
    assert store.count("station") == 0
    assert store.audit_count() == 0


def test_venue_and_pole_codes_are_assigned_and_links_counted(store):
    v = store.save(Venue(unit_code="410221", name="杞县人民政府", category="government"))
    v2 = store.save(Venue(unit_code="410221", name="杞县人民医院", category="hospital"))
    p = store.save(Pole(unit_code="410221", name="路灯杆1号", sector="municipal", pole_type="streetlight"))
    assert (v.venue_code, v2.venue_code, p.pole_code) == ("CS410221-0001", "CS410221-0002", "GT410221-0001")
    st = store.save(station(venue_id=v.id, pole_id=p.id))
    assert (st.venue_code, st.pole_code) == ("CS410221-0001", "GT410221-0001")
    assert store.get_venue(v.id).station_count == 1
    assert [x.station_count for x in store.query("venue")] == [0, 1]
    with pytest.raises(StorageError, match="还有 1 个基站"):
        store.delete("venue", v.id)


def test_list_queries_filter_sort_and_page_in_sql(store):
    for i in range(30):
        store.save(
            station(
                station_code=f"S{i:03d}",
                name=f"站{i:03d}",
                operator=["CMCC", "CTCC", "CUCC"][i % 3],
                sharing_operators=["CUCC"] if i % 3 == 1 else [],
                status="on_air" if i % 2 else "planned",
                on_air=date(2021, 1, 1) + timedelta(days=i) if i % 2 else None,
            )
        )
    assert store.count("station") == 30
    assert store.count("station", ListQuery(search="站00")) == 10
    assert store.count("station", ListQuery(statuses=["on_air"])) == 15
    # CUCC either builds (i%3==2) or shares (i%3==1).
    assert store.count("station", ListQuery(operators=["CUCC"])) == 20
    page = store.query("station", ListQuery(sort="name", descending=True, offset=5, limit=5))
    assert [s.name for s in page] == [f"站{i:03d}" for i in range(24, 19, -1)]
    dated = store.query(
        "station", ListQuery(date_from=date(2021, 1, 10), date_to=date(2021, 1, 20), sort="on_air")
    )
    assert [s.on_air.day for s in dated] == [10, 12, 14, 16, 18, 20]
    assert store.count("station", ListQuery(search="%")) == 0  # LIKE wildcards are literal


def test_created_on_or_before_shows_the_register_as_it_stood(store, clock):
    store.save(station())
    clock.now = datetime(2021, 2, 20, 9, 0)
    store.save(station(station_code="X2", name="后来的站"))
    assert store.count("station", ListQuery(created_on_or_before=date(2021, 2, 14))) == 1
    assert store.count("station", ListQuery(created_on_or_before=date(2021, 2, 20))) == 2


def test_batch_is_one_transaction_and_can_be_undone(store, clock):
    first = store.save(station())
    clock.now += timedelta(hours=1)
    with store.batch_writer("bulk_import", "运营商清单") as w:
        w.save(station(station_code="B1", name="批量1"))
        first.name = "改名"
        w.save(first)
        batch_id = w.batch_id
    assert store.count("station") == 2
    assert store.undo_batch(batch_id) == 2
    assert store.count("station") == 1
    assert store.get_station(first.id).name == "杞县一中"
    assert store.batches()[0].undone_at is not None
    with pytest.raises(StorageError, match="已于"):
        store.undo_batch(batch_id)


def test_a_failing_batch_writes_nothing(store):
    with pytest.raises(ValidationFailed), store.batch_writer("bulk_import", "x") as w:
        w.save(station())
        w.save(station(station_code="B2", lat=None))
    assert store.count("station") == 0
    assert store.batches() == []


def test_installation_settings_targets_and_week_notes(store):
    inst = store.installation()
    assert (inst.kind, inst.unit_code, inst.user_name, inst.configured) == ("unit", "410221", "测试员", True)
    assert {(t.year, t.value) for t in store.targets() if t.unit_code is None} == {(2020, 1500), (2021, 2500)}
    store.set_target("410221", 2021, "stations_on_air", 300)
    store.set_target("410221", 2021, "stations_on_air", 320)
    assert [t.value for t in store.targets() if t.unit_code == "410221"] == [320]
    from kf5g_desktop.domain.values import WeekNote

    store.save_week_note(WeekNote("410221", "2021-W05", "物业阻挠进场", "李四"))
    assert store.week_note("410221", "2021-W05").problems == "物业阻挠进场"
    assert store.week_note("410221", "2021-W06").problems == ""
    with pytest.raises(StorageError):
        store.setup_installation(kind="unit", unit_code="410211", user_name="x")


def test_reference_data_is_seeded(store):
    assert len(store.units()) == 9
    assert len(store.townships()) == 125
    assert store.unit("410221").is_county and not store.unit("410202").is_county


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


def test_purge_removes_for_good_but_keeps_the_audit(store):
    st = store.save(station())
    store.delete("station", st.id)
    store.purge("station", st.id)
    assert store.recycle_bin() == []
    assert store.history("station", st.id)[-1].action == "purge"


def test_check_reports_invalid_rows_written_behind_the_stores_back(store):
    st = store.save(station())
    with store.session() as s:
        from sqlalchemy import text

        s.execute(text("UPDATE station SET lat = 40.0 WHERE id = :i"), {"i": st.id})
    problems = store.check()
    assert len(problems) == 1 and problems[0].issue.field == "lat"


def test_new_database_has_8k_pages_and_wal(store):
    import sqlite3

    con = sqlite3.connect(store.path)
    try:
        assert con.execute("PRAGMA page_size").fetchone()[0] == 8192
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        con.close()
