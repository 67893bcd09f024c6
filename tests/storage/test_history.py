"""The registers keep every version: each write path makes one, and reads as at a moment see them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from kf5g_desktop.domain.records import Approval
from kf5g_desktop.domain.values import ListQuery
from tests import builders

T0 = datetime(2021, 2, 8, 9, 0)


def _names(store, at):
    return sorted(s.name for s in store.query("station", ListQuery(), at=at))


def test_save_update_delete_restore_purge_each_make_a_version(empty_store, clock):
    store = empty_store
    clock.now = T0
    st = store.save(builders.station(name="甲", approvals=[Approval("land", date(2021, 1, 5))]))
    clock.now = T0 + timedelta(hours=1)
    st = store.save(replace(st, name="乙", approvals=[Approval("land", date(2021, 1, 5), date(2021, 1, 20))]))
    clock.now = T0 + timedelta(hours=2)
    store.delete("station", st.id)
    clock.now = T0 + timedelta(hours=3)
    store.restore("station", st.id)
    clock.now = T0 + timedelta(hours=4)
    store.delete("station", st.id)
    store.purge("station", st.id)
    assert store.history_out_of_step() == []

    assert _names(store, T0 - timedelta(seconds=1)) == []
    assert _names(store, T0 + timedelta(minutes=30)) == ["甲"]
    assert _names(store, T0 + timedelta(minutes=90)) == ["乙"]
    assert _names(store, T0 + timedelta(minutes=150)) == []  # in the recycle bin then
    assert _names(store, T0 + timedelta(minutes=210)) == ["乙"]
    assert _names(store, T0 + timedelta(hours=5)) == []  # purged
    early = store.approvals_for(at=T0 + timedelta(minutes=30))
    late = store.approvals_for(at=T0 + timedelta(minutes=90))
    assert [a.granted_on for a in early[st.id]] == [None]
    assert [a.granted_on for a in late[st.id]] == [date(2021, 1, 20)]
    versions = store.versions("station", st.id)
    assert [v.row["name"] for v in versions] == ["甲", "乙", "乙", "乙"]
    assert [v.row["deleted_at"] is None for v in versions] == [True, True, False, True]
    assert versions[-1].valid_to == T0 + timedelta(hours=4)  # purged: no version from then on


def test_bulk_insert_and_batch_undo_are_versioned(empty_store, clock):
    store = empty_store
    clock.now = T0
    with store.batch_writer("bulk", "测试批次") as w:
        w.insert_many("station", [builders.numbered_station(i) for i in range(1, 6)])
        batch_id = w.batch_id
    clock.now = T0 + timedelta(days=1)
    store.undo_batch(batch_id)
    assert store.history_out_of_step() == []
    assert len(_names(store, T0 + timedelta(hours=1))) == 5
    assert _names(store, T0 + timedelta(days=2)) == []


def test_a_moment_per_unit_reads_each_unit_as_at_its_own_moment(empty_store, clock):
    store = empty_store
    clock.now = T0
    store.save(builders.station(name="杞县站"))
    store.save(builders.station(name="通许站", unit_code="410222", station_code="X2", township_code="410222001"))
    clock.now = T0 + timedelta(days=1)
    qi = store.query("station", ListQuery(search="杞县站"))[0]
    store.save(replace(qi, name="杞县站（改）"))
    moments = {"410221": T0 + timedelta(hours=1), "410222": T0 + timedelta(days=2)}
    assert _names(store, moments) == ["杞县站", "通许站"]
    assert _names(store, {"410221": T0 + timedelta(days=2)}) == ["杞县站（改）"]
