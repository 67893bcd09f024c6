"""The city's weekly import as the city office does it: ``kf5g import`` of the nine units' returns in
one command, as a whole process, against a plain python-calamine read of every sheet of the same
nine files (also a whole process), run alternately: A B A B …

    python benchmarks/bench_city_import.py --weeks DATA/2021-W05 DATA/2021-W06 [--runs 3]

``DATA`` holds the nine unit returns of each week (``kf5g export --week W --unit U`` from
``kf5g demo --stations 100000 --seed 3``). Two cases:

* fresh — the first week's nine returns into a fresh city database (``kf5g init --city``);
* steady — the second week's nine returns into a city database that already holds the first
  week's (most rows unchanged: the case of every week).

Each run gets its own copy of the starting database (made before the clock starts). For every run:
wall time and peak memory of the process (``ru_maxrss`` of the child as the kernel accounts it);
and its CPU time (user + system, which a loaded machine disturbs less than the wall time), printed
as median and range, with the ratios import / read pair by pair. Target: ratio ≤ 3, peak
< 500 MB. Exit status 0 whatever the figures (it measures, it does not judge).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
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


def _kf5g() -> list[str]:
    return [sys.executable, "-m", "kf5g_desktop"]


def run(cmd: list[str], *, env: dict[str, str] | None = None) -> tuple[float, float, int, float]:
    """Wall seconds, peak RSS in MB, exit status and CPU seconds (user + system) of one whole
    process."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=HERE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    if proc.stderr is not None:
        tail = proc.stderr.read().decode(errors="replace").strip()
        proc.stderr.close()
        if os.waitstatus_to_exitcode(status) not in (0, 1) and tail:
            print(tail[-2000:], file=sys.stderr)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024, proc.returncode, usage.ru_utime + usage.ru_stime


def import_cmd(db: Path, files: list[Path], received_at: str) -> list[str]:
    return [*_kf5g(), "--db", str(db), "import", *map(str, files), "--received-at", received_at]


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
    name: str, start_db: Path, files: list[Path], at: str, runs: int, tmp: Path, env: dict[str, str]
) -> None:
    walls, peaks, reads, read_peaks, ratios = [], [], [], [], []
    cpus, read_cpus, cpu_ratios = [], [], []
    read_cmd = [sys.executable, "-c", READ, *map(str, files)]
    for i in range(runs + 1):  # the first pair warms the caches and is not counted
        db = tmp / f"{name}.db"
        for p in tmp.glob(f"{name}.db*"):
            p.unlink()
        shutil.rmtree(tmp / "backups", ignore_errors=True)
        shutil.copyfile(start_db, db)
        a_wall, a_peak, a_rc, a_cpu = run(import_cmd(db, files, at), env=env)
        b_wall, b_peak, _, b_cpu = run(read_cmd, env=env)
        if a_rc != 0:
            print(f"  {name}: kf5g import exited with {a_rc}", file=sys.stderr)
        if i == 0:
            continue
        walls.append(a_wall)
        peaks.append(a_peak)
        reads.append(b_wall)
        read_peaks.append(b_peak)
        ratios.append(a_wall / b_wall)
        cpus.append(a_cpu)
        read_cpus.append(b_cpu)
        cpu_ratios.append(a_cpu / b_cpu)
        print(
            f"  {name} run {i}: import {a_wall:.2f} s (CPU {a_cpu:.1f} s) {a_peak:.0f} MB;"
            f" read {b_wall:.2f} s (CPU {b_cpu:.1f} s); load {os.getloadavg()[0]:.1f}",
            flush=True,
        )
    print(f"{name}: kf5g import of {len(files)} files {fmt(walls, 's')}, peak {fmt(peaks, 'MB', 0)}")
    print(f"{name}: plain calamine read {fmt(reads, 's')}, peak {fmt(read_peaks, 'MB', 0)}")
    print(f"{name}: ratio import/read {fmt(ratios, '×')}   load average now {os.getloadavg()[0]:.1f}")
    print(
        f"{name}: CPU (user + system) import {fmt(cpus, 's')}, read {fmt(read_cpus, 's')}, ratio {fmt(cpu_ratios, '×')}"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--weeks", nargs=2, type=Path, required=True, metavar="DIR", help="first and second week's files"
    )
    ap.add_argument("--runs", type=int, default=3, help="counted pairs per case (after one warm-up pair)")
    ap.add_argument("--only", choices=["fresh", "steady"], help="one case only")
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
            case("fresh", fresh, first, received(args.weeks[0]), args.runs, tmp, env)
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
            case("steady", steady, second, received(args.weeks[1]), args.runs, tmp, env)
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
