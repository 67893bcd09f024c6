"""Make the fixture database of the current (released) schema: tests/fixtures/kf5g-schema-<rev>.db.

Release checklist: before changing the schema, run this on the release being superseded so that
tests/storage/test_fixture_upgrades.py upgrades a database of every released schema to head.
"""

from __future__ import annotations

import sqlite3
import sys
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kf5g_desktop.domain.records import Approval, Station  # noqa: E402
from kf5g_desktop.domain.values import WeekNote  # noqa: E402
from kf5g_desktop.storage import migrate  # noqa: E402
from kf5g_desktop.storage.demo import generate_demo  # noqa: E402
from kf5g_desktop.storage.store import Store  # noqa: E402


def main() -> None:
    rev = migrate.head_revision()
    out = ROOT / "tests" / "fixtures" / f"kf5g-schema-{rev}.db"
    if out.exists():
        out.unlink()
    generate_demo(out, stations=60, seed=11)
    now = [datetime(2023, 3, 1, 10, 0)]  # after the demo's history; the rename an hour later
    with Store.open(out, user="发布检查", clock=lambda: now[0]) as s:
        st = s.save(
            Station(
                unit_code="410221",
                station_code="FIXTURE-1",
                operator="CTCC",
                name="夹具站",
                sharing_operators=["CUCC"],
                status="on_air",
                station_type="macro",
                township_code="410221101",
                build_mode="new",
                lon=114.78,
                lat=34.55,
                on_air=date(2021, 2, 3),
                network_mode="SA",
                power_supply="indirect",
                conversion="planned",
                approvals=[Approval("land", date(2020, 10, 1), date(2020, 11, 2))],
            )
        )
        now[0] = datetime(2023, 3, 1, 11, 0)
        st.name = "夹具站(改名)"
        s.save(st)
        s.delete("venue", next(v.id for v in s.query("venue") if v.station_count == 0))
        s.save_week_note(WeekNote("410221", "2021-W08", "夹具问题说明", "审核人"))
        s.set_target("410221", 2021, "stations_on_air", 300)
    con = sqlite3.connect(out)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.execute("PRAGMA journal_mode=DELETE")
    con.execute("VACUUM")
    con.close()
    for suffix in ("-wal", "-shm", ".lock"):
        p = out.with_name(out.name + suffix)
        if p.exists():
            p.unlink()
    backups = out.parent / "backups"
    if backups.exists():
        for p in backups.iterdir():
            p.unlink()
        backups.rmdir()
    print(f"{out} ({out.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
