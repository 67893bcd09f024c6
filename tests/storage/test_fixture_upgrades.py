"""A database of every released schema (tests/fixtures/kf5g-schema-<rev>.db) upgrades to head intact."""

import shutil
from datetime import date
from pathlib import Path

import pytest

from kf5g_desktop.storage import backup, migrate
from kf5g_desktop.storage.store import Store

FIXTURES = sorted((Path(__file__).resolve().parents[1] / "fixtures").glob("kf5g-schema-*.db"))


def test_there_is_a_fixture_for_the_first_release():
    assert any(p.name == "kf5g-schema-0001.db" for p in FIXTURES)


@pytest.mark.parametrize("fixture", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_released_schema_upgrades_with_its_data(tmp_path, fixture):
    path = tmp_path / "kf5g.db"
    shutil.copyfile(fixture, path)
    rev = fixture.stem.removeprefix("kf5g-schema-")
    with Store.open(path) as s:
        assert migrate.current_revision(s.engine) == migrate.head_revision()
        assert s.upgraded_from == (None if rev == migrate.head_revision() else rev)
        assert s.count("station") == 61
        st = s.find_station("CTCC", "FIXTURE-1")
        assert st is not None
        assert (st.name, st.sharing_operators, st.on_air, st.conversion) == (
            "夹具站(改名)",
            ["CUCC"],
            date(2021, 2, 3),
            "planned",
        )
        assert [(a.item, a.granted_on) for a in st.approvals] == [("land", date(2020, 11, 2))]
        hist = s.history("station", st.id)
        assert [h.action for h in hist] == ["insert", "update"] and hist[1].user == "发布检查"
        assert [d.kind for d in s.recycle_bin()] == ["venue"]
        assert s.week_note("410221", "2021-W08").problems == "夹具问题说明"
        assert any(t.unit_code == "410221" and t.value == 300 for t in s.targets())
        assert s.installation().is_city
        assert s.check() == []
    if rev != migrate.head_revision():
        assert [b.reason for b in backup.list_backups(path)] == ["upgrade"]
