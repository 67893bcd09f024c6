"""The first screen of the 基站 list as the registers stood at a moment, as a whole process.

    PYTHONPATH=. python benchmarks/list_at.py DB [--week 2021-W05 | --now]

Opens the Store read-only and runs the list's first-page query (200 rows, the list's default
sort) as at the week's cut-off, or now; prints the query's own time. Used by bench_history.py.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    from kf5g_desktop.domain.periods import IsoWeek
    from kf5g_desktop.domain.values import ListQuery
    from kf5g_desktop.storage.store import Store

    ap = argparse.ArgumentParser()
    ap.add_argument("db", type=Path)
    ap.add_argument("--week", default=None)
    args = ap.parse_args()
    with Store.open(args.db, readonly=True) as store:
        at = store.week_cutoff(IsoWeek.parse(args.week)) if args.week else None
        t = time.perf_counter()
        rows = store.query("station", ListQuery(limit=200), at=at)
        total = store.count("station", ListQuery(), at=at)
        print(f"{len(rows)} of {total} rows in {(time.perf_counter() - t) * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
