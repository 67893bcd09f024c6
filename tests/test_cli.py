"""The command line: the same code as the window, clear one-line Chinese errors, exit codes."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kf5g_desktop import __version__
from kf5g_desktop.cli import run

ROOT = Path(__file__).resolve().parents[1]


def kf5g(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "kf5g_desktop", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
    )


def test_version():
    r = kf5g("--version")
    assert r.returncode == 0 and __version__ in r.stdout


def test_demo_then_check_exits_0(tmp_path):
    db = tmp_path / "d.db"
    r = kf5g("demo", "--db", db, "--stations", "400", "--seed", "3")
    assert r.returncode == 0, r.stderr
    assert "基站 400 个" in r.stdout
    r = kf5g("check", "--db", db)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "检查通过" in r.stdout
    # the demo's planted possible duplicates: a warning listing both records, the exit status stays 0
    assert "提醒：4 对基站相距不足20米，可能重复登记" in r.stdout
    assert r.stdout.count("可能是同一基站重复登记") == 2 and r.stdout.count("共建站各登记了一次") == 2
    # --full: SQLite's integrity_check instead of its quick_check, the same verdict on a sound file
    r = kf5g("check", "--full", "--db", db)
    assert r.returncode == 0 and "检查通过" in r.stdout, r.stdout + r.stderr


def test_check_reports_a_damaged_file(tmp_path):
    """The quick check of ``kf5g check`` finds a page overwritten in the middle of the file."""
    db = tmp_path / "d.db"
    assert kf5g("demo", "--db", db, "--stations", "400", "--seed", "3").returncode == 0
    size = db.stat().st_size
    with open(db, "r+b") as f:
        f.seek(size // 2 // 4096 * 4096)
        f.write(b"\xff" * 4096)
    r = kf5g("check", "--db", db)
    assert r.returncode != 0
    assert "Traceback" not in r.stdout + r.stderr


def test_check_of_a_file_damaged_where_the_records_are_says_how_to_restore(tmp_path):
    """The station table's first page overwritten: the records cannot be read. ``kf5g check`` says
    the file is damaged (no internal error) and ends with the restore command of its newest backup,
    which, run as given, gives back a file that passes."""
    import shlex

    db = tmp_path / "d.db"
    assert kf5g("demo", "--db", db, "--stations", "400", "--seed", "3").returncode == 0
    assert kf5g("backup", "--db", db).returncode == 0
    con = sqlite3.connect(db)
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'station'").fetchone()[0]
    page = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    with open(db, "r+b") as f:
        f.seek((root - 1) * page)
        f.write(b"\xa5" * 64)
    r = kf5g("check", "--db", db)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "Traceback" not in r.stdout + r.stderr and "内部错误" not in r.stdout + r.stderr
    assert "[数据库] d.db：数据库完整性检查：" in r.stdout
    last = r.stdout.strip().splitlines()[-1]
    assert last.startswith("数据库文件已损坏，请从备份恢复（kf5g restore --db ")
    assert last.endswith("被替换的损坏文件会另存一份）。")
    command = last[last.index("kf5g restore") : last.index("，这是最新的备份")]
    restore = kf5g(*shlex.split(command)[1:])
    assert restore.returncode == 0, restore.stdout + restore.stderr
    again = kf5g("check", "--db", db)
    assert again.returncode == 0 and "检查通过" in again.stdout, again.stdout + again.stderr


def test_check_lists_problems_and_exits_1(tmp_path, capsys):
    db = tmp_path / "d.db"
    assert run(["demo", "--db", str(db), "--stations", "50"]) == 0
    con = sqlite3.connect(db)
    con.execute("UPDATE station SET lon = 120.5 WHERE id = 3")
    con.commit()
    con.close()
    capsys.readouterr()
    assert run(["check", "--db", str(db)]) == 1
    out = capsys.readouterr().out
    assert "发现 1 个问题" in out and "经度" in out


def test_init_unit_and_city_and_refuse_twice(tmp_path, capsys):
    db = tmp_path / "i.db"
    assert run(["init", "--unit", "410221", "--user", "张三", "--db", str(db)]) == 0
    assert "杞县" in capsys.readouterr().out
    assert run(["init", "--city", "--db", str(db)]) == 2
    assert "已经设置为" in capsys.readouterr().err
    assert run(["init", "--city", "--force", "--db", str(db)]) == 0
    assert run(["init", "--unit", "999999", "--force", "--db", str(db)]) == 2
    assert "不是开封市的区县" in capsys.readouterr().err


def test_kf5g_db_environment_variable(tmp_path):
    db = tmp_path / "env.db"
    r = kf5g("init", "--unit", "410225", env={"KF5G_DB": str(db)})
    assert r.returncode == 0, r.stderr
    assert db.exists()


def test_backup_list_and_restore(tmp_path, capsys):
    db = tmp_path / "b.db"
    assert run(["demo", "--db", str(db), "--stations", "30"]) == 0
    assert run(["backup", "--db", str(db)]) == 0
    assert run(["backup", "--db", str(db), "--to", str(tmp_path / "copy.db")]) == 0
    assert (tmp_path / "copy.db").exists()
    capsys.readouterr()
    assert run(["backups", "--db", str(db)]) == 0
    line = capsys.readouterr().out.strip().splitlines()[0]
    backup_path = line.split()[-1]
    assert run(["restore", backup_path, "--db", str(db)]) == 0
    assert "被替换的数据库已另存为" in capsys.readouterr().out
    assert run(["restore", str(tmp_path / "nope.db"), "--db", str(db)]) == 2


def test_errors_are_one_chinese_line_never_a_traceback(tmp_path):
    db = tmp_path / "new.db"
    assert run(["init", "--unit", "410221", "--db", str(db)]) == 0
    con = sqlite3.connect(db)
    con.execute("UPDATE alembic_version SET version_num = 'abcdef999999'")
    con.commit()
    con.close()
    r = kf5g("check", "--db", db)
    assert r.returncode == 2
    assert r.stderr.startswith("错误：") and "更新版本" in r.stderr and "Traceback" not in r.stderr
    r = kf5g("demo", "--db", tmp_path / "x.db", "--unit", "123")
    assert r.returncode == 2 and "不是开封市的区县" in r.stderr


def test_a_locked_database_names_its_holder(tmp_path):
    from kf5g_desktop.storage.store import Store

    db = tmp_path / "l.db"
    with Store.open(db, user="赵六"):
        r = kf5g("init", "--unit", "410221", "--db", db)
    assert r.returncode == 2 and "赵六" in r.stderr


@pytest.mark.parametrize("args", [["demo", "--stations", "0"]])
def test_bad_arguments(tmp_path, args):
    r = kf5g(*args, "--db", tmp_path / "z.db")
    assert r.returncode == 2


def test_self_test_runs_every_step():
    r = kf5g("self-test", env={"QT_QPA_PLATFORM": "offscreen"})
    assert r.returncode == 0, r.stdout + r.stderr
    assert "自检通过" in r.stdout and "[失败]" not in r.stdout
    assert "周报" in r.stdout and "数据库" in r.stdout
