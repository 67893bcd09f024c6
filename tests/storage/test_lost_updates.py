"""No lost updates: every record carries a version; an update, delete or batch undo made from a copy
that somebody else changed since is refused with who changed it and when, and nothing of it is
written."""

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from kf5g_desktop.domain.records import Approval
from kf5g_desktop.storage.errors import ConflictError, NotFoundError
from kf5g_desktop.storage.store import Store
from tests.builders import pole, station, venue
from tests.conftest import Clock

AT = datetime(2021, 2, 8, 10, 42, 5)


def _open(path, user, clock):
    return Store.open(path, user=user, clock=clock)


@pytest.fixture
def shared(tmp_path):
    """One database file used in turn by two people (the one-writer lock: one at a time)."""
    path = tmp_path / "kf5g.db"
    clock = Clock(AT - timedelta(hours=1))
    with _open(path, "李四", clock) as s:
        s.setup_installation(kind="unit", unit_code="410221", user_name="李四")
        sid = s.save(station(approvals=[Approval("land", date(2020, 10, 1))])).id
    return path, clock, sid


def test_the_second_save_of_the_same_version_is_refused_and_overwrites_nothing(shared):
    path, clock, sid = shared
    with _open(path, "李四", clock) as s:
        mine = s.get_station(sid)  # 李四 opens the form
    assert mine.meta.version == 1
    clock.now = AT
    with _open(path, "张三", clock) as s:
        theirs = s.get_station(sid)
        theirs.name = "张三改的站名"
        saved = s.save(theirs)
        assert saved.meta.version == 2 and saved.meta.updated_by == "张三"
    clock.now = AT + timedelta(minutes=3)
    mine.address = "李四改的地址"
    with _open(path, "李四", clock) as s:
        audit_before = len(s.history("station", sid))
        with pytest.raises(ConflictError) as e:
            s.save(mine)
        assert str(e.value).startswith("此记录已被 张三 于 10:42 修改，您的修改未保存。")
        assert "重新载入" in str(e.value)
        assert (e.value.by, e.value.at, e.value.version, e.value.deleted) == (
            "张三",
            AT.replace(microsecond=0),
            2,
            False,
        )
        now = s.get_station(sid)
        assert (now.name, now.address, now.meta.version) == ("张三改的站名", None, 2)
        assert len(s.history("station", sid)) == audit_before
        assert len(s.versions("station", sid)) == 2
        # reloaded, the same change goes through
        again = s.get_station(sid)
        again.address = "李四改的地址"
        assert s.save(again).meta.version == 3
        assert [v.row["version"] for v in s.versions("station", sid)] == [1, 2, 3]
        assert s.history_out_of_step() == []


def test_a_save_that_changes_nothing_keeps_the_version_and_approvals_count(empty_store, clock):
    st = empty_store.save(station())
    assert empty_store.save(st).meta.version == 1
    clock.now += timedelta(minutes=5)
    st.approvals = [Approval("radio", date(2021, 1, 5))]
    st = empty_store.save(st)
    assert st.meta.version == 2  # only the approvals changed: the station's version moves
    stale = replace(st, meta=replace(st.meta, version=1))
    stale.approvals = []
    with pytest.raises(ConflictError):
        empty_store.save(stale)
    assert [a.item for a in empty_store.get_station(st.id).approvals] == ["radio"]


def test_saved_by_someone_on_another_day_says_the_day(empty_store, clock):
    v = empty_store.save(venue())
    copy = empty_store.get("venue", v.id)
    clock.now = datetime(2021, 2, 5, 16, 7)
    v.name = "改名的场所"
    empty_store.save(v)
    clock.now = datetime(2021, 2, 8, 9, 0)
    copy.owner = "别的单位"
    with pytest.raises(ConflictError, match="此记录已被 测试员 于 2月5日 16:07 修改"):
        empty_store.save(copy)


def test_deleted_meanwhile_is_said_so(empty_store, clock):
    p = empty_store.save(pole())
    clock.now += timedelta(minutes=1)
    empty_store.delete("pole", p.id)
    p.name = "改名"
    with pytest.raises(ConflictError, match="此记录已被 测试员 于 09:31 删除") as e:
        empty_store.save(p)
    assert e.value.deleted and "回收站" in str(e.value)
    # a copy of no known version (a script's) gets the plain message
    with pytest.raises(NotFoundError):
        empty_store.save(replace(p, meta=replace(p.meta, version=None)))


def test_delete_and_restore_move_the_version_and_a_stale_delete_is_refused(empty_store, clock):
    st = empty_store.save(station())
    listed = empty_store.query("station")[0]
    assert listed.meta.version == 1
    clock.now += timedelta(minutes=1)
    st.name = "新名"
    empty_store.save(st)
    with pytest.raises(ConflictError, match="修改"):
        empty_store.delete("station", listed.id, version=listed.meta.version)
    assert empty_store.get_station(st.id).meta.deleted_at is None
    empty_store.delete("station", st.id, version=2)
    empty_store.restore("station", st.id)
    assert empty_store.get_station(st.id).meta.version == 4


def test_a_purged_venue_moves_the_version_of_the_stations_it_unlinks(empty_store):
    v = empty_store.save(venue())
    st = empty_store.save(station(venue_id=v.id))
    empty_store.delete("station", st.id)  # in the bin, still linked
    empty_store.delete("venue", v.id)
    empty_store.purge("venue", v.id)
    gone = empty_store.get("station", st.id, include_deleted=True)
    assert (gone.venue_id, gone.meta.version) == (None, 3)


def test_batch_undo_moves_the_version_of_what_it_undoes(empty_store, clock):
    st = empty_store.save(station())
    with empty_store.batch_writer("bulk", "test") as w:
        w.save(replace(st, name="批次改名"))
        batch = w.batch_id
    before_undo = empty_store.get_station(st.id)
    assert before_undo.meta.version == 2
    clock.now += timedelta(minutes=2)
    empty_store.undo_batch(batch)
    now = empty_store.get_station(st.id)
    assert (now.name, now.meta.version, now.meta.updated_by) == (st.name, 3, "测试员")
    before_undo.notes = "在撤销前打开的表单"
    with pytest.raises(ConflictError, match="于 09:32 修改"):
        empty_store.save(before_undo)
    assert empty_store.history_out_of_step() == []


def test_a_change_after_a_batch_still_blocks_its_undo(empty_store, clock):
    st = empty_store.save(station())
    with empty_store.batch_writer("bulk", "test") as w:
        w.save(replace(st, name="批次改名"))
        batch = w.batch_id
    cur = empty_store.get_station(st.id)
    cur.notes = "之后手工改的"
    empty_store.save(cur)
    from kf5g_desktop.storage.errors import StorageError

    with pytest.raises(StorageError, match="又被修改过"):
        empty_store.undo_batch(batch)
    assert empty_store.get_station(st.id).notes == "之后手工改的"


def test_an_update_that_meets_another_version_in_the_database_is_refused(empty_store):
    """The version is also in the UPDATE's WHERE clause (SQLAlchemy's version_id_col): a change made
    by another connection between reading the row and writing it (a server with many writers) is
    not overwritten either. Simulated here inside one transaction by a statement that goes round
    the ORM."""
    from sqlalchemy import text

    from kf5g_desktop.storage.models import StationRow

    st = empty_store.save(station())
    refused = pytest.raises(ConflictError, match="此记录已被 其他用户 修改，您的修改未保存")
    with refused, empty_store.session(write=True) as s:
        row = s.get(StationRow, st.id)
        s.execute(text("UPDATE station SET version = version + 1, name = '别人改的' WHERE id = :i"), {"i": st.id})
        row.name, row.version = "我改的", row.version + 1
        s.flush()
    now = empty_store.get_station(st.id)
    assert (now.name, now.meta.version) == (st.name, 1)  # the whole transaction was rolled back
