"""City side: completeness grid, consolidated return with 完成情况; the reference-data file."""

from __future__ import annotations

import json
from datetime import datetime

import openpyxl
import pytest

from kf5g_desktop.returns import reference
from kf5g_desktop.returns.city import LATE, MISSING, MODIFIED, ON_TIME, completeness_grid
from kf5g_desktop.returns.export import export_return
from kf5g_desktop.returns.format import CITY_SHEETS
from kf5g_desktop.returns.importer import import_files
from kf5g_desktop.returns.verify import verify_file
from tests.returns import factory
from tests.returns.conftest import WEEK


def _unit(tmp_path, code, n, seed):
    s = factory.open_store(tmp_path / code / "kf5g.db", unit=code)
    factory.make_records(s, code, n, seed=seed)
    return s


def test_grid_and_consolidated_return(tmp_path, city_store):
    qx = _unit(tmp_path, "410221", 12, 1)
    lk = _unit(tmp_path, "410225", 8, 2)
    f1 = export_return(qx, WEEK, tmp_path).path
    f2 = export_return(lk, WEEK, tmp_path).path
    qx.close()
    lk.close()
    assert import_files(city_store, [f1])[0].ok  # Sunday 16:00: on time
    city_store.clock_state["now"] = datetime(2021, 2, 9, 9, 0)  # Tuesday: late
    assert import_files(city_store, [f2])[0].ok
    grid = completeness_grid(city_store, WEEK.prev(), WEEK)
    assert grid[("410221", WEEK)].state == ON_TIME
    assert grid[("410225", WEEK)].state == LATE
    assert grid[("410202", WEEK)].state == MISSING
    assert grid[("410221", WEEK.prev())].state == MISSING
    # A modified file accepted with a reason shows as such.
    wb = openpyxl.load_workbook(f2)
    wb["基站"]["I4"] = "改动"
    wb.save(f2)
    rep = import_files(city_store, [f2], accept_modified="核实无误", replace_confirmed=True)[0]
    assert rep.ok
    assert completeness_grid(city_store, WEEK, WEEK)[("410225", WEEK)].state == MODIFIED

    res = export_return(city_store, WEEK, tmp_path)
    assert res.path.name == "410200_开封市_5G汇总_2021W05.xlsx"
    wb = openpyxl.load_workbook(res.path)
    assert tuple(wb.sheetnames) == CITY_SHEETS
    meta = {r[0].value: r[1].value for r in wb["_meta"].iter_rows()}
    assert meta["kind"] == "city" and meta["unit_code"] == "410200" and meta["unit_name"] == "开封市"
    done = list(wb["完成情况"].iter_rows(values_only=True))
    assert done[0] == ("区县代码", "区县", "是否报送", "报送时间", "是否逾期", "基站总数", "已开通")
    rows = {r[0]: r for r in done[1:]}
    assert len(rows) == 9
    assert rows["410221"][2] == "是" and rows["410221"][4] == "否" and rows["410221"][5] == 12
    assert rows["410225"][4] == "是" and rows["410202"][2] == "否"
    assert wb["基站"].max_row - 3 == 20
    # The consolidated file verifies (kind=city) but is not importable as a unit's return.
    v = verify_file(city_store, res.path)
    assert v.ok, v.messages()
    rep = import_files(city_store, [res.path])[0]
    assert not rep.ok and "市级汇总" in rep.error


def test_reference_file_round_trip(tmp_path, city_store):
    city_store.set_target("410221", 2021, "stations_on_air", 300)
    path = reference.export_reference(city_store, tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    keys = data["unit_keys"]
    assert len(keys) == 9 and all(len(k) == 64 and int(k, 16) >= 0 for k in keys.values())
    assert len(set(keys.values())) == 9
    assert {c["code"] for c in data["units"]} >= {"410221", "410225"}
    assert data["code_lists"]["operator"][0] == ["CMCC", "中国移动"]
    unit = factory.open_store(tmp_path / "u" / "kf5g.db")
    unit.set_unit_key("410202", "ff" * 32)  # a stray key of another unit is dropped
    res = reference.import_reference(unit, path)
    assert res.key_kept and unit.unit_keys() == {"410221": keys["410221"]}
    assert any(t.unit_code == "410221" and t.value == 300 for t in unit.targets())
    # Returns are now signed and the city verifies them with its copy of the key.
    factory.make_records(unit, "410221", 5)
    ret = export_return(unit, WEEK, tmp_path)
    assert ret.content.signature
    assert verify_file(city_store, ret.path).signature_status == "ok"
    unit.close()


def test_reference_refusals(tmp_path, city_store, unit_store):
    with pytest.raises(reference.ReferenceError, match="市级安装"):
        reference.export_reference(unit_store, tmp_path)
    bogus = tmp_path / "x.json"
    bogus.write_text("{}", encoding="utf-8")
    with pytest.raises(reference.ReferenceError, match="不是开封市5G参考数据文件"):
        reference.import_reference(unit_store, bogus)
    path = reference.export_reference(city_store, tmp_path)
    with pytest.raises(reference.ReferenceError, match="区县安装"):
        reference.import_reference(city_store, path)
