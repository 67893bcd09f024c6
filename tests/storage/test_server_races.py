"""Two writers on a server computing something from the same state: the second waits for the first
to commit and counts on from it, instead of failing on a duplicate code or writing a second
"latest" version. (On SQLite the one-writer lock already lets one writer at a time.)

Each test holds the first writer's transaction open, starts the second on a thread of its own
(its own connection, its own login), waits until the server shows it waiting — or until it is
done, which is what happened before the lock — then commits the first."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from kf5g_desktop.domain.schema import VENUE
from kf5g_desktop.domain.values import ListQuery
from kf5g_desktop.storage.store import Store
from tests.builders import venue
from tests.pg import SUPERUSER, office_database


@pytest.fixture
def office(pg_cluster, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    name = office_database(pg_cluster, {"张三": "填报", "李四": "填报"})
    yield name
    pg_cluster.drop_database(name)


class Second(threading.Thread):
    def __init__(self, fn: Any) -> None:
        super().__init__(daemon=True)
        self.fn, self.result, self.error = fn, None, None

    def run(self) -> None:
        try:
            self.result = self.fn()
        except BaseException as exc:
            self.error = exc


def _wait_until_waiting(cluster, db: str, login: str, second: Second) -> None:
    """Until ``login``'s connection waits for a lock on the server, or ``second`` is done."""
    import psycopg

    with psycopg.connect(host=str(cluster.socket_dir), dbname=db, user=SUPERUSER, autocommit=True) as c:
        while second.is_alive():
            row = c.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND usename = %s "
                "AND wait_event_type = 'Lock'",
                (db, login),
            ).fetchone()
            if row and row[0]:
                return
            second.join(0.02)


def test_two_officers_saving_new_venues_at_once_get_the_next_codes(pg_cluster, office):
    a = Store.open(pg_cluster.url(office, "张三"))
    b = Store.open(pg_cluster.url(office, "李四"))
    try:
        with a.batch_writer("bulk", "场所清单") as w:
            w.save(venue(name="杞县人民政府", category="government"))
            second = Second(lambda: b.save(venue(name="杞县第一中学", category="school")))
            second.start()
            _wait_until_waiting(pg_cluster, office, "李四", second)
        second.join(120)
        assert second.error is None, second.error
        venues = sorted((v.venue_code, v.name, v.meta.created_by) for v in a.query(VENUE, ListQuery()))
        assert venues == [
            ("CS410221-0001", "杞县人民政府", "张三"),
            ("CS410221-0002", "杞县第一中学", "李四"),
        ]
    finally:
        a.close()
        b.close()


def _export(unit: str = "410221") -> dict[str, object]:
    return dict(direction="export", kind="return", unit_code=unit, iso_week="2021-W05",
                content_sha256="0" * 64, late=False, modified_accepted=False)  # fmt: skip


def test_two_returns_of_one_unit_recorded_at_once_count_their_versions_on(pg_cluster, office):
    a = Store.open(pg_cluster.url(office, "张三"))
    b = Store.open(pg_cluster.url(office, "李四"))
    try:
        with a.batch_writer("return", "周报") as w:
            first = w.add_submission(_export())
            second = Second(lambda: b.add_submission(_export()))
            second.start()
            _wait_until_waiting(pg_cluster, office, "李四", second)
        second.join(120)
        assert second.error is None, second.error
        subs = {s.id: s for s in a.submissions(direction="export")}
        assert first.version == 1 and second.result is not None and second.result.version == 2
        assert subs[first.id].superseded_by == second.result.id  # one latest version, not two
        assert a.latest_submission("export", "410221", "2021-W05").id == second.result.id
    finally:
        a.close()
        b.close()


def test_one_units_return_imported_on_two_pcs_at_once_is_imported_once(pg_cluster, tmp_path, monkeypatch):
    from kf5g_desktop.domain.periods import IsoWeek
    from kf5g_desktop.domain.schema import STATION
    from kf5g_desktop.returns.export import export_return
    from kf5g_desktop.returns.importer import import_files
    from tests.conftest import Clock
    from tests.returns import factory

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    unit = factory.open_store(tmp_path / "unit" / "kf5g.db", unit="410222")
    try:
        factory.make_records(unit, "410222", 150, seed=4)
        path = export_return(unit, IsoWeek(2021, 5), tmp_path / "out").path
        expected = unit.count(STATION)
    finally:
        unit.close()
    name = office_database(pg_cluster, {"张三": "填报", "李四": "填报"}, kind="city")
    stores = [Store.open(pg_cluster.url(name, p), clock=Clock()) for p in ("张三", "李四")]
    try:
        threads = [Second(lambda s=s: import_files(s, [path])[0]) for s in stores]
        for t in threads:
            t.start()
        for t in threads:
            t.join(300)
        assert [t.error for t in threads] == [None, None]
        reports = [t.result for t in threads]
        assert all(r is not None and r.ok and r.error is None for r in reports), [r.error for r in reports]
        applied = [r for r in reports if r.outcome.applied]
        again = [r for r in reports if not r.outcome.applied]
        assert len(applied) == 1 and len(again) == 1, [r.outcome.message for r in reports]
        assert "与已导入的第1版内容相同，未重复导入" in again[0].outcome.message
        assert stores[0].count(STATION) == expected
        assert len(stores[0].submissions(direction="import")) == 1
    finally:
        for s in stores:
            s.close()
        pg_cluster.drop_database(name)


def test_one_list_imported_on_two_pcs_from_two_previews_says_what_happened(pg_cluster, office, tmp_path):
    from kf5g_desktop.domain.schema import STATION
    from kf5g_desktop.returns import bulk
    from kf5g_desktop.storage.errors import StorageError
    from tests.storage.station_lists import write_station_list

    a = Store.open(pg_cluster.url(office, "张三"))
    b = Store.open(pg_cluster.url(office, "李四"))
    try:
        csv_file = tmp_path / "清单.csv"
        write_station_list(csv_file, a, "410221", 30, seed=7)
        previews = [bulk.load_and_preview(s, csv_file, "stations") for s in (a, b)]  # both see 30 new
        bulk.commit(a, previews[0])
        with pytest.raises(StorageError, match="另一位用户刚刚写入了相同编号的记录，本次修改未保存") as e:
            bulk.commit(b, previews[1])
        assert "重新导入" in str(e.value)
        assert a.count(STATION) == 30 and len(a.batches()) == 1
        # imported again, the list is compared with what is there now
        assert bulk.load_and_preview(b, csv_file, "stations").summary().startswith("新增 0")
    finally:
        a.close()
        b.close()
