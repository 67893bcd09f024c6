"""Messages that say the right thing to whoever reads them (issue 11.14): the command line about a
database in use, the city about signing keys (it issues them)."""

from __future__ import annotations

import subprocess
import sys

from kf5g_desktop.returns.export import describe, export_return
from kf5g_desktop.returns.importer import import_files
from kf5g_desktop.storage.store import Store
from tests.returns import factory
from tests.returns.conftest import WEEK


def test_command_line_export_while_the_window_holds_the_database(tmp_path):
    path = tmp_path / "kf5g.db"
    store = factory.open_store(path)  # as the open window holds it
    try:
        r = subprocess.run(
            [sys.executable, "-m", "kf5g_desktop", "export", "--week", str(WEEK), "--db", str(path)],
            capture_output=True,
            text=True,
        )
    finally:
        store.close()
    assert r.returncode == 2
    assert "张三" in r.stderr and "本命令没有执行" in r.stderr and "再运行本命令" in r.stderr
    assert "窗口只能只读" not in r.stderr


def test_city_export_and_import_say_how_keys_are_issued(tmp_path, city_store, unit_store):
    out = tmp_path / "out"
    out.mkdir()
    unsigned = export_return(unit_store, WEEK, out)  # the unit has no key yet
    assert "未签名（市局尚未下发密钥）" in describe(unsigned)
    (report,) = import_files(city_store, [unsigned.path], dry_run=True)
    notes = "\n".join(report.result.messages())
    assert "还没有给该区县发放签名密钥" in notes and "导出参考数据" in notes
    assert "kf5g reference export" in notes
    consolidated = describe(export_return(city_store, WEEK, out))
    assert "全市汇总表不需要签名" in consolidated and "市局尚未下发" not in consolidated
    one_unit = describe(export_return(city_store, WEEK, out, unit_code="410222"))
    assert "尚未给该区县发放签名密钥" in one_unit and "导出参考数据" in one_unit
    assert "市局尚未下发" not in one_unit
    with Store.open(unit_store.server_url or unit_store.path, readonly=True) as ro:  # a unit's own verify keeps its wording
        (own,) = import_files(ro, [unsigned.path], dry_run=True)
        assert "发放" not in "\n".join(own.result.messages())
