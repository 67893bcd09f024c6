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


def test_every_fixture_is_older_than_head_or_is_head():
    """0001 and 0002 go through the upgrade to the records' versions (0003)."""
    names = {p.stem.removeprefix("kf5g-schema-") for p in FIXTURES}
    assert {"0001", "0002"} <= names
    assert migrate.head_revision() == "0003"


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
        # every record has a version (schema 0003): 1 for what was there, one more per change
        assert st.meta.version == 1
        st.notes = "升级后修改"
        assert s.save(st).meta.version == 2
        assert [v.row["version"] for v in s.versions("station", st.id)][-2:] == [1, 2]
        assert s.history_out_of_step() == []
    if rev != migrate.head_revision():
        assert [b.reason for b in backup.list_backups(path)] == ["upgrade"]


@pytest.mark.parametrize("fixture", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_released_schema_upgrades_with_its_history(tmp_path, fixture):
    """A database of an earlier schema gets its history at upgrade (rebuilt from its audit log);
    one of the current schema keeps the history it has. Either way the versions follow the audit
    log and the registers can be read as they stood at a moment."""
    import sqlite3
    from datetime import timedelta

    from kf5g_desktop.domain.values import ListQuery

    path = tmp_path / "kf5g.db"
    shutil.copyfile(fixture, path)
    con = sqlite3.connect(fixture)
    # a station updated after it was keyed in (status, name, approvals, …): its last update
    sid, field, old, at = con.execute(
        "SELECT record_id, field, old, at FROM audit_log a WHERE table_name = 'station' AND action = 'update'"
        " AND field IN ('status', 'name') AND at > (SELECT at FROM audit_log b WHERE b.table_name = 'station'"
        " AND b.record_id = a.record_id AND b.action = 'insert') ORDER BY at DESC, id DESC LIMIT 1"
    ).fetchone()
    con.close()
    from datetime import datetime

    when = datetime.fromisoformat(at)
    with Store.open(path) as s:
        assert s.history_out_of_step() == []
        versions = s.versions("station", sid)
        assert len(versions) >= 2
        assert versions[-1].valid_to is None and versions[-2].valid_to == when
        before = {r.id: r for r in s.query("station", ListQuery(), at=when - timedelta(seconds=1))}
        after = {r.id: r for r in s.query("station", ListQuery(), at=when)}
        assert str(getattr(before[sid], field)) == old
        assert getattr(after[sid], field) == getattr(s.get_station(sid), field)
        # before the first record was keyed in there was nothing
        first = min(v.valid_from for v in s.versions("station", min(after)))
        assert s.count("station", ListQuery(), at=first - timedelta(days=400)) < s.count("station")
        st = s.find_station("CTCC", "FIXTURE-1")
        fixture_versions = s.versions("station", st.id)
        assert fixture_versions[-1].row["name"] == "夹具站(改名)"
        if fixture.stem.endswith("0001"):  # inserted and renamed in the same second: one version
            assert len(fixture_versions) == 1
        else:  # renamed an hour later: two, and the registers an hour before show the first name
            assert [v.row["name"] for v in fixture_versions] == ["夹具站", "夹具站(改名)"]
            then = {r.id: r for r in s.query("station", ListQuery(), at=fixture_versions[1].valid_from - timedelta(minutes=1))}
            assert then[st.id].name == "夹具站"
            assert s.approvals_for([st.id], at=fixture_versions[0].valid_from)[st.id][0].item == "land"
