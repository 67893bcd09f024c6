"""The command line as a Unix tool (issue 14): ``kf5g verify … | head`` ends quietly, and
``kf5g bulk-import --header-row N`` when the header guess is wrong."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import openpyxl

from kf5g_desktop.cli import run
from tests.returns import factory

ROOT = Path(__file__).resolve().parents[2]


def test_verify_into_a_closed_pipe_ends_quietly(tmp_path):
    db = tmp_path / "c.db"
    factory.open_store(db, kind="city", unit=None).close()
    files = []
    for i in range(400):  # far more output than a pipe buffer holds
        f = tmp_path / f"坏{i}.xlsx"
        f.write_bytes(b"not a workbook")
        files.append(str(f))
    data = tmp_path / "data"
    env = {**os.environ, "XDG_DATA_HOME": str(data), "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "kf5g_desktop", "--db", str(db), "verify", *files],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=tmp_path,
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline().decode("utf-8")  # what `head -1` reads …
    proc.stdout.close()  # … before it goes away
    err = proc.stderr.read().decode("utf-8", errors="replace")
    rc = proc.wait(timeout=120)
    assert "校验未通过" in first
    assert err == "", err  # no "程序内部错误", no "Exception ignored … BrokenPipeError"
    assert rc == 141  # as a shell reports a program ended by SIGPIPE, not 3 (an internal error)
    log = data / "kf5g-desktop" / "kf5g.log"
    assert not log.exists() or "Traceback" not in log.read_text(encoding="utf-8")


def test_bulk_import_header_row_option(tmp_path, capsys):
    db = tmp_path / "u.db"
    factory.open_store(db).close()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["运营商", "基站类型", "建设状态", "数量"])  # a summary block above the list …
    ws.append(["中国移动", "宏站", "规划", 2])
    ws.append([])
    ws.append(["编号", "站名", "运营商"])  # … whose own header matches fewer known fields
    ws.append(["55000001", "甲站", "中国移动"])
    ws.append(["55000002", "乙站", "中国联通"])
    path = tmp_path / "清单.xlsx"
    wb.save(path)
    args = ["bulk-import", "--db", str(db), str(path), "--register", "stations", "--dry-run"]
    assert run(args) == 2  # the guess (row 1) has no 基站编码 column
    assert "基站编码" in capsys.readouterr().err
    assert run([*args, "--header-row", "4", "--map", "station_code=编号"]) == 0
    out = capsys.readouterr().out
    assert "表头：第4行" in out and "新增 2" in out


def test_the_parsers_own_words_go_to_the_log_not_the_screen(tmp_path):
    db = tmp_path / "c.db"
    factory.open_store(db, kind="city", unit=None).close()
    broken = tmp_path / "断.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00\x01" * 200)  # a zip header, then nothing a zip has
    data = tmp_path / "data"
    env = {**os.environ, "XDG_DATA_HOME": str(data), "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-m", "kf5g_desktop", "--db", str(db), "verify", str(broken)],
        capture_output=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    out = proc.stdout.decode("utf-8")
    assert proc.returncode == 1 and "已损坏或不完整" in out
    assert "zip" not in out.lower()  # not "File is not a zip file"
    log = (data / "kf5g-desktop" / "kf5g.log").read_text(encoding="utf-8")
    assert "断.xlsx" in log and "zip" in log.lower()
