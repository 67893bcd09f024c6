"""Demo data: realistic, follows the plan's curve, valid, reproducible, never over real data."""

from datetime import date

import pytest
from sqlalchemy import text

from kf5g_desktop.domain.values import ListQuery
from kf5g_desktop.storage.demo import generate_demo
from kf5g_desktop.storage.errors import StorageError
from kf5g_desktop.storage.store import Store
from tests.builders import venue


def test_city_demo_follows_the_plan_and_passes_check(demo_db):
    path, summary = demo_db
    with Store.open(path, readonly=True) as s:
        assert s.installation().is_city and s.installation().demo
        assert s.count("station") >= 2500
        on2020 = s.count("station", ListQuery(date_to=date(2020, 12, 31)))
        on2021 = s.count("station", ListQuery(date_to=date(2021, 12, 31)))
        assert abs(on2020 - 1500) <= 30 and abs(on2021 - 2500) <= 30
        assert (on2020, on2021) == (summary.on_air_2020, summary.on_air_2021)
        with s.session() as ses:
            units = ses.execute(text("SELECT DISTINCT unit_code FROM station")).scalars().all()
            assert len(units) == 9
            for table in ("venue", "pole"):
                assert ses.execute(text(f"SELECT COUNT(DISTINCT unit_code) FROM {table}")).scalar() == 9
            statuses = set(ses.execute(text("SELECT DISTINCT status FROM station")).scalars())
            assert statuses == {"planned", "approving", "building", "on_air", "suspended", "cancelled"}
            ops = set(ses.execute(text("SELECT DISTINCT operator FROM station")).scalars())
            assert ops == {"CMCC", "CUCC", "CTCC", "CBN"}
            shared = dict(
                ses.execute(
                    text("SELECT operator, COUNT(*) FROM station WHERE sharing_operators != '' GROUP BY 1")
                ).all()
            )
            assert set(shared) == {"CMCC", "CUCC", "CTCC", "CBN"}
            modes = set(ses.execute(text("SELECT DISTINCT network_mode FROM station")).scalars())
            assert {"SA", "NSA"} <= modes
            conv = set(ses.execute(text("SELECT DISTINCT conversion FROM station")).scalars())
            assert {"done", "planned", "in_progress", "infeasible", "not_needed"} <= conv
            names = set(ses.execute(text("SELECT name FROM venue")).scalars())
            assert {"清明上河园", "龙亭公园", "开封府", "铁塔公园", "焦裕禄纪念园", "开封北站"} <= names
            # Back-dated: nothing created after its first milestone.
            late = ses.execute(
                text(
                    "SELECT COUNT(*) FROM station WHERE date(created_at) > COALESCE(construction_start, on_air, '9999')"
                )
            ).scalar()
            assert late == 0
        assert s.check() == []


def _content(path):
    """Every table's rows in their order of storage, with SQLite's type of every value (a REAL 1.0
    is not an INTEGER 1), and the schema."""
    import sqlite3

    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [
            r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        ]
        out = {
            "schema": con.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall()
        }
        for t in tables:
            cols = [r[1] for r in con.execute(f'PRAGMA table_info("{t}")')]
            typed = ", ".join(f'"{c}", typeof("{c}")' for c in cols)
            out[t] = con.execute(f'SELECT rowid, {typed} FROM "{t}" ORDER BY rowid').fetchall()
        return out
    finally:
        con.close()


def test_demo_is_reproducible_and_scales(tmp_path):
    a = generate_demo(tmp_path / "a.db", stations=300, seed=7)
    b = generate_demo(tmp_path / "b.db", stations=300, seed=7)
    assert a == b and a.stations == 300
    content = _content(tmp_path / "a.db")
    assert content == _content(tmp_path / "b.db")  # row for row, value for value
    assert len(content["station_history"]) > 300 and len(content["audit_log"]) > 1000
    generate_demo(tmp_path / "c.db", stations=300, seed=8)
    assert _content(tmp_path / "c.db")["station"] != content["station"]


def test_a_new_demo_file_written_by_a_process_of_its_own_equals_a_demo_filled_in_place(tmp_path):
    """A new file's rows are written by a child process (drawing and writing on a core each); an
    existing empty database (the window's first start) is filled in its own transaction by the
    demo's process. Both hold the same rows for the same seed, value for value."""
    own, in_place = tmp_path / "own.db", tmp_path / "in_place.db"
    Store.open(in_place).close()  # an empty database, as the window makes it
    a = generate_demo(own, stations=700, seed=4)
    b = generate_demo(in_place, stations=700, seed=4)
    assert a == b
    assert _content(own) == _content(in_place)


def test_unit_demo(tmp_path):
    summary = generate_demo(tmp_path / "u.db", unit_code="410221")
    with Store.open(tmp_path / "u.db", readonly=True) as s:
        inst = s.installation()
        assert (inst.kind, inst.unit_code) == ("unit", "410221")
        assert s.count("station") == summary.stations > 200
        assert s.count("station", ListQuery(unit_codes=["410221"])) == summary.stations


def test_demo_replaces_demo_data_but_refuses_real_data(tmp_path):
    path = tmp_path / "real.db"
    generate_demo(path, stations=50)
    generate_demo(path, stations=60)  # a demo database may be regenerated
    with Store.open(path) as s:
        assert s.count("station") == 60
        s.set_settings({"demo": ""})
        s.save(venue(name="真实场所", category="school"))
    with pytest.raises(StorageError, match="正式数据"):
        generate_demo(path, stations=10)
    with Store.open(path, readonly=True) as s:
        assert s.count("venue") > 0 and s.count("station") == 60


def test_unknown_unit_is_refused(tmp_path):
    with pytest.raises(StorageError, match="不是开封市的区县"):
        generate_demo(tmp_path / "x.db", unit_code="410211")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.db.lock"]  # no database, no temporary file


def test_a_demo_file_appears_whole_in_wal_mode(tmp_path):
    """The demo writes a file of its own under a temporary name (no journal) and renames it into
    place in WAL mode; nothing of the temporary file is left."""
    import sqlite3

    path = tmp_path / "d.db"
    (tmp_path / "d.db-wal").write_bytes(b"stale")  # a stray companion is not taken for the new file's
    generate_demo(path, stations=40, seed=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.db", "d.db.lock"]
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        con.close()
    with Store.open(path, readonly=True) as s:
        assert s.count("station") == 40 and s.check() == []


# History: entered and then updated at back-dated times ----------------------------------------

_BOOKKEEPING = {
    "hid",
    "valid_from",
    "valid_to",
    "updated_at",
    "updated_by",
    "deleted_at",
    "deleted_by",
    "version",
}


def _rows(path, sql):
    import sqlite3

    con = sqlite3.connect(path)
    con.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in con.execute(sql)]
    finally:
        con.close()


def test_demo_history_is_in_step_with_its_audit_log(demo_db):
    """Every change between two versions of a record has its audit rows (who, when, field, old →
    new), and every audit row of a change is a change between two versions."""
    from itertools import groupby, pairwise

    from kf5g_desktop.domain.audit_text import audit_text

    path, _ = demo_db
    with Store.open(path, readonly=True) as s:
        assert s.history_out_of_step() == []
    audit: dict[tuple, set] = {}
    for a in _rows(path, "SELECT * FROM audit_log"):
        assert a["user"] == "演示用户"
        audit.setdefault((a["table_name"], a["record_id"], a["at"]), set()).add(
            (a["action"], a["field"], a["old"], a["new"] if a["action"] != "insert" else None)
        )
    seen = set()
    for kind in ("station", "venue", "pole"):
        versions = _rows(path, f"SELECT * FROM {kind}_history ORDER BY id, valid_from")
        for rid, group in groupby(versions, key=lambda r: r["id"]):
            vs = list(group)
            first = vs[0]
            assert first["valid_from"] == first["created_at"]
            assert [v["version"] for v in vs] == list(range(1, len(vs) + 1))  # one more per change
            assert ("insert", None, None, None) in audit[(kind, rid, first["valid_from"])]
            seen.add((kind, rid, first["valid_from"]))
            for old, new in pairwise(vs):
                assert old["valid_to"] == new["valid_from"]
                at = new["valid_from"]
                expected = {
                    ("update", k, audit_text(old[k]), audit_text(new[k]))
                    for k in new
                    if k not in _BOOKKEEPING and old[k] != new[k]
                }
                if (old["deleted_at"] is None) != (new["deleted_at"] is None):
                    expected.add(("restore" if new["deleted_at"] is None else "delete", None, None, None))
                got = {a for a in audit.get((kind, rid, at), set()) if a[1] != "approvals"}
                assert got == expected, (kind, rid, at)
                seen.add((kind, rid, at))
            assert vs[-1]["valid_to"] is None
    # approvals change only with an audit row of their station
    for a in _rows(path, "SELECT station_id, valid_from FROM approval_history"):
        assert any(x[1] == "approvals" for x in audit[("station", a["station_id"], a["valid_from"])])
    assert set(audit) <= seen  # no audit row without its version


def test_demo_records_went_through_their_stages(demo_db):
    path, _ = demo_db
    statuses = {}
    for v in _rows(path, "SELECT id, status FROM station_history ORDER BY id, valid_from"):
        statuses.setdefault(v["id"], []).append(v["status"])
    final = {r["id"]: r for r in _rows(path, "SELECT id, status, conversion FROM station")}
    on_air = [sid for sid, r in final.items() if r["status"] == "on_air"]
    for sid in on_air:
        path_of = [st for i, st in enumerate(statuses[sid]) if i == 0 or statuses[sid][i - 1] != st]
        assert path_of[0] == "planned" and path_of[-2:] == ["building", "on_air"], path_of
    assert sum("approving" in statuses[sid] for sid in on_air) > len(on_air) * 0.9
    counts = {
        (r["field"], r["old"], r["new"]): r["n"]
        for r in _rows(
            path,
            "SELECT field, old, new, COUNT(*) AS n FROM audit_log WHERE field IN ('power_supply') GROUP BY 1, 2, 3",
        )
    }
    assert counts[("power_supply", "indirect", "direct")] == sum(
        1 for r in final.values() if r["conversion"] == "done"
    )
    actions = {
        (r["table_name"], r["action"]): r["n"]
        for r in _rows(path, "SELECT table_name, action, COUNT(*) AS n FROM audit_log GROUP BY 1, 2")
    }
    for kind in ("station", "venue", "pole"):
        assert actions.get((kind, "delete"), 0) >= 1
        assert actions[(kind, "delete")] == actions[(kind, "restore")]
    fields = {r["field"] for r in _rows(path, "SELECT DISTINCT field FROM audit_log WHERE action = 'update'")}
    assert {"name", "lon", "lat", "approvals", "status", "conversion"} <= fields
    late = _rows(path, "SELECT MAX(valid_from) AS t FROM station_history")[0]["t"]
    assert late < "2023-01-02 18:00"


def test_demo_past_weeks_show_the_registers_as_they_stood(demo_db):
    from datetime import timedelta

    from kf5g_desktop.domain.periods import IsoWeek

    path, _ = demo_db
    with Store.open(path, readonly=True) as s:
        for text_week in ("2020-W40", "2021-W05", "2021-W30", "2022-W20"):
            week = IsoWeek.parse(text_week)
            t = s.week_cutoff(week)
            then = s.query("station", ListQuery(), at=t)
            on_air = [st for st in then if st.status == "on_air"]
            assert all(st.on_air is not None and st.on_air <= t.date() for st in on_air)
            by_date = s.count("station", ListQuery(date_to=week.end))
            # recorded within a week of going on air
            assert (
                s.count("station", ListQuery(date_to=week.end - timedelta(days=7))) <= len(on_air) <= by_date
            )
            assert len(then) < s.count("station")


def test_unit_demo_is_the_slice_of_the_city_demo_with_its_history(tmp_path):
    city, unit = tmp_path / "city.db", tmp_path / "unit.db"
    generate_demo(city, stations=400, seed=5)
    generate_demo(unit, stations=400, seed=5, unit_code="410221")

    def strip(rows):
        return sorted(repr(sorted((k, v) for k, v in r.items() if k != "hid")) for r in rows)

    for table, where in (
        ("station_history", "unit_code = '410221'"),
        ("venue_history", "unit_code = '410221'"),
        ("pole_history", "unit_code = '410221'"),
        ("approval_history", "station_id IN (SELECT id FROM station WHERE unit_code = '410221')"),
        ("station", "unit_code = '410221'"),
        (
            "audit_log",
            "(table_name, record_id) IN (SELECT 'station', id FROM station WHERE unit_code = '410221')",
        ),
    ):
        a = _rows(city, f"SELECT * FROM {table} WHERE {where}")
        b = _rows(unit, f"SELECT * FROM {table}")
        if table == "audit_log":
            b = [r for r in b if r["table_name"] == "station"]
            a = [{k: v for k, v in r.items() if k != "id"} for r in a]
            b = [{k: v for k, v in r.items() if k != "id"} for r in b]
        assert a and strip(a) == strip(b), table
    with Store.open(unit, readonly=True) as s:
        assert s.history_out_of_step() == []
    assert _rows(unit, "SELECT COUNT(*) AS n FROM submission")[0]["n"] == 0


def test_city_demo_holds_the_units_weekly_submissions(demo_db):
    from kf5g_desktop.domain.periods import IsoWeek

    path, _ = demo_db
    subs = _rows(path, "SELECT * FROM submission ORDER BY id")
    with Store.open(path, readonly=True) as s:
        units = [u.code for u in s.units()]
        weeks = []
        w = IsoWeek(2020, 30)
        while str(w) <= "2022-W51":  # 2022-W52 is not due when the demo ends
            weeks.append(w)
            from datetime import timedelta

            w = IsoWeek.containing(w.start + timedelta(days=7))
        cutoffs = {str(w): s.week_cutoff(w) for w in weeks}
    assert {r["iso_week"] for r in subs} == set(cutoffs)
    assert all((r["direction"], r["kind"]) == ("import", "unit") for r in subs)
    latest = [r for r in subs if r["superseded_by"] is None]
    pairs = {(r["unit_code"], r["iso_week"]) for r in latest}
    assert len(pairs) == len(latest)
    total = len(units) * len(weeks)
    missing = total - len(pairs)
    assert 0 < missing < total * 0.05
    late = [r for r in latest if r["late"]]
    assert total * 0.03 < len(late) < total * 0.15
    for r in subs:
        cutoff = cutoffs[r["iso_week"]].isoformat(sep=" ")
        assert bool(r["late"]) == (r["received_at"] > cutoff), r
    corrected = [r for r in subs if r["superseded_by"] is not None]
    assert 1 <= len(corrected) <= 3
    by_id = {r["id"]: r for r in subs}
    for old in corrected:
        new = by_id[old["superseded_by"]]
        assert (new["unit_code"], new["iso_week"], new["version"]) == (old["unit_code"], old["iso_week"], 2)
        assert new["reason"] and new["received_at"] > old["received_at"]
        # the correction was recorded in the registers before the corrected return was received
        fixes = _rows(
            path,
            "SELECT a.at FROM audit_log a JOIN station s ON s.id = a.record_id AND a.table_name = 'station' "
            f"WHERE s.unit_code = '{new['unit_code']}' AND a.field = 'lon' "
            f"AND a.at > '{cutoffs[new['iso_week']].isoformat(sep=' ')}' AND a.at < '{new['received_at']}'",
        )
        assert fixes
    # a late return was received before the unit recorded anything after the cut-off: its records
    # as at received_at are those as at the cut-off
    for r in (r for r in late if r["reason"] is None):  # a correction follows what it corrects
        cutoff = cutoffs[r["iso_week"]].isoformat(sep=" ")
        n = _rows(
            path,
            "SELECT COUNT(*) AS n FROM station_history WHERE unit_code = ? AND valid_from > ? AND valid_from <= ?".replace(
                "?", "'{}'"
            ).format(r["unit_code"], cutoff, r["received_at"]),
        )[0]["n"]
        assert n == 0, r


def test_demo_writes_approvals_into_the_audit_log_as_the_store_does():
    """The demo's own approvals text (from rows, for speed) is approvals_text's, in its order."""
    from datetime import date as d

    from kf5g_desktop.domain.audit_text import approvals_text
    from kf5g_desktop.domain.records import Approval
    from kf5g_desktop.storage.demo_history import _approval_list

    rows = [
        dict(item="power", applied_on=d(2021, 3, 1), granted_on=None, notes=None),
        dict(item="land", applied_on=d(2021, 1, 2), granted_on=d(2021, 1, 20), notes="补充材料"),
        dict(item="zzz-unknown", applied_on=None, granted_on=d(2021, 2, 2), notes=""),
        dict(item="radio", applied_on=d(2021, 1, 5), granted_on=d(2021, 2, 1), notes=None),
        dict(item="environment", applied_on=None, granted_on=None, notes=None),
    ]
    for n in range(len(rows) + 1):
        part = rows[n:] + rows[:n]
        expected = approvals_text(
            [Approval(r["item"], r["applied_on"], r["granted_on"], r["notes"]) for r in part]
        )
        assert _approval_list(part) == expected
    assert _approval_list([]) == approvals_text([]) == ""


def test_demo_insert_snapshot_writes_values_as_audit_text_does():
    """The demo's insert snapshot (class dispatch, for speed) holds exactly audit_text's texts."""
    import json
    from datetime import date as d
    from datetime import datetime as dt

    from kf5g_desktop.domain.audit_text import audit_text
    from kf5g_desktop.storage.demo_history import _BOOKKEEPING, _snapshot

    row = dict(
        id=7,
        name="城关基站",
        empty="",
        none=None,
        lon=114.3,
        lat=34.123456789,
        zero=0.0,
        whole=3.0,
        yes=True,
        no=False,
        count=0,
        big=12345678901,
        day=d(2021, 2, 3),
        moment=dt(2021, 2, 3, 4, 5, 6, 7),
        codes=["CMCC", "CBN"],
        nothing=[],
        created_at=dt(2021, 1, 1),
        version=2,
    )
    expected = {
        k: t
        for k, v in row.items()
        if k not in _BOOKKEEPING and v is not None and (t := audit_text(v)) is not None
    }
    assert json.loads(_snapshot(row, [])) == expected
    assert list(json.loads(_snapshot(row, []))) == list(expected)  # in the row's order
    assert "approvals" in json.loads(
        _snapshot(row, [dict(item="land", applied_on=None, granted_on=None, notes=None)])
    )
