"""The verify worker's side of a batch import (``returns/verify_worker.py``): what it sends back is
the verification exactly (dates included, shared approvals still shared), and the worker process
verifies without importing SQLAlchemy (it never opens a database)."""

from __future__ import annotations

import pickle
import subprocess
import sys
from datetime import date
from pathlib import Path

from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.returns import verify_worker
from kf5g_desktop.returns.export import export_return
from kf5g_desktop.returns.verify import verify_file
from tests.returns import factory

ROOT = Path(__file__).resolve().parents[2]


def _return(tmp_path: Path) -> tuple[Path, verify_worker.Reference]:
    store = factory.open_store(tmp_path / "unit" / "kf5g.db", unit="410221", clock=factory.fixed_clock())
    factory.make_records(store, "410221", 30, seed=5)
    path = export_return(store, IsoWeek(2021, 5), tmp_path).path
    ref = verify_worker.Reference.of(store)
    store.close()
    return path, ref


def test_the_packed_result_is_the_verification(tmp_path):
    path, ref = _return(tmp_path)
    result = verify_file(ref, path)  # type: ignore[arg-type]
    assert result.ok, result.messages()
    dated = [
        pr
        for pr in result.stations
        if any(type(getattr(pr.record, f)) is date for f in ("planned_on_air", "on_air"))
    ]
    applied = [pr for pr in result.approvals if pr.approval is not None and pr.approval.applied_on]
    assert dated and applied  # the day-number columns are exercised
    back = verify_worker.loads(verify_worker.dumps(result))
    assert back == result
    for a, b in zip(back.stations, result.stations, strict=True):
        for name in ("planned_on_air", "construction_start", "on_air"):
            assert type(getattr(a.record, name)) is type(getattr(b.record, name))
    shared = {id(pr.approval) for pr in back.approvals}
    assert all(id(a) in shared for pr in back.stations for a in pr.record.approvals)  # type: ignore[union-attr]


def test_the_worker_verifies_without_sqlalchemy(tmp_path):
    path, ref = _return(tmp_path)
    (tmp_path / "ref.pickle").write_bytes(pickle.dumps(ref))
    code = (
        "import pickle, sys\n"
        "from kf5g_desktop.returns import verify_worker as vw\n"
        f"ref = pickle.loads(open({str(tmp_path / 'ref.pickle')!r}, 'rb').read())\n"
        f"data, _logged = vw._verify({str(path)!r}, None, ref, 20)\n"
        "assert vw.loads(data).ok\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy' or m.endswith('storage.store')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr
