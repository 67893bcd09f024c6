"""The changes engine (storage.changes via Store.changes): what changed between two moments, over
the version tables, for the write paths that keep history (save, delete, restore, purge, bulk
insert, batch undo) and for per-unit moments."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs

from kf5g_desktop.domain.records import Approval
from kf5g_desktop.storage.changes import (
    ADDED,
    CHANGED,
    DELETED,
    RESTORED,
    data_columns,
    field_changes,
    row_changes,
    row_values,
)
from tests import builders
from tests.returns import factory

T0 = datetime(2021, 1, 20, 9, 0)


def _store(tmp_path, kind="unit", unit="410221"):
    clock = factory.fixed_clock(T0)
    store = factory.open_store(tmp_path / "kf5g.db", kind=kind, unit=unit, clock=clock)
    return store, clock


def st(code: str, **kw):
    kw.setdefault("on_air", date(2021, 1, 5))
    return builders.station(station_code=code, name=f"站{code}", **kw)


def _summary(changes):
    return sorted((c.kind, c.row.get("station_code") or c.row.get("name"), c.action) for c in changes)


def test_each_write_path_between_two_moments(tmp_path):
    store, clock = _store(tmp_path)
    keep = store.save(st("S1", approvals=[Approval("land", date(2021, 1, 2))]))
    gone = store.save(st("S2"))
    binned = store.save(st("S3"))
    store.delete("station", binned.id)
    t1 = datetime(2021, 1, 21, 9, 0)
    clock.state["now"] = t1
    # between t1 and t2: an approval granted (nothing else), a delete then purge, a bulk insert
    # undone, a record restored and corrected
    clock.state["now"] = datetime(2021, 1, 22, 9, 0)
    s = store.get_station(keep.id)
    s.approvals = [Approval("land", date(2021, 1, 2), date(2021, 1, 21))]
    store.save(s)
    store.delete("station", gone.id)
    store.purge("station", gone.id)
    with store.batch_writer("station", "清单") as w:
        w.insert_many("station", [st("B1"), st("B2")])
        batch = w.batch_id
    store.restore("station", binned.id)
    s = store.get_station(binned.id)
    s.address = "新地址"
    store.save(s)
    clock.state["now"] = datetime(2021, 1, 23, 9, 0)
    store.undo_batch(batch)
    t2 = datetime(2021, 1, 24, 9, 0)
    clock.state["now"] = t2

    got = store.changes(t1, t2)
    assert _summary(got) == [
        ("station", "S1", CHANGED),
        ("station", "S2", DELETED),
        ("station", "S3", RESTORED),
    ]  # B1, B2: added and undone within the window
    by_code = {c.row["station_code"]: c for c in got}
    assert [f.field for f in by_code["S1"].fields] == ["approvals"]
    assert by_code["S2"].after is None  # purged: absent at t2
    assert [(f.field, f.old, f.new) for f in by_code["S3"].fields] == [("address", None, "新地址")]
    # the bulk insert is seen before its undo
    mid = store.changes(t1, datetime(2021, 1, 22, 12, 0))
    assert ("station", "B1", ADDED) in _summary(mid) and ("station", "B2", ADDED) in _summary(mid)
    # "now" as the later moment is the same as t2 here; nothing changed after t2
    assert _summary(store.changes(t1)) == _summary(got)
    assert store.changes(t2) == []
    store.close()


def test_per_unit_moments(tmp_path):
    store, clock = _store(tmp_path, kind="city", unit=None)
    a = store.save(st("Q1"))
    b = store.save(st("L1", unit_code="410225", township_code="410225001", lon=114.8, lat=34.85))
    clock.state["now"] = datetime(2021, 1, 21, 9, 0)
    for rid, name in ((a.id, "杞县改名"), (b.id, "兰考改名")):
        s = store.get_station(rid)
        s.name = name
        store.save(s)
    clock.state["now"] = datetime(2021, 1, 25, 9, 0)
    before = {"410221": datetime(2021, 1, 20, 12, 0), "410225": datetime(2021, 1, 21, 12, 0)}
    after = {"410221": datetime(2021, 1, 22, 0, 0), "410225": datetime(2021, 1, 22, 0, 0)}
    got = store.changes(before, after)
    # 杞县 renamed within its window; 兰考's rename was before its earlier moment
    assert [(c.unit_code, c.action, c.fields[0].new_text) for c in got] == [("410221", CHANGED, "杞县改名")]
    # a unit missing from the earlier map has everything new; one missing from the later map is not compared
    got = store.changes({"410221": before["410221"]}, after)
    assert sorted((c.unit_code, c.action) for c in got) == [("410221", CHANGED), ("410225", ADDED)]
    assert store.changes(before, {"410225": after["410225"]}) == []
    # one unit of a plain pair of moments
    assert [c.unit_code for c in store.changes(T0, None, unit_code="410225")] == ["410225"]
    store.close()



_VALUES = hs.sampled_from(
    [None, "", 0, 1, True, False, 0.0, -0.0, 1.0, 114.35, "CMCC,CUCC", "CUCC,CMCC", "CMCC", "x",
     date(2021, 1, 5), date(2021, 1, 6), datetime(2021, 1, 5, 9, 0)]
)
_APPROVALS = hs.lists(
    hs.builds(Approval, hs.sampled_from(["land", "env"]), hs.sampled_from([None, date(2021, 1, 2)])), max_size=2
)


@pytest.mark.parametrize("kind", ["station", "venue", "pole"])
@settings(max_examples=150, deadline=None)
@given(data=hs.data())
def test_row_changes_equal_the_texts_of_every_column(kind, data):
    # the changes engine makes audit texts only of the columns whose stored values differ; the
    # same fields, old → new texts and order as comparing every column's text (field_changes of
    # row_values), whatever the values: equal values of other types, 0.0 and -0.0, code lists in
    # another order, "" and None, dates
    rows = hs.fixed_dictionaries({c: _VALUES for c in data_columns(kind)})
    old, new = data.draw(rows), data.draw(rows)
    apa, apb = data.draw(_APPROVALS), data.draw(_APPROVALS)
    assert row_changes(kind, old, new, apa, apb) == field_changes(
        kind, row_values(kind, old, apa), row_values(kind, new, apb)
    )
