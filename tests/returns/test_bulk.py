"""Bulk import of operators' lists: synonyms, any column order, preview, all-or-nothing, undo."""

from __future__ import annotations

import csv

import pytest
from openpyxl import Workbook

from kf5g_desktop.returns import bulk
from kf5g_desktop.returns.bulk import CHANGED, CONFLICT, ERROR, NEW, UNCHANGED
from tests.returns.conftest import db_digest

HEADERS = [
    "经度",
    "纬度",
    "gNodeB标识",
    "运营商",
    "站名",
    "乡镇",
    "状态",
    "组网",
    "开通时间",
    "站型",
    "建设方式",
    "供电方式",
    "备注",
]


def _row(i, **over):
    r = {
        "经度": 114.7 + (i % 100) / 1000,
        "纬度": 34.5 + (i % 50) / 1000,
        "gNodeB标识": f"88{i:08d}",
        "运营商": ["中国移动", "中国联通", "中国电信", "中国广电"][i % 4],
        "站名": f"杞县批量{i}号站",
        "乡镇": "五里河镇",
        "状态": "已开通",
        "组网": "SA",
        "开通时间": "2021/1/5",
        "站型": "宏站",
        "建设方式": "新建",
        "供电方式": "直供电",
        "备注": "=来自运营商" if i == 0 else None,
    }
    r.update(over)
    return [r[h] for h in HEADERS]


def _xlsx(path, rows):
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("清单")
    ws.append(["中国移动开封分公司5G基站清单"])
    ws.append(HEADERS)
    for r in rows:
        ws.append([v[1:] if isinstance(v, str) and v.startswith("=") else v for v in r])  # no formulas here
    wb.save(path)
    return path


def test_synonyms_any_order():
    m = bulk.guess_mapping(
        "station", ["纬度", "lon", "站址编码", "铁塔站址编码", "承建方", "基站名称", "备注(说明)"]
    )
    assert m == {
        "lat": 0,
        "lon": 1,
        "station_code": 2,
        "tower_site_code": 3,
        "operator": 4,
        "name": 5,
        "notes": 6,
    }
    assert bulk.guess_mapping("station", ["基站编码", "运营商"])["station_code"] == 0
    assert bulk.guess_mapping("station", ["gNodeB 标识"])["station_code"] == 0


def test_ten_thousand_rows_one_bad_row_writes_nothing(unit_store, tmp_path):
    rows = [_row(i) for i in range(10_000)]
    rows[4321] = _row(4321, 经度=126.5)  # outside Kaifeng
    path = _xlsx(tmp_path / "list.xlsx", rows)
    before = db_digest(unit_store)
    count = unit_store.count("station")
    pv = bulk.load_and_preview(unit_store, path, "stations")
    bad = [r for r in pv.rows if r.state == ERROR]
    assert [r.row for r in bad] == [4321 + 3]  # file row: title, header, then data
    assert "经度" in str(bad[0].problems[0]) and "不在开封市范围内" in str(bad[0].problems[0])
    assert pv.count(NEW) == 9_999 and not pv.ok
    with pytest.raises(bulk.BulkImportError, match="未导入任何数据"):
        bulk.commit(unit_store, pv)
    assert unit_store.count("station") == count
    assert db_digest(unit_store) == before


def test_preview_diff_commit_and_undo(unit_store, tmp_path):
    existing = unit_store.query("station")[0]
    from kf5g_desktop.domain import codes

    op_label = codes.OPERATOR.label(existing.operator)
    rows = [_row(i) for i in range(5)]
    rows.append(_row(5, gNodeB标识=rows[0][2], 运营商=rows[0][3]))  # same key twice in the file
    path = tmp_path / "list.csv"
    with path.open("w", encoding="gb18030", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADERS)
        for r in rows:
            w.writerow(["" if v is None else v for v in r])
        w.writerow(
            _row(
                9,
                gNodeB标识=existing.station_code,
                运营商=op_label,
                站名=existing.name + "(改)",
                经度=existing.lon,
                纬度=existing.lat,
            )
        )
    pv = bulk.load_and_preview(unit_store, path, "stations")
    states = [r.state for r in pv.rows]
    assert states[:5] == [NEW] * 5 and states[5] == CONFLICT
    last = pv.rows[-1]
    assert last.state == CHANGED, [str(p) for p in last.problems]
    assert ("基站名称", existing.name, existing.name + "(改)") in last.changes
    # Drop the conflicting row and commit the rest.
    pv.rows = [r for r in pv.rows if r.state not in (CONFLICT, ERROR)]
    before = unit_store.count("station")
    batch = bulk.commit(unit_store, pv)
    assert unit_store.count("station") == before + 5
    got = unit_store.find_station("CMCC", "8800000000")
    assert got is not None and got.notes == "=来自运营商" and got.on_air.isoformat() == "2021-01-05"
    unit_store.undo_batch(batch)
    assert unit_store.count("station") == before


def test_unchanged_rows_and_saved_mapping(unit_store, tmp_path):
    path = _xlsx(tmp_path / "a.xlsx", [_row(i) for i in range(3)])
    pv = bulk.load_and_preview(unit_store, path, "stations")
    bulk.commit(unit_store, pv)
    again = bulk.load_and_preview(unit_store, path, "stations")
    assert [r.state for r in again.rows] == [UNCHANGED] * 3
    # A custom header mapped by hand, saved, then found automatically.
    wb = Workbook()
    ws = wb.active
    ws.append(["编号X", "运营商", "站名"])
    ws.append(["77000001", "中国电信", "手工映射站"])
    custom = tmp_path / "custom.xlsx"
    wb.save(custom)
    with pytest.raises(bulk.BulkImportError, match="基站编码"):
        bulk.load_and_preview(unit_store, custom, "stations")
    pv = bulk.load_and_preview(unit_store, custom, "stations", mapping={"station_code": "编号X"})
    assert pv.rows[0].state == NEW
    bulk.save_mapping(unit_store, "station", pv.table.headers, pv.mapping)
    assert bulk.load_and_preview(unit_store, custom, "stations").rows[0].state == NEW


def test_formulas_in_operator_list_are_refused(unit_store, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["基站编码", "运营商", "站名"])
    ws.append(["1", "中国移动", '=A2&"站"'])
    p = tmp_path / "f.xlsx"
    wb.save(p)
    with pytest.raises(bulk.BulkImportError, match="公式"):
        bulk.load_and_preview(unit_store, p, "stations")


def test_free_text_keeps_chinese_punctuation_codes_do_not(unit_store, tmp_path):
    """PRODUCT §3.3: names and notes keep "（）：；" as typed; a code typed full-width becomes ASCII."""
    rows = [_row(0, 站名="杞县（城关）５Ｇ站", 备注="已协调（街道）：完成；", gNodeB标识="８８０００００００１")]
    pv = bulk.load_and_preview(unit_store, _xlsx(tmp_path / "p.xlsx", rows), "stations")
    assert pv.ok, [str(p) for r in pv.rows for p in r.problems]
    bulk.commit(unit_store, pv)
    got = unit_store.find_station("CMCC", "8800000001")
    assert got is not None
    assert got.name == "杞县（城关）5G站"
    assert got.notes == "已协调（街道）：完成；"
