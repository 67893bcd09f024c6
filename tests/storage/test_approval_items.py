from datetime import date, datetime

from kf5g_desktop.domain.records import Approval, Station
from kf5g_desktop.storage.store import Store
from tests.builders import station


def _station(code: str, approvals: list[Approval]) -> Station:
    """A station waiting for its approvals (nothing about it on air)."""
    not_on_air = dict(build_mode=None, lon=None, lat=None, on_air=None, network_mode=None, power_supply=None)
    return station(
        station_code=code,
        name=f"站{code}",
        status="approving",
        township_code="410221001",
        approvals=approvals,
        **not_on_air,
    )


def test_approval_items_paged_with_waiting_days(new_db):
    store = Store.open(new_db("a.db", "测试"), user="测试", clock=lambda: datetime(2021, 3, 1, 9, 0))
    try:
        store.setup_installation(kind="unit", unit_code="410221", user_name="测试")
        store.save(
            _station(
                "A1",
                [Approval("land", date(2021, 1, 1)), Approval("radio", date(2021, 1, 1), date(2021, 1, 11))],
            )
        )
        gone = store.save(_station("A2", [Approval("power", date(2020, 1, 1))]))
        store.delete("station", gone.id)
        assert store.approval_count() == 2
        items = store.approval_items()
        assert [(i.item, i.days) for i in items] == [("land", 59), ("radio", 10)]
        assert items[0].station_code == "A1" and items[0].station_name == "站A1"
        assert store.approval_count(waiting_only=True) == 1
        assert store.approval_count(min_days=30) == 1
        assert [i.item for i in store.approval_items(sort="days", descending=False)] == ["radio", "land"]
        assert [i.item for i in store.approval_items(offset=1, limit=1)] == ["radio"]
        assert store.approval_count(search="A9") == 0
    finally:
        store.close()


def test_station_summary_counts_live_stations(new_db):
    store = Store.open(new_db("s.db", "测试"), user="测试", clock=lambda: datetime(2021, 3, 1, 9, 0))
    try:
        a = store.save(_station("B1", []))
        store.save(_station("B2", []))
        store.delete("station", a.id)
        assert store.station_summary() == {
            "total": 1,
            "on_air": 0,
            "on_air_sa": 0,
            "indirect": 0,
            "in_progress": 1,
        }
    finally:
        store.close()
