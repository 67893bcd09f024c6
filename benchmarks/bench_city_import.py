"""The city's weekly import as the city office does it: ``kf5g import`` of the nine units' returns in
one command, as a whole process, against a plain python-calamine read of every sheet of the same
nine files (also a whole process), run alternately: A B A B …

    python benchmarks/bench_city_import.py --weeks DATA/2021-W05 DATA/2021-W06 [--runs 3] [--vs DIR]

``DATA`` holds the nine unit returns of each week (``kf5g export --week W --unit U`` from
``kf5g demo --stations 100000 --seed 3``). Two cases:

* fresh — the first week's nine returns into a fresh city database (``kf5g init --city``);
* steady — the second week's nine returns into a city database that already holds the first
  week's (most rows unchanged: the case of every week).

Each run gets its own copy of the starting database (made before the clock starts). For every run:
wall time and peak memory of the process (``ru_maxrss`` of the child as the kernel accounts it);
and its CPU time (user + system, which a loaded machine disturbs less than the wall time), printed
as median and range, with the ratios import / read pair by pair. Target: ratio ≤ 3, peak
< 500 MB. The import verifies files in a worker process beside the writing: ``peak`` is the
largest process (what the kernel reports for the child and the children it waited for), ``tree``
the largest sum of the resident memory of the process and its children, sampled every 50 ms.
``--vs DIR`` adds another checkout's ``kf5g import`` (its own ``.venv``) to every round (A, read,
other, …), with its ratio to this tree's import. Exit status 0 whatever the figures (it measures,
it does not judge).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
READ = """
import sys
from python_calamine import CalamineWorkbook
cells = 0
for path in sys.argv[1:]:
    wb = CalamineWorkbook.from_path(path)
    for name in wb.sheet_names:
        cells += sum(len(r) for r in wb.get_sheet_by_name(name).to_python())
print(cells)
"""


def _kf5g(python: str = sys.executable) -> list[str]:
    return [python, "-m", "kf5g_desktop"]


def _tree_rss(pid: int) -> int:
    """Resident kB of a process and its descendants (0 once it is gone)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except (OSError, ValueError):
            continue
    return total


class TreePeak(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.done = pid, 0, threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.05):
            self.peak = max(self.peak, _tree_rss(self.pid))


TREE: list[float] = []  # the last run's tree peak (MB)


def run(
    cmd: list[str], *, env: dict[str, str] | None = None, cwd: Path = HERE
) -> tuple[float, float, int, float]:
    """Wall seconds, peak RSS in MB, exit status and CPU seconds (user + system) of one whole
    process (and the children it waited for); the peak sum of the tree's memory in ``TREE``."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=cwd)
    sampler = TreePeak(proc.pid)
    sampler.start()
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    sampler.done.set()
    sampler.join()
    TREE[:] = [sampler.peak / 1024]
    if proc.stderr is not None:
        tail = proc.stderr.read().decode(errors="replace").strip()
        proc.stderr.close()
        if os.waitstatus_to_exitcode(status) not in (0, 1) and tail:
            print(tail[-2000:], file=sys.stderr)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024, proc.returncode, usage.ru_utime + usage.ru_stime


def import_cmd(db: Path, files: list[Path], received_at: str, python: str = sys.executable) -> list[str]:
    return [*_kf5g(python), "--db", str(db), "import", *map(str, files), "--received-at", received_at]


def received(week_dir: Path) -> str:
    """The Monday after the week, 10:00 (on time)."""
    from datetime import date, timedelta

    year, week = week_dir.name.split("-W")
    monday = date.fromisocalendar(int(year), int(week), 1) + timedelta(days=7)
    return f"{monday.isoformat()}T10:00"


def fmt(values: list[float], unit: str, digits: int = 2) -> str:
    return (
        f"{statistics.median(values):.{digits}f} {unit} ({min(values):.{digits}f}–{max(values):.{digits}f})"
    )


def case(
    name: str,
    start_db: Path,
    files: list[Path],
    at: str,
    runs: int,
    tmp: Path,
    env: dict[str, str],
    other: Path | None = None,
) -> None:
    walls, peaks, trees, reads, read_peaks, ratios = [], [], [], [], [], []
    cpus, read_cpus, cpu_ratios = [], [], []
    o_walls, o_peaks, o_trees, o_cpus, o_ratios, vs = [], [], [], [], [], []
    read_cmd = [sys.executable, "-c", READ, *map(str, files)]
    o_env = dict(env, PYTHONPATH=str(other)) if other is not None else env

    def fresh_copy() -> Path:
        db = tmp / f"{name}.db"
        for p in tmp.glob(f"{name}.db*"):
            p.unlink()
        shutil.rmtree(tmp / "backups", ignore_errors=True)
        shutil.copyfile(start_db, db)
        return db

    for i in range(runs + 1):  # the first round warms the caches and is not counted
        a_wall, a_peak, a_rc, a_cpu = run(import_cmd(fresh_copy(), files, at), env=env)
        a_tree = TREE[0]
        b_wall, b_peak, _, b_cpu = run(read_cmd, env=env)
        if a_rc != 0:
            print(f"  {name}: kf5g import exited with {a_rc}", file=sys.stderr)
        if other is not None:
            py = str(other / ".venv" / "bin" / "python")
            c_wall, c_peak, c_rc, c_cpu = run(import_cmd(fresh_copy(), files, at, py), env=o_env, cwd=other)
            c_tree = TREE[0]
            if c_rc != 0:
                print(f"  {name}: {other}'s kf5g import exited with {c_rc}", file=sys.stderr)
        if i == 0:
            continue
        walls.append(a_wall)
        peaks.append(a_peak)
        trees.append(a_tree)
        reads.append(b_wall)
        read_peaks.append(b_peak)
        ratios.append(a_wall / b_wall)
        cpus.append(a_cpu)
        read_cpus.append(b_cpu)
        cpu_ratios.append(a_cpu / b_cpu)
        line = (
            f"  {name} run {i}: import {a_wall:.2f} s (CPU {a_cpu:.1f} s) {a_peak:.0f} MB (tree {a_tree:.0f});"
            f" read {b_wall:.2f} s (CPU {b_cpu:.1f} s)"
        )
        if other is not None:
            o_walls.append(c_wall)
            o_peaks.append(c_peak)
            o_trees.append(c_tree)
            o_cpus.append(c_cpu)
            o_ratios.append(c_wall / b_wall)
            vs.append(a_wall / c_wall)
            line += f"; other {c_wall:.2f} s (CPU {c_cpu:.1f} s) {c_peak:.0f} MB (tree {c_tree:.0f})"
        print(f"{line}; load {os.getloadavg()[0]:.1f}", flush=True)
    print(
        f"{name}: kf5g import of {len(files)} files {fmt(walls, 's')}, peak {fmt(peaks, 'MB', 0)},"
        f" tree {fmt(trees, 'MB', 0)}"
    )
    print(f"{name}: plain calamine read {fmt(reads, 's')}, peak {fmt(read_peaks, 'MB', 0)}")
    print(f"{name}: ratio import/read {fmt(ratios, '×')}   load average now {os.getloadavg()[0]:.1f}")
    print(
        f"{name}: CPU (user + system) import {fmt(cpus, 's')}, read {fmt(read_cpus, 's')}, ratio {fmt(cpu_ratios, '×')}"
    )
    if other is not None:
        print(
            f"{name}: {other}: import {fmt(o_walls, 's')}, CPU {fmt(o_cpus, 's')}, peak {fmt(o_peaks, 'MB', 0)},"
            f" tree {fmt(o_trees, 'MB', 0)}; ratio to the read {fmt(o_ratios, '×')}"
        )
        print(f"{name}: this tree's import / {other}'s, pair by pair: {fmt(vs, '×')}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--weeks", nargs=2, type=Path, required=True, metavar="DIR", help="first and second week's files"
    )
    ap.add_argument("--runs", type=int, default=3, help="counted pairs per case (after one warm-up pair)")
    ap.add_argument("--only", choices=["fresh", "steady"], help="one case only")
    ap.add_argument(
        "--vs", type=Path, default=None, help="another checkout (with its .venv) as a third contender"
    )
    args = ap.parse_args()
    first, second = (sorted(d.glob("*.xlsx")) for d in args.weeks)
    tmp = Path(tempfile.mkdtemp(prefix="kf5g-city-import-"))
    env = dict(os.environ, PYTHONPATH=str(HERE), QT_QPA_PLATFORM="offscreen")
    try:
        fresh = tmp / "start-fresh.db"
        subprocess.run(
            [*_kf5g(), "--db", str(fresh), "init", "--city", "--user", "市局"],
            check=True,
            env=env,
            cwd=HERE,
            stdout=subprocess.DEVNULL,
        )
        _checkpointed(fresh)
        print(f"load average at start {os.getloadavg()[0]:.1f}; {os.cpu_count()} cores")
        if args.only in (None, "fresh"):
            case("fresh", fresh, first, received(args.weeks[0]), args.runs, tmp, env, args.vs)
        if args.only in (None, "steady"):
            steady = tmp / "start-steady.db"
            shutil.copyfile(fresh, steady)
            subprocess.run(
                import_cmd(steady, first, received(args.weeks[0])),
                check=True,
                env=env,
                cwd=HERE,
                stdout=subprocess.DEVNULL,
            )
            _checkpointed(steady)
            case("steady", steady, second, received(args.weeks[1]), args.runs, tmp, env, args.vs)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def _checkpointed(db: Path) -> None:
    """Fold the WAL into the file, so one file copy is the whole database."""
    import sqlite3

    con = sqlite3.connect(db)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)


if __name__ == "__main__":
    raise SystemExit(main())
