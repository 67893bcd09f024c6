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


def test_demo_is_reproducible_and_scales(tmp_path):
    a = generate_demo(tmp_path / "a.db", stations=300, seed=7)
    b = generate_demo(tmp_path / "b.db", stations=300, seed=7)
    assert a == b and a.stations == 300


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
