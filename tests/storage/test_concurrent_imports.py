"""Eight officers importing at the same moment into one city database, each in a real process of
its own running the command line: four units' weekly returns (``kf5g import``) and four units'
operator lists (``kf5g bulk-import``).

On a PostgreSQL server every process gets through at once: 0 records lost (every row of every
file in the database afterwards, under its unit), every batch and every submission recorded,
history in step with the records, and no deadlock or "someone else is changing" message shown.

On a SQLite file the one-writer lock lets one process write at a time: a process that finds the
file in use is told so in Chinese (who has it, what to do), writes nothing and exits; the officer
runs the command again. Nothing is lost and nothing is half-written."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.domain.schema import POLE, REGISTER_KINDS, STATION, VENUE
from kf5g_desktop.domain.values import ListQuery
from kf5g_desktop.returns.export import export_return
from kf5g_desktop.storage.store import Store
from tests.pg import SUPERUSER, office_database
from tests.returns import factory
from tests.storage.station_lists import write_station_list

WORKER = Path(__file__).with_name("import_process.py")
RETURN_UNITS = ("410202", "410203", "410204", "410205")
LIST_UNITS = ("410212", "410221", "410222", "410223")
LIST_ROWS = 300
W05 = IsoWeek(2021, 5)


@dataclass(frozen=True)
class Job:
    unit: str
    kind: str  # "return" | "list"
    file: Path
    keys: dict[str, set[tuple[object, ...]]]  # register → the business keys the file holds

    def argv(self, db: str) -> list[str]:
        if self.kind == "return":
            return ["import", str(self.file), "--db", db]
        return ["bulk-import", str(self.file), "--register", "stations", "--unit", self.unit, "--db", db]


def _keys(store: Store, unit: str) -> dict[str, set[tuple[object, ...]]]:
    q = ListQuery(unit_codes=[unit])
    return {
        STATION: {(s.operator, s.station_code) for s in store.query(STATION, q)},
        VENUE: {(v.venue_code,) for v in store.query(VENUE, q)},
        POLE: {(p.pole_code,) for p in store.query(POLE, q)},
    }


@pytest.fixture(scope="module")
def jobs(tmp_path_factory) -> list[Job]:
    """Four units' W05 returns (each exported by the unit's own program, ~30 stations with their
    venues, poles and approvals) and four units' station lists (300 rows each, new stations)."""
    tmp = tmp_path_factory.mktemp("eight")
    out = tmp / "files"
    out.mkdir()
    made: list[Job] = []
    for n, unit in enumerate(RETURN_UNITS):
        store = factory.open_store(tmp / unit / "kf5g.db", unit=unit)
        try:
            factory.make_records(store, unit, 30 + n, seed=11 + n)
            path = export_return(store, W05, out).path
            made.append(Job(unit, "return", path, _keys(store, unit)))
        finally:
            store.close()
    with Store.open(tmp / "ref.db", user="参考") as ref:
        for n, unit in enumerate(LIST_UNITS):
            path = out / f"{unit}-清单.csv"
            keys = write_station_list(path, ref, unit, LIST_ROWS, seed=100 + n)
            made.append(Job(unit, "list", path, {STATION: set(keys), VENUE: set(), POLE: set()}))
    return made


def _start(job: Job, db: str, tmp: Path, again: bool) -> subprocess.Popen[str]:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp / "data")}
    p = subprocess.Popen(
        [sys.executable, str(WORKER), *(["--again-when-in-use"] if again else []), *job.argv(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=Path(__file__).parents[2],
    )
    assert p.stdout is not None and p.stdout.readline().strip() == "READY", (
        p.stderr.read() if p.stderr else ""
    )
    return p


def _run_at_once(
    jobs: list[Job], dbs: list[str], tmp: Path, *, again_when_in_use: bool = False
) -> list[tuple[int, str, str]]:
    """Start one process per job, let every one of them load the program, then say GO to all at
    once; their exit codes and what they printed. ``again_when_in_use``: a command refused because
    the SQLite file is in use is run again by its process until it gets through."""
    procs = [_start(j, db, tmp, again_when_in_use) for j, db in zip(jobs, dbs, strict=True)]
    try:
        for p in procs:
            assert p.stdin is not None
            p.stdin.write("GO\n")
            p.stdin.flush()
        results = []
        for p in procs:
            out, err = p.communicate(timeout=480)
            results.append((p.returncode, out, err))
        return results
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()


def _check_nothing_lost(store: Store, jobs: list[Job]) -> None:
    for job in jobs:
        assert _keys(store, job.unit) == job.keys, (job.unit, job.kind)
    batches = [b for b in store.batches() if b.undone_at is None]
    returns = [b for b in batches if b.kind == "return"]
    lists = [b for b in batches if b.kind == "bulk"]
    assert len(returns) == len(RETURN_UNITS) and len(lists) == len(LIST_UNITS), batches
    assert {f"{u}-清单.csv" for u in LIST_UNITS} == {
        next(j.file.name for j in jobs if j.file.name in b.description) for b in lists
    }
    subs = store.submissions(direction="import", week=str(W05))
    assert sorted(s.unit_code for s in subs) == sorted(RETURN_UNITS)
    assert {s.batch_id for s in subs} == {b.id for b in returns}
    assert store.history_out_of_step() == []
    # every record written has its insert in the audit log, under its batch
    for job in jobs:
        q = ListQuery(unit_codes=[job.unit])
        for kind in REGISTER_KINDS:
            for rec in store.query(kind, q):
                assert [e.action for e in store.history(kind, rec.id)] == ["insert"], (kind, rec)


def test_eight_processes_import_at_once_into_one_server_database(pg_cluster, jobs, tmp_path):
    people = [f"填报员{i + 1}" for i in range(len(jobs))]
    name = office_database(pg_cluster, dict.fromkeys(people, "填报"), kind="city")
    owner = pg_cluster.url(name, SUPERUSER)
    try:
        results = _run_at_once(jobs, [pg_cluster.url(name, p) for p in people], tmp_path)
        for job, (code, out, err) in zip(jobs, results, strict=True):
            assert code == 0, (job.unit, job.kind, out, err)
            assert "同时在修改" not in out + err and "错误" not in err, (job.unit, out, err)
            assert ("已导入" in out) if job.kind == "list" else ("导入" in out), out
        with Store.open(owner) as store:
            _check_nothing_lost(store, jobs)
            by = {b.created_by for b in store.batches()}
            assert by == set(people)  # each batch is its officer's login
    finally:
        pg_cluster.drop_database(name)


def test_eight_processes_on_one_sqlite_file_take_turns_and_lose_nothing(jobs, tmp_path):
    path = tmp_path / "city" / "kf5g.db"
    factory.open_store(path, kind="city", unit=None, user="市专班").close()
    results = _run_at_once(jobs, [str(path)] * len(jobs), tmp_path, again_when_in_use=True)
    refusals = 0
    for job, (code, out, err) in zip(jobs, results, strict=True):
        assert code == 0, (job.unit, job.kind, out, err)
        for line in out.splitlines():
            if line.startswith("REFUSED "):
                # told in Chinese that the file is in use, by whom, and what to do
                refusals += 1
                assert "数据库正被" in line and "同一时间只能有一个程序修改它，本命令没有执行" in line, line
                assert "请在那台电脑上保存并退出程序" in line, line
    assert refusals > 0  # they did meet: the one-writer lock made the others wait their turn
    with Store.open(path, readonly=True) as store:
        _check_nothing_lost(store, jobs)  # nothing of a refused attempt was written
