"""BatchWriter.insert_many: bulk insert, audited in the batch, back-dated, undoable as one."""

from __future__ import annotations

from datetime import date, datetime

from kf5g_desktop.domain.records import Approval, Station
from kf5g_desktop.storage.store import Store


def test_insert_many_audited_backdated_and_undoable(new_db):
    store = Store.open(new_db("a.db", "tester"), user="tester", clock=lambda: datetime(2021, 2, 7, 10, 0))
    recs = [
        Station(
            unit_code="410221",
            station_code=f"S{i}",
            operator="CMCC",
            name=f"站{i}",
            status="planned",
            approvals=[Approval("land", date(2021, 1, 4), None)],
        )
        for i in range(3)
    ]
    with store.batch_writer("test", "bulk") as w:
        ids = w.insert_many("station", recs, created_at=datetime(2021, 1, 31, 12, 0))
        batch = w.batch_id
    assert [r.id for r in recs] == ids
    got = store.get_station(ids[1])
    assert got.station_code == "S1" and got.meta.created_at == datetime(2021, 1, 31, 12, 0)
    assert [a.item for a in got.approvals] == ["land"]
    hist = store.history("station", ids[1])
    assert hist[0].action == "insert" and hist[0].batch_id == batch and "S1" in (hist[0].new or "")
    assert store.undo_batch(batch) == 3
    assert store.count("station") == 0
    store.close()


def _raw(path, sql):
    import sqlite3

    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_insert_many_stores_exactly_what_save_stores(tmp_path, demo_db):
    """The bulk path writes SQL itself: every stored value and type, and every audit snapshot, must be
    the same as that of the ordinary validated save."""
    import json
    from dataclasses import replace

    from kf5g_desktop.domain.schema import POLE, STATION, VENUE
    from kf5g_desktop.domain.values import ListQuery

    now = datetime(2026, 1, 5, 10, 0)  # after every demo date
    with Store.open(demo_db[0], user="x", readonly=True) as demo:
        q = ListQuery(unit_codes=["410221"], limit=150)
        venues = demo.query(VENUE, q)
        poles = demo.query(POLE, q)
        stations = demo.query(STATION, q)
        approvals = demo.approvals_for([s.id for s in stations])
        for s in stations:  # links point at the demo's ids: dropped
            s.venue_id = s.pole_id = None
            s.approvals = [replace(a, id=None) for a in approvals.get(s.id, [])]
    assert any(s.approvals for s in stations) and any(s.lon for s in stations)
    assert any(v.free is False for v in venues) or any(v.free for v in venues)
    paths = []
    for how in ("save", "bulk"):
        path = tmp_path / f"{how}.db"
        st = Store.open(path, user="测试员", clock=lambda: now)
        st.setup_installation(kind="city", unit_code=None, user_name="测试员")
        with st.batch_writer("test", how) as w:
            for kind, recs in ((VENUE, venues), (POLE, poles), (STATION, stations)):
                fresh = [replace(r, id=None) for r in recs]
                if how == "save":
                    for r in fresh:
                        w.save(r)
                else:
                    w.insert_many(kind, fresh)
        st.close()
        paths.append(path)
    for table in ("station", "venue", "pole", "approval"):
        cols = [r[1] for r in _raw(paths[0], f"PRAGMA table_info({table})")]
        sel = ", ".join(f'"{c}", typeof("{c}")' for c in cols)
        a, b = (_raw(p, f"SELECT {sel} FROM {table} ORDER BY id") for p in paths)
        assert len(a) == len(b) > 0
        assert a == b, table
    audit = "SELECT at, user, action, table_name, record_id, record_key, field, old, new FROM audit_log ORDER BY id"
    a, b = (_raw(p, audit) for p in paths)
    assert len(a) == len(b) == len(venues) + len(poles) + len(stations)
    for ra, rb in zip(a, b, strict=True):
        assert ra[:8] == rb[:8]
        assert json.loads(ra[8]) == json.loads(rb[8])


def test_insert_many_writes_odd_user_names_exactly(tmp_path):
    """The batch's constants (user, times) go into the SQL as literals: quotes must survive, and a
    name a literal cannot hold (NUL) is bound instead."""
    for i, user in enumerate(('O\'Neil "x" ?; --', "张\x00三")):
        store = Store.open(tmp_path / f"u{i}.db", user=user, clock=lambda: datetime(2021, 2, 7, 10, 0))
        with store.batch_writer("test", "bulk") as w:
            (rid,) = w.insert_many(
                "station", [Station(unit_code="410221", station_code="S1", operator="CMCC", name="站")]
            )
        got = store.get_station(rid)
        assert got.meta.created_by == user and got.meta.updated_by == user
        assert got.meta.created_at == datetime(2021, 2, 7, 10, 0)
        (entry,) = store.history("station", rid)
        assert entry.user == user and entry.action == "insert"
        store.close()


def test_insert_many_failure_on_the_writer_thread_rolls_everything_back(new_db):
    """The inserts run on a background thread: an error there (here the unique business key) must
    reach the caller and leave the database as it was."""
    import pytest
    from sqlalchemy.exc import IntegrityError

    from kf5g_desktop.storage.errors import StorageError

    store = Store.open(new_db("a.db", "tester"), user="tester", clock=lambda: datetime(2021, 2, 7, 10, 0))
    dup = [Station(unit_code="410221", station_code="S1", operator="CMCC", name=f"站{i}") for i in range(3)]
    # a server says a duplicate code in Chinese (another PC may have written it); SQLite: the bug it is here
    expected = StorageError if store.on_server else IntegrityError
    with pytest.raises(expected), store.batch_writer("test", "bulk") as w:
        w.insert_many("station", dup)
    assert store.count("station") == 0
    assert store.audit_log() == []
    with store.batch_writer("test", "bulk") as w:  # and the store still works
        w.insert_many("station", dup[:1])
    assert store.count("station") == 1
    store.close()


def test_update_many_stores_and_audits_exactly_what_save_does(tmp_path, demo_db):
    """The import's bulk update against one save per record, on two copies of the same database:
    every stored value, every approval and every audit row (order included) the same."""
    import shutil
    from dataclasses import replace

    from kf5g_desktop.domain.schema import STATION, VENUE
    from kf5g_desktop.domain.values import ListQuery
    from kf5g_desktop.storage import register_rows

    now = datetime(2026, 1, 5, 10, 0)
    for name in ("one.db", "bulk.db"):
        shutil.copyfile(demo_db[0], tmp_path / name)
    changed: dict[str, list] = {}
    with Store.open(tmp_path / "one.db", user="x", readonly=True) as demo:
        q = ListQuery(unit_codes=["410221"], limit=60)
        for kind in (VENUE, STATION):
            recs = demo.query(kind, q)
            if kind == STATION:
                approvals = demo.approvals_for([r.id for r in recs])
                for r in recs:
                    r.approvals = approvals.get(r.id, [])
            out = []
            for i, r in enumerate(recs):
                new = replace(r)
                if i % 3 == 0:
                    new.name = r.name + "新"
                if i % 4 == 0 and kind == STATION:
                    new.approvals = [replace(a, notes="补正") for a in r.approvals] or [
                        Approval("land", date(2021, 1, 4), None)
                    ]
                if i % 5 == 0:
                    new.address = None if r.address else "人民路9号"
                out.append((r, new))  # some unchanged: written by neither path
            changed[kind] = out

    def audit_rows(path):
        return _raw(
            path,
            "SELECT at, user, action, table_name, record_id, record_key, field, old, new FROM audit_log"
            " WHERE batch_id IS NOT NULL ORDER BY id",
        )

    one = Store.open(tmp_path / "one.db", user="x", clock=lambda: now)
    with one.batch_writer("return", "import") as w:
        for kind in (VENUE, STATION):
            for _old, new in changed[kind]:
                w.save(new)
    one.close()
    bulk = Store.open(tmp_path / "bulk.db", user="x", clock=lambda: now)
    stored = {
        kind: {r[0]: r for r in register_rows.unit_rows(bulk, kind, "410221").rows} for kind in (VENUE, STATION)
    }
    names = {kind: register_rows.unit_rows(bulk, kind, "410221").names for kind in (VENUE, STATION)}
    with bulk.batch_writer("return", "import") as w:
        for kind in (VENUE, STATION):
            pairs = changed[kind]
            w.update_many(
                kind,
                [new for _old, new in pairs],
                [dict(zip(names[kind], stored[kind][old.id], strict=True)) for old, _new in pairs],
                {old.id: old.approvals for old, _new in pairs} if kind == STATION else None,
            )
    bulk.close()
    assert len(audit_rows(tmp_path / "one.db")) > 40
    assert audit_rows(tmp_path / "bulk.db") == audit_rows(tmp_path / "one.db")
    for table in ("venue", "station"):
        sql = f"SELECT * FROM {table} ORDER BY id"
        assert _raw(tmp_path / "bulk.db", sql) == _raw(tmp_path / "one.db", sql)
    sql = "SELECT station_id, item, applied_on, granted_on, notes FROM approval ORDER BY station_id, item, applied_on"
    assert _raw(tmp_path / "bulk.db", sql) == _raw(tmp_path / "one.db", sql)
    sql = "SELECT station_id, item, applied_on, granted_on, notes, valid_from, valid_to FROM approval_history ORDER BY 1, 2, 3, 6"
    assert _raw(tmp_path / "bulk.db", sql) == _raw(tmp_path / "one.db", sql)
