"""The start-up's first read (``storage.first_read.FirstReader``: plain sqlite3, no SQLAlchemy)
gives exactly the Store's answers — the installation, units, targets, the opening week, the week's
basis and the dashboard's figures and series — for every counting rule and scope and every kind of
moment (the registers now, a unit's cut-off, the city's per-unit submissions); and it refuses every
file the Store's opening would have more to do with than read."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.domain.targets import COUNTING_RULES
from kf5g_desktop.reports.dashboard import compute
from kf5g_desktop.reports.figures import WAITING_DAYS
from kf5g_desktop.reports.weeks import initial_week
from kf5g_desktop.storage import first_read
from kf5g_desktop.storage.first_read import FirstReader
from kf5g_desktop.storage.store import Store

SMALL = 16 * 1024 * 1024
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _same_answers(path: Path, weeks: list[IsoWeek], units: list[str | None]) -> int:
    reader = FirstReader.open(path, small_bytes=SMALL)
    assert reader is not None
    store = Store.open(path, readonly=True)
    try:
        assert reader.installation() == store.installation()
        assert reader.units() == store.units() and reader.unit_map() == store.unit_map()
        assert reader.targets() == store.targets()
        assert initial_week(reader) == initial_week(store)
        compared = 0
        for week in [initial_week(store), *weeks]:
            assert reader.week_cutoff(week) == store.week_cutoff(week)
            for unit in units:
                basis = store.week_basis(week, unit)
                assert reader.week_basis(week, unit) == basis, (week, unit)
                for rule in COUNTING_RULES:
                    assert compute(reader, week, unit, rule) == compute(store, week, unit, rule), (
                        week,
                        unit,
                        rule,
                    )
                    for by_day in (False, True):
                        args = (week, unit, rule)
                        kw = dict(waiting_days=WAITING_DAYS, lists=False, at=basis.moment, by_day=by_day)
                        mine, theirs = reader.week_rows(*args, **kw), store.week_rows(*args, **kw)
                        for name in ("groups", "venue_counts", "pole_counts", "late_count", "waiting_count"):
                            assert getattr(mine, name) == getattr(theirs, name), (week, unit, rule, name)
                        assert (mine.returned, mine.by_day) == (theirs.returned, theirs.by_day)
                    compared += 1
        return compared
    finally:
        store.close()


@pytest.fixture(params=["whole", "halves"])
def halves(request, monkeypatch) -> None:
    """The station pass read whole, or in two halves by row id at the same time (a large table)."""
    monkeypatch.setattr(first_read, "SPLIT_ROWS", 10**12 if request.param == "whole" else 1)


def test_the_city_s_first_read_is_the_store_s(demo_db, halves):
    """The city's demo: each unit as at its latest submission (a per-unit moment), a week before
    any submission (the city's own registers at the cut-off) and the current week."""
    path = demo_db[0]
    with Store.open(path, readonly=True) as store:
        assert store.installation().is_city
        moment = store.week_basis(initial_week(store), None).moment
        assert isinstance(moment, dict) and len(moment) == 9
        now_week = IsoWeek.containing(store.today())
    weeks = [IsoWeek(2020, 10), IsoWeek(2020, 45), IsoWeek(2021, 5), IsoWeek(2022, 20), now_week]
    assert _same_answers(path, weeks, [None, "410221", "410202"]) == 6 * 3 * len(COUNTING_RULES)


def test_a_unit_s_first_read_is_the_store_s(tmp_path, halves):
    """A unit's demo: the registers at a week's cut-off (a moment), and now (the current week,
    before its cut-off)."""
    from kf5g_desktop.storage.demo import generate_demo

    path = tmp_path / "unit.db"
    generate_demo(path, unit_code="410221", stations=400, seed=7)
    with Store.open(path, readonly=True) as store:
        assert not store.installation().is_city
        assert isinstance(store.week_basis(initial_week(store), "410221").moment, datetime)
        now_week = IsoWeek.containing(store.today())
        assert store.week_basis(now_week, "410221").moment is None
    weeks = [IsoWeek(2020, 45), IsoWeek(2021, 5), IsoWeek(2022, 20), now_week]
    assert _same_answers(path, weeks, ["410221"]) == 5 * len(COUNTING_RULES)


def test_the_first_read_refuses_what_the_store_must_open_itself(tmp_path, demo_db):
    path = tmp_path / "k.db"
    shutil.copy(demo_db[0], path)
    assert FirstReader.open(path, small_bytes=SMALL) is not None
    assert FirstReader.open(tmp_path / "missing.db", small_bytes=SMALL) is None
    with Store.open(path):  # held by a Store (another program): its opening asks what to do
        assert FirstReader.open(path, small_bytes=SMALL) is None
    assert FirstReader.open(path, small_bytes=SMALL) is not None
    journal = path.with_name(path.name + "-journal")  # a crash's journal: the Store rolls it back
    journal.write_bytes(b"x" * 512)
    assert FirstReader.open(path, small_bytes=SMALL) is None
    journal.unlink()
    con = sqlite3.connect(path)  # not set up yet: the first-run dialog
    con.execute("DELETE FROM setting WHERE key = 'installation_kind'")
    con.commit()
    con.close()
    assert FirstReader.open(path, small_bytes=SMALL) is None
    old = tmp_path / "old.db"  # an older schema: the Store upgrades it (after a backup)
    shutil.copy(sorted(FIXTURES.glob("kf5g-schema-*.db"))[0], old)
    assert FirstReader.open(old, small_bytes=SMALL) is None
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    assert FirstReader.open(empty, small_bytes=SMALL) is None


def test_a_damaged_small_file_is_left_to_the_store(tmp_path):
    from tests.storage.test_background_check import _damage_station_root, _db_with_stations

    path = tmp_path / "k.db"
    _db_with_stations(path, lambda: datetime(2021, 3, 1, 10), n=300)
    assert FirstReader.open(path, small_bytes=SMALL) is not None
    _damage_station_root(path)
    assert FirstReader.open(path, small_bytes=SMALL) is None  # (its quick_check, as the Store's)


@pytest.mark.parametrize("what", ["lists", "part"])
def test_the_first_read_answers_only_what_the_dashboard_asks(demo_db, what):
    reader = FirstReader.open(demo_db[0], small_bytes=SMALL)
    assert reader is not None
    kw = {"lists": True} if what == "lists" else {"lists": False, "part": "other"}
    with pytest.raises(NotImplementedError):
        reader.week_rows(IsoWeek(2021, 5), None, "all", waiting_days=WAITING_DAYS, **kw)
