"""Verify + import benchmark: a unit's return with N stations (default 100,000) into a city database.

    PYTHONPATH=. python benchmarks/bench_import.py [--stations N] [--file RETURN.xlsx]

Times every reading check of RETURNS.md (safe open, meta, headers, counts, digest, formulas/merged
cells, every row parsed and validated, links, duplicates) plus the import (diff against the
database, backup, one batch transaction with audit rows) against a plain python-calamine read of
every sheet of the same file in the same run. Target: ratio ≤ 3.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from python_calamine import CalamineWorkbook

from benchmarks._data import clock, make_db
from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.returns.export import export_return
from kf5g_desktop.returns.importer import apply_import, plan_import
from kf5g_desktop.returns.verify import verify_file
from kf5g_desktop.storage.store import Store


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--stations", type=int, default=100_000)
    ap.add_argument("--file", type=Path, default=None, help="an exported return (else one is made)")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="kf5g-bench-"))
    path = args.file
    if path is None:
        make_db(tmp / "unit.db", args.stations)
        with Store.open(tmp / "unit.db", user="bench", clock=clock) as unit:
            path = export_return(unit, IsoWeek(2021, 5), tmp, record=False).path
    print(f"file: {path} ({path.stat().st_size / 1024 / 1024:.1f} MB)")

    t = time.perf_counter()
    wb = CalamineWorkbook.from_path(str(path))
    cells = sum(sum(len(r) for r in wb.get_sheet_by_name(n).to_python()) for n in wb.sheet_names)
    plain_s = time.perf_counter() - t

    city = Store.open(tmp / "city.db", user="bench", clock=lambda: datetime(2021, 2, 8, 10, 0))
    city.setup_installation(kind="city", unit_code=None, user_name="市局")
    t = time.perf_counter()
    res = verify_file(city, path)
    verify_s = time.perf_counter() - t
    assert res.ok, res.messages()[:5]
    plan = plan_import(city, res)
    outcome = apply_import(city, plan)
    total_s = time.perf_counter() - t
    city.close()
    print(f"cells: {cells}; {outcome.message}")
    print(f"plain python-calamine read of every sheet: {plain_s:.2f} s")
    print(f"verify: {verify_s:.2f} s; verify + import: {total_s:.2f} s")
    print(f"ratio: {total_s / plain_s:.2f} (target ≤ 3)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
