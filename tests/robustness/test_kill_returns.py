"""SIGKILL in the middle of exporting a return and of importing one into the city database:
no half-written file under the final name, and the import is all or nothing."""

from __future__ import annotations

import random
import sqlite3
import time

import pytest

from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.returns.export import export_return
from kf5g_desktop.returns.verify import verify_file
from kf5g_desktop.storage import backup
from kf5g_desktop.storage.store import Store
from tests.returns.factory import make_records, open_store

from .checks import assert_sound
from .conftest import SLOW, STATS, kill_during, read_log, seeds

WEEK = "2021-W05"
STATIONS = 120


@pytest.fixture(scope="module")
def unit_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("unit")
    s = open_store(folder / "unit.db")
    make_records(s, "410221", STATIONS, seed=8)
    path = export_return(s, IsoWeek.parse(WEEK), folder, record=False).path
    s.close()
    return folder / "unit.db", path


def test_kill_during_exports_leaves_no_half_written_return(zygote, tmp_path, unit_db):
    db, _ = unit_db
    with open_store(tmp_path / "city.db", kind="city", unit="410200") as city:
        for seed in seeds("export", 8 if SLOW else 3):
            dest = tmp_path / f"out{seed}"
            dest.mkdir()
            run = kill_during(
                zygote,
                "export",
                tmp_path / "log",
                delay=random.Random(seed).uniform(0.2, 1.0),
                db=str(db),
                dest=str(dest),
                week=WEEK,
                n=50,
            )
            assert_sound(db)
            finals = [p for p in dest.iterdir() if p.suffix == ".xlsx" and not p.name.startswith(".")]
            # Anything else is the writer's temporary file (known gap: left behind by a kill).
            others = [p.name for p in dest.iterdir() if p not in finals]
            assert all(n.startswith(".") and n.endswith(".tmp.xlsx") for n in others), others
            exported = [ln for ln in run.lines if ln.startswith("exported ")]
            if exported:
                assert len(finals) == 1
            assert len(finals) <= 1
            for p in finals:  # whatever has the final name is a complete return
                res = verify_file(city, p)
                assert res.ok, res.messages()
                STATS["records"] += STATIONS


def counts(db) -> tuple[int, int, int]:
    con = sqlite3.connect(db)
    try:
        return tuple(  # type: ignore[return-value]
            con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("station", "submission", "batch")
        )
    finally:
        con.close()


def test_kill_during_a_return_import_is_all_or_nothing(zygote, tmp_path, unit_db):
    _, ret = unit_db
    fresh = tmp_path / "fresh.db"
    open_store(fresh, kind="city", unit="410200").close()
    # An uninterrupted import first: its duration and its result.
    ref = tmp_path / "ref.db"
    ref.write_bytes(fresh.read_bytes())
    t0 = time.monotonic()
    pid = zygote.start("import", tmp_path / "reflog", db=str(ref), file=str(ret))
    assert zygote.stop(pid, kill=False) == "code 0", read_log(tmp_path / "reflog")
    took = time.monotonic() - t0
    assert counts(ref) == (STATIONS, 1, 1)
    outcomes: set = set()
    for seed in seeds("import", 10 if SLOW else 5):
        db = tmp_path / f"{seed}.db"
        db.write_bytes(fresh.read_bytes())
        run = kill_during(
            zygote,
            "import",
            tmp_path / "log",
            delay=random.Random(seed).uniform(0.3 * took, 0.95 * took),
            after="start",
            db=str(db),
            file=str(ret),
        )
        assert_sound(db)
        got = counts(db)
        outcomes.add(got)
        assert got in ((0, 0, 0), (STATIONS, 1, 1)), got
        if any(ln.startswith("imported") for ln in run.lines):
            assert got == (STATIONS, 1, 1)
        STATS["records"] += got[0]
        for b in backup.list_backups(db):
            assert backup.integrity_problems(b.path) == []
        with Store.open(db) as s:  # and the import can simply be done again
            from kf5g_desktop.returns.importer import apply_import, plan_import

            res = verify_file(s, ret)
            apply_import(s, plan_import(s, res), replace_confirmed=True)
            assert s.count("station") == STATIONS
