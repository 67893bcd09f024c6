"""BatchWriter.insert_many: bulk insert, audited in the batch, back-dated, undoable as one."""

from __future__ import annotations

from datetime import date, datetime

from kf5g_desktop.domain.records import Approval, Station
from kf5g_desktop.storage.store import Store


def test_insert_many_audited_backdated_and_undoable(tmp_path):
    store = Store.open(tmp_path / "a.db", user="tester", clock=lambda: datetime(2021, 2, 7, 10, 0))
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
