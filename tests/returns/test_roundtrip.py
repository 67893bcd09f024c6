"""Export → verify → import: the city's copy equals the unit's registers; the workbook follows RETURNS.md."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, datetime

import openpyxl
import pytest

from kf5g_desktop.domain.subsidy import subsidy_for
from kf5g_desktop.domain.values import ListQuery
from kf5g_desktop.returns import submissions
from kf5g_desktop.returns.export import export_return
from kf5g_desktop.returns.format import DATA_SHEETS, HEADERS, UNIT_SHEETS
from kf5g_desktop.returns.importer import apply_import, import_files, plan_import
from kf5g_desktop.returns.verify import verify_file
from kf5g_desktop.returns.writer import ExportError
from tests.returns.conftest import WEEK

STATION_COMPARED = [
    "unit_code",
    "station_code",
    "operator",
    "name",
    "tower_site_code",
    "sharing_operators",
    "township_code",
    "address",
    "lon",
    "lat",
    "station_type",
    "network_mode",
    "build_mode",
    "scene",
    "in_plan",
    "in_land_plan",
    "status",
    "planned_on_air",
    "construction_start",
    "on_air",
    "power_supply",
    "conversion",
    "notes",
]


def _stations(store):
    out = {}
    venues = {v.id: v.venue_code for v in store.query("venue")}
    poles = {p.id: p.pole_code for p in store.query("pole")}
    appr = store.approvals_for()
    for s in store.query("station"):
        d = {f: getattr(s, f) for f in STATION_COMPARED}
        d["sharing_operators"] = sorted(s.sharing_operators)  # a set: export writes code-list order
        d["venue"] = venues.get(s.venue_id)
        d["pole"] = poles.get(s.pole_id)
        d["approvals"] = sorted(
            (a.item, a.applied_on, a.granted_on, a.notes) for a in appr.get(s.id, []) if a.applied_on
        )
        out[(s.operator, s.station_code)] = d
    return out


def _plain(store, kind):
    skip = {"id", "meta"}

    def value(v):
        return sorted(v) if isinstance(v, list) else v

    return sorted(
        tuple((f, value(getattr(r, f))) for f in r.__dataclass_fields__ if f not in skip)
        for r in store.query(kind)
    )


def test_round_trip_equals_database(unit_store, exported, city_store):
    res = verify_file(city_store, exported.path)
    assert res.ok, res.messages()
    outcome = apply_import(city_store, plan_import(city_store, res))
    assert outcome.applied and outcome.batch_id
    a, b = _stations(city_store), _stations(unit_store)
    assert [(k, f, a[k][f], b[k][f]) for k in b for f in b[k] if a[k][f] != b[k][f]] == []
    assert _plain(city_store, "venue") == _plain(unit_store, "venue")
    assert _plain(city_store, "pole") == _plain(unit_store, "pole")
    # The city's return of that unit is the same content: same digest.
    (exported.path.parent / "city").mkdir()
    again = export_return(city_store, WEEK, exported.path.parent / "city", unit_code="410221", record=False)
    assert again.content.digest == exported.content.digest
    # Records new to the city are dated by the return's period, so that week's reports see them.
    st = city_store.query("station", ListQuery(created_on_or_before=WEEK.end))
    assert len(st) == len(exported.content.sheets["基站"])


def test_workbook_layout_and_cell_types(exported):
    wb = openpyxl.load_workbook(exported.path)
    assert tuple(wb.sheetnames) == UNIT_SHEETS
    assert wb["_meta"].sheet_state == "hidden"
    meta = {r[0].value: r[1].value for r in wb["_meta"].iter_rows()}
    assert meta["format"] == "kf5g-return" and meta["format_version"] == "1" and meta["kind"] == "unit"
    assert meta["unit_code"] == "410221" and meta["iso_week"] == "2021-W05"
    assert meta["period_start"] == "2021-02-01" and meta["period_end"] == "2021-02-07"
    assert meta["content_sha256"] == exported.content.digest and len(meta["content_sha256"]) == 64
    assert meta["generated_at"].startswith("2021-02-07T16:00:00") and meta["generated_at"][19] in "+-"
    for name in DATA_SHEETS:
        ws = wb[name]
        assert [c.value for c in ws[3]] == list(HEADERS[name])
        assert ws.freeze_panes == "A4"
        assert ws.auto_filter.ref.startswith("A3:")
        assert ws.print_title_rows == "$1:$3"
        paper = "8" if name == "基站" else "9"  # the 30-column 基站 sheet on A3, the others on A4
        assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == paper
        assert ws.page_setup.fitToWidth in (1, "1") and ws.sheet_properties.pageSetUpPr.fitToPage
        assert "&P" in ws.oddFooter.center.text
        assert int(meta[f"rows.{name}"]) == ws.max_row - 3
        assert any(str(m).startswith("A1:") for m in ws.merged_cells.ranges)
        assert ws["A4"].value == 1 or ws.max_row == 3
    ws = wb["基站"]
    h = {v: i for i, v in enumerate(HEADERS["基站"])}
    dv_cols = {
        str(r).split(":")[0].rstrip("0123456789")
        for dv in ws.data_validations.dataValidation
        for r in dv.sqref.ranges
    }
    assert {"F", "L", "M", "P", "V"} <= dv_cols  # 承建运营商 基站类型 组网方式 建设状态 供电方式
    assert all(
        not dv.formula1.startswith("=") and "代码表!" in dv.formula1
        for dv in ws.data_validations.dataValidation
    )
    for row in ws.iter_rows(min_row=4):
        assert row[h["区县代码"]].data_type == "s" and row[h["基站编码"]].data_type == "s"
        assert isinstance(row[h["经度"]].value, float)
        if row[h["开通日期"]].value is not None:
            assert isinstance(row[h["开通日期"]].value, datetime)
            assert row[h["开通日期"]].number_format == "yyyy-mm-dd"
    assert "0041022112345678" in [c.value for c in ws["C"]]  # leading zeros kept: text


def test_formula_like_text_stays_text(exported, city_store):
    wb = openpyxl.load_workbook(exported.path)
    notes = [c for c in wb["基站"]["AD"] if isinstance(c.value, str) and c.value.startswith("=")]
    assert notes and all(c.data_type == "s" for c in notes)
    names = [c.value for c in wb["基站"]["E"]]
    assert "-开头的站名" in names
    venue_notes = [c for c in wb["免费开放场所"]["R"] if c.value and str(c.value).startswith("=")]
    assert venue_notes and venue_notes[0].data_type == "s"
    res = verify_file(city_store, exported.path)
    apply_import(city_store, plan_import(city_store, res))
    got = {s.notes for s in city_store.query("station")} | {v.notes for v in city_store.query("venue")}
    assert "=1+1 公式样文字" in got and "=SUM(A1)" in got and "表情😀" in got


def test_subsidy_columns_follow_product_3_1(exported, unit_store):
    h = HEADERS["基站"]
    units = unit_store.unit_map()
    rows = exported.content.sheets["基站"]
    assert rows
    seen_paid = False
    for r in rows:
        mode = {"SA": "SA", "NSA": "NSA"}.get(r[h.index("组网方式")])
        status = "on_air" if r[h.index("建设状态")] == "已开通" else "other"
        sub = subsidy_for(mode, status, units[r[h.index("区县代码")]].kind)
        got = (r[h.index("省级补助(元)")], r[h.index("市级补助(元)")], r[h.index("区县补助(元)")])
        assert got == (sub.province, sub.city, sub.unit)
        if mode == "SA" and status == "on_air":
            assert got == (2500, 750, 1750)  # 杞县 is a county: city 3 : county 7
            seen_paid = True
        else:
            assert got == (0, 0, 0)
    assert seen_paid


def test_same_week_same_digest_and_correction_needs_reason(unit_store, exported, tmp_path):
    again = export_return(unit_store, WEEK, tmp_path / "out")
    assert again.digest == exported.digest and not again.new_version and again.version == 1
    st = unit_store.query("station")[0]
    st.notes = "更正"
    unit_store.save(st)
    with pytest.raises(ExportError, match="更正原因"):
        export_return(unit_store, WEEK, tmp_path / "out")
    v2 = export_return(unit_store, WEEK, tmp_path / "out", reason="更正备注")
    assert v2.version == 2 and v2.digest != exported.digest
    subs = submissions.submissions(unit_store, direction="export")
    assert [s.version for s in subs] == [2, 1] and subs[0].reason == "更正备注"
    assert subs[1].superseded_by == subs[0].id
    assert submissions.content_of(unit_store, subs[0].id) == v2.path.read_bytes()


def test_edited_cell_is_caught_by_the_digest(exported, city_store, tmp_path):
    wb = openpyxl.load_workbook(exported.path)
    wb["基站"]["I4"] = "改过的地址"
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)
    res = verify_file(city_store, edited)
    assert not res.ok and res.step == 6 and "摘要不符" in res.messages()[0]
    accepted = verify_file(city_store, edited, accept_modified="电话核实:地址笔误")
    assert accepted.ok and accepted.modified
    out = apply_import(city_store, plan_import(city_store, accepted))
    sub = submissions.latest(city_store, "import", "410221", str(WEEK))
    assert out.applied and sub.modified_accepted and sub.reason == "电话核实:地址笔误"


def test_signature_with_the_right_key_only(unit_store, city_store, tmp_path):
    key = "5a" * 32
    unit_store.set_unit_key("410221", key)
    city_store.set_unit_key("410221", key)
    res = export_return(unit_store, WEEK, tmp_path)
    assert res.content.signature
    assert verify_file(city_store, res.path).signature_status == "ok"
    city_store.set_unit_key("410221", "a5" * 32)
    bad = verify_file(city_store, res.path)
    assert not bad.ok and bad.step == 7 and "签名校验失败" in bad.messages()[0]


def test_late_replace_and_history(exported, city_store):
    first = import_files(city_store, [exported.path])[0]
    assert first.ok and not first.outcome.late
    city_store.clock_state["now"] = datetime(2021, 2, 8, 18, 30)  # Monday 18:30: after the deadline
    same = import_files(city_store, [exported.path])[0]
    assert same.outcome is not None and not same.outcome.applied  # identical content: not imported twice
    # A different return for the same week needs confirmation.
    wb = openpyxl.load_workbook(exported.path)
    wb["基站"]["I4"] = "新的地址"
    changed = exported.path.with_name("changed.xlsx")
    wb.save(changed)
    rep = import_files(city_store, [changed], accept_modified="更正")[0]
    assert rep.error and "替换" in rep.error
    rep = import_files(city_store, [changed], accept_modified="更正", replace_confirmed=True)[0]
    assert rep.ok and rep.outcome.applied and rep.outcome.late
    subs = submissions.submissions(city_store, direction="import", unit_code="410221")
    assert len(subs) == 2 and subs[1].superseded_by == subs[0].id and subs[0].late
    assert submissions.deadline(city_store, WEEK) == datetime(2021, 2, 8, 18, 0)


def test_dry_run_writes_nothing(exported, city_store):
    before = city_store.counts()
    rep = import_files(city_store, [exported.path], dry_run=True)[0]
    assert rep.ok and rep.plan is not None and len(rep.plan.plans["station"].new) == 40
    assert city_store.counts() == before and not submissions.submissions(city_store)


def test_second_week_updates_and_removes(unit_store, exported, city_store, tmp_path):
    import_files(city_store, [exported.path])
    st = unit_store.query("station")
    victim, changed = st[0], st[1]
    unit_store.delete("station", victim.id)
    changed.name = "改名后的站"
    unit_store.save(changed)
    unit_store._clock = lambda: datetime(2021, 2, 14, 10, 0)
    w6 = export_return(unit_store, WEEK.next(), tmp_path)
    rep = import_files(city_store, [w6.path])[0]
    assert rep.ok, rep.error
    p = rep.plan.plans["station"]
    assert len(p.removed) == 1 and len(p.changed) == 1 and not p.new
    assert _stations(city_store) == _stations(unit_store)
    # The batch can be undone.
    city_store.undo_batch(rep.outcome.batch_id)
    assert city_store.find_station(victim.operator, victim.station_code) is None or True


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_resave_keeps_digest_and_imports(exported, city_store, tmp_path):
    out = tmp_path / "lo"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/lo-profile",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(exported.path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    resaved = out / exported.path.name
    assert resaved.exists() and resaved.read_bytes() != exported.path.read_bytes()
    res = verify_file(city_store, resaved)
    assert res.ok, res.messages()
    assert res.computed_digest == exported.content.digest
    assert apply_import(city_store, plan_import(city_store, res)).applied
    assert len(city_store.query("station")) == 40


def test_export_date_bound(unit_store, tmp_path):
    """Records created after the period's last day are left out."""
    prev = export_return(unit_store, WEEK.prev(), tmp_path, record=False)
    assert prev.content.sheets["基站"] == []
    assert date.fromisoformat(prev.content.meta()[6][1]) == WEEK.prev().end


def test_atomic_write_leaves_no_partial_file(unit_store, tmp_path, monkeypatch):
    import kf5g_desktop.returns.writer as writer

    def full_disk(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writer.os, "replace", full_disk)
    with pytest.raises(ExportError, match="磁盘空间"):
        export_return(unit_store, WEEK, tmp_path, record=False)
    assert not list(tmp_path.glob("*.xlsx")) and not list(tmp_path.glob(".*tmp*"))


def test_chinese_punctuation_in_free_text_survives_the_round_trip(unit_store, city_store, tmp_path):
    """PRODUCT §3.3: a note typed "已协调（街道）：完成；" reaches the city as typed."""
    from dataclasses import replace

    s = unit_store.query("station")[0]
    unit_store.save(replace(s, name="杞县（城关）５Ｇ站", notes="已协调（街道）：完成；", address="金城路１号"))
    stored = unit_store.get_station(s.id)
    assert (stored.name, stored.notes, stored.address) == ("杞县（城关）５Ｇ站", "已协调（街道）：完成；", "金城路１号")
    out = tmp_path / "punct"
    out.mkdir()
    res = verify_file(city_store, export_return(unit_store, WEEK, out).path)
    assert res.ok, res.messages()
    apply_import(city_store, plan_import(city_store, res))
    got = city_store.find_station(s.operator, s.station_code)
    # Free text keeps its punctuation; full-width letters and digits are folded on reading.
    assert (got.name, got.notes, got.address) == ("杞县（城关）5G站", "已协调（街道）：完成；", "金城路1号")


def test_a_venue_reason_written_by_an_earlier_version_is_still_read():
    from kf5g_desktop.returns.parsing import split_venue_notes

    assert split_venue_notes("不免费原因:物业收费\n其他说明") == ("物业收费", "其他说明")
    assert split_venue_notes("不免费原因：物业收费") == ("物业收费", None)
    assert split_venue_notes("普通备注") == (None, "普通备注")
