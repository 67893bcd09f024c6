"""The coordinate system choice beside the coordinate fields and in the bulk import: stored as WGS-84."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMessageBox

from kf5g_desktop.domain import coords
from kf5g_desktop.domain.schema import STATION
from kf5g_desktop.gui.record_form import RecordForm
from kf5g_desktop.gui.returns_bulk import BulkImportWizard
from kf5g_desktop.returns import bulk
from tests.gui.gui_helpers import answer_next_box, choose, type_text

WGS = (114.7725, 34.5491)  # inside 杞县


def test_a_gcj02_coordinate_typed_in_the_form_is_stored_as_wgs84(qtbot, window, sample_store):
    form = window.new_record(STATION)
    qtbot.waitUntil(form.isActiveWindow, timeout=2000)
    ui = form.ui
    combo = form.coord_system
    assert combo is not None and combo.currentData() == coords.WGS84
    # the choice sits in the row under 纬度, labelled 坐标系
    layout = ui.f_lat.parentWidget().layout()
    row, _ = layout.getWidgetPosition(ui.f_lat)
    assert layout.itemAt(row + 1, layout.ItemRole.LabelRole).widget().text() == "坐标系"
    type_text(qtbot, ui.f_station_code, "G1")
    choose(qtbot, ui.f_operator, "中国联通")
    type_text(qtbot, ui.f_name, "高德坐标录入站")
    gcj = coords.wgs84_to_gcj02(*WGS)
    ui.f_lon.setFocus()
    type_text(qtbot, ui.f_lon, f"{gcj[0]:.6f}")
    ui.f_lat.setFocus()
    type_text(qtbot, ui.f_lat, f"{gcj[1]:.6f}")
    choose(qtbot, combo, "GCJ-02（高德、腾讯）")
    record, issues = form.issues()
    assert coords.distance_m(record.lon, record.lat, *WGS) < 1.0
    assert not [i for i in issues if i.code == "coord_outside_unit"]
    answer_next_box(QMessageBox.StandardButton.Save)
    assert form.save() is True
    saved = sample_store.find_station("CUCC", "G1")
    assert saved is not None and coords.distance_m(saved.lon, saved.lat, *WGS) < 1.0
    # Opened again, the form shows the stored WGS-84 numbers and says so.
    again = RecordForm(sample_store, STATION, saved)
    qtbot.addWidget(again)
    assert again.coord_system.currentData() == coords.WGS84
    assert abs(float(again.ui.f_lon.text()) - saved.lon) < 1e-6


def test_the_bulk_wizard_offers_the_system_and_remembers_it(qtbot, sample_store, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    bd = coords.wgs84_to_bd09(*WGS)
    csvf = tmp_path / "bd.csv"
    csvf.write_text(
        "gNodeB标识,运营商,站名,经度,纬度\n"
        f"66000001,中国移动,百度坐标站,{bd[0]:.6f},{bd[1]:.6f}\n",
        encoding="utf-8",
    )
    wiz = BulkImportWizard(sample_store)
    qtbot.addWidget(wiz)
    wiz.show()
    wiz.file_page.path.setText(str(csvf))
    wiz.next()
    page = wiz.mapping_page
    assert page.coord_system.currentData() == coords.WGS84
    assert any(lbl.text() == "经纬度的坐标系" for lbl in page.findChildren(QLabel))
    choose(qtbot, page.coord_system, "BD-09（百度）")
    page.save.setChecked(True)
    wiz.next()
    qtbot.waitUntil(lambda: wiz.preview is not None, timeout=20000)
    assert wiz.preview.coord_system == coords.BD09
    [row] = wiz.preview.rows
    assert coords.distance_m(row.record.lon, row.record.lat, *WGS) < 1.0
    assert bulk.saved_coord_system(sample_store, STATION) == coords.BD09
