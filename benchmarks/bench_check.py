"""``kf5g check`` on a 100,000-station city demo as a whole process, against another checkout's
program (e.g. the previous release) run alternately in the same session: wall time from spawning to
exit, median and range, and the ratio of the medians. Target (issue 13): ≤ 5 s.

    python benchmarks/bench_check.py [--db PATH] [--runs N] [--vs DIR]
The database defaults to ``kf5g demo --stations 100000 --seed 3`` made on first use in /tmp.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(cmd: list[str], env: dict[str, str], cwd: Path) -> float:
    t0 = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=cwd)
    took = time.perf_counter() - t0
    if done.returncode != 0:
        raise SystemExit(f"{cmd} exited {done.returncode}: {done.stdout[-500:]}")
    return took


def summary(xs: list[float]) -> str:
    return f"median {statistics.median(xs):.2f} s (range {min(xs):.2f}–{max(xs):.2f}, {len(xs)} runs)"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path, default=Path("/tmp/kf5g-bench-city-100k.db"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument(
        "--vs", type=Path, default=None, help="another checkout (with its .venv) to run alternately"
    )
    args = ap.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if not args.db.exists():
        print(f"making {args.db} (100,000 stations)…", flush=True)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "kf5g_desktop",
                "demo",
                "--db",
                str(args.db),
                "--stations",
                "100000",
                "--seed",
                "3",
            ],
            check=True,
            env=env,
            cwd=ROOT,
        )
    load = os.getloadavg()[0]
    contenders = [
        ("this tree", [sys.executable, "-m", "kf5g_desktop", "check", "--db", str(args.db)], env, ROOT)
    ]
    if args.vs is not None:
        vs_cmd = [
            str(args.vs / ".venv" / "bin" / "python"),
            "-m",
            "kf5g_desktop",
            "check",
            "--db",
            str(args.db),
        ]
        contenders.append((f"--vs {args.vs}", vs_cmd, {**os.environ, "PYTHONPATH": str(args.vs)}, args.vs))
    for _name, cmd, e, cwd in contenders:
        run(cmd, e, cwd)  # warm the file cache
    got: dict[str, list[float]] = {name: [] for name, *_ in contenders}
    for _ in range(args.runs):
        for name, cmd, e, cwd in contenders:
            got[name].append(run(cmd, e, cwd))
    print(f"database: {args.db}; load average before/after: {load:.2f}, {os.getloadavg()[0]:.2f}")
    for name, xs in got.items():
        print(f"{name:>28}: kf5g check {summary(xs)}")
    if args.vs is not None:
        names = list(got)
        ratios = [a / b for a, b in zip(got[names[0]], got[names[1]], strict=True)]
        print(
            f"ratio this/vs pair by pair: median {statistics.median(ratios):.2f} (range {min(ratios):.2f}–{max(ratios):.2f})"
        )


if __name__ == "__main__":
    main()
