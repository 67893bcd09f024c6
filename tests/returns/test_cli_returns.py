"""The command line of the returns area, end to end on real files (exit codes and messages)."""

from __future__ import annotations

from kf5g_desktop.cli import run
from tests.returns import factory


def test_cli_export_verify_import(tmp_path, capsys):
    unit_db = tmp_path / "u.db"
    s = factory.open_store(unit_db)
    factory.make_records(s, "410221", 10)
    s.close()
    city_db = tmp_path / "c.db"
    assert run(["init", "--db", str(city_db), "--city", "--user", "市局"]) == 0
    assert run(["reference", "--db", str(city_db), "export", str(tmp_path / "ref.json")]) == 0
    assert run(["reference", "--db", str(unit_db), "import", str(tmp_path / "ref.json")]) == 0
    assert run(["export", "--db", str(unit_db), "--week", "2021-W05", "-o", str(tmp_path)]) == 0
    f = tmp_path / "410221_杞县_5G周报_2021W05.xlsx"
    assert f.exists()
    out = capsys.readouterr().out
    assert "已签名" in out
    assert run(["verify", "--db", str(city_db), str(f)]) == 0
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a workbook")
    assert run(["verify", "--db", str(city_db), str(f), str(bad)]) == 1
    assert "不是 .xlsx" in capsys.readouterr().out
    assert run(["import", "--db", str(city_db), "--dry-run", str(f)]) == 0
    assert "试导入" in capsys.readouterr().out
    assert run(["import", "--db", str(city_db), str(f)]) == 0
    assert "已导入" in capsys.readouterr().out
    assert run(["return-status", "--db", str(city_db), "--week", "2021-W05", "--weeks", "2"]) == 0
    assert run(["export", "--db", str(city_db), "--week", "2021-W05", "-o", str(tmp_path)]) == 0
    assert (tmp_path / "410200_开封市_5G汇总_2021W05.xlsx").exists()
    import pytest

    with pytest.raises(SystemExit):  # argparse rejects the week with the Chinese message
        run(["export", "--db", str(unit_db), "--week", "2021-W5x"])
    assert "格式不对" in capsys.readouterr().err


def test_cli_bulk_import(tmp_path, capsys):
    db = tmp_path / "u.db"
    factory.open_store(db).close()
    csvf = tmp_path / "ops.csv"
    csvf.write_text("基站编码,运营商,站名\n1001,中国移动,甲站\n1002,中国铁通,乙站\n", encoding="utf-8")
    assert run(["bulk-import", "--db", str(db), str(csvf), "--register", "stations"]) == 1
    out = capsys.readouterr().out
    assert "第3行" in out and "中国铁通" in out
    csvf.write_text("基站编码,运营商,站名\n1001,中国移动,甲站\n1002,中国联通,乙站\n", encoding="utf-8")
    assert run(["bulk-import", "--db", str(db), str(csvf), "--register", "stations", "--dry-run"]) == 0
    assert run(["bulk-import", "--db", str(db), str(csvf), "--register", "stations"]) == 0
    out = capsys.readouterr().out
    batch = int(out.split("批次 ")[1].split("）")[0])
    assert run(["bulk-undo", "--db", str(db), str(batch)]) == 0


def test_cli_import_into_a_damaged_database_is_refused_before_any_file(tmp_path, capsys):
    """``kf5g import`` checks the file beside the first file's verification (not before it): a
    damaged database is still refused as a whole, before any file's line, nothing written, no
    backup kept."""
    import sqlite3

    from kf5g_desktop.cli.common import EXIT_ERROR

    unit_db = tmp_path / "u.db"
    s = factory.open_store(unit_db)
    factory.make_records(s, "410221", 10)
    s.close()
    city_db = tmp_path / "city" / "c.db"
    city_db.parent.mkdir()
    assert run(["init", "--db", str(city_db), "--city", "--user", "市局"]) == 0
    assert run(["export", "--db", str(unit_db), "--week", "2021-W05", "-o", str(tmp_path)]) == 0
    f = tmp_path / "410221_杞县_5G周报_2021W05.xlsx"
    con = sqlite3.connect(city_db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'audit_log'").fetchone()[0]
    con.close()
    data = bytearray(city_db.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for i in range((root - 1) * page, (root - 1) * page + 64):
        data[i] ^= 0xA5
    city_db.write_bytes(bytes(data))
    capsys.readouterr()
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a workbook")
    for files in ([f], [bad, f]):
        assert run(["import", "--db", str(city_db), *map(str, files)]) == EXIT_ERROR
        cap = capsys.readouterr()
        assert "已损坏" in cap.err and "kf5g restore" in cap.err
        assert cap.out == ""  # no file's line
        assert city_db.read_bytes() == bytes(data)
        assert not list((city_db.parent / "backups").glob("*"))
