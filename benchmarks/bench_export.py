"""Export benchmark: the weekly return of a unit with N stations (default 100,000).

    PYTHONPATH=. python benchmarks/bench_export.py [--stations N]

Measures the whole export (query the Store, build rows, digest, write the workbook with all its
presentation, store the submission) against a plain openpyxl write-only loop writing the same data
cells in the same run. Target: ratio ≤ 1.3, peak memory (ru_maxrss of this process, export first)
< 500 MB.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from openpyxl import Workbook

from benchmarks._data import clock, make_db
from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.returns.export import export_return
from kf5g_desktop.returns.format import DATA_SHEETS, HEADERS
from kf5g_desktop.storage.store import Store


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--stations", type=int, default=100_000)
    ap.add_argument("--db", type=Path, default=None, help="reuse/create this database")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="kf5g-bench-"))
    db = args.db or tmp / "bench.db"
    if not db.exists():
        t = time.perf_counter()
        make_db(db, args.stations)
        print(f"data: {args.stations} stations generated in {time.perf_counter() - t:.1f} s")
    week = IsoWeek(2021, 5)
    store = Store.open(db, user="bench", clock=clock)
    before = rss_mb()
    t = time.perf_counter()
    res = export_return(store, week, tmp, record=True)
    export_s = time.perf_counter() - t
    peak = rss_mb()
    sheets = res.content.sheets
    del res
    t = time.perf_counter()
    wb = Workbook(write_only=True)
    for name in DATA_SHEETS:
        ws = wb.create_sheet(name)
        ws.append(list(HEADERS[name]))
        for row in sheets[name]:
            ws.append(row)
    wb.save(tmp / "plain.xlsx")
    plain_s = time.perf_counter() - t
    store.close()
    n = len(sheets[DATA_SHEETS[0]])
    print(f"stations: {n}, cells written: {sum(len(r) for s in sheets.values() for r in s)}")
    print(f"export (store → xlsx + submission): {export_s:.2f} s")
    print(f"plain openpyxl write-only loop, same cells: {plain_s:.2f} s")
    print(f"ratio: {export_s / plain_s:.2f} (target ≤ 1.3)")
    print(
        f"peak memory during export: {peak:.0f} MB (process before export {before:.0f} MB; target < 500 MB)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
