"""Two editors in two real processes on one SQLite file, both with the same station open: both
save at once; one wins, the other is told who changed it, and nothing is overwritten."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kf5g_desktop.storage.store import Store
from tests.builders import station

EDITOR = Path(__file__).with_name("editor_process.py")


def _start(path: Path, user: str, sid: int, name: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(EDITOR), str(path), user, str(sid), name],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )


def test_two_editors_of_one_station_one_wins_the_other_is_told(tmp_path):
    path = tmp_path / "kf5g.db"
    with Store.open(path, user="管理员") as s:
        s.setup_installation(kind="unit", unit_code="410221", user_name="管理员")
        sid = s.save(station()).id
    editors = {"张三": _start(path, "张三", sid, "张三的站名"), "李四": _start(path, "李四", sid, "李四的站名")}
    try:
        for p in editors.values():  # both have read version 1 before either saves
            assert p.stdout is not None
            assert p.stdout.readline().strip() == "READ 1"
        for p in editors.values():
            assert p.stdin is not None
            p.stdin.write("GO\n")
            p.stdin.flush()
        results = {}
        for user, p in editors.items():
            out, err = p.communicate(timeout=120)
            assert p.returncode == 0, err
            results[user] = out.strip()
    finally:
        for p in editors.values():
            if p.poll() is None:
                p.kill()
    saved = [u for u, r in results.items() if r == "SAVED 2"]
    refused = [u for u, r in results.items() if r.startswith("REFUSED ")]
    assert len(saved) == 1 and len(refused) == 1, results
    winner, loser = saved[0], refused[0]
    assert results[loser].startswith(f"REFUSED 此记录已被 {winner} 于 ")
    assert "修改，您的修改未保存" in results[loser]
    with Store.open(path, readonly=True) as s:
        st = s.get_station(sid)
        assert (st.name, st.meta.version, st.meta.updated_by) == (f"{winner}的站名", 2, winner)
        updates = [h for h in s.history("station", sid) if h.action == "update"]
        assert [(h.user, h.new) for h in updates] == [(winner, f"{winner}的站名")]
        assert [v.row["name"] for v in s.versions("station", sid)] == ["杞县一中", f"{winner}的站名"]
        assert s.history_out_of_step() == []
